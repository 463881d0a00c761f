import Cobra
import Git
import GoSource

/// The cobra programs of a repository, for `semgate init`: each `package main` and the command tree it reaches through
/// the repository's own imports, so that a repository of several programs (a server, its command-line client, an
/// admin tool) gets one cli surface per program, and a command tree no program reaches is not proposed as one.
struct CobraPrograms {
    /// One program: the command tree a `package main` runs.
    struct Program {
        /// The name users type: the root's constant `Use`, else the program's folder (the module's name at the root).
        let name: String
        /// Whether a constant `Use` names the root (otherwise the draft names it with `root:`).
        let namedByUse: Bool
        /// The folders of the files that build its commands and flags (those the program imports).
        let folders: [String]
        /// The `package main` folder.
        let main: String
        /// The other named trees the program reaches when none is named like it (a program that picks its root at
        /// run time, `switch filepath.Base(os.Args[0])`: review I2): the draft names the root it chose with `root:`.
        var others: [String] = []
        /// Whether the program runs no command itself (its `package main` calls no `Execute`) while it reaches several
        /// trees, none named like it (`others` names them): they are handed to code outside the module that builds the
        /// root (review I1).
        var builtOutside = false
        /// Whether the program adds the trees `others` names to its root itself, where the surface may not follow (in a
        /// function it hands to another module's code, as docker/compose's plugin main: review I5).
        var extendsRoot = false
    }

    /// The programs, by name.
    private(set) var programs: [Program] = []
    /// Command trees no program reaches: dead code, test helpers, or trees of another repository's program.
    private(set) var unreached: [CobraRoot] = []

    /// Finds the programs among `mains` (`package main` folders) that reach a command tree of `sources` (the files
    /// that build commands or flags). `modules` maps folders to module paths (`go.mod`, else `vendor.mod`); `imports`
    /// gives the import paths of the Go files of a folder.
    init(
        sources: [(path: String, source: CobraSourceFile)], mains: [String], modules: [(folder: String, path: String)],
        moduleName: String, imports: (String) throws(GitError) -> [String]?,
        executes: (String) throws(GitError) -> Bool = { _ in true },
        extendsOwnTree: (String) throws(GitError) -> Bool = { _ in false }
    ) throws(GitError) {
        let roots = CobraExtractor.roots(of: sources)
        let buildingFolders = Set(sources.map { Self.folder(of: $0.path) })
        // The longest module path first, so an import resolves to the innermost module.
        let modules = modules.sorted { ($1.path.count, $0.path) < ($0.path.count, $1.path) }
        var importsOf: [String: [String]] = [:]
        var chosen: [(program: Program, root: CobraRoot)] = []
        var reached: Set<String> = []
        for main in mains.sorted(by: { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }) {
            // The folders of the repository this program imports, directly or not (each folder read once in all).
            var closure: Set<String> = [main]
            var pending = [main]
            while let folder = pending.popLast() {
                let next: [String]
                if let known = importsOf[folder] {
                    next = known
                } else {
                    next = (try imports(folder) ?? []).compactMap { Self.folder(importedAs: $0, modules: modules) }
                    importsOf[folder] = next
                }
                for found in next where closure.insert(found).inserted { pending.append(found) }
            }
            reached.formUnion(closure)
            let mainName = Self.name(of: main, moduleName: moduleName)
            let candidates = roots.filter { closure.contains(Self.folder(of: $0.path)) }
            // The tree whose Use names the program, else the largest it reaches.
            let own = candidates.first(where: { $0.name == mainName })
            guard let root = own ?? candidates.max(by: { ($0.commands, $1.path) < ($1.commands, $0.path) }) else {
                continue
            }
            let folders = closure.intersection(buildingFolders).sorted()
            // A program that adds commands to a tree a function of the module built (docker/compose since 5.2:
            // `cmd := commands.RootCommand(cli); cmd.AddCommand(commands.HooksCommand())`, inside the function it
            // hands the docker CLI's plugin runner) holds its root, though it calls no Execute: review I5.
            var extendsRoot = false
            if own == nil, candidates.count > 1, try !executes(main) { extendsRoot = try extendsOwnTree(main) }
            if own == nil, candidates.count > 1, try !executes(main), !extendsRoot {
                // The trees are handed to code of another module, which builds the root: the program keeps its own
                // name, and no tree of its stands for the root.
                chosen.append(
                    (
                        Program(
                            name: mainName, namedByUse: false, folders: folders, main: main,
                            others: Set(candidates.compactMap(\.name)).sorted(), builtOutside: true), root
                    )
                )
                continue
            }
            let name = root.name ?? mainName
            let others =
                own == nil && candidates.count > 1
                ? Set(candidates.filter { $0 != root }.compactMap(\.name)).subtracting([name]).sorted() : []
            let program = Program(
                name: name, namedByUse: root.name != nil, folders: folders, main: main, others: others,
                extendsRoot: extendsRoot)
            // Several mains run one tree (a server's own main and the repository's): the one named like it counts.
            if let index = chosen.firstIndex(where: { $0.root == root }) {
                if chosen[index].program.main.split(separator: "/").last.map(String.init) != name
                    && main.split(separator: "/").last.map(String.init) == name
                {
                    chosen[index] = (program, root)
                }
                continue
            }
            chosen.append((program, root))
        }
        // The root the surface over the program's own files finds, as the cobra extractor will read it (a plugin
        // whose commands hang under the program that runs it may only show its own tree).
        var found: [Program] = []
        for (program, _) in chosen {
            if program.builtOutside {
                found.append(program)
                continue
            }
            let folders = Set(program.folders)
            let own = CobraExtractor.roots(of: sources.filter { folders.contains(Self.folder(of: $0.path)) })
            let mainName = Self.name(of: program.main, moduleName: moduleName)
            let root =
                own.first { $0.name == mainName } ?? own.first { $0.name == program.name }
                ?? own.max { ($0.commands, $1.path) < ($1.commands, $0.path) }
            found.append(
                Program(
                    name: root?.name ?? program.name, namedByUse: root?.name != nil, folders: program.folders,
                    main: program.main, others: program.others, extendsRoot: program.extendsRoot))
        }
        // Two programs of one name (a man-page generator that runs the same commands): the one whose folder is
        // named so, else the one with more files.
        var byName: [String: Program] = [:]
        for program in found {
            if let other = byName[program.name] {
                let otherNamed = Self.name(of: other.main, moduleName: moduleName) == other.name
                let named = Self.name(of: program.main, moduleName: moduleName) == program.name
                if otherNamed && !named || otherNamed == named && other.folders.count >= program.folders.count {
                    continue
                }
            }
            byName[program.name] = program
        }
        programs = byName.values.sorted { $0.name < $1.name }
        unreached = roots.filter { !reached.contains(Self.folder(of: $0.path)) }
    }

