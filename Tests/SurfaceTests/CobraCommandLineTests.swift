import Foundation
import Git
import Policy
import SemVer
import Surface
import Testing
import TestSupport

/// Flags defined in pflag's global set, `pflag.CommandLine` (directly, through pflag's package-level functions, or
/// by a helper handed the set): cobra adds them to the root's persistent flags when a command runs.
@Suite("cobra surface: flags of pflag.CommandLine are the root's persistent flags")
struct CobraCommandLineTests {
    static let policy = CobraFlagTableTests.policy

    static func goMod(cobra version: String) -> String {
        "module example.com/app\n\nrequire github.com/spf13/cobra \(version)\n"
    }

    /// A root with one subcommand; `globals` runs in an init function, and `own` in the root's constructor.
    static func program(globals: String, own: String = "") -> String {
        """
        package cmd

        import (
            "github.com/spf13/cobra"
            flag "github.com/spf13/pflag"
        )

        var verbose bool

        func init() {
        \(globals)
        }

        func addGlobals(fs *flag.FlagSet) {
            fs.Int("retries", 3, "how often to try")
        }

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "app"}
            root.AddCommand(&cobra.Command{Use: "serve"})
        \(own)
            return root
        }
        """
    }

    static let globals = """
            flag.BoolVarP(&verbose, "verbose", "v", false, "chatty")
            flag.CommandLine.StringP("config", "c", "", "config file")
            flag.CommandLine.MarkHidden("config")
            addGlobals(flag.CommandLine)
        """

