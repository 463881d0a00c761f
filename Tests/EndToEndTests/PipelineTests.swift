import Foundation
import Testing
import TestSupport

@Suite("End to end: shallow clones, the working tree, version files, commit signals")
struct PipelineEndToEndTests {
    @Test(
        "every command that needs history names what is missing and both fixes, exit 2",
        arguments: [
            ["check"], ["check", "--version", "2.2.0"], ["check", "--head", "worktree"], ["next"], ["audit"],
            ["diff", "v2.0.0", "HEAD"], ["surface", "v2.0.0"],
        ])
    func shallow(command: [String]) throws {
        let repo = try sampleRepository()
        let shallow = try repo.shallowClone(depth: 1)
        let result = try runSemgate(command, in: shallow.url)
        expectCouldNotRun(result, mentions: ["shallow", "missing", "fetch-depth: 0", "git fetch --tags --unshallow"])
    }

    @Test("a shallow clone holding the base tag but not the commits after it names the fix, exit 2")
    func shallowBetweenBaseAndHead() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml", "semgate: 1\nsurfaces: {api: {extract: {list: api.txt}}}\nsignals: [conventional-commits]\n"
        )
        try repo.write("api.txt", "alpha\n")
        try repo.commit("feat: one")
        try repo.tag("v1.0.0")
        try repo.commit("fix: two")
        try repo.commit("fix: three")
        let shallow = try repo.shallowClone(depth: 1)
        try shallow.git("fetch", "--quiet", "--depth", "1", "origin", "tag", "v1.0.0")
        let result = try runSemgate(["check", "--base", "v1.0.0"], in: shallow.url)
        expectCouldNotRun(result, mentions: ["shallow", "fetch-depth: 0", "git fetch --tags --unshallow"])
    }

    @Test("check --head worktree: exit 1 for an uncommitted break, 0 once restored; the repository is untouched")
    func worktree() throws {
        let repo = try sampleRepository()
        let flags = try String(contentsOf: repo.url.appendingPathComponent("cmd/flags.go"), encoding: .utf8)
        let broken = flags.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"out\"") }.joined(separator: "\n")
        try repo.write("cmd/flags.go", broken)
        let before = try RepositoryState(of: repo)
        let result = try runSemgate(["check", "--head", "worktree", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        #expect((report?["head"] as? [String: Any])?["rev"] as? String == "worktree")
        #expect(values(of: "item", in: "changes", of: report).contains("cli:flags --out"))
        #expect(try RepositoryState(of: repo) == before)
        try repo.write("cmd/flags.go", flags)
        let restored = try runSemgate(["check", "--head", "worktree"], in: repo.url)
        #expect(restored.status == 0, "stdout: \(restored.stdout)\nstderr: \(restored.stderr)")
    }

    @Test("diff HEAD worktree and surface worktree --check see uncommitted files")
    func diffAndSurfaceOfTheWorktree() throws {
        let repo = try sampleRepository()
        let folder = try TemporaryFolder()
        let snapshot = folder.url.appendingPathComponent("surface.txt").path
        #expect(try runSemgate(["surface", "--write", snapshot], in: repo.url).status == 0)
        let unchanged = try runSemgate(["surface", "worktree", "--check", snapshot], in: repo.url)
        #expect(unchanged.status == 0, "stdout: \(unchanged.stdout)")
        try repo.write("api.txt", "untracked files are not on any surface of the sample\n")
        let flags = try String(contentsOf: repo.url.appendingPathComponent("cmd/flags.go"), encoding: .utf8)
        try repo.write("cmd/flags.go", flags.replacingOccurrences(of: "\"out\"", with: "\"output\""))
        let drifted = try runSemgate(["surface", "worktree", "--check", snapshot], in: repo.url)
        #expect(drifted.status == 1)
        #expect(drifted.stdout.contains("- \"cli:flags --out\"") && drifted.stdout.contains("+ \"cli:flags --output\""))
        let diff = try runSemgate(["diff", "HEAD", "worktree", "--format", "json"], in: repo.url)
        let report = jsonObject(diff.stdout)
        #expect(report?["required"] as? String == "major")
        #expect(Set(values(of: "item", in: "changes", of: report)) == ["cli:flags --out", "cli:flags --output"])
    }

    @Test("check --head worktree in a bare repository says to pass a revision, exit 2")
    func worktreeBare() throws {
        let repo = try sampleRepository()
        let bare = try repo.bareClone()
        let result = try runSemgate(["check", "--head", "worktree"], in: bare.url)
        expectCouldNotRun(result, mentions: ["bare", "--head"])
    }

    @Test("a tag push whose code declares another version fails with version-file-mismatch; the json says where")
    func versionFile() throws {
        let repo = try sampleRepository()
        let policy = try String(contentsOf: repo.url.appendingPathComponent(".semgate.yml"), encoding: .utf8)
        try repo.write(
            ".semgate.yml",
            policy.replacingOccurrences(
                of: "releases:\n",
                with: "releases:\n  version-file: {path: version.txt, pattern: '(?m)^(?<version>\\d+\\.\\d+\\.\\d+)$'}\n"))
        try repo.write("version.txt", "2.2.0\n")
        try repo.commit("declare the version")
        let good = try runSemgate(["check", "--version", "2.2.0"], in: repo.url)
        #expect(good.status == 0, "stdout: \(good.stdout)\nstderr: \(good.stderr)")
        let bad = try runSemgate(["check", "--version", "2.3.0", "--format", "json"], in: repo.url)
        #expect(bad.status == 1, "stderr: \(bad.stderr)")
        let findings = jsonObject(bad.stdout)?["findings"] as? [[String: Any]] ?? []
        let mismatch = findings.first { $0["rule"] as? String == "version-file-mismatch" }
        #expect(mismatch?["location"] as? String == "version.txt:1")
        // Without --version the declared 2.2.0 is the version judged.
        let adopted = try runSemgate(["check", "--format", "json"], in: repo.url)
        #expect(adopted.status == 0, "stderr: \(adopted.stderr)")
        #expect(((jsonObject(adopted.stdout)?["head"] as? [String: Any])?["version"] as? String) == "2.2.0")
        // Saved by a Windows editor (a BOM, CRLF) the file declares the same version: the anchored pattern matches.
        try repo.write("version.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("2.2.0\r\n".utf8))
        try repo.commit("the version file saved on Windows")
        let windows = try runSemgate(["check", "--format", "json"], in: repo.url)
        #expect(windows.status == 0, "stderr: \(windows.stderr)")
        #expect(((jsonObject(windows.stdout)?["head"] as? [String: Any])?["version"] as? String) == "2.2.0")
    }

    @Test("conventional commits: an unannounced break exits 1 with unannounced-break; announcing it passes")
    func commitSignal() throws {
        let repo = try sampleRepository()
        let policy = try String(contentsOf: repo.url.appendingPathComponent(".semgate.yml"), encoding: .utf8)
        try repo.write(".semgate.yml", policy + "\nsignals: [conventional-commits]\n")
        try repo.commit("chore: opt in to commit signals")
        let flags = try String(contentsOf: repo.url.appendingPathComponent("cmd/flags.go"), encoding: .utf8)
        try repo.write(
            "cmd/flags.go",
            flags.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"out\"") }
                .joined(separator: "\n"))
        try repo.commit("fix: simplify flags")
        let quiet = try runSemgate(["check", "--format", "json", "--version", "3.0.0"], in: repo.url)
        #expect(quiet.status == 1, "stdout: \(quiet.stdout)")
        let report = jsonObject(quiet.stdout)
        #expect(report?["declared"] as? String == "patch")
        #expect(values(of: "rule", in: "findings", of: report).contains("unannounced-break"))
        try repo.commit("feat!: remove --out\n\nBREAKING CHANGE: use the config file instead")
        let announced = try runSemgate(["check", "--format", "json", "--version", "3.0.0"], in: repo.url)
        let after = jsonObject(announced.stdout)
        #expect(after?["declared"] as? String == "major")
        #expect(!values(of: "rule", in: "findings", of: after).contains("unannounced-break"))
    }
}
