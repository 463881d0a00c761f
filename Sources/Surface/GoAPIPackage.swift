import GoSource
import Limits

/// One parsed Go file of a package, as the go-api extractor keeps it: declarations, the build condition under which
/// the file compiles, and the tokens of const initialisers (the only tokens it needs later).
struct ParsedGoFile: Sendable {
    private(set) var name: String
    let file: GoFile
    /// The `//go:build` expression and `_os`/`_arch` file-name suffix, joined with `&&` and written one way
    /// (``GoBuildVariants/label(of:)``: `windows && windows` is `windows`); nil for every build.
    private(set) var condition: String?
    /// Const initialiser tokens by declaration index and value index.
    let constantTokens: [Int: [[GoToken]]]
    /// Import aliases and the qualifier texts spell them with: the import path's last element (`hapi_release5` for
    /// `k8s.io/helm/pkg/proto/hapi/release` is `release`), so renaming an alias changes no type.
    let canonicalQualifiers: GoQualifiers
    /// The import path of each qualifier the file's imports name (an import's name, else its path's last element),
    /// the first import's when two name one.
    let importPaths: [String: String]
    /// Whether the file's bytes hold `Deprecated:`, as every deprecation paragraph of a doc comment does
    /// (`GoAPIReader.mayLeaveOut`).
    let holdsDeprecationMarker: Bool
    /// The names the file declares, each once: types, funcs, vars and consts, and methods as `Type.Method`
    /// (`GoBuildVariants` looks for a name two files declare in every package it builds).
    let declaredNames: [String]

    init(name: String, bytes: [UInt8]) {
        // Declarations alone: no body is read here, so no text is built for the names and literals in bodies.
        let parsed = GoParser.parseDeclarations(bytes)
        let file = parsed.file
        self.name = name
        holdsDeprecationMarker = GoAPIReader.holdsDeprecationMarker(bytes)
        var constants: [Int: [[GoToken]]] = [:]
        for (index, declaration) in file.declarations.enumerated() {
            if case .value(let spec) = declaration, spec.isConstant {
                constants[index] = spec.values.map { parsed.tokens(of: $0) }
            }
        }
        self.constantTokens = constants
        self.file = file
        declaredNames = Array(GoBuildVariants.declaredNames(in: file))
        canonicalQualifiers = Self.canonicalQualifiers(file.imports)
        var importPaths: [String: String] = [:]
        for entry in file.imports {
            let last = Self.lastElement(of: entry.path) ?? entry.path
            if importPaths[entry.name ?? last] == nil { importPaths[entry.name ?? last] = entry.path }
        }
        self.importPaths = importPaths
        condition = Self.condition(suffix: Self.suffixCondition(name), constraint: file.buildConstraint)
    }

    /// The file under the name `other`: one blob is parsed once, but two files with the same bytes
    /// (`f_linux.go` and `f_windows.go`) are two files, each with the condition its own name gives.
    func named(_ other: String) -> ParsedGoFile {
        guard other != name else { return self }
        var copy = self
        copy.name = other
        copy.condition = Self.condition(suffix: Self.suffixCondition(other), constraint: file.buildConstraint)
        return copy
    }

    /// A file name's condition and its `//go:build` constraint joined by `&&`, the constraint parenthesized when it
    /// holds `||` (`windows && (a || b)`, not `windows && a || b`, which `&&` binds as `(windows && a) || b`).
    static func condition(suffix: String?, constraint: String?) -> String? {
        guard let constraint else { return suffix }
        guard let suffix else { return GoBuildVariants.label(of: constraint) }
        return GoBuildVariants.label(
            of: suffix + " && " + (constraint.contains("||") ? "(" + constraint + ")" : constraint))
    }

    /// The canonical qualifier of each import. Two imports with one canonical name (`cloudlog` and `cloudsecrets` of
    /// two `.../cloud` packages) are spelled alike: a type moving between them is not seen, but the spelling of one
    /// never depends on which other packages the file imports (a false change at every new import).
    static func canonicalQualifiers(_ imports: [GoImport]) -> GoQualifiers {
        var result = GoQualifiers()
        var clauses: [String: Set<String>] = [:]
        for entry in imports {
            guard entry.name != "_", entry.name != "." else { continue }
            if let alias = entry.name {
                result.known.insert(alias)
                if let canonical = canonicalName(of: entry.path) ?? versionlessName(of: entry.path), canonical != alias
                {
                    result.aliases[alias] = canonical
                }
            } else if let name = canonicalName(of: entry.path) {
                result.known.insert(name)
            } else if let name = versionlessName(of: entry.path) {
                result.versioned.append(name)
                // A package whose clause is its last element (`.../api/v1` declaring `package v1`) is spelled like
                // the same import under an alias (`v1 ".../api/v1"`): by the element before.
                if let last = entry.path.split(separator: "/").last.map(String.init), last != name {
                    clauses[last, default: []].insert(name)
                }
            } else {
                result.opaque += 1
            }
        }
        for (clause, names) in clauses where names.count == 1 && result.aliases[clause] == nil {
            result.aliases[clause] = names.first
        }
        return result
    }

    /// The name a versioned import path is spelled with: the element before a major version
    /// (`go.etcd.io/etcd/client/v3` is `client`), or a gopkg.in name without its version (`gopkg.in/yaml.v3` is
    /// `yaml`). Its package clause may differ (`clientv3`); only the spelling of every alias and of the clause alike
    /// matters, so that renaming an alias, or dropping it, changes no type.
    static func versionlessName(of path: String) -> String? {
        let elements = path.split(separator: "/").map(String.init)
        guard let last = elements.last else { return nil }
        var name: String?
        if isMajorVersion(last), elements.count > 1 {
            name = elements[elements.count - 2]
        } else if let dot = last.lastIndex(of: "."), last[last.index(after: dot)...].first == "v",
            last[last.index(after: dot)...].count > 1,
            last[last.index(last.index(after: dot), offsetBy: 1)...].allSatisfy(\.isNumber)
        {
            name = String(last[..<dot])
        }
        guard let name, let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
            name.unicodeScalars.allSatisfy({
                $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil
            })
        else { return nil }
        return name
    }

    /// The name an import path's package has when the path says it: its last element, when that is a Go identifier
    /// and no version (`k8s.io/helm/pkg/proto/hapi/release` is `release`). Nil for `go.etcd.io/etcd/client/v3`
    /// (package `clientv3`), `gopkg.in/yaml.v3` or `go-digest`: the package clause decides those, and the source
    /// that imports them does not show it, so their aliases stay as written.
    static func canonicalName(of path: String) -> String? {
        guard let last = lastElement(of: path), isName(last), !isMajorVersion(last) else { return nil }
        return last
    }

