import Limits

/// A Go parser at the declaration level: package clause, build constraints, imports, and `const`, `var`, `type` and
/// `func` declarations with full type expressions. Function bodies and initialisers are skipped by balanced-bracket
/// scanning and kept as token ranges.
///
/// It never throws: a declaration with a syntax error is dropped with a `GoSyntaxError`, and parsing resumes at the
/// next top-level declaration.
public struct GoParser {
    let tokens: [GoToken]
    /// The source the tokens were lexed from, when some were lexed without their text (else it may be empty).
    let bytes: [UInt8]
    let docs: DocComments
    var index = 0
    var errors: [GoSyntaxError] = []
    /// How deep the type being parsed nests; past `Limit.goTypeDepth` its declaration is a syntax error.
    var typeDepth = 0
    /// Inside function bodies: how many `if`/`for`/`switch` headers enclose the current token, where `{` opens the
    /// body rather than a composite literal (reset inside brackets).
    var noCompositeDepth = 0
    /// Inside function bodies: how deep expressions and blocks nest; past `Limit.goTypeDepth` it is an error.
    var nesting = 0
    /// Inside function bodies: the depth of the tree the last expression production returned (a name is 1), so that
    /// chains the parser folds in a loop are bounded by `Limit.goBodyExpressionDepth` as recursion is by `nesting`.
    var expressionDepth = 0
    /// Inside function bodies: the greatest `expressionDepth` plus the `nesting` it was built at, and the greatest
    /// `nesting`, met since a function literal began: above the literal's own nesting, the depth of its tree.
    var deepestExpression = 0
    var deepestNesting = 0
    /// The loops enclosing the statement being read, innermost last: true for a `range` loop, false for another loop
    /// or for a function literal's body (which a `continue` cannot leave).
    var loops: [Bool] = []
    /// What a `break` may leave, innermost last: loops, `switch` and `select` statements, and function literals' bodies
    /// (which no `break` leaves), each with its label and whether a `break` refers to it.
    var breakables: [Breakable] = []
    /// The label written right before the statement being read (`outer:` before `for`), if any.
    var pendingLabel: String?

    /// A statement a `break` may leave (``breakables``).
    struct Breakable {
        enum Kind { case range, loop, choice, function }
        let kind: Kind
        let label: String?
        /// Whether a `break` (unlabeled inside it, or naming its label) refers to it.
        var broken = false
    }

    /// Parses `source`.
    public static func parse(_ source: String) -> GoFile {
        parse(GoLexer.tokenize(source))
    }

    /// Parses UTF-8 bytes.
    public static func parse(_ bytes: [UInt8]) -> GoFile {
        parse(GoLexer.tokenize(bytes))
    }

    /// Parses UTF-8 bytes for their declarations alone: the file has no tokens (`GoFile.tokens` is empty, so no
    /// body or initialiser can be read from it), and the lexer builds no text for identifiers and literals; the
    /// parser builds the texts it keeps (names, types, import paths, tags, initialisers' normalised text), and
    /// `GoDeclarations.tokens(of:)` the tokens of an initialiser asked for. The declarations, errors and build
    /// constraint are those `parse(bytes)` gives.
    public static func parseDeclarations(_ bytes: [UInt8]) -> GoDeclarations {
        let file = parse(GoLexer.tokenize(bytes, buildingText: false))
        return GoDeclarations(
            file: GoFile(
                packageName: file.packageName, buildConstraint: file.buildConstraint, imports: file.imports,
                declarations: file.declarations, tokens: [], errors: file.errors),
            tokens: file.tokens, bytes: bytes)
    }

    /// Parses an already lexed file.
    public static func parse(_ lexed: GoTokenization) -> GoFile {
        let (docs, constraint) = Self.separateComments(lexed)
        var parser = GoParser(tokens: lexed.codeTokens, bytes: lexed.bytes, docs: docs)
        parser.errors = lexed.errors
        let (packageName, imports, declarations) = parser.parseFile()
        let errors = parser.errors.sorted { $0.position < $1.position }
        return GoFile(
            packageName: packageName, buildConstraint: constraint, imports: imports, declarations: declarations,
            tokens: lexed.codeTokens, errors: errors)
    }

    init(tokens: [GoToken], bytes: [UInt8] = [], docs: DocComments) {
        self.tokens = tokens
        self.bytes = bytes
        self.docs = docs
    }

    /// The text of `token`: built from the source when the lexer left it unbuilt.
    func text(of token: GoToken) -> String {
        token.unbuiltLength == 0 ? token.text : token.built(in: bytes).text
    }

    /// The doc comments of a file's code tokens (by code-token index), each built when the parser asks for it: most
    /// comment groups (those in function bodies) are never asked for, and their text is never built.
    struct DocComments {
        /// The comments of the file, and the source they lie in.
        let comments: [GoComment]
        let bytes: [UInt8]
        /// The first and last comment (in `comments`) of the comment group above a code token.
        let groups: [Int: ClosedRange<Int>]
        /// The first and last comment of the line comment after a code token: the comments that start on the line the
        /// token ends on, when the next code token is on a later line (go/parser's `lineComment`, `ast.Field.Comment`).
        let lineGroups: [Int: ClosedRange<Int>]

