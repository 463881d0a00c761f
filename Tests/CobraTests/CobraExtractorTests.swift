import Foundation
import Testing
import TestSupport

import GoSource

@testable import Cobra

/// The cobra surface of in-memory Go files.
private func surface(_ files: [String: String], root: String? = nil) -> CobraSurface {
    CobraExtractor.surface(of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: root)
}

/// Items as `key → attributes`, with `deprecated=true` added for deprecated items, to compare in one `#expect`.
private func table(_ surface: CobraSurface) -> [String: [String: String]] {
    Dictionary(
        uniqueKeysWithValues: surface.items.map { item in
            var attributes = item.attributes
            if item.deprecated { attributes["deprecated"] = "true" }
            return (item.key, attributes)
        })
}

private func local(_ type: String, _ shorthand: String? = nil) -> [String: String] {
    var attributes = ["type": type, "scope": "local"]
    if let shorthand { attributes["shorthand"] = shorthand }
    return attributes
}

private func persistent(_ type: String, _ shorthand: String? = nil) -> [String: String] {
    var attributes = ["type": type, "scope": "persistent"]
    if let shorthand { attributes["shorthand"] = shorthand }
    return attributes
}

@Suite("cobra extractor: command trees in real-world styles")
struct CobraExtractorTests {
    @Test("P-variants on a flags variable, persistent root flags, aliases, Use with arguments")
    func flagsVariable() {
        let found = surface(CobraFixtures.flagsVariable)
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            table(found) == [
                "tool": [:],
                "tool --config": persistent("string", "c"),
                "tool --verbose": persistent("bool", "v"),
                "tool serve": [:],
                "tool s": ["alias-of": "serve"],
                "tool up": ["alias-of": "serve"],
                "tool serve --port": local("int", "p"),
                "tool serve --timeout": local("duration"),
                "tool serve --header": local("stringSlice", "H"),
                "tool s --port": local("int", "p"),
                "tool s --timeout": local("duration"),
                "tool s --header": local("stringSlice", "H"),
                "tool up --port": local("int", "p"),
                "tool up --timeout": local("duration"),
                "tool up --header": local("stringSlice", "H"),
            ])
        let port = found.items.first { $0.key == "tool serve --port" }
        #expect(port?.path == "cmd/root.go")
        #expect(port?.line == 25)
    }

    @Test("XVar on a command in a struct field, multi-line calls, a constant name, hidden command and flag")
    func structFieldVars() {
        let found = surface(CobraFixtures.structFieldVars)
        #expect(found.notes.isEmpty, "\(found.notes)")
        // What is under a hidden command is hidden with it: help lists none of it.
        func hidden(_ attributes: [String: String]) -> [String: String] {
            attributes.merging(["hidden": "true"]) { _, new in new }
        }
        #expect(
            table(found) == [
                "srv": [:],
                "srv serve": ["hidden": "true"],
                "srv serve --port": hidden(local("int", "p")),
                "srv serve --host": hidden(local("string")),
                "srv serve --debug": hidden(local("bool")),
            ])
        // A call over several lines is found at the line of its method name.
        #expect(found.items.first { $0.key == "srv serve --port" }?.line == 31)
    }

    @Test("helper-built flag sets attached with AddFlagSet, package-level commands wired in init()")
    func helperFlagSets() {
        let found = surface(CobraFixtures.helperFlagSets)
        #expect(found.notes.isEmpty, "\(found.notes)")
        var noSummary = local("bool")
        noSummary["deprecated"] = "true"
        var secret = local("bool")
        secret["hidden"] = "true"
        #expect(
            table(found) == [
                "load": [:],
                "load run": [:],
                "load run --env": local("stringArray", "e"),
                "load run --no-summary": noSummary,
                "load run --secret": secret,
                "load run --vus": local("int64", "u"),
                "load cloud": [:],
                "load cloud --env": local("stringArray", "e"),
                "load cloud --no-summary": noSummary,
                "load cloud --secret": secret,
                "load cloud --token": persistent("string"),
            ])
        #expect(found.items.first { $0.key == "load run --env" }?.path == "cmd/flags.go")
    }

    @Test("a tree assembled in root.go from functions returning commands; deprecation reaches what is under it")
    func assembledTree() {
        let found = surface(CobraFixtures.assembledTree, root: "tool")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            table(found) == [
                "tool": [:],
                "tool run": [:],
                "tool run --linger": local("bool", "l"),
                "tool login": ["deprecated": "true"],
                "tool login cloud": ["deprecated": "true"],
                "tool login cloud --token": [
                    "type": "string", "scope": "local", "shorthand": "t", "deprecated": "true",
                ],
            ])
    }

    @Test("aliased imports across folders; a flag helper pairs each command with the name it was called with")
    func helpersPerCallSite() {
        let found = surface(CobraFixtures.helpersPerCallSite)
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            table(found) == [
                "gh": [:],
                "gh issue": [:],
                "gh issue list": [:],
                "gh issue ls": ["alias-of": "list"],
                "gh issue list --state": local("string", "s"),
                "gh issue list --json": local("stringSlice"),
                "gh issue ls --state": local("string", "s"),
                "gh issue ls --json": local("stringSlice"),
                "gh pr": [:],
                "gh pr status": [:],
                "gh pr status --kind": local("string", "k"),
            ])
    }

    @Test("without 'root', a root whose Use is not a constant is noted and its subcommands keyed without it")
    func unnamedRoot() {
        let found = surface(CobraFixtures.assembledTree)
        #expect(table(found)["run --linger"] == local("bool", "l"))
        #expect(table(found)["tool run"] == nil)
        #expect(
            found.notes.contains {
                $0.hasPrefix("internal/cmd/root.go:9:") && $0.contains("root command's Use is not a constant")
                    && $0.contains("set 'root'")
            }, "\(found.notes)")
    }

    @Test("a call that only reads a command or its flags (viper.BindPFlags, fmt.Println) leaves its flags known")
    func readingCallsLeaveFlagsKnown() {
        let source = """
            package cmd

            import (
                "fmt"

                "github.com/spf13/cobra"
                "github.com/spf13/viper"
            )

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                serve := &cobra.Command{Use: "serve"}
                serve.Flags().Int("port", 80, "port")
                viper.BindPFlags(serve.Flags())
                fmt.Println(serve)
                root.AddCommand(serve)
                return root
            }
            """
        let found = surface(["cmd/root.go": source], root: "tool")
        // A removed `--port` stays a removal: nothing else can define flags on `serve`.
        #expect(table(found) == ["tool": [:], "tool serve": [:], "tool serve --port": local("int")])
    }

    @Test("what cannot be followed is a note with file:line, never a guess or a crash")
    func unresolvable() {
        let found = surface(CobraFixtures.unresolvable, root: "tool")
        // A flag set handed to a call that cannot be followed may get flags there: the command says so.
        #expect(table(found) == ["tool": ["unread-flags": "persistent"], "tool --ok": local("bool")])
        let expected = [
            "cmd/root.go:14: the name of a bool flag (argument 1) is not a constant string",
            "cmd/root.go:15: the Use of a subcommand of 'tool' is not a constant string",
            "cmd/root.go:17: the subcommands of 'tool' that plugins.Commands(...) adds cannot be followed",
            "cmd/root.go:18: settings.AddFlags is not defined in the files read",
            "cmd/root.go:24: command 'orphan' is not added to the command tree",
            "cmd/root.go:28: a command is not added to the command tree",
            "cmd/broken.go:3:14: cannot read Go source",
        ]
        for prefix in expected {
            #expect(found.notes.contains { $0.hasPrefix(prefix) }, "missing '\(prefix)' in \(found.notes)")
        }
        #expect(found.notes.count == expected.count, "\(found.notes)")
        #expect(found.incomplete)
    }

    @Test(
        "a `main` that builds nothing itself but hands a package-level root to a helper not read (`sub.AddCmds(cmd)`) is run: the note names the helper and the surface is incomplete (kubebuilder 1.0.4 read as the bare root, silently); a parameter of that name is not the root"
    )
    func packageRootHandedToHelperNotRead() {
        let source = """
            package main

            import (
                "log"

                "example.com/tool/cmd/sub"
                "github.com/spf13/cobra"
            )

            func main() {
                sub.AddCmds(cmd)
                if err := cmd.Execute(); err != nil {
                    log.Fatal(err)
                }
            }

            var cmd = &cobra.Command{Use: "tool", Run: run}

            func run(cmd *cobra.Command, args []string) { cmd.Help() }
            """
        let found = surface(["cmd/main.go": source], root: "tool")
        #expect(found.notes.contains { $0.hasPrefix("cmd/main.go:11: sub.AddCmds is not defined in the files read") },
            "\(found.notes)")
        #expect(found.incomplete)
        #expect(table(found)["tool"]?["unread-flags"] == "local,persistent", "\(table(found))")
    }

    @Test("a lone parentless command without flags or subcommands is not taken for a second root")
    func loneOrphanWithoutRootOption() {
        let found = surface(CobraFixtures.unresolvable)
        #expect(table(found)["orphan"] == nil)
        #expect(table(found)["tool --ok"] == local("bool"))
    }

    @Test(
        "pflag definition methods: type, name and shorthand positions",
        arguments: [
            ("String", "string", 0, nil), ("StringP", "string", 0, 1), ("StringVar", "string", 1, nil),
            ("StringVarP", "string", 1, 2), ("BoolP", "bool", 0, 1), ("IP", "ip", 0, nil), ("IPNetP", "ipNet", 0, 1),
            ("StringToStringVarP", "stringToString", 1, 2), ("CountP", "count", 0, 1), ("Var", "custom", 1, nil),
            ("VarP", "custom", 1, 2), ("Int64Var", "int64", 1, nil),
        ] as [(String, String, Int, Int?)])
    func flagMethods(method: String, type: String, name: Int, shorthand: Int?) throws {
        let shape = try #require(CobraFlagMethod(method))
        #expect(shape.type == type)
        #expect(shape.nameIndex == name)
        #expect(shape.shorthandIndex == shorthand)
    }

    @Test(
        "methods that define no flag are not taken for definitions", arguments: ["Set", "Lookup", "Parse", "GetString"])
    func notFlagMethods(method: String) {
        #expect(CobraFlagMethod(method) == nil)
    }
}

