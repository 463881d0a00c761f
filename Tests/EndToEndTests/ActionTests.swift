import Foundation
import Testing
import TestSupport
import Yams

/// The checkout this test file belongs to.
private func packageRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

private let actionFolder = packageRoot().appendingPathComponent(".github/actions/semgate")

/// One run of the action's script, `.github/actions/semgate/run.sh`, with the variables GitHub would set pointing
/// at files in a temporary folder.
private struct ActionRun {
    let result: CommandResult
    let outputs: [String: String]
    let summary: String

    init(in repository: URL, _ variables: [String: String]) throws {
        let folder = try TemporaryFolder()
        let outputFile = folder.url.appendingPathComponent("output").path
        let summaryFile = folder.url.appendingPathComponent("summary").path
        var overrides = [
            "SEMGATE": try semgateBinary().path, "GITHUB_OUTPUT": outputFile, "GITHUB_STEP_SUMMARY": summaryFile,
            "RUNNER_TEMP": folder.url.path, "GITHUB_EVENT_NAME": "", "GITHUB_REF_TYPE": "", "GITHUB_REF_NAME": "",
            "NO_COLOR": "1", "SEMGATE_EXTRACTION_CACHE": folder.url.appendingPathComponent("extraction-cache").path,
        ]
        overrides.merge(variables) { _, new in new }
        let bounded = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["bash", actionFolder.appendingPathComponent("run.sh").path],
            in: repository, environment: environment(overrides), deadline: 300)
        result = bounded.result ?? CommandResult(status: -1, stdout: "", stderr: "run.sh passed its deadline")
        let outputText = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        var outputs: [String: String] = [:]
        for line in outputText.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { outputs[String(parts[0])] = String(parts[1]) }
        }
        self.outputs = outputs
        summary = (try? String(contentsOfFile: summaryFile, encoding: .utf8)) ?? ""
        if let report = outputs["report"] {
            reportExists = FileManager.default.fileExists(atPath: report)
        } else {
            reportExists = false
        }
    }

    /// Whether the file the `report` output names was written (checked before the folder goes).
    let reportExists: Bool
}

@Suite("GitHub Action")
struct ActionTests {
    private static func sha(_ repo: FixtureRepository, _ rev: String) throws -> String {
        try repo.git("rev-parse", "\(rev)^{commit}")
    }

    /// The action on a pull request of the sample project whose base is v2.0.0 and head v2.1.0 (which drops
    /// `--verbose` without deprecating it), with `inputs` laid over the event's variables.
    private static func pullRequestFromV2_0ToV2_1(_ inputs: [String: String]) throws -> ActionRun {
        let repo = try sampleRepository()
        return try pullRequest(in: repo, base: try sha(repo, "v2.0.0"), head: try sha(repo, "v2.1.0"), inputs)
    }

    /// The action on a `pull_request` event from `base` to `head` (commit SHAs), with `inputs` laid over it.
    private static func pullRequest(
        in repo: FixtureRepository, base: String, head: String, _ inputs: [String: String] = [:]
    ) throws -> ActionRun {
        let event = ["GITHUB_EVENT_NAME": "pull_request", "SEMGATE_PR_BASE_SHA": base, "SEMGATE_PR_HEAD_SHA": head]
        return try ActionRun(in: repo.url, event.merging(inputs) { _, input in input })
    }

