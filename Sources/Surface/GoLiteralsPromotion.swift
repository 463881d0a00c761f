import Git
import GoSource
import Limits

/// The members a type listed in go-literals' `members` gets from the structs it embeds: a runtime that exposes Go
/// values (sobek, goja) promotes the exported fields and methods of an embedded struct as its own, as Go does, so
/// k6's `http.Response`, which embeds `*httpext.Response`, has `status`, `body` and `timings`.
///
/// Embedded types are followed into the other files of the package and into the module's other packages (by the
/// nearest `go.mod`), breadth first so a shallower name wins, at most `Limit.goEmbeddingDepth` levels, each type once.
/// A type of another module is not read: a note names it. A file's promoted members are kept with the blobs of
/// every folder they were read from and reused at a later revision only while those are unchanged.
final class GoLiteralsPromotion {
    /// What promotion needs of one package's files.
    struct Declarations {
        struct Structure {
            let fields: [GoField]
            let file: Int
        }
        struct Method {
            let name: String
            let line: Int
            let file: Int
        }
        var paths: [String] = []
        var imports: [[GoImport]] = []
        var packageNames: [String] = []
        var structures: [String: Structure] = [:]
        /// Exported methods by receiver type name.
        var methods: [String: [Method]] = [:]
        /// Types defined as, or aliases of, a named type (`type Response httpext.Response`).
        var definitions: [String: (type: GoType, isAlias: Bool, file: Int)] = [:]
    }

    private struct ResultKey: Hashable {
        let slot: Int
        let path: String
        let blob: ObjectID
    }

    private struct Result {
        let items: [RawItem]
        let notes: [String]
        /// The blobs of each folder read, as they were.
        let dependencies: [String: [ObjectID]]
        /// Each `go.mod` looked for (nil: none there), as it was: adding one lets an import resolve.
        let goMods: [String: ObjectID?]
    }

    private let packages = BoundedCache<[ObjectID], Declarations>(capacity: Limit.parsedFileCacheBytes / 4)
    /// Each file's parse as promotion uses it, by blob: a package read again because one of its files changed parses
    /// only that file, and a file the scan parsed is not parsed again here.
    private let files = BoundedCache<ObjectID, ParsedDeclarations>(capacity: Limit.parsedFileCacheBytes / 4)

    /// What promotion keeps of one parsed file.
    struct ParsedDeclarations {
        let packageName: String
        let imports: [GoImport]
        let declarations: [GoDeclaration]
        /// The bytes of source parsed.
        let bytes: Int

        init(_ file: GoFile, bytes: Int) {
            packageName = file.packageName
            imports = file.imports
            declarations = file.declarations
            self.bytes = bytes
        }
    }

    /// Keeps the parse of `blob` (of `bytes` bytes of source) that the scan made, for `declarations(of:)`.
    func remember(_ file: GoFile, of blob: ObjectID, bytes: Int) {
        files.insert(ParsedDeclarations(file, bytes: bytes), for: blob, cost: bytes * 2)
    }
    private let results = BoundedCache<ResultKey, Result>(capacity: Limit.itemCacheBytes / 4)

    /// Whether a file (by blob) has a listed type that embeds another, as its scan found; only those are followed.
    private let embedding = BoundedCache<MarkKey, Bool>(capacity: Limit.itemCacheBytes / 64)

    private struct MarkKey: Hashable {
        let slot: Int
        let blob: ObjectID
    }

    func mark(_ blob: ObjectID, slot: Int, embeds: Bool) {
        embedding.insert(embeds, for: MarkKey(slot: slot, blob: blob), cost: 40)
    }

    /// One revision's reading: folders listed and go.mod files read once.
    struct Revision {
        var folders: [String: [(path: String, blob: ObjectID)]] = [:]
        var modules: [String: (folder: String, path: String)?] = [:]
        var goMods: [String: ObjectID?] = [:]
        /// The revision's lookups of `go.mod` files, sharing folder indexes and one walk's budget.
        var lookups: PathResolver?
    }

