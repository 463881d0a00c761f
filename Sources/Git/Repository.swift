import CLibgit2
import Foundation
import Limits

/// A tag reference as found in the repository, peeled to the commit it names.
public struct TagReference: Sendable, Equatable {
    /// The tag name without `refs/tags/`.
    public let name: String
    /// The commit the tag points at (through any chain of annotated tags); nil when it names a tree or blob.
    public let commit: ObjectID?
    /// The kind of object at the end of the chain when it is not a commit (`tree`, `blob`).
    public let peeledKind: String?
    /// True for annotated tags (a tag object with a tagger).
    public let annotated: Bool
    /// The tagger date of an annotated tag.
    public let taggerDate: Date?
    /// The committer date of the commit the tag points at.
    public let commitDate: Date?

    public init(
        name: String, commit: ObjectID?, peeledKind: String? = nil, annotated: Bool = false, taggerDate: Date? = nil,
        commitDate: Date? = nil
    ) {
        self.name = name
        self.commit = commit
        self.peeledKind = peeledKind
        self.annotated = annotated
        self.taggerDate = taggerDate
        self.commitDate = commitDate
    }

    /// The `peeledKind` of a tag whose chain cannot be followed: a dangling ref, or an object this clone lacks.
    public static let missing = "missing object"

    static func unreachable(_ name: String) -> TagReference {
        TagReference(
            name: name, commit: nil, peeledKind: missing, annotated: false, taggerDate: nil, commitDate: nil)
    }
}

/// One entry of a git tree, copied out of libgit2.
public struct TreeEntry: Sendable, Equatable {
    /// What the entry holds.
    public enum Kind: Sendable, Equatable { case blob, tree, submodule, link }
    public let name: String
    public let id: ObjectID
    public let kind: Kind

    public init(name: String, id: ObjectID, kind: Kind) {
        self.name = name
        self.id = id
        self.kind = kind
    }
}

/// A read-only view of a git repository through libgit2: one owner of the `git_repository` handle.
///
/// Not thread-safe: open one `Repository` per task and pass `Sendable` values between them.
public final class Repository {
    let handle: OpaquePointer
    /// The `.git` folder (or the bare repository).
    public let gitDirectory: String
    /// The working tree root; nil for a bare repository.
    public let workingDirectory: String?
    /// The promisor settings when this is a partial clone (`git clone --filter=...`), read when it is opened.
    public let partialClone: PartialClone?
    private let treeCache = BoundedCache<ObjectID, [TreeEntry]>(capacity: Limit.treeCacheBytes)
    /// Bytes of file content and folder listings read through this handle (one run); see `charge`.
    private var bytesRead: Int64 = 0

    /// Set once per process: libgit2's list of repository extensions it accepts, its object cache and its hash checking
    /// of objects read are global.
    private static let extensionsAllowed: Bool = {
        git_libgit2_init()
        _ = semgate_set_object_cache_bytes(Limit.gitObjectCacheBytes)
        _ = semgate_set_strict_hash_verification(0)
        return semgate_allow_partialclone_extension() == 0
    }()

    /// Opens the repository that contains `path` (a working tree, a subfolder, a worktree, or a bare repository).
    public init(discovering path: String) throws(GitError) {
        _ = Repository.extensionsAllowed
        git_libgit2_init()
        var pointer: OpaquePointer?
        let code = git_repository_open_ext(&pointer, path, 0, nil)
        guard code >= 0, let pointer else {
            let error = GitError.last("git_repository_open_ext", code)
            git_libgit2_shutdown()
            guard case .library(_, _, let message) = error else { throw error }
            // libgit2 1.5 reports a foreign owner as GIT_ENOTFOUND with a safe.directory message; later as EOWNER.
            if message.contains("safe.directory") || code == GIT_EOWNER.rawValue {
                throw GitError.unsafeOwnership(path: Repository.ownerPath(from: message) ?? path)
            }
            if code == GIT_ENOTFOUND.rawValue { throw GitError.notARepository(path: path) }
            throw error
        }
        handle = pointer
        gitDirectory = String(cString: git_repository_path(pointer))
        let workdir = git_repository_workdir(pointer).map { String(cString: $0) }
        workingDirectory = workdir.flatMap { Repository.credibleWorkingDirectory($0, repository: pointer) }
        partialClone = Repository.partialClone(of: pointer)
    }

