import Policy
import SemVer

/// Where a deprecated item stands.
public enum DeprecationState: String, Sendable, CaseIterable {
    /// Still inside its deprecation period: it may not be removed yet.
    case inWindow = "in-window"
    /// The period has passed: the next major may remove it.
    case removable
    /// Its planned removal has shipped and it is still there.
    case overdue
    /// It is gone.
    case removed
}

/// Where a deprecated item's planned removal comes from.
public enum RemovalBasis: String, Sendable, CaseIterable {
    /// The policy's `remove-in`.
    case declared
    /// The item is the old key of a promotion: it must be gone by the minor after `remove-within` minors.
    case promotion
    /// Nothing sets one: the next major after the revision examined, the first release that may remove it.
    case nextMajor = "next-major"
}

/// A promotion whose old key a deprecation record is about: when the new key became stable and the minors allowed.
public struct PromotionDeadline: Sendable, Hashable {
    /// The stable key, `surface:key`.
    public let newKey: String
    /// The first release in which the new key is stable.
    public let promotedIn: ReleasePoint
    public let removeWithin: Int

    public init(newKey: String, promotedIn: ReleasePoint, removeWithin: Int) {
        self.newKey = newKey
        self.promotedIn = promotedIn
        self.removeWithin = removeWithin
    }
}

/// One deprecated item's lifecycle.
public struct DeprecationRecord: Sendable, Hashable {
    /// `surface:key`.
    public let item: String
    /// The first release that marked it deprecated (nil when only the revision examined does).
    public let since: ReleasePoint?
    /// The version that is to remove it: the policy's `remove-in`; for the old key of a promotion, the feature
    /// release by which it must be gone; else the next major after the revision examined. Nil for a promotion whose
    /// deadline release has not shipped.
    public let plannedRemoval: Version?
    /// Whether `plannedRemoval` was declared in the policy.
    public let removalDeclared: Bool
    public let removalBasis: RemovalBasis
    /// The promotion, when the item is the old key of one.
    public let promotion: PromotionDeadline?
    /// The policy's `remove-when` and whether it holds at the date asked.
    public let condition: ConditionStatus?
    /// The first day the minimum deprecation period allows removal.
    public let earliestRemovalDay: CalendarDay?
    public let replacement: String?
    /// The first final release without the item, when it is gone.
    public let removedIn: ReleasePoint?
    public let state: DeprecationState
}

/// The deprecation period and deprecation states as pure functions.
public enum Deprecations {
    /// Feature releases (`x.y.0`) after `since` up to and including `target`.
    static func featureReleases(after since: Version, upTo target: Version?, in releases: [ReleasePoint]) -> Int {
        releases.filter { point in
            point.isFeatureRelease && since < point.version && !point.version.hasSamePrecedence(as: since)
                && target.map { point.version <= $0 } ?? true
        }.count
    }

    /// Why removing an item first deprecated in `since` in release `target` on `day` breaks the minimum period, or
    /// nil when the period has passed. `releases` is every release known.
    public static func periodViolation(
        since: ReleasePoint, target: Version, day: CalendarDay, period: DeprecationPeriod, releases: [ReleasePoint]
    ) -> String? {
        var unmet: [String] = []
        if period.restOfMajor, target.major <= since.version.major {
            unmet.append("it must live for the rest of major \(since.version.major)")
        }
        if let needed = period.releases {
            let counted =
                featureReleases(after: since.version, upTo: target, in: releases)
                + (releases.contains { $0.version.hasSamePrecedence(as: target) } || !isFeature(target) ? 0 : 1)
            if counted < needed {
                unmet.append("\(counted) of \(needed) minor or major release\(needed == 1 ? "" : "s") since")
            }
        }
        if let days = period.days {
            let elapsed = since.day.days(until: day)
            if elapsed < days { unmet.append("\(elapsed) of \(days) days since") }
        }
        guard !unmet.isEmpty else { return nil }
        return "deprecated in \(since.version) (\(since.day)), the minimum deprecation period (\(period.description)) "
            + "has not passed: " + unmet.joined(separator: "; ")
    }

    private static func isFeature(_ version: Version) -> Bool { !version.isPrerelease && version.patch == 0 }

    /// The first day the period's `days` allow removal (nil when it sets none).
    public static func earliestRemovalDay(since: ReleasePoint, period: DeprecationPeriod?) -> CalendarDay? {
        period?.days.map { since.day.adding(days: $0) }
    }

