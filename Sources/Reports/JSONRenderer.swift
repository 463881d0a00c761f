import Foundation
import Gate
import Releases
import SemVer
import Surface

/// The stable, versioned JSON contract (`"schema": "semgate/report@1"`): sorted keys, byte-identical across runs.
public struct JSONRenderer: Renderer {
    public static let identifier = "json"
    public static let schema = "semgate/report@1"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        var members: [String: JSONValue] = [
            "schema": .string(Self.schema),
            "command": .string(report.kind.rawValue),
            "verdict": .string(report.verdict.rawValue),
            "policy": .object([
                "source": .string(report.policy.source), "defaults": .bool(report.policy.defaults),
                "project": .optional(report.policy.project),
            ]),
            "base": report.base.map(Self.revision) ?? .null,
            "head": report.head.map(Self.revision) ?? .null,
            "required": .optional(report.required?.name),
            "actual": .optional(report.actual?.name),
            "allow": .optional(report.allow?.name),
            "declared": .optional(report.declared?.name),
            "next": .optional(report.next?.description),
            "changes": .array(report.changes.map(Self.change)),
            "findings": .array(Self.findings(report.findings)),
            "notes": .array(report.notes.map(JSONValue.string)),
            "incomplete_surfaces": .array(report.incompleteSurfaces.map(JSONValue.string)),
        ]
        if let releases = report.releases { members["releases"] = .array(releases.map(Self.release)) }
        if let items = report.items { members["items"] = .array(items.map(Self.item)) }
        if let focus = report.focus {
            members["focus"] = .object([
                "only": .array(focus.only.map(JSONValue.string)),
                "hidden_changes": .int(focus.hiddenChanges), "hidden_findings": .int(focus.hiddenFindings),
                "hidden_items": .int(focus.hiddenItems),
            ])
        }
        return JSONValue.object(members).rendered
    }

    static func revision(_ info: RevisionInfo) -> JSONValue {
        .object([
            "rev": .string(info.rev), "commit": .string(info.commit.hex),
            "version": .optional(info.version?.description),
        ])
    }

    static func change(_ change: Change) -> JSONValue {
        .object([
            "surface": .string(change.surface),
            "item": .string(change.id),
            "key": .string(change.key),
            "kind": .string(change.kind.rawValue),
            "bump": .string(change.bump.name),
            "before": change.before.map(state) ?? .null,
            "after": change.after.map(state) ?? .null,
            "changed_attributes": .array(change.changedAttributes.map(JSONValue.string)),
            "location": .optional(change.location?.description),
            "experimental": .bool(change.experimental),
        ])
    }

    static func state(_ item: SurfaceItem) -> JSONValue {
        .object([
            "attributes": .object(item.attributes.mapValues(JSONValue.string)),
            "stability": .string(item.stability.rawValue),
            "location": .optional(item.location?.description),
        ])
    }

    static func item(_ item: SurfaceItem) -> JSONValue {
        .object([
            "surface": .string(item.surface),
            "item": .string(item.id),
            "key": .string(item.key),
            "attributes": .object(item.attributes.mapValues(JSONValue.string)),
            "stability": .string(item.stability.rawValue),
            "location": .optional(item.location?.description),
        ])
    }

    /// One object a finding, item by item; the findings of one cause (``FindingGroup``) carry the same `group`: the
    /// brace glob of their items (`cli:k6 {archive,run} --no-thresholds`), or the items listed with ", ".
    static func findings(_ findings: [Finding]) -> [JSONValue] {
        var groups: [Finding: String] = [:]
        for group in FindingGroup.grouping(findings) where group.findings.count > 1 {
            let name = group.label ?? group.items.joined(separator: ", ")
            for finding in group.findings { groups[finding] = name }
        }
        return findings.map { finding($0, group: groups[$0]) }
    }

    static func finding(_ finding: Finding, group: String? = nil) -> JSONValue {
        .object([
            "group": .optional(group),
            "rule": .string(finding.rule.id),
            "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
            "release": .optional(finding.release),
            "item": .optional(finding.item),
            "location": .optional(finding.location?.description),
            "exception": .optional(finding.exception),
            "remedy": .optional(finding.remedy),
        ])
    }

    static func release(_ row: ReleaseRow) -> JSONValue {
        .object([
            "version": .string(row.release.version.description),
            "tag": .string(row.release.tag),
            "commit": .string(row.release.commit.hex),
            "date": .string(isoDate(row.release.date)),
            "date_source": .string(row.release.dateSource.rawValue),
            "predecessor": .optional(row.predecessor?.version.description),
            "required": .optional(row.required?.name),
            "actual": .optional(row.actual?.name),
            "declared": .optional(row.declared?.name),
            "verdict": .string(row.verdict.rawValue),
            "changes": .array(row.changes.map(change)),
            "findings": .array(findings(row.findings)),
        ])
    }

    /// `2024-03-01T12:00:00Z`, always UTC.
    static func isoDate(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