    /// The promisor configuration git writes on a partial clone: `extensions.partialclone`, a remote with
    /// `promisor = true` (and its `partialclonefilter`), or `.promisor` files beside the packs.
    private static func partialClone(of repository: OpaquePointer) -> PartialClone? {
        var config: OpaquePointer?
        var remote: String?
        var filter: String?
        if git_repository_config_snapshot(&config, repository) == 0, let config {
            defer { git_config_free(config) }
            remote = string(config, "extensions.partialclone")
            if remote == nil {
                var iterator: OpaquePointer?
                if git_config_iterator_glob_new(&iterator, config, #"^remote\..*\.promisor$"#) == 0 {
                    var entry: UnsafeMutablePointer<git_config_entry>?
                    while git_config_next(&entry, iterator) == 0, let entry {
                        var enabled: Int32 = 0
                        let name = String(cString: entry.pointee.name)
                        if git_config_parse_bool(&enabled, entry.pointee.value) == 0, enabled == 1 {
                            remote = String(name.dropFirst("remote.".count).dropLast(".promisor".count))
                            break
                        }
                    }
                    git_config_iterator_free(iterator)
                }
            }
            if let remote { filter = string(config, "remote.\(remote).partialclonefilter") }
        }
        if remote == nil {
            let common = String(cString: git_repository_commondir(repository))
            let packs = URL(fileURLWithPath: common, isDirectory: true).appendingPathComponent("objects/pack").path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: packs)) ?? []
            guard names.contains(where: { $0.hasSuffix(".promisor") }) else { return nil }
        }
        return PartialClone(remote: remote, filter: filter)
    }

    private static func string(_ config: OpaquePointer, _ name: String) -> String? {
        var entry: UnsafeMutablePointer<git_config_entry>?
        guard git_config_get_entry(&entry, config, name) == 0, let entry else { return nil }
        defer { git_config_entry_free(entry) }
        let value = String(cString: entry.pointee.value)
        return value.isEmpty ? nil : value
    }

    /// `workdir` when it really is this repository's working tree, else nil.
    ///
    /// libgit2 takes a git folder without `core.bare` in its config (a mirror copied without its `config`) to have a
    /// working tree in its parent folder; git calls such a folder bare, and so does semgate: the working tree must
    /// hold a `.git` entry, or the config must say `core.bare = false` or name a `core.worktree`.
    private static func credibleWorkingDirectory(_ workdir: String, repository: OpaquePointer) -> String? {
        let dotGit = URL(fileURLWithPath: workdir, isDirectory: true).appendingPathComponent(".git").path
        if FileManager.default.fileExists(atPath: dotGit) { return workdir }
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, repository) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var bare: Int32 = 1
        if git_config_get_bool(&bare, config, "core.bare") == 0 && bare == 0 { return workdir }
        var entry: UnsafeMutablePointer<git_config_entry>?
        if git_config_get_entry(&entry, config, "core.worktree") == 0 {
            git_config_entry_free(entry)
            return workdir
        }
        return nil
    }

    deinit {
        git_repository_free(handle)
        git_libgit2_shutdown()
    }

    private static func ownerPath(from message: String) -> String? {
        guard let start = message.range(of: "'"), let end = message[start.upperBound...].range(of: "'") else {
            return nil
        }
        let quoted = String(message[start.upperBound..<end.lowerBound])
        return quoted == "safe.directory" ? nil : quoted
    }

    /// True when the repository is a shallow clone (some history is missing).
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// True when the repository has no working tree.
    public var isBare: Bool { workingDirectory == nil }

    // MARK: Revisions

    /// Resolves anything a user may type (tag, branch, remote branch, SHA, `HEAD~2`) to a commit.
    public func resolve(_ revision: String) throws(GitError) -> ObjectID {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, handle, revision)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue || code == GIT_EUNBORNBRANCH.rawValue {
            if revision.hasPrefix("HEAD") && git_repository_head_unborn(handle) == 1 {
                throw GitError.unbornHead(revision)
            }
            throw GitError.unknownRevision(revision, shallow: isShallow)
        }
        if code == GIT_EAMBIGUOUS.rawValue { throw GitError.ambiguousRevision(revision) }
        try check(code, "git_revparse_single")
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        let peelCode = git_object_peel(&peeled, object, GIT_OBJECT_COMMIT)
        guard peelCode >= 0, let peeled else {
            let kind = String(cString: git_object_type2string(git_object_type(object)))
            throw GitError.notACommit(revision, kind: kind)
        }
        defer { git_object_free(peeled) }
        return ObjectID(git_object_id(peeled))
    }

    /// The branches whose tip is `commit`, as people name them: local branches (`main`) first, then remote-tracking
    /// ones (`origin/main`), each group sorted; symbolic references (`origin/HEAD`) are skipped. At most `limit`.
    public func branches(at commit: ObjectID, limit: Int = 8) throws(GitError) -> [String] {
        var names: [String] = []
        for (glob, prefix) in [("refs/heads/*", "refs/heads/"), ("refs/remotes/*", "refs/remotes/")] {
            var group: [String] = []
            try forEachReference(matching: glob) { (reference) throws(GitError) in
                guard git_reference_type(reference) == GIT_REFERENCE_DIRECT,
                    let target = git_reference_target(reference),
                    ObjectID(target) == commit
                else { return }
                group.append(String(FileName.decodePath(git_reference_name(reference)).dropFirst(prefix.count)))
            }
            names += group.sorted()
        }
        return Array(names.prefix(limit))
    }

    /// The best common ancestor of two commits, or nil when they share no history.
    public func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> ObjectID? {
        var a = one.raw
        var b = two.raw
        var out = git_oid()
        let code = git_merge_base(&out, handle, &a, &b)
        if code == GIT_ENOTFOUND.rawValue && !isShallow { return nil }
        // A shallow clone cannot tell "no common history" from "the history is not fetched".
        if code < 0 && isShallow { throw GitError.shallowHistory(missing: "the history that joins the base and head") }
        try check(code, "git_merge_base")
        return ObjectID(out)
    }

    /// Whether `ancestor` is reachable from `commit` by parent edges (`commit` itself included); nil when libgit2
    /// cannot tell (an object it needs is missing or unreadable, or the clone is shallow, whose boundary it cannot
    /// see past): the caller then walks the history itself.
    public func isReachable(_ ancestor: ObjectID, from commit: ObjectID) -> Bool? {
        if ancestor == commit { return true }
        guard !isShallow else { return nil }
        var one = commit.raw
        var two = ancestor.raw
        let code = git_graph_descendant_of(handle, &one, &two)
        return code < 0 ? nil : code == 1
    }

    /// Every commit reachable from `head`, including it (one walk; use for many reachability questions).
    public func reachableCommits(from head: ObjectID) throws(GitError) -> Set<ObjectID> {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        var start = head.raw
        try check(git_revwalk_push(walker, &start), "git_revwalk_push")
        var result: Set<ObjectID> = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walker)
            if code == GIT_ITEROVER.rawValue { break }
            // libgit2 walks past a shallow clone's boundary and finds no parent: the history ends there.
            if code == GIT_ENOTFOUND.rawValue && isShallow { break }
            try check(code, "git_revwalk_next")
            result.insert(ObjectID(oid))
        }
        return result
    }

    /// The most commits ``historyGroups(of:)`` reads.
    public static let maximumHistoryCommits = 2_000_000

    /// For each of `commits`, a group number: two commits share it when their histories share a commit. One walk over
    /// every commit reachable from them, each read once (union-find over the parent edges), so the cost follows the
    /// history, not tags times history as a merge base a pair would. Nil for a shallow clone (its boundary hides
    /// what joins) or past ``maximumHistoryCommits`` commits.
    public func historyGroups(of commits: [ObjectID]) throws(GitError) -> [Int]? {
        guard !isShallow else { return nil }
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        for commit in Set(commits) {
            var start = commit.raw
            try check(git_revwalk_push(walker, &start), "git_revwalk_push")
        }
        var index: [ObjectID: Int32] = [:]
        var parent: [Int32] = []
        func node(_ id: ObjectID) -> Int32 {
            if let known = index[id] { return known }
            let made = Int32(parent.count)
            parent.append(made)
            index[id] = made
            return made
        }
        func find(_ start: Int32) -> Int32 {
            var at = start
            while parent[Int(at)] != at {
                parent[Int(at)] = parent[Int(parent[Int(at)])]
                at = parent[Int(at)]
            }
            return at
        }
        var oid = git_oid()
        var read = 0
        while true {
            let code = git_revwalk_next(&oid, walker)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_revwalk_next")
            read += 1
            guard read <= Self.maximumHistoryCommits else { return nil }
            let child = node(ObjectID(oid))
            for id in try commitParents(oid, in: odb) {
                let (one, two) = (find(child), find(node(id)))
                if one != two { parent[Int(max(one, two))] = min(one, two) }
            }
        }
        // Every commit pushed is walked; one that was not (none) gets a group of its own.
        return commits.enumerated().map { offset, commit in index[commit].map { Int(find($0)) } ?? -1 - offset }
    }

    /// The parents of commit `oid`, from the `parent` lines of its raw object as the store holds it. Read raw, not as
    /// a parsed commit (`git_commit_lookup`): libgit2 keeps one cached object an id, and a parsed commit there makes
    /// every later raw read of it (each merge-base walk's) inflate it again (etcd's audit: 87 merge bases after
    /// this walk took 1.5 s instead of 0.4 s). The revision walk has just read the same raw object, so this read is
    /// the cache's.
    private func commitParents(_ oid: git_oid, in odb: OpaquePointer?) throws(GitError) -> [ObjectID] {
        var id = oid
        var object: OpaquePointer?
        try check(git_odb_read(&object, odb, &id), "git_odb_read")
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == GIT_OBJECT_COMMIT, let data = git_odb_object_data(object) else {
            throw GitError.notACommit(ObjectID(oid).hex, kind: "object of another type")
        }
        let bytes = UnsafeRawBufferPointer(start: data, count: git_odb_object_size(object))
        let prefix = Array("parent ".utf8)
        let hexLength = Int(GIT_OID_HEXSZ)
        var parents: [ObjectID] = []
        var start = 0
        // The header ends at the first empty line; `parent` lines follow `tree`, one a parent.
        while start < bytes.count, bytes[start] != UInt8(ascii: "\n") {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end - start == prefix.count + hexLength, bytes[start..<start + prefix.count].elementsEqual(prefix) {
                var parsed = git_oid()
                let code = bytes.baseAddress.map { base in
                    git_oid_fromstrn(
                        &parsed, base.advanced(by: start + prefix.count).assumingMemoryBound(to: CChar.self), hexLength)
                } ?? -1
                try check(code, "git_oid_fromstrn")
                parents.append(ObjectID(parsed))
            }
            start = end + 1
        }
        return parents
    }

    // MARK: Tags

    /// Every tag under `refs/tags/` whose name `include` accepts, peeled to commits, with tagger and committer
    /// dates. Names are filtered before anything is read, so a broken tag that is not a release costs nothing; a
    /// release tag that cannot be followed (dangling, or its object absent) comes back with `peeledKind`
    /// `TagReference.missing` instead of failing the whole read.
    public func tags(where include: (String) -> Bool = { _ in true }) throws(GitError) -> [TagReference] {
        var result: [TagReference] = []
        try forEachReference(matching: "refs/tags/*") { (reference) throws(GitError) in
            let fullName = FileName.decodePath(git_reference_name(reference))
            let name = String(fullName.dropFirst("refs/tags/".count))
            guard include(name) else { return }
            var resolved: OpaquePointer?
            guard git_reference_resolve(&resolved, reference) >= 0, let resolved,
                let target = git_reference_target(resolved)
            else {
                git_reference_free(resolved)
                result.append(.unreachable(name))
                return
            }
            defer { git_reference_free(resolved) }
            do throws(GitError) {
                result.append(try tagReference(name: name, target: ObjectID(target)))
            } catch .missingObject {
                result.append(.unreachable(name))
            }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Calls `body` with every reference whose name matches `glob`; each reference is freed after its call.
    private func forEachReference(
        matching glob: String, _ body: (OpaquePointer?) throws(GitError) -> Void
    ) throws(GitError) {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, handle, glob), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        while true {
            var reference: OpaquePointer?
            let code = git_reference_next(&reference, iterator)
            if code == GIT_ITEROVER.rawValue { return }
            try check(code, "git_reference_next")
            defer { git_reference_free(reference) }
            try body(reference)
        }
    }

    private func tagReference(name: String, target: ObjectID) throws(GitError) -> TagReference {
        var oid = target.raw
        var object: OpaquePointer?
        let code = git_object_lookup(&object, handle, &oid, GIT_OBJECT_ANY)
        if code == GIT_ENOTFOUND.rawValue {
            // Shallow and partial clones hold tags whose objects were never fetched.
            return .unreachable(name)
        }
        try check(code, "git_object_lookup")
        defer { git_object_free(object) }
        var annotated = false
        var taggerDate: Date?
        if git_object_type(object) == GIT_OBJECT_TAG {
            annotated = true
            if let tagger = git_tag_tagger(object) {
                taggerDate = Date(timeIntervalSince1970: TimeInterval(tagger.pointee.when.time))
            }
        }
        var peeled: OpaquePointer?
        if git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) < 0 || peeled == nil {
            var any: OpaquePointer?
            var kind = "object"
            if git_object_peel(&any, object, GIT_OBJECT_ANY) >= 0, let any {
                kind = String(cString: git_object_type2string(git_object_type(any)))
                git_object_free(any)
            } else if git_object_type(object) != GIT_OBJECT_TAG {
                kind = String(cString: git_object_type2string(git_object_type(object)))
            } else if let tagTarget = git_tag_target_id(object) {
                kind = try objectKind(ObjectID(tagTarget))
            }
            return TagReference(
                name: name, commit: nil, peeledKind: kind, annotated: annotated, taggerDate: taggerDate,
                commitDate: nil)
        }
        defer { git_object_free(peeled) }
        let commitID = ObjectID(git_object_id(peeled))
        let seconds = git_commit_time(peeled)
        return TagReference(
            name: name, commit: commitID, peeledKind: nil, annotated: annotated, taggerDate: taggerDate,
            commitDate: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    private func objectKind(_ id: ObjectID) throws(GitError) -> String {
        let object = try lookup(id, GIT_OBJECT_ANY, kind: "object")
        defer { git_object_free(object) }
        return String(cString: git_object_type2string(git_object_type(object)))
    }

    /// Looks up an object of one type; the caller frees it with `git_object_free`. Absent objects (shallow and
    /// partial clones) are `missingObject`.
    func lookup(_ id: ObjectID, _ type: git_object_t, kind: String) throws(GitError) -> OpaquePointer {
        var oid = id.raw
        var object: OpaquePointer?
        let code = git_object_lookup(&object, handle, &oid, type)
        if code != GIT_ENOTFOUND.rawValue { try check(code, "git_object_lookup") }
        guard code >= 0, let object else {
            throw GitError.missingObject(MissingObject(id: id.hex, kind: kind, partialClone: partialClone))
        }
        return object
    }

    // MARK: Trees and blobs

    /// The root tree of a commit.
    public func rootTree(of commit: ObjectID) throws(GitError) -> ObjectID {
        let pointer = try lookup(commit, GIT_OBJECT_COMMIT, kind: "commit")
        defer { git_object_free(pointer) }
        return ObjectID(git_commit_tree_id(pointer))
    }

    /// The entries of a tree, copied into Swift values and remembered by id (trees are immutable).
    public func entries(ofTree id: ObjectID) throws(GitError) -> [TreeEntry] {
        if let cached = treeCache[id] { return cached }
        let tree = try lookup(id, GIT_OBJECT_TREE, kind: "tree")
        defer { git_object_free(tree) }
        let count = git_tree_entrycount(tree)
        var entries: [TreeEntry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let kind: TreeEntry.Kind
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE: kind = .tree
            case GIT_OBJECT_COMMIT: kind = .submodule
            default: kind = git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK ? .link : .blob
            }
            entries.append(
                TreeEntry(
                    name: FileName.decode(git_tree_entry_name(entry)), id: ObjectID(git_tree_entry_id(entry)),
                    kind: kind))
        }
        let bytes = entries.reduce(0) { $0 + $1.name.utf8.count + 32 }
        try charge(bytes, reading: "tree \(id.short)")
        treeCache.insert(entries, for: id, cost: bytes + 64 * entries.count)
        return entries
    }

    /// The text of a blob, read as `RepositoryText.decode` says; throws `missingObject` when the object store
    /// lacks it.
    public func text(ofBlob id: ObjectID) throws(GitError) -> String {
        try charge(try blobSize(id), reading: "blob \(id.short)")
        let blob = try lookup(id, GIT_OBJECT_BLOB, kind: "blob")
        defer { git_object_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return "" }
        return RepositoryText.decode(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// The target of a symbolic link entry (mode 120000): the text of its blob, each name as `FileName` reads it.
    public func linkTarget(ofLink id: ObjectID) throws(GitError) -> String {
        let blob = try lookup(id, GIT_OBJECT_BLOB, kind: "blob")
        defer { git_object_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return "" }
        return FileName.decodePath(UnsafeRawBufferPointer(start: raw, count: size))
    }
}

extension Repository {
    /// Whether the object store holds `id`, without reading it (a partial clone's promised objects it lacks are not
    /// held).
    public func contains(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0 else { return false }
        defer { git_odb_free(odb) }
        var oid = id.raw
        return git_odb_exists(odb, &oid) == 1
    }

    /// The size of a blob from its object header, without inflating it; 0 when the header cannot be read (the lookup
    /// that follows reports a missing object as such).
    private func blobSize(_ id: ObjectID) throws(GitError) -> Int {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.raw
        var size = 0
        var type = GIT_OBJECT_INVALID
        let code = git_odb_read_header(&size, &type, odb, &oid)
        return code < 0 ? 0 : size
    }

    /// Counts `bytes` read towards the run's limits: one file may hold at most `Limit.fileBytes`, one run (one
    /// repository handle) read at most `Limit.bytesReadPerRun`. Checked before the content is loaded.
    func charge(_ bytes: Int, reading object: String) throws(GitError) {
        if Int64(bytes) > Limit.fileBytes {
            throw GitError.readLimit(object: object, size: Int64(bytes), perRun: false)
        }
        bytesRead += Int64(bytes)
        if bytesRead > Limit.bytesReadPerRun {
            throw GitError.readLimit(object: object, size: Int64(bytes), perRun: true)
        }
    }
}

extension Repository: FileTree {}
