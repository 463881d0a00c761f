import Foundation
import Testing
import TestSupport

/// Commands attached through kubectl's group adder (`templates.CommandGroups{...}.Add(root)`, in minikube from 1.3.0
/// and skaffold from 0.34.0; review UC): the commands of the groups are subcommands of the one command `Add` is given,
/// keyed under it (`tool run --watch`), with `root:` set or not. No other call the files do not define adds anything,
/// whatever its name: a command taken out of the tree and handed with the root to `log.Println`, `fmt.Sprint`,
/// `slog.Record.Add`, an `Add` of the program's own module, a helper the files define, or a kubectl that `go.mod`
/// replaces by a folder, is gone, and its removal is claimed (review uc-guess-attack.sh, uc-adder-attack.sh).
@Suite("cobra commands handed to kubectl's group adder")
struct CobraExternalGroupAdderTests {
    static func policy(root: Bool) -> String {
        """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go"]\(root ? "\n        root: tool" : "")
        rules:
          removed-without-deprecation: error
        """
    }

    static let run = """
        package cmd

        import "github.com/spf13/cobra"

        var runCmd = &cobra.Command{Use: "run", Run: func(*cobra.Command, []string) {}}

        func init() {
            runCmd.Flags().Bool("watch", false, "watch")
        }
        """

    static func root(_ body: String, declarations: String = "") -> String {
        """
        package cmd

        import (
            "container/list"
            "fmt"
            "log"
            "log/slog"

            "github.com/spf13/cobra"
            "k8s.io/kubectl/pkg/util/templates"

            "example.com/tool/pkg/util"
        )

        var _ = fmt.Sprint
        var _ list.Element
        var _ slog.Record
        var _ util.CommandGroups
        var _ = log.Println
        var _ templates.CommandGroups
        \(declarations)
        var RootCmd = &cobra.Command{Use: "tool"}

        func init() {
        \(body)
        }
        """
    }

    static let groups = """
            groups := templates.CommandGroups{
                {Message: "Basic Commands:", Commands: []*cobra.Command{runCmd}},
            }
            groups.Add(RootCmd)
        """

    static let plain = root("    RootCmd.AddCommand(runCmd)")

    static let goMod =
        "module example.com/tool\n\ngo 1.21\n\nrequire (\n\tgithub.com/spf13/cobra v1.8.0\n\tk8s.io/kubectl v0.30.0\n)\n"

