import Foundation
import Reports
import Testing
import TestSupport

@testable import Reports

@Suite("Text layout: wrapping to the terminal's width")
struct TextLayoutTests {
    @Test("text goldens at 80 and 120 columns", arguments: ReportsTests.commands, [80, 120])
    func golden(command: String, width: Int) throws {
        let report = try Sample().report(command)
        let output = TextRenderer().render(report, options: RenderOptions(minSeverity: .note, width: width))
        for line in output.split(separator: "\n") {
            #expect(line.count <= width, "\(line.count) columns: \(line)")
        }
        let mismatch = try goldenMismatch(output, goldenFile: goldenFile("\(command).w\(width).txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("a line that fits is kept as it is; a longer one breaks at spaces with a hanging indent")
    func wrapsAtWords() {
        let layout = TextLayout(width: 40)
        #expect(layout.wrap("  error   short", hang: 10) == ["  error   short"])
        let lines = layout.wrap(
            "  error   version-file-mismatch: internal/build/version.go declares version 2.2.0 but the release is 2.3.0",
            hang: 10)
        #expect(
            lines == [
                "  error   version-file-mismatch:",
                "          internal/build/version.go",
                "          declares version 2.2.0 but the",
                "          release is 2.3.0",
            ])
    }

    @Test("a word longer than a line stays whole on a line of its own; a hidden character's picture is never cut")
    func longWords() {
        let layout = TextLayout(width: 40)
        let path = "internal/js/modules/k6/browser/common/frame_session_manager.go:1234"
        let lines = layout.wrap("  note    see \(path) now", hang: 10)
        #expect(lines == ["  note    see", "          \(path)", "          now"])
        let shown = Inert.text("a\u{202E}b\u{1B}[31mc")
        let wrapped = layout.wrap(String(repeating: "word ", count: 7) + shown + " " + shown, hang: 4)
        for line in wrapped {
            #expect(line.filter { $0 == "⟨" }.count == line.filter { $0 == "⟩" }.count, "\(wrapped)")
        }
        #expect(
            wrapped.joined(separator: " ").split(separator: " ").joined(separator: " ")
                == (String(repeating: "word ", count: 7) + shown + " " + shown))
    }

    @Test("colour codes take no columns, are never split, and a colour open at a break is reopened after the indent")
    func colours() {
        let style = Style(enabled: true, layout: TextLayout(width: 40))
        let line =
            "  " + style.red("error  ") + " rule: " + style.dim("a dim text that is long enough to wrap twice over")
        let lines = style.wrap(line, hang: 10)
        #expect(lines.count >= 2)
        for (index, text) in lines.enumerated() {
            #expect(TextLayout.columns(text) <= 40, "\(text)")
            // Every escape is one of semgate's own codes, whole.
            let scalars = Array(text.unicodeScalars)
            for position in scalars.indices where scalars[position] == "\u{1B}" {
                #expect(Style.code(in: scalars, at: position) != nil, "\(text.debugDescription)")
            }
            if index > 0 { #expect(text.hasPrefix("          \u{1B}[2m"), "\(text.debugDescription)") }
            if index < lines.count - 1 { #expect(text.hasSuffix("\u{1B}[0m"), "\(text.debugDescription)") }
        }
        let plain = lines.map { $0.replacing(/\x{1B}\[[0-9]+m/, with: "") }
        #expect(
            plain.joined(separator: " ").split(separator: " ").joined(separator: " ")
                == "error rule: a dim text that is long enough to wrap twice over")
    }

    @Test("table columns are capped to fit; a wide cell wraps inside its column at a / . or -")
    func tables() {
        let layout = TextLayout(width: 40)
        let rows = [
            ["release", "date", "verdict"],
            ["cli/v1.0.0-" + String(repeating: "x", count: 30), "2024-01-08", "pass"],
            ["v1.1.0", "2024-02-08", "fail"],
        ]
        let lines = layout.table(rows)
        #expect(
            lines == [
                ["release              date        verdict"],
                ["cli/v1.0.0-          2024-01-08  pass", "xxxxxxxxxxxxxxxxxxx", "xxxxxxxxxxx"],
                ["v1.1.0               2024-02-08  fail"],
            ])
        #expect(TextLayout.pieces("ab⟨U+202E⟩cd", width: 5) == ["ab", "⟨U+202E⟩", "cd"])
    }
}
