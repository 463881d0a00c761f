/// A cache that holds at most `capacity` bytes of values (by the cost each insertion states) and lets the least
/// recently used go first: a run over thousands of releases keeps what the next releases are likely to reuse (the
/// files that did not change) while memory follows the bound, not the history.
///
/// A value costing more than the whole capacity is not kept. Lookups and insertions are O(1).
public final class BoundedCache<Key: Hashable, Value> {
    private struct Entry {
        var value: Value
        var cost: Int
        var older: Int?
        var newer: Int?
        var key: Key
    }

    public let capacity: Int
    public private(set) var cost = 0
    private var slots: [Entry?] = []
    private var free: [Int] = []
    private var index: [Key: Int] = [:]
    /// The least and the most recently used slot.
    private var oldest: Int?
    private var newest: Int?

    public init(capacity: Int) {
        self.capacity = capacity
    }

    public var count: Int { index.count }

    /// The value for `key`, marked as just used; nil when absent.
    public subscript(key: Key) -> Value? {
        guard let slot = index[key], let entry = slots[slot] else { return nil }
        touch(slot)
        return entry.value
    }

    /// Keeps `value` for `key` at `cost` bytes, letting the least recently used entries go until the cache fits.
    public func insert(_ value: Value, for key: Key, cost: Int) {
        if let slot = index[key] { remove(slot) }
        let cost = max(cost, 1)
        guard cost <= capacity else { return }
        while self.cost + cost > capacity, let slot = oldest { remove(slot) }
        let entry = Entry(value: value, cost: cost, older: newest, newer: nil, key: key)
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
            slots[slot] = entry
        } else {
            slot = slots.count
            slots.append(entry)
        }
        if let newest { slots[newest]?.newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
        index[key] = slot
        self.cost += cost
    }

    private func touch(_ slot: Int) {
        guard newest != slot, let entry = slots[slot] else { return }
        unlink(slot, entry)
        slots[slot]?.older = newest
        slots[slot]?.newer = nil
        if let newest { slots[newest]?.newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }

    private func unlink(_ slot: Int, _ entry: Entry) {
        if let older = entry.older { slots[older]?.newer = entry.newer } else { oldest = entry.newer }
        if let newer = entry.newer { slots[newer]?.older = entry.older } else { newest = entry.older }
    }

    private func remove(_ slot: Int) {
        guard let entry = slots[slot] else { return }
        unlink(slot, entry)
        index[entry.key] = nil
        cost -= entry.cost
        slots[slot] = nil
        free.append(slot)
    }
}
