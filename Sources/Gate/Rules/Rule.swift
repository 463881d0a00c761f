import Policy
import SemVer
import Surface

/// One rule as a value: its id, default severity, the bump it guards, what it says and what to do, examples that
/// run as tests, and its check. Every rule is one file in this folder and one line in ``Rule/all``; `explain`, the
/// docs (docs/rules.md), SARIF rule help and the remedies in reports are generated from these values.
public struct Rule: Sendable {
    /// What a rule's check looks at.
    public enum Check: Sendable {
        /// One release (or a pull request's head) against the release before it.
        case release(@Sendable (ReleaseContext) throws(GateError) -> [Violation])
        /// One release tag with a hygiene problem the release history found (`audit`).
        case tag(@Sendable (TagContext) -> Violation?)
    }

    public let id: RuleID
    /// The severity when the policy's `rules:` does not override it.
    public let defaultSeverity: Severity
    /// The bump whose promise the rule keeps (`major` for breaks, `minor` for features); nil for hygiene rules.
    public let guards: Bump?
    /// One line, as in the specification's rule table.
    public let summary: String
    /// What triggers the rule and why it matters.
    public let explanation: String
    /// What to do about a finding: how to fix it, or how to record that it is accepted.
    public let remedy: String
    /// Whether SemVer's initial development (0.y.z, "anything may change") turns the rule's findings into notes:
    /// true for rules that judge changes to the surface, not tags or versions.
    public let informationalInInitialDevelopment: Bool
    /// Minimal scenarios: the first that triggers the rule, then one that does not. They run as tests.
    public let examples: [RuleExample]
    public let check: Check

    /// The id used in policy files, reports and SARIF.
    public var name: String { id.id }

    /// The explanation and the remedy, as one paragraph each.
    public var help: String { explanation + "\n\n" + remedy }

    /// Every rule, in table order (the order of ``RuleID``; a test holds the two together).
    public static let all: [Rule] = [
        .breakingWithoutMajor, .featureInPatch, .deprecationInPatch, .removedWithoutDeprecation,
        .deprecationWindow, .tagNotSemver, .duplicateVersion, .minorOnSupportedLine, .versionNotIncreasing,
        .bumpNotAllowed, .versionFileMismatch, .unannouncedBreak, .sourceSyntaxError, .promotionWindow,
        .removalCondition, .hiddenAtRunTime, .registeredAtRunTime, .vendoredLibraryEdited, .libraryReplaced,
    ]

    /// The rule with this id.
    public static func named(_ id: RuleID) -> Rule {
        all.first { $0.id == id } ?? all[0]
    }

    /// The rule with this id text, if any.
    public static func named(_ id: String) -> Rule? {
        RuleID(id: id).map(named)
    }
}

/// What a rule's check found: the message and what it is about. The rule pass turns it into a ``Finding`` with the
/// severity the policy gives.
public struct Violation: Sendable, Hashable {
    public var message: String
    public var item: String?
    public var location: Location?
    /// The release the finding names when it is not the one the context judges.
    public var release: String?
    /// What to do about this violation in particular; nil for the rule's remedy.
    public var remedy: String?

    public init(
        _ message: String, item: String? = nil, location: Location? = nil, release: String? = nil,
        remedy: String? = nil
    ) {
        self.message = message
        self.item = item
        self.location = location
        self.release = release
        self.remedy = remedy
    }

    /// A violation about a surface change: its item and where it is.
    public init(_ message: String, about change: Change, remedy: String? = nil) {
        self.init(message, item: change.id, location: change.location, remedy: remedy)
    }
}

extension Finding {
    /// The rule value that made this finding.
    public var definition: Rule { Rule.named(rule) }
}
