import Limits
import Pattern
import SemVer
import Yams

/// Finds, parses and validates policy files, reporting every problem at once.
public enum PolicyLoader {
    /// Where a policy is looked for when `--policy` is not given, in lookup order.
    public static let searchPaths = [".semgate.yml", "semgate.yml", "policy/semgate.yml"]

    /// The only policy format version this semgate reads.
    public static let formatVersion = 1

    /// Parses and validates `yaml`; `file` names it in diagnostics. `extractors` are the kinds `extract:` may name,
    /// in documentation order (the layer that reads them passes its registry).
    public static func load(
        yaml: String, file: String, origin: PolicyOrigin, extractors: [any ExtractorSpec.Type]
    ) throws(PolicyError) -> Policy {
        var reader = PolicyReader(file: file, extractors: extractors)
        let policy = reader.read(yaml, origin: origin)
        guard let policy, reader.diagnostics.isEmpty else {
            throw PolicyError(diagnostics: reader.sortedDiagnostics)
        }
        return policy
    }
}

/// The keys each level of a policy file accepts, in documentation order.
enum PolicyKeys {
    static let topLevel = [
        "semgate", "project", "releases", "surfaces", "experimental", "hidden", "deprecations", "exceptions", "rules",
        "signals", "support", "cadence", "deprecation-period", "promotions",
    ]
    static let releases = ["tag", "ignore", "initial-development", "version-file"]
    static let versionFile = ["path", "pattern"]
    static let surface = ["extract", "breaking", "include", "exclude"]
    static let deprecation = ["item", "since", "remove-in", "remove-when", "use-instead"]
    static let exception = ["release", "exact", "items", "reason"]
}

/// One pass over a composed YAML tree that builds a `Policy` and collects diagnostics.
struct PolicyReader {
    let file: String
    /// The extractor kinds `extract:` may name.
    let extractors: [any ExtractorSpec.Type]
    private(set) var diagnostics: [Diagnostic] = []
    /// Alternatives of the globs read so far that are matched against every item or tag (`Limit.itemGlobAlternatives`).
    private var itemGlobAlternatives = 0

    /// Marks keys renamed to get past a duplicate; those entries are skipped.
    private static let duplicateMarker = "\u{2063}semgate-duplicate-"

    init(file: String, extractors: [any ExtractorSpec.Type]) {
        self.file = file
        self.extractors = extractors
    }

    /// The kinds' names, for messages.
    private var kindNames: [String] { extractors.map { $0.name } }

