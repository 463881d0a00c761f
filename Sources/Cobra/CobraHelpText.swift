import GoSource

/// What a command line's help text and the code a command runs say about its stability, where a project says it
/// there and not through cobra's fields: a flag usage `"Skip verification (deprecated)"`, a `Run` function that
/// prints `Deprecated: use ... instead` whatever it is given.
///
/// Only markers that say so of the flag or command itself count: `"the deprecated --x flag is replaced by this"`,
/// `"not deprecated"` and `"deprecation checks"` mark nothing.
enum CobraHelpText {
    /// Whether a flag's usage text says the flag is deprecated: `deprecated` opening the text (`"deprecated"`,
    /// `"Deprecated: use --y"`, `"deprecated. Use --y"`), opening a parenthesis, bracket or sentence and followed by
    /// punctuation or its end (`"Skip verification (deprecated)"`, `"(Deprecated) Shorthand for --repo"`,
    /// `"Path to the file. DEPRECATED: use --config"`), or `this flag is deprecated`.
    static func usageSaysDeprecated(_ text: String) -> Bool {
        guard mentionsDeprecated(text) else { return false }
        let lower = text.lowercased()
        if lower.contains("this flag is deprecated") || lower.contains("this option is deprecated") { return true }
        return markers(in: lower).contains { marker in
            marker.opensText || (marker.opensClause && marker.closesClause)
        }
    }

    /// Whether a command's long help says the command is deprecated: it opens with a marker that ends a phrase
    /// (`"Deprecated: use 'tool new' instead"`, `"[DEPRECATED] ..."`), or says `this command is deprecated`.
    static func longHelpSaysDeprecated(_ text: String) -> Bool {
        guard mentionsDeprecated(text) else { return false }
        let lower = text.lowercased()
        if lower.contains("this command is deprecated") { return true }
        return markers(in: lower).contains { $0.opensText && $0.closesClause }
    }

    /// Whether a command's short help opens by calling it legacy, as a tag (`"[legacy] offline backup"`,
    /// `"(legacy) ..."`, `"Legacy: ..."`): a command kept for old users and not meant for new ones. `"Migrates legacy
    /// data"`, a command about legacy things, marks nothing.
    static func shortHelpSaysLegacy(_ text: String) -> Bool {
        let lead = text.drop { $0 == " " || $0 == "\t" }.prefix(8).lowercased()
        return lead.hasPrefix("[legacy]") || lead.hasPrefix("(legacy)") || lead.hasPrefix("legacy:")
    }

    /// Whether a command's long help opens by sending users to another command: a first sentence `Prefer X instead`
    /// or `Use X instead` (`"Prefer: \`etcdctl snapshot save\` instead."`), where `instead` ends the sentence. `"Use
    /// this instead of --x"` (this command is the replacement) and a `Prefer`/`Use` later in the text mark nothing.
    static func longHelpSaysUseInstead(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        let lower = trimmed.prefix(400).lowercased()
        let first = lower.prefix { $0.isLetter }
        guard first == "prefer" || first == "use" else { return false }
        // The first sentence: up to a full stop followed by a space or the end, or a line end.
        var sentence = Substring(lower)
        if let end = lower.firstIndex(where: { $0 == "\n" }) { sentence = lower[..<end] }
        if let stop = sentence.indices.first(where: { index in
            sentence[index] == "." && sentence.index(after: index) != sentence.endIndex
                && sentence[sentence.index(after: index)] == " "
        }) {
            sentence = sentence[...stop]
        }
        let words = sentence.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 3, let last = words.last else { return false }
        let word = last.drop { !$0.isLetter }.prefix { $0.isLetter }
        let after = last.drop { !$0.isLetter }.dropFirst(word.count)
        return word == "instead" && after.allSatisfy { ".!;:)".contains($0) }
    }

    /// Whether `statements` (the body of a function a command runs) print a deprecation notice whatever the command
    /// is given: a call at the top level of the body (not under a condition, which is about an argument or a flag)
    /// with a string argument that opens by saying so (`fmt.Fprintf(os.Stderr, "Deprecated: Use ...")`). A
    /// returned error that says so is a failure, not a notice.
    static func printsDeprecation(_ statements: [CobraStatement]) -> Bool {
        statements.contains { statement in
            switch statement {
            case .expression(let expression), .deferred(let expression): return noticeCall(expression)
            case .assign(_, _, let values, _): return values.contains { noticeCall($0) }
            default: return false
            }
        }
    }

