import Testing

@testable import Cobra

/// The cobra surface of in-memory Go files.
private func surface(_ files: [String: String], root: String? = nil) -> CobraSurface {
    CobraExtractor.surface(of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: root)
}

/// Each item's key with its `hidden` attribute (nil when shown).
private func hiddenByKey(_ surface: CobraSurface) -> [String: String?] {
    Dictionary(uniqueKeysWithValues: surface.items.map { ($0.key, $0.attributes["hidden"]) })
}

/// Hiding counted only where it holds in every run that reaches it (no undecided branch encloses it from the entry
/// point): a flag or command hidden on one path and shown on another is shown, and its removal is one users see.
struct CobraHiddenTests {
    /// A program whose `start` constructor (a hidden `debug` child, a flag helper that defines and hides `--dns-opt`,
    /// a `Lookup(...).Hidden` on `--net`) is reached from `entries`' bodies.
    private static func startProgram(_ entries: String) -> String {
        """
        package box

        import (
            "os"

            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        var root = &cobra.Command{Use: "box"}

        func networkFlags(fs *pflag.FlagSet) {
            fs.String("dns-option", "", "DNS options")
            fs.String("dns-opt", "", "DNS options")
            fs.MarkHidden("dns-opt")
            fs.String("net", "", "network")
            fs.Lookup("net").Hidden = true
        }

        func newStart() *cobra.Command {
            c := &cobra.Command{Use: "start"}
            networkFlags(c.Flags())
            c.AddCommand(&cobra.Command{Use: "debug", Hidden: true})
            return c
        }

        \(entries)
        """
    }

