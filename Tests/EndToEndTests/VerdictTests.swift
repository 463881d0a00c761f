import Foundation
import Testing
import TestSupport

@Suite("Verdicts on the sample project")
struct VerdictTests {
    @Test("audit fails: the history has violations")
    func auditFails() throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        #expect(report?["verdict"] as? String == "fail")
        let rules = Set(values(of: "rule", in: "findings", of: report))
            .union(
                (report?["releases"] as? [[String: Any]] ?? []).flatMap { values(of: "rule", in: "findings", of: $0) })
        #expect(rules.isSuperset(of: ["feature-in-patch", "breaking-without-major", "removed-without-deprecation"]))
        let failing = (report?["releases"] as? [[String: Any]] ?? []).filter { $0["verdict"] as? String == "fail" }
        #expect(Set(failing.compactMap { $0["version"] as? String }) == ["1.1.1", "2.1.0"])
    }

    /// A project whose one surface is the list file `api.txt`, holding `a` in its first commit (returned).
    private static func listProject() throws -> (FixtureRepository, String) {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      list: api.txt\n")
        try repo.write("api.txt", "a\n")
        return (repo, try repo.commit("a"))
    }

    @Test("a patch tag on a commit older than the release it follows, that does not contain it, is named in a note")
    func outOfLineTag() throws {
        let (repo, old) = try Self.listProject()
        try repo.tag("v1.1.0")
        try repo.write("api.txt", "a\nb\n")
        try repo.commit("b")
        try repo.tag("v1.2.0")
        // A tag of something else on the old commit, and a true patch release after 1.2.0.
        try repo.tag("v1.2.5", target: old)
        try repo.write("api.txt", "a\nb\nc\n")
        try repo.commit("c")
        try repo.tag("v1.2.6")
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let notes = (jsonObject(result.stdout)?["notes"] as? [String] ?? []).filter { $0.contains("is older than") }
        #expect(
            notes == [
                "tag 'v1.2.5' (2024-01-01) is older than 'v1.2.0' (2024-01-02), the release before it on line 1.2, and "
                    + "does not contain it: it may be a tag of something else; it is judged against its predecessor, "
                    + "and the releases after it against it; if it is not a release of this project, add it to "
                    + "releases.ignore"
            ], "\(notes)")
    }

    @Test("a patch tag that contains the first release of a later line is named in a note; a backport is not")
    func patchContainingLaterLine() throws {
        let (repo, one) = try Self.listProject()
        try repo.tag("v1.0.0")
        try repo.write("api.txt", "a\nb\n")
        try repo.commit("b")
        try repo.tag("v1.1.0")
        // A test tag on the main branch after 1.1.0, and a true backport on a branch from 1.0.0.
        try repo.commit("ci")
        try repo.tag("v1.0.1")
        try repo.branch("release-1.0", at: one)
        try repo.checkout("release-1.0")
        try repo.write("api.txt", "a\n# fix\n")
        try repo.commit("fix")
        try repo.tag("v1.0.2")
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let notes = (jsonObject(result.stdout)?["notes"] as? [String] ?? []).filter { $0.hasPrefix("tag '") }
        #expect(
            notes == [
                "tag 'v1.0.1' (2024-01-03) contains 'v1.1.0' (2024-01-02), the first release of a later line, which "
                    + "no patch of line 1.0 would: it may be a tag of something else; it is judged against its "
                    + "predecessor, and the releases after it against it; if it is not a release of this project, add "
                    + "it to releases.ignore"
            ], "\(notes)")
    }

    @Test("another project's tags, on a history that shares no commit with the project's, are not judged, nor judged against")
    func unrelatedHistoryTags() throws {
        let (repo, _) = try Self.listProject()
        try repo.tag("v0.9.0")
        try repo.write("api.txt", "a\nb\n")
        try repo.commit("b")
        try repo.tag("v1.0.0")
        // Another project's history in the same repository, tagged between the project's releases.
        try repo.git("checkout", "--quiet", "--orphan", "client")
        try repo.git("rm", "-r", "--quiet", "--cached", ".")
        try repo.write("api.txt", "z\n")
        try repo.commit("client")
        try repo.tag("v1.0.1")
        try repo.commit("client fix")
        try repo.tag("v1.0.2")
        try repo.checkout("main")
        // The project's next release removes `b`: judged against 1.0.0, not against the client's 1.0.2.
        try repo.write("api.txt", "a\nc\n")
        try repo.commit("c")
        try repo.tag("v1.1.0")
        try repo.commit("later")
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        let rows = report?["releases"] as? [[String: Any]] ?? []
        #expect(rows.compactMap { $0["version"] as? String } == ["0.9.0", "1.0.0", "1.1.0"])
        #expect(rows.last?["predecessor"] as? String == "1.0.0")
        let rules = rows.last.map { values(of: "rule", in: "findings", of: $0) } ?? []
        #expect(rules.contains("removed-without-deprecation"), "\(rows)")
        let notes = (report?["notes"] as? [String] ?? []).filter { $0.contains("share no commit") }
        #expect(
            notes == [
                "2 release tags ('v1.0.1' and 'v1.0.2') share no commit with the other 3 releases ('v0.9.0', "
                    + "'v1.0.0' and 'v1.1.0') or with HEAD: another project's tags? Not judged, and no release is judged against "
                    + "them; if they are releases of this project, its history has to join the others'; else list "
                    + "them in releases.ignore"
            ], "\(notes)")
    }

    @Test("audit --from judges the same rows as the whole audit does (the releases before it are read, not judged)")
    func auditFrom() throws {
        let repo = try sampleRepository()
        let whole = jsonObject(try runSemgate(["audit", "--format", "json"], in: repo.url).stdout)
        let rows = (whole?["releases"] as? [[String: Any]] ?? []).filter {
            ($0["version"] as? String).map { ["2.0.0", "2.1.0"].contains($0) } == true
        }
        let result = try runSemgate(["audit", "--from", "2.0.0", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let from = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        #expect(from.count == 2)
        #expect(from.map { NSDictionary(dictionary: $0) } == rows.map { NSDictionary(dictionary: $0) })
    }

    @Test(
        "audit over a range that holds no release exits 2 naming the releases there are, never a pass of nothing",
        arguments: [
            (["--from", "5.0.0"], ["no release lies from 5.0.0", "the releases run from"]),
            (["--to", "0.0.1"], ["no release lies to 0.0.1", "the releases run from"]),
            (["--from", "2.1.0", "--to", "2.0.0"], ["--from 2.1.0 comes after --to 2.0.0"]),
        ])
    func auditEmptyRange(range: [String], mentions: [String]) throws {
        let repo = try sampleRepository()
        expectCouldNotRun(try runSemgate(["audit"] + range, in: repo.url), mentions: mentions)
    }

    @Test(
        "check --version: a minor passes, a patch fails, the tag form works",
        arguments: [
            ("2.2.0", Int32(0)), ("v2.2.0", 0), ("2.1.1", 1), ("3.0.0", 0),
        ])
    func checkVersion(version: String, status: Int32) throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["check", "--version", version, "--format", "json"], in: repo.url)
        #expect(result.status == status, "stderr: \(result.stderr)\nstdout: \(result.stdout)")
        let report = jsonObject(result.stdout)
        #expect(report?["required"] as? String == "minor")
        #expect((report?["base"] as? [String: Any])?["rev"] as? String == "v2.1.0")
        let rules = values(of: "rule", in: "findings", of: report)
        #expect(rules.contains("feature-in-patch") == (status == 1), "findings: \(rules)")
    }

    @Test("check --head at a release tag judges that release against its predecessor, not against itself")
    func checkTaggedHead() throws {
        let repo = try sampleRepository()
        let audit = jsonObject(try runSemgate(["audit", "--format", "json"], in: repo.url).stdout)
        let row = (audit?["releases"] as? [[String: Any]] ?? []).first { $0["version"] as? String == "2.1.0" }
        let result = try runSemgate(["check", "--head", "v2.1.0", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        #expect((report?["base"] as? [String: Any])?["version"] as? String == row?["predecessor"] as? String)
        #expect(
            Set(values(of: "rule", in: "findings", of: report)) == Set(values(of: "rule", in: "findings", of: row)))
        #expect((report?["notes"] as? [String] ?? []).contains { $0.hasPrefix("head v2.1.0 is a release") })
        // --version still decides when given: as a major, the same changes pass.
        let major = try runSemgate(["check", "--head", "v2.1.0", "--version", "3.0.0"], in: repo.url)
        #expect(major.status == 0, "stdout: \(major.stdout)")
    }

    @Test(
        "check --allow patch fails on a branch with a feature; --allow minor passes",
        arguments: [
            ("patch", Int32(1)), ("minor", 0), ("major", 0),
        ])
    func checkAllow(allow: String, status: Int32) throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["check", "--allow", allow], in: repo.url)
        #expect(result.status == status, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
    }

    @Test(
        "next prints the version the unreleased changes need",
        arguments: [
            ([String](), "2.2.0\n"), (["--pre", "rc"], "2.2.0-rc.1\n"),
        ])
    func next(flags: [String], expected: String) throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["next"] + flags, in: repo.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == expected)
    }

    @Test("next prints nothing when HEAD is the last release")
    func nextAtARelease() throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["next", "--head", "v2.1.0"], in: repo.url)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "semgate: nothing to release: v2.1.0 is already released (2.1.0); the next version needs commits "
                + "after it\n")
        #expect(!result.stderr.contains("v2.1.0 is v2.1.0"))
    }

    @Test("diff --format json is a versioned report with the removed flag")
    func diffJSON() throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["diff", "v2.0.0", "v2.1.0", "--format", "json"], in: repo.url)
        #expect(result.status == 0 || result.status == 1, "stderr: \(result.stderr)")
        let report = try #require(jsonObject(result.stdout))
        #expect(report["schema"] as? String == "semgate/report@1")
        let changes = report["changes"] as? [[String: Any]] ?? []
        let removed = changes.first { $0["item"] as? String == "cli:flags --verbose" }
        #expect(removed?["kind"] as? String == "removed")
        #expect(removed?["bump"] as? String == "major")
        #expect(report["required"] as? String == "major")
    }

    @Test(
        "json output is byte-identical across runs",
        arguments: [
            ["audit"], ["check"], ["check", "--version", "2.1.1"], ["diff", "v1.0.0", "HEAD"], ["surface", "v1.2.0"],
        ])
    func deterministicJSON(command: [String]) throws {
        let repo = try sampleRepository()
        let first = try runSemgate(command + ["--format", "json"], in: repo.url)
        let second = try runSemgate(command + ["--format", "json"], in: repo.url)
        #expect(first.status == second.status)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        _ = jsonObject(first.stdout)
    }

    @Test("surface --write then --check pass; after a change --check fails and names the drift")
    func surfaceSnapshot() throws {
        let repo = try sampleRepository()
        let folder = try TemporaryFolder()
        let snapshot = folder.url.appendingPathComponent("surface.txt").path

        let written = try runSemgate(["surface", "--write", snapshot], in: repo.url)
        #expect(written.status == 0, "stderr: \(written.stderr)")
        let contents = try String(contentsOfFile: snapshot, encoding: .utf8)
        #expect(contents.contains("\"cli:flags --quiet\" type=Bool"))
        #expect(contents.contains("options:summary-mode"))

        let matching = try runSemgate(["surface", "--check", snapshot], in: repo.url)
        #expect(matching.status == 0, "stdout: \(matching.stdout)")

        // Saved by a Windows editor (a BOM, CRLF, no final line break) or as UTF-16 it reads the same; with its
        // last item dropped it still differs.
        let lines = contents.split(separator: "\n").map(String.init)
        func windows(_ lines: [String]) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\r\n").utf8) }
        let variants: [(name: String, bytes: [UInt8], status: Int32)] = [
            ("bom-crlf", windows(lines), 0), ("lf-no-final-newline", Array(lines.joined(separator: "\n").utf8), 0),
            (
                "utf16",
                [0xFF, 0xFE]
                    + (lines.joined(separator: "\r\n") + "\r\n").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, 0
            ),
            ("bom-crlf-lost-item", windows(Array(lines.dropLast())), 1),
        ]
        for variant in variants {
            let file = folder.url.appendingPathComponent(variant.name).path
            try Data(variant.bytes).write(to: URL(fileURLWithPath: file))
            let result = try runSemgate(["surface", "--check", file], in: repo.url)
            #expect(result.status == variant.status, "\(variant.name): \(result.stdout) \(result.stderr)")
            if variant.status == 1 { #expect(result.stdout.contains("+ \(lines[lines.count - 1])")) }
        }

        let options = repo.url.appendingPathComponent("policy/options.txt")
        let current = try String(contentsOf: options, encoding: .utf8)
        try repo.write("policy/options.txt", current + "extra type=int env=TOOL_EXTRA\n")
        try repo.commit("Add the extra option")
        let drifted = try runSemgate(["surface", "--check", snapshot], in: repo.url)
        #expect(drifted.status == 1, "stdout: \(drifted.stdout)\nstderr: \(drifted.stderr)")
        #expect(drifted.stdout.contains("+ options:extra"))

        let older = try runSemgate(["surface", "v2.0.0", "--check", snapshot], in: repo.url)
        #expect(older.status == 1)
        #expect(older.stdout.contains("+ \"cli:flags --verbose\""))

        // An item respelled with other bytes that Swift's `==` calls equal (precomposed, then a combining accent).
        try repo.write("policy/options.txt", current + "caf\u{e9} type=int\n")
        try repo.commit("Add the precomposed option")
        #expect(try runSemgate(["surface", "--write", snapshot], in: repo.url).status == 0)
        try repo.write("policy/options.txt", current + "cafe\u{301} type=int\n")
        try repo.commit("Respell it")
        let respelled = try runSemgate(["surface", "--check", snapshot], in: repo.url)
        #expect(respelled.status == 1, "stdout: \(respelled.stdout)")
    }

    @Test("policy validate accepts the sample policy")
    func policyValidate() throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["policy", "validate"], in: repo.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("valid"))
        #expect(result.stdout.contains("4 surfaces"))
    }
}

