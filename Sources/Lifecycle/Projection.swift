import Policy
import SemVer

/// A release the cadence expects: the next line's first final release, due on a day.
public struct ExpectedRelease: Sendable, Hashable {
    public let version: Version
    public let day: CalendarDay
}

/// What the cadence projects for a line whose end is not known yet: its phases once the releases the cadence
/// expects have shipped on time. A projection, never a fact: outputs mark it so.
public struct LineProjection: Sendable, Hashable {
    /// The phases from the line's first release on, the later ones projected.
    public let spans: [PhaseSpan]
    /// When the line stops getting fixes (the start of the end phase), projected.
    public let end: CalendarDay?
    /// The expected release whose shipping ends the line, when one does.
    public let endsWith: ExpectedRelease?
}

extension SupportTable {
    /// The releases the cadence expects after the table's date: the first final release of each of the next lines
    /// (majors under `line: major`, minors under `line: minor`), enough of them to end every phase that counts newer
    /// lines. The first is due when the cadence says, or at the table's date when that has passed; each next one a
    /// cadence period later. Empty when the policy sets no cadence for that kind of release.
    public var expectedReleases: [ExpectedRelease] {
        let kind: Bump = policy.line == .major ? .major : .minor
        guard let status = cadence.first(where: { $0.kind == kind }), let due = status.due,
            let newest = lines.first
        else { return [] }
        let count = (policy.phases.compactMap(\.newest).max() ?? 0) + 1
        var next: (major: UInt64, minor: UInt64)
        // A line with only pre-releases so far ships its first final release next.
        if newest.firstRelease == nil {
            next = (newest.line.major, newest.line.minor ?? 0)
        } else if policy.line == .major {
            guard newest.line.major < UInt64.max - UInt64(count) else { return [] }
            next = (newest.line.major + 1, 0)
        } else {
            guard let minor = newest.line.minor, minor < UInt64.max - UInt64(count) else { return [] }
            next = (newest.line.major, minor + 1)
        }
        var day = max(due, at)
        var expected: [ExpectedRelease] = []
        for _ in 0..<count {
            expected.append(ExpectedRelease(version: Version(major: next.major, minor: next.minor, patch: 0), day: day))
            if policy.line == .major { next.major += 1 } else { next.minor += 1 }
            day = status.every.after(day)
        }
        return expected
    }
}

extension Support {
    /// The projection of every line whose end the table does not know, from the releases the cadence expects;
    /// empty without a cadence for the kind of release that starts a line. `releases` are the table's releases.
    public static func projections(
        of table: SupportTable, releases: [ReleasePoint]
    ) -> [LineID: LineProjection] {
        let expected = table.expectedReleases
        guard let last = expected.last, table.lines.contains(where: { $0.end == nil }) else { return [:] }
        let known = releases.filter { $0.day <= table.at }
        let future = expected.map { ReleasePoint(version: $0.version, day: $0.day) }
        let projected = Support.table(releases: known + future, policy: table.policy, at: last.day)
        var result: [LineID: LineProjection] = [:]
        for line in table.lines where line.end == nil {
            guard let later = projected.lines.first(where: { $0.line == line.line }) else { continue }
            let endsWith = later.end.flatMap { end in expected.first { $0.day == end } }
            result[line.line] = LineProjection(spans: later.spans, end: later.end, endsWith: endsWith)
        }
        return result
    }
}
