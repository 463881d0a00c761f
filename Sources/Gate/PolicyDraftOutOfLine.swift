import Git
import Limits
import Policy
import Releases

extension PolicyDraft {
    /// Rounds of the search for tags of something else: leaving out the tags one round finds may show those they hid
    /// (a `1.2.6` that contains the out-of-line `1.2.5` before it, and is itself older than `1.2.0`).
    static let maximumOutOfLineRounds = 4
    /// Commit comparisons in one round, as `audit` makes (`Engine.outOfLineNotes`).
    static let maximumOutOfLineComparisons = 256
    /// Tags of something else named one by one in the draft's comment; the rest are counted.
    static let outOfLineNamed = 20

    /// The release tags under `template` (and not under `ignore`) that look like tags of something else, as `audit`
    /// finds them (``ReleaseHistory/outOfLine(limit:contains:)``, on one walk of the history): a patch tag older than the release before it on its line
    /// that does not contain it, or one that contains the first release of a later line. Each round leaves out what
    /// the rounds before it found and looks again; in version order.
    ///
    /// First the releases of histories that share no commit with the project's (another project's tags), as
    /// `audit` leaves them out (``ReleaseHistory/unrelated(head:groups:)``, `head` the drafted revision).
    static func outOfLineReleases(
        _ tags: [TagReference], template: String, ignore: [String], head: ObjectID?, repository: Repository
    ) -> [OutOfLineRelease] {
        guard let template = try? TagTemplate(template) else { return [] }
        let policy = ReleasePolicy(tag: template, ignore: ignore.compactMap { try? Glob($0) })
        var remaining = tags
        var found: [OutOfLineRelease] = []
        let unrelated = ReleaseHistory(tags: tags, policy: policy).unrelated(in: repository, head: head)
        if let project = unrelated.project {
            found = unrelated.releases.map { OutOfLineRelease(release: $0, other: project, reason: .sharesNoHistory) }
            let names = Set(found.map(\.release.tag))
            remaining.removeAll { names.contains($0.name) }
        }
        // One walk of the history answers every round's comparisons, asked together (reviews R93, R97), where a
        // libgit2 merge base a comparison walked both histories each time.
        var lines = LineHistory(
            shared: ReleaseHistory(tags: remaining, policy: policy).releases.map(\.commit), steps: Limit.forkBlameSteps)
        for _ in 0..<maximumOutOfLineRounds {
            let history = ReleaseHistory(tags: remaining, policy: policy)
            lines.prepare(history.outOfLineQuestions(limit: maximumOutOfLineComparisons), in: repository)
            let round = history.outOfLine(limit: maximumOutOfLineComparisons) { commit, ancestor in
                lines.contains(commit, ancestor, in: repository)
            }
            guard !round.isEmpty else { break }
            found += round
            let names = Set(round.map(\.release.tag))
            remaining.removeAll { names.contains($0.name) }
        }
        return found.sorted { $0.release.version < $1.release.version }
    }

    /// A glob that matches `tag` and no other name: its wildcard characters each in a class of its own (`[*]`); nil
    /// when the glob would not say exactly that.
    static func exactGlob(_ tag: String) -> String? {
        let escaped = Glob.literal(tag)
        guard let glob = try? Glob(escaped), glob.matches(tag), !glob.matches(tag + "x") else { return nil }
        return escaped
    }

    /// The comment lines that say why each tag of something else is left out.
    static func outOfLineComments(_ found: [OutOfLineRelease]) -> [String] {
        guard !found.isEmpty else { return [] }
        var lines = [
            "Tags of something else (CI or test tags, a fork's, another project's) are patches of a line they do not "
                + "belong to, or share no commit with the project's releases; `semgate audit` names them in a note:"
        ]
        lines += found.prefix(outOfLineNamed).map { "  \($0.description)" }
        if found.count > outOfLineNamed { lines.append("  and \(found.count - outOfLineNamed) more") }
        return lines
    }
}
