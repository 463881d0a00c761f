import Foundation
import Testing
import TestSupport

/// A declaration defined once per build (`f_linux.go`, `f_windows.go`): each build's definition counts (review R75).
@Suite("go-api: per-build definitions, through the built binary")
struct GoPerBuildTests {
    struct Change: CustomTestStringConvertible, Sendable {
        let name: String
        let before: String
        let after: String
        let item: String
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(
            name: "func F(int) to F(string) in the windows file only", before: "func F(x int) {}",
            after: "func F(x string) {}", item: "example.com/lib.F"),
        Change(name: "type T int to string in the windows file only", before: "type T int", after: "type T string",
            item: "example.com/lib.T"),
        Change(name: "const C = 1 to 2 in the windows file only", before: "const C = 1", after: "const C = 2",
            item: "example.com/lib.C"),
        Change(
            name: "field B removed from the windows T only", before: "type T struct{ A, B int }",
            after: "type T struct{ A int }", item: "example.com/lib.T.B"),
    ]

    private func repository(linux: String, windows: String, then windowsLater: String?) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
        try repo.write("lib.go", "package lib\n\nfunc G() {}\n")
        try repo.write("f_linux.go", "package lib\n\n" + linux + "\n")
        if !windows.isEmpty { try repo.write("f_windows.go", "package lib\n\n" + windows + "\n") }
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        if let windowsLater { try repo.write("f_windows.go", "package lib\n\n" + windowsLater + "\n") }
        try repo.commit("next")
        try repo.tag("v1.1.0")
        return repo
    }

    @Test("one build's definition changed: audit fails naming the item", arguments: changes)
    func oneBuildChanged(change: Change) throws {
        let repo = try repository(linux: change.before, windows: change.before, then: change.after)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        let releases = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        let items = (releases.last?["findings"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? String }
        #expect(items.contains { $0.hasSuffix(change.item) }, "findings: \(items)")
    }

    @Test("two files with the same bytes are two builds: F is declared for linux and windows")
    func sameBytes() throws {
        let repo = try repository(linux: "func F(x int) {}", windows: "func F(x int) {}", then: nil)
        let result = try runSemgate(["surface", "v1.0.0"], in: repo.url)
        #expect(result.stdout.contains("example.com/lib.F  build=linux || windows kind=func"), "\(result.stdout)")
    }

    @Test("a build added with its own definition is a minor, not a break")
    func buildAdded() throws {
        let repo = try repository(linux: "func F(x int) {}", windows: "", then: "func F(x string) {}")
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
    }
}
