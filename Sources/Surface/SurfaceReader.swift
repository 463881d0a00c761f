import Foundation
import Git
import Limits
import Pattern
import Policy
import Synchronization

/// Why a surface could not be read at all (a missing file is not one: it yields no items).
public enum SurfaceError: Error, Sendable, CustomStringConvertible {
    case git(GitError)
    case pattern(surface: String, path: String, error: PatternError)
    /// A per-run budget ran out or a file was too large: what, where, and the limit.
    case limit(String)

    public var description: String {
        switch self {
        case .git(let error): return error.description
        case .limit(let message): return message
        case .pattern(let surface, let path, let error):
            return "surface '\(surface)': \(error.description) while reading '\(path)'"
        }
    }
}

/// A version as the code declares it (`releases.version-file`), with where it was found.
public struct DeclaredVersion: Sendable, Equatable {
    /// The text of the pattern's `version` group, as written (`1.9.0`, `v1.9.0`, `1.9.0-dev`).
    public let text: String
    public let location: Location

    public init(text: String, location: Location) {
        self.text = text
        self.location = location
    }
}

/// Reads the declared surfaces of a policy at any commit, remembering work by object id.
///
/// Trees and blobs are immutable, so a blob that did not change between two tags is never read or matched twice.
public final class SurfaceReader {
    private let repository: Repository
    private let policy: Policy
    /// What each kind remembers between revisions (by blob or tree id).
    private let caches: ExtractorCaches
    /// A number for every id read so far, by surface (index in the policy) and key, and by number the id and whether
    /// the surface's include and exclude globs admit the item and whether an experimental glob matches it: the same
    /// ids recur at every revision, and a known one costs a lookup of its key.
    private var keyNumbers: [[String: Int]]
    private var ids: [String] = []
    private var globVerdicts: [(admitted: Bool, experimental: Bool)] = []
    /// Keys are numbered by their bytes, as Go names them, but `keyNumbers` and the surfaces' dictionaries take two
    /// spellings Swift's `==` calls equal (`"\u{e9}"` and `"e\u{301}"`, `"K"` and the Kelvin sign) as one: by number
    /// its key, and for a number `keyNumbers` holds, the numbers of the other spellings of its key. Such numbers are
    /// `respelled`: they share a surface's entry (``KeyBytes``), so they are never updated in part.
    private var keys: [String] = []
    private var spellings: [Int: [Int]] = [:]
    private var respelled: [Bool] = []
    /// Decoded blobs of the snapshot being read (two extractors reading one file read it once), at most
    /// `Limit.textCacheBytes` of them: memory follows the largest file, not the sum of the files read.
    private var texts: [ObjectID: String] = [:]
    private var textBytes = 0
    /// What this run may spend in all: pattern steps (`Limit.patternStepsPerRun`) and items built
    /// (`Limit.itemsPerRun`), and what is left of each; bytes read are counted by the repository handle.
    private let budgets: Budgets
    private let run: RunBudgets
    private var itemsBuilt: ItemBudget { run.items }

    /// The budgets of a reader; tests lower them to reach them quickly.
    struct Budgets: Sendable {
        var patternSteps = Limit.patternStepsPerRun
        var items = Limit.itemsPerRun
        var itemsHandedOver = Limit.itemsHandedOverPerSnapshot
        var treeEntries = Limit.treeEntriesPerWalk
    }

    /// What is left of one run's budgets, shared by the readers that read its surfaces in parts (`surfaces:`), each
    /// on a thread of its own: the run spends no more than one reader of every surface would.
    public final class RunBudgets: Sendable {
        let limits: Budgets
        let items: ItemBudget
        private let patternSteps: Mutex<Int>

        /// The budgets of `Limit`.
        public convenience init() {
            self.init(Budgets())
        }

        init(_ limits: Budgets) {
            self.limits = limits
            items = ItemBudget(limit: limits.items)
            patternSteps = Mutex(limits.patternSteps)
        }

        /// Takes up to `steps` pattern steps from what is left, and how many it took.
        func takeSteps(upTo steps: Int) -> Int {
            patternSteps.withLock { (left: inout Int) -> Int in
                let taken = min(steps, left)
                left -= taken
                return taken
            }
        }

