/// Which type names of an old package version stand for which names of the new one, after apidiff's correspondence
/// rules, read from the text of go-api attributes.
///
/// apidiff compares types by correspondence, not by name: an unexported type may be renamed (it cannot be named by
/// other packages), a type renamed while an alias keeps the old name (`type Old = New`) is the same type, and type
/// parameters may be renamed. A changed `signature`, `type`, `typeparams` or `alias-of` whose only differences are
/// such renames is no change. An old unexported name must stand for one new name across the whole comparison:
/// splitting it into two (`u1` becoming `u2` here and `u3` there) is a change, as apidiff says.
final class GoCorrespondence {
    private static let predeclared: Set<String> = [
        "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
        "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
        "func", "chan", "map", "struct", "interface", "untyped",
    ]
    static let compared: Set<String> = ["signature", "type", "typeparams", "alias-of"]

    /// Attributes that say where or how an item was found, not what it is.
    private static let shapeless: Set<String> = ["alias-of", "note", "exposed", "build", "via"]
    private let before: SurfaceSnapshot
    private let after: SurfaceSnapshot
    private let surfaces: Set<String>
    /// `surfaces` in order, for lookups that try each.
    private let orderedSurfaces: [String]
    private let candidates: Set<String>?

    // Worked out the first time a rename asks (most comparisons have none), from the items that may differ or, for
    // the rare questions about a whole package, from its items: a comparison costs what changed, not the surface.
    /// How often each old unexported name meets each new name in the comparison.
    private lazy var unexportedTargets: [String: [String: Int]] = countUnexportedRenames()
    /// The members of the old side's exposed unexported types, by the type's id: (member name, item).
    private lazy var exposedMembers: [String: [(String, SurfaceItem)]] = {
        var members: [String: [(String, SurfaceItem)]] = [:]
        for (id, item) in before.items where isGo(item) && item.attributes["exposed"] == "yes" {
            guard let dot = id.lastIndex(of: "."), before.items[String(id[..<dot])]?.attributes["exposed"] == "yes"
            else { continue }
            members[String(id[..<dot]), default: []].append((String(id[id.index(after: dot)...]), item))
        }
        return members
    }()

    /// The correspondence of `before` and `after` for the go-api items of `surfaces`; `candidates` holds every id
    /// whose item may differ between them (`SurfaceSnapshot.changedIDs(since:)`; nil: any may), the only items
    /// whose renames count.
    init(before: SurfaceSnapshot, after: SurfaceSnapshot, surfaces: Set<String>, candidates: Set<String>? = nil) {
        self.before = before
        self.after = after
        self.surfaces = surfaces
        self.orderedSurfaces = surfaces.sorted()
        self.candidates = candidates
    }

    /// How often each old unexported name meets each new name in the changed attributes of the comparison.
    private func countUnexportedRenames() -> [String: [String: Int]] {
        var targets: [String: [String: Int]] = [:]
        func count(_ old: SurfaceItem, id: String) {
            guard isGo(old), let new = after.items[id], old.attributes != new.attributes else { return }
            for attribute in Self.compared {
                guard let from = old.attributes[attribute], let to = new.attributes[attribute], from != to,
                    let pairs = Self.renames(from, to)
                else { continue }
                for (a, b) in pairs where Self.isUnexportedName(a) {
                    targets[a, default: [:]][b, default: 0] += 1
                }
            }
        }
        if let candidates {
            for id in candidates { if let old = before.items[id] { count(old, id: id) } }
        } else {
            for (id, old) in before.items { count(old, id: id) }
        }
        return targets
    }

    private func isGo(_ item: SurfaceItem) -> Bool {
        surfaces.contains(item.surface) && GoCompatibility.isGoItem(item)
    }

    /// Whether `key` is a package of the go-api surfaces of `snapshot`.
    private func isPackage(_ key: String, in snapshot: SurfaceSnapshot) -> Bool {
        orderedSurfaces.contains { surface in
            guard let item = snapshot.items[surface + ":" + key] else { return false }
            return isGo(item) && item.attributes["kind"] == "package"
        }
    }

