import Gate
import Policy
import Surface

/// Findings with one cause, reported once with what they affect: one flag removed from a flag set that six commands
/// share is one finding about `cli:k6 {archive,cloud run,inspect,run,…} --no-thresholds`, not six.
///
/// Findings share a cause when they are about the same release, rule, severity and source line, none is excused by
/// an exception, and their messages and remedies differ only in the item they name. The group names its items with
/// a brace glob (`prefix{a,b,c}suffix`, which a policy's `exceptions: items:` accepts as it is) when their ids
/// differ only in the middle, else by listing them. Text, markdown and github show groups; json and sarif keep one
/// finding an item, and json marks the findings of a group with the same `group` value (the label).
struct FindingGroup {
    /// The findings of the group, in report order; one for a finding with a cause of its own.
    let findings: [Finding]
    /// The items of a group of two or more: a brace glob, or nil when they are listed.
    let label: String?
    /// Findings about members of the group's one item, folded into it (``foldingMembers(_:)``): the same release,
    /// rule, severity, message and remedy but for the item they name, each naming `ITEM.member`.
    var folded: [Finding] = []

    var first: Finding { findings[0] }

    /// The names of the folded members (`Auth` of `...config.GitHubMCP.Auth`), in report order.
    var foldedMembers: [String] {
        guard let item = first.item else { return [] }
        return folded.compactMap { $0.item.map { String($0.dropFirst(item.count + 1)) } }
    }

    /// The remedy, its exception's `items:` also covering the folded members (`"ITEM", "ITEM.*"`).
    var foldedRemedy: String? {
        guard !folded.isEmpty, let item = first.item, let remedy else { return remedy }
        return remedy.replacingText("\"\(item)\"", with: "\"\(item)\", \"\(item).*\"")
    }

    /// The items the group affects, in report order.
    var items: [String] { findings.compactMap(\.item) }

    /// The message, naming the group's items where the first finding named its own.
    var message: String { naming(first.message) }

    /// The remedy, naming the group's items where the first finding named its own (an exception's `items:` included).
    var remedy: String? { first.remedy.map(naming) }

    private func naming(_ text: String) -> String {
        guard findings.count > 1, let item = first.item else { return text }
        if let label { return text.replacingText(item, with: label) }
        // No glob covers them: the exception hint lists every item, the message names how many.
        let quoted = items.map { "\"\($0)\"" }.joined(separator: ", ")
        return text.replacingText("\"\(item)\"", with: quoted).replacingText(item, with: "\(items.count) items")
    }

    /// `findings` grouped by cause, groups in the order their first finding appears.
    static func grouping(_ findings: [Finding]) -> [FindingGroup] {
        // Findings of one cause share a place first (`placeKey`): a finding alone at its place is alone in its group,
        // without working out the rest of its cause, which costs most.
        var places: [String: Int] = [:]
        let placeKeys = findings.map(placeKey)
        for key in placeKeys {
            if let key { places[key, default: 0] += 1 }
        }
        var order: [String] = []
        var members: [String: [Finding]] = [:]
        for (index, finding) in findings.enumerated() {
            let shared = placeKeys[index].map { places[$0, default: 0] > 1 } ?? false
            let key = (shared ? causeKey(finding) : nil) ?? "#\(index)"
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(finding)
        }
        return order.map { key in
            let group = members[key] ?? []
            return FindingGroup(findings: group, label: group.count > 1 ? braceLabel(group.compactMap(\.item)) : nil)
        }
    }

    /// `groups` with the findings about a removed item's members folded into the group of the item: goreleaser 2.13.1
    /// removed the type `config.GitHubMCP`, and its nine fields are removed with it, for the same reason and with the
    /// same remedy. A group of one finding takes the groups of one finding each whose item is its item followed by
    /// `.member` (no space), of the same release, rule and severity, whose message and remedy are its own with their
    /// item in place of its; a member of a member goes to the outermost (a removed package takes its types, and
    /// their fields). Items holding glob syntax are never folded (the remedy's `ITEM.*` must match only the
    /// members). Order is kept; a folded group leaves its place. Text alone folds: json and sarif keep every item.
    static func foldingMembers(_ groups: [FindingGroup]) -> [FindingGroup] {
        var owners: [String: Int] = [:]
        for (index, group) in groups.enumerated() where group.findings.count == 1 && group.label == nil {
            guard let item = group.first.item, group.first.exception == nil,
                !item.contains(where: globSyntax.contains)
            else { continue }
            owners[ownerKey(group.first, item: item)] = owners[ownerKey(group.first, item: item)] ?? index
        }
        guard !owners.isEmpty else { return groups }
        // Each member's owner, then each folded into the outermost owner (a field of a removed field's type).
        var owner: [Int: Int] = [:]
        for (index, group) in groups.enumerated() where group.findings.count == 1 && group.label == nil {
            let finding = group.first
            guard let item = finding.item, finding.exception == nil, let dot = item.lastIndex(of: "."),
                dot > item.startIndex, let space = item.firstIndex(of: ":"), dot > space
            else { continue }
            let member = item[item.index(after: dot)...]
            let ownerItem = String(item[..<dot])
            guard !member.isEmpty, !member.contains(" "), !member.contains(where: globSyntax.contains),
                let target = owners[ownerKey(finding, item: ownerItem)], target != index
            else { continue }
            let ownerFinding = groups[target].first
            let placeholder = "\u{0}item\u{0}"
            guard ownerFinding.message.replacingText(ownerItem, with: placeholder)
                == finding.message.replacingText(item, with: placeholder),
                (ownerFinding.remedy ?? "").replacingText(ownerItem, with: placeholder)
                    == (finding.remedy ?? "").replacingText(item, with: placeholder)
            else { continue }
            owner[index] = target
        }
        guard !owner.isEmpty else { return groups }
        var result = groups
        var taken: Set<Int> = []
        for index in owner.keys.sorted() {
            var root = index
            // Owners are shorter items, so the chain ends; the bound is for safety.
            for _ in 0..<64 {
                guard let next = owner[root] else { break }
                root = next
            }
            guard owner[root] == nil else { continue }
            result[root].folded.append(groups[index].first)
            taken.insert(index)
        }
        return result.enumerated().filter { !taken.contains($0.offset) }.map(\.element)
    }