        /// Gives back steps taken and not spent.
        func giveBackSteps(_ steps: Int) {
            patternSteps.withLock { $0 += steps }
        }
    }

    /// The budgets this reader spends from, for readers of the same run's other surfaces to share.
    public var runBudgets: RunBudgets { run }
    /// The surfaces this reader reads, by index in the policy; the others yield nothing.
    private let reading: [Int]
    /// Whether the reader reads only some surfaces: its snapshots then keep what each surface added besides items,
    /// for `SurfaceSnapshot.combining`.
    private let partial: Bool
    /// The extractors of every surface with their kind and slot (a number unique in the policy).
    private let extractors: [[(extractor: any Extractor, slot: Int)]]
    /// The file globs of every extractor that has them, by slot.
    private let fileGlobs: [(slot: Int, globs: [Glob])]
    /// Whether some file glob may match below a folder, by folder path (ASCII paths: see `mayReach`): the walk enters
    /// no other folder.
    private var reachable: [String: Bool] = [:]
    /// The slots of the extractors whose file globs match a file, by path: a folder is listed again whenever a file
    /// in it changes, and its other paths are looked up instead of matched against every glob again. Emptied when it
    /// holds `Limit.rememberedPaths`.
    /// Only ASCII paths are remembered: a `String` key is equal to any canonically equivalent one (`caf\u{E9}` and
    /// `cafe\u{301}`), while git names and globs compare bytes.
    private var pathSlots: [String: [Int]] = [:]
    /// What each folder of the repository's trees holds for the extractors, by path and tree id: a folder that did
    /// not change between two revisions is listed and matched once while it stays in this bounded cache.
    private let folders = BoundedCache<FolderKey, FolderListing>(capacity: Limit.itemCacheBytes)
    /// The last snapshot read from the repository, with how many raw items of its inputs have each id: the next
    /// revision starts from its items and merges again only the ids of inputs that changed (`SurfaceInputs`).
    private var lastRead: SurfaceSnapshot?
    /// How many raw items of `lastRead`'s inputs have each id, by number (valid while `lastRead` is set), and a zeroed
    /// scratch array of the same size.
    private var counts: [Int32] = []
    private var scratch: [Int32] = []

    /// The persistent extraction cache the reader consults before extracting and fills after (nil: none).
    public var store: ExtractionStore? {
        get { caches.persistent?.store }
        set { caches.persistent = newValue.map(PersistentExtraction.init) }
    }

    /// How many extraction results the persistent cache held (hits) and did not (misses) so far.
    var storeUse: (hits: Int, misses: Int) { (caches.persistent?.hits ?? 0, caches.persistent?.misses ?? 0) }

    public convenience init(repository: Repository, policy: Policy) {
        self.init(repository: repository, policy: policy, budgets: Budgets())
    }

    convenience init(repository: Repository, policy: Policy, budgets: Budgets) {
        self.init(repository: repository, policy: policy, surfaces: nil, run: RunBudgets(budgets))
    }

    /// A reader of only the surfaces named in `surfaces` (nil: all of them), spending from `budgets`, which the
    /// readers of the other surfaces of the run share. A snapshot of every surface is the `SurfaceSnapshot.combining`
    /// of snapshots of the same revision by readers of disjoint sets of surfaces: each surface is read and merged on
    /// its own (its ids start with its name).
    public convenience init(
        repository: Repository, policy: Policy, surfaces: Set<String>?, budgets: RunBudgets
    ) {
        self.init(repository: repository, policy: policy, surfaces: surfaces, run: budgets)
    }

    /// A reader of `surfaces` (those of them this reader reads) that shares this reader's extraction caches (items
    /// and parsed files by blob, and the persistent store) and budgets, but not what it read last: for a revision far
    /// from those this reader reads in turn (the merge base fork blame compares with), whose read would otherwise make
    /// this reader's next read merge everything again. Its snapshots keep what each surface added besides items, for
    /// `SurfaceSnapshot.combining`. Use it on this reader's thread only.
    public func companion(surfaces: Set<String>) -> SurfaceReader {
        let names = Set(reading.map { policy.surfaces[$0].name }).intersection(surfaces)
        return SurfaceReader(repository: repository, policy: policy, surfaces: names, run: run, caches: caches)
    }

