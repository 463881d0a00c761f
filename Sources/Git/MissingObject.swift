/// An object that a reader needed and the object store lacks, with what is known of where it was needed.
///
/// Readers throw it bare (id and kind); callers that know the path and the revision fill them in before it is
/// shown, so the message names the object, the file, the revision and the fix.
public struct MissingObject: Sendable, Equatable, CustomStringConvertible {
    /// The 40 hexadecimal digits of the object id.
    public let id: String
    /// `blob`, `tree`, `commit`, or `object` when the kind asked for is not known.
    public let kind: String
    /// The path of the file or folder that holds it, when known (empty for the root folder).
    public var path: String?
    /// The revision being read (`v1.2.0 (commit 1a2b3c4)`), when known.
    public var revision: String?
    /// The promisor settings when the repository is a partial clone (objects are missing by design).
    public var partialClone: PartialClone?

    public init(id: String, kind: String, path: String? = nil, revision: String? = nil, partialClone: PartialClone?) {
        self.id = id
        self.kind = kind
        self.path = path
        self.revision = revision
        self.partialClone = partialClone
    }

    public var description: String {
        var what = "\(kind) \(id.prefix(7))"
        if let path { what = path.isEmpty ? "the root folder (\(what))" : "'\(path)' (\(what))" }
        if let revision { what += " at \(revision)" }
        return "\(what) is missing from the object store, so the check cannot be made; \(fix)"
    }

    /// What to do about it: fetch the objects a partial clone only promised, or repair an incomplete clone.
    private var fix: String {
        if let partialClone {
            let remote = partialClone.remote ?? "origin"
            return "this is a partial clone (\(partialClone.summary)) and semgate reads only objects that are "
                + "present: fetch every object with 'git fetch --refetch --no-filter \(remote)', or clone without "
                + "a filter (actions/checkout: fetch-depth: 0 and no filter)"
        }
        return "the clone is incomplete or damaged: clone again with the full history (actions/checkout: "
            + "fetch-depth: 0), or run 'git fetch --refetch origin'"
    }
}

/// How a repository says it is a partial clone: a promisor remote and its filter (`blob:none`).
public struct PartialClone: Sendable, Equatable {
    /// The promisor remote (`extensions.partialclone`, or a remote with `promisor = true`).
    public let remote: String?
    /// The remote's `partialclonefilter`, when set.
    public let filter: String?

    /// `remote 'origin', filter blob:none`, or what part of it is known.
    var summary: String {
        var parts: [String] = []
        if let remote { parts.append("remote '\(remote)'") }
        if let filter { parts.append("filter \(filter)") }
        return parts.isEmpty ? "promisor packs in objects/pack" : parts.joined(separator: ", ")
    }
}
