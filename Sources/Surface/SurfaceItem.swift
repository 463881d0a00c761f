import Policy

/// Where an item was found: a repository path and, when known, a 1-based line.
public struct Location: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    public var description: String { line.map { "\(path):\($0)" } ?? path }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.path, lhs.line ?? 0) < (rhs.path, rhs.line ?? 0)
    }
}

/// One promised piece of a project's surface, identified by `surface:key`.
public struct SurfaceItem: Sendable, Hashable {
    public let surface: String
    public let key: String
    public var attributes: [String: String]
    public var stability: Stability
    public var location: Location?

    public init(
        surface: String, key: String, attributes: [String: String] = [:], stability: Stability = .stable,
        location: Location? = nil
    ) {
        self.surface = surface
        self.key = key
        self.attributes = attributes
        self.stability = stability
        self.location = location
    }

    /// The identity `surface:key`.
    public var id: String { "\(surface):\(key)" }
}

/// A source file an extractor could read only in part: a syntax error at a place.
public struct SourceProblem: Sendable, Hashable {
    /// What is wrong, in words.
    public let message: String
    /// The file, line (and in the message, column).
    public let location: Location

    /// A problem from its parts.
    public init(message: String, location: Location) {
        self.message = message
        self.location = location
    }
}

/// The whole declared surface of a project at one revision.
public struct SurfaceSnapshot: Sendable {
    /// Items by id.
    public var items: [String: SurfaceItem]
    /// Things a reader should know about how the snapshot was taken (missing blobs, merged duplicates).
    public var notes: [String]
    /// Source files that did not parse (the `source-syntax-error` rule reports those new since the base).
    public var problems: [SourceProblem]
    /// The surfaces an extractor could not read in full (a command it could not follow): users can type more than
    /// their items list, so a removal there may be one the extractor missed.
    public var incomplete: Set<String>

    public init(
        items: [String: SurfaceItem] = [:], notes: [String] = [], problems: [SourceProblem] = [],
        incomplete: Set<String> = []
    ) {
        self.items = items
        self.notes = notes
        self.problems = problems
        self.incomplete = incomplete
    }

    /// The items in a stable order: by surface, then key.
    public var sortedItems: [SurfaceItem] {
        items.values.sorted { ($0.surface, $0.key) < ($1.surface, $1.key) }
    }
}
