import GoSource

/// The other spellings a pflag normalization function accepts for a flag: cobra's `SetGlobalNormalizationFunc(f)`
/// and pflag's `SetNormalizeFunc(f)` make `--cert-email` reach the flag `certificate-email` when `f` maps one name to
/// the other, so renaming a flag while normalizing its old name keeps every command line working.
///
/// Read from the function's tokens, for the shapes such functions take: `case "a", "b": name = "c"` or
/// `case "a": return pflag.NormalizedName("c")` in a switch on the name, and `if name == "a" { name = "c" }`.
/// Anything else the function does (`strings.ReplaceAll(name, "_", "-")`) gives no spelling: semgate does not guess.
enum CobraNormalization {
    /// At most this many spellings are read from one function.
    static let maximumSpellings = 256

    /// Old spelling to the name it normalizes to, from the body of `function` whose second parameter is the name;
    /// `complete` is false when the function maps more than ``maximumSpellings`` names.
    static func spellings(of function: CobraFunction, in file: CobraFile) -> (
        spellings: [String: String], complete: Bool
    ) {
        guard let body = function.declaration.body, function.parameters.count == 2 else { return ([:], true) }
        let name = file.names.names[Int(function.parameters[1].name)]
        let tokens = file.go.tokens
        var result: [String: String] = [:]
        var index = body.lowerBound
        while index < body.upperBound {
            guard result.count < maximumSpellings else { return (result, false) }
            defer { index += 1 }
            let token = tokens[index]
            if token.isKeyword(.case) {
                // `case "a", "b":` then the clause's first statement.
                var old: [String] = []
                var cursor = index + 1
                while cursor < body.upperBound, tokens[cursor].kind == .string {
                    old.append(GoParser.unquote(tokens[cursor].text))
                    cursor += 1
                    if cursor < body.upperBound, tokens[cursor].isOperator(",") { cursor += 1 } else { break }
                }
                guard !old.isEmpty, cursor < body.upperBound, tokens[cursor].isOperator(":"),
                    let new = target(tokens, from: cursor + 1, upTo: body.upperBound, name: name)
                else { continue }
                for spelling in old where spelling != new { result[spelling] = new }
            } else if token.isKeyword(.if), index + 4 < body.upperBound, tokens[index + 1].kind == .identifier,
                tokens[index + 1].text == name, tokens[index + 2].isOperator("=="), tokens[index + 3].kind == .string,
                tokens[index + 4].isOperator("{"),
                let new = target(tokens, from: index + 5, upTo: body.upperBound, name: name)
            {
                let old = GoParser.unquote(tokens[index + 3].text)
                if old != new { result[old] = new }
            }
        }
        return (result, true)
    }

    /// The constant name the statement at `start` gives: `name = "c"`, `return "c"` or
    /// `return pflag.NormalizedName("c")`.
    private static func target(_ tokens: [GoToken], from start: Int, upTo end: Int, name: String) -> String? {
        var index = start
        while index < end, tokens[index].kind == .semicolon { index += 1 }
        func at(_ offset: Int) -> GoToken? { index + offset < end ? tokens[index + offset] : nil }
        if let first = at(0), first.kind == .identifier, first.text == name, at(1)?.isOperator("=") == true,
            let value = at(2), value.kind == .string
        {
            return GoParser.unquote(value.text)
        }
        guard at(0)?.isKeyword(.return) == true else { return nil }
        if let value = at(1), value.kind == .string { return GoParser.unquote(value.text) }
        // `NormalizedName("c")` or `pflag.NormalizedName("c")`.
        var call = 1
        if at(2)?.isOperator(".") == true { call = 3 }
        guard at(call)?.text == "NormalizedName", at(call + 1)?.isOperator("(") == true, let value = at(call + 2),
            value.kind == .string, at(call + 3)?.isOperator(")") == true
        else { return nil }
        return GoParser.unquote(value.text)
    }
}