    private init(
        repository: Repository, policy: Policy, surfaces: Set<String>?, run: RunBudgets,
        caches: ExtractorCaches = ExtractorCaches()
    ) {
        self.repository = repository
        self.policy = policy
        self.caches = caches
        self.run = run
        budgets = run.limits
        reading = policy.surfaces.indices.filter { surfaces?.contains(policy.surfaces[$0].name) ?? true }
        keyNumbers = Array(repeating: [:], count: policy.surfaces.count)
        partial = surfaces != nil
        var slot = 0
        var globs: [(slot: Int, globs: [Glob])] = []
        let reading = Set(reading)
        extractors = policy.surfaces.enumerated().map { index, surface in
            surface.extractors.compactMap { spec in
                guard let extractor = spec as? any Extractor else { return nil }
                defer { slot += 1 }
                if let files = extractor.fileGlobs, reading.contains(index) { globs.append((slot, files)) }
                return (extractor, slot)
            }
        }
        fileGlobs = globs
    }

    /// The surface at `commit`: every surface's extractors united, include/exclude and experimental globs applied.
    /// With an `interest` (`deprecations`' pass over the releases before head), the extractors may leave out inputs
    /// that cannot show a deprecation (`Extractor.deprecationGroups`): the snapshot then holds every item marked
    /// deprecated and every watched key that is there, and the notes, but not necessarily the other items.
    public func snapshot(at commit: ObjectID, interest: DeprecationInterest? = nil) throws(SurfaceError)
        -> SurfaceSnapshot
    {
        try snapshot(of: try rootTree(of: commit), in: repository, interest: interest)
    }

    /// Whether a read of `surface` at `commit` surely reads nothing of it (``SurfaceSnapshot/readsNothing(of:)``):
    /// every one of its extractors finds, among the files its globs match there, none it could read
    /// (`Extractor.readsNothing(matching:)`, cobra with no Go source file); one extractor that may read something
    /// (review R54: a surface listing two cobra extractors, one of them on a folder with nothing) makes it false.
    /// Extracts nothing: one walk of the folders the globs of the surfaces this reader reads may reach (a reader of
    /// `surface` alone walks only its own), the folders remembered by tree id as a read remembers them. False when a
    /// read might find something, or this reader does not read `surface`.
    public func surelyReadsNothing(of surface: String, at commit: ObjectID) throws(SurfaceError) -> Bool {
        guard let index = reading.first(where: { policy.surfaces[$0].name == surface }) else { return false }
        let matching = extractors[index]
        guard !matching.isEmpty, matching.allSatisfy({ $0.extractor.fileGlobs != nil }) else { return false }
        let tree = try rootTree(of: commit)
        let files: [Candidate]
        do {
            files = try candidates(in: tree, source: repository)
        } catch {
            throw .git(error)
        }
        return matching.allSatisfy { extractor, slot in
            extractor.readsNothing(matching: files.filter { $0.extractors.contains(slot) }.map { ($0.path, $0.blob) })
        }
    }

    /// The surface of the working directory: files on disk, committed or not, that `.gitignore` does not exclude.
    public func snapshot(of workingTree: WorkingTree) throws(SurfaceError) -> SurfaceSnapshot {
        try snapshot(of: workingTree.root, in: workingTree)
    }

    /// The version the code declares at `commit` (`releases.version-file`), or nil when no listed file has one.
    public func declaredVersion(at commit: ObjectID) throws(SurfaceError) -> DeclaredVersion? {
        try declaredVersion(in: try rootTree(of: commit), source: repository)
    }

    private func rootTree(of commit: ObjectID) throws(SurfaceError) -> ObjectID {
        do {
            return try repository.rootTree(of: commit)
        } catch {
            throw .git(error)
        }
    }

    /// The version the working directory's files declare (`releases.version-file`).
    public func declaredVersion(in workingTree: WorkingTree) throws(SurfaceError) -> DeclaredVersion? {
        try declaredVersion(in: workingTree.root, source: workingTree)
    }

