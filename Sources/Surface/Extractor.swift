import Foundation
import Git
import GoSource
import Limits
import Pattern
import Policy
import SemVer
import Synchronization

/// Every extractor kind, in documentation order: the one list the policy loader, the surface reader, the diff,
/// `init` and the documentation walk. A new kind is one file with a type conforming to `Extractor` and one line
/// here.
public enum Extractors {
    public static let all: [any Extractor.Type] = [
        RegexExtractorSpec.self,
        ListExtractorSpec.self,
        GoPackagesExtractorSpec.self,
        GoAPIExtractorSpec.self,
        CobraExtractorSpec.self,
        GoLiteralsExtractorSpec.self,
    ]

    /// How `surface`'s source marks an item deprecated, from its first extractor that has a marker.
    public static func deprecationMarker(of surface: SurfaceSpec) -> String? {
        surface.extractors.lazy.compactMap { kind(of: $0)?.deprecationMarker }.first
    }

    /// What the source of `surface` cannot show about the removal of each of `removed` (said in its finding), in
    /// order: for each, what its first extractor that has something to say says.
    public static func removalNotes(
        of surface: SurfaceSpec, _ removed: [SurfaceItem], before: SurfaceSnapshot, after: SurfaceSnapshot
    ) -> [String?] {
        var notes = [String?](repeating: nil, count: removed.count)
        for extractor in surface.extractors {
            let open = notes.indices.filter { notes[$0] == nil }
            guard !open.isEmpty, let kind = kind(of: extractor) else { continue }
            let said = kind.removalNotes(open.map { removed[$0] }, before: before, after: after)
            for (index, note) in zip(open, said) { notes[index] = note }
        }
        return notes
    }

    /// The kind of a configured extractor (every spec the loader builds is one of `all`).
    static func kind(of spec: any ExtractorSpec) -> (any Extractor.Type)? {
        (spec as? any Extractor).map { type(of: $0) }
    }
}

extension PolicyLoader {
    /// Parses and validates `yaml` with every registered extractor kind; `file` names it in diagnostics.
    public static func load(yaml: String, file: String, origin: PolicyOrigin) throws(PolicyError) -> Policy {
        try load(yaml: yaml, file: file, origin: origin, extractors: Extractors.all)
    }
}

/// One kind of extractor: how a policy configures it (`ExtractorSpec`), what it finds at a revision, how a change of
/// its items' attributes compares, and what `semgate init` proposes for a repository.
///
/// A value of the conforming type is one configured extractor; the static members describe the kind.
public protocol Extractor: ExtractorSpec {
    /// The files it reads, as globs over repository paths; the reader finds them for every such extractor in one
    /// walk of the tree and hands the matches over in `ExtractionContext.files`. Nil when it finds its own files.
    var fileGlobs: [Glob]? { get }

    /// Whether, given only the files its `fileGlobs` matched at a revision (path and blob, in walk order), it surely
    /// reads nothing of its surface there (``SurfaceSnapshot/readsNothing(of:)``), as its extraction would say: cobra
    /// with no Go source file. False by default, and whenever reading the files could find something.
    func readsNothing(matching files: [(path: String, blob: ObjectID)]) -> Bool

    /// The items at one revision. Work is remembered across revisions in `context.cache`, by blob or tree id.
    func items(in context: inout ExtractionContext) throws(SurfaceError) -> [RawItem]

    /// The items at one revision as the arrays its caches hold, one an input (a file, a package): an array handed
    /// over again unchanged says its items did not change, so the reader and the diff skip them
    /// (`SurfaceInputs`). The default is `items(in:)` as one array.
    func itemGroups(in context: inout ExtractionContext) throws(SurfaceError) -> [[RawItem]]

    /// The item groups at one revision for `deprecations`' pass over the releases before head, which needs only what
    /// `interest` says (`DeprecationInterest`): `itemGroups(in:)` with the inputs none of that can come from left out,
    /// and `context.leftOut` set when one was. The default extracts everything.
    func deprecationGroups(in context: inout ExtractionContext, interest: DeprecationInterest) throws(SurfaceError)
        -> [[RawItem]]

    /// Everything besides its settings that this extractor's items, notes and problems at one revision depend on
    /// (`context.fileInputs` for an extractor that reads only the files its globs matched), which keys the persistent
    /// extraction cache with the settings and semgate's build; nil when the inputs cannot be named exactly, and the
    /// extractor is then not cached. The default is nil: a kind is cached only once it says what it reads.
    func cacheInputs(in context: inout ExtractionContext) throws(SurfaceError) -> ExtractionInputs?

