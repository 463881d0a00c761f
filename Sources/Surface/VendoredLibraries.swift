import Foundation
import Git
import GoSource
import Policy

/// A copy of a library whose behaviour semgate models (spf13/cobra, spf13/pflag) under the `vendor/` folder of the
/// module the cobra extractor reads, as one revision holds it (review R106).
///
/// semgate reads a command line as the published library builds it. `go build` takes the library from `vendor/` by
/// default when `vendor/modules.txt` is there (go 1.14 on), so a pull request that edits the copy (an `AddCommand`
/// that skips a name, a flag registration made a no-op) changes what users can type while every file semgate reads
/// stays the same. Two revisions whose `vendor/modules.txt` names the same version of the library must hold the same
/// copy; the `vendored-library-edited` rule says when they do not.
public struct VendoredLibrary: Sendable, Hashable, Codable {
    /// The module path (`github.com/spf13/cobra`).
    public var module: String
    /// The folder of the module whose build takes the copy (its `go.mod`'s folder; empty at the root): copies of two
    /// modules are compared each with its own.
    public var moduleFolder: String = ""
    /// The lines of `vendor/modules.txt` (every spelling of it beside the module's `go.mod`) that name the module, as
    /// words joined by spaces (`# github.com/spf13/cobra v1.8.0`), `; ` between files; empty when none does.
    public var version: String
    /// The files of the copy that `go build` may read (Go, C, assembly and the like; not tests), as `path blob-id`,
    /// in byte order: in every spelling of the copy's folders (a case-insensitive checkout builds `Vendor/` too).
    public var files: [String]
    /// Why the copy cannot be compared (a symbolic link or submodule on the way, a file that cannot be read, too many
    /// entries); nil when it can.
    public var unchecked: String?
    /// What the module's `go.mod` (or `vendor/modules.txt`) replaces the library by, when it is not the library
    /// itself: another module (`github.com/example/cobra v1.2.3`, a fork) or a folder (`./third_party/cobra`); nil
    /// when nothing does. semgate cannot know what a replacement builds (the `library-replaced` rule).
    public var replacement: String?
    /// The replacement `vendor/modules.txt` records for the version go selects (`# github.com/spf13/cobra v1.8.0 =>
    /// github.com/example/cobra v1.8.0`): then the vendored copy is the replacement's code (`go mod vendor` wrote
    /// it), not the library's, and is not checked against what the library published. A replacement recorded only
    /// elsewhere (`go.work`) does not make the copy anything but what `vendor/modules.txt` names.
    public var copyReplacement: String?

    public init(
        module: String, version: String, files: [String], unchecked: String? = nil, replacement: String? = nil
    ) {
        self.module = module
        self.version = version
        self.files = files
        self.unchecked = unchecked
        self.replacement = replacement
    }

    /// The published version go builds the copy as: the version of the one versioned line of `vendor/modules.txt`
    /// (``version``), or the version a replacement by the library itself names (`=> github.com/spf13/cobra v1.8.1`);
    /// nil when there is no such line, or more than one.
    public var requestedVersion: String? {
        guard !version.contains(";") else { return nil }
        let lines = version.split(separator: "|").map { $0.split(whereSeparator: { $0.isWhitespace }).map(String.init) }
            .filter { $0.first == "#" && $0.count >= 3 }
        let versioned = lines.filter { $0[2] != "=>" }
        guard versioned.count == 1 else { return nil }
        var requested = versioned[0][2]
        for line in lines {
            if let arrow = line.firstIndex(of: "=>"), arrow + 2 < line.count, line[arrow + 1] == module {
                requested = line[arrow + 2]
            }
        }
        return requested
    }

    /// The copy's files as paths inside the module (`command.go`, `doc/man_docs.go`) with their blob ids; nil when the
    /// copy is not a `vendor/` copy (a folder replacement).
    func filesInModule() -> [(path: String, blob: String)]? {
        guard !version.hasPrefix("replace ") else { return nil }
        let skipped =
            moduleFolder.split(separator: "/").count + 1 + module.split(separator: "/").count
        return files.compactMap { line -> (path: String, blob: String)? in
            guard let space = line.lastIndex(of: " ") else { return nil }
            let parts = line[..<space].split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count > skipped else { return nil }
            return (parts.dropFirst(skipped).joined(separator: "/"), String(line[line.index(after: space)...]))
        }
    }

    /// How the copy differs from what the library published, when ``requestedVersion`` names a version the
    /// ``PublishedLibraries`` table holds (`known` true: every file of a package folder the copy holds must be the
    /// published blob, and no other file may be there), or, for another version (a pseudo-version, a release newer
    /// than the table, none), which files are no blob the path ever had upstream (`known` false); nil when the copy
    /// is what was published, is replaced (``replacement``), or is no `vendor/` copy.
    public func publishedMismatch() -> (known: Bool, version: String?, named: [String], count: Int)? {
        guard copyReplacement == nil, let files = filesInModule(), !files.isEmpty else { return nil }
        let requested = requestedVersion
        var found: [String] = []
        if let requested, let published = PublishedLibraries.files(of: module, version: requested) {
            func folder(_ path: String) -> String {
                path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            }
            let present = Set(files.map(\.path))
            for (path, blob) in files where published[path] != blob {
                found.append(published[path] == nil ? "\(path) added" : "\(path) changed")
            }
            // `go mod vendor` copies every package it copies whole: a published file of a folder the copy holds
            // must be there.
            let folders = Set(files.map { folder($0.path) })
            for (path, _) in published where folders.contains(folder(path)) && !present.contains(path) {
                found.append("\(path) removed")
            }
            found = Array(Set(found)).sorted { Bytewise.precedes($0, $1) }
            return found.isEmpty ? nil : (true, requested, Array(found.prefix(5)), found.count)
        }
        for (path, blob) in files where !PublishedLibraries.isUpstream(blob, at: path, in: module) {
            found.append(path)
        }
        found = Array(Set(found)).sorted { Bytewise.precedes($0, $1) }
        return found.isEmpty ? nil : (false, requested, Array(found.prefix(5)), found.count)
    }

