/// Runs a function of the program that decides on constants alone, as Go would, for a loop's filter
/// (`hasCmdAnnotation(cmd.Use, fl.DefinedOn)`): `range` over a list of strings, `if` on `==`, `!=`, `!`, `&&`, `||`
/// of strings and booleans, `return` of a boolean, `continue`. Anything else (a call, a field, a name it was not
/// given, a statement of another kind) gives nil: not decided. At most `maximumSteps` statements and expressions.
struct CobraPredicate {
    /// A constant the function is given or computes.
    enum Value: Equatable {
        case string(String)
        case bool(Bool)
        case list([String])
    }

    /// What a statement did: went on, returned a value, skipped to the next entry, or could not be run.
    private enum Outcome {
        case next
        case returned(Bool)
        case skipped
        case unknown
    }

    /// Steps past which the function is not decided: a membership test over a list of a few hundred strings. A loop
    /// decides it once an entry (at most `CobraInterpreter.maximumRangeObjects` entries a run of the loop).
    static let maximumSteps = 4_096

    var locals: [CobraLocalName: Value]
    private var steps = 0

    init(locals: [CobraLocalName: Value]) {
        self.locals = locals
    }

    /// The boolean the body returns; nil when it is not decided.
    mutating func run(_ body: [CobraStatement]) -> Bool? {
        if case .returned(let value) = execute(body) { return value }
        return nil
    }

    private mutating func execute(_ statements: [CobraStatement]) -> Outcome {
        for statement in statements {
            let outcome = execute(statement)
            if case .next = outcome { continue }
            return outcome
        }
        return .next
    }

    private mutating func execute(_ statement: CobraStatement) -> Outcome {
        steps += 1
        guard steps <= Self.maximumSteps else { return .unknown }
        switch statement {
        case .block(let statements):
            return execute(statements)
        case .return(let results):
            guard results.count == 1, case .bool(let value)? = evaluate(results[0]) else { return .unknown }
            return .returned(value)
        case .conditional(let header, let condition, let then, let otherwise):
            guard header.isEmpty, let condition, case .bool(let holds)? = evaluate(condition) else { return .unknown }
            return execute(holds ? then : otherwise)
        case .continueRange:
            return .skipped
        case .range(let names, .name(let collection), let body):
            guard case .list(let items)? = locals[collection], names.count <= 2 else { return .unknown }
            // The index is not given a value: a body that reads it is not decided.
            if case .name(let index)? = names.first, index != CobraKnown.underscore.id { locals[index] = nil }
            for item in items {
                if names.count == 2, case .name(let variable) = names[1], variable != CobraKnown.underscore.id {
                    locals[variable] = .string(item)
                }
                switch execute(body) {
                case .next, .skipped: continue
                case let outcome: return outcome
                }
            }
            return .next
        case .label:
            return .next
        case .expression, .assign, .declare, .range, .breakRange, .deferred, .jump, .loop, .switchCases, .typeSwitch,
            .leave:
            return .unknown
        }
    }

    private mutating func evaluate(_ expression: CobraExpr) -> Value? {
        steps += 1
        guard steps <= Self.maximumSteps else { return nil }
        switch expression {
        case .string(let text):
            return .string(text)
        case .name(let name):
            if let value = locals[name] { return value }
            if name == CobraKnown.true.id { return .bool(true) }
            if name == CobraKnown.false.id { return .bool(false) }
            return nil
        case .unary(.not, let operand):
            guard case .bool(let value)? = evaluate(operand) else { return nil }
            return .bool(!value)
        case .binary(.and, let left, let right):
            guard case .bool(let lhs)? = evaluate(left) else { return nil }
            if !lhs { return .bool(false) }
            guard case .bool(let rhs)? = evaluate(right) else { return nil }
            return .bool(rhs)
        case .binary(.or, let left, let right):
            guard case .bool(let lhs)? = evaluate(left) else { return nil }
            if lhs { return .bool(true) }
            guard case .bool(let rhs)? = evaluate(right) else { return nil }
            return .bool(rhs)
        case .binary(let op, let left, let right) where op == .equal || op == .notEqual:
            guard let lhs = evaluate(left), let rhs = evaluate(right) else { return nil }
            switch (lhs, rhs) {
            case (.string(let left), .string(let right)):
                // As Go compares strings: byte by byte (Swift's == takes canonically equivalent texts as equal).
                return .bool(left.utf8.elementsEqual(right.utf8) == (op == .equal))
            case (.bool, .bool):
                return .bool((lhs == rhs) == (op == .equal))
            default:
                return nil
            }
        default:
            return nil
        }
    }
}
