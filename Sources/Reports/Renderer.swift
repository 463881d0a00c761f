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
    public static let all: [any Renderer.Type] = [TextRenderer.self, JSONRenderer.self]

    /// The names `--format` accepts.
    public static var identifiers: [String] { all.map { $0.identifier } }

    /// The renderer for `name`, or nil.
    public static func named(_ name: String) -> (any Renderer)? {
        switch name {
        case TextRenderer.identifier: return TextRenderer()
        case JSONRenderer.identifier: return JSONRenderer()
        default: return nil
        }
    }
}
