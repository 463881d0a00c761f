import ArgumentParser
import Foundation
import Gate
import Git
import Policy
import Reports
import SemVer

/// The repository and policy flags of every command that reads a repository.
struct SourceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The repository (default: the one containing the working directory).", valueName: "path"),
        completion: .directory)
    var repo: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The policy file (default: .semgate.yml, semgate.yml, then policy/semgate.yml).", valueName: "file"),
        completion: .file(extensions: ["yml", "yaml"]))
    var policy: String?

    @Option(
        name: .customLong("policy-rev"),
        help: ArgumentHelp(
            "Read the policy from this git revision instead of the working tree (pull requests: the trusted base).",
            valueName: "rev"))
    var policyRev: String?

    /// Opens the repository and loads the policy, or fails with a clear message (exit 2). `separatingHistories`: see
    /// ``Engine/init(repository:policy:separatingHistories:)``.
    func engine(separatingHistories: Bool = false) throws -> Engine {
        let repository = try openRepository()
        let loaded = try semgateRun { () throws(GateError) in
            try PolicyResolver.resolve(explicitPath: policy, revision: policyRev, repository: repository)
        }
        let engine = try semgateRun { () throws(GateError) in
            try Engine(repository: repository, policy: loaded, separatingHistories: separatingHistories)
        }
        // SEMGATE_JOBS=1 reads and judges releases in turn on one thread (the output is the same either way).
        if let text = ProcessInfo.processInfo.environment["SEMGATE_JOBS"], !text.isEmpty {
            guard let jobs = Int(text), jobs >= 1 else {
                throw Failure("SEMGATE_JOBS must be a whole number, 1 or more (1 runs audit on one thread)")
            }
            engine.jobs = jobs
        }
        // The engine lives until the process exits: its caches (every parsed file, every surface read) are freed by the
        // operating system at once, not object by object (a few percent of an audit's time).
        _ = Unmanaged.passRetained(engine)
        return engine
    }

    func openRepository() throws -> Repository {
        try semgate.openRepository(at: repo)
    }
}

/// Flags every report command takes: the repository and policy, `--format` over the report renderers, `--color`.
struct CommonOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: \(Renderers.identifiers.joined(separator: ", ")).",
            discussion: """
                text is for people and may change; json is the stable contract (semgate/report@1); markdown is a \
                pull-request comment or job summary; github prints workflow-command annotations; sarif is SARIF \
                2.1.0 for code scanning; junit is JUnit XML for test dashboards (a test case per rule per release).
                """),
        completion: .list(Renderers.identifiers))
    var format: String = "text"

    @Option(
        name: .long,
        help: ArgumentHelp("Colour: auto, always or never (auto honours NO_COLOR and terminals).", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(
        name: .customLong("min-severity"),
        help: ArgumentHelp(
            "List findings of at least this severity: error, warning or note.",
            discussion: """
                By default notes are counted on one line, not listed. text, markdown and github apply it; json \
                and sarif keep every finding. The verdict does not change.
                """, valueName: "severity"))
    var minSeverity: MinimumSeverity?

    @OptionGroup var cache: CacheOptions

    func validate() throws {
        guard Renderers.named(format) != nil else {
            throw ValidationError(
                "unknown format '\(format)'; use one of: \(Renderers.identifiers.joined(separator: ", "))")
        }
    }

    /// Whether to draw colour on standard output.
    var useColor: Bool { colorEnabled(color) }

    /// Opens the repository and loads the policy, or exits 2 with a clear message; surfaces are read through the
    /// persistent extraction cache unless --no-cache.
    func engine(separatingHistories: Bool = false) throws -> Engine {
        let engine = try source.engine(separatingHistories: separatingHistories)
        cache.apply(to: engine)
        return engine
    }

    func openRepository() throws -> Repository {
        try source.openRepository()
    }

    /// Renders a report in the chosen format and exits with its verdict.
    func emit(_ report: Report) throws -> Never {
        let renderer = Renderers.named(format) ?? TextRenderer()
        print(renderer.render(report, options: renderOptions), terminator: "")
        throw ExitCode(report.verdict == .pass ? 0 : 1)
    }

    /// How the chosen renderer is asked to draw: colour, `--min-severity`, the terminal's width.
    var renderOptions: RenderOptions {
        RenderOptions(color: useColor, minSeverity: minSeverity?.severity, width: terminalWidth())
    }

    /// A version from the user: a bare SemVer version, or a release tag such as `v1.9.0`.
    func version(_ text: String, engine: Engine) throws -> Version {
        try userVersion(text, engine: engine)
    }
}

/// A version from the user: a bare SemVer version, or a release tag such as `v1.9.0`; else a failure naming the fault.
func userVersion(_ text: String, engine: Engine) throws -> Version {
    if let version = Version.parse(text) { return version }
    if let inner = engine.policy.releases.tag.versionText(fromTag: text), let version = Version.parse(inner) {
        return version
    }
    do {
        return try Version(text)
    } catch {
        throw Failure(error.description)
    }
}

/// Whether to draw colour on standard output for a `--color` choice (auto honours NO_COLOR, TERM=dumb, terminals).
func colorEnabled(_ choice: ColorChoice) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}

