import Gate
import Policy
import Surface

/// How a renderer is asked to draw.
public struct RenderOptions: Sendable {
    /// ANSI colour for terminals.
    public var color: Bool
    /// The least severity of the findings listed (`--min-severity`); nil for the default: notes are counted on one
    /// line, not listed. The text, markdown and github formats apply it; json and sarif keep everything.
    public var minSeverity: Severity?
    /// The columns the text format wraps to: the terminal's width (`COLUMNS`, else the terminal's size), else
    /// ``defaultWidth``.
    public var width: Int

    /// The width when the output is not a terminal and `COLUMNS` is not set.
    public static let defaultWidth = 100

    public init(color: Bool = false, minSeverity: Severity? = nil, width: Int = Self.defaultWidth) {
        self.color = color
        self.minSeverity = minSeverity
        self.width = width
    }

    /// The least severity of the findings listed.
    var shownSeverity: Severity { minSeverity ?? .warning }

    /// Whether the report's general notes (not findings) are listed: unless `--min-severity` asks for warnings or
    /// errors only.
    var showsNotes: Bool { (minSeverity ?? .note) <= .note }

    /// The findings listed.
    func shown(_ findings: [Finding]) -> [Finding] {
        findings.filter { $0.severity >= shownSeverity || $0.exception != nil }
    }

    /// The report with only the findings listed (and no general notes when they are not): the verdict stays, since
    /// errors are always listed.
    func filtered(_ report: Report) -> Report {
        var copy = report
        copy.findings = shown(report.findings)
        copy.releases = report.releases?.map { row in
            var row = row
            row.findings = shown(row.findings)
            return row
        }
        if !showsNotes { copy.notes = [] }
        return copy
    }

    /// One line for the findings not listed (an exception's notes always are: the policy says every report shows
    /// them): how many of each severity, how many notes are about releases in
    /// initial development (0.y.z, where anything may change), and the flag that lists them; nil when none is hidden.
    func hiddenSummary(_ findings: [Finding], notes: Int = 0) -> String? {
        let hidden = findings.filter { $0.severity < shownSeverity && $0.severity > .off && $0.exception == nil }
        let hiddenNotes = showsNotes ? 0 : notes
        guard !hidden.isEmpty || hiddenNotes > 0 else { return nil }
        var parts: [String] = []
        for severity in [Severity.warning, .note] {
            let count = hidden.filter { $0.severity == severity }.count
            guard count > 0 else { continue }
            var part = "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
            if severity == .note {
                let initial = hidden.filter { $0.severity == .note && $0.release?.hasPrefix("0.") == true }.count
                if initial > 0 { part += " (\(initial) under initial development, 0.y.z: anything may change)" }
            }
            parts.append(part)
        }
        if hiddenNotes > 0 { parts.append("\(hiddenNotes) general note\(hiddenNotes == 1 ? "" : "s")") }
        let least = hidden.map(\.severity).min() ?? .note
        return parts.joined(separator: ", ")
            + " not shown; --min-severity \(hiddenNotes > 0 ? "note" : least.rawValue) "
            + "lists them"
    }
}

/// One output format: a pure function from a report to text.
public protocol Renderer: Sendable {
    /// The `--format` name.
    static var identifier: String { get }
    init()
    func render(_ report: Report, options: RenderOptions) -> String
}

/// The formats semgate can write, looked up by name.
public enum Renderers {
    public static let all: [any Renderer.Type] = [
        TextRenderer.self, JSONRenderer.self, MarkdownRenderer.self, GitHubRenderer.self, SARIFRenderer.self,
        JUnitRenderer.self,
    ]

    /// The names `--format` accepts.
    public static var identifiers: [String] { all.map { $0.identifier } }

    /// The renderer for `name`, or nil.
    public static func named(_ name: String) -> (any Renderer)? {
        all.first { $0.identifier == name }.map { $0.init() }
    }
}

extension Report {
    /// `base..head` as people name them: `v2.0.0..v2.1.0`, `origin/main (2.0.0)..HEAD`, or for SHAs that are the tips
    /// of branches `main (23d89b9, 1.8.0)..fix-login (73b044f)`; a full SHA is shortened.
    var rangeLabel: String {
        "\(Self.name(base))..\(Self.name(head))"
    }

    /// A revision as people name it: its branch or what was typed (a full SHA shortened), then in parentheses the
    /// short SHA when a branch names it and the version when the name does not already say it.
    static func name(_ info: RevisionInfo?) -> String {
        guard let info else { return "?" }
        let isFullSHA = info.rev.count == 40 && info.rev.allSatisfy(\.isHexDigit)
        let rev = info.branch ?? (isFullSHA ? info.commit.short : info.rev)
        var extras: [String] = []
        if info.branch != nil { extras.append(info.commit.short) }
        if let version = info.version, rev != "v\(version)" { extras.append(version.description) }
        return extras.isEmpty ? rev : "\(rev) (\(extras.joined(separator: ", ")))"
    }

    /// Whether base or head is named by a branch (a pull request's summary then reads "head into base").
    var namesBranches: Bool { base?.branch != nil || head?.branch != nil }
}

extension Report {
    /// Every finding of the report, audited releases' included.
    var allFindings: [Finding] { findings + (releases ?? []).flatMap(\.findings) }

    /// Why the verdict is what it is: `2 errors: breaking-without-major (1), version-file-mismatch (1)`, then the
    /// warnings the same way; `no errors` when there are none of either.
    var verdictReason: String {
        let parts = [Severity.error, .warning].compactMap { severity -> String? in
            let matching = (focus?.findings ?? allFindings).filter { $0.severity == severity }
            guard !matching.isEmpty else { return nil }
            var counts: [RuleID: Int] = [:]
            for finding in matching { counts[finding.rule, default: 0] += 1 }
            let rules = counts.keys.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
            return "\(matching.count) \(severity.rawValue)\(matching.count == 1 ? "" : "s"): "
                + rules.map { "\($0.id) (\(counts[$0] ?? 0))" }.joined(separator: ", ")
        }
        return parts.isEmpty ? "no errors" : parts.joined(separator: "; ")
    }

    /// The facts of a check as `name: value` pairs: required, actual, allowed, declared, and next when no version
    /// was asked about (beside `--version 2.3.0`, a next version would read as a contradiction).
    var checkFacts: [(String, String)] {
        var facts = [("required", required?.name ?? "none")]
        if let actual { facts.append(("actual", actual.name)) }
        if let allow { facts.append(("allowed", allow.name)) }
        if let declared { facts.append(("commits declare", declared.name)) }
        if let next, actual == nil { facts.append(("next", next.description)) }
        return facts
    }
}

extension Change {
    /// For a `changed` item, each changed attribute with its old and new value (`type: Counter → Rate`); nil
    /// otherwise.
    var attributeDetail: String? {
        guard kind == .changed, let before, let after else { return nil }
        return changedAttributes.map { "\($0): \(before.attributes[$0] ?? "∅") → \(after.attributes[$0] ?? "∅")" }
            .joined(separator: ", ")
    }
}

/// `values` grouped by `key`, groups in the order their first member appears.
func inOrderGroups<T>(_ values: [T], by key: (T) -> String) -> [(String, [T])] {
    var order: [String] = []
    var groups: [String: [T]] = [:]
    for value in values {
        let name = key(value)
        if groups[name] == nil { order.append(name) }
        groups[name, default: []].append(value)
    }
    return order.map { ($0, groups[$0] ?? []) }
}
