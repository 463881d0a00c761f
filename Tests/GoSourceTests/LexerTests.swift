import Testing
import TestSupport

@testable import GoSource

/// A compact rendering of tokens for table tests: `kind:text` with automatic semicolons as `;auto`.
private func render(_ source: String, comments: Bool = false) -> [String] {
    GoLexer.tokenize(source).tokens.compactMap { token in
        switch token.kind {
        case .identifier: "id:\(token.text)"
        case .keyword(let keyword): "kw:\(keyword.rawValue)"
        case .operator: "op:\(token.text)"
        case .int: "int:\(token.text)"
        case .float: "float:\(token.text)"
        case .imaginary: "imag:\(token.text)"
        case .rune: "rune:\(token.text)"
        case .string: "str:\(token.text)"
        case .comment: comments ? "comment:\(token.text)" : nil
        case .semicolon: token.isAutomaticSemicolon ? ";auto" : ";"
        case .endOfFile: nil
        }
    }
}

private func errors(_ source: String) -> [String] {
    GoLexer.tokenize(source).errors.map(\.description)
}

@Suite("Go lexer")
struct LexerTests {
    @Test(
        "numeric literals",
        arguments: [
            ("42", "int:42"), ("0", "int:0"), ("0x_1F", "int:0x_1F"), ("0XBadFace", "int:0XBadFace"),
            ("0o17", "int:0o17"), ("0O17", "int:0O17"), ("017", "int:017"), ("0b1010", "int:0b1010"),
            ("1_000_000", "int:1_000_000"), ("1.5", "float:1.5"), (".5e-3", "float:.5e-3"), ("1.", "float:1."),
            ("1e10", "float:1e10"), ("0x1p-2", "float:0x1p-2"), ("0x1.8p+1", "float:0x1.8p+1"),
            ("0X.8P0", "float:0X.8P0"), ("09.5", "float:09.5"), ("2i", "imag:2i"), ("1.5e3i", "imag:1.5e3i"),
            ("0x1p-2i", "imag:0x1p-2i"), ("0i", "imag:0i"), ("0123i", "imag:0123i"),
            ("1_2.3_4e5_6", "float:1_2.3_4e5_6"),
        ])
    func numbers(source: String, expected: String) {
        #expect(render(source) == [expected, ";auto"])
        #expect(errors(source).isEmpty)
    }

    @Test(
        "malformed numbers are errors at their position",
        arguments: [
            ("0b12", "1:4: invalid digit '2' in binary literal"),
            ("0o8", "1:3: invalid digit '8' in octal literal"),
            ("09", "1:2: invalid digit '9' in octal literal"),
            ("0x", "1:1: hexadecimal literal has no digits"),
            ("0x1.5", "1:1: hexadecimal mantissa requires a 'p' exponent"),
            ("1p3", "1:1: 'p' exponent requires hexadecimal mantissa"),
            ("1e", "1:1: exponent has no digits"),
            ("1__0", "1:3: '_' must separate successive digits"),
            ("1_", "1:2: '_' must separate successive digits"),
            ("0_x1", "1:2: '_' must separate successive digits"),
        ])
    func badNumbers(source: String, expected: String) {
        let found = errors(source)
        #expect(found.contains { $0.hasPrefix(expected) } || found.first == expected, "\(found)")
    }

