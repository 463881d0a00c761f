import Gate
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
