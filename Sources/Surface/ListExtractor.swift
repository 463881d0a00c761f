import Git
import Limits
import Policy

/// The `list` extractor: a committed text file, one item a line: `KEY [name=value ...]`.
public struct ListExtractorSpec: Extractor {
    /// Repository-relative path.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public static let name = "list"
    public static let keys = ["path"]

    public static func read(_ value: PolicyNode, in reader: inout ExtractorSettingsReader) -> Self? {
        let field = reader.field
        let surface = reader.surface
        let pathNode: PolicyNode
        if reader.isMapping(value) {
            guard let fields = reader.fields(of: value, allowed: keys) else { return nil }
            guard let path = fields["path"] else {
                reader.report(
                    "the list extractor of surface '\(surface)' has no 'path'; add e.g. path: policy/items.txt",
                    at: value)
                return nil
            }
            pathNode = path
        } else {
            pathNode = value
        }
        guard let path = reader.string(pathNode, for: field, example: "list: policy/options.txt"),
            let normalised = reader.path(path, at: pathNode, for: field)
        else { return nil }
        guard !normalised.isEmpty else {
            reader.report(
                "expected a file path for \(field), found '\(path)'; write it like list: policy/options.txt",
                at: pathNode)
            return nil
        }
        return ListExtractorSpec(path: normalised)
    }

    /// Items and notes per blob of the list file.
    private final class Cache {
        let lists = BoundedCache<ObjectID, ([RawItem], [String])>(capacity: Limit.itemCacheBytes)
    }

    /// The blob of the list file at this revision, nil when there is none.
    private func blob(in context: ExtractionContext) throws(SurfaceError) -> ObjectID? {
        do {
            return try context.source.blobID(atPath: path, inTree: context.tree)
        } catch {
            throw .git(error)
        }
    }

    public func cacheInputs(in context: inout ExtractionContext) throws(SurfaceError) -> ExtractionInputs? {
        try blob(in: context).map { ExtractionInputs(text: "list \($0.hex)\n", blobs: [$0]) }
    }

    public func items(in context: inout ExtractionContext) throws(SurfaceError) -> [RawItem] {
        guard let blob = try blob(in: context) else { return [] }
        let cache = context.cache(Cache.init)
        if let (items, fileNotes) = cache.lists[blob] {
            context.notes += fileNotes
            return items
        }
        guard let text = try context.text(of: blob, path: path) else { return [] }
        let parsed = ListFile.parse(text, path: path)
        try context.charge(built: parsed.items.count)
        cache.lists.insert(
            (parsed.items, parsed.notes), for: blob, cost: CacheCost.of(parsed.items) + CacheCost.of(parsed.notes))
        context.notes += parsed.notes
        return parsed.items
    }
}

extension ListExtractorSpec {
    public static var deprecationMarker: String? { "`stability=deprecated` on its line of the list file" }
}
