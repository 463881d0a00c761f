import Limits
import Testing

@testable import GoSource

/// The statements of the first function in `source`, read on demand as the cobra interpreter reads them.
private func body(_ source: String) -> Result<[GoStatement], GoSyntaxError>? {
    let file = GoParser.parse("package p\n" + source)
    guard case .function(let function)? = file.declarations.first else { return nil }
    return GoParser.body(of: function, in: file)
}

/// A compact spelling of an expression tree: `(a && (b == c))`.
private func shape(_ expression: GoExpr) -> String {
    switch expression {
    case .name(let name, _): return name
    case .string(let value, _): return "\"\(value)\""
    case .literal: return "1"
    case .selector(let base, let name, _): return shape(base) + "." + name
    case .call(let callee, let arguments, _, _):
        return shape(callee) + "(" + arguments.map(shape).joined(separator: ", ") + ")"
    case .composite(let type, let elements, _):
        return (type?.description ?? "") + "{"
            + elements.map { ($0.key.map(shape).map { $0 + ": " } ?? "") + shape($0.value) }
            .joined(separator: ", ") + "}"
    case .unary(let op, let operand): return op + shape(operand)
    case .binary(let op, let left, let right): return "(" + shape(left) + " " + op + " " + shape(right) + ")"
    case .index(let base, let indices): return shape(base) + "[" + indices.map(shape).joined(separator: ", ") + "]"
    case .slice(let base, let low, let high, let max):
        let bounds: [GoExpr?] = max == nil ? [low, high] : [low, high, max]
        let spelled: [String] = bounds.map { bound in bound.map(shape) ?? "" }
        return shape(base) + "[" + spelled.joined(separator: ":") + "]"
    case .function(let literal): return "func" + literal.signature.description
    case .type(let type): return type.description
    }
}

@Suite("Go parser: function bodies")
struct BodyParserTests {
    @Test(
        "binary operators group by Go's precedence",
        arguments: [
            ("a && b || c", "((a && b) || c)"), ("a || b && c", "(a || (b && c))"),
            ("a && b && c != nil", "((a && b) && (c != nil))"), ("x + y*z", "(x + (y * z))"),
            ("\"a\" + b + \"c\"", "((\"a\" + b) + \"c\")"), ("-x.f(1)[2]", "-x.f(1)[1]"),
            // Slice expressions keep where each bound is; an index or type arguments are no slice.
            ("x[:0]", "x[:1]"), ("x[a:]", "x[a:]"), ("x[a:b+c]", "x[a:(b + c)]"), ("x[:b:c]", "x[:b:c]"),
            ("x[:]", "x[:]"), ("m[k]", "m[k]"), ("G[int, string]", "G[int, string]"), ("x[f(a, b):]", "x[f(a, b):]"),
        ])
    func precedence(source: String, expected: String) throws {
        let statements = try #require(try body("func f() { _ = \(source) }")?.get())
        guard case .assign(_, "=", let values)? = statements.first, let value = values.first else {
            Issue.record("not an assignment: \(statements)")
            return
        }
        #expect(shape(value) == expected)
    }

    @Test(
        "an integer literal's value in any of Go's bases, at most 9 digits",
        arguments: [
            ("0", 0), ("7", 7), ("1_000", 1000), ("0x0", 0), ("0X1f", 31), ("0x_1", 1), ("0o0", 0), ("0O17", 15),
            ("00", 0), ("010", 8), ("0_0", 0), ("0_17", 15), ("0b0", 0), ("0B101", 5), ("123456789", 123_456_789),
        ])
    func integerLiteral(text: String, value: Int) {
        #expect(GoParser.integerValue(text) == value)
    }

    @Test(
        "what is not an integer literal of at most 9 digits has no value",
        arguments: ["1234567890", "0x1234567890", "08", "0x", "0b2", "1__0", "1_", "_1", "0x__1", "0o"])
    func notIntegerLiteral(text: String) {
        #expect(GoParser.integerValue(text) == nil)
    }