    @Test("pull request: base and head commits, markdown in the job summary, annotations, outputs, exit 1")
    func pullRequest() throws {
        let run = try Self.pullRequestFromV2_0ToV2_1(["INPUT_FORMAT": "sarif"])
        #expect(run.result.status == 1, "\(run.result)")
        #expect(run.outputs["verdict"] == "fail")
        #expect(run.outputs["required"] == "major")
        #expect(run.outputs["next"] == "3.0.0")
        #expect(run.outputs["report"]?.hasSuffix("semgate-report.sarif") == true)
        #expect(run.reportExists)
        #expect(run.summary.hasPrefix("## semgate: ❌ fail"))
        #expect(
            run.summary.contains("- **removed** cli:flags --verbose: needs **major** (was at cmd/flags.go:9 in base)"))
        // The removed flag's annotation sits on its file (the base's line 9 means nothing at head) and says where
        // it was; the change gets no second, notice annotation.
        #expect(
            run.result.stdout.contains(
                "::error file=cmd/flags.go,title=semgate%3A removed-without-deprecation::"))
        #expect(run.result.stdout.contains("was at cmd/flags.go:9 in base"))
        #expect(!run.result.stdout.contains("::notice file=cmd/flags.go"))
    }

    @Test("cache: the extraction cache the action restores is filled and read; cache false reads and writes none")
    func extractionCache() throws {
        let cache = try TemporaryFolder()
        let folder = cache.url.appendingPathComponent("semgate").path
        let cached = try Self.pullRequestFromV2_0ToV2_1(["SEMGATE_EXTRACTION_CACHE": folder])
        #expect(FileManager.default.fileExists(atPath: folder + "/" + "v2"))
        let again = try Self.pullRequestFromV2_0ToV2_1(["SEMGATE_EXTRACTION_CACHE": folder])
        let off = cache.url.appendingPathComponent("off").path
        let uncached = try Self.pullRequestFromV2_0ToV2_1(["SEMGATE_EXTRACTION_CACHE": off, "INPUT_CACHE": "false"])
        #expect(!FileManager.default.fileExists(atPath: off))
        for run in [again, uncached] {
            #expect(run.result.status == cached.result.status)
            #expect(run.outputs["verdict"] == cached.outputs["verdict"])
            #expect(run.summary == cached.summary)
        }
    }

    @Test("fail-on-violation false: the same outputs, exit 0")
    func noFail() throws {
        let run = try Self.pullRequestFromV2_0ToV2_1(["INPUT_FAIL_ON_VIOLATION": "false"])
        #expect(run.result.status == 0, "\(run.result)")
        #expect(run.outputs["verdict"] == "fail")
    }

    @Test("a pull request that weakens the policy is still judged by the base's policy")
    func policyFromBase() throws {
        let repo = try sampleRepository()
        try repo.checkout("v2.0.0")
        let base = try Self.sha(repo, "HEAD")
        let policy = try repo.git("show", "v2.0.0:.semgate.yml")
        try repo.write(".semgate.yml", policy + "\n  removed-without-deprecation: off\n  breaking-without-major: off\n")
        try repo.write("cmd/flags.go", try repo.git("show", "v2.1.0:cmd/flags.go") + "\n")
        let head = try repo.commit("Drop --verbose and switch off the rules that would catch it")
        // Judged by its own policy the pull request would pass: the test shows the policy really is weaker.
        let own = try runSemgate(["check", "--base", base, "--head", head, "--policy-rev", head], in: repo.url)
        #expect(own.status == 0, "\(own)")
        let run = try Self.pullRequest(in: repo, base: base, head: head)
        #expect(run.result.status == 1, "\(run.result)")
        #expect(run.outputs["verdict"] == "fail")
        #expect(run.result.stdout.contains("removed-without-deprecation"))
    }

    @Test("the pull request that adds the policy is judged by its base's defaults, which promise nothing")
    func policyMissingOnBase() throws {
        let repo = try FixtureRepository()
        try repo.write("README.md", "a project\n")
        let base = try repo.commit("Start")
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  docs:\n    extract:\n      list: api.txt\n")
        try repo.write("api.txt", "item-from-the-pull-request\n")
        let head = try repo.commit("Add a semgate policy and a promised item")
        let run = try Self.pullRequest(in: repo, base: base, head: head)
        #expect(run.result.status == 0, "\(run.result)")
        #expect(run.outputs["verdict"] == "pass")
        #expect(run.result.stdout.contains("semgate: note: no policy file"))
        #expect(!run.result.stdout.contains("item-from-the-pull-request"), "the head's policy was not used")
    }

    @Test("tag push: the tag judged as its version, the text report in the log")
    func tagPush() throws {
        let repo = try sampleRepository()
        let pass = try ActionRun(
            in: repo.url, ["GITHUB_EVENT_NAME": "push", "GITHUB_REF_TYPE": "tag", "GITHUB_REF_NAME": "v1.1.0"])
        #expect(pass.result.status == 0, "\(pass.result)")
        #expect(pass.outputs["verdict"] == "pass")
        #expect(pass.outputs["required"] == "minor")
        #expect(pass.outputs["report"]?.hasSuffix("semgate-report.txt") == true)
        #expect(pass.result.stdout.contains("PASS  no errors\nv1.0.0..refs/tags/v1.1.0 (1.1.0)"))
        let fail = try ActionRun(
            in: repo.url, ["GITHUB_EVENT_NAME": "push", "GITHUB_REF_TYPE": "tag", "GITHUB_REF_NAME": "v1.1.1"])
        #expect(fail.result.status == 1, "\(fail.result)")
        #expect(fail.outputs["verdict"] == "fail")
        #expect(fail.result.stdout.contains("::error file=metrics/builtin.go,line=8,title=semgate%3A feature-in-patch"))
    }

    @Test("push to a branch with allow: HEAD against the last release, capped by --allow")
    func branchPushWithAllow() throws {
        let repo = try sampleRepository()
        let run = try ActionRun(in: repo.url, ["GITHUB_EVENT_NAME": "push", "INPUT_ALLOW": "patch"])
        #expect(run.result.status == 1, "\(run.result)")
        #expect(run.outputs["required"] == "minor")
        #expect(run.outputs["next"] == "2.2.0")
        #expect(run.result.stdout.contains("bump-not-allowed"))
    }

    @Test("a shallow checkout stops with exit 2 and names fetch-depth: 0")
    func shallow() throws {
        let repo = try sampleRepository()
        let shallow = try repo.shallowClone(depth: 1)
        let run = try ActionRun(in: shallow.url, ["GITHUB_EVENT_NAME": "push"])
        #expect(run.result.status == 2, "\(run.result)")
        #expect(run.result.stdout.hasPrefix("::error title=semgate::the checkout is shallow"))
        #expect(run.result.stdout.contains("fetch-depth: 0"))
        #expect(run.outputs.isEmpty)
    }

    @Test("a check that cannot be made exits 2 with semgate's error as one escaped annotation")
    func couldNotRun() throws {
        let repo = try sampleRepository()
        let run = try ActionRun(in: repo.url, ["GITHUB_EVENT_NAME": "push", "INPUT_BASE": "no-such-rev%0A::x"])
        #expect(run.result.status == 2, "\(run.result)")
        let annotations = run.result.stdout.split(separator: "\n")
        #expect(annotations.count == 1)
        #expect(annotations.first?.hasPrefix("::error title=semgate could not make the check::semgate: error:") == true)
        #expect(annotations.first?.contains("no-such-rev%250A::x") == true)
        #expect(run.summary.hasPrefix("## semgate: could not make the check\n\n<pre>semgate: error:"))
        #expect(run.outputs.isEmpty)
    }

    @Test("semgate's stderr and text report reach the log only between a one-off stop-commands token and its end")
    func stderrIsFenced() throws {
        let repo = try sampleRepository()
        let folder = try TemporaryFolder()
        // A stand-in semgate whose stderr and text report quote hostile repository text.
        let fake = try folder.write(
            "semgate",
            """
            #!/usr/bin/env bash
            printf '%s\n' "semgate: note: cmd/" "::error file=x::injected" "::add-mask::secret" >&2
            case "$*" in
                *"--format json"*) echo '{"schema":"semgate/report@1","verdict":"pass","required":"none","next":"1.0.1"}' ;;
                *"--format text"*) printf '%s' '::warning::from the text report' ;;
            esac
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let run = try ActionRun(in: repo.url, ["GITHUB_EVENT_NAME": "push", "SEMGATE": fake])
        #expect(run.result.status == 0, "\(run.result)")
        #expect(run.outputs["verdict"] == "pass")
        var fence: String?
        var fencedLines = 0
        for line in run.result.stdout.split(separator: "\n").map(String.init) {
            if let token = fence {
                if line == "::\(token)::" { fence = nil } else { fencedLines += 1 }
            } else if line.hasPrefix("::stop-commands::") {
                let token = String(line.dropFirst("::stop-commands::".count))
                #expect(token.count == 32)
                fence = token
            } else {
                #expect(!line.hasPrefix("::"), "a command outside the fence: \(line)")
            }
        }
        #expect(fence == nil, "every fence is closed")
        #expect(fencedLines == 4, "\(run.result.stdout)")
        #expect(run.result.stdout.contains("::error file=x::injected"))
        #expect(!run.result.stderr.contains("injected"))
    }

    @Test("a blobless partial checkout: the pull request is not judged on missing files; exit 2 names the fix")
    func partialClone() throws {
        let repo = try sampleRepository()
        let clone = try repo.partialClone(filter: "blob:none")
        let run = try Self.pullRequest(
            in: clone, base: try Self.sha(repo, "v2.0.0"), head: try Self.sha(repo, "v2.1.0"))
        #expect(run.result.status == 2, "\(run.result)")
        let annotations = run.result.stdout.split(separator: "\n")
        #expect(annotations.count == 1)
        #expect(annotations.first?.hasPrefix("::error title=semgate could not make the check::") == true)
        #expect(annotations.first?.contains("partial clone") == true)
        #expect(annotations.first?.contains("--refetch --no-filter") == true)
        #expect(run.outputs.isEmpty)
    }

    @Test(
        "bad inputs stop with exit 2 before semgate runs",
        arguments: [["INPUT_FORMAT": "html"], ["INPUT_FAIL_ON_VIOLATION": "yes"], ["INPUT_CACHE": "maybe"]])
    func badInputs(variables: [String: String]) throws {
        let repo = try sampleRepository()
        let run = try ActionRun(in: repo.url, variables)
        #expect(run.result.status == 2, "\(run.result)")
        #expect(run.result.stdout.hasPrefix("::error title=semgate::"))
    }

    @Test("action.yml: a composite action whose scripts read inputs and event data only from the environment")
    func actionDefinition() throws {
        let text = try String(contentsOf: actionFolder.appendingPathComponent("action.yml"), encoding: .utf8)
        let action = try #require(try Yams.load(yaml: text) as? [String: Any])
        let inputs = try #require(action["inputs"] as? [String: [String: Any]])
        for name in ["allow", "policy", "format", "working-directory", "semgate-path", "version", "base"] {
            #expect(inputs[name]?["description"] is String, "input \(name)")
        }
        let outputs = try #require(action["outputs"] as? [String: [String: Any]])
        #expect(Set(outputs.keys).isSuperset(of: ["required", "next", "verdict"]))
        let runs = try #require(action["runs"] as? [String: Any])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        for step in steps {
            if let script = step["run"] as? String {
                #expect(!script.contains("${{"), "an expression pasted into a script: \(script)")
                #expect(step["shell"] as? String == "bash")
            }
        }
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("actions/cache@") == true })
        // Every `inputs.x` the action reads is declared.
        for match in text.matches(of: /inputs\.([a-z-]+)/) {
            #expect(inputs[String(match.output.1)] != nil, "undeclared input \(match.output.1)")
        }
        #expect(text.contains("fetch-depth: 0"))
    }

    @Test("ci.yml: semgate's own workflow keeps the build job and runs the action on a full checkout")
    func workflow() throws {
        let url = packageRoot().appendingPathComponent(".github/workflows/ci.yml")
        let workflow = try #require(try Yams.load(yaml: try String(contentsOf: url, encoding: .utf8)) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: [String: Any]])
        #expect(jobs["build-and-test"] != nil)
        let steps = jobs.values.flatMap { $0["steps"] as? [[String: Any]] ?? [] }
        // `$/` is GitHub's spelling of "this repository at the workflow's commit" (zizmor's self-repository audit).
        #expect(
            steps.contains {
                ["$/.github/actions/semgate", "./.github/actions/semgate"].contains($0["uses"] as? String)
            })
        let checkouts = steps.filter { ($0["uses"] as? String)?.hasPrefix("actions/checkout@") == true }
        #expect(!checkouts.isEmpty)
        for checkout in checkouts {
            #expect((checkout["with"] as? [String: Any])?["fetch-depth"] as? Int == 0)
        }
    }
}
