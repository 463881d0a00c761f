import Foundation
import Testing
import TestSupport

/// Flags a plugin binds in its own method (`func (p *P) BindFlags(fs *pflag.FlagSet)`), called on the command's flag
/// set directly, through a list of known plugins, or through an interface whose values are chosen when the program
/// runs (review C2: kubebuilder 3.0.0's plugins).
@Suite("cobra flags bound by plugins")
struct CobraPluginFlagsTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
        rules:
          removed-without-deprecation: error
        """

    /// `init` and `serve`; `initFlags` and `serveFlags` are lines of `NewRoot` after both exist, `extra` declarations.
    static func program(initFlags: String, serveFlags: String, extra: String = "") -> String {
        """
        package cmd

        import (
            "os"

            "example.com/tool/internal/registry"
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        var _ = pflag.NewFlagSet
        var _ = os.Getenv
        var _ = registry.Load

        \(extra)

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            initCmd := &cobra.Command{Use: "init"}
            serve := &cobra.Command{Use: "serve"}
            root.AddCommand(initCmd, serve)
        \(initFlags)
        \(serveFlags)
            return root
        }
        """
    }

    /// Two plugin types, each binding flags in `BindFlags`, and a registry the program fills when it runs.
    static let plugins = """
        type Binder interface{ BindFlags(fs *pflag.FlagSet) }

        type goPlugin struct{ domain, owner string }

        func (p *goPlugin) BindFlags(fs *pflag.FlagSet) {
            fs.StringVar(&p.domain, "domain", "", "domain of the project")
            fs.StringVar(&p.owner, "owner", "", "owner for the copyright")
        }

        type chartPlugin struct{ chart string }

        func (p *chartPlugin) BindFlags(fs *pflag.FlagSet) { fs.StringVar(&p.chart, "chart", "", "chart") }

        // Chosen from the project file when the program runs, by code outside the files read.
        var resolved = registry.Load(os.Getenv("TOOL_PLUGINS"))
        """

    static let direct = """
            initCmd.Flags().String("domain", "", "domain of the project")
            initCmd.Flags().String("owner", "", "owner for the copyright")
        """

    func audit(_ versions: [(String, String)]) throws -> (status: Int32, report: [String: Any]?, stderr: String) {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write(
            "go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        for (tag, source) in versions {
            try repo.write("cmd/root.go", source)
            try repo.commit(tag)
            try repo.tag(tag, annotated: true)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        return (result.status, jsonObject(result.stdout), result.stderr)
    }

    static func errors(_ report: [String: Any]?, _ version: String) -> [String] {
        let releases = report?["releases"] as? [[String: Any]] ?? []
        let release = releases.first { $0["version"] as? String == version }
        return (release?["findings"] as? [[String: Any]] ?? [])
            .filter { $0["severity"] as? String == "error" }
            .compactMap { finding in (finding["item"] as? String).map { "\(finding["rule"] ?? "") \($0)" } }
            .sorted()
    }

    /// The flags move from `init` itself into plugins that a list filled at run time binds: which plugin runs is not
    /// known, so `init`'s flags are not all read, and their removal is not claimed (on main: `--domain` and `--owner`
    /// "removed"). A flag really removed from `serve` in the same release is still claimed.
    @Test func flagsOfPluginsChosenWhenRunning() throws {
        let bound = """
                for _, p := range resolved {
                    p.BindFlags(initCmd.Flags())
                }
            """
        let (status, report, stderr) = try audit([
            ("v1.0.0", Self.program(initFlags: Self.direct, serveFlags: #"serve.Flags().Int("port", 0, "")"#)),
            ("v1.1.0", Self.program(initFlags: bound, serveFlags: "", extra: Self.plugins)),
        ])
        #expect(status == 1, "stderr: \(stderr)")
        #expect(
            Self.errors(report, "1.1.0") == [
                "breaking-without-major cli:tool serve --port", "removed-without-deprecation cli:tool serve --port",
            ])
        #expect(report?["incomplete_surfaces"] as? [String] == ["cli"])
        let notes = report?["notes"] as? [String] ?? []
        #expect(
            notes.contains {
                $0.contains("p.BindFlags is called on a value that cannot be followed")
                    && $0.contains("chartPlugin, goPlugin") && $0.contains("not claimed")
            }, "notes: \(notes)")
    }

    /// The plugins bound are known (a list of the program's values, a constructor's concrete type): their flags are
    /// read, so a flag no plugin binds any more is a removal, and nothing is incomplete.
    @Test func flagsOfKnownPlugins() throws {
        let listed = """
                for _, p := range []Binder{&goPlugin{}, &chartPlugin{}} {
                    p.BindFlags(initCmd.Flags())
                }
            """
        let constructed = """
                var p Binder = newChart()
                p.BindFlags(initCmd.Flags())
            """
        let (status, report, stderr) = try audit([
            ("v1.0.0", Self.program(initFlags: Self.direct, serveFlags: "")),
            ("v1.1.0", Self.program(initFlags: listed, serveFlags: "", extra: Self.plugins)),
            (
                "v2.0.0",
                Self.program(
                    initFlags: constructed, serveFlags: "",
                    extra: Self.plugins + "\nfunc newChart() *chartPlugin { return &chartPlugin{} }")
            ),
        ])
        #expect(status == 1, "stderr: \(stderr)")
        #expect(Self.errors(report, "1.1.0").isEmpty)
        #expect(
            Self.errors(report, "2.0.0") == [
                "removed-without-deprecation cli:tool init --domain", "removed-without-deprecation cli:tool init --owner",
            ])
        #expect(report?["incomplete_surfaces"] as? [String] == [])
    }
}

/// A release whose command line was not read in full: its root is handed to code outside `files`
/// (`sub.AddCmds(root)`), and the next release moves those commands into the files read (review E1, kubebuilder
/// 1.0.4 → 1.0.5).
@Suite("cobra additions against a command handed to code not read")
struct CobraUnreadPredecessorTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go"]
                root: tool
        rules:
          feature-in-patch: error
        """

    static let handedRoot = """
        package main

        import (
            "github.com/spf13/cobra"

            "example.com/tool/sub"
        )

        func main() {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            serve.Flags().Int("port", 0, "port")
            root.AddCommand(serve)
            sub.AddCmds(root)
            _ = root.Execute()
        }
        """

    static let subPackage = """
        package sub

        import "github.com/spf13/cobra"

        func AddCmds(root *cobra.Command) {
            create := &cobra.Command{Use: "create"}
            create.Flags().String("name", "", "name")
            root.AddCommand(create)
            root.Flags().Bool("verbose", false, "verbose")
        }
        """

    /// Everything in the files read; `serve` gains `--host`, really new.
    static let allRead = """
        package main

        import "github.com/spf13/cobra"

        func main() {
            root := &cobra.Command{Use: "tool"}
            root.Flags().Bool("verbose", false, "verbose")
            serve := &cobra.Command{Use: "serve"}
            serve.Flags().Int("port", 0, "port")
            serve.Flags().String("host", "", "host")
            root.AddCommand(serve)
            create := &cobra.Command{Use: "create"}
            create.Flags().String("name", "", "name")
            root.AddCommand(create)
            _ = root.Execute()
        }
        """

    /// `create`, `create --name` and the root's `--verbose` may have been there at 1.0.0 (on main: three
    /// `feature-in-patch` errors); `serve --host` is new on a command read in full, and still claimed.
    @Test func additionsUnderHandedRootNotClaimed() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write("cmd/main.go", Self.handedRoot)
        try repo.write("sub/sub.go", Self.subPackage)
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("cmd/main.go", Self.allRead)
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        #expect(CobraPluginFlagsTests.errors(report, "1.0.1") == ["feature-in-patch cli:tool serve --host"])
        let notes = report?["notes"] as? [String] ?? []
        #expect(
            notes.contains {
                $0.contains("cli:tool --verbose, cli:tool create, cli:tool create --name: new in the files read")
                    && $0.contains("not claimed as additions")
            }, "notes: \(notes)")
    }
}
