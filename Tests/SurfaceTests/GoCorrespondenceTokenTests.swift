import Testing

@testable import Surface

/// `GoCorrespondence.tokens` reads ASCII byte by byte and other text character by character; both give the tokens
/// a character-by-character reading gives, which this suite spells out.
@Suite struct GoCorrespondenceTokenTests {
    /// The tokens as the character-by-character definition gives them: runs of letters, numbers and `_`, and every
    /// other character but a space on its own.
    static func expected(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
                continue
            }
            if !current.isEmpty { tokens.append(current) }
            current = ""
            if character != " " { tokens.append(String(character)) }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    @Test(
        "tokens of ASCII, non-ASCII and CR LF texts",
        arguments: [
            "func(ctx context.Context, opts ...Option) (*Client, error)",
            "map[string][]*x_1.T2\tchan<- int",
            "[K comparable, V any]",
            "func(naïve Ünit, 世界 int) 🙂",
            "a\r\nb \r c",
            "",
            "  ",
            "_",
            "x9 9x",
        ])
    func tokens(text: String) {
        #expect(GoCorrespondence.tokens(text) == Self.expected(text))
    }

    @Test("unexported names: ASCII and not")
    func unexported() {
        #expect(GoCorrespondence.isUnexportedName("client"))
        #expect(GoCorrespondence.isUnexportedName("_x"))
        #expect(!GoCorrespondence.isUnexportedName("Client"))
        #expect(!GoCorrespondence.isUnexportedName("string"))
        #expect(!GoCorrespondence.isUnexportedName("9x"))
        #expect(!GoCorrespondence.isUnexportedName("."))
        #expect(!GoCorrespondence.isUnexportedName(""))
        #expect(GoCorrespondence.isUnexportedName("ünit"))
        #expect(!GoCorrespondence.isUnexportedName("Ünit"))
        #expect(GoCorrespondence.isUnexportedName("世界"))
    }

    @Test(
        "unqualified unexported names, read in place, are those of the tokens that neither follow nor precede a dot",
        arguments: [
            "func(ctx context.Context, opts ...option) (*client, error)",
            "map[string][]*x_1.T2\tchan<- inner",
            "struct{ a . b; c .d; e. f; g }",
            "[K comparable, V any] func(k K) v",
            "func(naïve ünit, 世界 int) 🙂 pkg.t",
            "a\r\nb \r c",
            "", "  ", "_", "x9 9x", ".a", "a.", "a . ", "_x_ __",
        ])
    func unqualifiedUnexportedNames(text: String) {
        let tokens = Self.expected(text)
        var expected: Set<String> = []
        for (index, token) in tokens.enumerated()
        where GoCorrespondence.isUnexportedName(token) && !(index > 0 && tokens[index - 1] == ".")
            && !(index + 1 < tokens.count && tokens[index + 1] == ".")
        {
            expected.insert(token)
        }
        var found: Set<String> = []
        GoCorrespondence.unqualifiedUnexportedNames(in: text, into: &found)
        #expect(found == expected)
    }
}
