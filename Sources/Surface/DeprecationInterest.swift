import Git

/// What `deprecations`' pass over the releases before head needs from one revision's extraction: every item the
/// source marks deprecated, and whether each watched key is there (with its stability: a promotion's new key).
///
/// A watched key is one whose presence the pass looks at in this release: an item marked in an earlier release and
/// not removed yet, one a declaration of the policy names from its `since` on, and a promotion's new key until it is
/// stable. An extractor may leave out (`Extractor.deprecationGroups`) an input (a file, a package) that none of
/// these can come from: no deprecation marker in it nor in anything its items take members from, and no watched key
/// among what it could hand over. It still reports every note the full extraction would, and an object the full
/// extraction would read and the store lacks still fails the run (or the input is extracted after all).
public struct DeprecationInterest: Sendable {
    /// By surface name, how many watched keys each watched key and each part of one before a `.` stands for
    /// (`pkg/a` and `pkg/a.T` for `pkg/a.T.M`), so that whether a package's members are watched is one lookup however
    /// many keys are watched. A key watched for two reasons counts twice.
    private var prefixCounts: [String: [String: Int]] = [:]
    /// How many keys of each surface are watched (a key watched for two reasons counts twice).
    private var watchedCounts: [String: Int] = [:]

    public init(watched: [String: Set<String>]) {
        for (surface, keys) in watched {
            for key in keys { watch(key, in: surface) }
        }
    }

    /// Watches the items of `ids` (`surface:key`).
    public init(watchedIDs ids: [String]) {
        for id in Set(ids) { watch(id) }
    }

    /// Nothing watched: only marks in the source matter.
    public static let marksOnly = DeprecationInterest(watched: [:])

    /// Whether some key of `surface` is watched.
    public func watchesAny(in surface: String) -> Bool {
        watchedCounts[surface] != nil
    }

    /// Whether `key` of `surface` or a key below it (`key.Member`, `key.Type.Field`) is watched: the members of one
    /// Go package.
    public func watches(in surface: String, itselfOrMembersOf key: String) -> Bool {
        prefixCounts[surface]?[key] != nil
    }

    /// Watches the item `id` (`surface:key`) once more: a pass over a history changes the interest by what changed
    /// between two releases (a key marked, removed, or a declaration that starts to apply), at the cost of that
    /// key's length, instead of building it anew for each release.
    public mutating func watch(_ id: String) {
        guard let (surface, key) = Self.parts(of: id) else { return }
        watch(key, in: surface)
    }

    /// Undoes one `watch(id)`; the key stays watched while another `watch` of it is not undone.
    public mutating func unwatch(_ id: String) {
        guard let (surface, key) = Self.parts(of: id), let count = watchedCounts[surface] else { return }
        watchedCounts[surface] = count > 1 ? count - 1 : nil
        Self.forEachPrefix(of: key) { prefix in
            guard let count = prefixCounts[surface]?[prefix] else { return }
            prefixCounts[surface]?[prefix] = count > 1 ? count - 1 : nil
        }
        if prefixCounts[surface]?.isEmpty == true { prefixCounts[surface] = nil }
    }

    private mutating func watch(_ key: String, in surface: String) {
        watchedCounts[surface, default: 0] += 1
        Self.forEachPrefix(of: key) { prefixCounts[surface, default: [:]][$0, default: 0] += 1 }
    }

    private static func parts(of id: String) -> (surface: String, key: String)? {
        guard let colon = id.firstIndex(of: ":") else { return nil }
        return (String(id[..<colon]), String(id[id.index(after: colon)...]))
    }

    /// Calls `body` with `key` and each part of it before a `.`.
    private static func forEachPrefix(of key: String, _ body: (String) -> Void) {
        body(key)
        for index in key.indices where key[index] == "." { body(String(key[..<index])) }
    }
}

extension ExtractionContext {
    /// Whether every blob of `blobs` is in the object store, for an extractor that leaves out the inputs holding
    /// them: false when one is missing (or the source is not a repository), and the extractor then extracts them
    /// after all, failing as the full extraction does.
    func holdsObjects(_ blobs: [ObjectID]) -> Bool {
        cache(ObjectPresence.init).holds(blobs, in: source)
    }
}

/// The blobs found in the object store so far (forgotten past `limit`, so memory stays bounded).
final class ObjectPresence {
    private static let limit = 1_000_000
    private var found: Set<ObjectID> = []

    /// Whether the repository `source` holds every blob of `blobs`; false for another source.
    func holds(_ blobs: [ObjectID], in source: any FileTree) -> Bool {
        guard let repository = source as? Repository else { return false }
        for blob in blobs where !found.contains(blob) {
            guard repository.contains(blob) else { return false }
            if found.count >= Self.limit { found = [] }
            found.insert(blob)
        }
        return true
    }
}
