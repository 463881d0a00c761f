import Policy
import SemVer
import Surface

extension Rule {
    /// The version the code declares is not the version released.
    public static let versionFileMismatch = Rule(
        id: .versionFileMismatch, defaultSeverity: .error, guards: nil,
        summary: "the version declared in the code (releases.version-file) differs from the release's",
        explanation: """
            The file named by `releases.version-file` declares a version other than the tag or --version being \
            released, so the released program would report the wrong version.
            """,
        remedy:
            "Set the file to the released version before tagging, or fix the pattern in the policy if it reads the "
            + "wrong string.",
        informationalInInitialDevelopment: false,
        examples: [
            RuleExample(
                "version.go still says 1.2.0 when 1.3.0 is tagged", triggers: true,
                policy: """
                    releases:
                      version-file: {path: version.go, pattern: 'Version = "(?<version>[^"]+)"'}

                    """,
                history: [ExampleRelease("1.2.0", [])], head: ExampleRelease("1.3.0", []), declaredVersion: "1.2.0"),
            RuleExample(
                "version.go says 1.3.0", triggers: false,
                policy: """
                    releases:
                      version-file: {path: version.go, pattern: 'Version = "(?<version>[^"]+)"'}

                    """,
                history: [ExampleRelease("1.2.0", [])], head: ExampleRelease("1.3.0", []), declaredVersion: "v1.3.0"),
        ],
        check: .release { context in context.versionFile?.violations ?? [] })
}

/// The version the code declares (`releases.version-file`) set against the version being released.
public struct VersionFileCheck: Sendable {
    private(set) var violations: [Violation] = []
    private(set) var notes: [String] = []
    /// The declared version when there is no target to compare with and it is not released yet: a pull request's
    /// head is judged as that version.
    private(set) var adoptedVersion: Version?

    /// Compares `declared` with `target` (the tag or `--version`); without a target, offers the declared version.
    /// `releasedTag` names the tag of a released version.
    init(declared: DeclaredVersion?, target: Version?, files: [String], releasedTag: (Version) -> String?) {
        guard let declared else {
            notes.append(
                "releases.version-file: no version found in \(files.joined(separator: ", ")) at this revision")
            return
        }
        let text =
            declared.text.hasPrefix("v") || declared.text.hasPrefix("V")
            ? String(declared.text.dropFirst()) : declared.text
        guard let version = Version.parse(text) else {
            violations.append(
                Violation(
                    "the version declared in \(declared.location.path), '\(declared.text)', is not a SemVer 2.0.0 "
                        + "version; write it like 1.2.0", location: declared.location, release: target?.description))
            return
        }
        if let target {
            if !version.hasSamePrecedence(as: target) {
                violations.append(
                    Violation(
                        "\(declared.location.path) declares version \(version) but the release is \(target)",
                        location: declared.location,
                        release: target.description))
            }
            return
        }
        if let tag = releasedTag(version) {
            notes.append(
                "\(declared.location) declares \(version), already released as \(tag); head is judged "
                    + "without a version (bump the file before the next release)")
        } else {
            adoptedVersion = version
            notes.append(
                "no --version given: head is judged as \(version), the version declared in \(declared.location)")
        }
    }
}
