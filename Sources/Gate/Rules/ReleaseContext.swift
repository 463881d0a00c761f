import Lifecycle
import Policy
import Releases
import SemVer
import Surface

/// Everything a rule may look at when it judges one release, or a pull request's head, against the release before
/// it. `check` and `audit` build one and run the same rule pass over it; rule examples build one in memory.
public struct ReleaseContext {
    public var policy: Policy
    /// The version findings name (`--version`, or the release audited); nil for a pull-request check.
    public var release: String?
    /// The version of the release the changes are measured from; nil for a first release.
    public var base: Version?
    /// The version being released (`--version`, the one the version file declares, or the release audited); nil
    /// when unknown. Bump rules judge only a known version.
    public var version: Version?
    /// The version the changes require after `base`, when no version is given.
    public var next: Version?
    /// The largest bump this branch may take (`check --allow`).
    public var allow: Bump?
    /// The least bump the release needs (`patch` when there are commits, `none` when head is base).
    public var minimum: Bump
    public var changes: [Change]
    public var before: SurfaceSnapshot
    public var after: SurfaceSnapshot
    /// The day the release is (or is taken to be) published.
    public var day: CalendarDay
    /// Every release of the repository as a lifecycle point, in precedence order.
    public var releases: [ReleasePoint]
    /// The messages of the commits from base to head when `signals: [conventional-commits]` is on; else nil.
    public var commitMessages: [String]?
    /// The version the code declares set against the release (`releases.version-file`); nil when not configured
    /// or not judged.
    public var versionFile: VersionFileCheck?
    /// The release that already carries `version` at another commit, if any.
    public var alreadyReleased: Release?
    /// The surface of an earlier release (with the policy's declared deprecations as of that release).
    var surfaceOfRelease: (ReleasePoint) throws(GateError) -> SurfaceSnapshot
    /// Runs of stability through the releases before this one, when `audit` keeps them: `firstRelease` reads
    /// earlier surfaces only where they do not reach.
    var stabilityRuns: StabilityRuns?

    public init(
        policy: Policy, release: String?, base: Version?, version: Version?, next: Version? = nil,
        allow: Bump? = nil, minimum: Bump = .patch, changes: [Change], before: SurfaceSnapshot,
        after: SurfaceSnapshot, day: CalendarDay, releases: [ReleasePoint] = [], commitMessages: [String]? = nil,
        versionFile: VersionFileCheck? = nil, alreadyReleased: Release? = nil,
        surfaceOfRelease: @escaping (ReleasePoint) throws(GateError) -> SurfaceSnapshot = { _ in SurfaceSnapshot() }
    ) {
        self.policy = policy
        self.release = release
        self.base = base
        self.version = version
        self.next = next
        self.allow = allow
        self.minimum = minimum
        self.changes = changes
        self.before = before
        self.after = after
        self.day = day
        self.releases = releases
        self.commitMessages = commitMessages
        self.versionFile = versionFile
        self.alreadyReleased = alreadyReleased
        self.surfaceOfRelease = surfaceOfRelease
    }

    /// The largest bump the changes need (at least `minimum`).
    public var required: Bump { changes.map(\.bump).reduce(minimum, max) }

    /// The bump from `base` to `version`, when both are known.
    public var actual: Bump? {
        guard let base, let version else { return nil }
        return Evaluator.actualBump(from: base, to: version, policy: policy)
    }

    /// The bump `version` makes over `base` when it is greater and is a release at all: what the bump rules
    /// judge. nil without a version, or when `version-not-increasing` applies.
    var shippedBump: Bump? {
        guard let base, let version, base < version, !base.hasSamePrecedence(as: version), let actual, actual > .none
        else { return nil }
        return actual
    }

    /// The version as messages name it.
    var shipped: String { target?.description ?? "this change" }

    /// The version the release is judged as: the one given, else the one the changes require.
    public var target: Version? { version ?? next }

    /// The changes to items that are stable on the side that matters.
    public var promisedChanges: [Change] { changes.filter { !$0.experimental } }

    /// Whether `item` is deprecated in the code or by a declaration that applies at `version` (declarations reach
    /// experimental items too, which the snapshot leaves experimental).
    func isDeprecated(_ item: SurfaceItem, at version: Version?) -> Bool {
        policy.isDeprecated(item, at: version)
    }