    @Test("what a program reaches unconditionally hides; reached only from an undecided branch, it is shown")
    func hidingHoldsOnlyOnEveryPath() {
        let decided = surface(
            ["box/cmd.go": Self.startProgram("func Execute() { root.AddCommand(newStart()) }")], root: "box")
        #expect(decided.notes.isEmpty, "\(decided.notes)")
        #expect(
            hiddenByKey(decided) == [
                "box": nil, "box start": nil, "box start --dns-option": nil, "box start --dns-opt": "true",
                "box start --net": "true", "box start debug": "true",
            ])
        let undecided = surface(
            [
                "box/cmd.go": Self.startProgram(
                    """
                    func Execute() {
                        if os.Getenv("BOX_EXPERIMENTAL") != "" {
                            root.AddCommand(newStart())
                        }
                    }
                    """)
            ], root: "box")
        #expect(undecided.notes.isEmpty, "\(undecided.notes)")
        #expect(hiddenByKey(undecided).values.allSatisfy { $0 == nil }, "\(hiddenByKey(undecided))")
    }

    @Test("what is hidden only on some path stays shown, wherever the command and flag were made")
    func hiddenOnSomePathIsShown() {
        // `--trace` is defined by a helper and hidden by the constructor only in a branch; `--port` is defined by a
        // helper that hides it only on Windows; `--color` is hidden by a helper that did not make the command, in a
        // branch; `logs` is hidden in a branch of its constructor. Each is shown by default: a removal of one is a
        // removal users see, not one of something hidden. `--verbose`, hidden by the helper unconditionally, is hidden.
        let found = surface(
            [
                "box/cmd.go": """
                package box

                import (
                    "os"
                    "runtime"

                    "github.com/spf13/cobra"
                    "github.com/spf13/pflag"
                )

                func commonFlags(fs *pflag.FlagSet) {
                    fs.Bool("trace", false, "trace calls")
                    fs.Bool("color", false, "colour output")
                    fs.Bool("verbose", false, "more output")
                }

                func portFlags(fs *pflag.FlagSet) {
                    fs.Int("port", 0, "port")
                    if runtime.GOOS == "windows" {
                        fs.MarkHidden("port")
                    }
                }

                func hideForRemote(c *cobra.Command) {
                    if os.Getenv("BOX_REMOTE") != "" {
                        c.Flags().Lookup("color").Hidden = true
                    }
                    c.Flags().MarkHidden("verbose")
                }

                func newRun() *cobra.Command {
                    c := &cobra.Command{Use: "run"}
                    commonFlags(c.Flags())
                    portFlags(c.Flags())
                    if os.Getenv("BOX_QUIET") != "" {
                        c.Flags().MarkHidden("trace")
                    }
                    hideForRemote(c)
                    return c
                }

                func newLogs() *cobra.Command {
                    c := &cobra.Command{Use: "logs"}
                    if os.Getenv("BOX_REMOTE") != "" {
                        c.Hidden = true
                    }
                    return c
                }

                func Execute() {
                    root := &cobra.Command{Use: "box"}
                    root.AddCommand(newRun(), newLogs())
                }
                """
            ], root: "box")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            hiddenByKey(found) == [
                "box": nil, "box run": nil, "box run --trace": nil, "box run --color": nil, "box run --port": nil,
                "box run --verbose": "true", "box logs": nil,
            ])
    }

    @Test("a flag a helper defines and hides is shown when another path defines it shown")
    func hiddenByOneOfTwoDefinitionsIsShown() {
        // `--host` is defined on both paths of an undecided branch: on one by a helper that defines and hides it, on
        // the other shown; default runs show it, so its removal is a removal users see. `--legacy-port` is defined and
        // hidden by a helper reached only inside the branch: shown (semgate does not tell that both paths hide it).
        // `--proxy` is defined shown by one literal and hidden by another: shown. `--socket`, a `pflag.Flag` literal
        // with `Hidden: true` added unconditionally, is hidden; `--mode`, a literal given `Hidden = true` only on some
        // path, is not read (noted); `--level`, hidden by a literal and again unconditionally, is hidden.
        let found = surface(
            [
                "box/cmd.go": """
                package box

                import (
                    "os"

                    "github.com/spf13/cobra"
                    "github.com/spf13/pflag"
                )

                func addLegacyHost(c *cobra.Command) {
                    c.Flags().String("host", "", "host (old spelling)")
                    c.Flags().MarkHidden("host")
                }

                func addLegacyPort(c *cobra.Command) {
                    c.Flags().Int("legacy-port", 0, "port (old spelling)")
                    c.Flags().MarkHidden("legacy-port")
                }

                func newServe() *cobra.Command {
                    c := &cobra.Command{Use: "serve"}
                    if os.Getenv("BOX_LEGACY") != "" {
                        addLegacyHost(c)
                        addLegacyPort(c)
                        c.Flags().AddFlag(&pflag.Flag{Name: "proxy", Usage: "proxy", Hidden: true})
                    } else {
                        c.Flags().String("host", "", "host")
                        addLegacyPort(c)
                        c.Flags().AddFlag(&pflag.Flag{Name: "proxy", Usage: "proxy"})
                    }
                    c.Flags().AddFlag(&pflag.Flag{Name: "socket", Usage: "socket", Hidden: true})
                    mode := &pflag.Flag{Name: "mode", Usage: "mode"}
                    if os.Getenv("BOX_QUIET") != "" {
                        mode.Hidden = true
                    }
                    c.Flags().AddFlag(mode)
                    level := &pflag.Flag{Name: "level", Usage: "level", Hidden: true}
                    level.Hidden = true
                    c.Flags().AddFlag(level)
                    return c
                }

                func Execute() {
                    root := &cobra.Command{Use: "box"}
                    root.AddCommand(newServe())
                }
                """
            ], root: "box")
        #expect(
            hiddenByKey(found).filter { $0.key.hasPrefix("box serve --") } == [
                "box serve --host": nil, "box serve --legacy-port": nil, "box serve --proxy": nil,
                "box serve --socket": "true", "box serve --level": "true",
            ], "\(found.notes)")
        #expect(found.notes.contains { $0.contains("(Hidden) is set after the literal") }, "\(found.notes)")
    }

    @Test("a command made hidden on one path and shown on another is shown, with its flags")
    func commandHiddenOnOnePathIsShown() {
        // `serve` is made by a hiding constructor on one path and a showing one on the other (the hiding one first in
        // the file); `run` by one constructor, told by its argument whether to hide `--port`.
        let found = surface(
            [
                "box/cmd.go": """
                package box

                import (
                    "os"

                    "github.com/spf13/cobra"
                )

                func newLegacyServe() *cobra.Command {
                    c := &cobra.Command{Use: "serve", Hidden: true}
                    c.Flags().Int("port", 0, "port")
                    return c
                }

                func newServe() *cobra.Command {
                    c := &cobra.Command{Use: "serve"}
                    c.Flags().Int("port", 0, "port")
                    return c
                }

                func newRun(hide bool) *cobra.Command {
                    c := &cobra.Command{Use: "run"}
                    c.Flags().Int("port", 0, "port")
                    if hide {
                        c.Flags().MarkHidden("port")
                    }
                    return c
                }

                func Execute() {
                    root := &cobra.Command{Use: "box"}
                    if os.Getenv("BOX_LEGACY") != "" {
                        root.AddCommand(newLegacyServe(), newRun(true))
                    } else {
                        root.AddCommand(newServe(), newRun(false))
                    }
                }
                """
            ], root: "box")
        #expect(hiddenByKey(found).values.allSatisfy { $0 == nil }, "\(hiddenByKey(found))")
    }

    @Test("an init function runs first even when a local variable elsewhere is named init")
    func initIsAnEntryPoint() {
        // `init` is named by a local variable in `banner`, so it looked mentioned (called), though Go lets nothing call
        // it; `Console` sorts before the functions that lead to it, and run first, unreached, its parent would be any
        // wrapper: the console command under every command.
        let entry = "init"
        let program = """
            package cli

            import "github.com/spf13/cobra"

            type Node struct{ *cobra.Command }

            func (n *Node) Attach(k *Node) { n.Command.AddCommand(k.Command) }

            var Top = &Node{Command: &cobra.Command{Use: "app"}}

            func \(entry)() { Top.Attach(servers()) }

            func servers() *Node {
                g := &Node{Command: &cobra.Command{Use: "servers"}}
                g.Attach(&Node{Command: &cobra.Command{Use: "list"}})
                Console(g)
                return g
            }

            func Console(parent *Node) *Node {
                c := &Node{Command: &cobra.Command{Use: "console"}}
                parent.Attach(c)
                return c
            }

            func banner() string {
                \(entry) := "=== "
                return \(entry) + "ready"
            }
            """
        let found = surface(["cli/top.go": program], root: "app")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            Set(found.items.map(\.key)) == ["app", "app servers", "app servers list", "app servers console"],
            "\(found.items.map(\.key).sorted())")
    }

    @Test("a hiding in one clause of a switch holds only in some runs: the flag is shown; a decided hiding still hides")
    func switchClauseHidesInSomeRuns() {
        let program = """
            package box

            import (
                "os"

                "github.com/spf13/cobra"
            )

            func Execute() {
                root := &cobra.Command{Use: "box"}
                root.Flags().Int("port", 80, "port")
                root.Flags().Bool("trace", false, "trace")
                root.Flags().MarkHidden("trace")
                switch os.Getenv("BOX_MODE") {
                case "legacy":
                    root.Flags().MarkHidden("port")
                default:
                }
                root.Execute()
            }
            """
        let read = surface(["box/cmd.go": program], root: "box")
        #expect(hiddenByKey(read) == ["box": nil, "box --port": nil, "box --trace": "true"])
    }

}
