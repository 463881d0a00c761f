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

    static let everyCommand: [[String]] =
        commands + [["init"], ["support"], ["fix-targets"], ["deprecations"], ["explain"]]

    @Test("every example line fits 80 columns, so no terminal wraps it", arguments: everyCommand)
    func examplesFitEightyColumns(command: [String]) throws {
        // Wide enough that ArgumentParser wraps nothing: the lines are as written.
        let result = try runSemgate(command + ["--help"], environment: ["COLUMNS": "400"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == "Examples:" }, "no Examples: in\n\(result.stdout)")
        let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(!examples.isEmpty)
        for line in examples {
            #expect(line.count <= 80, "\(line.count) columns: \(line)")
        }
    }

    @Test(
        "each lifecycle command's --format help names only the formats it takes",
        arguments: [("deprecations", false), ("fix-targets", false), ("support", true)])
    func formatsNamed(command: String, drawsTables: Bool) throws {
        let result = try runSemgate([command, "--help"], environment: ["COLUMNS": "400"])
        #expect(result.status == 0)
        let format = result.stdout.split(separator: "\n").first { $0.hasPrefix("  --format <format>") } ?? ""
        #expect(format.contains("text"), "\(format)")
        #expect(format.contains("json"), "\(format)")
        #expect(result.stdout.contains("endoflife") == drawsTables, "\(result.stdout)")
        #expect(result.stdout.contains("svg") == drawsTables, "\(result.stdout)")
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
