import Policy
import Surface

extension Rule {
    /// A vendored spf13/cobra or spf13/pflag that is not the published release `vendor/modules.txt` names, or that
    /// changed while it names the same version (review R106).
    public static let vendoredLibraryEdited = Rule(
        id: .vendoredLibraryEdited, defaultSeverity: .error, guards: nil,
        summary:
            "a vendored spf13/cobra or spf13/pflag is not what `vendor/modules.txt` says: not the published release, "
            + "or changed at the same version",
        explanation: """
            semgate reads a command line as the published cobra and pflag build it: which commands and flags a call \
            adds, the commands cobra adds by itself, hidden and deprecated marks, shorthands. `go build` takes both \
            from the module's `vendor/` folder when `vendor/modules.txt` is there, so an edit of the copy (an \
            `AddCommand` that skips a name, a flag registration that does nothing, every flag hidden) changes what \
            users can type while every file semgate reads stays the same, and the surface shows no change. A file \
            `go build` reads (Go, assembly, C; not tests) that changed, appeared or went in \
            `vendor/github.com/spf13/cobra` or `vendor/github.com/spf13/pflag` (any letter case: a case-insensitive \
            checkout builds `Vendor/` too) while `vendor/modules.txt` names the same version of the module is such an \
            edit. A copy behind a symbolic link or submodule cannot be compared and counts as one. Each copy is \
            also checked against what the library published, at every release and head whatever the base held (an \
            edit made with a version bump, present since the first release, or in the first vendored copy): when \
            `vendor/modules.txt` names a release semgate's table holds (generated from cobra's and pflag's \
            repositories), every built file of each package folder the copy holds must be that release's file, and \
            no other may be there (a package the program does not import may be left out, as `go mod vendor` \
            does); for a pseudo-version or a release newer than the table, every built file must be one the path \
            had somewhere in the library's history, else the copy cannot be compared. A copy that \
            `vendor/modules.txt` records as a replacement's (`=> github.com/example/cobra v1.8.0`, or a folder; \
            see `library-replaced`) is not checked against the table; while the same replacement stays, it is \
            compared step to step. Without `vendor/modules.txt`, a `replace` of the module by a \
            folder of the repository (`=> ./third_party/cobra`) is compared the same way, the `replace` line \
            standing for the version. The finding's item is the surface and the module (`cli:github.com/spf13/cobra`), \
            so an `exceptions:` entry can accept one release's copy. GOPATH builds (no `go.mod`) are not checked.
            """,
        remedy: """
            Restore the published copy (`go mod vendor`), or upgrade the library in `go.mod` and run `go mod vendor`, \
            so that `vendor/modules.txt` names what the copy is. If the edit is meant, review what it does to the \
            command line by hand (`git diff BASE HEAD -- vendor/github.com/spf13`) and accept it for the release \
            with an `exceptions:` entry naming the item (`cli:github.com/spf13/cobra`), or set \
            `rules: {vendored-library-edited: warning}` in the policy the check reads (from the trusted base: \
            `--policy-rev`).
            """,
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "vendored cobra's command.go changed, modules.txt names v1.8.0 still", triggers: true,
                history: [ExampleRelease("1.0.0", ["cli:tool"])], head: ExampleRelease("1.0.1", ["cli:tool"]),
                vendoredCobra: (base: "v1.8.0 published", head: "v1.8.0 2222222")),
            RuleExample(
                "the vendored cobra upgraded to v1.8.1 (modules.txt says so)", triggers: false,
                history: [ExampleRelease("1.0.0", ["cli:tool"])], head: ExampleRelease("1.0.1", ["cli:tool"]),
                vendoredCobra: (base: "v1.8.0 published", head: "v1.8.1 published")),
        ],
        check: .release { context in
            context.after.vendoredLibraryEdits(since: context.before).map { edit in
                Violation(edit.message, item: edit.item, location: edit.location)
            }
        })
}