    /// The package of an item key on one side and the item's first name after it (`example.com/p.T.M` gives
    /// `example.com/p` and `T`): the longest prefix ending before a dot that is a package there.
    private func split(_ key: String, in snapshot: SurfaceSnapshot) -> (package: String, name: String)? {
        var index = key.endIndex
        while let dot = key[..<index].lastIndex(of: ".") {
            let package = String(key[..<dot])
            if isPackage(package, in: snapshot) {
                let rest = key[key.index(after: dot)...]
                return (package, String(rest.prefix { $0 != "." }))
            }
            index = dot
        }
        return nil
    }

    /// The type the new side's `name` of `package` is an alias of, when it is one: a type of the package
    /// (`alias-of`) or a predeclared type (`type Completion = string`).
    private func newAlias(of name: String, in package: String) -> String? {
        guard isPackage(package, in: after) else { return nil }
        for surface in orderedSurfaces {
            guard let item = after.items[surface + ":" + package + "." + name], isGo(item) else { continue }
            if let target = item.attributes["alias-of"] { return target }
            if let target = Self.predeclaredTarget(of: item), !shadows(target, in: package, on: after) { return target }
        }
        return nil
    }

    /// The predeclared type the old side's `name` of `package` is an alias of (`type Completion = string`), when it
    /// is one: the old text wrote the alias, the new one its target.
    private func oldPredeclaredAlias(of name: String, in package: String) -> String? {
        guard isPackage(package, in: before) else { return nil }
        for surface in orderedSurfaces {
            if let item = before.items[surface + ":" + package + "." + name], isGo(item),
                let target = Self.predeclaredTarget(of: item), !shadows(target, in: package, on: before)
            {
                return target
            }
        }
        return nil
    }

    /// Whether `package` declares the universe name `name` again on that side (its item's `shadows`): then `= string`
    /// names the package's own type.
    private func shadows(_ name: String, in package: String, on snapshot: SurfaceSnapshot) -> Bool {
        orderedSurfaces.contains { surface in
            snapshot.items[surface + ":" + package]?.attributes["shadows"]?.split(separator: ",")
                .contains { $0 == name } ?? false
        }
    }

    /// The types a Go program may name without declaring them (not the keywords that open a type literal).
    private static let predeclaredTypes = predeclared.subtracting([
        "comparable", "func", "chan", "map", "struct", "interface", "untyped",
    ])

    /// `string` for an alias item `type Completion = string` (`kind=alias type== string`): it and its target are
    /// one type, so a text that writes one where it wrote the other is the same.
    private static func predeclaredTarget(of item: SurfaceItem) -> String? {
        guard item.attributes["kind"] == "alias", item.attributes["typeparams"] == nil,
            let type = item.attributes["type"], type.hasPrefix("= ")
        else { return nil }
        let target = String(type.dropFirst(2))
        return predeclaredTypes.contains(target) ? target : nil
    }

    /// True when `old`'s value of `attribute` becomes `new`'s only through corresponding renames. Type parameters
    /// are compared by position (each side's names written as their place, `[#0 any](string, #0)`): renaming one
    /// is no change, renaming one to a name the text wrote for something else (`T` to `string` in
    /// `[T any](string, T)`) is.
    func corresponds(attribute: String, old: SurfaceItem, new: SurfaceItem) -> Bool {
        guard let from = old.attributes[attribute], let to = new.attributes[attribute] else { return false }
        let oldParameters = typeParameters(of: old, in: before)
        let newParameters = typeParameters(of: new, in: after)
        let oldTokens = Self.positional(Self.tokens(from), oldParameters)
        let newTokens = Self.positional(Self.tokens(to), newParameters)
        if oldTokens == newTokens {
            return !oldParameters.isEmpty && !capturesTypeParameter(old)
        }
        // A name that is an alias of one named type is that type (`type Field = zapcore.Field`: `Field` written
        // where `zapcore.Field` was; a type moved to another package behind an alias): old names as the new side
        // defines them (else as the old side did), new names as the new side does.
        if let oldPackage = split(old.key, in: before)?.package, let newPackage = split(new.key, in: after)?.package,
            expandingAliases(oldTokens, in: oldPackage, sides: [.new, .old])
                == expandingAliases(newTokens, in: newPackage, sides: [.new])
        {
            return true
        }
        guard let pairs = Self.renames(oldTokens, newTokens), !pairs.isEmpty else { return false }
        let package = split(old.key, in: before)?.package
        return pairs.allSatisfy { a, b in
            if let package, sameType(a, b, in: package) { return true }
            guard Self.isUnexportedName(a), correspondingName(of: a) == b, let package else { return false }
            return shapesMatch(a, b, package: package, surface: old.surface)
        }
    }

