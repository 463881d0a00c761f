import GoSource
import Limits

/// Following a package's types through their definitions: interface method sets with embedded interfaces expanded,
/// struct member sets with promoted fields and methods, and comparability. Types of the package itself are followed
/// by name; types of another package of the same module (`httpext.Response` embedded in `http.Response`) through
/// the module scope, and their texts are qualified as the embedding package sees them (`Timings` of package
/// `httpext` is `httpext.Timings`). Types of other modules are not read: they stay unknown, with a note.
extension GoAPIPackage {
    /// Whether values of a type can be compared with `==`, as far as the module's source says.
    enum Comparability: Equatable {
        case yes
        case no
        /// It depends on types of other modules, whose definitions are not read.
        case unknown(Set<String>)
    }

    /// Types of the standard library whose comparability is known without reading them (the common field types).
    private static let comparableForeign: Set<String> = [
        "time.Time", "time.Duration", "time.Month", "time.Weekday", "context.Context", "io/fs.FileMode", "os.FileMode",
        "reflect.Kind", "reflect.Type", "sync.Mutex", "sync.RWMutex", "sync.Once", "sync/atomic.Bool",
        "sync/atomic.Int32", "sync/atomic.Int64", "sync/atomic.Uint32", "sync/atomic.Uint64", "sync/atomic.Value",
        "io.Reader", "io.Writer", "io.ReadCloser", "io.WriteCloser", "io.Closer", "net.Conn", "net/http.Handler",
        "net/http.RoundTripper", "log/slog.Level", "log/slog.Logger", "log.Logger", "net/url.URL", "net/netip.Addr",
        "net/netip.Prefix", "net/netip.AddrPort",
    ]
    /// Standard library types that hold a slice, map or func: a struct with one is not comparable.
    private static let incomparableForeign: Set<String> = [
        "net/http.Header", "net/url.Values", "net.IP", "net.IPMask", "encoding/json.RawMessage", "net/http.Request",
        "net/http.Client", "crypto/tls.Config", "crypto/tls.Certificate", "crypto/x509.Certificate",
        "crypto/x509.CertPool", "bytes.Buffer", "strings.Builder", "regexp.Regexp", "net/http.Cookie", "math/big.Int",
        "math/big.Float",
    ]

    /// The memo key of this package's type `name`: import paths may contain dots, type names do not.
    private func key(_ name: String) -> String { importPath + "." + name }

    /// The package and name of the type a named type (or a pointer to one) written in `file` denotes: this
    /// package's, or another package's of the same module; nil for a type of another module, a type parameter, or
    /// a name no package of the module declares.
    func resolve(_ type: GoType, in file: ParsedGoFile) -> (owner: GoAPIPackage, name: String)? {
        guard let base = type.baseName else { return nil }
        guard let qualifier = base.package else { return declaresType(base.name) ? (self, base.name) : nil }
        guard let scope, let path = scope.importPath(of: qualifier, in: file), scope.contains(path),
            let owner = scope.package(at: path), owner.declaresType(base.name)
        else { return nil }
        return (owner, base.name)
    }

    /// The defined type an alias names, through chains of aliases across the module's packages (`type T = u.T`),
    /// at most `Limit.goEmbeddingDepth` links; the name itself when it is not an alias or leads nowhere known.
    func definedType(_ name: String) -> (owner: GoAPIPackage, name: String) {
        var current = (owner: self, name: name)
        for _ in 0..<Limit.goEmbeddingDepth {
            guard let declared = current.owner.declaredType(current.name), declared.value.isAlias,
                declared.value.typeParameters.isEmpty, case .named(_, _, []) = declared.value.type,
                let next = current.owner.resolve(declared.value.type, in: declared.file),
                next.owner.key(next.name) != current.owner.key(current.name)
            else { break }
            current = next
        }
        return current
    }

