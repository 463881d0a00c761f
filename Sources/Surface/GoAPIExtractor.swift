import Git
import Limits
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

    public func cacheInputs(in context: inout ExtractionContext) throws(SurfaceError) -> ExtractionInputs? {
        try context.moduleInputs(root: root)
    }

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
        try itemGroups(in: &context).flatMap { $0 }
    }

    public func itemGroups(in context: inout ExtractionContext) throws(SurfaceError) -> [[RawItem]] {
        try itemGroups(in: &context, omitting: nil)
    }

    /// The groups, without the packages `omission` leaves out (`deprecationGroups`).
    func itemGroups(in context: inout ExtractionContext, omitting omission: GoAPIOmission?) throws(SurfaceError)
        -> [[RawItem]]
    {
        let reader = context.cache(GoAPIReader.init)
        let built = reader.itemsBuilt
        let items: [[RawItem]]
        do {
            items = try reader.items(
                self, tree: context.tree, source: context.source, notes: &context.notes, problems: &context.problems,
                omitting: omission, entryLimit: context.treeEntries)
        } catch {
            throw .git(error)
        }
        try context.charge(built: reader.itemsBuilt - built)
        if let package = reader.constantBytesExhaustedIn {
            throw .limit(
                "surface '\(context.surface)': string constants evaluated in this run exceed "
                    + "\(Limit.goConstantBytesPerRun) bytes (reached in package '\(package)'), the most one run "
                    + "builds; name its long constants in go-api's ignore-values, or check fewer revisions")
        }
        return items
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
                surfaces: comparison.surfaces[name] ?? [], candidates: comparison.candidates)
        }
        let judge =
            [old, new].contains(where: { $0.attributes["build"] != nil || $0.attributes["builds"] != nil })
            ? comparison.memo {
                GoBuildJudge(
                    before: comparison.before, after: comparison.after, surfaces: comparison.surfaces[name] ?? [],
                    candidates: comparison.candidates)
            } : nil
        return GoCompatibility.bump(
            attribute: attribute, old: old, new: new, correspondence: correspondence, builds: judge)
    }

    /// The notes naming the items whose per-build judgement fell back to their texts in `comparison`, and those that
    /// only WebAssembly builds not judged lose or see change.
    public static func comparisonNotes(_ comparison: SurfaceComparison) -> [String] {
        guard let judge = comparison.existingMemo(of: GoBuildJudge.self) else { return [] }
        return [judge.unjudgedNote, judge.note].compactMap { $0 }
    }

    /// A var's type written `?`: inferred from an initialiser that needs type-checking (`var F = other.F`), so a change
    /// to or from it is not claimed, and is named in a note.
    public static func isUnread(attribute: String, value: String) -> Bool {
        (attribute == "type" && value == "?")
            || (attribute == "value" && GoCompatibility.refersToAnotherPackage(value))
            || (attribute == "builds" && GoBuildComparison.showsUnread(value, isUnread: isUnread))
    }

    public static var unreadValues: (look: String, risk: String)? {
        (
            "a Go var's type `?` (inferred from an initialiser that needs type-checking) or a const's value naming "
                + "another package's const", "code that compiled"
        )
    }

    /// Go items claimed changed only because a package their texts name is now imported from another path (review
    /// R73: `platforms.MatchComparer` from `github.com/containerd/containerd/platforms`, then from
    /// `github.com/containerd/platforms`). apidiff compares types by package path, and so does semgate; but the old
    /// package may now forward to the new one by aliases (`type MatchComparer = platforms.MatchComparer`, the usual
    /// way to move a package to a module of its own), and then nothing changed for users. Other modules' source is
    /// not in the repository, so the claim stands (a package of the same name elsewhere, or a fork, is another
    /// type) and the note says what to check, and how to acknowledge a forward.
    public static func claimedChangesNote(_ changes: [Change]) -> String? {
        let notes = [importsNote(changes), GoBuildComparison.freeTagNote(changes, isItem: GoCompatibility.isGoItem)]
        let found = notes.compactMap { $0 }
        return found.isEmpty ? nil : found.joined(separator: ". ")
    }

    private static func importsNote(_ changes: [Change]) -> String? {
        var moves: [String] = []
        var named: [String] = []
        var count = 0
        for change in changes where change.kind == .changed && change.bump == .major && !change.experimental {
            guard let old = change.before, let new = change.after, GoCompatibility.isGoItem(old),
                change.changedAttributes.contains("imports"),
                GoImportIdentity.typeAttributes.allSatisfy({ old.attributes[$0] == new.attributes[$0] }),
                let before = old.attributes["imports"], let after = new.attributes["imports"]
            else { continue }
            let found = GoImportIdentity.retargets(before, after)
            guard !found.isEmpty else { continue }
            for move in found where !moves.contains(move) { moves.append(move) }
            count += 1
            if named.count < 5 { named.append(change.id) }
        }
        guard count > 0 else { return nil }
        let more = count > named.count ? " and \(count - named.count) more" : ""
        let shown = moves.prefix(3).joined(separator: ", ") + (moves.count > 3 ? " and \(moves.count - 3) more" : "")
        let these = count == 1 ? "this is" : "these are"
        return named.joined(separator: ", ") + more + ": claimed changed because a package their types come from is "
            + "imported from another path (\(shown)); semgate compares types by import path, as apidiff does, and "
            + "does not read other modules: if the old package now declares its types as aliases of the new one's (a "
            + "package moved to a module of its own), \(these) no break, so check the old package at the version "
            + "go.mod requires and acknowledge it with an exception for this release"
    }

    public static func unclaimedRemovalReason(_ item: SurfaceItem) -> String? {
        guard GoCompatibility.isGoItem(item), item.attributes["exposed"] != "yes" else { return nil }
        // Only built with a project's own tag: said in the note on such builds (`claimedChangesNote`).
        if let build = item.attributes["build"], !GoBuildComparison.isBuiltByDefault(build) { return nil }
        return "its type now embeds another module's type or is an alias of one, whose members semgate does not read"
    }

    public static func removalBump(_ item: SurfaceItem, in comparison: SurfaceComparison) -> Bump? {
        guard GoCompatibility.isGoItem(item) else { return nil }
        return GoCompatibility.removalBump(item, before: comparison.before, after: comparison.after)
    }

    public static func additionBump(_ item: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot) -> Bump? {
        guard GoCompatibility.isGoItem(item) else { return nil }
        return GoCompatibility.additionBump(item, before: before, after: after)
    }

    /// Packages are compared relative to the module root: a module path change is the single change of `go.mod`.
    public static func aligning(
        _ before: SurfaceSnapshot, to after: SurfaceSnapshot, surfaces: Set<String>, candidates: Set<String>?,
        policy: Policy
    ) -> SurfaceSnapshot {
        GoCompatibility.movingModules(before, to: after, candidates: candidates, policy: policy)
    }

    // MARK: init

    /// First folders of a module whose packages serve the module itself (commands, examples, tests, tooling, and
    /// `private/`, which says so by its name: buf keeps all its packages there; `assets/`, what the program embeds:
    /// chezmoi's docs and templates), not other programs: packages only there do not make a Go API worth promising.
    static let nonLibraryFolders: Set<String> = [
        "cmd", "example", "examples", "test", "tests", "e2e", "hack", "tools", "scripts", "testutil", "testing",
        "benchmarks", "docs", "third_party", "third-party", "www", "site", "website", "private", "assets",
    ]

    /// Folders at any depth whose nested modules serve the project itself: code it does not import, integration tests,
    /// examples, its web site (a `site/go.mod` that pins the site generator).
    static let nonLibraryModuleFolders: Set<String> = [
        "internal", "testdata", "vendor", "integration", "site", "website", "example", "examples", "e2e",
    ]

    /// A folder name that says its packages are not stable yet: `experimental`, `alpha`, `beta`, `v1alpha1`.
    static func isUnstableFolder(_ name: String) -> Bool {
        let lower = name.lowercased()
        if ["experimental", "alpha", "beta", "exp", "unstable"].contains(lower) { return true }
        guard lower.hasPrefix("v"), let first = lower.dropFirst().first, first.isNumber else { return false }
        return lower.contains("alpha") || lower.contains("beta")
    }

    /// An API version in development: `v` and a number, then `alpha` or `beta` (`v1alpha1`, `v2beta3`).
    static func isVersionFolder(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasPrefix("v"), let first = lower.dropFirst().first, first.isNumber else { return false }
        return lower.contains("alpha") || lower.contains("beta")
    }

    /// A stable API version: `v` and a number alone (`v1`, `v2`).
    static func isStableVersionFolder(_ name: String) -> Bool {
        name.count > 1 && name.hasPrefix("v") && name.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The API version folders in development among `folders` (paths up to the version folder) that the project
    /// serves: a version of a Kubernetes API group (`apiGroups`: folders that register types under a group version)
    /// with no stable version of the same API beside it among `all` (`pkg/apis/x/v1`), and the folders of the same
    /// group and version elsewhere (the clients, listers and informers generated for it: `typed/x/v1alpha1`).
    static func servedAPIVersions(_ folders: [String], among all: [String], apiGroups: [String]) -> Set<String> {
        var stableParents: Set<String> = []
        for folder in all {
            let segments = folder.split(separator: "/").map(String.init)
            for (index, segment) in segments.enumerated() where isStableVersionFolder(segment) {
                stableParents.insert(segments[..<index].joined(separator: "/"))
            }
        }
        // `group/version` of each registered API version with no stable version beside it.
        var servedGroups: Set<String> = []
        for folder in apiGroups {
            let segments = folder.split(separator: "/").map(String.init)
            guard segments.count >= 2, let version = segments.last, isVersionFolder(version),
                !stableParents.contains(segments.dropLast().joined(separator: "/"))
            else { continue }
            servedGroups.insert(segments.suffix(2).joined(separator: "/"))
        }
        guard !servedGroups.isEmpty else { return [] }
        var served: Set<String> = []
        for folder in folders {
            let segments = folder.split(separator: "/").map(String.init)
            for index in segments.indices.dropFirst() where isVersionFolder(segments[index]) {
                let parent = segments[..<index].joined(separator: "/")
                guard !stableParents.contains(parent),
                    servedGroups.contains(segments[(index - 1)...index].joined(separator: "/"))
                else { continue }
                served.insert(segments[...index].joined(separator: "/"))
            }
        }
        return served
    }

    /// The folder names of `unstable` as a reviewer writes them: API versions (`v1alpha1`, `v2beta17`) as
    /// `v[0-9]*alpha*` and `v[0-9]*beta*` (the same test as ``isUnstableFolder``, so later versions are covered too)
    /// when there are two or more of a kind and `grouping` (not when some API version is served: the glob would take
    /// it), the others as they are, sorted.
    static func unstableGlobs(_ unstable: [String], grouping: Bool = true) -> [String] {
        var names = Set(unstable)
        for stage in ["alpha", "beta"] where grouping {
            let versioned = names.filter { name in
                let lower = name.lowercased()
                return lower == name && lower.hasPrefix("v") && lower.dropFirst().first?.isNumber == true
                    && lower.contains(stage) && !(stage == "beta" && lower.contains("alpha"))
            }
            guard versioned.count >= 2 else { continue }
            names.subtract(versioned)
            // `v[0-9]*beta*` would also take `v1alphabeta`; an alpha name is taken by the alpha glob only.
            names.insert("v[0-9]*\(stage)*")
        }
        return names.sorted()
    }

    /// A `go-api` surface for the root module and one for each nested module (a folder with its own `go.mod`, such
    /// as `client/v3`) that has importable packages meant for others; nested modules under internal/, testdata/,
    /// vendor/, integration/, examples or a web site (site/, website/) at any depth, and under top-level folders of
    /// commands, tests and tools, are left out.
    public static func propose(for project: ProjectFiles) throws(GitError) -> [SurfaceProposal] {
        var modules: [ModuleShape] = []
        for (root, packages) in try project.goModules() where project.moduleFolder.map({ root == $0 }) ?? true {
            let segments = root.split(separator: "/").map(String.init)
            // A module under a top-level folder of programs, tests or tools, or anywhere under internal/,
            // integration tests, examples or a web site (`integration/examples/grpc/service`), serves the project's
            // own work, not other programs (a nested `client/testing` module of test doubles is for others).
            if segments.first.map(nonLibraryFolders.contains) == true
                || segments.contains(where: nonLibraryModuleFolders.contains)
            {
                continue
            }
            let goModPath = root.isEmpty ? "go.mod" : root + "/go.mod"
            guard let goMod = try project.text(goModPath), let module = ProjectFiles.goModule(goMod) else {
                if root.isEmpty, let vendorMod = try project.text("vendor.mod"), ProjectFiles.goModule(vendorMod) != nil
                {
                    return [
                        SurfaceProposal(
                            finding: "vendor.mod and no go.mod: the project keeps Go's module rules (and their "
                                + "import compatibility promise) at a distance, so no Go API surface is proposed",
                            surface: nil)
                    ]
                }
                continue
            }
            modules.append(
                ModuleShape(
                    root: root, path: module, packages: packages, requires: ProjectFiles.goRequirements(goMod),
                    readme: try project.text(root.isEmpty ? "README.md" : root + "/README.md")))
        }
        let notForImport = ModuleShape.notMeantForImport(modules)
        // Files of generated protobuf code: earlier generators (gogo, golang/protobuf v1) gave messages `XXX_`
        // members, so releases before the draft's may have them even when today's code does not.
        let protobuf = try project.goFiles { $0.contains("Code generated by protoc-gen-") }
        // Folders of Kubernetes API group versions: a package that registers its types under a group version.
        let apiGroupFolders = try project.goFiles { text in
            text.contains("+groupName=") || text.contains("GroupVersion = schema.GroupVersion{")
        }.map { path in path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "" }
        var proposals: [SurfaceProposal] = []
        var skipped: [String] = []
        for module in modules {
            if let reason = notForImport[module.root] {
                skipped.append("\(module.path) (\(module.root)/): \(reason)")
                continue
            }
            if !module.root.isEmpty, module.root != project.moduleFolder,
                let line = ownReleaseLine(root: module.root, tags: project.tags, releasePrefix: project.releasePrefix)
            {
                let tagged =
                    "tagged apart (\(line.count) tag\(line.count == 1 ? "" : "s") like '\(line.newest)', "
                    + "not releases of this template)"
                proposals.append(
                    SurfaceProposal(
                        finding: "a Go module, \(module.path) (\(module.root)/go.mod), \(tagged): another module's "
                            + "releases, no surface here", surface: nil))
                skipped.append(
                    "\(module.path) (\(module.root)/): \(tagged); a second policy with tag: \"\(line.template)\" and "
                        + "go-api root: \(module.root) checks it")
                continue
            }
            let prefix = module.root.isEmpty ? "" : module.root + "/"
            // The module's path at the releases read besides (its go.mod in the same folder), and its packages then:
            // a folder of programs or tests an old release had (spf13/cobra's generator in cobra/ until 1.4.0) is
            // excluded too, or its removal would be claimed.
            var earlier: [String] = []
            var earlierPackages: [[(folder: String, package: String)]] = []
            for release in project.earlier {
                guard let path = (try? release.text(prefix + "go.mod")).flatMap({ $0 }).flatMap(ProjectFiles.goModule)
                else { continue }
                earlier.append(path)
                if let packages = (try? release.goModules())?.first(where: { $0.root == module.root })?.packages {
                    earlierPackages.append(packages)
                }
            }
            let drafted = proposal(
                module: module.path, root: module.root, packages: module.packages,
                protobuf: protobuf.contains { $0.hasPrefix(prefix) },
                apiGroups: apiGroupFolders.compactMap { folder in
                    prefix.isEmpty ? folder : folder.hasPrefix(prefix) ? String(folder.dropFirst(prefix.count)) : nil
                }, earlier: earlier,
                earlierPackages: earlierPackages)
            // The module of the release line: promised only when something says its packages are for others (nested
            // modules are proposed only when named for importing, or required by one that is: ``notMeantForImport``).
            guard module.root.isEmpty || module.root == project.moduleFolder,
                drafted.contains(where: { $0.surface?.key != nil })
            else {
                proposals += drafted
                continue
            }
            let layout = importableFolders(module.packages, root: module.root)
            let evidence = try GoLibraryEvidence.find(
                module: module.path, root: module.root,
                forOthers: layout.importable.filter { folder in
                    folder.split(separator: "/").first.map { !nonLibraryFolders.contains(String($0)) } ?? true
                }, programs: layout.programs, project: project)
            proposals += drafted.map { drafted in
                evidence.map { promised(drafted, evidence: $0) } ?? commentedOut(drafted)
            }
        }
        if !skipped.isEmpty, proposals.contains(where: { $0.surface != nil }) {
            proposals.append(
                SurfaceProposal(
                    finding: nil,
                    surface: DraftEntry(
                        comments: [
                            "Modules not proposed as a Go API (add a surface like those above, with their root, if they are",
                            "promised to other programs):",
                        ] + skipped.map { "  - " + $0 })))
        }
        return proposals
    }

    /// `proposal` with the sign that its module is meant for others added to its finding.
    static func promised(_ proposal: SurfaceProposal, evidence: String) -> SurfaceProposal {
        guard proposal.surface?.key != nil else { return proposal }
        return SurfaceProposal(
            finding: proposal.finding.map { $0 + "; meant for other programs: " + evidence }, surface: proposal.surface,
            experimental: proposal.experimental, hidden: proposal.hidden, folders: proposal.folders,
            program: proposal.program)
    }

    /// `proposal` with its surface written as comment lines (issue 10): nothing in the repository says its packages are
    /// meant for other programs, so promising them would report every change of a program's own parts. One line says
    /// why and how to turn it on; the experimental globs it would have are named there too.
    static func commentedOut(_ proposal: SurfaceProposal) -> SurfaceProposal {
        guard var surface = proposal.surface, let name = surface.key else { return proposal }
        let comments = surface.comments
        surface.comments = []
        let yaml = (try? DraftYAML.render([surface]))?.split(separator: "\n").map(String.init)
            ?? ["\(name):", "  extract:", "    go-api: {}"]
        let experimental =
            proposal.experimental.isEmpty
            ? []
            : ["Turned on, list these under experimental too: "
                + proposal.experimental.map { "'\($0)'" }.joined(separator: ", ") + "."]
        return SurfaceProposal(
            finding: proposal.finding.map {
                $0 + "; nothing in the repository says they are meant for other programs (no page shows importing "
                    + "them, the README does not call the module a library, it has a program): the Go API surface is "
                    + "drafted commented out"
            },
            surface: DraftEntry(
                comments: comments + [
                    "Not promised: no README or docs page imports these packages or calls the module a library (and it",
                    "has a program), so they look like the program's own parts. If they are promised, uncomment below.",
                ] + experimental + yaml),
            hidden: proposal.hidden, folders: proposal.folders, program: proposal.program)
    }

    /// The tag line of a nested Go module in folder `root` when it is released apart from the draft's line
    /// (`releasePrefix`): Go tags a module in `exp` (or in `client/v3`, a major version's folder) `exp/v0.3.0`
    /// (`client/v3.5.0`). Nil when the module has no tags of its own, or when most of its tagged versions are
    /// versions of the draft's line too (etcd tags `api/v3.6.0` with `v3.6.0`): released with that line.
    static func ownReleaseLine(root: String, tags: [String], releasePrefix: String?) -> (
        template: String, count: Int, newest: String
    )? {
        var segments = root.split(separator: "/")
        if segments.count > 1, let last = segments.last, ParsedGoFile.isMajorVersion(last) { segments.removeLast() }
        let prefix = segments.joined(separator: "/") + "/v"
        let versions = { (prefix: String) in
            tags.compactMap { tag in
                tag.hasPrefix(prefix) ? Version.parse(String(tag.dropFirst(prefix.count))).map { (tag, $0) } : nil
            }
        }
        let own = versions(prefix)
        guard let newest = own.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else { return nil }
        if let releasePrefix {
            let line = Set(versions(releasePrefix).map(\.1))
            if own.filter({ line.contains($0.1) }).count * 2 >= own.count { return nil }
        }
        return (prefix + "{version}", own.count, newest.0)
    }

    /// Globs for the importable packages under top-level folders that are not meant for others (`cmd/`, `test/`):
    /// the go-api surface reads every importable package, so without them it would promise a program's own parts.
    /// (`third_party/`, copies of other projects, is left out wherever it is, also in releases before the draft's; so
    /// are folders below a host's name, `assets/github.com/owner/repo`: ``copiesOfOtherModules(_:)``.)
    /// `earlier`: the module's paths at the releases init reads besides (`ProjectFiles.earlier`): a module that was
    /// renamed (k3d's `github.com/rancher/k3d/v5` until 5.4, `github.com/k3d-io/k3d/v5` since) keyed its packages by
    /// the old path then, so the globs cover each path, up to `maximumModulePaths`.
    /// `programs`: folders of programs whose packages below are the programs' own (``programFolders(_:)``).
    private static func notForOthers(
        _ importable: [String], module: String, earlier: [String] = [], programs: [String] = []
    ) -> [String] {
        let folders = Set(importable.compactMap { $0.split(separator: "/").first.map(String.init) })
            .filter(nonLibraryFolders.contains)
        // Earlier majors' keys lack the `/vN` suffix (`example.com/mod/cmd` before `example.com/mod/v2/cmd`).
        func unversioned(_ path: String) -> (base: String, versioned: Bool) {
            let segments = path.split(separator: "/")
            let versioned = segments.count > 1 && segments.last.map(ParsedGoFile.isMajorVersion) == true
            return (versioned ? segments.dropLast().joined(separator: "/") : path, versioned)
        }
        let paths = [module] + Set(earlier).subtracting([module]).sorted()
        var bases: [String] = []
        var versioned = false
        for path in paths {
            let (base, isVersioned) = unversioned(path)
            versioned = versioned || isVersioned
            if !bases.contains(base), bases.count < maximumModulePaths { bases.append(base) }
        }
        // Written as globs that match those names alone (a character globs give a meaning in a class of its own).
        let base =
            bases.count == 1 ? Glob.literal(bases[0]) : "{" + bases.map(Glob.literal).joined(separator: ",") + "}"
        // `{/**,.*}`: the packages below the folder and the folder's own package's members (`example.com/mod/cmd.Run`
        // when `cmd/` holds a package of its own, stern's).
        // Below the top level, folders of helpers and mocks for the project's own tests (`pkg/testutil`,
        // `pkg/store/storemock`), wherever they are.
        let testSupport = Set(
            importable.flatMap { $0.split(separator: "/").dropFirst().map(String.init).filter(isTestSupportFolder) })
        return folders.sorted().map(Glob.literal).map {
            versioned ? "\(base)/{\($0),v*/\($0)}{/**,.*}" : "\(base)/\($0){/**,.*}"
        }
            + (programs + copiesOfOtherModules(importable, own: paths + bases)).map(Glob.literal).map {
                versioned ? "\(base)/{\($0),v*/\($0)}/**" : "\(base)/\($0)/**"
            }
            + testSupport.sorted().map(Glob.literal).map { "**/\($0){,/**,.*}" }
    }

    /// The folders below a module's root that hold a program (`package main`, spf13/cobra's `cobra/` generator until
    /// 1.4.0) with importable packages below it (`cobra/cmd`, `cobra/tpl`): the program's own parts, which nothing
    /// outside it is meant to import. `packages`: of each revision read, relative to the module's root, importable
    /// ones (``importableFolders(_:root:)``) and programs. Sorted, a folder under another left out (the glob of the
    /// one above covers it), as are folders the other excludes cover (`cmd/`, `internal/`); at most
    /// `maximumProgramFolders`.
    static func programFolders(_ revisions: [(importable: [String], programs: [String])]) -> [String] {
        var found: Set<String> = []
        for (importable, programs) in revisions {
            for program in programs where !program.isEmpty {
                let segments = program.split(separator: "/")
                guard let first = segments.first, !nonLibraryFolders.contains(String(first)),
                    !segments.contains(where: { ["internal", "testdata", "vendor"].contains($0) }),
                    importable.contains(where: { $0.hasPrefix(program + "/") })
                else { continue }
                found.insert(program)
            }
        }
        let sorted = found.sorted()
        return Array(
            sorted.filter { folder in !sorted.contains { folder.hasPrefix($0 + "/") } }.prefix(maximumProgramFolders))
    }

    /// How many program folders ``programFolders(_:)`` excludes.
    static let maximumProgramFolders = 16

    /// The folders below a module's root, up to a folder named like a host Go modules are fetched from
    /// (``isImportHostFolder(_:)``: `github.com`, `gopkg.in`, `k8s.io`), that hold importable packages below it:
    /// copies of other modules' code kept inside the module under their import paths (skaffold keeps its
    /// dependencies' sources under `fs/assets/credits_generated/github.com/...`, whose packages made 804 error
    /// findings under a draft that promised them). Not the module's API. A folder whose path from the host on is one
    /// of `own`, the module's paths (protoc output written under the module's own import path, `gen/github.com/o/r/
    /// api`), is the module's own and kept. Sorted, one under another left out, as are folders the other excludes
    /// cover (`assets/`), at most `maximumProgramFolders`.
    static func copiesOfOtherModules(_ importable: [String], own: [String] = []) -> [String] {
        var found: Set<String> = []
        for folder in importable {
            let segments = folder.split(separator: "/").map(String.init)
            // The host's folder must have a folder below it (`github.com/owner/...`), as an import path does.
            // Under a folder the other excludes cover (`assets/chezmoi.io/docs`) it needs no glob of its own.
            guard let first = segments.first, !nonLibraryFolders.contains(first),
                let index = segments.dropLast().firstIndex(where: isImportHostFolder)
            else { continue }
            let path = segments[index...].joined(separator: "/")
            guard !own.contains(where: { path == $0 || path.hasPrefix($0 + "/") || $0.hasPrefix(path + "/") })
            else { continue }
            found.insert(segments[...index].joined(separator: "/"))
        }
        let sorted = found.sorted()
        return Array(
            sorted.filter { folder in !sorted.contains { folder.hasPrefix($0 + "/") } }.prefix(maximumProgramFolders))
    }

    /// A folder named as a host Go modules are fetched from (``importHosts``), in any case. Only those: a dotted
    /// name of the project's own is common (Kubernetes API groups, `pkg/apis/management.cattle.io/v3`; review R95).
    static func isImportHostFolder(_ name: String) -> Bool {
        importHosts.contains(name.lowercased())
    }

    /// The hosts of the import paths of widely used Go modules: code hosts and vanity hosts.
    static let importHosts: Set<String> = [
        "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitea.com", "git.sr.ht", "gopkg.in",
        "golang.org", "google.golang.org", "cloud.google.com", "go.googlesource.com", "k8s.io", "sigs.k8s.io",
        "go.uber.org", "go.opentelemetry.io", "go.opencensus.io", "go.etcd.io", "go.mongodb.org", "honnef.co",
        "gotest.tools", "mvdan.cc", "filippo.io", "dario.cat", "gocloud.dev", "cuelang.org", "helm.sh",
        "oras.land", "knative.dev", "tags.cncf.io", "go.step.sm", "modernc.org", "lukechampine.com",
    ]

    /// Of a module's packages (`root` its folder), the folders relative to the root of those others can import (not
    /// package main, not under internal/, testdata/, vendor/; `package main_test` outside a _test.go file, a file
    /// that only pins dependencies, is none either), and of its programs (package main).
    static func importableFolders(_ packages: [(folder: String, package: String)], root: String)
        -> (importable: [String], programs: [String])
    {
        let prefix = root.isEmpty ? "" : root + "/"
        let relative = packages.map { (folder: String($0.folder.dropFirst(prefix.count)), package: $0.package) }
        let importable = relative.filter { $0.package != "main" && !$0.package.hasSuffix("_test") }.map(\.folder)
            .filter { !$0.split(separator: "/").contains { ["internal", "testdata", "vendor"].contains($0) } }
        return (importable, relative.filter { $0.package == "main" }.map(\.folder))
    }

    /// How many module paths (without `/vN`) the excludes of one module cover, the drafted revision's first.
    static let maximumModulePaths = 8

    /// A folder name that says its package serves the project's own tests: `testutil`, `testhelpers`, `e2e`, or a
    /// name ending in `mock`/`mocks` (`storemock`, generated mocks).
    static func isTestSupportFolder(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["testutil", "testutils", "testhelper", "testhelpers", "e2e"].contains(lower)
            || lower.hasSuffix("mock") || lower.hasSuffix("mocks")
    }

    /// The proposal for the module `module` whose `go.mod` is in folder `root` (`""` for the repository's); for a
    /// nested module, nothing unless it has packages meant for others.
    ///
    /// `protobuf`: the module holds generated protobuf code, whose `XXX_` members (in earlier generators' code) are the
    /// generator's own and documented as not for use, so the surface leaves them out.
    private static func proposal(
        module: String, root: String, packages: [(folder: String, package: String)], protobuf: Bool,
        apiGroups: [String] = [],
        earlier: [String] = [], earlierPackages: [[(folder: String, package: String)]] = []
    ) -> [SurfaceProposal] {
        let prefix = root.isEmpty ? "" : root + "/"
        // Importable packages: not package main, not under internal/, testdata/, vendor/, dot- or underscore-folders
        // or nested modules; folders relative to the module's root.
        let layout = importableFolders(packages, root: root)
        let importable = layout.importable
        // Those of the releases read besides too, for the excludes: what a release had and the draft's does not.
        let earlierLayouts = earlierPackages.map { importableFolders($0, root: root) }
        let everImportable = Array(Set(importable + earlierLayouts.flatMap(\.importable))).sorted()
        let programs = programFolders([layout] + earlierLayouts)
        let copies = copiesOfOtherModules(
            everImportable,
            own: ([module] + earlier).flatMap { path in
                let segments = path.split(separator: "/")
                return segments.count > 1 && segments.last.map(ParsedGoFile.isMajorVersion) == true
                    ? [path, segments.dropLast().joined(separator: "/")] : [path]
            })
        let forOthers = importable.filter { folder in
            guard let first = folder.split(separator: "/").first else { return true }
            return !nonLibraryFolders.contains(String(first))
        }
        guard !forOthers.isEmpty else {
            if !root.isEmpty { return [] }
            return [
                SurfaceProposal(
                    finding: "a Go module, \(module) (go.mod), with no importable package meant for others (only "
                        + "package main, internal/ or \(importable.isEmpty ? "nothing else" : "cmd/, private/, tests and tools")): "
                        + "no Go API surface", surface: nil)
            ]
        }
        // A module whose root folder is a program (`package main`): its packages are often the program's own parts
        // (etcd's etcdctl, hugo), sometimes promised (k6's extension API): the reviewer decides.
        let isProgram = packages.contains { $0.folder == root && $0.package == "main" }
        var unstable: [String] = []
        // Those of the releases read besides too: an `alpha/` folder an earlier release had is proposed, so its
        // history is judged as the project meant it.
        let everForOthers = everImportable.filter { folder in
            guard let first = folder.split(separator: "/").first else { return true }
            return !nonLibraryFolders.contains(String(first))
        }
        // An API version folder (`v1alpha1`) of a Kubernetes API group that has no stable version (`v1`) beside it is
        // the API the project serves under that name (argo-rollouts' `pkg/apis/rollouts/v1alpha1`, its CRD types, and
        // the clients generated for it; review I6): promised, and named in the comment. Other version folders
        // (kubebuilder's plugin versions, skaffold's schemas beside `v1`) say experimental by their name.
        let served = servedAPIVersions(everForOthers, among: everImportable, apiGroups: apiGroups)
        var unstablePaths: [String] = []
        for folder in everForOthers {
            let segments = folder.split(separator: "/").map(String.init)
            for (index, segment) in segments.enumerated() where isUnstableFolder(segment) {
                let path = segments[...index].joined(separator: "/")
                if isVersionFolder(segment) {
                    if served.contains(path) { continue }
                    if served.contains(where: { $0.split(separator: "/").last.map(String.init) == segment }) {
                        // The same name is a served API elsewhere: this folder by its path.
                        if !unstablePaths.contains(path) { unstablePaths.append(path) }
                        continue
                    }
                }
                if !unstable.contains(segment) { unstable.append(segment) }
            }
        }
        // `packages` for the root module, `packages-client-v3` for the module in client/v3.
        let name =
            root.isEmpty
            ? "packages"
            : "packages-" + root.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let experimental =
            Self.unstableGlobs(unstable, grouping: served.isEmpty).flatMap { unstableName in
                ["\(name):**/\(unstableName)", "\(name):**/\(unstableName).*", "\(name):**/\(unstableName)/**"]
            }
            + unstablePaths.sorted().flatMap { path in
                let glob = Glob.literal(path)
                return ["\(name):**/\(glob)", "\(name):**/\(glob).*", "\(name):**/\(glob)/**"]
            }
        let servedNamed = served.sorted()
        return [
            SurfaceProposal(
                finding: "a Go module, \(module) (\(prefix)go.mod), with \(forOthers.count) importable "
                    + "package\(forOthers.count == 1 ? "" : "s") outside cmd/, internal/, tests and tools",
                surface: DraftEntry(
                    name,
                    .mapping([
                        DraftEntry(
                            "extract",
                            .mapping([
                                DraftEntry("go-api", .mapping(root.isEmpty ? [] : [DraftEntry("root", .string(root))]))
                            ])),
                        DraftEntry(
                            "exclude",
                            .list(
                                ["**/internal/**", "**/internal", "**/third_party/**"].map { DraftNode.string($0) }
                                    + notForOthers(
                                        everImportable, module: module, earlier: earlier, programs: programs
                                    ).map { DraftNode.string($0) }
                                    + (protobuf ? [DraftNode.string("**/*.XXX_*")] : []))),
                    ]),
                    comments: [
                        "The exported Go API of \(module): every importable package (not internal/, testdata/, vendor/ or",
                        "package main) and its exported funcs, types, fields, methods, consts and vars, compared with Go's",
                        "compatibility rules. Removing or changing one breaks the programs that import it. For the package",
                        "list alone (cheaper, coarser) write `go-packages: {}` instead.",
                    ]
                        + (programs.isEmpty
                            ? []
                            : [
                                "Left out as the programs' own parts: the packages below the folders of programs (package",
                                "main) here or in earlier releases: \(programs.joined(separator: ", ")).",
                            ])
                        + (copies.isEmpty
                            ? []
                            : [
                                "Left out as copies of other modules kept under their import paths (a folder named as",
                                "a module host): \(copies.joined(separator: ", ")). Remove the glob if it is the project's own.",
                            ])
                        + (isProgram
                            ? [
                                "The module's root is a program (package main): keep this surface only if its packages",
                                "are promised to other programs; delete it if they are the program's own parts.",
                            ] : [])
                        + (servedNamed.isEmpty
                            ? []
                            : [
                                "Promised although named as an API version in development: "
                                    + servedNamed.prefix(4).joined(separator: ", ")
                                    + (servedNamed.count > 4 ? " and \(servedNamed.count - 4) more" : "") + ".",
                                "They are versions of a Kubernetes API group the project registers (and its clients),",
                                "with no stable version (v1) beside them: the API it serves, not one in development.",
                                "List them under experimental if the project does not promise them.",
                            ])),
                experimental: experimental)
        ]
    }
}

