import Foundation
import Testing
import TestSupport

/// Two lines that fork at F: `main` ships 2.0.0 pre-releases, `release-1` ships 1.0.1 after some of them.
///
/// - v1.0.0: `alpha`, `beta type=string`, `delta`.
/// - F (no tag): the same items (a comment line makes its list file a blob of its own).
/// - main: v2.0.0-alpha.1 (the items of F), v2.0.0-beta.0 (drops `delta`, made on main).
/// - release-1 from F: adds `xray` and changes `beta` to `type=int`, tagged v1.0.1 after both.
/// - main: v2.0.0-beta.1, tagged after v1.0.1, still without `xray` and with `beta type=string`.
///
/// The predecessor of every 2.0.0 pre-release is 1.0.1 (the greatest final below it, whatever its date).
private func forkedProject() throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write(".semgate.yml", FailClosedFixtures.listPolicy)
    try repo.write("policy/flags.txt", "alpha\nbeta type=string\ndelta\n")
    try repo.commit("first release")
    try repo.tag("v1.0.0")
    try repo.write("policy/flags.txt", "# forked here\nalpha\nbeta type=string\ndelta\n")
    try repo.commit("F: the lines fork here")
    try repo.branch("release-1")
    try repo.write("policy/flags.txt", "# main\nalpha\nbeta type=string\ndelta\n")
    try repo.commit("main work")
    try repo.tag("v2.0.0-alpha.1")
    try repo.write("policy/flags.txt", "# main\nalpha\nbeta type=string\n")
    try repo.commit("drop delta on main")
    try repo.tag("v2.0.0-beta.0")
    try repo.checkout("release-1")
    try repo.write("policy/flags.txt", "# forked here\nalpha\nbeta type=int\ndelta\nxray\n")
    try repo.commit("backport xray, beta becomes an int")
    try repo.tag("v1.0.1")
    try repo.checkout("main")
    try repo.write("README.md", "more main work\n")
    try repo.commit("main after 1.0.1")
    try repo.tag("v2.0.0-beta.1")
    return repo
}

@Suite("blame follows the line that made a change (a predecessor tagged later on another line)")
struct ForkBlameTests {
    private static let project = SharedRepository { try forkedProject() }

    private func audit(_ repo: FixtureRepository) throws -> (status: Int32, json: [String: Any]?) {
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--format", "json"])
        expectNoCrash(result)
        return (result.status, jsonObject(result.stdout))
    }

    private func row(_ version: String, in json: [String: Any]?) -> [String: Any] {
        let rows = json?["releases"] as? [[String: Any]] ?? []
        return rows.first { $0["version"] as? String == version } ?? [:]
    }

