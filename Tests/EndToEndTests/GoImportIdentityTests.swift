import Foundation
import Testing
import TestSupport

/// Another package's type is that package's, whatever its short spelling: a parameter of `yaml.Node` from
/// `gopkg.in/yaml.v2` is another type than `yaml.Node` from `gopkg.in/yaml.v3` (review R73).
@Suite("go-api: types of other packages compared by import path, through the built binary")
struct GoImportIdentityTests {
    struct Change: CustomTestStringConvertible, Sendable {
        let name: String
        let before: String
        let after: String
        var testDescription: String { name }
    }

    static let retargeted: [Change] = [
        Change(
            name: "a dependency's major version (gopkg.in .v2 to .v3)",
            before: "import \"gopkg.in/yaml.v2\"\n\nfunc F(n *yaml.Node) {}",
            after: "import \"gopkg.in/yaml.v3\"\n\nfunc F(n *yaml.Node) {}"),
        Change(
            name: "a dependency's major version (/v2 to /v3)",
            before: "import \"example.org/dep/client/v2\"\n\nfunc F(c *client.Client) {}",
            after: "import \"example.org/dep/client/v3\"\n\nfunc F(c *client.Client) {}"),
        Change(
            name: "a fork with the same last element",
            before: "import \"example.org/up/errs\"\n\ntype T struct{ E errs.Frame }",
            after: "import \"example.org/fork/errs\"\n\ntype T struct{ E errs.Frame }"),
        Change(
            name: "a package of the module for one elsewhere",
            before: "import \"example.com/lib/a\"\n\nfunc F() a.Thing { return a.Thing{} }",
            after: "import \"example.org/z/a\"\n\nfunc F() a.Thing { return a.Thing{} }"),
        Change(
            name: "the standard library's package for another of the same name",
            before: "import \"errors\"\n\nvar _ = errors.New\n\ntype E struct{ Frame errors.Frame }",
            after: "import \"example.org/pkg/errors\"\n\ntype E struct{ Frame errors.Frame }"),
        Change(
            name: "a dot import retargeted",
            before: "import . \"example.com/lib/a\"\n\nfunc F(t Thing) {}",
            after: "import . \"example.com/lib/b\"\n\nfunc F(t Thing) {}"),
    ]

    static let respelled: [Change] = [
        Change(
            name: "an alias renamed",
            before: "import x \"example.com/lib/a\"\n\nfunc F(t x.Thing) {}",
            after: "import y \"example.com/lib/a\"\n\nfunc F(t y.Thing) {}"),
        Change(
            name: "an alias dropped",
            before: "import x \"example.com/lib/a\"\n\nfunc F(t x.Thing) {}",
            after: "import \"example.com/lib/a\"\n\nfunc F(t a.Thing) {}"),
        Change(
            name: "an unused import retargeted",
            before: "import \"gopkg.in/yaml.v2\"\n\nvar _ = yaml.Marshal\n\nfunc F(n int) {}",
            after: "import \"gopkg.in/yaml.v3\"\n\nvar _ = yaml.Marshal\n\nfunc F(n int) {}"),
        Change(
            name: "golang.org/x/net/context for context (an alias since Go 1.9)",
            before: "import \"golang.org/x/net/context\"\n\nfunc F(c context.Context) {}",
            after: "import \"context\"\n\nfunc F(c context.Context) {}"),
        Change(
            name: "a second import of the same spelling added",
            before: "import \"example.com/lib/a\"\n\nfunc F(t a.Thing) {}",
            after:
                "import (\n\t\"example.com/lib/a\"\n\ta2 \"example.org/z/a\"\n)\n\nvar _ a2.Thing\n\nfunc F(t a.Thing) {}"
        ),
        Change(
            name: "an import whose package clause the path does not say added",
            before: "import \"example.org/go-bus\"\n\nfunc F(e bus.Event) {}",
            after:
                "import (\n\t\"example.org/go-bus\"\n\t\"example.org/go-progress\"\n)\n\nvar _ progress.Stage\n\nfunc F(e bus.Event) {}"
        ),
    ]

    private func repository(_ change: Change) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
        try repo.write("a/a.go", "package a\n\ntype Thing struct{ A int }\n")
        try repo.write("b/b.go", "package b\n\ntype Thing struct{ A int }\n")
        try repo.write("lib.go", "package lib\n\n" + change.before + "\n")
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        try repo.write("lib.go", "package lib\n\n" + change.after + "\n")
        try repo.commit("next")
        try repo.tag("v1.1.0")
        return repo
    }

    private func errorItems(_ result: CommandResult) -> [String] {
        let releases = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        return (releases.last?["findings"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
            .compactMap { $0["item"] as? String }
    }

    @Test("the same spelling from another import path is a change of the item: audit fails", arguments: retargeted)
    func retargetedImport(change: Change) throws {
        let repo = try repository(change)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let items = errorItems(result)
        #expect(
            items.contains {
                $0.hasSuffix("example.com/lib.F") || $0.hasSuffix("example.com/lib.T.E")
                    || $0.hasSuffix("example.com/lib.E.Frame")
            },
            "errors: \(items)")
    }

    @Test("another spelling of the same import path is no change", arguments: respelled)
    func respelledImport(change: Change) throws {
        let repo = try repository(change)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
    }

    @Test("the module's own new major version (/v2) keeps its packages: F(a.Thing) is unchanged")
    func ownModuleMajor() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
        try repo.write("a/a.go", "package a\n\ntype Thing struct{ A int }\n")
        try repo.write("lib.go", "package lib\n\nimport \"example.com/lib/a\"\n\nfunc F(t a.Thing) {}\n")
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        try repo.write("go.mod", "module example.com/lib/v2\n\ngo 1.21\n")
        try repo.write("lib.go", "package lib\n\nimport \"example.com/lib/v2/a\"\n\nfunc F(t a.Thing) {}\n")
        try repo.commit("v2")
        try repo.tag("v2.0.0")
        let surface = try runSemgate(["surface", "v1.0.0"], in: repo.url)
        #expect(surface.stdout.contains("imports=./a"), "surface: \(surface.stdout)")
        let result = try runSemgate(["diff", "v1.0.0", "v2.0.0", "--format", "json"], in: repo.url)
        let changes = (jsonObject(result.stdout)?["changes"] as? [[String: Any]] ?? []).compactMap {
            $0["item"] as? String
        }
        #expect(!changes.contains { $0.hasSuffix(".F") }, "changes: \(changes)")
    }

    /// nerdctl 1.7.7: `platforms` from `github.com/containerd/containerd/platforms`, then from
    /// `github.com/containerd/platforms`, whose old path forwards to the new one by aliases in the containerd version
    /// the project requires; the repository cannot show that (class 1 of session 24).
    @Test(
        "a package moved to a module of its own is still claimed, and a note says what to check and how to acknowledge")
    func movedPackageNote() throws {
        let change = Change(
            name: "moved",
            before: "import \"example.org/big/platforms\"\n\nfunc F() platforms.Matcher { return nil }",
            after: "import \"example.org/platforms\"\n\nfunc F() platforms.Matcher { return nil }")
        let repo = try repository(change)
        let result = try runSemgate(["audit"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            text.contains(
                "api:example.com/lib.F: claimed changed because a package their types come from is imported from another path (example.org/big/platforms → example.org/platforms)"
            ), "\(text)")
        #expect(text.contains("acknowledge it with an exception for this release"), "\(text)")
    }
}
