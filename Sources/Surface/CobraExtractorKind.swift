import Cobra
import Git
import GoSource
import Policy
import SemVer

/// The `cobra` extractor: the command line a Go program builds with spf13/cobra, read from source by the `Cobra`
/// target (see `CobraReader`): commands, aliases and flags keyed by command path, compared by `CobraCompatibility`.
public struct CobraExtractorSpec: Extractor {
    /// The Go files that build the command tree (`_test.go` files are never read).
    public var files: [Glob]
    /// The root command's name, for a root whose `Use` is not a constant (`Use: os.Args[0]`).
    public var root: String?

    public init(files: [Glob], root: String? = nil) {
        self.files = files
        self.root = root
    }

    public static let name = "cobra"
    public static let keys = ["files", "root"]

    /// The attributes a cobra item carries, in documentation order.
    public static let attributes = [
        "type", "value-type", "accepts", "shorthand", "scope", "no-opt-default", "alias-of", "build", "hidden",
        "hidden-when", "registered-when", "registered-by-default",
        "provided-by",
        "unread-flags", "unread-flag-names", "unread-commands", "use-words", "valid-args",
    ]

    /// A flag's type, shorthand, scope and bare form (`NoOptDefVal`), the command an alias stands for, the builds
    /// that have the item (`build`: one that appears or narrows is a removal for the builds left out), and `accepts`
    /// (`nothing`: the custom value's `Set` returns an error on every path) are breaking; `value-type`
    /// (the Go type of a custom value whose `type` its `Type()` gave, which judges a change of that text; with `type`
    /// `custom`, the program's type whose `Type()` cannot be read: a change to it is claimed), `hidden`,
    /// `hidden-when` (a `Hidden` given a value decided when the program runs, as written: findings about the item are
    /// at most warnings under `hidden: experimental`), `registered-when` (registered only under conditions decided
    /// when the program runs, as written: `os.Getenv("X") != ""`),
    /// `provided-by` (`cobra` for the commands cobra adds by itself), `unread-flags` (a command whose flag set a call
    /// the files do not define receives), `unread-flag-names` (the only flag names that call may define there: those
    /// the program's types spell in the method called), `unread-commands` (a command such a call receives whole) and `use-words` (the
    /// literal words a command's `Use` spells after its name) are not breaking. `valid-args` (the words of a command's `ValidArgs` it takes
    /// as its one argument) is: a word that goes is a removal (``CobraCompatibility/validArgsKept(_:)``); so is
    /// `registered-by-default` (`false`: the program's default run, with no environment variable set and viper's
    /// values unset, does not register it).
    public static let breakingAttributes: Set<String> = [
        "type", "accepts", "shorthand", "scope", "no-opt-default", "alias-of", "build", "valid-args",
        "registered-by-default",
    ]

    public var fileGlobs: [Glob]? { files }

    public func cacheInputs(in context: inout ExtractionContext) throws(SurfaceError) -> ExtractionInputs? {
        // The module files name cobra's version, which decides the commands cobra adds by itself.
        let files = context.fileInputs
        let modules = try context.cobraModuleFiles()
        var text = files.text + "modules \(modules.count)\n"
        for file in modules { text += "\(file.path.utf8.count):\(file.path) \(file.blob.hex)\n" }
        // Where else Go may take kubectl's group adder from (go.work and vendor/ copies at or above the files).
        let sources = try context.groupAdderTree().sources.summary
        text += "group adder \(sources.utf8.count):\(sources)\n"
        // Folders whose other Go files are not read (a registry's literal does not decide there).
        // The copies of cobra and pflag under vendor/ (review R106): recorded with the items, compared by a rule.
        for library in try context.vendoredLibraries() {
            let mark = SurfaceSnapshot.vendoredLibraryMark(library)
            text += "vendored \(mark.utf8.count):\(mark)\n"
        }
        let partial = try context.goFoldersPartlyMatched()
        text += "partly read \(partial.count)\n"
        for folder in partial { text += "\(folder.utf8.count):\(folder)\n" }
        // The module's other Go files, which decide whether a pointer field a literal leaves out stays nil.
        if let module = try context.cobraModuleFolder() {
            text += "module \(module.tree.hex) \(module.path.utf8.count):\(module.path)\n"
        }
        return ExtractionInputs(text: text, blobs: files.blobs + modules.map(\.blob))
    }
    public var attributes: [String]? { Self.attributes }
    public var defaultBreakingAttributes: Set<String>? { Self.breakingAttributes }

