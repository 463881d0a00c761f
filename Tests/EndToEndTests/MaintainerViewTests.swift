import Foundation
import Testing
import TestSupport

/// A project that keeps a legacy client while release line 1 is supported: 1.0.0, 1.1.0 (the policy deprecates
/// `api:legacy-client` from 1.1.0 with `remove-when: line 1 deprecated`), 2.0.0, then a head that removes it.
/// `strict.yml` waits for line 2 instead.
private func removalRepository() throws -> FixtureRepository {
    let repo = try FixtureRepository()
    let policy = { (line: String) in
        """
        semgate: 1
        surfaces:
          api: {extract: {list: api.txt}}
        deprecations:
          - {item: "api:legacy-client", since: 1.1.0, remove-when: line \(line) deprecated, use-instead: client}
        support: {preset: k6}
        cadence: {major: 1 year}

        """
    }
    try repo.write(".semgate.yml", policy("1"))
    try repo.write("strict.yml", policy("2"))
    for (tag, day) in [("v1.0.0", "2024-01-10"), ("v1.1.0", "2024-03-01"), ("v2.0.0", "2024-06-03")] {
        try repo.write("api.txt", "legacy-client\nclient\n# \(tag)\n")
        try repo.commit("Release \(tag)", at: FixtureDates.date(day))
        try repo.tag(tag, annotated: true, at: FixtureDates.date(day))
    }
    try repo.write("api.txt", "client\n")
    try repo.commit("Remove the legacy client", at: FixtureDates.date("2024-07-01"))
    return repo
}

@Suite("deprecations and support for maintainers, on the built binary")
struct MaintainerViewTests {
    @Test("a removal is allowed by the release that makes remove-when hold, and refused before it (exit 1)")
    func removalCondition() throws {
        let repo = try removalRepository()
        let allowed = try runSemgate(["check", "--version", "3.0.0", "--repo", repo.url.path])
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        let strict = try runSemgate([
            "check", "--version", "3.0.0", "--repo", repo.url.path, "--format", "json", "--policy",
            repo.url.appendingPathComponent("strict.yml").path,
        ])
        #expect(strict.status == 1, "\(strict.stdout)\(strict.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["rule"] ?? "") \($0["severity"] ?? "")" } == ["removal-condition error"])
        #expect((findings.first?["message"] as? String)?.contains("line 2 is still supported") == true)
    }

    @Test("deprecations shows the condition, whether it holds and its projection; --all adds the removed")
    func deprecations() throws {
        let repo = try removalRepository()
        let live = try runSemgate(
            ["deprecations", "--repo", repo.url.path, "--head", "v2.0.0", "--at", "2024-09-01"],
            environment: ["COLUMNS": "80"])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stderr.isEmpty, "no progress when standard error is not a terminal: \(live.stderr)")
        #expect(live.stdout.contains("api:legacy-client  1.1.0  3.0.0 (next major)  in-window"), "\(live.stdout)")
        #expect(
            live.stdout.contains(
                "remove when line 1 deprecated: not yet, line 1 is supported (projected\n    2025-06-03 when "
                    + "3.0.0 ships, in about 9 months)"), "\(live.stdout)")
        let head = try runSemgate(["deprecations", "--repo", repo.url.path, "--at", "2024-09-01"])
        #expect(head.status == 0)
        #expect(head.stdout.contains("0 live deprecations"), "\(head.stdout)")
        #expect(head.stdout.contains("1 removed (--all lists them)"))
        #expect(!head.stdout.contains("api:legacy-client"))
        let all = try runSemgate(["deprecations", "--all", "--repo", repo.url.path, "--at", "2024-09-01"])
        #expect(all.status == 0)
        #expect(all.stdout.contains("api:legacy-client  1.1.0  removed in 3.0.0") == false)
        #expect(all.stdout.contains("api:legacy-client"), "\(all.stdout)")
        #expect(all.stdout.contains("remove when line 1 deprecated: not yet"))
    }

    @Test("progress goes to standard error only on a terminal, and never with json")
    func progressOnATerminal() throws {
        let repo = try removalRepository()
        let binary = try semgateBinary().path
        let output = repo.url.appendingPathComponent("out.txt").path
        for (format, shows) in [("text", true), ("json", false)] {
            let command =
                "'\(binary)' deprecations --repo '\(repo.url.path)' --at 2024-09-01 --format \(format) > '\(output)'"
            let result = try #require(
                try runProcess(
                    URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: nil,
                    environment: ProcessInfo.processInfo.environment, deadline: 120
                ).result)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("reading [1/3] v1.0.0") == shows, "\(format): \(result.stdout)")
            let written = try String(contentsOfFile: output, encoding: .utf8)
            #expect(!written.contains("reading ["), "progress stays off standard output")
        }
    }

    @Test(
        "support: --since only with the timeline, and a valid date",
        arguments: [
            (["support", "--since", "2024-01-01"], ["--since applies to the timeline only", "--format svg"]),
            (["support", "--format", "svg", "--since", "2024-13-01"], ["invalid date '2024-13-01' for --since"]),
            (["support", "1.0.0", "--since", "2024-01-01"], ["--since applies to the timeline only"]),
        ])
    func sinceNeedsTheTimeline(arguments: [String], mentions: [String]) throws {
        let repo = try removalRepository()
        expectCouldNotRun(try runSemgate(arguments + ["--repo", repo.url.path]), mentions: mentions)
    }

    @Test("support: projected ends, relative times, colour only when asked, --since moves the timeline")
    func support() throws {
        let repo = try removalRepository()
        let text = try runSemgate(
            ["support", "--repo", repo.url.path, "--at", "2024-09-01"], environment: ["COLUMNS": "80"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("2025-06-03*  in about 9 months"), "\(text.stdout)")
        #expect(text.stdout.contains("line 1 ends when 3.0.0 ships, due 2025-06-03"))
        #expect(!text.stdout.contains("\u{1B}["))
        let colour = try runSemgate(
            ["support", "--repo", repo.url.path, "--at", "2024-09-01", "--color", "always"])
        #expect(colour.stdout.contains("\u{1B}[33msupported\u{1B}[0m"))
        let noColour = try runSemgate(
            ["support", "--repo", repo.url.path, "--at", "2024-09-01", "--color", "auto"],
            environment: ["NO_COLOR": "1"])
        #expect(!noColour.stdout.contains("\u{1B}["))
        let svg = try runSemgate([
            "support", "--repo", repo.url.path, "--at", "2024-09-01", "--format", "svg", "--since", "2023-06-15",
        ])
        #expect(svg.status == 0)
        #expect(svg.stdout.contains(">2024</text>") && !svg.stdout.contains(">2022</text>"))
    }
}
