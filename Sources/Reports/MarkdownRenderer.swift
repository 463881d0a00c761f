import Gate
import Policy
import Releases
import Surface

/// A pull-request comment or job summary: verdict, required against actual bump, a table of changes per surface,
/// findings, and the details collapsed. Every text from the repository is escaped, so it cannot break a table,
/// open or close HTML, or start markdown of its own.
public struct MarkdownRenderer: Renderer {
    public static let identifier = "markdown"

    /// How many rows a table or list, and findings an audited release, the report shows before "… and N more".
    struct Limits: Sendable {
        var rows: Int
        var releaseFindings: Int
    }

    /// The limits tried in turn until the report fits `characterBudget`: a pull-request comment holds 65,536
    /// characters (a job summary 1 MiB), and the last, tightest, is used whatever its size.
    static let limits = [
        Limits(rows: 150, releaseFindings: 12), Limits(rows: 60, releaseFindings: 5),
        Limits(rows: 20, releaseFindings: 2), Limits(rows: 5, releaseFindings: 0),
    ]
    static let characterBudget = 60_000

    private let limits: Limits

    public init() {
        self.init(limits: Self.limits[0])
    }

    init(limits: Limits) {
        self.limits = limits
    }

    public func render(_ report: Report, options: RenderOptions) -> String {
        let hidden = options.hiddenSummary(report.allFindings, notes: report.notes.count)
        let report = options.filtered(report)
        var text = ""
        for limits in Self.limits {
            text = MarkdownRenderer(limits: limits).draw(report, hidden: hidden)
            if text.utf8.count <= Self.characterBudget { break }
        }
        return text
    }

