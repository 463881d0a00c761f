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
    /// The branch whose tip the commit is, when the revision was given as a SHA (as CI passes it): a pull request's
    /// summary names `main` and `fix-login`, not two hashes.
    public var branch: String? = nil
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
    public var findings: [Finding]
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
    /// The files of removed items (`Change.location`) that no longer exist at head: an annotation cannot be placed
    /// on them, so it goes to the policy file. Sorted.
    public var pathsGoneAtHead: [String] = []
    /// The surfaces an extractor could not read in full at some revision the report read (their notes say what is
    /// missing), sorted.
    public var incompleteSurfaces: [String] = []
    /// Set when the report shows only part of the surface (`--only`); the verdict is still the whole one.
    public var focus: ReportFocus?

    /// `fail` when any finding (including those of audited releases) is an error; for a focused report, the verdict
    /// on the whole surface.
    public var verdict: Verdict { focus?.verdict ?? Verdict(findings + (releases ?? []).flatMap(\.findings)) }

    /// The report narrowed to the items whose `surface:key` matches one of `globs` (`--only`): changes, items and
    /// findings about other items are left out, with a note saying how many; findings about no item (the version,
    /// the tag) stay. The verdict, the required bump and the next version remain those of the whole surface.
    public func focused(on globs: [Glob]) -> Report {
        guard !globs.isEmpty else { return self }
        let shown = { (id: String) in globs.contains { $0.matches(id) } }
        var focused = self
        focused.changes = changes.filter { shown($0.id) }
        focused.findings = findings.filter { $0.item.map(shown) ?? true }
        focused.items = items?.filter { shown($0.id) }
        let focus = ReportFocus(
            only: globs.map(\.pattern), verdict: verdict, findings: findings + (releases ?? []).flatMap(\.findings),
            hiddenChanges: changes.count - focused.changes.count,
            hiddenFindings: findings.count - focused.findings.count,
            hiddenItems: (items?.count ?? 0) - (focused.items?.count ?? 0))
        focused.focus = focus
        let what = [
            (focus.hiddenChanges, "change"), (focus.hiddenFindings, "finding"), (focus.hiddenItems, "item"),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        focused.notes.append(
            "showing only " + focus.only.map { "'\($0)'" }.joined(separator: ", ") + " ("
                + (what.isEmpty ? "nothing left out" : what.joined(separator: ", ") + " left out")
                + "); the verdict (\(verdict.rawValue)) and the bump required are those of the whole surface")
        return focused
    }
}

/// What a focused report (`--only`) leaves out, and the verdict on the whole surface.
public struct ReportFocus: Sendable {
    /// The `--only` globs as given.
    public let only: [String]
    /// The verdict on the whole surface.
    public let verdict: Verdict
    /// Every finding on the whole surface: the verdict's reason names them, whatever the view shows.
    public let findings: [Finding]
    public let hiddenChanges: Int
    public let hiddenFindings: Int
    public let hiddenItems: Int
}
