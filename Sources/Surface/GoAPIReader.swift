import Dispatch
import Foundation
import Git
import GoSource
import Limits
import Policy

/// The `go-api` extractor: the exported API of every public package of a Go module, read from source in git objects.
///
/// Packages are those `go-packages` finds (not under `internal/`, `testdata/`, `vendor/`, `.`- or `_`-folders or
/// nested modules, not `package main`, `_test.go` files left out). Each distinct blob is parsed once while it stays
/// in the bounded cache (`Limit.parsedFileCacheBytes`), in parallel on every core; a package whose files did not
/// change is not rebuilt. The module itself is the item
/// `go.mod` (`<root>/go.mod`) with attribute `path`, so a module path change is one change.
final class GoAPIReader {
    private let parsed = BoundedCache<ObjectID, ParsedGoFile>(capacity: Limit.parsedFileCacheBytes)
    private let packages = BoundedCache<PackageKey, BuiltPackage>(capacity: Limit.itemCacheBytes)
    /// Each type's items built alone, reused when a file of its package changed but nothing the type read did.
    private let typeBuilds = BoundedCache<TypeKey, GoAPIPackage.TypeBuild>(capacity: Limit.itemCacheBytes)
    private let folders = BoundedCache<ObjectID, [Folder]>(capacity: Limit.itemCacheBytes)
    private let modules = GoModuleLocator()
    private let constantBudget = ConstantBudget()
    /// The package whose string constants took the run past `Limit.goConstantBytesPerRun`, if one did.
    var constantBytesExhaustedIn: String? { constantBudget.exhaustedIn }
    /// Items built so far (not reused from the caches), for the run's item budget.
    private(set) var itemsBuilt = 0
    /// Types whose items were built so far, and those reused from an earlier build of their package.
    private(set) var typesBuilt = 0
    private(set) var typesReused = 0
    private static let prunedNames: Set<String> = ["testdata", "vendor"]

    private struct Folder {
        let relative: String
        let files: [TreeEntry]
        /// False under `internal/`: read only when a type of a public package is followed into it.
        let isPublic: Bool
    }

    /// One package's items and what they read from the other packages of the module (the declarations of the types
    /// followed into them): reused at a later revision only while those are unchanged.
    private struct BuiltPackage {
        let items: [RawItem]
        let dependencies: [String: GoModuleScope.PackageReads]
    }

    private struct TypeKey: Hashable {
        let importPath: String
        let folder: String
        let package: String
        let name: String
    }

    private struct PackageKey: Hashable {
        let importPath: String
        let folder: String
        let blobs: [ObjectID]
        /// The files' names: a name gives a file its build condition (`f_windows.go`).
        let names: [String]
        let ignoreValues: [String]
    }

