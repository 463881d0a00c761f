import Lifecycle
import Policy

/// A timeline of release lines and their phases, in the spirit of the Node.js release schedule chart: one bar a
/// line (newest on top), one colour a phase, a year axis, a marker at the table's date, and a legend.
public enum SupportSVG {
    private static let width = 960
    private static let labelWidth = 90
    private static let rightMargin = 30
    private static let top = 64
    private static let rowHeight = 26
    private static let rowGap = 10
    /// Phase colours in the order of `SupportPolicy.phaseNames` (development first); the end phase is grey.
    private static let palette = ["#8fa8c8", "#2e7d32", "#7cb342", "#f9a825", "#ef6c00", "#6a1b9a", "#00838f"]
    private static let endColor = "#c9c9c9"

    /// The estimated width of one character at the chart's font size, for keeping labels clear of the date line.
    public static let characterWidth = 7.5

    /// The SVG document; deterministic for the same table. The window starts at `since`, else three years before the
    /// table's date or at the oldest line that still gets fixes when that is older; it ends after the last end
    /// known or projected. Phases projected from the cadence are drawn faded.
    public static func render(_ table: SupportTable, title: String, since: CalendarDay? = nil) -> String {
        let lines = table.lines
        let (start, end) = window(table, since: since)
        let chartWidth = width - labelWidth - rightMargin
        let span = max(1, start.days(until: end))
        func x(_ day: CalendarDay) -> Int {
            labelWidth + Int((Double(start.days(until: day)) / Double(span) * Double(chartWidth)).rounded())
        }
        let bottom = top + max(1, lines.count) * (rowHeight + rowGap)
        let now = x(min(max(table.at, start), end))
        let legendNames = table.policy.phaseNames
        let height = bottom + 76
        var out: [String] = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" "#
                + #"viewBox="0 0 \#(width) \#(height)" font-family="Helvetica, Arial, sans-serif" font-size="13">"#,
            "<title>\(XML.escape(title))</title>",
            #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill='#ffffff'/>"#,
            #"<text x="\#(labelWidth)" y="24" font-size="16" font-weight="bold" fill='#222222'>\#(XML.escape(title))</text>"#,
        ]
        // Year grid and labels, above and below the bars.
        out.append(#"<g id="axis" fill='#555555' stroke='#dddddd'>"#)
        for year in years(from: start, to: end) {
            guard let day = CalendarDay(year: year, month: 1, day: 1), start <= day, day <= end else { continue }
            let position = x(day)
            out.append(#"<line x1="\#(position)" y1="\#(top - 14)" x2="\#(position)" y2="\#(bottom)"/>"#)
            out.append(
                #"<text x="\#(position)" y="\#(top - 18)" text-anchor="middle" stroke="none">\#(year)</text>"#)
            out.append(
                #"<text x="\#(position)" y="\#(bottom + 16)" text-anchor="middle" stroke="none">\#(year)</text>"#)
        }
        out.append("</g>")
        out.append(#"<g id="lines">"#)
        for (index, line) in lines.enumerated() {
            let y = top + index * (rowHeight + rowGap)
            out.append(
                #"<text x="\#(labelWidth - 10)" y="\#(y + rowHeight / 2 + 5)" text-anchor="end" font-weight="bold" "#
                    + #"fill='#222222'>\#(XML.escape(lineLabel(line)))</text>"#)
            let projection = table.projections[line.line]
            for span in projection?.spans ?? line.spans {
                let from = x(max(span.start, start))
                let to = x(min(span.end ?? end, end))
                guard to > from else { continue }
                let color = self.color(of: span.name, in: legendNames, policy: table.policy)
                let projected = projection != nil && !line.spans.contains(span)
                let open = span.end == nil && span.name != table.policy.endPhase
                var rect =
                    #"<rect x="\#(from)" y="\#(y)" width="\#(to - from)" height="\#(rowHeight)" "#
                    + #"fill="\#(color)" stroke='#ffffff' stroke-width="1""#
                if open || projected { rect += #" fill-opacity="0.55""# }
                rect += "><title>\(XML.escape(spanTitle(line, span, projected: projected)))</title></rect>"
                out.append(rect)
                let label = span.name + (span.lts ? " LTS" : "")
                if let labelX = labelPosition(width: label.count, from: from, to: to, avoiding: now) {
                    out.append(
                        #"<text x="\#(labelX)" y="\#(y + rowHeight / 2 + 5)" fill="\#(textColor(on: color))">"#
                            + "\(XML.escape(label))</text>")
                }
            }
        }
        out.append("</g>")
        // The date asked.
        let anchor = now > width - rightMargin - 80 ? #"text-anchor="end""# : #"text-anchor="start""#
        out.append(
            #"<g id="date"><line x1="\#(now)" y1="\#(top - 8)" x2="\#(now)" y2="\#(bottom)" stroke='#d32f2f' "#
                + #"stroke-width="2" stroke-dasharray="5,3"/><text x="\#(now + 4)" y="\#(bottom + 32)" \#(anchor)"#
                + #" fill='#d32f2f'>\#(table.at)</text></g>"#)
        // Legend.
        out.append(#"<g id="legend">"#)
        var legendX = labelWidth
        let legendY = height - 20
        for name in legendNames {
            let color = self.color(of: name, in: legendNames, policy: table.policy)
            out.append(
                #"<rect x="\#(legendX)" y="\#(legendY - 11)" width="14" height="14" fill="\#(color)"/>"#
                    + #"<text x="\#(legendX + 20)" y="\#(legendY + 1)" fill='#222222'>\#(XML.escape(name))</text>"#)
            legendX += 20 + name.count * 8 + 24
        }
        out.append(
            #"<text x="\#(width - rightMargin)" y="\#(legendY + 1)" text-anchor="end" fill='#777777'>"#
                + "faded: projected from the cadence, or not known yet</text>")
        out.append("</g>")
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private static func lineLabel(_ line: LineStatus) -> String {
        "v\(line.line)" + (line.line.minor == nil ? ".x" : "")
    }

    private static func spanTitle(_ line: LineStatus, _ span: PhaseSpan, projected: Bool) -> String {
        "\(lineLabel(line)) \(span.name): \(span.start) to \(span.end?.description ?? "not known yet")"
            + (projected ? " (projected from the cadence)" : "")
    }

    /// Where a label of `width` characters starts in a bar from `from` to `to`: at its start, else just after the
    /// date line at `avoid` when it would cross it there; nil when it fits nowhere inside the bar clear of the line.
    static func labelPosition(width: Int, from: Int, to: Int, avoiding avoid: Int) -> Int? {
        let textWidth = Int((Double(width) * characterWidth).rounded(.up))
        func fits(_ start: Int) -> Bool {
            start >= from + 4 && start + textWidth + 4 <= to && !(start - 4...start + textWidth + 4).contains(avoid)
        }
        return [from + 6, avoid + 6].first(where: fits)
    }

    /// The window: from `since` (else three years before the table's date, or the first release of the oldest line
    /// that still gets fixes when older), to the first of a month at least six months after the table's date and
    /// after the last end known or projected.
    public static func window(_ table: SupportTable, since: CalendarDay? = nil) -> (CalendarDay, CalendarDay) {
        let supported = table.lines.filter(\.getsFixes).compactMap { $0.spans.first?.start }.min()
        let threeYears = table.at.adding(months: -36)
        let wanted = since ?? min(threeYears, supported ?? threeYears)
        let (year, month, _) = wanted.components
        let start = CalendarDay(year: year, month: month, day: 1) ?? wanted
        let ends = table.lines.flatMap { line in
            (table.projections[line.line]?.spans ?? line.spans).compactMap(\.end)
        }
        let last = max(ends.filter { $0 > start }.max() ?? table.at, table.at.adding(months: 6))
        let after = last.adding(months: 1).components
        let end = CalendarDay(year: after.year, month: after.month, day: 1) ?? last
        return (start, max(end, start.adding(days: 31)))
    }

    private static func years(from start: CalendarDay, to end: CalendarDay) -> [Int] {
        let first = start.components.year
        let last = end.components.year + 1
        let step = max(1, (last - first) / 12 + 1)
        return Array(stride(from: first, through: last, by: step))
    }

    private static func color(of phase: String, in names: [String], policy: SupportPolicy) -> String {
        if phase == policy.endPhase { return endColor }
        let index = names.firstIndex(of: phase) ?? 0
        return palette[index % palette.count]
    }

    private static func textColor(on background: String) -> String {
        ["#2e7d32", "#6a1b9a", "#00838f", "#ef6c00"].contains(background) ? "#ffffff" : "#1a1a1a"
    }
}
