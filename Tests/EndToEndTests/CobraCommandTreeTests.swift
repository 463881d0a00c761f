import Foundation
import Testing
import TestSupport

/// How the cobra extractor builds the command tree from what the program builds, judged by the built binary against
/// what cobra does when a user types a command line: which word reaches which command.
@Suite("cobra surface through the built binary: the command tree as cobra walks it")
struct CobraCommandTreeTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra: {files: ["cmd/*.go"], root: deck}
        """

    static let goMod = "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n"

    /// Root `deck` with `run` (built by `run`, a Go expression of type `*cobra.Command`) and what `body` adds.
    static func program(run: String = "&cobra.Command{Use: \"run\"}", body: String = "", extra: String = "") -> String {
        """
        package cmd

        import "github.com/spf13/cobra"

        \(extra)

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "deck"}
            run := \(run)
            root.AddCommand(run)
            run.Flags().String("disk", "", "a disk")
        \(body)
            return root
        }
        """
    }

    /// A repository whose v1.0.0 and v1.1.0 hold `cmd/root.go` as given.
    static func repository(_ first: String, _ later: String) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        func files(_ program: String) -> [String: String] {
            [".semgate.yml": policy, "go.mod": goMod, "cmd/root.go": program]
        }
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(first), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(later), tags: ["v1.1.0"]),
        ])
        // The policy the commands read is the working tree's (fast-import checks nothing out).
        try repo.write(".semgate.yml", policy)
        return repo
    }

    /// `audit` of the repository: exit status and everything it printed.
    static func audit(_ repo: FixtureRepository) throws -> (status: Int32, output: String) {
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (result.status, result.stdout + result.stderr)
    }

    /// `surface REV` as JSON: exit status and everything it printed.
    static func surface(_ repo: FixtureRepository, _ revision: String) throws -> (status: Int32, output: String) {
        let result = try runSemgate(["surface", revision, "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (result.status, result.stdout + result.stderr)
    }

    @Test(
        "a Use that cobra's Name() reads as no typed word (a leading space names the command \"\", a tab or a line break does not end the name) removes the command and its flags: audit fails (review R86)",
        arguments: ["\" run\"", "\"run\\tFILE\"", "\"run\\nFILE\"", "\"run\\u00a0FILE\""])
    func nameAsCobraReadsIt(use: String) throws {
        let repo = try Self.repository(
            Self.program(), Self.program(run: "&cobra.Command{Use: \(use)}"))
        let found = try Self.audit(repo)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("\"deck run --disk\""), "\(found.output)")
        let later = try Self.surface(repo, "v1.1.0")
        #expect(!later.output.contains("\"deck run"), "\(later.output)")
    }

    @Test("a command whose name no typed word matches is still reached by its aliases; a space after the name is read as cobra reads it")
    func aliasesOfAnUntypableName() throws {
        let repo = try Self.repository(
            Self.program(run: "&cobra.Command{Use: \"run FILE\", Aliases: []string{\"go\"}}"),
            Self.program(run: "&cobra.Command{Use: \" run\", Aliases: []string{\"go\"}}"))
        let first = try Self.surface(repo, "v1.0.0")
        #expect(first.output.contains("\"deck run --disk\""), "\(first.output)")
        #expect(first.output.contains("\"deck go --disk\""), "\(first.output)")
        let later = try Self.surface(repo, "v1.1.0")
        #expect(later.status == 0, "\(later.output)")
        #expect(later.output.contains("\"deck go --disk\""), "\(later.output)")
        #expect(!later.output.contains("\"deck run"), "\(later.output)")
    }
}