    /// The promoted members of the types `spec` lists in the file `path` (blob `blob`), one array as the cache holds
    /// it; nil when none. `groups` are the file's `path` pattern groups for the key template.
    func items(
        _ spec: GoLiteralsExtractorSpec, path: String, blob: ObjectID, groups: [String: String],
        context: inout ExtractionContext, revision: inout Revision
    ) throws(SurfaceError) -> [RawItem]? {
        var embeds = embedding[MarkKey(slot: context.slot, blob: blob)]
        if embeds == nil {
            // The file's scan was reused from the cache and this mark went: read the file again.
            if let known = files[blob] {
                embeds = spec.embedsStructs(known.declarations)
            } else {
                guard let text = try context.text(of: blob, path: path) else { return nil }
                if spec.members.contains(where: { $0.mayMatchPart(of: text) }) {
                    let parsed = GoParser.parseDeclarations(Array(text.utf8)).file
                    remember(parsed, of: blob, bytes: text.utf8.count)
                    embeds = spec.embedsStructs(parsed.declarations)
                } else {
                    // No type `members` lists can be declared in it: a type's name is spelled in the source as it is.
                    embeds = false
                }
            }
            mark(blob, slot: context.slot, embeds: embeds ?? false)
        }
        guard embeds == true else { return nil }
        let key = ResultKey(slot: context.slot, path: path, blob: blob)
        if let cached = results[key] {
            var unchanged = true
            for (folder, blobs) in cached.dependencies where unchanged {
                unchanged = try files(in: folder, context: &context, revision: &revision).map(\.blob) == blobs
            }
            for (path, blob) in cached.goMods where unchanged {
                unchanged = try goMod(at: path, context: context, revision: &revision) == blob
            }
            if unchanged {
                context.notes += cached.notes
                return cached.items.isEmpty ? nil : cached.items
            }
        }
        var dependencies: [String: [ObjectID]] = [:]
        var notes: [String] = []
        let folder = Self.folder(of: path)
        let home = try declarations(of: folder, context: &context, revision: &revision, dependencies: &dependencies)
        var items: [RawItem] = []
        guard let index = home.paths.firstIndex(of: path) else { return nil }
        // Listed structs that embed types, and listed types defined as another struct (`type Response
        // httpext.Response`: its fields, and with `=` its methods too, are the type's own).
        var listed: [(name: String, fields: [GoField], definition: (type: GoType, isAlias: Bool)?)] = []
        for (name, structure) in home.structures where structure.file == index {
            listed.append((name, structure.fields, nil))
        }
        for (name, definition) in home.definitions where definition.file == index {
            listed.append((name, [], (definition.type, definition.isAlias)))
        }
        for (name, fields, definition) in listed.sorted(by: { $0.name < $1.name })
        where spec.members.contains(where: { $0.matches(name) }) {
            let embedded = fields.filter(\.names.isEmpty)
            guard !embedded.isEmpty || definition != nil else { continue }
            // The type's own names shadow promoted ones.
            var seen: Set<String> = []
            for field in fields where !field.names.isEmpty {
                for fieldName in field.names {
                    if let member = spec.memberName(field: fieldName, tag: field.tag) { seen.insert(member) }
                }
            }
            for method in home.methods[name] ?? [] { seen.insert(spec.methodNames.apply(method.name)) }
            var visited: Set<String> = [folder + "\u{0}" + name]
            var level = embedded.map { (folder: folder, file: index, type: $0.type, methods: true) }
            if let definition { level.append((folder, index, definition.type, definition.isAlias)) }
            var depth = 0
            while !level.isEmpty {
                depth += 1
                guard depth <= Limit.goEmbeddingDepth else {
                    notes.append(
                        "\(path): \(name) embeds types more than \(Limit.goEmbeddingDepth) levels deep; the members "
                            + "promoted from deeper ones are not listed")
                    break
                }
                var next: [(folder: String, file: Int, type: GoType, methods: Bool)] = []
                for embed in level {
                    guard
                        let target = try resolve(
                            embed.type, from: embed.folder, file: embed.file, context: &context, revision: &revision,
                            dependencies: &dependencies, notes: &notes, origin: "\(path): \(name)")
                    else { continue }
                    guard visited.insert(target.folder + "\u{0}" + target.name).inserted,
                        let structure = target.declarations.structures[target.name]
                    else { continue }
                    let file = target.declarations.paths[structure.file]
                    for field in structure.fields {
                        if field.names.isEmpty {
                            next.append((target.folder, structure.file, field.type, true))
                            continue
                        }
                        for fieldName in field.names {
                            guard let member = spec.memberName(field: fieldName, tag: field.tag),
                                seen.insert(member).inserted
                            else { continue }
                            items.append(
                                spec.promotedItem(
                                    name + "." + member, path: path, groups: groups,
                                    location: Location(path: file, line: field.position.line)))
                        }
                    }
                    // A defined type does not have the methods its underlying type's name declares.
                    for method in embed.methods ? target.declarations.methods[target.name] ?? [] : [] {
                        let member = spec.methodNames.apply(method.name)
                        guard seen.insert(member).inserted else { continue }
                        items.append(
                            spec.promotedItem(
                                name + "." + member, path: path, groups: groups,
                                location: Location(path: target.declarations.paths[method.file], line: method.line)))
                    }
                }
                level = next
            }
        }
        items = items.filter { !$0.key.isEmpty }
        try context.charge(built: items.count)
        results.insert(
            Result(items: items, notes: notes, dependencies: dependencies, goMods: revision.goMods), for: key,
            cost: CacheCost.of(items) + CacheCost.of(notes) + dependencies.reduce(0) { $0 + 32 * ($1.value.count + 1) })
        context.notes += notes
        return items.isEmpty ? nil : items
    }

