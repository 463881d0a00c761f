/// A zero-width condition on the position between two scalars.
enum Assertion: Int32, Sendable {
    case beginText, endText, beginLine, endLine, wordBoundary, notWordBoundary
}

/// The parsed form of a pattern.
indirect enum Node: Sendable {
    case empty
    case scalar(UInt32)
    case set(ScalarSet)
    case anyScalar
    case anyButNewline
    case assertion(Assertion)
    /// A named group; `group` is its 1-based position among the named groups.
    case capture(Node, group: Int)
    case concatenation([Node])
    case alternation([Node])
    case repetition(Node, min: Int, max: Int?, greedy: Bool)
}

/// A syntax error found by the parser, with the offset (in Unicode scalars) where it was found.
struct SyntaxError: Error {
    let message: String
    let offset: Int
}

/// Recursive-descent parser for the RE2 syntax subset semgate supports.
struct Parser {
    static let maxRepeat = 1000
    static let maxNesting = 200
    static let maxNamedGroups = 64
    private static let linearTime = "is not supported (semgate patterns must run in linear time)"

    private struct Flags {
        var caseInsensitive = false
        var dotAll = false
        var multiLine = false
        var ungreedy = false
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var flags = Flags()
    private var nesting = 0
    private(set) var groupNames: [String] = []

    private init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    static func parse(_ source: String) throws(SyntaxError) -> (root: Node, groupNames: [String]) {
        var parser = Parser(source)
        let root = try parser.parseAlternation()
        if parser.index < parser.scalars.count {
            throw SyntaxError(message: "unexpected ')'", offset: parser.index)
        }
        return (root, parser.groupNames)
    }

    // MARK: - Structure

