import Git
import Limits
import Policy
import SemVer
import TestSupport
import Testing

@testable import Surface

/// go-api following types into other packages of the same module: embedded structs and interfaces whose members
/// are promoted, fields whose comparability another package's type decides, aliases of another package's types.
@Suite("go-api across the packages of a module")
struct GoModuleFollowingTests {
    static let yaml = """
        semgate: 1
        surfaces:
          api:
            extract:
              go-api: {}
        """

    /// A module whose public `http.Response` embeds `*wire.Response` of an internal package.
    private static let wire = """
        package wire

        import "time"

        type Timings struct{ Start time.Time }

        type Cookie struct{ Name string }

        type Response struct {
        \tStatus  int
        \tTimings Timings
        \tHeader  map[string][]string
        \tbody    []byte
        }

        func (r *Response) Cookies() []Cookie { return nil }

        func (r Response) Len() int { return 0 }

        func (r *Response) reset() {}
        """

    private static let http = """
        package http

        import "example.com/mod/internal/wire"

        type Response struct {
        \t*wire.Response `js:"-"`
        \tclient int
        }

        func (r *Response) JSON() string { return "" }
        """

    private func attributes(_ snapshot: SurfaceSnapshot, _ key: String) -> [String: String]? {
        snapshot.items["api:example.com/mod/" + key]?.attributes
    }

    @Test("an embedded struct of another package, internal too, promotes its exported fields and methods, in its terms")
    func embeddedStruct() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write("internal/wire/wire.go", Self.wire)
        try repo.write("http/http.go", Self.http)
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        // Only the internal package changes: the public package's items must follow it.
        try repo.write("internal/wire/wire.go", Self.wire.replacingOccurrences(of: "\tStatus  int\n", with: ""))
        try repo.commit("v2")

