import Policy
import SemVer

/// One difference in the declared surface between two revisions, with the bump it needs.
public struct Change: Sendable, Hashable {
    /// What happened to the item.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added, removed, changed, deprecated, promoted, demoted
    }

    public let surface: String
    public let key: String
    public let kind: Kind
    public let bump: Bump
    public let before: SurfaceItem?
    public let after: SurfaceItem?
    /// The attributes whose values differ (for `changed`).
    public let changedAttributes: [String]
    /// True when the item is experimental on the side that matters, so the change promises nothing.
    public let experimental: Bool

    /// The identity `surface:key`.
    public var id: String { "\(surface):\(key)" }
    /// Where to look: the new location, else the old one.
    public var location: Location? { after?.location ?? before?.location }
}

/// Compares two surfaces and classifies every difference under the bump rules of the spec.
public enum SurfaceDiff {
    /// The changes from `before` to `after`, sorted by surface, key and kind.
    ///
    /// `removed`, a breaking `changed` and `demoted` need major; `added`, `deprecated` and `promoted` need minor;
    /// a change of a non-breaking attribute, and anything that touches only experimental items, needs patch.
    public static func changes(from before: SurfaceSnapshot, to after: SurfaceSnapshot, policy: Policy) -> [Change] {
        changes(from: before, to: after, policy: policy, candidates: after.changedIDs(since: before))
    }

    /// `changes(from:to:policy:)` comparing only the items of `candidates`, ids that include every item that may
    /// differ (`SurfaceSnapshot.changedIDs(since:)`); nil compares every item.
    ///
    /// With `trustingUncertain`, an item missing under something an extractor could not read in `after` (or new
    /// under something it could not read in `before`) is no change (``SurfaceSnapshot/uncertain``): `audit` judges
    /// the history so, and names those items in a note. Without it (`check`, `diff`: the gate a pull request must
    /// pass) they are changes, so that a command made unreadable cannot hide a removal (fail closed).
    public static func changes(
        from before: SurfaceSnapshot, to after: SurfaceSnapshot, policy: Policy, candidates: Set<String>?,
        trustingUncertain: Bool = false
    ) -> [Change] {
        var notes: [String] = []
        return changes(
            from: before, to: after, policy: policy, candidates: candidates, trustingUncertain: trustingUncertain,
            notes: &notes)
    }

