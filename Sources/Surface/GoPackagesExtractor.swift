import Git
import Policy

/// The `go-packages` extractor: every public package of the Go module whose `go.mod` sits at `root`
/// (see `GoPackageFinder`).
public struct GoPackagesExtractorSpec: Extractor {
    /// The folder holding `go.mod`; empty for the repository root.
    public var root: String

    public init(root: String = "") {
        self.root = root
    }

    public static let name = "go-packages"
    public static let keys = ["root"]

    public func cacheInputs(in context: inout ExtractionContext) throws(SurfaceError) -> ExtractionInputs? {
        try context.moduleInputs(root: root)
    }

    public static func read(_ value: PolicyNode, in reader: inout ExtractorSettingsReader) -> Self? {
        if reader.isNull(value) { return GoPackagesExtractorSpec() }
        let field = reader.field
        guard reader.isMapping(value) else {
            reader.typeMismatch(expected: "a mapping", found: value, example: "'go-packages: {}' or '{root: sub}'")
            return nil
        }
        guard let fields = reader.fields(of: value, allowed: keys) else { return nil }
        guard let value = fields["root"] else { return GoPackagesExtractorSpec() }
        guard let root = reader.string(value, for: "'root' in \(field)", example: "root: sub"),
            let normalised = reader.path(root, at: value, for: "'root' in \(field)")
        else { return nil }
        return GoPackagesExtractorSpec(root: normalised)
    }

    public func items(in context: inout ExtractionContext) throws(SurfaceError) -> [RawItem] {
        let finder = context.cache(GoPackageFinder.init)
        let built = finder.itemsBuilt
        let items: [RawItem]
        do {
            items = try finder.items(
                self, tree: context.tree, files: context.source, notes: &context.notes, entryLimit: context.treeEntries)
        } catch {
            throw .git(error)
        }
        try context.charge(built: finder.itemsBuilt - built)
        return items
    }
}
