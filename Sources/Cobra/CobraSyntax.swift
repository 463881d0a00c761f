import GoSource
import Synchronization

/// A type as far as the interpreter follows it: the named type it denotes (`cmdRun` for `*cmdRun`), and whether
/// values of it hold elements (slices, arrays, maps).
struct CobraType: Sendable, Hashable {
    /// The type's name without pointer or package: `Command` for `*cobra.Command`, of the elements for a collection
    /// (`Group` for `[]Group`, the value's for a map); nil for unnamed types.
    let name: String?
    /// The package qualifier, if any: `cobra` for `*cobra.Command`.
    let qualifier: String?
    /// True for slices, arrays and maps.
    let isCollection: Bool
}

extension CobraType {
    /// What a Go type denotes for the interpreter: pointers are looked through, collections give their elements'.
    init(_ type: GoType) {
        switch type {
        case .named(let package, let name, _):
            self.init(name: name, qualifier: package, isCollection: false)
        case .pointer(let element):
            self.init(element)
        case .slice(let element), .array(_, let element), .map(_, let element):
            let inner = CobraType(element)
            self.init(name: inner.name, qualifier: inner.qualifier, isCollection: true)
        default:
            self.init(name: nil, qualifier: nil, isCollection: false)
        }
    }
}

/// A top-level function or method with its parameter types; its body is read when the interpreter first runs it.
/// Names are numbered in its file's ``CobraNameTable``.
struct CobraFunction: Sendable {
    let name: CobraLocalName
    /// The receiver's variable name (nil for none and `_`) and type name (and whether that is empty), for methods.
    let receiver: (name: CobraLocalName?, type: CobraLocalName, typeIsEmpty: Bool)?
    let parameters: [(name: CobraLocalName, type: CobraTypeRef)]
    /// The declaration as `GoParser` read it (its body still tokens).
    let declaration: GoFunction
    let position: GoPosition
    /// Whether the body itself makes commands or flags (a `cobra.Command` literal, `AddCommand`, a flag definition).
    let buildsCommands: Bool
    /// The names the body mentions (calls, functions passed as values, closures included): a function is relevant
    /// when it mentions one that builds commands.
    let calls: Set<CobraLocalName>

    init(_ function: GoFunction, tokens: [GoToken], cobraNames: Set<String>, names: inout CobraNameTable) {
        name = names.intern(function.name)
        receiver = function.receiver.map { receiver in
            (
                receiver.name.flatMap { $0 == "_" ? nil : names.intern($0) }, names.intern(receiver.typeName),
                receiver.typeName.isEmpty
            )
        }
        parameters = function.signature.parameters.compactMap { parameter in
            guard let name = parameter.name, !name.isEmpty else { return nil }
            return (names.intern(name), CobraTypeRef(CobraType(parameter.type), names: &names, cobraNames: cobraNames))
        }
        declaration = function
        position = function.position
        var scan = CallScan(cobraNames: cobraNames)
        if let body = function.body { scan.visit(tokens, body) }
        buildsCommands = scan.buildsCommands
        calls = Set(scan.calls.map { names.intern($0) })
    }
}

/// Finds, from a body's tokens alone (without reading its statements), what it mentions and whether it builds
/// commands or flags itself.
private struct CallScan {
    /// The names the file gives the cobra package (``CobraFile/cobraNames``).
    let cobraNames: Set<String>
    var buildsCommands = false
    var calls: Set<String> = []

    /// Methods that change a command tree or a flag set.
    private static let building: Set<String> = [
        "AddCommand", "AddFlagSet", "AddFlag", "NewFlagSet", "PersistentFlags", "MarkDeprecated", "MarkHidden",
        "MarkFlagDeprecated", "MarkFlagHidden", "MarkPersistentFlagDeprecated", "MarkPersistentFlagHidden",
        "SetAnnotation",
    ]
    /// Fields whose assignment changes a command or flag (`cmd.Use = ...`, `flag.Hidden = true`).
    private static let fields: Set<String> = [
        "Use", "Aliases", "Hidden", "Deprecated", "NoOptDefVal", "DisableFlagParsing", "Version",
    ]