    /// The record of an item deprecated since `since` (when known), present or not at the revision examined.
    ///
    /// - Parameters:
    ///   - headVersion: the release at the revision examined, else the newest release it contains; the item is
    ///     overdue when this is at or past the planned removal, and the next major after it is the one that may
    ///     remove the item.
    ///   - removedIn: the first final release after `since` without the item, when it is gone.
    ///   - releases: every release published by `at`.
    ///   - promotion: when the item is the old key of a promotion, when the new key became stable.
    ///   - condition: the policy's `remove-when`, evaluated at `at`; removal is not allowed before it holds.
    public static func record(
        item: String, since: ReleasePoint?, declaredRemoval: Version?, replacement: String?, present: Bool,
        headVersion: Version?, removedIn: ReleasePoint?, period: DeprecationPeriod?, releases: [ReleasePoint],
        at: CalendarDay, promotion: PromotionDeadline? = nil, condition: ConditionStatus? = nil
    ) -> DeprecationRecord {
        let basis: RemovalBasis =
            declaredRemoval != nil ? .declared : promotion != nil ? .promotion : .nextMajor
        let planned: Version?
        switch basis {
        case .declared: planned = declaredRemoval
        case .promotion: planned = promotion.flatMap { deadline(of: $0, in: releases) }
        case .nextMajor:
            // The next major not yet shipped, whichever branch head is on (a 1.x branch head cannot remove it in a
            // 2.0.0 that has shipped); a pre-release of a major leads to that major.
            let newestFinal = releases.filter { !$0.version.isPrerelease }.map(\.version).max()
            // None after a major at the 64-bit limit.
            planned = [headVersion, since?.version, newestFinal].compactMap { $0 }.max().flatMap { base in
                base.isPrerelease && base.minor == 0 && base.patch == 0
                    ? Version(major: base.major, minor: 0, patch: 0)
                    : base.major < UInt64.max ? Version(major: base.major + 1, minor: 0, patch: 0) : nil
            }
        }
        let earliest = since.flatMap { earliestRemovalDay(since: $0, period: period) }
        let state: DeprecationState
        if !present {
            state = .removed
        } else if basis != .nextMajor, let planned, let headVersion, headVersion.core >= planned {
            state = .overdue
        } else if condition.map({ !$0.holds }) ?? false {
            state = .inWindow
        } else if let since {
            // Removal needs a major: ask whether the next major after head, shipped today, would respect the period.
            let base = headVersion ?? since.version
            if base.major < UInt64.max {
                let nextMajor = Version(major: base.major + 1, minor: 0, patch: 0)
                let blocked =
                    period.flatMap {
                        periodViolation(since: since, target: nextMajor, day: at, period: $0, releases: releases)
                    } != nil
                let beforeRemoveIn = declaredRemoval.map { nextMajor < $0 } ?? false
                state = blocked || beforeRemoveIn ? .inWindow : .removable
            } else {
                // No major comes after the 64-bit limit, so no release may remove it.
                state = .inWindow
            }
        } else {
            state = .inWindow
        }
        return DeprecationRecord(
            item: item, since: since, plannedRemoval: planned, removalDeclared: declaredRemoval != nil,
            removalBasis: basis, promotion: promotion, condition: condition, earliestRemovalDay: earliest,
            replacement: replacement, removedIn: removedIn, state: state)
    }

    /// The feature release by which a promotion's old key must be gone: the one after `remove-within` minors
    /// (`promotion-window` reports the key still there in it); nil while it has not shipped.
    static func deadline(of promotion: PromotionDeadline, in releases: [ReleasePoint]) -> Version? {
        releases.filter { point in
            point.isFeatureRelease && promotion.promotedIn.version < point.version
                && !point.version.hasSamePrecedence(as: promotion.promotedIn.version)
        }
        .map(\.version).sorted().dropFirst(promotion.removeWithin).first
    }

    /// Minor releases after `promotion` up to and including `target` (for `promotion-window`).
    public static func minorsAfter(_ promotion: Version, upTo target: Version, in releases: [ReleasePoint]) -> Int {
        featureReleases(after: promotion, upTo: target, in: releases)
            + (releases.contains { $0.version.hasSamePrecedence(as: target) } || !isFeature(target) ? 0 : 1)
    }
}
