import Foundation
import Testing
import TestSupport

/// Every `--format` of the built binary: the same exit status as json, output on stdout only, no colour.
@Suite("Formats of the built binary")
struct FormatEndToEndTests {
    static let formats = ["text", "json", "markdown", "github", "sarif", "junit"]

    @Test(
        "every format exits like json: audit and check --version 2.1.0 fail (1), check of HEAD passes (0)",
        arguments: formats)
    func exitStatus(format: String) throws {
        let repo = try sampleRepository()
        let cases: [([String], Int32)] = [
            (["audit"], 1), (["check", "--head", "v2.1.0", "--version", "2.1.0"], 1), (["check"], 0),
        ]
        for (command, status) in cases {
            let result = try runSemgate(command + ["--format", format, "--color", "always"], in: repo.url)
            #expect(result.status == status, "\(command) --format \(format): \(result)")
            #expect(!result.stdout.isEmpty)
            #expect(result.stderr.isEmpty, "\(result.stderr)")
            if format != "text" { #expect(!containsANSI(result.stdout), "\(format) is never coloured") }
        }
    }

    @Test("help lists every format and explains what each is for")
    func help() throws {
        let result = try runSemgate(["check", "--help"])
        #expect(result.status == 0)
        for format in Self.formats {
            #expect(result.stdout.contains(format))
        }
        #expect(result.stdout.contains("code scanning"))
        #expect(result.stdout.contains("--format sarif"))
    }
}