    /// This copy and `other` (of the same module, read by another extractor of the surface) as one: every file, every
    /// version line, the first reason not to compare.
    func merging(_ other: VendoredLibrary) -> VendoredLibrary {
        guard other != self else { return self }
        let versions = version == other.version ? version : [version, other.version].joined(separator: "; ")
        var merged = VendoredLibrary(
            module: module, version: versions,
            files: Set(files + other.files).sorted { Bytewise.precedes($0, $1) },
            unchecked: unchecked ?? other.unchecked, replacement: replacement ?? other.replacement)
        merged.moduleFolder = moduleFolder
        merged.copyReplacement = copyReplacement ?? other.copyReplacement
        return merged
    }

    /// What a snapshot keys the copy by: the module folder and the module path.
    public var key: String { moduleFolder + "\t" + module }

    /// The libraries semgate models.
    public static let modules = ["github.com/spf13/cobra", "github.com/spf13/pflag"]

    /// The copy's folder as `vendor/` spells it for the first module file, for messages (`vendor/github.com/spf13/cobra`).
    public func folder(inModule prefix: String = "") -> String { prefix + "vendor/" + module }

    /// ``files`` in the library's own package folder (not a subpackage's folder such as `doc/`).
    var rootPackageFiles: [String] {
        guard !version.hasPrefix("replace ") else { return files }
        let depth = moduleFolder.split(separator: "/").count + 1 + module.split(separator: "/").count + 1
        return files.filter { line in
            line[..<(line.lastIndex(of: " ") ?? line.endIndex)].split(separator: "/", omittingEmptySubsequences: false)
                .count == depth
        }
    }

    /// The paths whose blob differs between `before` and this copy (their own package folders,
    /// ``rootPackageFiles``), or that only one of them has: first `limit`, and how many in all.
    public func changedFiles(since before: VendoredLibrary, limit: Int = 5) -> (named: [String], count: Int) {
        func table(_ files: [String]) -> [String: String] {
            var result: [String: String] = [:]
            for line in files {
                guard let space = line.lastIndex(of: " ") else { continue }
                result[String(line[..<space])] = String(line[line.index(after: space)...])
            }
            return result
        }
        let old = table(before.rootPackageFiles)
        let new = table(rootPackageFiles)
        let paths = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted { Bytewise.precedes($0, $1) }
        let named = paths.prefix(limit).map { path -> String in
            old[path] == nil ? "\(path) added" : new[path] == nil ? "\(path) removed" : "\(path) changed"
        }
        return (Array(named), paths.count)
    }

    /// The file names `go build` may read in a package folder: Go, cgo, assembly, SWIG and object files
    /// (`go/build`'s list), not `_test.go` files.
    static func isBuilt(_ name: String) -> Bool {
        // go/build ignores a file whose name starts with `_` or `.`.
        guard !name.hasSuffix("_test.go"), !name.hasPrefix("_"), !name.hasPrefix("."), let dot = name.lastIndex(of: ".")
        else { return false }
        return builtExtensions.contains(String(name[name.index(after: dot)...]))
    }

    private static let builtExtensions: Set<String> = [
        "go", "c", "cc", "cpp", "cxx", "m", "h", "hh", "hpp", "hxx", "f", "F", "for", "f90", "s", "S", "sx", "swig",
        "swigcxx", "syso",
    ]
}

extension SurfaceSnapshot {
    /// How an extractor records a ``VendoredLibrary`` among its uncertain key paths: six spaces, then its JSON (no
    /// key path begins with a space; ``takenAwayMark(_:)`` has four before a key, ``unreadMark`` is five alone).
    public static func vendoredLibraryMark(_ library: VendoredLibrary) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(library)) ?? Data()
        return vendoredLibraryPrefix + String(decoding: data, as: UTF8.self)
    }

    static let vendoredLibraryPrefix = "      "

    /// The library a ``vendoredLibraryMark(_:)`` records; nil for any other path.
    static func vendoredLibrary(fromMark path: String) -> VendoredLibrary? {
        guard path.hasPrefix(vendoredLibraryPrefix) else { return nil }
        return try? JSONDecoder().decode(
            VendoredLibrary.self, from: Data(path.dropFirst(vendoredLibraryPrefix.count).utf8))
    }
}

/// A vendored library that changed between two revisions while `vendor/modules.txt` names the same version, or that
/// cannot be compared (``SurfaceSnapshot/vendoredLibraryEdits(since:)``).
public struct VendoredLibraryEdit: Sendable, Hashable {
    /// The surface whose command line the library builds.
    public let surface: String
    /// What changed and why the surface cannot be trusted, one sentence.
    public let message: String
    /// The first file that changed, when one did.
    public let location: Location?
    /// The library's module path (`github.com/spf13/cobra`).
    public var module: String = ""

    /// The finding's item: the surface and the module path (`cli:github.com/spf13/cobra`), which an `exceptions:`
    /// entry can name.
    public var item: String { surface + ":" + module }
}