    /// The expressions whose being set guards a deprecation notice at the top level of `statements`: `if len(x) > 0
    /// { notice }`, `if x != "" { notice }`, `if x { notice }`, where the notice is a call with a string that says
    /// the thing is deprecated or sends users elsewhere (`"Use othertool defrag instead. ..."`). The notice is then
    /// printed exactly when the flag bound to `x` is given, so it deprecates that flag.
    static func noticeGuards(_ statements: [CobraStatement]) -> [CobraExpr] {
        statements.compactMap { statement -> CobraExpr? in
            guard case .conditional(_, let condition?, let then, _) = statement,
                then.contains(where: { statement in
                    if case .expression(let expression) = statement { return noticeCall(expression, useInstead: true) }
                    return false
                })
            else { return nil }
            return setVariable(in: condition)
        }
    }

    /// The variable a condition tests for being set: `len(x) > 0`, `len(x) != 0`, `x != ""`, `"" != x`, `x`.
    private static func setVariable(in condition: CobraExpr) -> CobraExpr? {
        switch condition {
        case .name, .selector:
            return condition
        case .binary(.greater, .call(.name, let arguments, _), .opaque),
            .binary(.notEqual, .call(.name, let arguments, _), .opaque):
            // `len(x) > 0`; the callee is checked by its arity, as a name's text is not at hand here.
            return arguments.count == 1 ? variable(arguments[0]) : nil
        case .binary(.notEqual, let left, .string("")):
            return variable(left)
        case .binary(.notEqual, .string(""), let right):
            return variable(right)
        default:
            return nil
        }
    }

    private static func variable(_ expression: CobraExpr) -> CobraExpr? {
        switch expression {
        case .name, .selector: return expression
        default: return nil
        }
    }

    /// Whether `text` contains `deprecated` in any case, by a scan of its bytes: most help texts do not, and they
    /// are read for every flag the program defines.
    private static let deprecatedWord = Array("deprecated".utf8)

    private static let experimentalWord = Array("experimental".utf8)

    private static func mentionsDeprecated(_ text: String) -> Bool { mentions(deprecatedWord, in: text) }

    /// Whether `text` contains `word` (lower-case ASCII) in any case.
    private static func mentions(_ word: [UInt8], in text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var matched = 0
        while let byte = utf8.next() {
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if lower == word[matched] {
                matched += 1
                if matched == word.count { return true }
            } else {
                matched = lower == word[0] ? 1 : 0
            }
        }
        return false
    }

    /// Whether a flag says of itself that it is experimental: its name opens with `experimental-`
    /// (`--experimental-oci11`), or every usage text it may have marks it so (``usageSaysExperimental(_:)``).
    static func flagSaysExperimental(name: String, usages: Set<String>) -> Bool {
        if name.lowercased().hasPrefix("experimental-") { return true }
        return !usages.isEmpty && usages.allSatisfy(usageSaysExperimental)
    }

    /// Whether a flag's usage text marks the flag experimental: `[EXPERIMENTAL]` or `(experimental)` anywhere
    /// (`"[EXPERIMENTAL] OIDC client secret"`, `"Use the new resolver (experimental)"`), or `experimental` opening the
    /// text as a tag followed by `:` or `.` (`"Experimental: ..."`). `"Experimental features to enable"` and
    /// `"enable the experimental API"`, flags about experimental things, mark nothing.
    static func usageSaysExperimental(_ text: String) -> Bool {
        guard mentions(experimentalWord, in: text) else { return false }
        let lower = text.lowercased()
        if lower.contains("[experimental]") || lower.contains("(experimental)") { return true }
        let lead = lower.drop { $0 == " " || $0 == "\t" }
        guard lead.hasPrefix("experimental") else { return false }
        let after = lead.dropFirst("experimental".count).first
        return after == ":" || after == "."
    }

    /// Whether a name or text says experimental (`HELM_EXPERIMENTAL_OCI`, `experimentalEnabled`).
    static func saysExperimental(_ text: String) -> Bool {
        text.lowercased().contains("experimental")
    }

