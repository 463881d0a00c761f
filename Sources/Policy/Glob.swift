import Limits

/// A glob over slash-separated paths or item ids: `*` (not '/'), `**` (any number of whole segments, also zero,
/// so "**/internal/**" matches "internal/x" and "a/internal"), `?`, `[abc]`, `[a-z]`, `[!x]`, `{a,b}`;
/// everything else literal. `:` is an ordinary character, except that it also starts a segment for `**`,
/// so "packages:**/experimental/**" matches "packages:go.k6.io/k6/experimental/ws". A final `.**` names a subtree
/// of dotted and slashed keys: "packages:x/cloudapi.**" matches "packages:x/cloudapi" itself,
/// "packages:x/cloudapi.Client.Do" and "packages:x/cloudapi/insights.Run".
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    /// One compiled token list per brace alternative.
    private let alternatives: [GlobProgram]
    /// The leading part before any wildcard, e.g. "lib/metrics/": every text the glob matches starts with it.
    public let literalPrefix: String
    /// The literal prefix of each brace alternative: `{cmd,internal/cmd}/*.go` gives "cmd/" and "internal/cmd/",
    /// so a tree walk can skip every folder none of them can reach.
    public let literalPrefixes: [String]

    /// Most alternatives `{a,b}` may expand to.
    static let maximumAlternatives = Limit.globAlternatives

    public init(_ pattern: String) throws(PolicyValueError) {
        guard !pattern.isEmpty else {
            throw PolicyValueError(message: "empty glob; write a pattern such as 'src/**/*.go'")
        }
        let scalars = Array(pattern.unicodeScalars)
        do {
            let texts = try GlobCompiler.expandBraces(scalars)
            alternatives = try texts.map { (text) throws(GlobSyntaxError) in try GlobCompiler.compile(text) }
        } catch {
            throw PolicyValueError(message: "invalid glob '\(pattern)': \(error.message)")
        }
        self.pattern = pattern
        literalPrefix = GlobCompiler.commonLiteralPrefix(of: alternatives)
        literalPrefixes = Array(Set(alternatives.map { GlobCompiler.commonLiteralPrefix(of: [$0]) })).sorted()
    }

    public var description: String { pattern }

    /// How many alternatives its braces expand to (`{a,b}` is two): what matching it costs, each tried in turn.
    public var alternativeCount: Int { alternatives.count }

    /// A glob that matches `text` alone: each character the syntax gives a meaning (`*`, `?`, `[`, `{`, `}`, `,`) in
    /// a class of its own (`c[[]md]` for the folder `c[md`, `x[{]a[,]b[}]` for `x{a,b}`), as init writes a
    /// repository's folder or tag names into globs.
    public static func literal(_ text: String) -> String {
        var glob = ""
        for scalar in text.unicodeScalars {
            if "*?[{},".unicodeScalars.contains(scalar) {
                glob += "[" + String(scalar) + "]"
            } else {
                glob.unicodeScalars.append(scalar)
            }
        }
        return glob
    }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable({ matches(bytes: $0) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBufferPointer { matches(bytes: $0) }
    }

    private func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        alternatives.contains { $0.matches(bytes) }
    }

    /// Whether a part of `text` may match: false only when no alternative's literal prefix occurs in it, as every
    /// text the glob matches starts with one. A source that cannot spell a name the glob matches (the types a
    /// go-literals `members` lists) is so passed over unread.
    public func mayMatchPart(of text: String) -> Bool {
        guard !literalPrefixes.contains(where: \.isEmpty) else { return true }
        var text = text
        return text.withUTF8 { bytes in literalPrefixes.contains { Self.occurs(Array($0.utf8), in: bytes) } }
    }

    /// Whether `needle` (not empty) occurs in `text`.
    private static func occurs(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= text.count else { return false }
        var index = 0
        while index <= text.count - needle.count {
            if text[index] == first {
                var offset = 1
                while offset < needle.count && text[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether some path below the folder `folder` (no trailing slash) may match: false only when none can, so a
    /// tree walk may skip the folder. `*.go` reaches no folder, `{cmd,internal/cmd}/*.go` only those two, and
    /// `lib/*/**/*.go` every folder below `lib/x`.
    public func mayMatch(below folder: String) -> Bool {
        let text = folder + "/"
        if let result = text.utf8.withContiguousStorageIfAvailable({ bytes in
            alternatives.contains { $0.matches(bytes, prefixOnly: true) }
        }) {
            return result
        }
        return Array(text.utf8).withUnsafeBufferPointer { bytes in
            alternatives.contains { $0.matches(bytes, prefixOnly: true) }
        }
    }
}

/// Why a glob does not compile; the message says the fix.
struct GlobSyntaxError: Error {
    var message: String
}

/// One glob token; `anyRest`, `slashAnyRest` and `subtreeRest` only ever end a program.
enum GlobToken: Sendable {
    /// These bytes exactly.
    case literal([UInt8])
    /// `?`: one character other than '/'.
    case one
    /// `[...]`: one character other than '/' that the class admits.
    case oneOf(GlobClass)
    /// `*`: any run of characters other than '/'.
    case star
    /// `**/` at a segment start: zero or more whole segments, each with its '/'.
    case segments
    /// `**` at a segment start and the end: anything.
    case anyRest
    /// `/**` at the end: nothing, or '/' and anything.
    case slashAnyRest
    /// `.**` at the end: nothing, or '.' or '/' and anything.
    case subtreeRest
}

/// A bracket class: ranges of Unicode scalar values, maybe negated.
struct GlobClass: Sendable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    func admits(_ scalar: UInt32) -> Bool {
        ranges.contains { $0.contains(scalar) } != negated
    }
}

/// A compiled brace-free glob, matched over UTF-8 bytes.
struct GlobProgram: Sendable {
    var tokens: [GlobToken]
    /// Tokens that can match more than one length; with two or more, matching memoises failures.
    var variableTokens: Int

    private static let slash = UInt8(ascii: "/")

    /// Whether the whole of `text` matches or, with `prefixOnly`, whether `text` followed by something may match.
    func matches(_ text: UnsafeBufferPointer<UInt8>, prefixOnly: Bool = false) -> Bool {
        if variableTokens < 2 {
            var none = UnsafeMutableBufferPointer<Bool>(start: nil, count: 0)
            return run(0, 0, text, &none, prefixOnly)
        }
        let size = (tokens.count + 1) * (text.count + 1)
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: size) { buffer in
            var failed = buffer
            failed.initialize(repeating: false)
            return run(0, 0, text, &failed, prefixOnly)
        }
    }

    /// Whether `tokens[token...]` matches `text[index...]`; `failed` remembers (token, index) pairs that did not.
    /// With `prefixOnly`, reaching the end of `text` before the end of the tokens is a match: some longer text may be.
    private func run(
        _ token: Int,
        _ index: Int,
        _ text: UnsafeBufferPointer<UInt8>,
        _ failed: inout UnsafeMutableBufferPointer<Bool>,
        _ prefixOnly: Bool
    ) -> Bool {
        var token = token
        var index = index
        let count = text.count
        while token < tokens.count {
            if prefixOnly, index == count { return true }
            switch tokens[token] {
            case .literal(let bytes):
                if prefixOnly, count - index < bytes.count {
                    return (0..<(count - index)).allSatisfy { text[index + $0] == bytes[$0] }
                }
                guard count - index >= bytes.count else { return false }
                for offset in 0..<bytes.count where text[index + offset] != bytes[offset] {
                    return false
                }
                index += bytes.count
            case .one:
                guard index < count, text[index] != Self.slash else { return false }
                index += UTF8Scalar.length(at: index, in: text)
            case .oneOf(let set):
                guard index < count, text[index] != Self.slash else { return false }
                let (value, length) = UTF8Scalar.decode(at: index, in: text)
                guard set.admits(value) else { return false }
                index += length
            case .star:
                let key = token * (count + 1) + index
                if !failed.isEmpty, failed[key] { return false }
                var end = index
                while true {
                    if run(token + 1, end, text, &failed, prefixOnly) { return true }
                    if end == count || text[end] == Self.slash { break }
                    end += UTF8Scalar.length(at: end, in: text)
                }
                if !failed.isEmpty { failed[key] = true }
                return false
            case .segments:
                let key = token * (count + 1) + index
                if !failed.isEmpty, failed[key] { return false }
                var start = index
                while true {
                    if run(token + 1, start, text, &failed, prefixOnly) { return true }
                    guard let slash = text[start...].firstIndex(of: Self.slash) else { break }
                    start = slash + 1
                }
                if !failed.isEmpty { failed[key] = true }
                return false
            case .anyRest:
                return true
            case .slashAnyRest:
                return index == count || text[index] == Self.slash
            case .subtreeRest:
                return index == count || text[index] == Self.slash || text[index] == UInt8(ascii: ".")
            }
            token += 1
        }
        return index == count
    }
}

/// Just enough UTF-8 decoding for `?` and classes.
enum UTF8Scalar {
    static func length(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        let lead = text[index]
        let length =
            switch lead {
            case 0..<0x80: 1
            case 0xC0..<0xE0: 2
            case 0xE0..<0xF0: 3
            case 0xF0...: 4
            default: 1
            }
        return min(length, text.count - index)
    }

    static func decode(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> (UInt32, Int) {
        let length = length(at: index, in: text)
        let lead = UInt32(text[index])
        guard length > 1 else { return (lead, 1) }
        var value = lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            value = value << 6 | UInt32(text[index + offset] & 0x3F)
        }
        return (value, length)
    }
}

/// Turns glob text into programs.
enum GlobCompiler {
    /// Expands `{a,b}` (nested too) into brace-free alternatives, leaving `[...]` untouched.
    static func expandBraces(_ scalars: [Unicode.Scalar]) throws(GlobSyntaxError) -> [[Unicode.Scalar]] {
        var index = 0
        let result = try expandSequence(scalars, &index, insideBraces: false, depth: 0)
        if index < scalars.count {
            throw GlobSyntaxError(message: "unmatched '}'; write [}] for a literal brace")
        }
        return result
    }

    /// Expands from `index` up to an unnested ',' or '}' (inside braces) or the end.
    private static func expandSequence(
        _ scalars: [Unicode.Scalar],
        _ index: inout Int,
        insideBraces: Bool,
        depth: Int
    ) throws(GlobSyntaxError) -> [[Unicode.Scalar]] {
        // The policy is written by whoever opens the pull request too: nesting recurses once a level.
        guard depth <= Limit.globBraceDepth else {
            throw GlobSyntaxError(message: "braces nest more than \(Limit.globBraceDepth) levels deep; use fewer")
        }
        var results: [[Unicode.Scalar]] = [[]]
        func append(_ part: [Unicode.Scalar]) {
            for position in results.indices { results[position] += part }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "[":
                let end = try classEnd(scalars, from: index)
                append(Array(scalars[index...end]))
                index = end + 1
            case "{":
                index += 1
                var options: [[Unicode.Scalar]] = []
                while true {
                    options += try expandSequence(scalars, &index, insideBraces: true, depth: depth + 1)
                    guard index < scalars.count else {
                        throw GlobSyntaxError(message: "unclosed '{'; close it with '}'")
                    }
                    index += 1
                    if scalars[index - 1] == "}" { break }
                }
                guard results.count * options.count <= Glob.maximumAlternatives else {
                    throw GlobSyntaxError(
                        message: "braces expand to more than \(Glob.maximumAlternatives) alternatives; use fewer")
                }
                results = results.flatMap { prefix in options.map { prefix + $0 } }
            case "," where insideBraces, "}" where insideBraces:
                return results
            case "}":
                return results
            default:
                append([scalar])
                index += 1
            }
        }
        return results
    }

    /// The index of the ']' closing the class that opens at `start`.
    static func classEnd(_ scalars: [Unicode.Scalar], from start: Int) throws(GlobSyntaxError) -> Int {
        var index = start + 1
        if index < scalars.count, scalars[index] == "!" || scalars[index] == "^" { index += 1 }
        if index < scalars.count, scalars[index] == "]" { index += 1 }
        while index < scalars.count {
            if scalars[index] == "]" { return index }
            index += 1
        }
        throw GlobSyntaxError(message: "unclosed '['; close it with ']' or write [[] for a literal bracket")
    }

    /// Compiles one brace-free alternative.
    static func compile(_ scalars: [Unicode.Scalar]) throws(GlobSyntaxError) -> GlobProgram {
        var tokens: [GlobToken] = []
        var literal: [UInt8] = []
        var variable = 0
        func flush() {
            if !literal.isEmpty { tokens.append(.literal(literal)) }
            literal = []
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                var run = 0
                while index < scalars.count, scalars[index] == "*" {
                    run += 1
                    index += 1
                }
                let previous: Unicode.Scalar? = index - run > 0 ? scalars[index - run - 1] : nil
                let atSegmentStart = previous == nil || previous == "/" || previous == ":"
                let next: Unicode.Scalar? = index < scalars.count ? scalars[index] : nil
                if run >= 2, previous == ".", next == nil, literal.last == UInt8(ascii: ".") {
                    literal.removeLast()
                    flush()
                    tokens.append(.subtreeRest)
                } else if run >= 2, atSegmentStart, next == nil {
                    if previous == "/", !literal.isEmpty {
                        literal.removeLast()
                        flush()
                        tokens.append(.slashAnyRest)
                    } else {
                        flush()
                        tokens.append(.anyRest)
                    }
                } else if run >= 2, atSegmentStart, next == "/" {
                    index += 1
                    flush()
                    tokens.append(.segments)
                    variable += 1
                } else {
                    flush()
                    if case .star = tokens.last {
                    } else {
                        tokens.append(.star)
                        variable += 1
                    }
                }
                continue
            case "?":
                flush()
                tokens.append(.one)
            case "[":
                let end = try classEnd(scalars, from: index)
                flush()
                tokens.append(.oneOf(try parseClass(Array(scalars[(index + 1)..<end]))))
                index = end
            default:
                literal += Array(String(scalar).utf8)
            }
            index += 1
        }
        flush()
        return GlobProgram(tokens: tokens, variableTokens: variable)
    }

    /// Parses the inside of `[...]`.
    private static func parseClass(_ body: [Unicode.Scalar]) throws(GlobSyntaxError) -> GlobClass {
        var body = body[...]
        var negated = false
        if let first = body.first, first == "!" || first == "^" {
            negated = true
            body = body.dropFirst()
        }
        var ranges: [ClosedRange<UInt32>] = []
        var items = Array(body)
        if items.contains("/") {
            throw GlobSyntaxError(message: "'/' cannot appear inside [...]; a class matches one character of a name")
        }
        while let lower = items.first {
            if items.count >= 3, items[1] == "-" {
                let upper = items[2]
                guard lower.value <= upper.value else {
                    throw GlobSyntaxError(
                        message: "empty range '\(lower)-\(upper)' in [...]; write '\(upper)-\(lower)'")
                }
                ranges.append(lower.value...upper.value)
                items.removeFirst(3)
            } else {
                ranges.append(lower.value...lower.value)
                items.removeFirst()
            }
        }
        return GlobClass(ranges: ranges, negated: negated)
    }

    /// The longest literal text every alternative starts with, cut at a character boundary.
    static func commonLiteralPrefix(of programs: [GlobProgram]) -> String {
        var common: [UInt8]?
        for program in programs {
            guard case .literal(let bytes) = program.tokens.first else { return "" }
            if let current = common {
                common = Array(zip(current, bytes).prefix { $0 == $1 }.map(\.0))
            } else {
                common = bytes
            }
        }
        var bytes = common ?? []
        if let lead = bytes.lastIndex(where: { $0 & 0xC0 != 0x80 }),
            bytes.count - lead < UTF8Scalar.expectedLength(lead: bytes[lead])
        {
            bytes.removeSubrange(lead...)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension UTF8Scalar {
    static func expectedLength(lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        default: 4
        }
    }
}
