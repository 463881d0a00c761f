import Foundation
import Testing
import TestSupport

/// A field written through a value the cobra interpreter cannot tie to an object (received from a channel, loaded from
/// an `atomic.Value`, taken from a context) may be any object of the program's types that went where the run does not
/// follow it (review R89): the flags such objects name are not in the surface for certain, so their removal is claimed.
@Suite("cobra surface through the built binary: fields written through values the run cannot name")
struct CobraUnnamedWriteTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra: {files: ["cmd/*.go"], root: tool}
        """

    /// A `tool serve` command whose options come from an `Opts` of two `*Option` fields; `body` runs between making
    /// the options (`o`) and registering them.
    static func program(_ body: String, extra: String = "") -> String {
        """
        package cmd

        import (
            "context"
            "os/exec"
            "sync/atomic"

            "github.com/spf13/cobra"
        )

        var _ = context.TODO
        var _ = exec.Command
        var _ atomic.Value

        type Option struct{ Long string }

        func (o *Option) Register(c *cobra.Command) {
            if o == nil {
                return
            }
            c.Flags().Bool(o.Long, false, "an option")
        }

        type Opts struct {
            Verbose *Option
            Output  *Option
            Env     []string
        }

        type Other struct{ Level *Option }

        type Holder struct {
            Name   string
            O      *Opts
            Inline Opts
        }

        func newOpts() *Opts { return &Opts{Verbose: &Option{Long: "verbose"}, Output: &Option{Long: "output"}} }
        \(extra)

        func (o *Opts) Register(c *cobra.Command) {
            o.Verbose.Register(c)
            o.Output.Register(c)
        }

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            root.AddCommand(serve)
            o := newOpts()
        \(body)
            return root
        }
        """
    }

    /// `audit` of v1.0.0 (the options registered as made) then v1.1.0 (`later`): exit status and output.
    static func audit(later: String, extra: String = "") throws -> (status: Int32, output: String) {
        let repo = try FixtureRepository()
        func files(_ body: String) -> [String: String] {
            [
                ".semgate.yml": policy,
                "go.mod": "module example.com/tool\n\nrequire github.com/spf13/cobra v1.8.0\n",
                "cmd/root.go": program(body, extra: extra),
            ]
        }
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files("    o.Register(serve)"), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(later), tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", policy)
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (result.status, result.stdout + result.stderr)
    }

    @Test(
        "a field set to nil through a value received from a channel, loaded from an atomic.Value or taken from a context, that may be the options sent or handed there: --verbose is not kept for certain, its removal fails with a note (review R89)",
        arguments: [
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    got := <-pipe\n    got.Verbose = nil\n    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    go func() { pipe <- o }()\n    (<-pipe).Verbose = nil\n    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    select {\n    case pipe <- o:\n    }\n    (<-pipe).Verbose = nil\n"
                + "    o.Register(serve)",
            "    var held atomic.Value\n    held.Store(o)\n    held.Load().(*Opts).Verbose = nil\n    o.Register(serve)",
            "    var held atomic.Value\n    held.Store(o)\n    got := held.Load().(*Opts)\n    got.Verbose = nil\n"
                + "    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    got, ok := <-pipe\n    if ok {\n        got.Verbose = nil\n    }\n"
                + "    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"opts\", o)\n    ctx.Value(\"opts\").(*Opts).Verbose = nil\n"
                + "    o.Register(serve)",
        ])
    func writtenThroughUnnamedValue(later: String) throws {
        let found = try Self.audit(later: later)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("tool serve --verbose"), "\(found.output)")
        #expect(found.output.contains("written here through a value that cannot be tied to an object"), "\(found.output)")
        #expect(!found.output.contains("tool serve --output"), "\(found.output)")
    }

    @Test(
        "a field set to nil one field or more below a value the run cannot name (`h := ctx.Value(k).(*Holder); h.O.Verbose = nil`, a value assertion whose pointer field is shared, a channel, a select case, a range over a channel, `var h = <-ch`, a field read into a local first, a range over or an element of an asserted slice or map of pointers): Go registers no --verbose, and its removal fails with a note (review R89b)",
        arguments: [
            "    ctx := context.WithValue(context.TODO(), \"h\", &Holder{O: o})\n    h := ctx.Value(\"h\").(*Holder)\n"
                + "    h.O.Verbose = nil\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"h\", Holder{O: o})\n    h := ctx.Value(\"h\").(Holder)\n"
                + "    h.O.Verbose = nil\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"h\", &Holder{O: o})\n"
                + "    ctx.Value(\"h\").(*Holder).O.Verbose = nil\n    o.Register(serve)",
            "    pipe := make(chan *Holder, 1)\n    pipe <- &Holder{O: o}\n    h := <-pipe\n    h.O.Verbose = nil\n"
                + "    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    select {\n    case got := <-pipe:\n        got.Verbose = nil\n"
                + "    default:\n    }\n    o.Register(serve)",
            "    pipe := make(chan *Holder, 1)\n    pipe <- &Holder{O: o}\n    close(pipe)\n    for h := range pipe {\n"
                + "        h.O.Verbose = nil\n    }\n    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    var got = <-pipe\n    got.Verbose = nil\n    o.Register(serve)",
            "    pipe := make(chan *Holder, 1)\n    pipe <- &Holder{O: o}\n    h := <-pipe\n    inner := h.O\n"
                + "    inner.Verbose = nil\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"all\", []*Opts{o})\n"
                + "    for _, got := range ctx.Value(\"all\").([]*Opts) {\n        got.Verbose = nil\n    }\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"all\", map[string]*Holder{\"o\": {O: o}})\n"
                + "    all := ctx.Value(\"all\").(map[string]*Holder)\n    for _, h := range all {\n        h.O.Verbose = nil\n"
                + "    }\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"all\", []*Opts{o})\n    all := ctx.Value(\"all\").([]*Opts)\n"
                + "    for i := range all {\n        all[i].Verbose = nil\n    }\n    o.Register(serve)",
        ])
    func writtenThroughUnnamedPath(later: String) throws {
        let found = try Self.audit(later: later)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("tool serve --verbose"), "\(found.output)")
        #expect(found.output.contains("written here through a value that cannot be tied to an object"), "\(found.output)")
        #expect(!found.output.contains("tool serve --output"), "\(found.output)")
    }

    /// Declarations for the shapes of review R89c: a holder of a list of pointers and one of struct values, helpers
    /// returning asserted values, a pointer method that clears --verbose and a value method that clears its copy's.
    static let r89cDeclarations = """

        type Box struct{ L []*Opts }

        type Values struct{ L []Opts }

        type Named []*Opts

        type NamedBox struct{ N Named }

        func allOpts(ctx context.Context) []*Opts { return ctx.Value("all").([]*Opts) }

        func oneOpts(ctx context.Context) *Opts { return ctx.Value("one").(*Opts) }

        func valueOpts(ctx context.Context) []Opts { return ctx.Value("values").([]Opts) }

        func (o *Opts) Clear() { o.Verbose = nil }

        func (o Opts) Reset() { o.Verbose = nil }

        func drop(x *Opts) { x.Verbose = nil }
        """

    @Test(
        "a write through an element of a collection of pointers, or a pointer method or function run on a value, that the run cannot name, whichever way the static type is known (a channel of slices, a field of an asserted holder, a helper's result, a pointer to a slice, a method's receiver, a method value or expression, a parameter): Go registers no --verbose, and its removal fails with a note (review R89c)",
        arguments: [
            "    pipe := make(chan []*Opts, 1)\n    pipe <- []*Opts{o}\n    for _, got := range <-pipe {\n"
                + "        got.Verbose = nil\n    }\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"b\", &Box{L: []*Opts{o}})\n    b := ctx.Value(\"b\").(*Box)\n"
                + "    for _, got := range b.L {\n        got.Verbose = nil\n    }\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"b\", &NamedBox{N: Named{o}})\n"
                + "    b := ctx.Value(\"b\").(*NamedBox)\n    for _, got := range b.N {\n        got.Verbose = nil\n    }\n"
                + "    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"all\", []*Opts{o})\n    for _, got := range allOpts(ctx) {\n"
                + "        got.Verbose = nil\n    }\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"one\", o)\n    got := oneOpts(ctx)\n    got.Verbose = nil\n"
                + "    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    got := <-pipe\n    got.Clear()\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"h\", &Holder{O: o})\n    h := ctx.Value(\"h\").(*Holder)\n"
                + "    h.O.Clear()\n    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    clear := func(x *Opts) { x.Verbose = nil }\n"
                + "    clear(<-pipe)\n    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    drop(<-pipe)\n    o.Register(serve)",
            "    all := []*Opts{o}\n    ctx := context.WithValue(context.TODO(), \"p\", &all)\n"
                + "    p := ctx.Value(\"p\").(*[]*Opts)\n    for _, got := range *p {\n        got.Verbose = nil\n    }\n"
                + "    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    got := <-pipe\n    clear := got.Clear\n    clear()\n"
                + "    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    (*Opts).Clear(<-pipe)\n    o.Register(serve)",
        ])
    func writtenThroughUnnamedCollectionOrCall(later: String) throws {
        let found = try Self.audit(later: later, extra: Self.r89cDeclarations)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("tool serve --verbose"), "\(found.output)")
        #expect(found.output.contains("written here through a value that cannot be tied to an object"), "\(found.output)")
        #expect(!found.output.contains("tool serve --output"), "\(found.output)")
    }

    @Test(
        "controls: a range over a field or a helper's result that holds struct values, and a value method run on a value the run cannot name, write copies: nothing is claimed (review R89c)",
        arguments: [
            "    ctx := context.WithValue(context.TODO(), \"b\", &Values{L: []Opts{*o}})\n"
                + "    b := ctx.Value(\"b\").(*Values)\n    for _, got := range b.L {\n        got.Verbose = nil\n"
                + "        _ = got\n    }\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"values\", []Opts{*o})\n"
                + "    for _, got := range valueOpts(ctx) {\n        got.Verbose = nil\n        _ = got\n    }\n"
                + "    o.Register(serve)",
            "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    got := <-pipe\n    got.Reset()\n    o.Register(serve)",
        ])
    func unnamedCollectionOrCallControls(later: String) throws {
        let found = try Self.audit(later: later, extra: Self.r89cDeclarations)
        #expect(found.status == 0, "\(found.output)")
        #expect(!found.output.contains("tool serve --verbose"), "\(found.output)")
    }

    @Test(
        "controls: a struct value taken out of an interface (`h := ctx.Value(k).(Holder)`) is a copy: writing its own pointer field, its string field, or a field of a struct value it holds reaches no object, nor does writing a ranged copy of a struct value element: nothing is claimed",
        arguments: [
            "    ctx := context.WithValue(context.TODO(), \"h\", Holder{O: o})\n    h := ctx.Value(\"h\").(Holder)\n"
                + "    h.O = nil\n    _ = h\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"h\", Holder{O: o})\n    h := ctx.Value(\"h\").(Holder)\n"
                + "    h.Name = \"x\"\n    _ = h\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"h\", Holder{O: o, Inline: *o})\n"
                + "    h := ctx.Value(\"h\").(Holder)\n    h.Inline.Verbose = nil\n    _ = h\n    o.Register(serve)",
            "    ctx := context.WithValue(context.TODO(), \"all\", []Holder{{O: o}})\n"
                + "    for _, h := range ctx.Value(\"all\").([]Holder) {\n        h.O = nil\n        _ = h\n    }\n"
                + "    o.Register(serve)",
        ])
    func unnamedCopyControls(later: String) throws {
        let found = try Self.audit(later: later)
        #expect(found.status == 0, "\(found.output)")
        #expect(!found.output.contains("tool serve --verbose"), "\(found.output)")
    }

    @Test(
        "a field set to nil through the one entry of a list bound once, in a loop over it (`for _, x := range all { x.(*Opts).Verbose = nil }`): Go registers no --verbose, and its removal fails (review R89)"
    )
    func writtenThroughOneEntryList() throws {
        let found = try Self.audit(
            later: "    all := []interface{}{o}\n    for _, x := range all {\n        x.(*Opts).Verbose = nil\n    }\n"
                + "    o.Register(serve)")
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("tool serve --verbose"), "\(found.output)")
    }

    @Test(
        "controls: a write through a value that cannot be named, when the options never went where the run does not follow them, or after they were registered, or a field the options' type does not declare: nothing is claimed",
        arguments: [
            "    pipe := make(chan *Opts, 1)\n    (<-pipe).Verbose = nil\n    o.Register(serve)",
            "    o.Register(serve)\n    pipe := make(chan *Opts, 1)\n    pipe <- o\n    (<-pipe).Verbose = nil",
            "    var held atomic.Value\n    held.Store(o)\n    held.Load().(*Other).Level = nil\n    o.Register(serve)",
        ])
    func unnamedWriteControls(later: String) throws {
        let found = try Self.audit(later: later)
        #expect(found.status == 0, "\(found.output)")
        #expect(!found.output.contains("tool serve --verbose"), "\(found.output)")
    }

    @Test(
        "control: a field of another package's value named like a field of the options (`c := exec.Command(...); c.Env = nil`) is no write of the options, though they were sent: no note, nothing claimed"
    )
    func otherPackageValueControl() throws {
        let found = try Self.audit(
            later: "    pipe := make(chan *Opts, 1)\n    pipe <- o\n    c := exec.Command(\"true\")\n    c.Env = nil\n"
                + "    o.Register(serve)")
        #expect(found.status == 0, "\(found.output)")
        #expect(!found.output.contains("cannot be tied to an object"), "\(found.output)")
    }

    @Test(
        "control: a field of a struct value taken out of an interface (`got := box.Load().(Opts)`, no pointer) is written on a copy no object shares, though the options went where the run does not follow them: no note, nothing claimed (syft's 19 false notes)"
    )
    func valueAssertionControl() throws {
        let found = try Self.audit(
            later: "    var held, box atomic.Value\n    held.Store(o)\n    box.Store(*o)\n    got := box.Load().(Opts)\n"
                + "    got.Verbose = nil\n    _ = got\n    o.Register(serve)")
        #expect(found.status == 0, "\(found.output)")
        #expect(!found.output.contains("cannot be tied to an object"), "\(found.output)")
    }

    @Test(
        "control: the value variable of a loop over a one-entry list of struct values is a copy (`for _, c := range list { c.Disk = nil }`): the element keeps --disk, and its removal fails (review r56 'copy in a range value')"
    )
    func copyInRangeValue() throws {
        let found = try CobraSharedValueTests.audit(
            first: "    list := []Group{*NewGroup()}\n    for _, c := range list {\n        c.Disk = nil\n    }\n"
                + "    list[0].AddFlags(run)",
            later: CobraSharedValueTests.sizeOnly)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }
}

/// A group's field set to nil in order (`g.Size = nil`) before the command lists the group's flags, where code run
/// for no known caller (a holder's `AddFlags` and `Usages`, run once with any holder) lists the same group's flags
/// too: the command registers only what Go does (trivy 0.48.0's flag groups, `scanFlagGroup.Parallel = nil`).
@Suite("cobra surface through the built binary: an in-order nil beside other callers of the same group")
struct CobraInOrderOtherCallersTests {
    /// v1.0.0 registers --disk and --size; v1.1.0 sets `g.Size = nil` first. `consumers` are methods of the holder
    /// that nothing calls.
    static func program(nilSize: Bool, consumers: String) -> String {
        """
        package cmd

        import (
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        var _ = pflag.NewFlagSet

        type Flag struct{ Name string }

        var (
            DiskFlag = Flag{Name: "disk"}
            SizeFlag = Flag{Name: "size"}
        )

        type Lister interface{ Flags() []*Flag }

        type Group struct {
            Disk *Flag
            Size *Flag
        }

        func NewGroup() *Group { return &Group{Disk: &DiskFlag, Size: &SizeFlag} }

        func (g *Group) Flags() []*Flag { return []*Flag{g.Disk, g.Size} }

        type Holder struct{ Group *Group }

        func (h *Holder) listers() []Lister {
            var all []Lister
            if h.Group != nil {
                all = append(all, h.Group)
            }
            return all
        }

        \(consumers)

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "deck"}
            run := &cobra.Command{Use: "run"}
            root.AddCommand(run)
            g := NewGroup()
            \(nilSize ? "g.Size = nil" : "")
            held := &Holder{Group: g}
            _ = held
            for _, f := range g.Flags() {
                if f == nil {
                    continue
                }
                run.Flags().String(f.Name, "", "")
            }
            return root
        }
        """
    }

    static let addFlags = """
        func (h *Holder) AddFlags(cmd *cobra.Command) {
            for _, l := range h.listers() {
                for _, f := range l.Flags() {
                    if f == nil {
                        continue
                    }
                    cmd.Flags().String(f.Name, "", "")
                }
            }
        }
        """

    static let usages = """
        func (h *Holder) Usages(cmd *cobra.Command) {
            for _, l := range h.listers() {
                set := pflag.NewFlagSet(cmd.Name(), pflag.ContinueOnError)
                local := cmd.LocalFlags()
                for _, f := range l.Flags() {
                    if f == nil {
                        continue
                    }
                    set.AddFlag(local.Lookup(f.Name))
                }
            }
        }
        """

    @Test(
        "the nil given in order holds for the command's loop, whatever the holder's methods run for no known caller read: v1.1.0 has no --size, so its removal fails, and v1.0.0's two flags are found",
        arguments: [addFlags, addFlags + "\n\n" + usages])
    func inOrderNilBesideOtherCallers(consumers: String) throws {
        let policy = """
            semgate: 1
            surfaces:
              cli:
                extract:
                  cobra: {files: ["cmd/*.go"], root: deck}
            """
        func files(nilSize: Bool) -> [String: String] {
            [
                ".semgate.yml": policy,
                "go.mod": "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n",
                "cmd/root.go": Self.program(nilSize: nilSize, consumers: consumers),
            ]
        }
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(nilSize: false), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(nilSize: true), tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", policy)
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        let output = result.stdout + result.stderr
        #expect(result.status == 1, "\(output)")
        #expect(output.contains("deck run --size"), "\(output)")
        #expect(!output.contains("deck run --disk\""), "\(output)")
    }
}
