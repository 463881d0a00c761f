import Foundation
import Git
import Policy
import SemVer

/// A release: a tag that matches the policy's template and carries a strict SemVer version.
public struct Release: Sendable, Hashable {
    /// Where a release's date comes from.
    public enum DateSource: String, Sendable, Hashable {
        /// The tagger date of an annotated tag.
        case tagger
        /// The committer date of the tagged commit (lightweight tags).
        case committer
    }

    public let tag: String
    public let version: Version
    public let commit: ObjectID
    public let date: Date
    public let dateSource: DateSource

    public init(tag: String, version: Version, commit: ObjectID, date: Date, dateSource: DateSource) {
        self.tag = tag
        self.version = version
        self.commit = commit
        self.date = date
        self.dateSource = dateSource
    }
}

/// A problem with a release tag itself (`tag-not-semver`, `duplicate-version`), found while reading tags.
public struct TagFinding: Sendable, Equatable {
    public let rule: RuleID
    public let tag: String
    public let message: String
}

/// Every release of a repository in precedence order, with tag hygiene findings and notes.
public struct ReleaseHistory: Sendable {
    /// Releases by ascending SemVer precedence.
    public let releases: [Release]
    public let findings: [TagFinding]
    /// Tags skipped for reasons a reader should know (they point at a tree or blob).
    public let notes: [String]

    /// Reads the repository's tags and keeps those that are releases under `policy`; with `separatingHistories`,
    /// without the tags of histories that share no commit with the project's (``unrelated(head:groups:)``), which a
    /// note names.
    public static func read(
        from repository: Repository, policy: ReleasePolicy, separatingHistories: Bool = false
    ) throws(GitError) -> ReleaseHistory {
        let tags = try repository.tags { name in
            policy.tag.versionText(fromTag: name) != nil && !policy.ignore.contains { $0.matches(name) }
        }
        let history = ReleaseHistory(tags: tags, policy: policy)
        guard separatingHistories else { return history }
        let unrelated = history.unrelated(in: repository)
        guard !unrelated.notes.isEmpty else { return history }
        let left = Set(unrelated.releases.map(\.tag))
        let kept = ReleaseHistory(tags: tags.filter { !left.contains($0.name) }, policy: policy)
        return ReleaseHistory(
            releases: kept.releases, findings: kept.findings, notes: (kept.notes + unrelated.notes).sorted())
    }

    /// ``unrelated(head:groups:)`` over `repository`'s history (``Repository/historyGroups(of:)``), HEAD its head. A
    /// history that cannot be read (a shallow clone, an object missing) leaves nothing out.
    public func unrelated(in repository: Repository) -> UnrelatedReleases {
        unrelated(in: repository, head: try? repository.resolve("HEAD"))
    }

    /// ``unrelated(head:groups:)`` over `repository`'s history with `head`.
    public func unrelated(in repository: Repository, head: ObjectID?) -> UnrelatedReleases {
        unrelated(head: head) { commits in (try? repository.historyGroups(of: commits)) ?? nil }
    }

    private init(releases: [Release], findings: [TagFinding], notes: [String]) {
        self.releases = releases
        self.findings = findings
        self.notes = notes
    }

    /// Builds the history from tag references (pure; the repository is not consulted).
    public init(tags: [TagReference], policy: ReleasePolicy) {
        var candidates: [Release] = []
        var findings: [TagFinding] = []
        var notes: [String] = []
        for tag in tags {
            if policy.ignore.contains(where: { $0.matches(tag.name) }) { continue }
            guard let text = policy.tag.versionText(fromTag: tag.name) else { continue }
            let version: Version
            do {
                version = try Version(text)
            } catch {
                findings.append(
                    TagFinding(
                        rule: .tagNotSemver, tag: tag.name,
                        message: "tag '\(tag.name)' matches '\(policy.tag.template)' but \(error.description)"))
                continue
            }
            guard let commit = tag.commit else {
                if tag.peeledKind == TagReference.missing {
                    notes.append(
                        "tag '\(tag.name)' cannot be followed to a commit (dangling, or its object is missing from "
                            + "this clone); skipped"
                    )
                } else {
                    notes.append(
                        "tag '\(tag.name)' points at a \(tag.peeledKind ?? "non-commit object"), not a commit; skipped")
                }
                continue
            }
            let (date, source): (Date, Release.DateSource) =
                if let tagger = tag.taggerDate { (tagger, .tagger) } else {
                    (tag.commitDate ?? Date(timeIntervalSince1970: 0), .committer)
                }
            candidates.append(Release(tag: tag.name, version: version, commit: commit, date: date, dateSource: source))
        }
        candidates.sort { $0.version < $1.version || ($0.version == $1.version && $0.tag < $1.tag) }
        var releases: [Release] = []
        for release in candidates {
            if let kept = releases.last, kept.version.hasSamePrecedence(as: release.version) {
                findings.append(
                    TagFinding(
                        rule: .duplicateVersion, tag: release.tag,
                        message: "tag '\(release.tag)' has the same precedence as '\(kept.tag)' "
                            + "(they differ only in build metadata); '\(kept.tag)' is used, delete or ignore the other")
                )
                continue
            }
            releases.append(release)
        }
        self.releases = releases
        self.findings = findings.sorted { ($0.tag, $0.rule) < ($1.tag, $1.rule) }
        self.notes = notes.sorted()
    }

    /// The greatest final (non-pre-release) release with lower precedence than `version`, whatever its date or branch.
    public func predecessor(of version: Version) -> Release? {
        releases.last { !$0.version.isPrerelease && $0.version < version && !$0.version.hasSamePrecedence(as: version) }
    }

