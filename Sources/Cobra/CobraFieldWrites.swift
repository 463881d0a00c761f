import GoSource

/// Which fields Go code may give a value, by the tokens alone, whether the code runs or not: what decides that a
/// pointer field a literal leaves out is still nil where it is read (``CobraInterpreter``'s unset pointer fields).
enum CobraFieldWrites {
    /// The names of the fields `tokens` may give a value other than `nil`: the target of an assignment (`x.F = v`,
    /// `x.F, y = ...`, `(x.F) = v`, `x.F += 1`, `x.F++`, `for _, x.F = range ...`), a field whose address is taken
    /// (`&x.F`, `&(x.F)`, `&x.y.F`: a pointer to it may be written through), and with `keys`, a key of a composite
    /// literal (`T{F: v}`, which a write through a pointer may copy into a value). `x.F = nil` alone on its statement
    /// is not counted: it gives nothing but nil.
    static func written(in tokens: [GoToken], keys: Bool) -> Set<String> {
        var names: Set<String> = []
        for index in tokens.indices where tokens[index].kind == .identifier {
            let name = tokens[index].text
            guard !names.contains(name), index > 0 else { continue }
            if keys, index + 1 < tokens.count, tokens[index + 1].symbol == .colon,
                tokens[index - 1].symbol == .leftBrace || tokens[index - 1].symbol == .comma
            {
                names.insert(name)
                continue
            }
            guard tokens[index - 1].symbol == .period else { continue }
            if writes(at: index, in: tokens) || addressTaken(at: index, in: tokens) { names.insert(name) }
        }
        return names
    }

    /// The statements of `tokens` that may give a field a value other than `nil` (as ``written(in:keys:)`` without
    /// keys), each with its line and how often it is spelled on that line; a field whose address is taken has line
    /// -1 (no statement the run makes writes it). The type is that of `x` in `x.F = v` when `x` is the receiver of the
    /// method the statement is in (``CobraInterpreter/receiverType(spelledBefore:in:_:)``).
    static func statements(in tokens: [GoToken], functions: [GoFunction]) -> [CobraFieldStatement: Int] {
        var found: [CobraFieldStatement: Int] = [:]
        for index in tokens.indices where tokens[index].kind == .identifier && index > 0 {
            guard tokens[index - 1].symbol == .period else { continue }
            let line: Int
            if addressTaken(at: index, in: tokens) {
                line = -1
            } else if writes(at: index, in: tokens) {
                line = tokens[index].position.line
            } else {
                continue
            }
            let type = CobraInterpreter.receiverType(spelledBefore: index, in: tokens, functions)
            found[CobraFieldStatement(field: tokens[index].text, line: line, type: type), default: 0] += 1
        }
        return found
    }

    /// The fields that are a target of an assignment with more than one target (`g.Disk, g.Size = g.Size, g.Disk`,
    /// `o.F, ok = v, true`): Go evaluates every right-hand side before it gives any target its value, so such a
    /// statement is only read right when it replaces the fields in order (review R62).
    static func assignedTogether(in tokens: [GoToken]) -> Set<String> {
        var names: Set<String> = []
        for index in tokens.indices where tokens[index].symbol == .assign {
            // Back over the target list to the statement's start, outside brackets.
            var (fields, depth, together) = ([String](), 0, false)
            var cursor = index - 1
            while cursor >= 0, index - cursor <= maximumChain {
                let token = tokens[cursor]
                if depth == 0, token.kind == .semicolon || token.symbol == .leftBrace || token.symbol == .rightBrace {
                    break
                }
                if let symbol = token.symbol {
                    switch symbol {
                    case .rightParen, .rightBracket: depth += 1
                    case .leftParen, .leftBracket: depth -= 1
                    case .comma where depth == 0: together = true
                    default: break
                    }
                    if depth < 0 { break }
                } else if depth == 0, token.kind == .identifier, cursor > 0, tokens[cursor - 1].symbol == .period,
                    tokens[cursor + 1].symbol != .period
                {
                    fields.append(token.text)
                }
                cursor -= 1
            }
            if together, depth >= 0 { names.formUnion(fields) }
        }
        return names
    }

    /// The types whose whole value a statement gives through a pointer (`*o = Opts{Name: "size"}`, `*g = pkg.Group{}`):
    /// by the name of the literal's type, the last name before its `{` (review R85, R63).
    static func replacedThroughPointer(in tokens: [GoToken]) -> Set<String> {
        var names: Set<String> = []
        for index in tokens.indices.dropFirst() where tokens[index].symbol == .star {
            let before = tokens[index - 1]
            guard before.kind == .semicolon || before.symbol == .leftBrace || before.symbol == .rightBrace,
                index + 3 < tokens.count, tokens[index + 1].kind == .identifier, tokens[index + 2].symbol == .assign
            else { continue }
            var cursor = index + 3
            if tokens[cursor].symbol == .ampersand { cursor += 1 }
            var last: String?
            while cursor < tokens.count, tokens[cursor].kind == .identifier {
                last = tokens[cursor].text
                guard cursor + 1 < tokens.count, tokens[cursor + 1].symbol == .period else { break }
                cursor += 2
            }
            if let last, cursor + 1 < tokens.count, tokens[cursor + 1].symbol == .leftBrace { names.insert(last) }
        }
        return names
    }