    /// The first `version-file` entry whose file exists and whose pattern matches a non-empty `version` group.
    private func declaredVersion(in tree: ObjectID, source: any FileTree) throws(SurfaceError) -> DeclaredVersion? {
        var notes: [String] = []
        for spec in policy.releases.versionFiles {
            let found: ObjectID?
            do {
                found = try source.blobID(atPath: spec.path, inTree: tree)
            } catch {
                throw .git(error)
            }
            guard let blob = found, let text = try readText(blob, path: spec.path, source: source, notes: &notes)
            else { continue }
            let matches = try match(spec.pattern, in: text, surface: "releases.version-file", path: spec.path)
            for match in matches {
                guard let version = match.groups["version"], !version.isEmpty else { continue }
                let line = match.groupLine("version") ?? match.line
                return DeclaredVersion(text: version, location: Location(path: spec.path, line: line))
            }
        }
        return nil
    }

    /// The surface of the folder `tree` of `source`.
    private func snapshot(of tree: ObjectID, in source: any FileTree, interest: DeprecationInterest? = nil)
        throws(SurfaceError) -> SurfaceSnapshot
    {
        texts = [:]
        textBytes = 0
        defer {
            texts = [:]
            textBytes = 0
        }
        let files: [Candidate]
        do {
            files = try candidates(in: tree, source: source)
        } catch {
            throw .git(error)
        }
        // A revision of the repository starts from the last one read and merges again only what its inputs changed.
        let remember = source === repository
        var merged: [String: SurfaceItem] = [:]
        var last: [String: [SurfaceInputs.Group]]?
        if remember, let previous = lastRead {
            merged = previous.items
            last = previous.inputs?.groups
        } else {
            counts = Array(repeating: 0, count: counts.count)
        }
        // The counts change from here; a read that fails starts afresh.
        lastRead = nil
        var snapshot = SurfaceSnapshot()
        var inputs = SurfaceInputs()
        var handedOver = 0
        var sections: [String: SurfaceSnapshot.Section] = [:]
        for surfaceIndex in reading {
            let surface = policy.surfaces[surfaceIndex]
            let (notesBefore, problemsBefore, handedOverBefore) =
                (snapshot.notes.count, snapshot.problems.count, handedOver)
            var groups: [SurfaceInputs.Group] = []
            // The groups the last revision had: an array handed over again is the same group.
            var known: [UInt: SurfaceInputs.Group] = [:]
            for group in last?[surface.name] ?? [] { known[group.identity] = group }
            // How many of the surface's extractors read nothing of it (``SurfaceSnapshot/unreadMark``): the surface
            // reads nothing only when all of them did (a list of cobra extractors, one a folder the command line lived
            // in at some releases, has one that reads nothing at most releases, and the others' reads count).
            var readNothing = 0
            for (extractor, slot) in extractors[surfaceIndex] {
                var context = ExtractionContext(
                    surface: surface.name, tree: tree, source: source,
                    files: extractor.fileGlobs == nil
                        ? [] : files.filter { $0.extractors.contains(slot) }.map { ($0.path, $0.blob) },
                    slot: slot, notes: snapshot.notes, problems: snapshot.problems, caches: caches,
                    itemsBuilt: itemsBuilt, treeEntries: budgets.treeEntries,
                    readBlob: { (blob, path, notes) throws(SurfaceError) in
                        try self.readText(blob, path: path, source: source, notes: &notes)
                    },
                    match: { (pattern, text, path) throws(SurfaceError) in
                        try self.match(pattern, in: text, surface: surface.name, path: path)
                    })
                let found = try context.cachedItemGroups(of: extractor, interest: interest)
                handedOver += found.reduce(0) { $0 + $1.count }
                guard handedOver <= budgets.itemsHandedOver else {
                    throw .limit(
                        "the extractors handed over more than \(budgets.itemsHandedOver) items for one revision "
                            + "(reached reading surface '\(surface.name)'), more than semgate merges into one "
                            + "surface; narrow the surfaces")
                }
                for items in found {
                    let identity = SurfaceInputs.Group.identity(of: items)
                    groups.append(known[identity] ?? group(items, identity: identity, surface: surfaceIndex))
                }
                snapshot.notes = context.notes
                snapshot.problems = context.problems
                if context.incomplete { snapshot.incomplete.insert(surface.name) }
                var uncertain = context.uncertain
                if uncertain.contains(SurfaceSnapshot.unreadMark) {
                    readNothing += 1
                    uncertain.removeAll { $0 == SurfaceSnapshot.unreadMark }
                }
                if !uncertain.isEmpty { snapshot.addUncertain(uncertain, surface: surface.name) }
            }
            if readNothing > 0, readNothing == extractors[surfaceIndex].count {
                snapshot.addUncertain([SurfaceSnapshot.unreadMark], surface: surface.name)
                // Said of the surface, once: with another extractor reading it, removals are claimed as usual.
                snapshot.notes.append(
                    "surface '\(surface.name)': no extractor of it reads a command line here (see its other notes), "
                        + "so audit compares the next release that reads it with the last one before that did, and "
                        + "claims the removals here only when this is the last release it audits (check and diff always "
                        + "claim them); if the command line lived "
                        + "elsewhere, add those folders to 'files', or if the tag is another program's, list it under "
                        + "releases.ignore")
            }
            if let old = last?[surface.name] {
                update(&merged, from: old, to: groups)
            } else {
                if remember { count(groups) }
                merge(groups, into: &merged)
            }
            inputs.groups[surface.name] = groups
            if partial {
                sections[surface.name] = SurfaceSnapshot.Section(
                    notes: Array(snapshot.notes[notesBefore...]), problems: Array(snapshot.problems[problemsBefore...]),
                    handedOver: handedOver - handedOverBefore)
            }
            // Starting from the last revision, the items of later surfaces are the last revision's until they are
            // merged: the count is judged once at the end, and a surface past the limit is named by a full merge.
            guard last != nil || merged.count <= Limit.itemsPerSnapshot else {
                throw .limit(
                    "surface '\(surface.name)' holds more than \(Limit.itemsPerSnapshot) items at one revision, more "
                        + "than semgate keeps in one surface; narrow its files or pattern")
            }
        }
        if last != nil && merged.count > Limit.itemsPerSnapshot {
            return try self.snapshot(of: tree, in: source, interest: interest)
        }
        snapshot.items = merged
        snapshot.inputs = inputs
        if partial { snapshot.sections = sections }
        if remember { lastRead = snapshot }
        return snapshot
    }

