import Foundation
import Testing
import TestSupport

/// What a cobra command line promises when nobody tuned the policy for it: hidden commands, deprecations said in
/// help text or printed at run time, and what semgate cannot see, judged by the built binary over a release history.
@Suite("cobra promises through the built binary")
struct CobraPromiseTests {
    static func policy(hidden: String?) -> String {
        """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
        \(hidden.map { "hidden: \($0)" } ?? "")
        """
    }

    /// The program at one release: `pieces` are Go statements added to the root's constructor, `extra` top-level
    /// declarations.
    static func program(_ pieces: [String], _ extra: String = "") -> String {
        """
        package cmd

        import (
            "fmt"
            "os"

            "github.com/spf13/cobra"
        )

        var dataDir string

        func Execute() {
            root := &cobra.Command{Use: os.Args[0]}
            serve := &cobra.Command{Use: "serve"}
            serve.Flags().Int("port", 8080, "port to listen on")
            root.AddCommand(serve)
        \(pieces.map { "    " + $0 }.joined(separator: "\n"))
            _ = root.Execute()
        }

        func defrag(cmd *cobra.Command, args []string) {
            if dataDir != "" {
                fmt.Fprintln(os.Stderr, "Use othertool defrag instead; --data goes away in the next major")
            }
        }
        \(extra)
        """
    }

    static let docs = [
        #"docs := &cobra.Command{Use: "docs", Short: "Generates the docs", Hidden: true}"#,
        #"docs.Flags().String("dir", "docs", "where to write them")"#, "root.AddCommand(docs)",
    ]
    static let defrag = [
        #"defragCmd := &cobra.Command{Use: "defrag", Run: defrag}"#,
        #"defragCmd.Flags().StringVar(&dataDir, "data", "", "a data folder not in use")"#, "root.AddCommand(defragCmd)",
    ]
    static let keyWithArgument = [
        #"key := &cobra.Command{Use: "key [add|list]"}"#, #"key.Flags().String("user", "", "the key's user")"#,
        "root.AddCommand(key)",
    ]
    static let keyWithSubcommand = [
        #"key := &cobra.Command{Use: "key"}"#, #"add := &cobra.Command{Use: "add"}"#,
        #"add.Flags().String("user", "", "the key's user")"#, "key.AddCommand(add)", "root.AddCommand(key)",
    ]
    static let restore = [#"root.AddCommand(&cobra.Command{Use: "restore", Run: restore})"#]
    static let restoreSaysDeprecated = """
        func restore(cmd *cobra.Command, args []string) {
            fmt.Fprintf(os.Stderr, "Deprecated: use othertool restore instead.\\n")
        }
        """
    static let restorePlain = """
        func restore(cmd *cobra.Command, args []string) {}
        """

    /// 1.0.0: serve, a hidden docs command, defrag --data, key --user, restore. 1.0.1 removes docs. 1.1.0 prints a
    /// deprecation notice in restore. 2.0.0 removes restore and defrag --data, and moves key --user to `key add`.
    static func repository(hidden: String?) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", policy(hidden: hidden))
        let releases: [(String, [String], String)] = [
            ("1.0.0", docs + defrag + keyWithArgument + restore, restorePlain),
            ("1.0.1", defrag + keyWithArgument + restore, restorePlain),
            ("1.1.0", defrag + keyWithArgument + restore, restoreSaysDeprecated),
            (
                "2.0.0", [#"root.AddCommand(&cobra.Command{Use: "defrag", Run: defrag})"#] + keyWithSubcommand,
                ""
            ),
        ]
        for (version, pieces, extra) in releases {
            try repo.write("cmd/root.go", program(pieces, extra))
            try repo.commit("release \(version)")
            try repo.tag("v\(version)", annotated: true)
        }
        return repo
    }

    /// One commit: the program with `serve --port` only, and the policy with `hidden`.
    static func serveOnly(hidden: String) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", policy(hidden: hidden))
        try repo.write("cmd/root.go", program([]))
        try repo.commit("serve")
        return repo
    }

    /// `version rule item` for every error finding of an audit, and the messages by item.
    static func audit(hidden: String?) throws -> (status: Int32, errors: [String], messages: [String: String]) {
        let repo = try repository(hidden: hidden)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        expectNoCrash(result)
        var errors: [String] = []
        var messages: [String: String] = [:]
        for release in jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? [] {
            for finding in release["findings"] as? [[String: Any]] ?? [] where finding["severity"] as? String == "error"
            {
                let item = finding["item"] as? String ?? ""
                errors.append("\(release["version"] as? String ?? "") \(finding["rule"] as? String ?? "") \(item)")
                messages[item] = finding["message"] as? String
            }
        }
        return (result.status, errors.sorted(), messages)
    }

