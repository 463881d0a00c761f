import Policy
import Surface

extension Rule {
    /// A stable item registered on every run that is now registered only under a condition the program decides when
    /// it runs.
    public static let registeredAtRunTime = Rule(
        id: .registeredAtRunTime, defaultSeverity: .warning, guards: nil,
        summary: "a stable item that was registered on every run is now registered only under a condition decided when the program runs",
        explanation: """
            A flag or command that the program registers only under a condition it decides when it runs (`if \
            os.Getenv("X") != "" { cmd.Flags().Bool(...) }`, a helper that returns early, a loop over what the \
            environment gives: the surface shows it with `registered-when`, the condition as written) may be missing \
            from some runs. Where the default run decides the condition false (no environment variable set but the \
            system's, viper's values unset) the item also carries `registered-by-default=false`, a breaking attribute: \
            users lose it, and the change needs a major. Here semgate cannot decide the condition (a variable the \
            system sets, a program that sets the variable or viper's value, a call it cannot follow): the item may be \
            there in every run users make, or in none. The step is worth seeing in the pull request.
            """,
        remedy: """
            Nothing is needed when the condition holds wherever users run the program (a feature switch on by \
            default). If the item may go missing, release it as the next major, or register it on every run and \
            reject the value instead; or set `rules: {registered-at-run-time: off}`.
            """,
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "a command added on every run is now added only when a call decides", triggers: true,
                history: [ExampleRelease("1.0.0", ["cli:run", "cli:serve"])],
                head: ExampleRelease("1.1.0", ["cli:run", "cli:serve registered-when=isBeta()"])),
            RuleExample(
                "a beta added so, or a command now added on every run",
                triggers: false,
                history: [ExampleRelease("1.0.0", ["cli:run", "cli:serve registered-when=isBeta()"])],
                head: ExampleRelease("1.1.0", ["cli:run", "cli:serve", "cli:beta registered-when=isBeta()"])),
        ],
        check: .release { context in
            // A change of attributes and a deprecation of one item are two changes: one step.
            var seen: Set<String> = []
            let stepped = context.promisedChanges.filter { change in
                guard let before = change.before, let after = change.after, !seen.contains(change.id) else {
                    return false
                }
                // Not registered by default is a break, judged by `registered-by-default` itself.
                return before.attributes["registered-when"] == nil && after.attributes["registered-when"] != nil
                    && after.attributes["registered-by-default"] != "false" && seen.insert(change.id).inserted
            }
            return RunTimeHidden.stepGroups(stepped, by: "registered-when").map { group -> Violation in
                let when =
                    group.value == "?" ? "under a condition semgate cannot spell" : "only when `\(group.value)` holds"
                let one = group.count == 1
                return Violation(
                    group.named + " \(one ? "was" : "were") registered on every run and "
                        + "\(one ? "is" : "are") now registered \(when), which the program decides when it runs "
                        + "and semgate cannot: \(one ? "it" : "they") may be missing where users run it",
                    about: group.first)
            }
        })
}