@Suite("cobra extractor: hostile and mutated source")
struct CobraRobustnessTests {
    static let pieces = ["{", "}", "(", ")", "[", "]", ",", ":=", "=", ".", "...", "\"", "`", "\n", "func", "&", "*"]

    /// `SEMGATE_COBRA_FUZZ_ROUNDS` runs more rounds (and `SEMGATE_COBRA_FUZZ_SEED` another seed) for a longer fuzz.
    @Test("every fixture survives 400 seeded mutations: items or notes, never a crash or a hang")
    func mutations() {
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["SEMGATE_COBRA_FUZZ_ROUNDS"].flatMap(Int.init) ?? 400
        let seed = environment["SEMGATE_COBRA_FUZZ_SEED"].flatMap(UInt64.init) ?? 42
        let sources = [
            CobraFixtures.flagsVariable, CobraFixtures.structFieldVars, CobraFixtures.helperFlagSets,
            CobraFixtures.assembledTree, CobraFixtures.unresolvable,
        ].flatMap { $0.values }.map { Array($0.unicodeScalars) }
        var random = SplitMix64(seed: seed)
        for round in 0..<rounds {
            var scalars = sources[round % sources.count]
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let at = Int.random(in: 0..<scalars.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: scalars.remove(at: at)
                case 1:
                    let piece = Self.pieces.randomElement(using: &random) ?? "{"
                    scalars.insert(contentsOf: Array(piece.unicodeScalars), at: at)
                default: scalars.removeSubrange(at..<min(scalars.count, at + Int.random(in: 1...40, using: &random)))
                }
                if scalars.isEmpty { scalars = Array("package x".unicodeScalars) }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            let found = surface(["cmd/x.go": String(text)], root: round.isMultiple(of: 2) ? "tool" : nil)
            #expect(found.items.allSatisfy { !$0.key.isEmpty })
        }
    }

