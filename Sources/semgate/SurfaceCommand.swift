import ArgumentParser
import Foundation
import Gate
import Policy
import Reports
import SemVer

struct SurfaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surface",
        abstract: "Print the declared stable surface at a revision; write or verify a committed snapshot.",
        usage: "semgate surface [<options>] [<rev>] [--write <file> | --check <file>]",
        discussion: """
            A snapshot file starts with its format line (`# semgate surface snapshot 2`), then has one item a line: \
            `surface:key [name=value ...] [experimental|deprecated]`. A text with a space, a quote, a backslash or \
            a control character is written in double quotes with \\-escapes, so every name reads back exactly; \
            --check compares the items it reads with the surface found.

            Examples:
              semgate surface                          the surface at HEAD
              semgate surface v1.3.0 --format json
              semgate surface --write api/surface.txt  write a snapshot to commit
              semgate surface --check api/surface.txt  exit 1 when the surface drifted
              semgate surface worktree --check api/surface.txt
                                                       the same for uncommitted files
              semgate surface --only 'packages:**/cloudapi.**'
                                                       one part of the surface
            """)

    @OptionGroup var common: CommonOptions

    @OptionGroup var focus: FocusOptions

    @Argument(
        help: ArgumentHelp("The revision (default: HEAD), or 'worktree' for the files on disk.", valueName: "rev"))
    var rev: String = "HEAD"

    @Option(help: ArgumentHelp("Write the surface to this snapshot file.", valueName: "file"))
    var write: String?

    @Option(
        help: ArgumentHelp("Compare the surface with this snapshot file; exit 1 when they differ.", valueName: "file"))
    var check: String?

    func validate() throws {
        if write != nil && check != nil { throw ValidationError("use --write or --check, not both") }
        if !focus.only.isEmpty && (write != nil || check != nil) {
            throw ValidationError("--only shows part of the surface; a snapshot (--write, --check) is always whole")
        }
    }

    func run() throws {
        try guarded {
            let engine = try common.engine()
            let report = try semgateRun { () throws(GateError) in try engine.surface(at: rev) }
            let snapshot = SnapshotFile.render(report.items ?? [])
            if let write {
                do {
                    try snapshot.write(toFile: write, atomically: true, encoding: .utf8)
                } catch {
                    throw Failure("cannot write '\(write)': \(error.localizedDescription)")
                }
                printLine("wrote \(report.items?.count ?? 0) items to \(write)")
                return
            }
            if let check {
                guard let committed = FileManager.default.contents(atPath: check) else {
                    throw Failure("cannot read snapshot '\(check)' (create it with --write)")
                }
                let expected: [SnapshotFile.Entry]
                do {
                    expected = try SnapshotFile.parse(bytes: [UInt8](committed))
                } catch let error as SnapshotFile.ReadError {
                    throw Failure(
                        "snapshot \(error.description(file: check)); write it again with: semgate surface \(rev) --write \(check)"
                    )
                }
                let actual = (report.items ?? []).map(SnapshotFile.Entry.init)
                let drift = SnapshotFile.difference(expected: expected, actual: actual)
                if drift.isEmpty {
                    printLine("surface at \(rev) matches \(check)")
                    return
                }
                printLine("surface at \(rev) differs from \(check):")
                drift.forEach(printLine)
                printLine("update it with: semgate surface \(rev) --write \(check)")
                throw ExitCode(1)
            }
            try common.emit(try focus.apply(report))
        }
    }
}
