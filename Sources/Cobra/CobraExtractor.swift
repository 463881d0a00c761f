import GoSource
import Limits

/// One command, alias or flag of a cobra command line.
public struct CobraItem: Sendable, Hashable {
    /// The full command path as users type it: `k6 cloud run`, `k6 cloud run --local-execution`.
    public let key: String
    /// `type`, `shorthand`, `scope` (flags), `alias-of` (aliases), `hidden` (when hidden, or under a hidden command).
    public let attributes: [String: String]
    /// Deprecated by `Deprecated:`, `MarkDeprecated` or a deprecated command above it.
    public let deprecated: Bool
    /// Experimental: under a command a feature gate that says experimental hides (helm's `HELM_EXPERIMENTAL_OCI`) or an
    /// annotation marks experimental (docker's `experimentalCLI`), or a flag whose name or usage says so
    /// (``CobraHelpText/flagSaysExperimental(name:usages:)``: cosign's `[EXPERIMENTAL] OIDC client secret`).
    public internal(set) var experimental = false
    /// The file of the command literal or flag definition.
    public let path: String
    /// The line of the command literal, or of the flag definition's method name.
    public let line: Int
}

/// The command line a set of Go files builds, and what could not be followed statically.
public struct CobraSurface: Sendable {
    /// Every command, alias and flag, sorted by key.
    public var items: [CobraItem]
    /// `file:line: message` for every construct the extractor could not resolve.
    public var notes: [String]
    /// True when some command, flag or file could not be followed, so users can type more than `items` lists.
    public var incomplete: Bool
    /// The command paths the extractor knows it could not follow (`SurfaceSnapshot.isUncertain`): those of a command
    /// whose `Use` may be one of several names (`tool environment` and `tool formatting`). A command or flag missing
    /// under one of them may still be there.
    public var uncertain: [String] = []
    /// The roots keyed by guess: commands no followed `AddCommand` adds, but that are handed to an `AddCommand` on a
    /// command that cannot be followed (a parameter nothing in the files read passes). Each is keyed as a root, as it
    /// is when it is the program's root; when it is not, the path users type begins with the words of a command the
    /// extractor does not know (`ko apply`, keyed `apply`). Items under them are there, but their keys may lack those
    /// words.
    public var unplacedRoots: [String] = []
    /// The commands handed, with commands it may add to them, to code the extractor cannot follow (`root` of
    /// `groups.Add(root)`, where `groups` holds commands keyed as roots by guess): a root keyed by guess may be under
    /// one of them.
    public var unplacedParents: [String] = []
    /// Flags (`tool run --tail`) a command may have that the extractor could not read: an `AddFlag` adds one of
    /// several flags of a set made by `NewFlagSet`, whose definitions the files do not show (a table of flags made by
    /// reflection), and this is one of them. Not in `items`: a removal of one is still claimed, saying it may still be
    /// there.
    public var unnamedFlags: [String] = []
    /// Commands and flags (`tool old`, `tool serve --port`) that `RemoveCommand`, `ResetCommands` or `ResetFlags` may
    /// take away: only in some runs, or in an order the extractor cannot tell from what adds them. Not in `items`: a
    /// removal of one is claimed, saying it may still be there (the removal of one taken away on every path after
    /// what adds it is claimed as any other).
    public var takenAway: [String] = []
    /// True when no command at all is in `items` (no file read, no `cobra.Command` built in the files, no root found):
    /// the extractor read no command line here, so whether any command or flag is there is not known
    /// (``SurfaceSnapshot/unreadMark``). `incomplete` is set too, and a note says why.
    public var readsNoCommand = false
    /// Set when the command tree has more command paths and flags than the extractor walks (`maximumWork`): the
    /// surface is not usable and the run stops with this message.
    public var overLimit: String?
    /// The commands (by every path, aliases included) whose annotations say they are experimental
    /// (``CobraCommandInfo/annotatedExperimental``), and the flags whose name or usage says so
    /// (``CobraFlagDefinition/saysExperimental``): what init proposes under `experimental:`. Not in the items'
    /// stability: a program's own annotation is a label its help or a warning shows, which the policy's author
    /// confirms.
    public var annotatedExperimental: [String] = []
    /// Items whose key the program spells in more than one way that Swift's `==` calls equal and Go does not
    /// (`--caf\u{e9}` and `--cafe\u{301}`: two flags to pflag), by the key the item has: every spelling.
    public var respelled: [String: [String]] = [:]
    /// The programs that run each root: a `package main` whose `main` calls `Execute` on it (review RF2). Two
    /// programs whose roots have one name share its key; each lists what of the root's items it lacks and where its
    /// item differs from the one in `items`, so that a removal from one program is judged per program.
    public var programs: [CobraProgram] = []
    /// Keys only some of the roots one program picks from when it runs have (review RF): also in `uncertain`; unlike
    /// the others there, `audit` claims their removal as `check` does.
    public var runTimeChoice: [String] = []
    /// The command paths and flags the extractor walks at most (a command added to every command of the layer above,
    /// layer after layer, has exponentially many paths).
    public static let maximumWork = 200_000
}

/// One program that runs a root (``CobraSurface/programs``): the folder of its `package main`, and how its items
/// differ from the surface's items under the root's key.
public struct CobraProgram: Sendable, Hashable, Codable {
    /// The root's key (its name).
    public let root: String
    /// The folder of the program's `main` package (`.` for the repository's top folder).
    public let folder: String
    /// The keys under `root` in the surface that this program does not have.
    public let lacks: [String]
    /// The items under `root` this program has with other attributes or stability than the surface's item, by key.
    public let differing: [String: Differing]

    public init(root: String, folder: String, lacks: [String], differing: [String: Differing]) {
        self.root = root
        self.folder = folder
        self.lacks = lacks
        self.differing = differing
    }

    /// How one program's item differs from the surface's item of its key.
    public struct Differing: Sendable, Hashable, Codable {
        public let attributes: [String: String]
        /// `deprecated`, `experimental` or `stable`, as the extractor reads it in this program and in the surface's
        /// item (`standing`): a stability the policy sets is the policy's in both.
        public let stability: String
        public let standing: String
        public let path: String
        public let line: Int
    }
}

/// The `cobra` extractor: finds the cobra command tree a Go program builds, without running Go.
public enum CobraExtractor {
    /// The flag types of pflag's own definition methods (`int`, `string`, `stringArray`, `duration`, ...); a flag of
    /// another type is a custom value whose `Type()` names it.
    public static var pflagTypes: Set<String> { CobraFlagMethod.builtinTypes }

    /// The alternatives of a `build` attribute: its parts joined by `||` outside parentheses (`(arm64 && linux) ||
    /// windows` has `(arm64 && linux)` and `windows`).
    public static func buildAlternatives(of build: String) -> [String] { CobraBuildTable.disjuncts(of: build) }

    /// The conditions of one alternative of a `build` attribute: its parts joined by `&&` outside parentheses, each
    /// without parentheses around the whole of it (`(arm64 && linux)` has `arm64` and `linux`; `((darwin ||
    /// linux)) && amd64` has `darwin || linux` and `amd64`).
    public static func buildConditions(of alternative: String) -> Set<String> {
        Set(CobraBuildTable.conjuncts(of: unparenthesized(alternative)).map(unparenthesized))
    }

    /// `text` without the parentheses that enclose the whole of it, at any depth (`((a && b))` is `a && b`; `(a) ||
    /// (b)` stays as it is).
    static func unparenthesized(_ text: String) -> String {
        var text = Substring(text)
        while text.first == "(", text.last == ")" {
            // The opening parenthesis must close at the last character, not before it.
            var depth = 0
            var closesAtEnd = false
            for (offset, character) in text.enumerated() {
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                if depth == 0 {
                    closesAtEnd = offset == text.count - 1
                    break
                }
            }
            guard closesAtEnd else { break }
            text = text.dropFirst().dropLast()
        }
        return String(text)
    }

    /// Every command, alias and flag that `files` build, keyed by full command path.
    ///
    /// `root` names the root command when its `Use` is not a constant (`Use: os.Args[0]`); it also picks the
    /// command tree when several commands have no parent (the one with the most commands under it).
    ///
    /// `names`, kept from one revision to the next, numbers the names of the files once for all of them.
    ///
    /// `library` says which cobra the program builds with, for the commands cobra adds by itself
    /// (``CobraDefaultCommands``); `.unread` leaves them out.
    ///
    /// `sortingItems: false` leaves the items in no particular order, for a caller that sorts them in parts.
    ///
    /// `fieldsWrittenNotRead` says whether some Go file of the module besides `files` may give a field of that name a
    /// value (``fieldsWritten(inFileNotRead:)``); nil when not known: a pointer field a literal leaves out is then
    /// never read as certainly nil.
    ///
    /// The interpreter runs on a thread with a `stackBytes` stack (``StackGuard/withStack(_:_:)``; 0: this thread);
    /// code that nests too deep for it is `overLimit` (review R42), as is code that runs more than `maximumRuns`
    /// function bodies (``Limit/interpreterRuns``), keeps more than `maximumCalls` calls (``Limit/interpreterCalls``)
    /// or takes more than `maximumSteps` steps (``Limit/interpreterSteps``).
    public static func surface(
        of files: [(path: String, source: CobraSourceFile)], root: String?, names: CobraNames? = nil,
        library: CobraLibrary = .unread, maximumWork: Int = CobraSurface.maximumWork, sortingItems: Bool = true,
        partialFolders: Set<String> = [], fieldsWrittenNotRead: ((String) -> Bool)? = nil,
        stackBytes: Int = Limit.interpreterStack, maximumRuns: Int = Limit.interpreterRuns,
        maximumCalls: Int = Limit.interpreterCalls, maximumSteps: Int = Limit.interpreterSteps
    ) -> CobraSurface {
        StackGuard.withStack(stackBytes) {
            surfaceHere(
                of: files, root: root, names: names, library: library, maximumWork: maximumWork,
                sortingItems: sortingItems, partialFolders: partialFolders, fieldsWrittenNotRead: fieldsWrittenNotRead,
                maximumRuns: maximumRuns, maximumCalls: maximumCalls, maximumSteps: maximumSteps)
        }
    }

