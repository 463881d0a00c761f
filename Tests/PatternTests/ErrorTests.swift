import Testing

@testable import Pattern

/// The syntax error `pattern` raises, or nil when it compiles.
private func syntaxError(_ pattern: String) -> (message: String, offset: Int)? {
    do {
        _ = try Pattern(pattern)
        return nil
    } catch {
        guard case .syntax(let message, let offset) = error.kind else { return nil }
        return (message, offset)
    }
}

@Suite("Errors and limits")
struct ErrorTests {
    @Test(
        "syntax errors name the problem and its offset",
        arguments: [
            ("a(b", "missing closing ')'", 3),
            ("a)b", "unexpected ')'", 1),
            ("(?:a", "missing closing ')'", 4),
            ("[a-z", "missing closing ']'", 4),
            ("[]", "missing closing ']'", 2),
            (#"a\q"#, #"invalid escape sequence '\q'"#, 1),
            (#"\é"#, #"invalid escape sequence '\é'"#, 0),
            (#"ab\"#, "trailing backslash at end of pattern", 2),
            (#"\xZZ"#, #"invalid escape sequence '\xZ'"#, 0),
            (#"\x{110000}"#, #"invalid escape sequence '\x{110000}'"#, 0),
            (#"(a)\1"#, #"backreference '\1' is not supported (semgate patterns must run in linear time)"#, 3),
            (#"(?<n>a)\k<n>"#, #"backreference '\k' is not supported (semgate patterns must run in linear time)"#, 7),
            ("(?P<n>a)(?P=n)", "backreference '(?P=' is not supported (semgate patterns must run in linear time)", 8),
            ("a(?=b)", "lookahead '(?=' is not supported (semgate patterns must run in linear time)", 1),
            ("a(?!b)", "lookahead '(?!' is not supported (semgate patterns must run in linear time)", 1),
            ("(?<=a)b", "lookbehind '(?<=' is not supported (semgate patterns must run in linear time)", 0),
            ("(?<!a)b", "lookbehind '(?<!' is not supported (semgate patterns must run in linear time)", 0),
            ("(?>a)", "atomic group '(?>' is not supported (semgate patterns must run in linear time)", 0),
            ("a*+", "possessive quantifier '*+' is not supported (semgate patterns must run in linear time)", 1),
            ("a{2}+", "possessive quantifier '{2}+' is not supported (semgate patterns must run in linear time)", 1),
            ("a{2,1}", "invalid repeat count '{2,1}': maximum is less than minimum", 1),
            ("a{1001}", "repeat count '{1001}' exceeds the maximum of 1000", 1),
            ("a{1,1001}", "repeat count '{1,1001}' exceeds the maximum of 1000", 1),
            ("*a", "missing argument to repetition operator '*'", 0),
            ("a|+", "missing argument to repetition operator '+'", 2),
            ("(?)", "invalid or unsupported group syntax '(?)'", 0),
            ("(?i)?", "missing argument to repetition operator '?'", 4),
            ("{2}", "missing argument to repetition operator '{2}'", 0),
            ("a**", "invalid nested repetition operator '**'", 2),
            ("a*??", "invalid nested repetition operator '*??'", 3),
            ("(?<x>a)(?<x>b)", "duplicate group name 'x'", 10),
            ("(?P<1x>a)", "invalid group name '1x' (use letters, digits and '_')", 4),
            ("(?<>a)", "invalid group name '' (use letters, digits and '_')", 3),
            ("(?<a-b>a)", "invalid group name 'a-b' (use letters, digits and '_')", 3),
            ("(?<ab", "missing closing '>' of group name", 3),
            ("(?x)a", "invalid or unsupported group syntax '(?x'", 0),
            ("[z-a]", "invalid character class range 'z-a'", 1),
            (#"[a-\d]"#, #"invalid character class range 'a-\d'"#, 1),
            ("[[:foo:]]", "invalid character class '[:foo:]'", 1),
            (#"[\b]"#, #"invalid escape sequence '\b' in a class"#, 1),
            (#"\pL"#, #"Unicode class '\p' is not supported (use an explicit range such as [\x{370}-\x{3FF}])"#, 0),
            ("é(", "missing closing ')'", 2),
        ])
    func syntaxErrors(pattern: String, message: String, offset: Int) {
        let error = syntaxError(pattern)
        #expect(error?.message == message)
        #expect(error?.offset == offset)
    }

    @Test func descriptionsQuoteThePatternAndSayWhatToDo() {
        #expect(
            PatternError(pattern: "a(b", kind: .syntax(message: "missing closing ')'", offset: 3)).description
                == "invalid pattern 'a(b': missing closing ')' at offset 3")
        #expect(
            PatternError(pattern: "(a+)+$", kind: .budgetExceeded(budget: 200_000_000)).description
                == "pattern '(a+)+$' exceeded its work budget of 200000000 steps (simplify it or narrow its files)")
        #expect(
            PatternError(pattern: "x", kind: .tooLarge(limit: 20_000)).description
                == "pattern 'x' is too large: it compiles to more than 20000 instructions (reduce repeat counts)")
        #expect(throws: PatternError(pattern: "a(b", kind: .syntax(message: "missing closing ')'", offset: 3))) {
            try Pattern("a(b")
        }
    }

    @Test(
        "repeat counts that multiply beyond the instruction limit are too large",
        arguments: ["(?:a{1000}){1000}", "(?:(?:ab){100}){300}", "[a-z]{1000}[a-z]{1000}x{1000}(?:y{1000}){20}"])
    func tooLarge(pattern: String) {
        #expect(throws: PatternError(pattern: pattern, kind: .tooLarge(limit: Pattern.instructionLimit))) {
            try Pattern(pattern)
        }
    }

    @Test func nestingIsLimited() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "(?:", count: depth) + "a" + String(repeating: ")", count: depth)
        }
        #expect(try Pattern(nested(200)).firstMatch(in: "a")?.text == "a")
        #expect(syntaxError(nested(201))?.message == "groups nest more than 200 deep")
        #expect(syntaxError(nested(201))?.offset == 600)
    }

    @Test(
        "catastrophic patterns for backtracking engines run in linear time",
        arguments: [
            ("(a+)+$", String(repeating: "a", count: 100_000) + "b", 0),
            ("(a+)+$", String(repeating: "a", count: 100_000), 1),
            ("(a|aa)*c", String(repeating: "a", count: 100_000), 0),
            ("(a|aa)*c", String(repeating: "a", count: 100_000) + "c", 1),
            ("(?:a*)*b", String(repeating: "a", count: 100_000), 0),
            ("(x+x+)+y", String(repeating: "x", count: 50_000), 0),
            ("(.*a){12}", String(repeating: "a", count: 20_000), 1),
        ])
    func linearTime(pattern: String, text: String, count: Int) throws {
        #expect(try Pattern(pattern).matches(in: text).count == count)
    }

    @Test func budgetExceededThrowsInsteadOfReturningPartialResults() throws {
        let pattern = try Pattern("(a|aa)*c")
        let text = String(repeating: "a", count: 10_000) + "bc"
        #expect(throws: PatternError(pattern: "(a|aa)*c", kind: .budgetExceeded(budget: 1_000))) {
            try pattern.matches(in: text, budget: 1_000)
        }
        #expect(throws: PatternError(pattern: "(a|aa)*c", kind: .budgetExceeded(budget: 1_000))) {
            try pattern.firstMatch(in: text, budget: 1_000)
        }
        let many = try Pattern("a")
        #expect(throws: PatternError.self) { try many.matches(in: text, budget: 5_000) }
        #expect(try many.matches(in: text, budget: 1_000_000).count == 10_000)
        #expect(try pattern.matches(in: String(repeating: "a", count: 10_000), budget: 1_000).isEmpty)
    }
}
