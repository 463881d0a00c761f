import Foundation
import Git
import GoSource
import Limits
import Policy

/// The `go-packages` extractor: every public package of the Go module whose `go.mod` sits at the spec's root.
///
/// Public means importable from outside: not under `internal/`, `testdata/` or `vendor/`, not in a folder whose
/// name starts with `.` or `_`, not in a nested module, and not `package main`. Results are remembered per
/// subtree id, so a folder that did not change between two tags is not walked again.
public final class GoPackageFinder {
    private let packagesBySubtree = BoundedCache<ObjectID, [String]>(capacity: Limit.itemCacheBytes)
    private let modules = GoModuleLocator()
    private let packageNameByBlob = BoundedCache<ObjectID, String?>(capacity: Limit.itemCacheBytes)
    /// Items built so far (not reused from the caches), for the run's item budget.
    private(set) var itemsBuilt = 0
    private static let prunedNames: Set<String> = ["internal", "testdata", "vendor"]

    func items(
        _ spec: GoPackagesExtractorSpec, tree: ObjectID, files: any FileTree, notes: inout [String],
        entryLimit: Int = Limit.treeEntriesPerWalk
    ) throws(GitError) -> [RawItem] {
        let root = spec.root.split(separator: "/").joined(separator: "/")
        guard
            let (moduleTree, module, _) = try modules.locate(
                root: root, in: tree, files: files, extractor: "go-packages", notes: &notes)
        else { return [] }
        var walk = ModuleWalk(limit: entryLimit)
        return try packages(in: moduleTree, path: "", files: files, notes: &notes, walk: &walk).map { relative in
            let folder = [root, relative].filter { !$0.isEmpty }.joined(separator: "/")
            return RawItem(
                key: relative.isEmpty ? module : module + "/" + relative, attributes: [:], stability: .stable,
                location: Location(path: folder.isEmpty ? "go.mod" : folder))
        }
    }

    /// Relative folders (`""` for the tree itself) holding an importable package, worked out once a subtree id within
    /// the walk's bound (``ModuleWalk``).
    private func packages(
        in tree: ObjectID, path: String, files: any FileTree, notes: inout [String], depth: Int = 0,
        walk: inout ModuleWalk
    ) throws(GitError) -> [String] {
        if let cached = packagesBySubtree[tree] { return cached }
        guard depth <= Limit.treeDepth else { throw GitError.tooDeep(path: "go-packages folders") }
        let entries = try walk.list(tree, at: path, source: files)
        var result: [String] = []
        let sources = entries.filter { $0.kind == .blob && GoFileName.isPackageSource($0.name) }
        // A folder is importable when some file that builds is not `package main` (generators with `//go:build
        // ignore` often are); the first such file settles it, so most folders cost one read.
        for source in sources {
            guard let name = try packageName(of: source.id, files: files, notes: &notes) else { continue }
            if name != "main" {
                result.append("")
                break
            }
        }
        for entry in entries where entry.kind == .tree {
            let name = entry.name
            if Self.prunedNames.contains(name) || name.hasPrefix(".") || name.hasPrefix("_") { continue }
            let below = path.isEmpty ? name : path + "/" + name
            if try walk.isNestedModule(entry.id, at: below, source: files) { continue }
            let subs = try packages(
                in: entry.id, path: below, files: files, notes: &notes, depth: depth + 1, walk: &walk)
            try walk.charge(subs.count, at: below)
            for sub in subs {
                result.append(sub.isEmpty ? name : name + "/" + sub)
            }
        }
        packagesBySubtree.insert(result, for: tree, cost: CacheCost.of(result))
        if result.first == "" { itemsBuilt += 1 }
        return result
    }

    /// The package clause of a Go file, nil when it has none or never builds (`//go:build ignore`, the convention for
    /// generators: Go's own reading finds no package in a folder of such files); a missing blob throws (fail closed).
    private func packageName(of blob: ObjectID, files: any FileTree, notes: inout [String]) throws(GitError)
        -> String?
    {
        if let cached = packageNameByBlob[blob] { return cached }
        let text = try files.text(ofBlob: blob)
        let name =
            GoParser.buildConstraint(of: Array(text.utf8)) == "ignore" ? nil : Self.packageClause(in: text)
        packageNameByBlob.insert(name, for: blob, cost: CacheCost.overhead + (name.map(CacheCost.of) ?? 0))
        return name
    }

    /// The module path of a `go.mod` file (`module go.k6.io/k6` or `module "example.com/x"`).
    static func modulePath(in goMod: String) -> String? {
        for line in goMod.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("module") else { continue }
            var rest = trimmed.dropFirst("module".count)
            guard let first = rest.first, first == " " || first == "\t" else { continue }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if let comment = rest.range(of: "//") { rest = rest[..<comment.lowerBound] }
            let path = rest.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"`"))
            return path.isEmpty ? nil : path
        }
        return nil
    }

    /// The name in a Go file's `package` clause, skipping comments before it.
    public static func packageClause(in source: String) -> String? {
        var inBlockComment = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: true) {
            var text = Substring(line).drop { $0 == " " || $0 == "\t" }
            if inBlockComment {
                guard let end = text.range(of: "*/") else { continue }
                text = text[end.upperBound...].drop { $0 == " " || $0 == "\t" }
                inBlockComment = false
            }
            if text.hasPrefix("//") || text.isEmpty { continue }
            if text.hasPrefix("/*") {
                if text.range(of: "*/") == nil { inBlockComment = true }
                continue
            }
            guard text.hasPrefix("package ") || text.hasPrefix("package\t") else { return nil }
            let name = text.dropFirst("package".count).drop { $0 == " " || $0 == "\t" }.prefix {
                $0.isLetter || $0.isNumber || $0 == "_"
            }
            return String(name)
        }
        return nil
    }
}

