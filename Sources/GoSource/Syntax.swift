#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The direction of a channel type.
public enum GoChannelDirection: String, Sendable, Hashable {
    /// `chan T`
    case both
    /// `chan<- T`
    case send
    /// `<-chan T`
    case receive
}

/// A Go type expression, as written (no type-checking: names from other packages stay names).
public indirect enum GoType: Sendable, Hashable, CustomStringConvertible {
    /// A type name, possibly qualified (`io.Reader`) and instantiated (`List[int]`).
    case named(package: String?, name: String, arguments: [GoType])
    /// `*T`
    case pointer(GoType)
    /// `[]T`
    case slice(GoType)
    /// `[N]T`, with the length expression's normalised text (`...` for `[...]T`).
    case array(length: String, element: GoType)
    /// `map[K]V`
    case map(key: GoType, value: GoType)
    /// `chan T`, `chan<- T`, `<-chan T`
    case channel(direction: GoChannelDirection, element: GoType)
    /// `func(...) ...`
    case function(GoSignature)
    /// `struct { ... }`
    case structure([GoField])
    /// `interface { ... }`
    case interface([GoInterfaceElement])
    /// A constraint term list `~int | ~string` (one term without `|` is a `.union` of one when it has `~`).
    case union([GoTypeTerm])

    /// The canonical text: single spaces, parameter names dropped, struct tags and doc comments left out, and the empty
    /// interface spelled `any`.
    public var description: String {
        switch self {
        case .named(let package, let name, let arguments):
            let base = package.map { "\($0).\(name)" } ?? name
            return arguments.isEmpty ? base : base + "[" + arguments.map(\.description).joined(separator: ", ") + "]"
        case .pointer(let element): return "*" + element.description
        case .slice(let element): return "[]" + element.description
        case .array(let length, let element): return "[\(length)]" + element.description
        case .map(let key, let value): return "map[\(key)]\(value)"
        case .channel(let direction, let element):
            let needsParens =
                direction == .both && { if case .channel(.receive, _) = element { true } else { false } }()
            switch direction {
            case .both: return needsParens ? "chan (\(element))" : "chan \(element)"
            case .send: return "chan<- \(element)"
            case .receive: return "<-chan \(element)"
            }
        case .function(let signature): return "func" + signature.description
        case .structure(let fields):
            if fields.isEmpty { return "struct{}" }
            return "struct{ " + fields.map(\.description).joined(separator: "; ") + " }"
        case .interface(let elements):
            // `any` is the predeclared alias of `interface{}`: one spelling, so rewriting one as the other is no change.
            if elements.isEmpty { return "any" }
            return "interface{ " + elements.map(\.description).joined(separator: "; ") + " }"
        case .union(let terms): return terms.map(\.description).joined(separator: " | ")
        }
    }

    /// The type name this type denotes after stripping one pointer (`*T` and `T` give `T`); nil for literals.
    public var baseName: (package: String?, name: String)? {
        switch self {
        case .named(let package, let name, _): return (package, name)
        case .pointer(.named(let package, let name, _)): return (package, name)
        default: return nil
        }
    }
}

/// One term of a constraint union: `~T` or `T`.
public struct GoTypeTerm: Sendable, Hashable, CustomStringConvertible {
    /// True for `~T` (every type whose underlying type is T).
    public let tilde: Bool
    /// The type.
    public let type: GoType

    /// A term from its parts.
    public init(tilde: Bool, type: GoType) {
        self.tilde = tilde
        self.type = type
    }

    /// `~T` or `T`.
    public var description: String { (tilde ? "~" : "") + type.description }
}

/// A parameter or result: an optional name and a type; `variadic` for a final `...T`.
public struct GoParameter: Sendable, Hashable {
    /// The name, or nil when unnamed.
    public let name: String?
    /// The type (the element type `T` for a variadic `...T`).
    public let type: GoType
    /// True for a final `...T`.
    public let variadic: Bool

    /// A parameter from its parts.
    public init(name: String?, type: GoType, variadic: Bool = false) {
        self.name = name
        self.type = type
        self.variadic = variadic
    }

    /// The type as a signature shows it, with `...` for a variadic parameter.
    public var typeText: String { (variadic ? "..." : "") + type.description }
}

/// A type parameter with its constraint: `[K comparable, V any]`.
public struct GoTypeParameter: Sendable, Hashable, CustomStringConvertible {
    /// The parameter's name.
    public let name: String
    /// Its constraint.
    public let constraint: GoType

    /// A type parameter from its parts.
    public init(name: String, constraint: GoType) {
        self.name = name
        self.constraint = constraint
    }

    /// `K comparable`.
    public var description: String { "\(name) \(constraint)" }
}

/// A function signature: type parameters, parameters and results.
public struct GoSignature: Sendable, Hashable, CustomStringConvertible {
    /// The type parameters of a generic function (empty otherwise).
    public let typeParameters: [GoTypeParameter]
    /// The parameters.
    public let parameters: [GoParameter]
    /// The results.
    public let results: [GoParameter]

