/// Go programs that build cobra command lines, one style each, as real projects spell them.
enum CobraFixtures {
    /// P-variants on a `flags` variable; persistent flags on the root; aliases; a `Use` with arguments.
    static let flagsVariable: [String: String] = [
        "cmd/root.go": """
        package cmd

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool", Short: "a tool"}
            flags := root.PersistentFlags()
            flags.StringP("config", "c", "", "config file")
            flags.BoolP("verbose", "v", false, "verbose output")
            root.AddCommand(newServe())
            return root
        }

        func newServe() *cobra.Command {
            cmd := &cobra.Command{
                Use:     "serve [flags] [dir]",
                Aliases: []string{"s", "up"},
                RunE: func(cmd *cobra.Command, args []string) error {
                    port, _ := cmd.Flags().GetInt("port")
                    _ = port
                    return nil
                },
            }
            flags := cmd.Flags()
            flags.IntP("port", "p", 8080, "port")
            flags.Duration("timeout", 0, "timeout")
            flags.StringSliceP("header", "H", nil, "headers")
            return cmd
        }
        """
    ]

    /// `cmd.Flags().XVar(&x, ...)` on a command kept in a struct field, calls over several lines, a constant name,
    /// a hidden command, a `Lookup(...).Hidden = true`.
    static let structFieldVars: [String: String] = [
        "internal/cli/root.go": """
        package cli

        import (
            "github.com/spf13/cobra"
        )

        const serveCommandName string = "serve"

        type app struct {
            root *cobra.Command
        }

        type serveOptions struct {
            port int
            host string
            cmd  *cobra.Command
        }

        func newApp() *app {
            a := &app{root: &cobra.Command{Use: "srv"}}
            a.root.AddCommand(newServeOptions().command())
            return a
        }

        func newServeOptions() *serveOptions {
            o := &serveOptions{}
            o.cmd = &cobra.Command{
                Use:    serveCommandName + " [dir]",
                Hidden: true,
            }
            o.cmd.Flags().IntVarP(
                &o.port,
                "port",
                "p",
                8080,
                "port to listen on",
            )
            o.cmd.Flags().StringVar(&o.host, "host",
                "", "host to bind")
            o.cmd.Flags().Bool("debug", false, "debug")
            o.cmd.Flags().Lookup("debug").Hidden = true
            return o
        }

        func (o *serveOptions) command() *cobra.Command {
            return o.cmd
        }
        """
    ]

    /// Flag sets built in helper functions and attached with `AddFlagSet`, shared by two commands; deprecated and
    /// hidden flags; persistent flags of a subcommand.
    static let helperFlagSets: [String: String] = [
        "cmd/flags.go": """
        package cmd

        import "github.com/spf13/pflag"

        func commonFlags() *pflag.FlagSet {
            fs := pflag.NewFlagSet("", pflag.ContinueOnError)
            fs.SortFlags = false
            fs.StringArrayP("env", "e", nil, "environment")
            fs.Bool("no-summary", false, "no summary")
            if err := fs.MarkDeprecated("no-summary", "use --summary-mode=disabled"); err != nil {
                panic(err)
            }
            fs.Bool("secret", false, "")
            _ = fs.MarkHidden("secret")
            return fs
        }

        func runFlags() *pflag.FlagSet {
            flags := pflag.NewFlagSet("", 0)
            flags.AddFlagSet(commonFlags())
            flags.Int64P("vus", "u", 1, "virtual users")
            return flags
        }
        """,
        "cmd/commands.go": """
        package cmd

        import "github.com/spf13/cobra"

        var rootCmd = &cobra.Command{Use: "load"}

        var runCmd = &cobra.Command{Use: "run"}

        var cloudCmd = &cobra.Command{Use: "cloud"}

        func init() {
            rootCmd.AddCommand(runCmd, cloudCmd)
            runCmd.Flags().AddFlagSet(runFlags())
            cloudCmd.Flags().AddFlagSet(commonFlags())
            cloudCmd.PersistentFlags().String("token", "", "API token")
        }
        """,
    ]

