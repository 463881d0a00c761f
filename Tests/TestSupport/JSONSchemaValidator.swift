import Foundation

/// A parsed JSON document that keeps what JSON Schema needs: integers apart from other numbers, booleans apart
/// from numbers, and object members in document order.
public indirect enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double, isInteger: Bool)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a, _), .number(let b, _)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.allSatisfy { member in b.contains { $0.0 == member.0 && $0.1 == member.1 } }
        default: return false
        }
    }

    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Parses `text`, rejecting trailing data, duplicate keys and anything that is not RFC 8259 JSON.
    public static func parse(_ text: String) throws -> JSON {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.scalars.count else { throw parser.error("trailing data") }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        func error(_ message: String) -> JSONSchemaError {
            JSONSchemaError(path: "offset \(index)", message: "invalid JSON: \(message)")
        }

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
        }

        mutating func expect(_ word: String) throws {
            for scalar in word.unicodeScalars {
                guard index < scalars.count, scalars[index] == scalar else { throw error("expected \(word)") }
                index += 1
            }
        }

        mutating func value() throws -> JSON {
            skipSpace()
            guard index < scalars.count else { throw error("unexpected end") }
            switch scalars[index] {
            case "n":
                try expect("null")
                return .null
            case "t":
                try expect("true")
                return .bool(true)
            case "f":
                try expect("false")
                return .bool(false)
            case "\"": return .string(try string())
            case "[":
                index += 1
                var elements: [JSON] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "]" {
                    index += 1
                    return .array([])
                }
                while true {
                    elements.append(try value())
                    skipSpace()
                    guard index < scalars.count else { throw error("unclosed array") }
                    index += 1
                    if scalars[index - 1] == "]" { return .array(elements) }
                    guard scalars[index - 1] == "," else { throw error("expected , or ]") }
                }
            case "{":
                index += 1
                var members: [(String, JSON)] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "}" {
                    index += 1
                    return .object([])
                }
                while true {
                    skipSpace()
                    guard index < scalars.count, scalars[index] == "\"" else { throw error("expected a key") }
                    let key = try string()
                    guard !members.contains(where: { $0.0 == key }) else { throw error("duplicate key \(key)") }
                    skipSpace()
                    try expect(":")
                    members.append((key, try value()))
                    skipSpace()
                    guard index < scalars.count else { throw error("unclosed object") }
                    index += 1
                    if scalars[index - 1] == "}" { return .object(members) }
                    guard scalars[index - 1] == "," else { throw error("expected , or }") }
                }
            default: return try number()
            }
        }

        mutating func string() throws -> String {
            index += 1
            var output = ""
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                switch scalar {
                case "\"": return output
                case "\\":
                    guard index < scalars.count else { throw error("unfinished escape") }
                    let escaped = scalars[index]
                    index += 1
                    switch escaped {
                    case "\"", "\\", "/": output.unicodeScalars.append(escaped)
                    case "b": output += "\u{8}"
                    case "f": output += "\u{C}"
                    case "n": output += "\n"
                    case "r": output += "\r"
                    case "t": output += "\t"
                    case "u":
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code) {
                            try expect("\\u")
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("lone surrogate") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let decoded = Unicode.Scalar(code) else { throw error("bad \\u escape") }
                        output.unicodeScalars.append(decoded)
                    default: throw error("bad escape \\\(escaped)")
                    }
                case _ where scalar.value < 0x20: throw error("raw control character in a string")
                default: output.unicodeScalars.append(scalar)
                }
            }
            throw error("unclosed string")
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= scalars.count,
                let code = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16)
            else { throw error("bad \\u escape") }
            index += 4
            return code
        }

        mutating func number() throws -> JSON {
            let start = index
            while index < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[index]) { index += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            guard text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil,
                let number = Double(text)
            else { throw error("bad value '\(text)'") }
            return .number(number, isInteger: number.rounded() == number)
        }
    }
}