    /// The bump a change of the breaking attribute `attribute` needs, or nil for the default (major). Called only
    /// for surfaces whose every extractor is of this kind, and only for items that are not experimental.
    static func bump(attribute: String, old: SurfaceItem, new: SurfaceItem) -> Bump?

    /// `bump(attribute:old:new:)` with the whole comparison at hand (both snapshots, and what the kind worked out
    /// from them once, such as Go's correspondence of renamed types). The default asks `bump(attribute:old:new:)`.
    static func bump(attribute: String, old: SurfaceItem, new: SurfaceItem, in comparison: SurfaceComparison) -> Bump?

    /// The bump a removed item needs, or nil for the default (major). Called for surfaces this kind reads.
    static func removalBump(_ item: SurfaceItem, in comparison: SurfaceComparison) -> Bump?

    /// An item of `after` through which users still reach `removed` (a cobra flag a command above now declares
    /// persistent), or nil when it is gone. The change is then `changed` to that item, not `removed`.
    static func replacement(forRemoved removed: SurfaceItem, in after: SurfaceSnapshot) -> SurfaceItem?

    /// `replacement(forRemoved:in:)` where what `removed` was in `before` matters too (a cobra command whose `Use`
    /// spelled the words users typed after its name). The default asks `replacement(forRemoved:in:)`.
    static func replacement(forRemoved removed: SurfaceItem, before: SurfaceSnapshot, in after: SurfaceSnapshot)
        -> SurfaceItem?

    /// An item of `before` through which users already reached `added` (a cobra flag a command above declared
    /// persistent, now shadowed by the command's own flag of that name), keyed as `added`, or nil when it is new.
    /// The change is then `changed` from that item, not `added`: a change of a breaking attribute still shows.
    static func predecessor(forAdded added: SurfaceItem, in before: SurfaceSnapshot) -> SurfaceItem?

    /// `predecessor(forAdded:in:)` where what `after` holds besides `added` matters too (whether code not read still
    /// runs there). The default asks `predecessor(forAdded:in:)`.
    static func predecessor(forAdded added: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot)
        -> SurfaceItem?

    /// The bump an added item needs, or nil for the default (minor). Called for surfaces this kind reads.
    static func additionBump(_ item: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot) -> Bump?

    /// `before` made comparable with `after` for the `surfaces` this kind reads (a Go module that moved to a new
    /// path has its keys moved), before any item is compared. `candidates` holds every id whose item may differ
    /// between them (nil: any may). An item given a new key is judged by `policy`'s globs under it, as the reader
    /// judges every key it reads: a surface's `include` and `exclude`, and `experimental`.
    static func aligning(
        _ before: SurfaceSnapshot, to after: SurfaceSnapshot, surfaces: Set<String>, candidates: Set<String>?,
        policy: Policy
    ) -> SurfaceSnapshot

    /// What `semgate init` proposes for this kind in a repository: surfaces in policy YAML, with what was seen.
    static func propose(for project: ProjectFiles) throws(GitError) -> [SurfaceProposal]

    /// How the source marks an item of this kind deprecated (said in remedies); nil when only the policy's
    /// `deprecations:` can.
    static var deprecationMarker: String? { get }

    /// What reading the source cannot show about the removal of each of `removed`, in order, said in its
    /// `removed-without-deprecation` finding (a deprecation printed only at run time, a plugin that now provides the
    /// command); nil when the source shows all there is. One call for all the removals of a release, so that what
    /// the notes look up is worked out once.
    static func removalNotes(_ removed: [SurfaceItem], before: SurfaceSnapshot, after: SurfaceSnapshot) -> [String?]

    /// What reading a surface of this kind costs relative to the other kinds (1 by default), for splitting the
    /// surfaces between threads (`SurfacePartition`).
    static var readingWeight: Int { get }

    /// Whether `value` of `attribute` says the extractor could not read it (a cobra flag's `custom` type or `?`
    /// shorthand): a change to or from it is not claimed, and is named in a note
    /// (``SurfaceDiff/unreadChangesNote(_:policy:)``). False by default.
    static func isUnread(attribute: String, value: String) -> Bool