    /// The items of the module, one array a package as the cache holds it (the module's own item first): a package
    /// whose files did not change hands over the same array again.
    func items(
        _ spec: GoAPIExtractorSpec, tree: ObjectID, source: any FileTree, notes: inout [String],
        problems: inout [SourceProblem], omitting omission: GoAPIOmission? = nil,
        entryLimit: Int = Limit.treeEntriesPerWalk
    ) throws(GitError) -> [[RawItem]] {
        guard
            let (moduleTree, module, inferred) = try modules.locate(
                root: spec.root, in: tree, files: source, extractor: "go-api", notes: &notes)
        else { return [] }
        let goModPath = spec.root.isEmpty ? "go.mod" : spec.root + "/go.mod"
        let all = try resolvingLinks(
            packageFolders(moduleTree, source: source, entryLimit: entryLimit), root: spec.root, in: tree,
            source: source, budget: entryLimit)
        let found = all.filter(\.isPublic)
        let moduleFolders = Set(all.map(\.relative))
        let parsed = try parseFiles(found.flatMap(\.files), source: source)
        let folderPath = { (folder: Folder) in
            [spec.root, folder.relative].filter { !$0.isEmpty }.joined(separator: "/")
        }
        let importPath = { (folder: Folder) in folder.relative.isEmpty ? module : module + "/" + folder.relative }
        var scopeFolders: [String: (folder: String, files: [TreeEntry])] = [:]
        for folder in all { scopeFolders[importPath(folder)] = (folderPath(folder), folder.files) }
        let scope = GoModuleScope(modulePath: module, folders: scopeFolders) { [unowned self] files throws(GitError) in
            try self.parseFiles(files, source: source)
        }
        defer { scope.close() }

        var moduleAttributes = ["kind": "module", "path": module]
        if inferred { moduleAttributes["note"] = "no go.mod at this revision; import path from HEAD's go.mod" }
        var items = [
            [
                RawItem(
                    key: goModPath, attributes: moduleAttributes, stability: .stable,
                    location: Location(path: goModPath))
            ]
        ]
        let ignorePatterns = spec.ignoreValues.map(\.description)
        for folder in found {
            let files = folder.files.compactMap { parsed[$0.id]?.named($0.name) }.filter { !$0.isIgnored }
            let folderPath = folderPath(folder)
            for file in files {
                if let error = file.file.errors.first {
                    let path = (folderPath.isEmpty ? "" : folderPath + "/") + file.name
                    problems.append(
                        SourceProblem(
                            message: "\(path) does not parse at \(error.position): \(error.message); its other "
                                + "declarations still count", location: Location(path: path, line: error.position.line))
                    )
                }
            }
            guard let name = GoAPIPackage.packageName(of: files) else { continue }
            let members = files.filter { $0.file.packageName == name }
            let importPath = importPath(folder)
            let key = PackageKey(
                importPath: importPath, folder: folderPath,
                blobs: folder.files.filter { parsed[$0.id]?.file.packageName == name }.map(\.id),
                names: folder.files.filter { parsed[$0.id]?.file.packageName == name }.map(\.name),
                ignoreValues: ignorePatterns)
            if let cached = packages[key], scope.isCurrent(cached.dependencies) {
                items.append(cached.items)
                continue
            }
            if let omission,
                omission.leavesOut(
                    importPath, module: module, files: files, moduleBlobs: { all.flatMap { $0.files.map(\.id) } },
                    source: source)
            {
                continue
            }
            let globs = spec.ignoreValues
            let package = GoAPIPackage(
                importPath: importPath, folder: folderPath, files: members,
                ignoreValues: { name in globs.contains { $0.matches(name) } }, constantBudget: constantBudget,
                scope: scope)
            scope.startRecording()
            // A type whose lookups find what they found when it was last built is reused; a build alone that met a
            // cut builds the package whole instead (`items(reusing:)`).
            let own = package.items { name in
                typeBuilds[TypeKey(importPath: importPath, folder: folderPath, package: package.name, name: name)]
            }
            if own == nil { scope.startRecording() }
            // In one order whatever order the members were worked out in, so that equal packages give equal groups
            // (the persistent cache names a group by its bytes).
            var packageItems = own?.items ?? package.items()
            // A name declared once per build: each build's definition is compared (`GoBuildVariants`).
            let conditions = GoBuildVariants.conditions(of: members)
            if !conditions.isEmpty {
                packageItems = GoBuildVariants.merge(
                    packageItems,
                    variants: conditions.map { condition in
                        let variant = GoAPIPackage(
                            importPath: importPath, folder: folderPath,
                            files: GoBuildVariants.ordered(members, first: condition),
                            ignoreValues: { name in globs.contains { $0.matches(name) } },
                            constantBudget: constantBudget, scope: scope)
                        return (condition, variant.items())
                    }, files: members, folder: folderPath, importPath: importPath)
            }
            let built = GoImportIdentity.annotate(
                packageItems.sorted { GoAPIPackage.canonicalOrder($0, $1) }, files: members, folder: folderPath,
                module: module, inferred: inferred, folders: moduleFolders)
            if let own {
                typesReused += own.reused
                typesBuilt += own.types.count - own.reused
            }
            for (name, build) in own?.types ?? [:] {
                typeBuilds.insert(
                    build, for: TypeKey(importPath: importPath, folder: folderPath, package: package.name, name: name),
                    cost: build.cost)
            }
            let consulted = scope.consulted()
            // A package of the module that could not be read leaves these items incomplete: stop (fail closed).
            if let failure = scope.failure { throw failure }
            packages.insert(
                BuiltPackage(items: built, dependencies: consulted), for: key,
                cost: CacheCost.of(built) + consulted.reduce(0) { $0 + CacheCost.of($1.key) + $1.value.cost })
            itemsBuilt += built.count
            items.append(built)
        }
        return items
    }

    /// `folders` with each file that is a symbolic link replaced by the file it resolves to inside the repository
    /// (as Go reads it), under the link's name; a link to a folder or to nothing is no file, and one that leaves the
    /// repository or loops is an error naming it (fail closed). Resolved at every revision: the target may be
    /// anywhere in the tree, not below the folder whose listing is cached. All the lookups share one
    /// `PathResolver` of `budget` steps.
    private func resolvingLinks(
        _ folders: [Folder], root: String, in tree: ObjectID, source: any FileTree, budget: Int
    ) throws(GitError) -> [Folder] {
        guard folders.contains(where: { $0.files.contains { $0.kind == .link } }) else { return folders }
        var result: [Folder] = []
        var links = PathResolver(source, budget: budget)
        for folder in folders {
            var files: [TreeEntry] = []
            for file in folder.files {
                guard file.kind == .link else {
                    files.append(file)
                    continue
                }
                let path = [root, folder.relative, file.name].filter { !$0.isEmpty }.joined(separator: "/")
                if let blob = try links.blobID(atPath: path, inTree: tree) {
                    files.append(TreeEntry(name: file.name, id: blob, kind: .blob))
                }
            }
            result.append(Folder(relative: folder.relative, files: files, isPublic: folder.isPublic))
        }
        return result
    }

