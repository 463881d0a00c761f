import Git
import Policy
import SemVer
import Surface

/// A release tag whose tree has none of the folders a drafted surface reads, between releases that have them.
struct UnreadRelease: Sendable, Equatable {
    let tag: String
    /// The surfaces that would find nothing there, and the folders they read.
    var surfaces: [String]
    var folders: [String]
}

extension PolicyDraft {
    /// Release tags looked at for the folders the drafted surfaces read: the greatest versions when there are more.
    static let maximumUnreadTags = 4_096
    /// Folders of one surface looked up in each release's tree.
    static let maximumReadFolders = 16

    /// The release tags under `template` (and not under `ignore`) whose trees have none of the folders a drafted
    /// surface reads (`read`: each surface's name and folders), while a lower and a greater release have one: there
    /// the surface finds nothing, and `audit` would claim everything removed and added back. Tags of another program
    /// that shares the tag namespace (doctl's holds those of its API client). A project that started without the
    /// folders, or moved to them, has no such gap; a tree that cannot be read counts as having them (not proposed).
    /// One root-tree lookup a release and at most `maximumReadFolders` folder lookups; in version order.
    static func unreadReleases(
        _ tags: [TagReference], template: String, ignore: [String], read: [(surface: String, folders: [String])],
        repository: Repository
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
        for (surface, folders) in read {
            let folders = Array(folders.prefix(maximumReadFolders))
            let has = roots.map { root in
                guard let root else { return true }
                return folders.contains { hasFolder($0, in: root, files: files) }
            }
            guard let first = has.firstIndex(of: true), let last = has.lastIndex(of: true) else { continue }
            for index in first...last where !has[index] {
                var release = found[index] ?? UnreadRelease(tag: releases[index].tag, surfaces: [], folders: [])
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
        return [
            "\(unread.count == 1 ? "Tag \(first.tag) has" : "\(unread.count) tags have") none of the folders the "
                + "\(surfaces) surface reads (\(named)), which releases before and after have: another program's tags?"
        ]
    }
}
