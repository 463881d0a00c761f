/// The one place that makes repository text inert, for each kind of output semgate writes.
///
/// Everything a report quotes (item names, paths, tag names, notes, exception reasons, policy values, messages
/// of git) is written by whoever opened the pull request. Every output kind has one function here, and every
/// renderer and every message of the command line goes through it:
///
/// - a terminal or a CI log (text, stderr, the lifecycle text outputs): `text` for a value, `line` for each line;
/// - JSON (json, sarif, endoflife, the lifecycle json): `JSONValue`'s string escaping;
/// - XML (junit, svg): `XML.escape`; markdown: `Markdown.text` and `Markdown.html`;
/// - GitHub workflow commands: `WorkflowCommand.data` and `WorkflowCommand.property`.
///
/// Each shows a hidden character (a control, a format character such as a bidi override, a line or paragraph
/// separator, a default-ignorable code point) visibly: C0 controls as their Unicode control picture (a line feed as
/// `␊`, ESC as `␛`), the others as `⟨U+202E⟩`; and each breaks the two ways text in a CI log becomes a command of
/// the GitHub runner: `::` at the start of a line (after any whitespace), and `##[` anywhere in a line.
public enum Inert {
    /// Whether `scalar` is hidden or changes how the text around it is shown or read: a control (C0, DEL, C1), a
    /// format character (bidi embeddings, overrides and isolates, zero-width characters, the BOM), a line or
    /// paragraph separator, or a default-ignorable code point (variation selectors, fillers, tags).
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// How a hidden scalar is shown: a C0 control as its control picture (`␊`, `␛`), DEL as `␡`, any other as
    /// `⟨U+202E⟩`.
    public static func picture(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value).map(String.init) ?? codePoint(scalar)
        case 0x7F: return "\u{2421}"
        default: return codePoint(scalar)
        }
    }

    /// `⟨U+XXXX⟩`, at least four hex digits.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
    }

    /// A value from the repository for a terminal or a log: every hidden scalar shown visibly.
    public static func text(_ value: String) -> String {
        TextBytes.inertText(value) ?? scalarText(value)
    }

    /// ``text(_:)`` by Unicode scalars, for any text (the byte path, `TextBytes`, takes ASCII text).
    static func scalarText(_ value: String) -> String {
        replacingScalars(of: value) { isHidden($0) ? picture($0) : nil }
    }

    /// A whole line for a terminal or a log, the last step before it is written: any hidden scalar left is shown
    /// visibly, except, when `color` is on, the exact colour codes semgate itself draws (`Style`); `##[` is broken
    /// and a `::` that would start the line is shown as `⟨U+003A⟩:`. Lines that hold repository text pass its values
    /// through `text` first, so with colour on no escape of the repository's reaches this point either.
    public static func line(_ line: String, color: Bool = false) -> String {
        TextBytes.inertLine(line, color: color) ?? scalarLine(line, color: color)
    }

    /// ``line(_:color:)`` by Unicode scalars, for any text (the byte path, `TextBytes`, takes ASCII text).
    static func scalarLine(_ line: String, color: Bool = false) -> String {
        var output = ""
        let scalars = Array(line.unicodeScalars)
        var index = 0
        var atStart = true
        while index < scalars.count {
            let scalar = scalars[index]
            if color, scalar == "\u{1B}", let code = Style.code(in: scalars, at: index) {
                output += code
                index += code.unicodeScalars.count
                continue
            }
            if atStart, scalar == ":", index + 1 < scalars.count, scalars[index + 1] == ":" {
                output += codePoint(scalar)
                atStart = false
                index += 1
                continue
            }
            if !scalar.properties.isWhitespace || isHidden(scalar) { atStart = false }
            output += isHidden(scalar) ? picture(scalar) : String(scalar)
            index += 1
        }
        return breakingLegacyCommands(output, with: codePoint("#"))
    }

    /// Lines for a terminal or a log, each through `line`, one a line with a final line break.
    public static func lines(_ lines: [String], color: Bool = false) -> String {
        lines.map { line($0, color: color) }.joined(separator: "\n") + "\n"
    }

    /// `text` with the second `#` of every `##[` replaced by `replacement`: the runner reads `##[command]` anywhere
    /// in a line of the log as a workflow command (the legacy syntax), whatever comes before it.
    static func breakingLegacyCommands(_ text: String, with replacement: String) -> String {
        guard text.contains("##[") else { return text }
        return text.replacing("##[", with: "#" + replacement + "[")
    }
}

/// `value` with every Unicode scalar that `replacement` maps replaced by its text, and the others kept: the one
/// loop behind every format's escaping.
func replacingScalars(of value: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var output = ""
    for scalar in value.unicodeScalars {
        if let text = replacement(scalar) {
            output += text
        } else {
            output.unicodeScalars.append(scalar)
        }
    }
    return output
}

/// The entity for one of the markup characters HTML and XML share (`&`, `<`, `>`, `"`), or nil.
func markupEntity(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "&": "&amp;"
    case "<": "&lt;"
    case ">": "&gt;"
    case "\"": "&quot;"
    default: nil
    }
}
