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

    @Test("a mistyped command gets a did-you-mean and the usage exit 64; explain names an unknown rule the same way")
    func didYouMean() throws {
        let command = try runSemgate(["chek"])
        #expect(command.status == 64)
        #expect(command.stderr.contains("unknown command 'chek'. Did you mean 'check'?"))
        let rule = try runSemgate(["explain", "remved-without-deprecation"])
        #expect(rule.status == 64)
        #expect(rule.stderr.contains("did you mean 'removed-without-deprecation'?"))
        let explained = try runSemgate(["explain", "removed-without-deprecation"])
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("What to do: Restore it and deprecate it in a minor first"))
    }
}
