/// A place in a Go source file: 1-based line and column, and the 0-based UTF-8 byte offset.
///
/// Columns count UTF-8 bytes, as the Go toolchain's own positions do, so they match `go vet` and editors that
/// report byte columns.
public struct GoPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, in UTF-8 bytes.
    public let column: Int
    /// The 0-based UTF-8 byte offset from the start of the file.
    public let offset: Int

    /// A position from its parts.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// Orders positions by offset.
    public static func < (lhs: GoPosition, rhs: GoPosition) -> Bool { lhs.offset < rhs.offset }
}

/// The Go keywords.
public enum GoKeyword: String, Sendable, Hashable, CaseIterable {
    case `break`, `case`, chan, const, `continue`, `default`, `defer`, `else`, `fallthrough`, `for`, `func`, go,
        goto, `if`, `import`, interface, map, package, range, `return`, select, `struct`, `switch`, type, `var`
}

/// An operator or punctuation of Go (`;` is a semicolon token, not one of these).
public enum GoOperator: UInt8, Sendable, Hashable, CaseIterable {
    case plus, minus, star, slash, percent, ampersand, pipe, caret, shiftLeft, shiftRight, andNot, plusAssign,
        minusAssign, starAssign, slashAssign, percentAssign, ampersandAssign, pipeAssign, caretAssign, shiftLeftAssign,
        shiftRightAssign, andNotAssign, logicalAnd, logicalOr, arrow, increment, decrement, equal, less, greater,
        assign, not, tilde, notEqual, lessOrEqual, greaterOrEqual, define, ellipsis, leftParen, rightParen, leftBracket,
        rightBracket, leftBrace, rightBrace, comma, period, colon

    /// How the operator is spelled.
    public var text: String {
        switch self {
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .percent: "%"
        case .ampersand: "&"
        case .pipe: "|"
        case .caret: "^"
        case .shiftLeft: "<<"
        case .shiftRight: ">>"
        case .andNot: "&^"
        case .plusAssign: "+="
        case .minusAssign: "-="
        case .starAssign: "*="
        case .slashAssign: "/="
        case .percentAssign: "%="
        case .ampersandAssign: "&="
        case .pipeAssign: "|="
        case .caretAssign: "^="
        case .shiftLeftAssign: "<<="
        case .shiftRightAssign: ">>="
        case .andNotAssign: "&^="
        case .logicalAnd: "&&"
        case .logicalOr: "||"
        case .arrow: "<-"
        case .increment: "++"
        case .decrement: "--"
        case .equal: "=="
        case .less: "<"
        case .greater: ">"
        case .assign: "="
        case .not: "!"
        case .tilde: "~"
        case .notEqual: "!="
        case .lessOrEqual: "<="
        case .greaterOrEqual: ">="
        case .define: ":="
        case .ellipsis: "..."
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .comma: ","
        case .period: "."
        case .colon: ":"
        }
    }
}

/// What a token is.
public enum GoTokenKind: Sendable, Hashable {
    /// A name: Unicode letters, `_` and digits, not starting with a digit.
    case identifier
    /// One of the 25 keywords.
    case keyword(GoKeyword)
    /// An operator or punctuation such as `:=`, `...`, `&^=` or `{`.
    case `operator`
    /// An integer literal (`42`, `0x_1F`, `0o17`, `017`, `0b1010`, `1_000`).
    case int
    /// A floating-point literal (`1.5`, `.5e-3`, `0x1p-2`).
    case float
    /// An imaginary literal (`2i`, `1.5e3i`).
    case imaginary
    /// A rune literal (`'a'`, `'\n'`, `'\u00e9'`).
    case rune
    /// An interpreted (`"..."`) or raw (`` `...` ``) string literal.
    case string
    /// A line (`// ...`) or general (`/* ... */`) comment.
    case comment
    /// A `;`, written or inserted automatically at the end of a line (then its text is `"\n"`, or empty at EOF).
    case semicolon
    /// The end of the file; always the last token.
    case endOfFile
}

/// One token of Go source with its exact text and where it starts.
public struct GoToken: Sendable, Hashable {
    // The three small fields come first: stored in declaration order, they share the first 8 bytes, and a token
    // takes 48 bytes (with `symbol` and `unbuiltLength` after `position` it took 56).
    /// What the token is.
    public let kind: GoTokenKind
    /// Which operator an `.operator` token is; nil for every other kind (and for an operator text Go does not have).
    public let symbol: GoOperator?
    /// The length in bytes of an identifier or literal whose text the lexer left unbuilt (`text` is then empty and
    /// the parser reads the text from the source: `GoParser.text(of:)`); 0 for a token whose text is built. Such
    /// tokens never leave GoSource: what a parse hands over has every text built (`GoDeclarations.tokens(of:)`).
    let unbuiltLength: UInt32
    /// The source text: literals and comments verbatim (quotes and comment markers included); `"\n"` or `""` for an
    /// automatic semicolon.
    public let text: String
    /// Where the token starts.
    public let position: GoPosition

    /// A token from its parts.
    public init(kind: GoTokenKind, text: String, position: GoPosition) {
        self.kind = kind
        self.text = text
        self.position = position
        symbol = kind == .operator ? GoOperator.allCases.first { $0.text == text } : nil
        unbuiltLength = 0
    }

    /// An identifier or literal of `length` bytes at `position` whose text is not built.
    init(kind: GoTokenKind, unbuiltLength length: UInt32, position: GoPosition) {
        self.kind = kind
        text = ""
        self.position = position
        symbol = nil
        unbuiltLength = length
    }

    /// This token with its text built from `source`, the bytes it was lexed from.
    func built(in source: [UInt8]) -> GoToken {
        guard unbuiltLength > 0 else { return self }
        let start = position.offset
        return GoToken(
            kind: kind, text: String(decoding: source[start..<start + Int(unbuiltLength)], as: UTF8.self),
            position: position)
    }

    /// The operator `symbol`, spelled `text`, at `position`.
    init(_ symbol: GoOperator, text: String, at position: GoPosition) {
        kind = .operator
        self.text = text
        self.position = position
        self.symbol = symbol
        unbuiltLength = 0
    }

    /// True for a comment token.
    public var isComment: Bool { kind == .comment }

    /// True when this is the operator or punctuation `text`.
    public func isOperator(_ symbol: String) -> Bool { kind == .operator && text == symbol }

    /// True when this is the operator `symbol` (a comparison of codes, not of texts).
    public func isOperator(_ symbol: GoOperator) -> Bool { self.symbol == symbol }

    /// True when this is the keyword `keyword`.
    public func isKeyword(_ keyword: GoKeyword) -> Bool { kind == .keyword(keyword) }

    /// True for a semicolon the lexer inserted at a line end or the end of the file.
    public var isAutomaticSemicolon: Bool { kind == .semicolon && text != ";" }

    /// The line on which the token ends (differs from the start for raw strings and general comments).
    public var endLine: Int {
        position.line + text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            - (kind == .semicolon && text == "\n" ? 1 : 0)
    }
}

/// A problem in Go source, at a position: an unterminated literal or comment, a bad character, a syntax error.
public struct GoSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public let position: GoPosition
    /// What is wrong, in words.
    public let message: String

    /// An error from its parts.
    public init(position: GoPosition, message: String) {
        self.position = position
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
