import Policy
import SemVer

/// Go's API compatibility rules for items of the `go-api` extractor, after golang.org/x/exp/apidiff.
///
/// The default surface rules already make a removal major and an addition minor; these refine them where Go differs:
/// a method added to an interface that other packages can implement (not sealed) is breaking; widening a defined
/// type's basic numeric underlying type within its family (`int32` to `int64`, `float32` to `float64`) is not; a
/// method moving from a value to a pointer receiver is breaking and the reverse is not; an interface becoming sealed
/// is breaking; a struct that stops being comparable is breaking; attributes that describe rather than promise
/// (`build`, `via`, `note`) change nothing; renames that correspond (``GoCorrespondence``) change nothing.
enum GoCompatibility {
    /// Attributes that describe an item without promising anything.
    static let descriptive: Set<String> = ["build", "note", "exposed", "ports"]

    /// Numeric widenings apidiff accepts for a defined type's underlying basic type.
    private static let widenings: Set<String> = {
        let families = [
            ["int8", "int16", "int32", "int64"], ["uint8", "uint16", "uint32", "uint64"], ["float32", "float64"],
            ["complex64", "complex128"],
        ]
        var pairs: Set<String> = []
        for family in families {
            for (index, narrow) in family.enumerated() {
                for wide in family[(index + 1)...] { pairs.insert("\(narrow)>\(wide)") }
            }
        }
        // int and uint are at least 32 bits: 8-, 16- and 32-bit types widen to them, and they widen to 64 bits.
        for narrow in ["int8", "int16", "int32"] { pairs.insert("\(narrow)>int") }
        for narrow in ["uint8", "uint16", "uint32"] { pairs.insert("\(narrow)>uint") }
        pairs.insert("int>int64")
        pairs.insert("uint>uint64")
        return pairs
    }()

    private static func canonical(_ type: String?) -> String? {
        switch type {
        case "byte": "uint8"
        case "rune": "int32"
        default: type
        }
    }