/// A place in the instance where it does not satisfy the schema, or a schema the validator cannot read.
public struct JSONSchemaError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// A JSON Schema validator for exactly the keywords the SARIF 2.1.0 schema (draft-07) and semgate's published
/// schemas (`docs/schemas`, draft 2020-12) use.
///
/// It understands `$ref` (to `#`, `#/definitions/…` and `#/$defs/…`), `definitions`, `$defs`, `type`,
/// `properties`, `required`, `additionalProperties`, `enum`, `const`, `items` (one schema for every element),
/// `minItems`, `uniqueItems`, `minimum`, `maximum`, `pattern`, `format` (`uri`, `uri-reference`, `date-time`,
/// loosely), `oneOf` and `anyOf`, and ignores the annotations (`description`, `default`, `title`, `$schema`, `id`,
/// `$id`). Any other keyword is an error, so a schema it cannot fully check never passes silently.
public struct JSONSchemaValidator {
    public let root: JSON

    public init(root: JSON) {
        self.root = root
    }

    static let understood: Set<String> = [
        "$ref", "definitions", "$defs", "type", "properties", "required", "additionalProperties", "enum", "const",
        "items", "minItems", "uniqueItems", "minimum", "maximum", "pattern", "format", "oneOf", "anyOf",
    ]
    static let annotations: Set<String> = ["description", "default", "title", "$schema", "id", "$id"]

    /// Every problem of `instance`, or none when it is valid.
    public func validate(_ instance: JSON) throws -> [JSONSchemaError] {
        try validate(instance, against: root, at: "$")
    }

    private func resolve(_ reference: String) throws -> JSON {
        if reference == "#" { return root }
        for folder in ["definitions", "$defs"] where reference.hasPrefix("#/\(folder)/") {
            if let definition = root[folder]?[String(reference.dropFirst(folder.count + 3))] { return definition }
        }
        throw JSONSchemaError(path: reference, message: "unsupported or dangling $ref")
    }

    private func validate(_ instance: JSON, against schema: JSON, at path: String) throws -> [JSONSchemaError] {
        if case .bool(let allowed) = schema {
            return allowed ? [] : [JSONSchemaError(path: path, message: "no value is allowed here")]
        }
        guard case .object(let keywords) = schema else {
            throw JSONSchemaError(path: path, message: "a schema must be an object or a boolean")
        }
        var problems: [JSONSchemaError] = []
        for (keyword, value) in keywords {
            guard !Self.annotations.contains(keyword) else { continue }
            guard Self.understood.contains(keyword) else {
                throw JSONSchemaError(path: path, message: "the validator does not understand the keyword '\(keyword)'")
            }
            problems += try check(keyword, value, instance, schema: schema, at: path)
        }
        return problems
    }

