import GoSource

/// Which packages the qualified types of a go-api item come from (review R73).
///
/// Texts spell another package's types by a short name (`yaml.MapSlice`, ``GoQualifiers``), so that renaming an
/// import alias changes no text; but the spelling alone does not say which package it is: `gopkg.in/yaml.v2` and
/// `gopkg.in/yaml.v3`, `github.com/pkg/errors` and a fork are spelled alike, and a type from one is another type than
/// the same name from the other (apidiff compares by package path). The item's `imports` attribute lists, for each
/// qualifier its texts write, the import paths the imports of the file that declares it give that qualifier: the path
/// alone when the qualifier is its usual spelling (`gopkg.in/yaml.v3`, `context`), else `qualifier=path`
/// (`partybus=github.com/wagoodman/go-partybus`; `.=path` for a dot import). The module's own packages are written
/// relative to the module (`./a`; `.` for its root, always as `name=.`), so a new major version of the module itself
/// (`/v2`) changes none; a revision without `go.mod` (its module path inferred from HEAD's) takes an import path that
/// ends in one of the module's folders for that folder. `golang.org/x/net/context` is `context` (an alias since Go
/// 1.9).
///
/// ``differs(_:_:)`` judges a change: a qualifier whose paths before and after have none in common is another type.
enum GoImportIdentity {
    /// The attributes whose texts write types: qualifiers there are resolved.
    static let typeAttributes = ["signature", "type", "alias-of", "typeparams", "embeds"]

    /// `items` of the package at `folder` (its files `files`) with `imports` set where their texts name another
    /// package. Items declared in a file of another folder (members promoted from another package) are left as they
    /// are.
    static func annotate(
        _ items: [RawItem], files: [ParsedGoFile], folder: String, module: String, inferred: Bool,
        folders: Set<String>
    ) -> [RawItem] {
        var tables: [String: Table] = [:]
        var declared: Set<String> = []
        for file in files {
            for case .type(let spec) in file.file.declarations { declared.insert(spec.name) }
        }
        // Files with dot imports: there an unqualified name may be another package's. Most packages have none.
        let dotting = Set(files.filter { $0.file.imports.contains { $0.name == "." } }.map(\.name))
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        let folderBytes = folder.utf8.count
        return items.map { item in
            // Without a dot no text names a qualifier: only a file with dot imports can make it name a package.
            let qualified = typeAttributes.contains { item.attributes[$0]?.utf8.contains(dot) == true }
            if !qualified && dotting.isEmpty { return item }
            guard let location = item.location?.path else { return item }
            // Byte checks: `String.contains(String)` is Foundation's `range(of:)`, and `count` counts characters.
            let bytes = location.utf8
            let name: Substring
            if folder.isEmpty {
                guard !bytes.contains(slash) else { return item }
                name = location[...]
            } else {
                guard bytes.count > folderBytes + 1, bytes.starts(with: folder.utf8) else { return item }
                let separator = bytes.index(bytes.startIndex, offsetBy: folderBytes)
                guard bytes[separator] == slash else { return item }
                name = location[bytes.index(after: separator)...]
                guard !name.utf8.contains(slash) else { return item }
            }
            if !qualified && !dotting.contains(String(name)) { return item }
            let table: Table
            if let known = tables[String(name)] {
                table = known
            } else {
                guard let file = files.first(where: { $0.name == name }) else { return item }
                table = Table(file: file, declared: declared) {
                    relative($0, module: module, inferred: inferred, folders: folders)
                }
                tables[String(name)] = table
            }
            var paths: [String: Set<String>] = [:]
            for attribute in typeAttributes {
                guard let text = item.attributes[attribute] else { continue }
                table.paths(in: text, into: &paths)
            }
            guard !paths.isEmpty else { return item }
            var annotated = item
            annotated.attributes["imports"] = text(paths)
            return annotated
        }
    }

    /// `path` as the attribute writes it: relative to the module for its own packages (`.` for its root); for a
    /// revision without `go.mod` (`inferred`), a path that ends in a folder of the module (`folders`) is that folder.
    static func relative(_ path: String, module: String, inferred: Bool, folders: Set<String>) -> String {
        if path == module { return "." }
        if path.hasPrefix(module + "/") { return "./" + path.dropFirst(module.count + 1) }
        if path == "golang.org/x/net/context" { return "context" }
        if inferred {
            var slash = path.firstIndex(of: "/")
            while let at = slash {
                let rest = String(path[path.index(after: at)...])
                if folders.contains(rest) { return "./" + rest }
                slash = path[path.index(after: at)...].firstIndex(of: "/")
            }
        }
        return path
    }

