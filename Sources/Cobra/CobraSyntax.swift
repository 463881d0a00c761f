import GoSource

/// A Go expression as far as the cobra extractor needs to follow it: names, strings, selectors, calls, composite
/// literals, and anything else only for the calls inside it.
indirect enum CobraExpr: Sendable {
    case name(String, GoPosition)
    case string(String, GoPosition)
    /// A number, rune or other literal with no value the extractor uses.
    case literal(GoPosition)
    case selector(CobraExpr, String, GoPosition)
    case call(CobraExpr, [CobraExpr], spread: Bool, GoPosition)
    case composite(CobraType?, [CobraElement], GoPosition)
    /// `&x`, `*x`, `-x`, `<-x`, `!x`: the operand's values pass through.
    case unary(String, CobraExpr)
    case binary(String, CobraExpr, CobraExpr)
    case index(CobraExpr, [CobraExpr])
    case function(CobraFunctionLiteral)
    /// A type in expression position (`[]string` in a conversion, `*T`).
    case type(CobraType)

    /// Where the expression starts, when known.
    var position: GoPosition? {
        switch self {
        case .name(_, let position), .string(_, let position), .literal(let position),
            .selector(_, _, let position), .call(_, _, _, let position), .composite(_, _, let position):
            return position
        case .unary(_, let operand): return operand.position
        case .binary(_, let left, _): return left.position
        case .index(let base, _): return base.position
        case .function(let literal): return literal.position
        case .type: return nil
        }
    }
}

/// One element of a composite literal: `key: value` or `value`.
struct CobraElement: Sendable {
    let key: CobraExpr?
    let value: CobraExpr
}

/// A function literal; its body is kept but not followed (closures such as `RunE` run at run time).
struct CobraFunctionLiteral: Sendable {
    let position: GoPosition
    let parameters: [String]
    let body: [CobraStatement]
}

/// A type as far as it matters: the named type it denotes (`cmdRun` for `*cmdRun`), and whether values of it hold
/// elements (slices, arrays, maps).
struct CobraType: Sendable, Hashable {
    /// The type's name without pointer or package: `Command` for `*cobra.Command`, of the elements for a collection
    /// (`Group` for `[]Group`, the value's for a map); nil for unnamed types.
    let name: String?
    /// The package qualifier, if any: `cobra` for `*cobra.Command`.
    let qualifier: String?
    /// True for slices, arrays and maps.
    let isCollection: Bool
}

/// A statement, reduced to what changes or reads values.
indirect enum CobraStatement: Sendable {
    case expression(CobraExpr)
    /// `a, b := x, y` (define) or `a.b = x` (assign); `op` is `:=`, `=`, `+=`...
    case assign([CobraExpr], String, [CobraExpr])
    /// `var a, b T = x, y` and local `const`.
    case declare([String], CobraType?, [CobraExpr])
    case `return`([CobraExpr])
    /// `for k, v := range x { ... }` and `for range x`.
    case range([CobraExpr], CobraExpr, [CobraStatement])
    /// Any block: a plain `{}`, the branches of `switch` and `for`, with their headers first.
    case block([CobraStatement])
    /// `if header; condition { then } else { otherwise }`: a branch whose condition cannot hold is not taken.
    case conditional(header: [CobraStatement], condition: CobraExpr?, then: [CobraStatement], otherwise: [CobraStatement])
}

/// A top-level function or method with its parameter types.
struct CobraFunction: Sendable {
    let name: String
    /// The receiver's variable name and type name, for methods.
    let receiver: (name: String?, type: String)?
    let parameters: [(name: String, type: CobraType)]
    let body: [CobraStatement]
    let position: GoPosition
    /// Whether the body itself makes commands or flags (a `cobra.Command` literal, `AddCommand`, a flag definition).
    let buildsCommands: Bool
    /// The names of the functions and methods the body calls or names as values, closures included.
    let calls: Set<String>

