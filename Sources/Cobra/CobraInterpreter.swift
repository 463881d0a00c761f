import GoSource

/// Where a value was made: a file of the program and a byte offset in it. Every `&cobra.Command{...}` literal and
/// every `pflag.NewFlagSet(...)` call is one abstract object, however often its function runs.
struct CobraSite: Sendable, Hashable, Comparable {
    let file: Int
    let offset: Int

    static func < (lhs: CobraSite, rhs: CobraSite) -> Bool { (lhs.file, lhs.offset) < (rhs.file, rhs.offset) }
}

/// A flag set: one made by `NewFlagSet`, or a command's own local or persistent set.
enum CobraFlagSetID: Sendable, Hashable {
    case made(CobraSite)
    case local(CobraSite)
    case persistent(CobraSite)
}

/// A top-level function or a method of a named type, in one folder (Go package) of the program.
struct CobraFunctionKey: Sendable, Hashable, Comparable {
    let folder: String
    let receiver: String?
    let name: String

    static func < (lhs: CobraFunctionKey, rhs: CobraFunctionKey) -> Bool {
        (lhs.folder, lhs.receiver ?? "", lhs.name) < (rhs.folder, rhs.receiver ?? "", rhs.name)
    }
}

/// What an expression may evaluate to; an expression evaluates to a set of these (empty: unknown).
enum CobraValue: Sendable, Hashable {
    case command(CobraSite)
    case flagSet(CobraFlagSetID)
    /// `flags.Lookup("name")`.
    case flag(CobraFlagSetID, String)
    case function(CobraFunctionKey)
    /// A flag set's flag-defining method used as a value (`fs.Bool` handed to a helper that calls it), which defines
    /// the flag where it is called.
    case flagSetMethod(CobraFlagSetID, String)
    /// A function literal used as a value (`Register(func(c Cli) *cobra.Command { ... })`), run when it is called.
    case closure(CobraSite)
    case string(String)
    case bool(Bool)
    /// `nil`: a branch that needs the value to be non-nil is not taken when it is all a name may hold.
    case nilValue
    /// A value of a named type of the program, for method calls and fields.
    case instance(String)
}

/// A flag as defined: `flags.StringP("name", "n", ...)`.
struct CobraFlagDefinition: Sendable {
    let name: String
    let type: String
    let shorthand: String?
    let file: Int
    let line: Int
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
    var deprecated = false
    /// Whether a feature gate that says experimental hides it (`Hidden: !FeatureGateOCI.IsEnabled()` with
    /// `FeatureGateOCI = gates.Gate("HELM_EXPERIMENTAL_OCI")`).
    var experimental = false
    var children: Set<CobraSite> = []
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

/// The flags of one flag set and the sets added to it.
struct CobraFlagSetInfo: Sendable {
    var flags: [String: CobraFlagDefinition] = [:]
    var includes: Set<CobraFlagSetID> = []
    var deprecated: Set<String> = []
    var hidden: Set<String> = []
    /// Flags given a `NoOptDefVal`: a bare `--flag` takes that value.
    var noOptDefault: Set<String> = []
    /// How many `custom` flag types a later pass replaced by what `Type()` returns.
    var typesRead = 0

    /// Every update only adds (a `custom` type is replaced once, counted in `typesRead`), so the sizes tell whether
    /// an update changed anything.
    var size: (Int, Int, Int, Int, Int, Int) {
        (flags.count, includes.count, deprecated.count, hidden.count, noOptDefault.count, typesRead)
    }
}

/// Runs the functions of a Go program abstractly to find its cobra command tree.
///
/// Values are sets of abstract objects; every effect only adds (a child, a flag, a field value), so running every
/// function until nothing changes reaches a fixpoint whatever the order. A function runs once for each distinct set of
/// argument values it is called with, so a helper such as `addFlag(cmd, "name")` called from many places pairs each
/// command with its own name; branches and loops are all taken; closures are not run (they run when a command runs).
/// A name within a scope: a package-level name in its folder, a field or a method of a named type. Two strings
/// rather than one joined: no joined string is built for each lookup.
private struct ScopedName: Hashable {
    let scope: String
    let name: String
}

/// The functions of a program and where each is declared, with its methods by receiver type and name.
///
/// Its own value, not fields of the interpreter: a method of the interpreter that only reads would take a copy of the
/// whole interpreter from the updating methods that call it, and every table of it would then copy itself on its next
/// update.
private struct Declared {
    /// Where each function is declared: `files[file].functions[index]`.
    var functions: [CobraFunctionKey: (file: Int, index: Int)] = [:]
    /// Methods by receiver type and name (`T.Type`), across folders, for values whose package is not known.
    /// (The first of those declared in several folders, the one a value whose package is not known resolves to.)
    var methods: [ScopedName: CobraFunctionKey] = [:]

    /// The fields of each struct type by type name (the first declared of a name, as for methods).
    var structs: [String: [String: CobraStructField]] = [:]
    /// The embedded fields of each struct type, in declaration order.
    var embedded: [String: [CobraStructField]] = [:]
    /// The types that have methods.
    var receivers: Set<String> = []

    /// The method `name` of `type`: the one declared in `folder`, else the first of any folder.
    func method(_ name: String, of type: String, preferring folder: String) -> CobraFunctionKey? {
        let local = CobraFunctionKey(folder: folder, receiver: type, name: name)
        if functions[local] != nil { return local }
        return methods[ScopedName(scope: type, name: name)]
    }

    /// The method `name` of `type` or, when `type` has none, promoted from the shallowest embedded field that has it
    /// (`opts.Add(f)` with `filter.Options` embedded in `opts`), with the type whose method it is. Embedding is
    /// followed a few levels deep, each type once.
    func methodOrPromoted(_ name: String, of type: String, preferring folder: String)
        -> (key: CobraFunctionKey, receiver: String)?
    {
        var level = [type]
        var seen: Set<String> = [type]
        for _ in 0..<Self.maximumEmbedding {
            var next: [String] = []
            for candidate in level {
                if let key = method(name, of: candidate, preferring: folder) { return (key, candidate) }
                for field in embedded[candidate] ?? [] where seen.insert(field.name).inserted {
                    next.append(field.name)
                }
            }
            if next.isEmpty { return nil }
            level = next
        }
        return nil
    }

    /// The type of field `name` of struct `type` when the program declares that type (a struct of its own or a type
    /// with methods): a method called on the field runs on it. Nil for library types (`*cobra.Command`) and fields
    /// the program does not declare.
    func fieldType(_ name: String, of type: String) -> String? {
        guard let field = structs[type]?[name], !field.type.isCollection, let named = field.type.name,
            structs[named] != nil || receivers.contains(named)
        else { return nil }
        return named
    }

