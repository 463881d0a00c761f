import Gate
import Lifecycle
import Policy
import SemVer

/// The formats of `support`, `fix-targets` and `deprecations`: a family of their own, apart from the report
/// renderers of check and audit.
public enum LifecycleFormat: String, Sendable, CaseIterable {
    case text, json, endoflife, svg

    /// The formats `support` accepts (its table; `support VERSION` takes text and json).
    public static let support: [LifecycleFormat] = [.text, .json, .endoflife, .svg]
    /// The formats `fix-targets`, `deprecations` and `support VERSION` accept.
    public static let plain: [LifecycleFormat] = [.text, .json]
}

/// Where a support answer came from, for its header.
public struct LifecycleSource: Sendable {
    public let policy: String
    public let project: String?

    public init(policy: String, project: String?) {
        self.policy = policy
        self.project = project
    }
}

/// Renders support tables, version status and fix targets (`"schema": "semgate/support@1"`).
public enum SupportRenderer {
    public static let schema = "semgate/support@1"

    // MARK: Table

    /// The table for people: one row a line, newest first, with when each stops getting fixes (projected from the
    /// cadence when not known, and marked so), then the cadence. Fits `width` columns.
    public static func text(
        _ table: SupportTable, source: LifecycleSource, color: Bool = false, width: Int = 100
    ) -> String {
        let style = Style(enabled: color)
        var lines = wrapped(
            "\(source.project.map { "\(Inert.text($0)) " } ?? "")release lines at \(table.at) "
                + "(\(Inert.text(describe(table.policy))))", width: width, indent: 2)
        lines.append(style.dim("policy: \(Inert.text(source.policy))"))
        lines.append("")
        if table.lines.isEmpty {
            lines.append("no release published by \(table.at)")
        } else {
            lines += lineRows(table, style: style, width: width)
        }
        lines += cadenceText(table, style, width: width)
        return Inert.lines(lines, color: color)
    }

    private static func lineRows(_ table: SupportTable, style: Style, width: Int) -> [String] {
        var rows: [[TextTable.Cell]] = []
        var projected: [String] = []
        for line in table.lines {
            let phase = Inert.text(line.phase.name) + (line.isLTS ? " (LTS)" : "")
            var end = line.end.map(\.description) ?? line.endCondition.map { "when \(Inert.text($0))" } ?? "-"
            var when = line.end.map { relativeTime(of: $0, from: table.at) } ?? ""
            if line.end == nil, let projection = table.projections[line.line], let day = projection.end {
                end = "\(day)*"
                when = relativeTime(of: day, from: table.at)
                projected.append(
                    "  line \(line.line) ends "
                        + (projection.endsWith.map { "when \($0.version) ships, due \($0.day)" } ?? "on \(day)"))
            }
            rows.append([
                TextTable.Cell(line.line.description),
                TextTable.Cell(phase, phasePaint(line.phase, policy: table.policy, style: style)),
                TextTable.Cell(line.getsFixes ? "yes" : "no"),
                TextTable.Cell(line.firstRelease.map { "\($0.version)" } ?? "-"),
                TextTable.Cell("\(line.latest.version) (\(line.latest.day))"),
                TextTable.Cell(end), TextTable.Cell(when),
            ])
        }
        var header = ["LINE", "PHASE", "FIXES", "FIRST", "LATEST", "END", ""]
        // The first release's version goes first when the table would not fit.
        let natural = TextTable(header: header, rows: rows, flexible: 6).naturalWidth
        if natural > width {
            header.remove(at: 3)
            rows = rows.map { row in row.enumerated().filter { $0.offset != 3 }.map(\.element) }
        }
        var lines = TextTable(header: header, rows: rows, flexible: header.count - 1).render(width: width)
        if !projected.isEmpty {
            let kind = table.policy.line == .major ? "major" : "minor"
            let every = table.cadence.first { $0.kind.name == kind }?.every.description ?? "?"
            lines.append("")
            lines += wrapped(
                "* projected from the cadence (a \(kind) every \(every)); the dates move when a release ships early "
                    + "or late:", width: width, indent: 2)
            lines += projected.flatMap { wrapped($0, width: width, indent: 4) }
        }
        return lines
    }

    /// The colour of a phase: features green, patches only yellow, no fixes red, a line in development bold.
    private static func phasePaint(_ phase: PhaseSpan, policy: SupportPolicy, style: Style) -> (String) -> String {
        if phase.name == policy.developmentPhase { return { style.bold($0) } }
        if !phase.fixes || phase.takes == .none { return { style.red($0) } }
        if phase.takes >= .minor { return { style.green($0) } }
        return { style.yellow($0) }
    }

