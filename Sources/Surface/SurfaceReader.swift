import Foundation
import Git
import Pattern
import Policy

/// Why a surface could not be read at all (a missing file is not one: it yields no items).
public enum SurfaceError: Error, Sendable, CustomStringConvertible {
    case git(GitError)
    case pattern(surface: String, path: String, error: PatternError)

    public var description: String {
        switch self {
        case .git(let error): return error.description
        case .pattern(let surface, let path, let error):
            return "surface '\(surface)': \(error.description) while reading '\(path)'"
        }
    }
}

/// A version as the code declares it (`releases.version-file`), with where it was found.
public struct DeclaredVersion: Sendable, Equatable {
    /// The text of the pattern's `version` group, as written (`1.9.0`, `v1.9.0`, `1.9.0-dev`).
    public let text: String
    public let location: Location
}

/// An item as an extractor reports it, before policy globs and stability rules apply.
struct RawItem: Sendable {
    var key: String
    var attributes: [String: String]
    var stability: Stability
    var location: Location?
}

/// Reads the declared surfaces of a policy at any commit, remembering work by object id.
///
/// Trees and blobs are immutable, so a blob that did not change between two tags is never read or matched twice.
public final class SurfaceReader {
    private let repository: Repository
    private let policy: Policy
    private var regexCache: [RegexCacheKey: [RawItem]] = [:]
    private var listCache: [ObjectID: ([RawItem], [String])] = [:]
    private let goPackages = GoPackageFinder()
    private let goAPI = GoAPIReader()
    private var globVerdicts: [String: (admitted: Bool, experimental: Bool)] = [:]
    private let cobra = CobraReader()
    /// Decoded blobs of the snapshot being read (two extractors reading one file read it once).
    private var texts: [ObjectID: String] = [:]
    /// The file globs of every regex and cobra extractor, by slot; `regexSlots[surface][extractor]` is its slot.
    private let regexGlobs: [[Glob]]
    private let regexSlots: [[Int]]
    /// Literal prefixes of every regex glob alternative, to prune the tree walk.
    private let regexPrefixes: [String]

    private struct RegexCacheKey: Hashable {
        let slot: Int
        let path: String
        let blob: ObjectID
    }

    public init(repository: Repository, policy: Policy) {
        self.repository = repository
        self.policy = policy
        var globs: [[Glob]] = []
        regexSlots = policy.surfaces.map { surface in
            surface.extractors.map { extractor in
                switch extractor {
                case .regex(let spec): globs.append(spec.files)
                case .cobra(let spec): globs.append(spec.files)
                case .list, .goPackages, .goAPI: return -1
                }
                return globs.count - 1
            }
        }
        regexGlobs = globs
        regexPrefixes = Array(Set(globs.flatMap { $0.flatMap(\.literalPrefixes) })).sorted()
    }

    /// The surface at `commit`: every surface's extractors united, include/exclude and experimental globs applied.
    public func snapshot(at commit: ObjectID) throws(SurfaceError) -> SurfaceSnapshot {
        try snapshot(of: try rootTree(of: commit), in: repository)
    }

    /// The surface of the working directory: files on disk, committed or not, that `.gitignore` does not exclude.
    public func snapshot(of workingTree: WorkingTree) throws(SurfaceError) -> SurfaceSnapshot {
        try snapshot(of: workingTree.root, in: workingTree)
    }

    /// The version the code declares at `commit` (`releases.version-file`), or nil when no listed file has one.
    public func declaredVersion(at commit: ObjectID) throws(SurfaceError) -> DeclaredVersion? {
        try declaredVersion(in: try rootTree(of: commit), source: repository)
    }

    private func rootTree(of commit: ObjectID) throws(SurfaceError) -> ObjectID {
        do {
            return try repository.rootTree(of: commit)
        } catch {
            throw .git(error)
        }
    }

    /// The version the working directory's files declare (`releases.version-file`).
    public func declaredVersion(in workingTree: WorkingTree) throws(SurfaceError) -> DeclaredVersion? {
        try declaredVersion(in: workingTree.root, source: workingTree)
    }

