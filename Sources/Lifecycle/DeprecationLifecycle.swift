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

/// One deprecated item's lifecycle.
public struct DeprecationRecord: Sendable, Hashable {
    /// `surface:key`.
    public let item: String
    /// The first release that marked it deprecated (nil when only the revision examined does).
    public let since: ReleasePoint?
    /// The version that is to remove it: the policy's `remove-in`, else the next major after `since`.
    public let plannedRemoval: Version?
    /// Whether `plannedRemoval` was declared in the policy.
    public let removalDeclared: Bool
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
    public static func record(
        item: String, since: ReleasePoint?, declaredRemoval: Version?, replacement: String?, present: Bool,
        headVersion: Version?, removedIn: ReleasePoint?, period: DeprecationPeriod?, releases: [ReleasePoint],
        at: CalendarDay
    ) -> DeprecationRecord {
        let planned = declaredRemoval ?? since.map { Version(major: $0.version.major + 1, minor: 0, patch: 0) }
        let earliest = since.flatMap { earliestRemovalDay(since: $0, period: period) }
        let state: DeprecationState
        if !present {
            state = .removed
        } else if let planned, let headVersion, headVersion.core >= planned {
            state = .overdue
        } else if let since {
            // Removal needs a major: ask whether the next major after head, shipped today, would respect the period.
            let base = headVersion ?? since.version
            let nextMajor = Version(major: base.major + 1, minor: 0, patch: 0)
            let blocked =
                period.flatMap {
                    periodViolation(since: since, target: nextMajor, day: at, period: $0, releases: releases)
                } != nil
            let beforeRemoveIn = declaredRemoval.map { nextMajor < $0 } ?? false
            state = blocked || beforeRemoveIn ? .inWindow : .removable
        } else {
            state = .inWindow
        }
        return DeprecationRecord(
            item: item, since: since, plannedRemoval: planned, removalDeclared: declaredRemoval != nil,
            earliestRemovalDay: earliest, replacement: replacement, removedIn: removedIn, state: state)
    }

    /// Minor releases after `promotion` up to and including `target` (for `promotion-window`).
    public static func minorsAfter(_ promotion: Version, upTo target: Version, in releases: [ReleasePoint]) -> Int {
        featureReleases(after: promotion, upTo: target, in: releases)
            + (releases.contains { $0.version.hasSamePrecedence(as: target) } || !isFeature(target) ? 0 : 1)
    }
}
