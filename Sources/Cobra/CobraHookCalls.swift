import GoSource

/// Calls of a command's hooks that the files read spell (`c.RunE(c, nil)`, `root.Execute()`): cobra runs the function
/// literals given to a command's fields (`RunE: func...`) only then. A hook call may run them while a command tree is
/// still being built, before the flags are registered, unless it is the call that runs a finished tree
/// (``runsFinishedTree(file:at:)``): `func Run(ctx context.Context) error { app := NewApp(); if err :=
/// app.ExecuteContext(ctx); err != nil { ... }; return nil }`, which runs the hooks as a `main` not read would.
struct CobraHookCalls {
    /// The files read, in the interpreter's order.
    let files: [GoFile]
    /// Each file's folder.
    let folders: [Int32]
    /// The folders read that `name` may name as a package qualifier in file `file` (by its imports or a package
    /// clause); empty when it names none.
    let qualifierFolders: (_ file: Int, _ name: String) -> Set<Int32>

    /// The hooks of a command that only cobra's commands have (`Run` is not among them: many types have a `Run`).
    static let hooks: Set<String> = [
        "RunE", "PreRun", "PreRunE", "PersistentPreRun", "PersistentPreRunE", "PostRun", "PostRunE", "PersistentPostRun",
        "PersistentPostRunE", "Execute", "ExecuteC", "ExecuteContext", "ExecuteContextC", "ValidArgsFunction",
    ]

    /// How many arguments cobra's hook of each name takes: a call with another number (text/template's
    /// `t.Execute(w, data)`) is another type's method, since Go has no overloading.
    /// The most tokens ``argumentCount(openingAt:in:)`` looks at.
    static let maximumArgumentTokens = 4_096

    static let hookArity: [String: Int] = [
        "RunE": 2, "PreRun": 2, "PreRunE": 2, "PersistentPreRun": 2, "PersistentPreRunE": 2, "PostRun": 2,
        "PostRunE": 2, "PersistentPostRun": 2, "PersistentPostRunE": 2, "Execute": 0, "ExecuteC": 0,
        "ExecuteContext": 1, "ExecuteContextC": 1, "ValidArgsFunction": 3,
    ]

    /// Whether some file read calls a hook of a command (`.RunE(`, `.Execute(`, ...) other than as the one call that
    /// runs a finished tree. A call with another number of arguments than cobra's hook of that name takes is not one.
    func mayRunWhileBuilding() -> Bool {
        for (file, go) in files.enumerated() {
            let tokens = go.tokens
            for index in tokens.indices where index > 0 && index + 1 < tokens.count {
                guard tokens[index - 1].symbol == .period, tokens[index + 1].symbol == .leftParen,
                    tokens[index].kind == .identifier, Self.hooks.contains(tokens[index].text)
                else { continue }
                if let arity = Self.hookArity[tokens[index].text],
                    let count = Self.argumentCount(openingAt: index + 1, in: tokens), count != arity
                {
                    continue
                }
                if !runsFinishedTree(file: file, at: index) { return true }
            }
        }
        return false
    }