    init(
        name: String, receiver: (name: String?, type: String)?, parameters: [(name: String, type: CobraType)],
        body: [CobraStatement], position: GoPosition
    ) {
        self.name = name
        self.receiver = receiver
        self.parameters = parameters
        self.body = body
        self.position = position
        var scan = CallScan()
        scan.visit(body)
        buildsCommands = scan.buildsCommands
        calls = scan.calls
    }
}

/// Finds what a function body calls and whether it builds commands or flags itself.
private struct CallScan {
    var buildsCommands = false
    var calls: Set<String> = []

    /// Methods that change a command tree or a flag set.
    private static let building: Set<String> = [
        "AddCommand", "AddFlagSet", "NewFlagSet", "PersistentFlags", "MarkDeprecated", "MarkHidden",
        "MarkFlagDeprecated", "MarkFlagHidden", "MarkPersistentFlagDeprecated", "MarkPersistentFlagHidden",
    ]

    mutating func visit(_ statements: [CobraStatement]) {
        for statement in statements { visit(statement) }
    }

    mutating func visit(_ statement: CobraStatement) {
        switch statement {
        case .expression(let expression): visit(expression)
        case .assign(let targets, _, let values):
            // `cmd.Use = ...`, `flag.Hidden = true` on something this function holds.
            for target in targets {
                if case .selector(_, let field, _) = target,
                    ["Use", "Aliases", "Hidden", "Deprecated", "NoOptDefVal"].contains(field)
                {
                    buildsCommands = true
                }
                visit(target)
            }
            for value in values { visit(value) }
        case .declare(_, _, let values), .return(let values):
            for value in values { visit(value) }
        case .range(let targets, let collection, let body):
            for target in targets { visit(target) }
            visit(collection)
            visit(body)
        case .block(let statements):
            visit(statements)
        case .conditional(let header, let condition, let then, let otherwise):
            visit(header)
            if let condition { visit(condition) }
            visit(then)
            visit(otherwise)
        }
    }

    mutating func visit(_ expression: CobraExpr) {
        switch expression {
        case .string, .literal, .type:
            return
        case .name(let name, _):
            // A function named as a value (`Register(newRunCommand)`) may be called through it.
            calls.insert(name)
        case .function(let literal):
            // A literal kept as a value runs when it is called (`Register(func(c Cli) *cobra.Command { ... })`).
            visit(literal.body)
        case .selector(let base, let name, _):
            calls.insert(name)
            visit(base)
        case .call(let callee, let arguments, _, _):
            switch callee {
            case .name(let name, _): calls.insert(name)
            case .selector(let base, let method, _):
                calls.insert(method)
                if Self.building.contains(method) || CobraFlagMethod(method) != nil { buildsCommands = true }
                visit(base)
            case .function(let literal): visit(literal.body)
            default: visit(callee)
            }
            for argument in arguments { visit(argument) }
        case .composite(let type, let elements, _):
            if type?.name == "Command" && type?.qualifier == "cobra" && type?.isCollection == false {
                buildsCommands = true
            }
            for element in elements {
                if let key = element.key { visit(key) }
                visit(element.value)
            }
        case .unary(_, let operand):
            visit(operand)
        case .binary(_, let left, let right):
            visit(left)
            visit(right)
        case .index(let base, let indices):
            visit(base)
            for index in indices { visit(index) }
        }
    }
}

/// A package-level `var` or `const` declaration.
struct CobraBinding: Sendable {
    let names: [String]
    let type: CobraType?
    let values: [CobraExpr]
    let isConstant: Bool
    let position: GoPosition
}

/// The declarations of one Go file the cobra extractor interprets.
struct CobraFile: Sendable {
    var package: String = ""
    /// The file's imports: the name it gives each (nil when it uses the package's own name) and the import path.
    var imports: [(name: String?, path: String)] = []
    var functions: [CobraFunction] = []
    var bindings: [CobraBinding] = []
    /// Problems met while reading, with their positions; the rest of the file still counts.
    var errors: [GoSyntaxError] = []
}

