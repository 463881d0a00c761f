import Git
import Policy
import Releases
import SemVer
import Surface

/// Blame that follows the line that made a change, for a release tagged before its predecessor on another line.
///
/// A release's predecessor is the greatest final release below it, whatever its date or branch (k6 shipped 1.8.0
/// after 2.0.0). When that predecessor P was tagged after the release R, on a line that does not contain R, P's line
/// may have added or changed items after the two lines forked that R never had: nerdctl 1.7.7 (2024-09-10, on
/// release/1.7) added `run --attach` after 2.0.0-beta.0 (2024-02-01) forked from it. Compared with P, R "removed" it,
/// although nothing was removed in any line's history. A change between P and R where R's item is what it was at the
/// merge-base of the two (absent at both, or the same as the diff judges it) was made on P's line after the fork: it
/// is not a change of R, does not count towards R's required bump, and one note a release names those items.
/// A change where R differs from the merge-base stays R's. A release newer than P that lacks P's change keeps it
/// (a forgotten forward-port is a real regression for P's users). Where the merge-base's surface cannot be read in
/// full nothing is excused, and a note says why (fail closed).
struct ForkBlame {
    /// The changes R made (or that cannot be told apart from R's), which are judged.
    var kept: [Change]
    /// The changes P's line made after the fork, which are not.
    var excused: [Change]
    /// What a reader should know: the note naming the excused changes, or why none could be excused.
    var notes: [String]

    /// Nothing excused.
    init(keeping changes: [Change], notes: [String] = []) {
        kept = changes
        excused = []
        self.notes = notes
    }

    init(kept: [Change], excused: [Change], notes: [String]) {
        self.kept = kept
        self.excused = excused
        self.notes = notes
    }

    /// How many excused items a note names before it only counts the rest.
    static let itemsNamed = 5

    /// Whether `release` is judged against a `predecessor` tagged after it: the only case that may excuse anything.
    /// The dates are the releases' own (tagger, else committer), as audit's rows show them.
    static func applies(to release: Release, predecessor: Release) -> Bool {
        release.date < predecessor.date && release.commit != predecessor.commit
    }

    /// Splits `changes` (from `predecessor` to `release`) given the surface at their merge-base.
    ///
    /// Only the changes of `surfaces` may be excused: those compared with the predecessor itself, read in full at
    /// the merge-base and read at the release. `fork` is the merge-base's surface with the policy's declared
    /// deprecations applied as of the release.
    static func split(
        _ changes: [Change], release: Release, predecessor: Release, mergeBase: ObjectID, fork: SurfaceSnapshot,
        after: SurfaceSnapshot, surfaces: Set<String>, policy: Policy
    ) -> ForkBlame {
        let eligible = changes.filter { surfaces.contains($0.surface) }
        guard !eligible.isEmpty else { return ForkBlame(keeping: changes) }
        // Strict: an item missing under something an extractor could not read is a difference from the fork, so
        // it is not excused.
        let sinceFork = Set(
            SurfaceDiff.changes(
                from: fork, to: after, policy: policy, candidates: after.changedIDs(since: fork),
                trustingUncertain: false
            ).map(\.id))
        var kept: [Change] = []
        var excused: [Change] = []
        var unsure: [Change] = []
        for change in changes {
            guard surfaces.contains(change.surface) && !sinceFork.contains(change.id) else {
                kept.append(change)
                continue
            }
            // Absent at the fork and at the release: only known to be absent at the fork where its reading is sure
            // (a surface read in part, `incomplete`, is sure of everything outside what it names as unread).
            if fork.items[change.id] == nil && mayHave(fork, change) {
                unsure.append(change)
                kept.append(change)
            } else {
                excused.append(change)
            }
        }
        var notes: [String] = []
        if !excused.isEmpty {
            notes.append(note(excused, release: release, predecessor: predecessor, mergeBase: mergeBase))
        }
        if !unsure.isEmpty {
            let ids = unsure.map(\.id)
            notes.append(
                unreadNote(
                    release: release, predecessor: predecessor, mergeBase: mergeBase,
                    reason: "the extractor could not read where " + ids.prefix(itemsNamed).joined(separator: ", ")
                        + (ids.count > itemsNamed ? " and \(ids.count - itemsNamed) more" : "") + " would be",
                    scope: ids.count == 1 ? "that change" : "those \(ids.count) changes"))
        }
        return ForkBlame(kept: kept, excused: excused, notes: notes)
    }