    /// The last element of an import path, as `path.split(separator: "/").last` gives it (nil when there is none);
    /// an ASCII path (every import path of every module seen) is read as bytes, without building the other elements.
    static func lastElement(of path: String) -> String? {
        let bytes = path.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/").last.map(String.init) }
        let slash = UInt8(ascii: "/")
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return nil }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != slash {
            start = bytes.index(before: start)
        }
        return String(path[start..<end])
    }

    /// Whether `text` starts with `_` or a letter and holds only those and numbers (Unicode's properties); ASCII
    /// text is read as bytes.
    private static func isName(_ text: String) -> Bool {
        let bytes = text.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            func letter(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            }
            guard let first = bytes.first, letter(first) else { return false }
            return bytes.allSatisfy { letter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil
        }
    }

    /// Whether an import path element is a major version suffix (`v2` in `example.com/m/v2`).
    static func isMajorVersion<Element: StringProtocol>(_ element: Element) -> Bool {
        element.first == "v" && element.count > 1 && element.dropFirst().allSatisfy(\.isNumber)
    }

    /// True when the file never builds (`//go:build ignore`, the convention for generators).
    var isIgnored: Bool { file.buildConstraint == "ignore" }

    /// The condition a `name_GOOS_GOARCH.go` file name implies, as Go's build rules read it.
    static func suffixCondition(_ name: String) -> String? { GoFileNameCondition.of(name) }
}

/// Builds the surface items of one Go package from its parsed files.
///
/// Keys: `PKG` (the package), `PKG.Name` (func, type, const, var), `PKG.Type.Member` (field, method, interface
/// method), where `PKG` is the import path. Attributes: `kind` always; `signature` for funcs and methods;
/// `type` for types, fields, consts and vars; `receiver` (`value`, `pointer`, `interface`) for methods; `value` for
/// consts; `sealed` for interfaces; `typeparams` for generic types; `embeds` for interfaces embedding other
/// packages' interfaces; `build` when only some builds declare the item; `via` for promoted members; `note` for what
/// a reading of the source cannot decide.
struct GoAPIPackage {
    let importPath: String
    let folder: String
    let files: [ParsedGoFile]
    let ignoreValues: (String) -> Bool
    /// Bytes of string constants the evaluator may still build in this run.
    let constantBudget: ConstantBudget
    /// The other packages of the module, for types followed into them; nil reads this package alone.
    let scope: GoModuleScope?
    /// True for a package the scope loaded for a type followed into it: its lookups are noted in the scope, so the
    /// package being built is reused while what it read is unchanged.
    let recordsReads: Bool

    struct Declared<T> {
        let value: T
        let file: ParsedGoFile
        var conditions: [String?]
    }

    private var types: [String: Declared<GoTypeSpec>] = [:]
    private var functions: [String: Declared<GoFunction>] = [:]
    private var methods: [String: [String: Declared<GoFunction>]] = [:]
    private var values: [String: Declared<(spec: GoValueSpec, index: Int, declaration: Int)>] = [:]