/// Reads Go source into `CobraFile`: declarations and function bodies as statements and expressions.
///
/// The reader is forgiving: a declaration it cannot read becomes an error with its position and is skipped up to the
/// next top-level declaration, so one odd construct does not hide the rest of the file. It never loops without
/// consuming a token and stops at the end of the file.
struct CobraParser {
    private var tokens: [GoToken]
    private var index = 0
    /// Nesting of `if`/`for`/`switch` headers, where `{` opens the body rather than a composite literal.
    private var noCompositeDepth = 0
    /// How deep expressions and blocks nest; past `maximumNesting` the construct is an error, not a stack overflow.
    private var nesting = 0
    private static let maximumNesting = 400

    private struct Failure: Error {
        let error: GoSyntaxError
    }

    init(tokens: [GoToken]) {
        self.tokens = tokens.filter { !$0.isComment }
        if self.tokens.last?.kind != .endOfFile {
            let end = self.tokens.last?.position ?? GoPosition(line: 1, column: 1, offset: 0)
            self.tokens.append(GoToken(kind: .endOfFile, text: "", position: end))
        }
    }

    /// Parses a whole file.
    static func parse(_ tokens: [GoToken]) -> CobraFile {
        var parser = CobraParser(tokens: tokens)
        return parser.file()
    }

    // MARK: Tokens

    private var current: GoToken { tokens[index] }
    private var atEnd: Bool { current.kind == .endOfFile }

    private func peek(_ offset: Int = 1) -> GoToken {
        tokens[min(index + offset, tokens.count - 1)]
    }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func take(_ symbol: String) -> Bool {
        guard current.isOperator(symbol) else { return false }
        advance()
        return true
    }

    private mutating func expect(_ symbol: String) throws(Failure) {
        guard take(symbol) else { throw fail("expected '\(symbol)', found \(describe(current))") }
    }

    private func fail(_ message: String) -> Failure {
        Failure(error: GoSyntaxError(position: current.position, message: message))
    }

    private func describe(_ token: GoToken) -> String {
        switch token.kind {
        case .endOfFile: return "the end of the file"
        case .semicolon: return token.text == ";" ? "';'" : "a line end"
        default: return "'\(token.text)'"
        }
    }

    private mutating func skipSemicolons() {
        while current.kind == .semicolon { advance() }
    }

    /// Skips a balanced `(`/`[`/`{` group starting at the current token.
    private mutating func skipGroup() {
        var depth = 0
        repeat {
            if current.kind == .operator {
                switch current.text {
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                default: break
                }
            }
            advance()
        } while depth > 0 && !atEnd
    }

    // MARK: Declarations

    private mutating func file() -> CobraFile {
        var file = CobraFile()
        while !atEnd {
            skipSemicolons()
            if atEnd { break }
            let start = index
            do throws(Failure) {
                switch current.kind {
                case .keyword(.package):
                    advance()
                    if current.kind == .identifier { file.package = current.text }
                    advance()
                case .keyword(.import):
                    file.imports += try imports()
                case .keyword(.type):
                    advance()
                    if current.isOperator("(") { skipGroup() }
                    skipToDeclarationEnd()
                case .keyword(.func):
                    file.functions.append(try function())
                case .keyword(.var), .keyword(.const):
                    file.bindings += try bindings()
                default:
                    throw fail("expected a declaration, found \(describe(current))")
                }
            } catch {
                file.errors.append(error.error)
                recover(from: start)
            }
        }
        return file
    }

