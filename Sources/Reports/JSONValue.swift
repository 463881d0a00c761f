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
        var output: [UInt8] = []
        write(into: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the rendering as UTF-8 (a report's bytes are written, not a `String`: appending to a `String` costs
    /// several times more a byte).
    func write(into output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .string(let value): JSONValue.escape(value, into: &output)
        case .array(let values):
            if values.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(contentsOf: "[\n".utf8)
            for (index, value) in values.enumerated() {
                Self.spaces(indent + 2, into: &output)
                value.write(into: &output, indent: indent + 2)
                output.append(contentsOf: (index == values.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.spaces(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(contentsOf: "{\n".utf8)
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                Self.spaces(indent + 2, into: &output)
                JSONValue.escape(key, into: &output)
                output.append(contentsOf: ": ".utf8)
                members[key, default: .null].write(into: &output, indent: indent + 2)
                output.append(contentsOf: (index == keys.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.spaces(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string that reads back exactly and is inert when printed: every hidden character (`Inert.isHidden`:
    /// controls, bidi overrides, separators, default ignorables) as a `\u` escape, and the `[` of `##[` as `\u005b`.
    static func escape(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most texts are written as they are: their bytes are checked and copied whole.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard isPlain(bytes) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if copied == true {
            output.append(UInt8(ascii: "\""))
            return
        }
        var escaped = ""
        var hashes = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "[" where hashes >= 2: escaped += "\\u005b"
            case _ where Inert.isHidden(scalar):
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: escaped.unicodeScalars.append(scalar)
            }
            hashes = scalar == "#" ? hashes + 1 : 0
        }
        output.append(contentsOf: escaped.utf8)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `count` spaces.
    static func spaces(_ count: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// Whether `escape` writes `text` as it is: printable ASCII only, no quote or backslash, and no `[` after two
    /// `#` (most texts, so they are copied whole instead of a scalar at a time).
    private static func isPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var hashes = 0
        for byte in text {
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
    /// The UTF-8 written so far.
    private(set) var bytes: [UInt8] = []
    private var indent: Int
    /// Whether the open object or array has no member yet.
    private var empty = true

    /// A writer whose first value sits at `indent` (a value nested that deep in a `JSONValue` rendering).
    init(indent: Int = 0) {
        self.indent = indent
    }

    /// Opens an object; `members` writes its members (`key` then a value, keys sorted).
    mutating func object(_ members: (inout JSONWriter) -> Void) {
        container(UInt8(ascii: "{"), UInt8(ascii: "}"), members)
    }

    /// Opens an array; `elements` writes its elements (`element()` before each).
    mutating func array(_ elements: (inout JSONWriter) -> Void) {
        container(UInt8(ascii: "["), UInt8(ascii: "]"), elements)
    }

    /// The text written so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func container(_ open: UInt8, _ close: UInt8, _ body: (inout JSONWriter) -> Void) {
        bytes.append(open)
        let outer = empty
        empty = true
        indent += 2
        body(&self)
        indent -= 2
        if !empty {
            bytes.append(UInt8(ascii: "\n"))
            JSONValue.spaces(indent, into: &bytes)
        }
        bytes.append(close)
        empty = outer
    }

    /// Starts the next member of an object: its key.
    mutating func key(_ key: String) {
        element()
        JSONValue.escape(key, into: &bytes)
        bytes.append(contentsOf: ": ".utf8)
    }

    /// Starts the next element of an array.
    mutating func element() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        empty = false
        JSONValue.spaces(indent, into: &bytes)
    }

    mutating func string(_ value: String) {
        JSONValue.escape(value, into: &bytes)
    }

    /// A string, or null for nil.
    mutating func optional(_ value: String?) {
        if let value { JSONValue.escape(value, into: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func value(_ value: JSONValue) {
        value.write(into: &bytes, indent: indent)
    }

    /// Text already written by a writer at this depth.
    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// UTF-8 already written by a writer at this depth.
    mutating func raw(bytes text: [UInt8]) {
        bytes.append(contentsOf: text)
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