    /// Whether `type` (written in `file`) is comparable: a slice, map or func, or an array or struct (of the module,
    /// followed by name) holding one, is not; a named type of another module is unknown unless it is a well-known
    /// standard type (looked up by import path, so a module's own `time` package is not `time`). Each name is worked
    /// out once (`memo`); names on a cycle or more than `Limit.goEmbeddingDepth` deep count as comparable, as Go's
    /// own rule for an undecided name would not make them otherwise.
    func comparability(_ type: GoType, in file: ParsedGoFile, memo: Memo, depth: Int) -> Comparability {
        switch type {
        case .slice, .map, .function: return .no
        case .array(_, let element): return comparability(element, in: file, memo: memo, depth: depth)
        case .structure(let fields):
            var unknown: Set<String> = []
            for field in fields {
                switch comparability(field.type, in: file, memo: memo, depth: depth) {
                case .no: return .no
                case .unknown(let names): unknown.formUnion(names)
                case .yes: break
                }
            }
            return unknown.isEmpty ? .yes : .unknown(unknown)
        case .named(nil, let name, _):
            return namedComparability(name, memo: memo, depth: depth)
        case .named(let qualifier?, let name, let arguments):
            if let (owner, name) = resolve(type, in: file) {
                return owner.namedComparability(name, memo: memo, depth: depth)
            }
            let standard = arguments.isEmpty ? Self.importPath(of: qualifier, in: file).map { $0 + "." + name } : nil
            if let standard, Self.comparableForeign.contains(standard) { return .yes }
            if let standard, Self.incomparableForeign.contains(standard) { return .no }
            return .unknown([spelled(type, in: file).description])
        default: return .yes
        }
    }

    /// The comparability of this package's type `name`, remembered in `memo`.
    private func namedComparability(_ name: String, memo: Memo, depth: Int) -> Comparability {
        let key = key(name)
        if let known = memo.comparable[key] { return known }
        guard depth < Limit.goEmbeddingDepth, !memo.comparing.contains(key) else {
            memo.cut = true
            return .yes
        }
        guard let declared = declaredType(name) else { return .yes }
        memo.comparing.insert(key)
        let result = comparability(declared.value.type, in: declared.file, memo: memo, depth: depth + 1)
        memo.comparing.remove(key)
        memo.comparable[key] = result
        return result
    }

    /// The import path a file imports under `qualifier`.
    static func importPath(of qualifier: String, in file: ParsedGoFile) -> String? {
        file.importPaths[qualifier]
    }

    /// What the module's type names resolve to, each worked out once per package build: a diamond of embeddings
    /// costs one visit a name, not one a path. Keys are import path and name.
    final class Memo {
        var shapes: [String: InterfaceShape] = [:]
        var shaping: Set<String> = []
        var comparable: [String: Comparability] = [:]
        var comparing: Set<String> = []
        /// True once a cycle or a depth limit cut what a name resolves to: what is remembered may then depend on
        /// which name was worked out first.
        var cut = false
    }

    /// A method of an interface's method set, with its signature as its own package writes it and as other
    /// packages see it.
    struct InterfaceMethod {
        let signature: QualifiedText
        let via: String?
        let deprecated: Bool
        let path: String
        let line: Int
    }

    /// A type's text as the package declaring it (`home`) writes it, and as any other package sees it (that
    /// package's type names qualified with its name).
    struct QualifiedText {
        let home: String
        let local: String
        let qualified: String

        /// The same text in every package (a standard type's method, a text naming no type of its package).
        init(_ text: String) {
            home = ""
            local = text
            qualified = text
        }

        init(home: String, local: String, qualified: String) {
            self.home = home
            self.local = local
            self.qualified = qualified
        }

        /// The text as the package at `importPath` writes it.
        func seen(from importPath: String) -> String { home == importPath || home.isEmpty ? local : qualified }
    }

    struct InterfaceShape {
        var methods: [String: InterfaceMethod] = [:]
        var typeElements: [String] = []
        var foreign: Set<String> = []
        var sealed = false
        /// The first embedded interface not followed because it lies more than `Limit.goEmbeddingDepth` deep.
        var cut: String?
    }

