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
    /// The repository whose working directory this is.
    public let repository: Repository
    /// The working directory's path as bytes (no trailing slash).
    private let directory: [UInt8]
    /// Every path in the index, and every folder that holds one (names as `FileName` reads them).
    private let tracked: Set<String>
    private let trackedFolders: Set<String>
    /// Folders, files and links seen so far: the path as shown, and as bytes for the file system.
    private var folders: [ObjectID: Place] = [:]
    private var files: [ObjectID: Place] = [:]
    private var links: [ObjectID: Place] = [:]
    private var listings: [ObjectID: [TreeEntry]] = [:]
    private let nonce: String

    private struct Place {
        let path: String
        let bytes: [UInt8]
    }

    /// Reads the index of `repository`; throws `noWorkingTree` for a bare repository.
    public init(_ repository: Repository) throws(GitError) {
        guard let workingDirectory = repository.workingDirectory else { throw GitError.noWorkingTree }
        self.repository = repository
        var directory = Array(workingDirectory.utf8)
        while directory.count > 1 && directory.last == 0x2F { directory.removeLast() }
        self.directory = directory
        var index: OpaquePointer?
        try check(git_repository_index(&index, repository.handle), "git_repository_index")
        defer { git_index_free(index) }
        var paths: Set<String> = []
        var parents: Set<String> = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position) else { continue }
            let path = FileName.decodePath(entry.pointee.path)
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
        folders[root] = Place(path: "", bytes: [])
    }

    /// The entries of a folder of the working directory, sorted by name; `.git` and ignored paths are left out.
    /// Names are read as bytes and shown as `FileName` says, so names that are not UTF-8 stay distinct.
    public func entries(ofTree id: ObjectID) throws(GitError) -> [TreeEntry] {
        if let cached = listings[id] { return cached }
        guard let folder = folders[id] else { throw unknown(id) }
        var entries: [TreeEntry] = []
        let names = Self.names(in: absolute(folder.bytes)).map { (name: FileName.decode($0), bytes: $0) }
        for (name, bytes) in names.sorted(by: { $0.name < $1.name }) where name != ".git" {
            let place = Place(
                path: folder.path.isEmpty ? name : folder.path + "/" + name,
                bytes: folder.bytes.isEmpty ? bytes : folder.bytes + [0x2F] + bytes)
            guard let kind = try kind(of: place) else { continue }
            let child = ObjectID.synthetic("\(nonce) \(kind) \(place.path)")
            switch kind {
            case .tree: folders[child] = place
            case .blob: files[child] = place
            case .link: links[child] = place
            case .submodule: break
            }
            entries.append(TreeEntry(name: name, id: child, kind: kind))
        }
        listings[id] = entries
        return entries
    }

    /// The text of a working-directory file, as `RepositoryText.decode` reads it.
    public func text(ofBlob id: ObjectID) throws(GitError) -> String {
        guard let file = files[id] else { throw unknown(id) }
        var info = stat()
        if stat(absolute(file.bytes), &info) == 0 {
            try repository.charge(Int(info.st_size), reading: "'\(file.path)'")
        }
        guard let bytes = Self.contents(of: absolute(file.bytes)) else {
            throw GitError.unreadableFile(path: file.path)
        }
        return RepositoryText.decode(bytes)
    }

    /// The target of a symbolic link in the working directory, as stored.
    public func linkTarget(ofLink id: ObjectID) throws(GitError) -> String {
        guard let link = links[id] else { throw unknown(id) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(absolute(link.bytes), &buffer, buffer.count - 1)
        guard count >= 0 else { throw GitError.unreadableFile(path: link.path) }
        return buffer.prefix(count).withUnsafeBytes { FileName.decodePath($0) }
    }

    private func unknown(_ id: ObjectID) -> GitError {
        .missingObject(MissingObject(id: id.hex, kind: "working tree entry", partialClone: nil))
    }

    /// The full path of `relative` (bytes below the working directory) as a C string.
    private func absolute(_ relative: [UInt8]) -> [CChar] {
        Self.cString(relative.isEmpty ? directory : directory + [0x2F] + relative)
    }

    private static func cString(_ bytes: [UInt8]) -> [CChar] {
        bytes.map { CChar(bitPattern: $0) } + [0]
    }

    /// What `place` is, or nil when git would not see it (ignored and untracked, or neither file nor folder).
    private func kind(of place: Place) throws(GitError) -> TreeEntry.Kind? {
        let full = absolute(place.bytes)
        var info = stat()
        guard lstat(full, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            return try isSeen(place) ? .link : nil
        case S_IFDIR:
            // A nested repository (a submodule's checkout) is not part of this one.
            if access(absolute(place.bytes + Array("/.git".utf8)), F_OK) == 0 { return .submodule }
            if trackedFolders.contains(place.path) { return .tree }
            return try isIgnored(place.bytes + [0x2F]) ? nil : .tree
        case S_IFREG:
            return try isSeen(place) ? .blob : nil
        default:
            return nil
        }
    }

    /// Tracked, or untracked and not ignored.
    private func isSeen(_ place: Place) throws(GitError) -> Bool {
        if tracked.contains(place.path) { return true }
        return try !isIgnored(place.bytes)
    }

    private func isIgnored(_ path: [UInt8]) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        try check(
            git_ignore_path_is_ignored(&ignored, repository.handle, Self.cString(path)), "git_ignore_path_is_ignored")
        return ignored == 1
    }

    /// The names in the folder at the path `folder`, as bytes; empty when it cannot be read.
    private static func names(in folder: [CChar]) -> [[UInt8]] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    /// The bytes of the regular file at the path `path` (not following a final symbolic link).
    private static func contents(of path: [CChar]) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return output }
            output += chunk.prefix(count)
        }
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