    /// `v1.7.7 (tagged 2024-09-10, after 2.0.0-beta.0, on a line 2.0.0-beta.0 does not contain) added 3 items after
    /// the two lines forked at c2be2cc8: ...; they are not changes made by 2.0.0-beta.0, which has them as they were
    /// at the fork, and are not judged`.
    static func note(_ excused: [Change], release: Release, predecessor: Release, mergeBase: ObjectID) -> String {
        // What P's line did, told from P's side: R "removed" what P's line added.
        var counts: [String: Int] = [:]
        for change in excused { counts[lineKind(change.kind), default: 0] += 1 }
        let order = ["added", "removed", "changed", "un-deprecated", "demoted", "promoted"]
        let did = order.compactMap { kind -> String? in
            guard let count = counts[kind] else { return nil }
            return "\(kind) \(count) item" + (count == 1 ? "" : "s")
        }
        let ids = excused.map(\.id)
        let shown = ids.prefix(itemsNamed).joined(separator: ", ")
        let more = ids.count > itemsNamed ? " and \(ids.count - itemsNamed) more" : ""
        return "\(predecessor.tag) (tagged \(CalendarDay(predecessor.date)), after \(release.version), on a line "
            + "\(release.version) does not contain) " + list(did) + " after the two lines forked at \(mergeBase.short)"
            + ": " + shown + more
            + "; they are not changes made by \(release.version), which has "
            + (ids.count == 1 ? "it as it was" : "them as they were") + " at the fork, and are not judged"
    }

    /// The note when the merge-base's surface could not be read: nothing is excused.
    static func unreadNote(
        release: Release, predecessor: Release, mergeBase: ObjectID?, reason: String, scope: String = "every change"
    ) -> String {
        "\(predecessor.tag) was tagged after \(release.version) on a line \(release.version) does not contain, but "
            + (mergeBase.map { "the surface where the two lines forked (\($0.short))" } ?? "where the two lines forked")
            + " could not be read in full (\(reason)): \(scope) from \(predecessor.version) is judged as "
            + "\(release.version)'s, though \(predecessor.version)'s line may have made it after the fork"
    }

    /// Why where two lines forked is not known.
    struct Unknown: Error {
        var reason: String
    }

    /// The note when where the two lines forked is not known: nothing is excused.
    static func unknownForkNote(release: Release, predecessor: Release, reason: String) -> String {
        "\(predecessor.tag) was tagged after \(release.version) on a line \(release.version) does not contain, but "
            + "where the two lines forked is not known (\(reason)): every change from \(predecessor.version) is judged "
            + "as \(release.version)'s, though \(predecessor.version)'s line may have made it after the fork"
    }

    /// Whether `snapshot`'s extractors say they could not read where `change`'s item would be: under a key path
    /// they could not follow, or among the flags a command may have that they could not name.
    private static func mayHave(_ snapshot: SurfaceSnapshot, _ change: Change) -> Bool {
        snapshot.isUncertain(id: change.id) || snapshot.unnamedFlags[change.surface]?.contains(change.key) == true
    }

    /// The change P's line made, for a change from P to R: R lacks what P's line added.
    private static func lineKind(_ kind: Change.Kind) -> String {
        switch kind {
        case .removed: return "added"
        case .added: return "removed"
        case .changed: return "changed"
        case .deprecated: return "un-deprecated"
        case .promoted: return "demoted"
        case .demoted: return "promoted"
        }
    }