    @Test("a flag added past the call-depth bound is missing with a note, and the surface is incomplete (review R33)")
    func callDepthBound() {
        var source = """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.Flags().String("port", "", "p")
                a0(root)
                return root
            }

            """
        for index in 0..<70 { source += "func a\(index)(c *cobra.Command) { a\(index + 1)(c) }\n" }
        source += "func a70(c *cobra.Command) { c.Flags().String(\"host\", \"\", \"h\") }\n"
        let found = surface(["cmd/root.go": source], root: "tool")
        #expect(found.items.map(\.key).contains("tool --port"))
        #expect(!found.items.map(\.key).contains("tool --host"))
        #expect(found.incomplete)
        #expect(found.notes.contains { $0.contains("calls nest more than 64 deep where a63 is called") }, "\(found.notes)")

        // Methods of a struct that holds the command, 70 deep: the same note.
        var methods = source.components(separatedBy: "func a0(")[0]
        methods += "type T struct{ c *cobra.Command }\n\nfunc a0(c *cobra.Command) { T{c}.m0() }\n"
        for index in 0..<70 { methods += "func (t T) m\(index)() { t.m\(index + 1)() }\n" }
        methods += "func (t T) m70() { t.c.Flags().String(\"host\", \"\", \"h\") }\n"
        let held = surface(["cmd/root.go": methods], root: "tool")
        #expect(!held.items.map(\.key).contains("tool --host"))
        #expect(held.incomplete)
        #expect(held.notes.contains { $0.contains("calls nest more than 64 deep where m") }, "\(held.notes)")

        // Five calls deep: read, no note.
        var short = source.components(separatedBy: "func a0(")[0]
        for index in 0..<5 { short += "func a\(index)(c *cobra.Command) { a\(index + 1)(c) }\n" }
        short += "func a5(c *cobra.Command) { c.Flags().String(\"host\", \"\", \"h\") }\n"
        let read = surface(["cmd/root.go": short], root: "tool")
        #expect(read.items.map(\.key).contains("tool --host"))
        #expect(!read.notes.contains { $0.contains("nest") })
    }

