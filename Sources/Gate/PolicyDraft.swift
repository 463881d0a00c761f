import Foundation
import Git
import Pattern
import Policy
import SemVer

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
        let reader = FileReader(files: files, root: root)
        let project = try Self.projectName(reader, repository: repository)
        var sections: [String] = []
        let versionFile = try Self.versionFile(reader)
        if let versionFile { findings.append("a version in the code: \(versionFile.version) in \(versionFile.path)") }
        let releases = Self.releases(tags: tags, versionFile: versionFile)
        findings += releases.findings
        var surfaces: [String] = []
        if let goMod = try reader.text("go.mod"), let module = Self.goModule(goMod) {
            findings.append("a Go module, \(module) (go.mod)")
            surfaces.append(Self.goPackagesSurface(module: module))
            if goMod.contains("github.com/spf13/cobra") {
                let folders = Array(Set(try reader.goFiles { $0.contains("cobra.Command{") }.map(Self.folder(of:))))
                    .sorted()
                findings.append(
                    "a cobra command line (go.mod requires github.com/spf13/cobra; commands in "
                        + (folders.isEmpty
                            ? "no folder yet"
                            : folders.map { $0.isEmpty ? "./" : $0 + "/" }
                                .joined(separator: ", ")) + ")")
                surfaces.append(Self.cobraSurface(folders: folders))
            }
        }
        if let manifest = try reader.text("Package.swift") {
            let products = Self.swiftProducts(manifest)
            findings.append(
                "a Swift package with \(products.count) product\(products.count == 1 ? "" : "s") (Package.swift)")
            surfaces.append(Self.swiftSurface(products: products))
        }
        if let text = try reader.text("package.json") {
            let node = NodePackage(json: text)
            findings.append(
                "a Node package"
                    + (node.name.map { " \($0)" } ?? "") + " with \(node.bins.count) bin entr"
                    + (node.bins.count == 1 ? "y" : "ies") + " and \(node.exports.count) export"
                    + (node.exports.count == 1 ? "" : "s") + " (package.json)")
            surfaces += Self.nodeSurfaces(node)
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

    /// Reads files of the draft's tree by path; an empty repository has none.
    struct FileReader {
        let files: any FileTree
        let root: ObjectID?

        func text(_ path: String) throws(GateError) -> String? {
            guard let root else { return nil }
            return try wrap { () throws(GitError) in
                guard let blob = try files.blobID(atPath: path, inTree: root) else { return nil }
                return try files.text(ofBlob: blob)
            }
        }

        /// The `.go` files (not tests; sorted, shallowest first) whose text `matches` accepts; `vendor/`,
        /// `testdata/`, `node_modules/` and dot-folders are skipped.
        func goFiles(where matches: (String) -> Bool) throws(GateError) -> [String] {
            guard let root else { return [] }
            var found: [String] = []
            let files = self.files
            try wrap { () throws(GitError) in
                try files.walkFiles(
                    tree: root,
                    descend: { folder in
                        let name = folder.split(separator: "/").last.map(String.init) ?? folder
                        return !["vendor", "testdata", "node_modules"].contains(name) && !name.hasPrefix(".")
                    },
                    visit: { (path, entry) throws(GitError) in
                        guard path.hasSuffix(".go"), !path.hasSuffix("_test.go") else { return }
                        if matches(try files.text(ofBlob: entry.id)) { found.append(path) }
                    })
            }
            return found.sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
        }
    }

    private static func projectName(_ reader: FileReader, repository: Repository) throws(GateError) -> String {
        if let text = try reader.text("package.json"), let name = NodePackage(json: text).name {
            return name.split(separator: "/").last.map(String.init) ?? name
        }
        if let manifest = try reader.text("Package.swift"),
            let name = firstCapture(#"Package\(\s*name:\s*"(?<value>[^"]+)""#, in: manifest)
        {
            return name
        }
        if let goMod = try reader.text("go.mod"), let module = goModule(goMod) {
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
        let template = yamlDouble(prefix + "{version}")
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
    private static func versionFile(_ reader: FileReader) throws(GateError) -> VersionFile? {
        if let text = try reader.text("package.json"),
            let version = firstCapture(nodeVersionPattern, in: text, group: "version")
        {
            return VersionFile(path: "package.json", pattern: nodeVersionPattern, version: version)
        }
        guard try reader.text("go.mod") != nil, let pattern = try? Pattern(goVersionPattern) else { return nil }
        func declared(_ text: String) -> String? {
            guard text.contains("Version") else { return nil }
            let version = (try? pattern.matches(in: text))?.lazy.compactMap { $0.groups["version"] }.first
            return version.flatMap { Version.parse($0.hasPrefix("v") ? String($0.dropFirst()) : $0) } == nil
                ? nil : version
        }
        guard let path = try reader.goFiles(where: { declared($0) != nil }).first,
            let text = try reader.text(path), let version = declared(text)
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
                path: \(yamlDouble(file.path))
                pattern: \(yamlSingle(file.pattern))
            """
    }

    private static let versionFileHint = """
          # Where the code declares its own version, checked against each release tag:
          # version-file: {path: version.go, pattern: 'Version = "(?<version>[^"]+)"'}
        """

    // MARK: Go

    private static func folder(of path: String) -> String {
        path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : ""
    }

    static func goModule(_ goMod: String) -> String? {
        for line in goMod.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count >= 2, words[0] == "module" {
                return words[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
            }
        }
        return nil
    }

    private static func goPackagesSurface(module: String) -> String {
        """
          # The exported Go API of \(module): every importable package (not internal/, testdata/, vendor/ or
          # package main) and its exported funcs, types, fields, methods, consts and vars, compared with Go's
          # compatibility rules. Removing or changing one breaks the programs that import it. For the package
          # list alone (cheaper, coarser) write `go-packages: {}` instead.
          packages:
            extract:
              go-api: {}
            exclude: ["**/internal/**", "**/internal"]
        """
    }

    private static func cobraSurface(folders: [String]) -> String {
        let globs = (folders.isEmpty ? ["cmd"] : folders).map { yamlDouble($0.isEmpty ? "*.go" : $0 + "/*.go") }
        return """
              # The command line, read from the cobra command tree: every command, alias and flag keyed by the
              # path users type ("tool serve --port"), following shared flag sets and helper functions. A flag's
              # type, shorthand and scope are breaking; what the code computes at run time is noted, not guessed.
              # If the root's Use is not a constant (Use: os.Args[0]), name it here with root: TOOL.
              cli:
                extract:
                  cobra:
                    files: [\(globs.joined(separator: ", "))]
            """
    }

    // MARK: Swift

    static func swiftProducts(_ manifest: String) -> [String] {
        allCaptures(#"\.(?:executable|library|plugin)\(\s*name:\s*"(?<value>[^"]+)""#, in: manifest)
    }

    private static func swiftSurface(products: [String]) -> String {
        let found = products.isEmpty ? "none yet" : products.joined(separator: ", ")
        return """
              # The products of the Swift package (found now: \(found)): what other packages depend on.
              # Removing or renaming one breaks them; `kind` (library, executable, plugin) is breaking too.
              products:
                extract:
                  regex:
                    files: ["Package.swift"]
                    pattern: '\\.(?<kind>executable|library|plugin)\\(\\s*name:\\s*"(?<name>[^"]+)"'
            """
    }

    // MARK: Node

    /// The parts of `package.json` a draft promises.
    struct NodePackage {
        var name: String?
        /// Command names of `bin`, with their file.
        var bins: [(name: String, path: String)] = []
        /// Export subpaths (`.`, `./utils`); a string or conditions-only `exports` is `.`.
        var exports: [String] = []
        var binIsString = false

        init(json: String) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                return
            }
            name = object["name"] as? String
            if let bin = object["bin"] as? String {
                binIsString = true
                bins = [(name.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "bin", bin)]
            } else if let bin = object["bin"] as? [String: Any] {
                bins = bin.compactMap { key, value in (value as? String).map { (key, $0) } }.sorted {
                    $0.name < $1.name
                }
            }
            if object["exports"] is String {
                exports = ["."]
            } else if let map = object["exports"] as? [String: Any] {
                let subpaths = map.keys.filter { $0.hasPrefix(".") }.sorted()
                exports = subpaths.isEmpty ? ["."] : subpaths
            }
        }
    }

    private static func nodeSurfaces(_ node: NodePackage) -> [String] {
        var surfaces: [String] = []
        if node.binIsString, let bin = node.bins.first {
            surfaces.append(
                """
                  # The command the package installs (package.json "bin": "\(bin.path)"), named after the package.
                  bin:
                    extract:
                      regex:
                        files: ["package.json"]
                        pattern: '"bin"\\s*:\\s*"[^"]+"'
                        key: \(yamlDouble(bin.name))
                """)
        } else if !node.bins.isEmpty {
            let folders = Set(
                node.bins.map { bin in
                    bin.path.split(separator: "/").dropLast().filter { $0 != "." }.joined(separator: "/")
                })
            let valuePattern: String
            let comment: String
            if folders.count == 1, let folder = folders.first, !folder.isEmpty {
                valuePattern = "(?:\\./)?" + regexEscaped(folder) + "/[^\"]*"
                comment = "every entry whose file is in \(folder)/, so a new command there is found too"
            } else {
                valuePattern = "[^\"]*"
                comment = "the commands found now; add a new one to the pattern when you add it to \"bin\""
            }
            let names =
                folders.count == 1 && !(folders.first ?? "").isEmpty
                ? "[^\"]+" : node.bins.map { regexEscaped($0.name) }.joined(separator: "|")
            let listed = node.bins.map(\.name).joined(separator: ", ")
            surfaces.append(
                """
                  # The commands the package installs (package.json "bin": \(listed)):
                  # \(comment).
                  bin:
                    extract:
                      regex:
                        files: ["package.json"]
                        pattern: \(yamlSingle("\"(?<name>\(names))\"\\s*:\\s*\"\(valuePattern)\""))
                """)
        }
        if !node.exports.isEmpty {
            let listed = node.exports.joined(separator: ", ")
            surfaces.append(
                """
                  # The entry points other packages import (package.json "exports": \(listed)).
                  # Export subpaths are the only keys of package.json that start with '.'.
                  exports:
                    extract:
                      regex:
                        files: ["package.json"]
                        pattern: '"(?<name>\\.(?:/[^"]*)?)"\\s*:'
                """)
            if node.exports == ["."] {
                surfaces[surfaces.count - 1] = """
                      # The entry point other packages import (package.json "exports" names one: ".").
                      exports:
                        extract:
                          regex:
                            files: ["package.json"]
                            pattern: '"exports"\\s*:\\s*(?:"|\\{)'
                            key: "."
                    """
            }
        }
        return surfaces
    }

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
            "project: \(yamlDouble(project))",
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

    private static func yamlDouble(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func yamlSingle(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func regexEscaped(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }

    /// Every value of the group `group` of `pattern` in `text` (through the policy's own pattern engine).
    private static func allCaptures(_ pattern: String, in text: String, group: String = "value") -> [String] {
        guard let compiled = try? Pattern(pattern), let matches = try? compiled.matches(in: text) else { return [] }
        return matches.compactMap { $0.groups[group] }
    }

    private static func firstCapture(_ pattern: String, in text: String, group: String = "value") -> String? {
        allCaptures(pattern, in: text, group: group).first
    }
}