    /// What the values `isUnread` accepts look like and what a change to or from one may break, for the note that
    /// names such changes (`a flag type `custom`, a shorthand `?`` and `a command line that worked`); nil for a kind
    /// without them.
    static var unreadValues: (look: String, risk: String)? { get }

    /// Why the removal of `item`, which this kind judged below major (`removalBump`), is not claimed, for the note
    /// that names such removals (a member of a type that now embeds another module's type may be there through it);
    /// nil when the removal needs no note (an unexported type no longer exposed). The default is nil.
    static func unclaimedRemovalReason(_ item: SurfaceItem) -> String?

    /// What the claims among `changes` (this kind's, of one comparison) rest on that reading the repository cannot
    /// settle, for a note beside them (a Go type claimed changed because its package's import path changed, which
    /// another module may forward); nil when there is nothing to say. The default is nil.
    static func claimedChangesNote(_ changes: [Change]) -> String?

    /// What this kind worked out while judging `comparison` that a reader must know (changes compared in a cheaper
    /// way past a budget), as notes; the default is none.
    static func comparisonNotes(_ comparison: SurfaceComparison) -> [String]
}

extension Extractor {
    public var fileGlobs: [Glob]? { nil }
    public func readsNothing(matching files: [(path: String, blob: ObjectID)]) -> Bool { false }
    public static func unclaimedRemovalReason(_ item: SurfaceItem) -> String? { nil }
    public static func claimedChangesNote(_ changes: [Change]) -> String? { nil }
    public static func comparisonNotes(_ comparison: SurfaceComparison) -> [String] { [] }
    public func itemGroups(in context: inout ExtractionContext) throws(SurfaceError) -> [[RawItem]] {
        [try items(in: &context)]
    }
    public func deprecationGroups(in context: inout ExtractionContext, interest: DeprecationInterest)
        throws(SurfaceError) -> [[RawItem]]
    {
        try itemGroups(in: &context)
    }
    public func cacheInputs(in context: inout ExtractionContext) throws(SurfaceError) -> ExtractionInputs? { nil }
    public static func bump(attribute: String, old: SurfaceItem, new: SurfaceItem) -> Bump? { nil }
    public static func bump(
        attribute: String, old: SurfaceItem, new: SurfaceItem, in comparison: SurfaceComparison
    ) -> Bump? {
        bump(attribute: attribute, old: old, new: new)
    }
    public static func removalBump(_ item: SurfaceItem, in comparison: SurfaceComparison) -> Bump? { nil }
    public static func replacement(forRemoved removed: SurfaceItem, in after: SurfaceSnapshot) -> SurfaceItem? {
        nil
    }
    public static func replacement(
        forRemoved removed: SurfaceItem, before: SurfaceSnapshot, in after: SurfaceSnapshot
    ) -> SurfaceItem? {
        replacement(forRemoved: removed, in: after)
    }
    public static func predecessor(forAdded added: SurfaceItem, in before: SurfaceSnapshot) -> SurfaceItem? { nil }
    public static func predecessor(forAdded added: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot)
        -> SurfaceItem?
    {
        predecessor(forAdded: added, in: before)
    }
    public static func additionBump(_ item: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot) -> Bump? {
        nil
    }
    public static func aligning(
        _ before: SurfaceSnapshot, to after: SurfaceSnapshot, surfaces: Set<String>, candidates: Set<String>?,
        policy: Policy
    ) -> SurfaceSnapshot { before }
    public static func propose(for project: ProjectFiles) throws(GitError) -> [SurfaceProposal] { [] }
    public static var deprecationMarker: String? { nil }
    public static func removalNotes(_ removed: [SurfaceItem], before: SurfaceSnapshot, after: SurfaceSnapshot)
        -> [String?]
    {
        Array(repeating: nil, count: removed.count)
    }
    public static var readingWeight: Int { 1 }
    public static func isUnread(attribute: String, value: String) -> Bool { false }
    public static var unreadValues: (look: String, risk: String)? { nil }
}

/// One comparison of two snapshots, as the diff hands it to the kinds that judge changes: both sides (aligned), and
/// what a kind works out from them once (`memo`).
public final class SurfaceComparison {
    public let before: SurfaceSnapshot
    public let after: SurfaceSnapshot
    /// The surfaces each kind reads, by kind name.
    public let surfaces: [String: Set<String>]
    /// Every id whose item may differ between the two sides (nil: any may); the items of other ids are the same.
    public let candidates: Set<String>?
    private var memos: [ObjectIdentifier: AnyObject] = [:]

