import Foundation
import Gate
import Git
import Policy
import SemVer
import Testing
import TestSupport

/// A repository whose code declares its version in `version.txt`.
private func versionRepository(declared: String) throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write(
        ".semgate.yml",
        """
        semgate: 1
        releases:
          version-file:
            - {path: src/version.txt, pattern: 'version = (?<version>\\S+)'}
            - {path: version.txt, pattern: 'version = (?<version>\\S+)'}
        surfaces:
          api:
            extract: {list: api.txt}

        """)
    try repo.write("api.txt", "alpha\n")
    try repo.write("version.txt", "version = 1.0.0\n")
    try repo.commit("first")
    try repo.tag("v1.0.0")
    try repo.write("api.txt", "alpha\nbeta\n")
    try repo.write("version.txt", "version = \(declared)\n")
    try repo.commit("second")
    return repo
}

@Suite("Engine: the version declared in the code")
struct VersionFileTests {
    @Test("a --version that the code does not declare is a version-file-mismatch at the file's line")
    func mismatch() throws {
        let repo = try versionRepository(declared: "1.1.0")
        let report = try engine(at: repo.url.path).check(CheckOptions(version: try version("1.2.0")))
        #expect(summary(report.findings) == ["version-file-mismatch error"])
        #expect(report.findings.first?.location?.description == "version.txt:1")
        #expect(report.findings.first?.message.contains("declares version 1.1.0 but the release is 1.2.0") == true)
        let agreeing = try engine(at: repo.url.path).check(CheckOptions(version: try version("1.1.0")))
        #expect(agreeing.findings.isEmpty)
    }

    @Test("without --version an untagged head is judged as the declared version")
    func adopted() throws {
        let repo = try versionRepository(declared: "1.0.1")
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(report.head?.version == (try version("1.0.1")))
        #expect(summary(report.findings) == ["feature-in-patch error api:beta"])
        #expect(report.notes.contains { $0.contains("head is judged as 1.0.1, the version declared in version.txt:1") })
    }

    @Test("a declared version that is already released is not adopted; the note says to bump it")
    func alreadyReleased() throws {
        let repo = try versionRepository(declared: "1.0.0")
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(report.head?.version == nil)
        #expect(report.findings.isEmpty)
        #expect(report.notes.contains { $0.contains("already released as v1.0.0") })
    }

    @Test("audit reports each release whose code declares another version; the first listed file wins")
    func audit() throws {
        let repo = try versionRepository(declared: "1.1.0")
        try repo.tag("v1.2.0")
        try repo.write("src/version.txt", "version = 1.3.0\n")
        try repo.commit("third: the file moved, the old one is stale")
        try repo.tag("v1.3.0")
        let report = try engine(at: repo.url.path).audit()
        let rows = try #require(report.releases)
        #expect(rows.map { summary($0.findings) } == [[], ["version-file-mismatch error"], []])
        #expect(rows[1].findings.first?.location?.description == "version.txt:1")
    }

    @Test("a declared version that is not SemVer is a finding")
    func notSemVer() throws {
        let repo = try versionRepository(declared: "1.1")
        let report = try engine(at: repo.url.path).check(CheckOptions(version: try version("1.1.0")))
        #expect(report.findings.first?.message.contains("'1.1', is not a SemVer 2.0.0 version") == true)
    }
}

@Suite("Engine: check --head worktree")
struct WorkingTreeCheckTests {
    @Test("an uncommitted removal from the surface fails before it is committed")
    func uncommittedRemoval() throws {
        let repo = try signalRepository(signals: false)
        let clean = try engine(at: repo.url.path).check(CheckOptions(head: CheckOptions.workingTree, allow: .minor))
        #expect(clean.changes.isEmpty && clean.verdict == .pass)
        try repo.write("api.txt", "alpha\n")
        let report = try engine(at: repo.url.path).check(CheckOptions(head: CheckOptions.workingTree, allow: .minor))
        #expect(report.head?.rev == "worktree")
        #expect(report.changes.map { "\($0.kind) \($0.id)" } == ["removed api:beta"])
        #expect(report.required == .major)
        #expect(report.verdict == .fail)
        // HEAD itself is unchanged and passes.
        #expect(try engine(at: repo.url.path).check(CheckOptions(allow: .minor)).verdict == .pass)
    }

    @Test("untracked files count, ignored files do not")
    func untrackedAndIgnored() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            "semgate: 1\nsurfaces:\n  api:\n    extract: {regex: {files: [\"api/*.txt\"], pattern: '(?<name>\\w+)'}}\n")
        try repo.write(".gitignore", "api/scratch.txt\n")
        try repo.write("api/a.txt", "alpha\n")
        try repo.commit("first")
        try repo.tag("v1.0.0")
        try repo.write("api/b.txt", "beta\n")
        try repo.write("api/scratch.txt", "scratch\n")
        let report = try engine(at: repo.url.path).check(CheckOptions(head: CheckOptions.workingTree))
        #expect(report.changes.map { "\($0.kind) \($0.id)" } == ["added api:beta"])
    }

    @Test("an uncommitted change to an exported Go function (go-api) fails before it is committed")
    func goAPI() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        try repo.write("go.mod", "module example.com/m\n")
        try repo.write("p/p.go", "package p\n\nfunc Run(name string) error { return nil }\n")
        try repo.commit("first")
        try repo.tag("v1.0.0")
        try repo.write("p/p.go", "package p\n\nfunc Run(name string, force bool) error { return nil }\n")
        let report = try engine(at: repo.url.path).check(CheckOptions(head: CheckOptions.workingTree, allow: .minor))
        #expect(report.changes.map { "\($0.kind) \($0.id)" } == ["changed api:example.com/m/p.Run"])
        #expect(report.required == .major)
        #expect(report.verdict == .fail)
    }
}
