import Lifecycle
import Policy
import SemVer
import Surface

/// Which findings a `Hidden` the program decides when it runs softens, under `hidden: experimental` (review D1:
/// doctl's `Hidden: !isBeta()`): hidden, such an item promises nothing; shown, it is stable; semgate cannot tell
/// which, so findings about it are at most warnings, with a note naming the expression.
///
/// The side that decides is the one users relied on: before the change (a removal, a changed or deprecated item),
/// or after it for an addition. An item shown for sure there keeps its findings. So does one that some earlier
/// release showed for sure, itself or a command above it that carries the same run-time `Hidden` (review R99: a
/// pull request that gives a shown command `Hidden: os.Getenv("X") == "1"`, false in every default run, and drops
/// its flag a release later): softened are only items never shown for sure in the unbroken run of releases before
/// (doctl's beta trees were hidden at run time from their first release).
struct RunTimeHidden {
    /// Releases one judged release looks back through for an item shown for sure (surfaces read, the base's
    /// included); past it the item counts as shown (its findings keep their severity) and the note says so.
    static let maximumLookBack = 64

    /// The items of the findings whose visibility the program decides when it runs on the side that decides, with
    /// the expression as written.
    private var spelled: [String: String] = [:]
    /// Of those, the ones shown for sure in an earlier release, with what was shown (the item or a command above
    /// it) and where.
    private var shown: [String: (id: String, release: String)] = [:]

    init(_ context: ReleaseContext, about items: Set<String>) throws(GateError) {
        guard context.policy.hidden == .experimental, !items.isEmpty else { return }
        var checked: [String: [String]] = [:]
        for change in context.changes where items.contains(change.id) {
            let added = change.kind == .added
            guard let side = added ? change.after : change.before, StabilityRuns.isRunTimeHidden(side),
                let expression = side.attributes["hidden-when"]
            else { continue }
            spelled[change.id] = expression
            // A command above the item that its help hides by the same kind of value is where the `Hidden` may have
            // been given (a flag's `hidden-when` comes from its command's).
            let surface = added ? context.after : context.before
            checked[change.id] =
                [change.id]
                + Self.commandsAbove(change.id).filter { id in
                    surface.items[id].map(StabilityRuns.isRunTimeHidden) == true
                }
        }
        guard !checked.isEmpty else { return }
        let found = try context.shownForSure(Set(checked.values.joined()))
        for (item, ids) in checked {
            if let id = ids.first(where: { found[$0] != nil }), let release = found[id] { shown[item] = (id, release) }
        }
    }

    /// The ids of the commands above `id` (`cli:deck run --disk` → `cli:deck run`, `cli:deck`), nearest first.
    static func commandsAbove(_ id: String) -> [String] {
        var above: [String] = []
        var rest = Substring(id)
        while let space = rest.lastIndex(of: " ") {
            rest = rest[..<space]
            above.append(String(rest))
        }
        return above
    }

    /// The items of `stepped` that no other stepped item is under, grouped by the `attribute` they now have ("?"
    /// without it), in byte order: each group's first item, how many it holds, and the first five named (with how
    /// many stepped items are under each) plus "and N more". One finding a group: what is under a command that takes
    /// the step takes it too.
    static func stepGroups(_ stepped: [Change], by attribute: String) -> [(
        value: String, first: Change, count: Int, named: String
    )] {
        let ids = Set(stepped.map(\.id))
        let under = Dictionary(
            grouping: stepped.compactMap { change in
                commandsAbove(change.id).last(where: ids.contains).map { ($0, change.id) }
            }, by: \.0
        ).mapValues(\.count)
        let origins = stepped.filter { change in !commandsAbove(change.id).contains(where: ids.contains) }
        let groups = Dictionary(grouping: origins) { $0.after?.attributes[attribute] ?? "?" }
        return groups.keys.sorted { Bytewise.precedes($0, $1) }.compactMap { value in
            let changes = (groups[value] ?? []).sorted { Bytewise.precedes($0.id, $1.id) }
            guard let first = changes.first else { return nil }
            let named = changes.prefix(5).map { change in
                let count = under[change.id] ?? 0
                return change.id + (count == 0 ? "" : " (and the \(count) item\(count == 1 ? "" : "s") under it)")
            }
            let more = changes.count > 5 ? " and \(changes.count - 5) more" : ""
            return (value, first, changes.count, named.joined(separator: ", ") + more)
        }
    }

    /// Whether findings about `item` are at most warnings.
    func softens(_ item: String) -> Bool {
        spelled[item] != nil && shown[item] == nil
    }

    /// What a finding about `item` adds to its message.
    func note(for item: String) -> String {
        guard let expression = spelled[item] else { return "" }
        let when =
            expression == "?"
            ? "its help hides it or not by a value semgate cannot decide"
            : "its help hides it when `\(expression)` holds"
        guard let shown = shown[item] else {
            return " (\(when), which the program decides when it runs: it may be hidden, and hidden items promise "
                + "nothing here, so this is at most a warning)"
        }
        let what = shown.id == item ? "it" : shown.id
        return " (\(when), which the program decides when it runs, but \(shown.release) showed \(what) for sure: "
            + "users relied on it, so the finding stands)"
    }
}

extension ReleaseContext {
    /// Of `ids`, those some release up to the base showed for sure (present, neither `hidden` nor `hidden-when`), in
    /// the unbroken run of releases back from the base in which each stays `hidden-when`, with the release's
    /// version. The base's surface comes first; an id absent or hidden for sure in a release before was never shown
    /// in that run. Past ``RunTimeHidden/maximumLookBack`` releases the ids still open count as shown (fail closed).
    func shownForSure(_ ids: Set<String>) throws(GateError) -> [String: String] {
        var shown: [String: String] = [:]
        var open = ids
        func look(at surface: SurfaceSnapshot, _ release: String, _ due: Set<String>) {
            for id in due {
                guard let item = surface.items[id], item.attributes["hidden"] != "true" else {
                    open.remove(id)
                    continue
                }
                if !StabilityRuns.isRunTimeHidden(item) {
                    shown[id] = release
                    open.remove(id)
                }
            }
        }
        look(at: before, base?.description ?? "the base", open)
        guard let base, !open.isEmpty else { return shown }
        let basePoint = releases.first { $0.version.hasSamePrecedence(as: base) }
        // `audit` keeps where each run-time `Hidden` began: look next at the release before it.
        var resume: [String: ReleasePoint] = [:]
        if let basePoint, let runs = stabilityRuns {
            for id in open {
                guard case .since(let first, _) = runs.runTimeHiddenRun(of: id, at: basePoint) else { continue }
                if let before = predecessor(of: first.version) { resume[id] = before } else { open.remove(id) }
            }
        }
        var current = basePoint ?? predecessor(of: base)
        var read = 1
        while !open.isEmpty, let point = current {
            let due = open.filter { id in resume[id].map { $0.version >= point.version } ?? true }
            guard !due.isEmpty else {
                current = open.compactMap { resume[$0] }.max { $0.version < $1.version }
                continue
            }
            guard read < RunTimeHidden.maximumLookBack else {
                for id in open {
                    shown[id] = "a release more than \(RunTimeHidden.maximumLookBack) back (semgate looks no further)"
                }
                return shown
            }
            read += 1
            look(at: try surfaceOfRelease(point), point.version.description, due)
            current = predecessor(of: point.version)
        }
        return shown
    }
}
