import Pattern
import Yams

/// One value of a policy file (a mapping, list or scalar) with its position, opaque outside the loader.
public struct PolicyNode {
    let node: Node
}

/// Reads one extractor's settings (the value under its kind in `extract:`) with the loader's diagnostics: every
/// problem is reported at its file:line:column, unknown keys with a did-you-mean, and the whole policy is checked in
/// one run.
public struct ExtractorSettingsReader {
    var reader: PolicyReader
    /// The surface the extractor belongs to.
    public let surface: String
    /// The kind's name (`regex`).
    public let kind: String
    /// The kind's key (`regex:`) in the file, where "has no 'files'" is reported.
    public let key: PolicyNode

    /// The number of problems reported so far; compare before and after reading a value to see whether it was valid.
    public var problemCount: Int { reader.diagnostics.count }
    /// How the value is named in messages: `'regex' in surface 'flags'`.
    public var field: String { "'\(kind)' in surface '\(surface)'" }
    /// Where a key sits, for messages: `in the regex extractor of surface 'flags'`.
    public var context: String { "in the \(kind) extractor of surface '\(surface)'" }

    /// True for an absent value (`go-api:` or `go-api: ~`).
    public func isNull(_ node: PolicyNode) -> Bool { PolicyReader.isNull(node.node) }

    /// True for a mapping.
    public func isMapping(_ node: PolicyNode) -> Bool {
        if case .mapping = node.node { return true }
        return false
    }

    /// True for a list with no elements.
    public func isEmptyList(_ node: PolicyNode) -> Bool {
        if case .sequence(let sequence) = node.node { return sequence.isEmpty }
        return false
    }

    /// Reports `message` at `node`.
    public mutating func report(_ message: String, at node: PolicyNode) {
        reader.report(message, at: node.node)
    }

    /// Reports that `node` is not what `field` (default: the extractor's value) expects.
    public mutating func typeMismatch(
        expected: String, for field: String? = nil, found node: PolicyNode, example: String?
    ) {
        reader.typeMismatch(expected: expected, for: field ?? self.field, found: node.node, example: example)
    }

    /// The values of a mapping by key; a key not in `allowed` is reported with a suggestion, a non-mapping with
    /// what was found.
    public mutating func fields(of node: PolicyNode, allowed: [String]) -> [String: PolicyNode]? {
        reader.entries(of: node.node, for: field, allowed: allowed, context: context)?.mapValues {
            PolicyNode(node: $0.value)
        }
    }

    /// A scalar's text; nulls, lists and mappings are reported.
    public mutating func string(_ node: PolicyNode, for field: String, example: String? = nil) -> String? {
        reader.string(node.node, for: field, example: example)
    }

    /// A list of globs; each invalid one is reported at its element.
    public mutating func globs(_ node: PolicyNode, for field: String) -> [Glob] {
        reader.globs(node.node, for: field).map(\.glob)
    }

    /// A repository-relative path without `./` or trailing slashes; absolute paths and `..` are reported.
    public mutating func path(_ text: String, at node: PolicyNode, for field: String) -> String? {
        reader.normalisedPath(text, at: node.node, for: field)
    }

    /// A pattern compiled, or nil with its syntax error, or `missingGroup` when `hasGroups` rejects it.
    public mutating func pattern(
        _ source: String, at node: PolicyNode, errorPrefix: String, hasGroups: (Pattern) -> Bool, missingGroup: String
    ) -> Pattern? {
        reader.compile(
            source, at: node.node, errorPrefix: errorPrefix, hasGroups: hasGroups, missingGroup: missingGroup)
    }

    /// A stability name, or nil with a suggestion.
    public mutating func stability(_ text: String, at node: PolicyNode) -> Stability? {
        if let stability = Stability(rawValue: text) { return stability }
        let names = Stability.allCases.map(\.rawValue)
        report("invalid stability '\(text)'" + Suggestions.hint(for: text, among: names), at: node)
        return nil
    }
}
