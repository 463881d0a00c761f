import Foundation
import Testing
import TestSupport

/// An unexported struct that the exported API exposes and that stops being comparable (review EC, kept on purpose).
/// golang.org/x/exp/apidiff reports it, whatever path exposes it: reaching the type from an exported name
/// (`establishCorrespondence`) checks its declaration (`checkCompatibleDefined` → `checkCompatibleStruct`: "old is
/// comparable, new is not"), and `func(*options)` reaches it as a parameter type does. Code outside can break: it
/// cannot name `options`, but type inference names it for it (`func Same[T comparable](f func(*T)) bool`, called with
/// an `Option`, stops compiling: "options does not implement comparable", checked with Go 1.19). An unexported type
/// that no exported name reaches (an unexported field of an exported struct reaches nothing) is not compared; the
/// exported struct that holds it is.
@Suite("go-api: comparability of exposed unexported structs, as apidiff judges it, through the built binary")
struct GoExposedComparableTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        let name: String
        /// Declarations beside `type options struct{...}`, in both releases.
        let exposure: String
        /// The item claimed when `options` gains a map, or nil for none.
        let claimed: String?
        var testDescription: String { name }
    }

    static let shapes: [Shape] = [
        Shape(
            name: "a func type's pointer parameter", exposure: "type Option func(*options)", claimed: "client.options"),
        Shape(
            name: "an exported method's parameter",
            exposure: "type C struct{}\n\nfunc (C) Apply(o *options) {}", claimed: "client.options"),
        Shape(name: "an exported var's pointer", exposure: "var Default = &options{}", claimed: "client.options"),
        Shape(
            name: "an exported field's pointer", exposure: "type S struct{ O *options }", claimed: "client.options"),
        Shape(
            name: "an unexported field of an exported struct: the struct is claimed",
            exposure: "type S struct{ o options }", claimed: "client.S"),
        Shape(name: "no exported name reaches it", exposure: "func helper(o options) {}", claimed: nil),
    ]

    @Test("options gains a map in a minor", arguments: shapes)
    func gainsMap(shape: Shape) throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
        for (tag, field) in [("v1.0.0", ""), ("v1.1.0", "\tHeaders map[string][]string\n")] {
            try repo.write(
                "client/c.go",
                "package client\n\ntype options struct {\n\tUserAgent string\n\(field)}\n\n\(shape.exposure)\n")
            try repo.commit(tag)
            try repo.tag(tag)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let releases = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        let errors = releases.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
            .filter { $0["severity"] as? String == "error" }.compactMap { $0["item"] as? String }
        if let claimed = shape.claimed {
            #expect(result.status == 1, "stderr: \(result.stderr)")
            #expect(errors.contains { $0.hasSuffix(claimed) }, "\(errors)")
            #expect(errors.allSatisfy { $0.hasSuffix(claimed) }, "\(errors)")
        } else {
            #expect(result.status == 0, "\(errors) \(result.stderr)")
        }
    }
}
