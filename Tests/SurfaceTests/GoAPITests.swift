import Policy
import SemVer
import TestSupport
import Testing

@testable import Surface

/// The go-api items of one package built from in-memory files, as a snapshot of surface `api`.
private func goSnapshot(_ files: [String: String], importPath: String = "example.com/m/p") -> SurfaceSnapshot {
    let parsed = files.keys.sorted().map { ParsedGoFile(name: $0, bytes: Array((files[$0] ?? "").utf8)) }
    let package = GoAPIPackage(
        importPath: importPath, folder: "p", files: parsed, ignoreValues: { $0 == "Version" || $0.hasSuffix("Version") }
    )
    var snapshot = SurfaceSnapshot()
    for raw in package.items() {
        let item = SurfaceItem(
            surface: "api", key: raw.key, attributes: raw.attributes, stability: raw.stability, location: raw.location)
        snapshot.items[item.id] = item
    }
    return snapshot
}

private func goSnapshot(_ source: String) -> SurfaceSnapshot {
    goSnapshot(["p.go": "package p\nimport (\n\t\"io\"\n\t\"time\"\n)\n" + source])
}

private let goPolicy: Policy = {
    // A policy whose surface `api` is read by go-api: the diff then applies Go's rules.
    do {
        return try PolicyLoader.load(
            yaml: "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n", file: ".semgate.yml",
            origin: .file(path: ".semgate.yml"))
    } catch {
        fatalError("the test policy does not load: \(error)")
    }
}()

private func requiredBump(_ old: String, _ new: String) -> Bump {
    let changes = SurfaceDiff.changes(from: goSnapshot(old), to: goSnapshot(new), policy: goPolicy)
    return changes.map(\.bump).max() ?? .none
}

@Suite("go-api extractor")
struct GoAPITests {
    struct Rule: Sendable, CustomTestStringConvertible {
        let name: String
        let old: String
        let new: String
        let bump: Bump
        var testDescription: String { name }
    }