    /// Every match of `pattern` in `text`, charged to the run's pattern budget and item budget.
    private func match(_ pattern: Pattern, in text: String, surface: String, path: String) throws(SurfaceError)
        -> [PatternMatch]
    {
        let taken = run.takeSteps(upTo: Limit.patternStepsPerFile)
        var budget = taken
        let runLimited = taken < Limit.patternStepsPerFile
        defer { run.giveBackSteps(budget) }
        do {
            return try pattern.matches(in: text, budget: &budget, maximumMatches: max(0, itemsBuilt.left))
        } catch {
            switch error.kind {
            case .budgetExceeded where runLimited:
                throw .limit(
                    "surface '\(surface)': patterns spent more than \(budgets.patternSteps) steps in this run "
                        + "(reached at '\(path)'), the most one run spends; narrow the files or simplify the patterns")
            case .tooManyMatches:
                throw itemsBuilt.exhausted(surface: surface)
            default:
                throw .pattern(surface: surface, path: path, error: error)
            }
        }
    }

    /// The group of `items` handed over for the surface at `surfaceIndex`, with each item's id and number and the
    /// item merging adds.
    private func group(_ items: [RawItem], identity: UInt, surface surfaceIndex: Int) -> SurfaceInputs.Group {
        let surface = policy.surfaces[surfaceIndex]
        var ids: [String] = []
        var numbers: [Int] = []
        var merged: [SurfaceItem?] = []
        ids.reserveCapacity(items.count)
        numbers.reserveCapacity(items.count)
        merged.reserveCapacity(items.count)
        for item in items {
            let number = self.number(of: item.key, surface: surfaceIndex)
            let id = self.ids[number]
            ids.append(id)
            numbers.append(number)
            let (admitted, experimental) = globVerdicts[number]
            guard admitted else {
                merged.append(nil)
                continue
            }
            var stability = item.stability
            if stability == .stable && (experimental || isUnpromisedHidden(item)) { stability = .experimental }
            merged.append(
                SurfaceItem(
                    surface: surface.name, key: item.key, id: id, attributes: item.attributes, stability: stability,
                    location: item.location))
        }
        return SurfaceInputs.Group(items, identity: identity, ids: ids, numbers: numbers, merged: merged)
    }

