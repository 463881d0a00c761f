import GoSource

/// The builds a command, flag or `AddCommand` is made in, for the `build` attribute.
///
/// A file that builds only for some systems or tags (a `_linux.go` name, a `//go:build` line) has a condition: an
/// *atom*, its normalized text (`linux`, `!pkcs11key`, `darwin || freebsd || linux`). What code runs in is a
/// *context*: the conjunction of the atoms of the files of the calls that lead to it (a function of `main_linux.go`
/// calling a helper of `apparmor.go` runs the helper in `linux`). A function defined once per build (`main_linux.go`,
/// `main_windows.go`) makes its definitions' atoms a *group*: one holds in each build that compiles, so two of a group
/// never hold together (a call that would need both is not run) and what every definition of it adds is added in every
/// build.
struct CobraBuildTable: Sendable {
    /// Atom texts by number.
    private(set) var atoms: [String] = []
    private var atomNumbers: [String: Int32] = [:]
    /// Each atom's parts joined by `&&` outside parentheses (`linux && arm64`: `linux`, `arm64`), and the system one
    /// of them names, if any.
    private(set) var atomParts: [[String]] = []
    private var atomSystems: [String?] = []
    /// The groups of atoms that exclude one another and together cover every build (each sorted).
    private(set) var groups: [[Int32]] = []
    private var groupsOfAtom: [Int32: [Int]] = [:]
    /// Contexts by number: sorted atoms, `[]` (number 0) for every build.
    private(set) var contexts: [[Int32]] = [[]]
    private var contextNumbers: [[Int32]: Int32] = [[]: 0]
    /// Set when a context would have had more atoms than `maximumAtoms`, or the run more contexts than
    /// `maximumContexts`: the atom was left out of it (what runs there reads as less conditional than it is).
    private(set) var overflowed = false

    /// The most atoms in one context (calls between files of different conditions, nested).
    static let maximumAtoms = 4
    /// The most contexts in one run: each context runs a function as a call of its own.
    static let maximumContexts = 256

    /// The number of atom `text`, made when absent.
    mutating func atom(_ text: String) -> Int32 {
        if let known = atomNumbers[text] { return known }
        let number = Int32(atoms.count)
        atoms.append(text)
        atomNumbers[text] = number
        let parts = Self.conjuncts(of: text)
        atomParts.append(parts)
        atomSystems.append(parts.first { GoFileNameCondition.operatingSystems.contains($0) })
        return number
    }

    /// The parts of a normalized build expression joined by `&&` outside parentheses; the whole expression when it has
    /// a `||` outside parentheses (`linux && cgo || darwin` is a disjunction: `&&` binds tighter).
    static func conjuncts(of text: String) -> [String] {
        disjuncts(of: text).count > 1 ? [text] : parts(of: text, joinedBy: "&&")
    }

    /// The parts of a normalized build expression joined by `||` outside parentheses.
    static func disjuncts(of text: String) -> [String] { parts(of: text, joinedBy: "||") }

