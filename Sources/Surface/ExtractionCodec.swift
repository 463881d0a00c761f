import Foundation
import Git
import Pattern
import Policy

/// Bytes of the persistent extraction cache, written in one order so that equal values give equal bytes (the digest
/// of a group of items names its file).
struct CacheEncoder {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: Int) {
        let word = UInt32(truncatingIfNeeded: value)
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
    }

    mutating func i64(_ value: Int) {
        let word = UInt64(bitPattern: Int64(value))
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
    }

    mutating func string(_ text: String) {
        u32(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    mutating func id(_ id: ObjectID) { raw(id.rawBytes) }

    /// Items in their order; attributes sorted by name.
    mutating func items(_ items: [RawItem]) {
        u32(items.count)
        for item in items {
            string(item.key)
            u32(item.attributes.count)
            for (name, value) in item.attributes.sorted(by: { $0.key < $1.key }) {
                string(name)
                string(value)
            }
            u8(Self.code(of: item.stability))
            location(item.location)
        }
    }

    mutating func location(_ location: Location?) {
        guard let location else { return u8(0) }
        if let line = location.line {
            u8(2)
            string(location.path)
            i64(line)
        } else {
            u8(1)
            string(location.path)
        }
    }

    static func code(of stability: Stability) -> UInt8 {
        switch stability {
        case .stable: return 0
        case .experimental: return 1
        case .deprecated: return 2
        }
    }
}

/// Reads what `CacheEncoder` wrote, from bytes nobody vouches for: every count and length is checked against the
/// bytes left (an element takes at least one byte), and any fault gives nil, never a trap.
struct CacheDecoder {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }
    private var left: Int { bytes.count - offset }

    mutating func u8() -> UInt8? {
        guard left >= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() -> Int? {
        guard left >= 4 else { return nil }
        var value = 0
        for index in offset..<offset + 4 { value = value << 8 | Int(bytes[index]) }
        offset += 4
        return value
    }

    mutating func i64() -> Int? {
        guard left >= 8 else { return nil }
        var value: UInt64 = 0
        for index in offset..<offset + 8 { value = value << 8 | UInt64(bytes[index]) }
        offset += 8
        return Int(Int64(bitPattern: value))
    }

    /// A count of elements that each take at least `minimum` bytes, or nil when fewer bytes are left.
    mutating func count(minimum: Int = 1) -> Int? {
        guard let count = u32(), count <= left / max(1, minimum) else { return nil }
        return count
    }

    mutating func raw(_ length: Int) -> [UInt8]? {
        guard length >= 0, left >= length else { return nil }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    /// Text as written; bytes that are not UTF-8 (only a planted file can hold them: what semgate writes is checked
    /// against its digest) are repaired as Swift repairs any decoding, never trusted as anything but text.
    mutating func string() -> String? {
        guard let length = u32(), left >= length else { return nil }
        defer { offset += length }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + length]), as: UTF8.self)
        }
    }

    mutating func id() -> ObjectID? {
        raw(20).flatMap(ObjectID.init(rawBytes:))
    }

    mutating func items() -> [RawItem]? {
        guard let count = count(minimum: 10) else { return nil }
        var items: [RawItem] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            guard let key = string(), let attributeCount = self.count(minimum: 8) else { return nil }
            var attributes: [String: String] = [:]
            for _ in 0..<attributeCount {
                guard let name = string(), let value = string() else { return nil }
                attributes[name] = value
            }
            guard let stability = u8().flatMap(Self.stability(code:)), let location = location() else { return nil }
            items.append(RawItem(key: key, attributes: attributes, stability: stability, location: location))
        }
        return items
    }

    /// A location (nil inside when none was written); nil outside for bad bytes.
    mutating func location() -> Location?? {
        switch u8() {
        case 0?: return .some(nil)
        case 1?: return string().map { Location(path: $0) }
        case 2?:
            guard let path = string(), let line = i64() else { return nil }
            return Location(path: path, line: line)
        default: return nil
        }
    }

    static func stability(code: UInt8) -> Stability? {
        switch code {
        case 0: return .stable
        case 1: return .experimental
        case 2: return .deprecated
        default: return nil
        }
    }
}

/// An extractor's settings as text for the persistent cache's key: every stored property, walked by reflection so a
/// setting added later is part of the key without anyone remembering to add it. Dictionaries and sets are sorted;
/// patterns and globs are their source text. A value reflection cannot show (a closure, an opaque type) makes the
/// whole text nil: that extractor is then not cached.
enum SettingsText {
    static func of(_ value: Any) -> String? {
        var text = ""
        return write(value, into: &text, depth: 0) ? text : nil
    }

    private static func write(_ value: Any, into text: inout String, depth: Int) -> Bool {
        guard depth < 64 else { return false }
        switch value {
        case let pattern as Pattern:
            text += "Pattern(" + quoted(pattern.source) + ")"
            return true
        case let glob as Glob:
            text += "Glob(" + quoted(glob.pattern) + ")"
            return true
        case let string as String:
            text += quoted(string)
            return true
        case let character as Character:
            text += "Character(" + quoted(String(character)) + ")"
            return true
        case is Bool, is Int, is Int8, is Int16, is Int32, is Int64, is UInt, is UInt8, is UInt16, is UInt32, is UInt64,
            is Double, is Float:
            text += "\(type(of: value))(\(value))"
            return true
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        let typeName = String(reflecting: type(of: value))
        switch mirror.displayStyle {
        case .struct?, .class?, .tuple?:
            text += typeName + "{"
            var current: Mirror? = mirror
            while let level = current {
                for child in level.children {
                    text += (child.label ?? "_") + "="
                    guard write(child.value, into: &text, depth: depth + 1) else { return false }
                    text += ";"
                }
                current = level.superclassMirror
            }
            text += "}"
            return true
        case .enum?:
            text += typeName + "."
            guard let payload = mirror.children.first else {
                text += String(describing: value)
                return true
            }
            text += (payload.label ?? "_") + "("
            guard write(payload.value, into: &text, depth: depth + 1) else { return false }
            text += ")"
            return true
        case .optional?:
            guard let wrapped = mirror.children.first else {
                text += "nil"
                return true
            }
            return write(wrapped.value, into: &text, depth: depth + 1)
        case .collection?:
            text += "["
            for child in mirror.children {
                guard write(child.value, into: &text, depth: depth + 1) else { return false }
                text += ","
            }
            text += "]"
            return true
        case .dictionary?, .set?:
            var parts: [String] = []
            for child in mirror.children {
                var part = ""
                guard write(child.value, into: &part, depth: depth + 1) else { return false }
                parts.append(part)
            }
            text += typeName + "{" + parts.sorted().joined(separator: ",") + "}"
            return true
        default:
            return false
        }
    }

    private static func quoted(_ string: String) -> String {
        "\(string.utf8.count):" + string
    }
}
