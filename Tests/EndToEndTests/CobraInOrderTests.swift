import Foundation
import Testing
import TestSupport

/// The cobra interpreter's in-order replacement of fields, elements and variables, which decides the flags a helper
/// registers: Go's order of evaluation and Go's scopes. The program is ``CobraSharedValueTests/program(_:extra:)``'s
/// (a `Group` of two `*Flag` fields, `Disk` and `Size`); each case's v1.0.0 registers `deck run --disk` as Go runs
/// it and a later release registers `--size` alone, so `audit` fails (exit 1) with the removal of `--disk`.
@Suite("cobra surface through the built binary: assignments replaced in Go's order and scopes")
struct CobraInOrderTests {
    @Test(
        "a tuple assignment to fields evaluates every right-hand side first: a swap keeps both flags, and the removal fails (review R62)",
        arguments: [
            "    g := NewGroup()\n    g.Disk, g.Size = g.Size, g.Disk\n    g.AddFlags(run)",
            "    g := NewGroup()\n    g.Size, g.Disk = g.Disk, g.Size\n    NewGroup().AddFlags(run)\n    g.AddFlags(run)",
        ])
    func tupleAssignment(first: String) throws {
        let found = try CobraSharedValueTests.audit(first: first, later: CobraSharedValueTests.sizeOnly)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "a name declared again in an inner block (a block, a var, a function literal's body, an if header) is that block's: the nil given there is not the outer group's, and the removal fails (review R61)",
        arguments: [
            ("    g := NewGroup()\n    {\n        g := NewGroup()\n        g.Disk = nil\n        _ = g\n    }\n    g.AddFlags(run)", ""),
            ("    g := NewGroup()\n    {\n        var g = NewGroup()\n        g.Disk = nil\n        _ = g\n    }\n    g.AddFlags(run)", ""),
            (
                "    {\n        common := NewGroup()\n        common.Disk = nil\n        _ = common\n    }\n    common.AddFlags(run)",
                "var common = NewGroup()"
            ),
            ("    g := NewGroup()\n    func() {\n        g := NewGroup()\n        g.Disk = nil\n    }()\n    g.AddFlags(run)", ""),
            (
                "    g := NewGroup()\n    if g := NewGroup(); g != nil {\n        g.Disk = nil\n    }\n    g.AddFlags(run)",
                ""
            ),
            ("    g := NewGroup()\n    {\n        g := NewGroup()\n        defer g.AddFlags(run)\n    }\n    g.Disk = nil", ""),
        ])
    func shadowingScope(first: String, extra: String) throws {
        let found = try CobraSharedValueTests.audit(
            first: first, later: CobraSharedValueTests.sizeOnly, firstExtra: extra, laterExtra: extra)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "an assignment to the outer name inside a block, a branch or a literal still reaches it: the group Go registers without --disk has none (the other way of review R61)",
        arguments: [
            "    g := NewGroup()\n    {\n        g.Disk = nil\n    }\n    g.AddFlags(run)",
            "    g := NewGroup()\n    func() {\n        g = &Group{Size: &Flag{Name: \"size\"}}\n        h := g\n        _ = h\n    }()\n"
                + "    g.AddFlags(run)",
        ])
    func outerNameAssigned(later: String) throws {
        let found = try CobraSharedValueTests.audit(first: CobraSharedValueTests.both, later: later)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "an entry of a one-entry list or map literal assigned again in order is the new value: a group without --disk there registers none (review R60, the B shapes)",
        arguments: [
            "    list := []*Group{NewGroup()}\n    list[0] = &Group{Size: &Flag{Name: \"size\"}}\n    list[0].AddFlags(run)",
            "    m := map[string]*Group{\"a\": NewGroup()}\n    m[\"a\"] = &Group{Size: &Flag{Name: \"size\"}}\n"
                + "    for _, g := range m {\n        g.AddFlags(run)\n    }",
        ])
    func oneEntryReplaced(later: String) throws {
        let found = try CobraSharedValueTests.audit(first: CobraSharedValueTests.both, later: later)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "an entry given under another key, or given back itself, keeps --disk: the removal fails only where Go drops it (review R60)",
        arguments: [
            "    m := map[string]*Group{\"a\": NewGroup()}\n    m[\"b\"] = &Group{Size: &Flag{Name: \"size\"}}\n"
                + "    for _, g := range m {\n        g.AddFlags(run)\n    }",
            "    list := []*Group{NewGroup()}\n    list[0] = list[0]\n    list[0].AddFlags(run)",
        ])
    func oneEntryKept(first: String) throws {
        let found = try CobraSharedValueTests.audit(first: first, later: CobraSharedValueTests.sizeOnly)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "the initial statement of an if or for header runs once, in order: its nil takes --disk away (review R63)",
        arguments: [
            "    g := NewGroup()\n    if g.Disk = nil; g.Size != nil {\n    }\n    g.AddFlags(run)",
            "    g := NewGroup()\n    for g.Disk = nil; false; {\n    }\n    g.AddFlags(run)",
        ])
    func headerInOrder(later: String) throws {
        let found = try CobraSharedValueTests.audit(first: CobraSharedValueTests.both, later: later)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    static let paths = """
        type AbsPath string

        func (p *AbsPath) Set(s string) error { *p = AbsPath(s); return nil }
        func (p AbsPath) String() string      { return string(p) }
        func (p AbsPath) Type() string        { return "absolute path" }

        type Config struct {
            Dest AbsPath
            Home AbsPath
        }

        func defaultDir() (AbsPath, error) { return AbsPath("/home"), nil }
        """

    @Test(
        "a field that is no pointer, given in order what carries no type (a call's result, in an if header or not), keeps its type: the flag bound to it reads the type's Type(), and its change to a string flag is a change of type (review R63; chezmoi 2.0.11)",
        arguments: [
            "    c := &Config{}\n    var err error\n    c.Dest, err = defaultDir()\n    _ = err\n    run.Flags().Var(&c.Dest, \"dest\", \"\")",
            "    c := &Config{}\n    var err error\n    if c.Dest, err = defaultDir(); err != nil {\n        return root\n    }\n"
                + "    run.Flags().Var(&c.Dest, \"dest\", \"\")",
        ])
    func fieldTypeKept(first: String) throws {
        let found = try CobraSharedValueTests.audit(
            first: first, later: "    run.Flags().String(\"dest\", \"\", \"\")", firstExtra: Self.paths,
            laterExtra: Self.paths)
        #expect(found.output.contains("deck run --dest"), "\(found.output)")
        #expect(found.output.contains("absolute path"), "\(found.output)")
    }

    static let options = """
        type Opts struct {
            Name string
            On   bool
        }

        func (o *Opts) Reset() { *o = Opts{Name: "size"} }
        """

    @Test(
        "a struct given whole through a pointer (its own pointer method's *o = Opts{...}, *g = Group{...}) has the literal's fields and Go's zero values for the others: the flag Go no longer registers is gone (review R85, R63)",
        arguments: [
            "    o := &Opts{Name: \"disk\"}\n    o.Reset()\n    run.Flags().String(o.Name, \"\", \"\")",
            "    o := &Opts{Name: \"disk\", On: true}\n    o.Reset()\n    if o.On {\n        run.Flags().String(\"disk\", \"\", \"\")\n    }",
            "    g := NewGroup()\n    *g = Group{Size: &Flag{Name: \"size\"}}\n    g.AddFlags(run)",
        ])
    func structReplacedThroughPointer(later: String) throws {
        let found = try CobraSharedValueTests.audit(
            first: CobraSharedValueTests.both, later: later, firstExtra: Self.options, laterExtra: Self.options)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test("a field given after the struct was reset through its pointer method is read: the flag it names is found (review R85)")
    func fieldAfterReset() throws {
        let first = "    o := &Opts{Name: \"size\"}\n    o.Reset()\n    o.Name = \"disk\"\n    run.Flags().String(o.Name, \"\", \"\")"
        let found = try CobraSharedValueTests.audit(
            first: first, later: "    run.Flags().String(\"size\", \"\", \"\")", firstExtra: Self.options,
            laterExtra: Self.options)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    static let names = """
        type Names []string

        func (n *Names) Clear() { *n = nil }
        func (n *Names) Set(v []string) { *n = v }
        func (n *Names) Keep(k int) { *n = (*n)[:k] }
        func (n *Names) Maybe(on bool) {
            if on {
                *n = nil
            }
        }

        var names = Names{"disk"}
        """

    static let rangeNames = "    for _, n := range names {\n        run.Flags().String(n, \"\", \"\")\n    }"

    @Test(
        "a list of a type that is no struct, rewritten through its own pointer method (nil, the argument, [:0]; a package var or a local), holds what the method wrote: the flag Go no longer registers is gone (review R85)",
        arguments: [
            "    names.Clear()\n" + rangeNames,
            "    names.Set([]string{\"size\"})\n" + rangeNames,
            "    names.Keep(0)\n" + rangeNames,
            "    t := Names{\"disk\"}\n    t.Keep(0)\n    for _, n := range t {\n        run.Flags().String(n, \"\", \"\")\n    }",
        ])
    func namesRewritten(later: String) throws {
        let found = try CobraSharedValueTests.audit(
            first: Self.rangeNames, later: later, firstExtra: Self.names, laterExtra: Self.names)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test("a list given its names through its pointer method is read with them: v1.0.0's flag is found, its removal fails (review R85)")
    func namesGiven() throws {
        let first =
            "    var t Names\n    t.Set([]string{\"disk\"})\n    for _, n := range t {\n        run.Flags().String(n, \"\", \"\")\n    }"
        let found = try CobraSharedValueTests.audit(
            first: first, later: "    run.Flags().String(\"size\", \"\", \"\")", firstExtra: Self.names,
            laterExtra: Self.names)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "a loop over a list of several strings runs once for each (a literal, names given through a pointer method): each flag it names is found, and the removal of one fails (review R85)",
        arguments: [
            "    for _, n := range []string{\"disk\", \"size\"} {\n        run.Flags().String(n, \"\", \"\")\n    }",
            "    var t Names\n    t.Set([]string{\"disk\", \"size\"})\n    for _, n := range t {\n        run.Flags().String(n, \"\", \"\")\n    }",
            "    t := Names{\"x\"}\n    t.Keep(0)\n    t.Set([]string{\"disk\", \"size\"})\n    for _, n := range t {\n"
                + "        run.Flags().String(n, \"\", \"\")\n    }",
        ])
    func eachStringRanged(first: String) throws {
        let found = try CobraSharedValueTests.audit(
            first: first, later: "    run.Flags().String(\"size\", \"\", \"\")", firstExtra: Self.names,
            laterExtra: Self.names)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
        #expect(!found.output.contains("deck run --size"), "\(found.output)")
        #expect(!found.output.contains("deck run --x"), "\(found.output)")
    }

    @Test(
        "a pointer method whose write cannot be known (a write in a branch), or one called through a pointer to the list, leaves the list deciding nothing: a note names the call and the surface is incomplete (review R85, fail closed)",
        arguments: [
            ("    names.Maybe(true)\n" + rangeNames, "names.Maybe"),
            ("    p := &names\n    p.Clear()\n" + rangeNames, "p.Clear"),
            // A method that calls a writing method on its receiver, or calls itself.
            ("    names.Wipe()\n" + rangeNames, "names.Wipe"),
            ("    names.Spin()\n" + rangeNames, "names.Spin"),
        ])
    func namesNotKnown(later: String, call: String) throws {
        let found = try CobraSharedValueTests.audit(
            first: Self.rangeNames, later: later, firstExtra: Self.names + Self.callingMethods,
            laterExtra: Self.names + Self.callingMethods)
        #expect(found.output.contains("\(call) writes through its pointer receiver"), "\(found.output)")
        let report = try JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [String: Any]
        #expect(report?["incomplete_surfaces"] as? [String] == ["cli"], "\(found.output)")
    }

    /// Pointer methods of `Names` that call methods on their receiver: `Count` calls `Each`, which only reads `*n`;
    /// `Wipe` calls `Clear`, which writes; `Spin` calls itself.
    static let callingMethods = """

        func (n *Names) Each(f func(string)) {
            for _, s := range *n {
                f(s)
            }
        }

        func (n *Names) Count() int {
            c := 0
            n.Each(func(string) { c++ })
            return c
        }

        func (n *Names) Wipe() { n.Clear() }

        func (n *Names) Spin() { n.Spin() }
        """

    @Test(
        "a pointer method that only calls, on its receiver, a method that reads it (skaffold's `GetImages` calling `l.Visit`) writes nothing: the list still decides, no note, and the removal fails"
    )
    func callOfKeepingMethod() throws {
        let found = try CobraSharedValueTests.audit(
            first: "    _ = names.Count()\n" + Self.rangeNames, later: "    run.Flags().String(\"size\", \"\", \"\")",
            firstExtra: Self.names + Self.callingMethods, laterExtra: Self.names + Self.callingMethods)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
        #expect(!found.output.contains("writes through its pointer receiver"), "\(found.output)")
    }

    /// Methods of `Names` that add a flag for each name, by value and through a pointer that only reads.
    static let adding = """

        func (n Names) AddTo(c *cobra.Command) {
            for _, s := range n {
                c.Flags().String(s, "", "")
            }
        }

        func (n *Names) AddEach(c *cobra.Command) {
            for _, s := range *n {
                c.Flags().String(s, "", "")
            }
        }
        """

    @Test(
        "a method of a list type that is no struct, called on a value made from its literal (`t := Names{\"disk\"}; t.AddTo(run)`), runs on the literal's names: the flag it adds is found and its removal fails",
        arguments: ["    t := Names{\"disk\"}\n    t.AddTo(run)", "    t := Names{\"disk\"}\n    t.AddEach(run)"])
    func methodOfLiteralValue(first: String) throws {
        let found = try CobraSharedValueTests.audit(
            first: first, later: "    run.Flags().String(\"size\", \"\", \"\")", firstExtra: Self.names + Self.adding,
            laterExtra: Self.names + Self.adding)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "a method of that name declared by two such types: which one runs is not known, so the call is not followed, with a note, and the surface is incomplete (fail closed)"
    )
    func methodOfLiteralValueNotKnown() throws {
        let other = "\n\ntype Modes []string\n\nfunc (m Modes) AddTo(c *cobra.Command) {\n    c.Flags().Bool(\"fast\", false, \"\")\n}\n"
        let found = try CobraSharedValueTests.audit(
            first: "    t := Names{\"disk\"}\n    t.AddTo(run)", later: "    run.Flags().String(\"size\", \"\", \"\")",
            firstExtra: Self.names + Self.adding + other, laterExtra: Self.names + Self.adding + other)
        #expect(found.output.contains("t.AddTo"), "\(found.output)")
        let report = try JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [String: Any]
        #expect(report?["incomplete_surfaces"] as? [String] == ["cli"], "\(found.output)")
    }

    /// Package-level groups and a hook type whose func field holds a function of the program.
    static let hooks = """
        var full = NewGroup()

        var part = &Group{Size: &Flag{Name: "size"}}

        type Hook struct{ Run func() }

        func drop() { full.Disk = nil }

        func give() { part.Disk = &Flag{Name: "disk"} }
        """

    @Test(
        "a function of the program held in a func field runs where the field is called (`h := &Hook{Run: give}; h.Run()`), as a call of it by name: the flag it gives is found and its removal fails; the flag it drops is gone, and no removal is claimed"
    )
    func functionInField() throws {
        let given = try CobraSharedValueTests.audit(
            first: "    h := &Hook{Run: give}\n    h.Run()\n    part.AddFlags(run)", later: CobraSharedValueTests.sizeOnly,
            firstExtra: Self.hooks, laterExtra: Self.hooks)
        #expect(given.status == 1, "\(given.output)")
        #expect(given.output.contains("deck run --disk"), "\(given.output)")
        let dropped = try CobraSharedValueTests.audit(
            first: "    h := &Hook{Run: drop}\n    h.Run()\n    full.AddFlags(run)", later: CobraSharedValueTests.sizeOnly,
            firstExtra: Self.hooks, laterExtra: Self.hooks)
        #expect(dropped.status == 0, "\(dropped.output)")
        #expect(!dropped.output.contains("deck run --disk"), "\(dropped.output)")
    }

    @Test(
        "a method called on the receiver that keeps it in one build and empties it in another (`visit_windows.go`) counts as a write: the flags of the windows build are claimed removed (review R92)"
    )
    func keepingMethodPerBuild() throws {
        func files(load: Bool, windows: String) -> [String: String] {
            [
                ".semgate.yml": CobraSharedValueTests.policy,
                "go.mod": "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n",
                "cmd/root.go": """
                    package cmd

                    import "github.com/spf13/cobra"

                    type Names []string

                    func (n *Names) Load() { n.Visit() }

                    func NewRoot() *cobra.Command {
                        root := &cobra.Command{Use: "deck"}
                        run := &cobra.Command{Use: "run"}
                        root.AddCommand(run)
                        t := Names{"disk"}
                        \(load ? "t.Load()" : "")
                        for _, n := range t {
                            run.Flags().String(n, "", "")
                        }
                        return root
                    }
                    """,
                "cmd/visit_windows.go": "//go:build windows\n\npackage cmd\n\nfunc (n *Names) Visit() { \(windows) }\n",
                "cmd/visit_other.go": "//go:build !windows\n\npackage cmd\n\nfunc (n *Names) Visit() { _ = len(*n) }\n",
            ]
        }
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(load: false, windows: "_ = len(*n)"), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(load: true, windows: "*n = nil"), tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", CobraSharedValueTests.policy)
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        #expect(result.status == 1, "\(result.stdout + result.stderr)")
        #expect(result.stdout.contains("deck run --disk"), "\(result.stdout + result.stderr)")
    }

    /// `audit` of v1.0.0 (`first`) then v1.1.0 (`later`), in ``CobraSharedValueTests/program(_:extra:)`` importing
    /// `os` as well: exit status and output.
    static func auditWithOS(first: String, later: String, extra: String = "") throws -> (status: Int32, output: String) {
        func files(_ body: String) -> [String: String] {
            let program = CobraSharedValueTests.program(body, extra: extra).replacingOccurrences(
                of: "import \"github.com/spf13/cobra\"", with: "import (\n    \"os\"\n\n    \"github.com/spf13/cobra\"\n)")
            return [
                ".semgate.yml": CobraSharedValueTests.policy,
                "go.mod": "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n",
                "cmd/root.go": program,
            ]
        }
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(first), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(later), tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", CobraSharedValueTests.policy)
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (result.status, result.stdout + result.stderr)
    }

    static let pluginReturn = "    if os.Getenv(\"DECK_PLUGIN\") != \"\" {\n        root.DisableFlagParsing = true\n        return root\n    }\n"

    static let addRun = "func addRun(run *cobra.Command) {\n    g := NewGroup()\n    g.Disk = nil\n    g.AddFlags(run)\n}"

    @Test(
        "after an if whose body returns (`if os.Getenv(...) != \"\" { return root }`), a nil given in order to a group made after it is given on every path that has the group: Go registers no --disk whether the if is there or not, and dropping the if claims nothing (trivy 0.30.3, 38 false errors)",
        arguments: [
            (pluginReturn + "    g := NewGroup()\n    g.Disk = nil\n    g.AddFlags(run)", ""),
            (pluginReturn + "    addRun(run)", addRun),
        ])
    func nilAfterEarlyReturn(body: String, extra: String) throws {
        let later = body.replacingOccurrences(of: Self.pluginReturn, with: "")
        let found = try Self.auditWithOS(first: body, later: later, extra: extra)
        #expect(found.status == 0, "\(found.output)")
        #expect(!found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "controls: a group made before an if that returns and registered on its path, or a nil given under another if or after a second return whose path registers the group, keeps --disk in v1.0.0: its removal fails",
        arguments: [
            "    g := NewGroup()\n    if os.Getenv(\"DECK_PLUGIN\") != \"\" {\n        g.AddFlags(run)\n        return root\n    }\n"
                + "    g.Disk = nil\n    g.AddFlags(run)",
            pluginReturn + "    g := NewGroup()\n    if os.Getenv(\"DECK_SMALL\") != \"\" {\n        g.Disk = nil\n    }\n    g.AddFlags(run)",
            pluginReturn + "    g := NewGroup()\n    if os.Getenv(\"DECK_SMALL\") != \"\" {\n        g.AddFlags(run)\n        return root\n    }\n"
                + "    g.Disk = nil\n    g.AddFlags(run)",
        ])
    func nilAfterEarlyReturnControls(first: String) throws {
        let found = try Self.auditWithOS(first: first, later: CobraSharedValueTests.sizeOnly)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }
}
