extension Rule {
    /// A break that no Conventional Commit announces.
    public static let unannouncedBreak = Rule(
        id: .unannouncedBreak, defaultSeverity: .error, guards: .major,
        summary: "the surface broke but no commit since the base announces a breaking change",
        explanation: """
            With `signals: [conventional-commits]`, a change that needs a major must be announced by a commit \
            between base and head: `feat!:`, `fix(scope)!:` or a `BREAKING CHANGE:` footer (Conventional Commits \
            1.0.0). Changelog tools that read the commits would otherwise call the release a minor or patch.
            """,
        remedy: """
            Reword the commit that breaks the surface (or add one that announces it), restore the item, or set \
            `rules: {unannounced-break: warning}`.
            """,
        informationalInInitialDevelopment: false,
        examples: [
            RuleExample(
                "a removal in a commit that says fix:", triggers: true, policy: "signals: [conventional-commits]\n",
                history: [ExampleRelease("1.0.0", ["api:alpha", "api:beta stability=deprecated"])],
                head: ExampleRelease(nil, ["api:alpha"]), commits: ["fix: tidy the list"]),
            RuleExample(
                "the same removal announced with !", triggers: false, policy: "signals: [conventional-commits]\n",
                history: [ExampleRelease("1.0.0", ["api:alpha", "api:beta stability=deprecated"])],
                head: ExampleRelease(nil, ["api:alpha"]), commits: ["feat!: drop beta"]),
        ],
        check: .release { context in
            guard let messages = context.commitMessages,
                !messages.contains(where: { ConventionalCommit(message: $0)?.breaking == true })
            else { return [] }
            return context.promisedChanges.filter { $0.bump == .major }.map { change in
                Violation(
                    "\(change.kind.rawValue) \(change.id) needs a major release but no commit since the base "
                        + "announces a breaking change (feat!:, fix!: or a BREAKING CHANGE: footer)", about: change)
            }
        })
}
