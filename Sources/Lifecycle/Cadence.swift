import Policy
import SemVer

/// When the next release of one kind is due, and whether it is overdue.
public struct CadenceStatus: Sendable, Hashable {
    /// `major`, `minor` or `patch`.
    public let kind: Bump
    public let every: PolicyDuration
    /// The newest release of that kind; nil when there has been none.
    public let last: ReleasePoint?
    /// Nil when there is no release to count from.
    public let due: CalendarDay?
    /// Days past `due` at the table's date (0 when not overdue).
    public let overdueDays: Int

    /// Whether the release is overdue: a warning, never a failure.
    public var isOverdue: Bool { overdueDays > 0 }
}

/// Release cadence: when the next major, minor and patch are due.
public enum Cadence {
    /// The status of each kind the policy sets, major first.
    public static func status(releases: [ReleasePoint], policy: CadencePolicy?, at: CalendarDay) -> [CadenceStatus] {
        guard let policy else { return [] }
        let finals = releases.filter { !$0.version.isPrerelease && $0.day <= at }
        let newestMajor = finals.map(\.version.major).max()
        let kinds: [(Bump, PolicyDuration?, (ReleasePoint) -> Bool)] = [
            (.major, policy.major, { $0.version.major > 0 && $0.version.minor == 0 && $0.version.patch == 0 }),
            // Minors on the newest major only: a feature release on an older line does not move the train.
            (.minor, policy.minor, { $0.version.patch == 0 && $0.version.major == newestMajor }),
            (.patch, policy.patch, { _ in true }),
        ]
        return kinds.compactMap { kind, every, counts in
            guard let every else { return nil }
            let last = finals.filter(counts).max { ($0.day, $0.version) < ($1.day, $1.version) }
            let due = last.map { every.after($0.day) }
            let overdue = due.map { max(0, $0.days(until: at)) } ?? 0
            return CadenceStatus(kind: kind, every: every, last: last, due: due, overdueDays: overdue)
        }
    }
}
