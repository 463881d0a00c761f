/// The value of a constant expression the evaluator could compute.
public enum GoConstant: Sendable, Hashable, CustomStringConvertible {
    /// An integer that fits in 64 bits (runes included).
    case int(Int)
    /// A string.
    case string(String)
    /// A boolean.
    case bool(Bool)

    /// Go syntax for the value: `42`, `"text"`, `true`.
    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .bool(let value): return String(value)
        case .string(let value):
            var quoted = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case "\n": quoted += "\\n"
                case "\t": quoted += "\\t"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        quoted += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                    } else {
                        quoted.unicodeScalars.append(scalar)
                    }
                }
            }
            return quoted + "\""
        }
    }
}

import Limits

/// Evaluates constant expressions of integers, strings and booleans: literals, `iota`, other constants by name,
/// conversions, and Go's unary and binary operators with Go's precedence.
///
/// It returns nil for anything it cannot decide without type-checking (floats, constants of other packages, values
/// beyond 64 bits, negative values converted to unsigned types), so callers fall back to the expression's text.
/// It also gives up, saying why in `limit`, on expressions nested deeper than `Limit.goExpressionDepth` and on
/// strings longer than `Limit.goConstantBytes`: a few lines of Go must not build gigabytes or overflow the stack.
public struct GoConstantEvaluator {
    private let tokens: [GoToken]
    private let iota: Int
    private let resolve: (String) -> GoConstant?
    private var index = 0
    private var depth = 0
    /// Why evaluation gave up, when a limit stopped it.
    private var limit: String?

    /// A value, or nil with the limit that stopped evaluation (nil for expressions that need type-checking).
    public struct Outcome {
        public let value: GoConstant?
        public let limit: String?
    }

    private static let integerTypes: Set<String> = [
        "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte",
        "rune",
    ]

    /// The value of `tokens` (one expression, no trailing semicolon) with `iota` and named constants from `resolve`.
    public static func evaluate(_ tokens: [GoToken], iota: Int, resolve: (String) -> GoConstant?) -> GoConstant? {
        outcome(tokens, iota: iota, resolve: resolve).value
    }

    /// The value of `tokens`, or why a limit stopped its evaluation.
    public static func outcome(_ tokens: [GoToken], iota: Int, resolve: (String) -> GoConstant?) -> Outcome {
        withoutActuallyEscaping(resolve) { resolve in
            var evaluator = GoConstantEvaluator(
                tokens: tokens.filter { $0.kind != .semicolon }, iota: iota, resolve: resolve)
            let value = evaluator.expression(precedence: 1)
            guard let value, evaluator.index == evaluator.tokens.count else {
                return Outcome(value: nil, limit: evaluator.limit)
            }
            return Outcome(value: value, limit: nil)
        }
    }

    private init(tokens: [GoToken], iota: Int, resolve: @escaping (String) -> GoConstant?) {
        self.tokens = tokens
        self.iota = iota
        self.resolve = resolve
    }

    private var current: GoToken? { index < tokens.count ? tokens[index] : nil }

    private static func precedence(_ symbol: String) -> Int {
        switch symbol {
        case "||": 1
        case "&&": 2
        case "==", "!=", "<", "<=", ">", ">=": 3
        case "+", "-", "|", "^": 4
        case "*", "/", "%", "<<", ">>", "&", "&^": 5
        default: 0
        }
    }

    private mutating func expression(precedence minimum: Int) -> GoConstant? {
        guard enter() else { return nil }
        defer { depth -= 1 }
        guard var left = unary() else { return nil }
        while let token = current, token.kind == .operator {
            let precedence = Self.precedence(token.text)
            guard precedence >= minimum, precedence > 0 else { break }
            index += 1
            guard let right = expression(precedence: precedence + 1),
                let combined = binary(token.text, left, right)
            else { return nil }
            left = combined
        }
        return left
    }

    /// One level deeper; false (with the reason kept) past `Limit.goExpressionDepth`.
    private mutating func enter() -> Bool {
        depth += 1
        guard depth <= Limit.goExpressionDepth else {
            limit = limit ?? "expression nested more than \(Limit.goExpressionDepth) levels deep"
            return false
        }
        return true
    }