    public static func read(_ value: PolicyNode, in reader: inout ExtractorSettingsReader) -> Self? {
        let context = reader.context
        let surface = reader.surface
        guard reader.isMapping(value) else {
            reader.typeMismatch(expected: "a mapping", found: value, example: "'cobra: {files: [\"cmd/**/*.go\"]}'")
            return nil
        }
        guard let fields = reader.fields(of: value, allowed: keys) else { return nil }
        var valid = true
        var files: [Glob] = []
        if let value = fields["files"] {
            let reported = reader.problemCount
            files = reader.globs(value, for: "'files' \(context)")
            if reader.isEmptyList(value) {
                reader.report(
                    "empty 'files' \(context); list the Go files that build the commands, e.g. [\"cmd/**/*.go\"]",
                    at: value)
            }
            if reader.problemCount != reported { valid = false }
        } else {
            reader.report(
                "the cobra extractor of surface '\(surface)' has no 'files'; add the Go files that build the "
                    + "commands, e.g. files: [\"cmd/**/*.go\"]", at: reader.key)
            valid = false
        }
        var root: String?
        if let value = fields["root"] {
            if let text = reader.string(value, for: "'root' \(context)", example: "root: mytool") {
                if text.isEmpty || text.contains(where: \.isWhitespace) {
                    reader.report(
                        "invalid root '\(text)' \(context); write the program name users type, one word, "
                            + "e.g. root: mytool", at: value)
                    valid = false
                } else {
                    root = text
                }
            } else {
                valid = false
            }
        }
        guard valid else { return nil }
        return CobraExtractorSpec(files: files, root: root)
    }

    /// No Go source file among `files` (tests are not): the command line is not read here.
    public func readsNothing(matching files: [(path: String, blob: ObjectID)]) -> Bool {
        !files.contains { GoFileName.isPackageSource($0.path) }
    }

    public func items(in context: inout ExtractionContext) throws(SurfaceError) -> [RawItem] {
        try itemGroups(in: &context).flatMap { $0 }.sorted { $0.key < $1.key }
    }

    public func itemGroups(in context: inout ExtractionContext) throws(SurfaceError) -> [[RawItem]] {
        guard !readsNothing(matching: context.files) else {
            // No file to read: the command line is not known here, not known to be gone (it may have moved to a
            // folder 'files' does not name). When no other extractor of the surface reads it either, `audit` claims
            // nothing against it (`check` and `diff` still do), and the reader's note for the surface says so
            // (``SurfaceReader``): this one says only what this extractor read, which is true either way.
            context.incomplete = true
            context.uncertain.append(SurfaceSnapshot.unreadMark)
            context.notes.append(
                "surface '\(context.surface)': the cobra extractor's files (\(files.map(\.pattern).joined(separator: ", "))) "
                    + "match no Go file here, so this extractor reads no command line here")
            return []
        }
        let reading = context
        var readNotes: [String] = []
        let library = try context.cobraLibrary(context.cobraModuleFiles(), notes: &readNotes)
        let reader = context.cache(CobraReader.init)
        let built = reader.itemsBuilt
        let partial = try context.goFoldersPartlyMatched()
        let scan = CobraFieldWriteScan(context: context, namesByBlob: reader.fieldWritesByBlob)
        let groups = try reader.itemGroups(
            self, surface: context.surface, slot: context.slot, files: context.files, library: library, partialFolders: partial, fieldScan: scan,
            read: { (blob, path) throws(SurfaceError) in try reading.text(of: blob, path: path, notes: &readNotes) },
            notes: &context.notes, incomplete: &context.incomplete, uncertain: &context.uncertain)
        context.notes += readNotes
        // What go builds cobra and pflag from, when vendor/ holds them: the `vendored-library-edited` rule compares it
        // between revisions (review R106).
        context.uncertain += try context.vendoredLibraries().map(SurfaceSnapshot.vendoredLibraryMark)
        try context.charge(built: reader.itemsBuilt - built)
        return groups
    }

    public static func bump(
        attribute: String, old: SurfaceItem, new: SurfaceItem, in comparison: SurfaceComparison
    ) -> Bump? {
        CobraCompatibility.bump(attribute: attribute, old: old, new: new, in: comparison)
    }

    public static func replacement(forRemoved removed: SurfaceItem, in after: SurfaceSnapshot) -> SurfaceItem? {
        CobraCompatibility.inheritedFlag(replacing: removed, in: after)
            ?? CobraCompatibility.aliasedPath(replacing: removed, in: after)
            ?? CobraCompatibility.argumentPath(replacing: removed, in: after)
    }

