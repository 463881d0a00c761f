import GoSource

/// What the names in one Go file stand for, as far as its tokens tell without type checking: the string constants
/// and variables it assigns (`HTTPReqDurationName = "http_req_duration"`), the values other identifiers are assigned
/// (`t := k6metrics.Time`, `t = k6metrics.Default`), and the values a `range` variable takes over a composite literal
/// of the file (`for k, v := range wvs`, with `wvs := map[string]string{webVitalTTFB: ttfbName, ...}`).
///
/// go-literals `calls` with `arguments` read call arguments through it: the first argument may be a constant or a
/// range variable instead of a literal (`registry.MustNewMetric(VUsName, Gauge)`), and every later argument is an
/// attribute.
struct GoLiteralsBindings {
    /// Every value each identifier is given in the file, in source order, duplicates removed: a string literal
    /// unquoted, a selector or identifier by its last name (`k6metrics.Time` -> `Time`).
    private(set) var values: [String: [String]] = [:]

    init(tokens: [GoToken]) {
        var rangeSources: [(variables: [String], source: String)] = []
        for index in tokens.indices where tokens[index].kind == .identifier {
            guard index + 2 < tokens.count else { continue }
            // `name = value`, `name := value`, `name Type = value` (one type name) at any level.
            var operatorIndex = index + 1
            if tokens[operatorIndex].kind == .identifier, index + 3 < tokens.count { operatorIndex += 1 }
            let assignment = tokens[operatorIndex]
            if assignment.isOperator("=") || assignment.isOperator(":="),
                index == 0 || !(tokens[index - 1].isOperator(".") || tokens[index - 1].kind == .identifier)
            {
                // A value that is not a literal or a name is unknown (`?`), so an attribute never claims more.
                add(Self.simpleValue(from: operatorIndex + 1, in: tokens) ?? "?", to: tokens[index].text)
            }
            // `for k, v := range source {`
            if index >= 1, tokens[index - 1].isKeyword(.for) {
                var variables: [String] = []
                var position = index
                while position < tokens.count, tokens[position].kind == .identifier {
                    variables.append(tokens[position].text)
                    position += 1
                    guard position < tokens.count, tokens[position].isOperator(",") else { break }
                    position += 1
                }
                if position + 2 < tokens.count, tokens[position].isOperator(":="),
                    tokens[position + 1].isKeyword(.range), tokens[position + 2].kind == .identifier
                {
                    rangeSources.append((variables, tokens[position + 2].text))
                }
            }
        }
        for (variables, source) in rangeSources {
            guard let entries = Self.literalEntries(of: source, in: tokens) else { continue }
            if variables.count == 1 || variables.count == 2, let key = variables.first, key != "_",
                entries.contains(where: { $0.key != nil })
            {
                for entry in entries { if let value = entry.key { add(value, to: key) } }
            }
            if variables.count == 2, variables[1] != "_" {
                for entry in entries { add(entry.value, to: variables[1]) }
            }
        }
    }

    private mutating func add(_ value: String, to name: String) {
        if values[name]?.contains(value) != true { values[name, default: []].append(value) }
    }

    /// The string values an identifier stands for, each followed through other identifiers up to a depth of 4: a
    /// constant's string, or every string a range variable takes. Empty when none is known.
    func strings(of name: String, depth: Int = 0) -> [String] {
        guard depth < 4, let known = values[name] else { return [] }
        var found: [String] = []
        for value in known {
            if value.hasPrefix("\"") || value.hasPrefix("`") {
                found.append(GoParser.unquote(value))
            } else if value != "?" {
                found += strings(of: value, depth: depth + 1)
            }
        }
        return found
    }