    /// The first `version-file` entry whose file exists and whose pattern matches a non-empty `version` group.
    private func declaredVersion(in tree: ObjectID, source: any FileTree) throws(SurfaceError) -> DeclaredVersion? {
        var notes: [String] = []
        for spec in policy.releases.versionFiles {
            let found: ObjectID?
            do {
                found = try source.blobID(atPath: spec.path, inTree: tree)
            } catch {
                throw .git(error)
            }
            guard let blob = found, let text = try readText(blob, path: spec.path, source: source, notes: &notes)
            else { continue }
            let matches: [PatternMatch]
            do {
                matches = try spec.pattern.matches(in: text)
            } catch {
                throw .pattern(surface: "releases.version-file", path: spec.path, error: error)
            }
            for match in matches {
                guard let version = match.groups["version"], !version.isEmpty else { continue }
                let line = match.groupLine("version") ?? match.line
                return DeclaredVersion(text: version, location: Location(path: spec.path, line: line))
            }
        }
        return nil
    }

    /// The surface of the folder `tree` of `source`.
    private func snapshot(of tree: ObjectID, in source: any FileTree) throws(SurfaceError) -> SurfaceSnapshot {
        texts = [:]
        defer { texts = [:] }
        let files: [Candidate]
        do {
            files = try regexCandidates(in: tree, source: source)
        } catch {
            throw .git(error)
        }
        var snapshot = SurfaceSnapshot()
        for (surfaceIndex, surface) in policy.surfaces.enumerated() {
            var raw: [RawItem] = []
            for (extractorIndex, extractor) in surface.extractors.enumerated() {
                switch extractor {
                case .regex(let spec):
                    let slot = regexSlots[surfaceIndex][extractorIndex]
                    raw += try regexItems(
                        spec, surface: surface.name, slot: slot, files: files.filter { $0.extractors.contains(slot) },
                        source: source, notes: &snapshot.notes)
                case .list(let spec):
                    raw += try listItems(spec, tree: tree, source: source, notes: &snapshot.notes)
                case .goPackages(let spec):
                    do {
                        raw += try goPackages.items(spec, tree: tree, files: source, notes: &snapshot.notes)
                    } catch {
                        throw .git(error)
                    }
                case .goAPI(let spec):
                    do {
                        raw += try goAPI.items(
                            spec, tree: tree, source: source, notes: &snapshot.notes, problems: &snapshot.problems)
                    } catch {
                        throw .git(error)
                    }
                case .cobra(let spec):
                    let slot = regexSlots[surfaceIndex][extractorIndex]
                    var readNotes: [String] = []
                    var incomplete = false
                    raw += try cobra.items(
                        spec, slot: slot,
                        files: files.filter { $0.extractors.contains(slot) }.map { ($0.path, $0.blob) },
                        read: { (blob, path) throws(SurfaceError) in
                            try readText(blob, path: path, source: source, notes: &readNotes)
                        },
                        notes: &snapshot.notes, incomplete: &incomplete)
                    snapshot.notes += readNotes
                    if incomplete { snapshot.incomplete.insert(surface.name) }
                }
            }
            merge(raw, into: &snapshot, surface: surface)
        }
        return snapshot
    }

    private func merge(_ raw: [RawItem], into snapshot: inout SurfaceSnapshot, surface: SurfaceSpec) {
        for item in raw {
            let id = "\(surface.name):\(item.key)"
            let (admitted, experimental) = globVerdict(id: id, key: item.key, surface: surface)
            if !admitted { continue }
            var stability = item.stability
            if stability == .stable && experimental { stability = .experimental }
            if var existing = snapshot.items[id] {
                existing.attributes.merge(item.attributes) { first, _ in first }
                if stability == .deprecated { existing.stability = .deprecated }
                snapshot.items[id] = existing
            } else {
                snapshot.items[id] = SurfaceItem(
                    surface: surface.name, key: item.key, attributes: item.attributes, stability: stability,
                    location: item.location)
            }
        }
    }

    /// Whether the surface's include and exclude globs admit an item and whether an experimental glob matches it,
    /// remembered by id: the same keys recur at every revision.
    private func globVerdict(id: String, key: String, surface: SurfaceSpec) -> (admitted: Bool, experimental: Bool) {
        if let known = globVerdicts[id] { return known }
        let admitted =
            (surface.include.isEmpty || surface.include.contains { $0.matches(key) })
            && !surface.exclude.contains { $0.matches(key) }
        let verdict = (admitted, admitted && policy.experimental.contains { $0.matches(id) })
        globVerdicts[id] = verdict
        return verdict
    }

    // MARK: regex

