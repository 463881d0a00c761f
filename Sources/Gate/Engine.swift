import Foundation
import Git
import Lifecycle
import Policy
import Releases
import SemVer
import Surface

/// What `check` and `next` are asked.
public struct CheckOptions: Sendable {
    /// The `--head` value that judges the working directory (uncommitted and untracked files) on top of HEAD.
    public static let workingTree = "worktree"

    public var base: String?
    public var head: String
    public var version: Version?
    public var allow: Bump?
    public var preLabel: String?
    /// With no release before head, compare with an empty surface instead of failing (`next` on a new project).
    public var firstReleaseAllowed: Bool

    public init(
        base: String? = nil, head: String = "HEAD", version: Version? = nil, allow: Bump? = nil,
        preLabel: String? = nil, firstReleaseAllowed: Bool = false
    ) {
        self.base = base
        self.head = head
        self.version = version
        self.allow = allow
        self.preLabel = preLabel
        self.firstReleaseAllowed = firstReleaseAllowed
    }
}

/// Runs the pipeline for every command: releases, surfaces at each revision, changes, findings, report.
public final class Engine {
    public let repository: Repository
    public let policy: Policy
    public let history: ReleaseHistory
    private let reader: SurfaceReader
    private var snapshots: [ObjectID: SurfaceSnapshot] = [:]
    /// Called with a line of progress for long runs (audit); nil for silence.
    public var progress: (@Sendable (String) -> Void)?
    /// The day a check's `--version` is taken to be published (support phases, deprecation periods); today in UTC.
    public var today = CalendarDay(Date())

    public init(repository: Repository, policy: Policy) throws(GateError) {
        self.repository = repository
        self.policy = policy
        self.history = try wrap { () throws(GitError) in
            try ReleaseHistory.read(from: repository, policy: policy.releases)
        }
        self.reader = SurfaceReader(repository: repository, policy: policy)
    }

    private var policyInfo: PolicyInfo {
        switch policy.origin {
        case .file(let path): return PolicyInfo(source: path, defaults: false, project: policy.project, path: path)
        case .revision(let rev, let path):
            return PolicyInfo(source: "\(path)@\(rev)", defaults: false, project: policy.project, path: path)
        case .defaults: return PolicyInfo(source: "defaults", defaults: true, project: policy.project)
        }
    }

    private var originNotes: [String] {
        if case .defaults(let reason) = policy.origin { return [reason] }
        return []
    }

    // MARK: Surfaces

    /// The surface at a commit, with the policy's declared deprecations applied as of `version`.
    func snapshot(at commit: ObjectID, version: Version?) throws(GateError) -> SurfaceSnapshot {
        var snapshot: SurfaceSnapshot
        if let cached = snapshots[commit] {
            snapshot = cached
        } else {
            do {
                snapshot = try reader.snapshot(at: commit)
            } catch {
                throw GateError.surface(SurfaceFailure(message: error.description))
            }
            snapshots[commit] = snapshot
        }
        applyDeclaredDeprecations(to: &snapshot, version: version)
        return snapshot
    }

    private func applyDeclaredDeprecations(to snapshot: inout SurfaceSnapshot, version: Version?) {
        for declaration in policy.deprecations {
            guard var item = snapshot.items[declaration.item], item.stability == .stable else { continue }
            if let since = declaration.since, let version, version < since { continue }
            item.stability = .deprecated
            snapshot.items[declaration.item] = item
        }
    }

    /// The surface of the working directory, with the policy's declared deprecations applied as of `version`.
    func snapshot(of workingTree: WorkingTree, version: Version?) throws(GateError) -> SurfaceSnapshot {
        var snapshot: SurfaceSnapshot
        do {
            snapshot = try reader.snapshot(of: workingTree)
        } catch {
            throw GateError.surface(SurfaceFailure(message: error.description))
        }
        applyDeclaredDeprecations(to: &snapshot, version: version)
        return snapshot
    }

    private func revision(_ rev: String) throws(GateError) -> RevisionInfo {
        let commit = try wrap { () throws(GitError) in try repository.resolve(rev) }
        return RevisionInfo(rev: rev, commit: commit, version: history.latest(at: commit)?.version)
    }

    // MARK: check / next

