import Git
import GoSource
import Pattern
import Policy

/// The `go-literals` extractor: names a Go program hands to another runtime as string literals, read from source
/// without a toolchain. It serves APIs that Go code registers by name, such as the JavaScript modules of an engine
/// embedded in Go, the outputs of a plugin registry, or a table of commands:
///
/// - `calls`: the first argument of calls to these functions or methods, when it is a string literal
///   (`mustExport("get", ...)`, `exports.Set("get", ...)`);
/// - `indexes`: the string index of assignments to these maps (`exports["Client"] = ...`);
/// - `maps`: the string keys of the composite literal under these keys or of these named types
///   (`Named: map[string]any{"sha256": ...}`, `mapping{"goto": ...}`);
/// - `members`: for the named types these globs match, exported methods and fields as the other runtime names
///   them (`method-names`, `field-names`; a field's `tags` tag wins, `-` hides it), keyed `Type.member`;
/// - `strings`: every string literal that a pattern matches: its group `name` (else the whole match) is a key
///   (`'^(?<name>K6_[A-Z0-9_]+)$'` finds the environment variables a program reads by name);
/// - `tags`: struct fields with one of these tag keys (`js:"name"`), keyed `Type.name`.
///
/// `path` is a pattern over the file path: a file it does not match is skipped, and its named groups are
/// placeholders of `key` (default `{name}`), like `{path}`, `{dir}`, `{stem}` and `{file}`.
public struct GoLiteralsExtractorSpec: Extractor {
    public var files: [Glob]
    public var path: Pattern?
    public var calls: [String]
    /// Attribute names for the arguments of `calls` after the first (`[type, unit]`).
    public var arguments: [String]
    public var indexes: [String]
    public var maps: [String]
    public var members: [Glob]
    public var tags: [String]
    public var strings: Pattern?
    public var methodNames: NameStyle
    public var fieldNames: NameStyle
    public var key: String?
    public var stability: Stability?

    public init(
        files: [Glob], path: Pattern? = nil, calls: [String] = [], arguments: [String] = [], indexes: [String] = [],
        maps: [String] = [],
        members: [Glob] = [],
        tags: [String] = [], strings: Pattern? = nil, methodNames: NameStyle = .go, fieldNames: NameStyle = .go,
        key: String? = nil,
        stability: Stability? = nil
    ) {
        self.files = files
        self.path = path
        self.calls = calls
        self.arguments = arguments
        self.indexes = indexes
        self.maps = maps
        self.members = members
        self.tags = tags
        self.strings = strings
        self.methodNames = methodNames
        self.fieldNames = fieldNames
        self.key = key
        self.stability = stability
    }

    public static let name = "go-literals"
    public static let keys = [
        "files", "path", "calls", "arguments", "indexes", "maps", "members", "tags", "strings", "method-names",
        "field-names",
        "key",
        "stability",
    ]

    public var fileGlobs: [Glob]? { files }

    public func cacheInputs(in context: inout ExtractionContext) throws(SurfaceError) -> ExtractionInputs? {
        let files = context.fileInputs
        guard !members.isEmpty else { return files }
        // Members promoted from embedded structs are read from any folder of the module and its go.mod: the
        // revision's whole tree is the input (a stored result serves the same revision again, in a later run).
        return ExtractionInputs(
            text: files.text + "tree \(context.tree.hex)\n", blobs: files.blobs, goModule: context.tree)
    }
    /// Items carry the `arguments` attributes only; without them only an item's presence is promised.
    public var attributes: [String]? { arguments }
    public var defaultBreakingAttributes: Set<String>? { Set(arguments) }

    // MARK: Settings

