import Lifecycle
import Policy
import SemVer
import Testing

/// Releases written `"1.2.0@2025-08-13"`.
func points(_ specs: [String]) -> [ReleasePoint] {
    specs.map { spec in
        let parts = spec.split(separator: "@").map(String.init)
        guard parts.count == 2, let version = Version.parse(parts[0]), let day = CalendarDay(iso: parts[1]) else {
            fatalError("bad release spec \(spec)")
        }
        return ReleasePoint(version: version, day: day)
    }
}

func day(_ text: String) -> CalendarDay {
    guard let day = CalendarDay(iso: text) else { fatalError("bad day \(text)") }
    return day
}

func version(_ text: String) -> Version {
    guard let version = Version.parse(text) else { fatalError("bad version \(text)") }
    return version
}

/// `line phase first latest end` rows, newest first, for comparing whole tables.
func rows(_ table: SupportTable) -> [String] {
    table.lines.map { line in
        [
            line.line.description, line.phase.name, line.firstRelease?.version.description ?? "-",
            line.latest.version.description, line.end?.description ?? "-",
        ].joined(separator: " ")
    }
}

func preset(_ name: String) -> SupportPolicy {
    guard let policy = SupportPolicy.presets[name] else { fatalError("no preset \(name)") }
    return policy
}

/// A history shaped like k6's: 0.x, 1.0.0 in May 2025, 2.0.0 in May 2026, then a 1.8.0 minor after 2.0.0.
let k6Like = points([
    "0.57.0@2025-02-13", "1.0.0-rc1@2025-03-25", "0.58.0@2025-03-31", "0.59.0@2025-05-05", "1.0.0@2025-05-06",
    "1.1.0@2025-06-25", "1.7.1@2026-03-30", "2.0.0-rc1@2026-04-28", "2.0.0@2026-05-11", "1.8.0@2026-06-08",
    "2.1.0@2026-06-30", "2.2.0@2026-08-10", "1.8.1@2026-08-12",
])

@Suite("Support tables")
struct SupportTableTests {
    @Test(
        "k6 preset: maintained, supported and deprecated lines over time",
        arguments: [
            ("2025-06-01", ["1 maintained 1.0.0 1.0.0 -", "0 supported 0.57.0 0.59.0 -"]),
            (
                "2026-05-01",
                ["2 development - 2.0.0-rc1 -", "1 maintained 1.0.0 1.7.1 -", "0 supported 0.57.0 0.59.0 -"]
            ),
            (
                "2026-11-22",
                ["2 maintained 2.0.0 2.2.0 -", "1 supported 1.0.0 1.8.1 -", "0 deprecated 0.57.0 0.59.0 2026-05-11"]
            ),
            ("2025-02-13", ["0 maintained 0.57.0 0.57.0 -"]),
        ])
    func k6(at: String, expected: [String]) {
        let table = Support.table(releases: k6Like, policy: preset("k6"), at: day(at))
        #expect(rows(table) == expected)
    }

    @Test("k6 preset: line 1's phases and the date it stopped taking minors")
    func k6Spans() throws {
        let table = Support.table(releases: k6Like, policy: preset("k6"), at: day("2026-11-22"))
        let one = try #require(table.line(of: version("1.1.0")))
        #expect(one.spans.map(\.name) == ["development", "maintained", "supported"])
        #expect(one.spans.map(\.start) == [day("2025-03-25"), day("2025-05-06"), day("2026-05-11")])
        #expect(one.endOfActiveSupport == day("2026-05-11"))
        #expect(one.end == nil)
        #expect(one.endCondition == "a newer line ships")
        let zero = try #require(table.line(of: version("0.1.0")))
        #expect(zero.spans.map(\.name) == ["maintained", "supported", "deprecated"])
        #expect(zero.end == day("2026-05-11"))
    }

