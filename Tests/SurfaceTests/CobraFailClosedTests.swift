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

    /// The surfaces of v1.0.0 (`app serve --port`) and v1.1.0 (`body` added to the builder, `helpers` after it).
    static func surfaces(_ body: String, helpers: String = "") throws -> (SurfaceSnapshot, SurfaceSnapshot) {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": CobraFlagTableTests.goMod, "cmd/root.go": Self.program("")], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": CobraFlagTableTests.goMod, "cmd/root.go": Self.program(body) + "\n" + helpers],
                tags: ["v1.1.0"]),
        ])
        return (
            try surface(of: repo, at: "v1.0.0", policy: CobraFlagTableTests.policy),
            try surface(of: repo, at: "v1.1.0", policy: CobraFlagTableTests.policy)
        )
    }

    @Test(
        "RemoveCommand, ResetCommands and ResetFlags after what they take away, on every path: it is not there",
        arguments: [
            ("    root.RemoveCommand(serve)", "", ["app serve", "app serve --port"]),
            ("    root.ResetCommands()", "", ["app serve", "app serve --port"]),
            ("    serve.ResetFlags()", "", ["app serve --port"]),
            ("    x := []*cobra.Command{serve}\n    root.RemoveCommand(x...)", "", ["app serve", "app serve --port"]),
            // In a helper called after the definition: ordered at the call.
            ("    clear(serve)", "func clear(c *cobra.Command) { c.ResetFlags() }", ["app serve --port"]),
            ("    drop(root, serve)", "func drop(r, c *cobra.Command) { r.RemoveCommand(c) }", ["app serve"]),
            // Defined in a helper called before the reset.
            (
                "    addHost(serve)\n    serve.ResetFlags()", "func addHost(c *cobra.Command) { c.Flags().String(\"host\", \"\", \"h\") }",
                ["app serve --port"]
            ),
        ])
    func takenAway(body: String, helpers: String, gone: [String]) throws {
        let (before, after) = try Self.surfaces(body, helpers: helpers)
        for key in gone {
            #expect(before.items["cli:" + key] != nil, "\(key)")
            #expect(after.items["cli:" + key] == nil, "\(key)")
            #expect(!after.isUncertain(id: "cli:" + key), "\(key)")
        }
        #expect(after.items["cli:app"] != nil)
        #expect(after.takenAway.isEmpty, "\(after.takenAway)")
    }

    @Test(
        "what is added again after it was taken away, or taken away before it was added, or from another command, stays",
        arguments: [
            "    root.RemoveCommand(serve)\n    root.AddCommand(serve)",
            "    root.ResetCommands()\n    root.AddCommand(serve)",
            "    serve.ResetFlags()\n    serve.Flags().Int(\"port\", 80, \"port\")",
            "    serve.RemoveCommand(root)\n    other := &cobra.Command{Use: \"other\"}\n    other.ResetFlags()",
            // Taken away in a closure nothing calls (it would run after the command line is parsed).
            "    serve.Run = func(c *cobra.Command, args []string) { root.RemoveCommand(serve) }",
        ])
    func stays(body: String) throws {
        let (_, after) = try Self.surfaces(body)
        #expect(after.items["cli:app serve"] != nil)
        #expect(after.items["cli:app serve --port"] != nil)
        #expect(after.takenAway.isEmpty, "\(after.takenAway)")
    }

    @Test("a function of the program named RemoveCommand (a constructor) is not cobra's method: nothing is taken away")
    func constructorNamedRemoveCommand() throws {
        let (_, after) = try Self.surfaces(
            "    root.AddCommand(RemoveCommand())",
            helpers: "func RemoveCommand() *cobra.Command { return &cobra.Command{Use: \"rm\"} }")
        #expect(after.items["cli:app rm"] != nil)
        #expect(after.items["cli:app serve --port"] != nil)
        #expect(after.takenAway.isEmpty)
    }

    @Test(
        "taken away only in some runs, or in an order semgate cannot tell: not in the surface, and its removal is claimed as one that may not be",
        arguments: [
            ("    if len(root.Aliases) > 0 {\n        root.RemoveCommand(serve)\n    }", "", "app serve", "RemoveCommand"),
            ("    if len(root.Aliases) > 0 {\n        serve.ResetFlags()\n    }", "", "app serve --port", "ResetFlags"),
            // What it removes cannot be followed: every subcommand may be taken away.
            ("    root.RemoveCommand(root.Commands()...)", "", "app serve", "RemoveCommand"),
            // Taken away and added again in a loop: which comes last is not read.
            (
                "    for _, c := range []*cobra.Command{serve} {\n        root.RemoveCommand(c)\n        root.AddCommand(c)\n    }",
                "", "app serve", "RemoveCommand"
            ),
        ])
    func maybeTakenAway(body: String, helpers: String, key: String, method: String) throws {
        let (before, after) = try Self.surfaces(body, helpers: helpers)
        #expect(after.items["cli:" + key] == nil)
        #expect(after.takenAway["cli"]?.contains(key) == true, "\(after.takenAway)")
        #expect(after.incomplete.contains("cli"))
        #expect(after.notes.contains { $0.contains("\(method) may take '\(key)' away") }, "\(after.notes)")
        // `check` claims the removal, saying it may still be there; `audit` (trusting what is uncertain) does not.
        let policy = try loadPolicy(CobraFlagTableTests.policy)
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        let removed = try #require(changes.first { $0.key == key && $0.kind == .removed }, "\(changes)")
        let surface = try #require(policy.surface(named: "cli"))
        let said = Extractors.removalNotes(of: surface, [try #require(removed.before)], before: before, after: after)
        #expect(said.first??.hasPrefix("it may still be there: RemoveCommand, ResetCommands or ResetFlags") == true)
        let trusted = SurfaceDiff.changes(
            from: before, to: after, policy: policy, candidates: nil, trustingUncertain: true)
        #expect(!trusted.contains { $0.key == key })
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

    @Test("a flag respelled with bytes Swift's == calls equal (caf\\u{e9}, then cafe\\u{301}) is a major change")
    func respelledFlag() throws {
        func flag(_ name: String) -> String { "    serve.Flags().String(\"\(name)\", \"\", \"x\")\n" }
        let (_, composed) = try Self.surfaces(flag("caf\u{e9}"))
        let (_, combining) = try Self.surfaces(flag("cafe\u{301}"))
        let changes = SurfaceDiff.changes(
            from: composed, to: combining, policy: try loadPolicy(CobraFlagTableTests.policy))
        #expect(changes.map { "\($0.kind) \($0.changedAttributes) \($0.bump)" } == ["changed [\"key-bytes\"] major"])
        #expect(changes.first?.after?.attributes[KeyBytes.attribute] == "app serve --cafe\\u{301}")
    }

    @Test(
        "flags (and commands) Go tells apart by bytes are one item listing each spelling; losing one is major",
        arguments: [
            ["caf\u{e9}", "cafe\u{301}"], ["\u{c5}x", "\u{212b}x", "A\u{30a}x"],
        ])
    func respelledFlags(_ spellings: [String]) throws {
        func flag(_ name: String) -> String { "    serve.Flags().String(\"\(name)\", \"\", \"x\")\n" }
        func command(_ name: String) -> String {
            "    serve.AddCommand(&cobra.Command{Use: \"\(name)\", Run: func(*cobra.Command, []string) {}})\n"
        }
        let policy = try loadPolicy(CobraFlagTableTests.policy)
        for (make, prefix) in [(flag, "app serve --"), (command, "app serve ")] {
            let (_, all) = try Self.surfaces(spellings.map(make).joined())
            let item = try #require(all.items.values.first { $0.key.hasPrefix(prefix) && $0.key != "app serve --port" })
            #expect(
                item.attributes[KeyBytes.attribute] == KeyBytes.joined(spellings.map { prefix + $0 }),
                "\(item.attributes)")
            // Each spelling dropped in turn, the first defined included: a major change.
            for dropped in spellings.indices {
                var kept = spellings
                kept.remove(at: dropped)
                let (_, fewer) = try Self.surfaces(kept.map(make).joined())
                let changes = SurfaceDiff.changes(from: all, to: fewer, policy: policy)
                #expect(changes.map(\.bump) == [.major], "\(prefix) without \(dropped): \(changes)")
                #expect(changes.first?.changedAttributes == [KeyBytes.attribute])
            }
        }
    }

    @Test(
        "a flag from another set (AddFlagSet, AddFlag of a Lookup) with other bytes beside its own: a spelling of it",
        arguments: [
            "    other.Flags().String(\"cafe\u{301}\", \"\", \"x\")\n    serve.Flags().AddFlagSet(other.Flags())\n",
            "    other.Flags().String(\"cafe\u{301}\", \"\", \"x\")\n"
                + "    serve.Flags().AddFlag(other.Flags().Lookup(\"cafe\u{301}\"))\n",
            "    serve.PersistentFlags().String(\"cafe\u{301}\", \"\", \"x\")\n",
            "    root.PersistentFlags().String(\"cafe\u{301}\", \"\", \"x\")\n    serve.Flags().AddFlagSet(root.PersistentFlags())\n",
        ])
    func respelledAcrossSets(_ taken: String) throws {
        let own = "    other := &cobra.Command{Use: \"other\"}\n    serve.Flags().String(\"caf\u{e9}\", \"\", \"x\")\n"
        let (_, both) = try Self.surfaces(own + taken)
        let item = try #require(both.items["cli:app serve --caf\u{e9}"])
        #expect(
            item.attributes[KeyBytes.attribute]
                == KeyBytes.joined(["app serve --caf\u{e9}", "app serve --cafe\u{301}"]),
            "\(item.attributes)")
        let (_, alone) = try Self.surfaces(own)
        let changes = SurfaceDiff.changes(from: both, to: alone, policy: try loadPolicy(CobraFlagTableTests.policy))
        // (The root's own persistent flag, when it is the one taken, is removed from the root as well.)
        let serve = changes.filter { $0.key == "app serve --caf\u{e9}" }
        #expect(serve.map { "\($0.kind) \($0.changedAttributes) \($0.bump)" } == ["changed [\"key-bytes\"] major"])
        #expect(changes.allSatisfy { $0.bump == .major }, "\(changes)")
    }

    @Test("a flag spelled 24 ways (orders of four combining marks): every spelling is compared, the 24th too")
    func manySpellings() throws {
        let marks: [Character] = ["\u{301}", "\u{316}", "\u{31B}", "\u{345}"]
        func orders(_ rest: [Character]) -> [[Character]] {
            rest.count <= 1 ? [rest] : rest.indices.flatMap { i in
                var others = rest
                let first = others.remove(at: i)
                return orders(others).map { [first] + $0 }
            }
        }
        let spellings = orders(marks).map { "a" + String($0) }
        #expect(Set(spellings.map { Array($0.utf8) }).count == 24 && Set(spellings).count == 1)
        func flags(_ names: ArraySlice<String>) -> String {
            names.map { "    serve.Flags().String(\"\($0)\", \"\", \"x\")\n" }.joined()
        }
        let (_, all) = try Self.surfaces(flags(spellings[...]))
        let item = try #require(all.items.values.first { $0.key.hasPrefix("app serve --") && $0.key != "app serve --port" })
        #expect(item.attributes[KeyBytes.attribute] == KeyBytes.joined(spellings.map { "app serve --" + $0 }))
        let (_, fewer) = try Self.surfaces(flags(spellings.dropLast()))
        let changes = SurfaceDiff.changes(from: all, to: fewer, policy: try loadPolicy(CobraFlagTableTests.policy))
        #expect(changes.map { "\($0.kind) \($0.changedAttributes) \($0.bump)" } == ["changed [\"key-bytes\"] major"])
    }
}
