/// An expression inside a function body or a package-level initialiser, as `GoParser.body(of:in:)` and
/// `GoParser.expression(_:in:)` read it: names, literals, selectors, calls, composite literals, operators, function
/// literals and types in expression position. Parentheses are dropped; a type assertion `x.(T)` is its operand.
public indirect enum GoExpr: Sendable {
    /// An identifier (`nil`, `true` and predeclared names included).
    case name(String, GoPosition)
    /// A string literal, by its value (quotes removed, escapes decoded).
    case string(String, GoPosition)
    /// A number, rune or imaginary literal; `integer` is the value of an integer literal of at most 9 digits in any of
    /// Go's bases (`1` in `cobra.ExactArgs(1)`, `0x0`, `010`: ``GoParser/integerValue(_:)``), nil for any other.
    case literal(GoPosition, integer: Int? = nil)
    /// `base.name`: a field, method or package member.
    case selector(GoExpr, String, GoPosition)
    /// `callee(arguments)`; `spread` for a final `x...`; the position is the `(`.
    case call(GoExpr, [GoExpr], spread: Bool, GoPosition)
    /// `T{elements}`, with its type (nil when elided inside another literal).
    case composite(GoType?, [GoElement], GoPosition)
    /// `&x`, `*x`, `-x`, `+x`, `!x`, `^x`, `<-x`.
    case unary(String, GoExpr)
    /// `left op right`, grouped by Go's operator precedence.
    case binary(String, GoExpr, GoExpr)
    /// `base[i]`, `base[T1, T2]`: the index expressions.
    case index(GoExpr, [GoExpr])
    /// `base[low:high]`, `base[low:high:max]`: a slice expression, with the bounds that are written (`x[:0]` has no
    /// `low`).
    case slice(GoExpr, low: GoExpr?, high: GoExpr?, max: GoExpr?)
    /// `func(...) ... { ... }`.
    case function(GoFunctionLiteral)
    /// A type in expression position (`[]string` in a conversion, `map[string]T` before a literal).
    case type(GoType)

    /// Where the expression starts, when known.
    public var position: GoPosition? {
        switch self {
        case .name(_, let position), .string(_, let position), .literal(let position, _),
            .selector(_, _, let position), .call(_, _, _, let position), .composite(_, _, let position):
            return position
        case .unary(_, let operand): return operand.position
        case .binary(_, let left, _): return left.position
        case .index(let base, _), .slice(let base, _, _, _): return base.position
        case .function(let literal): return literal.position
        case .type: return nil
        }
    }
}

/// One element of a composite literal: `key: value` or `value`.
public struct GoElement: Sendable {
    /// The key (a field name is a `.name`), or nil.
    public let key: GoExpr?
    /// The value.
    public let value: GoExpr

    /// An element from its parts.
    public init(key: GoExpr?, value: GoExpr) {
        self.key = key
        self.value = value
    }
}

/// A function literal: its signature and its body's statements.
public struct GoFunctionLiteral: Sendable {
    /// Where `func` is.
    public let position: GoPosition
    /// The parameters and results.
    public let signature: GoSignature
    /// The statements of the body.
    public let body: [GoStatement]

    /// A literal from its parts.
    public init(position: GoPosition, signature: GoSignature, body: [GoStatement]) {
        self.position = position
        self.signature = signature
        self.body = body
    }

    /// The parameter names in order, `""` for an unnamed parameter.
    public var parameterNames: [String] { signature.parameters.map { $0.name ?? "" } }
}

/// A statement, reduced to what reads or changes values: control flow becomes nested blocks (the cases of a
/// `switch` and `select` are conditionals with no condition after the header, their case expressions left out);
/// `fallthrough`, local type declarations and a `break` of anything but a `range` loop are dropped.
public indirect enum GoStatement: Sendable {
    /// The name a send statement calls: `ch <- v` is `.expression(.call(.name("<-"), [ch, v]))`.
    public static let sendName = "<-"

    /// An expression statement, or a `go` call. A send `ch <- v` is the expression statement of a call of the name
    /// `<-` (``GoStatement/sendName``, which no Go identifier spells) with the channel and the value.
    case expression(GoExpr)
    /// `defer f(x)`: the call, run when the function returns.
    case deferred(GoExpr)
    /// `goto name`.
    case goto(String)
    /// `name:` before a statement (the statement follows it in the list).
    case label(String)
    /// `for initial; condition; post { body }`, `for condition { body }` and `for { body }` (a `range` loop is `.range`
    /// in a `.block` with what its header defines).
    case loop(initial: [GoStatement], condition: GoExpr?, post: [GoStatement], body: [GoStatement])
    /// `a, b := x, y` or `a.b = x`; the operator is `:=`, `=`, `+=`...
    case assign([GoExpr], String, [GoExpr])
    /// `var a, b T = x, y` and a local `const` spec.
    case declare([String], GoType?, [GoExpr])
    /// `return x, y`.
    case `return`([GoExpr])
    /// `for k, v := range x { ... }` and `for range x { ... }`: the targets, the ranged value and the body.
    case range([GoExpr], GoExpr, [GoStatement])
    /// A block: `{ ... }`, a `range` loop's header and loop, a `switch` header and its clauses.
    case block([GoStatement])
    /// `if header; condition { then } else { otherwise }`.
    case conditional(header: [GoStatement], condition: GoExpr?, then: [GoStatement], otherwise: [GoStatement])
    /// An expression `switch` with no clause that falls through: its tag (nil for `switch {`, whose cases are
    /// conditions) and its clauses in order. Its header's other statements (`x := f()` in `switch x := f(); x {`)
    /// come before it, in a block. A `select`, a type switch and a switch with `fallthrough` are a block of
    /// conditionals with no condition instead (see ``conditional(header:condition:then:otherwise:)``).
    case switchCases(tag: GoExpr?, clauses: [GoSwitchClause])
    /// A type switch (`switch v := x.(type)`, `switch x.(type)`) with no clause that falls through: the value whose
    /// type it tests (`x`) and its clauses, whose case expressions are types (`T`, `*T`, `nil`, `G[int]`). Its header
    /// (`v := x`: the value passes through a type assertion) comes before it, in a block.
    case typeSwitch(subject: GoExpr, clauses: [GoSwitchClause])
    /// An unlabeled `continue` whose innermost loop is a `range` loop (of the same function).
    case continueRange
    /// An unlabeled `break` whose innermost loop, `switch` or `select` is a `range` loop (of the same function).
    case breakRange
    /// A `continue label` or `break label` that leaves `loops` loops inside the labeled statement whole (1 for
    /// `continue outer` in a loop directly inside `outer`), then the rest of the labeled loop's body.
    case leave(loops: Int)
    /// A point control never comes to: after a terminating `for`, `switch` or `select` (Go spec: a `for` with no
    /// condition, a `switch` with a `default` or a `select`, whose clauses all end in a terminating statement; none
    /// that a `break` refers to). It follows the statement in a `.block`.
    case unreachable
}

/// A clause of an expression `switch`: its case expressions (nil for `default`) and its statements.
public struct GoSwitchClause: Sendable {
    /// The case expressions; nil for `default`.
    public let cases: [GoExpr]?
    /// The statements of the clause.
    public let body: [GoStatement]

    /// A clause from its parts.
    public init(cases: [GoExpr]?, body: [GoStatement]) {
        self.cases = cases
        self.body = body
    }
}
