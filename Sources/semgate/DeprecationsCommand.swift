import ArgumentParser
import Foundation
import Gate
import Lifecycle
import Reports

struct DeprecationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deprecations",
        abstract: "Deprecated items: the release that first marked each, planned removal, replacement, state.",
        usage: "semgate deprecations [<options>] [--head <rev>] [--all]",
        discussion: """
            Every release published by --at is read (deprecations come from the code through the extractors \
            and from the policy's `deprecations`). The state is judged at --head: in-window (the minimum \
            `deprecation-period` has not passed, the next major is below its remove-in, or its remove-when \
            does not hold yet), removable (the next major may remove it), overdue (its planned removal has \
            shipped and it is still there), or removed. The planned removal is the policy's remove-in; for the \
            old key of a promotion, the minor after its remove-within; else the next major. Text lists the \
            live items (--all adds the removed ones and the notes); json always has every record.

            Exit status: 0 (a listing, not a gate: `audit` and `check` enforce the rules); 2 when it cannot \
            be made.

            Examples:
              semgate deprecations
              semgate deprecations --head v1.8.1 --at 2026-08-12
              semgate deprecations --format json |
                jq '.deprecations[] | select(.state == "overdue")'
            """)

    @OptionGroup var options: LifecycleOptions

    @OptionGroup var output: PlainFormatOption

    @OptionGroup var cache: CacheOptions

    @Option(help: ArgumentHelp("The revision whose surface is judged.", valueName: "rev"))
    var head: String = "HEAD"

    @Flag(help: "Also list the items already removed, and every note (json always has them all).")
    var all = false

    func run() throws {
        try guarded {
            let format = try output.format(for: "deprecations")
            let day = try options.day()
            let engine = try options.engine()
            cache.apply(to: engine)
            let report = try withProgress(engine, label: "reading", enabled: format == .text) {
                try semgateRun { () throws(GateError) in try engine.deprecations(head: head, at: day) }
            }
            let source = options.source(engine)
            let text =
                format == .json
                ? DeprecationsRenderer.json(report, source: source)
                : DeprecationsRenderer.text(
                    report, source: source, color: options.useColor, width: terminalWidth(), all: all)
            print(text, terminator: "")
        }
    }
}
