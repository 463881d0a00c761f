import Foundation

/// A git repository built by a test in a temporary folder, with fixed dates.
///
/// Every git command runs with a private `HOME`, no system or global configuration, fixed author and committer
/// names, emails and dates, and no signing, so the same calls give the same commit and tag SHAs on every machine.
/// Commits use `clock` and then move it one day on; tags use `clock` without moving it. The temporary folder,
/// with any worktrees added to it, is removed when the value is released.
public final class FixtureRepository {
    /// The name and email every fixture commit and tag is written with.
    public static let authorName = "Fixture Author"
    public static let authorEmail = "fixture@example.com"

    /// The working tree root, or the repository folder itself for a bare repository.
    public let url: URL
    /// The next commit or tag date; starts at 2024-01-01T00:00:00Z.
    public var clock: Date

    /// The temporary folder holding the repository (and its home folder, clones and worktrees).
    let root: URL
    private let home: URL

    /// Creates a new temporary folder and runs `git init` (`--bare` when asked) in it, on branch `main`.
    public convenience init(bare: Bool = false) throws {
        let root = try Self.makeRoot()
        let url = root.appendingPathComponent(bare ? "repo.git" : "repo", isDirectory: true)
        self.init(root: root, url: url, clock: FixtureDates.date("2024-01-01"))
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = try run(bare ? ["init", "--quiet", "--bare"] : ["init", "--quiet"], in: url)
    }

    /// A new temporary folder holding a copy of `template` (working tree, git folder and clock): a history built
    /// once and copied for every test that may change it, one file copy instead of a git process a commit.
    public convenience init(copying template: FixtureRepository) throws {
        let root = try Self.makeRoot()
        self.init(
            root: root, url: root.appendingPathComponent(template.url.lastPathComponent, isDirectory: true),
            clock: template.clock)
        try FileManager.default.copyItem(at: template.url, to: url)
    }