    public static func replacement(
        forRemoved removed: SurfaceItem, before: SurfaceSnapshot, in after: SurfaceSnapshot
    ) -> SurfaceItem? {
        replacement(forRemoved: removed, in: after)
            ?? CobraCompatibility.usePath(replacing: removed, before: before, in: after)
    }

    public static func predecessor(forAdded added: SurfaceItem, in before: SurfaceSnapshot) -> SurfaceItem? {
        CobraCompatibility.shadowedFlag(by: added, in: before)
            ?? CobraCompatibility.usePredecessor(of: added, in: before)
    }

    public static func predecessor(forAdded added: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot)
        -> SurfaceItem?
    {
        predecessor(forAdded: added, in: before)
            ?? CobraCompatibility.unreadPredecessor(of: added, before: before, after: after)
    }

    /// Names the commands and flags new in this comparison that are not claimed as additions because the command above
    /// them was handed to code not read in `before` (``CobraCompatibility/unreadPredecessor(of:in:)``): the first
    /// few, and how many; nil for none.
    /// Also names the changes that only builds made with `go build -tags` tell apart (``GoBuildComparison``).
    public static func claimedChangesNote(_ changes: [Change]) -> String? {
        let notes = [
            unreadPredecessorsNote(changes), unreadValueTypeNote(changes),
            GoBuildComparison.freeTagNote(changes) { !GoCompatibility.isGoItem($0) },
        ]
        let found = notes.compactMap { $0 }
        return found.isEmpty ? nil : found.joined(separator: ". ")
    }

    /// The flags claimed changed because they became values of a program type whose `Type()` and `Set` no source
    /// shows (``CobraCompatibility``, review R96), or whose `Set` rejects every value: first five and a count.
    private static func unreadValueTypeNote(_ changes: [Change]) -> String? {
        var named: [String] = []
        var count = 0
        for change in changes where change.kind == .changed {
            guard let old = change.before?.attributes, let new = change.after?.attributes else { continue }
            let unread = new["type"] == "custom" && old["type"] != "custom" && new["value-type"] != nil
            let rejecting = new["accepts"] == "nothing" && old["accepts"] == nil
            guard unread || rejecting else { continue }
            count += 1
            if named.count < 5 { named.append(change.id + (unread ? " (\(new["value-type"] ?? ""))" : " (Set)")) }
        }
        guard count > 0 else { return nil }
        let more = count > named.count ? " and \(count - named.count) more" : ""
        return named.joined(separator: ", ") + more + ": claimed as a break: the flag's value is of a type whose "
            + "`Type()` and `Set` come from code no source shows (an embedded interface or another module), so which "
            + "values it takes is not known; or its `Set` returns an error on every path, so no value parses. If "
            + (count == 1 ? "it still takes" : "they still take") + " what the flag took, record an exception"
    }

    private static func unreadPredecessorsNote(_ changes: [Change]) -> String? {
        var named: [String] = []
        var count = 0
        for change in changes where change.kind == .changed {
            guard change.before?.attributes["provided-by"] == "unread-call",
                change.after?.attributes["provided-by"] == nil
            else { continue }
            count += 1
            if named.count < 5 { named.append(change.id) }
        }
        guard count > 0 else { return nil }
        let more = count > named.count ? " and \(count - named.count) more" : ""
        return named.joined(separator: ", ") + more + ": new in the files read, but the command above "
            + (count == 1 ? "it" : "them") + " was handed, in the release before, to code semgate did not read, "
            + "which may have added " + (count == 1 ? "it" : "them") + " (see that release's notes); not claimed as "
            + (count == 1 ? "an addition" : "additions")
    }

    public static func removalNotes(_ removed: [SurfaceItem], before: SurfaceSnapshot, after: SurfaceSnapshot)
        -> [String?]
    {
        CobraCompatibility.removalNotes(removed, before: before, after: after)
    }

    /// A flag's type read as `custom` (its `Type()` not read, or a flag made by code not read) or shorthand read as
    /// `?`.
    public static func isUnread(attribute: String, value: String) -> Bool {
        (attribute == "type" && value == "custom") || (attribute == "shorthand" && value == "?")
    }

    public static var unreadValues: (look: String, risk: String)? {
        ("a flag type `custom`, a shorthand `?`", "a command line that worked")
    }

    // MARK: init

    /// First folders whose programs serve the project's own work, not its users.
    static let ownWorkFolders: Set<String> = [
        "tools", "hack", "test", "tests", "e2e", "example", "examples", "scripts", "benchmarks", "docs",
    ]

