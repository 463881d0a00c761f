import Limits

/// The statement and expression half of `GoParser`: what the declaration parser keeps as token ranges (function
/// bodies and initialisers) read into `GoStatement` and `GoExpr` on demand, one body at a time, with the same type
/// and signature grammar as declarations.
extension GoParser {
    /// The statements of `function`'s body in `file` (empty without a body), or the first syntax error in it.
    public static func body(of function: GoFunction, in file: GoFile) -> Result<[GoStatement], GoSyntaxError> {
        guard let range = function.body else { return .success([]) }
        return read(file, at: range.lowerBound) { parser throws(ParseFailure) in try parser.block() }
    }

    /// The expression an initialiser of `file` holds (a package-level `var` or `const` value), or its syntax error.
    public static func expression(_ expression: GoExpression, in file: GoFile) -> Result<GoExpr, GoSyntaxError> {
        read(file, at: expression.tokens.lowerBound) { parser throws(ParseFailure) in try parser.expression() }
    }

    private static func read<T>(
        _ file: GoFile, at start: Int, _ body: (inout GoParser) throws(ParseFailure) -> T
    ) -> Result<T, GoSyntaxError> {
        guard start < file.tokens.count, file.tokens.last?.kind == .endOfFile else {
            let position = file.tokens.last?.position ?? GoPosition(line: 1, column: 1, offset: 0)
            return .failure(GoSyntaxError(position: position, message: "no code to read"))
        }
        var parser = GoParser(tokens: file.tokens, docs: GoParser.DocComments())
        parser.index = start
        do throws(ParseFailure) {
            return .success(try body(&parser))
        } catch {
            let position = parser.current.position
            return .failure(parser.errors.last ?? GoSyntaxError(position: position, message: "cannot read"))
        }
    }

    // MARK: - Helpers

    /// Skips a balanced `(`/`[`/`{` group starting at the current token (to the end of the file if unbalanced).
    mutating func skipGroup() {
        var depth = 0
        repeat {
            if current.kind == .operator {
                switch current.symbol {
                case .leftParen, .leftBracket, .leftBrace: depth += 1
                case .rightParen, .rightBracket, .rightBrace: depth -= 1
                default: break
                }
            }
            advance()
        } while depth > 0 && !atEnd
    }

    /// Whether the current token is `(`, `[` or `{`.
    var opensGroup: Bool {
        switch current.symbol {
        case .leftParen, .leftBracket, .leftBrace: true
        default: false
        }
    }

    /// Skips to the end of a declaration: the next semicolon outside brackets.
    mutating func skipToDeclarationEnd() {
        while !atEnd && current.kind != .semicolon {
            if opensGroup {
                skipGroup()
            } else {
                advance()
            }
        }
    }

    /// Counts one level of nesting for the rest of the caller's scope; fails when source nests absurdly deep.
    mutating func enterNesting() throws(ParseFailure) {
        nesting += 1
        if nesting > Limit.goBodyDepth {
            throw fail("expressions or blocks nest more than \(Limit.goBodyDepth) levels deep")
        }
        deepestNesting = max(deepestNesting, nesting)
    }

    /// Records that the expression just built is `depth` levels deep (``expressionDepth``); fails past
    /// `Limit.goBodyExpressionDepth`, so that no tree is deeper than what freeing and walking it can take.
    mutating func built(depth: Int) throws(ParseFailure) {
        guard depth <= Limit.goBodyExpressionDepth else {
            throw fail(
                "an expression nests more than \(Limit.goBodyExpressionDepth) levels deep (a chain of that many "
                    + "operators, calls or selectors)")
        }
        expressionDepth = depth
        deepestExpression = max(deepestExpression, depth + nesting)
    }

    /// Inside braces, brackets and parentheses a `{` opens a composite literal again; returns the depth to restore.
    mutating func allowCompositeLiterals() -> Int {
        defer { noCompositeDepth = 0 }
        return noCompositeDepth
    }

    // MARK: - Statements

    /// A `{ ... }` block.
    mutating func block() throws(ParseFailure) -> [GoStatement] {
        try enterNesting()
        defer { nesting -= 1 }
        try expect(.leftBrace)
        let saved = allowCompositeLiterals()
        defer { noCompositeDepth = saved }
        var statements: [GoStatement] = []
        while try continuesUntilBrace("block") {
            if let statement = try statement() { statements.append(statement) }
        }
        return statements
    }