    mutating func visit(_ tokens: [GoToken], _ range: Range<Int>) {
        for index in range where tokens[index].kind == .identifier {
            let text = tokens[index].text
            calls.insert(text)
            guard !buildsCommands, index > range.lowerBound, index + 1 < range.upperBound,
                tokens[index - 1].isOperator(".")
            else { continue }
            let after = tokens[index + 1]
            if after.isOperator("(") {
                if Self.building.contains(text) || CobraFlagMethod(text) != nil { buildsCommands = true }
            } else if after.kind == .operator, Self.fields.contains(text), after.text.hasSuffix("="),
                !["==", "!=", "<=", ">="].contains(after.text)
            {
                buildsCommands = true
            } else if text == "Command", after.isOperator("{"), index >= 2,
                cobraNames.contains(tokens[index - 2].text)
            {
                // `cobra.Command{...}`, not a collection of them (`[]*cobra.Command{...}`).
                var before = index - 3
                if before >= 0, tokens[before].isOperator("*") { before -= 1 }
                if before < 0 || !tokens[before].isOperator("]") { buildsCommands = true }
            }
        }
    }
}

/// A field of a struct type the program declares: `Excludes filter.Options`, or an embedded `*Options` (named by
/// its type).
struct CobraStructField: Sendable {
    let name: CobraLocalName
    let type: CobraTypeRef
    let isEmbedded: Bool
    /// Whether the field's type is a pointer (`Net *NetGroup`): a literal that leaves it out leaves it nil.
    var isPointer = false
    /// For a slice, array or map field, whether its elements are values of a named type (`[]Group`, not `[]*Group`):
    /// a `range` over it copies each (review R89c).
    var elementsCopied = false

    /// Whether the elements of a collection of `type` are values of a named type other than `any` and `error` (which
    /// hold what they are given, not copies of it).
    static func elementsCopied(_ type: GoType) -> Bool {
        switch type {
        case .slice(let element), .array(_, let element), .map(_, let element):
            if case .named(let package, let name, _) = element {
                return package != nil || (name != "any" && name != "error")
            }
            return false
        default:
            return false
        }
    }
}

/// A package-level `var` or `const` declaration.
struct CobraBinding: Sendable {
    let names: [CobraLocalName]
    let type: CobraTypeRef?
    let values: [CobraExpr]
    let isConstant: Bool
    let position: GoPosition
}

/// The declarations of one Go file the cobra extractor interprets, as the Go parser (`GoParser`) read them, with their
/// names numbered in the file's ``CobraNameTable``.
struct CobraFile: Sendable {
    let go: GoFile
    let package: CobraLocalName
    /// The file's imports: the name it gives each (nil when it uses the package's own name) and the import path.
    let imports: [(name: String?, path: String)]
    /// The names under which the file refers to cobra: `cobra`, and the name it imports cobra or a drop-in fork of it
    /// under (`coral` for github.com/muesli/coral, `cc` for `cc "github.com/spf13/cobra"`).
    let cobraNames: Set<String>
    /// The same names, numbered.
    let cobraNameIDs: Set<CobraLocalName>
    /// Import paths of cobra and of forks that keep its API (`coral.Command{Use: ...}` builds a cobra command).
    static let cobraPaths: Set<String> = ["github.com/spf13/cobra", "github.com/muesli/coral"]
    /// The names under which the file imports pflag (`pflag`, or `flag` for `flag "github.com/spf13/pflag"`), numbered:
    /// `pflag.CommandLine` and pflag's package-level definitions (`pflag.StringVarP(...)`) are its global flag set's.
    let pflagNameIDs: Set<CobraLocalName>
    /// pflag's import path.
    static let pflagPath = "github.com/spf13/pflag"
    /// Whether the file names `RemoveCommand`, `ResetCommands` or `ResetFlags` (cobra's methods that take commands or
    /// flags away): only then does the interpreter record the order of what adds them (``CobraSteps``).
    let takesAway: Bool
    /// Whether the file calls a method named `Commands` (`root.Commands()`): cobra's sorts the command's subcommands by
    /// name in place, so the order in which a typed word finds them (``CobraCommandOrder``) may be that one.
    let callsCommands: Bool
    /// The offsets of the `(` of the calls whose last argument is spread (`root.AddCommand(cmds...)`): that argument is
    /// several values, each passed, where another argument that may be one of several values is one of them.
    let spreadCalls: Set<Int>
    let functions: [CobraFunction]
    let bindings: [CobraBinding]
    /// The struct types the file declares, with their fields: a method called on a field (`opts.Excludes.Add(f)`)
    /// or promoted from an embedded one runs on the field's type.
    let structs: [(name: CobraLocalName, fields: [CobraStructField])]
    /// The slice and array types the file declares of a named element type (`type Options []Option`): the elements
    /// of their literals are values of that type (`Options{{Name: "addr"}}`). `byValue`: the elements are the values
    /// themselves, not pointers to them (`[]Option`, not `[]*Option`), so `range` gives a copy of each.
    let collections: [(name: CobraLocalName, element: CobraLocalName, byValue: Bool)]
    /// Problems met while reading the declarations and package-level values; the rest of the file still counts.
    let errors: [GoSyntaxError]
    /// The names the declarations number (function bodies number more as they are read).
    let names: CobraNameTable
    /// The file's `//go:build` (or `// +build`) constraint, normalized (``GoBuildConstraintText``); nil without one.
    let buildConstraint: String?

