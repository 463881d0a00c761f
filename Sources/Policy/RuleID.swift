/// The id of every rule semgate knows: the names a policy's `rules:` section may set. What each rule checks, its
/// default severity, explanation and remedy live with its check in `Gate` (one file a rule under `Sources/Gate/Rules`).
public enum RuleID: String, Sendable, CaseIterable, Comparable {
    case breakingWithoutMajor = "breaking-without-major"
    case featureInPatch = "feature-in-patch"
    case deprecationInPatch = "deprecation-in-patch"
    case removedWithoutDeprecation = "removed-without-deprecation"
    case deprecationWindow = "deprecation-window"
    case tagNotSemver = "tag-not-semver"
    case duplicateVersion = "duplicate-version"
    case minorOnSupportedLine = "minor-on-supported-line"
    case versionNotIncreasing = "version-not-increasing"
    case bumpNotAllowed = "bump-not-allowed"
    case versionFileMismatch = "version-file-mismatch"
    case unannouncedBreak = "unannounced-break"
    case sourceSyntaxError = "source-syntax-error"
    case promotionWindow = "promotion-window"
    case removalCondition = "removal-condition"
    case hiddenAtRunTime = "hidden-at-run-time"
    case registeredAtRunTime = "registered-at-run-time"
    case vendoredLibraryEdited = "vendored-library-edited"
    case libraryReplaced = "library-replaced"

    /// The id used in policy files, reports and SARIF.
    public var id: String { rawValue }

    /// The rule with this id, if any.
    public init?(id: String) {
        self.init(rawValue: id)
    }

    /// Rules sort in table order.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        lhs.tableIndex < rhs.tableIndex
    }

    private var tableIndex: Int { RuleID.allCases.firstIndex(of: self) ?? 0 }
}
