import Policy
import Surface
import Testing

@Suite("Policy: version files and signals")
struct PipelinePolicyTests {
    private func load(_ yaml: String) throws -> Policy {
        try PolicyLoader.load(yaml: yaml, file: "p.yml", origin: .file(path: "p.yml"))
    }

    @Test("version-file takes one {path, pattern} or a list, in lookup order")
    func versionFile() throws {
        let one = try load(
            """
            semgate: 1
            releases:
              version-file: {path: ./version.go, pattern: 'Version = "(?<version>[^"]+)"'}
            """)
        #expect(one.releases.versionFiles.map(\.path) == ["version.go"])
        let two = try load(
            """
            semgate: 1
            releases:
              version-file:
                - path: internal/build/version.go
                  pattern: 'Version = "(?<version>[^"]+)"'
                - path: lib/consts/consts.go
                  pattern: 'Version = "(?<version>[^"]+)"'
            """)
        #expect(two.releases.versionFiles.map(\.path) == ["internal/build/version.go", "lib/consts/consts.go"])
        #expect(two.releases.versionFiles[0].pattern.groupNames.contains("version"))
    }

    @Test(
        "version-file mistakes are reported at their position with the fix",
        arguments: [
            (
                "  version-file: {path: v.go, pattern: '\"(?<name>.+)\"'}\n",
                "3:39: pattern '\"(?<name>.+)\"' in 'version-file' in 'releases' has no group named 'version'; "
                    + "wrap the version in (?<version>...)"
            ),
            (
                "  version-file: {pattern: '(?<version>.+)'}\n",
                "3:17: 'version-file' in 'releases' has no 'path'; add the file that declares the version, "
                    + "e.g. path: version.go"
            ),
            (
                "  version-file: {path: v.go, patern: x}\n",
                "3:17: 'version-file' in 'releases' has no 'pattern'; add one with a (?<version>...) group\n"
                    + "3:30: unknown key 'patern' in 'version-file' in 'releases'; did you mean 'pattern'?"
            ),
            (
                "  version-file: [{path: ../v.go, pattern: '(?<version>.+)'}]\n",
                "3:25: path '../v.go' for 'path' in 'version-file' in 'releases' must stay inside the "
                    + "repository; write it relative to its root"
            ),
            (
                "  version-file: v.go\n",
                "3:17: expected a mapping with 'path' and 'pattern' for 'version-file' in 'releases', found "
                    + "'v.go'; write it like {path: internal/build/version.go, pattern: "
                    + "'Version = \"(?<version>[^\"]+)\"'}"
            ),
        ])
    func versionFileDiagnostics(line: String, expected: String) {
        #expect(diagnostics("semgate: 1\nreleases:\n" + line).joined(separator: "\n") == expected)
    }

    @Test("signals: conventional-commits is the one signal; others get a did-you-mean")
    func signals() throws {
        let policy = try load("semgate: 1\nsignals: [conventional-commits]\n")
        #expect(policy.signals == [.conventionalCommits])
        #expect(try load("semgate: 1\n").signals.isEmpty)
        #expect(
            diagnostics("semgate: 1\nsignals: [conventional-commit]\n") == [
                "2:11: unknown signal 'conventional-commit' in 'signals'; the signals are: conventional-commits; "
                    + "did you mean 'conventional-commits'?"
            ])
        #expect(
            diagnostics("semgate: 1\nsignals: conventional-commits\n") == [
                "2:10: expected a list of strings for 'signals', found 'conventional-commits'; write it like "
                    + "[\"conventional-commits\"]"
            ])
    }

    @Test("the new rules have severities a policy may override")
    func rules() throws {
        let policy = try load("semgate: 1\nrules: {unannounced-break: warning, version-file-mismatch: off}\n")
        #expect(policy.severityOverrides == [.unannouncedBreak: .warning, .versionFileMismatch: .off])
    }
}