    /// Go that nests `calls` calls, each inside `blocks` plain blocks, down to a body that defines one flag, runs
    /// `inner` inside `blocks` blocks, then defines another (review R42's shape): `--host`, `return`, `--port`, or
    /// `--port`, `ResetFlags()`, `--host`; Go ends with `--host` alone either way.
    private static func stackShape(calls: Int, blocks: Int, inner: String) -> String {
        let open = String(repeating: "{\n", count: blocks)
        let close = String(repeating: "}\n", count: blocks)
        var source = """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                f0(root)
                return root
            }

            """
        for index in 0..<calls { source += "func f\(index)(c *cobra.Command) {\n\(open)f\(index + 1)(c)\n\(close)}\n" }
        let (before, after) = inner == "return" ? ("host", "port") : ("port", "host")
        source += "func f\(calls)(c *cobra.Command) {\nc.Flags().String(\"\(before)\", \"\", \"\")\n"
        return source + "\(open)\(inner)\n\(close)c.Flags().String(\"\(after)\", \"\", \"\")\n}\n"
    }

    /// The surface of `files`, read on a thread whose stack is `stack` bytes.
    private static func surfaceOnThread(_ files: [String: String], stack: Int) -> CobraSurface {
        final class Box: @unchecked Sendable { var surface: CobraSurface? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let sources = files.map { ($0.key, CobraSourceFile(source: $0.value)) }
        let thread = Thread {
            box.surface = CobraExtractor.surface(of: sources, root: "tool", stackBytes: 0)
            done.signal()
        }
        thread.stackSize = stack
        thread.start()
        done.wait()
        return box.surface!
    }

    @Test(
        "a statement the stack has no room for stops the extraction, so a return or ResetFlags not run never lets later flags count (review R42)",
        arguments: ["return", "c.ResetFlags()"])
    func stackExhausted(inner: String) {
        // 60 calls each in 300 blocks: 18,000 levels, more than 6 MB of stack in any build (a release build's level
        // takes at least 460 bytes: this overflowed an 8 MB stack before StackGuard); an 8 MB thread keeps 2 MB.
        let deep = Self.surfaceOnThread(
            ["cmd/root.go": Self.stackShape(calls: 60, blocks: 300, inner: inner)], stack: 8 << 20)
        #expect(deep.overLimit?.contains("nest too deep for semgate's stack at cmd/root.go:") == true, "\(deep.notes)")
        #expect(deep.items.isEmpty)
        // With the stack it needs the same code is read as Go runs it: the return or the reset leaves no --port.
        let shallow = Self.surfaceOnThread(
            ["cmd/root.go": Self.stackShape(calls: 2, blocks: 20, inner: inner)], stack: 8 << 20)
        #expect(shallow.overLimit == nil)
        #expect(shallow.items.map(\.key).contains("tool --host"), "\(shallow.items.map(\.key))")
        #expect(!shallow.items.map(\.key).contains("tool --port"))
    }

    @Test("absurd nesting is an error with its position, not a stack overflow")
    func deepNesting() {
        let deep = String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)
        let source = "package cmd\n\nfunc f() {\n    _ = \(deep)\n}\n\nfunc g() {}\n"
        let file = CobraSourceFile(source: source)
        #expect(file.errors.contains { $0.message.contains("nest more than") && $0.position.line == 4 })
    }