    @Test("a `{` after an if header opens the body; inside parentheses it opens a composite literal")
    func compositeInHeaders() throws {
        let statements = try #require(
            try body(
                """
                func f() {
                    if x == (T{A: 1}) { g(&cobra.Command{Use: "a"}) } else if y { return }
                    for _, c := range []*T{{Use: "b"}} { h(c) }
                }
                """)?.get())
        #expect(statements.count == 2)
        guard case .conditional(_, let condition?, let then, let otherwise)? = statements.first else {
            Issue.record("not an if: \(statements)")
            return
        }
        #expect(shape(condition) == "(x == T{A: 1})")
        #expect(then.count == 1 && otherwise.count == 1)
        if case .expression(let call)? = then.first { #expect(shape(call) == "g(&cobra.Command{Use: \"a\"})") }
        guard case .block(let loop)? = statements.last, case .range(let targets, let over, let loopBody)? = loop.first
        else {
            Issue.record("not a range loop: \(statements)")
            return
        }
        #expect(targets.map(shape) == ["_", "c"])
        #expect(shape(over) == "[]*T{{Use: \"b\"}}")
        #expect(loopBody.count == 1)
    }

    @Test("a for clause's parts, a condition alone, defer, goto and labels are kept apart")
    func loopsAndJumps() throws {
        let statements = try #require(
            try body(
                """
                func f() {
                    for i := 0; i < n; i++ { g(i) }
                    for ok { h() }
                    for { }
                    defer k()
                    goto done
                done:
                    return
                }
                """)?.get())
        #expect(statements.count == 7, "\(statements)")
        guard case .loop(let initial, let condition?, let post, let loopBody) = statements[0] else {
            Issue.record("not a for clause: \(statements[0])")
            return
        }
        #expect(initial.count == 1 && post.count == 1 && loopBody.count == 1)
        #expect(shape(condition) == "(i < n)")
        guard case .loop(let none, let alone?, _, _) = statements[1], none.isEmpty else {
            Issue.record("not a for with a condition: \(statements[1])")
            return
        }
        #expect(shape(alone) == "ok")
        // A `for` with no condition that no `break` refers to: control never comes after it.
        guard case .block(let endless) = statements[2], endless.count == 2,
            case .loop(let a, nil, let b, let c) = endless[0], a.isEmpty, b.isEmpty, c.isEmpty,
            case .unreachable = endless[1]
        else {
            Issue.record("not an endless for: \(statements[2])")
            return
        }
        guard case .deferred(let call) = statements[3], case .goto("done") = statements[4],
            case .label("done") = statements[5]
        else {
            Issue.record("not defer, goto, label: \(statements[3...5])")
            return
        }
        #expect(shape(call) == "k()")
    }

    @Test("labeled jumps and terminating statements: what a break refers to, how many loops a jump leaves")
    func terminatingStatements() throws {
        let statements = try #require(
            try body(
                """
                func f() {
                outer:
                    for range xs {
                        for range ys {
                            continue outer
                        }
                        for {
                            break outer
                        }
                        for range ys {
                            break outer
                        }
                    }
                    for { if ok { break } }
                loop:
                    for { for range ys { break loop } }
                    switch x { case 1: return; default: panic(x) }
                    switch x { case 1: return; default: if ok { return } else { goto done } }
                    switch x { case 1: if ok { break }; return; default: return }
                    select {}
                done:
                }
                """)?.get())
        #expect(statements.count == 10, "\(statements)")
        guard case .block(let header) = statements[1], case .range(_, _, let outer)? = header.last, outer.count == 3,
            case .block(let first) = outer[0], case .range(_, _, let inner)? = first.last,
            case .leave(loops: 1)? = inner.first
        else {
            Issue.record("continue outer is not a leave of one loop: \(statements[1])")
            return
        }
        // `break outer` breaks the outer loop, not the endless one: after that one, control never comes.
        guard case .block(let endless) = outer[1], case .unreachable? = endless.last,
            case .loop(_, _, _, let endlessBody) = endless[0], case .leave(loops: 1)? = endlessBody.first
        else {
            Issue.record("not an endless loop left by break outer: \(outer[1])")
            return
        }
        let ends = statements[2...].map { statement -> Bool in
            if case .block(let parts) = statement, case .unreachable? = parts.last { return true }
            return false
        }
        // Broken endless loops, a panic (not taken for terminating), a clause a break leaves: control may come after.
        #expect(ends == [false, false, false, false, true, false, true, false], "\(statements[2...])")
    }

    @Test("function literals keep their signature; types in expression position are types")
    func literalsAndTypes() throws {
        let statements = try #require(
            try body(
                "func f() { run(func(c *cobra.Command, _ []string) error { return nil }, []string(nil), map[K]V{}) }")?
                .get())
        guard case .expression(.call(_, let arguments, _, _))? = statements.first, arguments.count == 3,
            case .function(let literal) = arguments[0]
        else {
            Issue.record("not a call with three arguments: \(statements)")
            return
        }
        #expect(literal.parameterNames == ["c", "_"])
        #expect(literal.signature.description == "(*cobra.Command, []string) error")
        #expect(shape(arguments[1]) == "[]string(nil)")
        #expect(shape(arguments[2]) == "map[K]V{}")
    }

    @Test("a body that cannot be read is an error with its position; the declarations still parse")
    func errors() {
        let source = "func f() {\n    x := ;\n}\n\nfunc g() {}\n"
        let file = GoParser.parse("package p\n" + source)
        #expect(file.errors.isEmpty)
        #expect(file.declarations.count == 2)
        guard case .function(let function)? = file.declarations.first,
            case .failure(let error) = GoParser.body(of: function, in: file)
        else {
            Issue.record("expected a body error")
            return
        }
        #expect(error.position.line == 3)
        #expect(error.message.contains("expected an expression"))
    }

    @Test("a package-level initialiser reads as an expression")
    func initialiser() throws {
        let file = GoParser.parse("package p\nvar root = &cobra.Command{Use: \"tool\", Aliases: []string{\"t\"}}\n")
        guard case .value(let spec)? = file.declarations.first, let value = spec.values.first else {
            Issue.record("no var")
            return
        }
        let expression = try GoParser.expression(value, in: file).get()
        #expect(shape(expression) == "&cobra.Command{Use: \"tool\", Aliases: []string{\"t\"}}")
    }

    /// The error reading `source`'s first function body, or nil when it reads.
    private func bodyError(_ source: String) -> String? {
        guard case .failure(let error)? = body(source) else { return nil }
        return error.message
    }

    @Test("chains folded in a loop and `else if` chains are bounded in depth: no tree freeing cannot take (R77)")
    func chainsBounded() {
        let limit = Limit.goBodyExpressionDepth
        func chain(_ count: Int, _ separator: String) -> String {
            Array(repeating: "a", count: count).joined(separator: separator)
        }
        // Just inside the bound: read.
        #expect(bodyError("func f() { _ = \(chain(limit, " + ")) }") == nil)
        #expect(bodyError("func f() { _ = x\(String(repeating: ".a", count: limit - 2)) }") == nil)
        // One level past it, in each loop that builds a left-deep tree, at package level too.
        let deep = "more than \(limit) levels deep"
        #expect(bodyError("func f() { _ = \(chain(limit + 1, " + ")) }")?.contains(deep) == true)
        #expect(bodyError("func f() { _ = x\(String(repeating: ".a", count: limit)) }")?.contains(deep) == true)
        #expect(bodyError("func f() { _ = f\(String(repeating: "()", count: limit)) }")?.contains(deep) == true)
        #expect(bodyError("func f() { _ = x\(String(repeating: "[0]", count: limit)) }")?.contains(deep) == true)
        #expect(bodyError("func f() { _ = -\(chain(limit, " * ")) }")?.contains(deep) == true)
        let file = GoParser.parse("package p\nvar v = \(chain(limit + 1, " + "))\n")
        if case .value(let spec)? = file.declarations.first, let value = spec.values.first,
            case .failure(let error) = GoParser.expression(value, in: file)
        {
            #expect(error.message.contains(deep))
        } else {
            Issue.record("the package-level chain past the bound was read")
        }
        // A function literal holds what is inside it: a chain of 60% of the bound folded over a literal holding another.
        let part = limit * 3 / 5
        #expect(
            bodyError("func f() { _ = func() int { return \(chain(part, " + ")) }() + \(chain(part, " + ")) }")?
                .contains(deep) == true)
        #expect(
            bodyError("func f() { _ = \(chain(part, " + ")); _ = func() int { return \(chain(part, " + ")) }() }")
                == nil)
        // Each `else if` nests the next `if`: a level of nesting, as a block is.
        let elses = String(repeating: " else if a {}", count: Limit.goBodyDepth)
        #expect(bodyError("func f() { if a {}\(elses) }")?.contains("nest more than") == true)
        #expect(bodyError("func f() { if a {}\(String(repeating: " else if a {}", count: 40)) }") == nil)
    }
}
