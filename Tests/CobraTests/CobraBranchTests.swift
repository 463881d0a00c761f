import Testing

@testable import Cobra

/// The cobra surface of in-memory Go files.
private func surface(_ files: [String: String], root: String? = nil) -> CobraSurface {
    CobraExtractor.surface(of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: root)
}

/// The keys of the flags of `box serve`.
private func serveFlags(_ files: [String: String]) -> Set<String> {
    Set(surface(files, root: "box").items.map(\.key).filter { $0.hasPrefix("box serve --") })
}

/// The keys of the flags of `box serve`, read from source files as they are (one may have been read before).
private func serveFlags(of files: [(String, CobraSourceFile)]) -> Set<String> {
    Set(CobraExtractor.surface(of: files, root: "box").items.map(\.key).filter { $0.hasPrefix("box serve --") })
}

/// A program whose `Execute` builds `box serve` and runs `body` there (with `serve` in scope), after `declarations`.
private func program(_ body: String, _ declarations: String = "") -> String {
    """
    package box

    import (
        "os"

        "github.com/spf13/cobra"
    )

    var _ = os.Getenv

    \(declarations)

    func Execute() {
        root := &cobra.Command{Use: "box"}
        serve := &cobra.Command{Use: "serve"}
        root.AddCommand(serve)
    \(body)
        root.Execute()
    }
    """
}

/// Branches decided where Go's values are certain (review R5, R6): a condition on constants, a switch on a constant,
/// a parameter bound to a constant at the call, and a table entry's field its literal gives, in a loop run entry by
/// entry. What is not certain (a package `var`, a field written somewhere) keeps every branch.
struct CobraBranchTests {
    private static let clientServer = """
            if mode == "client" {
                serve.Flags().Int("port", 0, "p")
            }
            if mode != "client" {
                serve.Flags().String("host", "", "h")
            }
        """