extension GoAPIExtractorSpec {
    public static var deprecationMarker: String? { "a `// Deprecated:` paragraph in its doc comment" }
}

/// What `semgate init` weighs about one Go module of a repository of several: whether it is a program, what it
/// requires, and what its README says.
struct ModuleShape {
    let root: String
    let path: String
    let packages: [(folder: String, package: String)]
    /// The module paths its `go.mod` requires.
    let requires: [String]
    let readme: String?

    /// Whether its root folder is a program (`package main`).
    var isProgram: Bool { packages.contains { $0.folder == root && $0.package == "main" } }

    /// Words of folder names that say a module is meant for other programs to import.
    static let importWords: Set<String> = ["client", "api", "apis", "sdk"]

    /// The nested modules a reviewer would not promise as a Go API, with the reason: in a repository of several
    /// modules, the programs (`package main` at the module's root: a server, a command-line tool), and, when some
    /// modules say they are for importing (a folder named client, api or sdk), every module that neither of them nor
    /// the modules they require is, such as the programs' shared utilities. The root module is always judged alone.
    static func notMeantForImport(_ modules: [ModuleShape]) -> [String: String] {
        let nested = modules.filter { !$0.root.isEmpty }
        guard !nested.isEmpty else { return [:] }
        var reasons: [String: String] = [:]
        let programs = nested.filter(\.isProgram)
        for program in programs {
            reasons[program.root] = "a program (package main in \(program.root)/): its packages are its own parts"
        }
        let libraries = nested.filter { !$0.isProgram }
        let seeds = libraries.filter { module in
            module.root.split(separator: "/").contains { segment in
                segment.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).contains {
                    importWords.contains($0.lowercased())
                }
            }
        }
        guard !seeds.isEmpty else { return reasons }
        // The seeds and what they require: their exported API names those modules' types.
        let byPath = Dictionary(libraries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var kept = Set(seeds.map(\.path))
        var pending = seeds
        while let module = pending.popLast() {
            for required in module.requires where !kept.contains(required) {
                guard let found = byPath[required] else { continue }
                kept.insert(required)
                pending.append(found)
            }
        }
        for module in libraries where !kept.contains(module.path) {
            let users = modules.filter { $0.requires.contains(module.path) }
            let lead = module.readme.map { String($0.prefix(600)).lowercased() } ?? ""
            if lead.contains("experimental") {
                reasons[module.root] = "its README calls it experimental"
            } else if !users.isEmpty, users.allSatisfy({ $0.isProgram || $0.root.isEmpty }) {
                reasons[module.root] =
                    "required only by the programs here ("
                    + users.map { $0.root.isEmpty ? "the root module" : $0.root + "/" }
                    .joined(separator: ", ") + "): their own parts"
            } else {
                reasons[module.root] =
                    "no module named for importing ("
                    + seeds.map { $0.root + "/" }.sorted().joined(separator: ", ") + ") requires it"
            }
        }
        return reasons
    }
}

extension ProjectFiles {
    /// The module paths a `go.mod` requires (single `require` lines and `require ( ... )` blocks).
    static func goRequirements(_ goMod: String) -> [String] {
        var found: [String] = []
        var inBlock = false
        for line in goMod.split(whereSeparator: \.isNewline) {
            var text = Substring(line)
            if let comment = text.range(of: "//") { text = text[..<comment.lowerBound] }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first else { continue }
            if inBlock {
                if first == ")" {
                    inBlock = false
                } else {
                    found.append(String(first))
                }
            } else if first == "require" {
                if words.count >= 2, words[1] == "(" {
                    inBlock = true
                } else if words.count >= 2 {
                    found.append(String(words[1]))
                }
            }
        }
        return found
    }
}
