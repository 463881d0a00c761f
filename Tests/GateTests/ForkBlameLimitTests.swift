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
}