    init(
        before: SurfaceSnapshot, after: SurfaceSnapshot, surfaces: [String: Set<String>], candidates: Set<String>?
    ) {
        self.before = before
        self.after = after
        self.surfaces = surfaces
        self.candidates = candidates
    }

    /// The value of type `Value` made in this comparison, if one was.
    public func existingMemo<Value: AnyObject>(of type: Value.Type) -> Value? {
        memos[ObjectIdentifier(Value.self)] as? Value
    }

    /// The value of type `Value` made by `make` the first time it is asked for in this comparison.
    public func memo<Value: AnyObject>(_ make: () -> Value) -> Value {
        if let found = memos[ObjectIdentifier(Value.self)] as? Value { return found }
        let made = make()
        memos[ObjectIdentifier(Value.self)] = made
        return made
    }
}

/// An item as an extractor reports it, before policy globs and stability rules apply.
public struct RawItem: Sendable {
    public var key: String
    public var attributes: [String: String]
    public var stability: Stability
    public var location: Location?

    public init(key: String, attributes: [String: String], stability: Stability, location: Location?) {
        self.key = key
        self.attributes = attributes
        self.stability = stability
        self.location = location
    }
}

/// What one extractor reads at one revision, and where it leaves notes and problems.
public struct ExtractionContext {
    /// The surface being read.
    public let surface: String
    /// The root tree of the revision (or of the working directory).
    public let tree: ObjectID
    /// Where trees and blobs are read.
    public let source: any FileTree
    /// The files its `fileGlobs` matched, path and blob, in walk order; empty when it has no `files`.
    public let files: [(path: String, blob: ObjectID)]
    /// A number unique to this extractor in the policy, for caches that must not mix two extractors of one kind.
    public let slot: Int
    /// Things a reader should know about how the surface was read.
    public var notes: [String] = []
    /// Source files that did not parse.
    public var problems: [SourceProblem] = []
    /// Set when the extractor could not read everything it should (users can type more than its items list).
    public var incomplete = false
    /// Key paths of what the extractor knows it could not read (the names a cobra command whose `Use` may be one of
    /// several could have: `tool environment`): an item missing under one of them is not known to be gone, nor one
    /// present there to be new (``SurfaceSnapshot/uncertain``). A root keyed by guess is here too, marked
    /// (``SurfaceSnapshot/unplacedMark(_:)``; the reader puts it in ``SurfaceSnapshot/unplaced``).
    public var uncertain: [String] = []
    /// Set by `Extractor.deprecationGroups` when it left an input out: the groups are not all there are, so they are
    /// not stored in the persistent extraction cache.
    public var leftOut = false
    let caches: ExtractorCaches
    /// The run's budget of items built (`Limit.itemsPerRun`).
    let itemsBuilt: ItemBudget
    /// Entries one walk over the revision's folders may list (`Limit.treeEntriesPerWalk`).
    var treeEntries = Limit.treeEntriesPerWalk
    let readBlob: (ObjectID, String, inout [String]) throws(SurfaceError) -> String?
    let match: (Pattern, String, String) throws(SurfaceError) -> [PatternMatch]

    /// A blob's text, decoded once per snapshot however many extractors read it; nil (with a note in `notes`) when
    /// the object store lacks it.
    public mutating func text(of blob: ObjectID, path: String) throws(SurfaceError) -> String? {
        try readBlob(blob, path, &notes)
    }

    /// A blob's text like `text(of:path:)`, with the note about a missing blob added to `notes` instead.
    public func text(of blob: ObjectID, path: String, notes: inout [String]) throws(SurfaceError) -> String? {
        try readBlob(blob, path, &notes)
    }

    /// Every match of `pattern` in the text of the file at `path`, charged to the run's pattern and item budgets;
    /// a pattern that runs out of either is an error naming the surface and the file.
    public func matches(of pattern: Pattern, in text: String, path: String) throws(SurfaceError) -> [PatternMatch] {
        try match(pattern, text, path)
    }

    /// The run-long cache of type `Cache`, made by `make` the first time: one per reader, shared by every extractor
    /// of the kind that asks for it.
    public func cache<Cache: AnyObject>(_ make: () -> Cache) -> Cache {
        caches.cache(make)
    }

    /// Charges `count` items an extractor built (not reused from its cache) to the run's item budget; past the
    /// budget this is an error naming the surface.
    func charge(built count: Int) throws(SurfaceError) {
        try itemsBuilt.charge(count, surface: surface)
    }
}

