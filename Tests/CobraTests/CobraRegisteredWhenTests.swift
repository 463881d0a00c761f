import Testing

@testable import Cobra

/// The cobra surface of in-memory Go files.
private func surface(_ files: [String: String], root: String? = nil) -> CobraSurface {
    CobraExtractor.surface(of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: root)
}

/// Each item's `registered-when` and `registered-by-default` (nil when absent), as `when|default`.
private func registration(_ surface: CobraSurface) -> [String: String] {
    var result: [String: String] = [:]
    for item in surface.items {
        let when = item.attributes["registered-when"]
        let byDefault = item.attributes["registered-by-default"]
        if when != nil || byDefault != nil { result[item.key] = (when ?? "-") + "|" + (byDefault ?? "-") }
    }
    return result
}

/// A program with a root `tool` and a `run` command whose body is `body` (`c` is the command, `fs` its flags).
private func program(_ body: String, imports: String = "", extra: String = "") -> [String: String] {
    [
        "tool/main.go": """
        package main

        import (
            "os"
            \(imports)

            "github.com/spf13/cobra"
        )

        var root = &cobra.Command{Use: "tool"}

        func newRun() *cobra.Command {
            c := &cobra.Command{Use: "run"}
            fs := c.Flags()
            fs.Bool("always", false, "always there")
            \(body)
            return c
        }

        \(extra)

        func main() {
            _ = os.Args
            root.AddCommand(newRun())
            root.Execute()
        }
        """
    ]
}