    /// The method set of the interface `name` with embedded interfaces of the module expanded, remembered in `memo`;
    /// an embedding cycle is cut where it closes.
    func interfaceShape(_ name: String, memo: Memo, depth: Int) -> InterfaceShape {
        let key = key(name)
        if let known = memo.shapes[key] { return known }
        guard let declared = declaredType(name), case .interface(let elements) = declared.value.type else {
            return InterfaceShape()
        }
        memo.shaping.insert(key)
        defer { memo.shaping.remove(key) }
        var shape = InterfaceShape()
        var seenElements: Set<String> = []
        let file = declared.file
        for element in elements {
            switch element {
            case .method(let method, let signature, let doc, let position):
                shape.methods[method] = InterfaceMethod(
                    signature: text(of: .function(signature), in: file), via: nil, deprecated: doc?.deprecation != nil,
                    path: path(file), line: position.line)
                if !Self.isExported(method) { shape.sealed = true }
            case .embedded(let type, _):
                if let known = Self.knownInterface(type, in: file) {
                    for (method, signature) in known where shape.methods[method] == nil {
                        shape.methods[method] = InterfaceMethod(
                            signature: QualifiedText(signature), via: spelled(type, in: file).description,
                            deprecated: false,
                            path: path(file), line: 0)
                    }
                } else if let base = type.baseName,
                    let target = resolve(type, in: file).map({
                        $0.owner.definedType($0.name)
                    }), case .interface = target.owner.declaredType(target.name)?.value.type
                {
                    let targetKey = target.owner.key(target.name)
                    if memo.shaping.contains(targetKey) {
                        memo.cut = true
                        continue
                    }
                    guard depth < Limit.goEmbeddingDepth else {
                        memo.cut = true
                        shape.cut = shape.cut ?? spelled(type, in: file).description
                        continue
                    }
                    let innerShape = target.owner.interfaceShape(target.name, memo: memo, depth: depth + 1)
                    for (method, member) in innerShape.methods where shape.methods[method] == nil {
                        shape.methods[method] = InterfaceMethod(
                            signature: member.signature,
                            via: member.via ?? (base.package == nil ? base.name : spelled(type, in: file).description),
                            deprecated: member.deprecated, path: member.path, line: member.line)
                    }
                    // Another package's unexported method cannot be implemented here: embedding it seals too.
                    shape.sealed = shape.sealed || innerShape.sealed
                    shape.foreign.formUnion(innerShape.foreign)
                    shape.cut = shape.cut ?? innerShape.cut
                    for element in innerShape.typeElements where seenElements.insert(element).inserted {
                        shape.typeElements.append(element)
                    }
                } else if case .named(.some, _, _) = type {
                    shape.foreign.insert(spelled(type, in: file).description)
                } else if case .named(nil, "error", []) = type {
                    shape.methods["Error"] = InterfaceMethod(
                        signature: QualifiedText("() string"), via: "error", deprecated: false, path: path(file),
                        line: 0)
                } else if case let text = spelled(type, in: file).description, seenElements.insert(text).inserted {
                    shape.typeElements.append(text)
                }
            }
        }
        memo.shapes[key] = shape
        return shape
    }

    /// The text of a type written in `file` of this package: as this package sees it, and qualified as other
    /// packages see it. A function type's text is its signature (`(int) error`), without `func`. Import aliases are
    /// spelled canonically (`ParsedGoFile.canonicalQualifiers`).
    func text(of type: GoType, in file: ParsedGoFile, typeParameters: Set<String> = []) -> QualifiedText {
        let aliases = file.canonicalQualifiers
        let local = spelled(type, in: file)
        let qualified = type.rewritingQualifiers(except: typeParameters) { package, name, parameters in
            if let package { return aliases.canonical(package) }
            return !parameters.contains(name) && self.declaresType(name) ? self.name : nil
        }
        return QualifiedText(home: importPath, local: Self.text(of: local), qualified: Self.text(of: qualified))
    }

    /// `text(of:in:typeParameters:)` as the package at `viewer` sees it: the qualified text is built only for
    /// another package (members of a package's own types, nearly all of them, need only the local one).
    func text(of type: GoType, in file: ParsedGoFile, typeParameters: Set<String>, seenFrom viewer: String) -> String {
        guard viewer == importPath || importPath.isEmpty else {
            return text(of: type, in: file, typeParameters: typeParameters).qualified
        }
        return Self.text(of: spelled(type, in: file))
    }

    private static func text(of type: GoType) -> String {
        if case .function(let signature) = type { return signature.description }
        return type.description
    }

    /// `type` with the import aliases of `file` spelled canonically: `hapi_release5.Release` and
    /// `hapi_release3.Release` are one type when both aliases name the same import path.
    func spelled(_ type: GoType, in file: ParsedGoFile) -> GoType {
        let aliases = file.canonicalQualifiers
        guard !aliases.isIdentity else { return type }
        return type.rewritingQualifiers(except: []) { package, _, _ in package.map { aliases.canonical($0) } }
    }

    func spelled(_ signature: GoSignature, in file: ParsedGoFile) -> GoSignature {
        guard case .function(let spelled) = spelled(.function(signature), in: file) else { return signature }
        return spelled
    }

    struct Member {
        var attributes: [String: String]
        var via: String?
        var deprecated: Bool
        var path: String
        var line: Int
        var conditions: [String?]
        var depth: Int

