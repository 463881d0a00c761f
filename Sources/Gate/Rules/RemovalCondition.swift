import Lifecycle
import Policy

extension Rule {
    /// A deprecated item removed before the support phase its `remove-when` names was reached.
    public static let removalCondition = Rule(
        id: .removalCondition, defaultSeverity: .error, guards: .major,
        summary: "a deprecated item was removed before the support phase its `remove-when` names was reached",
        explanation: """
            A deprecation in the policy says when its item may go in terms of the support phases `semgate support` \
            computes: `remove-when: line 1 deprecated` keeps the item while release line 1 is still maintained or \
            supported, because users of that line depend on it. The item was removed in a release after which the \
            line had not yet reached that phase (the release itself counts: a 3.0.0 that moves line 1 to deprecated \
            under the k6 preset may remove it).
            """,
        remedy: """
            Keep the item until the condition holds (`semgate deprecations` shows whether it does and when the \
            cadence expects it), change `remove-when` in the policy's deprecations, or record an exception for this \
            release with a reason.
            """,
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "removed in 2.0.0 while line 1 is still supported", triggers: true,
                policy: """
                    support: {preset: k6}
                    deprecations:
                      - {item: "api:legacy-client", since: 1.1.0, remove-when: line 1 deprecated}

                    """,
                history: [
                    ExampleRelease("1.0.0", "2024-01-10", ["api:legacy-client", "api:client"]),
                    ExampleRelease("1.1.0", "2024-03-01", ["api:legacy-client", "api:client"]),
                ],
                head: ExampleRelease("2.0.0", "2024-06-03", ["api:client"])),
            RuleExample(
                "removed in 3.0.0, which moves line 1 to deprecated", triggers: false,
                policy: """
                    support: {preset: k6}
                    deprecations:
                      - {item: "api:legacy-client", since: 1.1.0, remove-when: line 1 deprecated}

                    """,
                history: [
                    ExampleRelease("1.1.0", "2024-03-01", ["api:legacy-client", "api:client"]),
                    ExampleRelease("2.0.0", "2024-06-03", ["api:legacy-client", "api:client"]),
                ],
                head: ExampleRelease("3.0.0", "2025-06-02", ["api:client"])),
        ],
        check: .release { context in
            guard let support = context.policy.support, let target = context.target else { return [] }
            var violations: [Violation] = []
            for change in context.promisedChanges where change.kind == .removed {
                guard change.before?.stability == .deprecated,
                    let condition = context.policy.declaration(of: change.id)?.removeWhen
                else { continue }
                let status = Support.evaluate(
                    condition, whenShipping: ReleasePoint(version: target, day: context.day),
                    releases: context.releases, policy: support)
                guard !status.holds else { continue }
                let now =
                    status.phase.map { "line \(condition.line) is still \($0)" }
                    ?? "line \(condition.line) has no release"
                violations.append(
                    Violation(
                        "\(change.id) was removed in \(target) but its deprecation says remove-when \(condition); "
                            + "with \(target) out on \(context.day), \(now)", about: change))
            }
            return violations
        })
}
