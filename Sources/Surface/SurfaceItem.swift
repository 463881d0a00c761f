import Cobra
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
///
/// The fields live in one immutable object, so copying an item (snapshots are copied whole from one revision to the
/// next) retains one reference instead of one per string; setting a field makes a new object.
public struct SurfaceItem: Sendable, Hashable {
    private final class Fields: Sendable {
        let surface: String
        let key: String
        /// `surface:key`, made once.
        let id: String
        let attributes: [String: String]
        let stability: Stability
        let location: Location?

        init(
            surface: String, key: String, id: String, attributes: [String: String], stability: Stability,
            location: Location?
        ) {
            self.surface = surface
            self.key = key
            self.id = id
            self.attributes = attributes
            self.stability = stability
            self.location = location
        }

        func with(
            attributes: [String: String]? = nil, stability: Stability? = nil, location: Location?? = nil
        ) -> Fields {
            Fields(
                surface: surface, key: key, id: id, attributes: attributes ?? self.attributes,
                stability: stability ?? self.stability, location: location ?? self.location)
        }
    }

    private var fields: Fields

    public var surface: String { fields.surface }
    public var key: String { fields.key }
    public var attributes: [String: String] {
        get { fields.attributes }
        set { fields = fields.with(attributes: newValue) }
    }
    public var stability: Stability {
        get { fields.stability }
        set { fields = fields.with(stability: newValue) }
    }
    public var location: Location? {
        get { fields.location }
        set { fields = fields.with(location: .some(newValue)) }
    }

    public init(
        surface: String, key: String, attributes: [String: String] = [:], stability: Stability = .stable,
        location: Location? = nil
    ) {
        self.init(
            surface: surface, key: key, id: surface + ":" + key, attributes: attributes, stability: stability,
            location: location)
    }

    /// An item whose identity `id` (`surface:key`) is already made.
    init(
        surface: String, key: String, id: String, attributes: [String: String], stability: Stability,
        location: Location?
    ) {
        fields = Fields(
            surface: surface, key: key, id: id, attributes: attributes, stability: stability, location: location)
    }

    /// The identity `surface:key`.
    public var id: String { fields.id }

    /// Whether both are the same object, which makes them equal without comparing fields.
    func isIdentical(to other: SurfaceItem) -> Bool { fields === other.fields }

    public static func == (lhs: SurfaceItem, rhs: SurfaceItem) -> Bool {
        lhs.fields === rhs.fields
            || (Bytewise.same(lhs.surface, rhs.surface) && Bytewise.same(lhs.key, rhs.key)
                && Bytewise.same(lhs.attributes, rhs.attributes) && lhs.stability == rhs.stability
                && lhs.location == rhs.location)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(surface)
        hasher.combine(key)
        hasher.combine(attributes)
        hasher.combine(stability)
        hasher.combine(location)
    }
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
    /// By surface, the key paths of what an extractor knows it could not read
    /// (``ExtractionContext/uncertain``): whether an item there is gone, or new, is not known, so the diff does not
    /// claim it (the surface's notes say what could not be read).
    public var uncertain: [String: Set<String>] = [:]
    /// By surface, the roots an extractor keyed by guess: commands it keyed as roots that something it could not
    /// follow adds to another command, so that users may type words before them (ko before 0.9.0: `apply`, typed
    /// `ko apply`). Their items are there, only their keys may lack those words; `audit` matches them with the items
    /// another release has with words before them (`SurfaceRehoming`).
    public var unplaced: [String: Set<String>] = [:]
    /// By surface, the commands handed, with the commands `unplaced` names, to code the extractor could not follow
    /// (`root` of `groups.Add(root)`): a guessed root may be under one of them (``SurfaceRehoming``).
    public var unplacedParents: [String: Set<String>] = [:]
    /// By surface, keys of flags a command may have that an extractor could not read (the cobra extractor's
    /// `unnamedFlags`: an `AddFlag` adds one of several flags a table makes at run time). Not items: a removal of one
    /// is claimed, saying it may still be there.
    public var unnamedFlags: [String: Set<String>] = [:]
    /// By surface, keys of commands and flags that code may take away when the program runs, only in some runs or in
    /// an order the extractor cannot tell (the cobra extractor's `takenAway`: `RemoveCommand`, `ResetFlags`). Not
    /// items; also in `uncertain` (a missing one is not known to be gone): a removal of one, or of what is under it, is
    /// claimed by `check` saying it may still be there.
    public var takenAway: [String: Set<String>] = [:]
    /// By surface, the copies of the libraries semgate models that `go build` takes from `vendor/` at this revision
    /// (the cobra extractor's ``VendoredLibrary`` values, review R106), by ``VendoredLibrary/key``: the `vendored-library-edited`
    /// rule compares them between revisions. Not items.
    public var vendoredLibraries: [String: [String: VendoredLibrary]] = [:]
    /// By surface, by root key, by the folder of its `main` package, the programs that run a root of that key (the
    /// cobra extractor's ``CobraProgram`` values, review RF2): a removal from one of them is judged per program
    /// (``SurfacePrograms``). Not items.
    public var programs: [String: [String: [String: CobraProgram]]] = [:]
    /// By surface, the keys only some of the roots one program picks from when it runs have (the cobra extractor's
    /// ``CobraSurface/runTimeChoice``); also in `uncertain`. `audit` claims their removal as `check` does.
    public var runTimeChoice: [String: Set<String>] = [:]
    /// By surface, the release whose items this snapshot holds in place of its own, which read nothing of the surface
    /// (``readsNothing(of:)``): `audit` and `check` compare with the last release before that read it, and a removal
    /// may have gone in any release between (``carrying(_:from:version:)``).
    public var carriedFrom: [String: String] = [:]
    /// How the reader found the items, for telling which items two snapshots can differ in without comparing them
    /// all (`changedIDs(since:)`); nil for a snapshot built any other way. Code that changes `items` afterwards
    /// records the ids in `inputs.adjusted`, or sets this to nil.
    public var inputs: SurfaceInputs?
    /// What each surface added besides items, by surface name, in a snapshot of some surfaces only (a reader made
    /// with `surfaces:`); nil otherwise.
    var sections: [String: Section]?

