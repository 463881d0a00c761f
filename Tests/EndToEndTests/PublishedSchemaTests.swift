import Foundation
import Testing
import TestSupport

/// The JSON Schemas published in `docs/schemas` describe what the built binary prints: every json output on the
/// sample repository validates against its schema. The schemas forbid keys they do not list, so a new key in an
/// output fails here until the schema (and docs/output.md) describe it.
@Suite("Published JSON Schemas")
struct PublishedSchemaTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/schemas")

    static func validator(_ file: String) throws -> JSONSchemaValidator {
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(file)), as: UTF8.self)
        return JSONSchemaValidator(root: try JSON.parse(text))
    }

    /// One run of the binary: its arguments (`--format json` is added), the schema its output follows, its status.
    struct Run: Sendable, CustomStringConvertible {
        let arguments: [String]
        let schema: String
        let status: Int32
        var description: String { "semgate " + arguments.joined(separator: " ") }
    }

    /// The support policy the lifecycle commands read: the sample's own with a `support:` section and a cadence.
    static let supportPolicy = "support.yml"

    static let runs: [Run] = [
        Run(arguments: ["check"], schema: "report-1.json", status: 0),
        Run(arguments: ["check", "--version", "2.1.1"], schema: "report-1.json", status: 1),
        Run(arguments: ["check", "--head", "v2.1.0", "--version", "v2.1.0"], schema: "report-1.json", status: 1),
        Run(arguments: ["check", "--allow", "patch", "--only", "cli:**"], schema: "report-1.json", status: 1),
        Run(arguments: ["check", "--base", "v1.1.0", "--head", "v1.2.0"], schema: "report-1.json", status: 0),
        Run(arguments: ["audit"], schema: "report-1.json", status: 1),
        Run(arguments: ["diff", "v2.0.0", "HEAD"], schema: "report-1.json", status: 0),
        Run(arguments: ["surface", "v1.0.0"], schema: "report-1.json", status: 0),
        Run(arguments: ["deprecations"], schema: "deprecations-1.json", status: 0),
        Run(arguments: ["deprecations", "--head", "v1.2.0"], schema: "deprecations-1.json", status: 0),
        Run(
            arguments: ["support", "--policy", supportPolicy, "--at", "2025-01-01"], schema: "support-1.json",
            status: 0),
        Run(
            arguments: ["support", "--policy", supportPolicy, "--at", "2025-01-01", "1.1.0"],
            schema: "support-1.json", status: 0),
        Run(
            arguments: ["fix-targets", "--policy", supportPolicy, "--at", "2025-01-01", "1.1.0"],
            schema: "support-1.json", status: 0),
    ]

    /// The sample repository with the support policy written beside its working tree.
    static func sample() throws -> (FixtureRepository, TemporaryFolder) {
        let repo = try sampleRepository()
        let folder = try TemporaryFolder()
        let policy = try String(contentsOf: repo.url.appendingPathComponent(".semgate.yml"), encoding: .utf8)
        try (policy + "support: {preset: k6}\ncadence: {major: 1 year, minor: 6 weeks}\n")
            .write(to: folder.url.appendingPathComponent(supportPolicy), atomically: true, encoding: .utf8)
        return (repo, folder)
    }

    /// The json the binary prints for `run`, after checking its exit status.
    static func output(of run: Run, repo: FixtureRepository, folder: TemporaryFolder) throws -> JSON {
        let arguments = run.arguments.map { $0 == supportPolicy ? folder.url.appendingPathComponent($0).path : $0 }
        let result = try runSemgate(arguments + ["--repo", repo.url.path, "--format", "json"], in: repo.url)
        #expect(result.status == run.status, "\(run): exit status; stderr: \(result.stderr)")
        return try JSON.parse(result.stdout)
    }

    @Test("every json output of the built binary validates against its published schema")
    func realOutputsValidate() throws {
        let (repo, folder) = try Self.sample()
        var covered: Set<String> = []
        for run in Self.runs {
            let document = try Self.output(of: run, repo: repo, folder: folder)
            let problems = try Self.validator(run.schema).validate(document)
            #expect(problems.isEmpty, "\(run): \(problems.prefix(5))")
            if case .string(let command)? = document["command"] { covered.insert(command) }
        }
        #expect(covered == ["check", "audit", "diff", "surface", "deprecations", "support", "fix-targets"])
    }

    @Test("the schemas are strict: every object forbids keys it does not list")
    func schemasAreStrict() throws {
        for file in ["report-1.json", "support-1.json", "deprecations-1.json"] {
            let text = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(file)), as: UTF8.self)
            var loose: [String] = []
            Self.objectsWithProperties(in: try JSON.parse(text), at: file, into: &loose)
            #expect(loose.isEmpty, "objects without additionalProperties: false: \(loose)")
        }
    }

    /// Every schema object with `properties` and without `additionalProperties: false`.
    static func objectsWithProperties(in schema: JSON, at path: String, into loose: inout [String]) {
        switch schema {
        case .object(let members):
            if schema["properties"] != nil, schema["additionalProperties"] != .bool(false) { loose.append(path) }
            for (key, value) in members { objectsWithProperties(in: value, at: "\(path)/\(key)", into: &loose) }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                objectsWithProperties(in: element, at: "\(path)/\(index)", into: &loose)
            }
        default: break
        }
    }

    /// A wrong document made from a real one, and what the validator must say about it.
    struct Mutation: Sendable, CustomStringConvertible {
        let description: String
        let expected: String
        let change: @Sendable (JSON) -> JSON
    }

    static let mutations: [Mutation] = [
        Mutation(description: "a required key is missing", expected: "missing required property 'verdict'") {
            $0.setting("verdict", to: nil)
        },
        Mutation(description: "a key the schema does not list", expected: "property 'surprise' is not allowed") {
            $0.setting("surprise", to: .bool(true))
        },
        Mutation(description: "a value outside an enum", expected: "not one of the enumerated values") {
            $0.setting("verdict", to: .string("maybe"))
        },
        Mutation(description: "another schema version", expected: "not the constant") {
            $0.setting("schema", to: .string("semgate/report@2"))
        },
        Mutation(description: "a wrong type", expected: "expected array, found string") {
            $0.setting("changes", to: .string("none"))
        },
        Mutation(description: "an integer where a string belongs", expected: "expected string or null, found number") {
            $0.setting("next", to: .number(2, isInteger: true))
        },
        Mutation(
            description: "a nested object through $ref misses a key", expected: "$.findings[0]: missing required"
        ) {
            $0.setting("findings", to: .array([.object([("rule", .string("feature-in-patch"))])]))
        },
        Mutation(
            description: "a nested object through $ref has an unknown key",
            expected: "$.base: matches 0 of oneOf"
        ) {
            $0.setting("base", to: .object([("rev", .string("v1")), ("sha", .string("x"))]))
        },
    ]

    @Test("the validator rejects wrong documents made from a real report", arguments: mutations)
    func rejectsWrongDocuments(mutation: Mutation) throws {
        let (repo, folder) = try Self.sample()
        let real = try Self.output(of: Self.runs[1], repo: repo, folder: folder)
        let validator = try Self.validator("report-1.json")
        #expect(try validator.validate(real).isEmpty)
        let problems = try validator.validate(mutation.change(real))
        #expect(
            problems.contains { $0.description.contains(mutation.expected) },
            "expected '\(mutation.expected)', got \(problems)")
    }

    @Test("one command's json does not pass for another's schema")
    func schemasDoNotOverlap() throws {
        let (repo, folder) = try Self.sample()
        let check = try Self.output(of: Self.runs[0], repo: repo, folder: folder)
        let deprecations = try Self.output(of: Self.runs[8], repo: repo, folder: folder)
        let support = try Self.output(of: Self.runs[10], repo: repo, folder: folder)
        #expect(try !Self.validator("support-1.json").validate(check).isEmpty)
        #expect(try !Self.validator("deprecations-1.json").validate(support).isEmpty)
        #expect(try !Self.validator("report-1.json").validate(deprecations).isEmpty)
    }

    @Test("a $ref to a definition that does not exist is an error of the schema, not a pass")
    func danglingReference() throws {
        let validator = JSONSchemaValidator(root: try JSON.parse(##"{"$ref": "#/$defs/nothing", "$defs": {}}"##))
        #expect(throws: JSONSchemaError.self) { try validator.validate(.null) }
    }
}

extension JSON {
    /// This object with `key` set to `value`, or removed when `value` is nil.
    fileprivate func setting(_ key: String, to value: JSON?) -> JSON {
        guard case .object(var members) = self else { return self }
        members.removeAll { $0.0 == key }
        if let value { members.append((key, value)) }
        return .object(members)
    }
}
