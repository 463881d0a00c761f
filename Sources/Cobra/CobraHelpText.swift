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

    /// Whether `statements` (the body of a function a command runs) print a deprecation notice whatever the command
    /// is given: a call at the top level of the body (not under a condition, which is about an argument or a flag)
    /// with a string argument that opens by saying so (`fmt.Fprintf(os.Stderr, "Deprecated: Use ...")`). A
    /// returned error that says so is a failure, not a notice.
    static func printsDeprecation(_ statements: [CobraStatement]) -> Bool {
        statements.contains { statement in
            switch statement {
            case .expression(let expression): return noticeCall(expression)
            case .assign(_, _, let values): return values.contains(where: noticeCall)
            default: return false
            }
        }
    }

    /// Whether `text` contains `deprecated` in any case, by a scan of its bytes: most help texts do not, and they
    /// are read for every flag the program defines.
    private static func mentionsDeprecated(_ text: String) -> Bool {
        let word = Array("deprecated".utf8)
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

    private static func noticeCall(_ expression: CobraExpr) -> Bool {
        guard case .call(_, let arguments, _) = expression else { return false }
        return arguments.contains { argument in
            guard case .string(let text) = argument else { return false }
            return longHelpSaysDeprecated(text)
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
