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

/// Hiding judged where it is done, not by which caller first reaches the code that does it: a call runs once a pass,
/// in the context of whichever caller reaches it first.
struct CobraHiddenTests {
    /// A program whose `start` constructor (a hidden `debug` child, a flag helper that defines and hides `--dns-opt`,
    /// a `Lookup(...).Hidden` on `--net`) is reached from an undecided branch in one entry point and unconditionally in
    /// the other; `undecided` and `decided` name the two entry points, so the order they run in can be swapped.
    private static func startProgram(undecided: String, decided: String) -> String {
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

        func \(undecided)() {
            if os.Getenv("BOX_EXPERIMENTAL") != "" {
                root.AddCommand(newStart())
            }
        }

        func \(decided)() {
            root.AddCommand(newStart())
        }
        """
    }

    @Test(
        "a helper that defines and hides a flag hides it whichever caller reaches it first",
        arguments: [("init", "Execute"), ("Execute", "init"), ("Alpha", "Beta"), ("Beta", "Alpha")])
    func hidingDoesNotDependOnCallOrder(undecided: String, decided: String) {
        let found = surface(["box/cmd.go": Self.startProgram(undecided: undecided, decided: decided)], root: "box")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            hiddenByKey(found) == [
                "box": nil, "box start": nil, "box start --dns-option": nil, "box start --dns-opt": "true",
                "box start --net": "true", "box start debug": "true",
            ])
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
}
