import Foundation
import Testing
import TestSupport

/// A Go program whose cobra command line changes from release to release, judged by the built binary.
@Suite("cobra extractor through the built binary")
struct CobraEndToEndTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
        rules:
          removed-without-deprecation: error
        """

    /// `serve` with `--port` and whatever `extra` adds, built in a helper flag set over several lines.
    static func program(_ extra: String = "") -> String {
        """
        package cmd

        import (
            "os"

            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        func Execute() {
            root := &cobra.Command{Use: os.Args[0]}
            root.AddCommand(newServe())
            _ = root.Execute()
        }

        func serveFlags() *pflag.FlagSet {
            flags := pflag.NewFlagSet("serve", pflag.ContinueOnError)
            flags.IntP(
                "port", "p",
                8080, "port to listen on",
            )
        \(extra)
            return flags
        }

        func newServe() *cobra.Command {
            cmd := &cobra.Command{Use: "serve [dir]"}
            cmd.Flags().AddFlagSet(serveFlags())
            return cmd
        }
        """
    }

    /// v1.0.0 with `--port`; HEAD adds `--host` and turns `--port` into a string.
    static func repository() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", policy)
        try repo.write("cmd/root.go", program())
        try repo.commit("serve")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write(
            "cmd/root.go",
            program(#"flags.String("host", "", "host")"#).replacingOccurrences(
                of: "flags.IntP(", with: "flags.StringP("
            )
            .replacingOccurrences(of: "8080,", with: #""8080","#))
        try repo.commit("serve: host flag, port as text")
        return repo
    }

    @Test("surface lists commands and flags by full command path")
    func surface() throws {
        let repo = try Self.repository()
        let result = try runSemgate(["surface", "v1.0.0"], in: repo.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("tool serve --port  scope=local shorthand=p type=int  cmd/root.go:18"))
        #expect(result.stdout.contains("tool serve  cmd/root.go:27"))
        expectNoCrash(result)
    }

    @Test(
        "a flag's type change needs a major: check --version fails for a minor and passes for a major",
        arguments: [("1.1.0", Int32(1)), ("2.0.0", 0)])
    func check(version: String, status: Int32) throws {
        let repo = try Self.repository()
        let result = try runSemgate(["check", "--version", version, "--format", "json"], in: repo.url)
        #expect(result.status == status, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        #expect(report?["required"] as? String == "major")
        let changes = (report?["changes"] as? [[String: Any]] ?? []).map {
            "\($0["kind"] as? String ?? "") \($0["item"] as? String ?? "")"
        }
        #expect(Set(changes) == ["changed cli:tool serve --port", "added cli:tool serve --host"], "\(changes)")
    }

    @Test("JSON is byte-identical across runs")
    func deterministic() throws {
        let repo = try Self.repository()
        let first = try runSemgate(["diff", "v1.0.0", "HEAD", "--format", "json"], in: repo.url)
        let second = try runSemgate(["diff", "v1.0.0", "HEAD", "--format", "json"], in: repo.url)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout == second.stdout)
    }

    @Test("a Go file that does not parse is a note with file:line, not a failure to run")
    func brokenSource() throws {
        let repo = try Self.repository()
        try repo.write("cmd/broken.go", "package cmd\n\nfunc broken( {\n")
        try repo.commit("broken")
        let result = try runSemgate(["surface", "--format", "json"], in: repo.url)
        expectNoCrash(result)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let notes = jsonObject(result.stdout)?["notes"] as? [String] ?? []
        #expect(notes.contains { $0.hasPrefix("cmd/broken.go:3:14: cannot read Go source") }, "\(notes)")
    }

    /// The items of a JSON audit report's release `version` in its list `list` (`changes`, `findings`), sorted: of
    /// kind `kind` only, if given; each prefixed with its kind with `withKind`.
    static func items(
        _ releases: [[String: Any]], _ version: String, _ list: String, kind: String? = nil, withKind: Bool = false
    ) -> [String] {
        let release = releases.first { $0["version"] as? String == version }
        return (release?[list] as? [[String: Any]] ?? [])
            .filter { kind == nil || $0["kind"] as? String == kind }
            .compactMap { entry in
                (entry["item"] as? String).map { withKind ? "\(entry["kind"] as? String ?? "") \($0)" : $0 }
            }
            .sorted()
    }

    /// A root with `topics` built by one constructor per name, `remove` with `--all`, and `extra` lines in `Execute`.
    static func topicsProgram(_ addTopics: String, remove: String = #"c.Flags().Bool("all", false, "all")"#) -> String {
        """
        package cmd

        import (
            "os"

            "github.com/spf13/cobra"
        )

        var names = []string{"environment", "formatting"}

        func Execute() {
            root := &cobra.Command{Use: os.Args[0]}
            root.AddCommand(newRemove())
            \(addTopics)
            _ = root.Execute()
        }

        func newTopic(name string) *cobra.Command { return &cobra.Command{Use: name} }

        func newRemove() *cobra.Command {
            c := &cobra.Command{Use: "remove"}
            \(remove)
            return c
        }
        """
    }

    @Test("an item under a command that can no longer be followed is not claimed removed, but a real removal still is")
    func unfollowedIsNotRemoved() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        let byName = #"root.AddCommand(newTopic("environment"), newTopic("formatting"))"#
        try repo.write("cmd/root.go", Self.topicsProgram(byName))
        try repo.commit("topics by name")
        try repo.tag("v1.0.0", annotated: true)
        // A command named by an entry of a list picked when the program runs, which the extractor cannot tell (a loop
        // over the list it now can: each name runs on its own); `--all` is really gone.
        let fromList = "root.AddCommand(newTopic(names[len(os.Args)%2]))"
        try repo.write("cmd/root.go", Self.topicsProgram(fromList, remove: ""))
        try repo.commit("topics from a list")
        try repo.tag("v1.1.0", annotated: true)
        // Followed again, one topic fewer: a true removal.
        try repo.write("cmd/root.go", Self.topicsProgram(#"root.AddCommand(newTopic("environment"))"#, remove: ""))
        try repo.commit("topics by name again")
        try repo.tag("v1.2.0", annotated: true)

        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        let releases = report?["releases"] as? [[String: Any]] ?? []
        func removed(_ version: String) -> [String] { Self.items(releases, version, "changes", kind: "removed") }
        func added(_ version: String) -> [String] { Self.items(releases, version, "changes", kind: "added") }
        #expect(removed("1.1.0") == ["cli:tool remove --all"])
        // 1.2.0 is compared with 1.1.0, where neither topic was known: nothing is claimed added or removed there.
        #expect(added("1.2.0") == [])
        #expect(removed("1.2.0") == [])
        let notes = report?["notes"] as? [String] ?? []
        #expect(
            notes.contains {
                $0.hasPrefix("cli:tool environment, cli:tool formatting: no longer in the surface")
                    && $0.contains("cannot tell whether they were removed") && $0.hasSuffix("(at 1.1.0)")
            }, "\(notes)")
        #expect(
            notes.contains { $0.contains("the Use of a subcommand of 'tool' may be any of environment, formatting") },
            "\(notes)")
        #expect(report?["incomplete_surfaces"] as? [String] == ["cli"])

        // The gate a pull request must pass claims them (fail closed), saying they may still be there.
        let check = try runSemgate(["check", "--base", "v1.0.0", "--head", "v1.1.0", "--format", "json"], in: repo.url)
        #expect(check.status == 1, "stderr: \(check.stderr)")
        let findings = jsonObject(check.stdout)?["findings"] as? [[String: Any]] ?? []
        let unsure = findings.filter {
            $0["rule"] as? String == "removed-without-deprecation" && $0["item"] as? String == "cli:tool formatting"
        }
        #expect(unsure.count == 1)
        #expect((unsure.first?["message"] as? String)?.contains("it may still be there") == true, "\(unsure)")
    }

    /// Commands in `pkg/cmds` that `Register` adds to a root; `root` is the file that builds the root, if any there.
    static func registeredProgram(flags: String) -> String {
        """
        package cmds

        import "github.com/spf13/cobra"

        // Register adds the commands to the program's root.
        func Register(top *cobra.Command) {
            build := &cobra.Command{Use: "build"}
            \(flags)
            top.AddCommand(build)
        }
        """
    }

    static let registeredRoot = """
        package cmds

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            Register(root)
            return root
        }
        """

    @Test("commands keyed under a guessed root, found under the root once it is read, are not claimed removed by audit")
    func rootReadLater() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            project: tool
            surfaces:
              cli:
                extract:
                  cobra:
                    files: ["pkg/cmds/**/*.go"]
            rules:
              removed-without-deprecation: error
            """)
        // The root is built in a file the policy does not read.
        try repo.write(
            "cmd/tool/main.go",
            """
            package main

            import (
                "example.com/tool/pkg/cmds"
                "github.com/spf13/cobra"
            )

            func main() {
                root := &cobra.Command{Use: "tool"}
                cmds.Register(root)
                _ = root.Execute()
            }
            """)
        let flags = #"build.Flags().Bool("push", false, ""); build.Flags().String("tag", "", "")"#
        try repo.write("pkg/cmds/cmds.go", Self.registeredProgram(flags: flags))
        try repo.commit("build")
        try repo.tag("v1.0.0", annotated: true)
        // The root moves into the files read.
        try repo.write("pkg/cmds/root.go", Self.registeredRoot)
        try repo.write(
            "cmd/tool/main.go",
            """
            package main

            import "example.com/tool/pkg/cmds"

            func main() { _ = cmds.NewRoot().Execute() }
            """)
        try repo.commit("root in pkg/cmds")
        try repo.tag("v1.1.0", annotated: true)
        // `--tag` is really gone.
        try repo.write("pkg/cmds/cmds.go", Self.registeredProgram(flags: #"build.Flags().Bool("push", false, "")"#))
        try repo.commit("no --tag")
        try repo.tag("v1.2.0", annotated: true)

        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let report = jsonObject(result.stdout)
        let releases = report?["releases"] as? [[String: Any]] ?? []
        func changes(_ version: String) -> [String] { Self.items(releases, version, "changes", withKind: true) }
        func findings(_ version: String) -> [String] { Self.items(releases, version, "findings") }
        // Handed to an AddCommand not followed, `build` was taken to get flags there too (`unread-flags`, which
        // breaks nothing); nothing is removed or added.
        #expect(changes("1.1.0") == ["changed cli:tool build"])
        #expect(findings("1.1.0") == [])
        #expect(changes("1.2.0") == ["removed cli:tool build --tag"])
        #expect(findings("1.2.0").contains("cli:tool build --tag"))
        let notes = report?["notes"] as? [String] ?? []
        #expect(
            notes.contains {
                $0.hasPrefix("cli:build is cli:tool build, cli:build --push is cli:tool build --push,")
                    && $0.hasSuffix("(at 1.1.0)")
            }, "\(notes)")
        #expect(
            notes.contains {
                $0.hasPrefix("cli:tool") && $0.contains("cannot tell whether") && $0.hasSuffix("(at 1.1.0)")
            }, "\(notes)")

        // The gate a pull request must pass claims the removals (fail closed), saying they may still be there.
        let check = try runSemgate(["check", "--base", "v1.0.0", "--head", "v1.1.0", "--format", "json"], in: repo.url)
        #expect(check.status == 1, "stderr: \(check.stderr)")
        let found = jsonObject(check.stdout)?["findings"] as? [[String: Any]] ?? []
        let push = found.filter {
            $0["rule"] as? String == "removed-without-deprecation" && $0["item"] as? String == "cli:build --push"
        }
        #expect(push.count == 1, "\(found)")
        #expect((push.first?["message"] as? String)?.contains("it may still be there") == true, "\(push)")
    }

    @Test("a program's root it also attaches to another program's command keeps its removals: check fails")
    func rootAlsoAttachedElsewhere() throws {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            project: app
            surfaces:
              cli:
                extract:
                  cobra:
                    files: ["pkg/app/**/*.go"]
            rules:
              removed-without-deprecation: error
            """)
        func program(_ flags: String) -> String {
            """
            package app

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "app"}
                serve := &cobra.Command{Use: "serve"}
                \(flags)
                root.AddCommand(serve)
                return root
            }

            // Attach adds the whole command line under another program's command.
            func Attach(parent *cobra.Command) {
                parent.AddCommand(NewRoot())
            }
            """
        }
        let both = #"serve.Flags().Int("port", 0, ""); serve.Flags().Bool("tls", false, "")"#
        try repo.write("pkg/app/root.go", program(both))
        try repo.commit("serve")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("pkg/app/root.go", program(#"serve.Flags().Bool("tls", false, "")"#))
        try repo.commit("no --port")
        try repo.tag("v1.1.0", annotated: true)

        let check = try runSemgate(["check", "--base", "v1.0.0", "--head", "v1.1.0", "--format", "json"], in: repo.url)
        #expect(check.status == 1, "stdout: \(check.stdout)\nstderr: \(check.stderr)")
        let found = jsonObject(check.stdout)?["findings"] as? [[String: Any]] ?? []
        let port = found.filter {
            $0["rule"] as? String == "removed-without-deprecation" && $0["item"] as? String == "cli:app serve --port"
        }
        #expect(port.count == 1, "\(found)")
        // The root is still there: nothing says the flag may be.
        #expect((port.first?["message"] as? String)?.contains("it may still be there") == false, "\(port)")
        let audit = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(audit.status == 1, "stderr: \(audit.stderr)")
        let releases = jsonObject(audit.stdout)?["releases"] as? [[String: Any]] ?? []
        #expect(Self.items(releases, "1.1.0", "changes", kind: "removed") == ["cli:app serve --port"])
    }
    /// A repository whose policy reads the command line from `cmd/*.go` only (files elsewhere read nothing).
    static func unreadProject() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(
            ".semgate.yml",
            """
            semgate: 1
            project: tool
            surfaces:
              cli:
                extract:
                  cobra:
                    files: ["cmd/*.go"]
            rules:
              removed-without-deprecation: error
            """)
        return repo
    }

    /// `tool serve` with `flags`, in package `package`.
    static func servingProgram(_ package: String, _ flags: String) -> String {
        """
        package \(package)

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            \(flags)
            root.AddCommand(serve)
            return root
        }
        """
    }

    @Test("a surface read by a list of cobra extractors, one reading nothing: the other's read counts (review R54)")
    func listOfExtractorsOneEmpty() throws {
        for moved in [false, true] {
            let repo = try FixtureRepository()
            try repo.write(
                ".semgate.yml",
                """
                semgate: 1
                project: tool
                surfaces:
                  cli:
                    extract:
                      - cobra: {files: ["cmd/*.go"], root: tool}
                      - cobra: {files: ["pkg/cmd/*.go"], root: tool}
                rules:
                  removed-without-deprecation: error
                """)
            let flags = #"serve.Flags().Int("port", 0, ""); serve.Flags().Bool("host", false, "")"#
            try repo.write("cmd/root.go", Self.servingProgram("cmd", flags))
            try repo.commit("serve")
            try repo.tag("v1.0.0", annotated: true)
            let path = moved ? "pkg/cmd/root.go" : "cmd/root.go"
            if moved { try repo.remove("cmd/root.go") }
            try repo.write(path, Self.servingProgram("cmd", #"serve.Flags().Int("port", 0, "")"#))
            try repo.commit("no --host")
            try repo.tag("v1.1.0", annotated: true)
            let audit = try runSemgate(["audit", "--format", "json"], in: repo.url)
            #expect(audit.status == 1, "moved \(moved): \(audit.stdout)")
            let releases = jsonObject(audit.stdout)?["releases"] as? [[String: Any]] ?? []
            #expect(Self.items(releases, "1.1.0", "changes", kind: "removed") == ["cli:tool serve --host"], "\(moved)")
            // The extractor that reads nothing says so of itself; nothing says audit claims nothing removed here.
            let notes = jsonObject(audit.stdout)?["notes"] as? [String] ?? []
            #expect(notes.contains { $0.contains("so this extractor reads no command line here") }, "\(notes)")
            #expect(!notes.contains { $0.contains("claims nothing removed") }, "\(notes)")
        }
    }

    @Test("a release where the files match nothing is not read as the command line removed, nor the next as it added")
    func filesMatchingNothing() throws {
        let repo = try Self.unreadProject()
        let program = Self.servingProgram
        // Before any release the policy reads: what 1.0.0 has is not known to be new.
        try repo.write("pkg/cmd/root.go", program("cmd", ""))
        try repo.commit("elsewhere")
        try repo.tag("v0.9.0", annotated: true)
        try repo.remove("pkg/cmd/root.go")
        let both = #"serve.Flags().Int("port", 0, ""); serve.Flags().Bool("tls", false, "")"#
        try repo.write("cmd/root.go", program("cmd", both))
        try repo.commit("serve")
        try repo.tag("v1.0.0", annotated: true)
        // The command line moves to a folder the policy does not name: nothing is read there.
        try repo.remove("cmd/root.go")
        try repo.write("pkg/cmd/root.go", program("cmd", both))
        try repo.commit("moved to pkg/cmd")
        try repo.tag("v1.1.0", annotated: true)
        // And back: compared with 1.0.0, the last release that read the command line.
        try repo.remove("pkg/cmd/root.go")
        try repo.write("cmd/root.go", program("cmd", both))
        try repo.commit("back in cmd")
        try repo.tag("v1.2.0", annotated: true)
        // Away again, and back without --port: the removal while it was not read is still claimed.
        try repo.remove("cmd/root.go")
        try repo.write("pkg/cmd/root.go", program("cmd", both))
        try repo.commit("moved to pkg/cmd again")
        try repo.tag("v1.3.0", annotated: true)
        try repo.remove("pkg/cmd/root.go")
        try repo.write("cmd/root.go", program("cmd", #"serve.Flags().Bool("tls", false, "")"#))
        try repo.commit("back in cmd without --port")
        try repo.tag("v1.4.0", annotated: true)
        // Not read at a major: what the release after it lacks may have gone in the major, a note says so.
        try repo.remove("cmd/root.go")
        try repo.write("pkg/cmd/root.go", program("cmd", #"serve.Flags().Bool("tls", false, "")"#))
        try repo.commit("moved for 2.0.0")
        try repo.tag("v2.0.0", annotated: true)
        try repo.remove("pkg/cmd/root.go")
        try repo.write("cmd/root.go", program("cmd", ""))
        try repo.commit("back in cmd without --tls")
        try repo.tag("v2.1.0", annotated: true)

        let audit = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(audit.status == 1, "stdout: \(audit.stdout)\nstderr: \(audit.stderr)")
        let report = jsonObject(audit.stdout)
        let releases = report?["releases"] as? [[String: Any]] ?? []
        #expect(Self.items(releases, "1.0.0", "changes") == [])
        #expect(Self.items(releases, "1.1.0", "changes") == [])
        #expect(Self.items(releases, "1.2.0", "changes") == [])
        #expect(Self.items(releases, "1.3.0", "changes") == [])
        #expect(Self.items(releases, "1.4.0", "changes", withKind: true) == ["removed cli:tool serve --port"])
        #expect(Self.items(releases, "1.4.0", "findings").contains("cli:tool serve --port"))
        #expect(Self.items(releases, "2.0.0", "changes") == [])
        // Across the major too: --tls went after 1.4.0, perhaps in 2.0.0, which read nothing; the finding says so.
        #expect(Self.items(releases, "2.1.0", "changes", withKind: true) == ["removed cli:tool serve --tls"])
        let tls = (releases.first { $0["version"] as? String == "2.1.0" }?["findings"] as? [[String: Any]] ?? [])
            .filter { $0["rule"] as? String == "removed-without-deprecation" }
        #expect((tls.first?["message"] as? String)?.contains("it went after 1.4.0") == true, "\(tls)")
        #expect(report?["incomplete_surfaces"] as? [String] == ["cli"])
        let notes = report?["notes"] as? [String] ?? []
        #expect(
            notes.contains {
                $0.hasPrefix("cli:tool, cli:tool help, cli:tool serve, cli:tool serve --port, cli:tool serve --tls: in surface "
                    + "'cli', which no release before read (0.9.0 read nothing of it") && $0.hasSuffix("(at 1.0.0)")
            }, "\(notes)")
        #expect(
            notes.contains {
                $0.hasPrefix("surface 'cli' was not read at 1.3.0") && $0.contains("1.4.0 is compared with 1.2.0")
            }, "\(notes)")
        #expect(
            notes.contains {
                $0.hasPrefix("surface 'cli' was not read at 2.0.0") && $0.contains("(what went may have gone in the major")
            }, "\(notes)")
        #expect(
            notes.contains {
                $0.contains("surface 'cli'") && $0.contains("cmd/*.go") && $0.hasSuffix("(at 4 releases, 0.9.0 to 2.0.0)")
            }, "\(notes)")
        // What audit does there is said of the surface, once: no extractor of it reads a command line.
        #expect(
            notes.contains {
                $0.hasPrefix("surface 'cli': no extractor of it reads a command line here")
                    && $0.contains("claims the removals here only when this is the last release it audits")
                    && $0.hasSuffix("(at 4 releases, 0.9.0 to 2.0.0)")
            }, "\(notes)")
        #expect(
            notes.contains {
                $0.hasPrefix("cli:tool, cli:tool help, cli:tool serve") && $0.contains("cannot tell whether they were removed")
                    && $0.contains("(at 1.1.0")
            }, "\(notes)")

        // The last release audited has no later one to settle what went while nothing was read (review R72: an
        // unreadable newest release passed): an audit ending on 1.3.0 claims its removals as check does.
        let upTo = try runSemgate(["audit", "--to", "1.3.0", "--format", "json"], in: repo.url)
        #expect(upTo.status == 1, "stdout: \(upTo.stdout)\nstderr: \(upTo.stderr)")
        let upToReport = jsonObject(upTo.stdout)
        let rows = upToReport?["releases"] as? [[String: Any]] ?? []
        #expect(Self.items(rows, "1.1.0", "changes") == [])
        #expect(Self.items(rows, "1.3.0", "changes", withKind: true).contains("removed cli:tool serve --port"))
        #expect(Self.items(rows, "1.3.0", "findings").contains("cli:tool serve --port"))
        #expect(
            (upToReport?["notes"] as? [String] ?? []).contains {
                $0.hasPrefix("surface 'cli': nothing of it is read at 1.3.0, the last release audited")
            }, "\(upToReport?["notes"] ?? "")")

        // The gate a pull request must pass claims the removals (fail closed), saying they may still be there.
        let check = try runSemgate(["check", "--base", "v1.0.0", "--head", "v1.1.0", "--format", "json"], in: repo.url)
        #expect(check.status == 1, "stderr: \(check.stderr)")
        let found = jsonObject(check.stdout)?["findings"] as? [[String: Any]] ?? []
        let port = found.filter {
            $0["rule"] as? String == "removed-without-deprecation" && $0["item"] as? String == "cli:tool serve --port"
        }
        #expect(port.count == 1, "\(found)")
        #expect((port.first?["message"] as? String)?.contains("it may still be there") == true, "\(port)")
        // A base that read nothing: the head is compared with the last release before it that read the surface.
        let fromUnread = try runSemgate(
            ["check", "--base", "v1.3.0", "--head", "v1.4.0", "--format", "json"], in: repo.url)
        #expect(fromUnread.status == 1, "stderr: \(fromUnread.stderr)")
        let since = jsonObject(fromUnread.stdout)
        let removed = (since?["changes"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "removed" }
        #expect(removed.compactMap { $0["item"] as? String } == ["cli:tool serve --port"], "\(removed)")
        #expect(
            (since?["notes"] as? [String] ?? []).contains {
                $0.hasPrefix("surface 'cli' was not read at the base 1.3.0") && $0.contains("compared with 1.2.0")
            })
    }

    @Test("check from a base after 40 releases that read nothing: the head is compared with the last that read it")
    func baseAfterManyUnread() throws {
        let repo = try Self.unreadProject()
        func program(_ flags: String) -> String { Self.servingProgram("cmd", flags) }
        try repo.write("cmd/root.go", program(#"serve.Flags().Int("port", 0, "")"#))
        try repo.commit("serve")
        try repo.tag("v1.0.0", annotated: true)
        try repo.remove("cmd/root.go")
        for minor in 1...40 {
            try repo.write("pkg/cmd/root.go", program(#"serve.Flags().Int("port", \#(minor), "")"#))
            try repo.commit("elsewhere \(minor)")
            try repo.tag("v1.\(minor).0", annotated: true)
        }
        try repo.remove("pkg/cmd/root.go")
        try repo.write("cmd/root.go", program(""))
        try repo.commit("back in cmd without --port")
        let check = try runSemgate(["check", "--base", "v1.40.0", "--version", "1.41.0", "--format", "json"], in: repo.url)
        #expect(check.status == 1, "stdout: \(check.stdout)\nstderr: \(check.stderr)")
        let report = jsonObject(check.stdout)
        let removed = (report?["changes"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "removed" }
        #expect(removed.compactMap { $0["item"] as? String } == ["cli:tool serve --port"], "\(removed)")
        #expect(
            (report?["notes"] as? [String] ?? []).contains {
                $0.hasPrefix("surface 'cli' was not read at the base 1.40.0") && $0.contains("compared with 1.0.0")
            })
    }
}