    /// Whether `item` is hidden from the program's help and the policy's `hidden: experimental` says such items
    /// promise nothing.
    private func isUnpromisedHidden(_ item: RawItem) -> Bool {
        policy.hidden == .experimental && item.attributes["hidden"] == "true"
    }

    /// The number of the id of `key` (by its bytes) in the surface at `surfaceIndex`, given the first time it is read,
    /// when its glob verdict is worked out.
    private func number(of key: String, surface surfaceIndex: Int) -> Int {
        let number = globVerdicts.count
        if let known = keyNumbers[surfaceIndex][key] {
            if Bytewise.same(keys[known], key) { return known }
            if let other = spellings[known]?.first(where: { Bytewise.same(keys[$0], key) }) { return other }
            spellings[known, default: []].append(number)
            respelled[known] = true
            respelled.append(true)
        } else {
            keyNumbers[surfaceIndex][key] = number
            respelled.append(false)
        }
        let surface = policy.surfaces[surfaceIndex]
        let id = surface.name + ":" + key
        keys.append(key)
        ids.append(id)
        let admitted =
            (surface.include.isEmpty || surface.include.contains { $0.matches(key) })
            && !surface.exclude.contains { $0.matches(key) }
        globVerdicts.append((admitted, admitted && policy.experimental.contains { $0.matches(id) }))
        return number
    }

    /// Merges `groups` into `items`, in order: the first item of an id stands, with the attributes it lacks taken
    /// from later ones, deprecated when any is.
    private func merge(_ groups: [SurfaceInputs.Group], into items: inout [String: SurfaceItem]) {
        for group in groups {
            for (index, made) in group.merged.enumerated() {
                guard let made else { continue }
                let id = group.ids[index]
                // One lookup for a new id (almost all of them); an id seen before gets its first item back.
                guard var existing = items.updateValue(made, forKey: id) else { continue }
                existing.attributes.merge(group.items[index].attributes) { first, _ in first }
                if made.stability == .deprecated { existing.stability = .deprecated }
                KeyBytes.merge(made, into: &existing)
                items[id] = existing
            }
        }
    }

    /// Adds the raw items of `groups` to `counts`.
    private func count(_ groups: [SurfaceInputs.Group]) {
        growCounts()
        for group in groups {
            for number in group.numbers { counts[number] += 1 }
        }
    }

    /// `counts` and `scratch` with room for every number given so far.
    private func growCounts() {
        guard counts.count < globVerdicts.count else { return }
        counts += Array(repeating: 0, count: globVerdicts.count - counts.count)
        scratch += Array(repeating: 0, count: globVerdicts.count - scratch.count)
    }

