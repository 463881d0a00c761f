import Git
import GoSource

/// The packages of one Go module at one revision, read when a type is followed from one package into another: an
/// embedded struct or interface whose members are promoted, or a field whose comparability its type decides.
///
/// Every folder of the module that may hold a package is known (`internal/` included: an exported type may embed
/// an internal one, whose exported members users then reach); a package is parsed only when a type is followed
/// into it, once per revision. What one package's items read from the others is recorded (`consulted`): each
/// package asked for and each of its type declarations and method sets looked up, with a fingerprint of what the
/// lookup found, so the reader reuses the items at a later revision while those declarations are unchanged, however
/// much else of those packages changed. Reading a file may fail (a missing
/// object): the failure is kept and the reader stops the run with it (fail closed); the items built meanwhile are
/// thrown away. Packages of other modules are never read: their types stay unknown, with a note.
final class GoModuleScope {
    /// The module's path (`example.com/m`).
    let modulePath: String
    /// The `.go` files (tests left out) and the repository folder of each package folder, by import path.
    private let folders: [String: (folder: String, files: [TreeEntry])]
    private let parse: ([TreeEntry]) throws(GitError) -> [ObjectID: ParsedGoFile]
    private var loaded: [String: GoAPIPackage?] = [:]
    /// `fingerprint(of:)` of each lookup asked for at this revision.
    private var fingerprints: [Read: Int] = [:]
    /// The first read that failed; the reader throws it once the package being built is done.
    private(set) var failure: GitError?
    /// The lookups into other packages since `startRecording()`; nil while not recording.
    private var reads: Set<Read>?
    /// The lookups of one type built alone since `startTypeRecording()`, in its own package and in others; nil while
    /// not recording.
    private var typeReads: Set<Read>?

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

    /// Starts recording the lookups of one package build.
    func startRecording() {
        reads = []
    }

    /// What the build since `startRecording()` read from other packages, by package: the package's files (when they
    /// are the same at a later revision, so is everything read) and each lookup with the fingerprint of its answer.
    /// Ends the recording.
    func consulted() -> [String: PackageReads] {
        var result: [String: PackageReads] = [:]
        for read in reads ?? [] {
            result[read.importPath, default: PackageReads(blobs: blobs(of: read.importPath))].lookups.append(
                PackageReads.Lookup(kind: read.kind, name: read.name, fingerprint: fingerprint(of: read)))
        }
        reads = nil
        return result
    }

    /// Whether every lookup of `consulted` finds what it found when it was recorded, at this revision; false when a
    /// package could not be read (the rebuild then stops the run with the failure).
    func isCurrent(_ consulted: [String: PackageReads]) -> Bool {
        let same = consulted.allSatisfy { importPath, package in
            blobs(of: importPath) == package.blobs
                || package.lookups.allSatisfy {
                    fingerprint(of: Read(importPath: importPath, kind: $0.kind, name: $0.name)) == $0.fingerprint
                }
        }
        return same && failure == nil
    }

    /// Notes a lookup of another package's declarations by the package being built (`GoAPIPackage`'s accessors).
    func noteRead(_ kind: Read.Kind, _ name: String, in importPath: String) {
        let read = Read(importPath: importPath, kind: kind, name: name)
        reads?.insert(read)
        typeReads?.insert(read)
    }

    /// Notes a lookup in the package being built itself: only a type built alone records it (the package's own
    /// files are its cache key).
    func noteOwnRead(_ kind: Read.Kind, _ name: String, in importPath: String) {
        typeReads?.insert(Read(importPath: importPath, kind: kind, name: name))
    }

    /// Adds the lookups of other packages that a reused type made when it was built to the package's recording.
    func noteReads<Reads: Sequence<Read>>(_ reused: Reads) {
        guard reads != nil else { return }
        for read in reused { reads?.insert(read) }
    }

    /// Starts recording the lookups of one type built alone (`GoAPIPackage.items(reusing:)`).
    func startTypeRecording() {
        typeReads = []
    }

    /// The lookups since `startTypeRecording()`; ends that recording.
    func endTypeRecording() -> Set<Read> {
        defer { typeReads = nil }
        return typeReads ?? []
    }

