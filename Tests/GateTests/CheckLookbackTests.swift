import Foundation
@testable import Gate
import Git
import Surface
import Testing
import TestSupport

@Suite("check: the lookback past releases that read nothing of a surface")
struct CheckLookbackTests {
    /// A cobra program whose `serve` command has `flags`.
    private static func program(_ flags: String) -> String {
        """
        package cmd

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            \(flags)
            root.AddCommand(serve)
            return root
        }
        """
    }

    @Test("releases whose cobra files match no Go source are passed over unread; the removal is still claimed")
    func unreadReleasesAreNotRead() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            project: tool
            surfaces:
              cli:
                extract:
                  cobra:
                    files: ["cmd/*.go"]
              api:
                extract:
                  regex:
                    files: ["pkg/*.txt"]
                    pattern: '(?m)^(?<name>\\w+)$'
            rules:
              removed-without-deprecation: error
            """)
        try repo.write("cmd/root.go", Self.program(#"serve.Flags().Int("port", 0, "")"#))
        try repo.write("pkg/api.txt", "alpha\n")
        try repo.commit("serve")
        try repo.tag("v1.0.0", annotated: true)
        try repo.remove("cmd/root.go")
        // A release whose cobra files are Go source with no command: read whole, and it reads nothing either.
        try repo.write("cmd/util.go", "package cmd\n\nfunc helper() int { return 1 }\n")
        try repo.commit("no command")
        try repo.tag("v1.1.0", annotated: true)
        try repo.remove("cmd/util.go")
        for minor in 2...12 {
            // Test files and other files under cmd/ are no Go source of the command line.
            try repo.write("cmd/root_test.go", "package cmd\n")
            try repo.write("cmd/README.md", "moved \(minor)\n")
            try repo.write("pkg/cmd/root.go", Self.program(#"serve.Flags().Int("port", \#(minor), "")"#))
            try repo.write("pkg/api.txt", "alpha\nbeta\(minor)\n")
            try repo.commit("elsewhere \(minor)")
            try repo.tag("v1.\(minor).0", annotated: true)
        }
        try repo.remove("pkg/cmd/root.go")
        try repo.write("cmd/root.go", Self.program(""))
        try repo.commit("back in cmd without --port")

        let engine = try engine(at: repo.url.path)
        let report = try engine.check(CheckOptions(base: "v1.12.0", version: try version("1.13.0")))
        let removed = report.changes.filter { $0.kind == .removed }.map(\.id)
        #expect(removed.contains("cli:tool serve --port"), "\(removed)")
        #expect(
            report.findings.contains { $0.rule == .removedWithoutDeprecation && $0.item == "cli:tool serve --port" })
        #expect(
            report.notes.contains {
                $0.hasPrefix("surface 'cli' was not read at the base 1.12.0") && $0.contains("compared with 1.0.0")
            }, "\(report.notes)")
        // The base, head, 1.1.0 (Go source: only reading it tells) and 1.0.0; not 1.2.0 to 1.11.0.
        #expect(engine.revisionsRead.count == 4)
    }

    @Test("with no release that read the surface, every older one is looked at and none is read whole")
    func noReleaseReadIt() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            project: tool
            surfaces:
              cli:
                extract:
                  cobra:
                    files: ["cmd/*.go"]
            """)
        for minor in 0...5 {
            try repo.write("README.md", "release \(minor)\n")
            try repo.commit("release \(minor)")
            try repo.tag("v1.\(minor).0", annotated: true)
        }
        try repo.write("cmd/root.go", Self.program(#"serve.Flags().Int("port", 0, "")"#))
        try repo.commit("a command line")
        let engine = try engine(at: repo.url.path)
        let report = try engine.check(CheckOptions(base: "v1.5.0", version: try version("1.6.0")))
        #expect(report.changes.filter { $0.kind == .removed }.isEmpty)
        #expect(report.changes.contains { $0.kind == .added && $0.id == "cli:tool serve --port" })
        #expect(!report.notes.contains { $0.hasPrefix("surface 'cli' was not read at the base") })
        #expect(engine.revisionsRead.count == 2)
    }

    @Test("a release where one of a surface's cobra extractors matches Go source is read whole (review R54)")
    func oneOfTwoExtractorsReads() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            project: tool
            surfaces:
              cli:
                extract:
                  - cobra:
                      files: ["cmd/*.go"]
                      root: tool
                  - cobra:
                      files: ["pkg/cmd/*.go"]
                      root: tool
            """)
        try repo.write("cmd/root.go", Self.program(#"serve.Flags().Int("port", 0, "")"#))
        try repo.write("pkg/cmd/root.go", Self.program(#"serve.Flags().Int("port", 0, "")"#))
        try repo.commit("serve")
        try repo.tag("v1.0.0", annotated: true)
        try repo.remove("cmd/root.go")
        var moved: [String] = []
        for minor in 1...3 {
            try repo.write("pkg/cmd/root.go", Self.program(#"serve.Flags().Int("port", \#(minor), "")"#))
            moved.append(try repo.commit("only in pkg/cmd \(minor)"))
            try repo.tag("v1.\(minor).0", annotated: true)
        }
        try repo.remove("pkg/cmd/root.go")
        try repo.write("README.md", "no command line\n")
        try repo.commit("none")
        try repo.tag("v1.4.0", annotated: true)
        try repo.write("cmd/root.go", Self.program(""))
        try repo.write("pkg/cmd/root.go", Self.program(""))
        try repo.commit("back without --port")
        let engine = try engine(at: repo.url.path)
        let report = try engine.check(CheckOptions(base: "v1.4.0", version: try version("1.5.0")))
        #expect(
            report.changes.contains { $0.kind == .removed && $0.id == "cli:tool serve --port" }, "\(report.changes)")
        // 1.3.0's second extractor reads Go source: only a read tells whether the surface reads nothing there.
        #expect(engine.revisionsRead.contains(try #require(ObjectID(hex: moved[2]))), "\(engine.revisionsRead)")
    }
}
