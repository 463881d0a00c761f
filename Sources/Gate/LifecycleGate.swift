import Foundation
import Git
import Lifecycle
import Policy
import Releases
import SemVer
import Surface

/// What `semgate deprecations` reports: every item deprecated at the revision examined or removed after a
/// deprecation, with its lifecycle.
public struct DeprecationReport: Sendable {
    public let at: CalendarDay
    public let head: RevisionInfo
    public let period: DeprecationPeriod?
    public let records: [DeprecationRecord]
    public let notes: [String]
}

extension Engine {
    /// Every release as a lifecycle point (its UTC day), in precedence order.
    public var releasePoints: [ReleasePoint] { history.releases.map(ReleasePoint.init) }

    /// The support table at `at`; fails with the fix when the policy has no `support` section.
    public func supportTable(at: CalendarDay) throws(GateError) -> SupportTable {
        guard let support = policy.support else {
            throw GateError.usage(
                "the policy (\(policySourceName)) has no 'support' section; add one such as 'support: {preset: k6}' "
                    + "(presets: \(SupportPolicy.presetNames.joined(separator: ", "))) or list phases")
        }
        return Support.table(releases: releasePoints, policy: support, cadence: policy.cadence, at: at)
    }

    /// The policy file as reports name it (`policy/semgate.yml`, `semgate.yml@origin/main`, or defaults).
    public var policySourceName: String {
        switch policy.origin {
        case .file(let path): return path
        case .revision(let rev, let path): return "\(path)@\(rev)"
        case .defaults: return "defaults: no policy file"
        }
    }

    // MARK: deprecations

    /// Scans every release published by `at` for deprecated items and judges each one at revision `rev`.
    public func deprecations(head rev: String, at: CalendarDay) throws(GateError) -> DeprecationReport {
        let commit = try wrap { () throws(GitError) in try repository.resolve(rev) }
        let headVersion = history.latest(at: commit)?.version
        let head = RevisionInfo(rev: rev, commit: commit, version: headVersion)
        let reachable = try wrap { () throws(GitError) in try repository.reachableCommits(from: commit) }
        let contained = headVersion ?? history.latest(in: reachable)?.version
        let published = history.releases.filter { ReleasePoint($0).day <= at }
        var firstMarked: [String: Release] = [:]
        var notes: [String] = []
        for release in published {
            let snapshot = try snapshot(at: release.commit, version: release.version)
            notes += snapshot.notes
            for item in snapshot.items.values
            where firstMarked[item.id] == nil && isDeprecated(item, version: release.version) {
                firstMarked[item.id] = release
            }
        }
        let current = try snapshot(at: commit, version: headVersion)
        notes += current.notes
        var ids = Set(firstMarked.keys)
        for item in current.items.values where isDeprecated(item, version: headVersion) { ids.insert(item.id) }
        let points = published.map(ReleasePoint.init)
        var records: [DeprecationRecord] = []
        for id in ids.sorted() {
            let present = current.items[id]
            // Deprecated once, then un-deprecated and still here: no longer a deprecation.
            if let present, !isDeprecated(present, version: headVersion) { continue }
            let since = firstMarked[id]
            var removedIn: ReleasePoint?
            if present == nil, let since {
                for release in published where !release.version.isPrerelease && since.version < release.version {
                    if try snapshot(at: release.commit, version: release.version).items[id] == nil {
                        removedIn = ReleasePoint(release)
                        break
                    }
                }
            }
            let declared = policy.deprecations.first { $0.item == id }
            records.append(
                Deprecations.record(
                    item: id, since: since.map(ReleasePoint.init), declaredRemoval: declared?.removeIn,
                    replacement: declared?.useInstead, present: present != nil, headVersion: contained,
                    removedIn: removedIn,
                    period: policy.deprecationPeriod, releases: points, at: at))
        }
        return DeprecationReport(
            at: at, head: head, period: policy.deprecationPeriod, records: records,
            notes: Array(Set(notes)).sorted())
    }

    // MARK: Rules over time

