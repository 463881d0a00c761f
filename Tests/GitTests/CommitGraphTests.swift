import Foundation
import Git
import Testing
import TestSupport

/// A random history written with one `git fast-import`: `count` commits on four branches, each following its branch's
/// tip, some merging another branch's tip (criss-cross merges among them), one branch started from a root of its own
/// (a history that shares nothing with the others until a merge joins them, if one does). Commit times rise one minute
/// a commit. Returns the repository and the marks of the commits tagged `t<mark>`.
private func randomHistory(seed: UInt64, count: Int) throws -> (FixtureRepository, [Int]) {
    var random = SplitMix64(seed: seed)
    let repo = try FixtureRepository()
    var tips: [Int?] = [nil, nil, nil, nil]
    var stream = ""
    var tagged: [Int] = []
    for mark in 1...count {
        let branch = Int(random.next() % 4)
        stream += "commit refs/heads/b\(branch)\nmark :\(mark)\n"
        stream += "committer a <a@b> \(1_700_000_000 + mark * 60) +0000\ndata \(String(mark).utf8.count)\n\(mark)\n"
        // Branch 3 starts from a root of its own; the others start from branch 0's tip.
        if let tip = tips[branch] {
            stream += "from :\(tip)\n"
        } else if branch != 3, let start = tips[0] {
            stream += "from :\(start)\n"
        }
        let other = Int(random.next() % 4)
        if other != branch, let merged = tips[other], random.next() % 100 < 20, merged != tips[branch] {
            stream += "merge :\(merged)\n"
        }
        stream += "M 100644 inline f.txt\ndata \(String(mark).utf8.count + 1)\n\(mark)\n\n"
        tips[branch] = mark
        if random.next() % 100 < 12 {
            stream += "reset refs/tags/t\(mark)\nfrom :\(mark)\n\n"
            tagged.append(mark)
        }
    }
    try repo.fastImport(stream)
    return (repo, tagged)
}

@Suite("Git: merge bases from one walk of the history (fork blame's cost, review R93)")
struct CommitGraphTests {
    @Test(
        "every pair of tagged commits gets libgit2's merge base, or none where libgit2 finds none",
        arguments: [1, 2, 3, 4, 5] as [UInt64])
    func agreesWithLibgit2(seed: UInt64) throws {
        let (fixture, marks) = try randomHistory(seed: seed, count: 400)
        let repository = try Repository(discovering: fixture.url.path)
        let commits = try marks.map { try repository.resolve("t\($0)") }
        let graph = try #require(try repository.commitGraph(from: commits))
        var search = MergeBaseSearch(graph: graph, steps: 10_000_000)
        var found = 0
        var pairs: [(ObjectID, ObjectID)] = []
        var expected: [MergeBaseAnswer] = []
        for (index, one) in commits.enumerated() {
            for two in commits[(index + 1)...] {
                let base = try repository.mergeBase(one, two)
                expected.append(base.map { .base($0) } ?? .unrelated)
                pairs.append((one, two))
                let answer = search.mergeBase(one, two)
                #expect(answer == expected.last, "t\(one.short) t\(two.short)")
                if base != nil { found += 1 }
            }
        }
        #expect(found > 0)
        #expect(search.stepsLeft > 0)
        // Asked all at once (64 a sweep), and each pair the other way round: the same answers.
        var together = MergeBaseSearch(graph: graph, steps: 10_000_000)
        #expect(together.mergeBases(pairs.map { ($0.1, $0.0) }) == expected)
        #expect(together.stepsLeft > 0)
    }