    private static func describe(_ policy: SupportPolicy) -> String {
        let lines = policy.line == .major ? "a line is a major" : "a line is a minor"
        return policy.preset.map { "\($0) preset, \(lines)" } ?? "custom phases, \(lines)"
    }

    /// When the next release of each kind is due; an overdue one is said once, as a warning.
    private static func cadenceText(_ table: SupportTable, _ style: Style, width: Int) -> [String] {
        guard !table.cadence.isEmpty else { return [] }
        var lines = ["", style.bold("cadence")]
        for status in table.cadence {
            guard let last = status.last, let due = status.due else {
                lines.append("  next \(status.kind.name): every \(status.every); no \(status.kind.name) release yet")
                continue
            }
            guard !status.isOverdue else { continue }
            lines += wrapped(
                "  next \(status.kind.name) due \(due) (\(relativeTime(of: due, from: table.at))), "
                    + "\(status.every) after \(last.version)", width: width, indent: 4)
        }
        for status in table.cadence where status.isOverdue {
            guard let due = status.due, let last = status.last else { continue }
            let days = "\(status.overdueDays) day\(status.overdueDays == 1 ? "" : "s")"
            lines += wrapped(
                "warning: next \(status.kind.name) overdue by \(days): due \(due), \(status.every) after "
                    + "\(last.version)", width: width, indent: 2
            ).map { style.yellow($0) }
        }
        return lines
    }

    /// One warning a kind of release that is overdue (warnings never fail).
    public static func cadenceWarnings(_ table: SupportTable) -> [String] {
        table.cadence.filter(\.isOverdue).compactMap { status in
            guard let due = status.due, let last = status.last else { return nil }
            return "the next \(status.kind.name) release was due on \(due), \(status.every) after \(last.version); "
                + "it is \(status.overdueDays) day\(status.overdueDays == 1 ? "" : "s") overdue"
        }
    }

    /// The table as JSON: `at` and `lines[]` (`line`, `phase`, `first_release`, `latest`, `end`, and more).
    public static func json(_ table: SupportTable, source: LifecycleSource) -> String {
        var members = header("support", table: table, source: source)
        members["lines"] = .array(table.lines.map { lineJSON($0, projection: table.projections[$0.line]) })
        members["expected_releases"] = .array(
            table.expectedReleases.map {
                .object(["version": .string($0.version.description), "due": .string($0.day.description)])
            })
        members["cadence"] = .array(
            table.cadence.map { status in
                .object([
                    "kind": .string(status.kind.name), "every": .string(status.every.description),
                    "last": .optional(status.last?.version.description), "due": .optional(status.due?.description),
                    "overdue": .bool(status.isOverdue), "overdue_days": .int(status.overdueDays),
                ])
            })
        members["warnings"] = .array(cadenceWarnings(table).map(JSONValue.string))
        return JSONValue.object(members).rendered
    }

    private static func header(_ command: String, table: SupportTable, source: LifecycleSource) -> [String: JSONValue] {
        [
            "schema": .string(schema), "command": .string(command), "at": .string(table.at.description),
            "policy": .object([
                "source": .string(source.policy), "project": .optional(source.project),
                "preset": .optional(table.policy.preset), "line": .string(table.policy.line.rawValue),
            ]),
        ]
    }

    private static func lineJSON(_ line: LineStatus, projection: LineProjection?) -> JSONValue {
        .object([
            "line": .string(line.line.description),
            "phase": .string(line.phase.name),
            "gets_fixes": .bool(line.getsFixes),
            "takes": .string(line.phase.takes.name),
            "first_release": .optional(line.firstRelease?.version.description),
            "first_release_date": .optional(line.firstRelease?.day.description),
            "latest": .string(line.latest.version.description),
            "latest_date": .string(line.latest.day.description),
            "end": .optional(line.end?.description),
            "end_condition": .optional(line.endCondition),
            "end_of_active_support": .optional(line.endOfActiveSupport?.description),
            "lts": .bool(line.isLTS),
            "projected_end": .optional(projection?.end?.description),
            "projected_end_with": .optional(projection?.endsWith?.version.description),
            "projected_phases": projection.map { projection in
                .array(
                    projection.spans.map { span in
                        .object([
                            "name": .string(span.name), "start": .string(span.start.description),
                            "end": .optional(span.end?.description),
                        ])
                    })
            } ?? .null,
            "phases": .array(
                line.spans.map { span in
                    .object([
                        "name": .string(span.name), "start": .string(span.start.description),
                        "end": .optional(span.end?.description),
                    ])
                }),
        ])
    }

