import Foundation
import Testing
import TestSupport

/// Custom flag values (`pflag.Value`) whose `Type()` text changes between releases, judged by the built binary: what
/// users type is read by the value's `Set`, so when the flag still takes a value of the same Go type, only the text
/// help shows changed (chezmoi 2.53.0's `--mode`: `mode` to `file|symlink`).
@Suite("cobra: a custom value's Type() text changing with the same Go type is no break")
struct CobraValueTypeTests {
    static let policy = """
        semgate: 1
        project: tool
        surfaces:
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
        """

    static let goMod = "module example.com/tool\n\nrequire github.com/spf13/cobra v1.8.0\n"

    /// `tool serve` with `--mode` (a value type of this package whose `Type()` says `mode`), `--level` (a type of
    /// package `kinds`, made by a constructor) and `--shape` (a value of type `shape`, declared here; `Type()` says
    /// `shapeText`).
    static func program(mode: String, shape: String, shapeText: String) -> String {
        """
        package cmd

        import (
            "github.com/spf13/cobra"

            "example.com/tool/cmd/kinds"
        )

        type modeValue string

        func (m *modeValue) String() string     { return string(*m) }
        func (m *modeValue) Set(s string) error { *m = modeValue(s); return nil }
        func (m *modeValue) Type() string       { return "\(mode)" }

        type \(shape) struct{ text string }

        func (s *\(shape)) String() string     { return s.text }
        func (s *\(shape)) Set(t string) error { s.text = t; return nil }
        func (s *\(shape)) Type() string       { return "\(shapeText)" }

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve"}
            var mode modeValue
            serve.Flags().Var(&mode, "mode", "file mode")
            serve.Flags().VarP(kinds.NewLevel(), "level", "l", "log level")
            serve.Flags().Var(&\(shape){}, "shape", "shape")
            root.AddCommand(serve)
            return root
        }
        """
    }

    /// Package `kinds`: `Level`, whose `Type()` returns `text`.
    static func kinds(_ text: String) -> String {
        """
        package kinds

        type Level struct{ name string }

        func NewLevel() *Level { return &Level{} }

        func (l *Level) String() string     { return l.name }
        func (l *Level) Set(s string) error { l.name = s; return nil }
        func (l *Level) Type() string       { return "\(text)" }
        """
    }

    @Test("Type() text only (mode to file|symlink, string to level): patch; another Go type with another text: major")
    func typeTextOnly() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", Self.goMod)
        try repo.write("cmd/root.go", Self.program(mode: "mode", shape: "shapeValue", shapeText: "shape"))
        try repo.write("cmd/kinds/level.go", Self.kinds("string"))
        try repo.commit("serve")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("cmd/root.go", Self.program(mode: "file|symlink", shape: "outline", shapeText: "outline"))
        try repo.write("cmd/kinds/level.go", Self.kinds("level"))
        try repo.commit("clearer value names in help; --shape takes an outline")
        try repo.tag("v1.1.0", annotated: true)

        let surface = try runSemgate(["surface", "v1.0.0", "--format", "json"], in: repo.url)
        #expect(surface.status == 0, "\(surface.stderr)")
        let items = (jsonObject(surface.stdout)?["items"] as? [[String: Any]] ?? []).reduce(into: [String: [String: String]]()) {
            if let key = $1["item"] as? String { $0[key] = $1["attributes"] as? [String: String] }
        }
        #expect(items["cli:tool serve --mode"]?["value-type"] == "cmd.modeValue", "\(items)")
        #expect(items["cli:tool serve --mode"]?["type"] == "mode")
        #expect(items["cli:tool serve --level"]?["value-type"] == "cmd/kinds.Level")
        #expect(items["cli:tool serve --level"]?["type"] == "string")

