import Foundation
import Testing
import TestSupport

@Suite("Bad input: exit 2, one clear line, no crash")
struct BadInputTests {
    @Test("--repo naming a folder that does not exist")
    func missingFolder() throws {
        let result = try runSemgate(["check", "--repo", "/nonexistent"])
        expectCouldNotRun(result, mentions: ["/nonexistent"])
    }

    @Test("a folder that is not a git repository", arguments: [["check"], ["audit"], ["next"], ["surface"]])
    func notARepository(command: [String]) throws {
        let folder = try TemporaryFolder()
        let viaFlag = try runSemgate(command + ["--repo", folder.url.path])
        expectCouldNotRun(viaFlag, mentions: [folder.url.path, "git repository"])
        let viaDirectory = try runSemgate(command, in: folder.url)
        expectCouldNotRun(viaDirectory, mentions: ["git repository"])
    }

    @Test(
        "a repository owned by another user: libgit2's safe.directory refusal is explained with the fix",
        .enabled(if: getuid() == 0, "changing a folder's owner needs root (CI runs as root)"))
    func unsafeOwnership() throws {
        let repo = try sampleRepository()
        let chown = Process()
        chown.executableURL = URL(fileURLWithPath: "/bin/chown")
        chown.arguments = ["-R", "nobody", repo.url.path]
        try chown.run()
        chown.waitUntilExit()
        #expect(chown.terminationStatus == 0)
        let result = try runSemgate(["check", "--repo", repo.url.path])
        expectCouldNotRun(result, mentions: ["owned by another user", "safe.directory"])
    }

    @Test(
        "a repository with no commits yet: check and next say so; audit finds no releases",
        arguments: [
            ["check"], ["next"], ["surface"],
        ])
    func unbornBranch(command: [String]) throws {
        let repo = try FixtureRepository()
        let result = try runSemgate(command + ["--repo", repo.url.path])
        expectCouldNotRun(result, mentions: ["no commits"])
        let audit = try runSemgate(["audit", "--repo", repo.url.path, "--color", "never"])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("No releases"))
    }

    @Test(
        "an unknown revision",
        arguments: [
            ["check", "--base", "nope"], ["check", "--head", "nope"], ["diff", "v1.0.0", "nope"], ["surface", "nope"],
        ])
    func unknownRevision(command: [String]) throws {
        let repo = try sampleRepository()
        let result = try runSemgate(command, in: repo.url)
        expectCouldNotRun(result, mentions: ["'nope'"])
    }

    @Test("broken YAML in the policy names the file and the line")
    func brokenYAML() throws {
        let repo = try sampleRepository()
        let folder = try TemporaryFolder()
        let policy = try folder.write("broken.yml", "semgate: 1\nproject: [tool\nsurfaces: {}\n")
        let result = try runSemgate(["check", "--policy", policy], in: repo.url)
        expectCouldNotRun(result, mentions: ["broken.yml:", "YAML"], policyDiagnostics: true)
    }

    @Test("an unknown key in the committed policy: file:line:column and did you mean")
    func unknownKey() throws {
        let repo = try sampleRepository()
        try repo.write(".semgate.yml", "semgate: 1\nproject: tool\nsurfacs:\n  cli: {}\n")
        try repo.commit("Break the policy")
        let result = try runSemgate(["check"], in: repo.url)
        expectCouldNotRun(result, mentions: ["surfacs", "did you mean", "surfaces"], policyDiagnostics: true)
        #expect(result.stderr.firstMatch(of: #/\.semgate\.yml:3:1\b/#) != nil, "file:line:column: \(result.stderr)")

        let validate = try runSemgate(["policy", "validate"], in: repo.url)
        expectCouldNotRun(validate, mentions: ["surfacs", "did you mean"], policyDiagnostics: true)
    }

    @Test("a bad regular expression names the surface")
    func badRegex() throws {
        let repo = try sampleRepository()
        let folder = try TemporaryFolder()
        let policy = try folder.write(
            "badregex.yml",
            """
            semgate: 1
            surfaces:
              widgets:
                extract:
                  regex:
                    files: ["**/*.go"]
                    pattern: 'Widget\\("(?<name>[a-z'

            """)
        let result = try runSemgate(["check", "--policy", policy], in: repo.url)
        expectCouldNotRun(result, mentions: ["widgets", "badregex.yml:7:"], policyDiagnostics: true)
    }

    /// `(a+)+$` over a megabyte of `a` that ends in a non-match takes exponential time in a backtracking engine;
    /// semgate must finish, with items, no items, or a clear error. (That the work is linear in the file, counted in
    /// pattern steps, is `RegexExtractorTests.pathologicalPatternWork`; the deadline here only catches a hang.)
    @Test("a pathological pattern over a large file finishes")
    func pathologicalPattern() throws {
        let repo = try sampleRepository()
        try repo.write("data/big.txt", String(repeating: "a", count: 1_000_000) + "!\n")
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            surfaces:
              blobs:
                extract:
                  regex:
                    files: ["data/*.txt"]
                    pattern: '(?<name>(a+)+$)'

            """)
        try repo.commit("A large file and a pathological pattern")
        let (result, seconds) = try runBounded(
            try semgateBinary(), ["surface"], in: repo.url, environment: environment([:]), deadline: 120)
        let finished = try #require(result, "semgate surface did not finish in 120 s (\(seconds) s)")
        expectNoCrash(finished)
        if finished.status == 2 {
            expectCouldNotRun(finished, mentions: ["blobs"])
        } else {
            #expect(finished.status == 0, "stderr: \(finished.stderr)")
        }
    }

    @Test(
        "an unknown --format is a usage error (64)", arguments: [["check"], ["audit"], ["diff", "v1.0.0", "v1.1.0"]])
    func unknownFormat(command: [String]) throws {
        let repo = try sampleRepository()
        let result = try runSemgate(command + ["--format", "nope"], in: repo.url)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("nope"))
        expectNoCrash(result)
    }

    @Test("--version that is not SemVer gives the reason", arguments: ["1.x", "1.2", "01.2.3", "1.2.3-"])
    func notSemVer(version: String) throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["check", "--version", version], in: repo.url)
        expectCouldNotRun(result, mentions: ["'\(version)'", "SemVer"])
    }
}
