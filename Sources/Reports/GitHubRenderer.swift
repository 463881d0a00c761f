import Gate
import Policy
import Surface

/// GitHub Actions workflow commands: an `::error`, `::warning` or `::notice` annotation a finding and a changed
/// item at its file and line, then a short summary.
///
/// Every text that came from the repository or the command line is escaped as the runner unescapes it (data:
/// `%`, CR, LF; properties also `:` and `,`), and every line starts with text of semgate's own, so nothing in an
/// item name or message can end a command early or start one of its own (`::set-env`, `::add-mask`,
/// `::stop-commands`).
public struct GitHubRenderer: Renderer {
    public static let identifier = "github"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        let hidden = options.hiddenSummary(report.allFindings, notes: report.notes.count)
        let report = options.filtered(report)
        var lines: [String] = []
        switch report.kind {
        case .audit:
            for row in report.releases ?? [] {
                lines += FindingGroup.grouping(row.findings).map { annotation($0, release: row.release.tag) }
            }
            lines += report.findings.map { annotation(FindingGroup(findings: [$0], label: nil), release: nil) }
        case .check, .next, .diff:
            let removed = Dictionary(
                report.changes.filter { $0.kind == .removed }.map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
            lines += FindingGroup.grouping(report.findings).map { group in
                annotation(group, release: nil, removed: group.first.item.flatMap { removed[$0] }, report: report)
            }
            // A change a finding already annotates needs no notice of its own.
            let annotated = Set(report.findings.compactMap(\.item))
            lines += report.changes.filter { !annotated.contains($0.id) }.map { annotation($0, report: report) }
        case .surface:
            break
        }
        lines += summary(report)
        if let hidden { lines.append("semgate: " + WorkflowCommand.data(hidden)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where an annotation about `change` goes. A removed item's location is a line of the base: on the same file at
    /// head that line number means nothing, so the annotation is placed on the file (no line) when it still exists,
    /// else on the policy file, and the message says where the item was. Other changes stay where they are.
    private func placement(of change: Change?, at location: Location?, report: Report) -> (Location?, String) {
        guard let change, change.kind == .removed, let location else { return (location, "") }
        let was = "was at \(location.description) in base"
        if !report.pathsGoneAtHead.contains(location.path) { return (Location(path: location.path), "; " + was) }
        let policy = report.policy.path.flatMap { path in
            path.hasPrefix("/") || path.split(separator: "/").contains("..") ? nil : Location(path: path, line: 1)
        }
        return (policy, "; " + was + " (the file is gone)")
    }

    private func annotation(_ group: FindingGroup, release: String?, removed: Change? = nil, report: Report? = nil)
        -> String
    {
        let finding = group.first
        let command: String
        switch finding.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note, .off: command = "notice"
        }
        var title = "semgate: \(finding.rule.id)"
        if let release { title += " (\(release))" }
        var message = group.message
        if group.findings.count > 1 {
            title += " (\(group.findings.count) items, one cause)"
            if group.label == nil { message += "; affects " + group.items.joined(separator: ", ") }
        }
        var location = finding.location
        if let report {
            let (placed, was) = placement(of: removed, at: finding.location, report: report)
            location = placed
            message += was
        }
        if let reason = finding.exception { message += " (excused by an exception: \(reason))" }
        if finding.severity == .error, let remedy = group.remedy { message += "\nWhat to do: " + remedy }
        return WorkflowCommand.line(command, location: location, title: title, message: message)
    }

    private func annotation(_ change: Change, report: Report) -> String {
        let bump = change.experimental ? "\(change.bump.name), experimental" : change.bump.name
        var message = "\(change.id): \(change.kind.rawValue), needs \(change.bump.name)"
        if let detail = change.attributeDetail { message += "; " + detail }
        let (location, was) = placement(of: change, at: change.location, report: report)
        return WorkflowCommand.line(
            "notice", location: location, title: "semgate: \(change.kind.rawValue) (\(bump))", message: message + was)
    }

    private func summary(_ report: Report) -> [String] {
        let verdict = report.verdict == .pass ? "PASS" : "FAIL"
        let findings = report.findings + (report.releases ?? []).flatMap(\.findings)
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let tally = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        let text: String
        switch report.kind {
        case .audit:
            let rows = report.releases ?? []
            let failing = rows.filter { $0.verdict == .fail }
            text =
                "\(verdict) audit of \(rows.count) releases, \(failing.count) failing"
                + (failing.isEmpty ? "" : " (" + failing.map(\.release.tag).joined(separator: ", ") + ")")
                + "; \(tally)"
        case .surface:
            text = "\(report.items?.count ?? 0) items at \(report.head?.rev ?? "?")"
        case .check, .next, .diff:
            let facts = report.checkFacts.map { "\($0) \($1)" }
            text =
                "\(verdict) \(report.verdictReason); \(report.rangeLabel): " + facts.joined(separator: ", ")
                + "; \(report.changes.count) change\(report.changes.count == 1 ? "" : "s"), \(tally)"
        }
        return ["semgate: " + WorkflowCommand.data(text)]
            + groupedNotes(report.notes).map { "semgate: note: " + WorkflowCommand.data($0) }
    }
}

/// The escaping GitHub's runner undoes when it reads a workflow command.
enum WorkflowCommand {
    /// `::command file=…,line=…,title=…::message`, with every value escaped.
    static func line(_ command: String, location: Location?, title: String, message: String) -> String {
        var properties: [String] = []
        if let location {
            properties.append("file=" + property(location.path))
            if let line = location.line { properties.append("line=\(line)") }
        }
        properties.append("title=" + property(title))
        return "::\(command) " + properties.joined(separator: ",") + "::" + data(message)
    }

    /// A command's message: `%`, CR and LF as `%25`, `%0D`, `%0A`; other hidden characters shown visibly
    /// (`Inert.picture`), so they cannot hide or reorder text in the log; `##[` broken (`Inert`).
    static func data(_ value: String) -> String {
        escape(value, property: false)
    }

    /// A property value: as data, and `:` and `,` as `%3A` and `%2C`.
    static func property(_ value: String) -> String {
        escape(value, property: true)
    }

    private static func escape(_ value: String, property: Bool) -> String {
        let escaped = replacingScalars(of: value) { scalar in
            switch scalar {
            case "%": return "%25"
            case "\r": return "%0D"
            case "\n": return "%0A"
            case ":" where property: return "%3A"
            case "," where property: return "%2C"
            case "\t": return " "
            case _ where Inert.isHidden(scalar): return Inert.picture(scalar)
            default: return nil
            }
        }
        return Inert.breakingLegacyCommands(escaped, with: Inert.codePoint("#"))
    }
}