extension SurfaceSnapshot {
    /// The copies of cobra and pflag under `vendor/` (``vendoredLibraries``) that changed since `before` while
    /// `vendor/modules.txt` names the same version of the module on both sides (an edit of the library), or that
    /// cannot be compared with it (a symbolic link on the way, here or, at the same version, in `before`). One a
    /// surface and module, the same sentence said once.
    public func vendoredLibraryEdits(since before: SurfaceSnapshot) -> [VendoredLibraryEdit] {
        var edits: [VendoredLibraryEdit] = []
        var said: Set<String> = []
        for surface in vendoredLibraries.keys.sorted(by: { Bytewise.precedes($0, $1) }) {
            let libraries = vendoredLibraries[surface] ?? [:]
            for key in libraries.keys.sorted(by: { Bytewise.precedes($0, $1) }) {
                guard let library = libraries[key] else { continue }
                let module = library.module
                let old = before.vendoredLibraries[surface]?[key]
                let sameVersion = old?.version == library.version
                let trust =
                    "semgate reads surface '\(surface)' as the published \(module) builds it, so commands or flags an "
                    + "edit takes away, hides or renames are not seen"
                if let reason = library.unchecked ?? (sameVersion ? old?.unchecked : nil) {
                    let message =
                        "the copy of \(module) that go builds from the repository cannot be compared with the base "
                        + "(\(reason)): \(trust)"
                    if said.insert(message).inserted {
                        edits.append(
                            VendoredLibraryEdit(surface: surface, message: message, location: nil, module: module))
                    }
                    continue
                }
                // The copy against what the library published (the full cut of R106): at every revision, whatever
                // the base held, so an edit made with a version bump, present since the first release, or in the
                // first vendored copy is seen.
                let prefix = library.folder(inModule: library.moduleFolder.isEmpty ? "" : library.moduleFolder + "/")
                if let mismatch = library.publishedMismatch() {
                    let message: String
                    if mismatch.known, let version = mismatch.version {
                        let more =
                            mismatch.count > mismatch.named.count
                            ? " and \(mismatch.count - mismatch.named.count) more" : ""
                        message =
                            "the vendored \(module) is not the published \(version) that vendor/modules.txt names "
                            + "(\(mismatch.named.map { prefix + "/" + $0 }.joined(separator: ", "))\(more)): \(trust)"
                    } else {
                        let more =
                            mismatch.count > mismatch.named.count
                            ? " and \(mismatch.count - mismatch.named.count) more" : ""
                        let newest = PublishedLibraries.newestVersion(of: module).map { ", newest \($0)" } ?? ""
                        let named =
                            mismatch.version.map {
                                "names \($0), which is not a release semgate knows (its table of "
                                    + "\(module) releases ends there\(newest))"
                            }
                            ?? "names no single version of it"
                        message =
                            "the copy of \(module) that go builds from the repository cannot be compared: "
                            + "vendor/modules.txt \(named), and \(mismatch.named.map { prefix + "/" + $0 }.joined(separator: ", "))\(more) "
                            + "\(mismatch.count == 1 ? "is" : "are") no file \(module) ever had at that path upstream: \(trust)"
                    }
                    if said.insert(message).inserted {
                        let first = mismatch.named.first.map { name in
                            prefix + "/"
                                + String(
                                    name[
                                        ..<(mismatch.known ? (name.lastIndex(of: " ") ?? name.endIndex) : name.endIndex)
                                    ])
                        }
                        edits.append(
                            VendoredLibraryEdit(
                                surface: surface, message: message, location: first.map { Location(path: $0) },
                                module: module))
                    }
                    continue
                }
                // A copy that is exactly a published release needs no comparison with the base.
                if library.copyReplacement == nil, let requested = library.requestedVersion,
                    PublishedLibraries.files(of: module, version: requested) != nil, library.filesInModule() != nil
                {
                    continue
                }
                // Step to step, only the library's own package folder: `go mod vendor` adds a subpackage's folder
                // (`doc/`) at the same version when the program starts importing it.
                guard let old, sameVersion, old.rootPackageFiles != library.rootPackageFiles else { continue }
                let (named, count) = library.changedFiles(since: old)
                let more = count > named.count ? " and \(count - named.count) more" : ""
                let version =
                    library.version.hasPrefix("replace ")
                    ? (library.replacement?.hasSuffix("(go.work use)") == true
                        ? "go.work uses the same folder (\(library.replacement ?? ""))"
                        : "go.mod replaces it by the same folder (\(library.version))")
                    : library.version.isEmpty
                        ? "vendor/modules.txt names no version of it"
                        : "vendor/modules.txt names the same version (\(library.version))"
                let message =
                    "the vendored \(module) was edited (\(named.joined(separator: ", "))\(more)) while \(version) at "
                    + "the base and here: \(trust)"
                guard said.insert(message).inserted else { continue }
                let first = named.first.map { String($0[..<($0.lastIndex(of: " ") ?? $0.endIndex)]) }
                edits.append(
                    VendoredLibraryEdit(
                        surface: surface, message: message, location: first.map { Location(path: $0) }, module: module))
            }
        }
        return edits
    }
}

extension SurfaceSnapshot {
    /// The libraries (``VendoredLibrary/modules``) that a module replaces by another module or a folder here while
    /// `before` replaced them by nothing or by something else (``VendoredLibrary/replacement``): the step where a
    /// fork comes in or changes. One a surface and module.
    public func libraryReplacements(since before: SurfaceSnapshot) -> [VendoredLibraryEdit] {
        replacements(since: before)
    }

