import GoSource
import Synchronization

/// A name (identifier, field, method, type or package name) of one source file, by its index in the file's own
/// ``CobraNameTable``: the interpreter compares and hashes these integers instead of strings, and a file's numbers do
/// not change when other files change.
typealias CobraLocalName = Int32

/// The distinct names of one source file (or of one interpreter run), each numbered once in order of first use.
/// Every table numbers the names the interpreter itself looks for first, in the same order (``CobraKnown``), so a
/// file's number for one of them is its number in every table.
struct CobraNameTable: Sendable {
    private(set) var names: [String]
    private var ids: [String: CobraLocalName]

    /// A table of the known names alone.
    static let seeded = CobraNameTable(CobraKnown.allCases.map(\.text))

    private init(_ known: [String]) {
        names = known
        ids = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1, CobraLocalName($0)) })
    }

    /// The number of `name`, numbering it when it is new.
    mutating func intern(_ name: String) -> CobraLocalName {
        if let known = ids[name] { return known }
        let id = CobraLocalName(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    /// The number of `name`, nil when it has none.
    func number(of name: String) -> CobraLocalName? { ids[name] }
}

/// The names the interpreter looks for, numbered alike in every ``CobraNameTable``.
enum CobraKnown: CobraLocalName, CaseIterable, Sendable {
    case underscore, `true`, `false`, `nil`, append, new, make, len, cap, fmt, sprintf, newFlagSet, type
    case flags, localFlags, localNonPersistentFlags, persistentFlags, addCommand, markFlagDeprecated, markFlagHidden
    case markPersistentFlagDeprecated, markPersistentFlagHidden, addFlagSet, markDeprecated, markHidden
    case markShorthandDeprecated, setAnnotation, addGoFlagSet, addGoFlag, lookup
    case use, aliases, hidden, deprecated, short, noOptDefVal, cobra, pflag, flag
    case long, run, runE, preRun, preRunE, setHelpCommand, setGlobalNormalizationFunc, setNormalizeFunc
    case completionOptions, root, flagOfCommand, addFlag, shorthand, name, usage, value, strings, replaceAll
    case commandLine, removeCommand, resetCommands, resetFlags, validArgs, args, annotations, copy
    case execute, executeC, executeContext, executeContextC, argAliases, disableFlagParsing, version
    case persistentPreRun, persistentPreRunE, postRun, postRunE, persistentPostRun, persistentPostRunE
    case validArgsFunction
    /// The callee of a send statement (``GoStatement/sendName``).
    case send

    /// The name as Go spells it.
    var text: String {
        switch self {
        case .underscore: return "_"
        case .sprintf: return "Sprintf"
        case .newFlagSet: return "NewFlagSet"
        case .noOptDefVal: return "NoOptDefVal"
        case .runE: return "RunE"
        case .preRunE: return "PreRunE"
        case .flagOfCommand: return "Flag"
        case .send: return GoStatement.sendName
        case .true, .false, .nil, .append, .new, .make, .len, .cap, .fmt, .cobra, .pflag, .flag, .strings, .copy:
            return "\(self)"
        default:
            let name = "\(self)"
            return name.prefix(1).uppercased() + name.dropFirst()
        }
    }

    /// The number of the name in every table.
    var id: CobraLocalName { rawValue }
}

/// A type as far as the interpreter follows it (``CobraType``), with names numbered in its file's table.
struct CobraTypeRef: Sendable {
    /// The named type, nil for unnamed types (see ``CobraType/name``).
    let name: CobraLocalName?
    /// The package qualifier, if any.
    let qualifier: CobraLocalName?
    let isCollection: Bool
    /// Whether the name is one of Go's predeclared types (`string`, `error`).
    private let isPredeclared: Bool
    /// Whether name and qualifier are cobra's `Command` (`cobra.Command`, as the file imports cobra).
    private let namesCobraCommand: Bool

    init(_ type: CobraType, names: inout CobraNameTable, cobraNames: Set<String>) {
        name = type.name.map { names.intern($0) }
        qualifier = type.qualifier.map { names.intern($0) }
        isCollection = type.isCollection
        isPredeclared = type.name.map(Self.predeclared.contains) ?? false
        namesCobraCommand = type.name == "Command" && type.qualifier.map(cobraNames.contains) == true
    }

    /// What an element whose type its collection's literal elides is: the collection's element type (the named type
    /// itself for a named collection such as `Groups`).
    var element: CobraTypeRef? {
        name == nil ? nil : CobraTypeRef(self, isCollection: false)
    }

    private init(_ type: CobraTypeRef, isCollection: Bool) {
        name = type.name
        qualifier = type.qualifier
        self.isCollection = isCollection
        isPredeclared = type.isPredeclared
        namesCobraCommand = type.namesCobraCommand
    }

    /// Whether a value of the type is an instance of one of the program's types: unqualified, named, not a collection
    /// and not one of Go's predeclared types.
    var isProgramType: Bool { qualifier == nil && !isCollection && name != nil && !isPredeclared }
    /// Whether it is cobra's `Command` (`cobra.Command`, `*cobra.Command`), not a collection of them.
    var isCobraCommand: Bool { namesCobraCommand && !isCollection }
    /// Whether it is a collection of cobra's `Command` (`[]*cobra.Command`, `map[string]*cobra.Command`).
    var isCobraCommandCollection: Bool { namesCobraCommand && isCollection }

    /// Go's predeclared types: a parameter of one holds what the caller passes (`false`, `nil`), not an instance.
    private static let predeclared: Set<String> = [
        "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
        "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune", "error", "any",
    ]
}

/// The operators the interpreter tells apart.
enum CobraOperator: Sendable, Equatable {
    case address, not, and, or, equal, notEqual, plus, greater, other
    /// `*p`.
    case deref

    init(unary op: String) {
        switch op {
        case "&": self = .address
        case "!": self = .not
        case "*": self = .deref
        default: self = .other
        }
    }

    init(binary op: String) {
        switch op {
        case "&&": self = .and
        case "||": self = .or
        case "==": self = .equal
        case "!=": self = .notEqual
        case "+": self = .plus
        case ">": self = .greater
        default: self = .other
        }
    }
}

/// An expression as the interpreter runs it: a `GoExpr` with its names numbered in the file's table and its
/// operators reduced to those that matter.
indirect enum CobraExpr: Sendable {
    case name(CobraLocalName)
    case string(String)
    /// A number, rune or imaginary literal, or a type in expression position: no value the interpreter follows. A
    /// decimal integer literal keeps its value (`integer`), read only where cobra's argument checks take a count
    /// (`cobra.ExactArgs(1)`).
    case opaque(integer: Int? = nil)
    case selector(CobraExpr, CobraLocalName, line: Int)
    case call(CobraExpr, [CobraExpr], GoPosition)
    case composite(CobraTypeRef?, [CobraElement], GoPosition)
    case unary(CobraOperator, CobraExpr)
    case binary(CobraOperator, CobraExpr, CobraExpr)
    case index(CobraExpr, [CobraExpr])
    case function(CobraLiteral)
}

/// An element of a composite literal.
struct CobraElement: Sendable {
    let key: CobraExpr?
    let value: CobraExpr
}

/// A function literal: where it is, its parameter names (nil for `_` and unnamed ones) and its body.
struct CobraLiteral: Sendable {
    let position: GoPosition
    let parameters: [CobraLocalName?]
    let body: [CobraStatement]
}

/// A statement as the interpreter runs it (see `GoStatement`).
indirect enum CobraStatement: Sendable {
    case expression(CobraExpr)
    /// `a, b := x, y` (`define`) or `a.b = x`, `a += x` (`compound`: `x` is read as what `a` is given, as for `=`).
    case assign([CobraExpr], define: Bool, [CobraExpr], compound: Bool)
    case declare([CobraLocalName], CobraTypeRef?, [CobraExpr])
    case `return`([CobraExpr])
    case range([CobraExpr], CobraExpr, [CobraStatement])
    case block([CobraStatement])
    case conditional(
        header: [CobraStatement], condition: CobraExpr?, then: [CobraStatement], otherwise: [CobraStatement])
    /// An expression `switch`: its tag (nil for `switch {`) and its clauses (see `GoStatement`).
    case switchCases(tag: CobraExpr?, clauses: [CobraSwitchClause])
    /// A type switch: the value whose type it tests and its clauses, whose case expressions are types.
    case typeSwitch(subject: CobraExpr, clauses: [CobraSwitchClause])
    /// `continue` of the innermost `range` loop.
    case continueRange
    /// `break` of the innermost `range` loop.
    case breakRange
    /// `defer f(x)`: the call runs when the function returns (``CobraInterpreter``).
    case deferred(CobraExpr)
    /// `goto`, or a point Go never comes to (after a `for` with no condition that no `break` leaves, a `switch` whose
    /// every clause returns): what follows it up to a label is not run.
    case jump
    /// A label: a `goto` may come to what follows it.
    case label
    /// `continue label` or `break label` of a loop `loops` loops out: what follows it is not run, nor what follows
    /// those loops when they certainly run their body (``CobraInterpreter``).
    case leave(loops: Int)
    /// A `for` loop that is not a `range` loop: its header (initial statement and condition), then its body (and post
    /// statement), which may run any number of times; no body when the condition is false from the start.
    case loop(header: [CobraStatement], body: [CobraStatement])
}

/// A clause of an expression `switch`: its case expressions (nil for `default`) and its statements.
struct CobraSwitchClause: Sendable {
    let cases: [CobraExpr]?
    let body: [CobraStatement]
}

/// Turns the Go parser's statements and expressions into the interpreter's, numbering names in one file's table.
struct CobraLowering {
    var names: CobraNameTable
    let cobraNames: Set<String>
    /// The tokens of the declared function whose body is lowered, and its body's range of them; nil for other code.
    var function: (tokens: [GoToken], body: Range<Int>)?
    /// The locals the function's top level binds to a collection with no entry (``rangesOverNothing(_:)``) and its
    /// body uses nowhere else but as `range name`, `len(name)`, `cap(name)` (review R37: `s := []string{}`, `s :=
    /// table[:0]`): a loop over one runs no time.
    var emptyLocals: Set<String> = []
    /// How many statement lists enclose the one being lowered (1: the body's top level).
    var nesting = 0

    mutating func type(_ type: GoType) -> CobraTypeRef {
        CobraTypeRef(CobraType(type), names: &names, cobraNames: cobraNames)
    }

    mutating func statements(_ statements: [GoStatement]) -> [CobraStatement] {
        nesting += 1
        defer { nesting -= 1 }
        return statements.map { statement in
            if nesting == 1 {
                // A `var` statement is a block of its specs (of the enclosing scope).
                var specs = [statement]
                if case .block(let inner) = statement,
                    inner.allSatisfy({ if case .declare = $0 { true } else { false } })
                {
                    specs = inner
                }
                for spec in specs {
                    if let name = Self.emptyBinding(spec), onlyRanged(name) { emptyLocals.insert(name) }
                }
            }
            return self.statement(statement)
        }
    }

    /// The local `statement` binds to a collection with no entry: `s := []string{}`, `s := x[:0]`, `var s =
    /// map[string]int{}`, `var s []string` (nil).
    private static func emptyBinding(_ statement: GoStatement) -> String? {
        switch statement {
        case .assign(let targets, ":=", let values):
            guard targets.count == 1, values.count == 1, case .name(let name, _) = targets[0],
                rangesOverNothing(values[0])
            else { return nil }
            return name
        case .declare(let names, let type, let values):
            guard names.count == 1 else { return nil }
            if values.isEmpty {
                switch type {
                case .slice?, .map?: return names[0]
                default: return nil
                }
            }
            return values.count == 1 && rangesOverNothing(values[0]) ? names[0] : nil
        default:
            return nil
        }
    }

    /// Whether the function's body binds `name` once and uses it nowhere but as `range name`, `len(name)` or
    /// `cap(name)`, by the tokens (bytes, as Go tells names apart): no other assignment, `&name`, call it is passed
    /// to, method called on it, literal's parameter or shadowing binding of that name.
    private func onlyRanged(_ name: String) -> Bool {
        guard let (tokens, body) = function else { return false }
        var bindings = 0
        for index in body where tokens[index].kind == .identifier && tokens[index].text.utf8.elementsEqual(name.utf8) {
            if index > 0, tokens[index - 1].symbol == .period { continue }
            if index > 0, tokens[index - 1].kind == .keyword(.range) { continue }
            if index > 1, tokens[index - 1].symbol == .leftParen, ["len", "cap"].contains(tokens[index - 2].text),
                index + 1 < tokens.count, tokens[index + 1].symbol == .rightParen
            {
                continue
            }
            if index > 0, tokens[index - 1].kind == .keyword(.var) || CobraInterpreter.assignedAfter(index, in: tokens) {
                bindings += 1
                continue
            }
            return false
        }
        return bindings == 1
    }

    mutating func statement(_ statement: GoStatement) -> CobraStatement {
        switch statement {
        case .expression(let expression):
            return .expression(self.expression(expression))
        case .assign(let targets, let op, let sources):
            return .assign(
                expressions(targets), define: op == ":=", expressions(sources), compound: op != ":=" && op != "=")
        case .declare(let declared, let type, let sources):
            return .declare(declared.map { names.intern($0) }, type.map { self.type($0) }, expressions(sources))
        case .return(let results):
            return .return(expressions(results))
        case .range(let targets, let collection, let body):
            // A loop over nothing runs its body no time (what ranges is still read).
            var nothing = Self.rangesOverNothing(collection)
            if case .name(let name, _) = collection, emptyLocals.contains(name) { nothing = true }
            return .range(expressions(targets), expression(collection), nothing ? [] : statements(body))
        case .block(let body):
            return .block(statements(body))
        case .conditional(let header, let condition, let then, let otherwise):
            return .conditional(
                header: statements(header), condition: condition.map { expression($0) }, then: statements(then),
                otherwise: statements(otherwise))
        case .switchCases(let tag, let clauses):
            return .switchCases(
                tag: tag.map { expression($0) },
                clauses: clauses.map { CobraSwitchClause(cases: $0.cases.map { expressions($0) }, body: statements($0.body)) })
        case .typeSwitch(let subject, let clauses):
            return .typeSwitch(
                subject: expression(subject),
                clauses: clauses.map { CobraSwitchClause(cases: $0.cases.map { expressions($0) }, body: statements($0.body)) })
        case .continueRange:
            return .continueRange
        case .breakRange:
            return .breakRange
        case .deferred(let call):
            return .deferred(expression(call))
        case .goto, .unreachable:
            return .jump
        case .leave(let loops):
            return .leave(loops: loops)
        case .label:
            return .label
        case .loop(let initial, let condition, let post, let body):
            let header = statements(initial) + (condition.map { [.expression(expression($0))] } ?? [])
            if let condition, Self.neverRuns(initial: initial, condition: condition) {
                return .loop(header: header, body: [])
            }
            return .loop(header: header, body: statements(body) + statements(post))
        }
    }

    /// Whether a `for` loop's condition is false before the first run: `i := 0; i < 0` (an integer constant given to
    /// one name, compared with an integer constant). A bound that is not such a constant may let the body run.
    static func neverRuns(initial: [GoStatement], condition: GoExpr) -> Bool {
        guard initial.count == 1, case .assign(let targets, ":=", let values) = initial[0], targets.count == 1,
            values.count == 1, case .name(let counter, _) = targets[0], let start = integer(values[0]),
            case .binary(let written, let left, let right) = condition
        else { return false }
        let bound: Int
        var op = written
        if case .name(counter, _) = left, let value = integer(right) {
            bound = value
        } else if case .name(counter, _) = right, let value = integer(left) {
            bound = value
            // `0 < i` is `i > 0`.
            op = ["<": ">", ">": "<", "<=": ">=", ">=": "<="][op] ?? op
        } else {
            return false
        }
        switch op {
        case "<": return !(start < bound)
        case "<=": return !(start <= bound)
        case ">": return !(start > bound)
        case ">=": return !(start >= bound)
        case "==": return start != bound
        case "!=": return start == bound
        default: return false
        }
    }

    /// Whether a `range` loop over `collection` runs no time at all: an empty slice or map literal (`[]string{}`), an
    /// empty string, an integer constant at most 0 (`for range 0`), a slice expression whose bounds are one integer
    /// constant (`x[:0]`, `x[2:2]`: empty, or a panic when `x` holds fewer). An array literal has its length's
    /// entries.
    static func rangesOverNothing(_ collection: GoExpr) -> Bool {
        switch collection {
        case .composite(let type?, let elements, _):
            guard elements.isEmpty else { return false }
            switch type {
            case .slice, .map: return true
            case .array(let length, _): return length == "0" || length == "..."
            default: return false
            }
        case .string(let text, _):
            return text.isEmpty
        case .slice(_, let low, let high?, _):
            // `x[:0]`, `x[2:2]`: no entry (or a panic, when the bounds are past what `x` holds).
            guard let end = integer(high) else { return false }
            guard let low else { return end == 0 }
            return integer(low) == end
        default:
            if let value = integer(collection) { return value <= 0 }
            return false
        }
    }

    /// The value of an integer literal of at most 9 digits (any of Go's bases: `0x0`, `0o0`, `00`), negated or not.
    private static func integer(_ expression: GoExpr) -> Int? {
        switch expression {
        case .literal(_, let value?): return value
        case .unary("-", .literal(_, let value?)): return -value
        case .unary("+", .literal(_, let value?)): return value
        default: return nil
        }
    }

    mutating func expressions(_ expressions: [GoExpr]) -> [CobraExpr] {
        expressions.map { expression($0) }
    }

    mutating func expression(_ expression: GoExpr) -> CobraExpr {
        switch expression {
        case .name(let name, _):
            return .name(names.intern(name))
        case .string(let text, _):
            return .string(text)
        case .literal(_, let integer):
            return .opaque(integer: integer)
        case .type:
            return .opaque()
        case .selector(let base, let name, let position):
            return .selector(self.expression(base), names.intern(name), line: position.line)
        case .call(let callee, let arguments, _, let position):
            return .call(self.expression(callee), expressions(arguments), position)
        case .composite(let type, let elements, let position):
            return .composite(
                type.map { self.type($0) },
                elements.map {
                    CobraElement(key: $0.key.map { self.expression($0) }, value: self.expression($0.value))
                },
                position)
        case .unary(let op, let operand):
            return .unary(CobraOperator(unary: op), self.expression(operand))
        case .binary(let op, let left, let right):
            return .binary(CobraOperator(binary: op), self.expression(left), self.expression(right))
        case .index(let base, let indices):
            return .index(self.expression(base), expressions(indices))
        case .slice(let base, let low, let high, let max):
            return .index(self.expression(base), expressions([low, high, max].compactMap { $0 }))
        case .function(let literal):
            return .function(
                CobraLiteral(
                    position: literal.position,
                    parameters: literal.parameterNames.map { $0 == "_" || $0.isEmpty ? nil : names.intern($0) },
                    body: statements(literal.body)))
        }
    }
}

/// The names of the programs one reader interprets, numbered once for all the revisions it reads: each file keeps the
/// translation of its own numbers into these (``CobraSourceFile``), so a file that did not change costs no work to
/// translate at the next revision, and its names are not hashed again.
///
/// One interpreter run at a time uses the table (it takes it and gives it back); a run that finds it taken numbers
/// its names in a table of its own. Past `maximumNames` names the table starts again, empty.
public final class CobraNames: Sendable {
    /// The table and the flag definition method each name is, if any; nil while a run has it.
    private let stored: Mutex<Numbering?>
    /// The attributes items were given, kept from one run to the next (nil while a run has them).
    private let attributes = Mutex<CobraAttributeTable?>(CobraAttributeTable())

    /// An empty table.
    public init() {
        stored = Mutex(Numbering())
    }

    /// Takes the attribute table for one run; a new one when another run has it.
    func takeAttributes() -> CobraAttributeTable {
        attributes.withLock { stored in
            defer { stored = nil }
            return stored ?? CobraAttributeTable()
        }
    }

    /// Gives the attribute table back after a run.
    func give(_ table: CobraAttributeTable) {
        attributes.withLock { $0 = table }
    }

    /// Takes the table for one run; a new one of its own when another run has it or it grew too large.
    func take() -> Numbering {
        let taken = stored.withLock { stored -> Numbering? in
            defer { stored = nil }
            return stored
        }
        guard let taken, taken.table.names.count <= Self.maximumNames else { return Numbering() }
        return taken
    }

    /// Gives the table back after a run (with the names it added).
    func give(_ numbering: Numbering) {
        stored.withLock { $0 = numbering }
    }

    /// At most this many names are kept between runs.
    static let maximumNames = 1 << 20
}

/// A table of names numbered for interpreter runs, with the flag definition method each name is (`StringVarP`), and a
/// serial number that no other table shares: what a file remembers of its translation is valid for that table only.
struct Numbering: Sendable {
    private(set) var table = CobraNameTable.seeded
    private(set) var flagMethods: [CobraFlagMethod?] = CobraKnown.allCases.map { CobraFlagMethod($0.text) }
    let serial = Numbering.serials.add(1, ordering: .relaxed).newValue
    /// The folders each import path names (``CobraInterpreter``), for the program folders they were worked out for.
    var importFolders: (folders: Set<String>, paths: [String: [String]]) = ([], [:])
    /// The folders each import path could name, whatever the program's folders (``CobraInterpreter``).
    var importCandidates: [String: [String]] = [:]
    /// How many calls the last run made (``CobraInterpreter``): the next reserves room for as many.
    var callCount = 0

    /// The number of `text`.
    mutating func intern(_ text: String) -> CobraLocalName {
        let count = table.names.count
        let id = table.intern(text)
        if table.names.count > count { flagMethods.append(CobraFlagMethod(text)) }
        return id
    }

    private static let serials = Atomic<Int>(0)
}

/// The attributes of the items a run lists, one dictionary for each distinct shape, kept from one run to the next: an
/// item whose attributes did not change between two revisions has the very same dictionary, which compares equal at
/// once (the reader compares every command's items with the last revision's), and is not built again.
struct CobraAttributeTable: Sendable {
    /// What an item's attributes are made from.
    enum Shape: Hashable, Sendable {
        case command(
            hidden: Bool, hiddenWhen: String? = nil, aliasOf: String?, unreadFlags: String?, unreadFlagNames: String? = nil,
            validArgs: String? = nil, unreadCommands: Bool = false, useWords: String? = nil,
            registered: CobraRegistration? = nil)
        case flag(
            type: String, scope: String, shorthand: String?, hidden: Bool, hiddenWhen: String? = nil, noOptDefault: Bool,
            valueType: String? = nil, acceptsNothing: Bool = false, registered: CobraRegistration? = nil)
    }

    private var dictionaries: [Shape: [String: String]] = [:]
    /// How many items the last run listed: the next reserves room for as many.
    var itemCount = 0

    /// At most this many shapes are kept; past it the table starts again.
    static let maximumShapes = 1 << 14

    /// `registered-when`, and `registered-by-default=false` when the default run does not register the item.
    private static func mark(_ registered: CobraRegistration?, in attributes: inout [String: String]) {
        guard let registered else { return }
        attributes["registered-when"] = registered.when
        if !registered.byDefault { attributes["registered-by-default"] = "false" }
    }

    /// The attributes of `shape`.
    mutating func attributes(of shape: Shape) -> [String: String] {
        // Swift compares strings by canonical equivalence, and a key must print its own bytes: only shapes of ASCII
        // text are kept (`é` and `e\u{301}` are different names to Go and in the report).
        let kept = shape.isASCII
        if kept, let known = dictionaries[shape] { return known }
        var attributes: [String: String] = [:]
        switch shape {
        case .command(
            let hidden, let hiddenWhen, let aliasOf, let unreadFlags, let unreadFlagNames, let validArgs,
            let unreadCommands, let useWords, let registered):
            Self.mark(registered, in: &attributes)
            if hidden { attributes["hidden"] = "true" }
            if let hiddenWhen { attributes["hidden-when"] = hiddenWhen }
            if let useWords { attributes["use-words"] = useWords }
            if let aliasOf { attributes["alias-of"] = aliasOf }
            if let unreadFlags { attributes["unread-flags"] = unreadFlags }
            if let unreadFlagNames { attributes["unread-flag-names"] = unreadFlagNames }
            if unreadCommands { attributes["unread-commands"] = "true" }
            if let validArgs { attributes["valid-args"] = validArgs }
        case .flag(
            let type, let scope, let shorthand, let hidden, let hiddenWhen, let noOptDefault, let valueType,
            let acceptsNothing, let registered):
            attributes = ["type": type, "scope": scope]
            Self.mark(registered, in: &attributes)
            if acceptsNothing { attributes["accepts"] = "nothing" }
            if let hiddenWhen { attributes["hidden-when"] = hiddenWhen }
            if let valueType { attributes["value-type"] = valueType }
            if let shorthand { attributes["shorthand"] = shorthand }
            if hidden { attributes["hidden"] = "true" }
            if noOptDefault { attributes["no-opt-default"] = "true" }
        }
        guard kept else { return attributes }
        if dictionaries.count >= Self.maximumShapes { dictionaries = [:] }
        dictionaries[shape] = attributes
        return attributes
    }
}

extension CobraAttributeTable.Shape {
    /// Whether every text of the shape is ASCII (where canonical equivalence is byte equality).
    fileprivate var isASCII: Bool {
        func ascii(_ text: String?) -> Bool { text?.utf8.allSatisfy { $0 < 0x80 } ?? true }
        switch self {
        case .command(
            _, let hiddenWhen, let aliasOf, let unreadFlags, let unreadFlagNames, let validArgs, _, let useWords,
            let registered):
            return ascii(hiddenWhen) && ascii(aliasOf) && ascii(unreadFlags) && ascii(unreadFlagNames) && ascii(validArgs)
                && ascii(useWords) && ascii(registered?.when)
        case .flag(let type, let scope, let shorthand, _, let hiddenWhen, _, let valueType, _, let registered):
            return ascii(type) && ascii(scope) && ascii(shorthand) && ascii(hiddenWhen) && ascii(valueType)
                && ascii(registered?.when)
        }
    }
}
