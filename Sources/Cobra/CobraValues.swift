/// A set of ``CobraValue``s, as an expression evaluates to (empty: unknown). Most hold none or one value (a string, a
/// command, an instance): those are kept without a hash table, so evaluating them allocates, hashes and frees nothing.
/// Larger ones are a `Set`. Each set has one form (none and one are never a `Set`), so equal sets compare equal.
struct CobraValues: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    private enum Storage: Sendable, Hashable {
        case none
        case one(CobraValue)
        case many(Set<CobraValue>)
    }

    private var storage: Storage

    init() { storage = .none }

    init(_ value: CobraValue) { storage = .one(value) }

    init(arrayLiteral elements: CobraValue...) {
        self.init(elements)
    }

    init<S: Sequence>(_ elements: S) where S.Element == CobraValue {
        storage = .none
        for element in elements { insert(element) }
    }

    var isEmpty: Bool {
        if case .none = storage { return true }
        return false
    }

    var count: Int {
        switch storage {
        case .none: return 0
        case .one: return 1
        case .many(let set): return set.count
        }
    }

    /// The value when the set holds exactly one.
    var only: CobraValue? {
        if case .one(let value) = storage { return value }
        return nil
    }

    func contains(_ value: CobraValue) -> Bool {
        switch storage {
        case .none: return false
        case .one(let held): return held == value
        case .many(let set): return set.contains(value)
        }
    }

    /// Adds `value`; true when it was not there.
    @discardableResult
    mutating func insert(_ value: CobraValue) -> Bool {
        switch storage {
        case .none:
            storage = .one(value)
            return true
        case .one(let held):
            guard held != value else { return false }
            storage = .many([held, value])
            return true
        case .many(var set):
            storage = .none
            let inserted = set.insert(value).inserted
            storage = .many(set)
            return inserted
        }
    }

    mutating func formUnion(_ other: CobraValues) {
        switch other.storage {
        case .none:
            return
        case .one(let value):
            insert(value)
        case .many(let set):
            switch storage {
            case .none:
                storage = other.storage
            case .one(let held):
                var union = set
                union.insert(held)
                storage = .many(union)
            case .many(var mine):
                storage = .none
                mine.formUnion(set)
                storage = .many(mine)
            }
        }
    }

    func union(_ other: CobraValues) -> CobraValues {
        var result = self
        result.formUnion(other)
        return result
    }

    func isSubset(of other: CobraValues) -> Bool {
        switch storage {
        case .none: return true
        case .one(let value): return other.contains(value)
        case .many(let set):
            switch other.storage {
            case .none, .one: return false
            case .many(let otherSet): return set.isSubset(of: otherSet)
            }
        }
    }

    func makeIterator() -> Iterator {
        switch storage {
        case .none: return Iterator(single: nil, set: nil)
        case .one(let value): return Iterator(single: value, set: nil)
        case .many(let set): return Iterator(single: nil, set: set.makeIterator())
        }
    }

    /// Iterates over the values: the one value, or the set's.
    struct Iterator: IteratorProtocol {
        fileprivate var single: CobraValue?
        fileprivate var set: Set<CobraValue>.Iterator?

        mutating func next() -> CobraValue? {
            if let value = single {
                single = nil
                return value
            }
            return set?.next()
        }
    }
}
