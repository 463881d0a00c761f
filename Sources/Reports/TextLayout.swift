/// Lays text out for a terminal `width` columns wide: lines wrapped at word boundaries with hanging indents, and
/// table columns capped so a row fits.
///
/// It works on text that is already inert (every value from the repository went through `Inert.text`), so the only
/// escapes in it are semgate's own colour codes (`Style`). Those take no columns and are never split; a colour open
/// at a break is closed at the end of the line and opened again after the indent. Lines break only at spaces, so
/// nothing that shows a hidden character (`␛`, `⟨U+202E⟩`) is ever cut; a word longer than a line (a long path or
/// item key) is kept whole on a line of its own.
struct TextLayout: Sendable {
    /// The columns a line may take.
    let width: Int

    /// The narrowest width laid out: below it, text is wrapped as if this wide.
    static let minimumWidth = 40

    init(width: Int) {
        self.width = max(width, Self.minimumWidth)
    }

    /// How many columns `text` takes on a terminal: colour codes take none, combining marks none.
    static func columns(_ text: String) -> Int {
        TextBytes.columns(text) ?? scalarColumns(text)
    }

    /// ``columns(_:)`` by Unicode scalars, for any text (the byte path, `TextBytes`, takes ASCII text).
    static func scalarColumns(_ text: String) -> Int {
        var count = 0
        var index = 0
        let scalars = Array(text.unicodeScalars)
        while index < scalars.count {
            if scalars[index] == "\u{1B}", let code = Style.code(in: scalars, at: index) {
                index += code.unicodeScalars.count
                continue
            }
            switch scalars[index].properties.generalCategory {
            case .nonspacingMark, .enclosingMark: break
            default: count += 1
            }
            index += 1
        }
        return count
    }

    /// A piece of a line between break opportunities: the spaces before a word, and the word with any colour codes
    /// in or before it.
    private struct Token {
        var spaces = 0
        /// Colour codes that stood among the spaces: kept (they take no columns) when the spaces are dropped.
        var codes = ""
        var word = ""
        var wordColumns = 0
    }

    private static func tokens(_ line: String) -> [Token] {
        var tokens: [Token] = []
        var current = Token()
        var inWord = false
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let code = Style.code(in: scalars, at: index) {
                if inWord { current.word += code } else { current.codes += code }
                index += code.unicodeScalars.count
                continue
            }
            if scalar == " " {
                if inWord {
                    tokens.append(current)
                    current = Token()
                    inWord = false
                }
                current.spaces += 1
            } else {
                inWord = true
                current.word.unicodeScalars.append(scalar)
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark: break
                default: current.wordColumns += 1
                }
            }
            index += 1
        }
        if inWord || !current.codes.isEmpty { tokens.append(current) }
        return tokens
    }

    /// `line` wrapped to `width` columns; every line after the first starts with `hang` spaces (at most half the
    /// width). A line that fits is returned as it is.
    func wrap(_ line: String, hang: Int) -> [String] {
        // A scalar takes at most one column and at least one byte: a line of no more bytes than columns fits.
        if line.utf8.count <= width { return [line] }
        return TextBytes.wrap(line, width: width, hang: hang) ?? scalarWrap(line, hang: hang)
    }

    /// ``wrap(_:hang:)`` by Unicode scalars, for any text (the byte path, `TextBytes`, takes ASCII text).
    func scalarWrap(_ line: String, hang: Int) -> [String] {
        guard Self.scalarColumns(line) > width else { return [line] }
        let hang = min(hang, width / 2)
        let indent = String(repeating: " ", count: hang)
        var lines: [String] = []
        var current = ""
        var columns = 0
        var hasWord = false
        var open: [String] = []
        func track(_ text: String) {
            let scalars = Array(text.unicodeScalars)
            var index = 0
            while index < scalars.count {
                if scalars[index] == "\u{1B}", let code = Style.code(in: scalars, at: index) {
                    if code == "\u{1B}[0m" { open = [] } else { open.append(code) }
                    index += code.unicodeScalars.count
                } else {
                    index += 1
                }
            }
        }
        for token in Self.tokens(line) {
            if hasWord && columns + token.spaces + token.wordColumns > width {
                if !open.isEmpty { current += "\u{1B}[0m" }
                lines.append(current.trimmingTrailingSpaces())
                current = indent + open.joined()
                columns = hang
                hasWord = false
            } else {
                current += String(repeating: " ", count: token.spaces)
                columns += token.spaces
            }
            current += token.codes + token.word
            columns += token.wordColumns
            track(token.codes + token.word)
            if token.wordColumns > 0 { hasWord = true }
        }
        lines.append(current.trimmingTrailingSpaces())
        return lines
    }

    /// Rows laid out as columns two spaces apart. When the table is wider than `width`, the widest columns are
    /// narrowed (to no fewer than `minimumColumn` columns each) until it fits, and a cell wider than its column is
    /// wrapped inside it onto more lines of the row: at spaces when it has any, else at `/`, `.` or `-`, else after
    /// the column's last character that does not cut a shown hidden character (`⟨U+202E⟩`).
    func table(_ rows: [[String]], minimumColumn: Int = 10) -> [[String]] {
        let count = rows.map(\.count).max() ?? 0
        var widths = (0..<count).map { index in
            rows.map { index < $0.count ? Self.columns($0[index]) : 0 }.max() ?? 0
        }
        let separators = 2 * max(count - 1, 0)
        while widths.reduce(0, +) + separators > width {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimumColumn
            else { break }
            widths[widest] -= 1
        }
        return rows.map { row in
            let cells = row.enumerated().map { index, cell in Self.pieces(cell, width: widths[index]) }
            let height = cells.map(\.count).max() ?? 1
            return (0..<height).map { line in
                cells.enumerated().map { index, pieces in
                    let piece = line < pieces.count ? pieces[line] : ""
                    return piece + String(repeating: " ", count: max(0, widths[index] - Self.columns(piece)))
                }.joined(separator: "  ").trimmingTrailingSpaces()
            }
        }
    }

    /// `cell` cut into pieces of at most `width` columns, as ``table(_:minimumColumn:)`` describes.
    static func pieces(_ cell: String, width: Int) -> [String] {
        var rest = Array(cell)
        var pieces: [String] = []
        while rest.count > width {
            var cut = width
            if let space = rest[..<(width + 1)].lastIndex(of: " "), space > 0 {
                cut = space
            } else if let mark = rest[..<width].lastIndex(where: { "/.-".contains($0) }), mark > 0 {
                cut = mark + 1
            } else if let open = rest[..<width].lastIndex(of: "⟨"), !rest[open..<width].contains("⟩") {
                // Not inside a shown hidden character: before it, or after it when it starts the piece.
                cut = open > 0 ? open : (rest.firstIndex(of: "⟩").map { $0 + 1 } ?? rest.count)
            }
            pieces.append(String(rest[..<cut]).trimmingTrailingSpaces())
            rest = Array(rest[cut...].drop { $0 == " " })
        }
        pieces.append(String(rest))
        return pieces
    }
}