    // MARK: One version

    /// `support VERSION` for people.
    public static func text(
        _ status: VersionStatus, table: SupportTable, source: LifecycleSource, width: Int = 100
    ) -> String {
        let line = status.line
        let phase = line.phase
        let takes =
            switch phase.takes {
            case .major, .minor: "features and fixes"
            case .patch: "patches only"
            case .none: "no releases"
            }
        var until = phase.end.map { " until \($0)" } ?? ""
        if phase.end == nil, let projected = projectedPhaseEnd(of: line, in: table) {
            until = " until \(projected) (projected from the cadence, \(relativeTime(of: projected, from: table.at)))"
        }
        var lines = wrapped(
            "\(status.version) at \(table.at): line \(line.line) is \(Inert.text(phase.name)) (\(takes)) since "
                + "\(phase.start)\(until).", width: width, indent: 2)
        if status.getsFixes {
            lines.append("It gets fixes: it is the newest release of line \(line.line).")
        } else if !line.getsFixes {
            lines.append("It gets no fixes: line \(line.line) is \(Inert.text(phase.name)).")
        } else {
            lines.append(
                "It gets no fixes: only the newest release of line \(line.line) does (\(line.latest.version)).")
        }
        if let upgrade = status.upgradeTo {
            lines.append("Upgrade to \(upgrade.version) (\(upgrade.day)).")
        }
        if let newest = status.newestSupported, newest.version != status.upgradeTo?.version,
            newest.version != status.version
        {
            lines.append("The newest release that gets fixes is \(newest.version).")
        }
        if !status.isNewestOfLine, line.latest.version < status.version {
            lines.append(
                "note: \(status.version) is not released; line \(line.line)'s newest is \(line.latest.version).")
        }
        lines.append("policy: \(Inert.text(source.policy))")
        return Inert.lines(lines)
    }

    /// `support VERSION` as JSON: `version`, `line`, `phase`, `gets_fixes`, `upgrade_to`, and more.
    public static func json(_ status: VersionStatus, table: SupportTable, source: LifecycleSource) -> String {
        var members = header("support", table: table, source: source)
        members["version"] = .string(status.version.description)
        members["line"] = .string(status.line.line.description)
        members["phase"] = .string(status.line.phase.name)
        members["gets_fixes"] = .bool(status.getsFixes)
        members["upgrade_to"] = .optional(status.upgradeTo?.version.description)
        members["newest_of_line"] = .bool(status.isNewestOfLine)
        members["line_latest"] = .string(status.line.latest.version.description)
        members["newest_supported"] = .optional(status.newestSupported?.version.description)
        members["phase_end"] = .optional(status.line.phase.end?.description)
        let projection = status.line.end == nil ? table.projections[status.line.line] : nil
        members["phase_projected_end"] = .optional(
            status.line.phase.end == nil ? projectedPhaseEnd(of: status.line, in: table)?.description : nil)
        members["projected_end"] = .optional(projection?.end?.description)
        members["projected_end_with"] = .optional(projection?.endsWith?.version.description)
        return JSONValue.object(members).rendered
    }

    /// When the cadence projects the line's current phase to end, if its end is not known yet.
    private static func projectedPhaseEnd(of line: LineStatus, in table: SupportTable) -> CalendarDay? {
        table.projections[line.line]?.spans.first(where: {
            $0.name == line.phase.name && $0.start == line.phase.start
        })?.end
    }

    // MARK: Fix targets

    /// `fix-targets VERSION` for people: one patch release a line.
    public static func fixTargetsText(
        _ targets: [FixTarget], since: Version, table: SupportTable, source: LifecycleSource
    ) -> String {
        var lines = ["fix targets at \(table.at) for a bug present since \(since):"]
        if targets.isEmpty {
            lines.append("  none: no line that gets fixes has a release at or after \(since)")
        } else {
            lines += alignedColumns(
                [["LINE", "PHASE", "AFTER", "RELEASE"]]
                    + targets.map {
                        [
                            $0.line.description, Inert.text($0.phase), $0.after.version.description,
                            $0.release.description,
                        ]
                    }
            ).map { "  " + $0 }
        }
        lines.append("policy: \(Inert.text(source.policy))")
        return Inert.lines(lines)
    }

