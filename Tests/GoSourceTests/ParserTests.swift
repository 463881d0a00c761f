import Testing

@testable import GoSource

private func declarations(_ source: String) -> [GoDeclaration] {
    let file = GoParser.parse("package p\n" + source)
    #expect(file.errors.isEmpty, "\(file.errors)")
    return file.declarations
}

private func typeText(_ source: String) -> String? {
    guard case .type(let spec)? = declarations("type T " + source).first else { return nil }
    return spec.type.description
}

private func signature(_ source: String) -> String? {
    guard case .function(let function)? = declarations(source).first else { return nil }
    return function.signature.description
}

@Suite("Go parser")
struct ParserTests {
    @Test(
        "type expressions are read in full and printed canonically",
        arguments: [
            ("*int", "*int"), ("[]string", "[]string"), ("[4]byte", "[4]byte"), ("[N * 2]int", "[N * 2]int"),
            ("[...]int", "[...]int"), ("map[string][]*pkg.T", "map[string][]*pkg.T"), ("chan int", "chan int"),
            ("chan<- int", "chan<- int"), ("<-chan int", "<-chan int"), ("chan (<-chan int)", "chan (<-chan int)"),
            ("func(a, b int, c ...string) (n int, err error)", "func(int, int, ...string) (int, error)"),
            ("func(int) error", "func(int) error"), ("func()", "func()"),
            (
                "struct {\n\tA, B int `json:\"a\"`\n\t*Embedded\n\tio.Reader\n\tc func()\n}",
                "struct{ A, B int; *Embedded; io.Reader; c func() }"
            ),
            ("interface {\n\tio.Reader\n\tM(x int) (bool, error)\n}", "interface{ io.Reader; M(int) (bool, error) }"),
            ("interface{ ~int | ~string; comparable }", "interface{ ~int | ~string; comparable }"),
            ("interface{}", "any"), ("map[string]interface{}", "map[string]any"), ("List[int]", "List[int]"),
            ("pkg.Map[string, []T]", "pkg.Map[string, []T]"), ("(int)", "int"),
            ("struct {\n\tlist[int]\n\tcache[K, V]\n\tarr [N]int\n}", "struct{ list[int]; cache[K, V]; arr [N]int }"),
        ])
    func types(source: String, expected: String) {
        #expect(typeText(source) == expected)
    }

    @Test(
        "signatures drop parameter names and keep type parameters",
        arguments: [
            ("func F() {}", "()"), ("func F(a, b int) bool { return a < b }", "(int, int) bool"),
            ("func F[T any, K comparable](m map[K]T) []T { return nil }", "[T any, K comparable](map[K]T) []T"),
            ("func F[S ~[]E, E cmp.Ordered](s S) {}", "[S ~[]E, E cmp.Ordered](S)"),
            ("func F(int, ...string)", "(int, ...string)"), ("func F(a [N]int) {}", "([N]int)"),
            ("func F(ctx context.Context) (result T, err error) { return }", "(context.Context) (T, error)"),
            ("func F(f func(int) (int, error)) func() {}", "(func(int) (int, error)) func()"),
        ])
    func signatures(source: String, expected: String) {
        #expect(signature(source) == expected)
    }

    @Test("methods: receivers by value and pointer, generic receivers")
    func methods() {
        let found = declarations(
            "func (t T) A() {}\nfunc (t *T) B() {}\nfunc (l *List[E]) C() {}\nfunc (Map[K, V]) D() {}\nfunc (*T) E()")
        let receivers = found.compactMap { declaration -> String? in
            guard case .function(let function) = declaration, let receiver = function.receiver else { return nil }
            return "\(function.name):\(receiver.typeName):\(receiver.isPointer)"
        }
        #expect(receivers == ["A:T:false", "B:T:true", "C:List:true", "D:Map:false", "E:T:true"])
    }

