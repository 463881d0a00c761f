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
        /// For each class, whether it holds a build for a port that is judged (``isJudged(_:named:)``): a class of
        /// WebAssembly builds alone, for ports the predecessor never named, loses nothing a user had.
        let judged: [Bool]
        /// What working them out cost: a tag looked up in a build, or a condition read in a class of tag values.
        let work: Int

        /// Nil when the tags tell apart more than ``GoBuild/maximumBuilds`` builds. `named`: the WebAssembly ports
        /// (``webAssemblyPorts``) the predecessor names, whose builds are judged.
        init?(_ conditions: Set<GoBuildExpression>, named: Set<String> = GoBuildComparison.webAssemblyPorts) {
            var tags: Set<String> = []
            for condition in conditions { tags.formUnion(condition.tags) }
            guard let builds = GoBuild.defaults(telling: tags) else { return nil }
            let names = tags.sorted()
            let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            let listed = Array(conditions)
            index = Dictionary(uniqueKeysWithValues: listed.enumerated().map { ($1, $0) })
            // The tag values the builds give (many builds agree on the tags named), then what holds in each; a value,
            // and a class, is judged when one of its builds is.
            var values: [[Bool]: Bool] = [:]
            for build in builds {
                let value = names.map(build.holds)
                if values[value] != true { values[value] = GoBuildComparison.isJudged(build, named: named) }
            }
            var holding: [[Bool]: Bool] = [:]
            for (value, judged) in values {
                let held = listed.map { condition in condition.holds { position[$0].map { value[$0] } ?? false } }
                if holding[held] != true { holding[held] = judged }
            }
            self.holding = Array(holding.keys)
            judged = self.holding.map { holding[$0] ?? true }
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
            let classes = Classes(Set(before.conditions + after.conditions), named: webAssemblyPortsNamed(by: [old]))
        else { return nil }
        var unjudged = false
        return bump(
            old: old, new: new, before: before, after: after, classes: classes, correspondence: correspondence,
            unjudgedLoss: &unjudged)
    }

    /// `unjudgedLoss` is set when only builds of ports that are not judged (``isJudged(_:named:)``) lose the item or
    /// see it change, which claims nothing.
    static func bump(
        old: SurfaceItem, new: SurfaceItem, before: Builds, after: Builds, classes: Classes,
        correspondence: GoCorrespondence?, unjudgedLoss: inout Bool
    ) -> Bump {
        var pairs: Set<[Seen]> = []
        let (earlier, later) = (before.places(in: classes), after.places(in: classes))
        for number in classes.holding.indices {
            let seen = [
                before.seen(in: classes, number, places: earlier), after.seen(in: classes, number, places: later),
            ]
            if !classes.judged[number] {
                switch (seen[0], seen[1]) {
                case (.present, .absent), (.present, .conflicting), (.absent, .conflicting):
                    unjudgedLoss = true
                    continue
                case (.present(let earlier), .present(let later)) where earlier != later:
                    unjudgedLoss = true
                    continue
                default: break
                }
            }
            pairs.insert(seen)
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

    /// The WebAssembly ports' tags: the systems `js` (a browser or Node.js) and `wasip1` (a WASI runtime), and the
    /// architecture `wasm`. A program builds there only when its authors set out to (no files, sockets, terminal or
    /// processes as on the other systems; rclone built for js/wasm only from 1.53.0, by adding `!js` to what could
    /// not), so a build label that leaves out such a port the predecessor never named loses nothing a user had
    /// (precision class J1: 272 false rclone errors). A port the predecessor names, in any Go item's `build` or
    /// `builds` (a `_js.go` file, a `js` label), is judged like every other.
    static let webAssemblyPorts: Set<String> = ["js", "wasip1", "wasm"]

    /// Whether `build` is judged: it is not for a WebAssembly port, or is for one that `named` holds. Every other
    /// port, `linux/amd64` to `plan9`, is judged.
    static func isJudged(_ build: GoBuild, named: Set<String>) -> Bool {
        let ports = [build.system, build.architecture].compactMap { $0 }.filter(webAssemblyPorts.contains)
        return ports.isEmpty || ports.contains(where: named.contains)
    }

    /// The WebAssembly ports that the `build` and `builds` of `items` name, and a package item's `ports` (those its
    /// files' conditions name: a `_js.go` file whose declarations every build has alike leaves no other trace).
    static func webAssemblyPortsNamed(by items: some Sequence<SurfaceItem>) -> Set<String> {
        var named: Set<String> = []
        var read: Set<String> = []
        func name(_ label: String) {
            guard label.contains("js") || label.contains("wasm") || label.contains("wasip1"),
                read.insert(label).inserted
            else { return }
            named.formUnion(webAssemblyPorts.intersection(GoBuildExpression(label)?.tags ?? []))
        }
        for item in items where named != webAssemblyPorts {
            if let text = item.attributes["build"] { name(text) }
            if let text = item.attributes["builds"], read.insert("builds\u{0}" + text).inserted {
                for definition in GoBuildVariants.definitions(in: text) ?? [] { name(definition.label) }
            }
            if let text = item.attributes["ports"] {
                named.formUnion(webAssemblyPorts.intersection(text.split(separator: ",").map(String.init)))
            }
        }
        return named
    }

    /// The WebAssembly ports that build `conditions` (a file's name and constraint, as `GoBuildVariants` labels
    /// them) name.
    static func webAssemblyPortsNamed(byConditions conditions: [String]) -> Set<String> {
        var named: Set<String> = []
        for condition in Set(conditions)
        where condition.contains("js") || condition.contains("wasm") || condition.contains("wasip1") {
            named.formUnion(webAssemblyPorts.intersection(GoBuildExpression(condition)?.tags ?? []))
        }
        return named
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
            let classes = Classes(conditions, named: webAssemblyPorts.intersection(before?.tags ?? []))
        else { return nil }
        var bump = Bump.patch
        for number in classes.holding.indices {
            let had = before.map { classes.holds($0, number) } ?? true
            let has = after.map { classes.holds($0, number) } ?? true
            if had && !has && classes.judged[number] { return .major }
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
                guard change.bump == .patch,
                    change.changedAttributes.contains(where: { $0 != "note" && $0 != "exposed" })
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
    /// The WebAssembly ports the predecessor names (``GoBuildComparison/webAssemblyPortsNamed(by:)``), judged.
    private let named: Set<String>
    /// The ids of items that only builds of ports that are not judged lose or see change.
    private var unjudged: Set<String> = []
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
        let named = GoBuildComparison.webAssemblyPortsNamed(
            by: before.items.values.lazy.filter { surfaces.contains($0.surface) && GoCompatibility.isGoItem($0) })
        self.named = named
        let ids = candidates ?? Set(before.items.keys).union(after.items.keys)
        var bySet:
            [Set<GoBuildExpression>: [(id: String, pair: (GoBuildComparison.Builds, GoBuildComparison.Builds))]] =
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
            guard spent + set.estimate <= budget, let classes = GoBuildComparison.Classes(set.conditions, named: named)
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
        guard old.id == new.id else { return ownBump(old: old, new: new, correspondence: correspondence) }
        if let known = judged[old.id] { return known }
        guard let pair = pairs[old.id] else {
            // Not among the items the budget settled (compared as text, or asked for outside them): its own.
            if asTextIDs.contains(old.id) { return nil }
            return ownBump(old: old, new: new, correspondence: correspondence)
        }
        var unjudgedLoss = false
        let bump = GoBuildComparison.bump(
            old: old, new: new, before: pair.before, after: pair.after, classes: pair.classes,
            correspondence: correspondence, unjudgedLoss: &unjudgedLoss)
        judged[old.id] = bump
        if unjudgedLoss && bump == .patch { unjudged.insert(old.id) }
        return bump
    }

    /// An item's bump worked out on its own, with the ports this comparison judges.
    private func ownBump(old: SurfaceItem, new: SurfaceItem, correspondence: GoCorrespondence?) -> Bump? {
        guard let before = GoBuildComparison.Builds(old), let after = GoBuildComparison.Builds(new),
            let classes = GoBuildComparison.Classes(Set(before.conditions + after.conditions), named: named)
        else { return nil }
        var unjudgedLoss = false
        let bump = GoBuildComparison.bump(
            old: old, new: new, before: before, after: after, classes: classes, correspondence: correspondence,
            unjudgedLoss: &unjudgedLoss)
        if unjudgedLoss && bump == .patch && old.id == new.id { unjudged.insert(old.id) }
        return bump
    }

    /// The note naming the items that only WebAssembly builds the predecessor never named lose or see change; nil for
    /// none.
    var unjudgedNote: String? {
        guard !unjudged.isEmpty else { return nil }
        let ids = unjudged.sorted { Bytewise.precedes($0, $1) }
        let shown = ids.prefix(5).joined(separator: ", ")
        let more = ids.count > 5 ? " and \(ids.count - 5) more" : ""
        let ports = GoBuildComparison.webAssemblyPorts.subtracting(named).sorted().map { "`\($0)`" }
        return shown + more + ": lost or changed only in builds for WebAssembly (" + ports.joined(separator: ", ")
            + "), which no build condition of the earlier release's Go API names: a program builds there only when "
            + "its authors set out to, so no user had them there and no change is claimed; a project that builds for "
            + "WebAssembly names the port in a condition (a `_js.go` file, a `js` label) and is judged there"
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
