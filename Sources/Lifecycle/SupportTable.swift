import Policy
import Releases
import SemVer

/// A release as the lifecycle rules see it: a version and the UTC day it was published.
public struct ReleasePoint: Sendable, Hashable {
    public let version: Version
    public let day: CalendarDay
    public let tag: String

    public init(version: Version, day: CalendarDay, tag: String? = nil) {
        self.version = version
        self.day = day
        self.tag = tag ?? "v\(version)"
    }

    /// The point of a release read from git (its tagger or committer date, as a UTC day).
    public init(_ release: Release) {
        self.init(
            version: release.version, day: CalendarDay(secondsSinceEpoch: release.date.timeIntervalSince1970),
            tag: release.tag)
    }

    /// Whether this is a minor or major release (`x.y.0`, final): the releases cadences and periods count.
    public var isFeatureRelease: Bool { !version.isPrerelease && version.patch == 0 }
}

/// A release line: a major (`2`) or a minor (`1.21`).
public struct LineID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let major: UInt64
    /// Nil for major lines.
    public let minor: UInt64?

    public init(major: UInt64, minor: UInt64? = nil) {
        self.major = major
        self.minor = minor
    }

    /// The line `version` belongs to.
    public init(_ version: Version, granularity: LineGranularity) {
        self.init(major: version.major, minor: granularity == .minor ? version.minor : nil)
    }

    /// Parses `2` or `1.21`.
    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { UInt64($0) }
        guard (1...2).contains(parts.count), let major = parts[0] else { return nil }
        if parts.count == 2 {
            guard let minor = parts[1] else { return nil }
            self.init(major: major, minor: minor)
        } else {
            self.init(major: major)
        }
    }

    /// The number even/odd filters look at: the minor of a minor line, else the major.
    public var lastNumber: UInt64 { minor ?? major }

    public var description: String { minor.map { "\(major).\($0)" } ?? "\(major)" }

    public static func < (lhs: LineID, rhs: LineID) -> Bool {
        (lhs.major, lhs.minor ?? 0) < (rhs.major, rhs.minor ?? 0)
    }
}

/// A stretch of time a line spends in one phase; `end` is nil while it is not known.
public struct PhaseSpan: Sendable, Hashable {
    public let name: String
    public let start: CalendarDay
    public let end: CalendarDay?
    /// The largest release the phase accepts.
    public let takes: Bump
    public let fixes: Bool
    public let lts: Bool

    /// Whether `day` falls in the span.
    public func contains(_ day: CalendarDay) -> Bool {
        start <= day && end.map { day < $0 } ?? true
    }
}

/// One release line at a date: its releases, its phases over time and the phase it is in.
public struct LineStatus: Sendable {
    public let line: LineID
    /// The first final release (nil while the line has only pre-releases).
    public let firstRelease: ReleasePoint?
    /// The first release of any kind (a pre-release of a line in development).
    public let firstSeen: ReleasePoint
    /// The newest release by precedence: the newest final one when there is one.
    public let latest: ReleasePoint
    /// The phases from first release on; the last one is open-ended.
    public let spans: [PhaseSpan]
    /// The phase at the table's date.
    public let phase: PhaseSpan
    /// When the line stops getting fixes (the start of the end phase), when known.
    public let end: CalendarDay?
    /// The end of active support: when the line stops taking minors, when known.
    public let endOfActiveSupport: CalendarDay?
    /// What the unknown end waits for, such as `3 ships`.
    public let endCondition: String?

    /// Whether the line's newest release gets fixes at the table's date.
    public var getsFixes: Bool { phase.fixes }

    /// Whether any phase of the line is long-term support.
    public var isLTS: Bool { spans.contains { $0.lts } }
}

/// The support table: every line that has a release by `at`, newest first, with the release cadence.
public struct SupportTable: Sendable {
    public let at: CalendarDay
    public let policy: SupportPolicy
    public let lines: [LineStatus]
    public let cadence: [CadenceStatus]
    /// What the cadence projects for the lines whose end is not known (see ``Support/projections(of:releases:)``);
    /// empty until a caller that has the releases fills it.
    public var projections: [LineID: LineProjection] = [:]

    /// The line of `version`, if it has a release by the table's date.
    public func line(of version: Version) -> LineStatus? {
        let id = LineID(version, granularity: policy.line)
        return lines.first { $0.line == id }
    }
}

/// Why a support question cannot be answered; the text names the fix.
public enum LifecycleError: Error, Sendable, Equatable, CustomStringConvertible {
    case noReleases(at: CalendarDay)
    case unknownLine(version: Version, line: LineID, known: [LineID])
    case noNextPatch(after: Version)

    public var description: String {
        switch self {
        case .noReleases(let at):
            return "no release was published by \(at); pass a later --at date"
        case .unknownLine(let version, let line, let known):
            let lines = known.map(\.description).joined(separator: ", ")
            return "no release on line \(line) (of \(version)) was published by the date asked; the lines are: "
                + (lines.isEmpty ? "none" : lines)
        case .noNextPatch(let after):
            return "release \(after) has no next patch: its patch number is at the 64-bit limit \(UInt64.max); "
                + "tag the fix as a new minor instead"
        }
    }
}

