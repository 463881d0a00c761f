import Foundation
import Testing
import TestSupport

/// Review I1 and I2: which tree `init` takes for a cobra program's root, through the built binary.
@Suite("init: the cobra root of programs that build it elsewhere or pick it at run time")
struct InitRootChoiceTests {
    private func draft(_ files: [(String, String)]) throws -> (status: Int32, text: String) {
        let repo = try FixtureRepository()
        for (path, text) in files { try repo.write(path, text) }
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        let result = try runSemgate(["init"], in: repo.url)
        return (result.status, result.stdout)
    }

    static func command(_ package: String, use: String, imports: String = "", body: String = "") -> String {
        """
        package \(package)

        import (
            "github.com/spf13/cobra"
        \(imports)
        )

        func NewCommand() *cobra.Command {
            c := &cobra.Command{Use: \(use)}
            c.Flags().Bool("watch", false, "watch")
        \(body)
            return c
        }
        """
    }

    /// I1 (operator-sdk's shape): `package main` hands the module's trees to another module, which builds the root.
    @Test("trees handed to another module's root: not one of them taken for the program, and said so")
    func rootBuiltOutside() throws {
        let result = try draft([
            (
                "go.mod",
                "module example.com/tool\n\ngo 1.21\n\nrequire (\n\texample.com/kit v1.0.0\n\tgithub.com/spf13/cobra v1.8.0\n)\n"
            ),
            (
                "main.go",
                """
                package main

                import (
                    "example.com/kit/app"

                    "example.com/tool/internal/build"
                    "example.com/tool/internal/serve"
                )

                func main() {
                    a := app.Make(app.Name("tool"), app.Commands(build.NewCommand(), serve.NewCommand()))
                    _ = a.Start()
                }
                """
            ),
            (
                "internal/build/build.go",
                Self.command(
                    "build", use: "\"build\"",
                    body:
                        "    s := &cobra.Command{Use: \"all\"}\n    c.AddCommand(s)\n    t := &cobra.Command{Use: \"one\"}\n    c.AddCommand(t)"
                )
            ),
            ("internal/serve/serve.go", Self.command("serve", use: "\"serve\"")),
        ])
        #expect(result.status == 0)
        #expect(!result.text.contains("root: build"), "\(result.text)")
        #expect(!result.text.contains("cli:\n") && !result.text.contains("cli-build"), "\(result.text)")
        #expect(
            result.text.contains("a cobra command line, tool, whose root is built outside the module"), "\(result.text)"
        )
        #expect(result.text.contains("('build', 'serve')"), "\(result.text)")
    }

    /// I2 (argo-cd's shape): one binary picks its root by the name it runs under; the roots' `Use` are constants of
    /// another package of the module.
    @Test("roots named by another package's constants, one picked at run time: named, and root: set")
    func rootNamedByConstant() throws {
        let common = "\n    \"example.com/tool/common\""
        let result = try draft([
            ("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n"),
            (
                "cmd/main.go",
                """
                package main

                import (
                    "os"
                    "path/filepath"

                    "github.com/spf13/cobra"

                    client "example.com/tool/cmd/tool/commands"
                    server "example.com/tool/cmd/tool-server/commands"
                )

                func main() {
                    var c *cobra.Command
                    if filepath.Base(os.Args[0]) == "tool-server" {
                        c = server.NewCommand()
                    } else {
                        c = client.NewCommand()
                    }
                    _ = c.Execute()
                }
                """
            ),
            (
                "cmd/tool/commands/root.go",
                Self.command(
                    "commands", use: "common.ClientName", imports: common,
                    body: "    g := &cobra.Command{Use: \"get\"}\n    c.AddCommand(g)")
            ),
            ("cmd/tool-server/commands/root.go", Self.command("commands", use: "common.ServerName", imports: common)),
            (
                "common/names.go",
                "package common\n\nconst (\n\tClientName = \"tool\"\n\tServerName = \"tool-server\"\n)\n"
            ),
        ])
        #expect(result.status == 0)
        #expect(!result.text.contains("root: cmd"), "\(result.text)")
        #expect(result.text.contains("root: tool\n"), "\(result.text)")
        #expect(result.text.contains("common/*.go"), "\(result.text)")
        #expect(result.text.contains("also reaches 'tool-server'"), "\(result.text)")
    }

    /// I5 (docker/compose's shape since 5.2): the program hands the plugin runner of another module a function that
    /// builds the root with a helper of the module and adds one more command to it; it calls no Execute.
    @Test("a root a helper of the module builds and the program extends is still the program's root")
    func rootExtendedByTheProgram() throws {
        func files(extending: Bool) -> [(String, String)] {
            [
                (
                    "go.mod",
                    "module example.com/tool/v5\n\ngo 1.21\n\nrequire (\n\texample.com/host v1.0.0\n"
                        + "\tgithub.com/spf13/cobra v1.8.0\n)\n"
                ),
                (
                    "cmd/main.go",
                    """
                    package main

                    import (
                        "example.com/host/plugin"
                        "github.com/spf13/cobra"

                        commands "example.com/tool/v5/cmd/tool"
                    )

                    func main() {
                        plugin.Run(func(h plugin.Host) *cobra.Command {
                            cmd := commands.RootCommand(h)
                    \(extending ? "        cmd.AddCommand(commands.HooksCommand())" : "")
                            return cmd
                        })
                    }
                    """
                ),
                (
                    "cmd/tool/root.go",
                    """
                    package tool

                    import "github.com/spf13/cobra"

                    const PluginName = "tool"

                    func RootCommand(h any) *cobra.Command {
                        c := &cobra.Command{Use: PluginName}
                        c.PersistentFlags().Bool("dry-run", false, "")
                        c.AddCommand(upCommand(), downCommand())
                        return c
                    }

                    func upCommand() *cobra.Command {
                        c := &cobra.Command{Use: "up"}
                        c.Flags().Bool("detach", false, "")
                        return c
                    }

                    func downCommand() *cobra.Command { return &cobra.Command{Use: "down"} }
                    \(extending ? "\nfunc HooksCommand() *cobra.Command { return &cobra.Command{Use: \"hooks\", Hidden: true} }" : "")
                    """
                ),
            ]
        }
        for extending in [false, true] {
            let result = try draft(files(extending: extending))
            #expect(result.status == 0)
            #expect(!result.text.contains("built outside the module"), "extending: \(extending)\n\(result.text)")
            #expect(result.text.contains("cli:\n"), "extending: \(extending)\n\(result.text)")
            if extending {
                #expect(
                    result.text.contains("root: picks this tree, which the program extends with 'hooks' where the surface"),
                    "\(result.text)")
                #expect(!result.text.contains("picks its root at run time"), "\(result.text)")
            }
        }
        // Trees handed to another module's code, none extended here, are still built outside (review I1).
        var handed = files(extending: true)
        handed[1].1 = """
            package main

            import (
                "example.com/host/app"

                commands "example.com/tool/v5/cmd/tool"
            )

            func main() {
                a := app.Make(app.Commands(commands.RootCommand(nil), commands.HooksCommand()))
                a.Extra().AddCommand(commands.HooksCommand())
                _ = a.Start()
            }
            """
        let outside = try draft(handed)
        #expect(outside.text.contains("whose root is built outside the module"), "\(outside.text)")
    }
}
