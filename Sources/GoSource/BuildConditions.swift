/// What Go's build rules read from a file's name: `name_GOOS_GOARCH.go`, `name_GOOS.go` and `name_GOARCH.go` build
/// only for that system or architecture (a `_test` before `.go` is dropped first).
public enum GoFileNameCondition {
    public static let operatingSystems: Set<String> = [
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

/// A file's build constraint written one way (`//go:build` syntax, single spaces, no parentheses around the whole:
/// `linux && !arm`, `(a || b) && c`), for comparing the conditions of two revisions as text.
public enum GoBuildConstraintText {
    /// The longest normalized text kept; longer ones end in `...` (it is repository text shown in every output).
    public static let maximumLength = 100

    /// `constraint` as the parser gives it (a `//go:build` expression, or `// +build` lines in that syntax) with
    /// single spaces and without parentheses around the whole (`// +build darwin linux` gives `(darwin || linux)`,
    /// its `//go:build` line `darwin || linux`: one text); nil when it holds characters no build constraint has.
    public static func normalized(_ constraint: String) -> String? {
        guard var parts = tokens(of: constraint), !parts.contains(",") else { return nil }
        while parts.count > 2, parts.first == "(", parts.last == ")", closes(parts, at: parts.count - 1) {
            parts = Array(parts.dropFirst().dropLast())
        }
        var text = spaced(parts)
        if text.isEmpty { return nil }
        if text.count > maximumLength { text = String(text.prefix(maximumLength)) + "..." }
        return text
    }

    /// Whether the `)` at `end` closes the `(` that opens `tokens`.
    private static func closes(_ tokens: [String], at end: Int) -> Bool {
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token == "(" { depth += 1 }
            if token == ")" { depth -= 1 }
            if depth == 0 { return index == end }
        }
        return false
    }

    private static func isOperand(_ token: String) -> Bool {
        token != "!" && token != "(" && token != ")" && token != "&&" && token != "||" && token != ","
    }

    private static func spaced(_ tokens: [String]) -> String {
        var text = ""
        for (index, token) in tokens.enumerated() {
            let previous = index > 0 ? tokens[index - 1] : nil
            if previous != nil, previous != "!", previous != "(", token != ")" { text += " " }
            text += token
        }
        return text
    }

    /// Identifiers, `!`, `&&`, `||`, parentheses and commas; nil for any other character (at most 1,000 tokens).
    private static func tokens(of text: String) -> [String]? {
        var tokens: [String] = []
        var current = ""
        var pending: Character?
        for character in text {
            if let first = pending {
                pending = nil
                guard character == first else { return nil }
                tokens.append(String([first, character]))
                continue
            }
            if character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == ".") {
                current.append(character)
                continue
            }
            if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
            switch character {
            case " ", "\t": break
            case "!", "(", ")", ",": tokens.append(String(character))
            case "&", "|": pending = character
            default: return nil
            }
            if tokens.count > 1_000 { return nil }
        }
        guard pending == nil else { return nil }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