    /// The libraries replaced at this revision (for `diff`), worded without a base.
    public var replacedLibraries: [VendoredLibraryEdit] { replacements(since: nil) }

    private func replacements(since before: SurfaceSnapshot?) -> [VendoredLibraryEdit] {
        var found: [VendoredLibraryEdit] = []
        var said: Set<String> = []
        for surface in vendoredLibraries.keys.sorted(by: { Bytewise.precedes($0, $1) }) {
            let libraries = vendoredLibraries[surface] ?? [:]
            for key in libraries.keys.sorted(by: { Bytewise.precedes($0, $1) }) {
                guard let library = libraries[key], let replacement = library.replacement else { continue }
                let old = before?.vendoredLibraries[surface]?[key]?.replacement
                guard before == nil || old != replacement else { continue }
                let module = library.module
                let where_ = library.moduleFolder.isEmpty ? "" : " (module \(library.moduleFolder))"
                let message =
                    "\(module) is replaced by \(replacement)\(where_)"
                    + (before == nil ? "" : old.map { ", by \($0) at the base" } ?? ", not at the base")
                    + ": semgate reads surface '\(surface)' as the published \(module) builds it and cannot know what "
                    + "the replacement builds, so commands or flags it takes away, hides or renames are not seen"
                guard said.insert(message).inserted else { continue }
                found.append(VendoredLibraryEdit(surface: surface, message: message, location: nil, module: module))
            }
        }
        return found
    }
}

extension ExtractionContext {
    /// The copies of the libraries semgate models (``VendoredLibrary/modules``) under the `vendor/` folder of every
    /// module that holds a matched Go file (the nearest `go.mod` at or above it), as ``VendoredLibrary`` values; none
    /// for a module whose `vendor/` holds no `modules.txt` (then `go build` does not take packages from `vendor/` by
    /// default) unless its `go.mod` replaces the library by a folder (then that folder). `vendor/modules.txt` is read
    /// as go reads it (``modulesLines(naming:in:)``); another spelling of it, or two lines naming one module, make
    /// the copy unchecked. Folder and file names are compared without ASCII case, every
    /// spelling kept (a case-insensitive checkout merges them, and `go` finds them there); a symbolic link or submodule
    /// on the way, or named like a file `go` builds, makes the copy unchecked (its content is not in the tree).
    /// Bounded by ``treeEntries`` entries listed.
    func vendoredLibraries() throws(SurfaceError) -> [VendoredLibrary] {
        // Every module that holds a matched file (review: a nested module with most of the files must not hide the
        // vendor/ of the others), each copy merged by module path.
        var result: [VendoredLibrary] = []
        for module in try goModuleFolders() {
            let workspace = try workspaceReplacements(of: module.path)
            for var library in try vendoredLibraries(inModule: module, workspace: workspace) {
                library.moduleFolder = module.path
                result.append(library)
            }
        }
        return result
    }

