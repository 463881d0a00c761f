/// Order and equality for text that comes from a repository: by UTF-8 bytes, as Go compares strings.
///
/// Swift's own `<` on strings does not order every pair it calls unequal: `"e\u{301}"` (e and a combining acute)
/// and `"é0"` are neither less nor greater than each other, so a sort with it puts such text wherever the input
/// happened to have it, and output would change from run to run with the order of a hashed set. Byte order is total,
/// agrees with `<` on ASCII and NFC text, and is how Go (and a terminal, and `sort` in the C locale) compares.
public enum Bytewise {
    /// Whether `lhs` comes before `rhs` by UTF-8 bytes.
    @inlinable
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Whether `lhs` comes before `rhs`, comparing the strings of each in turn by UTF-8 bytes.
    @inlinable
    public static func precedes(_ lhs: [String], _ rhs: [String]) -> Bool {
        for (left, right) in zip(lhs, rhs) where !left.utf8.elementsEqual(right.utf8) {
            return precedes(left, right)
        }
        return lhs.count < rhs.count
    }

    /// Whether two strings hold the same bytes. Swift's `==` takes canonically equivalent text as equal (`"\u{e9}"`
    /// and `"e\u{301}"`), which a user typing one of them does not: Go's flag and argument lookups compare bytes.
    @inlinable
    public static func same(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let lhs, let rhs else { return lhs == nil && rhs == nil }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Whether two attribute dictionaries have the same names with the same bytes for each value.
    @inlinable
    public static func same(_ lhs: [String: String], _ rhs: [String: String]) -> Bool {
        lhs.count == rhs.count && lhs.allSatisfy { name, value in same(value, rhs[name]) }
    }
}

extension Sequence where Element == String {
    /// The strings sorted by UTF-8 bytes (`Bytewise`): the same order in every run, whatever the input's order.
    @inlinable
    public func sortedByBytes() -> [String] { sorted(by: Bytewise.precedes) }
}