    private static func surfaceHere(
        of files: [(path: String, source: CobraSourceFile)], root: String?, names: CobraNames?,
        library: CobraLibrary, maximumWork: Int, sortingItems: Bool, partialFolders: Set<String>,
        fieldsWrittenNotRead: ((String) -> Bool)?, maximumRuns: Int, maximumCalls: Int, maximumSteps: Int
    ) -> CobraSurface {
        let goFiles = files.filter {
            GoFileName.isPackageSource($0.path) && !$0.source.neverBuilds
        }
        .sorted { $0.path < $1.path }
        // An interpreter for the files, set up for one way of reading them (``run()`` not called yet).
        func made(_ configure: (inout CobraInterpreter) -> Void) -> CobraInterpreter {
            var made = CobraInterpreter(files: goFiles.map { ($0.path, $0.source) }, names: names)
            made.partialFolders = partialFolders
            made.maximumRuns = maximumRuns
            made.maximumCalls = maximumCalls
            made.maximumSteps = maximumSteps
            if case .module(let module, let elsewhere) = library {
                made.ownModule = module?.program
                made.groupAdderElsewhere = elsewhere
            }
            configure(&made)
            return made
        }
        var configure: (inout CobraInterpreter) -> Void = { $0.fieldsWrittenNotRead = fieldsWrittenNotRead }
        var interpreter = made(configure)
        interpreter.run()
        // The stack ran nearly full: what was not run may have ended or taken away what the rest adds (review R42).
        func stopped(_ interpreter: inout CobraInterpreter) -> CobraSurface? {
            guard let message = interpreter.outOfStack else { return nil }
            interpreter.finish()
            return CobraSurface(items: [], notes: [], incomplete: true, overLimit: message)
        }
        if let surface = stopped(&interpreter) { return surface }
        // A field given nil by a statement the run did not make (code not run, as a method called only when a command
        // runs): an object read from it may be nil whatever the order; read again with those fields nilable.
        // A field read as holding what the run gave it alone that a statement the run did not make may give a value:
        // read again with any value of its type there too.
        let unrunNil = interpreter.unrunNilFields()
        let unrunGiven = interpreter.givenFieldsUnrun()
        var nilUnknown = false
        if !unrunNil.isEmpty || !unrunGiven.isEmpty {
            interpreter.finish()
            configure = {
                $0.fieldsWrittenNotRead = fieldsWrittenNotRead
                $0.alwaysNilFields = unrunNil
                $0.instanceFields = unrunGiven
            }
            interpreter = made(configure)
            interpreter.run()
            if let surface = stopped(&interpreter) { return surface }
            // Fewer decisions may leave other such statements not made: then nothing is decided by them.
            nilUnknown =
                interpreter.unrunNilFields().contains { field, types in
                    !(unrunNil[field].map { types.isSubset(of: $0) } ?? false)
                } || !interpreter.givenFieldsUnrun().isSubset(of: unrunGiven)
        }
        if nilUnknown || interpreter.listsDecidedOnHandedObjects() || interpreter.entryDecisionsChanged()
            || interpreter.unsetFieldsEscaped()
        {
            // An entry whose literal decided a filter went to code not read, which may have replaced it, a filter
            // decided by an entry's nil-ness or name was decided otherwise by a later pass, or a pointer field read as
            // nil may not be (``CobraInterpreter/unsetFieldsEscaped()``): read again without deciding by literals.
            interpreter.finish()
            configure = { $0.literalListsDecide = false }
            interpreter = made(configure)
            interpreter.run()
            if let surface = stopped(&interpreter) { return surface }
        }
        interpreter.markFlagsWithGuardedNotices()
        interpreter.finish()
        var builder = TreeBuilder(
            interpreter: interpreter, root: root, attributeTable: names?.takeAttributes() ?? CobraAttributeTable())
        builder.maximumWork = maximumWork
        if case .module(let module, _) = library {
            builder.mergesCommandLine = module?.has(.commandLineFlags)
            builder.cobraVersion =
                module?.version ?? module?.unknown ?? "no go.mod or vendor/modules.txt names github.com/spf13/cobra"
        }
        builder.readsNoFile = goFiles.isEmpty
        builder.items.reserveCapacity(min(builder.attributeTable.itemCount, maximumWork))
        builder.build()
        builder.recordPrograms()
        builder.attachBuilds()
        builder.attributeTable.itemCount = builder.items.count
        names?.give(builder.attributeTable)
        var notes = Array(interpreter.notes.values) + builder.notes + interpreter.definitionNotes
        var incomplete = interpreter.incomplete || builder.incomplete || !interpreter.definitionNotes.isEmpty
        if case .module(let module, _) = library {
            let defaults = CobraDefaultCommands(interpreter: interpreter, module: module)
            for (site, key) in builder.roots {
                let added = defaults.items(root: key, at: site, existing: builder.items)
                for item in added.items where builder.items[item.key] == nil { builder.items[item.key] = item }
                notes += added.notes
                incomplete = incomplete || added.incomplete
                // Whether cobra adds `completion` is not known here: one missing is not known to be gone.
                if added.incomplete { builder.uncertain.insert(key.isEmpty ? "completion" : key + " completion") }
            }
        }
        for file in goFiles {
            for error in file.source.errorsRead {
                incomplete = true
                notes.append(
                    "\(file.path):\(error.position): cannot read Go source (\(error.message)); "
                        + "the declarations around it still count")
            }
        }
        if interpreter.commands.isEmpty && !goFiles.isEmpty {
            // Files that build no command at all: the program moved its commands, builds them through a framework
            // or a library that is not cobra, or imports cobra under a path the extractor does not know.
            incomplete = true
            notes.append(
                "no cobra.Command is built in the \(goFiles.count) Go file\(goFiles.count == 1 ? "" : "s") read "
                    + "(\(goFiles[0].path)\(goFiles.count > 1 ? ", ..." : "")), so the command line is not in the "
                    + "surface; check 'files' in the cobra extractor")
        }
        let items = sortingItems ? builder.items.values.sorted { $0.key < $1.key } : Array(builder.items.values)
        if items.isEmpty { incomplete = true }
        var surface = CobraSurface(
            items: items, notes: Array(Set(notes)).sorted(), incomplete: incomplete,
            uncertain: builder.uncertain.sorted(), unplacedRoots: builder.unplacedRoots.sorted(),
            unplacedParents: builder.unplacedParents.sorted(), unnamedFlags: builder.unnamedFlags.sorted(),
            takenAway: builder.takenAway.sorted(), overLimit: builder.overLimit,
            annotatedExperimental: builder.annotatedExperimental.sorted(), respelled: builder.respelled)
        surface.readsNoCommand = items.isEmpty
        surface.programs = builder.programs
        surface.runTimeChoice = builder.runTimeChoice.sorted()
        return surface
    }
}

/// A command no other command adds: the root of a program's command tree, or a command whose `AddCommand` could not
/// be followed.
public struct CobraRoot: Sendable, Hashable {
    /// The first word of its `Use`, or nil when that is not one constant string (`Use: os.Args[0]`).
    public let name: String?
    /// The file of the command literal.
    public let path: String
    /// The line of the command literal.
    public let line: Int
    /// The commands of its tree, itself included.
    public let commands: Int
}

extension CobraExtractor {
    /// Whether `name` could be a flag's name in an attribute that lists names (`unread-flag-names`): not empty, at most
    /// 64 bytes, no whitespace, control character or `,`, not starting with `-`.
    static func mayNameFlag(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && !name.hasPrefix("-") && !name.contains(",")
            && name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !$0.properties.isWhitespace }
    }

    /// The commands of `files` that no command adds, with the size of the tree under each (for `semgate init`, which
    /// proposes one cli surface per program).
    public static func roots(of files: [(path: String, source: CobraSourceFile)]) -> [CobraRoot] {
        let goFiles = files.filter {
            GoFileName.isPackageSource($0.path) && !$0.source.neverBuilds
        }
        .sorted { $0.path < $1.path }
        var interpreter = CobraInterpreter(files: goFiles.map { ($0.path, $0.source) })
        // What a run stopped for the stack found is not the tree (review R42): no roots, as for files that build none.
        StackGuard.withStack(Limit.interpreterStack) { interpreter.run() }
        guard interpreter.outOfStack == nil else { return [] }
        let commands = interpreter.commands.filter { $0.value.hasUse }
        let children = Set(commands.values.flatMap(\.children))
        func size(of root: CobraSite) -> Int {
            // Iterative, so a deep or cyclic tree costs one visit per command.
            var seen: Set<CobraSite> = [root]
            var pending = [root]
            while let site = pending.popLast() {
                for child in commands[site]?.children ?? [] where commands[child] != nil && seen.insert(child).inserted
                {
                    pending.append(child)
                }
            }
            return seen.count
        }
        return commands.keys.filter { !children.contains($0) }.sorted().compactMap { site in
            guard let info = commands[site] else { return nil }
            let use = info.use
            let word =
                !use.unresolved && use.values.count == 1
                ? use.values.first?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first : nil
            return CobraRoot(
                name: word.map(String.init), path: interpreter.paths[info.file], line: info.line,
                commands: size(of: site))
        }
    }
}

/// Walks the command tree from its roots and lists commands, aliases and flags.
private struct TreeBuilder {
    let interpreter: CobraInterpreter
    /// The interpreter's ``CobraInterpreter/registrations``, read once: asking the interpreter for each flag set and
    /// command copied it whole.
    private let registrations: CobraRegistrationTable
    let root: String?
    var items: [String: CobraItem] = [:]
    var notes: [String] = []
    var incomplete = false
    /// How many of the names a `Use` may be a note names.
    private static let valuesNamed = 20
    /// Commands visited and items listed so far, and the most the builder does (``CobraSurface/maximumWork``).
    private var work = 0
    var maximumWork = CobraSurface.maximumWork
    /// Whether no Go file was read (the files setting matches none at this revision).
    var readsNoFile = false
    var overLimit: String?
    /// The command paths that could not be followed (``CobraSurface/uncertain``).
    var uncertain: Set<String> = []
    /// The roots keyed by guess (``CobraSurface/unplacedRoots``).
    var unplacedRoots: Set<String> = []
    /// ``CobraSurface/unplacedParents`` and ``CobraSurface/unnamedFlags``.
    var unplacedParents: Set<String> = []
    var unnamedFlags: Set<String> = []
    /// ``CobraSurface/takenAway``.
    var takenAway: Set<String> = []
    /// The names of flags whose definition is guessed (``unreadDefinition(of:in:other:handed:)``), for one note.
    private var guessedFlags: Set<String> = []
    /// Flags of the surface defined with different types on different paths, with those types, for one note.
    private var mixedFlags: [String: Set<String>] = [:]
    /// The names of flags an `AddFlag` looks up in a set made by `NewFlagSet` that neither defines them nor is handed
    /// to a call the files do not define, for one note: they are not in the surface.
    private var unfilledFlags: Set<String> = []
    /// At most this many ``unnamedFlags`` (the notes of a removal past it just do not say it may still be there).
    static let maximumUnnamedFlags = 20_000
    /// ``CobraSurface/annotatedExperimental``.
    var annotatedExperimental: Set<String> = []
    /// ``CobraSurface/respelled``.
    var respelled: [String: [String]] = [:]
    /// The roots visited (command and key), for the commands cobra adds to a root by itself.
    var roots: [(site: CobraSite, key: String)] = []
    /// ``CobraSurface/programs``, made by ``recordPrograms()``.
    var programs: [CobraProgram] = []
    /// ``CobraSurface/runTimeChoice``.
    var runTimeChoice: Set<String> = []
    /// By root key, by the folder of each program's `main` package, the items that program has under the root as its
    /// visit found them; nil for every item of the root (no other program runs a root of that name).
    private var programItems: [String: [String: [String: CobraItem]?]] = [:]
    /// The items added while each program being visited is (``visitRoots(_:named:common:runTime:)``), one dictionary a
    /// program; the first item of a key stands.
    private var capturing: [[String: CobraItem]] = []
    /// Items reached through aliases so far; past `maximumAliasItems` aliases stop adding paths (with a note).
    private var aliasItems = 0
    /// The first alias left out past `maximumAliasItems` (where, which, of what), and how many were: one note says so.
    private var aliasLeftOut: (location: String, alias: String, key: String)?
    private var aliasesLeftOut = 0
    /// Whether the item being added is experimental: under a command a feature gate that says experimental hides or
    /// an annotation marks so, or a flag whose name or usage says so.
    private var experimental = false
    /// The `Hidden` expression not decided of the command being visited or the nearest above it that has one
    /// (``CobraCommandInfo/hiddenWhen``): what is under it may be hidden (`hidden-when`).
    private var hiddenWhen: String?
    /// How the command being visited, or one above it, is added when only conditions decided when the program runs
    /// add it (``CobraRegistration``): so is what is under it (`registered-when`).
    private var registered: CobraRegistration?
    /// The commands being visited, outermost first.
    private var visiting: [CobraSite] = []
    /// Whether a persistent hook of the command being visited or of one above it may read the arguments (cobra runs
    /// the nearest one with the running command's arguments): its `Use` words are then placeholders (review R101 G).
    private var argumentsReadAbove = false
    /// The unfollowed `AddCommand` arguments already named in a note (a command reached through aliases is visited
    /// again).
    private var noted: Set<CobraMissingChild> = []
    /// The flags of each set by name, worked out once: a command is visited again under each alias.
    private var flattened: [CobraFlagSetID: [FlatFlag]] = [:]
    /// The builds each item is in, where some are not all (``CobraBuildTable``): united over every path to it. An
    /// item listed and not here is in every build.
    private var itemBuilds: [String: CobraBuildCondition] = [:]
    /// The table of `interpreter.builds`, for conditions combined along paths.
    private let buildTable: CobraBuildTable
    /// The attributes of each set's flags (in the order of `flattened`), by set and whether the command is hidden.
    private var attributesBySet: [FlagAttributesKey: [[String: String]]] = [:]