    /// True when `from`, the type text of the old defined type `old`, and `to`, the text of the type its new alias
    /// `new` names (`underlying`, as the alias's package writes it), write the same type: names as the new side's
    /// aliases define them (`Classifier` where `type Classifier = other.Classifier`), and each old unexported type
    /// that users could do nothing with but hold and pass on (no exported member, not comparable: listed with
    /// `exposed=yes`, `comparable=no`) standing for one named type of the new text (`matcherContext` for
    /// `other.MatcherContext`). A type moved to another package behind an alias is then the same type.
    func correspondsAsMoved(_ from: String, _ to: String, old: SurfaceItem, new: SurfaceItem) -> Bool {
        guard let package = split(old.key, in: before)?.package, split(new.key, in: after)?.package == package else {
            return false
        }
        let oldTokens = expandingAliases(Self.tokens(from), in: package, sides: [.new, .old])
        let newTokens = expandingAliases(Self.tokens(to), in: package, sides: [.new])
        var standsFor: [String: [String]] = [:]
        var (i, j) = (0, 0)
        while i < oldTokens.count, j < newTokens.count {
            if oldTokens[i] == newTokens[j] {
                i += 1
                j += 1
                continue
            }
            let name = oldTokens[i]
            guard Self.isUnexportedName(name), !(i > 0 && oldTokens[i - 1] == "."),
                !(i + 1 < oldTokens.count && oldTokens[i + 1] == "."), Self.isIdentifier(newTokens[j])
            else { return false }
            let qualified = j + 2 < newTokens.count && newTokens[j + 1] == "." && Self.isIdentifier(newTokens[j + 2])
            let named = qualified ? Array(newTokens[j...(j + 2)]) : [newTokens[j]]
            if let earlier = standsFor[name] {
                guard earlier == named else { return false }
            } else {
                // Two old types never become one: a value of each could be passed where the other was taken.
                guard isInert(name, in: package, surface: old.surface), !standsFor.values.contains(named) else {
                    return false
                }
                standsFor[name] = named
            }
            i += 1
            j += named.count
        }
        return i == oldTokens.count && j == newTokens.count
    }

    /// The `imports` of the new side's aliases that `correspondsAsMoved` reads for the old names of `text` (of `old`'s
    /// package): the packages their targets' qualifiers name, which the target's text must name alike.
    func aliasImports(in text: String, of old: SurfaceItem) -> [String] {
        guard let package = split(old.key, in: before)?.package else { return [] }
        let tokens = Self.tokens(text)
        var found: [String] = []
        for (index, token) in tokens.enumerated()
        where Self.isIdentifier(token) && !(index > 0 && tokens[index - 1] == ".")
            && !(index + 1 < tokens.count && tokens[index + 1] == ".")
        {
            for surface in orderedSurfaces {
                guard let item = after.items[surface + ":" + package + "." + token], isGo(item),
                    item.attributes["kind"] == "alias", let imports = item.attributes["imports"]
                else { continue }
                found.append(imports)
            }
        }
        return found
    }