    /// The package a folder's files declare: the most common package clause other than `main`, in files that build
    /// (generators marked `//go:build ignore` are often `package main`); nil when there is none.
    static func packageName(of files: [ParsedGoFile]) -> String? {
        var counts: [String: Int] = [:]
        for file in files where !file.isIgnored && !file.file.packageName.isEmpty {
            counts[file.file.packageName, default: 0] += 1
        }
        return counts.filter { $0.key != "main" }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The package of `files` (those of another package or never built are left out).
    init(
        importPath: String, folder: String, files: [ParsedGoFile], ignoreValues: @escaping (String) -> Bool,
        constantBudget: ConstantBudget = ConstantBudget(), scope: GoModuleScope? = nil, recordsReads: Bool = false
    ) {
        let name = Self.packageName(of: files)
        self.importPath = importPath
        self.folder = folder
        self.files = files.filter { !$0.isIgnored && $0.file.packageName == name }
        self.ignoreValues = ignoreValues
        self.constantBudget = constantBudget
        self.scope = scope
        self.recordsReads = recordsReads
        var declaredMethods: [(receiver: String, function: GoFunction, file: ParsedGoFile)] = []
        for file in self.files {
            for (declarationIndex, declaration) in file.file.declarations.enumerated() {
                switch declaration {
                case .type(let spec):
                    Self.record(&types, spec.name, spec, file)
                case .function(let function):
                    if let receiver = function.receiver {
                        declaredMethods.append((receiver.typeName, function, file))
                    } else if function.name != "init" && function.name != "_" {
                        Self.record(&functions, function.name, function, file)
                    }
                case .value(let spec):
                    for (index, name) in spec.names.enumerated() where name != "_" {
                        Self.record(&values, name, (spec, index, declarationIndex), file)
                    }
                }
            }
        }
        // A method declared through an alias of a type of the package (`type t = T; func (t) Name()`) is T's.
        for (receiver, function, file) in declaredMethods {
            Self.record(
                &methods[Self.receiverType(receiver, types: types), default: [:]], function.name, function, file)
        }
    }

    /// The type a method's receiver name denotes: through the package's aliases of its own types (`type t = T`,
    /// chains too), the defined type; the name itself when it is no such alias. Each alias is followed once.
    static func receiverType(_ name: String, types: [String: Declared<GoTypeSpec>]) -> String {
        var current = name
        var seen: Set<String> = [name]
        while let declared = types[current], declared.value.isAlias, declared.value.typeParameters.isEmpty,
            case .named(nil, let target, let arguments) = declared.value.type, arguments.isEmpty,
            types[target] != nil, seen.insert(target).inserted
        {
            current = target
        }
        return current
    }

    private static func record<T>(
        _ table: inout [String: Declared<T>], _ name: String, _ value: T, _ file: ParsedGoFile
    ) {
        if table[name] != nil {
            table[name]?.conditions.append(file.condition)
        } else {
            table[name] = Declared(value: value, file: file, conditions: [file.condition])
        }
    }

    /// The declaration of the type `name`, noted in the scope when `recording` (for the package being built, only
    /// while a type is built alone).
    func declaredType(_ name: String, recording: Bool = true) -> Declared<GoTypeSpec>? {
        if recording { noteRead(.type, name) }
        return types[name]
    }

    /// Whether the package declares the type `name`, noted like `declaredType` but as a lookup that reads nothing of
    /// the declaration.
    func declaresType(_ name: String) -> Bool {
        noteRead(.exists, name)
        return types[name] != nil
    }

    /// The declaration of the function `name` (not a method), noted like `declaredType`.
    func declaredFunction(_ name: String, recording: Bool = true) -> Declared<GoFunction>? {
        if recording { noteRead(.function, name) }
        return functions[name]
    }

    /// The methods declared with receiver type `name`, by method name, noted like `declaredType`.
    func declaredMethods(of name: String, recording: Bool = true) -> [String: Declared<GoFunction>]? {
        if recording { noteRead(.methods, name) }
        return methods[name]
    }

    /// Notes that the type being built alone read the value of the const `name`.
    func noteConstantRead(_ name: String) {
        noteRead(.constant, name)
    }

    private func noteRead(_ kind: GoModuleScope.Read.Kind, _ name: String) {
        guard let scope else { return }
        if recordsReads {
            scope.noteRead(kind, name, in: importPath)
        } else {
            scope.noteOwnRead(kind, name, in: importPath)
        }
    }

    /// The package clause's name (`httpext`): how other packages qualify its types.
    var name: String { files.first?.file.packageName ?? "" }

    static func isExported(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    // MARK: - Items

    /// The package's items, its types built in name order with one memo (what one type's embedding resolves is
    /// remembered for the next, and cut cycles or limits then give the same answer on every run).
    func items() -> [RawItem] {
        let memo = Memo()
        let constants = ConstantTable(package: self)
        return items(constants: constants) { name, declared in
            let own = typeItems(name, declared, constants: constants, memo: memo)
            return (own, Self.unexportedTypeNames(in: own))
        }
    }

    /// One type's items built alone (with its own memo), in canonical order, the unexported type names they mention,
    /// and every lookup the build made (in this package and in others) with the fingerprint of what it found: at a
    /// later revision the items are reused while every lookup finds the same.
    struct TypeBuild {
        let items: [RawItem]
        let unexported: Set<String>
        let reads: [(read: GoModuleScope.Read, fingerprint: Int)]

        /// Approximate bytes held, for the cache's bound.
        var cost: Int {
            reads.reduce(CacheCost.of(items) + unexported.reduce(0) { $0 + CacheCost.of($1) }) {
                $0 + CacheCost.of($1.read.importPath) + CacheCost.of($1.read.name) + 16
            }
        }
    }

    /// `items()` with each type built alone, reusing `previous(name)`'s build when every lookup it made finds the
    /// same at this revision, and the builds of every type listed. Nil when a build alone met a cut (an embedding or
    /// comparability cycle, or a depth limit): the answer may then depend on what was worked out before, so the
    /// caller builds the package with `items()`. Without a cut every memo entry is the same whichever type asked
    /// first, so both give the same items.
    func items(reusing previous: (String) -> TypeBuild?) -> (
        items: [RawItem], types: [String: TypeBuild], reused: Int
    )? {
        guard let scope else { return nil }
        let constants = ConstantTable(package: self)
        var known: [GoModuleScope.Read: Int] = [:]
        func fingerprint(_ read: GoModuleScope.Read) -> Int {
            if let found = known[read] { return found }
            let found: Int
            if read.importPath != importPath {
                found = scope.fingerprint(of: read)
            } else if read.kind == .constant {
                var hasher = Hasher()
                hasher.combine(constants.value(of: read.name)?.description)
                found = hasher.finalize()
            } else {
                found = GoModuleScope.fingerprint(read.kind, read.name, in: self)
            }
            known[read] = found
            return found
        }
        var builds: [String: TypeBuild] = [:]
        var reusedCount = 0
        var cut = false
        let items = items(constants: constants) { name, declared in
            if let reused = previous(name), reused.reads.allSatisfy({ fingerprint($0.read) == $0.fingerprint }) {
                scope.noteReads(reused.reads.lazy.map(\.read).filter { $0.importPath != importPath })
                builds[name] = reused
                reusedCount += 1
                return (reused.items, reused.unexported)
            }
            let memo = Memo()
            scope.startTypeRecording()
            noteRead(.type, name)
            // In canonical order, so that the package's items, of which most come from the cache, are mostly sorted.
            let own = typeItems(name, declared, constants: constants, memo: memo).sorted {
                Self.canonicalOrder($0, $1)
            }
            let reads = scope.endTypeRecording()
            cut = cut || memo.cut
            let build = TypeBuild(
                items: own, unexported: Self.unexportedTypeNames(in: own),
                reads: reads.map { ($0, fingerprint($0)) })
            builds[name] = build
            return (own, build.unexported)
        }
        return cut ? nil : (items, builds, reusedCount)
    }

    /// Items by key; items of one key (which a package that compiles does not have) by their attributes.
    static func canonicalOrder(_ left: RawItem, _ right: RawItem) -> Bool {
        if left.key != right.key { return left.key < right.key }
        let attributes = { (item: RawItem) in item.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        }
        return attributes(left).lexicographicallyPrecedes(attributes(right))
    }

    /// The names of Go's universe block that items' texts write: its types, constants and `nil`. The built-in
    /// functions are left out: a package's own `min` or `max` helper (common before Go 1.21) changes no signature,
    /// and a const value that calls one is evaluated as Go's (a gap: docs/policy.md).
    static let universeNames: Set<String> = [
        "any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
        "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "true",
        "false", "iota", "nil",
    ]

    /// The universe names a package-level declaration of any file of the package (exported or not) declares again and
    /// its exported API writes: `type string int` makes every `string` the package's items write mean the package's
    /// own type, so a change of this set changes what their texts mean (the package item's `shadows`). An alias
    /// spelling the universe meaning (`type any = interface{}`, `type byte = uint8`) changes nothing and is left out;
    /// so is a name no exported declaration reaches (`const any = ""` in a package whose API never writes `any`).
    private func shadowedUniverseNames() -> [String] {
        var names: Set<String> = []
        for (name, declared) in types where Self.universeNames.contains(name) {
            if declared.value.isAlias, declared.value.typeParameters.isEmpty {
                let target = declared.value.type
                let same: Bool
                switch name {
                case "any":
                    same = target == .interface([]) || target == .named(package: nil, name: "any", arguments: [])
                case "byte": same = target == .named(package: nil, name: "uint8", arguments: [])
                case "rune": same = target == .named(package: nil, name: "int32", arguments: [])
                default: same = false
                }
                if same { continue }
            }
            names.insert(name)
        }
        for name in values.keys where Self.universeNames.contains(name) { names.insert(name) }
        guard !names.isEmpty else { return [] }
        return names.intersection(namesTheAPIWrites()).sorted()
    }

    /// Every unqualified name the exported declarations of the package write (funcs' signatures; types' parameters,
    /// whole type (unexported fields and embedded types too) and methods; consts' and vars' types and initialisers),
    /// following each name the package declares to what its declarations write, in every file whatever its build:
    /// what may change the meaning of an exported item. An empty interface is not the name `any`. Each name is
    /// followed once.
    private func namesTheAPIWrites() -> Set<String> {
        var typeSpecs: [String: [GoTypeSpec]] = [:]
        var signatures: [String: [GoSignature]] = [:]
        var valueSpecs: [String: [GoValueSpec]] = [:]
        var topLevel: [String] = []
        for file in files {
            for declaration in file.file.declarations {
                switch declaration {
                case .type(let spec):
                    typeSpecs[spec.name, default: []].append(spec)
                    topLevel.append(spec.name)
                case .function(let function):
                    // A method is read with its receiver's type (also through an alias, `func (t) M()` with
                    // `type t = T`): an exported type's methods, also unexported ones.
                    if let receiver = function.receiver {
                        signatures[receiver.typeName, default: []].append(function.signature)
                        let type = Self.receiverType(receiver.typeName, types: types)
                        if type != receiver.typeName { signatures[type, default: []].append(function.signature) }
                    } else {
                        signatures[function.name, default: []].append(function.signature)
                        topLevel.append(function.name)
                    }
                case .value(let spec):
                    for name in spec.names {
                        valueSpecs[name, default: []].append(spec)
                        topLevel.append(name)
                    }
                }
            }
        }
        var written: Set<String> = []
        var queue: [String] = []
        func note(_ name: String) {
            if written.insert(name).inserted { queue.append(name) }
        }
        for name in topLevel where Self.isExported(name) { note(name) }
        func noteText(_ text: String) {
            let tokens = GoCorrespondence.tokens(text)
            for (index, token) in tokens.enumerated() where !(index > 0 && tokens[index - 1] == ".") {
                if let first = token.unicodeScalars.first, first == "_" || first.properties.isAlphabetic {
                    note(token)
                }
            }
        }
        func walk(_ signature: GoSignature) {
            for parameter in signature.typeParameters { walk(parameter.constraint) }
            for parameter in signature.parameters + signature.results { walk(parameter.type) }
        }
        func walk(_ type: GoType) {
            switch type {
            case .named(let package, let name, let arguments):
                if package == nil { note(name) }
                for argument in arguments { walk(argument) }
            case .pointer(let element), .slice(let element), .channel(_, let element): walk(element)
            case .array(let length, let element):
                noteText(length)
                walk(element)
            case .map(let key, let value):
                walk(key)
                walk(value)
            case .function(let signature): walk(signature)
            case .structure(let fields): for field in fields { walk(field.type) }
            case .interface(let elements):
                for element in elements {
                    switch element {
                    case .method(_, let signature, _, _): walk(signature)
                    case .embedded(let embedded, _): walk(embedded)
                    }
                }
            case .union(let terms): for term in terms { walk(term.type) }
            }
        }
        while let name = queue.popLast() {
            for spec in typeSpecs[name] ?? [] {
                for parameter in spec.typeParameters { walk(parameter.constraint) }
                walk(spec.type)
            }
            for signature in signatures[name] ?? [] { walk(signature) }
            for spec in valueSpecs[name] ?? [] {
                if let type = spec.type { walk(type) }
                for value in spec.values { noteText(value.text) }
            }
        }
        return written
    }

    /// The items of the package: the package, exported funcs, exported types (`typeItems` gives each type's items and
    /// the unexported type names they mention, in name order), vars and consts, then the unexported types the
    /// exported API exposes.
    private func items(
        constants: ConstantTable,
        typeItems: (String, Declared<GoTypeSpec>) -> (items: [RawItem], unexported: Set<String>)
    ) -> [RawItem] {
        var items: [RawItem] = []
        var packageAttributes = ["kind": "package", "name": name]
        let shadowed = shadowedUniverseNames()
        if !shadowed.isEmpty { packageAttributes["shadows"] = shadowed.joined(separator: ",") }
        let ports = GoBuildComparison.webAssemblyPortsNamed(byConditions: files.compactMap(\.condition))
        if !ports.isEmpty { packageAttributes["ports"] = ports.sorted().joined(separator: ",") }
        items.append(
            RawItem(
                key: importPath, attributes: packageAttributes, stability: .stable,
                location: Location(path: folder.isEmpty ? "." : folder)))
        for (name, declared) in functions where Self.isExported(name) {
            items.append(
                item(
                    name, declared.value.doc, declared,
                    attributes: [
                        "kind": "func", "signature": spelled(declared.value.signature, in: declared.file).description,
                    ], line: declared.value.position.line))
        }
        var unexported = Self.unexportedTypeNames(in: items)
        for (name, declared) in types.sorted(by: { $0.key < $1.key }) where Self.isExported(name) {
            let built = typeItems(name, declared)
            items += built.items
            unexported.formUnion(built.unexported)
        }
        // In declaration order, so the run's constant budget, once spent, cuts the same values on every run.
        let ordered = values.sorted {
            ($0.value.file.name, $0.value.value.declaration, $0.value.value.index)
                < ($1.value.file.name, $1.value.value.declaration, $1.value.value.index)
        }
        for (name, declared) in ordered where Self.isExported(name) {
            let spec = declared.value.spec
            var attributes = ["kind": spec.isConstant ? "const" : "var"]
            if spec.isConstant {
                attributes["type"] = spec.type.map { spelled($0, in: declared.file).description } ?? "untyped"
                if ignoreValues(name) {
                    attributes["note"] = "value not promised (ignore-values)"
                } else {
                    let (text, limit) = constants.text(of: name)
                    attributes["value"] = text
                    if let limit {
                        attributes["note"] = "value not evaluated: \(limit)"
                    } else if constants.value(of: name) == nil, GoCompatibility.refersToAnotherPackage(text) {
                        attributes["note"] = "value refers to another package's const; not evaluated or compared"
                    }
                }
            } else if let type = spec.type {
                attributes["type"] = Self.description(of: spelled(type, in: declared.file), constants: constants)
            } else if let inferred = inferredType(spec, declared.value.index) {
                attributes["type"] = inferred
            } else if let named = Self.namedInitialiser(spec, declared.value.index),
                let type = functionType(named, in: declared.file)
            {
                // `var New = other.New`: the var holds that func of the module, so its type is the func's.
                attributes["type"] = type
            } else {
                attributes["type"] = "?"
                attributes["note"] =
                    Self.namedInitialiser(spec, declared.value.index).map(Self.typeOfName)
                    ?? "type inferred from the initialiser needs type-checking; not compared"
            }
            let own = item(name, spec.doc, declared, attributes: attributes, line: spec.position.line)
            unexported.formUnion(Self.unexportedTypeNames(in: [own]))
            items.append(own)
        }
        // Unexported types the exported API exposes (a parameter, result, field or var of type `options`), with their
        // exported members, marked `exposed=yes`: a change to them changes the API, and a rename of one is checked
        // against its shape (GoCorrespondence).
        var queue = Array(unexported.filter { declaredType($0) != nil }).sorted()
        var listed: Set<String> = []
        while let name = queue.popLast() {
            guard !listed.contains(name), let declared = declaredType(name) else { continue }
            listed.insert(name)
            let built = typeItems(name, declared)
            var own = built.items
            for index in own.indices { own[index].attributes["exposed"] = "yes" }
            queue += built.unexported.filter { declaredType($0) != nil && !listed.contains($0) }.sorted()
            items += own
        }
        return items
    }

    /// The unqualified unexported identifiers in items' `signature`, `type` and `alias-of` texts.
    private static func unexportedTypeNames(in items: [RawItem]) -> Set<String> {
        var names: Set<String> = []
        for item in items {
            for attribute in ["signature", "type", "alias-of"] {
                guard let text = item.attributes[attribute] else { continue }
                GoCorrespondence.unqualifiedUnexportedNames(in: text, into: &names)
            }
        }
        return names
    }

    private func item<T>(
        _ name: String, _ doc: GoDocComment?, _ declared: Declared<T>, attributes: [String: String], line: Int
    ) -> RawItem {
        var attributes = attributes
        if let build = Self.buildCondition(declared.conditions) { attributes["build"] = build }
        return RawItem(
            key: importPath + "." + name, attributes: attributes,
            stability: doc?.deprecation != nil ? .deprecated : .stable,
            location: Location(path: path(declared.file), line: line))
    }

    func path(_ file: ParsedGoFile) -> String {
        folder.isEmpty ? file.name : folder + "/" + file.name
    }

    /// The builds that declare an item: nil when some file without a condition does, else the conditions united.
    static func buildCondition(_ conditions: [String?]) -> String? {
        if conditions.contains(where: { $0 == nil }) { return nil }
        let unique = Array(Set(conditions.compactMap { $0 })).sorted()
        if unique.count == 1 { return unique[0] }
        // Conditions that together hold in every build (`!go1.8` and `go1.8`): the item is in every build. Told
        // apart only for a few tags (a handful of builds); else the union is shown as it is.
        let union = unique.map { $0.utf8.contains(UInt8(ascii: " ")) ? "(\($0))" : $0 }.joined(separator: " || ")
        if unique.count < 5, let expression = GoBuildExpression(union), expression.tags.count < 4,
            let builds = GoBuild.all(telling: expression.tags), builds.allSatisfy({ expression.holds($0.holds) })
        {
            return nil
        }
        return union
    }

    /// The name a var's initialiser is, when it is one alone (`other.New`, `newClient`): the var holds what that
    /// name holds, often a func moved elsewhere (`var New = other.New`).
    private static func namedInitialiser(_ spec: GoValueSpec, _ index: Int) -> String? {
        guard spec.values.count == spec.names.count, index < spec.values.count else { return nil }
        let text = spec.values[index].text
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ part in
                guard let first = part.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
                    return false
                }
                return part.unicodeScalars.allSatisfy {
                    $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil
                }
            })
        else { return nil }
        return text
    }

    /// The type of the func of the module a var's initialiser names (`other.New`, `newClient`), as this package's
    /// texts write it (`func() other.Request`); nil for anything else (a var, a generic func, another module's name).
    private func functionType(_ name: String, in file: ParsedGoFile) -> String? {
        let parts = name.split(separator: ".")
        let owner: GoAPIPackage
        if parts.count == 1 {
            owner = self
        } else {
            guard parts.count == 2, let scope, let path = scope.importPath(of: String(parts[0]), in: file),
                scope.contains(path), path != importPath, let found = scope.package(at: path)
            else { return nil }
            owner = found
        }
        guard let function = owner.declaredFunction(String(parts[parts.count - 1])),
            function.value.signature.typeParameters.isEmpty
        else { return nil }
        if owner.importPath == importPath { return "func" + spelled(function.value.signature, in: function.file).description }
        return "func" + owner.text(of: .function(function.value.signature), in: function.file).qualified
    }

    /// The note of a var whose initialiser is a name alone (`namedInitialiser`), whose type is not read.
    static func typeOfName(_ name: String) -> String {
        "type of \(name), which needs type-checking; not compared"
    }

    private func inferredType(_ spec: GoValueSpec, _ index: Int) -> String? {
        guard spec.values.count == spec.names.count, index < spec.values.count else { return nil }
        let text = spec.values[index].text
        if text.hasPrefix("\"") || text.hasPrefix("`") { return "string" }
        if text == "true" || text == "false" { return "bool" }
        if text.hasPrefix("errors.New(") || text.hasPrefix("fmt.Errorf(") { return "error" }
        if let first = text.first, first.isNumber {
            return text.contains(".") || text.contains("e") && !text.hasPrefix("0x") ? "float64" : "int"
        }
        // A composite literal `T{...}` or `&T{...}` names its type.
        let body = text.hasPrefix("&") ? text.dropFirst() : text[...]
        if let brace = body.firstIndex(of: "{") {
            let head = body[..<brace]
            if !head.isEmpty,
                head.allSatisfy({
                    $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "[" || $0 == "]" || $0 == "*"
                })
            {
                return (text.hasPrefix("&") ? "*" : "") + head
            }
        }
        return nil
    }

    // MARK: - Types and their members

    /// A type's text with array lengths that name consts of the package evaluated (`[N]int` as `[4]int`), so a
    /// change of the const's value shows in the type.
    private static func description(of type: GoType, constants: ConstantTable) -> String {
        switch type {
        case .array(let length, let element):
            let value =
                length.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                ? constants.recordedValue(of: length) : nil
            return "[\(value?.description ?? length)]" + description(of: element, constants: constants)
        case .slice(let element): return "[]" + description(of: element, constants: constants)
        case .pointer(let element): return "*" + description(of: element, constants: constants)
        default: return type.description
        }
    }

    /// The defined type of this package an alias names, through chains of aliases (`type Old = New`): its name
    /// and declaration; the type itself when it is not such an alias.
    private func definition(of name: String, _ declared: Declared<GoTypeSpec>) -> (String, Declared<GoTypeSpec>) {
        var current = (name, declared)
        var seen: Set<String> = [name]
        while current.1.value.isAlias, current.1.value.typeParameters.isEmpty,
            case .named(nil, let target, let arguments) = current.1.value.type, arguments.isEmpty,
            let next = declaredType(target), !seen.contains(target)
        {
            seen.insert(target)
            current = (target, next)
        }
        return current.1.value.isAlias ? (name, declared) : current
    }

    private func typeItems(
        _ name: String, _ aliasOrType: Declared<GoTypeSpec>, constants: ConstantTable, memo: Memo
    ) -> [RawItem] {
        // An alias of a type of this package is that type under a second name: same attributes, same members.
        let (definedName, declared) = definition(of: name, aliasOrType)
        let spec = declared.value
        var attributes: [String: String] = ["kind": spec.isAlias ? "alias" : "type"]
        if definedName != name { attributes["alias-of"] = definedName }
        if !spec.typeParameters.isEmpty {
            attributes["typeparams"] =
                "["
                + spec.typeParameters.map {
                    GoTypeParameter(name: $0.name, constraint: spelled($0.constraint, in: declared.file)).description
                }.joined(separator: ", ") + "]"
        }
        var members: [RawItem] = []
        // `any` is `interface{}`: `type T any` and `type T interface{}` are one type.
        let type: GoType =
            spec.type == .named(package: nil, name: "any", arguments: []) && !declaresType("any")
            ? .interface([]) : spec.type
        // An alias of a type of another package of the module lists that type's members, as users reach them
        // through the alias; an alias of another module's type cannot (a note says so).
        var aliased: (owner: GoAPIPackage, name: String)?
        if spec.isAlias, let target = resolve(spec.type, in: declared.file).map({ $0.owner.definedType($0.name) }),
            target.owner.declaredType(target.name)?.value.isAlias == false
        {
            aliased = target
        }
        // A type moved behind an alias (`type T = other.T`, the target a defined type of the module, one under
        // `internal/` too): what the target is, as this package's texts write it, so that the move is compared with
        // the type it replaced (`GoCompatibility.movedBehindAlias`); its members are listed below.
        if spec.isAlias, spec.typeParameters.isEmpty, case .named(_, _, []) = spec.type, let aliased,
            let target = aliased.owner.declaredType(aliased.name), target.value.typeParameters.isEmpty
        {
            attributes.merge(aliased.owner.targetAttributes(aliased.name, target, memo: memo)) { _, target in target }
        }
        // `type A B` with B a struct type of the module is a struct type: B's fields are A's (`memberSet`).
        var definesStruct = false
        if !spec.isAlias, spec.typeParameters.isEmpty, case .named(_, _, []) = spec.type {
            definesStruct = underlyingStruct(of: declared) != nil
        }
        switch type {
        case .structure where !spec.isAlias, .named where definesStruct:
            attributes["type"] = "struct"
            switch comparability(spec.type, in: declared.file, memo: memo, depth: 0) {
            case .yes: break
            case .no: attributes["comparable"] = "no"
            case .unknown(let foreign):
                // Whether `==` compiles depends on another module's type: no claim either way.
                attributes["comparable"] = "?"
                attributes["note"] =
                    "comparability depends on \(foreign.sorted().joined(separator: ", ")) from another module "
                    + "(needs type-checking)"
            }
        case .interface where !spec.isAlias:
            let shape = interfaceShape(definedName, memo: memo, depth: 0)
            let typeElements = shape.typeElements
            attributes["type"] =
                typeElements.isEmpty ? "interface" : "interface{ \(typeElements.joined(separator: "; ")) }"
            attributes["sealed"] = shape.sealed ? "yes" : "no"
            if !shape.foreign.isEmpty { attributes["embeds"] = shape.foreign.sorted().joined(separator: ", ") }
            if let cut = shape.cut {
                attributes["note"] = "embedding of \(cut) not followed: more than \(Limit.goEmbeddingDepth) levels deep"
            } else if !shape.foreign.isEmpty && !shape.sealed {
                attributes["note"] =
                    "methods of embedded \(shape.foreign.sorted().joined(separator: ", ")) not listed "
                    + "(needs type-checking)"
            }
            members += interfaceMembers(name, shape)
        default:
            attributes["type"] =
                (spec.isAlias ? "= " : "")
                + Self.description(of: spelled(spec.type, in: declared.file), constants: constants)
            if spec.isAlias, aliased == nil, case .named(let package?, _, _) = spec.type,
                Self.knownInterface(spec.type, in: declared.file) == nil
            {
                let qualifier = declared.file.canonicalQualifiers.canonical(package)
                attributes["note"] = Self.aliasMembersNotListed(qualifier + "." + (spec.type.baseName?.name ?? ""))
            }
            if let known = Self.knownInterface(spec.type, in: declared.file) {
                // `type W io.Writer` is an interface with io.Writer's methods; `type W = io.Writer` lists them too.
                if !spec.isAlias {
                    attributes["type"] = "interface"
                    attributes["sealed"] = "no"
                }
                for (method, signature) in known {
                    members.append(
                        RawItem(
                            key: "\(importPath).\(name).\(method)",
                            attributes: [
                                "kind": "method", "receiver": "interface", "signature": signature,
                                "via": spelled(spec.type, in: declared.file).description,
                            ], stability: .stable,
                            location: Location(path: path(declared.file), line: spec.position.line)))
                }
            } else if let aliased, case .interface = aliased.owner.declaredType(aliased.name)?.value.type {
                members += interfaceMembers(name, aliased.owner.interfaceShape(aliased.name, memo: memo, depth: 0))
            }
        }
        var own = item(
            name, aliasOrType.value.doc, aliasOrType, attributes: attributes, line: aliasOrType.value.position.line)
        let memberSource = spec.isAlias ? aliased : (self, definedName)
        if let memberSource {
            let set = memberSource.owner.memberSet(of: memberSource.name, memo: memo, seenFrom: importPath)
            var notes: [String] = []
            if !set.foreign.isEmpty {
                notes.append(
                    "members promoted from \(set.foreign.sorted().joined(separator: ", ")) not listed "
                        + "(needs type-checking)")
            }
            if let cut = set.cut {
                notes.append("embedding of \(cut) not followed: more than \(Limit.goEmbeddingDepth) levels deep")
            }
            for note in notes { own.attributes["note"] = own.attributes["note"].map { $0 + "; " + note } ?? note }
            for (memberName, member) in set.members where Self.isExported(memberName) {
                var memberAttributes = member.attributes
                if let via = member.via { memberAttributes["via"] = via }
                if let build = own.attributes["build"] ?? Self.buildCondition(member.conditions) {
                    memberAttributes["build"] = build
                }
                members.append(
                    RawItem(
                        key: "\(importPath).\(name).\(memberName)", attributes: memberAttributes,
                        stability: member.deprecated ? .deprecated : .stable,
                        location: Location(path: member.path, line: member.line)))
            }
        }
        return [own] + members
    }

    /// What an alias of this package's defined type `name` (no type parameters) shows of it: `underlying` (`struct`,
    /// `interface`, or the type's text qualified as other packages write it: `func(p.Classifier) error`), with
    /// `underlying-imports` (the import paths of its qualifiers, as `imports` writes them, this package's own
    /// included), and the `comparable`, `sealed` and `embeds` its own item has.
    fileprivate func targetAttributes(_ name: String, _ declared: Declared<GoTypeSpec>, memo: Memo) -> [String: String] {
        var result: [String: String] = [:]
        let spec = declared.value
        let type: GoType =
            spec.type == .named(package: nil, name: "any", arguments: []) && !declaresType("any")
            ? .interface([]) : spec.type
        var isStruct = false
        if case .structure = type { isStruct = true }
        if case .named(_, _, []) = spec.type { isStruct = underlyingStruct(of: declared) != nil }
        switch type {
        case _ where isStruct:
            result["underlying"] = "struct"
            switch comparability(spec.type, in: declared.file, memo: memo, depth: 0) {
            case .yes: break
            case .no: result["comparable"] = "no"
            case .unknown: result["comparable"] = "?"
            }
        case .interface:
            let shape = interfaceShape(name, memo: memo, depth: 0)
            result["underlying"] =
                shape.typeElements.isEmpty ? "interface" : "interface{ \(shape.typeElements.joined(separator: "; ")) }"
            result["sealed"] = shape.sealed ? "yes" : "no"
            if !shape.foreign.isEmpty { result["embeds"] = shape.foreign.sorted().joined(separator: ", ") }
        default:
            let aliases = declared.file.canonicalQualifiers
            let text = type.rewritingQualifiers(except: []) { package, name, _ in
                if let package { return aliases.canonical(package) }
                return self.declaresType(name) ? self.name : nil
            }.description
            result["underlying"] = text
            guard let scope, text.utf8.contains(UInt8(ascii: ".")) else { break }
            let written = { (path: String) in
                GoImportIdentity.relative(path, module: scope.modulePath, inferred: false, folders: [])
            }
            let table = GoImportIdentity.Table(file: declared.file, declared: Set(types.keys), written: written)
            // The package's own types are written with its name: a file that imports another package under that
            // name makes the text ambiguous, and then nothing is claimed to be the same type.
            guard table.byQualifier[self.name] == nil else {
                result["underlying"] = nil
                break
            }
            var paths: [String: Set<String>] = [:]
            table.paths(in: text, into: &paths)
            if GoCorrespondence.tokens(text).contains(self.name) { paths[self.name] = [written(importPath)] }
            if !paths.isEmpty { result["underlying-imports"] = GoImportIdentity.text(paths) }
        }
        return result
    }

    /// The note of an alias of another module's type, whose members are not read: `removalBump` claims no removal
    /// of a member of such an alias.
    static func aliasMembersNotListed(_ target: String) -> String {
        "members of \(target) not listed (needs type-checking)"
    }

    /// The types of other modules an item's type embeds, whose members are not read: an interface's `embeds`, a
    /// struct's "members promoted from ... not listed" note.
    static func foreignEmbeddings(of item: SurfaceItem) -> Set<String> {
        var found: Set<String> = []
        if let embeds = item.attributes["embeds"] {
            found.formUnion(embeds.components(separatedBy: ", "))
        }
        let prefix = "members promoted from "
        let suffix = " not listed (needs type-checking)"
        for note in item.attributes["note"]?.components(separatedBy: "; ") ?? []
        where note.hasPrefix(prefix) && note.hasSuffix(suffix) {
            found.formUnion(note.dropFirst(prefix.count).dropLast(suffix.count).components(separatedBy: ", "))
        }
        return found
    }

    static func saysAliasMembersNotListed(_ note: String) -> Bool {
        note.hasPrefix("members of ") && note.hasSuffix(" not listed (needs type-checking)")
    }

    /// The exported methods of an interface's method set as items of the type `name` of this package.
    private func interfaceMembers(_ name: String, _ shape: InterfaceShape) -> [RawItem] {
        shape.methods.filter { Self.isExported($0.key) }.map { method, member in
            var attributes = [
                "kind": "method", "receiver": "interface", "signature": member.signature.seen(from: importPath),
            ]
            if let via = member.via { attributes["via"] = via }
            return RawItem(
                key: "\(importPath).\(name).\(method)", attributes: attributes,
                stability: member.deprecated ? .deprecated : .stable,
                location: Location(path: member.path, line: member.line))
        }
    }

    /// Interfaces of the standard library whose method sets are known without reading them, by import path and name:
    /// embedding `io.Reader` or spelling out `Read([]byte) (int, error)` is the same method set.
    private static let knownInterfaces: [String: [(String, String)]] = {
        let read = ("Read", "([]byte) (int, error)")
        let write = ("Write", "([]byte) (int, error)")
        let close = ("Close", "() error")
        let seek = ("Seek", "(int64, int) (int64, error)")
        return [
            "io.Reader": [read], "io.Writer": [write], "io.Closer": [close], "io.Seeker": [seek],
            "io.ReadWriter": [read, write], "io.ReadCloser": [read, close], "io.WriteCloser": [write, close],
            "io.ReadWriteCloser": [read, write, close], "io.ReadSeeker": [read, seek],
            "io.ReadSeekCloser": [read, seek, close], "io.ReaderAt": [("ReadAt", "([]byte, int64) (int, error)")],
            "io.WriterAt": [("WriteAt", "([]byte, int64) (int, error)")],
            "io.ByteReader": [("ReadByte", "() (byte, error)")],
            "io.StringWriter": [("WriteString", "(string) (int, error)")],
            "io.WriterTo": [("WriteTo", "(io.Writer) (int64, error)")],
            "io.ReaderFrom": [("ReadFrom", "(io.Reader) (int64, error)")],
            "fmt.Stringer": [("String", "() string")], "fmt.GoStringer": [("GoString", "() string")],
            "sort.Interface": [("Len", "() int"), ("Less", "(int, int) bool"), ("Swap", "(int, int)")],
            "context.Context": [
                ("Deadline", "() (time.Time, bool)"), ("Done", "() <-chan struct{}"), ("Err", "() error"),
                ("Value", "(any) any"),
            ],
            "encoding/json.Marshaler": [("MarshalJSON", "() ([]byte, error)")],
            "encoding/json.Unmarshaler": [("UnmarshalJSON", "([]byte) error")],
            "encoding.TextMarshaler": [("MarshalText", "() ([]byte, error)")],
            "encoding.TextUnmarshaler": [("UnmarshalText", "([]byte) error")],
            "net/http.Handler": [("ServeHTTP", "(http.ResponseWriter, *http.Request)")],
            "net/http.RoundTripper": [("RoundTrip", "(*http.Request) (*http.Response, error)")],
        ]
    }()

    /// The methods of a standard interface `type` names, when `file` imports its package under that qualifier.
    static func knownInterface(_ type: GoType, in file: ParsedGoFile) -> [(String, String)]? {
        guard case .named(let qualifier?, let name, let arguments) = type, arguments.isEmpty,
            let path = importPath(of: qualifier, in: file)
        else { return nil }
        return knownInterfaces[path + "." + name]
    }
}

