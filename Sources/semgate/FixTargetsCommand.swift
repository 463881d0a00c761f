import ArgumentParser
import Foundation
import Gate
import Lifecycle
import Reports

struct FixTargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix-targets",
        abstract: "For a bug present since VERSION: the patch releases the support policy calls for.",
        usage: "semgate fix-targets [<options>] <version>",
        discussion: """
            One patch a line that still gets fixes and holds the bug (its newest release is not below \
            VERSION): the next patch of that line's newest release. A line still in development takes the \
            fix in its first final release.

            Examples:
              semgate fix-targets 1.1.0                2.2.1 and 1.8.2 under the k6 preset
              semgate fix-targets v2.1.0 --format json
              semgate fix-targets 1.1.0 --at 2026-05-01
            """)

    @OptionGroup var options: LifecycleOptions

    @OptionGroup var output: PlainFormatOption

    @Argument(help: ArgumentHelp("The first version with the bug (1.1.0 or v1.1.0).", valueName: "version"))
    var version: String

    func run() throws {
        try guarded {
            let format = try output.format(for: "fix-targets")
            let day = try options.day()
            let engine = try options.engine()
            let since = try userVersion(version, engine: engine)
            let table = try semgateRun { () throws(GateError) in try engine.supportTable(at: day) }
            let targets: [FixTarget]
            do {
                targets = try Support.fixTargets(since: since, in: table)
            } catch {
                throw Failure("\(error)")
            }
            let source = options.source(engine)
            let text =
                format == .json
                ? SupportRenderer.fixTargetsJSON(targets, since: since, table: table, source: source)
                : SupportRenderer.fixTargetsText(targets, since: since, table: table, source: source)
            print(text, terminator: "")
        }
    }
}
