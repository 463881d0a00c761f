import Pattern
import SemVer

/// A validated semgate policy.
public struct Policy: Sendable {
    /// The `semgate:` format version; only 1 exists.
    public var formatVersion: Int
    public var project: String?
    public var releases: ReleasePolicy
    /// The surfaces in file order.
    public var surfaces: [SurfaceSpec]
    /// Item globs over `surface:key` whose items are experimental whatever their extractor says.
    public var experimental: [Glob]
    /// Whether items the program hides (cobra's `Hidden`, `MarkHidden`: attribute `hidden=true`) are promised.
    public var hidden: HiddenItems = .promised
    public var deprecations: [DeclaredDeprecation] {
        didSet { declaredIndex = DeclaredIndex(deprecations) }
    }
    /// `deprecations` by item, worked out once: a policy may declare tens of thousands (the policy is written by
    /// whoever opens the pull request), and each question about one item stays one lookup.
    private var declaredIndex: DeclaredIndex
    public var exceptions: [PolicyException]
    public var severityOverrides: [RuleID: Severity]
    /// Second opinions on the bump besides the surface (`signals:`).
    public var signals: [Signal]
    public var origin: PolicyOrigin
    /// Which release lines get fixes and for how long; nil when the policy says nothing.
    public var support: SupportPolicy?
    /// How often releases are due; nil when the policy says nothing.
    public var cadence: CadencePolicy?
    /// The least time a deprecated item stays before removal.
    public var deprecationPeriod: DeprecationPeriod?
    /// Experimental items promoted under a new key.
    public var promotions: PromotionPolicy

    public init(
        releases: ReleasePolicy = .init(),
        surfaces: [SurfaceSpec] = [],
        origin: PolicyOrigin,
        formatVersion: Int = 1,
        project: String? = nil,
        experimental: [Glob] = [],
        deprecations: [DeclaredDeprecation] = [],
        exceptions: [PolicyException] = [],
        severityOverrides: [RuleID: Severity] = [:],
        signals: [Signal] = []
    ) {
        self.formatVersion = formatVersion
        self.project = project
        self.releases = releases
        self.surfaces = surfaces
        self.experimental = experimental
        self.deprecations = deprecations
        self.declaredIndex = DeclaredIndex(deprecations)
        self.exceptions = exceptions
        self.severityOverrides = severityOverrides
        self.signals = signals
        self.origin = origin
        self.support = nil
        self.cadence = nil
        self.deprecationPeriod = nil
        self.promotions = PromotionPolicy()
    }

    /// The surface named `name`, if the policy declares it.
    public func surface(named name: String) -> SurfaceSpec? {
        surfaces.first { $0.name == name }
    }

    /// The first of `deprecations` that names `item` (`surface:key`).
    public func declaration(of item: String) -> DeclaredDeprecation? {
        declaredIndex.entries[item].map { deprecations[$0.first] }
    }

    /// Whether a declaration of `deprecations` names `item` and applies at `version`: it has no `since`, or
    /// `version` is unknown (nil) or not below it.
    public func declaresDeprecated(_ item: String, at version: Version?) -> Bool {
        guard let entry = declaredIndex.entries[item] else { return false }
        guard let earliest = entry.earliestSince, let version else { return true }
        return !(version < earliest)
    }

    /// Every item `deprecations` names, once, with the earliest `since` of its declarations (nil when one has
    /// none: it applies at every version).
    public var declaredItems: [(item: String, since: Version?)] {
        declaredIndex.entries.map { ($0.key, $0.value.earliestSince) }
    }

    /// The keys of `items` (by `surface:key`) that a declaration applying at `version` names, in no order: one
    /// lookup for each of `items` or of the declared items, whichever are fewer.
    public func declaredDeprecated<Value>(in items: [String: Value], at version: Version?) -> [String] {
        if items.count <= declaredIndex.entries.count {
            return items.keys.filter { declaresDeprecated($0, at: version) }
        }
        return declaredIndex.entries.keys.filter { items[$0] != nil && declaresDeprecated($0, at: version) }
    }
}

/// The policy's declared deprecations by item.
private struct DeclaredIndex: Sendable {
    struct Entry: Sendable {
        /// The position of the first declaration naming the item.
        var first: Int
        /// The earliest `since` of its declarations; nil when one has none.
        var earliestSince: Version?
    }
    var entries: [String: Entry] = [:]

    init(_ deprecations: [DeclaredDeprecation]) {
        entries.reserveCapacity(deprecations.count)
        for (position, declaration) in deprecations.enumerated() {
            guard var entry = entries[declaration.item] else {
                entries[declaration.item] = Entry(first: position, earliestSince: declaration.since)
                continue
            }
            // `Version`'s order is total, so one applying at a version is the same as the earliest applying there.
            if let earliest = entry.earliestSince {
                entry.earliestSince = declaration.since.map { min($0, earliest) }
                entries[declaration.item] = entry
            }
        }
    }
}

