import Testing

@testable import GoSource

/// `GoParser.unquote`'s byte-wise reading gives what the `Character`-wise reading it stands in for gave
/// (`unquoteByCharacters`): on literals as the lexer finds them and on texts it never makes (unterminated literals,
/// combining marks and prepended scalars next to the quotes, carriage returns, escapes, invalid escapes).
@Suite("Go literals: unquote read by byte")
struct UnquoteTests {
    private static let samples: [String] = [
        "", "\"", "'", "`", "\"\"", "``", "''", "\"abc\"", "`abc`", "'a'", "\"a\\nb\"", "\"\\x41\\u00e9\\U0001F600\"",
        "\"\\101\\777\"", "'\\''", "\"\\\"\"", "`a\r\nb\r`", "`\r`", "\"abc", "`abc", "'a", "\"é\"", "\"é", "`é`", "`é",
        "\"\u{301}a\"", "`\u{301}a`", "`a\u{301}`", "`a\u{600}`", "\"a\u{600}\"", "`\u{600}`",
        "\"\u{600}", "`\u{200D}`",
        "`👍🏽`", "\"👍🏽\"", "\"👍🏽", "abc", "a`", "\\", "\"\\", "\"\\\"", "\"\\q\"", "\"\\x4\"", "\"\\u12\"", "`\n`",
        "\"日本語\"", "`日本語`", "'日'", "\r\"a\"", "\"a\"\r", "`a`\r", "``\u{301}", "`\u{301}", "\"\u{301}",
    ]

    /// Random short texts over quotes, backslashes, escape letters, ASCII, `\r`, and scalars that combine with or
    /// attach to their neighbours.
    private static func randomTexts(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let openers = ["\"", "`", "'", "", "a"]
        let pieces = [
            "a", "\\", "n", "x", "4", "1", "u", "\"", "`", "'", "\r", "\n", "é", "\u{301}", "\u{600}", "\u{200D}",
            "👍", "\u{1F3FD}", " ", "日",
        ]
        return (0..<count).map { _ in
            let body = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            return openers[Int.random(in: 0..<openers.count, using: &generator)] + body.joined()
        }
    }

    @Test func bytesAsCharacters() {
        for text in Self.samples + Self.randomTexts(count: 20_000) {
            #expect(GoParser.unquote(text) == GoParser.unquoteByCharacters(text), "\(text.debugDescription)")
            let closed = ["\"", "`", "'"].map { text + $0 } + ["\"" + text + "\"", "`" + text + "`"]
            for literal in closed {
                #expect(
                    GoParser.unquote(literal) == GoParser.unquoteByCharacters(literal), "\(literal.debugDescription)")
            }
        }
    }

    @Test func values() {
        #expect(GoParser.unquote("\"a\\tb\"") == "a\tb")
        #expect(GoParser.unquote("`a\r\nb`") == "a\nb")
        #expect(GoParser.unquote("\"é\"") == "é")
        #expect(GoParser.unquote("'\\n'") == "\n")
        #expect(GoParser.unquote("name") == "name")
    }
}
