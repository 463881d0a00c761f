/// What Go's build rules read from a file's name: `name_GOOS_GOARCH.go`, `name_GOOS.go` and `name_GOARCH.go` build
/// only for that system or architecture (a `_test` before `.go` is dropped first).
public enum GoFileNameCondition {
    public static let operatingSystems: Set<String> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
        "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    ]
    public static let architectures: Set<String> = [
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
    static func tokens(of text: String) -> [String]? {
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

/// A build constraint as an expression (go/build/constraint's `Expr`): tags, `!`, `&&` and `||`.
public indirect enum GoBuildExpression: Hashable, Sendable {
    case tag(String)
    case not(GoBuildExpression)
    case and([GoBuildExpression])
    case or([GoBuildExpression])

    /// The deepest nesting of `!` and parentheses read; deeper constraints are not read (nil).
    public static let maximumDepth = 64

    /// `text` (`//go:build` syntax, or the texts semgate writes) read; nil when it is not a constraint or nests
    /// deeper than `maximumDepth`.
    public init?(_ text: String) {
        guard let tokens = GoBuildConstraintText.tokens(of: text), !tokens.isEmpty, !tokens.contains(",") else {
            return nil
        }
        var reader = Reader(tokens: tokens)
        guard let expression = reader.or(depth: 0), reader.index == tokens.count else { return nil }
        self = expression.simplified
    }

    private struct Reader {
        let tokens: [String]
        var index = 0

        mutating func or(depth: Int) -> GoBuildExpression? {
            guard var first = and(depth: depth) else { return nil }
            var terms: [GoBuildExpression] = []
            while index < tokens.count, tokens[index] == "||" {
                index += 1
                guard let next = and(depth: depth) else { return nil }
                terms.append(first)
                first = next
            }
            return terms.isEmpty ? first : .or(terms + [first])
        }

        mutating func and(depth: Int) -> GoBuildExpression? {
            guard var first = unary(depth: depth) else { return nil }
            var terms: [GoBuildExpression] = []
            while index < tokens.count, tokens[index] == "&&" {
                index += 1
                guard let next = unary(depth: depth) else { return nil }
                terms.append(first)
                first = next
            }
            return terms.isEmpty ? first : .and(terms + [first])
        }

        mutating func unary(depth: Int) -> GoBuildExpression? {
            guard depth < GoBuildExpression.maximumDepth, index < tokens.count else { return nil }
            let token = tokens[index]
            index += 1
            switch token {
            case "!": return unary(depth: depth + 1).map { .not($0) }
            case "(":
                guard let inner = or(depth: depth + 1), index < tokens.count, tokens[index] == ")" else { return nil }
                index += 1
                return inner
            case ")", "&&", "||": return nil
            default: return .tag(token)
            }
        }
    }

    /// Nested `&&` (or `||`) flattened, repeated terms and `!!` dropped: `windows && windows` is `windows`.
    public var simplified: GoBuildExpression {
        switch self {
        case .tag: return self
        case .not(let inner):
            let inner = inner.simplified
            if case .not(let double) = inner { return double }
            return .not(inner)
        case .and(let terms): return Self.joined(terms.map(\.simplified), and: true)
        case .or(let terms): return Self.joined(terms.map(\.simplified), and: false)
        }
    }

    private static func joined(_ terms: [GoBuildExpression], and: Bool) -> GoBuildExpression {
        var flat: [GoBuildExpression] = []
        var seen: Set<GoBuildExpression> = []
        for term in terms {
            let parts: [GoBuildExpression]
            switch (term, and) {
            case (.and(let inner), true), (.or(let inner), false): parts = inner
            default: parts = [term]
            }
            for part in parts where seen.insert(part).inserted { flat.append(part) }
        }
        if flat.count == 1 { return flat[0] }
        return and ? .and(flat) : .or(flat)
    }

    /// Written as `//go:build` writes it, an `&&` inside `||` parenthesized for the reader: `(linux && amd64) ||
    /// windows`.
    public var text: String {
        switch self {
        case .tag(let name): return name
        case .not(let inner):
            if case .tag = inner { return "!" + inner.text }
            if case .not = inner { return "!" + inner.text }
            return "!(" + inner.text + ")"
        case .and(let terms):
            return terms.map { term in
                if case .or = term { return "(" + term.text + ")" }
                return term.text
            }.joined(separator: " && ")
        case .or(let terms):
            return terms.map { term in
                if case .and = term { return "(" + term.text + ")" }
                return term.text
            }.joined(separator: " || ")
        }
    }

    /// Every tag the expression names.
    public var tags: Set<String> {
        var result: Set<String> = []
        func walk(_ expression: GoBuildExpression) {
            switch expression {
            case .tag(let name): result.insert(name)
            case .not(let inner): walk(inner)
            case .and(let terms), .or(let terms): terms.forEach(walk)
            }
        }
        walk(self)
        return result
    }

    /// Whether the expression holds when `holds` says which tags are set.
    public func holds(_ holds: (String) -> Bool) -> Bool {
        switch self {
        case .tag(let name): return holds(name)
        case .not(let inner): return !inner.holds(holds)
        case .and(let terms): return terms.allSatisfy { $0.holds(holds) }
        case .or(let terms): return terms.contains { $0.holds(holds) }
        }
    }
}

/// The concrete builds that tell apart a few build expressions: one GOOS, one GOARCH, one compiler, a Go version, and
/// any set of the other tags (`cgo`, a project's own), as go/build's `matchTag` reads them (`unix` for the Unix
/// systems, `linux` also on android, `darwin` on ios, `solaris` on illumos; `go1.N` for every release up to the one
/// building).
public struct GoBuild: Sendable {
    public let system: String?
    public let architecture: String?
    public let compiler: String?
    public let version: Int
    public let tags: Set<String>

    /// The most builds `all(telling:)` enumerates; more tags than that tells apart are not judged per build (nil).
    public static let maximumBuilds = 4_096

    /// The newest Go release semgate knows (Go 1.27, August 2026): the release of every default build
    /// (`defaults(telling:)`), as apidiff and gorelease run with a current toolchain. A package that starts to need
    /// a newer Go (`//go:build go1.18`) breaks no user of a current Go, and Go's module rules do not call raising the
    /// Go release a package needs a break; a release tag past this one (`go1.99`) is not set, so what only it
    /// builds is gone.
    public static let newestRelease = 27

    static let unixSystems: Set<String> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd", "openbsd",
        "solaris",
    ]

    /// Whether the tag `name` is set in this build.
    public func holds(_ name: String) -> Bool {
        if GoFileNameCondition.operatingSystems.contains(name) {
            guard let system else { return false }
            switch (name, system) {
            case (system, _), ("linux", "android"), ("darwin", "ios"), ("solaris", "illumos"): return true
            default: return false
            }
        }
        if name == "unix" { return system.map(Self.unixSystems.contains) ?? false }
        if GoFileNameCondition.architectures.contains(name) { return name == architecture }
        if name == "gc" || name == "gccgo" { return name == compiler }
        if let number = Self.release(name) { return number <= version }
        return tags.contains(name)
    }

    /// `N` of a release tag `go1.N`.
    private static func release(_ name: String) -> Int? {
        guard name.hasPrefix("go1."), let number = Int(name.dropFirst(4)), number >= 0 else { return nil }
        return number
    }

    /// Whether go/build's default context may set `name` (``isFree(_:)`` is the rest): a system, `unix`, an
    /// architecture, a compiler, a Go release (`go1.N`), `cgo` (set when cgo is enabled, the default for a native
    /// build), and the toolchain's own tags (`goexperiment.X`, `boringcrypto`, which `matchTag` reads as
    /// `goexperiment.boringcrypto`, and the architecture levels `amd64.v2`, `arm.7`).
    public static func isToolchainTag(_ name: String) -> Bool {
        if GoFileNameCondition.operatingSystems.contains(name) || name == "unix"
            || GoFileNameCondition.architectures.contains(name) || name == "gc" || name == "gccgo"
            || release(name) != nil || name == "cgo" || name == "boringcrypto" || name.hasPrefix("goexperiment.")
        {
            return true
        }
        guard let dot = name.firstIndex(of: ".") else { return false }
        return GoFileNameCondition.architectures.contains(String(name[..<dot]))
    }

    /// Whether `name` is a project's own tag, set only by `go build -tags` (go/build's `BuildTags`, empty by default).
    public static func isFree(_ name: String) -> Bool { !isToolchainTag(name) }

    /// One build for each way the tags in `names` can be set (every system, the architectures named and one other,
    /// each compiler, each Go release named and one older, every subset of the other tags); nil when there would be
    /// more than `maximumBuilds`.
    public static func all(telling names: Set<String>) -> [GoBuild]? {
        builds(telling: names, settingFreeTags: true)
    }

    /// The default builds that tell apart the tags in `names`: as `all(telling:)`, but a project's own tags
    /// (``isFree(_:)``) are never set, as in `go build` without `-tags` (and in the default build contexts apidiff
    /// and gorelease check), and the Go release is `newestRelease`; `cgo` and the toolchain's tags may be set or
    /// not. Nil when there would be more than `maximumBuilds`.
    public static func defaults(telling names: Set<String>) -> [GoBuild]? {
        builds(telling: names, settingFreeTags: false)
    }

    /// How many builds `defaults(telling:)` would make (more than `maximumBuilds` is nil), without making them.
    public static func defaultCount(telling names: Set<String>) -> Int? {
        count(telling: names, settingFreeTags: false)
    }

    private static func dimensions(telling names: Set<String>, settingFreeTags: Bool) -> (
        systems: [String?], architectures: [String?], compilers: [String?], versions: [Int], options: [String]
    ) {
        let systems: [String?] =
            names.contains { GoFileNameCondition.operatingSystems.contains($0) || $0 == "unix" }
            ? GoFileNameCondition.operatingSystems.sorted() : [nil]
        let architectures: [String?] =
            names.filter(GoFileNameCondition.architectures.contains).sorted() + [nil]
        let compilers: [String?] = names.contains("gc") || names.contains("gccgo") ? ["gc", "gccgo"] : [nil]
        let versions = settingFreeTags ? [0] + Set(names.compactMap(release)).sorted() : [newestRelease]
        let options = names.filter {
            !GoFileNameCondition.operatingSystems.contains($0) && $0 != "unix"
                && !GoFileNameCondition.architectures.contains($0) && $0 != "gc" && $0 != "gccgo" && release($0) == nil
                && (settingFreeTags || isToolchainTag($0))
        }.sorted()
        return (systems, architectures, compilers, versions, options)
    }

    private static func count(telling names: Set<String>, settingFreeTags: Bool) -> Int? {
        let found = dimensions(telling: names, settingFreeTags: settingFreeTags)
        guard found.options.count < 13 else { return nil }
        let count =
            found.systems.count * found.architectures.count * found.compilers.count * found.versions.count
            * (1 << found.options.count)
        return count <= maximumBuilds ? count : nil
    }

    private static func builds(telling names: Set<String>, settingFreeTags: Bool) -> [GoBuild]? {
        guard let count = count(telling: names, settingFreeTags: settingFreeTags) else { return nil }
        let (systems, architectures, compilers, versions, free) = dimensions(
            telling: names, settingFreeTags: settingFreeTags)
        var builds: [GoBuild] = []
        builds.reserveCapacity(count)
        for system in systems {
            for architecture in architectures {
                for compiler in compilers {
                    for version in versions {
                        for mask in 0..<(1 << free.count) {
                            let tags = Set(free.indices.filter { mask & (1 << $0) != 0 }.map { free[$0] })
                            builds.append(
                                GoBuild(
                                    system: system, architecture: architecture, compiler: compiler, version: version,
                                    tags: tags))
                        }
                    }
                }
            }
        }
        return builds
    }
}
