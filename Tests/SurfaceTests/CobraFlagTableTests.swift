import Foundation
import Git
import Policy
import SemVer
import Surface
import Testing
import TestSupport

/// Flags added one at a time with `AddFlag`: `pflag.Flag` literals, and flags a table of the program's own entries
/// makes by reflection in a set of its own.
@Suite("cobra surface: flags added with AddFlag from literals and tables")
struct CobraFlagTableTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: app
        """
    static let goMod = "module example.com/app\n\nrequire github.com/spf13/cobra v1.1.3\n"

    static func literals(_ extra: String) -> String {
        """
        package cmd

        import (
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "app"}
            target := new(string)
            root.PersistentFlags().AddFlag(&pflag.Flag{
                Name:      "target",
                Shorthand: "t",
                Usage:     "where to send it",
                Value:     pflag.NewStringValue("local", target),
            })
            root.PersistentFlags().AddFlag(&pflag.Flag{
                Name:       "dest",
                Usage:      "old spelling of --target",
                Value:      pflag.NewStringValue("local", target),
                Deprecated: "use --target",
            })
            quiet := &pflag.Flag{Name: "quiet", Value: pflag.NewBoolValue(false, new(bool)), Hidden: true}
            root.Flags().AddFlag(quiet)
        \(extra)
            return root
        }
        """
    }

    @Test("AddFlag of a pflag.Flag literal defines its flag: name, shorthand, type, deprecation, hidden")
    func pflagLiteral() throws {
        let repo = try FixtureRepository()
        let kept = """
                root.Flags().AddFlag(&pflag.Flag{Name: "level", Value: pflag.NewIntValue(1, new(int))})
            """
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.literals(kept)], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.literals("")], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        let target = after.items["cli:app --target"]
        #expect(target?.attributes == ["type": "string", "shorthand": "t", "scope": "persistent"])
        #expect(after.items["cli:app --dest"]?.stability == .deprecated)
        #expect(after.items["cli:app --quiet"]?.attributes["hidden"] == "true")
        #expect(after.items["cli:app --quiet"]?.attributes["type"] == "bool")
        #expect(before.items["cli:app --level"]?.attributes["type"] == "int")
        #expect(!after.notes.contains { $0.contains("AddFlag argument cannot be followed") }, "\(after.notes)")
        // The literal's flag is read, so its removal is claimed.
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        #expect(changes.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == ["removed app --level major"])
    }

    @Test("a pflag.Flag literal whose fields are set after it is not read: its removal is claimed, with a note")
    func pflagLiteralChangedLater() throws {
        let repo = try FixtureRepository()
        let old = #"root.Flags().IntP("port", "p", 80, "port")"#
        let new = """
                port := &pflag.Flag{Name: "port", Shorthand: "p", Value: pflag.NewIntValue(80, new(int))}
                port.Shorthand = "P"
                root.Flags().AddFlag(port)
            """
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.literals(old)], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.literals(new)], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(after.items["cli:app --port"] == nil)
        #expect(after.notes.contains { $0.contains("a field of a pflag.Flag literal (Shorthand) is set after") })
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        #expect(changes.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == ["removed app --port major"])
    }

    /// v1.0.0 defines `--port` (int, `-p`); v1.1.0 adds it with `AddFlag(fs.Lookup("port"))` from a set made by
    /// `NewFlagSet`, after `handing` (lines that may hand the set to code not read).
    static func lookupRepository(handing: String) throws -> (before: SurfaceSnapshot, after: SurfaceSnapshot) {
        let repo = try FixtureRepository()
        let new = """
                fs := pflag.NewFlagSet("extra", pflag.ContinueOnError)
                \(handing)
                root.Flags().AddFlag(fs.Lookup("port"))
            """
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod, "cmd/root.go": Self.literals(#"root.Flags().IntP("port", "p", 80, "")"#),
                ],
                tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.literals(new)], tags: ["v1.1.0"]),
        ])
        return (
            try surface(of: repo, at: "v1.0.0", policy: Self.policy),
            try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        )
    }

    @Test(
        "AddFlag of a flag looked up in a made set that nothing fills: not followed, the removal is claimed",
        arguments: ["", #"fs.Bool("other", false, "")"#, #"fmt.Println("no set handed")"#])
    func lookupInUnfilledSet(handing: String) throws {
        let (before, after) = try Self.lookupRepository(handing: handing)
        #expect(after.items["cli:app --port"] == nil, "\(String(describing: after.items["cli:app --port"]))")
        #expect(
            after.notes.contains {
                $0.hasPrefix("1 flag ('--port') looked up by an AddFlag in a flag set made by NewFlagSet")
            }, "\(after.notes)")
        #expect(after.unnamedFlags["cli"] == nil)
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        #expect(changes.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == ["removed app --port major"])
    }

    @Test(
        "AddFlag of a flag looked up in a made set handed to code not read: a flag of that name, type and shorthand not known, named in notes",
        arguments: ["extlib.Register(fs)", #"reflect.ValueOf(fs).MethodByName("IntP").Call(nil)"#])
    func lookupInHandedSet(handing: String) throws {
        let (before, after) = try Self.lookupRepository(handing: handing)
        #expect(after.items["cli:app --port"]?.attributes == ["type": "custom", "shorthand": "?", "scope": "local"])
        #expect(
            after.notes.contains {
                $0.hasPrefix(
                    "1 flag (first '--port') is added by an AddFlag from a flag set the files read do not fill")
            }, "\(after.notes)")
        let policy = try loadPolicy(Self.policy)
        // A type or shorthand that cannot be read is not claimed as a break (a type from another package, a flag made
        // at run time), in `check` as in `audit`; but it is never silent: a note names the change.
        for trusting in [false, true] {
            let changes = SurfaceDiff.changes(
                from: before, to: after, policy: policy, candidates: nil, trustingUncertain: trusting)
            #expect(changes.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == ["changed app --port patch"])
            let note = SurfaceDiff.unreadChangesNote(changes, policy: policy)
            #expect(
                note?.hasPrefix(
                    "cli:app --port (shorthand p → ?, type int → custom): an attribute users rely on could not be "
                        + "read on one side") == true, "\(note ?? "nil")")
        }
        // From not read to read: named too.
        let back = SurfaceDiff.changes(from: after, to: before, policy: policy)
        #expect(
            SurfaceDiff.unreadChangesNote(back, policy: policy)?.hasPrefix(
                "cli:app --port (shorthand ? → p, type custom → int)") == true)
    }

    /// A program whose commands get their flags from entries of a table, each made by reflection in a set of its own
    /// and added with `AddFlag` (`entries` are the `serve` command's entries).
    static func table(_ entries: String) -> String {
        """
        package cmd

        import (
            "reflect"

            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        type Entry struct {
            Name   string
            Short  string
            Usage  string
            Value  interface{}
            Hidden bool
            made   *pflag.Flag
        }

        var common = []Entry{
            {Name: "config", Short: "c", Usage: "config file", Value: &config},
            {Name: "verbose", Short: "v", Usage: "chatty", Value: &all},
        }

        var config, host string
        var port int
        var all bool

        func (e *Entry) flag() *pflag.Flag {
            if e.made != nil {
                return e.made
            }
            fs := pflag.NewFlagSet(e.Name, pflag.ContinueOnError)
            reflect.ValueOf(fs).MethodByName("Var").Call(nil)
            f := fs.Lookup(e.Name)
            f.Shorthand = e.Short
            f.Hidden = e.Hidden
            e.made = f
            return f
        }

        type maker struct{ cmd cobra.Command }

        func newMaker(use string) *maker { return &maker{cmd: cobra.Command{Use: use}} }

        func wanted(use string, e *Entry) bool { return e.Name != use }

        // Filtered by what a call returns, which semgate does not decide: the entries are added all at once.
        func (m *maker) common() *maker {
            for i := range common {
                if !wanted(m.cmd.Use, &common[i]) {
                    continue
                }
                m.cmd.Flags().AddFlag(common[i].flag())
            }
            return m
        }

        func (m *maker) every() *maker {
            for i := range common {
                m.cmd.Flags().AddFlag(common[i].flag())
            }
            return m
        }

        func (m *maker) entries(list []*Entry) *maker {
            for _, e := range list {
                m.cmd.Flags().AddFlag(e.flag())
            }
            return m
        }

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "app"}
            serve := newMaker("serve").common().entries([]*Entry{
                \(entries)
            })
            list := newMaker("list").common().entries([]*Entry{
                {Name: "all", Short: "a", Value: &all, Usage: "every one"},
                {Name: "host", Value: &host, Usage: "which host", Hidden: true},
            })
            root.AddCommand(&serve.cmd, &list.cmd)
            return root
        }
        """
    }

    @Test(
        "AddFlag of a table entry's flag made by reflection: the flag, type unknown; a removal from the table is claimed"
    )
    func reflectedTable() throws {
        let repo = try FixtureRepository()
        let port = #"{Name: "port", Short: "p", Value: &port, Usage: "port"},"#
        let host = #"{Name: "host", Value: &host, Usage: "host"},"#
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.table(port + "\n" + host)],
                tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.table(port)], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(
            before.items["cli:app serve --port"]?.attributes == ["type": "custom", "shorthand": "p", "scope": "local"])
        // No `Short:` in the entry: no shorthand (a field the literal leaves out and nothing sets is "").
        #expect(before.items["cli:app serve --host"]?.attributes == ["type": "custom", "scope": "local"])
        #expect(after.items["cli:app list --all"]?.attributes["shorthand"] == "a")
        // Hidden when every entry of its name hides it: list's --host once serve's entry of that name is gone.
        #expect(after.items["cli:app list --host"]?.attributes["hidden"] == "true")
        #expect(before.items["cli:app serve --host"]?.attributes["hidden"] == nil)
        #expect(before.items["cli:app list --host"]?.attributes["hidden"] == nil)
        // The common table's flags are added by entries that are not one alone: not read, not guessed, but named as
        // flags the commands may have (a removal of one is claimed, saying it may still be there).
        #expect(after.items["cli:app serve --config"] == nil && after.items["cli:app serve --verbose"] == nil)
        #expect(
            after.unnamedFlags["cli"] == [
                "app list --config", "app list --verbose", "app serve --config", "app serve --verbose",
            ])
        #expect(after.notes.contains { $0.contains("4 flags of 2 commands (first 'app list --config') may be added") })
        // The flags read by name only are named in a note: their types and shorthands are not judged.
        #expect(
            before.notes.contains {
                $0.hasPrefix(
                    "3 flags (first '--all') are added by an AddFlag from a flag set the files read do not fill")
            }, "\(before.notes)")
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        // Entries are told apart by name only: while serve's `host` entry (not hidden) was there, list's was not
        // known to be hidden.
        #expect(
            changes.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == [
                "changed app list --host patch", "removed app serve --host major",
            ])
    }

    @Test("a table's entries added in a loop by index, one at a time (no filter by a call): each entry's flag")
    func tableByIndex() throws {
        let repo = try FixtureRepository()
        let program = Self.table(#"{Name: "port", Short: "p", Value: &port, Usage: "port"},"#)
            .replacingOccurrences(of: #"newMaker("serve").common()"#, with: #"newMaker("serve").every()"#)
        try repo.importCommits([
            FixtureRepository.Snapshot(files: ["go.mod": Self.goMod, "cmd/root.go": program], tags: ["v1.0.0"])
        ])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(
            read.items["cli:app serve --config"]?.attributes == ["type": "custom", "shorthand": "c", "scope": "local"])
        #expect(read.items["cli:app serve --verbose"]?.attributes["shorthand"] == "v")
        // `list` still filters its entries by a call: not read, named as flags it may have.
        #expect(read.items["cli:app list --config"] == nil)
        #expect(read.unnamedFlags["cli"] == ["app list --config", "app list --verbose"])
    }

    @Test("an AddFlag not followed to any flag: the Name fields of the program's literals are what it may add")
    func unfollowedAddFlag() throws {
        let repo = try FixtureRepository()
        let program = { (body: String) in
            """
            package cmd

            import "github.com/spf13/cobra"

            type Option struct {
                Name string
                Uses []string
            }

            var options = []Option{{Name: "region", Uses: []string{"serve"}}, {Name: "zone"}}

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "app"}
                serve := &cobra.Command{Use: "serve"}
                root.AddCommand(serve)
            \(body)
                return root
            }
            """
        }
        let old = """
                serve.Flags().String("region", "", "")
                serve.Flags().Bool("fast", false, "")
            """
        let new = """
                for _, o := range options {
                    serve.Flags().AddFlag(registry.Make(o))
                }
            """
        try repo.importCommits([
            FixtureRepository.Snapshot(files: ["go.mod": Self.goMod, "cmd/root.go": program(old)], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: ["go.mod": Self.goMod, "cmd/root.go": program(new)], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(after.unnamedFlags["cli"] == ["app serve --region", "app serve --zone"])
        #expect(after.notes.contains { $0.contains("AddFlag argument cannot be followed") })
        // Both removals are claimed: --region may still be there (the note of the finding says so), --fast not.
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        #expect(
            changes.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == [
                "removed app serve --fast major", "removed app serve --region major",
            ])
        let surface = try #require(try loadPolicy(Self.policy).surface(named: "cli"))
        let said = Extractors.removalNotes(of: surface, changes.compactMap(\.before), before: before, after: after)
        #expect(said.count == 2)
        #expect(said.first??.hasPrefix("semgate cannot see a deprecation") == true, "\(said)")
        #expect(
            said.last??.hasPrefix("it may still be there: 'app serve' adds flags with an AddFlag") == true, "\(said)")

    }
}