    /// The folder of the repository an import path names, by the module whose path prefixes it; nil for another
    /// module's package.
    static func folder(importedAs path: String, modules: [(folder: String, path: String)]) -> String? {
        for module in modules where path == module.path || path.hasPrefix(module.path + "/") {
            let rest = String(path.dropFirst(module.path.count)).drop { $0 == "/" }
            if module.folder.isEmpty { return String(rest) }
            return rest.isEmpty ? module.folder : module.folder + "/" + rest
        }
        return nil
    }

    /// Whether the Go files `texts` add commands (`X.AddCommand(`) to a value they got from a function of a package of
    /// the repository (`X := pkg.F(` or `X = pkg.F(`, `pkg` imported from a module of `modules`): the program extends
    /// a tree the module builds, rather than handing its trees to code of another module. The package is named by
    /// its import's alias, else by the path's last element (the one before a major-version suffix too).
    static func extendsOwnTree(_ texts: [String], modules: [(folder: String, path: String)]) -> Bool {
        let modules = modules.sorted { ($1.path.count, $0.path) < ($0.path.count, $1.path) }
        for text in texts where text.contains(".AddCommand") {
            var own: Set<String> = []
            for (alias, path) in namedImports(in: text) where folder(importedAs: path, modules: modules) != nil {
                if let alias {
                    own.insert(alias)
                    continue
                }
                let parts = path.split(separator: "/")
                if let last = parts.last { own.insert(String(last)) }
                if parts.count > 1, let last = parts.last, last.first == "v", Int(last.dropFirst()) != nil {
                    own.insert(String(parts[parts.count - 2]))
                }
            }
            guard !own.isEmpty else { continue }
            let made = Set(
                ProjectFiles.matches(
                    #"(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*(?<package>[A-Za-z_][A-Za-z0-9_]*)\.[A-Za-z_][A-Za-z0-9_]*\s*\("#,
                    in: text
                ).compactMap { groups in
                    groups["package"].flatMap { own.contains($0) ? groups["name"] : nil }
                })
            let extended = ProjectFiles.captures(#"(?<value>[A-Za-z_][A-Za-z0-9_]*)\s*\.\s*AddCommand\s*\("#, in: text)
            if extended.contains(where: made.contains) { return true }
        }
        return false
    }

    /// The imports of a Go file with their aliases (nil for none), as ``imports(in:)`` reads them.
    static func namedImports(in text: String) -> [(alias: String?, path: String)] {
        var found: [(String?, String)] = []
        for line in importLines(in: text) {
            guard let path = quoted(line) else { continue }
            let before = line.prefix { $0 != "\"" && $0 != "`" }.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let alias = before.last.map(String.init).flatMap { $0 == "import" || $0 == "(" ? nil : $0 }
            found.append((alias, path))
        }
        return found
    }

    /// The lines of a Go file's import declarations, up to its first other declaration.
    private static func importLines(in text: String) -> [Substring] {
        var lines: [Substring] = []
        var inBlock = false
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("//") || trimmed.isEmpty { continue }
            if inBlock {
                if trimmed.hasPrefix(")") {
                    inBlock = false
                    continue
                }
                lines.append(trimmed)
                continue
            }
            if trimmed.hasPrefix("import") {
                let rest = trimmed.dropFirst("import".count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("(") {
                    inBlock = !rest.contains(")")
                    let inner = rest.dropFirst()
                    if quoted(inner) != nil { lines.append(inner) }
                } else {
                    lines.append(rest)
                }
                continue
            }
            for keyword in ["func", "type", "var", "const"] where trimmed.hasPrefix(keyword + " ") {
                return lines
            }
        }
        return lines
    }

    /// The import paths of a Go file: its `import "x"`, `import name "x"` and `import ( ... )` lines, up to its first
    /// other declaration.
    static func imports(in text: String) -> [String] {
        importLines(in: text).compactMap { quoted($0) }
    }

    /// The first double-quoted or back-quoted string of `text`.
    private static func quoted(_ text: Substring) -> String? {
        guard let open = text.firstIndex(where: { $0 == "\"" || $0 == "`" }) else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: text[open]) else { return nil }
        return String(rest[..<close])
    }

