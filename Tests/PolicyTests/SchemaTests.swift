import Foundation
import Surface
import Testing

@testable import Policy

/// `policy/semgate.schema.json` must describe exactly what the loader accepts.
@Suite("Policy JSON Schema")
struct SchemaTests {
    let schema: [String: Any]

    init() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("policy/semgate.schema.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        schema = try #require(object as? [String: Any])
    }

    private func object(_ path: String...) -> [String: Any] {
        var current: Any? = schema
        for key in path {
            current = (current as? [String: Any])?[key]
        }
        return current as? [String: Any] ?? [:]
    }

    private func keys(_ path: String...) -> Set<String> {
        var current: Any? = schema
        for key in path {
            current = (current as? [String: Any])?[key]
        }
        return Set((current as? [String: Any] ?? [:]).keys)
    }

    @Test func isDraft202012AndClosed() {
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] as? Bool == false)
        #expect(schema["required"] as? [String] == ["semgate"])
    }

    @Test func namesEveryKeyTheLoaderAccepts() {
        #expect(keys("properties") == Set(PolicyKeys.topLevel))
        #expect(keys("properties", "releases", "properties") == Set(PolicyKeys.releases))
        #expect(keys("$defs", "surface", "properties") == Set(PolicyKeys.surface))
        #expect(keys("$defs", "extractors", "properties") == Set(Extractors.all.map { $0.name }))
        #expect(keys("$defs", "regex", "properties") == Set(RegexExtractorSpec.keys))
        #expect(keys("$defs", "extractors", "properties", "cobra", "properties") == Set(CobraExtractorSpec.keys))
        #expect(keys("$defs", "deprecation", "properties") == Set(PolicyKeys.deprecation))
        #expect(keys("$defs", "exception", "properties") == Set(PolicyKeys.exception))
        #expect(keys("$defs", "versionFile", "properties") == Set(PolicyKeys.versionFile))
        #expect(keys("properties", "support", "properties") == Set(LifecycleKeys.support))
        #expect(keys("$defs", "phase", "properties") == Set(LifecycleKeys.phase))
        #expect(keys("$defs", "lineDates", "properties") == Set(LifecycleKeys.dates))
        #expect(keys("properties", "cadence", "properties") == Set(LifecycleKeys.cadence))
        #expect(keys("properties", "deprecation-period", "properties") == Set(LifecycleKeys.deprecationPeriod))
        #expect(keys("properties", "promotions", "properties") == Set(LifecycleKeys.promotions))
        #expect(keys("$defs", "promotion", "properties") == Set(LifecycleKeys.promotion))
        #expect(
            object("properties", "support", "properties", "preset")["enum"] as? [String] == SupportPolicy.presetNames)
        #expect(
            object("$defs", "phase", "properties", "from")["enum"] as? [String]
                == DurationAnchor.allCases.map(\.rawValue))
        #expect(
            object("$defs", "phase", "properties", "lines")["enum"] as? [String] == LineFilter.allCases.map(\.rawValue))
    }

    @Test func enumsFollowTheModel() {
        #expect(keys("properties", "rules", "properties") == Set(RuleID.allCases.map(\.id)))
        #expect(object("$defs", "severity")["enum"] as? [String] == Severity.settable.map(\.rawValue))
        #expect(
            object("properties", "releases", "properties", "initial-development")["enum"] as? [String]
                == InitialDevelopment.allCases.map(\.rawValue))
        #expect(object("properties", "hidden")["enum"] as? [String] == HiddenItems.allCases.map(\.rawValue))
        #expect(
            object("$defs", "regex", "properties", "stability")["enum"] as? [String]
                == Stability.allCases.map(\.rawValue))
        #expect(object("properties", "signals", "items")["enum"] as? [String] == Signal.allCases.map(\.rawValue))
    }
}

/// Every policy committed in the repository's `policy/` folder loads without a diagnostic.
@Suite("Committed policies")
struct CommittedPolicyTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("policy").resolvingSymlinksInPath()

    static var files: [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { found.append(path) }
        }
        return found.sorted()
    }

    @Test func thereAreSome() {
        #expect(!Self.files.isEmpty)
    }

    @Test(arguments: files)
    func loads(path: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(path), encoding: .utf8)
        do {
            let policy = try PolicyLoader.load(yaml: text, file: "policy/" + path, origin: .file(path: path))
            #expect(!policy.surfaces.isEmpty)
        } catch {
            Issue.record("\(error)")
        }
    }
}
