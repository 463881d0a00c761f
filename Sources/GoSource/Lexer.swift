/// The result of lexing one Go source file: its code tokens, its comments and every lexical error.
public struct GoTokenization: Sendable {
    /// The tokens without comments, automatic semicolons included, in source order; the last is `.endOfFile`: what
    /// a parser reads.
    public let codeTokens: [GoToken]
    /// The comments in source order, as places in `bytes`: their text is built only where it is read (a doc
    /// comment, a build constraint), not for every comment of a file.
    let comments: [GoComment]
    /// The source the comments lie in.
    let bytes: [UInt8]
    /// Lexical errors in source order; the lexer recovers from each and keeps going.
    public let errors: [GoSyntaxError]

    /// Every token in source order, comments included (their text built here).
    public var tokens: [GoToken] {
        var all: [GoToken] = []
        all.reserveCapacity(codeTokens.count + comments.count)
        var next = 0
        for comment in comments {
            all += codeTokens[next..<comment.codeIndex]
            next = comment.codeIndex
            all.append(GoToken(kind: .comment, text: comment.text(in: bytes), position: comment.position))
        }
        all += codeTokens[next...]
        return all
    }
}

/// A comment as the lexer finds it: where its text lies in the file's bytes (markers included; a line comment
/// without a final `\r`), where it starts, the line it ends on, and how many code tokens come before it.
struct GoComment: Sendable {
    let bytes: Range<Int>
    let position: GoPosition
    let endLine: Int
    let codeIndex: Int

    /// The comment's text.
    func text(in source: [UInt8]) -> String {
        String(decoding: source[bytes], as: UTF8.self)
    }

    /// Whether the comment's text starts with `prefix`.
    func starts(with prefix: StaticString, in source: [UInt8]) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        return prefix.withUTF8Buffer { source[bytes.lowerBound..<bytes.lowerBound + length].elementsEqual($0) }
    }
}