    private static let maximumEmbedding = 8
}

struct CobraInterpreter {
    let paths: [String]
    private let sources: [CobraSourceFile]
    private let files: [CobraFile]
    private let folders: [String]
    private var declared = Declared()
    /// Package name → folders.
    private var packageFolders: [String: [String]] = [:]
    /// For each file, the folders each import name of it refers to (`aliasCmd "example.com/x/pkg/cmd/alias"`).
    private var importFolders: [[String: [String]]] = []

    private(set) var commands: [CobraSite: CobraCommandInfo] = [:]
    private(set) var flagSets: [CobraFlagSetID: CobraFlagSetInfo] = [:]
    /// Notes by location text, so that a construct met in every pass is noted once.
    private(set) var notes: [String: String] = [:]
    /// The `AddCommand` arguments of each command that could not be followed (named in a note by command path).
    private(set) var missingChildren: [CobraSite: Set<CobraMissingChild>] = [:]
    /// Other spellings of flag names by command (`SetGlobalNormalizationFunc`: the command and everything under it)
    /// and by flag set (`SetNormalizeFunc`), old spelling to flag name; see ``CobraNormalization``.
    private(set) var commandSpellings: [CobraSite: [String: String]] = [:]
    private(set) var flagSetSpellings: [CobraFlagSetID: [String: String]] = [:]
    /// Whether some note says that commands or flags were left out.
    private(set) var incomplete = false

    /// Package-level names by folder and name; a name read before anything was assigned to it has a cell without
    /// values.
    private var globals: [ScopedName: Cell] = [:]
    /// Function literals met as values, with the union of what they captured each time.
    private var closures: [CobraSite: Closure] = [:]
    private var runningClosures: Set<CobraSite> = []

    private struct Closure {
        let literal: GoFunctionLiteral
        let folder: String
        var captured: [String: Set<CobraValue>]
    }
    /// Fields of the program's types by type and field name.
    private var fields: [ScopedName: Cell] = [:]
    /// Each call: what it returns, and whether it ran in the current pass.
    private var calls: [CallKey: CallState] = [:]
    /// The functions that ran in some context in the current pass.
    private var evaluatedFunctions: Set<CobraFunctionKey> = []
    private var changed = false
    /// The current pass, from 1. The package names, fields, call results and closures a pass reads are marked with
    /// it; `changedAfterRead` says whether an update changed one of them after it was read. When none did, the next
    /// pass would read what this one read, run exactly as this one ran, change nothing and note the same: the state
    /// is already the fixpoint and that pass is left out.
    private var pass = 0
    private var readClosures: Set<CobraSite> = []
    private var changedAfterRead = false
    /// How many `if` branches that may or may not run enclose what runs now. What is hidden there is hidden only in
    /// some runs (docker hides the commands its daemon does not support), so help shows it by default: not hidden.
    private var undecidedBranches = 0

    /// The values of a package-level name or a field, and the last pass that read it.
    private struct Cell {
        /// Nil until something is assigned (a package-level name without values is not a package qualifier).
        var values: Set<CobraValue>?
        var readInPass = 0

        mutating func read(in pass: Int) -> Set<CobraValue>? {
            readInPass = pass
            return values
        }

        /// Adds `new`; true when that changed the values.
        mutating func add(_ new: Set<CobraValue>) -> Bool {
            let old = values ?? []
            guard !new.isSubset(of: old) else { return false }
            values = old.union(new)
            return true
        }
    }

    /// What a call returns and the passes that ran it and read its result.
    private struct CallState {
        var returned: Set<CobraValue> = []
        var ranInPass = 0
        var readInPass = 0
    }
    /// The functions that build commands or flags and those that call them (by name); `entryPoints` are those of
    /// them no other function of the program calls, which run first with unknown parameters.
    private var relevant: [CobraFunctionKey] = []
    private var entryPoints: [CobraFunctionKey] = []

    /// A function and the argument values of one call.
    private struct CallKey: Hashable {
        let function: CobraFunctionKey
        let arguments: [Set<CobraValue>]
    }

    /// The frame of the function being run.
    private struct Frame {
        var key: CallKey?
        var file: Int
        var folder: String
        var locals: [String: Set<CobraValue>] = [:]
        /// What an immediately-called function literal returns (nil in a declared function: see `returns`).
        var literalReturns: Set<CobraValue>?
    }

    private static let maximumPasses = 12
    private static let maximumCallDepth = 64
    private var callDepth = 0

