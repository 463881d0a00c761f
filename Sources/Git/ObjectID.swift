import CLibgit2

/// A git object id (SHA-1), held by value so it can cross threads and key dictionaries.
///
/// The 20 bytes are held inline, most significant first, so copying one retains nothing and hashing one reads 20
/// bytes; the order is that of the hexadecimal text.
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        (high, middle, low) = withUnsafeBytes(of: oid.id) { Self.words($0) }
    }

    private init(bytes: [UInt8]) {
        (high, middle, low) = bytes.withUnsafeBytes { Self.words($0) }
    }

    private static func words(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64, UInt32) {
        func word(_ range: Range<Int>) -> UInt64 {
            var value: UInt64 = 0
            for index in range where index < bytes.count { value = value << 8 | UInt64(bytes[index]) }
            return value
        }
        return (word(0..<8), word(8..<16), UInt32(truncatingIfNeeded: word(16..<20)))
    }

    /// An id from its 40 hexadecimal digits (values built in memory, such as rule examples); nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 40, digits.allSatisfy({ $0.hexValue != nil }) else { return nil }
        self.init(
            bytes: (0..<20).map { ($0 * 2, $0 * 2 + 1) }.map { high, low in
                (digits[high].hexValue ?? 0) << 4 | (digits[low].hexValue ?? 0)
            })
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// The 20 bytes, most significant first.
    private var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: middle >> (56 - 8 * $0)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: low >> (24 - 8 * $0)) }
    }

    /// The 40 lowercase hexadecimal digits of the id.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    /// The id as libgit2 takes it.
    var raw: git_oid {
        var oid = git_oid()
        let bytes = self.bytes
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            for index in 0..<min(buffer.count, bytes.count) { buffer[index] = bytes[index] }
        }
        return oid
    }

    /// The id git gives a blob holding `bytes` (a SHA-1 over a short header and the bytes): a digest of any data,
    /// such as a cache entry, that changes when one byte does.
    public init(hashing bytes: [UInt8]) {
        var oid = git_oid()
        _ = bytes.withUnsafeBytes { buffer in git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB) }
        self.init(oid)
    }

    /// An id from its 20 bytes, most significant first; nil for any other count.
    public init?(rawBytes: [UInt8]) {
        guard rawBytes.count == 20 else { return nil }
        self.init(bytes: rawBytes)
    }

    /// The 20 bytes, most significant first.
    public var rawBytes: [UInt8] { bytes }

    /// The first seven digits, as people read them.
    public var short: String { String(hex.prefix(7)) }
    public var description: String { hex }
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }
}

extension UInt8 {
    /// The value of a hexadecimal digit (either case), nil for anything else.
    fileprivate var hexValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return self - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