    @Test("generic types, aliases and array types are told apart")
    func typeSpecs() {
        let found = declarations(
            """
            type (
                List[T any] struct{ items []T }
                Pair[K comparable, V any] struct{}
                Ptr[P interface{ *C }] struct{}
                Array [N]int
                Sum [N + 1]int
                Alias = other.T
                GenericAlias[T any] = List[T]
            )
            """)
        let described = found.compactMap { declaration -> String? in
            guard case .type(let spec) = declaration else { return nil }
            let parameters = spec.typeParameters.map(\.description).joined(separator: ", ")
            return "\(spec.name)[\(parameters)]\(spec.isAlias ? "=" : " ")\(spec.type)"
        }
        #expect(
            described == [
                "List[T any] struct{ items []T }", "Pair[K comparable, V any] struct{}",
                "Ptr[P interface{ *C }] struct{}",
                "Array[] [N]int", "Sum[] [N + 1]int", "Alias[]=other.T", "GenericAlias[T any]=List[T]",
            ])
    }

    @Test("const groups repeat the previous expression and count iota")
    func constGroups() {
        let found = declarations(
            "const (\n\tA Kind = iota * 10\n\tB\n\t_\n\tD\n\tE, F = \"e\", 'f'\n\tG, H\n)\nconst Single = 1")
        let specs = found.compactMap { declaration -> String? in
            guard case .value(let spec) = declaration else { return nil }
            let values = spec.values.map(\.text).joined(separator: ",")
            return "\(spec.names.joined(separator: ",")):\(spec.type?.description ?? "-"):\(values):\(spec.iota)"
        }
        #expect(
            specs == [
                "A:Kind:iota * 10:0", "B:Kind:iota * 10:1", "_:Kind:iota * 10:2", "D:Kind:iota * 10:3",
                "E,F:-:\"e\",'f':4", "G,H:-:\"e\",'f':5", "Single:-:1:0",
            ])
    }

    @Test("bodies and initialisers are skipped whole: composite literals, func literals, braces in strings")
    func skipping() {
        let source = """
            var Table = map[string]struct{ A int }{"}": {A: 1}, "{": {A: 2}}
            var Handler = func(w io.Writer) error {
                if true { _, err := fmt.Fprint(w, "}}}"); return err }
                return nil
            }
            var x, y = f(a, b), T{1, 2}
            func F() int {
                s := struct{ X int }{X: 1}
                defer func() { recover() }()
                return s.X + len(`}`)
            }
            func After() {}
            """
        let file = GoParser.parse("package p\n" + source)
        #expect(file.errors.isEmpty, "\(file.errors)")
        let names = file.declarations.map { declaration -> String in
            switch declaration {
            case .value(let spec): return spec.names.joined(separator: ",")
            case .function(let function): return function.name
            case .type(let spec): return spec.name
            }
        }
        #expect(names == ["Table", "Handler", "x,y", "F", "After"])
        guard case .function(let function) = file.declarations[3], let body = function.body else {
            Issue.record("F has no body")
            return
        }
        #expect(file.tokens[body.lowerBound].text == "{")
        #expect(file.tokens[body.upperBound - 1].text == "}")
        #expect(file.tokens[body].contains { $0.text == "recover" })
        guard case .value(let pair) = file.declarations[2] else { return }
        #expect(pair.values.map(\.text) == ["f(a, b)", "T{1, 2}"])
    }

    @Test("doc comments attach to declarations, specs, fields and methods; Deprecated paragraphs are found")
    func docs() {
        let source = """
            // Old does things.
            //
            // Deprecated: use New instead.
            func Old() {}

            // Not a doc: a blank line follows.

            func Plain() {}

            // Group doc.
            const (
                // A doc.
                A = 1
                B = 2 // trailing, not a doc of C
                C = 3
            )

            type S struct {
                // Deprecated: gone soon.
                F int
            }

            type I interface {
                /* Deprecated: block style. */
                M()
            }
            """
        let found = declarations(source)
        var docs: [String: String] = [:]
        for declaration in found {
            switch declaration {
            case .function(let function): docs[function.name] = function.doc?.text
            case .value(let spec): docs[spec.names[0]] = spec.doc?.text
            case .type(let spec):
                if case .structure(let fields) = spec.type { docs["S.F"] = fields[0].doc?.deprecation }
                if case .interface(let elements) = spec.type, case .method(_, _, let doc, _) = elements[0] {
                    docs["I.M"] = doc?.deprecation
                }
            }
        }
        #expect(docs["Old"] == "Old does things.\n\nDeprecated: use New instead.")
        #expect(GoDocComment(text: docs["Old"] ?? "").deprecation == "Deprecated: use New instead.")
        // Only a paragraph that begins with the marker deprecates, whatever else the text holds.
        #expect(
            GoDocComment(text: "Does X.\n\n  Deprecated: use Y.\n  Soon.").deprecation == "Deprecated: use Y. Soon.")
        #expect(GoDocComment(text: "Does X. Deprecated: no.").deprecation == nil)
        #expect(GoDocComment(text: "Ünïcödé.\n\nDeprecated: é").deprecation == "Deprecated: é")
        #expect(GoDocComment(text: "Deprecated").deprecation == nil)
        #expect(GoDocComment(text: "").deprecation == nil)
        #expect(docs["Plain"] == nil)
        #expect(docs["A"] == "A doc.")
        #expect(docs["B"] == "Group doc.")
        #expect(docs["C"] == "Group doc.")
        #expect(docs["S.F"] == "Deprecated: gone soon.")
        #expect(docs["I.M"] == "Deprecated: block style.")
    }

    @Test("build constraints: //go:build wins over // +build; comments after package are not constraints")
    func buildConstraints() {
        #expect(GoParser.parse("//go:build linux && !cgo\n\npackage p\n").buildConstraint == "linux && !cgo")
        #expect(
            GoParser.parse("// +build linux darwin\n// +build amd64\n\npackage p\n").buildConstraint
                == "(linux || darwin) && amd64")
        #expect(GoParser.parse("// +build a,b\n//go:build a && b\n\npackage p\n").buildConstraint == "a && b")
        #expect(GoParser.parse("package p\n//go:build linux\n").buildConstraint == nil)
        #expect(GoParser.parse("// Copyright.\n\npackage p\n").buildConstraint == nil)
    }

    @Test("imports: single, grouped, named, dot and blank")
    func imports() {
        let file = GoParser.parse(
            "package p\nimport \"fmt\"\nimport (\n\tio \"io\"\n\t. \"strings\"\n\t_ \"embed\"\n)\n")
        #expect(file.imports.map { "\($0.name ?? "-") \($0.path)" } == ["- fmt", "io io", ". strings", "_ embed"])
    }

    @Test(
        "syntax errors name line and column; the declarations around them survive",
        arguments: [
            ("func F( {\n}\nfunc G() {}\n", "2:9", ["G"]),
            ("type T struct {\n\tA int\n\tB\n\t!\n}\nfunc G() {}\n", "5:2", ["G"]),
            ("func F() {\n\tif x {\n", "4:1", []),
            ("var = 3\nconst C = 1\n", "2:5", ["C"]),
            ("type T map[int\nfunc G() {}\n", "2:15", ["G"]),
            ("func (a, b T) M() {}\nfunc G() {}\n", "2:15", ["G"]),
            ("x := 1\nfunc G() {}\n", "2:1", ["G"]),
        ])
    func syntaxErrors(source: String, position: String, survivors: [String]) {
        let file = GoParser.parse("package p\n" + source)
        #expect(file.errors.first.map { "\($0.position)" } == position, "\(file.errors)")
        let names = file.declarations.compactMap { declaration -> String? in
            switch declaration {
            case .function(let function): function.name
            case .value(let spec): spec.names.first
            case .type(let spec): spec.name
            }
        }
        #expect(names == survivors)
    }

    @Test("a file without a package clause is one error and no declarations")
    func noPackage() {
        let file = GoParser.parse("func F() {}\n")
        #expect(file.errors.map(\.description) == ["1:1: expected 'package' clause, found 'func'"])
        #expect(file.declarations.isEmpty)
    }

    @Test(
        "constant expressions evaluate like Go's",
        arguments: [
            ("1 << 10", "1024"), ("iota + 1", "4"), ("(1 + 2) * 3", "9"), ("-5 / 2", "-2"), ("7 &^ 5", "2"),
            ("\"a\" + \"b\"", "\"ab\""), ("'a'", "97"), ("0x_FF", "255"), ("0o17 | 0b1", "15"), ("uint8(200)", "200"),
            ("A * 2", "20"), ("1 < 2 && true", "true"), ("^0", "-1"), ("time.Second", "nil"), ("1.5", "nil"),
            ("uint(-1)", "nil"), ("1 << 63", "nil"), ("1 / 0", "nil"), ("Kind(3)", "3"), ("len(x)", "nil"),
        ])
    func constants(expression: String, expected: String) {
        let tokens = GoLexer.tokenize(expression).codeTokens.filter { $0.kind != .endOfFile }
        let value = GoConstantEvaluator.evaluate(tokens, iota: 3) { $0 == "A" ? .int(10) : nil }
        #expect(value.map(\.description) ?? "nil" == expected)
    }
}
