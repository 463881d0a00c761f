import Foundation
import Testing
import TestSupport

/// A command or flag whose `Hidden` the program decides when it runs (`Hidden: !isBeta()`, a deferred helper setting
/// `c.Hidden = !isBeta()`; review D1, doctl's beta commands): under `hidden: experimental` it is neither hidden nor
/// stable for sure, so findings about it are at most warnings naming the expression, while an item shown for sure
/// in the release before keeps its errors.
@Suite("cobra items hidden by a value decided when the program runs")
struct CobraRunTimeHiddenTests {
    static let policy = """
        semgate: 1
        project: deck
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go"]
                root: deck
        hidden: experimental
        """

    /// `deck beta` with `--x` (when `withX`) and `--y`; `hiding` is `literal`, `deferred`, `flag` (only `--x`'s
    /// `Hidden`, by a run-time value) or `none`.
    static func program(hiding: String, withX: Bool) -> String {
        let literal = hiding == "literal" ? "Hidden: !isBeta()," : ""
        let deferred = hiding == "deferred" ? "defer betaCmd()(c)" : ""
        let flag = hiding == "flag" && withX ? #"c.Flag("x").Hidden = !isBeta()"# : ""
        return """
            package cmd

            import (
                "os"

                "github.com/spf13/cobra"
            )

            func isBeta() bool { return os.Getenv("DECK_BETA") != "" }

            func betaCmd() func(*cobra.Command) {
                return func(c *cobra.Command) { c.Hidden = !isBeta() }
            }

            func newBeta() *cobra.Command {
                c := &cobra.Command{Use: "beta", \(literal)}
                \(deferred)
                \(withX ? #"c.Flags().String("x", "", "x")"# : "")
                \(flag)
                c.Flags().String("y", "", "y")
                return c
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                root.AddCommand(newBeta())
                return root
            }
            """
    }

    func audit(_ before: String, _ after: String) throws -> (status: Int32, findings: [[String: Any]], stderr: String) {
        let result = try run(["audit", "--format", "json"], releases: [before, after])
        let releases = result.report?["releases"] as? [[String: Any]] ?? []
        let findings = releases.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        return (result.status, findings, result.stderr)
    }

    /// Runs `arguments` over a repository whose releases v1.0.0, v1.1.0, ... have `sources` as `cmd/root.go`.
    func run(_ arguments: [String], releases sources: [String]) throws
        -> (status: Int32, report: [String: Any]?, stderr: String)
    {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/deck\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        for (minor, source) in sources.enumerated() {
            try repo.write("cmd/root.go", source)
            try repo.commit("v1.\(minor).0")
            try repo.tag("v1.\(minor).0", annotated: true)
        }
        let result = try runSemgate(arguments, in: repo.url)
        return (result.status, jsonObject(result.stdout), result.stderr)
    }

    /// The findings of an audit's report as `VERSION SEVERITY RULE ITEM`, sorted.
    static func auditSummary(_ report: [String: Any]?) -> [String] {
        let releases = report?["releases"] as? [[String: Any]] ?? []
        return releases.flatMap { release in
            (release["findings"] as? [[String: Any]] ?? []).map {
                "\(release["version"] ?? "") \($0["severity"] ?? "") \($0["rule"] ?? "") \($0["item"] ?? "")"
            }
        }.sorted()
    }

