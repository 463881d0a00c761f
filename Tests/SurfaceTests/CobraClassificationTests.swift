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

        import (
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            run := &cobra.Command{Use: "run", Aliases: []string{"r"}}
            root.AddCommand(run)
            root.PersistentFlags().BoolP("verbose", "v", false, "verbose")
        \(body)
            return root
        }

        type keepValue struct{ n int }

        func (k *keepValue) String() string     { return "" }
        func (k *keepValue) Set(s string) error { return nil }
        func (k *keepValue) Type() string       { return "n" }

        func normalizeNames(_ *pflag.FlagSet, name string) pflag.NormalizedName {
            switch name {
            case "cert":
                name = "certificate"
            }
            return pflag.NormalizedName(name)
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

    /// A command whose literal has `fields`, with an `agent` subcommand (alias `a`) that has a flag.
    static func genieWithAgent(_ fields: String) -> String {
        """
        genie := &cobra.Command{\(fields)}
        agent := &cobra.Command{Use: "agent", Aliases: []string{"a"}}
        agent.Flags().Bool("all", false, "")
        genie.AddCommand(agent)
        root.AddCommand(genie)
        """
    }

    static let cases: [Case] = [
        Case(
            name: "removing a flag is breaking", old: #"run.Flags().Bool("x", false, "")"#, new: "", bump: .major,
            changes: ["removed tool r --x", "removed tool run --x"]),
        Case(
            name: "adding a flag is a feature", old: "", new: #"run.Flags().Bool("x", false, "")"#, bump: .minor,
            changes: ["added tool r --x", "added tool run --x"]),
        Case(
            name: "changing a flag's type is breaking", old: #"run.Flags().Bool("x", false, "")"#,
            new: #"run.Flags().String("x", "", "")"#, bump: .major,
            changes: ["changed tool r --x", "changed tool run --x"]),
        Case(
            name: "changing a flag's shorthand is breaking", old: #"run.Flags().BoolP("x", "a", false, "")"#,
            new: #"run.Flags().BoolP("x", "b", false, "")"#, bump: .major,
            changes: ["changed tool r --x", "changed tool run --x"]),
        Case(
            name: "giving a flag a shorthand is a feature", old: #"run.Flags().Bool("x", false, "")"#,
            new: #"run.Flags().BoolP("x", "x", false, "")"#, bump: .minor,
            changes: ["changed tool r --x", "changed tool run --x"]),
        Case(
            name: "dropping a flag's shorthand is breaking", old: #"run.Flags().BoolP("x", "x", false, "")"#,
            new: #"run.Flags().Bool("x", false, "")"#, bump: .major,
            changes: ["changed tool r --x", "changed tool run --x"]),
        Case(
            name: "a local flag becoming persistent on a command with subcommands is a feature",
            old: """
                run.AddCommand(&cobra.Command{Use: "sub"})
                run.Flags().Int("n", 1, "")
                """,
            new: """
                run.AddCommand(&cobra.Command{Use: "sub"})
                run.PersistentFlags().Int("n", 1, "")
                """, bump: .minor,
            changes: ["changed tool r --n", "changed tool run --n"]),
        Case(
            name: "a local flag becoming persistent on a command without subcommands breaks nothing and adds nothing",
            old: #"run.Flags().Int("n", 1, "")"#, new: #"run.PersistentFlags().Int("n", 1, "")"#, bump: .patch,
            changes: ["changed tool r --n", "changed tool run --n"]),
        Case(
            name: "a persistent flag becoming local on a command with subcommands is breaking",
            old: """
                run.AddCommand(&cobra.Command{Use: "sub"})
                run.PersistentFlags().Int("n", 1, "")
                """,
            new: """
                run.AddCommand(&cobra.Command{Use: "sub"})
                run.Flags().Int("n", 1, "")
                """, bump: .major, changes: ["changed tool r --n", "changed tool run --n"]),
        Case(
            name: "Var and VarP of the same type are the same flag", old: #"run.Flags().IntVar(&n, "n", 1, "")"#,
            new: #"run.Flags().Int("n", 1, "")"#, bump: nil, changes: []),
        Case(
            name: "hiding a flag is not breaking",
            old: #"run.Flags().Bool("x", false, "")"#,
            new: """
                run.Flags().Bool("x", false, "")
                _ = run.Flags().MarkHidden("x")
                """, bump: .patch, changes: ["changed tool r --x", "changed tool run --x"]),
        Case(
            name: "deprecating a flag is a deprecation",
            old: #"run.Flags().Bool("x", false, "")"#,
            new: """
                run.Flags().Bool("x", false, "")
                if err := run.Flags().MarkDeprecated("x", "use --y"); err != nil {
                    panic(err)
                }
                """, bump: .minor, changes: ["deprecated tool r --x", "deprecated tool run --x"]),
        Case(
            name: "removing a command is breaking", old: #"root.AddCommand(&cobra.Command{Use: "old [file]"})"#,
            new: "",
            bump: .major, changes: ["removed tool old"]),
        Case(
            name: "adding a command is a feature", old: "", new: #"run.AddCommand(&cobra.Command{Use: "sub"})"#,
            bump: .minor, changes: ["added tool r sub", "added tool run sub"]),
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
            name: "renaming a command that keeps its old name as an alias is no removal",
            old: """
                old := &cobra.Command{Use: "plugins"}
                old.Flags().Bool("all", false, "")
                root.AddCommand(old)
                """,
            new: """
                renamed := &cobra.Command{Use: "plugin", Aliases: []string{"plugins"}}
                renamed.Flags().Bool("all", false, "")
                root.AddCommand(renamed)
                """, bump: .minor,
            changes: ["added tool plugin", "added tool plugin --all", "changed tool plugins"]),
        Case(
            name: "a renamed command kept as an alias still reaches its subcommands' aliases (two aliases a path)",
            old: genieWithAgent(#"Use: "genie""#),
            new: genieWithAgent(#"Use: "wizard", Aliases: []string{"genie"}"#), bump: .minor,
            changes: [
                "added tool wizard", "added tool wizard a", "added tool wizard a --all", "added tool wizard agent",
                "added tool wizard agent --all", "changed tool genie", "changed tool genie a",
                "changed tool genie a --all",
            ]),
        Case(
            name: "a renamed command not kept as an alias removes the paths through it, its subcommands' aliases too",
            old: genieWithAgent(#"Use: "genie""#),
            new: genieWithAgent(#"Use: "wizard""#), bump: .major,
            changes: [
                "added tool wizard", "added tool wizard a", "added tool wizard a --all", "added tool wizard agent",
                "added tool wizard agent --all", "removed tool genie", "removed tool genie a",
                "removed tool genie a --all", "removed tool genie agent", "removed tool genie agent --all",
            ]),
        Case(
            name: "a command and its alias swapping names is no change users see (issue 10, AS)",
            old: """
                convert := &cobra.Command{Use: "convert", Aliases: []string{"config"}}
                convert.Flags().Bool("quiet", false, "")
                root.AddCommand(convert)
                """,
            new: """
                config := &cobra.Command{Use: "config", Aliases: []string{"convert"}}
                config.Flags().Bool("quiet", false, "")
                root.AddCommand(config)
                """, bump: .patch, changes: ["changed tool config", "changed tool convert"]),
        Case(
            name: "renaming a command again, keeping its old name and its alias as aliases, is no break",
            old: """
                del := &cobra.Command{Use: "delete", Aliases: []string{"del"}}
                del.Flags().Bool("purge", false, "")
                root.AddCommand(del)
                """,
            new: """
                del := &cobra.Command{Use: "uninstall", Aliases: []string{"delete", "del"}}
                del.Flags().Bool("purge", false, "")
                root.AddCommand(del)
                """, bump: .minor,
            changes: [
                "added tool uninstall", "added tool uninstall --purge", "changed tool del", "changed tool delete",
            ]),
        Case(
            name: "a swap that drops a flag removes it from both names",
            old: """
                convert := &cobra.Command{Use: "convert", Aliases: []string{"config"}}
                convert.Flags().Bool("quiet", false, "")
                root.AddCommand(convert)
                """,
            new: """
                root.AddCommand(&cobra.Command{Use: "config", Aliases: []string{"convert"}})
                """, bump: .major,
            changes: [
                "changed tool config", "changed tool convert", "removed tool config --quiet",
                "removed tool convert --quiet",
            ]),
        Case(
            name: "a swap that drops the old name removes it",
            old: """
                convert := &cobra.Command{Use: "convert", Aliases: []string{"config"}}
                convert.Flags().Bool("quiet", false, "")
                root.AddCommand(convert)
                """,
            new: """
                config := &cobra.Command{Use: "config"}
                config.Flags().Bool("quiet", false, "")
                root.AddCommand(config)
                """, bump: .major,
            changes: ["changed tool config", "removed tool convert", "removed tool convert --quiet"]),
        Case(
            name: "an alias moved to another command is breaking: the name runs something else",
            old: """
                root.AddCommand(&cobra.Command{Use: "create", Aliases: []string{"c"}})
                root.AddCommand(&cobra.Command{Use: "cluster"})
                """,
            new: """
                root.AddCommand(&cobra.Command{Use: "create"})
                root.AddCommand(&cobra.Command{Use: "cluster", Aliases: []string{"c"}})
                """, bump: .major, changes: ["changed tool c"]),
        Case(
            name: "an alias that becomes a command of its own beside the command it ran is breaking",
            old: #"root.AddCommand(&cobra.Command{Use: "list", Aliases: []string{"ls"}})"#,
            new: """
                root.AddCommand(&cobra.Command{Use: "list"})
                root.AddCommand(&cobra.Command{Use: "ls"})
                """, bump: .major, changes: ["changed tool ls"]),
        Case(
            name: "a flag and the spelling a normalization function maps to it swapping names is no change users see",
            old: """
                run.Flags().String("certificate", "", "")
                root.SetGlobalNormalizationFunc(normalizeNames)
                """,
            new: """
                run.Flags().String("cert", "", "")
                root.SetGlobalNormalizationFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
                    if name == "certificate" {
                        name = "cert"
                    }
                    return pflag.NormalizedName(name)
                })
                """, bump: .patch,
            changes: [
                "changed tool r --cert", "changed tool r --certificate", "changed tool run --cert",
                "changed tool run --certificate",
            ]),
        Case(
            name: "a flag and its normalized spelling swapping names keeps the flag's shorthand: no new way to type it",
            old: """
                run.Flags().StringP("output", "o", "", "")
                root.SetGlobalNormalizationFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
                    if name == "out" {
                        name = "output"
                    }
                    return pflag.NormalizedName(name)
                })
                """,
            new: """
                run.Flags().StringP("out", "o", "", "")
                root.SetGlobalNormalizationFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
                    if name == "output" {
                        name = "out"
                    }
                    return pflag.NormalizedName(name)
                })
                """, bump: .patch,
            changes: [
                "changed tool r --out", "changed tool r --output", "changed tool run --out",
                "changed tool run --output",
            ]),
        Case(
            name: "a normalized spelling that becomes a flag of its own and takes the shorthand is breaking",
            old: """
                run.Flags().StringP("output", "o", "", "")
                root.SetGlobalNormalizationFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
                    if name == "out" {
                        name = "output"
                    }
                    return pflag.NormalizedName(name)
                })
                """,
            new: """
                run.Flags().StringP("out", "o", "", "")
                run.Flags().String("output", "", "")
                """, bump: .major,
            changes: [
                "changed tool r --out", "changed tool r --output", "changed tool run --out",
                "changed tool run --output",
            ]),
        Case(
            name: "renaming a flag whose old name a normalization function maps to the new one is no removal",
            old: #"run.Flags().String("cert", "", "")"#,
            new: """
                run.Flags().String("certificate", "", "")
                root.SetGlobalNormalizationFunc(normalizeNames)
                """, bump: .minor,
            changes: [
                "added tool r --certificate", "added tool run --certificate", "changed tool r --cert",
                "changed tool run --cert",
            ]),
        Case(
            name: "no longer normalizing a flag's old name removes it",
            old: """
                run.Flags().String("certificate", "", "")
                root.SetGlobalNormalizationFunc(normalizeNames)
                """,
            new: #"run.Flags().String("certificate", "", "")"#, bump: .major,
            changes: ["removed tool r --cert", "removed tool run --cert"]),
        Case(
            name: "removing an alias removes what was typed through it",
            old: """
                run.Flags().Bool("x", false, "")
                """,
            new: """
                run.Aliases = nil
                run.Flags().Bool("x", false, "")
                """, bump: .major, changes: ["removed tool r", "removed tool r --x"]),
        Case(
            name: "a shorthand moving to another flag of the same command still works",
            old: #"run.Flags().BoolP("confirm", "y", false, "")"#,
            new: """
                run.Flags().Bool("confirm", false, "")
                run.Flags().BoolP("yes", "y", false, "")
                """, bump: .minor,
            changes: [
                "added tool r --yes", "added tool run --yes", "changed tool r --confirm",
                "changed tool run --confirm",
            ]),
        Case(
            name: "a shorthand a hidden flag keeps still works",
            old: #"run.Flags().BoolP("yes", "y", false, "")"#,
            new: """
                run.Flags().Bool("yes", false, "")
                run.Flags().BoolP("assume-yes", "y", false, "")
                _ = run.Flags().MarkHidden("assume-yes")
                """, bump: .minor,
            changes: [
                "added tool r --assume-yes", "added tool run --assume-yes",
                "changed tool r --yes", "changed tool run --yes",
            ]),
        Case(
            name: "a flag that the parent now declares persistent can still be typed",
            old: #"run.Flags().String("ns", "", "")"#,
            new: #"root.PersistentFlags().String("ns", "", "")"#, bump: .minor,
            changes: ["added tool --ns", "changed tool r --ns", "changed tool run --ns"]),
        Case(
            name: "a command's own flag shadowing a persistent flag above, alike, is no new flag: it was typed before",
            old: #"root.PersistentFlags().String("ns", "", "")"#,
            new: """
                root.PersistentFlags().String("ns", "", "")
                run.Flags().String("ns", "", "")
                """, bump: .patch, changes: ["changed tool r --ns", "changed tool run --ns"]),
        Case(
            name: "a command's own flag shadowing a persistent flag above with another type is breaking",
            old: #"root.PersistentFlags().String("ns", "", "")"#,
            new: """
                root.PersistentFlags().String("ns", "", "")
                run.Flags().Int("ns", 0, "")
                """, bump: .major, changes: ["changed tool r --ns", "changed tool run --ns"]),
        Case(
            name: "a command's own flag shadowing a persistent flag above drops that flag's shorthand there: breaking",
            old: #"root.PersistentFlags().StringP("ns", "n", "", "")"#,
            new: """
                root.PersistentFlags().StringP("ns", "n", "", "")
                run.Flags().String("ns", "", "")
                """, bump: .major, changes: ["changed tool r --ns", "changed tool run --ns"]),
        Case(
            name: "a persistent flag moved down to the one subcommand: the subcommand's flag is not new, the root's went",
            old: #"root.PersistentFlags().String("ns", "", "")"#,
            new: #"run.PersistentFlags().String("ns", "", "")"#, bump: .major,
            changes: ["removed tool --ns"]),
        Case(
            name: "a new command's flag named as a persistent flag above is new with the command",
            old: "",
            new: """
                ls := &cobra.Command{Use: "ls"}
                root.AddCommand(ls)
                ls.Flags().Bool("verbose", false, "")
                """, bump: .minor, changes: ["added tool ls", "added tool ls --verbose"]),
        Case(
            name: "a bool flag becoming a string flag whose bare form still works is compatible",
            old: #"run.Flags().Bool("color", false, "")"#,
            new: """
                run.Flags().String("color", "auto", "")
                run.Flags().Lookup("color").NoOptDefVal = "always"
                """, bump: .minor, changes: ["changed tool r --color", "changed tool run --color"]),
        Case(
            name: "a bare form set through the command's Flag lookup counts too",
            old: #"run.Flags().Bool("color", false, "")"#,
            new: """
                run.Flags().String("color", "auto", "")
                run.Flag("color").NoOptDefVal = "always"
                """, bump: .minor, changes: ["changed tool r --color", "changed tool run --color"]),
        Case(
            name: "a bool flag becoming a value of unread type whose bare form means true, as a bool's did, is no change",
            old: #"run.Flags().Bool("zip", false, "")"#,
            new: """
                run.Flags().Var(tableValue(), "zip", "")
                run.Flag("zip").NoOptDefVal = "true"
                """, bump: .patch, changes: ["changed tool r --zip", "changed tool run --zip"]),
        Case(
            name: "a bool flag becoming a number flag is breaking even with a bare form: --redact=true no longer parses",
            old: #"run.PersistentFlags().Bool("redact", false, "")"#,
            new: """
                run.PersistentFlags().Uint("redact", 0, "")
                run.Flag("redact").NoOptDefVal = "100"
                """, bump: .major, changes: ["changed tool r --redact", "changed tool run --redact"]),
        Case(
            name: "a bool flag becoming a string flag without a bare form is breaking",
            old: #"run.Flags().Bool("color", false, "")"#,
            new: #"run.Flags().String("color", "auto", "")"#, bump: .major,
            changes: ["changed tool r --color", "changed tool run --color"]),
        Case(
            name: "an int flag becoming a custom value of a type of its own is a feature (what it accepts is unknown)",
            old: #"run.Flags().Int("keep", 0, "")"#, new: #"run.Flags().Var(&keepValue{}, "keep", "")"#,
            bump: .minor, changes: ["changed tool r --keep", "changed tool run --keep"]),
        Case(
            name:
                "a custom value of a type of its own becoming a string flag is a feature (what it accepted is unknown)",
            old: #"run.Flags().Var(&keepValue{}, "keep", "")"#, new: #"run.Flags().String("keep", "", "")"#,
            bump: .minor, changes: ["changed tool r --keep", "changed tool run --keep"]),
        Case(
            name: "a string flag becoming a custom value claims nothing: a string took every value, Set keeps or narrows",
            old: #"run.Flags().String("keep", "", "")"#, new: #"run.Flags().Var(&keepValue{}, "keep", "")"#,
            bump: .patch, changes: ["changed tool r --keep", "changed tool run --keep"]),
        Case(
            name: "a single-value flag becoming repeatable is at most a feature",
            old: #"run.Flags().String("label", "", "")"#,
            new: #"run.Flags().StringArray("label", nil, "")"#, bump: .minor,
            changes: ["changed tool r --label", "changed tool run --label"]),
        Case(
            name: "a comma-splitting list becoming one that keeps commas is breaking: --label a,b changes meaning",
            old: #"run.Flags().StringSlice("label", nil, "")"#,
            new: #"run.Flags().StringArray("label", nil, "")"#, bump: .major,
            changes: ["changed tool r --label", "changed tool run --label"]),
        Case(
            name: "a list that keeps commas becoming one that splits them is breaking too",
            old: #"run.Flags().StringArray("label", nil, "")"#,
            new: #"run.Flags().StringSlice("label", nil, "")"#, bump: .major,
            changes: ["changed tool r --label", "changed tool run --label"]),
        Case(
            name: "a persistent flag becoming local on a command without subcommands breaks nothing",
            old: #"run.PersistentFlags().Int("n", 1, "")"#,
            new: #"run.Flags().Int("n", 1, "")"#, bump: .patch,
            changes: ["changed tool r --n", "changed tool run --n"]),
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

    /// cobra 1.1.3: the default `help` command and no default `completion` (the same on both sides of every case).
    private static let goMod = "module example.com/tool\n\nrequire github.com/spf13/cobra v1.1.3\n"

    /// Every case's old and new program, as two commits on branch `case<index>`, imported once.
    private static let histories = SharedRepository {
        let repo = try FixtureRepository()
        try repo.importCommits(
            cases.indices.flatMap { index in
                [cases[index].old, cases[index].new].map { body in
                    FixtureRepository.Snapshot(
                        branch: "case\(index)", files: ["go.mod": Self.goMod, "cmd/root.go": program(body)])
                }
            })
        return repo
    }

    @Test("a flag that may now come from a call the files do not define is no removal; one that cannot, or that was deprecated, is")
    func unreadFlags() throws {
        let repo = try FixtureRepository()
        let old = [
            #"run.Flags().String("context", "", "")"#, #"run.Flags().String("mode", "", "")"#,
            #"root.Flags().String("gone", "", "")"#, #"run.Flags().String("kube-config", "", "")"#,
            #"run.Flags().MarkDeprecated("kube-config", "use --kubeconfig")"#,
        ].joined(separator: "\n")
        // The library's AddFlags may define --context on run's flags; nothing can define it on the root's. The flag
        // the code deprecated went as announced.
        let new = #"kubeflags.AddFlags(run.Flags())"# + "\n" + #"root.Flags().String("root-only", "", "")"#
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(old)], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(new)], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(after.items["cli:tool run"]?.attributes["unread-flags"] == "local")
        #expect(after.items["cli:tool r"]?.attributes["unread-flags"] == "local")
        #expect(after.notes.contains { $0.contains("kubeflags.AddFlags is not defined in the files read") })
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        let described = changes.map { "\($0.kind.rawValue) \($0.key) \($0.changedAttributes) \($0.bump)" }.sorted()
        #expect(
            described == [
                "added tool --root-only [] minor",
                "changed tool r --context [\"provided-by\"] patch", "changed tool r --mode [\"provided-by\"] patch",
                "changed tool r [\"unread-flags\"] patch", "changed tool run --context [\"provided-by\"] patch",
                "changed tool run --mode [\"provided-by\"] patch", "changed tool run [\"unread-flags\"] patch",
                "removed tool --gone [] major", "removed tool r --kube-config [] major",
                "removed tool run --kube-config [] major",
            ])
    }

    @Test("AddFlag: a flag of another set read joins the set; one that cannot be followed is noted, and opens nothing")
    func addFlag() throws {
        let repo = try FixtureRepository()
        let old = [
            #"run.Flags().String("dir", "", "")"#, #"run.Flags().String("mode", "", "")"#,
            #"root.Flags().String("gone", "", "")"#, #"root.Flags().String("y", "", "")"#,
        ].joined(separator: "\n")
        // --mode moves to a set of its own and is added by name; --dir goes, while a flag from a table read by
        // reflection (a function the files do not define) is added: one AddFlag cannot stand in for every flag the
        // command lost, so --dir's removal is claimed. run and the root add each other's flags (no cycle cuts one).
        let new = """
            shared := pflag.NewFlagSet("shared", pflag.ContinueOnError)
            shared.String("mode", "", "")
            run.Flags().AddFlag(shared.Lookup("mode"))
            root.Flags().AddFlag(shared.Lookup("mode"))
            for _, f := range registry.Flags("run") {
                run.Flags().AddFlag(f)
            }
            for _, alias := range aliases {
                root.PersistentFlags().AddFlag(shared.Lookup(alias))
            }
            root.Flags().String("y", "", "")
            run.Flags().String("x", "", "")
            run.Flags().AddFlag(root.Flags().Lookup("y"))
            root.Flags().AddFlag(run.Flags().Lookup("x"))
            """
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(old)], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(new)], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(after.items["cli:tool run --mode"]?.attributes["type"] == "string")
        #expect(after.items["cli:tool run --y"] != nil && after.items["cli:tool --x"] != nil)
        #expect(after.items["cli:tool run"]?.attributes["unread-flags"] == nil)
        #expect(after.items["cli:tool"]?.attributes["unread-flags"] == nil)
        #expect(after.notes.contains { $0.contains("AddFlag argument cannot be followed") })
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy))
        let described = changes.filter { $0.key.hasPrefix("tool run") || !$0.key.hasPrefix("tool r") }
            .map { "\($0.kind.rawValue) \($0.key) \($0.changedAttributes) \($0.bump)" }.sorted()
        #expect(
            described == [
                "added tool --mode [] minor", "added tool --x [] minor", "added tool run --x [] minor",
                "added tool run --y [] minor", "removed tool --gone [] major", "removed tool run --dir [] major",
            ])
    }

    @Test("a list of commands with an element the files do not build: the missing command is named in a note")
    func listElementNotFollowed() throws {
        let repo = try FixtureRepository()
        let body = """
            extra := []*cobra.Command{
                &cobra.Command{Use: "known"},
                plugins.NewScaffold(),
            }
            for i := range extra {
                root.AddCommand(extra[i])
            }
            """
        try repo.importCommits([
            FixtureRepository.Snapshot(files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(body)], tags: ["v1.0.0"])
        ])
        let snapshot = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        #expect(snapshot.items["cli:tool known"] != nil)
        #expect(
            snapshot.notes.contains {
                $0.contains("plugins.NewScaffold(...) in a list of commands cannot be followed")
            }, "\(snapshot.notes)")
        #expect(snapshot.notes.count == 1, "\(snapshot.notes)")
    }

    @Test("an open persistent set above a command does not hide the removal of the command's own flag")
    func unreadFlagsAbove() throws {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": Self.program(#"run.Flags().String("mode", "", "")"#)],
                tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod, "cmd/root.go": Self.program("kubeflags.AddFlags(root.PersistentFlags())"),
                ],
                tags: ["v1.1.0"]),
        ])
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(after.items["cli:tool"]?.attributes["unread-flags"] == "persistent")
        let changes = SurfaceDiff.changes(
            from: try surface(of: repo, at: "v1.0.0", policy: Self.policy), to: after,
            policy: try loadPolicy(Self.policy))
        #expect(changes.filter { $0.kind == .removed }.map(\.key).sorted() == ["tool r --mode", "tool run --mode"])
    }

    /// A program whose root's flags come from `addFlags`, defined once in `flags_linux.go` with `linux` and once in
    /// `flags_windows.go` with `windows` (flag definitions, one a line).
    private static func perBuild(linux: String, windows: String, extra: [String: String] = [:]) -> [String: String] {
        func file(_ body: String) -> String {
            """
            package cmd

            import "github.com/spf13/cobra"

            func addFlags(root *cobra.Command) {
            \(body)
            }
            """
        }
        let root = """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                addFlags(root)
                return root
            }
            """
        return ["go.mod": goMod, "cmd/root.go": root, "cmd/flags_linux.go": file(linux), "cmd/flags_windows.go": file(windows)]
            .merging(extra) { $1 }
    }

    @Test("a flag the Linux build drops while the Windows build keeps it is a breaking change of its builds")
    func oneBuildDropsAFlag() throws {
        let both = #"root.Flags().Bool("quiet", false, "")"# + "\n" + #"root.Flags().String("cgroup", "", "")"#
        let quiet = #"root.Flags().Bool("quiet", false, "")"#
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: Self.perBuild(linux: both, windows: both), tags: ["v1.0.0"]),
            // Linux drops --cgroup; Windows keeps it.
            FixtureRepository.Snapshot(files: Self.perBuild(linux: quiet, windows: both), tags: ["v1.0.1"]),
            // Linux has it again: every build does.
            FixtureRepository.Snapshot(files: Self.perBuild(linux: both, windows: both), tags: ["v1.0.2"]),
            // Windows drops it, then darwin gets it as well: more builds than before is a feature.
            FixtureRepository.Snapshot(files: Self.perBuild(linux: both, windows: quiet), tags: ["v1.0.3"]),
            FixtureRepository.Snapshot(
                files: Self.perBuild(
                    linux: both, windows: quiet,
                    extra: [
                        "cmd/flags_darwin.go": "package cmd\n\nimport \"github.com/spf13/cobra\"\n\n"
                            + "func addFlags(root *cobra.Command) {\n" + both + "\n}\n"
                    ]),
                tags: ["v1.0.4"]),
        ])
        let policy = try loadPolicy(Self.policy)
        var surfaces: [SurfaceSnapshot] = []
        for tag in ["v1.0.0", "v1.0.1", "v1.0.2", "v1.0.3", "v1.0.4"] {
            let found = try surface(of: repo, at: tag, policy: Self.policy)
            #expect(found.notes.isEmpty, "\(found.notes)")
            surfaces.append(found)
        }
        #expect(surfaces[0].items["cli:tool --cgroup"]?.attributes["build"] == nil)
        #expect(surfaces[1].items["cli:tool --cgroup"]?.attributes["build"] == "windows")
        #expect(surfaces[3].items["cli:tool --cgroup"]?.attributes["build"] == "linux")
        #expect(surfaces[4].items["cli:tool --cgroup"]?.attributes["build"] == "darwin || linux")
        func described(_ from: Int) -> [String] {
            SurfaceDiff.changes(from: surfaces[from], to: surfaces[from + 1], policy: policy).map {
                "\($0.kind.rawValue) \($0.key) \($0.changedAttributes) \($0.bump)"
            }
        }
        // Gone for Linux users: a removal for them, not hidden by the Windows definition.
        #expect(described(0) == ["changed tool --cgroup [\"build\"] major"])
        #expect(described(1) == ["changed tool --cgroup [\"build\"] minor"])
        #expect(described(2) == ["changed tool --cgroup [\"build\"] major"])
        #expect(described(3) == ["changed tool --cgroup [\"build\"] minor"])
    }

    @Test("a build condition that drops one of its conditions widens the builds; one that adds a condition narrows")
    func buildConditionDropsAConjunct() throws {
        let files = Self.constrainedTop
        let constraints = [
            "//go:build !plan9 && !solaris",
            // js builds lose it, but the release before never named js: a port it never built for (J1)
            "//go:build !js && !plan9 && !solaris",
            "//go:build !js && !plan9",  // solaris builds get it
            "//go:build (!js && !plan9) || windows",  // an alternative more, but windows builds had it: the same builds
            "//go:build !aix && !js && !plan9",  // aix builds lose it, and so do windows js builds
        ]
        let repo = try FixtureRepository()
        try repo.importCommits(
            constraints.indices.map { FixtureRepository.Snapshot(files: files(constraints[$0]), tags: ["v1.\($0).0"]) })
        let policy = try loadPolicy(Self.policy)
        let surfaces = try constraints.indices.map { try surface(of: repo, at: "v1.\($0).0", policy: Self.policy) }
        #expect(surfaces[2].items["cli:tool top"]?.attributes["build"] == "!js && !plan9")
        let described = (0..<(constraints.count - 1)).map { index in
            SurfaceDiff.changes(from: surfaces[index], to: surfaces[index + 1], policy: policy).map {
                "\($0.kind.rawValue) \($0.key) \($0.changedAttributes) \($0.bump)"
            }
        }
        #expect(
            described == [
                ["changed tool top [\"build\"] patch"], ["changed tool top [\"build\"] minor"],
                ["changed tool top [\"build\"] patch"], ["changed tool top [\"build\"] major"],
            ])
    }

    /// A program whose `tool top` is attached in `init` by a file that builds only where `constraint` holds.
    private static func constrainedTop(_ constraint: String) -> [String: String] {
        let top = """
            \(constraint)

            package cmd

            import "github.com/spf13/cobra"

            func init() { Root.AddCommand(&cobra.Command{Use: "top"}) }
            """
        let root = """
            package cmd

            import "github.com/spf13/cobra"

            var Root = &cobra.Command{Use: "tool"}
            """
        return ["go.mod": goMod, "cmd/root.go": root, "cmd/top.go": top]
    }

    /// rclone 1.55.1's `selfupdate`: its file gains `// +build !noselfupdate`, an opt-out tag; default builds keep it.
    @Test("a build condition only -tags builds tell apart: no change for default builds, and a note names the tag")
    func optOutTag() throws {
        let constraints = ["", "// +build !noselfupdate", "//go:build !noselfupdate && !plan9", "//go:build selfupdate"]
        let repo = try FixtureRepository()
        try repo.importCommits(
            constraints.indices.map {
                FixtureRepository.Snapshot(files: Self.constrainedTop(constraints[$0]), tags: ["v1.\($0).0"])
            })
        let policy = try loadPolicy(Self.policy)
        let surfaces = try constraints.indices.map { try surface(of: repo, at: "v1.\($0).0", policy: Self.policy) }
        #expect(surfaces[1].items["cli:tool top"]?.attributes["build"] == "!noselfupdate")
        let changes = (0..<(constraints.count - 1)).map { index in
            SurfaceDiff.changes(from: surfaces[index], to: surfaces[index + 1], policy: policy)
        }
        #expect(
            changes.map { $0.map { "\($0.kind.rawValue) \($0.key) \($0.changedAttributes) \($0.bump)" } } == [
                ["changed tool top [\"build\"] patch"], ["changed tool top [\"build\"] major"],
                ["changed tool top [\"build\"] major"],
            ])
        let notes = SurfaceDiff.changeNotes(changes[0], policy: policy)
        #expect(notes.contains { $0.hasPrefix("cli:tool top: it differs only in builds made with `go build -tags`") && $0.contains("`noselfupdate`") }, "\(notes)")
    }

    @Test("a // +build line of alternatives with commas keeps every alternative; a Go release tag in each is no change")
    func plusBuildAlternatives() throws {
        let constraints = [
            "// +build linux darwin freebsd",
            "// +build linux,go1.11 darwin,go1.11 freebsd,go1.11",  // every Go release since 1.11: the same builds
            "//go:build (linux && go1.11) || (darwin && go1.11) || (freebsd && go1.11)",  // go fix's rewrite
            "//go:build linux && cgo || darwin",  // && binds tighter: darwin keeps it, without cgo too
        ]
        let repo = try FixtureRepository()
        try repo.importCommits(
            constraints.indices.map {
                FixtureRepository.Snapshot(files: Self.constrainedTop(constraints[$0]), tags: ["v1.\($0).0"])
            })
        let policy = try loadPolicy(Self.policy)
        let surfaces = try constraints.indices.map { try surface(of: repo, at: "v1.\($0).0", policy: Self.policy) }
        let builds = surfaces.map { $0.items["cli:tool top"]?.attributes["build"] }
        #expect(builds[0] == builds[1] && builds[1] == builds[2])
        #expect(builds[0] == "darwin || freebsd || linux")
        #expect(builds[3] == "darwin || (linux && cgo)")
        #expect(SurfaceDiff.changes(from: surfaces[0], to: surfaces[2], policy: policy).isEmpty)
    }

    @Test("a tagged file that becomes one of two per-build definitions changes nothing")
    func taggedFileBecomesPerBuild() throws {
        let root = """
            package cmd

            import "github.com/spf13/cobra"

            var rootCmd = &cobra.Command{Use: "tool"}

            func NewRoot() *cobra.Command {
                register(rootCmd)
                return rootCmd
            }

            func register(root *cobra.Command) {}
            """
        let tagged = """
            //go:build debug

            package cmd

            import "github.com/spf13/cobra"

            func init() {
                d := &cobra.Command{Use: "debug"}
                d.Flags().Bool("raw", false, "")
                rootCmd.AddCommand(d)
            }
            """
        let registered = """
            //go:build debug

            package cmd

            import "github.com/spf13/cobra"

            func registerDebug(root *cobra.Command) {
                d := &cobra.Command{Use: "debug"}
                d.Flags().Bool("raw", false, "")
                root.AddCommand(d)
            }
            """
        let disabled = """
            //go:build !debug

            package cmd

            import "github.com/spf13/cobra"

            func registerDebug(root *cobra.Command) {}
            """
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: ["go.mod": Self.goMod, "cmd/root.go": root, "cmd/debug.go": tagged], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: [
                    "go.mod": Self.goMod, "cmd/debug.go": registered, "cmd/debug_disabled.go": disabled,
                    "cmd/root.go": root.replacingOccurrences(of: "register(rootCmd)", with: "registerDebug(rootCmd)"),
                ], tags: ["v1.1.0"]),
        ])
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let after = try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        #expect(before.notes.isEmpty && after.notes.isEmpty, "\(before.notes) \(after.notes)")
        #expect(before.items["cli:tool debug --raw"]?.attributes["build"] == "debug")
        #expect(after.items["cli:tool debug --raw"]?.attributes["build"] == "debug")
        #expect(SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.policy)).isEmpty)
    }

    @Test("each change and its bump", arguments: cases)
    func classification(_ testCase: Case) throws {
        let repo = try Self.histories.repository
        let branch = "case\(try #require(Self.cases.firstIndex { $0.name == testCase.name }))"
        let policy = try loadPolicy(Self.policy)
        let before = try surface(of: repo, at: branch + "~1", policy: Self.policy)
        let after = try surface(of: repo, at: branch, policy: Self.policy)
        #expect(before.notes.isEmpty && after.notes.isEmpty, "\(before.notes) \(after.notes)")
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(changes.map { "\($0.kind.rawValue) \($0.key)" }.sorted() == testCase.changes)
        #expect(changes.map(\.bump).max() == testCase.bump)
    }
}
