import Foundation
import Testing
import TestSupport

/// Files the go tool ignores (names beginning with `_` or `.`) are no source of the module for any Go extractor:
/// a declaration, flag or package kept only in such a file is gone for users (review R66).
@Suite("Go files the go tool ignores, through the built binary")
struct GoIgnoredFilesTests {
    /// One move at v1.1.0 of something v1.0.0 had in a file Go builds, and the item whose removal audit must claim.
    struct Move: CustomTestStringConvertible, Sendable {
        let name: String
        let extract: String
        let before: [String: String]
        let after: [String: String]
        let removed: [String]
        let item: String
        var testDescription: String { name }
    }

    static let cobraRoot = """
        package cmd

        import "github.com/spf13/cobra"

        var run = &cobra.Command{Use: "run"}

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "deck"}
            root.AddCommand(run)
            return root
        }
        """

    static let cobraFlag =
        "package cmd\n\nfunc init() {\n\trun.Flags().String(\"disk\", \"\", \"disk\")\n}\n"

    static let moves: [Move] = [
        Move(
            name: "go-api: F moved to _f.go", extract: "go-api: {}",
            before: ["lib.go": "package lib\n\nfunc F() {}\n"], after: ["_f.go": "package lib\n\nfunc F() {}\n"],
            removed: ["lib.go"], item: "example.com/lib.F"),
        Move(
            name: "go-api: F moved to .f.go", extract: "go-api: {}",
            before: ["lib.go": "package lib\n\nfunc F() {}\n"], after: [".f.go": "package lib\n\nfunc F() {}\n"],
            removed: ["lib.go"], item: "example.com/lib.F"),
        Move(
            name: "go-packages: sub/ left with only _sub.go", extract: "go-packages: {}",
            before: ["sub/sub.go": "package sub\n\nfunc S() {}\n"], after: ["sub/_sub.go": "package sub\n"],
            removed: ["sub/sub.go"], item: "example.com/lib/sub"),
        Move(
            name: "go-packages: sub/ left with only a //go:build ignore file", extract: "go-packages: {}",
            before: ["sub/sub.go": "package sub\n\nfunc S() {}\n"],
            after: ["sub/gen.go": "//go:build ignore\n\npackage sub\n"], removed: ["sub/sub.go"],
            item: "example.com/lib/sub"),
        Move(
            name: "cobra: --disk moved to cmd/_disk.go", extract: #"cobra: {files: ["cmd/*.go"], root: deck}"#,
            before: ["cmd/root.go": cobraRoot, "cmd/disk.go": cobraFlag],
            after: ["cmd/_disk.go": cobraFlag], removed: ["cmd/disk.go"], item: "deck run --disk"),
        Move(
            name: "cobra: --disk moved to cmd/.disk.go", extract: #"cobra: {files: ["cmd/*.go"], root: deck}"#,
            before: ["cmd/root.go": cobraRoot, "cmd/disk.go": cobraFlag],
            after: ["cmd/.disk.go": cobraFlag], removed: ["cmd/disk.go"], item: "deck run --disk"),
    ]

    private func repository(_ move: Move, after: [String: String]) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      \(move.extract)\n")
        try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
        try repo.write("doc.go", "package lib\n")
        for (path, text) in move.before { try repo.write(path, text) }
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        for path in move.removed { try repo.remove(path) }
        for (path, text) in after { try repo.write(path, text) }
        try repo.commit("move")
        try repo.tag("v1.1.0")
        return repo
    }

    @Test("what moves into a file Go ignores is removed: audit fails naming it", arguments: moves)
    func movedIntoIgnoredFile(move: Move) throws {
        let repo = try repository(move, after: move.after)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        let releases = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        let items = (releases.last?["findings"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? String }
        #expect(items.contains { $0.hasSuffix(move.item) }, "findings: \(items)")
    }

    @Test("the same move into a file Go builds is no change", arguments: moves)
    func movedIntoBuiltFile(move: Move) throws {
        let renamed = Dictionary(
            uniqueKeysWithValues: move.after.map { path, text in
                let folder = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : ""
                let name = path.split(separator: "/").last!.drop { $0 == "_" || $0 == "." }
                return (folder + "moved_" + name, text.replacingOccurrences(of: "//go:build ignore\n\n", with: ""))
            })
        let repo = try repository(move, after: renamed)
        let result = try runSemgate(["audit"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
    }
}