    private struct FlagAttributesKey: Hashable {
        let set: CobraFlagSetID
        let hidden: Bool
        let hiddenWhen: String?
        let registered: CobraRegistration?
    }
    private static let maximumAliasItems = 50_000

    /// The attributes of items by shape, from the last run when there is one (``CobraAttributeTable``).
    var attributeTable: CobraAttributeTable

    init(interpreter: CobraInterpreter, root: String?, attributeTable: CobraAttributeTable = CobraAttributeTable()) {
        self.interpreter = interpreter
        self.root = root
        self.attributeTable = attributeTable
        buildTable = interpreter.builds
        registrations = interpreter.registrations
    }

    private func location(_ info: CobraCommandInfo) -> String {
        "\(interpreter.paths[info.file]):\(info.line)"
    }

    mutating func build() {
        defer {
            noteAliasesLeftOut()
            noteUnnamedFlags()
            noteGuessedFlags()
            noteMixedFlags()
            noteUnfilledFlags()
            noteCommandLine()
        }
        let commands = interpreter.commands.filter { $0.value.hasUse }
        let children = Set(commands.values.flatMap(\.children))
        let parentless = commands.keys.filter { !children.contains($0) }.sorted()
        if parentless.isEmpty, let first = commands.keys.sorted().first, let info = commands[first] {
            // No command is in the surface, and the program has some: it must not look complete.
            incomplete = true
            notes.append(
                "\(location(info)): every command is added to another one (an AddCommand cycle), so there is no root "
                    + "command and no command is in the surface; remove the AddCommand that adds a command to itself "
                    + "or to one below it. If the program has no such cycle, it adds commands through a field of a "
                    + "type of its own on a value the extractor cannot follow to where it was made (a parameter "
                    + "nobody passes, a value from an unread call), which it reads as every value of the type: the "
                    + "cycle is the extractor's, and the command line cannot be read")
            return
        }
        if let root {
            // The root is the command whose Use names it; only when none does, one whose Use is not a constant.
            let named = parentless.filter { commands[$0].flatMap(name(of:)) == root }
            let candidates = named.isEmpty ? parentless.filter { commands[$0].flatMap(name(of:)) == nil } : named
            guard !candidates.isEmpty else {
                incomplete = true
                if readsNoFile {
                    // Nothing to check in 'root': the tree has none of the files (another program's tag sharing the
                    // tag names, or a release from before the command line).
                    notes.append(
                        "no Go file matches 'files', so the surface is empty: the files are not there yet or have moved "
                            + "(add their folders to 'files'), or the tag is another program's (list it under "
                            + "releases.ignore)")
                    return
                }
                let first = parentless.first.flatMap { commands[$0] }.map { location($0) + ": " } ?? ""
                notes.append(
                    "\(first)no command without a parent has a Use that names the root '\(root)' (or a Use that is "
                        + "not a constant), so the surface is empty; check 'root' and 'files' in the cobra extractor")
                return
            }
            let (chosen, common, runTime) = runRoots(candidates, named: root)
            for site in parentless where !chosen.contains(site) {
                orphan(site)
            }
            visitRoots(chosen, named: root, common: common, runTime: runTime)
            return
        }
        // Roots of one name (several programs have several names): the one the program runs.
        var sameName: [String: [CobraSite]] = [:]
        for site in parentless where !isLoneCommand(site, among: parentless.count) {
            guard let name = commands[site].flatMap(name(of:)) else { continue }
            sameName[name, default: []].append(site)
        }
        var visitedNames: Set<String> = []
        for site in parentless {
            guard let info = commands[site] else { continue }
            // Several roots are several programs; a lone command with nothing under it beside them is dead code or a
            // command whose AddCommand could not be followed. One named by a constant and handed to code that cannot
            // be followed is a command of the program: added there to another (keyed by guess as the others so
            // handed), or given commands or flags there (`groups.Add(root)`).
            if isLoneCommand(site, among: parentless.count) {
                orphan(site)
                continue
            }
            if let name = name(of: info) {
                guard visitedNames.insert(name).inserted else { continue }
                let (chosen, common, runTime) = runRoots(sameName[name] ?? [site], named: name)
                for other in sameName[name] ?? [] where !chosen.contains(other) { orphan(other) }
                visitRoots(chosen, named: name, common: common, runTime: runTime)
            } else {
                notes.append(
                    "\(location(info)): the root command's Use is not a constant string; its subcommands are "
                        + "keyed without it (set 'root' in the cobra extractor to name it)")
                visit(site, path: [], deprecated: false, stack: [])
            }
        }
    }

    /// Visits the roots `chosen` (``runRoots(_:named:)``), keyed `name`, and records the programs that run them
    /// (``CobraSurface/programs``). Roots that two `package main` programs each run one of (`common` false, more than
    /// one program) are visited one program at a time, and what each program has is recorded: the surface holds what
    /// any of them has, and a removal is judged per program (review RF2: a second program must not keep alive a
    /// command the first one dropped).
    private mutating func visitRoots(_ chosen: [CobraSite], named name: String, common: Bool, runTime: Bool) {
        func visitOne(_ builder: inout TreeBuilder, _ site: CobraSite) {
            builder.roots.append((site, name))
            // Also added to a command that cannot be followed: the program's root, or a command whose path begins
            // with words the extractor does not know. Keyed as a root either way (dropping it would hide a real
            // root's removals), it is marked so that its items' keys are known to be guesses.
            if builder.interpreter.addedToUnknown.contains(site) { builder.unplacedRoots.insert(name) }
            builder.visit(site, path: [name], deprecated: false, stack: [])
        }
        // The folder of each `main` package that calls Execute on a root, with the roots it runs.
        var byFolder: [String: [CobraSite]] = [:]
        for site in chosen {
            for main in interpreter.executedFromMain[site] ?? [] {
                byFolder[Self.folder(of: interpreter.path(ofFunction: main)), default: []].append(site)
            }
        }
        guard !common, chosen.count > 1, byFolder.count > 1 else {
            keepCommon(chosen.count, common: common, unknownDropped: runTime) { builder, index in
                visitOne(&builder, chosen[index])
            }
            // One program (or roots no main runs): every item of the root is the program's.
            for folder in byFolder.keys where programItems[name]?[folder] == nil {
                programItems[name, default: [:]][folder] = .some(nil)
            }
            return
        }
        for site in chosen where !byFolder.values.contains(where: { $0.contains(site) }) { visitOne(&self, site) }
        for folder in byFolder.keys.sorted() {
            capturing.append([:])
            for site in byFolder[folder] ?? [] { visitOne(&self, site) }
            let captured = capturing.removeLast()
            // A folder met again (two roots of other names in one program is not this: keys differ) keeps what both
            // visits found.
            if case .some(.some(let earlier)) = programItems[name]?[folder] {
                programItems[name]?[folder] = .some(earlier.merging(captured) { first, _ in first })
            } else {
                programItems[name, default: [:]][folder] = .some(captured)
            }
        }
    }

    /// The folder of the file at `path` (`.` for a file at the top).
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// ``CobraSurface/programs``, from what each program's visit captured (``programItems``): made after the tree is
    /// built, before `attachBuilds` (the builds of an item are those of every program's paths to it).
    mutating func recordPrograms() {
        for (root, byFolder) in programItems.sorted(by: { $0.key < $1.key }) {
            let under = items.keys.filter { $0 == root || $0.hasPrefix(root + " ") }
            for (folder, captured) in byFolder.sorted(by: { $0.key < $1.key }) {
                guard let captured else {
                    programs.append(CobraProgram(root: root, folder: folder, lacks: [], differing: [:]))
                    continue
                }
                let lacks = under.filter { captured[$0] == nil }.sorted()
                var differing: [String: CobraProgram.Differing] = [:]
                for (key, own) in captured {
                    guard let standing = items[key] else { continue }
                    let (mine, theirs) = (Self.stability(of: own), Self.stability(of: standing))
                    if mine != theirs || !Self.sameBytes(own.attributes, standing.attributes) {
                        differing[key] = CobraProgram.Differing(
                            attributes: own.attributes, stability: mine, standing: theirs, path: own.path,
                            line: own.line)
                    }
                }
                programs.append(CobraProgram(root: root, folder: folder, lacks: lacks, differing: differing))
            }
        }
    }

    private static func stability(of item: CobraItem) -> String {
        item.deprecated ? "deprecated" : item.experimental ? "experimental" : "stable"
    }

    /// Whether both have the same names and values, byte for byte (Swift's `==` takes `e\u{301}` for `\u{e9}`).
    private static func sameBytes(_ one: [String: String], _ other: [String: String]) -> Bool {
        one.count == other.count
            && one.allSatisfy { key, value in other[key].map { $0.utf8.elementsEqual(value.utf8) } == true }
    }

