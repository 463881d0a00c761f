import Policy
import SemVer
import Surface
import Testing

private func load(_ yaml: String) throws(PolicyError) -> Policy {
    try PolicyLoader.load(yaml: "semgate: 1\n" + yaml, file: "p.yml", origin: .file(path: "p.yml"))
}

private let surfaces = "surfaces:\n  api: {extract: {list: api.txt}}\n"

@Suite("remove-when in the policy's deprecations")
struct RemovalConditionPolicyTests {
    @Test("remove-when reads as a line and a phase of the support section, next to remove-in")
    func reads() throws {
        let policy = try load(
            surfaces + """
                deprecations:
                  - {item: "api:v1-client", since: 2.2.0, remove-when: line 1 deprecated}
                  - {item: "api:old", since: 1.1.0, remove-in: 3.0.0, remove-when: "line   2 supported"}
                support: {preset: k6}
                """)
        #expect(
            policy.deprecations.map(\.removeWhen) == [
                RemovalCondition(line: "1", phase: "deprecated"), RemovalCondition(line: "2", phase: "supported"),
            ])
        #expect(policy.deprecations[1].removeIn == Version.parse("3.0.0"))
        #expect(policy.deprecations[0].removeWhen?.description == "line 1 deprecated")
    }

    @Test("a minor line under line: minor, and a custom phase name")
    func minorLines() throws {
        let policy = try load(
            surfaces + """
                deprecations:
                  - {item: "api:x", remove-when: line 1.21 end-of-life}
                support: {preset: go}
                """)
        #expect(policy.deprecations.first?.removeWhen == RemovalCondition(line: "1.21", phase: "end-of-life"))
    }

    static let problems: [(yaml: String, diagnostic: String)] = [
        (
            "deprecations:\n  - {item: \"api:x\", remove-when: line 1 deprecated}\n",
            "5:34: 'remove-when' in deprecation 1 names a support phase but the policy has no "
                + "'support' section; add one, e.g. 'support: {preset: k6}'"
        ),
        (
            "deprecations:\n  - {item: \"api:x\", remove-when: when v3 ships}\nsupport: {preset: k6}\n",
            "5:34: invalid value 'when v3 ships' for 'remove-when' in deprecation 1; write 'line LINE PHASE' with a "
                + "release line and a phase of 'support', e.g. 'line 1 deprecated'"
        ),
        (
            "deprecations:\n  - {item: \"api:x\", remove-when: line 1 deprecatd}\nsupport: {preset: k6}\n",
            "5:34: unknown phase 'deprecatd' in 'remove-when' in deprecation 1; did you mean 'deprecated'?"
        ),
        (
            "deprecations:\n  - {item: \"api:x\", remove-when: line 1.2 deprecated}\nsupport: {preset: k6}\n",
            "5:34: invalid line '1.2' in 'remove-when' in deprecation 1; lines are majors here, write it like "
                + "'line 1 deprecated'"
        ),
    ]

    @Test("each problem is one positioned diagnostic with the fix", arguments: problems)
    func diagnostics(yaml: String, diagnostic: String) {
        do throws(PolicyError) {
            _ = try load(surfaces + yaml)
            Issue.record("loaded without a diagnostic: \(yaml)")
        } catch {
            let found = error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
            #expect(found == [diagnostic], "\(found)")
        }
    }

    @Test("an invalid support section is reported once, not again for every remove-when")
    func noCascade() {
        do throws(PolicyError) {
            _ = try load(
                surfaces + "deprecations:\n  - {item: \"api:x\", remove-when: line 1 deprecated}\n"
                    + "support: {preset: k7}\n")
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.first?.message.contains("unknown support preset 'k7'") == true)
        }
    }
}

@Suite("declared deprecations by item")
struct DeclaredDeprecationIndexTests {
    @Test("an item declared twice applies from the earlier since; the first declaration gives its remove-in")
    func duplicates() throws {
        let policy = try load(
            surfaces + """
                deprecations:
                  - {item: "api:x", since: 1.3.0, remove-in: 3.0.0}
                  - {item: "api:x", since: 1.1.0}
                  - {item: "api:y"}
                  - {item: "api:z", since: 2.0.0}
                  - {item: "api:z", since: 2.0.0-rc.1}
                """)
        let version = { (text: String) in Version.parse(text) }
        #expect(!policy.declaresDeprecated("api:x", at: version("1.0.0")))
        #expect(policy.declaresDeprecated("api:x", at: version("1.1.0")))
        #expect(policy.declaresDeprecated("api:x", at: nil))
        #expect(policy.declaration(of: "api:x")?.removeIn == version("3.0.0"))
        #expect(policy.declaresDeprecated("api:y", at: version("0.1.0")))
        #expect(!policy.declaresDeprecated("api:z", at: version("1.9.0")))
        #expect(policy.declaresDeprecated("api:z", at: version("2.0.0-rc.1")))
        #expect(!policy.declaresDeprecated("api:w", at: nil) && policy.declaration(of: "api:w") == nil)
        let items = ["api:x": 1, "api:y": 2, "api:w": 3]
        #expect(policy.declaredDeprecated(in: items, at: version("1.0.0")).sorted() == ["api:y"])
        #expect(policy.declaredDeprecated(in: items, at: version("1.2.0")).sorted() == ["api:x", "api:y"])
        // The policy changed afterwards is looked up as it is now.
        var changed = policy
        changed.deprecations.append(DeclaredDeprecation(item: "api:w", since: version("1.0.0")))
        #expect(changed.declaredDeprecated(in: items, at: version("1.0.0")).sorted() == ["api:w", "api:y"])
        #expect(!policy.declaresDeprecated("api:w", at: nil))
    }
}