    /// A file some regex extractor reads, with the slots of the extractors whose globs match its path.
    private struct Candidate {
        let path: String
        let blob: ObjectID
        let extractors: [Int]
    }

    /// Every blob some regex extractor's glob matches, found in one walk that skips folders no glob can reach;
    /// each path is matched against the globs once.
    private func regexCandidates(in tree: ObjectID, source: any FileTree) throws(GitError) -> [Candidate] {
        guard !regexGlobs.isEmpty else { return [] }
        var files: [Candidate] = []
        try source.walkFiles(
            tree: tree,
            descend: { folder in
                let directory = folder + "/"
                return regexPrefixes.contains { $0.hasPrefix(directory) || directory.hasPrefix($0) }
            },
            visit: { path, entry in
                let slots = regexGlobs.indices.filter { slot in regexGlobs[slot].contains { $0.matches(path) } }
                if !slots.isEmpty { files.append(Candidate(path: path, blob: entry.id, extractors: slots)) }
            })
        return files
    }

    private func regexItems(
        _ spec: RegexExtractorSpec, surface: String, slot: Int, files: [Candidate], source: any FileTree,
        notes: inout [String]
    ) throws(SurfaceError) -> [RawItem] {
        var items: [RawItem] = []
        for file in files {
            let key = RegexCacheKey(slot: slot, path: file.path, blob: file.blob)
            if let cached = regexCache[key] {
                items += cached
                continue
            }
            guard let text = try readText(file.blob, path: file.path, source: source, notes: &notes) else { continue }
            let matches: [PatternMatch]
            do {
                matches = try spec.pattern.matches(in: text)
            } catch {
                throw SurfaceError.pattern(surface: surface, path: file.path, error: error)
            }
            let found = matches.compactMap { match in regexItem(match, spec: spec, path: file.path) }
            regexCache[key] = found
            items += found
        }
        return items
    }

    /// A blob's text, or nil (with a note) when the object store lacks it. Read at most once per snapshot.
    private func readText(_ blob: ObjectID, path: String, source: any FileTree, notes: inout [String])
        throws(SurfaceError) -> String?
    {
        if let text = texts[blob] { return text }
        do {
            let text = try source.text(ofBlob: blob)
            texts[blob] = text
            return text
        } catch {
            if case .missingObject = error {
                notes.append("\(path): blob \(blob.short) is missing from the object store; skipped")
                return nil
            }
            throw .git(error)
        }
    }

    private func regexItem(_ match: PatternMatch, spec: RegexExtractorSpec, path: String) -> RawItem? {
        let key: String
        if let template = spec.key {
            key = KeyTemplate.fill(template, path: path, groups: match.groups)
        } else {
            key = match.groups["name"] ?? ""
        }
        guard !key.isEmpty else { return nil }
        var attributes: [String: String] = [:]
        for (group, value) in match.groups where group != "name" && group != "deprecated" {
            attributes[group] = value
        }
        var stability = spec.stability ?? .stable
        if let marker = match.groups["deprecated"], !marker.isEmpty { stability = .deprecated }
        let line = match.groupLine("name") ?? match.line
        return RawItem(
            key: key, attributes: attributes, stability: stability, location: Location(path: path, line: line))
    }

    // MARK: list

    private func listItems(
        _ spec: ListExtractorSpec, tree: ObjectID, source: any FileTree, notes: inout [String]
    ) throws(SurfaceError) -> [RawItem] {
        let found: ObjectID?
        do {
            found = try source.blobID(atPath: spec.path, inTree: tree)
        } catch {
            throw .git(error)
        }
        guard let blob = found else { return [] }
        if let (items, fileNotes) = listCache[blob] {
            notes += fileNotes
            return items
        }
        guard let text = try readText(blob, path: spec.path, source: source, notes: &notes) else { return [] }
        let parsed = ListFile.parse(text, path: spec.path)
        listCache[blob] = (parsed.items, parsed.notes)
        notes += parsed.notes
        return parsed.items
    }
}

/// Fills a `key` template: `{path}`, `{dir}`, `{stem}`, `{file}` and any named group.
enum KeyTemplate {
    static func fill(_ template: String, path: String, groups: [String: String]) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let dir = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : ""
        let stem = file.contains(".") ? String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)]) : file
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            switch name {
            case "path": output += path
            case "dir": output += dir
            case "stem": output += stem
            case "file": output += file
            default: output += groups[name] ?? ""
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
