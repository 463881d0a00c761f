import Foundation
import Policy
import Surface
import Testing
import TestSupport

private let everything = "func Everything() Kit { return Kit{Net: NewNetPart(), Disk: NewDiskPart()} }"

/// A package the policy does not read that replaces the options it is given, or runs a command's hooks.
private let hookPackage = [
    "hook/hook.go": """
        package hook

        import (
            "example.com/tool/opts"
            "github.com/spf13/cobra"
        )

        var (
            Slot  *opts.Kit
            Slots = make([]*opts.Kit, 1)
            Box   struct{ K *opts.Kit }
            Kits  = make(chan opts.Kit, 1)
            fire  func()
        )

        func init() { Kits <- opts.Everything() }

        func Prepare() {
            for _, k := range append(Slots, Slot, Box.K) {
                if k != nil {
                    *k = opts.Everything()
                }
            }
        }

        func RunHooks(c *cobra.Command) { c.PreRun(c, nil) }

        type Opts struct {
            C *cobra.Command
            K *opts.Kit
        }

        func Run(o Opts) {
            if o.C != nil {
                o.C.PreRun(o.C, nil)
            }
            if o.K != nil {
                *o.K = opts.Everything()
            }
        }

        func OnFire(f func()) { fire = f }

        func Fire() {
            if fire != nil {
                fire()
            }
        }
        """
]