/// The items extractors may build in one run (`Limit.itemsPerRun`), shared by every extractor of a reader (and by
/// the readers of one run that read its surfaces in parts, on several threads).
///
/// Only items an extractor builds count: items reused from a cache because their file (or package, or tree) did
/// not change cost neither extraction work nor memory again, so a long history of unchanged files never reaches
/// the budget; what one revision hands over, built or reused, is bounded by `Limit.itemsHandedOverPerSnapshot`.
final class ItemBudget: Sendable {
    let limit: Int
    private let remaining: Mutex<Int>

    init(limit: Int) {
        self.limit = limit
        remaining = Mutex(limit)
    }

    var left: Int { remaining.withLock { $0 } }

    func charge(_ count: Int, surface: String) throws(SurfaceError) {
        let left = remaining.withLock { (left: inout Int) -> Int in
            left -= count
            return left
        }
        guard left >= 0 else { throw exhausted(surface: surface) }
    }

    func exhausted(surface: String) -> SurfaceError {
        .limit(
            "the extractors built more than \(limit) items in this run (reached reading surface '\(surface)'), the "
                + "most one run builds; narrow the surfaces or check fewer revisions")
    }
}

extension ExtractionContext {
    /// The items of every file in `files` whose path `include` admits, one array a file, each (extractor, path,
    /// blob) read by `extract` once while it stays in the bounded cache: a file that did not change between two tags
    /// is read once, and its array is handed over again. An `extract` that returns nil (nothing could be read) is
    /// asked again next time.
    mutating func itemsPerFile(
        where include: (String) -> Bool = { _ in true },
        _ extract: (inout ExtractionContext, _ path: String, _ blob: ObjectID) throws(SurfaceError) -> [RawItem]?
    ) throws(SurfaceError) -> [[RawItem]] {
        let cache = cache(FileItemsCache.init)
        var groups: [[RawItem]] = []
        for file in files where include(file.path) {
            let key = FileItemsCache.Key(slot: slot, path: file.path, blob: file.blob)
            if let cached = cache.items[key] {
                groups.append(cached)
                continue
            }
            guard let found = try extract(&self, file.path, file.blob) else { continue }
            try charge(built: found.count)
            cache.items.insert(found, for: key, cost: CacheCost.of(found) + CacheCost.of(file.path))
            groups.append(found)
        }
        return groups
    }
}

/// Items per (extractor, path, blob), for the kinds that read file by file.
private final class FileItemsCache {
    let items = BoundedCache<Key, [RawItem]>(capacity: Limit.itemCacheBytes)

    struct Key: Hashable {
        let slot: Int
        let path: String
        let blob: ObjectID
    }
}

/// Per-kind caches that live as long as a `SurfaceReader`, keyed by their type.
final class ExtractorCaches {
    private var storage: [ObjectIdentifier: AnyObject] = [:]
    /// The persistent extraction cache, when the run uses one.
    var persistent: PersistentExtraction?

    func cache<Cache: AnyObject>(_ make: () -> Cache) -> Cache {
        if let found = storage[ObjectIdentifier(Cache.self)] as? Cache { return found }
        let made = make()
        storage[ObjectIdentifier(Cache.self)] = made
        return made
    }
}

/// One surface `semgate init` proposes under `surfaces:`, as data a YAML emitter writes (never pasted text).
public struct SurfaceProposal: Sendable {
    /// What was seen that led to it, one line for the draft's header; nil when an earlier proposal said it.
    public let finding: String?
    /// The surface: its name, the comments above it and its value; nil when only the finding belongs in the draft.
    public let surface: DraftEntry?
    /// Item globs (`packages:**/experimental/**`) for what the surface finds that says it is not stable yet.
    public let experimental: [String]
    /// The keys of what the program hides from its help (`tool docs`, `tool serve --debug`; not what is under a
    /// hidden command, nor deprecated flags, which pflag hides too), for the draft's `hidden:`.
    public let hidden: [String]
    /// The folders the surface reads (`commands` for `files: [commands/*.go]`): a release whose tree has none of them
    /// gives the surface nothing to find. Empty when it reads the repository's root or cannot say.
    public let folders: [String]
    /// The program a command-line surface reads (its root command's name) and how many items it finds, so that init
    /// can name the project after its program when the module's name says only what kind of thing it is (`cli`).
    public let program: (name: String, items: Int)?

