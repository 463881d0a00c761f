import Foundation
@testable import Gate
import Git
import Policy
import Surface
import Testing
import TestSupport

/// `semgate init` promises a Go API only when the repository says its packages are for other programs (issue 10): a
/// command-line tool's importable packages are its own parts unless a page shows importing them, the README calls it
/// a library, or the module has no program.
@Suite("init: go-api only for a module meant for others")
struct PolicyDraftLibraryTests {
    /// A command-line tool `app` (package main, a cobra root) with an importable package `pkg/engine`, and `extra`
    /// files.
    static func tool(_ extra: [String: String]) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/app\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write("main.go", "package main\n\nfunc main() { cmd.Execute() }\n")
        try repo.write(
            "cmd/root.go",
            """
            package cmd

            var rootCmd = &cobra.Command{Use: "app"}

            func init() { rootCmd.Flags().String("out", "", "output file") }

            func Execute() { rootCmd.Execute() }
            """)
        try repo.write("pkg/engine/engine.go", "package engine\n\n// Run runs.\nfunc Run() {}\n")
        try repo.write("internal/x/x.go", "package x\n\nfunc X() {}\n")
        for (path, text) in extra { try repo.write(path, text) }
        try repo.commit("first")
        return repo
    }

    /// The draft with the commented-out `packages` block uncommented.
    static func uncommented(_ yaml: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("  # packages:") || line.hasPrefix("  #   extract:") || line.hasPrefix("  #     go-api:")
                || line.hasPrefix("  #   exclude:")
                ? "  " + line.dropFirst(4) : String(line)
        }.joined(separator: "\n")
    }

    @Test("a tool whose packages nothing advertises: go-api drafted commented out, with why and how to turn it on")
    func notAdvertised() throws {
        let readme = """
            # app

            [![Go Reference](https://pkg.go.dev/badge/example.com/app.svg)](https://pkg.go.dev/example.com/app)

            app is a command-line tool. Settings live in `~/Library/Application Support/app`.

            Install it from source with `go get example.com/app` (or `go install example.com/app@latest`).
            """
        let contributing = """
            # Contributing

            ```go
            import "example.com/app/pkg/engine"
            ```
            """
        let repo = try Self.tool([
            "README.md": readme, "CONTRIBUTING.md": contributing, "AGENTS.md": "    \"example.com/app/pkg/engine\"\n",
            "docs/internals.md": "```go\nimport \"example.com/app/internal/x\"\n```\n",
            "docs/run.md": "```go\nimport x \"example.com/app/cmd\"\n```\n",
        ])
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.surfaces.map(\.name) == ["cli"])
        #expect(!items.contains { $0.hasPrefix("packages:") })
        #expect(yaml.contains("nothing in the repository says they are meant for other programs"))
        #expect(yaml.contains("  # Not promised: no README or docs page imports these packages or calls the module a library"))
        #expect(yaml.contains("  # packages:\n  #   extract:\n  #     go-api: {}\n"))
        // Uncommented, the block is the surface a library gets.
        let turnedOn = try PolicyLoader.load(
            yaml: Self.uncommented(yaml), file: "draft.yml", origin: .file(path: "draft.yml"))
        #expect(turnedOn.surfaces.map(\.name) == ["packages", "cli"])
    }

    @Test("a docs page importing a package, a README calling it a library, or no program: go-api is drafted", arguments: [
        ("docs/embedding.md", "Use it from Go:\n\n```go\nimport (\n\t\"context\"\n\n\t\"example.com/app/pkg/engine\"\n)\n```\n",
         "docs/embedding.md shows how to import example.com/app/pkg/engine"),
        ("docs/sdk.md", "```go\nimport eng \"example.com/app/pkg/engine\" // the engine\n```\n",
         "docs/sdk.md shows how to import example.com/app/pkg/engine"),
        ("README.md", "Add it to your module: `go get -u example.com/app/pkg/engine@latest`\n",
         "README.md shows how to import example.com/app/pkg/engine"),
        ("README.md", "# app\n\nA CLI tool and Go library for running engines.\n", "README.md says 'go library'"),
    ])
    func advertised(page: String, text: String, evidence: String) throws {
        let repo = try Self.tool([page: text])
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.surfaces.map(\.name) == ["packages", "cli"])
        #expect(items.contains("packages:example.com/app/pkg/engine.Run"))
        #expect(yaml.contains("meant for other programs: " + evidence))
        #expect(!yaml.contains("# packages:"))
    }

    @Test("a module with no program is a library: go-api is drafted")
    func noProgram() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/lib\n")
        try repo.write("lib.go", "package lib\n\n// New makes one.\nfunc New() {}\n")
        try repo.write("examples/demo/main.go", "package main\n\nfunc main() {}\n")
        try repo.commit("first")
        let (yaml, policy, items) = try draft(repo)
        #expect(policy.surfaces.map(\.name) == ["packages"])
        #expect(items.contains("packages:example.com/lib.New"))
        #expect(yaml.contains("meant for other programs: no package main outside examples, tests and tools"))
    }

    @Test("a program with no other surface: the advice to declare one, with the Go API commented out under it")
    func onlySurfaceCommentedOut() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/server\n")
        try repo.write("main.go", "package main\n\nfunc main() {}\n")
        try repo.write("store/store.go", "package store\n\n// Open opens.\nfunc Open() {}\n")
        try repo.commit("first")
        let (yaml, policy, _) = try draft(repo)
        #expect(policy.surfaces.isEmpty)
        #expect(yaml.contains("# No surface is proposed"))
        #expect(yaml.contains("#   # packages:") == false)
        #expect(yaml.contains("\n#   packages:\n#     extract:\n#       go-api: {}\n"))
    }
}
