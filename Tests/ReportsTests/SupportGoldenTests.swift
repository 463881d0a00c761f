import Foundation
import Gate
import Git
import Lifecycle
import Policy
import Reports
import SemVer
import Testing
import TestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The LifecycleProject history, an engine over it, and every lifecycle output at 2025-09-01.
private struct LifecycleOutputs {
    let repo: FixtureRepository
    let engine: Engine
    let table: SupportTable
    let source: LifecycleSource

    init() throws {
        repo = try LifecycleProject.repository()
        let repository = try Repository(discovering: repo.url.path)
        let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
        engine = try Engine(repository: repository, policy: policy)
        table = try engine.supportTable(at: try #require(CalendarDay(iso: "2025-09-01")))
        source = LifecycleSource(policy: engine.policySourceName, project: engine.policy.project)
    }

    func output(_ name: String) throws -> String {
        let since = try Version("1.1.0")
        switch name {
        case "support.txt": return SupportRenderer.text(table, source: source)
        case "support.json": return SupportRenderer.json(table, source: source)
        case "support-endoflife.json": return SupportRenderer.endOfLife(table)
        case "support.svg": return SupportSVG.render(table, title: "lifecycle-sample release lines at \(table.at)")
        case "support-1.1.0.txt":
            return SupportRenderer.text(try Support.status(of: since, in: table), table: table, source: source)
        case "support-1.1.0.json":
            return SupportRenderer.json(try Support.status(of: since, in: table), table: table, source: source)
        case "fix-targets-1.1.0.txt":
            return SupportRenderer.fixTargetsText(
                try Support.fixTargets(since: since, in: table), since: since, table: table, source: source)
        case "fix-targets-1.1.0.json":
            return SupportRenderer.fixTargetsJSON(
                try Support.fixTargets(since: since, in: table), since: since, table: table, source: source)
        case "deprecations.txt":
            return DeprecationsRenderer.text(try engine.deprecations(head: "HEAD", at: table.at), source: source)
        case "deprecations.json":
            return DeprecationsRenderer.json(try engine.deprecations(head: "HEAD", at: table.at), source: source)
        default: throw CocoaError(.featureUnsupported)
        }
    }
}

@Suite("Lifecycle reports")
struct SupportGoldenTests {
    static let outputs = [
        "support.txt", "support.json", "support-endoflife.json", "support.svg", "support-1.1.0.txt",
        "support-1.1.0.json", "fix-targets-1.1.0.txt", "fix-targets-1.1.0.json", "deprecations.txt",
        "deprecations.json",
    ]

    @Test("golden support, fix-targets and deprecations outputs", arguments: outputs)
    func golden(name: String) throws {
        let outputs = try LifecycleOutputs()
        let output = try outputs.output(name)
        #expect(!output.contains(outputs.repo.url.path))
        #expect(!output.contains("\u{1B}["))
        let mismatch = try goldenMismatch(output, goldenFile: goldenFile(name))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("json outputs are byte-identical from a second engine on the same history")
    func deterministic() throws {
        let first = try LifecycleOutputs()
        let second = try LifecycleOutputs()
        for name in Self.outputs where !name.hasSuffix(".txt") {
            #expect(try first.output(name) == second.output(name), "\(name)")
        }
    }

    @Test("support json has the schema and the fields the contract promises")
    func supportKeys() throws {
        let outputs = try LifecycleOutputs()
        let table = try decode(try outputs.output("support.json"))
        #expect(table["schema"] as? String == "semgate/support@1")
        #expect(table["at"] as? String == "2025-09-01")
        let lines = try #require(table["lines"] as? [[String: Any]])
        for line in lines {
            for key in ["line", "phase", "first_release", "latest", "end"] {
                #expect(line.keys.contains(key), "lines[] has \(key)")
            }
        }
        let version = try decode(try outputs.output("support-1.1.0.json"))
        for key in ["version", "line", "phase", "gets_fixes", "upgrade_to"] {
            #expect(version.keys.contains(key), "support VERSION has \(key)")
        }
        #expect(version["gets_fixes"] as? Bool == false)
        #expect(version["upgrade_to"] as? String == "1.3.0")
        let fixes = try decode(try outputs.output("fix-targets-1.1.0.json"))
        let targets = try #require(fixes["targets"] as? [[String: Any]])
        #expect(targets.map { "\($0["line"] ?? "") \($0["release"] ?? "")" } == ["2 2.1.1", "1 1.3.1"])
        let cycles = try #require(
            try JSONSerialization.jsonObject(with: Data(try outputs.output("support-endoflife.json").utf8))
                as? [[String: Any]])
        for cycle in cycles {
            for key in ["releaseCycle", "releaseDate", "eol", "latest", "latestReleaseDate", "lts", "eoas"] {
                #expect(cycle.keys.contains(key), "endoflife cycle has \(key)")
            }
        }
    }

    @Test("the SVG timeline is well-formed XML with a bar a phase, line labels, the date marker and a legend")
    func svgParses() throws {
        let outputs = try LifecycleOutputs()
        let svg = try outputs.output("support.svg")
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "parse error: \(String(describing: parser.parserError))")
        #expect(collector.root == "svg")
        let spans = outputs.table.lines.flatMap(\.spans).count
        // One rect a phase span, plus the background and one legend swatch a phase name.
        #expect(collector.rects == spans + 1 + outputs.table.policy.phaseNames.count)
        for label in ["v2.x", "v1.x", "2025", "2026", "2025-09-01", "maintained", "supported", "deprecated"] {
            #expect(collector.texts.contains(label), "text '\(label)' in \(collector.texts)")
        }
        #expect(collector.groups == ["axis", "lines", "date", "legend"])
    }

    private func decode(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

/// Counts what an SVG holds.
private final class SVGCollector: NSObject, XMLParserDelegate {
    var root: String?
    var rects = 0
    var texts: [String] = []
    var groups: [String] = []
    private var inText = false
    private var current = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        switch name {
        case "rect": rects += 1
        case "g": if let id = attributes["id"] { groups.append(id) }
        case "text":
            inText = true
            current = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" {
            texts.append(current)
            inText = false
        }
    }
}
