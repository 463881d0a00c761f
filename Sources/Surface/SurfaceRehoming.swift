/// The items one snapshot keys under roots it guessed (``SurfaceSnapshot/unplacedRoots(of:)``) that another snapshot
/// has with words before them: ko before 0.9.0 had `apply --bare` under the guessed root `apply`, because the command
/// it was added to was outside the files read; 0.9.0 reads that command, and has `ko apply --bare`. Those are the
/// same item. `audit` (``SurfaceDiff/changes(from:to:policy:candidates:trustingUncertain:)`` trusting what is
/// uncertain) compares them as one, and does not claim what it cannot tell about the command the guessed roots were
/// added to: whatever is under it besides them was not read on the guessing side (`ko deps`, `ko version`).
///
/// An item under a guessed root that the other side has nowhere is claimed as before: wherever the command is, the
/// item is gone from it (or new in it).
struct SurfaceRehoming {
    /// By surface, the guessed roots of the guessing side.
    private var roots: [String: Set<String>] = [:]
    /// By surface and command path of the other side, the guessed roots found directly under it (`ko` → `apply`),
    /// where the guessing side has no command of that path (`ko apply`).
    private var parents: [String: [String: Set<String>]] = [:]
    /// By surface, the command paths of the other side not read on the guessing side: for each parent (absent there
    /// with every command above it), its first word (`ko`). Whatever is at or under one of them, except under a
    /// guessed root, was not read there.
    private var unread: [String: Set<String>] = [:]
    /// The most words a parent, or an unread path, has: longer prefixes of a key are not looked up.
    private var parentWords = 0
    private var unreadWords = 0

    /// How many of the other side's commands named like a guessed root are looked at (beyond them, no root is
    /// matched: every removal and addition is claimed, fail closed).
    static let maximumParents = 256

    /// The rehoming from `guessing` (the side with guessed roots) to `other`; nil when `guessing` has none.
    init?(guessing: SurfaceSnapshot, other: SurfaceSnapshot) {
        guard guessing.hasUnplacedRoots else { return nil }
        for surface in guessing.unplaced.keys {
            // A guessed root is a command: one named like a flag is never matched (a counterpart is the same kind).
            let found = guessing.unplacedRoots(of: surface).filter {
                !$0.hasPrefix("-") && guessing.items[surface + ":" + $0] != nil
            }
            if !found.isEmpty { roots[surface] = found }
        }
        guard !roots.isEmpty else { return nil }
        // By surface and guessed root, the other side's parents of a command of that name (at most two are kept:
        // a root found under more than one is ambiguous, and is not matched, fail closed).
        var candidates: [String: [String: [String]]] = [:]
        // The other side's commands (not flags) named like a guessed root, with words before them, in a stable order.
        let named = other.items.values.filter { item in
            guard let names = roots[item.surface], let space = item.key.lastIndex(of: " ") else { return false }
            let name = String(item.key[item.key.index(after: space)...])
            return !name.hasPrefix("-") && names.contains(name)
        }
        // Beyond the bound nothing is matched (fail closed): a candidate not looked at could make a root ambiguous.
        guard named.count <= Self.maximumParents else { return nil }
        for item in named.sorted(by: { $0.id < $1.id }) {
            guard let space = item.key.lastIndex(of: " ") else { continue }
            let name = String(item.key[item.key.index(after: space)...])
            let parent = String(item.key[..<space])
            // Every candidate counts toward ambiguity, even one not usable below (fail closed).
            guard candidates[item.surface, default: [:]][name, default: []].count < 2 else { continue }
            candidates[item.surface, default: [:]][name, default: []].append(parent)
        }
        for (surface, byName) in candidates {
            for (name, found) in byName {
                // Matched only when exactly one parent candidate exists.
                guard found.count == 1, let parent = found.first else { continue }
                // A command of that path the guessing side has too is another command, not where the root went.
                guard other.items[surface + ":" + parent] != nil,
                    guessing.items[surface + ":" + parent + " " + name] == nil
                else { continue }
                // The parent and every command above it must be absent on the guessing side: a command read there
                // that lacks the path below it was read without it, and what is gone from it is claimed (a dead
                // helper adding the root to an unfollowed parameter does not launder a deletion).
                var end = parent.startIndex
                var absent = true
                while absent {
                    let next = parent[end...].firstIndex(of: " ") ?? parent.endIndex
                    if guessing.items[surface + ":" + String(parent[..<next])] != nil { absent = false }
                    guard next < parent.endIndex else { break }
                    end = parent.index(after: next)
                }
                // Or the parent is read there and handed, with the guessed roots it may be given, to code that cannot
                // be followed (skaffold 0.34.0's `groups.Add(rootCmd)`): the root may be under it. What else is under
                // it was read, so nothing there is taken as unread.
                let handedRoots = guessing.unplacedParents[surface]?.contains(parent) == true
                guard absent || handedRoots else { continue }
                parents[surface, default: [:]][parent, default: []].insert(name)
                parentWords = max(parentWords, Self.words(parent))
                guard absent else { continue }
                // Not read on the guessing side: the parent's first word (no command at or under it was read there).
                let top = parent.firstIndex(of: " ").map { String(parent[..<$0]) } ?? parent
                unread[surface, default: []].insert(top)
                unreadWords = max(unreadWords, 1)
            }
        }
        guard !parents.isEmpty else { return nil }
    }

