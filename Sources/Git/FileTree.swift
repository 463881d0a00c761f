import Limits

/// Files and folders addressed by object id: a commit's git trees, or a working directory seen the same way.
///
/// The surface extractors read only through this protocol, so one code path serves `check --head worktree` and
/// every revision. Ids of the same content are the same only within one source.
public protocol FileTree: AnyObject {
    /// The entries of the folder `id`, in a stable order.
    func entries(ofTree id: ObjectID) throws(GitError) -> [TreeEntry]
    /// The text of the file `id`, as `RepositoryText.decode` reads it.
    func text(ofBlob id: ObjectID) throws(GitError) -> String
    /// The target of the symbolic link `id`, as stored (a relative or absolute path).
    func linkTarget(ofLink id: ObjectID) throws(GitError) -> String
}

/// Limits of path lookups.
public enum FileTreeLimits {
    /// Symbolic links followed while looking up one path; Linux's own limit (`MAXSYMLINKS`), which stops loops.
    public static let linkHops = 40
    /// The longest link target followed, in bytes: Linux's `PATH_MAX` less its NUL, the longest `symlink(2)` makes,
    /// so a longer one cannot be checked out, and no build sees a file through it.
    public static let linkTargetBytes = 4_095
    /// Folder entries one path lookup may compare names with, links followed included: a target of thousands of
    /// `big/..` parts, each searched for in a folder of thousands of entries, stops here instead of running for
    /// minutes (a real path needs a few hundred).
    public static let lookupEntries = 1_000_000
    /// Folders with more entries than this are looked up through a name index built once (``PathResolver``); smaller
    /// ones are searched in order.
    static let indexedFolderEntries = 16
}

/// Looks up paths below a tree through symbolic links, for one lookup or many in a row (every link an extractor's
/// globs match, at one revision).
///
/// Each part of a path costs one step, and a folder searched costs its entries: in order for a small folder, or
/// once for the name index of a large one, which later lookups in it reuse (n links in one folder of n entries cost
/// about 2n steps, not n²). One lookup takes at most `FileTreeLimits.lookupEntries` steps and the resolver at most
/// `budget` in all; past either, `lookupTooLong` naming the path. Names compare as `TreeEntry.name` values do, and
/// the first of two entries with one name is the one found, as a search in order finds it.
public struct PathResolver {
    private let source: any FileTree
    private let budget: Int
    private var spent = 0
    private var indexes: [ObjectID: [String: TreeEntry]] = [:]

    public init(_ source: any FileTree, budget: Int = FileTreeLimits.lookupEntries) {
        self.source = source
        self.budget = budget
    }

    /// The file at `path` below the folder `tree`, or nil when there is none.
    ///
    /// Symbolic links on the way (mode 120000 in a git tree, links in a working tree) are followed while they
    /// resolve inside `tree`; a link that leaves it (an absolute target, or `..` above the root) throws
    /// `linkOutsideRepository` and its target is never read. A missing folder on the way throws `missingObject`
    /// with the folder's path.
    public mutating func blobID(atPath path: String, inTree tree: ObjectID) throws(GitError) -> ObjectID? {
        // The parts still to follow, the next last (a link's target goes on top: each part costs the same however
        // long the path, never a shift of all those after it).
        var pending = Array(path.split(separator: "/").reversed())
        var folders: [(name: Substring, id: ObjectID)] = []
        var hops = 0
        var steps = 0
        func spend(_ cost: Int) throws(GitError) {
            steps += cost
            spent += cost
            guard steps <= FileTreeLimits.lookupEntries else {
                throw GitError.lookupTooLong(path: path, limit: FileTreeLimits.lookupEntries)
            }
            guard spent <= budget else { throw GitError.lookupTooLong(path: path, limit: budget) }
        }
        while let part = pending.popLast() {
            try spend(1)
            if part == "." { continue }
            if part == ".." {
                guard !folders.isEmpty else { throw GitError.linkOutsideRepository(path: path) }
                folders.removeLast()
                continue
            }
            let folder = folders.last?.id ?? tree
            let found: (entry: TreeEntry?, cost: Int)
            do {
                found = try entry(named: part, in: folder)
            } catch {
                throw error.locating(
                    path: folders.isEmpty ? nil : folders.map(\.name).joined(separator: "/"), revision: nil)
            }
            try spend(found.cost)
            guard let entry = found.entry else { return nil }
            switch entry.kind {
            case .tree:
                folders.append((part, entry.id))
            case .blob:
                return pending.isEmpty ? entry.id : nil
            case .link:
                hops += 1
                guard hops <= FileTreeLimits.linkHops else { throw GitError.linkLoop(path: path) }
                let target = try source.linkTarget(ofLink: entry.id)
                guard !target.hasPrefix("/") else { throw GitError.linkOutsideRepository(path: path) }
                guard target.utf8.count <= FileTreeLimits.linkTargetBytes else { throw GitError.linkTooLong(path: path) }
                pending.append(contentsOf: target.split(separator: "/").reversed())
            case .submodule:
                return nil
            }
        }
        return nil
    }