    /// What one surface's extractors added to a snapshot besides items.
    struct Section: Sendable {
        let notes: [String]
        let problems: [SourceProblem]
        /// The items they handed over (`Limit.itemsHandedOverPerSnapshot`).
        let handedOver: Int
    }

    public init(
        items: [String: SurfaceItem] = [:], notes: [String] = [], problems: [SourceProblem] = [],
        incomplete: Set<String> = []
    ) {
        self.items = items
        self.notes = notes
        self.problems = problems
        self.incomplete = incomplete
        inputs = nil
        sections = nil
    }

    /// Whether `item` falls under a key of `uncertain`: the key itself or a key path above it (`tool env` covers
    /// `tool env --json`, not `tool environment`); `tool --` covers the flags of `tool`.
    public func isUncertain(_ item: SurfaceItem) -> Bool {
        isUncertain(surface: item.surface, key: item.key)
    }

    /// `isUncertain(_:)` for the item of id `id` (`surface:key`).
    public func isUncertain(id: String) -> Bool {
        guard !uncertain.isEmpty, let colon = id.firstIndex(of: ":") else { return false }
        return isUncertain(surface: String(id[..<colon]), key: String(id[id.index(after: colon)...]))
    }

    private func isUncertain(surface: String, key: String) -> Bool {
        guard let paths = uncertain[surface] else { return false }
        return paths.contains(Self.unreadMark) || Self.covers(paths, key)
    }

    /// Whether `item` is or is under a key of `runTimeChoice`.
    public func mayBeRunTimeChoice(_ item: SurfaceItem) -> Bool {
        guard let paths = runTimeChoice[item.surface] else { return false }
        return Self.covers(paths, item.key)
    }

    /// Whether `item` is or is under a key of `takenAway`.
    public func mayBeTakenAway(_ item: SurfaceItem) -> Bool {
        guard let paths = takenAway[item.surface] else { return false }
        return Self.covers(paths, item.key)
    }

    /// Whether `key` or a key path above it is one of `paths`; `tool --` covers the flags of `tool`.
    private static func covers(_ paths: Set<String>, _ key: String) -> Bool {
        // The key and each key path above it, looked up: one lookup a word, however many paths there are.
        if paths.contains(key) { return true }
        // The flags of a command as a whole (`tool --`, `--` for a root keyed without a name): not all names known.
        if key.hasPrefix("--") { return paths.contains("--") }
        var end = key.startIndex
        while let space = key[end...].firstIndex(of: " ") {
            if paths.contains(String(key[..<space])) { return true }
            end = key.index(after: space)
            if key[end...].hasPrefix("--"), paths.contains(String(key[..<end]) + "--") { return true }
        }
        return false
    }