    /// Whether a braced list goes on: skips line ends, takes the closing `}` (false), fails at the end of the file.
    private mutating func continuesUntilBrace(_ what: String) throws(ParseFailure) -> Bool {
        skipSemicolons()
        if accept(.rightBrace) { return false }
        if atEnd { throw fail("unterminated \(what)") }
        return true
    }

    private mutating func statement() throws(ParseFailure) -> GoStatement? {
        // The label written before this statement names it when it is a loop, `switch` or `select`.
        let label = pendingLabel
        pendingLabel = nil
        switch current.kind {
        case .keyword(.if): return try ifStatement()
        case .keyword(.for): return try forStatement(label: label)
        case .keyword(.switch), .keyword(.select): return try switchStatement(label: label)
        case .keyword(.return):
            advance()
            if current.kind == .semicolon || isOperator(.rightBrace) { return .return([]) }
            return .return(try expressionList())
        case .keyword(.go):
            advance()
            return .expression(try expression())
        case .keyword(.defer):
            advance()
            return .deferred(try expression())
        case .keyword(.var), .keyword(.const):
            return .block(try localDeclaration())
        case .keyword(.type):
            advance()
            if isOperator(.leftParen) { skipGroup() }
            skipToDeclarationEnd()
            return nil
        case .keyword(.continue):
            advance()
            if current.kind == .identifier {
                let label = text(of: current)
                advance()
                return labeledJump(to: label, continuing: true)
            }
            return loops.last == true ? .continueRange : nil
        case .keyword(.break):
            advance()
            if current.kind == .identifier {
                let label = text(of: current)
                advance()
                return labeledJump(to: label, continuing: false)
            }
            guard let innermost = breakables.indices.last, breakables[innermost].kind != .function else { return nil }
            breakables[innermost].broken = true
            return breakables[innermost].kind == .range ? .breakRange : nil
        case .keyword(.goto):
            advance()
            guard current.kind == .identifier else { return nil }
            let label = text(of: current)
            advance()
            return .goto(label)
        case .keyword(.fallthrough):
            advance()
            return nil
        case .keyword(.case), .keyword(.default):
            throw fail("'\(text(of: current))' outside a switch")
        default:
            if isOperator(.leftBrace) { return .block(try block()) }
            if current.kind == .identifier && peek().isOperator(.colon) {
                let label = text(of: current)
                advance()
                advance()
                pendingLabel = label
                return .label(label)
            }
            return try simpleStatement()
        }
    }

    /// `continue label` or `break label`: the statement it refers to is marked broken (for `break`). One that leaves
    /// only the innermost loop's current run (`continue` of it, `break` of it as a `range` loop) is that unlabeled
    /// statement; one that leaves loops inside the labeled one is ``GoStatement/leave(loops:)``; any other (a `break`
    /// of another loop or of a `switch`, a label not found) is dropped.
    private mutating func labeledJump(to label: String, continuing: Bool) -> GoStatement? {
        var inner = 0
        for index in breakables.indices.reversed() {
            let enclosing = breakables[index]
            if enclosing.kind == .function { return nil }
            if enclosing.label == label {
                if !continuing { breakables[index].broken = true }
                if inner > 0 { return .leave(loops: inner) }
                if enclosing.kind == .range { return continuing ? .continueRange : .breakRange }
                return nil
            }
            if enclosing.kind == .range || enclosing.kind == .loop { inner += 1 }
        }
        return nil
    }

    /// Whether `statements` end in a terminating statement (Go spec), as far as the parser keeps them: a `return`, a
    /// `goto`, a block that ends in one, an `if` with an `else` whose branches both do, or a loop, `switch` or `select`
    /// after which control never comes (``GoStatement/unreachable``). A `panic` call is not taken for one (a package may
    /// declare its own `panic`).
    static func terminates(_ statements: [GoStatement]) -> Bool {
        switch statements.last {
        case .return?, .goto?, .unreachable?: return true
        case .block(let inner)?: return terminates(inner)
        case .conditional(_, _, let then, let otherwise)?:
            return !otherwise.isEmpty && terminates(then) && terminates(otherwise)
        default: return false
        }
    }

