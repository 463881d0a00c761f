import Foundation
import Testing

@testable import Pattern

/// One match reduced to what both engines report: the UTF-8 range and the named groups that took part.
private struct Found: Equatable, CustomStringConvertible {
    let range: Range<Int>
    let groups: [String: String]
    var description: String { "\(range)\(groups.isEmpty ? "" : " \(groups)")" }
}

private let goSource = """
    package metrics

    var (
    \tHTTPReqs = registry.MustNewMetric("http_reqs", metrics.Counter)
    \tVUs = registry.MustNewMetric("vus", metrics.Gauge)
    \tDuration = registry.MustNewMetric("http_req_duration",
    \t\tmetrics.Trend, metrics.Time)
    )

    func init() { cmd.Flags().StringVarP(&opts.out, "out", "o", "", "output") }
    // Deprecated: use NewThing.
    func OldThing(x int) error { return nil }
    """

private let differentialCases: [(pattern: String, text: String)] = [
    ("abc", "abcabc xabc"),
    ("a|ab", "ab ab"),
    ("ab|a", "ab a"),
    ("(?:a|ab)(?:c|bcd)(?<rest>d*)", "abcd abcdd"),
    ("a+?b", "aaab ab"),
    ("<.+?>", "<a><bb>"),
    ("<.+>", "<a><bb>\n<c>"),
    ("a{2,3}", "aaaaaaa"),
    ("a{2,3}?", "aaaaaaa"),
    ("a{2,}", "a aa aaaaa"),
    ("(?:ab){2}", "abababab"),
    ("[a-c]+", "xaabbcd"),
    ("[^a-c\\n]+", "abxyz\ncd"),
    ("[[:alpha:]_][[:alnum:]_]*", "foo_1 2bar _x"),
    ("[[:upper:]][[:lower:]]+", "Hello World hELLO"),
    ("\\d+\\.\\d+", "v1.20 and 3.4.5"),
    ("\\bfoo\\b", "foo foobar (foo) barfoo"),
    ("\\Bar\\B", "bare car arc"),
    ("(?m)^\\w+", "alpha beta\ngamma\n delta"),
    ("(?m)\\w+$", "alpha beta\ngamma\ndelta"),
    ("\\A\\w+", "start middle"),
    ("\\w+\\z", "start end"),
    ("(?i)hello", "Hello HELLO hello hElLo"),
    ("(?i)[a-f]+", "DeadBeef 0x1F"),
    ("(?i:ab)c", "ABc abC aBc"),
    ("(?s)a.+z", "a\nb\nz"),
    ("a.+z", "a\nbz abz"),
    ("(?<key>\\w+)=(?<value>[^;]*);", "a=1;b=;c=three;"),
    ("(?<a>x)|(?<b>y)", "xyyx"),
    ("(?<word>[a-z]+)(?<digits>\\d+)?", "abc12 de f3"),
    ("(?:(?<x>a)|b)+", "ab ba"),
    ("(?<outer>a(?<inner>b)?)+", "aab abab"),
    ("\\x41\\x{42}+", "ABBB AB"),
    ("\\Qa.b\\E+", "a.bb a.b"),
    ("é+", "aéé é"),
    ("😀.", "x😀y😀😀"),
    ("[é-ë]+\\w", "éêx ëa"),
    ("(?i)straße", "STRAßE straße"),
    ("\"[^\"]*\"", "say \"hi\" and \"\" or \"x\""),
    ("MustNewMetric\\(\"(?<name>[a-z_]+)\",\\s*metrics\\.(?<type>Counter|Gauge|Trend|Rate)", goSource),
    (
        "(?s)Flags\\(\\)\\.(?<type>String|Bool|Int)(?:P|Var|VarP)?\\((?:&[\\w.]+,\\s*)?\"(?<name>[a-z0-9-]+)\"",
        goSource
    ),
    (
        "(?m)^// Deprecated: (?<note>.+)\\n func (?<name>\\w+)",
        goSource.replacingOccurrences(of: "\nfunc", with: "\n func")
    ),
    ("func (?<name>[A-Z]\\w*)\\(", goSource),
    ("(?m)^\\t(?<name>\\w+) = ", goSource),
]

/// Every match as NSRegularExpression reports it, with ranges converted to UTF-8 offsets.
private func foundationMatches(_ pattern: String, _ text: String, groupNames: [String]) throws -> [Found] {
    let regex = try NSRegularExpression(pattern: pattern)
    func utf8Range(_ range: NSRange) -> Range<Int>? {
        guard range.location != NSNotFound, let bounds = Range(range, in: text) else { return nil }
        let start = text.utf8.distance(from: text.startIndex, to: bounds.lowerBound)
        return start..<(start + text.utf8.distance(from: bounds.lowerBound, to: bounds.upperBound))
    }
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { result in
        guard let range = utf8Range(result.range) else { return nil }
        var groups: [String: String] = [:]
        for name in groupNames {
            let groupRange = result.range(withName: name)
            if groupRange.location != NSNotFound, let bounds = Range(groupRange, in: text) {
                groups[name] = String(text[bounds])
            }
        }
        return Found(range: range, groups: groups)
    }
}

@Suite("Differential against NSRegularExpression")
struct DifferentialTests {
    @Test("same matches and named groups as Foundation", arguments: differentialCases)
    func sameAsFoundation(pattern: String, text: String) throws {
        let compiled = try Pattern(pattern)
        let ours = try compiled.matches(in: text).map { Found(range: $0.range, groups: $0.groups) }
        let theirs = try foundationMatches(pattern, text, groupNames: compiled.groupNames)
        #expect(ours == theirs)
        #expect(!ours.isEmpty)
    }

    @Test func tableIsLargeEnough() {
        #expect(differentialCases.count >= 40)
    }
}