    private static func parts(of text: String, joinedBy symbol: String) -> [String] {
        let separator = Array(symbol + " ")
        var parts: [String] = []
        var depth = 0
        var current = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0, character == " ", characters.starts(with: separator) {
                characters = characters.dropFirst(3)
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    /// Declares that `members` (the atoms of the definitions of one function) exclude one another and cover every
    /// build; `!x` and `x` are such a pair as well (`addGroup` is called for them by `finishGroups`).
    mutating func addGroup(_ members: [Int32]) {
        let sorted = Array(Set(members)).sorted()
        guard sorted.count > 1, !groups.contains(sorted) else { return }
        for atom in sorted { groupsOfAtom[atom, default: []].append(groups.count) }
        groups.append(sorted)
    }

    /// Adds the pairs `x` and `!x` among the atoms as groups.
    mutating func finishGroups() {
        for (number, text) in atoms.enumerated() where text.hasPrefix("!") {
            let positive = String(text.dropFirst())
            if !positive.contains(" "), let other = atomNumbers[positive] { addGroup([Int32(number), other]) }
        }
    }

    /// Whether two different atoms cannot hold together: members of one group, or atoms for two systems
    /// (`linux && arm64` and `windows`).
    func excludes(_ lhs: Int32, _ rhs: Int32) -> Bool {
        guard lhs != rhs else { return false }
        if let left = groupsOfAtom[lhs], let right = groupsOfAtom[rhs], !Set(left).isDisjoint(with: right) {
            return true
        }
        if let left = atomSystems[Int(lhs)], let right = atomSystems[Int(rhs)], left != right { return true }
        return false
    }

    /// `context` and `atom` together: nil when they cannot hold together.
    mutating func combine(_ context: Int32, _ atom: Int32?) -> Int32? {
        guard let atom else { return context }
        let atoms = contexts[Int(context)]
        if atoms.contains(atom) { return context }
        if atoms.contains(where: { excludes($0, atom) }) { return nil }
        guard atoms.count < Self.maximumAtoms else {
            overflowed = true
            return context
        }
        return number(of: (atoms + [atom]).sorted(), else: context)
    }

    private mutating func number(of atoms: [Int32], else fallback: Int32) -> Int32 {
        if let known = contextNumbers[atoms] { return known }
        guard contexts.count < Self.maximumContexts else {
            overflowed = true
            return fallback
        }
        let number = Int32(contexts.count)
        contexts.append(atoms)
        contextNumbers[atoms] = number
        return number
    }
}

/// The builds something is in: a disjunction of conjunctions of atoms (``CobraBuildTable``), each sorted.
/// `[[]]` is every build.
struct CobraBuildCondition: Hashable, Sendable {
    private(set) var terms: [[Int32]]

    static let always = CobraBuildCondition(terms: [[]])
    /// At most this many terms are kept (the first, in order); beyond, the condition reads as narrower than it is.
    static let maximumTerms = 16

    var isAlways: Bool { terms == [[]] }

    init(terms: [[Int32]]) {
        self.terms = terms
    }

    /// The condition of the contexts numbered `contexts`.
    init(contexts: Set<Int32>, in table: CobraBuildTable) {
        if contexts.contains(0) || contexts.isEmpty {
            terms = [[]]
        } else {
            terms = Array(Set(contexts.map { table.contexts[Int($0)] })).sorted { $0.lexicographicallyPrecedes($1) }
            terms = CobraBuildCondition(terms: terms).simplified(in: table).terms
        }
    }

    /// Both conditions: each term of one with each of the other, those that can hold.
    func and(_ other: CobraBuildCondition, in table: CobraBuildTable) -> CobraBuildCondition {
        if other.isAlways { return self }
        if isAlways { return other }
        var result: Set<[Int32]> = []
        for left in terms {
            for right in other.terms {
                let merged = Array(Set(left + right)).sorted()
                let holds = !merged.indices.contains { index in
                    merged[(index + 1)...].contains { table.excludes(merged[index], $0) }
                }
                if holds { result.insert(merged) }
            }
        }
        return CobraBuildCondition(terms: Array(result)).simplified(in: table)
    }

    /// Either condition.
    func or(_ other: CobraBuildCondition, in table: CobraBuildTable) -> CobraBuildCondition {
        if isAlways || other.isAlways { return .always }
        if self == other { return self }
        return CobraBuildCondition(terms: terms + other.terms).simplified(in: table)
    }

    /// Terms implied by others go; terms that differ in one atom of a group, and cover the group, become one without
    /// it (`linux || windows || freebsd` of a function defined for those three is every build).
    func simplified(in table: CobraBuildTable) -> CobraBuildCondition {
        var set = Set(terms)
        if set.contains([]) || set.isEmpty { return .always }
        for _ in 0..<8 {
            var added = false
            for term in set {
                for atom in term {
                    for group in table.groups where group.contains(atom) {
                        let rest = term.filter { $0 != atom }
                        let covered = group.allSatisfy { member in
                            let wanted = Set(rest + [member])
                            return set.contains { wanted.isSuperset(of: $0) }
                        }
                        if covered && set.insert(rest).inserted { added = true }
                    }
                }
            }
            if set.contains([]) { return .always }
            if !added { break }
        }
        // Absorption: a term that holds every atom of a shorter one says nothing more.
        let reduced = set.filter { term in !set.contains { $0 != term && Set(term).isSuperset(of: $0) } }
        let sorted = reduced.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        return CobraBuildCondition(terms: Array(sorted.prefix(Self.maximumTerms)))
    }

    /// The `build` attribute's text: nil for every build, else the terms as build expressions joined with ` || `
    /// (`linux`, `freebsd || linux`, `(linux && amd64) || windows`), at most `maximumTextLength` characters.
    func text(in table: CobraBuildTable) -> String? {
        if isAlways { return nil }
        let parts = terms.flatMap { term -> [String] in
            // `linux` and `linux && arm64` together are `arm64 && linux`.
            let names = Array(Set(term.flatMap { table.atomParts[Int($0)] })).sorted()
            // A file's `windows || darwin` is two alternatives (`(linux && cgo) || darwin`: `linux && cgo` and
            // `darwin`, parenthesized once below).
            if names.count == 1 { return CobraBuildTable.disjuncts(of: names[0]).map(CobraExtractor.unparenthesized) }
            return [names.map { $0.contains(" ") && !$0.hasPrefix("(") ? "(\($0))" : $0 }.joined(separator: " && ")]
        }
        let unique = Array(Set(parts)).sorted()
        var text =
            unique.count == 1 ? unique[0] : unique.map { $0.contains(" ") ? "(\($0))" : $0 }.joined(separator: " || ")
        if text.count > Self.maximumTextLength { text = String(text.prefix(Self.maximumTextLength)) + "..." }
        return text
    }

    static let maximumTextLength = 300
}
