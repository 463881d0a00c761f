/// A cache that holds at most `capacity` bytes of values (by the cost each insertion states) and lets the least
/// recently used go first: a run over thousands of releases keeps what the next releases are likely to reuse (the
/// files that did not change) while memory follows the bound, not the history.
///
/// A value costing more than the whole capacity is not kept. Lookups and insertions are O(1). The recency list
/// lives in arrays of slot numbers apart from the keys and values, so a lookup copies one value and nothing else;
/// the code is inlinable so that each client specialises it for its key and value types.
public final class BoundedCache<Key: Hashable, Value> {
    public let capacity: Int
    /// The bytes held, by the costs stated.
    public var cost: Int { held }
    @usableFromInline var held = 0
    @usableFromInline var values: [Value?] = []
    @usableFromInline var keys: [Key?] = []
    @usableFromInline var costs: [Int] = []
    /// The neighbours of each slot in the recency list (-1: none).
    @usableFromInline var older: [Int] = []
    @usableFromInline var newer: [Int] = []
    @usableFromInline var free: [Int] = []
    @usableFromInline var index: [Key: Int] = [:]
    /// The least and the most recently used slot (-1: none).
    @usableFromInline var oldest = -1
    @usableFromInline var newest = -1

    public init(capacity: Int) {
        self.capacity = capacity
    }

    public var count: Int { index.count }

    /// The value for `key`, marked as just used; nil when absent.
    @inlinable
    public subscript(key: Key) -> Value? {
        guard let slot = index[key] else { return nil }
        touch(slot)
        return values[slot]
    }

    /// Keeps `value` for `key` at `cost` bytes, letting the least recently used entries go until the cache fits.
    @inlinable
    public func insert(_ value: Value, for key: Key, cost: Int) {
        if let slot = index[key] { remove(slot) }
        let cost = max(cost, 1)
        guard cost <= capacity else { return }
        while held + cost > capacity, oldest >= 0 { remove(oldest) }
        let slot: Int
        if let reused = free.popLast() {
            slot = reused
            values[slot] = value
            keys[slot] = key
            costs[slot] = cost
        } else {
            slot = values.count
            values.append(value)
            keys.append(key)
            costs.append(cost)
            older.append(-1)
            newer.append(-1)
        }
        link(slot)
        index[key] = slot
        held += cost
    }

    /// Makes `slot` the most recently used.
    @inlinable
    func touch(_ slot: Int) {
        guard newest != slot else { return }
        unlink(slot)
        link(slot)
    }

    /// Puts an unlinked `slot` at the newest end of the recency list.
    @inlinable
    func link(_ slot: Int) {
        older[slot] = newest
        newer[slot] = -1
        if newest >= 0 { newer[newest] = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }

    @inlinable
    func unlink(_ slot: Int) {
        let before = older[slot]
        let after = newer[slot]
        if before >= 0 { newer[before] = after } else { oldest = after }
        if after >= 0 { older[after] = before } else { newest = before }
    }

    @inlinable
    func remove(_ slot: Int) {
        guard let key = keys[slot] else { return }
        unlink(slot)
        index[key] = nil
        held -= costs[slot]
        values[slot] = nil
        keys[slot] = nil
        free.append(slot)
    }
}
