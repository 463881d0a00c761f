import Foundation
import Git
import Policy
import SemVer
import Surface
import Testing
import TestSupport

/// `for _, o := range options` over a slice of struct values gives `o` a copy of each entry: a helper that renames the
/// copies (a prefix for another group of settings) and appends them to a new table leaves the entries it copied as
/// they were, so both tables name their flags as Go does.
@Suite("cobra surface: a range loop over struct values works on copies of the entries")
struct CobraRangeCopyTests {
    static let policy = """
        semgate: 1
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go", "settings/*.go"]
                root: app
        """

    /// The settings package; `pointers` makes its table a slice of pointers, whose loop variable is the entry itself.
    static func settings(pointers: Bool) -> String {
        """
        package settings

        type Option struct {
            Name    string
            Help    string
            Default interface{}
        }

        type Options []\(pointers ? "*" : "")Option

        func (o *Option) Type() string       { return "option" }
        func (o *Option) String() string     { return "" }
        func (o *Option) Set(s string) error { return nil }

        func (os Options) Add(more Options) Options { return append(os, more...) }

        // WithPrefix returns os with the options of more, each renamed prefix_name.
        func (os Options) WithPrefix(more Options, prefix string) Options {
            for _, o := range more {
                o.Name = prefix + "_" + o.Name
                os = append(os, o)
            }
            return os
        }
        """
    }

    static func helper(pointers: Bool) -> String {
        """
        package flagutil

        import (
            "strings"

            "example.com/app/settings"
            "github.com/spf13/pflag"
        )

        func AddFromOptions(set *pflag.FlagSet, options settings.Options) {
            for i := range options {
                o := \(pointers ? "" : "&")options[i]
                set.Var(o, strings.ReplaceAll(o.Name, "_", "-"), o.Help)
            }
        }
        """
    }

    static let listen = """
        package listen

        import "example.com/app/settings"

        var Options = settings.Options{
            {Name: "addr", Default: ":80", Help: "where to listen"},
            {Name: "cert", Help: "certificate file"},
        }
        """

    static let remote = """
        package remote

        import (
            "example.com/app/cmd/listen"
            "example.com/app/settings"
        )

        var Options = settings.Options{{Name: "remote", Default: false, Help: "serve remote control"}}.
            WithPrefix(listen.Options, "remote").
            WithPrefix(listen.Options, "metrics")
        """

    static let root = """
        package cmd

        import (
            "example.com/app/cmd/flagutil"
            "example.com/app/cmd/remote"
            "example.com/app/cmd/serve"
            "github.com/spf13/cobra"
        )

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "app"}
            flagutil.AddFromOptions(root.PersistentFlags(), remote.Options)
            root.AddCommand(serve.NewCommand())
            return root
        }
        """

    static let serve = """
        package serve

        import (
            "example.com/app/cmd/flagutil"
            "example.com/app/cmd/listen"
            "example.com/app/settings"
            "github.com/spf13/cobra"
        )

        func NewCommand() *cobra.Command {
            cmd := &cobra.Command{Use: "serve"}
            flagutil.AddFromOptions(cmd.Flags(), settings.Options{}.Add(listen.Options))
            return cmd
        }
        """

    static func files(pointers: Bool) -> [String: String] {
        [
            "go.mod": CobraOptionTableTests.goMod, "settings/settings.go": settings(pointers: pointers),
            "cmd/flagutil/flagutil.go": helper(pointers: pointers), "cmd/listen/listen.go": listen,
            "cmd/remote/remote.go": remote, "cmd/root.go": root, "cmd/serve/serve.go": serve,
        ]
    }

    @Test("the copies a prefixing helper renames are flags of their own; the table it copied keeps its names")
    func prefixedCopies() throws {
        let repo = try FixtureRepository()
        try repo.importCommits([FixtureRepository.Snapshot(files: Self.files(pointers: false), tags: ["v1.0.0"])])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        let flags = read.items.keys.filter { $0.contains(" --") }.sorted()
        #expect(
            flags == [
                "cli:app --metrics-addr", "cli:app --metrics-cert", "cli:app --remote", "cli:app --remote-addr",
                "cli:app --remote-cert", "cli:app serve --addr", "cli:app serve --cert",
            ], "\(read.notes)")
        #expect(!read.notes.contains { $0.contains("not a constant string") }, "\(read.notes)")
    }

    @Test("a table of pointers is renamed in place: its flags' names are not known, and none is claimed")
    func prefixedPointers() throws {
        let repo = try FixtureRepository()
        try repo.importCommits([FixtureRepository.Snapshot(files: Self.files(pointers: true), tags: ["v1.0.0"])])
        let read = try surface(of: repo, at: "v1.0.0", policy: Self.policy)
        // Go renames the shared entries: `serve` has `--metrics-remote-addr`, not `--addr`.
        #expect(read.items["cli:app serve --addr"] == nil)
        #expect(read.items["cli:app --remote-addr"] == nil)
        #expect(read.notes.contains { $0.contains("not a constant string") }, "\(read.notes)")
    }
}