/// Flags and commands registered only under a condition the program decides when it runs (review R103).
struct CobraRegisteredWhenTests {
    @Test(
        "a flag under a condition on the environment is registered-when; not by default when unset decides it false",
        arguments: [
            // (body, the registration of `tool run --beta`)
            (#"if os.Getenv("BETA") != "" { fs.Bool("beta", false, "") }"#, #"os.Getenv("BETA") != ""|false"#),
            (#"if os.Getenv("BETA") == "" { fs.Bool("beta", false, "") }"#, #"os.Getenv("BETA") == ""|-"#),
            (
                #"if os.Getenv("BETA") == "" { } else { fs.Bool("beta", false, "") }"#,
                #"!(os.Getenv("BETA") == "")|false"#
            ),
            (#"if _, ok := os.LookupEnv("BETA"); ok { fs.Bool("beta", false, "") }"#, "ok|false"),
            (#"if v := os.Getenv("BETA"); v == "1" { fs.Bool("beta", false, "") }"#, #"v == "1"|false"#),
            (
                #"if os.Getenv("A") != "" && os.Getenv("B") == "" { fs.Bool("beta", false, "") }"#,
                #"os.Getenv("A") != "" && os.Getenv("B") == ""|false"#
            ),
            (
                #"if os.Getenv("A") != "" || os.Getenv("B") == "" { fs.Bool("beta", false, "") }"#,
                #"os.Getenv("A") != "" || os.Getenv("B") == ""|-"#
            ),
            (#"if os.Getenv("HOME") != "" { fs.Bool("beta", false, "") }"#, #"os.Getenv("HOME") != ""|-"#),
            (#"if os.Getenv("BETA") == "" { return c }; fs.Bool("beta", false, "")"#, #"!(os.Getenv("BETA") == "")|false"#),
            (
                #"switch os.Getenv("MODE") { case "x": fs.Bool("beta", false, "") }"#,
                #"os.Getenv("MODE") == "x"|false"#
            ),
            (
                #"switch os.Getenv("MODE") { case "x": default: fs.Bool("beta", false, "") }"#,
                #"!(os.Getenv("MODE") == "x")|-"#
            ),
            (#"if isBeta() { fs.Bool("beta", false, "") }"#, "isBeta()|-"),
        ])
    func underRunTimeCondition(body: String, expected: String) {
        let found = surface(program(body, extra: "func isBeta() bool { return len(os.Args) > 2 }"), root: "tool")
        let registered = registration(found)
        #expect(registered["tool run --beta"] == expected, "\(registered)")
        #expect(registered["tool run --always"] == nil)
        #expect(registered["tool run"] == nil)
    }

    @Test("a program that sets the variable, or a local named os, is not decided by the default run")
    func notDecidedByDefault() {
        let setting = surface(
            program(#"if os.Getenv("BETA") != "" { fs.Bool("beta", false, "") }"#, extra: #"func init() { os.Setenv("BETA", "1") }"#),
            root: "tool")
        #expect(registration(setting)["tool run --beta"] == #"os.Getenv("BETA") != ""|-"#)
    }

    @Test("viper's getters give zero values by default, unless the program gives viper values")
    func viperGetters() {
        let plain = surface(
            program(#"if viper.GetBool("beta") { fs.Bool("beta", false, "") }"#, imports: #""github.com/spf13/viper""#),
            root: "tool")
        #expect(registration(plain)["tool run --beta"] == #"viper.GetBool("beta")|false"#)
        let bound = surface(
            program(
                #"if viper.GetBool("beta") { fs.Bool("beta", false, "") }"#, imports: #""github.com/spf13/viper""#,
                extra: #"func init() { viper.SetDefault("beta", true) }"#),
            root: "tool")
        #expect(registration(bound)["tool run --beta"] == #"viper.GetBool("beta")|-"#)
    }

    @Test("a command added under a condition is registered-when, with its flags")
    func commandUnderCondition() {
        let found = surface(
            program(
                #"if os.Getenv("EXP") != "" { c.AddCommand(&cobra.Command{Use: "exp"}) }"#), root: "tool")
        #expect(registration(found)["tool run exp"] == #"os.Getenv("EXP") != ""|false"#)
    }

    @Test("a helper that takes the command and registers under a condition")
    func helperCondition() {
        let found = surface(
            program(
                "addBeta(c)",
                extra: #"func addBeta(c *cobra.Command) { if os.Getenv("BETA") == "1" { c.Flags().Bool("beta", false, "") } }"#),
            root: "tool")
        #expect(registration(found)["tool run --beta"] == #"os.Getenv("BETA") == "1"|false"#)
    }

    @Test(
        "a package variable in a var group that nothing else writes holds its value, as a single var does (tkn 0.13.0)",
        arguments: [
            #"var skip = "false""#,
            """
            var (
                // what the build may set
                version = "dev"
                skip = "false"
                namespace string
            )
            """,
            """
            var (
                skip = "false"
            )
            """,
            // The second name of a spec is declared too.
            """
            var (
                mode, skip = "plain", "false"
            )
            var _ = mode
            """,
            #"var mode, skip = "plain", "false"; var _ = mode"#,
        ])
    func groupedPackageVariable(declaration: String) {
        let found = surface(
            program(
                #"fs.StringVar(&namespace, "namespace", "", ""); if skip != "true" { fs.Bool("check", false, "") }"#,
                extra: declaration.contains("namespace") ? declaration : declaration + "\nvar namespace string"),
            root: "tool")
        #expect(registration(found).isEmpty, "\(registration(found))")
        #expect(found.items.contains { $0.key == "tool run --check" }, "\(found.items.map(\.key))")
    }

    @Test("a package variable of a var group that a function assigns is still decided when the program runs")
    func groupedPackageVariableAssigned() {
        let found = surface(
            program(
                #"if skip != "true" { fs.Bool("check", false, "") }"#,
                extra: """
                    var (
                        skip = "false"
                    )
                    func init() { skip = os.Getenv("SKIP") }
                    """),
            root: "tool")
        #expect(registration(found)["tool run --check"] == #"skip != "true"|-"#, "\(registration(found))")
    }

    @Test(
        "what semgate decides, or what exists either way, is not marked",
        arguments: [
            // A loop over a literal table, with a condition on the entry.
            #"for _, o := range []opt{{N: "beta", B: true}, {N: "gamma"}} { if o.B { fs.Bool(o.N, false, "") } else { fs.String(o.N, "", "") } }"#,
            #"for _, o := range opts { if o.B { fs.Bool(o.N, false, "") } else { fs.String(o.N, "", "") } }"#,
            #"tableFlags(c, opts)"#,
            // Defined when not there yet: there either way.
            #"found := fs.Lookup("beta") != nil; if !found { fs.Bool("beta", false, "") }"#,
            // An error check before.
            #"if err := check(); err != nil { return c }; fs.Bool("beta", false, "")"#,
            // A parameter of the function.
            #"addIf(c, true)"#,
        ])
    func notMarked(body: String) {
        let found = surface(
            program(
                body,
                extra: """
                    type opt struct { N string; B bool }
                    var opts = []opt{{N: "beta", B: true}, {N: "gamma"}}
                    func tableFlags(c *cobra.Command, list []opt) {
                        for _, o := range list {
                            if o.B { c.Flags().Bool(o.N, false, "") } else { c.Flags().String(o.N, "", "") }
                        }
                    }
                    func check() error { return nil }
                    func addIf(c *cobra.Command, on bool) { if on { c.Flags().Bool("beta", false, "") } }
                    """),
            root: "tool")
        #expect(registration(found).isEmpty, "\(registration(found))")
        #expect(found.items.contains { $0.key == "tool run --beta" }, "\(found.items.map(\.key)) \(found.notes)")
    }

    @Test("a helper reached both under a condition and on every run registers on every run")
    func reachedBothWays() {
        let found = surface(
            program(
                #"if os.Getenv("X") != "" { addFlags(c) }; addFlags(c)"#,
                extra: #"func addFlags(c *cobra.Command) { c.Flags().Bool("beta", false, "") }"#),
            root: "tool")
        #expect(registration(found).isEmpty, "\(registration(found))")
    }

    @Test("a helper reached under a condition through one caller and under its opposite through another: every run")
    func complementaryPaths() {
        let found = surface(
            program(
                #"if os.Getenv("X") != "" { launch(c); return c }; addFlags(c)"#,
                extra: """
                    func launch(c *cobra.Command) { addFlags(c) }
                    func addFlags(c *cobra.Command) { c.Flags().Bool("beta", false, "") }
                    """),
            root: "tool")
        #expect(registration(found).isEmpty, "\(registration(found))")
        let branches = surface(
            program(#"if os.Getenv("X") != "" { fs.Bool("beta", false, "") } else { fs.Bool("beta", true, "") }"#),
            root: "tool")
        #expect(registration(branches).isEmpty, "\(registration(branches))")
    }

    @Test("more places than are kept still leave the flag registered under conditions, not by default")
    func manySites() {
        let body = (0..<40).map { #"if os.Getenv("X\#($0)") != "" { fs.Bool("beta", false, "") }"# }
            .joined(separator: "\n")
        let found = surface(program(body), root: "tool")
        #expect(registration(found)["tool run --beta"]?.hasSuffix("|false") == true, "\(registration(found))")
    }
}