    /// `predecessor(of:)` of every release, by index into `releases`, in one pass: a history of thousands of
    /// releases does not scan the list once a release.
    public var predecessors: [Release?] {
        var result: [Release?] = []
        result.reserveCapacity(releases.count)
        var below: Release?
        var lastFinalOfGroup: Release?
        for (index, release) in releases.enumerated() {
            if index > 0, !releases[index - 1].version.hasSamePrecedence(as: release.version) {
                below = lastFinalOfGroup ?? below
                lastFinalOfGroup = nil
            }
            result.append(below)
            if !release.version.isPrerelease { lastFinalOfGroup = release }
        }
        return result
    }

    /// The release with exactly this version's precedence.
    public func release(_ version: Version) -> Release? {
        releases.first { $0.version.hasSamePrecedence(as: version) }
    }

    /// The release whose tag is `name`.
    public func release(tagged name: String) -> Release? {
        releases.first { $0.tag == name }
    }

    /// The greatest release whose commit is in `commits` (the releases reachable from some head).
    public func latest(in commits: Set<ObjectID>) -> Release? {
        releases.last { commits.contains($0.commit) }
    }

    /// The greatest release at exactly this commit.
    public func latest(at commit: ObjectID) -> Release? {
        releases.last { $0.commit == commit }
    }
}

/// A release that looks like a tag of something else (`ReleaseHistory.outOfLine`), and the release that shows it.
public struct OutOfLineRelease: Sendable {
    public enum Reason: Sendable {
        /// Dated before `other`, its predecessor on its own `major.minor` line, and not containing it.
        case olderThanPredecessor
        /// A patch release that contains `other`, the first release of a later line, so it is no patch of its own.
        case containsLaterLine
        /// A release whose history shares no commit with the project's, whose greatest release is `other`
        /// (``ReleaseHistory/unrelated(head:groups:)``).
        case sharesNoHistory
    }

    public let release: Release
    public let other: Release
    public let reason: Reason

    public init(release: Release, other: Release, reason: Reason) {
        self.release = release
        self.other = other
        self.reason = reason
    }

    /// What shows it, for notes and drafts: "tag 'v1.2.5' (2019-09-03) is older than 'v1.2.0' (2019-11-07), the release
    /// before it on line 1.2, and does not contain it".
    public var description: String {
        func date(_ release: Release) -> String {
            ISO8601DateFormatter.string(from: release.date, timeZone: .gmt, formatOptions: [.withFullDate])
        }
        let line = "\(release.version.major).\(release.version.minor)"
        let why =
            switch reason {
            case .olderThanPredecessor:
                "is older than '\(other.tag)' (\(date(other))), the release before it on line \(line), and does not "
                    + "contain it"
            case .containsLaterLine:
                "contains '\(other.tag)' (\(date(other))), the first release of a later line, which no patch of line "
                    + "\(line) would"
            case .sharesNoHistory:
                "shares no commit with '\(other.tag)' (\(date(other))) and the releases of its history"
            }
        return "tag '\(release.tag)' (\(date(release))) \(why)"
    }
}

extension ReleaseHistory {
    /// Patch releases that look like tags of something else, so that they are judged against the wrong code and the
    /// releases after them against theirs: one dated before its predecessor on the same `major.minor` line that does
    /// not contain it (`1.2.5` on a commit from before `1.2.0`), or one dated after the first release of a later line
    /// that contains it (`1.0.1` tagged on the main branch after `1.1.0`). At most `limit` commits are compared;
    /// `contains(a, b)` says whether commit `a` has commit `b` in its history, nil when that cannot be told (a shallow
    /// clone), which finds nothing.
    public func outOfLine(limit: Int, contains: (ObjectID, ObjectID) -> Bool?) -> [OutOfLineRelease] {
        // The first final release of a later line than each release's, by index.
        var laterLine: [Release?] = Array(repeating: nil, count: releases.count)
        var firstOfLine: Release?
        var following: Release?
        for index in releases.indices.reversed() {
            let release = releases[index]
            if let first = firstOfLine, !Self.sameLine(first.version, release.version) {
                following = first
                firstOfLine = nil
            }
            laterLine[index] = following
            if !release.version.isPrerelease { firstOfLine = release }
        }
        var found: [OutOfLineRelease] = []
        var checked = 0
        for (index, (release, predecessor)) in zip(releases, predecessors).enumerated() where checked < limit {
            guard release.version.patch > 0 else { continue }
            if let predecessor, Self.sameLine(release.version, predecessor.version), release.date < predecessor.date,
                release.commit != predecessor.commit
            {
                checked += 1
                if contains(release.commit, predecessor.commit) == false {
                    found.append(OutOfLineRelease(release: release, other: predecessor, reason: .olderThanPredecessor))
                    continue
                }
            }
            if let later = laterLine[index], release.date > later.date, release.commit != later.commit {
                checked += 1
                if contains(release.commit, later.commit) == true {
                    found.append(OutOfLineRelease(release: release, other: later, reason: .containsLaterLine))
                }
            }
        }
        return found
    }

    /// Every pair of commits `outOfLine(limit:contains:)` may compare, whatever the answers: it compares at most
    /// `limit`, and an answer can skip at most one comparison for each it makes, so the first `2 × limit` it would
    /// make if no answer skipped any hold them all. Asked together before, they cost one search of the history.
    public func outOfLineQuestions(limit: Int) -> [(ObjectID, ObjectID)] {
        var pairs: [(ObjectID, ObjectID)] = []
        _ = outOfLine(limit: 2 * limit) { commit, ancestor in
            pairs.append((commit, ancestor))
            return true
        }
        return pairs
    }

    private static func sameLine(_ one: Version, _ other: Version) -> Bool {
        one.major == other.major && one.minor == other.minor
    }
}
