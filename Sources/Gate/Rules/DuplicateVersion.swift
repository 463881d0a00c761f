extension Rule {
    /// Two release tags of equal precedence.
    public static let duplicateVersion = Rule(
        id: .duplicateVersion, defaultSeverity: .error, guards: nil,
        summary: "release-tag hygiene: two releases have equal precedence",
        explanation: """
            Two release tags differ only in build metadata (`1.2.0+a`, `1.2.0+b`). SemVer gives them the same \
            precedence, so neither is unambiguously the release; semgate uses the first by tag name.
            """,
        remedy: "Delete one of the tags, or list it under `releases.ignore`.",
        informationalInInitialDevelopment: false,
        examples: [
            RuleExample("one version tagged twice", triggers: true, tags: ["v1.2.0", "v1.2.0+build.1"]),
            RuleExample("one tag a version", triggers: false, tags: ["v1.2.0", "v1.2.1+build.1"]),
        ],
        check: .tag { $0.violation })
}
