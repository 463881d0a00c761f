import Cobra
import Git
import GoSource
import Limits
import Policy

extension ExtractionContext {
    /// The module files that say which cobra the matched files build with: the `go.mod` of the module that holds
    /// most of them (`vendor.mod` at the root, docker/cli's; on a tie the outer module), and `vendor/modules.txt`
    /// beside it, path and blob.
    func cobraModuleFiles() throws(SurfaceError) -> [(path: String, blob: ObjectID)] {
        var filesInFolder: [String: Int] = [:]
        for file in files where GoFileName.isPackageSource(file.path) {
            filesInFolder[Self.folder(of: file.path), default: 0] += 1
        }
        // The module file of each folder, nil for none; folders met on the way up are looked up once.
        var moduleOf: [String: (path: String, blob: ObjectID)?] = [:]
        var filesInModule: [String: (count: Int, file: (path: String, blob: ObjectID))] = [:]
        var lookups = PathResolver(source, budget: Limit.treeEntriesPerWalk)
        do {
            for (folder, count) in filesInFolder {
                var parts = folder.split(separator: "/")
                var visited: [String] = []
                var found: (path: String, blob: ObjectID)?
                while true {
                    let current = parts.joined(separator: "/")
                    if let known = moduleOf[current] {
                        found = known
                        break
                    }
                    visited.append(current)
                    let prefix = current.isEmpty ? "" : current + "/"
                    for name in current.isEmpty ? ["go.mod", "vendor.mod"] : ["go.mod"] where found == nil {
                        found = try lookups.blobID(atPath: prefix + name, inTree: tree).map { (prefix + name, $0) }
                    }
                    if found != nil || parts.isEmpty { break }
                    parts.removeLast()
                }
                for folder in visited { moduleOf[folder] = .some(found) }
                guard let found else { continue }
                filesInModule[found.path, default: (0, found)].count += count
            }
            let best = filesInModule.values.max { lhs, rhs in
                (lhs.count, rhs.file.path.count, rhs.file.path) < (rhs.count, lhs.file.path.count, lhs.file.path)
            }
            guard let module = best?.file else { return [] }
            var result = [module]
            let prefix = module.path.split(separator: "/").dropLast().map { $0 + "/" }.joined()
            if let vendored = try lookups.blobID(atPath: prefix + "vendor/modules.txt", inTree: tree) {
                result.append((prefix + "vendor/modules.txt", vendored))
            }
            return result
        } catch {
            throw .git(error)
        }
    }

