import Foundation
import Testing
import TestSupport

/// A Go module whose package `api` is `source` at `v1.0.0` and `head` (or `source` again) at HEAD.
private func goRepository(_ source: String, head: String? = nil) throws -> FixtureRepository {
    let repo = try FixtureRepository()
    try repo.write("go.mod", "module example.com/hostile\n\ngo 1.21\n")
    try repo.write("api/api.go", source)
    _ = try repo.commit("feat: api")
    try repo.tag("v1.0.0")
    try repo.write("api/api.go", head ?? source)
    try repo.write("api/more.go", "package api\n\n// More is new.\nfunc More() {}\n")
    _ = try repo.commit("feat: more")
    return repo
}

private let goAPIPolicy = """
    semgate: 1
    project: hostile
    surfaces:
      packages:
        extract:
          go-api: {}
    """

/// Runs semgate with `arguments` plus `--repo` and a policy, under a deadline (seconds) and, when given, a limit
/// on the data segment (heap) in bytes; records an issue when the deadline passes.
private func run(
    _ arguments: [String], in repo: FixtureRepository, policy: String = goAPIPolicy, deadline: TimeInterval = 60,
    heapBytes: Int? = nil, environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
) throws -> CommandResult {
    let folder = try TemporaryFolder()
    let file = try folder.write("policy.yml", policy + "\n")
    var executable = try semgateBinary()
    var all = arguments + ["--repo", repo.url.path, "--policy", file]
    if let heapBytes {
        all = ["--data=\(heapBytes)", executable.path] + all
        executable = URL(fileURLWithPath: "/usr/bin/prlimit")
    }
    let (result, seconds) = try runProcess(
        executable, all, in: nil, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
        deadline: deadline)
    guard let result else {
        Issue.record("semgate \(arguments) did not finish in \(deadline) s", sourceLocation: sourceLocation)
        return CommandResult(status: -1, stdout: "", stderr: "timed out after \(seconds) s")
    }
    expectNoCrash(result, sourceLocation: sourceLocation)
    return result
}

/// The attributes of `key` in a `--format json` surface listing.
private func attributes(of key: String, in stdout: String) -> [String: String]? {
    let items = jsonObject(stdout)?["items"] as? [[String: Any]] ?? []
    return items.first { $0["key"] as? String == key }?["attributes"] as? [String: String]
}

