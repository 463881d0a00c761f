import Cobra
import Foundation
import Policy

extension SurfaceSnapshot {
    /// How an extractor records a ``CobraProgram`` among its uncertain key paths: seven spaces, then its JSON (no key
    /// path begins with a space; ``vendoredLibraryMark(_:)`` has six).
    public static func programMark(_ program: CobraProgram) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(program)) ?? Data()
        return programPrefix + String(decoding: data, as: UTF8.self)
    }

    static let programPrefix = "       "

    /// The program a ``programMark(_:)`` records; nil for any other path.
    static func program(fromMark path: String) -> CobraProgram? {
        guard path.hasPrefix(programPrefix) else { return nil }
        return try? JSONDecoder().decode(CobraProgram.self, from: Data(path.dropFirst(programPrefix.count).utf8))
    }

    /// How an extractor records a key of ``runTimeChoice`` among its uncertain key paths: after eight spaces.
    public static func runTimeChoiceMark(_ key: String) -> String { runTimeChoicePrefix + key }

    static let runTimeChoicePrefix = "        "

    /// The item of id `id` as the program `program` has it: this snapshot's item with that program's attributes and
    /// stability where they differ (``CobraProgram/differing``); nil when the program lacks it or the snapshot has
    /// no such item.
    func item(_ id: String, key: String, of program: CobraProgram) -> SurfaceItem? {
        guard var item = items[id], !program.lacksKey(key) else { return nil }
        guard let own = program.differing[key] else { return item }
        var attributes = own.attributes
        // What the reader adds to every program's item alike: the builds of all paths, the key's spellings.
        for name in ["build", KeyBytes.attribute] { attributes[name] = item.attributes[name] }
        item.attributes = attributes
        // A stability the policy set (an `experimental:` glob, a declared deprecation) is the policy's for every
        // program; one read from the code is this program's.
        if item.stability.rawValue == own.standing, let stability = Stability(rawValue: own.stability) {
            item.stability = stability
        }
        item.location = Location(path: own.path, line: own.line)
        return item
    }
}

extension CobraProgram {
    /// What both records of one program say (two extractors of one surface read it): a key either lacks is lacked
    /// (a removal from it is then claimed sooner, never later), the first record's differing items stand.
    func merging(_ other: CobraProgram) -> CobraProgram {
        CobraProgram(
            root: root, folder: folder, lacks: Array(Set(lacks).union(other.lacks)).sorted(),
            differing: differing.merging(other.differing) { first, _ in first })
    }

