import Gate
import Policy
import Surface

/// How a renderer is asked to draw.
public struct RenderOptions: Sendable {
    /// ANSI colour for terminals.
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
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
    /// `base..head` as people name them: `v2.0.0..v2.1.0`, or `origin/main (2.0.0)..HEAD`; a full SHA is shortened.
    var rangeLabel: String {
        func name(_ info: RevisionInfo?) -> String {
            guard let info else { return "?" }
            let version = info.version.map { " (\($0))" } ?? ""
            let isFullSHA = info.rev.count == 40 && info.rev.allSatisfy(\.isHexDigit)
            let rev = isFullSHA ? info.commit.short : info.rev
            return rev == info.version.map({ "v\($0)" }) ? rev : "\(rev)\(version)"
        }
        return "\(name(base))..\(name(head))"
    }
}

extension Report {
    /// Every finding of the report, audited releases' included.
    var allFindings: [Finding] { findings + (releases ?? []).flatMap(\.findings) }

    /// Why the verdict is what it is: `2 errors: breaking-without-major (1), version-file-mismatch (1)`, then the
    /// warnings the same way; `no errors` when there are none of either.
    var verdictReason: String {
        let parts = [Severity.error, .warning].compactMap { severity -> String? in
            let matching = allFindings.filter { $0.severity == severity }
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
