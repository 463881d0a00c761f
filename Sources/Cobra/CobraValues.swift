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

/// The local names of a frame (by their numbers in its file) and what each holds. A function has few, so they are
/// kept in two arrays and found by a scan, without hashing; past `indexedFrom` names an index finds them.
struct CobraLocals: Sequence {
    private var names: [CobraLocalName] = []
    private var values: [CobraValues] = []
    private var index: [CobraLocalName: Int]?

    private static let indexedFrom = 24
    private static let initialCapacity = 8

    init() {}

    private func position(of name: CobraLocalName) -> Int? {
        if let index { return index[name] }
        return names.firstIndex(of: name)
    }

    subscript(name: CobraLocalName) -> CobraValues? {
        position(of: name).map { values[$0] }
    }

    /// Whether `name` is a local (`self[name] != nil` without copying its values).
    func contains(_ name: CobraLocalName) -> Bool {
        position(of: name) != nil
    }

    /// Makes `name` hold `value`.
    mutating func assign(_ value: CobraValues, to name: CobraLocalName) {
        if let existing = position(of: name) {
            values[existing] = value
            return
        }
        if names.isEmpty {
            // Room for a function's usual locals at once, not grown one by one.
            names.reserveCapacity(Self.initialCapacity)
            values.reserveCapacity(Self.initialCapacity)
        }
        names.append(name)
        values.append(value)
        if index != nil {
            index?[name] = names.count - 1
        } else if names.count > Self.indexedFrom {
            index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        }
    }

    /// Makes `name` no local (the enclosing scope had none of that name: what it names now is a package's).
    mutating func remove(_ name: CobraLocalName) {
        guard let existing = position(of: name) else { return }
        names.remove(at: existing)
        values.remove(at: existing)
        if index != nil { index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }) }
    }

    /// Adds `new` to what `name` holds.
    mutating func formUnion(_ new: CobraValues, for name: CobraLocalName) {
        if let existing = position(of: name) {
            values[existing].formUnion(new)
        } else {
            assign(new, to: name)
        }
    }

    func makeIterator() -> Zip2Sequence<[CobraLocalName], [CobraValues]>.Iterator {
        zip(names, values).makeIterator()
    }
}