    private init(root: URL, url: URL, clock: Date) {
        self.root = root
        self.home = root.appendingPathComponent("home", isDirectory: true)
        self.url = url
        self.clock = clock
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: Files

    /// Writes `contents` to `path` (relative to the working tree), creating folders on the way.
    public func write(_ path: String, _ contents: String) throws {
        let file = try fileURL(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
    }

    /// Writes `bytes` as they are to `path` (relative to the working tree), creating folders on the way.
    public func write(_ path: String, bytes: [UInt8]) throws {
        let file = try fileURL(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    /// Writes `contents` to a file whose path is the bytes `path` (relative to the working tree; names need not be
    /// UTF-8), creating folders on the way.
    public func write(rawPath path: [UInt8], _ contents: String) throws {
        var folder = Array(url.path.utf8)
        let parts = path.split(separator: 0x2F)
        for part in parts.dropLast() {
            folder += [0x2F] + part
            _ = mkdir(folder.map { CChar(bitPattern: $0) } + [0], 0o755)
        }
        let file = (folder + [0x2F] + (parts.last ?? [])).map { CChar(bitPattern: $0) } + [0]
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw FixtureError.invalidPath(String(decoding: path, as: UTF8.self)) }
        FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).write(Data(contents.utf8))
    }

    /// Makes `path` (relative to the working tree) a symbolic link to `target`, as written.
    public func link(_ path: String, to target: String) throws {
        let file = try fileURL(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: file)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: target)
    }

    /// Removes the file or folder at `path` (relative to the working tree).
    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: try fileURL(path))
    }

    // MARK: History

    /// Stages everything (`git add -A`) and commits it at `date`, or at `clock` and then moves `clock` one day on.
    /// An empty commit is allowed. Returns the full SHA of the new commit.
    @discardableResult
    public func commit(_ message: String, at date: Date? = nil) throws -> String {
        let when = date ?? clock
        _ = try run(["add", "-A"], date: when)
        _ = try run(["commit", "--quiet", "--allow-empty", "--no-verify", "-m", message], date: when)
        if date == nil {
            clock = clock.addingTimeInterval(24 * 60 * 60)
        }
        return try run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Tags `target`. A tag is annotated when `annotated` is true or a `message` is given; its tagger date is
    /// `date`, else `clock` (which does not move). The message defaults to `Release <name>`.
    public func tag(
        _ name: String, annotated: Bool = false, message: String? = nil, at date: Date? = nil, target: String = "HEAD"
    ) throws {
        if annotated || message != nil {
            _ = try run(["tag", "-a", "-m", message ?? "Release \(name)", name, target], date: date ?? clock)
        } else {
            _ = try run(["tag", name, target])
        }
    }

    /// Creates a lightweight tag pointing at the tree of HEAD (`git tag NAME HEAD^{tree}`), which is not a commit.
    public func tagTree(_ name: String) throws {
        _ = try run(["tag", name, "HEAD^{tree}"])
    }

    /// Creates branch `name` at revision `at` without switching to it.
    public func branch(_ name: String, at: String = "HEAD") throws {
        _ = try run(["branch", name, at])
    }

    /// Switches the working tree to `rev`: a branch name, or any revision (detached). Fixtures only.
    public func checkout(_ rev: String) throws {
        _ = try run(["checkout", "--quiet", rev])
    }

    /// Runs any git command in the repository with the fixture environment and returns its stdout with trailing
    /// newlines removed; throws `FixtureError.commandFailed` carrying stderr when git fails.
    @discardableResult
    public func git(_ args: String...) throws -> String {
        try git(args)
    }

    /// Runs any git command in the repository; the array form of `git(_:)`.
    @discardableResult
    public func git(_ args: [String]) throws -> String {
        var output = try run(args)
        while output.hasSuffix("\n") {
            output.removeLast()
        }
        return output
    }

    /// Feeds `stream` to `git fast-import` in the repository: a whole history (many files, commits, tags) in one
    /// git process, with the dates the stream gives. Refs the stream writes are forced.
    public func fastImport(_ stream: String) throws {
        let file = root.appendingPathComponent("fast-import-\(UUID().uuidString)")
        try Data(stream.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try run(["fast-import", "--quiet", "--force"], input: file)
    }

    /// One commit for `importCommits`: the whole tree it holds (path to text), its branch, message and tags.
    public struct Snapshot: Sendable {
        public var branch: String
        public var files: [String: String]
        public var message: String
        public var tags: [String]

        public init(branch: String = "main", files: [String: String], message: String = "commit", tags: [String] = []) {
            self.branch = branch
            self.files = files
            self.message = message
            self.tags = tags
        }
    }

    /// Writes `commits` in order with one `git fast-import`: each commit holds exactly its files, follows the last
    /// commit of its branch, and gets lightweight tags; dated `clock`, which moves one day on per commit as
    /// `commit` does. Many small histories (one branch each) cost one git process instead of three a commit.
    public func importCommits(_ commits: [Snapshot]) throws {
        func data(_ text: String) -> String { "data \(text.utf8.count)\n\(text)\n" }
        var stream = ""
        for (index, commit) in commits.enumerated() {
            stream += "commit refs/heads/\(commit.branch)\nmark :\(index + 1)\n"
            stream += "committer \(Self.authorName) <\(Self.authorEmail)> \(Int(clock.timeIntervalSince1970)) +0000\n"
            stream += data(commit.message) + "deleteall\n"
            for (path, text) in commit.files.sorted(by: { $0.key < $1.key }) {
                stream += "M 100644 inline \(path)\n" + data(text)
            }
            stream += "\n" + commit.tags.map { "reset refs/tags/\($0)\nfrom :\(index + 1)\n\n" }.joined()
            clock = clock.addingTimeInterval(24 * 60 * 60)
        }
        try fastImport(stream)
    }

    // MARK: Copies

    /// Clones this repository with `git clone --depth N file://...` (optionally one `branch`) into a new folder.
    public func shallowClone(depth: Int, branch: String? = nil) throws -> FixtureRepository {
        var arguments = ["--depth", String(depth)]
        if let branch {
            arguments += ["--branch", branch]
        }
        return try cloneInto(bare: false, arguments: arguments, source: url.absoluteURL.absoluteString)
    }

    /// Clones this repository with `git clone --bare` into a new folder; the copy's `url` is the bare folder.
    public func bareClone() throws -> FixtureRepository {
        try cloneInto(bare: true, arguments: ["--bare"], source: url.path)
    }

    /// Adds a worktree for `branch` (created at HEAD when it does not exist) inside this fixture's temporary
    /// folder and returns its root.
    public func addWorktree(branch: String) throws -> URL {
        let folderName = branch.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        let worktree = root.appendingPathComponent("worktrees", isDirectory: true)
            .appendingPathComponent(String(folderName), isDirectory: true)
        let exists = (try? run(["rev-parse", "--verify", "--quiet", "refs/heads/\(branch)"])) != nil
        _ = try run(
            exists
                ? ["worktree", "add", "--quiet", worktree.path, branch]
                : ["worktree", "add", "--quiet", "-b", branch, worktree.path])
        return worktree
    }

    /// Clones this repository as a partial clone (`git clone --filter=FILTER file://...`, which the source is set to
    /// allow): the objects the filter leaves out are only promised by the source, as in a CI checkout with a filter.
    public func partialClone(filter: String) throws -> FixtureRepository {
        _ = try run(["config", "uploadpack.allowFilter", "true"])
        return try cloneInto(
            bare: false, arguments: ["--filter=\(filter)"], source: url.absoluteURL.absoluteString)
    }

    /// Clones this repository with a plain `git clone` into a new folder.
    public func clone() throws -> FixtureRepository {
        try cloneInto(bare: false, arguments: [], source: url.path)
    }

    // MARK: Internals

    private static func makeRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("semgate-fixture-\(UUID().uuidString)", isDirectory: true)
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("home", isDirectory: true), withIntermediateDirectories: true)
        return root.resolvingSymlinksInPath()
    }

    private func cloneInto(bare: Bool, arguments: [String], source: String) throws -> FixtureRepository {
        let root = try Self.makeRoot()
        let destination = root.appendingPathComponent(bare ? "repo.git" : "repo", isDirectory: true)
        let copy = FixtureRepository(root: root, url: destination, clock: clock)
        _ = try copy.run(["clone", "--quiet"] + arguments + [source, destination.path], in: root)
        return copy
    }

    private func fileURL(_ path: String) throws -> URL {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else {
            throw FixtureError.invalidPath(path)
        }
        return parts.reduce(url) { $0.appendingPathComponent(String($1)) }
    }

    /// The settings every command gets on its command line, ahead of the user's configuration (there is none).
    private static let gitSettings = [
        "init.defaultBranch=main", "commit.gpgsign=false", "tag.gpgsign=false", "core.autocrlf=false",
        "core.hooksPath=/dev/null", "gc.auto=0", "maintenance.auto=false", "advice.detachedHead=false",
        "protocol.file.allow=always", "user.name=\(authorName)", "user.email=\(authorEmail)",
    ]

    private func environment(date: Date) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("GIT_") && key != "XDG_CONFIG_HOME" && !key.hasPrefix("LC_") && key != "LANG"
        }
        let gitDate = FixtureDates.gitFormat(date)
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = home.appendingPathComponent(".gitconfig").path
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_AUTHOR_NAME"] = Self.authorName
        environment["GIT_AUTHOR_EMAIL"] = Self.authorEmail
        environment["GIT_COMMITTER_NAME"] = Self.authorName
        environment["GIT_COMMITTER_EMAIL"] = Self.authorEmail
        environment["GIT_AUTHOR_DATE"] = gitDate
        environment["GIT_COMMITTER_DATE"] = gitDate
        environment["LC_ALL"] = "C"
        environment["TZ"] = "UTC"
        return environment
    }

    /// Runs git with the fixture settings in `directory` (the repository by default), dated `date` (else
    /// `clock`), and returns stdout; a non-zero exit throws with stderr.
    private func run(_ arguments: [String], in directory: URL? = nil, date: Date? = nil, input: URL? = nil) throws
        -> String
    {
        let fullArguments = ["git"] + Self.gitSettings.flatMap { ["-c", $0] } + arguments
        let result =
            try runProcess(
                URL(fileURLWithPath: "/usr/bin/env"), fullArguments, in: directory ?? url,
                environment: environment(date: date ?? clock), deadline: nil, input: input
            ).result ?? CommandResult(status: -1, stdout: "", stderr: "")
        guard result.status == 0 else {
            throw FixtureError.commandFailed(
                command: (["git"] + arguments).joined(separator: " "), status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }
}