    private static func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// How one run finds where release lines fork and whether one release contains another: one libgit2 walk a
/// question (`check`, which asks once), or one walk of the whole history shared by every question of the run
/// (`audit`, which may ask for every release: review R93), made when first needed and searched under
/// ``Limit/forkBlameSteps``.
struct LineHistory {
    private enum Walks {
        case each
        case shared(commits: [ObjectID])
        case graph(MergeBaseSearch)
        case failed(String)
    }

    private var walks: Walks
    private let steps: Int

    /// One libgit2 walk a question.
    init() {
        walks = .each
        steps = 0
    }

    /// One walk of the history from `commits` (those every question is about: the releases'), searched in at most
    /// `steps` steps in all.
    init(shared commits: [ObjectID], steps: Int) {
        walks = .shared(commits: commits)
        self.steps = steps
    }

    /// The merge base of `release` and `predecessor`: nil when they share no history; a failure says why it is not
    /// known.
    mutating func mergeBase(of release: Release, and predecessor: Release, in repository: Repository) -> Result<
        ObjectID?, ForkBlame.Unknown
    > {
        read(repository)
        switch walks {
        case .shared: return .failure(ForkBlame.Unknown(reason: "no history was read"))
        case .failed(let reason): return .failure(ForkBlame.Unknown(reason: reason))
        case .each:
            do {
                return .success(try repository.mergeBase(release.commit, predecessor.commit))
            } catch {
                return .failure(ForkBlame.Unknown(reason: error.description))
            }
        case .graph(var search):
            walks = .failed("")  // taken out while it searches, so that its arrays are not copied
            let answer = search.mergeBase(release.commit, predecessor.commit)
            walks = .graph(search)
            switch answer {
            case .base(let commit): return .success(commit)
            case .unrelated: return .success(nil)
            case .unknown:
                return .failure(ForkBlame.Unknown(reason: "the history read does not hold both releases"))
            case .overBudget:
                return .failure(
                    ForkBlame.Unknown(
                        reason: "the run's search for where release lines fork passed its limit of \(steps) steps "
                            + "(docs/limits.md)"))
            }
        }
    }

    /// Answers every question about `pairs` of commits at once (``MergeBaseSearch/mergeBases(_:)``: the shallowest
    /// first, each commit taken once for up to 64 questions), for ``mergeBase(of:and:in:)`` and
    /// ``contains(_:_:in:)`` to find later. Without a shared history it does nothing; without pairs it reads nothing.
    mutating func prepare(_ pairs: [(ObjectID, ObjectID)], in repository: Repository) {
        guard !pairs.isEmpty else { return }
        read(repository)
        guard case .graph(var search) = walks else { return }
        walks = .failed("")
        _ = search.mergeBases(pairs)
        walks = .graph(search)
    }

    /// Whether `ancestor` is in `commit`'s history; nil when that cannot be told.
    mutating func contains(_ commit: ObjectID, _ ancestor: ObjectID, in repository: Repository) -> Bool? {
        read(repository)
        switch walks {
        case .shared, .failed: return nil
        case .each: return (try? repository.mergeBase(commit, ancestor)).map { $0 == ancestor }
        case .graph(var search):
            walks = .failed("")
            let answer = search.mergeBase(commit, ancestor)
            walks = .graph(search)
            switch answer {
            case .base(let base): return base == ancestor
            case .unrelated: return false
            case .unknown, .overBudget: return nil
            }
        }
    }

    /// Reads the shared history, once.
    private mutating func read(_ repository: Repository) {
        guard case .shared(let commits) = walks else { return }
        do {
            if let graph = try repository.commitGraph(from: commits) {
                walks = .graph(MergeBaseSearch(graph: graph, steps: steps))
            } else if repository.isShallow {
                walks = .failed("the clone is shallow, and where the two lines forked may not be in it")
            } else {
                walks = .failed(
                    "its history has more than \(Repository.maximumHistoryCommits) commits, more than semgate "
                        + "reads to find where lines fork")
            }
        } catch {
            walks = .failed(error.description)
        }
    }
}

/// What `ForkBlame` keeps between the releases of one run: where lines fork, and the surfaces read there (the last
/// few: the pre-releases of one major share one fork with the line before).
struct ForkSurfaces {
    static let capacity = 2
    private var entries: [(commit: ObjectID, result: Result<SurfaceSnapshot, GateError>)] = []
    var history: LineHistory

