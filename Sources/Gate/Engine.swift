import Foundation
import Git
import Lifecycle
import Limits
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
    /// Without `version`, judge a head that is a release commit as that release (`check --head v1.3.0` compares
    /// with 1.3.0's predecessor, not with itself). `next` asks what comes after head, so it leaves this off.
    public var judgesTaggedHead = false
    /// The branch names CI gives for base and head (`GITHUB_BASE_REF`, `GITHUB_HEAD_REF`): preferred among the
    /// branches whose tip is the commit, and never used for a commit that no branch of that name points at.
    public var branchHints: (base: String?, head: String?) = (nil, nil)

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
    /// The last few surfaces read; the rest of the history is not kept (audit streams).
    private var recent = RecentSnapshots()
    /// Readers of merge bases' surfaces that share this engine's reader's caches, by the surfaces they read, and the
    /// last merge-base surface read (``forkPart(at:surfaces:)``).
    private var forkReaders: [Set<String>: SurfaceReader] = [:]
    private var lastForkRead: (commit: ObjectID, surfaces: Set<String>, snapshot: SurfaceSnapshot)?
    /// The commits `snapshot(at:version:)` read whole (not from `recent`), in order, for tests of what a command reads.
    private(set) var revisionsRead: [ObjectID] = []
    /// Called with a line of progress for long runs (audit); nil for silence.
    public var progress: (@Sendable (String) -> Void)?
    /// The day a check's `--version` is taken to be published (support phases, deprecation periods); today in UTC.
    public var today = CalendarDay(Date())
    /// Threads that read surfaces for `audit` and `deprecations`: with 2 or more, the policy's surfaces are split
    /// between that many reading threads (`SurfacePartition`), which read ahead while this one judges the releases
    /// before them (the output is the same); 1 reads and judges in turn. Two by default on a machine with two cores
    /// or more.
    public var jobs = min(2, max(1, ProcessInfo.processInfo.activeProcessorCount))
    /// The changes and findings `audit` keeps for its report before it stops with an error
    /// (`Limit.reportEntriesPerRun`; lower in tests).
    public var reportEntries = Limit.reportEntriesPerRun
    /// Steps `audit` may spend finding where release lines fork (`Limit.forkBlameSteps`; lower in tests).
    public var forkBlameSteps = Limit.forkBlameSteps
    /// The persistent extraction cache surfaces are read through (`--cache`); nil reads without one.
    public var cache: ExtractionStore? {
        get { reader.store }
        set { reader.store = newValue }
    }

    /// `separatingHistories`: leave out the releases of histories that share no commit with the project's
    /// (``ReleaseHistory/unrelated(head:groups:)``, another project's tags), as the commands that judge or list every
    /// release do (audit, deprecations, support, fix-targets, init). It costs one walk of the history (every commit
    /// read once), which `check`, `next`, `diff` and `surface` do not pay: they read one or two revisions.
    public convenience init(repository: Repository, policy: Policy) throws(GateError) {
        try self.init(repository: repository, policy: policy, separatingHistories: false)
    }

    public init(repository: Repository, policy: Policy, separatingHistories: Bool) throws(GateError) {
        self.repository = repository
        self.policy = policy
        self.history = try wrap { () throws(GitError) in
            try ReleaseHistory.read(from: repository, policy: policy.releases, separatingHistories: separatingHistories)
        }
        self.reader = SurfaceReader(repository: repository, policy: policy)
    }

    /// An engine over another handle of a repository whose history is already read, reading the surfaces named in
    /// `surfaces` (nil: all) and spending from `budgets` (nil: budgets of its own).
    private init(
        repository: Repository, policy: Policy, history: ReleaseHistory, surfaces: Set<String>? = nil,
        budgets: SurfaceReader.RunBudgets? = nil
    ) {
        self.repository = repository
        self.policy = policy
        self.history = history
        self.reader = SurfaceReader(
            repository: repository, policy: policy, surfaces: surfaces, budgets: budgets ?? .init())
    }

    /// An engine like this one on the same repository handle, with budgets and caches of its own.
    func fresh() -> Engine {
        let engine = Engine(repository: repository, policy: policy, history: history)
        engine.jobs = jobs
        engine.progress = progress
        engine.today = today
        engine.cache = cache
        engine.reportEntries = reportEntries
        engine.forkBlameSteps = forkBlameSteps
        return engine
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
        if let cached = recent.snapshot(at: commit, version: version) { return cached }
        revisionsRead.append(commit)
        var snapshot: SurfaceSnapshot
        do {
            snapshot = try reader.snapshot(at: commit)
        } catch {
            throw failure(error, at: commit)
        }
        applyDeclaredDeprecations(to: &snapshot, version: version)
        recent.keep(snapshot, at: commit, version: version)
        return snapshot
    }

    /// The surface at a commit as the reader gives it, without the policy's declared deprecations and without
    /// keeping it among the recent surfaces: a history scanned once (`deprecations`) leaves the reader's items to it
    /// alone, which then updates them in place for the next revision instead of copying them.
    /// With an `interest`, the extractors may leave out what cannot show a deprecation (`DeprecationInterest`).
    func scannedSnapshot(at commit: ObjectID, interest: DeprecationInterest? = nil) throws(GateError)
        -> SurfaceSnapshot
    {
        do {
            return try reader.snapshot(at: commit, interest: interest)
        } catch {
            throw failure(error, at: commit)
        }
    }

    /// The surface of `surfaces` at a merge base `ForkBlame` compares with, as the reader gives it: read with the
    /// caches this engine's reader reads the releases with (the files at a fork are mostly those of the releases
    /// read just before), by a reader of its own that does not disturb what this one read last (the next release
    /// then merges only what changed). Only the surfaces whose changes may be excused are read (task 2, session 27:
    /// every merge base was read whole, cold, by a reader of its own).
    func forkPart(at commit: ObjectID, surfaces: Set<String>) -> Result<SurfaceSnapshot, GateError> {
        if let last = lastForkRead, last.commit == commit, last.surfaces == surfaces { return .success(last.snapshot) }
        if forkReaders[surfaces] == nil && forkReaders.count >= 4 { forkReaders = [:] }
        let companion = forkReaders[surfaces] ?? reader.companion(surfaces: surfaces)
        forkReaders[surfaces] = companion
        do {
            let snapshot = try companion.snapshot(at: commit)
            lastForkRead = (commit, surfaces, snapshot)
            return .success(snapshot)
        } catch {
            return .failure(failure(error, at: commit))
        }
    }

    /// A surface read's failure as a gate error. An object missing from the store (fail closed: never a note) gets
    /// the path that holds it and the revision, so the message says what to fetch and why; a limit crossed gets the
    /// revision whose read crossed it (review R105).
    private func failure(_ error: SurfaceError, at commit: ObjectID?) -> GateError {
        guard case .git(let gitError) = error, case .missingObject(var missing) = gitError else {
            if case .limit(let message) = error, let commit {
                return .surface(SurfaceFailure(message: "reading \(revision(commit)): \(message)"))
            }
            return .surface(SurfaceFailure(message: error.description))
        }
        guard let commit else { return .git(gitError) }
        if missing.path == nil, let tree = try? repository.rootTree(of: commit) {
            missing.path = tree.hex == missing.id ? "" : repository.path(ofObject: missing.id, in: tree)
        }
        if missing.revision == nil { missing.revision = revision(commit) }
        return .git(.missingObject(missing))
    }

    /// `commit` as a message names it: the first release tag on it and the commit, or the commit alone.
    private func revision(_ commit: ObjectID) -> String {
        let tags = history.releases.filter { $0.commit == commit }.map(\.tag)
        return tags.isEmpty ? "commit \(commit.short)" : "\(tags[0]) (commit \(commit.short))"
    }

    func applyDeclaredDeprecations(to snapshot: inout SurfaceSnapshot, version: Version?) {
        for id in policy.declaredDeprecated(in: snapshot.items, at: version) {
            guard var item = snapshot.items[id], item.stability == .stable else { continue }
            item.stability = .deprecated
            snapshot.items[id] = item
            snapshot.inputs?.adjusted.insert(id)
        }
    }

    /// The surface of the working directory, with the policy's declared deprecations applied as of `version`.
    func snapshot(of workingTree: WorkingTree, version: Version?) throws(GateError) -> SurfaceSnapshot {
        var snapshot: SurfaceSnapshot
        do {
            snapshot = try reader.snapshot(of: workingTree)
        } catch {
            throw failure(error, at: nil)
        }
        applyDeclaredDeprecations(to: &snapshot, version: version)
        return snapshot
    }

    /// The branch to name a revision typed as a SHA by: the hint when a branch of that name (or `origin/NAME`) has
    /// the commit as its tip, else the first such branch; nil for a revision typed any other way.
    private func branch(of info: RevisionInfo, hint: String?) throws(GateError) -> String? {
        guard (7...64).contains(info.rev.count), info.rev.allSatisfy(\.isHexDigit) else { return nil }
        let names = try wrap { () throws(GitError) in try repository.branches(at: info.commit) }
        if let hint, let named = names.first(where: { $0 == hint || $0.hasSuffix("/" + hint) }) { return named }
        return names.first
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
            head.branch = try branch(of: head, hint: options.branchHints.head)
        }
        var versionFile: VersionFileCheck?
        if !policy.releases.versionFiles.isEmpty {
            let declared = try declaredVersion(at: head, in: workingTree)
            let versionCheck = VersionFileCheck(
                declared: declared, target: options.version ?? head.version,
                files: policy.releases.versionFiles.map(\.path), releasedTag: { [history] in history.release($0)?.tag })
            versionFile = versionCheck
            notes += versionCheck.notes
            if options.version == nil, head.version == nil, let adopted = versionCheck.adoptedVersion {
                options.version = adopted
            }
        }
        if options.version == nil, options.judgesTaggedHead, workingTree == nil, let tagged = head.version,
            let release = history.release(tagged), release.commit == head.commit
        {
            // Compared with the release reachable from it, a tagged head would be compared with itself and pass.
            options.version = tagged
            let named = options.head == release.tag ? release.tag : "'\(options.head)' (\(release.tag))"
            notes.append(
                "head \(named) is a release: judged as \(tagged) against its predecessor; pass --version to judge "
                    + "it as another version")
        }
        if let version = options.version {
            head = RevisionInfo(rev: head.rev, commit: head.commit, version: version, branch: head.branch)
        }
        let base: RevisionInfo?
        var lines: (release: Release, predecessor: Release)?
        if let rev = options.base {
            var tip = try revision(rev)
            tip.branch = try branch(of: tip, hint: options.branchHints.base)
            // As a pull request's diff does, judge only what head adds: compare with the point it branched off.
            let fork = try wrap { () throws(GitError) in try repository.mergeBase(tip.commit, head.commit) }
            if let fork, fork != tip.commit {
                notes.append(
                    "'\(rev)' has moved on since '\(options.head)' branched off; comparing with their merge-base "
                        + fork.short)
                base = RevisionInfo(
                    rev: rev, commit: fork, version: history.latest(at: fork)?.version, branch: tip.branch)
            } else {
                base = tip
            }
        } else if let version = options.version {
            if let predecessor = history.predecessor(of: version) {
                base = RevisionInfo(rev: predecessor.tag, commit: predecessor.commit, version: predecessor.version)
                // Both sides tags: the dates are the releases', never a date the head's commit (a pull request's)
                // gives itself.
                if workingTree == nil, let release = history.release(version), release.commit == head.commit {
                    lines = (release, predecessor)
                }
            } else if repository.isShallow {
                throw GateError.git(.shallowHistory(missing: "the release before \(version)"))
            } else {
                // The first final release: everything on the surface is new, and there is no bump to judge.
                notes.append("no final release precedes \(version): it is judged as a first release")
                base = nil
            }
        } else {
            if let latest = try latestRelease(reachableFrom: head.commit) {
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
            options, base: base, head: head, workingTree: workingTree, versionFile: versionFile, lines: lines,
            notes: notes)
    }

    /// The version the code declares at head (`releases.version-file`).
    private func declaredVersion(at head: RevisionInfo, in workingTree: WorkingTree?) throws(GateError)
        -> DeclaredVersion?
    {
        do {
            if let workingTree { return try reader.declaredVersion(in: workingTree) }
            return try reader.declaredVersion(at: head.commit)
        } catch {
            throw failure(error, at: workingTree == nil ? head.commit : nil)
        }
    }

    private func check(
        _ options: CheckOptions, base: RevisionInfo?, head: RevisionInfo, workingTree: WorkingTree?,
        versionFile: VersionFileCheck?, lines: (release: Release, predecessor: Release)?, notes: [String]
    ) throws(GateError) -> Report {
        var notes = notes
        let baseVersion = try base.map { info throws(GateError) in try versionAtOrBefore(info) } ?? nil
        var before =
            try base.map { info throws(GateError) in try snapshot(at: info.commit, version: baseVersion) }
            ?? SurfaceSnapshot()
        let after: SurfaceSnapshot
        if let workingTree {
            after = try snapshot(of: workingTree, version: options.version ?? head.version)
        } else {
            after = try snapshot(at: head.commit, version: options.version ?? head.version)
        }
        notes += Array(Set(before.notes + after.notes)).sortedByBytes()
        // A surface the base read nothing of (its files matched nothing there): head is compared with the last final
        // release before the base that read it, so that moving the command line and pointing `files` at the new
        // folder cannot hide a removal.
        if let baseVersion {
            for surface in Set(policy.surfaces.map(\.name)).sortedByBytes()
            where before.readsNothing(of: surface) && !after.readsNothing(of: surface) {
                guard let last = try lastRelease(reading: surface, before: baseVersion) else { continue }
                before = before.carrying(surface, from: last.snapshot, version: last.version.description)
                notes.append(
                    "surface '\(surface)' was not read at the base \(baseVersion) (see the notes): the head is compared "
                        + "with \(last.version), the last release before it that read it")
            }
        }
        // An item missing under a command the extractor could not follow is still a removal here (fail closed): the
        // finding says so (`Extractor.removalNotes`).
        var changes = SurfaceDiff.changes(
            from: before, to: after, policy: policy, candidates: after.changedIDs(since: before), notes: &notes)
        if let lines {
            var forks = ForkSurfaces()
            let surfaces = Set(changes.map(\.surface))
            let blame = forkBlame(
                changes, release: lines.release, predecessor: lines.predecessor, before: before, after: after,
                mergeBase: forks.history.mergeBase(of: lines.release, and: lines.predecessor, in: repository),
                fork: { commit in forks.surface(at: commit) { commit in self.forkPart(at: commit, surfaces: surfaces) }
                })
            changes = blame.kept
            notes += blame.notes
        }
        notes += SurfaceDiff.changeNotes(changes, policy: policy)
        // The working tree differs from HEAD even when HEAD is the base: judge it as a change.
        let minimum: Bump = base?.commit == head.commit && workingTree == nil ? .none : .patch
        let required = changes.map(\.bump).reduce(minimum, max)
        let next = Evaluator.nextVersion(
            after: baseVersion, required: required, policy: policy, preLabel: options.preLabel)
        var declared: Bump?
        var messages: [String]?
        if policy.signals.contains(.conventionalCommits) {
            let commits = try wrap { () throws(GitError) in
                try repository.commitMessages(from: base?.commit, to: head.commit)
            }
            let signal = CommitSignal(messages: commits, changes: changes)
            declared = signal.declared
            messages = commits.map(\.message)
            notes += signal.notes
            if workingTree != nil { notes.append("uncommitted changes have no commit message yet; only commits count") }
        }
        let context = ReleaseContext(
            policy: policy, release: options.version?.description, base: baseVersion, version: options.version,
            next: next, allow: options.allow, minimum: minimum, changes: changes, before: before, after: after,
            day: options.version.flatMap { history.release($0) }.map { ReleasePoint($0).day } ?? today,
            releases: releasePoints, commitMessages: messages, versionFile: versionFile,
            alreadyReleased: options.version.flatMap { history.release($0) }.flatMap {
                $0.commit == head.commit ? nil : $0
            },
            surfaceOfRelease: surfaceOfRelease)
        let findings = try RulePass.findings(for: context)
        var report = Report(kind: .check, policy: policyInfo, base: base, head: head)
        report.required = required
        report.actual = context.actual
        report.allow = options.allow
        report.declared = declared
        report.next = next
        report.changes = changes
        report.findings = findings
        report.notes = notes + Self.problemNotes(after.problems, reported: findings)
        report.incompleteSurfaces = before.incomplete.union(after.incomplete).sortedByBytes()
        report.pathsGoneAtHead = pathsGone(
            changes.filter { $0.kind == .removed }.compactMap(\.location?.path), at: head, in: workingTree)
        return report
    }

    /// Which of `paths` no file at head has (a path that cannot be looked up counts as gone).
    private func pathsGone(_ paths: [String], at head: RevisionInfo, in workingTree: WorkingTree?) -> [String] {
        let tree: any FileTree = workingTree ?? repository
        guard let root = workingTree?.root ?? (try? repository.rootTree(of: head.commit)) else {
            return Array(Set(paths)).sortedByBytes()
        }
        var lookups = PathResolver(tree, budget: Limit.treeEntriesPerWalk)
        return Set(paths).filter { path in
            ((try? lookups.blobID(atPath: path, inTree: root)) ?? nil) == nil
        }.sortedByBytes()
    }

    /// Source files that did not parse and that no `source-syntax-error` finding of the run reports (the file did
    /// not parse at the base either, or the rule is off, or the command has no rules), as notes, each once: every
    /// parse problem is visible in every format, as a finding or as a note, never both.
    static func problemNotes(_ problems: [SourceProblem], reported findings: [Finding]) -> [String] {
        let reported = Set(findings.filter { $0.rule == .sourceSyntaxError }.map(\.message))
        return Array(Set(problems.map(\.message)).subtracting(reported)).sortedByBytes()
    }

    /// The surface of a release as rules look back at it.
    private func surfaceOfRelease(_ point: ReleasePoint) throws(GateError) -> SurfaceSnapshot {
        guard let release = history.release(point.version) else { return SurfaceSnapshot() }
        return try snapshot(at: release.commit, version: release.version)
    }

    /// The greatest final release below `version` whose extractors read `surface`, with its surface; nil when none
    /// does. Every one is looked at, newest first, however many read nothing (review R40: a limit of 32 let 33 unread
    /// releases before the base hide a removal). One where the surface's files surely give it nothing
    /// (`SurfaceReader.surelyReadsNothing`) costs a walk of the folders its globs reach, not a read of every surface:
    /// a command line new at head no longer reads the whole history.
    private func lastRelease(reading surface: String, before version: Version) throws(GateError)
        -> (version: Version, snapshot: SurfaceSnapshot)?
    {
        let candidates = history.releases.reversed().filter { !$0.version.isPrerelease && $0.version < version }
        let probe = SurfaceReader(
            repository: repository, policy: policy, surfaces: [surface], budgets: reader.runBudgets)
        for release in candidates {
            do {
                if try probe.surelyReadsNothing(of: surface, at: release.commit) { continue }
            } catch {
                throw failure(error, at: release.commit)
            }
            let snapshot = try snapshot(at: release.commit, version: release.version)
            if !snapshot.readsNothing(of: surface) { return (release.version, snapshot) }
        }
        return nil
    }

    /// The version of the release at `info`, else of the greatest release reachable from it.
    private func versionAtOrBefore(_ info: RevisionInfo) throws(GateError) -> Version? {
        if let version = info.version { return version }
        return try latestRelease(reachableFrom: info.commit)?.version
    }

    /// The greatest release reachable from `commit` (itself included): `history.latest(in:)` of every commit
    /// reachable from it. The greatest releases are asked about one by one first (a release branch's head or a main
    /// branch a few commits past its last release has it among them), each answer a walk of only the commits
    /// between the two; past `Limit.reachabilityQuestions` of them, or where libgit2 cannot tell, the whole history
    /// is walked once.
    public func latestRelease(reachableFrom commit: ObjectID) throws(GateError) -> Release? {
        for release in history.releases.reversed().prefix(Limit.reachabilityQuestions) {
            guard let reachable = repository.isReachable(release.commit, from: commit) else { break }
            if reachable { return release }
        }
        let reachable = try wrap { () throws(GitError) in try repository.reachableCommits(from: commit) }
        return history.latest(in: reachable)
    }

    // MARK: audit

    /// Judges every release (optionally within `from...to`) against its predecessor.
    public func audit(from: Version? = nil, to: Version? = nil) throws(GateError) -> Report {
        if repository.isShallow {
            throw GateError.git(.shallowHistory(missing: "the release history that audit reads"))
        }
        var rows: [ReleaseRow] = []
        let releases = history.releases
        let predecessors = history.predecessors
        let points = releasePoints
        func judged(_ version: Version) -> Bool { from.map { version >= $0 } ?? true }
        // With --from, the final releases before it are read too, in order, but not judged: the deprecation and
        // promotion rules look back through them, and `runs` answers from them at once, where looking each item up
        // release by release would read older surfaces again and again (k6 --from 2.0.0 cost more than a whole audit).
        let selected = releases.indices.filter { index in
            let version = releases[index].version
            return (judged(version) || !version.isPrerelease) && (to.map { version <= $0 } ?? true)
        }
        // One walk of the history answers every question of the run about where lines fork (review R93), all asked
        // at once (review R97): the out-of-line notes' and fork blame's, which are often the same pairs.
        var forks = ForkSurfaces(history: LineHistory(shared: history.releases.map(\.commit), steps: forkBlameSteps))
        let forked = selected.compactMap { index -> (release: Int, predecessor: Release)? in
            guard judged(releases[index].version), let predecessor = predecessors[index],
                ForkBlame.applies(to: releases[index], predecessor: predecessor)
            else { return nil }
            return (index, predecessor)
        }
        forks.history.prepare(
            history.outOfLineQuestions(limit: Self.outOfLineComparisons)
                + forked.map { (releases[$0.release].commit, $0.predecessor.commit) }, in: repository)
        var notes = Set(originNotes + history.notes + outOfLineNotes(&forks.history))
        var surfaceNotes = ReleaseNotes()
        var incomplete: Set<String> = []
        var problems: Set<SourceProblem> = []
        let runs = StabilityRuns(promotionTargets: Set(policy.promotions.items.map(\.to)))
        // By surface, the last final release (in precedence order, so before the release being judged) whose
        // extractors read it (``SurfaceSnapshot/readsNothing(of:)`` false), and its surface.
        var lastRead: [String: (version: Version, snapshot: SurfaceSnapshot)] = [:]
        let surfaceNames = Array(Set(policy.surfaces.map(\.name))).sortedByBytes()
        func remember(_ release: Release, _ after: SurfaceSnapshot) {
            guard !release.version.isPrerelease else { return }
            for surface in surfaceNames where !after.readsNothing(of: surface) {
                lastRead[surface] = (release.version, after)
            }
        }
        var count = 0
        var kept = 0
        // The surface last put together from parts, which is usually the next release's predecessor.
        var last: (commit: ObjectID, version: Version, snapshot: SurfaceSnapshot)?
        func combined(_ parts: [SurfaceSnapshot], at release: Release) throws(GateError) -> SurfaceSnapshot {
            if parts.count > 1, let last, last.commit == release.commit, last.version == release.version {
                return last.snapshot
            }
            let snapshot = try self.combined(parts)
            if parts.count > 1 { last = (release.commit, release.version, snapshot) }
            return snapshot
        }
        // Where each release tagged before its predecessor on another line forked from it, found before the surfaces
        // are read: the reading threads then read the fork's surface with the caches they read the releases with.
        var forkPoints: [Int: Result<ObjectID?, ForkBlame.Unknown>] = [:]
        for (index, predecessor) in forked {
            forkPoints[index] = forks.history.mergeBase(of: releases[index], and: predecessor, in: repository)
        }
        let forkReads = forkPoints.compactMapValues { found -> ObjectID? in
            guard case .success(let base?) = found else { return nil }
            return base
        }
        let again = try readAhead(selected) { engine in
            { index throws(GateError) in
                try engine.auditPart(
                    releases[index], predecessor: predecessors[index], index: index, forkPoint: forkReads[index])
            }
        } combine: { (parts: [AuditPart]) throws(GateError) -> AuditInput in
            let index = parts[0].index
            let before = try predecessors[index].map { predecessor throws(GateError) in
                try combined(parts.compactMap(\.before), at: predecessor)
            }
            let after = try combined(parts.map(\.after), at: releases[index])
            var input = try auditInput(
                releases[index], predecessor: predecessors[index], index: index, after, before)
            let forks = parts.compactMap(\.fork)
            if let failed = forks.first(where: { if case .failure = $0 { true } else { false } }) {
                input.fork = failed
            } else if !forks.isEmpty {
                do throws(GateError) {
                    input.fork = .success(try self.combined(forks.compactMap { try? $0.get() }))
                } catch {
                    input.fork = .failure(error)
                }
            }
            return input
        } consume: { (input: AuditInput) throws(GateError) in
            let index = input.index
            let release = releases[index]
            count += 1
            progress?("[\(count)/\(selected.count)] \(release.tag)")
            let after = input.after
            let predecessor = predecessors[index]
            let changed = input.before.flatMap { after.changedIDs(since: $0) }
            guard judged(release.version) else {
                runs.record(
                    points[index], predecessor: predecessor.map(ReleasePoint.init), surface: after, changed: changed)
                remember(release, after)
                return
            }
            defer { remember(release, after) }
            incomplete.formUnion(after.incomplete)
            surfaceNotes.add(after.notes, at: release.version)
            problems.formUnion(after.problems)
            // A surface the predecessor's extractors read nothing of (its files matched nothing there) is compared
            // with the last final release before that read it, so that what went while it was not read is still
            // claimed (across a major too: the removal message says it may have gone in a release between).
            var carried = input.before
            var candidates = changed
            // The last release audited has no later one to settle a surface its extractors read nothing of (review
            // R72: a newest release made unreadable passed unread): that surface is judged against the last release
            // that read it as `check` judges it, its removals claimed ("it may still be there").
            let unsettled =
                index == selected.last
                ? Set(surfaceNames.filter { after.readsNothing(of: $0) && lastRead[$0] != nil }) : []
            for surface in unsettled.sortedByBytes() {
                surfaceNotes.add(
                    [
                        "surface '\(surface)': nothing of it is read at \(release.version), the last release audited, "
                            + "so no later release can settle what went: its removals are claimed as check claims "
                            + "them (they may still be there: see the notes there)"
                    ], at: release.version)
            }
            if var before = input.before {
                for surface in surfaceNames
                where before.readsNothing(of: surface)
                    && (!after.readsNothing(of: surface) || unsettled.contains(surface))
                {
                    let unread = predecessor.map { $0.version.description } ?? "the predecessor"
                    guard let last = lastRead[surface] else {
                        // No release before read it: whether what it has now is new is not known (the command line
                        // may have been in folders the extractor does not read).
                        let new = after.items.values.filter { $0.surface == surface && before.items[$0.id] == nil }
                            .map(\.id).sortedByBytes()
                        if !new.isEmpty {
                            let shown = new.prefix(5).joined(separator: ", ")
                            let more = new.count > 5 ? " and \(new.count - 5) more" : ""
                            surfaceNotes.add(
                                [
                                    "\(shown)\(more): in surface '\(surface)', which no release before read "
                                        + "(\(unread) read nothing of it: see the notes there); semgate cannot tell "
                                        + "whether " + (new.count == 1 ? "it is" : "they are") + " new and does not "
                                        + "claim " + (new.count == 1 ? "it" : "them") + " added"
                                ], at: release.version)
                        }
                        continue
                    }
                    before = before.carrying(surface, from: last.snapshot, version: last.version.description)
                    candidates = nil
                    surfaceNotes.add(
                        [
                            "surface '\(surface)' was not read at \(unread) (see the notes there): \(release.version) is "
                                + "compared with \(last.version), the last release before it that read it"
                                + (last.version.major == release.version.major
                                    ? "" : " (what went may have gone in the major between)")
                        ], at: release.version)
                }
                carried = before
            }
            // The first release has nothing to compare with: it is judged with no changes.
            var judgingNotes: [String] = []
            var changes =
                carried.map { (before: SurfaceSnapshot) -> [Change] in
                    let trusted = SurfaceDiff.changes(
                        from: before, to: after, policy: policy, candidates: candidates, trustingUncertain: true,
                        notes: &judgingNotes)
                    guard !unsettled.isEmpty else { return trusted }
                    let strict = SurfaceDiff.changes(
                        from: before, to: after, policy: policy, candidates: candidates, trustingUncertain: false,
                        notes: &judgingNotes)
                    return SurfaceDiff.inReportOrder(
                        trusted.filter { !unsettled.contains($0.surface) }
                            + strict.filter { unsettled.contains($0.surface) })
                } ?? []
            // What a predecessor tagged later made on its own line after the fork is not this release's change.
            if let predecessor, let before = carried {
                let blame = forkBlame(
                    changes, release: release, predecessor: predecessor, before: before, after: after,
                    mergeBase: forkPoints[index] ?? .success(nil), fork: { _ in input.fork })
                changes = blame.kept
                surfaceNotes.add(blame.notes, at: release.version)
            }
            if let before = carried,
                let note = SurfaceDiff.uncertainRemovalNote(
                    SurfaceDiff.uncertainRemovals(from: before, to: after, candidates: candidates)
                        .filter { !unsettled.contains($0.surface) })
            {
                surfaceNotes.add([note], at: release.version)
            }
            if let before = carried {
                surfaceNotes.add(
                    SurfaceDiff.unplacedNotes(from: before, to: after, candidates: candidates), at: release.version)
            }
            var seenNotes: Set<String> = []
            for note in judgingNotes.filter({ seenNotes.insert($0).inserted })
                + SurfaceDiff.changeNotes(changes, policy: policy)
            {
                surfaceNotes.add([note], at: release.version)
            }
            let declared = input.commits.map { CommitSignal(messages: $0, changes: changes).declared } ?? nil
            var context = ReleaseContext(
                policy: policy, release: release.version.description, base: predecessor?.version,
                version: release.version, changes: changes, before: carried ?? after, after: after,
                day: points[index].day, releases: points, commitMessages: input.commits?.map(\.message),
                versionFile: input.versionFile, surfaceOfRelease: surfaceOfRelease)
            context.stabilityRuns = runs
            let findings = try RulePass.findings(for: context)
            kept += changes.count + findings.count
            guard kept <= reportEntries else {
                throw .surface(
                    SurfaceFailure(
                        message: "audit: the releases up to \(release.tag) have more than \(reportEntries) "
                            + "changes and findings, more than one report holds; audit fewer releases with --from "
                            + "and --to, or narrow the surfaces"))
            }
            rows.append(
                ReleaseRow(
                    release: release, predecessor: predecessor, required: predecessor.map { _ in context.required },
                    actual: context.actual, changes: changes, findings: findings, declared: declared))
            if !release.version.isPrerelease {
                runs.record(
                    points[index], predecessor: predecessor.map(ReleasePoint.init), surface: after, changed: changed)
            }
        } orAgain: { engine throws(GateError) in
            try engine.audit(from: from, to: to)
        }
        if let again { return again }
        var report = Report(kind: .audit, policy: policyInfo)
        report.releases = rows
        report.findings = RulePass.findings(forTags: history.findings, policy: policy)
        notes.formUnion(surfaceNotes.rendered)
        notes.formUnion(Self.problemNotes(Array(problems), reported: rows.flatMap(\.findings)))
        report.notes = notes.sortedByBytes()
        report.incompleteSurfaces = incomplete.sortedByBytes()
        return report
    }

    /// Commits `audit` compares to find releases that look like tags of something else.
    static let outOfLineComparisons = 256

    /// A note for each release that looks like a tag of something else (`ReleaseHistory.outOfLine`).
    private func outOfLineNotes(_ lines: inout LineHistory) -> [String] {
        history.outOfLine(limit: Self.outOfLineComparisons) { commit, ancestor in
            lines.contains(commit, ancestor, in: repository)
        }.map {
            found in
            "\(found.description): it may be a tag of something else; it is judged against its predecessor, and the "
                + "releases after it against it; if it is not a release of this project, add it to releases.ignore"
        }
    }

    /// What `audit` reads from git for one release: its surface and its predecessor's, the version its code
    /// declares, and the commits since the predecessor when the policy reads commit messages.
    struct AuditInput: Sendable {
        let index: Int
        let after: SurfaceSnapshot
        let before: SurfaceSnapshot?
        let versionFile: VersionFileCheck?
        let commits: [CommitMessage]?
        /// The surface at the merge base fork blame compares the release with, of the surfaces whose changes it may
        /// excuse; nil when none was read.
        var fork: Result<SurfaceSnapshot, GateError>? = nil
    }

    /// What one reading thread reads of one release for `audit`: its share of the surfaces of the release and of
    /// its predecessor.
    struct AuditPart: Sendable {
        let index: Int
        let after: SurfaceSnapshot
        let before: SurfaceSnapshot?
        /// This share of the surface at `forkPoint`, of the surfaces that changed (nil: not read).
        var fork: Result<SurfaceSnapshot, GateError>? = nil
    }

    /// `forkPoint`: the merge base fork blame compares the release with (``ForkBlame``), read here for the surfaces
    /// of this share that changed from the predecessor, so that only they are read, with this reader's caches.
    func auditPart(_ release: Release, predecessor: Release?, index: Int, forkPoint: ObjectID? = nil)
        throws(GateError) -> AuditPart
    {
        let after = try snapshot(at: release.commit, version: release.version)
        let before = try predecessor.map { info throws(GateError) in
            try snapshot(at: info.commit, version: info.version)
        }
        var part = AuditPart(index: index, after: after, before: before)
        if let forkPoint, let before {
            let all = Set(policy.surfaces.map(\.name))
            let changed = after.changedIDs(since: before).map { ids in
                Set(ids.compactMap { id in id.firstIndex(of: ":").map { String(id[..<$0]) } }).intersection(all)
            }
            let surfaces = (changed ?? all).filter { !after.readsNothing(of: $0) && !before.readsNothing(of: $0) }
            if !surfaces.isEmpty { part.fork = forkPart(at: forkPoint, surfaces: surfaces) }
        }
        return part
    }

    /// The audit input of a release whose surfaces are read: with the version its code declares and its commits.
    func auditInput(
        _ release: Release, predecessor: Release?, index: Int, _ after: SurfaceSnapshot, _ before: SurfaceSnapshot?
    ) throws(GateError) -> AuditInput {
        var commits: [CommitMessage]?
        if let predecessor, policy.signals.contains(.conventionalCommits) {
            commits = try wrap { () throws(GitError) in
                try repository.commitMessages(from: predecessor.commit, to: release.commit)
            }
        }
        return AuditInput(
            index: index, after: after, before: before, versionFile: try versionFileCheck(of: release),
            commits: commits)
    }

    /// Runs a reader that `reading` makes over `indices` and hands each result, put together by `combine`, to
    /// `consume` in order: on this engine when `jobs` is 1; else on `jobs` reading threads, each with an engine of its
    /// own over another handle of the same repository that reads its share of the surfaces (`SurfacePartition`),
    /// spending from this engine's budgets (`ReadAhead`). A reader is made on the thread it runs on and may keep
    /// what it needs from one index to the next. `combine` gets one part a reading thread, in order (one when this
    /// engine reads).
    ///
    /// The parts of several threads are combined into what one reader gives (`SurfaceSnapshot.combining`); when
    /// that run fails in any way it is not trusted: `run` is called again on a fresh engine that reads and judges on
    /// this thread, whose outcome (the exact error of a serial run, such as the surface at which a limit is reached)
    /// stands.
    func readAhead<Part: Sendable, Input, Output>(
        _ indices: [Int], reading: @escaping @Sendable (Engine) -> (Int) throws(GateError) -> Part,
        combine: ([Part]) throws(GateError) -> Input, consume: (Input) throws(GateError) -> Void,
        orAgain run: (Engine) throws(GateError) -> Output
    ) throws(GateError) -> Output? {
        guard jobs > 1, indices.count > 1 else {
            let read = reading(self)
            for index in indices { try consume(try combine([try read(index)])) }
            return nil
        }
        let gitDirectory = repository.gitDirectory
        let policy = policy
        let history = history
        let budgets = reader.runBudgets
        let cache = cache
        let groups = SurfacePartition.groups(of: policy, count: jobs)
        let split = groups.count > 1
        do {
            try ReadAhead.run(
                indices, readers: groups.count,
                makeReader: { (number: Int) throws(GateError) in
                    let repository = try wrap { () throws(GitError) in try Repository(discovering: gitDirectory) }
                    let engine = Engine(
                        repository: repository, policy: policy, history: history,
                        surfaces: split ? groups[number] : nil, budgets: budgets)
                    engine.cache = cache
                    return reading(engine)
                }, combine: combine, consume: consume)
        } catch  where split {
            let serial = fresh()
            serial.jobs = 1
            return try run(serial)
        }
        return nil
    }

    /// The surface of the parts of one revision that the reading threads of `readAhead` read, with the policy's
    /// declared deprecations applied (each part applied those of its surfaces); over a limit that one reader would
    /// name, an error (the serial run names it).
    func combined(_ parts: [SurfaceSnapshot]) throws(GateError) -> SurfaceSnapshot {
        guard let snapshot = SurfaceSnapshot.combining(parts, policy: policy) else {
            throw GateError.surface(SurfaceFailure(message: "the surfaces read in parts are over a per-revision limit"))
        }
        return snapshot
    }

    /// The version its code declares set against one release's tag; nil when the policy names no version file or
    /// the release's code names no version (older layouts are not judged: the file is not required).
    private func versionFileCheck(of release: Release) throws(GateError) -> VersionFileCheck? {
        guard !policy.releases.versionFiles.isEmpty else { return nil }
        let head = RevisionInfo(rev: release.tag, commit: release.commit, version: release.version)
        guard let declared = try declaredVersion(at: head, in: nil) else { return nil }
        return VersionFileCheck(
            declared: declared, target: release.version, files: policy.releases.versionFiles.map(\.path),
            releasedTag: { [history] in history.release($0)?.tag })
    }

    // MARK: diff / surface

    /// The surface changes between two revisions (either may be `worktree`), with the bump they need.
    public func diff(_ a: String, _ b: String) throws(GateError) -> Report {
        let (base, before) = try revisionSnapshot(a)
        let (head, after) = try revisionSnapshot(b)
        var report = Report(kind: .diff, policy: policyInfo, base: base, head: head)
        var judgingNotes: [String] = []
        report.changes = SurfaceDiff.changes(
            from: before, to: after, policy: policy, candidates: after.changedIDs(since: before),
            notes: &judgingNotes)
        report.required = report.changes.map(\.bump).max() ?? Bump.none
        report.notes =
            originNotes + Array(Set(before.notes + after.notes)).sortedByBytes() + judgingNotes
            + SurfaceDiff.changeNotes(report.changes, policy: policy)
            + Self.problemNotes(before.problems + after.problems, reported: [])
        // A vendored cobra or pflag edited between the two (review R106): the surface is not what users get.
        let edits = after.vendoredLibraryEdits(since: before)
        report.notes += edits.map { "\($0.message); the surface is incomplete (check and audit fail on it)" }
        // A replacement of cobra or pflag on either side: the diff is of code semgate cannot model.
        let replaced = before.replacedLibraries + after.replacedLibraries
        report.notes += Array(Set(replaced.map { "\($0.message); the surface is incomplete" })).sortedByBytes()
        report.incompleteSurfaces = before.incomplete.union(after.incomplete).union(edits.map(\.surface))
            .union(replaced.map(\.surface)).sortedByBytes()
        return report
    }

    /// The declared surface at a revision, or of the working tree (`worktree`).
    public func surface(at rev: String) throws(GateError) -> Report {
        let (head, snapshot) = try revisionSnapshot(rev)
        var report = Report(kind: .surface, policy: policyInfo, head: head)
        report.items = snapshot.sortedItems
        report.notes = originNotes + snapshot.notes + Self.problemNotes(snapshot.problems, reported: [])
        report.incompleteSurfaces = snapshot.incomplete.sortedByBytes()
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

/// The last few surfaces read, by commit and the version the policy's declarations were applied at: audit reads a
/// release's predecessor again for the pre-releases and the release after it, check reads base and head; the rest
/// of the history is not kept, so memory follows a few surfaces, not the number of releases.
struct RecentSnapshots {
    static let capacity = 4
    private var entries: [(commit: ObjectID, version: Version?, snapshot: SurfaceSnapshot)] = []

    /// The surface kept for `commit` at `version`, now the most recently used.
    mutating func snapshot(at commit: ObjectID, version: Version?) -> SurfaceSnapshot? {
        guard let index = entries.firstIndex(where: { $0.commit == commit && $0.version == version }) else {
            return nil
        }
        let entry = entries.remove(at: index)
        entries.append(entry)
        return entry.snapshot
    }

    /// Keeps `snapshot`, letting the least recently used go beyond `capacity`.
    mutating func keep(_ snapshot: SurfaceSnapshot, at commit: ObjectID, version: Version?) {
        entries.removeAll { $0.commit == commit && $0.version == version }
        entries.append((commit, version, snapshot))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}
