import CLibgit2
import Limits

/// Why a repository could not be read; each case says what happened and what to do about it.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
    case notARepository(path: String)
    case unsafeOwnership(path: String)
    case unknownRevision(String, shallow: Bool)
    case shallowHistory(missing: String)
    case unbornHead(String)
    case ambiguousRevision(String)
    case notACommit(String, kind: String)
    case missingObject(MissingObject)
    case noWorkingTree
    case unreadableFile(path: String)
    case linkOutsideRepository(path: String)
    case linkLoop(path: String)
    /// A link target longer than `FileTreeLimits.linkTargetBytes` on the way to `path`: no system makes one.
    case linkTooLong(path: String)
    case library(function: String, code: Int32, message: String)
    /// A file larger than `Limit.fileBytes`, or one whose reading takes the run past `Limit.bytesReadPerRun`.
    case readLimit(object: String, size: Int64, perRun: Bool)
    /// Folders nested deeper than `Limit.treeDepth` below the root.
    case tooDeep(path: String)
    /// A walk over one revision's folders listed more than `limit` entries (`Limit.treeEntriesPerWalk`), reached at
    /// `path`: folder trees shared at many paths name more files than any repository has.
    case tooManyEntries(path: String, limit: Int)
    /// Looking up `path` through symbolic links took more than `limit` steps (`PathResolver`): one lookup, or the
    /// lookups of one revision's links together.
    case lookupTooLong(path: String, limit: Int)

    public var description: String {
        switch self {
        case .notARepository(let path):
            return "'\(path)' is not inside a git repository (run semgate in a checkout or pass --repo DIR)"
        case .unsafeOwnership(let path):
            return "the repository at '\(path)' is owned by another user and git's safe.directory check refuses it; "
                + "allow it with: git config --global --add safe.directory '\(path)'"
        case .unknownRevision(let rev, let shallow):
            if shallow {
                return "unknown revision '\(rev)': this is a shallow clone and the history that holds it is missing; "
                    + "fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --tags --unshallow)"
            }
            return "unknown revision '\(rev)' (check the tag, branch or commit name; remote branches need 'origin/')"
        case .shallowHistory(let missing):
            return "this is a shallow clone and \(missing) is missing from it; fetch the full history "
                + "(actions/checkout with fetch-depth: 0, or git fetch --tags --unshallow)"
        case .unbornHead(let rev):
            return "'\(rev)' does not exist yet: the current branch has no commits (commit something first, or "
                + "pass a revision that exists)"
        case .ambiguousRevision(let rev):
            return "revision '\(rev)' is ambiguous (use a longer commit id or a full ref name like refs/heads/\(rev))"
        case .notACommit(let rev, let kind):
            return "revision '\(rev)' points at a \(kind), not a commit"
        case .missingObject(let missing):
            return missing.description
        case .noWorkingTree:
            return "this repository is bare and has no working tree to judge; pass a revision to --head instead"
        case .unreadableFile(let path):
            return "cannot read '\(path)' in the working tree (check its permissions)"
        case .linkOutsideRepository(let path):
            return "'\(path)' resolves outside the repository (an absolute symbolic link, or '..' above its root); "
                + "semgate reads only files inside it (commit the file itself, or a relative link to a file in it)"
        case .linkLoop(let path):
            return "'\(path)' is a symbolic link that does not resolve within \(FileTreeLimits.linkHops) links "
                + "(a loop?); commit the file itself"
        case .linkTooLong(let path):
            return "'\(path.prefix(120))' goes through a symbolic link whose target is longer than "
                + "\(FileTreeLimits.linkTargetBytes) bytes, which no system checks out; commit the file itself"
        case .library(let function, let code, let message):
            return "\(function) failed (\(code)): \(message)"
        case .readLimit(let object, let size, let perRun):
            if perRun {
                return "reading \(object) (\(size) bytes) takes this run past \(Limit.bytesReadPerRun) bytes of file "
                    + "content, the most one run reads; narrow the surfaces' files or check fewer revisions"
            }
            return "\(object) is \(size) bytes, more than the \(Limit.fileBytes) semgate reads from one file; leave it "
                + "out of the surfaces' files"
        case .tooDeep(let path):
            return "folders nest more than \(Limit.treeDepth) levels deep at '\(path.prefix(120))…'; semgate does not "
                + "read deeper"
        case .tooManyEntries(let path, let limit):
            return "the folders list more than \(limit) files and folders in one walk of the revision (reached at '"
                + "\(path.prefix(120))'); folder trees shared at many paths name more than any repository holds, and "
                + "semgate does not read further"
        case .lookupTooLong(let path, let limit):
            return "looking up '\(path.prefix(120))' through symbolic links takes past \(limit) steps (path parts "
                + "followed and folder entries searched, by this lookup or by all of the revision's); semgate does not "
                + "follow further: commit the files themselves instead of links"
        }
    }

    /// This error with the path and revision of a missing object filled in where they are not known yet; other
    /// errors unchanged.
    public func locating(path: String?, revision: String?) -> GitError {
        guard case .missingObject(var missing) = self else { return self }
        if missing.path == nil { missing.path = path }
        if missing.revision == nil { missing.revision = revision }
        return .missingObject(missing)
    }

    /// The last libgit2 error on this thread, for the function that just failed.
    static func last(_ function: String, _ code: Int32) -> GitError {
        let message = git_error_last().map { String(cString: $0.pointee.message) } ?? "unknown error"
        return .library(function: function, code: code, message: message)
    }
}

/// Throws the libgit2 error of `function` when `code` is negative.
@inline(__always)
func check(_ code: Int32, _ function: String) throws(GitError) {
    if code < 0 { throw GitError.last(function, code) }
}