    /// One row per apidiff rule: old and new source of package p, and the bump the change needs.
    static let rules: [Rule] = [
        Rule(name: "adding a func is minor", old: "", new: "func F() {}", bump: .minor),
        Rule(name: "removing a func is major", old: "func F() {}", new: "", bump: .major),
        Rule(name: "unexported changes are nothing", old: "func f(int) {}", new: "func f(string) {}", bump: .none),
        Rule(name: "renaming a parameter is nothing", old: "func F(a int) {}", new: "func F(b int) {}", bump: .none),
        Rule(
            name: "changing a parameter type is major", old: "func F(a int) {}", new: "func F(a int64) {}", bump: .major
        ),
        Rule(name: "adding a result is major", old: "func F() {}", new: "func F() error { return nil }", bump: .major),
        Rule(name: "becoming variadic is major", old: "func F(a []int) {}", new: "func F(a ...int) {}", bump: .major),
        Rule(
            name: "method on an interface others implement is major", old: "type I interface{ M() }",
            new: "type I interface{ M(); N() }", bump: .major),
        Rule(
            name: "method on a sealed interface is minor", old: "type I interface{ M(); sealed() }",
            new: "type I interface{ M(); N(); sealed() }", bump: .minor),
        Rule(
            name: "removing an interface method is major", old: "type I interface{ M(); N() }",
            new: "type I interface{ M() }", bump: .major),
        Rule(
            name: "sealing an interface is major", old: "type I interface{ M() }",
            new: "type I interface{ M(); sealed() }", bump: .major),
        Rule(
            name: "embedding a same-package interface adds its methods",
            old: "type J interface{ N() }\ntype I interface{ M() }",
            new: "type J interface{ N() }\ntype I interface{ M(); J }", bump: .major),
        Rule(
            name: "adding a struct field is minor", old: "type S struct{ A int }", new: "type S struct{ A, B int }",
            bump: .minor),
        Rule(
            name: "removing a struct field is major", old: "type S struct{ A, B int }", new: "type S struct{ A int }",
            bump: .major),
        Rule(
            name: "retyping a struct field is major", old: "type S struct{ A int }", new: "type S struct{ A string }",
            bump: .major),
        Rule(
            name: "a field promoted from a same-package embedded struct counts",
            old: "type E struct{ X int }\ntype S struct{ E }",
            new: "type E struct{ X string }\ntype S struct{ E }", bump: .major),
        Rule(
            name: "a field that makes a struct incomparable is major", old: "type S struct{ A int }",
            new: "type S struct{ A int; B []int }", bump: .major),
        Rule(
            name: "a struct already incomparable takes a field as a minor", old: "type S struct{ A map[string]int }",
            new: "type S struct{ A map[string]int; B []int }", bump: .minor),
        Rule(
            name: "incomparable through a same-package struct field", old: "type E struct{ X int }\ntype S struct{ E }",
            new: "type E struct{ X int; f func() }\ntype S struct{ E }", bump: .major),
        Rule(
            name: "unexported field added is nothing", old: "type S struct{ A int }",
            new: "type S struct{ A int; b int }", bump: .none),
        Rule(
            name: "value to pointer receiver is major", old: "type T int\nfunc (T) M() {}",
            new: "type T int\nfunc (*T) M() {}",
            bump: .major),
        Rule(
            name: "pointer to value receiver is minor", old: "type T int\nfunc (*T) M() {}",
            new: "type T int\nfunc (T) M() {}",
            bump: .minor),
        Rule(name: "adding a method is minor", old: "type T int", new: "type T int\nfunc (t T) M() {}", bump: .minor),
        Rule(name: "widening int32 to int64 is minor", old: "type T int32", new: "type T int64", bump: .minor),
        Rule(name: "widening uint8 to uint is minor", old: "type T byte", new: "type T uint", bump: .minor),
        Rule(name: "widening float32 to float64 is minor", old: "type T float32", new: "type T float64", bump: .minor),
        Rule(name: "narrowing int64 to int32 is major", old: "type T int64", new: "type T int32", bump: .major),
        Rule(name: "changing numeric family is major", old: "type T int32", new: "type T uint64", bump: .major),
        Rule(name: "struct to interface is major", old: "type T struct{}", new: "type T interface{}", bump: .major),
        Rule(name: "type to alias is major", old: "type T int", new: "type T = int", bump: .major),
        Rule(name: "const value change is major", old: "const C = 1", new: "const C = 2", bump: .major),
        Rule(
            name: "const value by iota change is major", old: "const (\nA = iota\nB\n)",
            new: "const (\nZ = iota\nA\nB\n)", bump: .major),
        Rule(name: "same value other spelling is nothing", old: "const C = 1 << 2", new: "const C = 4", bump: .none),
        Rule(name: "const type change is major", old: "const C int = 1", new: "const C int64 = 1", bump: .major),
        Rule(
            name: "Version-like const values are ignored", old: "const Version = \"1.0\"",
            new: "const Version = \"1.1\"", bump: .none),
        Rule(name: "var type change is major", old: "var V int", new: "var V string", bump: .major),
        Rule(name: "const to var is major", old: "const C = 1", new: "var C = 1", bump: .major),
        Rule(
            name: "generic constraint change is major", old: "func F[T any](T) {}", new: "func F[T comparable](T) {}",
            bump: .major),
        Rule(
            name: "type parameter added to a type is major", old: "type L struct{}", new: "type L[T any] struct{}",
            bump: .major),
        Rule(
            name: "deprecating is minor", old: "func F() {}", new: "// F does.\n//\n// Deprecated: use G.\nfunc F() {}",
            bump: .minor),
        Rule(
            name: "naming a single result is nothing", old: "func F() error", new: "func F() (err error)", bump: .none),
        Rule(
            name: "an unexported type renamed to an exported one corresponds",
            old: "type options struct{}\nfunc New(o options) {}",
            new: "type Options struct{}\nfunc New(o Options) {}", bump: .minor),
        Rule(
            name: "an unexported type renamed to another corresponds", old: "type u1 int\nvar V u1\nfunc F(u1) u1",
            new: "type u2 int\nvar V u2\nfunc F(u2) u2", bump: .patch),
        Rule(
            name: "an unexported type split into two names is major",
            old: "type u1 int\nvar V u1\nvar W u1\nvar X u1",
            new: "type u2 int\ntype u3 int\nvar V u2\nvar W u3\nvar X u3",
            bump: .major),
        Rule(
            name: "a type renamed while an alias keeps the old name corresponds",
            old: "type Client struct{ A int }\nfunc (Client) Do() {}\nfunc New() Client",
            new:
                "type HTTPClient struct{ A int }\nfunc (HTTPClient) Do() {}\ntype Client = HTTPClient\nfunc New() HTTPClient",
            bump: .minor),
        Rule(
            name: "an alias that becomes a distinct type is major", old: "type A struct{}\ntype B = A",
            new: "type A struct{}\ntype B struct{}", bump: .major),
        Rule(
            name: "renaming a type parameter is a patch", old: "type G[T any] []T", new: "type G[A any] []A",
            bump: .patch),
        Rule(
            name: "renaming a generic func's type parameter is a patch",
            old: "func F[T any](x string, t T) string { return x }",
            new: "func F[U any](x string, t U) string { return x }", bump: .patch),
        Rule(
            name: "swapping a generic func's type parameter names consistently is a patch",
            old: "func G[K comparable, V any](m map[K]V, k K) V { return m[k] }",
            new: "func G[V comparable, K any](m map[V]K, k V) K { return m[k] }", bump: .patch),
        Rule(
            name: "renaming a generic func's type parameter to a name it wrote for another type is major",
            old: "func F[T any](x string, t T) string { return x }",
            new: "func F[string any](x string, t string) string { return x }", bump: .major),
        Rule(
            name: "renaming a generic type's parameter to a name a field wrote for another type is major",
            old: "type L[T any] struct{ V T; W string }", new: "type L[string any] struct{ V string; W string }",
            bump: .major),
        Rule(
            name: "renaming a generic type's parameter in its fields and methods is a patch",
            old: "type L[T any] struct{ V T; W string }\nfunc (L[T]) Get() T",
            new: "type L[U any] struct{ V U; W string }\nfunc (L[U]) Get() U", bump: .patch),
        Rule(
            name: "renaming a method's receiver type parameter is nothing",
            old: "type L[T any] struct{ V T }\nfunc (l L[T]) Get() T\nfunc (l *L[T]) Set(v T)",
            new: "type L[T any] struct{ V T }\nfunc (l L[U]) Get() U\nfunc (l *L[E]) Set(v E)", bump: .none),
        Rule(
            name: "a receiver type parameter named string is the parameter, not the universe's string: major",
            old: "type L[T any] struct{ V T }\nfunc (l L[string]) Get() string",
            new: "type L[T any] struct{ V T }\nfunc (l L[T]) Get() string", bump: .major),
        Rule(
            name: "the universe's string becoming a receiver type parameter named string is major",
            old: "type L[K any, V any] struct{ k K }\nfunc (l L[K, V]) Get() string",
            new: "type L[K any, V any] struct{ k K }\nfunc (l L[K, string]) Get() string", bump: .major),
        Rule(
            name: "renaming receiver type parameters where the type's names would capture a package type is a patch",
            old: "type T int\ntype L[T any] struct{ V T }\nfunc (l L[U]) Set(x T) U",
            new: "type T int\ntype L[T any] struct{ V T }\nfunc (l L[V]) Set(x T) V", bump: .patch),
        Rule(
            name: "a method text that now reads the package's type as the parameter is major",
            old: "type T int\ntype U int\ntype L[T any] struct{ V T }\nfunc (l L[U]) Get(x T) U",
            new: "type T int\ntype U int\ntype L[T any] struct{ V T }\nfunc (l L[T]) Get(x T) U", bump: .major),
        Rule(
            name: "a generic type's parameter renamed to a name a method writes for its own type parameter is a patch",
            old: "type L[T any] struct{ V T }\nfunc (l L[X]) Get() string",
            new: "type L[string any] struct{ V string }\nfunc (l L[X]) Get() string", bump: .patch),
        Rule(
            name: "an unexported alias an exported signature writes, moved to another type of the package, is major",
            old: "type A struct{ X int }\ntype B struct{ Y string }\ntype t = A\nfunc F(x t)",
            new: "type A struct{ X int }\ntype B struct{ Y string }\ntype t = B\nfunc F(x t)", bump: .major),
        Rule(
            name: "an unexported alias an exported field writes, moved between unexported types, is major",
            old: "type a struct{ X int }\ntype b struct{ Y int }\ntype t = a\ntype S struct{ F t }",
            new: "type a struct{ X int }\ntype b struct{ Y int }\ntype t = b\ntype S struct{ F t }", bump: .major),
        Rule(
            name: "a struct with another package's field type gaining a slice claims nothing",
            old: "type S struct{ A other.T }", new: "type S struct{ A other.T; B []int }", bump: .minor),
        Rule(
            name: "a struct with a known comparable standard field gaining a slice is major",
            old: "type S struct{ A time.Time }", new: "type S struct{ A time.Time; B []int }", bump: .major),
        Rule(
            name: "a channel type losing its direction is minor", old: "type C <-chan int", new: "type C chan int",
            bump: .minor),
        Rule(
            name: "a func becoming a var of its type is minor", old: "func F(bool) {}", new: "var F func(bool)",
            bump: .minor),
        Rule(
            name: "a func becoming a var that holds another package's name, of a type semgate cannot read, is major",
            old: "func New() int", new: "var New = other.New", bump: .major),
        Rule(
            name: "a func becoming a var initialised by a call is major",
            old: "func Home() string", new: "var Home = filepath.Join(\"a\", \"b\")", bump: .major),
        Rule(
            name: "a field that becomes promoted is major (composite literals)",
            old: "type E struct{ A int }\ntype S struct{ A int; E E }",
            new: "type E struct{ A int }\ntype S struct{ E }",
            bump: .major),
        Rule(
            name: "a method added to an interface that was implementable is major even if it seals it",
            old: "type I interface{ M() }", new: "type I interface{ M(); N(); m() }", bump: .major),
        Rule(
            name: "an array length const change is major", old: "const N = 3\ntype A [N]int",
            new: "const N = 4\ntype A [N]int", bump: .major),
        Rule(
            name: "an embedded standard interface spelled out is a patch",
            old: "type I interface{ io.Reader; M() }", new: "type I interface{ M(); Read([]byte) (int, error) }",
            bump: .patch),
        Rule(name: "interface{} spelled any is nothing", old: "type C interface{}", new: "type C any", bump: .none),
        Rule(
            name: "a const whose value names another package's const claims nothing",
            old: "const D = mvccpb.DELETE", new: "const D = mvccpb.Event_DELETE", bump: .patch),
        Rule(
            name: "a type moved to another package behind an alias keeps its members (not listed: no claim)",
            old: "type R struct{ W int }\nfunc (R) Do() {}", new: "type R = other.R", bump: .major),
        Rule(
            name: "a package type shadowing string changes every string it writes: major",
            old: "func Greet(name string) string", new: "func Greet(name string) string\ntype string int",
            bump: .major),
        Rule(
            name: "a package alias shadowing error is major", old: "func Fail() error",
            new: "func Fail() error\ntype error = int", bump: .major),
        Rule(
            name: "a package const shadowing true is major", old: "const On = true",
            new: "const On = true\nconst true = false", bump: .major),
        Rule(
            name: "a package min helper is nothing (no item writes it)", old: "func F(int) int",
            new: "func F(int) int\nfunc min(a, b int) int { return a }", bump: .none),
        Rule(
            name: "an alias any = interface{} names the universe's any: nothing",
            old: "func F(any)", new: "type any = interface{}\nfunc F(any)", bump: .none),
        Rule(
            name: "a package const any that no exported item writes is nothing (an empty interface is not any)",
            old: "func F(interface{}) string", new: "func F(interface{}) string\nconst any = \"\"", bump: .none),
        Rule(
            name: "a shadowed string only unexported code writes is nothing",
            old: "func F() {}\nfunc g(string) {}", new: "func F() {}\nfunc g(string) {}\ntype string int",
            bump: .none),
        Rule(
            name: "a shadowed string an unexported field of an exported struct writes is major",
            old: "type S struct{ name string }", new: "type S struct{ name string }\ntype string []int",
            bump: .major),
        Rule(
            name: "a shadowed string an unexported type exposed by an exported func writes is major",
            old: "type opts struct{ name string }\nfunc New() opts",
            new: "type opts struct{ name string }\nfunc New() opts\ntype string int", bump: .major),
        Rule(
            name: "a shadowed true an exported const reaches through an unexported one is major",
            old: "const On = on\nconst on = true", new: "const On = on\nconst on = true\nconst true = false",
            bump: .major),
        Rule(
            name: "a shadowed string a method of an exported type writes is major",
            old: "type T int\nfunc (T) Name() string", new: "type T int\nfunc (T) Name() string\ntype string int",
            bump: .major),
        Rule(
            name: "a struct becoming a type defined from a struct of the package with its fields and one more is minor",
            old: "type A struct{ Name string; N []int }", new: "type A B\ntype B struct{ Name string; Extra int; N []int }",
            bump: .minor),
        Rule(
            name: "a field removed from the struct a type is defined from is removed from it: major",
            old: "type A B\ntype B struct{ X, Y int }", new: "type A B\ntype B struct{ X int }", bump: .major),
        Rule(
            name: "a type defined from a struct of the package that gains a slice is no longer comparable: major",
            old: "type A B\ntype B struct{ X int }", new: "type A B\ntype B struct{ X int; Y []int }", bump: .major),
        Rule(
            name: "an alias of another package's type written where the type was is that type: minor (the alias)",
            old: "func Skip() other.Field\nfunc Log(...other.Field)",
            new: "type Field = other.Field\nfunc Skip() Field\nfunc Log(...Field)", bump: .minor),
        Rule(
            name: "an alias of another package's type dropped for the type is that type: major (the alias removed)",
            old: "type Field = other.Field\nfunc Skip() Field", new: "func Skip() other.Field", bump: .major),
        Rule(
            name: "a name written where an alias of another type of that package was is a change",
            old: "type Field = other.Field\nfunc Skip() Field",
            new: "type Field = other.Field\nfunc Skip() other.Entry", bump: .major),
        Rule(
            name: "removing a method declared through an alias receiver is major",
            old: "type T struct{}\ntype t = T\nfunc (t) Name() string", new: "type T struct{}\ntype t = T",
            bump: .major),
        Rule(
            name: "removing a pointer method declared through a chain of aliases is major",
            old: "type T struct{}\ntype u = T\ntype t = u\nfunc (*t) Name() string", new: "type T struct{}",
            bump: .major),
        Rule(
            name: "a shadowed string a method declared through an alias receiver writes is major",
            old: "type T struct{}\ntype t = T\nfunc (t) Name() string",
            new: "type T struct{}\ntype t = T\nfunc (t) Name() string\ntype string int", bump: .major),
        Rule(
            name: "an alias of a shadowed string written for it is a change",
            old: "type string int\nfunc F([]string)", new: "type string int\ntype Word = string\nfunc F([]Word)",
            bump: .minor),
        Rule(
            name: "body changes are nothing", old: "func F() int { return 1 }", new: "func F() int { return 2 }",
            bump: .none),
        Rule(
            name: "a dot inside a string with escaped quotes names no package: the value change is a change",
            old: #"const C = "a \"b\" c.d""#, new: #"const C = "a \"b\" c.e""#, bump: .major),
        Rule(
            name: "a dot inside a rune names no package", old: "const C = '.' + 1", new: "const C = '.' + 2",
            bump: .major),
        Rule(
            name: "a const value naming another package's const is not claimed (the note names it)",
            old: "const C = 1", new: "const C = other.One", bump: .patch),
    ]

    @Test("apidiff rules", arguments: rules)
    func rule(_ rule: Rule) {
        #expect(requiredBump(rule.old, rule.new) == rule.bump)
    }

    @Test("a var whose type semgate cannot infer any more is named in the unread note, not claimed")
    func uninferredVarType() throws {
        let changes = SurfaceDiff.changes(
            from: goSnapshot("var New = 1"), to: goSnapshot("var New = other.New"), policy: goPolicy)
        #expect(changes.map(\.bump).max() == .patch)
        let note = try #require(SurfaceDiff.unreadChangesNote(changes, policy: goPolicy))
        #expect(note.hasPrefix("api:example.com/m/p.New (type int → ?"))
        #expect(
            note.contains(
                "(a Go var's type `?` (inferred from an initialiser that needs type-checking) or a const's value "
                    + "naming another package's const: see the notes), so semgate does not claim a break; check it by "
                    + "hand, since code that compiled may now fail"))
    }