    /// `items` (holding a surface merged from `old`) with the surface merged from `new` instead: the items of groups
    /// only one side has are merged again when every raw item of their id is in a new group, else the surface is.
    private func update(
        _ items: inout [String: SurfaceItem], from old: [SurfaceInputs.Group], to new: [SurfaceInputs.Group]
    ) {
        let oldIdentities = Set(old.map(\.identity))
        let newIdentities = Set(new.map(\.identity))
        let sameOrder = new.lazy.map(\.identity).filter(oldIdentities.contains)
            .elementsEqual(old.lazy.map(\.identity).filter(newIdentities.contains))
        let removed = sameOrder ? old.filter { !newIdentities.contains($0.identity) } : old
        let added = sameOrder ? new.filter { !oldIdentities.contains($0.identity) } : new
        if removed.isEmpty && added.isEmpty { return }
        growCounts()
        for group in removed {
            for number in group.numbers { counts[number] -= 1 }
        }
        // `scratch` counts the raw items of the added groups, and is zeroed again below.
        for group in added {
            for number in group.numbers {
                counts[number] += 1
                scratch[number] += 1
            }
        }
        // An id that also has raw items in a kept group depends on their order: merge the whole surface again.
        let partial = (removed + added).allSatisfy { group in
            group.numbers.allSatisfy { counts[$0] == scratch[$0] && !respelled[$0] }
        }
        guard partial else {
            for group in added {
                for number in group.numbers { scratch[number] = 0 }
            }
            for group in old + added {
                for id in group.ids { items[id] = nil }
            }
            merge(new, into: &items)
            return
        }
        // Every raw item of these ids is in an added group: the first one of an id replaces the item it had, the
        // others merge into it (as `merge` does into a surface without the id); `scratch` says which came first and
        // is zeroed again. Ids only removed groups had are gone.
        for group in added {
            for number in group.numbers { scratch[number] = 1 }
        }
        for group in removed {
            for (index, number) in group.numbers.enumerated() where scratch[number] == 0 {
                items[group.ids[index]] = nil
            }
        }
        for group in added {
            for (index, made) in group.merged.enumerated() {
                let number = group.numbers[index]
                guard let made else {
                    // An id its surface does not admit: no raw item of it is.
                    items[group.ids[index]] = nil
                    continue
                }
                guard scratch[number] == 2, var existing = items[group.ids[index]] else {
                    items[group.ids[index]] = made
                    scratch[number] = 2
                    continue
                }
                existing.attributes.merge(group.items[index].attributes) { first, _ in first }
                if made.stability == .deprecated { existing.stability = .deprecated }
                items[group.ids[index]] = existing
            }
        }
        for group in added {
            for number in group.numbers { scratch[number] = 0 }
        }
    }

    // MARK: Files

    /// A file some extractor reads, with the slots of the extractors whose globs match its path.
    private struct Candidate {
        let path: String
        let blob: ObjectID
        let extractors: [Int]
    }

    /// A file or a folder worth entering, in the order of its folder's listing.
    private enum FolderEntry {
        case file(Candidate)
        case folder(path: String, tree: ObjectID)
        /// A symbolic link some extractor's globs match: resolved at each revision (its target may be anywhere).
        case link(path: String, extractors: [Int])
    }

    /// A folder's entries worth entering, and how many entries its listing has in all (what entering it costs
    /// against `Budgets.treeEntries`, whether it was listed or remembered).
    private struct FolderListing {
        let entries: [FolderEntry]
        let listed: Int
    }

    private struct FolderKey: Hashable {
        let path: String
        let tree: ObjectID
    }

    /// Every blob some extractor's file glob matches, in tree order, found in one walk that enters only folders some
    /// glob may reach; each path is matched against the globs once. Folders of the repository are remembered by
    /// path and tree id (a working directory's ids are made up per run and are not).
    private func candidates(in tree: ObjectID, source: any FileTree) throws(GitError) -> [Candidate] {
        guard !fileGlobs.isEmpty else { return [] }
        var files: [Candidate] = []
        var listed = 0
        var links = PathResolver(source, budget: budgets.treeEntries)
        try collect(
            folder: "", tree: tree, root: tree, depth: 0, source: source, remember: source === repository, into: &files,
            listed: &listed, links: &links)
        return files
    }

