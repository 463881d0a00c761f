import Lifecycle

extension Rule {
    /// A minor release on a line that takes only patches.
    public static let minorOnSupportedLine = Rule(
        id: .minorOnSupportedLine, defaultSeverity: .warning, guards: .minor,
        summary: "a minor release on a line that the support policy says only takes patches",
        explanation: """
            A minor (or major) release was made on a release line whose phase under the policy's `support` \
            section took only patches (or nothing) on the day it was published, for example a 1.x minor after \
            2.0.0 shipped under the k6 preset.
            """,
        remedy: "Ship the feature on the actively maintained line instead (see `semgate support`).",
        informationalInInitialDevelopment: false,
        examples: [
            RuleExample(
                "a 1.x minor after 2.0.0 under the k6 preset", triggers: true, policy: "support: {preset: k6}\n",
                history: [ExampleRelease("1.5.0", "2024-01-10", []), ExampleRelease("2.0.0", "2024-03-01", [])],
                head: ExampleRelease("1.6.0", "2024-04-01", [])),
            RuleExample(
                "a 1.x patch after 2.0.0", triggers: false, policy: "support: {preset: k6}\n",
                history: [ExampleRelease("1.5.0", "2024-01-10", []), ExampleRelease("2.0.0", "2024-03-01", [])],
                head: ExampleRelease("1.5.1", "2024-04-01", [])),
        ],
        check: .release { context in
            guard let support = context.policy.support, let version = context.version,
                let message = Support.minorOnSupportedLine(
                    ReleasePoint(version: version, day: context.day), releases: context.releases, policy: support)
            else { return [] }
            return [Violation(message)]
        })
}
