import Testing

@testable import Cobra

/// Whether `--port` of `tool serve` is in the surface of a program that builds `tool serve --host` and, somewhere
/// in `body` (or `helpers`), `--port`.
private func hasPort(_ body: String, helpers: String = "") -> Bool {
    let source = """
        package cmd

        import "github.com/spf13/cobra"

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
}