    private mutating func unary() -> GoConstant? {
        guard let token = current else { return nil }
        if token.kind == .operator, ["-", "+", "^", "!"].contains(token.text) {
            index += 1
            guard enter() else { return nil }
            defer { depth -= 1 }
            guard let operand = unary() else { return nil }
            switch (token.text, operand) {
            case ("-", .int(let value)):
                let (negated, overflow) = (0).subtractingReportingOverflow(value)
                return overflow ? nil : .int(negated)
            case ("+", .int): return operand
            case ("^", .int(let value)): return .int(~value)
            case ("!", .bool(let value)): return .bool(!value)
            default: return nil
            }
        }
        return primary()
    }

    private mutating func primary() -> GoConstant? {
        guard let token = current else { return nil }
        index += 1
        switch token.kind {
        case .int:
            return Self.integer(token.text).map(GoConstant.int)
        case .string:
            return .string(GoParser.unquote(token.text))
        case .rune:
            return GoParser.unquote(token.text).unicodeScalars.first.map { .int(Int($0.value)) }
        case .operator where token.text == "(":
            guard let inner = expression(precedence: 1), current?.isOperator(")") == true else { return nil }
            index += 1
            return inner
        case .identifier:
            if current?.isOperator("(") == true {
                // A conversion `T(x)`: integer and string types keep the value; unsigned types reject negatives.
                index += 1
                guard let inner = expression(precedence: 1), current?.isOperator(")") == true else { return nil }
                index += 1
                if Self.integerTypes.contains(token.text) {
                    guard case .int(let value) = inner else { return nil }
                    if token.text.hasPrefix("u") || token.text == "byte", value < 0 { return nil }
                    return inner
                }
                if token.text == "string" || token.text == "bool" { return inner }
                // A conversion to a type of this package: its underlying type is unknown here; keep the value.
                if case .int(let value) = inner, value < 0 { return nil }
                return inner
            }
            if current?.isOperator(".") == true { return nil }
            switch token.text {
            case "iota": return .int(iota)
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return resolve(token.text)
            }
        default:
            return nil
        }
    }

    private static func integer(_ text: String) -> Int? {
        let digits = text.replacingUnderscores()
        let lower = digits.lowercased()
        if lower.hasPrefix("0x") { return Int(lower.dropFirst(2), radix: 16) }
        if lower.hasPrefix("0o") { return Int(lower.dropFirst(2), radix: 8) }
        if lower.hasPrefix("0b") { return Int(lower.dropFirst(2), radix: 2) }
        if lower.count > 1, lower.hasPrefix("0") { return Int(lower.dropFirst(), radix: 8) }
        return Int(lower)
    }

    private mutating func binary(_ symbol: String, _ left: GoConstant, _ right: GoConstant) -> GoConstant? {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            switch symbol {
            case "+": return checked(a.addingReportingOverflow(b))
            case "-": return checked(a.subtractingReportingOverflow(b))
            case "*": return checked(a.multipliedReportingOverflow(by: b))
            case "/": return b == 0 ? nil : checked(a.dividedReportingOverflow(by: b))
            case "%": return b == 0 ? nil : checked(a.remainderReportingOverflow(dividingBy: b))
            case "<<":
                guard b >= 0 else { return nil }
                if a == 0 { return .int(0) }
                guard a > 0, b < 64, a.leadingZeroBitCount > b else { return nil }
                return .int(a << b)
            case ">>": return b >= 0 ? .int(a >> min(b, 63)) : nil
            case "&": return .int(a & b)
            case "|": return .int(a | b)
            case "^": return .int(a ^ b)
            case "&^": return .int(a & ~b)
            case "==": return .bool(a == b)
            case "!=": return .bool(a != b)
            case "<": return .bool(a < b)
            case "<=": return .bool(a <= b)
            case ">": return .bool(a > b)
            case ">=": return .bool(a >= b)
            default: return nil
            }
        case (.string(let a), .string(let b)):
            switch symbol {
            case "+":
                guard a.utf8.count + b.utf8.count <= Limit.goConstantBytes else {
                    limit = limit ?? "string longer than \(Limit.goConstantBytes) bytes"
                    return nil
                }
                return .string(a + b)
            case "==": return .bool(a == b)
            case "!=": return .bool(a != b)
            default: return nil
            }
        case (.bool(let a), .bool(let b)):
            switch symbol {
            case "&&": return .bool(a && b)
            case "||": return .bool(a || b)
            case "==": return .bool(a == b)
            case "!=": return .bool(a != b)
            default: return nil
            }
        default:
            return nil
        }
    }

    private func checked(_ result: (partialValue: Int, overflow: Bool)) -> GoConstant? {
        result.overflow ? nil : .int(result.partialValue)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
