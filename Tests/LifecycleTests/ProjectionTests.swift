import Lifecycle
import Policy
import SemVer
import Testing

/// k6's shape: line 0 until 1.0.0, line 1 from 2025-05-06, line 2 from 2026-05-11, a major a year.
private let k6Releases = points([
    "0.59.0@2025-05-05", "1.0.0@2025-05-06", "1.8.1@2026-08-12", "2.0.0@2026-05-11", "2.2.0@2026-08-10",
])
private let cadence = CadencePolicy(major: PolicyDuration(1, .years), minor: PolicyDuration(6, .weeks))

private func k6Table(at: String, releases: [ReleasePoint] = k6Releases) -> SupportTable {
    var table = Support.table(releases: releases, policy: preset("k6"), cadence: cadence, at: day(at))
    table.projections = Support.projections(of: table, releases: releases)
    return table
}

@Suite("Projections from the cadence and remove-when conditions")
struct ProjectionTests {
    @Test("the next majors are expected a year apart from the last major; they end lines 1 and 2")
    func k6Projection() {
        let table = k6Table(at: "2026-12-05")
        #expect(
            table.expectedReleases.map { "\($0.version)@\($0.day)" }
                == ["3.0.0@2027-05-11", "4.0.0@2028-05-11", "5.0.0@2029-05-11"])
        #expect(table.projections[LineID(major: 1)]?.end == day("2027-05-11"))
        #expect(table.projections[LineID(major: 1)]?.endsWith?.version == version("3.0.0"))
        #expect(table.projections[LineID(major: 2)]?.end == day("2028-05-11"))
        #expect(
            table.projections[LineID(major: 2)]?.spans.map { "\($0.name) \($0.start)" }
                == ["maintained 2026-05-11", "supported 2027-05-11", "deprecated 2028-05-11"])
        // Line 0's end is known: nothing to project.
        #expect(table.projections[LineID(major: 0)] == nil)
        // The table itself still says the ends are not known.
        #expect(table.lines.first?.end == nil)
    }

    @Test("an overdue major is expected on the table's date, not in the past")
    func overdueMajor() {
        let table = k6Table(at: "2027-08-01")
        #expect(table.expectedReleases.first.map { "\($0.version)@\($0.day)" } == "3.0.0@2027-08-01")
    }

    @Test("a line with only pre-releases ships its first final release next")
    func developmentLine() {
        let table = k6Table(at: "2027-04-20", releases: k6Releases + points(["3.0.0-rc1@2027-04-15"]))
        #expect(table.expectedReleases.first?.version == version("3.0.0"))
    }

    @Test("without a major cadence nothing is projected")
    func noCadence() {
        let table = Support.table(releases: k6Releases, policy: preset("k6"), cadence: nil, at: day("2026-12-05"))
        #expect(table.expectedReleases.isEmpty)
        #expect(Support.projections(of: table, releases: k6Releases).isEmpty)
    }

    @Test("line 1 deprecated: not yet at 2.2.x, projected with 3.0.0; holds once 3.0.0 ships")
    func condition() {
        let condition = RemovalCondition(line: "1", phase: "deprecated")
        let now = Support.evaluate(
            condition, in: k6Table(at: "2026-12-05"),
            projections: k6Table(at: "2026-12-05")
                .projections)
        #expect(!now.holds)
        #expect(now.phase == "supported")
        #expect(now.projected == day("2027-05-11"))
        #expect(now.projectedWith?.version == version("3.0.0"))
        let later = Support.evaluate(
            condition, in: k6Table(at: "2027-06-01", releases: k6Releases + points(["3.0.0@2027-05-20"])))
        #expect(later.holds)
        #expect(later.since == day("2027-05-20"))
        // A phase before the one named counts as not reached; the end phase reached counts for earlier phases.
        #expect(!Support.evaluate(RemovalCondition(line: "2", phase: "supported"), in: k6Table(at: "2026-12-05")).holds)
        #expect(Support.evaluate(RemovalCondition(line: "0", phase: "supported"), in: k6Table(at: "2026-12-05")).holds)
        // A line with no release never holds.
        #expect(
            !Support.evaluate(RemovalCondition(line: "9", phase: "deprecated"), in: k6Table(at: "2026-12-05")).holds)
    }

    @Test(
        "shipping a release decides the condition: 3.0.0 (and its pre-release) moves line 1 to deprecated, 2.3.0 not",
        arguments: [("3.0.0", true), ("3.0.0-rc.1", true), ("2.3.0", false), ("2.2.1", false)])
    func shipping(release: String, holds: Bool) {
        let status = Support.evaluate(
            RemovalCondition(line: "1", phase: "deprecated"),
            whenShipping: ReleasePoint(version: version(release), day: day("2027-05-20")), releases: k6Releases,
            policy: preset("k6"))
        #expect(status.holds == holds)
    }
}

@Suite("The planned removal of a deprecation")
struct PlannedRemovalTests {
    private func record(
        since: String = "1.5.0@2026-01-05", declared: String? = nil, head: String = "2.2.0",
        promotion: PromotionDeadline? = nil, condition: ConditionStatus? = nil, present: Bool = true
    ) -> DeprecationRecord {
        let releases = points([
            "1.5.0@2026-01-05", "1.6.0@2026-02-16", "1.7.0@2026-03-30", "1.8.0@2026-04-20", "2.0.0@2026-05-11",
            "2.1.0@2026-06-22", "2.2.0@2026-08-10",
        ])
        return Deprecations.record(
            item: "modules:k6/experimental/websockets", since: points([since])[0],
            declaredRemoval: declared.map(version), replacement: nil, present: present, headVersion: version(head),
            removedIn: nil, period: DeprecationPeriod(restOfMajor: true), releases: releases, at: day("2026-12-05"),
            promotion: promotion, condition: condition)
    }

    @Test("with nothing declared it is the next major after head, never overdue (2.2.x: 3.0.0, not 2.0.0)")
    func nextMajor() {
        let record = record()
        #expect(record.plannedRemoval == version("3.0.0"))
        #expect(record.removalBasis == .nextMajor)
        #expect(record.state == .removable)
    }

    @Test("a declared remove-in that has shipped with the item still there is overdue")
    func declaredOverdue() {
        let record = record(declared: "2.0.0")
        #expect(record.plannedRemoval == version("2.0.0"))
        #expect(record.state == .overdue)
    }

    @Test("the old key of a promotion is due the minor after remove-within minors, as promotion-window counts")
    func promotion() {
        let deadline = PromotionDeadline(
            newKey: "modules:k6/websockets", promotedIn: points(["1.6.0@2026-02-16"])[0], removeWithin: 3)
        let record = record(promotion: deadline)
        #expect(record.removalBasis == .promotion)
        #expect(record.plannedRemoval == version("2.1.0"))
        #expect(record.state == .overdue)
        let early = self.record(head: "2.0.0", promotion: deadline)
        #expect(early.state != .overdue)
    }

    @Test("a remove-when that does not hold keeps the item in its window")
    func conditionKeepsItInWindow() {
        let pending = ConditionStatus(
            condition: RemovalCondition(line: "1", phase: "deprecated"), holds: false, since: nil, phase: "supported",
            projected: nil, projectedWith: nil)
        #expect(record(condition: pending).state == .inWindow)
        let met = ConditionStatus(
            condition: RemovalCondition(line: "1", phase: "deprecated"), holds: true, since: day("2026-11-01"),
            phase: "deprecated", projected: nil, projectedWith: nil)
        #expect(record(condition: met).state == .removable)
    }
}