/// Where a policy came from, for reports.
public enum PolicyOrigin: Sendable, Equatable {
    case file(path: String)
    case revision(rev: String, path: String)
    case defaults(reason: String)
}

/// Which tags are releases and how 0.y.z versions are judged.
public struct ReleasePolicy: Sendable {
    public var tag: TagTemplate
    /// Tag-name globs that are never releases.
    public var ignore: [Glob]
    public var initialDevelopment: InitialDevelopment
    /// Where the code declares its version, in lookup order (`version-file`); the first file present is read.
    public var versionFiles: [VersionFileSpec]

    public init(
        tag: TagTemplate = .default, ignore: [Glob] = [], initialDevelopment: InitialDevelopment = .semver,
        versionFiles: [VersionFileSpec] = []
    ) {
        self.tag = tag
        self.ignore = ignore
        self.initialDevelopment = initialDevelopment
        self.versionFiles = versionFiles
    }
}

/// A file that declares the project's version in code, and the pattern whose group `version` finds it.
public struct VersionFileSpec: Sendable {
    /// Repository-relative path.
    public var path: String
    /// Has a group named `version`.
    public var pattern: Pattern

    public init(path: String, pattern: Pattern) {
        self.path = path
        self.pattern = pattern
    }
}

/// A second opinion on the bump a change needs, besides the surface.
public enum Signal: String, Sendable, CaseIterable {
    /// Conventional Commits 1.0.0 messages between base and head: `feat!:` or a `BREAKING CHANGE:` footer ask
    /// for major, `feat:` for minor, `fix:` for patch.
    case conventionalCommits = "conventional-commits"
}

/// How bumps in 0.y.z are judged: SemVer item 4 (anything goes) or Cargo's shifted reading.
public enum InitialDevelopment: String, Sendable, CaseIterable {
    case semver, shifted
}

/// What the policy's `hidden:` says of items the program hides from its help (attribute `hidden=true`: cobra's
/// hidden commands, their subcommands and flags, and hidden flags).
public enum HiddenItems: String, Sendable, CaseIterable {
    /// Promised like every other item (the default): removing a hidden command needs a major.
    case promised
    /// Experimental, as an `experimental:` glob makes them: they promise nothing. Hiding a promised item deprecates
    /// it (a minor); it may then go in any later release.
    case experimental
}

/// One named surface: how to extract its items and which attribute changes break it.
public struct SurfaceSpec: Sendable {
    /// `[a-z0-9][a-z0-9_-]*`.
    public var name: String
    /// Their items are united.
    public var extractors: [any ExtractorSpec]
    /// Attributes whose change is breaking; nil means every attribute, empty means none.
    public var breaking: Set<String>?
    /// Item-key globs (key only, no `surface:`); empty means all.
    public var include: [Glob]
    public var exclude: [Glob]

    public init(
        name: String,
        extractors: [any ExtractorSpec],
        breaking: Set<String>? = nil,
        include: [Glob] = [],
        exclude: [Glob] = []
    ) {
        self.name = name
        self.extractors = extractors
        self.breaking = breaking
        self.include = include
        self.exclude = exclude
    }

    /// Whether a change of `attribute` is breaking on this surface: as `breaking` says, else as the extractors say
    /// when all of them name their breaking attributes (`cobra` does), else every attribute is.
    public func isBreaking(attribute: String) -> Bool {
        if let breaking { return breaking.contains(attribute) }
        let defaults = extractors.map(\.defaultBreakingAttributes)
        guard !defaults.isEmpty, defaults.allSatisfy({ $0 != nil }) else { return true }
        return defaults.contains { $0?.contains(attribute) == true }
    }

    /// Whether an item key passes the surface's include and exclude globs.
    public func admits(key: String) -> Bool {
        (include.isEmpty || include.contains { $0.matches(key) }) && !exclude.contains { $0.matches(key) }
    }
}

/// One extractor of a surface as the policy configures it: a value of one extractor kind.
///
/// The kinds themselves live above this target (they read git objects); the loader is handed the list of kinds
/// (`PolicyLoader.load(yaml:file:origin:extractors:)`), and each kind reads its own settings through
/// `ExtractorSettingsReader`, with the loader's positioned diagnostics.
public protocol ExtractorSpec: Sendable {
    /// The key of this kind under `extract:` (`regex`, `cobra`).
    static var name: String { get }
    /// The keys its settings accept, in documentation order (the JSON schema lists the same).
    static var keys: [String] { get }
    /// Reads one `extract:` entry of this kind, or nil after reporting why it is invalid.
    static func read(_ value: PolicyNode, in reader: inout ExtractorSettingsReader) -> Self?
    /// The attributes its items can carry, when it can say (`breaking:` is checked against them); nil when free.
    var attributes: [String]? { get }
    /// The attributes whose change breaks users when the surface does not list `breaking`; nil means all of them.
    var defaultBreakingAttributes: Set<String>? { get }
    /// How a `breaking:` name outside `attributes` is explained, after "breaking attribute 'X' is not ".
    static func unknownAttribute(_ name: String, known: [String]) -> String
}