    init(history: LineHistory = LineHistory()) {
        self.history = history
    }

    mutating func surface(
        at commit: ObjectID, reading read: (ObjectID) -> Result<SurfaceSnapshot, GateError>
    ) -> Result<SurfaceSnapshot, GateError> {
        if let entry = entries.first(where: { $0.commit == commit }) { return entry.result }
        let result = read(commit)
        entries.append((commit, result))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
        return result
    }
}

extension Engine {
    /// `changes` from `predecessor` to `release` split by the line that made them (``ForkBlame``); `before` is what
    /// the changes were measured from (a surface carried from an older release is not the predecessor's, and its
    /// changes are never excused).
    ///
    /// `mergeBase` is where the two lines forked (nil: they share no history); `fork` gives the surface there of the
    /// surfaces with changes (nil: not read).
    func forkBlame(
        _ changes: [Change], release: Release, predecessor: Release, before: SurfaceSnapshot, after: SurfaceSnapshot,
        mergeBase found: @autoclosure () -> Result<ObjectID?, ForkBlame.Unknown>,
        fork read: (ObjectID) -> Result<SurfaceSnapshot, GateError>?
    ) -> ForkBlame {
        guard !changes.isEmpty, ForkBlame.applies(to: release, predecessor: predecessor) else {
            return ForkBlame(keeping: changes)
        }
        let mergeBase: ObjectID?
        switch found() {
        case .success(let found): mergeBase = found
        case .failure(let unknown):
            return ForkBlame(
                keeping: changes,
                notes: [ForkBlame.unknownForkNote(release: release, predecessor: predecessor, reason: unknown.reason)])
        }
        // No common history, or the predecessor is in the release's own history: nothing was made on another line.
        // Nor when the release is in the predecessor's (review R88): the predecessor's line then starts at the
        // release, which would equal "the fork" in every item, and its own changes since the release before it in
        // its history, judged nowhere else, would all be excused.
        guard let mergeBase, mergeBase != predecessor.commit, mergeBase != release.commit else {
            return ForkBlame(keeping: changes)
        }
        var fork: SurfaceSnapshot
        switch read(mergeBase) {
        case nil:
            return ForkBlame(
                keeping: changes,
                notes: [
                    ForkBlame.unreadNote(
                        release: release, predecessor: predecessor, mergeBase: mergeBase,
                        reason: "it was not read")
                ])
        case .success(let snapshot): fork = snapshot
        case .failure(let error):
            return ForkBlame(
                keeping: changes,
                notes: [
                    ForkBlame.unreadNote(
                        release: release, predecessor: predecessor, mergeBase: mergeBase, reason: error.description)
                ])
        }
        applyDeclaredDeprecations(to: &fork, version: release.version)
        var notes: [String] = []
        var surfaces: Set<String> = []
        for surface in Set(changes.map(\.surface)).sortedByBytes() {
            if before.carriedFrom[surface] != nil || after.readsNothing(of: surface) { continue }
            if fork.readsNothing(of: surface) {
                notes.append(
                    ForkBlame.unreadNote(
                        release: release, predecessor: predecessor, mergeBase: mergeBase,
                        reason: "its extractors read nothing of surface '\(surface)' there",
                        scope: "every change in '\(surface)'"))
                continue
            }
            surfaces.insert(surface)
        }
        var blame = ForkBlame.split(
            changes, release: release, predecessor: predecessor, mergeBase: mergeBase, fork: fork, after: after,
            surfaces: surfaces, policy: policy)
        blame.notes = notes + blame.notes
        return blame
    }
}
