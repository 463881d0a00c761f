import Cobra
import Git
import Limits
import Policy

extension ExtractionContext {
    /// The module files that say which cobra the matched files build with: the `go.mod` of the module that holds
    /// most of them (`vendor.mod` at the root, docker/cli's; on a tie the outer module), and `vendor/modules.txt`
    /// beside it, path and blob.
    func cobraModuleFiles() throws(SurfaceError) -> [(path: String, blob: ObjectID)] {
        var filesInFolder: [String: Int] = [:]
        for file in files where file.path.hasSuffix(".go") {
            filesInFolder[Self.folder(of: file.path), default: 0] += 1
        }
        // The module file of each folder, nil for none; folders met on the way up are looked up once.
        var moduleOf: [String: (path: String, blob: ObjectID)?] = [:]
        var filesInModule: [String: (count: Int, file: (path: String, blob: ObjectID))] = [:]
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
                        found = try source.blobID(atPath: prefix + name, inTree: tree).map { (prefix + name, $0) }
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
            if let vendored = try source.blobID(atPath: prefix + "vendor/modules.txt", inTree: tree) {
                result.append((prefix + "vendor/modules.txt", vendored))
            }
            return result
        } catch {
            throw .git(error)
        }
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
        for file in files where file.path.hasSuffix(".go") && !file.path.hasSuffix("_test.go") {
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
                        $0.kind != .tree && $0.name.hasSuffix(".go") && !$0.name.hasSuffix("_test.go")
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
        let key = moduleFiles.map { CobraLibraries.File(path: $0.path, blob: $0.blob) }
        if let library = known.libraries[key] { return library }
        var texts: [(path: String, text: String)] = []
        for file in moduleFiles {
            guard let text = try text(of: file.blob, path: file.path, notes: &notes) else { continue }
            texts.append((file.path, text))
        }
        let goMod = texts.first { !$0.path.hasSuffix("modules.txt") }
        let modulesTxt = texts.first { $0.path.hasSuffix("modules.txt") }
        let library = CobraLibrary.module(CobraModule.read(goMod: goMod, modulesTxt: modulesTxt))
        if texts.count == moduleFiles.count {
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

    var libraries: [[File]: CobraLibrary] = [:]
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
