import Foundation
import Gate
import Policy
import Testing

/// The rule values: one a rule id, well formed, and every example doing what it says through the rule pass.
@Suite("Rules as values")
struct RuleCatalogTests {
    @Test func oneValueARuleInTableOrder() {
        #expect(Rule.all.map(\.id) == RuleID.allCases)
        #expect(RuleID.allCases.allSatisfy { Rule.named($0).id == $0 })
        #expect(Rule.named("no-such-rule") == nil)
    }

    @Test(arguments: RuleID.allCases)
    func wellFormed(id: RuleID) {
        let rule = Rule.named(id)
        #expect(!rule.summary.isEmpty && !rule.summary.contains("\n"))
        #expect(rule.explanation.count > rule.summary.count)
        #expect(!rule.remedy.isEmpty)
        #expect(rule.defaultSeverity == .error || rule.defaultSeverity == .warning)
        #expect(rule.examples.first?.triggers == true, "the first example triggers the rule")
        #expect(rule.examples.contains { !$0.triggers }, "an example that does not trigger it")
    }

    @Test(arguments: RuleID.allCases)
    func examplesRun(id: RuleID) throws {
        let rule = Rule.named(id)
        for example in rule.examples {
            let findings = try example.run().filter { $0.rule == id }
            #expect(
                findings.isEmpty != example.triggers,
                "\(id.id): '\(example.title)' \(example.triggers ? "triggers" : "does not trigger"): \(findings)")
            #expect(findings.allSatisfy { $0.severity == rule.defaultSeverity })
        }
    }

    @Test("a policy's rules: override the default severity; off drops the finding")
    func overrides() throws {
        let policy = try loadPolicy("semgate: 1\nrules: {feature-in-patch: warning, unannounced-break: off}\n")
        #expect(Rule.featureInPatch.severity(in: policy) == .warning)
        #expect(Rule.unannouncedBreak.severity(in: policy) == .off)
        #expect(Rule.breakingWithoutMajor.severity(in: policy) == .error)
        var example = Rule.featureInPatch.examples[0]
        example.policy = "rules: {feature-in-patch: warning}\n"
        #expect(try example.run().map(\.severity) == [.warning])
        example.policy = "rules: {feature-in-patch: off}\n"
        #expect(try example.run().isEmpty)
    }

    /// policy/semgate.schema.json describes each rule with its default.
    @Test(arguments: RuleID.allCases)
    func schemaDescriptionsCarryTheDefault(id: RuleID) throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("policy/semgate.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let rules = (schema?["properties"] as? [String: Any])?["rules"] as? [String: Any]
        let entry = (rules?["properties"] as? [String: Any])?[id.id] as? [String: Any]
        let description = entry?["description"] as? String ?? ""
        #expect(description.hasSuffix("Default: \(Rule.named(id).defaultSeverity.rawValue)."))
    }
}
