import Testing

@testable import Cobra

/// A command line whose commands are wrapped in a struct of the program's own that embeds `*cobra.Command`: children
/// are attached through the embedded field (`c.Command.AddCommand(x.Command)`), and flags, aliases and `Hidden`
/// reach the command through the wrapper.
private let wrapperProgram = """
    package cmd

    import "github.com/spf13/cobra"

    type Cmd struct {
        *cobra.Command
        subs []*Cmd
    }

    func (c *Cmd) Add(children ...*Cmd) {
        c.subs = append(c.subs, children...)
        for _, child := range children {
            c.Command.AddCommand(child.Command)
        }
    }

    type option func(*Cmd)

    func alias(names ...string) option {
        return func(c *Cmd) {
            c.Aliases = append(c.Aliases, names...)
        }
    }

    func hide() option {
        return func(c *Cmd) { c.Hidden = true }
    }

    var Root = &Cmd{Command: &cobra.Command{Use: "tool"}}

    func build(parent *Cmd, use, short string, options ...option) *Cmd {
        c := &Cmd{Command: &cobra.Command{Use: use, Short: short}}
        if parent != nil {
            parent.Add(c)
        }
        for _, o := range options {
            o(c)
        }
        return c
    }

    func addText(c *Cmd, name, usage string) {
        c.Flags().String(name, "", usage)
    }

    func Things() *Cmd {
        c := &Cmd{Command: &cobra.Command{Use: "things"}}
        list := build(c, "list", "List things", alias("ls"))
        addText(list, "filter", "only these")
        build(c, "get", "Get a thing", alias("g"))
        return c
    }

    func Stuff() *Cmd {
        c := &Cmd{Command: &cobra.Command{Use: "stuff"}}
        del := build(c, "delete", "Delete stuff", alias("rm"), hide())
        addText(del, "force", "do it")
        return c
    }

    func init() {
        Root.Add(Things())
        Root.Add(Stuff())
    }
    """

