import Foundation
import Git
import Pattern
import Policy
import Releases
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

    /// Looks at `repository` at `revision` (HEAD, or the working tree when there are no commits yet) and writes the
    /// draft.
    public init(repository: Repository, revision: String? = nil) throws(GateError) {
        // The committed files at the revision are what every release and check will read; a repository without
        // commits yet is judged by its working tree.
        let files: any FileTree
        let root: ObjectID?
        if let revision {
            let commit = try wrap { () throws(GitError) in try repository.resolve(revision) }
            files = repository
            root = try wrap { () throws(GitError) in try repository.rootTree(of: commit) }
        } else if let head = try? repository.resolve("HEAD") {
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
        let references = try wrap { () throws(GitError) in try repository.tags() }
        let tags = references.map(\.name)
        let dates = Self.tagDates(references)
        var reader = ProjectFiles(files: files, root: root)
        // The project's name as the files say it (the programs, which may name it, are not known yet): the tag line
        // named after it is the template (`rankedPrefixes`), and its releases are those read besides.
        let named = try Self.projectName(reader, programs: [], repository: repository).name
        // A repository of Go modules with none at its root, whose template names a module's folder (kustomize's
        // `kustomize/v5.4.1`, `kustomize/go.mod`): the Go surfaces are that module's; the other modules tag lines of
        // their own.
        let moduleFolder = try wrap { () throws(GitError) in
            try Self.moduleFolder(of: tags, project: named, dates: dates, in: reader)
        }
        reader.moduleFolder = moduleFolder
        let releasePrefix = Self.rankedPrefixes(Self.parsedTags(tags), project: named, dates: dates).first?.prefix
        reader.tags = tags
        reader.releasePrefix = releasePrefix
        if let root, !(files is WorkingTree) {
            // The latest releases too, through one cache: most of their files are the revision's own.
            let cached = CachingFileTree(files)
            reader = ProjectFiles(files: cached, root: root)
            reader.moduleFolder = moduleFolder
            reader.tags = tags
            reader.releasePrefix = releasePrefix
            var seen: Set<ObjectID> = [root]
            let earlier = Self.recentReleases(tags, before: revision, project: named, dates: dates)
            reader.earlier = earlier.compactMap { tag in
                guard let commit = try? repository.resolve(tag), let tree = try? repository.rootTree(of: commit),
                    seen.insert(tree).inserted
                else { return nil }
                var release = ProjectFiles(files: cached, root: tree)
                release.moduleFolder = moduleFolder
                return release
            }
        }
        // The greatest release of the tag line, to check what a Go file says its version is against what it said there.
        let release = Self.recentReleases(tags, before: revision, project: named, dates: dates).first.flatMap {
            tag -> LatestRelease? in
            guard let version = Self.parsedTags([tag]).first?.version, let commit = try? repository.resolve(tag),
                let tree = try? repository.rootTree(of: commit)
            else { return nil }
            return LatestRelease(tag: tag, version: version, files: ProjectFiles(files: reader.files, root: tree))
        }
        let (versionFile, versionFinding) = try Self.versionFile(reader, release: release)
        if let versionFile { findings.append("a version in the code: \(versionFile.version) in \(versionFile.path)") }
        if let versionFinding { findings.append(versionFinding) }
        var surfaces: [DraftEntry] = []
        var experimental: [String] = []
        var hidden: [String] = []
        var surfaceFindings: [String] = []
        var read: [(surface: String, folders: [String])] = []
        var programs: [(name: String, items: Int)] = []
        for kind in Extractors.all {
            for proposal in try wrap({ () throws(GitError) in try kind.propose(for: reader) }) {
                if let finding = proposal.finding { surfaceFindings.append(finding) }
                if let program = proposal.program { programs.append(program) }
                if let surface = proposal.surface {
                    surfaces.append(surface)
                    if let name = surface.key { read.append((name, proposal.folders)) }
                }
                experimental += proposal.experimental.filter { !experimental.contains($0) }
                hidden += proposal.hidden
            }
        }
        let (project, source) = try Self.projectName(reader, programs: programs, repository: repository)
        let releases = Self.releases(
            tags: tags, versionFile: versionFile, project: project, dates: dates,
            outOfLine: { template, ignore in
                Self.outOfLineReleases(
                    references, template: template, ignore: ignore,
                    head: try? repository.resolve(revision ?? "HEAD"), repository: repository)
            },
            unread: { template, ignore in
                Self.unreadReleases(
                    references, template: template, ignore: ignore, read: read,
                    own: root.map { RootProgram(tree: $0, files: files) } ?? RootProgram(), repository: repository)
            },
            patchPromise: { try? PatchPromise.find(in: reader) })
        findings += releases.findings + surfaceFindings
        var entries = [
            DraftEntry("semgate", .integer(1), comments: Self.header(project: project, findings: findings)),
            DraftEntry("project", .string(project), comments: ["The name reports give the project: \(source)."]),
            releases.entry,
        ]
        if !surfaces.contains(where: { $0.key != nil }) {
            // Surfaces drafted commented out (a Go API nothing says is for others) go under the example's `surfaces:`.
            let commented = surfaces.flatMap { $0.comments.map { $0.isEmpty ? "" : "  " + $0 } }
            entries.append(DraftEntry(comments: [""] + Self.noSurface + commented))
        } else {
            entries.append(
                DraftEntry(
                    "surfaces", .mapping(surfaces),
                    comments: [
                        "",
                        "The allow-list: only what these extractors find is promised stable; everything else may change.",
                        "Check what they find with `semgate surface`, and commit a snapshot with `semgate surface --write`.",
                    ]))
        }
        if experimental.isEmpty {
            entries.append(
                DraftEntry(comments: [
                    "",
                    "Items that are not (yet) promised although an extractor finds them: surface:key globs.",
                    #"experimental: ["packages:**/experimental/**"]"#,
                ]))
        } else {
            entries.append(
                DraftEntry(
                    "experimental", .list(experimental.map(DraftNode.string)),
                    comments: [
                        "",
                        "Folders, commands and flags whose names (or annotations, or a flag's usage) say experimental,",
                        "alpha or beta: what they hold is not promised yet.",
                    ]
                        + (experimental.contains { $0.contains(" * -") }
                            ? [
                                "`TOOL * --NAME` covers the flag of that name on every command, also on commands a later",
                                "release adds: list the keys instead if such a flag is promised there.",
                            ] : [])))
        }
        if !hidden.isEmpty { entries.append(Self.hiddenEntry(hidden)) }
        entries.append(DraftEntry(comments: [""] + Self.support))
        entries.append(
            DraftEntry(comments: [
                "",
                "Opt in to commit messages as a second signal (Conventional Commits: feat!: asks for major).",
                "signals: [conventional-commits]",
            ]))
        entries.append(
            DraftEntry(
                "rules", .mapping([DraftEntry("removed-without-deprecation", .string("error"))]),
                comments: [
                    "",
                    "Severity per rule: error, warning or off (see `semgate help`, semgate's docs/rules.md).",
                ]))
        do {
            yaml = try DraftYAML.render(entries)
        } catch {
            throw GateError.usage("semgate init could not write the draft: \(error.description)")
        }
    }

    /// `hidden: experimental`, naming what the command line hides from its help.
    private static func hiddenEntry(_ hidden: [String]) -> DraftEntry {
        let named = hidden.prefix(4).map { "'\($0)'" }.joined(separator: ", ")
        let more = hidden.count > 4 ? " and \(hidden.count - 4) more" : ""
        return DraftEntry(
            "hidden", .string(HiddenItems.experimental.rawValue),
            comments: [
                "",
                "The command line hides \(named)\(more) from its help (a hidden command hides what is under it).",
                "Hidden commands and flags are not promised here: removing one needs no major; hiding a promised one",
                "deprecates it (a minor). Write `hidden: promised` if users rely on them.",
            ])
    }

    // MARK: Reading

    /// A Go module's name: the last element of its path, without a major-version suffix (go.k6.io/k6/v2 is `k6`).
    static func moduleName(_ module: String) -> String {
        let parts = module.split(separator: "/").map(String.init)
        if let last = parts.last, last.first == "v", Int(last.dropFirst()) != nil, parts.count > 1 {
            return parts[parts.count - 2]
        }
        return parts.last ?? module
    }

    /// Last elements of module paths that say what kind of thing a module is, not which one (tektoncd/cli, cli/cli,
    /// docker/cli): a maintainer names such a project after its program (`tkn`, `gh`, `docker`).
    static let kindWords: Set<String> = [
        "cli", "cmd", "command", "commands", "app", "client", "tool", "tools", "main", "src", "repo",
    ]

    /// The project's name and where it came from: the package manifest's name, else the Go module's last element
    /// (unless it is one of ``kindWords``), else its command line's root command (the program with the most items
    /// among `programs`), else the repository's folder.
    private static func projectName(
        _ reader: ProjectFiles, programs: [(name: String, items: Int)], repository: Repository
    ) throws(GateError) -> (name: String, source: String) {
        if let text = try reader.read("package.json"), let name = RegexExtractorSpec.NodePackage(json: text).name {
            return (name.split(separator: "/").last.map(String.init) ?? name, "package.json's name")
        }
        if let manifest = try reader.read("Package.swift"),
            let name = firstCapture(#"Package\(\s*name:\s*"(?<value>[^"]+)""#, in: manifest)
        {
            return (name, "Package.swift's name")
        }
        // The program users run, when there is one: the largest command line (docker's, not its trust plugin's).
        let program = programs.max { ($0.items, $1.name) < ($1.items, $0.name) }?.name
        var moduleFile = "go.mod"
        var goMod = try reader.read(moduleFile)
        if goMod == nil {
            // docker/cli keeps its module path in `vendor.mod`.
            moduleFile = "vendor.mod"
            goMod = try reader.read(moduleFile)
        }
        if let goMod, let module = ProjectFiles.goModule(goMod) {
            let name = moduleName(module)
            if let program, program != name, kindWords.contains(name.lowercased()) {
                return (
                    program,
                    "the root command of its command line (the module \(module) ends in '\(name)', which says "
                        + "what kind of program it is, not which)"
                )
            }
            return (name, "the last element of the Go module's path, \(module) (\(moduleFile))")
        }
        // No module at the root (kustomize: api/, kyaml/, kustomize/ are modules of their own): the path their modules
        // share (sigs.k8s.io/kustomize), when it is more than a host.
        if let shared = try nestedModulesPrefix(reader) {
            let name = moduleName(shared)
            if let program, program != name, kindWords.contains(name.lowercased()) {
                return (program, "the root command of its command line (the modules' shared path \(shared) ends in '\(name)')")
            }
            return (name, "the last element of the path the repository's Go modules share, \(shared)")
        }
        if let program { return (program, "the root command of its command line") }
        let folder = URL(fileURLWithPath: repository.workingDirectory ?? repository.gitDirectory).standardized
        let name =
            folder.lastPathComponent == ".git"
            ? folder.deletingLastPathComponent().lastPathComponent
            : folder
                .lastPathComponent
        return (name.hasSuffix(".git") ? String(name.dropLast(4)) : name, "the repository's folder")
    }

    /// The longest path the nested Go modules' paths share (at most the first 64 modules read), when there are two or
    /// more and it has a host and a name; nil otherwise.
    static func nestedModulesPrefix(_ reader: ProjectFiles) throws(GateError) -> String? {
        let roots = try wrap { () throws(GitError) in try reader.goModules() }.map(\.root).filter { !$0.isEmpty }
        var shared: [Substring]?
        var count = 0
        for root in roots.prefix(64) {
            guard let text = try reader.read(root + "/go.mod"), let module = ProjectFiles.goModule(text) else {
                continue
            }
            count += 1
            let parts = module.split(separator: "/")
            guard let known = shared else {
                shared = parts
                continue
            }
            shared = Array(zip(known, parts).prefix { $0 == $1 }.map(\.0))
        }
        guard count >= 2, let shared, shared.count >= 2 else { return nil }
        return shared.joined(separator: "/")
    }

    // MARK: Releases

    /// The tag template most SemVer tags follow (`v{version}`, `{version}`, `cli/v{version}`), globs for the tag
    /// families under it that are not releases and for the tags `outOfLine` finds to be tags of something else (given
    /// the template and those globs), and what was seen.
    /// How many of the latest releases init reads besides the drafted revision (as many as the trial judges).
    static let recentReleaseCount = 10
    /// How many older releases init reads besides the latest ones, spread evenly over the history (the oldest among
    /// them), for a layout or module path the project had long ago (chezmoi's command line in `cmd/` until 2.0.12,
    /// `pkg/cmd/` from 2.11.0 to 2.36.0; k3d's module `github.com/rancher/k3d/v5` until 5.4).
    static let spreadReleaseCount = 12
    /// Of how many majors (the greatest first) init reads the first and the last release besides.
    static let majorsSampled = 8

    /// The release tags (the most common prefix, no pre-releases) init reads besides the drafted revision, each once,
    /// newest first: the latest `recentReleaseCount`, the first and last of each of the greatest `majorsSampled`
    /// majors, and `spreadReleaseCount` spread evenly over the older ones; when drafting from a release (`--rev
    /// v3.21.4`), those up to it.
    static func recentReleases(
        _ tags: [String], before revision: String?, project: String? = nil, dates: [String: Date] = [:]
    ) -> [String] {
        let parsed = parsedTags(tags).filter { $0.version.prerelease.isEmpty }
        guard let prefix = rankedPrefixes(parsedTags(tags), project: project, dates: dates).first?.prefix else {
            return []
        }
        let cap = revision.flatMap { revision in parsed.first { $0.tag == revision }?.version }
        let all = parsed.filter { entry in entry.prefix == prefix && (cap.map { entry.version <= $0 } ?? true) }
            .sorted { ($0.version, $1.tag) > ($1.version, $0.tag) }
        var chosen = Set(all.indices.prefix(recentReleaseCount))
        // The first and the last release of each major (the list is newest first: its last entry is the first).
        var majors: [UInt64: (newest: Int, oldest: Int)] = [:]
        for (index, entry) in all.enumerated() {
            let major = entry.version.major
            majors[major] = (majors[major]?.newest ?? index, index)
        }
        for major in majors.keys.sorted(by: >).prefix(majorsSampled) {
            if let ends = majors[major] { chosen.formUnion([ends.newest, ends.oldest]) }
        }
        let older = Array(all.indices.dropFirst(recentReleaseCount))
        if older.count <= spreadReleaseCount {
            chosen.formUnion(older)
        } else {
            for step in 0..<spreadReleaseCount {
                chosen.insert(older[step * (older.count - 1) / (spreadReleaseCount - 1)])
            }
        }
        return chosen.sorted().map { all[$0].tag }
    }

    static func releases(
        tags: [String], versionFile: VersionFile? = nil, project: String? = nil, dates: [String: Date] = [:],
        outOfLine: (_ template: String, _ ignore: [String]) -> [OutOfLineRelease] = { _, _ in [] },
        unread: (_ template: String, _ ignore: [String]) -> [UnreadRelease] = { _, _ in [] },
        patchPromise: () -> PatchPromise? = { nil }
    ) -> (entry: DraftEntry, findings: [String]) {
        let tagsRead = parsedTags(tags)
        var parsed: [String: (prefix: String, version: Version)] = [:]
        for entry in tagsRead { parsed[entry.tag] = (entry.prefix, entry.version) }
        let ranked = rankedPrefixes(tagsRead, project: project, dates: dates)
        let stopped = stoppedFamily(tagsRead, dates: dates)
        // SemVer tags whose prefix a template cannot spell (`x{y}/v1.2.0`): named, not audited.
        let braced = tags.filter { tag in
            guard let start = tag.firstIndex(where: \.isNumber), Version.parse(String(tag[start...])) != nil else {
                return false
            }
            return tag[..<start].contains { $0 == "{" || $0 == "}" }
        }
        let bracedNote = braced.max().map { example in
            "\(braced.count) tag\(braced.count == 1 ? "" : "s") like '\(example)' whose prefix holds braces, which a tag "
                + "template cannot spell (`{` opens its placeholder): not audited; rename them to audit them"
        }
        guard let (prefix, versions) = ranked.first else {
            let entry = DraftEntry(
                "releases",
                .mapping(
                    [
                        DraftEntry(
                            "tag", .string("v{version}"),
                            comments: [
                                "No release tags yet: the first release is 'v0.1.0' (or 'v1.0.0' once the surface is promised)."
                            ] + (bracedNote.map { ["Also seen: \($0)."] } ?? [])),
                        DraftEntry(
                            "initial-development", .string("semver"),
                            comments: ["0.y.z: anything may change (SemVer item 4); or shifted"]),
                    ] + versionFileEntries(versionFile, latest: nil)),
                comments: [""])
            return (entry, ["no release tags yet"] + (bracedNote.map { [$0] } ?? []))
        }
        var ignore = ignoredFamilies(tags: tags.filter { $0.hasPrefix(prefix) }, prefix: prefix)
        // Tags under the template from the era of the line the project stopped tagging (compose's `v1.25.2`, a Python
        // release among the `1.x.y` ones): not releases of what the template audits.
        var eraTags: [String] = []
        if let stopped, stopped.successor == prefix {
            eraTags = tagsRead.filter { entry in
                entry.prefix == prefix && dates[entry.tag].map { $0 <= stopped.newest } == true
            }.map(\.tag).sorted()
            if eraTags.count <= maximumEraTags {
                let globs = eraTags.compactMap(exactGlob)
                ignore.globs += globs
                if !globs.isEmpty {
                    let day = Self.day(stopped.newest)
                    ignore.reasons.append("\(globs.count) tagged by \(day) with the line the project stopped tagging")
                }
            }
        }
        // Another program's tags first: they would confuse the search for tags off their line.
        let unreadTags = unread(prefix + "{version}", ignore.globs).filter { exactGlob($0.tag) != nil }
        if !unreadTags.isEmpty {
            ignore.globs += unreadTags.compactMap { exactGlob($0.tag) }
            ignore.reasons.append("\(unreadTags.count) whose trees lack what the surfaces read")
        }
        let elsewhere = outOfLine(prefix + "{version}", ignore.globs).filter { exactGlob($0.release.tag) != nil }
        if !elsewhere.isEmpty {
            ignore.globs += elsewhere.compactMap { exactGlob($0.release.tag) }
            ignore.reasons.append("\(elsewhere.count) that look like tags of something else")
        }
        // The releases are what the template takes and `ignore` leaves (`v2.18.0-abc-nightly` is not the greatest).
        let globs = ignore.globs.compactMap { try? Glob($0) }
        let releases = tags.compactMap { tag in
            parsed[tag].flatMap { found in
                found.prefix == prefix && !globs.contains { $0.matches(tag) } ? found.version : nil
            }
        }
        let latest = (releases.isEmpty ? versions : releases).max() ?? Version(major: 0, minor: 0, patch: 0)
        let count = releases.isEmpty ? versions.count : releases.count
        var findings = ["\(count) release tag\(count == 1 ? "" : "s") like '\(prefix)\(latest)'"]
        var tagComments = [
            "\(count) release tag\(count == 1 ? "" : "s") follow\(count == 1 ? "s" : "") this template; the greatest is "
                + "\(prefix)\(latest)."
        ]
        let first = (releases.isEmpty ? versions : releases).min()
        for (other, found) in ranked.dropFirst() {
            let like = "\(found.count) tag\(found.count == 1 ? "" : "s") like '\(other)\(found.max() ?? latest)'"
            // The most common line, which the project stopped tagging: chosen by count, the audit would judge only
            // releases whose code is not the project's today (review I4).
            if let stopped, stopped.prefix == other, stopped.successor == prefix {
                let day = Self.day(stopped.newest)
                findings.append(
                    "\(like), the newest tagged \(day), before \(stopped.after) of '\(prefix){version}': a tag line the "
                        + "project stopped tagging, left out although it has more tags")
                tagComments.append(
                    "Chosen over the most common line: \(like), the newest tagged \(day), while \(stopped.after) tags of "
                        + "this template came after it. The project stopped tagging that line; this template does not "
                        + "audit it (a second policy with tag: \"\(other){version}\" can, over that era's code)."
                        + (eraTags.count > maximumEraTags
                            ? " \(eraTags.count) tags under this template were tagged by then too (\(eraTags[0]) ...): "
                                + "list those that are not releases of this line under ignore." : ""))
                continue
            }
            // Every one older than the first release: most likely the releases from before the project took this
            // prefix (k9s tagged 0.1.0 to 0.12.0, then v0.13.0 on); they are not audited, which the author must know.
            if let first, let newest = found.max(), newest < first {
                findings.append("\(like), all older than \(prefix)\(first): not releases under this template")
                tagComments.append(
                    "Also seen: \(like), all older than \(prefix)\(first), the first release under this template: "
                        + "earlier releases under another prefix, or another component? This template does not audit "
                        + "them (a second policy with tag: \"\(other){version}\" can).")
                continue
            }
            // Releases tagged twice for a while, under both prefixes (yq tagged 2.0.1 and v2.0.1, then only 3.0.0 to
            // 4.0.0, then v4.1.0 on): the same versions, and every other one older than the first release only this
            // template has. The project's releases from before it settled on this prefix, not another component.
            let twins = Set(found).intersection(releases.isEmpty ? versions : releases)
            if !twins.isEmpty, let newest = found.max(),
                let firstOwn = (releases.isEmpty ? versions : releases).filter({ !twins.contains($0) }).min(),
                newest < firstOwn, let lowTwin = twins.min(), let highTwin = twins.max()
            {
                let same =
                    twins.count == 1
                    ? "\(prefix)\(lowTwin) is the same version"
                    : "\(twins.count) of them (\(prefix)\(lowTwin) to \(prefix)\(highTwin)) are the same versions"
                findings.append(
                    "\(like), all older than \(prefix)\(firstOwn): earlier releases under another prefix")
                tagComments.append(
                    "Also seen: \(like), all older than \(prefix)\(firstOwn), the first release only this template "
                        + "tags, and \(same) under this template: the releases from before the project settled on "
                        + "'\(prefix)', tagged both ways for a while. This template does not audit the others (a second "
                        + "policy with tag: \"\(other){version}\" can).")
                continue
            }
            tagComments.append(
                "Also seen: \(like) (another component? a second policy with tag: \"\(other){version}\" can check it).")
        }
        if let bracedNote {
            findings.append(bracedNote)
            tagComments.append("Also seen: \(bracedNote).")
        }
        var entries = [DraftEntry("tag", .string(prefix + "{version}"), comments: tagComments)]
        if !ignore.globs.isEmpty {
            var said: [String] = []
            if !ignore.reasons.isEmpty {
                said.append(
                    "Tags under the template that are not releases: " + ignore.reasons.joined(separator: "; ") + ".")
            }
            if let preSemVer = ignore.preSemVer {
                said.append("Left out too: " + preSemVer + ".")
                findings.append(preSemVer)
            }
            findings.append(
                (ignore.reasons.isEmpty
                    ? "tags under the template left out: " : "tags under the template that are not releases: ")
                    + ignore.globs.joined(separator: ", "))
            entries.append(
                DraftEntry(
                    "ignore", .list(ignore.globs.map(DraftNode.string)),
                    comments: said + unreadComment(unreadTags) + outOfLineComments(elsewhere)
                ))
        }
        // Still 0.y.z, and the project's documents say patch releases carry fixes: it numbers releases as Cargo reads
        // them, which `shifted` checks (under `semver` every finding before 1.0.0 would be a note).
        let promise = latest.major == 0 ? patchPromise() : nil
        if let promise {
            findings.append("0.y.z releases whose patches carry fixes (\(promise.path):\(promise.line))")
            entries.append(
                DraftEntry(
                    "initial-development", .string("shifted"),
                    comments: [
                        "Still 0.y.z, and \(promise.path):\(promise.line) says patch releases carry fixes: a 0.y.z bump "
                            + "is judged as a minor and a 0.y bump as a major, so a patch that breaks is an error. "
                            + "'semver' (SemVer item 4: anything may change) makes every finding before 1.0.0 a note."
                    ]))
        } else {
            entries.append(
                DraftEntry(
                    "initial-development", .string("semver"),
                    comments: [
                        latest.major == 0
                            ? "Still 0.y.z: anything may change (SemVer item 4), so every finding is a note; "
                                + "'shifted' judges a 0.y.z bump as a minor and a 0.y bump as a major, if patches carry "
                                + "fixes only."
                            : "How 0.y.z releases before 1.0.0 are judged (SemVer item 4); 'shifted' is stricter."
                    ]))
        }
        entries += versionFileEntries(versionFile, latest: latest)
        return (DraftEntry("releases", .mapping(entries), comments: [""]), findings)
    }

    /// A tag read as a prefix and a SemVer version, which starts at the tag's first digit (`v1.2.3`, `cli/v1.2.3`).
    struct ParsedTag {
        let tag: String
        let prefix: String
        let version: Version
    }

    /// The tags whose text from the first digit on is a SemVer version, in order.
    static func parsedTags(_ tags: [String]) -> [ParsedTag] {
        tags.compactMap { tag in
            guard let start = tag.firstIndex(where: \.isNumber), let version = Version.parse(String(tag[start...])),
                // A template cannot spell a prefix with braces (`x{y}/v1.0.0`: `{` opens a placeholder).
                !tag[..<start].contains(where: { $0 == "{" || $0 == "}" })
            else { return nil }
            return ParsedTag(tag: tag, prefix: String(tag[..<start]), version: version)
        }
    }

    /// The prefixes of `parsed` with their versions, the most common first (equals by prefix); but the line that
    /// took over from a most common line the project stopped tagging comes first (``stoppedFamily(_:dates:)``:
    /// docker/compose's 151 tags of its Python releases, `1.29.2`, before 136 `v` tags of its Go rewrite); and a
    /// line named after `project` comes first (kustomize's `kustomize/v5.4.1` beside its libraries' more frequent
    /// `kyaml/v0.18.1` and `api/v0.17.2`), when it has `minimumNamedReleases`, a tenth as many as the most common,
    /// and a newest version no lower than the newest of each line ranked above it: a line the project tagged long ago
    /// (`tool-v0.3.0`, its old tag style, before `v1.23.0`) is not its current one. `dates` gives each tag's date
    /// (``tagDates(_:)``); without them, counts alone rank.
    static func rankedPrefixes(
        _ parsed: [ParsedTag], project: String? = nil, dates: [String: Date] = [:]
    ) -> [(prefix: String, versions: [Version])] {
        var versions: [String: [Version]] = [:]
        for entry in parsed { versions[entry.prefix, default: []].append(entry.version) }
        var ranked = versions.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.map { ($0.key, $0.value) }
        if let stopped = stoppedFamily(parsed, dates: dates),
            let successor = ranked.firstIndex(where: { $0.0 == stopped.successor })
        {
            ranked.insert(ranked.remove(at: successor), at: 0)
        }
        guard let project, let most = ranked.first?.1.count,
            let named = ranked.firstIndex(where: { prefix, versions in
                versions.count >= minimumNamedReleases && versions.count * 10 >= most
                    && Self.prefix(prefix, names: project)
            }), named > 0, let newest = ranked[named].1.max(),
            ranked[..<named].allSatisfy({ line in line.1.max().map { $0 <= newest } ?? true })
        else { return ranked }
        ranked.insert(ranked.remove(at: named), at: 0)
        return ranked
    }

    static let minimumNamedReleases = 3
    /// The most tags under the template from the era of a stopped line that are proposed for `ignore` one by one.
    static let maximumEraTags = 16

    /// A date as a day, `2021-05-10` (UTC).
    static func day(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
    }

    /// The most common tag line when the project stopped tagging it and went on under another prefix, and that other
    /// line: the one with the most tags dated after the most common line's newest, when they are at least
    /// `minimumNamedReleases` and a tenth as many as the most common line has. docker/compose tagged 151 Python
    /// releases (`1.0.0` to `1.29.2`, the last in May 2021) and then 136 `v` tags of its Go rewrite (`v2.0.0` on,
    /// all after): counted, the Python releases win, and their trees hold no Go code, so every surface the draft
    /// proposes from HEAD finds nothing there and the audit passes. Two lines still tagged side by side (a library
    /// and its program) have few tags after the other's newest; a line that stopped is not the project's current one.
    static func stoppedFamily(
        _ parsed: [ParsedTag], dates: [String: Date]
    ) -> (prefix: String, count: Int, newest: Date, successor: String, after: Int)? {
        guard !dates.isEmpty else { return nil }
        var lines: [String: (count: Int, newest: Date?)] = [:]
        for entry in parsed {
            let date = dates[entry.tag]
            var line = lines[entry.prefix] ?? (0, nil)
            line.count += 1
            if let date, line.newest.map({ $0 < date }) ?? true { line.newest = date }
            lines[entry.prefix] = line
        }
        guard
            let most = lines.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }),
            let newest = most.value.newest
        else { return nil }
        var after: [String: Int] = [:]
        for entry in parsed where entry.prefix != most.key {
            if let date = dates[entry.tag], date > newest { after[entry.prefix, default: 0] += 1 }
        }
        let needed = max(minimumNamedReleases, (most.value.count + 9) / 10)
        guard
            let successor = after.filter({ $0.value >= needed })
                .max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
        else { return nil }
        return (most.key, most.value.count, newest, successor.key, successor.value)
    }

    /// Each tag's date as the releases read it: the tagger date of an annotated tag, else its commit's date.
    static func tagDates(_ references: [TagReference]) -> [String: Date] {
        var dates: [String: Date] = [:]
        for reference in references {
            if let date = reference.taggerDate ?? reference.commitDate { dates[reference.name] = date }
        }
        return dates
    }

    /// The folder of the Go module the template's tag line is of, when the repository has no module at its root
    /// (`go.mod` or `vendor.mod`) and the prefix is a folder (`kustomize/v`, `kustomize/`) that has a `go.mod`.
    static func moduleFolder(
        of tags: [String], project: String, dates: [String: Date] = [:], in reader: ProjectFiles
    ) throws(GitError) -> String? {
        guard try reader.text("go.mod") == nil, try reader.text("vendor.mod") == nil,
            var prefix = rankedPrefixes(parsedTags(tags), project: project, dates: dates).first.map({
                Substring($0.prefix)
            })
        else { return nil }
        if prefix.hasSuffix("v") { prefix = prefix.dropLast() }
        guard prefix.hasSuffix("/") else { return nil }
        let folder = String(prefix.dropLast())
        guard !folder.isEmpty, !folder.hasPrefix("/"), !folder.split(separator: "/", omittingEmptySubsequences: false)
            .contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
            try reader.text(folder + "/go.mod") != nil
        else { return nil }
        return folder
    }

    /// Whether a tag prefix is `project`'s name followed by a separator and perhaps `v` (`kustomize/v`, `tool-v`,
    /// `tool/`), by ASCII case.
    static func prefix(_ prefix: String, names project: String) -> Bool {
        var name = Substring(prefix)
        if name.hasSuffix("v") { name = name.dropLast() }
        guard let last = name.last, "/-_@".contains(last) else { return false }
        name = name.dropLast()
        return !name.isEmpty && name.lowercased() == project.lowercased()
    }

    /// Pre-release identifiers that releases use; others (`-release1`, `-nightly`, `-test`) name tag families that
    /// are not releases.
    private static let releaseIdentifiers = ["alpha", "beta", "rc", "pre", "preview", "dev", "canary", "next"]

    /// Globs for the tag families under `prefix` that the releases leave out: nightlies, helper tags whose pre-release
    /// part is not a release word (`v1.4.1-release1`), and tags without a SemVer version (`v2-catalog-test`).
    ///
    /// `reasons` says what the families are; `preSemVer` says the same of the two-part ones (`v0.20`, `v1.42`), which
    /// are releases numbered without a patch part (hugo tagged minors `v0.20` and patches `v0.20.1`; rclone numbered
    /// `v1.00` to `v1.42` before SemVer): SemVer cannot read them, so they are left out, but they are not "not
    /// releases", and the author must know the audit skips them.
    static func ignoredFamilies(
        tags: [String], prefix: String
    ) -> (globs: [String], reasons: [String], preSemVer: String?) {
        var globs: [String] = []
        var reasons: [String] = []
        var preSemVer: String?
        var families: [String: Int] = [:]
        var unversioned: [String] = []
        for tag in tags {
            let rest = String(tag.dropFirst(prefix.count))
            if tag.lowercased().contains("nightly") {
                families["nightly", default: 0] += 1
                continue
            }
            guard let version = Version.parse(rest) else {
                unversioned.append(tag)
                continue
            }
            guard let first = version.prerelease.first?.description.lowercased() else { continue }
            let word = String(first.prefix { $0.isLetter })
            if word.isEmpty || releaseIdentifiers.contains(where: { word.hasPrefix($0) }) { continue }
            families[word, default: 0] += 1
        }
        for (word, count) in families.sorted(by: { $0.key < $1.key }) {
            globs.append(word == "nightly" ? "*nightly*" : "\(prefix)*-\(word)*")
            reasons.append("\(count) \(word == "nightly" ? "nightly" : "'-\(word)'") tag\(count == 1 ? "" : "s")")
        }
        if !unversioned.isEmpty {
            // A few are named one by one; many share the prefix and a glob says so. Short versions (`v1`, `v1.10`)
            // get a glob of their shape (`v[0-9].[0-9][0-9]`): with fewer than two dots it cannot match a release.
            var shapes: [String] = []
            var others: [String] = []
            // Two-part versions (`v0.20`), by their numbers: releases numbered without a patch part.
            var twoPart: [(tag: String, major: Int, minor: Int)] = []
            for tag in unversioned.sorted() {
                let rest = tag.dropFirst(prefix.count)
                if unversioned.count > 5, let first = rest.first, first.isASCII, first.isNumber,
                    rest.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }), rest.count(where: { $0 == "." }) < 2
                {
                    let shape = prefix + rest.map { $0 == "." ? "." : "[0-9]" }.joined()
                    if !shapes.contains(shape) { shapes.append(shape) }
                    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
                    if parts.count == 2, let major = Int(parts[0].prefix(9)), let minor = Int(parts[1].prefix(9)) {
                        twoPart.append((tag, major, minor))
                    }
                } else {
                    others.append(tag)
                }
            }
            globs += shapes
            if others.count <= 5 {
                globs += others
            } else {
                globs.append(prefix.isEmpty ? "[!0-9]*" : prefix + "[!0-9]*")
            }
            let unread = unversioned.count - twoPart.count
            if unread > 0 { reasons.append("\(unread) without a SemVer version") }
            let ordered = twoPart.sorted { ($0.major, $0.minor, $0.tag) < ($1.major, $1.minor, $1.tag) }
            if let low = ordered.first, let high = ordered.last {
                let span = ordered.count == 1 ? low.tag : "\(low.tag) to \(high.tag)"
                preSemVer =
                    "\(ordered.count) release\(ordered.count == 1 ? "" : "s") numbered without a patch part (\(span)): "
                    + "SemVer cannot read \(ordered.count == 1 ? "it" : "them"), so the audit leaves "
                    + "\(ordered.count == 1 ? "it" : "them") out and compares the release after each with the last "
                    + "three-part one"
            }
        }
        return (globs, reasons, preSemVer)
    }

    /// A file that declares the project's version, the pattern that reads it, and what it says now.
    struct VersionFile {
        let path: String
        let pattern: String
        let version: String
    }

    private static let goVersionPattern = #"(?m)^\s*(?:const\s+|var\s+)?Version\s*=\s*"(?<version>[^"]+)""#
    private static let nodeVersionPattern = #""version"\s*:\s*"(?<version>[^"]+)""#

    /// The greatest release of the tag line and its files.
    struct LatestRelease {
        let tag: String
        let version: Version
        let files: ProjectFiles
    }

    /// package.json's `version`, else the shallowest Go file that sets `Version = "1.2.3"` and said the release's
    /// version at `release` (the greatest release; any such file when there is none or it cannot be read). A `Version`
    /// that is another thing's (a license list's `3.28.0`, a protocol's) disagrees with the release there: checked
    /// against every tag, it would be a `version-file-mismatch` at every release. The second value says why no
    /// file was proposed when Go files set a version but none agreed.
    private static func versionFile(_ reader: ProjectFiles, release: LatestRelease?) throws(GateError) -> (
        VersionFile?, String?
    ) {
        if let text = try reader.read("package.json"),
            let version = firstCapture(nodeVersionPattern, in: text, group: "version")
        {
            return (VersionFile(path: "package.json", pattern: nodeVersionPattern, version: version), nil)
        }
        guard try reader.read("go.mod") != nil, let pattern = try? Pattern(goVersionPattern) else { return (nil, nil) }
        func declared(_ text: String) -> String? {
            guard text.contains("Version") else { return nil }
            let version = (try? pattern.matches(in: text))?.lazy.compactMap { $0.groups["version"] }.first
            return version.flatMap(parsed) == nil ? nil : version
        }
        func parsed(_ text: String) -> Version? { Version.parse(text.hasPrefix("v") ? String(text.dropFirst()) : text) }
        var disagreeing: [String] = []
        // Bounded by the Go files the walk read: one more blob a file that sets a version.
        for path in try reader.goFilesMatching(where: { declared($0) != nil }) {
            guard let text = try reader.read(path), let version = declared(text) else { continue }
            if let release {
                let then = try release.files.read(path).flatMap(declared)
                guard let then, parsed(then)?.hasSamePrecedence(as: release.version) == true else {
                    disagreeing.append("\(path) (\(then.map { "\($0) at \(release.tag)" } ?? "absent at \(release.tag)"))")
                    continue
                }
            }
            return (VersionFile(path: path, pattern: goVersionPattern, version: version), nil)
        }
        guard let release, let first = disagreeing.first else { return (nil, nil) }
        let more = disagreeing.count > 1 ? " and \(disagreeing.count - 1) more" : ""
        return (
            nil,
            "Go files set a Version, but none said \(release.version) at \(release.tag): \(first)\(more); "
                + "no version-file proposed"
        )
    }

    private static func versionFileEntries(_ file: VersionFile?, latest: Version?) -> [DraftEntry] {
        guard let file else {
            return [
                DraftEntry(comments: [
                    "Where the code declares its own version, checked against each release tag:",
                    #"version-file: {path: version.go, pattern: 'Version = "(?<version>[^"]+)"'}"#,
                ])
            ]
        }
        var agreement = ""
        if let latest,
            let declared = Version.parse(file.version.hasPrefix("v") ? String(file.version.dropFirst()) : file.version)
        {
            agreement =
                declared.hasSamePrecedence(as: latest)
                ? ", the greatest release" : "; the greatest release is \(latest)"
        }
        return [
            DraftEntry(
                "version-file",
                .mapping([DraftEntry("path", .string(file.path)), DraftEntry("pattern", .string(file.pattern))]),
                comments: [
                    "The code declares its version (\(file.path) says \(file.version)\(agreement)).",
                    "check reports a release tag that disagrees, and judges an untagged head as this version.",
                ])
        ]
    }

    // MARK: Text

    private static func header(project: String, findings: [String]) -> [String] {
        [
            "semgate policy for \(project), written by `semgate init`. Read it, edit it, then commit it.",
            "Check it with `semgate policy validate`; see what it promises with `semgate surface`.",
            "Found:",
        ] + findings.map { "  - \($0)" } + [
            "Editors validate and complete this file with policy/semgate.schema.json (for example the YAML",
            "extension's `# yaml-language-server: $schema=...` comment).",
        ]
    }

    private static let noSurface = [
        "No surface is proposed (the findings above say why), so nothing is promised yet. Declare what is",
        "stable, for example a committed list (one item a line) or a pattern over source files:",
        "surfaces:",
        "  api:",
        "    extract:",
        "      list: api/surface.txt",
    ]

    private static let support = [
        "Which release lines are supported, and until when (`semgate support`; semgate's docs/policy.md, \"Support,",
        "cadence and deprecation periods\"): a preset (k6, go, kubernetes, node) or phases of your own.",
        "support:",
        "  line: minor",
        "  phases:",
        "    - {name: active, newest: 1, takes: minor}",
        "    - {name: security, duration: 6 months, from: successor, takes: patch}",
    ]

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

