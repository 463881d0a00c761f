/// The size of a version change.
public enum Bump: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case none, patch, minor, major

    /// The lowercase name used in policy files and reports: `none`, `patch`, `minor` or `major`.
    public var name: String {
        switch self {
        case .none: "none"
        case .patch: "patch"
        case .minor: "minor"
        case .major: "major"
        }
    }

    public var description: String { name }

    /// The bump called `name`, or `nil` when the name is not one of `none`, `patch`, `minor`, `major`.
    public init?(name: String) {
        guard let bump = Bump.allCases.first(where: { $0.name == name }) else {
            return nil
        }
        self = bump
    }

    /// The bump from `from` to `to`, comparing core versions: a pre-release `2.0.0-rc1` counts as the bump to 2.0.0.
    /// `.none` when `to.core <= from.core`.
    public static func between(_ from: Version, _ to: Version) -> Bump {
        let (old, new) = (from.core, to.core)
        guard old < new else {
            return .none
        }
        if old.major != new.major {
            return .major
        }
        return old.minor != new.minor ? .minor : .patch
    }

    public static func < (lhs: Bump, rhs: Bump) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

extension Version {
    /// The version after a change of size `bump`, completing a pre-release where it already is that change.
    ///
    /// From a final release: `1.2.3` gives `2.0.0`, `1.3.0` and `1.2.4`, and `.none` gives the core.
    /// From a pre-release the bump completes it when possible, as npm's `semver.inc` does: `2.0.0-rc.1` `.major`
    /// gives `2.0.0` (its minor and patch are 0), `1.3.0-rc.1` `.minor` gives `1.3.0`, `1.3.0-rc.1` `.major`
    /// gives `2.0.0`, and `1.2.4-rc.1` `.patch` gives `1.2.4`. Build metadata is always dropped.
    ///
    /// - Precondition: the number that grows is below `UInt64.max`.
    public func bumped(_ bump: Bump) -> Version {
        guard let next = bumpedIfPossible(bump) else {
            preconditionFailure("cannot bump \(self) by \(bump) beyond the 64-bit limit \(UInt64.max)")
        }
        return next
    }

    /// `bumped(bump)`, or nil when the number that grows is already `UInt64.max` (a tag such as
    /// `v1.18446744073709551615.0` has no next minor).
    public func bumpedIfPossible(_ bump: Bump) -> Version? {
        switch bump {
        case .none:
            return core
        case .patch:
            if isPrerelease {
                return core
            }
            return Self.increment(patch).map { Version(major: major, minor: minor, patch: $0) }
        case .minor:
            if isPrerelease && patch == 0 {
                return core
            }
            return Self.increment(minor).map { Version(major: major, minor: $0, patch: 0) }
        case .major:
            if isPrerelease && minor == 0 && patch == 0 {
                return core
            }
            return Self.increment(major).map { Version(major: $0, minor: 0, patch: 0) }
        }
    }

    /// The next pre-release, labelled `preLabel`, of the version that `bumped(bump)` gives.
    ///
    /// `1.8.1` with `.minor` and `rc` gives `1.9.0-rc.1`. When this version already is a pre-release of that
    /// target whose identifiers start with the label, the trailing number grows: `2.0.0-rc.1` with `.major` and
    /// `rc` gives `2.0.0-rc.2`, and `2.0.0-rc` gives `2.0.0-rc.1`. Any other pre-release of the target starts the
    /// label afresh at `.1`, even when that sorts below this version (`2.0.0-rc.1` with `beta` gives
    /// `2.0.0-beta.1`). With `.none` on a final release the result is a pre-release of the same core.
    ///
    /// - Precondition: `preLabel` passes `Version.validatePrereleaseLabel(_:)`.
    public func bumped(_ bump: Bump, preLabel: String) -> Version {
        guard let next = bumpedIfPossible(bump, preLabel: preLabel) else {
            preconditionFailure("cannot bump \(self) by \(bump) beyond the 64-bit limit \(UInt64.max)")
        }
        return next
    }

    /// `bumped(bump, preLabel:)`, or nil when a number that grows is already `UInt64.max`.
    ///
    /// - Precondition: `preLabel` passes `Version.validatePrereleaseLabel(_:)`.
    public func bumpedIfPossible(_ bump: Bump, preLabel: String) -> Version? {
        let label: [PrereleaseIdentifier]
        do {
            label = try VersionParser(preLabel, subject: .prereleaseLabel).parsePrereleaseLabel()
        } catch {
            preconditionFailure("invalid pre-release label: \(error)")
        }
        guard let target = bumpedIfPossible(bump) else { return nil }
        var next = target
        next.prerelease = label + [.numeric(1)]
        guard isPrerelease, core == target, prerelease.starts(with: label) else {
            return next
        }
        let rest = prerelease.dropFirst(label.count)
        if rest.isEmpty {
            return next
        }
        if rest.count == 1, case .numeric(let number)? = rest.first {
            guard let grown = Self.increment(number) else { return nil }
            next.prerelease = label + [.numeric(grown)]
        }
        return next
    }

    private static func increment(_ number: UInt64) -> UInt64? {
        number < .max ? number + 1 : nil
    }
}