/// The bytes of string constants the evaluator may still build in one run (`Limit.goConstantBytesPerRun`): one
/// value is capped by the evaluator, this caps their sum, so memory follows the source read, not what it computes.
///
/// Running out stops the run (exit 2) rather than leaving later values unevaluated: which values those would be
/// depends on what the command read before (`audit` reads every release, `surface` one revision), and a value
/// that is there at one release and missing at the next is a change the code never made.
final class ConstantBudget {
    var remaining = Limit.goConstantBytesPerRun
    /// The package being built when the budget ran out; the reader stops the run there.
    var exhaustedIn: String?
}

/// Const values of a package, evaluated on demand without recursion, with cycles cut.
private final class ConstantTable {
    let package: GoAPIPackage
    private var cache: [String: GoConstant?] = [:]
    /// Why a name has no value, when a limit stopped its evaluation or that of a constant it uses.
    private var limits: [String: String] = [:]
    private var inProgress: Set<String> = []
    private var specs: [String: (file: ParsedGoFile, declaration: Int, spec: GoValueSpec, index: Int)] = [:]

    init(package: GoAPIPackage) {
        self.package = package
        for file in package.files {
            for (declarationIndex, declaration) in file.file.declarations.enumerated() {
                guard case .value(let spec) = declaration, spec.isConstant else { continue }
                for (index, name) in spec.names.enumerated() where name != "_" && specs[name] == nil {
                    specs[name] = (file, declarationIndex, spec, index)
                }
            }
        }
    }