    /// `fix-targets VERSION` as JSON: `targets[]` with `line` and `release`.
    public static func fixTargetsJSON(
        _ targets: [FixTarget], since: Version, table: SupportTable, source: LifecycleSource
    ) -> String {
        var members = header("fix-targets", table: table, source: source)
        members["since"] = .string(since.description)
        members["targets"] = .array(
            targets.map { target in
                .object([
                    "line": .string(target.line.description), "release": .string(target.release.description),
                    "after": .string(target.after.version.description), "phase": .string(target.phase),
                ])
            })
        return JSONValue.object(members).rendered
    }

    // MARK: endoflife.date

    /// The release cycles in endoflife.date's shape, newest first; lines without a final release are left out.
    public static func endOfLife(_ table: SupportTable) -> String {
        let cycles: [JSONValue] = table.lines.compactMap { line in
            guard let first = line.firstRelease else { return nil }
            return .object([
                "releaseCycle": .string(line.line.description),
                "releaseDate": .string(first.day.description),
                "eol": line.end.map { .string($0.description) } ?? .bool(false),
                "latest": .string(line.latest.version.description),
                "latestReleaseDate": .string(line.latest.day.description),
                "lts": .bool(line.isLTS),
                "eoas": line.endOfActiveSupport.map { .string($0.description) } ?? .bool(false),
            ])
        }
        return JSONValue.array(cycles).rendered
    }

    // MARK: Helpers
}

/// Renders `semgate deprecations` (`"schema": "semgate/deprecations@1"`).
public enum DeprecationsRenderer {
    public static let schema = "semgate/deprecations@1"

    /// One row an item still there (with `all`, also the removed ones): since, planned removal, state; under it
    /// what to use instead, the policy's `remove-when` and whether it holds, and the promotion it comes from. Fits
    /// `width` columns; notes are counted unless `all` lists them.
    public static func text(
        _ report: DeprecationReport, source: LifecycleSource, color: Bool = false, width: Int = 100,
        all: Bool = false
    ) -> String {
        let style = Style(enabled: color)
        let present = report.records.filter { $0.state != .removed }
        let removed = report.records.count - present.count
        let shown = all ? report.records : present
        var lines = wrapped(
            "\(present.count) live deprecation\(present.count == 1 ? "" : "s") at "
                + "\(Inert.text(revision(report.head))) on \(report.at)", width: width, indent: 2)
        lines += wrapped(
            "\(removed) removed" + (all || removed == 0 ? "" : " (--all lists them)") + "; minimum period: "
                + (report.period?.description ?? "none set"), width: width, indent: 2)
        lines.append(style.dim("policy: \(Inert.text(source.policy))"))
        if !shown.isEmpty {
            lines.append("")
            let rows = shown.map { record in
                let paint: (String) -> String =
                    switch record.state {
                    case .overdue: { style.red($0) }
                    case .removable: { style.yellow($0) }
                    case .removed: { style.dim($0) }
                    case .inWindow: { $0 }
                    }
                return [
                    TextTable.Cell(Inert.text(record.item)),
                    TextTable.Cell(record.since.map { "\($0.version)" } ?? "unreleased"),
                    TextTable.Cell(removal(record)), TextTable.Cell(record.state.rawValue, paint),
                ]
            }
            let table = TextTable(header: ["ITEM", "SINCE", "REMOVAL", "STATE"], rows: rows, flexible: 0)
            let (header, rendered) = table.renderRows(width: width)
            lines.append(header)
            for (record, row) in zip(shown, rendered) {
                lines += row
                for detail in details(record, at: report.at) {
                    lines += wrapped("  " + detail, width: width, indent: 4)
                }
            }
        }
        if !report.notes.isEmpty {
            lines.append("")
            if all {
                for note in report.notes {
                    lines += wrapped("note: \(Inert.text(note))", width: width, indent: 2).map { style.dim($0) }
                }
            } else {
                let count = report.notes.count
                lines += wrapped(
                    "\(count) note\(count == 1 ? "" : "s") on what the surface could not read (--all lists "
                        + "\(count == 1 ? "it" : "them"))", width: width, indent: 2
                ).map { style.dim($0) }
            }
        }
        return Inert.lines(lines, color: color)
    }

    /// `3.0.0`, `3.0.0 (next major)`, `overdue: planned for 2.0.0`, `removed in 2.0.0`.
    static func removal(_ record: DeprecationRecord) -> String {
        if let removed = record.removedIn { return "removed in \(removed.version)" }
        guard let planned = record.plannedRemoval else {
            return record.removalBasis == .promotion ? "by a later minor" : "-"
        }
        if record.state == .overdue { return "overdue: planned for \(planned)" }
        switch record.removalBasis {
        case .declared: return planned.description
        case .promotion: return "\(planned) (promotion)"
        case .nextMajor: return "\(planned) (next major)"
        }
    }