/// The draft run over the repository's latest releases, so its author sees at once whether it is useful: how many
/// releases it judged, its findings per rule and severity, and the surfaces that came out empty.
public struct DraftTrial: Sendable {
    /// The releases judged (the latest `recent` by version).
    public let releases: [String]
    /// Findings per `rule severity`, most first.
    public let findings: [(rule: String, count: Int)]
    /// Items per surface at the drafted revision (`--rev`), else at the newest release (HEAD when there is none).
    public let items: [(surface: String, count: Int)]

    /// Per surface, the judged releases at which it found nothing, in the order of `items`.
    public let emptyAt: [(surface: String, releases: [String])]

    /// Surfaces that found nothing: their files or folders are probably wrong.
    public var emptySurfaces: [String] { items.filter { $0.count == 0 }.map(\.surface) }

    /// Surfaces that found nothing at most (more than half) of the releases judged: the audit of those releases judges
    /// nothing there and passes them, so the draft is not yet useful for them (review I4: a tag line whose trees
    /// hold none of the code the surfaces read).
    public var mostlyEmpty: [(surface: String, releases: [String])] {
        emptyAt.filter { !$0.releases.isEmpty && $0.releases.count * 2 > releases.count }
    }

    /// Runs `yaml` (a draft) over the latest `recent` releases of `repository`; `revision` is read when there are none.
    public init(yaml: String, repository: Repository, revision: String?, recent: Int = 10) throws(GateError) {
        let policy: Policy
        do {
            policy = try PolicyLoader.load(yaml: yaml, file: "draft", origin: .file(path: "draft"))
        } catch {
            throw .policy(error)
        }
        let engine = try Engine(repository: repository, policy: policy, separatingHistories: true)
        // Drafted from a release (`--rev v3.21.4`): that line's releases up to it, not a newer major's.
        let cap = revision.flatMap { revision in engine.history.releases.first { $0.tag == revision }?.version }
        let versions = engine.history.releases.map(\.version).filter { version in cap.map { version <= $0 } ?? true }
        let newest = Array(versions.sorted().suffix(recent))
        var findings: [String: Int] = [:]
        var judged: [String] = []
        var empty: [String: [String]] = [:]
        if let first = newest.first, let last = newest.last {
            let report = try engine.audit(from: first, to: last)
            for row in report.releases ?? [] {
                judged.append(row.release.tag)
                for finding in row.findings {
                    findings["\(finding.rule.rawValue) \(finding.severity)", default: 0] += 1
                }
                // What each surface found there (the audit read it just now; the reader's caches make this cheap).
                let snapshot = try engine.snapshot(at: row.release.commit, version: row.release.version)
                var found = Set<String>()
                for item in snapshot.items.values where Self.isOwn(item) { found.insert(item.surface) }
                for surface in policy.surfaces where !found.contains(surface.name) {
                    empty[surface.name, default: []].append(row.release.tag)
                }
            }
        }
        releases = judged
        emptyAt = policy.surfaces.map { ($0.name, empty[$0.name] ?? []) }
        self.findings = findings.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        let at = revision ?? engine.history.releases.max { $0.version < $1.version }?.tag ?? "HEAD"
        let surface = try engine.surface(at: at)
        var counts = Dictionary(policy.surfaces.map { ($0.name, 0) }, uniquingKeysWith: { first, _ in first })
        for item in surface.items ?? [] { counts[item.surface, default: 0] += 1 }
        items = policy.surfaces.map { ($0.name, counts[$0.name] ?? 0) }
    }