    /// The number of arguments of the call whose `(` is token `open`: nil when the list is spread (`f(xs...)`), its
    /// end is not found, or it is longer than `maximumArgumentTokens` (nested calls would make the scans quadratic;
    /// nil is read as a hook call, as before arities were read).
    static func argumentCount(openingAt open: Int, in tokens: [GoToken]) -> Int? {
        var depth = 0
        var commas = 0
        var index = open
        while index < tokens.count, index - open <= Self.maximumArgumentTokens {
            let token = tokens[index]
            if token.symbol == .leftParen || token.symbol == .leftBracket || token.symbol == .leftBrace {
                depth += 1
            } else if token.symbol == .rightParen || token.symbol == .rightBracket || token.symbol == .rightBrace {
                depth -= 1
                if depth == 0 {
                    // `f(a, b,)`: a comma before the `)` ends the last argument.
                    let trailing = tokens[index - 1].symbol == .comma ? 1 : 0
                    return index == open + 1 ? 0 : commas + 1 - trailing
                }
                if depth < 0 { return nil }
            } else if depth == 1, token.symbol == .comma {
                commas += 1
            } else if depth == 1, token.symbol == .ellipsis {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Whether some file read reads a command's hook field other than to call it or assign it (`h := c.PreRun`,
    /// `c.RunE == nil`, `go c.Run`): the function there may then run where the run does not see it (review R22).
    /// `Run` counts: a field of that name is read as a value. A member of an imported package (`*sarif.Run`, a type)
    /// is no field (``isPackageMember(at:in:)``).
    func readsHookField() -> Bool {
        files.contains { go in
            let tokens = go.tokens
            // Worked out once a file, when a hook field is met: one pass over the tokens, however many there are.
            var values: Set<String>?
            return tokens.indices.contains { index in
                guard index > 0 && index + 1 < tokens.count && tokens[index - 1].symbol == .period
                    && tokens[index].kind == .identifier
                    && (Self.hooks.contains(tokens[index].text) || tokens[index].text == "Run")
                    && tokens[index + 1].symbol != .leftParen && tokens[index + 1].symbol != .assign
                else { return false }
                if values == nil { values = Self.namesUsedAsValues(in: tokens) }
                return !Self.isPackageMember(at: index, in: go, values: values ?? [])
            }
        }
    }

    /// The identifiers of `tokens` used other than as a package qualifier: not followed by `.`, or selected
    /// themselves (`a.q`); an import's own name before its path (`sarif "path"`) is not such a use.
    static func namesUsedAsValues(in tokens: [GoToken]) -> Set<String> {
        var names: Set<String> = []
        for index in tokens.indices where tokens[index].kind == .identifier {
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if next?.symbol == .period, index == 0 || tokens[index - 1].symbol != .period { continue }
            if next?.kind == .string { continue }
            names.insert(tokens[index].text)
        }
        return names
    }

    /// Whether token `index` (after a `.`) is a member of a package the file imports: the qualifier before the `.`
    /// is not itself selected (`a.q.Run`), is the name an import of the file gives (its own name, or the last element
    /// of its path, or the one before a major version's `/vN`), and no other use of that name in the file is a value
    /// (`values`, ``namesUsedAsValues(in:)``): a variable, parameter or field of that name (`sarif := ...`,
    /// `func f(sarif T)`) would make it one.
    static func isPackageMember(at index: Int, in go: GoFile, values: Set<String>) -> Bool {
        let tokens = go.tokens
        guard index >= 2, tokens[index - 2].kind == .identifier, index < 3 || tokens[index - 3].symbol != .period
        else { return false }
        let qualifier = tokens[index - 2].text
        guard !values.contains(qualifier) else { return false }
        return go.imports.contains { spec in
            if let name = spec.name { return name == qualifier }
            let elements = spec.path.split(separator: "/")
            guard let last = elements.last else { return false }
            if last == qualifier { return true }
            let isMajor = last.count > 1 && last.first == "v" && last.dropFirst().allSatisfy(\.isNumber)
            return isMajor && elements.count > 1 && elements[elements.count - 2] == qualifier
        }
    }

    /// Whether some file read sends on a channel in a `select` case (`case ch <- v:`): the body parser leaves those
    /// out, so the interpreter does not see what they send (review R22). A send statement elsewhere is a call the
    /// interpreter makes when it runs the code (``GoStatement/sendName``): what it sends is handed over there.
    func sendsInSelectCase() -> Bool {
        files.contains { go in
            let tokens = go.tokens
            return tokens.indices.contains { index in
                guard index > 0, tokens[index].symbol == .arrow else { return false }
                let previous = tokens[index - 1]
                // After an operand it is a send; after `chan` a channel type; otherwise a receive.
                guard
                    previous.kind == .identifier || previous.kind == .string || previous.symbol == .rightParen
                        || previous.symbol == .rightBracket || previous.symbol == .rightBrace
                else { return false }
                return Self.followsCase(tokens, before: index)
            }
        }
    }

    /// Whether the operand before the send at `index` starts right after a `case` keyword: back over balanced
    /// brackets to the first `case`, `;`, `:` or unmatched opening bracket. A send whose start is not found (more
    /// than 4,096 tokens back) counts as one in a case.
    private static func followsCase(_ tokens: [GoToken], before index: Int) -> Bool {
        var depth = 0
        var position = index - 1
        while position >= 0, index - position <= 4_096 {
            let token = tokens[position]
            if token.symbol == .rightParen || token.symbol == .rightBracket || token.symbol == .rightBrace {
                depth += 1
            } else if token.symbol == .leftParen || token.symbol == .leftBracket || token.symbol == .leftBrace {
                if depth == 0 { return false }
                depth -= 1
            } else if depth == 0 {
                if token.isKeyword(.case) { return true }
                if token.kind == .semicolon || token.symbol == .colon { return false }
            }
            position -= 1
        }
        return position >= 0
    }

    /// Whether some file read has a `select` case that assigns what it receives to more than names (`case *p =
    /// <-ch:`, `case o.f = <-ch:`), or a case whose end is not found.
    func selectAssignsPlace() -> Bool {
        files.contains { go in
            let tokens = go.tokens
            for index in tokens.indices where tokens[index].isKeyword(.case) {
                var depth = 0
                var names = true
                var position = index + 1
                while position < tokens.count {
                    let token = tokens[position]
                    if token.symbol == .leftParen || token.symbol == .leftBracket || token.symbol == .leftBrace {
                        depth += 1
                    } else if token.symbol == .rightParen || token.symbol == .rightBracket
                        || token.symbol == .rightBrace
                    {
                        depth -= 1
                        if depth < 0 { break }
                    } else if depth == 0, token.symbol == .colon {
                        break
                    } else if depth == 0, token.symbol == .assign || token.symbol == .define {
                        if !names { return true }
                        break
                    } else if token.kind != .identifier && token.symbol != .comma {
                        names = false
                    }
                    position += 1
                }
                if position >= tokens.count { return true }
            }
            return false
        }
    }

    /// Whether the hook call whose name is token `hook` of `file` runs only a tree whose building is over, as a
    /// `main` not read would: it is in a plain function F (not a method, not `init`) that the files read never name
    /// (so nothing read calls it or keeps it: its callers are code not read, as `main`'s are), F's body has no
    /// function literal, loop, `goto`, `go` or `defer` (what comes before the call runs once, before it), and after
    /// the call F only uses the call's result, its parameters (not called), `nil`, `true`, `false`, constants of its
    /// package not named before the call, and members of packages not read: nothing that reaches code read or an
    /// object made before the call. Anything else may run the hooks before a flag is registered.
    func runsFinishedTree(file: Int, at hook: Int) -> Bool {
        let go = files[file]
        let tokens = go.tokens
        guard
            let function = go.declarations.lazy.compactMap({ declaration -> GoFunction? in
                guard case .function(let function) = declaration, let body = function.body, body.contains(hook) else {
                    return nil
                }
                return function
            }).first,
            function.receiver == nil, function.name != "init", let body = function.body
        else { return false }
        for index in body where Self.unordered.contains(where: { tokens[index].isKeyword($0) }) { return false }
        if isNamed(function, declaredIn: file) { return false }
        let parameters = Set((function.signature.parameters + function.signature.results).compactMap(\.name))
        // `err := app.Execute(...)` or `if err := app.Execute(...); ...`: `err` holds the call's result.
        var result: String?
        if hook >= 4, tokens[hook - 2].kind == .identifier, tokens[hook - 3].isOperator(.define)
            || tokens[hook - 3].isOperator(.assign), tokens[hook - 4].kind == .identifier,
            hook == 4 || tokens[hook - 5].isKeyword(.if) || tokens[hook - 5].kind == .semicolon
                || tokens[hook - 5].symbol == .leftBrace
        {
            result = tokens[hook - 4].text
        }
        let before = Set(tokens[body.lowerBound..<hook].filter { $0.kind == .identifier }.map(\.text))
        let imports = Set(
            go.imports.compactMap { spec -> String? in
                if let name = spec.name { return name == "_" || name == "." ? nil : name }
                return spec.path.split(separator: "/").last.map(String.init)
            })
        let constants = constantNames(in: folders[file])
        for index in hook + 1..<body.upperBound where tokens[index].kind == .identifier {
            // A member of a package or a field or method of a value checked by its qualifier.
            if tokens[index - 1].symbol == .period { continue }
            let name = tokens[index].text
            let next = index + 1 < tokens.count ? tokens[index + 1] : tokens[index]
            if name == result || Self.predeclared.contains(name) { continue }
            if parameters.contains(name) {
                if next.symbol == .leftParen { return false }
                continue
            }
            if next.symbol == .period, imports.contains(name), qualifierFolders(file, name).isEmpty,
                !parameters.contains(name),
                // Never declared in F: every use of it there is a qualifier.
                !body.contains(where: { $0 + 1 < tokens.count && tokens[$0].text == name
                    && tokens[$0].kind == .identifier && tokens[$0 + 1].symbol != .period
                    && tokens[$0 - 1].symbol != .period })
            {
                continue
            }
            if constants.contains(name), !before.contains(name) { continue }
            return false
        }
        return true
    }

    /// Keywords after which the order of F's statements is not the order they run in, or code runs later.
    private static let unordered: [GoKeyword] = [.func, .for, .goto, .go, .defer]

    /// Names that are the same in every Go program (unless declared, which F's check of names before the call and
    /// of its parameters rules out for these: a declaration names them before their use).
    private static let predeclared: Set<String> = ["nil", "true", "false"]

    /// Whether some file read names `function` (declared in `file`) other than by its declaration: unqualified (not
    /// as a key or label: `Run: ...`), or after a qualifier that may be its package.
    private func isNamed(_ function: GoFunction, declaredIn file: Int) -> Bool {
        let folder = folders[file]
        for (other, go) in files.enumerated() {
            let tokens = go.tokens
            for index in tokens.indices
            where tokens[index].kind == .identifier && tokens[index].text == function.name {
                if other == file && tokens[index].position == function.position { continue }
                let previous = index > 0 ? tokens[index - 1] : nil
                let next = index + 1 < tokens.count ? tokens[index + 1] : nil
                if previous?.symbol == .period {
                    // `q.Name`: a function only when `q` is a package qualifier (not itself selected: `a.q.Name`).
                    guard index >= 2, tokens[index - 2].kind == .identifier,
                        index < 3 || tokens[index - 3].symbol != .period
                    else { continue }
                    if qualifierFolders(other, tokens[index - 2].text).contains(folder) { return true }
                    continue
                }
                // Another package's function or a method of that name is declared, not named.
                if previous?.isKeyword(.func) == true && other != file && folders[other] != folder { continue }
                // `func (c *T) Name(`: a method of that name is declared.
                if previous?.symbol == .rightParen, next?.symbol == .leftParen { continue }
                if next?.symbol == .colon { continue }
                return true
            }
        }
        return false
    }

    /// The constants declared at package level in the files read of `folder`.
    private func constantNames(in folder: Int32) -> Set<String> {
        var names: Set<String> = []
        for (file, go) in files.enumerated() where folders[file] == folder {
            for case .value(let spec) in go.declarations where spec.isConstant { names.formUnion(spec.names) }
        }
        return names
    }
}
