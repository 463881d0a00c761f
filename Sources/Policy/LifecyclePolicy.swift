import SemVer

/// A calendar day in UTC, counted from 1970-01-01; the unit of every date in policies and support tables.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day `year-month-day`; nil when the month or day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = era * 146_097 + doe - 719_468
    }

    /// Parses an ISO date `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day holding the instant `seconds` after 1970-01-01T00:00:00Z.
    public init(secondsSinceEpoch seconds: Double) {
        daysSinceEpoch = Int((seconds / 86_400).rounded(.down))
    }

    /// Year, month and day (civil_from_days).
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// The same day of the month `count` months later, clamped to the month's last day (Jan 31 + 1 month: Feb 28).
    public func adding(months count: Int) -> CalendarDay {
        let (year, month, day) = components
        let total = year * 12 + (month - 1) + count
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let clamped = min(day, Self.daysIn(month: newMonth, year: newYear))
        return CalendarDay(year: newYear, month: newMonth, day: clamped) ?? self
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDay) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A length of time written in a policy: `6 weeks`, `12 months`, `1 year`, `90 days`.
public struct PolicyDuration: Sendable, Hashable, CustomStringConvertible {
    /// The unit of a duration.
    public enum Unit: String, Sendable, CaseIterable {
        case days, weeks, months, years
    }

    public var count: Int
    public var unit: Unit

    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The longest duration a policy may write, in days (10,000 years): day arithmetic stays far from overflow.
    public static let maximumDays = 3_652_425

    /// Parses `N unit` (singular or plural unit); nil for anything else, and for durations over `maximumDays`.
    public init?(text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let count = Int(parts[0]), count > 0 else { return nil }
        var name = String(parts[1]).lowercased()
        if !name.hasSuffix("s") { name += "s" }
        guard let unit = Unit(rawValue: name), count <= Self.maximumCount(of: unit) else { return nil }
        self.init(count, unit)
    }

    /// The largest count of `unit` that stays within `maximumDays`.
    public static func maximumCount(of unit: Unit) -> Int {
        switch unit {
        case .days: return maximumDays
        case .weeks: return maximumDays / 7
        case .months: return 120_000
        case .years: return 10_000
        }
    }

    /// `6 weeks`, `1 year`.
    public var description: String {
        let name = count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue
        return "\(count) \(name)"
    }

    /// The day this long after `day`.
    public func after(_ day: CalendarDay) -> CalendarDay {
        switch unit {
        case .days: return day.adding(days: count)
        case .weeks: return day.adding(days: 7 * count)
        case .months: return day.adding(months: count)
        case .years: return day.adding(months: 12 * count)
        }
    }
}

/// What a release line is: each major (`1`, `2`) or each minor (`1.21`, `1.22`, as Go and Kubernetes count).
public enum LineGranularity: String, Sendable, CaseIterable {
    case major, minor
}

/// Where a phase's duration is counted from.
public enum DurationAnchor: String, Sendable, CaseIterable {
    /// When the phase starts (the previous phase's end, or the line's first release).
    case phaseStart = "phase-start"
    /// The line's first final release.
    case firstRelease = "first-release"
    /// The first final release of the next newer line.
    case successor
}

/// Which lines a phase applies to (Node.js: only even majors become LTS).
public enum LineFilter: String, Sendable, CaseIterable {
    case all, even, odd

    /// Whether a line whose last number is `number` passes the filter.
    public func admits(_ number: UInt64) -> Bool {
        switch self {
        case .all: return true
        case .even: return number % 2 == 0
        case .odd: return number % 2 == 1
        }
    }
}

/// One phase a line passes through; it ends at the earliest of its limits (`newest`, `duration`).
public struct PhaseRule: Sendable, Hashable {
    public var name: String
    /// The phase lasts while the line is among the N newest lines that have a final release.
    public var newest: Int?
    public var duration: PolicyDuration?
    public var from: DurationAnchor
    public var lines: LineFilter
    /// The largest release the phase accepts on the line: `minor` (features), `patch` (fixes only), or `none`.
    public var takes: Bump
    /// Whether the line's newest release gets fixes in this phase.
    public var fixes: Bool
    /// Long-term support (endoflife.date's `lts`).
    public var lts: Bool

    public init(
        name: String, newest: Int? = nil, duration: PolicyDuration? = nil, from: DurationAnchor = .phaseStart,
        lines: LineFilter = .all, takes: Bump = .patch, fixes: Bool = true, lts: Bool = false
    ) {
        self.name = name
        self.newest = newest
        self.duration = duration
        self.from = from
        self.lines = lines
        self.takes = takes
        self.fixes = fixes
        self.lts = lts
    }
}

/// Explicit dates for one line that override what the rules compute.
public struct LineDates: Sendable, Hashable {
    /// The line as written: `1` or `1.21`.
    public var line: String
    /// Phase name to the day that phase ends.
    public var phaseEnds: [String: CalendarDay]
    /// The day the line stops getting fixes altogether.
    public var end: CalendarDay?
    /// The policy line of the entry.
    public var sourceLine: Int

    public init(line: String, phaseEnds: [String: CalendarDay] = [:], end: CalendarDay? = nil, sourceLine: Int = 0) {
        self.line = line
        self.phaseEnds = phaseEnds
        self.end = end
        self.sourceLine = sourceLine
    }
}

