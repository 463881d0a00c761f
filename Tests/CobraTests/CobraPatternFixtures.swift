/// Go programs that build cobra command lines in the ways large command lines do, one pattern each.
enum CobraPatternFixtures {
    /// A command reached through its parent's alias, with an aliased subcommand and a flag under both.
    static let aliasPaths: [String: String] = [
        "cmd/root.go": """
        package cmd

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            plugin := &cobra.Command{Use: "plugin", Aliases: []string{"plugins"}}
            add := &cobra.Command{Use: "add <name>", Aliases: []string{"install"}}
            add.Flags().BoolP("force", "f", false, "replace an existing plugin")
            plugin.AddCommand(add)
            root.AddCommand(plugin)
            return root
        }
        """
    ]

    /// Flag values of types of the program: `Type()` in the same file, in another package of the module behind a
    /// constructor and a constant, and one whose `Type()` cannot be read.
    static let customTypes: [String: String] = [
        "cmd/root.go": """
        package cmd

        import (
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"

            "example.com/tool/internal/flagkinds"
        )

        type colorMode struct{ value string }

        func (c *colorMode) String() string     { return c.value }
        func (c *colorMode) Set(v string) error { c.value = v; return nil }
        func (c *colorMode) Type() string       { return "string" }

        type opaque struct{ kind string }

        func (o *opaque) String() string     { return "" }
        func (o *opaque) Set(v string) error { return nil }
        func (o *opaque) Type() string       { return o.kind }

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            root.Flags().Var(&colorMode{value: "auto"}, "color", "when to color output")
            root.Flags().VarP(flagkinds.NewLevel("info"), "level", "l", "log level")
            var mode pflag.Value = &opaque{}
            root.Flags().Var(mode, "mode", "a mode")
            return root
        }
        """,
        "internal/flagkinds/level.go": """
        package flagkinds

        const levelTypeName = "level"

        // Level is a log level flag value.
        type Level struct{ name string }

        // NewLevel returns a level set to name.
        func NewLevel(name string) *Level { return &Level{name: name} }

        func (l *Level) String() string     { return l.name }
        func (l *Level) Set(v string) error { l.name = v; return nil }
        func (l Level) Type() string        { return levelTypeName }
        """,
    ]

    /// Commands built in an immediately-called function literal, returned by a helper of another package, attached by
    /// a group adder that loops over lists, and named by `fmt.Sprintf`; a larger parentless tree beside the root.
    /// One constructor per command, called with the name it has under each parent (`tool job list` and
    /// `tool list jobs`), and one called with the same name twice.
    static let constructorCalledWithEachName: [String: String] = [
        "cmd/root.go": """
        package cmd

        import (
            "github.com/spf13/cobra"
            "example.com/tool/cmd/job"
            "example.com/tool/cmd/task"
        )

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            list := &cobra.Command{Use: "list"}
            list.AddCommand(job.NewList("jobs"), task.NewList("tasks"))
            remove := &cobra.Command{Use: "remove"}
            remove.AddCommand(job.NewRemove("job"))
            root.AddCommand(job.NewCommand(), list, remove)
            return root
        }
        """,
        "cmd/job/job.go": """
        package job

        import "github.com/spf13/cobra"

        func NewCommand() *cobra.Command {
            c := &cobra.Command{Use: "job"}
            c.AddCommand(NewList("list"), NewRemove("remove"))
            return c
        }

        func NewList(use string) *cobra.Command {
            c := &cobra.Command{Use: use}
            c.Flags().StringP("output", "o", "", "output format")
            return c
        }

        func NewRemove(use string) *cobra.Command {
            c := &cobra.Command{Use: use + " NAME"}
            c.Flags().Bool("all", false, "remove all")
            return c
        }
        """,
        "cmd/task/task.go": """
        package task

        import (
            "github.com/spf13/cobra"
            "example.com/tool/cmd/job"
        )

        // The task list shares the job list's command.
        func NewList(use string) *cobra.Command { return job.NewList(use) }
        """,
    ]

    static let builtWhereTheCodeBuildsThem: [String: String] = [
        "cmd/tool/main.go": """
        package main

        import (
            "fmt"

            "github.com/spf13/cobra"

            "example.com/tool/pkg/cmd/version"
            "example.com/tool/pkg/groups"
        )

        const listVerb = "list"

        func newRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            root.AddCommand(func() *cobra.Command {
                status := &cobra.Command{Use: "status"}
                status.Flags().Bool("short", false, "short output")
                return status
            }())
            root.AddCommand(version.NewCommand())
            all := groups.Groups{
                {Title: "Basic", Commands: []*cobra.Command{newGet(), newSet()}},
                {Title: "Other", Commands: []*cobra.Command{newList()}},
            }
            all.AddTo(root)
            return root
        }

        func newGet() *cobra.Command {
            get := &cobra.Command{Use: fmt.Sprintf("get %s", "NAME")}
            addCommonFlags(get, true)
            addFilterFlag(get, new(string))
            return get
        }

        func newSet() *cobra.Command {
            set := &cobra.Command{Use: "set NAME VALUE"}
            addCommonFlags(set, false)
            addFilterFlag(set, nil)
            return set
        }

        func newList() *cobra.Command {
            return &cobra.Command{Use: fmt.Sprintf("%s [flags]", listVerb)}
        }

        func addCommonFlags(cmd *cobra.Command, withOutput bool) {
            cmd.Flags().Bool("quiet", false, "print less")
            if withOutput {
                cmd.Flags().String("output", "", "output format")
            }
        }

        func addFilterFlag(cmd *cobra.Command, filter *string) {
            if filter != nil {
                cmd.Flags().StringVar(filter, "filter", "", "filter")
            }
        }

        // A documentation generator with more commands than the program itself; it is no part of the command line.
        func newDocs() *cobra.Command {
            docs := &cobra.Command{Use: "gen-docs"}
            for _, name := range []string{"man", "markdown", "yaml", "rest"} {
                docs.AddCommand(&cobra.Command{Use: name})
            }
            docs.AddCommand(&cobra.Command{Use: "html"}, &cobra.Command{Use: "json"})
            return docs
        }
        """,
        "pkg/cmd/version/version.go": """
        package version

        import "github.com/spf13/cobra"

        // NewCommand returns the version command.
        func NewCommand() *cobra.Command {
            cmd := &cobra.Command{Use: "version"}
            cmd.Flags().Bool("json", false, "print as JSON")
            return cmd
        }
        """,
        "pkg/groups/groups.go": """
        package groups

        import "github.com/spf13/cobra"

        // Group is a titled list of commands.
        type Group struct {
            Title    string
            Commands []*cobra.Command
        }

        // Groups is a list of groups.
        type Groups []Group

        // AddTo adds every command of every group to parent.
        func (gs Groups) AddTo(parent *cobra.Command) {
            for _, g := range gs {
                parent.AddCommand(g.Commands...)
            }
        }
        """,
    ]
}
