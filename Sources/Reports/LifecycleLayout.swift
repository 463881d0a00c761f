import Policy

/// A text table that fits a width: columns two spaces apart, trailing spaces trimmed. When the natural widths do not
/// fit, the flexible column is capped: a longer cell in a first column goes on a line of its own above the rest of
/// its row; in a last column it wraps at spaces with the continuation under the column. Cells are styled after
/// padding, so colour never moves a column.
struct TextTable {
    /// One cell: its text and the style it is drawn in.
    struct Cell {
        var text: String
        var paint: (String) -> String

        init(_ text: String, _ paint: @escaping (String) -> String = { $0 }) {
            self.text = text
            self.paint = paint
        }
    }

    var header: [String]
    var rows: [[Cell]]
    /// The column that gives up width; the first or the last.
    var flexible: Int

    /// The smallest width the flexible column is capped to, whatever the terminal.
    static let minimumFlexibleWidth = 16

    /// The width of the widest line when no column is capped.
    var naturalWidth: Int {
        let widths = header.indices.map { index in
            ([header[index]] + rows.map { index < $0.count ? $0[index].text : "" }).map(\.count).max() ?? 0
        }
        return widths.reduce(0, +) + 2 * (widths.count - 1)
    }

    func render(width: Int) -> [String] {
        let (head, body) = renderRows(width: width)
        return [head] + body.flatMap { $0 }
    }

    /// The header line and each row's lines (a row takes two when its capped cell needs them).
    func renderRows(width: Int) -> (header: String, rows: [[String]]) {
        let count = header.count
        var widths = (0..<count).map { index in
            ([header[index]] + rows.map { index < $0.count ? $0[index].text : "" }).map(\.count).max() ?? 0
        }
        let others = widths.enumerated().filter { $0.offset != flexible }.map(\.element).reduce(0, +)
        let room = width - others - 2 * (count - 1)
        widths[flexible] = min(widths[flexible], max(Self.minimumFlexibleWidth, room))
        return (line(header.map { Cell($0) }, widths: widths), rows.map { lines($0, widths: widths) })
    }

    private func lines(_ row: [Cell], widths: [Int]) -> [String] {
        let cap = widths[flexible]
        guard flexible < row.count, row[flexible].text.count > cap else { return [line(row, widths: widths)] }
        var cells = row
        if flexible == 0 {
            let own = row[0]
            cells[0] = Cell("")
            return [own.paint(own.text), line(cells, widths: widths)]
        }
        let pieces = wrapWords(row[flexible].text, width: cap)
        cells[flexible] = Cell(pieces[0], row[flexible].paint)
        let indent = String(repeating: " ", count: widths[..<flexible].reduce(0, +) + 2 * flexible)
        return [line(cells, widths: widths)] + pieces.dropFirst().map { indent + row[flexible].paint($0) }
    }

    private func line(_ row: [Cell], widths: [Int]) -> String {
        row.enumerated().map { index, cell in
            let pad = String(repeating: " ", count: max(0, widths[index] - cell.text.count))
            return (cell.text.isEmpty ? "" : cell.paint(cell.text)) + pad
        }.joined(separator: "  ").trimmingTrailingSpaces()
    }
}

/// `text` broken at spaces to fit `width`, the lines after the first indented by `indent` spaces.
func wrapped(_ text: String, width: Int, indent: Int) -> [String] {
    let lead = text.prefix { $0 == " " }.count
    let pieces = wrapWords(text, width: width - max(lead, indent))
    let pad = String(repeating: " ", count: indent)
    return [String(repeating: " ", count: lead) + pieces[0]] + pieces.dropFirst().map { pad + $0 }
}

/// `text` broken at spaces into lines of at most `width` characters (a longer word stays whole on its own line);
/// at least one line.
func wrapWords(_ text: String, width: Int) -> [String] {
    let lines = RuleDocs.wrap(text, width: width)
    return lines.isEmpty ? [""] : lines
}

/// How far `day` is from `today`, as people say it: `today`, `in 3 days`, `in about 5 months`, `2 years ago`.
func relativeTime(of day: CalendarDay, from today: CalendarDay) -> String {
    let days = today.days(until: day)
    let distance = abs(days)
    func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
    let amount: String
    switch distance {
    case 0: return "today"
    case 1: return days > 0 ? "tomorrow" : "yesterday"
    case 2..<14: amount = plural(distance, "day")
    case 14..<60: amount = "about " + plural((distance + 3) / 7, "week")
    case 60..<548: amount = "about " + plural(Int((Double(distance) / 30.44).rounded()), "month")
    default: amount = "about " + plural(Int((Double(distance) / 365.25).rounded()), "year")
    }
    return days > 0 ? "in \(amount)" : "\(amount) ago"
}
