import Git

/// What says a Go module is meant to be imported by other programs, for `semgate init` (issue 10): a command-line tool
/// whose packages are importable (helmfile, argo-rollouts) is not a library because Go lets others import them, and
/// drafting its Go API as promised gives hundreds of true findings no maintainer asked for. A reviewer looks for the
/// project saying so; these are the signs that can be read offline, first found wins:
///
/// - the module has no program (`package main` only in examples, tests or tools, or none): it exists to be imported
///   (spf13/pflag, spf13/cobra);
/// - a Markdown page of the repository (README, docs; not a contributor's or coding agent's guide, where importing a
///   package is the project's own work) shows Go code importing one of the module's packages meant for others, or
///   tells readers to `go get` one (compose's docs/sdk.md, ko's docs/advanced/go-packages.md, kubebuilder's book);
/// - the module's README says it is a library or an SDK (`A CLI tool and Go library`, `Kubebuilder is also a
///   library`).
///
/// Not signs: a pkg.go.dev badge (doctl's README has one), a `go get` of the module's program (how READMEs once said
/// to install it), a package clause at the root beside programs (doctl's `package doctl`), Example tests (gh has one
/// in `pkg/option`). Who imports a tagged `pkg/` cannot be known offline.
enum GoLibraryEvidence {
    /// At most this many Markdown files are read for a module (shallowest first); what is past them is not read.
    static let maximumPages = 2_000
    /// Pages past this size are read only up to it.
    static let maximumPageBytes = 4 << 20

    /// File names (lowercased, without extension) of guides for the project's contributors: importing a package there
    /// is the project's own work, not an invitation.
    static let contributorGuides: [String] = [
        "contributing", "agents", "claude", "development", "developing", "developer", "hacking", "code_of_conduct",
        "maintainers", "governance", "security",
    ]

    /// Why the module at folder `root` (module path `module`) is meant for others, or nil when nothing says so.
    /// `forOthers`: its importable packages outside programs, tests and tools, as folders below its root (`""` for
    /// the root's own package); `programs`: the folders below its root whose package is `main`.
    static func find(
        module: String, root: String, forOthers: [String], programs: [String], project: ProjectFiles
    ) throws(GitError) -> String? {
        let realPrograms = programs.filter { folder in
            let segments = folder.split(separator: "/").map { $0.lowercased() }
            guard let first = segments.first else { return true }
            if first != "cmd", GoAPIExtractorSpec.nonLibraryFolders.contains(first) { return false }
            return !segments.contains { ["example", "examples", "_example", "_examples", "testdata"].contains($0) }
        }
        if realPrograms.isEmpty {
            return "no package main outside examples, tests and tools"
        }
        let prefix = root.isEmpty ? "" : root + "/"
        let importable = Set(forOthers)
        if let readme = readme(in: root, project: project), let phrase = libraryPhrase(in: readme.text) {
            return "\(readme.path) says '\(phrase)'"
        }
        guard let tree = project.root else { return nil }
        var pages: [(path: String, blob: ObjectID)] = []
        try project.files.walkFiles(
            tree: tree,
            descend: { folder in
                ProjectFiles.holdsGoSource(folder) && !folder.split(separator: "/").contains { $0 == "third_party" }
            },
            wants: isPage, entryLimit: project.treeEntries,
            visit: { (path, entry) throws(GitError) in
                if prefix.isEmpty || path.hasPrefix(prefix) { pages.append((path, entry.id)) }
            })
        pages.sort { ($0.path.split(separator: "/").count, $0.path) < ($1.path.split(separator: "/").count, $1.path) }
        for page in pages.prefix(maximumPages) where !isContributorGuide(page.path) {
            // A page the clone lacks (a partial clone's promised blob) says nothing: the draft stays commented out.
            guard let text = try? project.files.text(ofBlob: page.blob) else { continue }
            let read =
                text.utf8.count > maximumPageBytes
                ? String(decoding: text.utf8.prefix(maximumPageBytes), as: UTF8.self) : text
            if let path = importedPackage(in: read, module: module, importable: importable) {
                return "\(page.path) shows how to import \(path)"
            }
        }
        return nil
    }

