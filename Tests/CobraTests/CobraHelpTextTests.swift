import Foundation
import Testing

@testable import Cobra

/// The cobra surface of in-memory Go files.
private func surface(_ files: [String: String]) -> CobraSurface {
    CobraExtractor.surface(of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: nil)
}

@Suite("cobra extractor: what help text and run-time notices say")
struct CobraHelpTextTests {
    @Test(
        "a flag usage that says the flag is deprecated marks it; one that mentions deprecation otherwise does not",
        arguments: [
            ("deprecated", true),
            ("Deprecated: use --output instead", true),
            ("deprecated. Use --smaller-than to set a size", true),
            ("Skip image verification (deprecated)", true),
            ("Pause while committing (deprecated: use --no-pause instead)", true),
            ("(Deprecated) Shorthand for --repo", true),
            ("[DEPRECATED] Path to the config file", true),
            ("Path to the config file. DEPRECATED - use --config", true),
            ("Seconds to wait. Deprecated in favor of --timeout", true),
            ("This flag is deprecated and will be removed", true),
            ("the deprecated --old flag is replaced by this one", false),
            ("This option is not deprecated", false),
            ("Kubernetes version used for deprecation checks", false),
            ("Print the deprecation message (tests only)", false),
            ("allow repositories that are deprecated upstream", false),
            ("Show deprecated commands too", false),
            ("undeprecated-name of the thing", false),
            ("", false),
        ])
    func usage(text: String, deprecated: Bool) {
        #expect(CobraHelpText.usageSaysDeprecated(text) == deprecated)
    }

    @Test(
        "a long help marks its command only when it opens by saying so, or says 'this command is deprecated'",
        arguments: [
            ("Deprecated: use 'tool snapshot' instead.", true),
            ("[deprecated]\nUse 'tool snapshot'.", true),
            ("This command is deprecated; use 'tool snapshot'.", true),
            ("Deprecated flags of this command are listed below.", false),
            ("Moved to 'othertool snapshot restore'.", false),
            ("Prints status. The --old flag (deprecated) is ignored.", false),
        ])
    func longHelp(text: String, deprecated: Bool) {
        #expect(CobraHelpText.longHelpSaysDeprecated(text) == deprecated)
    }

    @Test(
        "a short help tagged legacy, or a long help whose first sentence sends users to another command, deprecates it",
        arguments: [
            ("[legacy] offline backup of the data folder", "", true),
            ("(Legacy) import from the old format", "", true),
            ("Legacy: the v2 API client", "", true),
            ("offline backup", "Prefer: `tool snapshot save` instead.", true),
            ("offline backup", "Prefer `tool snapshot save` instead", true),
            ("offline backup", "Use 'tool snapshot save' instead.\nIt writes one file.", true),
            ("Migrates legacy data to the new format", "", false),
            ("a legacy-compatible listing", "", false),
            ("save a snapshot", "Use this instead of 'tool backup'.", false),
            (
                "save a snapshot", "Use 'tool snapshot save' to write one file. Prefer it to the old backup instead.",
                false
            ),
            ("save a snapshot", "Writes one file. Use 'tool x' instead.", false),
            ("save a snapshot", "Preferences are read from the config file instead", false),
            ("save a snapshot", "Use instead", false),
        ])
    func legacyHelp(short: String, long: String, deprecated: Bool) {
        let found = surface([
            "cmd/root.go": """
            package cmd

            var root = &cobra.Command{Use: "tool"}
            var backup = &cobra.Command{Use: "backup", Short: \(goString(short)), Long: \(goString(long))}

            func init() {
                root.AddCommand(backup)
                backup.Flags().String("data-dir", "", "")
            }
            """
        ])
        let items = Dictionary(uniqueKeysWithValues: found.items.map { ($0.key, $0) })
        #expect(items["tool backup"]?.deprecated == deprecated)
        #expect(items["tool backup --data-dir"]?.deprecated == deprecated)
        #expect(items["tool"]?.deprecated == false)
    }

    @Test("a notice printed exactly when a flag is given deprecates that flag, and nothing else")
    func guardedNotice() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import (
                "fmt"
                "os"
            )

            var dataDir string

            type options struct{ endpoint, output string }