    @Test("every operator and punctuation")
    func operators() {
        let all = [
            "+", "&", "+=", "&=", "&&", "==", "!=", "(", ")", "-", "|", "-=", "|=", "||", "<", "<=", "[", "]", "*",
            "^", "*=", "^=", "<-", ">", ">=", "{", "}", "/", "<<", "/=", "<<=", "++", "=", ":=", ",", "%", ">>",
            "%=", ">>=", "--", "!", "...", ".", ":", "&^", "&^=", "~",
        ]
        let tokens = render(all.joined(separator: " "))
        #expect(tokens.filter { $0 != ";" && $0 != ";auto" } == all.map { "op:\($0)" })
        // Each is one `GoOperator`, the lexer's and a token built from its text alike.
        #expect(Set(all) == Set(GoOperator.allCases.map(\.text)) && all.count == GoOperator.allCases.count)
        let lexed = GoLexer.tokenize(all.joined(separator: " ")).codeTokens.filter { $0.kind == .operator }
        #expect(lexed.map(\.symbol) == all.map { text in GoOperator.allCases.first { $0.text == text } })
        for token in lexed {
            #expect(GoToken(kind: .operator, text: token.text, position: token.position) == token)
            #expect(token.isOperator(token.text) && token.symbol.map(token.isOperator) == true)
        }
        #expect(
            GoToken(kind: .identifier, text: "+", position: GoPosition(line: 1, column: 1, offset: 0)).symbol == nil)
    }

    @Test("a line ends in a semicolon after a name, a literal, break, continue, fallthrough, return, ), ], }, ++, --")
    func automaticSemicolons() {
        let ending = ["x", "1", "\"s\"", "break", "continue", "fallthrough", "return", ")", "]", "}", "x++", "x--"]
        for line in ending { #expect(render(line + "\ny").dropLast(2).last == ";auto", "\(line)") }
        let open = ["goto", "+", "+=", "-=", "&^", "&^=", "<<=", "...", "(", "{", ",", "!", "~", "func", "x +"]
        for line in open { #expect(render(line + "\ny").dropLast(2).last != ";auto", "\(line)") }
        // The longest operator wins at every byte, to the end of the source.
        #expect(
            render("a&^=b&&c<<=d<-e>>f..g...h&^") == [
                "id:a", "op:&^=", "id:b", "op:&&", "id:c", "op:<<=", "id:d", "op:<-", "id:e", "op:>>", "id:f", "op:.",
                "op:.", "id:g", "op:...", "id:h", "op:&^",
            ])
        #expect(render("<").first == "op:<" && render("&").first == "op:&" && render(".").first == "op:.")
        #expect(errors("x := $").first == "1:6: invalid character U+0024 '$' in Go source")
    }

    @Test("keywords and identifiers, Unicode letters included")
    func identifiers() {
        let keywords = GoKeyword.allCases.map(\.rawValue)
        #expect(render(keywords.joined(separator: " ")).filter { $0 != ";auto" } == keywords.map { "kw:\($0)" })
        #expect(
            render("αβγ _x x9 Ünïcödé 名前 x٣")
                == ["id:αβγ", "id:_x", "id:x9", "id:Ünïcödé", "id:名前", "id:x٣", ";auto"])
        #expect(errors("x := €").first == "1:6: invalid character U+20AC '€' in Go source")
    }

    @Test("strings, raw strings and runes")
    func literals() {
        #expect(render(#""a\"b\n\x41\u00e9\U0001F600\101""#) == [#"str:"a\"b\n\x41\u00e9\U0001F600\101""#, ";auto"])
        #expect(render("`raw\n{ \"x\" }`\nx") == ["str:`raw\n{ \"x\" }`", ";auto", "id:x", ";auto"])
        #expect(render(#"'a' '\n' '\'' 'é' '\u00e9'"#).filter { $0 != ";auto" }.count == 5)
        #expect(GoLexer.tokenize("`a\nb`\nx").tokens[2].position.line == 3)
    }

    @Test(
        "unterminated and malformed literals are reported, never a crash",
        arguments: [
            ("x := \"abc\ny := 1", "1:6: string literal not terminated"),
            ("x := `abc", "1:6: raw string literal not terminated"),
            ("x := 'a", "1:6: rune literal not terminated"),
            ("x := ''", "1:6: empty rune literal"),
            ("x := 'ab'", "1:6: more than one character in rune literal"),
            ("/* never closed", "1:1: comment not terminated"),
            (#"x := "\q""#, "1:7: unknown escape sequence '\\q'"),
            (#"x := "\400""#, "1:7: octal escape value 256 > 255"),
            (#"x := "\uD800""#, "1:7: escape sequence is an invalid Unicode code point"),
            (#"x := "\x4""#, "1:7: escape sequence is incomplete"),
            ("x := @", "1:6: invalid character U+0040 '@' in Go source"),
            ("x := \u{0}", "1:6: invalid character U+0000"),
        ])
    func badLiterals(source: String, expected: String) {
        let found = errors(source)
        #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
    }

    @Test("invalid UTF-8 is an error, not a crash")
    func invalidUTF8() {
        let result = GoLexer.tokenize([0x78, 0x20, 0xFF, 0xFE, 0x0A])
        #expect(result.errors.map(\.description) == ["1:3: invalid UTF-8 encoding", "1:4: invalid UTF-8 encoding"])
    }

    @Test(
        "automatic semicolons follow the spec",
        arguments: [
            ("x\ny", ["id:x", ";auto", "id:y", ";auto"]),
            ("return\n", ["kw:return", ";auto"]),
            (
                "break\ncontinue\nfallthrough\n",
                ["kw:break", ";auto", "kw:continue", ";auto", "kw:fallthrough", ";auto"]
            ),
            ("i++\nj--\n", ["id:i", "op:++", ";auto", "id:j", "op:--", ";auto"]),
            ("f(\na,\n)\n", ["id:f", "op:(", "id:a", "op:,", "op:)", ";auto"]),
            ("x = 1 +\n2", ["id:x", "op:=", "int:1", "op:+", "int:2", ";auto"]),
            ("a[1]\nb{}\n", ["id:a", "op:[", "int:1", "op:]", ";auto", "id:b", "op:{", "op:}", ";auto"]),
            ("x // c\ny", ["id:x", ";auto", "id:y", ";auto"]),
            ("x /* c\n */ y", ["id:x", ";auto", "id:y", ";auto"]),
            ("x /* c */ y", ["id:x", "id:y", ";auto"]),
            ("func f() {\n}", ["kw:func", "id:f", "op:(", "op:)", "op:{", "op:}", ";auto"]),
            ("x; y", ["id:x", ";", "id:y", ";auto"]),
            ("'a'\n\"s\"\n1.5i\n", ["rune:'a'", ";auto", "str:\"s\"", ";auto", "imag:1.5i", ";auto"]),
            ("x\r\ny", ["id:x", ";auto", "id:y", ";auto"]),
        ])
    func semicolons(source: String, expected: [String]) {
        #expect(render(source) == expected)
    }

    @Test("comments are tokens with positions; doc comments survive")
    func comments() {
        let source = "// Package p.\npackage p\n\n// Deprecated: use Y.\n/* also */ var X = 1 // trailing\n"
        let tokens = GoLexer.tokenize(source).tokens
        let comments = tokens.filter(\.isComment)
        #expect(comments.map(\.text) == ["// Package p.", "// Deprecated: use Y.", "/* also */", "// trailing"])
        #expect(comments.map(\.position.line) == [1, 4, 5, 5])
        #expect(render(source, comments: true).contains("comment:// Deprecated: use Y."))
        #expect(GoLexer.tokenize(source).codeTokens.allSatisfy { !$0.isComment })
    }

    @Test("positions: line, byte column and offset on every token")
    func positions() {
        let tokens = GoLexer.tokenize("package p\n\nfunc  F(é int) {}\n").codeTokens
        let described = tokens.map { "\($0.text)@\($0.position)" }
        #expect(
            described == [
                "package@1:1", "p@1:9", "\n@1:10", "func@3:1", "F@3:7", "(@3:8", "é@3:9", "int@3:12", ")@3:15",
                "{@3:17", "}@3:18", "\n@3:19", "@4:1",
            ])
        #expect(tokens[4].position.offset == 17)
        #expect(GoLexer.tokenize("\u{FEFF}x").tokens[0].position.column == 1)
    }

    @Test("stringLiterals gives exactly tokenize's string tokens, on real code and on random byte soup")
    func stringLiterals() {
        func strings(_ source: String) -> [String] {
            GoLexer.tokenize(source).tokens.filter { $0.kind == .string }.map { "\($0.text)@\($0.position)" }
        }
        func fast(_ source: String) -> [String] { GoLexer.stringLiterals(source).map { "\($0.text)@\($0.position)" } }
        let code = """
            package p // "not a string"
            /* "nor this"
            `nor this` */
            var a = '"' + "x\\"y" + `raw
            "inner"` + 0x1p-2 + "é" // '
            const K = "K6_A"; var r = '\\''; var s = "unterminated
            var t = `open
            """
        #expect(fast(code) == strings(code))
        #expect(fast(code).count == 6)
        let alphabet: [String] = ["\"", "`", "'", "/", "*", "\n", "\\", "a", "1", ".", "é", " ", "x", "\r", "e", "p"]
        var random = SplitMix64(seed: 14)
        for _ in 0..<2000 {
            let length = Int(random.next() % 40)
            let source = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            #expect(fast(source) == strings(source), "\(source.debugDescription)")
        }
    }
}
