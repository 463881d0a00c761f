import SemVer

extension Rule {
    /// A removal, demotion or breaking change shipped in a minor or patch.
    public static let breakingWithoutMajor = Rule(
        id: .breakingWithoutMajor, defaultSeverity: .error, guards: .major,
        summary: "a release or head needs major and did not get it",
        explanation: """
            A stable item was removed, demoted to experimental, or changed in an attribute the surface calls \
            breaking, and the version does not bump major. Users who upgrade within the major line would break.
            """,
        remedy: """
            Release it as the next major, restore the item, or record an exception for this release with a reason \
            (`exceptions: [{release: X.Y.Z, items: [...], reason: ...}]`).
            """,
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "a flag removed in a minor", triggers: true,
                history: [ExampleRelease("1.2.0", ["flags:--out", "flags:--verbose stability=deprecated"])],
                head: ExampleRelease("1.3.0", ["flags:--out"])),
            RuleExample(
                "the same removal in the next major", triggers: false,
                history: [ExampleRelease("1.2.0", ["flags:--out", "flags:--verbose stability=deprecated"])],
                head: ExampleRelease("2.0.0", ["flags:--out"])),
        ],
        check: .release { context in
            guard let actual = context.shippedBump, actual < .major else { return [] }
            return context.promisedChanges.filter { $0.bump == .major }.map { change in
                Violation(
                    "\(change.summary) needs a major release; \(context.shipped) is a \(actual)", about: change,
                    remedy: "release it as \(context.nextMajor), or "
                        + (change.kind == .removed ? "restore the item" : "undo the change")
                        + "; or \(context.exceptionHint([change.id]))")
            }
        })
}
