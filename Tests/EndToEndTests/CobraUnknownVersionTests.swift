import Foundation
import Testing
import TestSupport

/// Review CV (goreleaser 1.5.0, built with a cobra fork): when cobra's version cannot be read, whether cobra gives
/// `--version` the shorthand -v is not known. Not known is not absent: the shorthand is `?`, a change from or to it
/// is not claimed, and the note says so.
@Suite("cobra: --version's shorthand when cobra's version cannot be read, through the built binary")
struct CobraUnknownVersionTests {
    /// A release: the module's dependency (`cobra` with its version, or nil for the fork github.com/muesli/coral, which
    /// keeps cobra's API), and statements added to the root.
    struct Release: Sendable {
        let tag: String
        let cobra: String?
        var pieces: [String] = []
    }

    struct Shape: CustomTestStringConvertible, Sendable {
        let name: String
        let releases: [Release]
        var testDescription: String { name }
    }

    static func program(importPath: String, package: String, pieces: [String]) -> String {
        """
        package cmd

        import "\(importPath)"

        func NewRoot() *\(package).Command {
            root := &\(package).Command{Use: "tool", Version: "1.0.0"}
        \(pieces.map { "    " + $0 }.joined(separator: "\n"))
            run := &\(package).Command{Use: "run"}
            run.Flags().Bool("watch", false, "watch")
            root.AddCommand(run)
            return root
        }
        """
    }

    private func audit(_ releases: [Release]) throws -> (status: Int32, errors: [String], notes: String) {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            surfaces:
              cli:
                extract:
                  cobra: {files: ["cmd/*.go"], root: tool}

            """)
        for release in releases {
            let requirement = release.cobra.map { "github.com/spf13/cobra \($0)" } ?? "github.com/muesli/coral v1.0.0"
            try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire \(requirement)\n")
            try repo.write(
                "cmd/root.go",
                release.cobra == nil
                    ? Self.program(importPath: "github.com/muesli/coral", package: "coral", pieces: release.pieces)
                    : Self.program(importPath: "github.com/spf13/cobra", package: "cobra", pieces: release.pieces))
            try repo.commit(release.tag)
            try repo.tag(release.tag)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let releases = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        let findings = releases.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        let errors = findings.filter { $0["severity"] as? String == "error" }.compactMap {
            ($0["rule"] as? String ?? "") + " " + ($0["item"] as? String ?? "")
        }
        return (result.status, errors, result.stdout + result.stderr)
    }

    static let unknown: [Shape] = [
        Shape(
            name: "cobra 1.8.0 (-v), then a fork",
            releases: [Release(tag: "v1.0.0", cobra: "v1.8.0"), Release(tag: "v1.1.0", cobra: nil)]),
        Shape(
            name: "a fork, then cobra 1.8.0 (-v) in a patch",
            releases: [Release(tag: "v1.0.0", cobra: nil), Release(tag: "v1.0.1", cobra: "v1.8.0")]),
        Shape(
            name: "cobra 0.0.5 (no -v), then a fork in a patch",
            releases: [Release(tag: "v1.0.0", cobra: "v0.0.5"), Release(tag: "v1.0.1", cobra: nil)]),
    ]

    @Test("a shorthand not known on one side is not claimed changed, added or removed", arguments: unknown)
    func unknownShorthand(shape: Shape) throws {
        let result = try audit(shape.releases)
        #expect(result.status == 0, "errors: \(result.errors)")
        #expect(!result.errors.contains { $0.contains("--version") }, "errors: \(result.errors)")
        #expect(result.notes.contains("its shorthand is `?`, and a change of it is not claimed"), "\(result.notes)")
    }

    @Test("control: the program's own --version with -V, on the fork, is still claimed")
    func ownVersionFlag() throws {
        let result = try audit([
            Release(tag: "v1.0.0", cobra: "v1.8.0"),
            Release(tag: "v1.1.0", cobra: nil, pieces: [#"root.Flags().BoolP("version", "V", false, "version")"#]),
        ])
        #expect(result.status == 1)
        #expect(result.errors.contains { $0.hasSuffix("cli:tool --version") }, "errors: \(result.errors)")
    }
}