extension ExtractorSpec {
    /// The key of this extractor's kind under `extract:`.
    public var kind: String { Self.name }
    public var attributes: [String]? { nil }
    public var defaultBreakingAttributes: Set<String>? { nil }
    public static func unknownAttribute(_ name: String, known: [String]) -> String {
        "an attribute of \(Self.name) items (" + known.joined(separator: ", ") + ")"
            + Suggestions.hint(for: name, among: known)
    }
}

/// How firmly an item is promised.
public enum Stability: String, Sendable, CaseIterable, Comparable {
    case stable, experimental, deprecated

    public static func < (lhs: Stability, rhs: Stability) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .stable: 0
        case .experimental: 1
        case .deprecated: 2
        }
    }
}

/// A deprecation the policy file declares for one item.
public struct DeclaredDeprecation: Sendable {
    /// `surface:key`.
    public var item: String
    public var since: Version?
    public var removeIn: Version?
    /// A support phase the removal waits for (`remove-when: line 1 deprecated`); with `remove-in`, both must hold.
    public var removeWhen: RemovalCondition?
    public var useInstead: String?
    /// The line of the `item:` in the policy file.
    public var line: Int

    public init(
        item: String, since: Version? = nil, removeIn: Version? = nil, removeWhen: RemovalCondition? = nil,
        useInstead: String? = nil, line: Int = 0
    ) {
        self.item = item
        self.since = since
        self.removeIn = removeIn
        self.removeWhen = removeWhen
        self.useInstead = useInstead
        self.line = line
    }

    /// The surface part of `item`.
    public var surface: String { item.split(separator: ":", maxSplits: 1).first.map(String.init) ?? item }

    /// The key part of `item`.
    public var key: String {
        guard let colon = item.firstIndex(of: ":") else { return "" }
        return String(item[item.index(after: colon)...])
    }
}

/// When a deprecated item may go, tied to the support phases `semgate support` computes: `line 1 deprecated` holds
/// once release line 1 has reached the phase `deprecated` (or a phase after it in the policy's order).
public struct RemovalCondition: Sendable, Hashable, CustomStringConvertible {
    /// The line as written: `1` or `1.21`.
    public var line: String
    /// A phase name of the policy's `support` section.
    public var phase: String

    public init(line: String, phase: String) {
        self.line = line
        self.phase = phase
    }

    /// Parses `line LINE PHASE`; nil for anything else (the phase is not checked here).
    public init?(text: String) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 3, words[0] == "line" else { return nil }
        self.init(line: words[1], phase: words[2...].joined(separator: " "))
    }

    /// `line 1 deprecated`.
    public var description: String { "line \(line) \(phase)" }
}

/// An acknowledged break: error and warning findings for these items in this release become notes.
public struct PolicyException: Sendable {
    public var release: Version
    /// Item globs over `surface:key`; `surface:pkg.**` names the item `pkg` and everything below it.
    public var items: [Glob]
    public var reason: String
    /// Only `release` itself; otherwise an exception for a final version (`2.0.0`) also covers its pre-releases
    /// (`2.0.0-rc1`), which usually carry the same break.
    public var exact: Bool

    public init(release: Version, items: [Glob], reason: String, exact: Bool = false) {
        self.release = release
        self.items = items
        self.reason = reason
        self.exact = exact
    }

    /// Whether this exception applies to the release `version`: the same precedence, or, unless `exact`, a
    /// pre-release of the final version it names.
    public func applies(to version: Version) -> Bool {
        if release.hasSamePrecedence(as: version) { return true }
        guard !exact, release.prerelease.isEmpty, !version.prerelease.isEmpty else { return false }
        return (release.major, release.minor, release.patch) == (version.major, version.minor, version.patch)
    }

    /// Whether this exception covers `item` (`surface:key`).
    public func covers(item: String) -> Bool {
        items.contains { $0.matches(item) }
    }
}

/// How much a finding matters; the policy file may set `error`, `warning` or `off`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case off, note, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .off: 0
        case .note: 1
        case .warning: 2
        case .error: 3
        }
    }

    /// The severities a policy file may set (`note` is what exceptions produce).
    public static let settable: [Severity] = [.error, .warning, .off]
}