    /// The offsets of the `(` of the calls in `tokens` whose last argument is spread: `...` followed by `)`, or by `,`
    /// and `)` (an array type's `[...]` and a variadic parameter's `...T` are followed by neither).
    static func spreadCalls(in tokens: [GoToken]) -> Set<Int> {
        var spread: Set<Int> = []
        var open: [Int] = []
        for index in tokens.indices {
            switch tokens[index].symbol {
            case .leftParen?: open.append(tokens[index].position.offset)
            case .rightParen?: _ = open.popLast()
            case .ellipsis?:
                var next = index + 1
                if next < tokens.count, tokens[next].symbol == .comma { next += 1 }
                if next < tokens.count, tokens[next].symbol == .rightParen, let call = open.last { spread.insert(call) }
            default: continue
            }
        }
        return spread
    }

    /// Whether `tag` is a Go release tag (`go1.21`), which every Go release since that one sets.
    static func isReleaseTag(_ tag: String) -> Bool {
        tag.hasPrefix("go1.") && tag.count > 4 && tag.dropFirst(4).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `constraint` without the Go release tags its alternatives need: `go1.19` holds for every Go release since, so a
    /// file that needs one builds everywhere the program does (`(linux && go1.11) || (darwin && go1.11)` is `linux ||
    /// darwin`); nil when an alternative needs nothing else (every build).
    static func withoutReleaseTags(_ constraint: String) -> String? {
        var alternatives: [String] = []
        for alternative in CobraBuildTable.disjuncts(of: constraint) {
            let parts = CobraBuildTable.conjuncts(of: CobraExtractor.unparenthesized(alternative))
                .filter { !isReleaseTag($0) }
            if parts.isEmpty { return nil }
            alternatives.append(parts.joined(separator: " && "))
        }
        let parenthesized = alternatives.map { alternatives.count > 1 && $0.contains(" && ") ? "(" + $0 + ")" : $0 }
        return GoBuildConstraintText.normalized(parenthesized.joined(separator: " || "))
    }

    /// The declarations of `go`; package-level values are read as expressions at once (they are few).
    init(_ go: GoFile) {
        self.go = go
        imports = go.imports.map { ($0.name, $0.path) }
        buildConstraint = go.buildConstraint.flatMap(GoBuildConstraintText.normalized).flatMap(
            Self.withoutReleaseTags)
        var cobraNames: Set<String> = ["cobra"]
        for (name, path) in imports where Self.cobraPaths.contains(path) && name != "_" && name != "." {
            cobraNames.insert(name ?? String(path.split(separator: "/").last ?? "cobra"))
        }
        self.cobraNames = cobraNames
        takesAway = go.tokens.indices.contains { index in
            guard case .identifier = go.tokens[index].kind else { return false }
            // By byte length first (13, 13 and 10): `==` is canonical equivalence, and of ASCII letters only K has an
            // equivalent spelled otherwise (U+212A), which none of the three names holds.
            let text = go.tokens[index].text
            switch text.utf8.count {
            case 13: return text == "RemoveCommand" || text == "ResetCommands"
            case 10: return text == "ResetFlags"
            default: return false
            }
        }
        callsCommands = go.tokens.indices.contains { index in
            guard case .identifier = go.tokens[index].kind, go.tokens[index].text.utf8.count == 8,
                go.tokens[index].text == "Commands", index > 0, index + 1 < go.tokens.count
            else { return false }
            return go.tokens[index - 1].text == "." && go.tokens[index + 1].text == "("
        }
        spreadCalls = Self.spreadCalls(in: go.tokens)
        var lowering = CobraLowering(names: .seeded, cobraNames: cobraNames)
        package = lowering.names.intern(go.packageName)
        cobraNameIDs = Set(cobraNames.map { lowering.names.intern($0) })
        pflagNameIDs = Set(
            imports.filter { $0.path == Self.pflagPath && $0.name != "_" && $0.name != "." }.map {
                lowering.names.intern($0.name ?? "pflag")
            })
        var functions: [CobraFunction] = []
        var bindings: [CobraBinding] = []
        var structs: [(name: CobraLocalName, fields: [CobraStructField])] = []
        var collections: [(name: CobraLocalName, element: CobraLocalName, byValue: Bool)] = []
        var errors = go.errors
        for declaration in go.declarations {
            switch declaration {
            case .function(let function):
                functions.append(
                    CobraFunction(function, tokens: go.tokens, cobraNames: cobraNames, names: &lowering.names))
            case .value(let spec):
                var values: [CobraExpr] = []
                for value in spec.values {
                    switch GoParser.expression(value, in: go) {
                    case .success(let expression): values.append(lowering.expression(expression))
                    case .failure(let error): errors.append(error)
                    }
                }
                bindings.append(
                    CobraBinding(
                        names: spec.names.map { lowering.names.intern($0) }, type: spec.type.map { lowering.type($0) },
                        values: values, isConstant: spec.isConstant, position: spec.position))
            case .type(let spec):
                guard !spec.isAlias else { continue }
                switch spec.type {
                case .slice(let element), .array(_, let element):
                    let plain = CobraType(element)
                    if let name = plain.name, plain.qualifier == nil, !plain.isCollection {
                        // A type parameter may stand for a pointer type (`type List[T any] []T`).
                        var byValue = spec.typeParameters.isEmpty
                        if case .pointer = element { byValue = false }
                        collections.append((lowering.names.intern(spec.name), lowering.names.intern(name), byValue))
                    }
                    continue
                default:
                    break
                }
                guard case .structure(let fields) = spec.type else { continue }
                var members: [CobraStructField] = []
                for field in fields {
                    let plain = CobraType(field.type)
                    let type = lowering.type(field.type)
                    if field.names.isEmpty {
                        if let name = plain.name, !plain.isCollection {
                            members.append(
                                CobraStructField(name: lowering.names.intern(name), type: type, isEmbedded: true))
                        }
                    } else {
                        let isPointer: Bool
                        if case .pointer = field.type { isPointer = true } else { isPointer = false }
                        let elementsCopied = CobraStructField.elementsCopied(field.type)
                        members += field.names.map {
                            CobraStructField(
                                name: lowering.names.intern($0), type: type, isEmbedded: false, isPointer: isPointer,
                                elementsCopied: elementsCopied)
                        }
                    }
                }
                structs.append((lowering.names.intern(spec.name), members))
            }
        }
        self.structs = structs
        self.collections = collections
        self.functions = functions
        self.bindings = bindings
        self.errors = errors.sorted { $0.position < $1.position }
        names = lowering.names
    }
}

/// One Go file read for the cobra extractor: its declarations by `GoParser` at once, each function body when the
/// interpreter first runs it (or `errors` asks). Make one per blob and reuse it: a body is read once however many
/// revisions share the blob, and one that is never run is never read.
public final class CobraSourceFile: Sendable {
    let file: CobraFile
    /// The names numbered so far (the declarations' and those of the bodies read), and the bodies read so far by
    /// index in `file.functions`: the statements, or the error that stopped the reading.
    private let state: Mutex<(names: CobraNameTable, bodies: [Result<[CobraStatement], GoSyntaxError>?])>
    /// The numbers of the file's names in the last ``Numbering`` that ran it (by its serial), as far as they were
    /// translated.
    private let translation = Mutex<(serial: Int, numbers: [CobraLocalName])>((0, []))
    /// What `CobraHelpText.noticeGuards` found in the bodies of functions (key `-1 - index`) and function literals (key:
    /// the literal's offset) that commands run, worked out once for the blob.
    private let guards = Mutex<[Int: [CobraExpr]]>([:])
    /// The names of the fields the file assigns `nil` (``CobraInterpreter/fieldsAssignedNil(in:)`` of its tokens),
    /// worked out once for the blob: a revision's set is the union over its files.
    private let nilFields = Mutex<[CobraFieldStatement: Int]?>(nil)
    /// The statements that may give a field a value (``CobraFieldWrites/statements(in:functions:)``), worked out once
    /// for the blob.
    private let fieldStatements = Mutex<[CobraFieldStatement: Int]?>(nil)
    /// The fields that are targets of an assignment with more than one target (``CobraFieldWrites/assignedTogether(in:)``),
    /// worked out once for the blob.
    private let togetherFields = Mutex<Set<String>?>(nil)
    /// The types whose whole value a statement gives through a pointer (``CobraFieldWrites/replacedThroughPointer(in:)``),
    /// worked out once for the blob.
    private let pointerReplacedTypes = Mutex<Set<String>?>(nil)
    /// By function (index in `file.functions`), the parameters its body may change and the names it binds
    /// (``CobraInterpreter`` `parametersWritten`, `namesBound`), worked out once for the blob.
    private let writtenParameters = Mutex<[Int: Set<CobraLocalName>]>([:])
    private let boundNames = Mutex<[Int: Set<String>]>([:])

