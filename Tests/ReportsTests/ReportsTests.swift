import Foundation
import Gate
import Git
import Policy
import Reports
import SemVer
import Testing
import TestSupport

/// The golden files beside this test (found through `#filePath`, so `SEMGATE_UPDATE_GOLDEN=1` rewrites the sources).
func goldenFile(_ name: String, filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        .appendingPathComponent(name)
}

/// The SampleProject history and an engine over it with its own `.semgate.yml`.
struct Sample {
    let repo: FixtureRepository
    let engine: Engine

    init() throws {
        repo = try SampleProject.repository()
        let repository = try Repository(discovering: repo.url.path)
        let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
        engine = try Engine(repository: repository, policy: policy)
    }

    func report(_ command: String) throws -> Report {
        switch command {
        case "check": return try engine.check(CheckOptions())
        case "check-version-2.1.0": return try engine.check(CheckOptions(head: "v2.1.0", version: try Version("2.1.0")))
        case "audit": return try engine.audit()
        default: throw CocoaError(.featureUnsupported)
        }
    }
}

@Suite("Reports")
struct ReportsTests {
    static let commands = ["check", "check-version-2.1.0", "audit"]

    /// The golden file's extension for each format.
    static let extensions = [
        "json": "json", "text": "txt", "markdown": "md", "github": "github.txt", "sarif": "sarif", "junit": "junit.xml",
    ]

    @Test("every format has a golden file extension")
    func everyFormatHasAGolden() {
        #expect(Set(Renderers.identifiers) == Set(Self.extensions.keys))
    }

    @Test("golden output of every format", arguments: commands, Renderers.identifiers)
    func golden(command: String, format: String) throws {
        let sample = try Sample()
        let renderer = try #require(Renderers.named(format))
        let output = renderer.render(try sample.report(command), options: RenderOptions(color: false))
        #expect(!output.contains(sample.repo.url.path))
        #expect(!output.contains(FileManager.default.temporaryDirectory.path))
        #expect(!output.contains("\u{1B}["))
        let mismatch = try goldenMismatch(
            output, goldenFile: goldenFile("\(command).\(Self.extensions[format] ?? format)"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("every format is byte-identical when rendered twice, and from a second engine on the same history")
    func deterministic() throws {
        let first = try Sample()
        let second = try Sample()
        for command in Self.commands {
            for format in Renderers.all {
                let once = format.init().render(try first.report(command), options: RenderOptions())
                let twice = format.init().render(try first.report(command), options: RenderOptions())
                let other = format.init().render(try second.report(command), options: RenderOptions())
                #expect(once == twice, "\(command) \(format.identifier)")
                #expect(once == other, "\(command) \(format.identifier)")
            }
        }
    }

    private static func decode(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test("the check json carries the schema and every key the spec requires")
    func checkKeys() throws {
        let sample = try Sample()
        let json = try Self.decode(JSONRenderer().render(try sample.report("check-version-2.1.0"), options: .init()))
        #expect(json["schema"] as? String == "semgate/report@1")
        #expect(json["verdict"] as? String == "fail")
        let base = try #require(json["base"] as? [String: Any])
        let head = try #require(json["head"] as? [String: Any])
        #expect(base["rev"] as? String == "v2.0.0")
        #expect(base["version"] as? String == "2.0.0")
        #expect(base["commit"] as? String == (try sample.repo.git("rev-parse", "v2.0.0^{commit}")))
        #expect(head["rev"] as? String == "v2.1.0")
        #expect(head["version"] as? String == "2.1.0")
        #expect(head["commit"] as? String == (try sample.repo.git("rev-parse", "v2.1.0^{commit}")))
        #expect(json["required"] as? String == "major")
        #expect(json["actual"] as? String == "minor")
        #expect(json["next"] as? String == "3.0.0")
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        let change = try #require(changes.first)
        for key in ["surface", "item", "kind", "bump", "before", "after", "location", "experimental"] {
            #expect(change[key] != nil, "changes[] lacks \(key)")
        }
        #expect(change["surface"] as? String == "cli")
        #expect(change["item"] as? String == "cli:flags --verbose")
        #expect(change["kind"] as? String == "removed")
        #expect(change["bump"] as? String == "major")
        #expect(change["after"] is NSNull)
        #expect((change["before"] as? [String: Any])?["stability"] as? String == "stable")
        #expect(change["location"] as? String == "cmd/flags.go:9")
        #expect(change["experimental"] as? Bool == false)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(
            findings.compactMap { $0["rule"] as? String }.sorted() == [
                "breaking-without-major", "removed-without-deprecation",
            ])
        for finding in findings {
            #expect(finding["severity"] as? String == "error")
            #expect(finding["message"] is String)
            #expect(finding["release"] as? String == "2.1.0")
            #expect(finding["item"] as? String == "cli:flags --verbose")
        }
        #expect(json["releases"] == nil)
    }

    @Test("the check json without --version: no actual bump, next is the minor after the last release")
    func checkHeadKeys() throws {
        let sample = try Sample()
        let json = try Self.decode(JSONRenderer().render(try sample.report("check"), options: .init()))
        #expect(json["verdict"] as? String == "pass")
        #expect(json["required"] as? String == "minor")
        #expect(json["actual"] is NSNull)
        #expect(json["next"] as? String == "2.2.0")
        #expect((json["head"] as? [String: Any])?["version"] is NSNull)
        #expect((json["head"] as? [String: Any])?["rev"] as? String == "HEAD")
        #expect((json["base"] as? [String: Any])?["rev"] as? String == "v2.1.0")
    }

    @Test("the audit json adds releases[] with the keys the spec requires")
    func auditKeys() throws {
        let sample = try Sample()
        let json = try Self.decode(JSONRenderer().render(try sample.report("audit"), options: .init()))
        #expect(json["schema"] as? String == "semgate/report@1")
        #expect(json["verdict"] as? String == "fail")
        let releases = try #require(json["releases"] as? [[String: Any]])
        #expect(
            releases.compactMap { $0["version"] as? String } == [
                "0.1.0", "0.2.0", "1.0.0", "1.1.0", "1.1.1", "1.2.0", "2.0.0", "2.1.0",
            ])
        for release in releases {
            for key in [
                "version", "tag", "date", "predecessor", "required", "actual", "verdict", "changes", "findings",
            ] {
                #expect(release[key] != nil, "releases[] lacks \(key)")
            }
        }
        let byVersion = Dictionary(uniqueKeysWithValues: releases.map { ($0["version"] as? String ?? "", $0) })
        #expect(byVersion["1.0.0"]?["date"] as? String == "2024-04-03T00:00:00Z")
        #expect(byVersion["1.1.0"]?["date"] as? String == "2024-05-14T00:00:00Z")
        #expect(byVersion["0.1.0"]?["predecessor"] is NSNull)
        #expect(byVersion["1.1.1"]?["predecessor"] as? String == "1.1.0")
        #expect(byVersion["1.1.1"]?["required"] as? String == "minor")
        #expect(byVersion["1.1.1"]?["actual"] as? String == "patch")
        #expect(byVersion["1.1.1"]?["verdict"] as? String == "fail")
        #expect((byVersion["1.1.1"]?["changes"] as? [Any])?.count == 1)
        let tagRules = (json["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(tagRules == ["duplicate-version", "tag-not-semver"])
    }
}
