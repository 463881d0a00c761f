import Gate

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
        switch name {
        case TextRenderer.identifier: return TextRenderer()
        case JSONRenderer.identifier: return JSONRenderer()
        case MarkdownRenderer.identifier: return MarkdownRenderer()
        case GitHubRenderer.identifier: return GitHubRenderer()
        case SARIFRenderer.identifier: return SARIFRenderer()
        case JUnitRenderer.identifier: return JUnitRenderer()
        default: return nil
        }
    }
}

extension Report {
    /// `base..head` as people name them: `v2.0.0..v2.1.0`, or `origin/main (2.0.0)..HEAD`.
    var rangeLabel: String {
        func name(_ info: RevisionInfo?) -> String {
            guard let info else { return "?" }
            let version = info.version.map { " (\($0))" } ?? ""
            return info.rev == info.version.map({ "v\($0)" }) ? info.rev : "\(info.rev)\(version)"
        }
        return "\(name(base))..\(name(head))"
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
