import Foundation
import Testing
import TestSupport

/// A copy of cobra or pflag under `vendor/` that a release edits while `vendor/modules.txt` names the same version
/// (review R106): `go build` takes the library from there, semgate reads the command line as the published library
/// builds it, so the edit (an `AddCommand` that skips a name, a flag registration that does nothing, a file that hides
/// every flag) showed no change and the gate passed. Every test here fails on main 584b410 (no such finding, exit 0),
/// except the quiet controls, which pass on both.
@Suite("a vendored cobra or pflag edited at the same version")
struct CobraVendoredLibraryTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/*.go"]
        """

    static let goMod = """
        module example.com/tool

        go 1.21

        require (
        \tgithub.com/spf13/cobra v1.8.0
        \tgithub.com/spf13/pflag v1.0.5
        )

        """

    /// The copies are of forks (`=> example.com/forks/...`, written for these tests): semgate cannot check a fork
    /// against what cobra published, so it compares the copy step to step while the same replacement stays. The
    /// check against the published releases has its own tests below.
    static func modulesTxt(cobra: String = "v1.8.0", pflag: String = "v1.0.5") -> String {
        """
        # github.com/spf13/cobra \(cobra) => example.com/forks/cobra v1.8.0
        ## explicit; go 1.15
        github.com/spf13/cobra
        # github.com/spf13/pflag \(pflag) => example.com/forks/pflag v1.0.5
        ## explicit; go 1.12
        github.com/spf13/pflag

        """
    }

    static let root = """
        package cmd

        import "github.com/spf13/cobra"

        var RootCmd = &cobra.Command{Use: "tool"}

        var runCmd = &cobra.Command{Use: "run", Run: func(*cobra.Command, []string) {}}

        func init() {
            RootCmd.AddCommand(runCmd)
            runCmd.Flags().Bool("watch", false, "watch the files")
        }
        """

    // Stand-ins for the libraries' files, written for these tests: only their blobs matter.
    static let command = """
        package cobra

        // Command is one command of a command line.
        type Command struct {
            Use      string
            children []*Command
        }

        // AddCommand adds subcommands.
        func (c *Command) AddCommand(cmds ...*Command) {
            c.children = append(c.children, cmds...)
        }
        """

    static let commandSkippingRun = """
        package cobra

        // Command is one command of a command line.
        type Command struct {
            Use      string
            children []*Command
        }

        // AddCommand adds subcommands.
        func (c *Command) AddCommand(cmds ...*Command) {
            for _, cmd := range cmds {
                if cmd.Use != "run" {
                    c.children = append(c.children, cmd)
                }
            }
        }
        """

    static let flag = """
        package pflag

        // FlagSet holds flags.
        type FlagSet struct{ names []string }

        // Bool defines a bool flag.
        func (f *FlagSet) Bool(name string, value bool, usage string) *bool {
            f.names = append(f.names, name)
            return &value
        }
        """

    static let flagRegisteringNothing = """
        package pflag

        // FlagSet holds flags.
        type FlagSet struct{ names []string }

        // Bool defines a bool flag.
        func (f *FlagSet) Bool(name string, value bool, usage string) *bool {
            return &value
        }
        """

    static let base: [String: String] = [
        ".semgate.yml": policy,
        "go.mod": goMod,
        "cmd/root.go": root,
        "vendor/modules.txt": modulesTxt(),
        "vendor/github.com/spf13/cobra/command.go": command,
        "vendor/github.com/spf13/cobra/args.go": "package cobra\n\n// PositionalArgs checks arguments.\n",
        "vendor/github.com/spf13/cobra/README.md": "# a command line library\n",
        "vendor/github.com/spf13/pflag/flag.go": flag,
        "vendor/github.com/spf13/pflag/bool.go": "package pflag\n\n// boolValue is a bool.\ntype boolValue bool\n",
    ]

    /// A repository with the base at v1.0.0 and `change` made at v1.0.1.
    func repository(_ change: [String: String?], links: [String: String] = [:]) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        for (path, text) in Self.base { try repo.write(path, text) }
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        for (path, text) in change {
            if let text { try repo.write(path, text) } else { try repo.remove(path) }
        }
        for (path, target) in links { try repo.link(path, to: target) }
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        return repo
    }

    /// The `vendored-library-edited` findings of release `version` in an audit, as `severity message`.
    static func findings(_ report: [String: Any]?, _ version: String) -> [String] {
        let releases = report?["releases"] as? [[String: Any]] ?? []
        let release = releases.first { $0["version"] as? String == version }
        return (release?["findings"] as? [[String: Any]] ?? [])
            .filter { $0["rule"] as? String == "vendored-library-edited" }
            .compactMap { finding in
                (finding["message"] as? String).map { "\(finding["severity"] ?? "") \($0)" }
            }
    }

    static let edits: [(String, [String: String?], String)] = [
        (
            "AddCommand skips a name", ["vendor/github.com/spf13/cobra/command.go": commandSkippingRun],
            "vendor/github.com/spf13/cobra/command.go changed"
        ),
        (
            "a flag registration does nothing", ["vendor/github.com/spf13/pflag/flag.go": flagRegisteringNothing],
            "vendor/github.com/spf13/pflag/flag.go changed"
        ),
        (
            "a file added that hides every flag",
            ["vendor/github.com/spf13/cobra/zz_hide.go": "package cobra\n\nfunc init() { hideEveryFlag = true }\n"],
            "vendor/github.com/spf13/cobra/zz_hide.go added"
        ),
        (
            "a file of the package removed", ["vendor/github.com/spf13/pflag/bool.go": nil],
            "vendor/github.com/spf13/pflag/bool.go removed"
        ),
        (
            "an assembly file added", ["vendor/github.com/spf13/cobra/zz_amd64.s": "TEXT ·hide(SB),4,$0\n"],
            "vendor/github.com/spf13/cobra/zz_amd64.s added"
        ),
        (
            "a file added under another spelling of the folders (a case-insensitive checkout builds it)",
            ["Vendor/GitHub.com/spf13/cobra/zz_hide.go": "package cobra\n\nvar hideEveryFlag = true\n"],
            "Vendor/GitHub.com/spf13/cobra/zz_hide.go added"
        ),
        (
            "a word after the version, which makes go ignore the replacement: the copy is read as the published v1.8.0"
                + " (review modules-txt-trailing-word)",
            [
                "vendor/modules.txt": modulesTxt(cobra: "v1.8.0 reviewed"),
                "vendor/github.com/spf13/cobra/command.go": commandSkippingRun,
            ],
            "is not the published v1.8.0 that vendor/modules.txt names"
        ),
        (
            "a line go does not read as a module line (a tab after #; review modules-txt-tab-line)",
            [
                "vendor/modules.txt": modulesTxt() + "#\tgithub.com/spf13/cobra v1.8.1\n",
                "vendor/github.com/spf13/cobra/command.go": commandSkippingRun,
            ],
            "vendor/github.com/spf13/cobra/command.go changed"
        ),
        (
            "a no-break space between path and version, which go's strings.Fields splits at (review modules-txt-nbsp)",
            [
                "vendor/modules.txt": modulesTxt().replacingOccurrences(
                    of: "github.com/spf13/cobra v1.8.0", with: "github.com/spf13/cobra\u{00A0}v1.8.0"),
                "vendor/github.com/spf13/cobra/command.go": commandSkippingRun,
            ],
            "vendor/github.com/spf13/cobra/command.go changed"
        ),
        (
            "the program's go.mod and modules.txt unchanged, a second module version line unchanged too",
            [
                "vendor/github.com/spf13/cobra/command.go": commandSkippingRun,
                "vendor/github.com/spf13/pflag/flag.go": flagRegisteringNothing,
            ],
            "vendor/github.com/spf13/cobra/command.go changed"
        ),
    ]

    /// Fails on main: no finding, exit 0.
    @Test(arguments: 0..<edits.count)
    func editAtTheSameVersionIsAnError(index: Int) throws {
        let (_, change, named) = Self.edits[index]
        let repo = try repository(change)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let found = Self.findings(jsonObject(result.stdout), "1.0.1")
        #expect(
            found.contains { $0.hasPrefix("error the vendored github.com/spf13/") && $0.contains(named) }, "\(found)")
        if !named.hasPrefix("is not the published") {
            #expect(found.allSatisfy { $0.contains("vendor/modules.txt names the same version") }, "\(found)")
        }
        #expect(Self.findings(jsonObject(result.stdout), "1.0.0") == [])
        #expect(result.status == 1, "\(result.stderr)")
    }

    /// The persistent extraction cache keys the cobra extractor by the copies too: a second run, from the cache,
    /// finds the same. Fails on main.
    @Test func editFoundFromTheCache() throws {
        let repo = try repository(["vendor/github.com/spf13/cobra/command.go": Self.commandSkippingRun])
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("semgate-r106-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        for _ in 0..<2 {
            let result = try runSemgate(
                ["audit", "--format", "json", "--cache"], in: repo.url,
                environment: ["SEMGATE_EXTRACTION_CACHE": cache.path])
            #expect(Self.findings(jsonObject(result.stdout), "1.0.1").count == 1)
            #expect(result.status == 1)
        }
    }

    /// A pull request's check and a diff see it too (fails on main: check exit 0, diff complete and silent).
    @Test func checkAndDiffOfAPullRequest() throws {
        let repo = try repository(["vendor/github.com/spf13/pflag/flag.go": Self.flagRegisteringNothing])
        let check = try runSemgate(["check", "--base", "v1.0.0", "--format", "json"], in: repo.url)
        let findings = (jsonObject(check.stdout)?["findings"] as? [[String: Any]] ?? [])
            .filter { $0["rule"] as? String == "vendored-library-edited" }
        #expect(findings.count == 1)
        #expect(findings.first?["severity"] as? String == "error")
        #expect(findings.first?["location"] as? String == "vendor/github.com/spf13/pflag/flag.go")
        #expect(check.status == 1)
        let diff = try runSemgate(["diff", "v1.0.0", "v1.0.1", "--format", "json"], in: repo.url)
        let report = jsonObject(diff.stdout)
        #expect(report?["incomplete_surfaces"] as? [String] == ["cli"], "\(diff.stdout)")
        #expect(
            (report?["notes"] as? [String] ?? []).contains {
                $0.contains("the vendored github.com/spf13/pflag was edited")
            })
    }

    /// A symbolic link on the way to the copy: its content is not in the tree, so it cannot be compared (fails on
    /// main).
    @Test(arguments: ["vendor/github.com/spf13/cobra", "vendor/github.com/spf13/cobra/command.go"])
    func linkOnTheWayCannotBeCompared(link: String) throws {
        let repo = try FixtureRepository()
        for (path, text) in Self.base { try repo.write(path, text) }
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("third_party/cobra/command.go", Self.commandSkippingRun)
        try repo.write("third_party/cobra/args.go", "package cobra\n")
        try repo.remove(link)
        let depth = link.split(separator: "/").count - 1
        try repo.link(
            link,
            to: String(repeating: "../", count: depth) + "third_party/cobra"
                + (link.hasSuffix(".go") ? "/command.go" : ""))
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let found = Self.findings(jsonObject(result.stdout), "1.0.1")
        #expect(found.contains { $0.contains("cannot be compared") && $0.contains("is a symbolic link") }, "\(found)")
        #expect(result.status == 1)
    }

    static let quiet: [(String, [String: String?])] = [
        (
            "an upgrade: vendor/modules.txt names the new version",
            [
                "vendor/modules.txt": modulesTxt(cobra: "v1.8.1"),
                "go.mod": goMod.replacingOccurrences(of: "v1.8.0", with: "v1.8.1"),
                "vendor/github.com/spf13/cobra/command.go": commandSkippingRun,
            ]
        ),
        (
            "pflag upgraded with a file gone",
            ["vendor/modules.txt": modulesTxt(pflag: "v1.0.6"), "vendor/github.com/spf13/pflag/bool.go": nil]
        ),
        (
            "files go does not build: a README, a test",
            [
                "vendor/github.com/spf13/cobra/README.md": nil,
                "vendor/github.com/spf13/cobra/command_test.go": "package cobra\n",
                "vendor/github.com/spf13/pflag/LICENSE": "license text\n",
            ]
        ),
        ("a subpackage the command line does not build", ["vendor/github.com/spf13/cobra/doc/man.go": "package doc\n"]),
    ]

    /// Passes on main and here: the rule stays quiet on an upgrade and on files go does not build.
    @Test(arguments: 0..<quiet.count)
    func upgradesAndUnbuiltFilesAreQuiet(index: Int) throws {
        let repo = try repository(Self.quiet[index].1)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(Self.findings(jsonObject(result.stdout), "1.0.1") == [], "\(Self.quiet[index].0)")
        #expect(result.status == 0, "\(Self.quiet[index].0): \(result.stdout)")
    }

    /// No vendor/: `go.mod` replaces cobra by a folder of the repository, which go builds. An edit of that folder's
    /// code with the same `replace` is an edit of the library (review r106 replace-by-folder; fails on main); a
    /// README there is not; a folder outside the repository cannot be compared.
    @Test(arguments: [
        ("third_party/cobra/command.go", commandSkippingRun, "./third_party/cobra", true),
        ("third_party/cobra/README.md", "# our cobra\n", "./third_party/cobra", false),
        ("cmd/root.go", root + "\n// a comment\n", "../cobra", true),
    ])
    func replaceByFolder(path: String, text: String, target: String, fires: Bool) throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", Self.goMod + "\nreplace github.com/spf13/cobra => \(target)\n")
        try repo.write("cmd/root.go", Self.root)
        try repo.write("third_party/cobra/go.mod", "module github.com/spf13/cobra\n\ngo 1.15\n")
        try repo.write("third_party/cobra/command.go", Self.command)
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write(path, text)
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let found = Self.findings(jsonObject(result.stdout), "1.0.1")
        #expect(found.count == (fires ? 1 : 0), "\(found)")
        if fires, target.hasPrefix("./") {
            #expect(found.first?.contains("go.mod replaces it by the same folder") == true, "\(found)")
        }
    }

    /// What go on Linux does not read stands for nothing: another spelling of modules.txt naming a new version, or a
    /// second line for the module, makes the copy unchecked; a nested module holding most of the files read does not
    /// hide the root module's vendor/ (review modules-txt case variant, nested-module-majority). Fail on main.
    @Test(arguments: [
        ["vendor/MODULES.TXT": modulesTxt(cobra: "v1.8.1")],
        ["vendor/modules.txt": modulesTxt() + "# github.com/spf13/cobra v1.8.1\n"],
        [
            "cmd/extra/go.mod":
                "module example.com/tool/cmd/extra\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n",
            "cmd/extra/a.go": "package extra\n", "cmd/extra/b.go": "package extra\n",
            "cmd/extra/c.go": "package extra\n",
        ],
    ])
    func whatGoDoesNotReadStandsForNothing(change: [String: String]) throws {
        var edit: [String: String?] = change
        edit["vendor/github.com/spf13/cobra/command.go"] = Self.commandSkippingRun
        let repo = try repository(edit)
        try repo.write(".semgate.yml", Self.policy.replacingOccurrences(of: "cmd/*.go", with: "cmd/**/*.go"))
        try repo.commit("policy")
        try repo.tag("v1.0.2", annotated: true)
        let result = try runSemgate(["check", "--base", "v1.0.0", "--format", "json"], in: repo.url)
        let findings = (jsonObject(result.stdout)?["findings"] as? [[String: Any]] ?? [])
            .filter { $0["rule"] as? String == "vendored-library-edited" }
        #expect(findings.count >= 1, "\(result.stdout.prefix(2000))")
        #expect(result.status == 1)
    }
    /// Not a fork: `vendor/modules.txt` names cobra v1.8.0 and pflag v1.0.5, releases semgate's table holds, and the
    /// copies (this file's stand-ins) are not those releases. Found at every release, whatever the base held: the
    /// first vendored copy edited, an edit present since the first release, an edit with a version bump (review
    /// vendoring-starts-edited, edit-since-first-release, edit-with-real-bump, claims-other-version). Fails on main
    /// (no finding at v1.0.0; at v1.0.1 none either for the bump).
    @Test(arguments: [false, true])
    func notThePublishedRelease(bump: Bool) throws {
        let repo = try FixtureRepository()
        for (path, text) in Self.base { try repo.write(path, text) }
        let published = """
            # github.com/spf13/cobra v1.8.0
            ## explicit; go 1.15
            github.com/spf13/cobra
            # github.com/spf13/pflag v1.0.5
            ## explicit; go 1.12
            github.com/spf13/pflag

            """
        try repo.write("vendor/modules.txt", published)
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("cmd/root.go", Self.root + "\n// reworded\n")
        if bump {
            try repo.write("vendor/modules.txt", published.replacingOccurrences(of: "v1.8.0", with: "v1.8.1"))
            try repo.write("vendor/github.com/spf13/cobra/command.go", Self.commandSkippingRun)
        }
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        for (release, version) in [("1.0.0", "v1.8.0"), ("1.0.1", bump ? "v1.8.1" : "v1.8.0")] {
            let found = Self.findings(jsonObject(result.stdout), release)
            #expect(
                found.contains {
                    $0.hasPrefix(
                        "error the vendored github.com/spf13/cobra is not the published \(version) that "
                            + "vendor/modules.txt names (vendor/github.com/spf13/cobra/")
                }, "\(release): \(found)")
            #expect(
                found.contains { $0.hasPrefix("error the vendored github.com/spf13/pflag is not the published v1.0.5") }
            )
        }
        #expect(result.status == 1)
        // The item names the surface and the module; a check of the pull request fails too.
        let check = try runSemgate(["check", "--base", "v1.0.0", "--format", "json"], in: repo.url)
        let items = (jsonObject(check.stdout)?["findings"] as? [[String: Any]] ?? [])
            .filter { $0["rule"] as? String == "vendored-library-edited" }.compactMap { $0["item"] as? String }
        #expect(items.sorted() == ["cli:github.com/spf13/cobra", "cli:github.com/spf13/pflag"], "\(check.stdout)")
        #expect(check.status == 1)
    }

    /// A pseudo-version (or a release newer than the table): each file must be one its path had upstream; the
    /// stand-ins are not, so the copy cannot be compared (review claims-pseudo-version, claims-unpublished-version;
    /// fails on main).
    @Test(arguments: ["v1.8.1-0.20240102030405-0123456789ab", "v1.8.99"])
    func versionTheTableLacks(version: String) throws {
        let repo = try repository([
            "vendor/modules.txt": """
            # github.com/spf13/cobra \(version)
            ## explicit; go 1.15
            github.com/spf13/cobra
            # github.com/spf13/pflag v1.0.5 => example.com/forks/pflag v1.0.5
            ## explicit; go 1.12
            github.com/spf13/pflag

            """
        ])
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let found = Self.findings(jsonObject(result.stdout), "1.0.1")
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first?.hasPrefix(
                "error the copy of github.com/spf13/cobra that go builds from the repository cannot be compared: "
                    + "vendor/modules.txt names \(version), which is not a release semgate knows") == true, "\(found)")
        #expect(
            found.first?.contains(
                "vendor/github.com/spf13/cobra/args.go, vendor/github.com/spf13/cobra/command.go are no file") == true)
        #expect(result.status == 1)
    }

    /// An `exceptions:` entry naming the item accepts one release's copy; the other release still fails (the
    /// findings carried no item before, so no exception could scope them).
    @Test func anExceptionScopesOneRelease() throws {
        let repo = try FixtureRepository()
        for (path, text) in Self.base { try repo.write(path, text) }
        try repo.write(
            "vendor/modules.txt",
            Self.modulesTxt().replacingOccurrences(of: " => example.com/forks/cobra v1.8.0", with: ""))
        try repo.write(
            ".semgate.yml",
            Self.policy + """

                exceptions:
                  - release: 1.0.1
                    items: ["cli:github.com/spf13/cobra"]
                    reason: "our patched cobra, reviewed in #12"
                """)
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("cmd/root.go", Self.root + "\n// reworded\n")
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(Self.findings(jsonObject(result.stdout), "1.0.0").allSatisfy { $0.hasPrefix("error ") })
        #expect(Self.findings(jsonObject(result.stdout), "1.0.0").count == 1)
        let accepted = Self.findings(jsonObject(result.stdout), "1.0.1")
        #expect(accepted.count == 1 && accepted.allSatisfy { $0.hasPrefix("note ") }, "\(accepted)")
        let releases = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        #expect(releases.first { $0["version"] as? String == "1.0.1" }?["verdict"] as? String == "pass")
        #expect(result.status == 1)
    }
    /// The findings of `rule` for release `version` in an audit, as `severity message`.
    static func findings(_ report: [String: Any]?, _ version: String, rule: String) -> [String] {
        let releases = report?["releases"] as? [[String: Any]] ?? []
        let release = releases.first { $0["version"] as? String == version }
        return (release?["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == rule }
            .compactMap { finding in (finding["message"] as? String).map { "\(finding["severity"] ?? "") \($0)" } }
    }

    /// cobra replaced by a fork (review replace-by-other-module and kin; the lead's decision: a warning where the
    /// replacement comes in or changes, nothing while it stays). No vendor/: the fork's code is not in the
    /// repository. Fails on main (no finding at all).
    @Test func aForkComesInStaysAndChanges() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", Self.goMod)
        try repo.write("cmd/root.go", Self.root)
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        let steps: [(String, String, Bool)] = [
            ("1.0.1", "\nreplace github.com/spf13/cobra => github.com/example/cobra v1.8.0\n", true),
            ("1.0.2", "\nreplace github.com/spf13/cobra => github.com/example/cobra v1.8.0\n", false),
            ("1.0.3", "\nreplace (\n\tgithub.com/spf13/cobra v1.8.0 => github.com/example/cobra v1.8.2\n)\n", true),
            ("1.0.4", "\nreplace github.com/spf13/pflag => ./third_party/pflag\n", true),
            // A replace of a version go.mod does not require replaces nothing: no warning (review: decoys neither
            // warn nor skip the table).
            ("1.0.5", "\nreplace github.com/spf13/cobra v1.7.0 => github.com/example/cobra v1.7.0\n", false),
        ]
        for (version, replace, _) in steps {
            try repo.write("go.mod", Self.goMod + replace)
            try repo.write("cmd/root.go", Self.root + "\n// \(version)\n")
            try repo.commit("v\(version)")
            try repo.tag("v\(version)", annotated: true)
        }
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let report = jsonObject(result.stdout)
        for (version, _, fires) in steps {
            let found = Self.findings(report, version, rule: "library-replaced")
            #expect(found.count == (fires ? 1 : 0), "\(version): \(found)")
            #expect(found.allSatisfy { $0.hasPrefix("warning ") }, "\(found)")
        }
        #expect(
            Self.findings(report, "1.0.1", rule: "library-replaced").first
                == "warning github.com/spf13/cobra is replaced by github.com/example/cobra v1.8.0, not at the base: "
                + "semgate reads surface 'cli' as the published github.com/spf13/cobra builds it and cannot know what "
                + "the replacement builds, so commands or flags it takes away, hides or renames are not seen")
        #expect(
            Self.findings(report, "1.0.3", rule: "library-replaced").first?.contains(
                "by github.com/example/cobra v1.8.2, by github.com/example/cobra v1.8.0 at the base") == true)
        #expect(result.status == 0, "a warning: \(result.stdout.prefix(500))")
        let diff = try runSemgate(["diff", "v1.0.1", "v1.0.2", "--format", "json"], in: repo.url)
        let diffReport = jsonObject(diff.stdout)
        #expect(diffReport?["incomplete_surfaces"] as? [String] == ["cli"], "\(diff.stdout)")
        #expect(
            (diffReport?["notes"] as? [String] ?? []).contains {
                $0.hasPrefix("github.com/spf13/cobra is replaced by github.com/example/cobra v1.8.0: semgate reads")
            })
        let plain = try runSemgate(["diff", "v1.0.0", "v1.0.0", "--format", "json"], in: repo.url)
        #expect(jsonObject(plain.stdout)?["incomplete_surfaces"] as? [String] == [])
    }

    /// A `go.work` beside the module: its `replace` overrides the module's, and a `use` of a folder whose `go.mod`
    /// declares github.com/spf13/cobra builds that folder (review gowork-replace-by-fork, gowork-local-copy).
    @Test(arguments: [
        ["go.work": "go 1.21\n\nuse .\n\nreplace github.com/spf13/cobra => github.com/example/cobra v1.8.0\n"],
        [
            "go.work": "go 1.21\n\nuse (\n\t.\n\t./forks/cobra\n)\n",
            "forks/cobra/go.mod": "module github.com/spf13/cobra\n\ngo 1.15\n",
            "forks/cobra/command.go": commandSkippingRun,
        ],
    ])
    func aWorkspaceReplaces(files: [String: String]) throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", Self.goMod)
        try repo.write("cmd/root.go", Self.root)
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        for (path, text) in files { try repo.write(path, text) }
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let check = try runSemgate(["check", "--base", "v1.0.0", "--format", "json"], in: repo.url)
        let findings = (jsonObject(check.stdout)?["findings"] as? [[String: Any]] ?? [])
            .filter { $0["rule"] as? String == "library-replaced" }
        #expect(findings.count == 1, "\(check.stdout.prefix(1500))")
        #expect(findings.first?["item"] as? String == "cli:github.com/spf13/cobra")
        #expect(findings.first?["severity"] as? String == "warning")
    }

    /// A versioned `replace` of a version go does not select replaces nothing: the vendored copy is still checked
    /// against the release modules.txt names (review decoy-unused-replace-*; fails on a17b80b and on main).
    @Test func anUnusedReplaceIsNoReplacement() throws {
        let repo = try FixtureRepository()
        for (path, text) in Self.base { try repo.write(path, text) }
        try repo.write(
            "go.mod", Self.goMod + "\nreplace github.com/spf13/cobra v1.7.0 => github.com/example/cobra v1.7.0\n")
        try repo.write(
            "vendor/modules.txt",
            Self.modulesTxt().replacingOccurrences(of: " => example.com/forks/cobra v1.8.0", with: "")
                + "# github.com/spf13/cobra v1.7.0 => github.com/example/cobra v1.7.0\n")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let found = Self.findings(jsonObject(result.stdout), "1.0.0")
        #expect(
            found.contains { $0.hasPrefix("error the vendored github.com/spf13/cobra is not the published v1.8.0") },
            "\(found)")
        #expect(Self.findings(jsonObject(result.stdout), "1.0.0", rule: "library-replaced") == [])
        #expect(result.status == 1)
    }
    /// A `go.work` replace does not make the vendored copy the fork's: with `GOWORK=off` (or a go.work that does not
    /// use this module, which go refuses unless GOWORK=off) go builds vendor/, so the copy is still checked against
    /// the release vendor/modules.txt names. A go.work that does not use the module replaces nothing (no warning).
    @Test(arguments: [(".", true), ("./tools", false)])
    func aWorkspaceReplaceDoesNotExemptTheCopy(use: String, warns: Bool) throws {
        let repo = try FixtureRepository()
        for (path, text) in Self.base { try repo.write(path, text) }
        try repo.write(
            "vendor/modules.txt",
            Self.modulesTxt().replacingOccurrences(of: " => example.com/forks/cobra v1.8.0", with: ""))
        try repo.write("tools/go.mod", "module example.com/tool/tools\n\ngo 1.21\n")
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write(
            "go.work", "go 1.21\n\nuse \(use)\n\nreplace github.com/spf13/cobra => github.com/example/cobra v1.8.0\n")
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let report = jsonObject(result.stdout)
        #expect(
            Self.findings(report, "1.0.1").contains {
                $0.hasPrefix("error the vendored github.com/spf13/cobra is not the published v1.8.0")
            }, "\(Self.findings(report, "1.0.1"))")
        #expect(Self.findings(report, "1.0.1", rule: "library-replaced").count == (warns ? 1 : 0))
        #expect(result.status == 1)
    }
    /// A `go.work` use of a local copy of cobra that stays: the copy is compared step to step like a folder
    /// `replace` (review gowork-local-copy-edited-later; fails on main and on 66db833).
    @Test func aWorkspaceCopyEditedLater() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", Self.goMod)
        try repo.write("cmd/root.go", Self.root)
        try repo.write("go.work", "go 1.21\n\nuse (\n\t.\n\t./forks/cobra\n)\n")
        try repo.write("forks/cobra/go.mod", "module github.com/spf13/cobra\n\ngo 1.15\n")
        try repo.write("forks/cobra/command.go", Self.command)
        try repo.commit("v1.0.0")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("forks/cobra/command.go", Self.commandSkippingRun)
        try repo.commit("v1.0.1")
        try repo.tag("v1.0.1", annotated: true)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let found = Self.findings(jsonObject(result.stdout), "1.0.1")
        #expect(
            found == [
                "error the vendored github.com/spf13/cobra was edited (forks/cobra/command.go changed) while go.work uses "
                    + "the same folder (forks/cobra (go.work use)) at the base and here: semgate reads surface 'cli' as "
                    + "the published github.com/spf13/cobra builds it, so commands or flags an edit takes away, hides or "
                    + "renames are not seen"
            ], "\(found)")
        #expect(result.status == 1)
    }
}
