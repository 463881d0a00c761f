import Policy

/// The `list` extractor's file format: one item a line, `KEY [name=value ...]`, `#` starts a comment.
public enum ListFile {
    /// The items of a list file and the notes about lines it could not read.
    public struct Parsed {
        public var items: [RawItem] = []
        public var notes: [String] = []
    }

    /// Reads the list file `text` found at `path`.
    public static func parse(_ text: String, path: String) -> Parsed {
        var parsed = Parsed()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let tokens = tokens(of: line)
            guard let key = tokens.first else { continue }
            var item = RawItem(
                key: key, attributes: [:], stability: .stable, location: Location(path: path, line: lineNumber))
            for token in tokens.dropFirst() {
                guard let equals = token.firstIndex(of: "="), equals != token.startIndex else {
                    parsed.notes.append(
                        "\(path):\(lineNumber): '\(token)' is not name=value; ignored (quote values with spaces)")
                    continue
                }
                let name = String(token[..<equals])
                let value = String(token[token.index(after: equals)...])
                if name == "stability" {
                    if let stability = Stability(rawValue: value) {
                        item.stability = stability
                    } else {
                        parsed.notes.append(
                            "\(path):\(lineNumber): stability '\(value)' is not stable, experimental or deprecated; "
                                + "treated as stable")
                    }
                } else if name == KeyBytes.attribute {
                    parsed.notes.append(
                        "\(path):\(lineNumber): '\(KeyBytes.attribute)' is semgate's own attribute (the spellings of "
                            + "a key read with other bytes); ignored")
                } else {
                    item.attributes[name] = value
                }
            }
            parsed.items.append(item)
        }
        return parsed
    }

    /// Splits on whitespace; a double-quoted stretch (`summary="a b"`) stays one token without its quotes.
    private static func tokens(of line: Substring) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character.isWhitespace && !quoted {
                if started { tokens.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { tokens.append(current) }
        return tokens
    }
}
