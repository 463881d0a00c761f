import Policy
import Surface
import Testing
import TestSupport

@Suite("list extractor")
struct ListExtractorTests {
    static let yaml = """
        semgate: 1
        surfaces:
          options:
            extract:
              list: policy/options.txt
        """

    @Test("one item a line with attributes; comments and blank lines are skipped")
    func itemsAndComments() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "policy/options.txt",
            """
            # Options read from the config file.
            # KEY [name=value ...]

            out type=string env=TOOL_OUT   # trailing comment
              verbose\ttype=bool
            summary-mode type=string values="full compact disabled"
            no-summary type=bool stability=deprecated
            sampling type=float stability=experimental
            bare

            """)
        try repo.commit("options")
        let snapshot = try surface(of: repo, policy: Self.yaml)
        #expect(
            snapshot.sortedItems.map(\.key) == ["bare", "no-summary", "out", "sampling", "summary-mode", "verbose"])
        let out = try #require(snapshot.items["options:out"])
        #expect(out.attributes == ["type": "string", "env": "TOOL_OUT"])
        #expect(out.stability == .stable)
        #expect(out.location == Location(path: "policy/options.txt", line: 4))
        #expect(snapshot.items["options:verbose"]?.attributes == ["type": "bool"])
        #expect(snapshot.items["options:verbose"]?.location?.line == 5)
        #expect(
            snapshot.items["options:summary-mode"]?.attributes == ["type": "string", "values": "full compact disabled"])
        #expect(snapshot.items["options:no-summary"]?.stability == .deprecated)
        #expect(snapshot.items["options:no-summary"]?.attributes == ["type": "bool"])
        #expect(snapshot.items["options:sampling"]?.stability == .experimental)
        #expect(snapshot.items["options:bare"]?.attributes == [:])
        #expect(snapshot.notes.isEmpty)
    }

    @Test("a malformed token or an unknown stability is a note naming file and line; the item stays")
    func malformedTokens() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "policy/options.txt",
            """
            out type=string oops =bad
            quiet stability=sometimes

            """)
        try repo.commit("options")
        let snapshot = try surface(of: repo, policy: Self.yaml)
        #expect(snapshot.items["options:out"]?.attributes == ["type": "string"])
        #expect(snapshot.items["options:quiet"]?.stability == .stable)
        #expect(snapshot.notes.count == 3)
        #expect(snapshot.notes.contains { $0.hasPrefix("policy/options.txt:1:") && $0.contains("'oops'") })
        #expect(snapshot.notes.contains { $0.hasPrefix("policy/options.txt:1:") && $0.contains("'=bad'") })
        #expect(snapshot.notes.contains { $0.hasPrefix("policy/options.txt:2:") && $0.contains("'sometimes'") })
    }

    @Test("the mapping form list: {path: ...} reads the same file; an absent file yields nothing")
    func mappingFormAndAbsentFile() throws {
        let repo = try FixtureRepository()
        try repo.write("README.md", "x\n")
        try repo.commit("start")
        try repo.tag("v0.1.0")
        try repo.write("docs/cli.txt", "run\ninspect\n")
        try repo.commit("cli list")
        let yaml = """
            semgate: 1
            surfaces:
              cli:
                extract:
                  list: {path: docs/cli.txt}
            """
        #expect(try surface(of: repo, policy: yaml).sortedItems.map(\.key) == ["inspect", "run"])
        let before = try surface(of: repo, at: "v0.1.0", policy: yaml)
        #expect(before.items.isEmpty)
        #expect(before.notes.isEmpty)
    }
}
