/// An order for text that comes from a repository: by UTF-8 bytes.
///
/// Swift's own `<` on strings does not order every pair it calls unequal: `"e\u{301}"` (e and a combining acute)
/// and `"é0"` are neither less nor greater than each other, so a sort with it puts such text wherever the input
/// happened to have it, and output would change from run to run with the order of a hashed set. Byte order is total,
/// agrees with `<` on ASCII and NFC text, and is how Go (and a terminal, and `sort` in the C locale) compares.
public enum TextOrder {
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
}

extension Sequence where Element == String {
    /// The strings sorted by UTF-8 bytes (`TextOrder`): the same order in every run, whatever the input's order.
    @inlinable
    public func sortedByBytes() -> [String] { sorted(by: TextOrder.precedes) }
}
