import Git
import Policy
import Reports
import Surface

/// The committed snapshot of `surface --write`, format 2: a version line, a comment, then one item a line in the
/// surface's order, `surface:key [name=value ...] [stability]`, attributes sorted.
///
/// A text that is empty, or holds a space, a `"`, a `\`, a hidden character (`Inert.isHidden`) or other whitespace,
/// or could be read as something else (an id starting with `#` or `[`, a name holding `=`), is written in double
/// quotes with `\"`, `\\`, `\n`, `\r`, `\t` and `\u{HEX}` escapes. Every item therefore has exactly one line and
/// reads back exactly, and `--check` compares the items read with the items found, never lines of text: a name with
/// a line break cannot make a snapshot that lost items look unchanged.
enum SnapshotFile {
    static let versionLine = "# semgate surface snapshot 2"
    static let explanation =
        "# one item a line: surface:key [name=value ...] [stability]; quoted text has \\\", \\\\, \\n, \\r, \\t "
        + "and \\u{HEX} escapes"

    /// One item as a snapshot holds it: what `--check` compares.
    struct Entry: Hashable {
        var id: String
        var attributes: [String: String]
        var stability: Stability

        init(_ item: SurfaceItem) {
            self.init(id: item.id, attributes: item.attributes, stability: item.stability)
        }

        init(id: String, attributes: [String: String], stability: Stability) {
            self.id = id
            self.attributes = attributes
            self.stability = stability
        }

        /// The item's one line.
        var line: String {
            var parts = [quoted(id, role: .id)]
            parts += attributes.keys.sorted().map { name in
                quoted(name, role: .name) + "=" + quoted(attributes[name] ?? "", role: .value)
            }
            if stability != .stable { parts.append("[\(stability.rawValue)]") }
            return parts.joined(separator: " ")
        }
    }

    static func render(_ items: [SurfaceItem]) -> String {
        ([versionLine, explanation] + items.map { Entry($0).line }).joined(separator: "\n") + "\n"
    }

    /// Lines only in `expected` as `- line`, lines only in `actual` as `+ line`, each sorted; an item whose
    /// attributes or stability changed shows both.
    static func difference(expected: [Entry], actual: [Entry]) -> [String] {
        // By the lines' bytes: an id spelled `caf\u{e9}` in the file and `cafe\u{301}` now is a difference, which
        // Swift's `==` on the entries would not see.
        let old = Set(expected.map { Array($0.line.utf8) })
        let new = Set(actual.map { Array($0.line.utf8) })
        func lines(_ bytes: Set<[UInt8]>) -> [String] { bytes.map { String(decoding: $0, as: UTF8.self) }.sortedByBytes() }
        return lines(old.subtracting(new)).map { "- \($0)" } + lines(new.subtracting(old)).map { "+ \($0)" }
    }

    // MARK: Reading

    /// A snapshot that cannot be read, at a 1-based line and column.
    struct ReadError: Error {
        let line: Int
        let column: Int
        let message: String
    }

    /// The items of the snapshot file `bytes`, read as every file from the repository is (`RepositoryText`): a BOM,
    /// UTF-16, CRLF line endings and a missing final line break read as the LF file `render` writes.
    static func parse(bytes: [UInt8]) throws(ReadError) -> [Entry] {
        try parse(RepositoryText.decode(bytes))
    }