    /// True when a const's text names something of another package (`pkg.Name`), so it was not evaluated.
    static func refersToAnotherPackage(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let isWord = { (scalar: Unicode.Scalar) in
            scalar.properties.isAlphabetic || scalar == "_" || scalar.properties.numericType != nil
        }
        // The quote that opened the string or rune being read (`"`, `'` or a backquote), and whether a backslash
        // escapes the next scalar (not in a raw string): a dot inside one names nothing (`"a \"b\" c.d"`).
        var quote: Unicode.Scalar?
        var escaped = false
        for (index, scalar) in scalars.enumerated() {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if scalar == "\\" && open != "`" {
                    escaped = true
                } else if scalar == open {
                    quote = nil
                }
                continue
            }
            if scalar == "\"" || scalar == "`" || scalar == "'" {
                quote = scalar
                continue
            }
            guard scalar == ".", index > 0, index + 1 < scalars.count,
                scalars[index + 1].properties.isAlphabetic || scalars[index + 1] == "_"
            else { continue }
            // The word before the dot must be an identifier (`pkg`), not a number (`1.e5`).
            var start = index
            while start > 0 && isWord(scalars[start - 1]) { start -= 1 }
            if start < index, scalars[start].properties.isAlphabetic || scalars[start] == "_" { return true }
        }
        return false
    }

    /// True for a go-api item (it has one of the extractor's kinds).
    static func isGoItem(_ item: SurfaceItem) -> Bool {
        guard let kind = item.attributes["kind"] else { return false }
        switch kind {
        case "module", "package", "func", "type", "alias", "field", "method", "const", "var": return true
        default: return false
        }
    }

    /// The bump one changed attribute needs, when `surface` calls it breaking.
    static func bump(
        attribute: String, old: SurfaceItem, new: SurfaceItem, correspondence: GoCorrespondence? = nil,
        builds judge: GoBuildJudge? = nil
    ) -> Bump {
        if descriptive.contains(attribute) && attribute != "build" { return .patch }
        // An item only some builds have, or defined per build: every attribute is judged build by build, for what
        // each default build sees (a project's own tags unset: `GoBuildComparison`).
        if [old, new].contains(where: { $0.attributes["build"] != nil || $0.attributes["builds"] != nil }) {
            let judged: Bump?
            if let judge {
                judged = judge.bump(old: old, new: new, correspondence: correspondence)
            } else {
                judged = GoBuildComparison.bump(old: old, new: new, correspondence: correspondence)
            }
            if let judged { return judged }
            // Not told apart build by build: the `build` texts (fail closed: one that appears or narrows removes).
            if attribute == "build" {
                return GoBuildComparison.textBump(old: old.attributes["build"], new: new.attributes["build"])
            }
        }
        if descriptive.contains(attribute) { return .patch }
        let before = old.attributes[attribute]
        let after = new.attributes[attribute]
        if GoCorrespondence.compared.contains(attribute),
            correspondence?.corresponds(attribute: attribute, old: old, new: new) == true
        {
            return .patch
        }
        if old.attributes["kind"] == "func", new.attributes["kind"] == "var", let signature = old.attributes["signature"],
            let type = new.attributes["type"], type.hasPrefix("func(") || type.hasPrefix("func[")
        {
            // A func becoming a var of the same func type: every call still compiles. The var may hold a func moved
            // to another package (`var New = other.New`), whose texts name the moved types (`other.Request`).
            let held = holding(new, ["kind": "var", "signature": String(type.dropFirst(4))])
            if type == "func" + signature
                || correspondence?.corresponds(attribute: "signature", old: old, new: held) == true
            {
                return .minor
            }
        }
        if old.attributes["kind"] == "type", new.attributes["kind"] == "alias", Self.moved.contains(attribute) {
            // A type moved behind an alias (`type T = other.T`): the same type when the target is what T was.
            return movedBehindAlias(old: old, new: new, correspondence: correspondence) ? .patch : .major
        }
        switch attribute {
        case "path"
        where old.attributes["kind"] == "module" && (old.attributes["note"] != nil || new.attributes["note"] != nil):
            // A path inferred for a revision without go.mod promised nothing: the packages are compared by folder.
            return .patch
        case "alias-of":
            // A type becoming an alias of another type of the package merges the two: compatible. Two names that
            // were one type becoming distinct types (or the alias moving to another type) can break code using both,
            // unless the old target is still the same type under another alias (`K = L` becoming `L = K`).
            // An unexported alias that becomes a type of its own (`type j = k` becoming `type j k`) is judged by its
            // `type` (apidiff's j3 and j4). One that aliases another type of the package (`type t = A` becoming
            // `type t = B`) changes the type of every exported text that writes it (`func F(x t)`), and an
            // unexported alias is listed (`exposed`) only because one does: a change like an exported alias's.
            guard let before, old.attributes["exposed"] != "yes" || after != nil else { return .patch }
            if let correspondence, let package = correspondence.oldPackage(of: old),
                let name = old.key.split(separator: ".").last,
                correspondence.sameType(before, after ?? String(name), in: package)
            {
                return .patch
            }
            return .major
        case "embedded":
            // An embedded field becoming a named one of the same type keeps `s.F`; the members it promoted are items
            // of their own (their removal is reported), except those of another module's type, which are not listed.
            if before == "yes", after == nil, let type = new.attributes["type"], type.contains(".") { return .major }
            return .minor
        case "via" where new.attributes["kind"] == "field":
            // A field that becomes promoted can no longer be set by name in a composite literal (`S{A: 1}`).
            return before == nil && after != nil ? .major : .patch
        case "via":
            // A method reached through another embedding is still called the same way.
            return .patch
        case "type" where old.attributes["kind"] == "type" && new.attributes["kind"] == "type":
            if let before = canonical(before), let after = canonical(after), widenings.contains("\(before)>\(after)") {
                return .minor
            }
            // A defined channel type losing its direction (`<-chan T` to `chan T`) still does what it did.
            if let before, let after, before.hasPrefix("<-chan ") || before.hasPrefix("chan<- "),
                "chan " + before.dropFirst(7) == after
            {
                return .minor
            }
            // An unexported alias of an unexported type (`type j = k`) becoming a type defined from it (`type j k`):
            // only code that holds a `k` value apart from `j` sees it, and none can when no exported item names `k`
            // (apidiff's j3; with `var VK k` exported it is a break, j4).
            if old.attributes["exposed"] == "yes", let target = old.attributes["alias-of"],
                new.attributes["alias-of"] == nil, after == target, let correspondence,
                let package = correspondence.oldPackage(of: old),
                !correspondence.oldExportedItemsName(target, in: package)
            {
                return .patch
            }
            return .major
        case "typeparams" where old.attributes["kind"] == "method" && new.attributes["kind"] == "method":
            // A method's `typeparams` are the names its receiver gives its type's parameters, where the type's own
            // names would capture another name its signature writes (`GoAPIPackage.methodSignature`): names only. A
            // changed signature is judged on its own; an unchanged one may now mean another type (`(T) U`, `T` the
            // package's type, read with the receiver's `[U]` and then with the type's `[T]`): compared by place.
            if old.attributes["signature"] != new.attributes["signature"] { return .patch }
            return correspondence?.corresponds(attribute: "signature", old: old, new: new) == true ? .patch : .major
        case "receiver" where before == "interface" || after == "interface":
            // A type becoming an interface (or the reverse) is reported on the type; its method is still called so.
            return .patch
        case "receiver":
            // A pointer method becoming a value method enlarges the value's method set: compatible.
            return before == "pointer" && after == "value" ? .minor : .major
        case "comparable":
            // `comparable=no` appears when a struct gains a slice, map or func field: `==` on it stops compiling.
            // `?` means it depends on another module's type: from or to unknown, nothing can be claimed.
            if before == "?" || after == "?" { return .patch }
            return after == "no" ? .major : .minor
        case "sealed":
            // Unsealing (removing the unexported method) lets others implement it: compatible.
            return before == "yes" && after == "no" ? .minor : .major
        case "type" where old.attributes["type"] == "?" || new.attributes["type"] == "?":
            return .patch
        case "builds":
            // Each build's own definition (`GoBuildVariants`, review R75): one that changed is a break; a build added
            // with its own definition (the item's `build` changed, every earlier build's definition kept) is not.
            let segments = { (text: String?) -> [String: String] in
                var result: [String: String] = [:]
                for segment in (text ?? "").components(separatedBy: "; ") {
                    guard let colon = segment.range(of: ": ") else { continue }
                    result[String(segment[..<colon.lowerBound])] = String(segment[colon.upperBound...])
                }
                return result
            }
            let (earlier, later) = (segments(before), segments(after))
            if before == nil || after == nil {
                return old.attributes["build"] != new.attributes["build"] && after != nil ? .minor : .major
            }
            return earlier.allSatisfy({ later[$0.key] == $0.value }) ? .minor : .major
        case "imports":
            // The same texts naming other packages (`imports`, review R73): a qualifier that now names another
            // import path is another type. Where a text changed too, that text's own judgement decides.
            guard let before, let after,
                GoImportIdentity.typeAttributes.allSatisfy({ old.attributes[$0] == new.attributes[$0] })
            else { return .patch }
            return GoImportIdentity.differs(before, after) ? .major : .patch
        case "underlying" where old.attributes["kind"] == "alias" && new.attributes["kind"] == "alias":
            // What the target of an alias is: a retargeted alias is judged by its `type`; a target known on one side
            // only is no claim; the same target that changed what it is (a struct becoming an interface) breaks.
            guard let before, let after, old.attributes["type"] == new.attributes["type"] else { return .patch }
            if ["struct", "interface"].contains(before) || ["struct", "interface"].contains(after) { return .major }
            let held = { (item: SurfaceItem, text: String) in holding(item, ["kind": "type", "type": text]) }
            return correspondence?.corresponds(attribute: "type", old: held(old, before), new: held(new, after)) == true
                ? .patch : .major
        case "underlying-imports" where old.attributes["kind"] == "alias" && new.attributes["kind"] == "alias":
            guard let before, let after, old.attributes["underlying"] == new.attributes["underlying"] else {
                return .patch
            }
            return GoImportIdentity.differs(before, after) ? .major : .patch
        case "value" where refersToAnotherPackage(before ?? "") || refersToAnotherPackage(after ?? ""):
            // `mvccpb.DELETE` becoming `mvccpb.Event_DELETE` may be the same number: another package's consts are
            // not read, so nothing is claimed (the item's note says so).
            return .patch
        default:
            return .major
        }
    }

    /// `item` with only `attributes`: a text of it compared as another attribute would be.
    private static func holding(_ item: SurfaceItem, _ attributes: [String: String]) -> SurfaceItem {
        var held = item
        held.attributes = attributes
        return held
    }

    /// The attributes a type moved behind an alias changes (`movedBehindAlias`); `comparable`, `sealed` and `embeds`
    /// are judged by their own rows, the members as items of their own.
    private static let moved: Set<String> = ["kind", "type", "imports", "underlying", "underlying-imports"]

    /// True when the old defined type `old` became an alias `new` of a defined type of the module (`type T =
    /// other.T`, Go's way to move a type) that is what T was: a struct (its fields and methods are listed under the
    /// alias and compared one by one), an interface without type elements (likewise its methods), or a type whose
    /// text writes the same type (`GoCorrespondence.correspondsAsMoved`) with qualifiers naming the same packages.
    /// Neither may be generic. A target of another module, or one not read, has no `underlying`: no such claim.
    static func movedBehindAlias(old: SurfaceItem, new: SurfaceItem, correspondence: GoCorrespondence?) -> Bool {
        guard old.attributes["kind"] == "type", new.attributes["kind"] == "alias", old.attributes["alias-of"] == nil,
            old.attributes["typeparams"] == nil, new.attributes["typeparams"] == nil,
            let was = old.attributes["type"], let now = new.attributes["underlying"]
        else { return false }
        let shapes = ["struct", "interface"]
        if shapes.contains(was) || shapes.contains(now) { return was == now }
        guard !was.hasPrefix("interface"), !now.hasPrefix("interface"), let correspondence,
            correspondence.correspondsAsMoved(was, now, old: old, new: new)
        else { return false }
        // The qualifiers both texts write, and those the old names stand for through the new side's aliases
        // (`Classifier` as `binutils.Classifier`), name the packages the target's text names.
        // Each must name one package, the same, for a qualifier both write: a spelling that stands for two imports
        // (`du` and `util` both spelled `util`) is not taken for the same type.
        guard let after = new.attributes["underlying-imports"] else { return true }
        let target = GoImportIdentity.paths(in: after)
        let named = [old.attributes["imports"]].compactMap { $0 } + correspondence.aliasImports(in: was, of: old)
        return named.allSatisfy { text in
            GoImportIdentity.paths(in: text).allSatisfy { qualifier, paths in
                guard let now = target[qualifier] else { return true }
                return paths.count == 1 && paths == now
            }
        }
    }

    /// The bump a removed item needs: major, except a member of a type that became an alias of another module's
    /// type (`type T = other.T`, the usual way to move a type): its members are there, but not listed (no claim).
    static func removalBump(_ item: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot) -> Bump {
        // Only built with a project's own tag (`go build -tags`): not in the default builds semgate judges.
        if let build = item.attributes["build"], !GoBuildComparison.isBuiltByDefault(build) { return .patch }
        // An unexported type no longer exposed: the exported items that referred to it carry the change.
        if item.attributes["exposed"] == "yes" { return .patch }
        guard let dot = item.key.lastIndex(of: ".") else { return .major }
        let parentID = item.surface + ":" + item.key[..<dot]
        guard let parent = after.items[parentID] else { return .major }
        // An alias of another package of the module lists the members: their removal is a removal. An alias of
        // another module's type lists none (its note says so): nothing is claimed.
        if parent.attributes["kind"] == "alias", let target = parent.attributes["type"], target.contains("."),
            parent.attributes["note"].map(GoAPIPackage.saysAliasMembersNotListed) == true
        {
            return .patch
        }
        // A type that now embeds another module's type, whose members are not read (its note says so), may still
        // have the member through it: a field moved into an embedded struct of another module is no removal.
        let embedded = GoAPIPackage.foreignEmbeddings(of: parent)
        if !embedded.isEmpty,
            !embedded.subtracting(before.items[parentID].map(GoAPIPackage.foreignEmbeddings) ?? []).isEmpty
        {
            return .patch
        }
        return .major
    }

    /// The bump an added item needs: major for a method added to an interface others can implement, else minor.
    static func additionBump(_ item: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot) -> Bump {
        if let build = item.attributes["build"], !GoBuildComparison.isBuiltByDefault(build) { return .patch }
        // Users cannot name an unexported type: exposing one adds nothing they can write.
        if item.attributes["exposed"] == "yes" { return .patch }
        guard item.attributes["kind"] == "method", item.attributes["receiver"] == "interface",
            let dot = item.key.lastIndex(of: ".")
        else { return .minor }
        let parentID = item.surface + ":" + item.key[..<dot]
        // A method of a new interface is part of adding the interface; one that others could implement before (not
        // sealed then) breaks them, even if it is sealed now.
        guard let oldParent = before.items[parentID], oldParent.attributes["type"]?.hasPrefix("interface") == true
        else { return .minor }
        return oldParent.attributes["sealed"] == "yes" ? .minor : .major
    }

    /// When the module path changed (`go.k6.io/k6` to `go.k6.io/k6/v2`), `before` with its keys moved to the new
    /// path, so packages are compared relative to the module root and the move is the single change of `go.mod`.
    /// `candidates` holds every id whose item may differ (nil: any may): a moved module's item is one of them. A
    /// module's item is keyed by its `go.mod` (`go.mod`, `<root>/go.mod`), so only those ids are looked up.
    ///
    /// A moved item is judged by `policy`'s globs under its new key, as the reader judges every key it reads: globs
    /// written for the new path (`exclude: ["example.com/new/cmd/**"]`, init's way) did not apply to the old keys,
    /// so an item they exclude is dropped (its surface does not promise it: not a removal), and one an
    /// `experimental` glob matches is experimental (not a demotion).
    static func movingModules(
        _ before: SurfaceSnapshot, to after: SurfaceSnapshot, candidates: Set<String>? = nil, policy: Policy? = nil
    ) -> SurfaceSnapshot {
        var moves: [(surface: String, from: String, to: String)] = []
        func note(_ id: String, _ old: SurfaceItem) {
            guard old.attributes["kind"] == "module", let new = after.items[id], let from = old.attributes["path"],
                let to = new.attributes["path"], from != to
            else { return }
            moves.append((old.surface, from, to))
        }
        let isGoMod = { (id: String) in id.hasSuffix(":go.mod") || id.hasSuffix("/go.mod") }
        if let candidates {
            for id in candidates where isGoMod(id) { if let old = before.items[id] { note(id, old) } }
        } else {
            for (id, old) in before.items where isGoMod(id) { note(id, old) }
        }
        guard !moves.isEmpty else { return before }
        // The longest old path first, so that a nested module that moved too is matched by its own move, whatever
        // order the candidates came in.
        moves.sort { ($1.from.count, $0.from) < ($0.from.count, $1.from) }
        var moved = SurfaceSnapshot(
            items: [:], notes: before.notes, problems: before.problems, incomplete: before.incomplete)
        moved.uncertain = before.uncertain
        moved.unplaced = before.unplaced
        moved.unplacedParents = before.unplacedParents
        moved.unnamedFlags = before.unnamedFlags
        moved.takenAway = before.takenAway
        moved.vendoredLibraries = before.vendoredLibraries
        let specs = Dictionary(
            (policy?.surfaces ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for item in before.items.values {
            guard isGoItem(item),
                let move = moves.first(where: { move in
                    item.surface == move.surface
                        && (item.key == move.from || item.key.hasPrefix(move.from + "/")
                            || item.key.hasPrefix(move.from + "."))
                })
            else {
                moved.items[item.id] = item
                continue
            }
            let key = move.to + item.key.dropFirst(move.from.count)
            if let spec = specs[item.surface], !spec.admits(key: key) { continue }
            var stability = item.stability
            if stability == .stable, let policy,
                policy.experimental.contains(where: { $0.matches(item.surface + ":" + key) })
            {
                stability = .experimental
            }
            let movedItem = SurfaceItem(
                surface: item.surface, key: key, attributes: item.attributes, stability: stability,
                location: item.location)
            moved.items[movedItem.id] = movedItem
        }
        return moved
    }
}