    @Test("pflag's package-level definitions, CommandLine's methods and a helper given CommandLine define root flags")
    func readAsRootPersistent() throws {
        let repo = try FixtureRepository()
        let own = #"root.PersistentFlags().Bool("config", false, "the root's own --config wins")"#
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod(cobra: "v1.1.3"), "cmd/root.go": Self.program(globals: Self.globals)],
                tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod(cobra: "v1.1.3"),
                    "cmd/root.go": Self.program(
                        globals: Self.globals.replacingOccurrences(of: "addGlobals(flag.CommandLine)", with: ""),
                        own: own),
                ], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(
            before.items["cli:app --verbose"]?.attributes == ["type": "bool", "shorthand": "v", "scope": "persistent"])
        #expect(
            before.items["cli:app --config"]?.attributes == [
                "type": "string", "shorthand": "c", "scope": "persistent", "hidden": "true",
            ])
        #expect(before.items["cli:app --retries"]?.attributes == ["type": "int", "scope": "persistent"])
        // Keyed on the root that declares them, not on each command below it.
        #expect(before.items["cli:app serve --verbose"] == nil)
        #expect(!before.notes.contains { $0.contains("CommandLine") }, "\(before.notes)")
        // The root's own persistent flag of a name keeps it (pflag's AddFlagSet keeps a flag already defined).
        #expect(after.items["cli:app --config"]?.attributes == ["type": "bool", "scope": "persistent"])
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        #expect(
            changes.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == [
                "changed app --config major", "removed app --retries major",
            ])
    }

    @Test(
        "cobra's version decides: from March 2015 read, before left out with a note, unknown read with a note",
        arguments: [
            ("v0.0.1", true, nil), ("v0.0.0-20160101000000-abcdefabcdef", true, nil),
            ("v0.0.0-20150101000000-abcdefabcdef", false, "does not add pflag.CommandLine to the root's flags"),
            ("./cobra", true, "cobra's version cannot be read"),
        ] as [(String, Bool, String?)])
    func versionGate(version: String, read: Bool, note: String?) throws {
        let repo = try FixtureRepository()
        let goMod =
            version.hasPrefix("./")
            ? Self.goMod(cobra: "v1.1.3") + "replace github.com/spf13/cobra => \(version)\n"
            : Self.goMod(cobra: version)
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": goMod, "cmd/root.go": Self.program(globals: Self.globals)], tags: ["v1.0.0"])
        ])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect((snapshot.items["cli:app --verbose"] != nil) == read)
        if let note {
            #expect(snapshot.notes.contains { $0.contains(note) }, "\(snapshot.notes)")
        } else {
            #expect(!snapshot.notes.contains { $0.contains("CommandLine") }, "\(snapshot.notes)")
        }
    }

    @Test(
        "pflag.CommandLine given flags whose names cannot be read (a loop over options): noted, and the root's flags missing are still claimed removed"
    )
    func namesNotRead() throws {
        let repo = try FixtureRepository()
        // A wrapper nobody calls (its name a parameter) does not make anything uncertain.
        let wrapper = "\nfunc BoolP(name string) *bool { return flag.Bool(name, false, \"\") }\n"
        let table = """
            \ntype option struct{ Name string }

            var options = []option{{Name: "verbose"}, {Name: "config"}}

            func addFromOptions(fs *flag.FlagSet, list []option) {
                for _, o := range list {
                    fs.Bool(naming.FlagName(o.Name), false, "")
                }
            }
            """
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod(cobra: "v1.1.3"), "cmd/root.go": Self.program(globals: Self.globals) + wrapper,
                ], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod(cobra: "v1.1.3"),
                    "cmd/root.go": Self.program(globals: "    addFromOptions(flag.CommandLine, options)") + table,
                ], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(before.uncertain["cli"] == nil)
        // Which of the root's flags came from pflag.CommandLine is not known for a flag missing here, so nothing is
        // marked uncertain: `audit` claims the removals as `check` does (review H7: one unnamed flag hid them all).
        #expect(after.uncertain["cli"] == nil)
        #expect(after.notes.contains { $0.hasPrefix("pflag.CommandLine, whose flags are the root's persistent flags") })
        let policy = try loadPolicy(Self.policy)
        let audited = SurfaceDiff.changes(
            from: before, to: after, policy: policy, candidates: nil, trustingUncertain: true)
        #expect(
            audited.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == [
                "removed app --config major", "removed app --retries major", "removed app --verbose major",
            ])
        let checked = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(
            checked.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == [
                "removed app --config major", "removed app --retries major", "removed app --verbose major",
            ])
        let surface = try #require(policy.surface(named: "cli"))
        let said = Extractors.removalNotes(of: surface, checked.compactMap(\.before), before: before, after: after)
        // The surface's note says the root gets flags whose names cannot be read; each removal is claimed plainly.
        #expect(said.count == 3)
        #expect(!said.contains { $0?.hasPrefix("it may still be there") == true })
        // A subcommand's flags are not covered.
        #expect(!after.isUncertain(id: "cli:app serve --port"))
    }

    @Test(
        "pflag.CommandLine assigned (or its address handed on): none of its flags is read, with a note; a flag it took is claimed removed",
        arguments: [
            #"flag.CommandLine = flag.NewFlagSet("app", flag.ExitOnError)"#,
            "*flag.CommandLine = *flag.NewFlagSet(\"app\", flag.ExitOnError)", "reset(&flag.CommandLine)",
            // Replaced through a pointer that holds it: a local, a parameter (review R2).
            "fs := flag.CommandLine\n    *fs = *flag.NewFlagSet(\"app\", flag.ExitOnError)",
            "func(fs *flag.FlagSet) { *fs = *flag.NewFlagSet(\"app\", flag.ExitOnError) }(flag.CommandLine)",
            "fs := flag.CommandLine\n    other := fs\n    *other = flag.FlagSet{}",
        ])
    func reassigned(line: String) throws {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod(cobra: "v1.1.3"),
                    "cmd/root.go": Self.program(globals: "", own: #"root.PersistentFlags().String("config", "", "")"#),
                ], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod(cobra: "v1.1.3"),
                    "cmd/root.go": Self.program(
                        globals: #"    flag.String("config", "", "")"# + "\n    " + line,
                        own: "root.PersistentFlags().AddFlagSet(flag.CommandLine)"),
                ], tags: ["v1.0.1"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.0.1", policy: Self.policy)
        #expect(after.items["cli:app --config"] == nil)
        #expect(after.notes.contains { $0.contains("pflag.CommandLine is assigned") }, "\(after.notes)")
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        #expect(changes.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == ["removed app --config major"])
    }

    @Test("flags of pflag.CommandLine when the root is added to a command not read: not in the surface, with a note")
    func rootNotRead() throws {
        let repo = try FixtureRepository()
        let program = Self.program(globals: Self.globals).replacingOccurrences(
            of: "    return root\n", with: "    plugin.Parent().AddCommand(root)\n    return root\n")
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod(cobra: "v1.1.3"), "cmd/root.go": program], tags: ["v1.0.0"])
        ])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(snapshot.items["cli:app --verbose"] == nil)
        #expect(
            snapshot.notes.contains {
                $0.hasPrefix("The 3 flags (first '--config') defined in pflag.CommandLine are the persistent flags")
            }, "\(snapshot.notes)")
    }
}
