import Foundation
import Gate
import Policy
import Releases
import Surface

/// Text for people: a verdict line first, then changes grouped by surface, then findings, wrapped to the width of
/// the terminal (``RenderOptions/width``) with hanging indents. Free to change.
public struct TextRenderer: Renderer {
    public static let identifier = "text"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        let style = Style(enabled: options.color, layout: TextLayout(width: options.width))
        let hidden = options.hiddenSummary(report.allFindings, notes: report.notes.count)
        let report = options.filtered(report)
        var lines: [String] = []
        switch report.kind {
        case .check, .next: lines += check(report, style)
        case .audit: lines += audit(report, style)
        case .diff: lines += diff(report, style)
        case .surface: lines += surface(report, style)
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines += groupedNotes(report.notes).flatMap { style.wrap(style.dim("note: \(Inert.text($0))"), hang: 6) }
        }
        if let hidden { lines += [""] + style.wrap(style.dim(hidden), hang: 2) }
        // Every value from the repository went through `Inert.text`; `Inert.line` is the last guard of each line.
        return Inert.lines(lines, color: options.color)
    }

    private func verdictWord(_ report: Report, _ style: Style) -> String {
        report.verdict == .pass ? style.green("PASS") : style.red("FAIL")
    }

    private func check(_ report: Report, _ style: Style) -> [String] {
        let facts = report.checkFacts.map { "\($0): \($1)" }.joined(separator: ", ")
        var lines = style.wrap("\(verdictWord(report, style))  \(report.verdictReason)", hang: 6)
        lines += style.wrap("\(Inert.text(report.rangeLabel))  (\(facts))", hang: 2)
        lines += style.wrap(style.dim("policy: \(Inert.text(report.policy.source))"), hang: 2)
        lines += changeBlock(report.changes, focused: report.focus != nil, style)
        lines += findingBlock(report.findings, style)
        return lines
    }

    private func diff(_ report: Report, _ style: Style) -> [String] {
        var lines = style.wrap(
            "\(Inert.text(report.rangeLabel)): \(report.changes.count) change\(report.changes.count == 1 ? "" : "s"), "
                + "needs \(report.required?.name ?? "none")", hang: 2)
        lines += changeBlock(report.changes, focused: report.focus != nil, style)
        return lines
    }

    private func surface(_ report: Report, _ style: Style) -> [String] {
        let items = report.items ?? []
        let rev = report.head.map { "\(Inert.text($0.rev)) (\($0.commit.short))" } ?? "?"
        var lines = style.wrap("\(items.count) item\(items.count == 1 ? "" : "s") at \(rev)", hang: 2)
        lines += style.wrap(style.dim("policy: \(Inert.text(report.policy.source))"), hang: 2)
        for (surface, group) in inOrderGroups(items, by: \.surface) {
            lines.append("")
            lines += style.wrap(style.bold("\(Inert.text(surface)) (\(group.count))"), hang: 2)
            for item in group {
                var parts = ["  \(Inert.text(item.key))"]
                if !item.attributes.isEmpty { parts.append(attributes(item.attributes)) }
                if item.stability != .stable { parts.append("[\(item.stability.rawValue)]") }
                if let location = item.location { parts.append(style.dim(Inert.text(location.description))) }
                lines += style.wrap(parts.joined(separator: "  "), hang: 4)
            }
        }
        return lines
    }

    private func audit(_ report: Report, _ style: Style) -> [String] {
        let rows = report.releases ?? []
        let failing = rows.filter { $0.verdict == .fail }.count
        var lines = style.wrap("\(verdictWord(report, style))  \(report.verdictReason)", hang: 6)
        lines += style.wrap(
            "audit of \(rows.count) release\(rows.count == 1 ? "" : "s"): \(failing) failing"
                + (report.findings.isEmpty
                    ? "" : ", \(report.findings.count) tag finding\(report.findings.count == 1 ? "" : "s")"),
            hang: 2)
        lines += style.wrap(style.dim("policy: \(Inert.text(report.policy.source))"), hang: 2) + [""]
        guard !rows.isEmpty else {
            return lines + ["No releases: no tag matches the policy's tag template (releases.tag)."]
                + tagFindingLines(report, style)
        }
        let table =
            [["release", "date", "predecessor", "required", "actual", "changes", "verdict"]]
            + rows.map { row in
                [
                    Inert.text(row.release.tag),
                    JSONRenderer.isoDate(row.release.date).prefix(10)
                        + (row.release.dateSource == .committer ? "*" : ""),
                    row.predecessor?.version.description ?? "-", row.required?.name ?? "-", row.actual?.name ?? "-",
                    String(row.changes.count), row.verdict.rawValue,
                ]
            }
        for (index, texts) in style.layout.table(table).enumerated() {
            if index == 0 {
                lines += texts.map(style.bold)
            } else {
                lines += rows[index - 1].verdict == .fail ? texts.map(style.red) : texts
            }
        }
        if rows.contains(where: { $0.release.dateSource == .committer }) {
            lines += style.wrap(
                style.dim("* committer date (a lightweight tag has no date of its own); others are tagger dates"),
                hang: 2)
        }
        // Notes of initial development (0.y.z, where anything may change) are collapsed into one line when the
        // audit also judged releases from 1.0.0 on; a note several releases share is listed once, naming them
        // (except an exception's).
        let collapsing = rows.contains { $0.release.version.major > 0 }
        var collapsed: [Finding] = []
        var notedReleases: [String: [String]] = [:]
        for row in rows {
            for finding in row.findings where finding.severity == .note && finding.exception == nil {
                notedReleases[Self.noteKey(finding), default: []].append(row.release.version.description)
            }
        }
        var listed: Set<String> = []
        // A finding an earlier pre-release of the same version reported is listed there, naming the later releases.
        let repeats = PreReleaseRepeats(rows)
        for (index, row) in rows.enumerated() {
            var findings = repeats.firstReports(row.findings, row: index)
            if collapsing && row.release.version.major == 0 {
                collapsed += findings.filter { $0.severity == .note && $0.exception == nil }
                findings.removeAll { $0.severity == .note && $0.exception == nil }
            }
            findings = findings.compactMap { finding in
                // An exception's notes are listed in every release they apply to: the policy says so.
                guard finding.severity == .note, finding.exception == nil else { return finding }
                let key = Self.noteKey(finding)
                guard listed.insert(key).inserted else { return nil }
                guard let releases = notedReleases[key], releases.count > 1 else { return finding }
                return Finding(
                    rule: finding.rule, severity: finding.severity,
                    message: finding.message + " (in \(releases.joined(separator: ", ")))", release: finding.release,
                    item: finding.item, location: finding.location, exception: finding.exception)
            }
            let repeated = repeats.summary(row: index).map { "  " + $0 }
            guard !findings.isEmpty || repeated != nil else { continue }
            lines.append("")
            lines += style.wrap(
                style.bold(Inert.text("\(row.release.tag) (from \(row.predecessor?.tag ?? "-"))")), hang: 2)
            lines += findingLines(findings, style)
            if let repeated { lines += style.wrap(style.dim(Inert.text(repeated)), hang: 4) }
        }
        if !collapsed.isEmpty {
            var counts: [String: Int] = [:]
            for finding in collapsed { counts[finding.rule.id, default: 0] += 1 }
            let releases = Set(collapsed.compactMap(\.release)).count
            lines.append("")
            lines += style.wrap(
                style.dim(
                    "initial development (0.y.z, anything may change): \(collapsed.count) note"
                        + "\(collapsed.count == 1 ? "" : "s") in \(releases) release\(releases == 1 ? "" : "s") not "
                        + "listed: " + counts.keys.sorted().map { "\($0) (\(counts[$0] ?? 0))" }.joined(separator: ", ")
                        + "; audit --to 0.99.0 lists them, --format json has them all"), hang: 2)
        }
        return lines + tagFindingLines(report, style)
    }

    /// What makes two notes of different releases the same note: rule, message, location and exception.
    private static func noteKey(_ finding: Finding) -> String {
        [finding.rule.id, finding.message, finding.location?.description ?? "", finding.exception ?? ""]
            .joined(separator: "\u{0}")
    }

    private func tagFindingLines(_ report: Report, _ style: Style) -> [String] {
        guard !report.findings.isEmpty else { return [] }
        return ["", style.bold("Tags")] + findingLines(report.findings, style)
    }

    private func changeBlock(_ changes: [Change], focused: Bool, _ style: Style) -> [String] {
        guard !changes.isEmpty else {
            return ["", focused ? "No changes in this view (--only)." : "No changes to the declared surface."]
        }
        var lines: [String] = []
        for (surface, group) in inOrderGroups(changes, by: \.surface) {
            lines.append("")
            lines += style.wrap(
                style.bold("\(Inert.text(surface)) (\(group.count) change\(group.count == 1 ? "" : "s"))"), hang: 2)
            for change in group {
                let symbol: String
                switch change.kind {
                case .added, .promoted: symbol = style.green("+")
                case .removed, .demoted: symbol = style.red("-")
                case .changed, .deprecated: symbol = style.yellow("~")
                }
                var parts = [
                    "  \(symbol) \(change.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))"
                        + Inert.text(change.key)
                ]
                if let detail = change.attributeDetail { parts.append(Inert.text(detail)) }
                parts.append(bumpLabel(change, style))
                if let location = change.location { parts.append(style.dim(Inert.text(location.description))) }
                lines += style.wrap(parts.joined(separator: "  "), hang: 15)
            }
        }
        return lines
    }

    private func bumpLabel(_ change: Change, _ style: Style) -> String {
        let text = change.experimental ? "\(change.bump.name) (experimental)" : change.bump.name
        switch change.bump {
        case .major: return style.red(text)
        case .minor: return style.yellow(text)
        default: return text
        }
    }

    private func findingBlock(_ findings: [Finding], _ style: Style) -> [String] {
        guard !findings.isEmpty else { return [] }
        return ["", style.bold("Findings")] + findingLines(findings, style)
    }

    /// Findings one a line, except those an exception excused: one line a reason, with a few of the items.
    private func findingLines(_ findings: [Finding], _ style: Style) -> [String] {
        var lines: [String] = []
        for group in FindingGroup.foldingMembers(FindingGroup.grouping(findings.filter { $0.exception == nil })) {
            lines += style.wrap("  " + findingLine(group.first, style, group: group), hang: 10)
            if group.findings.count > 1, group.label == nil {
                lines += style.wrap(
                    style.dim("          affects: " + group.items.map(Inert.text).joined(separator: ", ")), hang: 12)
            }
            if !group.folded.isEmpty {
                lines += style.wrap(
                    style.dim("          with its members: " + group.foldedMembers.map(Inert.text).joined(separator: ", ")),
                    hang: 12)
            }
            if group.first.severity == .error, let remedy = group.foldedRemedy {
                lines += style.wrap(style.dim("          what to do: \(Inert.text(remedy))"), hang: 12)
            }
        }
        var reasons: [String] = []
        var excused: [String: [Finding]] = [:]
        for finding in findings {
            guard let reason = finding.exception else { continue }
            if excused[reason] == nil { reasons.append(reason) }
            excused[reason, default: []].append(finding)
        }
        for reason in reasons {
            let group = excused[reason] ?? []
            guard group.count > 3 else {
                lines += group.flatMap { style.wrap("  " + findingLine($0, style), hang: 10) }
                continue
            }
            let rules = Array(Set(group.map(\.rule.id))).sorted().joined(separator: ", ")
            let items = group.compactMap(\.item).map(Inert.text)
            let shown =
                items.prefix(4).joined(separator: ", ") + (items.count > 4 ? ", and \(items.count - 4) more" : "")
            lines += style.wrap(
                "  \(style.dim("note   ")) \(rules): \(group.count) findings excused by an exception: \(shown)",
                hang: 10)
            lines += style.wrap(style.dim("          exception: \(Inert.text(reason))"), hang: 12)
        }
        return lines
    }

    private func findingLine(_ finding: Finding, _ style: Style, group: FindingGroup? = nil) -> String {
        let severity: String
        switch finding.severity {
        case .error: severity = style.red("error  ")
        case .warning: severity = style.yellow("warning")
        default: severity = style.dim("note   ")
        }
        let total = (group?.findings.count ?? 1) + (group?.folded.count ?? 0)
        let count = total > 1 ? " (\(total) items, one cause)" : ""
        var text = "\(severity) \(finding.rule.id)\(count): \(Inert.text(group?.message ?? finding.message))"
        if let location = finding.location { text += style.dim("  (\(Inert.text(location.description)))") }
        if let reason = finding.exception { text += style.dim("  [exception: \(Inert.text(reason))]") }
        return text
    }

    private func attributes(_ values: [String: String]) -> String {
        Inert.text(values.keys.sorted().map { "\($0)=\(values[$0] ?? "")" }.joined(separator: " "))
    }
}

/// ANSI styling, or none, and the layout lines are wrapped to. Its escapes are the only ones `Inert.line` lets
/// through, so nothing else can reach a terminal.
struct Style {
    let enabled: Bool
    var layout = TextLayout(width: RenderOptions.defaultWidth)

    /// `line` wrapped to the layout's width, continuation lines indented by `hang` columns.
    func wrap(_ line: String, hang: Int) -> [String] {
        layout.wrap(line, hang: hang)
    }

    /// Every SGR code semgate draws: red, green, yellow, bold, dim, and reset.
    private static let codes = ["31", "32", "33", "1", "2", "0"].map { "\u{1B}[\($0)m" }

    /// The colour code of semgate's that starts at `index` in `scalars`, or nil.
    static func code(in scalars: [Unicode.Scalar], at index: Int) -> String? {
        codes.first { code in
            let wanted = Array(code.unicodeScalars)
            return index + wanted.count <= scalars.count && Array(scalars[index..<index + wanted.count]) == wanted
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