@Suite("cobra extractor: commands wrapped in a struct of the program's own")
struct CobraWrapperTests {
    @Test("each wrapper is its own object: children, aliases, hidden and flags reach its own command")
    func wrapperPerObject() {
        let found = CobraExtractor.surface(
            of: [("cmd/root.go", CobraSourceFile(source: wrapperProgram))], root: "tool")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        let keys = found.items.map {
            "\($0.key)\($0.attributes.isEmpty ? "" : " \($0.attributes.sorted { $0.key < $1.key })")"
        }
        #expect(
            Set(found.items.map(\.key)) == [
                "tool", "tool things", "tool things list", "tool things ls", "tool things list --filter",
                "tool things ls --filter", "tool things get", "tool things g", "tool stuff", "tool stuff delete",
                "tool stuff rm", "tool stuff delete --force", "tool stuff rm --force",
            ], "\(keys)")
        let hidden = Set(found.items.filter { $0.attributes["hidden"] != nil }.map(\.key))
        #expect(hidden == ["tool stuff delete", "tool stuff rm", "tool stuff delete --force", "tool stuff rm --force"])
    }

    @Test("a command per element of a list of structs ranged over: each element keeps its own fields")
    func structListElements() {
        let program = """
            package cmd

            import "github.com/spf13/cobra"

            type topic struct {
                name  string
                short string
            }

            var topics = []topic{
                {name: "environment", short: "Variables the tool reads"},
                {name: "formatting", short: "How output is formatted"},
                {name: "exit-codes", short: "What the exit status means"},
            }

            func newTopic(t topic) *cobra.Command {
                return &cobra.Command{Use: t.name, Short: t.short, Hidden: true}
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                for _, t := range topics {
                    root.AddCommand(newTopic(t))
                }
                return root
            }
            """
        let found = CobraExtractor.surface(of: [("cmd/root.go", CobraSourceFile(source: program))], root: nil)
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(found.uncertain.isEmpty, "\(found.uncertain)")
        #expect(
            Set(found.items.map(\.key)) == ["tool", "tool environment", "tool formatting", "tool exit-codes"],
            "\(found.items.map(\.key))")
    }

    @Test("two packages that each declare a type of the same name: an object has the methods of its own package's")
    func sameTypeNameInTwoPackages() {
        let files = [
            "cmd/root.go": """
            package cmd

            import (
                "github.com/spf13/cobra"

                "example.com/tool/pkg/schedule"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.AddCommand(schedule.NewCommand())
                return root
            }
            """,
            "pkg/backup/options.go": """
            package backup

            import "github.com/spf13/pflag"

            type CreateOptions struct{ TTL string }

            func NewCreateOptions() *CreateOptions { return &CreateOptions{} }

            func (o *CreateOptions) BindFlags(flags *pflag.FlagSet) {
                flags.StringVar(&o.TTL, "ttl", "", "how long to keep it")
            }
            """,
            "pkg/schedule/create.go": """
            package schedule

            import (
                "github.com/spf13/cobra"
                "github.com/spf13/pflag"

                "example.com/tool/pkg/backup"
            )

            type CreateOptions struct {
                Backup   *backup.CreateOptions
                Schedule string
            }

            func NewCommand() *cobra.Command {
                o := &CreateOptions{Backup: backup.NewCreateOptions()}
                c := &cobra.Command{Use: "schedule"}
                o.BindFlags(c.Flags())
                return c
            }

            func (o *CreateOptions) BindFlags(flags *pflag.FlagSet) {
                o.Backup.BindFlags(flags)
                flags.StringVar(&o.Schedule, "schedule", "", "a cron expression")
            }
            """,
        ]
        let found = CobraExtractor.surface(of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: "tool")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            Set(found.items.map(\.key)) == ["tool", "tool schedule", "tool schedule --schedule", "tool schedule --ttl"])
    }

    @Test("a helper called with a nil parent in one place and real parents elsewhere attaches nothing across wrappers")
    func nilParentIsNotAnyParent() {
        let program = """
            package cli

            import "github.com/spf13/cobra"

            type Node struct {
                *cobra.Command
                kids []*Node
            }

            func (n *Node) Attach(kids ...*Node) {
                for _, k := range kids {
                    n.kids = append(n.kids, k)
                    n.Command.AddCommand(k.Command)
                }
            }

            func node(parent *Node, use string, aliases ...string) *Node {
                n := &Node{Command: &cobra.Command{Use: use, Aliases: aliases}}
                if parent != nil {
                    parent.Attach(n)
                }
                return n
            }

            func leaf(parent *Node, use string) *Node {
                return node(parent, use)
            }

            func volumes() *Node {
                v := node(nil, "volumes", "vol")
                leaf(v, "attach")
                node(v, "detach")
                return v
            }

            func Top() *Node {
                top := node(nil, "app")
                servers := node(top, "servers")
                leaf(servers, "reboot")
                top.Attach(volumes())
                top.Attach(leaf(nil, "version"))
                return top
            }
            """
        let found = CobraExtractor.surface(of: [("cli/top.go", CobraSourceFile(source: program))], root: "app")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        #expect(
            Set(found.items.map(\.key)) == [
                "app", "app servers", "app servers reboot", "app volumes", "app vol", "app volumes attach",
                "app vol attach", "app volumes detach", "app vol detach", "app version",
            ], "\(found.items.map(\.key).sorted())")
    }

    @Test("a helper whose parent is not known (no caller passes one) still attaches to any wrapper")
    func unknownParentIsAnyParent() {
        let program = """
            package cli

            import "github.com/spf13/cobra"

            type Node struct{ *cobra.Command }

            func (n *Node) Attach(k *Node) { n.Command.AddCommand(k.Command) }

            var Top = &Node{Command: &cobra.Command{Use: "app"}}

            func AddStatus(parent *Node) {
                parent.Attach(&Node{Command: &cobra.Command{Use: "status"}})
            }
            """
        let found = CobraExtractor.surface(of: [("cli/top.go", CobraSourceFile(source: program))], root: "app")
        #expect(Set(found.items.map(\.key)) == ["app", "app status"], "\(found.items.map(\.key).sorted())")
    }

    @Test("a surface left empty by an AddCommand cycle is incomplete, never complete")
    func cycleIsIncomplete() {
        let program = """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                a := &cobra.Command{Use: "tool"}
                b := &cobra.Command{Use: "b"}
                a.AddCommand(b)
                b.AddCommand(a)
                return a
            }
            """
        let found = CobraExtractor.surface(of: [("cmd/root.go", CobraSourceFile(source: program))], root: "tool")
        #expect(found.items.isEmpty)
        #expect(found.incomplete)
        #expect(found.notes.contains { $0.contains("an AddCommand cycle") }, "\(found.notes)")
    }
}
