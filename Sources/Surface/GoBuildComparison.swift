import GoSource
import SemVer

/// An item defined per build (`builds`, ``GoBuildVariants``) compared build by build: what each concrete build
/// (one system, architecture, compiler, Go release and set of tags: ``GoBuild``) sees before and after, not the
/// labels' texts. A label written another way (`windows && windows`), split (`linux || darwin` into two files) or
/// joined by an overlapping one changes nothing a build sees; a definition that changes in one build is judged as the
/// same change of an item with one definition (a var's type becoming `?` is not claimed, review class 2 of session 24).
enum GoBuildComparison {
    /// What one build sees of an item.
    private enum Seen: Hashable {
        /// The item is not in that build.
        case absent
        /// The item, with these attributes.
        case present([String: String])
        /// Two definitions hold in that build: Go does not compile it.
        case conflicting
    }

    /// The item's definitions as the builds tell them apart.
    private struct Builds {
        let build: GoBuildExpression?
        let definitions: [(condition: GoBuildExpression, attributes: [String: String]?)]
        let base: [String: String]

        var tags: Set<String> {
            var tags = build?.tags ?? []
            for definition in definitions { tags.formUnion(definition.condition.tags) }
            return tags
        }

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

        func seen(in build: GoBuild) -> Seen {
            if let condition = self.build, !condition.holds(build.holds) { return .absent }
            var seen: Seen?
            for definition in definitions where definition.condition.holds(build.holds) {
                let this: Seen = definition.attributes.map { .present($0) } ?? .absent
                if let seen, seen != this { return .conflicting }
                seen = this
            }
            return seen ?? .present(base)
        }
    }

    /// The bump the change from `old` to `new` needs, one of them defined per build: the largest over the builds of
    /// what each sees; nil when the builds cannot be told apart (a condition semgate does not write, or more tags
    /// than ``GoBuild/maximumBuilds`` builds tell apart), and the attributes are then judged as texts.
    static func bump(old: SurfaceItem, new: SurfaceItem, correspondence: GoCorrespondence?) -> Bump? {
        guard let before = Builds(old), let after = Builds(new),
            let builds = GoBuild.all(telling: before.tags.union(after.tags))
        else { return nil }
        var pairs: Set<[Seen]> = []
        for build in builds { pairs.insert([before.seen(in: build), after.seen(in: build)]) }
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

    /// Whether a `builds` text shows a value semgate could not read (`GoAPIExtractor.isUnread`) in some build.
    static func showsUnread(_ text: String, isUnread: (String, String) -> Bool) -> Bool {
        guard let definitions = GoBuildVariants.definitions(in: text) else { return false }
        return definitions.contains { definition in
            (definition.attributes ?? [:]).contains { name, value in value.map { isUnread(name, $0) } ?? false }
        }
    }
}