    private func draw(_ report: Report, hidden: String?) -> String {
        var lines: [String]
        switch report.kind {
        case .check, .next, .diff: lines = check(report)
        case .audit: lines = audit(report)
        case .surface: lines = surface(report)
        }
        if !report.notes.isEmpty {
            lines += ["", "<details><summary>Notes (\(report.notes.count))</summary>", ""]
            lines += limited(groupedNotes(report.notes).map { "- " + Markdown.text($0) })
            lines += ["", "</details>"]
        }
        if let hidden { lines += ["", "_\(Markdown.text(hidden))_"] }
        lines += ["", "<sub>semgate · policy \(Markdown.text(report.policy.source))</sub>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func verdictMark(_ verdict: Verdict) -> String {
        verdict == .pass ? "✅ pass" : "❌ fail"
    }

    /// What a reviewer reads top down: which branch goes into which, the verdict and why, what to do, then the
    /// changes (a few inline, many as a table with the detail collapsed).
    private func check(_ report: Report) -> [String] {
        let title = report.kind == .diff ? "semgate diff" : "semgate: \(verdictMark(report.verdict))"
        let facts = report.checkFacts.map { "\($0) **\(Markdown.text($1))**" }
        var lines = ["## \(title)", ""]
        if report.namesBranches, report.kind != .diff {
            lines += [
                "**\(Markdown.text(Report.name(report.head)))** into **\(Markdown.text(Report.name(report.base)))**",
                "",
            ]
        } else {
            lines += [Markdown.text(report.rangeLabel), ""]
        }
        let reason = report.kind == .diff ? [] : ["**\(Markdown.text(report.verdictReason))**"]
        lines.append((reason + facts).joined(separator: " · "))
        let asks = report.findings.contains { $0.severity >= .warning && $0.exception == nil }
        let removed = Set(report.changes.filter { $0.kind == .removed }.map(\.id))
        lines += findingList(report.findings, heading: asks ? "### What to do" : "### Findings", removed: removed)
        lines += ["", "### Changes"]
        if report.changes.isEmpty || report.changes.count > Self.inlineChanges {
            lines += surfaceTable(report.changes, focused: report.focus != nil)
        }
        if report.changes.count > Self.inlineChanges {
            lines += ["", "<details><summary>\(count(report.changes.count, "change")) in detail</summary>", ""]
            lines += changeTable(report.changes)
            lines += ["", "</details>"]
        } else if !report.changes.isEmpty {
            lines += [""] + report.changes.map(changeLine)
        }
        return lines
    }

    /// Up to this many changes are listed inline, one a line; more get a table a surface and the detail collapsed.
    static let inlineChanges = 5

    /// `- **removed** cli:k6 run --vus: needs **major** (cmd/run.go:12)`, with the changed attributes.
    private func changeLine(_ change: Change) -> String {
        let bump = change.experimental ? "\(change.bump.name) (experimental)" : change.bump.name
        var line = "- **\(change.kind.rawValue)** \(Markdown.text(change.id)): needs **\(bump)**"
        if let detail = change.attributeDetail { line += "; " + Markdown.text(detail) }
        if let location = change.location {
            line +=
                change.kind == .removed
                ? " (was at \(Markdown.text(location.description)) in base)"
                : " (\(Markdown.text(location.description)))"
        }
        return line
    }

    /// One row a surface: how many changes of each kind, and the largest bump they need.
    private func surfaceTable(_ changes: [Change], focused: Bool) -> [String] {
        guard !changes.isEmpty else {
            return ["", focused ? "No changes in this view (--only)." : "No changes to the declared surface."]
        }
        let kinds = Change.Kind.allCases.filter { kind in changes.contains { $0.kind == kind } }
        var lines = [
            "",
            "| surface | " + kinds.map(\.rawValue).joined(separator: " | ") + " | needs |",
            "| --- | " + kinds.map { _ in "---:" }.joined(separator: " | ") + " | --- |",
        ]
        for (surface, group) in inOrderGroups(changes, by: \.surface) {
            let counts = kinds.map { kind in String(group.filter { $0.kind == kind }.count) }
            let needs = group.map(\.bump).max() ?? .none
            lines.append(
                "| \(Markdown.text(surface)) | " + counts.joined(separator: " | ") + " | \(needs.name) |"
            )
        }
        return lines
    }

    private func changeTable(_ changes: [Change]) -> [String] {
        var lines = ["| item | kind | bump | detail | location |", "| --- | --- | --- | --- | --- |"]
        for change in changes.prefix(limits.rows) {
            let bump = change.experimental ? "\(change.bump.name) (experimental)" : change.bump.name
            let cells = [
                Markdown.text(change.id), change.kind.rawValue, bump,
                Markdown.text(change.attributeDetail ?? ""),
                change.location.map { Markdown.text($0.description) } ?? "",
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if changes.count > limits.rows {
            lines += ["", "… and \(changes.count - limits.rows) more (see `--format json`)."]
        }
        return lines
    }

    /// The findings under `heading`, most severe first; those about a removed item say its location is the base's.
    private func findingList(_ findings: [Finding], heading: String, removed: Set<String> = []) -> [String] {
        guard !findings.isEmpty else { return [] }
        return ["", heading, ""]
            + limited(
                FindingGroup.grouping(Self.mostSevereFirst(findings)).map { group in
                    findingLine(group, removed: group.first.item.map(removed.contains) ?? false)
                })
    }

    private func findingLine(_ finding: Finding) -> String {
        findingLine(FindingGroup(findings: [finding], label: nil), removed: false)
    }

    /// One finding, or a group of one cause: the rule with how many items, the message naming them all.
    private func findingLine(_ group: FindingGroup, removed: Bool) -> String {
        let finding = group.first
        let mark: String
        switch finding.severity {
        case .error: mark = "❌ **error**"
        case .warning: mark = "⚠️ **warning**"
        case .note, .off: mark = "ℹ️ note"
        }
        let count = group.findings.count > 1 ? " (\(group.findings.count) items, one cause)" : ""
        var line = "- \(mark) `\(finding.rule.id)`\(count): \(Markdown.text(group.message))"
        if let location = finding.location {
            line +=
                removed
                ? " (was at \(Markdown.text(location.description)) in base)"
                : " (\(Markdown.text(location.description)))"
        }
        if let reason = finding.exception { line += " — excused by an exception: \(Markdown.text(reason))" }
        if group.findings.count > 1, group.label == nil {
            line += "\n    - Affects: " + group.items.map(Markdown.text).joined(separator: ", ")
        }
        if finding.severity == .error, let remedy = group.remedy {
            line += "\n    - What to do: " + Markdown.text(remedy)
        }
        return line
    }

    private func audit(_ report: Report) -> [String] {
        let rows = report.releases ?? []
        let failing = rows.filter { $0.verdict == .fail }.count
        var lines = [
            "## semgate audit: \(verdictMark(report.verdict))", "",
            "\(count(rows.count, "release")) audited, \(failing) failing"
                + (report.findings.isEmpty ? "" : ", \(count(report.findings.count, "tag finding"))") + ".",
        ]
        if rows.isEmpty {
            lines += ["", "No releases: no tag matches the policy's tag template (`releases.tag`)."]
        } else {
            lines += [
                "", "| release | date | predecessor | required | actual | changes | findings | verdict |",
                "| --- | --- | --- | --- | --- | ---: | ---: | --- |",
            ]
            for row in rows {
                let date = JSONRenderer.isoDate(row.release.date).prefix(10)
                let cells = [
                    Markdown.text(row.release.tag),
                    String(date) + (row.release.dateSource == .committer ? "\\*" : ""),
                    row.predecessor.map { Markdown.text($0.version.description) } ?? "–",
                    row.required?.name ?? "–", row.actual?.name ?? "–", String(row.changes.count),
                    String(row.findings.count), verdictMark(row.verdict),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            if rows.contains(where: { $0.release.dateSource == .committer }) {
                lines += ["", "\\* committer date: a lightweight tag has no date of its own."]
            }
        }
        // A finding an earlier pre-release of the same version reported is listed there, naming the later releases.
        let repeats = PreReleaseRepeats(rows)
        for (index, row) in rows.enumerated() where !row.findings.isEmpty {
            let from = row.predecessor.map { " (from \(Markdown.html($0.tag)))" } ?? ""
            lines += [
                "",
                "<details\(row.verdict == .fail ? " open" : "")><summary>\(Markdown.html(row.release.tag))\(from): "
                    + "\(count(row.findings.count, "finding"))</summary>",
                "",
            ]
            let findings = repeats.firstReports(row.findings, row: index)
            lines += limited(Self.mostSevereFirst(findings).map(findingLine), to: limits.releaseFindings)
            if let summary = repeats.summary(row: index) {
                lines += (findings.isEmpty ? [] : [""]) + [Markdown.text(summary) + "."]
            }
            lines += ["", "</details>"]
        }
        lines += findingList(report.findings, heading: "### Tags")
        return lines
    }

    private func surface(_ report: Report) -> [String] {
        let items = report.items ?? []
        let rev = report.head.map { "\($0.rev) (\($0.commit.short))" } ?? "?"
        var lines = ["## semgate surface", "", "\(count(items.count, "item")) at \(Markdown.text(rev))"]
        for (surface, group) in inOrderGroups(items, by: \.surface) {
            lines += [
                "", "<details><summary>\(Markdown.html(surface)) (\(group.count))</summary>", "",
                "| key | attributes | stability | location |", "| --- | --- | --- | --- |",
            ]
            for item in group.prefix(limits.rows) {
                let attributes = item.attributes.keys.sorted().map { "\($0)=\(item.attributes[$0] ?? "")" }
                    .joined(separator: " ")
                let cells = [
                    Markdown.text(item.key), Markdown.text(attributes), item.stability.rawValue,
                    item.location.map { Markdown.text($0.description) } ?? "",
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            if group.count > limits.rows { lines += ["", "… and \(group.count - limits.rows) more."] }
            lines += ["", "</details>"]
        }
        return lines
    }

    /// Errors, then warnings, then notes, each in report order: what a reader opens the report for comes first.
    private static func mostSevereFirst(_ findings: [Finding]) -> [Finding] {
        [Severity.error, .warning, .note, .off].flatMap { severity in findings.filter { $0.severity == severity } }
    }

    /// At most `limit` lines, then a line that says how many were left out.
    private func limited(_ lines: [String], to limit: Int? = nil) -> [String] {
        let limit = limit ?? limits.rows
        guard lines.count > limit else { return lines }
        return Array(lines.prefix(limit)) + ["- … and \(lines.count - limit) more (see `--format json`)"]
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

/// Escaping of untrusted text for GitHub-flavoured markdown. Repository text is never put in a code span: there
/// `<` stays raw, and only escaped text keeps the promise that every tag in the output is semgate's own.
enum Markdown {
    /// Plain text that renders as itself: no line breaks, no HTML, no emphasis, links, mentions, references, math or
    /// table cells of its own.
    /// Hidden characters (line breaks, controls, bidi overrides) are shown visibly (`Inert.picture`).
    static func text(_ value: String) -> String {
        breakingAutolinks(
            replacingScalars(of: value) { scalar in
                if let entity = markupEntity(scalar) ?? referenceBreak(scalar) { return entity }
                if "\\`*_[]|~!$".unicodeScalars.contains(scalar) { return "\\" + String(scalar) }
                return Inert.isHidden(scalar) ? Inert.picture(scalar) : nil
            })
    }

    /// Text inside an HTML element such as `<summary>`, where markdown is not read: entities only, `[` as `&#91;`
    /// (so no `##[` reaches a log the report is printed to), hidden characters shown visibly; mentions, references
    /// and links broken as in `text`.
    static func html(_ value: String) -> String {
        breakingAutolinks(
            replacingScalars(of: value) { scalar in
                if let entity = markupEntity(scalar) ?? referenceBreak(scalar) { return entity }
                if scalar == "[" { return "&#91;" }
                return Inert.isHidden(scalar) ? Inert.picture(scalar) : nil
            })
    }

    /// `@` and `#` followed by an invisible zero-width space. GitHub finds @-mentions (`@user`, `@org/team`) and
    /// references (`#1`, `owner/repo#1`) in the rendered text, after backslash escapes and entities are undone, so
    /// only a character between the sign and the name keeps a comment from notifying people or linking issues.
    private static func referenceBreak(_ scalar: Unicode.Scalar) -> String? {
        scalar == "@" || scalar == "#" ? String(scalar) + "&#8203;" : nil
    }

    /// Escaped `text` with a zero-width space inside every `//` and after every `www` before a `.`: GitHub's autolink
    /// extension makes `https://…` and `www.…` links even in plain text, and a link in a trusted bot's comment is the
    /// repository author's.
    private static func breakingAutolinks(_ text: String) -> String {
        var output = ""
        var recent: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "/", recent.last == "/" {
                output += "&#8203;"
            } else if scalar == ".", recent.count == 3, String(String.UnicodeScalarView(recent)).lowercased() == "www" {
                output += "&#8203;"
            }
            output.unicodeScalars.append(scalar)
            recent.append(scalar)
            if recent.count > 3 { recent.removeFirst() }
        }
        return output
    }
}
