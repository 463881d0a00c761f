import Foundation

/// A small project whose dated releases exercise support phases, cadence, deprecation periods and promotions,
/// built into a `FixtureRepository`. Releases are annotated tags dated the day of their commit.
///
/// The surface is one list, `options.txt`; `.semgate.yml` uses the k6 support preset, a cadence of a major a year
/// and a minor every six weeks, a deprecation period of 2 releases and 90 days, and one promotion
/// (`options:experimental-fast` to `options:fast`, removed within 1 minor).
///
/// - 2025-01-10 `v1.0.0`: `a`, `old-flag`, `legacy`, `beta-x`, `color`, `experimental-fast` (experimental).
/// - 2025-02-20 `v1.1.0`: + `new-flag`; `legacy` deprecated in the code (the policy adds `remove-when: line 1
///   deprecated`); `old-flag` deprecated by the policy (since 1.1.0, remove-in 2.0.0, use `new-flag`).
/// - 2025-04-01 `v1.2.0`: + `fast`, the promotion of `experimental-fast`, which is not deprecated:
///   `promotion-window`.
/// - 2025-05-15 `v2.0.0`: − `old-flag` only 84 days after its deprecation: `deprecation-window`; `beta-x`
///   deprecated in the code.
/// - 2025-06-20 `v1.3.0` on branch `release-1.x` from `v1.2.0`, no surface change: a minor on line 1 after
///   2.0.0 shipped: `minor-on-supported-line`. It is 2.0.0's predecessor (precedence), so 2.0.0 is also two
///   minors after the promotion: `promotion-window` again.
/// - 2025-07-01 `v2.1.0`: `color` deprecated in the code; `experimental-fast` still there 3 minors after its
///   promotion: `promotion-window`.
/// - 2025-07-20: an unreleased commit on `main` (HEAD).
public enum LifecycleProject {
    /// Every release tag, by date.
    public static let tags = ["v1.0.0", "v1.1.0", "v1.2.0", "v2.0.0", "v1.3.0", "v2.1.0"]

    public static let policy = """
        semgate: 1
        project: lifecycle-sample
        surfaces:
          options:
            extract:
              list: options.txt
        experimental: ["options:experimental-*"]
        deprecations:
          - item: "options:old-flag"
            since: 1.1.0
            remove-in: 2.0.0
            use-instead: "new-flag"
          - item: "options:legacy"
            since: 1.1.0
            remove-when: line 1 deprecated
        support:
          preset: k6
        cadence:
          major: 1 year
          minor: 6 weeks
        deprecation-period:
          releases: 2
          days: 90
        promotions:
          remove-within: 1
          items:
            - from: "options:experimental-fast"
              to: "options:fast"

        """

    /// The history, built once per test process.
    private static let template = SharedRepository(history: build(in:))

    /// A new repository holding the history, which the test may change: a copy of the one built once per test
    /// process.
    public static func repository() throws -> FixtureRepository {
        try template.copy()
    }

    /// Writes the history into `repo`, which should be new and empty (non-bare).
    public static func build(in repo: FixtureRepository) throws {
        try repo.write(".semgate.yml", policy)
        func release(_ tag: String, _ day: String, _ options: [String]) throws {
            try repo.write("options.txt", options.joined(separator: "\n") + "\n")
            let date = FixtureDates.date(day)
            try repo.commit("Release \(tag)", at: date)
            try repo.tag(tag, annotated: true, at: date)
        }
        let base = ["a", "old-flag", "beta-x", "experimental-fast"]
        try release("v1.0.0", "2025-01-10", base + ["legacy", "color"])
        let v11 = base + ["legacy stability=deprecated", "color", "new-flag"]
        try release("v1.1.0", "2025-02-20", v11)
        try release("v1.2.0", "2025-04-01", v11 + ["fast"])
        let v2 = ["a", "beta-x stability=deprecated", "experimental-fast", "legacy stability=deprecated", "new-flag"]
        try release("v2.0.0", "2025-05-15", v2 + ["color", "fast"])
        try repo.branch("release-1.x", at: "v1.2.0")
        try repo.checkout("release-1.x")
        try release("v1.3.0", "2025-06-20", v11 + ["fast"])
        try repo.checkout("main")
        try release("v2.1.0", "2025-07-01", v2 + ["color stability=deprecated", "fast"])
        try repo.write("options.txt", (v2 + ["color stability=deprecated", "fast", "omega"]).joined(separator: "\n"))
        try repo.commit("Unreleased work", at: FixtureDates.date("2025-07-20"))
    }
}