            var root = &cobra.Command{Use: "tool"}

            func init() {
                opts := &options{}
                defrag := &cobra.Command{Use: "defrag", Run: defragFunc}
                defrag.Flags().StringVar(&dataDir, "data-dir", "", "Optional. A data directory not in use.")
                defrag.Flags().Bool("cluster", false, "all members")
                status := &cobra.Command{
                    Use: "status",
                    RunE: func(cmd *cobra.Command, args []string) error {
                        if opts.endpoint != "" {
                            fmt.Fprintln(os.Stderr, "Deprecated: --endpoint; set TOOL_ENDPOINT.")
                        }
                        if len(opts.output) > 0 {
                            fmt.Println("writing to " + opts.output)
                        }
                        return nil
                    },
                }
                status.Flags().StringVar(&opts.endpoint, "endpoint", "", "")
                status.Flags().StringVar(&opts.output, "output", "", "")
                root.AddCommand(defrag, status)
            }

            func defragFunc(cmd *cobra.Command, args []string) {
                if len(dataDir) > 0 {
                    fmt.Fprintf(os.Stderr, "Use `othertool defrag` instead. The --data-dir is going away.\\n")
                }
                fmt.Println("done")
            }
            """
        ])
        let deprecated = found.items.filter(\.deprecated).map(\.key).sorted()
        #expect(deprecated == ["tool defrag --data-dir", "tool status --endpoint"], "\(found.notes)")
    }

    @Test("usage text, long help and a notice printed at every run mark what they describe, and nothing else")
    func deprecatedByText() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import (
                "errors"
                "fmt"
                "os"

                "github.com/spf13/cobra"
            )

            var dataDir string

            func NewRoot() *cobra.Command {
                cmd := &cobra.Command{Use: "tool"}
                flags := cmd.PersistentFlags()
                flags.StringVar(&dataDir, "data", "", "Path to the data (deprecated: use --dir)")
                flags.String("dir", "", "Path to the data; replaces the deprecated --data flag")
                flags.BoolP("quiet", "q", false, "Deprecated")
                flags.Func("level", "DEPRECATED: use --verbosity", func(string) error { return nil })
                cmd.AddCommand(newRestore(), newStatus(), newCompact(), newPrune(), newFail())
                old := &cobra.Command{Use: "old", Long: "Deprecated: use 'tool restore'."}
                cmd.AddCommand(old)
                return cmd
            }

            func newRestore() *cobra.Command {
                cmd := &cobra.Command{Use: "restore <file>", Short: "Restores a snapshot", Run: restore}
                cmd.Flags().String("wal", "", "Path to the log")
                return cmd
            }

            func restore(cmd *cobra.Command, args []string) {
                fmt.Fprintf(os.Stderr, "Deprecated: Use `othertool restore` instead.\\n\\n")
                doRestore(args)
            }

            func newStatus() *cobra.Command {
                return &cobra.Command{
                    Use: "status",
                    RunE: func(cmd *cobra.Command, args []string) error {
                        _, err := fmt.Fprintln(os.Stderr, "DEPRECATED: use `tool info`")
                        return err
                    },
                }
            }

            // Says so only when a flag is given: that is about the flag, not the command.
            func newCompact() *cobra.Command {
                return &cobra.Command{
                    Use: "compact",
                    Run: func(cmd *cobra.Command, args []string) {
                        if dataDir != "" {
                            fmt.Fprintln(os.Stderr, "Deprecated: --data goes away in the next release")
                        }
                    },
                }
            }

            // Prints something else.
            func newPrune() *cobra.Command {
                return &cobra.Command{Use: "prune", Run: func(*cobra.Command, []string) { fmt.Println("pruned") }}
            }

            // Fails with a message that says so: the command no longer works, it is not a notice.
            func newFail() *cobra.Command {
                return &cobra.Command{
                    Use: "fail",
                    RunE: func(*cobra.Command, []string) error { return errors.New("deprecated: removed") },
                }
            }
            """
        ])
        #expect(found.notes.isEmpty, "\(found.notes)")
        let deprecated = Dictionary(uniqueKeysWithValues: found.items.map { ($0.key, $0.deprecated) })
        #expect(
            deprecated == [
                "tool": false, "tool --data": true, "tool --dir": false, "tool --quiet": true, "tool --level": true,
                "tool restore": true, "tool restore --wal": true, "tool status": true, "tool compact": false,
                "tool prune": false, "tool fail": false, "tool old": true,
            ])
    }

    @Test("a command hidden behind a feature gate that says experimental is experimental, with what is under it")
    func experimentalGate() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import (
                "github.com/spf13/cobra"

                "example.com/tool/internal/gates"
            )

            const FeatureGateOCI = gates.Gate("TOOL_EXPERIMENTAL_OCI")

            const FeatureGateColor = gates.Gate("TOOL_COLOR")

            func NewRoot() *cobra.Command {
                cmd := &cobra.Command{Use: "tool"}
                chart := &cobra.Command{Use: "chart", Hidden: !FeatureGateOCI.IsEnabled()}
                push := &cobra.Command{Use: "push"}
                push.Flags().Bool("insecure", false, "")
                chart.AddCommand(push)
                paint := &cobra.Command{Use: "paint", Hidden: !FeatureGateColor.IsEnabled()}
                beta := &cobra.Command{Use: "beta", Hidden: !experimentalEnabled()}
                cmd.AddCommand(chart, paint, beta)
                return cmd
            }

            func experimentalEnabled() bool { return false }
            """
        ])
        let experimental = Dictionary(uniqueKeysWithValues: found.items.map { ($0.key, $0.experimental) })
        #expect(
            experimental == [
                "tool": false, "tool chart": true, "tool chart push": true, "tool chart push --insecure": true,
                "tool paint": false, "tool beta": true,
            ])
        #expect(found.items.allSatisfy { $0.attributes["hidden"] == nil })
    }

    @Test("a flag whose name or usage says experimental, and a command annotated so, are experimental; flags about experiments are not")
    func experimentalByItsOwnWords() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                cmd := &cobra.Command{Use: "tool", Annotations: map[string]string{"experimental": "true"}}
                sign := &cobra.Command{Use: "sign"}
                sign.Flags().String("oidc-secret", "", "[EXPERIMENTAL] OIDC client secret")
                sign.Flags().Bool("experimental-oci11", false, "use OCI 1.1")
                sign.Flags().StringSlice("features", nil, "Experimental features to enable")
                sign.Flags().String("key", "", "the key")
                mount := &cobra.Command{Use: "mount", Annotations: map[string]string{"experimentalCLI": ""}}
                mount.Flags().Bool("ro", false, "read only")
                cmd.AddCommand(sign, mount)
                return cmd
            }
            """
        ])
        let experimental = Dictionary(uniqueKeysWithValues: found.items.map { ($0.key, $0.experimental) })
        #expect(
            experimental == [
                "tool": false, "tool sign": false, "tool sign --oidc-secret": true,
                "tool sign --experimental-oci11": true, "tool sign --features": false, "tool sign --key": false,
                "tool mount": true, "tool mount --ro": true,
            ])
    }

    @Test("what is under a hidden command is hidden too: help lists none of it")
    func hiddenSubtree() {
        let found = surface([
            "cmd/root.go": """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                cmd := &cobra.Command{Use: "tool"}
                docs := &cobra.Command{Use: "docs", Hidden: true}
                docs.Flags().String("dir", "", "where to write")
                man := &cobra.Command{Use: "man"}
                docs.AddCommand(man)
                serve := &cobra.Command{Use: "serve"}
                serve.Flags().Int("port", 0, "port")
                serve.Flags().Bool("debug", false, "debug")
                _ = serve.Flags().MarkHidden("debug")
                cmd.AddCommand(docs, serve)
                return cmd
            }
            """
        ])
        let hidden = Dictionary(uniqueKeysWithValues: found.items.map { ($0.key, $0.attributes["hidden"]) })
        #expect(
            hidden == [
                "tool": nil, "tool docs": "true", "tool docs --dir": "true", "tool docs man": "true",
                "tool serve": nil, "tool serve --port": nil, "tool serve --debug": "true",
            ])
    }
}

/// `text` as a Go interpreted string literal.
private func goString(_ text: String) -> String {
    "\""
        + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: "\\n") + "\""
}