    /// Where, besides the module cache, Go may take kubectl's group-adder package (``CobraGroupAdder``) from for the
    /// matched Go files (review R104): every `go.work` in their folders or above them (`go` uses the nearest to where
    /// it runs), and every `vendor/` copy of the package there whose `command_groups.go` is not kubectl's published
    /// blob (in module mode only the module root's `vendor/` counts, in GOPATH mode every one above the importer's
    /// folder: all are looked at). Names are compared without ASCII case (a case-insensitive checkout builds
    /// `Vendor/` too); a link, submodule or second spelling on the way to a copy counts as another copy. Bounded by
    /// ``treeEntries`` entries listed; past that the answer is `unread`.
    func groupAdderTree() throws(SurfaceError) -> (
        sources: CobraModule.PackageSources, moduleFiles: [(path: String, blob: ObjectID)]
    ) {
        var moduleBlobs: [(path: String, blob: ObjectID)] = []
        var folders: Set<String> = [""]
        for file in files where GoFileName.isPackageSource(file.path) {
            var parts = Self.folder(of: file.path).split(separator: "/")
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts.removeLast() }
        }
        var found = CobraModule.PackageSources()
        var listed = 0
        func same(_ name: String, _ wanted: String) -> Bool {
            name.utf8.count == wanted.utf8.count
                && zip(name.utf8, wanted.utf8).allSatisfy { Self.lowered($0) == Self.lowered($1) }
        }
        do {
            func entries(_ id: ObjectID) throws(GitError) -> [TreeEntry]? {
                let found = try source.entries(ofTree: id)
                listed += found.count
                return listed <= treeEntries ? found : nil
            }
            var listings: [String: [TreeEntry]] = [:]
            // Parents before children: a folder's path is longer than its parent's.
            for folder in folders.sorted(by: { ($0.utf8.count, $0) < ($1.utf8.count, $1) }) {
                let id: ObjectID
                if folder.isEmpty {
                    id = tree
                } else {
                    let cut = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
                    let parent = cut.map { String(folder[..<$0]) } ?? ""
                    let name = cut.map { String(folder[folder.index(after: $0)...]) } ?? folder
                    guard let entry = listings[parent]?.first(where: { $0.kind == .tree && $0.name == name }) else {
                        continue
                    }
                    id = entry.id
                }
                guard let listing = try entries(id) else {
                    found.unread = "more than \(treeEntries) folder entries"
                    break
                }
                listings[folder] = listing
                let prefix = folder.isEmpty ? "" : folder + "/"
                for entry in listing where same(entry.name, "go.work") { found.workspaces.append(prefix + entry.name) }
                for entry in listing where same(entry.name, "go.mod") || same(entry.name, "vendor.mod") {
                    guard entry.kind == .blob else {
                        found.unread = "\(prefix + entry.name) is not a file"
                        continue
                    }
                    found.moduleFiles.append("\(prefix + entry.name) \(entry.id.hex)")
                    moduleBlobs.append((prefix + entry.name, entry.id))
                }
                for entry in listing where same(entry.name, "vendor") && entry.kind != .blob {
                    // Down to the package's folder; a link or submodule on the way, or two spellings, may be anything.
                    var path = prefix + entry.name
                    var current = entry
                    var walked = 0
                    var absent = false
                    for part in CobraGroupAdder.vendorPath where current.kind == .tree {
                        guard let inside = try entries(current.id) else { break }
                        let next = inside.filter { same($0.name, part) && $0.kind != .blob }
                        absent = next.isEmpty
                        guard next.count == 1 else { break }
                        current = next[0]
                        path += "/" + current.name
                        walked += 1
                    }
                    if absent { continue }
                    var published = false
                    if walked == CobraGroupAdder.vendorPath.count, current.kind == .tree,
                        let inside = try entries(current.id)
                    {
                        let declaring = inside.filter { same($0.name, CobraGroupAdder.file) }
                        published =
                            declaring.count == 1 && declaring[0].kind == .blob
                            && declaring[0].id.hex == CobraGroupAdder.publishedBlob
                    }
                    if listed > treeEntries { found.unread = "more than \(treeEntries) folder entries" }
                    if !published { found.vendored.append(path) }
                }
            }
        } catch {
            throw .git(error)
        }
        return (found, moduleBlobs)
    }

    /// An ASCII letter's lower case; any other byte as it is.
    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// The folders of the matched `.go` files (not tests) that hold another such file the globs did not match: code
    /// of the same package that is not read (``CobraExtractor/surface(of:root:names:library:maximumWork:sortingItems:partialFolders:)``).
    /// Names are compared by their bytes, as git spells them; a folder that cannot be looked up counts as one.
    ///
    /// What a folder's listing says is kept between revisions (``PartlyMatchedFolders``): the tree each step of the
    /// walk down reaches, and the answer for a folder's tree and the names matched in it. Both depend on nothing
    /// else, so a release that changed a few folders looks only at those.
    func goFoldersPartlyMatched() throws(SurfaceError) -> [String] {
        var matched: [String: Set<[UInt8]>] = [:]
        for file in files where GoFileName.isPackageSource(file.path) {
            matched[Self.folder(of: file.path), default: []].insert(Self.lastComponent(of: file.path))
        }
        let known = cache(PartlyMatchedFolders.init)
        var partial: [String] = []
        do {
            search: for (folder, names) in matched.sorted(by: { Bytewise.precedes($0.key, $1.key) }) {
                var id = tree
                for part in folder.split(separator: "/") {
                    let step = PartlyMatchedFolders.Step(tree: id, name: Array(part.utf8))
                    let child: ObjectID?
                    if let found = known.steps[step] {
                        child = found
                    } else {
                        child = try source.entries(ofTree: id).first {
                            $0.kind == .tree && $0.name.utf8.elementsEqual(step.name)
                        }?.id
                        known.steps.insert(child, for: step, cost: step.name.count + PartlyMatchedFolders.stepCost)
                    }
                    guard let child else {
                        partial.append(folder)
                        continue search
                    }
                    id = child
                }
                let verdict = PartlyMatchedFolders.Verdict(tree: id, names: names)
                let holdsOther: Bool
                if let found = known.verdicts[verdict] {
                    holdsOther = found
                } else {
                    holdsOther = try source.entries(ofTree: id).contains(where: {
                        $0.kind != .tree && GoFileName.isPackageSource($0.name)
                            && !names.contains(Array($0.name.utf8))
                    })
                    known.verdicts.insert(
                        holdsOther, for: verdict,
                        cost: names.reduce(PartlyMatchedFolders.stepCost) { $0 + $1.count + CacheCost.overhead })
                }
                if holdsOther { partial.append(folder) }
            }
        } catch {
            throw .git(error)
        }
        return partial
    }

    /// The bytes of the last component of `path` split at each `/` character (empty components kept): in ASCII the
    /// bytes after the last `/`; other text is split by characters, as a `/` followed by a combining mark is no
    /// separator there.
    private static func lastComponent(of path: String) -> [UInt8] {
        // The same in place, when the bytes are contiguous (native and small strings): nil when not ASCII.
        let inPlace = path.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
            var start = 0
            for index in bytes.indices {
                if bytes[index] >= 0x80 { return nil }
                if bytes[index] == UInt8(ascii: "/") { start = index + 1 }
            }
            return Array(bytes[start...])
        }
        if let inPlace, let found = inPlace { return found }
        let bytes = path.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return Array(bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...])
        }
        return Array((path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? "").utf8)
    }

    /// The folder of `path` as its components without the last, joined by `/` (empty components left out): a cut at
    /// the last `/` when the path has no empty component, which is how trees spell paths.
    private static func folder(of path: String) -> String {
        let slash = UInt8(ascii: "/")
        // The same in place, when the bytes are contiguous (native and small strings): the bytes before the last `/`,
        // or nil when the path has an empty component (left to the split below).
        let inPlace = path.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var previous = slash
            var last = -1
            for index in bytes.indices {
                if bytes[index] == slash {
                    if previous == slash { return nil }
                    last = index
                }
                previous = bytes[index]
            }
            if previous == slash { return nil }
            return last < 0 ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<last]), as: UTF8.self)
        }
        if let inPlace, let found = inPlace { return found }
        // Starting as if after a `/` finds a leading one; ending after one finds a trailing one (or an empty path).
        var previous = slash
        for byte in path.utf8 {
            if byte == slash && previous == slash {
                return path.split(separator: "/").dropLast().joined(separator: "/")
            }
            previous = byte
        }
        if previous == slash { return path.split(separator: "/").dropLast().joined(separator: "/") }
        return path.utf8.lastIndex(of: slash).map { String(path[..<$0]) } ?? ""
    }

    /// What the module files say of cobra, for the commands it adds by itself; `notes` gets a note for a file the
    /// object store lacks.
    /// The library is remembered by the files' paths and blobs: a `vendor/modules.txt` that did not change is not
    /// read again (k6's is read at every release otherwise).
    func cobraLibrary(
        _ moduleFiles: [(path: String, blob: ObjectID)], notes: inout [String]
    ) throws(SurfaceError) -> CobraLibrary {
        let known = cache(CobraLibraries.init)
        let (sources, adderModuleFiles) = try groupAdderTree()
        let key = CobraLibraries.Key(
            files: moduleFiles.map { CobraLibraries.File(path: $0.path, blob: $0.blob) }, sources: sources)
        if let library = known.libraries[key] { return library }
        var texts: [(path: String, text: String)] = []
        for file in moduleFiles {
            guard let text = try text(of: file.blob, path: file.path, notes: &notes) else { continue }
            texts.append((file.path, text))
        }
        let goMod = texts.first { !$0.path.hasSuffix("modules.txt") }
        let modulesTxt = texts.first { $0.path.hasSuffix("modules.txt") }
        // Every module file at or above the files read: a replace in any of them may be the one `go` builds with.
        var goMods: [(path: String, text: String)] = []
        var adderSources = sources
        for file in adderModuleFiles {
            guard let text = try text(of: file.blob, path: file.path, notes: &notes) else {
                adderSources.unread = "\(file.path) cannot be read"
                continue
            }
            goMods.append((file.path, text))
        }
        let library = CobraLibrary.module(
            CobraModule.read(goMod: goMod, modulesTxt: modulesTxt),
            groupAdderElsewhere: CobraModule.groupAdderElsewhere(goMods: goMods, tree: adderSources))
        if texts.count == moduleFiles.count, adderSources.unread == sources.unread {
            if known.libraries.count >= CobraLibraries.limit { known.libraries = [:] }
            known.libraries[key] = library
        }
        return library
    }
}

