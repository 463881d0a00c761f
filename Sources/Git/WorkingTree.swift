import CLibgit2
import Foundation

/// The working directory of a repository as a `FileTree`: the files on disk, committed or not, that git would
/// offer to commit (tracked files, and untracked files that `.gitignore` does not exclude).
///
/// Read-only: it reads the index and the ignore rules through libgit2 and the files through the file system, and
/// never refreshes or writes the index. Folder and file ids are made up from their paths and a number unique to
/// this value (they are not git hashes of the content, and caches keyed by them never outlive it); file contents
/// are read when asked for.
public final class WorkingTree: FileTree {
    /// The id of the working directory's root folder.
    public let root: ObjectID
    private let repository: Repository
    private let directory: URL
    /// Every path in the index, and every folder that holds one.
    private let tracked: Set<String>
    private let trackedFolders: Set<String>
    private var folders: [ObjectID: String] = [:]
    private var files: [ObjectID: String] = [:]
    private var listings: [ObjectID: [TreeEntry]] = [:]
    private let nonce: String

    /// Reads the index of `repository`; throws `noWorkingTree` for a bare repository.
    public init(_ repository: Repository) throws(GitError) {
        guard let workingDirectory = repository.workingDirectory else { throw GitError.noWorkingTree }
        self.repository = repository
        directory = URL(fileURLWithPath: workingDirectory, isDirectory: true)
        var index: OpaquePointer?
        try check(git_repository_index(&index, repository.handle), "git_repository_index")
        defer { git_index_free(index) }
        var paths: Set<String> = []
        var parents: Set<String> = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position) else { continue }
            let path = String(cString: entry.pointee.path)
            paths.insert(path)
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                parents.insert(String(folder))
            }
        }
        tracked = paths
        trackedFolders = parents
        let nonce = UUID().uuidString
        self.nonce = nonce
        root = ObjectID.synthetic("\(nonce) folder ")
        folders[root] = ""
    }

    /// The entries of a folder of the working directory, sorted by name; `.git` and ignored paths are left out.
    public func entries(ofTree id: ObjectID) throws(GitError) -> [TreeEntry] {
        if let cached = listings[id] { return cached }
        guard let folder = folders[id] else { throw GitError.missingObject(id: id.hex, context: "working tree") }
        let url = folder.isEmpty ? directory : directory.appendingPathComponent(folder, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        var entries: [TreeEntry] = []
        for name in names.sorted() where name != ".git" {
            let path = folder.isEmpty ? name : folder + "/" + name
            guard let kind = try kind(of: path) else { continue }
            switch kind {
            case .tree:
                let child = ObjectID.synthetic("\(nonce) folder \(path)")
                folders[child] = path
                entries.append(TreeEntry(name: name, id: child, kind: .tree))
            case .blob:
                let file = ObjectID.synthetic("\(nonce) file \(path)")
                files[file] = path
                entries.append(TreeEntry(name: name, id: file, kind: .blob))
            case .submodule, .link:
                entries.append(TreeEntry(name: name, id: ObjectID.synthetic("\(nonce) other \(path)"), kind: kind))
            }
        }
        listings[id] = entries
        return entries
    }

    /// The text of a working-directory file (invalid UTF-8 is repaired).
    public func text(ofBlob id: ObjectID) throws(GitError) -> String {
        guard let path = files[id] else { throw GitError.missingObject(id: id.hex, context: "working tree") }
        let url = directory.appendingPathComponent(path)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        try repository.charge(size, reading: "'\(path)'")
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
            throw GitError.unreadableFile(path: path)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// What `path` is, or nil when git would not see it (ignored and untracked, or neither file nor folder).
    private func kind(of path: String) throws(GitError) -> TreeEntry.Kind? {
        let full = directory.appendingPathComponent(path).path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: full),
            let type = attributes[.type] as? FileAttributeType
        else { return nil }
        switch type {
        case .typeSymbolicLink:
            return try isSeen(path) ? .link : nil
        case .typeDirectory:
            // A nested repository (a submodule's checkout) is not part of this one.
            if FileManager.default.fileExists(atPath: full + "/.git") { return .submodule }
            if trackedFolders.contains(path) { return .tree }
            return try isIgnored(path + "/") ? nil : .tree
        case .typeRegular:
            return try isSeen(path) ? .blob : nil
        default:
            return nil
        }
    }

    /// Tracked, or untracked and not ignored.
    private func isSeen(_ path: String) throws(GitError) -> Bool {
        if tracked.contains(path) { return true }
        return try !isIgnored(path)
    }

    private func isIgnored(_ path: String) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, repository.handle, path), "git_ignore_path_is_ignored")
        return ignored == 1
    }
}

extension ObjectID {
    /// A made-up id for `text`: the hash of a blob holding it, which no repository object is expected to be.
    static func synthetic(_ text: String) -> ObjectID {
        let bytes = Array("semgate working tree \(text)".utf8)
        var oid = git_oid()
        _ = bytes.withUnsafeBytes { buffer in git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB) }
        return ObjectID(oid)
    }
}
