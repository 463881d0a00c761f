import GoSource

/// The other spellings a pflag normalization function accepts for a flag: cobra's `SetGlobalNormalizationFunc(f)`
/// and pflag's `SetNormalizeFunc(f)` make `--cert-email` reach the flag `certificate-email` when `f` maps one name to
/// the other, so renaming a flag while normalizing its old name keeps every command line working.
///
/// Read only from a function (declared, or a function literal) whose body is nothing but such a table of names,
/// statement by statement:
/// - `switch name { case "a", "b": name = "c" ... }`, each clause one statement (`name = "c"`, `return "c"` or
///   `return pflag.NormalizedName("c")`), a `default` clause empty;
/// - `if name == "a" { name = "c" }`, with `else if` chains of the same;
/// - `if n, ok := renamed[name]; ok { name = n }` (or `return pflag.NormalizedName(n)`), where `renamed` is a map the
///   caller can read whole (``CobraInterpreter``: an unexported package-level map literal of constant strings that
///   nothing else names);
/// - then `return pflag.NormalizedName(name)`. Comments are skipped.
///
/// Anything else in the body (`name = strings.ToLower(name)` first, a switch on another value, a function literal,
/// statements after the return), a spelling that another statement maps again, or text that is not ASCII (Swift's `==`
/// would take `é` and `e` + U+0301 as one spelling, Go does not) gives no spelling at all: semgate does not guess, so
/// a renamed flag's old name is then claimed removed.
enum CobraNormalization {
    /// At most this many spellings are read from one function.
    static let maximumSpellings = 256

    /// What a function's body maps.
    enum Reading: Equatable {
        /// Old spelling to the name it normalizes to; `complete` is false past ``maximumSpellings``.
        case table([String: String], complete: Bool)
        /// The body is not a table of names.
        case unknown
    }

    /// What `function`, whose second parameter is the name, maps; `maps` gives the entries of a map the body looks
    /// the name up in, by its name (nil: not known).
    static func spellings(
        of function: CobraFunction, in file: CobraFile, maps: @escaping (String) -> [String: String]? = { _ in nil }
    ) -> Reading {
        guard let body = function.declaration.body, function.parameters.count == 2, body.count >= 2 else {
            return .unknown
        }
        return spellings(
            tokens: file.go.tokens, from: body.lowerBound + 1, to: body.upperBound - 1,
            name: file.names.names[Int(function.parameters[1].name)], maps: maps)
    }