    /// Reports the changes from base to head and judges them against `--version` and `--allow`.
    public func check(_ options: CheckOptions) throws(GateError) -> Report {
        var options = options
        let workingTree: WorkingTree?
        var head: RevisionInfo
        var notes = originNotes + history.notes
        if options.head == CheckOptions.workingTree {
            workingTree = try wrap { () throws(GitError) in try WorkingTree(repository) }
            let tip = try revision("HEAD")
            // The working directory is not the release tagged at HEAD: it has no version of its own.
            head = RevisionInfo(rev: CheckOptions.workingTree, commit: tip.commit, version: nil)
            notes.append(
                "head is the working tree on top of HEAD \(tip.commit.short): uncommitted and untracked files count, "
                    + "ignored files do not")
        } else {
            workingTree = nil
            head = try revision(options.head)
        }
        var versionFindings: [Finding] = []
        if !policy.releases.versionFiles.isEmpty {
            let declared = try declaredVersion(at: head, in: workingTree)
            let versionCheck = VersionFileCheck(
                declared: declared, target: options.version ?? head.version, history: history,
                files: policy.releases.versionFiles.map(\.path))
            versionFindings = versionCheck.findings
            notes += versionCheck.notes
            if options.version == nil, head.version == nil, let adopted = versionCheck.adoptedVersion {
                options.version = adopted
            }
        }
        if let version = options.version {
            head = RevisionInfo(rev: head.rev, commit: head.commit, version: version)
        }
        let base: RevisionInfo?
        if let rev = options.base {
            let tip = try revision(rev)
            // As a pull request's diff does, judge only what head adds: compare with the point it branched off.
            let fork = try wrap { () throws(GitError) in try repository.mergeBase(tip.commit, head.commit) }
            if let fork, fork != tip.commit {
                notes.append(
                    "'\(rev)' has moved on since '\(options.head)' branched off; comparing with their merge-base "
                        + fork.short)
                base = RevisionInfo(rev: rev, commit: fork, version: history.latest(at: fork)?.version)
            } else {
                base = tip
            }
        } else if let version = options.version {
            if let predecessor = history.predecessor(of: version) {
                base = RevisionInfo(rev: predecessor.tag, commit: predecessor.commit, version: predecessor.version)
            } else if repository.isShallow {
                throw GateError.git(.shallowHistory(missing: "the release before \(version)"))
            } else {
                // The first final release: everything on the surface is new, and there is no bump to judge.
                notes.append("no final release precedes \(version): it is judged as a first release")
                base = nil
            }
        } else {
            let reachable = try wrap { () throws(GitError) in try repository.reachableCommits(from: head.commit) }
            if let latest = history.latest(in: reachable) {
                base = RevisionInfo(rev: latest.tag, commit: latest.commit, version: latest.version)
            } else if repository.isShallow {
                throw GateError.git(.shallowHistory(missing: "the last release before \(options.head)"))
            } else if options.firstReleaseAllowed {
                notes.append("no release precedes \(options.head): it is judged as a first release")
                base = nil
            } else {
                throw GateError.usage(
                    "no release tag matching '\(policy.releases.tag.template)' is reachable from '\(options.head)'; "
                        + "pass --base REV to compare against a revision, or --version V for a first release")
            }
        }
        return try check(
            options, base: base, head: head, workingTree: workingTree, findings: versionFindings, notes: notes)
    }

    /// The version the code declares at head (`releases.version-file`).
    private func declaredVersion(at head: RevisionInfo, in workingTree: WorkingTree?) throws(GateError)
        -> DeclaredVersion?
    {
        do {
            if let workingTree { return try reader.declaredVersion(in: workingTree) }
            return try reader.declaredVersion(at: head.commit)
        } catch {
            throw GateError.surface(SurfaceFailure(message: error.description))
        }
    }

