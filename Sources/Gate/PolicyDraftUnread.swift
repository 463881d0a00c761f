import Git
import Policy
import SemVer
import Surface

/// A release tag whose tree has none of the folders a drafted surface reads, between releases that have them, and
/// whose root names another program.
struct UnreadRelease: Sendable, Equatable {
    let tag: String
    /// The surfaces that would find nothing there, and the folders they read.
    var surfaces: [String]
    var folders: [String]
    /// The program its root names (its go.mod's module, else its Go files' package).
    var program: String
}

/// What names the Go program of a tree's root: the module its go.mod declares (the last element of the path, without
/// a major-version suffix) and the package of its first Go file.
struct RootProgram: Sendable, Equatable {
    var module: String?
    var package: String?

    init(module: String? = nil, package: String? = nil) {
        self.module = module
        self.package = package
    }

    /// The root of `tree` as `files` reads it; nothing when it cannot be read.
    init(tree: ObjectID, files: any FileTree) {
        guard let entries = try? files.entries(ofTree: tree) else { return }
        if let goMod = entries.first(where: { $0.name == "go.mod" && $0.kind == .blob }),
            let text = try? files.text(ofBlob: goMod.id), let module = ProjectFiles.goModule(text)
        {
            self.module = PolicyDraft.moduleName(module)
        }
        if let file = entries.first(where: {
            $0.kind == .blob && ProjectFiles.isGoSource($0.name)
        }), let text = try? files.text(ofBlob: file.id) {
            package = GoPackageFinder.packageClause(in: text)
        }
    }

    /// The name this root gives a program other than `own`, or nil when nothing says it is another: both go.mod files
    /// name modules and the names differ (a module moved to another host keeps its name), or this root has no go.mod
    /// and both roots' packages differ (godo's `package godo` under doctl's `package doctl`). A project's own older
    /// layout (goreleaser's `package main` at the root, restic's src/) is the same program, or unknown.
    func other(than own: RootProgram) -> String? {
        if let module, let ownModule = own.module { return module == ownModule ? nil : module }
        if module == nil, let package, let ownPackage = own.package, package != ownPackage { return package }
        return nil
    }
}

extension PolicyDraft {
    /// Release tags looked at for the folders the drafted surfaces read: the greatest versions when there are more.
    static let maximumUnreadTags = 4_096
    /// Folders of one surface looked up in each release's tree.
    static let maximumReadFolders = 16

    /// The release tags under `template` (and not under `ignore`) whose trees have none of the folders a drafted
    /// surface reads (`read`: each surface's name and folders), while a lower and a greater release have one, and
    /// whose root names another program than `own` (the drafted revision's root, ``RootProgram/other(than:)``):
    /// there the surface finds nothing, and `audit` would claim everything removed and added back. Tags of another
    /// program that shares the tag namespace (doctl's holds those of its API client). A project that started without
    /// the folders, or moved to them, has no such gap; a tree that cannot be read counts as having them, and a root
    /// that does not name another program is the project's own (neither is proposed). One root-tree lookup a release
    /// and at most `maximumReadFolders` folder lookups for each distinct root tree; in version order.
    static func unreadReleases(
        _ tags: [TagReference], template: String, ignore: [String], read: [(surface: String, folders: [String])],
        own: RootProgram, repository: Repository
    ) -> [UnreadRelease] {
        let read = read.filter { !$0.folders.isEmpty }
        guard !read.isEmpty, let template = try? TagTemplate(template) else { return [] }
        let globs = ignore.compactMap { try? Glob($0) }
        var releases: [(tag: String, commit: ObjectID, version: Version)] = []
        for reference in tags {
            guard let commit = reference.commit, !globs.contains(where: { $0.matches(reference.name) }),
                let text = template.versionText(fromTag: reference.name), let version = Version.parse(text)
            else { continue }
            releases.append((reference.name, commit, version))
        }
        releases.sort { ($0.version, $0.tag) < ($1.version, $1.tag) }
        releases = Array(releases.suffix(maximumUnreadTags))
        let files = CachingFileTree(repository, capacity: 8 << 20)
        let roots = releases.map { try? repository.rootTree(of: $0.commit) }
        var found: [Int: UnreadRelease] = [:]
        var programs: [ObjectID: String?] = [:]
        for (surface, folders) in read {
            let folders = Array(folders.prefix(maximumReadFolders))
            // Many tags share a root tree: each is looked at once.
            var known: [ObjectID: Bool] = [:]
            let has = roots.map { root in
                guard let root else { return true }
                if let answer = known[root] { return answer }
                let answer = folders.contains { hasFolder($0, in: root, files: files) }
                known[root] = answer
                return answer
            }
            guard let first = has.firstIndex(of: true), let last = has.lastIndex(of: true) else { continue }
            for index in first...last where !has[index] {
                guard let root = roots[index] else { continue }
                if programs[root] == nil { programs[root] = RootProgram(tree: root, files: files).other(than: own) }
                guard let program = programs[root] ?? nil else { continue }
                var release =
                    found[index]
                    ?? UnreadRelease(tag: releases[index].tag, surfaces: [], folders: [], program: program)
                release.surfaces.append(surface)
                release.folders += folders.filter { !release.folders.contains($0) }
                found[index] = release
            }
        }
        return found.keys.sorted().compactMap { found[$0] }
    }

    /// Whether `tree` holds the folder `path`; true when a folder on the way cannot be read (not known to be absent).
    private static func hasFolder(_ path: String, in tree: ObjectID, files: any FileTree) -> Bool {
        var folder = tree
        for part in path.split(separator: "/") {
            guard let entries = try? files.entries(ofTree: folder) else { return true }
            guard let entry = entries.first(where: { $0.name == part }), entry.kind == .tree else { return false }
            folder = entry.id
        }
        return true
    }

    /// The comment line that says why the tags of `unread` are left out.
    static func unreadComment(_ unread: [UnreadRelease]) -> [String] {
        guard let first = unread.first else { return [] }
        let surfaces = Set(unread.flatMap(\.surfaces)).sorted().joined(separator: ", ")
        let folders = unread.reduce(into: [String]()) { all, release in
            all += release.folders.filter { !all.contains($0) }
        }
        let named = folders.prefix(4).map { $0 + "/" }.joined(separator: ", ") + (folders.count > 4 ? ", ..." : "")
        let programs = Set(unread.map(\.program)).sorted()
        let program =
            programs.prefix(3).map { "'\($0.prefix(64))'" }.joined(separator: ", ")
            + (programs.count > 3 ? ", ..." : "")
        return [
            "\(unread.count == 1 ? "Tag \(first.tag) has" : "\(unread.count) tags have") none of the folders the "
                + "\(surfaces) surface reads (\(named)), which releases before and after have, and a root that names "
                + "another program (\(program)): its tags?"
        ]
    }
}
