import Foundation
import Testing
import TestSupport

/// Flags a plugin binds in its own method (`func (p *P) BindFlags(fs *pflag.FlagSet)`), called on the command's flag
/// set directly, through a list of known plugins, or through an interface whose values are chosen when the program
/// runs (review C2: kubebuilder 3.0.0's plugins).
@Suite("cobra flags bound by plugins")
struct CobraPluginFlagsTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
        rules:
          removed-without-deprecation: error
        """

    /// `init` and `serve`; `initFlags` and `serveFlags` are lines of `NewRoot` after both exist, `extra` declarations.
    static func program(initFlags: String, serveFlags: String, extra: String = "") -> String {
        """
        package cmd

        import (
            "os"

            "example.com/tool/internal/registry"
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        var _ = pflag.NewFlagSet
        var _ = os.Getenv
        var _ = registry.Load

        \(extra)

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            initCmd := &cobra.Command{Use: "init"}
            serve := &cobra.Command{Use: "serve"}
            root.AddCommand(initCmd, serve)
        \(initFlags)
        \(serveFlags)
            return root
        }
        """
    }

    /// Two plugin types, each binding flags in `BindFlags`, and a registry the program fills when it runs.
    static let plugins = """
        type Binder interface{ BindFlags(fs *pflag.FlagSet) }

        type goPlugin struct{ domain, owner string }

        func (p *goPlugin) BindFlags(fs *pflag.FlagSet) {
            fs.StringVar(&p.domain, "domain", "", "domain of the project")
            fs.StringVar(&p.owner, "owner", "", "owner for the copyright")
        }

        type chartPlugin struct{ chart string }

        func (p *chartPlugin) BindFlags(fs *pflag.FlagSet) { fs.StringVar(&p.chart, "chart", "", "chart") }

        // Chosen from the project file when the program runs, by code outside the files read.
        var resolved = registry.Load(os.Getenv("TOOL_PLUGINS"))
        """

    static let direct = """
            initCmd.Flags().String("domain", "", "domain of the project")
            initCmd.Flags().String("owner", "", "owner for the copyright")
        """

    func audit(_ versions: [(String, String)]) throws -> (status: Int32, report: [String: Any]?, stderr: String) {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write(
            "go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        for (tag, source) in versions {
            try repo.write("cmd/root.go", source)
            try repo.commit(tag)
            try repo.tag(tag, annotated: true)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        return (result.status, jsonObject(result.stdout), result.stderr)
    }

    static func errors(_ report: [String: Any]?, _ version: String) -> [String] {
        let releases = report?["releases"] as? [[String: Any]] ?? []
        let release = releases.first { $0["version"] as? String == version }
        return (release?["findings"] as? [[String: Any]] ?? [])
            .filter { $0["severity"] as? String == "error" }
            .compactMap { finding in (finding["item"] as? String).map { "\(finding["rule"] ?? "") \($0)" } }
            .sorted()
    }

    /// The flags move from `init` itself into plugins that a list filled at run time binds: which plugin runs is not
    /// known, so `init`'s flags are not all read, and their removal is not claimed (on main: `--domain` and `--owner`
    /// "removed"). A flag really removed from `serve` in the same release is still claimed.
    @Test func flagsOfPluginsChosenWhenRunning() throws {
        let bound = """
                for _, p := range resolved {
                    p.BindFlags(initCmd.Flags())
                }
            """
        let (status, report, stderr) = try audit([
            ("v1.0.0", Self.program(initFlags: Self.direct, serveFlags: #"serve.Flags().Int("port", 0, "")"#)),
            ("v1.1.0", Self.program(initFlags: bound, serveFlags: "", extra: Self.plugins)),
        ])
        #expect(status == 1, "stderr: \(stderr)")
        #expect(
            Self.errors(report, "1.1.0") == [
                "breaking-without-major cli:tool serve --port", "removed-without-deprecation cli:tool serve --port",
            ])
        #expect(report?["incomplete_surfaces"] as? [String] == ["cli"])
        let notes = report?["notes"] as? [String] ?? []
        #expect(
            notes.contains {
                $0.contains("p.BindFlags is called on a value that cannot be followed")
                    && $0.contains("chartPlugin, goPlugin") && $0.contains("not claimed")
            }, "notes: \(notes)")
    }

    /// A set handed to a plugin chosen when the program runs holds only the flags the plugin types name (review R87):
    /// `init`'s `--region`, which no plugin names, is claimed removed while `--domain` and `--owner` are not; and
    /// `serve`'s `--port`, dropped beside a call to plugins whose `BindFlags` name other flags (a decoy type is enough),
    /// is claimed too. On main (C2): no error, exit 0.
    @Test func flagNoPluginNamesIsClaimed() throws {
        let bound = """
                for _, p := range resolved {
                    p.BindFlags(initCmd.Flags())
                    p.BindFlags(serve.Flags())
                }
            """
        let (status, report, stderr) = try audit([
            (
                "v1.0.0",
                Self.program(
                    initFlags: Self.direct + "\n" + #"    initCmd.Flags().String("region", "", "region")"#,
                    serveFlags: #"serve.Flags().Int("port", 0, "")"#)
            ),
            ("v1.1.0", Self.program(initFlags: bound, serveFlags: "", extra: Self.plugins)),
        ])
        #expect(status == 1, "stderr: \(stderr)")
        #expect(
            Self.errors(report, "1.1.0") == [
                "breaking-without-major cli:tool init --region", "breaking-without-major cli:tool serve --port",
                "removed-without-deprecation cli:tool init --region",
                "removed-without-deprecation cli:tool serve --port",
            ])
        let findings = (report?["releases"] as? [[String: Any]] ?? []).flatMap {
            $0["findings"] as? [[String: Any]] ?? []
        }
        let port = findings.first { $0["item"] as? String == "cli:tool serve --port" }
        #expect((port?["message"] as? String ?? "").contains("do not name it"), "\(port ?? [:])")
    }

    /// The plugins bound are known (a list of the program's values, a constructor's concrete type): their flags are
    /// read, so a flag no plugin binds any more is a removal, and nothing is incomplete.
    @Test func flagsOfKnownPlugins() throws {
        let listed = """
                for _, p := range []Binder{&goPlugin{}, &chartPlugin{}} {
                    p.BindFlags(initCmd.Flags())
                }
            """
        let constructed = """
                var p Binder = newChart()
                p.BindFlags(initCmd.Flags())
            """
        let (status, report, stderr) = try audit([
            ("v1.0.0", Self.program(initFlags: Self.direct, serveFlags: "")),
            ("v1.1.0", Self.program(initFlags: listed, serveFlags: "", extra: Self.plugins)),
            (
                "v2.0.0",
                Self.program(
                    initFlags: constructed, serveFlags: "",
                    extra: Self.plugins + "\nfunc newChart() *chartPlugin { return &chartPlugin{} }")
            ),
        ])
        #expect(status == 1, "stderr: \(stderr)")
        #expect(Self.errors(report, "1.1.0").isEmpty)
        #expect(
            Self.errors(report, "2.0.0") == [
                "removed-without-deprecation cli:tool init --domain", "removed-without-deprecation cli:tool init --owner",
            ])
        #expect(report?["incomplete_surfaces"] as? [String] == [])
    }
}

/// A release whose command line was not read in full: its root is handed to code outside `files`
/// (`sub.AddCmds(root)`), and the next release moves those commands into the files read (review E1, kubebuilder
/// 1.0.4 → 1.0.5).
@Suite("cobra additions against a command handed to code not read")
struct CobraUnreadPredecessorTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go"]
                root: tool
        rules:
          feature-in-patch: error
        """

    static let handedRoot = """
        package main

        import (
            "github.com/spf13/cobra"

            "example.com/tool/sub"
        )

        func main() {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            serve.Flags().Int("port", 0, "port")
            root.AddCommand(serve)
            sub.AddCmds(root)
            _ = root.Execute()
        }
        """

    static let subPackage = """
        package sub

        import "github.com/spf13/cobra"

        func AddCmds(root *cobra.Command) {
            create := &cobra.Command{Use: "create"}
            create.Flags().String("name", "", "name")
            root.AddCommand(create)
            root.Flags().Bool("verbose", false, "verbose")
        }
        """

    /// Everything in the files read; `serve` gains `--host`, really new.
    static let allRead = """
        package main

        import "github.com/spf13/cobra"

        func main() {
            root := &cobra.Command{Use: "tool"}
            root.Flags().Bool("verbose", false, "verbose")
            serve := &cobra.Command{Use: "serve"}
            serve.Flags().Int("port", 0, "port")
            serve.Flags().String("host", "", "host")
            root.AddCommand(serve)
            create := &cobra.Command{Use: "create"}
            create.Flags().String("name", "", "name")
            root.AddCommand(create)
            _ = root.Execute()
        }
        """

    /// `create`, `create --name` and the root's `--verbose` may have been there at 1.0.0 (on main: three
    /// `feature-in-patch` errors); `serve --host` is new on a command read in full, and still claimed.
    @Test func additionsUnderHandedRootNotClaimed() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write("cmd/main.go", Self.handedRoot)
        try repo.write("sub/sub.go", Self.subPackage)
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("cmd/main.go", Self.allRead)
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        #expect(CobraPluginFlagsTests.errors(report, "1.0.1") == ["feature-in-patch cli:tool serve --host"])
        let notes = report?["notes"] as? [String] ?? []
        #expect(
            notes.contains {
                $0.contains("cli:tool --verbose, cli:tool create, cli:tool create --name: new in the files read")
                    && $0.contains("not claimed as additions")
            }, "notes: \(notes)")
    }
}