    /// A signature from its parts.
    public init(typeParameters: [GoTypeParameter] = [], parameters: [GoParameter], results: [GoParameter]) {
        self.typeParameters = typeParameters
        self.parameters = parameters
        self.results = results
    }

    /// The normalised signature without the `func` keyword and parameter names: `[T any](int, ...string) (T, error)`.
    ///
    /// Type parameter names are kept (they appear in the parameter types); ordinary parameter and result names are
    /// not, since renaming them does not affect callers.
    public var description: String {
        var text = ""
        if !typeParameters.isEmpty { text += "[" + typeParameters.map(\.description).joined(separator: ", ") + "]" }
        text += "(" + parameters.map(\.typeText).joined(separator: ", ") + ")"
        // One result, named or not, is one type: `error` and `(err error)` are the same signature.
        if results.count == 1 {
            text += " " + results[0].typeText
        } else if !results.isEmpty {
            text += " (" + results.map(\.typeText).joined(separator: ", ") + ")"
        }
        return text
    }
}

/// A doc comment: the comment group directly above a declaration (or a field or method), markers removed; for a
/// field, method or spec without one, the line comment after it, as gopls's hover and completion read it.
public struct GoDocComment: Sendable, Hashable {
    /// The comment text with `//` or `/* */` and one leading space per line removed.
    public let text: String

    /// A doc comment from its text.
    public init(text: String) {
        self.text = text
    }

    /// The text of a paragraph beginning `Deprecated:`, the Go convention for deprecation; nil when there is none.
    public var deprecation: String? {
        guard Self.holdsDeprecatedMarker(text), text.contains("Deprecated:") else { return nil }
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .split(whereSeparator: { $0.allSatisfy { $0 == " " || $0 == "\t" } })
        for paragraph in paragraphs {
            guard let first = paragraph.first else { continue }
            let trimmed = first.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("Deprecated:") {
                return paragraph.map { String($0.drop { $0 == " " || $0 == "\t" }) }.joined(separator: " ")
            }
        }
        return nil
    }

    private static let deprecatedMarker = Array("Deprecated:".utf8)

    /// Whether the UTF-8 of `text` holds `Deprecated:`, which every deprecation paragraph does: a byte search that
    /// settles the common case (no marker) without comparing characters.
    static func holdsDeprecatedMarker(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable(holdsDeprecatedMarker) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(holdsDeprecatedMarker)
    }

    /// Whether `bytes` hold `Deprecated:`: a file whose bytes do not has no deprecation paragraph.
    public static func holdsDeprecatedMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker = deprecatedMarker
        guard bytes.count >= marker.count, let base = bytes.baseAddress else { return false }
        var index = 0
        let last = bytes.count - marker.count
        while index <= last {
            // The next `D` by memchr: most of a file is passed over without a byte-wise loop.
            guard let hit = memchr(base + index, Int32(marker[0]), last - index + 1) else { return false }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var matched = 1
            while matched < marker.count, bytes[index + matched] == marker[matched] { matched += 1 }
            if matched == marker.count { return true }
            index += 1
        }
        return false
    }
}

/// A struct field or embedded field.
public struct GoField: Sendable, Hashable, CustomStringConvertible {
    /// The field names; empty for an embedded field (its name is the type's name).
    public let names: [String]
    /// The field's type.
    public let type: GoType
    /// The tag's literal text (quotes included), or nil.
    public let tag: String?
    /// The field's documentation as gopls chooses it: the doc comment above, else the line comment after it.
    public let doc: GoDocComment?
    /// Where the field starts.
    public let position: GoPosition

    /// A field from its parts.
    public init(names: [String], type: GoType, tag: String?, doc: GoDocComment?, position: GoPosition) {
        self.names = names
        self.type = type
        self.tag = tag
        self.doc = doc
        self.position = position
    }

    /// True for an embedded field.
    public var isEmbedded: Bool { names.isEmpty }

    /// `a, b T` or `T` (embedded); tags are left out.
    public var description: String {
        names.isEmpty ? type.description : names.joined(separator: ", ") + " " + type.description
    }
}

/// An element of an interface: a method, an embedded interface, or a type union.
public enum GoInterfaceElement: Sendable, Hashable, CustomStringConvertible {
    /// `Name(params) results`.
    case method(name: String, signature: GoSignature, doc: GoDocComment?, position: GoPosition)
    /// An embedded type or union (`io.Reader`, `~int | ~string`, `comparable`).
    case embedded(GoType, position: GoPosition)

    /// `Name(int) error` or the embedded type.
    public var description: String {
        switch self {
        case .method(let name, let signature, _, _): return name + signature.description
        case .embedded(let type, _): return type.description
        }
    }
}