    /// How an extractor records a root keyed by guess among its uncertain key paths (``ExtractionContext/uncertain``;
    /// the cobra extractor's `unplacedRoots`: a command handed to an `AddCommand` on a command it could not follow,
    /// keyed as a root): the root's key after a space. No key path begins with a space; the reader moves them to
    /// `unplaced`.
    public static func unplacedMark(_ root: String) -> String { " " + root }

    /// How an extractor records a command of ``unplacedParents`` among its uncertain key paths: after two spaces (a
    /// root keyed by guess is one word, so its mark has one).
    public static func unplacedParentMark(_ key: String) -> String { "  " + key }

    /// How an extractor records a key of ``unnamedFlags`` among its uncertain key paths: after three spaces.
    public static func unnamedFlagMark(_ key: String) -> String { "   " + key }

    /// How an extractor records among its uncertain key paths that it read nothing of the surface (the cobra
    /// extractor's files match no file, or build no command): five spaces and nothing else (no key path begins with
    /// a space). It covers every key of the surface: nothing missing there is known to be gone, nothing there known
    /// to be new (``isUncertain(_:)``).
    public static let unreadMark = "     "

    /// This snapshot with the items of `surface`, and what was uncertain about them, taken from `last` (a release,
    /// `version`, that read it), for comparing a release with the last one that read a surface this one read nothing
    /// of; `inputs` is dropped (every item is compared).
    public func carrying(_ surface: String, from last: SurfaceSnapshot, version: String) -> SurfaceSnapshot {
        var carried = self
        carried.items = items.filter { $0.value.surface != surface }
        for (id, item) in last.items where item.surface == surface { carried.items[id] = item }
        carried.uncertain[surface] = last.uncertain[surface]
        carried.unplaced[surface] = last.unplaced[surface]
        carried.unplacedParents[surface] = last.unplacedParents[surface]
        carried.unnamedFlags[surface] = last.unnamedFlags[surface]
        carried.takenAway[surface] = last.takenAway[surface]
        carried.programs[surface] = last.programs[surface]
        carried.runTimeChoice[surface] = last.runTimeChoice[surface]
        carried.vendoredLibraries[surface] = last.vendoredLibraries[surface]
        carried.carriedFrom[surface] = version
        carried.inputs = nil
        return carried
    }

    /// Whether an extractor read nothing of `surface` (``unreadMark``).
    public func readsNothing(of surface: String) -> Bool { uncertain[surface]?.contains(Self.unreadMark) == true }

    /// How an extractor records a key of ``takenAway`` among its uncertain key paths: after four spaces.
    public static func takenAwayMark(_ key: String) -> String { "    " + key }

    /// The roots of `surface` keyed by guess (``unplaced``).
    public func unplacedRoots(of surface: String) -> Set<String> { unplaced[surface] ?? [] }

    /// Whether any surface has a root keyed by guess.
    public var hasUnplacedRoots: Bool { unplaced.values.contains { !$0.isEmpty } }

    /// Adds `paths`, an extractor's uncertain key paths, to `surface`: roots keyed by guess (``unplacedMark(_:)``)
    /// to `unplaced`, the others to `uncertain`.
    public mutating func addUncertain(_ paths: [String], surface: String) {
        for path in paths {
            // The longest marks first: each begins with the spaces of every shorter one.
            if path.hasPrefix(Self.runTimeChoicePrefix) {
                runTimeChoice[surface, default: []].insert(String(path.dropFirst(Self.runTimeChoicePrefix.count)))
            } else if path.hasPrefix(Self.programPrefix) {
                // A mark that does not decode is no program: the surface's programs are then not known, and
                // ``SurfacePrograms`` compares what it knows of the others; an extractor of this build writes them all.
                if let program = Self.program(fromMark: path) {
                    programs[surface, default: [:]][program.root, default: [:]][program.folder] =
                        programs[surface]?[program.root]?[program.folder].map { $0.merging(program) } ?? program
                }
            } else if let library = Self.vendoredLibrary(fromMark: path) {
                // Two extractors of the surface that read two modules: both copies count.
                vendoredLibraries[surface, default: [:]][library.key] =
                    vendoredLibraries[surface]?[library.key].map { $0.merging(library) } ?? library
            } else if path == Self.unreadMark {
                uncertain[surface, default: []].insert(path)
            } else if path.hasPrefix("    ") {
                let key = String(path.dropFirst(4))
                takenAway[surface, default: []].insert(key)
                uncertain[surface, default: []].insert(key)
            } else if path.hasPrefix("   ") {
                unnamedFlags[surface, default: []].insert(String(path.dropFirst(3)))
            } else if path.hasPrefix("  ") {
                unplacedParents[surface, default: []].insert(String(path.dropFirst(2)))
            } else if path.hasPrefix(" ") {
                unplaced[surface, default: []].insert(String(path.dropFirst()))
            } else {
                uncertain[surface, default: []].insert(path)
            }
        }
    }

