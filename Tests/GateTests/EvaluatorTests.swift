import Gate
import Policy
import SemVer
import Surface
import Testing

@Suite("Evaluator rules")
struct EvaluatorTests {
    static let surfaces = """
        semgate: 1
        surfaces:
          flags:
            extract:
              list: flags.txt
          metrics:
            extract:
              list: metrics.txt
            breaking: [type]
        """

    private func evaluate(
        _ changes: [Change], _ base: String?, _ target: String?, policy: Policy, allow: Bump? = nil,
        minimum: Bump = .patch
    ) throws -> Evaluation {
        try Evaluator.evaluate(
            changes: changes, base: try base.map(version), target: try target.map(version), minimum: minimum,
            policy: policy, allow: allow, release: target)
    }

    @Test("breaking-without-major: a removal or breaking change shipped in a minor or patch")
    func breakingWithoutMajor() throws {
        let policy = try loadPolicy(Self.surfaces)
        let removal = changes(from: [item("flags:verbose", .deprecated)], to: [], policy: policy)
        let minor = try evaluate(removal, "1.2.0", "1.3.0", policy: policy)
        #expect(minor.required == .major)
        #expect(minor.actual == .minor)
        #expect(summary(minor.findings) == ["breaking-without-major error flags:verbose"])
        #expect(minor.findings.first?.release == "1.3.0")
        #expect(minor.findings.first?.location == Location(path: "flags.txt", line: 1))
        #expect(try evaluate(removal, "1.2.0", "2.0.0", policy: policy).findings.isEmpty)
        // A pre-release counts as the bump to its core.
        #expect(try evaluate(removal, "1.2.0", "2.0.0-rc.1", policy: policy).actual == .major)
        #expect(try evaluate(removal, "1.2.0", "2.0.0-rc.1", policy: policy).findings.isEmpty)

        let retyped = changes(
            from: [item("metrics:vus", attributes: ["type": "Gauge"])],
            to: [item("metrics:vus", attributes: ["type": "Trend"])], policy: policy)
        #expect(
            summary(try evaluate(retyped, "1.2.0", "1.2.1", policy: policy).findings) == [
                "breaking-without-major error metrics:vus"
            ])
        let demoted = changes(from: [item("flags:out")], to: [item("flags:out", .experimental)], policy: policy)
        #expect(
            summary(try evaluate(demoted, "1.2.0", "1.3.0", policy: policy).findings) == [
                "breaking-without-major error flags:out"
            ])
    }

    @Test("feature-in-patch: an addition or promotion shipped in a patch")
    func featureInPatch() throws {
        let policy = try loadPolicy(Self.surfaces)
        let added = changes(from: [], to: [item("flags:quiet")], policy: policy)
        #expect(
            summary(try evaluate(added, "1.2.0", "1.2.1", policy: policy).findings) == [
                "feature-in-patch error flags:quiet"
            ])
        #expect(try evaluate(added, "1.2.0", "1.3.0", policy: policy).findings.isEmpty)
        let promoted = changes(from: [item("flags:x", .experimental)], to: [item("flags:x")], policy: policy)
        #expect(
            summary(try evaluate(promoted, "1.2.0", "1.2.1", policy: policy).findings) == [
                "feature-in-patch error flags:x"
            ])
        let experimental = changes(from: [], to: [item("flags:try", .experimental)], policy: policy)
        let patch = try evaluate(experimental, "1.2.0", "1.2.1", policy: policy)
        #expect(patch.required == .patch)
        #expect(patch.findings.isEmpty)
    }

    @Test("deprecation-in-patch: a deprecation shipped in a patch")
    func deprecationInPatch() throws {
        let policy = try loadPolicy(Self.surfaces)
        let deprecated = changes(from: [item("flags:old")], to: [item("flags:old", .deprecated)], policy: policy)
        #expect(
            summary(try evaluate(deprecated, "1.2.0", "1.2.1", policy: policy).findings) == [
                "deprecation-in-patch error flags:old"
            ])
        #expect(try evaluate(deprecated, "1.2.0", "1.3.0", policy: policy).findings.isEmpty)
    }

    @Test("removed-without-deprecation: only items no earlier release deprecated; experimental ones never")
    func removedWithoutDeprecation() throws {
        let policy = try loadPolicy(Self.surfaces)
        let stable = changes(from: [item("flags:verbose")], to: [], policy: policy)
        #expect(
            summary(try evaluate(stable, "1.2.0", "2.0.0", policy: policy).findings) == [
                "removed-without-deprecation error flags:verbose"
            ])
        // Without a target version the removal rules still judge (a pull-request check).
        #expect(
            summary(try evaluate(stable, nil, nil, policy: policy).findings) == [
                "removed-without-deprecation error flags:verbose"
            ])
        let deprecated = changes(from: [item("flags:verbose", .deprecated)], to: [], policy: policy)
        #expect(try evaluate(deprecated, "1.2.0", "2.0.0", policy: policy).findings.isEmpty)
        let experimental = changes(from: [item("flags:try", .experimental)], to: [], policy: policy)
        #expect(try evaluate(experimental, "1.2.0", "1.2.1", policy: policy).findings.isEmpty)
    }

    @Test("deprecation-window: removal before the deprecation's remove-in version")
    func deprecationWindow() throws {
        let policy = try loadPolicy(
            Self.surfaces + """

                deprecations:
                  - item: "flags:old"
                    since: 1.1.0
                    remove-in: 3.0.0
                  - item: "flags:older"
                    since: 1.1.0
                    remove-in: 2.0.0
                """)
        let removedEarly = changes(from: [item("flags:old", .deprecated)], to: [], policy: policy)
        let early = try evaluate(removedEarly, "1.4.0", "2.0.0", policy: policy)
        #expect(summary(early.findings) == ["deprecation-window error flags:old"])
        #expect(early.findings.first?.message.contains("remove-in 3.0.0") == true)
        #expect(try evaluate(removedEarly, "2.4.0", "3.0.0", policy: policy).findings.isEmpty)
        let removedOnTime = changes(from: [item("flags:older", .deprecated)], to: [], policy: policy)
        #expect(try evaluate(removedOnTime, "1.4.0", "2.0.0", policy: policy).findings.isEmpty)
        #expect(try evaluate(removedOnTime, "1.4.0", "2.0.0-rc.1", policy: policy).findings.isEmpty)
    }

    @Test("version-not-increasing: the version is not above the base release")
    func versionNotIncreasing() throws {
        let policy = try loadPolicy(Self.surfaces)
        for target in ["1.2.0", "1.1.9", "1.2.0-rc.1", "1.2.0+build.5"] {
            let evaluation = try evaluate([], "1.2.0", target, policy: policy)
            #expect(evaluation.actual == Bump.none, "\(target)")
            #expect(summary(evaluation.findings) == ["version-not-increasing error"], "\(target)")
        }
        #expect(try evaluate([], "1.2.0", "1.2.1", policy: policy).findings.isEmpty)
    }

    @Test("bump-not-allowed: the changes need more than --allow")
    func bumpNotAllowed() throws {
        let policy = try loadPolicy(Self.surfaces)
        let removal = changes(from: [item("flags:verbose", .deprecated)], to: [], policy: policy)
        #expect(
            summary(try evaluate(removal, nil, nil, policy: policy, allow: .minor).findings) == [
                "bump-not-allowed error"
            ])
        #expect(try evaluate(removal, nil, nil, policy: policy, allow: .major).findings.isEmpty)
        let added = changes(from: [], to: [item("flags:quiet")], policy: policy)
        #expect(try evaluate(added, nil, nil, policy: policy, allow: .minor).findings.isEmpty)
        #expect(
            summary(try evaluate(added, nil, nil, policy: policy, allow: .patch).findings) == [
                "bump-not-allowed error"
            ])
        // No changes at all need patch, which even --allow patch permits.
        let none = try evaluate([], nil, nil, policy: policy, allow: .patch)
        #expect(none.required == .patch)
        #expect(none.findings.isEmpty)
        #expect(try evaluate([], nil, nil, policy: policy, minimum: .none).required == Bump.none)
    }

    @Test("rules: sets a rule's severity to warning or turns it off")
    func severities() throws {
        let policy = try loadPolicy(
            Self.surfaces + """

                rules:
                  breaking-without-major: warning
                  removed-without-deprecation: "off"
                """)
        let removal = changes(from: [item("flags:verbose")], to: [], policy: policy)
        let evaluation = try evaluate(removal, "1.2.0", "1.3.0", policy: policy)
        #expect(summary(evaluation.findings) == ["breaking-without-major warning flags:verbose"])
        #expect(Verdict(evaluation.findings) == .pass)
        let strict = try loadPolicy(Self.surfaces)
        #expect(Verdict(try evaluate(removal, "1.2.0", "1.3.0", policy: strict).findings) == .fail)
    }

    @Test("initial-development semver: 0.y.z findings are notes")
    func initialDevelopmentSemver() throws {
        let policy = try loadPolicy(Self.surfaces)
        let removal = changes(from: [item("flags:verbose")], to: [], policy: policy)
        let evaluation = try evaluate(removal, "0.3.0", "0.3.1", policy: policy)
        #expect(
            summary(evaluation.findings) == [
                "breaking-without-major note flags:verbose", "removed-without-deprecation note flags:verbose",
            ])
        #expect(Verdict(evaluation.findings) == .pass)
        // Going to 1.0.0 from 0.y.z is still initial development on the base side.
        let added = changes(from: [], to: [item("flags:quiet")], policy: policy)
        #expect(try evaluate(added, "0.9.0", "1.0.0", policy: policy).findings.isEmpty)
        // Tag hygiene rules are not bump rules: version-not-increasing stays an error.
        #expect(
            summary(try evaluate([], "0.3.0", "0.2.0", policy: policy).findings) == [
                "version-not-increasing error"
            ])
    }

    @Test("initial-development shifted: a 0.y bump counts as major and a 0.y.z bump as minor")
    func initialDevelopmentShifted() throws {
        let policy = try loadPolicy(
            Self.surfaces.replacingOccurrences(
                of: "semgate: 1\n", with: "semgate: 1\nreleases:\n  initial-development: shifted\n"))
        #expect(policy.releases.initialDevelopment == .shifted)
        let removal = changes(from: [item("flags:verbose", .deprecated)], to: [], policy: policy)
        let major = try evaluate(removal, "0.1.0", "0.2.0", policy: policy)
        #expect(major.actual == .major)
        #expect(major.findings.isEmpty)
        let minor = try evaluate(removal, "0.1.0", "0.1.1", policy: policy)
        #expect(minor.actual == .minor)
        #expect(summary(minor.findings) == ["breaking-without-major error flags:verbose"])
        let added = changes(from: [], to: [item("flags:quiet")], policy: policy)
        #expect(try evaluate(added, "0.1.0", "0.1.1", policy: policy).findings.isEmpty)
        #expect(try evaluate(added, "1.1.0", "1.1.1", policy: policy).actual == .patch)
        #expect(Evaluator.actualBump(from: try version("0.1.0"), to: try version("1.0.0"), policy: policy) == .major)
    }

    @Test("an exception turns matching errors of its release into notes with the reason, only there")
    func exceptions() throws {
        let policy = try loadPolicy(
            Self.surfaces + """

                exceptions:
                  - release: 1.2.0
                    items: ["metrics:http_*"]
                    reason: "accepted rename, see #5019"
                """)
        let retyped = changes(
            from: [item("metrics:http_req_failed", attributes: ["type": "Counter"])],
            to: [item("metrics:http_req_failed", attributes: ["type": "Rate"])], policy: policy)
        let excused = try evaluate(retyped, "1.1.1", "1.2.0", policy: policy)
        #expect(summary(excused.findings) == ["breaking-without-major note metrics:http_req_failed"])
        #expect(excused.findings.first?.exception == "accepted rename, see #5019")
        #expect(Verdict(excused.findings) == .pass)
        let later = try evaluate(retyped, "1.2.0", "1.3.0", policy: policy)
        #expect(summary(later.findings) == ["breaking-without-major error metrics:http_req_failed"])
        #expect(later.findings.first?.exception == nil)
        let other = changes(
            from: [item("metrics:vus", attributes: ["type": "Gauge"])],
            to: [item("metrics:vus", attributes: ["type": "Trend"])], policy: policy)
        #expect(
            summary(try evaluate(other, "1.1.1", "1.2.0", policy: policy).findings) == [
                "breaking-without-major error metrics:vus"
            ])
    }

    @Test("an exception for a final version covers its pre-releases unless exact, and excuses warnings too")
    func exceptionsForPrereleasesAndWarnings() throws {
        let policy = try loadPolicy(
            Self.surfaces + """

                exceptions:
                  - release: 2.1.0
                    items: ["metrics:http_req_failed"]
                    reason: "accepted retype"
                  - release: 2.1.0
                    exact: true
                    items: ["metrics:vus"]
                    reason: "only the final"
                rules:
                  breaking-without-major: warning
                """)
        #expect(policy.exceptions.map(\.exact) == [false, true])
        let retyped = changes(
            from: [
                item("metrics:http_req_failed", attributes: ["type": "Counter"]),
                item("metrics:vus", attributes: ["type": "Gauge"]),
            ],
            to: [
                item("metrics:http_req_failed", attributes: ["type": "Rate"]),
                item("metrics:vus", attributes: ["type": "Trend"]),
            ], policy: policy)
        // A warning is excused like an error; the exact exception does not reach rc1, the other one does.
        #expect(
            summary(try evaluate(retyped, "2.0.0", "2.1.0-rc1", policy: policy).findings) == [
                "breaking-without-major note metrics:http_req_failed",
                "breaking-without-major warning metrics:vus",
            ])
        #expect(
            summary(try evaluate(retyped, "2.0.0", "2.1.0", policy: policy).findings) == [
                "breaking-without-major note metrics:http_req_failed", "breaking-without-major note metrics:vus",
            ])
        // Neither reaches another version's pre-release.
        #expect(
            summary(try evaluate(retyped, "2.1.0", "2.2.0-rc1", policy: policy).findings) == [
                "breaking-without-major warning metrics:http_req_failed",
                "breaking-without-major warning metrics:vus",
            ])
    }

    struct NextCase: Sendable, CustomTestStringConvertible {
        let base: String?
        let required: Bump
        let shifted: Bool
        let pre: String?
        let expected: String?
        var testDescription: String {
            "\(base ?? "nil") \(required)\(shifted ? " shifted" : "")\(pre.map { " --pre \($0)" } ?? "")"
        }
    }

    static let nextCases: [NextCase] = [
        NextCase(base: "1.2.3", required: .major, shifted: false, pre: nil, expected: "2.0.0"),
        NextCase(base: "1.2.3", required: .minor, shifted: false, pre: nil, expected: "1.3.0"),
        NextCase(base: "1.2.3", required: .patch, shifted: false, pre: nil, expected: "1.2.4"),
        NextCase(base: "1.2.3", required: .none, shifted: false, pre: nil, expected: nil),
        NextCase(base: "1.8.1", required: .minor, shifted: false, pre: "rc", expected: "1.9.0-rc.1"),
        NextCase(base: "1.2.3", required: .major, shifted: false, pre: "rc", expected: "2.0.0-rc.1"),
        NextCase(base: "2.0.0-rc.1", required: .major, shifted: false, pre: nil, expected: "2.0.0"),
        NextCase(base: "2.0.0-rc.1", required: .major, shifted: false, pre: "rc", expected: "2.0.0-rc.2"),
        NextCase(base: nil, required: .minor, shifted: false, pre: nil, expected: "0.1.0"),
        NextCase(base: nil, required: .patch, shifted: false, pre: nil, expected: "0.0.1"),
        NextCase(base: "0.3.1", required: .major, shifted: false, pre: nil, expected: "0.4.0"),
        NextCase(base: "0.3.1", required: .minor, shifted: false, pre: nil, expected: "0.4.0"),
        NextCase(base: "0.3.1", required: .patch, shifted: false, pre: nil, expected: "0.3.2"),
        NextCase(base: "0.3.1", required: .major, shifted: true, pre: nil, expected: "0.4.0"),
        NextCase(base: "0.3.1", required: .minor, shifted: true, pre: nil, expected: "0.3.2"),
        NextCase(base: "0.3.1", required: .patch, shifted: true, pre: nil, expected: "0.3.2"),
        NextCase(base: "1.2.3", required: .minor, shifted: true, pre: nil, expected: "1.3.0"),
    ]

    @Test("nextVersion", arguments: nextCases)
    func nextVersion(_ testCase: NextCase) throws {
        let policy = Policy(
            releases: ReleasePolicy(initialDevelopment: testCase.shifted ? .shifted : .semver),
            origin: .defaults(reason: "test"))
        let next = Evaluator.nextVersion(
            after: try testCase.base.map(version), required: testCase.required, policy: policy,
            preLabel: testCase.pre)
        #expect(next?.description == testCase.expected)
    }
}