    /// The value's Go text: evaluated when possible, else the initialiser's text (with `iota` noted), and the limit
    /// that stopped evaluation, if one did.
    func text(of name: String) -> (text: String, limit: String?) {
        if let value = value(of: name) { return (value.description, nil) }
        guard let entry = specs[name], entry.index < entry.spec.values.count else { return ("?", limits[name]) }
        let text = entry.spec.values[entry.index].text
        return (text.contains("iota") ? "\(text) (iota=\(entry.spec.iota))" : text, limits[name])
    }

    /// `value(of:)`, noted as a lookup of the type being built alone.
    func recordedValue(of name: String) -> GoConstant? {
        package.noteConstantRead(name)
        return value(of: name)
    }

    /// The value of `name`, evaluating the constants it uses first with an explicit stack (depth-first, children
    /// before parents): a chain of 100,000 constants each naming the next costs no stack.
    func value(of name: String) -> GoConstant? {
        var stack: [(name: String, ready: Bool)] = [(name, false)]
        while let (next, ready) = stack.popLast() {
            if cache[next] != nil { continue }
            guard let entry = specs[next], let tokens = entry.file.constantTokens[entry.declaration],
                entry.index < tokens.count
            else { continue }
            if ready {
                inProgress.remove(next)
                evaluate(next, tokens: tokens[entry.index], iota: entry.spec.iota)
                continue
            }
            if inProgress.contains(next) { continue }
            inProgress.insert(next)
            stack.append((next, true))
            for token in tokens[entry.index] where token.kind == .identifier {
                if specs[token.text] != nil && cache[token.text] == nil && !inProgress.contains(token.text) {
                    stack.append((token.text, false))
                }
            }
        }
        return cache[name] ?? nil
    }