    /// The folders (path and tree) of the modules that hold the matched Go files: for each file's folder, the nearest
    /// one at or above it with a `go.mod` (at the root also `vendor.mod`).
    private func goModuleFolders() throws(SurfaceError) -> [(path: String, tree: ObjectID)] {
        var folders: Set<String> = []
        for file in files where GoFileName.isPackageSource(file.path) {
            folders.insert(
                file.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
        }
        var lookups = PathResolver(source, budget: treeEntries)
        var moduleOf: [String: String?] = [:]
        var found: Set<String> = []
        do {
            for folder in folders {
                var parts = folder.split(separator: "/").map(String.init)
                var visited: [String] = []
                var module: String?
                while true {
                    let current = parts.joined(separator: "/")
                    if let known = moduleOf[current] {
                        module = known
                        break
                    }
                    visited.append(current)
                    let prefix = current.isEmpty ? "" : current + "/"
                    for name in current.isEmpty ? ["go.mod", "vendor.mod"] : ["go.mod"] where module == nil {
                        if try lookups.blobID(atPath: prefix + name, inTree: tree) != nil { module = current }
                    }
                    if module != nil || parts.isEmpty { break }
                    parts.removeLast()
                }
                for folder in visited { moduleOf[folder] = .some(module) }
                if let module { found.insert(module) }
            }
        } catch {
            throw .git(error)
        }
        var result: [(path: String, tree: ObjectID)] = []
        for path in found.sorted(by: { Bytewise.precedes($0, $1) }) {
            if let id = try self.tree(atPath: path) { result.append((path, id)) }
        }
        return result
    }

    /// The tree at folder `path` of the revision (exact names), nil when there is none.
    private func tree(atPath path: String) throws(SurfaceError) -> ObjectID? {
        var id = tree
        do {
            for part in path.split(separator: "/") {
                guard let entry = try source.entries(ofTree: id).first(where: { $0.kind == .tree && $0.name == part })
                else { return nil }
                id = entry.id
            }
        } catch {
            throw .git(error)
        }
        return id
    }

    /// ``vendoredLibraries()`` of the module at `module`; `workspace` is what a `go.work` at or above it replaces
    /// the libraries by (``workspaceReplacements(of:)``).
    private func vendoredLibraries(
        inModule module: (path: String, tree: ObjectID),
        workspace: [String: [(left: String?, label: String, folder: String?)]]
    ) throws(SurfaceError) -> [VendoredLibrary] {
        let prefix = module.path.isEmpty ? "" : module.path + "/"
        var listed = 0
        var tooMany = false
        func entries(_ id: ObjectID) throws(SurfaceError) -> [TreeEntry] {
            guard !tooMany else { return [] }
            let found: [TreeEntry]
            do {
                found = try source.entries(ofTree: id)
            } catch {
                throw .git(error)
            }
            listed += found.count
            if listed > treeEntries { tooMany = true }
            return found
        }
        func same(_ name: String, _ wanted: String) -> Bool {
            name.utf8.count == wanted.utf8.count
                && zip(name.utf8, wanted.utf8).allSatisfy { Self.asciiLowered($0) == Self.asciiLowered($1) }
        }
        var unchecked: String?
        var modulesTexts: [(path: String, text: String)] = []
        var vendorTrees: [(path: String, id: ObjectID)] = []
        for entry in try entries(module.tree) where same(entry.name, "vendor") {
            let path = prefix + entry.name
            switch entry.kind {
            case .blob: continue
            case .link, .submodule:
                unchecked = unchecked ?? "\(path) is a \(entry.kind == .link ? "symbolic link" : "submodule")"
            case .tree:
                vendorTrees.append((path, entry.id))
                for inner in try entries(entry.id) where same(inner.name, "modules.txt") {
                    let file = path + "/" + inner.name
                    // go reads vendor/modules.txt as spelled; another spelling is read only by a case-insensitive
                    // checkout, where it may stand in for it: what go would take is not known.
                    guard entry.name == "vendor", inner.name == "modules.txt" else {
                        unchecked = unchecked ?? "\(file) is another spelling of vendor/modules.txt"
                        continue
                    }
                    guard inner.kind == .blob else {
                        if inner.kind != .tree { unchecked = unchecked ?? "\(file) is not a file" }
                        continue
                    }
                    var notes: [String] = []
                    guard let text = try self.text(of: inner.id, path: file, notes: &notes) else {
                        unchecked = unchecked ?? "\(file) cannot be read here"
                        continue
                    }
                    modulesTexts.append((file, text))
                }
            }
        }
        // The module's `replace` directives of the libraries (a fork module, a folder); without vendor/modules.txt, a
        // `replace` by a folder of the repository is what go builds, and one by another module is recorded alone.
        let directives = try replacements(inModule: module)
        let replaced: [String: String]
        if modulesTexts.isEmpty && unchecked == nil {
            // Not vendored: go takes the library from the module cache; a workspace's `replace`, or the module's
            // that applies to the version `go.mod` requires (go 1.17 on lists every selected version there), is what
            // it builds instead.
            let required = try requiredVersions(inModule: module)
            let applying = Self.applying(workspace, versions: required)
            var chosen = applying.mapValues(\.label)
            var folderTargets: [String: String] = [:]
            for (name, found) in directives where chosen[name] == nil {
                chosen[name] = found.first { $0.left == nil || $0.left == required[name] }?.target
                if let target = chosen[name], Self.isFolderPath(target) { folderTargets[name] = target }
            }
            // A workspace's folder (a `use` of a local copy, a folder `replace`), from the module's folder.
            let depth = module.path.split(separator: "/").count
            for (name, found) in applying {
                guard let folder = found.folder else { continue }
                folderTargets[name] =
                    folder.hasPrefix("/")
                    ? folder : String(repeating: "../", count: depth) + (folder.isEmpty ? "." : folder)
            }
            replaced = folderTargets
            if replaced.isEmpty {
                return VendoredLibrary.modules.compactMap { name in
                    chosen[name].map { VendoredLibrary(module: name, version: "", files: [], replacement: $0) }
                }
            }
        } else {
            replaced = [:]
        }
        var result: [VendoredLibrary] = []
        for name in VendoredLibrary.modules {
            let version = Self.modulesLines(naming: name, in: modulesTexts)
            // The version go selects (the versioned line with packages): a `replace` whose left side names another
            // version replaces nothing (review decoy-unused-replace).
            var selected: String?
            for line in version.split(separator: "|") {
                let words = line.split(whereSeparator: { $0.isWhitespace })
                if words.count >= 3, words[0] == "#", words[2] != "=>" {
                    selected = String(words[2])
                    break
                }
            }
            let fromGoMod = directives[name]?.first { $0.left == nil || $0.left == selected }?.target
            let recorded = Self.modulesReplacement(naming: name, selected: selected, in: modulesTexts)
            var library = VendoredLibrary(
                module: name, version: version, files: [], unchecked: unchecked,
                replacement: Self.applying(workspace, versions: selected.map { [name: $0] } ?? [:])[name]?.label
                    ?? fromGoMod ?? recorded)
            library.copyReplacement = recorded
            if !replaced.isEmpty && replaced[name] == nil {
                if library.replacement != nil {
                    library.version = ""
                    result.append(library)
                }
                continue
            }
            let versioned = library.version.split(separator: "|").filter {
                $0.split(separator: " ").count >= 3 && $0.split(separator: " ")[2] != "=>"
            }
            if versioned.count > 1 {
                // go keeps one version a module; which line it takes against go.mod is not read here.
                library.unchecked = library.unchecked ?? "vendor/modules.txt names \(name) on more than one line"
            }
            var folders = vendorTrees
            var parts = name.split(separator: "/").map(String.init)
            if !replaced.isEmpty {
                // `replace github.com/spf13/cobra => ./third_party/cobra`: that folder, from the root.
                guard let target = replaced[name] else { continue }
                library.version = "replace \(name) => \(target)"
                folders = [("", tree)]
                parts = []
                let start = target.hasPrefix("/") ? [] : module.path.split(separator: "/").map(String.init)
                for part in start + target.split(separator: "/").map(String.init) where part != "." {
                    if part != ".." {
                        parts.append(part)
                    } else if parts.popLast() == nil {
                        library.unchecked = "\(target) is outside the repository"
                    }
                }
                if target.hasPrefix("/") { library.unchecked = "\(target) is outside the repository" }
            }
            for part in parts {
                var next: [(path: String, id: ObjectID)] = []
                for folder in folders {
                    for entry in try entries(folder.id) where same(entry.name, part) {
                        let path = folder.path.isEmpty ? entry.name : folder.path + "/" + entry.name
                        switch entry.kind {
                        case .tree: next.append((path, entry.id))
                        case .blob: continue
                        case .link, .submodule:
                            library.unchecked =
                                library.unchecked
                                ?? "\(path) is a \(entry.kind == .link ? "symbolic link" : "submodule")"
                        }
                    }
                }
                folders = next
            }
            // Every package folder of a vendored copy (`doc/` too): go builds any a program imports. (A folder
            // replacement's own folder only, compared step to step.)
            var pending = folders
            let recursive = replaced.isEmpty
            while let folder = pending.popLast(), !tooMany {
                for entry in try entries(folder.id) {
                    let path = folder.path.isEmpty ? entry.name : folder.path + "/" + entry.name
                    switch entry.kind {
                    case .blob:
                        if VendoredLibrary.isBuilt(entry.name) { library.files.append("\(path) \(entry.id.hex)") }
                    case .tree: if recursive { pending.append((path, entry.id)) }
                    case .link, .submodule:
                        // A linked folder is a package go may build too; its content is not in the tree.
                        guard recursive || VendoredLibrary.isBuilt(entry.name) else { continue }
                        library.unchecked =
                            library.unchecked
                            ?? "\(path) is a \(entry.kind == .link ? "symbolic link" : "submodule")"
                    }
                }
            }
            if tooMany { library.unchecked = "more than \(treeEntries) folder entries to list" }
            library.files.sort { Bytewise.precedes($0, $1) }
            if folders.isEmpty && library.unchecked == nil && library.replacement == nil { continue }
            result.append(library)
        }
        return result
    }

    /// Whether a `replace` target is a folder (`./third_party/cobra`, `../cobra`, `/abs`) rather than a module.
    static func isFolderPath(_ target: String) -> Bool {
        target.hasPrefix("./") || target.hasPrefix("../") || target.hasPrefix("/") || target == "." || target == ".."
    }

    /// The targets of the `replace` directives of the module's `go.mod` that replace a library semgate models by
    /// something else: a folder (`./third_party/cobra`, `../cobra`) or another module with its version
    /// (`github.com/example/cobra v1.2.3`), by module path. A replacement by the library itself at a version is no
    /// replacement (it only pins the version `vendor/modules.txt` records).
    private func replacements(inModule module: (path: String, tree: ObjectID)) throws(SurfaceError)
        -> [String: [(left: String?, target: String)]]
    {
        let listing: [TreeEntry]
        do {
            listing = try source.entries(ofTree: module.tree)
        } catch {
            throw .git(error)
        }
        let names = module.path.isEmpty ? ["go.mod", "vendor.mod"] : ["go.mod"]
        guard let goMod = names.lazy.compactMap({ name in listing.first { $0.name == name && $0.kind == .blob } }).first
        else { return [:] }
        var notes: [String] = []
        let path = (module.path.isEmpty ? "" : module.path + "/") + goMod.name
        guard let text = try text(of: goMod.id, path: path, notes: &notes) else { return [:] }
        return Self.replaceDirectives(in: text)
    }

    /// The versions the module's `go.mod` requires of the libraries semgate models, by module path.
    private func requiredVersions(inModule module: (path: String, tree: ObjectID)) throws(SurfaceError)
        -> [String: String]
    {
        let listing: [TreeEntry]
        do {
            listing = try source.entries(ofTree: module.tree)
        } catch {
            throw .git(error)
        }
        let names = module.path.isEmpty ? ["go.mod", "vendor.mod"] : ["go.mod"]
        guard let goMod = names.lazy.compactMap({ name in listing.first { $0.name == name && $0.kind == .blob } }).first
        else { return [:] }
        var notes: [String] = []
        let path = (module.path.isEmpty ? "" : module.path + "/") + goMod.name
        guard let text = try text(of: goMod.id, path: path, notes: &notes) else { return [:] }
        return Self.requireDirectives(in: text)
    }

    /// The versions a `go.mod` text's `require` directives (lines or blocks) name for the libraries semgate models.
    static func requireDirectives(in text: String) -> [String: String] {
        var found: [String: String] = [:]
        var inBlock = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = rawLine.range(of: "//").map { rawLine[..<$0.lowerBound] } ?? rawLine[...]
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
            }
            if inBlock {
                if words == [")"] {
                    inBlock = false
                    continue
                }
            } else {
                guard words.first == "require" else { continue }
                if words.count == 2 && words[1] == "(" {
                    inBlock = true
                    continue
                }
                words.removeFirst()
            }
            if words.count >= 2, VendoredLibrary.modules.contains(words[0]) { found[words[0]] = words[1] }
        }
        return found
    }

    /// The `replace` directives of a `go.mod` or `go.work` text that replace a library semgate models by something
    /// else (a folder, or another module with its version), by module path: the left side's version when it has one
    /// (`replace github.com/spf13/cobra v1.7.0 => ...` replaces only v1.7.0), and the target. A replacement by the
    /// library itself at a version is no replacement (it only pins the version).
    static func replaceDirectives(in text: String) -> [String: [(left: String?, target: String)]] {
        var found: [String: [(left: String?, target: String)]] = [:]
        var inBlock = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.range(of: "//").map { rawLine[..<$0.lowerBound] } ?? rawLine[...]
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
            }
            if inBlock {
                if words == [")"] {
                    inBlock = false
                    continue
                }
            } else {
                guard words.first == "replace" else { continue }
                if words.count == 2 && words[1] == "(" {
                    inBlock = true
                    continue
                }
                words.removeFirst()
            }
            guard let module = words.first, VendoredLibrary.modules.contains(module),
                let arrow = words.firstIndex(of: "=>"), arrow + 1 < words.count
            else { continue }
            let target = words[arrow + 1]
            let left = arrow == 2 ? words[1] : nil
            if Self.isFolderPath(target) {
                found[module, default: []].append((left, target))
            } else if target != module {
                found[module, default: []].append(
                    (left, arrow + 2 < words.count ? target + " " + words[arrow + 2] : target))
            }
        }
        return found
    }

    /// What a `go.work` in the module's folder or above it (the nearest; go uses it unless `GOWORK` says otherwise)
    /// replaces the libraries by: its `replace` directives (which override the module's), and a `use` of a folder
    /// whose `go.mod` declares the library's module path (a local copy, built as a workspace module), as
    /// `./forks/cobra (go.work use)`.
    func workspaceReplacements(of modulePath: String) throws(SurfaceError)
        -> [String: [(left: String?, label: String, folder: String?)]]
    {
        var parts = modulePath.split(separator: "/").map(String.init)
        var lookups = PathResolver(source, budget: treeEntries)
        var notes: [String] = []
        func blob(_ path: String) throws(SurfaceError) -> ObjectID? {
            do {
                return try lookups.blobID(atPath: path, inTree: tree)
            } catch {
                throw .git(error)
            }
        }
        while true {
            let prefix = parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
            if let work = try blob(prefix + "go.work") {
                guard let workText = try text(of: work, path: prefix + "go.work", notes: &notes) else { return [:] }
                var result: [String: [(left: String?, label: String, folder: String?)]] = [:]
                var usedFolders: [[String]] = []
                for used in Self.useDirectives(in: workText) where !used.hasPrefix("/") {
                    var path: [String] = parts
                    for part in used.split(separator: "/").map(String.init) where part != "." {
                        if part == ".." { _ = path.popLast() } else { path.append(part) }
                    }
                    usedFolders.append(path)
                }
                // A go.work that does not use this module: go refuses to build the module in it (unless GOWORK=off,
                // and then the go.work is not read): it replaces nothing here.
                guard usedFolders.contains(modulePath.split(separator: "/").map(String.init)) else { return [:] }
                for (name, directives) in Self.replaceDirectives(in: workText) {
                    for (left, target) in directives {
                        var folder: String?
                        if target.hasPrefix("/") {
                            folder = target
                        } else if Self.isFolderPath(target) {
                            // Relative to the go.work's folder.
                            var path = parts
                            for part in target.split(separator: "/").map(String.init) where part != "." {
                                if part != ".." {
                                    path.append(part)
                                } else if path.popLast() == nil {
                                    folder = "/" + target
                                }
                            }
                            folder = folder ?? path.joined(separator: "/")
                        }
                        result[name, default: []].append((left, target, folder))
                    }
                }
                for path in usedFolders {
                    let used = path.isEmpty ? "." : path.joined(separator: "/")
                    let goMod = (path + ["go.mod"]).joined(separator: "/")
                    guard let id = try blob(goMod), let modText = try text(of: id, path: goMod, notes: &notes)
                    else { continue }
                    for line in modText.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
                        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
                            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
                        }
                        if words.count >= 2, words[0] == "module", VendoredLibrary.modules.contains(words[1]) {
                            // A workspace module stands for every version; a go.work `replace` wins over it.
                            if result[words[1]] == nil {
                                result[words[1]] = [(nil, "\(used) (go.work use)", path.joined(separator: "/"))]
                            }
                        }
                    }
                }
                return result
            }
            if parts.isEmpty { return [:] }
            parts.removeLast()
        }
    }

    /// Of a go.work's replacements (``workspaceReplacements(of:)``), for each library the first that applies to the
    /// version go selects (`versions`): one without a left-side version, or with that version.
    static func applying(
        _ workspace: [String: [(left: String?, label: String, folder: String?)]], versions: [String: String]
    ) -> [String: (left: String?, label: String, folder: String?)] {
        var result: [String: (left: String?, label: String, folder: String?)] = [:]
        for (name, found) in workspace {
            if let first = found.first(where: { $0.left == nil || $0.left == versions[name] }) { result[name] = first }
        }
        return result
    }

    /// The folders of a `go.work` text's `use` directives (`use ./a`, `use ( ./a ./b )`).
    static func useDirectives(in text: String) -> [String] {
        var found: [String] = []
        var inBlock = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = rawLine.range(of: "//").map { rawLine[..<$0.lowerBound] } ?? rawLine[...]
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
            }
            if inBlock {
                if words == [")"] { inBlock = false } else { found += words }
                continue
            }
            guard words.first == "use" else { continue }
            words.removeFirst()
            if words == ["("] { inBlock = true } else { found += words.filter { $0 != "(" && $0 != ")" } }
        }
        return found
    }

    /// The replacement `vendor/modules.txt` records for module `name` when it is not the module itself
    /// (`# github.com/spf13/cobra v1.8.0 => ./forks/cobra`, `=> github.com/example/cobra v1.2.3`), read as
    /// ``modulesLines(naming:in:)`` reads lines; nil when none.
    static func modulesReplacement(
        naming name: String, selected: String? = nil, in texts: [(path: String, text: String)]
    ) -> String? {
        for file in texts.sorted(by: { Bytewise.precedes($0.path, $1.path) }) {
            for line in file.text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            where line.hasPrefix("# ") {
                let fields = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                guard fields.count >= 4, fields[1] == name else { continue }
                // As go: `=> PATH` or `=> PATH VERSION` (a valid one) after the version or the module; else no
                // replacement.
                let arrow = fields[2] == "=>" ? 2 : (isValidSemVer(fields[2]) && fields[3] == "=>" ? 3 : nil)
                guard let arrow, fields[arrow + 1] != name else { continue }
                // A versioned replacement of another version than go selects replaces nothing.
                if arrow == 3, let selected, fields[2] != selected { continue }
                let rest = fields.count - arrow - 1
                if rest == 1 { return fields[arrow + 1] }
                if rest == 2, isValidSemVer(fields[arrow + 2]) { return fields[arrow + 1] + " " + fields[arrow + 2] }
            }
        }
        return nil
    }

    /// The lines of `texts` (`vendor/modules.txt` files) that name module `name` (`# github.com/spf13/cobra v1.8.0`,
    /// with a `=>` replacement when there is one), as words joined by one space; `; ` between files.
    ///
    /// Read as go reads them (`modload.readVendorList`): a line that starts with `# ` (a space) is split into fields;
    /// the second must be a valid semantic version (then a `=> PATH` or `=> PATH VERSION` after it is a replacement)
    /// or `=>` (a replacement of every version); anything else on the line is ignored, and so is a line of another
    /// form. Each is written back as `# PATH VERSION [=> REPLACEMENT]`.
    static func modulesLines(naming name: String, in texts: [(path: String, text: String)]) -> String {
        texts.sorted { Bytewise.precedes($0.path, $1.path) }.compactMap { file -> String? in
            var found: [String] = []
            // A versioned line go builds packages of is followed by them (lines not starting with `#`); one without
            // (a workspace's other requirement, k3d 5.6.1's `# github.com/spf13/cobra v1.5.0`) names nothing built.
            var pending: String?
            func keep(_ line: String) { if !found.contains(line) { found.append(line) } }
            for line in file.text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            {
                if !line.hasPrefix("#") {
                    if let line = pending, !line.isEmpty { keep(line) }
                    pending = nil
                    continue
                }
                guard line.hasPrefix("# ") else { continue }
                pending = nil
                // go's strings.Fields splits at unicode.IsSpace: Unicode White_Space, as Character.isWhitespace.
                var fields = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                guard fields.count >= 3, fields[1] == name else { continue }
                var written = "# \(name)"
                let versioned = isValidSemVer(fields[2])
                if versioned {
                    written += " " + fields[2]
                    fields.removeFirst(3)
                } else if fields[2] == "=>" {
                    fields.removeFirst(2)
                } else {
                    continue
                }
                // A replacement by another module names other published code; by a folder, the copy is the
                // repository's own, and only its files say what it is (a folder replacement added while the copy is
                // edited is an edit).
                if fields.count >= 2, fields[0] == "=>" {
                    let folder =
                        fields[1].hasPrefix("./") || fields[1].hasPrefix("../") || fields[1].hasPrefix("/")
                        || fields[1] == "." || fields[1] == ".."
                    if folder {
                        // Nothing: the files are compared.
                    } else if fields.count == 2 {
                        written += " => " + fields[1]
                    } else if fields.count == 3, isValidSemVer(fields[2]) {
                        written += " => " + fields[1] + " " + fields[2]
                    }
                }
                if versioned {
                    pending = written
                } else if written != "# \(name)" {
                    keep(written)
                }
            }
            return found.isEmpty ? nil : found.joined(separator: " | ")
        }.joined(separator: "; ")
    }

    /// Whether `text` is a valid semantic version as go's `semver.IsValid` reads one: `v1`, `v1.2`, `v1.2.3`, the
    /// last with a pre-release (numeric identifiers without leading zeros) and build metadata.
    static func isValidSemVer(_ text: String) -> Bool {
        guard text.hasPrefix("v") else { return false }
        var rest = Substring(text.dropFirst())
        var build: Substring?
        if let plus = rest.firstIndex(of: "+") {
            build = rest[rest.index(after: plus)...]
            rest = rest[..<plus]
        }
        var prerelease: Substring?
        if let dash = rest.firstIndex(of: "-") {
            prerelease = rest[rest.index(after: dash)...]
            rest = rest[..<dash]
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count) else { return false }
        for number in numbers {
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }),
                number == "0" || number.first != "0"
            else { return false }
        }
        if (prerelease != nil || build != nil) && numbers.count != 3 { return false }
        func identifiers(_ part: Substring, numeric: Bool) -> Bool {
            part.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { identifier in
                guard !identifier.isEmpty,
                    identifier.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
                else { return false }
                if numeric, identifier.allSatisfy({ $0.isNumber }), identifier.count > 1, identifier.first == "0" {
                    return false
                }
                return true
            }
        }
        if let prerelease, !identifiers(prerelease, numeric: true) { return false }
        if let build, !identifiers(build, numeric: false) { return false }
        return true
    }

    /// An ASCII letter's lower case; any other byte as it is.
    private static func asciiLowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
