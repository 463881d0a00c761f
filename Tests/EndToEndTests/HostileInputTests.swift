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
    heapBytes: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
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
        executable, all, in: nil, environment: ProcessInfo.processInfo.environment, deadline: deadline)
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

    @Test("folders nested deeper than git allows are a clear error")
    func deepFolders() throws {
        let repo = try FixtureRepository()
        // A tree 5,000 folders deep, written by git fast-import (a checkout this deep is beyond file systems).
        let folder = try TemporaryFolder()
        let content = "package x\n"
        let stream = try folder.write(
            "stream",
            "commit refs/heads/main\ncommitter A <a@example.com> 1700000000 +0000\ndata 4\ndeep\n"
                + "M 100644 inline \(String(repeating: "d/", count: 5_000))x.go\ndata \(content.utf8.count)\n\(content)\n"
        )
        let imported = try runProcess(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "git fast-import --quiet < \"$0\"", stream], in: repo.url,
            environment: ProcessInfo.processInfo.environment, deadline: 60)
        #expect(imported.result?.status == 0, "fast-import: \(imported.result?.stderr ?? "timed out")")
        let policy = """
            semgate: 1
            project: hostile
            surfaces:
              files:
                extract:
                  regex: {files: ["**/*.go"], pattern: 'package (?<name>\\w+)'}
            """
        let result = try run(["surface", "main"], in: repo, policy: policy)
        expectCouldNotRun(result, mentions: ["more than 1000 levels deep"])
    }
}
