import Foundation
import Git
import Pattern
import Policy

/// The `regex` extractor: a pattern run over whole files; group `name` is the key, other named groups are attributes.
public struct RegexExtractorSpec: Extractor {
    public var files: [Glob]
    public var pattern: Pattern
    /// A key template such as `"{stem} --{name}"`; nil means the `name` group.
    public var key: String?
    /// The stability of every item found, when the extractor sets one.
    public var stability: Stability?

    public init(files: [Glob], pattern: Pattern, key: String? = nil, stability: Stability? = nil) {
        self.files = files
        self.pattern = pattern
        self.key = key
        self.stability = stability
    }

    /// The placeholders a key template may use besides the pattern's group names.
    public static let pathPlaceholders = ["path", "dir", "stem", "file"]

    public var fileGlobs: [Glob]? { files }

    public func cacheInputs(in context: inout ExtractionContext) throws(SurfaceError) -> ExtractionInputs? {
        context.fileInputs
    }

    public static let name = "regex"
    public static let keys = ["files", "pattern", "key", "stability"]

    /// The pattern's named groups other than `name` and `deprecated`.
    public var attributes: [String]? {
        pattern.groupNames.filter { $0 != "name" && $0 != "deprecated" }
    }

    public static func unknownAttribute(_ name: String, known: [String]) -> String {
        "a named group of its pattern"
            + (known.isEmpty
                ? "; the pattern has no attribute groups, so write breaking: []"
                : Suggestions.hint(for: name, among: known))
    }

    // MARK: Settings

    public static func read(_ value: PolicyNode, in reader: inout ExtractorSettingsReader) -> Self? {
        let context = reader.context
        let surface = reader.surface
        guard let fields = reader.fields(of: value, allowed: keys) else { return nil }
        var valid = true
        var files: [Glob] = []
        if let value = fields["files"] {
            let reported = reader.problemCount
            files = reader.globs(value, for: "'files' \(context)")
            if reader.isEmptyList(value) {
                reader.report("empty 'files' \(context); list the files to read, e.g. [\"src/**/*.go\"]", at: value)
            }
            if reader.problemCount != reported { valid = false }
        } else {
            reader.report(
                "the regex extractor of surface '\(surface)' has no 'files'; add e.g. files: [\"src/**/*.go\"]",
                at: reader.key)
            valid = false
        }
        var pattern: Pattern?
        if let value = fields["pattern"] {
            if let source = reader.string(value, for: "'pattern' \(context)") {
                pattern = reader.pattern(
                    source, at: value, errorPrefix: "surface '\(surface)'",
                    hasGroups: { $0.groupNames.contains("name") || fields["key"] != nil },
                    missingGroup: "surface '\(surface)': pattern '\(source)' has no group named 'name'; "
                        + "wrap the item key in (?<name>...) or build it with a 'key' template")
            }
        } else {
            reader.report(
                "the regex extractor of surface '\(surface)' has no 'pattern'; add one with a (?<name>...) group",
                at: reader.key)
        }
        var key: String?
        if let value = fields["key"],
            let template = reader.string(value, for: "'key' \(context)", example: "\"{name}\"")
        {
            if checkKeyTemplate(template, at: value, groups: pattern?.groupNames, reader: &reader) {
                key = template
            } else {
                valid = false
            }
        }
        var stability: Stability?
        if let value = fields["stability"], let text = reader.string(value, for: "'stability' \(context)") {
            stability = reader.stability(text, at: value)
            if stability == nil { valid = false }
        }
        guard valid, let pattern else { return nil }
        return RegexExtractorSpec(files: files, pattern: pattern, key: key, stability: stability)
    }