    public static func read(_ value: PolicyNode, in reader: inout ExtractorSettingsReader) -> Self? {
        let context = reader.context
        let surface = reader.surface
        guard let fields = reader.fields(of: value, allowed: keys) else { return nil }
        let reported = reader.problemCount
        var files: [Glob] = []
        if let node = fields["files"] {
            files = reader.globs(node, for: "'files' \(context)")
            if reader.isEmptyList(node) {
                reader.report("empty 'files' \(context); list the Go files to read, e.g. [\"js/**/*.go\"]", at: node)
            }
        } else {
            reader.report(
                "the go-literals extractor of surface '\(surface)' has no 'files'; add e.g. files: [\"js/**/*.go\"]",
                at: reader.key)
        }
        var path: Pattern?
        if let node = fields["path"], let source = reader.string(node, for: "'path' \(context)") {
            path = reader.pattern(
                source, at: node, errorPrefix: "surface '\(surface)': 'path'", hasGroups: { _ in true },
                missingGroup: "")
        }
        let calls = names(fields["calls"], for: "'calls' \(context)", qualified: true, reader: &reader)
        let arguments = names(fields["arguments"], for: "'arguments' \(context)", reader: &reader)
        if fields["arguments"] != nil, fields["calls"] == nil, let node = fields["arguments"] {
            reader.report(
                "'arguments' \(context) names the arguments of 'calls', which it has not; add e.g. calls: [NewMetric]",
                at: node)
        }
        let indexes = names(fields["indexes"], for: "'indexes' \(context)", qualified: true, reader: &reader)
        let maps = names(fields["maps"], for: "'maps' \(context)", reader: &reader)
        let tags = names(fields["tags"], for: "'tags' \(context)", reader: &reader)
        let members = fields["members"].map { reader.globs($0, for: "'members' \(context)") } ?? []
        var strings: Pattern?
        if let node = fields["strings"], let source = reader.string(node, for: "'strings' \(context)") {
            strings = reader.pattern(
                source, at: node, errorPrefix: "surface '\(surface)': 'strings'", hasGroups: { _ in true },
                missingGroup: "")
        }
        if ["calls", "indexes", "maps", "members", "tags", "strings"].allSatisfy({ fields[$0] == nil }) {
            reader.report(
                "the go-literals extractor of surface '\(surface)' finds nothing; add 'calls', 'indexes', 'maps', "
                    + "'members', 'tags' or 'strings', e.g. calls: [mustExport]", at: reader.key)
        }
        let methodNames = style(fields["method-names"], for: "'method-names' \(context)", reader: &reader)
        let fieldNames = style(fields["field-names"], for: "'field-names' \(context)", reader: &reader)
        var key: String?
        if let node = fields["key"], let template = reader.string(node, for: "'key' \(context)", example: "\"{name}\"")
        {
            key = template
            checkPlaceholders(template, at: node, groups: path?.groupNames ?? [], reader: &reader)
        }
        var stability: Stability?
        if let node = fields["stability"], let text = reader.string(node, for: "'stability' \(context)") {
            stability = reader.stability(text, at: node)
        }
        guard reader.problemCount == reported else { return nil }
        return GoLiteralsExtractorSpec(
            files: files, path: path, calls: calls, arguments: arguments, indexes: indexes, maps: maps,
            members: members, tags: tags,
            strings: strings,
            methodNames: methodNames ?? .go, fieldNames: fieldNames ?? .go, key: key, stability: stability)
    }

