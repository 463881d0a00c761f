import Limits

/// Files and folders addressed by object id: a commit's git trees, or a working directory seen the same way.
///
/// The surface extractors read only through this protocol, so one code path serves `check --head worktree` and
/// every revision. Ids of the same content are the same only within one source.
public protocol FileTree: AnyObject {
    /// The entries of the folder `id`, in a stable order.
    func entries(ofTree id: ObjectID) throws(GitError) -> [TreeEntry]
    /// The text of the file `id` (invalid UTF-8 is repaired).
    func text(ofBlob id: ObjectID) throws(GitError) -> String
}

extension FileTree {
    /// The file at `path` below the folder `tree`, or nil when there is none.
    public func blobID(atPath path: String, inTree tree: ObjectID) throws(GitError) -> ObjectID? {
        var current = tree
        let parts = path.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() {
            guard let entry = try entries(ofTree: current).first(where: { $0.name == part }) else { return nil }
            if index == parts.count - 1 { return entry.kind == .blob ? entry.id : nil }
            guard entry.kind == .tree else { return nil }
            current = entry.id
        }
        return nil
    }

    /// Visits every file below `tree` whose folder `descend` accepts, with its full path.
    ///
    /// `descend` gets each folder's path (no trailing slash) before it is read, so callers prune whole subtrees.
    /// Folders more than `Limit.treeDepth` deep are `tooDeep`.
    public func walkFiles(
        tree: ObjectID, prefix: String = "", depth: Int = 0, descend: (String) -> Bool,
        visit: (String, TreeEntry) throws(GitError) -> Void
    ) throws(GitError) {
        guard depth <= Limit.treeDepth else { throw GitError.tooDeep(path: prefix) }
        for entry in try entries(ofTree: tree) {
            let path = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            switch entry.kind {
            case .blob: try visit(path, entry)
            case .tree:
                if descend(path) {
                    try walkFiles(tree: entry.id, prefix: path, depth: depth + 1, descend: descend, visit: visit)
                }
            case .submodule, .link: continue
            }
        }
    }
}
