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
final class CobraReader {
    private let parsed = BoundedCache<ObjectID, CobraSourceFile>(capacity: Limit.parsedFileCacheBytes)
    private let results = BoundedCache<ResultKey, (items: [RawItem], notes: [String], incomplete: Bool)>(
        capacity: Limit.itemCacheBytes)
    /// Items built so far (not reused from the caches), for the run's item budget.
    private(set) var itemsBuilt = 0

    private struct ResultKey: Hashable {
        let slot: Int
        let files: [String]
        let blobs: [ObjectID]
    }

    /// The items of `spec` over `files` (path and blob of every file its globs matched); `read` gives a blob's text,
    /// or nil when the object store lacks it.
    func items(
        _ spec: CobraExtractorSpec, slot: Int, files: [(path: String, blob: ObjectID)],
        read: (ObjectID, String) throws(SurfaceError) -> String?, notes: inout [String], incomplete: inout Bool
    ) throws(SurfaceError) -> [RawItem] {
        let sorted = files.filter { $0.path.hasSuffix(".go") && !$0.path.hasSuffix("_test.go") }
            .sorted { $0.path < $1.path }
        let key = ResultKey(slot: slot, files: sorted.map(\.path), blobs: sorted.map(\.blob))
        if let cached = results[key] {
            notes += cached.notes
            incomplete = incomplete || cached.incomplete
            return cached.items
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
        let surface = CobraExtractor.surface(of: sources, root: spec.root)
        let items = surface.items.map { item in
            RawItem(
                key: item.key, attributes: item.attributes, stability: item.deprecated ? .deprecated : .stable,
                location: Location(path: item.path, line: item.line))
        }
        results.insert(
            (items, surface.notes, surface.incomplete), for: key,
            cost: CacheCost.of(items) + CacheCost.of(surface.notes) + CacheCost.of(key.files))
        itemsBuilt += items.count
        notes += surface.notes
        incomplete = incomplete || surface.incomplete
        return items
    }
}
