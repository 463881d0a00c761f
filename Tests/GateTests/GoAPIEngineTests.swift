import Foundation
import Gate
import Policy
import SemVer
import TestSupport
import Testing

@Suite("Engine with go-api")
struct GoAPIEngineTests {
    static let policy = """
        semgate: 1
        surfaces:
          api:
            extract:
              go-api: {}
        """

    /// v1.0.0 with an interface, a struct and a func; then `changes` applied and tagged `tag`.
    private func repository(then changes: [String: String], tag: String) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write(
            "api/api.go",
            "package api\n\ntype Runner interface{ Run() error }\n\ntype Options struct{ VUs int }\n\nfunc New() {}\n")
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        for (path, text) in changes { try repo.write(path, text) }
        try repo.commit("next")
        try repo.tag(tag)
        return repo
    }

    @Test("a method added to an interface others implement fails a minor; a struct field passes it")
    func interfaceMethod() throws {
        let breaking = try repository(
            then: [
                "api/api.go":
                    "package api\n\ntype Runner interface{ Run() error; Stop() }\n\ntype Options struct{ VUs int }\n"
                    + "\nfunc New() {}\n"
            ], tag: "v1.1.0")
        let row = try #require(try engine(at: breaking.url.path).audit().releases?.last)
        #expect(row.required == .major)
        #expect(summary(row.findings) == ["breaking-without-major error api:example.com/mod/api.Runner.Stop"])

        let compatible = try repository(
            then: [
                "api/api.go":
                    "package api\n\ntype Runner interface{ Run() error }\n\ntype Options struct{ VUs, Iterations int }\n"
                    + "\nfunc New() {}\n"
            ], tag: "v1.1.0")
        let passing = try #require(try engine(at: compatible.url.path).audit().releases?.last)
        #expect(passing.required == .minor)
        #expect(passing.verdict == .pass)
    }

    @Test("a file that stops parsing is a source-syntax-error warning with file and line, reported once")
    func syntaxError() throws {
        let repo = try repository(
            then: ["api/broken.go": "package api\n\nfunc Broken( {\n}\n"], tag: "v1.0.1")
        try repo.write("README.md", "unrelated\n")
        try repo.commit("docs")
        try repo.tag("v1.0.2")
        let rows = try #require(try engine(at: repo.url.path).audit().releases)
        let findings = rows.map { row in
            row.findings.map { "\($0.rule.id) \($0.severity.rawValue) \($0.location.map { "\($0)" } ?? "")" }
        }
        #expect(findings == [[], ["source-syntax-error warning api/broken.go:3"], []])
        #expect(rows[1].findings.first?.message.contains("api/broken.go does not parse at 3:14") == true)

        // Every command shows the problem once: as the finding where the file broke, else as a note (the file did
        // not parse at the base either, or the command has no rules).
        let gate = try engine(at: repo.url.path)
        func mentions(_ report: Report) -> Int {
            (report.notes + (report.findings + (report.releases ?? []).flatMap(\.findings)).map(\.message)).filter {
                $0.contains("api/broken.go does not parse")
            }
            .count
        }
        #expect(try gate.audit().notes.filter { $0.contains("does not parse") } == [])
        #expect(mentions(try gate.audit()) == 1)
        let check = try gate.check(CheckOptions(base: "v1.0.1"))
        #expect(check.findings == [] && mentions(check) == 1, "\(check.notes)")
        #expect(mentions(try gate.check(CheckOptions(base: "v1.0.0"))) == 1)
        #expect(mentions(try gate.diff("v1.0.1", "HEAD")) == 1)
        #expect(mentions(try gate.surface(at: "HEAD")) == 1)
        #expect(mentions(try gate.surface(at: "v1.0.0")) == 0)
    }
}