/// Which release lines get fixes and features, and for how long.
public struct SupportPolicy: Sendable, Hashable {
    /// The preset the rules came from, if any.
    public var preset: String?
    public var line: LineGranularity
    /// The phases after a line's first final release, in order.
    public var phases: [PhaseRule]
    /// The phase of a line that has only pre-releases so far.
    public var developmentPhase: String
    /// The phase after the last one: no releases, no fixes.
    public var endPhase: String
    public var dates: [LineDates]

    public init(
        preset: String? = nil, line: LineGranularity = .major, phases: [PhaseRule],
        developmentPhase: String = "development", endPhase: String = "end-of-life", dates: [LineDates] = []
    ) {
        self.preset = preset
        self.line = line
        self.phases = phases
        self.developmentPhase = developmentPhase
        self.endPhase = endPhase
        self.dates = dates
    }

    /// The presets, by name: the policies projects commonly publish.
    public static let presets: [String: SupportPolicy] = [
        // k6: actively maintained = the latest major; supported = the previous major, patches only; older ones
        // are deprecated. Only the newest release of a line gets fixes.
        "k6": SupportPolicy(
            preset: "k6", line: .major,
            phases: [
                PhaseRule(name: "maintained", newest: 1, takes: .minor),
                PhaseRule(name: "supported", newest: 2, takes: .patch),
            ],
            endPhase: "deprecated"),
        // Go: each minor line is supported until two newer minor lines have shipped.
        "go": SupportPolicy(
            preset: "go", line: .minor, phases: [PhaseRule(name: "supported", newest: 2, takes: .patch)]),
        // Kubernetes: the three newest minor lines get patch releases.
        "kubernetes": SupportPolicy(
            preset: "kubernetes", line: .minor, phases: [PhaseRule(name: "supported", newest: 3, takes: .patch)]),
        // Node.js: every major is Current for six months; even majors then become LTS, active for 12 months and in
        // maintenance for 18 more; odd majors end after Current.
        "node": SupportPolicy(
            preset: "node", line: .major,
            phases: [
                PhaseRule(name: "current", duration: PolicyDuration(6, .months), takes: .minor),
                PhaseRule(
                    name: "active", duration: PolicyDuration(12, .months), lines: .even, takes: .minor, lts: true),
                PhaseRule(
                    name: "maintenance", duration: PolicyDuration(18, .months), lines: .even, takes: .patch,
                    lts: true),
            ]),
    ]

    /// Preset names in documentation order.
    public static let presetNames = ["k6", "go", "kubernetes", "node"]

    /// Every phase name a line can be in, in order.
    public var phaseNames: [String] {
        var names = [developmentPhase]
        for phase in phases where !names.contains(phase.name) { names.append(phase.name) }
        if !names.contains(endPhase) { names.append(endPhase) }
        return names
    }
}

/// How often releases are due (k6: a major a year, a minor every six weeks).
public struct CadencePolicy: Sendable, Hashable {
    public var major: PolicyDuration?
    public var minor: PolicyDuration?
    public var patch: PolicyDuration?

    public init(major: PolicyDuration? = nil, minor: PolicyDuration? = nil, patch: PolicyDuration? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }
}

/// The least time a deprecated item stays before it may be removed; all limits given must pass ("whichever is
/// longer", as Kubernetes writes it).
public struct DeprecationPeriod: Sendable, Hashable {
    /// Minor or major releases after the one that deprecated the item.
    public var releases: Int?
    public var days: Int?
    /// The item lives for the rest of its major: removal only in a later major (k6).
    public var restOfMajor: Bool

    public init(releases: Int? = nil, days: Int? = nil, restOfMajor: Bool = false) {
        self.releases = releases
        self.days = days
        self.restOfMajor = restOfMajor
    }

    /// `2 releases and 90 days`, `the rest of the major`.
    public var description: String {
        var parts: [String] = []
        if let releases { parts.append("\(releases) release\(releases == 1 ? "" : "s")") }
        if let days { parts.append("\(days) day\(days == 1 ? "" : "s")") }
        if restOfMajor { parts.append("the rest of the major") }
        return parts.isEmpty ? "none" : parts.joined(separator: " and ")
    }
}

/// An experimental item promoted to a stable one under another key; the old key must be deprecated when the new
/// one becomes stable and removed within some minors.
public struct Promotion: Sendable, Hashable {
    /// The experimental item, `surface:key`.
    public var from: String
    /// The stable item, `surface:key`.
    public var to: String
    /// Minors after the promotion by which `from` must be gone; nil means the policy's default.
    public var removeWithin: Int?
    public var line: Int

    public init(from: String, to: String, removeWithin: Int? = nil, line: Int = 0) {
        self.from = from
        self.to = to
        self.removeWithin = removeWithin
        self.line = line
    }
}

/// The policy's `promotions:` section.
public struct PromotionPolicy: Sendable, Hashable {
    /// Minors after the promotion by which the experimental key must be removed.
    public var removeWithin: Int
    public var items: [Promotion]

    public init(removeWithin: Int = 3, items: [Promotion] = []) {
        self.removeWithin = removeWithin
        self.items = items
    }
}