    /// Whether a file name is a Markdown page.
    static func isPage(_ name: String) -> Bool {
        let lower = (name.split(separator: "/").last.map(String.init) ?? name).lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdx")
    }

    /// Whether the page at `path` is a guide for contributors (CONTRIBUTING.md, AGENTS.md, docs/development.md).
    static func isContributorGuide(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return contributorGuides.contains { stem == $0 || stem.hasPrefix($0 + "_") || stem.hasPrefix($0 + "-") }
    }

    /// The module's README (README.md, README, readme.markdown) in folder `root`.
    private static func readme(in root: String, project: ProjectFiles) -> (path: String, text: String)? {
        let prefix = root.isEmpty ? "" : root + "/"
        for name in ["README.md", "README", "README.markdown", "readme.md", "Readme.md"] {
            if let text = (try? project.text(prefix + name)).flatMap({ $0 }) { return (prefix + name, text) }
        }
        return nil
    }

    /// The words of a README that say the project is a library or an SDK: `is a library`, `also a library`, `as a
    /// library`, `Go library`, `Go SDK`. Nil when none is there.
    static func libraryPhrase(in text: String) -> String? {
        let lowered = text.utf8.count > maximumPageBytes
            ? String(decoding: text.utf8.prefix(maximumPageBytes), as: UTF8.self).lowercased() : text.lowercased()
        let phrases = [
            "is a library", "is also a library", "as a library", "as a go library", "is a go library", "go library",
            "golang library", "go sdk",
        ]
        for line in lowered.split(whereSeparator: \.isNewline) {
            for phrase in phrases {
                guard let range = line.range(of: phrase) else { continue }
                // A word, not the start of a longer one or a path (`Library/Application Support`).
                let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
                let after = range.upperBound == line.endIndex ? nil : line[range.upperBound]
                if before.map({ $0.isLetter || $0.isNumber }) == true { continue }
                if after.map({ $0.isLetter || $0.isNumber || $0 == "/" || $0 == "-" }) == true { continue }
                return phrase
            }
        }
        return nil
    }

    /// The first import path of the module's packages meant for others that `text` shows Go code importing (a line
    /// `import "PATH"`, `import alias "PATH"`, or `"PATH"` / `alias "PATH"` alone, as in an import block) or tells
    /// readers to `go get`; nil when none.
    static func importedPackage(in text: String, module: String, importable: Set<String>) -> String? {
        func meantForOthers(_ path: Substring) -> String? {
            var path = path
            if let at = path.firstIndex(of: "@") { path = path[..<at] }
            guard path.hasPrefix(module) else { return nil }
            let rest = path.dropFirst(module.count)
            if rest.isEmpty { return importable.contains("") ? String(path) : nil }
            guard rest.first == "/", importable.contains(String(rest.dropFirst())) else { return nil }
            return String(path)
        }
        func unquoted(_ word: Substring) -> Substring {
            var word = word
            while let first = word.first, "`'\"".contains(first) { word = word.dropFirst() }
            while let last = word.last, "`'\"".contains(last) { word = word.dropLast() }
            return word
        }
        for line in text.split(whereSeparator: \.isNewline) where line.contains(module) {
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if let get = words.indices.first(where: { index in
                index + 1 < words.count && unquoted(words[index]) == "go" && words[index + 1] == "get"
            }) {
                // The first argument that is no flag: `go get -u example.com/mod/pkg@latest`.
                if let argument = words[(get + 2)...].first(where: { !$0.hasPrefix("-") }),
                    let found = meantForOthers(unquoted(argument))
                {
                    return found
                }
            }
            if let comment = words.firstIndex(where: { $0.hasPrefix("//") }) { words.removeSubrange(comment...) }
            if words.first == "import" { words.removeFirst() }
            if words.count == 2, !words[0].hasPrefix("\"") { words.removeFirst() }
            guard words.count == 1, let quoted = words.first, quoted.count > 2, quoted.first == "\"",
                quoted.last == "\""
            else { continue }
            if let found = meantForOthers(quoted.dropFirst().dropLast()) { return found }
        }
        return nil
    }
}
