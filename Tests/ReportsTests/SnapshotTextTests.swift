import Reports
import Testing

/// `SnapshotText.holdsQuoted`'s byte-wise reading of ASCII text gives what the scalar-wise check it stands in for
/// gave, on every ASCII byte, on fixed texts and on random ones mixing ASCII with whitespace and hidden scalars that
/// are not ASCII.
@Suite("surface snapshot: which texts are quoted")
struct SnapshotTextTests {
    /// The check as `SnapshotFile.quoted` made it before: every scalar asked for its properties.
    private static func byScalars(_ text: String, also: Unicode.Scalar?) -> Bool {
        text.unicodeScalars.contains { SnapshotText.needsQuotes($0) || $0 == also }
    }

    private static let samples: [String] = [
        "", "a", "go-api:example.com/x.Func", "cli:root sub --flag", "a=b", "=", "\"", "\\", " ", "\t", "\n", "\r",
        "\u{0}", "\u{1C}", "\u{1F}", "\u{7F}", "\u{7E}", "~!#$%&'()*+,-./:;<>?@[]^_`{|}", "é", "a\u{A0}b", "\u{85}",
        "x\u{2028}", "\u{200B}", "\u{FEFF}bom", "\u{3000}", "日本", "a\u{301}", "tag\u{E0041}", "\u{202E}abc", "ab é=",
        "=é", "é\"", "#x", "[x", "\u{1680}", "\u{2000}\u{200A}",
    ]

    /// Random short texts over ASCII letters, the ASCII bytes that need quotes, `=`, and scalars beyond ASCII with
    /// and without whitespace or hidden properties.
    private static func randomTexts(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Z", "0", ".", "/", "=", " ", "\t", "\n", "\"", "\\", "\u{7F}", "\u{1}", "é", "\u{A0}", "\u{85}",
            "\u{200B}", "\u{2028}", "日", "\u{301}", "\u{3000}", "#", "[",
        ]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            .joined()
        }
    }

    @Test func everyASCIIScalarAloneAndInText() {
        for value in 0..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            for text in [String(scalar), "a" + String(scalar) + "b", String(scalar) + "é"] {
                for also: Unicode.Scalar? in [nil, "="] {
                    #expect(
                        SnapshotText.holdsQuoted(text, orScalar: also) == Self.byScalars(text, also: also),
                        "\(text.debugDescription) \(String(describing: also))")
                }
            }
        }
    }

    @Test func fixedAndRandomTextsAsByScalars() {
        for text in Self.samples + Self.randomTexts(count: 3_000) {
            for also: Unicode.Scalar? in [nil, "=", "é"] {
                #expect(
                    SnapshotText.holdsQuoted(text, orScalar: also) == Self.byScalars(text, also: also),
                    "\(text.debugDescription) \(String(describing: also))")
            }
        }
    }

    @Test func quotedScalars() {
        for scalar: Unicode.Scalar in [" ", "\u{A0}", "\u{7}", "\u{200B}", "\"", "\\", "\u{85}", "\u{2028}"] {
            #expect(SnapshotText.needsQuotes(scalar), "\(scalar.debugDescription)")
        }
        for scalar: Unicode.Scalar in ["a", "é", "=", "#", "["] {
            #expect(!SnapshotText.needsQuotes(scalar), "\(scalar.debugDescription)")
        }
    }
}