    /// Whether an extractor found `item` in the project's own files: not the module a Go surface always names
    /// (`packages:go.mod`, kept from HEAD's go.mod where a release has none) nor what a library provides
    /// (`provided-by`: cobra's `completion` and `help`, which every program that requires cobra has).
    static func isOwn(_ item: SurfaceItem) -> Bool {
        item.attributes["kind"] != "module" && item.attributes["provided-by"] == nil
    }

    /// A few lines for people: what was judged, what it found, what came out empty.
    public var summary: String {
        var lines: [String] = []
        if releases.isEmpty {
            lines.append("trial: no releases to judge yet")
        } else {
            lines.append(
                "trial over the latest \(releases.count) release\(releases.count == 1 ? "" : "s") "
                    + "(\(releases.first ?? "") to \(releases.last ?? "")): "
                    + (findings.isEmpty
                        ? "no findings"
                        : findings.map { "\($0.count) \($0.rule)" }.joined(separator: ", ")))
        }
        lines.append(
            "items: "
                + (items.isEmpty ? "no surfaces" : items.map { "\($0.surface) \($0.count)" }.joined(separator: ", ")))
        if !emptySurfaces.isEmpty {
            lines.append(
                "empty: " + emptySurfaces.joined(separator: ", ")
                    + " found nothing; check their files or folders before committing the policy")
        }
        for (surface, at) in mostlyEmpty {
            let named = at.count == 1 ? at[0] : "\(at.first ?? "") ... \(at.last ?? "")"
            lines.append(
                "WARNING: surface \(surface) found nothing at \(at.count) of the \(releases.count) releases judged "
                    + "(\(named)): the audit judges nothing there and passes them. Are these the project's releases "
                    + "(releases.tag, releases.ignore), and does the surface read the folders they had?")
        }
        return lines.joined(separator: "\n")
    }
}
