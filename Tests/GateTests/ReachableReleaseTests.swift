import Foundation
import Gate
import Git
import Testing
import TestSupport

@Suite("The greatest release a revision reaches")
struct ReachableReleaseTests {
    /// A random history of `count` commits on three branches, each following a random earlier commit and a quarter
    /// of them merging another, dated at random (clock skew included), with final and pre-release tags on about a
    /// third of them (several on one commit at times). Returns the repository and every commit's SHA.
    private static func randomHistory(_ random: inout SplitMix64, count: Int) throws -> (FixtureRepository, [String]) {
        let repo = try FixtureRepository()
        var stream = ""
        var names: Set<String> = []
        for mark in 1...count {
            let date = 1_700_000_000 + Int(random.next() % 400) * 86_400
            stream += "commit refs/heads/b\(random.next() % 3)\nmark :\(mark)\n"
            stream += "committer \(FixtureRepository.authorName) <\(FixtureRepository.authorEmail)> \(date) +0000\n"
            stream += "data 2\nc\n"
            if mark > 1 {
                let parent = 1 + Int(random.next() % UInt64(mark - 1))
                stream += "from :\(parent)\n"
                let other = 1 + Int(random.next() % UInt64(mark - 1))
                if random.next() % 4 == 0, other != parent { stream += "merge :\(other)\n" }
            }
            stream += "M 100644 inline f.txt\ndata \(String(mark).utf8.count + 1)\n\(mark)\n\n"
            // Every commit is a ref's, so each stays in the repository when its branch moves on.
            stream += "reset refs/commits/\(mark)\nfrom :\(mark)\n\n"
            while random.next() % 3 == 0 {
                var name = "v\(random.next() % 3).\(random.next() % 4).\(random.next() % 3)"
                if random.next() % 4 == 0 { name += "-rc.\(random.next() % 2)" }
                guard names.insert(name).inserted else { continue }
                stream += "reset refs/tags/\(name)\nfrom :\(mark)\n\n"
            }
        }
        try repo.fastImport(stream)
        let all = try repo.git("rev-list", "--all").split(separator: "\n").map(String.init)
        #expect(all.count == count)
        return (repo, all)
    }

    @Test("asked release by release, greatest first, or by one walk of the history, the answer is the walk's")
    func sameAsWholeWalk() throws {
        var asked = 0
        var walked = 0
        for seed in 0..<5 {
            var random = SplitMix64(seed: 41 + UInt64(seed))
            try Self.compare(&random, asked: &asked, walked: &walked)
        }
        #expect(asked > 0)
        #expect(walked > 0)
    }

    /// Compares, from every commit of a random history, `isReachable` with the walk for every commit, and the
    /// greatest release reachable with the walk's; counts the answers found by asking and those found by walking.
    private static func compare(_ random: inout SplitMix64, asked: inout Int, walked: inout Int) throws {
        let (repo, commits) = try Self.randomHistory(&random, count: 30)
        let repository = try Repository(discovering: repo.url.path)
        let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
        let engine = try Engine(repository: repository, policy: policy)
        let releases = engine.history.releases
        #expect(releases.count > 4)
        let ids = try commits.map { hex in try repository.resolve(hex) }
        for (hex, commit) in zip(commits, ids) {
            let reachable = try repository.reachableCommits(from: commit)
            let wrong = zip(commits, ids).filter {
                repository.isReachable($0.1, from: commit) != reachable.contains($0.1)
            }
            #expect(wrong.isEmpty, "\(wrong.map(\.0)) from \(hex)")
            let expected = engine.history.latest(in: reachable)
            #expect(try engine.latestRelease(reachableFrom: commit)?.tag == expected?.tag, "from \(hex)")
            // Which way the answer came: among the first releases asked about, or past them by the walk.
            let greater = expected.map { found in releases.count - 1 - releases.lastIndex { $0.tag == found.tag }! }
            if let greater, greater < 4 { asked += 1 } else { walked += 1 }
        }
    }

    @Test("a shallow clone cannot answer release by release (nil: the caller walks, up to the boundary)")
    func shallowClone() throws {
        let repo = try FixtureRepository()
        for index in 0..<3 {
            try repo.write("f.txt", "\(index)\n")
            try repo.commit("c\(index)")
        }
        let shallow = try repo.shallowClone(depth: 2)
        let repository = try Repository(discovering: shallow.url.path)
        let head = try repository.resolve("HEAD")
        let parent = try repository.resolve("HEAD~1")
        #expect(repository.isReachable(parent, from: head) == nil)
        #expect(repository.isReachable(head, from: head) == true)
    }
}
