import Git
import Policy
import SemVer

/// The `go-api` extractor: the exported API of the public packages of a Go module, read from source (funcs, types,
/// fields, methods, interface methods, consts and vars; see `GoAPIReader`), compared with Go's compatibility rules
/// (`GoCompatibility`).
public struct GoAPIExtractorSpec: Extractor {
    /// The folder holding `go.mod`; empty for the repository root.
    public var root: String
    /// Globs over const names whose value is not promised (it changes every release); the const itself still is.
    public var ignoreValues: [Glob]

    /// The names whose values are ignored when the policy names none: `Version` and names ending in `Version`.
    public static let defaultIgnoreValues = ["Version", "*Version"]

    /// A spec for the module at `root`; `ignoreValues` nil means the defaults.
    public init(root: String = "", ignoreValues: [Glob]? = nil) {
        self.root = root
        self.ignoreValues = ignoreValues ?? Self.defaultIgnoreValues.compactMap { try? Glob($0) }
    }

    public static let name = "go-api"
    public static let keys = ["root", "ignore-values"]

    public static func read(_ value: PolicyNode, in reader: inout ExtractorSettingsReader) -> Self? {
        if reader.isNull(value) { return GoAPIExtractorSpec() }
        let field = reader.field
        guard reader.isMapping(value) else {
            reader.typeMismatch(
                expected: "a mapping", found: value, example: "'go-api: {}' or '{ignore-values: [Version]}'")
            return nil
        }
        guard let fields = reader.fields(of: value, allowed: keys) else { return nil }
        var root = ""
        if let value = fields["root"] {
            guard let text = reader.string(value, for: "'root' in \(field)", example: "root: sub"),
                let normalised = reader.path(text, at: value, for: "'root' in \(field)")
            else { return nil }
            root = normalised
        }
        var ignoreValues: [Glob]?
        if let value = fields["ignore-values"] {
            let reported = reader.problemCount
            ignoreValues = reader.globs(value, for: "'ignore-values' in \(field)")
            if reader.problemCount > reported { return nil }
        }
        return GoAPIExtractorSpec(root: root, ignoreValues: ignoreValues)
    }

    public func items(in context: inout ExtractionContext) throws(SurfaceError) -> [RawItem] {
        do {
            return try context.cache(GoAPIReader.init).items(
                self, tree: context.tree, source: context.source, notes: &context.notes, problems: &context.problems)
        } catch {
            throw .git(error)
        }
    }

    // MARK: Comparing

    /// Go's rules for items of this extractor; other items of the surface get the default.
    public static func bump(attribute: String, old: SurfaceItem, new: SurfaceItem) -> Bump? {
        guard GoCompatibility.isGoItem(old), GoCompatibility.isGoItem(new) else { return nil }
        return GoCompatibility.bump(attribute: attribute, old: old, new: new)
    }

    /// Go's rules with apidiff's correspondence of renamed types, worked out once per comparison.
    public static func bump(
        attribute: String, old: SurfaceItem, new: SurfaceItem, in comparison: SurfaceComparison
    ) -> Bump? {
        guard GoCompatibility.isGoItem(old), GoCompatibility.isGoItem(new) else { return nil }
        let correspondence = comparison.memo {
            GoCorrespondence(
                before: comparison.before, after: comparison.after,
                surfaces: comparison.surfaces[name] ?? [])
        }
        return GoCompatibility.bump(attribute: attribute, old: old, new: new, correspondence: correspondence)
    }

    public static func removalBump(_ item: SurfaceItem, in comparison: SurfaceComparison) -> Bump? {
        guard GoCompatibility.isGoItem(item) else { return nil }
        return GoCompatibility.removalBump(item, after: comparison.after)
    }

    public static func additionBump(_ item: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot) -> Bump? {
        guard GoCompatibility.isGoItem(item) else { return nil }
        return GoCompatibility.additionBump(item, before: before, after: after)
    }

    /// Packages are compared relative to the module root: a module path change is the single change of `go.mod`.
    public static func aligning(_ before: SurfaceSnapshot, to after: SurfaceSnapshot, surfaces: Set<String>)
        -> SurfaceSnapshot
    {
        GoCompatibility.movingModules(before, to: after)
    }

    // MARK: init

    public static func propose(for project: ProjectFiles) throws(GitError) -> [SurfaceProposal] {
        guard let goMod = try project.text("go.mod"), let module = ProjectFiles.goModule(goMod) else { return [] }
        return [
            SurfaceProposal(
                finding: "a Go module, \(module) (go.mod)",
                yaml: """
                      # The exported Go API of \(module): every importable package (not internal/, testdata/, vendor/ or
                      # package main) and its exported funcs, types, fields, methods, consts and vars, compared with Go's
                      # compatibility rules. Removing or changing one breaks the programs that import it. For the package
                      # list alone (cheaper, coarser) write `go-packages: {}` instead.
                      packages:
                        extract:
                          go-api: {}
                        exclude: ["**/internal/**", "**/internal"]
                    """)
        ]
    }
}

extension GoAPIExtractorSpec {
    public static var deprecationMarker: String? { "a `// Deprecated:` paragraph in its doc comment" }
}