    /// What the function literal whose `func` keyword is at byte `offset` of `file` maps, its second parameter being
    /// the name (`func(f *pflag.FlagSet, name string) pflag.NormalizedName { ... }`); `maps` as above.
    static func spellings(
        ofLiteralAt offset: Int, in file: CobraFile, maps: @escaping (String) -> [String: String]? = { _ in nil }
    ) -> Reading {
        let tokens = file.go.tokens
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].position.offset < offset { low = middle + 1 } else { high = middle }
        }
        guard low + 1 < tokens.count, tokens[low].position.offset == offset, tokens[low].isKeyword(.func),
            tokens[low + 1].isOperator("(")
        else { return .unknown }
        // The parameters, split at the commas outside brackets.
        var index = low + 2
        var depth = 0
        var parameters: [[GoToken]] = [[]]
        while index < tokens.count {
            let token = tokens[index]
            if token.isOperator("(") || token.isOperator("[") || token.isOperator("{") {
                depth += 1
            } else if token.isOperator(")") || token.isOperator("]") || token.isOperator("}") {
                if depth == 0 { break }
                depth -= 1
            }
            if depth == 0, token.isOperator(",") {
                parameters.append([])
            } else if !token.isComment {
                parameters[parameters.count - 1].append(token)
            }
            index += 1
        }
        guard index < tokens.count, parameters.count == 2, parameters[1].count >= 2,
            parameters[1][0].kind == .identifier
        else { return .unknown }
        let name = parameters[1][0].text
        // The result type (`pflag.NormalizedName`), then the body.
        index += 1
        while index < tokens.count, !tokens[index].isOperator("{") {
            guard tokens[index].kind == .identifier || tokens[index].isOperator(".") else { return .unknown }
            index += 1
        }
        let open = index
        depth = 0
        while index < tokens.count {
            if tokens[index].isOperator("{") {
                depth += 1
            } else if tokens[index].isOperator("}") {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        guard index < tokens.count else { return .unknown }
        return spellings(tokens: tokens, from: open + 1, to: index, name: name, maps: maps)
    }

    /// What the body in `tokens[from..<to]` maps, `name` being the name parameter.
    private static func spellings(
        tokens: [GoToken], from: Int, to: Int, name: String, maps: @escaping (String) -> [String: String]?
    ) -> Reading {
        guard from <= to, to <= tokens.count else { return .unknown }
        let body = tokens[from..<to].filter { !$0.isComment }
        var reader = TableReader(tokens: body, index: 0, end: body.count, name: name, maps: maps)
        guard let table = reader.read() else { return .unknown }
        // A target another statement matches would be mapped again: where a spelling ends is then not plain.
        let matched = Set(table.map(\.old))
        guard !table.contains(where: { matched.contains($0.new) }) else { return .unknown }
        var result: [String: String] = [:]
        for (old, new) in table where old != new && result[old] == nil {
            guard result.count < maximumSpellings else { return .table(result, complete: false) }
            result[old] = new
        }
        return .table(result, complete: true)
    }

    /// The spellings several normalization functions agree on: a later `SetNormalizeFunc` replaces an earlier one, and
    /// which runs last is not known here, so functions that map differently give none. Nil when none is set.
    static func agreed(_ tables: [[String: String]]) -> [String: String]? {
        guard let first = tables.first else { return nil }
        return tables.allSatisfy { $0 == first } ? first : [:]
    }

    /// Reads the statements of a body that is a table of names, in order; nil at the first thing that is not.
    private struct TableReader {
        let tokens: [GoToken]
        var index: Int
        let end: Int
        let name: String
        let maps: (String) -> [String: String]?
        var table: [(old: String, new: String)] = []

        mutating func read() -> [(old: String, new: String)]? {
            while true {
                skipSemicolons()
                guard index < end else { return nil }
                if isKeyword(.return) {
                    index += 1
                    let name = self.name
                    guard normalizedName(of: { $0.kind == .identifier && $0.text == name }) != nil else { return nil }
                    skipSemicolons()
                    return index == end ? table : nil
                } else if isKeyword(.switch) {
                    guard readSwitch() else { return nil }
                } else if isKeyword(.if) {
                    guard readIf() else { return nil }
                } else {
                    return nil
                }
            }
        }

        /// `switch name { case "a", "b": action ... default: }`.
        private mutating func readSwitch() -> Bool {
            index += 1
            guard isName(), take("{") else { return false }
            while true {
                skipSemicolons()
                if take("}") { return true }
                if isKeyword(.default) {
                    index += 1
                    guard take(":") else { return false }
                    continue
                }
                guard isKeyword(.case) else { return false }
                index += 1
                var olds: [String] = []
                repeat {
                    guard let old = string() else { return false }
                    olds.append(old)
                } while take(",")
                guard take(":"), let new = action() else { return false }
                for old in olds { table.append((old, new)) }
            }
        }

        /// `if name == "a" { action }`, then `else if ...` of the same; or a map lookup (``readLookup()``).
        private mutating func readIf() -> Bool {
            index += 1
            if at(1)?.isOperator(",") == true { return readLookup() }
            guard isName(), take("=="), let old = string(), take("{"), let new = action() else { return false }
            skipSemicolons()
            guard take("}") else { return false }
            table.append((old, new))
            if isKeyword(.else) {
                index += 1
                guard isKeyword(.if) else { return false }
                return readIf()
            }
            return true
        }

        /// `if n, ok := renamed[name]; ok { name = n }` (or `return pflag.NormalizedName(n)`), alone (no `else`):
        /// every entry of `renamed` (``maps``) is a spelling.
        private mutating func readLookup() -> Bool {
            guard let value = identifier(), take(","), let found = identifier(), value != found, take(":="),
                let map = identifier(), take("["), isName(), take("]"), at(0)?.kind == .semicolon
            else { return false }
            index += 1
            guard identifier() == found, take("{") else { return false }
            skipSemicolons()
            if at(0)?.kind == .identifier, at(0)?.text == name {
                index += 1
                guard take("="), identifier() == value else { return false }
            } else if isKeyword(.return) {
                index += 1
                guard normalizedName(of: { $0.kind == .identifier && $0.text == value }) != nil else { return false }
            } else {
                return false
            }
            skipSemicolons()
            guard take("}"), !isKeyword(.else), let entries = maps(map) else { return false }
            for (old, new) in entries.sorted(by: { $0.key < $1.key }) {
                guard let old = Self.ascii(old), let new = Self.ascii(new) else { return false }
                table.append((old, new))
            }
            return true
        }

        /// An identifier other than the name parameter and `_`.
        private mutating func identifier() -> String? {
            guard let token = at(0), token.kind == .identifier, token.text != name, token.text != "_" else {
                return nil
            }
            index += 1
            return token.text
        }

        /// One statement giving a constant name: `name = "c"`, `return "c"` or `return pflag.NormalizedName("c")`;
        /// then the semicolons after it.
        private mutating func action() -> String? {
            skipSemicolons()
            var new: String?
            if isName() {
                guard take("="), let value = string() else { return nil }
                new = value
            } else if isKeyword(.return) {
                index += 1
                new = string() ?? normalizedName(of: { $0.kind == .string }).flatMap(Self.ascii)
            }
            skipSemicolons()
            return new
        }

        /// `pflag.NormalizedName(x)` or `NormalizedName(x)` where `x` is one token `accepts`; its text (unquoted for a
        /// string).
        private mutating func normalizedName(of accepts: (GoToken) -> Bool) -> String? {
            if at(0)?.kind == .identifier, at(1)?.isOperator(".") == true { index += 2 }
            guard at(0)?.text == "NormalizedName", at(1)?.isOperator("(") == true, let value = at(2), accepts(value),
                at(3)?.isOperator(")") == true
            else { return nil }
            index += 4
            return value.kind == .string ? GoParser.unquote(value.text) : value.text
        }

        /// An ASCII string literal's value.
        private mutating func string() -> String? {
            guard let token = at(0), token.kind == .string else { return nil }
            index += 1
            return Self.ascii(GoParser.unquote(token.text))
        }

        private static func ascii(_ text: String) -> String? { text.utf8.allSatisfy { $0 < 0x80 } ? text : nil }

        private func at(_ offset: Int) -> GoToken? { index + offset < end ? tokens[index + offset] : nil }
        private func isKeyword(_ keyword: GoKeyword) -> Bool { at(0)?.isKeyword(keyword) == true }

        private mutating func isName() -> Bool {
            guard let token = at(0), token.kind == .identifier, token.text == name else { return false }
            index += 1
            return true
        }

        private mutating func take(_ text: String) -> Bool {
            guard at(0)?.isOperator(text) == true else { return false }
            index += 1
            return true
        }

        private mutating func skipSemicolons() {
            while index < end, tokens[index].kind == .semicolon { index += 1 }
        }
    }
}

/// A line of a file the interpreter reads (an index into its files): where a call is.
struct CobraLine: Sendable, Hashable {
    let file: Int
    let line: Int
}