    @Test("by default a hidden command is promised; restore, deprecated by its run-time notice, may go in 2.0.0")
    func hiddenPromised() throws {
        let (status, errors, messages) = try Self.audit(hidden: nil)
        #expect(status == 1)
        #expect(
            errors == [
                "1.0.1 breaking-without-major cli:tool docs",
                "1.0.1 breaking-without-major cli:tool docs --dir",
                "1.0.1 removed-without-deprecation cli:tool docs",
                "1.0.1 removed-without-deprecation cli:tool docs --dir",
                "2.0.0 removed-without-deprecation cli:tool defrag --data",
                "2.0.0 removed-without-deprecation cli:tool key --user",
            ], "\(errors)")
        #expect(
            messages["cli:tool defrag --data"]
                == "cli:tool defrag --data was removed but no earlier release marked it deprecated in the code "
                + "(semgate cannot see a deprecation printed only at run time or said only in docs, nor a plugin "
                + "that now provides it; if users were told, declare it under deprecations:)")
        #expect(
            messages["cli:tool key --user"]
                == "cli:tool key --user was removed but no earlier release marked it deprecated in the code (the new "
                + "subcommand 'tool key add' declares --user: if 'tool key add' was typed as an argument before, "
                + "'tool key add --user' still works (semgate cannot tell an argument from a subcommand's name))")
    }

    @Test("with 'hidden: experimental' a hidden command promises nothing: removing it in a patch passes")
    func hiddenExperimental() throws {
        let (status, errors, _) = try Self.audit(hidden: "experimental")
        #expect(status == 1)
        #expect(
            errors == [
                "2.0.0 removed-without-deprecation cli:tool defrag --data",
                "2.0.0 removed-without-deprecation cli:tool key --user",
            ], "\(errors)")
    }

    @Test("with 'hidden: experimental', hiding a promised flag deprecates it: a minor, not a patch")
    func hidingDeprecates() throws {
        let repo = try Self.serveOnly(hidden: "experimental")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("cmd/root.go", Self.program([#"_ = serve.Flags().MarkHidden("port")"#]))
        try repo.commit("hide --port")
        let patch = try runSemgate(["check", "--version", "1.0.1", "--format", "json"], in: repo.url)
        #expect(patch.status == 1, "stdout: \(patch.stdout)\nstderr: \(patch.stderr)")
        let report = jsonObject(patch.stdout)
        let changes = (report?["changes"] as? [[String: Any]] ?? []).map {
            "\($0["kind"] as? String ?? "") \($0["item"] as? String ?? "") \($0["bump"] as? String ?? "")"
        }
        #expect(
            changes == ["changed cli:tool serve --port patch", "deprecated cli:tool serve --port minor"], "\(changes)")
        #expect(values(of: "rule", in: "findings", of: report).contains("deprecation-in-patch"))
        // Hidden and changed in one release: the change is judged by the promise it had until now.
        try repo.write(
            "cmd/root.go",
            Self.program([#"_ = serve.Flags().MarkHidden("port")"#]).replacingOccurrences(
                of: #"Int("port", 8080,"#, with: #"String("port", "8080","#))
        try repo.commit("hide --port, as text")
        let changedToo = try runSemgate(["check", "--version", "1.1.0", "--format", "json"], in: repo.url)
        #expect(changedToo.status == 1, "stdout: \(changedToo.stdout)\nstderr: \(changedToo.stderr)")
        #expect(jsonObject(changedToo.stdout)?["required"] as? String == "major")
        try repo.write("cmd/root.go", Self.program([#"_ = serve.Flags().MarkHidden("port")"#]))
        try repo.commit("hide --port")
        let minor = try runSemgate(["check", "--version", "1.1.0"], in: repo.url)
        #expect(minor.status == 0, "stdout: \(minor.stdout)\nstderr: \(minor.stderr)")
        try repo.tag("v1.1.0", annotated: true)
        try repo.write(
            "cmd/root.go",
            Self.program([]).replacingOccurrences(
                of: "serve.Flags().Int(\"port\", 8080, \"port to listen on\")", with: ""))
        try repo.commit("remove --port")
        let removed = try runSemgate(["check", "--version", "1.1.1"], in: repo.url)
        #expect(removed.status == 0, "stdout: \(removed.stdout)\nstderr: \(removed.stderr)")
        try repo.write(".semgate.yml", Self.policy(hidden: "promised"))
        try repo.commit("promise hidden flags")
        let promised = try runSemgate(["check", "--version", "1.1.1"], in: repo.url)
        #expect(promised.status == 1, "stdout: \(promised.stdout)\nstderr: \(promised.stderr)")
    }

    @Test("a policy with a bad 'hidden' value is a positioned error and exit 2")
    func badValue() throws {
        let repo = try Self.serveOnly(hidden: "secret")
        let result = try runSemgate(["policy", "validate"], in: repo.url)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                ".semgate.yml:9:9: invalid hidden 'secret'; use promised (hidden commands and flags are promised like "
                    + "the others) or experimental (they promise nothing)"), "\(result.stderr)")
    }
}
