import Foundation
import Reports
import Testing

/// The escaping of each output kind (`Inert`, `JSONValue`) on single values, in memory.
@Suite("Inert: one escaping a kind of output")
struct InertTests {
    @Test(
        "terminal text shows every hidden character",
        arguments: [
            ("a\nb", "a␊b"), ("\u{1B}[2J", "␛[2J"), ("\u{7}\u{7F}", "␇␡"), ("x\u{85}y", "x⟨U+0085⟩y"),
            ("\u{202E}abc\u{2066}", "⟨U+202E⟩abc⟨U+2066⟩"), ("\u{200B}\u{FEFF}\u{2028}", "⟨U+200B⟩⟨U+FEFF⟩⟨U+2028⟩"),
            ("tag\u{E0041}", "tag⟨U+E0041⟩"), ("plain text ü 日本", "plain text ü 日本"),
        ])
    func terminalText(value: String, shown: String) {
        #expect(Inert.text(value) == shown)
    }

    @Test(
        "a line for a log: no leading '::', no '##[', whatever whitespace comes first",
        arguments: [
            ("::error::x", "⟨U+003A⟩:error::x"), ("  ::error::x", "  ⟨U+003A⟩:error::x"),
            ("\u{A0}\u{3000}::warning::x", "\u{A0}\u{3000}⟨U+003A⟩:warning::x"), ("a ::error::x", "a ::error::x"),
            ("x ##[error]y", "x #⟨U+0023⟩[error]y"), ("###[a]", "##⟨U+0023⟩[a]"),
            ("\u{200B}::error::x", "⟨U+200B⟩::error::x"),
        ])
    func logLine(line: String, shown: String) {
        #expect(Inert.line(line) == shown)
        #expect(!Inert.line(line).contains("##["))
    }

    @Test("with colour, only semgate's own colour codes pass a line; any other escape is shown")
    func colourCodes() {
        let own = "\u{1B}[31mred\u{1B}[0m \u{1B}[2mdim\u{1B}[0m"
        #expect(Inert.line(own, color: true) == own)
        #expect(Inert.line(own, color: false) == "␛[31mred␛[0m ␛[2mdim␛[0m")
        let foreign = "\u{1B}[2J\u{1B}]0;title\u{7}\u{1B}]8;;https://e.example\u{1B}\\x\u{1B}[38;5;1m"
        #expect(Inert.line(foreign, color: true) == "␛[2J␛]0;title␇␛]8;;https://e.example␛\\x␛[38;5;1m")
    }

    @Test("json keeps every name exactly: hidden characters (astral ones as surrogate pairs) and '##[' escaped")
    func jsonRoundTrip() throws {
        let names = [
            "a\nb\r\u{1B}[2J\u{7}\u{7F}\u{85}\u{9B}", "\u{202E}x\u{2066}\u{2069}\u{200B}\u{FEFF}\u{2028}\u{2029}",
            "tag\u{E0041}\u{E0001}vs\u{FE0F}", "x##[error]y ###[z] #[ok]", "ü 日本 😀",
        ]
        let rendered = JSONValue.array(names.map(JSONValue.string)).rendered
        #expect(!rendered.contains("##["))
        #expect(!rendered.unicodeScalars.contains { Inert.isHidden($0) && $0 != "\n" })
        #expect(rendered.contains("\\udb40\\udc41"))
        let decoded = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
        #expect(decoded == names)
    }
}