    private static func words(_ key: String) -> Int {
        key.utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 }
    }

    /// The item of `other` that `item`, of the guessing side and keyed under a guessed root, is found as with words
    /// before it (`apply --bare` → `ko apply --bare`); nil when there is none.
    func counterpart(ofGuessed item: SurfaceItem, in other: SurfaceSnapshot) -> SurfaceItem? {
        guard let names = roots[item.surface], let surfaceParents = parents[item.surface] else { return nil }
        let first = item.key.firstIndex(of: " ").map { String(item.key[..<$0]) } ?? item.key
        guard names.contains(first) else { return nil }
        for (parent, under) in surfaceParents.sorted(by: { $0.key < $1.key }) where under.contains(first) {
            if let found = other.items[item.surface + ":" + parent + " " + item.key] { return found }
        }
        return nil
    }

    /// The item of the guessing side that `item`, of the other side, is found as without the words before a guessed
    /// root (`ko apply --bare` → `apply --bare`); nil when there is none.
    func counterpart(ofOther item: SurfaceItem, in guessing: SurfaceSnapshot) -> SurfaceItem? {
        guard let surfaceParents = parents[item.surface] else { return nil }
        var found: SurfaceItem?
        forEachParent(of: item.key, limit: parentWords) { parent, rest in
            guard let under = surfaceParents[parent] else { return false }
            let first = rest.firstIndex(of: " ").map { rest[..<$0] } ?? rest[...]
            guard under.contains(String(first)) else { return false }
            found = guessing.items[item.surface + ":" + rest]
            return found != nil
        }
        return found
    }

    /// Whether `item`, of the other side, is at or under a command the guessing side did not read, and not under a
    /// guessed root there (`ko`, `ko deps`; not `ko apply --watch`).
    func isUnread(_ item: SurfaceItem) -> Bool {
        guard let paths = unread[item.surface] else { return false }
        var under = paths.contains(item.key)
        if !under {
            forEachParent(of: item.key, limit: unreadWords) { parent, _ in
                under = paths.contains(parent)
                return under
            }
        }
        guard under, let surfaceParents = parents[item.surface] else { return under }
        var guessed = false
        forEachParent(of: item.key, limit: parentWords) { parent, rest in
            guard let names = surfaceParents[parent] else { return false }
            let first = rest.firstIndex(of: " ").map { rest[..<$0] } ?? rest[...]
            guessed = names.contains(String(first))
            return guessed
        }
        return !guessed
    }

    /// Calls `body` with each proper prefix of `key` of at most `limit` words and the rest after it, shortest first,
    /// until it returns true.
    private func forEachParent(of key: String, limit: Int, _ body: (String, String) -> Bool) {
        var end = key.startIndex
        var count = 0
        while count < limit, let space = key[end...].firstIndex(of: " ") {
            count += 1
            if body(String(key[..<space]), String(key[key.index(after: space)...])) { return }
            end = key.index(after: space)
        }
    }
}
