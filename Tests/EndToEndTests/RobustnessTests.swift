import Foundation
import Testing
import TestSupport

/// A repository with one Go package and one release, `v1.0.0`, for policies that differ in one key.
private func goRepository() throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n")
    try repo.write("api/api.go", "package api\n\n// Run runs.\nfunc Run() {}\n")
    _ = try repo.commit("feat: api")
    try repo.tag("v1.0.0")
    return repo
}

/// A policy over `goRepository` with `extra` appended at the top level.
private func policy(_ extra: String, in folder: TemporaryFolder) throws -> String {
    let text = """
        semgate: 1
        project: tool
        surfaces:
          packages:
            extract:
              go-api: {}
        \(extra)
        """
    return try folder.write("policy.yml", text + "\n")
}

@Suite("Robustness: hostile input to the lifecycle commands, init and the extractors")
struct RobustnessTests {
    @Test(
        "huge durations and day counts are a positioned policy error, not an arithmetic trap",
        arguments: [
            (
                ["support"], "support: {phases: [{name: a, duration: 9223372036854775807 days}]}",
                "of at most 10000 years"
            ),
            (
                ["support"], "support: {preset: k6}\ncadence: {minor: 999999999999999999 years}",
                "of at most 10000 years"
            ),
            (
                ["support"], "support: {preset: k6}\ncadence: {major: 9223372036854775807 weeks}",
                "of at most 10000 years"
            ),
            (["deprecations"], "deprecation-period: {days: 9223372036854775807}", "of at most 3652425"),
        ])
    func hugeDurations(command: [String], extra: String, mention: String) throws {
        let repo = try goRepository()
        let folder = try TemporaryFolder()
        let file = try policy(extra, in: folder)
        let result = try runSemgate(command + ["--repo", repo.url.path, "--policy", file])
        expectCouldNotRun(result, mentions: ["policy.yml:", mention], policyDiagnostics: true)
    }

    @Test("the longest duration allowed still answers on the latest day --at takes")
    func longestDuration() throws {
        let repo = try goRepository()
        let folder = try TemporaryFolder()
        let file = try policy(
            "support: {phases: [{name: a, duration: 10000 years}]}\ncadence: {major: 10000 years}", in: folder)
        let result = try runSemgate(["support", "--repo", repo.url.path, "--policy", file, "--at", "9999-12-31"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        expectNoCrash(result)
    }

    @Test("init --write to a folder, into a missing folder or to an empty name says what to do, and writes nothing")
    func initWriteTargets() throws {
        let repo = try goRepository()
        let folder = try TemporaryFolder()
        let before = try RepositoryState(of: repo)
        let missing = folder.url.appendingPathComponent("no/such/folder/policy.yml").path
        expectCouldNotRun(
            try runSemgate(["init", "--repo", repo.url.path, "--write", missing]),
            mentions: ["folder", "does not exist", "create it"])
        expectCouldNotRun(
            try runSemgate(["init", "--repo", repo.url.path, "--write", folder.url.path, "--force"]),
            mentions: ["is a folder", ".semgate.yml"])
        let empty = try runSemgate(["init", "--repo", repo.url.path, "--write", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("--write needs a file name"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        #expect(try RepositoryState(of: repo) == before)
    }

    @Test("a cobra AddCommand cycle is a note that explains the empty cli surface")
    func cobraCycle() throws {
        let repo = try goRepository()
        try repo.write(
            "cmd/root.go",
            """
            package cmd

            import "github.com/spf13/cobra"

            var rootCmd = &cobra.Command{Use: "tool"}
            var subCmd = &cobra.Command{Use: "sub"}

            func init() {
                rootCmd.AddCommand(subCmd)
                subCmd.AddCommand(rootCmd)
            }

            """)
        _ = try repo.commit("feat: cli")
        let folder = try TemporaryFolder()
        let file = try policy("  cli:\n    extract:\n      cobra: {files: [\"cmd/*.go\"]}", in: folder)
        let result = try runSemgate(["surface", "--repo", repo.url.path, "--policy", file])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        expectNoCrash(result)
        #expect((result.stdout + result.stderr).contains("AddCommand cycle"), "\(result.stdout)\(result.stderr)")
    }

    @Test("--head worktree on a bare mirror without a config file is the bare-repository error, and writes nothing")
    func bareMirrorWithoutConfig() throws {
        let mirror = try goRepository().bareClone()
        try FileManager.default.removeItem(at: mirror.url.appendingPathComponent("config"))
        let before = try RepositoryState(of: mirror, bare: true)
        let folder = try TemporaryFolder()
        let file = try policy("", in: folder)
        for command in [["check", "--head", "worktree"], ["diff", "v1.0.0", "worktree"], ["surface", "worktree"]] {
            let result = try runSemgate(command + ["--repo", mirror.url.path, "--policy", file])
            expectCouldNotRun(result, mentions: ["bare", "--head"])
        }
        #expect(try RepositoryState(of: mirror, bare: true) == before)
    }

    @Test("release tags at the 64-bit limit: fix-targets and next say why they cannot name a version, check runs")
    func versionsAtTheLimit() throws {
        let limit = "18446744073709551615"
        let repo = try goRepository()
        try repo.tag("v1.\(limit).\(limit)")
        try repo.write("api/more.go", "package api\n\n// More is new.\nfunc More() {}\n")
        try repo.commit("feat: more")
        let folder = try TemporaryFolder()
        let file = try policy("support: {preset: k6}", in: folder)
        let common = ["--repo", repo.url.path, "--policy", file]
        expectCouldNotRun(
            try runSemgate(["fix-targets", "1.0.0"] + common), mentions: ["has no next patch", "64-bit limit"])
        expectCouldNotRun(try runSemgate(["next"] + common), mentions: ["needs a minor bump", "64-bit limit"])
        expectCouldNotRun(
            try runSemgate(["next", "--pre", "rc"] + common), mentions: ["needs a minor bump", "64-bit limit"])
        for command in [["check"], ["check", "--format", "json"], ["audit"], ["support"]] {
            let result = try runSemgate(command + common)
            expectNoCrash(result)
        }
    }

    @Test("a release at the largest major: a removal after it is claimed, with no next major named, and nothing traps")
    func majorAtTheLimit() throws {
        let limit = "18446744073709551615"
        let repo = try goRepository()
        try repo.write("api/old.go", "package api\n\n// Old is old.\n//\n// Deprecated: use Run.\nfunc Old() {}\n")
        try repo.write("api/gone.go", "package api\n\n// Gone goes.\nfunc Gone() {}\n")
        try repo.commit("feat: old")
        try repo.tag("v\(limit).0.0")
        try repo.remove("api/gone.go")
        try repo.commit("remove Gone")
        let folder = try TemporaryFolder()
        let common = ["--repo", repo.url.path, "--policy", try policy("", in: folder)]
        let check = try runSemgate(["check"] + common)
        expectNoCrash(check)
        #expect(check.status == 1, "stdout: \(check.stdout) stderr: \(check.stderr)")
        #expect(check.stdout.contains("api.Gone"))
        #expect(check.stdout.contains("there is none after \(limit)"), "stdout: \(check.stdout)")
        try repo.tag("v\(limit).0.1")
        let audit = try runSemgate(["audit"] + common)
        expectNoCrash(audit)
        #expect(audit.status == 1, "stdout: \(audit.stdout) stderr: \(audit.stderr)")
        for command in [["deprecations"], ["deprecations", "--format", "json"], ["next"], ["support"]] {
            expectNoCrash(try runSemgate(command + common))
        }
    }
}