    /// Several roots a program may have besides its own are dead code or commands whose `AddCommand` could not be
    /// followed: a lone command, with nothing under it, no flags, and not handed to code that may add to it.
    private mutating func isLoneCommand(_ site: CobraSite, among parentless: Int) -> Bool {
        guard parentless > 1, let info = interpreter.commands[site], info.children.isEmpty, !hasFlags(site) else {
            return false
        }
        let handedOn = interpreter.addedToUnknown.contains(site) || unreadFlags(of: site) != nil
        return !(handedOn && name(of: info) != nil)
    }

    /// Of the roots `candidates`, all named `name` (or all with a `Use` that is not a constant), the ones the program
    /// may run (review R78): the one `Execute` is called on when that is one of them, or the one `main` calls it on;
    /// else every one, with a note (a decoy built in a function nothing calls must not stand for the program's root,
    /// nor be dropped for it). `common`: only what all of them have is the program's; `runTime`: they are the roots
    /// `main` picks from when it runs (review RF), so what only some have is not known to be there or gone.
    private mutating func runRoots(_ candidates: [CobraSite], named name: String)
        -> (sites: [CobraSite], common: Bool, runTime: Bool)
    {
        guard candidates.count > 1 else { return (candidates, false, false) }
        // One a build (`main_linux.go`, `main_windows.go`): each is the root in its builds, its items carry them.
        let builds = candidates.map { condition(interpreter.commandBuilds[$0]) }
        let perBuild = builds.indices.allSatisfy { one in
            builds.indices.allSatisfy { other in one == other || !overlap(builds[one], builds[other]) }
        }
        if perBuild { return (candidates, false, false) }
        let executed = candidates.filter { interpreter.executedCommands.contains($0) }
        if executed.count == 1 { return (executed, false, false) }
        let running = candidates.filter { interpreter.executedFromMain[$0] != nil }
        if running.count == 1 { return (running, false, false) }
        if running.count > 1 {
            let mains = Set(running.flatMap { interpreter.executedFromMain[$0] ?? [] })
            // A program is a `main` package, by its folder: two `main` functions of one folder (files of other
            // builds, or one go never builds) are one program's, and roots they run are its choice.
            var folders: [CobraFunctionID: String] = [:]
            for main in mains { folders[main] = Self.folder(of: interpreter.path(ofFunction: main)) }
            var rootsByFolder: [String: Set<CobraSite>] = [:]
            for site in running {
                for main in interpreter.executedFromMain[site] ?? [] {
                    rootsByFolder[folders[main] ?? "", default: []].insert(site)
                }
            }
            let choosing = mains.filter { (rootsByFolder[folders[$0] ?? ""]?.count ?? 0) > 1 }
            if choosing.isEmpty {
                // Two `package main` programs, each running its own root of this name (ko 0.7-0.8's main.go and
                // cmd/ko/main.go: review RF2): two programs, not a choice one makes when it runs. Each command and
                // flag of either is one users of that program have.
                let files = Set(mains.map { interpreter.path(ofFunction: $0) }).sorted()
                notes.append(
                    "\(files.count) programs run a root named '\(name)' (their main functions in "
                        + files.prefix(Self.valuesNamed).joined(separator: ", ") + "): the surface holds the commands "
                        + "and flags of each, as one command line named '\(name)'; a command or flag gone from one of "
                        + "them that was there at both revisions compared (by the folder of its main package), or from "
                        + "one that is no longer there, is claimed removed even if another still has it. To read one "
                        + "program only, leave the files of the others out of 'files' in the cobra extractor")
                return (running, false, false)
            }
            // `switch filepath.Base(os.Args[0]) { case "tool-server": c = server.New() default: c = cli.New() }`.
            incomplete = true
            let places = running.compactMap { interpreter.commands[$0] }.map(location).sorted()
            let files = Set(choosing.map { interpreter.path(ofFunction: $0) }).sorted()
            notes.append(
                "\(running.count) commands that no AddCommand adds may be the root '\(name)' ("
                    + places.prefix(Self.valuesNamed).joined(separator: ", ") + "), and one main function ("
                    + files.prefix(Self.valuesNamed).joined(separator: ", ") + ") calls Execute on several of them: "
                    + "the program picks one when it runs (by the name it is run as, an environment variable). "
                    + "Only the commands and flags all of them have are in the surface; whether those only some of "
                    + "them have are there is not known (check, diff and audit claim their removal, saying they may "
                    + "still be there; audit does not claim their addition). Name one of them in 'root' with a Use "
                    + "that is a constant, or leave the files of the others out of 'files' in the cobra extractor")
            return (running, true, true)
        }
        incomplete = true
        let places = candidates.compactMap { interpreter.commands[$0] }.map(location).sorted()
        notes.append(
            "\(candidates.count) commands that no AddCommand adds may be the root '\(name)' ("
                + places.prefix(Self.valuesNamed).joined(separator: ", ") + "), and semgate cannot tell which one the "
                + "program runs (Execute is called on \(executed.isEmpty ? "none" : "more than one") of them in the "
                + "files read): only the commands and flags all of them have are in the surface. Leave the files of "
                + "the others out of 'files' in the cobra extractor")
        return (candidates, true, false)
    }

    /// Marks `key` as maybe taken away by `taking` (``CobraSurface/takenAway``), with a note; the surface is
    /// incomplete.
    private mutating func mayBeTakenAway(_ key: String, by taking: CobraTakingAway) {
        incomplete = true
        guard takenAway.insert(key).inserted else { return }
        notes.append(
            "\(interpreter.paths[taking.place.file]):\(taking.place.line): \(taking.method) may take '\(key)' away "
                + "(only in some runs, or in an order semgate cannot tell from what adds it, as from a helper or a "
                + "closure): it is not in the surface, and its removal is claimed, saying it may still be there")
    }

    /// One note for the commands with flags an `AddFlag` adds one of (``unnamedFlags``): the first, and how many.
    private mutating func noteUnnamedFlags() {
        guard let first = unnamedFlags.min() else { return }
        incomplete = true
        let commands = Set(
            unnamedFlags.map { key in key.split(separator: " ").prefix { !$0.hasPrefix("--") }.joined(separator: " ") })
        let flags = unnamedFlags.count == 1 ? "1 flag" : "\(unnamedFlags.count) flags"
        let of = commands.count == 1 ? "1 command" : "\(commands.count) commands"
        notes.append(
            flags + " of " + of + " (first '" + first + "') may be added by an AddFlag that semgate cannot follow to "
                + "one flag (flags made at run time, as from a table by reflection: the names are those such an "
                + "AddFlag may add, or a table's Name fields); they are not in the surface, and the removal of one is "
                + "still claimed, saying it may still be there")
    }

    /// One note for the flags an `AddFlag` adds from a set the files read do not fill (``unreadDefinition``): their
    /// names are certain (`AddFlag(nil)` panics), their types and shorthands are not, so changes to those are not
    /// judged; the surface is incomplete.
    private mutating func noteGuessedFlags() {
        guard let first = guessedFlags.min() else { return }
        incomplete = true
        let flags = guessedFlags.count == 1 ? "1 flag (first" : "\(guessedFlags.count) flags (first"
        let are = guessedFlags.count == 1 ? "is" : "are"
        notes.append(
            flags + " '--" + first + "') " + are + " added by an AddFlag from a flag set the files read do not fill "
                + "(made at run time, as from a table by reflection, or by code not read): the name is certain, the "
                + "type and shorthand are not, so a change of either is not judged")
    }

    /// One note for the flags defined with different types on different paths (``CobraFlagSetInfo/mixedTypes``):
    /// their type is `custom`, so a change of it is not judged; the surface is incomplete.
    private mutating func noteMixedFlags() {
        guard let first = mixedFlags.keys.min(), let types = mixedFlags[first] else { return }
        incomplete = true
        let flags = mixedFlags.count == 1 ? "1 flag (first" : "\(mixedFlags.count) flags (first"
        let are = mixedFlags.count == 1 ? "is" : "are"
        notes.append(
            flags + " '--" + first + "', " + types.sorted().joined(separator: " or ") + ") " + are + " defined with "
                + "different types on different paths (as the cases of a type switch over a table entry's value), and "
                + "semgate cannot tell which one a run takes: the type is recorded as custom, and a change of it is not "
                + "judged")
    }

    /// One note for the flags an `AddFlag` looks up in a made set that nothing the files show fills
    /// (``unfilledFlags``): not in the surface, so a flag that was defined before is claimed removed.
    private mutating func noteUnfilledFlags() {
        guard let first = unfilledFlags.min() else { return }
        incomplete = true
        let flags = unfilledFlags.count == 1 ? "1 flag ('--" : "\(unfilledFlags.count) flags (first '--"
        notes.append(
            flags + first + "') looked up by an AddFlag in a flag set made by NewFlagSet that the files read neither "
                + "define it in nor hand to code not read: nothing shown defines it there (the AddFlag would panic), "
                + "so it is not in the surface")
    }

    /// A note when the flags defined in `pflag.CommandLine` are not read as a root's persistent flags for sure: cobra's
    /// version is not known (read as every cobra since March 2015 does), is older (left out), or no root read gets them
    /// (left out: the program's root is not read).
    private mutating func noteCommandLine() {
        guard interpreter.flagSets[.commandLine] != nil else { return }
        if let place = interpreter.commandLineAssigned {
            incomplete = true
            notes.append(
                "\(interpreter.paths[place.file])\(place.line > 0 ? ":\(place.line)" : ""): pflag.CommandLine is "
                    + "assigned (or replaced through a pointer to it, or handed on by its address), so which set cobra adds to the root's persistent flags cannot be told: the flags "
                    + "defined in pflag.CommandLine are not in the surface")
            return
        }
        if commandLineReceived && interpreter.unnamedDefinitions.contains(.commandLine) {
            incomplete = true
            notes.append(
                "pflag.CommandLine, whose flags are the root's persistent flags, is given flags whose names cannot be "
                    + "read (see the notes): a flag of the root missing here may still be there; its removal is "
                    + "still claimed")
        }
        let names = flatten(.commandLine, seen: []).keys
        guard let first = names.min() else { return }
        let flags = names.count == 1 ? "the flag '--\(first)'" : "the \(names.count) flags (first '--\(first)')"
        switch mergesCommandLine {
        case false?:
            incomplete = true
            notes.append(
                "cobra \(cobraVersion ?? "") does not add pflag.CommandLine to the root's flags (cobra does from "
                    + "March 2015), so " + flags + " defined there are not in the surface")
        case nil where commandLineReceived:
            notes.append(
                "cobra's version cannot be read (\(cobraVersion ?? "")); " + flags + " defined in pflag.CommandLine "
                    + "are read as the root's persistent flags, which every cobra since March 2015 makes them")
        default:
            guard !commandLineReceived else { return }
            incomplete = true
            notes.append(
                flags.prefix(1).uppercased() + flags.dropFirst() + " defined in pflag.CommandLine are the persistent "
                    + "flags of the program's root, which is not read here (every command read is added to a command "
                    + "not read); they are not in the surface")
        }
    }

