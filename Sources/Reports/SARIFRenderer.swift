import Gate
import Policy
import Surface

/// SARIF 2.1.0 for code-scanning tools: one run, a rule entry with help text for every rule semgate knows, one
/// result a finding with its location and a stable fingerprint. Deterministic: sorted keys, no dates or paths
/// of the machine. The texts code scanning shows (a result's message, a suppression's justification) show hidden
/// characters visibly (`Inert.text`); the item and the path keep the repository's text exactly.
public struct SARIFRenderer: Renderer {
    public static let identifier = "sarif"
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key of `partialFingerprints`; its version changes when the fingerprint's recipe does.
    public static let fingerprintKey = "semgateFinding/v1"

    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        // Code scanning refuses a result without a location: a finding about tags or versions points at the policy.
        let policyFile = report.policy.path.flatMap { path in
            path.hasPrefix("/") || path.split(separator: "/").contains("..") ? nil : Location(path: path, line: 1)
        }
        var results: [JSONValue] = report.findings.map { result($0, release: nil, fallback: policyFile) }
        for row in report.releases ?? [] {
            results += row.findings.map {
                result($0, release: row.release.version.description, fallback: policyFile)
            }
        }
        var properties: [String: JSONValue] = [
            "command": .string(report.kind.rawValue),
            "verdict": .string(report.verdict.rawValue),
            "policy": .string(report.policy.source),
            "required": .optional(report.required?.name),
            "actual": .optional(report.actual?.name),
            "declared": .optional(report.declared?.name),
            "next": .optional(report.next?.description),
            "changes": .int(report.changes.count),
        ]
        if let base = report.base { properties["base"] = JSONRenderer.revision(base) }
        if let head = report.head { properties["head"] = JSONRenderer.revision(head) }
        var run: [String: JSONValue] = [
            "tool": .object([
                "driver": .object([
                    "name": "semgate",
                    "rules": .array(Rule.all.map(Self.ruleEntry)),
                ])
            ]),
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": .object([
                "SRCROOT": .object(["description": .object(["text": "The root of the repository semgate read."])])
            ]),
            "results": .array(results),
            "properties": .object(properties),
        ]
        // Notes (a file that did not parse, what could not be read) are tool execution notifications: SARIF's place
        // for what a run tells its reader that is no result.
        if !report.notes.isEmpty {
            let notifications = report.notes.map { note in
                JSONValue.object(["level": "note", "message": .object(["text": .string(Self.plain(note))])])
            }
            run["invocations"] = .array([
                .object(["executionSuccessful": true, "toolExecutionNotifications": .array(notifications)])
            ])
        }
        return JSONValue.object([
            "$schema": .string(Self.schemaURI), "version": "2.1.0", "runs": .array([.object(run)]),
        ]).rendered
    }

    static func level(_ severity: Severity) -> JSONValue {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        case .off: "none"
        }
    }

    static func ruleEntry(_ rule: Rule) -> JSONValue {
        let name = rule.name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return .object([
            "id": .string(rule.name),
            "name": .string(name),
            "shortDescription": .object(["text": .string(rule.summary)]),
            "fullDescription": .object(["text": .string(rule.explanation)]),
            "help": .object([
                "text": .string(rule.help), "markdown": .string(RuleDocs.section(rule, heading: "###")),
            ]),
            "defaultConfiguration": .object(["level": level(rule.defaultSeverity)]),
            "properties": .object(["tags": .array(["semver", "stability"])]),
        ])
    }

    private func result(_ finding: Finding, release: String?, fallback: Location?) -> JSONValue {
        let release = finding.release ?? release
        var members: [String: JSONValue] = [
            "ruleId": .string(finding.rule.id),
            "ruleIndex": .int(RuleID.allCases.firstIndex(of: finding.rule) ?? 0),
            "level": Self.level(finding.severity),
            "message": .object([
                "text": .string(
                    Self.plain(finding.message)
                        + (finding.severity == .error
                            ? finding.remedy.map { "\nWhat to do: " + Self.plain($0) } ?? "" : ""))
            ]),
            "partialFingerprints": .object([
                Self.fingerprintKey: .string(
                    Self.fingerprint([finding.rule.id, finding.item ?? finding.message, release ?? ""]))
            ]),
            "properties": .object(["release": .optional(release), "item": .optional(finding.item)]),
        ]
        if let location = finding.location ?? fallback {
            var physical: [String: JSONValue] = [
                "artifactLocation": .object([
                    "uri": .string(Self.uriReference(location.path)), "uriBaseId": "SRCROOT",
                ])
            ]
            if let line = location.line { physical["region"] = .object(["startLine": .int(max(line, 1))]) }
            members["locations"] = .array([.object(["physicalLocation": .object(physical)])])
        }
        if let reason = finding.exception {
            members["suppressions"] = .array([
                .object(["kind": "external", "status": "accepted", "justification": .string(Self.plain(reason))])
            ])
        }
        return .object(members)
    }

    /// A plain-text SARIF message from text that holds repository text: hidden characters shown (`Inert.text`), and
    /// `[` and `]` escaped with a backslash, since SARIF 2.1.0 §3.11.6 reads `[text](target)` in a plain-text message
    /// as an embedded link: a flag named `x[docs](https://example.com)` would otherwise be a link the repository chose
    /// in the code-scanning view (review R70). A backslash is escaped too, so that `\[` in a name stays literal.
    static func plain(_ text: String) -> String {
        var result = ""
        for scalar in Inert.text(text).unicodeScalars {
            if scalar == "[" || scalar == "]" || scalar == "\\" { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// A repository path as a relative URI reference: everything but unreserved characters and `/` percent-encoded.
    static func uriReference(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }

    /// FNV-1a (64 bits) over the parts, each ended by a NUL, as 16 hex digits: stable across runs and machines.
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