@Suite("Hostile input: no repository content makes semgate crash, hang or use unbounded memory")
struct HostileInputTests {
    @Test("a Go type nested 50,000 deep is a syntax error of its declaration, and the change does not pass")
    func deepType() throws {
        let deep = "package api\n\n// T is a type.\ntype T " + String(repeating: "*", count: 50_000) + "int\n"
        let repo = try goRepository("package api\n\n// T is a type.\ntype T int\n", head: deep)
        let result = try run(["check", "--base", "v1.0.0", "--format", "json"], in: repo)
        #expect(result.status == 1, "the type's removal from the surface fails the check: \(result.stderr)")
        #expect(
            values(of: "item", in: "changes", of: jsonObject(result.stdout)).contains(
                "packages:example.com/hostile/api.T"))
    }

    @Test(
        "a file that did not parse at the base either is a note, once, in every format",
        arguments: ["text", "json", "markdown", "github", "sarif", "junit"])
    func parseProblemInEveryFormat(format: String) throws {
        let repo = try Self.brokenAtBase.repository
        let result = try run(["check", "--base", "v1.0.0", "--format", format], in: repo)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let mentions = result.stdout.components(separatedBy: "api/api.go does not parse at 6:9").count - 1
        #expect(mentions == 1, "\(format): \(result.stdout)")
    }

    /// `api/api.go` does not parse at v1.0.0 nor at HEAD.
    private static let brokenAtBase = SharedRepository {
        try goRepository("package api\n\n// F is.\nfunc F() {}\n\nfunc G( {\n")
    }

    @Test(
        "constant expressions nested 50,000 deep are left unevaluated with a note",
        arguments: [
            String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000),
            String(repeating: "- ", count: 50_000) + "1",
            String(repeating: "int(", count: 20_000) + "1" + String(repeating: ")", count: 20_000),
        ])
    func deepConstantExpression(expression: String) throws {
        let repo = try goRepository("package api\n\n// C is a constant.\nconst C = \(expression)\n")
        let result = try run(["surface", "--format", "json"], in: repo)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let note = attributes(of: "example.com/hostile/api.C", in: result.stdout)?["note"] ?? ""
        #expect(note.contains("nested more than 200 levels deep"), "note: \(note)")
    }

    @Test("a long left-leaning chain of operators evaluates without recursion")
    func longOperatorChain() throws {
        let repo = try goRepository(
            "package api\n\nconst C = " + String(repeating: "1 + ", count: 20_000) + "1\n")
        let result = try run(["surface", "--format", "json"], in: repo)
        #expect(attributes(of: "example.com/hostile/api.C", in: result.stdout)?["value"] == "20001")
    }

    @Test("20,000 constants each naming the next evaluate without recursion")
    func constantChain() throws {
        var source = "package api\n\nconst (\n"
        for index in 0..<20_000 { source += "\tC\(index) = C\(index + 1) + 1\n" }
        source += "\tC20000 = 1\n)\n"
        let repo = try goRepository(source)
        let result = try run(["surface", "--format", "json"], in: repo)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(attributes(of: "example.com/hostile/api.C0", in: result.stdout)?["value"] == "20001")
        #expect(attributes(of: "example.com/hostile/api.C19999", in: result.stdout)?["value"] == "2")
    }

    @Test("interfaces embedding each other in a diamond 24 levels deep are resolved once each (1.7 KB of Go)")
    func interfaceDiamond() throws {
        var source = "package api\n\ntype I0 interface{ M() }\n"
        for level in 1...24 {
            source +=
                "type I\(level) interface{ I\(level - 1); J\(level - 1) }\ntype J\(level - 1) interface{ I\(level - 1) }\n"
        }
        #expect(source.utf8.count < 2_000)
        let repo = try goRepository(source)
        let result = try run(["surface", "--format", "json"], in: repo, deadline: 30)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(attributes(of: "example.com/hostile/api.I24.M", in: result.stdout)?["via"] == "I0")
    }

    @Test("structs embedding each other in a diamond 30 levels deep, and a comparability chain, finish quickly")
    func structDiamond() throws {
        var source = "package api\n\ntype S0 struct{ X []int }\n"
        for level in 1...30 { source += "type S\(level) struct{ A S\(level - 1); B S\(level - 1) }\n" }
        for level in 0..<5_000 { source += "type C\(level) struct{ Next C\(level + 1) }\n" }
        source += "type C5000 struct{ F func() }\n"
        let repo = try goRepository(source)
        let result = try run(["surface", "--format", "json"], in: repo, deadline: 30)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(attributes(of: "example.com/hostile/api.S30", in: result.stdout)?["comparable"] == "no")
        #expect(attributes(of: "example.com/hostile/api.C4999", in: result.stdout)?["comparable"] == "no")
    }

    @Test("a string constant doubled 33 times stops at 64 KiB with a note, in bounded memory")
    func stringDoubling() throws {
        var source = "package api\n\nconst S0 = \"ab\"\n"
        for index in 1...33 { source += "const S\(index) = S\(index - 1) + S\(index - 1)\n" }
        let repo = try goRepository(source)
        let result = try run(["surface", "--format", "json"], in: repo, heapBytes: 400_000_000)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(attributes(of: "example.com/hostile/api.S15", in: result.stdout)?["value"]?.utf8.count == 65_538)
        let cut = attributes(of: "example.com/hostile/api.S16", in: result.stdout)
        #expect(
            cut?["note"] == "value not evaluated: string longer than 65536 bytes", "S16: \(String(describing: cut))")
        #expect(cut?["value"] == "S15 + S15")
    }

    @Test("files read by several extractors are not all kept: memory follows the largest file")
    func manyLargeFiles() throws {
        let repo = try FixtureRepository()
        let filler = String(repeating: "0123456789abcdef", count: 500_000)
        for index in 0..<12 { try repo.write("data/f\(index).txt", "\(index)\n\(filler)\nNAME_n\(index)\n") }
        _ = try repo.commit("data")
        let policy = """
            semgate: 1
            project: hostile
            surfaces:
              a:
                extract:
                  regex: {files: ["data/*.txt"], pattern: 'NAME_(?<name>\\w+)'}
              b:
                extract:
                  regex: {files: ["data/*.txt"], pattern: 'NAME_(?<name>\\w+)'}
            """
        // 12 files of 8 MB: 96 MB of text; held together with their decoded copies they would pass the limit.
        let result = try run(["surface", "--format", "json"], in: repo, policy: policy, heapBytes: 150_000_000)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect((jsonObject(result.stdout)?["items"] as? [Any])?.count == 24)
    }

    @Test("nine paths to one 255 MiB blob pass the run's 2 GiB read budget: exit 2 in bounded memory")
    func bytesReadPerRun() throws {
        // One blob of zeros (a quarter of a megabyte in the pack) that libgit2 inflates at every path that names it;
        // a file this large is not kept between reads, so each of the nine reads counts. fast-import reads the
        // blob from a pipe: nothing this large is written to disk.
        let size = 255 * 1024 * 1024
        let paths = (0..<9).map { "M 100644 :1 d\($0)/big.txt\\n" }.joined()
        let script = """
            { printf 'blob\\nmark :1\\ndata \(size)\\n'; head -c \(size - 1) /dev/zero; printf '\\n\\n'
              printf 'commit refs/heads/main\\ncommitter A <a@example.com> 1700000000 +0000\\ndata 3\\nbig\\n'
              printf '\(paths)\\n'; } | git -c core.compression=1 fast-import --quiet
            """
        let repo = try FixtureRepository()
        let imported = try runProcess(
            URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: repo.url,
            environment: ProcessInfo.processInfo.environment, deadline: 600)
        #expect(imported.result?.status == 0, "fast-import: \(imported.result?.stderr ?? "timed out")")
        let policy = """
            semgate: 1
            project: hostile
            surfaces:
              big:
                extract:
                  regex: {files: ["d*/big.txt"], pattern: 'NAME_(?<name>\\w+)'}
            """
        // About 8 s of CPU; the deadline only catches a hang, so it allows for a machine busy with other work.
        let result = try run(["surface", "main"], in: repo, policy: policy, deadline: 600, heapBytes: 900_000_000)
        expectCouldNotRun(result, mentions: ["d8/big.txt", "takes this run past 2147483648 bytes"])
    }

    /// Branch `limit` holds a Go package `Limit.treeDepth` (1,000) folders deep, branch `over` one level deeper;
    /// both are written by one git fast-import (a checkout this deep is beyond file systems).
    private static let deepRepository = SharedRepository {
        let repo = try FixtureRepository()
        var stream = ""
        for (branch, depth) in [("limit", 1_000), ("over", 1_001)] {
            let files = [
                "go.mod": "module example.com/deep\n",
                String(repeating: "d/", count: depth) + "x.go": "package x\n\n// X is deep.\nfunc X() {}\n",
            ]
            stream += "commit refs/heads/\(branch)\ncommitter A <a@example.com> 1700000000 +0000\ndata 4\ndeep\n"
            for (path, content) in files.sorted(by: { $0.key < $1.key }) {
                stream += "M 100644 inline \(path)\ndata \(content.utf8.count)\n\(content)\n"
            }
            stream += "\n"
        }
        try repo.fastImport(stream)
        return repo
    }

    @Test("audit stops with exit 2, not a crash, when a release it reads fails while later ones are read ahead")
    func failureWhileReadingAhead() throws {
        // Ten releases and two surfaces, read by two threads; v1.2.0 holds a file one folder past `Limit.treeDepth`.
        // The thread reading `one` stops there while the other has read releases ahead, and the audit throws with
        // them still queued: libdispatch trapped freeing the queue's semaphore (signal 4, main e01cb54).
        var stream = ""
        for index in 0..<10 {
            var files = ["a.txt": "NAME_v\(index)\n", "b.txt": "NAME_b\(index)\n"]
            if index == 2 { files[String(repeating: "d/", count: 1_001) + "x.txt"] = "NAME_deep\n" }
            stream += "commit refs/heads/main\ncommitter A <a@example.com> \(1_700_000_000 + index * 86_400) +0000\n"
            stream += "data 2\nc\n"
            if index == 3 { stream += "D " + String(repeating: "d/", count: 1_001) + "x.txt\n" }
            for (path, content) in files.sorted(by: { $0.key < $1.key }) {
                stream += "M 100644 inline \(path)\ndata \(content.utf8.count)\n\(content)\n"
            }
            stream += "\ntag v1.\(index).0\nfrom refs/heads/main\n"
            stream += "tagger A <a@example.com> \(1_700_000_000 + index * 86_400) +0000\ndata 2\nt\n\n"
        }
        let repo = try FixtureRepository()
        try repo.fastImport(stream)
        let policy = """
            semgate: 1
            project: hostile
            surfaces:
              one:
                extract:
                  regex: {files: ["**/*.txt"], pattern: 'NAME_(?<name>\\w+)'}
              two:
                extract:
                  regex: {files: ["b.txt"], pattern: 'NAME_(?<name>\\w+)'}
            """
        for jobs in ["1", "2", "4"] {
            let result = try run(["audit", "--no-cache"], in: repo, policy: policy, environment: ["SEMGATE_JOBS": jobs])
            expectCouldNotRun(result, mentions: ["folders nest more than 1000 levels deep"])
        }
    }

    @Test(
        "every tree walk reads a package 1,000 folders deep, and one level deeper is a clear error (exit 2)",
        arguments: [
            "regex: {files: [\"**/*.go\"], pattern: 'func (?<name>\\w+)'}", "go-packages: {}", "go-api: {}",
        ])
    func deepFolders(extractor: String) throws {
        let repo = try Self.deepRepository.repository
        let policy = "semgate: 1\nproject: hostile\nsurfaces:\n  deep:\n    extract:\n      \(extractor)\n"
        let limit = try run(["surface", "limit", "--format", "json"], in: repo, policy: policy)
        #expect(limit.status == 0, "stderr: \(limit.stderr)")
        let keys = (jsonObject(limit.stdout)?["items"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(keys.contains { $0 == "X" || $0.hasSuffix("/d") || $0.hasSuffix("/d.X") }, "\(keys)")
        let over = try run(["surface", "over"], in: repo, policy: policy)
        expectCouldNotRun(over, mentions: ["more than 1000 levels deep"])
    }

    /// A module whose `big/` is three git trees of 1,000 entries each naming the next (`leaf` at the bottom: a file
    /// `leaf` holding `text`), so `levels` levels name 1,000^levels folders in a few KB: built with `git mktree`.
    private static func treeBomb(levels: Int, leaf: String, text: String) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/bomb\n\ngo 1.21\n")
        try repo.write("api/api.go", "package api\n\n// Run runs.\nfunc Run() {}\n")
        _ = try repo.commit("feat: api")
        let script = """
            set -e
            blob=$(printf '\(text)' | git hash-object -w --stdin)
            t=$(printf '100644 blob %s\\t\(leaf)\\n' $blob | git mktree)
            for l in $(seq 1 \(levels)); do
              t=$(for i in $(seq 1000 1999); do printf '040000 tree %s\\td%s\\n' $t $i; done | git mktree)
            done
            root=$( (git ls-tree HEAD^{tree}; printf '040000 tree %s\\tbig\\n' $t) | git mktree)
            git update-ref HEAD $(git commit-tree $root -p HEAD -m bomb)
            """
        let made = try runProcess(
            URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: repo.url,
            environment: ProcessInfo.processInfo.environment, deadline: 120)
        #expect(made.result?.status == 0, "mktree: \(made.result?.stderr ?? "timed out")")
        return repo
    }

    @Test(
        "a tree bomb without Go files (a billion folders in a few KB) costs go-api, go-packages and init one listing a tree",
        arguments: ["go-api: {}", "go-packages: {}", "init"])
    func treeBombWithoutGo(extractor: String) throws {
        let repo = try Self.treeBomb(levels: 3, leaf: "README", text: "hi\n")
        if extractor == "init" {
            let (result, _) = try runProcess(
                try semgateBinary(), ["init", "--repo", repo.url.path], in: nil,
                environment: ProcessInfo.processInfo.environment, deadline: 60)
            #expect(result?.status == 0, "stderr: \(result?.stderr ?? "timed out")")
            #expect(result?.stdout.contains("go-api") == true, "\(result?.stdout ?? "")")
            return
        }
        let policy = "semgate: 1\nproject: hostile\nsurfaces:\n  s:\n    extract:\n      \(extractor)\n"
        let result = try run(["surface", "HEAD", "--format", "json"], in: repo, policy: policy, deadline: 60)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let keys = (jsonObject(result.stdout)?["items"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(keys.contains { $0.hasPrefix("example.com/bomb/api") }, "\(keys)")
    }

    @Test("a tree bomb with a Go file in each of its million folders is exit 2 naming the bound, for go-api and init")
    func treeBombWithGo() throws {
        let repo = try Self.treeBomb(levels: 2, leaf: "x.go", text: "package x\n\n// F is exported.\nfunc F() {}\n")
        let policy = "semgate: 1\nproject: hostile\nsurfaces:\n  s:\n    extract:\n      go-api: {}\n"
        let result = try run(["surface", "HEAD"], in: repo, policy: policy, deadline: 120, heapBytes: 1_000_000_000)
        expectCouldNotRun(result, mentions: ["more than 1000000 files and folders in one walk", "'big/d1"])
        let (drafted, _) = try runProcess(
            try semgateBinary(), ["init", "--repo", repo.url.path], in: nil,
            environment: ProcessInfo.processInfo.environment, deadline: 120)
        if let drafted { expectCouldNotRun(drafted, mentions: ["more than 1000000 files and folders in one walk"]) }
        #expect(drafted != nil, "init did not finish")
    }

    /// A cobra program whose root has `--port` and whose `cmd/deep.go` is `deep`: generated nesting, never real code.
    private static func deepCobra(_ deep: String) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/tool\n\ngo 1.21\n\nrequire github.com/spf13/cobra v1.8.0\n")
        try repo.write(
            "cmd/root.go",
            """
            package cmd

            import "github.com/spf13/cobra"

            func NewRoot() *cobra.Command {
            \troot := &cobra.Command{Use: "tool"}
            \troot.Flags().String("port", "", "p")
            \tdeep(root)
            \treturn root
            }

            """)
        try repo.write("cmd/deep.go", "package cmd\n\nimport \"github.com/spf13/cobra\"\n\n" + deep)
        try repo.write("main.go", "package main\n\nimport \"example.com/tool/cmd\"\n\nfunc main() { cmd.NewRoot().Execute() }\n")
        _ = try repo.commit("feat: deep")
        return repo
    }

    private static let host = "c.Flags().String(\"host\", \"\", \"h\")"

    /// Nesting a hostile file can write that the depth limits of the parser and the interpreter each allow, and
    /// together (calls 64 deep, each body nesting expressions up to 400 levels) could take a debug build's 8 MB stack.
    private static let deepShapes: [String: String] = [
        // A call chain of 10,000 functions, each handing the command on.
        "chain": (0..<10_000).map { "func a\($0)(c *cobra.Command) { a\($0 + 1)(c) }\n" }.joined()
            + "func a10000(c *cobra.Command) { \(host) }\nfunc deep(c *cobra.Command) { a0(c) }\n",
        // Calls nested 190 deep in one expression (within the body parser's 400 levels).
        "nestedCalls": "func id(c *cobra.Command) *cobra.Command { return c }\n\nfunc deep(c *cobra.Command) {\n\t"
            + String(repeating: "id(", count: 190) + "c" + String(repeating: ")", count: 190)
            + ".Flags().String(\"host\", \"\", \"h\")\n}\n",
        // Function literals called where they are written, 100 deep.
        "closures": "func deep(c *cobra.Command) {\n\t" + String(repeating: "func() {", count: 100) + host
            + String(repeating: "}()", count: 100) + "\n}\n",
        // Each of 64 calls nests calls 150 deep: the product of the two limits.
        "product": (0..<64).map { index in
            "func b\(index)(c *cobra.Command) *cobra.Command { return " + String(repeating: "id(", count: 150)
                + "b\(index + 1)(c)" + String(repeating: ")", count: 150) + " }\n"
        }.joined() + "func b64(c *cobra.Command) *cobra.Command { \(host); return c }\n"
            + "func id(c *cobra.Command) *cobra.Command { return c }\nfunc deep(c *cobra.Command) { b0(c) }\n",
        // 100,000 levels of parentheses, blocks, calls and composite literals: beyond the body parser's limit.
        "parentheses": "func deep(c *cobra.Command) {\n\t_ = " + String(repeating: "(", count: 100_000) + "1"
            + String(repeating: ")", count: 100_000) + "\n\t\(host)\n}\n",
        "blocks": "func deep(c *cobra.Command) {\n\t" + String(repeating: "{", count: 100_000)
            + String(repeating: "}", count: 100_000) + "\n\t\(host)\n}\n",
        "calls": "func deep(c *cobra.Command) {\n\t" + String(repeating: "f(", count: 100_000)
            + String(repeating: ")", count: 100_000) + "\n\t\(host)\n}\n",
        "composites": "type T struct{ A []T }\n\nfunc deep(c *cobra.Command) {\n\t_ = "
            + String(repeating: "T{A: []T{", count: 100_000) + String(repeating: "}}", count: 100_000)
            + "\n\t\(host)\n}\n",
    ]

    @Test(
        "nesting that the depth limits allow one by one cannot overflow the stack: the flag is read or a note says why not",
        arguments: ["chain", "nestedCalls", "closures", "product", "parentheses", "blocks", "calls", "composites"])
    func deepCobraNesting(shape: String) throws {
        let repo = try Self.deepCobra(Self.deepShapes[shape] ?? "")
        let policy = """
            semgate: 1
            project: tool
            surfaces:
              cli:
                extract:
                  cobra: {files: ["cmd/*.go"], root: tool}
            """
        let result = try run(["surface", "HEAD", "--format", "json"], in: repo, policy: policy, deadline: 120)
        if result.status == 2 {
            // A build whose stack has no room for it stops there (its frames may be ten times a release build's).
            expectCouldNotRun(result, mentions: ["nest too deep for semgate's stack at cmd/deep.go:"])
            return
        }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = jsonObject(result.stdout)
        let keys = (json?["items"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        let notes = "\(json?["notes"] ?? "")"
        #expect(keys.contains("tool --port"), "\(keys)")
        #expect(
            keys.contains("tool --host") || notes.contains("nest more than"),
            "neither the flag nor a note: \(keys) \(notes.prefix(2_000))")
    }

    @Test("init on code nested deeper than the interpreter's stack says so, not that a framework builds the commands (review R53)")
    func stackSkipInit() throws {
        let repo = try Self.deepCobra(Self.stackSkip(inner: "return", first: "host", then: "gone"))
        let (result, _) = try runProcess(
            try semgateBinary(), ["init", "--repo", repo.url.path], in: nil,
            environment: ProcessInfo.processInfo.environment, deadline: 120)
        #expect(result?.status == 0, "stderr: \(result?.stderr ?? "timed out")")
        let draft = result?.stdout ?? ""
        #expect(!draft.contains("a framework around cobra"), "\(draft)")
        // A build with the room drafts the surface; one without says why there is none.
        #expect(
            draft.contains("cobra:") || draft.contains("nest too deep for semgate's stack at cmd/deep.go:"), "\(draft)")
    }

    @Test("a policy with 100,000 bad entries is checked in linear time: each problem reported once, not compared with every other")
    func manyPolicyProblems() throws {
        let repo = try FixtureRepository()
        try repo.write("a.txt", "x\n")
        _ = try repo.commit("feat: a")
        let entries = Array(repeating: "'s:{'", count: 100_000).joined(separator: ", ")
        let policy =
            "semgate: 1\nproject: x\nsurfaces:\n  s:\n    extract:\n      regex: {files: ['*.txt'], pattern: '(?<name>x)'}\n"
            + "experimental: [\(entries)]"
        let result = try run(["surface", "HEAD"], in: repo, policy: policy, deadline: 60)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count >= 100_000)
    }

    /// 60 calls, each inside 300 plain blocks, down to a body that defines `first`, runs `inner` inside 300 blocks,
    /// and defines `then`: more stack than an 8 MB main thread has (review R42's shape).
    private static func stackSkip(inner: String, first: String, then: String) -> String {
        let open = String(repeating: "{\n", count: 300)
        let close = String(repeating: "}\n", count: 300)
        return (0..<60).map { "func f\($0)(c *cobra.Command) {\n\(open)f\($0 + 1)(c)\n\(close)}\n" }.joined()
            + "func f60(c *cobra.Command) {\nc.Flags().String(\"\(first)\", \"\", \"\")\n\(open)\(inner)\n\(close)"
            + "c.Flags().String(\"\(then)\", \"\", \"\")\n}\nfunc deep(c *cobra.Command) { f0(c) }\n"
    }

    @Test(
        "a return or ResetFlags the stack has no room to run is exit 2 naming the file, never a flag after it that Go never defines (review R42)",
        arguments: [("return", "host", "gone"), ("c.ResetFlags()", "gone", "host")])
    func stackSkip(inner: String, first: String, then: String) throws {
        let repo = try Self.deepCobra(Self.stackSkip(inner: inner, first: first, then: then))
        let policy = "semgate: 1\nproject: tool\nsurfaces:\n  cli:\n    extract:\n      cobra: {files: [\"cmd/*.go\"], root: tool}\n"
        let result = try run(["surface", "HEAD", "--format", "json"], in: repo, policy: policy, deadline: 120)
        if result.status == 2 {
            expectCouldNotRun(result, mentions: ["nest too deep for semgate's stack at cmd/deep.go:"])
            return
        }
        // A build with the room reads it as Go runs it: --gone is never defined, or is reset with --port.
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let keys = (jsonObject(result.stdout)?["items"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(keys.contains("tool --host") && !keys.contains("tool --gone"), "\(keys)")
    }
}
