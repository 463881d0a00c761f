import Surface

extension Rule {
    /// A stable item removed that no earlier release deprecated.
    public static let removedWithoutDeprecation = Rule(
        id: .removedWithoutDeprecation, defaultSeverity: .error, guards: .major,
        summary: "a stable item was removed that no earlier release marked deprecated",
        explanation: """
            A stable item disappeared without having been deprecated in an earlier release (in the code, or under \
            `deprecations:` in the policy). Users had no release in which to see the warning and move off it, \
            whatever the version number says.
            """,
        remedy: """
            Restore it and deprecate it in a minor first (with the marker its surface reads, or under \
            `deprecations:` in the policy), then remove it in the next major; or record an exception for this \
            release with a reason; or set `rules: {removed-without-deprecation: warning}` if the project does not \
            promise deprecations.
            """,
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "a flag removed in a major without a deprecation", triggers: true,
                history: [ExampleRelease("1.2.0", ["flags:--out", "flags:--verbose"])],
                head: ExampleRelease("2.0.0", ["flags:--out"])),
            RuleExample(
                "a flag deprecated in 1.2.0 and removed in 2.0.0", triggers: false,
                history: [ExampleRelease("1.2.0", ["flags:--out", "flags:--verbose stability=deprecated"])],
                head: ExampleRelease("2.0.0", ["flags:--out"])),
        ],
        check: .release { context in
            // A removal the extractor does not claim (bump below major: a member of a Go type moved behind an alias
            // to another package) is no finding.
            let removals = context.promisedChanges.filter { change in
                change.kind == .removed && change.bump == .major
                    && change.before.map { $0.stability != .deprecated } == true
            }
            // What the source cannot show (a notice printed at run time, a plugin, a subcommand that replaced an
            // argument) is said rather than assumed away: the removal is real, its announcement may not be. Asked
            // once a surface, for all its removals.
            var notes: [Int: String] = [:]
            for (surfaceName, indices) in Dictionary(grouping: removals.indices, by: { removals[$0].surface }) {
                guard let surface = context.policy.surface(named: surfaceName) else { continue }
                let items = indices.compactMap { removals[$0].before }
                guard items.count == indices.count else { continue }
                let said = Extractors.removalNotes(of: surface, items, before: context.before, after: context.after)
                for (index, note) in zip(indices, said) { notes[index] = note }
            }
            return removals.indices.compactMap { index -> Violation? in
                let change = removals[index]
                guard change.before != nil else { return nil }
                let note = notes[index]
                let declare =
                    note == nil
                    ? ""
                    : "if an earlier release announced it where semgate cannot read, declare that: deprecations: "
                        + "[{item: \"\(change.id)\", since: VERSION}]; else "
                return Violation(
                    "\(change.id) was removed but no earlier release marked it deprecated"
                        + (note.map { " in the code (\($0))" } ?? ""), about: change,
                    remedy:
                        declare + "restore it and \(context.deprecationHint(change)), then remove it in "
                        + "\(context.nextMajor); or \(context.exceptionHint([change.id]))")
            }
        })
}
