import Gate
import SemVer

/// Findings `audit` reports again at a later release of one version. 2.0.0-rc1, 2.0.0-rc2 and 2.0.0 are each judged
/// against the same predecessor, the greatest final release below them (SPEC: a pre-release counts as the bump to its
/// final), so a change first shipped in 2.0.0-rc1 is found at each of them. Text and markdown show such a finding
/// once, at the earliest of those releases (by precedence) that has it, naming the later ones (`also in 2.0.0-rc2,
/// 2.0.0`), and each later release says how many it repeats; json keeps every finding in every release and marks
/// them (`also_in` on the first, `first_reported` on each repeat). A repeat still counts in its release's verdict.
///
/// Findings are the same when their rule, severity, item, exception and message (each release's own version written
/// as one placeholder) are equal, at releases of one version (`major.minor.patch`, at least one of them a
/// pre-release) with the same predecessor. Notes (which text collapses on its own) and excused findings are never
/// folded.
struct PreReleaseRepeats {
    /// A finding of an audit: its row and its index among the row's findings.
    struct Place: Hashable {
        let row: Int
        let finding: Int
    }

    /// The version of the release that first reported each repeat.
    private(set) var firstReported: [Place: String] = [:]
    /// The versions of the later releases that repeat each first report, in precedence order.
    private(set) var alsoIn: [Place: [String]] = [:]
    /// The versions each row's repeats were first reported at, in precedence order, and how many it repeats.
    private(set) var repeatedFrom: [Int: (versions: [String], count: Int)] = [:]

    var isEmpty: Bool { firstReported.isEmpty }

    init(_ rows: [ReleaseRow]) {
        var versions: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() {
            let version = row.release.version
            let key = "\(version.major).\(version.minor).\(version.patch)\u{0}\(row.predecessor?.tag ?? "")"
            versions[key, default: []].append(index)
        }
        for indices in versions.values where indices.count > 1 {
            guard indices.contains(where: { rows[$0].release.version.isPrerelease }) else { continue }
            // Precedence, then tag (releases that differ only in build metadata), so the first is the same every run.
            let ordered = indices.sorted {
                let (left, right) = (rows[$0].release, rows[$1].release)
                return left.version != right.version ? left.version < right.version : left.tag < right.tag
            }
            var rank: [String: Int] = [:]
            for (position, index) in ordered.enumerated() { rank[rows[index].release.version.description] = position }
            var first: [[String]: Place] = [:]
            for index in ordered {
                let version = rows[index].release.version.description
                var from: [String] = []
                var count = 0
                for (position, finding) in rows[index].findings.enumerated()
                where finding.exception == nil && finding.severity != .note {
                    let key = Self.key(finding, version: version)
                    let place = Place(row: index, finding: position)
                    guard let earlier = first[key] else {
                        first[key] = place
                        continue
                    }
                    let earlierVersion = rows[earlier.row].release.version.description
                    firstReported[place] = earlierVersion
                    count += 1
                    if alsoIn[earlier]?.last != version { alsoIn[earlier, default: []].append(version) }
                    if !from.contains(earlierVersion) { from.append(earlierVersion) }
                }
                if count > 0 {
                    repeatedFrom[index] = (from.sorted { rank[$0, default: 0] < rank[$1, default: 0] }, count)
                }
            }
        }
    }

    /// A release's findings without those an earlier pre-release of its version reported, each first report naming
    /// the later releases that have it too (`... (also in 2.0.0-rc2, 2.0.0)`).
    func firstReports(_ findings: [Finding], row: Int) -> [Finding] {
        guard !isEmpty else { return findings }
        return findings.enumerated().compactMap { position, finding in
            let place = Place(row: row, finding: position)
            if firstReported[place] != nil { return nil }
            guard let later = alsoIn[place] else { return finding }
            return Finding(
                rule: finding.rule, severity: finding.severity,
                message: finding.message + " (also in \(later.joined(separator: ", ")))", release: finding.release,
                item: finding.item, location: finding.location, exception: finding.exception, remedy: finding.remedy)
        }
    }

    /// The line a release shows for the findings it repeats (`3 findings already listed at 2.0.0-rc1, not repeated
    /// here`); nil when it repeats none. Versions are the tags' text: renderers make it inert.
    func summary(row: Int) -> String? {
        guard let (from, count) = repeatedFrom[row] else { return nil }
        return "\(count) finding\(count == 1 ? "" : "s") already listed at \(from.joined(separator: ", ")), "
            + "not repeated here"
    }

    /// What makes findings of two releases of one version the same finding.
    private static func key(_ finding: Finding, version: String) -> [String] {
        [
            finding.rule.id, finding.severity.rawValue, finding.item ?? "\u{0}", finding.exception ?? "",
            finding.message.replacingText(version, with: "\u{0}version\u{0}"),
        ]
    }
}