    public init(
        finding: String?, surface: DraftEntry?, experimental: [String] = [], hidden: [String] = [],
        folders: [String] = [], program: (name: String, items: Int)? = nil
    ) {
        self.finding = finding
        self.surface = surface
        self.experimental = experimental
        self.hidden = hidden
        self.folders = folders
        self.program = program
    }
}

/// The files of the revision `semgate init` drafts from, read by path; an empty repository has none.
/// A file tree that keeps what it read, for reading several revisions of one repository (`init` reads the latest
/// releases besides its revision): most files and folders are the same objects in each, read once. Bounded by
/// bytes, least recently used first.
public final class CachingFileTree: FileTree {
    private let base: any FileTree
    private let texts: BoundedCache<ObjectID, String>
    private let trees: BoundedCache<ObjectID, [TreeEntry]>

    /// At most `capacity` bytes of texts, and as many again of folder entries (each costed at its name and a fixed
    /// overhead).
    public init(_ base: any FileTree, capacity: Int = 64 << 20) {
        self.base = base
        texts = BoundedCache(capacity: capacity)
        trees = BoundedCache(capacity: capacity)
    }

    public func entries(ofTree id: ObjectID) throws(GitError) -> [TreeEntry] {
        if let known = trees[id] { return known }
        let entries = try base.entries(ofTree: id)
        trees.insert(entries, for: id, cost: entries.reduce(64) { $0 + 96 + $1.name.utf8.count })
        return entries
    }

    public func text(ofBlob id: ObjectID) throws(GitError) -> String {
        if let known = texts[id] { return known }
        let text = try base.text(ofBlob: id)
        texts.insert(text, for: id, cost: text.utf8.count)
        return text
    }

    public func linkTarget(ofLink id: ObjectID) throws(GitError) -> String {
        try base.linkTarget(ofLink: id)
    }
}

public struct ProjectFiles {
    public let files: any FileTree
    public let root: ObjectID?
    /// The trees of releases before it, newest first (the latest ones, and a sample of the older ones: see
    /// `PolicyDraft.recentReleases`), for a kind whose files may have moved (a cobra command line's folders): what it
    /// proposes should read them too.
    public var earlier: [ProjectFiles] = []
    /// The folder of the Go module the release tags are of, when the repository has no module at its root and the tag
    /// template names a folder with a `go.mod` (kustomize's `kustomize/v{version}`: `kustomize/go.mod`): the Go kinds
    /// propose for that module alone, since the other modules' releases are other tag lines. Nil otherwise.
    public var moduleFolder: String?
    /// The repository's tag names and the prefix of the release line the draft's template takes (`v`,
    /// `kustomize/v`; nil without release tags): a nested Go module tagged on a line of its own (zap's `exp/v0.3.0`)
    /// is released apart from that line, and its API is not judged under it.
    public var tags: [String] = []
    public var releasePrefix: String?
    /// Entries one walk over the revision's folders may list (`Limit.treeEntriesPerWalk`; tests lower it).
    public var treeEntries = Limit.treeEntriesPerWalk

    /// The lookups by path of this revision, in a class so that every copy shares its folder indexes and budget.
    private let lookups: Lookups

    private final class Lookups {
        var resolver: PathResolver
        init(_ files: any FileTree) { resolver = PathResolver(files, budget: Limit.treeEntriesPerWalk) }
    }

    public init(files: any FileTree, root: ObjectID?) {
        self.files = files
        self.root = root
        lookups = Lookups(files)
    }

    /// The file at `path`, or nil when there is none. Lookups share folder indexes (a folder of n files each looked
    /// up costs about 2n steps), and all of a revision's take at most `Limit.treeEntriesPerWalk` steps.
    public func blobID(_ path: String) throws(GitError) -> ObjectID? {
        guard let root else { return nil }
        return try lookups.resolver.blobID(atPath: path, inTree: root)
    }

    /// The text of the file at `path`, or nil when there is none.
    public func text(_ path: String) throws(GitError) -> String? {
        guard let blob = try blobID(path) else { return nil }
        return try files.text(ofBlob: blob)
    }

    /// The `.go` files (``isGoSource(_:)``; sorted, shallowest first) whose text `matches` accepts; `vendor/`,
    /// `testdata/`, `node_modules/`, dot- and underscore-folders are skipped.
    public func goFiles(where matches: (String) -> Bool) throws(GitError) -> [String] {
        var found: [String] = []
        for file in try goFileBlobs() where matches(try files.text(ofBlob: file.blob)) { found.append(file.path) }
        return found
    }