extension CobraUnreadPredecessorTests {
    /// `apply` hands its flag set to a library's `AddFlags` in both releases (kustomize 3.5.5's `resources apply`
    /// beside kubectl's options): a flag the files define new there is new (pflag stops a program that defines a name
    /// twice), and still claimed.
    @Test func additionBesideCallStillMadeClaimed() throws {
        func program(_ flags: String) -> String {
            """
            package main

            import (
                "github.com/spf13/cobra"

                "example.com/lib/options"
            )

            func main() {
                root := &cobra.Command{Use: "tool"}
                apply := &cobra.Command{Use: "apply"}
                options.New().AddFlags(apply.Flags())
            \(flags)
                root.AddCommand(apply)
                _ = root.Execute()
            }
            """
        }
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write("cmd/main.go", program(""))
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("cmd/main.go", program(#"    apply.Flags().Bool("status", false, "wait")"#))
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(
            CobraPluginFlagsTests.errors(jsonObject(result.stdout), "1.0.1") == [
                "feature-in-patch cli:tool apply --status"
            ])
    }
}

/// A command whose `Use` spells literal words after its name (`Use: "create api"`: users type `tool create api
/// --example`), later split into a parent `create` and a subcommand `api` with the same flags (review U1, kubebuilder
/// 1.0.8 → 2.0.0).
@Suite("cobra Use words that later become subcommands")
struct CobraUseWordsTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go"]
                root: tool
        rules:
          removed-without-deprecation: error
          feature-in-patch: error
        """

    static func program(_ body: String) -> String {
        """
        package main

        import "github.com/spf13/cobra"

        func main() {
            root := &cobra.Command{Use: "tool"}
        \(body)
            _ = root.Execute()
        }
        """
    }

    static let oneCommand = """
            create := &cobra.Command{Use: "create api [flags]"}
            create.Flags().Bool("example", false, "example")
            create.Flags().String("group", "", "group")
            root.AddCommand(create)
            get := &cobra.Command{Use: "get NAME"}
            get.Flags().Bool("all", false, "all")
            root.AddCommand(get)
            show := &cobra.Command{Use: "show name", Args: cobra.ExactArgs(1)}
            show.Flags().String("output", "", "output")
            root.AddCommand(show)
        """

    /// `create api` split into parent and subcommand in a patch: `tool create api --example` and `--group` are typed as
    /// before (on main: both "removed", and `create api` and its flags "added in a patch"). `--group` dropped from the
    /// subcommand in the next release is a removal. `get NAME`'s argument is no word: a subcommand `get name` with
    /// `--all` does not carry `tool get --all`, which is still claimed removed. Nor is `show name`'s, whose command
    /// declares that it takes an argument (`Args: cobra.ExactArgs(1)`): `tool show x --output` no longer parses, so
    /// `show --output` is claimed removed (review R91; fails on 40a6d90: nothing claimed).
    @Test func splitUseKeepsTypedLine() throws {
        let split = """
                create := &cobra.Command{Use: "create"}
                api := &cobra.Command{Use: "api"}
                api.Flags().Bool("example", false, "example")
                api.Flags().String("group", "", "group")
                create.AddCommand(api)
                root.AddCommand(create)
                get := &cobra.Command{Use: "get"}
                name := &cobra.Command{Use: "name"}
                name.Flags().Bool("all", false, "all")
                get.AddCommand(name)
                root.AddCommand(get)
                show := &cobra.Command{Use: "show"}
                shown := &cobra.Command{Use: "name"}
                shown.Flags().String("output", "", "output")
                show.AddCommand(shown)
                root.AddCommand(show)
            """
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        for (tag, body) in [
            ("v1.0.0", Self.oneCommand), ("v1.0.1", split),
            ("v1.1.0", split.replacingOccurrences(of: "api.Flags().String(\"group\", \"\", \"group\")", with: "")),
        ] {
            try repo.write("cmd/main.go", Self.program(body))
            try repo.commit(tag)
            try repo.tag(tag, annotated: true)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        #expect(
            CobraPluginFlagsTests.errors(report, "1.0.1") == [
                "breaking-without-major cli:tool get --all", "breaking-without-major cli:tool show --output",
                "feature-in-patch cli:tool get name", "feature-in-patch cli:tool get name --all",
                "feature-in-patch cli:tool show name", "feature-in-patch cli:tool show name --output",
                "removed-without-deprecation cli:tool get --all", "removed-without-deprecation cli:tool show --output",
            ])
        #expect(
            CobraPluginFlagsTests.errors(report, "1.1.0") == [
                "breaking-without-major cli:tool create api --group",
                "removed-without-deprecation cli:tool create api --group",
            ])
    }

    /// A command without `Args` whose `Run` reads its arguments takes any word there (cobra's `legacyArgs`), so the
    /// word its `Use` spells is a placeholder: `list name` (a literal reading `args[0]`), `find name` (`RunE` naming a
    /// function of the program that ranges over `args`), `take name` (`Run` from a package semgate does not read),
    /// `show name` (`cmd.Flags().Arg(0)`) and `open name` (`os.Args`) moving their flag to a subcommand `name` are
    /// removals (review R91's remainder, R101; fails before: nothing claimed for the five). So are `pre name` (its
    /// `PreRunE` reads them), `hook name` (its `PersistentPreRun` does) and `comp name` (a `ValidArgsFunction` completes
    /// them): review R101 G, unclaimed before. `make api`, whose `Run`
    /// names neither its command nor its arguments (kubebuilder 1.0.8's shape), keeps its typed line.
    @Test func runReadingArgumentsKeepsPlaceholder() throws {
        func program(_ body: String) -> String {
            """
            package main

            import (
                "fmt"
                "os"

                "example.com/other/run"
                "github.com/spf13/cobra"
            )

            func runFind(_ *cobra.Command, args []string) error {
                for _, a := range args {
                    fmt.Println(a)
                }
                return nil
            }

            func main() {
                root := &cobra.Command{Use: "tool"}
            \(body)
                _ = root.Execute()
            }
            """
        }
        let commands: [(name: String, word: String, run: String, flag: String)] = [
            ("list", "name", "Run: func(_ *cobra.Command, args []string) { fmt.Println(args[0]) }", "sort"),
            ("find", "name", "RunE: runFind", "limit"),
            ("take", "name", "Run: run.Take", "into"),
            ("show", "name", "Run: func(cmd *cobra.Command, _ []string) { fmt.Println(cmd.Flags().Arg(0)) }", "wide"),
            ("open", "name", "Run: func(*cobra.Command, []string) { fmt.Println(os.Args[2:]) }", "new"),
            (
                "pre", "name",
                "PreRunE: func(_ *cobra.Command, args []string) error { fmt.Println(args); return nil }, "
                    + "Run: func(*cobra.Command, []string) {}", "keep"
            ),
            (
                "hook", "name",
                "PersistentPreRun: func(_ *cobra.Command, args []string) { fmt.Println(args) }, "
                    + "Run: func(*cobra.Command, []string) {}", "deep"
            ),
            (
                "comp", "name",
                "ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) "
                    + "{ return nil, cobra.ShellCompDirectiveDefault }, Run: func(*cobra.Command, []string) {}", "fast"
            ),
            ("make", "api", "Run: func(cmd *cobra.Command, args []string) { fmt.Println(\"made\") }", "dry"),
        ]
        let before = commands.map { command in
            """
                \(command.name) := &cobra.Command{Use: "\(command.name) \(command.word)", \(command.run)}
                \(command.name).Flags().String("\(command.flag)", "", "x")
                root.AddCommand(\(command.name))
            """
        }.joined(separator: "\n")
        let after = commands.map { command in
            """
                \(command.name) := &cobra.Command{Use: "\(command.name)", \(command.run)}
                \(command.name)Sub := &cobra.Command{Use: "\(command.word)", Run: func(*cobra.Command, []string) {}}
                \(command.name)Sub.Flags().String("\(command.flag)", "", "x")
                \(command.name).AddCommand(\(command.name)Sub)
                root.AddCommand(\(command.name))
            """
        }.joined(separator: "\n")
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        for (tag, body) in [("v1.0.0", before), ("v2.0.0", after)] {
            try repo.write("cmd/main.go", program(body))
            try repo.commit(tag)
            try repo.tag(tag, annotated: true)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(
            CobraPluginFlagsTests.errors(jsonObject(result.stdout), "2.0.0") == [
                "removed-without-deprecation cli:tool comp --fast", "removed-without-deprecation cli:tool find --limit",
                "removed-without-deprecation cli:tool hook --deep", "removed-without-deprecation cli:tool list --sort",
                "removed-without-deprecation cli:tool open --new", "removed-without-deprecation cli:tool pre --keep",
                "removed-without-deprecation cli:tool show --wide", "removed-without-deprecation cli:tool take --into",
            ], "stdout: \(result.stdout)")
    }
}

/// A flag helper that defines a flag by the name it is given and hides it (`MarkHidden(name)`), run after an `if` that
/// returns for another mode of the program (review H1, nerdctl 2.1.3's `xmain` and `HiddenPersistentStringArrayFlag`).
@Suite("cobra flags hidden after an early return")
struct CobraHiddenAfterReturnTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
        """

    static func program(_ build: String) -> String {
        """
        package main

        import (
            "os"

            "github.com/spf13/cobra"

            "example.com/tool/cmd/helpers"
        )

        func main() {
            if err := run(); err != nil {
                os.Exit(1)
            }
        }

        func run() error {
            if len(os.Args) == 3 && os.Args[1] == "log-driver" {
                return nil
            }
            root := &cobra.Command{Use: "tool"}
        \(build)
            return root.Execute()
        }
        """
    }

    static let helpers = """
        package helpers

        import "github.com/spf13/cobra"

        func HiddenPersistentFlag(cmd *cobra.Command, name string, usage string) {
            cmd.PersistentFlags().StringSlice(name, nil, usage)
            cmd.PersistentFlags().MarkHidden(name)
        }

        func ShownThenHidden(cmd *cobra.Command) {
            cmd.Flags().String("mode", "", "mode")
            if os.Getenv("TOOL_MODE") != "" {
                return
            }
            _ = cmd.Flags().MarkHidden("mode")
        }
        """

    /// `--dns` and `--dns-search` are hidden in every run that has them (on main: shown); `--mode` is shown in the
    /// runs that return before its hiding, so it is not hidden.
    @Test func hiddenInEveryRunThatHasIt() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "cmd/main.go",
            Self.program(
                """
                    helpers.HiddenPersistentFlag(root, "dns", "DNS servers")
                    helpers.HiddenPersistentFlag(root, "dns-search", "DNS search domains")
                    helpers.ShownThenHidden(root)
                """))
        try repo.write("cmd/helpers/helpers.go", Self.helpers.replacingOccurrences(
            of: "import \"github.com/spf13/cobra\"", with: "import (\n    \"os\"\n\n    \"github.com/spf13/cobra\"\n)"))
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        let result = try runSemgate(["surface", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let items = jsonObject(result.stdout)?["items"] as? [[String: Any]] ?? []
        func hidden(_ key: String) -> String? {
            let item = items.first { $0["key"] as? String == key }
            return (item?["attributes"] as? [String: String])?["hidden"]
        }
        #expect(hidden("tool --dns") == "true")
        #expect(hidden("tool --dns-search") == "true")
        #expect(items.contains { $0["key"] as? String == "tool --mode" })
        #expect(hidden("tool --mode") == nil)
    }
}

extension CobraPluginFlagsTests {
    /// A bool first false, then given what a type assertion on a value nobody can resolve says (kubebuilder 3.0.0's
    /// `_, requiresResource = tuple.subcommand.(plugin.RequiresResource)`), guards the flags a helper binds: it may be
    /// either, so they are in the surface (on main: `--group` left out without a note).
    @Test func boolOfUnknownValueGuardsFlags() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "cmd/root.go",
            Self.program(
                initFlags: "    hooks(initCmd, resolved)", serveFlags: "",
                extra: Self.plugins + """

                    type needsResource interface{ Resource() string }

                    func bindResource(fs *pflag.FlagSet) *string {
                        group := ""
                        fs.StringVar(&group, "group", "", "resource group")
                        return &group
                    }

                    func hooks(cmd *cobra.Command, plugins []Binder) {
                        requires := false
                        for _, p := range plugins {
                            if _, requires = p.(needsResource); requires {
                                break
                            }
                        }
                        if requires {
                            bindResource(cmd.Flags())
                        }
                    }
                    """))
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        let result = try runSemgate(["surface", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let items = jsonObject(result.stdout)?["items"] as? [[String: Any]] ?? []
        #expect(items.contains { $0["key"] as? String == "tool init --group" }, "\(items.map { $0["key"] ?? "" })")
    }
}
