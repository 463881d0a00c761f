import Foundation
import Git
import Policy
import Surface

/// Finds and loads the policy: `--policy FILE`, else `.semgate.yml`, `semgate.yml`, `policy/semgate.yml` in the
/// working tree (or at `--policy-rev`), else zero-config defaults.
public enum PolicyResolver {
    /// Loads the policy for `repository`.
    public static func resolve(explicitPath: String?, revision: String?, repository: Repository) throws(GateError)
        -> Policy
    {
        if let revision {
            let commit = try wrap { () throws(GitError) in try repository.resolve(revision) }
            let tree = try wrap { () throws(GitError) in try repository.rootTree(of: commit) }
            for path in explicitPath.map({ [$0] }) ?? PolicyLoader.searchPaths {
                guard let text = try readBlob(path, tree: tree, revision: revision, repository: repository) else {
                    continue
                }
                return try load(text, file: "\(path)@\(revision)", origin: .revision(rev: revision, path: path))
            }
            if let explicitPath { throw GateError.policyNotFound("'\(explicitPath)' does not exist at '\(revision)'") }
            return try defaults(repository: repository, commit: commit)
        }
        if let explicitPath {
            guard let text = try readFile(explicitPath, shownAs: explicitPath, root: repository.workingDirectory) else {
                throw GateError.policyNotFound("policy file '\(explicitPath)' does not exist")
            }
            return try load(text, file: explicitPath, origin: .file(path: explicitPath))
        }
        if let root = repository.workingDirectory {
            for path in PolicyLoader.searchPaths {
                let full = (root as NSString).appendingPathComponent(path)
                if let text = try readFile(full, shownAs: path, root: root) {
                    return try load(text, file: path, origin: .file(path: path))
                }
            }
        } else if let head = try? repository.resolve("HEAD") {
            let tree = try wrap { () throws(GitError) in try repository.rootTree(of: head) }
            for path in PolicyLoader.searchPaths {
                if let text = try readBlob(path, tree: tree, revision: "HEAD", repository: repository) {
                    return try load(text, file: "\(path)@HEAD", origin: .revision(rev: "HEAD", path: path))
                }
            }
        }
        let head = try? repository.resolve("HEAD")
        return try defaults(repository: repository, commit: head)
    }

    /// Loads the policy file at `path` (`policy validate FILE`), read as every policy is.
    public static func load(file path: String) throws(GateError) -> Policy {
        guard let text = try readFile(path, shownAs: path, root: nil) else {
            throw GateError.policyNotFound("policy file '\(path)' does not exist")
        }
        return try load(text, file: path, origin: .file(path: path))
    }

    /// The policy at `path` in the commit's `tree`: nil when there is none; a missing object, or a symbolic link
    /// that leaves the repository, is an error naming the path and the revision.
    private static func readBlob(_ path: String, tree: ObjectID, revision: String, repository: Repository)
        throws(GateError) -> String?
    {
        do {
            guard let blob = try repository.blobID(atPath: path, inTree: tree) else { return nil }
            return try repository.text(ofBlob: blob)
        } catch {
            throw GateError.git(error.locating(path: path, revision: revision))
        }
    }

    /// The file's text (CRLF, a byte order mark and a missing final line break read as `RepositoryText` says);
    /// nil when there is no such file. A file that exists but cannot be read, or is not UTF-8, is an error: falling
    /// back to defaults would silently switch the gate off. Inside the working tree `root`, a file that resolves
    /// outside it through a symbolic link, or does not resolve, is an error that never shows the target's contents.
    private static func readFile(_ path: String, shownAs name: String, root: String?) throws(GateError) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        if let root, isInside(URL(fileURLWithPath: path).standardizedFileURL.path, root: root) {
            guard let real = realPath(path) else {
                throw GateError.policyNotFound(
                    "policy file '\(name)' is a symbolic link that does not resolve; commit the policy file itself")
            }
            guard isInside(real, root: realPath(root) ?? root) else {
                throw GateError.policyNotFound(
                    "policy file '\(name)' resolves outside the repository (a symbolic link); semgate reads a policy "
                        + "only from inside the repository: commit the policy file itself")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw GateError.policyNotFound("cannot read policy file '\(name)' (check that it is a readable file)")
        }
        let bytes = [UInt8](data)
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        guard utf16 || String(validating: bytes, as: UTF8.self) != nil else {
            throw GateError.policyNotFound("policy file '\(name)' is not valid UTF-8; save it as UTF-8")
        }
        return RepositoryText.decode(bytes)
    }

    private static func isInside(_ path: String, root: String) -> Bool {
        let folder = root.hasSuffix("/") ? root : root + "/"
        return path == root || path + "/" == folder || path.hasPrefix(folder)
    }

    /// `path` with every symbolic link resolved, or nil when it does not resolve.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func load(_ text: String, file: String, origin: PolicyOrigin) throws(GateError) -> Policy {
        do {
            return try PolicyLoader.load(yaml: text, file: file, origin: origin)
        } catch {
            throw GateError.policy(error)
        }
    }

    /// The zero-config policy: releases from `v{version}` tags, and the extractors that clearly apply.
    static func defaults(repository: Repository, commit: ObjectID?) throws(GateError) -> Policy {
        var surfaces: [SurfaceSpec] = []
        var found: [String] = []
        if let commit {
            let tree = try wrap { () throws(GitError) in try repository.rootTree(of: commit) }
            if try wrap({ () throws(GitError) in try repository.blobID(atPath: "go.mod", inTree: tree) }) != nil {
                surfaces.append(
                    SurfaceSpec(
                        name: "packages", extractors: [GoPackagesExtractorSpec(root: "")], breaking: nil,
                        include: [], exclude: []))
                found.append("go-packages (go.mod found)")
            }
        }
        let what =
            found.isEmpty ? "no surface extractor applies, so only tags are checked" : found.joined(separator: ", ")
        let reason =
            "no policy file (\(PolicyLoader.searchPaths.joined(separator: ", "))); defaults in use: releases from "
            + "v{version} tags; \(what). Write a policy to promise more (see policy/examples/)."
        return Policy(surfaces: surfaces, origin: .defaults(reason: reason))
    }
}

/// Why a gate could not run: the message is for a person and names the fix. Exit status 2.
public enum GateError: Error, Sendable, CustomStringConvertible {
    case git(GitError)
    case surface(SurfaceFailure)
    case policy(PolicyError)
    case policyNotFound(String)
    case usage(String)

    public var description: String {
        switch self {
        case .git(let error): return error.description
        case .surface(let failure): return failure.message
        case .policy(let error): return "invalid policy:\n\(error.description)"
        case .policyNotFound(let message): return message
        case .usage(let message): return message
        }
    }

    /// The message as lines: one, or for a policy a header and one line a diagnostic. A line break inside a line
    /// comes from the repository and is not one of these.
    public var lines: [String] {
        switch self {
        case .policy(let error): return ["invalid policy:"] + error.diagnostics.map(\.description)
        default: return [description]
        }
    }
}

/// A surface read that failed, carried as text so `GateError` stays simple.
public struct SurfaceFailure: Sendable {
    public let message: String
}

@inline(__always)
func wrap<T>(_ body: () throws(GitError) -> T) throws(GateError) -> T {
    do {
        return try body()
    } catch {
        throw GateError.git(error)
    }
}
