import Lifecycle
import Policy
import Surface

/// What the deprecation and promotion windows ask of earlier releases, kept as an index while `audit` streams
/// through the history instead of keeping every release's surface: for each item of the last final release
/// recorded, its stability there and the earliest release of the unbroken run of predecessors in which it had that
/// stability.
///
/// Memory follows one surface's ids, not the history. Releases are recorded in precedence order; a release whose
/// predecessor is not the last one recorded (a duplicate version, an audit's first release) starts a new chain, and
/// a run that reaches back to a chain's first release says so, so the caller reads the older surfaces itself.
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
        var seen: Int

        /// The entry at release `serial` (chain index `index`): the run goes on when the item had `stability` at the
        /// release recorded just before, else one starts here.
        mutating func extend(_ stability: Stability, since index: Int, serial: Int) {
            if seen == serial - 1 && self.stability == stability {
                seen = serial
            } else {
                self = Entry(stability: stability, since: index, seen: serial)
            }
        }
    }

    private var runs: [String: Entry] = [:]
    /// The releases of the current chain, oldest first.
    private var chain: [ReleasePoint] = []
    private var chainHasPredecessor = false
    private var serial = 0

    /// The last release recorded.
    var last: ReleasePoint? { chain.last }

    /// Records final release `point` with its surface; `predecessor` is its predecessor, nil for none.
    func record(_ point: ReleasePoint, predecessor: ReleasePoint?, items: [String: SurfaceItem]) {
        serial += 1
        if predecessor == nil || predecessor != chain.last {
            runs.removeAll(keepingCapacity: true)
            chain = []
            chainHasPredecessor = predecessor != nil
        }
        chain.append(point)
        let index = chain.count - 1
        for (id, item) in items {
            // One hash of the id: the entry is found or made in place.
            runs[id, default: Entry(stability: item.stability, since: index, seen: serial)].extend(
                item.stability, since: index, serial: serial)
        }
        // Items gone since stay as stale entries (seen before this release), which no answer reads; they are dropped
        // once they outnumber the surface, so memory follows the surface without rebuilding the index at every removal.
        if runs.count > 2 * items.count { runs = runs.filter { $0.value.seen == serial } }
    }

    /// The run of `stability` of item `id` ending at `point`; nil when `point` is not the last release recorded
    /// (the index cannot answer).
    func run(of id: String, is stability: Stability, at point: ReleasePoint) -> Run? {
        guard let last = chain.last, last == point else { return nil }
        guard let entry = runs[id], entry.seen == serial, entry.stability == stability else { return .absent }
        return .since(chain[entry.since], reachesBack: entry.since == 0 && chainHasPredecessor)
    }
}