    /// A program's name by its folder: the folder's last element, the module's name at the root.
    private static func name(of main: String, moduleName: String) -> String {
        main.isEmpty ? moduleName : String(main.split(separator: "/").last ?? "")
    }

    static func folder(of path: String) -> String {
        path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : ""
    }
}

extension ProjectFiles {
    /// The Go source of the revision by folder: the non-test `.go` files of each folder, the package clause of its
    /// first, and the module files (`go.mod`, and a root `vendor.mod`) with the module paths they declare; `vendor/`,
    /// `testdata/`, `node_modules/`, dot- and underscore-folders are skipped.
    func goSourceFolders() throws(GitError) -> (
        files: [String: [ObjectID]], packages: [String: String], modules: [(folder: String, path: String)]
    ) {
        guard let root else { return ([:], [:], []) }
        var files: [String: [ObjectID]] = [:]
        var packages: [String: String] = [:]
        var moduleFiles: [(folder: String, blob: ObjectID, vendor: Bool)] = []
        let tree = self.files
        try tree.walkFiles(
            tree: root, descend: ProjectFiles.holdsGoSource,
            wants: { $0 == "go.mod" || $0 == "vendor.mod" || ProjectFiles.isGoSource($0) }, entryLimit: treeEntries,
            visit: { (path, entry) throws(GitError) in
                let folder = CobraPrograms.folder(of: path)
                let name = path.split(separator: "/").last.map(String.init) ?? path
                if name == "go.mod" || (name == "vendor.mod" && folder.isEmpty) {
                    moduleFiles.append((folder, entry.id, name == "vendor.mod"))
                }
                guard GoFileName.isPackageSource(path) else { return }
                if packages[folder] == nil {
                    packages[folder] = GoPackageFinder.packageClause(in: try tree.text(ofBlob: entry.id)) ?? ""
                }
                files[folder, default: []].append(entry.id)
            })
        var modules: [(folder: String, path: String)] = []
        // `vendor.mod` counts only where there is no `go.mod` (docker/cli keeps its module path there).
        let hasRootGoMod = moduleFiles.contains { $0.folder.isEmpty && !$0.vendor }
        for file in moduleFiles where !(file.vendor && hasRootGoMod) {
            if let path = ProjectFiles.goModule(try tree.text(ofBlob: file.blob)) {
                modules.append((file.folder, path))
            }
        }
        return (files, packages, modules)
    }
}