/// What the module files of the revisions read so far say of cobra, by their paths and blobs (forgotten past `limit`
/// sets of files: a history has a few).
private final class CobraLibraries {
    static let limit = 256

    struct File: Hashable {
        let path: String
        let blob: ObjectID
    }

    /// The module files, and where else Go may take kubectl's group adder from (``ExtractionContext/groupAdderTree()``).
    struct Key: Hashable {
        let files: [File]
        let sources: CobraModule.PackageSources
    }

    var libraries: [Key: CobraLibrary] = [:]
}

extension ExtractionContext {
    /// The folder of the module the cobra extractor reads (the folder of the `go.mod` ``cobraModuleFiles()`` picks),
    /// with its tree: nil when there is none.
    func cobraModuleFolder() throws(SurfaceError) -> (path: String, tree: ObjectID)? {
        guard let module = try cobraModuleFiles().first(where: { !$0.path.hasSuffix("modules.txt") }) else {
            return nil
        }
        let parts = module.path.split(separator: "/").dropLast()
        var id = tree
        do {
            for part in parts {
                let bytes = Array(part.utf8)
                guard let entry = try source.entries(ofTree: id).first(where: {
                    $0.kind == .tree && Array($0.name.utf8) == bytes
                }) else { return nil }
                id = entry.id
            }
        } catch {
            throw .git(error)
        }
        return (parts.joined(separator: "/"), id)
    }

