import Foundation
import Testing
import TestSupport

/// A new repository holding the LifecycleProject history.
private func lifecycleRepository() throws -> FixtureRepository {
    try LifecycleProject.repository()
}

@Suite("support, fix-targets and deprecations on the built binary")
struct LifecycleCommandTests {
    @Test(
        "answers exit 0 in every format",
        arguments: [
            ["support"], ["support", "--format", "json"], ["support", "--format", "endoflife"],
            ["support", "--format", "svg"], ["support", "1.1.0"], ["support", "v1.1.0", "--format", "json"],
            ["support", "2.1.0"], ["fix-targets", "1.1.0"], ["fix-targets", "v2.0.0", "--format", "json"],
            ["deprecations"], ["deprecations", "--format", "json", "--head", "v2.1.0"],
        ])
    func answers(arguments: [String]) throws {
        let repo = try lifecycleRepository()
        let result = try runSemgate(arguments + ["--repo", repo.url.path, "--at", "2025-09-01"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        expectNoCrash(result)
        #expect(!result.stdout.isEmpty)
    }

    @Test("support VERSION that gets no fixes still exits 0 and says where to upgrade")
    func unsupportedVersion() throws {
        let repo = try lifecycleRepository()
        let result = try runSemgate(["support", "1.0.0", "--repo", repo.url.path, "--at", "2025-09-01"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("It gets no fixes"))
        #expect(result.stdout.contains("Upgrade to 1.3.0"))
    }

    @Test("the same day gives byte-identical json and svg")
    func deterministic() throws {
        let repo = try lifecycleRepository()
        for format in ["json", "svg", "endoflife"] {
            let arguments = ["support", "--repo", repo.url.path, "--at", "2025-09-01", "--format", format]
            #expect(try runSemgate(arguments).stdout == runSemgate(arguments).stdout, "\(format)")
        }
    }

    @Test(
        "bad input exits 2 with one line naming the fix",
        arguments: [
            (["support", "--at", "2025-13-01"], ["invalid date '2025-13-01'", "YYYY-MM-DD"]),
            (["support", "--at", "yesterday"], ["invalid date 'yesterday'"]),
            (["support", "1.x"], ["1.x"]),
            (["support", "7.0.0"], ["no release on line 7", "the lines are: 2, 1"]),
            (["fix-targets", "banana"], ["banana"]),
            (["support", "--at", "2020-01-01", "1.0.0"], ["no release was published by 2020-01-01"]),
            (["deprecations", "--head", "no-such-rev"], ["no-such-rev"]),
        ])
    func badInput(arguments: [String], mentions: [String]) throws {
        let repo = try lifecycleRepository()
        let result = try runSemgate(arguments + ["--repo", repo.url.path])
        expectCouldNotRun(result, mentions: mentions)
    }

    @Test(
        "an unknown --format is a usage error (64), as for check, naming the formats that apply",
        arguments: [
            (["support", "--format", "sarif"], ["unknown format 'sarif' for support", "endoflife, svg"]),
            (["support", "1.1.0", "--format", "svg"], ["unknown format 'svg' for support VERSION", "text, json"]),
            (["fix-targets", "1.1.0", "--format", "endoflife"], ["unknown format 'endoflife' for fix-targets"]),
            (["deprecations", "--format", "bogus"], ["unknown format 'bogus' for deprecations"]),
        ])
    func unknownFormat(arguments: [String], mentions: [String]) throws {
        let repo = try lifecycleRepository()
        let result = try runSemgate(arguments + ["--repo", repo.url.path])
        #expect(result.status == 64, "stderr: \(result.stderr)")
        for text in mentions { #expect(result.stderr.contains(text), "stderr: \(result.stderr)") }
        expectNoCrash(result)
    }

    @Test("a policy without a support section: support and fix-targets exit 2 and say what to add")
    func noSupportSection() throws {
        let repo = try sampleRepository()
        for command in [["support"], ["fix-targets", "1.0.0"]] {
            let result = try runSemgate(command + ["--repo", repo.url.path])
            expectCouldNotRun(result, mentions: ["no 'support' section", "support: {preset: k6}"])
        }
    }

    @Test("audit reports minor-on-supported-line as a warning and the short deprecation period as an error")
    func auditFindings() throws {
        let repo = try lifecycleRepository()
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let releases = try #require(json["releases"] as? [[String: Any]])
        let findings = releases.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        let rules = findings.map { "\($0["rule"] ?? "") \($0["severity"] ?? "")" }
        #expect(rules.contains("minor-on-supported-line warning"))
        #expect(rules.contains("deprecation-window error"))
        #expect(rules.contains("promotion-window warning"))
    }
}
