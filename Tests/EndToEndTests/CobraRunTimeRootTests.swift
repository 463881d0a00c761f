import Foundation
import Testing
import TestSupport

/// One binary whose root `main` picks when it runs (`switch filepath.Base(os.Args[0]) { case "deck-agent": c =
/// agent.New() default: c = deck.New() }`, argo-cd's shape; review RF), with roots whose `Use` is a constant of a
/// package outside `files`: only what every root `main` may run has is in the surface; what only some have is not known
/// to be there or gone. `audit` claims neither its removal nor its addition (a second root does not turn the first
/// one's flags into removals); `check` claims the removal, saying it may still be there; a flag gone from every root
/// is claimed everywhere, and a decoy root that `main` never runs does not stand for one.
@Suite("cobra roots main picks at run time")
struct CobraRunTimeRootTests {
    static let policy = """
        semgate: 1
        project: deck
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: cmd
        rules:
          removed-without-deprecation: error
        """

    static let goMod = "module example.com/deck\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n"

    static func deck(token: Bool = true) -> String {
        """
        package deck

        import (
            "github.com/spf13/cobra"

            "example.com/deck/names"
        )

        func New() *cobra.Command {
            c := &cobra.Command{Use: names.Deck}
            c.Flags().String("endpoint", "", "")
            c.Flags().Bool("plain", false, "")
        \(token ? "    c.Flags().String(\"token\", \"\", \"\")" : "")
            return c
        }
        """
    }

    static let agent = """
        package agent

        import (
            "github.com/spf13/cobra"

            "example.com/deck/names"
        )

        func New() *cobra.Command {
            c := &cobra.Command{Use: names.Agent}
            c.Flags().Int("listen", 7070, "")
            return c
        }
        """

    /// `main` runs the deck only.
    static let single = """
        package main

        import "example.com/deck/cmd/deck"

        func main() {
            _ = deck.New().Execute()
        }
        """

    /// `main` picks the deck or the agent by the name it is run as.
    static let picking = """
        package main

        import (
            "os"
            "path/filepath"

            "example.com/deck/cmd/agent"
            "example.com/deck/cmd/deck"
        )

        func main() {
            switch filepath.Base(os.Args[0]) {
            case "deck-agent":
                _ = agent.New().Execute()
            default:
                _ = deck.New().Execute()
            }
        }
        """

    /// A root with the deck's `--token` that `main` never runs: Execute is called only in a function nothing calls.
    static let decoy = """
        package decoy

        import "github.com/spf13/cobra"

        var root = &cobra.Command{Use: Name()}

        func Name() string { return "deck" }

        func unused() {
            root.Flags().String("endpoint", "", "")
            root.Flags().Bool("plain", false, "")
            root.Flags().String("token", "", "")
            _ = root.Execute()
        }
        """

