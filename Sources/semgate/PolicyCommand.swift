import ArgumentParser
import Foundation
import Gate
import Policy
import Reports
import SemVer

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Work with policy files.",
        discussion: """
            Examples:
              semgate policy validate
              semgate policy validate policy/examples/k6.yml
            """,
        subcommands: [ValidateCommand.self])

    struct ValidateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a policy file and report every problem with file:line:column.",
            discussion: """
                Examples:
                  semgate policy validate          the policy semgate would use here
                  semgate policy validate policy/examples/k6.yml
                """)

        @Argument(help: ArgumentHelp("The policy file (default: the one semgate would use).", valueName: "file"))
        var file: String?

        @Option(
            help: ArgumentHelp("The repository (default: the one containing the working directory).", valueName: "path")
        )
        var repo: String?

        func run() throws {
            try guarded {
                let policy = try loadPolicy()
                let surfaces = policy.surfaces.map(\.name).joined(separator: ", ")
                switch policy.origin {
                case .defaults(let reason):
                    printLine(reason)
                case .file(let path), .revision(_, let path):
                    let count = policy.surfaces.count
                    let noun = count == 1 ? "surface" : "surfaces"
                    printLine("\(path): valid (\(count) \(noun): \(surfaces.isEmpty ? "none" : surfaces))")
                }
            }
        }

        private func loadPolicy() throws -> Policy {
            if let file {
                return try semgateRun { () throws(GateError) in try PolicyResolver.load(file: file) }
            }
            let repository = try openRepository(at: repo)
            return try semgateRun { () throws(GateError) in
                try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
            }
        }
    }
}
