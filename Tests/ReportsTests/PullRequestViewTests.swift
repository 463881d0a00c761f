import Foundation
import Gate
import Reports
import SemVer
import Testing
import TestSupport

@Suite("The pull-request view: branch names, the verdict and why, what to do, then the changes")
struct PullRequestViewTests {
    @Test("SHAs that are branch tips are named by their branches, CI's branch names preferred among them")
    func branchNames() throws {
        let sample = try Sample()
        let base = try sample.repo.git("rev-parse", "v2.0.0^{commit}")
        let head = try sample.repo.git("rev-parse", "v2.1.0^{commit}")
        try sample.repo.git("branch", "release-2.x", base)
        try sample.repo.git("branch", "a-first-name", head)
        try sample.repo.git("branch", "drop-verbose", head)
        var options = CheckOptions(base: base, head: head)
        options.branchHints = (base: "main-does-not-point-here", head: "drop-verbose")
        let report = try sample.engine.check(options)
        #expect(report.base?.branch == "release-2.x")
        #expect(report.head?.branch == "drop-verbose")
        let markdown = MarkdownRenderer().render(report, options: RenderOptions())
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let short = { (sha: String) in String(sha.prefix(7)) }
        #expect(lines[2] == "**drop-verbose (\(short(head)), 2.1.0)** into **release-2.x (\(short(base)), 2.0.0)**")
        #expect(lines[4] == "**1 error: removed-without-deprecation (1)** · required **major** · next **3.0.0**")
        let what = try #require(lines.firstIndex(of: "### What to do"))
        let changes = try #require(lines.firstIndex(of: "### Changes"))
        #expect(what < changes)
        #expect(
            lines[changes + 2] == "- **removed** cli:flags --verbose: needs **major** (was at cmd/flags.go:9 in base)")
        #expect(!markdown.contains("<details"))
        // A SHA no branch points at keeps its short form; a name typed as a name is kept as typed.
        let plain = try sample.engine.check(
            CheckOptions(base: "v2.0.0", head: try sample.repo.git("rev-parse", "HEAD")))
        #expect(plain.base?.branch == nil)
    }

    @Test("an annotation about a removed item sits on its file without the base's line, and says where it was")
    func removedItemAnnotation() throws {
        let sample = try Sample()
        let report = try sample.report("check-version-2.1.0")
        let output = GitHubRenderer().render(report, options: RenderOptions())
        let errors = output.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(errors.count == 2)
        for line in errors {
            #expect(line.hasPrefix("::error file=cmd/flags.go,title="), "\(line)")
            #expect(line.contains("was at cmd/flags.go:9 in base"), "\(line)")
        }
        // The change itself is not annotated a second time.
        #expect(!output.contains("::notice"))
    }
}