    /// The package of this module at `importPath`, parsed on first use; nil for another module's package, a folder
    /// without Go files, or a read that failed (kept in `failure`).
    func package(at importPath: String) -> GoAPIPackage? {
        guard contains(importPath) else { return nil }
        noteRead(.package, "", in: importPath)
        return load(importPath)
    }

    /// `package(at:)` without recording it.
    private func load(_ importPath: String) -> GoAPIPackage? {
        if let known = loaded[importPath] { return known }
        var result: GoAPIPackage?
        if let entry = folders[importPath], failure == nil {
            do {
                let parsed = try parse(entry.files)
                let files = entry.files.compactMap { parsed[$0.id]?.named($0.name) }
                if GoAPIPackage.packageName(of: files) != nil {
                    result = GoAPIPackage(
                        importPath: importPath, folder: entry.folder, files: files, ignoreValues: { _ in false },
                        scope: self, recordsReads: true)
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

    /// The fingerprint of what a lookup finds at this revision: the package's folder and name, or the declarations
    /// of a type or of its methods, with the files declaring them (name, build condition, imports: how the names
    /// they write resolve), or whether a type is declared. Equal declarations give equal fingerprints; a different
    /// one gives another but for a 64-bit hash collision (the hasher's seed is random per run, so a repository cannot
    /// aim for one).
    func fingerprint(of read: Read) -> Int {
        if let known = fingerprints[read] { return known }
        let found = Self.fingerprint(read.kind, read.name, in: load(read.importPath))
        fingerprints[read] = found
        return found
    }

    /// `fingerprint(of:)` of a lookup in `package` (nil: no such package). A const's value is not read here (the
    /// package's builder fingerprints its own consts).
    static func fingerprint(_ kind: Read.Kind, _ name: String, in package: GoAPIPackage?) -> Int {
        var hasher = Hasher()
        guard let package else {
            hasher.combine(0)
            return hasher.finalize()
        }
        hasher.combine(1)
        switch kind {
        case .package:
            hasher.combine(package.folder)
            hasher.combine(package.name)
        case .type:
            if let declared = package.declaredType(name, recording: false) {
                combine(declared, into: &hasher)
            }
        case .exists:
            hasher.combine(package.declaredType(name, recording: false) != nil)
        case .methods:
            for (name, declared) in (package.declaredMethods(of: name, recording: false) ?? [:]).sorted(by: {
                $0.key < $1.key
            }) {
                // What an item shows of a method: its body, and where on its line it starts, are no part of it.
                let function = declared.value
                hasher.combine(name)
                hasher.combine(function.receiver)
                hasher.combine(function.signature)
                hasher.combine(function.doc)
                hasher.combine(function.position.line)
                combineFile(of: declared, into: &hasher)
            }
        case .constant:
            hasher.combine(2)
        case .function:
            if let declared = package.declaredFunction(name, recording: false) {
                // What a var holding the func shows of it: its signature, where it is declared and in which builds.
                hasher.combine(declared.value.signature)
                combineFile(of: declared, into: &hasher)
            }
        }
        return hasher.finalize()
    }

    private static func combine<T: Hashable>(_ declared: GoAPIPackage.Declared<T>, into hasher: inout Hasher) {
        hasher.combine(declared.value)
        combineFile(of: declared, into: &hasher)
    }

    /// The build conditions of a declaration and the file declaring it (name, condition, imports).
    private static func combineFile<T>(of declared: GoAPIPackage.Declared<T>, into hasher: inout Hasher) {
        hasher.combine(declared.conditions)
        hasher.combine(declared.file.name)
        hasher.combine(declared.file.condition)
        hasher.combine(declared.file.file.imports)
    }

    /// One lookup into a package: the package itself, a type's declaration, whether a type is declared, a type's
    /// methods, or (in the package being built) a const's value.
    struct Read: Hashable {
        enum Kind: UInt8 {
            case package, type, methods, exists, constant, function
        }

        let importPath: String
        let kind: Kind
        let name: String
    }

    /// The lookups of one package build into one other package.
    struct PackageReads {
        struct Lookup {
            let kind: Read.Kind
            let name: String
            let fingerprint: Int
        }

        /// The package's files when recorded.
        let blobs: [ObjectID]
        var lookups: [Lookup] = []

        /// Approximate bytes held, for the cache's bound.
        var cost: Int { 32 * blobs.count + lookups.reduce(CacheCost.overhead) { $0 + CacheCost.of($1.name) + 16 } }
    }
}
