/// Every rule semgate knows: one row of data each (rules as data; help and docs are generated from it).
public enum Rule: String, Sendable, CaseIterable, Comparable {
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

    /// The id used in policy files, reports and SARIF.
    public var id: String { rawValue }

    /// The severity when the policy does not override it.
    public var defaultSeverity: Severity { row.defaultSeverity }

    /// One line, as in the specification's rule table.
    public var summary: String { row.summary }

    /// What triggers the rule and how to fix or silence it.
    public var help: String { row.help }

    /// The rule with this id, if any.
    public init?(id: String) {
        self.init(rawValue: id)
    }

    /// Rules sort in table order.
    public static func < (lhs: Rule, rhs: Rule) -> Bool {
        lhs.tableIndex < rhs.tableIndex
    }

    private var tableIndex: Int { Rule.allCases.firstIndex(of: self) ?? 0 }

    /// Whether SemVer's initial development (0.y.z, "anything may change") makes the rule's findings notes.
    public var isInformationalInInitialDevelopment: Bool { row.judgesSurfaceChanges }

    private struct Row {
        var defaultSeverity: Severity
        var summary: String
        var help: String
        /// The rule judges changes to the surface (not tags or versions).
        var judgesSurfaceChanges = false
    }

    private var row: Row {
        switch self {
        case .breakingWithoutMajor:
            Row(
                defaultSeverity: .error,
                summary: "a release or head needs major and did not get it",
                help: """
                    A stable item was removed, demoted to experimental, or changed in an attribute the surface \
                    calls breaking, and the version does not bump major. Release it as the next major, restore \
                    the item, or record an exception for this release with a reason.
                    """,
                judgesSurfaceChanges: true
            )
        case .featureInPatch:
            Row(
                defaultSeverity: .error,
                summary: "an addition or promotion shipped in a patch",
                help: """
                    A stable item was added or promoted from experimental in a patch release. Release it as the \
                    next minor, mark the item experimental, or move it out of the surface's include globs.
                    """,
                judgesSurfaceChanges: true
            )
        case .deprecationInPatch:
            Row(
                defaultSeverity: .error,
                summary: "a deprecation shipped in a patch",
                help: """
                    An item became deprecated in a patch release; deprecations need a minor. Release it as the \
                    next minor or postpone the deprecation.
                    """,
                judgesSurfaceChanges: true
            )
        case .removedWithoutDeprecation:
            Row(
                defaultSeverity: .error,
                summary: "a stable item was removed that no earlier release marked deprecated",
                help: """
                    A stable item disappeared without having been deprecated in an earlier release (in the code \
                    or under `deprecations:` in the policy). Deprecate it in a minor first, restore it, or set \
                    `rules: {removed-without-deprecation: warning}` if the project does not promise this.
                    """,
                judgesSurfaceChanges: true
            )
        case .deprecationWindow:
            Row(
                defaultSeverity: .error,
                summary: "removed before its `remove-in` version or before the policy's minimum deprecation period",
                help: """
                    A deprecated item was removed earlier than its declared `remove-in` version or the minimum \
                    deprecation period (`deprecation-period`: releases and/or days, whichever is longer, or the rest \
                    of the major). Keep it until then, or change `remove-in` in the policy's deprecations.
                    """,
                judgesSurfaceChanges: true
            )
        case .tagNotSemver:
            Row(
                defaultSeverity: .warning,
                summary: "release-tag hygiene: a tag matches the template but its version is not SemVer",
                help: """
                    A tag matches the release tag template but the version part is not strict SemVer 2.0.0 \
                    (for example `v1.2` or `v01.2.3`). Tag the release again with a valid version, or list the \
                    tag under `releases.ignore`.
                    """
            )
        case .duplicateVersion:
            Row(
                defaultSeverity: .error,
                summary: "release-tag hygiene: two releases have equal precedence",
                help: """
                    Two release tags differ only in build metadata (`1.2.0+a`, `1.2.0+b`), so neither is the \
                    release. Delete one, or list it under `releases.ignore`.
                    """
            )
        case .minorOnSupportedLine:
            Row(
                defaultSeverity: .warning,
                summary: "a minor release on a line that the support policy says only takes patches",
                help: """
                    A minor (or major) release was made on a release line whose phase under the policy's \
                    `support` section took only patches (or nothing) on the day it was published, for example a \
                    1.x minor after 2.0.0 shipped under the k6 preset. Ship the feature on the actively maintained \
                    line instead (see `semgate support`).
                    """
            )
        case .promotionWindow:
            Row(
                defaultSeverity: .warning,
                summary: "a promoted experimental item was not deprecated, or not removed within the policy's minors",
                help: """
                    An item listed under `promotions` became stable under its new key, but its old experimental key \
                    was not deprecated by that release, or is still there more than `remove-within` minors later. \
                    Deprecate the old key when promoting, and remove it in time.
                    """,
                judgesSurfaceChanges: true
            )
        case .versionNotIncreasing:
            Row(
                defaultSeverity: .error,
                summary: "the version given to check is not greater than the release it follows",
                help: """
                    `check --version V` names a version whose precedence is not above the base release, so it \
                    cannot be the next release. Pick a greater version (see `semgate next`) or pass the right \
                    --base.
                    """
            )
        case .bumpNotAllowed:
            Row(
                defaultSeverity: .error,
                summary: "the changes need a larger bump than --allow permits on this branch",
                help: """
                    `check --allow LEVEL` caps the bump a branch may take (for example `--allow minor` on a \
                    maintenance branch), and the surface changes need more. Revert the breaking change, move it \
                    to a branch that allows it, or raise --allow.
                    """
            )
        case .versionFileMismatch:
            Row(
                defaultSeverity: .error,
                summary: "the version declared in the code (releases.version-file) differs from the release's",
                help: """
                    The file named by `releases.version-file` declares a version other than the tag or --version \
                    being released, so the binary would report the wrong version. Update the file before \
                    tagging, or fix the pattern in the policy if it reads the wrong string.
                    """
            )
        case .unannouncedBreak:
            Row(
                defaultSeverity: .error,
                summary: "the surface broke but no commit since the base announces a breaking change",
                help: """
                    With `signals: [conventional-commits]`, a change that needs a major must be announced by a \
                    commit between base and head: `feat!:`, `fix(scope)!:` or a `BREAKING CHANGE:` footer \
                    (Conventional Commits 1.0.0). Reword the commit that breaks the surface (or add one that \
                    announces it), restore the item, or set `rules: {unannounced-break: warning}`.
                    """
            )
        case .sourceSyntaxError:
            Row(
                defaultSeverity: .warning,
                summary: "a Go source file the go-api extractor reads does not parse",
                help: """
                    The file has a syntax error at the line given (or uses syntax the reader does not know). The \
                    declarations before and after the bad one still count, so an item may look removed. Fix the \
                    file, or set `rules: {source-syntax-error: off}`. Only files that parsed at the base are reported.
                    """
            )
        }
    }
}
