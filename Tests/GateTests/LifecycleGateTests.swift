import Foundation
import Gate
import Git
import Lifecycle
import Policy
import SemVer
import Surface
import Testing
import TestSupport

/// The LifecycleProject history and an engine over it with its own policy.
private struct Lifecycle {
    let repo: FixtureRepository
    let engine: Engine

    init() throws {
        repo = try LifecycleProject.repository()
        let repository = try Repository(discovering: repo.url.path)
        let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
        engine = try Engine(repository: repository, policy: policy)
    }
}

@Suite("Lifecycle rules in audit and check")
struct LifecycleGateTests {
    @Test("audit: minor-on-supported-line, the deprecation period and promotion-window fire where the history says")
    func audit() throws {
        let sample = try Lifecycle()
        let report = try sample.engine.audit()
        var found: [String] = []
        for row in report.releases ?? [] {
            for finding in row.findings {
                found.append("\(row.release.version) \(finding.rule.id) \(finding.item ?? "-")")
            }
        }
        #expect(
            found.sorted() == [
                "1.2.0 promotion-window options:experimental-fast",
                "1.3.0 minor-on-supported-line -",
                "2.0.0 deprecation-window options:old-flag",
                "2.0.0 promotion-window options:experimental-fast",
                "2.1.0 promotion-window options:experimental-fast",
            ])
        let window = try #require(
            report.releases?.flatMap(\.findings).first { $0.rule == .deprecationWindow })
        #expect(window.message.contains("84 of 90 days since"))
        #expect(window.severity == .error)
        let promotion = try #require(
            report.releases?.first { $0.release.version.description == "2.1.0" }?.findings.first)
        #expect(promotion.message.contains("3 minor releases after options:fast was promoted in 1.2.0"))
    }

    @Test("audit --from reads back before its first release for the deprecation period and the promotion window")
    func auditFromReachesBack() throws {
        let sample = try Lifecycle()
        let other = try Lifecycle()
        let full = try sample.engine.audit()
        let partial = try other.engine.audit(from: try Version("2.0.0"))
        func findings(_ report: Report) -> [String] {
            (report.releases ?? []).filter { $0.release.version.major >= 2 }
                .flatMap { row in row.findings.map { "\(row.release.version) \($0.rule.id) \($0.message)" } }
        }
        #expect(findings(partial) == findings(full))
        #expect(findings(partial).contains { $0.contains("deprecation-window") })
    }

    @Test("check --version: a new minor on the supported line is reported the day it would ship")
    func checkMinorOnSupportedLine() throws {
        let sample = try Lifecycle()
        try sample.repo.checkout("release-1.x")
        try sample.repo.write(
            "options.txt",
            "a\nold-flag\nbeta-x\nexperimental-fast\nlegacy stability=deprecated\ncolor\nnew-flag\nfast\nnu\n")
        try sample.repo.commit("Another feature on 1.x", at: FixtureDates.date("2025-08-01"))
        let repository = try Repository(discovering: sample.repo.url.path)
        let engine = try Engine(repository: repository, policy: sample.engine.policy)
        engine.today = CalendarDay(iso: "2025-08-01") ?? engine.today
        let minor = try engine.check(CheckOptions(version: try Version("1.4.0")))
        #expect(minor.findings.map(\.rule) == [.minorOnSupportedLine, .promotionWindow])
        let patch = try engine.check(CheckOptions(version: try Version("1.3.1")))
        #expect(!patch.findings.contains { $0.rule == .minorOnSupportedLine })
    }

    @Test("deprecations: first marking release, planned removal, replacement and state")
    func deprecations() throws {
        let sample = try Lifecycle()
        let at = try #require(CalendarDay(iso: "2025-09-01"))
        let report = try sample.engine.deprecations(head: "HEAD", at: at)
        let rows = report.records.map {
            "\($0.item) \($0.since?.version.description ?? "-") \($0.plannedRemoval?.description ?? "-") "
                + "\($0.replacement ?? "-") \($0.state.rawValue) \($0.removedIn?.version.description ?? "-")"
        }
        #expect(
            rows == [
                "options:beta-x 2.0.0 3.0.0 - removable -",
                "options:color 2.1.0 3.0.0 - in-window -",
                "options:legacy 1.1.0 3.0.0 - in-window -",
                "options:old-flag 1.1.0 2.0.0 new-flag removed 2.0.0",
            ])
        #expect(report.head.version == nil)
        // Nothing declares legacy's removal version: the next major after head, never overdue; its remove-when
        // (line 1 deprecated) does not hold while line 1 is supported, so it stays in its window.
        let legacy = try #require(report.records.first { $0.item == "options:legacy" })
        #expect(legacy.removalBasis == .nextMajor)
        #expect(legacy.condition?.holds == false)
        #expect(legacy.condition?.phase == "supported")
        #expect(legacy.condition?.projected == CalendarDay(iso: "2026-05-15"))
        // Before beta-x's 90 days have passed it is still in its window; on the 1.x branch the next major to ship is
        // still 3.0.0 (2.0.0 has shipped with the item).
        let earlier = try sample.engine.deprecations(head: "HEAD", at: try #require(CalendarDay(iso: "2025-08-01")))
        #expect(earlier.records.first { $0.item == "options:beta-x" }?.state == .inWindow)
        let branch = try sample.engine.deprecations(head: "v1.3.0", at: at)
        #expect(branch.records.first { $0.item == "options:legacy" }?.plannedRemoval?.description == "3.0.0")
        #expect(branch.records.first { $0.item == "options:legacy" }?.state == .inWindow)
    }

    /// Deprecations follow the source's marks: any extractor's mark, a mark taken back, files reordered, a removal at
    /// the final release after a pre-release, a declaration's since; with one reading thread or two.
    @Test("deprecations follow the source's marks through a history", arguments: [1, 2])
    func deprecationMarks(jobs: Int) throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", listsPolicy(deprecations: "  - {item: \"opts:gamma\", since: 1.2.0}\n"))
        let history: [(tag: String, a: String, b: String)] = [
            ("v1.0.0", "alpha\nbeta\ndelta\n", ""),
            // beta is marked by the second extractor only; epsilon is new and marked.
            ("v1.1.0", "alpha\nbeta\ndelta\nepsilon stability=deprecated\n", "beta stability=deprecated\n"),
            // epsilon's mark is taken back; the first file is reordered.
            ("v1.2.0", "delta\nalpha\nbeta\nepsilon\n", "beta stability=deprecated\n"),
            // beta and epsilon are gone from the pre-release on: removed in the final release after it.
            ("v1.3.0-rc.1", "delta\nalpha\n", ""),
            ("v1.3.0", "delta\nalpha\nzeta\n", ""),
            ("v1.4.0", "delta stability=deprecated\nzeta\n", ""),
        ]
        for release in history {
            try repo.write("a.txt", release.a)
            try repo.write("b.txt", release.b)
            try repo.write("o.txt", "gamma\nomega\n")
            try repo.commit("release \(release.tag)")
            try repo.tag(release.tag)
        }
        #expect(
            try deprecationRows(repo, jobs: jobs) == [
                "flags:beta 1.1.0 removed 1.3.0",
                "flags:delta 1.4.0 removable -",
                "flags:epsilon 1.1.0 removed 1.3.0",
                "opts:gamma 1.2.0 removable -",
            ])
    }

    /// `deprecations` leaves out of its pass over the releases only what cannot matter: a Go package that neither
    /// marks anything (itself, or through a type it embeds from another package) nor holds a watched key, a
    /// go-literals surface with nothing watched. Marks through embedding, declarations from their since, a mark taken
    /// back and removals must come out as a full reading gives them.
    @Test("deprecations read only what can show a deprecation, and miss nothing", arguments: [1, 2])
    func deprecationsLeaveOutNothingThatMatters(jobs: Int) throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            project: demo
            surfaces:
              api:
                extract:
                  go-api: {}
              env:
                extract:
                  go-literals:
                    files: ["env/*.go"]
                    strings: '^(?<name>APP_[A-Z_]+)$'
              names:
                extract:
                  go-literals:
                    files: ["env/*.go"]
                    strings: '^(?<name>NAME_[A-Z_]+)$'
            deprecations:
              - {item: "api:example.com/m/c.F", since: 1.2.0}
              - {item: "env:APP_OLD", since: 1.2.0}

            """)
        try repo.write("go.mod", "module example.com/m\n")
        let marked = "// Deprecated: use New.\n"
        // version: (a's Old marked, b embeds a.T, c has F, d's G marked, d has G, the env names, a comment in each).
        let history: [(tag: String, aMarked: Bool, bEmbeds: Bool, cF: Bool, dMarked: Bool, dG: Bool, env: String)] = [
            ("v1.0.0", false, true, true, false, true, "APP_OLD APP_NEW NAME_A"),
            ("v1.1.0", true, true, true, true, true, "APP_OLD APP_NEW NAME_A"),
            ("v1.2.0", true, true, true, false, true, "APP_OLD APP_NEW NAME_B"),
            ("v1.3.0", true, false, true, false, false, "APP_NEW NAME_B"),
            ("v1.4.0", true, false, false, false, false, "APP_NEW NAME_C"),
        ]
        for (index, release) in history.enumerated() {
            // Every package changes at every release, so that none is reused from the reader's caches.
            let note = "// release \(index)\n"
            try repo.write(
                "a/a.go",
                "package a\n\(note)\ntype T struct{}\n\n\(release.aMarked ? marked : "")func (T) Old() {}\n")
            try repo.write(
                "b/b.go",
                "package b\n\(note)\nimport \"example.com/m/a\"\n\ntype S struct {\n\t"
                    + (release.bEmbeds ? "a.T" : "X a.T") + "\n}\n")
            try repo.write("c/c.go", "package c\n\(note)\n" + (release.cF ? "func F() {}\n" : "func H() {}\n"))
            try repo.write(
                "d/d.go",
                "package d\n\(note)\n"
                    + (release.dG ? (release.dMarked ? marked : "") + "func G() {}\n" : "func K() {}\n"))
            try repo.write("e/e.go", "package e\n\(note)\nfunc E() {}\n")
            // f embeds a type of another module only, which gives no members, so no marks.
            try repo.write(
                "f/f.go", "package f\n\(note)\nimport \"sync\"\n\ntype L struct {\n\tsync.Mutex\n}\n")
            let names = release.env.split(separator: " ").map { "\t_ = \"\($0)\"\n" }.joined()
            try repo.write("env/env.go", "package env\n\(note)\nfunc init() {\n\(names)}\n")
            try repo.commit("release \(release.tag)")
            try repo.tag(release.tag)
        }
        #expect(
            try deprecationRows(repo, jobs: jobs) == [
                "api:example.com/m/a.T.Old 1.1.0 removable -",
                // Marked through the embedding of a.T alone; b holds no marker of its own.
                "api:example.com/m/b.S.Old 1.1.0 removed 1.3.0",
                // Declared from 1.2.0 in a package with no marker.
                "api:example.com/m/c.F 1.2.0 removed 1.4.0",
                // The mark was taken back in 1.2.0 while G stayed: removed in 1.3.0, not in 1.2.0.
                "api:example.com/m/d.G 1.1.0 removed 1.3.0",
                "env:APP_OLD 1.2.0 removed 1.3.0",
            ])
        // What the pass reads of v1.1.0 with nothing watched: the marked items and what promotes them, nothing else.
        let repository = try Repository(discovering: repo.url.path)
        let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
        let reader = SurfaceReader(repository: repository, policy: policy)
        let commit = try repository.resolve("v1.1.0")
        let read = try reader.snapshot(at: commit, interest: .marksOnly)
        #expect(
            read.items.values.filter { $0.stability == .deprecated }.map(\.id).sorted() == [
                "api:example.com/m/a.T.Old", "api:example.com/m/b.S.Old", "api:example.com/m/d.G",
            ])
        #expect(read.items["api:example.com/m/e.E"] == nil && read.items["api:example.com/m/c.F"] == nil)
        // Embedding sync.Mutex cannot mark anything: f is not built (it was, when any qualified type counted).
        #expect(read.items["api:example.com/m/f.L"] == nil)
        #expect(!read.items.keys.contains { $0.hasPrefix("env:") || $0.hasPrefix("names:") })
        #expect(try reader.snapshot(at: commit).items["api:example.com/m/e.E"] != nil)
        #expect(try reader.snapshot(at: commit).items["api:example.com/m/f.L"] != nil)
    }

    /// The pass keeps the policy's declarations as it goes (each worked out once, not once a release): a declaration
    /// starts to apply at its since with nothing changed in the files, an item declared twice from the earlier since,
    /// an item declared before it appears from the release that adds it, and declarations that never apply, among
    /// hundreds naming nothing with their since in no order.
    @Test("declared deprecations apply from their since, as the files change or not", arguments: [1, 2])
    func declaredThroughHistory(jobs: Int) throws {
        let repo = try FixtureRepository()
        let filler = (0..<300).map { index in
            "  - {item: \"\(index % 2 == 0 ? "flags" : "opts"):absent\(index)\""
                + (index % 5 == 0 ? "" : ", since: 1.\((index * 7) % 6).\(index % 3)") + "}\n"
        }
        try repo.write(
            ".semgate.yml",
            listsPolicy(
                deprecations: filler.joined()
                    + """
                      - {item: "opts:late", since: 1.3.0}
                      - {item: "flags:steady", since: 1.2.0}
                      - {item: "opts:late", since: 1.1.0}
                      - {item: "opts:arrives"}
                      - {item: "flags:gone", since: 1.1.0}
                      - {item: "flags:never", since: 9.0.0}
                      - {item: "flags:marked", since: 1.4.0}

                    """))
        let history: [(tag: String, b: String, o: String)] = [
            ("v1.0.0", "gone\nmarked stability=deprecated\n", "late\n"),
            ("v1.1.0", "gone\nmarked stability=deprecated\n", "late\n"),
            ("v1.2.0", "gone\nmarked stability=deprecated\n", "late\narrives\n"),
            ("v1.3.0", "marked stability=deprecated\n", "late\narrives\n"),
            ("v1.4.0", "marked\n", "late\narrives\n"),
        ]
        for (index, release) in history.enumerated() {
            // a.txt never changes: steady's declaration applies at 1.2.0 with no new input.
            try repo.write("a.txt", "steady\nnever\n")
            try repo.write("b.txt", release.b)
            try repo.write("o.txt", release.o)
            try repo.write("release.txt", "\(index)\n")
            try repo.commit("release \(release.tag)")
            try repo.tag(release.tag)
        }
        #expect(
            try deprecationRows(repo, jobs: jobs) == [
                "flags:gone 1.1.0 removed 1.3.0",
                // Marked in the source from 1.0.0; the mark taken back at 1.4.0, where its declaration applies.
                "flags:marked 1.0.0 removable -",
                "flags:steady 1.2.0 removable -",
                "opts:arrives 1.2.0 removable -",
                "opts:late 1.1.0 removable -",
            ])
    }

    @Test("a deprecation the policy declares for an experimental item is listed from its since on")
    func declaredExperimental() throws {
        let sample = try Lifecycle()
        let text = LifecycleProject.policy.replacingOccurrences(
            of: "deprecations:\n",
            with: "deprecations:\n  - {item: \"options:experimental-fast\", since: 2.0.0, use-instead: fast}\n")
        let policy = try loadPolicy(text)
        let engine = try Engine(repository: sample.engine.repository, policy: policy)
        let report = try engine.deprecations(head: "HEAD", at: try #require(CalendarDay(iso: "2025-09-01")))
        let record = try #require(report.records.first { $0.item == "options:experimental-fast" })
        #expect(record.since?.version.description == "2.0.0")
        // The old key of a promotion (fast is stable from 1.2.0, remove-within 1): it had to go by 2.0.0, the
        // second minor after, where promotion-window reports it.
        #expect(record.removalBasis == .promotion)
        #expect(record.promotion?.promotedIn.version.description == "1.2.0")
        #expect(record.plannedRemoval?.description == "2.0.0")
        #expect(record.replacement == "fast")
        #expect(record.state == .overdue)
    }

    @Test("support table from the repository's dated tags")
    func supportTable() throws {
        let sample = try Lifecycle()
        let table = try sample.engine.supportTable(at: try #require(CalendarDay(iso: "2025-09-01")))
        #expect(
            table.lines.map { "\($0.line) \($0.phase.name) \($0.latest.version)" } == [
                "2 maintained 2.1.0", "1 supported 1.3.0",
            ])
        #expect(
            table.cadence.map { "\($0.kind) \($0.due?.description ?? "-") \($0.overdueDays)" } == [
                "major 2026-05-15 0", "minor 2025-08-12 20",
            ])
    }

    @Test("a policy without a support section cannot answer support questions, and says how to fix it")
    func noSupportSection() throws {
        let repo = try sampleProject()
        let repository = try Repository(discovering: repo.url.path)
        let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
        let engine = try Engine(repository: repository, policy: policy)
        #expect {
            _ = try engine.supportTable(at: CalendarDay(daysSinceEpoch: 20_000))
        } throws: { error in
            "\(error)".contains("has no 'support' section; add one such as 'support: {preset: k6}'")
        }
    }
}

/// A policy with two list surfaces, flags (a.txt, b.txt) and opts (o.txt), and these `deprecations:` entries.
private func listsPolicy(deprecations: String) -> String {
    """
    semgate: 1
    project: demo
    surfaces:
      flags:
        extract:
          - list: a.txt
          - list: b.txt
      opts:
        extract:
          list: o.txt
    deprecations:

    """ + deprecations
}

/// A repository whose releases are annotated tags on the given days, with `support` set to `support`, and an
/// engine over it (keep the repository while the engine is used).
/// `item since state removed-in` of each record of `deprecations` at HEAD, on 2030-01-01, read on `jobs` threads.
private func deprecationRows(_ repo: FixtureRepository, jobs: Int) throws -> [String] {
    let repository = try Repository(discovering: repo.url.path)
    let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
    let engine = try Engine(repository: repository, policy: policy)
    engine.jobs = jobs
    let report = try engine.deprecations(head: "HEAD", at: try #require(CalendarDay(iso: "2030-01-01")))
    return report.records.map {
        "\($0.item) \($0.since?.version.description ?? "-") \($0.state.rawValue) "
            + "\($0.removedIn?.version.description ?? "-")"
    }
}

private func datedRepository(_ releases: [(tag: String, day: String)], support: String) throws
    -> (FixtureRepository, Engine)
{
    let repo = try FixtureRepository()
    try repo.write(".semgate.yml", "semgate: 1\nsupport: \(support)\n")
    for (tag, day) in releases {
        let date = FixtureDates.date(day)
        try repo.write("VERSION", tag + "\n")
        try repo.commit("Release \(tag)", at: date)
        try repo.tag(tag, annotated: true, at: date)
    }
    let repository = try Repository(discovering: repo.url.path)
    let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
    return (repo, try Engine(repository: repository, policy: policy))
}

@Suite("Support presets and custom rules on repositories with dated tags")
struct SupportFixtureTests {
    static let cases: [(support: String, releases: [(tag: String, day: String)], at: String, rows: [String])] = [
        (
            "{preset: go}",
            [
                ("v1.20.0", "2023-02-01"), ("v1.21.0", "2023-08-08"), ("v1.20.9", "2023-10-05"),
                ("v1.22.0", "2024-02-06"),
            ],
            "2024-03-01", ["1.22 supported", "1.21 supported", "1.20 end-of-life 2024-02-06"]
        ),
        (
            "{preset: kubernetes}",
            [
                ("v1.28.0", "2023-08-15"), ("v1.29.0", "2023-12-13"), ("v1.30.0", "2024-04-17"),
                ("v1.31.0", "2024-08-13"),
            ],
            "2024-09-01", ["1.31 supported", "1.30 supported", "1.29 supported", "1.28 end-of-life 2024-08-13"]
        ),
        (
            "{preset: node}",
            [("v20.0.0", "2023-04-18"), ("v21.0.0", "2023-10-17"), ("v22.0.0", "2024-04-24")],
            "2024-06-01", ["22 current 2027-04-24", "21 end-of-life 2024-04-17", "20 active 2026-04-18"]
        ),
        (
            "{preset: k6}",
            [("v1.0.0", "2025-05-06"), ("v2.0.0-rc1", "2026-04-28"), ("v2.0.0", "2026-05-11")],
            "2026-05-01", ["2 development", "1 maintained"]
        ),
        (
            "{phases: [{name: active, newest: 1, takes: minor}, "
                + "{name: security, duration: 6 months, from: successor}], dates: [{line: \"2\", end: 2024-03-31}]}",
            [("v1.0.0", "2023-01-10"), ("v2.0.0", "2023-07-01"), ("v3.0.0", "2024-01-15")],
            "2024-02-01", ["3 active", "2 security 2024-03-31", "1 end-of-life 2024-01-01"]
        ),
    ]

    @Test("the table read from tags", arguments: cases.indices)
    func table(index: Int) throws {
        let (support, releases, at, rows) = Self.cases[index]
        let (repo, engine) = try datedRepository(releases, support: support)
        defer { withExtendedLifetime(repo) {} }
        let table = try engine.supportTable(at: try #require(CalendarDay(iso: at)))
        #expect(
            table.lines.map { line in
                ([line.line.description, line.phase.name] + (line.end.map { [$0.description] } ?? []))
                    .joined(separator: " ")
            } == rows)
    }
}
