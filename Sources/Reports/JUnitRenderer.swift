import Gate
import Policy

/// JUnit XML for CI dashboards and quality gates: a test suite a release (a check judges one), a test case a rule
/// in it. An error finding fails its case; warnings and notes go to the case's `system-out`; a first release,
/// with nothing to compare with, skips its cases. Tag hygiene is a suite of its own, and the report's notes the
/// `system-out` of a suite of no tests.
public struct JUnitRenderer: Renderer {
    public static let identifier = "junit"

    /// Rules about tags rather than one release's changes.
    static let tagRules: [RuleID] = [.tagNotSemver, .duplicateVersion]

    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        var suites: [Suite] = []
        let releaseRules = RuleID.allCases.filter { !Self.tagRules.contains($0) }
        switch report.kind {
        case .audit:
            for row in report.releases ?? [] {
                let skip = row.predecessor == nil ? "the first release: there is nothing to compare it with" : nil
                suites.append(
                    Suite(
                        name: "\(row.release.tag)" + (row.predecessor.map { " (from \($0.tag))" } ?? ""),
                        className: "semgate." + row.release.tag.replacing(".", with: "_"), rules: releaseRules,
                        findings: row.findings, skipped: skip))
            }
        case .check, .next, .diff, .surface:
            let release = report.head.flatMap { $0.version.map { "v\($0)" } } ?? report.head?.rev ?? "head"
            suites.append(
                Suite(
                    name: "\(report.kind.rawValue) \(report.rangeLabel)",
                    className: "semgate." + release.replacing(".", with: "_"), rules: releaseRules,
                    findings: report.findings.filter { !Self.tagRules.contains($0.rule) }, skipped: nil))
        }
        let tagFindings = report.findings.filter { Self.tagRules.contains($0.rule) }
        if report.kind == .audit || !tagFindings.isEmpty {
            suites.append(
                Suite(
                    name: "release tags", className: "semgate.tags", rules: Self.tagRules, findings: tagFindings,
                    skipped: nil))
        }
        let totals = suites.reduce(into: (tests: 0, failures: 0, skipped: 0)) {
            $0.tests += $1.tests
            $0.failures += $1.failures
            $0.skipped += $1.skippedCount
        }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"semgate \(report.kind.rawValue)\" tests=\"\(totals.tests)\" "
                + "failures=\"\(totals.failures)\" errors=\"0\" skipped=\"\(totals.skipped)\" time=\"0\">",
        ]
        for suite in suites { lines += suite.xml }
        // Notes (a Go file that does not parse, what could not be read) belong to no rule: a suite of no tests
        // holds them in its system-out, once.
        if !report.notes.isEmpty {
            lines += [
                "  <testsuite name=\"notes\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">",
                "    <system-out>" + XML.escape(report.notes.joined(separator: "\n")) + "</system-out>",
                "  </testsuite>",
            ]
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One release's (or the tags') test cases.
    private struct Suite {
        let name: String
        let className: String
        let rules: [RuleID]
        let findings: [Finding]
        /// Why every case is skipped, or nil.
        let skipped: String?

        var tests: Int { rules.count }
        var failures: Int {
            skipped != nil
                ? 0
                : rules.filter { rule in findings.contains { $0.rule == rule && $0.severity == .error } }
                    .count
        }
        var skippedCount: Int { skipped == nil ? 0 : rules.count }

        var xml: [String] {
            var lines = [
                "  <testsuite name=\"\(XML.escape(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" "
                    + "skipped=\"\(skippedCount)\" time=\"0\">"
            ]
            for rule in rules {
                let open = "    <testcase classname=\"\(XML.escape(className))\" name=\"\(rule.id)\" time=\"0\""
                let mine = findings.filter { $0.rule == rule }
                if let skipped {
                    lines += [open + ">", "      <skipped message=\"\(XML.escape(skipped))\"/>", "    </testcase>"]
                    continue
                }
                guard !mine.isEmpty else {
                    lines.append(open + "/>")
                    continue
                }
                lines.append(open + ">")
                let errors = mine.filter { $0.severity == .error }
                if let first = errors.first {
                    lines.append(
                        "      <failure type=\"\(rule.id)\" message=\"\(XML.escape(first.message))\">"
                            + XML.escape(errors.map(Self.describe).joined(separator: "\n")) + "</failure>")
                }
                let others = mine.filter { $0.severity != .error }
                if !others.isEmpty {
                    lines.append(
                        "      <system-out>" + XML.escape(others.map(Self.describe).joined(separator: "\n"))
                            + "</system-out>")
                }
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
            return lines
        }

        static func describe(_ finding: Finding) -> String {
            var text = "\(finding.severity.rawValue): \(finding.message)"
            if let location = finding.location { text += " (\(location))" }
            if let reason = finding.exception { text += " [excused by an exception: \(reason)]" }
            return text
        }
    }
}

/// Escaping for XML 1.0 text and attribute values.
enum XML {
    /// Markup characters as entities, line breaks and tabs as character references (so attributes keep them), other
    /// hidden characters (controls, bidi overrides; `Inert.picture`) and those XML 1.0 cannot hold (U+FFFE, U+FFFF)
    /// shown visibly, and `##[` broken with a reference (`Inert`).
    static func escape(_ value: String) -> String {
        let escaped = replacingScalars(of: value) { scalar in
            switch scalar {
            case "'": return "&apos;"
            case "\n", "\r", "\t": return "&#\(scalar.value);"
            case _ where Inert.isHidden(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                return Inert.picture(scalar)
            default: return markupEntity(scalar)
            }
        }
        return Inert.breakingLegacyCommands(escaped, with: "&#35;")
    }
}
