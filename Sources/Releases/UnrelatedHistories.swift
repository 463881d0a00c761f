import Foundation
import Git

/// Release tags whose commits share no history with the project's: another project's tags kept in the same
/// repository (doctl's holds godo's `v1.1.1` … `v1.35.1`, whose commits descend from a root of their own). Judged as
/// releases, each such tag "removes" the whole surface and the release after it "adds" it back, and a real change
/// of the release after it is judged against the other project's code.
public struct UnrelatedReleases: Sendable {
    /// The releases left out: those of every history but the project's.
    public let releases: [Release]
    /// What was found, for the report's notes.
    public let notes: [String]
    /// The greatest release of the project's history, when releases are left out.
    public var project: Release? = nil
}

extension ReleaseHistory {
    /// The most unrelated histories the releases are grouped into; past that, none is left out (a note says so).
    static let maximumHistories = 8

    /// The releases of histories other than the project's. The releases are grouped by shared history: `groups`
    /// gives, for the release commits and then `head`, a group number each (commits whose histories share a commit
    /// share it), or nil when that cannot be told. The project's history is the one with the most releases, when it
    /// is the only one with that many and `head` shares it too; otherwise nothing is left out and a note says why, so
    /// that neither a checked-out commit nor a few tags can choose which releases are judged. A history whose
    /// releases all come before the project's first release is an earlier history of the project and is kept.
    public func unrelated(head: ObjectID?, groups: ([ObjectID]) -> [Int]?) -> UnrelatedReleases {
        let none = UnrelatedReleases(releases: [], notes: [])
        guard releases.count > 1 else { return none }
        let commits = releases.map(\.commit) + (head.map { [$0] } ?? [])
        guard let found = groups(commits), found.count == commits.count else { return none }
        // Each history: its releases (indices), in order of the first release of each.
        var histories: [(members: [Int], last: ObjectID)] = []
        var slot: [Int: Int] = [:]
        for (index, release) in releases.enumerated() {
            if let known = slot[found[index]] {
                histories[known].members.append(index)
                histories[known].last = release.commit
                continue
            }
            guard histories.count < Self.maximumHistories else {
                return UnrelatedReleases(
                    releases: [],
                    notes: [
                        "the release tags come from more than \(Self.maximumHistories) histories that share no "
                            + "commit; all are judged (list other projects' tags in releases.ignore)"
                    ])
            }
            slot[found[index]] = histories.count
            histories.append(([index], release.commit))
        }
        let headHistory = head.flatMap { _ in found.last.flatMap { slot[$0] } }
        guard histories.count > 1 else { return none }
        let sizes = histories.map(\.members.count)
        let largest = sizes.max() ?? 0
        let described = histories.sorted { $0.members.count > $1.members.count }.map { history in
            history.members.count == 1
                ? "release tag \(tagRange(history.members))"
                : "\(history.members.count) release tags: \(tagRange(history.members))"
        }.joined(separator: "; ")
        guard sizes.filter({ $0 == largest }).count == 1, let project = sizes.firstIndex(of: largest) else {
            return UnrelatedReleases(
                releases: [],
                notes: [
                    "the release tags come from \(histories.count) histories that share no commit, none with more "
                        + "releases than the others (\(described)); all are judged: list the tags that are not this "
                        + "project's in releases.ignore"
                ])
        }
        guard headHistory == project else {
            return UnrelatedReleases(
                releases: [],
                notes: [
                    "the release tags come from \(histories.count) histories that share no commit, and HEAD does not "
                        + "share the one with the most releases (\(described)); all are judged: list the tags that are "
                        + "not this project's in releases.ignore"
                ])
        }
        // A history all of whose releases come before the project's first is the project's own earlier history (a
        // rewrite or an import that was not merged): judged as before, the first release against its last.
        let first = histories[project].members.first ?? 0
        let others = histories.indices.filter { $0 != project && (histories[$0].members.last ?? 0) > first }
        guard !others.isEmpty else { return none }
        let left = others.flatMap { histories[$0].members }.sorted().map { releases[$0] }
        let notes = others.map { other in
            let count = histories[other].members.count
            return "\(describe(histories[other])) share\(count == 1 ? "s" : "") no commit with the other "
                + "\(largest) release\(largest == 1 ? "" : "s") (\(tagRange(histories[project].members))) or with "
                + "HEAD: another project's tag\(count == 1 ? "" : "s")? Not judged, and no release is judged against "
                + "\(count == 1 ? "it" : "them"); if \(count == 1 ? "it is a release" : "they are releases") of this "
                + "project, its history has to join the others'; else list \(count == 1 ? "it" : "them") in "
                + "releases.ignore"
        }
        return UnrelatedReleases(
            releases: left, notes: notes, project: histories[project].members.last.map { releases[$0] })
    }

    /// "release tag 'v1.1.1'" or "3 release tags ('v1.1.1', 'v1.1.2' and 'v1.4.1')", at most 6 named.
    private func describe(_ history: (members: [Int], last: ObjectID)) -> String {
        let count = history.members.count
        return count == 1 ? "release tag \(tagRange(history.members))" : "\(count) release tags (\(tagRange(history.members)))"
    }

    private func tagRange(_ members: [Int]) -> String {
        let named = members.prefix(6).map { "'\(releases[$0].tag)'" }
        if members.count > named.count { return named.joined(separator: ", ") + " and \(members.count - named.count) more" }
        if named.count < 2 { return named.joined() }
        return named.dropLast().joined(separator: ", ") + " and " + (named.last ?? "")
    }
}