/// Finds the Go module whose `go.mod` sits at a root folder of a tree: the folder's tree id and the module path,
/// remembered by `go.mod` blob id. Shared by `go-packages` and `go-api`.
final class GoModuleLocator {
    private var pathByBlob: [ObjectID: String?] = [:]
    /// The module path HEAD's `go.mod` gives the module at each root, for revisions that have none yet.
    private var headPaths: [String: String?] = [:]

    /// The module's folder and path; nil when there is no `go.mod` there, or (with a note naming `extractor`) when it
    /// has no `module` line; a `go.mod` missing from the object store throws (fail closed). A revision from before Go
    /// modules (the folder exists, with no `go.mod`) is read under the path of HEAD's `go.mod`, with `inferred` set,
    /// so adding `go.mod` does not look like adding every package.
    func locate(root: String, in tree: ObjectID, files: any FileTree, extractor: String, notes: inout [String])
        throws(GitError) -> (tree: ObjectID, path: String, inferred: Bool)?
    {
        var moduleTree = tree
        for part in root.split(separator: "/") {
            guard
                let entry = try files.entries(ofTree: moduleTree).first(where: { $0.name == part && $0.kind == .tree })
            else { return nil }
            moduleTree = entry.id
        }
        let goModPath = root.isEmpty ? "go.mod" : root + "/go.mod"
        guard let goMod = try files.blobID(atPath: "go.mod", inTree: moduleTree) else {
            guard let later = try headModulePath(root: root, files: files) else { return nil }
            return (moduleTree, later, true)
        }
        let module: String?
        if let cached = pathByBlob[goMod] {
            module = cached
        } else {
            do {
                module = GoPackageFinder.modulePath(in: try files.text(ofBlob: goMod))
            } catch {
                throw error.locating(path: goModPath, revision: nil)
            }
            pathByBlob[goMod] = module
        }
        guard let module else {
            notes.append("\(goModPath): no 'module' line; \(extractor) found nothing")
            return nil
        }
        return (moduleTree, module, false)
    }

    /// The module path of the `go.mod` at `root` in HEAD's tree, read once per root: what a revision from before Go
    /// modules is read under. Nil when there is no HEAD or it has no such `go.mod`; a `go.mod` missing from the object
    /// store throws (fail closed).
    private func headModulePath(root: String, files: any FileTree) throws(GitError) -> String? {
        if let known = headPaths[root] { return known }
        let repository = (files as? Repository) ?? (files as? WorkingTree)?.repository
        var path: String?
        if let repository, let head = try? repository.resolve("HEAD") {
            let goModPath = root.isEmpty ? "go.mod" : root + "/go.mod"
            let tree = try repository.rootTree(of: head)
            if let blob = try repository.blobID(atPath: goModPath, inTree: tree) {
                do {
                    path = GoPackageFinder.modulePath(in: try repository.text(ofBlob: blob))
                } catch {
                    throw error.locating(path: goModPath, revision: "HEAD")
                }
            }
        }
        headPaths[root] = path
        return path
    }
}

/// The bound on one walk over a module's folders (go-packages, go-api): each subtree id is worked out once (its
/// result is remembered by id), so a folder tree shared at many paths costs one listing; what the walk charges, the
/// entries of each tree it lists and the package folders each folder hands up to its parent (a result is copied once
/// a level), stays within `limit` (`Limit.treeEntriesPerWalk`), else `tooManyEntries` naming the folder. A subtree
/// whose result is remembered from an earlier revision charges only what it hands up.
struct ModuleWalk {
    let limit: Int
    private var charged = 0
    /// Whether a folder tree holds a `go.mod` (a nested module), by id, for this walk.
    private var nested: [ObjectID: Bool] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    mutating func charge(_ count: Int, at path: String) throws(GitError) {
        charged += count
        guard charged <= limit else { throw GitError.tooManyEntries(path: path, limit: limit) }
    }

    /// The entries of `tree` at `path`, charged.
    mutating func list(_ tree: ObjectID, at path: String, source: any FileTree) throws(GitError) -> [TreeEntry] {
        let entries = try source.entries(ofTree: tree)
        try charge(entries.count, at: path)
        return entries
    }

    /// Whether the folder tree `tree` (at `path`) holds a `go.mod`: listed once a tree id, charged once.
    mutating func isNestedModule(_ tree: ObjectID, at path: String, source: any FileTree) throws(GitError) -> Bool {
        if let known = nested[tree] { return known }
        let answer = try list(tree, at: path, source: source).contains { $0.kind == .blob && $0.name == "go.mod" }
        nested[tree] = answer
        return answer
    }
}