    @Test(
        "an AddCommand cycle leaves no root: a note says why the surface is empty",
        arguments: ["rootCmd.AddCommand(rootCmd)", "subCmd.AddCommand(rootCmd)"])
    func addCommandCycle(cycle: String) {
        let source = """
            package cmd

            import "github.com/spf13/cobra"

            var rootCmd = &cobra.Command{Use: "tool"}
            var subCmd = &cobra.Command{Use: "sub"}

            func init() {
                rootCmd.AddCommand(subCmd)
                \(cycle)
            }
            """
        for root in [nil, "tool"] {
            let found = surface(["cmd/root.go": source], root: root)
            #expect(found.items.isEmpty)
            #expect(
                found.notes.contains { $0.hasPrefix("cmd/root.go:") && $0.contains("AddCommand cycle") },
                "\(found.notes)")
        }
    }

    @Test("a value assigned after a function read it is followed: the passes go on until nothing read has changed")
    func valueAssignedAfterItWasRead() {
        // `main` runs before `setup` (entry points run in name order), so the first pass reads `sub` before it is
        // assigned, and `attach` adds nothing; only a second pass, with `sub` known, adds `late`.
        let source = """
            package main

            import "github.com/spf13/cobra"

            var sub *cobra.Command

            func attach(root *cobra.Command) { root.AddCommand(sub) }

            func main() {
                root := &cobra.Command{Use: "tool"}
                root.Flags().Bool("dry-run", false, "")
                attach(root)
            }

            func setup() {
                sub = &cobra.Command{Use: "late"}
                sub.Flags().String("name", "", "")
            }
            """
        let found = surface(["cmd/main.go": source], root: "tool")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(
            table(found) == [
                "tool": [:], "tool --dry-run": local("bool"), "tool late": [:], "tool late --name": local("string"),
            ])
    }

    @Test("a call replayed in a later pass, because nothing it read changed, still notes what it could not follow")
    func replayedCallKeepsItsNotes() {
        // The second pass runs `main` again (`attach` read `sub` before `setup` assigned it) but replays `extra`,
        // whose reads did not change: its note must still be in the result, and its command and flag.
        let source = """
            package main

            import (
                "github.com/spf13/cobra"

                "example.com/tool/plugins"
            )

            var sub *cobra.Command

            func attach(root *cobra.Command) { root.AddCommand(sub) }

            func extra() *cobra.Command {
                c := &cobra.Command{Use: "extra"}
                c.Flags().Int("level", 0, "")
                plugins.Register(c)
                return c
            }

            func main() {
                root := &cobra.Command{Use: "tool"}
                attach(root)
                root.AddCommand(extra())
            }

            func setup() {
                sub = &cobra.Command{Use: "late"}
            }
            """
        let found = surface(["cmd/main.go": source], root: "tool")
        #expect(
            found.notes.count == 1
                && found.notes.allSatisfy { $0.hasPrefix("cmd/main.go:16:") && $0.contains("plugins.Register") },
            "\(found.notes)")
        #expect(found.incomplete)
        #expect(
            table(found) == [
                "tool": [:], "tool late": [:],
                "tool extra": ["unread-flags": "local,persistent", "unread-commands": "true"],
                "tool extra --level": local("int"),
            ])
    }

    @Test("a call whose callee returns more in a later pass runs again: its record no longer stands for it")
    func callRunsAgainWhenACalleeReturnsMore() {
        // In the second pass `pick` runs again (it read `sub` before `setup` assigned it) and returns the command:
        // `main`, which added what `pick` returned in the first pass (nothing), must run again to add it.
        let source = """
            package main

            import "github.com/spf13/cobra"

            var sub *cobra.Command

            func pick() *cobra.Command { return sub }

            func main() {
                root := &cobra.Command{Use: "tool"}
                root.AddCommand(pick())
            }

            func setup() {
                sub = &cobra.Command{Use: "late"}
                sub.Flags().String("name", "", "")
            }
            """
        let found = surface(["cmd/main.go": source], root: "tool")
        #expect(found.notes.isEmpty, "\(found.notes)")
        #expect(!found.incomplete)
        #expect(table(found) == ["tool": [:], "tool late": [:], "tool late --name": local("string")])
    }

    @Test("no file read with a root named: the note says the files are missing, not to check 'root'")
    func noFileRead() {
        let found = surface(["README.md": "# not Go\n"], root: "tool")
        #expect(found.items.isEmpty)
        #expect(found.incomplete)
        #expect(
            found.notes == [
                "no Go file matches 'files', so the surface is empty: the files are not there yet or have moved (add "
                    + "their folders to 'files'), or the tag is another program's (list it under releases.ignore)"
            ])
        // A file that builds no command still gets the note that points at 'root' and 'files'.
        let other = surface(["cmd/a.go": "package cmd\n\nfunc A() {}\n"], root: "tool")
        #expect(other.notes.contains { $0.contains("check 'root' and 'files'") }, "\(other.notes)")
        #expect(!other.notes.contains { $0.contains("no Go file matches") }, "\(other.notes)")
    }

    @Test("a flag defined with different types in the cases of a type switch has no type read (custom), with a note")
    func typeSwitchOverTableValues() {
        let program = """
            package main

            type Flag struct {
                Name  string
                Value interface{}
            }

            var portFlag = Flag{Name: "port", Value: 80}
            var hostFlag = Flag{Name: "host", Value: "localhost"}

            func addFlag(cmd *cobra.Command, flag *Flag) {
                switch v := flag.Value.(type) {
                case int:
                    cmd.Flags().Int(flag.Name, v, "")
                case string:
                    cmd.Flags().String(flag.Name, v, "")
                }
            }

            func main() {
                root := &cobra.Command{Use: "tool"}
                addFlag(root, &portFlag)
                addFlag(root, &hostFlag)
                root.Flags().Bool("trace", false, "")
                root.Execute()
            }
            """
        let read = surface(["cmd/main.go": program], root: "tool")
        #expect(table(read)["tool --host"]?["type"] == "custom")
        #expect(table(read)["tool --port"]?["type"] == "custom")
        #expect(table(read)["tool --trace"]?["type"] == "bool")
        #expect(read.incomplete)
        #expect(
            read.notes.contains {
                $0.hasPrefix("2 flags (first '--host', int or string) are defined with different types on different paths")
            }, "\(read.notes)")
    }

}
