import Git
import GoSource
import Limits

/// One reader's use of the persistent extraction cache (`ExtractionStore`): each extractor's settings as key text,
/// and the groups of items read or written this run, so a group the store hands over again is the same array (the
/// reader and the diff then skip it as unchanged, as they do for the extractors' own caches).
final class PersistentExtraction {
    let store: ExtractionStore
    private var settings: [Int: String?] = [:]
    /// Groups by (extractor slot, digest): one array a content, so equal groups of two revisions are one storage.
    private let interned = BoundedCache<InternKey, [RawItem]>(capacity: Limit.itemCacheBytes)
    /// The digest of each array an extractor handed over, by the array's storage (held, so it is not reused): a group
    /// handed over again is not encoded again.
    private let digests = BoundedCache<UInt, (items: [RawItem], digest: ObjectID)>(capacity: Limit.itemCacheBytes)
    /// Groups this run found or put in the store (forgotten past `storedLimit`: they are then checked on disk again).
    private var stored: Set<ObjectID> = []
    private static let storedLimit = 1_000_000
    /// Module folders whose Go source the object store was found to hold.
    private var presentFolders: Set<ObjectID> = []
    /// Lookups that found a result, and that did not (for tests and the benchmark).
    private(set) var hits = 0
    private(set) var misses = 0

    private struct InternKey: Hashable {
        let slot: Int
        let digest: ObjectID
    }

    init(store: ExtractionStore) {
        self.store = store
    }

    /// The key text of `extractor` (at `slot`) over `inputs`; nil when its settings cannot be written exactly.
    func key(of extractor: any Extractor, slot: Int, inputs: String) -> String? {
        let text: String?
        if let known = settings[slot] {
            text = known
        } else {
            text = SettingsText.of(extractor)
            settings[slot] = text
        }
        guard let text else { return nil }
        let kind = type(of: extractor).name
        return "semgate extraction cache\nbuild \(store.build)\nkind \(kind)\nsettings \(text)\ninputs \(inputs)\n"
    }

    /// Whether the object store holds every object `inputs` names (a folder's Go files once per folder and run).
    func present(_ inputs: ExtractionInputs, in repository: Repository) -> Bool {
        guard inputs.blobs.allSatisfy(repository.contains) else { return false }
        guard let module = inputs.goModule else { return true }
        return goSourcePresent(module, in: repository, depth: 0)
    }

    private func goSourcePresent(_ tree: ObjectID, in repository: Repository, depth: Int) -> Bool {
        if presentFolders.contains(tree) { return true }
        guard depth <= Limit.treeDepth, let entries = try? repository.entries(ofTree: tree) else { return false }
        for entry in entries {
            let name = entry.name
            switch entry.kind {
            case .blob where name == "go.mod" || GoFileName.isPackageSource(name):
                guard repository.contains(entry.id) else { return false }
            case .tree where !["testdata", "vendor"].contains(name) && !name.hasPrefix(".") && !name.hasPrefix("_"):
                guard goSourcePresent(entry.id, in: repository, depth: depth + 1) else { return false }
            default:
                continue
            }
        }
        if presentFolders.count > Self.storedLimit { presentFolders = [] }
        presentFolders.insert(tree)
        return true
    }

    /// The stored groups of `key` with what the extraction reported, and how many of their items were read from
    /// the store rather than reused from this run; nil when any part is missing or cannot be trusted.
    func load(_ key: String, slot: Int) -> (result: ExtractionStore.Result, groups: [[RawItem]], read: Int)? {
        guard let result = store.result(forKey: key) else {
            misses += 1
            return nil
        }
        var groups: [[RawItem]] = []
        var read = 0
        var complete = true
        for (digest, count) in result.groups {
            let internKey = InternKey(slot: slot, digest: digest)
            if let known = interned[internKey], known.count == count {
                groups.append(known)
                continue
            }
            guard let items = store.group(digest), items.count == count else {
                // A group that is missing or damaged is removed, and written again by the next result that has it;
                // the others are still checked, so one extraction again mends them all.
                store.removeGroup(digest)
                stored.remove(digest)
                complete = false
                continue
            }
            stored.insert(digest)
            interned.insert(items, for: internKey, cost: CacheCost.of(items))
            groups.append(items)
            read += items.count
        }
        guard complete else {
            misses += 1
            return nil
        }
        hits += 1
        return (result, groups, read)
    }