    /// One note for the aliases whose paths were left out past `maximumAliasItems`: the first, and how many more.
    private mutating func noteAliasesLeftOut() {
        guard let first = aliasLeftOut else { return }
        let more = aliasesLeftOut > 1 ? " and \(aliasesLeftOut - 1) more alias\(aliasesLeftOut == 2 ? "" : "es")" : ""
        notes.append(
            "\(first.location): more than \(Self.maximumAliasItems) commands and flags are reached through aliases; "
                + "the paths through alias '\(first.alias)' of '\(first.key)'\(more) are not in the surface")
    }

    /// Whether the command defines flags of its own (those cobra adds to a root from `pflag.CommandLine` do not count).
    private mutating func hasFlags(_ site: CobraSite) -> Bool {
        !flags(of: .local(site)).isEmpty || flags(of: .persistent(site)).contains { !$0.fromCommandLine }
    }

    private mutating func flags(of set: CobraFlagSetID) -> [FlatFlag] {
        if let known = flattened[set] { return known }
        let flags = flatten(set, seen: []).values.sorted { $0.definition.name < $1.definition.name }
        flattened[set] = flags
        return flags
    }

    /// The attributes of `flags` (the flags of `set`, whose scope is `scope`) on a command that is `hidden` or not,
    /// worked out once for each: a command is visited again under each alias.
    private mutating func flagAttributes(
        of flags: [FlatFlag], in set: CobraFlagSetID, scope: String, hidden: Bool
    ) -> [[String: String]] {
        let key = FlagAttributesKey(set: set, hidden: hidden, hiddenWhen: hiddenWhen, registered: registered)
        if let known = attributesBySet[key] { return known }
        let attributes = flags.map { flag in
            let hidden = hidden || flag.hidden
            return attributeTable.attributes(
                of: .flag(
                    type: flag.definition.type, scope: scope, shorthand: flag.definition.shorthand,
                    hidden: hidden, hiddenWhen: hidden ? nil : hiddenWhen ?? flag.hiddenWhen,
                    noOptDefault: flag.noOptDefault, valueType: flag.definition.valueType,
                    acceptsNothing: flag.definition.rejectsEveryValue,
                    registered: CobraRegistration.both(registered, flag.registered)))
        }
        attributesBySet[key] = attributes
        return attributes
    }

    /// The commands under `site`, itself included, each once (a command under several parents is counted once, so
    /// a tree whose commands are added to every command above costs one visit a command).
    private func descendants(of site: CobraSite) -> Int {
        guard interpreter.commands[site] != nil else { return 0 }
        var seen: Set<CobraSite> = [site]
        var pending = [site]
        while let next = pending.popLast() {
            for child in interpreter.commands[next]?.children ?? []
            where interpreter.commands[child] != nil && seen.insert(child).inserted {
                pending.append(child)
            }
        }
        return seen.count
    }

    private mutating func orphan(_ site: CobraSite) {
        guard let info = interpreter.commands[site] else { return }
        let what = name(of: info).map { "command '\($0)'" } ?? "a command"
        notes.append(
            "\(location(info)): \(what) is not added to the command tree by any AddCommand that could be followed; "
                + "it is not in the surface")
    }

    /// The first word of a command's `Use`, or nil (with a note) when it is not one constant string.
    private func name(of info: CobraCommandInfo) -> String? {
        guard !info.use.unresolved, info.use.values.count == 1, let use = info.use.values.first else { return nil }
        return Self.firstWord(of: use)
    }

    private static func firstWord(of use: String) -> String? {
        CobraText.firstWord(of: use).map(String.init)
    }

    /// A subcommand's name as cobra's `Name()` reads it, or nil (with a note) when its `Use` is not one constant
    /// string. Users type it to reach the command; a root's name is the program's, read as ``name(of:)`` reads it.
    private func commandName(of info: CobraCommandInfo) -> String? {
        guard !info.use.unresolved, info.use.values.count == 1, let use = info.use.values.first else { return nil }
        return Self.commandName(of: use)
    }

    /// The `use-words` attribute of a command: the words its constant `Use` spells after the name that are literal
    /// words (lowercase letters, digits and inner dashes: `api` in `Use: "create api"`), up to the first that is not
    /// (`[name]`, `<name>`, `NAME`, `a|b`, `name...`), at most ``maximumUseWords``, joined by spaces; nil for none.
    /// They are what the Use says users type after the name, which cobra hands the command as arguments: kept so that
    /// a later split into a parent and a subcommand of that name (kubebuilder 2.0.0's `create` + `api` for 1.0.8's
    /// `create api`) is judged by the typed line (``CobraCompatibility/usePath(replacing:before:in:)``; review U1).
    /// The key stays the name alone: cobra runs the command for any word there, and many a Use names an argument in
    /// lowercase (`get name`). So a command that declares which arguments it takes (`Args: cobra.ExactArgs(1)`,
    /// `MinimumNArgs(1)`, or `Args`/`ValidArgs` not known), or whose `Run`/`RunE` reads its `args` or cannot be read
    /// (``CobraCommandInfo/readsArguments``), has none: its words are a placeholder, and a flag moved to a subcommand
    /// of that name is still claimed removed (review R91; a false alarm is the lesser harm).
    static func useWords(of info: CobraCommandInfo) -> String? {
        guard info.argumentCheck == .unset, !info.argumentsUnknown, info.validArgs == nil, !info.readsArguments else {
            return nil
        }
        guard !info.use.unresolved, info.use.values.count == 1, let use = info.use.values.first,
            let space = use.utf8.firstIndex(of: UInt8(ascii: " "))
        else { return nil }
        var words: [Substring] = []
        for word in use[use.utf8.index(after: space)...].split(separator: " ") {
            guard words.count < maximumUseWords, isLiteralWord(word) else { break }
            words.append(word)
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    static let maximumUseWords = 3

    /// A word of lowercase ASCII letters and digits, with single dashes inside, starting with a letter.
    private static func isLiteralWord(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), bytes.count <= 64,
            bytes.last != UInt8(ascii: "-")
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let letter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard letter || digit || (byte == UInt8(ascii: "-") && previous != byte) else { return false }
            previous = byte
        }
        return true
    }

    /// cobra's `Name()`: `Use` up to its first U+0020 (`strings.Index(name, " ")`); a tab, a line break or another
    /// space character does not end it, and a `Use` that begins with a space names the command "".
    static func commandName(of use: String) -> String {
        String(decoding: use.utf8.prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self)
    }

