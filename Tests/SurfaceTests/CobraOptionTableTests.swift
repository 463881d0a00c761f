import Foundation
import Git
import Policy
import SemVer
import Surface
import Testing
import TestSupport

/// Flags a loop defines from a table of the program's own struct literals: one flag an entry, named as the loop
/// computes it from the entry's constant fields (an option table of another package, a helper that ranges over it).
@Suite("cobra surface: flags defined in a loop over a table of entries")
struct CobraOptionTableTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go", "settings/*.go"]
                root: app
        """
    static let goMod = "module example.com/app\n\nrequire github.com/spf13/cobra v1.1.3\n"

    /// The package that declares options: a name in snake case becomes a flag name in kebab case, with a prefix
    /// unless the option says not to.
    static let settings = """
        package settings

        import "strings"

        type Option struct {
            Name     string
            Help     string
            Short    string
            Default  interface{}
            Advanced bool
            Skip     bool
        }

        type Options []Option

        func (o *Option) FlagName(prefix string) string {
            name := strings.ReplaceAll(o.Name, "_", "-")
            if !o.Skip {
                name = prefix + "-" + name
            }
            return name
        }

        func (os Options) Add(more Options) Options { return append(os, more...) }

        func (o *Option) Type() string { return "option" }
        func (o *Option) String() string { return "" }
        func (o *Option) Set(s string) error { return nil }
        """

    /// A helper of another package that defines one flag an option, in a loop over the table by index.
    static let helper = """
        package flagutil

        import (
            "strings"

            "example.com/app/settings"
            "github.com/spf13/pflag"
        )

        func AddFromOptions(set *pflag.FlagSet, prefix string, options settings.Options) {
            seen := map[string]bool{}
            for i := range options {
                o := &options[i]
                if seen[o.Name] {
                    continue
                }
                seen[o.Name] = true
                if prefix == "" {
                    o.Skip = true
                }
                name := o.FlagName(prefix)
                help := strings.TrimSpace(o.Help)
                set.VarP(o, name, o.Short, help)
            }
        }
        """

    static let root = """
        package cmd

        import (
            "example.com/app/cmd/serve"
            "github.com/spf13/cobra"
        )

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "app"}
            root.AddCommand(serve.NewCommand())
            return root
        }
        """

    /// The `serve` command: its flags defined one by one (`table` nil) or from the option table `table`.
    static func serve(table: String?) -> String {
        let flags =
            table == nil
            ? """
                cmd.Flags().StringVarP(&addr, "listen-addr", "l", ":80", "where to listen")
                cmd.Flags().BoolVar(&readOnly, "read-only", false, "refuse writes")
                cmd.Flags().IntVar(&conns, "max-conns", 8, "connections at most")
            """
            : """
                flagutil.AddFromOptions(cmd.Flags(), "", Options)
            """
        return """
            package serve

            import (
                "example.com/app/cmd/flagutil"
                "example.com/app/settings"
                "github.com/spf13/cobra"
            )

            var (
                addr     string
                readOnly bool
                conns    int
            )

            var Options = settings.Options{\(table ?? "")}

            func NewCommand() *cobra.Command {
                cmd := &cobra.Command{Use: "serve"}
            \(flags)
                return cmd
            }
            """
    }

    static func files(serve: String) -> [String: String] {
        [
            "go.mod": goMod, "settings/settings.go": settings, "cmd/flagutil/flagutil.go": helper,
            "cmd/root.go": root, "cmd/serve/serve.go": serve,
        ]
    }

    static let entries = [
        #"{Name: "listen_addr", Short: "l", Default: ":80", Help: "where to listen"}"#,
        #"{Name: "read_only", Default: false, Help: "refuse writes"}"#,
        #"{Name: "max_conns", Default: 8, Help: "connections at most", Advanced: true}"#,
    ]

    @Test("a helper ranging over an option table of another package defines one flag an entry, named as it computes")
    func optionTable() throws {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: Self.files(serve: Self.serve(table: nil)), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: Self.files(serve: Self.serve(table: Self.entries.joined(separator: ", "))), tags: ["v1.1.0"]),
            FixtureRepository.Snapshot(
                files: Self.files(serve: Self.serve(table: Self.entries.prefix(2).joined(separator: ", "))),
                tags: ["v1.2.0"]),
        ])
        let policy = try loadPolicy(Self.policy)
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let table = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        let shorter = try surface(of: repo, at: "v1.2.0", policy: Self.policy)
        #expect(
            table.items["cli:app serve --listen-addr"]?.attributes == [
                "type": "option", "shorthand": "l", "scope": "local", "value-type": "settings.Option",
            ])
        // No `Short:` in the entry: no shorthand (a field the literal leaves out and nothing sets is "").
        #expect(
            table.items["cli:app serve --read-only"]?.attributes
                == ["type": "option", "scope": "local", "value-type": "settings.Option"])
        #expect(table.items["cli:app serve --max-conns"] != nil)
        #expect(!table.notes.contains { $0.contains("not a constant string") }, "\(table.notes)")
        // Moving the flags into the table removes none of them (their type is the option's own now).
        let moved = SurfaceDiff.changes(from: before, to: table, policy: policy)
        #expect(!moved.contains { $0.kind == .removed }, "\(moved.map { "\($0.kind.rawValue) \($0.key)" })")
        // An entry dropped from the table is a flag removed.
        let dropped = SurfaceDiff.changes(from: table, to: shorter, policy: policy)
        #expect(dropped.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == ["removed app serve --max-conns major"])
    }

    @Test("when the loop's name cannot be computed (the method that makes it is not read), the flags are noted, not read")
    func optionTableNameNotRead() throws {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: Self.files(serve: Self.serve(table: nil)), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: Self.files(serve: Self.serve(table: Self.entries.joined(separator: ", "))), tags: ["v1.1.0"]),
        ])
        let policy = Self.policy.replacingOccurrences(of: #", "settings/*.go""#, with: "")
        let before = try surface(of: repo, at: "v1.0.0", policy: policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: policy)
        #expect(after.items["cli:app serve --listen-addr"] == nil)
        #expect(after.notes.contains { $0.contains("is not a constant string") }, "\(after.notes)")
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(policy))
        #expect(changes.filter { $0.kind == .removed }.count == 3)
    }

    @Test("tables joined with a method of their slice type, from an empty literal too; a comma-ok is not its value")
    func joinedTables() throws {
        let serve = """
            package serve

            import (
                "example.com/app/cmd/flagutil"
                "example.com/app/settings"
                "github.com/spf13/cobra"
            )

            var Own = settings.Options{{Name: "disable_zip", Default: false}}.Add(Server).Add(Auth)
            var Shared = settings.Options{}.Add(Server)

            func NewCommand() *cobra.Command {
                cmd := &cobra.Command{Use: "serve"}
                flagutil.AddFromOptions(cmd.Flags(), "", Own)
                other := &cobra.Command{Use: "other"}
                cmd.AddCommand(other)
                flagutil.AddFromOptions(other.Flags(), "", Shared)
                for _, o := range Own {
                    if _, ok := o.Default.(bool); ok {
                        other.Flags().Bool("no-"+o.Name, false, "")
                    }
                }
                return cmd
            }
            """
        let tables = """
            package serve

            import "example.com/app/settings"

            var Server = settings.Options{{Name: "addr", Default: ":80"}, {Name: "read_timeout", Default: 5}}
            var Auth = settings.Options{{Name: "user", Default: ""}}
            """
        var files = Self.files(serve: serve)
        files["cmd/serve/tables.go"] = tables
        let repo = try FixtureRepository()
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let flags = read.items.keys.filter { $0.contains("--") }.sorted()
        // `ok` of `o.Default.(bool)` is not what Default holds: `false` does not skip the bool entry's flag.
        #expect(
            flags == [
                "cli:app serve --addr", "cli:app serve --disable-zip", "cli:app serve --read-timeout",
                "cli:app serve --user", "cli:app serve other --addr", "cli:app serve other --no-addr",
                "cli:app serve other --no-disable_zip", "cli:app serve other --no-read_timeout",
                "cli:app serve other --no-user", "cli:app serve other --read-timeout",
            ])
        #expect(
            read.items["cli:app serve --disable-zip"]?.attributes
                == ["type": "option", "scope": "local", "value-type": "settings.Option"])
    }

    /// A program whose `serve` command defines a flag for each entry of a table of `count` entries, in a loop over
    /// the entries (`for _, e := range entries`) with a prefixed name.
    static func loop(count: Int) -> String {
        let entries = (0..<count).map { #"{Name: "knob\#($0)", Usage: "knob"}"# }.joined(separator: ",\n    ")
        return """
            package cmd

            import "github.com/spf13/cobra"

            type Entry struct {
                Name  string
                Short string
                Usage string
            }

            var entries = []Entry{
                \(entries),
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "app"}
                serve := &cobra.Command{Use: "serve"}
                root.AddCommand(serve)
                for _, e := range entries {
                    serve.Flags().StringP("x-"+e.Name, e.Short, "", e.Usage)
                }
                return root
            }
            """
    }

    @Test("a loop over a table of up to 1,024 entries defines each entry's flag; a larger table is noted, not read")
    func largeTables() throws {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: ["go.mod": Self.goMod, "cmd/root.go": Self.loop(count: 300)], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.loop(count: 1_025)], tags: ["v1.1.0"]),
        ])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(read.items.keys.filter { $0.hasPrefix("cli:app serve --x-knob") }.count == 300)
        #expect(read.items["cli:app serve --x-knob299"]?.attributes == ["type": "string", "scope": "local"])
        let large = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(large.items.keys.filter { $0.hasPrefix("cli:app serve --x-knob") }.isEmpty)
        #expect(large.notes.contains { $0.contains("is not a constant string") }, "\(large.notes)")
    }

    /// `serve` defines a flag for each entry of the innermost of loops nested over tables of `sizes` entries.
    static func nested(_ sizes: [Int]) -> String {
        let tables = sizes.enumerated().map { table, count in
            "var t\(table) = []Entry{\n" + (0..<count).map { #"    {Name: "t\#(table)-\#($0)"},"# }.joined(separator: "\n")
                + "\n}"
        }
        let loops = sizes.indices.map { "for _, e\($0) := range t\($0) {" }.joined(separator: "\n")
        let last = sizes.count - 1
        return """
            package cmd

            import "github.com/spf13/cobra"

            type Entry struct {
                Name string
            }

            \(tables.joined(separator: "\n"))

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "app"}
                serve := &cobra.Command{Use: "serve"}
                root.AddCommand(serve)
                \(loops)
                serve.Flags().String(e\(last).Name, "", e0.Name)
                \(String(repeating: "}", count: sizes.count))
                return root
            }
            """
    }

    @Test("loops nested over tables run entry by entry up to 16,384 runs of the body together; past that, at once")
    func nestedTables() throws {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.nested([30, 40, 13])], tags: ["v1.0.0"]),
            // 30 × 40 × 14 = 16,800 runs: the innermost loop runs at once (review R7: three loops over 200 entries
            // ran the body 8 million times, 50 s and 570 MB for an 11 KB file).
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.nested([30, 40, 14])], tags: ["v1.1.0"]),
        ])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(read.items.keys.filter { $0.hasPrefix("cli:app serve --t2-") }.count == 13)
        #expect(!read.notes.contains { $0.contains("is not a constant string") }, "\(read.notes)")
        let cut = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(cut.items.keys.filter { $0.hasPrefix("cli:app serve --t2-") }.isEmpty)
        // What the loop run at once loses is noted where it is lost: the flag's name.
        #expect(cut.notes.contains { $0.contains("is not a constant string") }, "\(cut.notes)")
        let changes = SurfaceDiff.changes(from: read, to: cut, policy: try loadPolicy(Self.policy))
        #expect(changes.filter { $0.kind == .removed }.count == 13)
    }

    /// A table and a flag name held in package variables, which an `init` that builds no command changes.
    static func initWrites(_ writes: String) -> String {
        """
        package cmd

        import "github.com/spf13/cobra"

        type Entry struct {
            Name string
        }

        var entries = []Entry{{Name: "port"}, {Name: "host"}}

        var flagName = "verbose"

        func init() {
        \(writes)
        }

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "app"}
            serve := &cobra.Command{Use: "serve"}
            root.AddCommand(serve)
            for _, e := range entries {
                serve.Flags().String(e.Name, "", "")
            }
            serve.Flags().Bool(flagName, false, "")
            return root
        }
        """
    }

    @Test(
        "an init that builds no command still runs: what it writes to a package variable or a table entry counts (review R1)",
        arguments: [
            ("", ["--host", "--port", "--verbose"]),
            // Go runs every init before main: --verbose and --port are gone; semgate cannot tell which name each holds
            // (the names are not constants), so neither is read, and both removals are claimed.
            ("    flagName = \"quiet\"\n    entries[0].Name = \"listen\"", []),
            ("    p := &entries[0]\n    p.Name = \"listen\"", ["--verbose"]),
            // An entry replaced whole: the loop is read at once, so no entry's name is a constant.
            ("    entries[0] = Entry{Name: \"listen\"}", ["--verbose"]),
            ("    p := &entries[1]\n    *p = Entry{Name: \"listen\"}", ["--verbose"]),
            ("    copy(entries, []Entry{{Name: \"listen\"}})", ["--verbose"]),
            ("    entries = append(entries[:0], Entry{Name: \"listen\"})", ["--verbose"]),
            ("    entries[0], entries[1] = entries[1], Entry{Name: \"listen\"}", ["--verbose"]),
            // Appending keeps the entries: each is read on its own.
            ("    entries = append(entries, Entry{Name: \"listen\"})", ["--host", "--listen", "--port", "--verbose"]),
        ])
    func initWritesCount(writes: String, flags: [String]) throws {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.initWrites(writes)], tags: ["v1.0.0"])
        ])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(
            read.items.keys.filter { $0.hasPrefix("cli:app serve --") }.map { String($0.dropFirst(14)) }.sorted()
                == flags)
    }

    @Test("a struct literal of a package whose type is named like another package's option table is not a table")
    func structNamedLikeTable() throws {
        // The remote-control package keeps its settings in a struct named `Options`, as settings/ names its table.
        let remote = """
            package remote

            import "github.com/spf13/pflag"

            type Listen struct {
                Addr string
            }

            func (l *Listen) AddFlags(set *pflag.FlagSet, prefix string) {
                set.StringVar(&l.Addr, prefix+"addr", l.Addr, "where to listen")
            }

            type Options struct {
                Enabled bool
                HTTP    Listen
            }

            var DefaultOpt = Options{Enabled: false, HTTP: Listen{Addr: ":5572"}}
            """
        let flags = """
            package remoteflags

            import (
                "example.com/app/cmd/remote"
                "github.com/spf13/pflag"
            )

            var Opt = remote.DefaultOpt

            func AddFlags(set *pflag.FlagSet) {
                set.BoolVar(&Opt.Enabled, "rc", false, "enable remote control")
                Opt.HTTP.AddFlags(set, "rc-")
            }
            """
        let root = """
            package cmd

            import (
                "example.com/app/cmd/remoteflags"
                "example.com/app/cmd/serve"
                "github.com/spf13/cobra"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "app"}
                remoteflags.AddFlags(root.PersistentFlags())
                root.AddCommand(serve.NewCommand())
                return root
            }
            """
        var files = Self.files(serve: Self.serve(table: Self.entries.joined(separator: ", ")))
        files["cmd/root.go"] = root
        files["cmd/remote/remote.go"] = remote
        files["cmd/remoteflags/flags.go"] = flags
        let repo = try FixtureRepository()
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(read.items["cli:app --rc"] != nil)
        #expect(read.items["cli:app --rc-addr"]?.attributes["type"] == "string", "\(read.items.keys.sorted())")
        // The table of settings/ still is one.
        #expect(read.items["cli:app serve --listen-addr"] != nil)
    }
}

/// A shared registry of flags, each entry naming the commands it is defined on, filtered in a loop per command.
@Suite("cobra surface: a shared flag registry filtered per command")
struct CobraFlagRegistryTests {
    static let policy = CobraOptionTableTests.policy
    static let goMod = CobraOptionTableTests.goMod

    /// `entries` of the registry; `explicit` defines flags on `dev` and `run` one by one instead of the registry.
    static func program(entries: String, explicit: Bool = false) -> String {
        let flags =
            explicit
            ? """
                dev.Flags().StringP("filename", "f", "", "config")
                dev.Flags().Int("port", 0, "port")
                run.Flags().StringP("filename", "f", "", "config")
            """
            : """
                addFlags(dev)
                addFlags(run)
                addFlags(debug)
            """
        return """
            package cmd

            import (
                "reflect"

                "github.com/spf13/cobra"
                "github.com/spf13/pflag"
            )

            type Flag struct {
                Name      string
                Shorthand string
                Usage     string
                Value     interface{}
                DefinedOn []string
            }

            var filename, tail string
            var port int

            var registry = []Flag{
                \(entries)
            }

            func definedOn(use string, on []string) bool {
                for _, c := range on {
                    if c == use || c == "all" {
                        return true
                    }
                }
                return false
            }

            func (f *Flag) flag() *pflag.Flag {
                fs := pflag.NewFlagSet(f.Name, pflag.ContinueOnError)
                reflect.ValueOf(fs).MethodByName("Var").Call(nil)
                made := fs.Lookup(f.Name)
                made.Shorthand = f.Shorthand
                return made
            }

            func addFlags(cmd *cobra.Command) {
                for i := range registry {
                    f := &registry[i]
                    if !definedOn(cmd.Use, f.DefinedOn) {
                        continue
                    }
                    cmd.Flags().AddFlag(f.flag())
                }
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "app"}
                dev := &cobra.Command{Use: "dev"}
                run := &cobra.Command{Use: "run"}
                debug := &cobra.Command{Use: "debug"}
                root.AddCommand(dev, run, debug)
            \(flags)
                return root
            }
            """
    }

    static let entries = [
        #"{Name: "filename", Shorthand: "f", Value: &filename, DefinedOn: []string{"all"}},"#,
        #"{Name: "port", Value: &port, DefinedOn: []string{"dev"}},"#,
        #"{Name: "tail", Value: &tail, DefinedOn: []string{"run", "dev"}},"#,
    ]

    @Test(
        "each entry's flag is defined on the commands its constant DefinedOn list names, and only there, when nothing can change the table"
    )
    func registry() throws {
        let repo = try FixtureRepository()
        let moved = Self.entries.joined(separator: "\n")
        let narrowed = moved.replacingOccurrences(of: #"DefinedOn: []string{"dev"}"#, with: #"DefinedOn: []string{"debug"}"#)
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(entries: "", explicit: true)],
                tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(entries: moved)], tags: ["v1.1.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(entries: narrowed)], tags: ["v2.0.0"]),
        ])
        let policy = try loadPolicy(Self.policy)
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let registry = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        let narrower = try surface(of: repo, at: "v2.0.0", policy: Self.policy)
        let flags = registry.items.keys.filter { $0.contains("--") }.sorted()
        #expect(
            flags == [
                "cli:app debug --filename", "cli:app dev --filename", "cli:app dev --port", "cli:app dev --tail",
                "cli:app run --filename", "cli:app run --tail",
            ])
        #expect(registry.items["cli:app dev --filename"]?.attributes["shorthand"] == "f")
        #expect(registry.unnamedFlags["cli"] == nil)
        let changes = SurfaceDiff.changes(from: before, to: registry, policy: policy)
        #expect(!changes.contains { $0.kind == .removed }, "\(changes.map { "\($0.kind.rawValue) \($0.key)" })")
        let dropped = SurfaceDiff.changes(from: registry, to: narrower, policy: policy)
        #expect(
            dropped.map { "\($0.kind.rawValue) \($0.key) \($0.bump)" } == [
                "added app debug --port minor", "removed app dev --port major",
            ])
    }

    @Test("an exported registry (a package not read may change it) is not decided: its flags are added at once")
    func exportedRegistry() throws {
        let repo = try FixtureRepository()
        let program = Self.program(entries: Self.entries.joined(separator: "\n"))
            .replacingOccurrences(of: "registry", with: "Registry")
        try repo.importCommits([
            FixtureRepository.Snapshot(files: ["go.mod": Self.goMod, "cmd/root.go": program], tags: ["v1.0.0"])
        ])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(read.items.keys.filter { $0.contains("--") }.isEmpty)
        #expect(read.unnamedFlags["cli"]?.contains("app dev --port") == true, "\(read.unnamedFlags)")
    }

    @Test(
        "a registry not decided by its literals: given another table's entries, pointers to variables, or declared where a file of its package is not read",
        arguments: ["alias", "pointers", "unread"])
    func registryShared(variant: String) throws {
        let repo = try FixtureRepository()
        var program = Self.program(entries: Self.entries.joined(separator: "\n"))
        var files = ["go.mod": Self.goMod]
        var policy = Self.policy
        switch variant {
        case "alias":
            program = program.replacingOccurrences(of: "var registry = []Flag{", with: "var registry = base\nvar base = []Flag{")
            program += "\nfunc init() { base[1] = Flag{Name: \"port\", Value: &port, DefinedOn: []string{\"run\"}} }\n"
        case "pointers":
            program = program.replacingOccurrences(of: "var registry = []Flag{", with: "var registry = []*Flag{&portFlag,")
                .replacingOccurrences(of: #"{Name: "port", Value: &port, DefinedOn: []string{"dev"}},"#, with: "")
                .replacingOccurrences(of: "f := &registry[i]", with: "f := registry[i]")
            program += """

                var portFlag = Flag{Name: "port", Value: &port, DefinedOn: []string{"dev"}}

                func init() { portFlag = Flag{Name: "port", Value: &port, DefinedOn: []string{"run"}} }
                """
        default:
            // The write is in a file of the package the policy does not read.
            files["cmd/zz_more.go"] = "package cmd\n\nfunc init() { registry[1].DefinedOn = []string{\"run\"} }\n"
            policy = policy.replacingOccurrences(of: #"["cmd/**/*.go", "settings/*.go"]"#, with: #"["cmd/root.go"]"#)
        }
        files["cmd/root.go"] = program
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        let read = try surface(of: repo, at: "v1.0.0", policy: policy)
        // Read as before: no flag of the registry is in the surface, each named as one an AddFlag may add.
        #expect(read.items["cli:app dev --port"] == nil, "\(read.items.keys.sorted())")
        #expect(read.items["cli:app run --tail"] == nil)
        #expect(read.unnamedFlags["cli"]?.contains("app dev --port") == true, "\(read.unnamedFlags)")
    }

    @Test(
        "the partly read folders of each revision, worked out from listings kept between revisions, are those a fresh read finds, for each extractor's own files"
    )
    func partlyReadFoldersAcrossRevisions() throws {
        let repo = try FixtureRepository()
        let program = Self.program(entries: Self.entries.joined(separator: "\n"))
        // `narrow` reads one file of the package: the registry is decided only while the folder has no other Go file.
        // `wide` reads them all. The folder at v1.2.0 is the same tree as at v1.0.0, at v1.3.0 as at v1.1.0.
        let policy = """
            semgate: 1
            surfaces:
              narrow:
                extract:
                  cobra:
                    files: ["cmd/root.go"]
                    root: app
              wide:
                extract:
                  cobra:
                    files: ["cmd/*.go"]
                    root: app
            """
        let alone = ["go.mod": Self.goMod, "cmd/root.go": program]
        var beside = alone
        beside["cmd/zz_more.go"] = "package cmd\n\nvar more = 1\n"
        let tags = ["v1.0.0", "v1.1.0", "v1.2.0", "v1.3.0"]
        try repo.importCommits(
            zip([alone, beside, alone, beside], tags).map { FixtureRepository.Snapshot(files: $0, tags: [$1]) })
        let repository = try Repository(discovering: repo.url.path)
        let shared = SurfaceReader(repository: repository, policy: try loadPolicy(policy))
        for (index, tag) in tags.enumerated() {
            let carried = try shared.snapshot(at: try repository.resolve(tag))
            let fresh = try surface(of: repo, at: tag, policy: policy)
            #expect(carried.items.keys.sorted() == fresh.items.keys.sorted(), "\(tag)")
            #expect(carried.unnamedFlags == fresh.unnamedFlags, "\(tag)")
            #expect(carried.notes == fresh.notes, "\(tag)")
            // The wide read always decides; the narrow one only where the folder has no file it does not read.
            #expect(carried.items["wide:app dev --port"] != nil, "\(tag)")
            #expect((carried.items["narrow:app dev --port"] != nil) == (index % 2 == 0), "\(tag)")
        }
    }

    @Test("a registry entry whose DefinedOn is not a constant list: the entries are added at once, as before")
    func registryNotDecided() throws {
        let repo = try FixtureRepository()
        let entries =
            Self.entries.joined(separator: "\n")
            .replacingOccurrences(of: #"DefinedOn: []string{"dev"}"#, with: #"DefinedOn: commandsOf("port")"#)
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(entries: entries)], tags: ["v1.0.0"])
        ])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        // The decided entries are read; the port entry's filter is not, so the registry is added at once for it.
        #expect(read.items["cli:app run --tail"] != nil)
        #expect(read.items["cli:app run --port"] == nil)
        #expect(read.unnamedFlags["cli"]?.contains("app dev --port") == true, "\(read.unnamedFlags)")
    }
}

/// Loops over a registry whose filter or table a reading cannot follow entry by entry: the flags are read as before
/// tables were read (the loop at once), so a flag Go does not define on a command is claimed removed from it.
@Suite("cobra surface: registry loops semgate cannot follow entry by entry")
struct CobraRegistryFallbackTests {
    /// A registry of 70 entries (more than 64) whose first, `port`, Go defines on `run` only; `filter` is the loop's
    /// test of an entry `f` for command `cmd`, `extra` more Go code.
    static func program(port: String, filter: String, extra: String = "") -> String {
        let pads = (0..<69).map { #"{Name: "pad\#($0)", DefinedOn: []string{"run"}},"# }.joined(separator: "\n    ")
        return """
            package cmd

            import (
                "reflect"

                "github.com/spf13/cobra"
            )

            var _ = reflect.ValueOf

            type Flag struct {
                Name      string
                DefinedOn []string
            }

            var registry = []Flag{
                {Name: "port", DefinedOn: []string{\(port)}},
                \(pads)
            }

            func definedOn(use string, on []string) bool {
                for _, c := range on {
                    if c == use {
                        return true
                    }
                }
                return false
            }

            func addFlags(cmd *cobra.Command) {
                for i := range registry {
                    f := &registry[i]
                    \(filter)
                    cmd.Flags().String(f.Name, "", "")
                }
            }

            \(extra)

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "app"}
                dev := &cobra.Command{Use: "dev"}
                run := &cobra.Command{Use: "run"}
                root.AddCommand(dev, run)
                addFlags(dev)
                addFlags(run)
                return root
            }
            """
    }

    static let decided = "if !definedOn(cmd.Use, f.DefinedOn) {\n continue\n }"

    @Test(
        "a filter or table not followed entry by entry: the dropped flag is claimed",
        arguments: [
            (#""run""#, "if ok := definedOn(cmd.Use, f.DefinedOn); !ok {\n continue\n }", ""),
            (#""dev", "run""#, decided, #"func init() { registry[0].DefinedOn = []string{"run"} }"#),
            (#""dev", "run""#, decided, "func init() { registry[0].DefinedOn = registry[0].DefinedOn[1:] }"),
            (#""dev", "run""#, "if f.Name == \"port\" {\n break\n }\n" + decided, ""),
            (#""dev", "run""#, "if f.Name == \"port\" {\n return\n }\n" + decided, ""),
            (#""d\u00e9v", "run""#, decided, ""),
            // The entry or the table replaced after the literal (review H8), and other writers of the table.
            (#""dev", "run""#, decided, #"func init() { registry[0] = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"func init() { p := &registry[0]; *p = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"func init() { registry = []Flag{{Name: "port", DefinedOn: []string{"run"}}} }"#),
            (#""dev", "run""#, decided, #"func init() { (*(&registry[0])) = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"func init() { all := registry; all[0] = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"func init() { copy(registry, []Flag{{Name: "port", DefinedOn: []string{"run"}}}) }"#),
            (#""dev", "run""#, decided, #"func init() { narrow(registry) }\nfunc narrow(r []Flag) { r[0] = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"func init() { rest := registry[:1]; rest[0] = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"func init() { registry[0].narrow() }\nfunc (f *Flag) narrow() { *f = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"func init() { registry[0].narrow() }\nfunc (f *Flag) narrow() { (*f).Name, *f = "port", Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"var table = &registry\nfunc init() { (*table)[0] = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            (#""dev", "run""#, decided, #"var entries = []*Flag{&registry[0]}\nfunc init() { *entries[0] = Flag{Name: "port", DefinedOn: []string{"run"}} }"#),
            // Aliases of the entry's list or of the table (review s18-definedon): written through a copy of the list,
            // a parameter, a map; the table given another's entries, or pointers to variables.
            (#""dev", "run""#, decided, #"func init() { on := registry[0].DefinedOn; on[0] = "run" }"#),
            (#""dev", "run""#, decided, #"func init() { restrict(registry[0].DefinedOn) }\nfunc restrict(on []string) { on[0] = "run" }"#),
            (#""dev", "run""#, decided, #"func init() { m := map[string][]string{"port": registry[0].DefinedOn}; m["port"][0] = "run" }"#),
            // The filter itself writes what it is given.
            (#""dev", "run""#, "if !writes(cmd.Use, f.DefinedOn) {\n continue\n }", #"func writes(use string, on []string) bool { on[0] = "run"; return definedOn(use, on) }"#),
            // Through reflection, in the reading loop: the entry is handed to a call not read, so the table is read again
            // without deciding by literals.
            (
                #""dev", "run""#,
                "if f.Name == \"port\" {\n reflect.ValueOf(f).Elem().Field(1).Set(reflect.ValueOf([]string{\"run\"}))\n }\n" + decided,
                ""
            ),
        ])
    func fallback(port: String, filter: String, extra: String) throws {
        let repo = try FixtureRepository()
        let before = Self.program(port: #""run""#, filter: Self.decided, extra: "")
            .replacingOccurrences(of: "addFlags(dev)", with: #"dev.Flags().String("port", "", "")"#)
        var after = Self.program(port: port, filter: filter, extra: extra)
        if port.contains("u00e9") {
            // The command is spelled "dév" with a combining accent, the entry with a precomposed one: Go's == differs.
            after = after.replacingOccurrences(of: #"Use: "dev""#, with: #"Use: "de\u0301v""#)
        }
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": CobraOptionTableTests.goMod, "cmd/root.go": before], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": CobraOptionTableTests.goMod, "cmd/root.go": after], tags: ["v1.1.0"]),
        ])
        let old = try surface(of: repo, at: "v1.0.0", policy: CobraOptionTableTests.policy)
        let new = try surface(of: repo, at: "v1.1.0", policy: CobraOptionTableTests.policy)
        let dev = port.contains("u00e9") ? "app de\u{301}v" : "app dev"
        #expect(old.items["cli:app dev --port"] != nil)
        #expect(new.items["cli:\(dev) --port"] == nil, "\(new.items.keys.filter { $0.contains(dev) }.sorted())")
    }
}
