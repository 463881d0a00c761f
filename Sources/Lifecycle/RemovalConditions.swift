import Policy
import SemVer

/// Where a `remove-when` condition stands on a day.
public struct ConditionStatus: Sendable, Hashable {
    public let condition: RemovalCondition
    /// Whether the line has reached the phase (or a later one).
    public let holds: Bool
    /// The day it started to hold, when it does.
    public let since: CalendarDay?
    /// The line's phase on the day; nil when the line has no release yet.
    public let phase: String?
    /// When the cadence projects it to hold, when it does not yet (and the policy sets a cadence).
    public let projected: CalendarDay?
    /// The expected release that makes it hold, when one does.
    public let projectedWith: ExpectedRelease?

    public init(
        condition: RemovalCondition, holds: Bool, since: CalendarDay?, phase: String?, projected: CalendarDay?,
        projectedWith: ExpectedRelease?
    ) {
        self.condition = condition
        self.holds = holds
        self.since = since
        self.phase = phase
        self.projected = projected
        self.projectedWith = projectedWith
    }
}

extension Support {
    /// Whether `condition` holds in `table`: the line has reached the phase it names, or a phase after it in the
    /// policy's order. `projections` (from ``projections(of:releases:)``) say when it is expected to hold.
    public static func evaluate(
        _ condition: RemovalCondition, in table: SupportTable, projections: [LineID: LineProjection] = [:]
    ) -> ConditionStatus {
        let order = table.policy.phaseNames
        let wanted = order.firstIndex(of: condition.phase) ?? order.count
        func reached(_ span: PhaseSpan) -> Bool { (order.firstIndex(of: span.name) ?? -1) >= wanted }
        guard let id = LineID(text: condition.line), let line = table.lines.first(where: { $0.line == id }) else {
            return ConditionStatus(
                condition: condition, holds: false, since: nil, phase: nil, projected: nil, projectedWith: nil)
        }
        let holds = reached(line.phase)
        let since = holds ? line.spans.first(where: reached)?.start : nil
        var projected: CalendarDay?
        var projectedWith: ExpectedRelease?
        if !holds, let projection = projections[id], let span = projection.spans.first(where: reached) {
            projected = span.start
            projectedWith = table.expectedReleases.first { $0.day == span.start }
        }
        return ConditionStatus(
            condition: condition, holds: holds, since: since, phase: line.phase.name, projected: projected,
            projectedWith: projectedWith)
    }

    /// Whether `condition` holds once `release` ships on its day: the table of the releases published by then with
    /// `release` among them. A pre-release counts as the final version it leads to (`3.0.0-rc1` as `3.0.0`), as the
    /// bump rules count it.
    public static func evaluate(
        _ condition: RemovalCondition, whenShipping release: ReleasePoint, releases: [ReleasePoint],
        policy: SupportPolicy
    ) -> ConditionStatus {
        let final = Version(major: release.version.major, minor: release.version.minor, patch: release.version.patch)
        let others = releases.filter { $0.day <= release.day && !$0.version.hasSamePrecedence(as: final) }
        let point = ReleasePoint(version: final, day: release.day, tag: release.tag)
        return evaluate(condition, in: table(releases: others + [point], policy: policy, at: release.day))
    }
}