    @Test("go preset: the two newest minor lines are supported")
    func go() {
        let releases = points([
            "1.20.0@2023-02-01", "1.20.9@2023-10-05", "1.21.0@2023-08-08", "1.21.3@2023-10-10", "1.22.0@2024-02-06",
            "1.22.1@2024-03-05",
        ])
        let before = Support.table(releases: releases, policy: preset("go"), at: day("2023-12-01"))
        #expect(rows(before) == ["1.21 supported 1.21.0 1.21.3 -", "1.20 supported 1.20.0 1.20.9 -"])
        let after = Support.table(releases: releases, policy: preset("go"), at: day("2024-03-10"))
        #expect(
            rows(after) == [
                "1.22 supported 1.22.0 1.22.1 -", "1.21 supported 1.21.0 1.21.3 -",
                "1.20 end-of-life 1.20.0 1.20.9 2024-02-06",
            ])
    }

    @Test("kubernetes preset: the three newest minor lines are supported")
    func kubernetes() {
        let releases = points([
            "1.28.0@2023-08-15", "1.29.0@2023-12-13", "1.30.0@2024-04-17", "1.30.2@2024-06-11", "1.31.0@2024-08-13",
        ])
        let table = Support.table(releases: releases, policy: preset("kubernetes"), at: day("2024-09-01"))
        #expect(
            rows(table) == [
                "1.31 supported 1.31.0 1.31.0 -", "1.30 supported 1.30.0 1.30.2 -", "1.29 supported 1.29.0 1.29.0 -",
                "1.28 end-of-life 1.28.0 1.28.0 2024-08-13",
            ])
    }

    @Test("node preset: even majors become LTS for 12 + 18 months; odd majors end after six months Current")
    func node() throws {
        let releases = points(["20.0.0@2023-04-18", "20.9.0@2023-10-24", "21.0.0@2023-10-17", "22.0.0@2024-04-24"])
        let table = Support.table(releases: releases, policy: preset("node"), at: day("2024-06-01"))
        #expect(
            rows(table) == [
                "22 current 22.0.0 22.0.0 2027-04-24", "21 end-of-life 21.0.0 21.0.0 2024-04-17",
                "20 active 20.0.0 20.9.0 2026-04-18",
            ])
        let twenty = try #require(table.line(of: version("20.0.0")))
        #expect(twenty.spans.map(\.name) == ["current", "active", "maintenance", "end-of-life"])
        #expect(twenty.endOfActiveSupport == day("2024-10-18"))
        #expect(twenty.isLTS)
        let odd = try #require(table.line(of: version("21.0.0")))
        #expect(!odd.isLTS)
        #expect(odd.endOfActiveSupport == day("2024-04-17"))
    }

    @Test("custom rules: a duration after the successor's first release, and explicit dates override the rules")
    func custom() {
        let policy = SupportPolicy(
            line: .major,
            phases: [
                PhaseRule(name: "active", newest: 1, takes: .minor),
                PhaseRule(name: "security", duration: PolicyDuration(6, .months), from: .successor, takes: .patch),
            ],
            dates: [LineDates(line: "3", end: day("2024-12-31"))])
        let releases = points(["1.0.0@2023-01-10", "2.0.0@2023-07-01", "3.0.0@2024-01-15", "4.0.0@2024-06-01"])
        let table = Support.table(releases: releases, policy: policy, at: day("2024-07-01"))
        #expect(
            rows(table) == [
                "4 active 4.0.0 4.0.0 -", "3 security 3.0.0 3.0.0 2024-12-31", "2 security 2.0.0 2.0.0 2024-07-15",
                "1 end-of-life 1.0.0 1.0.0 2024-01-01",
            ])
    }

    @Test("custom rules: the first limit reached ends a phase; an anchor on the first release")
    func earliestLimit() {
        let policy = SupportPolicy(
            line: .minor,
            phases: [PhaseRule(name: "supported", newest: 3, duration: PolicyDuration(1, .years), from: .firstRelease)])
        let releases = points(["1.0.0@2024-01-01", "1.1.0@2024-02-01", "1.2.0@2024-03-01"])
        let table = Support.table(releases: releases, policy: policy, at: day("2025-01-15"))
        #expect(
            rows(table) == [
                "1.2 supported 1.2.0 1.2.0 2025-03-01", "1.1 supported 1.1.0 1.1.0 2025-02-01",
                "1.0 end-of-life 1.0.0 1.0.0 2025-01-01",
            ])
    }

    @Test("only releases published by the date count; a date before any release has no lines")
    func atDate() {
        #expect(Support.table(releases: k6Like, policy: preset("k6"), at: day("2020-01-01")).lines.isEmpty)
        #expect(throws: LifecycleError.noReleases(at: day("2020-01-01"))) {
            try Support.fixTargets(
                since: version("1.0.0"),
                in: Support.table(releases: k6Like, policy: preset("k6"), at: day("2020-01-01")))
        }
    }
}

@Suite("Version status and fix targets")
struct VersionStatusTests {
    let table = Support.table(releases: k6Like, policy: preset("k6"), at: day("2026-11-22"))

    @Test(
        "support VERSION on k6-like history today",
        arguments: [
            ("2.2.0", "maintained", true, nil),
            ("2.1.0", "maintained", false, "2.2.0"),
            ("1.8.1", "supported", true, nil),
            ("1.1.0", "supported", false, "1.8.1"),
            ("0.59.0", "deprecated", false, "1.8.1"),
        ] as [(String, String, Bool, String?)])
    func status(version text: String, phase: String, fixes: Bool, upgrade: String?) throws {
        let status = try Support.status(of: version(text), in: table)
        #expect(status.line.phase.name == phase)
        #expect(status.getsFixes == fixes)
        #expect(status.upgradeTo?.version.description == upgrade)
        #expect(status.newestSupported?.version.description == "2.2.0")
    }

