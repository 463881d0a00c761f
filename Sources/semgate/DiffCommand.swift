import ArgumentParser
import Foundation
import Gate
import Policy
import Reports
import SemVer

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the surface changes between two revisions and the bump they need.",
        usage: "semgate diff [<options>] <old> <new>",
        discussion: """
            Examples:
              semgate diff v1.2.0 v1.3.0
              semgate diff v1.3.0 HEAD --format json
              semgate diff HEAD worktree               what the uncommitted files change
              semgate diff v1.8.1 v2.2.0 --only 'packages:**/cloudapi.**'
                                                       what changed in one package
            """)

    @OptionGroup var common: CommonOptions

    @OptionGroup var focus: FocusOptions

    @Argument(help: ArgumentHelp("The old revision.", valueName: "old"))
    var a: String

    @Argument(help: ArgumentHelp("The new revision, or 'worktree' for the files on disk.", valueName: "new"))
    var b: String

    func run() throws {
        try guarded {
            let engine = try common.engine()
            let report = try semgateRun { () throws(GateError) in try engine.diff(a, b) }
            try common.emit(try focus.apply(report))
        }
    }
}
