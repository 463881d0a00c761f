import Foundation
import Gate
import Reports
import Testing

/// docs/rules.md is generated from the rule values; this test fails when it drifts.
@Suite("Rule docs")
struct RuleDocsTests {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/rules.md")

    @Test("docs/rules.md matches the rule values")
    func docsMatchTheRules() throws {
        let committed = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(
            committed == RuleDocs.markdown(),
            "docs/rules.md is out of date with Sources/Gate/Rules; regenerate it: \(RuleDocs.regenerate)")
    }

    @Test("every rule has a section with its remedy and its examples' outcomes", arguments: Rule.all.map(\.name))
    func sections(name: String) throws {
        let rule = try #require(Rule.named(name))
        let section = RuleDocs.section(rule)
        #expect(section.hasPrefix("## \(name)\n"))
        #expect(section.contains("**What to do:** " + rule.remedy))
        #expect(section.contains("=> \(rule.defaultSeverity.rawValue) \(name): "))
        #expect(section.contains("=> no \(name) finding"))
        #expect(!section.contains("does not run"))
        let text = RuleDocs.text(rule)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.hasPrefix("  ") })
    }
}