    public static func propose(for project: ProjectFiles) throws(GitError) -> [SurfaceProposal] {
        // docker/cli keeps its module in `vendor.mod` (no `go.mod`, so as not to opt in to Go's SemVer import rules).
        // A repository of modules without one at its root reads the module of its tag line (kustomize/go.mod).
        var moduleFile = project.moduleFolder.map { $0 + "/go.mod" } ?? "go.mod"
        var goMod = try project.text(moduleFile)
        if goMod == nil, project.moduleFolder == nil {
            moduleFile = "vendor.mod"
            goMod = try project.text(moduleFile)
        }
        guard let goMod, let module = ProjectFiles.goModule(goMod), goMod.contains("github.com/spf13/cobra") else {
            return []
        }
        let moduleName =
            module.split(separator: "/").last(where: { !($0.first == "v" && Int($0.dropFirst()) != nil) })
            .map(String.init) ?? module
        // Each file parsed once across the revisions (most are the same blob in each), up to a bound on the source
        // bytes kept: a file past it is parsed for its revision alone.
        var parsed = ParsedSources()
        guard let found = try detect(in: project, moduleName: moduleName, parsed: &parsed) else {
            let count = try commandFiles(in: project).count
            return [
                SurfaceProposal(
                    finding:
                        "\(moduleFile) requires github.com/spf13/cobra, but no file builds a `cobra.Command{...}` "
                        + "(\(count) file\(count == 1 ? "" : "s") use\(count == 1 ? "s" : "") cobra "
                        + "types: a framework builds the commands): no cli surface; list the commands in a file and "
                        + "read it with `list:`",
                    surface: nil)
            ]
        }
        let sources = found.sources
        var programs = found.programs
        // Folders the recent releases built the same program's commands in (kubebuilder's `alpha` commands were in
        // pkg/cli/alpha until 4.13.0, internal/cli/alpha after): the policy audits them too.
        for earlier in project.earlier {
            guard let before = try? detect(in: earlier, moduleName: moduleName, parsed: &parsed) else { continue }
            for (index, program) in programs.enumerated() {
                guard let same = before.programs.first(where: { $0.name == program.name }) else { continue }
                let folders = Set(program.folders).union(same.folders)
                if folders.count > program.folders.count {
                    programs[index] = CobraPrograms.Program(
                        name: program.name, namedByUse: program.namedByUse, folders: folders.sorted(),
                        main: program.main, others: program.others, builtOutside: program.builtOutside,
                        extendsRoot: program.extendsRoot)
                }
            }
        }
        let unreached = found.unreached
        // What a drafted surface proposes not to promise (hidden, experimental) is read from every file its globs
        // match, as the policy will read them, not only from those that name cobra's types: a helper file that
        // hides a flag or builds a command through the program's own helpers counts too.
        let goFiles = try project.goFileBlobs()
        let detected = Dictionary(sources.map { ($0.path, $0.source) }, uniquingKeysWith: { first, _ in first })
        var proposals: [SurfaceProposal] = []
        let unreachedNames = Set(unreached).subtracting(programs.map(\.name)).sorted()
        for program in programs {
            let folders = program.folders.isEmpty ? ["cmd"] : program.folders
            let globs = reviewerGlobs(folders)
            var cobra: [DraftEntry] = [DraftEntry("files", .list(globs.map(DraftNode.string)))]
            var comments = [
                "The command line of \(program.name), read from the cobra command tree: every command, alias and flag",
                "keyed by the path users type (\"\(program.name) serve --port\"), following shared flag sets and helper",
                "functions. A flag's type, shorthand and scope are breaking; what the code computes at run time is",
                "noted, not guessed. The files are those the program (\(program.main.isEmpty ? "the module's root" : program.main + "/")) imports.",
            ]
            if program.builtOutside {
                // Each tree read as a root of its own would be keyed without the program's name, and cobra's default
                // commands would be added to each: no reviewer keeps that surface. Say what was found instead.
                let main = program.main.isEmpty ? "the module's root" : program.main + "/"
                proposals.append(
                    SurfaceProposal(
                        finding:
                            "a cobra command line, \(program.name), whose root is built outside the module: \(main) "
                            + "runs no Execute and hands its command trees ("
                            + program.others.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
                            + (program.others.count > 8 ? " and \(program.others.count - 8) more" : "")
                            + ") to code of another module; no cli surface for it (list its commands in a file and "
                            + "read it with `list:`)",
                        surface: nil))
                continue
            }
            if programs.count > 1 || !program.namedByUse || !program.others.isEmpty {
                cobra.append(DraftEntry("root", .string(program.name)))
                let named = program.others.map { "'\($0)'" }.joined(separator: ", ")
                comments.append(
                    program.extendsRoot && !program.others.isEmpty
                        ? "root: picks this tree, which the program extends with \(named) where the surface does not "
                            + "follow (in a function it hands to another module's code): \(named) is not in it."
                        : !program.others.isEmpty
                        ? "root: picks this tree; the program also reaches "
                            + program.others.map { "'\($0)'" }.joined(separator: ", ")
                            + " (it picks its root at run time): add a surface with that root: for each."
                        : program.namedByUse
                            ? "root: picks this program's tree among the \(programs.count) programs of the repository."
                            : "No command has a constant `Use: \"\(program.name) ...\"`, so the root is named here.")
            } else {
                comments.append("If the root's Use is not a constant (Use: os.Args[0]), name it here with root: TOOL.")
            }
            if program.name == programs.last?.name, !unreachedNames.isEmpty {
                comments.append(
                    "Not proposed, because no program here runs them: the command tree"
                        + "\(unreachedNames.count == 1 ? "" : "s") "
                        + unreachedNames.map { "'\($0)'" }.joined(separator: ", ")
                        + ".")
            }
            let surface = programs.count == 1 ? "cli" : "cli-" + surfaceName(program.name)
            // What the drafted surface finds at the revision, read once for what it proposes not to promise.
            let patterns = globs.compactMap { try? Glob($0) }
            var read: [(path: String, source: CobraSourceFile)] = []
            for file in goFiles where patterns.contains(where: { $0.matches(file.path) }) {
                if let known = detected[file.path] {
                    read.append((file.path, known))
                } else {
                    let text = try project.files.text(ofBlob: file.blob)
                    read.append((file.path, parsed.source(of: file.blob, text: text)))
                }
            }
            let preview = CobraExtractor.surface(of: read, root: program.name)
            let items = preview.items
            // No command names the program (`root:` is drafted), and what stands for the root is hidden from help: no
            // program hides its own root, so that is some helper's command, not the program's tree (buf's commands
            // are values of a framework's type that the framework turns into cobra commands; its one cobra literal is
            // a page generator a hook adds, `Use: name`, `Hidden: true`). No reviewer keeps such a surface, nor one
            // that finds nothing.
            let helperAsRoot =
                !program.namedByUse && items.contains { $0.key == program.name && $0.attributes["hidden"] == "true" }
            if let reason = preview.overLimit {
                // Past a bound (code nested deeper than the interpreter's stack: review R53): the reason, not a guess.
                proposals.append(
                    SurfaceProposal(
                        finding:
                            "\(moduleFile) requires github.com/spf13/cobra, but the command tree of \(program.name) "
                            + "cannot be read: \(reason); no cli surface (every command reading it would stop there)",
                        surface: nil))
                continue
            }
            guard !items.isEmpty, !helperAsRoot else {
                proposals.append(
                    SurfaceProposal(
                        finding:
                            "\(moduleFile) requires github.com/spf13/cobra, but no command tree of \(program.name) "
                            + "can be read from the files that build commands (a framework around cobra builds the "
                            + "commands, or hands them to it): no cli surface; list the commands in a file and read it "
                            + "with `list:`",
                        surface: nil))
                continue
            }
            let finding =
                "a cobra command line, \(program.name) (\(moduleFile) requires github.com/spf13/cobra; "
                + "\(program.folders.count) folder\(program.folders.count == 1 ? "" : "s") build its commands or flags: "
                + globs.joined(separator: ", ") + ")"
            proposals.append(
                SurfaceProposal(
                    finding: finding,
                    surface: DraftEntry(
                        surface,
                        .mapping([DraftEntry("extract", .mapping([DraftEntry("cobra", .mapping(cobra))]))]),
                        comments: comments),
                    experimental: unstableCommands(items, annotated: preview.annotatedExperimental).map {
                        "\(surface):\($0)"
                    },
                    hidden: hiddenItems(items), folders: readFolders(folders),
                    program: (program.name, items.count)))
        }
        return proposals
    }

