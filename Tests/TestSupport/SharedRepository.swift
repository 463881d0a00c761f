import Foundation

/// A fixture repository built once per test process, the first time a test asks for it, and shared by every test
/// that only reads it (runs semgate on it, never writes to it): a suite that needs one history for many cases
/// builds it once instead of once a case. Its folder is removed when the process exits.
///
/// Tests run in parallel, so the first build happens under a lock; a build that fails fails every test that asks.
/// `@unchecked Sendable` is sound: `repository` is written once under `lock`, and what tests read of it afterwards
/// (its `url`) never changes.
public final class SharedRepository: @unchecked Sendable {
    private let lock = NSLock()
    private let build: @Sendable () throws -> FixtureRepository
    private var built: Result<FixtureRepository, any Error>?

    /// A repository that `build` makes when it is first needed.
    public init(_ build: @escaping @Sendable () throws -> FixtureRepository) {
        self.build = build
    }

    /// A new repository written by `write` (a history such as `SampleProject.build`), when it is first needed.
    public convenience init(history write: @escaping @Sendable (FixtureRepository) throws -> Void) {
        self.init {
            let repo = try FixtureRepository()
            try write(repo)
            return repo
        }
    }

    /// A copy of the repository that the caller may change (one file copy, not a git process a commit).
    public func copy() throws -> FixtureRepository {
        try FixtureRepository(copying: try repository)
    }

    /// The repository, built now if no test asked for it before.
    public var repository: FixtureRepository {
        get throws {
            lock.lock()
            defer { lock.unlock() }
            if built == nil {
                built = Result { try build() }
                if case .success(let repository) = built { repository.removeAtExit() }
            }
            return try (built ?? .failure(FixtureError.invalidPath("unbuilt shared repository"))).get()
        }
    }
}

extension FixtureRepository {
    /// Removes this repository's temporary folder when the process exits (`deinit` never runs for a repository a
    /// static keeps).
    func removeAtExit() {
        exitRemovals.add(root)
    }
}

/// Folders of repositories that live as long as the process.
private let exitRemovals = ExitRemovals()

/// Folders to remove at process exit, with an `atexit` handler registered once.
private final class ExitRemovals: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: [URL] = []
    private var registered = false

    func add(_ folder: URL) {
        lock.lock()
        defer { lock.unlock() }
        folders.append(folder)
        guard !registered else { return }
        registered = true
        atexit { exitRemovals.removeAll() }
    }

    private func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }
}