    /// Stores what an extraction found under `key`: each group not yet in the store, then the result naming them.
    func save(
        _ key: String, slot: Int, groups: [[RawItem]], notes: [String], problems: [SourceProblem], incomplete: Bool,
        uncertain: [String]
    ) {
        var digests: [(digest: ObjectID, count: Int)] = []
        for items in groups {
            let storage = items.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            let digest: ObjectID
            if let known = self.digests[storage], known.items.count == items.count {
                digest = known.digest
            } else {
                let encoded = ExtractionStore.encode(items)
                digest = encoded.digest
                if stored.count > Self.storedLimit { stored = [] }
                if !stored.contains(digest) {
                    if !store.hasGroup(digest, bytes: encoded.bytes.count) {
                        store.saveGroup(bytes: encoded.bytes, digest: digest)
                    }
                    stored.insert(digest)
                }
                self.digests.insert((items, digest), for: storage, cost: CacheCost.of(items))
                let internKey = InternKey(slot: slot, digest: digest)
                if interned[internKey] == nil { interned.insert(items, for: internKey, cost: CacheCost.of(items)) }
            }
            digests.append((digest, items.count))
        }
        store.save(
            ExtractionStore.Result(
                notes: notes, problems: problems, incomplete: incomplete, uncertain: uncertain, groups: digests),
            forKey: key)
    }
}

/// What an extractor's result at one revision depends on besides its settings (`Extractor.cacheInputs`): text for the
/// persistent cache's key, and the objects read, which the object store must hold for a stored result to be used (so
/// a partial clone that lacks one fails as it does without the cache, fail closed).
public struct ExtractionInputs {
    /// The inputs as key text: object ids, with the paths they were read at.
    public let text: String
    /// The blobs read.
    let blobs: [ObjectID]
    /// A Go module's folder, whose `go.mod` and `.go` files (tests left out; `testdata`, `vendor`, `.`- and
    /// `_`-folders skipped) were read.
    let goModule: ObjectID?

    init(text: String, blobs: [ObjectID], goModule: ObjectID? = nil) {
        self.text = text
        self.blobs = blobs
        self.goModule = goModule
    }
}

extension ExtractionContext {
    /// The inputs of the files `fileGlobs` matched, for `Extractor.cacheInputs`: each path and blob id, in order.
    public var fileInputs: ExtractionInputs {
        var text = "files \(files.count)\n"
        for file in files { text += "\(file.path.utf8.count):\(file.path) \(file.blob.hex)\n" }
        return ExtractionInputs(text: text, blobs: files.map(\.blob))
    }

    /// `extractor`'s groups of items: from the persistent cache when it holds a result for exactly these settings and
    /// inputs (with the notes, problems and incompleteness the extraction reported then), else extracted and stored.
    /// Only revisions of the repository are cached (a working directory's folders have no object ids).
    /// With an `interest`, a result extracted for it (`Extractor.deprecationGroups`) that left inputs out is not
    /// stored.
    mutating func cachedItemGroups(of extractor: any Extractor, interest: DeprecationInterest?) throws(SurfaceError)
        -> [[RawItem]]
    {
        guard let persistent = caches.persistent, let repository = source as? Repository,
            let inputs = try extractor.cacheInputs(in: &self),
            let key = persistent.key(of: extractor, slot: slot, inputs: inputs.text)
        else { return try extractGroups(of: extractor, interest: interest) }
        if persistent.present(inputs, in: repository), let found = persistent.load(key, slot: slot) {
            try charge(built: found.read)
            notes += found.result.notes
            problems += found.result.problems
            if found.result.incomplete { incomplete = true }
            uncertain += found.result.uncertain
            return found.groups
        }
        let (notesBefore, problemsBefore, uncertainBefore) = (notes.count, problems.count, uncertain.count)
        let groups = try extractGroups(of: extractor, interest: interest)
        guard !leftOut else { return groups }
        persistent.save(
            key, slot: slot, groups: groups, notes: Array(notes[notesBefore...]),
            problems: Array(problems[problemsBefore...]), incomplete: incomplete,
            uncertain: Array(uncertain[uncertainBefore...]))
        return groups
    }

    /// `extractor`'s groups of items, all of them or those `interest` needs.
    private mutating func extractGroups(of extractor: any Extractor, interest: DeprecationInterest?)
        throws(SurfaceError) -> [[RawItem]]
    {
        guard let interest else { return try extractor.itemGroups(in: &self) }
        return try extractor.deprecationGroups(in: &self, interest: interest)
    }
}

extension ExtractionContext {
    /// The inputs of an extractor that reads only the Go module whose `go.mod` is at `root` (`go-packages`, `go-api`):
    /// the module folder's tree id, which names every file below it, and the module path with whether it was read
    /// from HEAD's `go.mod` (a revision from before Go modules). Nil when there is no module there.
    func moduleInputs(root: String) throws(SurfaceError) -> ExtractionInputs? {
        var notes: [String] = []
        let located: (tree: ObjectID, path: String, inferred: Bool)?
        do {
            located = try cache(GoModuleLocator.init).locate(
                root: root, in: tree, files: source, extractor: "", notes: &notes)
        } catch {
            throw .git(error)
        }
        guard let located else { return nil }
        let origin = located.inferred ? "inferred" : "declared"
        return ExtractionInputs(
            text: "module \(located.tree.hex) \(origin) \(located.path.utf8.count):\(located.path)\n", blobs: [],
            goModule: located.tree)
    }
}