    @Test("a version above its line's newest release is not released: no fixes and nothing to upgrade to")
    func unreleased() throws {
        let status = try Support.status(of: version("1.9.0"), in: table)
        #expect(!status.getsFixes)
        #expect(status.upgradeTo == nil)
        #expect(!status.isNewestOfLine)
    }

    @Test("a version on a line without releases is named with the known lines")
    func unknownLine() {
        #expect(throws: LifecycleError.self) { try Support.status(of: version("7.0.0"), in: table) }
        do {
            _ = try Support.status(of: version("7.0.0"), in: table)
        } catch {
            #expect(error.description.contains("the lines are: 2, 1, 0"))
        }
    }

    @Test(
        "fix-targets: the next patch of the newest release of each line that gets fixes and holds the bug",
        arguments: [
            ("1.1.0", ["2 2.2.1", "1 1.8.2"]),
            ("2.1.0", ["2 2.2.1"]),
            ("0.50.0", ["2 2.2.1", "1 1.8.2"]),
        ])
    func fixTargets(since: String, expected: [String]) throws {
        let targets = try Support.fixTargets(since: version(since), in: table)
        #expect(targets.map { "\($0.line) \($0.release)" } == expected)
    }

    @Test("fix-targets while the next major is in development: its final release takes the fix")
    func development() throws {
        let may = Support.table(releases: k6Like, policy: preset("k6"), at: day("2026-05-01"))
        let targets = try Support.fixTargets(since: version("1.0.0"), in: may)
        #expect(targets.map { "\($0.line) \($0.release)" } == ["2 2.0.0", "1 1.7.2"])
    }
}

@Suite("minor-on-supported-line and cadence")
struct RuleAndCadenceTests {
    @Test(
        "a minor on a line whose phase took only patches that day",
        arguments: [("1.8.0", true), ("1.1.0", false), ("2.1.0", false), ("2.0.0", false), ("1.8.1", false)])
    func minorOnSupportedLine(release: String, fires: Bool) throws {
        let point = try #require(k6Like.first { $0.version.description == release })
        let message = Support.minorOnSupportedLine(point, releases: k6Like, policy: preset("k6"))
        #expect((message != nil) == fires)
        if fires {
            #expect(message?.contains("line 1, which was supported on 2026-06-08") == true)
        }
    }

    @Test("go-style lines never take a minor on an old line: a minor starts its own line")
    func goLines() {
        let releases = points(["1.20.0@2023-02-01", "1.21.0@2023-08-08", "1.22.0@2024-02-06", "1.20.10@2024-02-07"])
        for release in releases {
            #expect(Support.minorOnSupportedLine(release, releases: releases, policy: preset("go")) == nil)
        }
    }

    @Test("cadence: next major and minor due dates, overdue by days")
    func cadence() throws {
        let policy = CadencePolicy(major: PolicyDuration(1, .years), minor: PolicyDuration(6, .weeks))
        let statuses = Cadence.status(releases: k6Like, policy: policy, at: day("2026-11-22"))
        #expect(statuses.map(\.kind) == [.major, .minor])
        let major = try #require(statuses.first)
        #expect(major.last?.version.description == "2.0.0")
        #expect(major.due == day("2027-05-11"))
        #expect(!major.isOverdue)
        let minor = try #require(statuses.last)
        #expect(minor.last?.version.description == "2.2.0")
        #expect(minor.due == day("2026-09-21"))
        #expect(minor.overdueDays == 62)
    }
}

@Suite("Calendar days and durations")
struct CalendarTests {
    @Test(
        "ISO days round-trip and month arithmetic clamps",
        arguments: [
            ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2025-05-06", 12, "2026-05-06"),
            ("1969-12-31", 2, "1970-02-28"), ("2024-11-30", 18, "2026-05-30"),
        ])
    func months(start: String, months: Int, expected: String) {
        #expect(day(start).description == start)
        #expect(day(start).adding(months: months).description == expected)
    }

    @Test(
        "bad ISO days are rejected", arguments: ["2024-02-30", "2024-13-01", "24-01-01", "2024-1-01", "tomorrow", ""])
    func badDays(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test(
        "durations parse singular and plural units",
        arguments: [
            ("6 weeks", "6 weeks"), ("1 year", "1 year"), ("12 months", "12 months"), ("1 days", "1 day"),
            ("10000 years", "10000 years"),
        ])
    func durations(text: String, expected: String) {
        #expect(PolicyDuration(text: text)?.description == expected)
    }

    @Test(
        "bad durations are rejected",
        arguments: [
            "6", "weeks", "0 days", "-1 days", "6 fortnights", "1.5 years", "9223372036854775807 days",
            "999999999999999999 years", "10001 years", "3652426 days",
        ])
    func badDurations(text: String) {
        #expect(PolicyDuration(text: text) == nil)
    }
}
