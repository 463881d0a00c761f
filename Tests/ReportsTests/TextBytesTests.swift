import Testing

@testable import Reports

/// The byte paths of the text outputs (`TextBytes`) give exactly what the scalar paths give, on every text: ASCII
/// takes the byte path, anything else the scalar path, and both agree where it matters (a combining mark after a
/// space, `\r\n`, wide characters, ESC and other controls, semgate's own colour codes and broken ones).
@Suite("Text bytes: the ASCII paths of layout and escaping")
struct TextBytesTests {
    private static let codes = ["31", "32", "33", "1", "2", "0"].map { "\u{1B}[\($0)m" }

    private static let samples: [String] = [
        "", " ", "  ", "a", "::", "  ::x", " :: ", ":", "a::b", "\t::", "##[", "x##[y", "###[", "##[##[", "#\u{1B}#[",
        "\u{1B}[31m::\u{1B}[0m", "\u{1B}[1m  ::x", "a\r\nb", "\r\n", "a\u{7F}b", "\u{0}", "\u{1B}[2J", "\u{1B}", "\u{1B}[",
        "\u{1B}[3", "\u{1B}[34m", "\u{1B}[31", "\u{1B}[0", "plain text ü 日本", " \u{301}x", "## [", "##\u{301}[",
        "  error   version-file-mismatch: internal/build/version.go declares version 2.2.0 but the release is 2.3.0",
        "\u{1B}[1mbold words that go on and on past the width\u{1B}[0m and then \u{1B}[2msome dim words after them\u{1B}[0m",
        "\u{1B}[31m\u{1B}[1m   \u{1B}[0m   word   \u{1B}[33m", String(repeating: "x", count: 90), "   leading spaces only   ",
        "internal/js/modules/k6/browser/common/frame_session_manager.go:1234 is a long path that stays whole",
    ]

    /// Random texts, about half of them ASCII, over words, spaces, colour codes whole and broken, `::`, `##[`,
    /// controls, `\r\n`, combining marks and wide characters; long enough to wrap.
    private static func randomTexts(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let ascii = [
            "a", "word", "internal/build/version.go", " ", " ", "  ", ":", "::", "#", "##", "[", "##[", "\t", "\n",
            "\r", "\r\n", "\u{7F}", "\u{0}", "\u{1B}", "\u{1B}[", "\u{1B}[3", "\u{1B}[34m", "\u{1B}[2J",
        ] + codes
        let other = ["\u{301}", "é", "日本", "⟨U+202E⟩", "\u{202E}", "\u{85}", "\u{200B}", "\u{FEFF}", "ü", "\u{20DD}"]
        return (0..<count).map { serial in
            let pieces = serial % 2 == 0 ? ascii : ascii + other
            return (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
        }
    }

    private static let texts = samples + randomTexts(count: 1_200)

    @Test func asciiTakesTheBytePathAndOtherTextTheScalarPath() {
        for text in Self.texts {
            let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
            #expect((TextBytes.columns(text) != nil) == isASCII, "\(text.debugDescription)")
            #expect((TextBytes.inertText(text) != nil) == isASCII, "\(text.debugDescription)")
            #expect((TextBytes.inertLine(text, color: true) != nil) == isASCII, "\(text.debugDescription)")
            #expect((TextBytes.wrap(text, width: 40, hang: 2) != nil) == isASCII, "\(text.debugDescription)")
        }
    }

    @Test func columnsAreTheScalarColumns() {
        for text in Self.texts {
            #expect(TextLayout.columns(text) == TextLayout.scalarColumns(text), "\(text.debugDescription)")
        }
    }

    @Test func wrappedLinesAreTheScalarPathsLines() {
        for width in [40, 80] {
            let layout = TextLayout(width: width)
            for text in Self.texts {
                for hang in [0, 6, 40] {
                    #expect(
                        layout.wrap(text, hang: hang) == layout.scalarWrap(text, hang: hang),
                        "width \(width), hang \(hang): \(text.debugDescription)")
                }
            }
        }
    }

    @Test func inertTextIsTheScalarPathsText() {
        for text in Self.texts {
            #expect(Inert.text(text) == Inert.scalarText(text), "\(text.debugDescription)")
        }
    }

    @Test func inertLinesAreTheScalarPathsLines() {
        for text in Self.texts {
            for color in [false, true] {
                #expect(
                    Inert.line(text, color: color) == Inert.scalarLine(text, color: color),
                    "color \(color): \(text.debugDescription)")
            }
        }
    }

    @Test func controlsStayInertOnTheBytePath() {
        let line = "::x \u{1B}[2J\u{1B}[31mred\u{1B}[0m ##[group] \u{7}\u{7F}\r\n"
        #expect(Inert.line(line) == "⟨U+003A⟩:x ␛[2J␛[31mred␛[0m #⟨U+0023⟩[group] ␇␡␍␊")
        #expect(Inert.line(line, color: true) == "⟨U+003A⟩:x ␛[2J\u{1B}[31mred\u{1B}[0m #⟨U+0023⟩[group] ␇␡␍␊")
        #expect(Inert.text("a\u{1B}[31mb\tc") == "a␛[31mb␉c")
    }
}

extension TextBytesTests {
    @Test func replacedTextIsTheCharacterPathsText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "ab", "x", " ", "\"", "\r", "\n", "\r\n", "é", "\u{301}", "日本", ":", "{", "}"]
        func random(_ maximum: Int) -> String {
            (0..<Int.random(in: 0...maximum, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        var cases: [(String, String, String)] = [
            ("cli:tool run --flag removed", "cli:tool run --flag", "cli:tool {run,exec} --flag"),
            ("aaaa", "aa", "b"), ("aaa", "aa", "b"), ("abab", "ab", ""), ("x\r\ny", "\n", "N"), ("x\r\ny", "\r", "R"),
            ("a\u{301}b", "a", "c"), ("", "a", "b"), ("a", "", "b"), ("\"a\" a", "\"a\"", "\"a\", \"b\""),
        ]
        for _ in 0..<3_000 { cases.append((random(14), random(3), random(3))) }
        for (text, target, replacement) in cases {
            #expect(
                text.replacingText(target, with: replacement) == text.replacing(target, with: replacement),
                "\(text.debugDescription) \(target.debugDescription) \(replacement.debugDescription)")
            let plain = text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
            let plainTarget = !target.isEmpty && target.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
            #expect((TextBytes.replacing(text, target, with: replacement) != nil) == (plain && plainTarget))
        }
    }
}