    /// `var a, b T = x, y` or a parenthesised group of such specs (also `const`).
    private mutating func localDeclaration() throws(ParseFailure) -> [GoStatement] {
        advance()
        guard accept(.leftParen) else { return [try localSpec()] }
        var specs: [GoStatement] = []
        while true {
            skipSemicolons()
            if accept(.rightParen) { break }
            if atEnd { throw fail("unterminated declaration group") }
            specs.append(try localSpec())
        }
        return specs
    }

    /// `a, b T = x, y`; a constant without values (a repeated iota line) gets none.
    private mutating func localSpec() throws(ParseFailure) -> GoStatement {
        var names = [try identifier()]
        while accept(.comma) { names.append(try identifier()) }
        var type: GoType?
        if !isOperator(.assign) && current.kind != .semicolon && !isOperator(.rightParen) {
            type = try parseType()
        }
        var values: [GoExpr] = []
        if accept(.assign) { values = try expressionList() }
        return .declare(names, type, values)
    }

    /// An expression, assignment, definition, `x++` or send; `range` after `:=`/`=` makes a range clause.
    private mutating func simpleStatement() throws(ParseFailure) -> GoStatement {
        if current.isKeyword(.range) {
            advance()
            return .range([], try expression(), [])
        }
        let left = try expressionList()
        if current.kind == .operator {
            let op = text(of: current)
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
                let position = current.position
                advance()
                let value = try expression()
                guard left.count == 1, let channel = left.first else {
                    return .block(left.map { .expression($0) } + [.expression(value)])
                }
                return .expression(
                    .call(.name(GoStatement.sendName, position), [channel, value], spread: false, position))
            }
        }
        if left.count == 1, let only = left.first { return .expression(only) }
        return .block(left.map { .expression($0) })
    }

    /// Header statements up to the body's `{`, where a `{` does not open a composite literal.
    private mutating func header() throws(ParseFailure) -> [GoStatement] {
        noCompositeDepth += 1
        defer { noCompositeDepth -= 1 }
        var statements: [GoStatement] = []
        while !isOperator(.leftBrace) {
            if atEnd { throw fail("expected '{'") }
            if current.kind == .semicolon {
                advance()
                continue
            }
            statements.append(try simpleStatement())
        }
        return statements
    }

    private mutating func ifStatement() throws(ParseFailure) -> GoStatement {
        advance()
        var header = try header()
        var condition: GoExpr?
        if case .expression(let last)? = header.last {
            condition = last
            header.removeLast()
        }
        let then = try block()
        var otherwise: [GoStatement] = []
        if current.isKeyword(.else) {
            advance()
            if current.isKeyword(.if) {
                // Each `else if` nests the next statement in this one: a level, as a block is.
                try enterNesting()
                defer { nesting -= 1 }
                otherwise = [try ifStatement()]
            } else {
                otherwise = try block()
            }
        }
        return .conditional(header: header, condition: condition, then: then, otherwise: otherwise)
    }

    private mutating func forStatement(label: String?) throws(ParseFailure) -> GoStatement {
        advance()
        let clauses = try forClauses()
        var parts = clauses.flatMap { $0 }
        let ranging = parts.contains { if case .range = $0 { true } else { false } }
        let (body, broken) = try loopBody(ranging: ranging, label: label)
        if let index = parts.firstIndex(where: { if case .range = $0 { true } else { false } }),
            case .range(let names, let over, _) = parts[index]
        {
            parts[index] = .range(names, over, body)
            return .block(parts)
        }
        // `for condition {`, or `for initial; condition; post {` (each part may be missing).
        var (initial, conditionPart, post) = ([GoStatement](), [GoStatement](), [GoStatement]())
        if clauses.count == 1 {
            conditionPart = clauses[0]
        } else {
            initial = clauses[0]
            conditionPart = clauses.count > 1 ? clauses[1] : []
            post = Array(clauses.dropFirst(2).joined())
        }
        var condition: GoExpr?
        if conditionPart.count == 1, case .expression(let only) = conditionPart[0] {
            condition = only
        } else {
            initial += conditionPart
        }
        let loop = GoStatement.loop(initial: initial, condition: condition, post: post, body: body)
        // A `for` with no condition that no `break` refers to is left only by `return`, `goto` or a labeled jump to an
        // enclosing loop: control never comes after it (a terminating statement).
        if conditionPart.isEmpty && !broken { return .block([loop, .unreachable]) }
        return loop
    }

    /// A `for` header up to the body's `{`, as the simple statements between its semicolons (one part without any).
    private mutating func forClauses() throws(ParseFailure) -> [[GoStatement]] {
        noCompositeDepth += 1
        defer { noCompositeDepth -= 1 }
        var clauses: [[GoStatement]] = [[]]
        while !isOperator(.leftBrace) {
            if atEnd { throw fail("expected '{'") }
            if current.kind == .semicolon {
                advance()
                clauses.append([])
                continue
            }
            clauses[clauses.count - 1].append(try simpleStatement())
        }
        return clauses
    }

    /// A loop's body, read as enclosed by that loop (for `continue` and `break`), and whether a `break` refers to the
    /// loop.
    private mutating func loopBody(ranging: Bool, label: String?) throws(ParseFailure) -> ([GoStatement], Bool) {
        loops.append(ranging)
        breakables.append(Breakable(kind: ranging ? .range : .loop, label: label))
        defer {
            loops.removeLast()
            breakables.removeLast()
        }
        let body = try block()
        return (body, breakables.last?.broken ?? true)
    }

    private mutating func switchStatement(label: String?) throws(ParseFailure) -> GoStatement {
        // An expression switch (not `select`, not a type switch `switch v := x.(type)`) keeps its tag and case
        // expressions, when each reads as expressions and no clause falls through: ``GoStatement/switchCases(header:tag:clauses:)``.
        let isSelect = !current.isKeyword(.switch)
        var decidable = !isSelect
        advance()
        let headerStart = index
        let parts = try header()
        let typeSwitch = decidable && Self.assertsType(tokens[headerStart..<index])
        try expect(.leftBrace)
        let saved = allowCompositeLiterals()
        breakables.append(Breakable(kind: .choice, label: label))
        defer {
            noCompositeDepth = saved
            breakables.removeLast()
        }
        // Whether a clause falls through (it then need not end in a terminating statement, but is taken as not ending).
        var (fallsThrough, hasDefault) = (false, false)
        // Each clause runs in some runs only: an `if` with no condition read (undecided), so that what a clause does
        // (hide a flag, skip an entry, define a flag of one type) never counts as done on every path. The statements
        // before the first clause (none in valid Go) run.
        var clause: [GoStatement] = []
        var inClause = false
        var cases: [GoExpr]?
        var clauses: [GoSwitchClause] = []
        var before: [GoStatement] = []
        func close() {
            if inClause {
                clauses.append(GoSwitchClause(cases: cases, body: clause))
            } else {
                before = clause
            }
        }
        while try continuesUntilBrace("switch") {
            if current.isKeyword(.case) || current.isKeyword(.default) {
                close()
                inClause = true
                clause = []
                cases = nil
                if current.isKeyword(.case) {
                    advance()
                    let (start, errorCount) = (index, errors.count)
                    if decidable, let read = try? caseExpressions() {
                        cases = read
                    } else if isSelect, let received = selectReceive() {
                        // `case h := <-ch:`: the clause binds what it received first (review R89's select shape).
                        clause = [received]
                    } else {
                        // Not read as expressions (a `select`'s communication, a type switch's types): left out.
                        decidable = false
                        index = start
                        if errors.count > errorCount { errors.removeLast(errors.count - errorCount) }
                        skipCaseExpressions()
                    }
                } else {
                    hasDefault = true
                    advance()
                }
                if isOperator(.colon) { advance() }
                continue
            }
            if current.isKeyword(.fallthrough) { (decidable, fallsThrough) = (false, true) }
            if let statement = try statement() { clause.append(statement) }
        }
        close()
        // Control never comes after a `switch` with a `default` or a `select` that no `break` refers to, whose every
        // clause ends in a terminating statement (Go spec).
        let terminating =
            !(breakables.last?.broken ?? true) && !fallsThrough && (isSelect || hasDefault)
            && clauses.allSatisfy { Self.terminates($0.body) }
        let statement = switchParts(
            parts: parts, typeSwitch: typeSwitch, decidable: decidable, before: before, clauses: clauses)
        return terminating ? .block([statement, .unreachable]) : statement
    }

    /// The statement a `switch` or `select` is read as, from its header's statements and its clauses.
    private func switchParts(
        parts: [GoStatement], typeSwitch: Bool, decidable: Bool, before: [GoStatement], clauses: [GoSwitchClause]
    ) -> GoStatement {
        var parts = parts
        if typeSwitch {
            if decidable, before.isEmpty, case .expression(let subject)? = parts.last {
                parts.removeLast()
                return .block(parts + [.typeSwitch(subject: subject, clauses: clauses)])
            }
            if decidable, before.isEmpty, case .assign(let targets, ":=", let sources)? = parts.last, targets.count == 1,
                sources.count == 1
            {
                return .block(parts + [.typeSwitch(subject: sources[0], clauses: clauses)])
            }
        } else if decidable, before.isEmpty, case .expression(let tag)? = parts.last {
            parts.removeLast()
            return .block(parts + [.switchCases(tag: tag, clauses: clauses)])
        }
        if !typeSwitch, decidable, before.isEmpty, parts.isEmpty {
            return .switchCases(tag: nil, clauses: clauses)
        }
        parts.append(.block(before))
        for clause in clauses {
            parts.append(.conditional(header: [], condition: nil, then: clause.body, otherwise: []))
        }
        return .block(parts)
    }

    /// A `case` clause's expressions, up to its `:`.
    private mutating func caseExpressions() throws(ParseFailure) -> [GoExpr] {
        let list = try expressionList()
        guard isOperator(.colon) else { throw fail("expected ':' after the case expressions") }
        return list
    }

    /// A `select` clause's receive that binds or assigns (`case h := <-ch:`, `case h, ok = <-ch:`), up to its `:`, as
    /// the assignment it makes; nil, with nothing read, for any other communication (a send, a bare receive).
    private mutating func selectReceive() -> GoStatement? {
        let (start, errorCount) = (index, errors.count)
        if let statement = try? simpleStatement(), case .assign(_, let op, let sources) = statement,
            op == ":=" || op == "=", sources.count == 1, case .unary("<-", _) = sources[0], isOperator(.colon)
        {
            return statement
        }
        index = start
        if errors.count > errorCount { errors.removeLast(errors.count - errorCount) }
        return nil
    }

    /// Skips a `case` clause's expressions, up to its `:`.
    private mutating func skipCaseExpressions() {
        while !isOperator(.colon) && !atEnd {
            if opensGroup {
                skipGroup()
            } else {
                advance()
            }
        }
    }

    /// Whether a switch header holds a type assertion's `.(type)`.
    private static func assertsType(_ tokens: ArraySlice<GoToken>) -> Bool {
        var previous: [GoToken] = []
        for token in tokens {
            if token.isKeyword(.type), previous.count == 2, previous[0].isOperator(.period),
                previous[1].isOperator(.leftParen)
            {
                return true
            }
            previous.append(token)
            if previous.count > 2 { previous.removeFirst() }
        }
        return false
    }

    // MARK: - Expressions

    private mutating func expressionList() throws(ParseFailure) -> [GoExpr] {
        var list = [try expression()]
        while accept(.comma) { list.append(try expression()) }
        return list
    }

    /// Go's binary operators by precedence (5 binds tightest).
    private static func precedence(_ symbol: GoOperator?) -> Int? {
        switch symbol {
        case .logicalOr: 1
        case .logicalAnd: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 3
        case .plus, .minus, .pipe, .caret: 4
        case .star, .slash, .percent, .shiftLeft, .shiftRight, .ampersand, .andNot: 5
        default: nil
        }
    }

    /// An expression.
    mutating func expression() throws(ParseFailure) -> GoExpr {
        try binary(above: 0)
    }

    /// Operands joined by binary operators that bind tighter than `minimum`, grouped left to right.
    private mutating func binary(above minimum: Int) throws(ParseFailure) -> GoExpr {
        try enterNesting()
        defer { nesting -= 1 }
        var left = try unary()
        var depth = expressionDepth
        while let level = Self.precedence(current.symbol), level > minimum {
            let op = text(of: current)
            advance()
            let right = try binary(above: level)
            // The loop, not recursion, makes `a + b + c` a left-deep tree: its depth is counted here.
            depth = max(depth, expressionDepth) + 1
            try built(depth: depth)
            left = .binary(op, left, right)
        }
        expressionDepth = depth
        return left
    }

    /// Whether `symbol` is a unary operator.
    private static func isUnary(_ symbol: GoOperator?) -> Bool {
        switch symbol {
        case .ampersand, .star, .minus, .plus, .not, .caret, .arrow: true
        default: false
        }
    }

    private mutating func unary() throws(ParseFailure) -> GoExpr {
        try enterNesting()
        defer { nesting -= 1 }
        if Self.isUnary(current.symbol) {
            let op = text(of: current)
            advance()
            let operand = try unary()
            try built(depth: expressionDepth + 1)
            return .unary(op, operand)
        }
        return try primary()
    }

    private mutating func primary() throws(ParseFailure) -> GoExpr {
        var base = try operand()
        var depth = expressionDepth
        while true {
            if isOperator(.period) {
                advance()
                if isOperator(.leftParen) {
                    // A type assertion `x.(T)` or `x.(type)`: the value passes through.
                    skipGroup()
                    continue
                }
                guard current.kind == .identifier else { throw fail("expected a name after '.'") }
                base = .selector(base, text(of: current), current.position)
                advance()
                depth += 1
                try built(depth: depth)
            } else if isOperator(.leftParen) {
                base = try call(base, depth: depth)
                depth = expressionDepth
            } else if isOperator(.leftBracket) {
                advance()
                let saved = allowCompositeLiterals()
                var indices: [GoExpr] = []
                // A slice expression's bounds by place (`x[:0]`: none, then `0`); nil while no colon is met.
                var bounds: [GoExpr?]?
                var bound: GoExpr?
                var inner = depth
                while !isOperator(.rightBracket) {
                    if atEnd { throw fail("unterminated index") }
                    if isOperator(.colon) {
                        bounds = (bounds ?? []) + [bound]
                        bound = nil
                        advance()
                        continue
                    }
                    if isOperator(.comma) {
                        advance()
                        continue
                    }
                    let expression = try expression()
                    inner = max(inner, expressionDepth)
                    indices.append(expression)
                    bound = expression
                }
                noCompositeDepth = saved
                advance()
                depth = inner + 1
                try built(depth: depth)
                if var bounds {
                    bounds.append(bound)
                    base = .slice(
                        base, low: bounds[0], high: bounds.count > 1 ? bounds[1] : nil,
                        max: bounds.count > 2 ? bounds[2] : nil)
                } else {
                    base = .index(base, indices)
                }
            } else if isOperator(.leftBrace) && Self.isTypeLike(base)
                && (noCompositeDepth == 0 || Self.isExplicitType(base))
            {
                base = try composite(type: Self.type(of: base), position: base.position ?? current.position)
                depth = expressionDepth
            } else {
                expressionDepth = depth
                return base
            }
        }
    }

    /// The call of `callee` (a tree `depth` levels deep) whose `(` is the current token.
    private mutating func call(_ callee: GoExpr, depth: Int) throws(ParseFailure) -> GoExpr {
        let position = current.position
        var inner = depth
        advance()
        var arguments: [GoExpr] = []
        var spread = false
        let saved = allowCompositeLiterals()
        while !isOperator(.rightParen) {
            skipSemicolons()
            if isOperator(.rightParen) { break }
            if atEnd { throw fail("unterminated call") }
            arguments.append(try expression())
            inner = max(inner, expressionDepth)
            if accept(.ellipsis) { spread = true }
            skipSemicolons()
            if !accept(.comma) { break }
        }
        noCompositeDepth = saved
        skipSemicolons()
        try expect(.rightParen)
        try built(depth: inner + 1)
        return .call(callee, arguments, spread: spread, position)
    }

    private static func isTypeLike(_ expression: GoExpr) -> Bool {
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
    private static func isExplicitType(_ expression: GoExpr) -> Bool {
        if case .type = expression { return true }
        return false
    }

    /// The type a composite literal's type expression names (type arguments left out).
    private static func type(of expression: GoExpr) -> GoType? {
        switch expression {
        case .name(let name, _): return .named(package: nil, name: name, arguments: [])
        case .selector(.name(let qualifier, _), let name, _):
            return .named(package: qualifier, name: name, arguments: [])
        case .type(let type): return type
        case .index(let base, _): return type(of: base)
        default: return nil
        }
    }

    /// The value of Go integer literal `text` of at most 9 digits (after its prefix, `_` not counted): decimal, `0x`
    /// hexadecimal, `0o` or a leading `0` octal, `0b` binary (`0x0`, `0_0`, `010` is 8); nil for longer ones and for
    /// text Go does not read as an integer (`08`, `0x`, `1__0`, `_1`).
    static func integerValue(_ text: String) -> Int? {
        var bytes = Array(text.utf8)
        var radix = 10
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "0") {
            switch bytes[1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = 8
            }
            // `0x`, `0o`, `0b` and the octal `0`: the prefix, then a `_` may follow it.
            bytes.removeFirst(radix == 8 && bytes[1] | 0x20 != UInt8(ascii: "o") ? 1 : 2)
            if bytes.first == UInt8(ascii: "_") { bytes.removeFirst() }
        }
        // A `_` only between digits.
        var digits: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "_") {
                guard index > 0, index + 1 < bytes.count, bytes[index - 1] != byte, bytes[index + 1] != byte else {
                    return nil
                }
                continue
            }
            digits.append(byte)
        }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        return Int(String(decoding: digits, as: UTF8.self), radix: radix)
    }

    private mutating func operand() throws(ParseFailure) -> GoExpr {
        let token = current
        expressionDepth = 1
        switch token.kind {
        case .identifier:
            advance()
            return .name(text(of: token), token.position)
        case .string:
            advance()
            return .string(Self.unquote(text(of: token)), token.position)
        case .int:
            advance()
            return .literal(token.position, integer: Self.integerValue(text(of: token)))
        case .float, .imaginary, .rune:
            advance()
            return .literal(token.position)
        case .keyword(.func):
            advance()
            let signature = try signature()
            guard isOperator(.leftBrace) else {
                expressionDepth = 1
                return .type(.function(signature))
            }
            loops.append(false)
            breakables.append(Breakable(kind: .function, label: nil))
            let outer = (expression: deepestExpression, nesting: deepestNesting)
            deepestExpression = nesting
            deepestNesting = nesting
            defer {
                loops.removeLast()
                breakables.removeLast()
                deepestNesting = max(outer.nesting, deepestNesting)
            }
            let body = try block()
            // The literal holds its statements, as deep as their blocks nest, and their expressions.
            let depth = 1 + max(deepestNesting, deepestExpression) - nesting
            deepestExpression = outer.expression
            try built(depth: depth)
            return .function(GoFunctionLiteral(position: token.position, signature: signature, body: body))
        case .keyword(.map), .keyword(.chan), .keyword(.struct), .keyword(.interface),
            .operator where token.isOperator(.leftBracket):
            // A type nests as `Limit.goTypeDepth` allows; as an operand it is one level.
            let type = try parseType()
            expressionDepth = 1
            return .type(type)
        case .operator where token.isOperator(.leftParen):
            advance()
            let saved = allowCompositeLiterals()
            let inner = try expression()
            noCompositeDepth = saved
            try expect(.rightParen)
            return inner
        case .operator where token.isOperator(.leftBrace):
            // An element of a composite literal with its type elided.
            return try composite(type: nil, position: token.position)
        default:
            throw fail("expected an expression")
        }
    }

    private mutating func composite(type: GoType?, position: GoPosition) throws(ParseFailure) -> GoExpr {
        try expect(.leftBrace)
        let saved = allowCompositeLiterals()
        defer { noCompositeDepth = saved }
        var elements: [GoElement] = []
        var inner = 0
        while try continuesUntilBrace("composite literal") {
            let first = try expression()
            inner = max(inner, expressionDepth)
            if accept(.colon) {
                skipSemicolons()
                elements.append(GoElement(key: first, value: try expression()))
                inner = max(inner, expressionDepth)
            } else {
                elements.append(GoElement(key: nil, value: first))
            }
            skipSemicolons()
            if !accept(.comma) {
                skipSemicolons()
                try expect(.rightBrace)
                break
            }
        }
        try built(depth: inner + 1)
        return .composite(type, elements, position)
    }
}
