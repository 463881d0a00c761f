extension Rule {
    /// Changes that need a larger bump than `--allow` permits.
    public static let bumpNotAllowed = Rule(
        id: .bumpNotAllowed, defaultSeverity: .error, guards: nil,
        summary: "the changes need a larger bump than --allow permits on this branch",
        explanation: """
            `check --allow LEVEL` caps the bump a branch may take (for example `--allow minor` on a maintenance \
            branch), and the surface changes need more.
            """,
        remedy: "Revert the change that needs the larger bump, move it to a branch that allows it, or raise --allow.",
        informationalInInitialDevelopment: false,
        examples: [
            RuleExample(
                "a removal on a branch that allows minor", triggers: true,
                history: [ExampleRelease("1.2.0", ["flags:--out", "flags:--verbose stability=deprecated"])],
                head: ExampleRelease(nil, ["flags:--out"]), allow: .minor),
            RuleExample(
                "an addition on a branch that allows minor", triggers: false,
                history: [ExampleRelease("1.2.0", ["flags:--out"])],
                head: ExampleRelease(nil, ["flags:--out", "flags:--quiet"]), allow: .minor),
        ],
        check: .release { context in
            guard let allow = context.allow, context.required > allow else { return [] }
            let over = context.changes.filter { $0.bump > allow }
            let named =
                over.prefix(5).map(\.summary).joined(separator: ", ")
                + (over.count > 5 ? ", and \(over.count - 5) more" : "")
            let single = over.count == 1 ? over.first : nil
            return [
                Violation(
                    "the changes need a \(context.required) release but only \(allow) changes are allowed here: "
                        + named, location: single?.location)
            ]
        })
}