    private func check(
        _ options: CheckOptions, base: RevisionInfo?, head: RevisionInfo, workingTree: WorkingTree?,
        findings headFindings: [Finding], notes: [String]
    ) throws(GateError) -> Report {
        var notes = notes
        let baseVersion = try base.map { info throws(GateError) in try versionAtOrBefore(info) } ?? nil
        let before =
            try base.map { info throws(GateError) in try snapshot(at: info.commit, version: baseVersion) }
            ?? SurfaceSnapshot()
        let after: SurfaceSnapshot
        if let workingTree {
            after = try snapshot(of: workingTree, version: options.version ?? head.version)
        } else {
            after = try snapshot(at: head.commit, version: options.version ?? head.version)
        }
        notes += Array(Set(before.notes + after.notes)).sorted()
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        // The working tree differs from HEAD even when HEAD is the base: judge it as a change.
        let minimum: Bump = base?.commit == head.commit && workingTree == nil ? .none : .patch
        let required = changes.map(\.bump).reduce(minimum, max)
        let next = Evaluator.nextVersion(
            after: baseVersion, required: required, policy: policy, preLabel: options.preLabel)
        // Without --version the bump rules have nothing to judge; the removal rules judge against `next`.
        let evaluation = Evaluator.evaluate(
            changes: changes, base: options.version == nil ? nil : baseVersion, target: options.version ?? next,
            minimum: minimum, policy: policy, allow: options.allow, release: options.version?.description)
        var findings = evaluation.findings
        let publication = options.version.flatMap { history.release($0) }.map { ReleasePoint($0).day } ?? today
        findings += try lifecycleFindings(
            changes: changes, before: before, after: after, base: baseVersion, target: options.version,
            day: publication, release: options.version?.description, existing: findings)
        var declared: Bump?
        if policy.signals.contains(.conventionalCommits) {
            let messages = try wrap { () throws(GitError) in
                try repository.commitMessages(from: base?.commit, to: head.commit)
            }
            let signal = CommitSignal(messages: messages, changes: changes, release: options.version?.description)
            declared = signal.declared
            findings += Evaluator.applyPolicy(
                signal.findings, policy: policy, base: baseVersion, target: options.version ?? next)
            notes += signal.notes
            if workingTree != nil { notes.append("uncommitted changes have no commit message yet; only commits count") }
        }
        findings += Evaluator.applyPolicy(headFindings, policy: policy, base: baseVersion, target: options.version)
        findings += Evaluator.applyPolicy(
            Self.syntaxFindings(before: before, after: after, release: options.version?.description), policy: policy,
            base: baseVersion, target: options.version)
        if let version = options.version, let released = history.release(version), released.commit != head.commit {
            let reuse = Finding(
                rule: .versionNotIncreasing, severity: Rule.versionNotIncreasing.defaultSeverity,
                message: "version \(version) is already released as \(released.tag) (\(released.commit.short)); "
                    + "choose the next version (semgate next)",
                release: version.description)
            findings += Evaluator.applyPolicy([reuse], policy: policy, base: baseVersion, target: version)
        }
        var report = Report(kind: .check, policy: policyInfo, base: base, head: head)
        report.required = evaluation.required
        report.actual = evaluation.actual
        report.allow = options.allow
        report.declared = declared
        report.next = next
        report.changes = changes
        report.findings = findings
        report.notes = notes
        report.incompleteSurfaces = before.incomplete.union(after.incomplete).sorted()
        return report
    }

    /// `source-syntax-error` for each file that does not parse at `after` and did at `before` (or did not exist).
    private static func syntaxFindings(before: SurfaceSnapshot, after: SurfaceSnapshot, release: String?) -> [Finding] {
        let known = Set(before.problems.map(\.location.path))
        return after.problems.filter { !known.contains($0.location.path) }.map { problem in
            Finding(
                rule: .sourceSyntaxError, severity: Rule.sourceSyntaxError.defaultSeverity, message: problem.message,
                release: release, location: problem.location)
        }
    }

    /// The version of the release at `info`, else of the greatest release reachable from it.
    private func versionAtOrBefore(_ info: RevisionInfo) throws(GateError) -> Version? {
        if let version = info.version { return version }
        let reachable = try wrap { () throws(GitError) in try repository.reachableCommits(from: info.commit) }
        return history.latest(in: reachable)?.version
    }

    // MARK: audit

