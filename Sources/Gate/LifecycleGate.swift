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

    /// The support table at `at`, with the cadence's projection of the ends not known yet; fails with the fix when
    /// the policy has no `support` section.
    public func supportTable(at: CalendarDay) throws(GateError) -> SupportTable {
        guard let support = policy.support else {
            throw GateError.usage(
                "the policy (\(policySourceName)) has no 'support' section; add one such as 'support: {preset: k6}' "
                    + "(presets: \(SupportPolicy.presetNames.joined(separator: ", "))) or list phases")
        }
        let points = releasePoints
        var table = Support.table(releases: points, policy: support, cadence: policy.cadence, at: at)
        table.projections = Support.projections(of: table, releases: points)
        return table
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

    /// Scans every release published by `at` for deprecated items and judges each one at revision `rev`; `progress`
    /// hears of each release read.
    public func deprecations(head rev: String, at: CalendarDay) throws(GateError) -> DeprecationReport {
        let commit = try wrap { () throws(GitError) in try repository.resolve(rev) }
        let headVersion = history.latest(at: commit)?.version
        let head = RevisionInfo(rev: rev, commit: commit, version: headVersion)
        let reachable = try wrap { () throws(GitError) in try repository.reachableCommits(from: commit) }
        let contained = headVersion ?? history.latest(in: reachable)?.version
        let published = history.releases.filter { ReleasePoint($0).day <= at }
        // One pass over the history: the first release marking each item, and the first final release after it that
        // no longer has it. Only the surface being read is held.
        var firstMarked: [String: Release] = [:]
        // The first release in which each promotion's new key is stable (for the old key's deadline).
        var promotedIn: [String: Release] = [:]
        var removals: [String: ReleasePoint] = [:]
        var pending: [String: Version] = [:]
        var notes: Set<String> = []
        var surfaceNotes = ReleaseNotes()
        let declared = Set(policy.deprecations.map(\.item))
        var previous: SurfaceSnapshot?
        // Head is read last by the same readers, whose caches hold what it shares with the releases before it.
        var current = SurfaceSnapshot()
        let again = try readAhead(Array(published.indices) + [published.count]) { engine, index throws(GateError) in
            guard index < published.count else { return (index, try engine.snapshot(at: commit, version: headVersion)) }
            return (index, try engine.snapshot(at: published[index].commit, version: published[index].version))
        } combine: { (parts: [(Int, SurfaceSnapshot)]) throws(GateError) in
            (parts[0].0, try combined(parts.map(\.1)))
        } consume: { (index: Int, snapshot: SurfaceSnapshot) throws(GateError) in
            guard index < published.count else {
                current = snapshot
                return
            }
            let release = published[index]
            progress?("[\(index + 1)/\(published.count)] \(release.tag)")
            surfaceNotes.add(snapshot.notes, at: release.version)
            for promotion in policy.promotions.items
            where promotedIn[promotion.to] == nil && snapshot.items[promotion.to]?.stability == .stable {
                promotedIn[promotion.to] = release
            }
            if !release.version.isPrerelease {
                // An item under a command the extractor could not follow there is not known to be gone.
                for (id, since) in pending
                where since < release.version && snapshot.items[id] == nil && !snapshot.isUncertain(id: id) {
                    removals[id] = ReleasePoint(release)
                    pending[id] = nil
                }
            }
            // Only items whose inputs changed since the release before, or that a declaration names, can have
            // become deprecated.
            func mark(_ id: String, _ item: SurfaceItem) {
                guard firstMarked[id] == nil, policy.isDeprecated(item, at: release.version) else { return }
                firstMarked[id] = release
                pending[id] = release.version
            }
            if let changed = previous.flatMap({ snapshot.changedIDs(since: $0) }) {
                for id in changed.union(declared) { if let item = snapshot.items[id] { mark(id, item) } }
            } else {
                for (id, item) in snapshot.items { mark(id, item) }
            }
            previous = snapshot
        } orAgain: { engine throws(GateError) in
            try engine.deprecations(head: rev, at: at)
        }
        if let again { return again }
        // Head's own notes, unless a release already raised them (said once, with the releases).
        notes.formUnion(current.notes.filter { !surfaceNotes.contains($0) })
        notes.formUnion(surfaceNotes.rendered)
        var ids = Set(firstMarked.keys)
        for item in current.items.values where policy.isDeprecated(item, at: headVersion) { ids.insert(item.id) }
        let points = published.map(ReleasePoint.init)
        let conditions = removalConditions(releases: points, at: at)
        var records: [DeprecationRecord] = []
        for id in ids.sorted() {
            let present = current.items[id]
            // Deprecated once, then un-deprecated and still here: no longer a deprecation.
            if let present, !policy.isDeprecated(present, at: headVersion) { continue }
            let since = firstMarked[id]
            let removedIn = present == nil ? removals[id] : nil
            let declared = policy.deprecations.first { $0.item == id }
            let promotion = policy.promotions.items.first { $0.from == id }.flatMap { promotion in
                promotedIn[promotion.to].map {
                    PromotionDeadline(
                        newKey: promotion.to, promotedIn: ReleasePoint($0),
                        removeWithin: promotion.removeWithin ?? policy.promotions.removeWithin)
                }
            }
            records.append(
                Deprecations.record(
                    item: id, since: since.map(ReleasePoint.init), declaredRemoval: declared?.removeIn,
                    replacement: declared?.useInstead, present: present != nil, headVersion: contained,
                    removedIn: removedIn,
                    period: policy.deprecationPeriod, releases: points, at: at, promotion: promotion,
                    condition: declared?.removeWhen.flatMap { conditions[$0] }))
        }
        return DeprecationReport(
            at: at, head: head, period: policy.deprecationPeriod, records: records,
            notes: notes.sorted())
    }
}

extension Engine {
    /// Every `remove-when` of the policy's deprecations, evaluated in the support table at `at` (with the cadence's
    /// projection of when it will hold).
    func removalConditions(
        releases: [ReleasePoint], at: CalendarDay
    ) -> [RemovalCondition: ConditionStatus] {
        let wanted = Set(policy.deprecations.compactMap(\.removeWhen))
        guard !wanted.isEmpty, let support = policy.support else { return [:] }
        let table = Support.table(releases: releases, policy: support, cadence: policy.cadence, at: at)
        let projections = Support.projections(of: table, releases: releases)
        var result: [RemovalCondition: ConditionStatus] = [:]
        for condition in wanted {
            result[condition] = Support.evaluate(condition, in: table, projections: projections)
        }
        return result
    }
}

extension CalendarDay {
    /// The UTC day holding `date`.
    public init(_ date: Date) {
        self.init(secondsSinceEpoch: date.timeIntervalSince1970)
    }
}
