import Foundation
import Policy
import Surface
import Testing
import TestSupport

/// Review R36: an assignment that runs once, in Go's order (no branch, loop or label around it, in the code that builds
/// the tree), replaces what a local or one object's field holds for what runs after it: `knob = nil` then
/// `knob.Attach(cmd)` runs the method on nil (which returns), and `panel.Speed = nil` before `panel.AttachAll(cmd)`
/// takes the flag from that command. Where the assignment may not run (a branch, a function literal called later)
/// or the object stands for more than one Go value, it only adds, as before.
@Suite("cobra surface: a nil assigned in order is what the method called next sees (R36)")
struct CobraNilInOrderTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go", "knobs/*.go"]
                root: deck
        """
    static let goMod = "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n"

    /// `(*Knob).Attach` returns on a nil knob; `AttachAll` calls it on each knob of the panel; `style: loop` skips a
    /// nil knob in the loop instead.
    static func knobs(skipInLoop: Bool = false) -> String {
        """
        package knobs

        import "github.com/spf13/cobra"

        type Knob struct{ Label string }

        func (k *Knob) Attach(cmd *cobra.Command) {
            if k == nil {
                return
            }
            cmd.Flags().String(k.Label, "", "a knob")
        }

        type Panel struct {
            Speed *Knob
            Depth *Knob
        }

        func NewPanel() *Panel {
            return &Panel{Speed: &Knob{Label: "speed"}, Depth: &Knob{Label: "depth"}}
        }

        func (p *Panel) Knobs() []*Knob { return []*Knob{p.Speed, p.Depth} }

        func (p *Panel) AttachAll(cmd *cobra.Command) {
            for _, k := range p.Knobs() {
                \(skipInLoop ? "if k == nil {\n            continue\n        }" : "")
                k.Attach(cmd)
            }
        }
        """
    }

    /// The commands `run` and `walk`; `body` builds their flags, `extra` adds declarations.
    static func commands(_ body: String, extra: String = "") -> String {
        """
        package cmd

        import (
            "os"

            "example.com/deck/knobs"
            "github.com/spf13/cobra"
        )

        var _ = os.Getenv

        var common = knobs.NewPanel()

        func drop(p *knobs.Panel) { p.Speed = nil }

        \(extra)

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "deck"}
            run := &cobra.Command{Use: "run"}
            walk := &cobra.Command{Use: "walk"}
            root.AddCommand(run, walk)
            \(body)
            return root
        }
        """
    }

    /// v1.0.0 builds with `first`, v1.1.0 with `later`; the surfaces of both.
    static func surfaces(first: String, later: String, extra: String = "", skipInLoop: Bool = false) throws
        -> (before: SurfaceSnapshot, after: SurfaceSnapshot, removed: [String])
    {
        let repo = try FixtureRepository()
        func files(_ body: String) -> [String: String] {
            [
                "go.mod": goMod, "knobs/knobs.go": knobs(skipInLoop: skipInLoop),
                "cmd/root.go": commands(body, extra: extra),
            ]
        }
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(first), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(later), tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        let removed = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
            .filter { $0.kind == .removed }.map(\.key).sorted()
        return (before, after, removed)
    }

    static func flags(_ snapshot: SurfaceSnapshot, of command: String) -> [String] {
        snapshot.items.keys.filter { $0.hasPrefix("cli:deck \(command) --") }.map {
            String($0.dropFirst("cli:deck \(command) ".count))
        }.sorted()
    }

    static let both = """
        knobs.NewPanel().AttachAll(run)
            knobs.NewPanel().AttachAll(walk)
        """

    @Test(
        "a nil assigned in order before the method is called: the method runs on nil and the flag is gone from that command alone",
        arguments: [
            // A local made nil, then its method called.
            (#"k := &knobs.Knob{Label: "speed"}"# + "\n    k = nil\n    k.Attach(run)\n    knobs.NewPanel().AttachAll(walk)", false),
            // One object's field made nil, then the field's method called.
            ("p := knobs.NewPanel()\n    p.Speed = nil\n    p.Speed.Attach(run)\n    knobs.NewPanel().AttachAll(walk)", false),
            // The command's own panel (its own call of the constructor), the method of the panel.
            ("p := knobs.NewPanel()\n    p.Speed = nil\n    p.AttachAll(run)\n    knobs.NewPanel().AttachAll(walk)", false),
            // The same, the loop skipping nil knobs.
            ("p := knobs.NewPanel()\n    p.Speed = nil\n    p.AttachAll(run)\n    knobs.NewPanel().AttachAll(walk)", true),
        ])
    func nilBeforeTheMethod(later: String, skipInLoop: Bool) throws {
        let first = "knobs.NewPanel().AttachAll(run)\n    knobs.NewPanel().AttachAll(walk)"
        let found = try Self.surfaces(first: first, later: later, skipInLoop: skipInLoop)
        #expect(Self.flags(found.before, of: "run") == ["--depth", "--speed"])
        #expect(!Self.flags(found.after, of: "run").contains("--speed"), "\(Self.flags(found.after, of: "run"))")
        #expect(Self.flags(found.after, of: "walk") == ["--depth", "--speed"])
        #expect(found.removed.contains("deck run --speed"), "\(found.removed)")
        #expect(!found.removed.contains("deck walk --speed"), "\(found.removed)")
    }

    @Test(
        "a panel both commands register, made nil in order before the second registers it (directly, by a helper, through a list literal of one entry, through a map): the second loses the flag too",
        arguments: [
            "common.Speed = nil\n    common.AttachAll(run)\n    common.AttachAll(walk)",
            "drop(common)\n    common.AttachAll(run)\n    common.AttachAll(walk)",
            "for _, p := range []*knobs.Panel{common} {\n        p.Speed = nil\n    }\n    common.AttachAll(run)\n    common.AttachAll(walk)",
            "byName := map[string]*knobs.Panel{\"c\": common}\n    byName[\"c\"].Speed = nil\n    common.AttachAll(run)\n    common.AttachAll(walk)",
        ])
    func sharedPanelMadeNil(later: String) throws {
        let first = "own := knobs.NewPanel()\n    own.Speed = nil\n    own.AttachAll(run)\n    common.AttachAll(walk)"
        let found = try Self.surfaces(first: first, later: later)
        #expect(Self.flags(found.before, of: "walk") == ["--depth", "--speed"])
        #expect(Self.flags(found.after, of: "walk") == ["--depth"])
        #expect(found.removed == ["deck walk --speed"], "\(found.removed)")
    }

    @Test(
        "where the nil may not be there when the flag is defined (registered before it, in a branch, in a hook run later, on a value that stands for more than one panel), the flag stays",
        arguments: [
            ("common.AttachAll(walk)\n    common.Speed = nil\n    common.AttachAll(run)", ""),
            ("if os.Getenv(\"DECK\") != \"\" {\n        common.Speed = nil\n    }\n    common.AttachAll(run)\n    common.AttachAll(walk)", ""),
            ("run.RunE = func(*cobra.Command, []string) error {\n        common.Speed = nil\n        return nil\n    }\n    common.AttachAll(run)\n    common.AttachAll(walk)", ""),
            ("a := make2()\n    a.Speed = nil\n    a.AttachAll(run)\n    b := make2()\n    b.AttachAll(walk)",
             "func make2() *knobs.Panel {\n    p := knobs.NewPanel()\n    return p\n}"),
            ("k := &knobs.Knob{Label: \"speed\"}\n    if os.Getenv(\"DECK\") != \"\" {\n        k = nil\n    }\n    k.Attach(walk)\n    knobs.NewPanel().AttachAll(run)", ""),
        ])
    func nilNotInOrder(later: String, extra: String) throws {
        let found = try Self.surfaces(first: Self.both, later: later, extra: extra)
        #expect(Self.flags(found.after, of: "walk").contains("--speed"), "\(Self.flags(found.after, of: "walk"))")
        #expect(!found.removed.contains("deck walk --speed"), "\(found.removed)")
    }
}
