import Foundation
import Git
import Pattern
import Policy
import SemVer
import Surface

/// A commented starting policy for a repository, from what its files and tags show (`semgate init`).
///
/// Read-only: it reads HEAD's tree (the working tree when there are no commits yet) and the tag names. Each surface it
/// writes names what it found; the result is meant to be read and edited, and always passes `policy validate`.
public struct PolicyDraft: Sendable {
    /// What was recognised, one line each, for the header and for people.
    public private(set) var findings: [String] = []
    /// The YAML text of the policy.
    public private(set) var yaml = ""

    /// Looks at `repository` and writes the draft.
    public init(repository: Repository) throws(GateError) {
        // The committed files at HEAD are what every release and check will read; a repository without commits
        // yet is judged by its working tree.
        let files: any FileTree
        let root: ObjectID?
        if let head = try? repository.resolve("HEAD") {
            files = repository
            root = try wrap { () throws(GitError) in try repository.rootTree(of: head) }
        } else if repository.workingDirectory != nil {
            let tree = try wrap { () throws(GitError) in try WorkingTree(repository) }
            files = tree
            root = tree.root
        } else {
            files = repository
            root = nil
        }
        let tags = try wrap { () throws(GitError) in try repository.tags() }.map(\.name)
        let reader = ProjectFiles(files: files, root: root)
        let project = try Self.projectName(reader, repository: repository)
        var sections: [String] = []
        let versionFile = try Self.versionFile(reader)
        if let versionFile { findings.append("a version in the code: \(versionFile.version) in \(versionFile.path)") }
        let releases = Self.releases(tags: tags, versionFile: versionFile)
        findings += releases.findings
        var surfaces: [String] = []
        for kind in Extractors.all {
            for proposal in try wrap({ () throws(GitError) in try kind.propose(for: reader) }) {
                if let finding = proposal.finding { findings.append(finding) }
                if !proposal.yaml.isEmpty { surfaces.append(proposal.yaml) }
            }
        }
        sections.append(Self.header(project: project, findings: findings))
        sections.append(releases.yaml)
        if surfaces.isEmpty {
            sections.append(Self.noSurface)
        } else {
            sections.append(
                """
                # The allow-list: only what these extractors find is promised stable; everything else may change.
                # Check what they find with `semgate surface`, and commit a snapshot with `semgate surface --write`.
                surfaces:
                """ + "\n" + surfaces.joined(separator: "\n"))
        }
        sections.append(Self.footer)
        yaml = sections.joined(separator: "\n\n") + "\n"
    }

    // MARK: Reading

