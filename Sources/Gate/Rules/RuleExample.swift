import Foundation
import Git
import Lifecycle
import Policy
import Releases
import SemVer
import Surface

/// A release in a rule example: its version, its day, and its surface as list-file lines
/// (`flags:--verbose stability=deprecated`, `metrics:vus type=gauge`).
public struct ExampleRelease: Sendable {
    /// nil for a pull request's head checked without `--version`.
    public var version: String?
    /// `YYYY-MM-DD`.
    public var day: String
    public var items: [String]

    public init(_ version: String?, _ day: String, _ items: [String]) {
        self.version = version
        self.day = day
        self.items = items
    }

    /// A release on an example's default day.
    public init(_ version: String?, _ items: [String]) {
        self.init(version, "2024-06-03", items)
    }
}

/// A minimal scenario for one rule, small enough to read in `semgate explain`: earlier releases, the release judged,
/// and whatever else the rule looks at. Every example runs as a test through the same rule pass as `check`.
public struct RuleExample: Sendable {
    /// What the scenario shows, one line.
    public var title: String
    /// Whether the rule fires on it.
    public var triggers: Bool
    /// Policy lines after `semgate: 1`; a list surface is declared for every surface the items name unless these
    /// lines declare `surfaces:` themselves.
    public var policy: String
    /// Earlier releases, oldest first; the last final one is the base.
    public var history: [ExampleRelease]
    public var head: ExampleRelease
    /// `check --base`: the version of an earlier release to compare with instead of the head's predecessor.
    public var base: String?
    /// `check --allow`.
    public var allow: Bump?
    /// Commit messages since the base, with `signals: [conventional-commits]` in the policy.
    public var commits: [String]?
    /// The version text the code declares (`releases.version-file`).
    public var declaredVersion: String?
    /// Tags read from the repository, for the tag rules.
    public var tags: [String]
    /// A file that does not parse at head, with the parser's message.
    public var syntaxError: String?
    /// A cobra copy under `vendor/` at the base and at head, each as `VERSION BLOB`: the version
    /// `vendor/modules.txt` names and the blob of the copy's `command.go`.
    public var vendoredCobra: (base: String, head: String)?

    public init(
        _ title: String, triggers: Bool, policy: String = "", history: [ExampleRelease] = [],
        head: ExampleRelease = ExampleRelease("1.0.0", []), base: String? = nil, allow: Bump? = nil,
        commits: [String]? = nil,
        declaredVersion: String? = nil, tags: [String] = [], syntaxError: String? = nil,
        vendoredCobra: (base: String, head: String)? = nil
    ) {
        self.title = title
        self.triggers = triggers
        self.policy = policy
        self.history = history
        self.head = head
        self.base = base
        self.allow = allow
        self.commits = commits
        self.declaredVersion = declaredVersion
        self.tags = tags
        self.syntaxError = syntaxError
        self.vendoredCobra = vendoredCobra
    }

    /// The example's policy as YAML.
    public var policyYAML: String {
        var yaml = "semgate: 1\n"
        let surfaces = Set(
            (history + [head]).flatMap(\.items).compactMap { line in
                line.split(separator: ":", maxSplits: 1).first.map(String.init)
            })
        if !policy.contains("surfaces:") && !surfaces.isEmpty {
            yaml += "surfaces:\n"
            for surface in surfaces.sorted() { yaml += "  \(surface):\n    extract:\n      list: \(surface).txt\n" }
        }
        return yaml + policy
    }