    /// A list of Go identifiers.
    private static func names(
        _ node: PolicyNode?, for field: String, qualified: Bool = false, reader: inout ExtractorSettingsReader
    ) -> [String] {
        guard let node else { return [] }
        let globs = reader.globs(node, for: field)
        var result: [String] = []
        for glob in globs {
            let name = glob.pattern
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= (qualified ? 2 : 1), parts.allSatisfy(isIdentifier) else {
                reader.report(
                    "'\(name)' in \(field) is not a Go identifier; write a name like "
                        + (qualified ? "mustExport or exports.Set" : "Named"), at: node)
                continue
            }
            result.append(name)
        }
        return result
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    private static func style(_ node: PolicyNode?, for field: String, reader: inout ExtractorSettingsReader)
        -> NameStyle?
    {
        guard let node, let text = reader.string(node, for: field, example: "lower-camel") else { return nil }
        if let style = NameStyle(rawValue: text) { return style }
        reader.report(
            "invalid name style '\(text)' for \(field)"
                + Suggestions.hint(for: text, among: NameStyle.allCases.map(\.rawValue)), at: node)
        return nil
    }

    /// Every `{placeholder}` must be `name`, a path placeholder or a group of `path`.
    private static func checkPlaceholders(
        _ template: String, at node: PolicyNode, groups: [String], reader: inout ExtractorSettingsReader
    ) {
        let known = ["name"] + RegexExtractorSpec.pathPlaceholders + groups
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                reader.report(
                    "surface '\(reader.surface)': unclosed '{' in key template '\(template)'; close it with '}'",
                    at: node)
                return
            }
            let placeholder = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            if let problem = KeyTemplate.styleProblem(placeholder, template: template) {
                reader.report("surface '\(reader.surface)': \(problem)", at: node)
                continue
            }
            let name = KeyTemplate.name(of: placeholder)
            if !known.contains(name) {
                reader.report(
                    "surface '\(reader.surface)': unknown placeholder '{\(name)}' in key template '\(template)'"
                        + Suggestions.hint(for: name, among: known), at: node)
            }
        }
    }

    // MARK: Items

    /// One name found in a file, before the key template.
    struct Found: Sendable {
        let name: String
        let line: Int
        var attributes: [String: String] = [:]
    }

    public func items(in context: inout ExtractionContext) throws(SurfaceError) -> [RawItem] {
        try itemGroups(in: &context).flatMap { $0 }
    }

    public func itemGroups(in context: inout ExtractionContext) throws(SurfaceError) -> [[RawItem]] {
        let found = try context.itemsPerFile(where: { GoFileName.isPackageSource($0) }) {
            (context, file, blob) throws(SurfaceError) in
            guard let groups = try pathGroups(file, surface: context.surface) else { return [] }
            guard let text = try context.text(of: blob, path: file) else { return nil }
            let scanned: [Found]
            do throws(PatternError) {
                if !members.isEmpty {
                    // Parsed here once for both: the file's own names, and whether a listed type embeds another.
                    let parsed = GoParser.parse(text)
                    let promotion = context.cache(GoLiteralsPromotion.init)
                    promotion.mark(blob, slot: context.slot, embeds: embedsStructs(parsed.declarations))
                    promotion.remember(parsed, of: blob, bytes: text.utf8.count)
                    scanned = try scan(tokens: parsed.tokens, declarations: parsed.declarations)
                } else {
                    scanned = try scan(text)
                }
            } catch {
                throw SurfaceError.pattern(surface: context.surface, path: file, error: error)
            }
            return scanned.map { found in
                var values = groups
                values["name"] = found.name
                return RawItem(
                    key: KeyTemplate.fill(self.key ?? "{name}", path: file, groups: values),
                    attributes: found.attributes,
                    stability: stability ?? .stable, location: Location(path: file, line: found.line))
            }.filter { !$0.key.isEmpty }
        }
        guard !members.isEmpty else { return found }
        return found + (try promotedGroups(in: &context))
    }

    /// Members the listed types promote from the structs they embed, in other files and packages of the module.
    private func promotedGroups(in context: inout ExtractionContext) throws(SurfaceError) -> [[RawItem]] {
        let promotion = context.cache(GoLiteralsPromotion.init)
        var revision = GoLiteralsPromotion.Revision()
        var found: [[RawItem]] = []
        for file in context.files where GoFileName.isPackageSource(file.path) {
            guard let groups = try pathGroups(file.path, surface: context.surface),
                let promoted = try promotion.items(
                    self, path: file.path, blob: file.blob, groups: groups, context: &context, revision: &revision)
            else { continue }
            found.append(promoted)
        }
        return found
    }

    /// The groups of `path` in the `path` pattern (none without one); nil when the pattern does not match.
    private func pathGroups(_ file: String, surface: String) throws(SurfaceError) -> [String: String]? {
        guard let path else { return [:] }
        do throws(PatternError) {
            return try path.matches(in: file).first?.groups
        } catch {
            throw SurfaceError.pattern(surface: surface, path: file, error: error)
        }
    }

    /// Whether a type these declarations list in `members` embeds a type (whose members it promotes), or is defined
    /// as another named type (whose fields it has).
    func embedsStructs(_ declarations: [GoDeclaration]) -> Bool {
        declarations.contains { declaration in
            guard case .type(let spec) = declaration else { return false }
            switch spec.type {
            case .structure(let fields): guard fields.contains(where: \.names.isEmpty) else { return false }
            case .named: break
            default: return false
            }
            return members.contains { $0.matches(spec.name) }
        }
    }

    /// A member's name in the other runtime, for a field of a listed type (nil when hidden or unexported).
    func memberName(field name: String, tag: String?) -> String? {
        fieldName(name, tag: tag, listed: true)
    }

    /// The item of a member promoted into a listed type of the file `path`.
    func promotedItem(_ name: String, path: String, groups: [String: String], location: Location) -> RawItem {
        var values = groups
        values["name"] = name
        return RawItem(
            key: KeyTemplate.fill(key ?? "{name}", path: path, groups: values), attributes: [:],
            stability: stability ?? .stable, location: location)
    }

    /// The names one file's source declares, in source order. The file is read only as far as the settings need:
    /// parsed for `members` and `tags`, lexed for `calls`, `indexes` and `maps`, and for `strings` alone only its
    /// string literals are found (an `env`-like surface over a whole project costs a fraction of a parse).
    func scan(_ text: String) throws(PatternError) -> [Found] {
        if !members.isEmpty || !tags.isEmpty {
            let file = GoParser.parse(text)
            return try scan(tokens: file.tokens, declarations: file.declarations)
        }
        if !calls.isEmpty || !indexes.isEmpty || !maps.isEmpty {
            return try scan(tokens: GoLexer.tokenize(text).codeTokens, declarations: [])
        }
        // No literal of a file `strings` cannot match anywhere can match: the file need not be lexed.
        if let strings, Self.literalsAreRuns(of: text), !strings.mayMatch(in: text) { return [] }
        return try matchStrings(GoLexer.stringLiterals(text))
    }

    /// Whether every string literal of `text`, unquoted, is a run of its bytes: so when the text is ASCII without a
    /// backslash (no escape) and without a carriage return (which a raw string drops). What a pattern cannot find
    /// anywhere in such a text, it cannot find in a literal of it.
    static func literalsAreRuns(of text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            // Eight bytes at a time: no byte with the high bit set, none equal to a backslash or a carriage return.
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + 8 <= bytes.count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 || holdsByte(word, UInt8(ascii: "\\"))
                        || holdsByte(word, UInt8(ascii: "\r"))
                    {
                        return false
                    }
                    index += 8
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\r") { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether one of the eight bytes of `word` is `byte` (a zero byte of their exclusive or: the borrow of the
    /// subtraction reaches the high bit of a zero byte, and of no byte when there is none).
    private static func holdsByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & 0x8080_8080_8080_8080 != 0
    }

    /// The names `strings` finds in these string literal tokens.
    private func matchStrings(_ tokens: [GoToken]) throws(PatternError) -> [Found] {
        guard let strings else { return [] }
        var found: [Found] = []
        for token in tokens where token.kind == .string {
            // A literal that is its own bytes between quotes, in which the pattern cannot match, is not unquoted.
            if Self.literalsAreRuns(of: token.text), !strings.mayMatch(in: token.text) { continue }
            for match in try strings.matches(in: GoParser.unquote(token.text)) {
                let name = match.groups["name"] ?? match.text
                if !name.isEmpty { found.append(Found(name: name, line: token.position.line)) }
            }
        }
        return found
    }

    /// The names in a file's code tokens (comments removed) and declarations.
    private func scan(tokens code: [GoToken], declarations: [GoDeclaration]) throws(PatternError) -> [Found] {
        let tokens = code.filter { !$0.isComment && !($0.kind == .semicolon && $0.text.isEmpty) }
        var found = try matchStrings(tokens)
        var bindings: GoLiteralsBindings?
        let calls = calls.map(CallName.init)
        let indexes = indexes.map(CallName.init)
        for index in tokens.indices where tokens[index].kind == .identifier {
            let name = tokens[index].text
            if index + 2 < tokens.count, tokens[index + 1].isOperator("("),
                calls.contains(where: { $0.matches(index, in: tokens) })
            {
                found += callNames(at: index + 2, in: tokens, bindings: &bindings)
            }
            if index + 4 < tokens.count, tokens[index + 1].isOperator("["), tokens[index + 2].kind == .string,
                tokens[index + 3].isOperator("]"), tokens[index + 4].isOperator("="),
                indexes.contains(where: { $0.matches(index, in: tokens) })
            {
                found.append(
                    Found(name: GoParser.unquote(tokens[index + 2].text), line: tokens[index + 2].position.line))
            }
            if maps.contains(name), let open = Self.literalStart(after: index, in: tokens) {
                found += mapKeys(from: open, in: tokens)
            }
        }
        for declaration in declarations {
            switch declaration {
            case .type(let spec):
                guard case .structure(let fields) = spec.type else { continue }
                let listed = members.contains { $0.matches(spec.name) }
                for field in fields {
                    for name in field.names {
                        if let member = fieldName(name, tag: field.tag, listed: listed) {
                            found.append(Found(name: spec.name + "." + member, line: field.position.line))
                        }
                    }
                }
            case .function(let function):
                guard let receiver = function.receiver, members.contains(where: { $0.matches(receiver.typeName) }),
                    function.name.first?.isUppercase == true
                else { continue }
                found.append(
                    Found(
                        name: receiver.typeName + "." + methodNames.apply(function.name),
                        line: function.position.line))
            case .value:
                continue
            }
        }
        return found
    }

    /// The names a call whose arguments start at `start` registers: its first argument when it is a string literal,
    /// else (with `arguments`) every string the identifier stands for in the file (a constant, or each value of a
    /// range variable). With `arguments`, the later arguments are the attributes.
    private func callNames(at start: Int, in tokens: [GoToken], bindings: inout GoLiteralsBindings?) -> [Found] {
        let first = tokens[start]
        if first.kind == .string, arguments.isEmpty {
            return [Found(name: GoParser.unquote(first.text), line: first.position.line)]
        }
        guard !arguments.isEmpty, first.kind == .string || first.kind == .identifier else { return [] }
        let known = bindings ?? GoLiteralsBindings(tokens: tokens)
        bindings = known
        let split = GoTokenGroups.elements(from: start - 1, in: tokens)
        guard let name = split.first, name.count == 1 else { return [] }
        let names = first.kind == .string ? [GoParser.unquote(first.text)] : known.strings(of: first.text)
        var attributes: [String: String] = [:]
        for (attribute, argument) in zip(arguments, split.dropFirst()) where !argument.isEmpty {
            attributes[attribute] = known.attribute(argument)
        }
        return names.map { Found(name: $0, line: first.position.line, attributes: attributes) }
    }

    /// A field's name in the other runtime: its tag when it has one of `tags` (`-` hides it), else, for a type
    /// `members` lists, its exported name in `field-names` style.
    private func fieldName(_ name: String, tag: String?, listed: Bool) -> String? {
        for key in tags {
            if let value = tag.flatMap({ Self.tagValue($0, key: key) }) {
                let first = value.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                return first == "-" || first.isEmpty ? nil : first
            }
        }
        guard listed, name.first?.isUppercase == true else { return nil }
        return fieldNames.apply(name)
    }

    /// The value of `key` in a Go struct tag (`json:"a" js:"b"`), after reflect.StructTag's convention.
    static func tagValue(_ tag: String, key: String) -> String? {
        let text = GoParser.unquote(tag)
        var rest = text[...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            guard let colon = rest.firstIndex(of: ":") else { return nil }
            let name = rest[..<colon]
            rest = rest[rest.index(after: colon)...]
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else { return nil }
            let value = rest[rest.index(after: rest.startIndex)..<close]
            if name == key { return String(value) }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// An entry of `calls` or `indexes` (`name` or `receiver.name`), split once per file rather than at every call.
    private struct CallName {
        let receiver: String?
        let name: String

        init(_ entry: String) {
            if let dot = entry.firstIndex(of: ".") {
                receiver = String(entry[..<dot])
                name = String(entry[entry.index(after: dot)...])
            } else {
                receiver = nil
                name = entry
            }
        }

        /// Whether it names the call whose function name is `tokens[index]`.
        func matches(_ index: Int, in tokens: [GoToken]) -> Bool {
            guard let receiver else { return name == tokens[index].text }
            return name == tokens[index].text && index >= 2 && tokens[index - 1].isOperator(".")
                && tokens[index - 2].text == receiver
        }
    }

    /// The index of the `{` of a composite literal right after `tokens[index]`: `Name{`, or `Name: Type{` where
    /// Type is a map, slice or named type (`map[string]any`, `map[string]interface{}`).
    static func literalStart(after index: Int, in tokens: [GoToken]) -> Int? {
        var position = index + 1
        guard position < tokens.count else { return nil }
        if tokens[position].isOperator("{") { return position }
        guard tokens[position].isOperator(":") || tokens[position].isOperator("=") || tokens[position].isOperator(":=")
        else { return nil }
        position += 1
        var brackets = 0
        while position < tokens.count {
            let token = tokens[position]
            if token.isOperator("[") {
                brackets += 1
            } else if token.isOperator("]") {
                brackets -= 1
            } else if token.isKeyword(.interface) || token.isKeyword(.struct), position + 2 < tokens.count,
                tokens[position + 1].isOperator("{"), tokens[position + 2].isOperator("}")
            {
                position += 2
            } else if token.isOperator("{") {
                return brackets == 0 ? position : nil
            } else if !(token.kind == .identifier || token.isKeyword(.map) || token.isOperator(".")
                || token.isOperator("*") || token.isOperator("&"))
            {
                return nil
            }
            position += 1
        }
        return nil
    }

    /// The string keys at the top level of the literal whose `{` is at `open`.
    private func mapKeys(from open: Int, in tokens: [GoToken]) -> [Found] {
        GoTokenGroups.elements(from: open, in: tokens).compactMap { element in
            let code = element.filter { $0.kind != .semicolon }
            guard code.count >= 2, code[0].kind == .string, code[1].isOperator(":") else { return nil }
            return Found(name: GoParser.unquote(code[0].text), line: code[0].position.line)
        }
    }
}

extension GoLiteralsExtractorSpec {
    /// For `deprecations`, when nothing of its own scan can matter there (its items are not marked deprecated: no
    /// `stability: deprecated`; no key of its surface is watched), only what `members`' promotion reports: its notes,
    /// with the promoted items. Without `members` that is nothing, and the files it would read must still be in the
    /// object store; if one is not, it is extracted after all (and fails as the full extraction does).
    public func deprecationGroups(in context: inout ExtractionContext, interest: DeprecationInterest)
        throws(SurfaceError) -> [[RawItem]]
    {
        guard stability != .deprecated, !interest.watchesAny(in: context.surface) else {
            return try itemGroups(in: &context)
        }
        guard members.isEmpty else {
            context.leftOut = true
            return try promotedGroups(in: &context)
        }
        var read: [ObjectID] = []
        for file in context.files where GoFileName.isPackageSource(file.path) {
            if try pathGroups(file.path, surface: context.surface) != nil { read.append(file.blob) }
        }
        guard context.holdsObjects(read) else { return try itemGroups(in: &context) }
        context.leftOut = true
        return []
    }
}
