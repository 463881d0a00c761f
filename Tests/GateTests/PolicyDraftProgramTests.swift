import Foundation
import Gate
import Git
import Policy
import Surface
import Testing
import TestSupport

@Suite("init: one cli surface per cobra program")
struct PolicyDraftProgramTests {
    /// A store with three programs (a server, a client and an admin tool in modules of their own), a helper flag
    /// package they share, a command tree nothing runs, and a tool of the project's own work.
    private func store() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/store/v3\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "shared/cliflags/flags.go",
            "package cliflags\n\nfunc AddEndpoints(cmd *cobra.Command) {\n"
                + "\tcmd.PersistentFlags().String(\"endpoints\", \"\", \"\")\n}\n")
        // The server: its main is in server/, its commands in server/app.
        try repo.write(
            "server/main.go",
            "package main\n\nimport \"example.com/store/v3/server/app\"\n\nfunc main() { app.Main() }\n")
        try repo.write(
            "server/app/root.go",
            """
            package app

            import (
                "example.com/store/v3/shared/cliflags"
                "github.com/spf13/cobra"
            )

            var rootCmd = &cobra.Command{Use: "stored"}

            func Main() {
                gateway := &cobra.Command{Use: "gateway"}
                gateway.Flags().Int("port", 0, "")
                rootCmd.AddCommand(gateway)
                cliflags.AddEndpoints(rootCmd)
            }

            """)
        // The client, a module of its own whose main is a folder above its commands.
        try repo.write("ctl/go.mod", "module example.com/store/ctl/v3\n")
        try repo.write(
            "ctl/main.go",
            "package main\n\nimport (\n\t\"example.com/store/ctl/v3/ctlcmd\"\n)\n\nfunc main() { ctlcmd.Start() }\n")
        try repo.write(
            "ctl/ctlcmd/root.go",
            """
            package ctlcmd

            import "example.com/store/v3/shared/cliflags"

            const name = "storectl"

            var root = &cobra.Command{Use: name}

            func Start() {
                get := &cobra.Command{Use: "get KEY"}
                get.Flags().Bool("prefix", false, "")
                root.AddCommand(get)
                cliflags.AddEndpoints(root)
            }

            """)
        // The admin tool: its main folder `admin` and its package `admin/admin`, imported as `adm` from .../admin/v3/admin
        // (the module's major version is no folder).
        try repo.write("admin/go.mod", "module example.com/store/admin/v3\n")
        try repo.write(
            "admin/main.go",
            """
            package main

            import (
                "github.com/spf13/cobra"

                adm "example.com/store/admin/v3/admin"
            )

            var rootCmd = &cobra.Command{Use: "storeadm"}

            func main() {
                rootCmd.AddCommand(adm.NewDefragCommand(), adm.NewVersionCommand())
                rootCmd.Execute()
            }

            """)
        try repo.write(
            "admin/admin/defrag.go",
            "package admin\n\nfunc NewDefragCommand() *cobra.Command {\n\tcmd := &cobra.Command{Use: \"defrag\"}\n"
                + "\tcmd.Flags().String(\"data-dir\", \"\", \"\")\n\treturn cmd\n}\n")
        try repo.write(
            "admin/admin/version.go",
            "package admin\n\nfunc NewVersionCommand() *cobra.Command {\n\treturn &cobra.Command{Use: \"version\"}\n}\n"
        )
        // A command tree no program imports, and a tool of the project's own work.
        try repo.write(
            "legacy/cmd.go",
            "package legacy\n\nfunc New() *cobra.Command {\n\tcmd := &cobra.Command{Use: \"oldctl\"}\n"
                + "\tcmd.AddCommand(&cobra.Command{Use: \"watch\"})\n\treturn cmd\n}\n")
        try repo.write(
            "tools/bench/main.go",
            "package main\n\nfunc main() {\n\tcmd := &cobra.Command{Use: \"bench\"}\n\tcmd.Flags().Int(\"n\", 1, \"\")\n}\n"
        )
        try repo.write(
            "plugins/examples/hello/main.go",
            "package main\n\nfunc main() {\n\tcmd := &cobra.Command{Use: \"hello\"}\n\tcmd.Flags().Int(\"n\", 1, \"\")\n}\n"
        )
        try repo.commit("three programs")
        return repo
    }

    @Test("each package main and the command tree it imports is one surface with its own files and root")
    func programs() throws {
        let (yaml, policy, items) = try draft(try store())
        #expect(
            policy.surfaces.filter { $0.name.hasPrefix("cli") }.map(\.name) == [
                "cli-storeadm", "cli-storectl", "cli-stored",
            ])
        #expect(
            yaml.contains("files: ['admin/*.go', admin/admin/*.go]")
                || yaml.contains("files: [admin/*.go, admin/admin/*.go]"))
        #expect(yaml.contains("files: [ctl/ctlcmd/*.go, shared/cliflags/*.go]"))
        #expect(yaml.contains("files: [server/app/*.go, shared/cliflags/*.go]"))
        for name in ["storeadm", "storectl", "stored"] { #expect(yaml.contains("root: \(name)")) }
        let cli = items.filter { $0.hasPrefix("cli") }
        #expect(
            cli.filter { !$0.contains(" completion") } == [
                "cli-storeadm:storeadm", "cli-storeadm:storeadm defrag", "cli-storeadm:storeadm defrag --data-dir",
                "cli-storeadm:storeadm help", "cli-storeadm:storeadm version", "cli-storectl:storectl",
                "cli-storectl:storectl --endpoints", "cli-storectl:storectl get", "cli-storectl:storectl get --prefix",
                "cli-storectl:storectl help", "cli-stored:stored", "cli-stored:stored --endpoints",
                "cli-stored:stored gateway", "cli-stored:stored gateway --port", "cli-stored:stored help",
            ])
        // cobra's default commands, by the cobra each module's go.mod names (admin/go.mod names none: no
        // `completion`, its version unknown).
        #expect(
            cli.filter { $0.hasSuffix(" completion") } == [
                "cli-storectl:storectl completion", "cli-stored:stored completion",
            ])
        // The tree no program runs is named, not proposed; the project's own tool is not looked at.
        #expect(yaml.contains("no program here runs them: the command trees 'hello', 'oldctl'"))
        #expect(!yaml.contains("plugins/examples/"))
        #expect(!yaml.contains("legacy/") && !yaml.contains("tools/") && !yaml.contains("bench"))
    }

    @Test("one program: one cli surface without root:, helpers it does not import left out")
    func oneProgram() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/hub/v2\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "cmd/hb/main.go",
            "package main\n\nimport \"example.com/hub/v2/pkg/cmd/root\"\n\nfunc main() { root.Main() }\n")
        // A documentation generator runs the same tree: still one program.
        try repo.write(
            "cmd/gen-docs/main.go",
            "package main\n\nimport (\n\t\"example.com/hub/v2/internal/docs\"\n\t\"example.com/hub/v2/pkg/cmd/root\"\n)\n\n"
                + "func main() { docs.Write(root.New()) }\n")
        try repo.write(
            "internal/docs/docs.go",
            "package docs\n\nfunc Write(cmd *cobra.Command) { cmd.Flags().Bool(\"d\", false, \"\") }\n")
        try repo.write(
            "pkg/cmd/root/root.go",
            "package root\n\nimport \"example.com/hub/v2/pkg/cmdutil\"\n\nfunc New() *cobra.Command {\n"
                + "\tcmd := &cobra.Command{Use: \"hb <command>\"}\n\tcmdutil.AddJSON(cmd)\n\treturn cmd\n}\n")
        try repo.write(
            "pkg/cmdutil/json.go",
            "package cmdutil\n\nfunc AddJSON(cmd *cobra.Command) { cmd.Flags().Bool(\"json\", false, \"\") }\n")
        try repo.write(
            "pkg/fieldstest/fields.go",
            "package fieldstest\n\nfunc Check(cmd *cobra.Command) { cmd.Flags().Bool(\"t\", false, \"\") }\n")
        try repo.commit("first")
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.surfaces.map(\.name).contains("cli"))
        #expect(
            yaml.contains("files: [pkg/cmd/**/*.go, pkg/cmdutil/*.go]")
                || yaml.contains("files: [pkg/cmd/root/*.go, pkg/cmdutil/*.go]"))
        #expect(!yaml.contains("\n        root: "))
        #expect(!yaml.contains("fieldstest") && !yaml.contains("internal/docs"))
        #expect(items.filter { $0.hasPrefix("cli:") } == ["cli:hb", "cli:hb --json"])
    }

    @Test("a module in vendor.mod (no go.mod): the command line is proposed, no Go API is promised")
    func vendorModule() throws {
        let repo = try FixtureRepository()
        try repo.write("vendor.mod", "module example.com/dock\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "cmd/dock/main.go",
            "package main\n\nimport \"example.com/dock/cli/command\"\n\nfunc main() { command.Root().Execute() }\n")
        try repo.write(
            "cli/command/root.go",
            "package command\n\nfunc Root() *cobra.Command {\n\tcmd := &cobra.Command{Use: \"dock\"}\n"
                + "\tcmd.Flags().Bool(\"debug\", false, \"\")\n\treturn cmd\n}\n")
        try repo.write("opts/opts.go", "package opts\n\nfunc Parse() {}\n")
        try repo.commit("first")
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.surfaces.map(\.name) == ["cli"])
        #expect(items == ["cli:dock", "cli:dock --debug"])
        #expect(yaml.contains("vendor.mod requires github.com/spf13/cobra"))
        #expect(yaml.contains("vendor.mod and no go.mod"))
    }

    @Test("the folders of option tables the flag helpers are handed, and of the tables' type, are read too")
    func optionTableFolders() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/sync\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "cmd/sync/main.go",
            "package main\n\nimport \"example.com/sync/pkg/cmd\"\n\nfunc main() { cmd.Root().Execute() }\n")
        // The root hands a table of another package to a helper that defines one flag an entry.
        try repo.write(
            "pkg/cmd/root.go",
            """
            package cmd

            import (
                "example.com/sync/defaults"
                "example.com/sync/pkg/flagutil"
                "example.com/sync/version"
            )

            func Root() *cobra.Command {
                cmd := &cobra.Command{Use: "sync", Version: version.Number}
                flagutil.AddFromOptions(cmd.PersistentFlags(), defaults.Table)
                return cmd
            }
            """)
        try repo.write(
            "pkg/flagutil/flagutil.go",
            """
            package flagutil

            import (
                "example.com/sync/settings"
                "github.com/spf13/pflag"
            )

            func AddFromOptions(set *pflag.FlagSet, options settings.Options) {
                for i := range options {
                    o := &options[i]
                    set.Var(o, o.FlagName(), o.Help)
                }
            }
            """)
        // The table is in defaults/, its type (whose methods name the flags) in settings/; neither names pflag.
        try repo.write(
            "defaults/defaults.go",
            "package defaults\n\nimport \"example.com/sync/settings\"\n\n"
                + "var Table = settings.Options{{Name: \"dry_run\", Help: \"change nothing\"}}\n")
        try repo.write(
            "settings/settings.go",
            """
            package settings

            import "strings"

            type Option struct {
                Name string
                Help string
            }

            type Options []Option

            func (o *Option) FlagName() string { return strings.ReplaceAll(o.Name, "_", "-") }
            func (o *Option) Type() string { return "option" }
            func (o *Option) String() string { return "" }
            func (o *Option) Set(s string) error { return nil }
            """)
        // A constant of another package is no table.
        try repo.write("version/version.go", "package version\n\nvar Number = \"1.0.0\"\n")
        try repo.commit("first")
        let (yaml, _, items) = try draft(repo)
        #expect(yaml.contains("files: [defaults/*.go, pkg/cmd/*.go, pkg/flagutil/*.go, settings/*.go]"), "\(yaml)")
        #expect(items.contains("cli:sync --dry-run"), "\(items)")
    }

    @Test("without a module at the root, the project is named by the path its modules share")
    func projectNamedBySharedModulePath() throws {
        func project(_ modules: [String: String]) throws -> String {
            let repo = try FixtureRepository()
            for (folder, module) in modules {
                try repo.write("\(folder)/go.mod", "module \(module)\n")
                try repo.write("\(folder)/lib/lib.go", "package lib\n\nfunc Do() {}\n")
            }
            try repo.commit("first")
            let yaml = try draft(repo).yaml
            return yaml.split(separator: "\n").first { $0.hasPrefix("project: ") }.map { String($0.dropFirst(9)) } ?? ""
        }
        #expect(
            try project(["api": "example.com/kz/api", "kyaml": "example.com/kz/kyaml", "cli": "example.com/kz/cli/v5"])
                == "kz")
        // Only a host in common, or one module: the repository's folder names it, as before.
        let folder = try project(["a": "example.com/a", "b": "example.org/b"])
        #expect(folder != "example.com" && !folder.isEmpty)
        #expect(try project(["a": "example.com/kz/a"]) != "kz")
    }

    @Test("the project is named after its program when the module's name only says it is a command line")
    func projectNamedByProgram() throws {
        func project(module: String, moduleFile: String = "go.mod", programs: [String]) throws -> String {
            let repo = try FixtureRepository()
            try repo.write(moduleFile, "module \(module)\n\nrequire github.com/spf13/cobra v1.8.0\n")
            for (index, name) in programs.enumerated() {
                try repo.write(
                    "cmd/\(name)/main.go",
                    "package main\n\nimport \"\(module)/pkg/\(name)cmd\"\n\nfunc main() { \(name)cmd.Root() }\n")
                // The first program has the most flags.
                let flags = (0...(programs.count - index)).map { "\tcmd.Flags().Bool(\"f\($0)\", false, \"\")\n" }
                try repo.write(
                    "pkg/\(name)cmd/root.go",
                    "package \(name)cmd\n\nfunc Root() *cobra.Command {\n\tcmd := &cobra.Command{Use: \"\(name)\"}\n"
                        + flags.joined() + "\treturn cmd\n}\n")
            }
            try repo.commit("first")
            let (yaml, _, _) = try draft(repo)
            let line = yaml.split(separator: "\n").first { $0.hasPrefix("project: ") }
            #expect(yaml.contains("# The name reports give the project: "))
            return line.map { String($0.dropFirst("project: ".count)) } ?? ""
        }
        #expect(try project(module: "example.com/pipes/cli", programs: ["pk"]) == "pk")
        #expect(try project(module: "example.com/hub/cli/v2", programs: ["hb"]) == "hb")
        #expect(try project(module: "example.com/dock/cli", moduleFile: "vendor.mod", programs: ["dock", "trust"]) == "dock")
        #expect(try project(module: "example.com/dock/CLI", programs: ["trust", "dock"]) == "trust")
        // A module named like a project keeps its name, whatever its program is called.
        #expect(try project(module: "example.com/fleet/fleet2", programs: ["fleet"]) == "fleet2")
        #expect(try project(module: "example.com/kv/cli", programs: []) == "cli")
    }
}

