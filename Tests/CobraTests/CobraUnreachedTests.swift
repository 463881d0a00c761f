import Testing

@testable import Cobra

/// Whether `--port` of `tool serve` is in the surface of a program that builds `tool serve --host` and, somewhere
/// in `body` (or `helpers`), `--port`.
private func hasPort(_ body: String, helpers: String = "") -> Bool {
    let source = """
        package cmd

        import (
        	"log"
        	"os"

        	"github.com/spf13/cobra"
        )

        \(helpers)

        func Execute() {
        	root := &cobra.Command{Use: "tool"}
        	serve := &cobra.Command{Use: "serve"}
        	root.AddCommand(serve)
        	serve.Flags().String("host", "", "h")
        \(body)
        	_ = root.Execute()
        }
        """
    let surface = CobraExtractor.surface(of: [("cmd/root.go", CobraSourceFile(source: source))], root: nil)
    #expect(surface.items.contains { $0.key == "tool serve --host" }, "\(surface.items.map(\.key))")
    return surface.items.contains { $0.key == "tool serve --port" }
}

/// Flag definitions Go never runs before the command line is parsed are not in the surface; where semgate cannot
/// tell (a branch it cannot decide, a loop whose bound is not a constant, a label a `goto` may come to), they are.
@Suite("cobra extractor: code Go does not run")
struct CobraUnreachedTests {
    @Test(
        "after a return or goto every path takes, in a loop whose condition is false at once, over nothing, deferred after the parse",
        arguments: [
            // A helper that returns before the definition.
            ("\taddFlags(serve)", "func addFlags(c *cobra.Command) {\n\treturn\n\tc.Flags().String(\"port\", \"\", \"p\")\n}"),
            // Both branches of an undecided `if` return.
            (
                "\taddFlags(serve, len(root.Use) > 2)",
                "func addFlags(c *cobra.Command, x bool) {\n\tif x {\n\t\treturn\n\t} else {\n\t\treturn\n\t}\n"
                    + "\tc.Flags().String(\"port\", \"\", \"p\")\n}"
            ),
            // A return in a block.
            ("\taddFlags(serve)", "func addFlags(c *cobra.Command) {\n\t{\n\t\treturn\n\t}\n\tc.Flags().String(\"port\", \"\", \"p\")\n}"),
            ("\tgoto done\n\tserve.Flags().String(\"port\", \"\", \"p\")\ndone:", ""),
            ("\tfor i := 0; i < 0; i++ {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor i := 5; 3 >= i; i-- {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range []string{} {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor _, n := range map[string]int{} {\n\t\tserve.Flags().Int(\"port\", n, \"p\")\n\t}", ""),
            ("\tfor range 0 {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range \"\" {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            // A slice expression with no entry (s19-failclosed emptyslice), or a panic where `x` holds fewer.
            ("\tfor range []string{\"a\"}[:0] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range root.Aliases[1:1] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor _, n := range []string{\"port\"}[0:0:1] {\n\t\tserve.Flags().String(n, \"\", \"p\")\n\t}", ""),
            // Bounds spelled in another base (review s21-emptyslice hexzero).
            ("\tfor range []string{\"a\"}[:0x0] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range root.Aliases[0o1:0b1] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range []string{\"a\"}[:0_0] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range 0x0 {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            // A local bound once to a collection with no entry, used only by `range` and `len` (review R37).
            ("\ts := []string{}\n\tfor range s {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\ts := root.Aliases[:0]\n\tif len(s) > 0 {\n\t}\n\tfor range s {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tvar s map[string]int\n\tfunc() {\n\t\tfor range s {\n\t\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t\t}\n\t}()", ""),
            // Deferred in the function that parses: it runs after `root.Execute()`.
            ("\tdefer serve.Flags().String(\"port\", \"\", \"p\")", ""),
            ("\tdefer func() {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}()", ""),
        ])
    func notRun(body: String, helpers: String) {
        #expect(!hasPort(body, helpers: helpers))
    }

    @Test(
        "what may run stays: a return on one path, an error check, a label jumped to, a loop with another bound, a defer before the parse",
        arguments: [
            ("\taddFlags(serve, len(root.Use) > 2)", "func addFlags(c *cobra.Command, x bool) {\n\tif x {\n\t\treturn\n\t}\n\tc.Flags().String(\"port\", \"\", \"p\")\n}"),
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tif err := c.ValidateArgs(nil); err != nil {\n\t\treturn\n\t}\n"
                    + "\tc.Flags().String(\"port\", \"\", \"p\")\n}"
            ),
            // A `goto` forward to a label, then back to one before it.
            ("\tgoto later\nback:\n\tserve.Flags().String(\"port\", \"\", \"p\")\n\tgoto done\nlater:\n\tgoto back\ndone:", ""),
            // A label a `goto` may come to ends what the return left out.
            ("\taddFlags(serve, len(root.Use) > 2)", "func addFlags(c *cobra.Command, x bool) {\n\tif x {\n\t\tgoto port\n\t}\n\treturn\nport:\n\tc.Flags().String(\"port\", \"\", \"p\")\n}"),
            ("\tfor i := 0; i < len(root.Use); i++ {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor i := 0; i < 1; i++ {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor i := 0; i < 0; i++ {\n\t}\n\tserve.Flags().String(\"port\", \"\", \"p\")", ""),
            ("\tfor range [2]int{} {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range []string{\"a\"} {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            // An index is no slice expression (`[0]` is the string "a", one rune); bounds that may differ.
            ("\tfor range []string{\"a\"}[0] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range []string{\"a\"}[:1] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range []string{\"a\"}[0:] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range root.Aliases[:len(root.Use)] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range []string{\"a\"}[:0x1] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range []string{\"a\"}[:01] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\tfor range root.Aliases[010:10] {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            // A local that may hold entries: filled, appended to, passed on, bound again, addressed, not bound at the top.
            ("\ts := []string{}\n\ts = append(s, \"a\")\n\tfor range s {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\ts := map[string]int{}\n\ts[\"a\"] = 1\n\tfor range s {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\ts := map[string]int{}\n\tfill(s)\n\tfor range s {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", "func fill(m map[string]int) { m[\"a\"] = 1 }"),
            ("\tvar s []string\n\tp := &s\n\t*p = []string{\"a\"}\n\tfor range s {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\ts := []string{}\n\tif len(root.Use) > 2 {\n\t\ts := []string{\"a\"}\n\t\tfor range s {\n\t\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t\t}\n\t}\n\t_ = s", ""),
            ("\tif len(root.Use) > 2 {\n\t\ts := []string{}\n\t\t_ = s\n\t}\n\ts := root.Aliases\n\tfor range s {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            ("\ts := [2]int{}\n\tfor range s {\n\t\tserve.Flags().String(\"port\", \"\", \"p\")\n\t}", ""),
            // A return in a loop's body ends the function only when the loop runs: what follows it may run.
            ("\tfor _, u := range root.Aliases {\n\t\t_ = u\n\t\treturn\n\t}\n\tserve.Flags().String(\"port\", \"\", \"p\")", ""),
            ("\tfor i := 0; i < len(root.Use); i++ {\n\t\treturn\n\t}\n\tserve.Flags().String(\"port\", \"\", \"p\")", ""),
            // A return in a function literal called where it is ends the literal, not the function.
            ("\tfunc() {\n\t\treturn\n\t}()\n\tserve.Flags().String(\"port\", \"\", \"p\")", ""),
            // Deferred in a helper: it runs when the helper returns, before the parse.
            ("\taddFlags(serve)", "func addFlags(c *cobra.Command) {\n\tdefer c.Flags().String(\"port\", \"\", \"p\")\n}"),
            // Deferred where a path may return before the parse.
            ("\tdefer serve.Flags().String(\"port\", \"\", \"p\")\n\tif len(root.Use) > 9 {\n\t\treturn\n\t}", ""),
        ])
    func mayRun(body: String, helpers: String) {
        #expect(hasPort(body, helpers: helpers))
    }

    @Test(
        "after a terminating for, switch or select, an unconditional break, panic or exit, a labeled jump out of loops that run",
        arguments: [
            // An unconditional `break` ends the body.
            ("\tfor range []string{\"a\"} {\n\t\tbreak\n\t\tPORT\n\t}", ""),
            // A `for` with no condition that no `break` refers to: only a return leaves it.
            ("\taddFlags(serve)", "func addFlags(c *cobra.Command) {\n\tfor {\n\t\treturn\n\t}\n\tCPORT\n}"),
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tfor {\n\t\tif len(c.Use) > 2 {\n\t\t\tcontinue\n\t\t}\n\t\treturn\n\t}\n\tCPORT\n}"
            ),
            // A `switch` with a `default` whose every clause returns; a type switch; an empty `select`.
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tswitch len(c.Use) {\n\tcase 1:\n\t\treturn\n\tdefault:\n\t\treturn\n\t}\n\tCPORT\n}"
            ),
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tswitch any(c).(type) {\n\tcase int:\n\t\treturn\n\tdefault:\n\t\tif len(c.Use) > 2 {\n\t\t\treturn\n\t\t} else {\n\t\t\treturn\n\t\t}\n\t}\n\tCPORT\n}"
            ),
            ("\taddFlags(serve)", "func addFlags(c *cobra.Command) {\n\tselect {}\n\tCPORT\n}"),
            // Go's `panic`, `os.Exit`, `log.Fatalf`.
            ("\tpanic(\"no port\")\n\tPORT", ""),
            ("\taddFlags(serve)", "func addFlags(c *cobra.Command) {\n\tos.Exit(0)\n\tCPORT\n}"),
            ("\tlog.Fatalf(\"no %s\", \"port\")\n\tPORT", ""),
            // `continue outer` / `break outer` from a loop that certainly runs: the rest of outer's body is not run.
            ("outer:\n\tfor range []string{\"a\"} {\n\t\tfor range []string{\"b\"} {\n\t\t\tcontinue outer\n\t\t}\n\t\tPORT\n\t}", ""),
            ("outer:\n\tfor range []string{\"a\"} {\n\t\tfor range \"b\" {\n\t\t\tbreak outer\n\t\t}\n\t\tPORT\n\t}", ""),
            // A return in every run of a loop that certainly runs.
            ("\taddFlags(serve)", "func addFlags(c *cobra.Command) {\n\tfor range []string{\"a\"} {\n\t\treturn\n\t}\n\tCPORT\n}"),
            // A helper of the program that never returns (it panics, exits, or calls one that does), recovered or not.
            (
                "\tdefer func() { _ = recover() }()\n\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tfail()\n\tCPORT\n}\n\nfunc fail() {\n\tx := 1\n\t_ = x\n\tpanic(\"x\")\n}"
            ),
            ("\tdie()\n\tPORT", "func die() { stop(1) }\n\nfunc stop(code int) { os.Exit(code) }"),
            ("\tdefer func() { _ = recover() }()\n\tlog.Panic(\"x\")\n\tPORT", ""),
            // A `break` an `if` certainly takes.
            ("\tfor range []string{\"a\"} {\n\t\tif true {\n\t\t\tbreak\n\t\t}\n\t\tPORT\n\t}", ""),
        ])
    func terminated(body: String, helpers: String) {
        #expect(!hasPort(body.replacing("PORT", with: port), helpers: helpers.replacing("CPORT", with: helperPort)))
    }

    @Test(
        "what Go may still reach stays: a break on one path or of a switch, a for or switch something breaks, no default, a panic of the program's own, a labeled jump of the loop itself or out of a loop that may not run",
        arguments: [
            ("\tfor range []string{\"a\"} {\n\t\tif len(serve.Use) > 2 {\n\t\t\tbreak\n\t\t}\n\t\tPORT\n\t}", ""),
            ("\tfor range []string{\"a\"} {\n\t\tswitch {\n\t\tdefault:\n\t\t\tbreak\n\t\t}\n\t\tPORT\n\t}", ""),
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tfor {\n\t\tif len(c.Use) > 2 {\n\t\t\tbreak\n\t\t}\n\t\treturn\n\t}\n\tCPORT\n}"
            ),
            // `break outer` of the endless loop from a loop inside it.
            ("outer:\n\tfor {\n\t\tfor range []string{\"a\"} {\n\t\t\tbreak outer\n\t\t}\n\t}\n\tPORT", ""),
            ("\tfor len(serve.Use) > 2 {\n\t\treturn\n\t}\n\tPORT", ""),
            // No `default`; a clause a `break` leaves; a clause that does not end.
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tswitch len(c.Use) {\n\tcase 1:\n\t\treturn\n\t}\n\tCPORT\n}"
            ),
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tswitch len(c.Use) {\n\tcase 1:\n\t\tif len(c.Short) > 0 {\n\t\t\tbreak\n\t\t}\n\t\treturn\n\tdefault:\n\t\treturn\n\t}\n\tCPORT\n}"
            ),
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tswitch len(c.Use) {\n\tcase 1:\n\t\tc.Short = \"x\"\n\tdefault:\n\t\treturn\n\t}\n\tCPORT\n}"
            ),
            (
                "\taddFlags(serve)",
                "func addFlags(c *cobra.Command) {\n\tselect {\n\tcase <-make(chan int):\n\t\treturn\n\tdefault:\n\t}\n\tCPORT\n}"
            ),
            // A function of the program named `panic`; an exit on one path; a log call that does not exit.
            ("\tpanic(\"no port\")\n\tPORT", "func panic(string) {}"),
            ("\tif len(serve.Use) > 2 {\n\t\tos.Exit(1)\n\t}\n\tPORT", ""),
            ("\tlog.Printf(\"port\")\n\tPORT", ""),
            // A `continue` of the inner loop; `continue outer` of the loop it is in; out of a loop that may not run.
            ("\tfor range []string{\"a\"} {\n\t\tfor range []string{\"b\"} {\n\t\t\tcontinue\n\t\t}\n\t\tPORT\n\t}", ""),
            ("outer:\n\tfor range []string{\"a\"} {\n\t\tif len(serve.Use) > 2 {\n\t\t\tcontinue outer\n\t\t}\n\t\tPORT\n\t}", ""),
            ("outer:\n\tfor range []string{\"a\"} {\n\t\tfor range root.Aliases {\n\t\t\tcontinue outer\n\t\t}\n\t\tPORT\n\t}", ""),
            // After the labeled loop itself, what follows runs.
            ("outer:\n\tfor range []string{\"a\"} {\n\t\tfor range []string{\"b\"} {\n\t\t\tcontinue outer\n\t\t}\n\t}\n\tPORT", ""),
            ("outer:\n\tfor range []string{\"a\"} {\n\t\tfor range []string{\"b\"} {\n\t\t\tbreak outer\n\t\t}\n\t}\n\tPORT", ""),
            // A return on one path of a loop that runs.
            ("\tfor range []string{\"a\"} {\n\t\tif len(serve.Use) > 2 {\n\t\t\treturn\n\t\t}\n\t}\n\tPORT", ""),
            // Helpers that return: a deferred recover, a panic on one path, a return before the panic; one only a
            // closure not run calls; a method named Exit of a value.
            ("\tfail()\n\tPORT", "func fail() {\n\tdefer func() { _ = recover() }()\n\tpanic(\"x\")\n}"),
            ("\tfail(len(serve.Use) > 9)\n\tPORT", "func fail(x bool) {\n\tif x {\n\t\tpanic(\"x\")\n\t}\n}"),
            ("\tfail()\n\tPORT", "func fail() {\n\tif len(os.Args) > 9 {\n\t\treturn\n\t}\n\tpanic(\"x\")\n}"),
            ("\tserve.Run = func(*cobra.Command, []string) { fail() }\n\tPORT", "func fail() { panic(\"x\") }"),
            ("\tos := struct{ Exit func(int) }{func(int) {}}\n\tos.Exit(1)\n\tPORT", ""),
        ])
    func stillReached(body: String, helpers: String) {
        #expect(hasPort(body.replacing("PORT", with: port), helpers: helpers.replacing("CPORT", with: helperPort)))
    }

    private let port = "serve.Flags().String(\"port\", \"\", \"p\")"
    private let helperPort = "c.Flags().String(\"port\", \"\", \"p\")"

    @Test("a panic in a folder not read whole may be the package's own: what follows stays (review R28)")
    func panicInPartialFolder() {
        let source = """
            package cmd

            import "github.com/spf13/cobra"

            func Execute() {
            	root := &cobra.Command{Use: "tool"}
            	root.Flags().String("host", "", "h")
            	panic("x")
            	root.Flags().String("port", "", "p")
            	_ = root.Execute()
            }
            """
        let files = [("cmd/root.go", CobraSourceFile(source: source))]
        let partial = CobraExtractor.surface(of: files, root: nil, partialFolders: ["cmd"])
        #expect(partial.items.contains { $0.key == "tool --port" }, "\(partial.items.map(\.key))")
        let whole = CobraExtractor.surface(of: files, root: nil)
        #expect(!whole.items.contains { $0.key == "tool --port" }, "\(whole.items.map(\.key))")
    }
}
