import Lifecycle
import Policy
import Surface

/// What the deprecation and promotion windows ask of earlier releases, kept as an index while `audit` streams
/// through the history instead of keeping every release's surface: for each deprecated item and each promotion's
/// new key at the last final release recorded, its stability there and the earliest release of the unbroken run of
/// predecessors in which it had that stability.
///
/// Memory follows the deprecated items and promotion targets of one surface, not the history or the surface's
/// size; a release whose inputs say which items changed since its predecessor costs those items. Releases are
/// recorded in precedence order; a release whose predecessor is not the last one recorded (a duplicate version, an
/// audit's first release) starts a new chain, and a run that reaches back to a chain's first release says so, so the
/// caller reads the older surfaces itself. Questions about other items get nil: the caller reads surfaces for them.
final class StabilityRuns {
    /// The answer for one item at one release.
    enum Run: Equatable {
        /// The item does not have the stability asked for at the release asked about.
        case absent
        /// The run's first release, and whether it may reach further back than this index knows (it starts at the
        /// chain's first release and that release has a predecessor).
        case since(ReleasePoint, reachesBack: Bool)
    }

    private struct Entry {
        var stability: Stability
        var since: Int
    }

    /// The ids tracked whatever their stability (promotions' new keys); other ids are tracked while deprecated.
    private let targets: Set<String>
    private var runs: [String: Entry] = [:]
    /// For each item whose `Hidden` the program decides when it runs at the last release recorded (`hidden-when`, not
    /// `hidden`), the chain index of the first release of its unbroken run of such releases (review R99).
    private var runTimeHiddenSince: [String: Int] = [:]
    /// The releases of the current chain, oldest first.
    private var chain: [ReleasePoint] = []
    private var chainHasPredecessor = false

    init(promotionTargets: Set<String>) {
        targets = promotionTargets
    }

    /// The last release recorded.
    var last: ReleasePoint? { chain.last }

    /// Records final release `point` with its surface; `predecessor` is its predecessor, nil for none, and `changed`
    /// the ids whose items may differ from the predecessor's (nil: any may).
    func record(_ point: ReleasePoint, predecessor: ReleasePoint?, surface: SurfaceSnapshot, changed: Set<String>?) {
        var changed = changed
        if predecessor == nil || predecessor != chain.last {
            chain = []
            runs = [:]
            runTimeHiddenSince = [:]
            chainHasPredecessor = predecessor != nil
            changed = nil
        }
        chain.append(point)
        let index = chain.count - 1
        guard let changed else {
            var fresh: [String: Entry] = [:]
            for (id, item) in surface.items where isTracked(id, item.stability) {
                var entry = runs[id]
                Self.advance(&entry, item.stability, index)
                fresh[id] = entry
            }
            runs = fresh
            var hiddenSince: [String: Int] = [:]
            for (id, item) in surface.items where Self.isRunTimeHidden(item) {
                hiddenSince[id] = runTimeHiddenSince[id] ?? index
            }
            runTimeHiddenSince = hiddenSince
            return
        }
        // One lookup in the surface and one in place in `runs` an id.
        for id in changed {
            if let item = surface.items[id], isTracked(id, item.stability) {
                Self.advance(&runs[id], item.stability, index)
            } else {
                runs[id] = nil
            }
            if let item = surface.items[id], Self.isRunTimeHidden(item) {
                if runTimeHiddenSince[id] == nil { runTimeHiddenSince[id] = index }
            } else {
                runTimeHiddenSince[id] = nil
            }
        }
    }

    /// Whether `item`'s help hides it or not by a value the program decides when it runs (`hidden-when`, not
    /// `hidden`).
    static func isRunTimeHidden(_ item: SurfaceItem) -> Bool {
        item.attributes["hidden"] != "true" && item.attributes["hidden-when"] != nil
    }

    /// The unbroken run of releases ending at `point` in which item `id`'s `Hidden` is decided when the program runs:
    /// `.absent` when it is not so at `point`; nil when `point` is not the last release recorded.
    func runTimeHiddenRun(of id: String, at point: ReleasePoint) -> Run? {
        guard let last = chain.last, last == point else { return nil }
        guard let since = runTimeHiddenSince[id] else { return .absent }
        return .since(chain[since], reachesBack: since == 0 && chainHasPredecessor)
    }

    private func isTracked(_ id: String, _ stability: Stability) -> Bool {
        stability == .deprecated || (!targets.isEmpty && targets.contains(id))
    }

    /// Moves `entry` on to an item of `stability` at chain index `index`: the run goes on while the stability stays.
    private static func advance(_ entry: inout Entry?, _ stability: Stability, _ index: Int) {
        if let previous = entry, previous.stability == stability { return }
        entry = Entry(stability: stability, since: index)
    }

    /// The run of `stability` of item `id` ending at `point`; nil when `point` is not the last release recorded or
    /// the item is not one this index tracks at that stability (the index cannot answer).
    func run(of id: String, is stability: Stability, at point: ReleasePoint) -> Run? {
        guard let last = chain.last, last == point, isTracked(id, stability) else { return nil }
        guard let entry = runs[id], entry.stability == stability else { return .absent }
        return .since(chain[entry.since], reachesBack: entry.since == 0 && chainHasPredecessor)
    }
}