        /// No doc comments.
        init() {
            comments = []
            bytes = []
            groups = [:]
            lineGroups = [:]
        }

        init(
            comments: [GoComment], bytes: [UInt8], groups: [Int: ClosedRange<Int>],
            lineGroups: [Int: ClosedRange<Int>] = [:]
        ) {
            self.comments = comments
            self.bytes = bytes
            self.groups = groups
            self.lineGroups = lineGroups
        }

        subscript(index: Int) -> GoDocComment? {
            guard let group = groups[index] else { return nil }
            return GoParser.docComment(comments[group].map { $0.text(in: bytes) })
        }

        /// The line comment after the code token at `index` (`F int // the width`), or nil.
        func line(after index: Int) -> GoDocComment? {
            guard let group = lineGroups[index] else { return nil }
            return GoParser.docComment(comments[group].map { $0.text(in: bytes) })
        }
    }

    /// The doc comment groups of a lexed file (the group above each code token that has one, by code-token index),
    /// and the build constraint from the comments above the package clause. Reads the comments and, around each,
    /// the code tokens next to it: a file's code tokens are not copied, and a comment's text is built only before
    /// the package clause.
    static func separateComments(_ lexed: GoTokenization) -> (DocComments, String?) {
        let code = lexed.codeTokens
        let comments = lexed.comments
        let bytes = lexed.bytes
        var groups: [Int: ClosedRange<Int>] = [:]
        var lineGroups: [Int: ClosedRange<Int>] = [:]
        // The comment group being read: its first and last comment and the line its last comment ends on.
        var groupStart: Int?
        var groupLast = 0
        var groupEndLine = 0
        var groupIsDoc = true
        // The last code token (not a semicolon) before the comment being read, and how many code tokens were passed.
        var lastCode: Int?
        var passed = 0
        /// Closes the open group at the first code token (not a semicolon) of `code[passed..<end]`, if there is one,
        /// attaching it when it ends on the line above (a doc comment), or to the token before it when it started on
        /// that token's line and the next token is on a later line (a line comment).
        func pass(to end: Int) {
            guard passed < end else { return }
            if let start = groupStart, let first = code[passed..<end].firstIndex(where: { $0.kind != .semicolon }) {
                if groupIsDoc, groupEndLine + 1 == code[first].position.line { groups[first] = start...groupLast }
                if !groupIsDoc, let lastCode,
                    code[first].position.line > groupEndLine || code[first].kind == .endOfFile
                {
                    lineGroups[lastCode] = start...groupLast
                }
                groupStart = nil
            }
            if let last = code[passed..<end].lastIndex(where: { $0.kind != .semicolon }) { lastCode = last }
            passed = end
        }
        for (number, comment) in comments.enumerated() {
            pass(to: comment.codeIndex)
            // A doc group runs over adjacent lines; a line comment only over its own line (go/parser's
            // `consumeCommentGroup(0)`): a comment on the next line starts a group of its own, the next token's doc.
            if groupStart != nil,
                groupIsDoc ? groupEndLine + 1 >= comment.position.line : groupEndLine == comment.position.line
            {
                groupLast = number
            } else {
                // A line comment followed by a comment on a later line is still the line comment of the token before.
                if let start = groupStart, !groupIsDoc, let lastCode { lineGroups[lastCode] = start...groupLast }
                groupStart = number
                groupLast = number
                // A raw string lexed without its text has its lines counted in the source.
                groupIsDoc = comment.position.line != (lastCode.map { code[$0].built(in: bytes).endLine } ?? 0)
            }
            groupEndLine = comment.endLine
        }
        pass(to: code.count)
        return (
            DocComments(comments: comments, bytes: bytes, groups: groups, lineGroups: lineGroups),
            buildConstraint(of: bytes)
        )
    }