    /// Every `{placeholder}` must be a path placeholder or a group of the pattern (when the pattern is known).
    private static func checkKeyTemplate(
        _ template: String, at node: PolicyNode, groups: [String]?, reader: inout ExtractorSettingsReader
    ) -> Bool {
        let surface = reader.surface
        guard !template.allSatisfy(\.isWhitespace) else {
            reader.report("surface '\(surface)': empty key template; write it like \"{name}\" or drop 'key'", at: node)
            return false
        }
        var valid = true
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                reader.report(
                    "surface '\(surface)': unclosed '{' in key template '\(template)'; close it with '}'", at: node)
                return false
            }
            let placeholder = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            if let problem = KeyTemplate.styleProblem(placeholder, template: template) {
                reader.report("surface '\(surface)': \(problem)", at: node)
                valid = false
                continue
            }
            let name = KeyTemplate.name(of: placeholder)
            guard let groups else { continue }
            let known = pathPlaceholders + groups
            if known.contains(name) { continue }
            var message =
                "surface '\(surface)': unknown placeholder '{\(name)}' in key template '\(template)'; "
                + "use {path}, {dir}, {stem}, {file} or a group of the pattern ("
                + groups.joined(separator: ", ") + ")"
            if let match = Suggestions.closest(to: name, among: known) {
                message += "; did you mean '{\(match)}'?"
            }
            reader.report(message, at: node)
            valid = false
        }
        return valid
    }

    // MARK: Items

    public func items(in context: inout ExtractionContext) throws(SurfaceError) -> [RawItem] {
        try itemGroups(in: &context).flatMap { $0 }
    }

    public func itemGroups(in context: inout ExtractionContext) throws(SurfaceError) -> [[RawItem]] {
        try context.itemsPerFile { (context, path, blob) throws(SurfaceError) in
            guard let text = try context.text(of: blob, path: path) else { return nil }
            let matches = try context.matches(of: pattern, in: text, path: path)
            return matches.compactMap { match in item(match, path: path) }
        }
    }

    /// Nothing, for `deprecations`, when nothing of it can matter there: its items are not marked deprecated (no
    /// `deprecated` group, no `stability: deprecated`; it has no notes) and no key of its surface is watched. The
    /// files it would read must still be in the object store; if one is not, it is extracted after all (and fails
    /// as the full extraction does).
    public func deprecationGroups(in context: inout ExtractionContext, interest: DeprecationInterest)
        throws(SurfaceError) -> [[RawItem]]
    {
        guard stability != .deprecated, !pattern.groupNames.contains("deprecated"),
            !interest.watchesAny(in: context.surface), context.holdsObjects(context.files.map(\.blob))
        else { return try itemGroups(in: &context) }
        context.leftOut = true
        return []
    }

    private func item(_ match: PatternMatch, path: String) -> RawItem? {
        let key: String
        if let template = self.key {
            key = KeyTemplate.fill(template, path: path, groups: match.groups)
        } else {
            key = match.groups["name"] ?? ""
        }
        guard !key.isEmpty else { return nil }
        var attributes: [String: String] = [:]
        for (group, value) in match.groups where group != "name" && group != "deprecated" {
            attributes[group] = value
        }
        var stability = self.stability ?? .stable
        if let marker = match.groups["deprecated"], !marker.isEmpty { stability = .deprecated }
        let line = match.groupLine("name") ?? match.line
        return RawItem(
            key: key, attributes: attributes, stability: stability, location: Location(path: path, line: line))
    }
}

/// Fills a `key` template: `{path}`, `{dir}`, `{stem}`, `{file}` and any named group, each maybe respelled by a
/// name style after a colon (`{name:kebab}`).
enum KeyTemplate {
    /// The placeholder's name without its style (`name` of `name:kebab`).
    static func name(of placeholder: String) -> String {
        placeholder.firstIndex(of: ":").map { String(placeholder[..<$0]) } ?? placeholder
    }

    /// What is wrong with the style part of a placeholder, or nil when it has none or a known one.
    static func styleProblem(_ placeholder: String, template: String) -> String? {
        guard let colon = placeholder.firstIndex(of: ":") else { return nil }
        let style = String(placeholder[placeholder.index(after: colon)...])
        if NameStyle(rawValue: style) != nil { return nil }
        return "unknown name style '\(style)' in '{\(placeholder)}' of key template '\(template)'"
            + Suggestions.hint(for: style, among: NameStyle.allCases.map(\.rawValue))
    }

    static func fill(_ template: String, path: String, groups: [String: String]) -> String {
        // The path's parts are worked out only for a template that names them (most name only groups).
        var file: String { path.split(separator: "/").last.map(String.init) ?? path }
        var dir: String { path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "" }
        var stem: String {
            let file = file
            return file.contains(".") ? String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)]) : file
        }
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let placeholder = String(rest[rest.index(after: open)..<close])
            let name = Self.name(of: placeholder)
            let value: String
            switch name {
            case "path": value = path
            case "dir": value = dir
            case "stem": value = stem
            case "file": value = file
            default: value = groups[name] ?? ""
            }
            let style = NameStyle(rawValue: String(placeholder.dropFirst(name.count + 1)))
            output += placeholder.count > name.count ? style?.apply(value) ?? value : value
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return trimmed(output)
    }

    /// `text` without leading and trailing white space and newlines. A text that starts and ends with a printable
    /// ASCII character other than space has none to lose, and is returned as it is without Foundation's scan.
    static func trimmed(_ text: String) -> String {
        let printable: ClosedRange<UInt8> = 0x21...0x7E
        if let first = text.utf8.first, let last = text.utf8.last, printable.contains(first), printable.contains(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension RegexExtractorSpec {
    public static var deprecationMarker: String? { "a match whose `deprecated` group is not empty" }
}
