extension Rule {
    /// A version that is not above the release it follows.
    public static let versionNotIncreasing = Rule(
        id: .versionNotIncreasing, defaultSeverity: .error, guards: nil,
        summary: "the version given to check is not greater than the release it follows",
        explanation: """
            `check --version V` names a version whose precedence is not above the base release, or that is already \
            released at another commit, so it cannot be the next release.
            """,
        remedy: "Pick a greater version (see `semgate next`), or pass the right --base.",
        informationalInInitialDevelopment: false,
        examples: [
            RuleExample(
                "--version 1.1.5 --base v1.2.0", triggers: true,
                history: [ExampleRelease("1.1.4", ["flags:--out"]), ExampleRelease("1.2.0", ["flags:--out"])],
                head: ExampleRelease("1.1.5", ["flags:--out"]), base: "1.2.0"),
            RuleExample(
                "--version 1.2.1 --base v1.2.0", triggers: false,
                history: [ExampleRelease("1.1.4", ["flags:--out"]), ExampleRelease("1.2.0", ["flags:--out"])],
                head: ExampleRelease("1.2.1", ["flags:--out"]), base: "1.2.0"),
        ],
        check: .release { context in
            var violations: [Violation] = []
            if let base = context.base, let version = context.version,
                !(base < version) || base.hasSamePrecedence(as: version)
            {
                violations.append(Violation("version \(version) is not greater than the base release \(base)"))
            }
            if let version = context.version, let released = context.alreadyReleased {
                violations.append(
                    Violation(
                        "version \(version) is already released as \(released.tag) (\(released.commit.short)); "
                            + "choose the next version (semgate next)", release: version.description))
            }
            return violations
        })
}
