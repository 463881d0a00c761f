import Policy
import Surface
import Testing
import TestSupport

@Suite("go-packages extractor")
struct GoPackagesTests {
    static let yaml = """
        semgate: 1
        surfaces:
          packages:
            extract:
              go-packages: {}
        """

    private static func goFile(_ package: String) -> String {
        "package \(package)\n\nfunc F() {}\n"
    }

    @Test("public packages of the module: pruned folders, main, nested modules and test-only folders are not")
    func publicPackages() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n\ngo 1.22\n")
        try repo.write("doc.go", Self.goFile("mod"))
        try repo.write("a/a.go", Self.goFile("a"))
        try repo.write("a/a_test.go", Self.goFile("a"))
        try repo.write("a/b/b.go", Self.goFile("b"))
        try repo.write("a/internal/z/z.go", Self.goFile("z"))
        try repo.write("internal/x/x.go", Self.goFile("x"))
        try repo.write("testdata/t/t.go", Self.goFile("t"))
        try repo.write("vendor/github.com/v/v.go", Self.goFile("v"))
        try repo.write("_tools/tools.go", Self.goFile("tools"))
        try repo.write(".hidden/h.go", Self.goFile("h"))
        try repo.write("cmd/tool/main.go", Self.goFile("main"))
        try repo.write("cmd/tool/flags/flags.go", Self.goFile("flags"))
        try repo.write("nested/go.mod", "module example.com/nested\n")
        try repo.write("nested/n.go", Self.goFile("nested"))
        try repo.write("nested/deeper/d.go", Self.goFile("deeper"))
        try repo.write("onlytests/x_test.go", Self.goFile("onlytests"))
        try repo.write("docs/README.md", "# docs\n")
        try repo.write(
            "commented/c.go", "// Copyright 2024.\n/* a block\n   comment */\n\npackage commented\n")
        try repo.commit("module")
        let snapshot = try surface(of: repo, policy: Self.yaml)
        #expect(
            snapshot.sortedItems.map(\.key) == [
                "example.com/mod", "example.com/mod/a", "example.com/mod/a/b", "example.com/mod/cmd/tool/flags",
                "example.com/mod/commented",
            ])
        #expect(snapshot.items["packages:example.com/mod/a/b"]?.location == Location(path: "a/b"))
        #expect(snapshot.items["packages:example.com/mod"]?.location == Location(path: "go.mod"))
        #expect(snapshot.items.values.allSatisfy { $0.stability == .stable && $0.attributes.isEmpty })
    }

    @Test("a root package main is not listed; a quoted module path with a comment is read")
    func rootMainAndQuotedModule() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "// the module\nmodule \"example.com/q\" // quoted\n")
        try repo.write("main.go", Self.goFile("main"))
        try repo.write("lib/lib.go", Self.goFile("lib"))
        try repo.commit("module")
        #expect(try surface(of: repo, policy: Self.yaml).sortedItems.map(\.key) == ["example.com/q/lib"])
    }

    @Test("without go.mod there are no packages; a go.mod without a module line is a note")
    func noModule() throws {
        let repo = try FixtureRepository()
        try repo.write("lib/lib.go", Self.goFile("lib"))
        try repo.commit("no go.mod")
        try repo.tag("v0.1.0")
        try repo.write("go.mod", "go 1.22\n")
        try repo.commit("go.mod without module")
        let none = try surface(of: repo, at: "v0.1.0", policy: Self.yaml)
        #expect(none.items.isEmpty)
        #expect(none.notes.isEmpty)
        let noLine = try surface(of: repo, policy: Self.yaml)
        #expect(noLine.items.isEmpty)
        #expect(noLine.notes == ["go.mod: no 'module' line; go-packages found nothing"])
    }

    @Test("root: names the folder holding go.mod; keys are module paths, locations repository paths")
    func moduleInSubfolder() throws {
        let repo = try FixtureRepository()
        try repo.write("go/go.mod", "module example.com/sub\n")
        try repo.write("go/api/api.go", Self.goFile("api"))
        try repo.write("other/o.go", Self.goFile("o"))
        try repo.commit("module in go/")
        let yaml = """
            semgate: 1
            surfaces:
              packages:
                extract:
                  go-packages: {root: go}
            """
        let snapshot = try surface(of: repo, policy: yaml)
        #expect(snapshot.sortedItems.map(\.key) == ["example.com/sub/api"])
        #expect(snapshot.items["packages:example.com/sub/api"]?.location == Location(path: "go/api"))
    }

    @Test("a library folder that also holds a build-ignored generator (package main) is still a public package")
    func buildIgnoredMainFile() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write("codec/gen.go", "//go:build ignore\n\n// gen writes table.go.\npackage main\n")
        try repo.write("codec/table.go", Self.goFile("codec"))
        try repo.commit("codec with a generator")
        let keys = try surface(of: repo, policy: Self.yaml).sortedItems.map(\.key)
        #expect(keys == ["example.com/mod/codec"])
    }
}