    /// Lists the command at `path`, its flags and its subcommands, and the same again under each of its aliases: a
    /// user can type `tool plugins add --force` when `plugins` is an alias of `plugin`.
    ///
    /// `aliasOf` is the command's own name when `path` ends in one of its aliases.
    ///
    /// `spellings` are the other spellings of flag names that a normalization function set on an ancestor accepts.
    ///
    /// `build` is the builds the path to it is in (``CobraBuildTable``), its own literal's included.
    private mutating func visit(
        _ site: CobraSite, path: [String], deprecated: Bool, stack: Set<CobraSite>, aliasOf: String? = nil,
        spellings inherited: [String: String]? = nil, hidden: Bool = false, throughAlias: Bool = false,
        build: CobraBuildCondition? = nil
    ) {
        guard let info = interpreter.commands[site], !stack.contains(site), overLimit == nil else { return }
        let build = build ?? condition(interpreter.commandBuilds[site])
        work += 1
        guard work <= maximumWork else {
            overLimit =
                "the command tree at \(location(info)) has more than \(maximumWork) command paths and flags "
                + "(commands added under several parents, layer after layer), more than semgate walks; narrow "
                + "'files' in the cobra extractor"
            return
        }
        let stack = stack.union([site])
        let spellings = CobraNormalization.agreed([inherited, interpreter.commandSpellings(site)].compactMap { $0 })
        let deprecated = deprecated || info.deprecated
        let experimentalAbove = experimental
        // A feature gate that says experimental hides it, or an annotation says so (`experimentalCLI`,
        // `status: Experimental`): the command and what is under it are experimental (not the root).
        experimental = experimental || info.experimental || (info.annotatedExperimental && path.count > 1)
        defer { experimental = experimentalAbove }
        // Help lists neither a hidden command nor anything under it.
        let hidden = hidden || info.hidden
        let hiddenWhenAbove = hiddenWhen
        hiddenWhen = hidden ? nil : hiddenWhen ?? info.hiddenWhen
        defer { hiddenWhen = hiddenWhenAbove }
        let registeredAbove = registered
        registered = CobraRegistration.both(
            registered, visiting.last.flatMap { registrations.child(site, of: $0) })
        defer { registered = registeredAbove }
        visiting.append(site)
        defer { visiting.removeLast() }
        let argumentsAbove = argumentsReadAbove
        argumentsReadAbove = argumentsReadAbove || info.persistentHookReadsArguments
        defer { argumentsReadAbove = argumentsAbove }
        let key = path.joined(separator: " ")
        let file = interpreter.paths[info.file]
        let unread = unreadFlags(of: site)
        let attributes = attributeTable.attributes(
            of: .command(
                hidden: hidden, hiddenWhen: hiddenWhen, aliasOf: aliasOf, unreadFlags: unread?.scopes,
                unreadFlagNames: unread?.names,
                validArgs: validArgs(of: info, at: site),
                unreadCommands: interpreter.openCommands.contains(site),
                useWords: argumentsReadAbove ? nil : Self.useWords(of: info),
                registered: registered))
        // Every path to it, through aliases too: `tool p sign` is the same experimental command as `tool pipeline sign`.
        if info.annotatedExperimental, path.count > 1, annotatedExperimental.count < Self.maximumAliasItems {
            annotatedExperimental.insert(key)
        }
        if !path.isEmpty {
            add(
                CobraItem(key: key, attributes: attributes, deprecated: deprecated, path: file, line: info.line),
                build: build)
        }
        var sets = [("local", CobraFlagSetID.local(site)), ("persistent", .persistent(site))]
        if info.disablesFlagParsing {
            // cobra hands every argument to the command, flags too (review R68): none of its flags works on it. Its
            // persistent flags still work on its subcommands, which parse flags (when they do not disable it too).
            let parses = info.children.contains { interpreter.commands[$0]?.hasUse == true }
            sets = parses ? [("persistent", .persistent(site))] : []
            if aliasOf == nil {
                notes.append(
                    "\(location(info)): '\(key)' sets DisableFlagParsing, so cobra hands every flag typed to it as an "
                        + "argument: its flags are not in the surface"
                        + (parses ? " (its persistent flags are, for its subcommands)" : ""))
            }
        }
        let prefix = (key.isEmpty ? "" : key + " ") + "--"
        // The flag names, worked out only for a command whose flag names a normalization function maps.
        var names: Set<String>?
        for (scope, set) in sets {
            // Old spellings by the flag name they normalize to.
            var others: [String: [String]] = [:]
            // A set's own function and one set above it: which one pflag keeps depends on the order of calls.
            let mapped =
                CobraNormalization.agreed([spellings, interpreter.flagSetSpellings(set)].compactMap { $0 }) ?? [:]
            if !mapped.isEmpty {
                let known = names ?? Set(sets.flatMap { flags(of: $0.1).map(\.definition.name) })
                names = known
                for (old, new) in mapped where !known.contains(old) && Self.isTypable(old) {
                    others[new, default: []].append(old)
                }
            }
            let setFlags = flags(of: set)
            // `pflag.CommandLine` got flags whose names cannot be read (a loop over a table of options): a flag of
            // the root missing here may still be there, but which of the root's flags came from it is not known here,
            // so the removal of any is still claimed (a note says so; review H7: marking the whole root uncertain let
            // one unnamed flag hide every removal of the root's own flags in audit).
            for name in (unnamed[set] ?? []).sorted() where unnamedFlags.count < Self.maximumUnnamedFlags {
                unnamedFlags.insert(prefix + name)
            }
            // An `AddFlag` whose flag cannot be followed at all may add one named like an entry of a table.
            if interpreter.unfollowedFlagAdds.contains(set) {
                let defined = Set(setFlags.map(\.definition.name))
                for name in tableNames where !defined.contains(name) && unnamedFlags.count < Self.maximumUnnamedFlags {
                    unnamedFlags.insert(prefix + name)
                }
            }
            for (name, taking) in (interpreter.uncertainFlags[set] ?? [:]).sorted(by: { $0.key < $1.key }) {
                mayBeTakenAway(prefix + name, by: taking)
            }
            for (included, taking) in interpreter.uncertainIncludes[set] ?? [:] {
                for flag in flags(of: included) { mayBeTakenAway(prefix + flag.definition.name, by: taking) }
            }
            let setAttributes = flagAttributes(of: setFlags, in: set, scope: scope, hidden: hidden)
            for (flag, flagAttributes) in zip(setFlags, setAttributes) {
                let flagDeprecated = deprecated || flag.deprecated
                // A flag whose name or usage says it is experimental (`[EXPERIMENTAL] OIDC client secret`) is, with
                // the spellings that reach it: users were told not to rely on it.
                let commandExperimental = experimental
                experimental = experimental || flag.definition.saysExperimental
                defer { experimental = commandExperimental }
                let location = (path: interpreter.paths[flag.definition.file], line: flag.definition.line)
                let flagBuild = build.and(flag.build, in: buildTable)
                add(
                    CobraItem(
                        key: prefix + flag.definition.name, attributes: flagAttributes, deprecated: flagDeprecated,
                        path: location.path, line: location.line), build: flagBuild)
                if flag.definition.saysExperimental, annotatedExperimental.count < Self.maximumAliasItems {
                    annotatedExperimental.insert(prefix + flag.definition.name)
                }
                for other in flag.definition.otherSpellings {
                    respell(prefix + flag.definition.name, as: prefix + other)
                }
                // `--cert-email` still reaches `--certificate-email` when a normalization function maps it.
                guard !others.isEmpty, let olds = others[flag.definition.name] else { continue }
                for old in olds.sorted() where aliasItems < Self.maximumAliasItems {
                    var aliasAttributes = flagAttributes
                    aliasAttributes["alias-of"] = flag.definition.name
                    aliasAttributes["shorthand"] = nil
                    aliasItems += 1
                    add(
                        CobraItem(
                            key: prefix + old, attributes: aliasAttributes, deprecated: flagDeprecated,
                            path: location.path, line: location.line), build: flagBuild)
                }
            }
        }
        for missing in interpreter.missingChildren[site, default: []].sorted() where !noted.contains(missing) {
            noted.insert(missing)
            incomplete = true
            notes.append(
                "\(interpreter.paths[missing.file]):\(missing.line): the subcommands of '\(key)' that "
                    + "\(missing.spelled) adds cannot be followed to a cobra.Command literal in the files read; they, "
                    + "their subcommands and their flags are not in the surface")
        }
        // The subcommands a word may reach, each with its name and the builds of the path to it.
        var reached: [(site: CobraSite, info: CobraCommandInfo, name: String, build: CobraBuildCondition)] = []
        for child in info.children.sorted() {
            guard let childInfo = interpreter.commands[child], childInfo.hasUse else { continue }
            // Taken away after everything that adds it (`root.RemoveCommand(old)`): not there.
            if interpreter.removedChildren[site]?.contains(child) == true { continue }
            if let taking = interpreter.uncertainChildren[site]?[child] {
                // Maybe taken away: not in the surface, and every name it may be typed by is marked.
                let words =
                    childInfo.use.values.map(Self.commandName(of:)).filter(Self.isTypable)
                    + childInfo.aliases.values.filter(Self.isTypable)
                for word in Set(words).sorted() { mayBeTakenAway(key.isEmpty ? word : key + " " + word, by: taking) }
                continue
            }
            guard let name = commandName(of: childInfo) else {
                let values = childInfo.use.values.sorted()
                let spelled =
                    values.count > 1
                    ? "may be any of " + values.prefix(Self.valuesNamed).joined(separator: ", ")
                        + (values.count > Self.valuesNamed ? " and \(values.count - Self.valuesNamed) more" : "")
                    : "is not a constant string"
                incomplete = true
                // Its name is one of these words: a command missing there may still be here. A command whose name
                // is not known at all is not taken to be any command (a missing plugin would hide every removal).
                // Its aliases are paths of it too.
                let words =
                    childInfo.use.values.map(Self.commandName(of:)).filter(Self.isTypable)
                    + childInfo.aliases.values.filter(Self.isTypable)
                uncertain.formUnion(words.map { key.isEmpty ? $0 : key + " " + $0 })
                notes.append(
                    "\(location(childInfo)): the Use of a subcommand of '\(key)' \(spelled); it, its "
                        + "subcommands and its flags are not in the surface")
                continue
            }
            let added = condition(interpreter.childBuilds[CobraPair(site, child)])
            let own = condition(interpreter.commandBuilds[child])
            // No build has the path to the command, the AddCommand and the command together (`run_linux.go`'s command
            // under `root_windows.go`'s root): it is not under this path in any build.
            guard overlap(build, added), overlap(build, own), overlap(added, own) else { continue }
            let childBuild =
                interpreter.conditional ? build.and(added, in: buildTable).and(own, in: buildTable) : .always
            reached.append((child, childInfo, name, childBuild))
        }
        // Each word a user types reaches the first subcommand cobra finds by it (review R79): by name or alias, of
        // those of every subcommand, aliases that are not expanded into paths included.
        // By bytes: Go tells apart names Swift's `==` takes as equal (`caf\u{e9}`, `cafe\u{301}`).
        var byWord: [[UInt8]: [CobraSite]] = [:]
        for child in reached {
            var words = Set([Array(child.name.utf8)])
            for alias in child.info.aliases.values where Self.isTypable(alias) { words.insert(Array(alias.utf8)) }
            for word in words where Self.isTypable(String(decoding: word, as: UTF8.self)) {
                byWord[word, default: []].append(child.site)
            }
        }
        // A path takes one alias at most: `tool c d ls`, through three aliases, works when `tool c droplet list`,
        // `tool compute d list` and `tool compute droplet ls` do, and adds nothing to what the surface says (with an
        // alias at every level the combinations would multiply). A root's aliases are no words (the program's name is
        // typed instead).
        let childThroughAlias = throughAlias || aliasOf != nil
        let expandsAliases = !path.isEmpty && !childThroughAlias
        var ambiguousDone: Set<[UInt8]> = []
        for child in reached {
            var words: [(word: String, aliasOf: String?)] = []
            let typable = Self.isTypable(child.name)
            if typable {
                words.append((child.name, nil))
            } else {
                // No word a user types is its name (`Use: " run"` names it "", `"run\tFILE"` names it `run\tFILE`:
                // cobra's `Name()` ends at the first space only, review R86): only its aliases reach it.
                notes.append(
                    "\(location(child.info)): the name of a subcommand of '\(key)' (its Use up to the first space, "
                        + "as cobra reads it) is empty or holds a tab, a line break or another character no typed word "
                        + "matches; only its aliases reach it")
            }
            if expandsAliases || !typable {
                for alias in child.info.aliases.values.sorted() where alias != child.name && Self.isTypable(alias) {
                    words.append((alias, child.name))
                }
            }
            for (word, of) in words {
                // Commands of builds that never hold together (`piv_tool.go` and `piv_tool_disabled.go`) do not compete:
                // each is the command in its builds (its items carry them).
                let candidates = (byWord[Array(word.utf8)] ?? [child.site]).filter { other in
                    other == child.site
                        || reached.first { $0.site == other }.map { overlap($0.build, child.build) } == true
                }
                let possible = possibleWinners(of: candidates, under: site, siblings: reached.count)
                if possible == [child.site] || (possible.contains(child.site) && alternatives(possible, under: site)) {
                    visitReached(
                        child, word: word, aliasOf: of, under: key, path: path, deprecated: deprecated,
                        stack: stack, spellings: spellings, hidden: hidden, throughAlias: childThroughAlias)
                    continue
                }
                guard possible.contains(child.site) else {
                    if possible.count == 1, let winner = possible.first.flatMap({ interpreter.commands[$0] }) {
                        notes.append(
                            "\(location(child.info)): '\(key.isEmpty ? word : key + " " + word)' reaches the command at "
                                + "\(location(winner)) first (cobra runs the first subcommand added whose name or alias "
                                + "is the word typed), so this command's commands and flags are not under it")
                    }
                    continue
                }
                // Which one cobra takes depends on an order semgate cannot tell: only what every one of them has is
                // under the word (a removal from any is claimed; an addition to one is not seen).
                guard ambiguousDone.insert(Array(word.utf8)).inserted else { continue }
                incomplete = true
                let places = possible.compactMap { interpreter.commands[$0] }.map(location).sorted()
                notes.append(
                    "'\(key.isEmpty ? word : key + " " + word)' may reach any of \(possible.count) commands ("
                        + places.prefix(Self.valuesNamed).joined(separator: ", ") + "): cobra runs the first one "
                        + "added (or, once Commands() has sorted them, the first by name), an order semgate cannot "
                        + "tell here; only the commands and flags all of them have are in the surface, and check "
                        + "claims the removal of another, saying it may still be there")
                let others = reached.filter { possible.contains($0.site) }
                keepCommon(others.count, marking: true) { builder, index in
                    let other = others[index]
                    builder.visitReached(
                        other, word: word, aliasOf: word == other.name ? nil : other.name, under: key, path: path,
                        deprecated: deprecated, stack: stack, spellings: spellings, hidden: hidden,
                        throughAlias: childThroughAlias)
                }
            }
        }
    }

    /// Whether some build has both conditions.
    private func overlap(_ one: CobraBuildCondition, _ other: CobraBuildCondition) -> Bool {
        if one.isAlways || other.isAlways { return true }
        return one.terms.contains { left in
            other.terms.contains { right in
                let merged = Array(Set(left + right)).sorted()
                return !merged.indices.contains { index in
                    merged[(index + 1)...].contains { buildTable.excludes(merged[index], $0) }
                }
            }
        }
    }