        /// An unexported member of the type's own package: it is never listed, but its name hides or makes
        /// ambiguous the same name deeper down, so only its place is kept.
        static func unlisted(depth: Int) -> Member {
            Member(attributes: [:], via: nil, deprecated: false, path: "", line: 0, conditions: [], depth: depth)
        }
    }

    struct MemberSet {
        var members: [String: Member] = [:]
        var foreign: Set<String> = []
        /// The first embedded type not followed because it lies more than `Limit.goEmbeddingDepth` deep.
        var cut: String?
    }

    /// Where a defined type's fields are declared: its own declaration, or for `type A B` (no type parameters or
    /// arguments) the struct of the module that B is defined from, through names and aliases (`type B C`,
    /// `type C = other.D`), at most `Limit.goEmbeddingDepth` links.
    func fieldSource(of declared: Declared<GoTypeSpec>, typeParameters: Set<String>) -> (
        owner: GoAPIPackage, declared: Declared<GoTypeSpec>
    ) {
        guard !declared.value.isAlias, typeParameters.isEmpty, case .named(_, _, []) = declared.value.type,
            let found = underlyingStruct(of: declared)
        else { return (self, declared) }
        return found
    }

    /// The struct of the module a defined type `type A B` is defined from (`fieldSource`); nil when the names lead
    /// to another module's type, a generic one, a type that is no struct, or a cycle.
    func underlyingStruct(of declared: Declared<GoTypeSpec>) -> (owner: GoAPIPackage, declared: Declared<GoTypeSpec>)?
    {
        var owner = self
        var current = declared
        for _ in 0...Limit.goEmbeddingDepth {
            switch current.value.type {
            case .structure: return (owner, current)
            case .named(_, _, let arguments) where arguments.isEmpty && current.value.typeParameters.isEmpty:
                guard let next = owner.resolve(current.value.type, in: current.file).map({ $0.owner.definedType($0.name) }),
                    let nextDeclared = next.owner.declaredType(next.name), !nextDeclared.value.isAlias
                else { return nil }
                owner = next.owner
                current = nextDeclared
            default: return nil
            }
        }
        return nil
    }

    /// A method's signature written with the names its receiver's type declaration gives the type parameters, or, when
    /// that would change what a name means, as written with the receiver's names (`own`, the method item's
    /// `typeparams`).
    ///
    /// Inside `func (l L[U]) Get() U` the receiver's `U` is `L`'s first parameter, whatever `type L[T any]` calls it,
    /// and inside `func (l L[string]) Get() string` the `string` is that parameter, not the universe's type. Written
    /// with the declaration's names (`() T`), renaming the receiver's names is no change, and every text of the type
    /// and its members is read against one list of names (`GoCorrespondence` compares them by place). When the text
    /// writes a declaration's name for something else (`func (l L[U]) Set(T) U` with `type T int`), or the receiver
    /// does not name each parameter once, renaming would capture it: the text keeps the receiver's names.
    static func methodSignature(_ function: GoFunction, typeParameters declared: [String]) -> (
        signature: GoSignature, own: [String]?
    ) {
        let written = function.receiver?.typeParameters ?? []
        guard written != declared else { return (function.signature, nil) }
        guard written.count == declared.count, !written.contains("?"),
            Set(written.filter { $0 != "_" }).count == written.filter({ $0 != "_" }).count
        else { return (function.signature, written) }
        let writtenNames = Set(written)
        let tokens = GoCorrespondence.tokens(GoType.function(function.signature).description)
        let captures = tokens.enumerated().contains { index, token in
            declared.contains(token) && !writtenNames.contains(token) && !(index > 0 && tokens[index - 1] == ".")
        }
        guard !captures else { return (function.signature, written) }
        var names: [String: String] = [:]
        for (name, place) in zip(written, declared) where name != "_" { names[name] = place }
        guard case .function(let renamed) = GoType.function(function.signature).renamingUnqualified(names) else {
            return (function.signature, written)
        }
        return (renamed, nil)
    }

