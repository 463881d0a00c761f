import Cobra
import GoSource
import Git
import Limits
import Policy

/// Runs the `cobra` extractor over the files its globs match, parsing each blob once while it stays in the bounded
/// cache (`Limit.parsedFileCacheBytes`).
///
/// A command tree spans many files, so the whole result is remembered by the set of (path, blob) pairs it read: a
/// release that did not touch those files costs one dictionary lookup.
///
/// The items are handed over one group a command (the command, or an alias path, with its flags), and a group equal
/// to the last revision's is handed over as that same array: the reader and the diff then look only at the commands
/// a release changed (`SurfaceInputs`), not at the whole tree.
final class CobraReader {
    private let parsed = BoundedCache<ObjectID, CobraSourceFile>(capacity: Limit.parsedFileCacheBytes)
    private let results = BoundedCache<ResultKey, Result>(capacity: Limit.itemCacheBytes)
    /// The field names each Go file not read may give a value, by blob (``CobraFieldWriteScan``).
    let fieldWritesByBlob = BoundedCache<ObjectID, Set<String>>(capacity: Limit.itemCacheBytes)
    /// The groups last handed over for each extractor slot, by command path.
    private var lastGroups: [Int: [String: [RawItem]]] = [:]
    /// The names of the files read, numbered once for every revision.
    private let names = CobraNames()
    /// Items built so far (not reused from the caches), for the run's item budget.
    private(set) var itemsBuilt = 0

    private struct Result {
        let groups: [[RawItem]]
        let notes: [String]
        let incomplete: Bool
        let uncertain: [String]
        /// What the files not read were asked (``CobraFieldWriteScan``): the result holds where they answer alike.
        let fieldsWritten: [String: Bool]
    }

    private struct ResultKey: Hashable {
        let slot: Int
        let files: [String]
        let blobs: [ObjectID]
        let library: CobraLibrary
        let partialFolders: [String]
    }

    /// The items of `spec` over `files` (path and blob of every file its globs matched), one group a command path;
    /// `read` gives a blob's text, or nil when the object store lacks it. A read over a limit names `surface`.
    func itemGroups(
        _ spec: CobraExtractorSpec, surface name: String, slot: Int, files: [(path: String, blob: ObjectID)],
        library: CobraLibrary,
        partialFolders: [String] = [], fieldScan: CobraFieldWriteScan? = nil,
        read: (ObjectID, String) throws(SurfaceError) -> String?, notes: inout [String], incomplete: inout Bool,
        uncertain: inout [String]
    ) throws(SurfaceError) -> [[RawItem]] {
        let sorted = files.filter { GoFileName.isPackageSource($0.path) }
            .sorted { $0.path < $1.path }
        let key = ResultKey(
            slot: slot, files: sorted.map(\.path), blobs: sorted.map(\.blob), library: library,
            partialFolders: partialFolders)
        if let cached = results[key],
            cached.fieldsWritten.allSatisfy({ fieldScan?.writes($0.key) ?? true == $0.value })
        {
            notes += cached.notes
            incomplete = incomplete || cached.incomplete
            uncertain += cached.uncertain
            remember(cached.groups, slot: slot)
            return cached.groups
        }
        var sources: [(path: String, source: CobraSourceFile)] = []
        for file in sorted {
            if let source = parsed[file.blob] {
                sources.append((file.path, source))
                continue
            }
            guard let text = try read(file.blob, file.path) else { continue }
            let source = CobraSourceFile(source: text)
            parsed.insert(source, for: file.blob, cost: text.utf8.count * Limit.parsedBytesPerSourceByte)
            sources.append((file.path, source))
        }
        let surface = CobraExtractor.surface(
            of: sources, root: spec.root, names: names, library: library, sortingItems: false,
            partialFolders: Set(partialFolders), fieldsWrittenNotRead: fieldScan.map { scan in { scan.writes($0) } })
        if let message = surface.overLimit { throw .limit("surface '\(name)': \(message)") }
        let groups = reuse(Self.groups(of: surface.items, respelled: surface.respelled), slot: slot)
        // The roots keyed by guess travel with the uncertain key paths, marked (``SurfaceSnapshot/unplacedMark(_:)``).
        let found =
            surface.uncertain + surface.unplacedRoots.map(SurfaceSnapshot.unplacedMark)
            + surface.unplacedParents.map(SurfaceSnapshot.unplacedParentMark)
            + surface.unnamedFlags.map(SurfaceSnapshot.unnamedFlagMark)
            + surface.takenAway.map(SurfaceSnapshot.takenAwayMark)
            + surface.runTimeChoice.map(SurfaceSnapshot.runTimeChoiceMark)
            + surface.programs.map(SurfaceSnapshot.programMark)
            + (surface.readsNoCommand ? [SurfaceSnapshot.unreadMark] : [])
        results.insert(
            Result(
                groups: groups, notes: surface.notes, incomplete: surface.incomplete, uncertain: found,
                fieldsWritten: fieldScan?.answers ?? [:]),
            for: key,
            cost: groups.reduce(0) { $0 + CacheCost.of($1) } + CacheCost.of(surface.notes)
                + CacheCost.of(found) + CacheCost.of(key.files))
        itemsBuilt += surface.items.count
        notes += surface.notes
        incomplete = incomplete || surface.incomplete
        uncertain += found
        return groups
    }

