extension Rule {
    /// A tag that matches the release template but whose version is not SemVer.
    public static let tagNotSemver = Rule(
        id: .tagNotSemver, defaultSeverity: .warning, guards: nil,
        summary: "release-tag hygiene: a tag matches the template but its version is not SemVer",
        explanation: """
            A tag matches the release tag template but its version part is not strict SemVer 2.0.0 (for example \
            `v1.2` or `v01.2.3`), so it is not a release and is not judged.
            """,
        remedy: "Tag the release again with a valid version, or list the tag under `releases.ignore`.",
        informationalInInitialDevelopment: false,
        examples: [
            RuleExample("a tag without a patch number", triggers: true, tags: ["v1.2.0", "v1.3"]),
            RuleExample("SemVer tags only", triggers: false, tags: ["v1.2.0", "v1.3.0"]),
        ],
        check: .tag { $0.violation })
}