    /// The `.go` files of `project` that build commands or flags, including helper packages that take a command or
    /// a flag set; programs for the project's own work (tools/, hack/, tests, examples) are left out.
    private static func commandFiles(in project: ProjectFiles) throws(GitError) -> [String] {
        try project.goFiles { text in
            guard text.contains("cobra.Command") || text.contains("pflag.FlagSet") else { return false }
            return text.contains("cobra.Command{") || text.contains("*cobra.Command") || text.contains(".Flags()")
                || text.contains("PersistentFlags()") || text.contains("*pflag.FlagSet")
        }.filter { path in !isOwnWork(path) }
    }

    /// Parsed files by blob, kept while their sources add up to at most `capacity` bytes.
    struct ParsedSources {
        static let capacity = 16 << 20
        private var kept: [ObjectID: CobraSourceFile] = [:]
        private var bytes = 0

        mutating func source(of blob: ObjectID, text: String) -> CobraSourceFile {
            if let known = kept[blob] { return known }
            let source = CobraSourceFile(source: text)
            if bytes + text.utf8.count <= Self.capacity {
                bytes += text.utf8.count
                kept[blob] = source
            }
            return source
        }
    }

    /// The programs of one revision and the files read to find them; nil when no file builds a `cobra.Command{...}`
    /// (a framework around cobra builds the commands).
    private static func detect(
        in project: ProjectFiles, moduleName: String, parsed: inout ParsedSources
    ) throws(GitError) -> (
        programs: [CobraPrograms.Program], unreached: [String], sources: [(path: String, source: CobraSourceFile)]
    )? {
        let files = try commandFiles(in: project)
        var sources: [(path: String, source: CobraSourceFile)] = []
        var constructs = false
        for path in files {
            guard let blob = try project.blobID(path) else {
                continue
            }
            let text = try project.files.text(ofBlob: blob)
            constructs = constructs || text.contains("cobra.Command{")
            sources.append((path, parsed.source(of: blob, text: text)))
        }
        // A command line built by a framework around cobra (simplecobra's `Commander`s) writes no command literal:
        // the cobra surface would find nothing, and no reviewer keeps a surface that finds nothing.
        guard constructs else { return nil }
        let layout = try project.goSourceFolders()
        // A root whose `Use` is a constant of another package of the module (`Use: common.CommandCLI`, review I2):
        // that package's files are read too, so the root is named, and the drafted `files` hold the constant.
        let byLength = layout.modules.sorted { ($1.path.count, $0.path) < ($0.path.count, $1.path) }
        let building = Set(sources.map { CobraPrograms.folder(of: $0.path) })
        var constantFolders: Set<String> = []
        for entry in sources {
            for reference in entry.source.useReferences() where constantFolders.count < maximumTableFolders {
                guard let folder = CobraPrograms.folder(importedAs: reference.path, modules: byLength),
                    !building.contains(folder), layout.packages[folder].map({ $0 != "main" && !$0.isEmpty }) == true
                else { continue }
                constantFolders.insert(folder)
            }
        }
        if !constantFolders.isEmpty {
            for file in try project.goFileBlobs() where constantFolders.contains(CobraPrograms.folder(of: file.path)) {
                sources.append(
                    (file.path, parsed.source(of: file.blob, text: try project.files.text(ofBlob: file.blob))))
            }
        }
        // A program under tools/, tests or examples at any depth serves the project's own work.
        let mains = layout.packages.filter { folder, package in
            package == "main" && !folder.split(separator: "/").contains { ownWorkFolders.contains(String($0)) }
                && (project.moduleFolder.map { folder == $0 || folder.hasPrefix($0 + "/") } ?? true)
        }.map(\.key)
        let found = try CobraPrograms(
            sources: sources, mains: mains, modules: layout.modules, moduleName: moduleName,
            imports: { (folder) throws(GitError) in
                var paths: [String] = []
                for blob in layout.files[folder] ?? [] {
                    paths += CobraPrograms.imports(in: try project.files.text(ofBlob: blob))
                }
                return paths
            },
            executes: { (folder) throws(GitError) in
                for blob in layout.files[folder] ?? [] where try project.files.text(ofBlob: blob).contains(".Execute") {
                    return true
                }
                return false
            },
            extendsOwnTree: { (folder) throws(GitError) in
                var texts: [String] = []
                for blob in layout.files[folder] ?? [] { texts.append(try project.files.text(ofBlob: blob)) }
                return CobraPrograms.extendsOwnTree(texts, modules: layout.modules)
            })
        var programs = try found.programs.map { (program) throws(GitError) in
            CobraPrograms.Program(
                name: program.name, namedByUse: program.namedByUse,
                folders: try withTables(program.folders, layout: layout, in: project, parsed: &parsed),
                main: program.main, others: program.others, builtOutside: program.builtOutside,
                extendsRoot: program.extendsRoot)
        }
        if programs.isEmpty {
            // No `package main` here runs a command tree (kubectl's commands are built into a program elsewhere):
            // one surface over every file, named by the tree whose Use names the module, else the largest.
            let roots = CobraExtractor.roots(of: sources)
            let root =
                roots.first { $0.name == moduleName } ?? roots.max { ($0.commands, $1.path) < ($1.commands, $0.path) }
            programs = [
                CobraPrograms.Program(
                    name: root?.name ?? moduleName, namedByUse: root?.name != nil,
                    folders: Array(Set(files.map(CobraPrograms.folder(of:)))).sorted(), main: "")
            ]
        }
        return (programs, found.unreached.compactMap(\.name), sources)
    }

