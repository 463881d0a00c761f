import Git
import GoSource

// What `deprecations` may leave out of go-api's packages (`Extractor.deprecationGroups`): a package is built only
// when one of its items can be marked deprecated, or one of its keys is watched.
//
// An item of go-api is deprecated by a `Deprecated:` paragraph in a doc comment: its own, or that of the member of
// another package of the module that it promotes (an embedded struct or interface, an alias; a type of another module
// gives no members, `GoAPIPackage.resolve`). So a package none of whose files holds the bytes `Deprecated:` and none
// of whose types embeds or aliases a type that may be of a package of the module cannot mark anything;
// unless a watched key (an item marked before and not removed yet, a declared deprecation, a promotion's new key) may
// be one of its items, nothing the pass looks at can come from it.

extension GoAPIExtractorSpec {
    public func deprecationGroups(in context: inout ExtractionContext, interest: DeprecationInterest)
        throws(SurfaceError) -> [[RawItem]]
    {
        let omission = GoAPIOmission(
            surface: context.surface, interest: interest, presence: context.cache(ObjectPresence.init))
        let groups = try itemGroups(in: &context, omitting: omission)
        if omission.leftOut { context.leftOut = true }
        return groups
    }
}

/// One revision's leaving out of go-api packages for `deprecations`.
final class GoAPIOmission {
    private let surface: String
    private let interest: DeprecationInterest
    private let presence: ObjectPresence
    /// Whether every Go file of the module is in the object store (worked out once, when a package could be left
    /// out): a package built after all might read any of them, and one that is missing must fail the run as the full
    /// extraction would.
    private var modulePresent: Bool?
    /// Whether a package was left out.
    private(set) var leftOut = false

    init(surface: String, interest: DeprecationInterest, presence: ObjectPresence) {
        self.surface = surface
        self.interest = interest
        self.presence = presence
    }

    /// Whether the package at `importPath` of the module at `module`, with these parsed files, is left out: its items
    /// cannot be marked deprecated and none of its keys is watched. `moduleBlobs` are the Go files of every folder of
    /// the module.
    func leavesOut(
        _ importPath: String, module: String, files: [ParsedGoFile], moduleBlobs: () -> [ObjectID],
        source: any FileTree
    ) -> Bool {
        guard !GoAPIReader.mayShowDeprecation(files, module: module),
            !interest.watches(in: surface, itselfOrMembersOf: importPath)
        else { return false }
        if modulePresent == nil { modulePresent = presence.holds(moduleBlobs(), in: source) }
        guard modulePresent == true else { return false }
        leftOut = true
        return true
    }
}

extension GoAPIReader {
    /// Whether `bytes` hold `Deprecated:` (`ParsedGoFile.holdsDeprecationMarker`).
    static func holdsDeprecationMarker(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(GoDocComment.holdsDeprecatedMarker)
    }

    /// Whether an item of a package with these files, of the module at `module`, may be marked deprecated: a file
    /// holds the marker, or a type takes members from a type of another package that may be of the module (an
    /// embedded field or interface element, an alias, or a definition, naming a qualified type whose qualifier the
    /// file's imports do not give a path outside the module), whose marks its members then carry.
    static func mayShowDeprecation(_ files: [ParsedGoFile], module: String) -> Bool {
        files.contains { file in
            func mentionsQualifiedName(_ type: GoType) -> Bool {
                GoAPIReader.mentionsQualifiedName(type) { qualifier in
                    guard let path = GoAPIPackage.importPath(of: qualifier, in: file) else { return true }
                    return path == module || path.hasPrefix(module + "/")
                }
            }
            return file.holdsDeprecationMarker
                || file.file.declarations.contains { declaration in
                    guard case .type(let spec) = declaration else { return false }
                    switch spec.type {
                    case .structure(let fields) where !spec.isAlias:
                        return fields.contains { $0.isEmbedded && mentionsQualifiedName($0.type) }
                    case .interface(let elements) where !spec.isAlias:
                        return elements.contains { element in
                            guard case .embedded(let type, _) = element else { return false }
                            return mentionsQualifiedName(type)
                        }
                    default:
                        // A definition (`type T u.S`) has no members of `u.S`; it is counted all the same.
                        return spec.isAlias || spec.type.baseName?.package != nil
                            ? mentionsQualifiedName(spec.type) : false
                    }
                }
        }
    }

    /// Whether `type` names a type of another package anywhere in it whose qualifier `counts`.
    private static func mentionsQualifiedName(_ type: GoType, counting counts: (String) -> Bool) -> Bool {
        func mentionsQualifiedName(_ type: GoType) -> Bool {
            GoAPIReader.mentionsQualifiedName(type, counting: counts)
        }
        switch type {
        case .named(let package, _, let arguments):
            return package.map(counts) == true || arguments.contains(where: mentionsQualifiedName)
        case .pointer(let element), .slice(let element), .array(_, let element), .channel(_, let element):
            return mentionsQualifiedName(element)
        case .map(let key, let value):
            return mentionsQualifiedName(key) || mentionsQualifiedName(value)
        case .function(let signature):
            return signature.typeParameters.contains { mentionsQualifiedName($0.constraint) }
                || (signature.parameters + signature.results).contains { mentionsQualifiedName($0.type) }
        case .structure(let fields):
            return fields.contains { mentionsQualifiedName($0.type) }
        case .interface(let elements):
            return elements.contains { element in
                switch element {
                case .method(_, let signature, _, _): return mentionsQualifiedName(.function(signature))
                case .embedded(let type, _): return mentionsQualifiedName(type)
                }
            }
        case .union(let terms):
            return terms.contains { mentionsQualifiedName($0.type) }
        }
    }
}
