import Foundation
import Testing
import TestSupport

/// A list-file project: `v1.0.0` promises `alpha` and `beta`; the commit after it (a pull request) removes `beta`,
/// which needs a major release and so fails `check`.
private func removalProject(lineEnding: String = "\n") throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write(".semgate.yml", FailClosedFixtures.listPolicy)
    try repo.write("policy/flags.txt", ["alpha", "beta"].map { $0 + lineEnding }.joined())
    try repo.write("vendor/big.bin", String(repeating: "x", count: 4096))
    try repo.commit("v1.0.0")
    try repo.tag("v1.0.0", annotated: true)
    try repo.write("policy/flags.txt", "alpha" + lineEnding)
    try repo.commit("remove beta")
    return repo
}

enum FailClosedFixtures {
    static let listPolicy = """
        semgate: 1
        project: demo
        surfaces:
          flags:
            extract:
              list: policy/flags.txt

        """

    /// The full path of the loose object `hex` in `repo`.
    static func looseObject(_ hex: String, in repo: FixtureRepository) -> URL {
        repo.url.appendingPathComponent(".git/objects/\(hex.prefix(2))/\(hex.dropFirst(2))")
    }
}

@Suite("fail closed: objects a surface needs and the store lacks")
struct FailClosedTests {
    /// A blobless partial clone of `removalProject`, made once: the commands only read it.
    private static let blobless = SharedRepository { try removalProject().partialClone(filter: "blob:none") }

    @Test(
        "a blobless partial clone where a pull request removes a stable item: every command exits 2 naming the file, the revision, the partial clone and the fix",
        arguments: [
            ["check"], ["check", "--base", "v1.0.0"], ["audit"], ["diff", "v1.0.0", "HEAD"], ["surface", "v1.0.0"],
            ["next"], ["deprecations"], ["check", "--head", "worktree"],
        ])
    func partialCloneFailsEveryCommand(command: [String]) throws {
        let clone = try Self.blobless.repository
        let result = try runSemgate(command + ["--repo", clone.url.path])
        expectCouldNotRun(
            result, mentions: ["policy/flags.txt", "v1.0.0", "partial clone", "filter blob:none", "--refetch"])
    }

