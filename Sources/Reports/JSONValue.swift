/// A JSON value with a deterministic rendering: keys sorted, two-space indent, `\n` at the end.
public enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(nilLiteral: ()) { self = .null }

    /// A string, or null for nil.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The pretty, sorted rendering.
    public var rendered: String {
        var output = ""
        write(into: &output, indent: 0)
        return output + "\n"
    }

    func write(into output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .string(let value): JSONValue.escape(value, into: &output)
        case .array(let values):
            if values.isEmpty {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, value) in values.enumerated() {
                output += Self.spaces(indent + 2)
                value.write(into: &output, indent: indent + 2)
                output += index == values.count - 1 ? "\n" : ",\n"
            }
            output += Self.spaces(indent)
            output += "]"
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            output += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                output += Self.spaces(indent + 2)
                JSONValue.escape(key, into: &output)
                output += ": "
                members[key, default: .null].write(into: &output, indent: indent + 2)
                output += index == keys.count - 1 ? "\n" : ",\n"
            }
            output += Self.spaces(indent)
            output += "}"
        }
    }

    /// A JSON string that reads back exactly and is inert when printed: every hidden character (`Inert.isHidden`:
    /// controls, bidi overrides, separators, default ignorables) as a `\u` escape, and the `[` of `##[` as `\u005b`.
    static func escape(_ text: String, into output: inout String) {
        output += "\""
        if isPlain(text) {
            output += text
            output += "\""
            return
        }
        var hashes = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "[" where hashes >= 2: output += "\\u005b"
            case _ where Inert.isHidden(scalar):
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: output.unicodeScalars.append(scalar)
            }
            hashes = scalar == "#" ? hashes + 1 : 0
        }
        output += "\""
    }

    private static let indentation = String(repeating: " ", count: 128)

    /// `count` spaces, without building a string for each line of a deep report.
    static func spaces(_ count: Int) -> Substring {
        count <= indentation.utf8.count
            ? indentation.prefix(count) : Substring(String(repeating: " ", count: count))
    }

    /// Whether `escape` writes `text` as it is: printable ASCII only, no quote or backslash, and no `[` after two
    /// `#` (most texts, so they are copied whole instead of a scalar at a time).
    private static func isPlain(_ text: String) -> Bool {
        var hashes = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else {
                return false
            }
            if byte == UInt8(ascii: "["), hashes >= 2 { return false }
            hashes = byte == UInt8(ascii: "#") ? hashes + 1 : 0
        }
        return true
    }
}

/// Writes JSON in `JSONValue`'s layout (two-space indent, `{}` and `[]` when empty) without building values first:
/// for large reports, whose members are known in advance. The caller writes an object's keys in sorted order.
struct JSONWriter {
    private(set) var output = ""
    private var indent: Int
    /// Whether the open object or array has no member yet.
    private var empty = true

    /// A writer whose first value sits at `indent` (a value nested that deep in a `JSONValue` rendering).
    init(indent: Int = 0) {
        self.indent = indent
    }

    /// Opens an object; `members` writes its members (`key` then a value, keys sorted).
    mutating func object(_ members: (inout JSONWriter) -> Void) {
        container("{", "}", members)
    }

    /// Opens an array; `elements` writes its elements (`element()` before each).
    mutating func array(_ elements: (inout JSONWriter) -> Void) {
        container("[", "]", elements)
    }

    private mutating func container(_ open: String, _ close: String, _ body: (inout JSONWriter) -> Void) {
        output += open
        let outer = empty
        empty = true
        indent += 2
        body(&self)
        indent -= 2
        if !empty {
            output += "\n"
            output += JSONValue.spaces(indent)
        }
        output += close
        empty = outer
    }

    /// Starts the next member of an object: its key.
    mutating func key(_ key: String) {
        element()
        JSONValue.escape(key, into: &output)
        output += ": "
    }

    /// Starts the next element of an array.
    mutating func element() {
        output += empty ? "\n" : ",\n"
        empty = false
        output += JSONValue.spaces(indent)
    }

    mutating func string(_ value: String) {
        JSONValue.escape(value, into: &output)
    }

    /// A string, or null for nil.
    mutating func optional(_ value: String?) {
        if let value { JSONValue.escape(value, into: &output) } else { output += "null" }
    }

    mutating func bool(_ value: Bool) {
        output += value ? "true" : "false"
    }

    mutating func value(_ value: JSONValue) {
        value.write(into: &output, indent: indent)
    }

    /// Text already written by a writer at this depth.
    mutating func raw(_ text: String) {
        output += text
    }

    /// A member `key` with the string `value`.
    mutating func member(_ key: String, _ value: String) {
        self.key(key)
        string(value)
    }

    /// A member `key` with the string `value`, or null.
    mutating func member(_ key: String, optional value: String?) {
        self.key(key)
        optional(value)
    }
}
