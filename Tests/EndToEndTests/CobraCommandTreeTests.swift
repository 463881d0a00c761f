import Foundation
import Testing
import TestSupport

/// How the cobra extractor builds the command tree from what the program builds, judged by the built binary against
/// what cobra does when a user types a command line: which word reaches which command.
@Suite("cobra surface through the built binary: the command tree as cobra walks it")
struct CobraCommandTreeTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra: {files: ["cmd/*.go"], root: deck}
        """

    static let goMod = "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n"

    /// Root `deck` with `run` (built by `run`, a Go expression of type `*cobra.Command`) and what `body` adds.
    static func program(
        run: String = "&cobra.Command{Use: \"run\"}", flag: String = "disk", body: String = "", extra: String = ""
    ) -> String {
        """
        package cmd

        import "github.com/spf13/cobra"

        \(extra)

        var version = "dev"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "deck"}
            run := \(run)
            root.AddCommand(run)
            run.Flags().String("\(flag)", "", "a flag")
        \(body)
            return root
        }
        """
    }

    /// A repository whose v1.0.0 and v1.1.0 hold `cmd/root.go` as given.
    static func repository(_ first: String, _ later: String) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        func files(_ program: String) -> [String: String] {
            [".semgate.yml": policy, "go.mod": goMod, "cmd/root.go": program]
        }
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(first), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(later), tags: ["v1.1.0"]),
        ])
        // The policy the commands read is the working tree's (fast-import checks nothing out).
        try repo.write(".semgate.yml", policy)
        return repo
    }

    /// `audit` of the repository: exit status and everything it printed.
    static func audit(_ repo: FixtureRepository) throws -> (status: Int32, output: String) {
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (result.status, result.stdout + result.stderr)
    }

    /// `surface REV` as JSON: exit status and everything it printed.
    static func surface(_ repo: FixtureRepository, _ revision: String) throws -> (status: Int32, output: String) {
        let result = try runSemgate(["surface", revision, "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (result.status, result.stdout + result.stderr)
    }

    @Test(
        "a Use that cobra's Name() reads as no typed word (a leading space names the command \"\", a tab or a line break does not end the name) removes the command and its flags: audit fails (review R86)",
        arguments: ["\" run\"", "\"run\\tFILE\"", "\"run\\nFILE\"", "\"run\\u00a0FILE\""])
    func nameAsCobraReadsIt(use: String) throws {
        let repo = try Self.repository(
            Self.program(), Self.program(run: "&cobra.Command{Use: \(use)}"))
        let found = try Self.audit(repo)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("\"deck run --disk\""), "\(found.output)")
        let later = try Self.surface(repo, "v1.1.0")
        #expect(!later.output.contains("\"deck run"), "\(later.output)")
    }

    @Test("a command whose name no typed word matches is still reached by its aliases; a space after the name is read as cobra reads it")
    func aliasesOfAnUntypableName() throws {
        let repo = try Self.repository(
            Self.program(run: "&cobra.Command{Use: \"run FILE\", Aliases: []string{\"go\"}}"),
            Self.program(run: "&cobra.Command{Use: \" run\", Aliases: []string{\"go\"}}"))
        let first = try Self.surface(repo, "v1.0.0")
        #expect(first.output.contains("\"deck run --disk\""), "\(first.output)")
        #expect(first.output.contains("\"deck go --disk\""), "\(first.output)")
        let later = try Self.surface(repo, "v1.1.0")
        #expect(later.status == 0, "\(later.output)")
        #expect(later.output.contains("\"deck go --disk\""), "\(later.output)")
        #expect(!later.output.contains("\"deck run"), "\(later.output)")
    }

    @Test(
        "a second command a word reaches, added after the one cobra finds first (the same name, hidden, or an alias), lends it no flags: dropping --disk from the real run fails (review R79)",
        arguments: [
            "dup := &cobra.Command{Use: \"run\"}\n    root.AddCommand(dup)",
            "dup := &cobra.Command{Use: \"run\", Hidden: true}\n    root.AddCommand(dup)",
            "dup := &cobra.Command{Use: \"walk\", Aliases: []string{\"run\"}}\n    root.AddCommand(dup)",
            // Sorted by name too (a Commands() call), run comes before walk: either order finds run first.
            "dup := &cobra.Command{Use: \"walk\", Aliases: []string{\"run\"}}\n    root.AddCommand(dup)\n"
                + "    for _, c := range root.Commands() {\n        c.Short = \"x\"\n    }",
        ])
    func laterCommandOfTheSameWord(dup: String) throws {
        let repo = try Self.repository(
            Self.program(), Self.program(flag: "size", body: "    " + dup + "\n    dup.Flags().String(\"disk\", \"\", \"\")"))
        let found = try Self.audit(repo)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
        let later = try Self.surface(repo, "v1.1.0")
        #expect(later.output.contains("\"deck run --size\""), "\(later.output)")
        #expect(!later.output.contains("\"deck run --disk\""), "\(later.output)")
    }

    @Test("the command cobra finds first by a word is the one added first: first in one AddCommand, or added before")
    func firstAddedWins() throws {
        func program(_ adds: String) -> String {
            """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                run := &cobra.Command{Use: "run"}
                run.Flags().String("size", "", "")
                walk := &cobra.Command{Use: "walk", Aliases: []string{"run"}}
                walk.Flags().String("disk", "", "")
            \(adds)
                return root
            }
            """
        }
        let repo = try Self.repository(
            program("    root.AddCommand(run, walk)"), program("    root.AddCommand(walk)\n    root.AddCommand(run)"))
        let first = try Self.surface(repo, "v1.0.0")
        #expect(first.output.contains("\"deck run --size\""), "\(first.output)")
        #expect(!first.output.contains("\"deck run --disk\""), "\(first.output)")
        #expect(first.output.contains("\"deck walk --disk\""), "\(first.output)")
        // v1.1.0 adds `walk` first: `deck run` is walk, through its alias.
        let later = try Self.surface(repo, "v1.1.0")
        #expect(later.output.contains("\"deck run --disk\""), "\(later.output)")
        #expect(!later.output.contains("\"deck run --size\""), "\(later.output)")
        #expect(later.output.contains("\"deck walk --disk\""), "\(later.output)")
    }

    @Test(
        "when the order cannot be told (added in one loop, or a program that sorts them through Commands() by name), only what every command the word may reach has is under it: check claims the removal from one, saying it may still be there",
        arguments: [
            ("run\"", "    for _, c := range []*cobra.Command{run, dup} {\n        root.AddCommand(c)\n    }"),
            (
                "build\", Aliases: []string{\"run\"}",
                "    root.AddCommand(run)\n    root.AddCommand(dup)\n"
                    + "    for _, c := range root.Commands() {\n        c.Short = \"x\"\n    }"
            ),
            // A spread argument adds every command of the list, not one of them.
            ("run\"", "    cmds := []*cobra.Command{dup, run}\n    root.AddCommand(cmds...)"),
        ])
    func orderNotKnown(dup: String, adds: String) throws {
        let later = """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                run := &cobra.Command{Use: "run"}
                run.Flags().String("size", "", "")
                dup := &cobra.Command{Use: "\(dup)}
                dup.Flags().String("disk", "", "")
            \(adds)
                return root
            }
            """
        let repo = try Self.repository(Self.program(), later)
        let check = try runSemgate(
            ["check", "--base", "v1.0.0", "--head", "v1.1.0", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        let found = check.stdout + check.stderr
        #expect(check.status == 1, "\(found)")
        #expect(found.contains("deck run --disk") && found.contains("may still be there"), "\(found)")
        let surface = try Self.surface(repo, "v1.1.0")
        #expect(!surface.output.contains("\"deck run --disk\""), "\(surface.output)")
        #expect(!surface.output.contains("\"deck run --size\""), "\(surface.output)")
        #expect(surface.output.contains("may reach any of 2 commands"), "\(surface.output)")
    }

    /// A command built in a function nothing calls, named like the root, with more under it than the root has.
    static let decoy = """
        func decoy() *cobra.Command {
            r := &cobra.Command{Use: "deck [flags]"}
            x := &cobra.Command{Use: "run"}
            r.AddCommand(x, &cobra.Command{Use: "walk"}, &cobra.Command{Use: "stop"})
            x.Flags().String("disk", "", "")
            x.Flags().Int("extra", 0, "")
            return r
        }
        """

    @Test(
        "a second command without a parent named like the root (a decoy nothing calls, or one called from init into a variable) does not stand for the root: dropping --disk from the real root's run fails (review R78)",
        arguments: ["", "var docs *cobra.Command\n\nfunc init() { docs = decoy() }"])
    func decoyRoot(extra: String) throws {
        let repo = try Self.repository(
            Self.program(), Self.program(flag: "size", extra: Self.decoy + "\n\n" + extra))
        let found = try Self.audit(repo)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
        let later = try Self.surface(repo, "v1.1.0")
        #expect(!later.output.contains("\"deck run --disk\""), "\(later.output)")
        #expect(!later.output.contains("\"deck walk\""), "\(later.output)")
        #expect(later.output.contains("2 commands that no AddCommand adds may be the root 'deck'"), "\(later.output)")
    }

    @Test("of two roots of one name, the one Execute is called on is the program's: its tree alone, without a note")
    func executedRoot() throws {
        let execute = "func Execute() error { return NewRoot().Execute() }"
        let repo = try Self.repository(
            Self.program(extra: execute), Self.program(flag: "size", extra: Self.decoy + "\n\n" + execute))
        let found = try Self.audit(repo)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
        let later = try Self.surface(repo, "v1.1.0")
        #expect(later.output.contains("\"deck run --size\""), "\(later.output)")
        #expect(!later.output.contains("\"deck run --extra\""), "\(later.output)")
        #expect(!later.output.contains("may be the root"), "\(later.output)")
    }

    @Test(
        "DisableFlagParsing set on a command (assigned, in its literal, or by a helper) hands every flag to it as an argument: its flags are removed (review R68)",
        arguments: [
            ("&cobra.Command{Use: \"run\"}", "    run.DisableFlagParsing = true", ""),
            ("&cobra.Command{Use: \"run\", DisableFlagParsing: true}", "", ""),
            (
                "&cobra.Command{Use: \"run\"}", "    noParse(run)",
                "func noParse(c *cobra.Command) { c.DisableFlagParsing = true }"
            ),
        ])
    func disableFlagParsing(run: String, body: String, extra: String) throws {
        let repo = try Self.repository(Self.program(), Self.program(run: run, body: body, extra: extra))
        let found = try Self.audit(repo)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
        let later = try Self.surface(repo, "v1.1.0")
        #expect(later.output.contains("\"deck run\""), "\(later.output)")
        #expect(!later.output.contains("\"deck run --disk\""), "\(later.output)")
    }

    @Test("a command that disables flag parsing keeps its persistent flags for its subcommands, which parse them")
    func disableFlagParsingWithSubcommands() throws {
        let body = """
                run.DisableFlagParsing = true
                run.PersistentFlags().String("tag", "", "")
                run.AddCommand(&cobra.Command{Use: "sub"})
            """
        let repo = try Self.repository(Self.program(body: body), Self.program(body: body))
        let surface = try Self.surface(repo, "v1.0.0")
        #expect(surface.output.contains("\"deck run --tag\""), "\(surface.output)")
        #expect(!surface.output.contains("\"deck run --disk\""), "\(surface.output)")
    }

    /// `deck --version` in the JSON of `surface`: its attributes, nil when it is not there.
    static func versionFlag(in output: String) throws -> [String: String]? {
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let items = json?["items"] as? [[String: Any]] ?? []
        return items.first { $0["key"] as? String == "deck --version" }?["attributes"] as? [String: String]
    }

    @Test("cobra's own --version (and -v) on a root whose Version is set: dropping Version removes it (review R83)")
    func versionFlagOfCobra() throws {
        let repo = try Self.repository(Self.program(body: "    root.Version = version"), Self.program())
        let first = try Self.surface(repo, "v1.0.0")
        let attributes = try Self.versionFlag(in: first.output)
        #expect(
            attributes == ["provided-by": "cobra", "type": "bool", "scope": "local", "shorthand": "v"],
            "\(first.output)")
        let found = try Self.audit(repo)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck --version"), "\(found.output)")
    }

    @Test(
        "cobra's --version takes no -v that a flag of the root has, and a program's own version flag stands instead of it",
        arguments: [
            ("    root.PersistentFlags().BoolP(\"verbose\", \"v\", false, \"\")", nil),
            ("    root.Flags().String(\"version\", \"\", \"\")", "string"),
        ])
    func versionFlagOfTheProgram(flag: String, ownType: String?) throws {
        let body = "    root.Version = \"1.0.0\"\n" + flag
        let repo = try Self.repository(Self.program(body: body), Self.program(body: body))
        let surface = try Self.surface(repo, "v1.0.0")
        let attributes = try Self.versionFlag(in: surface.output)
        if let ownType {
            #expect(attributes?["type"] == ownType && attributes?["provided-by"] == nil, "\(surface.output)")
        } else {
            #expect(attributes == ["provided-by": "cobra", "type": "bool", "scope": "local"], "\(surface.output)")
        }
    }

    @Test("commands of one word in builds that never hold together (a file a build, a root a build) are each the command of their builds: nothing is dropped")
    func commandsOfOtherBuilds() throws {
        let repo = try FixtureRepository()
        func variant(_ constraint: String, _ flag: String) -> String {
            """
            //go:build \(constraint)

            package cmd

            import "github.com/spf13/cobra"

            func newRun() *cobra.Command {
                run := &cobra.Command{Use: "run"}
                run.Flags().String("\(flag)", "", "")
                return run
            }

            func newRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                root.Flags().Bool("\(flag)-root", false, "")
                return root
            }
            """
        }
        let main = """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := newRoot()
                root.AddCommand(newRun())
                return root
            }
            """
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: [
                    ".semgate.yml": Self.policy, "go.mod": Self.goMod, "cmd/root.go": main,
                    "cmd/run_linux.go": variant("linux", "disk"), "cmd/run_other.go": variant("!linux", "size"),
                ], tags: ["v1.0.0"])
        ])
        try repo.write(".semgate.yml", Self.policy)
        let surface = try Self.surface(repo, "v1.0.0")
        for key in ["deck run --disk", "deck run --size", "deck --disk-root", "deck --size-root"] {
            #expect(surface.output.contains("\"\(key)\""), "\(key): \(surface.output)")
        }
        #expect(!surface.output.contains("may reach any of"), "\(surface.output)")
        #expect(!surface.output.contains("may be the root"), "\(surface.output)")
    }

    @Test(
        "commands one AddCommand argument may be, one per run (a function that returns a stub or the full command, a variable given one in each branch), do not compete: the commands and flags of each are there, and their removal is claimed",
        arguments: [
            """
            func resources(alpha bool) *cobra.Command {
                if !alpha {
                    return &cobra.Command{Use: "resources", Short: "set ALPHA to enable"}
                }
                return full()
            }

            func add(root *cobra.Command) {
                if r := resources(os.Getenv("ALPHA") != ""); r != nil {
                    root.AddCommand(r)
                }
            }
            """,
            """
            func add(root *cobra.Command) {
                var r *cobra.Command
                if os.Getenv("ALPHA") != "" {
                    r = full()
                } else {
                    r = &cobra.Command{Use: "resources", Short: "set ALPHA to enable"}
                }
                root.AddCommand(r)
            }
            """,
        ])
    func alternativesOfOneArgument(add: String) throws {
        func program(_ flag: String) -> String {
            """
            package cmd

            import (
                "os"

                "github.com/spf13/cobra"
            )

            func full() *cobra.Command {
                r := &cobra.Command{Use: "resources"}
                apply := &cobra.Command{Use: "apply"}
                \(flag)
                r.AddCommand(apply)
                return r
            }

            \(add)

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                add(root)
                return root
            }
            """
        }
        let repo = try Self.repository(program("apply.Flags().String(\"disk\", \"\", \"\")"), program(""))
        let surface = try Self.surface(repo, "v1.0.0")
        #expect(surface.output.contains("\"deck resources apply --disk\""), "\(surface.output)")
        #expect(!surface.output.contains("may reach any of"), "\(surface.output)")
        let audit = try Self.audit(repo)
        #expect(audit.status == 1, "\(audit.output)")
        #expect(audit.output.contains("deck resources apply --disk"), "\(audit.output)")
    }

    @Test("a copy of a command (`c := *newRm(); c.Aliases = ...`) is a command of its own: what is given the copy does not name the original, and the copy has the original's flags")
    func copiedCommand() throws {
        let program = """
            package cmd

            import "github.com/spf13/cobra"

            func newRm() *cobra.Command {
                rm := &cobra.Command{Use: "rm"}
                rm.Flags().Bool("force", false, "")
                return rm
            }

            func newRmi() *cobra.Command {
                rmi := &cobra.Command{Use: "rmi"}
                rmi.Flags().Bool("prune", false, "")
                return rmi
            }

            func newImageRm() *cobra.Command {
                c := *newRmi()
                c.Use = "rm"
                c.Aliases = []string{"rmi", "remove"}
                return &c
            }

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "deck"}
                image := &cobra.Command{Use: "image"}
                image.AddCommand(newImageRm())
                root.AddCommand(newRm(), newRmi(), image)
                return root
            }
            """
        let repo = try Self.repository(program, program)
        let surface = try Self.surface(repo, "v1.0.0")
        for key in ["deck rm --force", "deck rmi --prune", "deck image rm --prune", "deck image remove --prune"] {
            #expect(surface.output.contains("\"\(key)\""), "\(key): \(surface.output)")
        }
        for key in ["deck remove", "deck rm --prune", "deck rmi --force"] {
            #expect(!surface.output.contains("\"\(key)"), "\(key): \(surface.output)")
        }
        #expect(!surface.output.contains("may reach any of"), "\(surface.output)")
    }
}
