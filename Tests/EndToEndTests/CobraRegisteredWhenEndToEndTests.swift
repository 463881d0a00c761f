import Foundation
import Testing
import TestSupport

/// A flag moved under a condition the program decides when it runs (review R103): the default run decides it false
/// (an environment variable not set) is a break; one semgate cannot decide (`HOME`) is the warning
/// `registered-at-run-time`; the step back is a minor.
@Suite("cobra flags registered under a condition decided when the program runs")
struct CobraRegisteredWhenEndToEndTests {
    static let policy = """
        semgate: 1
        project: deck
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go"]
                root: deck
        """

    /// `deck run` with `--fast`, registered under `condition` (on every run when nil).
    static func program(condition: String?) -> String {
        let flag = #"c.Flags().Bool("fast", false, "go fast")"#
        let registration = condition.map { "if \($0) {\n\(flag)\n}" } ?? flag
        return """
            package cmd

            import (
                "os"

                "github.com/spf13/cobra"
            )

            var _ = os.Getenv

            func newRun() *cobra.Command {
                c := &cobra.Command{Use: "run"}
                c.Flags().String("out", "", "where")
                \(registration)
                return c
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                root.AddCommand(newRun())
                return root
            }
            """
    }

    /// `audit --format json` over releases v1.0.0, v1.1.0, ... with `sources` as `cmd/root.go`: the exit status and
    /// every finding's `rule severity item`.
    func audit(_ sources: [String]) throws -> (status: Int32, findings: [String]) {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/deck\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        for (minor, source) in sources.enumerated() {
            try repo.write("cmd/root.go", source)
            try repo.commit("v1.\(minor).0")
            try repo.tag("v1.\(minor).0", annotated: true)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let releases = report?["releases"] as? [[String: Any]] ?? []
        let findings = releases.flatMap { $0["findings"] as? [[String: Any]] ?? [] }.map { finding in
            "\(finding["rule"] ?? "") \(finding["severity"] ?? "") \(finding["item"] ?? "")"
        }
        return (result.status, findings)
    }

    @Test("a flag moved under an environment variable the default run leaves unset: a break in a minor")
    func unsetVariableIsABreak() throws {
        let result = try audit([
            Self.program(condition: nil), Self.program(condition: #"os.Getenv("DECK_FAST") != """#),
        ])
        #expect(result.status == 1)
        #expect(result.findings.contains("breaking-without-major error cli:deck run --fast"), "\(result.findings)")
        #expect(!result.findings.contains { $0.hasPrefix("registered-at-run-time") }, "\(result.findings)")
    }

    @Test("a flag moved under a variable the system sets: the warning, no error")
    func undecidedIsAWarning() throws {
        let result = try audit([
            Self.program(condition: nil), Self.program(condition: #"os.Getenv("HOME") != """#),
        ])
        #expect(result.status == 0)
        #expect(result.findings == ["registered-at-run-time warning cli:deck run --fast"], "\(result.findings)")
    }

    @Test("a flag registered on every run again, and a condition kept: no finding")
    func stepBackIsQuiet() throws {
        let result = try audit([
            Self.program(condition: #"os.Getenv("DECK_FAST") != """#), Self.program(condition: nil),
            Self.program(condition: nil),
        ])
        #expect(result.status == 0)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }
}
