import Testing

@testable import Pattern

/// Whole-match texts of every match of `pattern` in `text`.
private func matchTexts(_ pattern: String, _ text: String) throws -> [String] {
    try Pattern(pattern).matches(in: text).map(\.text)
}

@Suite("Matching")
struct MatchingTests {
    @Test(
        "literals, escapes and classes",
        arguments: [
            ("abc", "xabcyabc", ["abc", "abc"]),
            (#"a\.b"#, "a.b axb", ["a.b"]),
            (#"\\"#, #"a\b"#, [#"\"#]),
            (#"\(x\)"#, "f(x)", ["(x)"]),
            (#"\n\t\r\f\v"#, "\n\t\r\u{0C}\u{0B}", ["\n\t\r\u{0C}\u{0B}"]),
            (#"\x41\x{263a}"#, "A\u{263A}", ["A\u{263A}"]),
            (#"\x{1F600}"#, "a😀b", ["😀"]),
            (##"\#\-\ \:"##, "#- :", ["#- :"]),
            (#"\012"#, "a\nb", ["\n"]),
            (#"\Qa.b*c\E+"#, "a.b*cc a.bbc", ["a.b*cc"]),
            ("a.c", "abc a\nc a😀c", ["abc", "a😀c"]),
            ("(?s)a.c", "a\nc", ["a\nc"]),
            ("[a-c_]+", "xa_bcy", ["a_bc"]),
            (#"[^"]+"#, #""ab"cd""#, ["ab", "cd"]),
            ("[]a]+", "]a]b", ["]a]"]),
            ("[^]a]+", "]a]bc", ["bc"]),
            ("[a-]+", "-a-b", ["-a-"]),
            ("[-a]+", "b-a", ["-a"]),
            (#"[\d.]+"#, "v1.20.3x", ["1.20.3"]),
            (#"[\]\\]+"#, #"a]\b"#, [#"]\"#]),
            (#"[\x41-\x43]+"#, "ABCD", ["ABC"]),
            ("[[:alpha:]]+", "12ab3", ["ab"]),
            ("[[:^digit:][:digit:]]+", "a1 ", ["a1 "]),
            ("[[:upper:][:digit:]]+", "aB1c", ["B1"]),
            ("[[:punct:]]+", "a!?b", ["!?"]),
            ("[[:space:]]+", "a \u{0B}b", [" \u{0B}"]),
            ("[[:xdigit:]]+", "xDEADbeefz", ["DEADbeef"]),
            ("[[:word:]]+", "-a_1-", ["a_1"]),
            ("[[:foo]", "[:foo]", ["[", ":", "f", "o", "o"]),
            (#"\d+"#, "a12b345", ["12", "345"]),
            (#"\D+"#, "a12b", ["a", "b"]),
            (#"\w+"#, "héllo wörld", ["h", "llo", "w", "rld"]),
            (#"\W+"#, "a-é b", ["-é "]),
            (#"\s+"#, "a \t\nb\u{0B}c", [" \t\n"]),
            (#"\S+"#, "ab cd", ["ab", "cd"]),
            ("[é-ë]+", "aéêëf", ["éêë"]),
            ("[^a]", "a😀", ["😀"]),
            ("a{", "a{b", ["a{"]),
            ("a{,2}", "a{,2}", ["a{,2}"]),
            ("{x}", "{x}", ["{x}"]),
        ])
    func constructs(pattern: String, text: String, expected: [String]) throws {
        #expect(try matchTexts(pattern, text) == expected)
    }

    @Test(
        "quantifiers, greedy and lazy",
        arguments: [
            ("a*", "aaa", ["aaa"]),
            ("a*", "baaa", ["", "aaa"]),
            ("a+", "baaab", ["aaa"]),
            ("ab?", "a ab", ["a", "ab"]),
            ("a{2}", "aaaaa", ["aa", "aa"]),
            ("a{2,}", "a aa aaaa", ["aa", "aaaa"]),
            ("a{1,2}", "aaa", ["aa", "a"]),
            ("a{0}b", "ab", ["b"]),
            ("a*?b", "aab", ["aab"]),
            ("<.+>", "<a><b>", ["<a><b>"]),
            ("<.+?>", "<a><b>", ["<a>", "<b>"]),
            ("<.*?>", "<><b>", ["<>", "<b>"]),
            ("a??b", "ab", ["ab"]),
            ("a{1,3}?", "aaa", ["a", "a", "a"]),
            ("a{2,}?", "aaaa", ["aa", "aa"]),
            ("(?U)a+", "aaa", ["a", "a", "a"]),
            ("(?U)a+?", "aaa", ["aaa"]),
            ("(?:ab)+", "ababa", ["abab"]),
            ("(?:a|b)*c", "abbac", ["abbac"]),
            ("(?:a*)*b", "aab", ["aab"]),
            ("(?:a?){3}a{3}", "aaa", ["aaa"]),
            ("x(?:abc){2}y", "xabcy xabcabcy", ["xabcabcy"]),
            ("(?:foo|bar)baz", "foobar barbaz", ["barbaz"]),
            (#"\w+(?<m>Metric)\("#, "NewMetric( Metric( xMetricx(", ["NewMetric("]),
        ])
    func quantifiers(pattern: String, text: String, expected: [String]) throws {
        #expect(try matchTexts(pattern, text) == expected)
    }

    @Test(
        "alternation is leftmost-first",
        arguments: [
            ("a|ab", "ab", ["a"]),
            ("ab|a", "ab", ["ab"]),
            ("b|ab", "ab", ["ab"]),
            ("(?:a|ab)(?:c|bcd)", "abcd", ["abcd"]),
            ("x*|b", "b", ["", ""]),
            ("Counter|Gauge|Trend|Rate", "Trend Rate", ["Trend", "Rate"]),
            ("a|", "ba", ["", "a"]),
        ])
    func alternation(pattern: String, text: String, expected: [String]) throws {
        #expect(try matchTexts(pattern, text) == expected)
    }

    @Test(
        "anchors with and without multi-line mode",
        arguments: [
            ("^a", "a\na", ["a"]),
            ("(?m)^a", "a\na", ["a", "a"]),
            ("a$", "a\na", ["a"]),
            ("a$", "a\na\n", []),
            ("(?m)a$", "a\na\n", ["a", "a"]),
            ("(?m)^$", "a\n\nb", [""]),
            ("(?m)^", "a\nb\n", ["", "", ""]),
            (#"\Aa"#, "aa", ["a"]),
            (#"(?m)\Aa"#, "a\na", ["a"]),
            (#"a\z"#, "aa", ["a"]),
            (#"(?m)a\z"#, "a\na", ["a"]),
            (#"\bfoo\b"#, "foo foobar barfoo (foo)", ["foo", "foo"]),
            (#"\Boo\B"#, "foo oo xoox", ["oo"]),
            (#"\b"#, "ab cd", ["", "", "", ""]),
            (#"é\b"#, "éa é", ["é"]),
        ])
    func anchors(pattern: String, text: String, expected: [String]) throws {
        #expect(try matchTexts(pattern, text) == expected)
    }

    @Test(
        "case-insensitive matching",
        arguments: [
            ("(?i)hello", "HeLLo hello", ["HeLLo", "hello"]),
            ("(?i)[a-c]+", "xAbCd", ["AbC"]),
            ("(?i)[^a]+", "aAbB", ["bB"]),
            ("(?i:ab)c", "ABc ABC", ["ABc"]),
            ("a(?i)b|c", "aB C", ["aB", "C"]),
            ("(?i)é", "É é", ["É", "é"]),
            ("(?i)σ+", "Σσς", ["Σσς"]),
            ("(?i)k", "K k \u{212A}", ["K", "k", "\u{212A}"]),
            ("(?i)[[:lower:]]+", "aBc1", ["aBc"]),
            ("(?i)(?-i:a)A", "aA AA aa", ["aA", "aa"]),
            ("(?is)A.B", "a\nb", ["a\nb"]),
            ("(?i)ǅ", "Ǆ ǅ ǆ", ["Ǆ", "ǅ", "ǆ"]),
        ])
    func caseInsensitive(pattern: String, text: String, expected: [String]) throws {
        #expect(try matchTexts(pattern, text) == expected)
    }

    @Test(
        "named groups",
        arguments: [
            (#"(?<key>\w+)=(?<value>\w*)"#, "a=1", ["key": "a", "value": "1"]),
            (#"(?<key>\w+)=(?<value>\w*)"#, "a=", ["key": "a", "value": ""]),
            (#"(?P<x>a)|(?P<y>b)"#, "b", ["y": "b"]),
            (#"(?<x>a)?b"#, "b", [:]),
            (#"(?:(?<x>a)|b)+"#, "ab", ["x": "a"]),
            (#"(?<x>a|b)+"#, "ab", ["x": "b"]),
            (#"(a)(?<x>b)(c)"#, "abc", ["x": "b"]),
            (#"(?<x>(?<y>a)b)"#, "ab", ["x": "ab", "y": "a"]),
            (#"(?<e>)x"#, "x", ["e": ""]),
            (#"(?<w>é+)"#, "aééb", ["w": "éé"]),
        ] as [(String, String, [String: String])])
    func namedGroups(pattern: String, text: String, expected: [String: String]) throws {
        #expect(try Pattern(pattern).firstMatch(in: text)?.groups == expected)
    }

    @Test func groupNamesInOrderOfOpeningParenthesis() throws {
        let pattern = try Pattern(#"(?<outer>(?P<inner>a)(b))(?<last>c)"#)
        #expect(pattern.groupNames == ["outer", "inner", "last"])
        #expect(try Pattern("(a)(?:b)").groupNames.isEmpty)
    }

    @Test func multiLineMatchesReportLinesAndOffsets() throws {
        let text =
            "package metrics\n\nvar (\n\tReqs = registry.NewMetric(\"http_reqs\",\n\t\tCounter)\n"
            + "\tDur = registry.NewMetric(\"http_req_duration\", Trend, Time)\n)\n"
        let pattern = try Pattern(#"NewMetric\("(?<name>[a-z_]+)",\s*(?<type>Counter|Gauge|Trend|Rate)"#)
        let found = try pattern.matches(in: text)
        #expect(found.map { $0.groups["name"] } == ["http_reqs", "http_req_duration"])
        #expect(found.map { $0.groups["type"] } == ["Counter", "Trend"])
        #expect(found.map(\.line) == [4, 6])
        #expect(found[0].groupLine("type") == 5)
        #expect(found[0].groupLine("name") == 4)
        #expect(found[0].groupLine("missing") == nil)
        let utf8 = Array(text.utf8)
        for match in found {
            #expect(String(decoding: utf8[match.range], as: UTF8.self) == match.text)
        }
    }

    @Test func spanningPatternWithDotAll() throws {
        let text = "cmd.Flags().StringVarP(&opts.out,\n\t\"out\", \"o\", \"\", \"help\")\nx.Flags().Bool(\"quiet\""
        let pattern = try Pattern(
            #"(?s)Flags\(\)\.(?<type>String|Bool|Int)(?:P|Var|VarP)?\((?:&[\w.]+,\s*)?"(?<name>[a-z0-9-]+)""#)
        let found = try pattern.matches(in: text)
        #expect(found.map { $0.groups["name"] ?? "-" } == ["out", "quiet"])
        #expect(found.map { $0.groups["type"] ?? "-" } == ["String", "Bool"])
        #expect(found.map(\.line) == [1, 3])
        #expect(found[0].groupLine("name") == 2)
        #expect(found[0].text.hasSuffix("\"out\""))
    }

    @Test func unicodeOffsetsAreUTF8() throws {
        let text = "é😀x\né😀x"
        let found = try Pattern("x").matches(in: text)
        #expect(found.map(\.range) == [6..<7, 14..<15])
        #expect(found.map(\.line) == [1, 2])
        let emoji = try Pattern("😀.").matches(in: text)
        #expect(emoji.map(\.range) == [2..<7, 10..<15])
        #expect(try Pattern("(?<a>.)x").firstMatch(in: text)?.groups == ["a": "😀"])
        #expect(try Pattern("^.").firstMatch(in: "😀")?.range == 0..<4)
    }

    @Test func emptyMatchesAdvanceOneScalar() throws {
        let found = try Pattern("x*").matches(in: "é😀xx")
        #expect(found.map(\.range) == [0..<0, 2..<2, 6..<8])
        #expect(try Pattern("").matches(in: "").map(\.range) == [0..<0])
        #expect(try Pattern("").matches(in: "ab").count == 3)
    }

    @Test func firstMatchFindsLeftmost() throws {
        let pattern = try Pattern("b+")
        #expect(try pattern.firstMatch(in: "abbcb")?.range == 1..<3)
        #expect(try pattern.firstMatch(in: "acd") == nil)
        #expect(try pattern.firstMatch(in: "") == nil)
    }

    /// A text without the literal every match contains, or without a byte a match may start with, is turned away
    /// before any machine runs: no match and no budget spent, exactly as a full search that fails at once; a text
    /// that has them is searched as before (the literal after a failed start, at the end, in a group).
    @Test func textsThatCannotMatchSpendNothing() throws {
        // free: turned away before the machine (nothing spent).
        let cases: [(pattern: String, text: String, found: [String], free: Bool)] = [
            ("(?:^|x:\")(?<name>K6_[A-Z]*[A-Z])(?:$|\")", "no variable here", [], true),
            ("(?:^|x:\")(?<name>K6_[A-Z]*[A-Z])(?:$|\")", "K6_", [], false),
            ("(?:^|x:\")(?<name>K6_[A-Z]*[A-Z])(?:$|\")", "K6_OUT", ["K6_OUT"], false),
            ("(?:^|x:\")(?<name>K6_[A-Z]*[A-Z])(?:$|\")", "a x:\"K6_AB\"", ["x:\"K6_AB\""], false),
            ("abc", "ab ab bc", [], true),
            ("abc", "xxabc", ["abc"], false),
            ("[0-9]+x", "no digits", [], true),
            ("[0-9]+x", "7x", ["7x"], false),
            ("(?:a|b)cd", "", [], true),
            ("a*", "", [""], false),
            ("(?:K6|k6)_", "K6 k6", [], true),
            ("(?:K6|k6)_", "é k6_", ["k6_"], false),
        ]
        for (source, text, found, free) in cases {
            let pattern = try Pattern(source)
            var budget = 1_000
            let matches = try pattern.matches(in: text, budget: &budget, maximumMatches: 10)
            #expect(matches.map(\.text) == found, "\(source) in \(text)")
            if free { #expect(budget == 1_000, "\(source) in \(text)") } else { #expect(budget < 1_000) }
            #expect(try pattern.firstMatch(in: text)?.text == found.first, "\(source) in \(text)")
        }
    }

    @Test func patternKeepsItsSource() throws {
        #expect(try Pattern("a(b)").source == "a(b)")
    }
}
