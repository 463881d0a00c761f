import Limits

/// A compiled regular expression with named groups, matched in linear time.
///
/// The syntax is the RE2/Go subset policy authors write. Matching simulates every alternative at once
/// (a Pike VM), so the time is at most proportional to the length of the text times the size of the
/// program, and every search is charged to a work budget: a pattern cannot hang the tool.
public struct Pattern: Sendable {
    /// The largest program a pattern may compile to.
    public static let instructionLimit = Limit.patternInstructions
    /// The default number of VM steps (thread additions) one call may spend.
    public static let defaultBudget = Limit.patternStepsPerFile

    public let source: String
    private let program: Program

    /// Named groups, in order of their opening parenthesis.
    public var groupNames: [String] { program.groupNames }

    public init(_ source: String) throws(PatternError) {
        let tree: (root: Node, groupNames: [String])
        do {
            tree = try Parser.parse(source)
        } catch {
            throw PatternError(pattern: source, kind: .syntax(message: error.message, offset: error.offset))
        }
        do {
            program = try Program(root: tree.root, groupNames: tree.groupNames, limit: Pattern.instructionLimit)
        } catch {
            throw PatternError(pattern: source, kind: .tooLarge(limit: Pattern.instructionLimit))
        }
        self.source = source
    }

    /// Every non-overlapping match, leftmost-first, scanning left to right (an empty match advances one character).
    public func matches(in text: String, budget: Int = Pattern.defaultBudget) throws(PatternError) -> [PatternMatch] {
        try run(text, budget: budget, limit: Int.max)
    }

    /// Every match, charging the VM steps spent to `budget` (what is left stays in it); more than `maximumMatches`
    /// matches is `.tooManyMatches`, before they are all built.
    public func matches(in text: String, budget: inout Int, maximumMatches: Int) throws(PatternError) -> [PatternMatch]
    {
        var text = text
        let allowed = budget
        var spent = 0
        let result = text.withUTF8 { bytes in
            Result { () throws(Exhausted) -> [PatternMatch] in
                try collect(bytes, budget: allowed, limit: maximumMatches + 1, spent: &spent)
            }
        }
        budget -= min(spent, allowed)
        guard case .success(let found) = result else {
            throw PatternError(pattern: source, kind: .budgetExceeded(budget: allowed))
        }
        guard found.count <= maximumMatches else {
            throw PatternError(pattern: source, kind: .tooManyMatches(limit: maximumMatches))
        }
        return found
    }

    /// Whether the pattern matches anywhere in `text`.
    public func firstMatch(in text: String, budget: Int = Pattern.defaultBudget) throws(PatternError) -> PatternMatch? {
        try run(text, budget: budget, limit: 1).first
    }

    /// False when neither `text` nor any run of its bytes can hold a match: the literal every match contains is not
    /// in it, or no byte of it may start a match (a quick check, no machine: true means only "search to know").
    public func mayMatch(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { Machine.mayMatch(program, in: $0) }
    }

    private func run(_ text: String, budget: Int, limit: Int) throws(PatternError) -> [PatternMatch] {
        var text = text
        var spent = 0
        let result = text.withUTF8 { bytes in
            Result { () throws(Exhausted) -> [PatternMatch] in
                try collect(bytes, budget: budget, limit: limit, spent: &spent)
            }
        }
        do {
            return try result.get()
        } catch {
            throw PatternError(pattern: source, kind: .budgetExceeded(budget: budget))
        }
    }

    private func collect(
        _ bytes: UnsafeBufferPointer<UInt8>, budget: Int, limit: Int, spent steps: inout Int
    ) throws(Exhausted) -> [PatternMatch] {
        // Most texts of a file-wide scan hold no match: they are turned away before a machine is allocated.
        guard limit > 0, Machine.mayMatch(program, in: bytes) else { return [] }
        let machine = Machine(program)
        var lines = LineCounter(bytes)
        var results: [PatternMatch] = []
        var position = 0
        var previousEnd = -1
        while position <= bytes.count && results.count < limit {
            guard try machine.search(bytes, from: position, steps: &steps, budget: budget) else { break }
            let slots = machine.matchSlots
            let start = slots[0]
            let end = slots[1]
            var accepted = true
            if end == position {
                accepted = start != previousEnd
                position += position < bytes.count ? Machine.decode(bytes, at: position).1 : 1
            } else {
                position = end
            }
            previousEnd = end
            guard accepted else { continue }
            let line = lines.line(at: start)
            var groups: [String: String] = [:]
            var groupLines: [String: Int] = [:]
            for (index, name) in program.groupNames.enumerated() {
                let groupStart = slots[2 * index + 2]
                let groupEnd = slots[2 * index + 3]
                guard groupStart >= 0, groupEnd >= groupStart else { continue }
                groups[name] = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[groupStart..<groupEnd]), as: UTF8.self)
                groupLines[name] = line + LineCounter.newlines(in: bytes, from: start, to: groupStart)
            }
            results.append(
                PatternMatch(
                    range: start..<end, line: line,
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
                    groups: groups, groupLines: groupLines))
        }
        return results
    }
}

/// Turns increasing byte offsets into 1-based line numbers in one pass over the text.
private struct LineCounter {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    var line = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func line(at target: Int) -> Int {
        if target < offset {
            offset = 0
            line = 1
        }
        line += LineCounter.newlines(in: bytes, from: offset, to: target)
        offset = target
        return line
    }

    static func newlines(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] == 0x0A { count += 1 }
            index += 1
        }
        return count
    }
}

/// One match: its UTF-8 byte range, its 1-based starting line, and the text of each named group that took part.
public struct PatternMatch: Sendable, Equatable {
    /// UTF-8 offsets into the text.
    public let range: Range<Int>
    /// 1-based line number where the match starts.
    public let line: Int
    /// The whole match.
    public let text: String
    /// Named groups that participated (an empty participating group maps to "").
    public let groups: [String: String]
    private let groupLines: [String: Int]

    public init(range: Range<Int>, line: Int, text: String, groups: [String: String], groupLines: [String: Int] = [:]) {
        self.range = range
        self.line = line
        self.text = text
        self.groups = groups
        self.groupLines = groupLines
    }

    /// 1-based line where that named group starts, when the group took part in the match.
    public func groupLine(_ name: String) -> Int? {
        groupLines[name]
    }
}

/// Why a pattern could not be compiled or run.
public struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The pattern is not valid; `offset` counts Unicode scalars from the start of the pattern.
        case syntax(message: String, offset: Int)
        /// The compiled program would have more than `limit` instructions.
        case tooLarge(limit: Int)
        /// Matching needed more than `budget` VM steps.
        case budgetExceeded(budget: Int)
        /// The text holds more than `limit` matches.
        case tooManyMatches(limit: Int)
    }

    public let pattern: String
    public let kind: Kind

    public init(pattern: String, kind: Kind) {
        self.pattern = pattern
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .syntax(let message, let offset):
            "invalid pattern '\(pattern)': \(message) at offset \(offset)"
        case .tooLarge(let limit):
            "pattern '\(pattern)' is too large: it compiles to more than \(limit) instructions (reduce repeat counts)"
        case .budgetExceeded(let budget):
            "pattern '\(pattern)' exceeded its work budget of \(budget) steps (simplify it or narrow its files)"
        case .tooManyMatches(let limit):
            "pattern '\(pattern)' matches more than \(limit) times (narrow the pattern or its files)"
        }
    }
}