    /// The fields and methods of a defined type, with those promoted from embedded types of the module (this
    /// package's or another's); a name found twice at the same depth is ambiguous in Go and left out. Members of a
    /// type of another package are written as this package sees them (`Timings` as `httpext.Timings`).
    func memberSet(of name: String, memo: Memo, seenFrom viewer: String) -> MemberSet {
        struct Entry {
            let owner: GoAPIPackage
            let name: String
            let via: String?
            let pointer: Bool
        }
        var set = MemberSet()
        var ambiguous: Set<String> = []
        var blocked: Set<String> = []
        // Breadth-first over embedded types: the type, the path of embeddings, reached through a pointer.
        var level = [Entry(owner: self, name: name, via: nil, pointer: false)]
        var seen: Set<String> = [key(name)]
        var depth = 0
        while !level.isEmpty {
            guard depth <= Limit.goEmbeddingDepth else {
                set.cut = set.cut ?? level.first.map { $0.via ?? $0.name }
                break
            }
            var found: [String: Member] = [:]
            var next: [Entry] = []
            for entry in level {
                let owner = entry.owner
                guard let declared = owner.declaredType(entry.name) else { continue }
                let typeParameters = Set(declared.value.typeParameters.map(\.name))
                // Another package's unexported members are other names than this package's: never reachable here.
                let foreignOwner = owner.importPath != viewer
                for (method, function) in owner.declaredMethods(of: entry.name) ?? [:] {
                    let exported = Self.isExported(method)
                    if foreignOwner && !exported { continue }
                    let member: Member
                    if exported {
                        let pointerOnly = function.value.receiver?.isPointer == true && !entry.pointer
                        let (signature, own) = Self.methodSignature(
                            function.value, typeParameters: declared.value.typeParameters.map(\.name))
                        var attributes = [
                            "kind": "method", "receiver": pointerOnly ? "pointer" : "value",
                            "signature": owner.text(
                                of: .function(signature), in: function.file,
                                typeParameters: own.map { Set($0) } ?? typeParameters, seenFrom: viewer),
                        ]
                        if let own { attributes["typeparams"] = "[" + own.joined(separator: ", ") + "]" }
                        member = Member(
                            attributes: attributes, via: entry.via, deprecated: function.value.doc?.deprecation != nil,
                            path: owner.path(function.file), line: function.value.position.line,
                            conditions: function.conditions, depth: depth)
                    } else {
                        member = Member.unlisted(depth: depth)
                    }
                    if found[method] != nil { ambiguous.insert(method) } else { found[method] = member }
                }
                // `type A B`, B a struct type of the module: A has B's fields (and what they promote), not B's
                // methods; they are read as B's package declares them.
                let source = owner.fieldSource(of: declared, typeParameters: typeParameters)
                do {
                    let owner = source.owner
                    let declared = source.declared
                    let foreignOwner = owner.importPath != viewer
                    let visible = { (type: GoType, file: ParsedGoFile) in
                        owner.text(of: type, in: file, typeParameters: typeParameters, seenFrom: viewer)
                    }
                    switch declared.value.type {
                    case .structure(let fields):
                        for field in fields {
                            let fieldNames: [String]
                            if field.isEmbedded, let base = field.type.baseName {
                                fieldNames = [base.name]
                                if let target = owner.resolve(field.type, in: declared.file).map({
                                    $0.owner.definedType($0.name)
                                }) {
                                    if let targetDeclared = target.owner.declaredType(target.name),
                                        targetDeclared.value.isAlias
                                    {
                                        // An alias of another module's type: its members are not read.
                                        set.foreign.insert(
                                            target.owner.text(of: targetDeclared.value.type, in: targetDeclared.file).seen(
                                                from: viewer))
                                    } else if seen.insert(target.owner.key(target.name)).inserted {
                                        let isPointer: Bool
                                        if case .pointer = field.type { isPointer = true } else { isPointer = false }
                                        let path = (entry.via.map { $0 + "." } ?? "") + base.name
                                        next.append(
                                            Entry(
                                                owner: target.owner, name: target.name, via: path,
                                                pointer: entry.pointer || isPointer))
                                    }
                                } else if base.package != nil {
                                    set.foreign.insert(visible(field.type, declared.file))
                                }
                            } else {
                                fieldNames = field.names
                            }
                            // The field's type as the viewer writes it, worked out once for all its names.
                            var type: String?
                            for fieldName in fieldNames {
                                let exported = Self.isExported(fieldName)
                                if foreignOwner && !exported { continue }
                                let member: Member
                                if exported {
                                    let text = type ?? visible(field.type, declared.file)
                                    type = text
                                    var attributes = ["kind": "field", "type": text]
                                    if field.isEmbedded { attributes["embedded"] = "yes" }
                                    member = Member(
                                        attributes: attributes, via: entry.via, deprecated: field.doc?.deprecation != nil,
                                        path: owner.path(declared.file), line: field.position.line,
                                        conditions: declared.conditions, depth: depth)
                                } else {
                                    member = Member.unlisted(depth: depth)
                                }
                                if found[fieldName] != nil {
                                    ambiguous.insert(fieldName)
                                } else {
                                    found[fieldName] = member
                                }
                            }
                        }
                    case .interface where depth > 0:
                        let shape = owner.interfaceShape(entry.name, memo: memo, depth: 0)
                        for (method, member) in shape.methods {
                            let promoted = Member(
                                attributes: [
                                    "kind": "method", "receiver": "value", "signature": member.signature.seen(from: viewer),
                                ],
                                via: entry.via, deprecated: member.deprecated, path: member.path, line: member.line,
                                conditions: declared.conditions, depth: depth)
                            if found[method] != nil { ambiguous.insert(method) } else { found[method] = promoted }
                        }
                        set.foreign.formUnion(shape.foreign)
                        set.cut = set.cut ?? shape.cut
                    default:
                        break
                    }
                }
            }
            for (memberName, member) in found where set.members[memberName] == nil && !blocked.contains(memberName) {
                if ambiguous.contains(memberName) { continue }
                set.members[memberName] = member
            }
            // An ambiguous name at this depth also hides the same name deeper down.
            blocked.formUnion(ambiguous)
            ambiguous = []
            level = next
            depth += 1
        }
        return set
    }
}