    /// Reads `source`'s declarations; problems become `errors` and the rest of the file still counts.
    public init(source: String) {
        file = CobraFile(GoParser.parse(source))
        state = Mutex((file.names, Array(repeating: nil, count: file.functions.count)))
    }

    /// True when the file never builds (`//go:build ignore`, the convention for generators and examples): what it
    /// declares is no part of the program.
    public var neverBuilds: Bool { file.go.buildConstraint == "ignore" }

    /// The numbers of the file's names in the numbering `serial`, as far as a run remembered them.
    func numbers(in serial: Int) -> [CobraLocalName] {
        translation.withLock { $0.serial == serial ? $0.numbers : [] }
    }

    /// Remembers the numbers of the file's names in the numbering `serial`.
    func remember(_ numbers: [CobraLocalName], in serial: Int) {
        translation.withLock { $0 = (serial, numbers) }
    }

    /// Every problem in the file, every function body read for it, in order.
    public var errors: [GoSyntaxError] {
        for index in file.functions.indices { _ = body(of: index) }
        return errorsRead
    }

    /// The problems in the declarations and in the bodies read so far: what the surface can depend on (a body that
    /// was never run cannot add commands or flags).
    var errorsRead: [GoSyntaxError] {
        let read = state.withLock { state in
            state.bodies.compactMap { result -> GoSyntaxError? in
                if case .failure(let error)? = result { return error }
                return nil
            }
        }
        return (file.errors + read).sorted { $0.position < $1.position }
    }

