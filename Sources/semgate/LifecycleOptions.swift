import ArgumentParser
import Foundation
import Gate
import Lifecycle
import Policy
import Reports

/// Flags of the lifecycle commands (`support`, `fix-targets`, `deprecations`): the repository and policy flags of
/// every command, `--at`, and a format from their own family (text, json, and for `support` endoflife and svg).
struct LifecycleOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(
        name: .long,
        help: "Output format: text or json (support also takes endoflife and svg for its table).")
    var format: String = "text"

    @Option(name: .long, help: "Colour: auto, always or never (auto honours NO_COLOR and terminals).")
    var color: ColorChoice = .auto

    @Option(
        name: .long,
        help: "Answer for this day (YYYY-MM-DD, UTC), past or future; only releases published by then count.")
    var at: String?

    /// The format, if `allowed` holds it; else a failure naming the choices.
    func format(allowed: [LifecycleFormat], for command: String) throws -> LifecycleFormat {
        guard let format = LifecycleFormat(rawValue: format), allowed.contains(format) else {
            throw Failure(
                "unknown format '\(format)' for \(command); use one of: "
                    + allowed.map(\.rawValue).joined(separator: ", "))
        }
        return format
    }

    /// The day asked with `--at`, else today (UTC).
    func day() throws -> CalendarDay {
        guard let at else { return CalendarDay(Date()) }
        guard let day = CalendarDay(iso: at) else {
            throw Failure("invalid date '\(at)' for --at; write an ISO date YYYY-MM-DD, e.g. --at 2025-06-01")
        }
        return day
    }

    func engine() throws -> Engine {
        try source.engine()
    }

    var useColor: Bool { colorEnabled(color) }

    /// The header facts every lifecycle output names.
    func source(_ engine: Engine) -> LifecycleSource {
        LifecycleSource(policy: engine.policySourceName, project: engine.policy.project)
    }
}
