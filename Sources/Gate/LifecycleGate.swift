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
        var contained = headVersion
        if contained == nil { contained = try latestRelease(reachableFrom: commit)?.version }
        let published = history.releases.filter { ReleasePoint($0).day <= at }
        // One pass over the history, where each reading thread reads its surfaces (ids of a surface are read by one
        // thread): the first release marking each item, and the first final release after it that no longer has it.
        // Only outlines (notes, counts) pass to this thread until head, which is read last by the same readers, whose
        // caches hold what it shares with the releases before it.
        var notes: Set<String> = []
        var surfaceNotes = ReleaseNotes()
        var scanned = DeprecationScan.Found()
        var current = SurfaceSnapshot()
        let policy = policy
        let again = try readAhead(Array(published.indices) + [published.count]) { engine in
            let scan = DeprecationScan(policy: policy)
            return { index throws(GateError) in
                guard index < published.count else {
                    return .head(try engine.scannedSnapshot(at: commit, interest: scan.headInterest), scan.found)
                }
                let release = published[index]
                let snapshot = try engine.scannedSnapshot(at: release.commit, interest: scan.interest(at: release))
                scan.record(snapshot, release: release)
                return .release(index, snapshot.outline)
            }
        } combine: { (parts: [DeprecationScan.Part]) throws(GateError) -> DeprecationScan.Part in
            switch parts[0] {
            case .release(let index, _):
                let outlines = parts.compactMap { part -> SurfaceOutline? in
                    guard case .release(_, let outline) = part else { return nil }
                    return outline
                }
                guard outlines.count == parts.count, let outline = SurfaceOutline.combining(outlines, policy: policy)
                else { throw Self.overLimit }
                return .release(index, outline)
            case .head:
                var snapshots: [SurfaceSnapshot] = []
                var found = DeprecationScan.Found()
                for case .head(let snapshot, let part) in parts {
                    snapshots.append(snapshot)
                    found.add(part)
                }
                guard snapshots.count == parts.count else { throw Self.overLimit }
                return .head(try combined(snapshots), found)
            }
        } consume: { (part: DeprecationScan.Part) throws(GateError) in
            switch part {
            case .release(let index, let outline):
                let release = published[index]
                progress?("[\(index + 1)/\(published.count)] \(release.tag)")
                surfaceNotes.add(outline.notes, at: release.version)
            case .head(let snapshot, let found):
                current = snapshot
                scanned = found
            }
        } orAgain: { engine throws(GateError) in
            try engine.deprecations(head: rev, at: at)
        }
        if let again { return again }
        // Head's own notes, unless a release already raised them (said once, with the releases).
        notes.formUnion(current.notes.filter { !surfaceNotes.contains($0) })
        notes.formUnion(surfaceNotes.rendered)
        var ids = Set(scanned.firstMarked.keys)
        for item in current.items.values where policy.isDeprecated(item, at: headVersion) { ids.insert(item.id) }
        let points = published.map(ReleasePoint.init)
        let conditions = removalConditions(releases: points, at: at)
        var records: [DeprecationRecord] = []
        for id in ids.sortedByBytes() {
            let present = current.items[id]
            // Deprecated once, then un-deprecated and still here: no longer a deprecation.
            if let present, !policy.isDeprecated(present, at: headVersion) { continue }
            let since = scanned.firstMarked[id]
            let removedIn = present == nil ? scanned.removals[id] : nil
            let declared = policy.declaration(of: id)
            let promotion = policy.promotions.items.first { $0.from == id }.flatMap { promotion in
                scanned.promotedIn[promotion.to].map {
                    PromotionDeadline(
                        newKey: promotion.to, promotedIn: ReleasePoint($0),
                        removeWithin: promotion.removeWithin ?? policy.promotions.removeWithin)
                }
            }
            records.append(
                Deprecations.record(
                    item: id, since: since.map(ReleasePoint.init), declaredRemoval: declared?.removeIn,
                    replacement: declared?.useInstead, present: present != nil || current.isUncertain(id: id),
                    headVersion: contained,
                    removedIn: removedIn,
                    period: policy.deprecationPeriod, releases: points, at: at, promotion: promotion,
                    condition: declared?.removeWhen.flatMap { conditions[$0] }))
        }
        return DeprecationReport(
            at: at, head: head, period: policy.deprecationPeriod, records: records,
            notes: notes.sortedByBytes())
    }

    private static var overLimit: GateError {
        .surface(SurfaceFailure(message: "the surfaces read in parts are over a per-revision limit"))
    }
}

/// One reading thread's pass over the history for `deprecations`, over the surfaces it reads: the first release
/// marking each item, the first final release after that without it, and the first release in which each promotion's
/// new key is stable. The snapshots stay on the thread that read them (only the changed ids of each are looked at);
/// what is found passes on with head's snapshot.
final class DeprecationScan {
    /// What `deprecations` reads of one release (its outline) or, last, of head (its surface and what the scan found).
    enum Part: Sendable {
        case release(Int, SurfaceOutline)
        case head(SurfaceSnapshot, Found)
    }

    /// What a scan found; the scans of disjoint sets of surfaces add up.
    struct Found: Sendable {
        var firstMarked: [String: Release] = [:]
        var removals: [String: ReleasePoint] = [:]
        /// The first release in which each promotion's new key is stable (for the old key's deadline).
        var promotedIn: [String: Release] = [:]

        mutating func add(_ other: Found) {
            firstMarked.merge(other.firstMarked) { first, _ in first }
            removals.merge(other.removals) { first, _ in first }
            promotedIn.merge(other.promotedIn) { first, _ in first }
        }
    }

