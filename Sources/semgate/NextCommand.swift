import ArgumentParser
import Foundation
import Gate
import Policy
import Reports
import SemVer

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Print the version the changes since the last release require.",
        usage: "semgate next [<options>] [--pre <label>] [--head <rev>]",
        discussion: """
            The last release is the greatest release reachable from HEAD. Prints nothing (and says why on \
            standard error) when HEAD is that release.

            Examples:
              semgate next                 1.9.0
              semgate next --pre rc        2.0.0-rc.1
              git tag "v$(semgate next)"
            """)

    @OptionGroup var common: CommonOptions

    @Option(
        help: ArgumentHelp(
            "Print the next pre-release with this label (rc gives 2.0.0-rc.1, then 2.0.0-rc.2).", valueName: "label"))
    var pre: String?

    @Option(help: ArgumentHelp("The revision to release.", valueName: "rev"))
    var head: String = "HEAD"

    func run() throws {
        try guarded {
            if let pre {
                do {
                    try Version.validatePrereleaseLabel(pre)
                } catch {
                    throw Failure("\(error)")
                }
            }
            let engine = try common.engine()
            var report = try semgateRun { () throws(GateError) in
                try engine.check(CheckOptions(head: head, preLabel: pre, firstReleaseAllowed: true))
            }
            report.kind = .next
            if common.format == TextRenderer.identifier {
                guard let next = report.next else {
                    let base = report.base?.rev ?? "the last release"
                    if let required = report.required, required > .none {
                        throw Failure(
                            "\(head) needs a \(required) bump after \(base), but that version number is at the 64-bit "
                                + "limit \(UInt64.max) and cannot grow; tag a release with a smaller version first")
                    }
                    printError(["semgate: nothing to release: " + nothingToRelease(report)])
                    return
                }
                printLine(next.description)
                return
            }
            // `next` answers a question; it is not a gate, so it exits 0 whatever the findings (check gates).
            let renderer = Renderers.named(common.format) ?? JSONRenderer()
            print(renderer.render(report, options: common.renderOptions), terminator: "")
        }
    }
}

/// Why `next` has no version to print: head is a release (named by its tag or by another name), or has no commit
/// after the last release.
func nothingToRelease(_ report: Report) -> String {
    guard let head = report.head, let base = report.base else { return "no release to compare with" }
    let release = base.version.map { "\(base.rev) (\($0))" } ?? base.rev
    if head.rev == base.rev {
        return "\(head.rev) is already released (\(base.version?.description ?? base.rev)); the next version needs "
            + "commits after it"
    }
    return "\(head.rev) is the release \(release), with no commits after it"
}
