import Foundation
import Git
import Policy
import SemVer
import Surface
import Testing
import TestSupport

/// What the cobra extractor cannot follow is said in a note, never silently left as it was read.
@Suite("cobra surface: what cannot be followed is said")
struct CobraFailClosedTests {
    static func program(_ body: String) -> String {
        """
        package cmd

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "app"}
            serve := &cobra.Command{Use: "serve"}
            serve.Flags().Int("port", 80, "port")
            root.AddCommand(serve)
        \(body)
            return root
        }
        """
    }

    @Test(
        "RemoveCommand, ResetCommands and ResetFlags take things away when the program runs: a note says they are not followed",
        arguments: [
            ("root.RemoveCommand(serve)", "RemoveCommand takes subcommands away"),
            ("root.ResetCommands()", "ResetCommands takes subcommands away"),
            ("serve.ResetFlags()", "ResetFlags takes flags away"),
        ])
    func removals(line: String, note: String) throws {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": CobraFlagTableTests.goMod, "cmd/root.go": Self.program(line)], tags: ["v1.0.0"])
        ])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: CobraFlagTableTests.policy)
        #expect(snapshot.notes.contains { $0.hasPrefix("cmd/root.go:10: \(note)") }, "\(snapshot.notes)")
    }

    @Test(
        "a call not read that may add flags, given a value holding a command: the command is open, with a note",
        arguments: ["plugins.AddFlags(&app{root: serve})", "plugins.Register(holder)", "registerAll(holder)"])
    func heldCommandHandedOver(line: String) throws {
        let repo = try FixtureRepository()
        let program =
            Self.program(
                """
                    holder := &app{name: "x"}
                    holder.inner = &wrapper{cmd: serve}
                    \(line)
                """) + "\ntype app struct {\n    root  *cobra.Command\n    inner *wrapper\n    name  string\n}\n"
            + "\ntype wrapper struct{ cmd *cobra.Command }\n"
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": CobraFlagTableTests.goMod, "cmd/root.go": Self.program("")], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": CobraFlagTableTests.goMod, "cmd/root.go": program], tags: ["v1.1.0"]),
        ])
        let after = try surface(of: repo, at: "v1.1.0", policy: CobraFlagTableTests.policy)
        #expect(
            after.notes.contains { $0.contains("and receives a value that holds a command or flag set") },
            "\(after.notes)")
        #expect(after.items["cli:app serve"]?.attributes["unread-flags"] == "local,persistent")
        // Reading calls (`fmt.Println(holder)`) are not taken to add anything.
        let before = try surface(of: repo, at: "v1.0.0", policy: CobraFlagTableTests.policy)
        #expect(before.items["cli:app serve"]?.attributes["unread-flags"] == nil)
    }

    @Test("a call not read that only reads, given a value holding a command: nothing is open, no note")
    func heldCommandRead() throws {
        let repo = try FixtureRepository()
        let program =
            Self.program("    fmt.Println(&app{root: serve})")
            + "\ntype app struct{ root *cobra.Command }\n"
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": CobraFlagTableTests.goMod, "cmd/root.go": program], tags: ["v1.0.0"])
        ])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: CobraFlagTableTests.policy)
        #expect(!snapshot.notes.contains { $0.contains("holds a command") }, "\(snapshot.notes)")
        #expect(snapshot.items["cli:app serve"]?.attributes["unread-flags"] == nil)
    }
}