    /// `import "path"`, `import name "path"` or a parenthesised group of them.
    private mutating func imports() throws(Failure) -> [(name: String?, path: String)] {
        advance()
        let grouped = take("(")
        var result: [(name: String?, path: String)] = []
        repeat {
            skipSemicolons()
            if grouped && take(")") { break }
            var name: String?
            if current.kind == .identifier || current.isOperator(".") {
                name = current.text
                advance()
            }
            guard current.kind == .string else { throw fail("expected an import path, found \(describe(current))") }
            result.append((name, GoParser.unquote(current.text)))
            advance()
        } while grouped
        return result
    }

    /// Skips to the end of a declaration: the next semicolon outside brackets.
    private mutating func skipToDeclarationEnd() {
        while !atEnd && current.kind != .semicolon {
            if current.kind == .operator && ["(", "[", "{"].contains(current.text) {
                skipGroup()
            } else {
                advance()
            }
        }
    }

    /// After an error: moves to the next line that starts a top-level declaration.
    private mutating func recover(from start: Int) {
        if index == start { advance() }
        while !atEnd {
            let previous = tokens[max(index - 1, 0)]
            if previous.kind == .semicolon && current.position.column == 1 {
                switch current.kind {
                case .keyword(.func), .keyword(.var), .keyword(.const), .keyword(.type), .keyword(.import):
                    return
                default: break
                }
            }
            advance()
        }
    }

    private mutating func function() throws(Failure) -> CobraFunction {
        let position = current.position
        advance()
        var receiver: (name: String?, type: String)?
        if current.isOperator("(") {
            let fields = try parameterList()
            let type = fields.first?.type.name ?? ""
            receiver = (fields.first.map(\.name).flatMap { $0.isEmpty ? nil : $0 }, type)
        }
        guard current.kind == .identifier else { throw fail("expected a function name, found \(describe(current))") }
        let name = current.text
        advance()
        if current.isOperator("[") { skipGroup() }
        let parameters = try parameterList().filter { !$0.name.isEmpty }
        try skipResults()
        var body: [CobraStatement] = []
        if current.isOperator("{") {
            body = try block()
        }
        return CobraFunction(
            name: name, receiver: receiver, parameters: parameters, body: body, position: position)
    }

    /// A parenthesised parameter list; unnamed parameters have an empty name.
    private mutating func parameterList() throws(Failure) -> [(name: String, type: CobraType)] {
        try expect("(")
        var pieces: [[GoToken]] = [[]]
        var depth = 0
        while !(depth == 0 && current.isOperator(")")) {
            if atEnd { throw fail("unterminated parameter list") }
            // A line end or a `{` that does not open a struct or interface type cannot be inside a parameter list.
            if depth == 0 && current.kind == .semicolon
                || current.isOperator("{")
                    && !(tokens[index - 1].isKeyword(.struct) || tokens[index - 1].isKeyword(.interface))
            {
                throw fail("expected ')' to close the parameter list, found \(describe(current))")
            }
            if current.kind == .operator {
                switch current.text {
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                case "," where depth == 0:
                    pieces.append([])
                    advance()
                    continue
                default: break
                }
            }
            if current.kind != .semicolon { pieces[pieces.count - 1].append(current) }
            advance()
        }
        advance()
        pieces.removeAll { $0.isEmpty }
        let named = pieces.contains { piece in
            piece.count > 1 && piece[0].kind == .identifier && !piece[1].isOperator(".")
        }
        guard named else { return pieces.map { ("", Self.type(of: $0[...])) } }
        var result: [(name: String, type: CobraType)] = []
        var pendingNames: [String] = []
        for piece in pieces {
            if piece.count == 1 {
                pendingNames.append(piece[0].text)
                continue
            }
            let type = Self.type(of: piece.dropFirst())
            for name in pendingNames + [piece[0].text] { result.append((name, type)) }
            pendingNames = []
        }
        return result
    }

