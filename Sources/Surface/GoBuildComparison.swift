import GoSource
import Policy
import SemVer

/// An item whose builds differ (`build`, `builds`: ``GoBuildVariants``) compared build by build: what each default
/// build (one system, architecture, compiler, cgo or not, with the newest Go release: ``GoBuild/defaults(telling:)``)
/// sees before and
/// after, not the labels' texts. A label written another way (`windows && windows`), split (`linux || darwin` into two
/// files) or joined by an overlapping one changes nothing a build sees; a definition that changes in one build is
/// judged as the same change of an item with one definition (a var's type becoming `?` is not claimed, review class 2
/// of session 24).
///
/// A project's own tags (``GoBuild/isFree(_:)``: `noselfupdate`, `integration`) are judged unset, as `go build`
/// without `-tags` builds the package and as apidiff and gorelease check it (their default build contexts): what
/// differs only in builds made with `-tags` is no change, and a note says so (``freeTagNote(_:isItem:)``). An item
/// moved into a file only such a build compiles is gone from the default builds: removed.
enum GoBuildComparison {
    /// What one build sees of an item.
    enum Seen: Hashable {
        /// The item is not in that build.
        case absent
        /// The item, with these attributes.
        case present([String: String])
        /// Two definitions hold in that build: Go does not compile it.
        case conflicting
    }

    /// The item's definitions as the builds tell them apart.
    struct Builds {
        let build: GoBuildExpression?
        let definitions: [(condition: GoBuildExpression, attributes: [String: String]?)]
        let base: [String: String]

        /// Every condition the item's `build` and `builds` name.
        var conditions: [GoBuildExpression] { (build.map { [$0] } ?? []) + definitions.map(\.condition) }

        /// Nil when the item's `build` or `builds` is not one semgate writes.
        init?(_ item: SurfaceItem) {
            var base = item.attributes
            base["build"] = nil
            base["builds"] = nil
            self.base = base
            if let text = item.attributes["build"] {
                guard let build = GoBuildExpression(text) else { return nil }
                self.build = build
            } else {
                build = nil
            }
            guard let text = item.attributes["builds"] else {
                definitions = []
                return
            }
            guard let listed = GoBuildVariants.definitions(in: text) else { return nil }
            var definitions: [(condition: GoBuildExpression, attributes: [String: String]?)] = []
            for definition in listed {
                guard let condition = GoBuildExpression(definition.label) else { return nil }
                guard let differing = definition.attributes else {
                    definitions.append((condition, nil))
                    continue
                }
                var attributes = base
                for (name, value) in differing { attributes[name] = value }
                definitions.append((condition, attributes))
            }
            self.definitions = definitions
        }

        /// Where `classes` keeps `build` and each definition's condition (looked up once, not once a class).
        func places(in classes: Classes) -> (build: Int?, definitions: [Int]) {
            (build.flatMap(classes.place), definitions.map { classes.place($0.condition) ?? -1 })
        }

        /// What a build of `classes`' class `number` sees; `places` from `places(in:)`.
        func seen(in classes: Classes, _ number: Int, places: (build: Int?, definitions: [Int])) -> Seen {
            let holding = classes.holding[number]
            if build != nil, !(places.build.map { holding[$0] } ?? false) { return .absent }
            var seen: Seen?
            for (definition, place) in zip(definitions, places.definitions) where place >= 0 && holding[place] {
                let this: Seen = definition.attributes.map { .present($0) } ?? .absent
                if let seen, seen != this { return .conflicting }
                seen = this
            }
            return seen ?? .present(base)
        }
    }

    /// The default builds that some conditions tell apart, grouped: builds in which the same conditions hold are one
    /// class, so an item is judged once a class, not once a build. Worked out once for a set of conditions, and shared
    /// by the items that name the same ones (in review's hostile-builds-cost, every const of a package).
    struct Classes {
        private let index: [GoBuildExpression: Int]
        /// For each class, whether each condition (by `index`) holds.
        let holding: [[Bool]]
        /// What working them out cost: a tag looked up in a build, or a condition read in a class of tag values.
        let work: Int

