import Foundation
import Gate
import Git
import Policy
import Reports
import Testing
import TestSupport

/// `audit` judges 1.1.0-rc.1, 1.1.0-rc.2 and 1.1.0 each against 1.0.0, so a break first shipped in 1.1.0-rc.1 is found
/// at all three: text and markdown list it once, at 1.1.0-rc.1, naming the later releases; json keeps it in every
/// release, marked; every release's verdict stays its own.
@Suite("audit: findings an earlier pre-release of the version reported")
struct PreReleaseRepeatsTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          options:
            extract:
              list: options.txt
        """

    /// 1.0.0; 1.1.0-rc.1 removes `color` (a break in a minor); 1.1.0-rc.2 also removes `quiet`; 1.1.0 ships both;
    /// 1.1.1-rc.1 adds `theme` in a patch, and 1.1.1 drops it again (a release of its own, no repeat).
    static func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", policy)
        let steps: [(day: String, tag: String, options: [String])] = [
            ("2025-01-06", "v1.0.0", ["color", "quiet", "out"]),
            ("2025-02-03", "v1.1.0-rc.1", ["quiet", "out"]),
            ("2025-02-10", "v1.1.0-rc.2", ["out"]),
            ("2025-02-17", "v1.1.0", ["out", "level"]),
            ("2025-03-03", "v1.1.1-rc.1", ["out", "level", "theme"]),
            ("2025-03-10", "v1.1.1", ["out", "level"]),
        ]
        for step in steps {
            try repo.write("options.txt", step.options.joined(separator: "\n") + "\n")
            repo.clock = FixtureDates.date(step.day)
            try repo.commit("release \(step.tag)")
            try repo.tag(step.tag, message: "tool \(step.tag)")
        }
        return repo
    }

    static func audit() throws -> (Report, FixtureRepository) {
        let repo = try repository()
        let repository = try Repository(discovering: repo.url.path)
        let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
        return (try Engine(repository: repository, policy: policy).audit(), repo)
    }

    @Test("golden text, markdown and json of an audit with pre-releases", arguments: ["text", "markdown", "json"])
    func golden(format: String) throws {
        let (report, _) = try Self.audit()
        let renderer = try #require(Renderers.named(format))
        let output = renderer.render(report, options: RenderOptions(color: false))
        let name = "audit-prereleases.\(ReportsTests.extensions[format] ?? format)"
        let mismatch = try goldenMismatch(output, goldenFile: goldenFile(name))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("json keeps every finding of every release and marks the repeats; verdicts are each release's own")
    func jsonKeepsEveryFinding() throws {
        let (report, _) = try Self.audit()
        let rows = try #require(report.releases)
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(JSONRenderer().render(report, options: .init()).utf8))
                as? [String: Any])
        let releases = try #require(json["releases"] as? [[String: Any]])
        #expect(releases.count == rows.count)
        var marks: [String] = []
        for (row, release) in zip(rows, releases) {
            let findings = try #require(release["findings"] as? [[String: Any]])
            #expect(findings.count == row.findings.count)
            #expect(release["verdict"] as? String == row.verdict.rawValue)
            for finding in findings {
                if let first = finding["first_reported"] as? String { marks.append("\(row.release.version) < \(first)") }
                if let later = finding["also_in"] as? [String] {
                    marks.append("\(row.release.version) > \(later.joined(separator: ","))")
                }
            }
        }
        // Each removal is two findings (breaking-without-major, removed-without-deprecation).
        #expect(
            marks == [
                "1.1.0-rc.1 > 1.1.0-rc.2,1.1.0", "1.1.0-rc.1 > 1.1.0-rc.2,1.1.0", "1.1.0-rc.2 < 1.1.0-rc.1",
                "1.1.0-rc.2 > 1.1.0", "1.1.0-rc.2 < 1.1.0-rc.1", "1.1.0-rc.2 > 1.1.0", "1.1.0 < 1.1.0-rc.1",
                "1.1.0 < 1.1.0-rc.2", "1.1.0 < 1.1.0-rc.1", "1.1.0 < 1.1.0-rc.2",
            ])
        #expect(rows.map { "\($0.release.version) \($0.verdict.rawValue)" } == [
            "1.0.0 pass", "1.1.0-rc.1 fail", "1.1.0-rc.2 fail", "1.1.0 fail", "1.1.1-rc.1 fail", "1.1.1 pass",
        ])
    }

    @Test("the json with the new keys validates against the published report schema")
    func schema() throws {
        let (report, _) = try Self.audit()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let schema = try String(contentsOf: root.appendingPathComponent("docs/schemas/report-1.json"), encoding: .utf8)
        let document = try JSON.parse(JSONRenderer().render(report, options: .init()))
        let problems = try JSONSchemaValidator(root: try JSON.parse(schema)).validate(document)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("text lists a repeated finding once and says at each later release how many it repeats")
    func textListsOnce() throws {
        let (report, _) = try Self.audit()
        let text = TextRenderer().render(report, options: RenderOptions(color: false, width: 200))
        #expect(text.components(separatedBy: "removed options:color").count == 2)
        #expect(text.contains("(also in 1.1.0-rc.2, 1.1.0)"))
        #expect(text.contains("2 findings already listed at 1.1.0-rc.1, not repeated here"))
        #expect(text.contains("4 findings already listed at 1.1.0-rc.1, 1.1.0-rc.2, not repeated here"))
    }
}