/// An expression the parser did not analyse: its token range in `GoFile.tokens` and its normalised text.
public struct GoExpression: Sendable, Hashable {
    /// Indices into `GoFile.tokens`.
    public let tokens: Range<Int>
    /// The tokens' texts joined with single spaces where Go needs or conventionally has them.
    public let text: String

    /// An expression from its parts.
    public init(tokens: Range<Int>, text: String) {
        self.tokens = tokens
        self.text = text
    }
}

/// A `type` declaration spec.
public struct GoTypeSpec: Sendable, Hashable {
    /// The declared name.
    public let name: String
    /// Type parameters of a generic type.
    public let typeParameters: [GoTypeParameter]
    /// True for an alias `type A = B`.
    public let isAlias: Bool
    /// The type on the right.
    public let type: GoType
    /// The documentation as gopls chooses it: the spec's doc comment, else the group's, else the spec's line comment.
    public let doc: GoDocComment?
    /// Where the name is.
    public let position: GoPosition
}

/// A `const` or `var` spec; for a const, implicit repetition is already applied.
public struct GoValueSpec: Sendable, Hashable {
    /// True for `const`, false for `var`.
    public let isConstant: Bool
    /// The declared names, `_` included.
    public let names: [String]
    /// The declared type, or nil when inferred.
    public let type: GoType?
    /// The initialiser expressions (repeated from the previous spec in a const group when omitted).
    public let values: [GoExpression]
    /// The value of `iota` for this spec (its index in a const group).
    public let iota: Int
    /// The documentation as gopls chooses it: the spec's doc comment, else the group's, else the spec's line comment.
    public let doc: GoDocComment?
    /// Where the first name is.
    public let position: GoPosition
}

/// A method receiver: `(r *T[K])`.
public struct GoReceiver: Sendable, Hashable {
    /// The receiver's variable name (`r`), nil when it has none.
    public let name: String?
    /// The receiver's base type name.
    public let typeName: String
    /// True for a pointer receiver.
    public let isPointer: Bool
    /// The names the receiver gives its generic type's parameters (`U` in `func (l *L[U]) M() U`), in order: inside
    /// the method they, not the names of the type's declaration, stand for the parameters. `?` for an argument that
    /// is no name (a program that does not compile).
    public let typeParameters: [String]
}

/// A function or method declaration; the body is kept as a token range.
public struct GoFunction: Sendable, Hashable {
    /// The function's name.
    public let name: String
    /// The receiver of a method, nil for a function.
    public let receiver: GoReceiver?
    /// The signature (type parameters included).
    public let signature: GoSignature
    /// Indices into `GoFile.tokens` of the body between (and including) its braces; nil without a body.
    public let body: Range<Int>?
    /// The doc comment.
    public let doc: GoDocComment?
    /// Where the name is.
    public let position: GoPosition
}

/// A top-level declaration.
public enum GoDeclaration: Sendable, Hashable {
    /// A type spec (one per spec of a grouped `type (...)`).
    case type(GoTypeSpec)
    /// A const or var spec (one per spec of a group).
    case value(GoValueSpec)
    /// A function or method.
    case function(GoFunction)
}

/// An import: optional name (`_`, `.`, or an alias) and path.
public struct GoImport: Sendable, Hashable {
    /// The local name, or nil.
    public let name: String?
    /// The import path, unquoted.
    public let path: String
}

/// A parsed Go source file at the declaration level.
public struct GoFile: Sendable {
    /// The package name.
    public let packageName: String
    /// The build constraint: the `//go:build` expression, else `// +build` lines joined with `&&`; nil if none.
    public let buildConstraint: String?
    /// The imports.
    public let imports: [GoImport]
    /// The declarations in source order.
    public let declarations: [GoDeclaration]
    /// The code tokens (comments removed) that expression and body ranges index.
    public let tokens: [GoToken]
    /// Lexical and syntax errors; a declaration with an error is dropped, the rest of the file is kept.
    public let errors: [GoSyntaxError]

    /// A file from its parts.
    public init(
        packageName: String, buildConstraint: String?, imports: [GoImport], declarations: [GoDeclaration],
        tokens: [GoToken], errors: [GoSyntaxError]
    ) {
        self.packageName = packageName
        self.buildConstraint = buildConstraint
        self.imports = imports
        self.declarations = declarations
        self.tokens = tokens
        self.errors = errors
    }
}

/// A file parsed for its declarations alone (`GoParser.parseDeclarations`): the file without tokens, and the tokens of
/// any initialiser on request, with their texts built from the source only then.
public struct GoDeclarations: Sendable {
    /// The file; its `tokens` are empty.
    public let file: GoFile
    /// The code tokens, identifiers' and literals' texts not built.
    let tokens: [GoToken]
    /// The source the tokens were lexed from.
    let bytes: [UInt8]

    /// The tokens of `expression` (an initialiser of `file`), every text built.
    public func tokens(of expression: GoExpression) -> [GoToken] {
        tokens[expression.tokens].map { $0.built(in: bytes) }
    }
}