    /// The Go files (not tests) under the module folder `module` that `files` does not hold, path and blob: the code
    /// of the module the cobra extractor does not read. Folders named `testdata` or starting with `.` or `_` are left
    /// out, as the go tool leaves them; `vendor` and nested modules are not. A folder tree met again where no file
    /// of `files` is under it is not listed again (its files are the same blobs: review R25, shared subtrees). Nil
    /// past `maximumFiles` files, `maximumEntries` folder entries listed or `Limit.treeDepth` folders deep (the
    /// caller then assumes anything).
    func goFilesNotMatched(
        in module: (path: String, tree: ObjectID), maximumFiles: Int, maximumEntries: Int = Limit.treeEntriesPerWalk
    ) throws(SurfaceError) -> [(path: String, blob: ObjectID)]? {
        let matched = Set(files.map(\.path))
        // The folders that hold a file read, at any depth: a tree there may hold other files at another path.
        var holdingMatched: Set<String> = []
        for path in matched {
            var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            while !parts.isEmpty, holdingMatched.insert(parts.joined(separator: "/")).inserted { parts = parts.dropLast() }
        }
        var listedWithoutMatched: Set<ObjectID> = []
        var entriesListed = 0
        var found: [(path: String, blob: ObjectID)] = []
        var pending: [(path: String, tree: ObjectID, depth: Int)] = [(module.path, module.tree, 0)]
        do {
            while let (folder, id, depth) = pending.popLast() {
                guard depth <= Limit.treeDepth else { return nil }
                if !holdingMatched.contains(folder) {
                    guard listedWithoutMatched.insert(id).inserted else { continue }
                }
                let entries = try source.entries(ofTree: id)
                entriesListed += entries.count
                guard entriesListed <= maximumEntries else { return nil }
                for entry in entries {
                    let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                    switch entry.kind {
                    case .tree:
                        if entry.name == "testdata" || entry.name.hasPrefix(".") || entry.name.hasPrefix("_") {
                            continue
                        }
                        pending.append((path, entry.id, depth + 1))
                    case .blob:
                        guard GoFileName.isPackageSource(entry.name), !matched.contains(path)
                        else { continue }
                        found.append((path, entry.id))
                        if found.count > maximumFiles { return nil }
                    case .link:
                        // A symbolic link named like a Go file is read by the go tool (review R23): not known here.
                        if GoFileName.isPackageSource(entry.name) { return nil }
                    case .submodule:
                        continue
                    }
                }
            }
        } catch {
            throw .git(error)
        }
        return found
    }
}

