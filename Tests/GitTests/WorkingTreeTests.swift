import Foundation
import Git
import Testing
import TestSupport

/// A repository with tracked, modified, untracked, ignored and tracked-but-ignored files.
private func workspace() throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write(".gitignore", "build/\n*.log\n")
    try repo.write("src/a.txt", "committed\n")
    try repo.write("src/gone.txt", "deleted on disk\n")
    try repo.commit("first")
    // Tracked although ignored: git add -f.
    try repo.write("keep.log", "tracked log\n")
    try repo.git("add", "-f", "keep.log")
    try repo.commit("force-add an ignored file")
    try repo.write("src/a.txt", "changed on disk\n")
    try repo.remove("src/gone.txt")
    try repo.write("src/new.txt", "untracked\n")
    try repo.write("build/out.txt", "ignored folder\n")
    try repo.write("debug.log", "ignored file\n")
    return repo
}

@Suite("Git: the working tree as a file tree")
struct WorkingTreeTests {
    @Test("lists tracked and untracked-but-not-ignored files with their contents on disk")
    func listsWhatGitWouldCommit() throws {
        let repo = try workspace()
        let repository = try Repository(discovering: repo.url.path)
        let tree = try WorkingTree(repository)
        var files: [String: String] = [:]
        try tree.walkFiles(tree: tree.root, descend: { _ in true }) { (path, entry) throws(GitError) in
            files[path] = try tree.text(ofBlob: entry.id)
        }
        #expect(
            files == [
                ".gitignore": "build/\n*.log\n", "keep.log": "tracked log\n", "src/a.txt": "changed on disk\n",
                "src/new.txt": "untracked\n",
            ])
        let blob = try #require(try tree.blobID(atPath: "src/new.txt", inTree: tree.root))
        #expect(try tree.text(ofBlob: blob) == "untracked\n")
        #expect(try tree.blobID(atPath: "build/out.txt", inTree: tree.root) == nil)
        #expect(try tree.blobID(atPath: "src/gone.txt", inTree: tree.root) == nil)
    }

    @Test("reading the working tree writes nothing: index, refs and files are unchanged")
    func readOnly() throws {
        let repo = try workspace()
        let index = repo.url.appendingPathComponent(".git/index")
        let before = try Data(contentsOf: index)
        let modified = try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date
        let status = try repo.git("--no-optional-locks", "status", "--porcelain")
        let repository = try Repository(discovering: repo.url.path)
        let tree = try WorkingTree(repository)
        try tree.walkFiles(tree: tree.root, descend: { _ in true }) { (_, entry) throws(GitError) in
            _ = try tree.text(ofBlob: entry.id)
        }
        #expect(try Data(contentsOf: index) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date == modified)
        #expect(try repo.git("--no-optional-locks", "status", "--porcelain") == status)
    }

    @Test("a bare repository has no working tree")
    func bare() throws {
        let repo = try FixtureRepository(bare: true)
        let repository = try Repository(discovering: repo.url.path)
        #expect(throws: GitError.noWorkingTree) { try WorkingTree(repository) }
        #expect(GitError.noWorkingTree.description.contains("--head"))
    }

    /// A bare clone of a repository with one commit.
    private func bareCloneOfOneCommit() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("a.txt", "a\n")
        try repo.commit("a")
        return try repo.bareClone()
    }

    @Test("a git folder without a config file (a copied mirror) is bare, as git says, not a tree in its parent")
    func bareWithoutConfig() throws {
        let mirror = try bareCloneOfOneCommit()
        try FileManager.default.removeItem(at: mirror.url.appendingPathComponent("config"))
        let repository = try Repository(discovering: mirror.url.path)
        #expect(repository.workingDirectory == nil)
        #expect(repository.isBare)
        #expect(throws: GitError.noWorkingTree) { try WorkingTree(repository) }
    }

    @Test("a git folder whose config names core.worktree keeps that working tree")
    func separateWorkingTree() throws {
        let separate = try bareCloneOfOneCommit()
        let tree = separate.url.deletingLastPathComponent().appendingPathComponent("separate-tree")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        _ = try separate.git("config", "core.bare", "false")
        _ = try separate.git("config", "core.worktree", tree.path)
        let repository = try Repository(discovering: separate.url.path)
        #expect(
            repository.workingDirectory.map { URL(fileURLWithPath: $0).standardized.path } == tree.standardized.path)
    }
}

@Suite("Git: commit messages between two commits")
struct CommitMessageTests {
    @Test("base..head lists the commits head adds, oldest first, with whole messages")
    func range() throws {
        let repo = try FixtureRepository()
        let base = try repo.commit("chore: start")
        try repo.commit("feat(api): add things\n\nBody text.\n\nBREAKING CHANGE: removes old things")
        try repo.commit("fix: repair")
        let repository = try Repository(discovering: repo.url.path)
        let head = try repository.resolve("HEAD")
        let messages = try repository.commitMessages(from: try repository.resolve(base), to: head)
        #expect(messages.map(\.summary) == ["feat(api): add things", "fix: repair"])
        #expect(messages[0].message.contains("BREAKING CHANGE: removes old things"))
        let all = try repository.commitMessages(from: nil, to: head)
        #expect(all.map(\.summary) == ["chore: start", "feat(api): add things", "fix: repair"])
        #expect(try repository.commitMessages(from: head, to: head).isEmpty)
    }

    @Test("a shallow clone that lacks the history names it and both fixes")
    func shallow() throws {
        let repo = try FixtureRepository()
        try repo.commit("one")
        try repo.commit("two")
        try repo.commit("three")
        let clone = try repo.shallowClone(depth: 1)
        let repository = try Repository(discovering: clone.url.path)
        do {
            _ = try repository.commitMessages(from: nil, to: try repository.resolve("HEAD"))
            Issue.record("a shallow walk passed")
        } catch {
            #expect(error.description.contains("fetch-depth: 0"))
            #expect(error.description.contains("git fetch --tags --unshallow"))
        }
    }
}