    /// How many folders of tables ``withTables(_:layout:in:parsed:)`` adds to a program's at most.
    static let maximumTableFolders = 32

    /// `folders` (those whose files build a program's commands or flags) and the folders of the program's module(s)
    /// whose tables they read: a package-level variable bound to a composite literal (`var ConfigOptionsInfo =
    /// Options{{Name: "dry_run", ...}}`) that a file of `folders` refers to as a value (rclone hands
    /// `fs.ConfigOptionsInfo` to the helper that defines one flag an entry), and the package that declares the
    /// literal's type (whose methods name the flags). Without them the policy reads the helper but not the table, and
    /// every flag it defines is missing. Programs' own-work folders (tools/, tests) are left out.
    static func withTables(
        _ folders: [String],
        layout: (
            files: [String: [ObjectID]], packages: [String: String],
            modules: [(folder: String, path: String)]
        ),
        in project: ProjectFiles, parsed: inout ParsedSources
    ) throws(GitError) -> [String] {
        let modules = layout.modules.sorted { ($1.path.count, $0.path) < ($0.path.count, $1.path) }
        var result = Set(folders)
        var added = 0
        // The tables each folder binds, read once.
        var tables: [String: [String: String?]] = [:]
        func tablesOf(_ folder: String) throws(GitError) -> [String: String?] {
            if let known = tables[folder] { return known }
            var found: [String: String?] = [:]
            for blob in layout.files[folder] ?? [] {
                let source = parsed.source(of: blob, text: try project.files.text(ofBlob: blob))
                for binding in source.tableBindings where found[binding.name] == nil {
                    found[binding.name] = .some(binding.typePath)
                }
            }
            tables[folder] = found
            return found
        }
        func folder(_ path: String) -> String? {
            guard let folder = CobraPrograms.folder(importedAs: path, modules: modules), !result.contains(folder),
                layout.packages[folder].map({ $0 != "main" && !$0.isEmpty }) == true, !isOwnWork(folder + "/")
            else { return nil }
            return folder
        }
        for building in folders.sorted() where added < maximumTableFolders {
            for blob in layout.files[building] ?? [] where added < maximumTableFolders {
                let source = parsed.source(of: blob, text: try project.files.text(ofBlob: blob))
                for reference in source.valueReferences() where added < maximumTableFolders {
                    guard let target = folder(reference.path), let table = try tablesOf(target)[reference.name]
                    else { continue }
                    result.insert(target)
                    added += 1
                    // The package of the table's type: its methods name the flags (`opt.FlagName(prefix)`).
                    if let typePath = table, let typeFolder = folder(typePath), added < maximumTableFolders {
                        result.insert(typeFolder)
                        added += 1
                    }
                }
            }
        }
        return result.sorted()
    }

