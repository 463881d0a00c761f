import ArgumentParser
import Foundation
import Gate
import Lifecycle
import Policy
import Reports

/// Flags of the lifecycle commands (`support`, `fix-targets`, `deprecations`): the repository and policy flags of
/// every command and `--at`. Each command adds the `--format` of its own (``PlainFormatOption``,
/// ``SupportFormatOption``), so its help names only the formats it takes.
struct LifecycleOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(
        name: .long,
        help: ArgumentHelp("Colour: auto, always or never (auto honours NO_COLOR and terminals).", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Answer for this day (YYYY-MM-DD, UTC), past or future; only releases published by then count.",
            valueName: "date"))
    var at: String?

    /// The day asked with `--at`, else today (UTC).
    func day() throws -> CalendarDay {
        guard let at else { return CalendarDay(Date()) }
        guard let day = CalendarDay(iso: at) else {
            throw Failure("invalid date '\(at)' for --at; write an ISO date YYYY-MM-DD, e.g. --at 2025-06-01")
        }
        return day
    }

    /// The commands that list or judge every release leave out other projects' tags (`separatingHistories`).
    func engine() throws -> Engine {
        try source.engine(separatingHistories: true)
    }

    var useColor: Bool { colorEnabled(color) }

    /// The header facts every lifecycle output names.
    func source(_ engine: Engine) -> LifecycleSource {
        LifecycleSource(policy: engine.policySourceName, project: engine.policy.project)
    }
}

/// `--format` of `fix-targets` and `deprecations`: text or json.
struct PlainFormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.", completion: .list(["text", "json"]))
    var format: String = "text"

    /// The format, or a failure naming the choices.
    func format(for command: String) throws -> LifecycleFormat {
        try lifecycleFormat(format, allowed: LifecycleFormat.plain, for: command)
    }
}

/// `--format` of `support`: text, json, and for the whole table endoflife and svg.
struct SupportFormatOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: text, json, endoflife or svg.",
            discussion: """
                endoflife is the release cycles endoflife.date publishes, svg a timeline of the lines and phases; \
                both draw the whole table, so with a VERSION only text and json apply.
                """),
        completion: .list(LifecycleFormat.support.map(\.rawValue)))
    var format: String = "text"
}

/// `text` as a lifecycle format, if `allowed` holds it; else a usage error (64, as for check's `--format`) naming
/// the choices.
func lifecycleFormat(_ text: String, allowed: [LifecycleFormat], for command: String) throws -> LifecycleFormat {
    guard let format = LifecycleFormat(rawValue: text), allowed.contains(format) else {
        throw ValidationError(
            "unknown format '\(text)' for \(command); use one of: " + allowed.map(\.rawValue).joined(separator: ", "))
    }
    return format
}
