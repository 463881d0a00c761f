import Foundation
import Testing
import TestSupport

/// The reference in docs/ keeps up with the code: docs/policy.md names every key of the policy's JSON Schema, and
/// docs/commands.md has a section for every command the binary lists. (The option tables and example outputs in
/// those sections are regenerated and checked by .ci/docs-examples.sh.)
@Suite("docs/ reference")
struct DocsDriftTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The names of every property any object of `schema` declares.
    static func propertyNames(in schema: JSON) -> Set<String> {
        switch schema {
        case .object(let members):
            var names: Set<String> = []
            if case .object(let properties)? = schema["properties"] { names.formUnion(properties.map(\.0)) }
            for (_, value) in members { names.formUnion(propertyNames(in: value)) }
            return names
        case .array(let elements):
            return elements.reduce(into: []) { $0.formUnion(propertyNames(in: $1)) }
        default:
            return []
        }
    }

    @Test("docs/policy.md names every key of policy/semgate.schema.json")
    func everyPolicyKey() throws {
        let names = Self.propertyNames(in: try JSON.parse(try Self.text("policy/semgate.schema.json")))
        let policy = try Self.text("docs/policy.md")
        #expect(names.count > 50)
        let missing = names.filter { !policy.contains("`\($0)") && !policy.contains("\($0):") }.sorted()
        #expect(missing.isEmpty, "keys the schema knows and docs/policy.md does not name: \(missing)")
    }

    @Test("docs/commands.md has a section for every command semgate --help lists")
    func everyCommand() throws {
        let help = try runSemgate(["--help"], environment: ["COLUMNS": "10000"])
        #expect(help.status == 0)
        let listing = help.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let commands = listing.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let name = line.split(separator: " ").first, name.first?.isLowercase == true
            else { return nil }
            return String(name)
        }
        #expect(commands.contains("check") && commands.contains("explain"), "\(commands)")
        let sections = try Self.text("docs/commands.md").components(separatedBy: "\n").filter { $0.hasPrefix("## ") }
        for command in commands where command != "help" {
            #expect(
                sections.contains { $0 == "## \(command)" || $0.hasPrefix("## \(command) ") },
                "docs/commands.md has no '## \(command)' section")
        }
    }
}