    private func errorItems(_ row: [String: Any]) -> [String] {
        (row["findings"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
            .compactMap { $0["item"] as? String }
    }

    private func changedItems(_ row: [String: Any]) -> [String] {
        (row["changes"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? String }
    }

    @Test(
        "a pre-release tagged before its predecessor is not blamed for what the predecessor's line added or changed after the fork; a note names it (fails before: xray removed, beta changed)"
    )
    func laterLineChangesAreNotTheReleases() throws {
        let (status, json) = try audit(try Self.project.repository)
        #expect(status == 1)
        let alpha = row("2.0.0-alpha.1", in: json)
        #expect(alpha["predecessor"] as? String == "1.0.1")
        #expect(errorItems(alpha).isEmpty, "\(alpha)")
        #expect(changedItems(alpha).isEmpty, "\(alpha)")
        // The changes made on 1.0.1's line raise nothing: no surface change of its own is a patch.
        #expect(alpha["required"] as? String == "patch")
        let beta0 = row("2.0.0-beta.0", in: json)
        #expect(!errorItems(beta0).contains("flags:xray"))
        #expect(!errorItems(beta0).contains("flags:beta"))
        let notes = json?["notes"] as? [String] ?? []
        let note = notes.first { $0.hasPrefix("v1.0.1 ") && $0.contains("not changes made by 2.0.0-beta.0") }
        #expect(note?.contains("flags:xray") == true, "\(notes)")
        #expect(note?.contains("flags:beta") == true, "\(notes)")
        #expect(note?.contains("added 1 item and changed 1 item") == true, "\(notes)")
    }

    @Test(
        "the surface at the fork is read on the reading threads, of the surfaces that changed only: audit's json is the same with SEMGATE_JOBS=1 and 2"
    )
    func forkReadSerialAndParallel() throws {
        let repo = try Self.project.repository
        var outputs: [String] = []
        for jobs in ["1", "2"] {
            let result = try runSemgate(
                ["audit", "--repo", repo.url.path, "--format", "json"], environment: ["SEMGATE_JOBS": jobs])
            expectNoCrash(result)
            #expect(result.status == 1)
            outputs.append(result.stdout)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].contains("not changes made by 2.0.0-beta.0"))
    }

    @Test("control: what the release's own line removed after the fork is still its finding")
    func ownRemovalStays() throws {
        let (_, json) = try audit(try Self.project.repository)
        let beta0 = row("2.0.0-beta.0", in: json)
        #expect(errorItems(beta0).contains("flags:delta"), "\(beta0)")
        #expect(changedItems(beta0) == ["flags:delta"], "\(beta0)")
        #expect(beta0["required"] as? String == "major")
    }

    @Test(
        "control (review R88): a predecessor built on the release itself, tagged later, does not excuse the release's own break (fails before: nothing claimed)"
    )
    func predecessorOnTopOfTheRelease() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", FailClosedFixtures.listPolicy)
        try repo.write("policy/flags.txt", "alpha\nxray\n")
        try repo.commit("first release")
        try repo.tag("v1.0.0")
        // 1.1.0 removes xray; 1.0.9, a later commit on top of 1.1.0 that restores it, is 1.1.0's predecessor.
        try repo.write("policy/flags.txt", "alpha\n")
        try repo.commit("drop xray")
        try repo.tag("v1.1.0")
        try repo.write("policy/flags.txt", "alpha\nxray\n")
        try repo.commit("restore xray")
        try repo.tag("v1.0.9")
        let (status, json) = try audit(repo)
        #expect(status == 1)
        let row = row("1.1.0", in: json)
        #expect(row["predecessor"] as? String == "1.0.9")
        #expect(errorItems(row).contains("flags:xray"), "\(row)")
    }

    @Test("control: a release tagged after its predecessor that lacks the predecessor's backport keeps the finding")
    func laterReleaseLackingBackportStays() throws {
        let (_, json) = try audit(try Self.project.repository)
        let beta1 = row("2.0.0-beta.1", in: json)
        #expect(beta1["predecessor"] as? String == "1.0.1")
        #expect(errorItems(beta1).contains("flags:xray"), "\(beta1)")
        #expect(changedItems(beta1).contains("flags:beta"), "\(beta1)")
    }

    @Test("control: the surface at the fork cannot be read, so nothing is excused and a note says why")
    func unreadableForkExcusesNothing() throws {
        let repo = try Self.project.copy()
        let fork = try repo.git("merge-base", "v2.0.0-beta.0", "v1.0.1")
        let blob = try repo.git("rev-parse", "\(fork):policy/flags.txt")
        try FileManager.default.removeItem(at: FailClosedFixtures.looseObject(blob, in: repo))
        let (status, json) = try audit(repo)
        #expect(status == 1)
        let alpha = row("2.0.0-alpha.1", in: json)
        #expect(errorItems(alpha).contains("flags:xray"), "\(alpha)")
        #expect(alpha["required"] as? String == "major")
        let notes = json?["notes"] as? [String] ?? []
        #expect(
            notes.contains { $0.contains(String(fork.prefix(7))) && $0.contains("could not be read") },
            "\(notes)")
    }

    @Test("check --version of a tagged pre-release against its later predecessor excuses the same changes")
    func checkOfTaggedRelease() throws {
        let repo = try Self.project.repository
        let result = try runSemgate([
            "check", "--repo", repo.url.path, "--version", "2.0.0-beta.0", "--head", "v2.0.0-beta.0", "--format",
            "json",
        ])
        let json = jsonObject(result.stdout)
        let items = (json?["findings"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? String }
        #expect(items.contains("flags:delta"), "\(result.stdout)")
        #expect(!items.contains("flags:xray"), "\(result.stdout)")
        #expect(
            (json?["notes"] as? [String] ?? []).contains { $0.contains("not changes made by 2.0.0-beta.0") },
            "\(result.stdout)")
    }

    @Test("check of an untagged head, however early its commit date, excuses nothing")
    func untaggedHeadExcusesNothing() throws {
        let repo = try Self.project.copy()
        try repo.checkout("v2.0.0-beta.0")
        try repo.write("README.md", "a pull request\n")
        try repo.commit("backdated", at: FixtureDates.date("2023-06-01"))
        let result = try runSemgate([
            "check", "--repo", repo.url.path, "--version", "2.0.0-beta.0", "--format", "json",
        ])
        let json = jsonObject(result.stdout)
        let items = (json?["findings"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? String }
        #expect(items.contains("flags:xray"), "\(result.stdout)")
        #expect(
            !(json?["notes"] as? [String] ?? []).contains { $0.contains("not changes made by") }, "\(result.stdout)")
    }
}