    /// The findings the whole rule pass makes on the scenario, with the policy's severities.
    public func run() throws -> [Finding] {
        let policy = try PolicyLoader.load(yaml: policyYAML, file: "semgate.yml", origin: .file(path: "semgate.yml"))
        if !tags.isEmpty {
            let commit = ObjectID(hex: String(repeating: "a", count: 40))
            let references = tags.map {
                TagReference(name: $0, commit: commit, commitDate: Date(timeIntervalSince1970: 0))
            }
            let history = ReleaseHistory(tags: references, policy: policy.releases)
            return RulePass.findings(forTags: history.findings, policy: policy)
        }
        var surfaces: [String: SurfaceSnapshot] = [:]
        var points: [ReleasePoint] = []
        for release in history {
            guard let text = release.version else { continue }
            let version = try Version(text)
            let point = ReleasePoint(version: version, day: try Self.day(release.day))
            points.append(point)
            surfaces[point.tag] = try Self.snapshot(release.items, policy: policy, version: version)
        }
        points.sort { $0.version < $1.version }
        let version = try head.version.map { try Version($0) }
        // The base is the head's predecessor: the greatest final release below it (the last one for a pull request).
        let explicitBase = try self.base.map { try Version($0) }
        let base =
            explicitBase
            ?? points.last { point in
                !point.version.isPrerelease
                    && version.map { point.version < $0 && !point.version.hasSamePrecedence(as: $0) } ?? true
            }?.version
        var before = base.flatMap { surfaces["v\($0)"] } ?? SurfaceSnapshot()
        var after = try Self.snapshot(head.items, policy: policy, version: version)
        if let syntaxError {
            after.problems.append(SourceProblem(message: syntaxError, location: Location(path: "api.go", line: 3)))
        }
        if let vendoredCobra {
            for surface in policy.surfaces.map(\.name) {
                before.vendoredLibraries[surface] = try Self.vendoredCobra(vendoredCobra.base)
                after.vendoredLibraries[surface] = try Self.vendoredCobra(vendoredCobra.head)
            }
        }
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        let required = changes.map(\.bump).reduce(Bump.patch, max)
        var versionFile: VersionFileCheck?
        if let declaredVersion {
            versionFile = VersionFileCheck(
                declared: DeclaredVersion(text: declaredVersion, location: Location(path: "version.go", line: 4)),
                target: version, files: ["version.go"], releasedTag: { _ in nil })
        }
        let context = ReleaseContext(
            policy: policy, release: version?.description, base: base, version: version,
            next: Evaluator.nextVersion(after: base, required: required, policy: policy, preLabel: nil),
            allow: allow, changes: changes, before: before, after: after, day: try Self.day(head.day),
            releases: points, commitMessages: commits, versionFile: versionFile,
            surfaceOfRelease: { point in surfaces[point.tag] ?? SurfaceSnapshot() })
        return try RulePass.findings(for: context)
    }

    /// A cobra copy as ``vendoredCobra`` spells one side of it (`VERSION BLOB [=> REPLACEMENT]`): the package folder
    /// of the published VERSION with command.go's blob BLOB, or as published (`VERSION published`), replaced by
    /// REPLACEMENT (`github.com/example/cobra v1.8.0`) when given.
    private static func vendoredCobra(_ text: String) throws -> [String: VendoredLibrary] {
        var words = text.split(separator: " ").map(String.init)
        var replacement: String?
        if words.count > 3, words[2] == "=>" {
            replacement = words[3...].joined(separator: " ")
            words.removeLast(words.count - 2)
        }
        guard words.count == 2 else { throw ExampleError("bad vendored copy '\(text)'") }
        let module = "github.com/spf13/cobra"
        var files = (PublishedLibraries.files(of: module, version: words[0]) ?? [:]).filter { !$0.key.contains("/") }
        if words[1] != "published" { files["command.go"] = words[1] }
        var library = VendoredLibrary(
            module: module, version: "# \(module) \(words[0])",
            files: files.map { "vendor/\(module)/\($0.key) \($0.value)" }.sorted { Bytewise.precedes($0, $1) },
            replacement: replacement)
        library.copyReplacement = replacement
        return ["\t" + module: library]
    }

    private static func day(_ text: String) throws -> CalendarDay {
        guard let day = CalendarDay(iso: text) else { throw ExampleError("bad day '\(text)'") }
        return day
    }

    private static func snapshot(_ lines: [String], policy: Policy, version: Version?) throws -> SurfaceSnapshot {
        var snapshot = SurfaceSnapshot()
        for (index, line) in lines.enumerated() {
            let words = line.split(separator: " ").map(String.init)
            guard let id = words.first, let colon = id.firstIndex(of: ":") else {
                throw ExampleError("bad item '\(line)'")
            }
            var attributes: [String: String] = [:]
            var stability = Stability.stable
            for word in words.dropFirst() {
                let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { throw ExampleError("bad attribute '\(word)'") }
                if pair[0] == "stability" {
                    guard let value = Stability(rawValue: pair[1]) else { throw ExampleError("bad stability") }
                    stability = value
                } else {
                    attributes[pair[0]] = pair[1]
                }
            }
            // As the surface reader does: under `hidden: experimental` a hidden item promises nothing.
            if stability == .stable && policy.hidden == .experimental && attributes["hidden"] == "true" {
                stability = .experimental
            }
            let surface = String(id[..<colon])
            let item = SurfaceItem(
                surface: surface, key: String(id[id.index(after: colon)...]), attributes: attributes,
                stability: stability, location: Location(path: "\(surface).txt", line: index + 1))
            snapshot.items[item.id] = item
        }
        snapshot.applyDeclaredDeprecations(of: policy, at: version)
        return snapshot
    }
}

/// A rule example that is not well formed (a mistake in a rule file, caught by the examples' test).
public struct ExampleError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension SurfaceSnapshot {
    /// Marks deprecated the stable items the policy's `deprecations:` declares as of `version`.
    mutating func applyDeclaredDeprecations(of policy: Policy, at version: Version?) {
        for id in policy.declaredDeprecated(in: items, at: version) {
            guard var item = items[id], item.stability == .stable else { continue }
            item.stability = .deprecated
            items[id] = item
        }
    }
}