    /// The statements of function `index`, read on first use; a body that cannot be read does nothing.
    func body(of index: Int) -> [CobraStatement] {
        if let known = state.withLock({ $0.bodies[index] }) { return (try? known.get()) ?? [] }
        let read = GoParser.body(of: file.functions[index].declaration, in: file.go)
        return state.withLock { state in
            if let known = state.bodies[index] { return (try? known.get()) ?? [] }
            var lowering = CobraLowering(names: state.names, cobraNames: file.cobraNames)
            lowering.function = file.functions[index].declaration.body.map { (file.go.tokens, $0) }
            let lowered = read.map { lowering.statements($0) }
            state.names = lowering.names
            state.bodies[index] = lowered
            return (try? lowered.get()) ?? []
        }
    }

    /// The names of the fields the file assigns `nil` (``CobraInterpreter/fieldsAssignedNil(in:)``).
    var fieldsAssignedNil: [CobraFieldStatement: Int] {
        if let known = nilFields.withLock({ $0 }) { return known }
        let found = CobraInterpreter.fieldsAssignedNil(in: file.go.tokens, functions: file.functions.map(\.declaration))
        nilFields.withLock { $0 = found }
        return found
    }

    /// The fields that are targets of an assignment with more than one target (``CobraFieldWrites/assignedTogether(in:)``).
    /// The types whose whole value a statement gives through a pointer (``CobraFieldWrites/replacedThroughPointer(in:)``).
    var typesReplacedThroughPointer: Set<String> {
        if let known = pointerReplacedTypes.withLock({ $0 }) { return known }
        let found = CobraFieldWrites.replacedThroughPointer(in: file.go.tokens)
        pointerReplacedTypes.withLock { $0 = found }
        return found
    }