    @Test("the unread note names a long value by its start")
    func longValueInNote() throws {
        let long = String(repeating: "x", count: 200)
        let changes = SurfaceDiff.changes(
            from: goSnapshot("const C = \"\(long)\""), to: goSnapshot("const C = other.C"), policy: goPolicy)
        let note = try #require(SurfaceDiff.unreadChangesNote(changes, policy: goPolicy))
        #expect(note.hasPrefix("api:example.com/m/p.C (value \"" + String(repeating: "x", count: 56) + "... → other.C)"))
    }

    @Test("items, keys and attributes of one package")
    func items() {
        let snapshot = goSnapshot(
            """
            // Options configure.
            type Options[T any] struct {
                Name string `json:"name"`
                // Deprecated: use Name.
                Old  string
                embedded
                *Other
                io.Reader
            }
            type embedded struct{ Promoted int }
            type Other struct{ Deep bool }
            func (o *Other) Close() error { return nil }
            func (embedded) Hidden() {}
            type Kind uint8
            const (
                KindA Kind = iota + 1
                KindB
                _
                KindD
            )
            const Big = 1 << 62
            var ErrX = errors.New("x")
            var Default = Options[int]{Name: "x"}
            var Computed = compute()
            func New[T any](name string, opts ...Option) (*Options[T], error) { return nil, nil }
            """)
        let key = { (name: String) in snapshot.items["api:example.com/m/p.\(name)"]?.attributes ?? [:] }
        #expect(
            key("Options") == [
                "kind": "type", "type": "struct", "typeparams": "[T any]",
                "note": "members promoted from io.Reader not listed (needs type-checking)",
            ])
        #expect(key("Options.Name") == ["kind": "field", "type": "string"])
        #expect(snapshot.items["api:example.com/m/p.Options.Old"]?.stability == .deprecated)
        #expect(key("Options.Promoted") == ["kind": "field", "type": "int", "via": "embedded"])
        #expect(key("Options.Hidden") == ["kind": "method", "receiver": "value", "signature": "()", "via": "embedded"])
        #expect(key("Options.Deep") == ["kind": "field", "type": "bool", "via": "Other"])
        #expect(
            key("Options.Close") == ["kind": "method", "receiver": "value", "signature": "() error", "via": "Other"])
        #expect(key("Options.Other") == ["kind": "field", "type": "*Other", "embedded": "yes"])
        #expect(key("Options.Reader") == ["kind": "field", "type": "io.Reader", "embedded": "yes"])
        #expect(key("KindA")["value"] == "1")
        #expect(key("KindB")["value"] == "2")
        #expect(key("KindD")["value"] == "4")
        #expect(key("KindD")["type"] == "Kind")
        #expect(key("Big")["value"] == "4611686018427387904")
        #expect(key("ErrX")["type"] == "error")
        #expect(key("Default")["type"] == "Options[int]")
        #expect(key("Computed")["type"] == "?")
        #expect(key("New")["signature"] == "[T any](string, ...Option) (*Options[T], error)")
        #expect(snapshot.items["api:example.com/m/p"]?.attributes == ["kind": "package", "name": "p"])
        #expect(snapshot.items["api:example.com/m/p.embedded"] == nil)
    }

    @Test("build-constrained files are united; OS- and arch-specific items are noted")
    func buildConstraints() {
        let snapshot = goSnapshot([
            "a.go": "package p\nfunc All() {}\n",
            "a_linux.go": "package p\nfunc OnlyLinux() {}\nfunc Both() {}\n",
            "a_windows_amd64.go": "package p\nfunc Both() {}\n",
            "b.go": "//go:build !js\n\npackage p\nfunc NotJS() {}\n",
            "old.go": "// +build darwin,cgo freebsd\n\npackage p\nfunc Legacy() {}\n",
            "gen.go": "//go:build ignore\n\npackage main\nfunc Generator() {}\n",
        ])
        let build = { (name: String) in snapshot.items["api:example.com/m/p.\(name)"]?.attributes["build"] }
        #expect(snapshot.items["api:example.com/m/p.All"] != nil && build("All") == nil)
        #expect(build("OnlyLinux") == "linux")
        #expect(build("Both") == "linux || (windows && amd64)")
        #expect(build("NotJS") == "!js")
        // Comma terms are one alternative; the condition is written one way (no parentheses around the whole).
        #expect(build("Legacy") == "(darwin && cgo) || freebsd")
        #expect(snapshot.items["api:example.com/m/p.Generator"] == nil)
        #expect(ParsedGoFile.suffixCondition("x_test.go") == nil)
        #expect(ParsedGoFile.suffixCondition("poll_linux_test.go") == "linux")
    }

    /// Judged build by build (review R67): F gone from every build but Linux is a removal there.
    @Test("a build attribute that narrows is a break for the builds left out; one that widens is a minor")
    func buildChangeIsJudgedPerBuild() {
        let every = goSnapshot(["a.go": "package p\nfunc F() {}\n"])
        let linux = goSnapshot(["a_linux.go": "package p\nfunc F() {}\n"])
        let written = goSnapshot(["a.go": "//go:build linux\n\npackage p\nfunc F() {}\n"])
        #expect(SurfaceDiff.changes(from: every, to: linux, policy: goPolicy).map(\.bump) == [.major])
        #expect(SurfaceDiff.changes(from: linux, to: every, policy: goPolicy).map(\.bump) == [.minor])
        #expect(SurfaceDiff.changes(from: linux, to: written, policy: goPolicy).map(\.bump) == [])
    }

    @Test("a file that does not parse keeps the rest of the package and its own good declarations")
    func parseErrors() {
        let snapshot = goSnapshot([
            "good.go": "package p\nfunc Good() {}\n",
            "bad.go": "package p\nfunc Before() {}\nfunc Broken( {\n}\nfunc After() {}\n",
        ])
        #expect(snapshot.items["api:example.com/m/p.Good"] != nil)
        #expect(snapshot.items["api:example.com/m/p.Before"] != nil)
        #expect(snapshot.items["api:example.com/m/p.After"] != nil)
        #expect(snapshot.items["api:example.com/m/p.Broken"] == nil)
    }

    @Test("a module path change is one breaking change, packages compared relative to the root")
    func moduleMove() {
        var old = goSnapshot(["a.go": "package p\nfunc F() {}\nfunc G() {}\n"], importPath: "example.com/m/p")
        var new = goSnapshot(["a.go": "package p\nfunc F() {}\n"], importPath: "example.com/m/v2/p")
        old.items["api:go.mod"] = SurfaceItem(
            surface: "api", key: "go.mod", attributes: ["kind": "module", "path": "example.com/m"])
        new.items["api:go.mod"] = SurfaceItem(
            surface: "api", key: "go.mod", attributes: ["kind": "module", "path": "example.com/m/v2"])
        let changes = SurfaceDiff.changes(from: old, to: new, policy: goPolicy)
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "removed example.com/m/v2/p.G major", "changed go.mod major",
            ])
    }
}

