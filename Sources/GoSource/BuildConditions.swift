/// What Go's build rules read from a file's name: `name_GOOS_GOARCH.go`, `name_GOOS.go` and `name_GOARCH.go` build
/// only for that system or architecture (a `_test` before `.go` is dropped first).
public enum GoFileNameCondition {
    private static let operatingSystems: Set<String> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
        "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    ]
    private static let architectures: Set<String> = [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
        "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x",
        "sparc", "sparc64", "wasm",
    ]

    /// The condition the file name `name` (no folder) implies, as a build expression (`linux && amd64`, `windows`);
    /// nil when the name implies none.
    public static func of(_ name: String) -> String? {
        var stem = name.hasSuffix(".go") ? String(name.dropLast(3)) : name
        if stem.hasSuffix("_test") { stem = String(stem.dropLast(5)) }
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        let last = parts[parts.count - 1]
        if parts.count >= 3, operatingSystems.contains(parts[parts.count - 2]), architectures.contains(last) {
            return "\(parts[parts.count - 2]) && \(last)"
        }
        if operatingSystems.contains(last) || architectures.contains(last) { return last }
        return nil
    }
}

/// A `//go:build` expression (`linux && (amd64 || arm64)`, `!windows`) judged for one build.
public enum GoBuildExpression {
    /// The tags a default Linux amd64 build with cgo satisfies (every `go1.N` release tag holds as well).
    public static let linuxAMD64: Set<String> = ["linux", "amd64", "unix", "gc", "cgo"]

    /// Whether `expression` holds when exactly `tags` (and every `go1.N`) are set; nil when it is not an expression
    /// this reads (the old `// +build a b,c` form, unbalanced parentheses).
    public static func holds(_ expression: String, tags: Set<String>) -> Bool? {
        var tokens: [String] = []
        var index = expression.startIndex
        while index < expression.endIndex {
            let character = expression[index]
            if character == " " || character == "\t" {
                index = expression.index(after: index)
            } else if character == "(" || character == ")" || character == "!" {
                tokens.append(String(character))
                index = expression.index(after: index)
            } else if character == "&" || character == "|" {
                let next = expression.index(after: index)
                guard next < expression.endIndex, expression[next] == character else { return nil }
                tokens.append(String([character, character]))
                index = expression.index(after: next)
            } else if character.isLetter || character.isNumber || character == "_" || character == "." {
                var end = index
                while end < expression.endIndex,
                    expression[end].isLetter || expression[end].isNumber || expression[end] == "_"
                        || expression[end] == "."
                {
                    end = expression.index(after: end)
                }
                tokens.append(String(expression[index..<end]))
                index = end
            } else {
                return nil
            }
        }
        guard tokens.count <= 1_000 else { return nil }
        var position = 0
        var depth = 0
        func or() -> Bool? {
            guard var value = and() else { return nil }
            while position < tokens.count, tokens[position] == "||" {
                position += 1
                guard let right = and() else { return nil }
                value = value || right
            }
            return value
        }
        func and() -> Bool? {
            guard var value = unary() else { return nil }
            while position < tokens.count, tokens[position] == "&&" {
                position += 1
                guard let right = unary() else { return nil }
                value = value && right
            }
            return value
        }
        func unary() -> Bool? {
            guard position < tokens.count else { return nil }
            let token = tokens[position]
            position += 1
            switch token {
            case "!":
                return unary().map { !$0 }
            case "(":
                depth += 1
                guard depth <= 100, let inner = or(), position < tokens.count, tokens[position] == ")" else {
                    return nil
                }
                position += 1
                depth -= 1
                return inner
            case ")", "&&", "||":
                return nil
            default:
                return tags.contains(token) || token.hasPrefix("go1.")
            }
        }
        guard let value = or(), position == tokens.count else { return nil }
        return value
    }
}
