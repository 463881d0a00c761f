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
        case "support-w80.txt": return SupportRenderer.text(table, source: source, width: 80)
        case "deprecations-w80.txt":
            return DeprecationsRenderer.text(
                try engine.deprecations(head: "HEAD", at: table.at), source: source, width: 80)
        case "deprecations-all-w80.txt":
            return DeprecationsRenderer.text(
                try engine.deprecations(head: "HEAD", at: table.at), source: source, width: 80, all: true)
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
        "deprecations.json", "support-w80.txt", "deprecations-w80.txt", "deprecations-all-w80.txt",
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

    @Test("text at width 80 fits 80 columns, and the overdue warning is said once")
    func fitsEighty() throws {
        let outputs = try LifecycleOutputs()
        for name in ["support-w80.txt", "deprecations-w80.txt", "deprecations-all-w80.txt"] {
            let text = try outputs.output(name)
            for line in text.split(separator: "\n") {
                #expect(line.count <= 80, "\(name): \(line)")
            }
        }
        let support = try outputs.output("support-w80.txt")
        #expect(support.components(separatedBy: "overdue").count == 2, "\(support)")
    }

    @Test("colour: phases and states are painted only when asked, and colour never moves a column")
    func colour() throws {
        let outputs = try LifecycleOutputs()
        let plain = SupportRenderer.text(outputs.table, source: outputs.source, width: 80)
        let painted = SupportRenderer.text(outputs.table, source: outputs.source, color: true, width: 80)
        #expect(painted.contains("\u{1B}[32mmaintained\u{1B}[0m"))
        #expect(painted.contains("\u{1B}[33msupported\u{1B}[0m"))
        let stripped = painted.replacing(/\x{1B}\[[0-9]+m/, with: "")
        #expect(stripped == plain)
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
        let spans = outputs.table.lines.flatMap { outputs.table.projections[$0.line]?.spans ?? $0.spans }.count
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

/// Where the SVG puts the date line and the phase labels.
private final class SVGGeometry: NSObject, XMLParserDelegate {
    var dateLine: Int?
    /// Each label inside a bar: its x, its baseline and its text.
    var labels: [(x: Int, y: Int, text: String)] = []
    /// Each bar: x, y, width, height.
    var bars: [(x: Int, y: Int, width: Int, height: Int)] = []
    private var labelY = 0
    var yearLabels: [String] = []
    private var groups: [String] = []
    private var labelX: Int?
    private var current = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "g": groups.append(attributes["id"] ?? "")
        case "line" where groups.last == "date": dateLine = attributes["x1"].flatMap { Int($0) }
        case "rect" where groups.last == "lines":
            let number = { (key: String) in attributes[key].flatMap { Int($0) } ?? 0 }
            bars.append((number("x"), number("y"), number("width"), number("height")))
        case "text":
            labelX = attributes["x"].flatMap { Int($0) }
            labelY = attributes["y"].flatMap { Int($0) } ?? 0
            current = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "g": groups.removeLast()
        case "text" where groups.last == "lines" && current.first?.isLetter == true && current.first != "v":
            labels.append((labelX ?? 0, labelY, current))
        case "text" where groups.last == "axis": yearLabels.append(current)
        default: break
        }
    }
}

@Suite("Support timeline")
struct SupportTimelineTests {
    private func geometry(_ svg: String) throws -> SVGGeometry {
        let geometry = SVGGeometry()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = geometry
        #expect(parser.parse())
        return geometry
    }

    private func k6Like(at: String) throws -> SupportTable {
        var releases: [ReleasePoint] = []
        for spec in [
            "0.59.0@2025-05-05", "1.0.0@2025-05-06", "1.8.1@2026-08-12", "2.0.0@2026-05-11", "2.2.0@2026-08-10",
        ] {
            let parts = spec.split(separator: "@").map(String.init)
            releases.append(
                ReleasePoint(
                    version: try #require(Version.parse(parts[0])), day: try #require(CalendarDay(iso: parts[1]))))
        }
        let policy = try #require(SupportPolicy.presets["k6"])
        let cadence = CadencePolicy(major: PolicyDuration(1, .years))
        var table = Support.table(
            releases: releases, policy: policy, cadence: cadence, at: try #require(CalendarDay(iso: at)))
        table.projections = Support.projections(of: table, releases: releases)
        return table
    }

    /// Every fourth day for a year and a half around 2.0.0, whose labels start right where the date line passes.
    static let days: [String] = (0..<140).map { index in
        CalendarDay(daysSinceEpoch: 20_563 + index * 4).description
    }

    @Test("no phase label crosses the date line or leaves its bar, whatever the date", arguments: days)
    func labelsClearTheDateLine(at: String) throws {
        let geometry = try geometry(SupportSVG.render(try k6Like(at: at), title: "k6"))
        let now = try #require(geometry.dateLine)
        #expect(!geometry.labels.isEmpty)
        for label in geometry.labels {
            let width = Int((Double(label.text.count) * SupportSVG.characterWidth).rounded(.up))
            #expect(
                !(label.x - 2...label.x + width + 2).contains(now),
                "label '\(label.text)' at \(label.x)...\(label.x + width) crosses the date line at \(now) on \(at)")
            let inside = geometry.bars.contains { bar in
                bar.y <= label.y && label.y <= bar.y + bar.height && bar.x <= label.x
                    && label.x + width <= bar.x + bar.width
            }
            #expect(inside, "label '\(label.text)' at \(label.x)...\(label.x + width) is outside its bar on \(at)")
        }
    }

    @Test("the window: three years back by default, from the oldest supported line when older, or --since")
    func window() throws {
        let table = try k6Like(at: "2026-12-05")
        let (start, end) = SupportSVG.window(table)
        #expect(start == CalendarDay(iso: "2023-12-01"))
        // Past the projected end of line 2 (2028-05-11).
        #expect(end == CalendarDay(iso: "2028-06-01"))
        #expect(SupportSVG.window(table, since: CalendarDay(iso: "2025-03-15")).0 == CalendarDay(iso: "2025-03-01"))
        let years = try geometry(SupportSVG.render(table, title: "k6")).yearLabels
        #expect(!years.contains("2016") && years.contains("2024") && years.contains("2028"), "\(years)")
        // A line supported for longer than three years (no 3.0.0 by 2028-09 here) pulls the window back to its first
        // release (2025-05-06).
        let old = SupportSVG.window(try k6Like(at: "2028-09-01"))
        #expect(old.0 == CalendarDay(iso: "2025-05-01"))
    }
}