    /// The names and string literals an expression is made of (`!FeatureGateOCI.IsEnabled()`: `FeatureGateOCI`,
    /// `IsEnabled`), not inside function literals; `text` spells the expression's names.
    static func namesAndStrings(in expression: CobraExpr, text: (CobraLocalName) -> String) -> (
        names: [String], strings: [String]
    ) {
        var names: [String] = []
        var strings: [String] = []
        func visit(_ expression: CobraExpr, depth: Int) {
            guard depth < 16 else { return }
            switch expression {
            case .name(let name): names.append(text(name))
            case .string(let text): strings.append(text)
            case .selector(let base, let name, _):
                names.append(text(name))
                visit(base, depth: depth + 1)
            case .call(let callee, let arguments, _):
                visit(callee, depth: depth + 1)
                for argument in arguments { visit(argument, depth: depth + 1) }
            case .unary(_, let operand): visit(operand, depth: depth + 1)
            case .binary(_, let left, let right):
                visit(left, depth: depth + 1)
                visit(right, depth: depth + 1)
            case .index(let base, let indices):
                visit(base, depth: depth + 1)
                for index in indices { visit(index, depth: depth + 1) }
            case .opaque, .composite, .function: return
            }
        }
        visit(expression, depth: 0)
        return (names, strings)
    }

    private static func noticeCall(_ expression: CobraExpr, useInstead: Bool = false) -> Bool {
        guard case .call(_, let arguments, _) = expression else { return false }
        return arguments.contains { argument in
            guard case .string(let text) = argument else { return false }
            return longHelpSaysDeprecated(text) || (useInstead && longHelpSaysUseInstead(text))
        }
    }

    /// One `deprecated` word in a lowercased text, and what is around it.
    private struct Marker {
        /// Nothing but spaces, `[` or `(` before it.
        var opensText: Bool
        /// After `(`, `[`, `:` or the end of a sentence (`.`, `;`, `!`, `?`, ` - `).
        var opensClause: Bool
        /// Followed by the end of the text or by punctuation (`:`, `.`, `)`, `]`, `,`, `;`, `!`, ` -`), so that it
        /// is said of the thing described, not of a noun it qualifies (`deprecated flags`).
        var closesClause: Bool
    }

    /// Words after `deprecated` that go on saying it of the thing described (`deprecated in favor of --y`).
    private static let continuations = [
        "in favor", "in favour", "since", "and will", "and ignored", "and has no effect", "use ", "as of", "please",
        "will be", "for removal",
    ]

    private static func markers(in lower: String) -> [Marker] {
        let text = Array(lower)
        let word = Array("deprecated")
        var found: [Marker] = []
        var start = 0
        while start + word.count <= text.count {
            defer { start += 1 }
            guard text[start] == "d", text[start..<start + word.count].elementsEqual(word) else { continue }
            let end = start + word.count
            if start > 0, isWordCharacter(text[start - 1]) { continue }
            if end < text.count, isWordCharacter(text[end]) { continue }
            let before = text[..<start]
            let opensText = before.allSatisfy { $0 == " " || $0 == "\t" || $0 == "[" || $0 == "(" }
            let previous = before.last { $0 != " " && $0 != "\t" }
            let opensClause = opensText || previous.map { "([.;:!?-\n".contains($0) } ?? true
            let rest = String(text[end...].drop { $0 == " " || $0 == "\t" })
            found.append(
                Marker(
                    opensText: opensText, opensClause: opensClause,
                    closesClause: closes(rest, spaced: end < text.count && text[end] == " ")))
        }
        return found
    }

    /// Whether `rest`, what follows a `deprecated` (spaces dropped), ends the phrase: nothing, punctuation, a dash
    /// after a space, or words that go on saying it of the thing described.
    private static func closes(_ rest: String, spaced: Bool) -> Bool {
        guard let next = rest.first else { return true }
        if ":.)],;!\n".contains(next) { return true }
        if next == "-" { return spaced }
        return continuations.contains { rest.hasPrefix($0) }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }
}

/// A package-level variable or a field, by its name, that a flag definition binds (`&dataDir`, `&opts.dataDir`).
struct CobraVariable: Sendable, Hashable {
    let name: String
    let isField: Bool
}

/// A flag of a flag set, by name.
struct CobraBoundFlag: Sendable, Hashable {
    let set: CobraFlagSetID
    let name: String
}