    static func repository(_ first: [String: String], _ later: [String: String]) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        let common = [".semgate.yml": policy, "go.mod": goMod, "cmd/agent/agent.go": agent]
        try repo.importCommits([
            FixtureRepository.Snapshot(files: common.merging(first) { $1 }, tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: common.merging(later) { $1 }, tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", policy)
        return repo
    }

    static func errors(_ output: String) -> [String] {
        CobraPluginFlagsTests.errors(jsonObject(output), "1.1.0")
    }

    /// `cmd --endpoint`, `--plain` and `--token` are the deck's only: whether the program still has them is not
    /// known. `audit` claims their removal as `check` does, saying they may still be there (review RF2: a second
    /// root a pull request adds for `main` to pick must not keep a removed flag alive in either; until session 33
    /// audit claimed nothing here).
    @Test func oneRootBecomesARunTimeChoice() throws {
        let repo = try Self.repository(
            ["cmd/main.go": Self.single, "cmd/deck/deck.go": Self.deck()],
            ["cmd/main.go": Self.picking, "cmd/deck/deck.go": Self.deck()])
        let audit = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        #expect(audit.status == 1, "\(audit.stdout)")
        #expect(Self.errors(audit.stdout).contains("removed-without-deprecation cli:cmd --token"), "\(audit.stdout)")
        #expect(audit.stdout.contains("may still be there"))
        // The pull-request gate claims what it cannot show is still there.
        let check = try runSemgate([
            "check", "--base", "v1.0.0", "--head", "v1.1.0", "--repo", repo.url.path, "--no-cache", "--format", "json",
        ])
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("cli:cmd --token") && check.stdout.contains("may still be there"))
    }

    /// A flag gone from the deck in the release that makes the choice at run time is claimed: no root has it.
    @Test func removalFromEveryRootIsClaimed() throws {
        let repo = try Self.repository(
            ["cmd/main.go": Self.single, "cmd/deck/deck.go": Self.deck()],
            ["cmd/main.go": Self.picking, "cmd/deck/deck.go": Self.deck(token: false)])
        let audit = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        #expect(audit.status == 1, "\(audit.stdout)")
        #expect(Self.errors(audit.stdout).contains("removed-without-deprecation cli:cmd --token"), "\(audit.stdout)")
    }

    /// A decoy root with the deck's `--token` that `main` never runs does not make the deck's root uncertain: the
    /// removal of `--token` is claimed (review R78's decoy, with Execute called in a function nothing calls).
    @Test func decoyMainNeverRunsStandsForNoRoot() throws {
        let repo = try Self.repository(
            ["cmd/main.go": Self.single, "cmd/deck/deck.go": Self.deck()],
            ["cmd/main.go": Self.single, "cmd/deck/deck.go": Self.deck(token: false), "cmd/decoy/decoy.go": Self.decoy])
        let audit = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        #expect(audit.status == 1, "\(audit.stdout)")
        #expect(Self.errors(audit.stdout).contains("removed-without-deprecation cli:cmd --token"), "\(audit.stdout)")
    }
    /// Two `package main` programs, each running its own root named `tool` (ko 0.7.0-0.8.3 had main.go and
    /// cmd/ko/main.go: review RF2): two programs, not one program's run-time choice. A flag only one of them had,
    /// removed from it, is a removal users of that program see: claimed (on main: not claimed, "only some roots have
    /// it"). One main that picks among its roots stays a run-time choice (the tests above).
    @Test func twoProgramsAreTwoPrograms() throws {
        let policy = """
            semgate: 1
            project: tool
            surfaces:
              cli:
                extract:
                  cobra:
                    files: ["main.go", "cmd/**/*.go", "commands/*.go"]
            """
        let commands = """
            package commands

            import "github.com/spf13/cobra"

            // Add adds the commands both programs share.
            func Add(root *cobra.Command) {
                serve := &cobra.Command{Use: "serve", Run: func(*cobra.Command, []string) {}}
                serve.Flags().Int("port", 8080, "port to listen on")
                root.AddCommand(serve)
            }
            """
        func program(verbose: Bool) -> String {
            """
            package main

            import (
                "github.com/spf13/cobra"

                "example.com/tool/commands"
            )

            func main() {
                root := &cobra.Command{Use: "tool"}
            \(verbose ? "    root.PersistentFlags().Bool(\"verbose\", false, \"say more\")" : "")
                commands.Add(root)
                _ = root.Execute()
            }
            """
        }
        let goMod = "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n"
        let common = [".semgate.yml": policy, "go.mod": goMod, "commands/commands.go": commands]
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(
                files: common.merging(["main.go": program(verbose: true), "cmd/tool/main.go": program(verbose: false)])
                { $1 }, tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(
                files: common.merging(["main.go": program(verbose: false), "cmd/tool/main.go": program(verbose: false)])
                { $1 }, tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", policy)
        let surface = try runSemgate(["surface", "v1.0.0", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        #expect(surface.stdout.contains("\"cli:tool --verbose\""), "\(surface.stdout)")
        #expect(
            surface.stdout.contains(
                "2 programs run a root named 'tool' (their main functions in cmd/tool/main.go, main.go)"))
        #expect(!surface.stdout.contains("picks one when it runs"))
        let audit = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        #expect(Self.errors(audit.stdout).contains("removed-without-deprecation cli:tool --verbose"), "\(audit.stdout)")
        #expect(audit.status == 1)
    }

    /// A program of the tests' own: root `tool`, with `serve --dry-run` (of type `dryRun`) when `serve`.
    static func toolProgram(serve: Bool, dryRun: String = "Bool") -> String {
        let value = dryRun == "Bool" ? "false" : "\"\""
        return """
            package main

            import "github.com/spf13/cobra"

            func main() {
                root := &cobra.Command{Use: "tool"}
            \(serve ? """
                serve := &cobra.Command{Use: "serve", Run: func(*cobra.Command, []string) {}}
                serve.Flags().\(dryRun)("dry-run", \(value), "print what would be served")
                root.AddCommand(serve)
            """ : "")
                root.AddCommand(&cobra.Command{Use: "version", Run: func(*cobra.Command, []string) {}})
                _ = root.Execute()
            }
            """
    }

    /// A repository of two releases, v1.0.0 with `first` and v1.1.0 with `later` (paths to files), each beside a
    /// policy that reads every `package main` of the top folder and of `cmd/`.
    static func programs(_ first: [String: String], _ later: [String: String]) throws -> FixtureRepository {
        let policy = """
            semgate: 1
            project: tool
            surfaces:
              cli:
                extract:
                  cobra:
                    files: ["*.go", "cmd/**/*.go"]
                    root: tool
            """
        let goMod = "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n"
        let common = [".semgate.yml": policy, "go.mod": goMod]
        let repo = try FixtureRepository()
        try repo.importCommits([
            FixtureRepository.Snapshot(files: common.merging(first) { $1 }, tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: common.merging(later) { $1 }, tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", policy)
        return repo
    }

    /// The exit status and JSON of `check` from v1.0.0 to v1.1.0 allowing a minor, and of `audit`.
    static func gate(_ repo: FixtureRepository) throws -> (check: Int32, checkJSON: String, audit: Int32, auditJSON: String) {
        let check = try runSemgate([
            "check", "--base", "v1.0.0", "--head", "v1.1.0", "--allow", "minor", "--repo", repo.url.path,
            "--no-cache", "--format", "json",
        ])
        let audit = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (check.status, check.stdout, audit.status, audit.stdout)
    }

    /// Review RF2's decoy: the release drops `serve` from the program users build (main.go) and adds a second
    /// `package main` whose root `tool` keeps it. A program new at the later revision keeps nothing alive: the removal
    /// is claimed by check and audit (on main's sources before RF2's return: check claimed it, audit did not; with RF2
    /// as first landed, neither).
    @Test func aNewProgramKeepsNoRemovedCommandAlive() throws {
        let repo = try Self.programs(
            ["main.go": Self.toolProgram(serve: true)],
            ["main.go": Self.toolProgram(serve: false), "cmd/decoy/main.go": Self.toolProgram(serve: true)])
        let gate = try Self.gate(repo)
        #expect(gate.check == 1, "\(gate.checkJSON)")
        #expect(gate.checkJSON.contains("it is gone from the program whose main package is in '.'"), "\(gate.checkJSON)")
        #expect(gate.audit == 1, "\(gate.auditJSON)")
        #expect(Self.errors(gate.auditJSON).contains("removed-without-deprecation cli:tool serve"), "\(gate.auditJSON)")
        #expect(Self.errors(gate.auditJSON).contains("removed-without-deprecation cli:tool serve --dry-run"))
    }

    /// Two programs at both releases; one drops `serve` (its users lose it), the other keeps it: claimed.
    @Test func aRemovalFromOneOfTwoProgramsIsClaimed() throws {
        let repo = try Self.programs(
            ["main.go": Self.toolProgram(serve: true), "cmd/tool2/main.go": Self.toolProgram(serve: true)],
            ["main.go": Self.toolProgram(serve: false), "cmd/tool2/main.go": Self.toolProgram(serve: true)])
        let gate = try Self.gate(repo)
        #expect(gate.check == 1, "\(gate.checkJSON)")
        #expect(Self.errors(gate.auditJSON).contains("removed-without-deprecation cli:tool serve"), "\(gate.auditJSON)")
    }

    /// What a program new at the later release lacks is no removal (on main's sources: `serve` claimed removed, the
    /// second program's lack of it read as the first one's run-time choice); a program gone while another that both
    /// releases have keeps its commands is none either; nor is a `main` package that moved.
    @Test func programsComingGoingAndMovingClaimNothing() throws {
        let shapes: [(String, [String: String], [String: String])] = [
            ("new smaller program", ["main.go": Self.toolProgram(serve: true)],
             ["main.go": Self.toolProgram(serve: true), "cmd/tool2/main.go": Self.toolProgram(serve: false)]),
            ("program gone, another keeps",
             ["main.go": Self.toolProgram(serve: true), "cmd/tool2/main.go": Self.toolProgram(serve: true)],
             ["cmd/tool2/main.go": Self.toolProgram(serve: true)]),
            ("main moved", ["main.go": Self.toolProgram(serve: true)], ["cmd/tool/main.go": Self.toolProgram(serve: true)]),
        ]
        for (name, first, later) in shapes {
            let gate = try Self.gate(try Self.programs(first, later))
            #expect(gate.check == 0, "\(name): \(gate.checkJSON)")
            #expect(gate.audit == 0, "\(name): \(gate.auditJSON)")
        }
    }

    /// Every `main` moved and a decoy added: with no program at both releases, each program of the later one may be
    /// the one users had, so a key is kept only if every one has it.
    @Test func movedMainAndDecoyClaimTheRemoval() throws {
        let repo = try Self.programs(
            ["main.go": Self.toolProgram(serve: true)],
            ["cmd/tool/main.go": Self.toolProgram(serve: false), "cmd/decoy/main.go": Self.toolProgram(serve: true)])
        let gate = try Self.gate(repo)
        #expect(gate.check == 1, "\(gate.checkJSON)")
        #expect(gate.audit == 1, "\(gate.auditJSON)")
    }

    /// An attribute is compared per program: `--dry-run` retyped in cmd/tool while a new program whose folder sorts
    /// first (`cmd/-decoy`, whose item the surface would show) keeps the old type: claimed (on main's sources: no
    /// change seen).
    @Test func anAttributeChangeIsJudgedPerProgram() throws {
        let repo = try Self.programs(
            ["cmd/tool/main.go": Self.toolProgram(serve: true)],
            [
                "cmd/tool/main.go": Self.toolProgram(serve: true, dryRun: "String"),
                "cmd/-decoy/main.go": Self.toolProgram(serve: true),
            ])
        let gate = try Self.gate(repo)
        #expect(gate.check == 1, "\(gate.checkJSON)")
        #expect(gate.checkJSON.contains("changed type of cli:tool serve --dry-run"), "\(gate.checkJSON)")
        #expect(gate.audit == 1, "\(gate.auditJSON)")
    }
}
