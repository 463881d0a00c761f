import Git
import GoSource

/// The packages of one Go module at one revision, read when a type is followed from one package into another: an
/// embedded struct or interface whose members are promoted, or a field whose comparability its type decides.
///
/// Every folder of the module that may hold a package is known (`internal/` included: an exported type may embed
/// an internal one, whose exported members users then reach); a package is parsed only when a type is followed
/// into it, once per revision. What one package's items depended on is recorded (`consulted`), so the reader
/// reuses them at a later revision only while those packages are unchanged. Reading a file may fail (a missing
/// object): the failure is kept and the reader stops the run with it (fail closed); the items built meanwhile are
/// thrown away. Packages of other modules are never read: their types stay unknown, with a note.
final class GoModuleScope {
    /// The module's path (`example.com/m`).
    let modulePath: String
    /// The `.go` files (tests left out) and the repository folder of each package folder, by import path.
    private let folders: [String: (folder: String, files: [TreeEntry])]
    private let parse: ([TreeEntry]) throws(GitError) -> [ObjectID: ParsedGoFile]
    private var loaded: [String: GoAPIPackage?] = [:]
    /// The first read that failed; the reader throws it once the package being built is done.
    private(set) var failure: GitError?
    /// The packages asked for since `startRecording()`, each with the files it was read from.
    private(set) var consulted: [String: [ObjectID]] = [:]

    init(
        modulePath: String, folders: [String: (folder: String, files: [TreeEntry])],
        parse: @escaping ([TreeEntry]) throws(GitError) -> [ObjectID: ParsedGoFile]
    ) {
        self.modulePath = modulePath
        self.folders = folders
        self.parse = parse
    }

    /// True when `importPath` names a package of this module (it may not exist).
    func contains(_ importPath: String) -> Bool {
        importPath == modulePath || importPath.hasPrefix(modulePath + "/")
    }

    /// The files of the package at `importPath` at this revision; empty when there is none.
    func blobs(of importPath: String) -> [ObjectID] {
        folders[importPath]?.files.map(\.id) ?? []
    }

    func startRecording() {
        consulted = [:]
    }

    /// The package of this module at `importPath`, parsed on first use; nil for another module's package, a folder
    /// without Go files, or a read that failed (kept in `failure`).
    func package(at importPath: String) -> GoAPIPackage? {
        guard contains(importPath) else { return nil }
        consulted[importPath] = blobs(of: importPath)
        if let known = loaded[importPath] { return known }
        var result: GoAPIPackage?
        if let entry = folders[importPath], failure == nil {
            do {
                let parsed = try parse(entry.files)
                let files = entry.files.compactMap { parsed[$0.id] }
                if GoAPIPackage.packageName(of: files) != nil {
                    result = GoAPIPackage(
                        importPath: importPath, folder: entry.folder, files: files, ignoreValues: { _ in false },
                        scope: self)
                }
            } catch {
                failure = failure ?? error
            }
        }
        loaded[importPath] = result
        return result
    }

    /// The import path a file imports under `qualifier`: the import's own name, else the last element of its path,
    /// else (for a package of this module whose clause differs from its folder, as in `example.com/m/v2`) the
    /// package clause of the imported package.
    func importPath(of qualifier: String, in file: ParsedGoFile) -> String? {
        if let path = GoAPIPackage.importPath(of: qualifier, in: file) { return path }
        for entry in file.file.imports where entry.name == nil && contains(entry.path) {
            if let package = package(at: entry.path), package.name == qualifier { return entry.path }
        }
        return nil
    }

    /// Drops the parsed packages (they refer back to the scope).
    func close() {
        loaded = [:]
    }
}
