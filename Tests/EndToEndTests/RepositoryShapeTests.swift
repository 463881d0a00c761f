import Foundation
import Testing
import TestSupport

@Suite("Repository shapes and read-only access")
struct RepositoryShapeTests {
    /// Every command a user runs, each of which must leave the repository exactly as it was.
    static let commands: [[String]] = [
        ["audit"], ["audit", "--format", "json"], ["check"], ["check", "--version", "2.1.1"], ["next"],
        ["next", "--pre", "rc"], ["diff", "v1.0.0", "HEAD"], ["surface"], ["surface", "v1.1.0", "--format", "json"],
        ["policy", "validate"], ["check", "--base", "nope"],
    ]

    @Test("the repository is untouched after every command")
    func readOnly() throws {
        let repo = try sampleRepository()
        let before = try RepositoryState(of: repo)
        #expect(before.status.isEmpty, "the fixture starts clean: \(before.status)")
        for command in Self.commands {
            let result = try runSemgate(command, in: repo.url)
            expectNoCrash(result)
        }
        let after = try RepositoryState(of: repo)
        #expect(after == before)
        #expect(after.status.isEmpty)
    }

    @Test("from a subfolder of the repository", arguments: ["cmd", "metrics", "pkg/api"])
    func subfolder(path: String) throws {
        let repo = try sampleRepository()
        let folder = repo.url.appendingPathComponent(path, isDirectory: true)
        let inside = try runSemgate(["next"], in: folder)
        #expect(inside.status == 0, "stderr: \(inside.stderr)")
        #expect(inside.stdout == "2.2.0\n")
        let viaFlag = try runSemgate(["check", "--version", "2.2.0", "--repo", folder.path])
        #expect(viaFlag.status == 0, "stderr: \(viaFlag.stderr)")
    }

    @Test("in a worktree")
    func worktree() throws {
        let repo = try sampleRepository()
        let worktree = try repo.addWorktree(branch: "release-2.2")
        let before = try RepositoryState(of: repo)
        let next = try runSemgate(["next"], in: worktree)
        #expect(next.status == 0, "stderr: \(next.stderr)")
        #expect(next.stdout == "2.2.0\n")
        let check = try runSemgate(["check", "--version", "2.1.1"], in: worktree)
        #expect(check.status == 1, "stderr: \(check.stderr)")
        let audit = try runSemgate(["audit", "--repo", worktree.path])
        #expect(audit.status == 1, "stderr: \(audit.stderr)")
        #expect(try RepositoryState(of: repo) == before)
        let worktreeStatus = try repo.git("-C", worktree.path, "--no-optional-locks", "status", "--porcelain")
        #expect(worktreeStatus.isEmpty)
    }

    @Test("in a bare clone")
    func bareClone() throws {
        let repo = try sampleRepository()
        let bare = try repo.bareClone()
        let before = try RepositoryState(of: bare, bare: true)
        let next = try runSemgate(["next"], in: bare.url)
        #expect(next.status == 0, "stderr: \(next.stderr)")
        #expect(next.stdout == "2.2.0\n")
        let check = try runSemgate(["check", "--version", "2.2.0", "--repo", bare.url.path])
        #expect(check.status == 0, "stderr: \(check.stderr)")
        let audit = try runSemgate(["audit"], in: bare.url)
        #expect(audit.status == 1, "stderr: \(audit.stderr)")
        #expect(try RepositoryState(of: bare, bare: true) == before)
    }

    @Test(
        "a shallow clone without the base names the problem and the fix",
        arguments: [
            ["check"], ["check", "--base", "v2.1.0"], ["check", "--version", "2.2.0"], ["next"],
        ])
    func shallowClone(command: [String]) throws {
        let repo = try sampleRepository()
        let shallow = try repo.shallowClone(depth: 1)
        let result = try runSemgate(command, in: shallow.url)
        expectCouldNotRun(result, mentions: ["shallow", "fetch-depth: 0"])
    }

    @Test("a tag that points at a tree is skipped with a note; the releases still work")
    func tagOfATree() throws {
        let repo = try sampleRepository()
        try repo.tagTree("v3.0.0")

        let audit = try runSemgate(["audit"], in: repo.url)
        expectNoCrash(audit)
        #expect(audit.status == 1, "stderr: \(audit.stderr)")
        let auditOutput = audit.stdout + audit.stderr
        #expect(auditOutput.contains("v3.0.0") && auditOutput.contains("tree"), "a note: \(auditOutput)")
        #expect(audit.stdout.contains("v2.1.0"))

        let check = try runSemgate(["check", "--version", "2.2.0"], in: repo.url)
        expectNoCrash(check)
        #expect(check.status == 0, "stderr: \(check.stderr)")

        let next = try runSemgate(["next"], in: repo.url)
        #expect(next.status == 0)
        #expect(next.stdout == "2.2.0\n")

        let json = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(json.status == 1)
        let versions = values(of: "version", in: "releases", of: jsonObject(json.stdout))
        #expect(!versions.contains("3.0.0"))
        #expect(versions.contains("2.1.0"))

        let diff = try runSemgate(["diff", "v2.1.0", "v3.0.0"], in: repo.url)
        expectCouldNotRun(diff, mentions: ["v3.0.0", "tree"])
    }
}