/// The columns text output wraps to: `COLUMNS` when it holds a positive number, else the width of the terminal on
/// standard output, else ``RenderOptions/defaultWidth`` (not a terminal: a log or a pipe).
func terminalWidth() -> Int {
    if let text = ProcessInfo.processInfo.environment["COLUMNS"],
        let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0
    {
        return columns
    }
    guard isatty(STDOUT_FILENO) == 1 else { return RenderOptions.defaultWidth }
    var size = winsize()
    #if canImport(Glibc)
        let status = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size)
    #else
        let status = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size)
    #endif
    return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : RenderOptions.defaultWidth
}

/// `--min-severity` values.
enum MinimumSeverity: String, ExpressibleByArgument, CaseIterable {
    case error, warning, note

    var severity: Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        case .note: .note
        }
    }
}

/// `--color` values.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Opens the repository containing `path` (default: the working directory), or fails with a clear message.
func openRepository(at path: String?) throws -> Repository {
    let path = path ?? FileManager.default.currentDirectoryPath
    guard FileManager.default.fileExists(atPath: path) else {
        throw Failure("repository folder '\(path)' does not exist")
    }
    do {
        return try Repository(discovering: path)
    } catch {
        throw Failure(error.description)
    }
}

/// A failure to run: printed on standard error, one line (a policy's diagnostics: a header and one line each),
/// exit status 2.
struct Failure: Error, CustomStringConvertible {
    /// The lines of the message; a line break inside one is shown, not written (`Inert.line`).
    let lines: [String]

    init(_ description: String) {
        self.lines = [description]
    }

    init(lines: [String]) {
        self.lines = lines
    }

    var description: String { lines.joined(separator: "\n") }
}

/// Runs a library call, turning its error into a `Failure`.
func semgateRun<T>(_ body: () throws(GateError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Failure(lines: error.lines)
    }
}

/// Writes `text` and a line break to standard output as one line: whatever it quotes from the repository or the
/// command line is shown, never obeyed (`Inert.line`).
func printLine(_ text: String) {
    print(Inert.line(text))
}

/// Writes lines to standard error, each through `Inert.line`.
func printError(_ lines: [String]) {
    FileHandle.standardError.write(Data(Inert.lines(lines).utf8))
}

extension ParsableCommand {
    /// Runs `body`, mapping `Failure` to a message on standard error and exit status 2.
    func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as Failure {
            printError(["semgate: error: " + (failure.lines.first ?? "")] + failure.lines.dropFirst())
            throw ExitCode(2)
        }
    }
}

extension Bump: ExpressibleByArgument {
    public init?(argument: String) {
        guard let bump = Bump(name: argument), bump != .none else { return nil }
        self = bump
    }

    public static var allValueStrings: [String] { ["major", "minor", "patch"] }
}