    /// The first entry named `name` in the folder `id`, and the entries that cost: none when the folder's index is
    /// built, else the entries searched or indexed.
    private mutating func entry(named name: Substring, in id: ObjectID) throws(GitError) -> (TreeEntry?, Int) {
        if let index = indexes[id] { return (index[String(name)], 0) }
        let listing = try source.entries(ofTree: id)
        guard listing.count > FileTreeLimits.indexedFolderEntries else {
            return (listing.first { $0.name == name }, listing.count)
        }
        var index: [String: TreeEntry] = [:]
        index.reserveCapacity(listing.count)
        for entry in listing where index[entry.name] == nil { index[entry.name] = entry }
        indexes[id] = index
        return (index[String(name)], listing.count)
    }
}

extension FileTree {
    /// The file at `path` below the folder `tree`, or nil when there is none: one lookup as `PathResolver` makes it,
    /// within `FileTreeLimits.lookupEntries` steps. Many lookups in a row share a `PathResolver` instead.
    public func blobID(atPath path: String, inTree tree: ObjectID) throws(GitError) -> ObjectID? {
        var resolver = PathResolver(self)
        return try resolver.blobID(atPath: path, inTree: tree)
    }

    /// The path of the object `hex` below `tree`, found breadth-first; nil when no folder that can be read holds it.
    /// For messages about a missing object, so it costs a walk only when something already failed.
    public func path(ofObject hex: String, in tree: ObjectID) -> String? {
        var queue: [(path: String, id: ObjectID)] = [("", tree)]
        var seen: Set<ObjectID> = []
        var next = 0
        while next < queue.count {
            let (folder, id) = queue[next]
            next += 1
            guard seen.insert(id).inserted, let listing = try? entries(ofTree: id) else { continue }
            for entry in listing {
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                if entry.id.hex == hex { return path }
                if entry.kind == .tree { queue.append((path, entry.id)) }
            }
        }
        return nil
    }

    /// Visits every file below `tree` whose folder `descend` accepts, with its full path, depth-first in listing
    /// order.
    ///
    /// `descend` gets each folder's path (no trailing slash) before it is read, so callers prune whole subtrees.
    /// The walk keeps its folders on an explicit stack, not the call stack; folders more than `Limit.treeDepth`
    /// deep are `tooDeep` (each open folder holds its listing and its path, so depth bounds memory).
    ///
    /// With `wants` (which file names the caller looks at; `visit` sees only those), `descend` must answer by a
    /// folder's own name, not its path: then whether a folder tree holds a wanted file does not depend on where it
    /// is, and a tree that held none is not listed again at another path (three shared trees of 1,000 entries name a
    /// billion folders in a few KB of git). Entries listed, a folder counting each time it is entered, past
    /// `entryLimit` are `tooManyEntries` naming the folder: a tree that does hold wanted files at many paths.
    public func walkFiles(
        tree: ObjectID, descend: (String) -> Bool, wants: ((String) -> Bool)? = nil,
        entryLimit: Int = Limit.treeEntriesPerWalk, visit: (String, TreeEntry) throws(GitError) -> Void
    ) throws(GitError) {
        var listed = 0
        /// Trees walked whole without a wanted file (only with `wants`).
        var barren: Set<ObjectID> = []
        func enter(_ id: ObjectID, at path: String) throws(GitError) -> [TreeEntry] {
            let entries = try listing(of: id, at: path)
            listed += entries.count
            guard listed <= entryLimit else { throw GitError.tooManyEntries(path: path, limit: entryLimit) }
            return entries
        }
        var open: [(prefix: String, id: ObjectID, listing: [TreeEntry], next: Int, found: Bool)] = [
            ("", tree, try enter(tree, at: ""), 0, false)
        ]
        while let top = open.indices.last {
            guard open[top].next < open[top].listing.count else {
                let done = open.removeLast()
                if done.found {
                    if let parent = open.indices.last { open[parent].found = true }
                } else if wants != nil {
                    barren.insert(done.id)
                }
                continue
            }
            let entry = open[top].listing[open[top].next]
            open[top].next += 1
            let prefix = open[top].prefix
            let path = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            switch entry.kind {
            case .blob:
                if let wants {
                    guard wants(entry.name) else { continue }
                    open[top].found = true
                }
                try visit(path, entry)
            case .tree:
                guard descend(path), !barren.contains(entry.id) else { continue }
                guard open.count <= Limit.treeDepth else { throw GitError.tooDeep(path: path) }
                open.append((path, entry.id, try enter(entry.id, at: path), 0, false))
            case .submodule, .link: continue
            }
        }
    }

    /// The entries of the folder `id` at `path`; a folder that cannot be read is an error naming its path.
    private func listing(of id: ObjectID, at path: String) throws(GitError) -> [TreeEntry] {
        do {
            return try entries(ofTree: id)
        } catch {
            throw error.locating(path: path.isEmpty ? nil : path, revision: nil)
        }
    }
}
