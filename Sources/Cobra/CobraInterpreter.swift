import GoSource
import Limits

/// Where a value was made: a file of the program and a byte offset in it. Every `&cobra.Command{...}` literal and
/// every `pflag.NewFlagSet(...)` call is one abstract object, however often its function runs, except that a command
/// literal (and a literal of the program's own types, and a function literal) is one object per set of string
/// arguments and list elements its function is called with (`context`, 0 for none): a constructor called as
/// `NewList("jobs")` under one parent and `NewList("list")` under another builds two commands.
struct CobraSite: Sendable, Hashable, Comparable {
    let file: Int
    let offset: Int
    var context: Int32 = 0

    static func < (lhs: CobraSite, rhs: CobraSite) -> Bool {
        (lhs.file, lhs.offset, lhs.context) < (rhs.file, rhs.offset, rhs.context)
    }
}

/// A flag set: one made by `NewFlagSet`, or a command's own local or persistent set.
/// A place in a file of the program (by index) for a note.
struct CobraPlace: Sendable, Hashable {
    let file: Int
    let line: Int
}

enum CobraFlagSetID: Sendable, Hashable {
    case made(CobraSite)
    case local(CobraSite)
    case persistent(CobraSite)
    /// pflag's global set, `pflag.CommandLine` (what pflag's package-level `pflag.StringVarP(...)` define in): cobra
    /// adds it to the root's persistent flags when a command runs (``CobraModule/Feature/commandLineFlags``).
    case commandLine
}

/// A top-level function or a method of a named type the program declares, by its index in the interpreter's list of
/// them (``Declared/list``).
typealias CobraFunctionID = Int32

/// A name numbered in the interpreter's own table: the names of every file of one run, numbered alike.
typealias CobraName = CobraLocalName

/// What an expression may evaluate to; an expression evaluates to a set of these (empty: unknown).
enum CobraValue: Sendable, Hashable {
    case command(CobraSite)
    case flagSet(CobraFlagSetID)
    /// `flags.Lookup("name")`.
    case flag(CobraFlagSetID, String)
    case function(CobraFunctionID)
    /// A flag set's flag-defining method used as a value (`fs.Bool` handed to a helper that calls it), which defines
    /// the flag where it is called (the method by name).
    case flagSetMethod(CobraFlagSetID, CobraName)
    /// A function literal used as a value (`Register(func(c Cli) *cobra.Command { ... })`), run when it is called.
    case closure(CobraSite)
    case string(String)
    case bool(Bool)
    /// `nil`: a branch that needs the value to be non-nil is not taken when it is all a name may hold.
    case nilValue
    /// A value of a named type of the program, for method calls and fields (by the type's name): any value of the
    /// type (a parameter or receiver whose caller is not known), whose fields hold what every value of it was given.
    case instance(CobraName)
    /// A value of a named type of the program made by a composite literal (`&Cmd{Command: c}`), one per literal and
    /// context of its function's call as for commands (``CobraSite``): its fields hold what was given to it, and to
    /// values of the type whose origin is not known. A wrapper type that embeds `*cobra.Command` is one object per
    /// command it wraps, not one for all.
    case object(CobraSite, CobraName)
}

/// A flag as defined: `flags.StringP("name", "n", ...)`.
struct CobraFlagDefinition: Sendable {
    let name: String
    let type: String
    let shorthand: String?
    let file: Int
    let line: Int
    /// For a custom value whose `type` was read from its `Type()` method, the Go type of the value: the type's name
    /// after the folder of the file that declares that `Type()` (`internal/mode.Mode`), several sorted and joined by
    /// `, ` when the value may be of several types that all return the same text. Nil for pflag's own types, for a
    /// type not read, and for a flag defined with values of other Go types on different paths: a change of `Type()`'s
    /// text alone is then judged as any change of type (``CobraCompatibility``).
    var valueType: String? = nil
    /// Whether every Go type the custom value may be of declares a `Set` that returns an error on every path (each
    /// `return` gives `errors.New(...)` or `fmt.Errorf(...)`): no value parses (review R96).
    var rejectsEveryValue = false
    /// The other spellings of `name` the set defines: names Swift's `==` takes as `name` with other bytes, which are
    /// other flags to pflag (`caf\u{e9}`, `cafe\u{301}`), read as this one.
    var otherSpellings: [String] = []
    /// The bytes of ``otherSpellings``, each kept once. There is no limit on their number: every one is a flag
    /// pflag tells apart, and the source that defines them bounds them.
    var spellingBytes: Set<[UInt8]> = []
    /// Whether the flag's name or usage text says it is experimental (``CobraHelpText/flagSaysExperimental(name:usages:)``):
    /// the flag's items are experimental (``CobraItem/experimental``), and init proposes them under `experimental:`
    /// (``CobraSurface/annotatedExperimental``); not in the items' attributes.
    var saysExperimental = false

    /// Keeps `spelling` among the other spellings unless it is `name`'s bytes or already kept.
    mutating func addSpelling(_ spelling: String) {
        guard !spelling.utf8.elementsEqual(name.utf8), spellingBytes.insert(Array(spelling.utf8)).inserted else {
            return
        }
        otherSpellings.append(spelling)
    }

    /// Keeps the spellings of `other`, a flag named like this one by Swift's `==`, which pflag tells apart by bytes.
    mutating func addSpellings(of other: CobraFlagDefinition) {
        for spelling in [other.name] + other.otherSpellings { addSpelling(spelling) }
    }
}

/// What the program says about one command literal.
struct CobraCommandInfo: Sendable {
    let file: Int
    let line: Int
    /// Whether the literal or an assignment sets `Use`; a command without one is a template, not a command.
    var hasUse = false
    var use = CobraStringField()
    var aliases = CobraStringField()
    var hidden = false
    /// The expression of a `Hidden` whose value is not decided (`Hidden: !isBeta()`, doctl; review D1): the command
    /// may be hidden in some runs and shown in others. Nil when it is hidden for sure or never set so.
    var hiddenWhen: String?
    var deprecated = false
    /// Whether `DisableFlagParsing` is set true on every path: cobra then hands every argument, flags too, to the
    /// command, so none of its flags works there (review R68).
    var disablesFlagParsing = false
    /// Whether `Version` is set (to any value: a build may set the variable it names with `-ldflags -X`): cobra then
    /// gives the command a `--version` flag (review R83).
    var setsVersion = false
    /// Whether a feature gate that says experimental hides it (`Hidden: !FeatureGateOCI.IsEnabled()` with
    /// `FeatureGateOCI = gates.Gate("HELM_EXPERIMENTAL_OCI")`).
    var experimental = false
    var children: Set<CobraSite> = []
    /// The words the literal's `ValidArgs` lists (each entry's text before a tab, as cobra compares them), nil when it
    /// lists none or an entry is not a constant string. Distinct and sorted by bytes, as Go compares them: two
    /// spellings of `é` (composed, and e with a combining accent) are two words, which Swift's `==` would merge.
    var validArgs: [String]?
    /// The words of the literal's `ArgAliases` ("aliases for ValidArgs", accepted when typed but not offered by
    /// completion), read as `validArgs`; nil when it lists none or an entry is not a constant string.
    var argAliases: [String]?
    /// What the literal's `Args` does with one argument alone.
    var argumentCheck = CobraArgumentCheck.unset
    /// Whether `ValidArgs` or `Args` may hold something else than one literal gave: set by an assignment, or by one
    /// literal giving different values in different runs. Which arguments the command takes is then not known.
    var argumentsUnknown = false
    /// Whether a `Run` or `RunE` it is given may read its arguments: a function whose body names its `args` parameter
    /// (a function literal inside it counts), or one semgate cannot read. The words its `Use` spells after its name
    /// are then what users type there, not a subcommand's path (review R91: cobra's `legacyArgs` takes any word on a
    /// command without subcommands or `Args`).
    var readsArguments = false
    /// Whether a persistent hook it is given (`PersistentPreRun`, `PersistentPostRunE`…) may read its arguments: cobra
    /// runs it for the command and for every command under it that has none of its own, with that command's
    /// arguments, so their `Use` words are placeholders too (review R101 G).
    var persistentHookReadsArguments = false
    /// Whether an annotation says the command is experimental (`Annotations: map[string]string{"experimental": ""}`,
    /// `cmd.Annotations["status"] = "Experimental"`): what a program shows or warns about, read for init's proposals
    /// (``CobraSurface/annotatedExperimental``), not for the surface.
    var annotatedExperimental = false

    /// The words of `ValidArgs` that the command takes as its one argument, when cobra accepts them: its `Args` takes
    /// one (``CobraArgumentCheck/takesOne``), or is unset on a command without subcommands (cobra's `legacyArgs` then
    /// takes any). Its `ArgAliases` too, unless `Args` only takes the words of `ValidArgs` (cobra's `OnlyValidArgs`
    /// compares with `ValidArgs` alone and refuses an alias). Nil when not known: no word is then taken as an argument.
    /// Distinct and sorted by bytes.
    func argumentWords(hasSubcommands: Bool) -> [String]? {
        guard !argumentsUnknown, !hasSubcommands, let validArgs, !validArgs.isEmpty else { return nil }
        switch argumentCheck {
        case .unset, .takesOne:
            guard let argAliases, !argAliases.isEmpty else { return validArgs }
            var words: [[UInt8]: String] = [:]
            for word in validArgs + argAliases { words[Array(word.utf8)] = word }
            return words.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { words[$0] }
        case .takesOneValid: return validArgs
        case .other: return nil
        }
    }
}

/// A command's `Args` as far as it decides whether one argument alone is accepted.
enum CobraArgumentCheck: Sendable, Equatable {
    /// Not set: cobra's `legacyArgs` (a command without subcommands takes any arguments).
    case unset
    /// One of cobra's checks that accepts one argument alone, or all of them (`cobra.OnlyValidArgs`, `ExactArgs(1)`,
    /// `MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs)`).
    case takesOne
    /// A check that accepts one argument alone when it is one of `ValidArgs` (`cobra.OnlyValidArgs`,
    /// `ExactValidArgs(1)`, or `MatchAll` with one of those): an `ArgAliases` word is refused.
    case takesOneValid
    /// Anything else: `cobra.NoArgs`, a count that excludes one, a function of the program's.
    case other
}

/// A string field of a command: the literal's value, replaced by what assignments after it set.
struct CobraStringField: Sendable, Equatable {
    var literal: Set<String> = []
    var literalUnresolved = false
    var assigned: Set<String>?
    var assignedUnresolved = false

    /// The strings the field may hold.
    var values: Set<String> { assigned ?? literal }
    /// Whether some value the field may hold could not be read.
    var unresolved: Bool { assigned == nil ? literalUnresolved : assignedUnresolved }

    mutating func add(_ strings: Set<String>, unresolved: Bool, fromLiteral: Bool) {
        if fromLiteral {
            literal.formUnion(strings)
            literalUnresolved = literalUnresolved || unresolved
        } else {
            assigned = (assigned ?? []).union(strings)
            assignedUnresolved = assignedUnresolved || unresolved
        }
    }
}

/// An `AddCommand` argument that could not be followed to a command: where, and how the code spells it.
struct CobraMissingChild: Sendable, Hashable, Comparable {
    let file: Int
    let line: Int
    let spelled: String

    static func < (lhs: CobraMissingChild, rhs: CobraMissingChild) -> Bool {
        (lhs.file, lhs.line, lhs.spelled) < (rhs.file, rhs.line, rhs.spelled)
    }
}

/// One flag of a flag set, by name: what `fs.AddFlag(other.Lookup("x"))` adds.
struct CobraFlagRef: Sendable, Hashable {
    let set: CobraFlagSetID
    let name: String
}

/// A `pflag.Flag` literal: the fields it sets, and the type of its `Value` when the literal shows it
/// (`pflag.NewStringValue(...)` is a `string`), else nil.
struct CobraPflagLiteral: Sendable {
    let keys: Set<CobraName>
    let valueType: String?
    /// What the literal gives the fields it is read by (`Name`, `Shorthand`, `Hidden`, `Deprecated`, `NoOptDefVal`),
    /// over every run of it: a field that holds more was set after the literal.
    var given: [CobraName: CobraValues] = [:]
}

/// The flags of one flag set and the sets added to it.
struct CobraFlagSetInfo: Sendable {
    var flags: [String: CobraFlagDefinition] = [:]
    var includes: Set<CobraFlagSetID> = []
    /// Single flags of other sets added to this one (`AddFlag`).
    var flagIncludes: Set<CobraFlagRef> = []
    var deprecated: Set<String> = []
    var hidden: Set<String> = []
    /// By name, the expression of a `Hidden` whose value is not decided (`c.Flag(name).Hidden = !isBeta()`), as for
    /// ``CobraCommandInfo/hiddenWhen``.
    var hiddenWhen: [String: String] = [:]
    /// Flags given a `NoOptDefVal`: a bare `--flag` takes that value.
    var noOptDefault: Set<String> = []
    /// How many `custom` flag types a later pass replaced by what `Type()` returns.
    var typesRead = 0
    /// Of `flagIncludes`, those an `AddFlag` was given alone (its argument may be that one flag and no other), with
    /// where: when the other set's definition of it cannot be read (made by reflection from a table, as skaffold's
    /// `fs.Lookup(fl.Name)` after `reflect.ValueOf(fs).MethodByName(...).Call(...)`), the flag is still one of this
    /// set's, of a type not known (`AddFlag(nil)` would panic, so a program that runs adds a flag of that name).
    var soleIncludes: [CobraFlagRef: CobraFlagDefinition] = [:]
    /// The shorthands assigned to flags of this set by name (`f.Shorthand = "q"`), `?` for a value not read.
    var shorthands: [String: Set<String>] = [:]
    /// Whether each assignment to `Hidden` of a flag of this set by name hides it (nil: not known). A flag made by
    /// reflection from several table entries of one name is hidden only when every one hides it.
    var hiddenValues: [String: Set<Bool?>] = [:]

    /// The types of flags defined with different types on different paths (the cases of a type switch over a table
    /// entry's value, trivy's `addFlag`): Go defines one of them in each run, semgate cannot tell which, so the
    /// flag's type is `custom` (not judged) and a note names it.
    var mixedTypes: [String: Set<String>] = [:]

    /// Defines a flag: the first definition of a name stands, except that a `custom` type is replaced once by a type
    /// read (a custom type's `Type()` may be read only in a later pass, when its value has reached the definition),
    /// and that a definition of another type read makes the type `custom` for good (`mixedTypes`).
    mutating func define(_ definition: CobraFlagDefinition) {
        // One hashing of the name finds the flag or defines it.
        let name = definition.name
        let count = flags.count
        let stored = Self.entry(&flags[name, default: definition])
        guard flags.count == count else { return }
        // The same name by Swift's `==` with other bytes: another flag to pflag, kept as a spelling of this one.
        let respelled = !stored.name.utf8.elementsEqual(name.utf8)
        defer { if respelled { respell(name, keeping: stored) } }
        if mixedTypes[name] != nil {
            if definition.type != "custom" { mixedTypes[name]?.insert(definition.type) }
        } else if stored.type == "custom" {
            if definition.type != "custom" {
                typesRead += 1
                flags[name] = definition
            } else if stored.valueType == nil && definition.valueType != nil {
                // A value of the program's own type whose `Type()` cannot be read, followed in a later pass.
                flags[name] = definition
            }
        } else if definition.type != "custom" && definition.type != stored.type {
            mixedTypes[name] = [stored.type, definition.type]
            flags[name] = CobraFlagDefinition(
                name: name, type: "custom", shorthand: stored.shorthand, file: stored.file, line: stored.line)
        } else if definition.type == stored.type && stored.valueType != nil && definition.valueType != stored.valueType {
            // The same text from another Go type (or from pflag's own): which type a run defines it with is not
            // known, so the flag's Go type is not either.
            flags[name]?.valueType = nil
        }
        if stored.rejectsEveryValue && !definition.rejectsEveryValue { flags[name]?.rejectsEveryValue = false }
    }

    /// The value at a dictionary's entry, reached through its `default:` subscript (which inserts the default).
    private static func entry(_ slot: inout CobraFlagDefinition) -> CobraFlagDefinition { slot }

    /// Records `spelling` among the spellings of the flag `define` keeps for it (which may have replaced `stored`).
    private mutating func respell(_ spelling: String, keeping stored: CobraFlagDefinition) {
        guard var current = flags[spelling] else { return }
        // `define` replaced the stored definition (a read type for `custom`): it takes over its spellings. Else
        // they are already there (so each definition costs one insertion, however many spellings there are).
        if current.otherSpellings.count != stored.otherSpellings.count || !current.name.utf8.elementsEqual(stored.name.utf8) {
            current.addSpellings(of: stored)
        }
        current.addSpelling(spelling)
        flags[spelling] = current
    }

    /// Every update only adds (a `custom` type is replaced once, counted in `typesRead`), so the sizes tell whether
    /// an update changed anything.
    var size: (Int, Int, Int, Int, Int, Int) {
        (
            flags.count, includes.count + flagIncludes.count + soleIncludes.count, deprecated.count,
            hidden.count,
            noOptDefault.count,
            typesRead + shorthands.values.reduce(0) { $0 + $1.count } + hiddenValues.values.reduce(0) { $0 + $1.count }
                + mixedTypes.values.reduce(0) { $0 + $1.count }
        )
    }
}

/// Two sites or sets: a command and a child `AddCommand` gave it, a flag set and a set `AddFlagSet` added to it.
struct CobraPair<Element: Hashable & Sendable>: Hashable, Sendable {
    let first: Element
    let second: Element

    init(_ first: Element, _ second: Element) {
        self.first = first
        self.second = second
    }
}

/// A flag of a set, by name.
/// An `if` whose branch returns, whose block's rest runs only in some runs (``CobraInterpreter`` `earlyReturns`): the
/// function body, the statement's place in its block, and how many such rests enclose it.
struct CobraEarlyReturn: Hashable, Sendable {
    let file: Int
    let function: Int32
    let index: Int
    let count: Int
    let depth: Int
}

struct CobraFlagKey: Hashable, Sendable {
    let set: CobraFlagSetID
    let name: String
}

/// Something a function body made: a command. A completion setting on it is judged relative to the body that made
/// it (``CobraInterpreter`` `isConditional`).
enum CobraMade: Hashable, Sendable {
    case command(CobraSite)
}

/// A field of an object (``CobraValue/object``): the site that made it and the field's name.
private struct CobraObjectField: Hashable {
    let site: CobraSite
    let field: CobraName
}

/// A value the run cannot name that may be one of the program's objects or hold pointers to them (review R89, R89b):
/// the program's type it has (-1: any type; -2: a type the program does not name, no object of the program's), and
/// whether it is a struct value copied out (`h := v.(Holder)`): a copy's own fields are its own, but what its pointer
/// fields point to is what the original's point to.
///
/// `collection`: a slice, array or map the run cannot name whose elements have `type` (`v.([]*Group)`); `copy` then
/// says the elements are struct values, which a `range` copies (an element written in place, `hs[i].F = x`, is the
/// collection's own, and what it may be is shared).
private struct CobraUnnamedValue: Hashable {
    let type: CobraName
    let copy: Bool
    var collection = false
}

/// A top-level function (no receiver) or a method, by folder, receiver type and name.
private struct FunctionName: Hashable {
    let folder: Int32
    /// The receiver type's name, or -1 for a function.
    let receiver: CobraName
    let name: CobraName
}

/// A method looked up by name on a type, from a folder (``CobraInterpreter/methodOrPromoted(_:of:preferring:)``).
private struct MethodQuery: Hashable {
    let name: CobraName
    let type: CobraName
    let folder: Int32
}

/// Two numbers as one dictionary key: a package-level name in its folder, a field or a method of a named type.
private func scoped(_ scope: Int32, _ name: CobraName) -> Int64 {
    Int64(scope) << 32 | Int64(UInt32(bitPattern: name))
}

/// A function the program declares: where, and under which folder, receiver type and name.
private struct DeclaredFunction {
    let folder: Int32
    /// The receiver type's name (methods), -1 for functions.
    let receiver: CobraName
    let name: CobraName
    let file: Int
    let index: Int
    /// How many named parameters it has (read at every call: not through the file's function, whose copy retains all
    /// it holds).
    let parameterCount: Int
    /// The order functions are run and chosen in: by folder, receiver type and name, as text (an `init`, of which a
    /// package may have several, by file and position after its receiver). The folder is its rank among the run's
    /// folder names, which orders as the names do.
    let order: (Int, String, String)
}

/// The fields of a struct type, as far as methods called on a field need them.
private struct DeclaredField {
    /// The field type's name (whatever its package), nil for unnamed types.
    let typeName: CobraName?
    let isCollection: Bool
    /// Whether the field is a `*cobra.Command` (never one of the program's types, whatever their names).
    var isCobraCommand = false
    /// An embedded `*cobra.Command`, whose fields and methods a value of the struct has as its own.
    var embedsCommand = false
    /// Whether the field is a pointer, nil in a literal that leaves it out (``CobraInterpreter/unsetPointerField``).
    var isPointer = false
    /// Whether the field is a collection of values of a named type, which a `range` copies (``CobraStructField``).
    var elementsCopied = false
}

/// The functions of a program and where each is declared, with its methods by receiver type and name.
///
/// Its own value, not fields of the interpreter: a method of the interpreter that only reads would take a copy of the
/// whole interpreter from the updating methods that call it, and every table of it would then copy itself on its next
/// update.
private struct Declared {
    /// Every function, by ``CobraFunctionID``.
    var list: [DeclaredFunction] = []
    /// The functions a name can reach (not `init` and `_`, which no code can call).
    var functions: [FunctionName: CobraFunctionID] = [:]
    /// The other definitions of a function in `functions` that files built for other systems or tags declare
    /// (`addPlatformCommands` in `main_linux.go` and `main_windows.go`): a call runs each, in the builds its file is
    /// for (``CobraBuildTable``), so what only some builds add carries those builds.
    var alternates: [CobraFunctionID: [CobraFunctionID]] = [:]
    /// The functions with more than `maximumDefinitions` definitions (where the first is and its name).
    var beyondDefinitions: Set<String> = []
    /// Methods by receiver type and name (`scoped(type, name)`), across folders, for values whose package is not
    /// known. (The first of those declared in several folders, the one a value whose package is not known resolves
    /// to.)
    var methods: [Int64: CobraFunctionID] = [:]

    /// The fields of each struct type by type name (the first declared of a name, as for methods).
    var structs: [CobraName: [CobraName: DeclaredField]] = [:]
    /// The element type of each slice or array type of a named element type of the same package (`type Options
    /// []Option`), by type name (the first declared of a name).
    var elementTypes: [CobraName: CobraName] = [:]
    /// The folders that declare a slice or array type of each name: another package's type of that name (rclone's
    /// `rc.Options` struct beside `fs.Options []Option`) is not one.
    var collectionFolders: [CobraName: Set<Int32>] = [:]
    /// The other way: the slice and array types of each element type.
    var collections: [CobraName: [CobraName]] = [:]
    /// The folders where a slice or array type of each name holds struct values of that folder's own struct type
    /// (`type Options []Option` beside `type Option struct`), and no declaration of the name there says otherwise (a
    /// pointer element, another kind of type in a file for another build): `range` over one gives a copy of each
    /// element, whose fields the loop's body may change without changing the element (``CobraCopies``).
    /// By type name and folder, the element type.
    var valueCollectionFolders: [CobraName: [Int32: CobraName]] = [:]
    /// The type names of the embedded fields of each struct type, in declaration order.
    var embedded: [CobraName: [CobraName]] = [:]
    /// The types that have methods.
    var receivers: Set<CobraName> = []
    /// By method name, the receiver types whose method of that name takes parameters and itself defines flags or
    /// commands (a plugin's `func (p *P) BindFlags(fs *pflag.FlagSet) { fs.StringVar(...) }`): a call of that name on
    /// a value that cannot be followed (an interface whose values the files do not show) may run one of them on what
    /// it is given.
    var buildingMethods: [CobraName: [CobraName]] = [:]

    /// The function `name` of `folder` (no receiver).
    func function(_ name: CobraName, in folder: Int32) -> CobraFunctionID? {
        functions[FunctionName(folder: folder, receiver: -1, name: name)]
    }

    /// The method `name` of `type`: the one declared in `folder`, else the first of any folder.
    func method(_ name: CobraName, of type: CobraName, preferring folder: Int32) -> CobraFunctionID? {
        if let local = functions[FunctionName(folder: folder, receiver: type, name: name)] { return local }
        return methods[scoped(type, name)]
    }

    /// The method `name` of `type` or, when `type` has none, promoted from the shallowest embedded field that has it
    /// (`opts.Add(f)` with `filter.Options` embedded in `opts`), with the type whose method it is. Embedding is
    /// followed a few levels deep, each type once.
    func methodOrPromoted(_ name: CobraName, of type: CobraName, preferring folder: Int32)
        -> (key: CobraFunctionID, receiver: CobraName)?
    {
        if let key = method(name, of: type, preferring: folder) { return (key, type) }
        // A collection's value is its elements: `all.AddTo(root)` on `Groups{{...}}` runs `func (gs Groups) AddTo`.
        for collection in collections[type] ?? [] {
            if let key = method(name, of: collection, preferring: folder) { return (key, collection) }
        }
        guard embedded[type] != nil else { return nil }
        var level = [type]
        var seen: Set<CobraName> = [type]
        for _ in 0..<Self.maximumEmbedding {
            var next: [CobraName] = []
            for candidate in level {
                if let key = method(name, of: candidate, preferring: folder) { return (key, candidate) }
                for field in embedded[candidate] ?? [] where seen.insert(field).inserted {
                    next.append(field)
                }
            }
            if next.isEmpty { return nil }
            level = next
        }
        return nil
    }

    /// The method `name` of the one slice or array type whose element type is an interface (a named type that is no
    /// struct and has no methods of its own) that has such a method; nil when none or several do.
    func interfaceCollectionMethod(_ name: CobraName, preferring folder: Int32) -> CobraFunctionID? {
        var found: CobraFunctionID?
        for (collection, element) in elementTypes where structs[element] == nil && !receivers.contains(element) {
            guard let key = method(name, of: collection, preferring: folder) else { continue }
            if found != nil && found != key { return nil }
            found = key
        }
        return found
    }

    /// The type of field `name` of struct `type` when the program declares that type (a struct of its own or a type
    /// with methods): a method called on the field runs on it. Nil for library types (`*cobra.Command`) and fields
    /// the program does not declare.
    func fieldType(_ name: CobraName, of type: CobraName) -> CobraName? {
        guard let field = structs[type]?[name], !field.isCollection, !field.isCobraCommand, let named = field.typeName,
            structs[named] != nil || receivers.contains(named)
        else { return nil }
        return named
    }

    private static let maximumEmbedding = 8
}

/// Runs the functions of a Go program abstractly to find its cobra command tree.
///
/// Values are sets of abstract objects; every effect only adds (a child, a flag, a field value), so running every
/// function until nothing changes reaches a fixpoint whatever the order. A function runs once for each distinct set of
/// argument values it is called with, so a helper such as `addFlag(cmd, "name")` called from many places pairs each
/// command with its own name; branches and loops are all taken; closures are not run (they run when a command runs).
///
/// Names are numbers: a local variable by its number in its file's table (a frame runs the code of one file), every
/// name that crosses files (package-level names, functions, types, fields, methods) by its number in the run's own
/// table, into which each file's numbers are translated once, when first met.
struct CobraInterpreter {
    let paths: [String]
    private let sources: [CobraSourceFile]
    private let files: [CobraFile]
    /// Each file's folder, by number (see `folderNames`).
    private let folders: [Int32]
    private var declared = Declared()
    /// ``Declared/methodOrPromoted(_:of:preferring:)`` by method name, type and folder, each worked out once a run
    /// (the declarations do not change after `init`; a field read on a value of the program's types asks every time).
    private var methodsFound: [MethodQuery: (key: CobraFunctionID, receiver: CobraName)?] = [:]
    /// Package name → folders.
    private var packageFolders: [CobraName: [Int32]] = [:]
    /// For each file, the folders each import name of it refers to (`aliasCmd "example.com/x/pkg/cmd/alias"`).
    private var importFolders: [[CobraName: [Int32]]] = []

    /// The run's names, and for each the flag definition method it names (`StringVarP`), if any; taken from and
    /// given back to `store` when there is one.
    private var numbering: Numbering
    private let store: CobraNames?
    /// For each file, the run's number of each of its names met so far (-1: not yet translated).
    private var nameMaps: [[CobraName]]

    private(set) var commands: [CobraSite: CobraCommandInfo] = [:]
    /// The builds of files with a condition, and the contexts code runs in (``CobraBuildTable``).
    private(set) var builds = CobraBuildTable()
    /// Each file's condition (`_linux.go`, `//go:build`) as an atom of `builds`; nil for every build.
    private var fileAtoms: [Int32?] = []
    /// Whether some file has a condition: else every context is 0 and nothing below is recorded.
    private(set) var conditional = false
    /// The context the code being run runs in (a number of ``CobraBuildTable/contexts``).
    private var currentBuild: Int32 = 0
    /// The contexts each command literal was made in, each `AddCommand` of a child made in (by parent and child), each
    /// flag defined in (by set and name) and each `AddFlagSet` made in (by set and set added).
    private(set) var commandBuilds: [CobraSite: Set<Int32>] = [:]
    private(set) var childBuilds: [CobraPair<CobraSite>: Set<Int32>] = [:]
    private(set) var flagBuilds: [CobraFlagKey: Set<Int32>] = [:]
    private(set) var includeBuilds: [CobraPair<CobraFlagSetID>: Set<Int32>] = [:]
    /// The context of each command literal (by its site with context 0) per string and object arguments (and
    /// receiver) of its function's call.
    private var commandContexts: [CobraSite: [[CobraValues]: Int32]] = [:]
    /// Past this many contexts a literal's further calls share context 0 (their `Use` may then be several strings,
    /// which the surface notes), so a constructor called with thousands of names cannot multiply the tree.
    static let maximumCommandContexts = 1024
    /// Past this many contexts in the whole run, every literal's further calls share context 0 as well: a file of a
    /// few thousand literals in a function called with a thousand names would otherwise build millions of commands.
    static let maximumCommandContextsPerRun = 50_000
    private var commandContextsMade = 0
    private(set) var flagSets: [CobraFlagSetID: CobraFlagSetInfo] = [:]
    /// Notes by location text, so that a construct met in every pass is noted once.
    private(set) var notes: [String: String] = [:]
    /// The `AddCommand` arguments of each command that could not be followed (named in a note by command path).
    private(set) var missingChildren: [CobraSite: Set<CobraMissingChild>] = [:]
    /// Commands handed, in some pass, to an `AddCommand` called on a value that cannot be followed (`parent` of
    /// `func Attach(parent *cobra.Command)` when the caller is not in the files read): one no followed `AddCommand`
    /// adds is keyed as a root, but its real path may begin with the words of a command the extractor does not know
    /// (``CobraSurface/unplacedRoots``). Only grows, as commands do.
    private(set) var addedToUnknown: Set<CobraSite> = []
    /// The module path the program's `go.mod` declares (`k8s.io/minikube`), nil when not known: kubectl's group adder
    /// is modelled only when the program is not kubectl itself (``CobraGroupAdder``).
    var ownModule: String?
    /// Why Go may build code other than kubectl's for its group adder's package (a `go.work`, a `vendor/` copy, a
    /// `replace`: ``CobraModule/groupAdderElsewhere(goMods:tree:)``); then the adder is not modelled. Nil when it
    /// builds kubectl's.
    var groupAdderElsewhere: String?
    /// The objects made by literals of kubectl's `templates.CommandGroup(s)` (``CobraGroupAdder``).
    private var commandGroups: Set<CobraSite> = []
    /// The commands and objects each object literal was given (in its fields or as elements), for
    /// ``holdsCommand(_:)`` and ``heldReferences(_:)``. Only grows.
    private var held: [CobraSite: Set<CobraValue>] = [:]
    /// The normalization functions set by command (`SetGlobalNormalizationFunc`: the command and everything under it)
    /// and by flag set (`SetNormalizeFunc`), by the call that sets them: what each maps, old spelling to flag name
    /// (`[:]` when it cannot be read); see ``CobraNormalization``.
    private var commandNormalizers: [CobraSite: [CobraLine: [String: String]]] = [:]
    private var flagSetNormalizers: [CobraFlagSetID: [CobraLine: [String: String]]] = [:]

    /// The other spellings of flag names the normalization functions set on `site` agree on; nil when none is set.
    func commandSpellings(_ site: CobraSite) -> [String: String]? {
        commandNormalizers[site].flatMap { CobraNormalization.agreed(Array($0.values)) }
    }

    /// The other spellings of flag names the normalization functions set on `set` agree on; nil when none is set.
    func flagSetSpellings(_ set: CobraFlagSetID) -> [String: String]? {
        flagSetNormalizers[set].flatMap { CobraNormalization.agreed(Array($0.values)) }
    }
    /// Whether some note says that commands or flags were left out.
    private(set) var incomplete = false
    /// Where the thread's stack first ran nearly full (``StackGuard``): a call, statement or expression met there was
    /// not run, and one not run may be a `return`, `ResetFlags()` or `RemoveCommand` that what follows depends on, so
    /// from there on nothing runs and the run's surface is not used (review R42: skipping just that one statement
    /// let the flags after a skipped `return` count). Also set past `maximumRuns` (``spendRun(file:line:what:)``).
    /// Set once; the extractor stops with it (exit 2).
    private(set) var outOfStack: String?
    /// Function bodies and literals run (or replayed) in this run so far (``spendRun(file:line:what:)``).
    private var runs = 0
    /// The most bodies one run may run (``Limit/interpreterRuns``).
    var maximumRuns = Limit.interpreterRuns
    /// The most calls (a function with one set of arguments) one run may keep (``Limit/interpreterCalls``).
    var maximumCalls = Limit.interpreterCalls
    /// Bytes of strings `+` built in this run (``maximumConcatenatedBytes``).
    private var concatenatedBytes = 0
    /// What the program sets in cobra's `CompletionOptions`, by command (see ``CobraDefaultCommands``).
    var completionSettings: [CobraCompletionOwner: [String: CobraOptionSetting]] = [:]
    /// The variables a flag definition binds (`StringVar(&dataDir, "data-dir", ...)`), and the flags they bind.
    private var flagVariables: [CobraVariable: Set<CobraBoundFlag>] = [:]
    /// By command, the variables whose being set guards a deprecation notice in a function it runs.
    private var noticeGuards: [CobraSite: Set<CobraVariable>] = [:]
    /// How the `Hidden` value being set is written (``hiddenSpelling(of:in:)``), while `setCommandField` runs.
    private var hiddenSpelling: String?
    /// ``mayAddFlags(named:)`` by name number: -1 not worked out yet, 0 no, 1 yes.
    private var mayAddFlagsByName: [Int8] = []
    /// The flag sets handed to a call the files do not define, which may define flags in them.
    private(set) var openFlagSets: Set<CobraFlagSetID> = []
    /// The flag sets handed to a call on a value that cannot be followed, whose method the program's own types
    /// declare (`Declared.buildingMethods`), and to no call that may add any flag: by set, the flag names
    /// those methods spell, the only ones the call may define there (review R87).
    private(set) var namedOpenFlagSets: [CobraFlagSetID: Set<String>] = [:]
    /// ``implementerFlagNames(_:_:)`` by method name, worked out once a run.
    private var implementerFlagNamesByMethod: [CobraName: Set<String>] = [:]
    /// The commands handed whole (not only a flag set of theirs) to such a call, which may add subcommands to them
    /// (kubebuilder 1.0.4's `v1.AddCmds(cmd)`): a command under one that is new in the next release may have been
    /// there (``CobraSurface`` marks them `unread-commands`).
    private(set) var openCommands: Set<CobraSite> = []
    /// The sets given a flag whose name cannot be read by a call that was given something (a loop over a table of
    /// options, rclone's `AddFlagsFromOptions(pflag.CommandLine, ...)` from 1.68.0; not a wrapper nobody calls, run
    /// with unknown parameters): a flag missing from one may still be there under a name not read.
    private(set) var unnamedDefinitions: Set<CobraFlagSetID> = []
    /// For each body running, whether its call was given something (arguments known, or no parameters).
    private var callsGiven: [Bool] = []
    /// Where the files first assign `pflag.CommandLine` (or take its address): cobra then adds whatever set it holds
    /// when a command runs, so its flags are not read as the root's (``CobraFlagSetID/commandLine``).
    private(set) var commandLineAssigned: CobraPlace?
    /// The sets made by `NewFlagSet` handed to any call the files do not define (`reflect.ValueOf(fs)`,
    /// `extlib.Register(fs)`): a flag looked up in one by name may be defined there by code not read. In a set made
    /// and handed to none, a flag the files do not define is not there (`AddFlag(fs.Lookup("port"))` would panic).
    private(set) var handedMadeFlagSets: Set<CobraFlagSetID> = []
    /// The `pflag.Flag` literals (`&pflag.Flag{Name: "address", Shorthand: "a", Value: pflag.NewStringValue(...)}`),
    /// which `AddFlag` adds as they are: the fields each sets, and the type its `Value` has when the literal shows
    /// it (a pflag `New...Value` call).
    private var pflagLiterals: [CobraSite: CobraPflagLiteral] = [:]
    /// The fields each literal of the program's types sets (by its site), for a field it leaves at its zero value.
    private var objectKeys: [CobraSite: Set<CobraName>] = [:]
    /// The lists of constant strings object literals give fields, in order (`DefinedOn: []string{"dev", "run"}`), by
    /// site and field: what a loop's filter reads when it decides (``decideFilter(_:in:)``), while the table the loop
    /// ranges over cannot have changed (``tableUnchanged(_:)``).
    private var objectLists: [CobraSite: [CobraName: [String]]] = [:]
    /// The string fields object literals give certainly (``certainString(_:in:)``), by site and field: nil for a field
    /// given something else, or other strings at different runs of the literal.
    private var objectStrings: [CobraSite: [CobraName: String?]] = [:]
    /// By field name, whether some file read may write it (``stringFieldWritten(_:)``).
    private var stringFieldsWritten: [String: Bool] = [:]
    /// The strings package-level constants certainly are (``packageConstant(_:in:depth:)``), by `scoped` name.
    private var packageConstants: [Int64: String?] = [:]
    /// The package-level variables nothing can assign, by `scoped` name (``unwrittenPackageVar(_:in:)``).
    private var unwrittenVars: [Int64: (file: Int, value: CobraExpr)?] = [:]
    /// The strings package-level variables hold once the package's `init` functions ran, by `scoped` name
    /// (``valueAfterInit(_:in:)``).
    private var valuesAfterInit: [Int64: String?] = [:]
    /// By function, whether it may run while the program's packages are initialised (``mayRunInInit(_:)``); nil until
    /// a variable's value after the `init` functions is asked for.
    private var runsInInit: [Bool]?
    /// ``boundOnce(_:in:)`` by function and name.
    private var namesBoundOnce: [CobraFunctionID: [String: Bool]] = [:]
    /// ``neverReturns(_:depth:)`` by function.
    private var neverReturning: [CobraFunctionID: Bool] = [:]
    /// ``isConstructor(_:)`` by function.
    private var constructors: [CobraFunctionID: Bool] = [:]
    /// ``listsOwnFields(_:)`` by type.
    private var fieldListers: [CobraName: Bool] = [:]
    /// ``emptyPackageCollection(_:in:)`` by scoped name.
    private var emptyCollections: [Int64: Bool] = [:]
    /// By function, the names it binds (``namesBound(_:)``).
    private var boundNames: [CobraFunctionID: Set<String>] = [:]
    /// By function, the parameters its body may change (``parametersWritten(_:)``).
    private var writtenParameters: [CobraFunctionID: Set<CobraLocalName>] = [:]
    /// By field name, whether some file read may change that field after a literal gave it (``fieldMayChange(_:)``).
    private var fieldsChanged: [CobraName: Bool] = [:]
    /// By package-level name, whether nothing in the files read can change the table it holds (``tableUnchanged(_:)``),
    /// and the writes through a pointer some file read makes (`*p = ...`, ``pointerWritesMayChange(_:)``).
    private var tablesUnchanged: [CobraName: Bool] = [:]
    private lazy var pointerWrites: CobraPointerWrites = Self.pointerWrites(
        in: sources.map(\.file.go), folders: folders)
    /// Which values may be, or hold, a struct some method writes whole through its pointer receiver
    /// (``CobraPointerWrites/plainStructs``), by type (``CobraRewrittenTypes``).
    private lazy var rewrittenTypes = CobraRewrittenTypes(
        files: sources.map(\.file.go), plain: pointerWrites.plainStructs)

    /// Whether a write through a pointer in some file read may change what the entries of a loop hold
    /// (``pointerWrites``): any such write that may replace an object, or a write of a struct that holds no object
    /// through its method's pointer receiver (`*o = other` in `func (o *OS) Merge(other OS)`) where an entry may be or
    /// hold such a struct. An entry of a program type that can hold none (trivy's `Flag[T]`, whose fields are strings,
    /// lists of strings, functions and a `T` of basic types) is not changed by it; an entry that is no value of a
    /// program type (a string, a command) neither; an entry not known may be anything.
    private mutating func pointerWritesMayChange(_ runs: [CobraValues]) -> Bool {
        if pointerWrites.any { return true }
        if pointerWrites.plainStructs.isEmpty { return false }
        for run in runs {
            if run.isEmpty { return true }
            for value in run {
                guard let type = Self.programType(of: value) else { continue }
                if rewrittenTypes.mayHold(numbering.table.names[Int(type)]) { return true }
            }
        }
        return false
    }
    /// The objects whose literal's list decided a loop's filter, and the objects handed to calls the files do not
    /// define (directly or held in an object's fields): such a call may replace a decided entry (through `reflect`, or
    /// code not read), so the run is made again without deciding by literals (``listsDecidedOnHandedObjects``).
    private var decidedObjects: Set<CobraSite> = []
    private var handedObjects: [CobraSite: CobraName] = [:]
    /// Whether a list an object's literal gives may decide a loop's filter (off for the second run, see
    /// ``listsDecidedOnHandedObjects``).
    var literalListsDecide = true
    /// What each decision of a loop's filter by an entry's nil-ness or getter (``decideEquality(_:_:in:)``) gave, by
    /// entry and test, first seen, and the ones made in the pass running: a decision an earlier pass made otherwise
    /// (a `nil` or a name written by code run later in the pass, as an `init`) left a flag the last pass would not
    /// define, so the surface is read again without them (``entryDecisionsChanged()``).
    private var entryVerdicts: [String: Bool?] = [:]
    /// The objects that may be nil wherever they are held (read from a field some statement not run gives nil,
    /// ``alwaysNilFields``): no filter is decided on them. Only grows.
    private var nilable: Set<CobraSite> = []
    /// The objects a slot may hold beside `nil` (an element of a list literal or an appended value that may be nil, a
    /// field that may be nil): such an entry may be nil in Go where the values it is in hold nil (one command's group
    /// whose field is set to nil), and no filter on it is decided there: in a loop over a collection that may hold nil,
    /// or anywhere but a loop's own variable (``Frame/entryBesideNil``). Only grows.
    private var nilableBeside: Set<CobraSite> = []
    /// The fields some file read assigns `nil` (`g.IncludeDevDeps = nil`), by file, in code run or not. Each file's
    /// are worked out once for its blob (``CobraSourceFile/fieldsAssignedNil``): the tokens of a file depend on
    /// nothing else.
    private lazy var nilAssignments: [[CobraFieldStatement: Int]] = sources.map(\.fieldsAssignedNil)
    private lazy var nilFieldNames: Set<String> = Set(nilAssignments.flatMap { $0.keys.map(\.field) })
    /// The fields whose assignments run in order replace what they hold (``fieldsSetToNil(_:)``): those some file read
    /// assigns nil, and those that are a target of an assignment with more than one target (review R62: `g.Disk,
    /// g.Size = g.Size, g.Disk` gives each the other's old value, which a union of both makes no name).
    private lazy var inOrderFieldNames: Set<String> = nilFieldNames.union(sources.flatMap(\.fieldsAssignedTogether))
    /// The types whose whole value some file read gives through a pointer (`*o = Opts{...}`): their fields are
    /// replaced in order too (``fieldsSetToNil(_:)``, ``assignWholeStruct(_:_:in:)``).
    private lazy var typesReplacedThroughPointer: Set<String> = Set(sources.flatMap(\.typesReplacedThroughPointer))
    /// The pointer methods of the program's types that are no struct, by method name (``rewriteReceiver``), worked
    /// out on first use; and what each does to its receiver (``CobraReceiverRewrite``), by function.
    private var rewritingMethods: [CobraName: [CobraFunctionID]]?
    private var receiverRewrites: [CobraFunctionID: CobraReceiverRewrite] = [:]
    /// The `x.Field = nil` statements the run made (by file, line and field), to objects it follows: the nil is in
    /// the field's cell of those objects alone.
    private(set) var nilAssignmentsRun: Set<CobraNilRun> = []
    /// The fields (by type and field name) read from an object of the program whose values held an object.
    /// By object, the fields (scoped by type) it was read from, and the objects a filter tested for nil.
    private var fieldsHolding: [CobraSite: Set<Int64>] = [:]
    private var nilTested: Set<CobraSite> = []
    /// The fields whose `nil` statements the run may not have made (``unrunNilFields()``), from an earlier run: an
    /// object read from such a field (of a type the statement may be about) is nilable whatever the order the code
    /// runs in.
    var alwaysNilFields: [String: Set<String?>] = [:]
    /// The `x.Field = v` statements the run made (by file, line and field) to objects of the program's types.
    private var fieldWritesRun: Set<CobraNilRun> = []
    /// The pointer fields read as holding what the run gave them alone (``givenPointerField(_:_:held:)``): by object
    /// and field, and by type and field.
    private var givenFieldsRead: [CobraObjectField: CobraName] = [:]
    private var givenFieldReads: Set<CobraTypedField> = []
    /// The fields some statement the run did not make may give a value (``givenFieldsUnrun()``), from an earlier run:
    /// read as any value of their type too.
    var instanceFields: Set<CobraTypedField> = []
    private var entryVerdictsThisPass: Set<String> = []
    /// For a Go file not read, the names of the fields it may give a value (``CobraFieldWrites``): every other Go file
    /// of the module, by name; nil when they are not known (no unset pointer field is then read as nil).
    var fieldsWrittenNotRead: ((String) -> Bool)?
    /// The fields the files read may give a value other than by a literal's key (``CobraFieldWrites``).
    private lazy var fieldsWrittenRead: Set<String> = sources.reduce(into: []) {
        $0.formUnion(CobraFieldWrites.written(in: $1.file.go.tokens, keys: false))
    }
    /// By field name, whether no code of the module gives the field a value but the keys of literals the files read
    /// (and `= nil`): a pointer field a literal leaves out is then nil where it is read (``unsetPointerField``).
    private var fieldsOnlyByLiterals: [CobraName: Bool] = [:]
    /// The objects and pointer fields read as nil because their literal leaves them out (``unsetPointerField``), and
    /// the function literals handed to calls not read (which may run at once with what they captured).
    private var unsetFieldsRead: [CobraObjectField: CobraName] = [:]
    private var handedClosures: Set<CobraSite> = []
    /// The objects assigned to a name of another package (`opts.Current = kit`).
    private var storedInPackages: Set<CobraSite> = []
    /// Objects the run wrote where it does not follow them (review R22): through a pointer to no object it knows
    /// (`*g = kit`), into a list or map element (`list[0] = kit`, `copy(list, kits)`), into a field of a value of no
    /// object it knows, or handed to a function declared without a body (assembly, `go:linkname`).
    private var escapedObjects: Set<CobraSite> = []
    /// Whether a command was handed to a call not read or written where the run does not follow it (code not read
    /// may then run its hooks at any time).
    private var commandsHanded = false
    /// The function literals the run executed, those given to a command's field (`RunE: func...`), and whether a
    /// command's hook may run while the tree is built (`cmd.Run(cmd, nil)`, `root.Execute()`, by a call on a command
    /// or by the spelling of a hook only cobra's commands have).
    private var ranClosures: Set<CobraSite> = []
    private var commandFieldClosures: Set<CobraSite> = []
    private var commandHooksCalled = false
    /// The objects a method value was taken of (`kit.SetDisk` not called at once).
    private var methodValueObjects: Set<CobraSite> = []
    /// The literals with an element without a key (`T{a, b}`): they give every field.
    private var positionalObjects: Set<CobraSite> = []
    /// Whether the selector evaluated now is the receiver of a method call (``unsetPointerField``).
    private var readingReceiver = false
    /// Set when a pointer field read may be nil, its literal leaving it out: a comparison with nil is then undecided.
    private var unsetFieldMayBeNil = false
    private var entryVerdictsDiffer = false
    /// The folders some of whose Go files are not read: a table declared there may be written by code not read.
    var partialFolders: Set<String> = []
    /// By function name, whether every function of that name only reads its parameters (``isPureFunction(_:)``).
    private var pureFunctions: [String: Bool] = [:]
    /// The flag sets given an `AddFlag` whose argument cannot be followed to a flag (noted).
    private(set) var unfollowedFlagAdds: Set<CobraFlagSetID> = []
    /// The strings literals of the program's types give a field `Name` (skaffold's `Flag{Name: "filename", ...}`):
    /// what a flag such an `AddFlag` adds may be named (``CobraSurface/unnamedFlags``). At most
    /// `maximumTableNames`.
    private(set) var tableNames: Set<String> = []
    static let maximumTableNames = 4096
    /// The commands whose `help` subcommand `SetHelpCommand` replaces.
    private(set) var helpReplaced: Set<CobraSite> = []
    /// Whether some file read names `RemoveCommand`, `ResetCommands` or `ResetFlags`: only then are the steps that add
    /// commands and flags recorded (``takeAway()``).
    private lazy var recordsTakingAway: Bool = files.contains(where: \.takesAway)
    /// Whether some file read calls a method named `Commands` (``CobraFile/callsCommands``).
    var callsCommands: Bool { files.contains(where: \.callsCommands) }
    /// The steps that add each command to each parent, each ending in the place of the command among the `AddCommand`
    /// call's arguments (`root.AddCommand(a, b)` adds `a` first): which of two subcommands one word reaches cobra takes
    /// (review R79). Recorded in every run: it costs a place pushed per call evaluated, where reading the files again
    /// for it whenever one word may reach two subcommands nearly doubled the cost of docker's audit.
    private(set) var childOrder: [CobraPair<CobraSite>: Set<CobraStep>] = [:]
    /// The calls reached again in a pass after they ran in it (``reachedAgain(_:)``): what their bodies did stands for
    /// more than one Go call (``runsOnce(_:)``).
    private var callsReachedAgain: Set<Int32> = []
    /// The calls being evaluated, outermost first: where a step runs.
    private var stepPath: [CobraStepPlace] = []
    /// The steps that add each command to each parent (`AddCommand`), define or add each flag to each set, and include
    /// each set in another (`AddFlagSet`); and the steps that take commands or flags away. All only grow.
    private var childSteps: [CobraPair<CobraSite>: Set<CobraStep>] = [:]
    private var flagSteps: [CobraFlagKey: Set<CobraStep>] = [:]
    private var includeSteps: [CobraPair<CobraFlagSetID>: Set<CobraStep>] = [:]
    private(set) var childRemovals: [CobraPair<CobraSite>: Set<CobraTakingAway>] = [:]
    /// `ResetCommands` (and a `RemoveCommand` whose argument cannot be followed), by command.
    private(set) var commandResets: [CobraSite: Set<CobraTakingAway>] = [:]
    /// `ResetFlags`, by command.
    private var flagResets: [CobraSite: Set<CobraTakingAway>] = [:]
    /// What ``takeAway()`` found taken away on every path (left out of the surface), and taken away only in some runs
    /// or in an order not known (left out too, and marked so that a removal of it is claimed as one that may not be:
    /// ``CobraSurface/takenAway``), with the call that takes it away.
    private(set) var removedChildren: [CobraSite: Set<CobraSite>] = [:]
    private(set) var uncertainChildren: [CobraSite: [CobraSite: CobraTakingAway]] = [:]
    private(set) var uncertainFlags: [CobraFlagSetID: [String: CobraTakingAway]] = [:]
    private(set) var uncertainIncludes: [CobraFlagSetID: [CobraFlagSetID: CobraTakingAway]] = [:]
    /// The calls of `Execute` (and `ExecuteC`, `ExecuteContext`, `ExecuteContextC`) on a command, by the site of
    /// their `(`: the command line is parsed there (``runDeferred(in:body:)``). Only grows.
    private var parsingCalls: Set<CobraSite> = []
    /// The commands `Execute` (or `ExecuteC`, `ExecuteContext`, `ExecuteContextC`) is called on: which of several
    /// roots of one name the program runs. Only grows.
    private(set) var executedCommands: Set<CobraSite> = []
    /// Of ``executedCommands``, those `Execute` is called on while `main` of a `package main` runs (``runningMain``),
    /// with the `main` functions that call it: roots the program runs, not a decoy's Execute in a function nothing
    /// calls (review RF); one `main` that runs several picks one at run time, two `main`s are two programs (review
    /// RF2). Only grows.
    private(set) var executedFromMain: [CobraSite: Set<CobraFunctionID>] = [:]
    /// The `main` of a `package main` that is the entry point running, if it is one (what it calls runs within it).
    private var runningMain: CobraFunctionID?

    /// Package-level names by folder and name (`scoped`), as indices into `cells`; a name read before anything was
    /// assigned to it has a cell without values.
    private var globals: [Int64: Int32] = [:]
    /// For each file, by the file's own name numbers, what a name not local to a frame refers to in the file's folder,
    /// looked up once a run: the cell of the package-level name (-1: not looked up yet) and the function (-1: none,
    /// -2: not looked up yet).
    private var fileGlobalCells: [[Int32]] = []
    private var fileFunctions: [[CobraFunctionID]] = []
    /// Function literals met as values, with the union of what they captured each time.
    private var closures: [CobraSite: Closure] = [:]
    private var runningClosures: Set<CobraSite> = []

    private struct Closure {
        let literal: CobraLiteral
        let folder: Int32
        var captured: CobraLocals
        /// The clock when it last grew.
        var changedAt = 0
    }
    /// Fields of the program's types by type and field name (`scoped`), as indices into `cells`: what every value of
    /// the type was given.
    private var fields: [Int64: Int32] = [:]
    /// Fields of each object (``CobraValue/object``) by field name, and what values of each type whose origin is not
    /// known were given by field (`scoped`), as indices into `cells`.
    private var objectFields: [CobraObjectField: Int32] = [:]
    private var unknownOriginFields: [Int64: Int32] = [:]
    /// The fields written through a value the run cannot tie to an object (review R89: `h := <-ch; h.Disk = nil`,
    /// `box.Load().(*Group).Disk = nil`, `ctx.Value("g").(*Group).Disk = nil`), by type and field (`scoped`, for every
    /// struct type of the program that declares a field of that name), as indices into `cells`: what such writes
    /// gave, and the type itself (so a write of a value not known leaves a mark). Such a field of an object that may
    /// be what that value was (``mayBeUnnamed(_:)``) reads as any value of its type (``writtenThroughUnnamed``), where
    /// the first such write is (for the note).
    private var unnamedWrites: [Int64: Int32] = [:]
    private var unnamedWritePlaces: [Int64: CobraPlace] = [:]
    /// The objects sent on a channel, handed to a call not read or written where the run does not follow them, in
    /// every run (``handedObjects`` is kept only while literals decide), and those they hold at any depth, worked out
    /// again when more were handed or a pass began.
    private var objectsHandedOn: Set<CobraSite> = []
    private var unnamable: (roots: Int, pass: Int, objects: Set<CobraSite>) = (-1, -1, [])
    /// By field name, the struct types of the program that declare a field of that name.
    /// The methods by name (``methods(_:ofUnnamed:folder:)``), filled when first needed.
    private var methodsByName: [CobraName: [CobraFunctionID]] = [:]
    private var typesDeclaringField: [CobraName: [CobraName]] = [:]
    /// Whether a file read sends in a `select` case or assigns there (the body parser leaves the cases out): any
    /// object may then have been sent.
    private lazy var everyObjectMayBeSent: Bool = {
        let hookCalls = self.hookCalls
        return hookCalls.sendsInSelectCase() || hookCalls.selectAssignsPlace()
    }()
    /// The folder of the package that declares each object's type, whose methods it has (types are known by name, and
    /// two packages may each declare a `CreateOptions`).
    private var objectFolders: [CobraSite: Int32] = [:]
    /// The objects that are elements of a collection literal (`{name: "mintty"}` in `[]topic{...}`): a command built
    /// from one is built for each (``commandSite(file:offset:call:)``).
    private var listElements: Set<CobraSite> = []
    /// The copies a `range` over struct values makes of its elements (``copiedVariable(_:_:in:)``), by the copy's
    /// site: the element it copies, the fields the loop's body gives the copy before it reads them, and how many
    /// copies deep it is. Reading any other field of the copy reads the element's too, and what the body gives the
    /// copy later.
    private var copyOrigins: [CobraSite: (origin: CobraValue, given: Set<CobraName>, depth: Int)] = [:]
    /// By function and parameter, the struct type of the elements a `range` over it copies; nil for none.
    private var copiedCollections: [CobraPair<Int32>: CobraName?] = [:]
    /// Copies of copies (a loop copying what a loop copied, and so on) past this depth are not made: the loop's
    /// variable holds the element itself, as before copies were read.
    static let maximumCopyDepth = 8
    /// The values of package-level names and fields.
    private var cells: [Cell] = []
    /// Each call, as an index into `callStates`.
    private var calls: [CallKey: Int32] = [:]
    /// Steps of work done in this run (``spendSteps(_:)``).
    private var steps = 0
    /// The most steps one run may take (``Limit/interpreterSteps``).
    var maximumSteps = Limit.interpreterSteps
    /// Each call's key, by its index.
    private var callKeys: [CallKey] = []
    /// What each call returns, whether it ran in the current pass, and what its last run read and did.
    private var callStates: [CallState] = []
    /// Counts the changes to cells, call results and closures: a read that saw the clock at `c` saw what a cell holds
    /// now when the cell last changed at or before `c`.
    private var clock = 0
    /// The records of the calls running now, innermost last (see ``CobraCallRecord``).
    private var recording: [CobraCallRecord] = []
    /// The functions that ran in some context in the current pass, by ``CobraFunctionID``.
    private var evaluatedFunctions: [Bool] = []
    private var changed = false
    /// The current pass, from 1. The package names, fields, call results and closures a pass reads are marked with
    /// it; `changedAfterRead` says whether an update changed one of them after it was read. When none did, the next
    /// pass would read what this one read, run exactly as this one ran, change nothing and note the same: the state
    /// is already the fixpoint and that pass is left out. Within a later pass, a call none of whose reads changed since
    /// its last run is replayed from its record instead of run (``CobraCallRecord``).
    private var pass = 0
    private var readClosures: Set<CobraSite> = []
    private var changedAfterRead = false
    /// How many `if` branches that may or may not run enclose what runs now. What is hidden there is hidden only in
    /// some runs (docker hides the commands its daemon does not support), so help shows it by default: not hidden.
    private var undecidedBranches = 0
    /// The blocks' rests that run only in some runs because an `if` before them returns (``execute(_:in:shadowing:scoped:)``),
    /// innermost last; also counted in `undecidedBranches`. Runs that return there reach nothing after it, so what a
    /// rest both defines and hides is hidden in every run that has it (review H1: nerdctl 2.1.3's `xmain` returns early
    /// for its logging mode before building the command line, and its helper's `MarkHidden(name)` counted as made in
    /// some runs only).
    private var earlyReturns: [CobraEarlyReturn] = []
    /// The conditions decided only when the program runs that enclose what runs now, outermost first
    /// (``CobraRunCondition``): what is registered under them is `registered-when`.
    private var runConditions: [CobraRunCondition] = []
    /// For each of `runningCalls`, how many of `runConditions` enclosed it when its body began.
    private var runningEntries: [Int] = []
    /// Each call (second) reached where no run condition of the body reaching it (first; -1 for an entry point)
    /// encloses it: a call runs once a pass in the context of whichever caller reaches it first, and one reached so
    /// from elsewhere registers what it registers whenever that caller runs.
    private var certainReaches: Set<CobraPair<Int32>> = []
    /// The conditions of the caller's body each call was reached under, where some were (at most 16 a pair).
    private var reachConditions: [CobraPair<Int32>: Set<[CobraRunCondition]>] = [:]
    /// The conditions from the entry point each call was reached under (at most 16 a call), and the calls those
    /// cover (reached on every run).
    private var globalReaches: [Int32: Set<[CobraRunCondition]>] = [:]
    private var coveredCalls: Set<Int32> = []
    /// The calls reached for sure from an entry point through `certainReaches`, worked out when the run ends.
    private var reachedForSure: Set<Int32> = []
    /// Where each flag was defined and each command added to a parent (``CobraRegistrationSite``), over every pass.
    private var flagRegistrations: [CobraFlagKey: Set<CobraRegistrationSite>] = [:]
    private var childRegistrations: [CobraPair<CobraSite>: Set<CobraRegistrationSite>] = [:]
    /// The run condition of the `if` statement just run (nil when it was decided, or reads nothing of the run), for the
    /// rest of the block when its branch leaves it.
    private var leavingCondition: CobraRunCondition?
    /// ``assignedInFolder(_:in:)`` by folder and name, worked out once.
    private var assignedGlobals: [CobraPair<Int32>: Bool] = [:]
    /// The names each folder's files assign or take the address of (``assignedSpellings(in:)``), worked out once.
    private var assignedByFolder: [Int32: Set<String>] = [:]
    /// ``environmentReader(_:in:)`` of package-level names by folder and name, worked out once.
    private var folderEnvironmentReaders: [CobraPair<Int32>: String?] = [:]
    /// ``isPackageVariable(_:in:)`` by folder and name, worked out once.
    private var packageVariables: [CobraPair<Int32>: Bool] = [:]
    /// ``defaultRunSets()``, worked out once.
    private var defaultRunSetsKnown: (environment: Bool, viper: Bool)?
    /// The rest (``earlyReturns``' innermost, nil for none) each flag was defined in, for a hiding in a rest; a flag
    /// defined in more than one is in ``mixedRests``.
    private var flagRests: [CobraFlagKey: CobraEarlyReturn?] = [:]
    private var mixedRests: Set<CobraFlagKey> = []
    /// The rest (``earlyReturns``' innermost, nil for none) each object literal was made in, for an assignment in order
    /// in a rest (``replacesInOrder(_:object:)``); an object made in more than one is in ``mixedObjectRests``.
    private var objectRests: [CobraSite: CobraEarlyReturn?] = [:]
    private var mixedObjectRests: Set<CobraSite> = []
    /// The function bodies (and function literals) running now, innermost last: how many undecided branches enclosed
    /// each when it began, and the commands it made. A call runs once a pass, in the context of whichever caller
    /// reaches it first, so a completion setting on a command a running body made is judged within that body.
    private var bodies: [Body] = []

    private struct Body {
        let entryUndecided: Int
        var made: Set<CobraMade> = []
    }

    /// The values of a package-level name or a field, the last pass that read it and the clock when it last changed.
    private struct Cell {
        /// Nil until something is assigned (a package-level name without values is not a package qualifier).
        var values: CobraValues?
        var readInPass = 0
        var changedAt = 0
        /// What an assignment run in order gave the field of one object (``replaceField(_:type:_:_:)``), and the run of
        /// an entry point it holds in (``epoch``): the reads after it there see that alone; others see `values`.
        var strong: CobraValues = []
        var strongEpoch = 0

        /// Adds `new`; true when that changed the values.
        mutating func add(_ new: CobraValues) -> Bool {
            let old = values ?? []
            guard !new.isSubset(of: old) else { return false }
            values = old.union(new)
            return true
        }
    }

    /// What a call returns, the passes that ran it and read its result, the clock when its result last grew, and the
    /// record of its last run.
    private struct CallState {
        var returned: CobraValues = []
        /// What its last run returned alone (``returned`` keeps what every run returned).
        var returnedLastRun: CobraValues = []
        var ranInPass = 0
        var readInPass = 0
        var changedAt = 0
        var record: CobraCallRecord?
        /// Whether its last run (or a call it made) replaced a field by an assignment in order (``CobraStrongWrite``),
        /// and read what one gave a field.
        var replacesFields = false
        var readsReplaced = false
        /// Whether its body is running now, and the run of an entry point and the clock when it last ran in this pass.
        var active = false
        var ranEpoch = 0
        var ranClock = 0
    }
    /// The functions that build commands or flags and those that call them (by name); `entryPoints` are those of
    /// them no other function of the program calls, which run first with unknown parameters.
    private var relevant: [CobraFunctionID] = []
    /// The calls the record of a call stood for before ``resume`` found it could not stand for the rest (set when it
    /// fails), and, by body running, those of its calls the body has not reached yet: reaching one is its first reach
    /// in this run of the body, not a second Go call (trivy 0.48.0: `NewScanFlagGroup()` was taken as called twice,
    /// so `group.Parallel = nil` no longer replaced the field, and `--parallel` stayed).
    private var resumedCalls: Set<Int32> = []
    /// The call whose body first made each object, and the call each call's body first ran from: an object a call
    /// reached again returns stands for more than one Go value only when that call (or one it made) made it.
    private var objectMakers: [CobraSite: Int32] = [:]
    private var runningCalls: [Int32] = []
    private var callParents: [Int32: Int32] = [:]
    private var bodiesResumed: [Set<Int32>] = []
    private var entryPoints: [CobraFunctionID] = []

    /// A function and the argument values of one call.
    private struct CallKey: Hashable {
        let function: CobraFunctionID
        let arguments: [CobraValues]
        /// The objects a method runs on; empty for any value of its receiver type (and for functions).
        var receiver: CobraValues = []
        /// The context it runs in (``CobraBuildTable``): its callers' with its file's condition.
        var build: Int32 = 0
        /// The arguments (by bit, from the first) that are certain constant strings where the call is
        /// (``certainString(_:in:)``): a parameter given one holds it in the body, when the body never assigns it.
        var certain: UInt64 = 0
        /// Where a constructor (``isConstructor(_:)``) is called: each call site makes objects of its own.
        var caller: CobraSite?
        /// A method run on a value the run cannot name (review R89c: `h := <-ch; h.Clear()`): what the receiver is.
        var unnamedReceiver: CobraUnnamedValue?
        /// The arguments (by parameter) that are values the run cannot name (`clear(<-ch)`); empty when none is.
        var unnamedArguments: [CobraUnnamedValue?] = []
    }

    /// The frame of the function being run.
    private struct Frame {
        /// The call whose body runs (an index into `callStates`; -1 for a closure), nil for package-level values.
        var key: Int32?
        var file: Int
        var folder: Int32
        /// By the names' numbers in `file`.
        var locals = CobraLocals()
        /// The locals given what only the program's run gives (``readsRunTime(_:in:depth:)``), and those whose value
        /// the default run decides (``defaultValue(_:in:depth:)``).
        var runLocals: Set<CobraLocalName> = []
        var defaultLocals: [CobraLocalName: CobraDefaultValue] = [:]
        /// What the default run gives the fields of a local struct literal (`cfg := T{dry: os.Getenv("X") != ""}`),
        /// the locals that hold `os.Getenv` or `os.LookupEnv` as a value (`get := os.Getenv`), and those that hold a
        /// viper of their own (`v := viper.New()`).
        var defaultFields: [CobraLocalName: [CobraLocalName: CobraDefaultValue]] = [:]
        var environmentReaders: [CobraLocalName: String] = [:]
        var vipers: Set<CobraLocalName> = []
        /// What an immediately-called function literal returns (nil in a declared function: see `returns`).
        var literalReturns: CobraValues?
        /// The loops running one element at a time over a collection held by a name, innermost last: `table[i]`
        /// in `for i := range table` is the element of the run (``rangeElements(_:limit:)``).
        var ranges: [(index: CobraLocalName, collection: CobraLocalName, element: CobraValues)] = []
        /// Whether a `continue` ran on a path certainly taken: the rest of the loop's body is skipped for this entry.
        var skipping = false
        /// Whether the body runs for one entry of a loop filtered by a call (``skipsByCall(_:)``), and whether that
        /// filter could not be decided for it (the rest of the body is then left to a run with every entry at once).
        var filteredRun = false
        var filterUndecided = false
        /// Whether the body runs for one entry of a loop base semgate ran at once (over an index, or of more than 64
        /// entries): a jump on a path not decided (`if seen { continue }`, a `break`, a `return`) leaves the rest of
        /// the loop to a run with every entry at once, as then. `uniqueness`: the maps the body fills itself
        /// (`done[opt.Name] = struct{}{}`), whose `_, dup := done[k]` skips an entry only when an earlier entry had
        /// the same key (taken as not skipping).
        var strictRun = false
        var uniqueness: Set<CobraLocalName> = []
        /// Whether a `break` ran on a path certainly taken: the loop ends.
        var breaking = false
        /// Whether a `return` or `goto` ran on a path certainly taken: what follows is not run up to a label, which a
        /// `goto` may come to (``execute(_:in:)``).
        var ended = false
        /// When `ended`, how many enclosing loops what ended it leaves (a labeled `continue` or `break` of a loop
        /// further out), `Int.max` for all (`return`, `goto`, `panic`): after a loop that certainly runs its body, what
        /// follows it is not run either while this is more than one (``leftLoop(ran:collection:)``).
        var leaving = Int.max
        /// How many loops enclose what runs now in this body, and whether a label came before it (a `goto` may come
        /// back there): what comes later in the text may have run first (``CobraStepPlace/repeating``).
        var loops = 0
        var afterLabel = false
        /// The calls `defer` put off, in order, each with the undecided branches that enclosed its `defer` and what
        /// the names of the blocks it was in that have ended held (``endScope(_:deferredFrom:in:)``): run when the
        /// body ends (``runDeferred(_:body:)``).
        var deferred: [(call: CobraExpr, undecided: Int, bindings: [(name: CobraLocalName, values: CobraValues)])] = []
        /// The entry of the run of a loop over a package-level table nothing in the files read can change
        /// (``tableUnchanged(_:)``): the lists its literal gives fields may decide the loop's filter.
        var unchangedEntry: CobraValues?
        /// Whether the body runs for one entry of a loop run entry by entry (of any kind), and how many undecided
        /// branches enclosed the body's start: a `break` reached with no more is certainly taken.
        var entryRun = false
        /// Whether the runs of the loop take its entries in Go's order (a literal's entries): one that certainly ends
        /// the loop stops the runs after it.
        var orderedRun = false
        var entryUndecided = 0
        /// Whether a function literal runs in this frame (called where it is written): the names it binds (parameters,
        /// named results) are not all known, so no name in it is taken for a package constant.
        var inLiteral = false
        /// The parameters that hold a certain constant string in this run of the body (``CallKey/certain``), and the
        /// locals given one where the body binds them, once (``certainLocal(_:_:in:)``).
        var certain: [CobraLocalName: String] = [:]
        /// How many blocks, branches and loops of the body enclose what runs now (a `var` group is no block).
        var depth = 0
        /// The entry of the run of a loop over a list literal or a package-level table nothing in the files read can
        /// change (``tableUnchanged(_:)``): a string field its literal gives certainly is what the entry holds, when
        /// no file writes that field (``stringFieldWritten(_:)``).
        var certainEntry: CobraValues?
        /// The variables of the loops running entry by entry, and whether the collection each ranges over may hold
        /// `nil` beside its objects: an entry held beside nil somewhere (``nilableBeside``) may be nil in this loop
        /// only when that is so.
        var entryBesideNil: [CobraLocalName: Bool] = [:]
        /// The variables of loops over the fields of one object (``fieldListNil(_:in:)``): the entries that may be
        /// nil in that object's fields (no other entry is nil there).
        var entryNilInSlots: [CobraLocalName: Set<CobraSite>] = [:]
        /// The locals an assignment in order made nil (``assignsInOrder(_:)``), with the program type of what they held
        /// before: a method called on one runs on a nil receiver of that type.
        var nilTypes: [CobraLocalName: CobraName] = [:]
        /// The locals bound to a list or map literal of one entry (``CobraOneEntry``), with what that entry holds now:
        /// an assignment in order to that entry replaces it (review R60).
        var oneEntry: [CobraLocalName: CobraOneEntry] = [:]
        /// The locals bound to a value the run cannot name that may be an object of the program's types, or hold
        /// pointers to them (review R89, R89b): received from a channel (`h := <-ch`, `var h = <-ch`, a `select` case,
        /// `for h := range ch`: any type), a type assertion of a value not known (`h := box.Load().(*Group)`: that
        /// type), or a field of such a value (`g := h.G`): ``unnamedValue(of:in:)``.
        var unnamed: [CobraLocalName: CobraUnnamedValue] = [:]

        /// Forgets the loops whose index or collection `name` is: assigned in the body, `table[i]` may be another
        /// element.
        mutating func reassigned(_ name: CobraLocalName) {
            if !oneEntry.isEmpty { oneEntry[name] = nil }
            if !unnamed.isEmpty { unnamed[name] = nil }
            if !ranges.isEmpty { ranges.removeAll { $0.index == name || $0.collection == name } }
            if !entryBesideNil.isEmpty { entryBesideNil[name] = nil }
            if !entryNilInSlots.isEmpty { entryNilInSlots[name] = nil }
        }
    }

    private static let maximumPasses = 12
    /// The most fields and elements of a path from a value the run cannot name that are followed (``unnamedValue``);
    /// a longer path is read from its last steps, as if its root were such a value of any type.
    private static let maximumUnnamedPath = 32
    /// The most definitions of one function (for different builds) that a call runs.
    static let maximumDefinitions = 8
    /// Notes on functions defined for more builds than `maximumDefinitions` (the rest are not read), and on contexts
    /// past the bounds of ``CobraBuildTable``.
    var definitionNotes: [String] {
        var notes = declared.beyondDefinitions.sorted().map {
            "\($0) is defined in more than \(Self.maximumDefinitions) files built for different systems or tags; "
                + "only the first \(Self.maximumDefinitions) (by path) are read, so what the others add is not in "
                + "the surface"
        }
        if builds.overflowed {
            notes.append(
                "calls between files built for different systems or tags nest more than "
                    + "\(CobraBuildTable.maximumAtoms) deep or make more than \(CobraBuildTable.maximumContexts) "
                    + "combinations; the 'build' attribute of what runs past that leaves some conditions out")
        }
        return notes
    }
    private static let maximumCallDepth = 64
    /// The run of an entry point (or of the package-level declarations) going on, counted over every pass: an
    /// assignment run in order replaces what a field holds for the reads after it in that run only (``Cell/strong``).
    private var epoch = 0
    /// How many constructs enclose what runs now (in every body running) that may run it other than once and in
    /// Go's order: a branch, a loop (but one over a list literal of one entry), a statement after a label, a function
    /// literal called later, a deferred call. Only where there is none does an assignment to a field replace what it
    /// holds (``replaceField(_:type:_:_:)``).
    private var unordered = 0
    /// The objects that may stand for more than one Go value: made where `unordered` was not zero, or returned by a
    /// call that more than one caller reached in a pass. An assignment to their fields only adds.
    private var sharedObjects: Set<CobraSite> = []
    /// The objects made by `&T{...}`: only their fields are replaced by an assignment in order (a struct value is
    /// copied by `g2 := g`, which the run reads as the same object).
    private var pointerObjects: Set<CobraSite> = []
    /// ``fieldsSetToNil(_:)`` by type.
    private var nilSettingTypes: [CobraName: Bool] = [:]
    /// The copies `*p` made (``copySite``): their fields are replaced by an assignment in order, as `&T{...}`'s.
    private var derefCopies: Set<CobraSite> = []
    /// The objects whose fields an assignment replaced in this pass (``replaceField(_:type:_:_:)``).
    private var fieldsReplacedObjects: Set<CobraSite> = []
    /// The runs of this pass that initialise the packages, as Go does before anything else (the package-level
    /// declarations, then the `init` functions that build no command, in order): what an assignment in order gave a
    /// field there is what the later runs of entry points no file calls see (``seesInitialisation``), as Go runs them
    /// after (review R58: `func init() { common.Disk = nil }` before `common.AddFlags(cmd)`).
    private var initialisation: ClosedRange<Int> = 0...0
    /// Whether the run going on is of an entry point no file calls, which Go runs after the packages are initialised
    /// (not an `init` that builds commands, whose order against the others the run does not keep).
    private var seesInitialisation = false
    /// The cells given in order in more than one run of the initialisation (their order is the files' or the
    /// dependencies'): the later runs see all they were given.
    private var initialisedTwice: Set<Int32> = []
    /// The clock when an assignment in order last changed what reads of a field see, in the run of `replacedEpoch`.
    private var replacedClock = 0
    private var replacedEpoch = 0
    /// At most this many calls are reserved room for at the start of a run (``Numbering/callCount``).
    private static let maximumReservedCalls = 1 << 16
    private var callDepth = 0

    /// The most runs of a loop body entry by entry that loops nested in each other may make together (the product of
    /// their entry counts, across calls), and that one pass may make in all (``rangeElements(_:limit:)``). Past
    /// either, a loop runs once with all its entries, as past `maximumRangeObjects`: nested loops over tables would
    /// otherwise run their body entries^depth times (three loops over 200 entries: 8 million runs).
    static let maximumNestedEntryRuns = 16_384
    static let maximumEntryRunsPerPass = 262_144
    /// The product of the entry counts of the loops running entry by entry around the statement being run, and the
    /// entry runs of this pass so far. A loop run at once past either bound has no note of its own: what it loses (a
    /// flag name made from an entry is not a constant) is noted where it is lost, as past `maximumRangeObjects`.
    private var nestedEntryRuns = 1
    private var entryRunsThisPass = 0
    /// The objects whose place in a collection may be taken by another value (`table[0] = Entry{...}`, `*p = ...`,
    /// `copy(table, ...)`, `table = append(table[:0], ...)`): a collection holding one is not ranged entry by entry,
    /// since what its entries hold is no longer what their literals say (kept from pass to pass).
    private var replacedObjects: Set<CobraValue> = []
    /// What took the place of an object held by value in a slice (`list = append(list[:0], e)`, `copy(list, more)`,
    /// `list[0] = e`): the values written into the array it is an element of. A pointer taken to the element before
    /// (`picked := &list[0]`) sees what was written there, so a read of one of its fields is also a read of theirs
    /// (review R59: the literal's `Disk: nil` alone had hidden the flag the new element gives). Only grows.
    private var placeTakenBy: [CobraSite: CobraValues] = [:]
    /// For a site with taken places, the objects ``placeTakenBy`` leads to from it (not the site itself), in the order
    /// first reached, and whether a value not followed was written on the way: worked out once and kept until a place
    /// is taken again (``tookPlace(of:_:)``). Elements that swap places (`l[i], l[j] = l[j], l[i]`) each take every
    /// other's place, so a walk costs the square of their number, and every read of a field of one walked it again
    /// (syft). At most ``maximumTakenClosureObjects`` objects are kept, over all sites; past that, walks are not kept.
    private var takenClosures: [CobraSite: TakenClosure] = [:]
    private var takenClosureObjects = 0
    static let maximumTakenClosureObjects = 1 << 20

    /// What ``takenClosures`` keeps for a site.
    private struct TakenClosure {
        var objects: [(site: CobraSite, type: CobraName)] = []
        /// The sites of `objects`.
        var sites: Set<CobraSite> = []
        var anyValue = false
    }

    /// An interpreter of `files`, numbering names in `names` when given (else in a table of its own).
    init(files: [(path: String, source: CobraSourceFile)], names: CobraNames? = nil) {
        paths = files.map(\.path)
        sources = files.map(\.source)
        self.files = sources.map(\.file)
        store = names
        let numbering = names?.take() ?? Numbering()
        self.numbering = numbering
        nameMaps = sources.map { $0.numbers(in: numbering.serial) }
        let folderNames = files.map { file in
            guard let slash = file.path.lastIndex(of: "/") else { return "" }
            return String(file.path[..<slash])
        }
        var folderIDs: [String: Int32] = [:]
        folders = folderNames.map { name in
            if let known = folderIDs[name] { return known }
            let id = Int32(folderIDs.count)
            folderIDs[name] = id
            return id
        }
        var folderRanks = [Int](repeating: 0, count: folderIDs.count)
        for (rank, name) in folderIDs.keys.sorted().enumerated() {
            if let id = folderIDs[name] { folderRanks[Int(id)] = rank }
        }
        // A `package main` cannot be imported: an import path that ends like one (`tool/v3/tool` and the program in
        // `tool/`) names another folder.
        let programs = Set(
            zip(folderNames, self.files).filter { $0.1.names.names[Int($0.1.package)] == "main" }.map(\.0))
        let folderSet = Set(folderNames.filter { !$0.isEmpty && !programs.contains($0) })
        // The folders of each import path, kept from the last run while the program's folders stay the same.
        var importCache = numbering.importFolders.folders == folderSet ? numbering.importFolders.paths : [:]
        var importCandidates = self.numbering.importCandidates
        self.numbering.importCandidates = [:]
        let functionCount = self.files.reduce(0) { $0 + $1.functions.count }
        declared.list.reserveCapacity(functionCount)
        // Room for as many calls as the last run made (each growth of the table would hash every key again).
        let expectedCalls = min(numbering.callCount, Self.maximumReservedCalls)
        calls.reserveCapacity(expectedCalls)
        callKeys.reserveCapacity(expectedCalls)
        callStates.reserveCapacity(expectedCalls)
        declared.functions.reserveCapacity(functionCount)
        var table = CobraBuildTable()
        fileAtoms = self.files.indices.map { index in
            Self.buildCondition(path: paths[index], constraint: self.files[index].buildConstraint).map {
                table.atom($0)
            }
        }
        conditional = fileAtoms.contains { $0 != nil }
        var valueCollections: [(type: CobraName, element: CobraName, folder: Int32, byValue: Bool)] = []
        var structFolders: [CobraName: Set<Int32>] = [:]
        var commandStructs: Set<CobraName> = []
        for (index, file) in self.files.enumerated() {
            let folder = folders[index]
            let package = runName(file.package, in: index)
            if file.names.names[Int(file.package)] != "", packageFolders[package]?.contains(folder) != true {
                packageFolders[package, default: []].append(folder)
            }
            var byName: [CobraName: [Int32]] = [:]
            for (name, path) in file.imports {
                let matching = Self.folders(
                    importedAs: path, among: folderSet, cache: &importCache, candidates: &importCandidates)
                guard !matching.isEmpty else { continue }
                let local = name ?? CobraText.lastElement(of: path).map(String.init) ?? path
                byName[intern(local), default: []] += matching.compactMap { folderIDs[$0] }
            }
            importFolders.append(byName)
            for (name, fields) in file.structs {
                let type = runName(name, in: index)
                structFolders[type, default: []].insert(folder)
                if fields.contains(where: { $0.type.isCobraCommand }) { commandStructs.insert(type) }
                guard declared.structs[type] == nil else { continue }
                var byField: [CobraName: DeclaredField] = [:]
                var embedded: [CobraName] = []
                for field in fields {
                    let fieldName = runName(field.name, in: index)
                    if byField[fieldName] == nil {
                        byField[fieldName] = DeclaredField(
                            typeName: field.type.name.map { runName($0, in: index) },
                            isCollection: field.type.isCollection,
                            isCobraCommand: field.type.isCobraCommand,
                            embedsCommand: field.isEmbedded && field.type.isCobraCommand,
                            isPointer: field.isPointer, elementsCopied: field.elementsCopied)
                    }
                    if field.isEmbedded { embedded.append(fieldName) }
                }
                declared.structs[type] = byField
                declared.embedded[type] = embedded
            }
            for (name, element, byValue) in file.collections {
                let type = runName(name, in: index)
                declared.collectionFolders[type, default: []].insert(folder)
                valueCollections.append((type, runName(element, in: index), folder, byValue))
                if declared.elementTypes[type] == nil {
                    let element = runName(element, in: index)
                    declared.elementTypes[type] = element
                    declared.collections[element, default: []].append(type)
                }
            }
            for (position, function) in file.functions.enumerated() {
                let text = file.names.names
                let nameText = text[Int(function.name)]
                let name = runName(function.name, in: index)
                let receiver = function.receiver.map { runName($0.type, in: index) } ?? -1
                let receiverText = function.receiver.map { text[Int($0.type)] }
                // `init` may appear in every file; the others are unique in a package that compiles.
                let callable = nameText != "init" && nameText != "_"
                let key = FunctionName(folder: folder, receiver: receiver, name: name)
                let first = callable ? declared.functions[key] : nil
                // Declared twice in a package that compiles: files for different builds (else the first counts).
                if let first, fileAtoms[index] == nil || fileAtoms[declared.list[Int(first)].file] == nil { continue }
                if let first, declared.alternates[first, default: []].count + 1 >= Self.maximumDefinitions {
                    // Each call runs every definition: a bound, so that many files cannot multiply the work.
                    declared.beyondDefinitions.insert("\(paths[declared.list[Int(first)].file]): \(nameText)")
                    continue
                }
                let id = CobraFunctionID(declared.list.count)
                let order = (
                    folderRanks[Int(folder)],
                    callable ? receiverText ?? "" : "\u{0}init\(index):\(function.position.offset)", nameText
                )
                declared.list.append(
                    DeclaredFunction(
                        folder: folder, receiver: receiver, name: name, file: index, index: position,
                        parameterCount: function.parameters.count, order: order))
                if let first {
                    declared.alternates[first, default: []].append(id)
                } else if callable {
                    declared.functions[key] = id
                }
                if receiverText != nil {
                    declared.receivers.insert(receiver)
                    if function.buildsCommands && !function.parameters.isEmpty
                        && declared.buildingMethods[name]?.contains(receiver) != true
                    {
                        declared.buildingMethods[name, default: []].append(receiver)
                    }
                    let method = scoped(receiver, name)
                    if declared.methods[method].map({ order < declared.list[Int($0)].order }) ?? true {
                        declared.methods[method] = id
                    }
                }
            }
        }
        // By value only where every declaration of the name in the folder is a slice or array of a struct the folder
        // declares that holds no command (a command is shared, whichever copy of a struct holds it).
        var notByValue: Set<[Int32]> = []
        for (type, element, folder, byValue) in valueCollections
        where !byValue || structFolders[element]?.contains(folder) != true || commandStructs.contains(element) {
            notByValue.insert([type, folder])
        }
        for (type, element, folder, _) in valueCollections where !notByValue.contains([type, folder]) {
            if let other = declared.valueCollectionFolders[type]?[folder], other != element {
                notByValue.insert([type, folder])
            }
            declared.valueCollectionFolders[type, default: [:]][folder] = element
        }
        for key in notByValue { declared.valueCollectionFolders[key[0]]?[key[1]] = nil }
        for (first, others) in declared.alternates {
            table.addGroup(([first] + others).compactMap { fileAtoms[declared.list[Int($0)].file] })
        }
        table.finishGroups()
        builds = table
        evaluatedFunctions = Array(repeating: false, count: declared.list.count)
        fileGlobalCells = Array(repeating: [], count: self.files.count)
        fileFunctions = Array(repeating: [], count: self.files.count)
        self.numbering.importFolders = (folderSet, importCache)
        self.numbering.importCandidates = importCandidates
    }

    /// The condition a file builds under: its name's (`_linux.go`, `_windows_arm64.go`) and its normalized constraint's,
    /// joined with `&&`; nil when it has neither.
    static func buildCondition(path: String, constraint: String?) -> String? {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
        // Only a name with `_` can name a system or architecture.
        let suffix = name.utf8.contains(UInt8(ascii: "_")) ? GoFileNameCondition.of(name) : nil
        guard let suffix else { return constraint }
        guard let constraint else { return suffix }
        return suffix + " && " + (constraint.contains("||") ? "(\(constraint))" : constraint)
    }

    /// The run's number of name `local` of `file`, translated on first use.
    private mutating func runName(_ local: CobraLocalName, in file: Int) -> CobraName {
        let index = Int(local)
        if index < nameMaps[file].count {
            let known = nameMaps[file][index]
            if known >= 0 { return known }
        } else {
            nameMaps[file].append(contentsOf: repeatElement(-1, count: index + 1 - nameMaps[file].count))
        }
        let id = index < CobraKnown.allCases.count ? local : numbering.intern(text(of: local, in: file))
        nameMaps[file][index] = id
        return id
    }

    /// The text of name `local` of `file`.
    private func text(of local: CobraLocalName, in file: Int) -> String {
        let declarations = files[file].names.names
        return Int(local) < declarations.count ? declarations[Int(local)] : sources[file].name(local)
    }

    /// The run's number of `text`.
    private mutating func intern(_ text: String) -> CobraName {
        numbering.intern(text)
    }

    /// Gives the numbering back to the store it came from, with what each file's names are numbered (call once,
    /// after `run`).
    mutating func finish() {
        guard let store else { return }
        for (index, source) in sources.enumerated() {
            source.remember(nameMaps[index], in: numbering.serial)
        }
        numbering.callCount = callStates.count
        store.give(numbering)
    }

    /// The folders of the program an import path names: the folder itself or one its path ends with (the module
    /// path comes first), each path worked out once from its trailing components. A module's major-version element
    /// is no folder (`example.com/tool/v3/cmd` is the folder `tool/cmd` of the module in `tool/`), so the path is also
    /// matched without it.
    ///
    /// The folders a path could name (its trailing components, with and without the version element) do not depend on
    /// the program's folders: they are kept in `candidates` across runs (at most `maximumImportCandidates` paths).
    private static func folders(
        importedAs path: String, among folders: Set<String>, cache: inout [String: [String]],
        candidates: inout [String: [String]]
    ) -> [String] {
        if let known = cache[path] { return known }
        let possible: [String]
        if let known = candidates[path] {
            possible = known
        } else {
            possible = Self.candidateFolders(importedAs: path)
            if candidates.count >= Self.maximumImportCandidates { candidates = [:] }
            candidates[path] = possible
        }
        let matching = possible.filter { folders.contains($0) }.sorted()
        cache[path] = matching
        return matching
    }
    static let maximumImportCandidates = 16_384

    /// Every folder an import path could name, each once: the path and each path its trailing components make, then
    /// the same without the module's major-version element.
    private static func candidateFolders(importedAs path: String) -> [String] {
        var possible: [String] = []
        let elements = path.split(separator: "/", omittingEmptySubsequences: false)
        let unversioned = elements.enumerated().filter { index, element in
            index == 0 || element.count < 2 || element.first != "v" || element.dropFirst().contains { !$0.isNumber }
        }.map { String($0.element) }.joined(separator: "/")
        for spelled in unversioned == path ? [path] : [path, unversioned] {
            var suffix = Substring(spelled)
            while true {
                if !possible.contains(String(suffix)) { possible.append(String(suffix)) }
                guard let slash = suffix.firstIndex(of: "/") else { break }
                suffix = suffix[suffix.index(after: slash)...]
            }
        }
        return possible
    }

    /// The functions that build commands or flags, and, by name, every function that calls one of them; the others
    /// run only when one of these calls them (their effects cannot reach the command tree any other way). A function
    /// that names a package-level variable of its package a command literal gives (`var root = &cobra.Command{...}`,
    /// not shadowed by a parameter or receiver of that name) counts as building commands too: it may hand the command
    /// to code not read (`sub.AddCmds(root)` in a `main` that builds nothing itself), which the run must meet to say
    /// the surface misses what that code adds. Also the functions each function name is mentioned by (only names of
    /// the program's functions).
    ///
    /// `mentioning` is indexed by name number, for the names numbered when it was made (every function's name).
    private mutating func relevantFunctions() -> (relevant: [CobraFunctionID], mentioning: [[CobraFunctionID]]) {
        // Every function's name is numbered already: a name numbered later names no function.
        var isFunctionName = [Bool](repeating: false, count: numbering.table.names.count)
        for declaration in declared.list { isFunctionName[Int(declaration.name)] = true }
        var mentioning = [[CobraFunctionID]](repeating: [], count: isFunctionName.count)
        var relevant = [Bool](repeating: false, count: declared.list.count)
        var pending: [CobraName] = []
        var seen = [Bool](repeating: false, count: isFunctionName.count)
        var commandGlobals: Set<Int64> = []
        for (index, file) in files.enumerated() {
            for binding in file.bindings
            where binding.values.contains(where: {
                guard case .composite(let type?, _, _) = Self.withoutAddress($0) else { return false }
                return type.isCobraCommand
            }) {
                for name in binding.names { commandGlobals.insert(scoped(folders[index], runName(name, in: index))) }
            }
        }
        for (id, declaration) in declared.list.enumerated() {
            let function = files[declaration.file].functions[declaration.index]
            var namesCommandGlobal = false
            if !commandGlobals.isEmpty, !function.buildsCommands {
                let bound = Set(function.parameters.map(\.name) + [function.receiver?.name].compactMap { $0 })
                namesCommandGlobal = function.calls.contains { local in
                    !bound.contains(local)
                        && commandGlobals.contains(
                            scoped(folders[declaration.file], runName(local, in: declaration.file)))
                }
            }
            if function.buildsCommands || namesCommandGlobal {
                relevant[id] = true
                if !seen[Int(declaration.name)] {
                    seen[Int(declaration.name)] = true
                    pending.append(declaration.name)
                }
            }
            for local in files[declaration.file].functions[declaration.index].calls {
                // Numbered once for the file (its translation is kept), so a later revision only reads it.
                let name = runName(local, in: declaration.file)
                guard Int(name) < isFunctionName.count, isFunctionName[Int(name)] else { continue }
                mentioning[Int(name)].append(CobraFunctionID(id))
            }
        }
        while let name = pending.popLast() {
            for id in mentioning[Int(name)] where !relevant[Int(id)] {
                relevant[Int(id)] = true
                let calleeName = declared.list[Int(id)].name
                if !seen[Int(calleeName)] {
                    seen[Int(calleeName)] = true
                    pending.append(calleeName)
                }
            }
        }
        let found = relevant.indices.filter { relevant[$0] }.map { CobraFunctionID($0) }
        return (found.sorted { declared.list[Int($0)].order < declared.list[Int($1)].order }, mentioning)
    }

    /// Runs package-level declarations and every function until nothing changes.
    mutating func run() {
        let (relevant, mentioning) = relevantFunctions()
        self.relevant = relevant
        // Only functions mention function names, so a name nobody mentions is one no function calls. Nothing can
        // call `init` (Go forbids naming it): a mention of the word (a local variable `init`) is not a call. The
        // `init` functions run after the other entry points: a call runs once a pass in the context of whichever
        // caller reaches it first, and a hiding counts only where no undecided branch encloses it, so a helper that
        // an `init` reaches under a branch (a plugin's registration) and `main` reaches directly is judged as `main`
        // reaches it, as before `init` was always an entry point.
        // Every `init` runs, also one that builds no command: Go runs them all before `main`, and what one writes (a
        // package-level flag name, a table entry) is what the commands are built from. Those run first, as in Go: a
        // definition read before a write reached its name would stay (what a pass finds is kept).
        let relevantSet = Set(relevant)
        let writers = (0..<declared.list.count).map { CobraFunctionID($0) }
            .filter { isInit($0) && !relevantSet.contains($0) }
            .sorted { declared.list[Int($0)].order < declared.list[Int($1)].order }
        let entries = relevant.filter { mentioning[Int(declared.list[Int($0)].name)].isEmpty || isInit($0) }
        entryPoints = writers + entries.filter { !isInit($0) } + entries.filter(isInit)
        for _ in 0..<Self.maximumPasses {
            changed = false
            pass += 1
            for index in evaluatedFunctions.indices { evaluatedFunctions[index] = false }
            notes = [:]
            entryVerdictsThisPass = []
            (nestedEntryRuns, entryRunsThisPass) = (1, 0)
            missingChildren = [:]
            incomplete = false
            readClosures = []
            changedAfterRead = false
            fieldsReplacedObjects = []
            epoch += 1
            initialisation = epoch...epoch
            initialisedTwice = []
            var initialising = true
            for (index, file) in files.enumerated() {
                var frame = Frame(key: nil, file: index, folder: folders[index])
                currentBuild = builds.combine(0, fileAtoms[index]) ?? 0
                for binding in file.bindings {
                    let values = binding.values.map { evaluate($0, in: &frame) }
                    for (offset, name) in binding.names.enumerated() where name != CobraKnown.underscore.id {
                        var value = values.count == binding.names.count ? values[offset] : Self.union(values)
                        if values.isEmpty, let type = binding.type, let instance = instance(of: type, in: index) {
                            value = [instance]
                        }
                        addGlobal(runName(name, in: index), folder: folders[index], value)
                    }
                }
            }
            currentBuild = 0
            for key in entryPoints where !evaluatedFunctions[Int(key)] {
                epoch += 1
                // The `init` functions that build no command run first (``entryPoints``), as in Go.
                initialising = initialising && isInit(key) && !relevantSet.contains(key)
                if initialising { initialisation = initialisation.lowerBound...epoch }
                seesInitialisation = !isInit(key)
                runningMain = isMain(key) ? key : nil
                _ = call(key, arguments: [])
                runningMain = nil
            }
            seesInitialisation = false
            // A function whose callers could not be followed still runs once, with unknown parameters.
            for key in relevant where !evaluatedFunctions[Int(key)] {
                epoch += 1
                _ = call(key, arguments: [])
            }
            epoch += 1
            if !changed || !changedAfterRead || outOfStack != nil { break }
        }
        if recordsTakingAway && outOfStack == nil { takeAway() }
        settleReaches()
    }

    /// Where the call being evaluated runs, and whether it holds in every run.
    private var currentStep: CobraStep { CobraStep(path: stepPath, certain: undecidedBranches == 0) }

    /// Whether `step` stands for at most one Go evaluation in a run of the program: no body on the way to it repeats
    /// (a loop, a label `goto` may come back to, a spread argument), each is one call's (not a closure's or a
    /// package-level value's, whose runs are not told apart), and none of those calls was reached again (its one run
    /// standing for several Go calls). One argument of such an `AddCommand` that may be several commands adds one of
    /// them in each run (``childOrder``).
    func runsOnce(_ step: CobraStep) -> Bool {
        step.path.allSatisfy { place in
            !place.repeating && place.call >= 0 && !callsReachedAgain.contains(place.call)
        }
    }

    /// Records that the call being evaluated defines flag `name` in `set`, or adds it there (``recordsTakingAway``).
    private mutating func recordFlagStep(_ set: CobraFlagSetID, _ name: String) {
        recordFlagRegistration(set, name)
        guard recordsTakingAway else { return }
        CobraSteps.insert(currentStep, into: &flagSteps[CobraFlagKey(set: set, name: name), default: []])
    }

    /// Works out, once the run is over, what `RemoveCommand`, `ResetCommands` and `ResetFlags` take away, from the
    /// order of the steps that add each command or flag and of those that take it away (``CobraSteps``): what is
    /// taken away on every path after everything that adds it is gone; what is added again after every taking away
    /// stays; the rest (taken away in some runs only, by a helper or a closure whose order against the adding is not
    /// known) is left out too, and listed so that a removal of it is claimed as one that may not be.
    private mutating func takeAway() {
        let taken = Set(childRemovals.keys.map(\.first)).union(commandResets.keys)
        for parent in taken.sorted() {
            for child in (commands[parent]?.children ?? []).sorted() {
                let pair = CobraPair(parent, child)
                let removals = (childRemovals[pair] ?? []).union(commandResets[parent] ?? [])
                switch CobraSteps.outcome(adds: childSteps[pair] ?? [], removals: removals) {
                case .kept: continue
                case .gone: removedChildren[parent, default: []].insert(child)
                case .unknown: uncertainChildren[parent, default: [:]][child] = Self.first(of: removals)
                }
            }
        }
        for command in flagResets.keys.sorted() {
            let removals = flagResets[command] ?? []
            let taking = Self.first(of: removals)
            for set in [CobraFlagSetID.local(command), .persistent(command)] {
                guard var info = flagSets[set] else { continue }
                for name in Set(info.flags.keys).union(info.flagIncludes.map(\.name)).sorted() {
                    let outcome = CobraSteps.outcome(
                        adds: flagSteps[CobraFlagKey(set: set, name: name)] ?? [], removals: removals)
                    guard outcome != .kept else { continue }
                    info.flags[name] = nil
                    info.flagIncludes = info.flagIncludes.filter { $0.name != name }
                    if outcome == .unknown { uncertainFlags[set, default: [:]][name] = taking }
                }
                for included in info.includes.sorted(by: { "\($0)" < "\($1)" }) {
                    let outcome = CobraSteps.outcome(
                        adds: includeSteps[CobraPair(set, included)] ?? [], removals: removals)
                    guard outcome != .kept else { continue }
                    info.includes.remove(included)
                    if outcome == .unknown { uncertainIncludes[set, default: [:]][included] = taking }
                }
                flagSets[set] = info
            }
        }
    }

    /// The first of `removals` by place, for a note.
    private static func first(of removals: Set<CobraTakingAway>) -> CobraTakingAway {
        removals.min { ($0.place.file, $0.place.line, $0.method) < ($1.place.file, $1.place.line, $1.method) }!
    }

    /// Whether function `key` is an `init` function (no receiver): one the program cannot call.
    /// Whether `key` is `main` of a `package main`.
    /// The path of the file that declares function `key`.
    func path(ofFunction key: CobraFunctionID) -> String {
        paths[declared.list[Int(key)].file]
    }

    private func isMain(_ key: CobraFunctionID) -> Bool {
        let declaration = declared.list[Int(key)]
        let file = files[declaration.file]
        let function = file.functions[declaration.index]
        return function.receiver == nil && file.names.names[Int(function.name)] == "main"
            && file.names.names[Int(file.package)] == "main"
    }

    private func isInit(_ key: CobraFunctionID) -> Bool {
        let declaration = declared.list[Int(key)]
        let function = files[declaration.file].functions[declaration.index]
        return function.receiver == nil && files[declaration.file].names.names[Int(function.name)] == "init"
    }

    // MARK: Notes

    /// Notes `message` at a place; `leavesOut` when what could not be followed may add commands or flags.
    private mutating func note(_ message: String, file: Int, line: Int, leavesOut: Bool = true) {
        if leavesOut { incomplete = true }
        let location = "\(paths[file]):\(line)"
        let key = location + " " + message
        let text = "\(location): \(message)"
        notes[key] = text
        if !recording.isEmpty { recording[recording.count - 1].notes.append((key, text, leavesOut)) }
    }

    // MARK: Effects

    /// The cell of package-level name `key` (`scoped(folder, name)`), made when absent.
    private mutating func globalCell(_ key: Int64) -> Int32 {
        Self.cell(key, in: &globals, cells: &cells)
    }

    /// The cell of the package-level name `local` of `file` in the file's folder, made when absent.
    private mutating func globalCell(_ local: CobraLocalName, in file: Int) -> Int32 {
        let index = Int(local)
        if index < fileGlobalCells[file].count, fileGlobalCells[file][index] >= 0 {
            return fileGlobalCells[file][index]
        }
        let cell = globalCell(scoped(folders[file], runName(local, in: file)))
        if index >= fileGlobalCells[file].count {
            fileGlobalCells[file].append(contentsOf: repeatElement(-1, count: index + 1 - fileGlobalCells[file].count))
        }
        fileGlobalCells[file][index] = cell
        return cell
    }

    /// The function of the file's folder that name `local` of `file` names (no receiver), if any.
    private mutating func function(named local: CobraLocalName, in file: Int) -> CobraFunctionID? {
        let index = Int(local)
        if index < fileFunctions[file].count, fileFunctions[file][index] != -2 {
            let known = fileFunctions[file][index]
            return known >= 0 ? known : nil
        }
        let found = declared.function(runName(local, in: file), in: folders[file])
        if index >= fileFunctions[file].count {
            fileFunctions[file].append(contentsOf: repeatElement(-2, count: index + 1 - fileFunctions[file].count))
        }
        fileFunctions[file][index] = found ?? -1
        return found
    }

    /// The cell of field `key` (`scoped(type, field)`), made when absent.
    private mutating func fieldCell(_ key: Int64) -> Int32 {
        Self.cell(key, in: &fields, cells: &cells)
    }

    /// The cell `table` gives `key`, made when absent.
    private static func cell(_ key: Int64, in table: inout [Int64: Int32], cells: inout [Cell]) -> Int32 {
        if let index = table[key] { return index }
        let index = Int32(cells.count)
        cells.append(Cell())
        table[key] = index
        return index
    }

    /// The values of cell `index`, marked as read in this pass and recorded for the call running.
    private mutating func read(_ index: Int32) -> CobraValues? {
        cells[Int(index)].readInPass = pass
        let strong = replacing(index)
        if !recording.isEmpty {
            recording[recording.count - 1].reads.append(CobraRead(cell: index, clock: clock, strong: strong))
            // What records keep is what a run's memory grows with (minikube: 86 million reads, 2.4 GB, in 2.6 million
            // other steps), so each counts as a step (review R100).
            spendSteps(1)
        }
        return strong ? cells[Int(index)].strong : cells[Int(index)].values
    }

    /// Whether what an assignment run in order gave cell `index` is what a read sees now (``Cell/strong``).
    private func replacing(_ index: Int32) -> Bool {
        let strongEpoch = cells[Int(index)].strongEpoch
        guard strongEpoch != 0 else { return false }
        if strongEpoch == epoch { return true }
        return seesInitialisation && initialisation.contains(strongEpoch) && !initialisedTwice.contains(index)
    }

    /// Adds `values` to cell `index` (and to what an assignment in order gave it, for the reads after this).
    private mutating func add(_ values: CobraValues, to index: Int32) {
        guard !values.isEmpty else { return }
        var seen = false
        if replacing(index), !values.isSubset(of: cells[Int(index)].strong) {
            cells[Int(index)].strong.formUnion(values)
            seen = true
        }
        let grew = cells[Int(index)].add(values)
        guard grew || seen else { return }
        clock += 1
        cells[Int(index)].changedAt = clock
        // What a read sees only after an assignment in order is not a change of what the pass found: the cell itself
        // only grows, and the pass ends when it stops growing.
        guard grew else { return }
        changed = true
        if cells[Int(index)].readInPass == pass { changedAfterRead = true }
    }

    /// `object.field = values` where it runs once, in Go's order (``replacesInOrder(_:object:)``), on one object that stands for
    /// one Go value: the reads after it in this run of the entry point see `values` alone (a `nil` given after an
    /// object is nil for the method called next: review R36), while the cell keeps all it was given for every other
    /// read. A value that cannot be followed (`values` empty) gives the reads after it all the cell holds.
    private mutating func replaceField(_ site: CobraSite, type: CobraName, _ field: CobraName, _ values: CobraValues) {
        addField(type, field, values)
        let write = CobraStrongWrite(
            cell: objectFieldCell(site, field), values: values, site: site,
            calls: recording.last?.calls.count ?? 0, reads: recording.last?.reads.count ?? 0)
        if !recording.isEmpty { recording[recording.count - 1].strong.append(write) }
        replaceField(write)
    }

    /// Makes `write` again (``replaceField(_:type:_:_:)``), where the run it was recorded in is replayed or reached
    /// again: not on an object found since to stand for more than one Go value.
    private mutating func replaceField(_ write: CobraStrongWrite) {
        let index = Int(write.cell)
        guard !sharedObjects.contains(write.site) else {
            if replacing(write.cell) {
                cells[index].strongEpoch = 0
                clock += 1
                cells[index].changedAt = clock
            }
            return
        }
        if initialisation.contains(epoch), initialisation.contains(cells[index].strongEpoch),
            cells[index].strongEpoch != epoch
        {
            // Given in two runs of the initialisation: which runs last is not known here.
            initialisedTwice.insert(write.cell)
        }
        let grew = write.values.isEmpty ? false : cells[index].add(write.values)
        let wasSeen = replacing(write.cell)
        let same = cells[index].strongEpoch != 0 && cells[index].strong == write.values
        if write.values.isEmpty {
            cells[index].strongEpoch = 0
        } else {
            (cells[index].strong, cells[index].strongEpoch) = (write.values, epoch)
            fieldsReplacedObjects.insert(write.site)
        }
        if grew || !same || wasSeen == write.values.isEmpty {
            // What reads see changed (for the calls that ran before: ``readsOtherwise(_:)``).
            clock += 1
            (replacedClock, replacedEpoch) = (clock, epoch)
            // Reads recorded when it held the same (in an earlier run) still see what they saw.
            if grew || !same || write.values.isEmpty { cells[index].changedAt = clock }
        }
        if grew {
            changed = true
            if cells[index].readInPass == pass { changedAfterRead = true }
        }
    }

    /// Whether an assignment to a field run now runs once, in Go's order, wherever what runs it is reached: in the
    /// body of a function (not a function literal called later), with no branch, loop or label around it there or
    /// in any body that called it, in the run of one entry point.
    ///
    /// With `object`, the assignment's object: an `if` before it that returns (``earlyReturns``) leaves the rest after it
    /// to the runs that do not return there, so where the only undecided things around are such `if`s and the object
    /// was made in the rest after the innermost of them, the assignment runs once, in order, in every run that has the
    /// object (trivy 0.30.2's `NewApp` returns early as a plugin before it builds the commands whose flag groups it
    /// gives `nil`). An object made before that `if` may be read in the runs that return there, so it is not replaced.
    private func replacesInOrder(_ frame: Frame, object: CobraSite? = nil) -> Bool {
        // A function literal called where it is written in a package-level declaration runs once, there (review R58:
        // `var common = func() *Group { ...; g.Disk = nil; return g }()`).
        unordered == 0 && (undecidedBranches == 0 || object.map(madeAfterEveryReturn) == true) && epoch != 0
            && (frame.key.map { $0 >= 0 } ?? frame.inLiteral) && !frame.afterLabel
    }

    /// Whether the only undecided things around are `if`s that return before (``earlyReturns``) and the object literal
    /// at `site` was made only in the rest after the innermost of them (``objectRests``).
    private func madeAfterEveryReturn(_ site: CobraSite) -> Bool {
        guard let innermost = earlyReturns.last, undecidedBranches == earlyReturns.count else { return false }
        return !mixedObjectRests.contains(site) && objectRests[site] == .some(innermost)
    }

    /// Records the rest (``earlyReturns``) the object literal at `site` is made in now.
    private mutating func recordObjectRest(_ site: CobraSite) {
        guard !mixedObjectRests.contains(site) else { return }
        let now = earlyReturns.last
        if let known = objectRests[site] {
            if known != now { mixedObjectRests.insert(site) }
        } else {
            objectRests[site] = .some(now)
        }
    }

    /// Whether some field of `type` has a name some file read assigns nil, or assigns together with another target
    /// (``inOrderFieldNames``): only the fields of such types are replaced by an assignment in order (trivy's flag
    /// groups, whose `group.Field = nil` takes a flag away; a swap of two fields); elsewhere assignments only add, as
    /// before.
    private mutating func fieldsSetToNil(_ type: CobraName) -> Bool {
        if let known = nilSettingTypes[type] { return known }
        let names = numbering.table.names
        let answer =
            typesReplacedThroughPointer.contains(names[Int(type)])
            || declared.structs[type]?.keys.contains { inOrderFieldNames.contains(names[Int($0)]) } ?? false
        nilSettingTypes[type] = answer
        return answer
    }

    /// Whether `base` is the receiver of the method running, declared as a value (`func (g Group) Drop()`): Go runs the
    /// method on a copy.
    private func isValueReceiver(_ base: CobraExpr, in frame: Frame) -> Bool {
        guard case .name(let name) = base, let key = frame.key, key >= 0 else { return false }
        let declaration = declared.list[Int(callKeys[Int(key)].function)]
        let function = files[declaration.file].functions[declaration.index]
        guard let receiver = function.receiver, receiver.name == name else { return false }
        return function.declaration.receiver?.isPointer != true
    }

    /// Whether an assignment to a local of `frame` runs once, in order, each time the body runs: not in a branch,
    /// loop or block of the body, nor after a label or a statement that may return.
    private func assignsInOrder(_ frame: Frame) -> Bool {
        frame.key != nil && frame.depth == 0 && !frame.afterLabel
            && undecidedBranches == (bodies.last?.entryUndecided ?? 0)
    }

    /// Objects a call returns again to another caller in the same pass stand for more than one Go value: what one
    /// caller's code gives their fields only adds. When an assignment replaced one's field in this pass, the pass runs
    /// again (the reads after it saw that alone).
    private mutating func shared(_ values: CobraValues) {
        for case .object(let site, _) in values where !sharedObjects.contains(site) {
            sharedObjects.insert(site)
            if fieldsReplacedObjects.contains(site) { changedAfterRead = true; changed = true }
        }
    }

    /// Makes again the assignments in order that the last run of `call` (and the calls it made) made, where it is
    /// reached again in the same pass, in order (Go runs it again): a field set since is replaced again as there.
    private mutating func replaceFieldsAgain(_ call: Int32, depth: Int = 0) {
        guard depth < Self.maximumCallDepth, callStates[Int(call)].replacesFields,
            let record = callStates[Int(call)].record
        else { return }
        var next = 0
        for (offset, made) in record.calls.enumerated() {
            while next < record.strong.count, record.strong[next].calls <= offset {
                replaceField(record.strong[next])
                next += 1
            }
            replaceFieldsAgain(made.call, depth: depth + 1)
        }
        while next < record.strong.count {
            replaceField(record.strong[next])
            next += 1
        }
    }

    private mutating func addGlobal(_ name: CobraName, folder: Int32, _ values: CobraValues) {
        guard !values.isEmpty else { return }
        add(values, to: globalCell(scoped(folder, name)))
    }

    private mutating func addField(_ type: CobraName, _ field: CobraName, _ values: CobraValues) {
        guard !values.isEmpty else { return }
        add(values, to: fieldCell(scoped(type, field)))
    }

    /// Makes `copy` a copy of the command at `original` (`*cmd`): its fields as the original's, to which what is given
    /// the copy later adds (a literal's values, replaced by assignments), its subcommands, and the original's flag sets
    /// included in its own (cobra copies the `*FlagSet` pointers). Only adds, so passes settle.
    private mutating func copyCommand(_ original: CobraSite, to copy: CobraSite, line: Int) {
        guard let info = commands[original] else { return }
        if commands[copy] == nil {
            commands[copy] = CobraCommandInfo(file: copy.file, line: line)
            changed = true
        }
        if conditional, let builds = commandBuilds[original] { commandBuilds[copy, default: []].formUnion(builds) }
        updateCommand(copy) { made in
            made.hasUse = made.hasUse || info.hasUse
            made.use.add(info.use.values, unresolved: info.use.unresolved, fromLiteral: true)
            made.aliases.add(info.aliases.values, unresolved: info.aliases.unresolved, fromLiteral: true)
            made.hidden = made.hidden || info.hidden
            made.deprecated = made.deprecated || info.deprecated
            made.disablesFlagParsing = made.disablesFlagParsing || info.disablesFlagParsing
            made.setsVersion = made.setsVersion || info.setsVersion
            made.experimental = made.experimental || info.experimental
            made.annotatedExperimental = made.annotatedExperimental || info.annotatedExperimental
            made.children.formUnion(info.children)
            if made.validArgs == nil { made.validArgs = info.validArgs }
            if made.argAliases == nil { made.argAliases = info.argAliases }
            if made.argumentCheck == .unset { made.argumentCheck = info.argumentCheck }
            made.argumentsUnknown = made.argumentsUnknown || info.argumentsUnknown
            made.readsArguments = made.readsArguments || info.readsArguments
            made.persistentHookReadsArguments = made.persistentHookReadsArguments || info.persistentHookReadsArguments
        }
        if let missing = missingChildren[original] { missingChildren[copy, default: []].formUnion(missing) }
        for (mine, theirs) in [(CobraFlagSetID.local(copy), CobraFlagSetID.local(original)),
            (.persistent(copy), .persistent(original))]
        {
            updateFlagSet(mine) { $0.includes.insert(theirs) }
        }
    }

    /// Updates a command in place (no copy of its sets); every update only adds, so comparing the fields and the
    /// number of children tells whether it changed anything.
    private mutating func updateCommand(_ site: CobraSite, _ update: (inout CobraCommandInfo) -> Void) {
        // One lookup, the command changed where it is stored (no copy of it before and after).
        func apply(_ info: inout CobraCommandInfo?) -> Bool {
            guard info != nil else { return false }
            func fields(_ info: CobraCommandInfo) -> (Bool, CobraStringField, CobraStringField, Bool, Bool, Int) {
                (info.hasUse, info.use, info.aliases, info.hidden, info.deprecated, info.children.count)
            }
            let before = fields(info!)
            update(&info!)
            return before != fields(info!)
        }
        if apply(&commands[site]) { changed = true }
    }

    /// Updates a flag set in place; every update only adds, so its sizes tell whether it changed anything.
    private mutating func updateFlagSet(_ id: CobraFlagSetID, _ update: (inout CobraFlagSetInfo) -> Void) {
        // One lookup, the set changed where it is stored (no copy of it before and after).
        func apply(_ info: inout CobraFlagSetInfo?) -> Bool {
            guard info != nil else {
                var made = CobraFlagSetInfo()
                update(&made)
                info = made
                return true
            }
            let before = info!.size
            update(&info!)
            return info!.size != before
        }
        if apply(&flagSets[id]) { changed = true }
    }

    // MARK: Calls

    /// The index of `call` in `callStates`, made when absent.
    private mutating func callIndex(_ call: CallKey) -> Int32 {
        // One hashing of the key (its argument sets are the costly part) to find the call or insert it.
        let fresh = Int32(callStates.count)
        let index = Self.entry(&calls[call, default: fresh])
        guard index == fresh else { return index }
        callStates.append(CallState())
        callKeys.append(call)
        spendSteps(call.arguments.reduce(call.receiver.count) { $0 + $1.count })
        if callKeys.count > maximumCalls, outOfStack == nil {
            // Each call is kept with its arguments and what it did: calls that never repeat their arguments hold memory
            // without bound (yq's evaluator held 3.8 GB before `maximumRuns`).
            let declaration = declared.list[Int(call.function)]
            let function = files[declaration.file].functions[declaration.index]
            outOfStack =
                "the code read makes more than \(maximumCalls) calls with different arguments at "
                + "\(paths[declaration.file]):\(function.position.line) (a call of \(function.declaration.name)): "
                + "calls that get new arguments each time (an expression evaluator, a parser) do not settle, so the "
                + "command line is not read; leave the code that builds no command out of the cobra extractor's 'files'"
        }
        return index
    }

    /// The value at a dictionary's entry, reached through its `default:` subscript (which inserts the default).
    private static func entry<Value>(_ slot: inout Value) -> Value { slot }

    /// Records, for the call running, a read of the closure at `site`.
    private mutating func recordClosureRead(_ site: CobraSite, marks: Bool) {
        guard !recording.isEmpty else { return }
        recording[recording.count - 1].closureReads.append(CobraClosureRead(site: site, marks: marks, clock: clock))
    }

    /// Runs a function literal that was kept as a value, with what it captured and `arguments` for its parameters.
    private mutating func callClosure(
        _ site: CobraSite, arguments: [CobraValues], unnamed: [CobraUnnamedValue?] = []
    ) -> CobraValues {
        readClosures.insert(site)
        recordClosureRead(site, marks: true)
        guard let closure = closures[site], !runningClosures.contains(site),
            let build = builds.combine(currentBuild, fileAtoms[site.file])
        else { return [] }
        guard hasRoom(file: site.file, line: closure.literal.position.line, what: "a function literal run"),
            spendRun(file: site.file, line: closure.literal.position.line, what: "a function literal run")
        else {
            return []
        }
        guard callDepth < Self.maximumCallDepth else {
            note(
                "calls nest more than \(Self.maximumCallDepth) deep here; what the function literal run here adds "
                    + "is not in the surface", file: site.file, line: closure.literal.position.line)
            return []
        }
        let outerBuild = currentBuild
        currentBuild = build
        defer { currentBuild = outerBuild }
        runningClosures.insert(site)
        ranClosures.insert(site)
        callDepth += 1
        // A function literal called from where it was handed: when that runs is not known.
        unordered += 1
        bodies.append(Body(entryUndecided: undecidedBranches))
        defer {
            runningClosures.remove(site)
            callDepth -= 1
            unordered -= 1
            bodies.removeLast()
        }
        // A key marks the frame as a function's (so assignments to package names reach the globals); what the literal
        // returns is gathered in the frame, not under the key.
        var frame = Frame(key: -1, file: site.file, folder: closure.folder, locals: closure.captured)
        frame.literalReturns = []
        for (index, name) in closure.literal.parameters.enumerated() {
            guard let name else { continue }
            frame.locals.assign(index < arguments.count ? arguments[index] : [], to: name)
            // One given a value the run cannot name is that value (review R89c: `clear(<-ch)`).
            if index < unnamed.count, let value = unnamed[index] { frame.unnamed[name] = value }
        }
        execute(closure.literal.body, in: &frame)
        runDeferred(in: &frame, body: closure.literal.body)
        return frame.literalReturns ?? []
    }

    /// Runs the calls `defer` put off in `frame`, last first, each in the undecided branches of its `defer`: a deferred
    /// call runs when its function returns, after the rest of `body`. When `body` has parsed the command line by
    /// then (``parsesBeforeReturning(_:)``), what they define comes after the parse and is not what users can type:
    /// they are not run (unless one of them parses it itself).
    private mutating func runDeferred(in frame: inout Frame, body: [CobraStatement]) {
        guard !frame.deferred.isEmpty else { return }
        let calls = frame.deferred
        frame.deferred = []
        if parsesBeforeReturning(body, in: frame.file),
            !calls.contains(where: { Self.containsParse($0.call, sites: nil, file: frame.file) })
        {
            return
        }
        (frame.ended, frame.skipping, frame.breaking, frame.filterUndecided) = (false, false, false, false)
        let outer = undecidedBranches
        unordered += 1
        for deferred in calls.reversed() {
            undecidedBranches = deferred.undecided
            // The names of a block that has ended hold, for the call, what they held when the block ended.
            let outside = deferred.bindings.map { (name: $0.name, values: frame.locals[$0.name]) }
            for binding in deferred.bindings { frame.locals.assign(binding.values, to: binding.name) }
            _ = evaluate(deferred.call, in: &frame)
            for binding in outside.reversed() {
                if let values = binding.values {
                    frame.locals.assign(values, to: binding.name)
                } else {
                    frame.locals.remove(binding.name)
                }
            }
        }
        unordered -= 1
        undecidedBranches = outer
    }

    /// Whether `body` certainly parses the command line before it returns: one of its statements, run on every path
    /// (not in a branch, loop or function literal, not after a statement that may return or jump), calls
    /// `Execute` on a command (``parsingCalls``).
    private func parsesBeforeReturning(_ body: [CobraStatement], in file: Int) -> Bool {
        for statement in body {
            switch statement {
            case .expression(let expression):
                if Self.containsParse(expression, sites: parsingCalls, file: file) { return true }
            case .deferred:
                continue
            case .assign(_, _, let sources, _), .declare(_, _, let sources):
                if sources.contains(where: { Self.containsParse($0, sites: parsingCalls, file: file) }) {
                    return true
                }
            case .block(let inner):
                if parsesBeforeReturning(inner, in: file) { return true }
                if Self.mayLeave(inner) { return false }
            case .conditional(let header, let condition, let then, let otherwise):
                if parsesBeforeReturning(header, in: file) { return true }
                if Self.mayLeave(header) { return false }
                if let condition, Self.containsParse(condition, sites: parsingCalls, file: file) {
                    return true
                }
                if Self.mayLeave(then) || Self.mayLeave(otherwise) { return false }
            case .return, .jump, .label, .leave:
                return false
            case .range(_, let collection, let inner):
                if Self.containsParse(collection, sites: parsingCalls, file: file) { return true }
                if Self.mayLeave(inner) { return false }
            case .loop(let header, let inner):
                if parsesBeforeReturning(header, in: file) { return true }
                if Self.mayLeave(header) || Self.mayLeave(inner) { return false }
            case .switchCases(let tag, let clauses):
                // The tag is evaluated on every path; a clause's cases and body only in some runs.
                if let tag, Self.containsParse(tag, sites: parsingCalls, file: file) { return true }
                if clauses.contains(where: { Self.mayLeave($0.body) }) { return false }
            case .typeSwitch(let subject, let clauses):
                if Self.containsParse(subject, sites: parsingCalls, file: file) { return true }
                if clauses.contains(where: { Self.mayLeave($0.body) }) { return false }
            case .continueRange, .breakRange:
                return false
            }
        }
        return false
    }

    /// Whether statements may return or jump (a `return`, `goto` or label in them, outside function literals).
    private static func mayLeave(_ statements: [CobraStatement]) -> Bool {
        statements.contains { statement in
            switch statement {
            case .return, .jump, .label, .leave: return true
            case .block(let inner), .range(_, _, let inner): return mayLeave(inner)
            case .loop(let header, let inner): return mayLeave(header) || mayLeave(inner)
            case .switchCases(_, let clauses), .typeSwitch(_, let clauses): return clauses.contains { mayLeave($0.body) }
            case .conditional(let header, _, let then, let otherwise):
                return mayLeave(header) || mayLeave(then) || mayLeave(otherwise)
            case .expression, .assign, .declare, .deferred, .continueRange, .breakRange: return false
            }
        }
    }

    /// Whether `method` with `arguments` arguments is cobra's `Execute`, `ExecuteC` (none), `ExecuteContext` or
    /// `ExecuteContextC` (a context).
    private static func parsesCommandLine(_ method: CobraName, arguments: Int) -> Bool {
        switch method {
        case CobraKnown.execute.id, CobraKnown.executeC.id: return arguments == 0
        case CobraKnown.executeContext.id, CobraKnown.executeContextC.id: return arguments == 1
        default: return false
        }
    }

    /// Whether `expression` calls such a method where it is certainly evaluated: a call in `sites`, not in the right
    /// side of `&&` or `||` nor in a function literal. With `sites` nil, whether it calls a method of that name
    /// anywhere, function literals included.
    private static func containsParse(_ expression: CobraExpr, sites: Set<CobraSite>?, file: Int) -> Bool {
        func walk(_ expression: CobraExpr) -> Bool {
            switch expression {
            case .call(let callee, let arguments, let position):
                if case .selector(_, let method, _) = callee, parsesCommandLine(method, arguments: arguments.count),
                    sites?.contains(CobraSite(file: file, offset: position.offset)) ?? true
                {
                    return true
                }
                return walk(callee) || arguments.contains(where: walk)
            case .selector(let base, _, _): return walk(base)
            case .unary(_, let operand): return walk(operand)
            case .binary(.and, let left, let right), .binary(.or, let left, let right):
                return walk(left) || (sites == nil && walk(right))
            case .binary(_, let left, let right): return walk(left) || walk(right)
            case .index(let base, let indices): return walk(base) || indices.contains(where: walk)
            case .composite(_, let elements, _):
                return elements.contains { ($0.key.map(walk) ?? false) || walk($0.value) }
            case .function(let literal): return sites == nil && literal.body.contains(where: walkStatement)
            case .name, .string, .opaque: return false
            }
        }
        func walkStatement(_ statement: CobraStatement) -> Bool {
            switch statement {
            case .expression(let expression), .deferred(let expression): return walk(expression)
            case .assign(let targets, _, let sources, _): return (targets + sources).contains(where: walk)
            case .declare(_, _, let sources): return sources.contains(where: walk)
            case .return(let results): return results.contains(where: walk)
            case .range(let targets, let collection, let body):
                return (targets + [collection]).contains(where: walk) || body.contains(where: walkStatement)
            case .block(let body): return body.contains(where: walkStatement)
            case .loop(let header, let body): return (header + body).contains(where: walkStatement)
            case .switchCases(let tag, let clauses):
                return (tag.map(walk) ?? false)
                    || clauses.contains { ($0.cases ?? []).contains(where: walk) || $0.body.contains(where: walkStatement) }
            case .typeSwitch(let subject, let clauses):
                return walk(subject) || clauses.contains { $0.body.contains(where: walkStatement) }
            case .conditional(let header, let condition, let then, let otherwise):
                return (condition.map(walk) ?? false) || (header + then + otherwise).contains(where: walkStatement)
            case .continueRange, .breakRange, .jump, .label, .leave: return false
            }
        }
        return walk(expression)
    }

    /// Calls `key` and the other definitions of it for other builds (``Declared/alternates``), each in the builds its
    /// file is for.
    private mutating func call(
        _ key: CobraFunctionID, arguments values: [CobraValues], receiver: CobraValues = [], certain: UInt64 = 0,
        caller: CobraSite? = nil, unnamed: Unnamed = Unnamed()
    ) -> CobraValues {
        guard let others = declared.alternates[key] else {
            return callDefinition(
                key, arguments: values, receiver: receiver, certain: certain, caller: caller, unnamed: unnamed)
        }
        var result = callDefinition(
            key, arguments: values, receiver: receiver, certain: certain, caller: caller, unnamed: unnamed)
        for other in others {
            result.formUnion(
                callDefinition(
                    other, arguments: values, receiver: receiver, certain: certain, caller: caller, unnamed: unnamed))
        }
        return result
    }

    /// What of a call is a value the run cannot name (``CallKey/unnamedReceiver``, ``CallKey/unnamedArguments``).
    private struct Unnamed {
        var receiver: CobraUnnamedValue?
        var arguments: [CobraUnnamedValue?] = []
    }

    /// Whether function `key` is a constructor: no receiver, and its body is one `return` of a composite literal of a
    /// named type (or its address), which makes a fresh object at each call (trivy's `NewReportFlagGroup()`). Each
    /// call site of it makes objects of its own (``CallKey/caller``): what one command's code gives a field of the
    /// object it got (`group.ExitOnEOL = nil`) is not what another's holds.
    private mutating func isConstructor(_ key: CobraFunctionID) -> Bool {
        if let known = constructors[key] { return known }
        let declaration = declared.list[Int(key)]
        var answer = false
        if files[declaration.file].functions[declaration.index].receiver == nil {
            let body = sources[declaration.file].body(of: declaration.index)
            if body.count == 1, case .return(let results) = body[0], results.count == 1,
                case .composite(let type?, _, _) = Self.withoutAddress(results[0]), let name = type.name,
                !type.isCollection, !type.isCobraCommand,
                let fields = declared.structs[runName(name, in: declaration.file)]
            {
                // Only where it matters: a type some field of which a file read sets to nil or swaps (the calls of other
                // constructors stay one object each, as they cost a run each).
                answer = fields.keys.contains { inOrderFieldNames.contains(numbering.table.names[Int($0)]) }
            }
        }
        constructors[key] = answer
        return answer
    }

    private mutating func callDefinition(
        _ key: CobraFunctionID, arguments values: [CobraValues], receiver: CobraValues = [], certain: UInt64 = 0,
        caller: CobraSite? = nil, unnamed: Unnamed = Unnamed()
    ) -> CobraValues {
        let declaration = declared.list[Int(key)]
        // Not in a build the caller runs in (the Windows definition of a helper, called from Linux code).
        guard let build = builds.combine(currentBuild, fileAtoms[declaration.file]) else { return [] }
        if files[declaration.file].functions[declaration.index].declaration.body == nil {
            // Declared without a body (written in assembly, or `go:linkname`ed): what it does is not seen (review R22).
            for value in values + [receiver] { escaped(value) }
        }
        let count = declaration.parameterCount
        // A certain argument binds a parameter of its own: not past the parameters, nor a variadic one's, and only
        // when the parameters are the declaration's (one each, named: none left out as `_`).
        let receiverCertain = certain & Self.certainReceiver
        var certain = values.count == count && count < 63 ? certain & ((1 << UInt64(count)) - 1) : 0
        if certain != 0 {
            let signature = files[declaration.file].functions[declaration.index].declaration.signature
            if signature.parameters.count != count || signature.parameters.contains(where: \.variadic) { certain = 0 }
        }
        certain |= receiverCertain
        var stored = values
        if values.count != count {
            stored = Array(values.prefix(count)) + Array(repeating: [], count: max(0, count - values.count))
            // A variadic parameter takes every remaining argument.
            if values.count > count, count > 0 {
                stored[count - 1].formUnion(Self.union(Array(values[count...])))
            }
        }
        var unnamedArguments: [CobraUnnamedValue?] = []
        if unnamed.arguments.contains(where: { $0 != nil }) {
            unnamedArguments = Array(unnamed.arguments.prefix(count))
            unnamedArguments += Array(repeating: nil, count: max(0, count - unnamedArguments.count))
        }
        let call = callIndex(
            CallKey(
                function: key, arguments: stored, receiver: receiver, build: build, certain: certain,
                caller: caller.flatMap { isConstructor(key) ? $0 : nil }, unnamedReceiver: unnamed.receiver,
                unnamedArguments: unnamedArguments))
        noteReach(call)
        let (undecided, depth, outOfOrder) = (undecidedBranches, callDepth, unordered)
        let running = runningClosures.isEmpty ? [] : runningClosures.sorted()
        // By index: `recording.last` would copy the record (and retain each of its arrays) for two counts.
        let before =
            recording.isEmpty
            ? (0, 0, 0)
            : (
                recording[recording.count - 1].reads.count, recording[recording.count - 1].closureReads.count,
                recording[recording.count - 1].made.count
            )
        defer {
            if !recording.isEmpty {
                recording[recording.count - 1].calls.append(
                    CobraSubcall(
                        call: call, undecided: undecided, unordered: outOfOrder, depth: depth, running: running, reads: before.0,
                        closureReads: before.1, made: before.2, clock: clock))
            }
        }
        let tooDeep = depth >= Self.maximumCallDepth
        let noRoom = !tooDeep && callStates[Int(call)].ranInPass != pass && !hasRoom(calling: key)
        if callStates[Int(call)].ranInPass != pass && tooDeep
            && (Self.handsOver(values + [receiver]) || holdsCommand(values + [receiver]))
        {
            // Given a command or flag set, or an object that holds one (a method of `T{cmd}`).
            noteNotFollowed(key)
        }
        if callStates[Int(call)].ranInPass == pass || tooDeep || noRoom {
            // What a call still running (recursion) or not run (too deep) returns may grow later in this pass. The
            // result read after the body ran cannot: only the call's own frame adds to it, once a pass.
            callStates[Int(call)].readInPass = pass
            // A call the record of the body running made, where that record stood for the body up to it
            // (``resume``): the body reaches it for the first time, as Go does once; not again.
            if bodiesResumed.isEmpty || bodiesResumed[bodiesResumed.count - 1].remove(call) == nil {
                reachedAgain(call)
            }
            if depth < Self.maximumCallDepth, !callStates[Int(call)].active, readsOtherwise(call),
                spendRun(calling: key)
            {
                // What it read is not what an assignment in order gave a field since (or the other way): Go runs it
                // again here and gets what it returns now (review R36: `Flags()` of a group before and after
                // `group.Format = nil`). What it returned before is kept for every other read.
                let before = callStates[Int(call)].returned
                callStates[Int(call)].returned = []
                ran(call)
                runBody(call, depth: depth, running: running)
                let now = callStates[Int(call)].returned
                callStates[Int(call)].returned = before.union(now)
                return now
            }
            // Its run in this entry point's order read what an assignment in order gave a field, and nothing it read
            // changed since: what that run returned, not what runs in other orders did (trivy 0.48.0).
            if callStates[Int(call)].readsReplaced, callStates[Int(call)].ranEpoch == epoch,
                !callStates[Int(call)].active
            {
                return callStates[Int(call)].returnedLastRun
            }
            return callStates[Int(call)].returned
        }
        guard spendRun(calling: key) else { return callStates[Int(call)].returned }
        callStates[Int(call)].ranInPass = pass
        ran(call)
        if !resume(call, undecided: undecided, depth: depth, running: running) {
            runBody(call, depth: depth, running: running, resumed: resumedCalls)
        }
        // A run that read what an assignment in order gave a field returns what it found here: what a run in another
        // entry point's order returned (the field as every run gave it) is kept for every other read (trivy 0.48.0:
        // `group.Parallel = nil` then `group.Flags()`, while another caller's run of `Flags()` found `--parallel`).
        if callStates[Int(call)].readsReplaced { return callStates[Int(call)].returnedLastRun }
        return callStates[Int(call)].returned
    }

    /// Notes when `call` runs (or is replayed) in this pass (``readsOtherwise(_:)``).
    private mutating func ran(_ call: Int32) {
        (callStates[Int(call)].ranEpoch, callStates[Int(call)].ranClock) = (epoch, clock)
    }

    /// Whether a call that ran in this pass read what an assignment in order gave a field when it no longer holds (in
    /// another run of an entry point), or read a field such an assignment changed since: its result may be another.
    private mutating func readsOtherwise(_ call: Int32) -> Bool {
        let state = callStates[Int(call)]
        if state.ranEpoch != epoch { return state.readsReplaced }
        guard replacedEpoch == epoch, replacedClock > state.ranClock else { return false }
        var seen: Set<Int32> = []
        return readsOtherwise(record: call, depth: 0, seen: &seen)
    }

    /// Each call's record once (calls share callees: a walk of every path would be exponential).
    private func readsOtherwise(record call: Int32, depth: Int, seen: inout Set<Int32>) -> Bool {
        guard depth < Self.maximumCallDepth, seen.insert(call).inserted, let record = callStates[Int(call)].record
        else { return false }
        for read in record.reads {
            let now = replacing(read.cell)
            if now != read.strong || (now && cells[Int(read.cell)].changedAt > read.clock) { return true }
        }
        for made in record.calls where readsOtherwise(record: made.call, depth: depth + 1, seen: &seen) {
            return true
        }
        return false
    }

    /// A call reached again in the same pass (its result is what it returned): the objects it returned stand for more
    /// than one Go value, and the assignments in order it made are made again here when this is in order too.
    private mutating func reachedAgain(_ call: Int32) {
        callsReachedAgain.insert(call)
        shared(CobraValues(callStates[Int(call)].returned.filter { value in
            guard case .object(let site, _) = value, var maker = objectMakers[site] else { return true }
            for _ in 0..<Self.maximumCallDepth {
                if maker == call { return true }
                guard let parent = callParents[maker] else { return false }
                maker = parent
            }
            return true
        }))
        if unordered == 0, undecidedBranches == 0, epoch != 0 { replaceFieldsAgain(call) }
    }

    /// Runs the body of `call` (marked as run in this pass), made when the call depth was `depth`, recording what it
    /// reads and does.
    private mutating func runBody(_ call: Int32, depth: Int, running: [CobraSite], resumed: Set<Int32> = []) {
        bodiesResumed.append(resumed)
        defer { bodiesResumed.removeLast() }
        if callParents[call] == nil, let caller = runningCalls.last { callParents[call] = caller }
        runningCalls.append(call)
        runningEntries.append(runConditions.count)
        defer {
            runningCalls.removeLast()
            runningEntries.removeLast()
        }
        let key = callKeys[Int(call)].function
        let stored = callKeys[Int(call)].arguments
        let declaration = declared.list[Int(key)]
        let (file, index) = (declaration.file, declaration.index)
        let parameters = files[file].functions[index].parameters
        let receiver = files[file].functions[index].receiver
        evaluatedFunctions[Int(key)] = true
        callDepth += 1
        callStates[Int(call)].active = true
        callStates[Int(call)].returnedLastRun = []
        let outerBuild = currentBuild
        currentBuild = callKeys[Int(call)].build
        defer { currentBuild = outerBuild }
        recording.append(
            CobraCallRecord(
                function: key, undecided: undecidedBranches, depth: depth, running: running, unordered: unordered))
        var frame = Frame(key: call, file: file, folder: declaration.folder)
        callsGiven.append(parameters.isEmpty || stored.contains { !$0.isEmpty })
        defer { callsGiven.removeLast() }
        bodies.append(Body(entryUndecided: undecidedBranches))
        if let receiver, let name = receiver.name {
            let objects = callKeys[Int(call)].receiver
            // A method declared on the value runs on a copy, which the run reads as the object itself.
            if files[file].functions[index].declaration.receiver?.isPointer == false { shared(objects) }
            if let unnamed = callKeys[Int(call)].unnamedReceiver {
                // Run on a value the run cannot name (review R89c): it holds nothing the run knows, and a write
                // through it reaches what it may be (``writeThroughUnnamed``). A value receiver is a copy.
                let type = runName(receiver.type, in: file)
                let byValue = files[file].functions[index].declaration.receiver?.isPointer == false
                frame.unnamed[name] = CobraUnnamedValue(
                    type: type, copy: unnamed.copy || (byValue && declared.structs[type] != nil))
            } else {
                frame.locals.assign(
                    receiver.typeIsEmpty
                        ? [] : objects.isEmpty ? CobraValues(.instance(runName(receiver.type, in: file))) : objects,
                    to: name)
            }
        }
        let unnamedArguments = callKeys[Int(call)].unnamedArguments
        if !unnamedArguments.isEmpty {
            // A parameter given a value the run cannot name (review R89c): of the parameter's type where the program
            // names it, else of the argument's.
            let declaredTypes = files[file].functions[index].declaration.signature.parameters.filter {
                !($0.name ?? "").isEmpty
            }.map(\.type)
            for (offset, parameter) in parameters.enumerated() where offset < unnamedArguments.count {
                guard let given = unnamedArguments[offset] else { continue }
                let typed =
                    offset < declaredTypes.count ? unnamedValue(ofType: declaredTypes[offset], in: file) : given
                let value = typed.type == -1 ? given : typed
                if value.type != -2 { frame.unnamed[parameter.name] = value }
            }
        }
        for (index, parameter) in parameters.enumerated() {
            var value = stored[index]
            // Any value of the type only when nothing known is passed (a caller not followed, a value not read): what a
            // call passes is what it holds. `nil` is no value of the type: a helper called as `build(nil, ...)` here and
            // `build(parent, ...)` there attaches nothing when it is nil, not to every value of the type.
            if let instance = instance(of: parameter.type, in: file), !Self.standsForTypedValue(value) {
                value.insert(instance)
            }
            frame.locals.assign(value, to: parameter.name)
        }
        let certain = callKeys[Int(call)].certain
        if certain & Self.certainReceiver != 0, let receiver, let name = receiver.name,
            case .string(let text)? = callKeys[Int(call)].receiver.only,
            tokenBindings(of: self.text(of: name, in: file), in: key) == 0
        {
            // A receiver given a certain string (a conversion's) that the body never binds, nor calls a method on.
            frame.certain[name] = text
        }
        if certain & ~Self.certainReceiver != 0 {
            let written = parametersWritten(key)
            for (index, parameter) in parameters.enumerated()
            where certain & (1 << UInt64(index)) != 0 && !written.contains(parameter.name) {
                if case .string(let text)? = stored[index].only { frame.certain[parameter.name] = text }
            }
        }
        let body = sources[file].body(of: index)
        execute(body, in: &frame)
        runDeferred(in: &frame, body: body)
        bodies.removeLast()
        let record = recording.removeLast()
        callStates[Int(call)].replacesFields =
            !record.strong.isEmpty || record.calls.contains { callStates[Int($0.call)].replacesFields }
        callStates[Int(call)].readsReplaced =
            record.reads.contains(where: \.strong) || record.calls.contains { callStates[Int($0.call)].readsReplaced }
        callStates[Int(call)].active = false
        callStates[Int(call)].record = record
        callDepth -= 1
    }

    /// Does what running `call` (marked as run in this pass) in the context given would do, from the record of its
    /// last run (``CobraCallRecord``), as far as that run read what the state holds now: the marks of its reads, its
    /// notes, and the calls it made, each resumed in turn or, when it cannot be, run there in the context the record
    /// gives. True when the record stood for the whole run; false when something read or returned differs from what
    /// the record says, and the body must run: what was done up to there is what running it would have done first.
    private mutating func resume(_ call: Int32, undecided: Int, depth: Int, running: [CobraSite]) -> Bool {
        guard let record = callStates[Int(call)].record, record.undecided == undecided, record.depth == depth,
            record.running == running, record.unordered == unordered
        else { return false }
        var strong = 0
        var reads = 0
        var closureReads = 0
        // The body stands for the recorded run up to each call it made, for a call that must run again in its place.
        bodies.append(Body(entryUndecided: record.undecided))
        defer { bodies.removeLast() }
        var madeCount = 0
        for (offset, made) in record.calls.enumerated() {
            // The assignments in order the run made before this call, each after the reads before it.
            while strong < record.strong.count, record.strong[strong].calls <= offset {
                guard
                    mark(
                        record, reads: &reads, upTo: max(reads, record.strong[strong].reads),
                        closureReads: &closureReads, upTo: closureReads)
                else { return resumeFailed(record, made: offset) }
                replaceField(record.strong[strong])
                strong += 1
            }
            guard mark(record, reads: &reads, upTo: made.reads, closureReads: &closureReads, upTo: made.closureReads)
            else { return resumeFailed(record, made: offset) }
            for thing in record.made[madeCount..<made.made] { bodies[bodies.count - 1].made.insert(thing) }
            madeCount = made.made
            let context = (undecidedBranches, callDepth, runningClosures, unordered)
            (undecidedBranches, unordered) = (made.undecided, made.unordered)
            let noRoom =
                callStates[Int(made.call)].ranInPass != pass && made.depth < Self.maximumCallDepth
                && !hasRoom(calling: callKeys[Int(made.call)].function)
            if callStates[Int(made.call)].ranInPass == pass || made.depth >= Self.maximumCallDepth || noRoom {
                callStates[Int(made.call)].readInPass = pass
                reachedAgain(made.call)
            } else {
                callStates[Int(made.call)].ranInPass = pass
                ran(made.call)
                if !resume(made.call, undecided: made.undecided, depth: made.depth, running: made.running) {
                    (callDepth, runningClosures) = (made.depth, Set(made.running))
                    runBody(made.call, depth: made.depth, running: made.running, resumed: resumedCalls)
                }
            }
            (undecidedBranches, callDepth, runningClosures, unordered) = context
            if callStates[Int(made.call)].changedAt > made.clock { return resumeFailed(record, made: offset + 1) }
        }
        while strong < record.strong.count {
            guard
                mark(
                    record, reads: &reads, upTo: max(reads, record.strong[strong].reads), closureReads: &closureReads,
                    upTo: closureReads)
            else { return resumeFailed(record, made: record.calls.count) }
            replaceField(record.strong[strong])
            strong += 1
        }
        guard
            mark(
                record, reads: &reads, upTo: record.reads.count, closureReads: &closureReads,
                upTo: record.closureReads.count)
        else { return resumeFailed(record, made: record.calls.count) }
        evaluatedFunctions[Int(record.function)] = true
        for note in record.notes {
            notes[note.key] = note.text
            if note.leavesOut { incomplete = true }
        }
        for missing in record.missingChildren { missingChildren[missing.site, default: []].insert(missing.child) }
        entryVerdictsThisPass.formUnion(record.verdicts)
        return true
    }

    /// Notes the calls the record stood for before `resume` failed (the first `made` of `record`'s), for the body
    /// run in its place (``bodiesResumed``); false.
    private mutating func resumeFailed(_ record: CobraCallRecord, made: Int) -> Bool {
        resumedCalls = Set(record.calls.prefix(made).map(\.call))
        return false
    }

    /// Marks the reads of `record` from `reads` up to `readsEnd` (and its closure reads likewise) as read in this
    /// pass, when none of them changed since the record was made; false, marking none, when one did.
    private mutating func mark(
        _ record: CobraCallRecord, reads: inout Int, upTo readsEnd: Int, closureReads: inout Int,
        upTo closureReadsEnd: Int
    ) -> Bool {
        for read in record.reads[reads..<readsEnd]
        where cells[Int(read.cell)].changedAt > read.clock || replacing(read.cell) != read.strong {
            return false
        }
        for read in record.closureReads[closureReads..<closureReadsEnd]
        where (closures[read.site]?.changedAt ?? 0) > read.clock {
            return false
        }
        for read in record.reads[reads..<readsEnd] { cells[Int(read.cell)].readInPass = pass }
        for read in record.closureReads[closureReads..<closureReadsEnd] where read.marks {
            readClosures.insert(read.site)
        }
        (reads, closureReads) = (readsEnd, closureReadsEnd)
        return true
    }

    /// ``Declared/methodOrPromoted(_:of:preferring:)``, remembered for the run.
    private mutating func methodOrPromoted(_ name: CobraName, of type: CobraName, preferring folder: Int32)
        -> (key: CobraFunctionID, receiver: CobraName)?
    {
        let query = MethodQuery(name: name, type: type, folder: folder)
        if let known = methodsFound[query] { return known }
        let found = declared.methodOrPromoted(name, of: type, preferring: folder)
        methodsFound[query] = .some(found)
        return found
    }

    /// An instance of `type` (of `file`) when it is one of the program's types.
    private mutating func instance(of type: CobraTypeRef, in file: Int) -> CobraValue? {
        guard type.isProgramType, let name = type.name else { return nil }
        return .instance(runName(name, in: file))
    }

    // MARK: Objects of the program's types

    private static func isObject(_ value: CobraValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    /// Whether `values`, passed for a parameter of one of the program's types, say what it holds: an object, an
    /// instance or `nil`. Empty (unknown) does not; nor does a string or other value alone, passed for a named type of
    /// the program (`type Verb string`), whose methods run only on any value of the type.
    private static func standsForTypedValue(_ values: CobraValues) -> Bool {
        values.contains { value in
            switch value {
            case .object, .instance, .nilValue: return true
            default: return false
            }
        }
    }

    /// The program's type of an instance or object, nil for other values.
    private static func programType(of value: CobraValue) -> CobraName? {
        switch value {
        case .instance(let type), .object(_, let type): return type
        default: return nil
        }
    }

    /// The cell of `field` of the object made at `site`, made when absent.
    /// The program type of every value of `values` that has one, when they have one type and there is one such value.
    private static func onlyProgramType(of values: CobraValues) -> CobraName? {
        var found: CobraName?
        for value in values {
            guard let type = programType(of: value) else { continue }
            if found != nil, found != type { return nil }
            found = type
        }
        return found
    }

    private mutating func objectFieldCell(_ site: CobraSite, _ field: CobraName) -> Int32 {
        let key = CobraObjectField(site: site, field: field)
        if let index = objectFields[key] { return index }
        let index = Int32(cells.count)
        cells.append(Cell())
        objectFields[key] = index
        return index
    }

    /// What field `field` of `object` (an instance or object) holds: for an instance, what any value of its type was
    /// given; for an object, what it was given and what values of its type whose origin is not known were given, with
    /// what the objects it reads through hold (``objectFieldReads(_:_:_:)``).
    private mutating func readField(of object: CobraValue, _ field: CobraName) -> CobraValues {
        switch object {
        case .instance(let type):
            return read(fieldCell(scoped(type, field))) ?? []
        case .object(let site, let type):
            if !unnamedWrites.isEmpty, let values = writtenThroughUnnamed(site, type, field) { return values }
            return objectFieldReads(site, type, field)
        default:
            return []
        }
    }

    /// What `field` of the object at `site` holds, read through copies and taken places: its own cell and its type's
    /// cell of values whose origin is not known; for a copy a loop made, what its origin holds (but for the fields the
    /// loop gave it first, or an assignment in order gave it since: ``replaceField``); and what the values written
    /// where it was held hold (``placeTakenBy``), and theirs in turn (a value not followed, unknown or no object, reads
    /// as any value of the type of the object whose place it took).
    ///
    /// One pass over the objects reached: each object read (the first, and the origin of each copy reached) once, and
    /// the places each took followed once. Following them one call inside another went round every path again, and
    /// a copy whose origin took the copy's place came back to where it started: a read that comes back to an object
    /// already read adds nothing new (syft's audit overflowed the stack at 95bfbcb, then cost 124 s instead of 26 s).
    ///
    /// Each object of the taken closures is read once, too, however many of the objects reached lead to it: the
    /// elements of one list each lead to every other (argo-cd's `Sources[i]` copies, minikube's `cfg.Nodes[i] =
    /// *node`), and reading the whole closure again for each of them kept the square of their number of reads in the
    /// record of the call (argo-cd: 11 million reads within the step limit at HEAD; review R105). A second read of a
    /// cell within one read of a field sees the same values at the same clock, so the record loses nothing.
    private mutating func objectFieldReads(_ site: CobraSite, _ type: CobraName, _ field: CobraName) -> CobraValues {
        var values = CobraValues()
        var reading: Set<CobraSite> = [site]
        var pending: [(site: CobraSite, type: CobraName)] = [(site, type)]
        var instanceTypes: Set<CobraName> = []
        // The objects of taken closures read so far, each with the object whose closure walk read it first.
        var walkedFrom: [CobraSite: (site: CobraSite, type: CobraName)] = [:]
        // The cells read so far: objects of one type share the cell of values of that type whose origin is not known.
        var cellsRead: Set<Int32> = []
        func readOnce(_ cell: Int32) {
            guard cellsRead.insert(cell).inserted else { return }
            values.formUnion(read(cell) ?? [])
        }
        func follow(_ origin: CobraValue) {
            switch origin {
            case .object(let other, let otherType):
                if reading.insert(other).inserted { pending.append((other, otherType)) }
            case .instance(let otherType):
                instanceTypes.insert(otherType)
            default:
                break
            }
        }
        while let next = pending.popLast() {
            spendSteps(1)
            let own = objectFieldCell(next.site, field)
            readOnce(own)
            readOnce(Self.cell(scoped(next.type, field), in: &unknownOriginFields, cells: &cells))
            // A copy a loop made holds what its element held, but for the fields the loop gave it first (or an
            // assignment in order gave it since: ``replaceField``).
            if let copy = copyOrigins[next.site], !copy.given.contains(field), !replacing(own) { follow(copy.origin) }
            guard placeTakenBy[next.site] != nil else { continue }
            // What `field` holds in the values written where this object was held, and in theirs in turn.
            let closure = takenClosure(of: next.site)
            if closure.anyValue { instanceTypes.insert(next.type) }
            // An object a walk read leads only to what that walk read and to where the walk began: only that one may
            // be new here.
            let walk =
                walkedFrom[next.site].map { start in closure.sites.contains(start.site) ? [start] : [] }
                ?? closure.objects
            for (other, otherType) in walk {
                // What walking an object read before costs is a step: the reads it would repeat are no longer counted.
                guard walkedFrom[other] == nil else {
                    spendSteps(1)
                    continue
                }
                walkedFrom[other] = walkedFrom[next.site] ?? next
                readOnce(objectFieldCell(other, field))
                readOnce(Self.cell(scoped(otherType, field), in: &unknownOriginFields, cells: &cells))
                if let copy = copyOrigins[other], !copy.given.contains(field) { follow(copy.origin) }
            }
        }
        for instanceType in instanceTypes.sorted() {
            readOnce(fieldCell(scoped(instanceType, field)))
        }
        return values
    }

    /// The objects whose places lead from `site`'s (``takenClosures``).
    private mutating func takenClosure(of site: CobraSite) -> TakenClosure {
        if let known = takenClosures[site] { return known }
        var closure = TakenClosure()
        var seen: Set<CobraSite> = [site]
        var places = [site]
        while let place = places.popLast() {
            for value in placeTakenBy[place] ?? [] {
                guard case .object(let other, let otherType) = value else {
                    if value != .nilValue { closure.anyValue = true }
                    continue
                }
                guard seen.insert(other).inserted else { continue }
                closure.objects.append((other, otherType))
                closure.sites.insert(other)
                if placeTakenBy[other] != nil { places.append(other) }
            }
        }
        if takenClosureObjects + closure.objects.count <= Self.maximumTakenClosureObjects {
            takenClosureObjects += closure.objects.count
            takenClosures[site] = closure
        }
        return closure
    }

    /// Notes that `values` were written into the array whose elements were `old` (``placeTakenBy``): the objects of
    /// `old` held by value (not made by `&T{...}`) are read with them from now; a value not followed (`values` empty)
    /// as any value of the type. A new link makes the pass run again, and the calls that read the old object's
    /// fields run again (their records hold its cells alone).
    private mutating func tookPlace(of old: CobraValues, _ values: CobraValues) {
        for case .object(let site, let type) in old where !pointerObjects.contains(site) {
            let known = placeTakenBy[site] ?? []
            var added = values.isEmpty ? CobraValues(.instance(type)) : values
            added = CobraValues(added.filter { $0 != .object(site, type) && $0 != .nilValue && !known.contains($0) })
            guard !added.isEmpty else { continue }
            placeTakenBy[site, default: []].formUnion(added)
            takenClosures.removeAll()
            takenClosureObjects = 0
            clock += 1
            for field in declared.structs[type].map({ Array($0.keys) }) ?? [] {
                cells[Int(objectFieldCell(site, field))].changedAt = clock
            }
            changed = true
            changedAfterRead = true
        }
    }

    /// For `object.field` where `object` is an object and `field` a pointer its literal leaves out (and gives every
    /// field by position nowhere): true when it is certainly nil there (nothing the files run gave it a value but
    /// nil, no code of the module gives a field of that name a value but the keys of literals the files read, and the
    /// object goes nowhere such code could replace it: ``unsetFieldsEscaped()``), false when it may be nil, nil when
    /// the literal gives it or it is not such a field.
    private mutating func unsetPointerField(
        _ object: CobraValue, _ field: CobraName, held: CobraValues, deciding: Bool
    ) -> Bool? {
        guard case .object(let site, let type) = object, declared.structs[type]?[field]?.isPointer == true,
            !positionalObjects.contains(site), objectKeys[site]?.contains(field) == false
        else { return nil }
        guard deciding, literalListsDecide, held.allSatisfy({ $0 == .nilValue }), onlyGivenByLiterals(field) else {
            return false
        }
        unsetFieldsRead[CobraObjectField(site: site, field: field)] = type
        decidedObjects.insert(site)
        return true
    }

    /// For `object.field` where `object` is an object whose literal gives `field`, a pointer: true when it holds what
    /// the run gave it alone (`held`, objects and nil), not also any value of its type (a flag group's field read as
    /// every group's): no file not read gives a field of that name a value, every statement of the files read that
    /// may (for the object's type) is one the run made (checked once the run is over: ``givenFieldsUnrun()``), and
    /// the object goes nowhere code not read or not run could change it (``unsetFieldsEscaped()``).
    private mutating func givenPointerField(_ object: CobraValue, _ field: CobraName, held: CobraValues) -> Bool {
        guard literalListsDecide, case .object(let site, let type) = object,
            declared.structs[type]?[field]?.isPointer == true, !positionalObjects.contains(site),
            objectKeys[site]?.contains(field) == true, held.contains(where: Self.isObject),
            held.allSatisfy({ value in
                // Objects of a type that lists its own fields (a flag group): elsewhere the reading costs a second run
                // when the object escapes, for nothing the surface uses.
                if case .object(_, let heldType) = value { return listsOwnFields(heldType) }
                return value == .nilValue
            })
        else { return false }
        let typed = CobraTypedField(type: numbering.table.names[Int(type)], field: numbering.table.names[Int(field)])
        guard !instanceFields.contains(typed), fieldsWrittenNotRead.map({ !$0(typed.field) }) == true,
            fieldWritesAllMade(typed)
        else {
            return false
        }
        givenFieldReads.insert(typed)
        givenFieldsRead[CobraObjectField(site: site, field: field)] = type
        return true
    }

    /// The fields read as holding what the run gave them alone (``givenPointerField(_:_:held:)``) that a statement of
    /// the files read the run did not make may give a value (code not run, or spelled twice on a line): read again
    /// keeping any value of the type there (``instanceFields``). Empty when there is none.
    mutating func givenFieldsUnrun() -> Set<CobraTypedField> {
        guard !givenFieldReads.isEmpty else { return [] }
        // An object that escaped: none holds only what the run gave it.
        return givenFieldsEscaped() ? givenFieldReads : []
    }

    /// Whether every statement of the files read that may give `typed`'s field a value (for its type) was made by
    /// the run so far (its values are in the cells, which keep what every pass gave them): a statement made later
    /// (another command's constructor) leaves the field read as any value of its type at this read.
    private mutating func fieldWritesAllMade(_ typed: CobraTypedField) -> Bool {
        for statement in fieldStatements[typed.field] ?? [] where statement.type == nil || statement.type == typed.type {
            guard statement.count == 1, statement.line >= 0,
                fieldWritesRun.contains(CobraNilRun(file: statement.file, line: statement.line, field: typed.field))
            else { return false }
        }
        return true
    }

    /// Whether `type` has a method whose body is one `return` of a list literal of its receiver's fields (`func (g
    /// *Group) Flags() []Flagger { return []Flagger{g.A, g.B} }`, ``fieldListNil(_:in:)``).
    private mutating func listsOwnFields(_ type: CobraName) -> Bool {
        if let known = fieldListers[type] { return known }
        var answer = false
        for (key, function) in declared.methods where key >> 32 == Int64(type) {
            let declaration = declared.list[Int(function)]
            guard let receiver = files[declaration.file].functions[declaration.index].receiver?.name else { continue }
            let body = sources[declaration.file].body(of: declaration.index)
            guard body.count == 1, case .return(let results) = body[0], results.count == 1,
                case .composite(let listType?, let elements, _) = results[0], listType.isCollection, !elements.isEmpty
            else { continue }
            if elements.allSatisfy({ element in
                if element.key == nil, case .selector(.name(receiver), _, _) = element.value { return true }
                return false
            }) {
                answer = true
                break
            }
        }
        fieldListers[type] = answer
        return answer
    }

    /// The statements of the files read that may give a field a value, by field name.
    private lazy var fieldStatements: [String: [(file: Int, line: Int, type: String?, count: Int)]] = {
        var byField: [String: [(file: Int, line: Int, type: String?, count: Int)]] = [:]
        for (file, source) in sources.enumerated() {
            for (statement, count) in source.fieldWriteStatements {
                byField[statement.field, default: []].append((file, statement.line, statement.type, count))
            }
        }
        return byField
    }()

    /// Whether no Go code of the module gives field `field` a value other than `nil` but by the keys of literals in
    /// the files read (``CobraFieldWrites``): by the tokens, whether the code runs or not.
    private mutating func onlyGivenByLiterals(_ field: CobraName) -> Bool {
        if let known = fieldsOnlyByLiterals[field] { return known }
        let text = numbering.table.names[Int(field)]
        let only = !fieldsWrittenRead.contains(text) && fieldsWrittenNotRead.map { !$0(text) } == true
        fieldsOnlyByLiterals[field] = only
        return only
    }

    /// Whether an object some unset pointer field was read as nil of (``unsetPointerField``) may have had that field
    /// given by what the run found afterwards, or went where code not read or not run could replace it: the field
    /// holds more than nil, the object was replaced whole (`*p = T{...}`), it is held by a package-level name or a
    /// field (code not read may reach it there), it was written where the run does not follow it (``escapedObjects``),
    /// or a function literal that captured it may run before the registration (handed to a call not read, not run).
    /// A file read that sends on a channel or assigns to more than a name in a `select` case makes every object
    /// escaped (the interpreter does not follow channels). (Handed to a call not read itself:
    /// ``listsDecidedOnHandedObjects()``.) The surface is then read again without such decisions.
    mutating func unsetFieldsEscaped() -> Bool { objectsEscaped(unset: true) }

    /// Whether an object a pointer field was read of as holding what the run gave it alone
    /// (``givenPointerField(_:_:held:)``) was replaced whole or went where code not read or not run could give the
    /// field another value, as for ``unsetFieldsEscaped()``.
    mutating func givenFieldsEscaped() -> Bool { objectsEscaped(unset: false) }

    private mutating func objectsEscaped(unset: Bool) -> Bool {
        let reads = unset ? unsetFieldsRead : givenFieldsRead
        guard !reads.isEmpty else { return false }
        let hookCalls = self.hookCalls
        if escapedObjects.count >= Self.maximumHandedObjects || handedObjects.count >= Self.maximumHandedObjects
            || hookCalls.sendsInSelectCase()
            || hookCalls.selectAssignsPlace()
        {
            return true
        }
        var sites: Set<CobraSite> = []
        for (key, type) in reads.sorted(by: { $0.key.site < $1.key.site }) {
            let object = CobraValue.object(key.site, type)
            if replacedObjects.contains(object) { return true }
            if unset, readField(of: object, key.field).contains(where: { $0 != .nilValue }) { return true }
            sites.insert(key.site)
        }
        // A function literal the run did not execute may run before the object's fields are read (sent on a channel and
        // called), except one written as a command's field, which cobra calls when the command runs, unless a hook may
        // run while the tree is built: a hook call other than the one that runs a finished tree, a hook field read as
        // a value (`h := c.PreRun`), or a command that code not read or such a literal may reach (handed to a call not
        // read, held by a package-level name or a field: `c.PreRun(c, nil)` there, review R22).
        let hooksCalled = commandHooksCalled || commandsHanded || hookCalls.mayRunWhileBuilding()
            || hookCalls.readsHookField()
        var captures: [CobraSite: [CobraValues]] = [:]
        for site in closures.keys where !ranClosures.contains(site) || handedClosures.contains(site) {
            guard let closure = closures[site] else { continue }
            let mentioned = namesMentioned(inLiteralAt: site)
            captures[site] = closure.captured.compactMap { name, values in
                mentioned?.contains(text(of: name, in: site.file)) ?? true ? values : nil
            }
        }
        if handedClosures.contains(where: { closures[$0] == nil }) { return true }
        let (escapes, reachesCommand) = unsetFieldsReached(sites, captures: captures, hooksCalled: hooksCalled)
        if escapes { return true }
        return !hooksCalled && reachesCommand && unsetFieldsReached(sites, captures: captures, hooksCalled: true).escapes
    }

    /// Whether code not read or not run may reach one of the objects `sites` (``unsetFieldsEscaped()``), and whether
    /// it may reach a command: what package-level names hold (also another package's, `opts.Current = kit`), what
    /// values of unknown origin were given, what was written where the run does not follow it, what the function
    /// literals that may run early captured (`captures`, of those not run: all but a command's field's unless
    /// `hooksCalled`), and what the fields of those hold, at any depth.
    private func unsetFieldsReached(
        _ sites: Set<CobraSite>, captures: [CobraSite: [CobraValues]], hooksCalled: Bool
    ) -> (escapes: Bool, reachesCommand: Bool) {
        var reached: Set<CobraSite> = []
        var pending: [CobraSite] = []
        var reachesCommand = false
        // Also what was handed to a call not read, through the fields of any type (`pkg.Opts{K: kit}`: a type the
        // files do not declare still holds its literal's fields).
        for site in storedInPackages.union(methodValueObjects).union(escapedObjects).union(handedObjects.keys)
        where reached.insert(site).inserted {
            pending.append(site)
        }
        func reach(_ values: CobraValues?) {
            for value in values ?? [] {
                switch value {
                case .object(let site, _): if reached.insert(site).inserted { pending.append(site) }
                case .command: reachesCommand = true
                default: continue
                }
            }
        }
        for index in globals.values { reach(cells[Int(index)].values) }
        for index in unknownOriginFields.values { reach(cells[Int(index)].values) }
        for (site, values) in captures
        where handedClosures.contains(site)
            || (!ranClosures.contains(site) && (hooksCalled || !commandFieldClosures.contains(site)))
        {
            for value in values { reach(value) }
        }
        var heldBy: [CobraSite: [Int32]] = [:]
        for (key, index) in objectFields { heldBy[key.site, default: []].append(index) }
        while let site = pending.popLast() {
            if sites.contains(site) { return (true, reachesCommand) }
            for index in heldBy[site] ?? [] { reach(cells[Int(index)].values) }
        }
        return (false, reachesCommand)
    }

    /// The hook calls the files read spell (``CobraHookCalls``).
    private var hookCalls: CobraHookCalls {
        let (table, importFolders, packageFolders) = (numbering.table, importFolders, packageFolders)
        return CobraHookCalls(
            files: sources.map(\.file.go), folders: folders,
            qualifierFolders: { file, name in
                guard let id = table.number(of: name) else { return [] }
                return Set((importFolders[file][id] ?? []) + (packageFolders[id] ?? []))
            })
    }

    /// The names the function literal at `site` spells (its parameters, the names it reads and writes), by its
    /// tokens; nil when they cannot be found.
    private func namesMentioned(inLiteralAt site: CobraSite) -> Set<String>? {
        let tokens = sources[site.file].file.go.tokens
        // The literal's `func` token, then its body's braces.
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].position.offset < site.offset { low = middle + 1 } else { high = middle }
        }
        guard low < tokens.count, tokens[low].position.offset == site.offset else { return nil }
        var depth = 0
        var names: Set<String> = []
        for index in low..<tokens.count {
            let token = tokens[index]
            if token.kind == .identifier { names.insert(token.text) }
            if token.symbol == .leftBrace { depth += 1 }
            if token.symbol == .rightBrace {
                depth -= 1
                if depth == 0 { return names }
            }
        }
        return nil
    }

    /// `x.field = values` where `x` is a value the run cannot tie to an object (received from a channel, loaded from
    /// an `atomic.Value`, taken from a context: review R89): it may be any object of a struct type of the program that
    /// declares `field` and that went where the run does not follow it, so that field of each such object reads as
    /// any value of its type from now on (``writtenThroughUnnamed``). The objects whose field was read before get the
    /// pass run again.
    private mutating func writeThroughUnnamed(
        _ field: CobraName, of asserted: CobraName?, _ values: CobraValues, file: Int, line: Int
    ) {
        if typesDeclaringField.isEmpty {
            for (type, fields) in declared.structs {
                for name in fields.keys { typesDeclaringField[name, default: []].append(type) }
            }
        }
        for type in typesDeclaringField[field] ?? [] where asserted == nil || asserted == type {
            let key = scoped(type, field)
            let isNew = unnamedWrites[key] == nil
            let index = Self.cell(key, in: &unnamedWrites, cells: &cells)
            if unnamedWritePlaces[key] == nil { unnamedWritePlaces[key] = CobraPlace(file: file, line: line) }
            add(values.union([.instance(type)]), to: index)
            guard isNew else { continue }
            // The calls that read such a field before are not replayed as they were.
            clock += 1
            for (objectField, cell) in objectFields where objectField.field == field { cells[Int(cell)].changedAt = clock }
            changed = true
            changedAfterRead = true
        }
    }

    /// What `expression` is when it is a value the run cannot name (review R89) or a path of fields and elements
    /// from one (review R89b: `h.G` where `h := <-ch`): a receive from a channel (`<-ch`, the only unary operator the
    /// interpreter does not tell apart that a selector or a binding may start with: any type), a local bound to such
    /// a value (``Frame/unnamed``), a type assertion ending the line's statement or followed by the path's first field
    /// (`box.Load().(*Group)`, `ctx.Value(k).(*Holder).G`, by the tokens: the body parser drops assertions), and each
    /// step from one of these (``unnamedStep(_:_:)``). Nil otherwise (a value of another package's type is not one of
    /// the program's objects); callers ask only where the expression evaluated to nothing the run knows. `followed`:
    /// the field written through `expression` (`x.(*Group).Disk = nil`), nil where it ends the statement.
    private mutating func unnamedValue(
        of expression: CobraExpr, followedBy followed: CobraLocalName? = nil, in frame: Frame
    ) -> CobraUnnamedValue? {
        let line = Self.firstLine(of: [expression])
        // An assertion of the whole expression (`m, ok := p.Metadata.(*pkg.Entry)`, `x.(*Group).Disk = nil`) first.
        if let line,
            let asserted = assertedValue(
                onLine: line, in: frame.file, before: followed.map { text(of: $0, in: frame.file) })
        {
            return asserted
        }
        var path: [CobraLocalName?] = []
        var root = expression
        var longer = false
        while true {
            if case .selector(let base, let field, _) = root {
                path.append(field)
                root = base
            } else if case .index(let base, _) = root {
                path.append(nil)
                root = base
            } else {
                break
            }
            if path.count == Self.maximumUnnamedPath {
                longer = true
                break
            }
        }
        var value: CobraUnnamedValue
        // `*p` of such a `p` (review R89c: `p := v.(*[]*Group)`; `range *p`) is what `p` points to.
        while case .unary(.deref, let operand) = root { root = operand }
        if longer || Self.isReceive(root) {
            value = CobraUnnamedValue(type: -1, copy: false)
        } else if case .name(let name) = root, let bound = frame.unnamed[name] {
            value = bound
        } else if !path.isEmpty, let line,
            let asserted = assertedValue(
                onLine: line, in: frame.file, before: (path.last ?? nil).map { text(of: $0, in: frame.file) } ?? "")
        {
            // An assertion the path's first field follows (`ctx.Value(k).(*Holder).G`).
            value = asserted
        } else if case .call(let callee, _, _) = root, let result = resultValue(of: callee, in: frame) {
            // A call of the program's function that gave nothing the run knows (review R89c: `groups(ctx)` returning
            // `ctx.Value(k).([]*Group)`): a value of its result type.
            value = result
        } else {
            return nil
        }
        for step in path.reversed() {
            value = unnamedStep(value, step.map { runName($0, in: frame.file) })
        }
        return value
    }

    /// Whether `expression` may be a receive from a channel (`<-ch`): the only unary operator the interpreter does not
    /// tell apart that a selector or a binding may start with.
    private static func isReceive(_ expression: CobraExpr) -> Bool {
        if case .unary(.other, _) = expression { return true }
        return false
    }

    /// The value one step down a path from a value the run cannot name (``unnamedValue(of:in:)``): field `field`
    /// (nil: an element, `h.list[0]`) of `value`. A field the type declares has the field's type (any type when it is
    /// none of the program's or the type does not declare it, or when `value` has any type); a struct value field of a
    /// copy is part of the copy; what a pointer, a collection or an interface holds is shared with whatever else holds
    /// it. A field of a type the program does not name is of no type of the program either.
    private func unnamedStep(_ value: CobraUnnamedValue, _ field: CobraName?) -> CobraUnnamedValue {
        if value.collection {
            // An element in place (`hs[i]`); a collection has no fields.
            return CobraUnnamedValue(type: field == nil ? value.type : -1, copy: false)
        }
        if value.type == -2 { return value }
        guard value.type >= 0, let field, let declaredField = declared.structs[value.type]?[field] else {
            return CobraUnnamedValue(type: -1, copy: false)
        }
        if declaredField.isCollection, !declaredField.isCobraCommand {
            // A slice, array or map field (review R89c: `range b.L` of `L []*Group`): of its elements' type where the
            // program declares it (another may be an interface holding anything), copied by a `range` when they are
            // values of a named type. Shared with whatever else holds it, even in a copy of its struct.
            let element = declaredField.typeName.flatMap {
                declared.structs[$0] != nil || declared.receivers.contains($0) ? $0 : nil
            }
            let copies = declaredField.elementsCopied && element.map { declared.structs[$0] != nil } != false
            return CobraUnnamedValue(type: element ?? -1, copy: copies, collection: true)
        }
        guard let next = declared.fieldType(field, of: value.type) else { return CobraUnnamedValue(type: -1, copy: false) }
        let partOfCopy = value.copy && !declaredField.isPointer && declared.structs[next] != nil
        return CobraUnnamedValue(type: next, copy: partOfCopy)
    }

    /// `f := h.Clear` where `h` is a value the run cannot name (review R89c): Go binds the receiver here, and the
    /// method may run whenever `f` is called. It is run here, given nothing and its result dropped, for what it writes
    /// through its receiver (a write through such a value marks the field for the whole run, wherever it is).
    private mutating func methodValueOfUnnamed(_ source: CobraExpr, in frame: Frame) {
        guard case .selector(let base, let member, _) = source,
            let unnamed = unnamedValue(of: base, in: frame), unnamed.type != -2
        else { return }
        let name = runName(member, in: frame.file)
        // A field of that name is read, not a method bound.
        if unnamed.type >= 0, declared.structs[unnamed.type]?[name] != nil { return }
        for (key, receiverType) in methods(name, ofUnnamed: unnamed, folder: frame.folder) {
            let receiver = CobraUnnamedValue(type: receiverType, copy: unnamed.copy && receiverType == unnamed.type)
            let parameters = declared.list[Int(key)].parameterCount
            _ = call(key, arguments: Array(repeating: [], count: parameters), unnamed: Unnamed(receiver: receiver))
        }
    }

    /// `(*T).M(x, ...)`, a method expression of the program's type `T` (review R89c: `(*Group).Clear(<-ch)`): when
    /// `x` is a value the run cannot name, `M` runs on it as `x.M(...)` would. True when it ran.
    private mutating func methodExpressionOnUnnamed(
        _ base: CobraExpr, _ method: CobraName, _ arguments: [CobraExpr], _ values: [CobraValues],
        position: GoPosition, in frame: Frame
    ) -> Bool {
        var typeExpression = base
        var pointer = false
        while case .unary(.deref, let operand) = typeExpression {
            typeExpression = operand
            pointer = true
        }
        guard case .name(let local) = typeExpression, !frame.locals.contains(local), let first = arguments.first,
            let firstValue = values.first
        else { return false }
        let type = runName(local, in: frame.file)
        guard declared.structs[type] != nil || declared.receivers.contains(type),
            let unnamed = unnamedValue(of: first, held: firstValue, in: frame), unnamed.type != -2,
            let found = methodOrPromoted(method, of: type, preferring: frame.folder)
        else { return false }
        let rest = Array(arguments.dropFirst())
        let given = unnamedArguments(rest, Array(values.dropFirst()), in: frame)
        let receiver = CobraUnnamedValue(type: found.receiver, copy: !pointer && declared.structs[type] != nil)
        _ = call(
            found.key, arguments: Array(values.dropFirst()), caller: CobraSite(file: frame.file, offset: position.offset),
            unnamed: Unnamed(receiver: receiver, arguments: given))
        return true
    }

    /// The arguments of a call that are values the run cannot name (``unnamedValue(of:held:followedBy:in:)``), by
    /// position; empty when none is.
    private mutating func unnamedArguments(
        _ arguments: [CobraExpr], _ values: [CobraValues], in frame: Frame
    ) -> [CobraUnnamedValue?] {
        guard arguments.count == values.count else { return [] }
        var given: [CobraUnnamedValue?] = []
        var any = false
        for (argument, value) in zip(arguments, values) {
            if let unnamed = unnamedValue(of: argument, held: value, in: frame), unnamed.type != -2 {
                given.append(unnamed)
                any = true
            } else {
                given.append(nil)
            }
        }
        return any ? given : []
    }

    /// The methods named `name` a value the run cannot name may run (review R89c), each with its receiver type: its
    /// type's (or promoted to it), or for a value of any type every type's of that name.
    private mutating func methods(_ name: CobraName, ofUnnamed value: CobraUnnamedValue, folder: Int32)
        -> [(CobraFunctionID, CobraName)]
    {
        guard !value.collection else { return [] }
        if value.type >= 0 {
            guard let found = methodOrPromoted(name, of: value.type, preferring: folder) else { return [] }
            return [(found.key, found.receiver)]
        }
        if methodsByName.isEmpty {
            for (index, function) in declared.list.enumerated() where function.receiver >= 0 {
                methodsByName[function.name, default: []].append(CobraFunctionID(index))
            }
        }
        var found: [(CobraFunctionID, CobraName)] = []
        var seen: Set<CobraName> = []
        for key in methodsByName[name] ?? [] {
            let receiver = declared.list[Int(key)].receiver
            guard seen.insert(receiver).inserted, let chosen = declared.method(name, of: receiver, preferring: folder)
            else { continue }
            found.append((chosen, receiver))
        }
        return found
    }

    /// What a `range` over a value the run cannot name ranges over (review R89c): a collection's elements; the elements
    /// of a slice type of the program (copies when it holds struct values); anything else, which may be a collection
    /// of pointers (`range <-ch` of a `chan []*Group`), as elements of any type that are not copies.
    private func ranged(_ value: CobraUnnamedValue) -> CobraUnnamedValue {
        if value.collection { return value }
        if value.type >= 0, let element = declared.elementTypes[value.type] {
            let copies = declared.valueCollectionFolders[value.type] != nil && declared.structs[element] != nil
            return CobraUnnamedValue(type: element, copy: copies, collection: true)
        }
        return CobraUnnamedValue(type: -1, copy: false, collection: true)
    }

    /// A value of Go type `type`, written in `file`, that the run cannot name (review R89c): a program's struct type
    /// (a copy unless behind a pointer), a slice type of the program (of its elements), a collection of its
    /// elements; -2 for Go's basic types (no object of the program's is one); -1 (any type) otherwise: an interface,
    /// `any`, a type parameter, a channel or function, a type of a package the run does not read (it may be the
    /// module's own, and an alias of a program type: review r89c-foreign-alias).
    private func unnamedValue(ofType type: GoType, in file: Int) -> CobraUnnamedValue {
        switch type {
        case .pointer(let pointee):
            let value = unnamedValue(ofType: pointee, in: file)
            return CobraUnnamedValue(type: value.type, copy: false, collection: value.collection)
        case .named(let package, let name, _):
            // A package the run does not read may be the module's own, and its type an alias of a program type
            // (review r89c-foreign-alias: `type G = grp.Group`): any type. Telling another module's apart needs the
            // module's path and what go.mod, go.work and vendor/ make of the import.
            if let package,
                numbering.table.number(of: package).map({ importFolders[file][$0]?.isEmpty == false }) != true
            {
                return CobraUnnamedValue(type: -1, copy: false)
            }
            if let named = numbering.table.number(of: name),
                declared.structs[named] != nil || declared.receivers.contains(named)
                    || declared.elementTypes[named] != nil
            {
                if declared.elementTypes[named] != nil { return ranged(CobraUnnamedValue(type: named, copy: false)) }
                return CobraUnnamedValue(type: named, copy: declared.structs[named] != nil)
            }
            return Self.basicTypes.contains(name)
                ? CobraUnnamedValue(type: -2, copy: false) : CobraUnnamedValue(type: -1, copy: false)
        case .slice(let element), .array(_, let element), .map(_, let element):
            let value = unnamedValue(ofType: element, in: file)
            if value.collection { return CobraUnnamedValue(type: -1, copy: false, collection: true) }
            return CobraUnnamedValue(type: value.type, copy: value.copy, collection: true)
        default:
            return CobraUnnamedValue(type: -1, copy: false)
        }
    }

    /// What a call of the program's function `callee` (by name, or a package's) gives as a value the run cannot name
    /// (``unnamedValue(ofType:in:)`` of its first result, -1 where its definitions differ); nil for other callees.
    private mutating func resultValue(of callee: CobraExpr, in frame: Frame) -> CobraUnnamedValue? {
        var keys: [CobraFunctionID] = []
        switch callee {
        case .name(let name) where !frame.locals.contains(name):
            if let key = declared.function(runName(name, in: frame.file), in: frame.folder) { keys = [key] }
        case .selector(.name(let qualifier), let member, _) where isPackage(qualifier, in: frame):
            for case .function(let key) in packageMember(
                runName(qualifier, in: frame.file), runName(member, in: frame.file), file: frame.file)
            {
                keys.append(key)
            }
        default:
            return nil
        }
        var result: CobraUnnamedValue?
        for key in keys.sorted() {
            let declaration = declared.list[Int(key)]
            let signature = files[declaration.file].functions[declaration.index].declaration.signature
            guard let first = signature.results.first else { continue }
            let value = unnamedValue(ofType: first.type, in: declaration.file)
            result = result == nil || result == value ? value : CobraUnnamedValue(type: -1, copy: false)
        }
        return result
    }

    /// ``unnamedValue(of:followedBy:in:)`` where `expression` evaluated to `held`: nothing the run knows, or only
    /// values of unknown origin under a name bound to a value the run cannot name (a parameter given one).
    private mutating func unnamedValue(
        of expression: CobraExpr, held: CobraValues, followedBy followed: CobraLocalName? = nil, in frame: Frame
    ) -> CobraUnnamedValue? {
        if !held.isEmpty {
            guard !frame.unnamed.isEmpty, held.allSatisfy({ if case .instance = $0 { true } else { false } }) else {
                return nil
            }
            var root = expression
            while true {
                if case .selector(let base, _, _) = root { root = base } else if case .index(let base, _) = root {
                    root = base
                } else {
                    break
                }
            }
            guard case .name(let name) = root, frame.unnamed[name] != nil else { return nil }
        }
        return unnamedValue(of: expression, followedBy: followed, in: frame)
    }

    /// The type a type assertion on `line` of `file` asserts (``assertion(onLine:in:before:)``) as a value the run
    /// cannot name: -2 for a type the program does not name; a copy for a struct type of the program that is no
    /// pointer (`x.(pkg.Header)`: its own fields are its own, so a write to one reaches no object, syft's
    /// `header, ok := p.Metadata.(pkg.GGUFFileHeader)`; what its pointer fields point to is shared, review R89b).
    private func assertedValue(onLine line: Int, in file: Int, before field: String?) -> CobraUnnamedValue? {
        guard let (name, pointer, collection) = assertion(onLine: line, in: file, before: field) else { return nil }
        guard let type = numbering.table.number(of: name) else {
            return CobraUnnamedValue(type: -2, copy: false, collection: collection)
        }
        return CobraUnnamedValue(type: type, copy: !pointer && declared.structs[type] != nil, collection: collection)
    }

    /// `x.field = values` where `x` is a value the run cannot name or a path from one (``unnamedValue(of:in:)``): the
    /// field of every object it may be (``writeThroughUnnamed``), but for a copy's own field and a field of a type the
    /// program does not name. A type that does not declare `field` itself (a promoted field) may be any type that does.
    private mutating func writeThroughUnnamed(
        _ field: CobraName, of value: CobraUnnamedValue, _ values: CobraValues, file: Int, line: Int
    ) {
        guard !value.copy, value.type != -2 else { return }
        let asserted = value.type >= 0 && declared.structs[value.type]?[field] != nil ? value.type : nil
        writeThroughUnnamed(field, of: asserted, values, file: file, line: line)
    }

    /// ``assertedType(onLine:in:before:)``'s assertion by the tokens: the type's last name and whether it is `*T`.
    private func assertion(onLine line: Int, in file: Int, before field: String?) -> (String, Bool, Bool)? {
        let tokens = sources[file].file.go.tokens
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].position.line < line { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index + 3 < tokens.count, tokens[index].position.line == line {
            defer { index += 1 }
            guard tokens[index].symbol == .period, tokens[index + 1].symbol == .leftParen else { continue }
            var cursor = index + 2
            // A slice, array or map of the type (`.([]*Group)`, `.(map[string]*Group)`, or a pointer to one:
            // `.(*[]*Group)`): its element type.
            var collection = false
            if tokens[cursor].symbol == .star, cursor + 1 < tokens.count,
                tokens[cursor + 1].symbol == .leftBracket || tokens[cursor + 1].isKeyword(.map)
            {
                cursor += 1
            }
            if tokens[cursor].isKeyword(.map) { cursor += 1 }
            if cursor < tokens.count, tokens[cursor].symbol == .leftBracket {
                collection = true
                var depth = 0
                while cursor < tokens.count, tokens[cursor].position.line == line {
                    if tokens[cursor].symbol == .leftBracket { depth += 1 }
                    if tokens[cursor].symbol == .rightBracket { depth -= 1 }
                    cursor += 1
                    if depth == 0 { break }
                }
            }
            guard cursor < tokens.count else { continue }
            let pointer = tokens[cursor].symbol == .star
            if pointer { cursor += 1 }
            var last: String?
            while cursor < tokens.count, tokens[cursor].kind == .identifier {
                last = tokens[cursor].text
                guard cursor + 2 < tokens.count, tokens[cursor + 1].symbol == .period else {
                    cursor += 1
                    break
                }
                cursor += 2
            }
            guard let last, cursor < tokens.count, tokens[cursor].symbol == .rightParen else { continue }
            let next = cursor + 1
            if let field {
                if next + 1 < tokens.count, tokens[next].symbol == .period, tokens[next + 1].kind == .identifier,
                    tokens[next + 1].text == field
                {
                    return (last, pointer, collection)
                }
            } else if next >= tokens.count || tokens[next].kind == .semicolon || tokens[next].symbol == .rightBrace
                || tokens[next].symbol == .leftBrace || tokens[next].position.line != line
            {
                // Ends the statement, or the header of a `range` over it (`range v.([]*Group) {`).
                return (last, pointer, collection)
            }
        }
        return nil
    }

    /// What `field` of the object at `site` holds when a value the run cannot tie to an object wrote that field of
    /// its type (``writeThroughUnnamed``) and the object may be that value (``mayBeUnnamed(_:)``): what such writes
    /// gave and any value of the field's type (none known for a field of no type of the program): the flags it names
    /// are not certain, nor is their absence. Nil otherwise.
    private mutating func writtenThroughUnnamed(_ site: CobraSite, _ type: CobraName, _ field: CobraName) -> CobraValues? {
        let key = scoped(type, field)
        guard let index = unnamedWrites[key] else { return nil }
        let written = read(index) ?? []
        guard mayBeUnnamed(site) else { return nil }
        // The object's own cell, as every read of a field makes it (what an assignment in order gives it is read there).
        _ = objectFieldCell(site, field)
        if let place = unnamedWritePlaces[key] {
            let names = numbering.table.names
            note(
                "field \(names[Int(field)]) is written here through a value that cannot be tied to an object; the "
                    + "\(names[Int(type)]) values sent, stored or handed where the run does not follow them are read "
                    + "with any \(names[Int(field)]), so what they define is not in the surface for certain",
                file: place.file, line: place.line)
        }
        guard let fieldType = declared.fieldType(field, of: type) else { return [] }
        var values = CobraValues(written.filter { $0 != .instance(type) })
        values.insert(.instance(fieldType))
        return values
    }

    /// Whether the object at `site` may be what a value the run cannot name holds: it was sent on a channel, handed
    /// to a call not read, stored in another package's name or written where the run does not follow it, or is held
    /// (in a field, at any depth) by an object that was; every object when a file read sends in a `select` case.
    private mutating func mayBeUnnamed(_ site: CobraSite) -> Bool {
        if everyObjectMayBeSent { return true }
        let roots = objectsHandedOn.count + escapedObjects.count + storedInPackages.count
        if roots >= Self.maximumHandedObjects { return true }
        if unnamable.roots != roots || unnamable.pass != pass {
            var heldBy: [CobraSite: [Int32]] = [:]
            for (key, index) in objectFields { heldBy[key.site, default: []].append(index) }
            var reached = objectsHandedOn.union(escapedObjects).union(storedInPackages)
            var pending = Array(reached)
            while let next = pending.popLast() {
                for index in heldBy[next] ?? [] {
                    for case .object(let inner, _) in cells[Int(index)].values ?? [] where reached.insert(inner).inserted {
                        pending.append(inner)
                    }
                }
            }
            unnamable = (roots, pass, reached)
        }
        return unnamable.objects.contains(site)
    }

    /// Gives field `field` of `object` (an instance or object) `values`; every value of its type has them too.
    private mutating func writeField(of object: CobraValue, _ field: CobraName, _ values: CobraValues) {
        guard !values.isEmpty, let type = Self.programType(of: object) else { return }
        addField(type, field, values)
        if case .object(let site, _) = object {
            add(values, to: objectFieldCell(site, field))
        } else {
            add(values, to: Self.cell(scoped(type, field), in: &unknownOriginFields, cells: &cells))
        }
    }

    /// `object.field = value`: the field of the program's type, or, when the type does not declare it and embeds
    /// `*cobra.Command`, the field of the commands the object wraps (`c.Aliases = ...`, `c.Hidden = true`).
    private mutating func assignField(of object: CobraValue, _ field: CobraName, _ value: CobraValues) {
        writeField(of: object, field, value)
        for command in wrappedCommands(object, declaring: field) {
            setCommandField(command, field, value, fromLiteral: false)
        }
    }

    /// The commands an object wraps in an embedded `*cobra.Command`, when its type does not declare `member` itself
    /// (a field or a method of its own comes first). None for an instance: which command a value of unknown origin
    /// wraps is not known, and every command of every wrapper would be wrong.
    private mutating func wrappedCommands(_ object: CobraValue, declaring member: CobraName) -> [CobraSite] {
        guard case .object(_, let type) = object, let fields = declared.structs[type], fields[member] == nil else {
            return []
        }
        var commands: [CobraSite] = []
        for (name, field) in fields where field.embedsCommand {
            for case .command(let site) in readField(of: object, name) { commands.append(site) }
        }
        return commands.sorted()
    }

    /// Values of one of the program's types split into its instances (a value of unknown origin), whose methods are
    /// looked up from `folder` first, and its objects by the folder that declares their type.
    private func instancesAndObjects(_ values: [CobraValue], folder: Int32) -> [(folder: Int32, values: [CobraValue])] {
        if values.count == 1 {
            if case .object(let site, _) = values[0] { return [(objectFolders[site] ?? folder, values)] }
            return [(folder, values)]
        }
        // Objects all of one folder (the usual case: the nodes a helper builds) are one group, the values as they are.
        var common: Int32?
        for value in values {
            guard case .object(let site, _) = value else {
                common = nil
                break
            }
            let of = objectFolders[site] ?? folder
            if common == nil {
                common = of
            } else if common != of {
                common = nil
                break
            }
        }
        if let common { return [(common, values)] }
        var groups: [Int32: [CobraValue]] = [:]
        var instances: [CobraValue] = []
        for value in values {
            if case .object(let site, _) = value {
                groups[objectFolders[site] ?? folder, default: []].append(value)
            } else {
                instances.append(value)
            }
        }
        return (instances.isEmpty ? [] : [(folder, instances)]) + groups.keys.sorted().map { ($0, groups[$0] ?? []) }
    }

    /// `value.method(values)` where `value` may be any of `group`, all instances or all objects of one of the
    /// program's types: its method (run on those objects, or a method promoted from an embedded field of the program's
    /// types on what that field of theirs holds), else the method of the commands they wrap (`c.Flags()`,
    /// `c.AddCommand(x)` on a wrapper that embeds `*cobra.Command`). Nil when neither is there.
    private mutating func methodOfObjects(
        _ method: CobraName, _ group: [CobraValue], _ values: [CobraValues], _ context: CallContext, folder: Int32
    ) -> CobraValues? {
        guard let type = group.first.flatMap(Self.programType(of:)) else { return nil }
        if let found = methodOrPromoted(method, of: type, preferring: folder) {
            // Many objects at once (the nodes of a tree a helper builds) run it as any value of the type: the calls
            // would multiply with every set of them.
            guard group.allSatisfy(Self.isObject), group.count <= Self.maximumReceiverObjects else {
                return call(found.key, arguments: values)
            }
            var receiver = CobraValues(group)
            if found.receiver != type, declared.elementTypes[found.receiver] != type {
                receiver = []
                for object in group {
                    receiver.formUnion(
                        CobraValues(
                            readField(of: object, found.receiver).filter { Self.programType(of: $0) == found.receiver })
                    )
                }
            }
            return call(found.key, arguments: values, receiver: receiver)
        }
        if declared.structs[type]?[method] == nil, group.count <= Self.maximumReceiverObjects,
            let key = declared.interfaceCollectionMethod(method, preferring: folder)
        {
            // `groups.AddFlags(cmd)` where `groups := &Flags{a, b}` of `type Flags []Group`, `Group` an interface: the
            // literal's value is its elements, and a method that none of their types has is the collection's.
            return call(key, arguments: values, receiver: CobraValues(group))
        }
        let commands = Set(group.flatMap { wrappedCommands($0, declaring: method) }).sorted()
        guard !commands.isEmpty else { return nil }
        var result: CobraValues = []
        for command in commands {
            result.formUnion(commandMethod(method, command, values, context))
        }
        return result
    }

    /// Past this many objects a method is called on at once, it runs on any value of their type: a method called on
    /// every entry of a table at once (skaffold's registry, before its loop was run entry by entry) then writes the
    /// fields of those entries, not of every value of the type (which would reach the entries of every other table).
    static let maximumReceiverObjects = 64

    /// Past this many objects in a collection ranged over, the body runs once with all of them (as for other values):
    /// option tables define a flag an entry (rclone's largest, of its global options, has about 200), and each run
    /// costs what the body does for one entry.
    static let maximumRangeObjects = 1_024

    /// The variable of `for _, v := range c` that holds a copy of each element, and the elements' type: `c` is a
    /// parameter (or the receiver) of the function running, which its body never assigns or declares again, whose
    /// declared type is a slice or array type of struct values (``Declared/valueCollectionFolders``). Go's `range`
    /// copies each element into `v`: what the body gives `v`'s fields (`opt.Name = prefix + "_" + opt.Name`) does not
    /// reach the element. Nil for anything else (the elements may be pointers, or their type is not known): the
    /// variable then holds the elements themselves, and what the body gives their fields reaches them.
    private mutating func copiedVariable(_ names: [CobraExpr], _ collection: CobraExpr, in frame: Frame)
        -> (variable: CobraLocalName, type: CobraName)?
    {
        guard names.count == 2, case .name(let variable) = names[1], variable != CobraKnown.underscore.id,
            case .name(let held) = collection, !frame.inLiteral, let key = frame.key, key >= 0
        else { return nil }
        let function = callKeys[Int(key)].function
        guard function >= 0 else { return nil }
        let known = CobraPair(function, held)
        if let element = copiedCollections[known] { return element.map { (variable, $0) } }
        let element = copiedElement(function, held, in: frame)
        copiedCollections[known] = .some(element)
        return element.map { (variable, $0) }
    }

    /// The struct type of the elements `range` copies from parameter `held` of `function` (``copiedVariable``).
    private mutating func copiedElement(_ function: CobraFunctionID, _ held: CobraLocalName, in frame: Frame)
        -> CobraName?
    {
        let declaration = declared.list[Int(function)]
        guard declaration.file == frame.file else { return nil }
        let go = files[declaration.file].functions[declaration.index].declaration
        guard go.signature.typeParameters.isEmpty, !parametersWritten(function).contains(held) else { return nil }
        let name = text(of: held, in: frame.file)
        let type: GoType
        if let receiver = go.receiver, receiver.name == name {
            type = .named(package: nil, name: receiver.typeName, arguments: [])
        } else {
            let matching = go.signature.parameters.filter { $0.name == name }
            guard matching.count == 1, !matching[0].variadic else { return nil }
            type = matching[0].type
        }
        // The type's own package: the qualifier's folder, else the function's.
        guard case .named(let qualifier, let typeName, let arguments) = type, arguments.isEmpty else { return nil }
        let folders: [Int32]
        if let qualifier {
            folders = importFolders[frame.file][numbering.intern(qualifier)] ?? []
        } else {
            folders = [declaration.folder]
        }
        guard folders.count == 1 else { return nil }
        return declared.valueCollectionFolders[numbering.intern(typeName)]?[folders[0]]
    }

    /// How many statements at the start of a loop's body give fields of `variable` a value with `=`, each field once,
    /// from values that read `variable` only through fields none of them gave before (`opt.Name = prefix + "_" +
    /// opt.Name; opt.Groups = groups`): what they give is what those fields of the copy hold after them, whatever the
    /// element held.
    static func leadingFieldWrites(_ body: [CobraStatement], of variable: CobraLocalName) -> Int {
        var given: Set<CobraLocalName> = []
        for statement in body {
            guard case .assign(let targets, false, let sources, false) = statement, targets.count == 1,
                sources.count == 1, case .selector(.name(variable), let field, _) = targets[0], !given.contains(field),
                readsOnlyFields(sources[0], of: variable, besides: given)
            else { break }
            given.insert(field)
        }
        return given.count
    }

    /// Whether `expression` reads `variable` only as `variable.field` for fields not in `given`: not whole, not its
    /// address, no method of it called, not in a function literal.
    private static func readsOnlyFields(
        _ expression: CobraExpr, of variable: CobraLocalName, besides given: Set<CobraLocalName>
    ) -> Bool {
        switch expression {
        case .name(let name): return name != variable
        case .string, .opaque: return true
        case .selector(.name(variable), let field, _): return !given.contains(field)
        case .selector(let base, _, _): return readsOnlyFields(base, of: variable, besides: given)
        case .call(.selector(.name(variable), _, _), _, _): return false
        case .call(let callee, let arguments, _):
            return ([callee] + arguments).allSatisfy { readsOnlyFields($0, of: variable, besides: given) }
        case .composite(_, let elements, _):
            return elements.allSatisfy { element in
                (element.key.map { readsOnlyFields($0, of: variable, besides: given) } ?? true)
                    && readsOnlyFields(element.value, of: variable, besides: given)
            }
        case .unary(.address, let operand):
            return !mentions(operand, variable) && readsOnlyFields(operand, of: variable, besides: given)
        case .unary(_, let operand): return readsOnlyFields(operand, of: variable, besides: given)
        case .binary(_, let left, let right):
            return readsOnlyFields(left, of: variable, besides: given)
                && readsOnlyFields(right, of: variable, besides: given)
        case .index(let base, let indices):
            return ([base] + indices).allSatisfy { readsOnlyFields($0, of: variable, besides: given) }
        case .function: return false
        }
    }

    /// Whether `expression` names `variable` (a function literal may).
    private static func mentions(_ expression: CobraExpr, _ variable: CobraLocalName) -> Bool {
        switch expression {
        case .name(let name): return name == variable
        case .string, .opaque: return false
        case .selector(let base, _, _): return mentions(base, variable)
        case .call(let callee, let arguments, _): return ([callee] + arguments).contains { mentions($0, variable) }
        case .composite(_, let elements, _):
            return elements.contains { element in
                (element.key.map { mentions($0, variable) } ?? false) || mentions(element.value, variable)
            }
        case .unary(_, let operand): return mentions(operand, variable)
        case .binary(_, let left, let right): return mentions(left, variable) || mentions(right, variable)
        case .index(let base, let indices): return ([base] + indices).contains { mentions($0, variable) }
        case .function: return true
        }
    }

    /// Runs a loop's body for one run of its elements (`element`). With `copying`, the loop's variable holds a copy of
    /// each object of the elements' type (``copiedVariable(_:_:in:)``): the fields the body gives first
    /// (``leadingFieldWrites(_:of:)``) are worked out from the element and given to the copy, and the rest of the body
    /// runs on the copy. A value that is no such object (of unknown origin, or past the bounds) is held as it is.
    private mutating func runLoopBody(
        _ body: [CobraStatement], element: CobraValues, copying: (variable: CobraLocalName, type: CobraName)?,
        in frame: inout Frame
    ) {
        guard let copying else { return executeBlock(body, in: &frame) }
        let leading = Self.leadingFieldWrites(body, of: copying.variable)
        var given: Set<CobraName> = []
        for case .assign(let targets, _, _, _) in body.prefix(leading) {
            if case .selector(_, let field, _) = targets[0] { given.insert(runName(field, in: frame.file)) }
        }
        var held = CobraValues()
        for value in element {
            guard case .object(_, copying.type) = value, let copy = copySite(of: value, given: given, in: frame)
            else {
                held.insert(value)
                continue
            }
            held.insert(.object(copy, copying.type))
        }
        for case .assign(let targets, _, let sources, _) in body.prefix(leading) {
            // Go works out the value first: it reads the element's fields (the copy's, none given yet).
            frame.locals.assign(element, to: copying.variable)
            let value = evaluate(sources[0], in: &frame)
            frame.locals.assign(held, to: copying.variable)
            assign(value, to: targets[0], define: false, in: &frame)
        }
        frame.locals.assign(held, to: copying.variable)
        executeBlock(Array(body.dropFirst(leading)), in: &frame)
    }

    /// The site of the copy a loop of the running function makes of `object`, with the fields `given` first: one per
    /// element, fields given, and string and list-element arguments of the call (``commandSite(file:offset:call:)``),
    /// so that `AddPrefix(table, "rc")` and `AddPrefix(table, "metrics")` make copies of their own. Nil past the
    /// bounds (``maximumCopyDepth``, ``maximumCommandContexts``).
    private mutating func copySite(of object: CobraValue, given: Set<CobraName>, in frame: Frame) -> CobraSite? {
        guard case .object(let site, _) = object else { return nil }
        let depth = (copyOrigins[site]?.depth ?? 0) + 1
        guard depth <= Self.maximumCopyDepth, let key = frame.key, key >= 0 else { return nil }
        let function = callKeys[Int(key)].function
        // A place no literal has: each function's loops share one, told apart by element and fields given.
        let place = CobraSite(file: frame.file, offset: -1 - Int(function))
        let fields = given.sorted().map { CobraValue.string("\u{0}field \($0)") }
        guard let copy = contextSite(place, call: key, extra: [CobraValues(object), CobraValues(fields)]) else {
            return nil
        }
        if copyOrigins[copy] == nil {
            copyOrigins[copy] = (object, given, depth)
            objectFolders[copy] = objectFolders[site]
            if listElements.contains(site) { listElements.insert(copy) }
        }
        if let inner = held[site] { held[copy, default: []].formUnion(inner) }
        return copy
    }

    /// What the value of a `range` takes, one run of the body each: each object of a list of structs on its own
    /// (`for _, t := range topics { root.AddCommand(newTopic(t)) }` builds a command per topic), the other values
    /// together; all together past `maximumRangeObjects`.
    private static func rangeElements(_ elements: CobraValues, limit: Int) -> [CobraValues] {
        let objects = elements.filter(isObject)
        // A nil list has no elements to run the body with.
        let others = CobraValues(elements.filter { !isObject($0) && $0 != .nilValue })
        // One object beside values of unknown origin only (an instance a list got while what was appended to it was not
        // known yet) runs on its own too: together, what the body reads of it would be mixed with any value's.
        let alone = objects.count == 1 && !others.isEmpty && others.allSatisfy { if case .instance = $0 { true } else { false } }
        if objects.isEmpty, others.count > 1, others.count <= limit,
            others.allSatisfy({ if case .string = $0 { true } else { false } })
        {
            // A list of strings (`for _, n := range []string{"disk", "size"}`, the names a table was given: review
            // R85): Go runs the body once for each, so each runs on its own, in the order of their bytes. Together,
            // a name read from them would be none of them.
            return others.map { value -> (bytes: [UInt8], value: CobraValue) in
                guard case .string(let text) = value else { return ([], value) }
                return (Array(text.utf8), value)
            }
            .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
            .map { CobraValues($0.value) }
        }
        guard objects.count > 1 || alone, objects.count <= limit else { return [elements] }
        // In the order of their descriptions (`object(Cobra.CobraSite(file: 3, offset: 120, context: 0), 17)`), each
        // spelled once, and without the prefix all share: reflecting on a value to describe it costs far more.
        let ordered = objects.map { (text: Self.orderText(of: $0), value: $0) }.sorted { $0.text < $1.text }
        return ordered.map { CobraValues($0.value) } + (others.isEmpty ? [] : [others])
    }

    /// Whether a loop body skips to the next entry (`continue`) by a condition that calls a function, at its top
    /// level or in its blocks.
    private static func skipsByCall(_ body: [CobraStatement]) -> Bool {
        body.contains { statement in
            switch statement {
            case .block(let inner):
                return skipsByCall(inner)
            case .loop(let header, let body):
                return skipsByCall(header + body)
            case .conditional(let header, let condition, let then, let otherwise):
                if let condition, isCallFilter(header: header, condition: condition, then: then) { return true }
                if header.contains(where: {
                    if case .assign(_, _, let sources, _) = $0 { sources.contains(where: containsCall) } else { false }
                }),
                    then.contains(where: { if case .continueRange = $0 { true } else { false } })
                {
                    return true
                }
                return skipsByCall(otherwise)
            default:
                return false
            }
        }
    }

    /// Whether statements may end the loop they are the body of: a `break`, `return` or `goto` anywhere in them (nested
    /// loops included, function literals not).
    private static func mayEndLoop(_ statements: [CobraStatement]) -> Bool {
        statements.contains { statement in
            switch statement {
            case .breakRange, .return, .jump, .leave: return true
            case .block(let inner), .range(_, _, let inner): return mayEndLoop(inner)
            case .loop(let header, let inner): return mayEndLoop(header) || mayEndLoop(inner)
            case .conditional(let header, _, let then, let otherwise):
                return mayEndLoop(header) || mayEndLoop(then) || mayEndLoop(otherwise)
            case .switchCases(_, let clauses), .typeSwitch(_, let clauses): return clauses.contains { mayEndLoop($0.body) }
            case .expression, .assign, .declare, .deferred, .continueRange, .label: return false
            }
        }
    }

    /// Whether statements leave the entry's run early (`continue`, `break`, `return`), in their blocks and `if`s (not
    /// in loops or function literals of their own).
    private static func jumps(_ statements: [CobraStatement]) -> Bool {
        statements.contains { statement in
            switch statement {
            case .continueRange, .breakRange, .return, .leave: return true
            case .block(let inner): return jumps(inner)
            case .switchCases(_, let clauses), .typeSwitch(_, let clauses): return clauses.contains { jumps($0.body) }
            case .loop(let header, let body): return jumps(header) || jumps(body)
            case .conditional(let header, _, let then, let otherwise): return jumps(header) || jumps(then) || jumps(otherwise)
            case .expression, .assign, .declare, .range, .deferred, .jump, .label: return false
            }
        }
    }

    /// The local maps a loop body fills at its top level (`done[opt.Name] = struct{}{}`).
    private static func mapsFilled(by body: [CobraStatement], in frame: Frame) -> Set<CobraLocalName> {
        var maps: Set<CobraLocalName> = []
        for case .assign(let targets, false, _, _) in body {
            for case .index(.name(let map), _) in targets where frame.locals[map] != nil { maps.insert(map) }
        }
        return maps
    }

    /// `if _, dup := done[k]; dup { continue }` (or `if seen[k] { continue }`) where the loop fills `done` itself: an entry is skipped only when an
    /// earlier one had the same key (rclone's `AddFlagsFromOptions` skips a name already made).
    private func isUniquenessCheck(header: [CobraStatement], condition: CobraExpr?, in frame: Frame) -> Bool {
        // `if seen[k] { continue }` of a `map[string]bool` the loop fills.
        if header.isEmpty, case .index(.name(let map), _)? = condition, frame.uniqueness.contains(map) { return true }
        guard header.count == 1, case .assign(let targets, true, let sources, _) = header[0], targets.count == 2,
            sources.count == 1, case .index(.name(let map), _) = sources[0], frame.uniqueness.contains(map),
            case .name(let found) = targets[1], case .name(found)? = condition
        else { return false }
        return true
    }

    private static func isCall(_ expression: CobraExpr) -> Bool {
        if case .call = expression { return true }
        return false
    }

    /// Whether an `if` skips to the next entry by a condition that calls a function (`if !allowed(x) { continue }`).
    private static func isCallFilter(header: [CobraStatement], condition: CobraExpr, then: [CobraStatement]) -> Bool {
        header.isEmpty && containsCall(condition)
            && then.contains { if case .continueRange = $0 { true } else { false } }
    }

    /// Whether a loop's filter holds for the entry of the run: `!f(args)`, `&&` and `||` of such, where `f` is a
    /// function of the program that decides on constant strings and lists of them alone (``CobraPredicate``), and
    /// each argument is one constant string (`cmd.Use`, a command's `Use` read as a cell) or a list of constant strings
    /// an object's literal gives a field that nothing else gives it (`fl.DefinedOn`). Nil when any part is not so.
    private mutating func decideFilter(_ condition: CobraExpr, in frame: inout Frame) -> Bool? {
        switch condition {
        case .unary(.not, let operand):
            return decideFilter(operand, in: &frame).map { !$0 }
        case .binary(.and, let left, let right):
            let (lhs, rhs) = (decideFilter(left, in: &frame), decideFilter(right, in: &frame))
            if lhs == false || rhs == false { return false }
            return lhs == true && rhs == true ? true : nil
        case .binary(.or, let left, let right):
            let (lhs, rhs) = (decideFilter(left, in: &frame), decideFilter(right, in: &frame))
            if lhs == true || rhs == true { return true }
            return lhs == false && rhs == false ? false : nil
        case .call(.name(let callee), let arguments, _):
            guard frame.locals[callee] == nil, let key = function(named: callee, in: frame.file) else { return nil }
            var values: [CobraPredicate.Value] = []
            for argument in arguments {
                guard let value = constantArgument(argument, in: &frame) else { return nil }
                values.append(value)
            }
            let declaration = declared.list[Int(key)]
            let function = files[declaration.file].functions[declaration.index]
            guard function.receiver == nil, function.parameters.count == values.count else { return nil }
            var predicate = CobraPredicate(
                locals: Dictionary(
                    zip(function.parameters.map(\.name), values), uniquingKeysWith: { first, _ in first }))
            return predicate.run(sources[declaration.file].body(of: declaration.index))
        case .binary(let op, let left, let right) where literalListsDecide && (op == .equal || op == .notEqual):
            if let equal = decideEquality(left, right, in: &frame) { return op == .equal ? equal : !equal }
            // Certain strings on both sides (`table[i].Name == string(skip)`), as an `if` compares them.
            guard let lhs = certainString(left, in: &frame), let rhs = certainString(right, in: &frame) else {
                return nil
            }
            return (Array(lhs.utf8) == Array(rhs.utf8)) == (op == .equal)
        case .call(.selector(.name(let qualifier), let function, _), let arguments, _)
        where literalListsDecide && arguments.count == 1 && isLoNil(qualifier, function, in: frame):
            // samber/lo's `IsNil(x)`: false for an object (a literal of the program's types, or its address), true for
            // what holds nil alone.
            if certainlyNil(arguments[0], in: &frame) { return true }
            let objects = onlyObjects(arguments[0], in: &frame)
            return recordVerdict(objects != nil ? false : nil, "nil", of: objects, in: frame)
        default:
            return nil
        }
    }

    /// The program type of `base`, a local or a pointer field of one of the program's types that holds nil alone: the
    /// type of what the local held before an assignment in order made it nil (``Frame/nilTypes``), or the field's.
    private mutating func nilReceiverType(_ base: CobraExpr, in frame: inout Frame) -> CobraName? {
        switch base {
        case .name(let name):
            return frame.nilTypes[name]
        case .selector(let inner, let localField, _):
            guard !Self.containsCall(inner), case .name(let qualifier) = inner, !isPackage(qualifier, in: frame)
                || frame.locals.contains(qualifier)
            else { return nil }
            guard let type = Self.onlyProgramType(of: evaluate(inner, in: &frame)) else { return nil }
            let field = runName(localField, in: frame.file)
            guard declared.structs[type]?[field]?.isPointer == true else { return nil }
            return declared.fieldType(field, of: type)
        default:
            return nil
        }
    }

    /// Whether `expression` certainly holds nil (its every value is nil), read without a call.
    private mutating func certainlyNil(_ expression: CobraExpr, in frame: inout Frame) -> Bool {
        !Self.containsCall(expression) && evaluate(expression, in: &frame).only == .nilValue
    }

    /// Whether `qualifier.function` is `IsNil` of `github.com/samber/lo` as the loop's file imports it.
    private func isLoNil(_ qualifier: CobraLocalName, _ function: CobraLocalName, in frame: Frame) -> Bool {
        isLo("IsNil", qualifier, function, in: frame)
    }

    /// Whether `qualifier.function` is `name` of `github.com/samber/lo` as the file imports it.
    private func isLo(_ name: String, _ qualifier: CobraLocalName, _ function: CobraLocalName, in frame: Frame) -> Bool {
        isImported(name, of: "github.com/samber/lo", as: "lo", qualifier, function, in: frame)
    }

    /// Whether `qualifier.function` is `name` of the package at import path `path` (named `defaultName` unless the
    /// import renames it) as the file imports it, and no local of that name hides the import.
    private func isImported(
        _ name: String, of path: String, as defaultName: String, _ qualifier: CobraLocalName,
        _ function: CobraLocalName, in frame: Frame
    ) -> Bool {
        guard frame.locals[qualifier] == nil, text(of: function, in: frame.file) == name else { return false }
        let spelled = text(of: qualifier, in: frame.file)
        return files[frame.file].imports.contains { $0.path == path && ($0.name ?? defaultName) == spelled }
    }

    /// Methods of a `reflect.Value` that take no argument and give nothing through which the value's referent can be
    /// written: a bool, a number, a kind or a type (`Elem`, `Field`, `Interface`, `Set` and the like are not here).
    private static let reflectReadingMethods: Set<String> = [
        "IsNil", "IsValid", "IsZero", "Kind", "Type", "Len", "Cap", "CanSet", "CanAddr", "CanInterface", "NumField",
        "NumMethod",
    ]

    /// The one argument of `reflect.ValueOf(x).M()` when `M` only reads (``reflectReadingMethods``) and `reflect` is
    /// Go's own package as the file imports it: the call can change nothing `x` reaches (trivy's
    /// `!reflect.ValueOf(flag).IsNil()` over its flag groups' entries). Any other use of `reflect.ValueOf(x)` hands
    /// `x` over (``listsDecidedOnHandedObjects()``).
    private func reflectReadOnly(
        _ base: CobraExpr, _ method: CobraLocalName, arguments: [CobraExpr], in frame: Frame
    ) -> CobraExpr? {
        guard arguments.isEmpty, Self.reflectReadingMethods.contains(text(of: method, in: frame.file)),
            case .call(.selector(.name(let qualifier), let function, _), let inner, _) = base, inner.count == 1,
            isImported("ValueOf", of: "reflect", as: "reflect", qualifier, function, in: frame)
        else { return nil }
        return inner[0]
    }

    /// What `expression` holds when that is one or more objects of the program's types and nothing else (no `nil`,
    /// no value of unknown origin), none of which may be nil where it is held (``nilable``), while no file read
    /// writes through a pointer (`*p = nil`).
    private mutating func onlyObjects(_ expression: CobraExpr, in frame: inout Frame) -> CobraValues? {
        // A write through a pointer to a struct that holds no object (``CobraPointerWrites/plainStructs``) changes
        // strings and numbers in place: it makes no object nil.
        guard !pointerWrites.any, !Self.containsCall(expression) else { return nil }
        let values = evaluate(expression, in: &frame)
        guard !values.isEmpty else { return nil }
        // A loop's own variable over a collection that holds no nil: an object held beside nil elsewhere is not nil here.
        // Over the fields of one object: only what is beside nil in one of those fields may be nil.
        var besideNil = true
        var nilInSlots: Set<CobraSite>?
        if case .name(let variable) = expression {
            besideNil = frame.entryBesideNil[variable] ?? true
            nilInSlots = frame.entryNilInSlots[variable]
        }
        for value in values {
            if let nilInSlots, case .object(let site, _) = value {
                guard !nilable.contains(site), !nilInSlots.contains(site) else { return nil }
                continue
            }
            guard case .object(let site, _) = value, !nilable.contains(site),
                !besideNil || !nilableBeside.contains(site)
            else { return nil }
        }
        return values
    }

    /// For a loop over `x.M()` where `x` is a local holding one object and `M` a method of its type whose body is one
    /// `return` of a list literal of its receiver's fields (`return []Flagger{f.Format, f.Report}`, trivy's
    /// `Flags()`): the objects that may be nil in the list, those a field of them holds beside nil. Nil for anything
    /// else.
    private mutating func fieldListNil(_ collection: CobraExpr, in frame: inout Frame) -> Set<CobraSite>? {
        guard case .call(.selector(.name(let local), let localMethod, _), let arguments, _) = collection,
            arguments.isEmpty, frame.locals[local] != nil, let held = frame.locals[local]?.only,
            case .object(_, let type) = held
        else { return nil }
        let method = runName(localMethod, in: frame.file)
        guard let found = methodOrPromoted(method, of: type, preferring: frame.folder), found.receiver == type else {
            return nil
        }
        let declaration = declared.list[Int(found.key)]
        guard let receiver = files[declaration.file].functions[declaration.index].receiver?.name else { return nil }
        let body = sources[declaration.file].body(of: declaration.index)
        guard body.count == 1, case .return(let results) = body[0], results.count == 1,
            case .composite(let listType?, let elements, _) = results[0], listType.isCollection
        else { return nil }
        var nilHere: Set<CobraSite> = []
        for element in elements {
            guard element.key == nil, case .selector(.name(receiver), let field, _) = element.value else { return nil }
            let values = readField(of: held, runName(field, in: declaration.file))
            guard values.contains(.nilValue) else { continue }
            for case .object(let site, _) in values { nilHere.insert(site) }
        }
        return nilHere
    }

    /// Marks the objects `values` holds as ``nilableBeside`` when it may also be nil, or ``nilable`` when `always`.
    private mutating func markNilable(_ values: CobraValues, always: Bool = false) {
        if always {
            for case .object(let site, _) in values { nilable.insert(site) }
        } else if values.contains(.nilValue) {
            for case .object(let site, _) in values { nilableBeside.insert(site) }
        }
    }

    /// The fields assigned `nil` in `tokens` (`x.Field = nil`, `x.Field, y = nil, ...` counted too), each with its
    /// line and how often it is spelled on that line; not `b` of `a.b.C = nil` (only `C` is given nil), but `B` of
    /// `a.B[i] = nil` (an element of it is). The type is that of `x` when `x` is the receiver of the method the
    /// statement is in, spelled alone before the field (`o.Scanners = nil` in `func (o *Options) ...`) and never
    /// declared again in its body: such a statement gives nil only to values of that type.
    static func fieldsAssignedNil(in tokens: [GoToken], functions: [GoFunction]) -> [CobraFieldStatement: Int] {
        var found: [CobraFieldStatement: Int] = [:]
        for index in tokens.indices where tokens[index].kind == .identifier && tokens[index].text == "nil" {
            // Back over `=` and the target list to each `.Field` before it on the statement.
            guard index > 0, tokens[index - 1].symbol == .assign else { continue }
            var cursor = index - 2
            while cursor > 0, tokens[cursor].kind != .semicolon, tokens[cursor].symbol != .leftBrace,
                tokens[cursor].symbol != .rightBrace, index - cursor < 64
            {
                if tokens[cursor].kind == .identifier, tokens[cursor - 1].symbol == .period,
                    cursor + 1 >= tokens.count || tokens[cursor + 1].symbol != .period
                {
                    let type = cursor == index - 2 ? receiverType(spelledBefore: cursor, in: tokens, functions) : nil
                    let assignment = CobraFieldStatement(
                        field: tokens[cursor].text, line: tokens[cursor].position.line, type: type)
                    found[assignment, default: 0] += 1
                }
                cursor -= 1
            }
        }
        return found
    }

    /// For `x.Field = nil` whose `Field` token is at `index`: the receiver type of the method around it when `x` alone
    /// (after a statement's start) is its receiver and the body never declares `x` again (as a `:=` or `var` name, a
    /// parameter of a function literal, a name in a list); nil otherwise.
    static func receiverType(spelledBefore index: Int, in tokens: [GoToken], _ functions: [GoFunction])
        -> String?
    {
        guard index >= 3, tokens[index - 2].kind == .identifier,
            tokens[index - 3].kind == .semicolon || tokens[index - 3].symbol == .leftBrace
                || tokens[index - 3].symbol == .rightBrace
        else { return nil }
        let variable = tokens[index - 2].text
        guard
            let function = functions.first(where: { $0.body.map { $0.contains(index) } ?? false }),
            let receiver = function.receiver, receiver.name == variable, let body = function.body
        else { return nil }
        for position in body where tokens[position].kind == .identifier && tokens[position].text == variable {
            let next = position + 1 < tokens.count ? tokens[position + 1] : nil
            let previous = tokens[position - 1]
            if next?.symbol == .define || next?.symbol == .comma || previous.symbol == .comma
                || previous.symbol == .leftParen || previous.kind == .keyword(.var)
            {
                return nil
            }
        }
        return receiver.typeName
    }

    /// The `x.Field = nil` statements of the files read that the run did not make (in code it did not run, or spelled
    /// twice on a line), by field name and the types they may be about (nil: any), when a field of that name of such
    /// a type was read holding an object: that object may be nil there whatever the order the code runs in, so the
    /// surface is read again with those fields nilable (``alwaysNilFields``). Empty when none matters.
    mutating func unrunNilFields() -> [String: Set<String?>] {
        var unrun: [String: Set<String?>] = [:]
        for (file, assignments) in nilAssignments.enumerated() {
            for (assignment, count) in assignments {
                if count == 1,
                    nilAssignmentsRun.contains(CobraNilRun(file: file, line: assignment.line, field: assignment.field))
                {
                    continue
                }
                unrun[assignment.field, default: []].insert(assignment.type)
            }
        }
        guard !unrun.isEmpty else { return [:] }
        var matters: [String: Set<String?>] = [:]
        // Only an object a filter tested for nil: elsewhere nil-ness decides nothing.
        let reads = nilTested.reduce(into: Set<Int64>()) { $0.formUnion(fieldsHolding[$1] ?? []) }
        for read in reads {
            let names = numbering.table.names
            let (type, field) = (names[Int(read >> 32)], names[Int(Int32(truncatingIfNeeded: read))])
            guard let types = unrun[field], types.contains(nil) || types.contains(type) else { continue }
            matters[field, default: []].formUnion(types)
        }
        return matters
    }

    /// Whether `left == right` in a loop's filter, when it is certain: an object compared with `nil` (trivy's
    /// `flag == nil`), or what a getter of one object returns compared with a constant string (trivy's
    /// `flag.GetName() == ""`, whose `GetName` is `return f.Name`): each string the field may hold differs from the
    /// constant (false), or it holds only that one (true), compared byte by byte as Go does.
    private mutating func decideEquality(_ left: CobraExpr, _ right: CobraExpr, in frame: inout Frame) -> Bool? {
        for (one, other) in [(left, right), (right, left)] {
            if case .name(let name) = other, name == CobraKnown.nil.id, frame.locals[name] == nil {
                if certainlyNil(one, in: &frame) { return true }
                let objects = onlyObjects(one, in: &frame)
                return recordVerdict(objects != nil ? false : nil, "nil", of: objects, in: frame)
            }
            guard case .string(let constant) = other, let (objects, test, held) = getterStrings(one, in: &frame)
            else { continue }
            let bytes = Array(constant.utf8)
            var verdict: Bool?
            if held.count == 1, Array(held[0].utf8) == bytes {
                verdict = true
            } else if held.allSatisfy({ Array($0.utf8) != bytes }) {
                verdict = false
            }
            return recordVerdict(verdict, test + "==" + constant, of: objects, in: frame)
        }
        return nil
    }

    // MARK: Certain strings

    /// The string `expression` certainly holds where it is, by Go's rules rather than by what the interpreter
    /// gathered: a literal; a package-level `const` (``packageConstant(_:in:)``); a parameter given such a string at
    /// this call and never assigned in its function (``CallKey/certain``); a string field an entry of a loop over a
    /// list literal or an unchanged table has from its literal, when no file writes the field (``Frame/certainEntry``);
    /// and `+` of such. Nil otherwise: a package `var` may be written where the interpreter does not look (code not
    /// read, an `init` it runs later), a local may be assigned on a path not taken. A text that replaced bytes Go would
    /// keep (U+FFFD) is not certain: two different Go strings may read as the same.
    private mutating func certainString(_ expression: CobraExpr, in frame: inout Frame, depth: Int = 0) -> String? {
        guard depth < Self.maximumCertainDepth else { return nil }
        var result: String?
        switch expression {
        case .string(let text):
            result = text
        case .binary(.plus, let left, let right):
            guard let lhs = certainString(left, in: &frame, depth: depth + 1),
                let rhs = certainString(right, in: &frame, depth: depth + 1),
                lhs.utf8.count + rhs.utf8.count <= Self.maximumCertainBytes
            else { return nil }
            result = lhs + rhs
        case .name(let name):
            if frame.locals.contains(name) { return frame.certain[name] }
            // A name the function binds (a named result, a `select` case's `x := <-ch`, a literal's parameter or result)
            // may not be in its locals yet: only a name it never binds is the package's constant.
            guard !frame.inLiteral else { return nil }
            if let key = frame.key {
                guard key >= 0, !namesBound(callKeys[Int(key)].function).contains(text(of: name, in: frame.file))
                else { return nil }
            }
            result = packageConstant(name, in: frame.file)
            // A package `var` that only the `init` functions write, read where they have all run (s19-branches
            // varinitopen: `var mode = "client"` set to "server" by an `init`).
            if result == nil, let key = frame.key, let after = valueAfterInit(name, in: frame.file),
                !mayRunInInit(callKeys[Int(key)].function)
            {
                result = after
            }
        case .selector(let base, let field, _):
            guard literalListsDecide, let entry = frame.certainEntry?.only, case .object(let site, _) = entry,
                !Self.containsCall(base), evaluate(base, in: &frame).only == entry
            else { return nil }
            let name = runName(field, in: frame.file)
            guard case .some(.some(let text)) = objectStrings[site]?[name],
                !stringFieldWritten(numbering.table.names[Int(name)])
            else { return nil }
            // A call not read that the entry is handed to may replace it: the surface is then read again without.
            decidedObjects.insert(site)
            result = text
        case .call(.name(let callee), let converted, _) where converted.count == 1:
            // `string(skip)`, `Mode("client")`: a conversion keeps the bytes.
            guard isStringConversion(callee, in: frame) else { return nil }
            result = certainString(converted[0], in: &frame, depth: depth + 1)
        default:
            return nil
        }
        guard let result, result.utf8.count <= Self.maximumCertainBytes, !result.unicodeScalars.contains("\u{FFFD}")
        else { return nil }
        return result
    }
    /// Notes that local `name`, just bound to `source` (`mode := "server"`, `var mode = "server"`, a local `const`),
    /// holds a certain string (``certainString(_:in:)``) for the rest of the body: only where the binding is at the
    /// top level of a declared function's body (its scope is the rest of the body) and the body binds that name
    /// nowhere else (``boundOnce(_:in:)``), never a parameter or result, nor takes its address.
    private mutating func certainLocal(_ name: CobraLocalName, _ source: CobraExpr, in frame: inout Frame) {
        frame.certain[name] = nil
        guard frame.depth == 0, !frame.inLiteral, let key = frame.key, key >= 0,
            let text = certainString(source, in: &frame),
            boundOnce(self.text(of: name, in: frame.file), in: callKeys[Int(key)].function)
        else { return }
        frame.certain[name] = text
    }

    /// Whether function `key` binds a name spelled `text` once in its body and not in its signature, by the tokens:
    /// one name followed by an assignment (``assignedAfter(_:in:)``: definitions, assignments, a `var` or `const`, a
    /// loop variable, in function literals too), no `&text`.
    private mutating func boundOnce(_ text: String, in key: CobraFunctionID) -> Bool {
        if let known = namesBoundOnce[key]?[text] { return known }
        let once = countsOneBinding(text, in: key)
        namesBoundOnce[key, default: [:]][text] = once
        return once
    }

    private mutating func countsOneBinding(_ text: String, in key: CobraFunctionID) -> Bool {
        let declaration = declared.list[Int(key)]
        let function = files[declaration.file].functions[declaration.index].declaration
        if (function.signature.parameters + function.signature.results).contains(where: { $0.name == text })
            || function.receiver?.name == text
        {
            return false
        }
        return tokenBindings(of: text, in: key) == 1
    }

    /// How many times function `key`'s body binds a name spelled `text`, by the tokens (``assignedAfter(_:in:)``);
    /// nil when it takes its address or calls a method on it (`mode.Set("client")`: a method with a pointer receiver
    /// takes the address; a string has no field), or has no body.
    private func tokenBindings(of text: String, in key: CobraFunctionID) -> Int? {
        let declaration = declared.list[Int(key)]
        guard let body = files[declaration.file].functions[declaration.index].declaration.body else { return nil }
        let tokens = sources[declaration.file].file.go.tokens
        var bindings = 0
        for index in body where tokens[index].kind == .identifier && tokens[index].text == text {
            if index > 0, tokens[index - 1].symbol == .period { continue }
            var before = index - 1
            while before >= 0, tokens[before].symbol == .leftParen { before -= 1 }
            if before >= 0, tokens[before].symbol == .ampersand { return nil }
            if index + 1 < tokens.count, tokens[index + 1].symbol == .period { return nil }
            if Self.assignedAfter(index, in: tokens) { bindings += 1 }
        }
        return bindings
    }

    private static let maximumCertainDepth = 16
    private static let maximumCertainBytes = 4096

    /// The method `method` that the frame's package declares on its type `local`, when `local(x)` is a conversion to
    /// that type there (no local, package-level variable or function of the package is named so).
    private mutating func conversionMethod(_ local: CobraLocalName, _ method: CobraName, in frame: Frame)
        -> CobraFunctionID?
    {
        guard !frame.locals.contains(local), read(globalCell(local, in: frame.file)) == nil,
            function(named: local, in: frame.file) == nil
        else { return nil }
        return declared.functions[
            FunctionName(folder: frame.folder, receiver: runName(local, in: frame.file), name: method)]
    }

    /// Whether `local(x)` (one argument) converts `x` to a string type where the frame is: `string`, or a type of the
    /// program with methods, no local, package-level variable or function being named so.
    private mutating func isStringConversion(_ local: CobraLocalName, in frame: Frame) -> Bool {
        guard !frame.locals.contains(local), read(globalCell(local, in: frame.file)) == nil,
            function(named: local, in: frame.file) == nil
        else { return false }
        return text(of: local, in: frame.file) == "string" || declared.receivers.contains(runName(local, in: frame.file))
    }

    /// The bit of ``CallKey/certain`` that says the receiver is a certain string (`Skip("port").m()`).
    private static let certainReceiver: UInt64 = 1 << 63

    /// The arguments of a call that are certain strings (``certainString(_:in:)``) and hold that string alone, by bit.
    private mutating func certainArguments(_ arguments: [CobraExpr], _ values: [CobraValues], in frame: inout Frame)
        -> UInt64
    {
        var bits: UInt64 = 0
        for (index, argument) in arguments.enumerated() where index < 63 && index < values.count {
            guard case .string(let held)? = values[index].only, let text = certainString(argument, in: &frame),
                Array(text.utf8) == Array(held.utf8)
            else { continue }
            bits |= 1 << UInt64(index)
        }
        return bits
    }

    /// The string package-level constant `name` of `file`'s package certainly is: declared once in the files read of
    /// that folder, as a `const` of a file built for every system and tag, with a value that is a certain string of its
    /// own (a literal, another such constant, `+` of such). Nil otherwise (a `var`, one declared in files for
    /// different builds, an `iota` line without a value).
    private mutating func packageConstant(_ name: CobraLocalName, in file: Int, depth: Int = 0) -> String? {
        let runName = runName(name, in: file)
        let key = scoped(folders[file], runName)
        if let known = packageConstants[key] { return known }
        guard depth < Self.maximumCertainDepth else { return nil }
        // Unknown while it is worked out: a constant defined by itself is not certain.
        packageConstants[key] = .some(nil)
        var found: (file: Int, value: CobraExpr)?
        var declarations = 0
        for index in files.indices where folders[index] == folders[file] {
            for binding in files[index].bindings {
                for (offset, bound) in binding.names.enumerated() where self.runName(bound, in: index) == runName {
                    declarations += 1
                    if binding.isConstant, fileAtoms[index] == nil, binding.values.count == binding.names.count {
                        found = (index, binding.values[offset])
                    }
                }
            }
        }
        var result: String?
        if declarations == 1, let found {
            var frame = Frame(key: nil, file: found.file, folder: folders[found.file])
            result = constantString(found.value, in: &frame, depth: depth + 1)
        }
        packageConstants[key] = .some(result)
        return result
    }

    /// For `name == "text"` (or `!=`, either side) where `name` is a package constant declared only in files built
    /// for some systems or tags, more than one (`const mode = "client"` in mode_linux.go, `"server"` in mode_windows.go), each with a
    /// certain string, in a folder read whole: each declaration's build condition and whether the comparison holds
    /// there (Go compiles one declaration per build; a build with none does not compile this code). Nil otherwise.
    private mutating func buildDecisions(_ condition: CobraExpr, in frame: inout Frame) -> [(atom: Int32, holds: Bool)]? {
        guard conditional, case .binary(let op, let left, let right) = condition, op == .equal || op == .notEqual
        else { return nil }
        let name: CobraLocalName
        let other: CobraExpr
        if case .name(let local) = left {
            (name, other) = (local, right)
        } else if case .name(let local) = right {
            (name, other) = (local, left)
        } else {
            return nil
        }
        guard !frame.locals.contains(name), !frame.inLiteral, let text = certainString(other, in: &frame) else {
            return nil
        }
        if let key = frame.key {
            guard key >= 0, !namesBound(callKeys[Int(key)].function).contains(self.text(of: name, in: frame.file))
            else { return nil }
        }
        let run = runName(name, in: frame.file)
        var found: [(atom: Int32, holds: Bool)] = []
        for index in files.indices where folders[index] == folders[frame.file] {
            for binding in files[index].bindings {
                for (offset, bound) in binding.names.enumerated() where runName(bound, in: index) == run {
                    guard binding.isConstant, let atom = fileAtoms[index], binding.values.count == binding.names.count,
                        found.count < Self.maximumDefinitions
                    else { return nil }
                    var constantFrame = Frame(key: nil, file: index, folder: folders[index])
                    guard let value = constantString(binding.values[offset], in: &constantFrame, depth: 1),
                        !value.unicodeScalars.contains("\u{FFFD}")
                    else { return nil }
                    found.append((atom, Array(value.utf8) == Array(text.utf8)))
                }
            }
        }
        let path = paths[frame.file]
        guard found.count > 1, !partialFolders.contains(path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "")
        else { return nil }
        return op == .equal ? found : found.map { ($0.atom, !$0.holds) }
    }

    /// A constant's value as a certain string: literals, other package constants, `+` of such.
    private mutating func constantString(_ expression: CobraExpr, in frame: inout Frame, depth: Int) -> String? {
        guard depth < Self.maximumCertainDepth else { return nil }
        switch expression {
        case .string(let text):
            return text
        case .name(let name):
            return packageConstant(name, in: frame.file, depth: depth + 1)
        case .binary(.plus, let left, let right):
            guard let lhs = constantString(left, in: &frame, depth: depth + 1),
                let rhs = constantString(right, in: &frame, depth: depth + 1),
                lhs.utf8.count + rhs.utf8.count <= Self.maximumCertainBytes
            else { return nil }
            return lhs + rhs
        default:
            return nil
        }
    }

    /// The names function `key` binds anywhere, by text: its parameters and named results, what its body assigns or
    /// declares (``parametersWritten(_:)``), and, by the tokens, every name followed by an assignment (`x := <-ch` in
    /// a `select` case, which the statements leave out).
    private mutating func namesBound(_ key: CobraFunctionID) -> Set<String> {
        if let known = boundNames[key] { return known }
        let declaration = declared.list[Int(key)]
        let names = sources[declaration.file].namesBound(ofFunction: declaration.index)
        boundNames[key] = names
        return names
    }

    /// The names function `index` of `file` binds (``namesBound(_:)``): they depend on the file alone.
    static func namesBound(ofFunction index: Int, in file: CobraFile, written: Set<CobraLocalName>,
        text: (CobraLocalName) -> String) -> Set<String>
    {
        let function = file.functions[index].declaration
        var names = Set((function.signature.parameters + function.signature.results).compactMap(\.name))
        for name in written { names.insert(text(name)) }
        if let body = function.body {
            let tokens = file.go.tokens
            for index in body where tokens[index].kind == .identifier && Self.assignedAfter(index, in: tokens) {
                names.insert(tokens[index].text)
            }
        }
        return names
    }

    /// The parameters of function `key` its body may change: assigned (`kind = ...`, also in a function literal),
    /// declared again (`kind := ...`, a loop's variable, a literal's parameter of the same name), or whose address is
    /// taken (`&kind`).
    private mutating func parametersWritten(_ key: CobraFunctionID) -> Set<CobraLocalName> {
        if let known = writtenParameters[key] { return known }
        let declaration = declared.list[Int(key)]
        let written = sources[declaration.file].parametersWritten(ofFunction: declaration.index)
        writtenParameters[key] = written
        return written
    }

    static func collectWritten(_ statements: [CobraStatement], into written: inout Set<CobraLocalName>) {
        for statement in statements {
            switch statement {
            case .expression(let expression):
                collectWritten(expression, into: &written)
            case .assign(let targets, _, let sources, _):
                for target in targets {
                    if case .name(let name) = target { written.insert(name) }
                    collectWritten(target, into: &written)
                }
                for source in sources { collectWritten(source, into: &written) }
            case .declare(let names, _, let sources):
                written.formUnion(names)
                for source in sources { collectWritten(source, into: &written) }
            case .return(let results):
                for result in results { collectWritten(result, into: &written) }
            case .range(let names, let collection, let body):
                for name in names {
                    if case .name(let local) = name { written.insert(local) }
                    collectWritten(name, into: &written)
                }
                collectWritten(collection, into: &written)
                collectWritten(body, into: &written)
            case .block(let inner):
                collectWritten(inner, into: &written)
            case .conditional(let header, let condition, let then, let otherwise):
                collectWritten(header, into: &written)
                if let condition { collectWritten(condition, into: &written) }
                collectWritten(then, into: &written)
                collectWritten(otherwise, into: &written)
            case .switchCases(let tag, let clauses):
                if let tag { collectWritten(tag, into: &written) }
                for clause in clauses {
                    for expression in clause.cases ?? [] { collectWritten(expression, into: &written) }
                    collectWritten(clause.body, into: &written)
                }
            case .typeSwitch(let subject, let clauses):
                collectWritten(subject, into: &written)
                for clause in clauses { collectWritten(clause.body, into: &written) }
            case .loop(let header, let body):
                collectWritten(header, into: &written)
                collectWritten(body, into: &written)
            case .deferred(let expression):
                collectWritten(expression, into: &written)
            case .continueRange, .breakRange, .jump, .label, .leave:
                continue
            }
        }
    }

    private static func collectWritten(_ expression: CobraExpr, into written: inout Set<CobraLocalName>) {
        switch expression {
        case .name, .string, .opaque:
            return
        case .unary(let op, let operand):
            if op == .address, case .name(let name) = operand { written.insert(name) }
            collectWritten(operand, into: &written)
        case .selector(let base, _, _):
            collectWritten(base, into: &written)
        case .call(let callee, let arguments, _):
            collectWritten(callee, into: &written)
            for argument in arguments { collectWritten(argument, into: &written) }
        case .composite(_, let elements, _):
            for element in elements {
                if let key = element.key { collectWritten(key, into: &written) }
                collectWritten(element.value, into: &written)
            }
        case .binary(_, let left, let right):
            collectWritten(left, into: &written)
            collectWritten(right, into: &written)
        case .index(let base, let indices):
            collectWritten(base, into: &written)
            for index in indices { collectWritten(index, into: &written) }
        case .function(let literal):
            written.formUnion(literal.parameters.compactMap { $0 })
            collectWritten(literal.body, into: &written)
        }
    }

    /// Whether some file read may write string field `field` of a value after its literal gave it, by the tokens
    /// (worked out once a run, before any code runs): `x.field` assigned (`=`, `+=`, also as one of several targets,
    /// `x.field, y = ...`) or its address taken (`&x.field`, which a flag bound to it writes when it is parsed), on a
    /// value of any type.
    private mutating func stringFieldWritten(_ field: String) -> Bool {
        if let known = stringFieldsWritten[field] { return known }
        var written = false
        search: for source in sources {
            let tokens = source.file.go.tokens
            for index in tokens.indices
            where index > 0 && tokens[index].kind == .identifier && tokens[index].text == field
                && tokens[index - 1].symbol == .period
            {
                if Self.assignedAfter(index, in: tokens) || Self.addressTaken(chainEndingAt: index, in: tokens) {
                    written = true
                    break search
                }
            }
        }
        stringFieldsWritten[field] = written
        return written
    }

    /// Whether the statement goes on from the token at `index` to an assignment before its end, outside brackets
    /// (`x.f = v`, `x.f, y = ...`, `x.f++`).
    static func assignedAfter(_ index: Int, in tokens: [GoToken]) -> Bool {
        var depth = 0
        for position in index + 1..<tokens.count {
            let token = tokens[position]
            if token.kind == .semicolon && depth == 0 { return false }
            guard let symbol = token.symbol else { continue }
            if [.leftParen, .leftBracket].contains(symbol) { depth += 1 }
            if symbol == .leftBrace {
                if depth == 0 { return false }
                depth += 1
            }
            if [.rightParen, .rightBracket, .rightBrace].contains(symbol) {
                depth -= 1
                if depth < 0 { return false }
            }
            if depth == 0 && (writes.contains(symbol) || symbol == .colon) {
                return writes.contains(symbol)
            }
        }
        return false
    }

    /// Whether the selector chain ending at `index` (`a.b[i].field`) is preceded by `&`.
    private static func addressTaken(chainEndingAt index: Int, in tokens: [GoToken]) -> Bool {
        var position = beforeChain(endingAt: index, in: tokens, throughCalls: true)
        // `&(x.field)` too.
        while position >= 0, tokens[position].symbol == .leftParen { position -= 1 }
        return position >= 0 && tokens[position].symbol == .ampersand
    }

    /// Records `verdict` of `test` on the entry `objects` (``entryVerdicts``), and the objects as decided (a call not
    /// read that they are handed to may replace them: ``listsDecidedOnHandedObjects()``).
    private mutating func recordVerdict(_ verdict: Bool?, _ test: String, of objects: CobraValues?, in frame: Frame)
        -> Bool?
    {
        guard let objects else { return verdict }
        for case .object(let site, _) in objects {
            if verdict != nil { decidedObjects.insert(site) }
            let key = "\(site.file) \(site.offset) \(site.context) \(frame.file) \(test)"
            entryVerdictsThisPass.insert(key)
            if test == "nil" { nilTested.insert(site) }
            if !recording.isEmpty { recording[recording.count - 1].verdicts.append(key) }
            if let first = entryVerdicts[key] {
                if first != verdict { entryVerdictsDiffer = true
                }
            } else {
                entryVerdicts[key] = .some(verdict)
            }
        }
        return verdict
    }

    /// Whether a decision by an entry's nil-ness or getter differs between passes, or was made in an earlier pass and
    /// not in the last (``entryVerdicts``): the surface is then read again without such decisions.
    func entryDecisionsChanged() -> Bool {
        return entryVerdictsDiffer || entryVerdictsThisPass.count != entryVerdicts.count
    }

    /// The strings `x.Method()` returns when `x` is one object of the program's types and `Method` a method of its
    /// type whose body is only `return r.Field` (`r` its receiver): the strings the object's field holds, when it
    /// holds strings only. Nil otherwise.
    private mutating func getterStrings(_ call: CobraExpr, in frame: inout Frame)
        -> (objects: CobraValues, test: String, strings: [String])?
    {
        guard case .call(.selector(let base, let method, _), let arguments, _) = call, arguments.isEmpty,
            let objects = onlyObjects(base, in: &frame), case .object(_, let type)? = objects.only
        else { return nil }
        guard let found = methodOrPromoted(runName(method, in: frame.file), of: type, preferring: frame.folder),
            found.receiver == type
        else { return nil }
        let declaration = declared.list[Int(found.key)]
        let function = files[declaration.file].functions[declaration.index]
        let body = sources[declaration.file].body(of: declaration.index)
        guard let receiver = function.receiver?.name, function.parameters.isEmpty, body.count == 1,
            case .return(let results) = body[0], results.count == 1,
            case .selector(.name(receiver), let field, _) = results[0], let object = objects.only
        else { return nil }
        let held = readField(of: object, runName(field, in: declaration.file))
        var strings: [String] = []
        for value in held {
            guard case .string(let text) = value else { return nil }
            strings.append(text)
        }
        return strings.isEmpty ? nil : (objects, text(of: method, in: frame.file), strings)
    }

    /// A filter's argument as a constant: one string (a command's `Use` read as a cell) or bool.
    private mutating func constantArgument(_ argument: CobraExpr, in frame: inout Frame) -> CobraPredicate.Value? {
        guard !Self.containsCall(argument) else { return nil }
        if case .selector(let base, let field, _) = argument {
            let name = runName(field, in: frame.file)
            let held = evaluate(base, in: &frame)
            if case .command(let site)? = held.only, name == CobraKnown.use.id {
                guard case .string(let use)? = read(objectFieldCell(site, name))?.only else { return nil }
                return .string(use)
            }
            // A list the entry's literal gives a field (`DefinedOn: []string{"dev"}`) decides only in a loop over a
            // table nothing in the files read can replace, append to or take apart (``tableUnchanged(_:)``: review H8,
            // `table[0] = Flag{...}`, `*p = Flag{...}`, `table = []Flag{...}` in an `init`), whose field no file writes
            // (``fieldMayChange(_:)``), and which holds that list and nothing else.
            if literalListsDecide, let entry = frame.unchangedEntry?.only, case .object(let site, _)? = held.only,
                held.only == entry, let list = objectLists[site]?[name], !fieldMayChange(name)
            {
                let holds = readField(of: entry, name)
                guard holds == CobraValues(list.map(CobraValue.string)) else { return nil }
                decidedObjects.insert(site)
                return .list(list)
            }
        }
        switch evaluate(argument, in: &frame).only {
        case .string(let text)?: return .string(text)
        case .bool(let value)?: return .bool(value)
        default: return nil
        }
    }

    /// Whether some file read may change field `field` of a value after its literal, or share what it holds: every
    /// use of the field (`x.DefinedOn`, `registry[i].DefinedOn`) must be a whole argument of a call to a function of
    /// the files read that only reads its parameters (``isPureFunction(_:)``, the filter's `hasCmdAnnotation`). Not:
    /// assigned, indexed (`x.DefinedOn[0] = ...`), resliced, its address taken, or read into a variable, a map or
    /// another call (`on := x.DefinedOn; on[0] = "run"` writes the list the entry holds). By the tokens, worked out
    /// once a run a field name, before any code runs, so a write met late, in an `init`, cannot come after a decision.
    private mutating func fieldMayChange(_ field: CobraName) -> Bool {
        if let known = fieldsChanged[field] { return known }
        let text = numbering.table.names[Int(field)]
        var changed = false
        search: for source in sources {
            let tokens = source.file.go.tokens
            for index in tokens.indices
            where tokens[index].kind == .identifier && tokens[index].text == text && index > 0
                && tokens[index - 1].symbol == .period
            {
                guard let callee = Self.calleeTakingWhole(argumentEndingAt: index, in: tokens),
                    isPureFunction(callee)
                else {
                    changed = true
                    break search
                }
            }
        }
        fieldsChanged[field] = changed
        return changed
    }

    /// The name of the function whose call has, as one whole argument, the selector chain ending at `index`
    /// (`f(a, x.y[i].field)`): nil when the chain is not a whole argument of a call to a plain name.
    private static func calleeTakingWhole(argumentEndingAt index: Int, in tokens: [GoToken]) -> String? {
        guard index + 1 < tokens.count, [.rightParen, .comma].contains(tokens[index + 1].symbol) else { return nil }
        var position = beforeChain(endingAt: index, in: tokens, throughCalls: false)
        guard position >= 0, [.leftParen, .comma].contains(tokens[position].symbol) else { return nil }
        // Back over the arguments before it to the call's `(`.
        var depth = 0
        while position >= 0 {
            let symbol = tokens[position].symbol
            if [.rightParen, .rightBracket, .rightBrace].contains(symbol) { depth += 1 }
            if [.leftParen, .leftBracket, .leftBrace].contains(symbol) {
                if depth == 0 { break }
                depth -= 1
            }
            position -= 1
        }
        guard position >= 1, tokens[position].symbol == .leftParen, tokens[position - 1].kind == .identifier,
            position < 2 || tokens[position - 2].symbol != .period
        else { return nil }
        return tokens[position - 1].text
    }

    /// The index of the token before the selector chain ending at `index`: back over names, `.`, bracketed indices, and
    /// (`throughCalls`) the parentheses of calls (`a.b(x)[i].field`).
    private static func beforeChain(endingAt index: Int, in tokens: [GoToken], throughCalls: Bool) -> Int {
        let (opening, closing): (Set<GoOperator>, Set<GoOperator>) =
            throughCalls ? ([.leftBracket, .leftParen], [.rightBracket, .rightParen]) : ([.leftBracket], [.rightBracket])
        var position = index - 1
        while position >= 0 {
            let token = tokens[position]
            if token.symbol == .period || token.kind == .identifier {
                position -= 1
            } else if let symbol = token.symbol, closing.contains(symbol) {
                var depth = 0
                while position >= 0 {
                    if let symbol = tokens[position].symbol {
                        if closing.contains(symbol) { depth += 1 }
                        if opening.contains(symbol) {
                            depth -= 1
                            if depth == 0 { break }
                        }
                    }
                    position -= 1
                }
                position -= 1
            } else {
                break
            }
        }
        return position
    }

    /// Whether every function (not method) of the files read named `name` only reads its parameters: its body has no
    /// assignment but the `:=` of a `for ... := range` header, no `&`, no `*`, no function literal, `go` or `defer`, and
    /// calls nothing but `len`. There is at least one.
    private mutating func isPureFunction(_ name: String) -> Bool {
        if let known = pureFunctions[name] { return known }
        var found = false
        // A function of the program named `len` would be called instead of the built-in.
        var pure = !files.contains { $0.functions.contains { $0.declaration.name == "len" } }
        search: for (index, file) in files.enumerated() where pure {
            let tokens = sources[index].file.go.tokens
            for function in file.functions where function.declaration.name == name {
                guard function.receiver == nil, let body = function.declaration.body else {
                    pure = false
                    break search
                }
                found = true
                for position in body {
                    let token = tokens[position]
                    if case .keyword(let word) = token.kind, [.func, .go, .defer, .goto].contains(word) {
                        pure = false
                        break search
                    }
                    guard let symbol = token.symbol else { continue }
                    if symbol == .define, position + 1 < tokens.count, tokens[position + 1].kind == .keyword(.range) {
                        continue
                    }
                    if Self.writes.contains(symbol) || symbol == .ampersand || symbol == .star {
                        pure = false
                        break search
                    }
                    if symbol == .leftParen, position > body.lowerBound, tokens[position - 1].kind == .identifier,
                        tokens[position - 1].text != "len"
                    {
                        pure = false
                        break search
                    }
                }
            }
        }
        pureFunctions[name] = found && pure
        return found && pure
    }

    /// The operators that write what stands before them.
    private static let writes: Set<GoOperator> = [
        .assign, .define, .plusAssign, .minusAssign, .starAssign, .slashAssign, .percentAssign, .ampersandAssign,
        .pipeAssign, .caretAssign, .shiftLeftAssign, .shiftRightAssign, .andNotAssign, .increment, .decrement,
    ]

    /// Whether the package-level table `name` holds, in every file read, what its one literal gives and nothing else,
    /// by the tokens (worked out once a run, before any code runs): it is unexported (no package not read can reach
    /// it), declared once (`var registry = []Flag{...}`), and every other use reads it: `range registry`, `len(...)`,
    /// `registry[i]` read (not assigned, not resliced), `&registry[i]` only with the index of a loop over it. Not:
    /// assigned, appended to, copied into, resliced, passed or aliased whole, its address taken. And no file writes
    /// through a pointer (`*p = Flag{...}`), which a pointer to an entry could do (``pointerWrites``; a struct of no
    /// objects written through its own receiver counts only where a loop's entries may hold it). What
    /// reaches an entry through a call the files do not define (`reflect`, code not read) is seen as the code runs
    /// (``listsDecidedOnHandedObjects``).
    private mutating func tableUnchanged(_ name: CobraName) -> Bool {
        if let known = tablesUnchanged[name] { return known }
        let text = numbering.table.names[Int(name)]
        var unchanged = false
        if let file = Self.tableUnchanged(text, in: sources.map(\.file.go.tokens)), !pointerWrites.any {
            // Code of the table's package in a file not read could write it.
            let path = paths[file]
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            unchanged = !partialFolders.contains(folder)
        }
        tablesUnchanged[name] = unchanged
        return unchanged
    }

    /// The file declaring table `text` when the tokens show nothing can change it (``tableUnchanged(_:)``), else nil.
    static func tableUnchanged(_ text: String, in files: [[GoToken]]) -> Int? {
        // Unexported: an ASCII lower-case letter or `_` first (Go exports a name whose first letter is upper case).
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || (first >= 0x61 && first <= 0x7a) else {
            return nil
        }
        var declarations = 0
        var declaring: Int?
        var loops = 0
        for (fileIndex, tokens) in files.enumerated() {
            var braces = 0
            // Inside a top-level `var ( ... )`: its parenthesis depth (the group's own is 1), else 0.
            var group = 0
            // The loops over the table running at this point: where their body ends and their index.
            var open: [(end: Int, index: String?)] = []
            for index in tokens.indices {
                let token = tokens[index]
                if token.symbol == .leftBrace { braces += 1 }
                if token.symbol == .rightBrace { braces -= 1 }
                if braces == 0 {
                    if group > 0 {
                        if token.symbol == .leftParen { group += 1 }
                        if token.symbol == .rightParen { group -= 1 }
                    } else if token.symbol == .leftParen, index > 0, tokens[index - 1].kind == .keyword(.var) {
                        group = 1
                    }
                }
                while let last = open.last, last.end < index { open.removeLast() }
                guard token.kind == .identifier, token.text == text else { continue }
                let previous = index > 0 ? tokens[index - 1] : nil
                if previous?.symbol == .period { continue }
                let next = index + 1 < tokens.count ? tokens[index + 1] : nil
                if braces == 0 {
                    // The declaration: `var registry = ...` or a line of a `var ( ... )` group.
                    let declares =
                        previous?.kind == .keyword(.var)
                        || (group == 1 && (previous?.symbol == .leftParen || previous?.kind == .semicolon))
                    // Given a composite literal of its own (`= []Flag{...}`, not `= base` or `= []*Flag{&entry}`), and
                    // nothing more (`= Options{...}.Add(more)`).
                    guard declares, next?.symbol == .assign else { return nil }
                    var brace = index + 2
                    while brace < tokens.count, tokens[brace].symbol != .leftBrace {
                        let part = tokens[brace]
                        guard part.kind == .identifier || [.leftBracket, .rightBracket, .period].contains(part.symbol)
                        else { return nil }
                        brace += 1
                    }
                    guard brace > index + 2, let end = Self.closing(from: brace, in: tokens), end + 1 < tokens.count,
                        tokens[end + 1].kind == .semicolon || tokens[end + 1].symbol == .rightParen
                    else { return nil }
                    declarations += 1
                    declaring = fileIndex
                    continue
                }
                if previous?.kind == .keyword(.range) {
                    // `for i := range registry {`: the loop's body and its index (`_` or none: no index).
                    guard next?.symbol == .leftBrace, let end = Self.closing(from: index + 1, in: tokens) else {
                        return nil
                    }
                    var start = index - 1
                    while start > 0, tokens[start].kind != .keyword(.for) { start -= 1 }
                    let named = start + 1 < index && tokens[start + 1].kind == .identifier && tokens[start + 1].text != "_"
                    open.append((end, named ? tokens[start + 1].text : nil))
                    loops += 1
                    continue
                }
                if next?.symbol == .leftBracket {
                    guard let end = Self.closing(from: index + 1, in: tokens) else { return nil }
                    // A reslice (`registry[1:]`) shares the entries.
                    var depth = 0
                    for inner in index + 1...end {
                        if let symbol = tokens[inner].symbol {
                            if [.leftParen, .leftBracket, .leftBrace].contains(symbol) { depth += 1 }
                            if [.rightParen, .rightBracket, .rightBrace].contains(symbol) { depth -= 1 }
                            if symbol == .colon && depth == 1 { return nil }
                        }
                    }
                    if end + 1 < tokens.count, let after = tokens[end + 1].symbol,
                        writes.contains(after) || after == .comma || after == .leftBracket
                    {
                        return nil
                    }
                    // `&registry[i]` (also `&(registry[i])`): only an entry of the loop over the table.
                    var before = index - 1
                    while before >= 0, tokens[before].symbol == .leftParen { before -= 1 }
                    if before >= 0, tokens[before].symbol == .ampersand {
                        guard end == index + 3, tokens[index + 2].kind == .identifier,
                            open.contains(where: { $0.index == tokens[index + 2].text })
                        else { return nil }
                    }
                    continue
                }
                // `len(registry)`, `cap(registry)`.
                if previous?.symbol == .leftParen, next?.symbol == .rightParen, index >= 2,
                    tokens[index - 2].kind == .identifier, ["len", "cap"].contains(tokens[index - 2].text),
                    index < 3 || tokens[index - 3].symbol != .period
                {
                    continue
                }
                return nil
            }
        }
        return declarations == 1 && loops == 1 ? declaring : nil
    }

    /// The index of the bracket closing the one at `start`.
    private static func closing(from start: Int, in tokens: [GoToken]) -> Int? {
        var depth = 0
        for index in start..<tokens.count {
            guard let symbol = tokens[index].symbol else { continue }
            if [.leftParen, .leftBracket, .leftBrace].contains(symbol) { depth += 1 }
            if [.rightParen, .rightBracket, .rightBrace].contains(symbol) {
                depth -= 1
                if depth == 0 { return index }
                if depth < 0 { return nil }
            }
        }
        return nil
    }

    /// Whether a statement of some file writes through a pointer: `*p = v`, `(*p) = v`, `a, *p = ...`, `*p += 1`,
    /// `case *p = <-ch:` (a `*` starting a statement or a target, whose statement goes on to an assignment). Not
    /// `*p = ...` where `p` is the pointer receiver of the method it is in, of a type that holds no object
    /// (``holdsNoObject(_:folder:declared:seen:)``: `func (s *Scanners) Enable(x Scanner) { *s = append(*s, x) }` with
    /// `type Scanners []Scanner` and `type Scanner string`): Go's types make `*p` a value of that type wherever `p`
    /// points, which can neither be an entry of a table of structs nor hold one. A type name without a package is
    /// looked up in the folder of the file (`folders`, one a file): its package (another package's `Scanner`
    /// interface does not make `types.Scanner`, a string, hold objects).
    static func pointerWrites(in files: [GoFile], folders: [Int32]) -> CobraPointerWrites {
        var found = CobraPointerWrites()
        var declared: [PackageType: [GoType]] = [:]
        for (file, folder) in zip(files, folders) {
            for case .type(let spec) in file.declarations {
                // A generic type's parameters are not types of the files: such a type counts as holding objects.
                declared[PackageType(folder: folder, name: spec.name), default: []].append(
                    spec.typeParameters.isEmpty ? spec.type : .structure([]))
            }
        }
        for (file, folder) in zip(files, folders) {
            let tokens = file.tokens
            for index in tokens.indices where tokens[index].symbol == .star {
                switch receiverWriteOfPlainType(at: index, in: file, folder: folder, declared: declared) {
                case .none?: continue
                case .plainStruct(let name)?:
                    found.plainStructs.insert(name)
                    continue
                case nil: break
                }
                var start = index
                while start > 0, tokens[start - 1].symbol == .leftParen { start -= 1 }
                guard start > 0 else { continue }
                let previous = tokens[start - 1]
                var begins = previous.kind == .semicolon
                    || [.leftBrace, .rightBrace, .comma, .colon].contains(previous.symbol)
                if case .keyword(let word) = previous.kind, [.if, .for, .switch, .case].contains(word) {
                    begins = true
                }
                guard begins else { continue }
                var depth = 0
                scan: for inner in start..<tokens.count {
                    let token = tokens[inner]
                    if token.kind == .semicolon && depth == 0 { break }
                    guard let symbol = token.symbol else { continue }
                    switch symbol {
                    case .leftParen, .leftBracket: depth += 1
                    case .leftBrace:
                        if depth == 0 { break scan }
                        depth += 1
                    case .rightParen, .rightBracket, .rightBrace:
                        depth -= 1
                        if depth < 0 { break scan }
                    case .colon where depth == 0: break scan
                    default:
                        if depth == 0 && writes.contains(symbol) {
                            found.any = true
                            return found
                        }
                    }
                }
            }
        }
        return found
    }

    /// What the `*` at `index` writes when it starts a statement `*p = ...` (or `*p += ...`, `(*p)[k] = ...`; also the
    /// first of a `case ...:` clause or after a label) in a method whose pointer receiver is `p`, with no function
    /// literal in the body and `p` bound nowhere else in it: ``CobraPointerWrites/Plain``, nil when the write may
    /// replace an object (or the statement is another).
    private static func receiverWriteOfPlainType(
        at index: Int, in file: GoFile, folder: Int32, declared: [PackageType: [GoType]]
    ) -> CobraPointerWrites.Plain?
    {
        let tokens = file.tokens
        // `*p`, `(*p)`, and elements of it (`(*p)[k]`, `(*p)[i][j]`), as the target of the statement.
        var start = index
        while start > 0, tokens[start - 1].symbol == .leftParen { start -= 1 }
        var end = index + 2
        for _ in start..<index {
            guard end < tokens.count, tokens[end].symbol == .rightParen else { return nil }
            end += 1
        }
        while end < tokens.count, tokens[end].symbol == .leftBracket {
            var depth = 0
            while end < tokens.count {
                if tokens[end].symbol == .leftBracket { depth += 1 }
                if tokens[end].symbol == .rightBracket { depth -= 1 }
                end += 1
                if depth == 0 { break }
            }
        }
        guard start > 0, index + 1 < tokens.count, tokens[index + 1].kind == .identifier, end < tokens.count,
            let operation = tokens[end].symbol, writes.contains(operation), operation != .define,
            tokens[start - 1].kind == .semicolon || tokens[start - 1].symbol == .leftBrace
                || tokens[start - 1].symbol == .rightBrace || tokens[start - 1].symbol == .colon
        else { return nil }
        let name = tokens[index + 1].text
        guard
            let method = file.declarations.lazy.compactMap({ declaration -> GoFunction? in
                guard case .function(let function) = declaration, let body = function.body, body.contains(index)
                else { return nil }
                return function
            }).first,
            let receiver = method.receiver, receiver.isPointer, receiver.name == name, let body = method.body
        else { return nil }
        // `p` bound again in the body (`p := ...`, `var p`, `for _, p = range`, a literal's parameter) may point elsewhere.
        for inner in body where tokens[inner].kind == .identifier && tokens[inner].text == name {
            // `*p = ...` writes what `p` points to; `p = ...` (or `p, q = ...`) makes it point elsewhere.
            if inner > 0, tokens[inner - 1].symbol == .star { continue }
            let next = inner + 1 < tokens.count ? tokens[inner + 1].symbol : nil
            if next == .define || next == .comma || next == .assign { return nil }
            if inner > 0, case .keyword(.var) = tokens[inner - 1].kind { return nil }
        }
        if body.contains(where: { tokens[$0].kind == .keyword(.func) }) { return nil }
        var seen: Set<String> = []
        let type = GoType.named(package: nil, name: receiver.typeName, arguments: [])
        if holdsNoObject(type, folder: folder, declared: declared, seen: &seen) { return CobraPointerWrites.Plain.none }
        // A struct of such fields: the write changes strings and numbers in place, and makes nothing nil.
        guard let types = declared[PackageType(folder: folder, name: receiver.typeName)], types.count == 1,
            case .structure(let fields) = types[0]
        else { return nil }
        var fieldsSeen: Set<String> = [receiver.typeName]
        guard fields.allSatisfy({ holdsNoObject($0.type, folder: folder, declared: declared, seen: &fieldsSeen) })
        else { return nil }
        return .plainStruct(receiver.typeName)
    }

    /// Whether a value of `type` can neither be an object (a struct, a pointer, an interface, a function, a channel)
    /// nor hold one: a predeclared basic type, a type the package in `folder` declares (every declaration of that
    /// name there) as one, and slices, arrays and maps of such types. A type of another package, or one not declared
    /// in the files, may.
    private static func holdsNoObject(
        _ type: GoType, folder: Int32, declared: [PackageType: [GoType]], seen: inout Set<String>
    ) -> Bool {
        switch type {
        case .named(let package, let name, let arguments):
            guard package == nil, arguments.isEmpty else { return false }
            if let types = declared[PackageType(folder: folder, name: name)] {
                guard seen.insert(name).inserted else { return true }
                return types.allSatisfy { holdsNoObject($0, folder: folder, declared: declared, seen: &seen) }
            }
            return basicTypes.contains(name)
        case .slice(let element), .array(_, let element):
            return holdsNoObject(element, folder: folder, declared: declared, seen: &seen)
        case .map(let key, let value):
            return holdsNoObject(key, folder: folder, declared: declared, seen: &seen)
                && holdsNoObject(value, folder: folder, declared: declared, seen: &seen)
        default: return false
        }
    }

    /// A type name declared in one folder's package.
    struct PackageType: Hashable {
        let folder: Int32
        let name: String
    }

    /// Go's predeclared types that are neither interfaces (`error`, `any`) nor hold anything.
    static let basicTypes: Set<String> = [
        "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "byte", "rune", "float32", "float64", "complex64", "complex128",
    ]

    /// Whether `expression` calls something (outside function literals).
    private static func containsCall(_ expression: CobraExpr) -> Bool {
        switch expression {
        case .call: return true
        case .name, .string, .opaque, .function: return false
        case .selector(let base, _, _): return containsCall(base)
        case .composite(_, let elements, _):
            return elements.contains { containsCall($0.value) || $0.key.map(containsCall) == true }
        case .unary(_, let operand): return containsCall(operand)
        case .binary(_, let left, let right): return containsCall(left) || containsCall(right)
        case .index(let base, let indices): return containsCall(base) || indices.contains(where: containsCall)
        }
    }

    /// The text a value of the program's types is ordered by in ``rangeElements(_:limit:)``: its description after
    /// `object(Cobra.CobraSite(file: `, which every object's description starts with.
    static func orderText(of value: CobraValue) -> String {
        guard case .object(let site, let type) = value else { return "\(value)" }
        return "\(site.file), offset: \(site.offset), context: \(site.context)), \(type))"
    }

    // MARK: Default commands

    /// `root.CompletionOptions.DisableDefaultCmd = true`, `cmd.Root().CompletionOptions = cobra.CompletionOptions{...}`:
    /// what the program tells cobra about its default `completion` command. Returns whether `target` was one.
    private mutating func completionOption(
        _ target: CobraExpr, source: CobraExpr?, _ value: CobraValues, in frame: inout Frame
    ) -> Bool {
        guard case .selector(let base, let field, _) = target else { return false }
        if runName(field, in: frame.file) == CobraKnown.completionOptions.id {
            for owner in completionOwners(base, in: &frame) {
                if let source {
                    completionOptions(source, of: owner, in: &frame)
                } else {
                    recordCompletionOptions(nil, of: owner, conditional: isConditional(owner))
                }
            }
            return true
        }
        guard case .selector(let options, let optionsField, _) = base,
            runName(optionsField, in: frame.file) == CobraKnown.completionOptions.id
        else { return false }
        for owner in completionOwners(options, in: &frame) {
            recordCompletionOption(
                owner, text(of: field, in: frame.file), value, conditional: isConditional(owner))
        }
        return true
    }

    /// A `cobra.CompletionOptions{...}` value given to `owner` whole: its fields, the others unset.
    private mutating func completionOptions(_ value: CobraExpr, of owner: CobraCompletionOwner, in frame: inout Frame) {
        guard case .composite(_, let elements, _) = Self.withoutAddress(value) else {
            _ = evaluate(value, in: &frame)
            recordCompletionOptions(nil, of: owner, conditional: isConditional(owner))
            return
        }
        var fields: [(String, CobraValues)] = []
        for element in elements {
            guard case .name(let name)? = element.key else { continue }
            fields.append((text(of: name, in: frame.file), evaluate(element.value, in: &frame)))
        }
        recordCompletionOptions(fields, of: owner, conditional: isConditional(owner))
    }

    /// Whether a completion setting made now on `owner` holds only in some runs: an undecided branch encloses it
    /// within the innermost running body that made the command, or at all when no running body did (a setting on the
    /// root, which one place makes). Judged within the maker, it does not depend on which caller reached it first; a
    /// branch between the maker and the setting still makes it conditional.
    private func isConditional(_ owner: CobraCompletionOwner) -> Bool {
        if case .command(let site) = owner,
            let body = bodies.last(where: { $0.made.contains(.command(site)) })
        {
            return undecidedBranches > body.entryUndecided
        }
        return undecidedBranches > 0
    }

    /// Whether a hiding made now holds in every run that reaches it: no undecided branch encloses it, counted from
    /// the entry point whichever body it is in. Judged within the body that made the command or flag instead, a
    /// helper that defines and hides a flag, reached on one path of a branch while the other path defines the flag
    /// shown (or two constructors of one command, one hiding it), would hide it on every path, and with `hidden:
    /// experimental` its removal would pass. A call runs once a pass in the context of whichever caller reaches it
    /// first, so a hiding reached first from an undecided branch is not counted: shown, which may claim a change that
    /// is not one, never miss one.
    private var hidingHolds: Bool { undecidedBranches == 0 }

    /// Whether hiding the flags `names` of `set` holds in every run that has them although `hidingHolds` does not: the
    /// only undecided things around are `if`s that return before (``earlyReturns``), and each flag was defined only in
    /// the rest after the innermost of them. A flag defined before that `if` is shown in the runs that return there.
    private func hidingHoldsAfterReturns(_ set: CobraFlagSetID, _ names: [String]) -> Bool {
        guard let innermost = earlyReturns.last, undecidedBranches == earlyReturns.count else { return false }
        return names.allSatisfy { name in
            let key = CobraFlagKey(set: set, name: name)
            return !mixedRests.contains(key) && flagRests[key] == .some(innermost)
        }
    }

    /// Records the rest (``earlyReturns``) flag `name` of `set` is defined in now.
    private mutating func recordFlagRest(_ set: CobraFlagSetID, _ name: String) {
        let key = CobraFlagKey(set: set, name: name)
        guard !mixedRests.contains(key) else { return }
        let now = earlyReturns.last
        if let known = flagRests[key] {
            if known != now { mixedRests.insert(key) }
        } else {
            flagRests[key] = .some(now)
        }
    }

    /// Records that the running body made `thing`, in its record too (``CobraCallRecord/made``).
    private mutating func noteMade(_ thing: CobraMade) {
        guard !bodies.isEmpty, bodies[bodies.count - 1].made.insert(thing).inserted else { return }
        if !recording.isEmpty { recording[recording.count - 1].made.append(thing) }
    }

    /// The commands whose `CompletionOptions` `expression` names: `cmd.Root()` is the root, whichever it is.
    private mutating func completionOwners(_ expression: CobraExpr, in frame: inout Frame) -> [CobraCompletionOwner] {
        if case .call(.selector(_, let method, _), let arguments, _) = expression, arguments.isEmpty,
            runName(method, in: frame.file) == CobraKnown.root.id
        {
            return [.root]
        }
        let sites = evaluate(expression, in: &frame).compactMap { value -> CobraSite? in
            if case .command(let site) = value { return site }
            return nil
        }
        return sites.isEmpty ? [.unknown] : sites.map(CobraCompletionOwner.command)
    }

    // MARK: Statements

    /// A name a block of Go code declares (`:=`, `var`) that the code around the block may also bind: what the
    /// enclosing scope bound to it when the block declared it (nil: nothing, so the name is a package's there), bound
    /// again when the block ends (review R61: `{ g := NewGroup(); g.Disk = nil }` leaves the outer `g` alone).
    private struct Shadowed {
        let name: CobraLocalName
        let values: CobraValues?
        let certain: String?
        let nilType: CobraName?
    }

    /// A local bound to a literal of one entry (`[]*Group{NewGroup()}`, `map[string]*Group{"a": NewGroup()}`): the
    /// entry's key (nil for a list's, whose index is 0) and what the entry holds (``Frame/oneEntry``).
    struct CobraOneEntry {
        let key: String?
        var values: CobraValues
    }

    /// `name := <literal>` (or `var name = <literal>`): when the literal is a list or map of one entry (a map's by a
    /// constant string key), the entry is recorded for an assignment to it in order (``replaceOneEntry(_:_:in:)``).
    private mutating func recordOneEntry(_ name: CobraLocalName, _ source: CobraExpr, in frame: inout Frame) {
        guard case .composite(let type?, let elements, _) = source, type.isCollection, elements.count == 1,
            let held = frame.locals[name]
        else { return }
        var key: String?
        if let written = elements[0].key {
            guard let text = certainString(written, in: &frame) else { return }
            key = text
        }
        frame.oneEntry[name] = CobraOneEntry(key: key, values: held)
    }

    /// `list[0] = v` or `m["a"] = v` run once, in order, on a local bound to a literal of that one entry: the local
    /// holds `v` there instead of what the literal gave (review R60: `list[0] = &Group{Size: ...}` takes the group
    /// with `Disk` away). Elsewhere (a branch, another index or key, a key not known) nothing is replaced.
    private mutating func replaceOneEntry(_ target: CobraExpr, _ value: CobraValues, in frame: inout Frame) {
        guard case .index(.name(let name), let keys) = target, keys.count == 1, let entry = frame.oneEntry[name],
            !value.isEmpty, assignsInOrder(frame), let held = frame.locals[name]
        else { return }
        if let key = entry.key {
            guard certainString(keys[0], in: &frame) == key else { return }
        } else {
            guard case .opaque(0?) = keys[0] else { return }
        }
        var now = CobraValues(held.filter { !entry.values.contains($0) })
        now.formUnion(value)
        frame.locals.assign(now, to: name)
        frame.oneEntry[name] = CobraOneEntry(key: entry.key, values: value)
    }

    /// Remembers what the enclosing scope binds to the names `statement` declares in the scope it is in (the targets
    /// of `:=`, the names of `var`, and of a `var` group, which is no block of its own), the first time in the scope.
    /// Other statements cost a look at their kind.
    private static func remember(_ statement: CobraStatement, into shadowed: inout [Shadowed], in frame: Frame) {
        switch statement {
        case .assign(let targets, true, _, _):
            for case .name(let name) in targets { remember(name, into: &shadowed, in: frame) }
        case .declare(let names, _, _):
            for name in names { remember(name, into: &shadowed, in: frame) }
        case .block(let inner) where Self.isDeclarationGroup(inner):
            for spec in inner { remember(spec, into: &shadowed, in: frame) }
        default:
            return
        }
    }

    private static func remember(_ name: CobraLocalName, into shadowed: inout [Shadowed], in frame: Frame) {
        guard name != CobraKnown.underscore.id, !shadowed.contains(where: { $0.name == name }) else { return }
        shadowed.append(
            Shadowed(name: name, values: frame.locals[name], certain: frame.certain[name], nilType: frame.nilTypes[name]))
    }

    /// Whether `statements` are a `var` group's specs (``CobraLowering``): they declare in the enclosing scope.
    private static func isDeclarationGroup(_ statements: [CobraStatement]) -> Bool {
        statements.allSatisfy { if case .declare = $0 { true } else { false } }
    }

    /// Runs `statements` as a block of their own (Go's scope of `{ ... }`, a branch, a clause, a loop's body): the
    /// names they declare are theirs, and the enclosing code's are bound again when they end.
    private mutating func executeBlock(_ statements: [CobraStatement], in frame: inout Frame) {
        var shadowed: [Shadowed] = []
        let deferredFrom = frame.deferred.count
        execute(statements, in: &frame, shadowing: &shadowed)
        endScope(shadowed, deferredFrom: deferredFrom, in: &frame)
    }

    /// The end of a block whose declarations shadowed `shadowed`: each name holds again what the enclosing scope gave
    /// it (or is no local again). A call the block put off (`defer g.AddFlags(cmd)`) runs with what the block's names
    /// held.
    private mutating func endScope(_ shadowed: [Shadowed], deferredFrom: Int, in frame: inout Frame) {
        guard !shadowed.isEmpty else { return }
        if deferredFrom < frame.deferred.count {
            for index in deferredFrom..<frame.deferred.count {
                for item in shadowed where !frame.deferred[index].bindings.contains(where: { $0.name == item.name }) {
                    frame.deferred[index].bindings.append((item.name, frame.locals[item.name] ?? []))
                }
            }
        }
        for item in shadowed {
            if let values = item.values {
                frame.locals.assign(values, to: item.name)
            } else {
                frame.locals.remove(item.name)
            }
            frame.certain[item.name] = item.certain
            frame.nilTypes[item.name] = item.nilType
            frame.reassigned(item.name)
        }
    }

    /// Runs the header of an `if` or `for` statement (its initial statement, the condition): once, in order, where the
    /// statement itself is (review R63: `if g.Disk = nil; c {}` and `for g.Disk = nil; c; {}` always give the nil), not
    /// as a branch or a loop's body.
    private mutating func executeHeader(
        _ header: [CobraStatement], in frame: inout Frame, shadowing shadowed: inout [Shadowed]
    ) {
        guard !header.isEmpty else { return }
        unordered -= 1
        frame.depth -= 1
        execute(header, in: &frame, shadowing: &shadowed)
        unordered += 1
        frame.depth += 1
    }

    /// Runs `statements` in order where what they declare needs no scope of its own (a function's body, a `var`
    /// group's specs): nothing is remembered.
    private mutating func execute(_ statements: [CobraStatement], in frame: inout Frame) {
        var shadowed: [Shadowed] = []
        execute(statements, in: &frame, shadowing: &shadowed, scoped: false)
    }

    /// Runs `statements` in order; with `scoped`, what they declare that shadows a binding is added to `shadowed` (the
    /// first time).
    private mutating func execute(
        _ statements: [CobraStatement], in frame: inout Frame, shadowing shadowed: inout [Shadowed],
        scoped: Bool = true
    ) {
        let undecided = undecidedBranches
        let returns = earlyReturns.count
        let conditions = runConditions.count
        defer {
            earlyReturns.removeSubrange(min(returns, earlyReturns.count)...)
            runConditions.removeSubrange(min(conditions, runConditions.count)...)
        }
        for (index, statement) in statements.enumerated() {
            if frame.skipping || frame.filterUndecided || frame.breaking { break }
            // A `goto` may come to a label from before an `if` that leaves: what follows runs in those runs too.
            if case .label = statement { runConditions.removeSubrange(min(conditions, runConditions.count)...) }
            if frame.ended {
                // After a `return` or `goto` every path takes, Go runs nothing up to a label (a `goto` may come there;
                // a label inside a block after it cannot be a goto's target from outside the block).
                if case .label = statement { (frame.ended, frame.afterLabel) = (false, true) }
                continue
            }
            if scoped { Self.remember(statement, into: &shadowed, in: frame) }
            leavingCondition = nil
            execute(statement, in: &frame)
            // After `if os.Getenv("X") == "" { return }` (or a `goto` past what follows), the rest of the block runs
            // only when the condition does not hold.
            if case .conditional(_, _?, let then, _) = statement, let left = leavingCondition,
                Self.leavesBlock(then), !frame.ended
            {
                runConditions.append(Self.negated(left))
            }
            leavingCondition = nil
            // After `if os.Getenv(...) == "" { return f(c) }`, the rest of the block runs only in some runs; after
            // `if err != nil { return err }` it is what runs.
            if case .conditional(_, let condition?, let then, _) = statement, case .return? = then.last,
                !Self.isErrorCheck(condition)
            {
                undecidedBranches += 1
                earlyReturns.append(
                    CobraEarlyReturn(
                        file: frame.file, function: frame.key ?? -2, index: index, count: statements.count,
                        depth: earlyReturns.count))
            }
        }
        undecidedBranches = undecided
    }

    private mutating func execute(_ statement: CobraStatement, in frame: inout Frame) {
        guard hasRoom(key: frame.key, file: frame.file, what: "a statement") else { return }
        let nests: Bool
        switch statement {
        case .block(let inner): nests = !inner.allSatisfy { if case .declare = $0 { true } else { false } }
        case .range, .loop, .conditional, .switchCases, .typeSwitch: nests = true
        default: nests = false
        }
        if nests { frame.depth += 1 }
        defer { if nests { frame.depth -= 1 } }
        // What may run other than once, in order (``unordered``): a `range` counts for itself (its body, run once for
        // the one entry of a list literal, does not).
        let outOfOrder: Bool
        switch statement {
        case .loop, .conditional, .switchCases, .typeSwitch: outOfOrder = true
        default: outOfOrder = frame.afterLabel
        }
        if outOfOrder { unordered += 1 }
        defer { if outOfOrder { unordered -= 1 } }
        switch statement {
        case .expression(let expression):
            _ = evaluate(expression, in: &frame)
            if endsProgram(expression, in: frame) {
                // `panic(...)`, `os.Exit(...)`, `log.Fatal(...)`: nothing after it runs, as after a `return`.
                leavesEntries(&frame)
                (frame.ended, frame.leaving) = (true, .max)
            }
        case .assign(let targets, let define, let sources, _):
            let values = sources.map { evaluate($0, in: &frame) }
            // `v, ok := m[k]`, `v, ok := x.(T)`: `ok` is not what `x` holds (only a call's results are united).
            let commaOK = targets.count == 2 && sources.count == 1 && !Self.isCall(sources[0])
            for (offset, target) in targets.enumerated() {
                var value = values.count == targets.count ? values[offset] : Self.union(values)
                if commaOK && offset == 1 { value = [] }
                let source = values.count == targets.count ? sources[offset] : nil
                if completionOption(target, source: source, value, in: &frame) { continue }
                var zero: CobraValues?
                if value.isEmpty, case .selector(_, let name, _) = target, let source {
                    // A field no one sets keeps Go's zero value: no shorthand, not hidden (for a flag's field).
                    let field = runName(name, in: frame.file)
                    if field == CobraKnown.shorthand.id || field == CobraKnown.hidden.id, neverSet(source, in: frame) {
                        zero = field == CobraKnown.hidden.id ? [.bool(false)] : [.string("")]
                    }
                }
                // `table = append(table, e)` keeps the table's entries; another value for it may not.
                assign(
                    value, to: target, define: define, in: &frame, flagZero: zero, sources: sources,
                    keepsEntries: Self.keepsEntries(of: target, source: source))
            }
            if sources.count == 1, values[0].isEmpty, case .name(let name)? = targets.first,
                let unnamed = unnamedValue(of: sources[0], in: frame)
            {
                frame.unnamed[name] = unnamed
            }
            if sources.count == 1, values[0].isEmpty { methodValueOfUnnamed(sources[0], in: frame) }
            noteRunLocals(targets, sources, in: &frame)
            if define, targets.count == 1, sources.count == 1, case .name(let name) = targets[0] {
                certainLocal(name, sources[0], in: &frame)
                recordOneEntry(name, sources[0], in: &frame)
            } else if !define, targets.count == 1, values.count == 1, case .index = targets[0] {
                replaceOneEntry(targets[0], values[0], in: &frame)
            }
        case .declare(let names, let type, let sources):
            let values = sources.map { evaluate($0, in: &frame) }
            for (offset, name) in names.enumerated() {
                frame.reassigned(name)
                var value = values.count == names.count ? values[offset] : Self.union(values)
                if values.isEmpty, let type, let instance = instance(of: type, in: frame.file) { value = [instance] }
                frame.locals.assign(value, to: name)
            }
            noteRunLocals(names.map { CobraExpr.name($0) }, sources, in: &frame)
            // `var h = <-ch`, `var h *Holder = ctx.Value(k).(*Holder)` (review R89b): as `:=` does.
            if sources.count == 1, values[0].isEmpty, let name = names.first,
                let unnamed = unnamedValue(of: sources[0], in: frame)
            {
                frame.unnamed[name] = unnamed
            }
            if names.count == 1, sources.count == 1 {
                certainLocal(names[0], sources[0], in: &frame)
                recordOneEntry(names[0], sources[0], in: &frame)
            }
        case .return(let results):
            // A `return` from inside a loop run entry by entry ends it (and the function): the loop runs at once.
            leavesEntries(&frame)
            let value = Self.union(results.map { evaluate($0, in: &frame) })
            (frame.ended, frame.leaving) = (true, .max)
            if let returned = frame.literalReturns {
                frame.literalReturns = returned.union(value)
            } else if let key = frame.key, key >= 0, !value.isEmpty {
                callStates[Int(key)].returnedLastRun.formUnion(value)
            }
            if frame.literalReturns == nil, let key = frame.key, key >= 0, !value.isEmpty,
                !value.isSubset(of: callStates[Int(key)].returned)
            {
                callStates[Int(key)].returned.formUnion(value)
                changed = true
                clock += 1
                callStates[Int(key)].changedAt = clock
                if callStates[Int(key)].readInPass == pass { changedAfterRead = true }
            }
        case .range(let names, let collection, let body):
            let elements = evaluate(collection, in: &frame)
            // Over what only the run gives (`strings.Split(os.Getenv("X"), ",")`): the body may run no time.
            var overRunTime: CobraRunCondition?
            if elements.isEmpty, let reads = runCondition(collection, in: &frame) {
                overRunTime = CobraRunCondition(
                    text: "range " + reads.text, byDefault: emptyByDefault(collection, in: &frame) ? false : nil)
            }
            if let overRunTime { runConditions.append(overRunTime) }
            defer { if overRunTime != nil { runConditions.removeLast() } }
            for case .name(let variable) in names where variable != CobraKnown.underscore.id {
                if overRunTime != nil { frame.runLocals.insert(variable) } else { frame.runLocals.remove(variable) }
                frame.defaultLocals[variable] = nil
            }
            // A collection the run cannot name, of a type the code names (``CobraUnnamedValue/collection``).
            var rangedUnnamed: CobraUnnamedValue?
            if let unnamed = unnamedValue(of: collection, held: elements, in: frame), unnamed.type != -2 {
                rangedUnnamed = ranged(unnamed)
            }
            // A package-level slice or map nothing fills: Go runs the body no time.
            if case .name(let held) = collection, !frame.locals.contains(held),
                emptyPackageCollection(held, in: frame.file)
            {
                return
            }
            // A loop that skips entries by what a call returns (skaffold's `if !hasCmdAnnotation(cmd.Use,
            // fl.DefinedOn) { continue }`) runs entry by entry as far as the filter is decided for the entry
            // (``decideFilter(_:in:)``); the entries it is not decided for run at once, as before tables were read (run
            // one at a time, they would give every entry's flag to every command).
            let filtered = Self.skipsByCall(body)
            var runs = Self.rangeElements(elements, limit: Self.maximumRangeObjects)
            // `for _, opt := range options` over struct values: `opt` holds a copy of each element.
            let copying = copiedVariable(names, collection, in: frame)
            let outerNesting = nestedEntryRuns
            if runs.count > 1 {
                if nestedEntryRuns * runs.count > Self.maximumNestedEntryRuns
                    || entryRunsThisPass + runs.count > Self.maximumEntryRunsPerPass
                    || (!replacedObjects.isEmpty && elements.contains(where: replacedObjects.contains))
                {
                    runs = [elements]
                } else {
                    nestedEntryRuns *= runs.count
                    entryRunsThisPass += runs.count
                }
            }
            defer { nestedEntryRuns = outerNesting }
            // `for i := range table { e := &table[i] ... }`: `table[i]` is the element of the run.
            var indexed: (index: CobraLocalName, collection: CobraLocalName)?
            if runs.count > 1, case .name(let index)? = names.first, index != CobraKnown.underscore.id,
                case .name(let held) = collection
            {
                indexed = (index, held)
            }
            let (outer, outerFiltered) = (frame.ranges, frame.filteredRun)
            let (outerStrict, outerUniqueness) = (frame.strictRun, frame.uniqueness)
            let strict = runs.count > 1 && (indexed != nil || runs.count > Self.maximumReceiverObjects)
            // A loop over a package-level table that nothing can change: its entries are what their literals say.
            var unchanged = false
            if runs.count > 1, filtered, literalListsDecide, case .name(let table) = collection,
                frame.locals[table] == nil
            {
                unchanged = tableUnchanged(runName(table, in: frame.file)) && !pointerWritesMayChange(runs)
            }
            let outerUnchanged = frame.unchangedEntry
            let outerCertain = frame.certainEntry
            let (outerEntryRun, outerEntryUndecided) = (frame.entryRun, frame.entryUndecided)
            // Entries whose string fields their literals give certainly: a list literal's, or a table's nothing changes.
            var certainEntries = false
            // Whether the runs take the entries in Go's order (``entriesInOrder(_:collection:in:)``).
            var ordered = false
            if runs.count > 1, literalListsDecide, !pointerWritesMayChange(runs) {
                if case .composite = Self.withoutAddress(collection) {
                    certainEntries = true
                } else if case .name(let table) = collection, frame.locals[table] == nil {
                    certainEntries = tableUnchanged(runName(table, in: frame.file))
                }
                // When the body may end the loop (`break`, `return`, `goto`), an entry that certainly ends it stops the
                // entries after it in Go's order: the runs take the entries in that order, or none is decided.
                if certainEntries, Self.mayEndLoop(body) {
                    if let inOrder = entriesInOrder(runs, collection: collection, in: frame) {
                        (runs, ordered) = (inOrder, true)
                    } else {
                        certainEntries = false
                    }
                }
            }
            let outerOrdered = frame.orderedRun
            // The entries the runs reached, in order: an entry that certainly ends the loop stops it.
            var reached: CobraValues = []
            var stopped = false
            var undecidedEntries = false
            // Whether the body ran and ended on every path of every run, and the fewest loops what ended it leaves.
            var ran: (ended: Bool, leaving: Int)? = nil
            let (outerBesideNil, outerNilInSlots) = (frame.entryBesideNil, frame.entryNilInSlots)
            defer { (frame.entryBesideNil, frame.entryNilInSlots) = (outerBesideNil, outerNilInSlots) }
            let slotsNil = runs.count > 1 ? fieldListNil(collection, in: &frame) : nil
            // The body runs once, in order (``unordered``), only for the one entry of a list literal (`for _, g :=
            // range []*T{shared}`).
            var once = runs.count == 1 && elements.count == 1 && Self.certainlyRanges(collection)
            if once, case .composite(_, let listed, _) = collection, listed.count == 1 {
                once = elements.allSatisfy(Self.isObject)
            } else if runs.count == 1, elements.count == 1, copying == nil,
                elements.allSatisfy({ if case .object(let site, _) = $0 { pointerObjects.contains(site) } else { false } }),
                case .name(let list) = collection, frame.oneEntry[list]?.key == nil, frame.oneEntry[list] != nil,
                let key = frame.key, key >= 0, boundOnce(text(of: list, in: frame.file), in: callKeys[Int(key)].function)
            {
                // Or of a local bound once to such a literal and never reassigned (`all := []interface{}{g}`, review
                // R89's P: `for _, p := range all { p.(*Group).Disk = nil }`).
                once = true
            } else {
                once = false
            }
            for element in runs {
                if !once { unordered += 1 }
                for (offset, name) in names.enumerated() {
                    guard case .name(let variable) = name else {
                        // `for _, *p = range list` or `for _, o.f = range list`: an assignment (review R22).
                        assign(offset == 1 ? element : [], to: name, define: false, in: &frame)
                        continue
                    }
                    guard variable != CobraKnown.underscore.id else { continue }
                    frame.locals.assign(offset == 1 ? element : [], to: variable)
                    // The one variable of `for h := range ch` (an index, a key, what a channel or an iterator gives): a
                    // write through it is through a channel's, a key's or an iterator's value the run cannot name
                    // (review R89). Not the value variable of a loop over a collection not known: for a slice of
                    // struct values it is a copy, and which it is the run cannot tell (trivy's `pkg.Licenses = ...`
                    // in `for i, pkg := range pkgs.Packages` would be read as a write to every package's field).
                    if names.count == 1 {
                        frame.unnamed[variable] = CobraUnnamedValue(type: -1, copy: false)
                    } else if offset == 1, let rangedUnnamed {
                        // An element of a collection the run cannot name whose type the code says (review R89b:
                        // `for _, h := range ctx.Value(k).([]*Group)`): a copy for struct values.
                        frame.unnamed[variable] = CobraUnnamedValue(type: rangedUnnamed.type, copy: rangedUnnamed.copy)
                    } else if !frame.unnamed.isEmpty {
                        frame.unnamed[variable] = nil
                    }
                    frame.entryBesideNil[variable] = offset == 1 ? elements.contains(.nilValue) : nil
                    frame.entryNilInSlots[variable] = offset == 1 ? slotsNil : nil
                }
                frame.ranges = outer
                if let indexed { frame.ranges.append((indexed.index, indexed.collection, element)) }
                frame.filteredRun = filtered && runs.count > 1
                frame.strictRun = strict
                frame.uniqueness = strict ? Self.mapsFilled(by: body, in: frame) : []
                frame.unchangedEntry = unchanged ? element : nil
                // A loop run at once inside a run entry by entry keeps the outer entry (its own values are other names).
                frame.certainEntry = certainEntries ? element : (runs.count == 1 ? outerCertain : nil)
                (frame.entryRun, frame.entryUndecided) = (runs.count > 1, undecidedBranches)
                frame.orderedRun = ordered
                reached.formUnion(element)
                frame.loops += 1
                runLoopBody(body, element: element, copying: copying, in: &frame)
                frame.loops -= 1
                if !once { unordered -= 1 }
                undecidedEntries = undecidedEntries || frame.filterUndecided
                ran = Self.ranBody(ran, frame)
                let ended = frame.breaking
                stopped = ended && ordered
                (frame.skipping, frame.filterUndecided, frame.breaking) = (false, false, false)
                // A `return` in the body ends the loop only when an entry reaches it; the loop may have none.
                frame.ended = false
                if ended { break }
            }
            frame.ranges = outer
            frame.filteredRun = false
            frame.unchangedEntry = outerUnchanged
            frame.certainEntry = outerCertain
            frame.entryRun = false
            frame.orderedRun = outerOrdered
            (frame.strictRun, frame.uniqueness) = (outerStrict, outerUniqueness)
            if undecidedEntries {
                // The entries whose filter could not be decided: every one at once, as before tables were read (those
                // before an entry that certainly ended the loop, in Go's order).
                for (offset, name) in names.enumerated() {
                    guard case .name(let variable) = name, variable != CobraKnown.underscore.id else { continue }
                    frame.locals.assign(offset == 1 ? (stopped ? reached : elements) : [], to: variable)
                }
                frame.loops += 1
                unordered += 1
                runLoopBody(body, element: elements, copying: copying, in: &frame)
                unordered -= 1
                frame.loops -= 1
                ran = Self.ranBody(ran, frame)
                (frame.skipping, frame.ended) = (false, false)
            }
            (frame.entryRun, frame.entryUndecided) = (outerEntryRun, outerEntryUndecided)
            frame.filteredRun = outerFiltered
            leftLoop(ran: ran, collection: collection, in: &frame)
        case .block(let statements):
            if Self.isDeclarationGroup(statements) {
                execute(statements, in: &frame)
            } else {
                executeBlock(statements, in: &frame)
            }
        case .loop(let header, let body):
            var shadowed: [Shadowed] = []
            let deferredFrom = frame.deferred.count
            executeHeader(header, in: &frame, shadowing: &shadowed)
            // A loop whose condition reads what only the run gives (`i < n` with `n` from the environment) may run its
            // body no time.
            var guarded: CobraRunCondition?
            if case .expression(let condition)? = header.last { guarded = runCondition(condition, in: &frame) }
            if let guarded { runConditions.append(guarded) }
            // The body may run no time: a `return` or `goto` in it does not end what follows the loop.
            frame.loops += 1
            executeBlock(body, in: &frame)
            frame.loops -= 1
            if guarded != nil { runConditions.removeLast() }
            frame.ended = false
            endScope(shadowed, deferredFrom: deferredFrom, in: &frame)
        case .deferred(let call):
            frame.deferred.append((call, undecidedBranches, []))
        case .jump:
            (frame.ended, frame.leaving) = (true, .max)
        case .leave(let loops):
            // Leaves the loops run entry by entry it is in, as a `return` does.
            leavesEntries(&frame)
            (frame.ended, frame.leaving) = (true, loops + 1)
        case .label:
            frame.afterLabel = true
        case .continueRange:
            frame.skipping = true
        case .breakRange:
            // A `break` of a loop run at once, as before tables were read, does nothing. One certainly taken in a run
            // entry by entry (its `if` decided on the entry) ends the loop at that entry: which entries Go runs before
            // it depends on their order, which the runs do not keep (they go by where each entry's literal is). The
            // loop runs at once for the entry, as before tables were read.
            if frame.entryRun, undecidedBranches == frame.entryUndecided {
                // Taken in Go's order of the entries: the entries after this one do not run.
                if frame.orderedRun { frame.breaking = true } else { frame.filterUndecided = true }
            } else if frame.strictRun || frame.filteredRun {
                frame.breaking = true
            } else {
                // What follows the `break` in the body is not run (as after a `continue`), where it is certainly taken.
                frame.skipping = true
            }
        case .conditional(let header, let condition, let then, let otherwise):
            // `if g := NewGroup(); ... {`: the header's names are the statement's, its branches' too.
            var shadowed: [Shadowed] = []
            let deferredFrom = frame.deferred.count
            defer { endScope(shadowed, deferredFrom: deferredFrom, in: &frame) }
            executeHeader(header, in: &frame, shadowing: &shadowed)
            // Not `condition.flatMap { truth(...) }`: that closure copies the interpreter, and its dictionaries then
            // copy themselves on the next update.
            var holds: Bool?
            if let condition { holds = truth(of: condition, in: &frame) }
            var certain = holds != nil && condition.map(Self.comparesCertainStrings) == true
            if frame.filteredRun, let condition, Self.isCallFilter(header: header, condition: condition, then: then) {
                holds = decideFilter(condition, in: &frame)
                certain = false
                if holds == nil {
                    frame.filterUndecided = true
                    return
                }
            }
            if holds == nil, let condition, let perBuild = buildDecisions(condition, in: &frame) {
                // Decided in each build by the constant's declaration for it: each branch runs in the builds it holds.
                let outerBuild = currentBuild
                for (atom, holds) in perBuild {
                    guard let build = builds.combine(outerBuild, atom) else { continue }
                    currentBuild = build
                    branch(holds, then: then, otherwise: otherwise, uniqueness: false, in: &frame)
                }
                currentBuild = outerBuild
                return
            }
            var guarded: CobraRunCondition?
            if holds == nil, let condition { guarded = runCondition(condition, in: &frame) }
            branch(
                holds, then: then, otherwise: otherwise,
                uniqueness: holds == nil && isUniquenessCheck(header: header, condition: condition, in: frame),
                certain: certain, runCondition: guarded, in: &frame)
            leavingCondition = guarded
        case .switchCases(let tag, let clauses):
            let decisions = switchDecisions(tag: tag, clauses: clauses, in: &frame)
            for (clause, holds) in zip(clauses, decisions) {
                if frame.skipping || frame.filterUndecided || frame.breaking { break }
                var guarded: CobraRunCondition?
                if holds == nil, let expression = Self.clauseCondition(tag: tag, clause: clause, of: clauses) {
                    guarded = runCondition(expression, in: &frame)
                }
                branch(holds, then: clause.body, otherwise: [], uniqueness: false, runCondition: guarded, in: &frame)
            }
        case .typeSwitch(let subject, let clauses):
            let decisions = typeSwitchDecisions(subject: subject, clauses: clauses, in: &frame)
            for (clause, holds) in zip(clauses, decisions) {
                if frame.skipping || frame.filterUndecided || frame.breaking { break }
                branch(holds, then: clause.body, otherwise: [], uniqueness: false, in: &frame)
            }
        }
    }

    /// A `return` (or another way out of the loop) met in a run of a loop body entry by entry: taken on every path of a
    /// run in Go's order of the entries (``Frame/orderedRun``), the entries after it do not run; in a run over an index
    /// or filtered by a call, the loop runs at once for the entry, as before tables were read.
    private func leavesEntries(_ frame: inout Frame) {
        if frame.orderedRun, frame.entryRun, undecidedBranches == frame.entryUndecided {
            frame.breaking = true
        } else if frame.strictRun || frame.filteredRun {
            frame.filterUndecided = true
        }
    }

    /// `runs` (one entry each) in Go's order, when the runs are the entries of a list literal, or of the literal of a
    /// package table, each a literal of its own (`{Name: "port"}`, `&Opt{...}`): their objects' places in the file are
    /// then their order. Nil otherwise (an entry named, `[]*Opt{&port}`; a run of several values).
    private mutating func entriesInOrder(_ runs: [CobraValues], collection: CobraExpr, in frame: Frame)
        -> [CobraValues]?
    {
        var literal = Self.withoutAddress(collection)
        if case .name(let table) = literal {
            let name = runName(table, in: frame.file)
            var found: [CobraExpr] = []
            for index in files.indices where folders[index] == folders[frame.file] {
                for binding in files[index].bindings {
                    for (offset, bound) in binding.names.enumerated()
                    where offset < binding.values.count && runName(bound, in: index) == name {
                        found.append(binding.values[offset])
                    }
                }
            }
            guard found.count == 1 else { return nil }
            literal = Self.withoutAddress(found[0])
        }
        guard case .composite(_, let elements, _) = literal, elements.count == runs.count,
            elements.allSatisfy({ if case .composite = Self.withoutAddress($0.value) { true } else { false } })
        else { return nil }
        var sites: [(site: CobraSite, run: CobraValues)] = []
        for run in runs {
            guard case .object(let site, _)? = run.only else { return nil }
            sites.append((site, run))
        }
        guard Set(sites.map(\.site.file)).count == 1 else { return nil }
        return sites.sorted { ($0.site.offset, $0.site.context) < ($1.site.offset, $1.site.context) }.map(\.run)
    }

    /// `so far` with one more run of a loop body, which ended (on every path) as `frame` says: nil before any run.
    private static func ranBody(_ soFar: (ended: Bool, leaving: Int)?, _ frame: Frame) -> (ended: Bool, leaving: Int) {
        // A run stopped for a filter not decided (the body then runs at once) did not end by itself.
        let ended = frame.ended && !frame.filterUndecided && !frame.breaking
        let leaving = ended ? frame.leaving : 0
        guard let soFar else { return (ended, leaving) }
        return (soFar.ended && ended, min(soFar.leaving, leaving))
    }

    /// After a `range` loop over `collection` whose body ran as `ran` says: when Go certainly runs the body (a
    /// literal with entries, a non-empty string, a positive integer) and every run of it ended on every path by
    /// leaving more loops than this one (`return`, `goto`, `panic`, `continue outer` from a loop inside `outer`),
    /// what follows the loop is not run either. Otherwise (the body may run no time, or go on) it is.
    private func leftLoop(ran: (ended: Bool, leaving: Int)?, collection: CobraExpr, in frame: inout Frame) {
        frame.ended = false
        guard let ran, ran.ended, ran.leaving > 1, Self.certainlyRanges(collection) else { return }
        (frame.ended, frame.leaving) = (true, ran.leaving == .max ? .max : ran.leaving - 1)
    }

    /// Whether Go runs a `range` loop's body over `collection` at least once: a slice, array or map literal with
    /// entries, a non-empty string literal, a positive integer literal.
    private static func certainlyRanges(_ collection: CobraExpr) -> Bool {
        switch collection {
        case .composite(let type?, let elements, _): return type.isCollection && !elements.isEmpty
        case .string(let text): return !text.isEmpty
        case .opaque(let integer?): return integer > 0
        default: return false
        }
    }

    /// Whether an expression statement ends the program or the goroutine where it is: a call of Go's `panic` (no
    /// function, variable or local of the program named so, in a folder read whole), of `os.Exit`, `runtime.Goexit`,
    /// or of `log`'s `Fatal`, `Fatalf`, `Fatalln`, `Panic`, `Panicf`, `Panicln`, as the file imports those packages;
    /// or of a function of the program that never returns (``neverReturns(_:)``).
    private mutating func endsProgram(_ expression: CobraExpr, in frame: Frame, depth: Int = 0) -> Bool {
        guard case .call(let callee, _, _) = expression else { return false }
        switch callee {
        case .name(let name) where text(of: name, in: frame.file) != "panic":
            guard !frame.locals.contains(name), let key = function(named: name, in: frame.file) else { return false }
            return neverReturns(key, depth: depth)
        case .name(let name):
            // A file of the folder that is not read may declare a `panic` of the package's own (review R28).
            guard text(of: name, in: frame.file) == "panic", !frame.locals.contains(name),
                read(globalCell(name, in: frame.file)) == nil, function(named: name, in: frame.file) == nil
            else { return false }
            let path = paths[frame.file]
            return !partialFolders.contains(path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "")
        case .selector(.name(let qualifier), let function, _):
            guard !frame.locals.contains(qualifier), read(globalCell(qualifier, in: frame.file)) == nil,
                self.function(named: qualifier, in: frame.file) == nil
            else {
                return false
            }
            let path: String
            switch text(of: function, in: frame.file) {
            case "Exit": path = "os"
            case "Goexit": path = "runtime"
            case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln": path = "log"
            default: return false
            }
            let spelled = text(of: qualifier, in: frame.file)
            return files[frame.file].imports.contains { $0.path == path && ($0.name ?? path) == spelled }
        default:
            return false
        }
    }

    /// Whether declared function `key` certainly never returns: defined once (not per build), with no `defer` (a
    /// deferred `recover` makes a panicking function return), and a statement of its body's top level that ends the
    /// program (``endsProgram(_:in:)``, which may call another such function) before any that may return or jump, and
    /// before any label.
    private mutating func neverReturns(_ key: CobraFunctionID, depth: Int = 0) -> Bool {
        if let known = neverReturning[key] { return known }
        guard depth < 8, declared.alternates[key] == nil else { return false }
        neverReturning[key] = false
        let declaration = declared.list[Int(key)]
        let function = files[declaration.file].functions[declaration.index]
        var frame = Frame(key: nil, file: declaration.file, folder: folders[declaration.file])
        for parameter in function.parameters { frame.locals.assign([], to: parameter.name) }
        if let receiver = function.receiver.flatMap({ $0.name }) { frame.locals.assign([], to: receiver) }
        var result = false
        for statement in sources[declaration.file].body(of: declaration.index) {
            if case .expression(let expression) = statement, endsProgram(expression, in: frame, depth: depth + 1) {
                result = true
                break
            }
            if case .deferred = statement { break }
            if Self.mayLeave([statement]) { break }
            if case .assign(let targets, true, _, _) = statement {
                // A local that takes the name of what a later call uses (`os := ...`) is not followed.
                for case .name(let name) in targets { frame.locals.assign([], to: name) }
            }
            if case .declare(let names, _, _) = statement { for name in names { frame.locals.assign([], to: name) } }
        }
        neverReturning[key] = result
        return result
    }

    /// Whether `condition`, when ``truth(of:in:)`` decides it, is decided by Go's rules: `==` or `!=` of two certain
    /// strings (``certainString(_:in:)``; a comparison with `nil` is decided by what names hold), or `!` of such.
    private static func comparesCertainStrings(_ condition: CobraExpr) -> Bool {
        switch condition {
        case .unary(.not, let operand): return comparesCertainStrings(operand)
        case .binary(.equal, .name(CobraKnown.nil.id), _), .binary(.equal, _, .name(CobraKnown.nil.id)),
            .binary(.notEqual, .name(CobraKnown.nil.id), _), .binary(.notEqual, _, .name(CobraKnown.nil.id)):
            return false
        case .binary(.equal, _, _), .binary(.notEqual, _, _): return true
        default: return false
        }
    }

    /// Runs `then` when `holds`, `otherwise` when not, both when it is not known (nil); `uniqueness` when the
    /// condition is a ``isUniquenessCheck(header:condition:in:)``; `certain` when `holds` is decided by Go's rules
    /// (``comparesCertainStrings(_:)``): then what follows ends when the branch that runs ends.
    private mutating func branch(
        _ holds: Bool?, then: [CobraStatement], otherwise: [CobraStatement], uniqueness: Bool, certain: Bool = false,
        runCondition: CobraRunCondition? = nil, in frame: inout Frame
    ) {
        if holds == nil, frame.strictRun || frame.filteredRun, Self.jumps(then) || Self.jumps(otherwise), !uniqueness {
            // Whether this entry goes on is not known: the loop runs at once for it, as before tables were read.
            frame.filterUndecided = true
            return
        }
        if holds == nil { undecidedBranches += 1 }
        // A `continue` on one branch of an undecided `if` skips the rest only in some runs: every branch counts.
        let skipping = frame.skipping
        let guarded = holds == nil ? runCondition : nil
        if let guarded { runConditions.append(guarded) }
        if holds != false { executeBlock(then, in: &frame) }
        if guarded != nil { runConditions.removeLast() }
        if holds == nil { frame.skipping = skipping }
        // What follows ends only when both branches of an undecided `if` end (`if c { return a } else { return b
        // }`). One decided by what names hold does not end it: a name holds what any run gave it, so `if root !=
        // nil { return root }` is decided for a `root` some earlier call set, while the first call goes on.
        let (thenEnded, thenLeaving) = (frame.ended, frame.leaving)
        frame.ended = false
        if let guarded { runConditions.append(Self.negated(guarded)) }
        if holds != true { executeBlock(otherwise, in: &frame) }
        if guarded != nil { runConditions.removeLast() }
        if holds == nil { frame.skipping = skipping }
        if let holds, certain {
            if holds { (frame.ended, frame.leaving) = (thenEnded, thenLeaving) }
        } else {
            frame.ended = holds == nil && frame.ended && thenEnded
            if frame.ended { frame.leaving = min(frame.leaving, thenLeaving) }
        }
        if holds == nil { undecidedBranches -= 1 }
    }

    /// Whether each clause of an expression switch runs, in order: true when it certainly does, false when it
    /// certainly does not, nil when not known. A clause runs when its case is the first that matches (the tag equals
    /// one of its expressions, or, without a tag, one of them holds), `default` when none does. A case matches
    /// certainly only by values that are certain (``certainString(_:in:)``, ``truth(of:in:)`` without a tag).
    private mutating func switchDecisions(tag: CobraExpr?, clauses: [CobraSwitchClause], in frame: inout Frame)
        -> [Bool?]
    {
        var tagText: String?
        if let tag {
            _ = evaluate(tag, in: &frame)
            tagText = certainString(tag, in: &frame)
        }
        var matches: [Bool?] = []
        for clause in clauses {
            var match: Bool? = false
            for expression in clause.cases ?? [] {
                var one: Bool?
                if tag == nil {
                    one = truth(of: expression, in: &frame)
                } else {
                    _ = evaluate(expression, in: &frame)
                    if let tagText, let text = certainString(expression, in: &frame) {
                        one = Array(tagText.utf8) == Array(text.utf8)
                    }
                }
                match = Self.either(match, one)
            }
            matches.append(match)
        }
        return Self.clauseDecisions(clauses, matches)
    }

    /// `lhs || rhs` when each may not be known (nil).
    private static func either(_ lhs: Bool?, _ rhs: Bool?) -> Bool? {
        if lhs == true || rhs == true { return true }
        return lhs == false && rhs == false ? false : nil
    }

    /// Whether each clause runs, from whether its cases match (ignored for `default`): the first that certainly matches
    /// runs when every case before certainly does not; none after it does; `default` runs when none matches.
    private static func clauseDecisions(_ clauses: [CobraSwitchClause], _ matches: [Bool?]) -> [Bool?] {
        var decisions: [Bool?] = []
        // Whether a case before certainly matches, and whether every case before certainly does not.
        var matched = false
        var noneBefore = true
        for (clause, match) in zip(clauses, matches) {
            guard clause.cases != nil else {
                decisions.append(nil)
                continue
            }
            decisions.append(matched || match == false ? false : match == true && noneBefore ? true : nil)
            if match == true { matched = true }
            if match != false { noneBefore = false }
        }
        // `default` runs when no case matches.
        for (index, clause) in clauses.enumerated() where clause.cases == nil {
            decisions[index] = matched ? false : noneBefore ? true : nil
        }
        return decisions
    }

    /// Whether each clause of a type switch runs (``clauseDecisions(_:_:)``), when the dynamic type of what it tests
    /// is certain (``certainDynamicType(_:in:)``) and a case names a type plainly: the very type (and pointer-ness)
    /// matches, another struct type of the package or `nil` does not; anything else (an interface, a type of another
    /// package, a generic instance) may.
    private mutating func typeSwitchDecisions(subject: CobraExpr, clauses: [CobraSwitchClause], in frame: inout Frame)
        -> [Bool?]
    {
        _ = evaluate(subject, in: &frame)
        guard let dynamic = certainDynamicType(subject, in: &frame) else { return clauses.map { _ in nil } }
        var matches: [Bool?] = []
        for clause in clauses {
            var match: Bool? = false
            for expression in clause.cases ?? [] {
                match = Self.either(match, caseMatches(expression, dynamic, in: frame))
            }
            matches.append(match)
        }
        return Self.clauseDecisions(clauses, matches)
    }

    /// Whether type case `expression` matches a value of `dynamic`'s type, when certain.
    private mutating func caseMatches(
        _ expression: CobraExpr, _ dynamic: (type: CobraName, pointer: Bool, folder: Int32), in frame: Frame
    ) -> Bool? {
        var pointer = false
        var named = expression
        // `*T`: the only unary operator a type case may hold.
        if case .unary(.deref, let operand) = expression {
            pointer = true
            named = operand
        }
        switch named {
        case .name(let name) where name == CobraKnown.nil.id && !pointer && !frame.locals.contains(name):
            return false
        case .name(let name):
            guard frame.folder == dynamic.folder else { return nil }
            let type = runName(name, in: frame.file)
            if type == dynamic.type { return pointer == dynamic.pointer }
            return structDeclared(type, in: frame.folder) ? false : nil
        case .index(.name(let name), _):
            // An instance of a generic type: another one of the same type may be it.
            guard frame.folder == dynamic.folder else { return nil }
            let type = runName(name, in: frame.file)
            return type != dynamic.type && structDeclared(type, in: frame.folder) ? false : nil
        default:
            return nil
        }
    }

    /// The type of the value `subject` certainly holds, and whether it is a pointer to it: a package-level variable
    /// nothing writes (``unwrittenPackageVar(_:in:)``) initialised with a literal of a struct type of its package
    /// (`hostOpt{}`, `&hostOpt{...}`). Only in a declared function that is neither generic nor a method and declares no
    /// type of its own (a type parameter or a local type may take a case's name).
    private mutating func certainDynamicType(_ subject: CobraExpr, in frame: inout Frame)
        -> (type: CobraName, pointer: Bool, folder: Int32)?
    {
        guard case .name(let name) = subject, !frame.locals.contains(name), let key = frame.key, key >= 0 else {
            return nil
        }
        let declaration = declared.list[Int(callKeys[Int(key)].function)]
        let function = files[declaration.file].functions[declaration.index]
        guard function.receiver == nil, function.declaration.signature.typeParameters.isEmpty,
            !Self.declaresType(function.declaration.body, in: sources[declaration.file].file.go.tokens),
            let (file, value) = unwrittenPackageVar(name, in: frame.file)
        else { return nil }
        var literal = value
        var pointer = false
        if case .unary(.address, let operand) = value {
            literal = operand
            pointer = true
        }
        guard case .composite(let type?, _, _) = literal, type.qualifier == nil, !type.isCollection,
            let local = type.name
        else { return nil }
        let typeName = runName(local, in: file)
        guard structDeclared(typeName, in: folders[file]) else { return nil }
        return (typeName, pointer, folders[file])
    }

    /// Whether a body's tokens declare a type (`type` not in `.(type)`).
    private static func declaresType(_ body: Range<Int>?, in tokens: [GoToken]) -> Bool {
        guard let body else { return false }
        return body.contains { tokens[$0].kind == .keyword(.type) && ($0 == 0 || tokens[$0 - 1].symbol != .leftParen) }
    }

    /// Whether a file of `folder` declares struct type `type`.
    private mutating func structDeclared(_ type: CobraName, in folder: Int32) -> Bool {
        files.indices.contains { index in
            folders[index] == folder && files[index].structs.contains { runName($0.name, in: index) == type }
        }
    }

    /// The file and initialiser of package-level variable `name` of `file`'s package when nothing can assign it, by
    /// the tokens: unexported, declared once in the files read of its folder (a file built for every system and tag,
    /// a folder all of whose Go files are read), and no file read assigns it (`opt = ...`, also as one of several
    /// targets, in a function literal or an `init`) or takes its address. A local of the same name assigned anywhere
    /// counts as an assignment.
    private mutating func unwrittenPackageVar(_ name: CobraLocalName, in file: Int) -> (file: Int, value: CobraExpr)? {
        let text = self.text(of: name, in: file)
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || (first >= 0x61 && first <= 0x7a) else {
            return nil
        }
        let key = scoped(folders[file], runName(name, in: file))
        if let known = unwrittenVars[key] { return known }
        var result: (file: Int, value: CobraExpr)?
        var declarations = 0
        for index in files.indices where folders[index] == folders[file] {
            for binding in files[index].bindings {
                for (offset, bound) in binding.names.enumerated() where self.text(of: bound, in: index) == text {
                    declarations += 1
                    if !binding.isConstant, fileAtoms[index] == nil, binding.values.count == binding.names.count {
                        result = (index, binding.values[offset])
                    }
                }
            }
        }
        if declarations != 1 { result = nil }
        if let found = result {
            let path = paths[found.file]
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            if partialFolders.contains(folder) { result = nil }
        }
        if result != nil, assignedInFunctions(text) { result = nil }
        unwrittenVars[key] = .some(result)
        return result
    }

    /// The string unexported package-level variable `name` of `file`'s package holds once every `init` function of
    /// the package has run (Go runs them before `main`, after the package-level values, by file name, each file's in
    /// source order): declared once, in a file built for every system and tag of a folder read whole; written by one
    /// or more `name = "s"` with a certain string (``constantString(_:in:depth:)``) at the top level of an `init` of
    /// that folder, in a file built for every system and tag, after no statement that may return or jump; and no
    /// other write of a name spelled so in the files read (by the tokens: an assignment, `&name`, a method called on
    /// it). The last of those writes in Go's order; nil otherwise. (The declaration's value is not enough: a build may
    /// set a string variable with `-ldflags -X`, which an `init` then overwrites.)
    private mutating func valueAfterInit(_ name: CobraLocalName, in file: Int) -> String? {
        let text = self.text(of: name, in: file)
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || (first >= 0x61 && first <= 0x7a) else {
            return nil
        }
        let key = scoped(folders[file], runName(name, in: file))
        if let known = valuesAfterInit[key] { return known }
        valuesAfterInit[key] = .some(nil)
        let value = workOutValueAfterInit(text, folder: folders[file])
        valuesAfterInit[key] = .some(value)
        return value
    }

    private mutating func workOutValueAfterInit(_ text: String, folder: Int32) -> String? {
        let inFolder = files.indices.filter { folders[$0] == folder }
        guard let some = inFolder.first else { return nil }
        let path = paths[some]
        guard !partialFolders.contains(path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "") else { return nil }
        var declarations = 0
        var declaredWithValue = 0
        for index in inFolder {
            for binding in files[index].bindings {
                for bound in binding.names where self.text(of: bound, in: index) == text {
                    declarations += 1
                    guard !binding.isConstant, fileAtoms[index] == nil else { return nil }
                    if !binding.values.isEmpty { declaredWithValue = 1 }
                }
            }
        }
        guard declarations == 1 else { return nil }
        var current: String?
        // Go's order of the `init` functions: files by name (as bytes), then by place.
        var writes = 0
        let ordered = inFolder.sorted { Array(paths[$0].utf8).lexicographicallyPrecedes(Array(paths[$1].utf8)) }
        for index in ordered {
            for (position, function) in files[index].functions.enumerated()
            where function.receiver == nil && files[index].names.names[Int(function.name)] == "init" {
                var mayHaveLeft = false
                for statement in sources[index].body(of: position) {
                    if case .assign(let targets, define: false, let values, compound: false) = statement,
                        targets.count == 1, values.count == 1, case .name(let target) = targets[0],
                        self.text(of: target, in: index) == text
                    {
                        var frame = Frame(key: nil, file: index, folder: folder)
                        guard !mayHaveLeft, fileAtoms[index] == nil,
                            let written = constantString(values[0], in: &frame, depth: 0)
                        else { return nil }
                        current = written
                        writes += 1
                    } else if Self.mayLeave(statement) {
                        mayHaveLeft = true
                    }
                }
            }
        }
        // Every write of the name in the files read is the declaration or one of those (a scan of every file read:
        // only for a variable an init writes).
        guard writes > 0, tokenWrites(text) == writes + declaredWithValue else { return nil }
        return current
    }

    /// Whether a statement may return from its function or jump (`return`, `goto`, a label), at any depth.
    private static func mayLeave(_ statement: CobraStatement) -> Bool {
        switch statement {
        case .return, .jump, .label: return true
        case .block(let inner): return inner.contains(where: mayLeave)
        case .range(_, _, let body): return body.contains(where: mayLeave)
        case .loop(let header, let body): return (header + body).contains(where: mayLeave)
        case .conditional(let header, _, let then, let otherwise):
            return (header + then + otherwise).contains(where: mayLeave)
        case .switchCases(_, let clauses), .typeSwitch(_, let clauses):
            return clauses.contains { $0.body.contains(where: mayLeave) }
        case .expression, .assign, .declare, .deferred, .continueRange, .breakRange, .leave: return false
        }
    }

    /// How many times the files read write a name spelled `text`, by the tokens (an assignment or definition, as one
    /// of several targets too, in any function or at package level); `Int.max` when one takes its address or calls a
    /// method on it. A selector's field of that name does not count.
    private func tokenWrites(_ text: String) -> Int {
        var writes = 0
        let refused = someUse(of: text) { tokens, index, _ in
            if Self.takesAddress(at: index, in: tokens) { return true }
            if index + 1 < tokens.count, tokens[index + 1].symbol == .period { return true }
            if Self.assignedAfter(index, in: tokens) { writes += 1 }
            return false
        }
        return refused ? .max : writes
    }

    /// Whether `found` holds at some use of a name spelled `text` in the files read: an identifier token with those
    /// bytes (Go tells `caf\u{e9}` and `cafe\u{301}` apart), not a selector's field, given its file's tokens, its index
    /// and how many braces enclose it.
    private func someUse(of text: String, where found: (_ tokens: [GoToken], _ index: Int, _ braces: Int) -> Bool)
        -> Bool
    {
        let bytes = text.utf8.count
        for source in sources {
            let tokens = source.file.go.tokens
            var braces = 0
            for index in tokens.indices {
                let token = tokens[index]
                if token.symbol == .leftBrace { braces += 1 }
                if token.symbol == .rightBrace { braces -= 1 }
                guard token.kind == .identifier, token.text.utf8.count == bytes,
                    token.text.utf8.elementsEqual(text.utf8), index == 0 || tokens[index - 1].symbol != .period
                else { continue }
                if found(tokens, index, braces) { return true }
            }
        }
        return false
    }

    /// Whether the name at `index` is the operand of `&` (parentheses between them or not).
    private static func takesAddress(at index: Int, in tokens: [GoToken]) -> Bool {
        var before = index - 1
        while before >= 0, tokens[before].symbol == .leftParen { before -= 1 }
        return before >= 0 && tokens[before].symbol == .ampersand
    }

    /// Whether function `key` may run while packages are initialised: an `init` function, one whose name a
    /// package-level value's initialiser mentions, or one whose name (a call, a value, a method's) such a function's
    /// body mentions, by the tokens; every method when such a body calls into another package (which may call back
    /// the methods of what it is given).
    private mutating func mayRunInInit(_ key: CobraFunctionID) -> Bool {
        if let known = runsInInit { return known[Int(key)] }
        var byName: [String: [CobraFunctionID]] = [:]
        for (id, declaration) in declared.list.enumerated() {
            byName[numbering.table.names[Int(declaration.name)], default: []].append(CobraFunctionID(id))
        }
        var reached = [Bool](repeating: false, count: declared.list.count)
        var pending: [CobraFunctionID] = []
        // Set when code that runs in an init calls into another package, or a package-level function literal may.
        var methodsReached = false
        var everything = false
        func reach(_ text: String) {
            for id in byName[text] ?? [] where !reached[Int(id)] {
                reached[Int(id)] = true
                pending.append(id)
            }
        }
        for id in declared.list.indices where isInit(CobraFunctionID(id)) {
            reached[id] = true
            pending.append(CobraFunctionID(id))
        }
        for (index, file) in files.enumerated() {
            let imports = Self.importNames(of: file)
            for binding in file.bindings {
                var mentioned: Set<CobraLocalName> = []
                for value in binding.values {
                    everything = Self.collectMentions(value, into: &mentioned) || everything
                }
                for name in mentioned {
                    let spelled = text(of: name, in: index)
                    reach(spelled)
                    if imports.contains(spelled) || imports.contains(".") { methodsReached = true }
                }
            }
        }
        while let id = pending.popLast() {
            let declaration = declared.list[Int(id)]
            guard let body = files[declaration.file].functions[declaration.index].declaration.body else { continue }
            let tokens = sources[declaration.file].file.go.tokens
            let imports = Self.importNames(of: files[declaration.file])
            if imports.contains(".") { methodsReached = true }
            for index in body where tokens[index].kind == .identifier {
                reach(tokens[index].text)
                if index + 1 < tokens.count, tokens[index + 1].symbol == .period, imports.contains(tokens[index].text) {
                    methodsReached = true
                }
            }
        }
        for (id, declaration) in declared.list.enumerated() where everything || (methodsReached && declaration.receiver >= 0) {
            reached[id] = true
        }
        runsInInit = reached
        return reached[Int(key)]
    }

    /// The names a file may call another package by: each import's name, else every part of its path (`yaml` of
    /// `gopkg.in/yaml.v3`); "." for a dot import.
    private static func importNames(of file: CobraFile) -> Set<String> {
        var names: Set<String> = []
        for (name, path) in file.imports {
            if let name {
                names.insert(name)
            } else {
                for part in path.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }) { names.insert(String(part)) }
            }
        }
        return names
    }

    /// Collects the names `expression` mentions (names, and the names selectors take: a method value `x.M`); true when
    /// it holds a function literal (which may run at any time).
    private static func collectMentions(_ expression: CobraExpr, into names: inout Set<CobraLocalName>) -> Bool {
        switch expression {
        case .name(let name):
            names.insert(name)
            return false
        case .string, .opaque:
            return false
        case .selector(let base, let name, _):
            names.insert(name)
            return collectMentions(base, into: &names)
        case .call(let callee, let arguments, _):
            var literal = collectMentions(callee, into: &names)
            for argument in arguments { literal = collectMentions(argument, into: &names) || literal }
            return literal
        case .composite(_, let elements, _):
            var literal = false
            for element in elements {
                if let key = element.key { literal = collectMentions(key, into: &names) || literal }
                literal = collectMentions(element.value, into: &names) || literal
            }
            return literal
        case .unary(_, let operand):
            return collectMentions(operand, into: &names)
        case .binary(_, let left, let right):
            let literal = collectMentions(left, into: &names)
            return collectMentions(right, into: &names) || literal
        case .index(let base, let indices):
            var literal = collectMentions(base, into: &names)
            for index in indices { literal = collectMentions(index, into: &names) || literal }
            return literal
        case .function:
            return true
        }
    }

    /// Whether a file read assigns a name spelled `text` inside braces (a function body, a function literal, an
    /// `init`: as one of several targets too) or takes its address, by the tokens; a selector's field of that name
    /// does not count.
    private func assignedInFunctions(_ text: String) -> Bool {
        someUse(of: text) { tokens, index, braces in
            Self.takesAddress(at: index, in: tokens) || (braces > 0 && Self.assignedAfter(index, in: tokens))
        }
    }

    /// Whether package-level variable `name` of `file`'s package certainly holds no element wherever it is ranged
    /// over: unexported, declared once in the files read of its folder (a file built for every system and tag, a
    /// folder all of whose Go files are read) as a slice or map with no value (nil) or an empty slice or map literal,
    /// and nothing in the files read assigns it or takes its address (``assignedInFunctions(_:)``).
    private mutating func emptyPackageCollection(_ name: CobraLocalName, in file: Int) -> Bool {
        let text = self.text(of: name, in: file)
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || (first >= 0x61 && first <= 0x7a) else {
            return false
        }
        let key = scoped(folders[file], runName(name, in: file))
        if let known = emptyCollections[key] { return known }
        var empty = false
        var declarations = 0
        for index in files.indices where folders[index] == folders[file] {
            for case .value(let spec) in files[index].go.declarations {
                for (offset, bound) in spec.names.enumerated() where bound == text {
                    declarations += 1
                    guard !spec.isConstant, fileAtoms[index] == nil else { continue }
                    if spec.values.isEmpty {
                        switch spec.type {
                        case .slice?, .map?: empty = true
                        default: break
                        }
                    } else if spec.values.count == spec.names.count,
                        case .success(let value) = GoParser.expression(spec.values[offset], in: files[index].go)
                    {
                        empty = CobraLowering.rangesOverNothing(value)
                    }
                }
            }
        }
        if declarations != 1 { empty = false }
        if empty, let index = files.indices.first(where: { folders[$0] == folders[file] }) {
            let path = paths[index]
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            if partialFolders.contains(folder) { empty = false }
        }
        if empty, assignedInFunctions(text) || usedBeyondReading(text) { empty = false }
        emptyCollections[key] = empty
        return empty
    }

    /// Whether a file read uses a name spelled `text` other than as `range text` or `len(text)`, `cap(text)`, outside
    /// its declaration: a map handed to a call (`maps.Copy(m, ...)`, a helper) or a method call on a slice (a pointer
    /// receiver takes its address) may fill it without an assignment of the name.
    private func usedBeyondReading(_ text: String) -> Bool {
        someUse(of: text) { tokens, index, braces in
            guard braces > 0 else { return false }
            if index > 0, tokens[index - 1].kind == .keyword(.range) { return false }
            if index > 1, tokens[index - 1].symbol == .leftParen, ["len", "cap"].contains(tokens[index - 2].text),
                index + 1 < tokens.count, tokens[index + 1].symbol == .rightParen
            {
                return false
            }
            return true
        }
    }

    /// Whether `condition` is certainly true or certainly false with what its names may hold; nil when it may be
    /// either. Only constants and `nil` decide: a helper called with `false` or `nil` skips what it guards. A call's
    /// result never decides: what it returns is only the part of its results the interpreter could follow
    /// (`return false` beside `return enabled`).
    private mutating func truth(of condition: CobraExpr, in frame: inout Frame) -> Bool? {
        switch condition {
        case .call(.selector(.name(let qualifier), let function, _), let arguments, _)
        where arguments.count == 1 && isLoNil(qualifier, function, in: frame) && certainlyNil(arguments[0], in: &frame):
            // samber/lo's `IsNil(x)` of what holds nil alone.
            return true
        case .call:
            _ = evaluate(condition, in: &frame)
            return nil
        case .unary(.not, let operand):
            return truth(of: operand, in: &frame).map { !$0 }
        case .binary(.and, let left, let right):
            let (lhs, rhs) = (truth(of: left, in: &frame), truth(of: right, in: &frame))
            if lhs == false || rhs == false { return false }
            return lhs == true && rhs == true ? true : nil
        case .binary(.or, let left, let right):
            let (lhs, rhs) = (truth(of: left, in: &frame), truth(of: right, in: &frame))
            if lhs == true || rhs == true { return true }
            return lhs == false && rhs == false ? false : nil
        case .binary(let op, let left, .name(CobraKnown.nil.id)) where op == .equal || op == .notEqual,
            .binary(let op, .name(CobraKnown.nil.id), let left) where op == .equal || op == .notEqual:
            unsetFieldMayBeNil = false
            let values = evaluate(left, in: &frame)
            let mayBeNil = unsetFieldMayBeNil
            unsetFieldMayBeNil = false
            let isNil: Bool?
            if values.only == .nilValue {
                isNil = true
            } else if !mayBeNil && !values.isEmpty && !values.contains(.nilValue) && values.allSatisfy(Self.isReference) {
                isNil = false
            } else {
                isNil = nil
            }
            return isNil.map { op == .equal ? $0 : !$0 }
        case .binary(let op, let left, let right) where op == .equal || op == .notEqual:
            _ = evaluate(condition, in: &frame)
            guard let lhs = certainString(left, in: &frame), let rhs = certainString(right, in: &frame) else {
                return nil
            }
            // As Go compares strings: byte by byte.
            return (Array(lhs.utf8) == Array(rhs.utf8)) == (op == .equal)
        default:
            let values = evaluate(condition, in: &frame)
            if values.only == .bool(true) { return true }
            if values.only == .bool(false) { return false }
            return nil
        }
    }

    /// Whether `condition` compares something with nil (`err != nil`, `cmd == nil`): a block it leaves early is
    /// the failure path.
    private static func isErrorCheck(_ condition: CobraExpr) -> Bool {
        switch condition {
        case .binary(.or, let left, let right), .binary(.and, let left, let right):
            return isErrorCheck(left) || isErrorCheck(right)
        case .binary(let op, _, .name(CobraKnown.nil.id)), .binary(let op, .name(CobraKnown.nil.id), _):
            return op == .notEqual || op == .equal
        default:
            return false
        }
    }

    /// Values that are never nil: commands, flag sets and instances the program made.
    private static func isReference(_ value: CobraValue) -> Bool {
        switch value {
        case .command, .flagSet, .flag, .instance, .object, .function, .closure, .flagSetMethod: return true
        case .string, .bool, .nilValue: return false
        }
    }

    /// `flagZero`: what the value is when it is a field no one sets (``neverSet(_:in:)``), for a flag's field only.
    private mutating func assign(
        _ value: CobraValues, to target: CobraExpr, define: Bool, in frame: inout Frame, flagZero: CobraValues? = nil,
        sources: [CobraExpr] = [], keepsEntries: Bool = true
    ) {
        // `pflag.CommandLine = pflag.NewFlagSet(...)` (or `*pflag.CommandLine = ...`): which set cobra adds to the root
        // is no longer the one the files define flags in. So is `*fs = ...` where `fs` may hold pflag.CommandLine (a
        // local it was given to, a parameter it is passed as): the set's contents are replaced.
        if case .unary(_, let operand) = target, let line = commandLineLine(operand, in: frame) {
            commandLineAssigned = commandLineAssigned ?? CobraPlace(file: frame.file, line: line)
        } else if let line = commandLineLine(target, in: frame) {
            commandLineAssigned = commandLineAssigned ?? CobraPlace(file: frame.file, line: line)
        } else if case .unary(.deref, let operand) = target, Self.isPlace(operand) {
            let held = evaluate(operand, in: &frame)
            if held.contains(.flagSet(.commandLine)) {
                commandLineAssigned = commandLineAssigned ?? CobraPlace(file: frame.file, line: Self.firstLine(of: sources) ?? 0)
            }
            replaced(held)
            // `*g = kit` where `g` points to no object the run knows (`g := &pkg.Slot`): kit goes where it is not seen.
            if !held.contains(where: Self.isObject) { escaped(value) }
            assignWholeStruct(held, value, in: &frame)
        } else if case .unary(.deref, _) = target {
            escaped(value)
        }
        if case .index(let base, _) = target {
            // `table[0] = Entry{...}`: the entry there is another value (not added to what the table holds: a map's
            // `seen[k] = true` would then make every `seen[k]` true); what is stored there is not followed.
            if Self.isPlace(base) {
                let old = evaluate(base, in: &frame)
                replaced(old)
                tookPlace(of: old, value)
            }
            escaped(value)
        }
        switch target {
        case .name(let name):
            guard name != CobraKnown.underscore.id else { return }
            frame.reassigned(name)
            if !define, !keepsEntries {
                // What the name held (peeked, not read: a read would make every later write cost another pass).
                replaced(frame.locals[name] ?? (frame.key == nil ? [] : cells[Int(globalCell(name, in: frame.file))].values ?? []))
            }
            if define || frame.locals[name] != nil || frame.key == nil {
                let old = frame.locals[name] ?? []
                // Where it runs once, in order, a known value replaces what the local held (`f = nil` before
                // `f.Add(cmd)`: review R36); elsewhere (a branch, a loop) it may not have run: both.
                let replaces = define || (!value.isEmpty && frame.locals[name] != nil && assignsInOrder(frame))
                // A bool given a value not known (`_, found = v.(T)`, `found = t.sub != nil`, kubebuilder 3.0.0's
                // `requiresResource`) may be either: kept as it was, an `if` on it would be decided by its first value
                // and skip what it guards (the flags `bindResourceFlags` defines) without a word.
                let either: CobraValues =
                    !define && value.isEmpty && !old.isEmpty && old.allSatisfy({ if case .bool = $0 { true } else { false } })
                    ? [.bool(true), .bool(false)] : []
                frame.locals.assign(replaces ? value : old.union(value).union(either), to: name)
                // The type a nil of it has, for a method called on it (Go runs a pointer method on nil).
                if replaces, value.only == .nilValue, let type = Self.onlyProgramType(of: old) ?? frame.nilTypes[name] {
                    frame.nilTypes[name] = type
                } else if frame.nilTypes[name] != nil {
                    frame.nilTypes[name] = nil
                }
            } else if !value.isEmpty {
                add(value, to: globalCell(name, in: frame.file))
            }
        case .selector(let base, let field, _):
            if case .name(let qualifier) = base, isPackage(qualifier, in: frame) {
                // `pkg.Current = kit`: held by another package's name, where code not read may reach it.
                for case .object(let site, _) in value { storedInPackages.insert(site) }
                if value.contains(where: { if case .command = $0 { true } else { false } }) { commandsHanded = true }
            }
            let objects = evaluate(base, in: &frame)
            // A field of a value that is not one of the objects the run knows (of unknown origin, any value of a type,
            // `pkg.Box.P = kit`): what it is given is not followed from there.
            if objects.isEmpty || !objects.allSatisfy(Self.isObject) { escaped(value) }
            if case .selector(_, _, let line) = target,
                let unnamed = unnamedValue(of: base, held: objects, followedBy: field, in: frame)
            {
                writeThroughUnnamed(runName(field, in: frame.file), of: unnamed, value, file: frame.file, line: line)
            }
            guard !objects.isEmpty else { return }
            if case .selector(_, _, let line) = target, objects.allSatisfy({ Self.programType(of: $0) != nil }) {
                // Given to the field's cell of the objects the run knows of (any value of a type included).
                let run = CobraNilRun(file: frame.file, line: line, field: text(of: field, in: frame.file))
                fieldWritesRun.insert(run)
                if value.contains(.nilValue) { nilAssignmentsRun.insert(run) }
            }
            let field = runName(field, in: frame.file)
            if case .object(let site, let type)? = objects.only, fieldsSetToNil(type),
                pointerObjects.contains(site) || derefCopies.contains(site),
                !sharedObjects.contains(site), declared.structs[type]?[field] != nil,
                replacesInOrder(frame, object: site), !isValueReceiver(base, in: frame)
            {
                // One object's own field, where the assignment runs once, in order: it replaces what the field holds
                // for what runs after it (review R36: `group.Format = nil` then `group.AddFlags(cmd)`).
                replaceField(site, type: type, field, value)
                return
            }
            for object in objects {
                switch object {
                case .instance, .object:
                    assignField(of: object, field, value)
                case .command(let site):
                    let literal = if sources.count == 1, case .function = sources[0] { true } else { false }
                    hiddenSpelling = (sources.count == 1 ? sources.first : nil).map { hiddenSpelling(of: $0, in: frame.file) }
                    setCommandField(site, field, value, fromLiteral: false, literal: literal)
                    hiddenSpelling = nil
                case .flag(let set, let name):
                    let value = value.isEmpty ? flagZero ?? value : value
                    // A flag made by reflection in a set made by `NewFlagSet` is one of many a table may make there
                    // (skaffold's flags, each from an entry): it is marked hidden from assignments to that one flag
                    // (``CobraFlagSetInfo/hiddenValues``; `hidden` is for flags the files define).
                    if case .made = set, field == CobraKnown.hidden.id, objects.count == 1, !name.isEmpty {
                        // Per name, whether each entry of that name hides it (``CobraFlagSetInfo/hiddenValues``).
                        let hides: Bool? =
                            value.isEmpty || !hidingHolds || value.count > 1 ? nil : value.contains(.bool(true))
                        updateFlagSet(set) { $0.hiddenValues[name, default: []].insert(hides) }
                    }
                    if field == CobraKnown.hidden.id, hidingHolds, value.only == .bool(true) {
                        updateFlagSet(set) { $0.hidden.insert(name) }
                    } else if field == CobraKnown.hidden.id {
                        if Self.mayHoldTrue(value), !name.isEmpty {
                            let spelled = (sources.count == 1 ? sources.first : nil).map { hiddenSpelling(of: $0, in: frame.file) }
                                ?? "?"
                            updateFlagSet(set) { info in
                                if info.hiddenWhen[name] == nil { info.hiddenWhen[name] = spelled }
                            }
                        }
                    } else if field == CobraKnown.deprecated.id, value.contains(where: Self.isNonEmptyString) {
                        updateFlagSet(set) { $0.deprecated.insert(name) }
                    } else if field == CobraKnown.noOptDefVal.id, value.only != .string("") {
                        updateFlagSet(set) { $0.noOptDefault.insert(name) }
                    } else if field == CobraKnown.shorthand.id, objects.count == 1, !name.isEmpty {
                        // One flag given one shorthand; `?` when it cannot be read.
                        let shorthands = Self.strings(in: value)
                        let shorthand = shorthands.count == 1 ? shorthands.first ?? "?" : "?"
                        updateFlagSet(set) { $0.shorthands[name, default: []].insert(shorthand) }
                    }
                default:
                    continue
                }
            }
        case .index(.selector(let base, let field, _), let keys)
        where keys.count == 1 && runName(field, in: frame.file) == CobraKnown.annotations.id:
            // `cmd.Annotations["status"] = "Experimental"`.
            let commands = evaluate(base, in: &frame)
            guard Self.saysExperimental(key: evaluate(keys[0], in: &frame), value: value) else { return }
            for case .command(let site) in commands { updateCommand(site) { $0.annotatedExperimental = true } }
        default:
            escaped(value)
            _ = evaluate(target, in: &frame)
        }
    }

    /// `*p = T{...}` (or `*p = v`) where `p` holds objects of a struct type of the program: each field of each object
    /// is given what the value's field holds, Go's zero value where its literal leaves the field out (review R85:
    /// `func (o *Opts) Reset() { *o = Opts{Name: "size"} }` gives `Name` "size" and `On` false; R63: `*g = Group{...}`).
    /// Where it runs once, in order, on one object that stands for one Go value, the fields are replaced
    /// (``replaceField(_:type:_:_:)``); elsewhere the values are added. A value not followed gives the fields nothing
    /// known: the reads after it see all the fields held.
    private mutating func assignWholeStruct(_ held: CobraValues, _ value: CobraValues, in frame: inout Frame) {
        for case .object(let site, let type) in held {
            guard let fields = declared.structs[type] else { continue }
            var source: (site: CobraSite, type: CobraName)?
            if case .object(let other, type)? = value.only { source = (other, type) }
            let inOrder =
                held.count == 1 && fieldsSetToNil(type) && (pointerObjects.contains(site) || derefCopies.contains(site))
                && !sharedObjects.contains(site) && replacesInOrder(frame, object: site)
            for (field, declaredField) in fields.sorted(by: { $0.key < $1.key }) {
                var given = CobraValues()
                if let source {
                    given = readField(of: .object(source.site, source.type), field)
                    if given.isEmpty, literalLeavesOut(source.site, field) { given = zeroValue(of: declaredField) }
                }
                if inOrder {
                    replaceField(site, type: type, field, given)
                } else if !given.isEmpty {
                    assignField(of: .object(site, type), field, given)
                }
            }
        }
    }

    /// `x.M(args)` where `M` is a pointer method of one of the program's types that is no struct (`func (n *Names)
    /// Clear() { *n = nil }`) and `x` holds values of that type (its literal's strings, `nil`, an instance of it, or
    /// objects of a list type's element type): the value the method gives `*n` (``CobraReceiverRewrite``) is what
    /// the variable holds after the call (review R85: `names.Clear()` then `range names` runs no time). Where the
    /// call runs once, in order, it replaces what the variable held (a local, or a package-level variable for the
    /// reads after it in this run of the entry point); elsewhere it adds to it. Where what the method writes cannot be
    /// known (a write in a branch, `(*n)[i] = v`, a call not followed, `x` a pointer to the variable written), the
    /// variable stops deciding: it holds any value of the type from there, and a note says so.
    private mutating func rewriteReceiver(
        _ base: CobraExpr, _ method: CobraName, held: CobraValues, arguments: [CobraExpr], _ values: [CobraValues],
        line: Int, in frame: inout Frame
    ) {
        guard !held.isEmpty, let candidates = rewritingMethods(named: method) else { return }
        // The types `x` may be of among the candidates' receivers (empty: any of them).
        var types: Set<CobraName> = []
        let receivers = Set(candidates.map { declared.list[Int($0)].receiver })
        for value in held {
            switch value {
            case .string, .bool, .nilValue:
                continue
            case .instance(let type), .object(_, let type):
                if receivers.contains(type) {
                    types.insert(type)
                    continue
                }
                // An object of a struct type, element of a list type whose method it is (`groups.Clear()` on
                // `Groups{g}`), not its own. (An interface's instance is no such element.)
                guard declared.structs[type] != nil,
                    let found = methodOrPromoted(method, of: type, preferring: frame.folder),
                    receivers.contains(found.receiver)
                else { return }
                types.insert(found.receiver)
            default:
                return
            }
        }
        let chosen = candidates.filter { types.isEmpty || types.contains(declared.list[Int($0)].receiver) }
        guard !chosen.isEmpty else { return }
        var given: CobraValues?
        var keeps = true
        for key in chosen {
            let rewrite = receiverRewrite(key)
            if case .keeps = rewrite { continue }
            keeps = false
            guard case .rewrites(let body) = rewrite,
                let value = rewritten(
                    body, held: held, arguments: arguments, values, file: declared.list[Int(key)].file)
            else {
                given = nil
                break
            }
            // Two methods of one name (of two types, or for two builds) that write differently: not known.
            if let other = given, other != value {
                given = nil
                break
            }
            given = value
        }
        guard !keeps else { return }
        let receiverTypes = Set(chosen.map { declared.list[Int($0)].receiver })
        // What held any value of the type (`var f Formats` before `f.UnmarshalText(b)`) decided nothing before the
        // call either: a write that cannot be known, or one to a place not followed, changes nothing it decides.
        let anyValue = held.allSatisfy { value in
            if case .instance(let type) = value { receiverTypes.contains(type) } else { false }
        }
        // Only strings (names) and objects (holding flags) of what it held read as commands or flags: a note where
        // such a value may no longer be what it holds. (A nil or a bool stops deciding without one: what reads it
        // as any value notes what it cannot read.)
        let namesSome = held.contains { value in
            switch value {
            case .string, .object: true
            default: false
            }
        }
        let spelled = spelling(of: base, in: frame.file) + "." + numbering.table.names[Int(method)]
        let variable: CobraLocalName
        switch base {
        case .name(let name) where isPointerReceiver(name, in: frame):
            // `x.Set(s)` in a method of x's type (`func (x *T) UnmarshalJSON(...)`): what it writes is the caller's
            // variable, where the call of this method is a write that is not known (it names its receiver other than
            // through `*`: ``CobraReceiverRewrite/mayWrite(_:body:in:)``).
            return
        case .name(let name) where !boundToPointer(name, in: frame):
            variable = name
        case .selector(let owner, let field, _) where Self.isPlace(owner) && given.map(held.isSubset) == true:
            // A field given more (`o.Scanners.Enable(x)` appends): what it holds and the rest, as an assignment adds.
            let field = runName(field, in: frame.file)
            for object in evaluate(owner, in: &frame) where Self.programType(of: object) != nil {
                assignField(of: object, field, given ?? [])
            }
            return
        default:
            guard namesSome else { return }
            note(
                "\(spelled) writes through its pointer receiver where the run does not follow it (a field, a pointer "
                    + "to a variable); what is read there after it may be other than the run reads, so the commands "
                    + "or flags read from it may not be in the surface",
                file: frame.file, line: line)
            return
        }
        var value = given ?? []
        if given == nil {
            guard !anyValue else { return }
            if namesSome {
                note(
                    "\(spelled) writes through its pointer receiver what cannot be known; what it holds after it is "
                        + "not known, so the commands or flags read from it may not be in the surface",
                    file: frame.file, line: line)
            }
            // Any value of the type: a loop over it, a name read from it, decides nothing.
            value = receiverTypes.count == 1 ? CobraValues(.instance(receiverTypes.first ?? -1)) : []
        }
        if let old = frame.locals[variable] {
            frame.reassigned(variable)
            frame.certain[variable] = nil
            frame.nilTypes[variable] = nil
            let replaces = !value.isEmpty && assignsInOrder(frame)
            frame.locals.assign(replaces ? value : old.union(value), to: variable)
            return
        }
        let cell = globalCell(variable, in: frame.file)
        guard cells[Int(cell)].values != nil, !value.isEmpty else { return }
        guard replacesInOrder(frame) else { return add(value, to: cell) }
        // For the reads after it in this run of the entry point (``replaceField(_:)``); the cell keeps every value.
        let write = CobraStrongWrite(
            cell: cell, values: value, site: CobraSite(file: -1, offset: Int(cell)),
            calls: recording.last?.calls.count ?? 0, reads: recording.last?.reads.count ?? 0)
        if !recording.isEmpty { recording[recording.count - 1].strong.append(write) }
        replaceField(write)
    }

    /// The methods named `method` of the program's types that are no struct which a value holding strings may run:
    /// those with a value receiver, and pointer methods that keep their receiver (``CobraReceiverRewrite/keeps``;
    /// the others are ``rewriteReceiver``'s).
    private mutating func stringTypeMethods(named method: CobraName) -> [CobraFunctionID] {
        return (methodsOfNonStructTypes[method] ?? []).filter { key in
            let function = declared.list[Int(key)]
            guard files[function.file].functions[function.index].declaration.receiver?.isPointer == true else {
                return true
            }
            if case .keeps = receiverRewrite(key) { return true }
            return false
        }
    }
    /// The methods of the program's types that are no struct, by name (every declaration: one per build where
    /// files for different builds declare one), worked out on first use.
    private var methodsOfNonStructTypes: [CobraName: [CobraFunctionID]] {
        mutating get {
            if let known = stringTypeMethodIndex { return known }
            var found: [CobraName: [CobraFunctionID]] = [:]
            for (index, function) in declared.list.enumerated()
            where function.receiver >= 0 && declared.structs[function.receiver] == nil {
                found[function.name, default: []].append(CobraFunctionID(index))
            }
            stringTypeMethodIndex = found
            return found
        }
    }
    private var stringTypeMethodIndex: [CobraName: [CobraFunctionID]]?

    /// The pointer methods named `method` of the program's types that are no struct; nil when there is none.
    private mutating func rewritingMethods(named method: CobraName) -> [CobraFunctionID]? {
        if rewritingMethods == nil {
            var found: [CobraName: [CobraFunctionID]] = [:]
            for (index, function) in declared.list.enumerated()
            where function.receiver >= 0 && declared.structs[function.receiver] == nil {
                guard files[function.file].functions[function.index].declaration.receiver?.isPointer == true else {
                    continue
                }
                found[function.name, default: []].append(CobraFunctionID(index))
            }
            rewritingMethods = found
        }
        return rewritingMethods?[method]
    }

    /// What method `key` does to its receiver (``CobraReceiverRewrite``), worked out once a run.
    private mutating func receiverRewrite(_ key: CobraFunctionID) -> CobraReceiverRewrite {
        if let known = receiverRewrites[key] { return known }
        let function = declared.list[Int(key)]
        let declaration = files[function.file].functions[function.index].declaration
        // A method called on the receiver writes nothing through it when it is a pointer method of the same type that
        // keeps its receiver, worked out the same way, at most `maximumKeepingDepth` calls deep; a method calling
        // itself, directly or not, is taken as writing (it is ``unknown`` while it is worked out).
        receiverRewrites[key] = .unknown
        let table = numbering.table
        var callees: [CobraFunctionID] = []
        let receiverType = function.receiver
        let folder = function.folder
        let declared = self.declared
        let deep = receiverRewriteDepth >= Self.maximumKeepingDepth
        let index = methodsOfNonStructTypes
        let found = CobraReceiverRewrite.of(declaration, in: files[function.file].go) { name in
            // Every declaration of the method for the receiver's type in its folder: one per build when files for
            // different builds declare it (`visit_windows.go`, `visit_other.go`), each of which must keep.
            guard !deep, let method = table.number(of: name) else { return false }
            let found = (index[method] ?? []).filter { key in
                declared.list[Int(key)].receiver == receiverType && declared.list[Int(key)].folder == folder
            }
            guard !found.isEmpty else { return false }
            callees.append(contentsOf: found)
            return true
        }
        var result = found
        if case .keeps = found, !callees.isEmpty {
            receiverRewriteDepth += 1
            for callee in callees {
                let calleeFunction = declared.list[Int(callee)]
                let receiver = files[calleeFunction.file].functions[calleeFunction.index].declaration.receiver
                guard receiver?.isPointer == true, case .keeps = receiverRewrite(callee) else {
                    result = .unknown
                    break
                }
            }
            receiverRewriteDepth -= 1
        }
        receiverRewrites[key] = result
        return result
    }

    /// How deep ``receiverRewrite(_:)`` follows methods called on the receiver; deeper calls count as writes.
    static let maximumKeepingDepth = 16
    private var receiverRewriteDepth = 0

    /// What `*n` holds after the writes of `body`, run on a receiver holding `held` with arguments `values` (spelled
    /// `arguments` at the call): nil when a write gives what cannot be known.
    private mutating func rewritten(
        _ body: CobraReceiverRewrite.Body, held: CobraValues, arguments: [CobraExpr], _ values: [CobraValues], file: Int
    ) -> CobraValues? {
        var current = held
        for write in body.writes {
            guard let next = rewrittenValue(write, body, current: current, arguments: arguments, values, file: file)
            else { return nil }
            current = next
        }
        return current
    }

    /// The value `expression` (the right side of a `*n = ...` of `body`) gives: `nil`, a parameter's argument, `*n`,
    /// a string, a list literal of such values, `append` of them, a conversion of one (`Names(v)`, `string(v)`), and a
    /// slice of `*n` or a parameter whose bounds are integer constants (in the method or at the call): `[:0]` leaves
    /// nothing, `[:]` all. Nil for anything else (a call, an index, a slice that keeps some entries).
    private mutating func rewrittenValue(
        _ expression: GoExpr, _ body: CobraReceiverRewrite.Body, current: CobraValues, arguments: [CobraExpr],
        _ values: [CobraValues], file: Int, depth: Int = 0
    ) -> CobraValues? {
        guard depth < 16 else { return nil }
        func value(_ inner: GoExpr) -> CobraValues? {
            rewrittenValue(inner, body, current: current, arguments: arguments, values, file: file, depth: depth + 1)
        }
        switch expression {
        case .name("nil", _):
            return CobraValues(.nilValue)
        case .name(let name, _):
            guard let index = body.parameters.firstIndex(of: name) else { return nil }
            let given =
                body.variadic && index == body.parameters.count - 1
                ? Self.union(Array(values.dropFirst(index))) : index < values.count ? values[index] : []
            return given.isEmpty ? nil : given
        case .unary("*", .name(let name, _)) where name.utf8.elementsEqual(body.receiver.utf8):
            return current.isEmpty ? nil : current
        case .string(let text, _):
            return CobraValues(.string(text))
        case .composite(_, let elements, _):
            var result = CobraValues()
            for element in elements {
                guard element.key == nil, let inner = value(element.value) else { return nil }
                result.formUnion(inner)
            }
            return result.isEmpty ? CobraValues(.nilValue) : result
        case .call(.name("append", _), let list, _, _):
            var result = CobraValues()
            for inner in list {
                guard let held = value(inner) else { return nil }
                result.formUnion(held)
            }
            // `append(nil, v)` holds v alone.
            guard result.count > 1, result.contains(.nilValue) else { return result }
            return CobraValues(result.filter { $0 != .nilValue })
        case .call(let callee, let list, _, _) where list.count == 1:
            // A conversion to the receiver's type or a predeclared one keeps the value.
            switch callee {
            case .type: break
            case .name(let type, _)
            where type.utf8.elementsEqual(body.receiverType.utf8) || CobraReceiverRewrite.basicTypes.contains(type):
                break
            default: return nil
            }
            return value(list[0])
        case .slice(let base, let low, let high, let max):
            guard max == nil, let whole = value(base) else { return nil }
            let start = low.map { bound($0, body, arguments) } ?? 0
            guard let end = high.map({ bound($0, body, arguments) }) else { return start == 0 ? whole : nil }
            if let start, let end, start == end { return CobraValues(.nilValue) }
            return nil
        default:
            return nil
        }
    }

    /// An integer constant bound of a slice in a method: a literal, or a parameter whose argument at the call is one.
    private func bound(_ expression: GoExpr, _ body: CobraReceiverRewrite.Body, _ arguments: [CobraExpr]) -> Int? {
        switch expression {
        case .literal(_, let value?): return value
        case .name(let name, _):
            guard let index = body.parameters.firstIndex(of: name), index < arguments.count,
                !(body.variadic && index == body.parameters.count - 1),
                case .opaque(let value?) = arguments[index]
            else { return nil }
            return value
        default: return nil
        }
    }

    /// Whether `name` is the pointer receiver of the method the frame runs (`x` in `func (x *T) UnmarshalJSON(...)`).
    private func isPointerReceiver(_ name: CobraLocalName, in frame: Frame) -> Bool {
        guard let key = frame.key, key >= 0 else { return false }
        let declaration = declared.list[Int(callKeys[Int(key)].function)]
        let function = files[declaration.file].functions[declaration.index]
        guard declaration.file == frame.file, let receiver = function.receiver, receiver.name == name else {
            return false
        }
        return function.declaration.receiver?.isPointer == true
    }

    /// Whether local or package-level `variable` may be a pointer to the value a method writes (`p := &names`,
    /// `func fill(n *Names)`, `var p *Names`), by the tokens of the running function (the file, at package level):
    /// the write is then the pointee's, which the run does not follow.
    private func boundToPointer(_ variable: CobraLocalName, in frame: Frame) -> Bool {
        let tokens = files[frame.file].go.tokens
        var range = tokens.indices
        if let key = frame.key, key >= 0 {
            let declaration = declared.list[Int(callKeys[Int(key)].function)]
            let function = files[declaration.file].functions[declaration.index]
            guard declaration.file == frame.file, let body = function.declaration.body else { return true }
            // From the signature (`func (n *Names) Reset()`, `func fill(n *Names)`) to the end of the body.
            let start = tokens[..<body.lowerBound].lastIndex { $0.kind == .keyword(.func) } ?? body.lowerBound
            range = start..<body.upperBound
        }
        let text = self.text(of: variable, in: frame.file)
        for index in range where tokens[index].kind == .identifier && tokens[index].text.utf8.elementsEqual(text.utf8) {
            guard index + 1 < range.upperBound, index > range.lowerBound else { continue }
            if tokens[index - 1].symbol == .period { continue }
            let next = tokens[index + 1].symbol
            if next == .star { return true }
            if next == .define || next == .assign, index + 2 < range.upperBound,
                tokens[index + 2].symbol == .ampersand
            {
                return true
            }
        }
        return false
    }

    /// Go's zero value of a field, where the run follows it: `""`, `false`, `nil` (a pointer, slice or map); nothing
    /// known for the others.
    private func zeroValue(of field: DeclaredField) -> CobraValues {
        if field.isPointer || field.isCollection { return CobraValues(.nilValue) }
        switch field.typeName.map({ numbering.table.names[Int($0)] }) {
        case "string": return CobraValues(.string(""))
        case "bool": return CobraValues(.bool(false))
        default: return []
        }
    }

    /// Whether an annotation of `key` and `value` says its command is experimental: a key that contains
    /// `experimental` (tekton's `experimental`, docker's `experimentalCLI`), or the value `experimental` (rclone's
    /// `status`), in any case.
    static func saysExperimental(key: CobraValues, value: CobraValues) -> Bool {
        anyString(in: key) { $0.count <= 64 && $0.lowercased().contains("experimental") }
            || anyString(in: value) { $0.count <= 64 && $0.lowercased() == "experimental" }
    }

    /// Whether `source` is `x.field` where `x` holds one object whose literal leaves `field` out and to which nothing
    /// gives it a value, nor to a value of its type whose origin is not known (skaffold's `f.Shorthand =
    /// fl.Shorthand` for a table entry without `Shorthand:`): a Go field no one sets keeps its zero value.
    private mutating func neverSet(_ source: CobraExpr, in frame: Frame) -> Bool {
        guard case .selector(.name(let local), let field, _) = source, let held = frame.locals[local],
            case .object(let site, let type)? = held.only
        else { return false }
        let name = runName(field, in: frame.file)
        return literalLeavesOut(site, name) && readField(of: .object(site, type), name).isEmpty
    }

    /// Whether the literal that made the object at `site` leaves `field` out: for a copy a loop made
    /// (``copyOrigins``), when the loop did not give it first and the element's literal leaves it out.
    private func literalLeavesOut(_ site: CobraSite, _ field: CobraName) -> Bool {
        var site = site
        for _ in 0...Self.maximumCopyDepth {
            if let keys = objectKeys[site] { return !keys.contains(field) }
            guard let copy = copyOrigins[site], !copy.given.contains(field), case .object(let origin, _) = copy.origin
            else { return false }
            site = origin
        }
        return false
    }

    /// `&T{...}` as `T{...}`: an elided element type may be a pointer (`[]*Group{{...}}`).
    private static func withoutAddress(_ expression: CobraExpr) -> CobraExpr {
        if case .unary(.address, let operand) = expression { return operand }
        return expression
    }

    /// Whether a help line opens by saying its command is deprecated: `[deprecated] ...`, `Deprecated: ...`,
    /// `DEPRECATED ...`.
    static func saysDeprecated(_ text: String) -> Bool {
        let lead = text.drop { $0 == " " || $0 == "\t" }.prefix(12).lowercased()
        return lead.hasPrefix("[deprecated]") || lead.hasPrefix("(deprecated)") || lead.hasPrefix("deprecated:")
            || lead.hasPrefix("deprecated ") || lead.hasPrefix("deprecated.")
    }

    /// Whether `text` has a first word followed by a space or tab: whatever is appended, that word stays.
    private static func hasCompleteFirstWord(_ text: String) -> Bool {
        guard let first = text.first, first != " ", first != "\t" else { return false }
        return text.contains(" ") || text.contains("\t")
    }

    private static func isNonEmptyString(_ value: CobraValue) -> Bool {
        if case .string(let text) = value { return !text.isEmpty }
        return false
    }

    /// Whether a `Hidden` given `value` may be true in a run and is not true for sure there: a value not read, or
    /// both `true` and something else (review D1).
    private static func mayHoldTrue(_ value: CobraValues) -> Bool {
        if value.only == .bool(false) { return false }
        return value.isEmpty || value.contains(.bool(true)) || !value.allSatisfy { if case .bool = $0 { true } else { false } }
    }

    /// How a `Hidden` value is written, for ``CobraCommandInfo/hiddenWhen``: `!isBeta()`, `cfg.Hidden`; at most 80
    /// bytes of names, selectors, calls and `!`, else a description.
    private func hiddenSpelling(of expression: CobraExpr, in file: Int) -> String {
        func spell(_ expression: CobraExpr, depth: Int) -> String? {
            guard depth < 8 else { return nil }
            switch expression {
            case .name(let name): return text(of: name, in: file)
            case .selector(let base, let name, _):
                return spell(base, depth: depth + 1).map { $0 + "." + text(of: name, in: file) }
            case .call(let base, let arguments, _):
                return spell(base, depth: depth + 1).map { $0 + (arguments.isEmpty ? "()" : "(...)") }
            case .unary(.not, let inner): return spell(inner, depth: depth + 1).map { "!" + $0 }
            default: return nil
            }
        }
        guard let spelled = spell(expression, depth: 0), spelled.utf8.count <= 80,
            spelled.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F })
        else { return "?" }
        return spelled
    }

    /// `literal`: the value is a function literal written there (`RunE: func(...) {...}`, `c.RunE = func...`).
    private mutating func setCommandField(
        _ site: CobraSite, _ field: CobraName, _ value: CobraValues, fromLiteral: Bool, literal: Bool = false
    ) {
        // `RunE: func(...) { ... }`: cobra calls it when the command runs, after the tree is built. Only a literal
        // written there: one held in a name first may also be sent or kept elsewhere and called (review R22).
        for case .closure(let closure) in value where literal { commandFieldClosures.insert(closure) }
        switch field {
        case CobraKnown.use.id:
            let strings = Self.strings(in: value)
            // For a loop's filter (``decideFilter(_:in:)``), which reads it as a cell (recorded for replays); `nil`
            // stands for a value not read.
            add(
                strings.isEmpty ? [.nilValue] : CobraValues(strings.map(CobraValue.string)),
                to: objectFieldCell(site, field))
            updateCommand(site) { info in
                info.hasUse = true
                info.use.add(strings, unresolved: strings.isEmpty, fromLiteral: fromLiteral)
            }
        case CobraKnown.aliases.id:
            let strings = Self.strings(in: value)
            updateCommand(site) { $0.aliases.add(strings, unresolved: false, fromLiteral: fromLiteral) }
        case CobraKnown.hidden.id:
            if hidingHolds, value.only == .bool(true) {
                updateCommand(site) { $0.hidden = true }
            } else if Self.mayHoldTrue(value) {
                let spelled = hiddenSpelling ?? "?"
                updateCommand(site) { info in if info.hiddenWhen == nil { info.hiddenWhen = spelled } }
            }
        case CobraKnown.disableFlagParsing.id:
            if hidingHolds, value.only == .bool(true) {
                updateCommand(site) { $0.disablesFlagParsing = true }
            }
        case CobraKnown.version.id:
            updateCommand(site) { $0.setsVersion = true }
        case CobraKnown.deprecated.id:
            // A deprecation message is deprecation whatever its text, even one built at run time.
            if value.isEmpty || value.contains(where: Self.isNonEmptyString) {
                updateCommand(site) { $0.deprecated = true }
            }
        case CobraKnown.short.id:
            // The help line users read says so (`Short: "[deprecated] Gets ..."`, etcd's way before `Deprecated:`).
            if Self.anyString(in: value, { Self.saysDeprecated($0) || CobraHelpText.shortHelpSaysLegacy($0) }) {
                updateCommand(site) { $0.deprecated = true }
            }
        case CobraKnown.long.id:
            if Self.anyString(in: value, CobraHelpText.longHelpSaysDeprecated)
                || Self.anyString(in: value, CobraHelpText.longHelpSaysUseInstead)
            {
                updateCommand(site) { $0.deprecated = true }
            }
        case CobraKnown.run.id, CobraKnown.runE.id, CobraKnown.preRun.id, CobraKnown.preRunE.id:
            if runsDeprecationNotice(value) { updateCommand(site) { $0.deprecated = true } }
            noticeGuards[site, default: []].formUnion(guardedNoticeVariables(value))
            // PreRun/PreRunE get the same arguments as Run (review R101 G: `o.name = args[0]` in PreRunE).
            if mayReadArguments(value) { updateCommand(site) { $0.readsArguments = true } }
        case CobraKnown.persistentPreRun.id, CobraKnown.persistentPreRunE.id, CobraKnown.postRun.id,
            CobraKnown.postRunE.id, CobraKnown.persistentPostRun.id, CobraKnown.persistentPostRunE.id:
            // Every hook cobra calls with the command's arguments may read them (review R101 G); a persistent one
            // runs for the commands under it too.
            if mayReadArguments(value) {
                let persistent = field != CobraKnown.postRun.id && field != CobraKnown.postRunE.id
                updateCommand(site) {
                    $0.readsArguments = true
                    if persistent { $0.persistentHookReadsArguments = true }
                }
            }
        case CobraKnown.validArgsFunction.id:
            // A completion function for the arguments says the command takes some, whatever it reads.
            if value.contains(where: { $0 != .nilValue }) || value.isEmpty {
                updateCommand(site) { $0.readsArguments = true }
            }
        case CobraKnown.validArgs.id, CobraKnown.args.id, CobraKnown.argAliases.id:
            // A literal's own are read from its expression (``readArguments(_:_:_:in:)``); an assignment may set
            // anything.
            if !fromLiteral { updateCommand(site) { $0.argumentsUnknown = true } }
        default:
            break
        }
    }

    /// At most this many `ValidArgs` entries are read; a longer list is not read (no word is taken as an argument).
    static let maximumValidArgs = 256

    /// Records a command literal's `ValidArgs` (a literal list of constant strings) or `Args` (cobra's checks by
    /// name). A literal met again (another run, or contexts past the limit sharing one site) that gives other values
    /// leaves them unknown.
    private mutating func readArguments(
        _ site: CobraSite, _ field: CobraName, _ expression: CobraExpr, in frame: inout Frame
    ) {
        if field == CobraKnown.validArgs.id {
            let words = validArgsWords(expression, in: &frame)
            updateCommand(site) { info in
                if let known = info.validArgs, !Self.sameBytes(known, words) { info.argumentsUnknown = true }
                if words == nil { info.argumentsUnknown = true }
                info.validArgs = words
            }
        } else if field == CobraKnown.argAliases.id {
            // An alias list that cannot be read takes no word (fewer words: a change is judged the stricter way).
            let words = validArgsWords(expression, in: &frame)
            updateCommand(site) { info in
                if let known = info.argAliases, !Self.sameBytes(known, words) { info.argumentsUnknown = true }
                info.argAliases = words
            }
        } else {
            let check = argumentCheck(expression, in: &frame, depth: 0)
            updateCommand(site) { info in
                if info.argumentCheck != .unset && info.argumentCheck != check { info.argumentsUnknown = true }
                info.argumentCheck = check
            }
        }
    }

    /// The words of `ValidArgs: []string{"bash", "zsh\tZ shell"}`: each entry a constant string, its text before a
    /// tab (cobra's description separator); nil for anything else (a variable, a call, a non-constant entry).
    private mutating func validArgsWords(_ expression: CobraExpr, in frame: inout Frame) -> [String]? {
        guard case .composite(_, let elements, _) = expression, elements.count <= Self.maximumValidArgs else {
            return nil
        }
        var words: [[UInt8]: String] = [:]
        for element in elements {
            guard element.key == nil, case .string(let text)? = evaluate(element.value, in: &frame).only else {
                return nil
            }
            let word = String(text.prefix { $0 != "\t" })
            words[Array(word.utf8)] = word
        }
        return words.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { words[$0] }
    }

    /// Whether two word lists hold the same bytes (Swift's `==` on strings takes canonically equivalent text as equal).
    private static func sameBytes(_ lhs: [String]?, _ rhs: [String]?) -> Bool {
        guard let lhs, let rhs else { return lhs == nil && rhs == nil }
        return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
    }

    /// What `Args: expression` does with one argument alone: `cobra.ArbitraryArgs`, `cobra.ExactArgs(1)`,
    /// `cobra.MinimumNArgs(n <= 1)`, `cobra.MaximumNArgs(n >= 1)`, `cobra.RangeArgs(min <= 1, max >= 1)` take it;
    /// `cobra.OnlyValidArgs` and `cobra.ExactValidArgs(1)` take it when `ValidArgs` lists it; `cobra.MatchAll` of such
    /// checks takes it as its strictest does; counts are decimal literals. `.other` for anything else (`cobra.NoArgs`,
    /// a count in a constant, a function of the program's): not known to accept.
    private mutating func argumentCheck(_ expression: CobraExpr, in frame: inout Frame, depth: Int)
        -> CobraArgumentCheck
    {
        func cobraMember(_ base: CobraExpr, in frame: inout Frame) -> String? {
            guard case .selector(.name(let qualifier), let name, _) = base,
                files[frame.file].cobraNameIDs.contains(qualifier), isPackage(qualifier, in: frame)
            else { return nil }
            return text(of: name, in: frame.file)
        }
        func count(_ argument: CobraExpr) -> Int? {
            if case .opaque(let integer) = argument { return integer }
            return nil
        }
        func takes(_ condition: Bool) -> CobraArgumentCheck { condition ? .takesOne : .other }
        switch expression {
        case .selector:
            switch cobraMember(expression, in: &frame) {
            case "OnlyValidArgs": return .takesOneValid
            case "ArbitraryArgs": return .takesOne
            default: return .other
            }
        case .call(let callee, let arguments, _):
            guard depth < 4, let name = cobraMember(callee, in: &frame) else { return .other }
            switch name {
            case "ExactArgs":
                return takes(arguments.count == 1 && count(arguments[0]) == 1)
            case "ExactValidArgs":
                return arguments.count == 1 && count(arguments[0]) == 1 ? .takesOneValid : .other
            case "MinimumNArgs":
                return takes(arguments.count == 1 && count(arguments[0]).map { $0 <= 1 } == true)
            case "MaximumNArgs":
                return takes(arguments.count == 1 && count(arguments[0]).map { $0 >= 1 } == true)
            case "RangeArgs":
                guard arguments.count == 2, let low = count(arguments[0]), let high = count(arguments[1]) else {
                    return .other
                }
                return takes(low <= 1 && high >= 1)
            case "MatchAll":
                guard !arguments.isEmpty, arguments.count <= 16 else { return .other }
                var result = CobraArgumentCheck.takesOne
                for argument in arguments {
                    switch argumentCheck(argument, in: &frame, depth: depth + 1) {
                    case .other, .unset: return .other
                    case .takesOneValid: result = .takesOneValid
                    case .takesOne: break
                    }
                }
                return result
            default:
                return .other
            }
        default:
            return .other
        }
    }

    /// Whether `condition` (a command's `Hidden`) names a feature gate that says experimental: a name or string in it,
    /// or in the value of a package-level name of `folder` it names, contains `experimental`.
    private func gateSaysExperimental(_ condition: CobraExpr, file: Int, folder: Int32) -> Bool {
        let (names, strings) = CobraHelpText.namesAndStrings(in: condition) { text(of: $0, in: file) }
        guard !names.isEmpty || !strings.isEmpty else { return false }
        if (names + strings).contains(where: CobraHelpText.saysExperimental) { return true }
        for (index, file) in files.enumerated() where folders[index] == folder {
            for binding in file.bindings
            where !Set(binding.names.map { text(of: $0, in: index) }).isDisjoint(with: names) {
                let found = binding.values.map { CobraHelpText.namesAndStrings(in: $0) { text(of: $0, in: index) } }
                if found.contains(where: { $0.strings.contains(where: CobraHelpText.saysExperimental) }) { return true }
            }
        }
        return false
    }

    /// The variables whose being set guards a deprecation notice at the top level of a function a command runs
    /// (`if len(dataDir) > 0 { fmt.Fprintf(os.Stderr, "Use othertool defrag instead. ...") }`).
    private func guardedNoticeVariables(_ value: CobraValues) -> Set<CobraVariable> {
        var found: Set<CobraVariable> = []
        for function in value {
            let (guards, file): ([CobraExpr], Int)
            switch function {
            case .function(let key):
                let declaration = declared.list[Int(key)]
                (guards, file) = (sources[declaration.file].noticeGuards(ofFunction: declaration.index), declaration.file)
            case .closure(let site):
                guard let closure = closures[site] else { continue }
                (guards, file) = (sources[site.file].noticeGuards(of: closure.literal), site.file)
            default:
                continue
            }
            for variable in guards {
                if let bound = boundVariable(variable, in: file) { found.insert(bound) }
            }
        }
        return found
    }

    /// The variable `expression` (`&dataDir`, `&opts.dataDir`, or the name or field itself) names, by its name or
    /// field name.
    private func boundVariable(_ expression: CobraExpr, in file: Int) -> CobraVariable? {
        switch expression {
        case .unary(.address, let operand): return boundVariable(operand, in: file)
        case .name(let name): return CobraVariable(name: text(of: name, in: file), isField: false)
        case .selector(_, let field, _): return CobraVariable(name: text(of: field, in: file), isField: true)
        default: return nil
        }
    }

    /// Marks deprecated the flags whose value guards a deprecation notice in a function their command runs: the
    /// notice is printed whenever the flag is given. Only the command's own flags (and the sets added to them) count.
    mutating func markFlagsWithGuardedNotices() {
        for (site, variables) in noticeGuards where !variables.isEmpty {
            var sets: Set<CobraFlagSetID> = [.local(site), .persistent(site)]
            for set in sets { sets.formUnion(flagSets[set]?.includes ?? []) }
            for variable in variables {
                for bound in flagVariables[variable] ?? [] where sets.contains(bound.set) {
                    flagSets[bound.set]?.deprecated.insert(bound.name)
                }
            }
        }
    }

    /// Whether a function a command runs (`Run: restoreFunc`, `RunE: func(...) error { ... }`) prints a deprecation
    /// notice at every run (`CobraHelpText.printsDeprecation`).
    private mutating func runsDeprecationNotice(_ value: CobraValues) -> Bool {
        for function in value {
            switch function {
            case .function(let key):
                let declaration = declared.list[Int(key)]
                if CobraHelpText.printsDeprecation(sources[declaration.file].body(of: declaration.index)) {
                    return true
                }
            case .closure(let site):
                recordClosureRead(site, marks: false)
                if let closure = closures[site], CobraHelpText.printsDeprecation(closure.literal.body) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// Whether a `Run` or `RunE` given `value` may read its arguments: a function literal or a function of the program
    /// whose body names its `args` or its command (`cmd.Flags().Arg(0)`, `show(cmd)`: cobra hands the arguments there
    /// too) or selects an `Args` (`os.Args`), or a value semgate cannot read (unknown, another package's function): in
    /// doubt the words of `Use` are not taken for a path (reviews R91, R101). `nil` runs nothing.
    private func mayReadArguments(_ value: CobraValues) -> Bool {
        func reads(_ body: [CobraStatement], _ parameters: [CobraLocalName?]) -> Bool {
            let named = parameters.prefix(2).compactMap { $0 }
            return Self.mentions(body) { expression in
                named.contains { Self.mentions(expression, $0) } || Self.selects(expression, CobraKnown.args.id)
            }
        }
        if value.isEmpty { return true }
        for function in value {
            switch function {
            case .nilValue:
                continue
            case .closure(let site):
                guard let literal = closures[site]?.literal else { return true }
                if reads(literal.body, literal.parameters) { return true }
            case .function(let key):
                let declaration = declared.list[Int(key)]
                let function = files[declaration.file].functions[declaration.index]
                let signature = function.declaration.signature.parameters
                // Go names every parameter or none (`_` is a name only an assignment's left side spells).
                let named: [CobraLocalName?] =
                    function.parameters.count == signature.count
                    ? zip(function.parameters, signature).map { $1.name == "_" ? nil : $0.name } : []
                if reads(sources[declaration.file].body(of: declaration.index), named) { return true }
            default:
                return true
            }
        }
        return false
    }

    /// Whether `expression` selects `field` of anything (`os.Args`, `fs.Args()`); a function literal may.
    private static func selects(_ expression: CobraExpr, _ field: CobraLocalName) -> Bool {
        switch expression {
        case .name, .string, .opaque: return false
        case .selector(let base, let name, _): return name == field || selects(base, field)
        case .call(let callee, let arguments, _): return ([callee] + arguments).contains { selects($0, field) }
        case .composite(_, let elements, _):
            return elements.contains { element in
                (element.key.map { selects($0, field) } ?? false) || selects(element.value, field)
            }
        case .unary(_, let operand): return selects(operand, field)
        case .binary(_, let left, let right): return selects(left, field) || selects(right, field)
        case .index(let base, let indices): return ([base] + indices).contains { selects($0, field) }
        case .function: return true
        }
    }

    /// Whether an expression of `statements` passes `test` (a name declared again inside counts too, the safe side
    /// for ``mayReadArguments(_:)``).
    private static func mentions(_ statements: [CobraStatement], _ test: (CobraExpr) -> Bool) -> Bool {
        statements.contains { statement in
            switch statement {
            case .expression(let expression), .deferred(let expression):
                return test(expression)
            case .assign(let targets, _, let sources, _):
                return (targets + sources).contains { test($0) }
            case .declare(_, _, let sources), .return(let sources):
                return sources.contains { test($0) }
            case .range(let names, let collection, let body):
                return (names + [collection]).contains { test($0) } || mentions(body, test)
            case .block(let inner):
                return mentions(inner, test)
            case .conditional(let header, let condition, let then, let otherwise):
                return mentions(header, test) || condition.map { test($0) } == true
                    || mentions(then, test) || mentions(otherwise, test)
            case .switchCases(let tag, let clauses):
                return tag.map { test($0) } == true
                    || clauses.contains {
                        ($0.cases ?? []).contains { test($0) } || mentions($0.body, test)
                    }
            case .typeSwitch(let subject, let clauses):
                return test(subject) || clauses.contains { mentions($0.body, test) }
            case .loop(let header, let body):
                return mentions(header, test) || mentions(body, test)
            case .continueRange, .breakRange, .jump, .label, .leave:
                return false
            }
        }
    }

    private static func strings(in values: CobraValues) -> Set<String> {
        if case .string(let text)? = values.only { return [text] }
        return Set(
            values.compactMap { value in
                if case .string(let text) = value { return text }
                return nil
            })
    }

    /// Whether some string `values` may hold passes `test`: `strings(in:).contains(where:)` without making the set.
    private static func anyString(in values: CobraValues, _ test: (String) -> Bool) -> Bool {
        values.contains { value in
            if case .string(let text) = value { return test(text) }
            return false
        }
    }

    /// The string `values` may hold when it is the only one (`strings(in:)` of one element), else nil.
    private static func onlyString(in values: CobraValues) -> String? {
        if case .string(let text)? = values.only { return text }
        let strings = strings(in: values)
        return strings.count == 1 ? strings.first : nil
    }

    private static func union(_ sets: [CobraValues]) -> CobraValues {
        sets.reduce(into: CobraValues()) { $0.formUnion($1) }
    }

    // MARK: Expressions

    private mutating func evaluate(_ expression: CobraExpr, in frame: inout Frame) -> CobraValues {
        guard hasRoom(key: frame.key, file: frame.file, what: "an expression"), spendSteps(1) else { return [] }
        switch expression {
        case .name(let name):
            return lookup(name, in: frame)
        case .string(let text):
            return CobraValues(.string(text))
        case .opaque:
            return []
        case .function(let literal):
            // Remember what the literal sees, so that a call of it later (from a list of constructors) runs it. One
            // closure per context of its function's call, as for command literals: what an option constructor's
            // literal captures (`alias("ls")`) stays with that call.
            let site = commandSite(file: frame.file, offset: literal.position.offset, call: frame.key)
            var closure = closures[site] ?? Closure(literal: literal, folder: frame.folder, captured: CobraLocals())
            var grew = false
            for (name, value) in frame.locals where !value.isSubset(of: closure.captured[name] ?? []) {
                closure.captured.formUnion(value, for: name)
                grew = true
            }
            if grew || closures[site] == nil {
                clock += 1
                closure.changedAt = clock
                closures[site] = closure
                changed = true
                if readClosures.contains(site) { changedAfterRead = true }
            }
            return CobraValues(.closure(site))
        case .unary(let op, let operand):
            // `&pflag.CommandLine` handed on may be assigned through.
            if op == .address, let line = commandLineLine(operand, in: frame) {
                commandLineAssigned = commandLineAssigned ?? CobraPlace(file: frame.file, line: line)
            }
            let values = evaluate(operand, in: &frame)
            if op == .deref, case .call(_, _, let position) = operand,
                values.contains(where: { if case .command = $0 { true } else { false } })
            {
                // `cmd := *NewRmCommand(cli)`: a copy of the command, with fields of its own (`cmd.Aliases = ...`
                // names the copy, not the original: docker's `container rm`) and the original's flag sets, whose
                // pointers cobra's struct copies (review R56, class 4).
                let copy = commandSite(file: frame.file, offset: position.offset, call: frame.key)
                var result = CobraValues()
                for value in values {
                    guard case .command(let original) = value, original != copy else {
                        result.insert(value)
                        continue
                    }
                    copyCommand(original, to: copy, line: position.line)
                    result.insert(.command(copy))
                }
                return result
            }
            if op == .address, case .composite = operand {
                // `&T{...}`: reached through pointers alone, until one is copied through (``sharedObjects``).
                for case .object(let site, _) in values { pointerObjects.insert(site) }
            } else if op == .deref, values.contains(where: { if case .object = $0 { true } else { false } }) {
                // `*p`: a copy of what `p` points to (s22-trivy-alias valuecopy: `g2 := *shared; g2.Format = nil`
                // leaves `shared` as it was), read as the object until the copy's fields are given (``copySite``).
                var copies = CobraValues()
                for value in values {
                    guard case .object(_, let type) = value, let copy = copySite(of: value, given: [], in: frame) else {
                        if case .object(let site, _) = value { sharedObjects.insert(site) }
                        copies.insert(value)
                        continue
                    }
                    derefCopies.insert(copy)
                    copies.insert(.object(copy, type))
                }
                return copies
            }
            return values
        case .binary(let op, let left, let right):
            let lhs = evaluate(left, in: &frame)
            let rhs = evaluate(right, in: &frame)
            guard op == .plus else { return [] }
            let leftStrings = Self.strings(in: lhs)
            let rightStrings = Self.strings(in: rhs)
            if rightStrings.isEmpty, !leftStrings.isEmpty, leftStrings.count <= 16,
                leftStrings.allSatisfy(Self.hasCompleteFirstWord)
            {
                // `"list [flags] [" + kinds + "]"`: the unknown part cannot change the first word (a Use's name).
                return CobraValues(leftStrings.map(CobraValue.string))
            }
            guard !leftStrings.isEmpty, !rightStrings.isEmpty, leftStrings.count * rightStrings.count <= 16 else {
                return []
            }
            // Bounded (review R18: `const a1 = a0 + a0` ... 63 lines doubled a string to gigabytes): each result is a
            // name, not a document, and what `+` builds in a run has a budget. Past either, not a constant.
            let longest =
                (leftStrings.map(\.utf8.count).max() ?? 0) + (rightStrings.map(\.utf8.count).max() ?? 0)
            let built = longest * leftStrings.count * rightStrings.count
            guard longest <= Self.maximumReplacedBytes, concatenatedBytes + built <= Self.maximumConcatenatedBytes
            else { return [] }
            concatenatedBytes += built
            return CobraValues(leftStrings.flatMap { left in rightStrings.map { CobraValue.string(left + $0) } })
        case .index(let base, let indices):
            for index in indices { _ = evaluate(index, in: &frame) }
            let collection = evaluate(base, in: &frame)
            if indices.count == 1, case .name(let index) = indices[0], case .name(let held) = base,
                let run = frame.ranges.last(where: { $0.index == index && $0.collection == held })
            {
                return run.element
            }
            return collection
        case .selector(let base, let name, _):
            let asReceiver = readingReceiver
            readingReceiver = false
            if case .name(let qualifier) = base, isPackage(qualifier, in: frame) {
                if files[frame.file].pflagNameIDs.contains(qualifier),
                    runName(name, in: frame.file) == CobraKnown.commandLine.id
                {
                    updateFlagSet(.commandLine) { _ in }
                    return CobraValues(.flagSet(.commandLine))
                }
                return packageMember(
                    runName(qualifier, in: frame.file), runName(name, in: frame.file), file: frame.file)
            }
            var result: CobraValues = []
            let objects = evaluate(base, in: &frame)
            guard !objects.isEmpty else { return result }
            let name = runName(name, in: frame.file)
            for object in objects {
                if case .flagSet(let id) = object, numbering.flagMethods[Int(name)] != nil {
                    result.insert(.flagSetMethod(id, name))
                    continue
                }
                guard let type = Self.programType(of: object) else { continue }
                let field = readField(of: object, name)
                if !nilFieldNames.isEmpty {
                    for case .object(let site, _) in field { fieldsHolding[site, default: []].insert(scoped(type, name)) }
                }
                var always = false
                if !alwaysNilFields.isEmpty, let types = alwaysNilFields[numbering.table.names[Int(name)]] {
                    always = types.contains(nil) || types.contains(numbering.table.names[Int(type)])
                }
                markNilable(field, always: always)
                result.formUnion(field)
                if let method = methodOrPromoted(name, of: type, preferring: frame.folder) {
                    // A method value (`ch <- kit.SetDisk`): bound to the object, it may run where the run does not
                    // follow it (review R19), as a function literal that captured it.
                    if case .object(let site, _) = object { methodValueObjects.insert(site) }
                    result.insert(.function(method.key))
                } else if let fieldType = declared.fieldType(name, of: type) {
                    // A struct-typed field is a value of its type even when the program never assigns it. A pointer the
                    // literal of the one object read leaves out is nil when nothing gives it a value (a method called
                    // on it still runs, as Go runs it on a nil pointer); one that may be nil makes a comparison with
                    // nil undecided (``unsetFieldMayBeNil``), and is not read as nil beside what it holds: the objects
                    // would be nilable everywhere (``nilable``).
                    // The cell is made first: `replacing` reads the cells as they were before its argument ran.
                    if case .object(let site, _) = object, case let cell = objectFieldCell(site, name), replacing(cell) {
                        // What an assignment in order gave it is what it holds (``replaceField(_:type:_:_:)``). A field
                        // that is no pointer holds a value of its type whatever it was given: a conversion or a call
                        // not followed (`c.DestDir, err = c.defaultDir()`) gives one that carries no type, and the
                        // type's methods (a flag Value's `Type()`) are still its (review R63; chezmoi 2.0.11).
                        if declared.structs[type]?[name]?.isPointer == false,
                            !field.contains(where: { Self.programType(of: $0) != nil })
                        {
                            result.insert(.instance(fieldType))
                        }
                        continue
                    }
                    switch unsetPointerField(object, name, held: field, deciding: objects.count == 1) {
                    case true?:
                        result.insert(.nilValue)
                        if asReceiver { result.insert(.instance(fieldType)) }
                    case false?:
                        unsetFieldMayBeNil = true
                        result.insert(.instance(fieldType))
                    case nil:
                        if !givenPointerField(object, name, held: field) { result.insert(.instance(fieldType)) }
                    }
                }
            }
            return result
        case .composite(let type, let elements, let position):
            return composite(type, elements, position: position, elementType: nil, in: &frame)
        case .call(let callee, let arguments, let position):
            stepPath.append(
                CobraStepPlace(
                    call: frame.key ?? -1, offset: position.offset, repeating: frame.loops > 0 || frame.afterLabel))
            defer { stepPath.removeLast() }
            return evaluateCall(callee, arguments, position: position, in: &frame)
        }
    }

    private mutating func lookup(_ name: CobraLocalName, in frame: Frame) -> CobraValues {
        if let local = frame.locals[name] { return local }
        switch name {
        case CobraKnown.true.id: return CobraValues(.bool(true))
        case CobraKnown.false.id: return CobraValues(.bool(false))
        case CobraKnown.nil.id: return CobraValues(.nilValue)
        default: break
        }
        if let global = read(globalCell(name, in: frame.file)) { return global }
        if let function = function(named: name, in: frame.file) { return [.function(function)] }
        return []
    }

    /// The values of package-level name `name` of `folder` (nil when none was assigned), noted as read in this pass.
    private mutating func global(_ folder: Int32, _ name: CobraName) -> CobraValues? {
        read(globalCell(scoped(folder, name)))
    }

    /// Whether `name` (of the frame's file) names an imported package here rather than a variable.
    private mutating func isPackage(_ name: CobraLocalName, in frame: Frame) -> Bool {
        guard !frame.locals.contains(name) else { return false }
        return read(globalCell(name, in: frame.file)) == nil && function(named: name, in: frame.file) == nil
    }

    /// Whether assigning `source` to `target` keeps what the target held: any target but a name does, and a name only
    /// when the source appends to it (`table = append(table, e)`).
    private static func keepsEntries(of target: CobraExpr, source: CobraExpr?) -> Bool {
        guard case .name(let name) = target, let source else { return true }
        if case .call(.name(CobraKnown.append.id), let arguments, _) = source, case .name(name)? = arguments.first {
            return true
        }
        return false
    }

    /// Notes that the objects of `values` went where the run does not follow them (``escapedObjects``), and its
    /// commands unless `commands` is false (cobra's own methods, which the run follows for commands).
    private mutating func escaped(_ values: CobraValues, commands: Bool = true) {
        if commands, values.contains(where: { if case .command = $0 { true } else { false } }) { commandsHanded = true }
        for case .object(let site, _) in values where escapedObjects.count < Self.maximumHandedObjects {
            escapedObjects.insert(site)
        }
    }

    /// Notes that the objects of `values` may have their place taken by another value (``replacedObjects``).
    private mutating func replaced(_ values: CobraValues) {
        for value in values where Self.isObject(value) { replacedObjects.insert(value) }
    }

    /// Whether `expression` names a variable or a field (`fs`, `o.set`): evaluating it runs nothing.
    private static func isPlace(_ expression: CobraExpr) -> Bool {
        switch expression {
        case .name: return true
        case .selector(let base, _, _): return isPlace(base)
        default: return false
        }
    }

    /// The first line `expressions` give (of a selector, call, literal or function literal), if any.
    private static func firstLine(of expressions: [CobraExpr]) -> Int? {
        for expression in expressions {
            switch expression {
            case .selector(_, _, let line): return line
            case .call(_, _, let position), .composite(_, _, let position): return position.line
            case .function(let literal): return literal.position.line
            case .unary(_, let operand): if let line = firstLine(of: [operand]) { return line }
            case .binary(_, let left, let right): if let line = firstLine(of: [left, right]) { return line }
            case .index(let base, let indexes): if let line = firstLine(of: [base] + indexes) { return line }
            case .name, .string, .opaque: continue
            }
        }
        return nil
    }

    /// The line of `expression` when it is `pflag.CommandLine` (pflag under any name the file imports it as).
    private mutating func commandLineLine(_ expression: CobraExpr, in frame: Frame) -> Int? {
        guard case .selector(.name(let qualifier), let name, let line) = expression,
            files[frame.file].pflagNameIDs.contains(qualifier), isPackage(qualifier, in: frame),
            runName(name, in: frame.file) == CobraKnown.commandLine.id
        else { return nil }
        return line
    }

    /// A name of an imported package: by the file's import, else by package clause.
    private mutating func packageMember(_ package: CobraName, _ name: CobraName, file: Int) -> CobraValues {
        var result: CobraValues = []
        for folder in importFolders[file][package] ?? packageFolders[package] ?? [] {
            result.formUnion(global(folder, name) ?? [])
            if let function = declared.function(name, in: folder) { result.insert(.function(function)) }
        }
        return result
    }

    /// A composite literal's value. `elementType` is the type an enclosing literal gives the elements whose type it
    /// elides (`Group` in `[]Group{{Title: ...}}`; the named type itself for a named collection such as `Groups`).
    private mutating func composite(
        _ type: CobraTypeRef?, _ elements: [CobraElement], position: GoPosition, elementType: CobraTypeRef?,
        in frame: inout Frame
    ) -> CobraValues {
        let isElement = type == nil && elementType != nil
        let type = type ?? elementType
        if type?.isCobraCommand == true {
            let site = commandSite(file: frame.file, offset: position.offset, call: frame.key)
            noteMade(.command(site))
            if conditional { commandBuilds[site, default: []].insert(currentBuild) }
            if commands[site] == nil {
                commands[site] = CobraCommandInfo(file: frame.file, line: position.line)
                changed = true
            }
            for element in elements {
                guard case .name(let field)? = element.key else { continue }
                let value = evaluate(element.value, in: &frame)
                let fieldName = runName(field, in: frame.file)
                let literal = if case .function = element.value { true } else { false }
                if fieldName == CobraKnown.hidden.id { hiddenSpelling = hiddenSpelling(of: element.value, in: frame.file) }
                setCommandField(site, fieldName, value, fromLiteral: true, literal: literal)
                hiddenSpelling = nil
                if fieldName == CobraKnown.completionOptions.id {
                    completionOptions(element.value, of: .command(site), in: &frame)
                }
                if fieldName == CobraKnown.validArgs.id || fieldName == CobraKnown.args.id
                    || fieldName == CobraKnown.argAliases.id
                {
                    readArguments(site, fieldName, element.value, in: &frame)
                }
                if fieldName == CobraKnown.annotations.id, case .composite(_, let entries, _) = element.value,
                    entries.count <= 64
                {
                    for entry in entries {
                        guard let key = entry.key else { continue }
                        if Self.saysExperimental(
                            key: evaluate(key, in: &frame), value: evaluate(entry.value, in: &frame))
                        {
                            updateCommand(site) { $0.annotatedExperimental = true }
                        }
                    }
                }
                if fieldName == CobraKnown.hidden.id,
                    gateSaysExperimental(element.value, file: frame.file, folder: frame.folder)
                {
                    updateCommand(site) { $0.experimental = true }
                }
            }
            return CobraValues(.command(site))
        }
        var values: [CobraValues] = []
        // The elements of a collection, or of a named type that may be one, take its element type when they elide it.
        let inner = type?.element
        for element in elements {
            if let key = element.key { _ = evaluate(key, in: &frame) }
            if case .composite(nil, let nested, let nestedPosition) = Self.withoutAddress(element.value) {
                values.append(composite(nil, nested, position: nestedPosition, elementType: inner, in: &frame))
            } else {
                values.append(evaluate(element.value, in: &frame))
            }
        }
        for value in values { markNilable(value) }
        if type?.isCobraCommandCollection == true {
            // `[]*cobra.Command{newAlpha(), alpha.NewScaffold()}`: an element that is no command the files build is a
            // command missing from the surface, even when the others are there to be added.
            for (element, value) in zip(elements, values)
            where !value.contains(where: { if case .command = $0 { return true } else { return false } })
                && !value.contains(.nilValue)
            {
                note(
                    "\(spelling(of: element.value, in: frame.file)) in a list of commands cannot be followed to a "
                        + "cobra.Command literal in the files read; the command it makes, and what is under it, are "
                        + "not in the surface (add the file that defines it to 'files')",
                    file: frame.file, line: position.line)
            }
        }
        // Only the elements of an array, slice or map may elide their type (`Groups{{Title: ...}}`): such a literal is
        // a collection of its elements, not an object.
        let elidesTypes = elements.contains { element in
            if case .composite(nil, _, _) = Self.withoutAddress(element.value) { return true }
            return false
        }
        // A literal of a slice type the program declares (`Options{a, b}`) is a collection too; an element whose type
        // its literal elides is a value of that slice's element type (`Option` for `Options{{Name: "addr"}}`).
        let named = type?.name.map { runName($0, in: frame.file) }
        // The package that declares the literal's type: the qualifier's folders when the files read hold them, else
        // the literal's own; a struct of that package named like another package's slice type is no collection.
        // the literal's own; a struct of that package named like another package's slice type is no collection. A
        // qualifier naming no folder read leaves the name alone to say.
        let declaring: [Int32]? =
            if let qualifier = type?.qualifier {
                importFolders[frame.file][runName(qualifier, in: frame.file)]
            } else {
                [frame.folder]
            }
        let sliceElement = named.flatMap { name -> CobraName? in
            if let declaring, let folders = declared.collectionFolders[name], folders.isDisjoint(with: declaring) {
                return nil
            }
            return declared.elementTypes[name]
        }
        if let type, !type.isCollection, !elidesTypes, let named, sliceElement == nil || isElement {
            let typeName = isElement ? sliceElement ?? named : named
            let site = commandSite(file: frame.file, offset: position.offset, call: frame.key, byCaller: true)
            let object = CobraValue.object(site, typeName)
            if let key = frame.key, key >= 0, objectMakers[site] == nil { objectMakers[site] = key }
            if let qualifier = type.qualifier, isCommandGroup(typeName, qualifier, in: frame.file, line: position.line) {
                commandGroups.insert(site)
            }
            recordObjectRest(site)
            if objectFolders[site] == nil {
                // The package that declares the type: the qualifier's, else the literal's own.
                let qualified = type.qualifier.flatMap { importFolders[frame.file][runName($0, in: frame.file)]?.first }
                objectFolders[site] = qualified ?? frame.folder
            }
            if isElement { listElements.insert(site) }
            for (element, value) in zip(elements, values) where tableNames.count < Self.maximumTableNames {
                guard case .name(let field)? = element.key, runName(field, in: frame.file) == CobraKnown.name.id
                else { continue }
                for case .string(let text) in value where !text.isEmpty && tableNames.count < Self.maximumTableNames {
                    tableNames.insert(text)
                }
            }
            if objectLists[site] == nil {
                var lists: [CobraName: [String]] = [:]
                for element in elements {
                    guard case .name(let field)? = element.key,
                        case .composite(let listType?, let items, _) = element.value, listType.isCollection,
                        items.count <= Self.maximumRangeObjects
                    else { continue }
                    let strings = items.compactMap { item -> String? in
                        if item.key == nil, case .string(let text) = item.value { return text }
                        return nil
                    }
                    if strings.count == items.count { lists[runName(field, in: frame.file)] = strings }
                }
                objectLists[site] = lists
            }
            if elements.contains(where: { $0.key == nil }) { positionalObjects.insert(site) }
            for element in elements {
                guard case .name(let key)? = element.key else { continue }
                let field = runName(key, in: frame.file)
                let text = certainString(element.value, in: &frame)
                if let known = objectStrings[site]?[field] {
                    if let known, let text, Array(known.utf8) == Array(text.utf8) { continue }
                    if known != nil { objectStrings[site, default: [:]][field] = .some(nil) }
                } else {
                    objectStrings[site, default: [:]][field] = .some(text)
                }
            }
            if objectKeys[site] == nil {
                objectKeys[site] = Set(
                    elements.compactMap { element in
                        if case .name(let field)? = element.key { return runName(field, in: frame.file) }
                        return nil
                    })
            }
            if type.qualifier.map({ runName($0, in: frame.file) }) == CobraKnown.pflag.id,
                named == CobraKnown.flagOfCommand.id
            {
                var literal = pflagLiterals[site] ?? pflagLiteral(elements, file: frame.file)
                for (element, value) in zip(elements, values) {
                    guard case .name(let key)? = element.key else { continue }
                    let field = runName(key, in: frame.file)
                    if Self.pflagLiteralFields.contains(field) { literal.given[field, default: []].formUnion(value) }
                }
                pflagLiterals[site] = literal
            }
            for value in values {
                for case let found in value {
                    switch found {
                    case .command, .object: held[site, default: []].insert(found)
                    default: continue
                    }
                }
            }
            var result = CobraValues(object)
            for (element, value) in zip(elements, values) {
                if case .name(let field)? = element.key {
                    writeField(of: object, runName(field, in: frame.file), value)
                } else if element.key == nil {
                    result.formUnion(value)
                }
            }
            return result
        }
        return Self.union(values)
    }

    /// The site of a command literal run in `call`: one per set of string arguments and elements of list literals
    /// the call has (a constructor called with each element of a list of structs builds a command for each), up to
    /// `maximumCommandContexts` per literal.
    /// `byCaller`: also by the call site of a constructor (``CallKey/caller``), for objects of the program's types.
    private mutating func commandSite(file: Int, offset: Int, call: Int32?, byCaller: Bool = false) -> CobraSite {
        let site = CobraSite(file: file, offset: offset)
        return contextSite(site, call: call, extra: [], byCaller: byCaller) ?? site
    }

    /// `site` (context 0) in the context of `call`'s string and list-element arguments and of `extra`; nil past
    /// `maximumCommandContexts` for the site or `maximumCommandContextsPerRun` for the run.
    private mutating func contextSite(_ site: CobraSite, call: Int32?, extra: [CobraValues], byCaller: Bool = false)
        -> CobraSite?
    {
        let (file, offset) = (site.file, site.offset)
        guard let call, call >= 0, callKeys[Int(call)].function >= 0 else { return extra.isEmpty ? site : nil }
        let key = callKeys[Int(call)]
        let elements = listElements
        func isContext(_ value: CobraValue) -> Bool {
            switch value {
            case .string: return true
            case .object(let site, _): return elements.contains(site)
            default: return false
            }
        }
        // Most calls have no string or list element: then there is nothing to pick out.
        guard
            key.arguments.contains(where: { $0.contains(where: isContext) }) || key.receiver.contains(where: isContext)
                || !extra.isEmpty || (byCaller && key.caller != nil)
        else { return site }
        // A constructor's call site (``CallKey/caller``) is part of the context, as a closure no file has.
        let caller = (byCaller ? key.caller : nil).map { [CobraValues(.closure(CobraSite(file: -1 - $0.file, offset: $0.offset)))] } ?? []
        let strings =
            (key.arguments + [key.receiver]).map { values in CobraValues(values.filter(isContext)) } + extra + caller
        // Read and added to in place: a copy of the literal's contexts would be copied again when one is added.
        let count = commandContexts[site]?.count ?? 0
        if let context = commandContexts[site]?[strings] {
            return CobraSite(file: file, offset: offset, context: context)
        }
        guard count < Self.maximumCommandContexts,
            commandContextsMade < Self.maximumCommandContextsPerRun
        else { return extra.isEmpty ? site : nil }
        commandContextsMade += 1
        let context = Int32(count + 1)
        commandContexts[site, default: [:]][strings] = context
        return CobraSite(file: file, offset: offset, context: context)
    }

    private mutating func evaluateCall(
        _ callee: CobraExpr, _ arguments: [CobraExpr], position: GoPosition, in frame: inout Frame
    ) -> CobraValues {
        let values = arguments.map { evaluate($0, in: &frame) }
        switch callee {
        case .name(CobraKnown.send.id):
            // `ch <- v`: the run does not follow channels, so what is sent is taken as handed to code not read (it may
            // be received and replaced there, review R22): its objects escaped, its function literals may run.
            for value in values.dropFirst() {
                escaped(value)
                noteHanded([value])
                for case .closure(let site) in value { handedClosures.insert(site) }
            }
            return []
        case .name(CobraKnown.append.id):
            for value in values.dropFirst() { markNilable(value) }
            // `append(list[:k], e)` writes `e` into the array `list` holds when it has room (review R59).
            if case .index? = arguments.first, let first = values.first, values.count > 1 {
                tookPlace(of: first, Self.union(Array(values.dropFirst())))
            }
            return Self.union(values)
        case .name(CobraKnown.copy.id) where frame.locals[CobraKnown.copy.id] == nil:
            // `copy(table, other)`: the entries of `table` it reaches are other values; those of `other` are not
            // followed there.
            if let first = values.first {
                replaced(first)
                if values.count > 1 { tookPlace(of: first, values[1]) }
            }
            if case .name(let list)? = arguments.first { frame.oneEntry[list] = nil }
            for value in values.dropFirst() { escaped(value) }
            return []
        case .name(let name)
        where !frame.locals.contains(name)
            && (name == CobraKnown.new.id || name == CobraKnown.make.id || name == CobraKnown.len.id
                || name == CobraKnown.cap.id):
            // `make(flagAliases)` of a map or slice type of the program with methods: a value of it, whose methods
            // run (`aliases.Add(flag)`), rather than a call not followed that the entry is handed to.
            if name == CobraKnown.make.id, case .name(let type)? = arguments.first, frame.locals[type] == nil {
                let typeName = runName(type, in: frame.file)
                if declared.receivers.contains(typeName), declared.structs[typeName] == nil {
                    return CobraValues(.instance(typeName))
                }
            }
            return []
        case .function(let literal):
            // `func() *cobra.Command { ... }()` runs where it is written, seeing the enclosing function's names.
            // Its parameters hold the arguments (`func(fs *pflag.FlagSet) { ... }(pflag.CommandLine)`), and are its
            // own: an enclosing name they shadow keeps its value.
            var inner = frame
            inner.literalReturns = []
            inner.deferred = []
            let parameters = literal.parameters.compactMap { $0 }
            for name in parameters { inner.certain[name] = nil }
            inner.inLiteral = true
            let given = unnamedArguments(arguments, values, in: frame)
            for (index, name) in literal.parameters.enumerated() {
                guard let name else { continue }
                inner.locals.assign(index < values.count ? values[index] : [], to: name)
                // A parameter named as a loop's variable is not that loop's entry.
                inner.reassigned(name)
                // One given a value the run cannot name is that value (review R89c).
                if index < given.count, let unnamed = given[index] { inner.unnamed[name] = unnamed }
            }
            // Its body is a block: the names it declares are its own (review R61).
            var shadowed: [Shadowed] = []
            execute(literal.body, in: &inner, shadowing: &shadowed)
            runDeferred(in: &inner, body: literal.body)
            endScope(shadowed, deferredFrom: inner.deferred.count, in: &inner)
            for (name, value) in inner.locals where frame.locals.contains(name) && !parameters.contains(name) {
                frame.locals.assign(value, to: name)
            }
            return inner.literalReturns ?? []
        case .selector(let base, let localMethod, let selectorLine):
            let method = runName(localMethod, in: frame.file)
            if case .name(let localQualifier) = base, isPackage(localQualifier, in: frame) {
                let qualifier = runName(localQualifier, in: frame.file)
                if method == CobraKnown.newFlagSet.id {
                    let id = CobraFlagSetID.made(CobraSite(file: frame.file, offset: position.offset))
                    updateFlagSet(id) { _ in }
                    return CobraValues(.flagSet(id))
                }
                if qualifier == CobraKnown.fmt.id, method == CobraKnown.sprintf.id {
                    return Self.sprintf(values)
                }
                // pflag's package-level `pflag.StringVarP(&v, ...)` and `pflag.Lookup(name)` are `CommandLine`'s.
                if files[frame.file].pflagNameIDs.contains(localQualifier),
                    numbering.flagMethods[Int(method)] != nil || method == CobraKnown.lookup.id
                {
                    updateFlagSet(.commandLine) { _ in }
                    let context = CallContext(file: frame.file, line: selectorLine, arguments: arguments)
                    // pflag keeps a Value it is given and calls its methods (String at the definition, Set): review R31.
                    for value in values { escaped(value, commands: false) }
                    return flagSetMethod(method, .commandLine, values, context)
                }
                var result: CobraValues = []
                let functions = packageMember(qualifier, method, file: frame.file).compactMap {
                    value -> CobraFunctionID? in
                    if case .function(let key) = value { return key }
                    return nil
                }
                let certain = functions.isEmpty ? 0 : certainArguments(arguments, values, in: &frame)
                let given = functions.isEmpty ? [] : unnamedArguments(arguments, values, in: frame)
                for key in functions {
                    result.formUnion(
                        call(
                            key, arguments: values, certain: certain,
                            caller: CobraSite(file: frame.file, offset: position.offset),
                            unnamed: Unnamed(arguments: given)))
                }
                if functions.isEmpty, qualifier == CobraKnown.strings.id, method == CobraKnown.replaceAll.id {
                    return Self.replaceAll(values)
                }
                if functions.isEmpty, values.count == 2, isLo("Filter", localQualifier, localMethod, in: frame) {
                    // samber/lo's `Filter(list, keep)` returns the elements of `list` that `keep` keeps: all of them
                    // stand for those. `keep` is handed over (it runs on them), not the elements.
                    noteHanded([values[1]])
                    return values[0]
                }
                if functions.isEmpty && (qualifier == CobraKnown.cobra.id || qualifier == CobraKnown.pflag.id
                    || qualifier == CobraKnown.flag.id)
                {
                    // A function of cobra, pflag or Go's flag package keeps what it is given and calls its methods
                    // (`flag.Var(v, ...)` calls v.String(): review R31).
                    for value in values { escaped(value, commands: false) }
                }
                if functions.isEmpty && qualifier != CobraKnown.cobra.id && qualifier != CobraKnown.pflag.id
                    && qualifier != CobraKnown.flag.id && !files[frame.file].cobraNameIDs.contains(localQualifier)
                {
                    let names = numbering.table.names
                    let reason = { "\(names[Int(qualifier)]).\(names[Int(method)]) is not defined in the files read" }
                    // samber/lo's `IsNil` only reads what it is given (``isLoNil(_:_:in:)``).
                    if !isLoNil(localQualifier, localMethod, in: frame) { noteHanded(values) }
                    if Self.handsOver(values) {
                        markOpen(values, mayAddFlags: mayAddFlags(named: method))
                        noteUnfollowed(reason(), file: frame.file, line: selectorLine)
                    } else if Self.holdsObject(values), mayAddFlags(named: method) {
                        markHeldOpen(values, reason: reason(), file: frame.file, line: selectorLine)
                    }
                }
                return result
            }
            // `Skip("port").addFlags(c)`: the method the package declares on its own type runs on the converted value,
            // as Go runs it (s19-branches receiverskip: it was a call not followed, which kept every flag of `c`).
            if case .call(.name(let type), let converted, _) = base, converted.count == 1,
                let key = conversionMethod(type, method, in: frame)
            {
                let receiver = evaluate(converted[0], in: &frame)
                var certain = certainArguments(arguments, values, in: &frame)
                if case .string(let held)? = receiver.only, let text = certainString(converted[0], in: &frame),
                    Array(text.utf8) == Array(held.utf8)
                {
                    certain |= Self.certainReceiver
                }
                return call(key, arguments: values, receiver: receiver, certain: certain)
            }
            if let read = reflectReadOnly(base, localMethod, arguments: arguments, in: frame) {
                _ = evaluate(read, in: &frame)
                return []
            }
            if methodExpressionOnUnnamed(base, method, arguments, values, position: position, in: frame) {
                return []
            }
            var result: CobraValues = []
            if case .selector = base { readingReceiver = true }
            let objects = evaluate(base, in: &frame)
            readingReceiver = false
            // `names.Clear()` on a value of a type that is no struct: what the method writes through its pointer
            // receiver is the variable's from here on (review R85), once the call has run.
            defer {
                rewriteReceiver(
                    base, method, held: objects, arguments: arguments, values, line: selectorLine, in: &frame)
            }
            if text(of: localMethod, in: frame.file) == "Run",
                objects.contains(where: { if case .command = $0 { true } else { false } })
            {
                commandHooksCalled = true
            }
            if Self.parsesCommandLine(method, arguments: arguments.count),
                objects.contains(where: { if case .command = $0 { true } else { false } })
            {
                parsingCalls.insert(CobraSite(file: frame.file, offset: position.offset))
                for case .command(let site) in objects {
                    executedCommands.insert(site)
                    if let runningMain { executedFromMain[site, default: []].insert(runningMain) }
                }
            }
            if objects.isEmpty, case .composite(let type?, let elements, _) = base, elements.isEmpty,
                let named = type.name, declared.elementTypes[runName(named, in: frame.file)] != nil,
                let found = methodOrPromoted(method, of: runName(named, in: frame.file), preferring: frame.folder)
            {
                // `Options{}.Add(more)`: the method of an empty list of the program's slice type runs on a nil list.
                return call(found.key, arguments: values, receiver: [.nilValue])
            }
            if objects.only == .nilValue, let type = nilReceiverType(base, in: &frame),
                let found = methodOrPromoted(method, of: type, preferring: frame.folder), found.receiver == type
            {
                // `f = nil` (or `g.Format = nil`) in order, then `f.Add(cmd)`: Go runs the pointer method on nil.
                return call(found.key, arguments: values, receiver: [.nilValue])
            }
            // A method called on a value the run cannot name (review R89c: `h := <-ch; h.Clear()`, `h.G.Clear()`)
            // runs on it: what it writes through its receiver reaches what the value may be. For a value of any type
            // each program type's method of that name may be the one, or none (another package's type): they run
            // given nothing and what they return is not taken, so that a decoy's body adds nothing to what the call
            // is given or gives (review R87's class); the call is still taken as not followed below.
            if let unnamed = unnamedValue(of: base, held: objects, in: frame), unnamed.type != -2 {
                let given = unnamedArguments(arguments, values, in: frame)
                let known = unnamed.type >= 0
                let passed = known ? values : values.map { _ in CobraValues() }
                for (key, receiverType) in methods(method, ofUnnamed: unnamed, folder: frame.folder) {
                    let receiver = CobraUnnamedValue(
                        type: receiverType, copy: unnamed.copy && receiverType == unnamed.type)
                    let returned = call(
                        key, arguments: passed, caller: CobraSite(file: frame.file, offset: position.offset),
                        unnamed: Unnamed(receiver: receiver, arguments: given))
                    if known { result.formUnion(returned) }
                }
            }
            var followed = false
            // The method of one of the program's types, or of the command it embeds: once for the instances of each
            // type, once for its objects.
            // One value (the usual case) is one type, without the table.
            let ofTypes: [[CobraValue]]
            if let only = objects.only {
                ofTypes = Self.programType(of: only) != nil ? [[only]] : []
            } else {
                var byType: [CobraName: [CobraValue]] = [:]
                for object in objects {
                    if let type = Self.programType(of: object) { byType[type, default: []].append(object) }
                }
                ofTypes = byType.keys.sorted().map { byType[$0] ?? [] }
            }
            for ofType in ofTypes {
                let context = CallContext(file: frame.file, line: selectorLine, arguments: arguments)
                for group in instancesAndObjects(ofType, folder: frame.folder) {
                    guard let called = methodOfObjects(method, group.values, values, context, folder: group.folder)
                    else {
                        continue
                    }
                    followed = true
                    result.formUnion(called)
                }
            }
            var libraryValues = values
            if let index = numbering.flagMethods[Int(method)]?.shorthandIndex, index < values.count,
                values[index].isEmpty, neverSet(arguments[index], in: frame)
            {
                // `set.VarP(o, name, o.Short, usage)` for a table entry without `Short:`: a Go field no one sets is "".
                libraryValues[index] = [.string("")]
            }
            // `t := Names{"disk"}; t.AddTo(run)`: a value of a type that is no struct holds its literal's strings,
            // which carry no type. The one method of that name such a type of the program declares (by value, or a
            // pointer method that keeps its receiver) runs on them; with none or several, the call is not followed
            // (a note where it is handed a command or flag set), never taken as followed and empty.
            var typeNotKnown = false
            if !followed, !objects.isEmpty, objects.allSatisfy({ if case .string = $0 { true } else { false } }) {
                typeNotKnown = true
                let candidates = stringTypeMethods(named: method)
                if candidates.count == 1, let key = candidates.first {
                    let certain = certainArguments(arguments, values, in: &frame)
                    result.formUnion(
                        call(key, arguments: values, receiver: objects, certain: certain,
                            caller: CobraSite(file: frame.file, offset: position.offset)))
                    followed = true
                }
            }
            for object in objects where !typeNotKnown {
                if Self.programType(of: object) != nil { continue }
                let context = CallContext(file: frame.file, line: selectorLine, arguments: arguments)
                result.formUnion(callMethod(method, on: object, libraryValues, context, folder: frame.folder))
                if !followed {
                    // cobra and pflag keep what they are given and call its methods (a flag Value's String at the
                    // definition, Set; review R31): not followed there.
                    for value in values { escaped(value, commands: false) }
                }
                followed = true
            }
            if !followed {
                // `f.ValueNormalize(v)`, a func-valued field of the program's type: `f` itself is not handed over.
                let fieldCall = objects.contains { object in
                    Self.programType(of: object).flatMap { declared.structs[$0]?[method] } != nil
                }
                noteHanded(fieldCall ? values : values + [objects])
                // What the field holds is called: a function literal there runs with what it captured.
                if fieldCall && literalListsDecide {
                    for object in objects {
                        for case .closure(let site) in readField(of: object, method) { handedClosures.insert(site) }
                    }
                }
                // A function of the program the field holds (`h := &Hook{Run: drop}; h.Run()`) runs here, as a
                // call of it by name would: what it writes is written before what follows (not run, its writes to
                // package-level values were missed).
                if fieldCall {
                    var functions: Set<CobraFunctionID> = []
                    for object in objects where Self.programType(of: object) != nil {
                        for case .function(let key) in readField(of: object, method) { functions.insert(key) }
                    }
                    for key in functions.sorted() {
                        result.formUnion(
                            call(
                                key, arguments: values, certain: 0,
                                caller: CobraSite(file: frame.file, offset: position.offset)))
                    }
                }
            }
            if !followed && Self.handsOver(values) {
                if objects.isEmpty && method == CobraKnown.addCommand.id {
                    for value in values {
                        for case .command(let child) in value { addedToUnknown.insert(child) }
                    }
                }
                let onGroups = objects.allSatisfy { object in
                    if case .object(let site, _) = object { commandGroups.contains(site) } else { false }
                }
                if numbering.table.names[Int(method)] == CobraGroupAdder.method, !objects.isEmpty, onGroups {
                    let context = CallContext(file: frame.file, line: selectorLine, arguments: arguments)
                    addGroups(objects, to: values, context)
                }
                // The program's own types define flags in a method of this name (a plugin's `BindFlags(fs)` called
                // through an interface): the call may run any of them, so what it is given is open whatever its name
                // says (review C2, kubebuilder 3.0.0's `subcommand.BindFlags(cmd.Flags())`).
                // What it may add is what those types' methods name (review R87: a decoy type declaring the method
                // opened the set to any flag); a call whose name alone says it may add flags opens it to any.
                let implementers = declared.buildingMethods[method] ?? []
                if !implementers.isEmpty {
                    markOpen(values, mayAddFlags: true, naming: implementerFlagNames(method, implementers))
                } else {
                    markOpen(values, mayAddFlags: mayAddFlags(named: method))
                }
                if !implementers.isEmpty {
                    noteImplementersNotChosen(
                        spelling(of: callee, in: frame.file), implementers, file: frame.file, line: selectorLine)
                } else {
                    let reason =
                        objects.isEmpty
                        ? "\(spelling(of: callee, in: frame.file)) is called on a value that cannot be followed"
                        : "\(spelling(of: callee, in: frame.file)) is not defined in the files read"
                    noteUnfollowed(reason, file: frame.file, line: selectorLine)
                }
            } else if !followed && Self.holdsObject(values) && mayAddFlags(named: method) {
                markHeldOpen(
                    values,
                    reason: "\(spelling(of: callee, in: frame.file)) is not defined in the files read",
                    file: frame.file,
                    line: selectorLine)
            }
            return result
        default:
            var result: CobraValues = []
            var followed = false
            let callees = evaluate(callee, in: &frame)
            let certain =
                callees.contains { if case .function = $0 { true } else { false } }
                ? certainArguments(arguments, values, in: &frame) : 0
            // A function value that may be any of many functions (an evaluator's table of handlers: `h :=
            // node.Op.Handler; h(d, ctx, node)`) gets the objects as any value of their types: each handler getting
            // each set of objects multiplied runs and object sets without end (yq, review R98).
            let widened =
                callees.count { if case .function = $0 { true } else { false } } > Self.maximumCalleeFunctions
                ? values.map { CobraValues($0.map(Self.anyOfType)) } : values
            let given = unnamedArguments(arguments, values, in: frame)
            for value in callees {
                switch value {
                case .function(let key):
                    followed = true
                    result.formUnion(
                        call(
                            key, arguments: widened, certain: certain,
                            caller: CobraSite(file: frame.file, offset: position.offset),
                            unnamed: Unnamed(arguments: given)))
                case .closure(let site):
                    followed = true
                    result.formUnion(callClosure(site, arguments: values, unnamed: given))
                case .flagSetMethod(let id, let method):
                    followed = true
                    let context = CallContext(file: frame.file, line: position.line, arguments: arguments)
                    for value in values { escaped(value, commands: false) }
                    result.formUnion(flagSetMethod(method, id, values, context))
                default:
                    continue
                }
            }
            if !followed { noteHanded(values) }
            if !followed && Self.handsOver(values) {
                markOpen(values, mayAddFlags: Self.mayAddFlags(spelling(of: callee, in: frame.file)))
                noteUnfollowed(
                    "\(spelling(of: callee, in: frame.file)) is not defined in the files read", file: frame.file,
                    line: position.line)
            } else if !followed && Self.holdsObject(values)
                && Self.mayAddFlags(spelling(of: callee, in: frame.file))
            {
                markHeldOpen(
                    values,
                    reason: "\(spelling(of: callee, in: frame.file)) is not defined in the files read",
                    file: frame.file,
                    line: position.line)
            }
            return result
        }
    }

    /// Functions a called function value may be before its arguments' objects are taken as any value of their types.
    static let maximumCalleeFunctions = 8

    /// An object as any value of its type; other values as they are.
    private static func anyOfType(_ value: CobraValue) -> CobraValue {
        if case .object(_, let type) = value { return .instance(type) }
        return value
    }

    /// `strings.ReplaceAll(s, old, new)` of constant strings (`"log_level"` to `"log-level"`), for each of at most 16
    /// combinations and results of at most `maximumReplacedBytes`; nothing otherwise (and for an empty `old`).
    static func replaceAll(_ values: [CobraValues]) -> CobraValues {
        guard values.count == 3 else { return [] }
        let (texts, olds, news) = (strings(in: values[0]), strings(in: values[1]), strings(in: values[2]))
        guard !texts.isEmpty, olds.count == 1, news.count == 1, let old = olds.first, let new = news.first,
            !old.isEmpty, texts.count <= 16
        else { return [] }
        var result: CobraValues = []
        for text in texts {
            // Each match grows the text by at most the new string's length.
            guard text.utf8.count + text.utf8.count / old.utf8.count * new.utf8.count <= maximumReplacedBytes else {
                return []
            }
            result.insert(.string(replacingBytes(of: old, with: new, in: text)))
        }
        return result
    }

    /// Go's `strings.ReplaceAll` on bytes (not Swift's, which compares canonically equivalent characters as equal).
    private static func replacingBytes(of old: String, with new: String, in text: String) -> String {
        let (bytes, pattern) = (Array(text.utf8), Array(old.utf8))
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                out += new.utf8
                index += pattern.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The longest text `replaceAll(_:)` or `+` makes: a flag name or `Use`, not a document.
    static let maximumReplacedBytes = 4_096
    /// At most this many bytes of strings are built by `+` in one run (each at most ``maximumReplacedBytes``).
    static let maximumConcatenatedBytes = 16 * 1024 * 1024

    /// `fmt.Sprintf` of constant strings: each `%` verb takes the next argument's string. A verb whose argument is not
    /// one known string stays as written, so `Sprintf("get %s", name)` still gives a `Use` whose first word is `get`;
    /// results that begin with a verb are left out (the name is unknown).
    static func sprintf(_ values: [CobraValues]) -> CobraValues {
        guard let formats = values.first.map(strings), !formats.isEmpty, formats.count <= 16 else { return [] }
        let arguments = values.dropFirst().map { value -> String? in
            if case .string(let text)? = value.only { return text }
            let texts = strings(in: value)
            return texts.count == 1 ? texts.first : nil
        }
        var result: CobraValues = []
        for format in formats {
            // A format without `%` is its own text (`%` is one byte in UTF-8 and no other character's).
            guard format.utf8.contains(UInt8(ascii: "%")) else {
                // Its first word cannot hold a `%` either.
                if firstWord(of: format) != nil { result.insert(.string(format)) }
                continue
            }
            if format.utf8.allSatisfy({ $0 < 0x80 }) {
                let text = formatASCII(format, arguments)
                if let first = firstWord(of: text), !first.contains("%") { result.insert(.string(text)) }
                continue
            }
            var text = ""
            var next = arguments.startIndex
            var scalars = Substring(format)
            while let percent = scalars.firstIndex(of: "%") {
                text += scalars[..<percent]
                let verbEnd = scalars[scalars.index(after: percent)...].firstIndex { $0.isLetter || $0 == "%" }
                guard let verbEnd else {
                    text += scalars[percent...]
                    scalars = ""
                    break
                }
                let verb = scalars[percent...verbEnd]
                if verb == "%%" {
                    text += "%"
                } else {
                    let argument = next < arguments.endIndex ? arguments[next] : nil
                    next += 1
                    text += argument ?? String(verb)
                }
                scalars = scalars[scalars.index(after: verbEnd)...]
            }
            text += scalars
            if let first = firstWord(of: text), !first.contains("%") { result.insert(.string(text)) }
        }
        return result
    }

    /// `sprintf`'s formatting of an ASCII format, byte by byte (there every character is one byte).
    private static func formatASCII(_ format: String, _ arguments: [String?]) -> String {
        let bytes = Array(format.utf8)
        let percent = UInt8(ascii: "%")
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var index = 0
        var next = 0
        while index < bytes.count {
            guard bytes[index] == percent else {
                text.append(bytes[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, bytes[end] != percent, !isASCIILetter(bytes[end]) { end += 1 }
            guard end < bytes.count else {
                text += bytes[index...]
                break
            }
            if end == index + 1 && bytes[end] == percent {
                text.append(percent)
            } else {
                let argument = next < arguments.count ? arguments[next] : nil
                next += 1
                if let argument { text += argument.utf8 } else { text += bytes[index...end] }
            }
            index = end + 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The first word of `text` (split at spaces, tabs and line feeds), nil when it has none.
    private static func firstWord(of text: String) -> Substring? {
        CobraText.firstWord(of: text)
    }

    /// Whether a call hands a command or a flag set over: what a callee the files do not define adds to it is unknown.
    private static func handsOver(_ values: [CobraValues]) -> Bool {
        values.contains { value in
            value.contains { object in
                switch object {
                case .command, .flagSet, .flagSetMethod: return true
                default: return false
                }
            }
        }
    }

    /// Whether a literal of type `name` of the package `file` imports as `qualifier` is one of kubectl's command
    /// groups (``CobraGroupAdder``): the import path is kubectl's, no folder read holds it, the program is not kubectl,
    /// and nothing in the repository makes Go build other code for it (``groupAdderElsewhere``; noted at `line`).
    private mutating func isCommandGroup(_ name: CobraName, _ qualifier: CobraLocalName, in file: Int, line: Int)
        -> Bool
    {
        guard CobraGroupAdder.types.contains(numbering.table.names[Int(name)]) else { return false }
        if let folders = importFolders[file][runName(qualifier, in: file)], !folders.isEmpty { return false }
        let local = files[file].names.names[Int(qualifier)]
        let imported = files[file].imports.first { entry in
            (entry.name ?? CobraText.lastElement(of: entry.path).map(String.init)) == local
        }
        guard let path = imported?.path, path == CobraGroupAdder.package else { return false }
        if let ownModule, path == ownModule || path.hasPrefix(ownModule + "/") { return false }
        if let groupAdderElsewhere {
            note(
                "kubectl's group adder (\(CobraGroupAdder.package).CommandGroups.Add) is not modelled here: "
                    + "\(groupAdderElsewhere); the commands handed to it are in no tree, and their removal is claimed",
                file: file, line: line, leavesOut: false)
            return false
        }
        return true
    }

    /// `groups.Add(parent)` on kubectl's command groups (``CobraGroupAdder``): the commands of every group's `Commands`
    /// become subcommands of `parent`, as kubectl's `Add` makes them (`c.AddCommand(group.Commands...)`). Given no
    /// command, or a value that may be several, nothing is added (their removal is claimed).
    private mutating func addGroups(_ groups: CobraValues, to values: [CobraValues], _ context: CallContext) {
        var parents: Set<CobraSite> = []
        for value in values {
            for case .command(let command) in value { parents.insert(command) }
        }
        guard parents.count == 1, let parent = parents.first else { return }
        var children: Set<CobraSite> = []
        let field = intern(CobraGroupAdder.commandsField)
        for group in groups {
            for case .command(let child) in readField(of: group, field) where child != parent { children.insert(child) }
        }
        guard !children.isEmpty else { return }
        _ = commandMethod(
            CobraKnown.addCommand.id, parent, [CobraValues(children.sorted().map { .command($0) })], context)
    }

    /// The commands and flag sets the program's objects among `values` hold in their fields, directly or through
    /// objects they hold (each object looked at once, at most `maximumHeldObjects`): a call that receives the object
    /// (`plugins.Register(&app{root: root})`) may add commands or flags to them as if it received them.
    private mutating func heldReferences(_ values: [CobraValues]) -> CobraValues {
        var seen: Set<CobraSite> = []
        var pending: [CobraValue] = []
        for value in values {
            for case .object(let site, let type) in value where seen.insert(site).inserted {
                pending.append(.object(site, type))
            }
        }
        var found: CobraValues = []
        while let object = pending.popLast() {
            guard case .object(_, let type) = object, let fields = declared.structs[type] else { continue }
            for field in fields.keys.sorted() {
                for inner in readField(of: object, field) {
                    switch inner {
                    case .command, .flagSet:
                        found.insert(inner)
                    case .object(let site, _) where seen.count < Self.maximumHeldObjects:
                        if seen.insert(site).inserted { pending.append(inner) }
                    default:
                        continue
                    }
                }
            }
        }
        return found
    }
    static let maximumHeldObjects = 256

    /// Whether the program's objects among `values` were given a command or flag set, directly or through objects
    /// they were given (``held``; at most `maximumHeldObjects` objects looked at, past which the answer is yes).
    private func holdsCommand(_ values: [CobraValues]) -> Bool {
        var seen: Set<CobraSite> = []
        var pending: [CobraSite] = []
        for value in values {
            for case .object(let site, _) in value where seen.insert(site).inserted { pending.append(site) }
        }
        while let site = pending.popLast() {
            guard seen.count <= Self.maximumHeldObjects else { return true }
            for found in held[site] ?? [] {
                switch found {
                case .command, .flagSet: return true
                case .object(let inner, _) where seen.insert(inner).inserted: pending.append(inner)
                default: continue
                }
            }
        }
        return false
    }

    /// Records the program's objects among `values`, given to a call the files do not define (``handedObjects``).
    private mutating func noteHanded(_ values: [CobraValues]) {
        for value in values {
            for case .object(let site, _) in value where objectsHandedOn.count < Self.maximumHandedObjects {
                objectsHandedOn.insert(site)
            }
        }
        guard literalListsDecide else { return }
        for value in values {
            for case .closure(let site) in value { handedClosures.insert(site) }
            if value.contains(where: { if case .command = $0 { true } else { false } }) { commandsHanded = true }
            for case .object(let site, let type) in value where handedObjects.count < Self.maximumHandedObjects {
                handedObjects[site] = type
            }
        }
    }
    /// Past this many objects handed to calls not read, every decided entry counts as handed.
    static let maximumHandedObjects = 65_536

    /// Whether an entry whose literal's list decided a loop's filter was handed, directly or held in the fields of an
    /// object handed (at most `maximumHandedObjects` looked at), to a call the files do not define, which may have
    /// replaced it (`reflect.ValueOf(entry).Elem().Set(...)`, code not read): the surface is then read again with
    /// ``literalListsDecide`` off.
    mutating func listsDecidedOnHandedObjects() -> Bool {
        guard !decidedObjects.isEmpty else { return false }
        if handedObjects.count >= Self.maximumHandedObjects { return true }
        var seen = Set(handedObjects.keys)
        var pending = handedObjects.map { (site: $0.key, type: $0.value) }
        while let (site, type) = pending.popLast() {
            if decidedObjects.contains(site) { return true }
            guard let fields = declared.structs[type] else { continue }
            for field in fields.keys.sorted() {
                for case .object(let inner, let innerType) in readField(of: .object(site, type), field)
                where seen.insert(inner).inserted {
                    if seen.count > Self.maximumHandedObjects { return true }
                    pending.append((inner, innerType))
                }
            }
        }
        return false
    }

    /// Whether `values` has an object of the program's types.
    private static func holdsObject(_ values: [CobraValues]) -> Bool {
        values.contains { value in
            value.contains { object in
                if case .object = object { return true }
                return false
            }
        }
    }

    /// A call the files do not define, whose name says it may add flags (``mayAddFlags(_:)``), receives objects of the
    /// program that hold commands or flag sets (``heldReferences(_:)``): they are open as if handed over, with a note.
    /// Callers ask ``holdsObject(_:)`` first: most calls not followed (`fmt.Sprintf`, `errors.New`) are given no
    /// object of the program, and spelling the callee and the reason for each would cost.
    ///
    /// Callers ask ``mayAddFlags(_:)`` of the callee first, and only then spell the reason.
    private mutating func markHeldOpen(_ values: [CobraValues], reason: String, file: Int, line: Int) {
        let held = heldReferences(values)
        guard !held.isEmpty else { return }
        markOpen([held], mayAddFlags: true)
        note(
            "\(reason) and receives a value that holds a command or flag set, so the commands or flags it adds to them "
                + "are not in the surface (add the file that defines it to 'files')", file: file, line: line)
    }

    /// A call the program's files do not define receives a command or flag set (``handsOver(_:)``): what it adds is
    /// unknown.
    /// Records the flag sets (a command's own, for a command) that a call the files do not define receives: it may
    /// define flags in them. Every set made by `NewFlagSet` it receives is recorded too (``handedMadeFlagSets``).
    ///
    /// Only a call whose name says it may add flags counts (`AddFlags`, `plugins.Register`, `setupFlags`):
    /// `viper.BindPFlags(cmd.Flags())`, `fmt.Println(cmd)` or `doc.GenMarkdownTree(cmd)` read what they receive, and
    /// taking them as open would hide every flag removal of the command.
    ///
    /// `mayAddFlags` is ``mayAddFlags(_:)`` of the callee's name.
    ///
    /// `naming`, when given, is all the call may define (``namedOpenFlagSets``); nil, anything.
    private mutating func markOpen(_ values: [CobraValues], mayAddFlags: Bool, naming names: Set<String>? = nil) {
        for value in values {
            for object in value {
                switch object {
                case .flagSet(let id), .flagSetMethod(let id, _):
                    if case .made = id { handedMadeFlagSets.insert(id) }
                default:
                    continue
                }
            }
        }
        guard mayAddFlags else { return }
        for value in values {
            for object in value {
                switch object {
                case .flagSet(let id), .flagSetMethod(let id, _):
                    open(id, naming: names)
                case .command(let site):
                    open(.local(site), naming: names)
                    open(.persistent(site), naming: names)
                    openCommands.insert(site)
                default:
                    continue
                }
            }
        }
    }

    /// Opens `set` to any flag (`names` nil) or to `names` more.
    private mutating func open(_ set: CobraFlagSetID, naming names: Set<String>?) {
        if let names {
            // Naming nothing, it defines nothing there.
            guard !names.isEmpty else { return }
            namedOpenFlagSets[set, default: []].formUnion(names)
        } else {
            openFlagSets.insert(set)
        }
    }

    /// The flag names that the methods `method` of `implementers` may define: every string literal of their bodies (in
    /// every build's definition) that could be a flag's name, a superset of the names their definitions spell. At
    /// most ``maximumImplementerFlagNames``, the first by bytes: a name past it is not named, so its removal is
    /// claimed (fail closed).
    private mutating func implementerFlagNames(_ method: CobraName, _ implementers: [CobraName]) -> Set<String> {
        if let known = implementerFlagNamesByMethod[method] { return known }
        let receivers = Set(implementers)
        var names: Set<String> = []
        for declaration in declared.list where declaration.name == method && receivers.contains(declaration.receiver) {
            guard let body = files[declaration.file].functions[declaration.index].declaration.body else { continue }
            let tokens = sources[declaration.file].file.go.tokens
            for index in body where tokens[index].kind == .string {
                let name = GoParser.unquote(tokens[index].text)
                if CobraExtractor.mayNameFlag(name) { names.insert(name) }
            }
        }
        if names.count > Self.maximumImplementerFlagNames {
            names = Set(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.prefix(Self.maximumImplementerFlagNames))
        }
        implementerFlagNamesByMethod[method] = names
        return names
    }

    /// How many flag names the implementers of one method may name (``implementerFlagNames(_:_:)``).
    static let maximumImplementerFlagNames = 256

    private static let readingPrefixes = [
        "bind", "mark", "lookup", "get", "visit", "parse", "print", "gen", "has", "is",
    ]
    private static let addingPrefixes = [
        "add", "register", "install", "attach", "setup", "configure", "apply", "init", "wire", "extend",
    ]

    /// Whether a call named `callee` (`pkg.Name` or `Name`) may add flags to what it receives (see `markOpen`).
    private static func mayAddFlags(_ callee: String) -> Bool {
        let name = (callee.split(separator: ".").last.map(String.init) ?? callee).lowercased()
        return (name.contains("flag") || addingPrefixes.contains { name.hasPrefix($0) })
            && !readingPrefixes.contains { name.hasPrefix($0) }
    }

    /// ``mayAddFlags(_:)`` of the method or function named `name` (one word, no `.`), worked out once a run per name.
    private mutating func mayAddFlags(named name: CobraName) -> Bool {
        let index = Int(name)
        if index < mayAddFlagsByName.count, mayAddFlagsByName[index] >= 0 { return mayAddFlagsByName[index] == 1 }
        if index >= mayAddFlagsByName.count {
            mayAddFlagsByName.append(contentsOf: repeatElement(-1, count: index + 1 - mayAddFlagsByName.count))
        }
        let found = Self.mayAddFlags(numbering.table.names[index])
        mayAddFlagsByName[index] = found ? 1 : 0
        return found
    }

    /// Notes that the call of `key` is not followed: calls nest past ``maximumCallDepth`` and the call is given a
    /// command or flag set, or an object holding one (review R33). The surface is incomplete; nothing is taken as open (what the call would add
    /// is missing, and its removal still claimed).
    private mutating func noteNotFollowed(_ key: CobraFunctionID) {
        let declaration = declared.list[Int(key)]
        let function = files[declaration.file].functions[declaration.index]
        note(
            "calls nest more than \(Self.maximumCallDepth) deep where \(function.declaration.name) is called, so it "
                + "is not followed there: the commands or flags it adds are not in the surface",
            file: declaration.file, line: function.position.line)
    }

    /// Whether the thread's stack has room (``StackGuard``) for what runs next at `file`:`line`; false from the
    /// first time it has not on (``outOfStack``), so that nothing more runs.
    private mutating func hasRoom(file: Int, line: Int, what: String) -> Bool {
        guard outOfStack == nil else { return false }
        if StackGuard.hasRoom() { return true }
        outOfStack =
            "calls, blocks and expressions nest too deep for semgate's stack at \(paths[file]):\(line) (\(what)): what "
            + "runs from there (a return, a ResetFlags, a RemoveCommand) is not known, so the command line is not read"
        return false
    }

    /// Counts one run of a function body or literal (or its replay from a record) against `maximumRuns`; past it, sets
    /// ``outOfStack`` with the place, so that nothing more runs and the extraction stops (exit 2). Calls are shared by
    /// their arguments, but code whose calls get ever new arguments (an expression evaluator passing the objects each
    /// call makes to the next) or re-run after each in-order assignment (review R65) would otherwise run for hours:
    /// yq's evaluator, read with its command line, had not finished after 13 minutes and 7.5 GB.
    private mutating func spendRun(file: Int, line: Int, what: String) -> Bool {
        guard outOfStack == nil else { return false }
        runs += 1
        guard runs > maximumRuns else { return true }
        outOfStack =
            "the code read runs more than \(maximumRuns) function bodies at \(paths[file]):\(line) (\(what)): "
            + "calls that get new arguments each time (an expression evaluator, a parser) or run again after each "
            + "assignment do not settle, so the command line is not read; leave the code that builds no command out "
            + "of the cobra extractor's 'files'"
        return false
    }

    /// Counts `amount` steps of work against `maximumSteps` (``Limit/interpreterSteps``): an expression evaluated, an
    /// object a field read goes through, a read a record keeps, a value of a call's arguments kept. Past it, sets
    /// ``outOfStack`` so that nothing more runs and the extraction stops (exit 2). Runs and calls have budgets of their
    /// own, but a run whose calls each get sets of many objects costs that many times more than another (yq's
    /// expression evaluator: 95,000 runs took minutes and gigabytes; minikube's field reads through every node a helper
    /// may have written into a list took 23 GB): steps grow with the time and memory a run takes.
    @discardableResult
    private mutating func spendSteps(_ amount: Int) -> Bool {
        steps += amount
        guard steps > maximumSteps else { return true }
        if outOfStack == nil {
            outOfStack =
                "the code read takes more than \(maximumSteps) steps to run: calls that get ever new sets of objects "
                + "(an expression evaluator, a parser) or read fields of ever more objects do not settle, so the "
                + "command line is not read; leave the code that builds no command out of the cobra extractor's 'files'"
        }
        return false
    }

    /// ``spendRun(file:line:what:)`` for a call of `key`, placed at the function called.
    private mutating func spendRun(calling key: CobraFunctionID) -> Bool {
        guard outOfStack == nil else { return false }
        let declaration = declared.list[Int(key)]
        let function = files[declaration.file].functions[declaration.index]
        guard runs >= maximumRuns else {
            runs += 1
            return true
        }
        return spendRun(
            file: declaration.file, line: function.position.line, what: "a call of \(function.declaration.name)")
    }

    /// ``hasRoom(file:line:what:)`` for a call of `key`, placed at the function called.
    private mutating func hasRoom(calling key: CobraFunctionID) -> Bool {
        guard outOfStack == nil else { return false }
        if StackGuard.hasRoom() { return true }
        let declaration = declared.list[Int(key)]
        let function = files[declaration.file].functions[declaration.index]
        return hasRoom(
            file: declaration.file, line: function.position.line, what: "a call of \(function.declaration.name)")
    }

    /// ``hasRoom(file:line:what:)`` for a statement or expression of the frame of call `key` (nil: package-level
    /// code) in `file`, placed at its function (line 1 for package-level code). Given the frame's key and file, not
    /// the frame: it runs before every statement and expression, and passing the frame copied it each time.
    private mutating func hasRoom(key: Int32?, file: Int, what: String) -> Bool {
        guard outOfStack == nil else { return false }
        if StackGuard.hasRoom() { return true }
        var line = 1
        var within = ""
        if let key, key >= 0 {
            let declaration = declared.list[Int(callKeys[Int(key)].function)]
            let function = files[declaration.file].functions[declaration.index]
            line = function.position.line
            within = " in \(function.declaration.name)"
        }
        return hasRoom(file: file, line: line, what: what + within)
    }

    /// Notes a call of a method that `implementers` (the program's types) define flags in, on a value that cannot be
    /// followed to one of them: which runs is chosen when the program runs, so the flags of the command it is given
    /// are not all in the surface (``openFlagSets``; their removal is not claimed).
    private mutating func noteImplementersNotChosen(
        _ callee: String, _ implementers: [CobraName], file: Int, line: Int
    ) {
        let names = numbering.table.names
        let shown = implementers.map { names[Int($0)] }.sorted()
        let types =
            shown.count == 1
            ? "\(shown[0])'s method of that name defines"
            : "the methods of that name of \(shown.prefix(3).joined(separator: ", "))"
                + (shown.count > 3 ? " and \(shown.count - 3) more" : "") + " define"
        note(
            "\(callee) is called on a value that cannot be followed to a type (an interface whose values are chosen "
                + "when the program runs); \(types) flags, so the flags of the command or flag set passed to it are "
                + "not all in the surface, and the removal of a flag those methods name is not claimed (one they do "
                + "not name is)", file: file, line: line)
    }

    private mutating func noteUnfollowed(_ reason: String, file: Int, line: Int) {
        note(
            "\(reason), so the commands or flags it adds to the command or flag set passed to it are not in the "
                + "surface (add the file that defines it to 'files')", file: file, line: line)
    }

    /// A short spelling of a callee of `file` for notes: `settings.AddFlags`, `addFlags`, `f(...)`.
    private func spelling(of callee: CobraExpr, in file: Int) -> String {
        switch callee {
        case .name(let name): return text(of: name, in: file)
        case .selector(let base, let name, _): return spelling(of: base, in: file) + "." + text(of: name, in: file)
        case .call(let base, _, _): return spelling(of: base, in: file) + "(...)"
        default: return "a function value"
        }
    }

    /// Where a method call is, and its argument expressions (to say which one could not be followed).
    private struct CallContext {
        let file: Int
        let line: Int
        let arguments: [CobraExpr]
    }

    private mutating func callMethod(
        _ method: CobraName, on object: CobraValue, _ values: [CobraValues], _ context: CallContext, folder: Int32
    ) -> CobraValues {
        switch object {
        case .command(let site):
            return commandMethod(method, site, values, context)
        case .flagSet(let id):
            return flagSetMethod(method, id, values, context)
        case .instance:
            return methodOfObjects(method, [object], values, context, folder: folder) ?? []
        case .object(let site, _):
            return methodOfObjects(method, [object], values, context, folder: objectFolders[site] ?? folder) ?? []
        case .function, .closure, .flag, .string, .bool, .nilValue, .flagSetMethod:
            return []
        }
    }

    private mutating func commandMethod(
        _ method: CobraName, _ site: CobraSite, _ values: [CobraValues], _ context: CallContext
    ) -> CobraValues {
        switch method {
        case CobraKnown.flags.id, CobraKnown.localFlags.id, CobraKnown.localNonPersistentFlags.id:
            return CobraValues(.flagSet(.local(site)))
        case CobraKnown.persistentFlags.id:
            return CobraValues(.flagSet(.persistent(site)))
        case CobraKnown.addCommand.id, CobraKnown.setHelpCommand.id:
            // `SetHelpCommand(c)` attaches `c` as the command's `help` subcommand, in place of cobra's own.
            if method == CobraKnown.setHelpCommand.id { helpReplaced.insert(site) }
            for (offset, value) in values.enumerated() {
                let children = value.compactMap { object -> CobraSite? in
                    if case .command(let child) = object { return child }
                    return nil
                }
                if children.isEmpty {
                    let spelled =
                        context.arguments.indices.contains(offset)
                        ? spelling(of: context.arguments[offset], in: context.file) : "argument \(offset + 1)"
                    let child = CobraMissingChild(file: context.file, line: context.line, spelled: spelled)
                    missingChildren[site, default: []].insert(child)
                    if !recording.isEmpty { recording[recording.count - 1].missingChildren.append((site, child)) }
                }
                updateCommand(site) { $0.children.formUnion(children) }
                let step = currentStep
                // The arguments of one call are added in order; one argument that may be several commands adds them in
                // no order known (the same place). A spread one (`AddCommand(cmds...)`) adds each of them, one after
                // another: it repeats.
                let spread = stepPath.last.map { files[context.file].spreadCalls.contains($0.offset) } ?? true
                let argument = CobraStep(
                    path: step.path + [CobraStepPlace(call: Int32.max, offset: offset, repeating: spread)],
                    certain: step.certain)
                for child in children {
                    if recordsTakingAway {
                        CobraSteps.insert(step, into: &childSteps[CobraPair(site, child), default: []])
                    }
                    CobraSteps.insert(argument, into: &childOrder[CobraPair(site, child), default: []])
                }
                for child in children { recordChildRegistration(site, child) }
                if conditional {
                    for child in children { childBuilds[CobraPair(site, child), default: []].insert(currentBuild) }
                }
            }
            return []
        case CobraKnown.flagOfCommand.id:
            // `cmd.Flag(name)` (`cmd.Flag("redact").NoOptDefVal = "100"`): cobra looks the name up in the command's
            // own flags, then in its persistent ones. Both are named, so what is set reaches the flag in either set
            // whatever order the code defines it in (a set without that name ignores it).
            let names = values.first.map(Self.strings) ?? []
            return CobraValues(
                (names.isEmpty ? [""] : names).flatMap {
                    [CobraValue.flag(.local(site), $0), .flag(.persistent(site), $0)]
                })
        case CobraKnown.setGlobalNormalizationFunc.id:
            commandNormalizers[site, default: [:]][CobraLine(file: context.file, line: context.line)] =
                normalization(values, context)
            return []
        case CobraKnown.markFlagDeprecated.id:
            return flagSetMethod(CobraKnown.markDeprecated.id, .local(site), values, context)
        case CobraKnown.markFlagHidden.id:
            return flagSetMethod(CobraKnown.markHidden.id, .local(site), values, context)
        case CobraKnown.markPersistentFlagDeprecated.id:
            return flagSetMethod(CobraKnown.markDeprecated.id, .persistent(site), values, context)
        case CobraKnown.markPersistentFlagHidden.id:
            return flagSetMethod(CobraKnown.markHidden.id, .persistent(site), values, context)
        case CobraKnown.removeCommand.id, CobraKnown.resetCommands.id, CobraKnown.resetFlags.id:
            // What these take away is worked out once the run is over, from the order of the steps that add it
            // (``takeAway()``). `recordsTakingAway` holds: the file names the method.
            let taking = CobraTakingAway(
                step: currentStep, place: CobraPlace(file: context.file, line: context.line),
                method: numbering.table.names[Int(method)])
            if method == CobraKnown.resetFlags.id {
                flagResets[site, default: []].insert(taking)
            } else if method == CobraKnown.resetCommands.id {
                commandResets[site, default: []].insert(taking)
            } else {
                for value in values {
                    let children = value.compactMap { object -> CobraSite? in
                        if case .command(let child) = object { return child }
                        return nil
                    }
                    // An argument that cannot be followed may be any subcommand: each is taken away only maybe.
                    if children.isEmpty || children.count != value.count {
                        let unsure = CobraTakingAway(
                            step: CobraStep(path: taking.step.path, certain: false), place: taking.place,
                            method: taking.method)
                        commandResets[site, default: []].insert(unsure)
                    }
                    for child in children { childRemovals[CobraPair(site, child), default: []].insert(taking) }
                }
            }
            return []
        default:
            return []
        }
    }

    private mutating func flagSetMethod(
        _ method: CobraName, _ id: CobraFlagSetID, _ values: [CobraValues], _ context: CallContext
    ) -> CobraValues {
        switch method {
        case CobraKnown.addFlagSet.id:
            let sets =
                values.first.map { value in
                    value.compactMap { object -> CobraFlagSetID? in
                        if case .flagSet(let set) = object { return set }
                        return nil
                    }
                } ?? []
            if sets.isEmpty {
                note(
                    "AddFlagSet argument cannot be followed to a flag set; its flags are not in the surface",
                    file: context.file, line: context.line)
            }
            updateFlagSet(id) { $0.includes.formUnion(sets.filter { $0 != id }) }
            if recordsTakingAway {
                let step = currentStep
                for set in sets where set != id {
                    CobraSteps.insert(step, into: &includeSteps[CobraPair(id, set), default: []])
                }
            }
            if conditional {
                for set in sets where set != id {
                    includeBuilds[CobraPair(id, set), default: []].insert(currentBuild)
                }
            }
            return []
        case CobraKnown.addFlag.id:
            // `fs.AddFlag(f)` adds one flag: a flag of another set (`other.Lookup("x")`) joins this one. A flag that
            // cannot be followed (a literal `&pflag.Flag{...}`, one made by a library or by reflection from a table)
            // is noted and the surface marked incomplete; the set is not taken as open, since one AddFlag cannot
            // stand in for every flag the command may lose (a removal from the set is still claimed).
            let flags =
                values.first.map { value in
                    value.compactMap { object -> CobraFlagRef? in
                        if case .flag(let set, let name) = object { return CobraFlagRef(set: set, name: name) }
                        return nil
                    }
                } ?? []
            // A flag of a set read whose name cannot be resolved (`flags.Lookup(alias)` in a loop over a parameter)
            // is just not followed.
            let refs = flags.filter { !$0.name.isEmpty && $0.set != id }
            var literals = 0
            for case .object(let site, let type) in values.first ?? [] {
                guard let literal = pflagLiterals[site] else { continue }
                literals += 1
                defineLiteral(.object(site, type), literal, in: id, context)
            }
            if flags.isEmpty && literals == 0 {
                unfollowedFlagAdds.insert(id)
                note(
                    "AddFlag argument cannot be followed to a flag the files read define; the flag it adds is not in "
                        + "the surface", file: context.file, line: context.line)
            } else if !refs.isEmpty {
                for ref in refs { recordFlagStep(id, ref.name) }
                updateFlagSet(id) { info in
                    info.flagIncludes.formUnion(refs)
                    if refs.count == 1, flags.count == 1, literals == 0, let ref = refs.first,
                        info.soleIncludes[ref] == nil
                    {
                        info.soleIncludes[ref] = CobraFlagDefinition(
                            name: ref.name, type: "custom", shorthand: nil, file: context.file, line: context.line)
                    }
                }
            }
            return []
        case CobraKnown.markDeprecated.id, CobraKnown.markHidden.id, CobraKnown.markShorthandDeprecated.id:
            let names = values.first.map(Self.strings) ?? []
            if names.isEmpty {
                note(
                    "\(self.numbering.table.names[Int(method)]) names a flag that cannot be resolved statically",
                    file: context.file, line: context.line, leavesOut: false)
            }
            if method == CobraKnown.markDeprecated.id {
                updateFlagSet(id) { $0.deprecated.formUnion(names) }
            } else if method == CobraKnown.markHidden.id {
                let names = Array(names)
                if !names.isEmpty, hidingHolds || hidingHoldsAfterReturns(id, names) {
                    updateFlagSet(id) { $0.hidden.formUnion(names) }
                }
            }
            return []
        case CobraKnown.setAnnotation.id:
            // `flags.SetAnnotation(name, "deprecated", nil)`: docker's convention for a deprecated flag (its docs
            // and help mark it so); other annotations say nothing users can see.
            guard values.count >= 2, Self.anyString(in: values[1], { $0 == "deprecated" }) else { return [] }
            let names = Self.strings(in: values[0])
            if names.isEmpty {
                note(
                    "SetAnnotation names a flag that cannot be resolved statically", file: context.file,
                    line: context.line, leavesOut: false)
            }
            updateFlagSet(id) { $0.deprecated.formUnion(names) }
            return []
        case CobraKnown.setNormalizeFunc.id:
            flagSetNormalizers[id, default: [:]][CobraLine(file: context.file, line: context.line)] =
                normalization(values, context)
            return []
        case CobraKnown.addGoFlagSet.id, CobraKnown.addGoFlag.id:
            note(
                "\(numbering.table.names[Int(method)]) adds Go standard-library flags, which are not followed; they are not in "
                    + "the surface", file: context.file, line: context.line)
            return []
        case CobraKnown.lookup.id:
            // A name that cannot be resolved still gives a flag of this set: `.flag(id, "")`, some flag the files
            // read define here (marks set on it change nothing; `AddFlag` of it does not open the set it is added to).
            let names = values.first.map(Self.strings) ?? []
            return CobraValues(names.isEmpty ? [.flag(id, "")] : names.map { CobraValue.flag(id, $0) })
        default:
            guard let shape = numbering.flagMethods[Int(method)] else { return [] }
            return define(shape, in: id, values, context)
        }
    }

    /// What a `pflag.Flag` literal shows (``CobraPflagLiteral``): its keys, and its `Value`'s type when that is a call
    /// of one of pflag's `New<Type>Value` constructors for a type pflag defines.
    private mutating func pflagLiteral(_ elements: [CobraElement], file: Int) -> CobraPflagLiteral {
        var keys: Set<CobraName> = []
        var valueType: String?
        for element in elements {
            guard case .name(let key)? = element.key else { continue }
            let field = runName(key, in: file)
            keys.insert(field)
            guard field == CobraKnown.value.id,
                case .call(.selector(.name(let qualifier), let constructor, _), _, _) = element.value,
                runName(qualifier, in: file) == CobraKnown.pflag.id
            else { continue }
            let spelled = text(of: constructor, in: file)
            guard spelled.hasPrefix("New"), spelled.hasSuffix("Value"), spelled.count > 8 else { continue }
            let type = spelled.dropFirst(3).dropLast(5)
            let lowered = type.prefix(1).lowercased() + type.dropFirst()
            if CobraFlagMethod.builtinTypes.contains(lowered) { valueType = lowered }
        }
        return CobraPflagLiteral(keys: keys, valueType: valueType)
    }

    /// `fs.AddFlag(&pflag.Flag{Name: "address", Shorthand: "a", Usage: ..., Value: ...})`: the literal's flag, defined
    /// in `id` as a definition method would (the type its `Value` shows, else what the value's `Type()` returns, else
    /// `custom`; `Deprecated`, `Hidden` and `NoOptDefVal` as the fields say).
    private static let pflagLiteralFields: Set<CobraName> = [
        CobraKnown.name.id, CobraKnown.shorthand.id, CobraKnown.hidden.id, CobraKnown.deprecated.id,
        CobraKnown.noOptDefVal.id,
    ]

    private mutating func defineLiteral(
        _ object: CobraValue, _ literal: CobraPflagLiteral, in id: CobraFlagSetID, _ context: CallContext
    ) {
        // A field set after the literal (`f.Shorthand = "P"`, `if remote { f.Hidden = true }`) may hold either value
        // when the flag is added: the flag is not read (its removal is claimed, as for any AddFlag not followed).
        for field in Self.pflagLiteralFields.sorted()
        where !readField(of: object, field).isSubset(of: literal.given[field] ?? []) {
            note(
                "a field of a pflag.Flag literal (\(numbering.table.names[Int(field)])) is set after the literal, so "
                    + "what the flag is when AddFlag adds it cannot be told; the flag is not in the surface",
                file: context.file, line: context.line)
            return
        }
        let names = Self.strings(in: readField(of: object, CobraKnown.name.id))
        guard names.count == 1, let name = names.first, !name.isEmpty, !CobraText.containsPercent(name) else {
            note(
                "the Name of a pflag.Flag literal is not a constant string; the flag is not in the surface",
                file: context.file, line: context.line)
            return
        }
        let shorthand =
            literal.keys.contains(CobraKnown.shorthand.id)
            ? shorthand(of: name, in: readField(of: object, CobraKnown.shorthand.id), context) : nil
        let read =
            literal.valueType == nil
            ? valueType(of: readField(of: object, CobraKnown.value.id), folder: folders[context.file]) : nil
        let type = literal.valueType ?? read?.text ?? "custom"
        let usages = Self.strings(in: readField(of: object, CobraKnown.usage.id))
        var definition = CobraFlagDefinition(
            name: name, type: type, shorthand: shorthand, file: context.file, line: context.line,
            valueType: read?.goType)
        definition.saysExperimental = CobraHelpText.flagSaysExperimental(name: name, usages: usages)
        let deprecated =
            readField(of: object, CobraKnown.deprecated.id).contains(where: Self.isNonEmptyString)
            || usages.contains(where: CobraHelpText.usageSaysDeprecated)
        // Hidden when the literal says so and nothing assigned it another value (one assigned only on some path,
        // `if legacy { f.Hidden = true }`, leaves it shown).
        let hidden =
            hidingHolds && literal.keys.contains(CobraKnown.hidden.id)
            && readField(of: object, CobraKnown.hidden.id).only == .bool(true)
        let noOptDefault =
            literal.keys.contains(CobraKnown.noOptDefVal.id)
            && readField(of: object, CobraKnown.noOptDefVal.id).only != .string("")
        recordFlagStep(id, name)
        updateFlagSet(id) { info in
            info.define(definition)
            if deprecated { info.deprecated.insert(name) }
            if hidden { info.hidden.insert(name) }
            if noOptDefault { info.noOptDefault.insert(name) }
        }
        if conditional { flagBuilds[CobraFlagKey(set: id, name: name), default: []].insert(currentBuild) }
    }

    /// The spellings the normalization function passed as the first argument maps, or a note when it cannot be read
    /// (then none: the old spellings of renamed flags are claimed removed). Functions that may be passed and map
    /// differently give none either.
    private mutating func normalization(_ values: [CobraValues], _ context: CallContext) -> [String: String] {
        var tables: [[String: String]] = []
        var followed = true
        for value in values.first ?? [] {
            let reading: CobraNormalization.Reading
            switch value {
            case .function(let key):
                let declaration = declared.list[Int(key)]
                let file = sources[declaration.file].file
                reading = CobraNormalization.spellings(
                    of: file.functions[declaration.index], in: file,
                    maps: packageMaps(in: declaration.folder, of: declaration.file))
            case .closure(let site):
                // `SetNormalizeFunc(func(f *pflag.FlagSet, name string) pflag.NormalizedName { ... })`.
                reading = CobraNormalization.spellings(
                    ofLiteralAt: site.offset, in: sources[site.file].file,
                    maps: packageMaps(in: folders[site.file], of: site.file))
            default:
                followed = false
                continue
            }
            switch reading {
            case .table(let spellings, let complete):
                tables.append(spellings)
                if !complete {
                    note(
                        "the flag name normalization function maps more than \(CobraNormalization.maximumSpellings) "
                            + "names; the others are not in the surface", file: context.file, line: context.line,
                        leavesOut: false)
                }
            case .unknown:
                followed = false
            }
        }
        guard followed, let spellings = CobraNormalization.agreed(tables) else {
            note(
                "the flag name normalization function cannot be followed (semgate reads only a plain switch or if "
                    + "chain from names to names); other spellings of flag names it accepts are not in the surface",
                file: context.file, line: context.line, leavesOut: false)
            return [:]
        }
        return spellings
    }

    /// ``packageMaps(in:sources:folders:)`` for the package of `file` (numbered `folder`), or no map at all when some
    /// Go file of that package is not read (``partialFolders``): an unexported map can be written by any file of its
    /// package, and a file the policy's globs leave out (`delete(renamed, "old-name")` in an `init`) would make an old
    /// spelling that no longer parses look kept.
    private func packageMaps(in folder: Int32, of file: Int) -> (String) -> [String: String]? {
        let path = paths[file]
        guard !partialFolders.contains(path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "") else { return { _ in nil } }
        return Self.packageMaps(in: folder, sources: sources, folders: folders)
    }

    /// Reads the maps a normalization function of package `folder` looks names up in (``CobraNormalization``): an
    /// unexported package-level map literal of constant strings (`var renamed = map[string]string{"old": "new"}`),
    /// by its name, when the files read of the package name it nowhere else but in lookups `:= renamed[k];`. Anything
    /// else (a write, the map handed on or copied, a name declared again, an entry that is no constant string) gives
    /// nil: not known, so no spelling is read from it.
    private static func packageMaps(in folder: Int32, sources: [CobraSourceFile], folders: [Int32])
        -> (String) -> [String: String]?
    {
        { name in
            guard let first = name.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
                return nil
            }
            var entries: [String: String]?
            for (index, source) in sources.enumerated() where folders[index] == folder {
                let tokens = source.file.go.tokens.filter { !$0.isComment }
                var depth = 0
                for (at, token) in tokens.enumerated() {
                    if token.isOperator("{") { depth += 1 }
                    if token.isOperator("}") { depth -= 1 }
                    guard token.kind == .identifier, token.text == name else { continue }
                    func isOperator(_ offset: Int, _ text: String) -> Bool {
                        at + offset >= 0 && at + offset < tokens.count && tokens[at + offset].isOperator(text)
                    }
                    if isOperator(-1, ":=") || isOperator(-1, "="), isOperator(1, "["), at + 4 < tokens.count,
                        tokens[at + 2].kind == .identifier, isOperator(3, "]"), tokens[at + 4].kind == .semicolon
                    {
                        continue  // a lookup
                    }
                    guard depth == 0, entries == nil, let table = mapLiteral(tokens, after: at) else { return nil }
                    entries = table
                }
            }
            return entries
        }
    }

    /// The entries of `name = map[string]string{"a": "b", ...}` whose name is at `tokens[at]`: nil unless every entry is
    /// two constant strings, or past ``CobraNormalization/maximumSpellings``.
    private static func mapLiteral(_ tokens: [GoToken], after at: Int) -> [String: String]? {
        let head = ["=", "map", "[", "string", "]", "string", "{"]
        guard at + head.count < tokens.count,
            head.indices.allSatisfy({ tokens[at + 1 + $0].text == head[$0] })
        else { return nil }
        var index = at + 1 + head.count
        var entries: [String: String] = [:]
        while index < tokens.count {
            while index < tokens.count, tokens[index].kind == .semicolon { index += 1 }
            guard index < tokens.count else { return nil }
            if tokens[index].isOperator("}") { return entries }
            guard index + 2 < tokens.count, tokens[index].kind == .string, tokens[index + 1].isOperator(":"),
                tokens[index + 2].kind == .string, entries.count < CobraNormalization.maximumSpellings
            else { return nil }
            let key = GoParser.unquote(tokens[index].text)
            guard entries[key] == nil else { return nil }
            entries[key] = GoParser.unquote(tokens[index + 2].text)
            index += 3
            if index < tokens.count, tokens[index].isOperator(",") { index += 1 }
        }
        return nil
    }

    private mutating func define(
        _ shape: CobraFlagMethod, in id: CobraFlagSetID, _ values: [CobraValues], _ context: CallContext
    ) -> CobraValues {
        guard shape.nameIndex < values.count else { return [] }
        guard let name = Self.onlyString(in: values[shape.nameIndex]), !CobraText.containsPercent(name) else {
            let spelled =
                context.arguments.indices.contains(shape.nameIndex) ? " (argument \(shape.nameIndex + 1))" : ""
            note(
                "the name of a \(shape.type) flag\(spelled) is not a constant string; the flag is not in the surface",
                file: context.file, line: context.line)
            if callsGiven.last ?? true { unnamedDefinitions.insert(id) }
            return []
        }
        var shorthand: String?
        if let index = shape.shorthandIndex, index < values.count {
            shorthand = self.shorthand(of: name, in: values[index], context)
        }
        var type = shape.type
        var goType: String?
        var rejectsEveryValue = false
        if shape.isCustom, let value = values.first {
            if let read = valueType(of: value, folder: folders[context.file]) {
                type = read.text
                goType = read.goType
            } else {
                goType = unreadableValueType(of: value, folder: folders[context.file])
            }
            rejectsEveryValue = self.rejectsEveryValue(value, folder: folders[context.file])
        }
        var definition = CobraFlagDefinition(
            name: name, type: type, shorthand: shorthand, file: context.file, line: context.line, valueType: goType)
        definition.rejectsEveryValue = rejectsEveryValue
        definition.saysExperimental = CobraHelpText.flagSaysExperimental(name: name, usages: Self.usages(shape, values))
        updateFlagSet(id) { $0.define(definition) }
        recordFlagStep(id, name)
        recordFlagRest(id, name)
        if conditional { flagBuilds[CobraFlagKey(set: id, name: name), default: []].insert(currentBuild) }
        if Self.usageSaysDeprecated(shape, values) { updateFlagSet(id) { $0.deprecated.insert(name) } }
        if let variable = context.arguments.first.flatMap({ boundVariable($0, in: context.file) }) {
            flagVariables[variable, default: []].insert(CobraBoundFlag(set: id, name: name))
        }
        return shape.returnsFlag ? [.flag(id, name)] : []
    }

    /// The shorthand `values` give flag `name`: nil for "", `?` (noted) when it is not one constant string.
    private mutating func shorthand(of name: String, in values: CobraValues, _ context: CallContext) -> String? {
        if let only = Self.onlyString(in: values) { return only.isEmpty ? nil : only }
        note(
            "the shorthand of flag --\(name) is not a constant string; recorded as unknown", file: context.file,
            line: context.line, leavesOut: false)
        return "?"
    }

    /// Whether a flag definition's usage text says the flag is deprecated (`CobraHelpText.usageSaysDeprecated`).
    private static func usageSaysDeprecated(_ shape: CobraFlagMethod, _ values: [CobraValues]) -> Bool {
        let index = shape.usageIndex(arguments: values.count)
        guard values.indices.contains(index) else { return false }
        return anyString(in: values[index], CobraHelpText.usageSaysDeprecated)
    }

    /// The constant usage texts a flag definition may be given.
    private static func usages(_ shape: CobraFlagMethod, _ values: [CobraValues]) -> Set<String> {
        let index = shape.usageIndex(arguments: values.count)
        guard values.indices.contains(index) else { return [] }
        return strings(in: values[index])
    }
}

extension CobraInterpreter {
    /// What the `Type()` method of a custom flag value returns, when every type the value may have returns the same
    /// constant string (pflag shows it in help and users see it as the flag's type), with the Go types the value may
    /// have (``CobraFlagDefinition/valueType``): each named after the folder of the file that declares its `Type()`;
    /// nil otherwise.
    fileprivate mutating func valueType(of value: CobraValues, folder: Int32) -> (text: String, goType: String)? {
        var types: Set<String> = []
        var goTypes: Set<String> = []
        for type in value.compactMap(Self.programType(of:)) {
            guard let key = declared.method(CobraKnown.type.id, of: type, preferring: folder) else { return nil }
            let returned = Self.strings(in: call(key, arguments: []))
            guard returned.count == 1, let only = returned.first else { return nil }
            types.insert(only)
            let path = paths[declared.list[Int(key)].file]
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            goTypes.insert(folder + "." + numbering.table.names[Int(type)])
        }
        guard types.count == 1, let text = types.first else { return nil }
        return (text, goTypes.sorted().joined(separator: ", "))
    }

    /// For a custom value whose `Type()` ``valueType(of:folder:)`` does not read: the program's types it may be of,
    /// when every value is of one and one of them is a struct the files declare that has no `Type()` of its own nor
    /// from a struct it embeds (`type modeT struct{ pflag.Value }`: its `Type()` and `Set` come from what is
    /// embedded, which no source shows), sorted and joined by `, `; nil when a value is not of the program's types
    /// (not followed), or each is declared outside the files or has a `Type()` (a text not read: restic's
    /// `SnapshotGroupByOptions` in a folder the policy does not list).
    fileprivate func unreadableValueType(of value: CobraValues, folder: Int32) -> String? {
        let types = value.map(Self.programType(of:))
        guard !types.isEmpty, types.allSatisfy({ $0 != nil }) else { return nil }
        let named = Set(types.compactMap { $0 })
        guard
            named.contains(where: { type in
                declared.structs[type] != nil
                    && declared.methodOrPromoted(CobraKnown.type.id, of: type, preferring: folder) == nil
            })
        else { return nil }
        return named.map { numbering.table.names[Int($0)] }.sorted().joined(separator: ", ")
    }

    /// Whether every value of `value` is of a program type that declares `Set`, and every such `Set` returns an error
    /// on every path: each `return` (outside function literals) gives one `errors.New(...)` or `fmt.Errorf(...)`, and
    /// there is one (review R96: `--mode x` parsed as a string, and now nothing parses).
    fileprivate func rejectsEveryValue(_ value: CobraValues, folder: Int32) -> Bool {
        let types = value.map(Self.programType(of:))
        guard !types.isEmpty, let set = numbering.table.number(of: "Set") else { return false }
        return types.allSatisfy { type in
            guard let type, let key = declared.method(set, of: type, preferring: folder) else { return false }
            let declaration = declared.list[Int(key)]
            return Self.returnsOnlyErrors(sources[declaration.file].body(of: declaration.index)) { local in
                text(of: local, in: declaration.file)
            }
        }
    }

    /// Whether `body` has a `return` and each gives one call of `errors.New` or `fmt.Errorf` (names read by `text`).
    private static func returnsOnlyErrors(_ body: [CobraStatement], text: (CobraLocalName) -> String) -> Bool {
        var found = false
        func isError(_ expression: CobraExpr) -> Bool {
            guard case .call(.selector(.name(let package), let function, _), _, _) = expression else { return false }
            let called = (text(package), text(function))
            return called == ("errors", "New") || called == ("fmt", "Errorf")
        }
        func walk(_ statements: [CobraStatement]) -> Bool {
            statements.allSatisfy { statement in
                switch statement {
                case .return(let results):
                    found = true
                    return results.count == 1 && isError(results[0])
                case .block(let body), .range(_, _, let body), .loop(_, let body): return walk(body)
                case .conditional(let header, _, let then, let otherwise): return walk(header + then + otherwise)
                case .switchCases(_, let clauses), .typeSwitch(_, let clauses):
                    return clauses.allSatisfy { walk($0.body) }
                case .expression, .assign, .declare, .deferred, .continueRange, .breakRange, .jump, .label, .leave:
                    return true
                }
            }
        }
        return walk(body) && found
    }
}

/// The shape of a pflag definition method: `StringVarP(&p, name, shorthand, value, usage)` and the like.
struct CobraFlagMethod: Sendable, Equatable {
    /// The type as pflag's `Value.Type()` spells it: `string`, `stringArray`, `ipNet`; `custom` for `Var`.
    let type: String
    let nameIndex: Int
    let shorthandIndex: Int?
    let returnsFlag: Bool

    /// Which of `arguments` arguments is the usage text: the last, except for `Func` and `BoolFunc`, whose
    /// function comes after it.
    func usageIndex(arguments: Int) -> Int {
        type == "func" || type == "boolFunc" ? (shorthandIndex ?? nameIndex) + 1 : arguments - 1
    }

    /// `Var`, `VarP` and `VarPF`: the value (first argument) says its own type through `Type()`.
    var isCustom: Bool { type == "custom" }

    /// The pflag value types that have definition methods.
    static let types: Set<String> = [
        "Bool", "BoolSlice", "BytesBase64", "BytesHex", "Count", "Duration", "DurationSlice", "Float32",
        "Float32Slice", "Float64", "Float64Slice", "IP", "IPMask", "IPNet", "IPNetSlice", "IPSlice", "Int", "Int16",
        "Int32", "Int32Slice", "Int64", "Int64Slice", "Int8", "IntSlice", "String", "StringArray", "StringSlice",
        "StringToInt", "StringToInt64", "StringToString", "Uint", "Uint16", "Uint32", "Uint64", "Uint8", "UintSlice",
        "Text", "Func", "BoolFunc", "Time",
    ]

    /// The shape of every method that defines a flag, by name: `T`, `TP`, `TVar` and `TVarP` for each of `types`,
    /// and the custom `Var`, `VarP` and `VarPF` (the only names `parse` accepts), so that a call costs one lookup.
    private static let byName: [String: CobraFlagMethod] = {
        var table: [String: CobraFlagMethod] = [:]
        let names = ["Var", "VarP", "VarPF"] + types.flatMap { [$0, $0 + "P", $0 + "Var", $0 + "VarP"] }
        for name in names {
            if let shape = parse(name) { table[name] = shape }
        }
        return table
    }()

    /// The types pflag's own definition methods give (`string`, `int`, `stringArray`, `ipNet`), as `Type()` spells
    /// them; a custom value's `Type()` may return anything else.
    static let builtinTypes: Set<String> = Set(byName.values.map(\.type)).subtracting(["custom"])

    /// The shape of `method`, or nil when it defines no flag.
    init?(_ method: String) {
        guard let shape = Self.byName[method] else { return nil }
        self = shape
    }

    private static func parse(_ method: String) -> CobraFlagMethod? {
        switch method {
        case "Var":
            return CobraFlagMethod(type: "custom", nameIndex: 1, shorthandIndex: nil, returnsFlag: false)
        case "VarP", "VarPF":
            return CobraFlagMethod(type: "custom", nameIndex: 1, shorthandIndex: 2, returnsFlag: method == "VarPF")
        default:
            break
        }
        var base = Substring(method)
        var hasVar = false
        var hasShorthand = false
        if base.hasSuffix("VarP") {
            base = base.dropLast(4)
            hasVar = true
            hasShorthand = true
        } else if base.hasSuffix("Var") {
            base = base.dropLast(3)
            hasVar = true
        } else if base.hasSuffix("P"), Self.types.contains(String(base.dropLast())) {
            base = base.dropLast()
            hasShorthand = true
        }
        guard Self.types.contains(String(base)) else { return nil }
        let name = hasVar ? 1 : 0
        let type =
            base.hasPrefix("IP")
            ? "ip" + base.dropFirst(2) : (base.first.map { $0.lowercased() } ?? "") + base.dropFirst()
        return CobraFlagMethod(
            type: type, nameIndex: name, shorthandIndex: hasShorthand ? name + 1 : nil, returnsFlag: false)
    }

    private init(type: String, nameIndex: Int, shorthandIndex: Int?, returnsFlag: Bool) {
        self.type = type
        self.nameIndex = nameIndex
        self.shorthandIndex = shorthandIndex
        self.returnsFlag = returnsFlag
    }
}

/// What the files read write through pointers (``CobraInterpreter/pointerWrites(in:)``).
struct CobraPointerWrites: Sendable {
    /// A write that may replace anything, nil included (`*p = nil`, `*p = T{...}` of a type that holds objects).
    var any = false
    /// The structs that hold no object (strings, numbers, lists and maps of them) written whole through their
    /// method's pointer receiver (`*o = other` in `func (o *Version) Merge(other Version)`): the write changes the
    /// struct's fields in place (a table entry of that type may read otherwise), and makes no object nil.
    var plainStructs: Set<String> = []

    /// What one `*p = ...` through a method's pointer receiver writes.
    enum Plain {
        /// A value of a type that holds no object and is no struct (a list of strings): nothing the run decides.
        case none
        /// A struct of the named type whose fields hold no object.
        case plainStruct(String)
    }
}

/// Which values of the files' types may be, or hold, a struct that some method writes whole through its pointer
/// receiver (``CobraPointerWrites/plainStructs``): such a write changes the strings of a value of that type wherever it
/// is held, so an entry of a loop that may hold one is not what its literal says. Types are known by name, every
/// declaration of a name (in any package read) counting. A value may hold such a struct when its type is one, or
/// its fields, elements, keys or values may (through pointers, lists and maps, transitively); an interface may hold
/// anything, and so may a type the files do not declare but name without a package, and another package's type,
/// except as a term of a constraint's union (`int | time.Duration`: Go allows no interface with methods there). A
/// function holds nothing a field reads. A generic type's parameter may hold what its constraint allows: the terms of
/// its union, or anything when the constraint has methods or is `any`.
struct CobraRewrittenTypes {
    private var declared: [String: [GoTypeSpec]] = [:]
    private let plain: Set<String>
    /// The answers so far; a type being worked out counts as holding none (a cycle adds nothing of its own).
    private var known: [String: Bool] = [:]

    init(files: [GoFile], plain: Set<String>) {
        self.plain = plain
        guard !plain.isEmpty else { return }
        for file in files {
            for case .type(let spec) in file.declarations { declared[spec.name, default: []].append(spec) }
        }
    }

    /// Whether a value of the files' type `name` may be or hold one of the structs.
    mutating func mayHold(_ name: String) -> Bool {
        guard !plain.isEmpty else { return false }
        if plain.contains(name) { return true }
        if let answer = known[name] { return answer }
        guard let specs = declared[name] else {
            known[name] = !CobraInterpreter.basicTypes.contains(name)
            return known[name]!
        }
        known[name] = false
        var answer = false
        for spec in specs where !answer {
            var parameters: [String: GoType] = [:]
            for parameter in spec.typeParameters { parameters[parameter.name] = parameter.constraint }
            answer = mayHold(spec.type, parameters: parameters)
        }
        known[name] = answer
        return answer
    }

    private mutating func mayHold(_ type: GoType, parameters: [String: GoType]) -> Bool {
        switch type {
        case .named(let package, let name, let arguments):
            if arguments.contains(where: { mayHold($0, parameters: parameters) }) { return true }
            if package != nil { return true }
            if let constraint = parameters[name] {
                // The parameter met again inside its own constraint (`T interface{ ~[]T }`) is a type not known.
                var outer = parameters
                outer[name] = nil
                return constraintMayHold(constraint, parameters: outer)
            }
            if name == "error" || name == "any" { return true }
            return mayHold(name)
        case .pointer(let element), .slice(let element), .array(_, let element), .channel(_, let element):
            return mayHold(element, parameters: parameters)
        case .map(let key, let value):
            return mayHold(key, parameters: parameters) || mayHold(value, parameters: parameters)
        case .function: return false
        case .structure(let fields): return fields.contains { mayHold($0.type, parameters: parameters) }
        case .interface, .union: return true
        }
    }

    /// Whether a type parameter constrained by `constraint` may be or hold one of the structs.
    private mutating func constraintMayHold(_ constraint: GoType, parameters: [String: GoType]) -> Bool {
        switch constraint {
        case .union(let terms):
            return terms.contains { term in
                if case .named(let package, _, let arguments) = term.type, package != nil, arguments.isEmpty {
                    return false
                }
                return mayHold(term.type, parameters: parameters)
            }
        case .interface(let elements):
            return elements.contains { element in
                guard case .embedded(let type, _) = element else { return true }
                return constraintMayHold(type, parameters: parameters)
            }
        case .named(nil, let name, let arguments) where arguments.isEmpty && parameters[name] == nil:
            if name == "comparable" || name == "any" { return true }
            guard let specs = declared[name], !specs.isEmpty else { return !CobraInterpreter.basicTypes.contains(name) }
            guard known["constraint " + name] == nil else { return known["constraint " + name]! }
            known["constraint " + name] = false
            let answer = specs.contains { constraintMayHold($0.type, parameters: parameters) }
            known["constraint " + name] = answer
            return answer
        default:
            return mayHold(constraint, parameters: parameters)
        }
    }
}

/// What the default run gives a local or an expression (``CobraRunCondition/byDefault``).
enum CobraDefaultValue: Hashable, Sendable {
    case string(String)
    case bool(Bool)
}

// MARK: - Registration under conditions decided when the program runs (review R103)

extension CobraInterpreter {
    /// The methods that ask whether a flag is already there (`fs.Lookup(name)`): a flag defined when it is not (rclone's
    /// `if !found { ... }` after `found := flags.Lookup(name) != nil`) is there either way.
    private static let lookupMethods: Set<String> = [
        "Lookup", "ShorthandLookup", "Flag", "HasFlags", "HasAvailableFlags", "HasPersistentFlags",
        "HasLocalFlags", "HasSubCommands", "HasAvailableSubCommands", "Find", "Traverse", "Commands",
    ]

    /// Whether `expression` reads what only the program's run gives (a call, a package-level variable, a local given
    /// one of those): true; false when it reads none (parameters, fields of objects the run made, constants); nil when
    /// it asks whether something exists (a comparison with `nil`, ``lookupMethods``), which is no condition on
    /// registering: a flag defined when it is not there yet is there either way.
    private mutating func readsRunTime(_ expression: CobraExpr, in frame: Frame, depth: Int = 0) -> Bool? {
        guard depth < Self.maximumCertainDepth else { return nil }
        func both(_ parts: [CobraExpr], _ interpreter: inout CobraInterpreter) -> Bool? {
            var result = false
            for part in parts {
                guard let one = interpreter.readsRunTime(part, in: frame, depth: depth + 1) else { return nil }
                result = result || one
            }
            return result
        }
        switch expression {
        case .name(let name):
            if name == CobraKnown.nil.id { return nil }
            if frame.locals.contains(name) { return frame.runLocals.contains(name) }
            // A package-level variable may be set when the program runs (a constant the run decides); one no file of
            // the folder assigns, writes into or takes the address of holds what its declaration gives
            // (kubebuilder's `len(alphaCommands) > 0` of a table literal).
            guard read(globalCell(name, in: frame.file)) != nil || isPackageVariable(name, in: frame.file) else {
                return false
            }
            guard isPackageVariable(name, in: frame.file), !assignedInFolder(name, in: frame.file) else { return true }
            guard let declared = globalInitializer(name, in: frame.file) else { return true }
            guard let value = declared.value else { return false }
            let inner = Frame(key: nil, file: declared.file, folder: frame.folder)
            return readsRunTime(value, in: inner, depth: depth + 1)
        case .string, .opaque, .function:
            return false
        case .composite(_, let elements, _):
            return both(elements.map(\.value), &self)
        case .selector(let base, _, _):
            if case .name(let qualifier) = base, isPackage(qualifier, in: frame) { return true }
            return readsRunTime(base, in: frame, depth: depth + 1)
        case .call(let callee, let arguments, _):
            if case .selector(_, let method, _) = callee, Self.lookupMethods.contains(text(of: method, in: frame.file)) {
                return nil
            }
            if case .name(let name) = callee, !frame.locals.contains(name) {
                let spelled = text(of: name, in: frame.file)
                // The length of a package-level table literal nothing assigns is what the literal spells.
                if spelled == "len" || spelled == "cap", arguments.count == 1, case .name(let table) = arguments[0],
                    !frame.locals.contains(table), isPackageVariable(table, in: frame.file),
                    !assignedInFolder(table, in: frame.file),
                    case .composite? = globalInitializer(table, in: frame.file)?.value
                {
                    return false
                }
                if spelled == "len" || spelled == "cap" || spelled == "string" || spelled == "bool" {
                    return both(arguments, &self)
                }
            }
            return both(arguments, &self) == nil ? nil : true
        case .unary(_, let operand):
            return readsRunTime(operand, in: frame, depth: depth + 1)
        case .binary(.and, let left, let right), .binary(.or, let left, let right):
            // `err == nil && fi.Mode()&os.ModeCharDevice != 0`: the error check asks nothing of the run, the rest does.
            let lhs = readsRunTime(left, in: frame, depth: depth + 1)
            let rhs = readsRunTime(right, in: frame, depth: depth + 1)
            if lhs == true || rhs == true { return true }
            return lhs == nil && rhs == nil ? nil : false
        case .binary(_, let left, let right):
            // As `both([left, right])`, without making the list.
            guard let lhs = readsRunTime(left, in: frame, depth: depth + 1),
                let rhs = readsRunTime(right, in: frame, depth: depth + 1)
            else { return nil }
            return lhs || rhs
        case .index(let base, let indices):
            return both([base] + indices, &self)
        }
    }

    /// Whether the program (the files read) may give the environment or viper values before a condition reads them:
    /// `os.Setenv`, viper's ``CobraRegistration/viperSetters``. The default run does not decide those then.
    private mutating func defaultRunSets() -> (environment: Bool, viper: Bool) {
        if let known = defaultRunSetsKnown { return known }
        var environment = false
        var viper = false
        for file in files {
            let tokens = file.go.tokens
            let viperNames = Set(
                file.imports.filter { $0.path == "github.com/spf13/viper" }.map { $0.name ?? "viper" })
            // A viper of its own (`viper.New()`, `viper.GetViper()`) may be given values under any name.
            let instances =
                !viperNames.isEmpty
                && tokens.indices.contains { index in
                    index >= 2 && viperNames.contains(tokens[index - 2].text)
                        && (tokens[index].text == "New" || tokens[index].text == "GetViper")
                }
            for index in tokens.indices {
                guard case .identifier = tokens[index].kind else { continue }
                let text = tokens[index].text
                // By the length first (6 or 8 bytes): only ASCII spells these names, and no other text is equal to them.
                let length = text.utf8.count
                if !environment, length == 6 || length == 8, text == "Setenv" || text == "Clearenv" { environment = true }
                if !viperNames.isEmpty, index >= 2, CobraRegistration.viperSetters.contains(text),
                    viperNames.contains(tokens[index - 2].text) || (instances && tokens[index - 1].text == ".")
                {
                    viper = true
                }
            }
        }
        defaultRunSetsKnown = (environment, viper)
        return (environment, viper)
    }

    /// Whether `qualifier` names the package imported from `path` in the frame's file (and no local or package-level
    /// name shadows it).
    private mutating func names(_ qualifier: CobraLocalName, package path: String, in frame: Frame) -> Bool {
        guard isPackage(qualifier, in: frame) else { return false }
        let spelled = text(of: qualifier, in: frame.file)
        let last = String(path.split(separator: "/").last ?? "")
        return files[frame.file].imports.contains { $0.path == path && ($0.name ?? last) == spelled }
    }

    /// What the default run gives `expression` (``CobraRunCondition/byDefault``), nil when it does not decide it.
    private mutating func defaultValue(_ expression: CobraExpr, in frame: inout Frame, depth: Int = 0)
        -> CobraDefaultValue?
    {
        guard depth < Self.maximumCertainDepth else { return nil }
        switch expression {
        case .name(let name):
            if frame.locals.contains(name) { return frame.defaultLocals[name] }
            return globalDefault(name, in: frame, depth: depth)
        case .selector(.name(let name), let field, _) where frame.locals.contains(name):
            return frame.defaultFields[name]?[field]
        case .call(.name(let name), let arguments, _):
            // `get("X")` with `get := os.Getenv` (or a package-level `var getenv = os.Getenv`).
            if environmentReader(name, in: &frame) == "Getenv", arguments.count == 1, !defaultRunSets().environment,
                let variable = certainString(arguments[0], in: &frame), !CobraRegistration.isSystemVariable(variable)
            {
                return .string("")
            }
            guard arguments.isEmpty else { return nil }
            return returnedByDefault(callee: .name(name), in: &frame, depth: depth)
        case .call(.selector(.name(let qualifier), let function, _), let arguments, _)
        where frame.vipers.contains(qualifier) && frame.locals.contains(qualifier):
            // A viper of the function's own (`v := viper.New()`): nothing set, every getter gives its zero value.
            guard !defaultRunSets().viper else { return nil }
            switch text(of: function, in: frame.file) {
            case "GetBool", "IsSet", "InConfig": return .bool(false)
            case "GetString": return .string("")
            default: return arguments.isEmpty ? nil : nil
            }
        case .call(.selector(.name(let qualifier), let function, _), let arguments, _):
            let called = text(of: function, in: frame.file)
            if arguments.isEmpty, !frame.locals.contains(qualifier), isPackage(qualifier, in: frame),
                let returned = returnedByDefault(callee: .selector(.name(qualifier), function, line: 0), in: &frame, depth: depth)
            {
                return returned
            }
            if called == "Getenv", arguments.count == 1, names(qualifier, package: "os", in: frame),
                !defaultRunSets().environment, let variable = certainString(arguments[0], in: &frame),
                !CobraRegistration.isSystemVariable(variable)
            {
                return .string("")
            }
            if CobraRegistration.viperGetters.contains(called), names(qualifier, package: "github.com/spf13/viper", in: frame),
                !defaultRunSets().viper
            {
                switch called {
                case "GetBool", "IsSet", "InConfig": return .bool(false)
                case "GetString": return .string("")
                default: return nil
                }
            }
            return nil
        case .unary(.not, let operand):
            // Not of a platform's name: `!(runtime.GOOS == "windows")` holds on the other platforms.
            guard !mentionsPlatform(operand, in: frame),
                case .bool(let value)? = defaultValue(operand, in: &frame, depth: depth + 1)
            else { return nil }
            return .bool(!value)
        case .binary(.and, let left, let right), .binary(.or, let left, let right):
            let isAnd = if case .binary(.and, _, _) = expression { true } else { false }
            let lhs = defaultValue(left, in: &frame, depth: depth + 1)
            let rhs = defaultValue(right, in: &frame, depth: depth + 1)
            let (l, r) = (lhs.flatMap(Self.boolean), rhs.flatMap(Self.boolean))
            if isAnd {
                if l == false || r == false { return .bool(false) }
                return l == true && r == true ? .bool(true) : nil
            }
            if l == true || r == true { return .bool(true) }
            return l == false && r == false ? .bool(false) : nil
        case .binary(let op, let left, let right)
        where (op == .equal || op == .notEqual) && (isPlatform(left, in: frame) || isPlatform(right, in: frame)):
            // `runtime.GOOS == "windows"`, `runtime.GOOS != "windows"`: false on some platform a default build is for,
            // whose users do not get the item.
            return certainString(isPlatform(left, in: frame) ? right : left, in: &frame) == nil ? nil : .bool(false)
        case .binary(let op, let left, let right) where op == .equal || op == .notEqual:
            let lhs = defaultValue(left, in: &frame, depth: depth + 1)
            let rhs = defaultValue(right, in: &frame, depth: depth + 1)
            guard lhs != nil || rhs != nil else { return nil }
            guard let l = lhs ?? constantValue(left, in: &frame), let r = rhs ?? constantValue(right, in: &frame)
            else { return nil }
            let equal: Bool
            switch (l, r) {
            case (.string(let a), .string(let b)): equal = Array(a.utf8) == Array(b.utf8)
            case (.bool(let a), .bool(let b)): equal = a == b
            default: return nil
            }
            return .bool(equal == (op == .equal))
        default:
            return nil
        }
    }

    /// `Getenv` or `LookupEnv` when `name` holds `os.Getenv` or `os.LookupEnv` as a value: a local given it, or a
    /// package-level `var` of the folder whose one value it is.
    private mutating func environmentReader(_ name: CobraLocalName, in frame: inout Frame) -> String? {
        if frame.locals.contains(name) { return frame.environmentReaders[name] }
        guard function(named: name, in: frame.file) == nil, !assignedInFolder(name, in: frame.file) else { return nil }
        let wanted = runName(name, in: frame.file)
        let key = CobraPair(folders[frame.file], wanted)
        if let known = folderEnvironmentReaders[key] { return known }
        let found = declaredEnvironmentReader(wanted, in: folders[frame.file])
        folderEnvironmentReaders[key] = .some(found)
        return found
    }

    /// `Getenv` or `LookupEnv` when every package-level `var` of `folder` named `wanted` is given `os.Getenv` or
    /// `os.LookupEnv` (the same one), else nil.
    private mutating func declaredEnvironmentReader(_ wanted: CobraName, in folder: Int32) -> String? {
        var found: String?
        for index in files.indices where folders[index] == folder {
            for binding in files[index].bindings where binding.names.count == binding.values.count {
                for (offset, bound) in binding.names.enumerated() where runName(bound, in: index) == wanted {
                    guard case .selector(.name(let qualifier), let function, _) = binding.values[offset],
                        files[index].imports.contains(where: { $0.path == "os" && ($0.name ?? "os") == text(of: qualifier, in: index) })
                    else { return nil }
                    let called = text(of: function, in: index)
                    guard called == "Getenv" || called == "LookupEnv", found == nil || found == called else { return nil }
                    found = called
                }
            }
        }
        // Assigned elsewhere too: not only what the declaration says.
        return found
    }

    /// What the default run gives a call of `callee` with no arguments when it is a function literal held by a local,
    /// or a declared function without parameters, whose body is one `return` of one value.
    private mutating func returnedByDefault(callee: CobraExpr, in frame: inout Frame, depth: Int) -> CobraDefaultValue? {
        guard depth + 1 < Self.maximumCertainDepth else { return nil }
        switch callee {
        case .name(let name) where frame.locals.contains(name):
            guard let held = frame.locals[name], case .closure(let site)? = held.only,
                let literal = closures[site]?.literal, literal.parameters.isEmpty, literal.body.count == 1,
                case .return(let results) = literal.body[0], results.count == 1
            else { return nil }
            return defaultValue(results[0], in: &frame, depth: depth + 1)
        case .name(let name):
            guard let key = function(named: name, in: frame.file) else { return nil }
            return returnedByDefault(function: key, depth: depth)
        case .selector(.name(let qualifier), let member, _):
            let values = packageMember(runName(qualifier, in: frame.file), runName(member, in: frame.file), file: frame.file)
            guard case .function(let key)? = values.only else { return nil }
            return returnedByDefault(function: key, depth: depth)
        default:
            return nil
        }
    }

    private mutating func returnedByDefault(function key: CobraFunctionID, depth: Int) -> CobraDefaultValue? {
        let declaration = declared.list[Int(key)]
        let (file, index) = (declaration.file, declaration.index)
        guard files[file].functions[index].parameters.isEmpty, files[file].functions[index].receiver == nil else {
            return nil
        }
        let body = sources[file].body(of: index)
        guard body.count == 1, case .return(let results) = body[0], results.count == 1 else { return nil }
        var frame = Frame(key: nil, file: file, folder: declaration.folder)
        return defaultValue(results[0], in: &frame, depth: depth + 1)
    }

    /// Whether the default run gives `collection` no entry: viper's list getters, `strings.Fields` of what it gives
    /// "", or a string it gives "".
    private mutating func emptyByDefault(_ collection: CobraExpr, in frame: inout Frame) -> Bool {
        if case .string("")? = defaultValue(collection, in: &frame) { return true }
        guard case .call(.selector(.name(let qualifier), let function, _), let arguments, _) = collection else {
            return false
        }
        let called = text(of: function, in: frame.file)
        if called == "Fields", arguments.count == 1, names(qualifier, package: "strings", in: frame),
            case .string("")? = defaultValue(arguments[0], in: &frame)
        {
            return true
        }
        let lists: Set<String> = ["GetStringSlice", "GetIntSlice", "GetStringMap", "GetStringMapString"]
        guard lists.contains(called), !defaultRunSets().viper else { return false }
        return (frame.locals.contains(qualifier) && frame.vipers.contains(qualifier))
            || names(qualifier, package: "github.com/spf13/viper", in: frame)
    }

    /// Whether a file of `file`'s folder assigns package-level `name` (`name = ...`, `name, x = ...`) or takes its
    /// address (`&name`, which a flag definition writes through), by the tokens (``assignedSpellings(in:)``).
    private mutating func assignedInFolder(_ name: CobraLocalName, in file: Int) -> Bool {
        let spelled = text(of: name, in: file)
        let folder = folders[file]
        let key = CobraPair(Int32(truncatingIfNeeded: folder), runName(name, in: file))
        if let known = assignedGlobals[key] { return known }
        if assignedByFolder[folder] == nil {
            let tokens = files.indices.filter { folders[$0] == folder }.map { files[$0].go.tokens }
            assignedByFolder[folder] = Self.assignedSpellings(in: tokens)
        }
        let found = assignedByFolder[folder]?.contains(spelled) ?? true
        assignedGlobals[key] = found
        return found
    }

    /// The names that `tokens` (a folder's files) assign (`name =`, `name +=`, `name, other =`, `name.field =`,
    /// `name[key] =`; not `var name = ...` nor `name :=`) or take the address of (`&name`), in one pass over every
    /// name: asking name by name went over the folder's tokens once a name.
    private static func assignedSpellings(in files: [[GoToken]]) -> Set<String> {
        var found: Set<String> = []
        // Punctuation is told by its operator code (the lexer gives `(` the code `leftParen`, and only `(`), not by
        // comparing texts: this runs over every name of every folder read.
        for tokens in files {
            // Worked out when a name of the file reads as assigned: few do.
            var grouped: Set<Int>?
            for offset in tokens.indices {
                guard case .identifier = tokens[offset].kind else { continue }
                if offset > 0, tokens[offset - 1].symbol == .ampersand {
                    found.insert(tokens[offset].text)
                    continue
                }
                var next = offset + 1
                var depth = 0
                // At most 64 tokens on: a longer target is taken as assigned.
                let end = min(tokens.count, offset + 64)
                while next < end {
                    let symbol = tokens[next].symbol
                    if symbol == .leftBracket || symbol == .leftParen {
                        depth += 1
                    } else if (symbol == .rightBracket || symbol == .rightParen) && depth > 0 {
                        depth -= 1
                    } else if depth == 0, symbol == .period || symbol == .comma, next + 1 < tokens.count,
                        case .identifier = tokens[next + 1].kind
                    {
                        next += 1
                    } else if depth == 0 {
                        break
                    }
                    next += 1
                }
                if next == end, end < tokens.count {
                    found.insert(tokens[offset].text)
                    continue
                }
                if next < tokens.count, let symbol = tokens[next].symbol,
                    symbol == .assign || symbol == .plusAssign, offset == 0 || tokens[offset - 1].text != "var"
                {
                    // `x = "a"` as a spec of `var ( ... )`, `y` of `var x, y = ...`: declared, not assigned.
                    if grouped == nil { grouped = declaredVariables(in: tokens) }
                    if grouped?.contains(offset) == true { continue }
                    found.insert(tokens[offset].text)
                }
            }
        }
        return found
    }

    /// The offsets of the names a `var` declaration declares in `tokens`: `x` and `y` of `var x, y = ...` and of each
    /// spec of `var ( x, y = ... )`. Such a name is declared there, not assigned (tkn 0.13.0 moved `var skipCheckFlag =
    /// "false"` into a group, and the spec read as an assignment: the default run no longer decided it).
    private static func declaredVariables(in tokens: [GoToken]) -> Set<Int> {
        var found: Set<Int> = []
        // The names of a spec from `start`: identifiers separated by commas; returns where they end.
        func names(from start: Int) -> Int {
            var next = start
            while next < tokens.count, case .identifier = tokens[next].kind {
                found.insert(next)
                guard next + 1 < tokens.count, tokens[next + 1].symbol == .comma else { return next + 1 }
                next += 2
            }
            return next
        }
        var index = 0
        while index < tokens.count {
            guard case .keyword(.`var`) = tokens[index].kind else {
                index += 1
                continue
            }
            var next = index + 1
            while next < tokens.count, case .comment = tokens[next].kind { next += 1 }
            guard next < tokens.count, tokens[next].symbol == .leftParen else {
                index = max(names(from: next), index + 1)
                continue
            }
            // Inside the group: a spec begins after `(` and after each semicolon at its level.
            var depth = 1
            var specStart = true
            next += 1
            while next < tokens.count, depth > 0 {
                switch tokens[next].kind {
                case .comment:
                    next += 1
                    continue
                case .semicolon:
                    if depth == 1 { specStart = true }
                case .identifier where depth == 1 && specStart:
                    next = names(from: next)
                    specStart = false
                    continue
                default:
                    switch tokens[next].symbol {
                    case .leftParen?, .leftBracket?, .leftBrace?: depth += 1
                    case .rightParen?, .rightBracket?, .rightBrace?: depth -= 1
                    default: break
                    }
                    specStart = false
                }
                next += 1
            }
            index = next
        }
        return found
    }

    /// Whether a file of `file`'s folder declares `name` a package-level `var`.
    private mutating func isPackageVariable(_ name: CobraLocalName, in file: Int) -> Bool {
        let wanted = runName(name, in: file)
        let key = CobraPair(Int32(truncatingIfNeeded: folders[file]), wanted)
        if let known = packageVariables[key] { return known }
        var found = false
        search: for index in files.indices where folders[index] == folders[file] {
            for binding in files[index].bindings where !binding.isConstant {
                if binding.names.contains(where: { runName($0, in: index) == wanted }) {
                    found = true
                    break search
                }
            }
        }
        packageVariables[key] = found
        return found
    }

    /// What the default run gives package-level `name`: its declaration's one value when no file of the folder assigns
    /// it or takes its address.
    private mutating func globalDefault(_ name: CobraLocalName, in frame: Frame, depth: Int) -> CobraDefaultValue? {
        guard depth + 1 < Self.maximumCertainDepth, function(named: name, in: frame.file) == nil,
            isPackageVariable(name, in: frame.file), !assignedInFolder(name, in: frame.file)
        else { return nil }
        guard let found = globalInitializer(name, in: frame.file), let value = found.value else { return nil }
        var inner = Frame(key: nil, file: found.file, folder: frame.folder)
        return defaultValue(value, in: &inner, depth: depth + 1)
    }

    /// The one declaration of package-level `var` `name` in `file`'s folder: its file and value (nil for none: the
    /// zero value); nil when there is none, several, or one whose values are not one a name.
    private mutating func globalInitializer(_ name: CobraLocalName, in file: Int) -> (file: Int, value: CobraExpr?)? {
        let wanted = runName(name, in: file)
        var found: (file: Int, value: CobraExpr?)?
        for index in files.indices where folders[index] == folders[file] {
            for binding in files[index].bindings where !binding.isConstant {
                for (offset, bound) in binding.names.enumerated() where runName(bound, in: index) == wanted {
                    guard found == nil else { return nil }
                    if binding.values.isEmpty {
                        found = (index, nil)
                    } else {
                        guard binding.values.count == binding.names.count else { return nil }
                        found = (index, binding.values[offset])
                    }
                }
            }
        }
        return found
    }

    /// Whether `expression` is `runtime.GOOS` or `runtime.GOARCH`.
    private mutating func isPlatform(_ expression: CobraExpr, in frame: Frame) -> Bool {
        guard case .selector(.name(let qualifier), let name, _) = expression else { return false }
        let spelled = text(of: name, in: frame.file)
        return (spelled == "GOOS" || spelled == "GOARCH") && names(qualifier, package: "runtime", in: frame)
    }

    /// Whether `expression` reads `runtime.GOOS` or `runtime.GOARCH` anywhere.
    private mutating func mentionsPlatform(_ expression: CobraExpr, in frame: Frame, depth: Int = 0) -> Bool {
        guard depth < Self.maximumCertainDepth else { return true }
        if isPlatform(expression, in: frame) { return true }
        switch expression {
        case .unary(_, let operand): return mentionsPlatform(operand, in: frame, depth: depth + 1)
        case .binary(_, let left, let right):
            return mentionsPlatform(left, in: frame, depth: depth + 1)
                || mentionsPlatform(right, in: frame, depth: depth + 1)
        default: return false
        }
    }

    private static func boolean(_ value: CobraDefaultValue) -> Bool? {
        if case .bool(let held) = value { return held }
        return nil
    }

    /// A constant string, or `true`/`false` (not shadowed), for a comparison with what the default run gives.
    private mutating func constantValue(_ expression: CobraExpr, in frame: inout Frame) -> CobraDefaultValue? {
        if case .name(let name) = expression, !frame.locals.contains(name), read(globalCell(name, in: frame.file)) == nil {
            switch text(of: name, in: frame.file) {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: break
            }
        }
        return certainString(expression, in: &frame).map(CobraDefaultValue.string)
    }

    /// Records what an assignment gives the locals it names, for ``readsRunTime(_:in:depth:)`` and
    /// ``defaultValue(_:in:depth:)``: `v, ok := os.LookupEnv("X")` gives "" and false in the default run.
    private mutating func noteRunLocals(_ targets: [CobraExpr], _ sources: [CobraExpr], in frame: inout Frame) {
        if targets.count == 1, sources.count == 1 {
            // One name given one value (most assignments), as below without the lists.
            let runTime = readsRunTime(sources[0], in: frame) == true
            let value = defaultValue(sources[0], in: &frame)
            guard case .name(let name) = targets[0], name != CobraKnown.underscore.id else { return }
            noteRunLocal(name, runTime: runTime, value: value, source: sources[0], in: &frame)
            return
        }
        let targetNames: [CobraLocalName?] = targets.map { if case .name(let name) = $0 { name } else { nil } }
        if sources.count == targetNames.count {
            var runTime: [Bool] = []
            var defaults: [CobraDefaultValue?] = []
            for source in sources {
                runTime.append(readsRunTime(source, in: frame) == true)
                defaults.append(defaultValue(source, in: &frame))
            }
            for (offset, name) in targetNames.enumerated() {
                guard let name, name != CobraKnown.underscore.id else { continue }
                noteRunLocal(name, runTime: runTime[offset], value: defaults[offset], source: sources[offset], in: &frame)
            }
            return
        }
        // One value for several names (`v, err := f()`), or values that are not one a name: the same for each name
        // (without lists of it), but `v, ok := os.LookupEnv("X")` gives "" and false by default.
        var reads = false
        var lookup = false
        if sources.count == 1 {
            reads = readsRunTime(sources[0], in: frame) == true
            if targetNames.count == 2, case .call(.selector(.name(let qualifier), let function, _), let arguments, _) = sources[0],
                text(of: function, in: frame.file) == "LookupEnv", arguments.count == 1,
                names(qualifier, package: "os", in: frame), !defaultRunSets().environment,
                let variable = certainString(arguments[0], in: &frame), !CobraRegistration.isSystemVariable(variable)
            {
                lookup = true
            }
        }
        for (offset, name) in targetNames.enumerated() {
            guard let name, name != CobraKnown.underscore.id else { continue }
            let value: CobraDefaultValue? = lookup ? (offset == 0 ? .string("") : .bool(false)) : nil
            noteRunLocal(name, runTime: reads, value: value, source: nil, in: &frame)
        }
    }

    /// Records what an assignment gives local `name` (``noteRunLocals(_:_:in:)``): whether it reads run time, what the
    /// default run gives it, and from `source` (its own value, nil when the values are not one a name) the fields,
    /// environment readers and vipers it holds.
    private mutating func noteRunLocal(
        _ name: CobraLocalName, runTime: Bool, value: CobraDefaultValue?, source: CobraExpr?, in frame: inout Frame
    ) {
        // Nothing to take out of an empty table (most are: this runs at every assignment).
        if runTime {
            frame.runLocals.insert(name)
        } else if !frame.runLocals.isEmpty {
            frame.runLocals.remove(name)
        }
        if value != nil || !frame.defaultLocals.isEmpty { frame.defaultLocals[name] = value }
        if !frame.defaultFields.isEmpty { frame.defaultFields[name] = nil }
        if !frame.environmentReaders.isEmpty { frame.environmentReaders[name] = nil }
        if !frame.vipers.isEmpty { frame.vipers.remove(name) }
        guard let source else { return }
        switch source {
        case .composite(_, let elements, _):
            var fields: [CobraLocalName: CobraDefaultValue] = [:]
            for element in elements {
                guard case .name(let field)? = element.key, let value = defaultValue(element.value, in: &frame)
                else { continue }
                fields[field] = value
            }
            if !fields.isEmpty { frame.defaultFields[name] = fields }
        case .selector(.name(let qualifier), let function, _):
            let called = text(of: function, in: frame.file)
            if called == "Getenv" || called == "LookupEnv", names(qualifier, package: "os", in: frame) {
                frame.environmentReaders[name] = called
            }
        case .call(.selector(.name(let qualifier), let function, _), let arguments, _):
            if arguments.isEmpty, text(of: function, in: frame.file) == "New",
                names(qualifier, package: "github.com/spf13/viper", in: frame)
            {
                frame.vipers.insert(name)
            }
        default:
            break
        }
    }

    /// The run condition `condition` is when it reads what only the program's run gives (``readsRunTime``), else nil.
    private mutating func runCondition(_ condition: CobraExpr, in frame: inout Frame) -> CobraRunCondition? {
        guard readsRunTime(condition, in: frame) == true else { return nil }
        let byDefault: Bool? =
            if case .bool(let value)? = defaultValue(condition, in: &frame) { value } else { nil }
        return CobraRunCondition(text: conditionSpelling(of: condition, in: frame.file), byDefault: byDefault)
    }

    /// The opposite of `condition` (an `else`, the rest of a block after an `if` that leaves).
    static func negated(_ condition: CobraRunCondition) -> CobraRunCondition {
        let spaced = containsSpace(condition.text)
        let text =
            condition.text.hasPrefix("!") && !spaced
            ? String(condition.text.dropFirst())
            : spaced ? "!(\(condition.text))" : "!" + condition.text
        return CobraRunCondition(text: text, byDefault: condition.byDefault.map { !$0 })
    }

    /// `text.contains(" ")`, by the bytes when they are ASCII (a space is then a character of its own): conditions
    /// are spelled in ASCII, and walking characters was most of what ``CobraRegistration/covers(_:)`` cost.
    static func containsSpace(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.contains(" ") }
        return bytes.contains(UInt8(ascii: " "))
    }

    /// How a condition is written: names, selectors, calls with their arguments, string literals, `!` and binary
    /// operators; printable ASCII of at most ``CobraRegistration/maximumText`` bytes, else `?`.
    private func conditionSpelling(of expression: CobraExpr, in file: Int) -> String {
        // Each piece is added to one text as it is met (joining the texts of the parts made each piece several times);
        // false when some part is not spelled.
        func spell(_ expression: CobraExpr, depth: Int, into out: inout String) -> Bool {
            guard depth < 12 else { return false }
            switch expression {
            case .name(let name):
                out += text(of: name, in: file)
            case .string(let value):
                guard !value.contains("\""), !value.contains("\\") else { return false }
                out += "\""
                out += value
                out += "\""
            case .opaque(let integer):
                out += integer.map(String.init) ?? "_"
            case .selector(let base, let name, _):
                guard spell(base, depth: depth + 1, into: &out) else { return false }
                out += "."
                out += text(of: name, in: file)
            case .call(let base, let arguments, _):
                guard spell(base, depth: depth + 1, into: &out) else { return false }
                out += "("
                for (offset, argument) in arguments.enumerated() {
                    if offset > 0 { out += ", " }
                    guard spell(argument, depth: depth + 1, into: &out) else { return false }
                }
                out += ")"
            case .unary(.not, let inner):
                var spelled = ""
                guard spell(inner, depth: depth + 1, into: &spelled) else { return false }
                out += Self.containsSpace(spelled) ? "!(" + spelled + ")" : "!" + spelled
            case .binary(let op, let left, let right):
                guard spell(left, depth: depth + 1, into: &out) else { return false }
                switch op {
                case .and: out += " && "
                case .or: out += " || "
                case .equal: out += " == "
                case .notEqual: out += " != "
                case .plus: out += " + "
                case .greater: out += " > "
                default: out += " <op> "
                }
                guard spell(right, depth: depth + 1, into: &out) else { return false }
            case .index(let base, let indices):
                guard spell(base, depth: depth + 1, into: &out) else { return false }
                out += "["
                for (offset, index) in indices.enumerated() {
                    if offset > 0 { out += ":" }
                    guard spell(index, depth: depth + 1, into: &out) else { return false }
                }
                out += "]"
            default:
                return false
            }
            return true
        }
        var spelled = ""
        // Printable ASCII by the bytes: a byte below 0x80 is a scalar of its own.
        guard spell(expression, depth: 0, into: &spelled), spelled.utf8.count <= CobraRegistration.maximumText,
            spelled.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "`") })
        else { return "?" }
        return spelled
    }

    /// Records that a call is reached now: where no run condition of the body reaching it encloses it, it is reached
    /// whenever that body runs (``reachedForSure``).
    private mutating func noteReach(_ call: Int32) {
        let entry = runningEntries.last ?? 0
        let edge = CobraPair(runningCalls.last ?? -1, call)
        if runConditions.count <= entry {
            certainReaches.insert(edge)
        } else if !certainReaches.contains(edge), reachConditions[edge, default: []].count < 16 {
            // Reached under `c` and under `!c` (Execute's `if c { ...; return }` and the rest after it): on every run.
            // Only a new list can make them cover: the same lists were found not to when they were last added to.
            if reachConditions[edge, default: []].insert(Array(runConditions[entry...])).inserted,
                CobraRegistration.covers(reachConditions[edge] ?? [])
            {
                certainReaches.insert(edge)
            }
        }
        // Reached under `c` through one caller and under `!c` through another (k6 0.59.0's `if provisioning {
        // launch(); return }` then `execute()`, both of which build the command line): on every run.
        if !runConditions.isEmpty, !coveredCalls.contains(call), globalReaches[call, default: []].count < 16,
            globalReaches[call, default: []].insert(runConditions).inserted,
            CobraRegistration.covers(globalReaches[call] ?? [])
        {
            coveredCalls.insert(call)
        }
    }

    /// Where a flag or command is registered now (``CobraRegistrationSite``).
    private var registrationSite: CobraRegistrationSite {
        CobraRegistrationSite(conditions: runConditions, calls: runningCalls, entries: runningEntries)
    }

    /// Keeps `site` among `sites`, at most ``CobraRegistrationSite/maximumSites`` as they are; past it, a site stands
    /// for the conditions of the call it is in (which hold wherever that call is reached), as one condition `?` that
    /// the default run decides false when one of them is (review: 33 sites must not make the item registered on
    /// every run).
    private static func insert(_ site: CobraRegistrationSite, into sites: inout Set<CobraRegistrationSite>) {
        if sites.count < CobraRegistrationSite.maximumSites || sites.contains(site) {
            sites.insert(site)
            return
        }
        let local = site.conditions[min(site.entries.last ?? 0, site.conditions.count)...]
        let collapsed =
            local.isEmpty
            ? []
            : [CobraRunCondition(text: "?", byDefault: local.contains { $0.byDefault == false } ? false : nil)]
        sites.insert(CobraRegistrationSite(conditions: collapsed, calls: [], entries: []))
    }

    private mutating func recordFlagRegistration(_ set: CobraFlagSetID, _ name: String) {
        Self.insert(registrationSite, into: &flagRegistrations[CobraFlagKey(set: set, name: name), default: []])
    }

    private mutating func recordChildRegistration(_ parent: CobraSite, _ child: CobraSite) {
        Self.insert(registrationSite, into: &childRegistrations[CobraPair(parent, child), default: []])
    }

    /// The calls reached for sure: from an entry point, through calls each reached where no run condition of its
    /// caller's body encloses it.
    private mutating func settleReaches() {
        var children: [Int32: [Int32]] = [:]
        for pair in certainReaches { children[pair.first, default: []].append(pair.second) }
        var reached: Set<Int32> = []
        var pending: [Int32] = (children[-1] ?? []) + coveredCalls
        while let call = pending.popLast() {
            guard reached.insert(call).inserted else { continue }
            pending.append(contentsOf: children[call] ?? [])
        }
        reachedForSure = reached
    }

    /// Where each flag and command was registered, with the calls reached for sure (read once the run has ended),
    /// apart from the rest of the interpreter: the tree builder asking the interpreter itself, once a flag set and a
    /// command, copied it whole each time.
    var registrations: CobraRegistrationTable {
        CobraRegistrationTable(
            flags: flagRegistrations, children: childRegistrations, reachedForSure: reachedForSure)
    }
}

/// Where the interpreter saw each flag defined and each command added (``CobraRegistrationSite``), and the calls it
/// reached for sure (``CobraInterpreter/registrations``).
struct CobraRegistrationTable: Sendable {
    let flags: [CobraFlagKey: Set<CobraRegistrationSite>]
    let children: [CobraPair<CobraSite>: Set<CobraRegistrationSite>]
    let reachedForSure: Set<Int32>

    /// The conditions that matter at `site`: those inside the innermost call reached for sure.
    private func effectiveConditions(_ site: CobraRegistrationSite) -> [CobraRunCondition] {
        for index in site.calls.indices.reversed() where reachedForSure.contains(site.calls[index]) {
            return Array(site.conditions[min(site.entries[index], site.conditions.count)...])
        }
        return site.conditions
    }

    /// How flag `name` of `set` is registered when only conditions decided when the program runs register it.
    func flag(_ name: String, in set: CobraFlagSetID) -> CobraRegistration? {
        guard let sites = flags[CobraFlagKey(set: set, name: name)] else { return nil }
        return CobraRegistration.of(sites.map(effectiveConditions))
    }

    /// How `child` is added to `parent` when only conditions decided when the program runs add it.
    func child(_ child: CobraSite, of parent: CobraSite) -> CobraRegistration? {
        guard let sites = children[CobraPair(parent, child)] else { return nil }
        return CobraRegistration.of(sites.map(effectiveConditions))
    }
}

extension CobraInterpreter {
    /// Whether `statements` (a branch) end by leaving the block they are in: a `return`, a `goto`, a `break` or
    /// `continue` of a loop.
    fileprivate static func leavesBlock(_ statements: [CobraStatement]) -> Bool {
        switch statements.last {
        case .return?, .jump?, .leave?: return true
        default: return false
        }
    }

    /// The condition under which `clause` of a `switch` runs: the tag equals one of its cases (one of them holds,
    /// without a tag); for `default`, none of the other clauses' does.
    fileprivate static func clauseCondition(tag: CobraExpr?, clause: CobraSwitchClause, of clauses: [CobraSwitchClause])
        -> CobraExpr?
    {
        func matches(_ cases: [CobraExpr]) -> CobraExpr? {
            let each = cases.map { one in tag.map { CobraExpr.binary(.equal, $0, one) } ?? one }
            guard var result = each.first else { return nil }
            for other in each.dropFirst() { result = .binary(.or, result, other) }
            return result
        }
        if let cases = clause.cases { return matches(cases) }
        return matches(clauses.compactMap(\.cases).flatMap { $0 }).map { .unary(.not, $0) }
    }
}
