import Foundation
import Git
import Testing
import TestSupport

@testable import Surface

/// The per-run budgets of `SurfaceReader`, lowered so a test reaches them in milliseconds: the sum over every file
/// and revision is bounded, not only each file.
@Suite("Run budgets: pattern work and items are bounded per run, and hitting one is a clear error")
struct RunBudgetTests {
    private static let policy = """
        semgate: 1
        project: budget
        surfaces:
          names:
            extract:
              regex: {files: ["data/*.txt"], pattern: '(?<name>(a|b|ab)*)c'}
        """

    /// Ten files, each needing about 30,000 pattern steps; two revisions that share none of them.
    private func repository() throws -> (FixtureRepository, Repository) {
        let repo = try FixtureRepository()
        for index in 0..<10 {
            try repo.write("data/f\(index).txt", "\(index)\n" + String(repeating: "ab", count: 1_000 + index) + "c\n")
        }
        _ = try repo.commit("first")
        try repo.tag("v1.0.0")
        for index in 0..<10 {
            try repo.write("data/f\(index).txt", "x\(index)\n" + String(repeating: "ba", count: 1_000 + index) + "c\n")
        }
        _ = try repo.commit("second")
        return (repo, try Repository(discovering: repo.url.path))
    }

    private func reader(_ repository: Repository, budgets: SurfaceReader.Budgets) throws -> SurfaceReader {
        SurfaceReader(repository: repository, policy: try loadPolicy(Self.policy), budgets: budgets)
    }

    @Test("files each within the per-file budget still exhaust the run's pattern budget, across revisions")
    func patternBudgetPerRun() throws {
        let (fixture, repository) = try repository()
        defer { withExtendedLifetime(fixture) {} }
        let generous = try reader(repository, budgets: .init(patternSteps: 10_000_000, items: 1_000))
        #expect(try generous.snapshot(at: try repository.resolve("v1.0.0")).items.count == 10)

        // Enough for one revision, not for two: the second snapshot stops with the run's limit named.
        let tight = try reader(repository, budgets: .init(patternSteps: 400_000, items: 1_000))
        _ = try tight.snapshot(at: try repository.resolve("v1.0.0"))
        #expect {
            _ = try tight.snapshot(at: try repository.resolve("HEAD"))
        } throws: { error in
            let text = "\(error)"
            return text.contains("patterns spent more than 400000 steps in this run")
                && text.contains("surface 'names'") && text.contains("data/f")
        }
    }

    @Test("more items than the run allows is an error before they are built")
    func itemBudgetPerRun() throws {
        let (fixture, repository) = try repository()
        defer { withExtendedLifetime(fixture) {} }
        let tight = try reader(repository, budgets: .init(patternSteps: 10_000_000, items: 15))
        _ = try tight.snapshot(at: try repository.resolve("v1.0.0"))
        #expect {
            _ = try tight.snapshot(at: try repository.resolve("HEAD"))
        } throws: { error in
            "\(error)".contains("the extractors built more than 15 items in this run")
        }
    }

    /// A repository with one commit a revision on `main`, tagged `r<index>`, holding `files`.
    private func history(_ revisions: [[String: String]]) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.importCommits(
            revisions.indices.map { FixtureRepository.Snapshot(files: revisions[$0], tags: ["r\($0)"]) })
        return repo
    }

    @Test("items reused for files that did not change do not count again; items built past the budget still stop")
    func reusedItemsAreNotCharged() throws {
        let names = (0..<10).map { "NAME_n\($0)\n" }.joined()
        // Twelve revisions of the same ten-item file; only an unrelated file changes. Then six new items.
        var revisions = (0..<12).map { ["data/names.txt": names, "data/other.bin": "\($0)"] }
        revisions.append(["data/names.txt": names, "data/more.txt": (0..<6).map { "NAME_m\($0)\n" }.joined()])
        let repo = try history(revisions)
        let repository = try Repository(discovering: repo.url.path)
        let policy = """
            semgate: 1
            surfaces:
              names:
                extract:
                  regex: {files: ["data/*.txt"], pattern: 'NAME_(?<name>\\w+)'}
            """
        let reader = SurfaceReader(
            repository: repository, policy: try loadPolicy(policy), budgets: .init(patternSteps: 10_000_000, items: 15))
        for index in 0..<12 {
            #expect(try reader.snapshot(at: try repository.resolve("r\(index)")).items.count == 10)
        }
        #expect {
            _ = try reader.snapshot(at: try repository.resolve("r12"))
        } throws: { error in
            "\(error)".contains("the extractors built more than 15 items in this run")
        }
    }

    @Test("what one revision hands over, built or reused, is bounded: three lists reading one cached file")
    func handedOverPerRevision() throws {
        let repo = try history([["lists/a.txt": (0..<10).map { "item\($0)\n" }.joined()]])
        let repository = try Repository(discovering: repo.url.path)
        let policy = (0..<3).reduce("semgate: 1\nsurfaces:\n") { yaml, index in
            yaml + "  s\(index):\n    extract:\n      list: lists/a.txt\n"
        }
        func snapshot(handedOver: Int) throws -> SurfaceSnapshot {
            let budgets = SurfaceReader.Budgets(patternSteps: 1_000, items: 15, itemsHandedOver: handedOver)
            return try SurfaceReader(repository: repository, policy: try loadPolicy(policy), budgets: budgets)
                .snapshot(at: try repository.resolve("r0"))
        }
        // The file is parsed once (ten items built), its items handed over three times.
        #expect(try snapshot(handedOver: 30).items.count == 30)
        #expect {
            _ = try snapshot(handedOver: 25)
        } throws: { error in
            "\(error)".contains("handed over more than 25 items for one revision (reached reading surface 's2')")
        }
    }

    @Test("string constants past the run's budget stop the run: no value is left out depending on what was read before")
    func constantBudgetStopsTheRun() throws {
        // S15 is 64 KiB; each revision evaluates 600 constants equal to it, about 39 MB, so two revisions pass the
        // run's 64 MiB.
        func source(_ revision: Int) -> String {
            var text = "package api\n\nconst S0 = \"ab\"\n"
            for index in 1...15 { text += "const S\(index) = S\(index - 1) + S\(index - 1)\n" }
            for index in 0..<600 { text += "const C\(index) = S15\n" }
            return text + "const Revision = \(revision)\n"
        }
        let repo = try history((0..<2).map { ["go.mod": "module example.com/m\n", "api/api.go": source($0)] })
        let repository = try Repository(discovering: repo.url.path)
        let policy = try loadPolicy("semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        let alone = try SurfaceReader(repository: repository, policy: policy).snapshot(at: try repository.resolve("r1"))
        #expect(alone.items["api:example.com/m/api.C599"]?.attributes["note"] == nil)
        #expect(alone.items["api:example.com/m/api.C599"]?.attributes["value"]?.utf8.count == 65_538)
        let both = SurfaceReader(repository: repository, policy: policy)
        _ = try both.snapshot(at: try repository.resolve("r0"))
        #expect {
            _ = try both.snapshot(at: try repository.resolve("r1"))
        } throws: { error in
            "\(error)".contains("string constants evaluated in this run exceed 67108864 bytes")
                && "\(error)".contains("example.com/m/api")
        }
    }
}