    /// The qualifier a path is spelled with when nothing says otherwise (its last element, or the one before a
    /// version); nil for `.` and paths whose package clause only the package says.
    static func usualQualifier(of path: String) -> String? {
        guard path != "." else { return nil }
        return ParsedGoFile.canonicalName(of: path) ?? ParsedGoFile.versionlessName(of: path)
    }

    /// The attribute's text for paths by qualifier.
    static func text(_ paths: [String: Set<String>]) -> String {
        var tokens: [String] = []
        for (qualifier, found) in paths {
            for path in found {
                tokens.append(usualQualifier(of: path) == qualifier ? path : qualifier + "=" + path)
            }
        }
        return tokens.sorted().joined(separator: " ")
    }

    /// Paths by qualifier, read back from the attribute's text.
    static func paths(in text: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for token in text.split(separator: " ") {
            if let equals = token.firstIndex(of: "=") {
                result[String(token[..<equals]), default: []].insert(String(token[token.index(after: equals)...]))
            } else if let qualifier = usualQualifier(of: String(token)) {
                result[qualifier, default: []].insert(String(token))
            }
        }
        return result
    }

    /// Whether two `imports` texts name another package for some qualifier both write: its paths before and after
    /// have none in common. A qualifier one side does not resolve, or one that gains a possible path (a second import
    /// of that spelling), is no claim.
    static func differs(_ before: String, _ after: String) -> Bool {
        let old = paths(in: before)
        let new = paths(in: after)
        return old.contains { qualifier, paths in
            guard let now = new[qualifier] else { return false }
            return paths.isDisjoint(with: now)
        }
    }

    /// The qualifiers that name another package (``differs(_:_:)``), each as `old path → new path` (paths joined by
    /// ` or ` when a qualifier has several), in order.
    static func retargets(_ before: String, _ after: String) -> [String] {
        let old = paths(in: before)
        let new = paths(in: after)
        return old.keys.sorted().compactMap { qualifier in
            guard let was = old[qualifier], let now = new[qualifier], was.isDisjoint(with: now) else { return nil }
            return was.sorted().joined(separator: " or ") + " → " + now.sorted().joined(separator: " or ")
        }
    }

    /// One file's imports by the spelling item texts give their qualifiers.
    struct Table {
        /// Import paths by canonical qualifier (two imports of one spelling give both).
        var byQualifier: [String: Set<String>] = [:]
        /// Imports whose package clause the path does not say (`go-digest`): a qualifier no other import spells is
        /// one of them.
        var opaque: Set<String> = []
        /// Dot imports: an unqualified name the package does not declare may come from one of them.
        var dotted: Set<String> = []
        /// The types the package declares (unqualified names that are its own).
        let declared: Set<String>

        init(file: ParsedGoFile, declared: Set<String>, written: (String) -> String) {
            self.declared = declared
            let qualifiers = file.canonicalQualifiers
            for entry in file.file.imports {
                let path = written(entry.path)
                switch entry.name {
                case "_": continue
                case ".": dotted.insert(path)
                case let alias?: byQualifier[qualifiers.canonical(alias), default: []].insert(path)
                case nil:
                    if let name = ParsedGoFile.canonicalName(of: entry.path)
                        ?? ParsedGoFile.versionlessName(of: entry.path)
                    {
                        byQualifier[name, default: []].insert(path)
                    } else {
                        opaque.insert(path)
                    }
                }
            }
        }

        /// Adds the import paths of the qualifiers `text` writes (`yaml.MapSlice`), and of the dot imports (as `.`)
        /// when it writes an unqualified name the package does not declare.
        func paths(in text: String, into paths: inout [String: Set<String>]) {
            // Without a dot a text names no qualifier; without dot imports nothing else resolves (most texts).
            if dotted.isEmpty, !text.utf8.contains(UInt8(ascii: ".")) { return }
            let tokens = GoCorrespondence.tokens(text)
            for (index, token) in tokens.enumerated() {
                guard let first = token.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
                    continue
                }
                if index > 0, tokens[index - 1] == "." { continue }
                if index + 1 < tokens.count, tokens[index + 1] == "." {
                    let found = byQualifier[token] ?? opaque
                    if !found.isEmpty { paths[token, default: []].formUnion(found) }
                } else if !dotted.isEmpty, !declared.contains(token), !GoImportIdentity.keywords.contains(token),
                    !GoAPIPackage.universeNames.contains(token)
                {
                    paths[".", default: []].formUnion(dotted)
                }
            }
        }
    }

    /// Words of type texts that name no type.
    static let keywords: Set<String> = ["func", "map", "chan", "struct", "interface"]
}