    /// Adds the candidates below `folder` to `files`. Every folder entered counts its entries in `listed` (the
    /// globs match paths, so a folder tree met at many paths is listed at each): past `Budgets.treeEntries` the walk
    /// stops with `tooManyEntries` naming the folder, remembered or not, before its entries are kept. Links are
    /// resolved by `links`, whose folder indexes and budget serve every link of the walk.
    private func collect(
        folder: String, tree: ObjectID, root: ObjectID, depth: Int, source: any FileTree, remember: Bool,
        into files: inout [Candidate], listed: inout Int, links: inout PathResolver
    ) throws(GitError) {
        let key = FolderKey(path: folder, tree: tree)
        let listing: [FolderEntry]
        if remember, let known = folders[key] {
            listed += known.listed
            guard listed <= budgets.treeEntries else {
                throw GitError.tooManyEntries(path: folder, limit: budgets.treeEntries)
            }
            listing = known.entries
        } else {
            guard depth <= Limit.treeDepth else { throw GitError.tooDeep(path: folder) }
            let entries: [TreeEntry]
            do {
                entries = try source.entries(ofTree: tree)
            } catch {
                throw error.locating(path: folder.isEmpty ? nil : folder, revision: nil)
            }
            listed += entries.count
            guard listed <= budgets.treeEntries else {
                throw GitError.tooManyEntries(path: folder, limit: budgets.treeEntries)
            }
            var made: [FolderEntry] = []
            for entry in entries {
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                switch entry.kind {
                case .blob:
                    let slots = self.slots(of: path)
                    if !slots.isEmpty { made.append(.file(Candidate(path: path, blob: entry.id, extractors: slots))) }
                case .link:
                    let slots = self.slots(of: path)
                    if !slots.isEmpty { made.append(.link(path: path, extractors: slots)) }
                case .tree:
                    if mayReach(path) { made.append(.folder(path: path, tree: entry.id)) }
                case .submodule:
                    continue
                }
            }
            if remember {
                folders.insert(
                    FolderListing(entries: made, listed: entries.count), for: key,
                    cost: made.reduce(CacheCost.of(folder)) { total, entry in
                        switch entry {
                        case .file(let candidate): return total + CacheCost.overhead + CacheCost.of(candidate.path)
                        case .folder(let path, _), .link(let path, _):
                            return total + CacheCost.overhead + CacheCost.of(path)
                        }
                    })
            }
            listing = made
        }
        for entry in listing {
            switch entry {
            case .file(let candidate):
                files.append(candidate)
            case .folder(let path, let subtree):
                try collect(
                    folder: path, tree: subtree, root: root, depth: depth + 1, source: source, remember: remember,
                    into: &files, listed: &listed, links: &links)
            case .link(let path, let slots):
                // Go reads a link to a file as that file (a link to a folder is no source file): the target inside
                // the repository is read under the link's name. One that leaves the repository or loops is an
                // error naming the path (fail closed): what the build would read there is not known.
                if let blob = try links.blobID(atPath: path, inTree: root) {
                    files.append(Candidate(path: path, blob: blob, extractors: slots))
                }
            }
        }
    }

    /// The slots of the extractors whose globs match `path`, remembered for ASCII paths.
    private func slots(of path: String) -> [Int] {
        if let known = pathSlots[path] { return known }
        let slots = fileGlobs.filter { $0.globs.contains { $0.matches(path) } }.map(\.slot)
        if Self.isASCII(path) {
            if pathSlots.count >= Limit.rememberedPaths { pathSlots.removeAll(keepingCapacity: true) }
            pathSlots[path] = slots
        }
        return slots
    }

    /// Whether some extractor's file glob may match a file below `folder`.
    private func mayReach(_ folder: String) -> Bool {
        if let known = reachable[folder] { return known }
        let verdict = fileGlobs.contains { $0.globs.contains { $0.mayMatch(below: folder) } }
        // Remembered for ASCII paths only, as `pathSlots`: a folder spelled otherwise in bytes (NFD for NFC) would
        // find the other spelling's answer and be skipped.
        if Self.isASCII(folder) {
            if reachable.count >= Limit.rememberedPaths { reachable.removeAll(keepingCapacity: true) }
            reachable[folder] = verdict
        }
        return verdict
    }

    /// Whether `text` is ASCII, so that `String` equality (canonical equivalence) is equality of its bytes.
    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// A blob's text, read at most once per snapshot. A blob the object store lacks is an error naming `path`
    /// (fail closed: a file a surface needs and cannot read never passes as empty).
    private func readText(_ blob: ObjectID, path: String, source: any FileTree, notes: inout [String])
        throws(SurfaceError) -> String?
    {
        if let text = texts[blob] { return text }
        do {
            let text = try source.text(ofBlob: blob)
            if textBytes + text.utf8.count <= Limit.textCacheBytes {
                texts[blob] = text
                textBytes += text.utf8.count
            }
            return text
        } catch {
            if case .readLimit = error { throw .limit("'\(path)': \(error.description)") }
            throw .git(error.locating(path: path, revision: nil))
        }
    }
}
