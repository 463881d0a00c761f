import Pattern
import Testing

/// Inputs a review found to crash, hang, blow up or mis-fold; each must now behave.
@Suite("Regressions from review")
struct ReviewRegressionTests {
    @Test("repeating something that emits nothing compiles at once, however deep the counts nest")
    func emptyRepetitions() throws {
        let pattern = try Pattern("(?:(?:(?:(?:){1000}){1000}){1000}){1000}x")
        #expect(try pattern.matches(in: "axb").map(\.text) == ["x"])
        #expect(try Pattern("a(?:){5}b|c{0}d").matches(in: "ab d").map(\.text) == ["ab", "d"])
    }

    @Test("more than 64 named groups is a syntax error that says how to fix it")
    func tooManyGroups() {
        let source = "(?:" + (0..<65).map { "(?<g\($0)>.)" }.joined(separator: "|") + ")*"
        do {
            _ = try Pattern(source)
            Issue.record("a pattern with 65 named groups compiled")
        } catch {
            #expect(error.description.contains("more than 64 named groups"))
        }
        #expect((try? Pattern("(?:" + (0..<64).map { "(?<g\($0)>.)" }.joined(separator: "|") + ")*")) != nil)
    }

    @Test(
        "negated classes under (?i) are folded before they are negated, as in RE2",
        arguments: [
            (#"(?i)[\W]"#, "kSx.", ["."]),
            (#"(?i)\W"#, "k\u{212A}.", ["."]),
            (#"(?i)[[:^alpha:]]"#, "kS1", ["1"]),
            (#"(?i)\D"#, "a1", ["a"]),
            (#"[\W]"#, "k\u{212A}.", ["\u{212A}", "."]),
        ])
    func negatedFolding(source: String, text: String, expected: [String]) throws {
        #expect(try Pattern(source).matches(in: text).map(\.text) == expected)
    }
}
