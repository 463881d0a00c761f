import Git
import Policy
import Surface
import Testing
import TestSupport

@Suite("include, exclude and experimental globs")
struct GlobFilterTests {
    @Test("include keeps only matching keys, exclude drops keys, experimental globs mark stable items")
    func globs() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "items.txt",
            """
            a/one
            a/two
            a/deep/three
            b/four
            b/internal/five
            c/six
            b/seven stability=deprecated
            b/eight stability=experimental

            """)
        try repo.commit("items")
        let yaml = """
            semgate: 1
            surfaces:
              things:
                extract:
                  list: items.txt
                include: ["a/**", "b/*"]
                exclude: ["**/two"]
            experimental: ["things:b/**"]
            """
        let snapshot = try surface(of: repo, policy: yaml)
        #expect(snapshot.sortedItems.map(\.key) == ["a/deep/three", "a/one", "b/eight", "b/four", "b/seven"])
        #expect(snapshot.items["things:a/one"]?.stability == .stable)
        #expect(snapshot.items["things:a/deep/three"]?.stability == .stable)
        #expect(snapshot.items["things:b/four"]?.stability == .experimental)
        #expect(snapshot.items["things:b/eight"]?.stability == .experimental)
        // An item the project marks deprecated stays deprecated under an experimental glob.
        #expect(snapshot.items["things:b/seven"]?.stability == .deprecated)
    }

    @Test("experimental globs match the surface:key identity, across surfaces")
    func experimentalAcrossSurfaces() throws {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/m\n")
        try repo.write("pkg/experimental/ws/ws.go", "package ws\n")
        try repo.write("pkg/api/api.go", "package api\n")
        try repo.write("internal/x/x.go", "package x\n")
        try repo.write("modules.txt", "k6/experimental/ws\nk6/http\n")
        try repo.commit("module")
        let yaml = """
            semgate: 1
            surfaces:
              packages:
                extract:
                  go-packages: {}
                exclude: ["**/internal/**"]
              modules:
                extract:
                  list: modules.txt
            experimental: ["packages:**/experimental/**", "modules:k6/experimental/*"]
            """
        let snapshot = try surface(of: repo, policy: yaml)
        let stabilities = Dictionary(uniqueKeysWithValues: snapshot.sortedItems.map { ($0.id, $0.stability) })
        #expect(
            stabilities == [
                "packages:example.com/m/pkg/api": .stable,
                "packages:example.com/m/pkg/experimental/ws": .experimental,
                "modules:k6/experimental/ws": .experimental,
                "modules:k6/http": .stable,
            ])
    }

    @Test("a folder the file glob reaches is read even when a character joins the glob's prefix (á as a and an accent)")
    func combiningCharacterFolder() throws {
        let repo = try FixtureRepository()
        // `api*` matches the bytes of `api\u{301}x` (the accent is part of `*`), though as characters `api` is no
        // prefix of it; the tree walk compares bytes as matching does, so the folder is not skipped.
        try repo.write("api\u{301}x/a.txt", "NAME_accent\n")
        try repo.write("api/b.txt", "NAME_plain\n")
        try repo.commit("two folders")
        let yaml = #"""
            semgate: 1
            surfaces:
              names:
                extract:
                  regex: {files: ["api*/*.txt"], pattern: 'NAME_(?<name>\w+)'}
            """#
        #expect(try surface(of: repo, policy: yaml).sortedItems.map(\.key) == ["accent", "plain"])
    }

    @Test("paths equal as Swift strings but not in bytes (NFC and NFD) are each matched on their bytes, in any order")
    func canonicallyEquivalentPaths() throws {
        let nfc = Array("caf\u{E9}".utf8)
        let nfd = Array("cafe\u{301}".utf8)
        let slash = Array("/".utf8)
        let repo = try FixtureRepository()
        try repo.write(rawPath: Array("api".utf8) + slash + nfc + Array(".txt".utf8), "ITEM foo\n")
        // Folders: git lists the NFD spelling first; the glob reaches only the NFC one.
        try repo.write(rawPath: nfd + slash + Array("a.txt".utf8), "ITEM nfd\n")
        try repo.write(rawPath: nfc + slash + Array("b.txt".utf8), "ITEM nfc\n")
        let first = try repo.commit("NFC file, both folders")
        _ = try repo.git("mv", "api/caf\u{E9}.txt", "api/cafe\u{301}.txt")
        let second = try repo.commit("the file renamed to its NFD spelling, which the glob does not match")
        let yaml = #"""
            semgate: 1
            surfaces:
              api:
                extract:
                  regex: {files: ["api/caf\#u{E9}.txt", "caf\#u{E9}/*.txt"], pattern: 'ITEM (?<name>\w+)'}
            """#
        let repository = try Repository(discovering: repo.url.path)
        for order in [[first, second], [second, first]] {
            let reader = SurfaceReader(repository: repository, policy: try loadPolicy(yaml))
            for commit in order {
                let keys = try reader.snapshot(at: try repository.resolve(commit)).sortedItems.map(\.key)
                #expect(keys == (commit == first ? ["foo", "nfc"] : ["nfc"]), "\(order == [first, second])")
            }
        }
    }

    @Test("mayMatch compares UTF-8 bytes: a folder on the way to a match is never skipped")
    func mayMatchBelow() throws {
        let glob = try Glob("api*/[a-z]?.go")
        #expect(glob.matches("api\u{301}x/ab.go"))
        #expect(glob.mayMatch(below: "api\u{301}x"))
        #expect(!glob.mayMatch(below: "ap"))
        #expect(try Glob("src/api/*.go").mayMatch(below: "src"))
        #expect(!glob.mayMatch(below: "\u{E1}pi"))
    }
}
