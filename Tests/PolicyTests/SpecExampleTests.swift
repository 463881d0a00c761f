import Policy
import SemVer
import Surface
import Testing

/// The policy example of SPEC.md, exactly as written there.
let specExample = #"""
    semgate: 1                          # format version, required
    project: example
    releases:
      tag: "v{version}"
      ignore: ["v1.4.1-release*"]       # tag globs that are never releases
      initial-development: semver       # semver | shifted
    surfaces:                           # the allow-list: only what these extract is promised
      metrics:
        extract:
          regex:
            files: ["metrics/builtin.go", "lib/metrics/*.go"]   # globs; ** crosses folders
            pattern: 'NewMetric\("(?<name>[a-z_]+)",\s*(?<type>Counter|Gauge|Trend|Rate)'
        breaking: [type]                # attributes whose change is breaking (default: all)
      options:
        extract:
          list: policy/options.txt      # a declared list committed in the repository
      packages:
        extract:
          go-packages: {}               # public Go packages: not internal/, testdata/, vendor/
        exclude: ["**/internal/**"]
    experimental: ["packages:**/experimental/**"]   # item globs, surface:key
    deprecations:
      - item: "options:no-summary"
        since: 1.3.0
        remove-in: 2.0.0
        use-instead: "summary-mode=disabled"
    exceptions:
      - release: 1.2.0
        items: ["packages:example.com/mod/cmd/state"]
        reason: "accepted rename, see #5019"
    rules:                              # severity per rule id: error | warning | off
      removed-without-deprecation: warning
    """#

@Suite("The SPEC example policy")
struct SpecExampleTests {
    let policy: Policy

    init() throws {
        policy = try PolicyLoader.load(yaml: specExample, file: "semgate.yml", origin: .file(path: "semgate.yml"))
    }

    @Test func topLevel() {
        #expect(policy.formatVersion == 1)
        #expect(policy.project == "example")
        #expect(policy.origin == .file(path: "semgate.yml"))
    }

    @Test func releases() {
        #expect(policy.releases.tag == .default)
        #expect(policy.releases.tag.template == "v{version}")
        #expect(policy.releases.ignore.map(\.pattern) == ["v1.4.1-release*"])
        #expect(policy.releases.ignore[0].matches("v1.4.1-release-candidate"))
        #expect(!policy.releases.ignore[0].matches("v1.4.1"))
        #expect(policy.releases.initialDevelopment == .semver)
    }

    @Test func surfacesInFileOrder() throws {
        #expect(policy.surfaces.map(\.name) == ["metrics", "options", "packages"])

        let metrics = policy.surfaces[0]
        #expect(metrics.breaking == ["type"])
        #expect(metrics.isBreaking(attribute: "type"))
        #expect(!metrics.isBreaking(attribute: "unit"))
        #expect(metrics.include.isEmpty && metrics.exclude.isEmpty)
        try #require(metrics.extractors.count == 1)
        guard let regex = metrics.extractors[0] as? RegexExtractorSpec else {
            Issue.record("expected a regex extractor, got \(metrics.extractors[0].kind)")
            return
        }
        #expect(regex.files.map(\.pattern) == ["metrics/builtin.go", "lib/metrics/*.go"])
        #expect(regex.pattern.source == #"NewMetric\("(?<name>[a-z_]+)",\s*(?<type>Counter|Gauge|Trend|Rate)"#)
        #expect(Set(regex.pattern.groupNames) == ["name", "type"])
        #expect(regex.key == nil)
        #expect(regex.stability == nil)

        let options = policy.surfaces[1]
        #expect(options.breaking == nil)
        #expect(options.isBreaking(attribute: "anything"))
        guard let list = try #require(options.extractors.first) as? ListExtractorSpec else {
            Issue.record("expected a list extractor")
            return
        }
        #expect(list.path == "policy/options.txt")

        let packages = policy.surfaces[2]
        guard let go = try #require(packages.extractors.first) as? GoPackagesExtractorSpec else {
            Issue.record("expected a go-packages extractor")
            return
        }
        #expect(go.root == "")
        #expect(packages.exclude.map(\.pattern) == ["**/internal/**"])
        #expect(!packages.admits(key: "example.com/mod/internal/x"))
        #expect(packages.admits(key: "example.com/mod/cmd/state"))
    }

    @Test func experimentalDeprecationsExceptionsRules() throws {
        #expect(policy.experimental.map(\.pattern) == ["packages:**/experimental/**"])

        let deprecation = try #require(policy.deprecations.first)
        #expect(policy.deprecations.count == 1)
        #expect(deprecation.item == "options:no-summary")
        #expect(deprecation.surface == "options")
        #expect(deprecation.key == "no-summary")
        #expect(deprecation.since == Version.parse("1.3.0"))
        #expect(deprecation.removeIn == Version.parse("2.0.0"))
        #expect(deprecation.useInstead == "summary-mode=disabled")
        #expect(deprecation.line == 23)

        let exception = try #require(policy.exceptions.first)
        #expect(policy.exceptions.count == 1)
        #expect(exception.release == Version.parse("1.2.0"))
        #expect(exception.items.map(\.pattern) == ["packages:example.com/mod/cmd/state"])
        #expect(exception.covers(item: "packages:example.com/mod/cmd/state"))
        #expect(exception.reason == "accepted rename, see #5019")

        #expect(policy.severityOverrides == [.removedWithoutDeprecation: .warning])
    }
}

@Suite("Loading options")
struct LoadingTests {
    @Test func minimalPolicyUsesDefaults() throws {
        let policy = try PolicyLoader.load(yaml: "semgate: 1\n", file: "p.yml", origin: .defaults(reason: "test"))
        #expect(policy.project == nil)
        #expect(policy.surfaces.isEmpty)
        #expect(policy.releases.tag.template == "v{version}")
        #expect(policy.releases.initialDevelopment == .semver)
        #expect(policy.severityOverrides.isEmpty)
    }

    @Test func extractListUnitesKindsInOrder() throws {
        let yaml = """
            semgate: 1
            releases:
              tag: "cli/v{version}"
              initial-development: shifted
            surfaces:
              flags:
                extract:
                  - regex:
                      files: ["cmd/**/*.go"]
                      pattern: 'Flags\\(\\)\\.String\\("(?<name>[a-z-]+)"'
                      key: "{stem} --{name}"
                      stability: experimental
                    list: old/flags.txt
                  - list: {path: ./policy/flags.txt}
                  - go-packages: {root: tools/}
                breaking: []
                include: ["run *"]
            """
        let policy = try PolicyLoader.load(yaml: yaml, file: "p.yml", origin: .revision(rev: "main", path: "p.yml"))
        #expect(policy.releases.tag.template == "cli/v{version}")
        #expect(policy.releases.initialDevelopment == .shifted)
        let flags = try #require(policy.surfaces.first)
        #expect(flags.extractors.map(\.kind) == ["regex", "list", "list", "go-packages"])
        #expect(flags.breaking == [])
        #expect(!flags.isBreaking(attribute: "type"))
        #expect(flags.admits(key: "run --quiet") && !flags.admits(key: "cloud --quiet"))
        if let regex = flags.extractors[0] as? RegexExtractorSpec {
            #expect(regex.key == "{stem} --{name}")
            #expect(regex.stability == .experimental)
        } else {
            Issue.record("first extractor should be the regex")
        }
        if let list = flags.extractors[2] as? ListExtractorSpec { #expect(list.path == "policy/flags.txt") }
        if let go = flags.extractors[3] as? GoPackagesExtractorSpec { #expect(go.root == "tools") }
    }

    @Test func keyTemplateMayReplaceTheNameGroup() throws {
        let yaml = """
            semgate: 1
            surfaces:
              commands:
                extract:
                  regex:
                    files: ["cmd/*.go"]
                    pattern: 'Use:\\s*"(?<command>[a-z]+)'
                    key: "{stem} {command}"
            """
        let policy = try PolicyLoader.load(yaml: yaml, file: "p.yml", origin: .file(path: "p.yml"))
        guard let regex = try #require(policy.surfaces.first?.extractors.first) as? RegexExtractorSpec else {
            Issue.record("expected a regex extractor")
            return
        }
        #expect(regex.key == "{stem} {command}")
        #expect(regex.pattern.groupNames == ["command"])
    }

    @Test func aliasProblemsPointAtTheAnchor() {
        let yaml = """
            semgate: 1
            releases:
              ignore: &bad ["x["]
            surfaces:
              m:
                extract: {list: l}
                include: *bad
            """
        let found = diagnostics(yaml)
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.hasPrefix("3:17: invalid glob 'x[': unclosed '['") })
    }

    @Test func severitiesAreReadAsWrittenNotAsYAMLBooleans() throws {
        let yaml = """
            semgate: 1
            rules:
              tag-not-semver: off
              minor-on-supported-line: error
              feature-in-patch: warning
            """
        let policy = try PolicyLoader.load(yaml: yaml, file: "p.yml", origin: .file(path: "p.yml"))
        #expect(
            policy.severityOverrides == [
                .tagNotSemver: .off, .minorOnSupportedLine: .error, .featureInPatch: .warning,
            ])
    }

    @Test func searchPathsInLookupOrder() {
        #expect(PolicyLoader.searchPaths == [".semgate.yml", "semgate.yml", "policy/semgate.yml"])
    }
}