/// Support windows as pure functions over releases, a support policy and a date.
public enum Support {
    /// The table at `at`: only releases published by that day count.
    public static func table(
        releases: [ReleasePoint], policy: SupportPolicy, cadence: CadencePolicy? = nil, at: CalendarDay
    ) -> SupportTable {
        let known = releases.filter { $0.day <= at }
        var byLine: [LineID: [ReleasePoint]] = [:]
        for release in known {
            byLine[LineID(release.version, granularity: policy.line), default: []].append(release)
        }
        // First final release of each line, for `newest` and `successor`.
        var firstFinal: [LineID: CalendarDay] = [:]
        for (line, points) in byLine {
            if let day = points.filter({ !$0.version.isPrerelease }).map(\.day).min() { firstFinal[line] = day }
        }
        let released = firstFinal.keys.sorted()
        var statuses: [LineStatus] = []
        for (line, points) in byLine {
            statuses.append(
                status(
                    of: line, points: points, released: released, firstFinal: firstFinal,
                    policy: policy, at: at))
        }
        statuses.sort { $0.line > $1.line }
        return SupportTable(
            at: at, policy: policy, lines: statuses, cadence: Cadence.status(releases: known, policy: cadence, at: at))
    }

    private static func status(
        of line: LineID, points: [ReleasePoint], released: [LineID], firstFinal: [LineID: CalendarDay],
        policy: SupportPolicy, at: CalendarDay
    ) -> LineStatus {
        let sorted = points.sorted { $0.version < $1.version }
        let finals = sorted.filter { !$0.version.isPrerelease }
        let firstSeen = points.min { ($0.day, $0.version) < ($1.day, $1.version) } ?? sorted[0]
        let latest = finals.last ?? sorted[sorted.count - 1]
        let overrides = policy.dates.first { LineID(text: $0.line) == line }
        guard let first = finals.min(by: { ($0.day, $0.version) < ($1.day, $1.version) }) else {
            let span = PhaseSpan(
                name: policy.developmentPhase, start: firstSeen.day, end: nil, takes: .major, fixes: true, lts: false)
            return LineStatus(
                line: line, firstRelease: nil, firstSeen: firstSeen, latest: latest, spans: [span], phase: span,
                end: nil, endOfActiveSupport: nil, endCondition: "its first final release")
        }
        var spans: [PhaseSpan] = []
        if firstSeen.day < first.day {
            spans.append(
                PhaseSpan(
                    name: policy.developmentPhase, start: firstSeen.day, end: first.day, takes: .major, fixes: true,
                    lts: false))
        }
        let newer = released.filter { $0 > line }
        let successorDay = newer.first.flatMap { firstFinal[$0] }
        var start: CalendarDay? = first.day
        var condition: String?
        let rules = policy.phases.filter { $0.lines.admits(line.lastNumber) }
        for (index, rule) in rules.enumerated() {
            guard let phaseStart = start else { break }
            var candidates: [CalendarDay] = []
            var waiting: String?
            if let count = rule.newest {
                if newer.count >= count, let day = firstFinal[newer[count - 1]] {
                    candidates.append(day)
                } else {
                    let missing = count - newer.count
                    waiting = missing == 1 ? "a newer line ships" : "\(missing) newer lines ship"
                }
            }
            if let duration = rule.duration {
                switch rule.from {
                case .phaseStart: candidates.append(duration.after(phaseStart))
                case .firstRelease: candidates.append(duration.after(first.day))
                case .successor:
                    if let successorDay {
                        candidates.append(duration.after(successorDay))
                    } else {
                        waiting = waiting ?? "the next line ships"
                    }
                }
            }
            var end = candidates.min()
            if let explicit = overrides?.phaseEnds[rule.name] { end = explicit }
            if let end, end <= phaseStart { continue }
            spans.append(
                PhaseSpan(
                    name: rule.name, start: phaseStart, end: end, takes: rule.takes, fixes: rule.fixes, lts: rule.lts))
            start = end
            if end == nil, let waiting {
                condition = Self.endCondition(waiting: waiting, after: rules.dropFirst(index + 1), newer: newer.count)
            }
        }
        var end = start
        if let explicit = overrides?.end {
            end = explicit
            condition = nil
            spans = spans.compactMap { span in
                guard span.start < explicit else { return nil }
                guard let spanEnd = span.end, spanEnd <= explicit else {
                    return PhaseSpan(
                        name: span.name, start: span.start, end: explicit, takes: span.takes, fixes: span.fixes,
                        lts: span.lts)
                }
                return span
            }
        }
        if let end {
            spans.append(PhaseSpan(name: policy.endPhase, start: end, end: nil, takes: .none, fixes: false, lts: false))
        }
        let phase =
            spans.last { $0.contains(at) } ?? spans.last
            ?? PhaseSpan(name: policy.endPhase, start: first.day, end: nil, takes: .none, fixes: false, lts: false)
        let active = spans.filter { $0.takes >= .minor && $0.name != policy.developmentPhase }
        let activeEnd: CalendarDay? = active.isEmpty ? first.day : active.last?.end
        return LineStatus(
            line: line, firstRelease: first, firstSeen: firstSeen, latest: latest, spans: spans, phase: phase,
            end: end, endOfActiveSupport: activeEnd, endCondition: end == nil ? condition : nil)
    }

