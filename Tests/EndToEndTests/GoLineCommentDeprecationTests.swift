import Foundation
import Testing
import TestSupport

/// Review DT: an item deprecated by its line comment (`F int // Deprecated: use G`), then removed in a major. gopls
/// reads a field's (method's, spec's) line comment as its documentation when it has no doc comment above
/// (golang/tools gopls/internal/golang/hover.go `chooseDocComment`: `field.Doc`, else `field.Comment`; a spec's own doc,
/// else its group's, else its line comment), and its completion strikes out an item whose documentation begins
/// `Deprecated`. semgate reads the same comment, with the `Deprecated:` paragraph of Go's convention that staticcheck's
/// SA1019 and gopls's `deprecated` analyzer look for. Anything else is no deprecation: the removal is still claimed.
@Suite("go-api: a Deprecated: line comment marks the item, as gopls reads it, through the built binary")
struct GoLineCommentDeprecationTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        let name: String
        /// lib.go at v1.0.0 and at v2.0.0, after `package lib`.
        let before: String
        let after: String
        var testDescription: String { name }
    }

    static let marked: [Shape] = [
        Shape(
            name: "a field",
            before: "type S struct {\n\tF int // Deprecated: use G\n\tG int\n}",
            after: "type S struct {\n\tG int\n}"),
        Shape(
            name: "a field with a tag",
            before:
                "type S struct {\n\tF map[string]string `yaml:\"f\"` // Deprecated: use templates instead\n\tG int\n}",
            after: "type S struct {\n\tG int\n}"),
        Shape(
            name: "a field whose next line holds the next field's doc",
            before: "type S struct {\n\tF int // Deprecated: use G\n\t// G is the width.\n\tG int\n}",
            after: "type S struct {\n\t// G is the width.\n\tG int\n}"),
        Shape(
            name: "a constant",
            before: "const C = 1 // Deprecated: use D\n\nconst D = 2",
            after: "const D = 2"),
        Shape(
            name: "a constant of a group without a doc comment",
            before: "const (\n\tC = 1 // Deprecated: use D\n\tD = 2\n)",
            after: "const (\n\tD = 2\n)"),
        Shape(
            name: "an interface method",
            before: "type I interface {\n\tM() // Deprecated: use N\n\tN()\n}",
            after: "type I interface {\n\tN()\n}"),
        Shape(
            name: "a type",
            before: "type Old int // Deprecated: use New\n\ntype New int",
            after: "type New int"),
    ]

    static let unmarked: [Shape] = [
        Shape(
            name: "a lower-case `// deprecated` (no Go tool reads it)",
            before: "type S struct {\n\tF int // deprecated\n\tG int\n}",
            after: "type S struct {\n\tG int\n}"),
        Shape(
            name: "`// Deprecated` without the colon of Go's convention",
            before: "type S struct {\n\tF int // Deprecated\n\tG int\n}",
            after: "type S struct {\n\tG int\n}"),
        Shape(
            name: "`Deprecated:` inside prose",
            before: "type S struct {\n\tF int // the width; Deprecated: use G\n\tG int\n}",
            after: "type S struct {\n\tG int\n}"),
        Shape(
            name: "a doc comment above that does not say it (gopls reads that one)",
            before: "type S struct {\n\t// F is the width.\n\tF int // Deprecated: use G\n\tG int\n}",
            after: "type S struct {\n\tG int\n}"),
        Shape(
            name: "the line comment of the field before",
            before: "type S struct {\n\tE int // Deprecated: use G\n\tF int\n\tG int\n}",
            after: "type S struct {\n\tE int // Deprecated: use G\n\tG int\n}"),
        Shape(
            name: "a comment on the next line (the next field's doc)",
            before: "type S struct {\n\tF int\n\t// Deprecated: use H\n\tG int\n}",
            after: "type S struct {\n\t// Deprecated: use H\n\tG int\n}"),
        Shape(
            name: "a constant of a group whose doc comment gopls reads instead",
            before: "// Limits.\nconst (\n\tC = 1 // Deprecated: use D\n\tD = 2\n)",
            after: "// Limits.\nconst (\n\tD = 2\n)"),
    ]

    private func removals(_ shape: Shape) throws -> [String] {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\nrules:\n  removed-without-deprecation: error\n"
        )
        try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
        try repo.write("lib.go", "package lib\n\n" + shape.before + "\n")
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        try repo.write("lib.go", "package lib\n\n" + shape.after + "\n")
        try repo.commit("v2")
        try repo.tag("v2.0.0")
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0 || result.status == 1, "stderr: \(result.stderr)")
        let releases = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        #expect(releases.count == 2, "stdout: \(result.stdout)")
        return releases.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
            .filter { $0["rule"] as? String == "removed-without-deprecation" }
            .compactMap { $0["item"] as? String }
    }

    @Test("marked by its line comment, then removed in a major: no removed-without-deprecation", arguments: marked)
    func lineCommentMarks(shape: Shape) throws {
        let found = try removals(shape)
        #expect(found.isEmpty, "\(found)")
    }

    @Test("a comment that is not the item's deprecation excuses nothing", arguments: unmarked)
    func otherCommentsClaim(shape: Shape) throws {
        let found = try removals(shape)
        #expect(found.count == 1, "\(found)")
    }
}
