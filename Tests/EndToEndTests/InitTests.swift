import Foundation
import Testing
import TestSupport

/// The golden files beside this test.
private func goldenFile(_ name: String, filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        .appendingPathComponent(name)
}

@Suite("End to end: init, completions")
struct InitEndToEndTests {
    @Test("init prints a policy for the sample (golden) that policy validate accepts; the repository is untouched")
    func printsAValidPolicy() throws {
        let repo = try sampleRepository()
        let before = try RepositoryState(of: repo)
        let result = try runSemgate(["init"], in: repo.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let mismatch = try goldenMismatch(result.stdout, goldenFile: goldenFile("init-sample.yml"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
        #expect(try RepositoryState(of: repo) == before)
        let folder = try TemporaryFolder()
        let file = try folder.write("draft.yml", result.stdout)
        let validate = try runSemgate(["policy", "validate", file])
        #expect(validate.status == 0, "stdout: \(validate.stdout) stderr: \(validate.stderr)")
        #expect(validate.stdout.contains("valid (1 surface: packages)"))
    }

    @Test("init --write writes only the file asked for, refuses to overwrite without --force (exit 2)")
    func write() throws {
        let repo = try sampleRepository()
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent("policy.yml").path
        let first = try runSemgate(["init", "--repo", repo.url.path, "--write", target])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.isEmpty)
        #expect(first.stderr.contains("wrote \(target)"))
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("# semgate policy for tool"))
        let again = try runSemgate(["init", "--repo", repo.url.path, "--write", target])
        expectCouldNotRun(again, mentions: ["already exists", "--force"])
        let forced = try runSemgate(["init", "--repo", repo.url.path, "--write", target, "--force"])
        #expect(forced.status == 0)
        let usage = try runSemgate(["init", "--force"], in: repo.url)
        #expect(usage.status == 64)
    }

    @Test("a policy init writes is used by check without edits")
    func usable() throws {
        let repo = try sampleRepository()
        let draft = try runSemgate(["init"], in: repo.url)
        let folder = try TemporaryFolder()
        let file = try folder.write("draft.yml", draft.stdout)
        let check = try runSemgate(["check", "--policy", file, "--format", "json"], in: repo.url)
        #expect(check.status == 0, "stdout: \(check.stdout) stderr: \(check.stderr)")
        #expect((jsonObject(check.stdout)?["policy"] as? [String: Any])?["source"] as? String == file)
    }

    @Test(
        "completion scripts name every command and the --head and --format values",
        arguments: [
            ("bash", "complete -o filenames -F _semgate semgate"), ("zsh", "#compdef semgate"),
            ("fish", "complete -c 'semgate'"),
        ])
    func completions(shell: String, marker: String) throws {
        let result = try runSemgate(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains(marker))
        for word in ["check", "next", "audit", "diff", "surface", "policy", "init", "worktree", "json"] {
            #expect(result.stdout.contains(word), "\(shell) script mentions \(word)")
        }
    }

    @Test("the bash completion installs as docs/commands.md says")
    func bashInstall() throws {
        let binary = try semgateBinary()
        let script = "source <('\(binary.path)' --generate-completion-script bash); complete -p semgate"
        let run = try runProcess(
            URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: nil, environment: environment([:]), deadline: 60)
        let result = try #require(run.result)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("-F _semgate semgate"))
    }

    @Test("the command tree the man page generator reads lists every command with its discussion")
    func manualInput() throws {
        let result = try runSemgate(["--experimental-dump-help"])
        #expect(result.status == 0)
        let tree = try #require(jsonObject(result.stdout)?["command"] as? [String: Any])
        let commands = tree["subcommands"] as? [[String: Any]] ?? []
        let names = Set(commands.compactMap { $0["commandName"] as? String })
        #expect(names.isSuperset(of: ["check", "next", "audit", "diff", "surface", "policy", "init", "help"]))
        for command in commands where command["commandName"] as? String != "help" {
            #expect(
                (command["discussion"] as? String)?.contains("Examples:") == true, "\(command["commandName"] ?? "")")
        }
    }
}
