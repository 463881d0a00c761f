import Foundation
import Gate
import Policy
import Reports
import Surface
import Testing

@testable import Reports

@Suite("Findings with one cause are reported once, with what they affect")
struct FindingGroupTests {
    static let commands = ["archive", "cloud run", "inspect", "run", "cloud", "cloud upload"]

    /// One flag removed from a flag set six commands share: six findings of one rule at one source line.
    static func sharedFlagReport() throws -> Report {
        var report = try Sample().report("check")
        report.changes = []
        report.notes = []
        report.findings =
            commands.map { command in
                let item = "cli:k6 \(command) --no-thresholds"
                return Finding(
                    rule: .removedWithoutDeprecation, severity: .error,
                    message: "\(item) was removed but no earlier release marked it deprecated", release: "1.9.0",
                    item: item, location: Location(path: "internal/cmd/options.go", line: 30),
                    remedy: "restore it, or add an exception: exceptions: [{release: 1.9.0, items: [\"\(item)\"]}]")
            } + [
                Finding(
                    rule: .removedWithoutDeprecation, severity: .error,
                    message: "cli:k6 run --quiet was removed but no earlier release marked it deprecated",
                    release: "1.9.0",
                    item: "cli:k6 run --quiet", location: Location(path: "internal/cmd/run.go", line: 12),
                    remedy:
                        "restore it, or add an exception: exceptions: [{release: 1.9.0, items: [\"cli:k6 run --quiet\"]}]"
                )
            ]
        return report
    }

    @Test("text: one finding names the six commands as a brace glob the policy's exceptions accept")
    func text() throws {
        let output = TextRenderer().render(try Self.sharedFlagReport(), options: RenderOptions(width: 400))
        let label = "cli:k6 {archive,cloud run,inspect,run,cloud,cloud upload} --no-thresholds"
        #expect(output.contains("2 errors: removed-without-deprecation (7)") == false)
        #expect(
            output.contains(
                "  error   removed-without-deprecation (6 items, one cause): \(label) was removed but no earlier "
                    + "release marked it deprecated  (internal/cmd/options.go:30)"), "\(output)")
        #expect(output.contains("items: [\"\(label)\"]"), "\(output)")
        #expect(output.contains("removed-without-deprecation: cli:k6 run --quiet was removed"))
        let glob = try Glob(label)
        for command in Self.commands { #expect(glob.matches("cli:k6 \(command) --no-thresholds")) }
        #expect(!glob.matches("cli:k6 run --quiet"))
        // The verdict still counts every finding.
        #expect(output.hasPrefix("FAIL  7 errors: removed-without-deprecation (7)"))
    }