/// Commands that pick sections of options through pointer fields of one struct literal, and a helper that adds the
/// flags of each section that is not nil: a field the literal leaves out is nil, so its section's flags are not the
/// command's, unless some code may give that field a value after all.
@Suite("cobra surface: pointer fields a literal leaves out are nil")
struct CobraUnsetFieldTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go", "opts/*.go"]
                root: tool
        """
    static let goMod = "module example.com/tool\n\nrequire github.com/spf13/cobra v1.8.0\n"

    /// The options package: `Kit` picks sections; `extra` is more Go code of the package (a write to test).
    static func options(extra: String = "") -> String {
        """
        package opts

        import "github.com/spf13/cobra"

        type Knob struct {
            Key  string
            Help string
        }

        var (
            portKnob = Knob{Key: "port", Help: "port to listen on"}
            hostKnob = Knob{Key: "host", Help: "host name"}
            pathKnob = Knob{Key: "path", Help: "where to write"}
            syncKnob = Knob{Key: "sync", Help: "sync after writing"}
        )

        type NetPart struct {
            Port *Knob
            Host *Knob
        }

        type DiskPart struct {
            Path *Knob
            Sync *Knob
        }

        func NewNetPart() *NetPart { return &NetPart{Port: &portKnob, Host: &hostKnob} }

        func NewDiskPart() *DiskPart { return &DiskPart{Path: &pathKnob, Sync: &syncKnob} }

        func (n *NetPart) Knobs() []*Knob { return []*Knob{n.Port, n.Host} }

        func (d *DiskPart) Knobs() []*Knob { return []*Knob{d.Path, d.Sync} }

        type Part interface {
            Knobs() []*Knob
        }

        type Kit struct {
            Net  *NetPart
            Disk *DiskPart
        }

        func (k *Kit) parts() []Part {
            var all []Part
            if k.Net != nil {
                all = append(all, k.Net)
            }
            if k.Disk != nil {
                all = append(all, k.Disk)
            }
            return all
        }

        func attach(cmd *cobra.Command, k *Knob) {
            if k == nil || k.Key == "" {
                return
            }
            cmd.Flags().String(k.Key, "", k.Help)
        }

        func (k *Kit) Register(cmd *cobra.Command) {
            for _, part := range k.parts() {
                for _, knob := range part.Knobs() {
                    attach(cmd, knob)
                }
            }
        }

        \(extra)
        """
    }

    /// The commands: `serve` picks the network part only (its literal `serveKit`, after the statements `then`),
    /// `save` both parts, or only the network part with `saveDisk: false`.
    static func commands(serveKit: String, then: String, saveDisk: Bool = true) -> String {
        // The packages the statements use.
        let imports = ["encoding/json", "flag", "sort", "example.com/tool/hook"].filter { then.contains(($0.split(separator: "/").last ?? "") + ".") }
        return """
        package cmd

        import (
            "example.com/tool/opts"
            "github.com/spf13/cobra"
            \(imports.map { "\"\($0)\"" }.joined(separator: "\n    "))
        )

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            kit := \(serveKit)
            \(then)
            kit.Register(serve)
            save := &cobra.Command{Use: "save"}
            both := &opts.Kit{Net: opts.NewNetPart()\(saveDisk ? ", Disk: opts.NewDiskPart()" : "")}
            both.Register(save)
            root.AddCommand(serve, save)
            return root
        }
        """
    }

    static let netOnly = "&opts.Kit{Net: opts.NewNetPart()}"

    static func repository(
        serveKit: String = netOnly, then: String = "", extra: String = "",
        notRead: [String: String] = [:]
    ) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        var first: [String: String] = [
            "go.mod": Self.goMod, "opts/opts.go": options(extra: extra),
            "cmd/root.go": commands(serveKit: serveKit, then: then),
        ]
        first.merge(notRead) { $1 }
        var second = first
        second["cmd/root.go"] = commands(serveKit: serveKit, then: then, saveDisk: false)
        try repo.importCommits([
            FixtureRepository.Snapshot(files: first, tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: second, tags: ["v1.1.0"]),
        ])
        return repo
    }

    static func flags(_ snapshot: SurfaceSnapshot, of command: String) -> [String] {
        snapshot.items.keys.filter { $0.hasPrefix("cli:tool \(command) --") }
            .map { String($0.dropFirst("cli:tool \(command) ".count)) }.sorted()
    }

    @Test("a section the literal leaves out adds no flags; a section dropped later is claimed removed")
    func leftOut() throws {
        let repo = try Self.repository()
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(Self.flags(before, of: "serve") == ["--host", "--port"])
        #expect(Self.flags(before, of: "save") == ["--host", "--path", "--port", "--sync"])
        let removed = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
            .filter { $0.kind == .removed }.map(\.key).sorted()
        #expect(removed == ["tool save --path", "tool save --sync"])
    }

    @Test(
        "a field that code may give a value (in code not run or not read, through its address, by position, replaced whole, the object held where code not read reaches it or handed to it): the left-out section may be there",
        arguments: [
            // A write in a function nothing calls, and one in a Go file of the module the policy does not read.
            ("", "", "func fill(k *Kit) { k.Disk = NewDiskPart() }", [:]),
            ("", "", "", ["hook/hook.go": "package hook\n\nimport \"example.com/tool/opts\"\n\nfunc Fill(k *opts.Kit) { k.Disk, _ = opts.NewDiskPart(), 0 }\n"]),
            ("", "", "", ["hook/hook.go": "package hook\n\nimport \"example.com/tool/opts\"\n\nvar Full = opts.Kit{Disk: opts.NewDiskPart()}\n"]),
            // Its address taken, a write through it.
            ("", "p := &kit.Disk\n*p = opts.NewDiskPart()", "", [:]),
            ("", "", "func grab(k *Kit) **DiskPart { return &(k.Disk) }", [:]),
            // Given by position, or replaced whole.
            ("&opts.Kit{opts.NewNetPart(), opts.NewDiskPart()}", "", "", [:]),
            ("", "*kit = opts.Kit{Net: opts.NewNetPart(), Disk: opts.NewDiskPart()}", "", [:]),
            // Held by a package-level name, handed to a call not read, captured by a function literal handed to one.
            ("", "opts.Current = kit", "var Current *Kit", [:]),
            ("", "_ = json.Unmarshal([]byte(`{\"Disk\": {}}`), kit)", "", [:]),
            ("", "sort.Slice([]int{2, 1}, func(i, j int) bool { *kit = opts.Everything(); return false })",
             "func Everything() Kit { return Kit{Net: NewNetPart(), Disk: NewDiskPart()} }", [:]),
            // A function literal the run does not execute, called before the registration (review R17): sent on a
            // channel, kept in a list, or a command's hook called while the tree is built.
            ("", "ch := make(chan func(), 1)\nch <- func() { *kit = opts.Kit{Net: kit.Net, Disk: opts.NewDiskPart()} }\n(<-ch)()",
             "", [:]),
            ("", "fns := []func(){func() { *kit = opts.Kit{Net: kit.Net, Disk: opts.NewDiskPart()} }}\nfns[len(fns)-1]()",
             "", [:]),
            ("", "serve.RunE = func(*cobra.Command, []string) error { *kit = opts.Everything(); return nil }\n_ = serve.RunE(serve, nil)",
             "func Everything() Kit { return Kit{Net: NewNetPart(), Disk: NewDiskPart()} }", [:]),
            ("", "serve.Run = func(*cobra.Command, []string) { *kit = opts.Everything() }\nserve.Run(serve, nil)",
             "func Everything() Kit { return Kit{Net: NewNetPart(), Disk: NewDiskPart()} }", [:]),
            // A method value bound to the object, sent on a channel and called (review R19).
            ("", "ch := make(chan func(*opts.DiskPart), 1)\nch <- kit.SetDisk\n(<-ch)(opts.NewDiskPart())",
             "func (k *Kit) SetDisk(d *DiskPart) { *k = Kit{k.Net, d} }", [:]),
            // Review R22: the object sent on a channel; written through a pointer to another package's name, into
            // its list, its field, copied into its list (package hook, not read, replaces it); a range or select
            // target; a body-less function.
            ("", "ch := make(chan *opts.Kit, 1)\nch <- kit\nq := <-ch\n*q = opts.Everything()", everything, [:]),
            ("", "g := &hook.Slot\n*g = kit\nhook.Prepare()", everything, hookPackage),
            ("", "hook.Slots[0] = kit\nhook.Prepare()", everything, hookPackage),
            ("", "list := hook.Slots\nlist[0] = kit\nhook.Prepare()", everything, hookPackage),
            ("", "copy(hook.Slots, []*opts.Kit{kit})\nhook.Prepare()", everything, hookPackage),
            ("", "hook.Box.K = kit\nhook.Prepare()", everything, hookPackage),
            ("", "for _, *kit = range []opts.Kit{opts.Everything()} {\n}", everything, [:]),
            ("", "select {\ncase *kit = <-hook.Kits:\n}", everything, hookPackage),
            ("", "opts.Fill(kit, opts.NewDiskPart())", "func Fill(k *Kit, d *DiskPart)", [:]),
            // A command's hook that may run while the tree is built: its field read as a value, the literal also
            // kept elsewhere, the command handed to code not read or held by a package-level name.
            ("", "serve.PreRun = func(*cobra.Command, []string) { *kit = opts.Everything() }\nh := serve.PreRun\nh(serve, nil)",
             everything, [:]),
            ("", "fix := func(*cobra.Command, []string) { *kit = opts.Everything() }\nserve.PreRun = fix\nfns := []func(*cobra.Command, []string){fix}\nfns[0](serve, nil)",
             everything, [:]),
            ("", "serve.PreRun = func(*cobra.Command, []string) { *kit = opts.Everything() }\nhook.RunHooks(serve)",
             everything, hookPackage),
            ("", "hook.Run(hook.Opts{K: kit})", everything, hookPackage),
            // Given to pflag as a flag's Value: pflag calls its String at the definition (review R31).
            ("", "zz := &cobra.Command{Use: \"zz\"}\nzz.Flags().Var(kit, \"kit\", \"the kit\")",
             everything + "\n\nfunc (k *Kit) String() string { *k = Everything(); return \"\" }\n\nfunc (k *Kit) Set(string) error { return nil }\n\nfunc (k *Kit) Type() string { return \"kit\" }",
             [:]),
            ("", "flag.Var(kit, \"kit\", \"the kit\")",
             everything + "\n\nfunc (k *Kit) String() string { *k = Everything(); return \"\" }\n\nfunc (k *Kit) Set(string) error { return nil }",
             [:]),
            ("", "serve.PreRun = func(*cobra.Command, []string) { *kit = opts.Everything() }\nhook.Run(hook.Opts{C: serve})",
             everything, hookPackage),
            ("", "serve.PreRun = func(*cobra.Command, []string) { *kit = opts.Everything() }\nopts.Current = serve\nhook.Fire()",
             everything + "\n\nvar Current *cobra.Command", hookPackage),
        ] as [(String, String, String, [String: String])])
    func mayBeGiven(serveKit: String, then: String, extra: String, notRead: [String: String]) throws {
        let repo = try Self.repository(
            serveKit: serveKit.isEmpty ? Self.netOnly : serveKit, then: then, extra: extra, notRead: notRead)
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(Self.flags(snapshot, of: "serve").contains("--path"), "\(Self.flags(snapshot, of: "serve"))")
    }

    @Test(
        "a send statement is followed where it runs: one that sends no object (in a function nothing calls, or run: trivy 0.41's image layer workers) leaves the field nil; one in a `select` case, which the run does not read, makes every object escaped, as before",
        arguments: [
            ("", "func wait(done chan struct{}, names chan string, k *Knob) {\n\tdone <- struct{}{}\n\tnames <- k.Key\n}", true),
            ("done := make(chan struct{}, 1)\ndone <- struct{}{}\n<-done", "", true),
            ("names := make(chan string, 1)\ngo func() { names <- \"serve\" }()\n<-names", "", true),
            ("", "func pick(ch chan *Kit, k *Kit) {\n\tselect {\n\tcase ch <- k:\n\tdefault:\n\t}\n}", false),
            ("ch := make(chan *opts.Kit, 1)\nselect {\ncase ch <- kit:\n}\nq := <-ch\n*q = opts.Everything()", everything, false),
        ] as [(String, String, Bool)])
    func sendsFollowed(then: String, extra: String, nil: Bool) throws {
        let repo = try Self.repository(then: then, extra: extra)
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        if `nil` {
            #expect(Self.flags(snapshot, of: "serve") == ["--host", "--port"])
        } else {
            #expect(Self.flags(snapshot, of: "serve").contains("--path"), "\(Self.flags(snapshot, of: "serve"))")
        }
    }

    @Test("a command's hook that captures the object (cobra calls it when the command runs, after the tree is built) leaves the field nil")
    func hookClosure() throws {
        let repo = try Self.repository(
            then: "serve.RunE = func(*cobra.Command, []string) error { *kit = opts.Everything(); return nil }",
            extra: "func Everything() Kit { return Kit{Net: NewNetPart(), Disk: NewDiskPart()} }")
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(Self.flags(snapshot, of: "serve") == ["--host", "--port"])
    }

    /// A hook that replaces `kit` with one that has every part, and a file read, cmd/run.go, whose `body` runs the
    /// command line (`imports` more packages it uses).
    static func hookRun(then: String = "", _ body: String, imports: [String] = []) throws -> FixtureRepository {
        try Self.repository(
            then: "serve.RunE = func(*cobra.Command, []string) error { *kit = opts.Everything(); return nil }\n" + then,
            extra: "func Everything() Kit { return Kit{Net: NewNetPart(), Disk: NewDiskPart()} }",
            notRead: [
                "cmd/run.go": """
                    package cmd

                    import (
                        \((["context", "errors", "fmt"] + imports).map { "\"\($0)\"" }.joined(separator: "\n    "))
                    )

                    const hint = "see the docs"

                    var (
                        _ = context.Canceled
                        _ = errors.Is
                        _ = fmt.Sprint
                    )

                    \(body)
                    """
            ])
    }

    @Test("a function nothing read names that builds the tree, then runs it (its hooks) and uses only the error, its parameters, constants and packages not read: the hook runs after the flags are registered, the field stays nil")
    func hookRunAfterBuilding() throws {
        let repo = try Self.hookRun(
            """
            func Run(ctx context.Context) error {
                root := NewRoot()
                if err := root.ExecuteContext(ctx); err != nil {
                    if errors.Is(err, context.Canceled) {
                        fmt.Println(fmt.Sprintf("canceled: %s", hint), ctx)
                    }
                    return err
                }
                return nil
            }
            """)
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(Self.flags(snapshot, of: "serve") == ["--host", "--port"])
    }

    @Test(
        "a call that runs a command's hooks that may come before the flags are registered (called while the tree is built, named by code read, in a loop, a literal or a method, or followed by more code read): the left-out section may be there",
        arguments: [
            // Called by NewRoot before the registration: Go runs the hook (serve has --path).
            ("Start(root)", "func Start(c *cobra.Command) { _ = c.Execute() }", ["github.com/spf13/cobra"]),
            // Kept in a variable (which code read may call at any time).
            ("", "var starter = Run\n\nfunc Run() error { return NewRoot().Execute() }", []),
            ("", "func Run() error {\n\troot := NewRoot()\n\tfor i := 0; i < 1; i++ {\n\t}\n\treturn root.Execute()\n}", []),
            ("", "func Run() {\n\troot := NewRoot()\n\tdefer func() { _ = root.Execute() }()\n}", []),
            ("", "type app struct{}\n\nfunc (app) Run() error { return NewRoot().Execute() }", []),
            // After the call: an object made before it, a function read, a package read.
            ("", "func Run() error {\n\troot := NewRoot()\n\terr := root.Execute()\n\troot.SetArgs(nil)\n\treturn err\n}", []),
            ("", "func Run() error {\n\terr := NewRoot().Execute()\n\t_ = NewRoot()\n\treturn err\n}", []),
            ("", "func Run() error {\n\tif err := NewRoot().Execute(); err != nil {\n\t\t_ = opts.Everything()\n\t}\n\treturn nil\n}",
             ["example.com/tool/opts"]),
        ] as [(String, String, [String])])
    func hookRunWhileBuilding(then: String, body: String, imports: [String]) throws {
        let repo = try Self.hookRun(then: then, body, imports: imports)
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(Self.flags(snapshot, of: "serve").contains("--path"), "\(Self.flags(snapshot, of: "serve"))")
    }

    @Test(
        "a comparison with nil of a pointer field the literal leaves out: true when nothing gives it a value, undecided when something may (not false: Go runs the branch)",
        arguments: [("", true), ("func fill(k *Kit) { k.Disk = NewDiskPart() }", false)])
    func comparedWithNil(extra: String, narrowed: Bool) throws {
        let legacy = """
            \(extra)

            func (k *Kit) Legacy(cmd *cobra.Command) {
                if k.Disk == nil {
                    cmd.Flags().Bool("legacy", false, "the old layout")
                }
                if k.Disk != nil {
                    cmd.Flags().Bool("layout", false, "the new layout")
                }
            }
            """
        let repo = try Self.repository(then: "kit.Legacy(serve)", extra: legacy)
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let flags = Self.flags(snapshot, of: "serve")
        #expect(flags.contains("--legacy"), "\(flags)")
        #expect(flags.contains("--layout") == !narrowed, "\(flags)")
    }

    /// The parts in a slice type of an interface, `Groups`, whose methods register them: a literal of it is its
    /// elements, and samber/lo's `Filter` gives back some of them.
    static let groups = """
        package opts

        import (
            "github.com/samber/lo"
            "github.com/spf13/cobra"
        )

        type Groups []Part

        func (g *Groups) kept() []Part {
            return lo.Filter(*g, func(p Part, _ int) bool { return p != nil })
        }

        func (g *Groups) Register(cmd *cobra.Command) {
            for _, part := range g.kept() {
                for _, knob := range part.Knobs() {
                    attach(cmd, knob)
                }
            }
        }
        """

    @Test("a literal of a slice type of an interface whose method registers each part kept by lo.Filter: each command its own parts")
    func interfaceSlice() throws {
        let repo = try FixtureRepository()
        let commands = Self.commands(serveKit: "&opts.Groups{opts.NewNetPart()}", then: "")
            .replacingOccurrences(
                of: "both := &opts.Kit{Net: opts.NewNetPart(), Disk: opts.NewDiskPart()}",
                with: "both := opts.Groups{opts.NewNetPart(), opts.NewDiskPart()}")
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod, "opts/opts.go": Self.options(), "opts/groups.go": Self.groups,
                    "cmd/root.go": commands,
                ], tags: ["v1.0.0"])
        ])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(Self.flags(snapshot, of: "serve") == ["--host", "--port"])
        #expect(Self.flags(snapshot, of: "save") == ["--host", "--path", "--port", "--sync"])
    }
}