        let audit = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(audit.status == 1, "stdout: \(audit.stdout)\nstderr: \(audit.stderr)")
        let releases = jsonObject(audit.stdout)?["releases"] as? [[String: Any]] ?? []
        let release = releases.first { $0["version"] as? String == "1.1.0" }
        let changes = (release?["changes"] as? [[String: Any]] ?? []).map {
            "\($0["kind"] as? String ?? "") \($0["item"] as? String ?? "") \($0["bump"] as? String ?? "")"
        }.sorted()
        #expect(
            changes == [
                "changed cli:tool serve --level patch", "changed cli:tool serve --mode patch",
                "changed cli:tool serve --shape major",
            ], "\(changes)")
        let findings = (release?["findings"] as? [[String: Any]] ?? []).filter {
            $0["rule"] as? String == "breaking-without-major"
        }
        #expect(findings.compactMap { $0["item"] as? String } == ["cli:tool serve --shape"], "\(findings)")
    }

    static let stringFlag = #"serve.Flags().StringVar(&plain, "mode", "", "mode")"#
    static let valueFlag = #"serve.Flags().Var(&mode, "mode", "mode")"#

    /// `tool serve --mode`: a `string` flag, or (`value` not nil) a custom value of type `modeValue` declared by
    /// `value`.
    static func stringToValue(_ value: String?) -> String {
        """
        package cmd

        import (
            "errors"
            "fmt"

            "github.com/spf13/cobra"
            "github.com/spf13/pflag"
        )

        var _ = errors.New
        var _ = fmt.Errorf
        var _ pflag.Value

        \(value ?? "")

        var plain string

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            serve := &cobra.Command{Use: "serve", Run: func(*cobra.Command, []string) {}}
            \(value == nil ? Self.stringFlag : Self.valueFlag)
            root.AddCommand(serve)
            return root
        }
        """
    }

    /// Review R96: a `string` flag that becomes a custom value in a minor. A value whose `Type()` and `Set` come from
    /// an embedded interface (`type`: `custom`, `value-type` named), or whose `Set` returns an error on every path
    /// (`accepts`: `nothing`), is claimed (breaking-without-major, with a note); one whose `Set` stores any string or
    /// narrows to some words (chezmoi's `json|yaml`, E2) is not. Before: nothing claimed for the first two.
    @Test(
        arguments: [
            ("embedded", "type modeValue struct{ pflag.Value }\n\nvar mode modeValue", true),
            (
                "rejecting",
                """
                type modeValue string

                func (m *modeValue) Set(s string) error {
                    if s == "" {
                        return errors.New("empty")
                    }
                    return fmt.Errorf("%s: mode is fixed now", s)
                }
                func (m modeValue) String() string { return string(m) }
                func (m modeValue) Type() string   { return "fixed" }

                var mode modeValue
                """, true
            ),
            (
                "storing",
                """
                type modeValue string

                func (m *modeValue) Set(s string) error { *m = modeValue(s); return nil }
                func (m modeValue) String() string      { return string(m) }
                func (m modeValue) Type() string        { return "word" }

                var mode modeValue
                """, false
            ),
            (
                "narrowing",
                """
                type modeValue string

                func (m *modeValue) Set(s string) error {
                    if s != "json" && s != "yaml" {
                        return fmt.Errorf("%s: unknown", s)
                    }
                    *m = modeValue(s)
                    return nil
                }
                func (m modeValue) String() string { return string(m) }
                func (m modeValue) Type() string   { return "json|yaml" }

                var mode modeValue
                """, false
            ),
        ])
    func stringToCustomValue(shape: String, value: String, claimed: Bool) throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write("go.mod", Self.goMod)
        try repo.write("cmd/root.go", Self.stringToValue(nil))
        try repo.commit("string")
        try repo.tag("v1.0.0", annotated: true)
        try repo.write("cmd/root.go", Self.stringToValue(value))
        try repo.commit("a value of its own")
        try repo.tag("v1.1.0", annotated: true)
        let audit = try runSemgate(["audit", "--format", "json"], in: repo.url)
        let report = jsonObject(audit.stdout)
        let releases = report?["releases"] as? [[String: Any]] ?? []
        let findings = releases.flatMap { $0["findings"] as? [[String: Any]] ?? [] }.map {
            "\($0["severity"] ?? "") \($0["rule"] ?? "") \($0["item"] ?? "")"
        }
        #expect(audit.status == (claimed ? 1 : 0), "\(shape): \(findings) \(audit.stderr)")
        #expect(
            findings.contains("error breaking-without-major cli:tool serve --mode") == claimed, "\(shape): \(findings)")
        let notes = report?["notes"] as? [String] ?? []
        let noted = notes.contains { $0.contains("cli:tool serve --mode (") && $0.contains("claimed as a break") }
        #expect(noted == claimed, "\(shape): \(notes)")
    }
}
