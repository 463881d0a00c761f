import Policy
import Releases
import SemVer
import Surface

/// The version the code declares (`releases.version-file`) set against the version being released.
struct VersionFileCheck {
    private(set) var findings: [Finding] = []
    private(set) var notes: [String] = []
    /// The declared version when there is no target to compare with and it is not released yet: a pull request's
    /// head is judged as that version.
    private(set) var adoptedVersion: Version?

    /// Compares `declared` with `target` (the tag or `--version`); without a target, offers the declared version.
    init(declared: DeclaredVersion?, target: Version?, history: ReleaseHistory, files: [String]) {
        guard let declared else {
            notes.append(
                "releases.version-file: no version found in \(files.joined(separator: ", ")) at this revision")
            return
        }
        let text =
            declared.text.hasPrefix("v") || declared.text.hasPrefix("V")
            ? String(declared.text.dropFirst()) : declared.text
        guard let version = Version.parse(text) else {
            findings.append(
                Finding(
                    rule: .versionFileMismatch, severity: Rule.versionFileMismatch.defaultSeverity,
                    message: "the version declared in \(declared.location.path), '\(declared.text)', is not a "
                        + "SemVer 2.0.0 version; write it like 1.2.0", release: target?.description,
                    location: declared.location))
            return
        }
        if let target {
            if !version.hasSamePrecedence(as: target) {
                findings.append(
                    Finding(
                        rule: .versionFileMismatch, severity: Rule.versionFileMismatch.defaultSeverity,
                        message: "\(declared.location.path) declares version \(version) but the release is "
                            + "\(target); update it to \(target) before tagging", release: target.description,
                        location: declared.location))
            }
            return
        }
        if let released = history.release(version) {
            notes.append(
                "\(declared.location) declares \(version), already released as \(released.tag); head is judged "
                    + "without a version (bump the file before the next release)")
        } else {
            adoptedVersion = version
            notes.append(
                "no --version given: head is judged as \(version), the version declared in \(declared.location)")
        }
    }
}