    private let policy: Policy
    private(set) var found = Found()
    /// Items marked and not removed yet, with the version that first marked them.
    private var pending: [String: Version] = [:]
    /// How the last release's snapshot was read, for the ids that changed since.
    private var previous: SurfaceInputs?
    /// The items the policy's declarations name, once each, by the earliest `since` of their declarations (none
    /// first): those applying at a version are a prefix of them, so a release's are found by one binary search.
    private let declared: [String]
    private let declaredSince: [Version?]
    /// Each declared item's place in `declared`.
    private let declaredPlace: [String: Int]
    /// What the next release's interest starts from: kept up to date by what changes between two releases (an item
    /// marked or removed, a declaration that starts to apply, a promotion's new key found stable), so a policy's
    /// tens of thousands of declarations cost once, not once a release. Handed to the reader for one release and
    /// let go before it changes, so it is changed in place.
    private var watching = DeprecationInterest.marksOnly
    /// How many of `declared` `watching` takes in (those not marked among them).
    private var watchedDeclared = 0
    /// How many of `declared` the last recorded release checked for a declaration that applies there.
    private var checkedDeclared = 0

    init(policy: Policy) {
        self.policy = policy
        // `Version`'s order is total, so a version's declarations are those before the first `since` above it.
        var always: [String] = []
        var bySince: [Version: [String]] = [:]
        for (item, since) in policy.declaredItems {
            if let since { bySince[since, default: []].append(item) } else { always.append(item) }
        }
        var declared = always
        var declaredSince = [Version?](repeating: nil, count: always.count)
        for since in bySince.keys.sorted() {
            let items = bySince[since] ?? []
            declared += items
            declaredSince += repeatElement(Optional(since), count: items.count)
        }
        var places: [String: Int] = [:]
        places.reserveCapacity(declared.count)
        for (place, item) in declared.enumerated() { places[item] = place }
        self.declared = declared
        self.declaredSince = declaredSince
        declaredPlace = places
        for to in Set(policy.promotions.items.map(\.to)) { watching.watch(to) }
    }

    /// How many of `declared` apply at `version`.
    private func declaredApplying(at version: Version) -> Int {
        var low = 0
        var high = declared.count
        while low < high {
            let middle = (low + high) / 2
            if let since = declaredSince[middle], version < since { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// What the report needs of head's surface (the policy's declared deprecations are not applied to it:
    /// `Policy.isDeprecated` applies them): the marks in the source, and whether each item marked in a release, or
    /// declared deprecated, is there.
    var headInterest: DeprecationInterest {
        DeprecationInterest(watchedIDs: Array(found.firstMarked.keys) + declared)
    }

    /// What the scan needs of the surface of `release`, the release after the one recorded before: the marks in the
    /// source, and whether the items it watches are there (marked and not removed yet; named by a declaration that
    /// applies at `release`; a promotion's new key not yet stable).
    func interest(at release: Release) -> DeprecationInterest {
        let applying = declaredApplying(at: release.version)
        for item in declared[min(applying, watchedDeclared)..<max(applying, watchedDeclared)]
        where found.firstMarked[item] == nil {
            if applying > watchedDeclared { watching.watch(item) } else { watching.unwatch(item) }
        }
        watchedDeclared = applying
        return watching
    }

    /// Records `snapshot`, the surface of `release` (the release after the one recorded before) as read, before the
    /// policy's declared deprecations apply: `Policy.isDeprecated` applies them.
    func record(_ snapshot: SurfaceSnapshot, release: Release) {
        for promotion in policy.promotions.items where found.promotedIn[promotion.to] == nil {
            guard let item = snapshot.items[promotion.to], item.stability == .stable,
                !policy.isDeprecated(item, at: release.version)
            else { continue }
            found.promotedIn[promotion.to] = release
            watching.unwatch(promotion.to)
        }
        if !release.version.isPrerelease {
            // An item under a command the extractor could not follow there is not known to be gone.
            for (id, since) in pending
            where since < release.version && snapshot.items[id] == nil && !snapshot.isUncertain(id: id) {
                found.removals[id] = ReleasePoint(release)
                pending[id] = nil
                watching.unwatch(id)
            }
        }
        func mark(_ id: String) {
            guard found.firstMarked[id] == nil, let item = snapshot.items[id] else { return }
            // Marked in the source, or named by a declaration (which `isDeprecated` checks against the release).
            guard item.stability == .deprecated || policy.isDeprecated(item, at: release.version) else { return }
            found.firstMarked[id] = release
            pending[id] = release.version
            watching.watch(id)
            if let place = declaredPlace[id], place < watchedDeclared { watching.unwatch(id) }
        }
        let applying = declaredApplying(at: release.version)
        let before = previous
        previous = snapshot.inputs
        defer { checkedDeclared = applying }
        guard let before, let inputs = snapshot.inputs else {
            for id in snapshot.items.keys { mark(id) }
            return
        }
        // Only items that an input new since the release before marks or holds, or that a declaration starting to
        // apply names, can have become deprecated: one deprecated at the release before was marked then, and one
        // there and declared at the release before was marked then too.
        let declares = !declared.isEmpty
        inputs.forEachNewID(since: before) { id, marked in
            if marked || (declares && declaredPlace[id] != nil) { mark(id) }
        }
        if applying > checkedDeclared {
            for id in declared[checkedDeclared..<applying] { mark(id) }
        }
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
