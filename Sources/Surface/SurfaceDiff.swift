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
        var changes: [Change] = []
        let surfaces = Dictionary(policy.surfaces.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        // Surfaces read by go-api follow Go's compatibility rules, and compare packages relative to the module root.
        let goSurfaces = Set(
            policy.surfaces.filter { $0.extractors.contains { $0.kind == "go-api" } }.map(\.name))
        let isGo = { (item: SurfaceItem) in goSurfaces.contains(item.surface) && GoCompatibility.isGoItem(item) }
        let before = goSurfaces.isEmpty ? before : GoCompatibility.movingModules(before, to: after)
        // Surfaces read only by cobra: CobraCompatibility's table judges what a changed flag or alias breaks.
        let cobraSurfaces = Set(
            policy.surfaces.filter { !$0.extractors.isEmpty && $0.extractors.allSatisfy { $0.kind == "cobra" } }
                .map(\.name))
        // Each side's items once, without building the union of ids (a large go-api surface has thousands).
        for (id, old) in before.items {
            guard let new = after.items[id] else {
                // A flag that a command above now declares persistent can still be typed where it was.
                if cobraSurfaces.contains(old.surface), old.stability != .experimental,
                    let heir = CobraCompatibility.inheritedFlag(replacing: old, in: after)
                {
                    let differing = Set(old.attributes.keys).union(heir.attributes.keys)
                        .filter { old.attributes[$0] != heir.attributes[$0] }.sorted()
                    let bump =
                        differing.filter { $0 != "scope" && (surfaces[old.surface]?.isBreaking(attribute: $0) ?? true) }
                        .map { CobraCompatibility.bump(attribute: $0, old: old, new: heir, before: before, after: after) }
                        .max() ?? .patch
                    changes.append(
                        Change(
                            surface: old.surface, key: old.key, kind: .changed, bump: bump, before: old, after: heir,
                            changedAttributes: differing, experimental: false))
                    continue
                }
                let experimental = old.stability == .experimental
                changes.append(make(old, .removed, experimental ? .patch : .major, old, nil, experimental))
                continue
            }
            if old.stability != new.stability { changes += stabilityChanges(old, new) }
            // Most items are unchanged: one dictionary comparison settles them.
            if old.attributes == new.attributes { continue }
            let differing = Set(old.attributes.keys).union(new.attributes.keys)
                .filter { old.attributes[$0] != new.attributes[$0] }.sorted()
            let breaking = differing.filter { surfaces[old.surface]?.isBreaking(attribute: $0) ?? true }
            let experimental = old.stability == .experimental || new.stability == .experimental
            // An attribute the surface does not call breaking promises nothing: a patch.
            var bump: Bump = !experimental && !breaking.isEmpty ? .major : .patch
            if !experimental && isGo(old) && isGo(new) {
                bump = breaking.map { GoCompatibility.bump(attribute: $0, old: old, new: new) }.max() ?? .patch
            } else if !experimental && cobraSurfaces.contains(old.surface) {
                bump =
                    breaking.map {
                        CobraCompatibility.bump(attribute: $0, old: old, new: new, before: before, after: after)
                    }.max() ?? .patch
            }
            changes.append(
                Change(
                    surface: new.surface, key: new.key, kind: .changed, bump: bump, before: old, after: new,
                    changedAttributes: differing, experimental: experimental))
        }
        for (id, new) in after.items where before.items[id] == nil {
            let experimental = new.stability == .experimental
            let bump: Bump =
                experimental
                ? .patch : isGo(new) ? GoCompatibility.additionBump(new, before: before, after: after) : .minor
            changes.append(make(new, .added, bump, nil, new, experimental))
        }
        return changes.sorted { ($0.surface, $0.key, $0.kind.rawValue) < ($1.surface, $1.key, $1.kind.rawValue) }
    }

    private static func make(
        _ item: SurfaceItem, _ kind: Change.Kind, _ bump: Bump, _ before: SurfaceItem?, _ after: SurfaceItem?,
        _ experimental: Bool
    ) -> Change {
        Change(
            surface: item.surface, key: item.key, kind: kind, bump: bump, before: before, after: after,
            changedAttributes: [], experimental: experimental)
    }

    private static func stabilityChanges(_ old: SurfaceItem, _ new: SurfaceItem) -> [Change] {
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
