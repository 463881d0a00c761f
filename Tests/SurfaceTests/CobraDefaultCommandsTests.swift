import Foundation
import Git
import Policy
import SemVer
import Surface
import Testing
import TestSupport

/// cobra adds `help` and (from 1.2.0) `completion` to a program's root by itself; the surface has them, marked
/// `provided-by=cobra` at the module file line that names cobra, unless the program replaces or disables them.
@Suite("cobra surface: the commands cobra adds by itself")
struct CobraDefaultCommandsTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
        """

    /// A root `tool` with a `run` subcommand (none when `subcommand` is false); `body` runs where they are built.
    static func program(_ body: String = "", subcommand: Bool = true) -> String {
        """
        package cmd

        import (
            "os"

            "github.com/spf13/cobra"
        )

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            run := &cobra.Command{Use: "run"}
            \(subcommand ? "root.AddCommand(run)" : "_ = run")
        \(body)
            return root
        }

        func Execute() { _ = NewRoot().Execute(); _ = os.Args }
        """
    }

    static func goMod(_ cobra: String) -> String {
        "module example.com/tool\n\ngo 1.21\n\nrequire (\n\tgithub.com/spf13/cobra \(cobra)\n\tgithub.com/spf13/pflag v1.0.5\n)\n"
    }

    /// The programs of each case, one commit each on branch `case<index>`, imported once.
    static let cases: [(name: String, files: [String: String])] = [
        ("cobra 1.2.1", ["go.mod": goMod("v1.2.1"), "cmd/root.go": program()]),
        ("cobra 1.1.3", ["go.mod": goMod("v1.1.3"), "cmd/root.go": program()]),
        (
            "a hand-written completion",
            [
                "go.mod": goMod("v1.1.3"),
                "cmd/root.go": program(
                    """
                        completion := &cobra.Command{Use: "completion"}
                        completion.AddCommand(&cobra.Command{Use: "bash"}, &cobra.Command{Use: "zsh"})
                        completion.AddCommand(&cobra.Command{Use: "fish"}, &cobra.Command{Use: "powershell"})
                        root.AddCommand(completion)
                    """),
            ]
        ),
        (
            "disabled by assignment",
            ["go.mod": goMod("v1.2.1"), "cmd/root.go": program("    root.CompletionOptions.DisableDefaultCmd = true")]
        ),
        (
            "disabled in the literal",
            [
                "go.mod": goMod("v1.8.0"),
                "cmd/root.go": program().replacingOccurrences(
                    of: #"root := &cobra.Command{Use: "tool"}"#,
                    with:
                        #"root := &cobra.Command{Use: "tool", CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true}}"#
                ),
            ]
        ),
        (
            "disabled through Root()",
            [
                "go.mod": goMod("v1.8.0"),
                "cmd/root.go": program("    disable(run)")
                    + "\n\nfunc disable(c *cobra.Command) { c.Root().CompletionOptions.DisableDefaultCmd = true }\n",
            ]
        ),
        (
            "disabled by a constructor that a branch also calls",
            [
                "go.mod": goMod("v1.8.0"),
                "cmd/root.go": """
                package cmd

                import "github.com/spf13/cobra"

                type Options struct{ Quiet bool }

                func NewRoot(o *Options) *cobra.Command {
                    root := &cobra.Command{Use: "tool"}
                    root.AddCommand(&cobra.Command{Use: "run"})
                    root.CompletionOptions.DisableDefaultCmd = true
                    return root
                }

                func Execute() { _ = NewRoot(&Options{}).Execute() }

                func docs(args []string) error {
                    if len(args) > 0 {
                        return nil
                    }
                    _ = NewRoot(&Options{Quiet: true})
                    return nil
                }
                """,
            ]
        ),
        (
            "disabled only in some runs",
            [
                "go.mod": goMod("v1.8.0"),
                "cmd/root.go": program(
                    "    if os.Getenv(\"NO_COMPLETION\") != \"\" {\n        root.CompletionOptions.DisableDefaultCmd = true\n    }"
                ),
            ]
        ),
        (
            "hidden, without --no-descriptions",
            [
                "go.mod": goMod("v1.8.0"),
                "cmd/root.go": program(
                    """
                        root.CompletionOptions = cobra.CompletionOptions{HiddenDefaultCmd: true}
                        root.CompletionOptions.DisableNoDescFlag = true
                    """),
            ]
        ),
        (
            "a help command of its own",
            [
                "go.mod": goMod("v1.1.3"),
                "cmd/root.go": program(#"    root.SetHelpCommand(&cobra.Command{Use: "help [topic]", Hidden: true})"#),
            ]
        ),
        (
            "help switched off",
            [
                "go.mod": goMod("v1.1.3"),
                "cmd/root.go": program("    root.SetHelpCommand(&cobra.Command{Hidden: true})"),
            ]
        ),
        ("no subcommands, cobra 1.8", ["go.mod": goMod("v1.8.1"), "cmd/root.go": program(subcommand: false)]),
        ("no subcommands, cobra 1.9", ["go.mod": goMod("v1.9.1"), "cmd/root.go": program(subcommand: false)]),
        (
            "replaced by a fork's version",
            [
                "go.mod": goMod("v1.1.3") + "\nreplace github.com/spf13/cobra => github.com/fork/cobra v1.2.2-fork\n",
                "cmd/root.go": program(),
            ]
        ),
        (
            "replaced by a folder",
            [
                "go.mod": goMod("v1.2.1") + "\nreplace github.com/spf13/cobra v1.2.1 => ./third_party/cobra\n",
                "cmd/root.go": program(),
            ]
        ),
        (
            "vendor/modules.txt wins",
            [
                "go.mod": goMod("v1.1.3"),
                "vendor/modules.txt": "# github.com/spf13/cobra v1.2.1\n## explicit; go 1.15\ngithub.com/spf13/cobra\n",
                "cmd/root.go": program(),
            ]
        ),
        (
            "a pseudo-version after the commit that added completion",
            ["go.mod": goMod("v1.1.4-0.20210301120000-abcdef123456"), "cmd/root.go": program()]
        ),
        (
            "a pseudo-version before it",
            ["go.mod": goMod("v1.1.4-0.20210101120000-abcdef123456"), "cmd/root.go": program()]
        ),
        ("no go.mod", ["cmd/root.go": program()]),
    ]

    static let histories = SharedRepository {
        let repo = try FixtureRepository()
        try repo.importCommits(
            cases.indices.map { FixtureRepository.Snapshot(branch: "case\($0)", files: cases[$0].files) })
        return repo
    }

    private func snapshot(_ name: String) throws -> SurfaceSnapshot {
        let index = try #require(Self.cases.firstIndex { $0.name == name })
        return try surface(of: try Self.histories.repository, at: "case\(index)", policy: Self.policy)
    }

    /// The keys below the root other than `run`, with `provided-by` and `hidden` where set.
    private func defaults(_ name: String) throws -> [String] {
        try snapshot(name).items.values.filter { $0.key != "tool" && !$0.key.hasPrefix("tool run") }
            .map { item in
                let marks = ["provided-by", "hidden"].compactMap { key in item.attributes[key].map { "\(key)=\($0)" } }
                return ([item.key] + marks).joined(separator: " ")
            }.sorted()
    }

    static let completion: [String] = [
        "tool completion provided-by=cobra", "tool completion bash provided-by=cobra",
        "tool completion bash --no-descriptions provided-by=cobra", "tool completion fish provided-by=cobra",
        "tool completion fish --no-descriptions provided-by=cobra", "tool completion powershell provided-by=cobra",
        "tool completion powershell --no-descriptions provided-by=cobra", "tool completion zsh provided-by=cobra",
        "tool completion zsh --no-descriptions provided-by=cobra",
    ].sorted()

    @Test("cobra 1.2.0 and later add completion with a command and --no-descriptions a shell; every version adds help")
    func versions() throws {
        #expect(try defaults("cobra 1.2.1") == Self.completion + ["tool help provided-by=cobra"])
        #expect(try defaults("cobra 1.1.3") == ["tool help provided-by=cobra"])
        let surface = try snapshot("cobra 1.2.1")
        #expect(surface.notes.isEmpty, "\(surface.notes)")
        // Located where the version is named, so a reviewer sees where they come from.
        let location = try #require(surface.items["cli:tool completion bash"]?.location)
        #expect(location.path == "go.mod" && location.line == 6)
        #expect(
            try snapshot("vendor/modules.txt wins").items["cli:tool completion"]?.location?.path == "vendor/modules.txt"
        )
        #expect(try defaults("replaced by a fork's version") == Self.completion + ["tool help provided-by=cobra"])
        #expect(
            try defaults("a pseudo-version after the commit that added completion")
                == Self.completion + ["tool help provided-by=cobra"])
        #expect(try defaults("a pseudo-version before it") == ["tool help provided-by=cobra"])
    }

    @Test("a program's own completion, DisableDefaultCmd and SetHelpCommand keep cobra's out")
    func replaced() throws {
        #expect(
            try defaults("a hand-written completion") == [
                "tool completion", "tool completion bash", "tool completion fish", "tool completion powershell",
                "tool completion zsh", "tool help provided-by=cobra",
            ])
        for name in [
            "disabled by assignment", "disabled in the literal", "disabled through Root()",
            "disabled by a constructor that a branch also calls",
        ] {
            #expect(try defaults(name) == ["tool help provided-by=cobra"], "\(name)")
        }
        // Called from a branch too, the constructor still disables it on the command it makes: nothing uncertain.
        let constructed = try snapshot("disabled by a constructor that a branch also calls")
        #expect(constructed.notes.isEmpty, "\(constructed.notes)")
        #expect(try defaults("a help command of its own") == ["tool help hidden=true"])
        #expect(try defaults("help switched off").isEmpty)
        let hidden = try defaults("hidden, without --no-descriptions")
        #expect(
            hidden
                == ([
                    "tool completion provided-by=cobra hidden=true",
                    "tool completion bash provided-by=cobra hidden=true",
                    "tool completion fish provided-by=cobra hidden=true",
                    "tool completion powershell provided-by=cobra hidden=true",
                    "tool completion zsh provided-by=cobra hidden=true", "tool help provided-by=cobra",
                ]).sorted())
    }

    @Test("a program's own help command replaces cobra's")
    func ownHelp() throws {
        let items = try snapshot("a help command of its own").items
        #expect(items["cli:tool help"]?.attributes["provided-by"] == nil)
        #expect(items["cli:tool help"]?.attributes["hidden"] == "true")
    }

    @Test("a root without subcommands gets completion from cobra 1.9.0 and never help")
    func alone() throws {
        #expect(try defaults("no subcommands, cobra 1.8").isEmpty)
        #expect(try defaults("no subcommands, cobra 1.9") == Self.completion)
    }

    @Test("what cannot be known is noted, the surface marked incomplete, and completion left out")
    func unknown() throws {
        for (name, says) in [
            ("disabled only in some runs", "depends on the run"),
            ("replaced by a folder", "go.mod:10 replaces cobra by a folder of the repository"),
            ("no go.mod", "no go.mod or vendor/modules.txt names github.com/spf13/cobra"),
        ] {
            let surface = try snapshot(name)
            #expect(!surface.items.keys.contains { $0.contains("completion") }, "\(name)")
            #expect(surface.items["cli:tool help"] != nil, "\(name)")
            #expect(
                surface.notes.contains { $0.contains(says) && $0.contains("'completion'") }, "\(name): \(surface.notes)"
            )
            #expect(surface.incomplete == ["cli"], "\(name)")
        }
    }

    @Test("replacing a hand-written completion by cobra's removes nothing; what differs is what changed")
    func handWrittenReplaced() throws {
        let repo = try FixtureRepository()
        let first = Self.cases[2].files
        let second = Self.cases[0].files
        try repo.importCommits([
            FixtureRepository.Snapshot(files: first, tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: second, tags: ["v1.1.0"]),
        ])
        let policy = try loadPolicy(Self.policy)
        let changes = SurfaceDiff.changes(
            from: try surface(of: repo, at: "v1.0.0", policy: Self.policy),
            to: try surface(of: repo, at: "v1.1.0", policy: Self.policy), policy: policy)
        #expect(!changes.contains { $0.kind == .removed })
        #expect(
            changes.map { "\($0.kind.rawValue) \($0.key)" }.sorted() == [
                "added tool completion bash --no-descriptions", "added tool completion fish --no-descriptions",
                "added tool completion powershell --no-descriptions", "added tool completion zsh --no-descriptions",
                "changed tool completion", "changed tool completion bash", "changed tool completion fish",
                "changed tool completion powershell", "changed tool completion zsh",
            ])
        #expect(changes.map(\.bump).max() == .minor)
    }

    /// A program whose own `completion` (a leaf) replaced cobra's; `fields` are its literal's further fields, `body`
    /// runs after it is built.
    static func ownCompletion(_ fields: String, body: String = "") -> [String: String] {
        [
            "go.mod": goMod("v1.8.0"),
            "cmd/root.go": program(
                """
                    completion := &cobra.Command{
                        Use: "completion [bash|zsh|fish|powershell]",
                        \(fields)
                        RunE: func(cmd *cobra.Command, args []string) error { return nil },
                    }
                    root.AddCommand(completion)
                \(body)
                """),
        ]
    }

    /// The changes from cobra's default completion (cobra 1.8) to the program's own `completion` made of `fields`.
    private func fromDefault(to fields: String, body: String = "") throws -> [String] {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: ["go.mod": Self.goMod("v1.8.0"), "cmd/root.go": Self.program()], tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: Self.ownCompletion(fields, body: body), tags: ["v1.1.0"]),
        ])
        let changes = SurfaceDiff.changes(
            from: try surface(of: repo, at: "v1.0.0", policy: Self.policy),
            to: try surface(of: repo, at: "v1.1.0", policy: Self.policy), policy: try loadPolicy(Self.policy))
        return changes.filter { $0.key.hasPrefix("tool completion") }.map { change in
            let heir = change.after?.attributes["provided-by"].map { " provided-by=\($0)" } ?? ""
            return "\(change.kind.rawValue) \(change.key)\(heir) \(change.bump)"
        }.sorted()
    }

    static let shellsGone = CobraDefaultCommandsTests.shells.flatMap { shell in
        ["removed tool completion \(shell) major", "removed tool completion \(shell) --no-descriptions major"]
    }.sorted()
    static let shells = ["bash", "fish", "powershell", "zsh"]

    @Test("a program's own completion taking the shell as its one argument keeps `tool completion bash` working")
    func ownCompletionTakesShells() throws {
        let validArgs = #"ValidArgs: []string{"bash", "zsh\tZ shell", "fish", "powershell"},"#
        let accepted = Self.shells.map { "changed tool completion \($0) provided-by=argument patch" }
            + Self.shells.map { "removed tool completion \($0) --no-descriptions major" }
        for args in [
            "Args: cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),", "Args: cobra.OnlyValidArgs,", "",
            "Args: cobra.RangeArgs(0, 1),", "Args: cobra.ExactValidArgs(1),", "Args: cobra.MaximumNArgs(3),",
        ] {
            #expect(
                try fromDefault(to: validArgs + "\n" + args)
                    == (["changed tool completion patch"] + accepted).sorted(), "\(args)")
        }
        // The attribute says which words: an entry's description after a tab is not part of it.
        let items = try surface(of: try {
            let repo = try FixtureRepository()
            try repo.importCommits([FixtureRepository.Snapshot(files: Self.ownCompletion(validArgs), tags: ["v1"])])
            return repo
        }(), at: "v1", policy: Self.policy).items
        #expect(items["cli:tool completion"]?.attributes["valid-args"] == "bash fish powershell zsh")
        #expect(items["cli:tool"]?.attributes["valid-args"] == nil)
        // A flag of the removed command is still there when the command now taking the shell has one of that name.
        let withFlag = try fromDefault(
            to: validArgs, body: #"    completion.Flags().Bool("no-descriptions", false, "plain")"#)
        #expect(withFlag.contains("changed tool completion bash --no-descriptions patch"), "\(withFlag)")
        #expect(!withFlag.contains { $0.hasPrefix("removed") }, "\(withFlag)")
    }

    @Test("a shell the program's completion does not certainly take as its argument is removed")
    func ownCompletionRefusesShells() throws {
        let validArgs = #"ValidArgs: []string{"bash", "zsh", "fish", "powershell"},"#
        for fields in [
            // No ValidArgs: cobra passes `bash` on, but nothing says the command takes it.
            "Args: cobra.ExactArgs(1),",
            validArgs + "Args: cobra.NoArgs,", validArgs + "Args: cobra.ExactArgs(2),",
            validArgs + "Args: cobra.MinimumNArgs(2),", validArgs + "Args: checkShell,",
            validArgs + "Args: cobra.MatchAll(cobra.ExactArgs(1), checkShell),",
            // ValidArgs not a literal list of constants.
            "ValidArgs: shells(),",
        ] {
            #expect(
                try fromDefault(to: fields).filter { !$0.hasPrefix("changed tool completion ") }
                    == Self.shellsGone, "\(fields)")
        }
        // Assigned after the literal, or a command with subcommands: not known / not an argument.
        #expect(try fromDefault(to: validArgs, body: "    completion.ValidArgs = nil").contains("removed tool completion bash major"))
        #expect(try fromDefault(to: validArgs, body: "    completion.Args = checkShell").contains("removed tool completion bash major"))
        #expect(
            try fromDefault(to: validArgs, body: #"    completion.AddCommand(&cobra.Command{Use: "zsh"})"#).contains(
                "removed tool completion bash major"))
    }

    @Test("ArgAliases are words the command takes, unless its Args takes only the words of ValidArgs")
    func argAliases() throws {
        func words(_ fields: String, body: String = "") throws -> String? {
            let repo = try FixtureRepository()
            try repo.importCommits([
                FixtureRepository.Snapshot(files: Self.ownCompletion(fields, body: body), tags: ["v1"])
            ])
            return try surface(of: repo, at: "v1", policy: Self.policy).items["cli:tool completion"]?
                .attributes["valid-args"]
        }
        let listed = #"ValidArgs: []string{"bash", "zsh"}, ArgAliases: []string{"fish", "pwsh"},"#
        for args in ["", "Args: cobra.ExactArgs(1),", "Args: cobra.MatchAll(cobra.ExactArgs(1), cobra.MaximumNArgs(1)),"] {
            #expect(try words(listed + args) == "bash fish pwsh zsh", "\(args)")
        }
        // cobra's OnlyValidArgs compares with ValidArgs alone: an alias is refused.
        for args in [
            "Args: cobra.OnlyValidArgs,", "Args: cobra.ExactValidArgs(1),",
            "Args: cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),",
        ] {
            #expect(try words(listed + args) == "bash zsh", "\(args)")
        }
        // Aliases that cannot be read add no word; assigned after the literal, the words are not known.
        #expect(try words(#"ValidArgs: []string{"bash", "zsh"}, ArgAliases: aliases(),"#) == "bash zsh")
        #expect(try words(listed, body: "    completion.ArgAliases = nil") == nil)
        // A shell moved from ValidArgs to ArgAliases still runs: `tool completion fish` is no removal.
        let moved = try fromDefault(to: listed)
        #expect(moved.contains("changed tool completion fish provided-by=argument patch"), "\(moved)")
        #expect(try fromDefault(to: listed + "Args: cobra.OnlyValidArgs,").contains("removed tool completion fish major"))
    }

    /// The changes between two programs, as `kind key bump`.
    private func changes(from first: [String: String], to second: [String: String]) throws -> [String] {
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: first, tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: second, tags: ["v1.1.0"]),
        ])
        return SurfaceDiff.changes(
            from: try surface(of: repo, at: "v1.0.0", policy: Self.policy),
            to: try surface(of: repo, at: "v1.1.0", policy: Self.policy), policy: try loadPolicy(Self.policy)
        ).map { "\($0.kind.rawValue) \($0.key) \($0.bump)" }.sorted()
    }

    @Test("a word the command no longer takes as its argument is a removal; back to cobra's subcommands is not")
    func validArgsChanges() throws {
        let own = Self.ownCompletion(
            #"ValidArgs: []string{"bash", "zsh", "fish", "powershell"}, Args: cobra.OnlyValidArgs,"#)
        // Narrowed, or no argument taken at all: `tool completion fish` no longer runs.
        let narrowed = Self.ownCompletion(#"ValidArgs: []string{"bash"}, Args: cobra.OnlyValidArgs,"#)
        #expect(try changes(from: own, to: narrowed).contains("changed tool completion major"))
        let none = Self.ownCompletion(#"ValidArgs: []string{"bash", "zsh", "fish", "powershell"}, Args: cobra.NoArgs,"#)
        #expect(try changes(from: own, to: none).contains("changed tool completion major"))
        // Widened: a new way to call it.
        let widened = Self.ownCompletion(
            #"ValidArgs: []string{"bash", "zsh", "fish", "powershell", "nu"}, Args: cobra.OnlyValidArgs,"#)
        #expect(try changes(from: own, to: widened) == ["changed tool completion minor"])
        // cobra's completion back: each shell is a subcommand again, typed as before.
        let back = try changes(from: own, to: ["go.mod": Self.goMod("v1.8.0"), "cmd/root.go": Self.program()])
        #expect(back.contains("changed tool completion patch"), "\(back)")
        #expect(!back.contains { $0.hasPrefix("removed") || $0.hasSuffix("major") }, "\(back)")
        // From cobra's to the program's: the shells were subcommands, so taking them as arguments is nothing new.
        let replaced = try changes(from: ["go.mod": Self.goMod("v1.8.0"), "cmd/root.go": Self.program()], to: own)
        #expect(replaced.contains("changed tool completion patch"), "\(replaced)")
    }

    @Test("a word is compared byte for byte, as cobra compares arguments")
    func validArgsBytes() throws {
        func program(_ fields: String, _ body: String = "") -> [String: String] {
            [
                "go.mod": Self.goMod("v1.8.0"),
                "cmd/root.go": Self.program("    gov := &cobra.Command{Use: \"go\"\(fields)}\n\(body)    root.AddCommand(gov)"),
            ]
        }
        // `café` (NFC) was a subcommand; ValidArgs now lists `cafe` + U+0301 (NFD), which Go's `==` tells apart.
        let before = program("", "    gov.AddCommand(&cobra.Command{Use: \"caf\\u00e9\"})\n")
        let after = program(", ValidArgs: []string{\"cafe\\u0301\"}, Args: cobra.OnlyValidArgs")
        let found = try changes(from: before, to: after)
        #expect(found.contains("removed tool go caf\u{e9} major"), "\(found)")
        // The same bytes: an argument now.
        let same = program(", ValidArgs: []string{\"caf\\u00e9\"}, Args: cobra.OnlyValidArgs")
        #expect(try changes(from: before, to: same).contains("changed tool go caf\u{e9} patch"))
        // The word's other spelling replaces it, or one of two spellings goes: `tool go café` typed as before fails.
        let composed = program(", ValidArgs: []string{\"caf\\u00e9\"}, Args: cobra.OnlyValidArgs")
        let decomposed = program(", ValidArgs: []string{\"cafe\\u0301\"}, Args: cobra.OnlyValidArgs")
        let both = program(", ValidArgs: []string{\"cafe\\u0301\", \"caf\\u00e9\"}, Args: cobra.OnlyValidArgs")
        #expect(try changes(from: composed, to: decomposed) == ["changed tool go major"])
        #expect(try changes(from: both, to: decomposed) == ["changed tool go major"])
        #expect(try changes(from: decomposed, to: both) == ["changed tool go minor"])
    }
}