    private func check(_ keyword: String, _ value: JSON, _ instance: JSON, schema: JSON, at path: String) throws
        -> [JSONSchemaError]
    {
        func fail(_ message: String) -> [JSONSchemaError] { [JSONSchemaError(path: path, message: message)] }
        switch keyword {
        case "definitions", "$defs":
            return []
        case "$ref":
            guard case .string(let reference) = value else { throw JSONSchemaError(path: path, message: "bad $ref") }
            return try validate(instance, against: try resolve(reference), at: path)
        case "type":
            let names: [String]
            switch value {
            case .string(let name): names = [name]
            case .array(let list): names = list.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: throw JSONSchemaError(path: path, message: "bad type keyword")
            }
            return names.contains(where: { Self.has(instance, type: $0) })
                ? [] : fail("expected \(names.joined(separator: " or ")), found \(Self.typeName(instance))")
        case "properties":
            guard case .object(let members) = instance, case .object(let schemas) = value else { return [] }
            var problems: [JSONSchemaError] = []
            for (name, member) in members {
                if let propertySchema = schemas.first(where: { $0.0 == name })?.1 {
                    problems += try validate(member, against: propertySchema, at: "\(path).\(name)")
                }
            }
            return problems
        case "additionalProperties":
            guard case .object(let members) = instance else { return [] }
            var declared: Set<String> = []
            if case .object(let properties)? = schema["properties"] { declared = Set(properties.map(\.0)) }
            var problems: [JSONSchemaError] = []
            for (name, member) in members where !declared.contains(name) {
                if case .bool(false) = value {
                    problems += fail("property '\(name)' is not allowed")
                } else {
                    problems += try validate(member, against: value, at: "\(path).\(name)")
                }
            }
            return problems
        case "required":
            guard case .object(let members) = instance, case .array(let names) = value else { return [] }
            return names.compactMap { name -> JSONSchemaError? in
                guard case .string(let name) = name, !members.contains(where: { $0.0 == name }) else { return nil }
                return JSONSchemaError(path: path, message: "missing required property '\(name)'")
            }
        case "enum":
            guard case .array(let allowed) = value else { throw JSONSchemaError(path: path, message: "bad enum") }
            return allowed.contains(instance) ? [] : fail("value is not one of the enumerated values")
        case "const":
            return instance == value ? [] : fail("value is not the constant the schema requires")
        case "items":
            guard case .array(let elements) = instance else { return [] }
            var problems: [JSONSchemaError] = []
            for (index, element) in elements.enumerated() {
                problems += try validate(element, against: value, at: "\(path)[\(index)]")
            }
            return problems
        case "minItems":
            guard case .array(let elements) = instance, case .number(let minimum, _) = value else { return [] }
            return Double(elements.count) >= minimum ? [] : fail("fewer than \(Int(minimum)) items")
        case "uniqueItems":
            guard case .array(let elements) = instance, case .bool(true) = value else { return [] }
            for (index, element) in elements.enumerated() where elements[..<index].contains(element) {
                return fail("item \(index) repeats an earlier item")
            }
            return []
        case "minimum", "maximum":
            guard case .number(let number, _) = instance, case .number(let bound, _) = value else { return [] }
            let ok = keyword == "minimum" ? number >= bound : number <= bound
            return ok ? [] : fail("\(number) is \(keyword == "minimum" ? "below the minimum" : "above the maximum")")
        case "pattern":
            guard case .string(let text) = instance, case .string(let pattern) = value else { return [] }
            let expression = try NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            return expression.firstMatch(in: text, range: range) != nil ? [] : fail("does not match \(pattern)")
        case "format":
            guard case .string(let text) = instance, case .string(let format) = value else { return [] }
            return Self.matches(text, format: format) ? [] : fail("'\(text)' is not a valid \(format)")
        case "oneOf", "anyOf":
            guard case .array(let alternatives) = value else {
                throw JSONSchemaError(path: path, message: "bad \(keyword)")
            }
            let passing = try alternatives.filter { try validate(instance, against: $0, at: path).isEmpty }.count
            if keyword == "anyOf" { return passing > 0 ? [] : fail("matches none of anyOf") }
            return passing == 1 ? [] : fail("matches \(passing) of oneOf, not exactly one")
        default:
            throw JSONSchemaError(path: path, message: "the validator does not understand the keyword '\(keyword)'")
        }
    }

    private static func has(_ instance: JSON, type: String) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            return true
        case ("integer", .number(_, let isInteger)): return isInteger
        default: return false
        }
    }

    private static func typeName(_ instance: JSON) -> String {
        switch instance {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Loose checks: no whitespace or control characters in URIs (and a scheme for `uri`); an RFC 3339 shape for
    /// `date-time`. An unknown format is an error of the schema, not a pass.
    private static func matches(_ text: String, format: String) -> Bool {
        let clean = !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" }
        switch format {
        case "uri": return clean && text.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.-]*:/) != nil
        case "uri-reference": return clean
        case "date-time":
            return text.wholeMatch(
                of: /[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})/)
                != nil
        default: return false
        }
    }
}
