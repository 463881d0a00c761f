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

    /// The table for people: one row a line, newest first, then the cadence.
    public static func text(_ table: SupportTable, source: LifecycleSource, color: Bool = false) -> String {
        let style = Style(enabled: color)
        var lines = [
            "\(source.project.map { "\(Inert.text($0)) " } ?? "")release lines at \(table.at) "
                + "(\(Inert.text(describe(table.policy))))",
            style.dim("policy: \(Inert.text(source.policy))"), "",
        ]
        var rows = [["LINE", "PHASE", "FIXES", "FIRST RELEASE", "LATEST", "END"]]
        for line in table.lines {
            rows.append([
                line.line.description, Inert.text(line.phase.name) + (line.isLTS ? " (LTS)" : ""),
                line.getsFixes ? "yes" : "no",
                line.firstRelease.map { "\($0.version) (\($0.day))" } ?? "-",
                "\(line.latest.version) (\(line.latest.day))",
                line.end.map(\.description) ?? line.endCondition.map { "when \(Inert.text($0))" } ?? "-",
            ])
        }
        if table.lines.isEmpty {
            lines.append("no release published by \(table.at)")
        } else {
            lines += alignedColumns(rows)
        }
        lines += cadenceText(table, style)
        return Inert.lines(lines, color: color)
    }

    private static func describe(_ policy: SupportPolicy) -> String {
        let lines = policy.line == .major ? "a line is a major" : "a line is a minor"
        return policy.preset.map { "\($0) preset, \(lines)" } ?? "custom phases, \(lines)"
    }

    private static func cadenceText(_ table: SupportTable, _ style: Style) -> [String] {
        guard !table.cadence.isEmpty else { return [] }
        var lines = ["", style.bold("cadence")]
        for status in table.cadence {
            guard let last = status.last, let due = status.due else {
                lines.append("  next \(status.kind.name): every \(status.every); no \(status.kind.name) release yet")
                continue
            }
            var line = "  next \(status.kind.name) due \(due) (\(status.every) after \(last.version) of \(last.day))"
            if status.isOverdue {
                line += style.yellow(": overdue by \(status.overdueDays) day\(status.overdueDays == 1 ? "" : "s")")
            }
            lines.append(line)
        }
        for warning in cadenceWarnings(table) { lines.append(style.yellow("warning: \(warning)")) }
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
        members["lines"] = .array(table.lines.map(lineJSON))
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

    private static func lineJSON(_ line: LineStatus) -> JSONValue {
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
    public static func text(_ status: VersionStatus, table: SupportTable, source: LifecycleSource) -> String {
        let line = status.line
        let phase = line.phase
        let takes =
            switch phase.takes {
            case .major, .minor: "features and fixes"
            case .patch: "patches only"
            case .none: "no releases"
            }
        var lines = [
            "\(status.version) at \(table.at): line \(line.line) is \(Inert.text(phase.name)) (\(takes)) since \(phase.start)"
                + (phase.end.map { " until \($0)" } ?? "") + "."
        ]
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
        return JSONValue.object(members).rendered
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

    /// One row an item: since, planned removal, replacement, state.
    public static func text(_ report: DeprecationReport, source: LifecycleSource, color: Bool = false) -> String {
        let style = Style(enabled: color)
        let present = report.records.filter { $0.state != .removed }
        var lines = [
            "\(present.count) deprecated item\(present.count == 1 ? "" : "s") at \(Inert.text(revision(report.head))), "
                + "\(report.records.count - present.count) removed; \(report.at); minimum period: "
                + (report.period?.description ?? "none set"),
            style.dim("policy: \(Inert.text(source.policy))"),
        ]
        if !report.records.isEmpty {
            lines.append("")
            var rows = [["ITEM", "SINCE", "REMOVAL", "REPLACEMENT", "STATE"]]
            for record in report.records {
                let removal =
                    record.removedIn.map { "removed in \($0.version)" }
                    ?? record.plannedRemoval.map { "\($0)\(record.removalDeclared ? "" : " (next major)")" } ?? "-"
                rows.append([
                    Inert.text(record.item), record.since.map { "\($0.version) (\($0.day))" } ?? "unreleased", removal,
                    record.replacement.map(Inert.text) ?? "-", record.state.rawValue,
                ])
            }
            let table = alignedColumns(rows)
            lines.append(table[0])
            for (row, record) in zip(table.dropFirst(), report.records) {
                switch record.state {
                case .overdue: lines.append(style.red(row))
                case .removable: lines.append(style.yellow(row))
                case .removed: lines.append(style.dim(row))
                case .inWindow: lines.append(row)
                }
            }
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines += report.notes.map { style.dim("note: \(Inert.text($0))") }
        }
        return Inert.lines(lines, color: color)
    }

    private static func revision(_ info: RevisionInfo) -> String {
        "\(info.rev) (\(info.version.map { "\($0), " } ?? "")\(info.commit.short))"
    }

    /// The report as JSON.
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