    /// An attribute's text for the argument `tokens[range]`: a string literal unquoted, a name or selector by its
    /// last name, an identifier assigned in the file by every value it is given joined with `|`
    /// (`t := k6metrics.Time` and `t = k6metrics.Default` give `Time|Default`); other expressions as written.
    func attribute(_ argument: ArraySlice<GoToken>) -> String {
        if argument.count == 1, let token = argument.first {
            if token.kind == .string { return GoParser.unquote(token.text) }
            if token.kind == .identifier, let known = values[token.text], !known.isEmpty {
                return known.map { $0.hasPrefix("\"") || $0.hasPrefix("`") ? GoParser.unquote($0) : $0 }
                    .joined(separator: "|")
            }
        }
        if let last = argument.last, last.kind == .identifier,
            argument.allSatisfy({ $0.kind == .identifier || $0.isOperator(".") })
        {
            return last.text
        }
        return argument.map(\.text).joined()
    }

    /// A value that is one token or a selector chain (`"x"`, `Trend`, `k6metrics.Trend`) ending the expression.
    private static func simpleValue(from start: Int, in tokens: [GoToken]) -> String? {
        guard start < tokens.count else { return nil }
        let first = tokens[start]
        if first.kind == .string {
            return ends(at: start + 1, in: tokens) ? first.text : nil
        }
        guard first.kind == .identifier else { return nil }
        var position = start
        while position + 2 < tokens.count, tokens[position + 1].isOperator("."),
            tokens[position + 2].kind == .identifier
        {
            position += 2
        }
        return ends(at: position + 1, in: tokens) ? tokens[position].text : nil
    }

    private static func ends(at index: Int, in tokens: [GoToken]) -> Bool {
        guard index < tokens.count else { return true }
        let token = tokens[index]
        return token.kind == .semicolon || token.kind == .endOfFile || token.isOperator(",")
            || token.isOperator(")")
    }

    /// The entries of the composite literal assigned to `name` (`name := map[K]V{k: v, ...}` or `name = T{...}`):
    /// keys and values as single tokens; nil when there is no such literal.
    private static func literalEntries(of name: String, in tokens: [GoToken]) -> [(key: String?, value: String)]? {
        for index in tokens.indices where tokens[index].kind == .identifier && tokens[index].text == name {
            guard index + 1 < tokens.count, tokens[index + 1].isOperator(":=") || tokens[index + 1].isOperator("="),
                let open = GoLiteralsExtractorSpec.literalStart(after: index, in: tokens)
            else { continue }
            return GoTokenGroups.elements(from: open, in: tokens).compactMap { entry(Array($0)) }
        }
        return nil
    }

    private static func entry(_ tokens: [GoToken]) -> (key: String?, value: String)? {
        let code = tokens.filter { $0.kind != .semicolon }
        guard !code.isEmpty else { return nil }
        if let colon = code.firstIndex(where: { $0.isOperator(":") }) {
            guard colon == 1, code.count == 3 else { return nil }
            return (code[0].text, code[2].text)
        }
        return code.count == 1 ? (nil, code[0].text) : nil
    }
}

/// Token groups of Go source read without a parser.
enum GoTokenGroups {
    /// The top-level elements between the bracket at `open` (`{`, `(` or `[`) and its partner, split at the commas
    /// at that level: a call's arguments, a composite literal's entries. A trailing comma gives no empty element.
    static func elements(from open: Int, in tokens: [GoToken]) -> [ArraySlice<GoToken>] {
        guard open >= 0, open < tokens.count else { return [] }
        var result: [ArraySlice<GoToken>] = []
        var depth = 0
        var start = open + 1
        for position in open..<tokens.count {
            let token = tokens[position]
            if token.isOperator("{") || token.isOperator("(") || token.isOperator("[") {
                depth += 1
            } else if token.isOperator("}") || token.isOperator(")") || token.isOperator("]") {
                depth -= 1
                if depth == 0 {
                    if tokens[start..<position].contains(where: { $0.kind != .semicolon }) {
                        result.append(tokens[start..<position])
                    }
                    return result
                }
            } else if depth == 1, token.isOperator(",") {
                result.append(tokens[start..<position])
                start = position + 1
            }
        }
        return result
    }
}