    /// The package and type an embedded field's type names: of this package, or of another package of the module
    /// (the file's import, mapped to a folder through the nearest `go.mod`); nil, with a note for another module's
    /// type, otherwise.
    private func resolve(
        _ type: GoType, from folder: String, file: Int, context: inout ExtractionContext, revision: inout Revision,
        dependencies: inout [String: [ObjectID]], notes: inout [String], origin: String
    ) throws(SurfaceError) -> (folder: String, name: String, declarations: Declarations)? {
        var base = type
        while case .pointer(let inner) = base { base = inner }
        guard case .named(let qualifier, let name, _) = base else { return nil }
        let home = try declarations(of: folder, context: &context, revision: &revision, dependencies: &dependencies)
        guard let qualifier else { return (folder, name, home) }
        guard file < home.imports.count,
            let imported = home.imports[file].first(where: { entry in
                (entry.name ?? Self.lastElement(of: entry.path)) == qualifier
            })
        else { return nil }
        let module = try module(of: folder, context: &context, revision: &revision)
        if module == nil, imported.path.split(separator: "/").first?.contains(".") == true {
            // Before Go modules (GOPATH): the package is the repository's folder its import path ends with.
            var suffix = Substring(imported.path)
            while let slash = suffix.firstIndex(of: "/") {
                suffix = suffix[suffix.index(after: slash)...]
                let candidate = String(suffix)
                let found = try files(in: candidate, context: &context, revision: &revision)
                dependencies[candidate] = found.map(\.blob)
                if !found.isEmpty {
                    let declarations = try declarations(
                        of: candidate, context: &context, revision: &revision, dependencies: &dependencies)
                    return (candidate, name, declarations)
                }
            }
        }
        guard let module, imported.path == module.path || imported.path.hasPrefix(module.path + "/") else {
            if imported.path.contains(".") {
                notes.append(
                    "\(origin) embeds \(qualifier).\(name) of another module (\(imported.path)); the members it "
                        + "promotes are not listed")
            }
            return nil
        }
        let rest = imported.path.dropFirst(module.path.count).drop { $0 == "/" }
        let target = [module.folder, String(rest)].filter { !$0.isEmpty }.joined(separator: "/")
        let declarations = try declarations(
            of: target, context: &context, revision: &revision, dependencies: &dependencies)
        return (target, name, declarations)
    }

    /// The last element of an import path that names a package: `v2` in `example.com/m/v2` is a major version, so
    /// the element before it.
    private static func lastElement(of path: String) -> String {
        let elements = path.split(separator: "/")
        guard let last = elements.last else { return path }
        if elements.count > 1, ParsedGoFile.isMajorVersion(last) {
            return String(elements[elements.count - 2])
        }
        return String(last)
    }

