import SemVer

extension Rule {
    /// An addition or promotion shipped in a patch.
    public static let featureInPatch = Rule(
        id: .featureInPatch, defaultSeverity: .error, guards: .minor,
        summary: "an addition or promotion shipped in a patch",
        explanation: """
            A stable item was added, or promoted from experimental, in a patch release. Patches promise fixes \
            only: a user who pins a minor line would get new surface they cannot rely on in the previous patch.
            """,
        remedy: """
            Release it as the next minor, mark the item experimental, or move it out of the surface's include \
            globs.
            """,
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "a metric added in a patch", triggers: true,
                history: [ExampleRelease("1.2.0", ["metrics:vus type=gauge"])],
                head: ExampleRelease("1.2.1", ["metrics:vus type=gauge", "metrics:iterations type=counter"])),
            RuleExample(
                "an experimental metric added in a patch", triggers: false,
                history: [ExampleRelease("1.2.0", ["metrics:vus type=gauge"])],
                head: ExampleRelease(
                    "1.2.1", ["metrics:vus type=gauge", "metrics:iterations type=counter stability=experimental"])),
        ],
        check: .release { context in
            guard let actual = context.shippedBump, actual < .minor else { return [] }
            return context.promisedChanges.filter { $0.bump == .minor && $0.kind != .deprecated }.map { change in
                Violation(
                    "\(change.summary) needs a minor release; \(context.shipped) is a \(actual)", about: change,
                    remedy: "release it as \(context.nextMinor), or leave the change for the next minor")
            }
        })
}
