import Testing

@testable import Cobra

/// The byte-wise text helpers give what the `Character`-wise code they stand in for gave, on ASCII text and on text
/// that is not (combining marks after a separator, `\r\n`, separators only, empty text).
@Suite("cobra extractor: text read byte by byte")
struct CobraTextTests {
    private static let samples: [String] = [
        "", "/", "//", "a", "a/b", "a/b/", "/a//b//", "github.com/spf13/cobra", "example.com/x/v2", "x/\u{301}y",
        "é/ü", "a/b\u{301}", " ", "\t\n", "list [flags]", "  get\tthing", "a\r\nb c", "\r\n", "x\ry z", "\u{301}a b",
        "name% x", "über alles", "a\nb", "word",
    ]

    /// Random short texts over separators, letters, `\r`, and a combining mark.
    private static func randomTexts(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "/", " ", "\t", "\n", "\r", "\u{301}", "é", "//", "x"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
    }

    @Test func lastElementIsTheLastNonEmptyElement() {
        for text in Self.samples + Self.randomTexts(count: 2_000) {
            #expect(CobraText.lastElement(of: text) == text.split(separator: "/").last, "\(text.debugDescription)")
        }
    }

    @Test func firstWordIsTheFirstWord() {
        for text in Self.samples + Self.randomTexts(count: 2_000) {
            let separators: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
            #expect(
                CobraText.firstWord(of: text) == text.split(whereSeparator: separators).first,
                "\(text.debugDescription)")
        }
    }

    /// The lines of go.mod as `CobraModule` read them by `Character` before.
    private static func characterLines(of text: String, maximum: Int) -> [(Int, [Substring])] {
        var result: [(Int, [Substring])] = []
        let lines = text.split(maxSplits: maximum, omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, line) in lines.prefix(maximum).enumerated() {
            var end = line.endIndex
            var previousSlash = false
            for index in line.indices {
                let slash = line[index] == "/"
                if slash && previousSlash {
                    end = line.index(before: index)
                    break
                }
                previousSlash = slash
            }
            let words = line[..<end].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if !words.isEmpty { result.append((offset + 1, words)) }
        }
        return result
    }

    @Test func asciiLinesAreTheLinesReadByCharacter() {
        let goMod = "module example.com/x\n\ngo 1.22\n\nrequire (\n\tgithub.com/spf13/cobra v1.8.0 // indirect\n)\n"
        for text in Self.samples + Self.randomTexts(count: 2_000) + [goMod] {
            for maximum in [1, 2, 100_000] {
                let expected = Self.characterLines(of: text, maximum: maximum)
                guard let lines = CobraText.asciiLines(of: text, maximum: maximum) else {
                    #expect(text.utf8.contains { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }, "\(text.debugDescription)")
                    continue
                }
                #expect(lines.map(\.0) == expected.map(\.0), "\(text.debugDescription)")
                #expect(lines.map(\.1) == expected.map(\.1), "\(text.debugDescription)")
            }
        }
    }

    @Test func containsPercentIsTheCharacterSearch() {
        for text in Self.samples + Self.randomTexts(count: 500) + ["%", "a%b", "%\u{301}", "é%", "100%"] {
            #expect(CobraText.containsPercent(text) == text.contains(Character("%")), "\(text.debugDescription)")
        }
    }

    @Test func objectsAreOrderedAsTheirDescriptions() {
        let prefix = "object(Cobra.CobraSite(file: "
        for (file, offset, context, type) in [(0, 0, 0, 0), (12, 345, 2, 77), (1, 9, 1_024, 3), (100, 7, 0, 1 << 20)] {
            let value = CobraValue.object(
                CobraSite(file: file, offset: offset, context: Int32(context)), CobraName(type))
            let description = "\(value)"
            #expect(description.hasPrefix(prefix))
            #expect(CobraInterpreter.orderText(of: value) == String(description.dropFirst(prefix.count)))
        }
    }
}
