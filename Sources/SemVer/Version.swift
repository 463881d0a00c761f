/// A SemVer 2.0.0 version: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`.
///
/// `==` and `hash(into:)` consider every field, build metadata included. `<` orders by SemVer precedence
/// (item 11 of the specification); two versions that differ only in build metadata have the same precedence,
/// and `<` breaks that tie by comparing the build identifiers lexically, fewer first, so that the order is
/// total and consistent with `==`. Use `hasSamePrecedence(as:)` to ask the SemVer question.
public struct Version: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: UInt64
    public var minor: UInt64
    public var patch: UInt64
    /// The pre-release identifiers; empty for a final release.
    public var prerelease: [PrereleaseIdentifier]
    /// The build metadata identifiers, which never affect precedence.
    public var build: [String]

    /// Creates a version from its parts. The identifiers are taken as given; `Version(_:)` validates text.
    public init(
        major: UInt64,
        minor: UInt64,
        patch: UInt64,
        prerelease: [PrereleaseIdentifier] = [],
        build: [String] = []
    ) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses strict SemVer 2.0.0 text: no leading `v`, no whitespace, no leading zeros, numbers within 64 bits.
    public init(_ text: String) throws(VersionError) {
        self = try VersionParser(text, subject: .version).parseVersion()
    }

    /// Parses strict SemVer 2.0.0 text, returning `nil` where `init(_:)` would throw.
    public static func parse(_ text: String) -> Version? {
        try? Version(text)
    }

    /// Checks that `label` is a valid pre-release identifier list such as `rc` or `beta.2`.
    ///
    /// Call this before `bumped(_:preLabel:)`, which requires a valid label.
    public static func validatePrereleaseLabel(_ label: String) throws(VersionError) {
        _ = try VersionParser(label, subject: .prereleaseLabel).parsePrereleaseLabel()
    }

    /// Whether the version has pre-release identifiers.
    public var isPrerelease: Bool { !prerelease.isEmpty }

    /// The same `major.minor.patch` without pre-release identifiers or build metadata.
    public var core: Version { Version(major: major, minor: minor, patch: patch) }

    /// The canonical text, such as `1.2.3-rc.1+build.5`.
    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty {
            text += "-" + prerelease.map(\.description).joined(separator: ".")
        }
        if !build.isEmpty {
            text += "+" + build.joined(separator: ".")
        }
        return text
    }

    /// Whether the two versions have equal SemVer precedence, that is, differ at most in build metadata.
    public func hasSamePrecedence(as other: Version) -> Bool {
        precedenceOrder(comparedTo: other) == .same
    }

    public static func < (lhs: Version, rhs: Version) -> Bool {
        switch lhs.precedenceOrder(comparedTo: rhs) {
        case .ascending: true
        case .descending: false
        case .same: lhs.build.lexicallyPrecedes(rhs.build)
        }
    }

    /// The order of two versions by SemVer precedence (item 11), ignoring build metadata.
    func precedenceOrder(comparedTo other: Version) -> PrecedenceOrder {
        for (left, right) in [(major, other.major), (minor, other.minor), (patch, other.patch)] where left != right {
            return left < right ? .ascending : .descending
        }
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (true, true): return .same
        case (true, false): return .descending
        case (false, true): return .ascending
        case (false, false): break
        }
        for (left, right) in zip(prerelease, other.prerelease) where left != right {
            return left < right ? .ascending : .descending
        }
        if prerelease.count == other.prerelease.count {
            return .same
        }
        return prerelease.count < other.prerelease.count ? .ascending : .descending
    }
}

/// The result of comparing two versions by precedence.
enum PrecedenceOrder: Equatable {
    case ascending, same, descending
}

extension [String] {
    /// Element-wise byte-order comparison; when one list is a prefix of the other, the shorter comes first.
    fileprivate func lexicallyPrecedes(_ other: [String]) -> Bool {
        for (left, right) in zip(self, other) where left != right {
            return left.utf8.lexicographicallyPrecedes(right.utf8)
        }
        return count < other.count
    }
}