        let repository = try Repository(discovering: repo.url.path)
        let policy = try loadPolicy(Self.yaml)
        let reader = SurfaceReader(repository: repository, policy: policy)
        let before = try reader.snapshot(at: try repository.resolve("v1.0.0"))
        #expect(
            before.sortedItems.map(\.key).filter { $0.hasPrefix("example.com/mod/http.Response") } == [
                "example.com/mod/http.Response", "example.com/mod/http.Response.Cookies",
                "example.com/mod/http.Response.Header", "example.com/mod/http.Response.JSON",
                "example.com/mod/http.Response.Len", "example.com/mod/http.Response.Response",
                "example.com/mod/http.Response.Status", "example.com/mod/http.Response.Timings",
            ])
        #expect(attributes(before, "http.Response")?["note"] == nil)
        #expect(
            attributes(before, "http.Response.Timings") == ["kind": "field", "type": "wire.Timings", "via": "Response"])
        #expect(
            attributes(before, "http.Response.Cookies")
                == ["kind": "method", "receiver": "value", "signature": "() []wire.Cookie", "via": "Response"])
        #expect(
            attributes(before, "http.Response.Response") == [
                "kind": "field", "type": "*wire.Response", "embedded": "yes", "imports": "./internal/wire",
            ])
        #expect(
            before.items["api:example.com/mod/http.Response.Status"]?.location
                == Location(path: "internal/wire/wire.go", line: 10))

        let after = try reader.snapshot(at: try repository.resolve("HEAD"))
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == ["removed example.com/mod/http.Response.Status major"])
    }

    @Test("comparability through another package of the module is known; through another module's type it is not")
    func comparability() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write("key/key.go", "package key\n\ntype Key struct{ Name string }\n\ntype Alias = Key\n")
        try repo.write(
            "conf/conf.go",
            """
            package conf

            import (
            \t"example.com/mod/key"
            \t"gopkg.in/guregu/null.v3"
            )

            type Config struct{ K key.Key }

            type ByAlias struct{ K [2]key.Alias }

            type Other struct{ V null.String }
            """)
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        try repo.write(
            "key/key.go", "package key\n\ntype Key struct{ Name string; Tags []string }\n\ntype Alias = Key\n")
        try repo.commit("v2")

        let policy = try loadPolicy(Self.yaml)
        let before = try surface(of: repo, at: "v1.0.0", policy: Self.yaml)
        #expect(attributes(before, "conf.Config")?["comparable"] == nil)
        #expect(attributes(before, "conf.Config")?["note"] == nil)
        #expect(attributes(before, "conf.Other")?["comparable"] == "?")
        #expect(
            attributes(before, "conf.Other")?["note"]
                == "comparability depends on null.String from another module (needs type-checking)")
        let after = try surface(of: repo, at: "HEAD", policy: Self.yaml)
        #expect(attributes(after, "conf.Config")?["comparable"] == "no")
        #expect(attributes(after, "conf.ByAlias")?["comparable"] == "no")
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "changed example.com/mod/conf.ByAlias major", "changed example.com/mod/conf.Config major",
                "changed example.com/mod/key.Alias major", "added example.com/mod/key.Alias.Tags minor",
                "changed example.com/mod/key.Key major",
                "added example.com/mod/key.Key.Tags minor",
            ])
    }

    @Test("an interface embedding one of another package lists its methods in its terms; adding one there is a break")
    func embeddedInterface() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write(
            "lib/lib.go",
            "package lib\n\ntype Options struct{}\n\ntype Runner interface {\n\tRun() error\n\tOpts() Options\n}\n")
        try repo.write(
            "ext/ext.go",
            "package ext\n\nimport \"example.com/mod/lib\"\n\ntype Runner interface {\n\tlib.Runner\n\tStop()\n}\n")
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        try repo.write(
            "lib/lib.go",
            "package lib\n\ntype Options struct{}\n\ntype Runner interface {\n\tRun() error\n\tOpts() Options\n\tSetup()\n}\n"
        )
        try repo.commit("v2")

        let before = try surface(of: repo, at: "v1.0.0", policy: Self.yaml)
        #expect(
            attributes(before, "ext.Runner.Opts")
                == ["kind": "method", "receiver": "interface", "signature": "() lib.Options", "via": "lib.Runner"])
        #expect(attributes(before, "ext.Runner")?["embeds"] == nil)
        #expect(attributes(before, "ext.Runner")?["note"] == nil)
        let after = try surface(of: repo, at: "HEAD", policy: Self.yaml)
        let changes = SurfaceDiff.changes(from: before, to: after, policy: try loadPolicy(Self.yaml))
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "added example.com/mod/ext.Runner.Setup major", "added example.com/mod/lib.Runner.Setup major",
            ])
    }

    @Test("a type moved to another package of the module behind an alias keeps its members; removing one is a break")
    func movedBehindAlias() throws {
        let repo = try FixtureRepository()
        let client = "type Client struct{ Addr string }\n\nfunc (c *Client) Do() error { return nil }\n"
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write("lib/lib.go", "package lib\n\n" + client)
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        try repo.write(
            "lib/lib.go", "package lib\n\nimport \"example.com/mod/transport\"\n\ntype Client = transport.Client\n")
        try repo.write("transport/transport.go", "package transport\n\n" + client)
        try repo.commit("v2")
        try repo.tag("v2.0.0")
        try repo.write("transport/transport.go", "package transport\n\ntype Client struct{ Addr string }\n")
        try repo.commit("v3")

        let policy = try loadPolicy(Self.yaml)
        let v1 = try surface(of: repo, at: "v1.0.0", policy: Self.yaml)
        let v2 = try surface(of: repo, at: "v2.0.0", policy: Self.yaml)
        #expect(attributes(v2, "lib.Client.Do")?["signature"] == "() error")
        #expect(attributes(v2, "lib.Client")?["note"] == nil)
        // A defined type becoming an alias of another package's type that is what it was (a struct with the same
        // members) is the type moved, Go's documented way (GoAliasMoveTests); its members are all still there.
        #expect(
            SurfaceDiff.changes(from: v1, to: v2, policy: policy).map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "changed example.com/mod/lib.Client patch", "added example.com/mod/transport minor",
                "added example.com/mod/transport.Client minor", "added example.com/mod/transport.Client.Addr minor",
                "added example.com/mod/transport.Client.Do minor",
            ])
        let v3 = try surface(of: repo, at: "HEAD", policy: Self.yaml)
        #expect(
            SurfaceDiff.changes(from: v2, to: v3, policy: policy).map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "removed example.com/mod/lib.Client.Do major", "removed example.com/mod/transport.Client.Do major",
            ])
    }

    @Test("embedding cycles across packages end; a chain deeper than the limit is cut with a note")
    func hostileEmbedding() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write(
            "a/a.go",
            "package a\n\nimport \"example.com/mod/b\"\n\ntype T struct {\n\tb.T\n\tX int\n}\n\n"
                + "type I interface {\n\tb.I\n\tA()\n}\n")
        try repo.write(
            "b/b.go",
            "package b\n\nimport \"example.com/mod/a\"\n\ntype T struct {\n\ta.T\n\tY []int\n}\n\n"
                + "type I interface {\n\ta.I\n\tB()\n}\n")
        let depth = Limit.goEmbeddingDepth + 8
        for level in 0..<depth {
            try repo.write(
                "chain/p\(level)/p.go",
                "package p\(level)\n\nimport \"example.com/mod/chain/p\(level + 1)\"\n\n"
                    + "type T struct {\n\tp\(level + 1).T\n\tF\(level) int\n}\n")
        }
        // A diamond across packages: each level's two packages embed both of the next level's; 2^24 paths, one visit
        // a name.
        let levels = 24
        for level in 0..<levels {
            for side in ["l", "r"] {
                var source = "package \(side)\(level)\n\n"
                var interface = ""
                var structure = ""
                if level + 1 < levels {
                    let next = level + 1
                    source += "import (\n\t\"example.com/mod/d/l\(next)\"\n\t\"example.com/mod/d/r\(next)\"\n)\n\n"
                    interface = "\tl\(next).I\n\tr\(next).I\n"
                    structure = "\tl\(next).S\n"
                }
                source +=
                    "type I interface {\n\(interface)\tM\(level)()\n}\n\ntype S struct {\n\(structure)\tF\(level) int\n}\n"
                try repo.write("d/\(side)\(level)/d.go", source)
            }
        }
        try repo.commit("hostile")
        let snapshot = try surface(of: repo, policy: Self.yaml)
        #expect(attributes(snapshot, "d/l0.I.M\(levels - 1)")?["signature"] == "()")
        #expect(attributes(snapshot, "d/l0.S.F\(levels - 1)")?["type"] == "int")
        #expect(attributes(snapshot, "a.T.Y")?["type"] == "[]int")
        #expect(attributes(snapshot, "a.T")?["comparable"] == "no")
        #expect(attributes(snapshot, "b.T.X")?["via"] == "T")
        #expect(attributes(snapshot, "a.I.B")?["via"] == "b.I")
        #expect(attributes(snapshot, "b.I.A")?["via"] == "a.I")
        #expect(attributes(snapshot, "chain/p0.T.F\(Limit.goEmbeddingDepth)") != nil)
        #expect(attributes(snapshot, "chain/p0.T.F\(Limit.goEmbeddingDepth + 1)") == nil)
        #expect(
            attributes(snapshot, "chain/p0.T")?["note"]?.hasSuffix(
                "not followed: more than \(Limit.goEmbeddingDepth) levels deep") == true)
    }

    @Test(
        "an import alias is spelled by its path: renaming it, or importing another package of that name, changes nothing"
    )
    func importAliases() {
        func items(_ source: String) -> [String: [String: String]] {
            let file = ParsedGoFile(name: "p.go", bytes: Array(source.utf8))
            let package = GoAPIPackage(
                importPath: "example.com/m/p", folder: "p", files: [file], ignoreValues: { _ in false })
            return Dictionary(package.items().map { ($0.key, $0.attributes) }, uniquingKeysWith: { first, _ in first })
        }
        let old = items(
            "package p\nimport rel3 \"example.com/proto/release\"\nfunc Get() *rel3.Release { return nil }\n")
        let new = items(
            "package p\nimport rel5 \"example.com/proto/release\"\nfunc Get() *rel5.Release { return nil }\n")
        #expect(old["example.com/m/p.Get"]?["signature"] == "() *release.Release")
        #expect(new["example.com/m/p.Get"]?["signature"] == "() *release.Release")
        let clash = items(
            "package p\nimport (\n\t\"errors\"\n\tkerrors \"example.com/k8s/errors\"\n)\n"
                + "func Wrap(error) *kerrors.StatusError { return nil }\n")
        #expect(clash["example.com/m/p.Wrap"]?["signature"] == "(error) *errors.StatusError")
        // A versioned path: an alias, a renamed alias and the package clause without one are spelled alike.
        let versioned = [
            "import clientv3 \"example.com/db/client/v3\"\nfunc New() *clientv3.Client { return nil }\n",
            "import v3client \"example.com/db/client/v3\"\nfunc New() *v3client.Client { return nil }\n",
            "import \"example.com/db/client/v3\"\nfunc New() *clientv3.Client { return nil }\n",
            "import (\n\t\"example.com/db/client/v3\"\n\t\"gopkg.in/yaml.v3\"\n)\n"
                + "func New(yaml.Node) *clientv3.Client { return nil }\n",
        ].map { items("package p\n" + $0)["example.com/m/p.New"]?["signature"] }
        #expect(
            versioned == ["() *client.Client", "() *client.Client", "() *client.Client", "(yaml.Node) *client.Client"])
        // A clause that cannot be told apart from another unknown one stays as written.
        let opaque = items(
            "package p\nimport (\n\t\"example.com/db/client/v3\"\n\t\"example.com/x/go-digest\"\n)\n"
                + "func New(digest.Digest) *clientv3.Client { return nil }\n")
        #expect(opaque["example.com/m/p.New"]?["signature"] == "(digest.Digest) *client.Client")
        // A package whose clause is its last element, with and without an alias of that name.
        let literal = [
            "import \"example.com/m/api/v1\"\nfunc List() []v1.Metric { return nil }\n",
            "import v1 \"example.com/m/api/v1\"\nfunc List() []v1.Metric { return nil }\n",
        ].map { items("package p\n" + $0)["example.com/m/p.List"]?["signature"] }
        #expect(literal == ["() []api.Metric", "() []api.Metric"])
        #expect(ParsedGoFile.versionlessName(of: "gopkg.in/yaml.v3") == "yaml")
        #expect(ParsedGoFile.versionlessName(of: "example.com/go-chi/chi/v5") == "chi")
        #expect(ParsedGoFile.versionlessName(of: "example.com/x/go-digest") == nil)
        #expect(ParsedGoFile.canonicalName(of: "example.com/proto/release") == "release")
        #expect(ParsedGoFile.canonicalName(of: "gopkg.in/yaml.v3") == nil)
        #expect(ParsedGoFile.canonicalName(of: "go.etcd.io/etcd/client/v3") == nil)
        #expect(ParsedGoFile.canonicalName(of: "example.com/m/api/v1") == nil)
        #expect(ParsedGoFile.canonicalName(of: "github.com/opencontainers/go-digest") == nil)
    }

    @Test("an import path's last element and canonical name read as bytes equal their reading by Unicode scalars")
    func canonicalNameBytes() {
        // The definitions by Characters and scalars that the byte reading of ASCII paths must equal.
        func lastElement(_ path: String) -> String? { path.split(separator: "/").last.map(String.init) }
        func canonicalName(_ path: String) -> String? {
            guard let last = lastElement(path), let first = last.unicodeScalars.first,
                first == "_" || first.properties.isAlphabetic,
                last.unicodeScalars.allSatisfy({
                    $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil
                }),
                !ParsedGoFile.isMajorVersion(last)
            else { return nil }
            return last
        }
        var paths = [
            "", "/", "///", "a", "a/", "a//b//", "/a", "example.com/m/v2", "example.com/m/v", "x/_", "x/_9", "x/9a",
            "x/a-b", "x/a.b", "x/Zz", "x/@", "x/[", "x/`", "x/{", "x/é", "x/a/\u{301}b", "x/\u{0663}", "x/a\u{0663}",
            "x/v\u{0663}", "x/ab\u{200D}", "\u{FF21}/b",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab_Z09v/.-@[`{é\u{301}")
        for _ in 0..<2_000 {
            paths.append(String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement()! }))
        }
        for path in paths {
            #expect(ParsedGoFile.lastElement(of: path) == lastElement(path), "\(path.debugDescription)")
            #expect(ParsedGoFile.canonicalName(of: path) == canonicalName(path), "\(path.debugDescription)")
        }
    }

    @Test("a member gone from a type that now embeds another module's type is not claimed: it may live on there")
    func foreignEmbedding() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write(
            "a/a.go",
            "package a\n\ntype Options struct {\n\tName string\n\tSize int\n}\n\nfunc (o Options) Check() {}\n")
        try repo.commit("first")
        try repo.tag("v1.0.0")
        try repo.write(
            "a/a.go",
            "package a\n\nimport \"example.com/other/meta\"\n\ntype Options struct {\n\tmeta.Object\n\tSize int\n}\n")
        try repo.commit("Name and Check move into an embedded struct of another module")
        try repo.tag("v1.1.0")
        try repo.write(
            "a/a.go", "package a\n\nimport \"example.com/other/meta\"\n\ntype Options struct {\n\tmeta.Object\n}\n")
        try repo.commit("Size goes, with no new embedding")
        let policy = try loadPolicy(Self.yaml)
        let first = try surface(of: repo, at: "v1.0.0", policy: Self.yaml)
        let second = try surface(of: repo, at: "v1.1.0", policy: Self.yaml)
        let third = try surface(of: repo, policy: Self.yaml)
        let moved = SurfaceDiff.changes(from: first, to: second, policy: policy)
            .filter { $0.kind == .removed }.map { "\($0.key) \($0.bump)" }
        #expect(moved == ["example.com/mod/a.Options.Check patch", "example.com/mod/a.Options.Name patch"])
        // Not claimed, but never silent (review R82): a note names them and says to check by hand.
        let unclaimed = SurfaceDiff.unclaimedRemovalsNote(
            SurfaceDiff.changes(from: first, to: second, policy: policy), policy: policy)
        #expect(
            unclaimed?.hasPrefix(
                "api:example.com/mod/a.Options.Check, api:example.com/mod/a.Options.Name: no longer listed, but its "
                    + "type now embeds another module's type") == true, "\(unclaimed ?? "none")")
        #expect(
            unclaimed?.contains("they may still be there and semgate does not claim a break; check by hand") == true)
        #expect(
            second.items["api:example.com/mod/a.Options"]?.attributes["note"]
                == "comparability depends on meta.Object from another module (needs type-checking); "
                + "members promoted from meta.Object not listed (needs type-checking)")
        let gone = SurfaceDiff.changes(from: second, to: third, policy: policy)
            .filter { $0.kind == .removed }.map { "\($0.key) \($0.bump)" }
        #expect(gone == ["example.com/mod/a.Options.Size major"])
        let sizeGone = SurfaceDiff.changes(from: second, to: third, policy: policy)
        #expect(SurfaceDiff.unclaimedRemovalsNote(sizeGone, policy: policy) == nil)
    }

    @Test("an unexported alias split into a defined type is no break unless an exported item names its target")
    func unexportedAliasSplit() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        let old =
            "package a\n\ntype k3 int\n\nvar Vj3 j3\n\ntype j3 = k3\n\ntype k4 int\n\nvar Vj4 j4\n\nvar VK4 k4\n\ntype j4 = k4\n"
        try repo.write("a/a.go", old)
        try repo.commit("aliases")
        try repo.tag("v1.0.0")
        try repo.write(
            "a/a.go",
            old.replacingOccurrences(of: "j3 = k3", with: "j3 k3").replacingOccurrences(of: "j4 = k4", with: "j4 k4"))
        try repo.commit("defined types")
        let changes = SurfaceDiff.changes(
            from: try surface(of: repo, at: "v1.0.0", policy: Self.yaml), to: try surface(of: repo, policy: Self.yaml),
            policy: try loadPolicy(Self.yaml))
        let bumps = Dictionary(changes.map { ($0.key, $0.bump) }, uniquingKeysWith: max)
        #expect(bumps["example.com/mod/a.j3"] == .patch)
        #expect(bumps["example.com/mod/a.j4"] == .major)
    }

    @Test(
        "a package is rebuilt when a declaration it followed into another package changes, even in another file, and not when the rest of that package does"
    )
    func rebuiltOnlyWhenReadDeclarationsChange() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write(
            "internal/wire/response.go",
            "package wire\n\ntype Response struct {\n\tStatus int\n}\n\nfunc (r *Response) Cookies() []string { return nil }\n"
        )
        try repo.write("internal/wire/other.go", "package wire\n\ntype Unrelated struct{ A int }\n")
        try repo.write(
            "http/http.go",
            "package http\n\nimport \"example.com/mod/internal/wire\"\n\ntype Response struct {\n\t*wire.Response\n}\n")
        try repo.commit("v1")
        try repo.tag("v1")
        // What http.Response did not read: another type of the package, a new file, a line moved in another file.
        try repo.write(
            "internal/wire/other.go",
            "package wire\n\n// Unrelated.\ntype Unrelated struct{ A, B int }\n\nfunc (u Unrelated) Do() {}\n")
        try repo.write("internal/wire/extra.go", "package wire\n\ntype Extra struct{ C string }\n")
        try repo.commit("v2")
        try repo.tag("v2")
        // What it read: a method of the embedded type declared in another file.
        try repo.write(
            "internal/wire/other.go",
            "package wire\n\n// Unrelated.\ntype Unrelated struct{ A, B int }\n\nfunc (u Unrelated) Do() {}\n\nfunc (r Response) Len() int { return 0 }\n"
        )
        try repo.commit("v3")
        try repo.tag("v3")
        // What it read: the embedded type's fields.
        try repo.write(
            "internal/wire/response.go",
            "package wire\n\ntype Response struct {\n\tStatus int\n\tCode   int\n}\n\nfunc (r *Response) Cookies() []string { return nil }\n"
        )
        try repo.commit("v4")
        try repo.tag("v4")

        let repository = try Repository(discovering: repo.url.path)
        func read(_ reader: GoAPIReader, _ tag: String) throws -> [String] {
            var notes: [String] = []
            var problems: [SourceProblem] = []
            let tree = try repository.rootTree(of: try repository.resolve(tag))
            return try reader.items(
                GoAPIExtractorSpec(), tree: tree, source: repository, notes: &notes, problems: &problems
            )
            .flatMap { $0 }.map { item in
                "\(item.key) \(item.attributes.sorted { $0.key < $1.key }) \(item.stability) \(item.location?.description ?? "")"
            }
        }
        let reader = GoAPIReader()
        var builds: [Int] = []
        var surfaces: [[String]] = []
        for tag in ["v1", "v2", "v3", "v4"] {
            let built = reader.itemsBuilt
            let items = try read(reader, tag)
            builds.append(reader.itemsBuilt - built)
            surfaces.append(items)
            #expect(items == (try read(GoAPIReader(), tag)), "\(tag): reused items differ from a fresh read")
        }
        let members = surfaces.map {
            $0.filter { $0.hasPrefix("example.com/mod/http.Response.") }.map {
                $0.prefix { $0 != " " }.dropFirst("example.com/mod/http.Response.".count)
            }
        }
        #expect(
            members == [
                ["Cookies", "Response", "Status"], ["Cookies", "Response", "Status"],
                ["Cookies", "Len", "Response", "Status"], ["Code", "Cookies", "Len", "Response", "Status"],
            ])
        // The package http (its item, the type, its embedded field and promoted members) is built at v1, reused at v2,
        // rebuilt at v3 and v4.
        #expect(builds == [5, 0, 6, 7])
    }

    @Test(
        "a type is rebuilt when a declaration it read changes, in any file of its package, and reused when only other declarations of the package changed"
    )
    func typesRebuiltOnlyWhenReadDeclarationsChange() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write(
            "p/a.go",
            "package p\n\ntype A struct {\n\tB\n\tCells Grid\n}\n\ntype Grid [Size]int\n\nfunc (a A) Get() int { return 0 }\n"
        )
        try repo.write("p/b.go", "package p\n\ntype B struct {\n\tX int\n}\n")
        let c = "package p\n\nconst Size = 4\n\ntype C struct{ Y int }\n"
        try repo.write("p/c.go", c)
        let revisions: [(tag: String, change: () throws -> Void)] = [
            ("v1", {}),
            // Another type of the package: A, B and Grid are reused.
            ("v2", { try repo.write("p/c.go", c.replacingOccurrences(of: "Y int", with: "Y, Z int")) }),
            // The fields of B, which A embeds: both rebuilt, C reused.
            ("v3", { try repo.write("p/b.go", "package p\n\ntype B struct {\n\tX, W int\n}\n") }),
            // A method of B declared in another file: A promotes it.
            (
                "v4",
                {
                    try repo.write(
                        "p/c.go",
                        c.replacingOccurrences(of: "Y int", with: "Y, Z int") + "\nfunc (b B) Len() int { return 0 }\n")
                }
            ),
            // The const that sizes Grid: only Grid is rebuilt.
            (
                "v5",
                {
                    try repo.write(
                        "p/c.go",
                        c.replacingOccurrences(of: "Y int", with: "Y, Z int").replacingOccurrences(of: "4", with: "8")
                            + "\nfunc (b B) Len() int { return 0 }\n")
                }
            ),
        ]
        for revision in revisions {
            try revision.change()
            try repo.commit(revision.tag)
            try repo.tag(revision.tag)
        }
        let repository = try Repository(discovering: repo.url.path)
        func read(_ reader: GoAPIReader, _ tag: String) throws -> [String] {
            var notes: [String] = []
            var problems: [SourceProblem] = []
            let tree = try repository.rootTree(of: try repository.resolve(tag))
            return try reader.items(
                GoAPIExtractorSpec(), tree: tree, source: repository, notes: &notes, problems: &problems
            )
            .flatMap { $0 }.map { item in
                "\(item.key) \(item.attributes.sorted { $0.key < $1.key }) \(item.stability) \(item.location?.description ?? "")"
            }
        }
        let reader = GoAPIReader()
        var counts: [[Int]] = []
        var surfaces: [[String]] = []
        for revision in revisions {
            let (built, reused) = (reader.typesBuilt, reader.typesReused)
            let items = try read(reader, revision.tag)
            counts.append([reader.typesBuilt - built, reader.typesReused - reused])
            surfaces.append(items)
            #expect(
                items == (try read(GoAPIReader(), revision.tag)),
                "\(revision.tag): reused items differ from a fresh read")
        }
        #expect(counts == [[4, 0], [1, 3], [2, 2], [2, 2], [1, 3]])
        let a = surfaces.map { $0.filter { $0.hasPrefix("example.com/mod/p.A") }.map { $0.prefix { $0 != " " } } }
        #expect(
            a[0] == [
                "example.com/mod/p.A", "example.com/mod/p.A.B", "example.com/mod/p.A.Cells",
                "example.com/mod/p.A.Get", "example.com/mod/p.A.X",
            ])
        #expect(a[2].contains("example.com/mod/p.A.W"))
        #expect(a[3].contains("example.com/mod/p.A.Len"))
        #expect(surfaces[4].contains { $0.hasPrefix("example.com/mod/p.Grid ") && $0.contains("[8]int") })
        #expect(surfaces[3].contains { $0.hasPrefix("example.com/mod/p.Grid ") && $0.contains("[4]int") })
    }

    @Test("a package whose interfaces embed each other in a cycle is built whole, in name order with one memo")
    func embeddingCycleBuildsWhole() throws {
        let repo = try FixtureRepository()
        let source =
            "package p\n\ntype I interface {\n\tJ\n\tF()\n}\n\ntype J interface {\n\tI\n\tG()\n}\n\ntype K interface{ J }\n"
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write("p/p.go", source)
        try repo.commit("v1")
        try repo.tag("v1")
        try repo.write("p/q.go", "package p\n\ntype Other struct{ A int }\n")
        try repo.commit("v2")
        try repo.tag("v2")
        let repository = try Repository(discovering: repo.url.path)
        let reader = GoAPIReader()
        let describe = { (items: [RawItem]) in
            items.sorted(by: GoAPIPackage.canonicalOrder).map {
                "\($0.key) \($0.attributes.sorted { $0.key < $1.key })"
            }
        }
        for (tag, files) in [
            ("v1", ["p.go": source]), ("v2", ["p.go": source, "q.go": "package p\n\ntype Other struct{ A int }\n"]),
        ] {
            var notes: [String] = []
            var problems: [SourceProblem] = []
            let tree = try repository.rootTree(of: try repository.resolve(tag))
            let groups = try reader.items(
                GoAPIExtractorSpec(), tree: tree, source: repository, notes: &notes, problems: &problems)
            let package = groups.first { $0.contains { $0.key == "example.com/mod/p" } } ?? []
            // What one memo shared by the types in name order gives (J's method set, cut where I closes the cycle, is
            // what K sees), not what each type worked out alone would.
            let whole = GoAPIPackage(
                importPath: "example.com/mod/p", folder: "p",
                files: files.sorted { $0.key < $1.key }.map { ParsedGoFile(name: $0.key, bytes: Array($0.value.utf8)) },
                ignoreValues: { _ in false }
            ).items()
            #expect(describe(package) == describe(whole), "\(tag)")
        }
        #expect(reader.typesReused == 0)
    }
}