    /// Visits `count` commands under one path, one a call of `visitOne`, and keeps only the items every one of them
    /// adds: which one users reach is not known, so a removal from any of them is claimed. With `common` false, keeps
    /// every item (commands of builds that never hold together).
    ///
    /// With `marking`, the items only some of them add are marked as maybe there (``CobraSurface/takenAway``): `check`
    /// claims the removal of one, saying it may still be there, and `audit` does not (a program's history is read
    /// with what the extractor cannot follow, as two commands of one word made by copying a command value, which
    /// the interpreter reads as the command copied).
    private mutating func keepCommon(
        _ count: Int, common: Bool = true, marking: Bool = false, unknownDropped: Bool = false,
        _ visitOne: (inout TreeBuilder, Int) -> Void
    ) {
        guard count > 1, common else {
            for index in 0..<count { visitOne(&self, index) }
            return
        }
        var found: [Set<String>] = []
        for index in 0..<count {
            collected.append([])
            visitOne(&self, index)
            found.append(collected.removeLast())
        }
        let common = found.dropFirst().reduce(found[0]) { $0.intersection($1) }
        let dropped = found.reduce(into: Set<String>()) { $0.formUnion($1) }.subtracting(common)
        for key in dropped {
            items[key] = nil
            itemBuilds[key] = nil
            respelled[key] = nil
            respelledBytes[key] = nil
        }
        for index in collected.indices { collected[index].subtract(dropped) }
        for index in capturing.indices {
            for key in dropped { capturing[index][key] = nil }
        }
        if unknownDropped {
            // Roots the program may run, not knowing which (review RF): what only some of them have is not known to be
            // there or gone. Each topmost such key is uncertain (``SurfaceSnapshot/uncertain``): `audit` claims neither
            // its removal nor its addition; `check` and `diff` claim them (a second root must not hide a removal).
            for key in dropped.sorted() where uncertain.count < Self.maximumUnnamedFlags {
                let parent = key.lastIndex(of: " ").map { String(key[..<$0]) }
                if let parent, dropped.contains(parent) { continue }
                uncertain.insert(key)
                runTimeChoice.insert(key)
            }
        }
        guard marking else { return }
        for key in dropped.sorted() where takenAway.count < Self.maximumUnnamedFlags { takenAway.insert(key) }
    }

    /// Visits subcommand `child` of the command at `key` under `word`, its name (`aliasOf` nil) or an alias of it.
    private mutating func visitReached(
        _ child: (site: CobraSite, info: CobraCommandInfo, name: String, build: CobraBuildCondition), word: String,
        aliasOf: String?, under key: String, path: [String], deprecated: Bool, stack: Set<CobraSite>,
        spellings: [String: String]?, hidden: Bool, throughAlias: Bool
    ) {
        guard aliasOf != nil else {
            visit(
                child.site, path: path + [word], deprecated: deprecated, stack: stack, spellings: spellings,
                hidden: hidden, throughAlias: throughAlias, build: child.build)
            return
        }
        guard aliasItems < Self.maximumAliasItems else {
            incomplete = true
            if aliasLeftOut == nil { aliasLeftOut = (location(child.info), word, key + " " + child.name) }
            aliasesLeftOut += 1
            return
        }
        let before = items.count
        visit(
            child.site, path: path + [word], deprecated: deprecated, stack: stack, aliasOf: aliasOf,
            spellings: spellings, hidden: hidden, throughAlias: throughAlias, build: child.build)
        aliasItems += items.count - before
    }

    /// The subcommands of the command at `parent` among `candidates` (those a word reaches, by name or alias) that
    /// cobra may run when that word is typed: `Find` takes the first in the order they were added (review R79), or in
    /// the order `Commands()` sorts them in by name when the program calls it (a stable sort for at most 12
    /// subcommands). One unless the order cannot be told: added in a loop, by one argument that may be several
    /// commands, by helpers whose order is not known, taken away and added again.
    private func possibleWinners(of candidates: [CobraSite], under parent: CobraSite, siblings: Int) -> [CobraSite] {
        guard candidates.count > 1 else { return candidates }
        let reset = interpreter.commandResets[parent] != nil
        func steps(_ child: CobraSite) -> Set<CobraStep>? {
            let pair = CobraPair(parent, child)
            guard !reset, interpreter.childRemovals[pair] == nil, let steps = interpreter.childOrder[pair],
                !steps.isEmpty
            else { return nil }
            return steps
        }
        // Added first on every run: some add of it that holds in every run comes before every add of the other.
        func before(_ one: CobraSite, _ other: CobraSite) -> Bool {
            guard let mine = steps(one), let theirs = steps(other) else { return false }
            return mine.contains { step in step.certain && theirs.allSatisfy { CobraSteps.before(step, $0) == true } }
        }
        let byOrder = candidates.filter { candidate in
            !candidates.contains { $0 != candidate && before($0, candidate) }
        }
        guard interpreter.callsCommands else { return byOrder }
        // Or sorted by name, by bytes as Go compares strings (a stable sort for at most 12: among equal names, the
        // order they were added in): the first name's commands. Either order may hold when the program runs.
        let names = candidates.map { interpreter.commands[$0].flatMap(commandName(of:)).map { Array($0.utf8) } }
        guard let least = names.compactMap({ $0 }).min(by: { $0.lexicographicallyPrecedes($1) }),
            !names.contains(where: { $0 == nil })
        else { return candidates }
        let first = candidates.indices.filter { names[$0] == least }.map { candidates[$0] }
        let bySort =
            first.count > 1 && siblings <= 12
            ? first.filter { candidate in !first.contains { $0 != candidate && before($0, candidate) } } : first
        return candidates.filter { byOrder.contains($0) || bySort.contains($0) }
    }

    /// Whether `sites`, subcommands of the command at `parent` that one word reaches, are alternatives: each is added by
    /// one and the same `AddCommand` argument alone, which runs at most once (``CobraInterpreter/runsOnce(_:)``), so a
    /// run of the program adds one of them (kustomize's `GetCommand` returns a stub `resources` or the full one). They
    /// never compete: each is the command under the word in the runs that add it, as commands of builds that never
    /// hold together are, and its commands and flags are there.
    private func alternatives(_ sites: [CobraSite], under parent: CobraSite) -> Bool {
        guard sites.count > 1, interpreter.commandResets[parent] == nil else { return false }
        var only: CobraStep?
        for site in sites {
            let pair = CobraPair(parent, site)
            guard interpreter.childRemovals[pair] == nil, let steps = interpreter.childOrder[pair], steps.count == 1,
                let step = steps.first, only == nil || only == step
            else { return false }
            only = step
        }
        return only.map(interpreter.runsOnce) ?? false
    }

    /// The `valid-args` attribute of a command: the words of its `ValidArgs` that cobra accepts as its one argument
    /// (``CobraCommandInfo/argumentWords(hasSubcommands:)``), sorted and joined by spaces; nil when there are none or
    /// they are not known. A word a user cannot type as one argument, or that reads as a flag, is left out.
    private func validArgs(of info: CobraCommandInfo, at site: CobraSite) -> String? {
        guard info.validArgs != nil else { return nil }
        let hasSubcommands =
            info.children.contains { interpreter.commands[$0]?.hasUse == true }
            || !(interpreter.missingChildren[site] ?? []).isEmpty
        guard let words = info.argumentWords(hasSubcommands: hasSubcommands) else { return nil }
        // Sorted by bytes already (``CobraCommandInfo/validArgs``).
        let typable = words.filter { Self.isTypable($0) && !$0.hasPrefix("-") }
        return typable.isEmpty ? nil : typable.joined(separator: " ")
    }

