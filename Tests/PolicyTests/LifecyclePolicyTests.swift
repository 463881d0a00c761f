import Policy
import SemVer
import Surface
import Testing

private func load(_ yaml: String) throws(PolicyError) -> Policy {
    try PolicyLoader.load(yaml: "semgate: 1\n" + yaml, file: "p.yml", origin: .file(path: "p.yml"))
}

@Suite("Lifecycle policy sections")
struct LifecyclePolicyTests {
    @Test("a preset loads as its phases", arguments: SupportPolicy.presetNames)
    func presets(name: String) throws {
        let policy = try load("support: {preset: \(name)}\n")
        #expect(policy.support == SupportPolicy.presets[name])
        #expect(policy.support?.preset == name)
    }

    @Test("custom phases, explicit dates, cadence, deprecation period and promotions")
    func custom() throws {
        let policy = try load(
            """
            surfaces:
              modules: {extract: {list: modules.txt}}
            support:
              line: minor
              phases:
                - {name: active, newest: 1, takes: minor}
                - {name: security, duration: 6 months, from: successor, takes: patch, lts: true}
              end-phase: retired
              dates:
                - {line: "1.4", end: 2027-01-31, phases: {security: 2026-12-31}}
            cadence: {major: 1 year, minor: 6 weeks}
            deprecation-period: {releases: 3, days: 270}
            promotions:
              remove-within: 2
              items:
                - {from: "modules:k6/experimental/fs", to: "modules:k6/fs"}
                - {from: "modules:k6/experimental/csv", to: "modules:k6/csv", remove-within: 4}
            """)
        let support = try #require(policy.support)
        #expect(support.line == .minor)
        #expect(support.preset == nil)
        #expect(
            support.phases == [
                PhaseRule(name: "active", newest: 1, takes: .minor),
                PhaseRule(
                    name: "security", duration: PolicyDuration(6, .months), from: .successor, takes: .patch, lts: true),
            ])
        #expect(support.endPhase == "retired")
        #expect(support.dates.first?.end == CalendarDay(year: 2027, month: 1, day: 31))
        #expect(support.dates.first?.phaseEnds == ["security": CalendarDay(year: 2026, month: 12, day: 31)!])
        #expect(policy.cadence == CadencePolicy(major: PolicyDuration(1, .years), minor: PolicyDuration(6, .weeks)))
        #expect(policy.deprecationPeriod == DeprecationPeriod(releases: 3, days: 270))
        #expect(policy.promotions.removeWithin == 2)
        #expect(policy.promotions.items.map(\.removeWithin) == [nil, 4])
    }

    @Test("a preset's line can be overridden while keeping its phases")
    func presetOverride() throws {
        let policy = try load("support: {preset: k6, end-phase: unsupported}\n")
        #expect(policy.support?.phases == SupportPolicy.presets["k6"]?.phases)
        #expect(policy.support?.endPhase == "unsupported")
    }

    static let problems: [(yaml: String, diagnostic: String)] = [
        ("suport: {preset: k6}\n", "2:1: unknown key 'suport' at the top level; did you mean 'support'?"),
        ("support: {preset: k7}\n", "2:19: unknown support preset 'k7'; did you mean 'k6'?"),
        ("support: {prest: k6}\n", "2:11: unknown key 'prest' in 'support'; did you mean 'preset'?"),
        ("support: {line: major}\n", "2:10: 'support' needs a 'preset' (k6, go, kubernetes, node) or 'phases'"),
        (
            "support: {preset: go, line: patch}\n",
            "2:29: invalid value 'patch' for 'line' in 'support'; expected one of: major, minor"
        ),
        (
            "support: {phases: [{name: a}]}\n",
            "2:20: phase 1 in 'support' has no end; give it 'newest: N' (the N newest lines) and/or 'duration' "
                + "(e.g. '12 months')"
        ),
        (
            "support: {phases: [{name: a, duration: 6 fortnights}]}\n",
            "2:40: invalid duration '6 fortnights' for 'duration' in phase 1 in 'support'; write a number and a "
                + "unit (days, weeks, months, years), e.g. '6 weeks' or '1 year', of at most 10000 years"
        ),
        (
            "support: {phases: [{name: \"\", newest: 1}]}\n",
            "2:27: empty 'name' in phase 1 in 'support'; name the phase, e.g. name: supported"
        ),
        (
            "support: {preset: k6, end-phase: \"\"}\n",
            "2:34: empty 'end-phase' in 'support'; name the phase, e.g. end-phase: end-of-life"
        ),
        (
            "support: {preset: k6, dates: [{line: \"1\", end: 2027-01-01}, {line: \"1\", end: 2028-01-01}]}\n",
            "2:30: line \"1\" has two entries in 'dates' in 'support'; merge them into one"
        ),
        (
            "promotions: {items: [{from: \"modules:a\", to: \"modules:a\"}]}\n",
            "2:46: 'from' and 'to' in promotion 1 are the same item 'modules:a'; 'to' is the new key it was promoted to"
        ),
        (
            "support: {phases: [{name: a, newest: 0}]}\n",
            "2:38: expected a positive whole number for 'newest' in phase 1 in 'support', found '0'"
        ),
        (
            "support: {phases: [{name: a, newest: 1, takes: major}]}\n",
            "2:48: invalid value for 'takes' in phase 1 in 'support'; use minor (features and fixes), patch (fixes "
                + "only) or none"
        ),
        (
            "support: {phases: [{name: a, newest: 1, form: successor}]}\n",
            "2:41: unknown key 'form' in phase 1 in 'support'; did you mean 'from'?"
        ),
        (
            "support: {preset: k6, dates: [{line: \"1\", end: 2027-02-30}]}\n",
            "2:48: invalid date '2027-02-30' for 'end' in dates entry 1 in 'support'; write an ISO date YYYY-MM-DD, "
                + "e.g. 2027-05-11"
        ),
        (
            "support: {preset: k6, dates: [{line: \"1\", phases: {suported: 2027-01-01}}]}\n",
            "2:52: unknown phase 'suported' in dates entry 1 in 'support'; did you mean 'supported'?"
        ),
        (
            "support: {preset: go, dates: [{line: \"1\", end: 2027-01-01}]}\n",
            "2:38: invalid line '1' in dates entry 1 in 'support'; lines are minors here, write it like \"1.21\""
        ),
        (
            "cadence: {minor: six weeks}\n",
            "2:18: invalid duration 'six weeks' for 'minor' in 'cadence'; write a number and a unit (days, weeks, "
                + "months, years), e.g. '6 weeks' or '1 year', of at most 10000 years"
        ),
        (
            "cadence: {minor: 9223372036854775807 days}\n",
            "2:18: invalid duration '9223372036854775807 days' for 'minor' in 'cadence'; write a number and a unit "
                + "(days, weeks, months, years), e.g. '6 weeks' or '1 year', of at most 10000 years"
        ),
        (
            "deprecation-period: {days: 9223372036854775807}\n",
            "2:28: expected a positive whole number of at most 3652425 for 'days' in 'deprecation-period', found "
                + "'9223372036854775807'"
        ),
        ("cadence: {mayor: 1 year}\n", "2:11: unknown key 'mayor' in 'cadence'; did you mean 'major'?"),
        (
            "deprecation-period: {rest-of-major: maybe}\n",
            "2:37: expected true or false for 'rest-of-major' in 'deprecation-period', found 'maybe'"
        ),
        (
            "deprecation-period: {day: 90}\n",
            "2:22: unknown key 'day' in 'deprecation-period'; did you mean 'days'?"
        ),
        (
            "promotions: {items: [{from: \"modules:a\"}]}\n",
            "2:22: promotion 1 has no 'to'; add to: \"surface:key\""
        ),
    ]

    @Test("each problem is one positioned diagnostic with the fix", arguments: problems)
    func diagnostics(yaml: String, diagnostic: String) {
        do throws(PolicyError) {
            _ = try load(yaml)
            Issue.record("loaded without a diagnostic: \(yaml)")
        } catch {
            let found = error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
            #expect(found.contains(diagnostic), "\(found)")
        }
    }
}