    @Test("an if comparing a package constant with a literal runs only the branch Go runs; a package var keeps both")
    func ifOnConstant() {
        #expect(serveFlags(["box/cmd.go": program(Self.clientServer, "const mode = \"server\"")]) == ["box serve --host"])
        // Declared from other constants, in another file of the package.
        #expect(
            serveFlags([
                "box/cmd.go": program(Self.clientServer),
                "box/mode.go": "package box\n\nconst prefix = \"ser\"\nconst mode = prefix + \"ver\"\n",
            ]) == ["box serve --host"])
        // A package var may be written where the interpreter does not look: both branches count.
        #expect(
            serveFlags(["box/cmd.go": program(Self.clientServer, "var mode = \"server\"")])
                == ["box serve --port", "box serve --host"])
        // A constant of a file built for one system only may be another in other builds.
        #expect(
            serveFlags([
                "box/cmd.go": program(Self.clientServer),
                "box/mode_linux.go": "package box\n\nconst mode = \"server\"\n",
            ]) == ["box serve --port", "box serve --host"])
        // A local shadowing the constant is not the constant.
        #expect(
            serveFlags([
                "box/cmd.go": program("    mode := os.Getenv(\"MODE\")\n" + Self.clientServer, "const mode = \"server\"")
            ]) == ["box serve --port", "box serve --host"])
    }

    @Test("a switch on a constant runs the first clause that matches, default when none does; fallthrough keeps all")
    func switchOnConstant() {
        let body = """
                switch mode {
                case "client", "agent":
                    serve.Flags().Int("port", 0, "p")
                case "server":
                    serve.Flags().String("host", "", "h")
                case "server", "proxy":
                    serve.Flags().Bool("second", false, "s")
                default:
                    serve.Flags().Bool("debug", false, "d")
                }
            """
        #expect(serveFlags(["box/cmd.go": program(body, "const mode = \"server\"")]) == ["box serve --host"])
        #expect(serveFlags(["box/cmd.go": program(body, "const mode = \"agent\"")]) == ["box serve --port"])
        #expect(serveFlags(["box/cmd.go": program(body, "const mode = \"other\"")]) == ["box serve --debug"])
        // A case not certain: the clauses from it on may run.
        let open = body.replacingOccurrences(of: "case \"server\":", with: "case os.Getenv(\"M\"):")
        #expect(
            serveFlags(["box/cmd.go": program(open, "const mode = \"proxy\"")])
                == ["box serve --host", "box serve --second"])
        // Without a tag, the cases are conditions.
        let tagless = """
                switch {
                case mode == "client":
                    serve.Flags().Int("port", 0, "p")
                default:
                    serve.Flags().String("host", "", "h")
                }
            """
        #expect(serveFlags(["box/cmd.go": program(tagless, "const mode = \"server\"")]) == ["box serve --host"])
        let fallsThrough = """
                switch mode {
                case "server":
                    fallthrough
                case "client":
                    serve.Flags().Int("port", 0, "p")
                }
            """
        #expect(serveFlags(["box/cmd.go": program(fallsThrough, "const mode = \"server\"")]) == ["box serve --port"])
    }

    @Test("a parameter given a constant at the call decides the helper's switch for that call only")
    func parameterBoundToConstant() {
        let helper = """
            func add(c *cobra.Command, kind string) {
                switch kind {
                case "port":
                    c.Flags().Int("port", 0, "p")
                case "host":
                    c.Flags().String("host", "", "h")
                }
            }
            """
        #expect(serveFlags(["box/cmd.go": program("    add(serve, \"host\")", helper)]) == ["box serve --host"])
        // Another call with a value not certain runs every clause.
        #expect(
            serveFlags(["box/cmd.go": program("    add(serve, \"host\")\n    add(serve, os.Getenv(\"K\"))", helper)])
                == ["box serve --port", "box serve --host"])
        // A package var passed is not certain.
        #expect(
            serveFlags(["box/cmd.go": program("    add(serve, kind)", helper + "\nvar kind = \"host\"")])
                == ["box serve --port", "box serve --host"])
        // A parameter the body may assign is not what the call gave.
        let assigned = helper.replacingOccurrences(
            of: "    switch kind {", with: "    if os.Getenv(\"X\") != \"\" {\n        kind = \"port\"\n    }\n    switch kind {")
        #expect(
            serveFlags(["box/cmd.go": program("    add(serve, \"host\")", assigned)])
                == ["box serve --port", "box serve --host"])
    }

    private static let table = """
        type Opt struct {
            Name  string
            Usage string
        }

        var table = []Opt{
            {Name: "port", Usage: "u"},
            {Name: "host", Usage: "u"},
        }
        """

    @Test("a loop over an unchanged table skips the entry its field's literal names, by if or switch")
    func entrySkippedByField() {
        let byIf = """
                for _, o := range table {
                    if o.Name == "port" {
                        continue
                    }
                    serve.Flags().String(o.Name, "", o.Usage)
                }
            """
        let bySwitch = """
                for _, o := range table {
                    switch o.Name {
                    case "port":
                        continue
                    }
                    serve.Flags().String(o.Name, "", o.Usage)
                }
            """
        #expect(serveFlags(["box/cmd.go": program(byIf, Self.table)]) == ["box serve --host"])
        #expect(serveFlags(["box/cmd.go": program(bySwitch, Self.table)]) == ["box serve --host"])
        // A list literal ranged directly.
        let literal = byIf.replacingOccurrences(
            of: "range table", with: "range []Opt{{Name: \"port\"}, {Name: \"host\"}}")
        #expect(serveFlags(["box/cmd.go": program(literal, Self.table)]) == ["box serve --host"])
        // The field written somewhere (here through a flag bound to it): the literal is not what the entry holds,
        // and the names are not read one by one.
        let bound = Self.table + "\n\nvar other Opt\n\nfunc init() { _ = &other.Name }"
        #expect(serveFlags(["box/cmd.go": program(byIf, bound)]).contains("box serve --port"))
        let renamed = Self.table + "\n\nfunc init() { table[0].Name = os.Getenv(\"N\") }"
        #expect(serveFlags(["box/cmd.go": program(byIf, renamed)]) != ["box serve --host"])
    }

    @Test("a type switch on a package var nothing assigns runs the clause of its literal's type; an init write keeps all")
    func typeSwitchOnUnwrittenVar() {
        let types = """
            type portOpt struct{}
            type hostOpt struct{}
            type namer interface{ name() string }
            """
        let body = """
                switch v := opt.(type) {
                case portOpt:
                    serve.Flags().Int("port", 0, "p")
                case *hostOpt, nil:
                    _ = v
                    serve.Flags().String("host", "", "h")
                default:
                    serve.Flags().Bool("debug", false, "d")
                }
            """
        #expect(serveFlags(["box/cmd.go": program(body, types + "\nvar opt any = &hostOpt{}")]) == ["box serve --host"])
        #expect(serveFlags(["box/cmd.go": program(body, types + "\nvar opt any = portOpt{}")]) == ["box serve --port"])
        // `hostOpt{}` is not a `*hostOpt`: default.
        #expect(serveFlags(["box/cmd.go": program(body, types + "\nvar opt any = hostOpt{}")]) == ["box serve --debug"])
        // Assigned in an init: every clause.
        #expect(
            serveFlags(["box/cmd.go": program(body, types + "\nvar opt any = portOpt{}\n\nfunc init() { opt = &hostOpt{} }")])
                == ["box serve --port", "box serve --host", "box serve --debug"])
        // A case of an interface type may match: it and what follows may run.
        let byInterface = body.replacingOccurrences(of: "case portOpt:", with: "case namer:")
        #expect(
            serveFlags(["box/cmd.go": program(byInterface, types + "\nvar opt any = &hostOpt{}")])
                == ["box serve --port", "box serve --host"])
    }

    @Test("a name the function binds (a named result, a select case's binding) is not the package constant it shadows")
    func boundNameShadowsConstant() {
        let named = """
            func addPort(c *cobra.Command) (mode string) {
                mode = "client"
                if mode == "client" {
                    c.Flags().Int("port", 0, "p")
                }
                return
            }
            """
        #expect(
            serveFlags(["box/cmd.go": program("    addPort(serve)", "const mode = \"server\"\n\n" + named)])
                == ["box serve --port"])
        let selected = """
                ch := make(chan string, 1)
                ch <- "client"
                select {
                case mode := <-ch:
                    if mode == "client" {
                        serve.Flags().Int("port", 0, "p")
                    }
                }
            """
        #expect(serveFlags(["box/cmd.go": program(selected, "const mode = \"server\"")]) == ["box serve --port"])
    }

    @Test("an entry that ends the loop (break, return) keeps the entries from being decided one by one")
    func entryEndingTheLoop() {
        let table = Self.table.replacingOccurrences(
            of: "    {Name: \"port\", Usage: \"u\"},", with: "    {Name: \"stop\", Usage: \"u\"},\n    {Name: \"port\", Usage: \"u\"},")
        for jump in ["break", "return"] {
            let body = """
                    for i := range table {
                        o := &table[i]
                        if o.Name == "stop" {
                            \(jump)
                        }
                        serve.Flags().String(o.Name, "", o.Usage)
                    }
                """
            // Go stops at `stop`, the first entry: neither --port nor --host is defined.
            #expect(!serveFlags(["box/cmd.go": program(body, table)]).contains("box serve --port"), "\(jump)")
        }
    }

    @Test(
        "what a function binds and writes is worked out once for its blob: the file read again beside another one (its functions numbered otherwise) decides as a fresh read"
    )
    func boundNamesKeptForTheBlob() {
        let helpers = """
            func addPort(c *cobra.Command) (mode string) {
                mode = "client"
                if mode == "client" {
                    c.Flags().Int("port", 0, "p")
                }
                return
            }

            func addHost(c *cobra.Command, kind string) {
                if kind == "server" {
                    c.Flags().String("host", "", "h")
                }
            }
            """
        let main = program("    addPort(serve)\n    addHost(serve, \"client\")", "const mode = \"server\"\n\n" + helpers)
        // Functions numbered before the helpers, which bind and write the names the helpers read.
        let other = """
            package box

            func first(kind string) (mode string) {
                kind = "server"
                mode = kind
                return
            }

            func second(kind string) string {
                kind += "x"
                return kind
            }
            """
        let expected: Set<String> = ["box serve --port"]
        let kept = CobraSourceFile(source: main)
        #expect(serveFlags(of: [("box/cmd.go", kept)]) == expected)
        let beside = [("box/a.go", CobraSourceFile(source: other)), ("box/cmd.go", kept)]
        #expect(serveFlags(of: beside) == expected)
        #expect(serveFlags(["box/a.go": other, "box/cmd.go": main]) == expected)
        // And the other way round: first read beside the other file, then alone.
        let keptToo = CobraSourceFile(source: main)
        #expect(serveFlags(of: [("box/a.go", CobraSourceFile(source: other)), ("box/cmd.go", keptToo)]) == expected)
        #expect(serveFlags(of: [("box/cmd.go", keptToo)]) == expected)
    }

    @Test("a local bound once at the top of the body to a constant decides as the constant; in a block, rebound or addressed it does not")
    func localBoundOnce() {
        // Go: the local `mode` is "server", the package constant "client" is shadowed: --host only.
        for binding in ["mode := \"server\"", "var mode = \"server\"", "const mode = \"ser\" + \"ver\""] {
            #expect(
                serveFlags(["box/cmd.go": program("    \(binding)\n" + Self.clientServer, "const mode = \"client\"")])
                    == ["box serve --host"], "\(binding)")
        }
        // A local given the constant's own value keeps deciding the same.
        #expect(
            serveFlags(["box/cmd.go": program("    mode := \"client\"\n" + Self.clientServer, "const mode = \"server\"")])
                == ["box serve --port"])
        // Not decided: bound in a block (the package constant is what the ifs after it read), bound twice, address
        // taken, given a value that is not certain.
        let undecided = [
            "    if len(serve.Use) > 0 {\n        mode := \"server\"\n        _ = mode\n    }\n",
            "    mode := \"server\"\n    if len(serve.Use) > 9 {\n        mode = \"client\"\n    }\n",
            "    mode := \"server\"\n    p := &mode\n    *p = \"client\"\n",
            // A method with a pointer receiver takes the address implicitly (review R29 ptrmethod).
            "    var mode Mode = \"server\"\n    mode.Set(\"client\")\n",
            "    mode := os.Getenv(\"MODE\")\n",
        ]
        for body in undecided {
            #expect(
                serveFlags([
                    "box/cmd.go": program(
                        body + Self.clientServer,
                        "const mode = \"client\"\n\ntype Mode string\n\nfunc (m *Mode) Set(s string) { *m = Mode(s) }")
                ])
                    == ["box serve --port", "box serve --host"], "\(body)")
        }
    }

    @Test("a range over a package slice or map nothing fills runs no time; one filled anywhere may run")
    func emptyPackageCollection() {
        let loop = """
                for range names {
                    serve.Flags().Int("port", 0, "p")
                }
                serve.Flags().String("host", "", "h")
            """
        for declaration in ["var names []string", "var names map[string]int", "var names = []string{}"] {
            #expect(serveFlags(["box/cmd.go": program(loop, declaration)]) == ["box serve --host"], "\(declaration)")
        }
        let filled = [
            "var names []string\n\nfunc init() { names = append(names, \"x\") }",
            "var names = map[string]int{}\n\nfunc init() { names[\"x\"] = 1 }",
            "var names [1]string",
            "var names = []string{\"x\"}",
            "var Names []string",
            "var names []string\n\nfunc init() { fill(&names) }\n\nfunc fill(p *[]string) { *p = []string{\"x\"} }",
            // A map handed to a call, a method on the slice (review R29 emptymapcopy, emptymaphelper).
            "var names = map[string]bool{}\n\nfunc init() { maps.Copy(names, map[string]bool{\"a\": true}) }",
            "var names = map[string]bool{}\n\nfunc init() { fill(names) }\n\nfunc fill(m map[string]bool) { m[\"a\"] = true }",
            "type List []string\n\nfunc (l *List) Add(s string) { *l = append(*l, s) }\n\nvar names List\n\nfunc init() { names.Add(\"x\") }",
        ]
        for declaration in filled {
            let body = loop.replacingOccurrences(of: "range names", with: declaration.contains("Names") ? "range Names" : "range names")
            #expect(
                serveFlags(["box/cmd.go": program(body, declaration)]) == ["box serve --port", "box serve --host"],
                "\(declaration)")
        }
        // Declared in a file built for one system only: not known for every build.
        #expect(
            serveFlags(["box/cmd.go": program(loop), "box/names_linux.go": "package box\n\nvar names []string\n"])
                == ["box serve --port", "box serve --host"])
    }

    @Test("a package var only init functions write holds their last write where they have all run; else both branches")
    func packageVarAfterInit() {
        let both: Set = ["box serve --port", "box serve --host"]
        // s19-branches varinitopen: declared "client", set to "server" by an init; Execute runs after it.
        #expect(
            serveFlags(["box/cmd.go": program(Self.clientServer, "var mode = \"client\"\n\nfunc init() { mode = \"server\" }")])
                == ["box serve --host"])
        // Go runs the inits of a.go before those of z.go: the last write is z.go's.
        for (first, last) in [("client", "server"), ("server", "client")] {
            #expect(
                serveFlags([
                    "box/cmd.go": program(Self.clientServer, "var mode string"),
                    "box/a.go": "package box\n\nfunc init() { mode = \"\(first)\" }\n",
                    "box/z.go": "package box\n\nfunc init() {\n\tmode = \"x\"\n\tmode = \"\(last)\"\n}\n",
                ]) == (last == "server" ? ["box serve --host"] : ["box serve --port"]))
        }
        for declarations in [
            // No init writes it: a build may set it (-ldflags -X).
            "var mode = \"server\"",
            // Written on one path only, after a return, with what is not certain, elsewhere, through its address.
            "var mode = \"client\"\n\nfunc init() {\n\tif len(os.Args) > 9 {\n\t\tmode = \"server\"\n\t}\n}",
            "var mode = \"client\"\n\nfunc init() {\n\tif len(os.Args) > 9 {\n\t\treturn\n\t}\n\tmode = \"server\"\n}",
            "var mode = \"client\"\n\nfunc init() { mode = os.Getenv(\"M\") }",
            "var mode = \"client\"\n\nfunc init() { mode = \"server\" }\n\nfunc set() { mode = \"client\" }",
            "var mode = \"client\"\n\nfunc init() {\n\tmode = \"server\"\n\tp := &mode\n\t_ = p\n}",
            "var mode = \"client\"\n\nfunc init() {\n\tmode, _ = \"server\", 1\n}",
        ] {
            #expect(serveFlags(["box/cmd.go": program(Self.clientServer, declarations)]) == both, "\(declarations)")
        }
        // Written in a file for one system only; read in a helper a package-level value names (it may run in init).
        #expect(
            serveFlags([
                "box/cmd.go": program(Self.clientServer, "var mode = \"client\""),
                "box/mode_linux.go": "package box\n\nfunc init() { mode = \"server\" }\n",
            ]) == both)
        let helper = """
            var mode = "client"

            func init() { mode = "server" }

            var early = addFlags

            func addFlags(serve *cobra.Command) {
            \(Self.clientServer)
            }
            """
        #expect(serveFlags(["box/cmd.go": program("    addFlags(serve)", helper)]) == both)
        #expect(
            serveFlags(["box/cmd.go": program("    addFlags(serve)", helper.replacingOccurrences(of: "var early = addFlags", with: ""))])
                == ["box serve --host"])
    }

    @Test("a method of the package's own type called on a conversion runs on the converted value")
    func methodOnConversion() {
        // s19-branches receiverskip: the receiver is the certain string "port", not the package constant `skip`.
        let skipping = Self.table + """


            type Skip string

            const skip = "nosuch"

            func (skip Skip) addFlags(c *cobra.Command) {
                for i := range table {
                    if table[i].Name == string(skip) {
                        continue
                    }
                    c.Flags().String(table[i].Name, "", table[i].Usage)
                }
            }
            """
        #expect(serveFlags(["box/cmd.go": program("    Skip(\"port\").addFlags(serve)", skipping)]) == ["box serve --host"])
        // Not certain, or bound again in the body: the entries run at once, whose names are not one constant (a
        // note says so, and the surface is incomplete), as for a parameter that is not certain.
        let rebound = skipping.replacingOccurrences(
            of: "    for i := range table {", with: "    skip = Skip(os.Getenv(\"S\"))\n    for i := range table {")
        for (call, declarations) in [("Skip(os.Getenv(\"S\"))", skipping), ("Skip(\"port\")", rebound)] {
            let read = surface(["box/cmd.go": program("    \(call).addFlags(serve)", declarations)], root: "box")
            #expect(!read.items.contains { $0.key.hasPrefix("box serve --") } && read.incomplete, "\(call)")
            #expect(read.notes.contains { $0.contains("is not a constant string") }, "\(read.notes)")
        }
        // s19-branches receiverbind: the receiver shadows the constant `mode`.
        let binding = """
            type Mode string

            const mode = "server"

            func (mode Mode) add(c *cobra.Command) {
                if mode == "client" {
                    c.Flags().String("port", "", "p")
                }
            }
            """
        #expect(serveFlags(["box/cmd.go": program("    Mode(\"client\").add(serve)", binding)]) == ["box serve --port"])
    }

    @Test("a loop over a literal's entries that certainly breaks at one runs the entries before it in Go's order only")
    func breakAtEntry() {
        func flags(_ filter: String, table: String = CobraBranchTests.table) -> Set<String> {
            let body = """
                    for _, o := range table {
                \(filter)
                        serve.Flags().String(o.Name, "", o.Usage)
                    }
                """
            return serveFlags(["box/cmd.go": program(body, table)])
        }
        // Go: `port` is the first entry: nothing is defined (review R24, s19-branches breakat).
        #expect(flags("        if o.Name == \"port\" {\n            break\n        }").isEmpty)
        #expect(flags("        if o.Name == \"port\" {\n            return\n        }").isEmpty)
        // The last entry breaks: the first is defined.
        #expect(flags("        if o.Name == \"host\" {\n            break\n        }") == ["box serve --port"])
        // Over a list literal in the loop, in the order written.
        let literal = """
                for _, o := range []Opt{{Name: "host", Usage: "u"}, {Name: "port", Usage: "u"}} {
                    if o.Name == "port" {
                        break
                    }
                    serve.Flags().String(o.Name, "", o.Usage)
                }
            """
        let types = "type Opt struct {\n    Name  string\n    Usage string\n}"
        #expect(serveFlags(["box/cmd.go": program(literal, types)]) == ["box serve --host"])
        // Not decided: a break on a path not certain; entries that are not literals of their own (their order is not
        // their place in the file).
        #expect(
            flags("        if o.Name == \"port\" && os.Getenv(\"X\") != \"\" {\n            break\n        }")
                == ["box serve --port", "box serve --host"])
        let named = """
            type Opt struct {
                Name  string
                Usage string
            }

            var host = Opt{Name: "host", Usage: "u"}
            var port = Opt{Name: "port", Usage: "u"}
            var table = []Opt{port, host}
            """
        #expect(
            flags("        if o.Name == \"port\" {\n            break\n        }", table: named)
                == ["box serve --port", "box serve --host"])
    }

    @Test("an if on a constant declared once per build runs each branch in the builds where it holds")
    func constantPerBuild() {
        let files = [
            "box/cmd.go": program(Self.clientServer),
            "box/mode_linux.go": "package box\n\nconst mode = \"client\"\n",
            "box/mode_windows.go": "package box\n\nconst mode = \"server\"\n",
        ]
        let items = surface(files, root: "box").items
        // Go: --port on linux only, --host on windows only (review s19-branches buildtag).
        #expect(items.first { $0.key == "box serve --port" }?.attributes["build"] == "linux", "\(items)")
        #expect(items.first { $0.key == "box serve --host" }?.attributes["build"] == "windows", "\(items)")
        // A folder not read whole may declare it for another build too: every branch, in every build.
        let partial = CobraExtractor.surface(
            of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: "box", partialFolders: ["box"])
        #expect(partial.items.first { $0.key == "box serve --port" }?.attributes["build"] == nil, "\(partial.items)")
        // Declared for every build too (not Go), or by a value not certain: every branch.
        var uncertain = files
        uncertain["box/mode_windows.go"] = "package box\n\nimport \"os\"\n\nvar mode = os.Getenv(\"M\")\n"
        #expect(surface(uncertain, root: "box").items.first { $0.key == "box serve --port" }?.attributes["build"] == nil)
    }

    @Test("a return or labeled jump on a branch decided by certain strings ends what follows it; one decided by what names hold does not")
    func certainBranchEnds() {
        // Go: `port` continues the outer loop from the inner one: only --host (review s19-branches labelcont).
        let labeled = """
            outer:
                for _, o := range table {
                    for range []int{1} {
                        if o.Name == "port" {
                            continue outer
                        }
                    }
                    serve.Flags().String(o.Name, "", o.Usage)
                }
            """
        #expect(serveFlags(["box/cmd.go": program(labeled, Self.table)]) == ["box serve --host"])
        let helper = """
            func addFlags(c *cobra.Command) {
                if mode == "server" {
                    return
                }
                c.Flags().Int("port", 0, "p")
            }
            """
        #expect(serveFlags(["box/cmd.go": program("    addFlags(serve)", "const mode = \"server\"\n\n" + helper)]).isEmpty)
        // The constant says otherwise; a var; a comparison with nil (decided by what names hold).
        #expect(
            serveFlags(["box/cmd.go": program("    addFlags(serve)", "const mode = \"client\"\n\n" + helper)])
                == ["box serve --port"])
        #expect(
            serveFlags(["box/cmd.go": program("    addFlags(serve)", "var mode = \"server\"\n\n" + helper)])
                == ["box serve --port"])
        let memo = """
            var root *cobra.Command

            func addFlags(c *cobra.Command) {
                if root != nil {
                    return
                }
                root = c
                c.Flags().Int("port", 0, "p")
            }
            """
        #expect(serveFlags(["box/cmd.go": program("    addFlags(serve)\n    addFlags(serve)", memo)]) == ["box serve --port"])
    }
}
