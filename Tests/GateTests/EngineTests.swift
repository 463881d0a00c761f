import Foundation
import Gate
import Git
import Policy
import SemVer
import Surface
import Testing
import TestSupport

@Suite("Engine on SampleProject")
struct EngineTests {
    @Test("audit gives the verdicts SampleProject documents, release by release")
    func audit() throws {
        let repo = try sampleProject()
        let report = try engine(at: repo.url.path).audit()
        let rows = try #require(report.releases)
        #expect(
            rows.map(\.release.tag) == ["v0.1.0", "v0.2.0", "v1.0.0", "v1.1.0", "v1.1.1", "v1.2.0", "v2.0.0", "v2.1.0"])
        let verdicts = Dictionary(uniqueKeysWithValues: rows.map { ($0.release.tag, $0.verdict) })
        #expect(
            verdicts == [
                "v0.1.0": .pass, "v0.2.0": .pass, "v1.0.0": .pass, "v1.1.0": .pass, "v1.1.1": .fail, "v1.2.0": .pass,
                "v2.0.0": .pass, "v2.1.0": .fail,
            ])
        let findings = Dictionary(uniqueKeysWithValues: rows.map { ($0.release.tag, summary($0.findings)) })
        #expect(findings["v0.1.0"] == [])
        #expect(findings["v0.2.0"] == [])
        #expect(findings["v1.0.0"] == [])
        #expect(findings["v1.1.0"] == [])
        #expect(findings["v1.1.1"] == ["feature-in-patch error metrics:http_req_failed"])
        #expect(findings["v1.2.0"] == ["breaking-without-major note metrics:http_req_failed"])
        #expect(rows[5].findings.first?.exception == "http_req_failed was wrongly a Counter; it is a Rate (see #212)")
        #expect(findings["v2.0.0"] == [])
        #expect(
            findings["v2.1.0"] == [
                "breaking-without-major error cli:flags --verbose",
                "removed-without-deprecation error cli:flags --verbose",
            ])
        #expect(
            rows.map { $0.predecessor?.tag } == [
                nil, "v0.1.0", "v0.2.0", "v1.0.0", "v1.1.0", "v1.1.1", "v1.2.0", "v2.0.0",
            ])
        #expect(rows[1].changes.map(\.id) == ["metrics:iterations", "packages:example.com/tool/pkg/experimental/x"])
        #expect(rows[1].changes.map(\.experimental) == [false, true])
        #expect(
            rows[5].changes.map { "\($0.kind) \($0.id)" } == [
                "changed metrics:http_req_failed", "deprecated options:no-summary",
            ])
        #expect(rows[6].changes.map { "\($0.kind) \($0.id) \($0.bump)" } == ["removed options:no-summary major"])
        #expect(
            rows.map { $0.release.dateSource } == [
                .committer, .committer, .tagger, .committer, .tagger, .tagger, .tagger, .tagger,
            ])
        #expect(summary(report.findings) == ["duplicate-version error", "tag-not-semver warning"])
        // Tag findings name versions only; a tag that is not SemVer has none.
        #expect(report.findings.map(\.release) == ["1.0.0+build.1", nil])
        #expect(report.verdict == .fail)
    }

    @Test("audit stops with an error, never an unbounded report, past the changes and findings a run keeps")
    func auditReportBound() throws {
        let repo = try sampleProject()
        let rows = try #require(try engine(at: repo.url.path).audit().releases)
        let total = rows.reduce(0) { $0 + $1.changes.count + $1.findings.count }
        #expect(total > 1)
        let exact = try engine(at: repo.url.path)
        exact.reportEntries = total
        #expect(try exact.audit().releases?.count == rows.count)
        let tight = try engine(at: repo.url.path)
        tight.reportEntries = total - 1
        let message = #expect(throws: GateError.self) { try tight.audit() }.map { "\($0)" } ?? ""
        #expect(message.hasPrefix("audit: the releases up to v"))
        #expect(message.contains("have more than \(total - 1) changes and findings"))
    }

    @Test("audit --from/--to selects releases by version")
    func auditRange() throws {
        let repo = try sampleProject()
        let report = try engine(at: repo.url.path).audit(from: try version("1.1.0"), to: try version("2.0.0"))
        #expect(report.releases?.map(\.release.tag) == ["v1.1.0", "v1.1.1", "v1.2.0", "v2.0.0"])
        #expect(report.releases?.first?.predecessor?.tag == "v1.0.0")
    }

    @Test("check without --version compares HEAD with the last reachable release")
    func checkHead() throws {
        let repo = try sampleProject()
        let report = try engine(at: repo.url.path).check(CheckOptions())
        #expect(report.base?.rev == "v2.1.0")
        #expect(report.base?.version == (try version("2.1.0")))
        #expect(report.head?.rev == "HEAD")
        #expect(report.head?.commit.hex == (try repo.git("rev-parse", "HEAD")))
        #expect(report.head?.version == nil)
        #expect(report.changes.map { "\($0.kind) \($0.id) \($0.bump)" } == ["added cli:flags --quiet minor"])
        #expect(report.required == .minor)
        #expect(report.actual == nil)
        #expect(report.next?.description == "2.2.0")
        #expect(report.findings.isEmpty)
        #expect(report.verdict == .pass)
    }

    @Test(
        "check --version judges the bump against the predecessor",
        arguments: [
            ("2.2.0", "v2.1.0", "minor", [String]()),
            ("3.0.0", "v2.1.0", "major", []),
            ("2.1.1", "v2.1.0", "patch", ["feature-in-patch error cli:flags --quiet"]),
            ("2.2.0-rc.1", "v2.1.0", "minor", []),
        ])
    func checkVersion(target: String, base: String, actual: String, expected: [String]) throws {
        let repo = try sampleProject()
        let report = try engine(at: repo.url.path).check(CheckOptions(version: try version(target)))
        #expect(report.base?.rev == base)
        #expect(report.actual?.name == actual)
        #expect(summary(report.findings) == expected)
        #expect(report.verdict == (expected.isEmpty ? .pass : .fail))
    }

    @Test("check --version 2.1.0 at v2.1.0 finds the documented violations against v2.0.0")
    func checkReleasedVersion() throws {
        let repo = try sampleProject()
        let report = try engine(at: repo.url.path).check(CheckOptions(head: "v2.1.0", version: try version("2.1.0")))
        #expect(report.base?.rev == "v2.0.0")
        #expect(report.head?.version == (try version("2.1.0")))
        #expect(report.required == .major)
        #expect(report.actual == .minor)
        #expect(report.next?.description == "3.0.0")
        #expect(
            summary(report.findings) == [
                "breaking-without-major error cli:flags --verbose",
                "removed-without-deprecation error cli:flags --verbose",
            ])
        #expect(report.findings.allSatisfy { $0.release == "2.1.0" })
    }

    @Test("check --version of a version not above the base release")
    func checkVersionNotIncreasing() throws {
        let repo = try sampleProject()
        let report = try engine(at: repo.url.path).check(CheckOptions(base: "v2.1.0", version: try version("2.0.5")))
        #expect(summary(report.findings).contains("version-not-increasing error"))
        #expect(report.verdict == .fail)
    }

    @Test("check --allow caps the bump a branch may take")
    func checkAllow() throws {
        let repo = try sampleProject()
        let engine = try engine(at: repo.url.path)
        let minor = try engine.check(CheckOptions(allow: .minor))
        #expect(minor.findings.isEmpty)
        #expect(minor.allow == .minor)
        let patch = try engine.check(CheckOptions(allow: .patch))
        #expect(summary(patch.findings) == ["bump-not-allowed error"])
        #expect(patch.verdict == .fail)
    }

    @Test("check --base compares with any revision")
    func checkBase() throws {
        let repo = try sampleProject()
        let engine = try engine(at: repo.url.path)
        let report = try engine.check(CheckOptions(base: "v2.0.0", allow: .minor))
        #expect(report.base?.rev == "v2.0.0")
        #expect(report.base?.version == (try version("2.0.0")))
        #expect(
            report.changes.map { "\($0.kind) \($0.id)" } == ["added cli:flags --quiet", "removed cli:flags --verbose"])
        #expect(report.required == .major)
        #expect(
            summary(report.findings) == [
                "removed-without-deprecation error cli:flags --verbose", "bump-not-allowed error",
            ])
        let same = try engine.check(CheckOptions(base: "HEAD"))
        #expect(same.changes.isEmpty)
        #expect(same.required == Bump.none)
        #expect(same.next == nil)
        #expect(same.verdict == .pass)
        let branch = try engine.check(CheckOptions(base: "HEAD~1", head: "HEAD"))
        #expect(branch.base?.version == (try version("2.1.0")))
        #expect(branch.changes.map(\.id) == ["cli:flags --quiet"])
    }

    @Test("check --base with a base that moved on compares with the merge-base, as a pull request does")
    func checkBaseMovedOn() throws {
        let repo = try sampleProject()
        // A feature branch from v2.1.0 removes a metric; meanwhile main (HEAD) added --quiet.
        try repo.branch("feature", at: "v2.1.0")
        try repo.checkout("feature")
        let builtin = try String(contentsOf: repo.url.appendingPathComponent("metrics/builtin.go"), encoding: .utf8)
        let withoutIterations = builtin.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"iterations\"") }.joined(separator: "\n")
        #expect(withoutIterations != builtin)
        try repo.write("metrics/builtin.go", withoutIterations)
        try repo.commit("Drop the iterations metric")
        let report = try engine(at: repo.url.path).check(CheckOptions(base: "main", head: "feature"))
        #expect(report.base?.rev == "main")
        #expect(
            report.base?.commit.hex
                == (try repo.git("rev-parse", "v2.1.0^{commit}")).trimmingCharacters(
                    in: .whitespacesAndNewlines))
        // Only what the branch did: main's --quiet is not reported as removed.
        #expect(report.changes.map { "\($0.kind) \($0.id)" } == ["removed metrics:iterations"])
        #expect(report.notes.contains { $0.contains("merge-base") })
    }

    @Test("check --version after only pre-releases of that version judges a first final release")
    func firstFinalAfterPreReleases() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/first\n")
        try repo.write("api/api.go", "package api\n")
        try repo.commit("first")
        try repo.tag("v1.0.0-rc.1")
        try repo.write("more/more.go", "package more\n")
        try repo.commit("more")
        let report = try engine(at: repo.url.path).check(CheckOptions(version: try version("1.0.0")))
        #expect(report.base == nil)
        #expect(report.head?.version == (try version("1.0.0")))
        #expect(report.findings.isEmpty)
        #expect(report.verdict == .pass)
    }

    @Test("check --version of a version already released at another commit is an error")
    func versionAlreadyReleased() throws {
        let repo = try sampleProject()
        let engine = try engine(at: repo.url.path)
        let reuse = try engine.check(CheckOptions(version: try version("2.1.0")))
        #expect(summary(reuse.findings).contains("version-not-increasing error"))
        #expect(reuse.verdict == .fail)
        // At the tagged commit itself (CI on a tag push) the same version is fine.
        let atTag = try engine.check(CheckOptions(head: "v2.0.0", version: try version("2.0.0")))
        #expect(!summary(atTag.findings).contains("version-not-increasing error"))
        #expect(atTag.head?.version == (try version("2.0.0")))
    }

    @Test("a policy file that exists but is not UTF-8 is an error, never a silent fallback to defaults")
    func unreadablePolicy() throws {
        let repo = try sampleProject()
        let handle = try FileHandle(forWritingTo: repo.url.appendingPathComponent(".semgate.yml"))
        handle.seekToEndOfFile()
        handle.write(Data([0x23, 0x20, 0xE9, 0x0A]))
        try handle.close()
        #expect(throws: GateError.self) { try engine(at: repo.url.path) }
    }

    @Test("check --version on a history without releases judges the first release against an empty surface")
    func firstRelease() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/first\n")
        try repo.write("api/api.go", "package api\n")
        try repo.commit("first")
        let engine = try engine(at: repo.url.path)
        let report = try engine.check(CheckOptions(version: try version("1.0.0")))
        #expect(report.base == nil)
        #expect(report.changes.map { "\($0.kind) \($0.id)" } == ["added packages:example.com/first/api"])
        #expect(report.findings.isEmpty)
        #expect(report.notes.contains { $0.contains("first release") })
        #expect(throws: GateError.self) { try engine.check(CheckOptions()) }
        // `next` on a project without releases proposes the first one: initial development starts at 0.1.0.
        let next = try engine.check(CheckOptions(firstReleaseAllowed: true))
        #expect(next.next == (try version("0.1.0")))
        #expect(next.base == nil)
    }

    @Test("an unknown revision is an error, not a crash")
    func unknownRevision() throws {
        let repo = try sampleProject()
        #expect(throws: GateError.self) { try engine(at: repo.url.path).check(CheckOptions(base: "no-such-rev")) }
    }

    @Test("diff lists the changes between two revisions with their bumps")
    func diff() throws {
        let repo = try sampleProject()
        let report = try engine(at: repo.url.path).diff("v1.1.1", "v1.2.0")
        #expect(report.base?.version == (try version("1.1.1")))
        #expect(report.head?.version == (try version("1.2.0")))
        #expect(
            report.changes.map { "\($0.kind) \($0.id) \($0.bump)" } == [
                "changed metrics:http_req_failed major", "deprecated options:no-summary minor",
            ])
        #expect(report.changes.first?.changedAttributes == ["type"])
        #expect(report.required == .major)
        #expect(report.findings.isEmpty)
        let none = try engine(at: repo.url.path).diff("v1.0.0", "v1.0.0+build.1")
        #expect(none.changes.isEmpty)
        #expect(none.required == Bump.none)
    }

    @Test("surface lists every item at a revision")
    func surface() throws {
        let repo = try sampleProject()
        let report = try engine(at: repo.url.path).surface(at: "v0.2.0")
        let items = try #require(report.items)
        #expect(
            items.map(\.id) == [
                "cli:flags --out", "cli:flags --verbose", "metrics:http_req_duration", "metrics:http_reqs",
                "metrics:iterations", "options:no-summary", "options:out", "options:verbose",
                "packages:example.com/tool/cmd", "packages:example.com/tool/metrics",
                "packages:example.com/tool/pkg/api", "packages:example.com/tool/pkg/experimental/x",
            ])
        #expect(items.first?.attributes == ["type": "String"])
        #expect(items.first { $0.key == "out" }?.attributes == ["type": "string", "env": "TOOL_OUT"])
        #expect(
            items.filter { $0.stability == .experimental }.map(\.id) == ["packages:example.com/tool/pkg/experimental/x"]
        )
        // The policy's deprecation (since 1.2.0) applies from 1.2.0 on, even where the list file does not say so.
        let head = try engine(at: repo.url.path).surface(at: "HEAD")
        #expect(head.items?.contains { $0.id == "options:no-summary" } == false)
        #expect(head.items?.map(\.id).contains("cli:flags --quiet") == true)
    }

    @Test("declared deprecations apply from their since version")
    func declaredDeprecation() throws {
        let repo = try sampleProject()
        try repo.write(
            "policy/options.txt", "out type=string env=TOOL_OUT\nverbose type=bool env=TOOL_VERBOSE\n")
        try repo.commit("Drop the stability marker")
        try repo.tag("v2.2.0")
        // At HEAD the list has no 'verbose' stability marker, but no declaration either: stays stable.
        let engine = try engine(at: repo.url.path)
        #expect(try engine.surface(at: "HEAD").items?.first { $0.id == "options:verbose" }?.stability == .stable)
        let policy = try loadPolicy(
            """
            semgate: 1
            surfaces:
              options:
                extract:
                  list: policy/options.txt
            deprecations:
              - item: "options:verbose"
                since: 2.2.0
            """)
        let declared = try Engine(repository: try Repository(discovering: repo.url.path), policy: policy)
        #expect(try declared.surface(at: "v2.1.0").items?.first { $0.id == "options:verbose" }?.stability == .stable)
        #expect(
            try declared.surface(at: "v2.2.0").items?.first { $0.id == "options:verbose" }?.stability == .deprecated)
    }

    @Test("without a policy file a Go module gets the packages surface, and a note says defaults are in use")
    func defaultPolicy() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/zero\n")
        try repo.write("api/api.go", "package api\n")
        try repo.write("internal/i/i.go", "package i\n")
        try repo.commit("zero config")
        try repo.tag("v1.0.0")
        try repo.write("extra/extra.go", "package extra\n")
        try repo.commit("more")
        let engine = try engine(at: repo.url.path)
        guard case .defaults = engine.policy.origin else {
            Issue.record("expected the default policy, got \(engine.policy.origin)")
            return
        }
        let surface = try engine.surface(at: "HEAD")
        #expect(surface.policy.defaults)
        #expect(surface.policy.source == "defaults")
        #expect(surface.items?.map(\.id) == ["packages:example.com/zero/api", "packages:example.com/zero/extra"])
        #expect(surface.notes.contains { $0.contains("no policy file") && $0.contains("defaults") })
        let check = try engine.check(CheckOptions())
        #expect(check.base?.rev == "v1.0.0")
        #expect(check.changes.map(\.id) == ["packages:example.com/zero/extra"])
        #expect(check.next?.description == "1.1.0")
        #expect(check.notes.contains { $0.contains("go-packages (go.mod found)") })
    }

    @Test("--policy-rev reads the policy from a revision, not from the working tree")
    func policyRevision() throws {
        let repo = try sampleProject()
        try repo.write(".semgate.yml", "this: is not a policy\n")
        let old = try engine(at: repo.url.path, policyRevision: "v1.1.1")
        #expect(old.policy.origin == .revision(rev: "v1.1.1", path: ".semgate.yml"))
        #expect(old.policy.exceptions.isEmpty)
        #expect(old.policy.deprecations.isEmpty)
        let rows = try #require(try old.audit().releases)
        // Without the 1.2.0 exception, the type change of http_req_failed fails 1.2.0.
        #expect(rows.first { $0.release.tag == "v1.2.0" }?.verdict == .fail)
        let report = try old.check(CheckOptions())
        #expect(report.policy.source == ".semgate.yml@v1.1.1")
        // The working tree's broken file is what the resolver finds without a revision.
        #expect(throws: GateError.self) {
            _ = try PolicyResolver.resolve(
                explicitPath: nil, revision: nil, repository: try Repository(discovering: repo.url.path))
        }
    }

    @Test("works from a subfolder of the working tree")
    func subfolder() throws {
        let repo = try sampleProject()
        let sub = repo.url.appendingPathComponent("metrics").path
        let fromSub = try engine(at: sub)
        #expect(fromSub.policy.origin == .file(path: ".semgate.yml"))
        let audit = try fromSub.audit()
        #expect(audit.releases?.map(\.verdict) == [.pass, .pass, .pass, .pass, .fail, .pass, .pass, .fail])
        #expect(try fromSub.check(CheckOptions()).next?.description == "2.2.0")
    }

    @Test("works in a bare clone, reading the policy from HEAD")
    func bareClone() throws {
        let repo = try sampleProject()
        let bare = try repo.bareClone()
        let repository = try Repository(discovering: bare.url.path)
        #expect(repository.isBare)
        #expect(repository.workingDirectory == nil)
        let engine = try engine(at: bare.url.path)
        #expect(engine.policy.origin == .revision(rev: "HEAD", path: ".semgate.yml"))
        let audit = try engine.audit()
        #expect(audit.releases?.map(\.verdict) == [.pass, .pass, .pass, .pass, .fail, .pass, .pass, .fail])
        let check = try engine.check(CheckOptions(head: "v2.1.0", version: try version("2.1.0")))
        #expect(check.base?.rev == "v2.0.0")
        #expect(check.verdict == .fail)
    }

    @Test("works in a worktree on another branch")
    func worktree() throws {
        let repo = try sampleProject()
        try repo.branch("maint", at: "v2.0.0")
        let worktree = try repo.addWorktree(branch: "maint")
        let engine = try engine(at: worktree.path)
        let check = try engine.check(CheckOptions())
        #expect(check.head?.commit.hex == (try repo.git("rev-parse", "v2.0.0^{commit}")))
        #expect(check.base?.rev == "v2.0.0")
        #expect(check.changes.isEmpty)
        let audit = try engine.audit()
        #expect(audit.releases?.count == 8)
    }

    /// Everything about a repository that a read-only tool must leave as it was.
    private struct RepositoryState: Equatable {
        let status: String
        let refs: String
        let index: Data?
        let indexDate: Date?
        let headFile: String

        /// Reads the index before running git, and runs `status` without optional locks, so that measuring does
        /// not refresh the index itself.
        init(_ repo: FixtureRepository) throws {
            let gitDir = repo.url.appendingPathComponent(".git")
            let index = gitDir.appendingPathComponent("index")
            self.index = try? Data(contentsOf: index)
            indexDate = try FileManager.default.attributesOfItem(atPath: index.path)[.modificationDate] as? Date
            headFile = try String(contentsOf: gitDir.appendingPathComponent("HEAD"), encoding: .utf8)
            status = try repo.git("--no-optional-locks", "status", "--porcelain", "--ignored")
            refs = try repo.git("for-each-ref", "--format=%(refname) %(objectname)")
        }
    }

    @Test("no run modifies the repository: status, refs and the index are untouched")
    func readOnly() throws {
        let repo = try sampleProject()
        try repo.write("scratch.txt", "an untracked file\n")
        let before = try RepositoryState(repo)
        #expect(before.index != nil)
        #expect(before.status == "?? scratch.txt")
        let engine = try engine(at: repo.url.path)
        _ = try engine.audit()
        _ = try engine.check(CheckOptions())
        _ = try engine.check(CheckOptions(base: "v1.0.0", head: "v2.1.0", version: try version("2.1.0"), allow: .minor))
        _ = try engine.diff("v0.1.0", "HEAD")
        _ = try engine.surface(at: "v1.2.0")
        _ = try self.engine(at: repo.url.path, policyRevision: "v1.0.0").audit()
        let after = try RepositoryState(repo)
        #expect(after == before)
    }

    private func engine(at path: String, policyRevision: String? = nil) throws -> Engine {
        try GateTests.engine(at: path, policyRevision: policyRevision)
    }

    @Test("a key respelled with other bytes Swift calls equal (NFC, NFD, the Kelvin sign) is a change, never none")
    func keyBytes() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  opts:\n    extract:\n      list: opts.txt\n")
        // Go, pflag and a user's shell take each spelling as its own name.
        let releases: [(String, String)] = [
            ("v1.0.0", "caf\u{e9}\nKeep\n"),
            ("v1.0.1", "cafe\u{301}\nKeep\n"),  // the precomposed name is gone
            ("v1.0.2", "cafe\u{301}\ncaf\u{e9}\nKeep\n"),  // it is back, beside the other
            ("v1.0.3", "caf\u{e9}\nKeep\n"),  // the combining one is gone
            ("v1.0.4", "caf\u{e9}\n\u{212A}eep\n"),  // Keep is gone; the Kelvin sign is another name
            ("v1.0.5", "caf\u{e9}\n\u{212A}eep key-bytes=Keep\n"),  // a list cannot claim the attribute
        ]
        for (tag, list) in releases {
            try repo.write("opts.txt", list)
            try repo.commit(tag)
            try repo.tag(tag)
        }
        let rows = try #require(try engine(at: repo.url.path).audit().releases)
        let required = Dictionary(uniqueKeysWithValues: rows.map { ($0.release.tag, $0.required?.name ?? "-") })
        #expect(required == [
            "v1.0.0": "-", "v1.0.1": "major", "v1.0.2": "minor", "v1.0.3": "major", "v1.0.4": "major",
            "v1.0.5": "patch",
        ])
        let respelled = try engine(at: repo.url.path).surface(at: "v1.0.2").items?.filter { $0.key.hasPrefix("caf") }
        #expect(respelled?.map { $0.attributes[KeyBytes.attribute] } == ["caf\\u{e9}, cafe\\u{301}"])
        let listed = try engine(at: repo.url.path).surface(at: "v1.0.5")
        #expect(listed.items?.allSatisfy { $0.attributes[KeyBytes.attribute] == nil } == true)
        #expect(listed.notes.contains { $0.contains("'key-bytes' is semgate's own attribute") })
    }
}
