import Foundation
import Gate
import Git
import Testing
import TestSupport

/// v1.0.0 has `alpha`; the lines fork after it; main tags v2.0.0-alpha.1 with the same items; release-1 adds `xray`
/// and tags v1.0.1 a day later, so it is alpha.1's predecessor, tagged after it on a line that does not contain it.
private func forkedLines() throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write(
        ".semgate.yml", "semgate: 1\nproject: demo\nsurfaces:\n  flags:\n    extract:\n      list: policy/flags.txt\n")
    try repo.write("policy/flags.txt", "alpha\n")
    try repo.commit("first release")
    try repo.tag("v1.0.0")
    try repo.write("README.md", "fork\n")
    try repo.commit("the lines fork here")
    try repo.branch("release-1")
    try repo.write("README.md", "main\n")
    try repo.commit("main work")
    try repo.tag("v2.0.0-alpha.1")
    try repo.checkout("release-1")
    try repo.write("policy/flags.txt", "alpha\nxray\n")
    try repo.commit("add xray on release-1")
    try repo.tag("v1.0.1")
    try repo.checkout("main")
    return repo
}

/// Two lines forked at the root, every commit of both a merge of its line's last commit and a one-commit side branch off
/// the root (nothing for the commit graph to fold), `merges` a line. Line one tags `v1.N.0` late, line two `v1.N.5`
/// early, `tags` each: every `v1.N.5` is tagged before its predecessor `v1.N.0`, on a line that does not contain it,
/// and lacks the items `oneK` that line one added after the fork.
private func mergesOnly(merges: Int, tags: Int) throws -> FixtureRepository {
    let repo = try FixtureRepository()
    let policy = "semgate: 1\nproject: demo\nsurfaces:\n  flags:\n    extract:\n      list: flags.txt\n"
    var stream = "commit refs/heads/main\nmark :1\ncommitter a <a@b> 1500000000 +0000\ndata 4\nroot\n"
    stream += "M 100644 inline .semgate.yml\ndata \(policy.utf8.count)\n\(policy)\n"
    stream += "M 100644 inline flags.txt\ndata 0\n\n"
    var mark = 1
    for (line, patch, base) in [("one", 0, 1_700_000_000), ("two", 5, 1_600_000_000)] {
        var previous = 1
        var items = ""
        for index in 0..<merges {
            let time = base + index * 60
            mark += 1
            stream += "commit refs/heads/side-\(line)\nmark :\(mark)\ncommitter a <a@b> \(time) +0000\ndata 1\ns\n"
            stream += "from :1\n\n"
            mark += 1
            stream += "commit refs/heads/\(line)\nmark :\(mark)\ncommitter a <a@b> \(time + 1) +0000\ndata 1\nc\n"
            stream += "from :\(previous)\nmerge :\(mark - 1)\n"
            let tagged = index % (merges / tags) == 0 && index / (merges / tags) < tags
            if tagged {
                items += "\(line)\(index / (merges / tags))\n"
                stream += "M 100644 inline flags.txt\ndata \(items.utf8.count)\n\(items)"
            }
            stream += "\n"
            if tagged {
                stream += "reset refs/tags/v1.\(index / (merges / tags)).\(patch)\nfrom :\(mark)\n\n"
            }
            previous = mark
        }
    }
    try repo.fastImport(stream)
    try repo.write(".semgate.yml", policy)
    return repo
}

@Suite("fork blame: the run's search for where lines fork is bounded (review R93)")
struct ForkBlameLimitTests {
    private func alpha(_ report: Report) -> ReleaseRow? {
        report.releases?.first { $0.release.version.description == "2.0.0-alpha.1" }
    }

    @Test("within the limit, what the predecessor's line added after the fork is not the release's")
    func withinTheLimit() throws {
        let repo = try forkedLines()
        let report = try engine(at: repo.url.path).audit()
        let row = try #require(alpha(report))
        #expect(row.changes.isEmpty)
        #expect(report.notes.contains { $0.hasPrefix("v1.0.1 ") && $0.contains("flags:xray") })
    }

    @Test(
        "past the run's limit nothing more is excused: the removal stays a finding and a note names the limit (fails before: no limit)"
    )
    func pastTheLimit() throws {
        let repo = try forkedLines()
        let engine = try engine(at: repo.url.path)
        engine.forkBlameSteps = 1
        let report = try engine.audit()
        let row = try #require(alpha(report))
        #expect(row.changes.map(\.id) == ["flags:xray"])
        #expect(row.findings.contains { $0.item == "flags:xray" && $0.severity == .error })
        #expect(
            report.notes.contains {
                $0.hasPrefix("v1.0.1 was tagged after 2.0.0-alpha.1") && $0.contains("passed its limit of 1 steps")
            })
    }

    @Test(
        "every commit a merge: each pair is answered within a limit the graph's size allows, not the pairs × the graph (review R97; fails before: no pair answered)"
    )
    func everyCommitAMerge() throws {
        let repo = try mergesOnly(merges: 300, tags: 10)
        let engine = try engine(at: repo.url.path)
        // The graph keeps 601 commits and 1,200 edges; out-of-line notes and fork blame ask the same 10 pairs. One
        // sweep answers them all; a search a question took about 6 steps a commit of both lines, twice a pair.
        engine.forkBlameSteps = 5_000
        let report = try engine.audit()
        for n in 0..<10 {
            #expect(report.notes.contains { $0.hasPrefix("v1.\(n).0 (tagged ") && $0.contains("added \(n + 1) item") })
            let row = try #require(report.releases?.first { $0.release.version.description == "1.\(n).5" })
            #expect(!row.changes.contains { $0.kind == .removed }, "1.\(n).5")
        }
        #expect(!report.notes.contains { $0.contains("where the two lines forked is not known") })
    }
}
