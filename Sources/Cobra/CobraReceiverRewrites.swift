import GoSource

/// What a pointer method of a type that is no struct (`type Names []string`, `type Mode string`) does to the variable
/// it is called on, by its declaration alone (review R85): `func (n *Names) Clear() { *n = nil }` gives `names` nil,
/// `Set(v []string) { *n = v }` gives it the argument, `Keep(k int) { *n = (*n)[:k] }` keeps the first `k` entries.
/// The interpreter holds such a variable's value (its literal's strings, not an object), so the write has no place to
/// go but the call site: ``CobraInterpreter`` gives the variable what ``CobraReceiverRewrite/rewrites(_:)`` says, and
/// where the effect cannot be known, the variable stops deciding.
enum CobraReceiverRewrite: Sendable {
    /// The method never writes through its receiver: it does not name it, or only reads `*n` (`len(*n)`, `range *n`,
    /// `n == nil`).
    case keeps
    /// The body is one or more `*n = e` statements at its top level (and a last `return` that does not name `n`):
    /// each `e` in order, what `*n` holds after it.
    case rewrites(Body)
    /// Anything else that may write through the receiver: a write in a branch or loop, `(*n)[i] = x`, a method of it
    /// called, the receiver handed on or bound again.
    case unknown

    /// The parts of a method whose writes are followed.
    struct Body: Sendable {
        /// The receiver's name (`n`) and its type's name (`Names`).
        let receiver: String
        let receiverType: String
        /// The parameters' names in order (nil for `_` and unnamed ones), and whether the last is variadic.
        let parameters: [String?]
        let variadic: Bool
        /// What each `*n = e` gives, in order.
        let writes: [GoExpr]
    }

    /// What `function` (a method with a pointer receiver) does to its receiver. `callKeeps` says whether the method
    /// of that name of the receiver's type keeps its receiver (a pointer method whose rewrite is ``keeps``): a call of
    /// one on the receiver (`l.Visit(v)`) writes nothing through it.
    static func of(
        _ function: GoFunction, in file: GoFile, callKeeps: (String) -> Bool = { _ in false }
    ) -> CobraReceiverRewrite {
        guard let receiver = function.receiver, receiver.isPointer, let name = receiver.name, name != "_",
            let body = function.body
        else { return .keeps }
        guard mayWrite(name, body: body, in: file.tokens, callKeeps: callKeeps) else { return .keeps }
        guard case .success(let statements) = GoParser.body(of: function, in: file) else { return .unknown }
        var writes: [GoExpr] = []
        for (offset, statement) in statements.enumerated() {
            switch statement {
            case .assign(let targets, "=", let sources)
            where targets.count == 1 && sources.count == 1 && isDeref(targets[0], of: name):
                writes.append(sources[0])
            case .return(let results) where offset == statements.count - 1:
                if results.contains(where: { mentions(name, $0) }) { return .unknown }
            default:
                return .unknown
            }
        }
        guard !writes.isEmpty else { return .unknown }
        return .rewrites(
            Body(
                receiver: name, receiverType: receiver.typeName,
                parameters: function.signature.parameters.map { $0.name == "_" ? nil : $0.name },
                variadic: function.signature.parameters.last?.variadic ?? false, writes: writes))
    }

    /// Whether the body's tokens may write through receiver `name`: a `*name` (or `(*name)`) that starts a statement
    /// (`*n = v`, `(*n)[i] = v`, `*n++`), or `name` used other than read through `*` or compared (`n == nil`): a
    /// method called on it (unless `callKeeps` says that method keeps its receiver), handed on, bound again.
    static func mayWrite(
        _ name: String, body: Range<Int>, in tokens: [GoToken], callKeeps: (String) -> Bool = { _ in false }
    ) -> Bool {
        for index in body where tokens[index].kind == .identifier && tokens[index].text.utf8.elementsEqual(name.utf8) {
            guard index > body.lowerBound else { continue }
            let previous = tokens[index - 1]
            // `x.n`: a field or method of something else.
            if previous.symbol == .period { continue }
            // `n.M(...)`, M a method that keeps its receiver: a read (skaffold's `l.Visit(v, rs)` in `GetImages`).
            if index + 3 < body.upperBound, tokens[index + 1].symbol == .period,
                tokens[index + 2].kind == .identifier, tokens[index + 3].symbol == .leftParen,
                callKeeps(tokens[index + 2].text)
            {
                continue
            }
            if previous.symbol == .star {
                var start = index - 1
                while start > body.lowerBound, tokens[start - 1].symbol == .leftParen { start -= 1 }
                let before = tokens[start - 1]
                if before.kind == .semicolon || before.symbol == .leftBrace || before.symbol == .rightBrace {
                    return true
                }
                continue
            }
            let next = index + 1 < tokens.count ? tokens[index + 1].symbol : nil
            if next == .equal || next == .notEqual || previous.symbol == .equal || previous.symbol == .notEqual {
                continue
            }
            return true
        }
        return false
    }

    /// Whether `expression` is `*name`.
    static func isDeref(_ expression: GoExpr, of name: String) -> Bool {
        if case .unary("*", .name(let operand, _)) = expression { return operand.utf8.elementsEqual(name.utf8) }
        return false
    }

    /// Whether `expression` names `name` anywhere (a function literal in it counts as naming it).
    static func mentions(_ name: String, _ expression: GoExpr) -> Bool {
        switch expression {
        case .name(let text, _): return text.utf8.elementsEqual(name.utf8)
        case .string, .literal, .type: return false
        case .function: return true
        case .selector(let base, _, _): return mentions(name, base)
        case .call(let callee, let arguments, _, _): return ([callee] + arguments).contains { mentions(name, $0) }
        case .composite(_, let elements, _):
            return elements.contains { ($0.key.map { mentions(name, $0) } ?? false) || mentions(name, $0.value) }
        case .unary(_, let operand): return mentions(name, operand)
        case .binary(_, let left, let right): return mentions(name, left) || mentions(name, right)
        case .index(let base, let indices): return ([base] + indices).contains { mentions(name, $0) }
        case .slice(let base, let low, let high, let max):
            return ([base] + [low, high, max].compactMap { $0 }).contains { mentions(name, $0) }
        }
    }

    /// Go's predeclared types a conversion to which keeps the value (`string(v)`, `[]string(v)` is a `.type`).
    static let basicTypes: Set<String> = [
        "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "byte", "rune", "float32", "float64",
    ]
}