    /// Judges every release (optionally within `from...to`) against its predecessor.
    public func audit(from: Version? = nil, to: Version? = nil) throws(GateError) -> Report {
        if repository.isShallow {
            throw GateError.git(.shallowHistory(missing: "the release history that audit reads"))
        }
        var rows: [ReleaseRow] = []
        let selected = history.releases.filter { release in
            (from.map { release.version >= $0 } ?? true) && (to.map { release.version <= $0 } ?? true)
        }
        var notes = originNotes + history.notes
        var incomplete: Set<String> = []
        for (index, release) in selected.enumerated() {
            progress?("[\(index + 1)/\(selected.count)] \(release.tag)")
            let after = try snapshot(at: release.commit, version: release.version)
            incomplete.formUnion(after.incomplete)
            let versionFindings = try versionFileFindings(of: release)
            guard let predecessor = history.predecessor(of: release.version) else {
                rows.append(
                    ReleaseRow(
                        release: release, predecessor: nil, required: nil, actual: nil, changes: [],
                        findings: versionFindings))
                notes += after.notes
                continue
            }
            let before = try snapshot(at: predecessor.commit, version: predecessor.version)
            notes += after.notes
            let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
            let syntaxFindings = Evaluator.applyPolicy(
                Self.syntaxFindings(before: before, after: after, release: release.version.description), policy: policy,
                base: predecessor.version, target: release.version)
            let evaluation = Evaluator.evaluate(
                changes: changes, base: predecessor.version, target: release.version, minimum: .patch, policy: policy,
                release: release.version.description)
            let lifecycle = try lifecycleFindings(
                changes: changes, before: before, after: after, base: predecessor.version, target: release.version,
                day: ReleasePoint(release).day, release: release.version.description, existing: evaluation.findings)
            var signalFindings: [Finding] = []
            var declared: Bump?
            if policy.signals.contains(.conventionalCommits) {
                let messages = try wrap { () throws(GitError) in
                    try repository.commitMessages(from: predecessor.commit, to: release.commit)
                }
                let signal = CommitSignal(messages: messages, changes: changes, release: release.version.description)
                declared = signal.declared
                signalFindings = Evaluator.applyPolicy(
                    signal.findings, policy: policy, base: predecessor.version, target: release.version)
            }
            rows.append(
                ReleaseRow(
                    release: release, predecessor: predecessor, required: evaluation.required,
                    actual: evaluation.actual, changes: changes,
                    findings: evaluation.findings + signalFindings + versionFindings + syntaxFindings + lifecycle,
                    declared: declared))
        }
        var report = Report(kind: .audit, policy: policyInfo)
        report.releases = rows
        report.findings = tagFindings()
        report.notes = Array(Set(notes)).sorted()
        report.incompleteSurfaces = incomplete.sorted()
        return report
    }

    /// `version-file-mismatch` for one release: the version its code declares against its tag.
    private func versionFileFindings(of release: Release) throws(GateError) -> [Finding] {
        guard !policy.releases.versionFiles.isEmpty else { return [] }
        let head = RevisionInfo(rev: release.tag, commit: release.commit, version: release.version)
        let declared = try declaredVersion(at: head, in: nil)
        // A release whose code names no version (older layouts) is not judged: the file is not required.
        guard declared != nil else { return [] }
        let check = VersionFileCheck(
            declared: declared, target: release.version, history: history,
            files: policy.releases.versionFiles.map(\.path))
        return Evaluator.applyPolicy(check.findings, policy: policy, base: nil, target: release.version)
    }

    /// `tag-not-semver` and `duplicate-version`, with the policy's severities.
    private func tagFindings() -> [Finding] {
        history.findings.compactMap { tag in
            let severity = policy.severity(of: tag.rule)
            guard severity != .off else { return nil }
            // `release` holds versions only: a tag that is not SemVer has none.
            let version = policy.releases.tag.versionText(fromTag: tag.tag).flatMap(Version.parse)
            return Finding(rule: tag.rule, severity: severity, message: tag.message, release: version?.description)
        }
    }

    // MARK: diff / surface

    /// The surface changes between two revisions (either may be `worktree`), with the bump they need.
    public func diff(_ a: String, _ b: String) throws(GateError) -> Report {
        let (base, before) = try revisionSnapshot(a)
        let (head, after) = try revisionSnapshot(b)
        var report = Report(kind: .diff, policy: policyInfo, base: base, head: head)
        report.changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        report.required = report.changes.map(\.bump).max() ?? Bump.none
        report.notes = originNotes + Array(Set(before.notes + after.notes)).sorted()
        report.incompleteSurfaces = before.incomplete.union(after.incomplete).sorted()
        return report
    }

    /// The declared surface at a revision, or of the working tree (`worktree`).
    public func surface(at rev: String) throws(GateError) -> Report {
        let (head, snapshot) = try revisionSnapshot(rev)
        var report = Report(kind: .surface, policy: policyInfo, head: head)
        report.items = snapshot.sortedItems
        report.notes = originNotes + snapshot.notes
        report.incompleteSurfaces = snapshot.incomplete.sorted()
        return report
    }

    /// A revision and its surface; `worktree` is the working tree on top of HEAD, with no version of its own.
    private func revisionSnapshot(_ rev: String) throws(GateError) -> (RevisionInfo, SurfaceSnapshot) {
        guard rev == CheckOptions.workingTree else {
            let info = try revision(rev)
            return (info, try snapshot(at: info.commit, version: info.version))
        }
        let workingTree = try wrap { () throws(GitError) in try WorkingTree(repository) }
        let tip = try revision("HEAD")
        let info = RevisionInfo(rev: rev, commit: tip.commit, version: nil)
        return (info, try snapshot(of: workingTree, version: nil))
    }
}