    /// What the end of a line waits for once a phase's end is unknown: the remaining phases after it.
    private static func endCondition(waiting: String, after rest: ArraySlice<PhaseRule>, newer: Int) -> String {
        var event = waiting
        var durations: [String] = []
        for rule in rest {
            if let count = rule.newest, rule.duration == nil {
                let missing = count - newer
                event = missing <= 1 ? "a newer line ships" : "\(missing) newer lines ship"
                durations = []
            } else if let duration = rule.duration {
                durations.append(duration.description)
            }
        }
        return durations.isEmpty ? event : durations.joined(separator: " + ") + " after " + event
    }

    /// The phase `release` was published into: the table just before it, without the release itself. Nil for the
    /// first release of a line (which starts it).
    public static func phaseAtPublication(
        of release: ReleasePoint, releases: [ReleasePoint], policy: SupportPolicy
    ) -> PhaseSpan? {
        let others = releases.filter {
            !$0.version.hasSamePrecedence(as: release.version) && $0.day <= release.day
        }
        let table = Support.table(releases: others, policy: policy, at: release.day)
        return table.line(of: release.version)?.phase
    }

    /// The `minor-on-supported-line` question: the message when `release` is a minor or major published on a line
    /// whose phase took only patches (or nothing) that day; nil when it was allowed.
    public static func minorOnSupportedLine(
        _ release: ReleasePoint, releases: [ReleasePoint], policy: SupportPolicy
    ) -> String? {
        guard !release.version.isPrerelease, release.version.patch == 0 else { return nil }
        guard let phase = phaseAtPublication(of: release, releases: releases, policy: policy),
            phase.takes < .minor
        else { return nil }
        let line = LineID(release.version, granularity: policy.line)
        let allowed = phase.takes == .patch ? "takes only patches" : "takes no releases"
        return "\(release.version) is a feature release on line \(line), which was \(phase.name) on \(release.day) "
            + "(\(allowed) under the support policy)"
    }

    /// A version's standing at the table's date.
    public static func status(of version: Version, in table: SupportTable) throws(LifecycleError) -> VersionStatus {
        guard let line = table.line(of: version) else {
            if table.lines.isEmpty { throw .noReleases(at: table.at) }
            throw .unknownLine(
                version: version, line: LineID(version, granularity: table.policy.line),
                known: table.lines.map(\.line))
        }
        let isNewest = line.latest.version.hasSamePrecedence(as: version)
        let getsFixes = line.getsFixes && isNewest
        var upgrade: ReleasePoint?
        // A version above its line's newest release is not published yet: there is nothing to upgrade it to.
        let unreleased = line.latest.version < version && !isNewest
        if !getsFixes, !unreleased {
            if line.getsFixes, version < line.latest.version {
                upgrade = line.latest
            } else {
                // The smallest jump: the newest release of the oldest newer line that still gets fixes.
                upgrade =
                    table.lines.reversed().first { $0.line > line.line && $0.getsFixes && $0.firstRelease != nil }?
                    .latest
            }
        }
        let newestFixed = table.lines.first { $0.getsFixes && $0.firstRelease != nil }?.latest
        return VersionStatus(
            version: version, line: line, isNewestOfLine: isNewest, getsFixes: getsFixes, upgradeTo: upgrade,
            newestSupported: newestFixed)
    }

    /// For a bug present since `version`: the next patch of the newest release of each line that gets fixes and
    /// holds the bug (its newest release is not below `version`). Newest line first.
    public static func fixTargets(since version: Version, in table: SupportTable) throws(LifecycleError)
        -> [FixTarget]
    {
        if table.lines.isEmpty { throw .noReleases(at: table.at) }
        var targets: [FixTarget] = []
        for line in table.lines where line.getsFixes && !(line.latest.version < version) {
            guard let release = line.latest.version.bumpedIfPossible(.patch) else {
                throw .noNextPatch(after: line.latest.version)
            }
            targets.append(FixTarget(line: line.line, phase: line.phase.name, after: line.latest, release: release))
        }
        return targets
    }
}

/// One version's standing: its line's phase, whether it gets fixes, and where to go.
public struct VersionStatus: Sendable {
    public let version: Version
    public let line: LineStatus
    /// Whether the version is its line's newest release (only that one gets fixes).
    public let isNewestOfLine: Bool
    public let getsFixes: Bool
    /// The nearest release that gets fixes, when this one does not.
    public let upgradeTo: ReleasePoint?
    /// The newest release of the newest line that gets fixes.
    public let newestSupported: ReleasePoint?
}

/// A patch release the policy calls for.
public struct FixTarget: Sendable, Hashable {
    public let line: LineID
    public let phase: String
    /// The release the patch follows.
    public let after: ReleasePoint
    public let release: Version
}
