import Yams

/// A value of a drafted policy (`semgate init`), built as data so that a YAML emitter writes it: names found in a
/// repository (a `package.json` bin key, a folder) are scalars the emitter quotes, never text pasted into YAML.
public indirect enum DraftNode: Sendable, Equatable {
    /// A string; the emitter quotes it when a plain scalar would read as something else.
    case string(String)
    /// An integer (`semgate: 1`).
    case integer(Int)
    /// A list, written in flow style (`["a", "b"]`).
    case list([DraftNode])
    /// A mapping in the order given; entries may carry comments.
    case mapping([DraftEntry])
}

/// One entry of a drafted mapping: comment lines written above it, then `key: value`. An entry without a key is
/// comment lines only (a commented-out section).
public struct DraftEntry: Sendable, Equatable {
    public var comments: [String]
    public var key: String?
    public var value: DraftNode

    public init(_ key: String, _ value: DraftNode, comments: [String] = []) {
        self.key = key
        self.value = value
        self.comments = comments
    }

    /// Comment lines only.
    public init(comments: [String]) {
        self.key = nil
        self.value = .mapping([])
        self.comments = comments
    }
}

/// Why a draft could not be written (the emitter refused a value, or the result does not read back as written).
public struct DraftYAMLError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// Writes drafted policies: values through Yams's emitter, comments as `#` lines whose text cannot leave the line.
public enum DraftYAML {
    /// The YAML text of `entries` as a top-level mapping. The result is read back and its top-level keys checked
    /// against `entries`, so no value can add a key.
    public static func render(_ entries: [DraftEntry]) throws(DraftYAMLError) -> String {
        let text = try lines(entries, indent: "").joined(separator: "\n") + "\n"
        let expected = entries.compactMap(\.key)
        let found: [String]
        do {
            guard let node = try Yams.compose(yaml: text) else {
                if expected.isEmpty { return text }
                throw DraftYAMLError(description: "the drafted policy reads back empty")
            }
            found = node.mapping.map { Array($0.keys.compactMap(\.string)) } ?? []
        } catch let error as DraftYAMLError {
            throw error
        } catch {
            throw DraftYAMLError(description: "the drafted policy does not read back: \(error)")
        }
        guard found == expected else {
            throw DraftYAMLError(
                description: "the drafted policy reads back with keys \(found) instead of \(expected)")
        }
        return text
    }

    /// A comment line's text made inert: control characters, line and paragraph separators and bidirectional
    /// controls become visible `\u{...}` escapes, so repository text cannot end the comment or hide anything.
    public static func inert(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let hidden =
                value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0xFEFF
            if hidden {
                output += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func lines(_ entries: [DraftEntry], indent: String) throws(DraftYAMLError) -> [String] {
        var lines: [String] = []
        for entry in entries {
            lines += entry.comments.map { $0.isEmpty ? "" : indent + "# " + inert($0) }
            guard let key = entry.key else { continue }
            if case .mapping(let children) = entry.value, !children.isEmpty,
                children.contains(where: { !$0.comments.isEmpty || $0.key == nil || hasComments($0.value) })
            {
                lines.append(indent + (try emit(.mapping(Node.Mapping([(scalar(key), Node("x"))])))).dropLast(4) + ":")
                lines += try self.lines(children, indent: indent + "  ")
            } else {
                let text = try emit(.mapping(Node.Mapping([(scalar(key), try node(entry.value))])))
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
                    indent + $0
                }
            }
        }
        return lines
    }

    private static func hasComments(_ value: DraftNode) -> Bool {
        guard case .mapping(let children) = value else { return false }
        return children.contains { !$0.comments.isEmpty || $0.key == nil || hasComments($0.value) }
    }

    private static func scalar(_ text: String) -> Node {
        .scalar(text.represented())
    }

    private static func node(_ value: DraftNode) throws(DraftYAMLError) -> Node {
        switch value {
        case .string(let text): return scalar(text)
        case .integer(let number): return Node(String(number))
        case .list(let items):
            var nodes: [Node] = []
            for item in items { nodes.append(try node(item)) }
            return .sequence(Node.Sequence(nodes, .implicit, .flow))
        case .mapping(let entries):
            var pairs: [(Node, Node)] = []
            for entry in entries {
                guard let key = entry.key else { continue }
                pairs.append((scalar(key), try node(entry.value)))
            }
            return .mapping(Node.Mapping(pairs, .implicit, pairs.isEmpty ? .flow : .block))
        }
    }

    private static func emit(_ node: Node) throws(DraftYAMLError) -> String {
        do {
            return try Yams.serialize(node: node, width: -1, allowUnicode: false)
        } catch {
            throw DraftYAMLError(description: "the YAML emitter refused a drafted value: \(error)")
        }
    }
}
