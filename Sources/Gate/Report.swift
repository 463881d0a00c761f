import Foundation
import Git
import Policy
import Releases
import SemVer
import Surface

/// A revision as a report names it: what the user typed, the commit, and the release version there if any.
public struct RevisionInfo: Sendable {
    public let rev: String
    public let commit: ObjectID
    public let version: Version?
}

/// Which policy a report was made with.
public struct PolicyInfo: Sendable {
    /// `.semgate.yml`, `policy/semgate.yml@origin/main`, or `defaults`.
    public let source: String
    public let defaults: Bool
    public let project: String?
    /// The policy file's path as it was named or found (in the working tree or at a revision); nil for defaults.
    public var path: String? = nil
}

/// One release judged against its predecessor, as `audit` reports it.
public struct ReleaseRow: Sendable {
    public let release: Release
    public let predecessor: Release?
    public let required: Bump?
    public let actual: Bump?
    public let changes: [Change]
    public let findings: [Finding]
    /// The bump the release's commit messages declare (`signals: [conventional-commits]`); nil when off.
    public var declared: Bump?
    public var verdict: Verdict { Verdict(findings) }
}

/// The command a report answers.
public enum ReportKind: String, Sendable {
    case check, next, audit, diff, surface
}

/// Everything a renderer needs: one value for every command, with the parts that command fills.
public struct Report: Sendable {
    public var kind: ReportKind
    public var policy: PolicyInfo
    public var base: RevisionInfo?
    public var head: RevisionInfo?
    public var required: Bump?
    public var actual: Bump?
    public var allow: Bump?
    /// The bump the commit messages declare (`signals: [conventional-commits]`); nil when that signal is off.
    public var declared: Bump?
    public var next: Version?
    public var changes: [Change] = []
    public var findings: [Finding] = []
    /// `audit` only: one row a release.
    public var releases: [ReleaseRow]?
    /// `surface` only: the items at the revision.
    public var items: [SurfaceItem]?
    public var notes: [String] = []
    /// The surfaces an extractor could not read in full at some revision the report read (their notes say what is
    /// missing), sorted.
    public var incompleteSurfaces: [String] = []

    /// `fail` when any finding (including those of audited releases) is an error.
    public var verdict: Verdict { Verdict(findings + (releases ?? []).flatMap(\.findings)) }
}