    /// The earliest release in the unbroken run of releases up to `base` (following predecessors back) in which
    /// item `id` has `stability`.
    func firstRelease(where id: String, is stability: Stability) throws(GateError) -> ReleasePoint? {
        guard let base else { return nil }
        var current = releases.first { $0.version.hasSamePrecedence(as: base) } ?? predecessor(of: base)
        var first: ReleasePoint?
        if let point = current, let known = stabilityRuns?.run(of: id, is: stability, at: point) {
            guard case .since(let since, let reachesBack) = known else { return nil }
            guard reachesBack else { return since }
            first = since
            current = predecessor(of: since.version)
        }
        while let point = current {
            guard try surfaceOfRelease(point).items[id]?.stability == stability else { break }
            first = point
            current = predecessor(of: point.version)
        }
        return first
    }

    /// The greatest final release with lower precedence than `version`.
    func predecessor(of version: Version) -> ReleasePoint? {
        releases.last { !$0.version.isPrerelease && $0.version < version && !$0.version.hasSamePrecedence(as: version) }
    }
}

/// What a tag rule looks at: one tag that matches the release template but is not a clean release, as the release
/// history found it.
public struct TagContext: Sendable {
    public var tag: TagFinding
    public var policy: Policy

    public init(tag: TagFinding, policy: Policy) {
        self.tag = tag
        self.policy = policy
    }

    /// The finding as a violation naming the version when the tag has one (`release` holds versions only: a tag that
    /// is not SemVer has none).
    var violation: Violation {
        let version = policy.releases.tag.versionText(fromTag: tag.tag).flatMap(Version.parse)
        return Violation(tag.message, release: version?.description)
    }
}

extension ReleaseContext {
    /// The next major after the base (`3.0.0`), as remedies name it; a base at the 64-bit limit has none.
    var nextMajor: String {
        guard let base else { return "the next major" }
        guard base.major < UInt64.max else {
            return "a next major (there is none after \(base.major), the largest major a 64-bit number holds)"
        }
        return "\(base.major + 1).0.0"
    }

    /// The next minor after the base (`2.3.0`), as remedies name it; a base at the 64-bit limit has none.
    var nextMinor: String {
        guard let base else { return "the next minor" }
        guard base.minor < UInt64.max else {
            return "a next minor (there is none after \(base.major).\(base.minor), the largest minor a 64-bit number "
                + "holds)"
        }
        return "\(base.major).\(base.minor + 1).0"
    }

    /// How to record that the break of `items` is accepted in the release judged.
    func exceptionHint(_ items: [String]) -> String {
        let list = items.map { "\"\($0)\"" }.joined(separator: ", ")
        return
            "add an exception with a reason to the policy: exceptions: [{release: \(target?.description ?? "X.Y.Z"), "
            + "items: [\(list)], reason: \"...\"}]"
    }

    /// How to deprecate `change`'s item: the marker its surface reads, or the policy's `deprecations:`.
    func deprecationHint(_ change: Change) -> String {
        let marker = policy.surface(named: change.surface).flatMap(Extractors.deprecationMarker)
        return "deprecate it in a minor release ("
            + (marker.map { "\($0), or under deprecations: in the policy" } ?? "under deprecations: in the policy")
            + ")"
    }
}

extension Change {
    /// What happened, as a message starts: `removed flags:--verbose`, `changed type of metrics:vus`.
    var summary: String {
        switch kind {
        case .added: return "added \(id)"
        case .removed: return "removed \(id)"
        case .changed: return "changed \(changedAttributes.joined(separator: ", ")) of \(id)"
        case .deprecated: return "deprecated \(id)"
        case .promoted: return "promoted \(id) to stable"
        case .demoted: return "demoted \(id) to experimental"
        }
    }
}

extension Policy {
    /// Whether `item` is deprecated in the code or by a declaration that applies at `version` (declarations reach
    /// experimental items too, which the snapshot leaves experimental).
    func isDeprecated(_ item: SurfaceItem, at version: Version?) -> Bool {
        item.stability == .deprecated || declaresDeprecated(item.id, at: version)
    }
}