    /// `changes(from:to:policy:candidates:trustingUncertain:)`, adding to `notes` what the kinds say of how they
    /// judged (``Extractor/comparisonNotes(_:)``).
    public static func changes(
        from before: SurfaceSnapshot, to after: SurfaceSnapshot, policy: Policy, candidates: Set<String>?,
        trustingUncertain: Bool = false, notes: inout [String]
    ) -> [Change] {
        var changes: [Change] = []
        let surfaces = Dictionary(policy.surfaces.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // The kinds that read each surface, in order, each once: they judge its changes where they have rules.
        var kinds: [String: [any Extractor.Type]] = [:]
        for surface in policy.surfaces where kinds[surface.name] == nil {
            var found: [any Extractor.Type] = []
            for kind in surface.extractors.compactMap(Extractors.kind(of:))
            where !found.contains(where: { $0.name == kind.name }) {
                found.append(kind)
            }
            kinds[surface.name] = found
        }
        // Which items can differ, from the inputs the reader recorded (nil: compare them all). A kind that aligns
        // `before` (a moved Go module) builds a new snapshot without inputs, and then every item is compared.
        var candidates = candidates
        var before = before
        for kind in Extractors.all {
            let read = Set(kinds.filter { $0.value.contains { $0.name == kind.name } }.keys)
            // A snapshot aligned by a kind before has no inputs: the candidates no longer cover its ids.
            if !read.isEmpty {
                before = kind.aligning(
                    before, to: after, surfaces: read, candidates: before.inputs == nil ? nil : candidates,
                    policy: policy)
            }
        }
        if before.inputs == nil { candidates = nil }
        var surfacesByKind: [String: Set<String>] = [:]
        for (surface, found) in kinds {
            for kind in found { surfacesByKind[kind.name, default: []].insert(surface) }
        }
        let comparison = SurfaceComparison(
            before: before, after: after, surfaces: surfacesByKind, candidates: candidates)
        // Items keyed under a root guessed on one side, found with words before them on the other (`SurfaceRehoming`).
        let forward = trustingUncertain ? SurfaceRehoming(guessing: before, other: after) : nil
        let backward = trustingUncertain ? SurfaceRehoming(guessing: after, other: before) : nil
        func removed(_ old: SurfaceItem) {
            // Under a command the extractor could not follow in `after`: not known to be gone (its notes say so). Not
            // so one only some of the roots a program picks from when it runs have (review RF2): `check` claims its
            // removal, and so does `audit`, or a second root would hide it there.
            if trustingUncertain && after.isUncertain(old) && !after.mayBeRunTimeChoice(old) { return }
            // The same item under a guessed root on one side and with words before it on the other: compared as one
            // (here, or where it is met as added); at or under a command `after` does not read: not known to be gone.
            if let forward, let new = forward.counterpart(ofGuessed: old, in: after) { return compared(old, new) }
            if let backward, backward.counterpart(ofOther: old, in: after) != nil || backward.isUnread(old) { return }
            let experimental = old.stability == .experimental
            let judges = kinds[old.surface] ?? []
            // An item users still reach through another one (a flag a command above now declares persistent).
            if !experimental, let heir = judges.lazy.compactMap({ $0.replacement(forRemoved: old, before: before, in: after) }).first {
                let differing = Set(old.attributes.keys).union(heir.attributes.keys)
                    .filter { !Bytewise.same(old.attributes[$0], heir.attributes[$0]) }.sorted()
                let bump =
                    differing.filter { surfaces[old.surface]?.isBreaking(attribute: $0) ?? true }
                    .map { attribute in
                        judges.lazy.compactMap {
                            $0.bump(attribute: attribute, old: old, new: heir, in: comparison)
                        }
                        .first ?? .major
                    }.max() ?? .patch
                changes.append(
                    Change(
                        surface: old.surface, key: old.key, kind: .changed, bump: bump, before: old, after: heir,
                        changedAttributes: differing, experimental: false))
                return
            }
            let bump: Bump =
                experimental
                ? .patch : judges.lazy.compactMap { $0.removalBump(old, in: comparison) }.first ?? .major
            changes.append(make(old, .removed, bump, old, nil, experimental))
        }
        func compared(_ old: SurfaceItem, _ new: SurfaceItem) {
            if old.isIdentical(to: new) { return }
            // One id, other bytes (`caf\u{e9}` then `cafe\u{301}`): the spellings differ in `key-bytes`.
            let (old, new) = KeyBytes.aligned(old, new)
            if old.stability != new.stability {
                changes += stabilityChanges(old, new, startsHiding: startsHiding(old, new, policy: policy))
            }
            // Most items are unchanged: one comparison of the attributes (by bytes) settles them.
            if Bytewise.same(old.attributes, new.attributes) { return }
            let differing = Set(old.attributes.keys).union(new.attributes.keys)
                .filter { !Bytewise.same(old.attributes[$0], new.attributes[$0]) }.sorted()
            let breaking = differing.filter {
                $0 == KeyBytes.attribute || (surfaces[old.surface]?.isBreaking(attribute: $0) ?? true)
            }
            // An item hidden in this release was promised until now: its other changes are judged by that promise.
            let experimental =
                old.stability == .experimental
                || (new.stability == .experimental && !startsHiding(old, new, policy: policy))
            // An attribute the surface does not call breaking promises nothing: a patch. A breaking one is major
            // unless a kind that reads the surface has a rule for it (Go's numeric widening, a cobra shorthand added).
            let judges = kinds[old.surface] ?? []
            let bump: Bump =
                experimental
                ? .patch
                : breaking.map { attribute in
                    // A spelling gone is judged as the item's removal, a new one as its addition.
                    if attribute == KeyBytes.attribute {
                        return KeyBytes.losesSpelling(old, new)
                            ? judges.lazy.compactMap { $0.removalBump(old, in: comparison) }.first ?? .major
                            : judges.lazy.compactMap { $0.additionBump(new, before: before, after: after) }.first
                                ?? .minor
                    }
                    return judges.lazy.compactMap {
                        $0.bump(attribute: attribute, old: old, new: new, in: comparison)
                    }.first ?? .major
                }.max() ?? .patch
            changes.append(
                Change(
                    surface: new.surface, key: new.key, kind: .changed, bump: bump, before: old, after: new,
                    changedAttributes: differing, experimental: experimental))
        }
        func added(_ new: SurfaceItem) {
            // Under a command the extractor could not follow in `before`: not known to be new.
            if trustingUncertain && before.isUncertain(new) { return }
            if let backward, let old = backward.counterpart(ofGuessed: new, in: before) { return compared(old, new) }
            // At or under a command `before` did not read (`ko deps` when `ko` was not read): not known to be new.
            if let forward, forward.counterpart(ofOther: new, in: before) != nil || forward.isUnread(new) { return }
            let judges = kinds[new.surface] ?? []
            // An item users already reached through another one (a persistent flag above, which a command's own flag
            // of that name now shadows): compared with it, so that a change of type or shorthand still shows.
            if let old = judges.lazy.compactMap({ $0.predecessor(forAdded: new, before: before, after: after) }).first {
                return compared(old, new)
            }
            let experimental = new.stability == .experimental
            let bump: Bump =
                experimental
                ? .patch
                : judges.lazy.compactMap { $0.additionBump(new, before: before, after: after) }.first ?? .minor
            changes.append(make(new, .added, bump, nil, new, experimental))
        }
        // Roots two programs run: removals from one program, and items some program has otherwise, judged per program.
        let programs = SurfacePrograms(before: before, after: after)
        let perProgram = programs?.comparedPerProgram ?? []
        if let candidates {
            for id in candidates {
                switch (before.items[id], after.items[id]) {
                case (let old?, let new?): if !perProgram.contains(id) { compared(old, new) }
                case (let old?, nil): removed(old)
                case (nil, let new?): added(new)
                case (nil, nil): continue
                }
            }
        } else {
            // Each side's items once, without building the union of ids (a large go-api surface has thousands).
            for (id, old) in before.items {
                if let new = after.items[id] {
                    if !perProgram.contains(id) { compared(old, new) }
                } else {
                    removed(old)
                }
            }
            for (id, new) in after.items where before.items[id] == nil { added(new) }
        }
        if let programs {
            // Gone from a program though another still has it: removed as the surface's item would be (not through
            // another item users reach it by, which may be another program's).
            for old in programs.removed {
                if trustingUncertain && after.isUncertain(old) && !after.mayBeRunTimeChoice(old) { continue }
                let experimental = old.stability == .experimental
                let bump: Bump =
                    experimental
                    ? .patch
                    : (kinds[old.surface] ?? []).lazy.compactMap { $0.removalBump(old, in: comparison) }.first ?? .major
                changes.append(make(old, .removed, bump, old, nil, experimental))
            }
            let start = changes.count
            for pair in programs.compared { compared(pair.old, pair.new) }
            // Two programs changed alike give one change; of two that differ, the one that needs the most.
            var strongest: [String: Int] = [:]
            for index in start..<changes.count {
                let change = changes[index]
                let key = change.id + "\u{0}" + change.kind.rawValue
                if let kept = strongest[key] {
                    if changes[kept].bump < change.bump { strongest[key] = index }
                } else {
                    strongest[key] = index
                }
            }
            let kept = Set(strongest.values)
            changes = Array(changes[..<start]) + (start..<changes.count).filter { kept.contains($0) }.map { changes[$0] }
        }
        for kind in Extractors.all where kinds.values.contains(where: { $0.contains { $0.name == kind.name } }) {
            notes += kind.comparisonNotes(comparison)
        }
        return inReportOrder(changes)
    }

    /// `changes` in the order `changes(from:to:policy:candidates:trustingUncertain:)` gives them: by surface, key and
    /// kind, bytewise, so that lists put together from several diffs read as one.
    public static func inReportOrder(_ changes: [Change]) -> [Change] {
        changes.sorted {
            Bytewise.precedes([$0.surface, $0.key, $0.kind.rawValue], [$1.surface, $1.key, $1.kind.rawValue])
        }
    }

    /// The items of `before` missing from `after` under something an extractor could not read there
    /// (``SurfaceSnapshot/uncertain``), which `changes` does not call removed; `candidates` as for `changes`.
    public static func uncertainRemovals(
        from before: SurfaceSnapshot, to after: SurfaceSnapshot, candidates: Set<String>?
    ) -> [SurfaceItem] {
        guard !after.uncertain.isEmpty else { return [] }
        let missing: [SurfaceItem]
        if let candidates {
            missing = candidates.compactMap { id in after.items[id] == nil ? before.items[id] : nil }
        } else {
            missing = before.items.values.filter { after.items[$0.id] == nil }
        }
        return missing.filter { after.isUncertain($0) && !after.mayBeRunTimeChoice($0) }
            .sorted { Bytewise.precedes($0.id, $1.id) }
    }

    /// What `changes` trusting what is uncertain does not claim about roots keyed by guess (`SurfaceRehoming`), as
    /// notes: the items it compared with the item they are found as on the other side (`apply --bare`, guessed,
    /// and `ko apply --bare`), and those at or under a command one side did not read, neither claimed removed nor
    /// added; `candidates` as for `changes`.
    public static func unplacedNotes(
        from before: SurfaceSnapshot, to after: SurfaceSnapshot, candidates: Set<String>?
    ) -> [String] {
        let forward = SurfaceRehoming(guessing: before, other: after)
        let backward = SurfaceRehoming(guessing: after, other: before)
        guard forward != nil || backward != nil else { return [] }
        var removed: [SurfaceItem] = []
        var added: [SurfaceItem] = []
        if let candidates {
            for id in candidates {
                switch (before.items[id], after.items[id]) {
                case (let old?, nil): removed.append(old)
                case (nil, let new?): added.append(new)
                default: continue
                }
            }
        } else {
            removed = before.items.values.filter { after.items[$0.id] == nil }
            added = after.items.values.filter { before.items[$0.id] == nil }
        }
        var moved: [(from: SurfaceItem, to: SurfaceItem)] = []
        var unreadRemoved: [SurfaceItem] = []
        var unreadAdded: [SurfaceItem] = []
        for old in removed where !after.isUncertain(old) {
            if let new = forward?.counterpart(ofGuessed: old, in: after) {
                moved.append((old, new))
            } else if let backward, backward.counterpart(ofOther: old, in: after) == nil, backward.isUnread(old) {
                unreadRemoved.append(old)
            }
        }
        for new in added where !before.isUncertain(new) {
            if let old = backward?.counterpart(ofGuessed: new, in: before) {
                moved.append((old, new))
            } else if let forward, forward.counterpart(ofOther: new, in: before) == nil, forward.isUnread(new) {
                unreadAdded.append(new)
            }
        }
        func named(_ items: [SurfaceItem]) -> String {
            let shown = items.prefix(5).map(\.id).joined(separator: ", ")
            return shown + (items.count > 5 ? " and \(items.count - 5) more" : "")
        }
        let guessed =
            "semgate keys a command handed to an AddCommand on a command it could not follow as a root, though users "
            + "may type words before it; see the notes"
        var notes: [String] = []
        if !moved.isEmpty {
            moved.sort { Bytewise.precedes($0.from.id, $1.from.id) }
            let pairs = moved.prefix(3).map { "\($0.from.id) is \($0.to.id)" }.joined(separator: ", ")
            let more = moved.count > 3 ? " and \(moved.count - 3) more" : ""
            notes.append(
                "\(pairs)\(more): keyed under a root guessed on one side and found with other words before them on the "
                    + "other (\(guessed)); semgate compares each as one item and claims neither its removal nor its "
                    + "addition")
        }
        // Items at or under a command one side did not read: what semgate cannot tell about them.
        for (items, what) in [
            (
                unreadRemoved,
                "no longer in the surface, under a command not read here, to which the commands keyed as roots here "
                    + "are added (\(guessed)); semgate cannot tell whether "
                    + "\(unreadRemoved.count == 1 ? "it was" : "they were") removed and does not claim a break"
            ),
            (
                unreadAdded,
                "new in the surface, under a command the release before did not read, to which the commands it keyed "
                    + "as roots were added (\(guessed)); semgate cannot tell whether "
                    + "\(unreadAdded.count == 1 ? "it is" : "they are") new and does not claim an addition"
            ),
        ] where !items.isEmpty {
            notes.append(named(items.sorted { Bytewise.precedes($0.id, $1.id) }) + ": " + what)
        }
        return notes
    }

    /// The note that names the changes of `changes` not claimed because a breaking attribute could not be read on one
    /// side (``Extractor/isUnread(attribute:value:)``: a cobra flag's type `int` became `custom`, its shorthand `p`
    /// became `?`): the first few with what changed, and how many; nil for none. Such a change may be a break that
    /// semgate cannot show: it is not claimed (a type from another package, a flag made at run time), but never
    /// silent either. A change claimed as a break anyway is not named.
    /// The note that names promised items removed without a claim because their kind cannot know whether they are
    /// still there (``Extractor/unclaimedRemovalReason(_:)``: a member of a type that now embeds another module's
    /// type), so that no removal passes without a word (review R82); nil for none.
    /// The notes a comparison's `changes` need beside them: unread values (``unreadChangesNote(_:policy:)``),
    /// removals not claimed (``unclaimedRemovalsNote(_:policy:)``), and what each kind says of its claims
    /// (``Extractor/claimedChangesNote(_:)``), in that order.
    public static func changeNotes(_ changes: [Change], policy: Policy) -> [String] {
        var notes = [unreadChangesNote(changes, policy: policy), unclaimedRemovalsNote(changes, policy: policy)]
        var bySurface: [String: [Change]] = [:]
        for change in changes { bySurface[change.surface, default: []].append(change) }
        var kinds: [ObjectIdentifier: (kind: any Extractor.Type, changes: [Change])] = [:]
        var order: [ObjectIdentifier] = []
        for surface in policy.surfaces {
            guard let own = bySurface[surface.name] else { continue }
            var seen: Set<ObjectIdentifier> = []
            for kind in surface.extractors.compactMap(Extractors.kind(of:)) {
                let id = ObjectIdentifier(kind)
                guard seen.insert(id).inserted else { continue }
                if kinds[id] == nil {
                    kinds[id] = (kind, [])
                    order.append(id)
                }
                kinds[id]?.changes += own
            }
        }
        for id in order { if let entry = kinds[id] { notes.append(entry.kind.claimedChangesNote(entry.changes)) } }
        return notes.compactMap { $0 }
    }

    public static func unclaimedRemovalsNote(_ changes: [Change], policy: Policy) -> String? {
        var named: [String] = []
        var reasons: [String] = []
        var count = 0
        for change in changes where change.kind == .removed && !change.experimental && change.bump < .major {
            guard let old = change.before, let surface = policy.surface(named: change.surface) else { continue }
            let found = surface.extractors.compactMap(Extractors.kind(of:)).lazy
                .compactMap { $0.unclaimedRemovalReason(old) }.first
            guard let reason = found else { continue }
            if !reasons.contains(reason) { reasons.append(reason) }
            count += 1
            if named.count < 5 { named.append(change.id) }
        }
        guard count > 0 else { return nil }
        let more = count > named.count ? " and \(count - named.count) more" : ""
        let they = count == 1 ? "it" : "they"
        return named.joined(separator: ", ") + more + ": no longer listed, but " + reasons.joined(separator: "; ")
            + ", so \(they) may still be there and semgate does not claim a break; check by hand, since code that "
            + "used \(count == 1 ? "it" : "them") may now fail"
    }

    public static func unreadChangesNote(_ changes: [Change], policy: Policy) -> String? {
        var kinds: [String: [any Extractor.Type]] = [:]
        var named: [String] = []
        var count = 0
        // What the unread values of the kinds that read them look like, in the order first met.
        var looks: [String] = []
        var risks: [String] = []
        for change in changes where change.kind == .changed && !change.experimental && change.bump < .major {
            guard let old = change.before, let new = change.after,
                let surface = policy.surface(named: change.surface)
            else { continue }
            if kinds[change.surface] == nil {
                kinds[change.surface] = surface.extractors.compactMap(Extractors.kind(of:))
            }
            let judges = kinds[change.surface] ?? []
            var readers: [any Extractor.Type] = []
            let unread = change.changedAttributes.filter { attribute in
                guard surface.isBreaking(attribute: attribute) else { return false }
                let found = judges.filter { judge in
                    [old.attributes[attribute], new.attributes[attribute]].contains { value in
                        value.map { judge.isUnread(attribute: attribute, value: $0) } ?? false
                    }
                }
                readers += found
                return !found.isEmpty
            }
            guard !unread.isEmpty else { continue }
            for (look, risk) in readers.compactMap({ $0.unreadValues }) {
                if !looks.contains(look) { looks.append(look) }
                if !risks.contains(risk) { risks.append(risk) }
            }
            count += 1
            guard named.count < 5 else { continue }
            func shown(_ value: String?) -> String {
                guard let value else { return "none" }
                if value.isEmpty { return "\"\"" }
                // A long value (a const holding a whole config file) is named by its start.
                return value.count > 60 ? String(value.prefix(57)) + "..." : value
            }
            let what = unread.map { "\($0) \(shown(old.attributes[$0])) → \(shown(new.attributes[$0]))" }
            named.append("\(change.id) (\(what.joined(separator: ", ")))")
        }
        guard count > 0 else { return nil }
        let more = count > named.count ? " and \(count - named.count) more" : ""
        let it = count == 1 ? "it" : "each"
        let look = looks.isEmpty ? "" : looks.joined(separator: "; ") + ": "
        return named.joined(separator: ", ") + more + ": " + (count == 1 ? "an attribute" : "attributes")
            + " users rely on could not be read on one side (\(look)see the notes), so "
            + "semgate does not claim a break; check \(it) by hand, since "
            + (risks.isEmpty ? "what worked" : risks.joined(separator: " or ")) + " may now fail"
    }

    /// The note that says which items `uncertainRemovals` found, naming the first few; nil for none.
    public static func uncertainRemovalNote(_ items: [SurfaceItem]) -> String? {
        guard !items.isEmpty else { return nil }
        let shown = items.prefix(5).map(\.id).joined(separator: ", ")
        let more = items.count > 5 ? " and \(items.count - 5) more" : ""
        let they = items.count == 1 ? "it was" : "they were"
        return "\(shown)\(more): no longer in the surface, but under commands the extractor could not follow there "
            + "(see the notes on them); semgate cannot tell whether \(they) removed and does not claim a break"
    }

    private static func make(
        _ item: SurfaceItem, _ kind: Change.Kind, _ bump: Bump, _ before: SurfaceItem?, _ after: SurfaceItem?,
        _ experimental: Bool
    ) -> Change {
        Change(
            surface: item.surface, key: item.key, kind: kind, bump: bump, before: before, after: after,
            changedAttributes: [], experimental: experimental)
    }

    /// Whether a promised item starts being hidden, under the policy's `hidden: experimental`.
    private static func startsHiding(_ old: SurfaceItem, _ new: SurfaceItem, policy: Policy) -> Bool {
        policy.hidden == .experimental && old.stability == .stable && new.stability == .experimental
            && new.attributes["hidden"] == "true" && old.attributes["hidden"] != "true"
    }

    /// The change of stability from `old` to `new`. A promised item that the program starts hiding (`startsHiding`)
    /// is deprecated, not demoted: hiding is how command lines deprecate (pflag's `MarkDeprecated` hides the flag),
    /// users who type it still can, and it may go in a later release.
    private static func stabilityChanges(_ old: SurfaceItem, _ new: SurfaceItem, startsHiding: Bool) -> [Change] {
        if startsHiding { return [make(new, .deprecated, .minor, old, new, false)] }
        switch (old.stability, new.stability) {
        case (.experimental, .stable):
            return [make(new, .promoted, .minor, old, new, false)]
        case (.stable, .experimental), (.deprecated, .experimental):
            return [make(new, .demoted, .major, old, new, false)]
        case (.stable, .deprecated):
            return [make(new, .deprecated, .minor, old, new, false)]
        case (.experimental, .deprecated):
            return [make(new, .deprecated, .patch, old, new, true)]
        case (.deprecated, .stable):
            // Withdrawing a deprecation promises more than before: an addition in effect.
            return [make(new, .promoted, .minor, old, new, false)]
        default:
            return []
        }
    }
}