@Suite("Colour")
struct ColourTests {
    @Test(
        "--color always draws colour; --color never and NO_COLOR=1 do not",
        arguments: [
            (["--color", "always"], [String: String](), true),
            (["--color", "never"], [:], false),
            ([], ["NO_COLOR": "1"], false),
            (["--color", "auto"], ["NO_COLOR": "1"], false),
        ])
    func colour(flags: [String], overrides: [String: String], coloured: Bool) throws {
        let repo = try sampleRepository()
        let result = try runSemgate(["check", "--allow", "patch"] + flags, in: repo.url, environment: overrides)
        #expect(result.status == 1)
        #expect(containsANSI(result.stdout) == coloured, "stdout: \(result.stdout)")
    }

    /// On a terminal, `auto` draws colour unless NO_COLOR is set; `script` gives the child a pseudo-terminal.
    @Test(
        "on a terminal, auto colours unless NO_COLOR is set",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")),
        arguments: [("", true), ("1", false)])
    func colourOnATerminal(noColor: String, coloured: Bool) throws {
        let repo = try sampleRepository()
        let binary = try semgateBinary().path.replacingOccurrences(of: "'", with: #"'\''"#)
        let (result, _) = try runBounded(
            URL(fileURLWithPath: "/usr/bin/script"),
            ["-qec", "'\(binary)' check --allow patch 2>/dev/null", "/dev/null"],
            in: repo.url, environment: environment(["NO_COLOR": noColor, "TERM": "xterm"]), deadline: 120)
        let output = try #require(result)
        #expect(output.stdout.contains("bump-not-allowed") || output.stdout.contains("FAIL"), "\(output.stdout)")
        #expect(containsANSI(output.stdout) == coloured, "\(output.stdout)")
    }
}

@Suite("--only: a focused view with the whole verdict")
struct FocusTests {
    @Test("check --only hides findings outside the view but still fails, and says so")
    func checkKeepsTheWholeVerdict() throws {
        let repo = try sampleRepository()
        let result = try runSemgate(
            ["check", "--version", "2.1.1", "--only", "metrics:**", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)\nstdout: \(result.stdout)")
        let report = jsonObject(result.stdout)
        #expect(report?["verdict"] as? String == "fail")
        #expect(values(of: "rule", in: "findings", of: report).isEmpty)
        #expect(values(of: "item", in: "changes", of: report).isEmpty)
        let focus = report?["focus"] as? [String: Any]
        #expect(focus?["only"] as? [String] == ["metrics:**"])
        #expect((focus?["hidden_findings"] as? Int ?? 0) >= 1)
        #expect((focus?["hidden_changes"] as? Int ?? 0) >= 1)
        let text = try runSemgate(
            ["check", "--version", "2.1.1", "--only", "metrics:**"], in: repo.url, environment: ["COLUMNS": "300"])
        #expect(text.status == 1)
        // The reason is the whole surface's, as the verdict is.
        #expect(text.stdout.hasPrefix("FAIL  1 error: "), "\(text.stdout)")
        #expect(text.stdout.contains("showing only 'metrics:**'"), "\(text.stdout)")
        #expect(text.stdout.contains("the verdict (fail) and the bump required are those of the whole surface"))
    }

    @Test("diff and surface --only show the matching items only; without --only the JSON has no focus")
    func diffAndSurface() throws {
        let repo = try sampleRepository()
        let diff = jsonObject(
            try runSemgate(["diff", "v1.0.0", "v2.1.0", "--only", "options:**", "--format", "json"], in: repo.url)
                .stdout)
        let items = values(of: "item", in: "changes", of: diff)
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0.hasPrefix("options:") }, "\(items)")
        let whole = jsonObject(try runSemgate(["diff", "v1.0.0", "v2.1.0", "--format", "json"], in: repo.url).stdout)
        #expect(whole?["focus"] == nil)
        #expect(values(of: "item", in: "changes", of: whole).count > items.count)
        let surface = jsonObject(
            try runSemgate(
                ["surface", "v2.1.0", "--only", "metrics:*", "--only", "cli:*", "--format", "json"],
                in: repo.url
            ).stdout)
        let shown = values(of: "item", in: "items", of: surface)
        #expect(!shown.isEmpty)
        #expect(shown.allSatisfy { $0.hasPrefix("metrics:") || $0.hasPrefix("cli:") }, "\(shown)")
    }

    @Test("a bad --only glob exits 2 naming it; --only with a snapshot file is refused")
    func badInput() throws {
        let repo = try sampleRepository()
        let bad = try runSemgate(["diff", "v1.0.0", "v2.1.0", "--only", "metrics:[a"], in: repo.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("invalid --only glob 'metrics:[a'"), "\(bad.stderr)")
        let snapshot = try runSemgate(["surface", "--only", "metrics:*", "--check", "x.txt"], in: repo.url)
        #expect(snapshot.status == 64, "\(snapshot.stderr)")
    }
}
