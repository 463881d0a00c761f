/// A set of Unicode scalar values kept as sorted, non-overlapping, non-adjacent closed ranges.
struct ScalarSet: Sendable, Equatable {
    static let maxScalar: UInt32 = 0x10_FFFF

    private(set) var ranges: [ClosedRange<UInt32>]

    init(_ ranges: [ClosedRange<UInt32>] = []) {
        self.ranges = ScalarSet.normalize(ranges)
    }

    var isEmpty: Bool { ranges.isEmpty }

    /// The only scalar in the set, when it holds exactly one.
    var single: UInt32? {
        guard ranges.count == 1, let only = ranges.first, only.lowerBound == only.upperBound else { return nil }
        return only.lowerBound
    }

    var isEverything: Bool { ranges == [0...ScalarSet.maxScalar] }

    mutating func formUnion(_ other: ScalarSet) {
        ranges = ScalarSet.normalize(ranges + other.ranges)
    }

    func contains(_ scalar: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < scalar {
                low = middle + 1
            } else if ranges[middle].lowerBound > scalar {
                high = middle
            } else {
                return true
            }
        }
        return false
    }

    func inverted() -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound == ScalarSet.maxScalar { return ScalarSet(result) }
            next = range.upperBound + 1
        }
        result.append(next...ScalarSet.maxScalar)
        return ScalarSet(result)
    }

    /// The set closed under simple case folding: every scalar together with its other cases.
    func caseFolded() -> ScalarSet {
        var extra: [ClosedRange<UInt32>] = []
        for range in ranges {
            let asciiEnd = min(range.upperBound, 0x7F)
            if range.lowerBound <= asciiEnd {
                for scalar in range.lowerBound...asciiEnd {
                    for other in CaseFolding.orbit(of: scalar) where other != scalar { extra.append(other...other) }
                }
            }
            if range.upperBound >= 0x80 {
                let table = CaseFolding.table
                let lower = max(range.lowerBound, 0x80)
                var index = table.firstKeyIndex(atLeast: lower)
                while index < table.sortedKeys.count, table.sortedKeys[index] <= range.upperBound {
                    for other in table.orbits[table.sortedKeys[index]] ?? [] { extra.append(other...other) }
                    index += 1
                }
            }
        }
        return ScalarSet(ranges + extra)
    }

    private static func normalize(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        guard input.count > 1 else { return input }
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        result.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

extension ScalarSet {
    static let digit = ScalarSet([0x30...0x39])
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// RE2's `\s`: tab, newline, form feed, carriage return and space (no vertical tab).
    static let space = ScalarSet([0x09...0x0A, 0x0C...0x0D, 0x20...0x20])

    /// The ASCII class named inside `[[:name:]]`.
    static func posix(_ name: String) -> ScalarSet? {
        switch name {
        case "alnum": ScalarSet([0x30...0x39, 0x41...0x5A, 0x61...0x7A])
        case "alpha": ScalarSet([0x41...0x5A, 0x61...0x7A])
        case "ascii": ScalarSet([0x00...0x7F])
        case "blank": ScalarSet([0x09...0x09, 0x20...0x20])
        case "cntrl": ScalarSet([0x00...0x1F, 0x7F...0x7F])
        case "digit": digit
        case "graph": ScalarSet([0x21...0x7E])
        case "lower": ScalarSet([0x61...0x7A])
        case "print": ScalarSet([0x20...0x7E])
        case "punct": ScalarSet([0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
        case "space": ScalarSet([0x09...0x0D, 0x20...0x20])
        case "upper": ScalarSet([0x41...0x5A])
        case "word": word
        case "xdigit": ScalarSet([0x30...0x39, 0x41...0x46, 0x61...0x66])
        default: nil
        }
    }
}