    /// Review R99: a shown command given a run-time `Hidden` in 1.1.0 (nothing users see changes) and its flag
    /// dropped in 1.2.0. The step is a `hidden-at-run-time` warning, once, on the command; the removal stays an error
    /// in `audit` and in a pull request's `check`, because 1.0.0 showed the command for sure. Before: no finding at
    /// 1.1.0, warnings at 1.2.0, exit 0.
    @Test func runTimeHiddenAddedToShownCommandKeepsLaterErrors() throws {
        let releases = [
            Self.program(hiding: "none", withX: true), Self.program(hiding: "literal", withX: true),
            Self.program(hiding: "literal", withX: false),
        ]
        let audit = try run(["audit", "--format", "json"], releases: releases)
        #expect(audit.status == 1, "stderr: \(audit.stderr)")
        #expect(
            Self.auditSummary(audit.report) == [
                "1.1.0 warning hidden-at-run-time cli:deck beta",
                "1.2.0 error breaking-without-major cli:deck beta --x",
                "1.2.0 error removed-without-deprecation cli:deck beta --x",
            ])
        let step = (audit.report?["releases"] as? [[String: Any]] ?? []).flatMap {
            $0["findings"] as? [[String: Any]] ?? []
        }.first { $0["rule"] as? String == "hidden-at-run-time" }
        #expect((step?["message"] as? String ?? "").contains("(and the 2 items under it)"), "\(step ?? [:])")
        let check = try run(
            ["check", "--base", "v1.1.0", "--head", "v1.2.0", "--format", "json"], releases: releases)
        #expect(check.status == 1, "stderr: \(check.stderr)")
        let findings = check.report?["findings"] as? [[String: Any]] ?? []
        #expect(
            Self.summary(findings) == [
                "error breaking-without-major cli:deck beta --x", "error removed-without-deprecation cli:deck beta --x",
            ])
        #expect(findings.allSatisfy { ($0["message"] as? String ?? "").contains("1.0.0 showed it for sure") })
    }

    /// A flag added in the release that gives its shown command a run-time `Hidden`, then removed: the command was
    /// shown for sure, so the removal is an error although the flag itself never was shown for sure.
    @Test func flagAddedUnderCommandShownBeforeStaysError() throws {
        let releases = [
            Self.program(hiding: "none", withX: false), Self.program(hiding: "literal", withX: true),
            Self.program(hiding: "literal", withX: false),
        ]
        let audit = try run(["audit", "--format", "json"], releases: releases)
        #expect(audit.status == 1, "stderr: \(audit.stderr)")
        #expect(
            Self.auditSummary(audit.report).filter { $0.hasPrefix("1.2.0") } == [
                "1.2.0 error breaking-without-major cli:deck beta --x",
                "1.2.0 error removed-without-deprecation cli:deck beta --x",
            ])
    }

    /// Hidden at run time from its first release through three (doctl's beta trees): the removal in the third is a
    /// warning in `audit` (which jumps to where the `Hidden` began) and in `check`, and no step is reported.
    @Test func bornHiddenAtRunTimeOverSeveralReleasesWarns() throws {
        let releases = [
            Self.program(hiding: "literal", withX: true), Self.program(hiding: "literal", withX: true),
            Self.program(hiding: "literal", withX: false),
        ]
        let audit = try run(["audit", "--format", "json"], releases: releases)
        #expect(audit.status == 0, "stderr: \(audit.stderr)")
        #expect(
            Self.auditSummary(audit.report) == [
                "1.2.0 warning breaking-without-major cli:deck beta --x",
                "1.2.0 warning removed-without-deprecation cli:deck beta --x",
            ])
        let check = try run(
            ["check", "--base", "v1.1.0", "--head", "v1.2.0", "--format", "json"], releases: releases)
        #expect(check.status == 0, "stderr: \(check.stderr)")
    }

    static func summary(_ findings: [[String: Any]]) -> [String] {
        findings.map { "\($0["severity"] ?? "") \($0["rule"] ?? "") \($0["item"] ?? "")" }.sorted()
    }

    /// Hidden at run time on both sides, `--x` removed: warnings that name the expression, exit 0. On main: two
    /// errors, exit 1.
    @Test(arguments: ["literal", "deferred", "flag"])
    func removalUnderRunTimeHidingWarns(hiding: String) throws {
        let (status, findings, stderr) = try audit(
            Self.program(hiding: hiding, withX: true), Self.program(hiding: hiding, withX: false))
        #expect(status == 0, "stderr: \(stderr)")
        #expect(
            Self.summary(findings) == [
                "warning breaking-without-major cli:deck beta --x",
                "warning removed-without-deprecation cli:deck beta --x",
            ])
        for finding in findings {
            #expect((finding["message"] as? String ?? "").contains("`!isBeta()`"), "\(finding)")
        }
    }

    /// Shown for sure at 1.0.0: the removal at 1.1.0 is an error, whatever 1.1.0 hides.
    @Test func removalOfItemShownForSureStaysError() throws {
        let (status, findings, stderr) = try audit(
            Self.program(hiding: "none", withX: true), Self.program(hiding: "literal", withX: false))
        #expect(status == 1, "stderr: \(stderr)")
        #expect(
            Self.summary(findings).filter { $0.hasPrefix("error") } == [
                "error breaking-without-major cli:deck beta --x", "error removed-without-deprecation cli:deck beta --x",
            ])
    }
}
