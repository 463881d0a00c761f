import Surface
import Testing

@testable import Policy

/// A policy with one `cli` surface whose extractor is `extractor` (YAML flow text).
private func cobraPolicy(_ extractor: String, breaking: String? = nil) -> String {
    """
    semgate: 1
    surfaces:
      cli:
        extract:
          cobra: \(extractor)
    \(breaking.map { "    breaking: \($0)" } ?? "")
    """
}

@Suite("Policy: the cobra extractor")
struct CobraPolicyTests {
    @Test("files and root are read; the extractor's breaking attributes apply when the surface lists none")
    func reads() throws {
        let policy = try PolicyLoader.load(
            yaml: cobraPolicy(#"{files: ["cmd/*.go", "internal/cmd/*.go"], root: k6}"#), file: "p.yml",
            origin: .file(path: "p.yml"))
        let surface = try #require(policy.surface(named: "cli"))
        guard let spec = try #require(surface.extractors.first) as? CobraExtractorSpec else {
            Issue.record("expected a cobra extractor")
            return
        }
        #expect(spec.files.map(\.pattern) == ["cmd/*.go", "internal/cmd/*.go"])
        #expect(spec.root == "k6")
        for attribute in ["type", "shorthand", "scope", "alias-of"] {
            #expect(surface.isBreaking(attribute: attribute), "\(attribute)")
        }
        #expect(!surface.isBreaking(attribute: "hidden"))
    }

    @Test("an explicit breaking list wins over the extractor's; mixed with a regex, every attribute breaks")
    func breakingOverrides() throws {
        let explicit = try PolicyLoader.load(
            yaml: cobraPolicy(#"{files: ["*.go"]}"#, breaking: "[type]"), file: "p.yml", origin: .file(path: "p.yml"))
        #expect(explicit.surface(named: "cli")?.isBreaking(attribute: "shorthand") == false)
        let mixed = try PolicyLoader.load(
            yaml: """
                semgate: 1
                surfaces:
                  cli:
                    extract:
                      - cobra: {files: ["*.go"]}
                      - regex: {files: ["*.go"], pattern: 'x(?<name>\\w+)'}
                """, file: "p.yml", origin: .file(path: "p.yml"))
        #expect(mixed.surface(named: "cli")?.isBreaking(attribute: "hidden") == true)
    }

    @Test(
        "bad cobra extractors are reported with position and fix",
        arguments: [
            ("{root: k6}", "5:7: the cobra extractor of surface 'cli' has no 'files'"),
            (#"{files: []}"#, "5:22: empty 'files' in the cobra extractor of surface 'cli'"),
            (
                #"{file: ["*.go"]}"#,
                "5:15: unknown key 'file' in the cobra extractor of surface 'cli'; did you mean 'files'?"
            ),
            (#"{files: ["*.go"], root: "my tool"}"#, "5:38: invalid root 'my tool' in the cobra extractor"),
            ("[a]", "5:14: expected a mapping for 'cobra' in surface 'cli', found a list"),
        ])
    func rejects(extractor: String, message: String) {
        let found = diagnostics(cobraPolicy(extractor))
        #expect(found.contains { $0.hasPrefix(message) }, "\(found)")
    }

    @Test("a breaking attribute cobra items do not carry is reported with a suggestion")
    func unknownBreakingAttribute() {
        let found = diagnostics(cobraPolicy(#"{files: ["*.go"]}"#, breaking: "[shorthnd]"))
        #expect(
            found.contains {
                $0.contains("breaking attribute 'shorthnd' is not an attribute of cobra items")
                    && $0.contains("did you mean 'shorthand'?")
            },
            "\(found)")
    }

    @Test("a misspelt extractor name suggests cobra")
    func didYouMean() {
        let found = diagnostics(
            """
            semgate: 1
            surfaces:
              cli:
                extract:
                  cobr: {files: ["*.go"]}
            """)
        #expect(
            found.contains { $0.contains("unknown extractor 'cobr'") && $0.contains("did you mean 'cobra'?") },
            "\(found)")
    }
}