    /// The lines under a record: replacement, condition, promotion.
    private static func details(_ record: DeprecationRecord, at: CalendarDay) -> [String] {
        var lines: [String] = []
        if let replacement = record.replacement { lines.append("use instead: \(Inert.text(replacement))") }
        if let status = record.condition { lines.append("remove when \(Inert.text(conditionText(status, at: at)))") }
        if let promotion = record.promotion {
            lines.append(
                "promoted to \(Inert.text(promotion.newKey)) in \(promotion.promotedIn.version); the policy removes "
                    + "the old key within \(promotion.removeWithin) minor\(promotion.removeWithin == 1 ? "" : "s")")
        }
        return lines
    }

    /// `line 1 deprecated: holds since 2027-05-11` or `line 1 deprecated: not yet, line 1 is supported (projected
    /// 2027-05-11 when 3.0.0 ships, in about 5 months)`.
    static func conditionText(_ status: ConditionStatus, at: CalendarDay) -> String {
        let condition = status.condition
        if status.holds {
            return "\(condition): holds" + (status.since.map { " since \($0)" } ?? "")
        }
        var text =
            "\(condition): not yet, "
            + (status.phase.map { "line \(condition.line) is \($0)" } ?? "line \(condition.line) has no release")
        if let day = status.projected {
            text +=
                " (projected \(day)"
                + (status.projectedWith.map { " when \($0.version) ships" } ?? "")
                + ", \(relativeTime(of: day, from: at)))"
        }
        return text
    }

    private static func revision(_ info: RevisionInfo) -> String {
        "\(info.rev) (\(info.version.map { "\($0), " } ?? "")\(info.commit.short))"
    }

    private static func conditionJSON(_ status: ConditionStatus) -> JSONValue {
        .object([
            "condition": .string(status.condition.description), "line": .string(status.condition.line),
            "phase": .string(status.condition.phase), "holds": .bool(status.holds),
            "since": .optional(status.since?.description), "line_phase": .optional(status.phase),
            "projected": .optional(status.projected?.description),
            "projected_with": .optional(status.projectedWith?.version.description),
        ])
    }

    /// The report as JSON: every record, the removed ones too (filter on `state`), and every note.
    public static func json(_ report: DeprecationReport, source: LifecycleSource) -> String {
        func point(_ point: ReleasePoint?) -> JSONValue {
            guard let point else { return .null }
            return .object([
                "version": .string(point.version.description), "tag": .string(point.tag),
                "date": .string(point.day.description),
            ])
        }
        let period: JSONValue =
            report.period.map { period in
                .object([
                    "releases": period.releases.map(JSONValue.int) ?? .null,
                    "days": period.days.map(JSONValue.int) ?? .null,
                    "rest_of_major": .bool(period.restOfMajor),
                ])
            } ?? .null
        let records: [JSONValue] = report.records.map { record in
            .object([
                "item": .string(record.item),
                "since": point(record.since),
                "planned_removal": .optional(record.plannedRemoval?.description),
                "removal_declared": .bool(record.removalDeclared),
                "earliest_removal": .optional(record.earliestRemovalDay?.description),
                "replacement": .optional(record.replacement),
                "state": .string(record.state.rawValue),
                "removed_in": point(record.removedIn),
                "removal_basis": .string(record.removalBasis.rawValue),
                "remove_when": record.condition.map(conditionJSON) ?? .null,
                "promotion": record.promotion.map { promotion in
                    .object([
                        "promoted_in": point(promotion.promotedIn), "remove_within": .int(promotion.removeWithin),
                    ])
                } ?? .null,
            ])
        }
        return JSONValue.object([
            "schema": .string(schema), "command": "deprecations", "at": .string(report.at.description),
            "head": JSONRenderer.revision(report.head),
            "policy": .object(["source": .string(source.policy), "project": .optional(source.project)]),
            "period": period, "deprecations": .array(records), "notes": .array(report.notes.map(JSONValue.string)),
        ]).rendered
    }
}

/// Left-aligned columns two spaces apart, trailing spaces trimmed: the tables of the text outputs.
func alignedColumns(_ rows: [[String]]) -> [String] {
    let count = rows.map(\.count).max() ?? 0
    let widths = (0..<count).map { index in rows.map { index < $0.count ? $0[index].count : 0 }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { index, cell in
            cell + String(repeating: " ", count: widths[index] - cell.count)
        }.joined(separator: "  ").trimmingTrailingSpaces()
    }
}