    /// Whether the selector ending at `index` is the target of an assignment other than one `= nil`.
    private static func writes(at index: Int, in tokens: [GoToken]) -> Bool {
        var next = index + 1
        // `(x.F) = v`: past the parentheses closing around the selector.
        while next < tokens.count, tokens[next].symbol == .rightParen { next += 1 }
        guard next < tokens.count, let symbol = tokens[next].symbol else { return false }
        if assignments.contains(symbol) {
            // `x.F = nil` and nothing more, with no target before it (`a, x.F = b, nil` counts).
            let givesNil =
                symbol == .assign && next == index + 1 && next + 2 < tokens.count
                && tokens[next + 1].kind == .identifier && tokens[next + 1].text == "nil"
                && (tokens[next + 2].kind == .semicolon || tokens[next + 2].symbol == .rightBrace)
            return !(givesNil && !followsComma(chainEndingAt: index, in: tokens))
        }
        guard symbol == .comma else { return false }
        // `x.F, y = ...`: an assignment at this depth later in the statement makes it a target.
        var depth = 0
        for inner in next..<tokens.count {
            let token = tokens[inner]
            if token.kind == .semicolon && depth == 0 { return false }
            guard let symbol = token.symbol else { continue }
            switch symbol {
            case .leftParen, .leftBracket: depth += 1
            case .leftBrace:
                if depth == 0 { return false }
                depth += 1
            case .rightParen, .rightBracket, .rightBrace:
                depth -= 1
                if depth < 0 { return false }
            default:
                if depth == 0 && assignments.contains(symbol) { return true }
            }
        }
        return false
    }

    /// Whether `&` takes the address of the selector chain ending at `index` (`&x.F`, `&(x.y.F)`, `&a[i].F`,
    /// `&f().F`), or of a part of it (`&x.F[0]`).
    private static func addressTaken(at index: Int, in tokens: [GoToken]) -> Bool {
        // `&x.F.G` takes G's address; `&pkg.T{...}` is a literal of a type.
        if index + 1 < tokens.count, tokens[index + 1].symbol == .period || tokens[index + 1].symbol == .leftBrace {
            return false
        }
        guard let start = chainStart(endingAt: index, in: tokens) else { return true }
        var before = start - 1
        while before >= 0, tokens[before].symbol == .leftParen { before -= 1 }
        return before >= 0 && tokens[before].symbol == .ampersand
    }

    /// Whether the token before the chain ending at `index` is a comma (the chain is not the first target).
    private static func followsComma(chainEndingAt index: Int, in tokens: [GoToken]) -> Bool {
        guard let start = chainStart(endingAt: index, in: tokens) else { return true }
        var before = start - 1
        while before >= 0, tokens[before].symbol == .leftParen { before -= 1 }
        return before < 0 || tokens[before].symbol == .comma
    }

    /// The first token of the selector chain ending at `index`: back over names, `.`, and bracketed, parenthesized or
    /// braced groups (indices, calls, conversions, type assertions). Nil past `maximumChain` tokens.
    private static func chainStart(endingAt index: Int, in tokens: [GoToken]) -> Int? {
        var position = index
        while position > 0 {
            if index - position > maximumChain { return nil }
            let previous = tokens[position - 1]
            if previous.kind == .identifier || previous.symbol == .period {
                position -= 1
                continue
            }
            guard let symbol = previous.symbol, [.rightParen, .rightBracket, .rightBrace].contains(symbol) else {
                return position
            }
            // Back to the matching opener.
            var depth = 0
            var cursor = position - 1
            while cursor >= 0 {
                if let inner = tokens[cursor].symbol {
                    if [.rightParen, .rightBracket, .rightBrace].contains(inner) { depth += 1 }
                    if [.leftParen, .leftBracket, .leftBrace].contains(inner) {
                        depth -= 1
                        if depth == 0 { break }
                    }
                }
                if index - cursor > maximumChain { return nil }
                cursor -= 1
            }
            guard cursor >= 0 else { return nil }
            position = cursor
        }
        return position
    }

    private static let maximumChain = 256

    /// The operators that write what stands before them.
    private static let assignments: Set<GoOperator> = [
        .assign, .define, .plusAssign, .minusAssign, .starAssign, .slashAssign, .percentAssign, .ampersandAssign,
        .pipeAssign, .caretAssign, .shiftLeftAssign, .shiftRightAssign, .andNotAssign, .increment, .decrement,
    ]
}

extension CobraExtractor {
    /// The names of the fields the Go file `source` may give a value other than `nil`, by its tokens (assignments,
    /// addresses taken, composite literals' keys): a file not read, for a pointer field a literal leaves out, which
    /// is nil where it is read only when no code gives it a value.
    public static func fieldsWritten(inFileNotRead source: String) -> Set<String> {
        CobraFieldWrites.written(in: GoLexer.tokenize(source).codeTokens, keys: true)
    }
}