extension GoType {
    /// The type with each named type's qualifier replaced by `qualifier(package, name, type parameters in scope)`.
    func rewritingQualifiers(
        except parameters: Set<String>, _ qualifier: (String?, String, Set<String>) -> String?
    ) -> GoType {
        rewritingNames(except: parameters) { package, name, parameters in (qualifier(package, name, parameters), name) }
    }

    /// The type with each unqualified name of `names` written as the name it maps to (`U` as `T`), all at once.
    func renamingUnqualified(_ names: [String: String]) -> GoType {
        rewritingNames(except: []) { package, name, _ in (package, package == nil ? names[name] ?? name : name) }
    }

    /// The type with each named type's qualifier and name replaced by `rewrite(package, name, type parameters in
    /// scope)`.
    func rewritingNames(
        except parameters: Set<String>, _ qualifier: (String?, String, Set<String>) -> (String?, String)
    ) -> GoType {
        func rewrite(_ type: GoType) -> GoType { type.rewritingNames(except: parameters, qualifier) }
        switch self {
        case .named(let package, let name, let arguments):
            let (package, name) = qualifier(package, name, parameters)
            return .named(package: package, name: name, arguments: arguments.map(rewrite))
        case .pointer(let element): return .pointer(rewrite(element))
        case .slice(let element): return .slice(rewrite(element))
        case .array(let length, let element): return .array(length: length, element: rewrite(element))
        case .map(let key, let value): return .map(key: rewrite(key), value: rewrite(value))
        case .channel(let direction, let element): return .channel(direction: direction, element: rewrite(element))
        case .function(let signature):
            let inner = parameters.union(signature.typeParameters.map(\.name))
            func rewriteInner(_ type: GoType) -> GoType { type.rewritingNames(except: inner, qualifier) }
            return .function(
                GoSignature(
                    typeParameters: signature.typeParameters.map {
                        GoTypeParameter(name: $0.name, constraint: rewriteInner($0.constraint))
                    },
                    parameters: signature.parameters.map {
                        GoParameter(name: $0.name, type: rewriteInner($0.type), variadic: $0.variadic)
                    },
                    results: signature.results.map {
                        GoParameter(name: $0.name, type: rewriteInner($0.type), variadic: $0.variadic)
                    }))
        case .structure(let fields):
            return .structure(
                fields.map {
                    GoField(names: $0.names, type: rewrite($0.type), tag: $0.tag, doc: $0.doc, position: $0.position)
                })
        case .interface(let elements):
            return .interface(
                elements.map { element in
                    switch element {
                    case .method(let name, let signature, let doc, let position):
                        guard case .function(let rewritten) = rewrite(.function(signature)) else { return element }
                        return .method(name: name, signature: rewritten, doc: doc, position: position)
                    case .embedded(let type, let position):
                        return .embedded(rewrite(type), position: position)
                    }
                })
        case .union(let terms):
            return .union(terms.map { GoTypeTerm(tilde: $0.tilde, type: rewrite($0.type)) })
        }
    }
}