    /// The items of a snapshot written by `render`; comments and blank lines are skipped. Lines are split on the
    /// scalar LF (a CR before it dropped), never on characters: Swift reads CRLF as one character, not as LF.
    static func parse(_ text: String) throws(ReadError) -> [Entry] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        if let first = lines.first, first.unicodeScalars.first == "\u{FEFF}" {
            lines[0] = String(String.UnicodeScalarView(first.unicodeScalars.dropFirst()))
        }
        try checkVersion(lines.first ?? "")
        var entries: [Entry] = []
        var seen: Set<String> = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty && !line.hasPrefix("#") {
            var reader = LineReader(line: line, number: index + 1)
            let entry = try reader.entry()
            guard seen.insert(entry.id).inserted else {
                throw ReadError(line: index + 1, column: 1, message: "a second line for the same item")
            }
            entries.append(entry)
        }
        return entries
    }

    private static func checkVersion(_ first: String) throws(ReadError) {
        guard first != versionLine else { return }
        let prefix = "# semgate surface snapshot"
        let message: String
        if first == "# semgate surface snapshot: one item a line" {
            message =
                "written by an older semgate (snapshot format 1, which could not hold every name exactly)"
        } else if first.hasPrefix(prefix + " ") {
            message = "written by a newer semgate than this one (which reads format 2)"
        } else {
            message = "not a semgate surface snapshot (the first line is not '\(versionLine)')"
        }
        throw ReadError(line: 1, column: 1, message: message)
    }

    // MARK: Quoting

    /// Where a text stands in a line, which decides what it may hold unquoted.
    enum Role {
        case id, name, value
    }

    /// `text` as it is, when it reads back as itself in `role`; else in double quotes with escapes.
    static func quoted(_ text: String, role: Role) -> String {
        let first = text.unicodeScalars.first
        let bare =
            !text.isEmpty && !SnapshotText.holdsQuoted(text, orScalar: role == .name ? "=" : nil)
            && (role == .value || (first != "#" && first != "["))
        if bare { return text }
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case " ": output += " "
            case _ where needsQuotes(scalar): output += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// Whether a text holding `scalar` is quoted: quotes, backslashes, whitespace (any: a review should see a
    /// no-break space for what it is) and hidden characters.
    private static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool { SnapshotText.needsQuotes(scalar) }

    /// Reads one line of a snapshot.
    private struct LineReader {
        let scalars: [Unicode.Scalar]
        let number: Int
        var index = 0

        init(line: String, number: Int) {
            self.scalars = Array(line.unicodeScalars)
            self.number = number
        }

        mutating func entry() throws(ReadError) -> Entry {
            let id = try text(role: .id)
            var attributes: [String: String] = [:]
            var stability = Stability.stable
            while index < scalars.count {
                try expect(" ", "a space between the parts of an item")
                if peek == "[" {
                    guard stability == .stable else { throw error("a second stability") }
                    let start = index
                    while index < scalars.count, scalars[index] != "]" { index += 1 }
                    try expect("]", "']' after the stability")
                    let name = String(String.UnicodeScalarView(scalars[(start + 1)..<(index - 1)]))
                    guard let value = Stability(rawValue: name), value != .stable else {
                        throw ReadError(
                            line: number, column: start + 1, message: "unknown stability (experimental, deprecated)")
                    }
                    stability = value
                    continue
                }
                guard stability == .stable else { throw error("an attribute after the stability") }
                let nameColumn = index + 1
                let name = try text(role: .name)
                try expect("=", "'=' after an attribute name")
                let value = try text(role: .value)
                guard attributes.updateValue(value, forKey: name) == nil else {
                    throw ReadError(line: number, column: nameColumn, message: "a second attribute of the same name")
                }
            }
            return Entry(id: id, attributes: attributes, stability: stability)
        }

        private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        private func error(_ message: String) -> ReadError {
            ReadError(line: number, column: index + 1, message: message)
        }

        private mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws(ReadError) {
            guard peek == scalar else { throw error("expected \(what)") }
            index += 1
        }

        /// A bare or quoted text; a bare one ends at a space (a name also at `=`).
        private mutating func text(role: Role) throws(ReadError) -> String {
            guard peek == "\"" else {
                let start = index
                while let scalar = peek, scalar != " ", !(role == .name && scalar == "=") {
                    guard !needsQuotes(scalar) else { throw error("a character that must be quoted") }
                    index += 1
                }
                guard index > start else { throw error("expected a text") }
                return String(String.UnicodeScalarView(scalars[start..<index]))
            }
            index += 1
            var output = String.UnicodeScalarView()
            while let scalar = peek {
                index += 1
                switch scalar {
                case "\"": return String(output)
                case "\\": output.append(try escape())
                case _ where scalar != " " && needsQuotes(scalar):
                    index -= 1
                    throw error("a character that must be escaped")
                default: output.append(scalar)
                }
            }
            throw error("a quoted text that does not end")
        }

        private mutating func escape() throws(ReadError) -> Unicode.Scalar {
            guard let scalar = peek else { throw error("an escape that does not end") }
            index += 1
            switch scalar {
            case "\"", "\\": return scalar
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            case "u":
                try expect("{", "'{' after \\u")
                let start = index
                while let digit = peek, digit.properties.isASCIIHexDigit { index += 1 }
                let hex = String(String.UnicodeScalarView(scalars[start..<index]))
                try expect("}", "'}' after the hex digits of \\u{")
                guard hex.count <= 6, let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else {
                    throw ReadError(line: number, column: start + 1, message: "not a Unicode scalar")
                }
                return decoded
            default:
                index -= 1
                throw error("an unknown escape (\\\", \\\\, \\n, \\r, \\t, \\u{HEX})")
            }
        }
    }
}

extension SnapshotFile.ReadError {
    /// `file:line:column: message`.
    func description(file: String) -> String {
        "\(file):\(line):\(column): \(message)"
    }
}