    func repository(
        root: Bool, goMod: String = Self.goMod, _ releases: [(files: [String: String?], tag: String)]
    ) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy(root: root))
        try repo.write("go.mod", goMod)
        for release in releases {
            for (path, text) in release.files {
                if let text { try repo.write(path, text) } else { try repo.remove(path) }
            }
            try repo.commit(release.tag)
            try repo.tag(release.tag, annotated: true)
        }
        return repo
    }

    func audit(
        root: Bool, goMod: String = Self.goMod, _ releases: [(files: [String: String?], tag: String)]
    ) throws -> [String: Any]? {
        let repo = try repository(root: root, goMod: goMod, releases)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        return jsonObject(result.stdout)
    }

    /// Fails before: with `root:`, every command and flag and cobra's help and completion claimed removed at 1.1.0;
    /// without, `run` was a root keyed by guess, and cobra's help and completion (the root had no subcommand left)
    /// were claimed removed.
    @Test(arguments: [true, false])
    func plainAddCommandToGroupAdder(root: Bool) throws {
        let report = try audit(
            root: root,
            [
                (["cmd/run.go": Self.run, "cmd/root.go": Self.plain], "v1.0.0"),
                (["cmd/root.go": Self.root(Self.groups)], "v1.1.0"),
            ])
        #expect(CobraPluginFlagsTests.errors(report, "1.1.0") == [])
    }

    /// The commands the group adder is given are keyed under the command it is given, with the program's name:
    /// fails before (with `root:`, `run` is not in the surface; without, it is keyed `run --watch`).
    @Test(arguments: [true, false])
    func groupedCommandKeyedUnderTheRoot(root: Bool) throws {
        let repo = try repository(
            root: root, [(["cmd/run.go": Self.run, "cmd/root.go": Self.root(Self.groups)], "v1.0.0")])
        let result = try runSemgate(["surface", "v1.0.0", "--format", "json"], in: repo.url)
        let items = (jsonObject(result.stdout)?["items"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(items.contains("tool run --watch"), "\(items)")
        #expect(items.contains("tool help"), "\(items)")
        #expect(!items.contains("run --watch"), "\(items)")
    }

    /// The command taken out of the tree and handed with the root to calls that add nothing, or to an adder of a
    /// package of the program's own module that the files leave out (`util`, under `example.com/tool`), which
    /// semgate cannot read: its removal is claimed. Without `root:` this failed before (`log.Println`, `fmt.Sprint`,
    /// `util...Add`: exit 0, review uc-guess-attack.sh shape N); with `root:` it is the control of the reverted a514c88.
    @Test(arguments: [true, false], [
        "    log.Println(&box{c: runCmd}, RootCmd)",
        "    fmt.Sprint(templates.CommandGroups{{Commands: []*cobra.Command{runCmd}}}, RootCmd)",
        "    groups{{c: runCmd}}.Add(RootCmd)",
        "    util.CommandGroups{{Commands: []*cobra.Command{runCmd}}}.Add(RootCmd)",
        "    util.AddCommands(templates.CommandGroups{{Commands: []*cobra.Command{runCmd}}}, RootCmd)",
        "    (&slog.Record{}).Add(&list.Element{Value: runCmd}, RootCmd)",
        "    (&slog.Record{}).Add(templates.CommandGroups{{Commands: []*cobra.Command{runCmd}}}, RootCmd)",
    ])
    func handedToACallThatAddsNothing(root: Bool, call: String) throws {
        let declarations = """
            type box struct{ c *cobra.Command }

            type groups []box

            func (g groups) Add(*cobra.Command) {}

            """
        let report = try audit(
            root: root,
            [
                (["cmd/run.go": Self.run, "cmd/root.go": Self.plain], "v1.0.0"),
                (["cmd/root.go": Self.root(call, declarations: declarations)], "v1.1.0"),
            ])
        let errors = CobraPluginFlagsTests.errors(report, "1.1.0")
        #expect(errors.contains("removed-without-deprecation cli:tool run"), "\(errors)")
        #expect(errors.contains("removed-without-deprecation cli:tool run --watch"), "\(errors)")
    }

    /// kubectl replaced by a folder of the repository (whose `Add` may add nothing): the group adder is not modelled,
    /// and the removal of `run` is claimed. Replaced by kubernetes' own copy (minikube 1.3.0), it is.
    @Test(arguments: [
        ("replace k8s.io/kubectl => ./third_party/kubectl\n", true),
        ("replace k8s.io/kubectl => k8s.io/kubernetes/staging/src/k8s.io/kubectl v0.0.0-20190623232353-8c3b7d7679cc\n", false),
    ])
    func kubectlReplaced(replace: String, claimed: Bool) throws {
        let report = try audit(
            root: true, goMod: Self.goMod + replace,
            [
                (["cmd/run.go": Self.run, "cmd/root.go": Self.plain], "v1.0.0"),
                (["cmd/root.go": Self.root(Self.groups)], "v1.1.0"),
            ])
        let errors = CobraPluginFlagsTests.errors(report, "1.1.0")
        #expect(errors.contains("removed-without-deprecation cli:tool run") == claimed, "\(errors)")
    }

    /// An `Add` that adds nothing, as a pull request may write it in a copy of kubectl's package.
    static let noOpAdder = """
        package templates

        import "github.com/spf13/cobra"

        type CommandGroup struct {
            Message  string
            Commands []*cobra.Command
        }

        type CommandGroups []CommandGroup

        // Add adds nothing.
        func (g CommandGroups) Add(c *cobra.Command) {}
        """

    /// Go builds other code for kubectl's package than kubectl's (review R104): a `vendor/` copy (used by default
    /// from go 1.14, always in GOPATH mode), a `go.work` at or above the module (whose modules may provide it), a
    /// `replace` or `require` of a module under kubectl's path, in any spelling go.mod allows. The pull request writes
    /// them all, so the adder is not modelled: the removal of `run` is claimed, and a note says why. Fails before (all
    /// but the folder replace: exit 0, nothing claimed; uc-kubectl-model-attack.sh V, W, X).
    @Test(arguments: [
        // V: a vendored copy whose Add adds nothing, at the module root, in a nested vendor/ (GOPATH mode), spelled
        // `Vendor/` (a case-insensitive checkout).
        ("vendor", ["vendor/modules.txt": "# k8s.io/kubectl v0.30.0\n## explicit\nk8s.io/kubectl/pkg/util/templates\n",
            "vendor/k8s.io/kubectl/pkg/util/templates/command_groups.go": noOpAdder], "", "vendor/k8s.io/kubectl"),
        ("nested vendor", ["cmd/vendor/k8s.io/kubectl/pkg/util/templates/groups.go": noOpAdder], "", "cmd/vendor"),
        ("Vendor", ["Vendor/K8s.io/kubectl/pkg/util/templates/command_groups.go": noOpAdder], "", "Vendor/K8s.io"),
        // W: a go.work that uses a local module named k8s.io/kubectl.
        ("go.work", ["go.work": "go 1.21\n\nuse (\n\t.\n\t./third_party/kubectl\n)\n",
            "third_party/kubectl/go.mod": "module k8s.io/kubectl\n\ngo 1.21\n",
            "third_party/kubectl/pkg/util/templates/command_groups.go": noOpAdder], "", "go.work makes a Go workspace"),
        ("cmd/go.work", ["cmd/go.work": "go 1.21\n\nuse ..\n"], "", "cmd/go.work"),
        // X: the nested module k8s.io/kubectl/pkg/util required and replaced, in a CRLF block, quoted, or by version.
        ("nested replace", ["third_party/util/templates/command_groups.go": noOpAdder],
            "require k8s.io/kubectl/pkg/util v0.0.0\nreplace k8s.io/kubectl/pkg/util => ./third_party/util\n",
            "requires the module k8s.io/kubectl/pkg/util"),
        ("CRLF block", ["third_party/util/templates/command_groups.go": noOpAdder],
            "replace (\r\n\t// kept\r\n\t\"k8s.io/kubectl/pkg/util\" v0.0.0 => ./third_party/util\r\n)\r\n",
            "replaces the module k8s.io/kubectl/pkg/util"),
        ("nested require", [:], "require `k8s.io/kubectl/pkg` v0.0.0\n", "requires the module k8s.io/kubectl/pkg"),
        ("versioned replace", ["third_party/kubectl/pkg/util/templates/command_groups.go": noOpAdder],
            "replace k8s.io/kubectl v0.30.0 => ./third_party/kubectl\n", "replaces k8s.io/kubectl by ./third_party/kubectl"),
    ] as [(String, [String: String], String, String)])
    func kubectlBuiltFromOtherCode(
        shape: String, files: [String: String], goMod: String, why: String
    ) throws {
        let report = try audit(
            root: true, goMod: Self.goMod + goMod,
            [
                (["cmd/run.go": Self.run, "cmd/root.go": Self.plain], "v1.0.0"),
                (files.mapValues { Optional($0) }.merging(["cmd/root.go": Self.root(Self.groups)]) { $1 }, "v1.1.0"),
            ])
        let errors = CobraPluginFlagsTests.errors(report, "1.1.0")
        #expect(errors.contains("removed-without-deprecation cli:tool run"), "\(shape): \(errors)")
        #expect(errors.contains("removed-without-deprecation cli:tool run --watch"), "\(shape): \(errors)")
        let notes = ((report?["releases"] as? [[String: Any]]) ?? []).flatMap { ($0["notes"] as? [String]) ?? [] }
            + ((report?["notes"] as? [String]) ?? [])
        #expect(
            notes.contains { $0.contains("group adder") && $0.contains("is not modelled here") && $0.contains(why) },
            "\(shape): \(notes)")
    }

    /// The files read span two modules: the root's `go.mod` holds most of them (`pkg/`), while the program is built in
    /// `cmd/` with `cmd/go.mod`, which replaces kubectl by a folder, or is itself `module k8s.io/kubectl/pkg/util`
    /// (its `templates/` folder is the package). Every module file at or above the files counts: claimed, with a note
    /// naming `cmd/go.mod`. Fails before (only the root's go.mod was read: exit 0; review uc-kubectl-model-attack M).
    @Test(arguments: [
        ("replace k8s.io/kubectl => ../third_party/kubectl\n", "cmd/go.mod:7 replaces k8s.io/kubectl by ../third_party/kubectl"),
        ("", "cmd/go.mod:1 declares the module k8s.io/kubectl/pkg/util"),
    ])
    func otherModuleOfTheFilesRead(replace: String, why: String) throws {
        let module = replace.isEmpty ? "k8s.io/kubectl/pkg/util" : "example.com/tool/cmd"
        var first: [String: String?] = ["cmd/run.go": Self.run, "cmd/root.go": Self.plain]
        first[".semgate.yml"] = Self.policy(root: true).replacingOccurrences(
            of: #"files: ["cmd/*.go"]"#, with: #"files: ["cmd/*.go", "pkg/*.go"]"#)
        for name in ["a", "b", "c"] { first["pkg/\(name).go"] = "package pkg\n\nfunc \(name.uppercased())() {}\n" }
        let report = try audit(
            root: true,
            [
                (first, "v1.0.0"),
                (
                    [
                        "cmd/root.go": Self.root(Self.groups),
                        "cmd/go.mod": "module \(module)\n\ngo 1.21\n\nrequire k8s.io/kubectl v0.30.0\n\n" + replace,
                        "third_party/kubectl/pkg/util/templates/command_groups.go": Self.noOpAdder,
                        "cmd/templates/command_groups.go": Self.noOpAdder,
                    ], "v1.1.0"
                ),
            ])
        let errors = CobraPluginFlagsTests.errors(report, "1.1.0")
        #expect(errors.contains("removed-without-deprecation cli:tool run"), "\(errors)")
        let notes = ((report?["releases"] as? [[String: Any]]) ?? []).flatMap { ($0["notes"] as? [String]) ?? [] }
            + ((report?["notes"] as? [String]) ?? [])
        #expect(notes.contains { $0.contains(why) }, "\(notes)")
    }

    /// Controls: a `vendor/` without kubectl, a go.work beside another folder than the files' (not above them), and
    /// kubectl replaced by itself at a version: the adder is modelled, `run` is still there.
    @Test(arguments: [
        ("vendor without kubectl", ["vendor/modules.txt": "# github.com/spf13/cobra v1.8.0\n",
            "vendor/k8s.io/api/core.go": "package api\n"], ""),
        ("go.work elsewhere", ["tools/go.work": "go 1.21\n\nuse .\n"], ""),
        ("replace by kubectl", [:], "replace k8s.io/kubectl => k8s.io/kubectl v0.30.1\n"),
    ] as [(String, [String: String], String)])
    func kubectlFromTheModuleCache(shape: String, files: [String: String], goMod: String) throws {
        let report = try audit(
            root: true, goMod: Self.goMod + goMod,
            [
                (["cmd/run.go": Self.run, "cmd/root.go": Self.plain], "v1.0.0"),
                (files.mapValues { Optional($0) }.merging(["cmd/root.go": Self.root(Self.groups)]) { $1 }, "v1.1.0"),
            ])
        #expect(CobraPluginFlagsTests.errors(report, "1.1.0") == [], "\(shape)")
    }

    /// A command really deleted while an empty group adder is added is claimed: nothing is handed, nothing is added.
    @Test func deletionBesideAnEmptyGroupAdderIsClaimed() throws {
        let report = try audit(
            root: true,
            [
                (["cmd/run.go": Self.run, "cmd/root.go": Self.plain], "v1.0.0"),
                (["cmd/run.go": nil, "cmd/root.go": Self.root("    templates.CommandGroups{}.Add(RootCmd)")], "v1.1.0"),
            ])
        let errors = CobraPluginFlagsTests.errors(report, "1.1.0")
        #expect(errors.contains("removed-without-deprecation cli:tool run"))
        #expect(errors.contains("removed-without-deprecation cli:tool run --watch"))
    }
}
