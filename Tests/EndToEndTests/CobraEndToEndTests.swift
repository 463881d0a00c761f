import Foundation
import Testing
import TestSupport

/// A Go program whose cobra command line changes from release to release, judged by the built binary.
@Suite("cobra extractor through the built binary")
struct CobraEndToEndTests {
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

    /// `serve` with `--port` and whatever `extra` adds, built in a helper flag set over several lines.
    static func program(_ extra: String = "") -> String {
        """
        package cmd

        import (
            "os"

            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        func Execute() {
            root := &cobra.Command{Use: os.Args[0]}
            root.AddCommand(newServe())
            _ = root.Execute()
        }

        func serveFlags() *pflag.FlagSet {
            flags := pflag.NewFlagSet("serve", pflag.ContinueOnError)
            flags.IntP(
                "port", "p",
                8080, "port to listen on",
            )
        \(extra)
            return flags
        }

        func newServe() *cobra.Command {
            cmd := &cobra.Command{Use: "serve [dir]"}
            cmd.Flags().AddFlagSet(serveFlags())
            return cmd
        }
        """
    }

    /// v1.0.0 with `--port`; HEAD adds `--host` and turns `--port` into a string.
    static func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", policy)
        try repo.write("cmd/root.go", program())
        try repo.commit("serve")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write(
            "cmd/root.go",
            program(#"flags.String("host", "", "host")"#).replacingOccurrences(
                of: "flags.IntP(", with: "flags.StringP("
            )
            .replacingOccurrences(of: "8080,", with: #""8080","#))
        try repo.commit("serve: host flag, port as text")
        return repo
    }

    @Test("surface lists commands and flags by full command path")
    func surface() throws {
        let repo = try Self.repository()
        let result = try runSemgate(["surface", "v1.0.0"], in: repo.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("tool serve --port  scope=local shorthand=p type=int  cmd/root.go:18"))
        #expect(result.stdout.contains("tool serve  cmd/root.go:27"))
        expectNoCrash(result)
    }

    @Test(
        "a flag's type change needs a major: check --version fails for a minor and passes for a major",
        arguments: [("1.1.0", Int32(1)), ("2.0.0", 0)])
    func check(version: String, status: Int32) throws {
        let repo = try Self.repository()
        let result = try runSemgate(["check", "--version", version, "--format", "json"], in: repo.url)
        #expect(result.status == status, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        #expect(report?["required"] as? String == "major")
        let changes = (report?["changes"] as? [[String: Any]] ?? []).map {
            "\($0["kind"] as? String ?? "") \($0["item"] as? String ?? "")"
        }
        #expect(Set(changes) == ["changed cli:tool serve --port", "added cli:tool serve --host"], "\(changes)")
    }

    @Test("JSON is byte-identical across runs")
    func deterministic() throws {
        let repo = try Self.repository()
        let first = try runSemgate(["diff", "v1.0.0", "HEAD", "--format", "json"], in: repo.url)
        let second = try runSemgate(["diff", "v1.0.0", "HEAD", "--format", "json"], in: repo.url)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout == second.stdout)
    }

    @Test("a Go file that does not parse is a note with file:line, not a failure to run")
    func brokenSource() throws {
        let repo = try Self.repository()
        try repo.write("cmd/broken.go", "package cmd\n\nfunc broken( {\n")
        try repo.commit("broken")
        let result = try runSemgate(["surface", "--format", "json"], in: repo.url)
        expectNoCrash(result)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let notes = jsonObject(result.stdout)?["notes"] as? [String] ?? []
        #expect(notes.contains { $0.hasPrefix("cmd/broken.go:3:14: cannot read Go source") }, "\(notes)")
    }
}