    @Test(
        "runs of commits with one parent and one child are not kept: two lines of 300 commits keep the tags and the fork"
    )
    func keepsOnlyWhatAMergeBaseCanBe() throws {
        let repo = try FixtureRepository()
        var stream = "commit refs/heads/main\nmark :1\ncommitter a <a@b> 1700000000 +0000\ndata 4\nroot\n\n"
        var mark = 1
        for line in ["one", "two"] {
            for index in 0..<300 {
                mark += 1
                stream +=
                    "commit refs/heads/\(line)\nmark :\(mark)\ncommitter a <a@b> \(1_700_000_000 + mark * 60) +0000\n"
                stream += "data 1\nc\n" + (index == 0 ? "from :1\n" : "") + "\n"
                if index % 100 == 99 { stream += "reset refs/tags/\(line)-\(index)\nfrom :\(mark)\n\n" }
            }
        }
        try repo.fastImport(stream)
        let repository = try Repository(discovering: repo.url.path)
        let tags = try ["one-99", "one-199", "one-299", "two-99", "two-199", "two-299"].map {
            try repository.resolve($0)
        }
        let graph = try #require(try repository.commitGraph(from: tags))
        // The six tagged commits and the root they fork from.
        #expect(graph.count == 7)
        var search = MergeBaseSearch(graph: graph, steps: 100)
        let root = try repository.resolve("one-99~100")
        #expect(search.mergeBase(tags[2], tags[5]) == .base(root))
        #expect(search.mergeBase(tags[2], tags[0]) == .base(tags[0]))
        // Each question takes at most the 7 commits and 6 edges kept, not the 600 commits.
        #expect(search.stepsLeft >= 100 - 2 * 13)
    }

    @Test("past its steps a search knows nothing, and every later question too; a commit not walked is unknown")
    func budget() throws {
        let (fixture, marks) = try randomHistory(seed: 7, count: 200)
        let repository = try Repository(discovering: fixture.url.path)
        let commits = try marks.map { try repository.resolve("t\($0)") }
        let graph = try #require(try repository.commitGraph(from: Array(commits.dropLast())))
        var search = MergeBaseSearch(graph: graph, steps: 3)
        let (first, last) = (commits[0], commits[commits.count - 2])
        #expect(search.mergeBase(first, last) == .overBudget)
        #expect(search.mergeBase(first, commits[1]) == .overBudget)
        #expect(search.mergeBase(first, first) == .base(first))
        #expect(search.mergeBase(first, try #require(commits.last)) == .unknown)
    }

    @Test(
        "asked together, the shallowest questions are answered first: a deep one cannot spend the others' steps (R97)")
    func shallowestFirst() throws {
        let (fixture, marks) = try randomHistory(seed: 11, count: 800)
        let repository = try Repository(discovering: fixture.url.path)
        let commits = try marks.map { try repository.resolve("t\($0)") }
        let graph = try #require(try repository.commitGraph(from: commits))
        // The two newest tags against the oldest (deep), then 64 pairs of neighbouring old tags (shallow).
        try #require(commits.count > 66)
        let deep = [(commits[commits.count - 1], commits[0]), (commits[commits.count - 2], commits[0])]
        let shallow = (0..<64).map { (commits[$0 + 1], commits[$0]) }
        var alone = MergeBaseSearch(graph: graph, steps: 10_000_000)
        let expected = alone.mergeBases(shallow)
        #expect(!expected.contains(.overBudget))
        let shallowCost = 10_000_000 - alone.stepsLeft
        var search = MergeBaseSearch(graph: graph, steps: shallowCost + 1)
        let answers = search.mergeBases(deep + shallow)
        #expect(Array(answers[2...]) == expected)
        #expect(answers[..<2].allSatisfy { $0 == .overBudget })
        // What was found is kept: asked again, it costs nothing; what ran out stays out.
        #expect(search.mergeBases(shallow) == expected)
        #expect(search.mergeBase(deep[0].0, deep[0].1) == .overBudget)
    }

    @Test("more commits than allowed, or a shallow clone: no graph")
    func noGraph() throws {
        let (fixture, marks) = try randomHistory(seed: 9, count: 60)
        let repository = try Repository(discovering: fixture.url.path)
        let commits = try marks.map { try repository.resolve("t\($0)") }
        #expect(try repository.commitGraph(from: commits, maximumCommits: 10) == nil)
        let shallow = try fixture.shallowClone(depth: 2, branch: "b0")
        let shallowRepository = try Repository(discovering: shallow.url.path)
        #expect(try shallowRepository.commitGraph(from: [try shallowRepository.resolve("HEAD")]) == nil)
    }
}