    init(files: [(path: String, source: CobraSourceFile)]) {
        paths = files.map(\.path)
        sources = files.map(\.source)
        self.files = sources.map(\.file)
        folders = files.map { file in
            guard let slash = file.path.lastIndex(of: "/") else { return "" }
            return String(file.path[..<slash])
        }
        // A `package main` cannot be imported: an import path that ends like one (`tool/v3/tool` and the program in
        // `tool/`) names another folder.
        let programs = Set(zip(folders, sources).filter { $0.1.file.package == "main" }.map(\.0))
        let folderSet = Set(folders.filter { !$0.isEmpty && !programs.contains($0) })
        var importCache: [String: [String]] = [:]
        declared.functions.reserveCapacity(self.files.reduce(0) { $0 + $1.functions.count })
        for (index, file) in self.files.enumerated() {
            let folder = folders[index]
            if !file.package.isEmpty, packageFolders[file.package]?.contains(folder) != true {
                packageFolders[file.package, default: []].append(folder)
            }
            var byName: [String: [String]] = [:]
            for (name, path) in file.imports {
                let matching = Self.folders(importedAs: path, among: folderSet, cache: &importCache)
                guard !matching.isEmpty else { continue }
                let local = name ?? path.split(separator: "/").last.map(String.init) ?? path
                byName[local, default: []] += matching
            }
            importFolders.append(byName)
            for (name, fields) in file.structs where declared.structs[name] == nil {
                declared.structs[name] = Dictionary(
                    fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
                declared.embedded[name] = fields.filter(\.isEmbedded)
            }
            for (position, function) in file.functions.enumerated() {
                let key = CobraFunctionKey(folder: folder, receiver: function.receiver?.type, name: function.name)
                // `init` may appear in every file; the others are unique in a package that compiles.
                let unique =
                    function.name == "init" || function.name == "_"
                    ? CobraFunctionKey(
                        folder: folder, receiver: "\u{0}init\(index):\(function.position.offset)", name: function.name)
                    : key
                if declared.functions[unique] == nil {
                    declared.functions[unique] = (index, position)
                    if let receiver = function.receiver?.type {
                        declared.receivers.insert(receiver)
                        let method = ScopedName(scope: receiver, name: function.name)
                        if declared.methods[method].map({ unique < $0 }) ?? true { declared.methods[method] = unique }
                    }
                }
            }
        }
    }

    /// The folders of the program an import path names: the folder itself or one its path ends with (the module
    /// path comes first), each path worked out once from its trailing components. A module's major-version element
    /// is no folder (`example.com/tool/v3/cmd` is the folder `tool/cmd` of the module in `tool/`), so the path is also
    /// matched without it.
    private static func folders(importedAs path: String, among folders: Set<String>, cache: inout [String: [String]])
        -> [String]
    {
        if let known = cache[path] { return known }
        var matching: [String] = []
        let elements = path.split(separator: "/", omittingEmptySubsequences: false)
        let unversioned = elements.enumerated().filter { index, element in
            index == 0 || element.count < 2 || element.first != "v" || element.dropFirst().contains { !$0.isNumber }
        }.map { String($0.element) }.joined(separator: "/")
        for spelled in unversioned == path ? [path] : [path, unversioned] {
            var suffix = Substring(spelled)
            while true {
                if folders.contains(String(suffix)) && !matching.contains(String(suffix)) {
                    matching.append(String(suffix))
                }
                guard let slash = suffix.firstIndex(of: "/") else { break }
                suffix = suffix[suffix.index(after: slash)...]
            }
        }
        matching.sort()
        cache[path] = matching
        return matching
    }

    private static func function(_ location: (file: Int, index: Int), in files: [CobraFile]) -> CobraFunction {
        files[location.file].functions[location.index]
    }

    /// The functions that build commands or flags, and, by name, every function that calls one of them; the others
    /// run only when one of these calls them (their effects cannot reach the command tree any other way). Also the
    /// functions each function name is mentioned by (only names of the program's functions).
    private func relevantFunctions() -> (relevant: [CobraFunctionKey], mentioning: [String: [CobraFunctionKey]]) {
        let names = Set(declared.functions.keys.map(\.name))
        var mentioning: [String: [CobraFunctionKey]] = [:]
        var relevant: Set<CobraFunctionKey> = []
        for (key, location) in declared.functions {
            let function = Self.function(location, in: files)
            if function.buildsCommands { relevant.insert(key) }
            for name in function.calls where names.contains(name) { mentioning[name, default: []].append(key) }
        }
        var pending = Array(Set(relevant.map(\.name)))
        var seen = Set(pending)
        while let name = pending.popLast() {
            for key in mentioning[name] ?? [] where relevant.insert(key).inserted {
                if seen.insert(key.name).inserted { pending.append(key.name) }
            }
        }
        return (relevant.sorted(), mentioning)
    }

    /// Runs package-level declarations and every function until nothing changes.
    mutating func run() {
        let (relevant, mentioning) = relevantFunctions()
        self.relevant = relevant
        // Only functions mention function names, so a name nobody mentions is one no function calls.
        entryPoints = relevant.filter { mentioning[$0.name] == nil }
        for _ in 0..<Self.maximumPasses {
            changed = false
            pass += 1
            evaluatedFunctions = []
            notes = [:]
            missingChildren = [:]
            incomplete = false
            readClosures = []
            changedAfterRead = false
            for (index, file) in files.enumerated() {
                var frame = Frame(key: nil, file: index, folder: folders[index])
                for binding in file.bindings {
                    let values = binding.values.map { evaluate($0, in: &frame) }
                    for (offset, name) in binding.names.enumerated() where name != "_" {
                        var value = values.count == binding.names.count ? values[offset] : Self.union(values)
                        if values.isEmpty, let type = binding.type, let instance = Self.instance(of: type) {
                            value = [instance]
                        }
                        addGlobal(name, folder: folders[index], value)
                    }
                }
            }
            for key in entryPoints where !evaluatedFunctions.contains(key) {
                _ = call(key, receiver: nil, arguments: [])
            }
            // A function whose callers could not be followed still runs once, with unknown parameters.
            for key in relevant where !evaluatedFunctions.contains(key) {
                _ = call(key, receiver: nil, arguments: [])
            }
            if !changed || !changedAfterRead { return }
        }
    }

    // MARK: Notes

    /// Notes `message` at a place; `leavesOut` when what could not be followed may add commands or flags.
    private mutating func note(_ message: String, file: Int, line: Int, leavesOut: Bool = true) {
        if leavesOut { incomplete = true }
        let location = "\(paths[file]):\(line)"
        notes[location + " " + message] = "\(location): \(message)"
    }

    // MARK: Effects

    private mutating func addGlobal(_ name: String, folder: String, _ values: Set<CobraValue>) {
        let key = ScopedName(scope: folder, name: name)
        guard !values.isEmpty else { return }
        if globals[key, default: Cell()].add(values) {
            changed = true
            if globals[key]?.readInPass == pass { changedAfterRead = true }
        }
    }

    private mutating func addField(_ type: String, _ field: String, _ values: Set<CobraValue>) {
        let key = ScopedName(scope: type, name: field)
        guard !values.isEmpty else { return }
        if fields[key, default: Cell()].add(values) {
            changed = true
            if fields[key]?.readInPass == pass { changedAfterRead = true }
        }
    }

    /// Updates a command in place (no copy of its sets); every update only adds, so comparing the fields and the
    /// number of children tells whether it changed anything.
    private mutating func updateCommand(_ site: CobraSite, _ update: (inout CobraCommandInfo) -> Void) {
        guard
            let before = commands[site].map({
                ($0.hasUse, $0.use, $0.aliases, $0.hidden, $0.deprecated, $0.children.count)
            })
        else { return }
        update(&commands[site, default: CobraCommandInfo(file: 0, line: 0)])
        guard let after = commands[site] else { return }
        if before != (after.hasUse, after.use, after.aliases, after.hidden, after.deprecated, after.children.count) {
            changed = true
        }
    }

    /// Updates a flag set in place; every update only adds, so its sizes tell whether it changed anything.
    private mutating func updateFlagSet(_ id: CobraFlagSetID, _ update: (inout CobraFlagSetInfo) -> Void) {
        guard let before = flagSets[id]?.size else {
            update(&flagSets[id, default: CobraFlagSetInfo()])
            changed = true
            return
        }
        update(&flagSets[id, default: CobraFlagSetInfo()])
        if let after = flagSets[id]?.size, after == before { return }
        changed = true
    }

    // MARK: Calls

    /// Changes the state of `call` in place (one lookup), creating it when absent.
    private mutating func modifyCall<Result>(_ call: CallKey, _ change: (inout CallState) -> Result) -> Result {
        change(&calls[call, default: CallState()])
    }

    /// Runs a function literal that was kept as a value, with what it captured and `arguments` for its parameters.
    private mutating func callClosure(_ site: CobraSite, arguments: [Set<CobraValue>]) -> Set<CobraValue> {
        readClosures.insert(site)
        guard let closure = closures[site], !runningClosures.contains(site),
            callDepth < Self.maximumCallDepth
        else { return [] }
        runningClosures.insert(site)
        callDepth += 1
        defer {
            runningClosures.remove(site)
            callDepth -= 1
        }
        // A key marks the frame as a function's (so assignments to package names reach the globals).
        let key = CallKey(
            function: CobraFunctionKey(folder: closure.folder, receiver: "\u{0}closure", name: "\(site.offset)"),
            arguments: arguments)
        var frame = Frame(key: key, file: site.file, folder: closure.folder, locals: closure.captured)
        frame.literalReturns = []
        for (index, name) in closure.literal.parameterNames.enumerated() where name != "_" && !name.isEmpty {
            frame.locals[name] = index < arguments.count ? arguments[index] : []
        }
        execute(closure.literal.body, in: &frame)
        return frame.literalReturns ?? []
    }

    private mutating func call(_ key: CobraFunctionKey, receiver: CobraValue?, arguments values: [Set<CobraValue>])
        -> Set<CobraValue>
    {
        guard let location = declared.functions[key] else { return [] }
        let (file, index) = (location.file, location.index)
        let parameters = files[file].functions[index].parameters
        let receiver = files[file].functions[index].receiver
        let count = parameters.count
        var stored = Array(values.prefix(count)) + Array(repeating: [], count: max(0, count - values.count))
        // A variadic parameter takes every remaining argument.
        if values.count > count, count > 0 {
            stored[count - 1].formUnion(Self.union(Array(values[count...])))
        }
        let call = CallKey(function: key, arguments: stored)
        let pass = self.pass
        let tooDeep = callDepth >= Self.maximumCallDepth
        let known = modifyCall(call) { state -> Set<CobraValue>? in
            guard state.ranInPass == pass || tooDeep else {
                state.ranInPass = pass
                return nil
            }
            // What a call still running (recursion) or not run (too deep) returns may grow later in this pass. The
            // result read after the body ran cannot: only the call's own frame adds to it, once a pass.
            state.readInPass = pass
            return state.returned
        }
        if let known { return known }
        evaluatedFunctions.insert(key)
        callDepth += 1
        defer { callDepth -= 1 }
        var frame = Frame(key: call, file: file, folder: key.folder)
        if let receiver {
            if let name = receiver.name { frame.locals[name] = receiver.type.isEmpty ? [] : [.instance(receiver.type)] }
        }
        for (index, parameter) in parameters.enumerated() {
            var value = stored[index]
            if let instance = Self.instance(of: parameter.type) { value.insert(instance) }
            frame.locals[parameter.name] = value
        }
        execute(sources[file].body(of: index), in: &frame)
        return calls[call]?.returned ?? []
    }

    private static func instance(of type: CobraType) -> CobraValue? {
        guard type.qualifier == nil, !type.isCollection, let name = type.name, !Self.predeclared.contains(name) else {
            return nil
        }
        return .instance(name)
    }

    /// Go's predeclared types: a parameter of one holds what the caller passes (`false`, `nil`), not an instance.
    private static let predeclared: Set<String> = [
        "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune", "error", "any",
    ]

    // MARK: Statements

    private mutating func execute(_ statements: [GoStatement], in frame: inout Frame) {
        let undecided = undecidedBranches
        for statement in statements {
            execute(statement, in: &frame)
            // After `if os.Getenv(...) == "" { return f(c) }`, the rest of the block runs only in some runs; after
            // `if err != nil { return err }` it is what runs.
            if case .conditional(_, let condition?, let then, _) = statement, case .return? = then.last,
                !Self.isErrorCheck(condition)
            {
                undecidedBranches += 1
            }
        }
        undecidedBranches = undecided
    }

    private mutating func execute(_ statement: GoStatement, in frame: inout Frame) {
        switch statement {
        case .expression(let expression):
            _ = evaluate(expression, in: &frame)
        case .assign(let targets, let op, let sources):
            let values = sources.map { evaluate($0, in: &frame) }
            for (offset, target) in targets.enumerated() {
                let value = values.count == targets.count ? values[offset] : Self.union(values)
                assign(value, to: target, define: op == ":=", in: &frame)
            }
        case .declare(let names, let type, let sources):
            let values = sources.map { evaluate($0, in: &frame) }
            for (offset, name) in names.enumerated() {
                var value = values.count == names.count ? values[offset] : Self.union(values)
                if values.isEmpty, let type, let instance = Self.instance(of: CobraType(type)) { value = [instance] }
                frame.locals[name] = value
            }
        case .return(let results):
            let value = Self.union(results.map { evaluate($0, in: &frame) })
            if let returned = frame.literalReturns {
                frame.literalReturns = returned.union(value)
            } else if let key = frame.key, !value.isEmpty {
                let pass = self.pass
                let grew = modifyCall(key) { state -> Bool in
                    guard !value.isSubset(of: state.returned) else { return false }
                    state.returned.formUnion(value)
                    return true
                }
                if grew {
                    changed = true
                    if calls[key]?.readInPass == pass { changedAfterRead = true }
                }
            }
        case .range(let names, let collection, let body):
            let elements = evaluate(collection, in: &frame)
            for (offset, name) in names.enumerated() {
                guard case .name(let variable, _) = name, variable != "_" else { continue }
                frame.locals[variable] = offset == 1 ? elements : []
            }
            execute(body, in: &frame)
        case .block(let statements):
            execute(statements, in: &frame)
        case .conditional(let header, let condition, let then, let otherwise):
            execute(header, in: &frame)
            // Not `condition.flatMap { truth(...) }`: that closure copies the interpreter, and its dictionaries then
            // copy themselves on the next update.
            var holds: Bool?
            if let condition { holds = truth(of: condition, in: &frame) }
            if holds == nil { undecidedBranches += 1 }
            if holds != false { execute(then, in: &frame) }
            if holds != true { execute(otherwise, in: &frame) }
            if holds == nil { undecidedBranches -= 1 }
        }
    }

    /// Whether `condition` is certainly true or certainly false with what its names may hold; nil when it may be
    /// either. Only constants and `nil` decide: a helper called with `false` or `nil` skips what it guards. A call's
    /// result never decides: what it returns is only the part of its results the interpreter could follow
    /// (`return false` beside `return enabled`).
    private mutating func truth(of condition: GoExpr, in frame: inout Frame) -> Bool? {
        switch condition {
        case .call:
            _ = evaluate(condition, in: &frame)
            return nil
        case .unary("!", let operand):
            return truth(of: operand, in: &frame).map { !$0 }
        case .binary("&&", let left, let right):
            let (lhs, rhs) = (truth(of: left, in: &frame), truth(of: right, in: &frame))
            if lhs == false || rhs == false { return false }
            return lhs == true && rhs == true ? true : nil
        case .binary("||", let left, let right):
            let (lhs, rhs) = (truth(of: left, in: &frame), truth(of: right, in: &frame))
            if lhs == true || rhs == true { return true }
            return lhs == false && rhs == false ? false : nil
        case .binary(let op, let left, .name("nil", _)) where op == "==" || op == "!=",
            .binary(let op, .name("nil", _), let left) where op == "==" || op == "!=":
            let values = evaluate(left, in: &frame)
            let isNil: Bool?
            if values == [.nilValue] {
                isNil = true
            } else if !values.isEmpty && !values.contains(.nilValue) && values.allSatisfy(Self.isReference) {
                isNil = false
            } else {
                isNil = nil
            }
            return isNil.map { op == "==" ? $0 : !$0 }
        default:
            let values = evaluate(condition, in: &frame)
            if values == [.bool(true)] { return true }
            if values == [.bool(false)] { return false }
            return nil
        }
    }

    /// Whether `condition` compares something with nil (`err != nil`, `cmd == nil`): a block it leaves early is
    /// the failure path.
    private static func isErrorCheck(_ condition: GoExpr) -> Bool {
        switch condition {
        case .binary("||", let left, let right), .binary("&&", let left, let right):
            return isErrorCheck(left) || isErrorCheck(right)
        case .binary(let op, _, .name("nil", _)), .binary(let op, .name("nil", _), _):
            return op == "!=" || op == "=="
        default:
            return false
        }
    }

    /// Values that are never nil: commands, flag sets and instances the program made.
    private static func isReference(_ value: CobraValue) -> Bool {
        switch value {
        case .command, .flagSet, .flag, .instance, .function, .closure, .flagSetMethod: return true
        case .string, .bool, .nilValue: return false
        }
    }

    private mutating func assign(_ value: Set<CobraValue>, to target: GoExpr, define: Bool, in frame: inout Frame) {
        switch target {
        case .name(let name, _):
            guard name != "_" else { return }
            if define || frame.locals[name] != nil || frame.key == nil {
                frame.locals[name] = define ? value : (frame.locals[name] ?? []).union(value)
            } else {
                addGlobal(name, folder: frame.folder, value)
            }
        case .selector(let base, let field, _):
            for object in evaluate(base, in: &frame) {
                switch object {
                case .instance(let type):
                    addField(type, field, value)
                case .command(let site):
                    setCommandField(site, field, value, fromLiteral: false)
                case .flag(let set, let name):
                    if field == "Hidden", value.contains(.bool(true)) {
                        if undecidedBranches == 0 { updateFlagSet(set) { $0.hidden.insert(name) } }
                    } else if field == "Deprecated", value.contains(where: Self.isNonEmptyString) {
                        updateFlagSet(set) { $0.deprecated.insert(name) }
                    } else if field == "NoOptDefVal", value != [.string("")] {
                        updateFlagSet(set) { $0.noOptDefault.insert(name) }
                    }
                default:
                    continue
                }
            }
        default:
            _ = evaluate(target, in: &frame)
        }
    }

    /// `&T{...}` as `T{...}`: an elided element type may be a pointer (`[]*Group{{...}}`).
    private static func withoutAddress(_ expression: GoExpr) -> GoExpr {
        if case .unary("&", let operand) = expression { return operand }
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

    private mutating func setCommandField(
        _ site: CobraSite, _ field: String, _ value: Set<CobraValue>, fromLiteral: Bool
    ) {
        switch field {
        case "Use":
            let strings = Self.strings(in: value)
            updateCommand(site) { info in
                info.hasUse = true
                info.use.add(strings, unresolved: strings.isEmpty, fromLiteral: fromLiteral)
            }
        case "Aliases":
            let strings = Self.strings(in: value)
            updateCommand(site) { $0.aliases.add(strings, unresolved: false, fromLiteral: fromLiteral) }
        case "Hidden":
            if value.contains(.bool(true)), undecidedBranches == 0 { updateCommand(site) { $0.hidden = true } }
        case "Deprecated":
            // A deprecation message is deprecation whatever its text, even one built at run time.
            if value.isEmpty || value.contains(where: Self.isNonEmptyString) {
                updateCommand(site) { $0.deprecated = true }
            }
        case "Short":
            // The help line users read says so (`Short: "[deprecated] Gets ..."`, etcd's way before `Deprecated:`).
            if Self.strings(in: value).contains(where: Self.saysDeprecated) {
                updateCommand(site) { $0.deprecated = true }
            }
        case "Long":
            if Self.strings(in: value).contains(where: CobraHelpText.longHelpSaysDeprecated) {
                updateCommand(site) { $0.deprecated = true }
            }
        case "Run", "RunE", "PreRun", "PreRunE":
            if runsDeprecationNotice(value) { updateCommand(site) { $0.deprecated = true } }
        default:
            break
        }
    }

    /// Whether `condition` (a command's `Hidden`) names a feature gate that says experimental: a name or string in it,
    /// or in the value of a package-level name of `folder` it names, contains `experimental`.
    private func gateSaysExperimental(_ condition: GoExpr, folder: String) -> Bool {
        let (names, strings) = CobraHelpText.namesAndStrings(in: condition)
        guard !names.isEmpty || !strings.isEmpty else { return false }
        if (names + strings).contains(where: CobraHelpText.saysExperimental) { return true }
        for (index, file) in files.enumerated() where folders[index] == folder {
            for binding in file.bindings where !Set(binding.names).isDisjoint(with: names) {
                let found = binding.values.map(CobraHelpText.namesAndStrings(in:))
                if found.contains(where: { $0.strings.contains(where: CobraHelpText.saysExperimental) }) { return true }
            }
        }
        return false
    }

    /// Whether a function a command runs (`Run: restoreFunc`, `RunE: func(...) error { ... }`) prints a deprecation
    /// notice at every run (`CobraHelpText.printsDeprecation`).
    private func runsDeprecationNotice(_ value: Set<CobraValue>) -> Bool {
        value.contains { function in
            switch function {
            case .function(let key):
                guard let location = declared.functions[key] else { return false }
                return CobraHelpText.printsDeprecation(sources[location.file].body(of: location.index))
            case .closure(let site):
                return closures[site].map { CobraHelpText.printsDeprecation($0.literal.body) } ?? false
            default:
                return false
            }
        }
    }

    private static func strings(in values: Set<CobraValue>) -> Set<String> {
        Set(
            values.compactMap { value in
                if case .string(let text) = value { return text }
                return nil
            })
    }

    private static func union(_ sets: [Set<CobraValue>]) -> Set<CobraValue> {
        sets.reduce(into: Set<CobraValue>()) { $0.formUnion($1) }
    }

    // MARK: Expressions

    private mutating func evaluate(_ expression: GoExpr, in frame: inout Frame) -> Set<CobraValue> {
        switch expression {
        case .name(let name, _):
            return lookup(name, in: frame)
        case .string(let text, _):
            return [.string(text)]
        case .literal, .type:
            return []
        case .function(let literal):
            // Remember what the literal sees, so that a call of it later (from a list of constructors) runs it.
            let site = CobraSite(file: frame.file, offset: literal.position.offset)
            var closure = closures[site] ?? Closure(literal: literal, folder: frame.folder, captured: [:])
            var grew = false
            for (name, value) in frame.locals where !value.isSubset(of: closure.captured[name] ?? []) {
                closure.captured[name, default: []].formUnion(value)
                grew = true
            }
            if grew || closures[site] == nil {
                closures[site] = closure
                changed = true
                if readClosures.contains(site) { changedAfterRead = true }
            }
            return [.closure(site)]
        case .unary(_, let operand):
            return evaluate(operand, in: &frame)
        case .binary(let op, let left, let right):
            let lhs = evaluate(left, in: &frame)
            let rhs = evaluate(right, in: &frame)
            guard op == "+" else { return [] }
            let leftStrings = Self.strings(in: lhs)
            let rightStrings = Self.strings(in: rhs)
            if rightStrings.isEmpty, !leftStrings.isEmpty, leftStrings.count <= 16,
                leftStrings.allSatisfy(Self.hasCompleteFirstWord)
            {
                // `"list [flags] [" + kinds + "]"`: the unknown part cannot change the first word (a Use's name).
                return Set(leftStrings.map(CobraValue.string))
            }
            guard !leftStrings.isEmpty, !rightStrings.isEmpty, leftStrings.count * rightStrings.count <= 16 else {
                return []
            }
            return Set(leftStrings.flatMap { left in rightStrings.map { CobraValue.string(left + $0) } })
        case .index(let base, let indices):
            for index in indices { _ = evaluate(index, in: &frame) }
            return evaluate(base, in: &frame)
        case .selector(let base, let name, _):
            if case .name(let qualifier, _) = base, isPackage(qualifier, in: frame) {
                return packageMember(qualifier, name, file: frame.file)
            }
            var result: Set<CobraValue> = []
            for object in evaluate(base, in: &frame) {
                if case .flagSet(let id) = object, CobraFlagMethod(name) != nil {
                    result.insert(.flagSetMethod(id, name))
                    continue
                }
                guard case .instance(let type) = object else { continue }
                let pass = self.pass
                result.formUnion(fields[ScopedName(scope: type, name: name), default: Cell()].read(in: pass) ?? [])
                if let method = declared.methodOrPromoted(name, of: type, preferring: frame.folder) {
                    result.insert(.function(method.key))
                } else if let fieldType = declared.fieldType(name, of: type) {
                    // A struct-typed field is a value of its type even when the program never assigns it.
                    result.insert(.instance(fieldType))
                }
            }
            return result
        case .composite(let type, let elements, let position):
            return composite(type.map(CobraType.init), elements, position: position, elementType: nil, in: &frame)
        case .call(let callee, let arguments, _, let position):
            return evaluateCall(callee, arguments, position: position, in: &frame)
        }
    }

    private mutating func lookup(_ name: String, in frame: Frame) -> Set<CobraValue> {
        if let local = frame.locals[name] { return local }
        if name == "true" { return [.bool(true)] }
        if name == "false" { return [.bool(false)] }
        if name == "nil" { return [.nilValue] }
        if let global = global(frame.folder, name) { return global }
        let key = CobraFunctionKey(folder: frame.folder, receiver: nil, name: name)
        if declared.functions[key] != nil { return [.function(key)] }
        return []
    }

    /// The values of package-level name `name` of `folder` (nil when none was assigned), noted as read in this pass.
    private mutating func global(_ folder: String, _ name: String) -> Set<CobraValue>? {
        let pass = self.pass
        return globals[ScopedName(scope: folder, name: name), default: Cell()].read(in: pass)
    }

    /// Whether `name` names an imported package here rather than a variable.
    private mutating func isPackage(_ name: String, in frame: Frame) -> Bool {
        frame.locals[name] == nil && global(frame.folder, name) == nil
            && declared.functions[CobraFunctionKey(folder: frame.folder, receiver: nil, name: name)] == nil
    }

    /// A name of an imported package: by the file's import, else by package clause.
    private mutating func packageMember(_ package: String, _ name: String, file: Int) -> Set<CobraValue> {
        var result: Set<CobraValue> = []
        for folder in importFolders[file][package] ?? packageFolders[package] ?? [] {
            result.formUnion(global(folder, name) ?? [])
            let key = CobraFunctionKey(folder: folder, receiver: nil, name: name)
            if declared.functions[key] != nil { result.insert(.function(key)) }
        }
        return result
    }

    /// A composite literal's value. `elementType` is the type an enclosing literal gives the elements whose type it
    /// elides (`Group` in `[]Group{{Title: ...}}`; the named type itself for a named collection such as `Groups`).
    private mutating func composite(
        _ type: CobraType?, _ elements: [GoElement], position: GoPosition, elementType: CobraType?,
        in frame: inout Frame
    ) -> Set<CobraValue> {
        let type = type ?? elementType
        if type?.name == "Command", let qualifier = type?.qualifier, files[frame.file].cobraNames.contains(qualifier),
            type?.isCollection == false
        {
            let site = CobraSite(file: frame.file, offset: position.offset)
            if commands[site] == nil {
                commands[site] = CobraCommandInfo(file: frame.file, line: position.line)
                changed = true
            }
            for element in elements {
                guard case .name(let field, _)? = element.key else { continue }
                let value = evaluate(element.value, in: &frame)
                setCommandField(site, field, value, fromLiteral: true)
                if field == "Hidden", gateSaysExperimental(element.value, folder: frame.folder) {
                    updateCommand(site) { $0.experimental = true }
                }
            }
            return [.command(site)]
        }
        var values: [Set<CobraValue>] = []
        // The elements of a collection, or of a named type that may be one, take its element type when they elide it.
        let inner = type.flatMap {
            $0.name == nil ? nil : CobraType(name: $0.name, qualifier: $0.qualifier, isCollection: false)
        }
        for element in elements {
            if let key = element.key { _ = evaluate(key, in: &frame) }
            if case .composite(nil, let nested, let nestedPosition) = Self.withoutAddress(element.value) {
                values.append(composite(nil, nested, position: nestedPosition, elementType: inner, in: &frame))
            } else {
                values.append(evaluate(element.value, in: &frame))
            }
        }
        if let type, !type.isCollection, let name = type.name {
            var result: Set<CobraValue> = [.instance(name)]
            for (element, value) in zip(elements, values) {
                if case .name(let field, _)? = element.key {
                    addField(name, field, value)
                } else if element.key == nil {
                    result.formUnion(value)
                }
            }
            return result
        }
        return Self.union(values)
    }

    private mutating func evaluateCall(
        _ callee: GoExpr, _ arguments: [GoExpr], position: GoPosition, in frame: inout Frame
    ) -> Set<CobraValue> {
        let values = arguments.map { evaluate($0, in: &frame) }
        switch callee {
        case .name("append", _):
            return Self.union(values)
        case .name(let name, _) where frame.locals[name] == nil && ["new", "make", "len", "cap"].contains(name):
            return []
        case .function(let literal):
            // `func() *cobra.Command { ... }()` runs where it is written, seeing the enclosing function's names.
            var inner = frame
            inner.literalReturns = []
            execute(literal.body, in: &inner)
            for (name, value) in inner.locals where frame.locals[name] != nil {
                frame.locals[name] = value
            }
            return inner.literalReturns ?? []
        case .selector(let base, let method, let selectorPosition):
            if case .name(let qualifier, _) = base, isPackage(qualifier, in: frame) {
                if method == "NewFlagSet" {
                    let id = CobraFlagSetID.made(CobraSite(file: frame.file, offset: position.offset))
                    updateFlagSet(id) { _ in }
                    return [.flagSet(id)]
                }
                if qualifier == "fmt", method == "Sprintf" {
                    return Self.sprintf(values)
                }
                var result: Set<CobraValue> = []
                let functions = packageMember(qualifier, method, file: frame.file).compactMap {
                    value -> CobraFunctionKey? in
                    if case .function(let key) = value { return key }
                    return nil
                }
                for key in functions {
                    result.formUnion(call(key, receiver: nil, arguments: values))
                }
                if functions.isEmpty && !Self.libraryPackages.contains(qualifier)
                    && !files[frame.file].cobraNames.contains(qualifier)
                {
                    noteUnfollowed(
                        "\(qualifier).\(method) is not defined in the files read", values, file: frame.file,
                        line: selectorPosition.line)
                }
                return result
            }
            var result: Set<CobraValue> = []
            let objects = evaluate(base, in: &frame)
            var followed = false
            for object in objects {
                let context = CallContext(file: frame.file, line: selectorPosition.line, arguments: arguments)
                result.formUnion(callMethod(method, on: object, values, context, folder: frame.folder))
                if case .instance(let type) = object {
                    followed = followed || declared.methodOrPromoted(method, of: type, preferring: frame.folder) != nil
                } else {
                    followed = true
                }
            }
            if !followed {
                let reason =
                    objects.isEmpty
                    ? "\(Self.spelling(of: callee)) is called on a value that cannot be followed"
                    : "\(Self.spelling(of: callee)) is not defined in the files read"
                noteUnfollowed(reason, values, file: frame.file, line: selectorPosition.line)
            }
            return result
        default:
            var result: Set<CobraValue> = []
            var followed = false
            for value in evaluate(callee, in: &frame) {
                switch value {
                case .function(let key):
                    followed = true
                    result.formUnion(call(key, receiver: nil, arguments: values))
                case .closure(let site):
                    followed = true
                    result.formUnion(callClosure(site, arguments: values))
                case .flagSetMethod(let id, let method):
                    followed = true
                    let context = CallContext(file: frame.file, line: position.line, arguments: arguments)
                    result.formUnion(flagSetMethod(method, id, values, context))
                default:
                    continue
                }
            }
            if !followed {
                noteUnfollowed(
                    "\(Self.spelling(of: callee)) is not defined in the files read", values, file: frame.file,
                    line: position.line)
            }
            return result
        }
    }

    /// `fmt.Sprintf` of constant strings: each `%` verb takes the next argument's string. A verb whose argument is not
    /// one known string stays as written, so `Sprintf("get %s", name)` still gives a `Use` whose first word is `get`;
    /// results that begin with a verb are left out (the name is unknown).
    static func sprintf(_ values: [Set<CobraValue>]) -> Set<CobraValue> {
        guard let formats = values.first.map(strings), !formats.isEmpty, formats.count <= 16 else { return [] }
        let arguments = values.dropFirst().map { value -> String? in
            let texts = strings(in: value)
            return texts.count == 1 ? texts.first : nil
        }
        var result: Set<CobraValue> = []
        for format in formats {
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
            let first = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first ?? ""
            if !first.isEmpty && !first.contains("%") { result.insert(.string(text)) }
        }
        return result
    }

    /// The packages whose functions only read or annotate commands and flags (`cobra.MarkFlagFilename`).
    private static let libraryPackages: Set<String> = ["cobra", "pflag", "flag"]

    /// A call the program's files do not define receives a command or flag set: what it adds is unknown.
    private mutating func noteUnfollowed(_ reason: String, _ values: [Set<CobraValue>], file: Int, line: Int) {
        let handsOver = values.contains { value in
            value.contains { object in
                switch object {
                case .command, .flagSet, .flagSetMethod: return true
                default: return false
                }
            }
        }
        guard handsOver else { return }
        note(
            "\(reason), so the commands or flags it adds to the command or flag set passed to it are not in the "
                + "surface (add the file that defines it to 'files')", file: file, line: line)
    }

    /// A short spelling of a callee for notes: `settings.AddFlags`, `addFlags`, `f(...)`.
    private static func spelling(of callee: GoExpr) -> String {
        switch callee {
        case .name(let name, _): return name
        case .selector(let base, let name, _): return spelling(of: base) + "." + name
        case .call(let base, _, _, _): return spelling(of: base) + "(...)"
        default: return "a function value"
        }
    }

    /// Where a method call is, and its argument expressions (to say which one could not be followed).
    private struct CallContext {
        let file: Int
        let line: Int
        let arguments: [GoExpr]
    }

    private mutating func callMethod(
        _ method: String, on object: CobraValue, _ values: [Set<CobraValue>], _ context: CallContext, folder: String
    ) -> Set<CobraValue> {
        switch object {
        case .command(let site):
            return commandMethod(method, site, values, context)
        case .flagSet(let id):
            return flagSetMethod(method, id, values, context)
        case .instance(let type):
            guard let found = declared.methodOrPromoted(method, of: type, preferring: folder) else { return [] }
            return call(
                found.key, receiver: found.receiver == type ? object : .instance(found.receiver), arguments: values)
        case .function, .closure, .flag, .string, .bool, .nilValue, .flagSetMethod:
            return []
        }
    }

    private mutating func commandMethod(
        _ method: String, _ site: CobraSite, _ values: [Set<CobraValue>], _ context: CallContext
    ) -> Set<CobraValue> {
        switch method {
        case "Flags", "LocalFlags", "LocalNonPersistentFlags":
            return [.flagSet(.local(site))]
        case "PersistentFlags":
            return [.flagSet(.persistent(site))]
        case "AddCommand", "SetHelpCommand":
            // `SetHelpCommand(c)` attaches `c` as the command's `help` subcommand, in place of cobra's own.
            for (offset, value) in values.enumerated() {
                let children = value.compactMap { object -> CobraSite? in
                    if case .command(let child) = object { return child }
                    return nil
                }
                if children.isEmpty {
                    let spelled =
                        context.arguments.indices.contains(offset)
                        ? Self.spelling(of: context.arguments[offset]) : "argument \(offset + 1)"
                    missingChildren[site, default: []].insert(
                        CobraMissingChild(file: context.file, line: context.line, spelled: spelled))
                }
                updateCommand(site) { $0.children.formUnion(children) }
            }
            return []
        case "SetGlobalNormalizationFunc":
            let spellings = normalization(values, context)
            if !spellings.isEmpty { commandSpellings[site, default: [:]].merge(spellings) { old, _ in old } }
            return []
        case "MarkFlagDeprecated", "MarkFlagHidden":
            return flagSetMethod(
                "Mark" + method.dropFirst("MarkFlag".count), .local(site), values, context)
        case "MarkPersistentFlagDeprecated", "MarkPersistentFlagHidden":
            return flagSetMethod(
                "Mark" + method.dropFirst("MarkPersistentFlag".count), .persistent(site), values, context)
        default:
            return []
        }
    }

    private mutating func flagSetMethod(
        _ method: String, _ id: CobraFlagSetID, _ values: [Set<CobraValue>], _ context: CallContext
    ) -> Set<CobraValue> {
        switch method {
        case "AddFlagSet":
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
            return []
        case "MarkDeprecated", "MarkHidden", "MarkShorthandDeprecated":
            let names = values.first.map(Self.strings) ?? []
            if names.isEmpty {
                note(
                    "\(method) names a flag that cannot be resolved statically", file: context.file,
                    line: context.line, leavesOut: false)
            }
            if method == "MarkDeprecated" {
                updateFlagSet(id) { $0.deprecated.formUnion(names) }
            } else if method == "MarkHidden", undecidedBranches == 0 {
                updateFlagSet(id) { $0.hidden.formUnion(names) }
            }
            return []
        case "SetAnnotation":
            // `flags.SetAnnotation(name, "deprecated", nil)`: docker's convention for a deprecated flag (its docs
            // and help mark it so); other annotations say nothing users can see.
            guard values.count >= 2, Self.strings(in: values[1]).contains("deprecated") else { return [] }
            let names = Self.strings(in: values[0])
            if names.isEmpty {
                note(
                    "SetAnnotation names a flag that cannot be resolved statically", file: context.file,
                    line: context.line, leavesOut: false)
            }
            updateFlagSet(id) { $0.deprecated.formUnion(names) }
            return []
        case "SetNormalizeFunc":
            let spellings = normalization(values, context)
            if !spellings.isEmpty { flagSetSpellings[id, default: [:]].merge(spellings) { old, _ in old } }
            return []
        case "AddGoFlagSet", "AddGoFlag":
            note(
                "\(method) adds Go standard-library flags, which are not followed; they are not in the surface",
                file: context.file, line: context.line)
            return []
        case "Lookup":
            return Set((values.first.map(Self.strings) ?? []).map { CobraValue.flag(id, $0) })
        default:
            guard let shape = CobraFlagMethod(method) else { return [] }
            return define(shape, in: id, values, context)
        }
    }

    /// The spellings the normalization function passed as the first argument maps, or a note when it cannot be read.
    private mutating func normalization(_ values: [Set<CobraValue>], _ context: CallContext) -> [String: String] {
        var spellings: [String: String] = [:]
        var followed = false
        for case .function(let key) in values.first ?? [] {
            guard let location = declared.functions[key] else { continue }
            followed = true
            let file = sources[location.file].file
            let mapped = CobraNormalization.spellings(of: file.functions[location.index], in: file.go)
            spellings.merge(mapped.spellings) { old, _ in old }
            if !mapped.complete {
                note(
                    "the flag name normalization function maps more than \(CobraNormalization.maximumSpellings) "
                        + "names; the others are not in the surface", file: context.file, line: context.line,
                    leavesOut: false)
            }
        }
        if !followed {
            note(
                "the flag name normalization function cannot be followed; other spellings of flag names it accepts "
                    + "are not in the surface", file: context.file, line: context.line, leavesOut: false)
        }
        return spellings
    }

    private mutating func define(
        _ shape: CobraFlagMethod, in id: CobraFlagSetID, _ values: [Set<CobraValue>], _ context: CallContext
    ) -> Set<CobraValue> {
        guard shape.nameIndex < values.count else { return [] }
        let names = Self.strings(in: values[shape.nameIndex])
        guard names.count == 1, let name = names.first, !name.contains("%") else {
            let spelled =
                context.arguments.indices.contains(shape.nameIndex) ? " (argument \(shape.nameIndex + 1))" : ""
            note(
                "the name of a \(shape.type) flag\(spelled) is not a constant string; the flag is not in the surface",
                file: context.file, line: context.line)
            return []
        }
        var shorthand: String?
        if let index = shape.shorthandIndex, index < values.count {
            let shorthands = Self.strings(in: values[index])
            if shorthands.count == 1, let only = shorthands.first {
                shorthand = only.isEmpty ? nil : only
            } else {
                note(
                    "the shorthand of flag --\(name) is not a constant string; recorded as unknown",
                    file: context.file, line: context.line, leavesOut: false)
                shorthand = "?"
            }
        }
        var type = shape.type
        if shape.isCustom, let value = values.first {
            type = valueType(of: value, folder: folders[context.file]) ?? type
        }
        let definition = CobraFlagDefinition(
            name: name, type: type, shorthand: shorthand, file: context.file, line: context.line)
        updateFlagSet(id) { info in
            // A custom type's `Type()` may be read only in a later pass, when its value has reached the definition.
            if info.flags[name] == nil {
                info.flags[name] = definition
            } else if info.flags[name]?.type == "custom" && type != "custom" {
                info.typesRead += 1
                info.flags[name] = definition
            }
        }
        if Self.usageSaysDeprecated(shape, values) { updateFlagSet(id) { $0.deprecated.insert(name) } }
        return shape.returnsFlag ? [.flag(id, name)] : []
    }

    /// Whether a flag definition's usage text says the flag is deprecated (`CobraHelpText.usageSaysDeprecated`).
    private static func usageSaysDeprecated(_ shape: CobraFlagMethod, _ values: [Set<CobraValue>]) -> Bool {
        let index = shape.usageIndex(arguments: values.count)
        guard values.indices.contains(index) else { return false }
        return strings(in: values[index]).contains(where: CobraHelpText.usageSaysDeprecated)
    }
}

extension CobraInterpreter {
    /// What the `Type()` method of a custom flag value returns, when every type the value may have returns the same
    /// constant string (pflag shows it in help and users see it as the flag's type); nil otherwise.
    fileprivate mutating func valueType(of value: Set<CobraValue>, folder: String) -> String? {
        var types: Set<String> = []
        for case .instance(let type) in value {
            guard let key = declared.method("Type", of: type, preferring: folder) else { return nil }
            let returned = Self.strings(in: call(key, receiver: .instance(type), arguments: []))
            guard returned.count == 1, let only = returned.first else { return nil }
            types.insert(only)
        }
        return types.count == 1 ? types.first : nil
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
