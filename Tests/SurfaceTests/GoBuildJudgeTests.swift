import Policy
import SemVer
import Testing
import TestSupport

@testable import Surface

/// The per-build judgements of one comparison (`GoBuildJudge`): shared work and its budget.
@Suite("go-api: per-build judgements, their sharing and their budget")
struct GoBuildJudgeTests {
    static let policy = "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n"

    /// Two releases of a package whose `files` files, each for one system, declare the same `consts` consts; the
    /// second release changes the values of the last file.
    private func snapshots(files: Int, consts: Int) throws -> (SurfaceSnapshot, SurfaceSnapshot) {
        let systems = ["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "plan9", "solaris"]
        let repo = try FixtureRepository()
        func write(changed: Bool) throws {
            try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
            for number in 0..<files {
                let value = changed && number == files - 1 ? 100 + number : number
                let body = (0..<consts).map { "const C\($0) = \(value)\n" }.joined()
                try repo.write(
                    "c\(number).go", "//go:build \(systems[number]) && amd64\n\npackage lib\n\n" + body)
            }
        }
        try write(changed: false)
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        try write(changed: true)
        try repo.commit("v2")
        try repo.tag("v1.1.0")
        return (
            try surface(of: repo, at: "v1.0.0", policy: Self.policy),
            try surface(of: repo, at: "v1.1.0", policy: Self.policy)
        )
    }

    @Test("items with the same conditions share one piece of work, and are judged build by build")
    func shared() throws {
        let (before, after) = try snapshots(files: 4, consts: 50)
        let judge = GoBuildJudge(before: before, after: after, surfaces: ["api"], candidates: nil)
        #expect(judge.asText.isEmpty)
        #expect(judge.note == nil)
        let old = try #require(before.items["api:example.com/lib.C7"])
        let new = try #require(after.items["api:example.com/lib.C7"])
        #expect(judge.bump(old: old, new: new, correspondence: nil) == .major)
    }

    @Test("past the budget, items are compared as text, whatever order they are asked in, and a note says so")
    func pastTheBudget() throws {
        let (before, after) = try snapshots(files: 4, consts: 50)
        let judge = GoBuildJudge(before: before, after: after, surfaces: ["api"], candidates: nil, budget: 100)
        #expect(judge.asText.count == 50)
        let note = try #require(judge.note)
        #expect(note.hasPrefix("api:example.com/lib.C0, api:example.com/lib.C1, api:example.com/lib.C10"), "\(note)")
        #expect(note.contains("and 45 more"))
        let old = try #require(before.items["api:example.com/lib.C7"])
        let new = try #require(after.items["api:example.com/lib.C7"])
        #expect(judge.bump(old: old, new: new, correspondence: nil) == nil)
        // As text: the changed definition of one build is a changed `builds`, breaking.
        let policy = try loadPolicy(Self.policy)
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(changes.count == 50)
        #expect(changes.allSatisfy { $0.bump == .major })
    }

    @Test("the budget's cut is the same for any set of candidates holding the same items")
    func sameCut() throws {
        let (before, after) = try snapshots(files: 3, consts: 30)
        let ids = Set(after.items.keys)
        let first = GoBuildJudge(before: before, after: after, surfaces: ["api"], candidates: ids, budget: 600)
        let second = GoBuildJudge(
            before: before, after: after, surfaces: ["api"], candidates: Set(Array(ids).reversed()), budget: 600)
        #expect(first.asText == second.asText)
        #expect(!first.asText.isEmpty)
        #expect(first.asText.count < 30)
    }
}