        /// Nil when the tags tell apart more than ``GoBuild/maximumBuilds`` builds.
        init?(_ conditions: Set<GoBuildExpression>) {
            var tags: Set<String> = []
            for condition in conditions { tags.formUnion(condition.tags) }
            guard let builds = GoBuild.defaults(telling: tags) else { return nil }
            let names = tags.sorted()
            let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            let listed = Array(conditions)
            index = Dictionary(uniqueKeysWithValues: listed.enumerated().map { ($1, $0) })
            // The tag values the builds give (many builds agree on the tags named), then what holds in each.
            var values: Set<[Bool]> = []
            for build in builds { values.insert(names.map(build.holds)) }
            var holding: Set<[Bool]> = []
            for value in values {
                holding.insert(listed.map { condition in condition.holds { position[$0].map { value[$0] } ?? false } })
            }
            self.holding = Array(holding)
            work = builds.count * max(names.count, 1) + values.count * listed.count
        }

        /// The work `init` does for these conditions, told before doing it (nil: too many builds).
        static func estimate(_ conditions: Set<GoBuildExpression>) -> Int? {
            var tags: Set<String> = []
            for condition in conditions { tags.formUnion(condition.tags) }
            return GoBuild.defaultCount(telling: tags).map { $0 * (max(tags.count, 1) + conditions.count) }
        }

        func holds(_ condition: GoBuildExpression, _ number: Int) -> Bool {
            index[condition].map { holding[number][$0] } ?? false
        }

        /// Where `holding` keeps `condition`.
        func place(_ condition: GoBuildExpression) -> Int? { index[condition] }
    }

    /// The bump the change from `old` to `new` needs, one of them built only in some builds: the largest over the
    /// classes of default builds of what each sees; nil when the builds cannot be told apart (a condition semgate
    /// does not write, or more tags than ``GoBuild/maximumBuilds`` builds tell apart), and the attributes are then
    /// judged as texts.
    static func bump(old: SurfaceItem, new: SurfaceItem, correspondence: GoCorrespondence?) -> Bump? {
        guard let before = Builds(old), let after = Builds(new),
            let classes = Classes(Set(before.conditions + after.conditions))
        else { return nil }
        return bump(old: old, new: new, before: before, after: after, classes: classes, correspondence: correspondence)
    }

    static func bump(
        old: SurfaceItem, new: SurfaceItem, before: Builds, after: Builds, classes: Classes,
        correspondence: GoCorrespondence?
    ) -> Bump {
        var pairs: Set<[Seen]> = []
        let (earlier, later) = (before.places(in: classes), after.places(in: classes))
        for number in classes.holding.indices {
            pairs.insert([
                before.seen(in: classes, number, places: earlier), after.seen(in: classes, number, places: later),
            ])
        }
        var bump = Bump.patch
        for pair in pairs {
            switch (pair[0], pair[1]) {
            case (.absent, .absent), (.conflicting, .absent), (.conflicting, .conflicting): continue
            case (.absent, .present), (.conflicting, .present): bump = max(bump, .minor)
            case (.present, .absent), (.present, .conflicting), (.absent, .conflicting): return .major
            case (.present(let earlier), .present(let later)):
                let olds = SurfaceItem(
                    surface: old.surface, key: old.key, attributes: earlier, stability: old.stability,
                    location: old.location)
                let news = SurfaceItem(
                    surface: new.surface, key: new.key, attributes: later, stability: new.stability,
                    location: new.location)
                for name in Set(earlier.keys).union(later.keys) where earlier[name] != later[name] {
                    bump = max(
                        bump,
                        GoCompatibility.bump(attribute: name, old: olds, new: news, correspondence: correspondence))
                    if bump == .major { return .major }
                }
            }
        }
        return bump
    }

    /// The most work `isBuiltByDefault` does for one condition; past it the condition is taken to hold somewhere.
    static let maximumWorkForOneCondition = 200_000

    /// Whether some default build (a project's own tags unset) has what the `build` text `condition` gives. True
    /// when it names no project tag (an impossible condition of systems alone is not this question), and when it
    /// cannot be read or would take more than `maximumWorkForOneCondition` to tell.
    static func isBuiltByDefault(_ condition: String) -> Bool {
        guard let expression = GoBuildExpression(condition), expression.tags.contains(where: GoBuild.isFree),
            let work = Classes.estimate([expression]), work <= maximumWorkForOneCondition,
            let classes = Classes([expression])
        else { return true }
        return classes.holding.indices.contains { classes.holds(expression, $0) }
    }

    /// The most work `presenceBump` does for one pair of conditions; past it they are compared as text.
    static let maximumWorkForPresence = 1_000_000

