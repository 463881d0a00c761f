import Gate
import Git
import Policy
import SemVer
import Testing
import TestSupport

@Suite("Conventional Commits 1.0.0")
struct ConventionalCommitTests {
    @Test(
        "a message asks for the bump its type, ! and footers say",
        arguments: [
            ("feat: add a flag", Bump.minor),
            ("fix: repair the flag", .patch),
            ("docs: explain", .none),
            ("chore(deps): bump yams", .none),
            ("feat!: drop the flag", .major),
            ("fix(api)!: change the meaning", .major),
            ("feat(api)!: send an email", .major),
            ("FEAT: upper-case types count", .minor),
            ("Fix(Parser): mixed case", .patch),
            ("refactor!: drop Node 6", .major),
            ("feat: add x\n\nBREAKING CHANGE: y is gone", .major),
            ("fix: x\n\nbody\n\nReviewed-by: Z\nBREAKING-CHANGE: y is gone", .major),
            ("chore: x\r\n\r\nBREAKING CHANGE: windows line ends", .major),
        ])
    func bump(message: String, expected: Bump) throws {
        let commit = try #require(ConventionalCommit(message: message))
        #expect(commit.bump == expected)
    }

    @Test(
        "messages that are not conventional, and footers that do not count",
        arguments: [
            "Merge pull request #12 from a/b",
            "feat:no space after the colon",
            "feat : space before the colon",
            "feat(): empty scope",
            "feat(api: unclosed scope",
            "feat: ",
            ": no type",
            "Add a flag",
        ])
    func notConventional(message: String) {
        #expect(ConventionalCommit(message: message) == nil)
    }

    @Test("BREAKING CHANGE counts only uppercase and only as a footer after a blank line")
    func footerRules() throws {
        #expect(try #require(ConventionalCommit(message: "feat: x\n\nbreaking change: y")).bump == .minor)
        #expect(
            try #require(ConventionalCommit(message: "feat: x\nBREAKING CHANGE: not after a blank line")).bump == .minor
        )
        #expect(try #require(ConventionalCommit(message: "feat: x\n\nsee BREAKING CHANGE: in the text")).bump == .minor)
        let scoped = try #require(ConventionalCommit(message: "feat(api)!: x"))
        #expect(scoped.scope == "api" && scoped.type == "feat" && scoped.breaking)
    }
}

/// A repository whose surface is `api.txt` (one item a line) and whose commits may announce what they do.
func signalRepository(signals: Bool = true) throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write(
        ".semgate.yml",
        """
        semgate: 1
        surfaces:
          api:
            extract: {list: api.txt}
        \(signals ? "signals: [conventional-commits]" : "")

        """)
    try repo.write("api.txt", "alpha\nbeta\n")
    try repo.commit("feat: first release")
    try repo.tag("v1.0.0")
    return repo
}

@Suite("Engine: commit messages as a second signal")
struct CommitSignalTests {
    @Test("a broken surface that no commit announces is an unannounced-break error")
    func unannounced() throws {
        let repo = try signalRepository()
        try repo.write("api.txt", "alpha\n")
        try repo.commit("fix: tidy the list")
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(report.declared == .patch)
        #expect(
            summary(report.findings) == [
                "removed-without-deprecation error api:beta", "unannounced-break error api:beta",
            ])
        #expect(report.findings.first?.location?.path == "api.txt")
        #expect(report.verdict == .fail)
    }

    @Test(
        "a break announced by ! or a footer passes",
        arguments: ["feat!: drop beta", "fix(api)!: drop beta", "chore: drop beta\n\nBREAKING CHANGE: beta is gone"])
    func announced(message: String) throws {
        let repo = try signalRepository()
        try repo.write("api.txt", "alpha\n")
        try repo.commit(message)
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(report.declared == .major)
        #expect(report.findings.filter { $0.rule == .unannouncedBreak }.isEmpty)
    }

    @Test("a declared break with an unchanged surface is a note, not a finding")
    func declaredOnly() throws {
        let repo = try signalRepository()
        try repo.write("README", "docs\n")
        try repo.commit("feat!: rename an internal helper")
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(report.declared == .major)
        #expect(report.findings.isEmpty)
        #expect(report.notes.contains { $0.contains("commits announce a breaking change") && $0.contains("feat!:") })
        #expect(report.verdict == .pass)
    }

    @Test("a feature no feat: commit announces is a note")
    func unannouncedFeature() throws {
        let repo = try signalRepository()
        try repo.write("api.txt", "alpha\nbeta\ngamma\n")
        try repo.commit("fix: add gamma")
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(report.findings.isEmpty)
        #expect(report.notes.contains("the commits declare patch but the surface changes need minor"))
    }

    @Test("without the signal, commits are not read and nothing is declared")
    func off() throws {
        let repo = try signalRepository(signals: false)
        try repo.write("api.txt", "alpha\n")
        try repo.commit("fix: tidy the list")
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(report.declared == nil)
        #expect(!report.findings.contains { $0.rule == .unannouncedBreak })
    }

    @Test("the severity is configurable")
    func severity() throws {
        let repo = try signalRepository()
        try repo.write(
            ".semgate.yml",
            try repo.git("show", "HEAD:.semgate.yml")
                + "\nrules: {unannounced-break: warning, removed-without-deprecation: off}\n")
        try repo.write("api.txt", "alpha\n")
        try repo.commit("fix: tidy the list")
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(summary(report.findings) == ["unannounced-break warning api:beta"])
        #expect(report.verdict == .pass)
    }

    @Test("audit judges each release by its own commits: an unannounced break is a finding of that release")
    func audit() throws {
        let repo = try signalRepository()
        try repo.write("api.txt", "alpha\nbeta\ngamma\n")
        try repo.commit("feat: gamma")
        try repo.tag("v1.1.0")
        try repo.write("api.txt", "alpha\ngamma\n")
        try repo.commit("fix: drop beta")
        try repo.tag("v2.0.0")
        try repo.write("api.txt", "gamma\n")
        try repo.commit("feat!: drop alpha")
        try repo.tag("v3.0.0")
        let rows = try #require(try engine(at: repo.url.path).audit().releases)
        #expect(rows.map(\.declared) == [nil, .minor, .patch, .major])
        #expect(
            rows.map { summary($0.findings).filter { $0.hasPrefix("unannounced") } } == [
                [], [], ["unannounced-break error api:beta"], [],
            ])
    }
}