    /// The build constraint of a file, read from its header as go/build reads it (`parseFileHeader`, `shouldBuild`):
    ///
    /// - the header is the lines up to the first that holds code; a `//go:build` line there is the constraint when it
    ///   starts its line outside a `/* */` comment (`/* x */ //go:build ignore` is none);
    /// - without one, the `// +build` lines count only above the last blank line before the first line that is not a
    ///   `//` comment (`// +build ignore` right above `package` is none, and neither is one below a copyright
    ///   block's blank line), all of them joined by `&&`.
    public static func buildConstraint(of bytes: [UInt8]) -> String? {
        let slash = UInt8(ascii: "/")
        let star = UInt8(ascii: "*")
        func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
            guard let first = line.firstIndex(where: { !isSpace($0) }) else { return line[line.endIndex...] }
            return line[first...line.lastIndex(where: { !isSpace($0) })!]
        }
        func starts(_ line: ArraySlice<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
            line.count >= 2 && line[line.startIndex] == first && line[line.startIndex + 1] == second
        }
        let goBuildPrefix = Array("//go:build".utf8)
        var goBuild: ArraySlice<UInt8>?
        var end = 0
        var ended = false
        var inSlashStar = false
        var start = 0
        lines: while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var line = trimmed(bytes[start..<newline])
            start = min(newline + 1, bytes.count)
            if line.isEmpty && !ended {
                end = start
                continue
            }
            if !starts(line, slash, slash) { ended = true }
            if !inSlashStar, goBuild == nil, line.starts(with: goBuildPrefix) {
                let rest = line.dropFirst(goBuildPrefix.count)
                if rest.isEmpty || trimmed(rest).count < rest.count { goBuild = trimmed(rest) }
            }
            while !line.isEmpty {
                if inSlashStar {
                    guard let close = line.indices.first(where: { starts(line[$0...], star, slash) }) else {
                        continue lines
                    }
                    inSlashStar = false
                    line = trimmed(line[(close + 2)...])
                    continue
                }
                if starts(line, slash, slash) { continue lines }
                guard starts(line, slash, star) else { break lines }
                inSlashStar = true
                line = trimmed(line.dropFirst(2))
            }
        }
        if let goBuild { return String(decoding: goBuild, as: UTF8.self) }
        var plusBuild: [String] = []
        for raw in bytes[..<end].split(separator: UInt8(ascii: "\n")) {
            let line = trimmed(raw)
            guard starts(line, slash, slash) else { continue }
            let body = String(decoding: trimmed(line.dropFirst(2)), as: UTF8.self)
            // `// +build` followed by a space (or nothing): `// +buildx` is no constraint.
            guard body.hasPrefix("+build"), body == "+build" || body.dropFirst(6).first?.isWhitespace == true else {
                continue
            }
            let words = body.dropFirst("+build".count).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !words.isEmpty else { continue }
            // `linux,go1.11 darwin,go1.11` is `(linux && go1.11) || (darwin && go1.11)`, as `go fix` writes its
            // `//go:build` line: one text for both, and `&&` never read across `||`.
            let clause = words.map { alternative in
                let terms = alternative.split(separator: ",")
                let joined = terms.joined(separator: " && ")
                return words.count > 1 && terms.count > 1 ? "(" + joined + ")" : joined
            }
            plusBuild.append(clause.count > 1 ? "(" + clause.joined(separator: " || ") + ")" : clause.joined())
        }
        return plusBuild.isEmpty ? nil : plusBuild.joined(separator: " && ")
    }

    /// A doc comment from the texts of its group's comments.
    static func docComment(_ group: [String]) -> GoDocComment {
        var lines: [Substring] = []
        for text in group {
            if text.hasPrefix("//") {
                var line = text.dropFirst(2)
                if line.first == " " { line = line.dropFirst() }
                lines.append(line)
            } else {
                let inner = text.dropFirst(2).dropLast(text.hasSuffix("*/") ? 2 : 0)
                lines += inner.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmed[...] }
            }
        }
        return GoDocComment(text: lines.joined(separator: "\n"))
    }

    // MARK: - Token helpers

    var current: GoToken { tokens[index] }

    func peek(_ offset: Int = 1) -> GoToken {
        tokens[min(index + offset, tokens.count - 1)]
    }

    var atEnd: Bool { current.kind == .endOfFile }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func isOperator(_ symbol: GoOperator) -> Bool { current.isOperator(symbol) }

    mutating func accept(_ symbol: GoOperator) -> Bool {
        guard isOperator(symbol) else { return false }
        advance()
        return true
    }

    struct ParseFailure: Error {}

    mutating func fail(_ message: String) -> ParseFailure {
        let found: String
        switch current.kind {
        case .endOfFile: found = "end of file"
        case .semicolon: found = current.isAutomaticSemicolon ? "newline" : "';'"
        case .string: found = "string literal"
        default: found = "'\(text(of: current))'"
        }
        errors.append(GoSyntaxError(position: current.position, message: "\(message), found \(found)"))
        return ParseFailure()
    }

    mutating func expect(_ symbol: GoOperator) throws(ParseFailure) {
        guard accept(symbol) else { throw fail("expected '\(symbol.text)'") }
    }

    mutating func identifier() throws(ParseFailure) -> String {
        guard current.kind == .identifier else { throw fail("expected a name") }
        defer { advance() }
        return text(of: current)
    }

    mutating func skipSemicolons() {
        while current.kind == .semicolon { advance() }
    }

    /// Ends a declaration: a semicolon, or nothing before `)`, `}` or the end of the file.
    mutating func expectSemicolon() throws(ParseFailure) {
        if current.kind == .semicolon {
            advance()
        } else if !(isOperator(.rightParen) || isOperator(.rightBrace) || atEnd) {
            throw fail("expected ';' or a newline after the declaration")
        }
    }

    // MARK: - File

    mutating func parseFile() -> (String, [GoImport], [GoDeclaration]) {
        skipSemicolons()
        var packageName = ""
        do throws(ParseFailure) {
            guard current.isKeyword(.package) else { throw fail("expected 'package' clause") }
            advance()
            packageName = try identifier()
            try expectSemicolon()
        } catch {
            return ("", [], [])
        }
        var imports: [GoImport] = []
        var declarations: [GoDeclaration] = []
        while true {
            skipSemicolons()
            if atEnd { break }
            let start = index
            do throws(ParseFailure) {
                switch current.kind {
                case .keyword(.import): imports += try importDeclaration()
                case .keyword(.const): declarations += try valueDeclaration(constant: true)
                case .keyword(.var): declarations += try valueDeclaration(constant: false)
                case .keyword(.type): declarations += try typeDeclaration()
                case .keyword(.func): declarations.append(.function(try functionDeclaration()))
                default: throw fail("expected a declaration (const, var, type, func or import)")
                }
            } catch {
                recover(from: start)
            }
        }
        return (packageName, imports, declarations)
    }

    /// Skips to the next top-level declaration keyword that starts a line, after a failure.
    mutating func recover(from start: Int) {
        if index == start { advance() }
        while !atEnd {
            if case .keyword(let keyword) = current.kind, [.func, .type, .var, .const, .import].contains(keyword),
                index > 0, tokens[index - 1].kind == .semicolon, current.position.column == 1
            {
                return
            }
            advance()
        }
    }

    mutating func importDeclaration() throws(ParseFailure) -> [GoImport] {
        advance()
        var imports: [GoImport] = []
        if accept(.leftParen) {
            while true {
                skipSemicolons()
                if accept(.rightParen) { break }
                imports.append(try importSpec())
                try expectSemicolon()
            }
        } else {
            imports.append(try importSpec())
        }
        try expectSemicolon()
        return imports
    }

    mutating func importSpec() throws(ParseFailure) -> GoImport {
        var name: String?
        if current.kind == .identifier {
            name = text(of: current)
            advance()
        } else if isOperator(.period) {
            name = "."
            advance()
        }
        guard current.kind == .string else { throw fail("expected an import path") }
        defer { advance() }
        return GoImport(name: name, path: Self.unquote(text(of: current)))
    }

    // MARK: - const and var

    mutating func valueDeclaration(constant: Bool) throws(ParseFailure) -> [GoDeclaration] {
        let keywordIndex = index
        advance()
        var specs: [GoDeclaration] = []
        if accept(.leftParen) {
            let groupDoc = docs[keywordIndex]
            var iota = 0
            var previous: (GoType?, [GoExpression])?
            while true {
                skipSemicolons()
                if accept(.rightParen) { break }
                let spec = try valueSpec(constant: constant, iota: iota, previous: previous, groupDoc: groupDoc)
                if constant { previous = (spec.type, spec.values) }
                specs.append(.value(spec))
                iota += 1
                try expectSemicolon()
            }
        } else {
            specs.append(
                .value(try valueSpec(constant: constant, iota: 0, previous: nil, groupDoc: docs[keywordIndex])))
        }
        try expectSemicolon()
        return specs
    }

    mutating func valueSpec(
        constant: Bool, iota: Int, previous: (GoType?, [GoExpression])?, groupDoc: GoDocComment?
    ) throws(ParseFailure) -> GoValueSpec {
        let doc = docs[index] ?? groupDoc
        let position = current.position
        var names = [try identifier()]
        while accept(.comma) { names.append(try identifier()) }
        var type: GoType?
        if !(isOperator(.assign) || current.kind == .semicolon || isOperator(.rightParen)) {
            type = try parseType()
        }
        var values: [GoExpression] = []
        if accept(.assign) {
            repeat {
                values.append(try skipExpression())
            } while accept(.comma)
        } else if constant {
            guard type == nil, let previous else {
                throw fail(type == nil ? "expected '=' and a value for the constant" : "expected '=' after the type")
            }
            (type, values) = previous
        } else if type == nil {
            throw fail("expected a type or '=' in the var declaration")
        }
        return GoValueSpec(
            isConstant: constant, names: names, type: type, values: values, iota: iota,
            doc: doc ?? docs.line(after: index - 1), position: position)
    }

    /// Skips one expression (up to `,`, `;` or an unbalanced closer at depth 0) and returns its range and text.
    mutating func skipExpression() throws(ParseFailure) -> GoExpression {
        let start = index
        var depth = 0
        while !atEnd {
            let token = current
            if token.kind == .operator {
                switch token.symbol {
                case .leftParen, .leftBracket, .leftBrace: depth += 1
                case .rightParen, .rightBracket, .rightBrace:
                    if depth == 0 { return try finishExpression(start) }
                    depth -= 1
                case .comma:
                    if depth == 0 { return try finishExpression(start) }
                default: break
                }
            } else if token.kind == .semicolon && depth == 0 {
                return try finishExpression(start)
            }
            advance()
        }
        if depth > 0 { throw fail("unbalanced brackets in expression") }
        return try finishExpression(start)
    }

    mutating func finishExpression(_ start: Int) throws(ParseFailure) -> GoExpression {
        guard index > start else { throw fail("expected an expression") }
        return GoExpression(tokens: start..<index, text: normalisedText(tokens[start..<index]))
    }

    /// Token texts joined with a space except around `.`, inside brackets and before `,`.
    func normalisedText(_ slice: ArraySlice<GoToken>) -> String {
        var result = ""
        var previous: GoToken?
        for token in slice where token.kind != .semicolon {
            if let previous {
                let tight =
                    previous.isOperator(.period) || token.isOperator(.period) || token.isOperator(.comma)
                    || previous.isOperator(.leftParen) || previous.isOperator(.leftBracket)
                    || token.isOperator(.rightParen)
                    || token.isOperator(.rightBracket) || (token.isOperator(.leftParen) && previous.kind != .operator)
                    || (token.isOperator(.leftBracket) && previous.kind != .operator) || previous.isOperator(.not)
                    || (previous.isOperator(.caret) && previous.position.offset + 1 == token.position.offset)
                    || (previous.isOperator(.minus) && previous.position.offset + 1 == token.position.offset)
                    || previous.isOperator(.star) && previous.position.offset + 1 == token.position.offset
                    || previous.isOperator(.ampersand) && previous.position.offset + 1 == token.position.offset
                    || (token.isOperator(.leftBrace) && previous.kind != .operator)
                    || previous.isOperator(.leftBrace) || token.isOperator(.rightBrace)
                    || (previous.isOperator(.rightBracket)
                        && (token.kind != .operator || token.isOperator(.star) || token.isOperator(.leftBracket)
                            || token.isOperator(.leftParen) || token.isOperator(.leftBrace)))
                if !tight { result += " " }
            }
            result += text(of: token)
            previous = token
        }
        return result
    }

    // MARK: - type

    mutating func typeDeclaration() throws(ParseFailure) -> [GoDeclaration] {
        let keywordIndex = index
        advance()
        var specs: [GoDeclaration] = []
        if accept(.leftParen) {
            let groupDoc = docs[keywordIndex]
            while true {
                skipSemicolons()
                if accept(.rightParen) { break }
                specs.append(.type(try typeSpec(groupDoc: groupDoc)))
                try expectSemicolon()
            }
        } else {
            specs.append(.type(try typeSpec(groupDoc: docs[keywordIndex])))
        }
        try expectSemicolon()
        return specs
    }

    mutating func typeSpec(groupDoc: GoDocComment?) throws(ParseFailure) -> GoTypeSpec {
        let doc = docs[index] ?? groupDoc
        let position = current.position
        let name = try identifier()
        var typeParameters: [GoTypeParameter] = []
        if isOperator(.leftBracket), startsTypeParameters() {
            advance()
            typeParameters = try typeParameterList()
        }
        let isAlias = accept(.assign)
        let type = try parseType()
        return GoTypeSpec(
            name: name, typeParameters: typeParameters, isAlias: isAlias, type: type,
            doc: doc ?? docs.line(after: index - 1), position: position)
    }

    /// At `[` after a type name: true for `[T any]`, `[K comparable, V any]`, `[S ~[]E]`; false for an array length
    /// such as `[N]`, `[4]`, `[N+1]` or `[N * 2]` (the spec reads `[P *C]` as an array length too).
    func startsTypeParameters() -> Bool {
        guard peek().kind == .identifier else { return false }
        let after = peek(2)
        switch after.kind {
        case .identifier, .keyword(.interface), .keyword(.func), .keyword(.map), .keyword(.chan),
            .keyword(.struct):
            return true
        case .operator:
            switch after.symbol {
            case .tilde, .leftBracket, .comma, .leftParen: return true
            default: return false
            }
        default:
            return false
        }
    }

    /// After `[`: `K comparable, V any]` (names may share a constraint: `K, V any`).
    mutating func typeParameterList() throws(ParseFailure) -> [GoTypeParameter] {
        var result: [GoTypeParameter] = []
        var pending: [String] = []
        while !accept(.rightBracket) {
            pending.append(try identifier())
            if accept(.comma) { continue }
            let constraint = try constraintType()
            result += pending.map { GoTypeParameter(name: $0, constraint: constraint) }
            pending = []
            if !accept(.comma) {
                try expect(.rightBracket)
                break
            }
        }
        if !pending.isEmpty { throw fail("expected a constraint for type parameter '\(pending[0])'") }
        return result
    }

    /// A constraint: a type or a union of `~T` terms.
    mutating func constraintType() throws(ParseFailure) -> GoType {
        var terms: [GoTypeTerm] = []
        repeat {
            let tilde = accept(.tilde)
            terms.append(GoTypeTerm(tilde: tilde, type: try parseType()))
        } while accept(.pipe)
        if terms.count == 1 && !terms[0].tilde { return terms[0].type }
        return .union(terms)
    }

    /// True when the current token can begin a type.
    var startsType: Bool { Self.beginsType(current) }

    /// True when `token` can begin a type: a name, a type keyword, `*`, `[`, `(` or `<-`.
    static func beginsType(_ token: GoToken) -> Bool {
        switch token.kind {
        case .identifier, .keyword(.func), .keyword(.map), .keyword(.chan), .keyword(.struct),
            .keyword(.interface):
            return true
        case .operator:
            switch token.symbol {
            case .star, .leftBracket, .leftParen, .arrow: return true
            default: return false
            }
        default:
            return false
        }
    }

    /// A type expression, at most `Limit.goTypeDepth` levels deep (the parser recurses once per level).
    mutating func parseType() throws(ParseFailure) -> GoType {
        typeDepth += 1
        defer { typeDepth -= 1 }
        guard typeDepth <= Limit.goTypeDepth else {
            throw fail("type nested more than \(Limit.goTypeDepth) levels deep")
        }
        return try typeBody()
    }

    mutating func typeBody() throws(ParseFailure) -> GoType {
        switch current.kind {
        case .identifier:
            return try typeName()
        case .keyword(.map):
            advance()
            try expect(.leftBracket)
            let key = try parseType()
            try expect(.rightBracket)
            return .map(key: key, value: try parseType())
        case .keyword(.chan):
            advance()
            if accept(.arrow) { return .channel(direction: .send, element: try parseType()) }
            return .channel(direction: .both, element: try parseType())
        case .keyword(.func):
            advance()
            return .function(try signature())
        case .keyword(.struct):
            advance()
            return .structure(try structFields())
        case .keyword(.interface):
            advance()
            return .interface(try interfaceElements())
        case .operator:
            switch current.symbol {
            case .star:
                advance()
                return .pointer(try parseType())
            case .arrow:
                advance()
                guard current.isKeyword(.chan) else { throw fail("expected 'chan' after '<-'") }
                advance()
                return .channel(direction: .receive, element: try parseType())
            case .leftParen:
                advance()
                let inner = try parseType()
                try expect(.rightParen)
                return inner
            case .leftBracket:
                advance()
                if accept(.rightBracket) { return .slice(try parseType()) }
                let length: String
                if accept(.ellipsis) {
                    length = "..."
                } else {
                    length = try arrayLength()
                }
                try expect(.rightBracket)
                return .array(length: length, element: try parseType())
            default:
                throw fail("expected a type")
            }
        default:
            throw fail("expected a type")
        }
    }

    mutating func arrayLength() throws(ParseFailure) -> String {
        let start = index
        var depth = 0
        while !atEnd {
            if isOperator(.leftBracket) || isOperator(.leftParen) { depth += 1 }
            if isOperator(.rightBracket) || isOperator(.rightParen) {
                if depth == 0 { break }
                depth -= 1
            }
            if current.kind == .semicolon { throw fail("expected ']' after the array length") }
            advance()
        }
        guard index > start else { throw fail("expected an array length") }
        return normalisedText(tokens[start..<index])
    }

    /// `Name`, `pkg.Name`, with optional type arguments `[int, string]`.
    mutating func typeName() throws(ParseFailure) -> GoType {
        var package: String?
        var name = try identifier()
        if isOperator(.period), peek().kind == .identifier {
            advance()
            package = name
            name = try identifier()
        }
        var arguments: [GoType] = []
        if isOperator(.leftBracket), !peek().isOperator(.rightBracket), startsTypeArguments() {
            advance()
            repeat {
                if isOperator(.rightBracket) { break }
                arguments.append(try constraintType())
            } while accept(.comma)
            try expect(.rightBracket)
        }
        return .named(package: package, name: name, arguments: arguments)
    }

    /// At `[` after a type name: type arguments unless a literal length follows (`name [4]T` in a parameter list);
    /// `name [N]T` is read as an instantiation and repaired by the parameter list.
    func startsTypeArguments() -> Bool {
        peek().kind != .int
    }

    // MARK: - Signatures

    /// `[T any](params) results` after `func` or a method name.
    mutating func signature(allowTypeParameters: Bool = false) throws(ParseFailure) -> GoSignature {
        var typeParameters: [GoTypeParameter] = []
        if allowTypeParameters, accept(.leftBracket) { typeParameters = try typeParameterList() }
        let parameters = try parameterList()
        var results: [GoParameter] = []
        if isOperator(.leftParen) {
            results = try parameterList()
        } else if startsType {
            results = [GoParameter(name: nil, type: try parseType())]
        }
        return GoSignature(typeParameters: typeParameters, parameters: parameters, results: results)
    }

    /// `(a, b int, c ...string)` or `(int, string)`.
    mutating func parameterList() throws(ParseFailure) -> [GoParameter] {
        try expect(.leftParen)
        var entries: [(name: String?, type: GoType?, variadic: Bool)] = []
        while !accept(.rightParen) {
            if accept(.ellipsis) {
                entries.append((nil, try parseType(), true))
            } else {
                let first = try parseType()
                if isOperator(.comma) || isOperator(.rightParen) {
                    entries.append((nil, first, false))
                } else if case .named(nil, let name, let arguments) = first {
                    if arguments.isEmpty {
                        let variadic = accept(.ellipsis)
                        entries.append((name, try parseType(), variadic))
                    } else if arguments.count == 1, case .named(let lengthPackage, let lengthName, []) = arguments[0] {
                        // `a [N]T`, read as the instantiation `a[N]` followed by `T`.
                        let length = lengthPackage.map { "\($0).\(lengthName)" } ?? lengthName
                        entries.append((name, .array(length: length, element: try parseType()), false))
                    } else {
                        throw fail("expected ',' or ')' in the parameter list")
                    }
                } else {
                    throw fail("expected ',' or ')' in the parameter list")
                }
            }
            if !accept(.comma) {
                try expect(.rightParen)
                break
            }
        }
        guard entries.contains(where: { $0.name != nil }) else {
            return entries.map {
                GoParameter(
                    name: nil, type: $0.type ?? .named(package: nil, name: "?", arguments: []), variadic: $0.variadic)
            }
        }
        // Named parameters: `a, b int` lists names before a type; an unnamed entry is a name awaiting its type.
        var result: [GoParameter] = []
        var pendingNames: [String] = []
        for entry in entries {
            if let name = entry.name, let type = entry.type {
                result += pendingNames.map { GoParameter(name: $0, type: type, variadic: false) }
                result.append(GoParameter(name: name, type: type, variadic: entry.variadic))
                pendingNames = []
            } else if case .named(nil, let name, []) = entry.type {
                pendingNames.append(name)
            } else {
                throw fail("mixed named and unnamed parameters")
            }
        }
        if !pendingNames.isEmpty { throw fail("mixed named and unnamed parameters") }
        return result
    }

    // MARK: - struct and interface

    mutating func structFields() throws(ParseFailure) -> [GoField] {
        try expect(.leftBrace)
        var fields: [GoField] = []
        while true {
            skipSemicolons()
            if accept(.rightBrace) { break }
            let doc = docs[index]
            let position = current.position
            var names: [String] = []
            let type: GoType
            if current.kind == .identifier && (peek().isOperator(.comma) || Self.beginsType(peek()))
                && !(peek().isOperator(.leftBracket) && bracketEndsField())
            {
                names.append(try identifier())
                while accept(.comma) { names.append(try identifier()) }
                type = try parseType()
            } else if accept(.star) {
                type = .pointer(try typeName())
            } else {
                type = try typeName()
            }
            var tag: String?
            if current.kind == .string {
                tag = text(of: current)
                advance()
            }
            fields.append(
                GoField(names: names, type: type, tag: tag, doc: doc ?? docs.line(after: index - 1), position: position)
            )
            if !isOperator(.rightBrace) {
                guard current.kind == .semicolon else { throw fail("expected ';' or newline after the field") }
                advance()
            }
        }
        return fields
    }

    /// At `Name [`: true when the matching `]` ends the field (an embedded instance `List[int]`), false when a type
    /// follows it (`Name [N]T`, `Name []T`).
    func bracketEndsField() -> Bool {
        var depth = 0
        var offset = 1
        while index + offset < tokens.count - 1 {
            let token = peek(offset)
            if token.isOperator(.leftBracket) { depth += 1 }
            if token.isOperator(.rightBracket) {
                depth -= 1
                if depth == 0 { break }
            }
            offset += 1
        }
        if peek(2).isOperator(.rightBracket) { return false }
        let after = peek(offset + 1)
        return after.kind == .semicolon || after.kind == .string || after.isOperator(.rightBrace)
            || after.kind == .endOfFile
    }

    mutating func interfaceElements() throws(ParseFailure) -> [GoInterfaceElement] {
        try expect(.leftBrace)
        var elements: [GoInterfaceElement] = []
        while true {
            skipSemicolons()
            if accept(.rightBrace) { break }
            let doc = docs[index]
            let position = current.position
            if current.kind == .identifier && peek().isOperator(.leftParen) {
                let name = try identifier()
                let signature = try signature()
                elements.append(
                    .method(
                        name: name, signature: signature, doc: doc ?? docs.line(after: index - 1), position: position))
            } else {
                elements.append(.embedded(try constraintType(), position: position))
            }
            if !isOperator(.rightBrace) {
                guard current.kind == .semicolon else { throw fail("expected ';' or newline after the element") }
                advance()
            }
        }
        return elements
    }

    // MARK: - func

    mutating func functionDeclaration() throws(ParseFailure) -> GoFunction {
        let doc = docs[index]
        advance()
        var receiver: GoReceiver?
        if isOperator(.leftParen) {
            let parameters = try parameterList()
            guard parameters.count == 1, let base = parameters[0].type.baseName, base.package == nil else {
                throw fail("expected one receiver of a named type")
            }
            var isPointer = false
            var named = parameters[0].type
            if case .pointer(let element) = named {
                isPointer = true
                named = element
            }
            var typeParameters: [String] = []
            if case .named(_, _, let arguments) = named {
                typeParameters = arguments.map {
                    if case .named(nil, let name, []) = $0 { return name }
                    return "?"
                }
            }
            receiver = GoReceiver(
                name: parameters[0].name, typeName: base.name, isPointer: isPointer, typeParameters: typeParameters)
        }
        let position = current.position
        let name = try identifier()
        let signature = try signature(allowTypeParameters: receiver == nil)
        var body: Range<Int>?
        if isOperator(.leftBrace) {
            let start = index
            try skipBalanced()
            body = start..<index
        }
        try expectSemicolon()
        return GoFunction(
            name: name, receiver: receiver, signature: signature, body: body, doc: doc, position: position)
    }

    /// Skips from an opening bracket to just after its matching closer.
    mutating func skipBalanced() throws(ParseFailure) {
        let open = current
        var stack: [GoOperator] = []
        while !atEnd {
            if current.kind == .operator {
                switch current.symbol {
                case .leftBrace: stack.append(.rightBrace)
                case .leftParen: stack.append(.rightParen)
                case .leftBracket: stack.append(.rightBracket)
                case .rightBrace, .rightParen, .rightBracket:
                    guard stack.last == current.symbol else {
                        throw fail("unbalanced '\(text(of: current))' in the body opened at \(open.position)")
                    }
                    stack.removeLast()
                    if stack.isEmpty {
                        advance()
                        return
                    }
                default: break
                }
            }
            advance()
        }
        throw fail("body opened at \(open.position) is not closed")
    }

    // MARK: - Literals

    /// The value of a string literal's text: quotes removed and escapes decoded (best effort on invalid escapes).
    ///
    /// Reads the literal's bytes in place. Where the `Character`-wise reading it stands in for (`unquoteByCharacters`)
    /// could differ, it is used instead: when a non-ASCII scalar follows the opening quote (a combining mark would
    /// make the first character more than the quote) or precedes a closing backquote; and for escapes.
    public static func unquote(_ literal: String) -> String {
        // A native string (every token's text) has its bytes in one piece; any other is read by Character.
        literal.utf8.withContiguousStorageIfAvailable { unquote($0, of: literal) } ?? unquoteByCharacters(literal)
    }

    /// `unquote` of `literal`, whose UTF-8 bytes are `bytes`.
    private static func unquote(_ bytes: UnsafeBufferPointer<UInt8>, of literal: String) -> String {
        guard let first = bytes.first else { return literal }
        let count = bytes.count
        // An ASCII scalar after the quote (or none) ends the first character: it is the quote alone.
        guard count == 1 || bytes[1] < 0x80 else { return unquoteByCharacters(literal) }
        let last = count - 1
        if first == UInt8(ascii: "`") {
            guard count > 1, bytes[last] == UInt8(ascii: "`") else {
                // No closing backquote (the last character is not one): only the opening one goes.
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[1...]), as: UTF8.self)
                    .replacingCarriageReturns()
            }
            // An ASCII scalar (or the opening quote) before the closing backquote makes it the last character alone.
            guard count == 2 || bytes[last - 1] < 0x80 else { return unquoteByCharacters(literal) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<last]), as: UTF8.self)
                .replacingCarriageReturns()
        }
        guard first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") else { return literal }
        // The bytes between the quotes (the last byte goes whatever it is, as the Character-wise reading drops it).
        let body = UnsafeBufferPointer(rebasing: bytes[1..<(count > 1 ? last : count)])
        guard body.contains(UInt8(ascii: "\\")) else { return String(decoding: body, as: UTF8.self) }
        return unquoteByCharacters(literal)
    }

    /// `unquote` read by `Character` (the first and last of a raw string) and by byte (a quoted literal's body).
    static func unquoteByCharacters(_ literal: String) -> String {
        guard let first = literal.first else { return literal }
        // The first character is one ASCII scalar, so the literal has more than one character when it has more than
        // one byte (counting characters walks the whole text).
        let longer = literal.utf8.count > 1
        if first == "`" {
            return String(literal.dropFirst().dropLast(longer && literal.last == "`" ? 1 : 0))
                .replacingCarriageReturns()
        }
        guard first == "\"" || first == "'" else { return literal }
        let body = Array(literal.utf8.dropFirst().dropLast(longer ? 1 : 0))
        if !body.contains(UInt8(ascii: "\\")) { return String(decoding: body, as: UTF8.self) }
        var bytes: [UInt8] = []
        var i = 0
        while i < body.count {
            let byte = body[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < body.count else {
                bytes.append(byte)
                i += 1
                continue
            }
            let code = body[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "a"): bytes.append(7)
            case UInt8(ascii: "b"): bytes.append(8)
            case UInt8(ascii: "f"): bytes.append(12)
            case UInt8(ascii: "n"): bytes.append(10)
            case UInt8(ascii: "r"): bytes.append(13)
            case UInt8(ascii: "t"): bytes.append(9)
            case UInt8(ascii: "v"): bytes.append(11)
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"), UInt8(ascii: "0")...UInt8(ascii: "7"):
                let (count, radix) =
                    code == UInt8(ascii: "x")
                    ? (2, 16)
                    : code == UInt8(ascii: "u")
                        ? (4, 16)
                        : code == UInt8(ascii: "U") ? (8, 16) : (3, 8)
                var start = i
                if radix == 8 { start -= 1 }
                let end = min(body.count, start + count)
                let digits = String(decoding: body[start..<end], as: UTF8.self)
                i = end
                guard let value = UInt32(digits, radix: radix) else { continue }
                if code == UInt8(ascii: "x") || radix == 8 {
                    bytes.append(UInt8(truncatingIfNeeded: value))
                } else if let scalar = Unicode.Scalar(value) {
                    bytes += Array(String(Character(scalar)).utf8)
                }
            default: bytes.append(code)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmed: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    fileprivate func replacingCarriageReturns() -> String {
        guard utf8.contains(UInt8(ascii: "\r")) else { return String(self) }
        return String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\r" }))
    }
}