    /// Evaluates one constant whose dependencies are evaluated (or on a cycle, so unknown) and remembers it.
    private func evaluate(_ name: String, tokens: [GoToken], iota: Int) {
        var inherited: String?
        let outcome = GoConstantEvaluator.outcome(tokens, iota: iota) { used in
            let value = self.cache[used] ?? nil
            if value == nil, let limit = self.limits[used] { inherited = inherited ?? limit }
            return value
        }
        var result = outcome.value
        var limit = outcome.limit ?? inherited
        if case .string(let text) = result {
            if text.utf8.count > package.constantBudget.remaining {
                result = nil
                limit = "string constants of this run exceed \(Limit.goConstantBytesPerRun) bytes"
                package.constantBudget.exhaustedIn = package.constantBudget.exhaustedIn ?? package.importPath
            } else {
                package.constantBudget.remaining -= text.utf8.count
            }
        }
        cache[name] = result
        limits[name] = result == nil ? limit : nil
    }
}

/// The canonical spelling of a file's import qualifiers (`ParsedGoFile.canonicalQualifiers`).
struct GoQualifiers: Sendable {
    /// Aliases spelled otherwise.
    var aliases: [String: String] = [:]
    /// Names the file's imports are known by (aliases, and last elements of paths that say their package's name).
    var known: Set<String> = []
    /// The canonical names of imports without an alias whose package clause the path does not say (versioned paths).
    var versioned: [String] = []
    /// Imports without an alias whose package clause is unknown and that are not versioned (`go-digest`).
    var opaque = 0

    /// True when every qualifier is spelled as written.
    var isIdentity: Bool { aliases.isEmpty && versioned.isEmpty }

    /// The canonical spelling of `qualifier`. A qualifier no import names is the package clause of a versioned import
    /// (`clientv3` of `go.etcd.io/etcd/client/v3`): the one such import when no other import's name is unknown,
    /// else the one whose name it begins with; as written when that is ambiguous.
    func canonical(_ qualifier: String) -> String {
        if let alias = aliases[qualifier] { return alias }
        if versioned.isEmpty || known.contains(qualifier) || versioned.contains(qualifier) { return qualifier }
        if versioned.count == 1, opaque == 0, let only = versioned.first { return only }
        let matching = versioned.filter { qualifier.hasPrefix($0) }
        return matching.count == 1 ? matching[0] : qualifier
    }
}