    /// The `.go` files (not tests; sorted, shallowest first) with their blobs, unread; skipping what `goFiles` skips.
    public func goFileBlobs() throws(GitError) -> [(path: String, blob: ObjectID)] {
        guard let root else { return [] }
        var found: [(path: String, blob: ObjectID)] = []
        try files.walkFiles(
            tree: root, descend: Self.holdsGoSource, wants: Self.isGoSource, entryLimit: treeEntries,
            visit: { (path, entry) throws(GitError) in found.append((path, entry.id)) })
        return found.sorted {
            ($0.path.split(separator: "/").count, $0.path) < ($1.path.split(separator: "/").count, $1.path)
        }
    }

    /// Every folder holding non-test `.go` files, with the package clause of its first such file: folders under
    /// `vendor/`, `testdata/`, `node_modules/`, dot- and underscore-folders and nested modules are skipped.
    public func goPackageFolders() throws(GitError) -> [(folder: String, package: String)] {
        try goModules().first { $0.root.isEmpty }?.packages ?? []
    }

    /// The Go modules of the revision: the root module (root `""`) and every nested one (a folder with its own
    /// `go.mod`), each with its package folders (as `goPackageFolders`, those of modules nested deeper left out).
    public func goModules() throws(GitError) -> [(root: String, packages: [(folder: String, package: String)])] {
        let (found, nested) = try goLayout()
        return ([""] + nested.sorted()).map { module in
            let packages = found.filter { folder, _ in
                (module.isEmpty || folder == module || folder.hasPrefix(module + "/"))
                    && !nested.contains { inner in
                        inner != module && (module.isEmpty || inner.hasPrefix(module + "/"))
                            && (folder == inner || folder.hasPrefix(inner + "/"))
                    }
            }
            return (module, packages.map { ($0.key, $0.value) }.sorted { $0.folder < $1.folder })
        }
    }

    /// Package folders with their package clauses, and the folders of nested `go.mod` files.
    private func goLayout() throws(GitError) -> ([String: String], Set<String>) {
        guard let root else { return ([:], []) }
        var found: [String: String] = [:]
        var nested: Set<String> = []
        let files = self.files
        try files.walkFiles(
            tree: root, descend: Self.holdsGoSource, wants: { $0 == "go.mod" || Self.isGoSource($0) },
            entryLimit: treeEntries,
            visit: { (path, entry) throws(GitError) in
                let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : ""
                if path.hasSuffix("/go.mod") { nested.insert(folder) }
                guard GoFileName.isPackageSource(path), found[folder] == nil else { return }
                found[folder] = GoPackageFinder.packageClause(in: try files.text(ofBlob: entry.id)) ?? ""
            })
        return (found, nested)
    }

    /// Whether a file of this name is Go source the go tool builds (``GoFileName/isPackageSource(_:)``: `.go`, not
    /// `_test.go`, not a name beginning with `_` or `.`).
    public static func isGoSource(_ name: String) -> Bool {
        GoFileName.isPackageSource(name)
    }

    /// Whether a folder may hold Go source of the module: not `vendor/`, `testdata/`, `node_modules/`, dot- or
    /// underscore-folders.
    static func holdsGoSource(_ folder: String) -> Bool {
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        return !["vendor", "testdata", "node_modules"].contains(name) && !name.hasPrefix(".") && !name.hasPrefix("_")
    }

    /// The module path `go.mod` declares, if it does.
    public static func goModule(_ goMod: String) -> String? {
        for line in goMod.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count >= 2, words[0] == "module" {
                return words[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
            }
        }
        return nil
    }

    /// Every value of the group `group` of `pattern` in `text` (through the policy's own pattern engine).
    public static func captures(_ pattern: String, in text: String, group: String = "value") -> [String] {
        guard let compiled = try? Pattern(pattern), let matches = try? compiled.matches(in: text) else { return [] }
        return matches.compactMap { $0.groups[group] }
    }

    /// The named groups of each match of `pattern` in `text`; none when it does not compile or cannot run.
    static func matches(_ pattern: String, in text: String) -> [[String: String]] {
        guard let compiled = try? Pattern(pattern), let matches = try? compiled.matches(in: text) else { return [] }
        return matches.map(\.groups)
    }

}
