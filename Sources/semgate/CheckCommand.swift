import ArgumentParser
import Foundation
import Gate
import Policy
import Reports
import SemVer

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report the surface changes base..head and fail when the version or branch does not allow them.",
        usage:
            "semgate check [<options>] [--base <rev>] [--head <rev>]\n              [--version <version>] [--allow <bump>]",
        discussion: """
            The base defaults to the predecessor of --version when given, else the greatest release \
            reachable from head. A head that is a release tag (--head v1.3.0) is judged as that release against \
            its predecessor. Without --version, semgate reports the bump the changes need and the next \
            version; with releases.version-file in the policy, a head without a release tag is judged as the \
            version its code declares, and a tag that disagrees with the code is a finding.

            --head worktree judges the working tree as it is on disk (uncommitted and untracked files count, \
            ignored ones do not), so a developer sees the verdict before committing. Nothing is written.

            Examples:
              semgate check --version 1.9.0      before tagging v1.9.0
              semgate check --version "$TAG"     CI on a tag push (v1.9.0 works too)
              semgate check --base origin/main --allow minor
              semgate check --head worktree      before committing
              semgate check --format json > report.json
              semgate check --base "$BASE_SHA" --format markdown >> "$GITHUB_STEP_SUMMARY"
              semgate check --format sarif > semgate.sarif    for code scanning
            """)

    @OptionGroup var common: CommonOptions

    @OptionGroup var focus: FocusOptions

    @Option(help: ArgumentHelp("The revision to compare against (tag, branch, SHA).", valueName: "rev"))
    var base: String?

    @Option(
        help: ArgumentHelp(
            "The revision to judge, or 'worktree' for the files on disk (uncommitted changes included).",
            valueName: "rev"),
        completion: .list(["HEAD", CheckOptions.workingTree]))
    var head: String = "HEAD"

    @Option(help: ArgumentHelp("The version head is to be released as, e.g. 1.9.0 or v1.9.0.", valueName: "version"))
    var version: String?

    @Option(help: ArgumentHelp("The largest bump this branch may take: major, minor or patch.", valueName: "bump"))
    var allow: Bump?

    func run() throws {
        try guarded {
            let engine = try common.engine()
            let target = try version.map { try common.version($0, engine: engine) }
            var options = CheckOptions(base: base, head: head, version: target, allow: allow)
            options.judgesTaggedHead = true
            // GitHub Actions names a pull request's branches; they only choose among branches that point at the SHAs.
            let environment = ProcessInfo.processInfo.environment
            options.branchHints = (environment["GITHUB_BASE_REF"], environment["GITHUB_HEAD_REF"])
            let report = try semgateRun { () throws(GateError) in try engine.check(options) }
            try common.emit(try focus.apply(report))
        }
    }
}