    /// Which of the command's flag sets (`local`, `persistent`, or both) a call the files do not define receives,
    /// directly or through a set added to them: flags it defines there are not in the surface.
    ///
    /// With them, `unread-flag-names`: when every open set there is open only to the flag names the program's own
    /// types spell in the method called (``CobraInterpreter/namedOpenFlagSets``), those names, sorted and separated by
    /// spaces (review R87); nil when a set is open to any name, or none is open.
    private func unreadFlags(of site: CobraSite) -> (scopes: String, names: String?)? {
        // No set is open (the common case): nothing to walk.
        guard !interpreter.openFlagSets.isEmpty || !interpreter.namedOpenFlagSets.isEmpty else { return nil }
        var anyName = false
        var names: Set<String> = []
        // Whether an open set is among the sets `set` adds, each looked at once.
        func open(_ set: CobraFlagSetID) -> Bool {
            var seen: Set<CobraFlagSetID> = [set]
            var pending = [set]
            var found = false
            while let next = pending.popLast() {
                if interpreter.openFlagSets.contains(next) {
                    anyName = true
                    found = true
                }
                if let named = interpreter.namedOpenFlagSets[next] {
                    names.formUnion(named)
                    found = true
                }
                for included in interpreter.flagSets[next]?.includes ?? [] where seen.insert(included).inserted {
                    pending.append(included)
                }
            }
            return found
        }
        let scopes = [("local", CobraFlagSetID.local(site)), ("persistent", .persistent(site))]
            .filter { open($0.1) }.map(\.0)
        guard !scopes.isEmpty else { return nil }
        let listed = anyName ? nil : names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: " ")
        return (scopes.joined(separator: ","), listed)
    }

    /// A flag name a user can type as one argument: not empty, no whitespace or control characters.
    private static func isTypable(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !$0.properties.isWhitespace }
    }

    /// The builds of the contexts `contexts` (every build when there are none recorded).
    private func condition(_ contexts: Set<Int32>?) -> CobraBuildCondition {
        guard interpreter.conditional, let contexts else { return .always }
        return CobraBuildCondition(contexts: contexts, in: buildTable)
    }

    /// Gives every item that only some builds have its `build` attribute (``CobraBuildCondition/text(in:)``).
    mutating func attachBuilds() {
        for (key, build) in itemBuilds {
            guard let item = items[key], let text = build.text(in: buildTable) else { continue }
            var attributes = item.attributes
            attributes["build"] = text
            var built = CobraItem(
                key: item.key, attributes: attributes, deprecated: item.deprecated, path: item.path, line: item.line)
            built.experimental = item.experimental
            items[key] = built
        }
    }

    private mutating func add(_ item: CobraItem, build: CobraBuildCondition = .always) {
        work += 1
        if interpreter.conditional {
            // Every path to the item counts: an item some path reaches in every build is in every build.
            if let known = itemBuilds[item.key] {
                let united = known.or(build, in: buildTable)
                itemBuilds[item.key] = united.isAlways ? nil : united
            } else if !build.isAlways && items.index(forKey: item.key) == nil {
                itemBuilds[item.key] = build
            }
        }
        for index in collected.indices { collected[index].insert(item.key) }
        // The first item of a key stands: one lookup finds it or inserts this one.
        var item = item
        item.experimental = experimental
        for index in capturing.indices where capturing[index].index(forKey: item.key) == nil {
            capturing[index][item.key] = item
        }
        let standing = Self.keep(&items[item.key, default: item])
        if !standing.key.utf8.elementsEqual(item.key.utf8) { respell(standing.key, as: item.key) }
    }

    /// Records that the item of key `key` also stands for `other`, a key Swift's `==` takes as `key` and Go does not.
    private mutating func respell(_ key: String, as other: String) {
        // Every spelling is kept (none may be dropped unseen), each once: the bytes seen so far by key.
        if respelledBytes[key] == nil { respelledBytes[key] = [Array(key.utf8)] }
        guard respelledBytes[key]?.insert(Array(other.utf8)).inserted == true else { return }
        respelled[key, default: [key]].append(other)
    }

    /// The keys added while subcommands one word may reach are visited, one set a visit, innermost last: only the keys
    /// all of them add stay (``possibleWinners(of:under:siblings:)``).
    private var collected: [Set<String>] = []

    /// The bytes of the spellings in ``respelled``, by key.
    private var respelledBytes: [String: Set<[UInt8]>] = [:]

    /// Touches a dictionary entry reached through its `default:` subscript, which inserts the default when absent.
    private static func keep(_ entry: inout CobraItem) -> CobraItem { entry }

    private var flatMemo: [CobraFlagSetID: [String: FlatFlag]] = [:]
    /// The commands no command read adds (worked out on first use).
    private var parentless: Set<CobraSite>?
    /// Whether cobra adds `pflag.CommandLine` to the root's persistent flags (every cobra since 2015); nil when
    /// cobra's version is not known (read as it does, with a note).
    var mergesCommandLine: Bool? = true
    /// Where cobra's version comes from, or why it is not known, for the notes on `pflag.CommandLine`.
    var cobraVersion: String?
    /// Whether a root's persistent set got the flags of `pflag.CommandLine` (``mergesCommandLine``).
    private var commandLineReceived = false
    /// By set, the names of the flags an `AddFlag` adds one of that no set read defines (``CobraSurface/unnamedFlags``).
    private var unnamed: [CobraFlagSetID: Set<String>] = [:]
    /// `interpreter.tableNames` in order (the bound on ``unnamedFlags`` keeps the same ones in every run).
    private lazy var tableNames: [String] = interpreter.tableNames.sorted()

    /// A flag with the marks of every set it was reached through.
    private struct FlatFlag {
        var definition: CobraFlagDefinition
        var deprecated: Bool
        var hidden: Bool
        var noOptDefault = false
        /// The `Hidden` expression not decided of the flag (``CobraFlagSetInfo/hiddenWhen``).
        var hiddenWhen: String?
        /// The builds that define it in the set (through the sets added to it).
        var build = CobraBuildCondition.always
        /// Defined in `pflag.CommandLine`, which cobra adds to the root's persistent flags (``mergesCommandLine``).
        var fromCommandLine = false
        /// How the set registers it when only conditions decided when the program runs do (``CobraRegistration``).
        var registered: CobraRegistration?
    }

    /// Keeps `other`'s spellings on `known` when they differ from its name's bytes (the common case, the same
    /// bytes and no other spelling, costs one comparison).
    private static func addSpellings(of other: CobraFlagDefinition, to known: inout FlatFlag?) {
        guard let name = known?.definition.name,
            !other.otherSpellings.isEmpty || !other.name.utf8.elementsEqual(name.utf8)
        else { return }
        known?.definition.addSpellings(of: other)
    }

    /// The flags of set `id` with those of the sets it adds; each set is worked out once (a set added by two sets
    /// that are both added by one, layer after layer, would otherwise be worked out exponentially often).
    private mutating func flatten(_ id: CobraFlagSetID, seen: Set<CobraFlagSetID>) -> [String: FlatFlag] {
        if let known = flatMemo[id] { return known }
        // A program that assigns `pflag.CommandLine` may hold any set there when cobra reads it: none is read.
        if case .commandLine = id, interpreter.commandLineAssigned != nil { return [:] }
        let commandLine =
            mergesCommandLine != false && interpreter.commandLineAssigned == nil && receivesCommandLine(id)
        guard !seen.contains(id), let info = interpreter.flagSets[id] ?? (commandLine ? CobraFlagSetInfo() : nil)
        else { return [:] }
        let seen = seen.union([id])
        var result: [String: FlatFlag] = [:]
        result.reserveCapacity(info.flags.count)
        // pflag's AddFlagSet keeps a flag already defined: the set's own flags first, then each added set in order.
        for (name, definition) in info.flags {
            if let types = info.mixedTypes[name], mixedFlags.count < Self.maximumUnnamedFlags || mixedFlags[name] != nil
            {
                mixedFlags[name, default: []].formUnion(types)
            }
            result[name] = FlatFlag(
                definition: definition, deprecated: false, hidden: false,
                build: condition(interpreter.flagBuilds[CobraFlagKey(set: id, name: name)]),
                registered: registrations.flag(name, in: id))
        }
        for included in info.includes.sorted(by: Self.order) {
            let through = condition(interpreter.includeBuilds[CobraPair(id, included)])
            for (name, flag) in flatten(included, seen: seen) {
                if let known = result[name] {
                    // Named so by Swift's `==` with other bytes: another flag to pflag, a spelling of this one.
                    Self.addSpellings(of: flag.definition, to: &result[name])
                    // Registered on every run by either set: on every run.
                    if flag.registered == nil { result[name]?.registered = nil }
                    // In a build without the first definition, the added set's defines it.
                    if !known.build.isAlways {
                        result[name]?.build = known.build.or(flag.build.and(through, in: buildTable), in: buildTable)
                    }
                } else {
                    var flag = flag
                    flag.build = flag.build.and(through, in: buildTable)
                    result[name] = flag
                }
            }
        }
        // A flag added by name (`AddFlag(other.Lookup("x"))`) as its own set defines it; the other set's other
        // flags and the sets it adds are not followed, so no cycle of such adds can cut one short.
        for ref in info.flagIncludes.sorted(by: { lhs, rhs in
            let (left, right) = (Self.rank(lhs.set), Self.rank(rhs.set))
            return (left.0, left.1, lhs.name) < (right.0, right.1, rhs.name)
        }) {
            // Already defined (pflag's Lookup compares bytes: other bytes are another flag, a spelling of it).
            guard result[ref.name] == nil else {
                result[ref.name]?.definition.addSpelling(ref.name)
                continue
            }
            let other = interpreter.flagSets[ref.set]
            guard
                let definition = other?.flags[ref.name]
                    ?? Self.unreadDefinition(
                        of: ref, in: info, other: other, handed: interpreter.handedMadeFlagSets.contains(ref.set))
            else {
                if case .made = ref.set {
                    if interpreter.handedMadeFlagSets.contains(ref.set) {
                        unnamed[id, default: []].insert(ref.name)
                    } else if unfilledFlags.count < Self.maximumUnnamedFlags {
                        unfilledFlags.insert(ref.name)
                    }
                }
                continue
            }
            guard let other, other.flags[ref.name] != nil else {
                if guessedFlags.count < Self.maximumUnnamedFlags { guessedFlags.insert(ref.name) }
                // Made from table entries by reflection: hidden when every entry of the name hides it.
                let hidden = other?.hiddenValues[ref.name] == [true]
                result[ref.name] = FlatFlag(definition: definition, deprecated: false, hidden: hidden)
                continue
            }
            result[ref.name] = FlatFlag(
                definition: definition, deprecated: other.deprecated.contains(ref.name),
                hidden: other.hidden.contains(ref.name), noOptDefault: other.noOptDefault.contains(ref.name),
                registered: registrations.flag(ref.name, in: id))
        }
        for name in info.deprecated { result[name]?.deprecated = true }
        for name in info.hidden { result[name]?.hidden = true }
        for (name, spelled) in info.hiddenWhen where result[name]?.hiddenWhen == nil {
            result[name]?.hiddenWhen = spelled
        }
        for name in info.noOptDefault { result[name]?.noOptDefault = true }
        if commandLine {
            // cobra adds `pflag.CommandLine` to the root's persistent flags when a command runs: after everything the
            // program did to them, keeping a flag they already define (pflag's AddFlagSet).
            for (name, flag) in flatten(.commandLine, seen: seen) {
                guard result[name] == nil else {
                    Self.addSpellings(of: flag.definition, to: &result[name])
                    continue
                }
                var flag = flag
                flag.fromCommandLine = true
                result[name] = flag
            }
            commandLineReceived = true
        }
        flatMemo[id] = result
        return result
    }

    /// Whether `id` is the persistent set of a root that cobra adds `pflag.CommandLine` to: a command no command read
    /// adds, nor handed to an `AddCommand` on a command not read (whose root is another).
    private mutating func receivesCommandLine(_ id: CobraFlagSetID) -> Bool {
        guard case .persistent(let site) = id, interpreter.flagSets[.commandLine] != nil else { return false }
        if parentless == nil {
            let commands = interpreter.commands.filter { $0.value.hasUse }
            let children = Set(commands.values.flatMap(\.children))
            parentless = Set(commands.keys.filter { !children.contains($0) })
        }
        return parentless?.contains(site) == true && !interpreter.addedToUnknown.contains(site)
    }

    /// The flag an `AddFlag` given `ref` alone adds (``CobraFlagSetInfo/soleIncludes``) when the files read do not
    /// show its definition in a set made by `NewFlagSet` (made by reflection from a table): a flag of that name, of a
    /// type not known (`custom`), with the shorthand the program assigns it (`f.Shorthand = fl.Shorthand`), `?` when
    /// that cannot be read or is not assigned. A set of a command, which the files read do define, is not guessed at;
    /// nor is a made set no call the files do not define receives (`handed` false): nothing can have defined the flag
    /// there (`AddFlag(nil)` panics), so the `AddFlag` is not followed and a removal is claimed (fail closed).
    private static func unreadDefinition(
        of ref: CobraFlagRef, in info: CobraFlagSetInfo, other: CobraFlagSetInfo?, handed: Bool
    ) -> CobraFlagDefinition? {
        guard case .made = ref.set, handed, let sole = info.soleIncludes[ref] else { return nil }
        let assigned = other?.shorthands[ref.name] ?? []
        let shorthand = assigned.count == 1 ? assigned.first ?? "?" : "?"
        return CobraFlagDefinition(
            name: sole.name, type: sole.type, shorthand: shorthand.isEmpty ? nil : shorthand, file: sole.file,
            line: sole.line)
    }

    private static func rank(_ id: CobraFlagSetID) -> (Int, CobraSite) {
        switch id {
        case .made(let site): return (0, site)
        case .local(let site): return (1, site)
        case .persistent(let site): return (2, site)
        case .commandLine: return (3, CobraSite(file: 0, offset: 0))
        }
    }

    private static func order(_ lhs: CobraFlagSetID, _ rhs: CobraFlagSetID) -> Bool {
        let (left, right) = (rank(lhs), rank(rhs))
        return (left.0, left.1) < (right.0, right.1)
    }
}