    var fieldsAssignedTogether: Set<String> {
        if let known = togetherFields.withLock({ $0 }) { return known }
        let found = CobraFieldWrites.assignedTogether(in: file.go.tokens)
        togetherFields.withLock { $0 = found }
        return found
    }

    /// The statements that may give a field a value (``CobraFieldWrites/statements(in:functions:)``).
    var fieldWriteStatements: [CobraFieldStatement: Int] {
        if let known = fieldStatements.withLock({ $0 }) { return known }
        let found = CobraFieldWrites.statements(in: file.go.tokens, functions: file.functions.map(\.declaration))
        fieldStatements.withLock { $0 = found }
        return found
    }

    /// The parameters function `index`'s body may change (``CobraInterpreter/collectWritten(_:into:)`` of its body).
    func parametersWritten(ofFunction index: Int) -> Set<CobraLocalName> {
        if let known = writtenParameters.withLock({ $0[index] }) { return known }
        var found: Set<CobraLocalName> = []
        CobraInterpreter.collectWritten(body(of: index), into: &found)
        writtenParameters.withLock { $0[index] = found }
        return found
    }

    /// The names function `index` binds, by text (``CobraInterpreter/namesBound(ofFunction:in:written:text:)``).
    func namesBound(ofFunction index: Int) -> Set<String> {
        if let known = boundNames.withLock({ $0[index] }) { return known }
        let found = CobraInterpreter.namesBound(
            ofFunction: index, in: file, written: parametersWritten(ofFunction: index), text: text(of:))
        boundNames.withLock { $0[index] = found }
        return found
    }

    /// The text of name `local`: the declarations' table, else the names the bodies read so far numbered.
    private func text(of local: CobraLocalName) -> String {
        Int(local) < file.names.names.count ? file.names.names[Int(local)] : name(local)
    }

    /// `CobraHelpText.noticeGuards` of function `index`'s body.
    func noticeGuards(ofFunction index: Int) -> [CobraExpr] {
        noticeGuards(key: -1 - index) { body(of: index) }
    }

    /// `CobraHelpText.noticeGuards` of the function literal `literal` of this file.
    func noticeGuards(of literal: CobraLiteral) -> [CobraExpr] {
        noticeGuards(key: literal.position.offset) { literal.body }
    }

    private func noticeGuards(key: Int, _ statements: () -> [CobraStatement]) -> [CobraExpr] {
        if let known = guards.withLock({ $0[key] }) { return known }
        let found = CobraHelpText.noticeGuards(statements())
        guards.withLock { $0[key] = found }
        return found
    }