    @Test("json keeps one finding an item and marks the six with the same group; github annotates the cause once")
    func jsonAndGitHub() throws {
        let report = try Self.sharedFlagReport()
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(JSONRenderer().render(report, options: .init()).utf8))
                as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 7)
        let groups = findings.map { $0["group"] as? String }
        #expect(Set(groups.prefix(6)).count == 1 && groups[0]?.hasPrefix("cli:k6 {archive,") == true)
        #expect(findings[6]["group"] is NSNull)
        let github = GitHubRenderer().render(report, options: .init())
        #expect(github.split(separator: "\n").filter { $0.hasPrefix("::error ") }.count == 2)
        #expect(github.contains("title=semgate%3A removed-without-deprecation (6 items%2C one cause)::"))
        let markdown = MarkdownRenderer().render(report, options: .init())
        #expect(
            markdown.contains("`removed-without-deprecation` (6 items, one cause): cli:k6 {archive,"), "\(markdown)")
    }

    @Test("ids that differ in more than a middle part are listed, and the exception hint lists every item")
    func listed() {
        #expect(FindingGroup.braceLabel(["cli:a --x", "cli:b --y"]) == "cli:{a --x,b --y}")
        #expect(FindingGroup.braceLabel(["cli:a --x", "cli:b* --y"]) == nil)
        #expect(FindingGroup.braceLabel(["cli:k6 run --vus", "cli:k6 cloud --vus"]) == "cli:k6 {run,cloud} --vus")
        #expect(FindingGroup.braceLabel(["api:x.{y}", "api:x.z"]) == nil)
        let findings = ["env:A", "env:B"].map { (id: String) -> Finding in
            Finding(
                rule: .removedWithoutDeprecation, severity: .error, message: id + " was removed", release: "1.0.0",
                item: id, location: Location(path: "env.go", line: 3), remedy: "items: [\"" + id + "\"]")
        }
        let group = FindingGroup.grouping(findings)
        #expect(group.count == 1)
        #expect(group[0].label == "env:{A,B}")
    }

    @Test("notes about several lines of one file for one cause become one note; others keep their order")
    func notes() {
        let notes = [
            "cmd/x.go:77: the subcommands of 'k6 x' cannot be followed",
            "a note of its own",
            "cmd/x.go:23: the subcommands of 'k6 x' cannot be followed",
            "cmd/x.go:80: something else",
        ]
        #expect(
            groupedNotes(notes) == [
                "cmd/x.go:23, 77: the subcommands of 'k6 x' cannot be followed", "a note of its own",
                "cmd/x.go:80: something else",
            ])
    }

    /// A removed type and its removed fields and methods: each a finding of its own, at its own line.
    static func removedTypeReport() throws -> Report {
        var report = try Sample().report("check")
        report.changes = []
        report.notes = []
        let type = "packages:example.com/tool/config.Server"
        func removed(_ item: String, line: Int, rule: RuleID = .breakingWithoutMajor, release: String = "1.4.1")
            -> Finding
        {
            Finding(
                rule: rule, severity: .error, message: "removed \(item) needs a major release; \(release) is a patch",
                release: release, item: item, location: Location(path: "config/config.go", line: line),
                remedy: "release it as 2.0.0, or add an exception: exceptions: [{release: \(release), items: [\"\(item)\"]}]")
        }
        report.findings = [
            removed(type, line: 10), removed(type + ".Addr", line: 11), removed(type + ".Port", line: 12),
            removed(type + ".TLS", line: 13), removed(type + ".TLS.Cert", line: 20),
            // Not members: another type whose name starts alike, a member changed (another message), and a member
            // of another release.
            removed("packages:example.com/tool/config.ServerSet", line: 30),
            Finding(
                rule: .breakingWithoutMajor, severity: .error,
                message: "changed type of \(type).Name needs a major release; 1.4.1 is a patch", release: "1.4.1",
                item: type + ".Name", location: Location(path: "config/config.go", line: 14),
                remedy: "release it as 2.0.0"),
            removed(type + ".Mode", line: 15, release: "1.4.2"),
        ]
        return report
    }

    @Test("text: a removed type's removed members fold into its line; the exception hint covers them")
    func foldedMembers() throws {
        let output = TextRenderer().render(try Self.removedTypeReport(), options: RenderOptions(width: 400))
        let type = "packages:example.com/tool/config.Server"
        #expect(
            output.contains(
                "  error   breaking-without-major (5 items, one cause): removed \(type) needs a major release; 1.4.1 is a "
                    + "patch  (config/config.go:10)"), "\(output)")
        #expect(output.contains("          with its members: Addr, Port, TLS, TLS.Cert\n"), "\(output)")
        #expect(output.contains("items: [\"\(type)\", \"\(type).*\"]"), "\(output)")
        for member in ["Addr", "Port", "TLS", "TLS.Cert"] {
            #expect(!output.contains("removed \(type).\(member) needs"), "\(member)")
        }
        // What is not a removed member keeps its own line.
        #expect(output.contains("removed packages:example.com/tool/config.ServerSet needs"))
        #expect(output.contains("changed type of \(type).Name needs"))
        #expect(output.contains("removed \(type).Mode needs a major release; 1.4.2"))
        // The verdict still counts every finding, and json keeps every item.
        #expect(output.hasPrefix("FAIL  8 errors"), "\(output)")
        let json = JSONRenderer().render(try Self.removedTypeReport(), options: RenderOptions())
        #expect(json.contains("\"item\": \"\(type).TLS.Cert\""))
        let glob = try Glob(type + ".*")
        #expect(glob.matches(type + ".TLS.Cert") && !glob.matches("packages:example.com/tool/config.ServerSet"))
    }
}