    /// Every folder below the module root that may hold a package, with its `.go` files (tests left out); those under
    /// `internal/` are not public. `testdata/`, `vendor/`, `.`- and `_`-folders and nested modules hold none.
    /// Worked out once a subtree id (a folder tree shared at many paths costs one listing), within `entryLimit`
    /// entries listed and folders handed up (``ModuleWalk``).
    private func packageFolders(_ tree: ObjectID, source: any FileTree, entryLimit: Int) throws(GitError) -> [Folder] {
        var walk = ModuleWalk(limit: entryLimit)
        return try packageFolders(tree, path: "", source: source, depth: 0, walk: &walk)
    }

    private func packageFolders(
        _ tree: ObjectID, path: String, source: any FileTree, depth: Int, walk: inout ModuleWalk
    ) throws(GitError) -> [Folder] {
        if let cached = folders[tree] { return cached }
        guard depth <= Limit.treeDepth else { throw GitError.tooDeep(path: "go-api package folders") }
        let entries = try walk.list(tree, at: path, source: source)
        // A link is a source file too (Go reads its target): `resolvingLinks` reads it at each revision.
        let sources = entries.filter {
            ($0.kind == .blob || $0.kind == .link) && GoFileName.isPackageSource($0.name)
        }
        var result: [Folder] = sources.isEmpty ? [] : [Folder(relative: "", files: sources, isPublic: true)]
        for entry in entries where entry.kind == .tree {
            let name = entry.name
            if Self.prunedNames.contains(name) || name.hasPrefix(".") || name.hasPrefix("_") { continue }
            let below = path.isEmpty ? name : path + "/" + name
            if try walk.isNestedModule(entry.id, at: below, source: source) { continue }
            let subs = try packageFolders(entry.id, path: below, source: source, depth: depth + 1, walk: &walk)
            try walk.charge(subs.count, at: below)
            for sub in subs {
                result.append(
                    Folder(
                        relative: sub.relative.isEmpty ? name : name + "/" + sub.relative, files: sub.files,
                        isPublic: sub.isPublic && name != "internal"))
            }
        }
        folders.insert(
            result, for: tree,
            cost: result.reduce(CacheCost.overhead) { $0 + CacheCost.of($1.relative) + 64 * $1.files.count })
        return result
    }

    /// Every file of `files` parsed: from the cache, or read (serially: one repository handle) and parsed on every
    /// core, in batches of at most `Limit.goParseBatchBytes` of source (or one larger file), so memory follows the
    /// largest file. The revision's files are held here whatever the cache lets go meanwhile.
    private func parseFiles(_ files: [TreeEntry], source: any FileTree) throws(GitError) -> [ObjectID: ParsedGoFile] {
        var found: [ObjectID: ParsedGoFile] = [:]
        var seen: Set<ObjectID> = []
        var inputs: [(name: String, id: ObjectID, bytes: [UInt8])] = []
        var batchBytes = 0
        func parseBatch() {
            let results = ParallelMap.map(inputs.map { ($0.name, $0.bytes) }) { ParsedGoFile(name: $0.0, bytes: $0.1) }
            for (input, result) in zip(inputs, results) {
                found[input.id] = result
                parsed.insert(result, for: input.id, cost: input.bytes.count * Limit.parsedBytesPerSourceByte)
            }
            inputs = []
            batchBytes = 0
        }
        for file in files where found[file.id] == nil && !seen.contains(file.id) {
            seen.insert(file.id)
            if let cached = parsed[file.id] {
                found[file.id] = cached
                continue
            }
            // A missing file is an error (fail closed): skipping it would hide its declarations.
            let bytes = Array(try source.text(ofBlob: file.id).utf8)
            if batchBytes > 0 && batchBytes + bytes.count > Limit.goParseBatchBytes { parseBatch() }
            inputs.append((file.name, file.id, bytes))
            batchBytes += bytes.count
        }
        parseBatch()
        return found
    }
}

/// Runs a pure transform over an array on every core, keeping the order.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output)
        -> [Output]
    {
        guard inputs.count > 1 else { return inputs.map(transform) }
        let results = Results<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(index, transform(inputs[index]))
        }
        return results.values()
    }

    /// Slots written once each from concurrent iterations; every access holds the lock, so it is Sendable.
    private final class Results<Value: Sendable>: @unchecked Sendable {
        private var slots: [Value?]
        private let lock = NSLock()

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Value) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        func values() -> [Value] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }
}