    /// A tree assembled in root.go through a slice of functions that return commands, in several files, with a
    /// deprecated command whose subcommand and flags inherit the deprecation, and a method-built flag set.
    static let assembledTree: [String: String] = [
        "internal/cmd/root.go": """
        package cmd

        import (
            "github.com/spf13/cobra"
            "example.com/tool/cmd/state"
        )

        func newRootCommand(gs *state.GlobalState) *cobra.Command {
            rootCmd := &cobra.Command{
                Use:           gs.BinaryName,
                SilenceUsage:  true,
            }
            subCommands := []func(*state.GlobalState) *cobra.Command{
                getCmdRun, getCmdLogin,
            }
            for _, sc := range subCommands {
                cmd := sc(gs)
                rootCmd.AddCommand(cmd)
            }
            return rootCmd
        }
        """,
        "internal/cmd/run.go": """
        package cmd

        import (
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
            "example.com/tool/cmd/state"
        )

        type cmdRun struct {
            gs     *state.GlobalState
            linger bool
        }

        func (c *cmdRun) flagSet() *pflag.FlagSet {
            flags := pflag.NewFlagSet("", pflag.ContinueOnError)
            flags.BoolVarP(&c.linger, "linger", "l", false, "linger")
            return flags
        }

        func getCmdRun(gs *state.GlobalState) *cobra.Command {
            c := &cmdRun{gs: gs}
            runCmd := &cobra.Command{Use: "run"}
            runCmd.Flags().AddFlagSet(c.flagSet())
            return runCmd
        }
        """,
        "internal/cmd/login.go": """
        package cmd

        import (
            "github.com/spf13/cobra"
            "example.com/tool/cmd/state"
        )

        func getCmdLogin(gs *state.GlobalState) *cobra.Command {
            loginCmd := &cobra.Command{
                Use:        "login",
                Deprecated: `and will be removed; use "cloud login"`,
            }
            loginCmd.AddCommand(getCmdLoginCloud(gs))
            return loginCmd
        }

        func getCmdLoginCloud(gs *state.GlobalState) *cobra.Command {
            cmd := &cobra.Command{Use: "cloud"}
            cmd.Flags().StringP("token", "t", "", "token")
            return cmd
        }
        """,
    ]

    /// Constructs a reading of the source cannot follow: a computed flag name, a computed `Use`, commands and flags
    /// from another package, a file that does not parse, and a command never added to the tree.
    static let unresolvable: [String: String] = [
        "cmd/root.go": """
        package cmd

        import (
            "os"
            "strings"

            "github.com/spf13/cobra"
            "example.com/plugins"
        )

        func NewRoot(names []string) *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            for _, name := range names {
                root.PersistentFlags().Bool(strings.ToLower(name), false, "generated")
                root.AddCommand(&cobra.Command{Use: name})
            }
            root.AddCommand(plugins.Commands()...)
            settings.AddFlags(root.PersistentFlags())
            root.Flags().Bool("ok", false, "a flag that is fine")
            return root
        }

        func orphan() *cobra.Command {
            return &cobra.Command{Use: "orphan"}
        }

        func dynamicRoot() *cobra.Command {
            return &cobra.Command{Use: os.Args[0]}
        }
        """,
        "cmd/broken.go": """
        package cmd

        func broken( {
            this is not Go
        }

        func stillRead() int { return 1 }
        """,
    ]

    /// Packages in several folders joined by aliased imports, and flag helpers called with a different command and
    /// name from each command (the gh style: `cmdutil.StringEnumFlag(cmd, &opts.State, "state", "s", ...)`).
    static let helpersPerCallSite: [String: String] = [
        "internal/cmdutil/flags.go": """
        package cmdutil

        import (
            "strings"

            "github.com/spf13/cobra"
        )

        func EnumFlag(cmd *cobra.Command, p *string, name, short string, options []string) {
            cmd.Flags().StringVarP(p, name, short, "", "one of "+strings.Join(options, ", "))
        }

        func JSONFlags(cmd *cobra.Command) {
            cmd.Flags().StringSlice("json", nil, "fields to output")
        }
        """,
        "cmd/issue/issue.go": """
        package issue

        import (
            "github.com/spf13/cobra"
            util "example.com/tool/internal/cmdutil"
        )

        func NewCmdList() *cobra.Command {
            var state string
            cmd := &cobra.Command{Use: "list", Aliases: []string{"ls"}}
            util.EnumFlag(cmd, &state, "state", "s", []string{"open", "closed"})
            util.JSONFlags(cmd)
            return cmd
        }
        """,
        "cmd/pr/pr.go": """
        package pr

        import (
            "github.com/spf13/cobra"
            "example.com/tool/internal/cmdutil"
        )

        func NewCmdStatus() *cobra.Command {
            var kind string
            cmd := &cobra.Command{Use: "status"}
            cmdutil.EnumFlag(cmd, &kind, "kind", "k", nil)
            return cmd
        }
        """,
        "cmd/root/root.go": """
        package root

        import (
            "github.com/spf13/cobra"
            issueCmd "example.com/tool/cmd/issue"
            "example.com/tool/cmd/pr"
        )

        func NewCmdRoot() *cobra.Command {
            root := &cobra.Command{Use: "gh"}
            issue := &cobra.Command{Use: "issue"}
            issue.AddCommand(issueCmd.NewCmdList())
            root.AddCommand(issue)
            prCmd := &cobra.Command{Use: "pr"}
            prCmd.AddCommand(pr.NewCmdStatus())
            root.AddCommand(prCmd)
            return root
        }
        """,
    ]
}
