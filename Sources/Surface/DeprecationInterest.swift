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
    /// Watched keys by surface name.
    private let watched: [String: Set<String>]
    /// By surface name, every watched key and each part of one before a `.` (`pkg/a` and `pkg/a.T` for `pkg/a.T.M`),
    /// so that whether a package's members are watched is one lookup however many keys are watched.
    private let dottedPrefixes: [String: Set<String>]

    public init(watched: [String: Set<String>]) {
        self.watched = watched.filter { !$0.value.isEmpty }
        dottedPrefixes = self.watched.mapValues { keys in
            var prefixes: Set<String> = []
            for key in keys {
                prefixes.insert(key)
                for index in key.indices where key[index] == "." { prefixes.insert(String(key[..<index])) }
            }
            return prefixes
        }
    }

    /// Watches the items of `ids` (`surface:key`).
    public init(watchedIDs ids: [String]) {
        var watched: [String: Set<String>] = [:]
        for id in ids {
            guard let colon = id.firstIndex(of: ":") else { continue }
            watched[String(id[..<colon]), default: []].insert(String(id[id.index(after: colon)...]))
        }
        self.init(watched: watched)
    }

    /// Nothing watched: only marks in the source matter.
    public static let marksOnly = DeprecationInterest(watched: [:])

    /// Whether some key of `surface` is watched.
    public func watchesAny(in surface: String) -> Bool {
        watched[surface] != nil
    }

    /// Whether `key` of `surface` or a key below it (`key.Member`, `key.Type.Field`) is watched: the members of one
    /// Go package.
    public func watches(in surface: String, itselfOrMembersOf key: String) -> Bool {
        dottedPrefixes[surface]?.contains(key) ?? false
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