/// Whether some Go file of the module the cobra extractor does not read may give a field of a name a value
/// (``CobraExtractor/fieldsWritten(inFileNotRead:)``), for the interpreter's unset pointer fields: worked out at the
/// first question, each file's names remembered by its blob (``CobraReader``), the answers kept for the reader's
/// result cache (a result reused at another revision must get the same answers there).
final class CobraFieldWriteScan {
    private var context: ExtractionContext
    private let namesByBlob: BoundedCache<ObjectID, Set<String>>
    /// The names any file not read writes; nil until asked, empty set with `unknown` when they cannot be read.
    private var written: Set<String>?
    private var unknown = false
    /// The questions asked and their answers.
    private(set) var answers: [String: Bool] = [:]

    /// Past this many Go files not read, every field counts as written.
    static let maximumFiles = 50_000

    init(context: ExtractionContext, namesByBlob: BoundedCache<ObjectID, Set<String>>) {
        self.context = context
        self.namesByBlob = namesByBlob
    }

    /// Whether a file not read may give field `name` a value.
    func writes(_ name: String) -> Bool {
        if written == nil { scan() }
        let answer = unknown || written?.contains(name) != false
        answers[name] = answer
        return answer
    }

    private func scan() {
        var names: Set<String> = []
        defer { written = names }
        guard let module = try? context.cobraModuleFolder(),
            let others = try? context.goFilesNotMatched(
                in: module, maximumFiles: Self.maximumFiles, maximumEntries: context.treeEntries)
        else {
            unknown = true
            return
        }
        for file in others {
            if let known = namesByBlob[file.blob] {
                names.formUnion(known)
                continue
            }
            // A file the object store lacks could write anything.
            guard let text = try? context.text(of: file.blob, path: file.path) else {
                unknown = true
                return
            }
            let found = CobraExtractor.fieldsWritten(inFileNotRead: text)
            namesByBlob.insert(found, for: file.blob, cost: found.reduce(64) { $0 + 32 + $1.utf8.count })
            names.formUnion(found)
        }
    }
}

/// What ``ExtractionContext/goFoldersPartlyMatched()`` read of folder listings, kept between revisions: the folder
/// tree a name leads to from a tree (nil: none), and whether a folder's tree holds a Go file (not a test) outside the
/// names matched in it. Git objects do not change, so each answer holds for as long as it is kept; bounded by
/// estimated bytes (half of `itemCacheBytes` each), least recently used first to go.
final class PartlyMatchedFolders {
    struct Step: Hashable {
        let tree: ObjectID
        let name: [UInt8]
    }

    struct Verdict: Hashable {
        let tree: ObjectID
        let names: Set<[UInt8]>
    }

    /// The estimated bytes of an entry besides its names.
    static let stepCost = 96

    let steps = BoundedCache<Step, ObjectID?>(capacity: Limit.itemCacheBytes / 2)
    let verdicts = BoundedCache<Verdict, Bool>(capacity: Limit.itemCacheBytes / 2)
}