    /// The named type a token run denotes: `*pkg.Name`, `...Name`, `Name[T]`.
    private static func type(of tokens: ArraySlice<GoToken>) -> CobraType {
        var rest = tokens.drop { $0.isOperator("*") || $0.isOperator("...") }
        if rest.first?.isOperator("[") == true || rest.first?.isKeyword(.map) == true {
            return CobraType(name: nil, qualifier: nil, isCollection: true)
        }
        guard let first = rest.first, first.kind == .identifier else {
            return CobraType(name: nil, qualifier: nil, isCollection: false)
        }
        rest = rest.dropFirst()
        if rest.first?.isOperator(".") == true, let second = rest.dropFirst().first, second.kind == .identifier {
            return CobraType(name: second.text, qualifier: first.text, isCollection: false)
        }
        return CobraType(name: first.text, qualifier: nil, isCollection: false)
    }

    /// Skips a function's result types, up to its body or the end of the declaration.
    private mutating func skipResults() throws(Failure) {
        if current.isOperator("(") {
            skipGroup()
            return
        }
        if current.isOperator("{") || current.kind == .semicolon || atEnd { return }
        _ = try type()
    }

    private mutating func bindings() throws(Failure) -> [CobraBinding] {
        let isConstant = current.isKeyword(.const)
        advance()
        guard take("(") else { return [try binding(isConstant: isConstant)] }
        var result: [CobraBinding] = []
        while true {
            skipSemicolons()
            if take(")") { break }
            if atEnd { throw fail("unterminated declaration group") }
            result.append(try binding(isConstant: isConstant))
        }
        return result
    }

    /// `a, b T = x, y`; a constant without values (a repeated iota line) gets none.
    private mutating func binding(isConstant: Bool) throws(Failure) -> CobraBinding {
        let position = current.position
        var names: [String] = []
        repeat {
            guard current.kind == .identifier else { throw fail("expected a name, found \(describe(current))") }
            names.append(current.text)
            advance()
        } while take(",")
        var type: CobraType?
        if !current.isOperator("=") && current.kind != .semicolon && !current.isOperator(")") {
            type = try self.type()
        }
        var values: [CobraExpr] = []
        if take("=") { values = try expressionList() }
        return CobraBinding(names: names, type: type, values: values, isConstant: isConstant, position: position)
    }

    // MARK: Types

    /// Reads a type.
    private mutating func type() throws(Failure) -> CobraType {
        try enterNesting()
        defer { nesting -= 1 }
        if current.isOperator("*") {
            advance()
            return try type()
        }
        if current.isOperator("(") {
            advance()
            let inner = try type()
            try expect(")")
            return inner
        }
        if current.isOperator("[") {
            skipGroup()
            let element = try type()
            return CobraType(name: element.name, qualifier: element.qualifier, isCollection: true)
        }
        if current.isOperator("<-") { advance() }
        switch current.kind {
        case .keyword(.map):
            advance()
            skipGroup()
            let element = try type()
            return CobraType(name: element.name, qualifier: element.qualifier, isCollection: true)
        case .keyword(.chan):
            advance()
            if current.isOperator("<-") { advance() }
            _ = try type()
            return CobraType(name: nil, qualifier: nil, isCollection: false)
        case .keyword(.func):
            advance()
            _ = try parameterList()
            if startsType(current) { try skipResults() }
            return CobraType(name: nil, qualifier: nil, isCollection: false)
        case .keyword(.struct), .keyword(.interface):
            advance()
            if current.isOperator("{") { skipGroup() }
            return CobraType(name: nil, qualifier: nil, isCollection: false)
        case .identifier:
            var name = current.text
            var qualifier: String?
            advance()
            if current.isOperator("."), peek().kind == .identifier {
                advance()
                qualifier = name
                name = current.text
                advance()
            }
            if current.isOperator("[") { skipGroup() }
            return CobraType(name: name, qualifier: qualifier, isCollection: false)
        default:
            throw fail("expected a type, found \(describe(current))")
        }
    }

    private func startsType(_ token: GoToken) -> Bool {
        switch token.kind {
        case .identifier, .keyword(.map), .keyword(.chan), .keyword(.func), .keyword(.struct), .keyword(.interface):
            return true
        case .operator: return ["*", "[", "("].contains(token.text)
        default: return false
        }
    }

