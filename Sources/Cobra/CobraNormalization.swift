import GoSource

/// The other spellings a pflag normalization function accepts for a flag: cobra's `SetGlobalNormalizationFunc(f)`
/// and pflag's `SetNormalizeFunc(f)` make `--cert-email` reach the flag `certificate-email` when `f` maps one name to
/// the other, so renaming a flag while normalizing its old name keeps every command line working.
///
/// Read only from a function whose body is nothing but such a table of names, statement by statement:
/// - `switch name { case "a", "b": name = "c" ... }`, each clause one statement (`name = "c"`, `return "c"` or
///   `return pflag.NormalizedName("c")`), a `default` clause empty;
/// - `if name == "a" { name = "c" }`, with `else if` chains of the same;
/// - then `return pflag.NormalizedName(name)`.
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

    /// What `function`, whose second parameter is the name, maps.
    static func spellings(of function: CobraFunction, in file: CobraFile) -> Reading {
        guard let body = function.declaration.body, function.parameters.count == 2, body.count >= 2 else {
            return .unknown
        }
        var reader = TableReader(
            tokens: file.go.tokens, index: body.lowerBound + 1, end: body.upperBound - 1,
            name: file.names.names[Int(function.parameters[1].name)])
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

        /// `if name == "a" { action }`, then `else if ...` of the same.
        private mutating func readIf() -> Bool {
            index += 1
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
