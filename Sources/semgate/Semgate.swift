import ArgumentParser
import Policy
import Foundation
import Reports

/// The `semgate` command line.
@main
struct Semgate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "semgate",
        abstract: "Keep a project's stability promise honest: SemVer verdicts from git tags and a declared surface.",
        discussion: """
            semgate reads release tags from git, extracts the project's declared stable surface (CLI flags, \
            options, metrics, public packages) at any revision, classifies every change as major, minor or \
            patch under SemVer 2.0.0, and fails when a release or a branch breaks the promise.

            Exit status: 0 passed; 1 the policy was violated; 2 the check could not be made (bad policy, \
            unknown revision, shallow clone, unreadable repository); 64 usage error.

            Examples:
              semgate check --version 1.9.0      may HEAD be released as v1.9.0?
              semgate check --base origin/main --allow minor
              semgate next                       what must the next version be?
              semgate audit                      did every release keep the promise?
              semgate diff v1.2.0 v1.3.0         what changed in the surface?
              semgate surface v1.3.0             what is promised at v1.3.0?
              semgate support 1.1.0              does 1.1.0 still get fixes?
              semgate fix-targets 1.1.0          where must a fix for a 1.1.0 bug land?
              semgate deprecations               what is deprecated, and when may it go?
              semgate init --write .semgate.yml  a starting policy for this repository
              semgate explain RULE               why a rule fired and what to do
            """,
        version: VersionText.text,
        subcommands: [
            CheckCommand.self, NextCommand.self, AuditCommand.self, DiffCommand.self, SurfaceCommand.self,
            PolicyCommand.self, InitCommand.self, SupportCommand.self, FixTargetsCommand.self,
            DeprecationsCommand.self, ExplainCommand.self,
        ]
    )

    /// ArgumentParser's entry point, except that its messages (which quote the arguments, a tag name or branch
    /// name from the workflow among them) are written through `Inert.line` like every other line.
    static func main() {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"), !names.contains(first),
            let match = Suggestions.closest(to: first, among: names)
        {
            let text = Inert.lines([
                "Error: unknown command '\(first)'. Did you mean '\(match)'?",
                "  See 'semgate --help' for the commands.",
            ])
            FileHandle.standardError.write(Data(text.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let text = Inert.lines(
                    message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                if code == .success {
                    print(text, terminator: "")
                } else {
                    FileHandle.standardError.write(Data(text.utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
