import Foundation
import Testing
import TestSupport

/// A flag renamed while its flag set's normalization function (`SetNormalizeFunc(f)`) still maps the old name to it:
/// pflag normalizes every name it looks up, so `deck run --old-name x` still parses, and the rename removes nothing
/// (precision N1: trivy's renamed flags). A function semgate cannot read keeps the removal claimed.
@Suite("cobra surface through the built binary: renames kept through a normalization function")
struct CobraNormalizeFuncTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra: {files: ["cmd/*.go"], root: deck}
        rules:
          removed-without-deprecation: error
        """

    static let first = """
        package cmd

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "deck"}
            run := &cobra.Command{Use: "run", Run: func(*cobra.Command, []string) {}}
            walk := &cobra.Command{Use: "walk", Run: func(*cobra.Command, []string) {}}
            root.AddCommand(run, walk)
            run.Flags().String("old-name", "", "what to use")
            return root
        }
        """

    /// v1.1.0: `--old-name` is `--new-name`, and `target`'s flag set gets a function literal whose body is `body`;
    /// `extra` are package-level declarations.
    static func later(_ body: String, target: String = "run", extra: String = "") -> String {
        """
        package cmd

        import (
            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        \(extra)

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "deck"}
            run := &cobra.Command{Use: "run", Run: func(*cobra.Command, []string) {}}
            walk := &cobra.Command{Use: "walk", Run: func(*cobra.Command, []string) {}}
            root.AddCommand(run, walk)
            run.Flags().String("new-name", "", "what to use")
            \(target).Flags().SetNormalizeFunc(func(f *pflag.FlagSet, name string) pflag.NormalizedName {
                \(body)
                return pflag.NormalizedName(name)
            })
            return root
        }
        """
    }

    /// `audit` of v1.0.0 then v1.1.0 (`later`): exit status and output.
    static func audit(later: String) throws -> (status: Int32, output: String) {
        let repo = try FixtureRepository()
        func files(_ root: String) -> [String: String] {
            [
                ".semgate.yml": policy,
                "go.mod": "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n",
                "cmd/root.go": root,
            ]
        }
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(first), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(later), tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", policy)
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        return (result.status, result.stdout + result.stderr)
    }

    static let renamed = "var renamed = map[string]string{\"old-name\": \"new-name\"}"

    @Test(
        "a function literal that maps the old name to the new flag (an if, a switch, a lookup in a package map of renames, comments between): --old-name still parses, and nothing is claimed (precision N1)",
        arguments: [
            ("if name == \"old-name\" {\n            name = \"new-name\"\n        }", ""),
            ("switch name {\n        case \"old-name\":\n            name = \"new-name\"\n        }", ""),
            ("// renamed in 1.1.0\n        if n, ok := renamed[name]; ok {\n            name = n // the new spelling\n        }", renamed),
            ("if n, ok := renamed[name]; ok {\n            return pflag.NormalizedName(n)\n        }", renamed),
        ])
    func renameKept(body: String, extra: String) throws {
        let found = try Self.audit(later: Self.later(body, extra: extra))
        #expect(found.status == 0, "\(found.output)")
        #expect(!found.output.contains("deck run --old-name was removed"), "\(found.output)")
    }

    @Test(
        "controls: a function that maps another name, maps the old name to no flag, is set on another command's flags, or reads a map something else writes, hands on or declares again: --old-name is gone or may be, and its removal fails",
        arguments: [
            ("if name == \"other\" {\n            name = \"new-name\"\n        }", "run", ""),
            ("if name == \"old-name\" {\n            name = \"nowhere\"\n        }", "run", ""),
            ("if name == \"old-name\" {\n            name = \"new-name\"\n        }", "walk", ""),
            (
                "if n, ok := renamed[name]; ok {\n            name = n\n        }", "run",
                renamed + "\n\nfunc init() { renamed[\"old-name\"] = \"nowhere\" }"
            ),
            (
                "if n, ok := renamed[name]; ok {\n            name = n\n        }", "run",
                renamed + "\n\nfunc init() { clear(renamed) }"
            ),
            (
                "if n, ok := renamed[name]; ok {\n            name = n\n        }", "run",
                renamed + "\n\nvar other = renamed"
            ),
            (
                "if n, ok := renamed[name]; ok {\n            name = n\n        }", "run",
                "var renamed = map[string]string{\"old-name\": newName}\n\nconst newName = \"new-name\""
            ),
            ("if n, ok := Renamed[name]; ok {\n            name = n\n        }", "run", "var Renamed = map[string]string{\"old-name\": \"new-name\"}"),
            (
                "if n, ok := renamed[name]; ok {\n            name = n\n        } else {\n            name = \"x\"\n        }", "run",
                renamed
            ),
        ])
    func renameNotKept(body: String, target: String, extra: String) throws {
        let found = try Self.audit(later: Self.later(body, target: target, extra: extra))
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --old-name was removed"), "\(found.output)")
    }

    @Test(
        "control: the package map of renames is read only when every Go file of its package is: with `files` naming root.go alone, a file beside it may delete the entry (`func init() { delete(renamed, \"old-name\") }`), so --old-name's removal fails (review, N1)",
        arguments: ["func init() { delete(renamed, \"old-name\") }", "var _ = 1"])
    func renameMapWithFilesNotRead(beside: String) throws {
        let policy = Self.policy.replacingOccurrences(of: "[\"cmd/*.go\"]", with: "[\"cmd/root.go\"]")
        let repo = try FixtureRepository()
        func files(_ root: String) -> [String: String] {
            [
                ".semgate.yml": policy,
                "go.mod": "module example.com/deck\n\nrequire github.com/spf13/cobra v1.8.0\n",
                "cmd/root.go": root,
                "cmd/other.go": "package cmd\n\n\(beside)\n",
            ]
        }
        let body = "if n, ok := renamed[name]; ok {\n            name = n\n        }"
        try repo.importCommits([
            FixtureRepository.Snapshot(files: files(Self.first), tags: ["v1.0.0"]),
            FixtureRepository.Snapshot(files: files(Self.later(body, extra: Self.renamed)), tags: ["v1.1.0"]),
        ])
        try repo.write(".semgate.yml", policy)
        let result = try runSemgate(["audit", "--repo", repo.url.path, "--no-cache", "--format", "json"])
        let output = result.stdout + result.stderr
        #expect(result.status == 1, "\(output)")
        #expect(output.contains("deck run --old-name was removed"), "\(output)")
    }
}