    /// Key globs for the commands whose name says they are not stable yet (`tool alpha`, `tool x experimental`, the
    /// names ``GoAPIExtractorSpec/isUnstableFolder(_:)`` takes) or whose annotations do (`annotated`:
    /// `Annotations: map[string]string{"experimental": ""}`), each with what is under it; the outermost only. Then
    /// the flags `annotated` names (their name or usage says experimental) outside those commands: one glob for
    /// every command's flag of a name when each flag of that name says so (`tool * --experimental-oci`), else each.
    private static func unstableCommands(_ items: [CobraItem], annotated: [String] = []) -> [String] {
        let listed = Set(items.map(\.key))
        let isFlag = { (key: String) in key.contains(" -") }
        // An alias says nothing of its command's stability: argo-rollouts' `get experiment` has the alias `exp`, a
        // short name of its Experiment resource, not a promise left out (review I6).
        let commands =
            items.filter { $0.attributes["alias-of"] == nil }.map(\.key).filter { key in
                guard !isFlag(key), let last = key.split(separator: " ").last, key.contains(" ") else {
                    return false
                }
                return GoAPIExtractorSpec.isUnstableFolder(String(last))
            } + annotated.filter { listed.contains($0) && !isFlag($0) }
        let outermost = Set(commands).filter { key in !commands.contains { key.hasPrefix($0 + " ") } }
        var globs = outermost.sorted().flatMap { key -> [String] in
            let escaped = escapedGlob(key)
            guard let glob = try? Glob(escaped), glob.matches(key), !glob.matches(key + "x") else { return [] }
            return [escaped, escaped + " *"]
        }
        // Flags, by name: `tool sign --x` has the name `--x`.
        let flags = Set(
            annotated.filter { key in
                listed.contains(key) && isFlag(key) && !outermost.contains { key.hasPrefix($0 + " ") }
            })
        var byName: [Substring: [String]] = [:]
        for key in listed where isFlag(key) {
            guard let name = key.split(separator: " ").last else { continue }
            byName[name, default: []].append(key)
        }
        for (name, keys) in byName.sorted(by: { $0.key < $1.key }) {
            let marked = keys.filter(flags.contains)
            guard !marked.isEmpty else { continue }
            // Only a name that is one word starting with `-` in every key is grouped: a flag whose name holds a
            // space (`--a [x`) would give a glob (`tool * [[]x`) that takes every key ending in that word.
            guard marked.count == keys.count, keys.count > 2, name.hasPrefix("-"),
                keys.allSatisfy({ $0.split(separator: " ").filter { $0.hasPrefix("-") }.count == 1 }),
                let program = keys.first?.split(separator: " ").first,
                keys.allSatisfy({ $0.hasPrefix(program + " ") })
            else {
                globs += marked.sorted().map(escapedGlob)
                continue
            }
            let under = escapedGlob(String(program)) + " * " + escapedGlob(String(name))
            globs.append(under)
            // `*` takes at least one word: the root's own flag of the name is listed by itself.
            let root = "\(program) \(name)"
            if listed.contains(root) { globs.append(escapedGlob(root)) }
        }
        return globs
    }