/// A Go lexer after the language specification: identifiers, keywords, operators, numeric, rune and string literals,
/// comments, and automatic semicolon insertion.
///
/// It never fails: a bad character, an unterminated string or comment, or a malformed number is recorded as a
/// `GoSyntaxError` with its position, and lexing continues after it.
public struct GoLexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var tokens: [GoToken] = []
    private var comments: [GoComment] = []
    private var errors: [GoSyntaxError] = []
    /// True when a newline here would insert a semicolon (the last token allows it).
    private var insertSemicolon = false
    /// Whether only literals that can hold a quote (strings, runes) and comments are lexed; every other byte is
    /// stepped over, which is safe because no identifier, number or operator contains a quote, `/` or a newline.
    private let literalsOnly: Bool
    /// Whether identifiers and string and rune literals get their text (else only their length: `GoToken.built`).
    private let buildsText: Bool
    /// `keywords` and `startsLiteralOrLine`, held by the lexer: a static table is reached through a once-check at
    /// every use (18 million in k6's audit), a stored one is not.
    private let keywordTable: [[([UInt8], GoKeyword)]]
    private let stops: [Bool]

    /// Lexes `source`.
    public static func tokenize(_ source: String) -> GoTokenization {
        tokenize(Array(source.utf8))
    }

    /// Lexes UTF-8 `bytes`; invalid UTF-8 is an error at its position.
    public static func tokenize(_ bytes: [UInt8]) -> GoTokenization {
        tokenize(bytes, buildingText: true)
    }

    /// Lexes UTF-8 `bytes`; without `buildingText`, identifiers and string and rune literals get no text (it is
    /// read from `bytes` where it is needed: `GoToken.built(in:)`).
    static func tokenize(_ bytes: [UInt8], buildingText: Bool) -> GoTokenization {
        var lexer = GoLexer(bytes: bytes, buildsText: buildingText)
        lexer.run()
        return GoTokenization(codeTokens: lexer.tokens, comments: lexer.comments, bytes: bytes, errors: lexer.errors)
    }

    /// The string literals of `source` in order: exactly the `.string` tokens of `tokenize(source)`, with their text
    /// and positions, found without building the other tokens (several times faster on ordinary code).
    public static func stringLiterals(_ source: String) -> [GoToken] {
        var lexer = GoLexer(bytes: Array(source.utf8), literalsOnly: true)
        lexer.run()
        return lexer.tokens.filter { $0.kind == .string }
    }

    private init(bytes: [UInt8], literalsOnly: Bool = false, buildsText: Bool = true) {
        self.bytes = bytes
        self.literalsOnly = literalsOnly
        self.buildsText = buildsText
        keywordTable = Self.keywords
        stops = Self.startsLiteralOrLine
        tokens.reserveCapacity(literalsOnly ? 64 : bytes.count / 4)
    }

    // MARK: - Driver

    private mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
        while true {
            skipBlanks()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                if insertSemicolon { emit(.semicolon, "\n", at: position()) }
                newline(at: index)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "/") {
                    lineComment()
                    continue
                }
                if bytes[index + 1] == UInt8(ascii: "*") {
                    generalComment()
                    continue
                }
            }
            if literalsOnly, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "`"), byte != UInt8(ascii: "'") {
                index += 1
                // Nothing but a newline, a comment or a quote starts anything this mode keeps.
                while index < bytes.count, !stops[Int(bytes[index])] { index += 1 }
                continue
            }
            scanToken()
        }
        if insertSemicolon { emit(.semicolon, "", at: position()) }
        tokens.append(GoToken(kind: .endOfFile, text: "", position: position()))
    }

    private mutating func skipBlanks() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { return }
            index += 1
        }
    }

    private func position(_ offset: Int? = nil) -> GoPosition {
        let at = offset ?? index
        return GoPosition(line: line, column: at - lineStart + 1, offset: at)
    }

    private mutating func newline(at offset: Int) {
        line += 1
        lineStart = offset + 1
    }

    private mutating func emit(_ kind: GoTokenKind, _ text: String, at start: GoPosition) {
        tokens.append(GoToken(kind: kind, text: text, position: start))
        switch kind {
        case .identifier, .int, .float, .imaginary, .rune, .string:
            insertSemicolon = true
        case .keyword(let keyword):
            insertSemicolon = keyword == .break || keyword == .continue || keyword == .fallthrough || keyword == .return
        case .operator:
            insertSemicolon = text == ")" || text == "]" || text == "}" || text == "++" || text == "--"
        case .semicolon, .endOfFile:
            insertSemicolon = false
        case .comment:
            break
        }
    }

    private mutating func fail(_ message: String, at start: GoPosition) {
        errors.append(GoSyntaxError(position: start, message: message))
    }

    private func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Emits the identifier or literal from `begin` to here: with its text, or its length when the lexer does not
    /// build texts (and the length fits in 32 bits).
    private mutating func emitText(_ kind: GoTokenKind, from begin: Int, at start: GoPosition) {
        if !buildsText, let length = UInt32(exactly: index - begin), length > 0 {
            tokens.append(GoToken(kind: kind, unbuiltLength: length, position: start))
            insertSemicolon = true
        } else {
            emit(kind, text(from: begin), at: start)
        }
    }

    // MARK: - Comments

    private mutating func lineComment() {
        let start = position()
        let begin = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        // `stringLiterals` keeps no comment, nor the semicolon before it.
        if literalsOnly { return }
        var end = index
        if end > begin, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // A line comment acts like a newline: the semicolon goes before it.
        if insertSemicolon { emit(.semicolon, "\n", at: start) }
        comments.append(GoComment(bytes: begin..<end, position: start, endLine: start.line, codeIndex: tokens.count))
    }

    private mutating func generalComment() {
        let start = position()
        let begin = index
        index += 2
        var spansLines = false
        var closed = false
        var lineBreaks: [Int] = []
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                index += 2
                closed = true
                break
            }
            if bytes[index] == UInt8(ascii: "\n") {
                spansLines = true
                lineBreaks.append(index)
            }
            index += 1
        }
        if !closed { fail("comment not terminated: add '*/'", at: start) }
        // A general comment containing a newline acts like a newline; otherwise like a space.
        if (spansLines || !closed) && insertSemicolon { emit(.semicolon, "\n", at: start) }
        if !literalsOnly {
            comments.append(
                GoComment(
                    bytes: begin..<index, position: start, endLine: start.line + lineBreaks.count,
                    codeIndex: tokens.count))
        }
        for offset in lineBreaks { newline(at: offset) }
    }

    // MARK: - Tokens

    private mutating func scanToken() {
        let start = position()
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            identifier(start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            number(start)
        case UInt8(ascii: "."):
            if index + 1 < bytes.count, isDecimal(bytes[index + 1]) {
                number(start)
            } else {
                operatorToken(start)
            }
        case UInt8(ascii: "\""):
            interpretedString(start)
        case UInt8(ascii: "`"):
            rawString(start)
        case UInt8(ascii: "'"):
            runeLiteral(start)
        case 0x80...:
            guard let (scalar, length) = decodeScalar(at: index) else {
                fail("invalid UTF-8 encoding", at: start)
                index += 1
                return
            }
            if Self.isLetter(scalar) {
                identifier(start)
            } else {
                fail("invalid character U+\(hex(scalar.value)) '\(Character(scalar))' in Go source", at: start)
                index += length
            }
        default:
            operatorToken(start)
        }
    }

    private mutating func identifier(_ start: GoPosition) {
        let begin = index
        while index < bytes.count {
            let byte = bytes[index]
            if isASCIILetter(byte) || isDecimal(byte) || byte == UInt8(ascii: "_") {
                index += 1
            } else if byte >= 0x80, let (scalar, length) = decodeScalar(at: index),
                Self.isLetter(scalar) || Self.isDigit(scalar)
            {
                index += length
            } else {
                break
            }
        }
        if let keyword = keyword(begin..<index) {
            tokens.append(GoToken(kind: .keyword(keyword), text: keyword.rawValue, position: start))
            insertSemicolon = keyword == .break || keyword == .continue || keyword == .fallthrough || keyword == .return
        } else {
            emitText(.identifier, from: begin, at: start)
        }
    }

    /// The keyword spelled by `range` of the source, if it is one (all keywords are 2 to 11 lower-case ASCII letters).
    private func keyword(_ range: Range<Int>) -> GoKeyword? {
        guard range.count >= 2, range.count <= 11 else { return nil }
        let first = bytes[range.lowerBound]
        guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
        for (spelling, keyword) in keywordTable[Int(first - UInt8(ascii: "a"))] where spelling.count == range.count {
            if bytes[range].elementsEqual(spelling) { return keyword }
        }
        return nil
    }

    /// The keywords by their first letter (`a` is 0), with their spelling.
    private static let keywords: [[([UInt8], GoKeyword)]] = {
        var table = [[([UInt8], GoKeyword)]](repeating: [], count: 26)
        for keyword in GoKeyword.allCases {
            let spelling = Array(keyword.rawValue.utf8)
            table[Int(spelling[0] - UInt8(ascii: "a"))].append((spelling, keyword))
        }
        return table
    }()

    /// The bytes that may start a string, rune or comment, or end a line: what `stringLiterals` stops at.
    private static let startsLiteralOrLine: [Bool] = (0...255).map { byte in
        [UInt8(ascii: "\n"), UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "'")].contains(
            UInt8(byte))
    }

    /// Operators and punctuation, the longest that the source spells at the current byte (`&^=` before `&^` and `&`);
    /// `;` is a semicolon.
    private mutating func operatorToken(_ start: GoPosition) {
        let byte = bytes[index]
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        let symbol: GoOperator
        switch byte {
        case UInt8(ascii: "&"):
            symbol =
                next == UInt8(ascii: "^")
                ? (third == UInt8(ascii: "=") ? .andNotAssign : .andNot)
                : next == UInt8(ascii: "&") ? .logicalAnd : next == UInt8(ascii: "=") ? .ampersandAssign : .ampersand
        case UInt8(ascii: "<"):
            symbol =
                next == UInt8(ascii: "<")
                ? (third == UInt8(ascii: "=") ? .shiftLeftAssign : .shiftLeft)
                : next == UInt8(ascii: "-") ? .arrow : next == UInt8(ascii: "=") ? .lessOrEqual : .less
        case UInt8(ascii: ">"):
            symbol =
                next == UInt8(ascii: ">")
                ? (third == UInt8(ascii: "=") ? .shiftRightAssign : .shiftRight)
                : next == UInt8(ascii: "=") ? .greaterOrEqual : .greater
        case UInt8(ascii: "."):
            symbol = next == UInt8(ascii: ".") && third == UInt8(ascii: ".") ? .ellipsis : .period
        case UInt8(ascii: "|"):
            symbol = next == UInt8(ascii: "|") ? .logicalOr : next == UInt8(ascii: "=") ? .pipeAssign : .pipe
        case UInt8(ascii: "+"):
            symbol = next == UInt8(ascii: "+") ? .increment : next == UInt8(ascii: "=") ? .plusAssign : .plus
        case UInt8(ascii: "-"):
            symbol = next == UInt8(ascii: "-") ? .decrement : next == UInt8(ascii: "=") ? .minusAssign : .minus
        case UInt8(ascii: "="): symbol = next == UInt8(ascii: "=") ? .equal : .assign
        case UInt8(ascii: "!"): symbol = next == UInt8(ascii: "=") ? .notEqual : .not
        case UInt8(ascii: ":"): symbol = next == UInt8(ascii: "=") ? .define : .colon
        case UInt8(ascii: "*"): symbol = next == UInt8(ascii: "=") ? .starAssign : .star
        case UInt8(ascii: "/"): symbol = next == UInt8(ascii: "=") ? .slashAssign : .slash
        case UInt8(ascii: "%"): symbol = next == UInt8(ascii: "=") ? .percentAssign : .percent
        case UInt8(ascii: "^"): symbol = next == UInt8(ascii: "=") ? .caretAssign : .caret
        case UInt8(ascii: "("): symbol = .leftParen
        case UInt8(ascii: ")"): symbol = .rightParen
        case UInt8(ascii: "["): symbol = .leftBracket
        case UInt8(ascii: "]"): symbol = .rightBracket
        case UInt8(ascii: "{"): symbol = .leftBrace
        case UInt8(ascii: "}"): symbol = .rightBrace
        case UInt8(ascii: ","): symbol = .comma
        case UInt8(ascii: "~"): symbol = .tilde
        case UInt8(ascii: ";"):
            index += 1
            emit(.semicolon, ";", at: start)
            return
        default:
            let shown = byte >= 0x20 && byte < 0x7F ? " '\(Character(Unicode.Scalar(byte)))'" : ""
            fail("invalid character U+\(hex(UInt32(byte)))\(shown) in Go source", at: start)
            index += 1
            return
        }
        let text = symbol.text
        let length = text.utf8.count
        index += length
        tokens.append(GoToken(symbol, text: text, at: start))
        switch byte {
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): insertSemicolon = true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): insertSemicolon = length == 2 && next == byte
        default: insertSemicolon = false
        }
    }

    // MARK: - Numbers

    private mutating func number(_ start: GoPosition) {
        let begin = index
        var base = 10
        var prefix: UInt8 = 0
        var kind = GoTokenKind.int
        var digitFlags = 0  // bit 0: a digit of the base; bit 1: a digit too large for the base; bit 2: a '_'
        var invalidDigit: Int?

        if bytes[index] != UInt8(ascii: ".") {
            if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count {
                switch lower(bytes[index + 1]) {
                case UInt8(ascii: "x"):
                    index += 2
                    (base, prefix) = (16, UInt8(ascii: "x"))
                case UInt8(ascii: "o"):
                    index += 2
                    (base, prefix) = (8, UInt8(ascii: "o"))
                case UInt8(ascii: "b"):
                    index += 2
                    (base, prefix) = (2, UInt8(ascii: "b"))
                default:
                    (base, prefix) = (8, UInt8(ascii: "0"))
                    digitFlags = 1  // the leading 0
                }
            }
            digitFlags |= digits(base: base, invalid: &invalidDigit)
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                kind = .float
                if prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "b") {
                    fail("invalid radix point in \(literalName(prefix)) literal", at: start)
                }
                index += 1
                digitFlags |= digits(base: base, invalid: &invalidDigit)
            }
            if digitFlags & 1 == 0 {
                fail("\(literalName(prefix)) literal has no digits", at: start)
            }
        } else {
            kind = .float
            index += 1
            digitFlags |= digits(base: 10, invalid: &invalidDigit)
        }

        if index < bytes.count {
            let exponent = lower(bytes[index])
            if exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "p") {
                if exponent == UInt8(ascii: "e") && prefix != 0 && prefix != UInt8(ascii: "0") {
                    fail("'\(Character(Unicode.Scalar(bytes[index])))' exponent requires decimal mantissa", at: start)
                } else if exponent == UInt8(ascii: "p") && prefix != UInt8(ascii: "x") {
                    fail(
                        "'\(Character(Unicode.Scalar(bytes[index])))' exponent requires hexadecimal mantissa", at: start
                    )
                }
                index += 1
                kind = .float
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                var ignored: Int?
                let flags = digits(base: 10, invalid: &ignored)
                digitFlags |= flags & 4
                if flags & 1 == 0 { fail("exponent has no digits", at: start) }
            } else if prefix == UInt8(ascii: "x") && kind == .float {
                fail("hexadecimal mantissa requires a 'p' exponent", at: start)
            }
        } else if prefix == UInt8(ascii: "x") && kind == .float {
            fail("hexadecimal mantissa requires a 'p' exponent", at: start)
        }

        if index < bytes.count, bytes[index] == UInt8(ascii: "i") {
            index += 1
            kind = .imaginary
        }

        let literal = text(from: begin)
        // `09.5` and `09i` are decimal, so a digit too large for the base is an error only in an integer.
        if kind == .int, let invalidDigit {
            let digit = Character(Unicode.Scalar(bytes[invalidDigit]))
            fail("invalid digit '\(digit)' in \(literalName(prefix)) literal", at: position(invalidDigit))
        }
        if digitFlags & 4 != 0, let separator = Self.invalidSeparator(Array(literal.utf8)) {
            fail("'_' must separate successive digits", at: position(begin + separator))
        }
        emit(kind, literal, at: start)
    }

    /// Consumes digits and `_` of up to base 10 or 16; returns flags: bit 0 a valid digit, bit 1 an invalid one, bit
    /// 2 a separator. Remembers the first digit too large for `base` (decimal digits are consumed in any base so a
    /// literal like `09.5` or `0b12` is one token).
    private mutating func digits(base: Int, invalid: inout Int?) -> Int {
        var flags = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                flags |= 4
            } else if let value = digitValue(byte), value < max(base, 10) {
                if value >= base {
                    flags |= 2
                    if invalid == nil { invalid = index }
                } else {
                    flags |= 1
                }
            } else {
                break
            }
            index += 1
        }
        return flags
    }

    private func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    private func literalName(_ prefix: UInt8) -> String {
        switch prefix {
        case UInt8(ascii: "x"): "hexadecimal"
        case UInt8(ascii: "o"), UInt8(ascii: "0"): "octal"
        case UInt8(ascii: "b"): "binary"
        default: "decimal"
        }
    }

    /// The index of the first `_` in `literal` that does not separate two digits (or a base prefix and a digit), as
    /// Go's scanner checks it; nil when every separator is well placed.
    static func invalidSeparator(_ literal: [UInt8]) -> Int? {
        var previous: UInt8 = UInt8(ascii: " ")  // ' ' start, '0' digit or prefix, '_' separator, '!' other
        var i = 0
        var hex = false
        if literal.count >= 2, literal[0] == UInt8(ascii: "0") {
            let second = literal[1] | 0x20
            if second == UInt8(ascii: "x") || second == UInt8(ascii: "o") || second == UInt8(ascii: "b") {
                hex = second == UInt8(ascii: "x")
                previous = UInt8(ascii: "0")
                i = 2
            }
        }
        while i < literal.count {
            let byte = literal[i]
            let isDigit =
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (hex && ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f")))
            if byte == UInt8(ascii: "_") {
                if previous != UInt8(ascii: "0") { return i }
            } else if isDigit {
                previous = UInt8(ascii: "0")
                i += 1
                continue
            } else {
                if previous == UInt8(ascii: "_") { return i - 1 }
                previous = UInt8(ascii: "!")
                i += 1
                continue
            }
            previous = byte
            i += 1
        }
        return previous == UInt8(ascii: "_") ? literal.count - 1 : nil
    }

    // MARK: - Strings and runes

    private mutating func interpretedString(_ start: GoPosition) {
        let begin = index
        index += 1
        while true {
            guard index < bytes.count, bytes[index] != UInt8(ascii: "\n") else {
                fail("string literal not terminated: add '\"' before the end of the line", at: start)
                break
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                escape(quote: UInt8(ascii: "\""))
            } else {
                index += 1
            }
        }
        emitText(.string, from: begin, at: start)
    }

    private mutating func rawString(_ start: GoPosition) {
        let begin = index
        index += 1
        var closed = false
        var lineBreaks: [Int] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "`") {
                closed = true
                break
            }
            if byte == UInt8(ascii: "\n") { lineBreaks.append(index - 1) }
        }
        if !closed { fail("raw string literal not terminated: add '`'", at: start) }
        emitText(.string, from: begin, at: start)
        for offset in lineBreaks { newline(at: offset) }
    }

    private mutating func runeLiteral(_ start: GoPosition) {
        let begin = index
        index += 1
        var count = 0
        var terminated = false
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                index += 1
                terminated = true
                break
            }
            count += 1
            if byte == UInt8(ascii: "\\") {
                escape(quote: UInt8(ascii: "'"))
            } else if byte >= 0x80, let (_, length) = decodeScalar(at: index) {
                index += length
            } else {
                index += 1
            }
        }
        if !terminated {
            fail("rune literal not terminated: add \"'\"", at: start)
        } else if count != 1 {
            fail(count == 0 ? "empty rune literal" : "more than one character in rune literal", at: start)
        }
        emitText(.rune, from: begin, at: start)
    }

    /// Consumes one escape sequence starting at the backslash, recording an error for an unknown or short one.
    private mutating func escape(quote: UInt8) {
        let start = position()
        index += 1
        guard index < bytes.count else { return }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
            UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "\\"), quote:
            index += 1
            return
        default: break
        }
        let (count, base): (Int, Int)
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "7"): (count, base) = (3, 8)
        case UInt8(ascii: "x"):
            (count, base) = (2, 16)
            index += 1
        case UInt8(ascii: "u"):
            (count, base) = (4, 16)
            index += 1
        case UInt8(ascii: "U"):
            (count, base) = (8, 16)
            index += 1
        default:
            if byte == UInt8(ascii: "\n") {
                fail("unknown escape sequence", at: start)
            } else {
                fail("unknown escape sequence '\\\(Character(Unicode.Scalar(byte)))'", at: start)
                index += 1
            }
            return
        }
        var value: UInt32 = 0
        for _ in 0..<count {
            guard index < bytes.count, let digit = digitValue(bytes[index]), digit < base else {
                fail("escape sequence is incomplete or has an invalid digit", at: start)
                return
            }
            value = value * UInt32(base) + UInt32(digit)
            index += 1
        }
        if base == 8 && value > 255 {
            fail("octal escape value \(value) > 255", at: start)
        } else if count >= 4 && (value > 0x10FFFF || (0xD800..<0xE000).contains(value)) {
            fail("escape sequence is an invalid Unicode code point", at: start)
        }
    }

    // MARK: - Characters

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private func isDecimal(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func lower(_ byte: UInt8) -> UInt8 { isASCIILetter(byte) ? byte | 0x20 : byte }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Decodes one UTF-8 scalar at `offset`; nil for an invalid sequence.
    private func decodeScalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        var iterator = bytes[offset..<min(bytes.count, offset + 4)].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return (scalar, UTF8.width(scalar))
        default: return nil
        }
    }

    /// A Unicode letter (categories Lu, Ll, Lt, Lm, Lo) or `_`, as the Go spec defines `letter`.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// A Unicode decimal digit (category Nd).
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }
}