    /// `items` (in any order, keys distinct) in groups by command path: a command's item and its flags
    /// (`tool cmd --flag`) form one group, in key order. Sorting each group costs less than sorting them all.
    /// An item the program spells in several ways (`respelled`) records them in ``KeyBytes/attribute``.
    private static func groups(
        of items: [CobraItem], respelled: [String: [String]]
    ) -> [(path: String, items: [RawItem])] {
        var groups: [String: [RawItem]] = [:]
        for item in items {
            var attributes = item.attributes
            if let spellings = respelled[item.key] { attributes[KeyBytes.attribute] = KeyBytes.joined(spellings) }
            groups[commandPath(of: item.key), default: []].append(
                RawItem(
                    key: item.key, attributes: attributes,
                    stability: item.deprecated ? .deprecated : item.experimental ? .experimental : .stable,
                    location: Location(path: item.path, line: item.line)))
        }
        return groups.map { (path: $0.key, items: $0.value.sorted { Bytewise.precedes($0.key, $1.key) }) }
            .sorted { Bytewise.precedes($0.path, $1.path) }
    }

    /// The groups as handed over: each group equal to the one last handed over for its command path is that array.
    private func reuse(_ groups: [(path: String, items: [RawItem])], slot: Int) -> [[RawItem]] {
        let last = lastGroups[slot] ?? [:]
        var handed: [String: [RawItem]] = [:]
        let result = groups.map { group -> [RawItem] in
            let items = last[group.path].flatMap { Self.same($0, group.items) ? $0 : nil } ?? group.items
            handed[group.path] = items
            return items
        }
        lastGroups[slot] = handed
        return result
    }

    /// Makes `groups` (a cached result) the last handed over for `slot`.
    private func remember(_ groups: [[RawItem]], slot: Int) {
        var handed: [String: [RawItem]] = [:]
        for group in groups {
            guard let first = group.first else { continue }
            handed[Self.commandPath(of: first.key)] = group
        }
        lastGroups[slot] = handed
    }

    /// The command path of an item key: the key up to its first ` --` (a flag), else the whole key.
    private static func commandPath(of key: String) -> String {
        // Over the bytes in place when the string has them contiguously (native strings do), else over a copy.
        let end = key.utf8.withContiguousStorageIfAvailable(pathLength) ?? pathLength(Array(key.utf8))
        return end.map { String(decoding: key.utf8.prefix($0), as: UTF8.self) } ?? key
    }

    /// The number of bytes before the first ` --` of `bytes`, nil when there is none.
    private static func pathLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int?
    where Bytes.Index == Int {
        var index = bytes.startIndex
        while index + 2 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: " ") && bytes[index + 1] == UInt8(ascii: "-")
                && bytes[index + 2] == UInt8(ascii: "-")
            {
                return index - bytes.startIndex
            }
            index += 1
        }
        return nil
    }

    private static func same(_ lhs: [RawItem], _ rhs: [RawItem]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // By index, each field read in place (a pair of items copied out costs more than comparing them).
        for index in lhs.indices {
            guard Bytewise.same(lhs[index].key, rhs[index].key), lhs[index].stability == rhs[index].stability,
                lhs[index].location == rhs[index].location, Bytewise.same(lhs[index].attributes, rhs[index].attributes)
            else { return false }
        }
        return true
    }
}
