import SemVer

extension Rule {
    /// A deprecation shipped in a patch.
    public static let deprecationInPatch = Rule(
        id: .deprecationInPatch, defaultSeverity: .error, guards: .minor,
        summary: "a deprecation shipped in a patch",
        explanation: """
            An item became deprecated in a patch release. A deprecation tells users to change their code, which \
            is news for a minor release, not a fix.
            """,
        remedy: "Release it as the next minor, or postpone the deprecation to the next minor.",
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "an option deprecated in a patch", triggers: true,
                history: [ExampleRelease("1.2.0", ["options:no-summary"])],
                head: ExampleRelease("1.2.1", ["options:no-summary stability=deprecated"])),
            RuleExample(
                "the same deprecation in a minor", triggers: false,
                history: [ExampleRelease("1.2.0", ["options:no-summary"])],
                head: ExampleRelease("1.3.0", ["options:no-summary stability=deprecated"])),
        ],
        check: .release { context in
            guard let actual = context.shippedBump, actual < .minor else { return [] }
            return context.promisedChanges.filter { $0.bump == .minor && $0.kind == .deprecated }.map { change in
                Violation(
                    "\(change.summary) needs a minor release; \(context.shipped) is a \(actual)", about: change,
                    remedy: "release it as \(context.nextMinor), or leave the change for the next minor")
            }
        })
}
