import Foundation
import Testing
import TestSupport

/// The cobra interpreter's reading of Go values that more than one name reaches: an element of an array a pointer
/// was taken into and that is written again (review R59), and nil assignments Go certainly runs before the group is
/// registered. Each case: v1.0.0 registers `deck run --disk` as Go runs it and v1.1.0 registers `--size` alone, so
/// `audit` fails (exit 1) with the removal of `--disk`.
@Suite("cobra surface through the built binary: values reached by more than one name")
struct CobraSharedValueTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra: {files: ["cmd/*.go"], root: deck}
        """

    /// A flag that a nil `*Flag` does not define, and a group of two (trivy's flag-group shape).
    static func program(_ body: String, extra: String = "") -> String {
        """
        package cmd

        import "github.com/spf13/cobra"

        type Flag struct{ Name string }

        func (f *Flag) Add(cmd *cobra.Command) {
            if f == nil {
                return
            }
            cmd.Flags().String(f.Name, "", "a flag")
        }

        type Group struct {
            Disk *Flag
            Size *Flag
        }

        func NewGroup() *Group { return &Group{Disk: &Flag{Name: "disk"}, Size: &Flag{Name: "size"}} }

        func (g *Group) AddFlags(cmd *cobra.Command) {
            g.Disk.Add(cmd)
            g.Size.Add(cmd)
        }

        \(extra)

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "deck"}
            run := &cobra.Command{Use: "run"}
            root.AddCommand(run)
        \(body)
            return root
        }
        """
    }

    static let sizeOnly = "    g := &Group{Size: &Flag{Name: \"size\"}}\n    g.AddFlags(run)"
    static let both = "    NewGroup().AddFlags(run)"

    /// `audit` of v1.0.0 (`first`) then v1.1.0 (`later`): exit status and the error findings' text.
    static func audit(first: String, later: String, firstExtra: String = "", laterExtra: String = "") throws
        -> (status: Int32, output: String)
    {
        let repo = try FixtureRepository()
        func files(_ body: String, _ extra: String) -> [String: String] {
            [
                ".semgate.yml": policy,
                "go.mod": "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n",
                "cmd/root.go": program(body, extra: extra),
            ]
        }
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(first, firstExtra), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(later, laterExtra), tags: ["v1.1.0"]),
        ])
        // The policy the audit reads is the working tree's (fast-import checks nothing out).
        try repo.write(".semgate.yml", policy)
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (result.status, result.stdout + result.stderr)
    }

    @Test(
        "a pointer into an array written again (append to list[:0], copy, an element assigned) sees what was written there: the flag it gives is found, its removal fails (review R59)",
        arguments: [
            "    list := []Group{{Disk: nil, Size: &Flag{Name: \"size\"}}}\n    picked := &list[0]\n"
                + "    list = append(list[:0], Group{Disk: &Flag{Name: \"disk\"}, Size: &Flag{Name: \"size\"}})\n"
                + "    picked.AddFlags(run)",
            "    list := []Group{{Disk: nil, Size: &Flag{Name: \"size\"}}}\n    picked := &list[0]\n"
                + "    copy(list, []Group{{Disk: &Flag{Name: \"disk\"}, Size: &Flag{Name: \"size\"}}})\n"
                + "    picked.AddFlags(run)",
            "    list := []Group{{Disk: nil, Size: &Flag{Name: \"size\"}}}\n    picked := &list[0]\n"
                + "    list[0] = Group{Disk: &Flag{Name: \"disk\"}, Size: &Flag{Name: \"size\"}}\n"
                + "    picked.AddFlags(run)",
        ])
    func arrayWrittenAgain(first: String) throws {
        let found = try Self.audit(first: first, later: Self.sizeOnly)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "a nil Go gives the group while it initialises the package (an init function, a package-level function literal) is there when the command is built: the removal fails (review R58)",
        arguments: [
            ("    common.AddFlags(run)", "var common = NewGroup()\n\nfunc init() { common.Disk = nil }"),
            (
                "    common.AddFlags(run)",
                "var common = func() *Group {\n    g := NewGroup()\n    g.Disk = nil\n    return g\n}()"
            ),
        ])
    func nilWhileInitialising(later: String, extra: String) throws {
        let found = try Self.audit(first: Self.both, later: later, laterExtra: extra)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }

    @Test(
        "where Go registers the group before the nil (a command built by a package-level declaration, an init that builds commands first, a second init giving the field back), v1.0.0 has the flag and its removal fails",
        arguments: [
            // Package-level declarations run before any init.
            (
                "    root.AddCommand(serve)",
                "var common = NewGroup()\n\nvar serve = build()\n\nfunc build() *cobra.Command {\n    c := &cobra.Command{Use: \"serve\"}\n"
                    + "    common.AddFlags(c)\n    return c\n}\n\nfunc init() { common.Disk = nil }",
                "deck serve --disk"
            ),
            // The init that registers comes first in the file.
            (
                "    root.AddCommand(serve)",
                "var common = NewGroup()\n\nvar serve = &cobra.Command{Use: \"serve\"}\n\nfunc init() { common.AddFlags(serve) }\n\n"
                    + "func init() { common.Disk = nil }",
                "deck serve --disk"
            ),
            (
                "    common.AddFlags(run)",
                "var common = NewGroup()\n\nfunc init() { common.Disk = nil }\n\nfunc init() { common.Disk = &Flag{Name: \"disk\"} }",
                "deck run --disk"
            ),
        ])
    func registeredBeforeTheNil(first: String, extra: String, removed: String) throws {
        let later = "    root.AddCommand(&cobra.Command{Use: \"serve\"})\n" + Self.sizeOnly
        let found = try Self.audit(first: first, later: later, firstExtra: extra)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains(removed), "\(found.output)")
    }

    /// A table of flags whose loop writes each copy back where its element was (`entries[i] = e`): the copy's origin
    /// is then read through the copy that took its place, which is read through its origin in turn.
    static let writtenBack = """
        type Entry struct {
            Name  string
            Usage string
        }

        type Entries []Entry

        func (entries Entries) Describe(prefix string) {
            for i, e := range entries {
                e.Usage = prefix + "flag"
                entries[i] = e
            }
        }

        func (entries Entries) Add(cmd *cobra.Command) {
            for _, e := range entries {
                cmd.Flags().String(e.Name, "", e.Usage)
            }
        }
        """

    @Test(
        "a loop that writes each copy back where its element was (`entries[i] = e`), once or by two loops, reads the element's fields through the copy that took its place and back: v1.0.0 has --disk and its removal fails (95bfbcb and ca506b3 overflowed the stack here)",
        arguments: [
            "    entries := Entries{{Name: \"disk\"}}\n    entries.Describe(\"a \")\n    entries.Add(run)",
            "    entries := Entries{{Name: \"disk\"}}\n    entries.Describe(\"a \")\n    entries.Describe(\"the \")\n"
                + "    entries.Add(run)",
        ])
    func copyWrittenBack(first: String) throws {
        let found = try Self.audit(
            first: first, later: Self.sizeOnly, firstExtra: Self.writtenBack, laterExtra: Self.writtenBack)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }
}