    /// Whether the program lacks `key` (``lacks``, sorted).
    func lacksKey(_ key: String) -> Bool {
        var low = 0
        var high = lacks.count
        while low < high {
            let middle = (low + high) / 2
            if lacks[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < lacks.count && lacks[low] == key
    }
}

/// What a comparison of two snapshots judges per program (review RF2): where two `package main` programs run roots of
/// one name, the surface holds what any of them has (an addition is new to the surface), and a removal is a key gone
/// from a program:
/// - from one that both revisions have (by the folder of its `main` package), though another still has it: users of
///   that program's binary lose it;
/// - from one that is gone, unless a program that both revisions have still has it (a program new at the later
///   revision, such as a decoy `cmd/decoy/main.go`, cannot keep a key alive). When no program is at both revisions
///   (every `main` moved), each program of the later one may be the one users had: a key is kept only if every one
///   of them has it.
/// An item with other attributes in some program is compared per program, not as the surface's item (which is the
/// first program's). A root without programs on one side (no `main` in the files read calls Execute on it) is
/// compared as the surface's items only.
struct SurfacePrograms {
    /// Items of `before` gone from a program (`after` still has the id), and pairs of one program's item on each side.
    private(set) var removed: [SurfaceItem] = []
    private(set) var compared: [(old: SurfaceItem, new: SurfaceItem)] = []
    /// The ids whose pairs `compared` holds: the surface's items of those ids are not compared as such.
    private(set) var comparedPerProgram: Set<String> = []

    /// Nil when no root has programs on both sides with more than one program on either (the surface's items say it
    /// all).
    init?(before: SurfaceSnapshot, after: SurfaceSnapshot) {
        var any = false
        for (surface, roots) in before.programs.sorted(by: { $0.key < $1.key }) {
            for (root, old) in roots.sorted(by: { $0.key < $1.key }) {
                guard let new = after.programs[surface]?[root], old.count > 1 || new.count > 1 || old.keys != new.keys
                else { continue }
                any = true
                judge(surface: surface, root: root, old: old, new: new, before: before, after: after)
            }
        }
        guard any else { return nil }
    }

    private mutating func judge(
        surface: String, root: String, old: [String: CobraProgram], new: [String: CobraProgram],
        before: SurfaceSnapshot, after: SurfaceSnapshot
    ) {
        let prefix = surface + ":"
        let both = old.keys.filter { new[$0] != nil }.sorted()
        var removedIDs: Set<String> = []
        func remove(_ id: String, key: String, from program: CobraProgram) {
            guard after.items[id] != nil, removedIDs.insert(id).inserted,
                let item = before.item(id, key: key, of: program)
            else { return }
            removed.append(item)
        }
        // A program at both revisions: what it had and now lacks, though the surface still has it.
        for folder in both {
            guard let earlier = old[folder], let later = new[folder] else { continue }
            for key in later.lacks where !earlier.lacksKey(key) && before.items[prefix + key] != nil {
                remove(prefix + key, key: key, from: earlier)
            }
        }
        // A program gone: what it had, unless a program at both revisions (or, with none, every program) has it.
        let keepers = (both.isEmpty ? new.keys.sorted() : both).compactMap { new[$0] }
        let gone = old.keys.filter { new[$0] == nil }.sorted().compactMap { old[$0] }
        if !gone.isEmpty {
            let under = before.items.values.filter { $0.surface == surface && $0.isUnder(root: root) }.map(\.id)
                .sorted()
            for program in gone {
                for id in under {
                    let key = String(id.dropFirst(prefix.count))
                    guard !program.lacksKey(key), after.items[id] != nil else { continue }
                    let kept =
                        both.isEmpty
                        ? keepers.allSatisfy { !$0.lacksKey(key) } : keepers.contains { !$0.lacksKey(key) }
                    if !kept { remove(id, key: key, from: program) }
                }
            }
        }
        // Items some program has with other attributes, on either side: compared per program at both revisions.
        var differing: Set<String> = []
        for program in Array(old.values) + Array(new.values) { differing.formUnion(program.differing.keys) }
        for key in differing.sorted() {
            let id = prefix + key
            guard !removedIDs.contains(id) else { continue }
            var pairs: [(old: SurfaceItem, new: SurfaceItem)] = []
            for folder in both {
                guard let earlier = old[folder], let later = new[folder],
                    let oldItem = before.item(id, key: key, of: earlier), let newItem = after.item(id, key: key, of: later)
                else { continue }
                pairs.append((oldItem, newItem))
            }
            guard !pairs.isEmpty else { continue }
            compared += pairs
            comparedPerProgram.insert(id)
        }
    }

    /// The folders of the programs of `before` that had `item` and lost it in `after` (gone, or lacking it), for the
    /// message of its removal; empty when the surface lost it.
    static func losing(_ item: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot) -> [String] {
        guard after.items[item.id] != nil,
            let root = before.programs[item.surface]?.keys.first(where: { item.isUnder(root: $0) }),
            let old = before.programs[item.surface]?[root], let new = after.programs[item.surface]?[root]
        else { return [] }
        return old.values.filter { program in
            !program.lacksKey(item.key) && (new[program.folder]?.lacksKey(item.key) ?? true)
        }.map(\.folder).sorted()
    }
}

extension SurfaceItem {
    /// Whether the item's key is `root` or under it.
    func isUnder(root: String) -> Bool { key == root || key.hasPrefix(root + " ") }
}