    /// `deprecation-window` (minimum period), `minor-on-supported-line` and `promotion-window` for changes shipped
    /// as `target` on `day` after `base`. `existing` holds the findings already made, to say each thing once.
    func lifecycleFindings(
        changes: [Change], before: SurfaceSnapshot, after: SurfaceSnapshot, base: Version?, target: Version?,
        day: CalendarDay, release: String?, existing: [Finding]
    ) throws(GateError) -> [Finding] {
        guard let target else { return [] }
        var findings: [Finding] = []
        func add(_ rule: Rule, _ message: String, item: String? = nil, location: Location? = nil) {
            findings.append(
                Finding(
                    rule: rule, severity: rule.defaultSeverity, message: message, release: release, item: item,
                    location: location))
        }
        let points = releasePoints
        if let period = policy.deprecationPeriod {
            for change in changes where change.kind == .removed && !change.experimental {
                guard change.before?.stability == .deprecated,
                    !existing.contains(where: { $0.rule == .deprecationWindow && $0.item == change.id }),
                    let since = try firstRelease(where: change.id, is: .deprecated, before: base)
                else { continue }
                if let why = Deprecations.periodViolation(
                    since: ReleasePoint(since), target: target, day: day, period: period, releases: points)
                {
                    add(
                        .deprecationWindow, "\(change.id) was removed in \(target) but it was \(why)",
                        item: change.id, location: change.location)
                }
            }
        }
        if let support = policy.support,
            let message = Support.minorOnSupportedLine(
                ReleasePoint(version: target, day: day), releases: points, policy: support)
        {
            add(.minorOnSupportedLine, message)
        }
        for promotion in policy.promotions.items {
            findings += try promotionFindings(
                promotion, before: before, after: after, base: base, target: target, release: release)
        }
        return Evaluator.applyPolicy(findings, policy: policy, base: base, target: target)
    }

    private func promotionFindings(
        _ promotion: Promotion, before: SurfaceSnapshot, after: SurfaceSnapshot, base: Version?, target: Version,
        release: String?
    ) throws(GateError) -> [Finding] {
        func finding(_ message: String, _ item: SurfaceItem?) -> Finding {
            Finding(
                rule: .promotionWindow, severity: Rule.promotionWindow.defaultSeverity, message: message,
                release: release, item: promotion.from, location: item?.location)
        }
        let old = after.items[promotion.from]
        let wasOld = before.items[promotion.from]
        let newIsStable = after.items[promotion.to]?.stability == .stable
        let newWasStable = before.items[promotion.to]?.stability == .stable
        if let wasOld, old == nil, !isDeprecated(wasOld, version: base) {
            return [
                finding(
                    "\(promotion.from) (promoted to \(promotion.to)) was removed in \(target) without being "
                        + "deprecated first", wasOld)
            ]
        }
        guard let old, newIsStable else { return [] }
        if !newWasStable {
            guard !isDeprecated(old, version: target) else { return [] }
            return [
                finding(
                    "\(promotion.to) became stable in \(target) but \(promotion.from), the experimental key it "
                        + "replaces, is not deprecated; deprecate it in the same release", old)
            ]
        }
        let within = promotion.removeWithin ?? policy.promotions.removeWithin
        let promoted = try firstRelease(where: promotion.to, is: .stable, before: base)?.version ?? target
        let minors = Deprecations.minorsAfter(promoted, upTo: target, in: releasePoints)
        guard minors > within else { return [] }
        return [
            finding(
                "\(promotion.from) is still there in \(target), \(minors) minor releases after \(promotion.to) was "
                    + "promoted in \(promoted); the policy removes it within \(within)", old)
        ]
    }

    /// Whether `item` is deprecated in the code or by a declaration that applies at `version` (declarations reach
    /// experimental items too, which the snapshot leaves experimental).
    private func isDeprecated(_ item: SurfaceItem, version: Version?) -> Bool {
        if item.stability == .deprecated { return true }
        return policy.deprecations.contains { declaration in
            declaration.item == item.id
                && (declaration.since.map { since in version.map { $0 >= since } ?? true }
                    ?? true)
        }
    }

    /// The earliest release in the unbroken run of releases up to `base` (following predecessors back) in which
    /// item `id` has `stability`.
    private func firstRelease(where id: String, is stability: Stability, before base: Version?) throws(GateError)
        -> Release?
    {
        guard let base else { return nil }
        var current = history.release(base) ?? history.predecessor(of: base)
        var first: Release?
        while let release = current {
            guard try snapshot(at: release.commit, version: release.version).items[id]?.stability == stability else {
                break
            }
            first = release
            current = history.predecessor(of: release.version)
        }
        return first
    }
}

extension CalendarDay {
    /// The UTC day holding `date`.
    public init(_ date: Date) {
        self.init(secondsSinceEpoch: date.timeIntervalSince1970)
    }
}
