import Testing
import TestSupport

@Suite("Help")
struct HelpTests {
    static let commands: [[String]] = [
        [], ["check"], ["next"], ["audit"], ["diff"], ["surface"], ["policy"], ["policy", "validate"],
    ]

    @Test("--help exits 0 and shows an example", arguments: commands)
    func helpShowsAnExample(command: [String]) throws {
        let result = try runSemgate(command + ["--help"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("USAGE: semgate"))
        expectNoCrash(result)
        let invocation = (["semgate"] + command).joined(separator: " ")
        let hasExample = {
            result.stdout.contains("Examples:")
                && result.stdout.split(separator: "\n").contains {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix(invocation + (command.isEmpty ? " " : ""))
                }
        }
        #expect(hasExample(), "an example line starting with '\(invocation)':\n\(result.stdout)")
    }
}
