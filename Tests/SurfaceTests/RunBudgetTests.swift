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
            "\(error)".contains("the extractors produced more than 15 items in this run")
        }
    }
}
