import ArgumentParser
import Foundation
import Gate
import Lifecycle
import Policy
import Reports

struct SupportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support",
        abstract: "Release lines and their phases; one version's status and what to upgrade to.",
        usage: "semgate support [<options>] [<version>]",
        discussion: """
            A line is a major (or a minor under `line: minor`, as Go and Kubernetes count). Its phase comes \
            from the policy's `support` section: a preset (k6, go, kubernetes, node) or custom phases. Only \
            the newest release of a line gets fixes. With `cadence` in the policy, the table also says when \
            the next major and minor are due and warns (never fails) when one is overdue.

            Exit status: 0 when answered, whether or not VERSION still gets fixes (read `gets_fixes` in the \
            json); 2 when it cannot be answered (no `support` section, a bad VERSION or --at date, a VERSION \
            on a line without releases).

            Formats: text, json ("schema": "semgate/support@1"); for the table also endoflife (the release \
            cycles endoflife.date publishes) and svg (a timeline of lines and phases).

            Examples:
              semgate support                  the table today
              semgate support --at 2025-06-01  the table on another day, past or future
              semgate support 1.1.0            does 1.1.0 get fixes? what to upgrade to?
              semgate support --format endoflife > k6.json
              semgate support --format svg > docs/support.svg
            """)

    @OptionGroup var options: LifecycleOptions

    @OptionGroup var output: SupportFormatOption

    @Argument(
        help: ArgumentHelp(
            "A version or release tag (1.1.0 or v1.1.0); without it, the whole table.", valueName: "version"))
    var version: String?

    @Option(
        help: ArgumentHelp(
            "With --format svg: the first day the timeline shows (YYYY-MM-DD).",
            discussion: "Default: three years before --at, or the oldest line that still gets fixes if older.",
            valueName: "date"))
    var since: String?

    func run() throws {
        try guarded {
            let format = try lifecycleFormat(
                output.format, allowed: version == nil ? LifecycleFormat.support : LifecycleFormat.plain,
                for: version == nil ? "support" : "support VERSION")
            let day = try options.day()
            let start = try since.map { text in
                guard format == .svg, version == nil else {
                    throw Failure("--since applies to the timeline only; add --format svg, or leave --since out")
                }
                guard let start = CalendarDay(iso: text) else {
                    throw Failure(
                        "invalid date '\(text)' for --since; write an ISO date YYYY-MM-DD, e.g. --since 2024-01-01")
                }
                return start
            }
            let engine = try options.engine()
            let table = try semgateRun { () throws(GateError) in try engine.supportTable(at: day) }
            let source = options.source(engine)
            guard let version else {
                switch format {
                case .text:
                    print(
                        SupportRenderer.text(table, source: source, color: options.useColor, width: terminalWidth()),
                        terminator: "")
                case .json: print(SupportRenderer.json(table, source: source), terminator: "")
                case .endoflife: print(SupportRenderer.endOfLife(table), terminator: "")
                case .svg:
                    let title = "\(engine.policy.project.map { "\($0) " } ?? "")release lines at \(table.at)"
                    print(SupportSVG.render(table, title: title, since: start), terminator: "")
                }
                return
            }
            let wanted = try userVersion(version, engine: engine)
            let status: VersionStatus
            do {
                status = try Support.status(of: wanted, in: table)
            } catch {
                throw Failure("\(error)")
            }
            let text =
                format == .json
                ? SupportRenderer.json(status, table: table, source: source)
                : SupportRenderer.text(status, table: table, source: source, width: terminalWidth())
            print(text, terminator: "")
        }
    }
}