    /// What the default builds see of something whose `build` goes from `old` to `new` (nil: every build): major
    /// when a build that had it no longer does, minor when only builds that lacked it gain it, patch when every
    /// default build sees the same (the builds that differ set a project's own tag); nil when either cannot be read
    /// or they tell apart too many builds.
    static func presenceBump(old: String?, new: String?) -> Bump? {
        // Nil: every build. A text that does not read as a condition is not judged here.
        var before: GoBuildExpression?
        var after: GoBuildExpression?
        if let old {
            guard let read = GoBuildExpression(old) else { return nil }
            before = read
        }
        if let new {
            guard let read = GoBuildExpression(new) else { return nil }
            after = read
        }
        let conditions = Set([before, after].compactMap { $0 })
        guard let work = Classes.estimate(conditions), work <= maximumWorkForPresence,
            let classes = Classes(conditions)
        else { return nil }
        var bump = Bump.patch
        for number in classes.holding.indices {
            let had = before.map { classes.holds($0, number) } ?? true
            let has = after.map { classes.holds($0, number) } ?? true
            if had && !has { return .major }
            if has && !had { bump = .minor }
        }
        return bump
    }

    /// The project tags (``GoBuild/isFree(_:)``) that `item`'s `build` and `builds` name, sorted.
    static func freeTags(of item: SurfaceItem) -> [String] {
        var tags: Set<String> = []
        if let text = item.attributes["build"], let expression = GoBuildExpression(text) {
            tags.formUnion(expression.tags)
        }
        if let text = item.attributes["builds"], let definitions = GoBuildVariants.definitions(in: text) {
            for definition in definitions { tags.formUnion(GoBuildExpression(definition.label)?.tags ?? []) }
        }
        return tags.filter(GoBuild.isFree).sorted()
    }

    /// The note beside the changes that a project tag's builds alone tell apart: each claims nothing (below the bump
    /// its texts alone would have drawn), and the note names them and the tags; nil for none. `isItem` picks the
    /// kind's items.
    static func freeTagNote(_ changes: [Change], isItem: (SurfaceItem) -> Bool) -> String? {
        var named: [String] = []
        var tags: [String] = []
        var count = 0
        for change in changes where !change.experimental {
            switch change.kind {
            case .changed:
                guard change.bump == .patch, change.changedAttributes.contains(where: { $0 != "note" && $0 != "exposed" })
                else { continue }
            case .removed, .added: guard change.bump == .patch else { continue }
            default: continue
            }
            let items = [change.before, change.after].compactMap { $0 }
            guard items.allSatisfy(isItem) else { continue }
            let found = Set(items.flatMap(freeTags(of:))).sorted()
            guard !found.isEmpty else { continue }
            for tag in found where !tags.contains(tag) { tags.append(tag) }
            count += 1
            if named.count < 5 { named.append(change.id) }
        }
        guard count > 0 else { return nil }
        let more = count > named.count ? " and \(count - named.count) more" : ""
        let shown = tags.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (tags.count > 5 ? " and more" : "")
        let these = count == 1 ? "it differs" : "they differ"
        return named.joined(separator: ", ") + more + ": \(these) only in builds made with `go build -tags` "
            + "(the project's own tag\(tags.count == 1 ? "" : "s") \(shown)); semgate judges the default builds, "
            + "without `-tags`, as `go build` and apidiff do, so no change is claimed for those builds"
    }

    /// Whether a `builds` text shows a value semgate could not read (`GoAPIExtractor.isUnread`) in some build.
    static func showsUnread(_ text: String, isUnread: (String, String) -> Bool) -> Bool {
        guard let definitions = GoBuildVariants.definitions(in: text) else { return false }
        return definitions.contains { definition in
            (definition.attributes ?? [:]).contains { name, value in value.map { isUnread(name, $0) } ?? false }
        }
    }

    /// The bump a change of a `build` attribute as text needs, where the builds could not be told apart: one that
    /// appears or narrows is a removal for the builds left out; one that goes or widens (each alternative of the old
    /// has every condition of one of the new, compared as text) an addition.
    static func textBump(old: String?, new: String?) -> Bump {
        guard let old else { return .major }
        guard let new else { return .minor }
        return CobraCompatibility.buildWidens(from: old, to: new) ? .minor : .major
    }
}

/// The per-build judgements of one comparison (``GoBuildComparison``), worked out once: the classes of builds of each
/// set of conditions, shared by the items that name them, and a budget on that work. Which items are judged per
/// build is settled before any is judged, from the items that may differ, in an order of their own (cheapest set of
/// conditions first, then by id), so that it is the same whatever order the comparison asks in; past the budget an
/// item is compared as text (fail closed: a `build` that appears or narrows is a removal), and a note says so.
final class GoBuildJudge {
    /// The most work (``GoBuildComparison/Classes/work``, plus a class read for each definition of each item) one
    /// comparison spends on per-build judgements.
    static let workBudget = 20_000_000