    /// Whether the old side's unexported type `name` of `package` offered users nothing but holding and passing on a
    /// value, and they can hold none at the new side: listed (`exposed=yes`) as a type that is not comparable, with no
    /// exported member, that no exported alias names on either side (`type Ctx = name`), and that no exported item
    /// of the new side exposes (it is not listed there: gone, or named by nothing users reach). A value users got
    /// from an item that no longer gives one is that item's change (a removed `NewContext`, a changed field).
    private func isInert(_ name: String, in package: String, surface: String) -> Bool {
        let id = "\(surface):\(package).\(name)"
        guard let item = before.items[id], item.attributes["exposed"] == "yes", item.attributes["kind"] == "type",
            item.attributes["comparable"] == "no", item.attributes["typeparams"] == nil, item.attributes["alias-of"] == nil,
            after.items[id] == nil, (exposedMembers[id] ?? []).isEmpty
        else { return false }
        let prefix = package + "."
        return ![before, after].contains { snapshot in
            snapshot.items.values.contains { other in
                other.attributes["alias-of"] == name && other.key.hasPrefix(prefix) && isGo(other)
                    && split(other.key, in: snapshot)?.package == package
            }
        }
    }

    /// True when the old unexported type `a` (listed with `exposed=yes`) and the new type `b` have the same type and
    /// the same exported members: renaming it changed nothing a user can see. A predeclared `b` (`type t int`
    /// becoming `int`) matches a type with that underlying type and no members.
    private func shapesMatch(_ a: String, _ b: String, package: String, surface: String) -> Bool {
        guard let old = before.items["\(surface):\(package).\(a)"] else { return false }
        let shape = { (item: SurfaceItem) in item.attributes.filter { !Self.shapeless.contains($0.key) } }
        let members = exposedMembers["\(surface):\(package).\(a)"] ?? []
        guard let new = after.items["\(surface):\(package).\(b)"] else {
            return Self.predeclared.contains(b) && old.attributes["type"] == b && members.isEmpty
        }
        guard shape(old) == shape(new) else { return false }
        return members.allSatisfy { suffix, member in
            guard let counterpart = after.items["\(surface):\(package).\(b).\(suffix)"] else { return false }
            return shape(counterpart) == shape(member)
        }
    }

    /// True when two names of a package denote one type on the new side (one is an alias of the other, or both are
    /// aliases of one type), or the old name was an alias of the predeclared type the new one is.
    func sameType(_ a: String, _ b: String, in package: String) -> Bool {
        (newAlias(of: a, in: package) ?? oldPredeclaredAlias(of: a, in: package) ?? a)
            == (newAlias(of: b, in: package) ?? b)
    }

    /// Whether an exported item of the old side's package `package` writes the name `name` in its type or signature
    /// (so users can hold a value of that type without going through an alias of it).
    func oldExportedItemsName(_ name: String, in package: String) -> Bool {
        before.items.values.contains { item in
            guard isGo(item), item.attributes["exposed"] != "yes", item.key.hasPrefix(package + "."),
                split(item.key, in: before)?.package == package
            else { return false }
            return ["type", "signature"].contains {
                item.attributes[$0].map { Self.tokens($0).contains(name) } ?? false
            }
        }
    }

    /// The package of a go-api item on the old side.
    func oldPackage(of item: SurfaceItem) -> String? {
        split(item.key, in: before)?.package
    }

    /// The new name an old unexported name stands for: the one it meets most often, when exactly one does (apidiff
    /// keeps the first correspondence it meets and reports the others; the most frequent does not depend on order).
    private func correspondingName(of name: String) -> String? {
        guard let targets = unexportedTargets[name], let most = targets.values.max() else { return nil }
        let winners = targets.filter { $0.value == most }
        return winners.count == 1 ? winners.first?.key : nil
    }

    /// `tokens` of a text of `package` with each name that an alias of one named type declares written as that type:
    /// `Field` as `zapcore.Field` where `type Field = zapcore.Field`, and `pkgcataloging.SelectionRequest` as
    /// `cataloging.SelectionRequest` in another package's text. Names are looked up in `sides` in order; a
    /// qualifier names the package of the go-api surfaces spelled so when exactly one is. One alias is followed a
    /// name.
    private func expandingAliases(_ tokens: [String], in package: String, sides: [Side]) -> [String] {
        var result: [String] = []
        func target(_ name: String, of owner: String) -> [String]? {
            for side in sides {
                if let found = aliasTarget(name, of: owner, on: side, seenFrom: package) { return found }
            }
            return nil
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if index + 2 < tokens.count, tokens[index + 1] == ".", Self.isIdentifier(token),
                Self.isIdentifier(tokens[index + 2])
            {
                if let owner = sides.lazy.compactMap({ self.package(spelled: token, on: $0) }).first,
                    owner != package, let expanded = target(tokens[index + 2], of: owner)
                {
                    result += expanded
                } else {
                    result += tokens[index..<index + 3]
                }
                index += 3
                continue
            }
            if Self.isIdentifier(token), let expanded = target(token, of: package) {
                result += expanded
            } else {
                result.append(token)
            }
            index += 1
        }
        return result
    }

