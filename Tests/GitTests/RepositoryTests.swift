import Foundation
import Git
import Testing
import TestSupport

/// A small history: two commits on main, a branch, annotated, lightweight, nested and tree tags, and a clone
/// whose `origin/main` is a remote branch.
private func history() throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write("go.mod", "module example.com/m\n")
    try repo.write("pkg/a/a.go", "package a\n")
    try repo.commit("first", at: FixtureDates.date("2024-01-01"))
    try repo.tag("v1.0.0", at: FixtureDates.date("2024-01-01T12:00:00Z"))
    try repo.write("pkg/b/b.go", "package b\n")
    try repo.commit("second", at: FixtureDates.date("2024-02-01"))
    try repo.tag("v1.1.0", annotated: true, message: "release 1.1.0", at: FixtureDates.date("2024-02-03"))
    try repo.git("tag", "-a", "-m", "a tag of a tag", "v1.1.0-again", "v1.1.0")
    try repo.tagTree("tree-tag")
    try repo.branch("side", at: "HEAD~1")
    return repo
}

private func sha(_ repo: FixtureRepository, _ rev: String) throws -> String {
    try repo.git("rev-parse", rev).trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite("Git: revisions, tags, trees and blobs through libgit2")
struct RepositoryTests {
    @Test("resolves a tag, branch, remote branch, full and short SHA and HEAD~1 to commits")
    func resolvesRevisions() throws {
        let origin = try history()
        let clone = try origin.clone()
        let repository = try Repository(discovering: clone.url.path)
        let second = try sha(origin, "HEAD")
        let first = try sha(origin, "HEAD~1")
        #expect(try repository.resolve("v1.1.0").hex == second)
        #expect(try repository.resolve("v1.1.0-again").hex == second)
        #expect(try repository.resolve("main").hex == second)
        #expect(try repository.resolve("origin/main").hex == second)
        #expect(try repository.resolve("origin/side").hex == first)
        #expect(try repository.resolve(second).hex == second)
        #expect(try repository.resolve(String(second.prefix(10))).hex == second)
        #expect(try repository.resolve("HEAD~1").hex == first)
    }

    @Test("unknown revisions, and a tag of a tree, are errors that say what to do")
    func revisionErrors() throws {
        let repo = try history()
        let repository = try Repository(discovering: repo.url.path)
        #expect(throws: GitError.unknownRevision("nope", shallow: false)) { try repository.resolve("nope") }
        do {
            _ = try repository.resolve("tree-tag")
            Issue.record("a tree tag resolved to a commit")
        } catch {
            #expect(error == .notACommit("tree-tag", kind: "tree"))
            #expect(error.description.contains("points at a tree"))
        }
    }

    @Test("tags are peeled to commits with tagger and committer dates; a tree tag is kept with its kind")
    func tags() throws {
        let repo = try history()
        let tags = try Repository(discovering: repo.url.path).tags()
        #expect(tags.map(\.name) == ["tree-tag", "v1.0.0", "v1.1.0", "v1.1.0-again"])
        let light = try #require(tags.first { $0.name == "v1.0.0" })
        #expect(!light.annotated)
        #expect(light.taggerDate == nil)
        #expect(light.commitDate == FixtureDates.date("2024-01-01"))
        let annotated = try #require(tags.first { $0.name == "v1.1.0" })
        #expect(annotated.annotated)
        #expect(annotated.taggerDate == FixtureDates.date("2024-02-03"))
        #expect(annotated.commit?.hex == (try sha(repo, "HEAD")))
        let nested = try #require(tags.first { $0.name == "v1.1.0-again" })
        #expect(nested.commit?.hex == (try sha(repo, "HEAD")))
        let tree = try #require(tags.first { $0.name == "tree-tag" })
        #expect(tree.commit == nil)
        #expect(tree.peeledKind == "tree")
    }

    @Test("a dangling tag and a tag of a missing object are reported, not fatal; filtered names are never read")
    func brokenTags() throws {
        let repo = try history()
        try repo.git("symbolic-ref", "refs/tags/v8.0.0", "refs/heads/nope")
        let body = repo.url.appendingPathComponent(".git/broken-tag-object")
        try
            ("object 1111111111111111111111111111111111111111\ntype commit\ntag v9.0.0\n"
            + "tagger X <x@example.com> 1700000000 +0000\n\nbroken\n").write(
                to: body, atomically: true, encoding: .utf8)
        let object = try repo.git("hash-object", "-t", "tag", "-w", "--literally", body.path)
        try repo.git("update-ref", "refs/tags/v9.0.0", object.trimmingCharacters(in: .whitespacesAndNewlines))
        let repository = try Repository(discovering: repo.url.path)
        let tags = try repository.tags()
        #expect(tags.first { $0.name == "v8.0.0" }?.peeledKind == TagReference.missing)
        #expect(tags.first { $0.name == "v9.0.0" }?.peeledKind == TagReference.missing)
        #expect(tags.first { $0.name == "v1.1.0" }?.commit != nil)
        #expect(try repository.tags { $0.hasPrefix("v1.") }.map(\.name) == ["v1.0.0", "v1.1.0", "v1.1.0-again"])
    }

    @Test("merge-base and reachability")
    func graph() throws {
        let repo = try history()
        try repo.checkout("side")
        try repo.write("side.txt", "x\n")
        let sideTip = try repo.commit("on side")
        try repo.checkout("main")
        let repository = try Repository(discovering: repo.url.path)
        let main = try repository.resolve("main")
        let side = try repository.resolve("side")
        #expect(side.hex == sideTip)
        #expect(try repository.mergeBase(main, side)?.hex == (try sha(repo, "main~1")))
        let reachable = try repository.reachableCommits(from: main)
        #expect(reachable.count == 2)
        #expect(!reachable.contains(side))
    }

    @Test("trees by path and by walk, blobs as text, with the walk pruned by folder")
    func treesAndBlobs() throws {
        let repo = try history()
        let repository = try Repository(discovering: repo.url.path)
        let tree = try repository.rootTree(of: try repository.resolve("HEAD"))
        let blob = try #require(try repository.blobID(atPath: "pkg/b/b.go", inTree: tree))
        #expect(try repository.text(ofBlob: blob) == "package b\n")
        #expect(try repository.blobID(atPath: "pkg/missing.go", inTree: tree) == nil)
        #expect(try repository.blobID(atPath: "pkg", inTree: tree) == nil)
        var visited: [String] = []
        var folders: [String] = []
        try repository.walkFiles(
            tree: tree,
            descend: { folder in
                folders.append(folder); return folder != "pkg/a"
            },
            visit: { path, _ in visited.append(path) })
        #expect(visited == ["go.mod", "pkg/b/b.go"])
        #expect(folders == ["pkg", "pkg/a", "pkg/b"])
    }

    @Test("lookups in a row share each wide folder's name index and one budget: n links in a folder of n, about 3n steps")
    func resolverSharesIndexes() throws {
        let repo = try FixtureRepository()
        for index in 0..<100 {
            try repo.write(String(format: "wide/f%03d.txt", index), "\(index)\n")
            try repo.link(String(format: "wide/l%03d.go", index), to: String(format: "f%03d.txt", index))
        }
        try repo.commit("v1")
        let repository = try Repository(discovering: repo.url.path)
        let tree = try repository.rootTree(of: try repository.resolve("HEAD"))
        let root = try repository.entries(ofTree: tree).count
        // Each lookup: "wide" (the small root searched in order), the link's name, its target's one part; the wide
        // folder's 200 entries are indexed once. A search in order would cost 100 x 400 more.
        let cost = 100 * (3 + root) + 200
        var resolver = PathResolver(repository, budget: cost)
        for index in 0..<100 {
            let blob = try #require(try resolver.blobID(atPath: String(format: "wide/l%03d.go", index), inTree: tree))
            #expect(try repository.text(ofBlob: blob) == "\(index)\n")
        }
        var short = PathResolver(repository, budget: cost - 1)
        for index in 0..<99 { _ = try short.blobID(atPath: String(format: "wide/l%03d.go", index), inTree: tree) }
        #expect(throws: GitError.lookupTooLong(path: "wide/l099.go", limit: cost - 1)) {
            try short.blobID(atPath: "wide/l099.go", inTree: tree)
        }
        var fresh = PathResolver(repository)
        #expect(try fresh.blobID(atPath: "wide/missing.go", inTree: tree) == nil)
    }

    @Test("a blob missing from the object store is a missingObject error, not a crash")
    func missingBlob() throws {
        let repo = try history()
        let repository = try Repository(discovering: repo.url.path)
        let tree = try repository.rootTree(of: try repository.resolve("HEAD"))
        let blob = try #require(try repository.blobID(atPath: "pkg/b/b.go", inTree: tree))
        let loose = repo.url.appendingPathComponent(".git/objects/\(blob.hex.prefix(2))/\(blob.hex.dropFirst(2))")
        try FileManager.default.removeItem(at: loose)
        let fresh = try Repository(discovering: repo.url.path)
        #expect(throws: GitError.missingObject(MissingObject(id: blob.hex, kind: "blob", partialClone: nil))) {
            try fresh.text(ofBlob: blob)
        }
    }

    @Test("opens from a subfolder, a bare clone and a worktree; names a folder that is not a repository")
    func opening() throws {
        let repo = try history()
        let sub = try Repository(discovering: repo.url.appendingPathComponent("pkg/a").path)
        #expect(!sub.isBare)
        #expect(
            sub.workingDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                == repo.url.standardizedFileURL.path)
        let bare = try repo.bareClone()
        #expect(try Repository(discovering: bare.url.path).isBare)
        let worktree = try repo.addWorktree(branch: "side")
        #expect(try Repository(discovering: worktree.path).resolve("HEAD").hex == (try sha(repo, "side")))
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("semgate-not-a-repo-\(UUID())")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: plain) }
        #expect(throws: GitError.notARepository(path: plain.path)) { try Repository(discovering: plain.path) }
    }

    @Test("a shallow clone says so")
    func shallow() throws {
        let repo = try history()
        #expect(!(try Repository(discovering: repo.url.path).isShallow))
        let shallow = try repo.shallowClone(depth: 1)
        #expect(try Repository(discovering: shallow.url.path).isShallow)
    }
}