    private static func projectName(_ reader: ProjectFiles, repository: Repository) throws(GateError) -> String {
        if let text = try reader.read("package.json"), let name = RegexExtractorSpec.NodePackage(json: text).name {
            return name.split(separator: "/").last.map(String.init) ?? name
        }
        if let manifest = try reader.read("Package.swift"),
            let name = firstCapture(#"Package\(\s*name:\s*"(?<value>[^"]+)""#, in: manifest)
        {
            return name
        }
        if let goMod = try reader.read("go.mod"), let module = ProjectFiles.goModule(goMod) {
            let parts = module.split(separator: "/").map(String.init)
            // go.k6.io/k6/v2: the major-version suffix is not the name.
            if let last = parts.last, last.first == "v", Int(last.dropFirst()) != nil, parts.count > 1 {
                return parts[parts.count - 2]
            }
            return parts.last ?? module
        }
        let folder = URL(fileURLWithPath: repository.workingDirectory ?? repository.gitDirectory).standardized
        let name =
            folder.lastPathComponent == ".git"
            ? folder.deletingLastPathComponent().lastPathComponent
            : folder
                .lastPathComponent
        return name.hasSuffix(".git") ? String(name.dropLast(4)) : name
    }

    // MARK: Releases

    /// The tag template most SemVer tags follow (`v{version}`, `{version}`, `cli/v{version}`), and what was seen.
    static func releases(tags: [String], versionFile: VersionFile? = nil) -> (yaml: String, findings: [String]) {
        var counts: [String: [Version]] = [:]
        for tag in tags {
            // The version starts at the first digit that begins a SemVer version.
            for index in tag.indices where tag[index].isNumber {
                let prefix = String(tag[..<index])
                if prefix.contains(where: \.isNumber) { break }
                if let version = Version.parse(String(tag[index...])) {
                    counts[prefix, default: []].append(version)
                }
                break
            }
        }
        let ranked = counts.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        var lines = ["releases:"]
        var findings: [String] = []
        guard let (prefix, versions) = ranked.first else {
            lines.append(
                """
                  # No release tags yet: the first release is 'v0.1.0' (or 'v1.0.0' once the surface is promised).
                  tag: "v{version}"
                  initial-development: semver     # 0.y.z: anything may change (SemVer item 4); or shifted
                """)
            lines.append(versionFileLines(versionFile, latest: nil))
            return (lines.joined(separator: "\n"), ["no release tags yet"])
        }
        let template = ProjectFiles.yamlDouble(prefix + "{version}")
        let latest = versions.max() ?? Version(major: 0, minor: 0, patch: 0)
        findings.append("\(versions.count) release tag\(versions.count == 1 ? "" : "s") like '\(prefix)\(latest)'")
        lines.append("  # \(versions.count) tags follow this template; the greatest is \(prefix)\(latest).")
        for (other, found) in ranked.dropFirst() {
            lines.append(
                "  # Also seen: \(found.count) tag\(found.count == 1 ? "" : "s") like "
                    + "'\(other)\(found.max() ?? latest)' (another component? a second policy with tag: "
                    + "\"\(other){version}\" can check it).")
        }
        lines.append("  tag: \(template)")
        if latest.major == 0 {
            lines.append("  initial-development: semver     # still 0.y.z: anything may change; 'shifted' is stricter")
        } else {
            lines.append("  initial-development: semver     # how 0.y.z releases before 1.0.0 are judged")
        }
        lines.append(versionFileLines(versionFile, latest: latest))
        return (lines.joined(separator: "\n"), findings)
    }

    /// A file that declares the project's version, the pattern that reads it, and what it says now.
    struct VersionFile {
        let path: String
        let pattern: String
        let version: String
    }

    private static let goVersionPattern = #"(?m)^\s*(?:const\s+|var\s+)?Version\s*=\s*"(?<version>[^"]+)""#
    private static let nodeVersionPattern = #""version"\s*:\s*"(?<version>[^"]+)""#

    /// package.json's `version`, else the shallowest Go file that sets `Version = "1.2.3"`.
    private static func versionFile(_ reader: ProjectFiles) throws(GateError) -> VersionFile? {
        if let text = try reader.read("package.json"),
            let version = firstCapture(nodeVersionPattern, in: text, group: "version")
        {
            return VersionFile(path: "package.json", pattern: nodeVersionPattern, version: version)
        }
        guard try reader.read("go.mod") != nil, let pattern = try? Pattern(goVersionPattern) else { return nil }
        func declared(_ text: String) -> String? {
            guard text.contains("Version") else { return nil }
            let version = (try? pattern.matches(in: text))?.lazy.compactMap { $0.groups["version"] }.first
            return version.flatMap { Version.parse($0.hasPrefix("v") ? String($0.dropFirst()) : $0) } == nil
                ? nil : version
        }
        guard let path = try reader.goFilesMatching(where: { declared($0) != nil }).first,
            let text = try reader.read(path), let version = declared(text)
        else { return nil }
        return VersionFile(path: path, pattern: goVersionPattern, version: version)
    }

    private static func versionFileLines(_ file: VersionFile?, latest: Version?) -> String {
        guard let file else { return versionFileHint }
        var agreement = ""
        if let latest,
            let declared = Version.parse(file.version.hasPrefix("v") ? String(file.version.dropFirst()) : file.version)
        {
            agreement =
                declared.hasSamePrecedence(as: latest)
                ? ", the greatest release" : "; the greatest release is \(latest)"
        }
        return """
              # The code declares its version (\(file.path) says \(file.version)\(agreement)).
              # check reports a release tag that disagrees, and judges an untagged head as this version.
              version-file:
                path: \(ProjectFiles.yamlDouble(file.path))
                pattern: \(ProjectFiles.yamlSingle(file.pattern))
            """
    }

    private static let versionFileHint = """
          # Where the code declares its own version, checked against each release tag:
          # version-file: {path: version.go, pattern: 'Version = "(?<version>[^"]+)"'}
        """

    // MARK: Text

    private static func header(project: String, findings: [String]) -> String {
        var lines = [
            "# semgate policy for \(project), written by `semgate init`. Read it, edit it, then commit it.",
            "# Check it with `semgate policy validate`; see what it promises with `semgate surface`.",
            "# Found:",
        ]
        lines += findings.map { "#   - \($0)" }
        lines += [
            "# Editors validate and complete this file with policy/semgate.schema.json (for example the YAML",
            "# extension's `# yaml-language-server: $schema=...` comment).",
            "semgate: 1",
            "project: \(ProjectFiles.yamlDouble(project))",
        ]
        return lines.joined(separator: "\n")
    }

    private static let noSurface = """
        # No Go module, Swift package or Node package was found, so nothing is promised yet. Declare what is
        # stable, for example a committed list (one item a line) or a pattern over source files:
        # surfaces:
        #   api:
        #     extract:
        #       list: api/surface.txt
        """

    private static let footer = """
        # Items that are not (yet) promised although an extractor finds them: surface:key globs.
        # experimental: ["packages:**/experimental/**"]

        # Opt in to commit messages as a second signal (Conventional Commits: feat!: asks for major).
        # signals: [conventional-commits]

        # Severity per rule: error, warning or off (see `semgate help`, README "Rules and severities").
        rules:
          removed-without-deprecation: error
        """

    private static func firstCapture(_ pattern: String, in text: String, group: String = "value") -> String? {
        ProjectFiles.captures(pattern, in: text, group: group).first
    }
}

extension ProjectFiles {
    /// The text of the file at `path`, failures as the gate's.
    fileprivate func read(_ path: String) throws(GateError) -> String? {
        try wrap { () throws(GitError) in try text(path) }
    }

    /// `goFiles(where:)`, failures as the gate's.
    fileprivate func goFilesMatching(where matches: (String) -> Bool) throws(GateError) -> [String] {
        try wrap { () throws(GitError) in try goFiles(where: matches) }
    }
}