    // MARK: Statements

    /// A `{ ... }` block.
    private mutating func block() throws(Failure) -> [CobraStatement] {
        try enterNesting()
        defer { nesting -= 1 }
        try expect("{")
        let saved = allowCompositeLiterals()
        defer { noCompositeDepth = saved }
        var statements: [CobraStatement] = []
        while try continuesUntilBrace("block") {
            if let statement = try statement() { statements.append(statement) }
        }
        return statements
    }

    /// Whether a braced list goes on: skips line ends, takes the closing `}` (false), fails at the end of the file.
    private mutating func continuesUntilBrace(_ what: String) throws(Failure) -> Bool {
        skipSemicolons()
        if take("}") { return false }
        if atEnd { throw fail("unterminated \(what)") }
        return true
    }

    private mutating func statement() throws(Failure) -> CobraStatement? {
        switch current.kind {
        case .keyword(.if): return try ifStatement()
        case .keyword(.for): return try forStatement()
        case .keyword(.switch), .keyword(.select): return try switchStatement()
        case .keyword(.return):
            advance()
            if current.kind == .semicolon || current.isOperator("}") { return .return([]) }
            return .return(try expressionList())
        case .keyword(.go), .keyword(.defer):
            advance()
            return .expression(try expression())
        case .keyword(.var), .keyword(.const):
            let declared = try bindings()
            return .block(declared.map { .declare($0.names, $0.type, $0.values) })
        case .keyword(.type):
            advance()
            if current.isOperator("(") { skipGroup() }
            skipToDeclarationEnd()
            return nil
        case .keyword(.break), .keyword(.continue), .keyword(.goto), .keyword(.fallthrough):
            advance()
            if current.kind == .identifier { advance() }
            return nil
        case .keyword(.case), .keyword(.default):
            throw fail("'\(current.text)' outside a switch")
        default:
            if current.isOperator("{") { return .block(try block()) }
            if current.kind == .identifier && peek().isOperator(":") {
                advance()
                advance()
                return nil
            }
            return try simpleStatement()
        }
    }

