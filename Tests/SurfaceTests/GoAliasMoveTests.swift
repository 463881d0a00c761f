import Foundation
import Git
import Policy
import SemVer
import TestSupport
import Testing

@testable import Surface

/// go-api: a type moved to another package of the module behind an alias (`type T = other.T`, Go's way to move a
/// type) and a func moved behind a var (`var New = other.New`) are the type and the func they replaced when the
/// target is what they were; a target that lacks a member, is no longer comparable, is of another kind, or lies in
/// another module is still a break.
@Suite("go-api: a type or func moved behind an alias")
struct GoAliasMoveTests {
    static let yaml = """
        semgate: 1
        surfaces:
          api:
            extract:
              go-api: {}
        """

    /// One release's files and the next one's (paths under the module `example.com/mod`).
    struct Move: CustomTestStringConvertible, Sendable {
        let name: String
        let before: [String: String]
        let after: [String: String]
        /// Every change as `kind key bump`, keys without `example.com/mod/`.
        let expected: [String]
        var testDescription: String { name }
    }

    private static let request = """
        type Request struct {
        \tNames []string
        \tTags  []string
        }

        func NewRequest() Request { return Request{} }

        func (r Request) With(names ...string) Request { return r }

        """

    static let moves: [Move] = [
        Move(
            name: "a struct moved to another package behind an alias, a method added there",
            before: ["sel/sel.go": "package sel\n\n" + request],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/core\"\n\ntype Request = core.Request\n\n"
                    + "var NewRequest = core.NewRequest\n",
                "core/core.go": "package core\n\n" + request + "func (r Request) IsEmpty() bool { return true }\n",
            ],
            expected: [
                "added core minor", "added core.NewRequest minor", "added core.Request minor",
                "added core.Request.IsEmpty minor", "added core.Request.Names minor", "added core.Request.Tags minor",
                "added core.Request.With minor", "changed sel.NewRequest minor", "changed sel.Request patch",
                "added sel.Request.IsEmpty minor", "changed sel.Request.With patch",
            ]),
        Move(
            name: "a struct and a func type moved under internal/, an inert unexported type renamed there",
            before: [
                "bin/bin.go": """
                package bin

                type Classifier struct {
                \tClass   string
                \tMatcher Matcher
                }

                type Matcher func(c Classifier, ctx matchContext) ([]string, error)

                type matchContext struct {
                \tpath string
                \tread func() error
                }

                """
            ],
            after: [
                "bin/bin.go": """
                package bin

                import "example.com/mod/internal/util"

                // Deprecated: use the internal helpers.
                type Classifier = util.Classifier

                type Matcher = util.Matcher

                """,
                "internal/util/util.go": """
                package util

                type Classifier struct {
                \tClass   string
                \tMatcher Matcher
                }

                type Matcher func(c Classifier, ctx MatchContext) ([]string, error)

                type MatchContext struct {
                \tpath string
                \tread func() error
                }

                """,
            ],
            expected: [
                "changed bin.Classifier patch", "deprecated bin.Classifier minor", "changed bin.Classifier.Matcher patch",
                "changed bin.Matcher patch", "removed bin.matchContext patch",
            ]),
        Move(
            name: "a field missing from the target is a removal",
            before: ["sel/sel.go": "package sel\n\n" + request],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/core\"\n\ntype Request = core.Request\n",
                "internal/core/core.go":
                    "package core\n\ntype Request struct{ Names []string }\n\n"
                    + "func (r Request) With(names ...string) Request { return r }\n",
            ],
            expected: [
                "removed sel.NewRequest major", "changed sel.Request patch", "removed sel.Request.Tags major",
                "changed sel.Request.With patch",
            ]),
        Move(
            name: "a target that is not comparable where the type was",
            before: ["sel/sel.go": "package sel\n\ntype Point struct{ X, Y int }\n"],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/geo\"\n\ntype Point = geo.Point\n",
                "internal/geo/geo.go": "package geo\n\ntype Point struct {\n\tX, Y int\n\tTags []string\n}\n",
            ],
            expected: ["changed sel.Point major", "added sel.Point.Tags minor"]),
        Move(
            name: "a target of another kind (an interface where a struct was)",
            before: ["sel/sel.go": "package sel\n\ntype Source struct{}\n\nfunc (Source) Read() error { return nil }\n"],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/io\"\n\ntype Source = io.Source\n",
                "internal/io/io.go": "package io\n\ntype Source interface{ Read() error }\n",
            ],
            expected: ["changed sel.Source major", "changed sel.Source.Read patch"]),
        Move(
            name: "a func type whose target takes another parameter type",
            before: ["sel/sel.go": "package sel\n\ntype Hook func(name string) error\n"],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/hooks\"\n\ntype Hook = hooks.Hook\n",
                "internal/hooks/hooks.go": "package hooks\n\ntype Hook func(name []byte) error\n",
            ],
            expected: ["changed sel.Hook major"]),
        Move(
            name: "an unexported parameter type users could compare is not renamed freely",
            before: [
                "sel/sel.go": "package sel\n\ntype Hook func(k key) error\n\ntype key struct{ id int }\n"
            ],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/hooks\"\n\ntype Hook = hooks.Hook\n",
                "internal/hooks/hooks.go": "package hooks\n\ntype Hook func(k Key) error\n\ntype Key struct{ id []int }\n",
            ],
            expected: ["changed sel.Hook major", "removed sel.key patch"]),
        Move(
            name: "a func type whose target's parameter is another package's type of the same name and clause",
            before: [
                "bin/bin.go":
                    "package bin\n\ntype Classifier struct{ Class string }\n\ntype Matcher func(c Classifier) error\n"
            ],
            after: [
                "bin/bin.go": """
                package bin

                import (
                	du "example.com/mod/decoy/util"
                	"example.com/mod/internal/util"
                )

                type Classifier = du.Classifier

                type Matcher = util.Matcher

                """,
                "decoy/util/util.go": "package util\n\ntype Classifier struct{ Class string }\n",
                "internal/util/util.go":
                    "package util\n\ntype Classifier struct{ Class string }\n\ntype Matcher func(c Classifier) error\n",
            ],
            expected: [
                "changed bin.Classifier patch", "changed bin.Matcher major", "added decoy/util minor",
                "added decoy/util.Classifier minor", "added decoy/util.Classifier.Class minor",
            ]),
        Move(
            name: "an inert unexported parameter type a func still returns is not renamed (review: still exposed)",
            before: [
                "sel/sel.go": "package sel\n\ntype Hook func(k key) error\n\ntype key struct{ ids []int }\n\n"
                    + "func NewKey() key { return key{} }\n"
            ],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/hooks\"\n\ntype Hook = hooks.Hook\n\n"
                    + "type key struct{ ids []int }\n\nfunc NewKey() key { return key{} }\n",
                "internal/hooks/hooks.go": "package hooks\n\ntype Hook func(k Key) error\n\ntype Key struct{ ids []int }\n",
            ],
            expected: ["changed sel.Hook major"]),
        Move(
            name: "an inert unexported parameter type an exported alias names is not renamed (review: named by alias)",
            before: [
                "sel/sel.go": "package sel\n\ntype Hook func(k key) error\n\ntype key struct{ ids []int }\n\n"
                    + "type Key = key\n"
            ],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/hooks\"\n\ntype Hook = hooks.Hook\n\n"
                    + "type key struct{ ids []int }\n\ntype Key = key\n",
                "internal/hooks/hooks.go": "package hooks\n\ntype Hook func(k Ctx) error\n\ntype Ctx struct{ ids []int }\n",
            ],
            expected: ["changed sel.Hook major"]),
        Move(
            name: "two inert unexported parameter types do not become one type",
            before: [
                "sel/sel.go": "package sel\n\ntype Hook func(a first, b second) error\n\n"
                    + "type first struct{ f func() }\n\ntype second struct{ f func() }\n"
            ],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/hooks\"\n\ntype Hook = hooks.Hook\n",
                "internal/hooks/hooks.go":
                    "package hooks\n\ntype Hook func(a Ctx, b Ctx) error\n\ntype Ctx struct{ f func() }\n",
            ],
            expected: ["changed sel.Hook major", "removed sel.first patch", "removed sel.second patch"]),
        Move(
            name: "a target in another module is not read: no claim that it is the same type",
            before: ["sel/sel.go": "package sel\n\ntype Point struct{ X, Y int }\n"],
            after: ["sel/sel.go": "package sel\n\nimport \"example.org/geo\"\n\ntype Point = geo.Point\n"],
            expected: ["changed sel.Point major", "removed sel.Point.X patch", "removed sel.Point.Y patch"]),
        Move(
            name: "a var holding a moved func whose signature changed",
            before: ["sel/sel.go": "package sel\n\nfunc Parse(text string) (int, error) { return 0, nil }\n"],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/parse\"\n\nvar Parse = parse.Parse\n",
                "internal/parse/parse.go": "package parse\n\nfunc Parse(text []byte) (int, error) { return 0, nil }\n",
            ],
            expected: ["changed sel.Parse major"]),
        Move(
            name: "an alias whose internal target stops being comparable",
            before: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/geo\"\n\ntype Point = geo.Point\n",
                "internal/geo/geo.go": "package geo\n\ntype Point struct{ X, Y int }\n",
            ],
            after: [
                "sel/sel.go": "package sel\n\nimport \"example.com/mod/internal/geo\"\n\ntype Point = geo.Point\n",
                "internal/geo/geo.go": "package geo\n\ntype Point struct {\n\tX, Y int\n\tF  func()\n}\n",
            ],
            expected: ["changed sel.Point major", "added sel.Point.F minor"]),
    ]

    @Test("a type or func moved behind an alias", arguments: moves)
    func move(_ move: Move) throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        for (path, text) in move.before { try repo.write(path, text) }
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        for path in move.before.keys where move.after[path] == nil { try repo.remove(path) }
        for (path, text) in move.after { try repo.write(path, text) }
        try repo.commit("v2")
        let policy = try loadPolicy(Self.yaml)
        let v1 = try surface(of: repo, at: "v1.0.0", policy: Self.yaml)
        let v2 = try surface(of: repo, at: "HEAD", policy: Self.yaml)
        let changes = SurfaceDiff.changes(from: v1, to: v2, policy: policy).map {
            "\($0.kind) \($0.key.replacingOccurrences(of: "example.com/mod/", with: "")) \($0.bump)"
        }
        #expect(changes == move.expected)
    }
}
