import Foundation
import Policy
import Surface
import Testing
import TestSupport

/// Flags of a generic option type, gathered in groups that commands pick, defined by a helper that loops over each
/// group's entries behind interfaces and skips an entry by what a call says of the entry alone (trivy's flag groups).
@Suite("cobra surface: flag groups of a generic option type, filtered by the entry alone")
struct CobraFlagGroupTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go", "opts/*.go"]
                root: tool
        """
    static let goMod =
        "module example.com/tool\n\nrequire (\n\tgithub.com/samber/lo v1.39.0\n\tgithub.com/spf13/cobra v1.8.0\n)\n"

    /// The option package: `Setting[T]` registers itself by the type of its default; `filter` is the condition by
    /// which `Register` skips an entry (`e` the entry, `cmd` the command), after the statements `prelude`.
    static func options(filter: String, prelude: String = "") -> String {
        """
        package opts

        import (
            "time"

            "github.com/samber/lo"
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        var _ = lo.IsNil

        type Kind interface {
            int | string | bool | time.Duration
        }

        type Setting[T Kind] struct {
            Key     string
            Letter  string
            Initial T
            Help    string
            Shared  bool
            current T
        }

        func (s *Setting[T]) Copy() *Setting[T] {
            var zero T
            c := *s
            c.current = zero
            return &c
        }

        func (s *Setting[T]) FlagKey() string { return s.Key }

        func (s *Setting[T]) Attach(cmd *cobra.Command) {
            if s == nil || s.Key == "" {
                return
            }
            var set *pflag.FlagSet
            if s.Shared {
                set = cmd.PersistentFlags()
            } else {
                set = cmd.Flags()
            }
            switch initial := any(s.Initial).(type) {
            case int:
                set.IntP(s.Key, s.Letter, initial, s.Help)
            case string:
                set.StringP(s.Key, s.Letter, initial, s.Help)
            case bool:
                set.BoolP(s.Key, s.Letter, initial, s.Help)
            case time.Duration:
                set.DurationP(s.Key, s.Letter, initial, s.Help)
            }
        }

        type Attacher interface {
            FlagKey() string
            Attach(cmd *cobra.Command)
        }

        type Section interface {
            Title() string
            Entries() []Attacher
        }

        type Picked struct {
            Net  *NetSection
            Disk *DiskSection
        }

        func (p *Picked) sections() []Section {
            var all []Section
            if p.Net != nil {
                all = append(all, p.Net)
            }
            if p.Disk != nil {
                all = append(all, p.Disk)
            }
            return all
        }

        func missing(a any) bool { return a == nil }

        func (p *Picked) Register(cmd *cobra.Command) {
            for _, section := range p.sections() {
                for _, e := range section.Entries() {
                    \(prelude)
                    if \(filter) {
                        continue
                    }
                    e.Attach(cmd)
                }
            }
        }
        """
    }

    /// The network section; `wait` says whether it still has its `--wait` entry.
    static func net(wait: Bool) -> String {
        """
        package opts

        import "time"

        var (
            PortSetting = Setting[int]{Key: "port", Initial: 8080, Help: "port to listen on"}
            HostSetting = Setting[string]{Key: "host", Letter: "H", Help: "host name"}
            WaitSetting = Setting[time.Duration]{Key: "wait", Help: "how long to wait"}
        )

        type NetSection struct {
            Port *Setting[int]
            Host *Setting[string]
            Wait *Setting[time.Duration]
        }

        func NewNetSection() *NetSection {
            return &NetSection{Port: PortSetting.Copy(), Host: HostSetting.Copy()\(wait ? ", Wait: WaitSetting.Copy()" : "")}
        }

        func (n *NetSection) Title() string { return "Network" }

        func (n *NetSection) Entries() []Attacher {
            return []Attacher{n.Port, n.Host\(wait ? ", n.Wait" : "")}
        }
        """
    }

    static let disk = """
        package opts

        var (
            PathSetting = Setting[string]{Key: "path", Help: "where to write"}
            SyncSetting = Setting[bool]{Key: "sync", Help: "sync after writing"}
        )

        type DiskSection struct {
            Path *Setting[string]
            Sync *Setting[bool]
        }

        func NewDiskSection() *DiskSection {
            return &DiskSection{Path: PathSetting.Copy(), Sync: SyncSetting.Copy()}
        }

        func (d *DiskSection) Title() string { return "Disk" }

        func (d *DiskSection) Entries() []Attacher {
            return []Attacher{d.Path, d.Sync}
        }
        """

    /// The commands; `serveWithout` the statements by which `serve` drops entries of its own section `net`, or, with
    /// `inInit`, an `init` function does so to the package's `serveNet`.
    static func commands(serveWithout: String = "", inInit: Bool = false) -> String {
        """
        package cmd

        import (
            "example.com/tool/opts"
            "github.com/spf13/cobra"
        )

        var serveNet = opts.NewNetSection()

        \(inInit ? "func init() {\n    serveNet.\(serveWithout)\n}" : "")

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            net := serveNet
            \(inInit ? "" : serveWithout)
            (&opts.Picked{Net: net}).Register(serve)
            save := &cobra.Command{Use: "save"}
            picked := &opts.Picked{Net: opts.NewNetSection(), Disk: opts.NewDiskSection()}
            picked.Register(save)
            root.AddCommand(serve, save)
            return root
        }
        """
    }

    static func files(filter: String, prelude: String, wait: Bool, serveWithout: String = "", inInit: Bool = false)
        -> [String: String]
    {
        [
            "go.mod": goMod, "cmd/root.go": commands(serveWithout: serveWithout, inInit: inInit),
            "opts/options.go": options(filter: filter, prelude: prelude), "opts/net.go": net(wait: wait),
            "opts/disk.go": disk,
        ]
    }

    /// v1.0.0 with every entry; v1.1.0 without `--wait` (the entry dropped, or `serveWithout` on `serve`).
    static func repository(filter: String, prelude: String = "", serveWithout: String? = nil, inInit: Bool = false)
        throws -> FixtureRepository
    {
        let repo = try FixtureRepository()
        let later =
            serveWithout.map { files(filter: filter, prelude: prelude, wait: true, serveWithout: $0, inInit: inInit) }
            ?? files(filter: filter, prelude: prelude, wait: false)
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(filter: filter, prelude: prelude, wait: true), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: later, tags: ["v1.1.0"]),
        ])
        return repo
    }

    @Test(
        "a filter decided for each entry (lo.IsNil or == nil of an object, a getter of its constant name compared with \"\"): each entry's flag is named, and a dropped entry is claimed removed",
        arguments: [#"lo.IsNil(e) || e.FlagKey() == """#, #"e == nil || e.FlagKey() == """#, #"e.FlagKey() == """#])
    func decidedFilter(filter: String) throws {
        let repo = try Self.repository(filter: filter)
        let policy = try loadPolicy(Self.policy)
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        let flags = Set(before.items.keys.filter { $0.contains("--") })
        #expect(
            flags.isSuperset(of: [
                "cli:tool serve --port", "cli:tool serve --host", "cli:tool serve --wait", "cli:tool save --port",
                "cli:tool save --host", "cli:tool save --wait", "cli:tool save --path", "cli:tool save --sync",
            ]), "\(flags.sorted())")
        #expect(before.items["cli:tool serve --host"]?.attributes["shorthand"] == "H")
        #expect(before.items["cli:tool serve --port"]?.attributes["shorthand"] == nil)
        let removed = SurfaceDiff.changes(from: before, to: after, policy: policy).filter { $0.kind == .removed }
        #expect(removed.map(\.key).sorted() == ["tool save --wait", "tool serve --wait"])
    }

    @Test(
        "a method that writes through its pointer receiver of a type that holds no object (`*t = append(*t, x)` on a list of strings: trivy's Scanners.Enable) leaves the filter decided; one whose type may hold objects, or a function's parameter, does not",
        arguments: [
            ("type Tag string\n\ntype Tags []Tag\n\nfunc (t *Tags) Add(x Tag) {\n\tif !t.Has(x) {\n\t\t*t = append(*t, x)\n\t}\n}\n\nfunc (t *Tags) Has(x Tag) bool { return false }", true),
            ("type Counts map[string]int\n\nfunc (c *Counts) Reset() { *c = Counts{} }", true),
            ("type Counts map[string]int\n\nfunc (c *Counts) Bump(k string) {\n\t(*c)[k] += 1\n}", true),
            ("type Sets map[string]*NetSection\n\nfunc (c *Sets) Drop(k string) {\n\t(*c)[k] = nil\n}", false),
            ("type Level string\n\ntype Version struct {\n\tName  string\n\tLevel Level\n}\n\nfunc (v *Version) Merge(o Version) {\n\tif v.Name == \"\" {\n\t\t*v = o\n\t}\n}", true),
            ("type Version struct {\n\tName string\n\tNext *NetSection\n}\n\nfunc (v *Version) Merge(o Version) { *v = o }", false),
            ("type Sections []*NetSection\n\nfunc (s *Sections) Reset() { *s = nil }", false),
            ("type Tags []string\n\nfunc Clear(t *Tags) { *t = nil }", false),
            ("type Tags []string\n\nfunc (t *Tags) Swap(o *Tags) {\n\tt = o\n\t*t = nil\n}", false),
        ])
    func writeThroughPlainReceiver(extra: String, decided: Bool) throws {
        let repo = try FixtureRepository()
        var files = Self.files(filter: #"lo.IsNil(e) || e.FlagKey() == """#, prelude: "", wait: true)
        files["opts/tags.go"] = "package opts\n\n" + extra + "\n"
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect((snapshot.items["cli:tool serve --port"] != nil) == decided, "\(snapshot.items.keys.sorted())")
        #expect((snapshot.items["cli:tool save --path"] != nil) == decided)
        if !decided { #expect(snapshot.notes.contains { $0.contains("is not a constant string") }, "\(snapshot.notes)") }
    }

    @Test(
        "the receiver write counts as one of a type that holds no object also as the first statement of a `case` clause (trivy's `OS.Merge`), and a type name without a package is the method's own package's: another package's interface of that name makes the write no more than it was (both read as writes that may replace any object before)",
        arguments: [
            ("opts/tags.go", "package opts\n\ntype Version struct {\n\tName string\n}\n\nfunc (v *Version) Merge(o Version) {\n\tswitch {\n\tcase v.Name == \"\":\n\t\t*v = o\n\tdefault:\n\t\t*v = Version{Name: v.Name + o.Name}\n\t}\n}\n", true),
            ("cmd/tag.go", "package main\n\ntype Tag interface{ Name() string }\n", true),
            ("opts/tag.go", "package opts\n\ntype Tag interface{ Name() string }\n", false),
        ])
    func writeThroughPlainReceiverInPackage(file: String, extra: String, decided: Bool) throws {
        let repo = try FixtureRepository()
        var files = Self.files(filter: #"lo.IsNil(e) || e.FlagKey() == """#, prelude: "", wait: true)
        files[file] = extra
        if file != "opts/tags.go" {
            files["opts/tags.go"] =
                "package opts\n\ntype Tags []Tag\n\nfunc (t *Tags) Add(x Tag) {\n\t*t = append(*t, x)\n}\n"
            if file.hasPrefix("cmd/") { files["opts/tagname.go"] = "package opts\n\ntype Tag string\n" }
        }
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect((snapshot.items["cli:tool serve --port"] != nil) == decided, "\(snapshot.items.keys.sorted())")
        #expect((snapshot.items["cli:tool save --path"] != nil) == decided)
    }

    @Test(
        "a call that is no cobra hook for its number of arguments (text/template's `t.Execute(w, data)`) and another package's member named like one (`*sarif.Run`) do not make a command's closures run while the tree is built: a section the command's RunE captures stays decided (trivy's report package made every flag name unread); a real hook call does",
        arguments: [
            ("return t.Execute(w, data)", "", true), ("run := sarif.Run{}; _ = run; return nil", "", true),
            ("return root.Execute()", "", false),
        ])
    func notAHookCall(body: String, unused: String, decided: Bool) throws {
        let repo = try FixtureRepository()
        var files = Self.files(filter: #"lo.IsNil(e) || e.FlagKey() == """#, prelude: "", wait: true)
        files["cmd/root.go"] = files["cmd/root.go"]!.replacingOccurrences(
            of: #"serve := &cobra.Command{Use: "serve"}"#,
            with: #"""
                held := &opts.Picked{Net: serveNet}
                    serve := &cobra.Command{Use: "serve", RunE: func(c *cobra.Command, a []string) error { return held.Check() }}
                """#
        ).replacingOccurrences(of: "(&opts.Picked{Net: net}).Register(serve)", with: "held.Register(serve)")
        files["opts/check.go"] = "package opts\n\nfunc (p *Picked) Check() error { return nil }\n"
        files["cmd/render.go"] = """
            package cmd

            import (
                "io"
                "text/template"

                "github.com/spf13/cobra"
                "example.com/tool/sarif"
            )

            var _ = sarif.Version

            var renderer = Render

            func Render(root *cobra.Command, t *template.Template, w io.Writer, data any) error {
                \(body)
            }
            """
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect((snapshot.items["cli:tool serve --port"] != nil) == decided, "\(snapshot.items.keys.sorted())")
        #expect(snapshot.items["cli:tool serve --path"] == nil, "\(snapshot.items.keys.sorted())")
    }

    @Test(
        "`reflect.ValueOf(e).IsNil()` over the entries (trivy's hidden-flag list) only reads them: each entry's flag stays named; `reflect.ValueOf(e)` kept, given on, or followed by a method that can reach the entry (`Elem`), and a package of the module imported as `reflect`, hand the entry over: read at once, as before",
        arguments: [
            ("\"reflect\"", "!reflect.ValueOf(e).IsNil() && e.FlagKey() != \"\"", true),
            ("\"reflect\"", "reflect.ValueOf(e).IsValid() && reflect.ValueOf(e).Kind() == reflect.Pointer", true),
            ("refl \"reflect\"", "!refl.ValueOf(e).IsZero()", true),
            ("\"reflect\"", "reflect.ValueOf(e).Elem().CanSet()", false),
            ("\"reflect\"", "keep(reflect.ValueOf(e))", false),
            ("\"reflect\"", "func() bool { v := reflect.ValueOf(e); return v.IsNil() }()", false),
            ("reflect \"example.com/tool/mirror\"", "!reflect.ValueOf(e).IsNil()", false),
        ])
    func reflectReadsEntries(imported: String, condition: String, decided: Bool) throws {
        let repo = try FixtureRepository()
        var files = Self.files(filter: #"lo.IsNil(e) || e.FlagKey() == """#, prelude: "", wait: true)
        files["cmd/root.go"] = files["cmd/root.go"]!.replacingOccurrences(
            of: "picked.Register(save)", with: "picked.Register(save)\n    _ = picked.Hidden()")
        files["opts/hidden.go"] = """
            package opts

            import \(imported)

            func keep(v any) bool { return v != nil }

            func (p *Picked) Hidden() []string {
                var names []string
                for _, section := range p.sections() {
                    for _, e := range section.Entries() {
                        if \(condition) {
                            names = append(names, e.FlagKey())
                        }
                    }
                }
                return names
            }
            """
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect((snapshot.items["cli:tool serve --port"] != nil) == decided, "\(snapshot.items.keys.sorted())")
        #expect((snapshot.items["cli:tool save --path"] != nil) == decided)
        if !decided { #expect(snapshot.notes.contains { $0.contains("is not a constant string") }, "\(snapshot.notes)") }
    }

    @Test(
        "a filter not decided (a function of the program given the entry, a method that is no getter, the command read) reads the entries at once: names noted as not known, as before",
        arguments: [
            ("", #"missing(e) || e.FlagKey() == """#), ("", #"lo.IsNil(e) || cmd.Use == "serve""#),
            ("use := cmd.Use", "lo.IsNil(e) || use == e.FlagKey()"), ("", #"e.FlagKey() + "" == """#),
        ])
    func undecidedFilter(prelude: String, filter: String) throws {
        let repo = try Self.repository(filter: filter, prelude: prelude)
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(before.items["cli:tool serve --port"] == nil)
        #expect(before.notes.contains { $0.contains("is not a constant string") }, "\(before.notes)")
    }

    @Test(
        "an entry set to nil after its literal (`net.Wait = nil`, or in an init run after the loop was first read): the filter is not decided, the removal claimed",
        arguments: [("net.Wait = nil", false), ("Wait = nil", true)])
    func entrySetToNil(without: String, inInit: Bool) throws {
        let repo = try Self.repository(
            filter: #"lo.IsNil(e) || e.FlagKey() == """#, serveWithout: without, inInit: inInit)
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(before.items["cli:tool serve --wait"] != nil)
        let removed = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
            .filter { $0.kind == .removed }.map(\.key)
        #expect(removed.contains("tool serve --wait"), "\(removed)")
    }

    /// Commands whose sections come from the constructors, each command its own call: `serve` runs `serveBody` on its
    /// section `net` before registering it; `save` takes the network section `saveNet` and a disk section.
    static func ownSections(serveBody: String, saveNet: String = "opts.NewNetSection()") -> String {
        """
        package cmd

        import (
            "example.com/tool/opts"
            "github.com/spf13/cobra"
        )

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            net := opts.NewNetSection()
            \(serveBody)
            (&opts.Picked{Net: net}).Register(serve)
            save := &cobra.Command{Use: "save"}
            picked := &opts.Picked{Net: \(saveNet), Disk: opts.NewDiskSection()}
            picked.Register(save)
            root.AddCommand(serve, save)
            return root
        }
        """
    }

    static func flags(_ snapshot: SurfaceSnapshot, of command: String) -> [String] {
        snapshot.items.keys.filter { $0.hasPrefix("cli:tool \(command) --") }.map {
            String($0.dropFirst("cli:tool \(command) ".count))
        }.sorted()
    }

    @Test(
        "an entry set to nil in one command's section, made by its own call of the constructor: that command loses the flag, the others keep it",
        arguments: [#"lo.IsNil(e) || e.FlagKey() == """#, #"e == nil || e.FlagKey() == """#])
    func entrySetToNilInOneCommand(filter: String) throws {
        let repo = try FixtureRepository()
        var later = Self.files(filter: filter, prelude: "", wait: true)
        later["cmd/root.go"] = Self.ownSections(serveBody: "net.Wait = nil")
        var first = Self.files(filter: filter, prelude: "", wait: true)
        first["cmd/root.go"] = Self.ownSections(serveBody: "")
        try repo.importCommits([
            FixtureRepository.Snapshot(files: first, tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: later, tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(Self.flags(before, of: "serve") == ["--host", "--port", "--wait"])
        #expect(Self.flags(after, of: "save") == ["--host", "--path", "--port", "--sync", "--wait"])
        let removed = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
            .filter { $0.kind == .removed }.map(\.key)
        #expect(removed == ["tool serve --wait"], "\(removed)")
    }

    @Test(
        "a section given by a literal that names some of its entries: the command has those alone, not every section's entries",
        arguments: [#"lo.IsNil(e) || e.FlagKey() == """#, #"e == nil || e.FlagKey() == """#])
    func partialSectionLiteral(filter: String) throws {
        let repo = try FixtureRepository()
        var files = Self.files(filter: filter, prelude: "", wait: true)
        files["cmd/root.go"] = Self.ownSections(
            serveBody: "", saveNet: "&opts.NetSection{Port: opts.PortSetting.Copy()}")
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(Self.flags(snapshot, of: "save") == ["--path", "--port", "--sync"])
        #expect(Self.flags(snapshot, of: "serve") == ["--host", "--port", "--wait"])
    }

    @Test(
        "a statement setting an entry's field to nil that the run does not make (a function nothing calls while the tree is built) leaves that entry undecided on every command; one about another type's field (its method's receiver) does not",
        arguments: [
            ("func Drop(n *NetSection) { n.Wait = nil }", false),
            ("func (n *NetSection) Drop() { n.Wait = nil }", false),
            ("type Other struct{ Wait *Setting[int] }\n\nfunc (o *Other) Drop() { o.Wait = nil }", true),
        ])
    func entrySetToNilNotRun(extra: String, kept: Bool) throws {
        let repo = try FixtureRepository()
        var files = Self.files(filter: #"lo.IsNil(e) || e.FlagKey() == """#, prelude: "", wait: true)
        files["cmd/root.go"] = Self.ownSections(serveBody: "")
        files["opts/drop.go"] = "package opts\n\n" + extra + "\n"
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect((snapshot.items["cli:tool serve --wait"] != nil) == kept)
        #expect((snapshot.items["cli:tool save --wait"] != nil) == kept)
        #expect(snapshot.items["cli:tool save --port"] != nil)
    }

    @Test(
        "a section given by a literal, whose field a statement the run does not make may give another section (or whose holder goes to a package-level name): read as any section, as before",
        arguments: [
            ("func Swap(p *Picked) { p.Net = NewNetSection() }", ""),
            ("", "var Kept *Picked"),
        ])
    func partialSectionMayChange(extra: String, held: String) throws {
        let repo = try FixtureRepository()
        var files = Self.files(filter: #"lo.IsNil(e) || e.FlagKey() == """#, prelude: "", wait: true)
        var commands = Self.ownSections(
            serveBody: "", saveNet: "&opts.NetSection{Port: opts.PortSetting.Copy()}")
        if !held.isEmpty {
            commands = commands.replacingOccurrences(of: "picked.Register(save)", with: "Kept = picked\n    picked.Register(save)")
            commands += "\n" + held + "\n"
        }
        files["cmd/root.go"] = commands
        if !extra.isEmpty { files["opts/swap.go"] = "package opts\n\n" + extra + "\n" }
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        if held.isEmpty {
            #expect(Self.flags(snapshot, of: "save") == ["--host", "--path", "--port", "--sync", "--wait"])
        } else {
            // Held where code not read may reach it: nothing is decided by the literals (the entries read at once).
            #expect(Self.flags(snapshot, of: "save") != ["--path", "--port", "--sync"])
            #expect(snapshot.notes.contains { $0.contains("is not a constant string") }, "\(snapshot.notes)")
        }
    }
}