    /// What `owner`'s `name` stands for on one side when it is an alias of one named type without type arguments, as
    /// a text of package `viewer` writes it: `zapcore.Field` for `type Field = zapcore.Field`, `string` for `type
    /// Word = string` (not where the package declares `string` itself), `HTTPClient` (or `p.HTTPClient` from
    /// another package) for `type Client = HTTPClient`; nil otherwise.
    private func aliasTarget(_ name: String, of owner: String, on side: Side, seenFrom viewer: String) -> [String]? {
        let snapshot = side == .new ? after : before
        for surface in orderedSurfaces {
            guard let item = snapshot.items[surface + ":" + owner + "." + name], isGo(item),
                item.attributes["kind"] == "alias", item.attributes["typeparams"] == nil
            else { continue }
            if let local = item.attributes["alias-of"] {
                if owner == viewer { return [local] }
                return qualifier(of: owner).map { [$0, ".", local] }
            }
            guard let type = item.attributes["type"], type.hasPrefix("= ") else { return nil }
            let target = Self.tokens(String(type.dropFirst(2)))
            if target.count == 1, Self.isIdentifier(target[0]) {
                guard Self.predeclaredTypes.contains(target[0]), !shadows(target[0], in: owner, on: snapshot) else {
                    return nil
                }
                return target
            }
            guard target.count == 3, target[1] == ".", Self.isIdentifier(target[0]), Self.isIdentifier(target[2])
            else { return nil }
            // `other.T` seen from `other` itself is `T`.
            if qualifier(of: viewer) == target[0], package(spelled: target[0], on: side) == viewer {
                return [target[2]]
            }
            return target
        }
        return nil
    }

    /// The qualifier texts spell a package of the module with: the last element of its import path, the one before
    /// a major version (`ParsedGoFile.canonicalQualifiers`).
    private func qualifier(of package: String) -> String? {
        ParsedGoFile.canonicalName(of: package) ?? ParsedGoFile.versionlessName(of: package)
    }

    /// A side of the comparison.
    private enum Side { case old, new }

    /// The packages of the go-api surfaces of each side by the qualifier texts spell them with, worked out the first
    /// time a qualified name is looked up.
    private lazy var oldPackagesByQualifier: [String: Set<String>] = packagesByQualifier(before)
    private lazy var newPackagesByQualifier: [String: Set<String>] = packagesByQualifier(after)

