import Foundation
import Git
import Policy
import SemVer
import Surface
import Testing
import TestSupport

/// Old and new Go snippets of one cobra program and the bump the change needs.
@Suite("cobra surface: classification of command-line changes")
struct CobraClassificationTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
        """

    /// A root `tool` with a `run` subcommand; `body` goes inside the function that builds them.
    static func program(_ body: String) -> String {
        """
        package cmd

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            run := &cobra.Command{Use: "run", Aliases: []string{"r"}}
            root.AddCommand(run)
            root.PersistentFlags().BoolP("verbose", "v", false, "verbose")
        \(body)
            return root
        }
        """
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let old: String
        let new: String
        /// The largest bump over the changes, nil when there is none.
        let bump: Bump?
        /// `kind key` of every change, sorted.
        let changes: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "removing a flag is breaking", old: #"run.Flags().Bool("x", false, "")"#, new: "", bump: .major,
            changes: ["removed tool run --x"]),
        Case(
            name: "adding a flag is a feature", old: "", new: #"run.Flags().Bool("x", false, "")"#, bump: .minor,
            changes: ["added tool run --x"]),
        Case(
            name: "changing a flag's type is breaking", old: #"run.Flags().Bool("x", false, "")"#,
            new: #"run.Flags().String("x", "", "")"#, bump: .major, changes: ["changed tool run --x"]),
        Case(
            name: "changing a flag's shorthand is breaking", old: #"run.Flags().BoolP("x", "a", false, "")"#,
            new: #"run.Flags().BoolP("x", "b", false, "")"#, bump: .major, changes: ["changed tool run --x"]),
        Case(
            name: "giving a flag a shorthand is a feature", old: #"run.Flags().Bool("x", false, "")"#,
            new: #"run.Flags().BoolP("x", "x", false, "")"#, bump: .minor, changes: ["changed tool run --x"]),
        Case(
            name: "dropping a flag's shorthand is breaking", old: #"run.Flags().BoolP("x", "x", false, "")"#,
            new: #"run.Flags().Bool("x", false, "")"#, bump: .major, changes: ["changed tool run --x"]),
        Case(
            name: "a local flag becoming persistent is a feature", old: #"run.Flags().Int("n", 1, "")"#,
            new: #"run.PersistentFlags().Int("n", 1, "")"#, bump: .minor, changes: ["changed tool run --n"]),
        Case(
            name: "a persistent flag becoming local is breaking", old: #"run.PersistentFlags().Int("n", 1, "")"#,
            new: #"run.Flags().Int("n", 1, "")"#, bump: .major, changes: ["changed tool run --n"]),
        Case(
            name: "Var and VarP of the same type are the same flag", old: #"run.Flags().IntVar(&n, "n", 1, "")"#,
            new: #"run.Flags().Int("n", 1, "")"#, bump: nil, changes: []),
        Case(
            name: "hiding a flag is not breaking",
            old: #"run.Flags().Bool("x", false, "")"#,
            new: """
                run.Flags().Bool("x", false, "")
                _ = run.Flags().MarkHidden("x")
                """, bump: .patch, changes: ["changed tool run --x"]),
        Case(
            name: "deprecating a flag is a deprecation",
            old: #"run.Flags().Bool("x", false, "")"#,
            new: """
                run.Flags().Bool("x", false, "")
                if err := run.Flags().MarkDeprecated("x", "use --y"); err != nil {
                    panic(err)
                }
                """, bump: .minor, changes: ["deprecated tool run --x"]),
        Case(
            name: "removing a command is breaking", old: #"root.AddCommand(&cobra.Command{Use: "old [file]"})"#,
            new: "",
            bump: .major, changes: ["removed tool old"]),
        Case(
            name: "adding a command is a feature", old: "", new: #"run.AddCommand(&cobra.Command{Use: "sub"})"#,
            bump: .minor, changes: ["added tool run sub"]),
        Case(
            name: "hiding a command is not breaking", old: #"root.AddCommand(&cobra.Command{Use: "old"})"#,
            new: #"root.AddCommand(&cobra.Command{Use: "old", Hidden: true})"#, bump: .patch,
            changes: ["changed tool old"]),
        Case(
            name: "deprecating a command deprecates its flags too",
            old: """
                old := &cobra.Command{Use: "old"}
                old.Flags().String("f", "", "")
                root.AddCommand(old)
                """,
            new: """
                old := &cobra.Command{Use: "old", Deprecated: "use run"}
                old.Flags().String("f", "", "")
                root.AddCommand(old)
                """, bump: .minor, changes: ["deprecated tool old", "deprecated tool old --f"]),
        Case(
            name: "renaming an alias removes the old one", old: "", new: #"run.Aliases = []string{"go"}"#,
            bump: .major, changes: ["added tool go", "removed tool r"]),
        Case(
            name: "adding a persistent flag to the root is a feature", old: "",
            new: #"root.PersistentFlags().Bool("extra", false, "")"#, bump: .minor,
            changes: ["added tool --extra"]),
        Case(
            name: "the same flags spelled over several lines are no change",
            old: #"run.Flags().StringP("o", "O", "", "")"#,
            new: """
                run.Flags().StringP(
                    "o",
                    "O",
                    "",
                    "output",
                )
                """, bump: nil, changes: []),
    ]

    @Test("each change and its bump", arguments: cases)
    func classification(_ testCase: Case) throws {
        let repo = try FixtureRepository()
        try repo.write("cmd/root.go", Self.program(testCase.old))
        try repo.commit("old")
        try repo.write("cmd/root.go", Self.program(testCase.new))
        try repo.commit("new")
        let policy = try loadPolicy(Self.policy)
        let before = try surface(of: repo, at: "HEAD~1", policy: Self.policy)
        let after = try surface(of: repo, at: "HEAD", policy: Self.policy)
        #expect(before.notes.isEmpty && after.notes.isEmpty, "\(before.notes) \(after.notes)")
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(changes.map { "\($0.kind.rawValue) \($0.key)" }.sorted() == testCase.changes)
        #expect(changes.map(\.bump).max() == testCase.bump)
    }
}