    var sortedDiagnostics: [Diagnostic] {
        diagnostics.enumerated()
            .sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }
            .map(\.element)
            .reduce(into: [Diagnostic]()) { unique, diagnostic in
                // A YAML alias repeats its anchor's node: report each problem once.
                if !unique.contains(diagnostic) { unique.append(diagnostic) }
            }
    }

    // MARK: - Reporting

    private mutating func report(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(file: file, line: max(line, 1), column: max(column, 1), message: message))
    }

    mutating func report(_ message: String, at node: Node) {
        let mark = node.mark
        report(message, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    // MARK: - YAML

    /// Composes the document; duplicate keys are reported and renamed so that the rest is still checked.
    private mutating func compose(_ source: String) -> Node? {
        var text = source
        var renamed = 0
        while true {
            do {
                guard let root = try Yams.compose(yaml: text) else {
                    report("the policy file is empty; start it with 'semgate: 1'", line: 1, column: 1)
                    return nil
                }
                return root
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let key = duplicates.first ?? ""
                let first = context.mark
                let firstText = "\(first.line):\(first.column)"
                renamed += 1
                guard renamed <= 100, let second = Self.locateDuplicate(of: key, after: first, in: text) else {
                    report(
                        "duplicate key '\(key)'; each key may appear once in a mapping", line: first.line,
                        column: first.column)
                    return nil
                }
                report(
                    "duplicate key '\(key)' (first at \(firstText)); each key may appear once in a mapping, "
                        + "so rename or merge one", line: second.line, column: second.column)
                text = Self.replacing(second, with: Self.duplicateMarker + String(renamed), in: text)
            } catch let error as YamlError {
                reportSyntax(error)
                return nil
            } catch {
                report("cannot read the policy file: \(error)", line: 1, column: 1)
                return nil
            }
        }
    }

    /// A policy pattern compiled, or nil with its syntax error or `missingGroup` reported at `value`.
    mutating func compile(
        _ source: String, at value: Node, errorPrefix: String, hasGroups: (Pattern) -> Bool, missingGroup: String
    ) -> Pattern? {
        do {
            let compiled = try Pattern(source)
            if hasGroups(compiled) { return compiled }
            report(missingGroup, at: value)
        } catch {
            report("\(errorPrefix): \(error)", at: value)
        }
        return nil
    }

    private mutating func reportSyntax(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
            }
            report(message + "; check the indentation and quoting here", line: mark.line, column: mark.column)
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = Self.position(ofCharacterOffset: offset ?? 0, in: yaml)
            report("invalid YAML: \(problem); save the file as UTF-8 text", line: line, column: column)
        default:
            report("invalid YAML: \(error)", line: 1, column: 1)
        }
    }

    private static func position(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Where a key of a block mapping repeats: the same key at the same column, before the mapping ends.
    private static func locateDuplicate(of key: String, after first: Mark, in text: String)
        -> (line: Int, column: Int, length: Int)?
    {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        var index = first.line
        while index < lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            defer { index += 1 }
            guard let content = scalars.firstIndex(where: { $0 != " " }), scalars[content] != "#",
                scalars[content] != "\r"
            else { continue }
            if content < indent { return nil }
            guard content == indent else { continue }
            for spelling in spellings where scalars[indent...].starts(with: spelling) {
                let rest = scalars[(indent + spelling.count)...].drop { $0 == " " || $0 == "\t" }
                if rest.first == ":" {
                    return (index + 1, first.column, spelling.count)
                }
            }
        }
        return nil
    }

    private static func replacing(
        _ location: (line: Int, column: Int, length: Int),
        with replacement: String,
        in text: String
    ) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var scalars = Array(lines[location.line - 1].unicodeScalars)
        let start = location.column - 1
        scalars.replaceSubrange(start..<(start + location.length), with: replacement.unicodeScalars)
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars)
        lines[location.line - 1] = String(line)
        return lines.joined(separator: "\n")
    }

    // MARK: - Generic value readers

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    mutating func typeMismatch(expected: String, for field: String, found node: Node, example: String? = nil) {
        var message = "expected \(expected) for \(field), found \(Self.describe(node))"
        if let example { message += "; write it like \(example)" }
        report(message, at: node)
    }

    /// The entries of a mapping whose keys are known; every other key is reported with a suggestion.
    mutating func entries(
        of node: Node,
        for field: String,
        allowed: [String],
        context: String
    ) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            typeMismatch(expected: "a mapping", for: field, found: node)
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report("expected a plain key \(context), found \(Self.describe(key))", at: key)
                continue
            }
            let name = scalar.string
            if name.hasPrefix(Self.duplicateMarker) { continue }
            if allowed.contains(name) {
                result[name] = (key, value)
            } else {
                report("unknown key '\(name)' \(context)" + Suggestions.hint(for: name, among: allowed), at: key)
            }
        }
        return result
    }

    /// The pairs of a mapping whose keys are free-form names (surfaces, rules).
    private mutating func namedEntries(of node: Node, for field: String) -> [(name: String, key: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            if !Self.isNull(node) { typeMismatch(expected: "a mapping", for: field, found: node) }
            return []
        }
        var result: [(name: String, key: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report("expected a name as key in \(field), found \(Self.describe(key))", at: key)
                continue
            }
            if scalar.string.hasPrefix(Self.duplicateMarker) { continue }
            result.append((scalar.string, key, value))
        }
        return result
    }

    /// The source text of a scalar; nulls, lists and mappings are reported.
    mutating func string(_ node: Node, for field: String, example: String? = nil) -> String? {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            typeMismatch(expected: "a string", for: field, found: node, example: example)
            return nil
        }
        return scalar.string
    }

    /// A list of strings with the node of each.
    private mutating func strings(_ node: Node, for field: String) -> [(text: String, node: Node)]? {
        guard case .sequence(let sequence) = node else {
            let example = node.scalar.map { "[\"\($0.string)\"]" }
            typeMismatch(expected: "a list of strings", for: field, found: node, example: example)
            return nil
        }
        var result: [(text: String, node: Node)] = []
        for element in sequence {
            guard case .scalar(let scalar) = element, !Self.isNull(element) else {
                typeMismatch(expected: "a list of strings", for: field, found: element)
                continue
            }
            result.append((scalar.string, element))
        }
        return result
    }

    /// The globs of the list `node`. Those `matchedAgainstItems` (tried on every item or tag a run meets) count
    /// against `Limit.itemGlobAlternatives` for the whole policy; the one that passes it is an error.
    mutating func globs(_ node: Node, for field: String, matchedAgainstItems: Bool = false) -> [(glob: Glob, node: Node)] {
        var result: [(glob: Glob, node: Node)] = []
        for (text, element) in strings(node, for: field) ?? [] {
            do {
                let glob = try Glob(text)
                if matchedAgainstItems {
                    let before = itemGlobAlternatives
                    itemGlobAlternatives += glob.alternativeCount
                    if before <= Limit.itemGlobAlternatives && itemGlobAlternatives > Limit.itemGlobAlternatives {
                        report(
                            "more than \(Limit.itemGlobAlternatives) glob alternatives ({a,b} counts two) are matched "
                                + "against every item or tag (include, exclude, experimental, exceptions' items and "
                                + "releases.ignore together; \(field) passes it here): each is tried on every item of "
                                + "every release, so merge them into fewer globs", at: element)
                    }
                }
                result.append((glob, element))
            } catch {
                report("\(error.message) (in \(field))", at: element)
            }
        }
        return result
    }

    mutating func version(_ node: Node, for field: String) -> Version? {
        guard let text = string(node, for: field, example: "1.2.0") else { return nil }
        do {
            return try Version(text)
        } catch {
            var message = "invalid version '\(text)' for \(field): \(error)"
            if text.hasPrefix("v") || text.hasPrefix("V"), Version.parse(String(text.dropFirst())) != nil {
                message = "invalid version '\(text)' for \(field): write '\(text.dropFirst())' without the 'v'"
            }
            report(message, at: node)
            return nil
        }
    }

    // MARK: - The policy

    /// Builds the policy, or nil when the YAML cannot be read at all.
    mutating func read(_ source: String, origin: PolicyOrigin) -> Policy? {
        guard let root = compose(source) else { return nil }
        guard case .mapping = root else {
            typeMismatch(
                expected: "a mapping of policy keys", for: "the policy file", found: root,
                example: "'semgate: 1'")
            return nil
        }
        let top =
            entries(of: root, for: "the policy file", allowed: PolicyKeys.topLevel, context: "at the top level")
            ?? [:]
        var policy = Policy(origin: origin)

        if let entry = top["semgate"] {
            readFormatVersion(entry.value)
        } else {
            report("missing 'semgate: 1' (the policy format version); add it as the first line", at: root)
        }
        if let entry = top["project"] {
            policy.project = string(entry.value, for: "'project'")
        }
        if let entry = top["releases"] {
            policy.releases = readReleases(entry.value)
        }
        var surfaceNames: [String] = []
        if let entry = top["surfaces"] {
            let named = namedEntries(of: entry.value, for: "'surfaces'")
            surfaceNames = named.map(\.name)
            policy.surfaces = named.compactMap { readSurface(name: $0.name, key: $0.key, value: $0.value) }
        }
        if let entry = top["experimental"] {
            policy.experimental = globs(entry.value, for: "'experimental'", matchedAgainstItems: true).map { glob, node in
                checkItemGlob(glob, at: node, for: "'experimental'", surfaces: surfaceNames)
                return glob
            }
        }
        if let entry = top["hidden"] {
            policy.hidden = readHidden(entry.value) ?? policy.hidden
        }
        // Before `deprecations`: their `remove-when` names the lines and phases of `support`.
        readLifecycle(top, into: &policy, surfaces: surfaceNames)
        if let entry = top["deprecations"] {
            let support: SupportPolicy?? = top["support"] == nil ? .some(nil) : policy.support.map { $0 }
            policy.deprecations = readList(entry.value, for: "'deprecations'", example: "[{item: \"surface:key\"}]") {
                reader, node, number in
                reader.readDeprecation(node, number: number, surfaces: surfaceNames, support: support)
            }
        }
        if let entry = top["exceptions"] {
            policy.exceptions = readList(entry.value, for: "'exceptions'", example: nil) { reader, node, number in
                reader.readException(node, number: number, surfaces: surfaceNames)
            }
        }
        if let entry = top["rules"] {
            policy.severityOverrides = readRules(entry.value)
        }
        if let entry = top["signals"] {
            policy.signals = readSignals(entry.value)
        }
        return policy
    }

    private mutating func readFormatVersion(_ node: Node) {
        guard let text = string(node, for: "'semgate'", example: "'semgate: 1'") else { return }
        guard text != String(PolicyLoader.formatVersion) else { return }
        if Int(text) != nil {
            report("unsupported policy format version '\(text)'; this semgate reads 'semgate: 1'", at: node)
        } else {
            report("invalid policy format version '\(text)'; write 'semgate: 1'", at: node)
        }
    }

    /// `hidden: promised | experimental`.
    private mutating func readHidden(_ node: Node) -> HiddenItems? {
        guard let text = string(node, for: "'hidden'", example: "'hidden: experimental'") else { return nil }
        if let mode = HiddenItems(rawValue: text) { return mode }
        let names = HiddenItems.allCases.map(\.rawValue)
        report(
            "invalid hidden '\(text)'; use promised (hidden commands and flags are promised like the others) or "
                + "experimental (they promise nothing)"
                + (Suggestions.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""),
            at: node)
        return nil
    }

    private mutating func readReleases(_ node: Node) -> ReleasePolicy {
        var releases = ReleasePolicy()
        guard
            let fields = entries(of: node, for: "'releases'", allowed: PolicyKeys.releases, context: "in 'releases'")
        else { return releases }
        if let value = fields["tag"]?.value,
            let text = string(value, for: "'tag' in 'releases'", example: "\"v{version}\"")
        {
            do {
                releases.tag = try TagTemplate(text)
            } catch {
                report(error.message, at: value)
            }
        }
        if let value = fields["ignore"]?.value {
            releases.ignore = globs(value, for: "'ignore' in 'releases'", matchedAgainstItems: true).map(\.glob)
        }
        if let value = fields["initial-development"]?.value,
            let text = string(value, for: "'initial-development' in 'releases'", example: "semver")
        {
            if let mode = InitialDevelopment(rawValue: text) {
                releases.initialDevelopment = mode
            } else {
                let names = InitialDevelopment.allCases.map(\.rawValue)
                report(
                    "invalid initial-development '\(text)'; use semver or shifted"
                        + (Suggestions.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""),
                    at: value)
            }
        }
        if let value = fields["version-file"]?.value {
            let elements: [Node]
            if case .sequence(let sequence) = value { elements = Array(sequence) } else { elements = [value] }
            releases.versionFiles = elements.enumerated().compactMap { offset, element in
                readVersionFile(element, number: elements.count > 1 ? offset + 1 : nil)
            }
        }
        return releases
    }

    /// One `{path, pattern}` of `releases.version-file`; the pattern needs a group named `version`.
    private mutating func readVersionFile(_ node: Node, number: Int?) -> VersionFileSpec? {
        let name = "'version-file'" + (number.map { " entry \($0)" } ?? "") + " in 'releases'"
        let example = "{path: internal/build/version.go, pattern: 'Version = \"(?<version>[^\"]+)\"'}"
        guard case .mapping = node else {
            typeMismatch(expected: "a mapping with 'path' and 'pattern'", for: name, found: node, example: example)
            return nil
        }
        guard let fields = entries(of: node, for: name, allowed: PolicyKeys.versionFile, context: "in \(name)") else {
            return nil
        }
        var path: String?
        if let value = fields["path"]?.value, let text = string(value, for: "'path' in \(name)", example: "version.go")
        {
            path = normalisedPath(text, at: value, for: "'path' in \(name)")
            if path?.isEmpty == true {
                report("expected a file path for 'path' in \(name), found '\(text)'", at: value)
                path = nil
            }
        } else if fields["path"] == nil {
            report("\(name) has no 'path'; add the file that declares the version, e.g. path: version.go", at: node)
        }
        var pattern: Pattern?
        if let value = fields["pattern"]?.value, let source = string(value, for: "'pattern' in \(name)") {
            pattern = compile(
                source, at: value, errorPrefix: name, hasGroups: { $0.groupNames.contains("version") },
                missingGroup: "pattern '\(source)' in \(name) has no group named 'version'; wrap the version in "
                    + "(?<version>...)")
        } else if fields["pattern"] == nil {
            report("\(name) has no 'pattern'; add one with a (?<version>...) group", at: node)
        }
        guard let path, let pattern else { return nil }
        return VersionFileSpec(path: path, pattern: pattern)
    }

    private mutating func readSignals(_ node: Node) -> [Signal] {
        let names = Signal.allCases.map(\.rawValue)
        var signals: [Signal] = []
        for (text, element) in strings(node, for: "'signals'") ?? [] {
            guard let signal = Signal(rawValue: text) else {
                report(
                    "unknown signal '\(text)' in 'signals'; the signals are: " + names.joined(separator: ", ")
                        + (Suggestions.closest(to: text, among: names).map { "; did you mean '\($0)'?" } ?? ""),
                    at: element)
                continue
            }
            if !signals.contains(signal) { signals.append(signal) }
        }
        return signals
    }

    mutating func readList<Element>(
        _ node: Node,
        for field: String,
        example: String?,
        _ readElement: (inout PolicyReader, Node, Int) -> Element?
    ) -> [Element] {
        guard case .sequence(let sequence) = node else {
            if !Self.isNull(node) { typeMismatch(expected: "a list", for: field, found: node, example: example) }
            return []
        }
        var result: [Element] = []
        for (offset, element) in sequence.enumerated() {
            if let value = readElement(&self, element, offset + 1) { result.append(value) }
        }
        return result
    }

    // MARK: Surfaces

    private static func isValidSurfaceName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, first.isLowercaseAlphanumeric else { return false }
        return scalars.dropFirst().allSatisfy { $0.isLowercaseAlphanumeric || $0 == "-" || $0 == "_" }
    }

    private mutating func readSurface(name: String, key: Node, value: Node) -> SurfaceSpec? {
        var valid = true
        if !Self.isValidSurfaceName(name) {
            report(
                "invalid surface name '\(name)'; use lowercase letters, digits, '-' and '_', "
                    + "starting with a letter or digit", at: key)
            valid = false
        }
        let context = "in surface '\(name)'"
        guard let fields = entries(of: value, for: "surface '\(name)'", allowed: PolicyKeys.surface, context: context)
        else { return nil }
        var extractors: [any ExtractorSpec] = []
        var extractorsValid = true
        if let extract = fields["extract"]?.value {
            (extractors, extractorsValid) = readExtract(extract, surface: name)
        } else {
            report(
                "surface '\(name)' has no 'extract'; add one of: " + kindNames.joined(separator: ", "),
                at: key)
            extractorsValid = false
        }
        var surface = SurfaceSpec(name: name, extractors: extractors)
        if let breaking = fields["breaking"]?.value {
            let names = strings(breaking, for: "'breaking' in surface '\(name)'") ?? []
            surface.breaking = Set(names.map(\.text))
            if extractorsValid {
                checkBreakingAttributes(names, surface: name, extractors: extractors)
            }
        }
        if let include = fields["include"]?.value {
            surface.include = globs(include, for: "'include' in surface '\(name)'", matchedAgainstItems: true).map(\.glob)
        }
        if let exclude = fields["exclude"]?.value {
            surface.exclude = globs(exclude, for: "'exclude' in surface '\(name)'", matchedAgainstItems: true).map(\.glob)
        }
        return valid && extractorsValid ? surface : nil
    }

    /// When every extractor of a surface is of one kind and that kind names the attributes its items carry, a
    /// breaking attribute must be one of them (the union over the extractors, in order).
    private mutating func checkBreakingAttributes(
        _ names: [(text: String, node: Node)],
        surface: String,
        extractors: [any ExtractorSpec]
    ) {
        guard let first = extractors.first, extractors.allSatisfy({ $0.kind == first.kind }) else { return }
        var attributes: [String] = []
        for extractor in extractors {
            guard let known = extractor.attributes else { return }
            for name in known where !attributes.contains(name) { attributes.append(name) }
        }
        let kind = type(of: first)
        for (text, node) in names where !attributes.contains(text) {
            report(
                "surface '\(surface)': breaking attribute '\(text)' is not "
                    + kind.unknownAttribute(text, known: attributes), at: node)
        }
    }

    /// The kind registered under `name`.
    private func kind(named name: String) -> (any ExtractorSpec.Type)? {
        extractors.first { $0.name == name }
    }

    /// The extractors of one `extract:` value and whether all of them were valid.
    private mutating func readExtract(_ node: Node, surface: String) -> ([any ExtractorSpec], Bool) {
        let mappings: [Node]
        switch node {
        case .sequence(let sequence):
            mappings = Array(sequence)
            if mappings.isEmpty {
                report(
                    "empty 'extract' in surface '\(surface)'; add an extractor: "
                        + kindNames.joined(separator: ", "), at: node)
                return ([], false)
            }
        default:
            mappings = [node]
        }
        var extractors: [any ExtractorSpec] = []
        var valid = true
        for mapping in mappings {
            let field = "'extract' in surface '\(surface)'"
            guard case .mapping(let pairs) = mapping else {
                typeMismatch(
                    expected: "a mapping of extractors", for: field, found: mapping,
                    example: "{list: policy/items.txt}")
                valid = false
                continue
            }
            if pairs.isEmpty {
                report(
                    "empty 'extract' in surface '\(surface)'; add an extractor: "
                        + kindNames.joined(separator: ", "), at: mapping)
                valid = false
            }
            for (key, value) in pairs {
                guard case .scalar(let scalar) = key else {
                    report("expected an extractor name in surface '\(surface)', found \(Self.describe(key))", at: key)
                    valid = false
                    continue
                }
                if scalar.string.hasPrefix(Self.duplicateMarker) { continue }
                guard let found = kind(named: scalar.string) else {
                    report(
                        "unknown extractor '\(scalar.string)' in surface '\(surface)'"
                            + Suggestions.hint(for: scalar.string, among: kindNames), at: key)
                    valid = false
                    continue
                }
                var settings = ExtractorSettingsReader(
                    reader: self, surface: surface, kind: found.name, key: PolicyNode(node: key))
                let extractor = found.read(PolicyNode(node: value), in: &settings)
                self = settings.reader
                if let extractor { extractors.append(extractor) } else { valid = false }
            }
        }
        return (extractors, valid)
    }

    /// A repository-relative path without `./` or trailing slashes; absolute paths and `..` are reported.
    mutating func normalisedPath(_ path: String, at node: Node, for field: String) -> String? {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        parts.removeAll { $0 == "." }
        if path.hasPrefix("/") || parts.contains("..") {
            report(
                "path '\(path)' for \(field) must stay inside the repository; write it relative to its root",
                at: node)
            return nil
        }
        return parts.joined(separator: "/")
    }

    // MARK: Items, deprecations, exceptions, rules

    /// An item glob must start with a known `surface:` unless it starts with a wildcard.
    private mutating func checkItemGlob(_ glob: Glob, at node: Node, for field: String, surfaces: [String]) {
        let prefix = glob.literalPrefix
        if let colon = prefix.firstIndex(of: ":") {
            checkSurfaceName(String(prefix[..<colon]), in: glob.pattern, at: node, for: field, surfaces: surfaces)
        } else if prefix == glob.pattern || (!prefix.isEmpty && !glob.pattern.contains(":")) {
            report(
                "item glob '\(glob.pattern)' in \(field) has no surface; write it as 'surface:key', e.g. '"
                    + "\(surfaces.first ?? "surface"):\(glob.pattern)'", at: node)
        }
    }

    mutating func checkSurfaceName(
        _ name: String,
        in item: String,
        at node: Node,
        for field: String,
        surfaces: [String]
    ) {
        guard !surfaces.contains(name) else { return }
        var message = "'\(item)' in \(field) names unknown surface '\(name)'"
        if let match = Suggestions.closest(to: name, among: surfaces) {
            message += "; did you mean '\(match)'?"
        } else if surfaces.isEmpty {
            message += "; declare it under 'surfaces'"
        } else {
            message += "; the surfaces are: " + surfaces.joined(separator: ", ")
        }
        report(message, at: node)
    }

    /// `support` is nil when the policy's `support` section is invalid (already reported), `.some(nil)` when there is
    /// none.
    private mutating func readDeprecation(
        _ node: Node, number: Int, surfaces: [String], support: SupportPolicy??
    ) -> DeclaredDeprecation? {
        let name = "deprecation \(number)"
        guard
            let fields = entries(
                of: node, for: "'deprecations'", allowed: PolicyKeys.deprecation,
                context: "in \(name)")
        else { return nil }
        var valid = true
        var item: String?
        var line = node.mark?.line ?? 0
        if let value = fields["item"]?.value {
            line = value.mark?.line ?? line
            if let text = string(value, for: "'item' in \(name)", example: "\"surface:key\"") {
                if let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                    text.index(after: colon) != text.endIndex
                {
                    checkSurfaceName(String(text[..<colon]), in: text, at: value, for: name, surfaces: surfaces)
                    item = text
                } else {
                    report(
                        "item '\(text)' in \(name) is not 'surface:key'; write it like '"
                            + "\(surfaces.first ?? "surface"):\(text.isEmpty ? "key" : text)'", at: value)
                }
            }
        } else {
            report("\(name) has no 'item'; add item: \"surface:key\"", at: node)
        }
        var since: Version?
        if let value = fields["since"]?.value {
            since = version(value, for: "'since' in \(name)")
            if since == nil { valid = false }
        }
        var removeIn: Version?
        if let value = fields["remove-in"]?.value {
            removeIn = version(value, for: "'remove-in' in \(name)")
            if removeIn == nil { valid = false }
            if let since, let removal = removeIn, !(since < removal) {
                report("'remove-in' \(removal) in \(name) must be greater than 'since' \(since)", at: value)
                valid = false
            }
        }
        var removeWhen: RemovalCondition?
        if let value = fields["remove-when"]?.value {
            removeWhen = removalCondition(value, for: "'remove-when' in \(name)", support: support)
            if removeWhen == nil { valid = false }
        }
        var useInstead: String?
        if let value = fields["use-instead"]?.value {
            useInstead = string(value, for: "'use-instead' in \(name)")
        }
        guard valid, let item else { return nil }
        return DeclaredDeprecation(
            item: item, since: since, removeIn: removeIn, removeWhen: removeWhen, useInstead: useInstead, line: line)
    }

    private mutating func readException(_ node: Node, number: Int, surfaces: [String]) -> PolicyException? {
        let name = "exception \(number)"
        guard
            let fields = entries(
                of: node, for: "'exceptions'", allowed: PolicyKeys.exception,
                context: "in \(name)")
        else { return nil }
        var release: Version?
        if let value = fields["release"]?.value {
            release = version(value, for: "'release' in \(name)")
        } else {
            report("\(name) has no 'release'; add the version it applies to, e.g. release: 1.2.0", at: node)
        }
        var exact = false
        if let value = fields["exact"]?.value {
            exact = bool(value, for: "'exact' in \(name)") ?? false
        }
        var items: [Glob] = []
        if let value = fields["items"]?.value {
            let parsed = globs(value, for: "'items' in \(name)", matchedAgainstItems: true)
            for (glob, itemNode) in parsed {
                checkItemGlob(glob, at: itemNode, for: name, surfaces: surfaces)
            }
            items = parsed.map(\.glob)
            if case .sequence(let sequence) = value, sequence.isEmpty {
                report("empty 'items' in \(name); list the items it covers as 'surface:key' globs", at: value)
            }
        } else {
            report("\(name) has no 'items'; add the items it covers, e.g. items: [\"surface:key\"]", at: node)
        }
        var reason: String?
        if let value = fields["reason"]?.value {
            reason = string(value, for: "'reason' in \(name)")
            if reason?.allSatisfy(\.isWhitespace) == true {
                report("empty 'reason' in \(name); say why the break is accepted", at: value)
                reason = nil
            }
        } else {
            report("\(name) has no 'reason'; say why the break is accepted", at: node)
        }
        guard let release, let reason, !items.isEmpty else { return nil }
        return PolicyException(release: release, items: items, reason: reason, exact: exact)
    }

    private mutating func readRules(_ node: Node) -> [RuleID: Severity] {
        var overrides: [RuleID: Severity] = [:]
        let ids = RuleID.allCases.map(\.id)
        let settable = Severity.settable.map(\.rawValue)
        for (name, key, value) in namedEntries(of: node, for: "'rules'") {
            let rule = RuleID(id: name)
            if rule == nil {
                report("unknown rule '\(name)' in 'rules'" + Suggestions.hint(for: name, among: ids), at: key)
            }
            guard let text = string(value, for: "rule '\(name)'", example: "\(name): warning") else { continue }
            guard let severity = Severity(rawValue: text), Severity.settable.contains(severity) else {
                var message = "invalid severity '\(text)' for rule '\(name)'; use error, warning or off"
                if text == Severity.note.rawValue {
                    message += " (notes come only from exceptions)"
                } else if let match = Suggestions.closest(to: text, among: settable) {
                    message += "; did you mean '\(match)'?"
                }
                report(message, at: value)
                continue
            }
            if let rule { overrides[rule] = severity }
        }
        return overrides
    }
}

extension Unicode.Scalar {
    fileprivate var isLowercaseAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("0"..."9").contains(self)
    }
}
