import Foundation
import Git
import Policy
import Testing
import TestSupport

@testable import Surface

/// A runtime module whose `Result` embeds a struct of another file of its package, which embeds one of another
/// package of the module, which embeds a type of another module.
private let files: [String: String] = [
    "go.mod": "module example.com/eng/v2\n",
    "js/modules/app/web/result.go": #"""
    package web

    import "example.com/eng/v2/lib/wire"

    // Result is what fetch returns.
    type Result struct {
        *wire.Reply `js:"-"`
        meta
        Status int    // shadows wire.Reply's Status
        client *Client
    }

    func (r *Result) JSON() any { return nil }
    """#,
    "js/modules/app/web/meta.go": #"""
    package web

    type meta struct {
        Attempts int
        Header   string `js:"headerLine"`
        hidden   int
    }

    func (m meta) Retry() error { return nil }
    """#,
    "lib/wire/reply.go": #"""
    package wire

    import (
        ext "example.com/other/timing"
    )

    type Reply struct {
        Status     int    `json:"status"`
        RemoteIP   string `json:"remote_ip"`
        Body       any
        Secret     string `js:"-"`
        *ext.Timings
        Trailer
    }

    func (r *Reply) Close() error { return nil }
    func (r *Reply) reset()       {}
    """#,
    "lib/wire/trailer.go": #"""
    package wire

    type Trailer struct {
        Trailers map[string]string
        *Reply // a cycle back to Reply: followed once
    }
    """#,
]

private let policy = #"""
    semgate: 1
    surfaces:
      js:
        extract:
          go-literals:
            files: ["js/modules/**/*.go"]
            path: '^js/modules/(?<module>app(?:/[a-z]+)*)/[^/]+\.go$'
            members: [Result]
            tags: [js]
            method-names: lower-camel
            field-names: snake
            key: "{module}.{name}"
    """#

@Suite("go-literals: members promoted from embedded structs")
struct GoLiteralsPromotionTests {
    /// The files at v1.0.0; v2.0.0 drops `RemoteIP` from the embedded package alone.
    private func twoReleases() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        for (path, text) in files { try repo.write(path, text) }
        try repo.commit("first")
        try repo.tag("v1.0.0")
        try repo.write(
            "lib/wire/reply.go",
            files["lib/wire/reply.go", default: ""].replacingOccurrences(
                of: "    RemoteIP   string `json:\"remote_ip\"`\n", with: ""))
        try repo.commit("drop RemoteIP")
        try repo.tag("v2.0.0")
        return repo
    }

    @Test("fields and methods of embedded structs in other files and packages of the module; other modules noted")
    func promoted() throws {
        let repo = try FixtureRepository()
        for (path, text) in files { try repo.write(path, text) }
        try repo.commit("first")
        let snapshot = try surface(of: repo, policy: policy)
        #expect(
            snapshot.sortedItems.map(\.key) == [
                "app/web.Result.attempts", "app/web.Result.body", "app/web.Result.close", "app/web.Result.headerLine",
                "app/web.Result.json", "app/web.Result.remote_ip", "app/web.Result.retry", "app/web.Result.status",
                "app/web.Result.trailers",
                // `tags` keys a tagged field of any struct by its own type, as before.
                "app/web.meta.headerLine",
            ])
        // The shallower name wins: Result's own Status, not wire.Reply's.
        #expect(
            snapshot.items["js:app/web.Result.status"]?.location
                == Location(path: "js/modules/app/web/result.go", line: 9))
        #expect(
            snapshot.items["js:app/web.Result.remote_ip"]?.location == Location(path: "lib/wire/reply.go", line: 9))
        #expect(
            snapshot.notes.contains {
                $0.contains("Result embeds ext.Timings of another module (example.com/other/timing)")
            })
    }

    @Test("a change in the embedded package alone is seen at the next revision, through one reader")
    func dependencyChange() throws {
        let repo = try twoReleases()
        let repository = try Repository(discovering: repo.url.path)
        let reader = SurfaceReader(repository: repository, policy: try loadPolicy(policy))
        let old = try reader.snapshot(at: try repository.resolve("v1.0.0"))
        let new = try reader.snapshot(at: try repository.resolve("v2.0.0"))
        #expect(old.items["js:app/web.Result.remote_ip"] != nil)
        #expect(new.items["js:app/web.Result.remote_ip"] == nil)
        #expect(new.items["js:app/web.Result.body"] != nil)
        let again = try reader.snapshot(at: try repository.resolve("v1.0.0"))
        #expect(again.sortedItems.map(\.key) == old.sortedItems.map(\.key))
    }

    @Test("through the persistent cache: a change in the embedded package alone is not answered from the store")
    func persistentCache() throws {
        let repo = try twoReleases()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("semgate-store-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repository = try Repository(discovering: repo.url.path)
        func keys(_ tags: [String], store: Bool) throws -> [[String]] {
            let reader = SurfaceReader(repository: repository, policy: try loadPolicy(policy))
            if store { reader.store = try ExtractionStore.open(directory: folder, build: "test") }
            return try tags.map { try reader.snapshot(at: try repository.resolve($0)).sortedItems.map(\.key) }
        }
        let none = try keys(["v1.0.0", "v2.0.0"], store: false)
        #expect(none[0].contains("app/web.Result.remote_ip") && !none[1].contains("app/web.Result.remote_ip"))
        #expect(try keys(["v1.0.0"], store: true) == [none[0]])
        #expect(try keys(["v2.0.0", "v1.0.0"], store: true) == [none[1], none[0]])
    }

    @Test("a listed type defined as another struct has its fields (not its methods); an alias has both")
    func definedTypes() throws {
        let repo = try FixtureRepository()
        for (path, text) in files { try repo.write(path, text) }
        try repo.write(
            "js/modules/app/old/old.go",
            "package old\n\nimport \"example.com/eng/v2/lib/wire\"\n\ntype Result wire.Reply\n\n"
                + "func (r *Result) Raw() string { return \"\" }\n")
        try repo.write(
            "js/modules/app/alias/alias.go",
            "package alias\n\nimport \"example.com/eng/v2/lib/wire\"\n\ntype Result = wire.Reply\n")
        try repo.commit("defined types")
        let keys = try surface(of: repo, policy: policy).sortedItems.map(\.key)
        #expect(
            keys.filter { $0.hasPrefix("app/old.") } == [
                "app/old.Result.body", "app/old.Result.raw", "app/old.Result.remote_ip", "app/old.Result.status",
                "app/old.Result.trailers",
            ])
        #expect(
            keys.filter { $0.hasPrefix("app/alias.") } == [
                "app/alias.Result.body", "app/alias.Result.close", "app/alias.Result.remote_ip",
                "app/alias.Result.status", "app/alias.Result.trailers",
            ])
    }

    @Test("go.mod decides how the same files' imports resolve: read again when it changes, through one reader")
    func goModAdded() throws {
        let repo = try FixtureRepository()
        for (path, text) in files where path != "go.mod" { try repo.write(path, text) }
        try repo.commit("before modules")
        try repo.tag("v0.1.0")
        try repo.write("go.mod", files["go.mod", default: ""])
        try repo.commit("go.mod")
        try repo.tag("v0.2.0")
        let repository = try Repository(discovering: repo.url.path)
        let reader = SurfaceReader(repository: repository, policy: try loadPolicy(policy))
        let old = try reader.snapshot(at: try repository.resolve("v0.1.0"))
        let new = try reader.snapshot(at: try repository.resolve("v0.2.0"))
        // Before go.mod the import is the folder its path ends with (GOPATH); with go.mod, the module's.
        #expect(old.items["js:app/web.Result.remote_ip"] != nil && old.items["js:app/web.Result.attempts"] != nil)
        #expect(new.sortedItems.map(\.key) == old.sortedItems.map(\.key))
        try repo.write("go.mod", "module example.com/renamed\n")
        try repo.commit("the module's path no longer prefixes the import")
        let renamed = try reader.snapshot(at: try repository.resolve("HEAD"))
        #expect(renamed.items["js:app/web.Result.remote_ip"] == nil)
        #expect(renamed.notes.contains { $0.contains("embeds wire.Reply of another module") })
    }

    @Test("an embedding chain deeper than the limit stops with a note; a missing package promotes nothing")
    func bounded() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/deep\n")
        var chain = "package web\n\nimport \"example.com/deep/gone\"\n\ntype Result struct {\n\tT0\n\tgone.Missing\n}\n"
        for level in 0..<40 {
            chain += "\ntype T\(level) struct {\n\tF\(level) int\n\tT\(level + 1)\n}\n"
        }
        try repo.write("js/modules/app/web/web.go", chain)
        try repo.commit("deep")
        let snapshot = try surface(of: repo, policy: policy)
        let keys = snapshot.sortedItems.map(\.key)
        #expect(keys.contains("app/web.Result.f0") && keys.contains("app/web.Result.f31"))
        #expect(!keys.contains("app/web.Result.f32"))
        #expect(snapshot.notes.contains { $0.contains("embeds types more than 32 levels deep") })
    }
}
