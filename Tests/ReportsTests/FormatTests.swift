import Foundation
@testable import Gate
import Policy
@testable import Reports
@testable import Surface
import Testing
import TestSupport

/// The official SARIF 2.1.0 schema, copied into this test target as a resource.
func sarifValidator() throws -> JSONSchemaValidator {
    let url = try #require(
        Bundle.module.url(forResource: "sarif-schema-2.1.0", withExtension: "json", subdirectory: "Schemas"))
    return JSONSchemaValidator(root: try JSON.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
}

@Suite("SARIF, JUnit, GitHub and markdown formats")
struct FormatTests {
    @Test(
        "sarif of check, check --version and audit is valid against the official SARIF 2.1.0 schema",
        arguments: ReportsTests.commands)
    func sarifIsValid(command: String) throws {
        let output = SARIFRenderer().render(try Sample().report(command), options: RenderOptions())
        let problems = try sarifValidator().validate(try JSON.parse(output))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("notes (a Go file that does not parse) are SARIF tool execution notifications, valid against the schema")
    func sarifNotes() throws {
        var report = try Sample().report("check")
        report.notes = ["api/broken.go does not parse at 3:9: expected a type\n::error::x"]
        let output = SARIFRenderer().render(report, options: RenderOptions())
        #expect(try sarifValidator().validate(try JSON.parse(output)).isEmpty)
        #expect(output.contains(#""toolExecutionNotifications""#))
        #expect(output.contains("api/broken.go does not parse at 3:9: expected a type␊::error::x"))
    }

    /// A SARIF document with one run of a tool named by `driver`, holding `results`.
    private static func document(results: String = "[]", driver: String = #"{"name": "x"}"#) -> String {
        #"{"version": "2.1.0", "runs": [{"tool": {"driver": \#(driver)}, "results": \#(results)}]}"#
    }

    /// One result with message `m` and a location whose artifact is `uri` and region `region`.
    private static func located(uri: String, region: String = "{}") -> String {
        #"[{"message": {"text": "m"}, "locations": [{"physicalLocation": "#
            + #"{"artifactLocation": {"uri": "\#(uri)"}, "region": \#(region)}}]}]"#
    }

    /// Valid SARIF, each broken in one way the schema forbids.
    static let brokenSARIF: [(String, String)] = [
        ("no version", #"{"runs": []}"#),
        ("wrong version", #"{"version": "2.0.0", "runs": []}"#),
        ("runs not an array", #"{"version": "2.1.0", "runs": {}}"#),
        ("tool without driver", #"{"version": "2.1.0", "runs": [{"tool": {}}]}"#),
        ("unknown level", document(results: #"[{"level": "fatal", "message": {"text": "m"}}]"#)),
        ("startLine 0", document(results: located(uri: "a", region: #"{"startLine": 0}"#))),
        ("unknown property on a result", document(results: #"[{"message": {"text": "m"}, "sevrity": "high"}]"#)),
        ("ruleIndex not an integer", document(results: #"[{"message": {"text": "m"}, "ruleIndex": 1.5}]"#)),
        ("duplicate rules", document(driver: #"{"name": "x", "rules": [{"id": "a"}, {"id": "a"}]}"#)),
        ("uri with a space", document(results: located(uri: "a b", region: #"{"startLine": 1}"#))),
        ("region without a start", document(results: located(uri: "a"))),
        ("message without text or id", document(results: #"[{"message": {}}]"#)),
    ]

    @Test("the validator rejects broken SARIF documents", arguments: brokenSARIF.map(\.0))
    func validatorRejects(name: String) throws {
        let document = try #require(Self.brokenSARIF.first { $0.0 == name }?.1)
        let problems = try sarifValidator().validate(try JSON.parse(document))
        #expect(!problems.isEmpty, "\(name) was accepted")
    }

    @Test("the validator accepts a minimal valid SARIF document")
    func validatorAccepts() throws {
        #expect(try sarifValidator().validate(try JSON.parse(Self.document())).isEmpty)
        #expect(
            try sarifValidator().validate(
                try JSON.parse(Self.document(results: Self.located(uri: "a%20b", region: #"{"startLine": 1}"#)))
            ).isEmpty)
    }

    @Test("the validator refuses a schema keyword it does not understand instead of passing")
    func validatorRefusesUnknownKeywords() throws {
        for keyword in [#""maxLength": 3"#, #""patternProperties": {}"#, #""not": {}"#, #""if": {}"#] {
            let validator = JSONSchemaValidator(root: try JSON.parse("{\"type\": \"string\", \(keyword)}"))
            #expect(throws: JSONSchemaError.self, "\(keyword)") { try validator.validate(.string("abcd")) }
        }
    }

    @Test(
        "the JSON parser rejects what is not JSON",
        arguments: ["{", "[1,]", #"{"a": 1, "a": 2}"#, "01", "\"\u{1}\"", "[] x", "{'a': 1}", "nul"])
    func parserRejects(text: String) {
        #expect(throws: JSONSchemaError.self) { try JSON.parse(text) }
    }

    @Test("sarif has a rule entry with help text for every rule id, and results point at their rule")
    func sarifRules() throws {
        let output = SARIFRenderer().render(try Sample().report("audit"), options: RenderOptions())
        let run = try #require(
            JSON.parse(output)["runs"].flatMap { if case .array(let runs) = $0 { runs.first } else { nil } })
        guard case .array(let rules)? = run["tool"]?["driver"]?["rules"] else {
            Issue.record("no rules")
            return
        }
        #expect(rules.count == Rule.all.count)
        for (index, rule) in Rule.all.enumerated() {
            #expect(rules[index]["id"] == .string(rule.name))
            #expect(rules[index]["help"]?["text"] == .string(rule.explanation + "\n\n" + rule.remedy))
            #expect(rules[index]["help"]?["markdown"] == .string(RuleDocs.section(rule, heading: "###")))
            #expect(rules[index]["shortDescription"]?["text"] == .string(rule.summary))
        }
        guard case .array(let results)? = run["results"] else {
            Issue.record("no results")
            return
        }
        #expect(results.count == 6)
        var fingerprints: Set<String> = []
        for result in results {
            guard case .string(let id)? = result["ruleId"], case .number(let index, _)? = result["ruleIndex"],
                case .string(let fingerprint)? = result["partialFingerprints"]?[SARIFRenderer.fingerprintKey]
            else {
                Issue.record("result without ruleId, ruleIndex or fingerprint")
                continue
            }
            #expect(RuleID.allCases[Int(index)].id == id)
            fingerprints.insert(fingerprint)
        }
        #expect(fingerprints.count == results.count, "fingerprints are distinct")
        // GitHub code scanning refuses a result without a location: tag findings point at the policy file.
        for result in results {
            guard case .array(let locations)? = result["locations"], let first = locations.first else {
                Issue.record("a result without a location: \(result)")
                continue
            }
            if result["ruleId"] == .string("duplicate-version") || result["ruleId"] == .string("tag-not-semver") {
                #expect(first["physicalLocation"]?["artifactLocation"]?["uri"] == .string(".semgate.yml"))
            }
        }
        // The finding the 1.2.0 exception excused is a suppressed result with the exception's reason.
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1)
        #expect(suppressed.first?["level"] == .string("note"))
    }

    @Test(
        "junit has one test case per rule per release, failures exactly for error findings",
        arguments: ReportsTests.commands)
    func junitStructure(command: String) throws {
        let report = try Sample().report(command)
        let root = try XMLChecker.parse(JUnitRenderer().render(report, options: RenderOptions()))
        #expect(root.name == "testsuites")
        let suites = root.elements("testsuite")
        let releaseRules = RuleID.allCases.filter { ![.tagNotSemver, .duplicateVersion].contains($0) }
        var expectedSuites: [(cases: Int, failing: Set<String>)] = []
        if let rows = report.releases {
            for row in rows {
                let failing = Set(row.findings.filter { $0.severity == .error }.map(\.rule.id))
                expectedSuites.append((releaseRules.count, row.predecessor == nil ? [] : failing))
            }
            expectedSuites.append((2, Set(report.findings.filter { $0.severity == .error }.map(\.rule.id))))
        } else {
            expectedSuites.append(
                (releaseRules.count, Set(report.findings.filter { $0.severity == .error }.map(\.rule.id))))
        }
        #expect(suites.count == expectedSuites.count)
        var total = 0
        var totalFailures = 0
        for (suite, expected) in zip(suites, expectedSuites) {
            let cases = suite.elements("testcase")
            #expect(cases.count == expected.cases)
            #expect(Set(cases.map { $0.attributes["name"] ?? "" }).count == cases.count, "one case a rule")
            let failing = Set(cases.filter { !$0.elements("failure").isEmpty }.compactMap { $0.attributes["name"] })
            #expect(failing == expected.failing, "\(suite.attributes["name"] ?? "")")
            #expect(suite.attributes["tests"] == String(cases.count))
            #expect(suite.attributes["failures"] == String(failing.count))
            total += cases.count
            totalFailures += failing.count
        }
        #expect(root.attributes["tests"] == String(total))
        #expect(root.attributes["failures"] == String(totalFailures))
    }

    @Test("markdown stays within a pull-request comment: 3,000 findings and changes shrink to fit, errors first")
    func markdownBudget() throws {
        var report = try Sample().report("check-version-2.1.0")
        let template = try #require(report.changes.first)
        let padding = String(repeating: "long-name-", count: 30)
        report.changes = (0..<3_000).map { index in
            Change(
                surface: template.surface, key: "\(padding)\(index)", kind: .removed, bump: .major,
                before: template.before, after: nil, changedAttributes: [], experimental: false)
        }
        report.findings =
            (0..<3_000).map {
                Finding(rule: .removedWithoutDeprecation, severity: .note, message: "\(padding) \($0) was removed")
            } + [Finding(rule: .breakingWithoutMajor, severity: .error, message: "the one error")]
        let output = MarkdownRenderer().render(report, options: RenderOptions(minSeverity: .note))
        #expect(output.utf8.count <= MarkdownRenderer.characterBudget)
        #expect(output.contains("more (see `--format json`)"))
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| cli:") }.count
        #expect(rows > 0 && rows < MarkdownRenderer.limits[0].rows, "the table shrank to fit: \(rows) rows")
        let findings = output.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(findings.first?.contains("the one error") == true, "errors come first")
        #expect(output.components(separatedBy: "<details").count == output.components(separatedBy: "</details>").count)
        // One change is shown inline, not as a table or collapsed.
        let single = MarkdownRenderer().render(try Sample().report("check"), options: RenderOptions())
        #expect(single.contains("- **added** cli:flags --quiet: needs **minor** (cmd/flags.go:10)"), "\(single)")
        #expect(!single.contains("<details") && !single.contains("| cli |"))
    }

    @Test(
        "the XML checker rejects documents that are not well-formed",
        arguments: [
            "<a><b></a>", "<a>", "<a x=\"1\" x=\"2\"/>", "<a>&bogus;</a>", "<a>\u{1}</a>", "<a>]]></a>",
            "<a x=\"<\"/>", "<a/><b/>", "text<a/>", "<a x=1/>", "<a>&#0;</a>",
        ])
    func xmlCheckerRejects(text: String) {
        #expect(throws: XMLChecker.Failure.self) { try XMLChecker.parse(text) }
    }

    @Test(
        "workflow command escaping follows GitHub's rules for data and properties",
        arguments: [
            ("100%", "100%25", "100%25"), ("a\nb", "a%0Ab", "a%0Ab"), ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
            ("%0A", "%250A", "%250A"), ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
            (
                "::set-env name=x::y", "::set-env name=x::y",
                "%3A%3Aset-env name=x%3A%3Ay"
            ),
        ])
    func workflowEscaping(raw: String, data: String, property: String) {
        let line = WorkflowCommandProbe.render(message: raw, file: raw)
        #expect(line.hasSuffix("::" + data))
        #expect(line.contains("file=" + property + ","))
    }
}

/// Draws one `::error` through the github renderer, so the escaping is tested through its public interface.
enum WorkflowCommandProbe {
    static func render(message: String, file: String) -> String {
        let finding = Finding(
            rule: .breakingWithoutMajor, severity: .error, message: message, location: .init(path: file, line: 3))
        let report = Report(
            kind: .check, policy: PolicyInfo(source: "p.yml", defaults: false, project: nil), findings: [finding])
        return GitHubRenderer().render(report, options: RenderOptions()).split(separator: "\n").first.map(String.init)
            ?? ""
    }
}
