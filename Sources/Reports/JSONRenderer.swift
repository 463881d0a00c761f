import Dispatch
import Foundation
import Gate
import Releases
import SemVer
import Surface
import Synchronization

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
            "notes": .array(report.notes.map(JSONValue.string)),
            "incomplete_surfaces": .array(report.incompleteSurfaces.map(JSONValue.string)),
        ]
        if let items = report.items { members["items"] = .array(items.map(Self.item)) }
        if let focus = report.focus {
            members["focus"] = .object([
                "only": .array(focus.only.map(JSONValue.string)),
                "hidden_changes": .int(focus.hiddenChanges), "hidden_findings": .int(focus.hiddenFindings),
                "hidden_items": .int(focus.hiddenItems),
            ])
        }
        // The changes, findings and release rows (most of an audit's bytes) are written directly, the rows each on
        // its own and side by side (`rows`), then put in their place among the members in key order.
        let written: [String: (inout JSONWriter) -> Void] = [
            "changes": { Self.changes(report.changes, into: &$0) },
            "findings": { Self.findings(report.findings, into: &$0) },
        ]
        let rows = report.releases.map { Self.rows($0) }
        var keys = Array(members.keys) + Array(written.keys)
        if rows != nil { keys.append("releases") }
        var writer = JSONWriter()
        writer.object { object in
            for key in keys.sorted() {
                object.key(key)
                if let value = members[key] {
                    object.value(value)
                } else if let write = written[key] {
                    write(&object)
                } else if let rows {
                    object.array { array in
                        for row in rows {
                            array.element()
                            array.raw(bytes: row)
                        }
                    }
                }
            }
        }
        writer.raw("\n")
        return writer.output
    }

    /// Each release row written at the depth of an element of the top-level `releases` array, side by side on the
    /// machine's cores (each row alone; the order is the rows' order).
    static func rows(_ rows: [ReleaseRow]) -> [[UInt8]] {
        let repeats = PreReleaseRepeats(rows)
        let written = Mutex([[UInt8]?](repeating: nil, count: rows.count))
        let chunks = min(rows.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var texts: [(Int, [UInt8])] = []
            for index in stride(from: chunk, to: rows.count, by: chunks) {
                var writer = JSONWriter(indent: 4)
                release(rows[index], into: &writer, repeats: (repeats, index))
                texts.append((index, writer.bytes))
            }
            written.withLock { slots in
                for (index, text) in texts { slots[index] = text }
            }
        }
        return written.withLock { $0.map { $0 ?? [] } }
    }

    static func revision(_ info: RevisionInfo) -> JSONValue {
        .object([
            "rev": .string(info.rev), "commit": .string(info.commit.hex),
            "version": .optional(info.version?.description),
        ])
    }

    static func changes(_ changes: [Change], into writer: inout JSONWriter) {
        writer.array { array in
            for change in changes {
                array.element()
                self.change(change, into: &array)
            }
        }
    }

    /// One change; its keys in sorted order.
    static func change(_ change: Change, into writer: inout JSONWriter) {
        writer.object { object in
            object.key("after")
            state(change.after, into: &object)
            object.key("before")
            state(change.before, into: &object)
            object.member("bump", change.bump.name)
            object.key("changed_attributes")
            object.array { array in
                for attribute in change.changedAttributes {
                    array.element()
                    array.string(attribute)
                }
            }
            object.key("experimental")
            object.bool(change.experimental)
            object.member("item", change.id)
            object.member("key", change.key)
            object.member("kind", change.kind.rawValue)
            object.member("location", optional: change.location?.description)
            object.member("surface", change.surface)
        }
    }

    static func state(_ item: SurfaceItem?, into writer: inout JSONWriter) {
        guard let item else {
            writer.raw("null")
            return
        }
        writer.object { object in
            object.key("attributes")
            attributes(item.attributes, into: &object)
            object.member("location", optional: item.location?.description)
            object.member("stability", item.stability.rawValue)
        }
    }

    static func attributes(_ attributes: [String: String], into writer: inout JSONWriter) {
        writer.object { object in
            for name in attributes.keys.sorted() {
                object.member(name, attributes[name, default: ""])
            }
        }
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
    /// In an audit's release row, `repeats` marks the findings an earlier pre-release of the version reported
    /// (`first_reported`: its version) and those later releases of it repeat (`also_in`: their versions).
    static func findings(
        _ findings: [Finding], into writer: inout JSONWriter, repeats: (PreReleaseRepeats, row: Int)? = nil
    ) {
        let groups = self.groups(findings)
        writer.array { array in
            for (position, finding) in findings.enumerated() {
                array.element()
                let place = repeats.map { PreReleaseRepeats.Place(row: $0.row, finding: position) }
                self.finding(
                    finding, group: groups[finding], alsoIn: place.flatMap { repeats?.0.alsoIn[$0] },
                    firstReported: place.flatMap { repeats?.0.firstReported[$0] }, into: &array)
            }
        }
    }

    private static func groups(_ findings: [Finding]) -> [Finding: String] {
        var groups: [Finding: String] = [:]
        guard findings.count > 1 else { return groups }
        for group in FindingGroup.grouping(findings) where group.findings.count > 1 {
            let name = group.label ?? group.items.joined(separator: ", ")
            for finding in group.findings { groups[finding] = name }
        }
        return groups
    }

    /// One finding; its keys in sorted order.
    static func finding(
        _ finding: Finding, group: String?, alsoIn: [String]? = nil, firstReported: String? = nil,
        into writer: inout JSONWriter
    ) {
        writer.object { object in
            if let alsoIn {
                object.key("also_in")
                object.value(.array(alsoIn.map(JSONValue.string)))
            }
            object.member("exception", optional: finding.exception)
            if let firstReported { object.member("first_reported", firstReported) }
            object.member("group", optional: group)
            object.member("item", optional: finding.item)
            object.member("location", optional: finding.location?.description)
            object.member("message", finding.message)
            object.member("release", optional: finding.release)
            object.member("remedy", optional: finding.remedy)
            object.member("rule", finding.rule.id)
            object.member("severity", finding.severity.rawValue)
        }
    }

    /// One release row; its keys in sorted order.
    static func release(
        _ row: ReleaseRow, into writer: inout JSONWriter, repeats: (PreReleaseRepeats, row: Int)? = nil
    ) {
        writer.object { object in
            object.member("actual", optional: row.actual?.name)
            object.key("changes")
            changes(row.changes, into: &object)
            object.member("commit", row.release.commit.hex)
            object.member("date", isoDate(row.release.date))
            object.member("date_source", row.release.dateSource.rawValue)
            object.member("declared", optional: row.declared?.name)
            object.key("findings")
            findings(row.findings, into: &object, repeats: repeats)
            object.member("predecessor", optional: row.predecessor?.version.description)
            object.member("required", optional: row.required?.name)
            object.member("tag", row.release.tag)
            object.member("verdict", row.verdict.rawValue)
            object.member("version", row.release.version.description)
        }
    }

    /// `2024-03-01T12:00:00Z`, always UTC.
    static func isoDate(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
