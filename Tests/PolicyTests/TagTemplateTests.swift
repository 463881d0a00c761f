import Policy
import Testing

@Suite("TagTemplate")
struct TagTemplateTests {
    static let table: [(template: String, tag: String, version: String?)] = [
        ("v{version}", "v1.2.3", "1.2.3"),
        ("v{version}", "v2.0.0-rc.1+build.5", "2.0.0-rc.1+build.5"),
        ("v{version}", "1.2.3", nil),
        ("v{version}", "v", nil),
        ("v{version}", "cli/v1.2.3", nil),
        ("cli/v{version}", "cli/v1.2.3", "1.2.3"),
        ("cli/v{version}", "v1.2.3", nil),
        ("cli/v{version}", "lib/v1.2.3", nil),
        ("{version}", "1.2.3", "1.2.3"),
        ("{version}", "v1.2.3", "v1.2.3"),
        ("{version}", "", nil),
        ("release-{version}-final", "release-1.0.0-final", "1.0.0"),
        ("release-{version}-final", "release-1.0.0", nil),
        ("release-{version}-final", "release--final", nil),
        ("release-{version}-final", "release-final", nil),
        ("é/{version}", "é/1.0.0", "1.0.0"),
    ]

    @Test(arguments: table)
    func versionText(template: String, tag: String, version: String?) throws {
        let tagTemplate = try TagTemplate(template)
        #expect(tagTemplate.versionText(fromTag: tag) == version)
        if let version {
            #expect(tagTemplate.tag(for: version) == tag)
        }
    }

    @Test func defaultIsV() throws {
        #expect(TagTemplate.default.template == "v{version}")
        #expect(try TagTemplate("v{version}") == .default)
        #expect(TagTemplate.default.tag(for: "1.0.0") == "v1.0.0")
    }

    static let invalid: [(template: String, message: String)] = [
        ("v", "tag template 'v' has no '{version}'; write it like 'v{version}' or 'cli/v{version}'"),
        (
            "{version}-{version}",
            "tag template '{version}-{version}' has '{version}' more than once; "
                + "write it like 'v{version}' or 'cli/v{version}'"
        ),
        ("v{ver}", "tag template 'v{ver}' has no '{version}'; write it like 'v{version}' or 'cli/v{version}'"),
        (
            "{name}/v{version}",
            "tag template '{name}/v{version}' may use only the placeholder '{version}'; remove the other braces"
        ),
    ]

    @Test(arguments: invalid)
    func rejects(template: String, message: String) {
        #expect(throws: PolicyValueError(message: message)) { try TagTemplate(template) }
    }
}

@Suite("Rule table")
struct RuleTests {
    @Test func ruleIDs() {
        #expect(
            RuleID.allCases.map(\.id) == [
                "breaking-without-major", "feature-in-patch", "deprecation-in-patch", "removed-without-deprecation",
                "deprecation-window", "tag-not-semver", "duplicate-version", "minor-on-supported-line",
                "version-not-increasing", "bump-not-allowed", "version-file-mismatch", "unannounced-break",
                "source-syntax-error", "promotion-window", "removal-condition", "hidden-at-run-time",
                "registered-at-run-time",
                "vendored-library-edited", "library-replaced",
            ])
        #expect(RuleID.allCases.sorted() == RuleID.allCases)
        #expect(RuleID.allCases.allSatisfy { RuleID(id: $0.id) == $0 })
    }

    @Test func severityOrder() {
        #expect(Severity.allCases.sorted() == [.off, .note, .warning, .error])
        #expect(Severity.note < .warning)
        #expect(Stability.stable < .experimental && Stability.experimental < .deprecated)
    }
}
