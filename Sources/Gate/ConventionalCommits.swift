import Git
import Policy
import SemVer
import Surface

/// A commit message read under Conventional Commits 1.0.0 (https://www.conventionalcommits.org/en/v1.0.0/).
public struct ConventionalCommit: Sendable, Equatable {
    /// The type, lowercased (`feat`, `fix`, `docs`, ...).
    public let type: String
    public let scope: String?
    /// `!` before the colon, or a `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer.
    public let breaking: Bool

    /// The bump the commit asks for: major when breaking, minor for `feat`, patch for `fix`, none otherwise.
    public var bump: Bump {
        if breaking { return .major }
        switch type {
        case "feat": return .minor
        case "fix": return .patch
        default: return .none
        }
    }

    /// Parses a whole message; nil when its first line is not `type[(scope)][!]: description`.
    ///
    /// The type and scope are read case-insensitively; `BREAKING CHANGE` must be uppercase (spec items 15 and 16),
    /// and counts only as a footer: after the blank line that ends the summary.
    public init?(message: String) {
        let lines = message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first else { return nil }
        let typeText = header.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard !typeText.isEmpty else { return nil }
        var rest = header.dropFirst(typeText.count)
        var scope: String?
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return nil }
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            guard !inner.isEmpty, !inner.contains("(") else { return nil }
            scope = String(inner)
            rest = rest[rest.index(after: close)...]
        }
        var bang = false
        if rest.first == "!" {
            bang = true
            rest = rest.dropFirst()
        }
        // A colon and a space, then a description (spec items 1 and 5).
        guard rest.hasPrefix(": "), !rest.dropFirst(2).allSatisfy(\.isWhitespace) else { return nil }
        var footer = false
        if let blank = lines.dropFirst().firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
            footer = lines[(blank + 1)...].contains { line in
                line.hasPrefix("BREAKING CHANGE: ") || line.hasPrefix("BREAKING-CHANGE: ")
            }
        }
        type = typeText.lowercased()
        self.scope = scope
        breaking = bang || footer
    }
}

/// What the commit messages between base and head say about the bump, set against what the surface needs (the
/// `unannounced-break` rule judges the same messages).
struct CommitSignal {
    /// The largest bump any conventional commit asks for; `.none` when none asks for one.
    let declared: Bump
    let notes: [String]

    /// Compares the commits' declared bump with the surface changes; every disagreement but an unannounced break
    /// (a finding) is a note.
    init(messages: [CommitMessage], changes: [Change]) {
        var declared = Bump.none
        var breakers: [CommitMessage] = []
        var conventional = 0
        for message in messages {
            guard let commit = ConventionalCommit(message: message.message) else { continue }
            conventional += 1
            declared = max(declared, commit.bump)
            if commit.breaking { breakers.append(message) }
        }
        let detected = changes.filter { !$0.experimental }.map(\.bump).max() ?? .none
        var notes = [
            "conventional commits: \(conventional) of \(messages.count) commit\(messages.count == 1 ? "" : "s") "
                + "since the base follow the format; together they declare \(declared.name)"
        ]
        if declared == .major && detected < .major {
            let list = breakers.prefix(3).map { "\($0.id.short) '\($0.summary)'" }.joined(separator: ", ")
            notes.append(
                "commits announce a breaking change (\(list)) but the declared surface needs only \(detected.name); "
                    + "if something did break, the policy does not list it")
        } else if detected < .major && declared != detected && max(declared, detected) >= .minor {
            // none against patch is no disagreement: fixes and chores often leave the surface alone; a break no
            // commit announces is the unannounced-break rule's.
            notes.append(
                "the commits declare \(declared.name) but the surface changes need \(detected.name)")
        }
        self.declared = declared
        self.notes = notes
    }
}