    private mutating func parseAlternation() throws(SyntaxError) -> Node {
        var branches = [try parseConcatenation()]
        while peek() == "|" {
            index += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation() throws(SyntaxError) -> Node {
        var items: [Node] = []
        while let next = peek(), next != "|", next != ")" {
            if next == "\\" && peek(1) == "Q" {
                var quoted = parseQuoted()
                guard let last = quoted.popLast() else { continue }
                items += quoted
                items.append(try parseQuantifiers(on: last))
                continue
            }
            guard let atom = try parseAtom() else { continue }
            items.append(try parseQuantifiers(on: atom))
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concatenation(items)
        }
    }

    private mutating func parseQuantifiers(on atom: Node) throws(SyntaxError) -> Node {
        let start = index
        guard let (min, max) = try parseQuantifier() else { return atom }
        var greedy = true
        if peek() == "?" {
            index += 1
            greedy = false
        } else if peek() == "+" {
            throw SyntaxError(
                message: "possessive quantifier '\(text(start..<index + 1))' \(Parser.linearTime)", offset: start)
        }
        if flags.ungreedy { greedy.toggle() }
        let nestedStart = index
        if try parseQuantifier() != nil {
            throw SyntaxError(
                message: "invalid nested repetition operator '\(text(start..<index))'", offset: nestedStart)
        }
        return .repetition(atom, min: min, max: max, greedy: greedy)
    }

    /// Consumes `*`, `+`, `?` or a well-formed `{n}`, `{n,}`, `{n,m}`; a `{` that is not one stays a literal.
    private mutating func parseQuantifier() throws(SyntaxError) -> (Int, Int?)? {
        switch peek() {
        case "*":
            index += 1
            return (0, nil)
        case "+":
            index += 1
            return (1, nil)
        case "?":
            index += 1
            return (0, 1)
        case "{":
            let start = index
            guard let (min, max) = parseCounts() else { return nil }
            let written = "'\(text(start..<index))'"
            if min > Parser.maxRepeat || (max ?? 0) > Parser.maxRepeat {
                throw SyntaxError(
                    message: "repeat count \(written) exceeds the maximum of \(Parser.maxRepeat)", offset: start)
            }
            if let max, max < min {
                throw SyntaxError(
                    message: "invalid repeat count \(written): maximum is less than minimum", offset: start)
            }
            return (min, max)
        default:
            return nil
        }
    }

    private mutating func parseCounts() -> (Int, Int?)? {
        let saved = index
        index += 1
        guard let min = parseDecimal() else {
            index = saved
            return nil
        }
        var max: Int? = min
        if peek() == "," {
            index += 1
            max = peek() == "}" ? nil : parseDecimal()
            if max == nil && peek() != "}" {
                index = saved
                return nil
            }
        }
        guard peek() == "}" else {
            index = saved
            return nil
        }
        index += 1
        return (min, max)
    }

    private mutating func parseDecimal() -> Int? {
        var value = 0
        var digits = 0
        while let next = peek(), ("0"..."9").contains(next) {
            value = Swift.min(value * 10 + Int(next.value - 0x30), 1_000_000)
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }

    // MARK: - Atoms

    /// Parses one atom; returns nil for a flag group such as `(?i)` that only changes the flags.
    private mutating func parseAtom() throws(SyntaxError) -> Node? {
        guard let next = peek() else { return .empty }
        let start = index
        switch next {
        case "(":
            return try parseGroup()
        case "[":
            index += 1
            let set = try parseClass(start: start)
            return node(for: set)
        case ".":
            index += 1
            return flags.dotAll ? .anyScalar : .anyButNewline
        case "^":
            index += 1
            return .assertion(flags.multiLine ? .beginLine : .beginText)
        case "$":
            index += 1
            return .assertion(flags.multiLine ? .endLine : .endText)
        case "*", "+", "?":
            throw SyntaxError(message: "missing argument to repetition operator '\(next)'", offset: start)
        case "{":
            if parseCounts() != nil {
                throw SyntaxError(
                    message: "missing argument to repetition operator '\(text(start..<index))'", offset: start)
            }
            index += 1
            return literal(next.value)
        case "\\":
            return try parseEscape()
        default:
            index += 1
            return literal(next.value)
        }
    }

    /// Parses `\Q...\E` (or `\Q...` to the end) into one literal node a scalar.
    private mutating func parseQuoted() -> [Node] {
        index += 2
        var items: [Node] = []
        while index < scalars.count {
            if peek() == "\\" && peek(1) == "E" {
                index += 2
                break
            }
            items.append(literal(scalars[index].value))
            index += 1
        }
        return items
    }

    private mutating func parseGroup() throws(SyntaxError) -> Node? {
        let start = index
        index += 1
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maxNesting {
            throw SyntaxError(message: "groups nest more than \(Parser.maxNesting) deep", offset: start)
        }
        var group: Int?
        let savedFlags = flags
        if peek() == "?" {
            index += 1
            switch peek() {
            case "P" where peek(1) == "<":
                index += 2
                group = try parseGroupName(start: start)
            case "<" where peek(1) != "=" && peek(1) != "!":
                index += 1
                group = try parseGroupName(start: start)
            default:
                if try parseFlags(start: start) { return nil }
            }
        }
        let body = try parseAlternation()
        guard peek() == ")" else {
            throw SyntaxError(message: "missing closing ')'", offset: scalars.count)
        }
        index += 1
        flags = savedFlags
        if let group { return .capture(body, group: group) }
        return body
    }

    private mutating func parseGroupName(start: Int) throws(SyntaxError) -> Int {
        let nameStart = index
        while let next = peek(), next != ">" { index += 1 }
        guard peek() == ">" else { throw SyntaxError(message: "missing closing '>' of group name", offset: nameStart) }
        let name = text(nameStart..<index)
        index += 1
        let valid = name.unicodeScalars.enumerated().allSatisfy { position, scalar in
            scalar.isASCII
                && (scalar == "_" || scalar.properties.isAlphabetic
                    || (position > 0 && scalar.properties.numericType == .decimal))
        }
        guard valid, !name.isEmpty else {
            throw SyntaxError(message: "invalid group name '\(name)' (use letters, digits and '_')", offset: nameStart)
        }
        guard !groupNames.contains(name) else {
            throw SyntaxError(message: "duplicate group name '\(name)'", offset: nameStart)
        }
        // Every thread carries a slot per group: many groups would make each step cost that much.
        guard groupNames.count < Parser.maxNamedGroups else {
            throw SyntaxError(
                message: "more than \(Parser.maxNamedGroups) named groups; name only the parts that become the key "
                    + "and attributes, and use (?:...) for the rest",
                offset: nameStart)
        }
        groupNames.append(name)
        return groupNames.count
    }

    /// Parses the flags of `(?flags)` or `(?flags:`; returns true when the group ended at `)`.
    private mutating func parseFlags(start: Int) throws(SyntaxError) -> Bool {
        let opening = text(start..<Swift.min(index + 1, scalars.count))
        switch peek() {
        case "=", "!":
            throw SyntaxError(message: "lookahead '\(opening)' \(Parser.linearTime)", offset: start)
        case "<":
            throw SyntaxError(
                message: "lookbehind '\(text(start..<Swift.min(index + 2, scalars.count)))' \(Parser.linearTime)",
                offset: start)
        case ">":
            throw SyntaxError(message: "atomic group '(?>' \(Parser.linearTime)", offset: start)
        case "P" where peek(1) == "=" || peek(1) == ">":
            throw SyntaxError(
                message: "backreference '(?P\(peek(1).map(String.init) ?? "")' \(Parser.linearTime)",
                offset: start)
        default:
            break
        }
        var negated = false
        var sawFlag = false
        while let next = peek() {
            index += 1
            switch next {
            case "i": flags.caseInsensitive = !negated
            case "s": flags.dotAll = !negated
            case "m": flags.multiLine = !negated
            case "U": flags.ungreedy = !negated
            case "-" where !negated:
                negated = true
                continue
            case ":" where !negated || sawFlag:
                return false
            case ")" where (!negated || sawFlag) && index - start > 3:
                return true
            default:
                let shown = text(start..<index)
                throw SyntaxError(message: "invalid or unsupported group syntax '\(shown)'", offset: start)
            }
            sawFlag = true
        }
        throw SyntaxError(message: "missing closing ')'", offset: scalars.count)
    }

    private mutating func parseEscape() throws(SyntaxError) -> Node {
        let start = index
        index += 1
        guard let next = peek() else {
            throw SyntaxError(message: "trailing backslash at end of pattern", offset: start)
        }
        switch next {
        case "A":
            index += 1
            return .assertion(.beginText)
        case "z":
            index += 1
            return .assertion(.endText)
        case "b":
            index += 1
            return .assertion(.wordBoundary)
        case "B":
            index += 1
            return .assertion(.notWordBoundary)
        default:
            index = start
            switch try parseClassOrScalarEscape() {
            case .set(let set): return node(for: set)
            case .scalar(let scalar): return literal(scalar)
            }
        }
    }

    private enum Escaped {
        case scalar(UInt32)
        case set(ScalarSet)
    }

    /// Parses an escape valid both inside and outside brackets: a Perl class or one scalar.
    private mutating func parseClassOrScalarEscape() throws(SyntaxError) -> Escaped {
        let start = index
        index += 1
        guard let next = peek() else {
            throw SyntaxError(message: "trailing backslash at end of pattern", offset: start)
        }
        index += 1
        switch next {
        case "d": return .set(.digit)
        case "D": return .set(negation(of: .digit))
        case "w": return .set(.word)
        case "W": return .set(negation(of: .word))
        case "s": return .set(.space)
        case "S": return .set(negation(of: .space))
        case "n": return .scalar(0x0A)
        case "t": return .scalar(0x09)
        case "r": return .scalar(0x0D)
        case "f": return .scalar(0x0C)
        case "v": return .scalar(0x0B)
        case "a": return .scalar(0x07)
        case "0":
            var value: UInt32 = 0
            for _ in 0..<2 {
                guard let digit = peek(), ("0"..."7").contains(digit) else { break }
                value = value * 8 + digit.value - 0x30
                index += 1
            }
            return .scalar(value)
        case "1"..."9":
            throw SyntaxError(message: "backreference '\\\(next)' \(Parser.linearTime)", offset: start)
        case "k" where peek() == "<" || peek() == "{" || peek() == "'":
            throw SyntaxError(message: "backreference '\\k' \(Parser.linearTime)", offset: start)
        case "x":
            return .scalar(try parseHexEscape(start: start))
        case "p", "P":
            throw SyntaxError(
                message:
                    "Unicode class '\\\(next)' is not supported (use an explicit range such as [\\x{370}-\\x{3FF}])",
                offset: start)
        default:
            if next.isASCII && !next.properties.isAlphabetic && next.properties.numericType == nil {
                return .scalar(next.value)
            }
            throw SyntaxError(message: "invalid escape sequence '\\\(next)'", offset: start)
        }
    }

    private mutating func parseHexEscape(start: Int) throws(SyntaxError) -> UInt32 {
        func invalid(_ end: Int) -> SyntaxError {
            SyntaxError(message: "invalid escape sequence '\(text(start..<end))'", offset: start)
        }
        var digits: [UInt32] = []
        if peek() == "{" {
            index += 1
            while let next = peek(), next != "}" {
                guard let digit = hexValue(next), digits.count < 8 else { throw invalid(index + 1) }
                digits.append(digit)
                index += 1
            }
            guard peek() == "}", !digits.isEmpty else { throw invalid(Swift.min(index + 1, scalars.count)) }
            index += 1
        } else {
            for _ in 0..<2 {
                guard let next = peek(), let digit = hexValue(next) else {
                    throw invalid(Swift.min(index + 1, scalars.count))
                }
                digits.append(digit)
                index += 1
            }
        }
        let value = digits.reduce(UInt32(0)) { $0 &* 16 &+ $1 }
        guard digits.count <= 6, Unicode.Scalar(value) != nil else { throw invalid(index) }
        return value
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    // MARK: - Bracket classes

    private mutating func parseClass(start: Int) throws(SyntaxError) -> ScalarSet {
        var negated = false
        if peek() == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let next = peek() else {
                throw SyntaxError(message: "missing closing ']'", offset: scalars.count)
            }
            if next == "]" && !first { break }
            first = false
            if next == "[" && peek(1) == ":", let posix = try parsePosixClass() {
                ranges += posix.ranges
                continue
            }
            let itemStart = index
            let low: UInt32
            switch try parseClassItem() {
            case .set(let set):
                ranges += set.ranges
                continue
            case .scalar(let scalar):
                low = scalar
            }
            guard peek() == "-", let after = peek(1), after != "]" else {
                ranges.append(low...low)
                continue
            }
            index += 1
            guard case .scalar(let high) = try parseClassItem() else {
                throw SyntaxError(
                    message: "invalid character class range '\(text(itemStart..<index))'", offset: itemStart)
            }
            guard low <= high else {
                throw SyntaxError(
                    message: "invalid character class range '\(text(itemStart..<index))'", offset: itemStart)
            }
            ranges.append(low...high)
        }
        index += 1
        var set = ScalarSet(ranges)
        if flags.caseInsensitive { set = set.caseFolded() }
        return negated ? set.inverted() : set
    }

    private mutating func parseClassItem() throws(SyntaxError) -> Escaped {
        guard let next = peek() else { throw SyntaxError(message: "missing closing ']'", offset: scalars.count) }
        if next == "\\" {
            if peek(1) == "b" || peek(1) == "B" || peek(1) == "A" || peek(1) == "z" || peek(1) == "Q" {
                throw SyntaxError(message: "invalid escape sequence '\\\(peek(1) ?? "?")' in a class", offset: index)
            }
            return try parseClassOrScalarEscape()
        }
        index += 1
        return .scalar(next.value)
    }

    /// Parses `[:name:]` or `[:^name:]`; returns nil (consuming nothing) when no `:]` closes it.
    private mutating func parsePosixClass() throws(SyntaxError) -> ScalarSet? {
        let start = index
        var end = index + 2
        while end + 1 < scalars.count, !(scalars[end] == ":" && scalars[end + 1] == "]") { end += 1 }
        guard end + 1 < scalars.count else { return nil }
        var name = text(start + 2..<end)
        let negated = name.hasPrefix("^")
        if negated { name.removeFirst() }
        guard let set = ScalarSet.posix(name) else {
            throw SyntaxError(message: "invalid character class '\(text(start..<end + 2))'", offset: start)
        }
        index = end + 2
        return negated ? negation(of: set) : set
    }

    /// The complement of a class, folded first under `(?i)` as RE2 does: `(?i)\W` must not match `k` just
    /// because the Kelvin sign (which folds to `k`) is not a word character.
    private func negation(of set: ScalarSet) -> ScalarSet {
        flags.caseInsensitive ? set.caseFolded().inverted() : set.inverted()
    }

    // MARK: - Helpers

    private func node(for set: ScalarSet) -> Node {
        if let single = set.single { return .scalar(single) }
        if set.isEverything { return .anyScalar }
        return .set(set)
    }

    private func literal(_ scalar: UInt32) -> Node {
        guard flags.caseInsensitive else { return .scalar(scalar) }
        let orbit = CaseFolding.orbit(of: scalar)
        return orbit.count == 1 ? .scalar(scalar) : .set(ScalarSet(orbit.map { $0...$0 }))
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private func text(_ range: Range<Int>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return result
    }
}
