/// Simple (one scalar to one scalar) case folding, as used by case-insensitive matching.
enum CaseFolding {
    /// Orbits of every cased scalar: the scalars that fold together, sorted, each including its key.
    struct Table: Sendable {
        let orbits: [UInt32: [UInt32]]
        let sortedKeys: [UInt32]

        func firstKeyIndex(atLeast scalar: UInt32) -> Int {
            var low = 0
            var high = sortedKeys.count
            while low < high {
                let middle = (low + high) / 2
                if sortedKeys[middle] < scalar { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// Built on first use from the Unicode properties of the standard library (a few milliseconds).
    static let table: Table = buildTable()

    /// The scalars equivalent to `scalar` ignoring case, including `scalar` itself.
    static func orbit(of scalar: UInt32) -> [UInt32] {
        switch scalar {
        case 0x4B, 0x6B: return [0x4B, 0x6B, 0x212A]  // K k and KELVIN SIGN
        case 0x53, 0x73: return [0x53, 0x73, 0x17F]  // S s and LATIN SMALL LETTER LONG S
        case 0x41...0x5A: return [scalar, scalar + 0x20]
        case 0x61...0x7A: return [scalar - 0x20, scalar]
        case 0...0x7F: return [scalar]
        default: return table.orbits[scalar] ?? [scalar]
        }
    }

    private static func buildTable() -> Table {
        var parent: [UInt32: UInt32] = [:]
        func root(_ scalar: UInt32) -> UInt32 {
            var current = scalar
            while let next = parent[current], next != current { current = next }
            return current
        }
        func union(_ a: UInt32, _ b: UInt32) {
            let rootA = root(a)
            let rootB = root(b)
            parent[rootA] = parent[rootA] ?? rootA
            parent[rootB] = rootA
        }
        func single(_ mapping: String) -> UInt32? {
            let scalars = mapping.unicodeScalars
            guard scalars.count == 1, let only = scalars.first else { return nil }
            return only.value
        }
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseFolded else { continue }
            if let lower = single(scalar.properties.lowercaseMapping), lower != value {
                union(lower, value)
            } else if let upper = single(scalar.properties.uppercaseMapping),
                let folded = Unicode.Scalar(upper).flatMap({ single($0.properties.lowercaseMapping) }),
                folded != value
            {
                union(folded, value)
            }
        }
        var groups: [UInt32: [UInt32]] = [:]
        for member in parent.keys { groups[root(member), default: []].append(member) }
        var orbits: [UInt32: [UInt32]] = [:]
        for members in groups.values {
            let sorted = members.sorted()
            for member in sorted { orbits[member] = sorted }
        }
        return Table(orbits: orbits, sortedKeys: orbits.keys.sorted())
    }
}
