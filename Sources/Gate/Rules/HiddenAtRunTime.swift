import Policy
import Surface

extension Rule {
    /// A stable item shown for sure whose help now hides it by a value the program decides when it runs.
    public static let hiddenAtRunTime = Rule(
        id: .hiddenAtRunTime, defaultSeverity: .warning, guards: nil,
        summary: "a stable item that was shown for sure is now hidden or not by a value decided when the program runs",
        explanation: """
            Under `hidden: experimental`, an item whose `Hidden` the program decides when it runs (`Hidden: \
            !isBeta()`, `Hidden: os.Getenv("X") == "1"`: the surface shows it with `hidden-when`) may be hidden, so \
            findings about it are at most warnings. That holds only for items never shown for sure: here a release \
            showed the item for sure and this one gives it such a `Hidden`. Nothing users see may change, but the step \
            is worth seeing in the pull request: removals and changes of the item, and of what is under it, keep their \
            severity in later releases, because users relied on it.
            """,
        remedy: """
            Nothing is needed when the `Hidden` is meant (a feature switch). If the item is on its way out, deprecate \
            it instead, in a minor; or set `rules: {hidden-at-run-time: off}`.
            """,
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "a shown command gets a Hidden decided when the program runs", triggers: true,
                policy: "hidden: experimental\n",
                history: [ExampleRelease("1.0.0", ["cli:run"])],
                head: ExampleRelease("1.1.0", ["cli:run hidden-when=isBeta"])),
            RuleExample(
                "a command added with such a Hidden (a beta)", triggers: false,
                policy: "hidden: experimental\n",
                history: [ExampleRelease("1.0.0", ["cli:run"])],
                head: ExampleRelease("1.1.0", ["cli:run", "cli:beta hidden-when=isBeta"])),
        ],
        check: .release { context in
            guard context.policy.hidden == .experimental else { return [] }
            // A change of attributes and a deprecation of one item are two changes: one step.
            var seen: Set<String> = []
            let stepped = context.promisedChanges.filter { change in
                guard let before = change.before, let after = change.after, !seen.contains(change.id) else {
                    return false
                }
                return before.attributes["hidden"] != "true" && !StabilityRuns.isRunTimeHidden(before)
                    && StabilityRuns.isRunTimeHidden(after) && seen.insert(change.id).inserted
            }
            // One finding for the items one expression hides (a table of options whose `Hidden` semgate cannot
            // decide, rclone 1.68.0: 415 flags), naming the first five.
            return RunTimeHidden.stepGroups(stepped, by: "hidden-when").map { group -> Violation in
                let when = group.value == "?" ? "by a value semgate cannot decide" : "when `\(group.value)` holds"
                let one = group.count == 1
                return Violation(
                    group.named + " \(one ? "was" : "were") shown for sure and \(one ? "is" : "are") "
                        + "now hidden \(when), which the program decides when it runs; semgate keeps judging "
                        + "\(one ? "it" : "them") as shown: \(one ? "its" : "their") removals and changes keep "
                        + "their severity",
                    about: group.first)
            }
        })
}
