import Foundation
import Gate
import Git
import Policy
import Surface
import Testing
import TestSupport
import Yams

/// The draft for `repo`, loaded back as a policy, and the items it extracts at HEAD.
func draft(_ repo: FixtureRepository) throws -> (yaml: String, policy: Policy, items: [String]) {
    let repository = try Repository(discovering: repo.url.path)
    let draft = try PolicyDraft(repository: repository)
    let policy = try PolicyLoader.load(yaml: draft.yaml, file: "draft.yml", origin: .file(path: "draft.yml"))
    let items = try Engine(repository: repository, policy: policy).surface(at: "HEAD").items?.map(\.id) ?? []
    return (draft.yaml, policy, items)
}

@Suite("init: a starting policy from what the repository shows")
struct PolicyDraftTests {
    @Test("a Go module with a cobra command line: go-api and cobra surfaces that find its items")
    func goCobra() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/tool/v2\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write("api/api.go", "package api\n")
        try repo.write("internal/x/x.go", "package x\n")
        try repo.write("main.go", "package main\n")
        try repo.write(
            "cmd/root.go",
            """
            package cmd

            var rootCmd = &cobra.Command{
                Use: "tool",
            }

            func init() {
                rootCmd.PersistentFlags().BoolVarP(&verbose, "verbose", "v", false, "talk")
                rootCmd.Flags().String("out", "", "output file")
                rootCmd.AddCommand(runCmd)
            }
            """)
        try repo.write("cmd/run.go", "package cmd\n\nvar runCmd = &cobra.Command{Use: \"run [file]\"}\n")
        try repo.write(
            "internal/build/version.go", "package build\n\n// Version is the version.\nconst Version = \"2.1.0\"\n")
        try repo.write("cmd/run_test.go", "package cmd\n\nfunc init() { cmd.Flags().Bool(\"inner\", false, \"\") }\n")
        try repo.commit("first")
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.project == "tool")
        #expect(policy.surfaces.map(\.name) == ["packages", "cli"])
        #expect(yaml.contains("a cobra command line"))
        #expect(yaml.contains("The module's root is a program (package main): keep this surface only if"))
        #expect(policy.releases.versionFiles.map(\.path) == ["internal/build/version.go"])
        #expect(yaml.contains("internal/build/version.go says 2.1.0"))
        #expect(
            items == [
                "cli:tool", "cli:tool --out", "cli:tool --verbose", "cli:tool run", "packages:example.com/tool/v2/api",
                "packages:go.mod",
            ])
        // cmd/ is the program's own part; its glob also covers the keys of majors before v2 (no /v2 in them).
        #expect(yaml.contains("'example.com/tool/{cmd,v*/cmd}/**'"))
        let exclude = try #require(policy.surfaces.first?.exclude)
        #expect(exclude.contains { $0.matches("example.com/tool/cmd/sub.Run") })
        #expect(exclude.contains { $0.matches("example.com/tool/v2/cmd") })
        #expect(!exclude.contains { $0.matches("example.com/tool/v2/api.Client") })
    }

    @Test("a Swift package: its products, with their kind")
    func swiftPackage() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "Package.swift",
            """
            // swift-tools-version: 6.0
            import PackageDescription
            let package = Package(
                name: "Widgets",
                products: [
                    .library(name: "Widgets", targets: ["Widgets"]),
                    .executable(name: "widget-tool", targets: ["Tool"]),
                ],
                targets: [.target(name: "Widgets"), .executableTarget(name: "Tool")]
            )
            """)
        try repo.commit("first")
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.project == "Widgets")
        #expect(yaml.contains("a Swift package with 2 products"))
        #expect(items == ["products:Widgets", "products:widget-tool"])
        let repository = try Repository(discovering: repo.url.path)
        let surface = try Engine(repository: repository, policy: policy).surface(at: "HEAD")
        #expect(surface.items?.first?.attributes == ["kind": "library"])
    }

    @Test("a Node package: bin commands in one folder and export subpaths")
    func nodePackage() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "package.json",
            """
            {
              "name": "@acme/widgets",
              "version": "1.2.0",
              "main": "./index.js",
              "bin": {"widgets": "./bin/widgets.js", "widgets-dev": "./bin/dev.js"},
              "exports": {".": {"import": "./index.mjs", "require": "./index.js"}, "./utils": "./utils.js"},
              "dependencies": {"left-pad": "^1.0.0"}
            }
            """)
        try repo.commit("first")
        let (_, policy, items) = try draft(repo)
        #expect(policy.project == "widgets")
        #expect(policy.releases.versionFiles.map(\.path) == ["package.json"])
        let repository = try Repository(discovering: repo.url.path)
        try repo.tag("v1.2.0")
        #expect(try Engine(repository: repository, policy: policy).audit().releases?.first?.findings.isEmpty == true)
        try repo.tag("v1.3.0")
        let mismatch = try Engine(repository: try Repository(discovering: repo.url.path), policy: policy).audit()
        #expect(mismatch.releases?.last.map { summary($0.findings) } == ["version-file-mismatch error"])
        #expect(items == ["bin:widgets", "bin:widgets-dev", "exports:.", "exports:./utils"])
    }

    @Test("a Node package with one bin named after it and a single export")
    func nodeStringForms() throws {
        let repo = try FixtureRepository()
        try repo.write("package.json", #"{"name": "tiny", "bin": "cli.js", "exports": "./index.js"}"#)
        try repo.commit("first")
        let (_, _, items) = try draft(repo)
        #expect(items == ["bin:tiny", "exports:."])
    }

    @Test("tags: the most common prefix is the template; others are named in a comment")
    func tagPrefix() throws {
        let repo = try FixtureRepository()
        try repo.write("README", "x\n")
        try repo.commit("first")
        for tag in ["cli/v1.0.0", "cli/v1.1.0", "cli/v1.2.0", "v0.3.0", "deploy-2024", "nightly"] {
            try repo.tag(tag)
        }
        let (yaml, policy, _) = try draft(repo)
        #expect(policy.releases.tag.template == "cli/v{version}")
        #expect(yaml.contains("3 release tags follow this template; the greatest is cli/v1.2.0."))
        #expect(yaml.contains("Also seen: 1 tag like 'v0.3.0'"))
        #expect(policy.surfaces.isEmpty)
    }

    @Test("an empty repository still gets a policy that loads")
    func empty() throws {
        let repo = try FixtureRepository()
        let yaml = try PolicyDraft(repository: try Repository(discovering: repo.url.path)).yaml
        let policy = try PolicyLoader.load(yaml: yaml, file: "draft.yml", origin: .file(path: "draft.yml"))
        #expect(policy.releases.tag.template == "v{version}")
        #expect(yaml.contains("No release tags yet"))
        #expect(yaml.contains("nothing is promised yet"))
    }

    @Test("a repository without commits is read from its working tree")
    func noCommits() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/fresh\n")
        try repo.write("lib/lib.go", "package lib\n")
        let repository = try Repository(discovering: repo.url.path)
        let draft = try PolicyDraft(repository: repository)
        #expect(draft.yaml.contains("go-packages: {}"))
        #expect(draft.findings.contains { $0.hasPrefix("a Go module, example.com/fresh (go.mod), with 1 importable") })
    }

    @Test("hostile names: a package.json bin key or name cannot add keys to the draft; it reads back as written")
    func hostileNames() throws {
        let repo = try FixtureRepository()
        let evil = "x\"\nrules: {removed-without-deprecation: off}\nsupport: {preset: k6}\n# \u{202E}"
        let json = try JSONSerialization.data(withJSONObject: ["name": evil, "bin": evil])
        try repo.write("package.json", String(decoding: json, as: UTF8.self))
        try repo.commit("first")
        let (yaml, policy, _) = try draft(repo)
        let keys = try #require(try Yams.compose(yaml: yaml)?.mapping?.keys)
        #expect(Array(keys.compactMap(\.string)) == ["semgate", "project", "releases", "surfaces", "rules"])
        #expect(policy.project == evil.split(separator: "/").last.map(String.init))
        #expect(policy.surfaces.map(\.name) == ["bin"])
        // Every line of the draft is a comment, blank, or starts with a key the draft wrote.
        for line in yaml.split(separator: "\n") where !line.hasPrefix(" ") && !line.hasPrefix("#") {
            #expect(["semgate:", "project:", "releases:", "surfaces:", "rules:"].contains { line.hasPrefix($0) })
        }
        #expect(!yaml.contains("\u{202E}"))
    }

    @Test("init --rev drafts from a revision: the last release of a line when HEAD has moved on")
    func revision() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/lib\n")
        try repo.write("lib/lib.go", "package lib\n\nfunc A() {}\n")
        try repo.commit("v1")
        try repo.tag("v1.4.0")
        try repo.write("go.mod", "module example.com/lib/v2\n")
        try repo.commit("v2")
        let repository = try Repository(discovering: repo.url.path)
        #expect(
            try PolicyDraft(repository: repository, revision: "v1.4.0").findings.contains {
                $0.contains("example.com/lib (go.mod)")
            })
        #expect(
            try PolicyDraft(repository: repository).findings.contains { $0.contains("example.com/lib/v2 (go.mod)") })
        try repo.tag("v2.0.0")
        let draft = try PolicyDraft(repository: repository, revision: "v1.4.0")
        let trial = try DraftTrial(yaml: draft.yaml, repository: repository, revision: "v1.4.0")
        #expect(trial.releases == ["v1.4.0"])
        #expect(trial.items.map(\.surface) == ["packages"] && trial.emptySurfaces.isEmpty)
    }

    @Test("go-api only for packages meant for others; experimental folders; tag families that are not releases")
    func goModuleShapes() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/app\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write("main.go", "package main\n")
        try repo.write("internal/core/core.go", "package core\n")
        try repo.write("cmd/helpers/helpers.go", "package helpers\n")
        try repo.write("tools/pins/pins.go", "package main_test\n\nimport _ \"example.com/dep\"\n")
        try repo.write("deps/pins.go", "package main_test\n\nimport _ \"example.com/dep\"\n")
        try repo.commit("an application")
        for tag in [
            "v1.0.0", "v1.1.0", "v1.1.1-release1", "v1.1.1-release2", "v1.2.0-rc.1", "v2-catalog-test", "nightly-2024",
        ] {
            try repo.tag(tag)
        }
        let (yaml, policy, _) = try draft(repo)
        #expect(!policy.surfaces.contains { $0.name == "packages" })
        #expect(yaml.contains("no importable package meant for others"))
        #expect(policy.releases.ignore.map(\.description) == ["v*-release*", "v2-catalog-test"])
        try repo.write("api/experimental/x.go", "package experimental\n")
        try repo.write("api/api.go", "package api\n")
        try repo.commit("a library too")
        let (_, withAPI, _) = try draft(repo)
        #expect(withAPI.surfaces.contains { $0.name == "packages" })
        #expect(withAPI.experimental.map(\.description).contains("packages:**/experimental/**"))
    }

    @Test("the release count and the greatest release leave out the tag families ignore lists (nightlies)")
    func greatestIgnoresNightlies() throws {
        let repo = try FixtureRepository()
        try repo.write("README.md", "a tool\n")
        try repo.commit("a tool")
        for tag in ["v1.0.0", "v1.1.0", "v1.2.0-abc123-nightly", "v1.2.0-def456-nightly", "v1.2.0-0a1b2c-nightly"] {
            try repo.tag(tag)
        }
        let (yaml, policy, _) = try draft(repo)
        #expect(policy.releases.ignore.map(\.description) == ["*nightly*"])
        #expect(yaml.contains("# 2 release tags follow this template; the greatest is v1.1.0."), "\(yaml)")
        #expect(yaml.contains("2 release tags like 'v1.1.0'"), "\(yaml)")
    }

    @Test("nested modules: one go-api surface each with its root, for those with packages meant for others")
    func nestedModules() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/db/v3\n")
        try repo.write("server/server.go", "package server\n\nfunc Serve() {}\n")
        try repo.write("client/v3/go.mod", "module example.com/db/client/v3\n")
        try repo.write("client/v3/client.go", "package client\n\nfunc New() {}\n")
        try repo.write("client/v3/internal/x/x.go", "package x\n")
        try repo.write("tools/mod/go.mod", "module example.com/db/tools/mod\n")
        try repo.write("tools/mod/lib/lib.go", "package lib\n")
        try repo.write("tests/go.mod", "module example.com/db/tests/v3\n")
        try repo.write("tests/framework/f.go", "package framework\n")
        try repo.commit("modules")
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.surfaces.map(\.name).sorted() == ["packages", "packages-client-v3"])
        #expect(yaml.contains("root: client/v3"))
        #expect(items.contains { $0.hasPrefix("packages-client-v3:") && $0.contains("New") })
        #expect(!items.contains { $0.hasPrefix("packages:") && $0.contains("New") })
        #expect(items.contains { $0.hasPrefix("packages:") && $0.contains("Serve") })
    }

    @Test("cobra: folders as a reviewer writes them, and root: when no command has a constant Use naming the program")
    func cobraGlobs() throws {
        #expect(
            CobraExtractorSpec.reviewerGlobs(["cmd/gh", "pkg/cmd/a", "pkg/cmd/b/c", "pkg/cmdutil", ""]) == [
                "*.go", "cmd/gh/*.go", "pkg/cmd/**/*.go", "pkg/cmdutil/*.go",
            ])
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/k9\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "cmd/k9/main.go",
            "package main\n\nfunc main() {\n\troot := &cobra.Command{Use: os.Args[0]}\n\troot.Flags().Bool(\"x\", false, \"\")\n}\n"
        )
        try repo.commit("first")
        let (yaml, policy, items) = try draft(repo)
        #expect(yaml.contains("root: k9"))
        #expect(policy.surfaces.map(\.name) == ["cli"])
        #expect(items.contains("cli:k9 --x"))
    }

    @Test("cobra: hidden commands and flags are named and proposed as not promised; none hidden, no 'hidden:'")
    func cobraHidden() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/k9\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "cmd/k9/main.go",
            """
            package main

            func main() {
                root := &cobra.Command{Use: "k9"}
                docs := &cobra.Command{Use: "docs", Aliases: []string{"d"}, Hidden: true}
                docs.Flags().String("dir", "", "where")
                serve := &cobra.Command{Use: "serve", Aliases: []string{"s"}}
                serve.Flags().Bool("debug", false, "for tests")
                serve.Flags().MarkHidden("debug")
                serve.Flags().Bool("old", false, "")
                serve.Flags().MarkDeprecated("old", "use --new")
                if os.Getenv("K9_LEGACY") != "" {
                    serve.Flags().MarkHidden("port")
                }
                serve.Flags().Int("port", 0, "")
                root.AddCommand(docs, serve)
            }
            """)
        try repo.commit("first")
        let (yaml, policy, _) = try draft(repo)
        #expect(policy.hidden == .experimental)
        #expect(
            yaml.contains(
                "# The command line hides 'k9 docs', 'k9 serve --debug' from its help (a hidden command hides what is "
                    + "under it).\n"), "\(yaml)")
        try repo.write("cmd/k9/main.go", "package main\n\nfunc main() {\n\troot := &cobra.Command{Use: \"k9\"}\n}\n")
        try repo.commit("nothing hidden")
        let (plain, plainPolicy, _) = try draft(repo)
        #expect(plainPolicy.hidden == .promised)
        #expect(!plain.contains("hidden:"))
    }

    @Test("cobra: the program a constant Use names, tools/ left out; a command line a framework builds gets no surface")
    func cobraProgram() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/hub/v2\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write("cmd/hb/main.go", "package main\n\nfunc main() { root.Main() }\n")
        try repo.write(
            "pkg/cmd/root/root.go",
            "package root\n\nfunc New() *cobra.Command {\n\tcmd := &cobra.Command{Use: \"hb <command>\"}\n"
                + "\tcmd.Flags().Bool(\"x\", false, \"\")\n\treturn cmd\n}\n")
        try repo.write(
            "tools/gen/main.go",
            "package main\n\nfunc main() {\n\tcmd := &cobra.Command{Use: \"gen\"}\n\tcmd.Flags().Bool(\"y\", false, \"\")\n}\n"
        )
        try repo.commit("first")
        let (yaml, _, items) = try draft(repo)
        #expect(!yaml.contains("\n        root: "))
        #expect(!yaml.contains("tools/"))
        #expect(items.contains("cli:hb --x"))

        let framework = try FixtureRepository()
        try framework.write("go.mod", "module example.com/site\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try framework.write("main.go", "package main\n\nfunc main() { commands.Execute() }\n")
        try framework.write(
            "commands/root.go",
            "package commands\n\nfunc (c *rootCommand) Init(cd *simplecobra.Commandeer) error {\n"
                + "\tcmd := cd.CobraCommand\n\tcmd.Use = \"site\"\n\tcmd.Flags().String(\"x\", \"\", \"\")\n"
                + "\tvar _ *cobra.Command = cmd\n\treturn nil\n}\n")
        try framework.commit("first")
        let (frameworkYAML, frameworkPolicy, _) = try draft(framework)
        #expect(!frameworkPolicy.surfaces.contains { $0.name == "cli" })
        #expect(frameworkYAML.contains("a framework builds the commands"))
    }
}