    @Test("the fix the message names works: after 'git fetch --refetch --no-filter' the removal fails the check")
    func refetchRepairs() throws {
        let source = try removalProject()
        let clone = try source.partialClone(filter: "blob:none")
        try clone.git("fetch", "--quiet", "--refetch", "--no-filter", "origin")
        let result = try runSemgate(["check", "--repo", clone.url.path])
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("beta"))
    }

    @Test("a tree-less partial clone (filter tree:0) names the missing root folder and the revision")
    func treelessClone() throws {
        let source = try removalProject()
        let clone = try source.partialClone(filter: "tree:0")
        let result = try runSemgate(["check", "--repo", clone.url.path])
        expectCouldNotRun(result, mentions: ["root folder", "v1.0.0", "partial clone", "filter tree:0"])
    }

    @Test("extensions.partialclone (written by older git) is recognised, not an unsupported-extension failure")
    func partialCloneExtension() throws {
        let source = try removalProject()
        let clone = try source.partialClone(filter: "blob:none")
        try clone.git("config", "core.repositoryformatversion", "1")
        try clone.git("config", "extensions.partialclone", "origin")
        let result = try runSemgate(["check", "--repo", clone.url.path])
        expectCouldNotRun(result, mentions: ["policy/flags.txt", "partial clone", "remote 'origin'"])
        #expect(!result.stderr.contains("unsupported extension"))
    }

    @Test("a full clone that lost a blob a surface reads (a damaged mirror) exits 2 and says to clone again")
    func damagedClone() throws {
        let repo = try removalProject()
        let blob = try repo.git("rev-parse", "v1.0.0:policy/flags.txt")
        try FileManager.default.removeItem(at: FailClosedFixtures.looseObject(blob, in: repo))
        let result = try runSemgate(["check", "--repo", repo.url.path])
        expectCouldNotRun(result, mentions: ["policy/flags.txt", "v1.0.0", String(blob.prefix(7)), "clone again"])
    }

    @Test("an object no surface reads may be missing: the check still runs and finds the removal (exit 1)")
    func unreadObjectMayBeMissing() throws {
        let repo = try removalProject()
        let blob = try repo.git("rev-parse", "v1.0.0:vendor/big.bin")
        try FileManager.default.removeItem(at: FailClosedFixtures.looseObject(blob, in: repo))
        let result = try runSemgate(["check", "--repo", repo.url.path])
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
    }

    @Test("a policy read with --policy-rev whose blob is missing exits 2 naming the policy file and the revision")
    func policyRevisionMissing() throws {
        let repo = try removalProject()
        let blob = try repo.git("rev-parse", "v1.0.0:.semgate.yml")
        try FileManager.default.removeItem(at: FailClosedFixtures.looseObject(blob, in: repo))
        let result = try runSemgate(["check", "--repo", repo.url.path, "--policy-rev", "v1.0.0"])
        expectCouldNotRun(result, mentions: [".semgate.yml", "v1.0.0", "missing from the object store"])
    }

    @Test("a version file whose blob is missing exits 2 (it is never read as 'no version declared')")
    func versionFileMissing() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            releases:
              version-file:
                - path: version.go
                  pattern: 'Version = "(?<version>[^"]+)"'

            """)
        try repo.write("version.go", "package main\nconst Version = \"1.0.0\"\n")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0")
        let blob = try repo.git("rev-parse", "v1.0.0:version.go")
        try FileManager.default.removeItem(at: FailClosedFixtures.looseObject(blob, in: repo))
        let result = try runSemgate(["audit", "--repo", repo.url.path])
        expectCouldNotRun(result, mentions: ["version.go", "v1.0.0"])
    }

    @Test("go-packages: a Go file whose blob is missing exits 2 with its path (no folder is assumed a package)")
    func goFileMissing() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  packages:\n    extract:\n      go-packages: {}\n")
        try repo.write("go.mod", "module example.com/m\n")
        try repo.write("pkg/a/a.go", "package a\n")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0")
        let blob = try repo.git("rev-parse", "v1.0.0:pkg/a/a.go")
        try FileManager.default.removeItem(at: FailClosedFixtures.looseObject(blob, in: repo))
        let result = try runSemgate(["surface", "v1.0.0", "--repo", repo.url.path])
        expectCouldNotRun(result, mentions: ["pkg/a/a.go", "v1.0.0"])
    }
}

@Suite("line endings and encodings read the same as plain LF")
struct LineEndingTests {
    @Test("a CRLF list file: removing an item fails the check as it does with LF")
    func crlfListRemoval() throws {
        let repo = try removalProject(lineEnding: "\r\n")
        let result = try runSemgate(["check", "--repo", repo.url.path])
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("beta"))
    }

    @Test("rewriting a list file with CRLF, a byte order mark and no final newline is no change")
    func lineEndingsAreNoChange() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", FailClosedFixtures.listPolicy)
        try repo.write("policy/flags.txt", "alpha\nbeta\n")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0")
        try repo.write("policy/flags.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("alpha\r\nbeta".utf8))
        try repo.commit("windows editor")
        let result = try runSemgate(["check", "--repo", repo.url.path, "--format", "json"])
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(!result.stdout.contains(#""kind""#), "stdout: \(result.stdout)")
    }

    @Test("a UTF-16 list file with a byte order mark (PowerShell's default) reads as its text")
    func utf16List() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", FailClosedFixtures.listPolicy)
        let text = "alpha\r\nbeta\r\n"
        try repo.write(
            "policy/flags.txt", bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try repo.commit("v1.0.0")
        let result = try runSemgate(["surface", "--repo", repo.url.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("alpha") && result.stdout.contains("beta"))
    }

    @Test("a CRLF policy with a byte order mark, a CRLF go.mod and a CRLF Go file with a BOM read as LF")
    func crlfPolicyGoModAndGoSource() throws {
        let repo = try FixtureRepository()
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        func crlf(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }
        try repo.write(
            ".semgate.yml",
            bytes: bom + crlf("semgate: 1\nsurfaces:\n  packages:\n    extract:\n      go-packages: {}\n"))
        try repo.write("go.mod", bytes: crlf("module example.com/m\n\ngo 1.22\n"))
        try repo.write("pkg/a/a.go", bytes: bom + crlf("package a\n\nfunc A() {}"))
        try repo.commit("v1.0.0")
        let result = try runSemgate(["surface", "--repo", repo.url.path, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(#""example.com/m/pkg/a""#), "stdout: \(result.stdout)")
        #expect(!result.stdout.contains(#"\r"#))
    }
}

@Suite("file names are kept byte-exact")
struct FileNameTests {
    /// Two packages whose folder names differ only in a byte that is not UTF-8 (0xFE, 0xFF).
    private func twoNonUTF8Packages() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  packages:\n    extract:\n      go-packages: {}\n")
        try repo.write("go.mod", "module example.com/m\n")
        try repo.write(rawPath: Array("pkg/a".utf8) + [0xFE] + Array("/a.go".utf8), "package a\n")
        try repo.write(rawPath: Array("pkg/a".utf8) + [0xFF] + Array("/a.go".utf8), "package a\n")
        try repo.write(rawPath: Array("pkg/b\\".utf8) + [0xFF] + Array("/b.go".utf8), "package b\n")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0")
        return repo
    }

    @Test("two folder names that differ in a non-UTF-8 byte stay two packages, shown with a visible \\xNN escape")
    func distinctNames() throws {
        let repo = try twoNonUTF8Packages()
        let result = try runSemgate(["surface", "--repo", repo.url.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(#"example.com/m/pkg/a\xfe"#), "stdout: \(result.stdout)")
        #expect(result.stdout.contains(#"example.com/m/pkg/a\xff"#))
        #expect(result.stdout.contains(#"example.com/m/pkg/b\\\xff"#))
    }

    @Test("the working tree reads every name as the git tree does: no phantom removals or additions")
    func worktreeAgrees() throws {
        let repo = try twoNonUTF8Packages()
        let result = try runSemgate(["diff", "v1.0.0", "worktree", "--repo", repo.url.path, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stdout.contains(#""kind""#), "stdout: \(result.stdout)")
    }
}

@Suite("the policy, list files and version files stay inside the repository")
struct SymbolicLinkTests {
    /// A file outside every repository, with a line that must never reach semgate's output.
    private func secretFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("semgate-secret-\(UUID().uuidString)")
        try Data("token: TOPSECRET-7f3a\nsurfaces: [\n".utf8).write(to: url)
        return url
    }

    @Test("a worktree .semgate.yml linked to a file outside: exit 2, and the target's contents are not printed")
    func worktreePolicyOutside() throws {
        let secret = try secretFile()
        defer { try? FileManager.default.removeItem(at: secret) }
        let repo = try removalProject()
        try repo.link(".semgate.yml", to: secret.path)
        for command in [["check"], ["policy", "validate"], ["surface"]] {
            let result = try runSemgate(command + ["--repo", repo.url.path])
            expectCouldNotRun(result, mentions: [".semgate.yml", "outside the repository"])
            #expect(!result.stderr.contains("TOPSECRET") && !result.stdout.contains("TOPSECRET"))
        }
    }

    @Test("a committed .semgate.yml linked outside, read with --policy-rev: exit 2 without the target's contents")
    func committedPolicyOutside() throws {
        let secret = try secretFile()
        defer { try? FileManager.default.removeItem(at: secret) }
        let repo = try removalProject()
        try repo.link(".semgate.yml", to: secret.path)
        try repo.commit("policy is a link")
        let result = try runSemgate(["check", "--repo", repo.url.path, "--policy-rev", "HEAD", "--base", "v1.0.0"])
        expectCouldNotRun(result, mentions: [".semgate.yml", "outside the repository"])
        #expect(!result.stderr.contains("TOPSECRET"))
        let parent = try runSemgate(["surface", "--repo", repo.url.path, "--policy-rev", "HEAD"])
        expectCouldNotRun(parent, mentions: ["outside the repository"])
    }

    @Test("a list file linked with '..' above the root, in a commit and in the working tree: exit 2")
    func listFileOutside() throws {
        let repo = try removalProject()
        try repo.link("policy/flags.txt", to: "../../../../../../../../etc/passwd")
        let worktree = try runSemgate(["check", "--head", "worktree", "--repo", repo.url.path])
        expectCouldNotRun(worktree, mentions: ["policy/flags.txt", "outside the repository"])
        #expect(!worktree.stderr.contains("root:"))
        try repo.commit("list is a link")
        let committed = try runSemgate(["check", "--base", "v1.0.0", "--repo", repo.url.path])
        expectCouldNotRun(committed, mentions: ["policy/flags.txt", "outside the repository"])
    }

    @Test("a list file linked to a file inside the repository is followed (the removal is still found)")
    func listFileInside() throws {
        let repo = try removalProject()
        try repo.write("lists/flags.txt", "alpha\n")
        try repo.link("policy/flags.txt", to: "../lists/flags.txt")
        try repo.commit("list moved behind a link")
        let committed = try runSemgate(["check", "--repo", repo.url.path])
        #expect(committed.status == 1, "stdout: \(committed.stdout) stderr: \(committed.stderr)")
        #expect(committed.stdout.contains("beta"))
        let surface = try runSemgate(["surface", "--repo", repo.url.path])
        #expect(surface.stdout.contains("alpha"), "stdout: \(surface.stdout) stderr: \(surface.stderr)")
    }

    @Test("--policy naming a file inside the repository that links outside: exit 2; a file outside is the caller's")
    func explicitPolicy() throws {
        let secret = try secretFile()
        defer { try? FileManager.default.removeItem(at: secret) }
        let repo = try removalProject()
        try repo.link("ci/policy.yml", to: secret.path)
        let inside = try runSemgate(["check", "--repo", repo.url.path, "--policy", repo.url.path + "/ci/policy.yml"])
        expectCouldNotRun(inside, mentions: ["ci/policy.yml", "outside the repository"])
        #expect(!inside.stderr.contains("TOPSECRET"))
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("semgate-policy-\(UUID()).yml")
        try Data(FailClosedFixtures.listPolicy.utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let trusted = try runSemgate(["check", "--repo", repo.url.path, "--policy", outside.path])
        #expect(trusted.status == 1, "stdout: \(trusted.stdout) stderr: \(trusted.stderr)")
    }

    @Test("a version file that links outside the repository, in the working tree: exit 2 naming it")
    func versionFileOutside() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            releases:
              version-file:
                - path: VERSION
                  pattern: '(?<version>[0-9.]+)'

            """)
        try repo.write("VERSION", "1.0.0\n")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0")
        try repo.link("VERSION", to: "/etc/hostname")
        let result = try runSemgate(["check", "--head", "worktree", "--repo", repo.url.path])
        expectCouldNotRun(result, mentions: ["VERSION", "outside the repository"])
    }

    @Test("a .semgate.yml that is a FIFO or a folder in the working tree: exit 2 at once, no hang")
    func specialFiles() throws {
        let repo = try removalProject()
        try repo.remove(".semgate.yml")
        #expect(mkfifo(repo.url.appendingPathComponent(".semgate.yml").path, 0o644) == 0)
        let fifo = try runSemgate(["check", "--repo", repo.url.path])
        expectCouldNotRun(fifo, mentions: [".semgate.yml", "readable file"])
        try repo.remove(".semgate.yml")
        try repo.write(".semgate.yml/inner", "x")
        let folder = try runSemgate(["check", "--repo", repo.url.path])
        expectCouldNotRun(folder, mentions: [".semgate.yml", "readable file"])
    }

    @Test("a list file in a loop of links: exit 2, no hang")
    func linkLoop() throws {
        let repo = try removalProject()
        try repo.link("policy/flags.txt", to: "loop.txt")
        try repo.link("policy/loop.txt", to: "flags.txt")
        try repo.commit("loop")
        let result = try runSemgate(["surface", "--repo", repo.url.path])
        expectCouldNotRun(result, mentions: ["policy/flags.txt", "symbolic link"])
    }

    @Test("a link target of 4,095 bytes is followed, also back and forth through a wide folder; a longer one is exit 2")
    func longLinkTargets() throws {
        func project() throws -> FixtureRepository {
            let repo = try metricsProject()
            try repo.write("shared/b.txt", "NewMetric(\"beta\")\n")
            return repo
        }
        // The longest target a system makes: thousands of parts, each costing one step (it had cost a shift of all).
        let longest = String(repeating: "./", count: (4_095 - 15) / 2) + "../shared/b.txt"
        let fits = try project()
        #expect(longest.utf8.count == 4_095)
        try fits.link("metrics/b.go", to: longest)
        try fits.commit("v1.0.0")
        let read = try runSemgate(["surface", "--repo", fits.url.path])
        #expect(read.stdout.contains("beta"), "stdout: \(read.stdout) stderr: \(read.stderr)")
        // A longer one no system makes: written into git directly.
        let tooLong = try project()
        try tooLong.commit("v1.0.0")
        let head = try tooLong.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let branch = try tooLong.git("symbolic-ref", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let target = "./" + longest
        try tooLong.fastImport(
            "commit \(branch)\ncommitter A <a@example.com> 1700000000 +0000\ndata 4\nlink\nfrom \(head)\n"
                + "M 120000 inline metrics/b.go\ndata \(target.utf8.count)\n\(target)\n")
        expectCouldNotRun(
            try runSemgate(["surface", "--repo", tooLong.url.path]), mentions: ["metrics/b.go", "longer than 4095 bytes"])
        // 815 lookups of a name in a folder of 1,503 entries: the folder is indexed once (a search in order of each
        // had passed the 1,000,000 entries one lookup may compare).
        let wide = try project()
        for index in 0..<1_499 { try wide.write(String(format: "f%04d.txt", index), "") }
        try wide.write("a/x.txt", "")
        try wide.link("metrics/b.go", to: "../" + String(repeating: "a/../", count: 815) + "shared/b.txt")
        try wide.commit("v1.0.0")
        let indexed = try runSemgate(["surface", "--repo", wide.url.path])
        #expect(indexed.stdout.contains("beta"), "stdout: \(indexed.stdout) stderr: \(indexed.stderr)")
    }

    @Test("the links one walk resolves share one budget of 1,000,000 steps: many long link chains stop with exit 2")
    func linkStepsPerWalk() throws {
        // Each matched link leads through a chain of 39 more, every target 2,040 parts of `./` long: 40 hops of about
        // 2,042 steps, 81,700 a lookup. Twelve lookups fit the walk's 1,000,000 steps; thirteen do not.
        func project(links: Int) throws -> FixtureRepository {
            let repo = try metricsProject()
            let padding = String(repeating: "./", count: 2_040)
            try repo.write("metrics/b.txt", "NewMetric(\"beta\")\n")
            for hop in 0..<39 {
                try repo.link(String(format: "metrics/c%02d", hop), to: padding + (hop == 38 ? "b.txt" : String(format: "c%02d", hop + 1)))
            }
            for index in 0..<links { try repo.link(String(format: "metrics/m%02d.go", index), to: padding + "c00") }
            try repo.commit("v1.0.0")
            return repo
        }
        let twelve = try project(links: 12)
        let fits = try runSemgate(["surface", "--repo", twelve.url.path])
        #expect(fits.status == 0, "stderr: \(fits.stderr)")
        #expect(fits.stdout.contains("beta"), "stdout: \(fits.stdout)")
        let thirteen = try project(links: 13)
        expectCouldNotRun(
            try runSemgate(["surface", "--repo", thirteen.url.path]), mentions: ["metrics/m12.go", "1000000"])
    }

    @Test("a file an extractor's globs match that is a symbolic link is read as its target, as Go reads it")
    func linkedSourceFile() throws {
        let repo = try metricsProject()
        try repo.write("metrics/a.go", "NewMetric(\"alpha\")\n")
        try repo.write("shared/b.txt", "NewMetric(\"beta\")\n")
        try repo.link("metrics/b.go", to: "../shared/b.txt")
        // A link to a folder is no source file (Go skips it), and reads as nothing.
        try repo.link("metrics/c.go", to: "../shared")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        let surface = try runSemgate(["surface", "--repo", repo.url.path])
        #expect(surface.stdout.contains("beta"), "stdout: \(surface.stdout) stderr: \(surface.stderr)")
        try repo.remove("metrics/b.go")
        try repo.commit("drop the linked file")
        let removed = try runSemgate(["check", "--repo", repo.url.path])
        #expect(removed.status == 1, "stdout: \(removed.stdout) stderr: \(removed.stderr)")
        #expect(removed.stdout.contains("beta"))
        // A link that leaves the repository: what it would read is not known, exit 2 naming it.
        try repo.link("metrics/d.go", to: "/etc/hostname")
        try repo.commit("link outside")
        expectCouldNotRun(try runSemgate(["check", "--repo", repo.url.path]), mentions: ["metrics/d.go", "outside"])
    }

    @Test("go-api reads a package's .go file that is a symbolic link as its target, as Go compiles it")
    func linkedGoFile() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        try repo.write("go.mod", "module example.com/m\n")
        try repo.write("pkg/a.go", "package pkg\n\nfunc A() {}\n")
        try repo.write("shared/b.txt", "package pkg\n\nfunc B() {}\n")
        try repo.link("pkg/b.go", to: "../shared/b.txt")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        let surface = try runSemgate(["surface", "--repo", repo.url.path])
        #expect(surface.stdout.contains("example.com/m/pkg.B"), "stdout: \(surface.stdout) stderr: \(surface.stderr)")
        try repo.remove("pkg/b.go")
        try repo.commit("drop the linked file")
        let removed = try runSemgate(["check", "--repo", repo.url.path])
        #expect(removed.status == 1, "stdout: \(removed.stdout) stderr: \(removed.stderr)")
        #expect(removed.stdout.contains("pkg.B"))
    }
}

/// A repository whose policy reads metric names from `metrics/*.go` with a regex: the link tests' project.
private func metricsProject() throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write(
        ".semgate.yml",
        """
        semgate: 1
        surfaces:
          metrics:
            extract:
              regex:
                files: ["metrics/*.go"]
                pattern: 'NewMetric\\("(?<name>[a-z_]+)"'

        """)
    return repo
}