    /// For `semgate init`: the names of other packages that a command literal's `Use` is (`Use: common.CommandCLI`,
    /// review I2), by import path.
    public func useReferences() -> [(path: String, name: String)] {
        let tokens = file.go.tokens
        guard tokens.count > 4 else { return [] }
        var wanted: [(path: String, name: String)] = []
        for index in 2..<(tokens.count - 2)
        where tokens[index - 2].kind == .identifier && tokens[index - 2].text == "Use"
            && tokens[index - 1].isOperator(":") && tokens[index].kind == .identifier
            && tokens[index + 1].isOperator(".")
        {
            wanted.append((tokens[index].text, tokens[index + 2].text))
        }
        guard !wanted.isEmpty else { return [] }
        let imported = Dictionary(
            file.imports.compactMap { entry -> (String, String)? in
                guard let local = entry.name ?? CobraText.lastElement(of: entry.path).map(String.init) else {
                    return nil
                }
                return (local, entry.path)
            }, uniquingKeysWith: { first, _ in first })
        return wanted.compactMap { reference in imported[reference.path].map { ($0, reference.name) } }
    }

    /// For `semgate init`: the exported package-level values of other packages the file refers to as values, not
    /// as calls nor as the type of a literal (`fs.ConfigOptionsInfo` in `flags.AddFromOptions(set, "",
    /// fs.ConfigOptionsInfo)`, `rc.DefaultOpt`), by import path, up to `limit` of them.
    public func valueReferences(limit: Int = 1_024) -> [(path: String, name: String)] {
        let imported = Dictionary(
            file.imports.compactMap { entry -> (String, String)? in
                guard let local = entry.name ?? CobraText.lastElement(of: entry.path).map(String.init),
                    local != "_", local != "."
                else { return nil }
                return (local, entry.path)
            }, uniquingKeysWith: { first, _ in first })
        guard !imported.isEmpty else { return [] }
        let tokens = file.go.tokens
        var found: [(path: String, name: String)] = []
        var seen: Set<String> = []
        for index in tokens.indices.dropLast(2) where found.count < limit {
            guard tokens[index].kind == .identifier, let path = imported[tokens[index].text],
                tokens[index + 1].isOperator("."), tokens[index + 2].kind == .identifier,
                tokens[index + 2].text.first?.isUppercase == true,
                index == 0 || !tokens[index - 1].isOperator(".")
            else { continue }
            if index + 3 < tokens.count, tokens[index + 3].isOperator("(") || tokens[index + 3].isOperator("{") {
                continue
            }
            let name = tokens[index + 2].text
            if seen.insert(path + "\u{0}" + name).inserted { found.append((path, name)) }
        }
        return found
    }

    /// For `semgate init`: the package-level variables the file binds to a composite literal (`var OptionsInfo =
    /// fs.Options{{...}}`, `var DefaultOpt = Options{...}`), each with the import path of the literal's type when
    /// another package declares it (nil for the file's own package).
    public var tableBindings: [(name: String, typePath: String?)] {
        var found: [(name: String, typePath: String?)] = []
        for binding in file.bindings where !binding.isConstant {
            for (id, value) in zip(binding.names, binding.values) {
                var expression = value
                if case .unary(.address, let operand) = expression { expression = operand }
                guard case .composite(let type, _, _) = expression else { continue }
                let qualifier = type?.qualifier.map { file.names.names[Int($0)] }
                let path = qualifier.flatMap { qualifier in
                    file.imports.first {
                        ($0.name ?? CobraText.lastElement(of: $0.path).map(String.init)) == qualifier
                    }?
                    .path
                }
                found.append((file.names.names[Int(id)], path))
            }
        }
        return found
    }

    /// The text of name `id` (one the declarations or a body read so far numbered).
    func name(_ id: CobraLocalName) -> String {
        state.withLock { $0.names.names[Int(id)] }
    }
}

/// A statement `x.Field = v` a file spells (``CobraInterpreter/fieldsAssignedNil(in:functions:)``,
/// ``CobraFieldWrites/statements(in:functions:)``): the field, the line, and the type of `x` when it is known (the
/// receiver of the method around it).
struct CobraFieldStatement: Sendable, Hashable {
    let field: String
    let line: Int
    let type: String?
}

/// A `x.Field = v` statement the run made, by file (index), line and field.
struct CobraNilRun: Sendable, Hashable {
    let file: Int
    let line: Int
    let field: String
}

/// A field of a type of the program, by their names.
struct CobraTypedField: Sendable, Hashable {
    let type: String
    let field: String
}
