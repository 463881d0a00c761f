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

    /// Fails before: `cmd --endpoint`, `--plain` and `--token` claimed removed (they are the deck's only).
    @Test func oneRootBecomesARunTimeChoice() throws {
        let repo = try Self.repository(
            ["cmd/main.go": Self.single, "cmd/deck/deck.go": Self.deck()],
            ["cmd/main.go": Self.picking, "cmd/deck/deck.go": Self.deck()])
        let audit = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        #expect(audit.status == 0, "\(audit.stdout)")
        #expect(Self.errors(audit.stdout) == [], "\(audit.stdout)")
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
}