    /// An expression, assignment, definition, `x++` or send; `range` after `:=`/`=` makes a range clause.
    private mutating func simpleStatement() throws(Failure) -> CobraStatement {
        if current.isKeyword(.range) {
            advance()
            return .range([], try expression(), [])
        }
        let left = try expressionList()
        if current.kind == .operator {
            let op = current.text
            if op == ":=" || (op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op)) {
                advance()
                if current.isKeyword(.range) {
                    advance()
                    return .range(left, try expression(), [])
                }
                return .assign(left, op, try expressionList())
            }
            if op == "++" || op == "--" {
                advance()
                return .block(left.map { .expression($0) })
            }
            if op == "<-" {
                advance()
                return .block(left.map { .expression($0) } + [.expression(try expression())])
            }
        }
        if left.count == 1, let only = left.first { return .expression(only) }
        return .block(left.map { .expression($0) })
    }

    /// Inside braces, brackets and parentheses a `{` opens a composite literal again; returns the depth to restore.
    private mutating func allowCompositeLiterals() -> Int {
        defer { noCompositeDepth = 0 }
        return noCompositeDepth
    }

    /// Header statements up to the body's `{`, where a `{` does not open a composite literal.
    private mutating func header(until stop: (GoToken) -> Bool) throws(Failure) -> [CobraStatement] {
        noCompositeDepth += 1
        defer { noCompositeDepth -= 1 }
        var statements: [CobraStatement] = []
        while !current.isOperator("{") {
            if atEnd { throw fail("expected '{', found the end of the file") }
            if current.kind == .semicolon || stop(current) {
                advance()
                continue
            }
            statements.append(try simpleStatement())
        }
        return statements
    }

    private mutating func ifStatement() throws(Failure) -> CobraStatement {
        advance()
        var header = try header { _ in false }
        var condition: CobraExpr?
        if case .expression(let last)? = header.last {
            condition = last
            header.removeLast()
        }
        let then = try block()
        var otherwise: [CobraStatement] = []
        if current.isKeyword(.else) {
            advance()
            otherwise = current.isKeyword(.if) ? [try ifStatement()] : try block()
        }
        return .conditional(header: header, condition: condition, then: then, otherwise: otherwise)
    }

    private mutating func forStatement() throws(Failure) -> CobraStatement {
        advance()
        var parts = try header { _ in false }
        let body = try block()
        if let index = parts.firstIndex(where: { if case .range = $0 { true } else { false } }),
            case .range(let names, let over, _) = parts[index]
        {
            parts[index] = .range(names, over, body)
            return .block(parts)
        }
        return .block(parts + [.block(body)])
    }

    private mutating func switchStatement() throws(Failure) -> CobraStatement {
        advance()
        var parts = try header { _ in false }
        try expect("{")
        let saved = allowCompositeLiterals()
        defer { noCompositeDepth = saved }
        var clause: [CobraStatement] = []
        while try continuesUntilBrace("switch") {
            if current.isKeyword(.case) || current.isKeyword(.default) {
                parts.append(.block(clause))
                clause = []
                // The case expressions are skipped: they hold no definitions.
                while !(current.isOperator(":")) && !atEnd {
                    if current.kind == .operator && ["(", "[", "{"].contains(current.text) {
                        skipGroup()
                    } else {
                        advance()
                    }
                }
                advance()
                continue
            }
            if let statement = try statement() { clause.append(statement) }
        }
        parts.append(.block(clause))
        return .block(parts)
    }

    // MARK: Expressions

    private mutating func expressionList() throws(Failure) -> [CobraExpr] {
        var list = [try expression()]
        while take(",") { list.append(try expression()) }
        return list
    }

    private static let binaryOperators: Set<String> = [
        "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^", "&&", "||", "==", "!=", "<", "<=", ">", ">=",
    ]

    /// Counts one level of nesting for the rest of the caller's scope; fails when source nests absurdly deep.
    private mutating func enterNesting() throws(Failure) {
        nesting += 1
        if nesting > Self.maximumNesting {
            throw fail("expressions or blocks nest more than \(Self.maximumNesting) levels deep")
        }
    }

    private mutating func expression() throws(Failure) -> CobraExpr {
        try enterNesting()
        defer { nesting -= 1 }
        var left = try unary()
        while current.kind == .operator && Self.binaryOperators.contains(current.text) {
            let op = current.text
            advance()
            left = .binary(op, left, try unary())
        }
        return left
    }

    private mutating func unary() throws(Failure) -> CobraExpr {
        try enterNesting()
        defer { nesting -= 1 }
        if current.kind == .operator && ["&", "*", "-", "+", "!", "^", "<-"].contains(current.text) {
            let op = current.text
            advance()
            return .unary(op, try unary())
        }
        return try primary()
    }

    private mutating func primary() throws(Failure) -> CobraExpr {
        var base = try operand()
        while true {
            if current.isOperator(".") {
                advance()
                if current.isOperator("(") {
                    // A type assertion `x.(T)` or `x.(type)`: the value passes through.
                    skipGroup()
                    continue
                }
                guard current.kind == .identifier else {
                    throw fail("expected a name after '.', found \(describe(current))")
                }
                base = .selector(base, current.text, current.position)
                advance()
            } else if current.isOperator("(") {
                let position = current.position
                advance()
                var arguments: [CobraExpr] = []
                var spread = false
                let saved = allowCompositeLiterals()
                while !current.isOperator(")") {
                    skipSemicolons()
                    if current.isOperator(")") { break }
                    if atEnd { throw fail("unterminated call") }
                    arguments.append(try expression())
                    if take("...") { spread = true }
                    skipSemicolons()
                    if !take(",") { break }
                }
                noCompositeDepth = saved
                skipSemicolons()
                try expect(")")
                base = .call(base, arguments, spread: spread, position)
            } else if current.isOperator("[") {
                advance()
                let saved = allowCompositeLiterals()
                var indices: [CobraExpr] = []
                while !current.isOperator("]") {
                    if atEnd { throw fail("unterminated index") }
                    if current.isOperator(":") || current.isOperator(",") {
                        advance()
                        continue
                    }
                    indices.append(try expression())
                }
                noCompositeDepth = saved
                advance()
                base = .index(base, indices)
            } else if current.isOperator("{") && isTypeLike(base) && (noCompositeDepth == 0 || isExplicitType(base)) {
                base = try composite(type: typeOf(base), position: base.position ?? current.position)
            } else {
                return base
            }
        }
    }

    private func isTypeLike(_ expression: CobraExpr) -> Bool {
        switch expression {
        case .name, .type: return true
        case .selector(let base, _, _):
            if case .name = base { return true }
            return false
        case .index(let base, _): return isTypeLike(base)
        default: return false
        }
    }

    /// `[]T`, `map[K]V`, `struct{...}`: a type no `if` or `for` header can mistake for a value.
    private func isExplicitType(_ expression: CobraExpr) -> Bool {
        if case .type = expression { return true }
        return false
    }

    private func typeOf(_ expression: CobraExpr) -> CobraType? {
        switch expression {
        case .name(let name, _): return CobraType(name: name, qualifier: nil, isCollection: false)
        case .selector(.name(let qualifier, _), let name, _):
            return CobraType(name: name, qualifier: qualifier, isCollection: false)
        case .type(let type): return type
        case .index(let base, _): return typeOf(base)
        default: return nil
        }
    }

    private mutating func operand() throws(Failure) -> CobraExpr {
        let token = current
        switch token.kind {
        case .identifier:
            advance()
            return .name(token.text, token.position)
        case .string:
            advance()
            return .string(GoParser.unquote(token.text), token.position)
        case .int, .float, .imaginary, .rune:
            advance()
            return .literal(token.position)
        case .keyword(.func):
            advance()
            let parameters = try parameterList().map(\.name)
            if current.isOperator("{") {
                return .function(
                    CobraFunctionLiteral(position: token.position, parameters: parameters, body: try block()))
            }
            try skipResults()
            if current.isOperator("{") {
                return .function(
                    CobraFunctionLiteral(position: token.position, parameters: parameters, body: try block()))
            }
            return .type(CobraType(name: nil, qualifier: nil, isCollection: false))
        case .keyword(.map), .keyword(.chan), .keyword(.struct), .keyword(.interface):
            return .type(try type())
        case .operator where token.text == "[":
            return .type(try type())
        case .operator where token.text == "(":
            advance()
            let saved = allowCompositeLiterals()
            let inner = try expression()
            noCompositeDepth = saved
            try expect(")")
            return inner
        case .operator where token.text == "{":
            // An element of a composite literal with its type elided.
            return try composite(type: nil, position: token.position)
        default:
            throw fail("expected an expression, found \(describe(token))")
        }
    }

    private mutating func composite(type: CobraType?, position: GoPosition) throws(Failure) -> CobraExpr {
        try expect("{")
        let saved = allowCompositeLiterals()
        defer { noCompositeDepth = saved }
        var elements: [CobraElement] = []
        while try continuesUntilBrace("composite literal") {
            let first = try expression()
            if take(":") {
                skipSemicolons()
                elements.append(CobraElement(key: first, value: try expression()))
            } else {
                elements.append(CobraElement(key: nil, value: first))
            }
            skipSemicolons()
            if !take(",") {
                skipSemicolons()
                try expect("}")
                break
            }
        }
        return .composite(type, elements, position)
    }
}
