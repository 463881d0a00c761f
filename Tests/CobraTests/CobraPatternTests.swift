import Testing

@testable import Cobra

/// The cobra surface of in-memory Go files.
private func surface(_ files: [String: String], root: String? = nil) -> CobraSurface {
    CobraExtractor.surface(of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: root)
}

private func attributes(_ surface: CobraSurface) -> [String: [String: String]] {
    Dictionary(uniqueKeysWithValues: surface.items.map { ($0.key, $0.attributes) })
}

@Suite("cobra extractor: what users can type")
struct CobraPatternTests {
    @Test("a subcommand and its flags reached through an alias are paths of their own; one alias a path")
    func aliasPaths() {
        let found = surface(CobraPatternFixtures.aliasPaths)
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        let flag = ["type": "bool", "scope": "local", "shorthand": "f"]
        #expect(
            attributes(found) == [
                "tool": [:],
                "tool plugin": [:],
                "tool plugins": ["alias-of": "plugin"],
                "tool plugin add": [:],
                "tool plugin install": ["alias-of": "add"],
                "tool plugins add": [:],
                "tool plugin add --force": flag,
                "tool plugin install --force": flag,
                "tool plugins add --force": flag,
            ])
    }

    @Test("past 50,000 items reached through aliases the other aliases are left out, with one note; incomplete")
    func aliasItemsCap() {
        // 260 commands under `group` (alias `g`), each with an alias and the same 200 flags: an alias of a leaf reaches
        // 201 paths, so the 249th alias passes 50,000 and the 11 leaf aliases after it and `g` are left out.
        let flags = (0..<200).map { "shared.Bool(\"f\($0)\", false, \"\")" }
        let leaves = (0..<260).map { "leaf(shared, \"c\($0)\", \"x\($0)\")," }
        let source = """
            package cmd

            import (
                "github.com/spf13/cobra"
                "github.com/spf13/pflag"
            )

            func leaf(shared *pflag.FlagSet, name, alias string) *cobra.Command {
                c := &cobra.Command{Use: name, Aliases: []string{alias}}
                c.Flags().AddFlagSet(shared)
                return c
            }

            func NewRoot() *cobra.Command {
                shared := pflag.NewFlagSet("shared", pflag.ContinueOnError)
                \(flags.joined(separator: "\n    "))
                root := &cobra.Command{Use: "tool"}
                group := &cobra.Command{Use: "group", Aliases: []string{"g"}}
                root.AddCommand(group)
                group.AddCommand(
                    \(leaves.joined(separator: "\n        "))
                )
                return root
            }
            """
        let found = CobraExtractor.surface(of: [("cmd/root.go", CobraSourceFile(source: source))], root: "tool")
        #expect(found.overLimit == nil)
        #expect(found.incomplete)
        #expect(
            found.notes.contains {
                $0.contains("more than 50000 commands and flags are reached through aliases")
                    && $0.contains("and 11 more aliases are not in the surface")
            }, "\(found.notes)")
        let keys = Set(found.items.map(\.key))
        let throughAliases = found.items.filter { $0.attributes["alias-of"] != nil || $0.key.split(separator: " ")
            .contains { $0.hasPrefix("x") } }
        // Every path without an alias is there: tool, group, 260 leaves and their 52,000 flags.
        #expect(found.items.count - throughAliases.count == 2 + 260 + 260 * 200)
        #expect(throughAliases.count == 249 * 201)
        #expect(!keys.contains("tool g"))
        #expect(!keys.contains { $0.hasPrefix("tool g ") })
    }

    @Test("a flag annotated `deprecated` (docker's convention) is deprecated; other annotations change nothing")
    func deprecatedAnnotation() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                cmd := &cobra.Command{Use: "tool"}
                flags := cmd.Flags()
                flags.String("kubeconfig", "", "Kubernetes config file")
                flags.SetAnnotation("kubeconfig", "deprecated", nil)
                flags.String("platform", "", "Set platform")
                flags.SetAnnotation("platform", "version", []string{"1.32"})
                return cmd
            }
            """
        ])
        let deprecated = Dictionary(uniqueKeysWithValues: found.items.map { ($0.key, $0.deprecated) })
        #expect(deprecated == ["tool": false, "tool --kubeconfig": true, "tool --platform": false])
    }

    @Test("a command whose help line opens by saying it is deprecated is deprecated, with what is under it")
    func deprecatedShort() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                cmd := &cobra.Command{Use: "tool"}
                status := &cobra.Command{Use: "status <file>", Short: "[deprecated] Gets the status of a file"}
                status.Flags().Bool("json", false, "")
                restore := &cobra.Command{Use: "restore", Short: "Restores; not deprecated [deprecated]"}
                old := &cobra.Command{Use: "old"}
                old.Short = "DEPRECATED: use restore"
                cmd.AddCommand(status, restore, old)
                return cmd
            }
            """
        ])
        let deprecated = Dictionary(uniqueKeysWithValues: found.items.map { ($0.key, $0.deprecated) })
        #expect(
            deprecated == [
                "tool": false, "tool status": true, "tool status --json": true, "tool restore": false, "tool old": true,
            ])
    }

    @Test("a custom flag value's type is what its Type method returns, also from another package")
    func customTypes() {
        let found = surface(CobraPatternFixtures.customTypes)
        let table = attributes(found)
        #expect(table["tool --color"] == ["type": "string", "scope": "local", "value-type": "cmd.colorMode"])
        #expect(
            table["tool --level"]
                == ["type": "level", "scope": "local", "shorthand": "l", "value-type": "internal/flagkinds.Level"])
        #expect(table["tool --mode"] == ["type": "custom", "scope": "local"])
    }

    @Test("commands from function literals, other packages, group adders and Sprintf; conditional flags")
    func builtWhereTheCodeBuildsThem() {
        let found = surface(CobraPatternFixtures.builtWhereTheCodeBuildsThem, root: "tool")
        let keys = Set(found.items.map(\.key))
        #expect(
            keys == [
                "tool", "tool status", "tool status --short", "tool version", "tool version --json", "tool get",
                "tool get --quiet", "tool get --output", "tool get --filter", "tool set", "tool set --quiet",
                "tool list",
            ])
        #expect(!found.incomplete)
        #expect(found.notes.filter { !$0.contains("gen-docs") }.isEmpty, "\(found.notes)")
    }

    @Test("with 'root' set, a tree whose Use does not name it is not taken for the root")
    func rootByName() {
        var files = CobraPatternFixtures.builtWhereTheCodeBuildsThem
        files["cmd/tool/main.go"] = files["cmd/tool/main.go"]?.replacingOccurrences(
            of: #"Use: "tool""#, with: "Use: os.Args[0]")
        let found = surface(files, root: "tool")
        #expect(found.items.contains { $0.key == "tool status --short" })
        #expect(!found.items.contains { $0.key.contains("markdown") })
    }

    @Test("one constructor called with a different Use under each parent builds a command under each")
    func constructorCalledWithEachName() {
        let found = surface(CobraPatternFixtures.constructorCalledWithEachName, root: "tool")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        let flag = ["type": "string", "scope": "local", "shorthand": "o"]
        #expect(
            attributes(found) == [
                "tool": [:],
                "tool job": [:],
                "tool job list": [:],
                "tool job list --output": flag,
                "tool job remove": [:],
                "tool job remove --all": ["type": "bool", "scope": "local"],
                "tool list": [:],
                "tool list jobs": [:],
                "tool list jobs --output": flag,
                "tool list tasks": [:],
                "tool list tasks --output": flag,
                "tool remove": [:],
                "tool remove job": [:],
                "tool remove job --all": ["type": "bool", "scope": "local"],
            ])
    }

    @Test("a constructor called with more names than are followed one by one still leaves nothing out silently")
    func constructorCalledWithManyNames() {
        let bound = CobraInterpreter.maximumCommandContexts
        let names = (0..<bound + 8).map { "name\($0)" }
        let calls = names.map { "root.AddCommand(newNamed(\"\($0)\"))" }.joined(separator: "\n    ")
        let source = """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                \(calls)
                return root
            }

            func newNamed(use string) *cobra.Command {
                c := &cobra.Command{Use: use}
                c.Flags().Bool("force", false, "force")
                return c
            }
            """
        let found = surface(["cmd/root.go": source], root: "tool")
        let keys = Set(found.items.map(\.key))
        // Each name is its own command, up to the bound; the rest share one literal, whose Use is then not known.
        #expect(keys.contains("tool name0 --force"))
        #expect(keys.count < 2 * names.count + 1)
        #expect(found.incomplete)
        #expect(found.notes.contains { $0.contains("may be any of") }, "\(found.notes)")
        #expect(found.uncertain == (bound..<bound + 8).map { "tool name\($0)" }.sorted())
    }

    @Test("calls that run again after each in-order assignment, level after level, stop at a named bound")
    func runsBounded() {
        // Each helper sets a field, calls the next, sets it back and calls the next again: Go makes 2^depth calls, and
        // a call reached again after an in-order assignment is run again (review R65: depth 24 ran for hours).
        func source(depth: Int) -> String {
            let helpers = (0..<depth).map { level in
                """
                func step\(level)(o *Options, cmd *cobra.Command) {
                    o.Verbose = nil
                    step\(level + 1)(o, cmd)
                    o.Verbose = &Switch{Name: "verbose"}
                    step\(level + 1)(o, cmd)
                }
                """
            }
            return """
                package cmd

                import "github.com/spf13/cobra"

                type Switch struct{ Name string }

                func (s *Switch) Register(cmd *cobra.Command) {
                    if s == nil {
                        return
                    }
                    cmd.Flags().Bool(s.Name, false, "")
                }

                type Options struct {
                    Verbose *Switch
                    Quiet   *Switch
                }

                func (o *Options) Register(cmd *cobra.Command) {
                    o.Verbose.Register(cmd)
                    o.Quiet.Register(cmd)
                }

                \(helpers.joined(separator: "\n\n"))

                func step\(depth)(o *Options, cmd *cobra.Command) { o.Register(cmd) }

                func NewRoot() *cobra.Command {
                    root := &cobra.Command{Use: "tool"}
                    sync := &cobra.Command{Use: "sync"}
                    root.AddCommand(sync)
                    step0(&Options{Verbose: &Switch{Name: "verbose"}, Quiet: &Switch{Name: "quiet"}}, sync)
                    return root
                }
                """
        }
        let shallow = CobraExtractor.surface(
            of: [("cmd/root.go", CobraSourceFile(source: source(depth: 6)))], root: "tool")
        #expect(shallow.overLimit == nil, "\(shallow.overLimit ?? "")")
        #expect(Set(shallow.items.map(\.key)).isSuperset(of: ["tool sync --verbose", "tool sync --quiet"]))
        let deep = CobraExtractor.surface(
            of: [("cmd/root.go", CobraSourceFile(source: source(depth: 30)))], root: "tool", maximumRuns: 2_000)
        #expect(deep.items.isEmpty)
        #expect(
            deep.overLimit?.hasPrefix("the code read runs more than 2000 function bodies at cmd/root.go:") == true,
            "\(deep.overLimit ?? "")")
        #expect(deep.overLimit?.contains("(a call of step") == true, "\(deep.overLimit ?? "")")
        // A helper called with 40 different names is 40 calls, each kept with its arguments.
        let names = (0..<40).map { "register(sync, \"flag\($0)\")" }
        let many = """
            package cmd

            import "github.com/spf13/cobra"

            func register(cmd *cobra.Command, name string) { cmd.Flags().Bool(name, false, "") }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                sync := &cobra.Command{Use: "sync"}
                root.AddCommand(sync)
                \(names.joined(separator: "\n    "))
                return root
            }
            """
        let files = [("cmd/root.go", CobraSourceFile(source: many))]
        #expect(CobraExtractor.surface(of: files, root: "tool").items.count == 42)
        let kept = CobraExtractor.surface(of: files, root: "tool", maximumCalls: 20)
        #expect(kept.items.isEmpty)
        #expect(
            kept.overLimit?.hasPrefix(
                "the code read makes more than 20 calls with different arguments at cmd/root.go:5 (a call of register)")
                == true, "\(kept.overLimit ?? "")")
    }

    /// yq's shape (review R98): an evaluator of `count` operators that call each other through a table of handlers.
    static func handlerTable(_ count: Int) -> [(String, CobraSourceFile)] {
        // yq's shape (review R98): a flag's default is worked out by the library's evaluator, whose operators reach one
        // another through a navigator reading `node.Op.Handler`, each making contexts of its own; every call gets
        // another set of them. The surface ends either way; past the steps budget with exit 2 naming it.
        let operators = (0..<count).map { index in
            """
            var op\(index)Type = &opType{Name: "op\(index)", Handler: op\(index)Operator}

            func op\(index)Operator(d *navigator, ctx Context, node *Node) (Context, error) {
                lhs, err := d.Get(ctx, node.LHS)
                if err != nil {
                    return ctx, err
                }
                rhs, err := d.Get(Context{Nodes: lhs.Nodes, Depth: \(index)}, node.RHS)
                if err != nil {
                    return ctx, err
                }
                return Context{Nodes: append(lhs.Nodes, rhs.Nodes...), Depth: \(index)}, nil
            }
            """
        }
        let parse = (0..<count).map { index in
            "    if expression == \"\(index)\" {\n        node = &Node{Op: op\(index)Type, LHS: node, RHS: &Node{Op: op\((index * 7 + 3) % count)Type}}\n    }"
        }
        let library = """
            package lib

            type Preferences struct {
                Prefix string
                Format string
            }

            var Prefs = Preferences{Prefix: "+"}

            type Context struct {
                Nodes []string
                Depth int
            }

            type handler func(d *navigator, ctx Context, node *Node) (Context, error)

            type opType struct {
                Name    string
                Handler handler
            }

            type Node struct {
                Op  *opType
                LHS *Node
                RHS *Node
            }

            type navigator struct{}

            func (d *navigator) Get(ctx Context, node *Node) (Context, error) {
                if node == nil {
                    return ctx, nil
                }
                h := node.Op.Handler
                return h(d, ctx, node)
            }

            func Describe() string {
                result, err := (&navigator{}).Get(Context{Nodes: []string{Prefs.Prefix}}, parse(Prefs.Prefix))
                if err != nil || len(result.Nodes) == 0 {
                    return ""
                }
                return result.Nodes[0]
            }

            \(operators.joined(separator: "\n\n"))

            func parse(expression string) *Node {
                var node *Node
            \(parse.joined(separator: "\n"))
                return node
            }
            """
        let root = """
            package cmd

            import (
                "example.com/deck/lib"
                "github.com/spf13/cobra"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                root.PersistentFlags().StringVar(&lib.Prefs.Prefix, "prefix", lib.Prefs.Prefix, "the prefix")
                root.PersistentFlags().StringVar(&lib.Prefs.Format, "format", lib.Describe(), "the format")
                return root
            }
            """
        return [("cmd/root.go", CobraSourceFile(source: root)), ("lib/lib.go", CobraSourceFile(source: library))]
    }

    @Test("an expression evaluator whose operators call each other through a table of handlers stops at a named limit")
    func handlerTableSteps() {
        let files = Self.handlerTable(8)
        let read = CobraExtractor.surface(of: files, root: "deck")
        #expect(read.overLimit == nil, "\(read.overLimit ?? "")")
        #expect(Set(read.items.map(\.key)).isSuperset(of: ["deck --prefix", "deck --format"]))
        let stopped = CobraExtractor.surface(of: files, root: "deck", maximumSteps: 5_000)
        #expect(stopped.items.isEmpty)
        #expect(
            stopped.overLimit?.hasPrefix("the code read takes more than 5000 steps to run: ") == true,
            "\(stopped.overLimit ?? "")")
    }

    @Test("a call through a function value that may be any of many handlers takes their objects as any of the type")
    func handlerTableWidened() {
        // 32 operators: each handler getting each set of context objects took 2.2 million steps; with the objects as
        // any value of their types, the evaluator settles in a few ten thousand.
        let read = CobraExtractor.surface(of: Self.handlerTable(32), root: "deck", maximumSteps: 200_000)
        #expect(read.overLimit == nil, "\(read.overLimit ?? "")")
        #expect(Set(read.items.map(\.key)).isSuperset(of: ["deck --prefix", "deck --format"]))
    }

    @Test("field reads through every object a helper may have written into a list count towards the steps budget")
    func takenPlacesReadsSteps() {
        // minikube's shape (review R100): a helper replaces an element of a list of structs with the value it is given
        // (`cc.Nodes[i] = *node`), so every node object made anywhere may be any element, and each loop over the list
        // reads each field through all of them. Few expressions, but the reads the records keep grew to 23 GB there.
        let count = 16
        let adds = (0..<count).map { index in
            """
            func add\(index)(name string) {
                node := Node{Name: name, IP: "10.0.0.\(index)", ControlPlane: \(index % 2 == 1)}
                Save(current, &node)
            }

            func check\(index)() {
                for _, n := range current.Nodes {
                    if n.ControlPlane {
                        log(n.Name)
                    }
                    if n.Worker {
                        log(n.IP)
                    }
                }
            }
            """
        }
        let library = """
            package config

            type Node struct {
                Name         string
                IP           string
                ControlPlane bool
                Worker       bool
            }

            type Cluster struct {
                Name  string
                Nodes []Node
            }

            var Profile = "fleet"

            var current = &Cluster{Name: "fleet"}

            func Save(cc *Cluster, node *Node) {
                for i, n := range cc.Nodes {
                    if n.Name == node.Name {
                        cc.Nodes[i] = *node
                    }
                }
                cc.Nodes = append(cc.Nodes, *node)
            }

            func log(s string) {}

            func DefaultProfile() string {
            \((0..<count).map { "    add\($0)(\"n\($0)\")\n    check\($0)()" }.joined(separator: "\n"))
                return Profile
            }

            \(adds.joined(separator: "\n\n"))
            """
        let root = """
            package cmd

            import (
                "example.com/fleet/config"
                "github.com/spf13/cobra"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "fleet"}
                root.PersistentFlags().StringVar(&config.Profile, "profile", config.DefaultProfile(), "the profile")
                return root
            }
            """
        let files = [
            ("cmd/root.go", CobraSourceFile(source: root)), ("config/config.go", CobraSourceFile(source: library)),
        ]
        let read = CobraExtractor.surface(of: files, root: "fleet")
        #expect(read.overLimit == nil, "\(read.overLimit ?? "")")
        #expect(Set(read.items.map(\.key)) == ["fleet", "fleet --profile"])
        let stopped = CobraExtractor.surface(of: files, root: "fleet", maximumSteps: 100_000)
        #expect(stopped.items.isEmpty)
        #expect(
            stopped.overLimit?.hasPrefix("the code read takes more than 100000 steps to run: ") == true,
            "\(stopped.overLimit ?? "")")
    }

    @Test("a read of a field reads each object of the places its object took once, and each cell once")
    func takenClosureReadOnce() {
        // argo-cd's shape (review R105): every element of a list of structs is written over every other
        // (`current.Sources[i] = s`), so a field of one element is read through all of them, and a method called on
        // all of them at once reads each field of each through all the others. Each object's cell and the cell its
        // type keeps for values of unknown origin were read again for every object the read went through: 80,366
        // steps (78,430 of them reads) for 64 elements of 8 fields; 42,062 with each cell read once.
        let count = 64
        let fields = (0..<8).map { "F\($0)" }
        let library = """
            package spec

            type Source struct {
            \(fields.map { "    \($0) string" }.joined(separator: "\n"))
            }

            type Spec struct {
                Sources []Source
            }

            var Profile = "deck"

            var current = &Spec{Sources: []Source{
            \((0..<count).map { "    {F0: \"s\($0)\"}," }.joined(separator: "\n"))
            }}

            func Normalize() {
                for i, s := range current.Sources {
                    s.F0 = s.F0 + "/"
                    current.Sources[i] = s
                }
            }

            func (s *Source) Describe() string {
                return \(fields.map { "s.\($0)" }.joined(separator: " + "))
            }

            func Default() string {
                Normalize()
                text := ""
                for i := range current.Sources {
                    text += current.Sources[i].Describe()
                }
                return Profile + text
            }
            """
        let root = """
            package cmd

            import (
                "example.com/deck/spec"
                "github.com/spf13/cobra"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                root.PersistentFlags().StringVar(&spec.Profile, "profile", spec.Default(), "the profile")
                return root
            }
            """
        let files = [
            ("cmd/root.go", CobraSourceFile(source: root)), ("spec/spec.go", CobraSourceFile(source: library)),
        ]
        let read = CobraExtractor.surface(of: files, root: "deck", maximumSteps: 60_000)
        #expect(read.overLimit == nil, "\(read.overLimit ?? "")")
        #expect(Set(read.items.map(\.key)) == ["deck", "deck --profile"])
    }

    @Test("commands added to every command of the layer above, layer after layer, stop at a named limit")
    func commandLayers() {
        // Ten layers of three commands, each added to all three of the layer above: 3^10 paths.
        var lines = ["root := &cobra.Command{Use: \"tool\"}"]
        for layer in 0..<10 {
            for index in 0..<3 { lines.append("c\(layer)_\(index) := &cobra.Command{Use: \"c\(layer)_\(index)\"}") }
            for index in 0..<3 {
                let parents = layer == 0 ? ["root"] : (0..<3).map { "c\(layer - 1)_\($0)" }
                for parent in parents { lines.append("\(parent).AddCommand(c\(layer)_\(index))") }
            }
        }
        let source = """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                \(lines.joined(separator: "\n    "))
                return root
            }
            """
        let files = [("cmd/root.go", CobraSourceFile(source: source))]
        let limited = CobraExtractor.surface(of: files, root: "tool", maximumWork: 5_000)
        #expect(
            limited.overLimit?.contains("more than 5000 command paths and flags") == true, "\(limited.overLimit ?? "")")
        // A flag set added by both sets of the layer below, 30 layers deep, is worked out once a set.
        var flagLines = ["root := &cobra.Command{Use: \"tool\"}"]
        for layer in 0..<30 {
            flagLines.append("a\(layer) := pflag.NewFlagSet(\"a\", pflag.ContinueOnError)")
            flagLines.append("b\(layer) := pflag.NewFlagSet(\"b\", pflag.ContinueOnError)")
            flagLines.append("a\(layer).Bool(\"a\(layer)\", false, \"\")")
        }
        for layer in 0..<29 {
            for set in ["a", "b"] {
                flagLines.append("\(set)\(layer).AddFlagSet(a\(layer + 1))")
                flagLines.append("\(set)\(layer).AddFlagSet(b\(layer + 1))")
            }
        }
        flagLines.append("root.Flags().AddFlagSet(a0)")
        let flagSource = """
            package cmd

            import (
                "github.com/spf13/cobra"
                "github.com/spf13/pflag"
            )

            func NewRoot() *cobra.Command {
                \(flagLines.joined(separator: "\n    "))
                return root
            }
            """
        let found = surface(["cmd/root.go": flagSource], root: "tool")
        #expect(found.overLimit == nil)
        #expect(found.items.filter { $0.key.hasPrefix("tool --a") }.count == 30)
    }

    @Test("a command that cannot be followed is named once in a note and the surface is incomplete")
    func incomplete() {
        let source = """
            package cmd

            import (
                "github.com/spf13/cobra"
                "example.com/elsewhere/plugins"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.AddCommand(plugins.NewCommand())
                return root
            }
            """
        let found = surface(["cmd/root.go": source], root: "tool")
        #expect(found.incomplete)
        #expect(found.notes.count == 1, "\(found.notes)")
        #expect(found.notes.first?.contains("'tool'") == true, "\(found.notes)")
        #expect(found.notes.first?.contains("plugins.NewCommand") == true, "\(found.notes)")
        // Its name is not known: it is not taken for any command that goes missing.
        #expect(found.uncertain.isEmpty)
    }

    @Test(
        "cobra imported under another name, or a drop-in fork (github.com/muesli/coral), builds the same surface",
        arguments: [
            ("cobra", "\"github.com/spf13/cobra\""), ("cc", "cc \"github.com/spf13/cobra\""),
            ("coral", "\"github.com/muesli/coral\""),
        ])
    func cobraUnderAnotherName(name: String, importLine: String) {
        let source = """
            package cmd

            import \(importLine)

            func NewRoot() *\(name).Command {
                root := &\(name).Command{Use: "tool"}
                serve := &\(name).Command{Use: "serve", Aliases: []string{"run"}}
                serve.Flags().IntP("port", "p", 8080, "port")
                \(name).MarkFlagRequired(serve.Flags(), "port")
                root.AddCommand(serve)
                return root
            }
            """
        let found = surface(["cmd/root.go": source])
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        #expect(
            found.items.map(\.key) == [
                "tool", "tool run", "tool run --port", "tool serve", "tool serve --port",
            ])
    }

    @Test("files that build no cobra command at all give an incomplete surface and a note, not a silent empty one")
    func noCommandAtAll() {
        let source = """
            package cmd

            import "example.com/othercli"

            func NewRoot() *othercli.Command {
                return &othercli.Command{Use: "tool"}
            }
            """
        let found = surface(["cmd/root.go": source, "cmd/util.go": "package cmd\n"])
        #expect(found.items.isEmpty)
        #expect(found.incomplete)
        #expect(
            found.notes == [
                "no cobra.Command is built in the 2 Go files read (cmd/root.go, ...), so the command line is not in "
                    + "the surface; check 'files' in the cobra extractor"
            ])
        #expect(surface([:]).notes.isEmpty)
    }

    @Test("flags added by a method of a struct field, or promoted from an embedded struct in another package")
    func methodsOfFields() {
        let options = """
            package filter

            import "github.com/spf13/pflag"

            type Patterns struct{ Excludes []string }

            func (p *Patterns) Add(f *pflag.FlagSet) {
                f.StringArrayVarP(&p.Excludes, "exclude", "e", nil, "exclude a pattern")
            }

            type Sizes struct{ Limit string }

            func (s *Sizes) AddSizeFlags(f *pflag.FlagSet) { f.StringVar(&s.Limit, "larger-than", "", "size") }
            """
        let command = """
            package main

            import (
                "github.com/spf13/cobra"
                "github.com/spf13/pflag"

                "example.com/tool/internal/filter"
            )

            type BackupOptions struct {
                Host     string
                Patterns filter.Patterns
                filter.Sizes
            }

            func (opts *BackupOptions) AddFlags(f *pflag.FlagSet) {
                f.StringVar(&opts.Host, "host", "", "host")
                opts.Patterns.Add(f)
                opts.AddSizeFlags(f)
            }

            func newBackup() *cobra.Command {
                var opts BackupOptions
                cmd := &cobra.Command{Use: "backup"}
                opts.AddFlags(cmd.Flags())
                return cmd
            }

            func main() {
                root := &cobra.Command{Use: "tool"}
                root.AddCommand(newBackup())
            }
            """
        let found = surface(["cmd/tool/main.go": command, "internal/filter/filter.go": options])
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        #expect(
            found.items.map(\.key) == [
                "tool", "tool backup", "tool backup --exclude", "tool backup --host", "tool backup --larger-than",
            ])
    }

    @Test("a Use whose first word is constant and whose rest is not still names the command")
    func useWithComputedTail() {
        let source = """
            package cmd

            import (
                "strings"

                "github.com/spf13/cobra"
            )

            var kinds = strings.Join([]string{"blobs", "packs"}, "|")

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.AddCommand(&cobra.Command{Use: "list [flags] [" + kinds + "]"})
                root.AddCommand(&cobra.Command{Use: "get" + kinds})
                return root
            }
            """
        let found = surface(["cmd/root.go": source])
        #expect(found.items.map(\.key) == ["tool", "tool list"])
        #expect(found.notes.count == 1 && found.notes[0].contains("not a constant"), "\(found.notes)")
    }

    @Test("a flag set's method handed to a generic helper defines the flag where the helper calls it")
    func flagMethodAsValue() {
        let helpers = """
            package flagutil

            import "github.com/spf13/pflag"

            type Define[T any] func(name string, value T, usage string) *T

            func AddAndBind[T any](fs *pflag.FlagSet, define Define[T], name string, value T, usage string) {
                define(name, value, usage)
                _ = fs.Lookup(name)
            }

            func AddDeprecated[T any](fs *pflag.FlagSet, define Define[T], name string, value T, usage string) {
                AddAndBind(fs, define, name, value, usage)
                _ = fs.MarkDeprecated(name, "see the docs")
            }
            """
        let root = """
            package cmd

            import (
                "example.com/tool/flagutil"
                "github.com/spf13/cobra"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                run := &cobra.Command{Use: "run"}
                fs := run.Flags()
                flagutil.AddAndBind(fs, fs.Bool, "fix", false, "fix what can be fixed")
                flagutil.AddAndBind(fs, fs.Duration, "timeout", 0, "give up after")
                flagutil.AddDeprecated(fs, fs.String, "deadline", "", "old name of --timeout")
                root.AddCommand(run)
                help := &cobra.Command{Use: "help"}
                help.AddCommand(&cobra.Command{Use: "topics"})
                root.SetHelpCommand(help)
                return root
            }
            """
        let found = surface(["cmd/root.go": root, "flagutil/flags.go": helpers])
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        #expect(
            attributes(found) == [
                "tool": [:],
                "tool help": [:],
                "tool help topics": [:],
                "tool run": [:],
                "tool run --fix": ["type": "bool", "scope": "local"],
                "tool run --timeout": ["type": "duration", "scope": "local"],
                "tool run --deadline": ["type": "string", "scope": "local"],
            ])
        #expect(found.items.filter(\.deprecated).map(\.key) == ["tool run --deadline"])
    }

    @Test("a flag name that a normalization function maps to a flag is another spelling of it, under every subcommand")
    func normalizedSpellings() {
        let root = """
            package cmd

            import (
                "github.com/spf13/cobra"
                "github.com/spf13/pflag"
            )

            func normalize(_ *pflag.FlagSet, name string) pflag.NormalizedName {
                switch name {
                case "cert", "certfile":
                    name = "certificate"
                case "out":
                    return pflag.NormalizedName("output")
                default:
                }
                return pflag.NormalizedName(name)
            }

            func legacy(f *pflag.FlagSet, name string) pflag.NormalizedName {
                if name == "old-mode" {
                    return "mode"
                }
                return pflag.NormalizedName(name)
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                verify := &cobra.Command{Use: "verify"}
                verify.Flags().StringP("certificate", "c", "", "certificate file")
                verify.Flags().String("output", "", "where to write")
                verify.Flags().String("cert", "", "a flag of its own keeps its name")
                root.AddCommand(verify)
                root.SetGlobalNormalizationFunc(normalize)
                sign := &cobra.Command{Use: "sign"}
                sign.Flags().String("mode", "", "how")
                sign.Flags().SetNormalizeFunc(legacy)
                root.AddCommand(sign)
                return root
            }
            """
        let found = surface(["cmd/root.go": root])
        #expect(found.notes.isEmpty, "\(found.notes)")
        let flag = ["type": "string", "scope": "local"]
        #expect(
            attributes(found) == [
                "tool": [:],
                "tool sign": [:],
                // `legacy` is set on sign's flags, then AddCommand hands them root's function: two functions that
                // map differently, and which one pflag keeps depends on the order of calls. No other spelling.
                "tool sign --mode": flag,
                "tool verify": [:],
                "tool verify --cert": flag,
                "tool verify --certfile": flag.merging(["alias-of": "certificate"]) { $1 },
                "tool verify --certificate": flag.merging(["shorthand": "c"]) { $1 },
                "tool verify --out": flag.merging(["alias-of": "output"]) { $1 },
                "tool verify --output": flag,
            ])
    }

    /// Review R16: spellings were read from `case "a":` and `if name == "a"` tokens anywhere in the function.
    @Test(
        "a normalization function that is not a plain table of names gives no other spelling, and a note",
        arguments: [
            "switch strings.ToUpper(name) {\ncase \"old\":\n\tname = \"port\"\n}\nreturn pflag.NormalizedName(name)",
            "switch os.Getenv(\"MODE\") {\ncase \"old\":\n\tname = \"port\"\n}\nreturn pflag.NormalizedName(name)",
            "return pflag.NormalizedName(name)\nif name == \"old\" {\n\tname = \"port\"\n}",
            "name = name + \"!\"\nswitch name {\ncase \"old\":\n\tname = \"port\"\n}\nreturn pflag.NormalizedName(name)",
            "f := func() {\n\tif name == \"old\" {\n\t\tname = \"port\"\n\t}\n}\n_ = f\nreturn pflag.NormalizedName(name)",
            "if name == \"old\" {\n\tname = \"port\"\n}\nreturn pflag.NormalizedName(strings.ToUpper(name))",
            "switch name {\ncase \"old\":\n\tname = \"port\"\n\tfallthrough\ncase \"x\":\n\tname = \"x\"\n}\nreturn pflag.NormalizedName(name)",
            "if name == \"old\" {\n\tname = \"mid\"\n}\nif name == \"mid\" {\n\tname = \"port\"\n}\nreturn pflag.NormalizedName(name)",
            "if name == \"cafe\\u0301\" {\n\tname = \"port\"\n}\nreturn pflag.NormalizedName(name)",
        ])
    func normalizationNotATable(_ body: String) {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import (
                "os"
                "strings"

                "github.com/spf13/cobra"
                "github.com/spf13/pflag"
            )

            var _ = os.Getenv
            var _ = strings.ToUpper

            func normalize(_ *pflag.FlagSet, name string) pflag.NormalizedName {
            \(body)
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.Flags().Int("port", 0, "")
                root.SetGlobalNormalizationFunc(normalize)
                return root
            }
            """
        ])
        #expect(found.items.map(\.key).sorted() == ["tool", "tool --port"])
        #expect(found.notes.contains { $0.contains("normalization function cannot be followed") }, "\(found.notes)")
    }

    @Test("a flag set given two normalization functions that map differently takes no other spelling from either")
    func normalizationReplaced() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import (
                "github.com/spf13/cobra"
                "github.com/spf13/pflag"
            )

            func normalize(_ *pflag.FlagSet, name string) pflag.NormalizedName {
                if name == "old" {
                    name = "port"
                }
                return pflag.NormalizedName(name)
            }

            func identity(_ *pflag.FlagSet, name string) pflag.NormalizedName {
                return pflag.NormalizedName(name)
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.Flags().Int("port", 0, "")
                root.Flags().SetNormalizeFunc(normalize)
                root.Flags().SetNormalizeFunc(identity)
                return root
            }
            """
        ])
        #expect(found.items.map(\.key).sorted() == ["tool", "tool --port"])
    }

    /// Review R18: each `+` doubled the string, to gigabytes by the 31st line.
    @Test("strings built by + are bounded: 48 constants each doubling the last are no constant past 4 KiB")
    func doubledConstants() {
        let constants = (1...48).map { "const a\($0) = a\($0 - 1) + a\($0 - 1)" }.joined(separator: "\n")
        let found = surface([
            "cmd/root.go": """
            package cmd

            import "github.com/spf13/cobra"

            const a0 = "x"
            \(constants)

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.Flags().String(a8, "", "")
                if a48 == "x" {
                    root.Flags().Int("port", 0, "")
                }
                root.Flags().String(a13, "", "")
                return root
            }
            """
        ])
        // a8 is 256 bytes, a13 8 KiB: past the bound, a name semgate cannot read (and says so).
        #expect(found.items.map(\.key).sorted() == ["tool", "tool --port", "tool --" + String(repeating: "x", count: 256)])
        #expect(!found.notes.isEmpty)
    }

    @Test("a root also handed to a helper's AddCommand on a command that cannot be followed stays the root")
    func rootAlsoAttachedElsewhere() {
        let found = surface([
            "pkg/app/root.go": """
            package app

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "app"}
                serve := &cobra.Command{Use: "serve"}
                serve.Flags().Int("port", 0, "")
                root.AddCommand(serve)
                return root
            }

            // Attach adds the whole command line under another program's command.
            func Attach(parent *cobra.Command) {
                parent.AddCommand(NewRoot())
            }
            """
        ])
        let keys = found.items.map(\.key).filter { !$0.contains("completion") && !$0.hasSuffix(" help") }
        #expect(keys == ["app", "app serve", "app serve --port"])
        // Its key may be a guess: users of the other program type words before it.
        #expect(found.unplacedRoots == ["app"])
        #expect(found.uncertain.isEmpty)
    }

    @Test("commands handed to AddCommand on a parameter nothing passes are roots keyed by guess, a lone one too")
    func commandsAddedToUnknownParent() {
        let found = surface([
            "pkg/cmds/cmds.go": """
            package cmds

            import "github.com/spf13/cobra"

            // Register adds the commands to the program's root, which is built elsewhere.
            func Register(top *cobra.Command) {
                addBuild(top)
                top.AddCommand(&cobra.Command{Use: "about"})
            }

            // A command named at run time: no path to key it by.
            func addAlias(top *cobra.Command, name string) {
                top.AddCommand(&cobra.Command{Use: name})
            }

            func addBuild(top *cobra.Command) {
                build := &cobra.Command{Use: "build"}
                build.Flags().Bool("push", false, "")
                top.AddCommand(build)
            }
            """,
            "pkg/cmds/unused.go": """
            package cmds

            import "github.com/spf13/cobra"

            var leftover = &cobra.Command{Use: "leftover"}
            """,
        ])
        let keys = found.items.map(\.key).filter { !$0.contains("completion") && !$0.hasSuffix(" help") }
        #expect(keys == ["about", "build", "build --push"])
        #expect(found.unplacedRoots == ["about", "build"])
        #expect(found.notes.contains { $0.contains("command 'leftover' is not added to the command tree") })
        #expect(found.notes.contains { $0.contains(": a command is not added to the command tree") }, "\(found.notes)")
        #expect(found.notes.contains { $0.contains("top.AddCommand is called on a value that cannot be followed") })
    }

    @Test(
        "commands held by a value another library's method is called on with the root are not added there: semgate models only kubectl's group adder (review UC)"
    )
    func commandsHeldByLibraryValue() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import (
                "github.com/spf13/cobra"
                "example.com/lib/groups"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                sections := groups.Sections{
                    {Title: "Main", Commands: []*cobra.Command{newBuild(), &cobra.Command{Use: "version"}}},
                }
                sections.AttachTo(root)
                return root
            }

            func newBuild() *cobra.Command {
                c := &cobra.Command{Use: "build"}
                c.Flags().Bool("push", false, "")
                return c
            }

            func unused() *cobra.Command { return &cobra.Command{Use: "leftover"} }
            """
        ])
        let keys = found.items.map(\.key).filter { !$0.contains("completion") && !$0.hasSuffix(" help") }
        // What `AttachTo` does is not read (it may add nothing, as a logger's `Add` does): nothing is keyed by guess.
        // `build`, with a flag, is another root; `version`, alone, is in no tree (a removal from `tool` is claimed).
        #expect(keys == ["build", "build --push", "tool"])
        #expect(found.unplacedRoots == [])
        #expect(found.unplacedParents == [])
        #expect(found.notes.contains { $0.contains("command 'version' is not added to the command tree") })
        #expect(found.notes.contains { $0.contains("command 'leftover' is not added to the command tree") })
    }

    @Test("a file marked `//go:build ignore` is no part of the program")
    func ignoredFile() {
        let found = surface([
            "cmd/main.go": """
            package main

            import "github.com/spf13/cobra"

            func newRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                addCommands(root)
                return root
            }
            """,
            "cmd/gen.go": """
            //go:build ignore

            package main

            import "github.com/spf13/cobra"

            func addCommands(root *cobra.Command) {
                root.AddCommand(&cobra.Command{Use: "generated"})
            }
            """,
            "cmd/serve.go": """
            package main

            import "github.com/spf13/cobra"

            func addCommands(root *cobra.Command) {
                root.AddCommand(&cobra.Command{Use: "serve"})
            }
            """,
        ])
        let keys = found.items.map(\.key).filter { !$0.contains("completion") && !$0.hasSuffix(" help") }
        #expect(keys == ["tool", "tool serve"])
    }

    @Test("a helper defined once per system adds its command under the root, with the builds that add it")
    func perBuildHelper() {
        let found = surface([
            "cmd/main.go": """
            package main

            import "github.com/spf13/cobra"

            func newRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                attachPlatform(root)
                return root
            }
            """,
            "cmd/main_linux.go": """
            package main

            import "github.com/spf13/cobra"

            func attachPlatform(root *cobra.Command) {
                root.PersistentFlags().String("store", "", "")
                root.AddCommand(newSandbox())
            }
            """,
            "cmd/sandbox.go": """
            package main

            import "github.com/spf13/cobra"

            func newSandbox() *cobra.Command {
                c := &cobra.Command{Use: "sandbox"}
                c.AddCommand(&cobra.Command{Use: "profiles"})
                c.Flags().Bool("strict", false, "")
                return c
            }
            """,
            "cmd/main_freebsd.go": """
            package main

            import "github.com/spf13/cobra"

            func attachPlatform(root *cobra.Command) {
                root.PersistentFlags().String("store", "", "")
            }
            """,
            "cmd/main_other.go": """
            //go:build windows   ||   darwin

            package main

            import "github.com/spf13/cobra"

            func attachPlatform(root *cobra.Command) {
                root.PersistentFlags().String("store", "", "")
                root.PersistentFlags().Bool("elevated", false, "")
            }
            """,
        ])
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        // Not roots of their own: the Linux definition attaches them to the root.
        #expect(
            attributes(found) == [
                "tool": [:],
                "tool --store": ["type": "string", "scope": "persistent"],
                "tool --elevated": ["type": "bool", "scope": "persistent", "build": "darwin || windows"],
                "tool sandbox": ["build": "linux"],
                "tool sandbox --strict": ["type": "bool", "scope": "local", "build": "linux"],
                "tool sandbox profiles": ["build": "linux"],
            ])
    }

    @Test("a constructor defined per tag: what both builds make is in every build, the rest carries the tag")
    func perTagConstructor() {
        let found = surface([
            "cmd/root.go": """
            package main

            import "github.com/spf13/cobra"

            func newRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.AddCommand(newVault())
                return root
            }
            """,
            "cmd/vault.go": """
            // +build hsm

            package main

            import "github.com/spf13/cobra"

            func newVault() *cobra.Command {
                c := &cobra.Command{Use: "vault"}
                c.AddCommand(&cobra.Command{Use: "slots"})
                return c
            }
            """,
            "cmd/vault_disabled.go": """
            //go:build !hsm

            package main

            import "github.com/spf13/cobra"

            func newVault() *cobra.Command {
                return &cobra.Command{Use: "vault", Short: "built without hsm support"}
            }
            """,
        ])
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(attributes(found) == ["tool": [:], "tool vault": [:], "tool vault slots": ["build": "hsm"]])
    }

    @Test("a file with a build tag that no other file stands in for is read as before; what it adds carries the tag")
    func taggedFileAlone() {
        let found = surface([
            "cmd/root.go": """
            package main

            import "github.com/spf13/cobra"

            var rootCmd = &cobra.Command{Use: "tool"}

            func init() {
                rootCmd.Flags().Bool("quiet", false, "")
            }
            """,
            "cmd/debug.go": """
            //go:build debug

            package main

            import "github.com/spf13/cobra"

            var debugCmd = &cobra.Command{Use: "debug"}

            func init() {
                debugCmd.Flags().Bool("raw", false, "")
                rootCmd.AddCommand(debugCmd)
            }
            """,
            "cmd/gen.go": """
            //go:build ignore

            package main

            import "github.com/spf13/cobra"

            func init() {
                rootCmd.AddCommand(&cobra.Command{Use: "generated"})
            }
            """,
        ])
        #expect(found.notes.isEmpty, "\(found.notes)")
        // The same commands and flags as without build attributes; `//go:build ignore` files stay out.
        #expect(
            attributes(found) == [
                "tool": [:],
                "tool --quiet": ["type": "bool", "scope": "local"],
                "tool debug": ["build": "debug"],
                "tool debug --raw": ["type": "bool", "scope": "local", "build": "debug"],
            ])
    }

    @Test("a definition for another system is not run from code of one system; nested builds combine")
    func nestedBuilds() {
        let found = surface([
            "cmd/root.go": """
            package main

            import "github.com/spf13/cobra"

            func newRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                attach(root)
                return root
            }
            """,
            "cmd/attach_linux.go": """
            package main

            import "github.com/spf13/cobra"

            func attach(root *cobra.Command) {
                flags(root)
            }
            """,
            "cmd/attach_windows.go": """
            package main

            import "github.com/spf13/cobra"

            func attach(root *cobra.Command) {}
            """,
            "cmd/flags_linux_arm64.go": """
            package main

            import "github.com/spf13/cobra"

            func flags(root *cobra.Command) {
                root.Flags().Bool("arm", false, "")
            }
            """,
            "cmd/flags_windows.go": """
            package main

            import "github.com/spf13/cobra"

            func flags(root *cobra.Command) {
                root.Flags().Bool("console", false, "")
            }
            """,
        ])
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            attributes(found) == [
                "tool": [:],
                "tool --arm": ["type": "bool", "scope": "local", "build": "arm64 && linux"],
            ])
    }
}
