import Policy
import Surface

extension Rule {
    /// spf13/cobra or spf13/pflag replaced by another module or a folder, at the step where the replacement appears or
    /// changes (review R106).
    public static let libraryReplaced = Rule(
        id: .libraryReplaced, defaultSeverity: .warning, guards: nil,
        summary: "spf13/cobra or spf13/pflag is replaced by another module or a folder, newly or by another target",
        explanation: """
            semgate reads a command line as the published cobra and pflag build it. A `replace` of either in the \
            module's `go.mod` (or recorded in `vendor/modules.txt`, or in the nearest `go.work` at or above it when \
            that uses the module, whose `replace` overrides the module's), by another module (`=> github.com/example/cobra v1.2.3`, a fork) or \
            by a folder (`=> ./third_party/cobra`), or a `go.work` that uses a folder whose `go.mod` declares the \
            library's module path, makes go build other code, whose behaviour semgate cannot know: an \
            `AddCommand` that skips a name or a flag registration that does nothing would not be seen. Reported \
            at the step where the replacement appears or its target or version changes; a step that keeps the \
            same replacement says nothing (its vendored copy or folder is compared step to step by \
            `vendored-library-edited`), and going back to the library itself is checked against what it \
            published. A warning, not an error: projects have shipped forks of cobra for a while (k3d, tkn and \
            chezmoi in 2019-2020). A `replace` whose left side names another version than the one go selects (the \
            one `vendor/modules.txt` or `go.mod` names) replaces nothing and is not reported. A vendored copy stays \
            checked against what the library published unless `vendor/modules.txt` itself records the replacement \
            (a `go.work` replace does not apply with `GOWORK=off`, and then go builds `vendor/`).
            """,
        remedy: """
            Review what the replacement changes in the command line by hand (`git diff` of the fork against the \
            version it forks), then accept the step; or go back to the published library (drop the `replace`, \
            run `go mod tidy` and `go mod vendor`).
            """,
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "go.mod replaces cobra by a fork at this release", triggers: true,
                history: [ExampleRelease("1.0.0", ["cli:tool"])], head: ExampleRelease("1.0.1", ["cli:tool"]),
                vendoredCobra: (base: "v1.8.0 published", head: "v1.8.0 published => github.com/example/cobra v1.8.0")),
            RuleExample(
                "the same fork at the base and here", triggers: false,
                history: [ExampleRelease("1.0.0", ["cli:tool"])], head: ExampleRelease("1.0.1", ["cli:tool"]),
                vendoredCobra: (
                    base: "v1.8.0 published => github.com/example/cobra v1.8.0",
                    head: "v1.8.0 published => github.com/example/cobra v1.8.0"
                )),
        ],
        check: .release { context in
            context.after.libraryReplacements(since: context.before).map { edit in
                Violation(edit.message, item: edit.item, location: edit.location)
            }
        })
}
