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
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/deck\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        for (tag, source) in [("v1.0.0", before), ("v1.1.0", after)] {
            try repo.write("cmd/root.go", source)
            try repo.commit(tag)
            try repo.tag(tag, annotated: true)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let report = jsonObject(result.stdout)
        let releases = report?["releases"] as? [[String: Any]] ?? []
        let findings = releases.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        return (result.status, findings, result.stderr)
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