    /// What the package in `folder` declares (its files in the package clause most of them share), read once per
    /// set of blobs; the folder's blobs are recorded in `dependencies`.
    private func declarations(
        of folder: String, context: inout ExtractionContext, revision: inout Revision,
        dependencies: inout [String: [ObjectID]]
    ) throws(SurfaceError) -> Declarations {
        let files = try files(in: folder, context: &context, revision: &revision)
        dependencies[folder] = files.map(\.blob)
        let blobs = files.map(\.blob)
        if let known = packages[blobs] { return known }
        var result = Declarations()
        var size = 0
        for file in files {
            let parsed: ParsedDeclarations
            if let known = self.files[file.blob] {
                parsed = known
            } else {
                guard let text = try context.text(of: file.blob, path: file.path) else { continue }
                let declared = GoParser.parseDeclarations(Array(text.utf8)).file
                parsed = ParsedDeclarations(declared, bytes: text.utf8.count)
                self.files.insert(parsed, for: file.blob, cost: parsed.bytes * 2)
            }
            size += parsed.bytes
            let index = result.paths.count
            result.paths.append(file.path)
            result.imports.append(parsed.imports)
            result.packageNames.append(parsed.packageName)
            for declaration in parsed.declarations {
                switch declaration {
                case .type(let spec):
                    switch spec.type {
                    case .structure(let fields) where !spec.isAlias:
                        result.structures[spec.name] =
                            result.structures[spec.name] ?? .init(fields: fields, file: index)
                    case .named:
                        if result.definitions[spec.name] == nil, result.structures[spec.name] == nil {
                            result.definitions[spec.name] = (spec.type, spec.isAlias, index)
                        }
                    default:
                        break
                    }
                case .function(let function):
                    guard let receiver = function.receiver, function.name.first?.isUppercase == true else { continue }
                    result.methods[receiver.typeName, default: []].append(
                        .init(name: function.name, line: function.position.line, file: index))
                case .value:
                    continue
                }
            }
        }
        packages.insert(result, for: blobs, cost: size * 2 + 64 * blobs.count)
        return result
    }

    /// The Go files (not tests) directly in `folder` at this revision, sorted by path.
    private func files(in folder: String, context: inout ExtractionContext, revision: inout Revision)
        throws(SurfaceError) -> [(path: String, blob: ObjectID)]
    {
        if let known = revision.folders[folder] { return known }
        var found: [(path: String, blob: ObjectID)] = []
        do throws(GitError) {
            var tree: ObjectID? = context.tree
            for part in folder.split(separator: "/") {
                tree = try tree.flatMap { id throws(GitError) in
                    try context.source.entries(ofTree: id).first { $0.name == part && $0.kind == .tree }?.id
                }
            }
            if let tree {
                for entry in try context.source.entries(ofTree: tree)
                where entry.kind == .blob && GoFileName.isPackageSource(entry.name) {
                    found.append(((folder.isEmpty ? "" : folder + "/") + entry.name, entry.id))
                }
            }
        } catch {
            throw .git(error)
        }
        found.sort { $0.path < $1.path }
        revision.folders[folder] = found
        return found
    }

    /// The module `folder` belongs to: the folder of the nearest `go.mod` at or above it, and its module path.
    private func module(of folder: String, context: inout ExtractionContext, revision: inout Revision)
        throws(SurfaceError) -> (folder: String, path: String)?
    {
        if let known = revision.modules[folder] { return known }
        var result: (folder: String, path: String)?
        var candidate = folder
        while true {
            let goMod = candidate.isEmpty ? "go.mod" : candidate + "/go.mod"
            if let blob = try self.goMod(at: goMod, context: context, revision: &revision),
                let text = try context.text(of: blob, path: goMod)
            {
                result = GoPackageFinder.modulePath(in: text).map { (candidate, $0) }
                break
            }
            if candidate.isEmpty { break }
            candidate = Self.folder(of: candidate)
        }
        revision.modules[folder] = result
        return result
    }

    /// The blob of the `go.mod` at `path` at this revision, if there is one.
    private func goMod(at path: String, context: ExtractionContext, revision: inout Revision) throws(SurfaceError)
        -> ObjectID?
    {
        if let known = revision.goMods[path] { return known }
        let blob: ObjectID?
        do throws(GitError) {
            var lookups = revision.lookups ?? PathResolver(context.source, budget: Limit.treeEntriesPerWalk)
            defer { revision.lookups = lookups }
            blob = try lookups.blobID(atPath: path, inTree: context.tree)
        } catch {
            throw .git(error)
        }
        revision.goMods.updateValue(blob, forKey: path)
        return blob
    }

    static func folder(of path: String) -> String {
        path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : ""
    }
}
