import CLibgit2

/// A commit's id and full message, copied out of libgit2.
public struct CommitMessage: Sendable, Equatable {
    public let id: ObjectID
    /// The whole message: summary line, body and footers.
    public let message: String

    /// A message as libgit2 returned it for commit `id`.
    public init(id: ObjectID, message: String) {
        self.id = id
        self.message = message
    }

    /// The first line of the message.
    public var summary: String {
        String(message.prefix { $0 != "\n" && $0 != "\r" })
    }
}

extension Repository {
    /// The commits reachable from `head` but not from `base` (all of head's history when `base` is nil), oldest
    /// first, as `git log --reverse --topo-order base..head` lists them.
    ///
    /// Throws `shallowHistory` when a shallow clone ends before the walk does.
    public func commitMessages(from base: ObjectID?, to head: ObjectID) throws(GitError) -> [CommitMessage] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        try check(
            git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue),
            "git_revwalk_sorting")
        var start = head.raw
        try check(git_revwalk_push(walker, &start), "git_revwalk_push")
        if let base {
            var hidden = base.raw
            try check(git_revwalk_hide(walker, &hidden), "git_revwalk_hide")
        }
        var ids: [ObjectID] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walker)
            if code == GIT_ITEROVER.rawValue { break }
            if code == GIT_ENOTFOUND.rawValue && isShallow {
                throw GitError.shallowHistory(missing: "the history between the base and head")
            }
            try check(code, "git_revwalk_next")
            ids.append(ObjectID(oid))
        }
        var messages: [CommitMessage] = []
        for id in ids {
            let commit = try lookup(id, GIT_OBJECT_COMMIT, kind: "commit")
            defer { git_object_free(commit) }
            let text = git_commit_message(commit).map { String(cString: $0) } ?? ""
            messages.append(CommitMessage(id: id, message: text))
        }
        return messages
    }

}