    /// What an owner and its members' findings share besides their messages: release, rule, severity and item.
    private static func ownerKey(_ finding: Finding, item: String) -> String {
        [finding.release ?? "", finding.rule.id, finding.severity.rawValue, item].joined(separator: "\u{1}")
    }

    /// What findings of one cause share; nil for a finding that cannot share one (no item or location, excused).
    private static func causeKey(_ finding: Finding) -> String? {
        guard let item = finding.item, let place = placeKey(finding) else { return nil }
        let placeholder = "\u{0}item\u{0}"
        return [
            place, finding.message.replacingText(item, with: placeholder),
            (finding.remedy ?? "").replacingText(item, with: placeholder),
        ].joined(separator: "\u{1}")
    }

    /// The part of `causeKey` that names where a finding is: release, rule, severity, location and surface.
    private static func placeKey(_ finding: Finding) -> String? {
        guard let item = finding.item, let location = finding.location, finding.exception == nil else { return nil }
        let surface = item.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return [finding.release ?? "", finding.rule.id, finding.severity.rawValue, location.description, surface]
            .joined(separator: "\u{1}")
    }

    /// Characters a glob reads as syntax: a middle holding one cannot be written in a brace glob.
    private static let globSyntax = Set("{},*?[]!\\")
    /// Where the common start and end of the ids may stop.
    private static let boundaries = Set(" :/.")

    /// `prefix{a,b,c}suffix` for ids that differ only between a common start and end (each cut at a space, `:`,
    /// `/` or `.`); nil when they do not, or a differing part is empty or holds glob syntax.
    static func braceLabel(_ items: [String]) -> String? {
        let ids = Array(Set(items)).sortedByBytes().map(Array.init)
        guard ids.count > 1, let shortest = ids.map(\.count).min() else { return nil }
        var prefix = 0
        while prefix < shortest, ids.allSatisfy({ $0[prefix] == ids[0][prefix] }) { prefix += 1 }
        while prefix > 0, !boundaries.contains(ids[0][prefix - 1]) { prefix -= 1 }
        var suffix = 0
        while suffix < shortest - prefix,
            ids.allSatisfy({ $0[$0.count - 1 - suffix] == ids[0][ids[0].count - 1 - suffix] })
        {
            suffix += 1
        }
        while suffix > 0, !boundaries.contains(ids[0][ids[0].count - suffix]) { suffix -= 1 }
        let middles = ids.map { String($0[prefix..<($0.count - suffix)]) }
        guard middles.allSatisfy({ !$0.isEmpty && !$0.contains(where: globSyntax.contains) }) else { return nil }
        // Report order, not sorted order, for the alternatives.
        var seen: Set<String> = []
        let ordered = items.map { id in String(Array(id)[prefix..<(id.count - suffix)]) }.filter {
            seen.insert($0).inserted
        }
        return String(ids[0][..<prefix]) + "{" + ordered.joined(separator: ",") + "}"
            + String(ids[0][(ids[0].count - suffix)...])
    }
}

/// Notes that say the same thing about several lines of one file, as one note: `internal/cmd/subcommand.go:23, 70,
/// 77: the subcommands of 'k6 x' … cannot be followed`. Other notes are kept as they are, in their order.
func groupedNotes(_ notes: [String]) -> [String] {
    var order: [String] = []
    var lines: [String: [String]] = [:]
    var texts: [String: (path: String, rest: String)] = [:]
    for note in notes {
        guard let match = note.firstMatch(of: /^([^\s:]+):([0-9]+): (.+)$/) else {
            if lines[note] == nil { order.append(note) }
            lines[note, default: []] = []
            continue
        }
        let key = "\(match.output.1)\u{0}\(match.output.3)"
        if lines[key] == nil {
            order.append(key)
            texts[key] = (String(match.output.1), String(match.output.3))
        }
        lines[key, default: []].append(String(match.output.2))
    }
    return order.map { key in
        guard let (path, rest) = texts[key], let numbers = lines[key] else { return key }
        let sorted = numbers.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        return "\(path):\(sorted.joined(separator: ", ")): \(rest)"
    }
}