@Suite("init: a Go API for the modules meant for import")
struct PolicyDraftModuleTests {
    @Test("client and API modules and what they require; programs, their utilities and experimental modules named")
    func reviewerModules() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/kv/v3\n")
        try repo.write("main.go", "package main\n\nfunc main() {}\n")
        let modules = [
            ("api", "example.com/kv/api/v3", [String](), "package kvpb\n\ntype Key struct{}\n", "kvpb"),
            ("client/pkg", "example.com/kv/client/pkg/v3", [], "package transport\n\nfunc Dial() {}\n", "transport"),
            (
                "client/v3", "example.com/kv/client/v3", ["example.com/kv/api/v3", "example.com/kv/client/pkg/v3"],
                "package client\n\nfunc New() {}\n", "."
            ),
            (
                "pkg", "example.com/kv/pkg/v3", ["example.com/kv/client/pkg/v3"], "package wait\n\nfunc Wait() {}\n",
                "wait"
            ),
            (
                "server", "example.com/kv/server/v3", ["example.com/kv/pkg/v3", "example.com/kv/client/v3"],
                "package embed\n\nfunc Start() {}\n", "embed"
            ),
            ("cache", "example.com/kv/cache/v3", ["example.com/kv/client/v3"], "package cache\n\nfunc Get() {}\n", "."),
        ]
        for (folder, path, requires, source, package) in modules {
            let require = requires.isEmpty ? "" : "\nrequire (\n" + requires.map { "\t\($0) v3.0.0\n" }.joined() + ")\n"
            try repo.write("\(folder)/go.mod", "module \(path)\n" + require)
            try repo.write(package == "." ? "\(folder)/lib.go" : "\(folder)/\(package)/lib.go", source)
        }
        try repo.write("server/main.go", "package main\n\nfunc main() {}\n")
        try repo.write("cache/README.md", "# kv cache\n\nExperimental client cache library.\n")
        try repo.commit("modules")
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.surfaces.map(\.name) == ["packages-api", "packages-client-pkg", "packages-client-v3"])
        #expect(items.contains { $0.hasPrefix("packages-client-v3:") && $0.hasSuffix("New") })
        #expect(yaml.contains("example.com/kv/cache/v3 (cache/): its README calls it experimental"))
        #expect(yaml.contains("example.com/kv/server/v3 (server/): a program (package main in server/)"))
        #expect(yaml.contains("example.com/kv/pkg/v3 (pkg/): required only by the programs here (server/)"))
    }
}