    /// A key as a glob that matches only it: each wildcard character in a class of its own (`[*]`).
    private static func escapedGlob(_ key: String) -> String {
        key.map { "*?[{},".contains($0) ? "[\($0)]" : String($0) }.joined()
    }

    /// What the command line the draft proposes hides from its help: hidden commands (not what is under them) and
    /// hidden flags of visible commands that are not deprecated.
    private static func hiddenItems(_ items: [CobraItem]) -> [String] {
        let hiddenItems = items.filter { $0.attributes["hidden"] == "true" && !$0.deprecated }
        let hidden = Set(hiddenItems.map(\.key))
        // One name a definition: `tool build --x` rather than also `tool b --x` through the alias `b`.
        var named: [String: String] = [:]
        for item in hiddenItems {
            // The command a key is under: `tool docs` for `tool docs --dir` and for `tool docs man`.
            let parent = item.key.split(separator: " ").dropLast().joined(separator: " ")
            guard !hidden.contains(parent) else { continue }
            let site = "\(item.path):\(item.line)"
            if let known = named[site], (known.count, known) >= (item.key.count, item.key) { continue }
            named[site] = item.key
        }
        return named.values.sorted()
    }

    /// Whether `path` is in a folder of the project's own work (tools/, hack/, tests, examples).
    private static func isOwnWork(_ path: String) -> Bool {
        path.contains("/") && ownWorkFolders.contains(String(path.prefix { $0 != "/" }))
    }

    /// A surface name from a program name: lower-case letters, digits and dashes.
    private static func surfaceName(_ name: String) -> String {
        name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    /// Globs as a reviewer writes them: folders grouped by their first two segments, `GROUP/**/*.go` for a group
    /// with several folders or deeper ones, `FOLDER/*.go` for a folder alone, `*.go` for the root. A character of a
    /// folder's name that globs give a meaning (`c[md]`, `x{a,b}`, `st*ar`) is written as a class of its own, so that
    /// the glob matches that folder and no other (``Glob/literal(_:)``).
    /// The folders the globs ``reviewerGlobs(_:)`` makes of `folders` read files in (their first two elements);
    /// none when one reads the repository's root.
    static func readFolders(_ folders: [String]) -> [String] {
        let keys = Set(folders.map { $0.split(separator: "/").prefix(2).joined(separator: "/") })
        return keys.contains("") ? [] : keys.sorted()
    }

    public static func reviewerGlobs(_ folders: [String]) -> [String] {
        var groups: [String: [String]] = [:]
        for folder in folders {
            let key = folder.split(separator: "/").prefix(2).joined(separator: "/")
            groups[key, default: []].append(folder)
        }
        return groups.keys.sorted().map { key in
            guard let members = groups[key] else { return key }
            if key.isEmpty { return "*.go" }
            return Glob.literal(key) + (members == [key] ? "/*.go" : "/**/*.go")
        }
    }

}

extension CobraExtractorSpec {
    public static var deprecationMarker: String? { "`Deprecated:` on the command, or `MarkDeprecated` for the flag" }
}