    private func packagesByQualifier(_ snapshot: SurfaceSnapshot) -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for item in snapshot.items.values where isGo(item) && item.attributes["kind"] == "package" {
            if let spelled = qualifier(of: item.key) { found[spelled, default: []].insert(item.key) }
        }
        return found
    }

    /// The package of the go-api surfaces of one side that texts spell `qualifier`, when exactly one is.
    private func package(spelled qualifier: String, on side: Side) -> String? {
        let found = side == .new ? newPackagesByQualifier[qualifier] : oldPackagesByQualifier[qualifier]
        guard let found, found.count == 1 else { return nil }
        return found.first
    }

    /// Whether renaming a generic type's parameters, which its `typeparams` and `type` show only as a rename, gives a
    /// parameter a name that the type or one of its members wrote for another type, or the reverse (`type L[T any]
    /// struct{ V T; W string }` becoming `L[string any]`: `W`'s text is the same, its type is now the parameter).
    /// Each member's text is read with the names it writes for the parameters: the type's, or a method's own
    /// (`typeparams`, the names its receiver gives them where the type's would capture another name).
    private func capturesTypeParameter(_ old: SurfaceItem) -> Bool {
        guard old.attributes["typeparams"] != nil else { return false }
        let ids = [old.id] + (membersBefore[old.id] ?? [])
        for id in ids {
            guard let was = before.items[id], let now = after.items[id] else { continue }
            let oldParameters = typeParameters(of: was, in: before)
            let newParameters = typeParameters(of: now, in: after)
            for attribute in Self.compared {
                guard let from = was.attributes[attribute], from == now.attributes[attribute] else { continue }
                let tokens = Self.tokens(from)
                if Self.positional(tokens, oldParameters) != Self.positional(tokens, newParameters) { return true }
            }
        }
        return false
    }

    /// The ids of the old side's items by the id of the item whose key theirs extends by one name (a type's fields
    /// and methods), worked out the first time a generic type's parameters are renamed.
    private lazy var membersBefore: [String: [String]] = {
        var members: [String: [String]] = [:]
        for (id, item) in before.items where isGo(item) {
            guard let dot = id.lastIndex(of: ".") else { continue }
            members[String(id[..<dot]), default: []].append(id)
        }
        return members
    }()

    /// `tokens` with each unqualified name of `parameters` written as its place (`#0`, `#1`), which no Go text holds.
    static func positional(_ tokens: [String], _ parameters: [String]) -> [String] {
        guard !parameters.isEmpty else { return tokens }
        var places: [String: Int] = [:]
        for (index, name) in parameters.enumerated() where places[name] == nil { places[name] = index }
        return tokens.enumerated().map { index, token in
            guard let place = places[token], !(index > 0 && tokens[index - 1] == ".") else { return token }
            return "#\(place)"
        }
    }

    /// The type parameter names of an item: its own `typeparams` (a generic type), the bracket a generic func's
    /// `signature` opens with, or the `typeparams` of the type whose member it is.
    private func typeParameters(of item: SurfaceItem, in snapshot: SurfaceSnapshot) -> [String] {
        var text = item.attributes["typeparams"]
        if text == nil, let signature = item.attributes["signature"], signature.hasPrefix("[") {
            text = Self.leadingBracket(signature)
        }
        if text == nil, let dot = item.key.lastIndex(of: ".") {
            text = snapshot.items[item.surface + ":" + item.key[..<dot]]?.attributes["typeparams"]
        }
        guard let text else { return [] }
        // `[K comparable, V any]`: the first identifier of each top-level comma-separated part.
        var names: [String] = []
        var depth = 0
        var expectName = true
        for token in Self.tokens(text) {
            switch token {
            case "[", "(", "{": depth += 1
            case "]", ")", "}": depth -= 1
            case "," where depth == 1: expectName = true
            default:
                if expectName && depth == 1 && Self.isIdentifier(token) {
                    names.append(token)
                    expectName = false
                }
            }
        }
        return names
    }

    /// The text of `[...]` a signature opens with (a generic func's type parameters); nil when the bracket does not
    /// close.
    private static func leadingBracket(_ signature: String) -> String? {
        var depth = 0
        for index in signature.indices {
            switch signature[index] {
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { return String(signature[...index]) }
            default: break
            }
        }
        return nil
    }

    /// The pairs of unqualified identifiers that differ between two texts equal in every other token; nil when they
    /// differ otherwise.
    static func renames(_ from: String, _ to: String) -> [(String, String)]? {
        renames(tokens(from), tokens(to))
    }

    /// `renames` of two texts' tokens.
    static func renames(_ old: [String], _ new: [String]) -> [(String, String)]? {
        guard old.count == new.count else { return nil }
        var pairs: [(String, String)] = []
        for index in old.indices where old[index] != new[index] {
            // `pkg.Name`: neither part names a type of this package.
            let qualified =
                index >= 2 && old[index - 1] == "." && isIdentifier(old[index - 2])
                || index + 2 < old.count
                    && old[index + 1] == "." && isIdentifier(old[index + 2])
            guard !qualified, isIdentifier(old[index]), isIdentifier(new[index]) else { return nil }
            pairs.append((old[index], new[index]))
        }
        return pairs
    }

    private static func isIdentifier(_ token: String) -> Bool {
        guard let first = token.utf8.first else { return false }
        // ASCII (nearly every Go name) without a Unicode property lookup: the alphabetic ASCII scalars are letters.
        if first < 0x80 { return first == UInt8(ascii: "_") || isASCIILetter(first) }
        return token.unicodeScalars.first?.properties.isAlphabetic == true
    }

    static func isUnexportedName(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        // An ASCII name is unexported when it starts with `_` or a lower-case letter (the upper-case ASCII scalars are
        // A to Z).
        if first < 0x80 {
            return (first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first))
                && !predeclared.contains(name)
        }
        return isIdentifier(name) && !GoAPIPackage.isExported(name) && !predeclared.contains(name)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// Adds the unexported identifiers of `text` (`tokens`) that neither follow nor precede a `.` (a qualifier or a
    /// qualified name) to `names`. ASCII text is scanned byte by byte, without building its tokens.
    static func unqualifiedUnexportedNames(in text: String, into names: inout Set<String>) {
        let scanned = text.utf8.withContiguousStorageIfAvailable { bytes in
            asciiUnqualifiedUnexportedNames(bytes, into: &names)
        }
        if scanned == true { return }
        let tokens = characterTokens(text)
        for (index, token) in tokens.enumerated()
        where isUnexportedName(token) && !(index > 0 && tokens[index - 1] == ".")
            && !(index + 1 < tokens.count && tokens[index + 1] == ".")
        {
            names.insert(token)
        }
    }

    /// `unqualifiedUnexportedNames` of ASCII text without carriage returns, reading the tokens `asciiTokens` would
    /// make in place (an identifier's neighbour token is the nearest byte that is not a space); false, adding
    /// nothing, for other text.
    private static func asciiUnqualifiedUnexportedNames(
        _ bytes: UnsafeBufferPointer<UInt8>, into names: inout Set<String>
    )
        -> Bool
    {
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return false }
        let isWord = { (byte: UInt8) in
            isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
        var index = 0
        // The last byte before the current one that is not a space.
        var previous: UInt8 = UInt8(ascii: " ")
        while index < bytes.count {
            let byte = bytes[index]
            guard isWord(byte) else {
                if byte != UInt8(ascii: " ") { previous = byte }
                index += 1
                continue
            }
            let start = index
            while index < bytes.count && isWord(bytes[index]) { index += 1 }
            var next = index
            while next < bytes.count && bytes[next] == UInt8(ascii: " ") { next += 1 }
            let qualified = previous == UInt8(ascii: ".") || (next < bytes.count && bytes[next] == UInt8(ascii: "."))
            if !qualified, byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) {
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if !predeclared.contains(name) { names.insert(name) }
            }
            previous = bytes[index - 1]
        }
        return true
    }

    /// Identifiers, numbers and single punctuation characters; spaces dropped.
    static func tokens(_ text: String) -> [String] {
        if let tokens = text.utf8.withContiguousStorageIfAvailable(asciiTokens), let tokens { return tokens }
        return characterTokens(text)
    }

    /// `tokens` of ASCII text, byte by byte; nil when the text has a byte that is not ASCII or a carriage return (a
    /// CR LF pair is one character), which `characterTokens` reads. In ASCII the letters are A to Z and a to z and
    /// the numbers 0 to 9, so both give the same tokens; Go API texts are ASCII, and this spares a Unicode property
    /// lookup a character.
    private static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var tokens: [String] = []
        var start: Int?
        for (index, byte) in bytes.enumerated() {
            guard byte < 0x80, byte != UInt8(ascii: "\r") else { return nil }
            if isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
            {
                if start == nil { start = index }
                continue
            }
            if let first = start {
                tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self))
                start = nil
            }
            if byte != UInt8(ascii: " ") { tokens.append(String(UnicodeScalar(byte))) }
        }
        if let first = start {
            tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first...]), as: UTF8.self))
        }
        return tokens
    }

    private static func characterTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
                continue
            }
            if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
            if character != " " { tokens.append(String(character)) }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