    private struct Pair {
        let before: GoBuildComparison.Builds
        let after: GoBuildComparison.Builds
        let classes: GoBuildComparison.Classes
    }

    private var pairs: [String: Pair] = [:]
    private var judged: [String: Bump] = [:]
    /// The ids of items compared as text: past the budget, or with more builds than semgate tells apart.
    private(set) var asText: [String] = []
    private var asTextIDs: Set<String> = []

    /// This comparison's budget (``workBudget`` but in tests).
    let budget: Int

    init(
        before: SurfaceSnapshot, after: SurfaceSnapshot, surfaces: Set<String>, candidates: Set<String>?,
        budget: Int = GoBuildJudge.workBudget
    ) {
        self.budget = budget
        let ids = candidates ?? Set(before.items.keys).union(after.items.keys)
        var bySet: [Set<GoBuildExpression>: [(id: String, pair: (GoBuildComparison.Builds, GoBuildComparison.Builds))]] =
            [:]
        for id in ids {
            guard let old = before.items[id], let new = after.items[id], surfaces.contains(old.surface),
                GoCompatibility.isGoItem(old), GoCompatibility.isGoItem(new),
                [old, new].contains(where: { $0.attributes["build"] != nil || $0.attributes["builds"] != nil }),
                !Bytewise.same(old.attributes, new.attributes)
            else { continue }
            guard let earlier = GoBuildComparison.Builds(old), let later = GoBuildComparison.Builds(new) else {
                continue
            }
            bySet[Set(earlier.conditions + later.conditions), default: []].append((id, (earlier, later)))
        }
        var sets: [(estimate: Int, key: String, conditions: Set<GoBuildExpression>)] = []
        for conditions in bySet.keys {
            guard let estimate = GoBuildComparison.Classes.estimate(conditions) else {
                asText += bySet[conditions, default: []].map(\.id)
                continue
            }
            sets.append((estimate, conditions.map(\.text).sorted().joined(separator: "\n"), conditions))
        }
        sets.sort { ($0.estimate, $0.key) < ($1.estimate, $1.key) }
        var spent = 0
        for set in sets {
            let items = bySet[set.conditions, default: []].sorted { Bytewise.precedes($0.id, $1.id) }
            guard spent + set.estimate <= budget, let classes = GoBuildComparison.Classes(set.conditions)
            else {
                asText += items.map(\.id)
                continue
            }
            spent += classes.work
            for item in items {
                let work =
                    classes.holding.count * (item.pair.0.definitions.count + item.pair.1.definitions.count + 2)
                guard spent + work <= budget else {
                    asText.append(item.id)
                    continue
                }
                spent += work
                pairs[item.id] = Pair(before: item.pair.0, after: item.pair.1, classes: classes)
            }
        }
        asText.sort { Bytewise.precedes($0, $1) }
        asTextIDs = Set(asText)
    }

    /// The bump the change from `old` to `new` needs, build by build; nil when it is compared as text.
    func bump(old: SurfaceItem, new: SurfaceItem, correspondence: GoCorrespondence?) -> Bump? {
        guard old.id == new.id else {
            return GoBuildComparison.bump(old: old, new: new, correspondence: correspondence)
        }
        if let known = judged[old.id] { return known }
        guard let pair = pairs[old.id] else {
            // Not among the items the budget settled (compared as text, or asked for outside them): its own.
            if asTextIDs.contains(old.id) { return nil }
            return GoBuildComparison.bump(old: old, new: new, correspondence: correspondence)
        }
        let bump = GoBuildComparison.bump(
            old: old, new: new, before: pair.before, after: pair.after, classes: pair.classes,
            correspondence: correspondence)
        judged[old.id] = bump
        return bump
    }

    /// The note naming the items compared as text; nil for none.
    var note: String? {
        guard !asText.isEmpty else { return nil }
        let shown = asText.prefix(5).joined(separator: ", ")
        let more = asText.count > 5 ? " and \(asText.count - 5) more" : ""
        return shown + more + ": defined differently per build, but compared by the texts of their build conditions, "
            + "not build by build: their conditions tell apart more than \(GoBuild.maximumBuilds) builds, or judging "
            + "this comparison's per-build items build by build would cost more than \(budget) steps; a "
            + "condition that appears or narrows is claimed as a removal"
    }
}