    /// The items in a stable order: by surface, then key.
    public var sortedItems: [SurfaceItem] {
        items.values.sorted { Bytewise.precedes([$0.surface, $0.key], [$1.surface, $1.key]) }
    }

    /// A superset of the ids whose items differ between `before` and this snapshot, found from the inputs alone:
    /// the items of an input both read are the same on both sides. Nil when either snapshot has no inputs (every
    /// item must be compared).
    public func changedIDs(since before: SurfaceSnapshot) -> Set<String>? {
        guard let new = inputs, let old = before.inputs else { return nil }
        return new.changedIDs(since: old)
    }
}

/// The item arrays each surface's extractors handed over at one revision, in the order merged, with the ids changed
/// after the merge (declared deprecations).
///
/// Extractors hand over the arrays their caches hold, one an input (a file, a package, a list file, a command tree),
/// for as long as the input does not change; an array is immutable, so two snapshots holding the same array (the
/// same storage, which each keeps alive) have the same items from it. Items only in arrays one side lacks may
/// differ; every other item was merged from the same arrays in the same order and is the same. Comparing two
/// revisions then costs what changed between them, not the size of the surface.
public struct SurfaceInputs: Sendable {
    /// One array as handed over, with the identity of its storage, and what the reader made of its items once (for
    /// as long as the extractors hand over the same array, every revision reuses them).
    struct Group: Sendable {
        let identity: UInt
        let items: [RawItem]
        /// The id (`surface:key`) of each item.
        let ids: [String]
        /// The number the reader that made the group gave each id (`SurfaceReader`'s interned ids).
        let numbers: [Int]
        /// Each item as merging adds it to a surface that does not have its id yet (the surface's include and
        /// experimental globs applied); nil for an item the surface does not admit.
        let merged: [SurfaceItem?]

        init(_ items: [RawItem], identity: UInt, ids: [String], numbers: [Int], merged: [SurfaceItem?]) {
            self.items = items
            self.identity = identity
            self.ids = ids
            self.numbers = numbers
            self.merged = merged
        }

        /// The identity of an array's storage: equal for two arrays that share it.
        static func identity(of items: [RawItem]) -> UInt {
            items.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        }
    }

    /// The groups of each surface, by surface name, in merge order.
    var groups: [String: [Group]] = [:]
    /// Ids whose items were changed after the merge.
    public var adjusted: Set<String> = []

    init() {}

    /// The ids of the items of groups that only one side has, of every group of a surface whose shared groups
    /// are not in the same order on both sides, and adjusted on either side.
    func changedIDs(since old: SurfaceInputs) -> Set<String> {
        var changed = adjusted.union(old.adjusted)
        for surface in Set(groups.keys).union(old.groups.keys) {
            let new = groups[surface] ?? []
            let before = old.groups[surface] ?? []
            let newIdentities = Set(new.map(\.identity))
            let oldIdentities = Set(before.map(\.identity))
            let sameOrder =
                new.lazy.map(\.identity).filter(oldIdentities.contains)
                .elementsEqual(before.lazy.map(\.identity).filter(newIdentities.contains))
            for group in new where !sameOrder || !oldIdentities.contains(group.identity) {
                for id in group.ids { changed.insert(id) }
            }
            for group in before where !sameOrder || !newIdentities.contains(group.identity) {
                for id in group.ids { changed.insert(id) }
            }
        }
        return changed
    }

    /// Calls `body` with the id of every item of a group this side has and `old` lacks (some more than once), and
    /// whether an extractor marked it deprecated there: an item is deprecated when any of its raw items is, so the
    /// marked ones are the only ids whose items can have become deprecated in the source since `old`, and the others
    /// the only ids whose items can have appeared.
    public func forEachNewID(since old: SurfaceInputs, _ body: (_ id: String, _ marked: Bool) -> Void) {
        for (surface, new) in groups {
            let oldIdentities = Set((old.groups[surface] ?? []).map(\.identity))
            for group in new where !oldIdentities.contains(group.identity) {
                for (index, made) in group.merged.enumerated() {
                    body(group.ids[index], made?.stability == .deprecated)
                }
            }
        }
    }

}