@Suite("go-api extractor on a repository")
struct GoAPIRepositoryTests {
    static let yaml = """
        semgate: 1
        surfaces:
          api:
            extract:
              go-api: {ignore-values: [Build*]}
        """

    @Test("packages as go-packages finds them, a syntax error is a note with file and line, values ignored by name")
    func packages() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n\ngo 1.22\n")
        try repo.write("mod.go", "package mod\n\nconst BuildDate = \"today\"\nconst Version = \"1.0\"\n")
        try repo.write("a/a.go", "package a\n\nfunc A() {}\n")
        try repo.write("a/a_test.go", "package a\n\nfunc TestOnly() {}\n")
        try repo.write("a/broken.go", "package a\n\nfunc Good() {}\n\nfunc Bad( {\n")
        try repo.write("internal/x/x.go", "package x\n\nfunc X() {}\n")
        try repo.write("cmd/tool/main.go", "package main\n\nfunc Main() {}\n")
        try repo.commit("module")
        let snapshot = try surface(of: repo, policy: Self.yaml)
        #expect(
            snapshot.sortedItems.map(\.key) == [
                "example.com/mod", "example.com/mod.BuildDate", "example.com/mod.Version", "example.com/mod/a",
                "example.com/mod/a.A", "example.com/mod/a.Good", "go.mod",
            ])
        #expect(snapshot.items["api:example.com/mod.BuildDate"]?.attributes["value"] == nil)
        #expect(snapshot.items["api:example.com/mod.Version"]?.attributes["value"] == "\"1.0\"")
        #expect(snapshot.items["api:go.mod"]?.attributes == ["kind": "module", "path": "example.com/mod"])
        #expect(snapshot.items["api:example.com/mod/a.A"]?.location == Location(path: "a/a.go", line: 3))
        #expect(
            snapshot.problems == [
                SourceProblem(
                    message: "a/broken.go does not parse at 5:11: expected a type, found '{'; its other declarations "
                        + "still count", location: Location(path: "a/broken.go", line: 5))
            ])
    }

    @Test("a module moved to /v2 is one breaking change of go.mod, not a removal of every package")
    func moduleMove() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write("lib/lib.go", "package lib\n\ntype T struct{ A int }\n\nfunc New() T { return T{} }\n")
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        try repo.write("go.mod", "module example.com/mod/v2\n")
        try repo.write("lib/lib.go", "package lib\n\ntype T struct{ A, B int }\n\nfunc New() T { return T{} }\n")
        try repo.commit("v2")
        let policy = try loadPolicy(Self.yaml)
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.yaml)
        let after = try surface(of: repo, at: "HEAD", policy: Self.yaml)
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "added example.com/mod/v2/lib.T.B minor", "changed go.mod major",
            ])
        #expect(changes.last?.before?.attributes["path"] == "example.com/mod")
        #expect(changes.last?.after?.attributes["path"] == "example.com/mod/v2")
    }

    @Test("globs written for a moved module's new path hold before the move too: excluded is not removed")
    func moduleMoveGlobs() throws {
        // The owner renamed the module (example.com/old to example.com/new); the policy names the new path, as init
        // writes it from HEAD.
        let yaml = """
            semgate: 1
            surfaces:
              api:
                extract:
                  go-api: {}
                exclude: ['example.com/new/cmd{/**,.*}']
            experimental: ['api:example.com/new/beta{/**,.*}']
            """
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/old\n")
        try repo.write("lib/lib.go", "package lib\n\nfunc New() {}\n\nfunc Old() {}\n")
        try repo.write("cmd/run/run.go", "package run\n\nfunc Run(args []string) {}\n")
        try repo.write("beta/beta.go", "package beta\n\nfunc Try(n int) {}\n")
        try repo.commit("old path")
        try repo.tag("v1.0.0")
        try repo.write("go.mod", "module example.com/new\n")
        try repo.write("lib/lib.go", "package lib\n\nfunc New() {}\n")
        // The command package changes its signature and the experimental one drops a function: neither is promised.
        try repo.write("cmd/run/run.go", "package run\n\nfunc Run(args []string, quiet bool) {}\n")
        try repo.write("beta/beta.go", "package beta\n")
        try repo.commit("new path")
        let policy = try loadPolicy(yaml)
        let before = try surface(of: repo, at: "v1.0.0", policy: yaml)
        // Under its old path, the command package is not excluded at the revision itself.
        #expect(before.items["api:example.com/old/cmd/run.Run"] != nil)
        let after = try surface(of: repo, at: "HEAD", policy: yaml)
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "removed example.com/new/beta.Try patch", "removed example.com/new/lib.Old major", "changed go.mod major",
            ])
        #expect(changes.first?.experimental == true)
    }

    @Test("a revision from before Go modules is read under HEAD's module path: adding go.mod adds nothing")
    func preModules() throws {
        let repo = try FixtureRepository()
        try repo.write("lib/lib.go", "package lib\n\nfunc New() error { return nil }\n")
        try repo.commit("gopath era")
        try repo.tag("v1.0.0")
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write("lib/lib.go", "package lib\n\nfunc New() (err error) { return nil }\n\nfunc Extra() {}\n")
        try repo.commit("modules")
        let policy = try loadPolicy(Self.yaml)
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.yaml)
        #expect(before.items["api:example.com/mod/lib.New"] != nil)
        #expect(
            before.items["api:go.mod"]?.attributes["note"]
                == "no go.mod at this revision; import path from HEAD's go.mod")
        let after = try surface(of: repo, at: "HEAD", policy: Self.yaml)
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "added example.com/mod/lib.Extra minor", "changed go.mod patch",
            ])
    }

    @Test("members of a type moved behind an alias to another package are not claimed removed; the kind change is")
    func movedType() {
        let changes = SurfaceDiff.changes(
            from: goSnapshot("type R struct{ W int }\nfunc (R) Do() {}"), to: goSnapshot("type R = other.R"),
            policy: goPolicy)
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "changed example.com/m/p.R major", "removed example.com/m/p.R.Do patch",
                "removed example.com/m/p.R.W patch",
            ])
    }

    @Test("a type moved to another package of the module behind an alias: texts of other packages that write either are one type")
    func movedBehindAlias() {
        func snapshot(_ packages: [(String, String)]) -> SurfaceSnapshot {
            var merged = SurfaceSnapshot()
            for (path, source) in packages {
                let name = String(path.split(separator: "/").last ?? "")
                for (id, item) in goSnapshot(["a.go": "package \(name)\n" + source], importPath: path).items {
                    merged.items[id] = item
                }
            }
            return merged
        }
        let before = snapshot([
            ("example.com/m/old", "type S struct{ A int }"),
            ("example.com/m/user", "type C struct{ F old.S; G old.S }"),
        ])
        let after = snapshot([
            ("example.com/m/old", "type S = moved.S"),
            ("example.com/m/moved", "type S struct{ A int }"),
            ("example.com/m/user", "type C struct{ F moved.S; G moved.T }"),
        ])
        let changes = SurfaceDiff.changes(from: before, to: after, policy: goPolicy)
            .filter { $0.key.hasPrefix("example.com/m/user.C.") }.map { "\($0.kind) \($0.key) \($0.bump)" }
        #expect(changes == ["changed example.com/m/user.C.F patch", "changed example.com/m/user.C.G major"])
    }

    @Test("a type defined from a struct of the package has its fields and what they promote, not its methods")
    func definedFromStruct() {
        let snapshot = goSnapshot(
            "type E struct{ P int }\nfunc (E) Q() {}\ntype B struct{ E; X int }\nfunc (B) M() {}\ntype A B\nfunc (A) N() {}")
        let keys = snapshot.items.values.map(\.key).filter { $0.hasPrefix("example.com/m/p.A") }.sorted()
        #expect(
            keys == [
                "example.com/m/p.A", "example.com/m/p.A.E", "example.com/m/p.A.N", "example.com/m/p.A.P",
                "example.com/m/p.A.Q", "example.com/m/p.A.X",
            ])
        #expect(snapshot.items["api:example.com/m/p.A"]?.attributes["type"] == "struct")
    }

    @Test("an alias of a predeclared type is that type: writing one where the other was is no change")
    func predeclaredAlias() {
        func changes(_ old: String, _ new: String) -> [String] {
            SurfaceDiff.changes(from: goSnapshot(old), to: goSnapshot(new), policy: goPolicy)
                .map { "\($0.kind) \($0.key) \($0.bump)" }
        }
        // A new alias written in place of its target (a completion list `[]string` becoming `[]Completion`).
        #expect(
            changes(
                "type S struct{ V []string }\nfunc F(map[string]int) []string",
                "type Word = string\ntype S struct{ V []Word }\nfunc F(map[Word]int) []Word")
                == ["changed example.com/m/p.F patch", "changed example.com/m/p.S.V patch",
                    "added example.com/m/p.Word minor"])
        // The alias dropped for its target.
        #expect(
            changes("type Word = string\nfunc F(Word) Word", "func F(string) string") == [
                "changed example.com/m/p.F patch", "removed example.com/m/p.Word major",
            ])
        // A defined type is another type: still a change.
        #expect(
            changes("func F([]string)", "type Word string\nfunc F([]Word)") == [
                "changed example.com/m/p.F major", "added example.com/m/p.Word minor",
            ])
    }

    @Test("comparability of another package's type is looked up by import path, not by its local name")
    func comparabilityByImportPath() {
        let local = goSnapshot([
            "p.go": "package p\nimport time \"example.com/m/time\"\ntype S struct{ T time.Time }\n"
        ])
        #expect(local.items["api:example.com/m/p.S"]?.attributes["comparable"] == "?")
        let standard = goSnapshot(["p.go": "package p\nimport \"time\"\ntype S struct{ T time.Time }\n"])
        #expect(standard.items["api:example.com/m/p.S"]?.attributes["comparable"] == nil)
        let header = goSnapshot(["p.go": "package p\nimport \"net/http\"\ntype S struct{ H http.Header }\n"])
        #expect(header.items["api:example.com/m/p.S"]?.attributes["comparable"] == "no")
    }
}
