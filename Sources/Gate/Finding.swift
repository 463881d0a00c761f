import Policy
import Surface

/// A violation or observation, with its rule, severity and where it applies. Findings are data; only failures to
/// run throw.
public struct Finding: Sendable, Hashable {
    public let rule: RuleID
    public var severity: Severity
    public let message: String
    /// The release (version text) the finding is about, when it is about one.
    public let release: String?
    /// The item identity `surface:key`, when the finding is about one.
    public let item: String?
    public let location: Location?
    /// The policy exception's reason when an exception turned this error into a note.
    public var exception: String?
    /// What to do about it, for errors and warnings: the rule's remedy made specific to this finding.
    public var remedy: String?

    public init(
        rule: RuleID, severity: Severity, message: String, release: String? = nil, item: String? = nil,
        location: Location? = nil, exception: String? = nil, remedy: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.release = release
        self.item = item
        self.location = location
        self.exception = exception
        self.remedy = remedy
    }
}

/// Whether a check passed.
public enum Verdict: String, Sendable {
    case pass, fail

    /// `fail` when any finding is an error.
    public init(_ findings: [Finding]) {
        self = findings.contains { $0.severity == .error } ? .fail : .pass
    }
}
