import ArgumentParser
import Foundation
import Gate
import Policy
import Reports
import SemVer

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check every release against its predecessor; one row a release.",
        usage: "semgate audit [<options>] [--from <version>] [--to <version>]",
        discussion: """
            The predecessor of a release is the greatest final release with lower precedence, whatever its \
            date or branch (1.8.0 shipped after 2.0.0 is compared with 1.7.x).

            Examples:
              semgate audit
              semgate audit --from 1.0.0
              semgate audit --from 1.0.0 --to 1.8.1 --format json
              semgate audit --format junit > semgate-audit.xml
              semgate audit --no-cache
              SEMGATE_EXTRACTION_CACHE=/tmp/semgate-cache semgate audit --cache
            """)

    @OptionGroup var common: CommonOptions

    @Option(
        help: ArgumentHelp(
            "The first release to judge (inclusive); the final releases before it are read too, for deprecation history.",
            valueName: "version"))
    var from: String?

    @Option(help: ArgumentHelp("The last release to audit (inclusive).", valueName: "version"))
    var to: String?

    func run() throws {
        try guarded {
            let engine = try common.engine(separatingHistories: true)
            let lower = try from.map { try common.version($0, engine: engine) }
            let upper = try to.map { try common.version($0, engine: engine) }
            try Self.checkRange(from: lower, to: upper, releases: engine.history.releases.map(\.version))
            if isatty(STDERR_FILENO) == 1 {
                engine.progress = { line in
                    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Inert.line("auditing \(line)")).utf8))
                }
            }
            let report = try semgateRun { () throws(GateError) in try engine.audit(from: lower, to: upper) }
            if engine.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            try common.emit(report)
        }
    }

    /// A range that holds no release is a failure naming the releases there are (a typo in `--from` must not pass
    /// on an audit of nothing); a repository without releases is judged as such.
    static func checkRange(from lower: Version?, to upper: Version?, releases: [Version]) throws {
        if let lower, let upper, upper < lower {
            throw Failure("--from \(lower) comes after --to \(upper); give the older release to --from")
        }
        guard lower != nil || upper != nil, let first = releases.min(), let last = releases.max() else { return }
        let inRange = releases.contains { version in
            (lower.map { version >= $0 } ?? true) && (upper.map { version <= $0 } ?? true)
        }
        guard !inRange else { return }
        let range = [lower.map { "from \($0)" }, upper.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        throw Failure(
            "no release lies \(range): the releases run from \(first) to \(last) (\(releases.count) in all); "
                + "widen --from/--to or leave them out")
    }
}
