import Foundation
import Git
import Pattern
import Policy
@testable import Surface
import Testing
import TestSupport

@Suite("regex extractor")
struct RegexExtractorTests {
    static let metricsPolicy = #"""
        semgate: 1
        surfaces:
          metrics:
            extract:
              regex:
                files: ["metrics/*.go"]
                pattern: 'NewMetric\("(?<name>[a-z_]+)",\s*(?<type>Counter|Gauge|Trend|Rate)(?:,\s*(?<unit>Time|Data))?'
        """#

    @Test("a blob a surface reads and the object store lacks is an error naming its path, never a note (fail closed)")
    func missingBlob() throws {
        let repo = try FixtureRepository()
        try repo.write("metrics/a.go", #"var A = NewMetric("a_total", Counter)"#)
        try repo.write("metrics/b.go", #"var B = NewMetric("b_total", Gauge)"#)
        try repo.commit("two metric files")
        let blob = try repo.git("rev-parse", "HEAD:metrics/b.go").trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(
            at: repo.url.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"))
        let missing = MissingObject(id: blob, kind: "blob", path: "metrics/b.go", partialClone: nil)
        #expect(throws: SurfaceError.self) { try surface(of: repo, policy: Self.metricsPolicy) }
        do {
            _ = try surface(of: repo, policy: Self.metricsPolicy)
        } catch SurfaceError.git(let error) {
            #expect(error == .missingObject(missing))
        }
    }

    @Test("the name group is the key, every other named group that took part is an attribute")
    func namedGroups() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "metrics/builtin.go",
            """
            package metrics

            var (
            \tHTTPReqs = NewMetric("http_reqs", Counter)
            \tDuration = NewMetric("http_req_duration", Trend, Time)
            )

            """)
        try repo.write("other/ignored.go", #"var X = NewMetric("not_listed", Counter)"#)
        try repo.commit("metrics")
        let snapshot = try surface(of: repo, policy: Self.metricsPolicy)
        #expect(snapshot.sortedItems.map(\.id) == ["metrics:http_req_duration", "metrics:http_reqs"])
        let reqs = try #require(snapshot.items["metrics:http_reqs"])
        #expect(reqs.attributes == ["type": "Counter"])
        #expect(reqs.stability == .stable)
        #expect(reqs.location == Location(path: "metrics/builtin.go", line: 4))
        let duration = try #require(snapshot.items["metrics:http_req_duration"])
        #expect(duration.attributes == ["type": "Trend", "unit": "Time"])
        #expect(duration.location?.line == 5)
        #expect(snapshot.notes.isEmpty)
    }

    @Test(
        "key templates fill path placeholders and groups",
        arguments: [
            ("{stem} --{name}", "flags --out"),
            ("{dir}/{name}", "cmd/run/out"),
            ("{path}#{name}", "cmd/run/flags.go#out"),
            ("{file}:{name}", "flags.go:out"),
            ("{kind}-{name}", "String-out"),
            ("  {name}  ", "out"),
            ("{kind:kebab}-{name:go}", "string-out"),
            ("{stem:lower}.{kind:lower-camel}", "flags.string"),
        ])
    func keyTemplate(template: String, expected: String) throws {
        let repo = try FixtureRepository()
        try repo.write("cmd/run/flags.go", #"flags.String("out", "", "output")"#)
        try repo.commit("flags")
        let yaml = #"""
            semgate: 1
            surfaces:
              cli:
                extract:
                  regex:
                    files: ["cmd/**/*.go"]
                    pattern: 'flags\.(?<kind>String|Bool)\("(?<name>[a-z]+)"'
                    key: "\#(template)"
            """#
        let snapshot = try surface(of: repo, policy: yaml)
        #expect(snapshot.sortedItems.map(\.key) == [expected])
        #expect(snapshot.items["cli:\(expected)"]?.attributes == ["kind": "String"])
    }

    @Test(
        "a name style respells a placeholder: Go enum constants read as the names users type",
        arguments: [
            ("ExperimentalPrometheusRW", "kebab", "experimental-prometheus-rw"), ("JSON", "kebab", "json"),
            ("Opentelemetry", "kebab", "opentelemetry"), ("TLSVersion", "snake", "tls_version"),
            ("HTTPReqDuration", "snake", "http_req_duration"), ("ClickLink", "lower-camel", "clickLink"),
            ("URL", "lower-camel", "url"), ("Influxdb", "lower", "influxdb"), ("CSV", "go", "CSV"),
        ])
    func nameStyles(name: String, style: String, expected: String) throws {
        let repo = try FixtureRepository()
        try repo.write("outputs.go", "builtinOutput\(name).String(): new\n")
        try repo.commit("outputs")
        let yaml = #"""
            semgate: 1
            surfaces:
              outputs:
                extract:
                  regex:
                    files: ["*.go"]
                    pattern: 'builtinOutput(?<name>\w+)\.String\(\):'
                    key: "{name:\#(style)}"
            """#
        let snapshot = try surface(of: repo, policy: yaml)
        #expect(snapshot.sortedItems.map(\.key) == [expected])
    }

    @Test("a pattern runs over the whole file, so a match may span lines; the line is that of the name group")
    func spanningLines() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "options/options.js",
            """
            // options
            export const options = [
              option({
                name: "alpha",
                type: "int",
              }),
              option({ name: "beta", type: "string" }),
            ];

            """)
        try repo.commit("options")
        let yaml = #"""
            semgate: 1
            surfaces:
              options:
                extract:
                  regex:
                    files: ["options/*.js"]
                    pattern: 'option\(\{\s*name:\s*"(?<name>\w+)",\s*type:\s*"(?<type>\w+)"'
            """#
        let snapshot = try surface(of: repo, policy: yaml)
        #expect(snapshot.sortedItems.map(\.key) == ["alpha", "beta"])
        #expect(snapshot.items["options:alpha"]?.attributes == ["type": "int"])
        #expect(snapshot.items["options:alpha"]?.location == Location(path: "options/options.js", line: 4))
        #expect(snapshot.items["options:beta"]?.location == Location(path: "options/options.js", line: 7))
    }

    @Test("a non-empty group named deprecated marks the item deprecated and is not an attribute")
    func deprecatedGroup() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "api/api.go",
            """
            package api

            // Deprecated: use Run.
            func Start() {}

            func Run() {}

            """)
        try repo.commit("api")
        let yaml = #"""
            semgate: 1
            surfaces:
              funcs:
                extract:
                  regex:
                    files: ["api/*.go"]
                    pattern: '(?<deprecated>// Deprecated:[^\n]*\n)?func (?<name>[A-Z]\w*)\('
            """#
        let snapshot = try surface(of: repo, policy: yaml)
        #expect(snapshot.items["funcs:Start"]?.stability == .deprecated)
        #expect(snapshot.items["funcs:Run"]?.stability == .stable)
        #expect(snapshot.items["funcs:Start"]?.attributes == [:])
        #expect(snapshot.items["funcs:Start"]?.location?.line == 4)
    }

    @Test("an extractor's stability applies to every item it finds")
    func extractorStability() throws {
        let repo = try FixtureRepository()
        try repo.write("beta/b.go", "func Try() {}\n")
        try repo.commit("beta")
        let yaml = #"""
            semgate: 1
            surfaces:
              funcs:
                extract:
                  regex:
                    files: ["beta/*.go"]
                    pattern: 'func (?<name>[A-Z]\w*)'
                    stability: experimental
            """#
        #expect(try surface(of: repo, policy: yaml).items["funcs:Try"]?.stability == .experimental)
    }

    @Test("two extractors of one surface are united; an item both find keeps the first attributes")
    func unitedExtractors() throws {
        let repo = try FixtureRepository()
        try repo.write("old/metrics.go", #"NewMetric("vus", Gauge) NewMetric("iterations", Counter)"#)
        try repo.write("lib/metrics/builtin.go", #"NewMetric("vus", Trend) NewMetric("data_sent", Counter)"#)
        try repo.write("lib/metrics/deprecated.txt", "data_sent stability=deprecated\n")
        try repo.commit("metrics in two places")
        let yaml = #"""
            semgate: 1
            surfaces:
              metrics:
                extract:
                  - regex:
                      files: ["old/*.go"]
                      pattern: 'NewMetric\("(?<name>[a-z_]+)",\s*(?<type>\w+)'
                  - regex:
                      files: ["lib/**/*.go"]
                      pattern: 'NewMetric\("(?<name>[a-z_]+)",\s*(?<type>\w+)'
                  - list: lib/metrics/deprecated.txt
            """#
        let snapshot = try surface(of: repo, policy: yaml)
        #expect(snapshot.sortedItems.map(\.key) == ["data_sent", "iterations", "vus"])
        #expect(snapshot.items["metrics:vus"]?.attributes == ["type": "Gauge"])
        #expect(snapshot.items["metrics:vus"]?.location?.path == "old/metrics.go")
        #expect(snapshot.items["metrics:data_sent"]?.stability == .deprecated)
        #expect(snapshot.items["metrics:data_sent"]?.attributes == ["type": "Counter"])
    }

    @Test("a file absent at a revision yields no items there, and is not an error")
    func absentFile() throws {
        let repo = try FixtureRepository()
        try repo.write("README.md", "no metrics yet\n")
        try repo.commit("start")
        try repo.tag("v0.1.0")
        try repo.write("metrics/builtin.go", #"NewMetric("http_reqs", Counter)"#)
        try repo.commit("metrics")
        try repo.remove("metrics/builtin.go")
        try repo.commit("metrics moved out")
        let before = try surface(of: repo, at: "v0.1.0", policy: Self.metricsPolicy)
        #expect(before.items.isEmpty)
        #expect(before.notes.isEmpty)
        #expect(try surface(of: repo, at: "HEAD~1", policy: Self.metricsPolicy).sortedItems.map(\.key) == ["http_reqs"])
        #expect(try surface(of: repo, at: "HEAD", policy: Self.metricsPolicy).items.isEmpty)
    }

    /// `(a+)+$` after a name, over a run of `a` that ends in a non-match, takes a backtracking engine time exponential
    /// in the run's length. The work is counted in pattern steps, not seconds, so the proof does not depend on how
    /// busy the machine is: each byte costs a bounded number of steps, and doubling the text doubles them.
    @Test("a pathological pattern's work is linear in the text: steps per byte bounded, doubling the text doubles it")
    func pathologicalPatternWork() throws {
        let pattern = try Pattern("(?m)(?<name>[a-z]+)=(a+)+$")
        func steps(_ length: Int) throws -> Int {
            var budget = Int.max
            let found = try pattern.matches(
                in: "key=" + String(repeating: "a", count: length) + "\nother=" + String(repeating: "a", count: length)
                    + "!\n", budget: &budget, maximumMatches: 10)
            #expect(found.map { $0.groups["name"] } == ["key"])
            return Int.max - budget
        }
        let small = try steps(128 * 1024)
        let large = try steps(256 * 1024)
        #expect(Double(large) / Double(small) < 2.05, "\(small) steps for runs of 128 KiB, \(large) for 256 KiB")
        #expect(large < 16 * 512 * 1024, "\(large) steps for 512 KiB of text (10 a byte when written)")
    }

    @Test("a pathological pattern over a 1 MB file finishes with the right result")
    func pathologicalPattern() throws {
        let repo = try FixtureRepository()
        let run = String(repeating: "a", count: 1024 * 1024)
        try repo.write("data/match.txt", "key=" + run)
        try repo.write("data/nomatch.txt", "other=" + run + "!")
        try repo.commit("big files")
        let yaml = #"""
            semgate: 1
            surfaces:
              data:
                extract:
                  regex:
                    files: ["data/*.txt"]
                    pattern: '(?m)(?<name>[a-z]+)=(a+)+$'
            """#
        let snapshot = try surface(of: repo, policy: yaml)
        #expect(snapshot.sortedItems.map(\.key) == ["key"])
        #expect(snapshot.items["data:key"]?.location == Location(path: "data/match.txt", line: 1))
    }

    @Test("a key's trimming gives what Foundation's does, also for keys that skip Foundation's scan")
    func keyTrimming() {
        let tricky = [
            "", " ", "a", " a", "a ", "\ta\n", "K6_OUT", "x\u{85}", "\u{85}x", "x\u{2028}", "\u{A0}x", "x\u{3000}",
            "e\u{301}", "\u{301}", "a\u{7F}", "\u{7F}", "é", "a b", "a\r\n", "\u{200B}a", "😀x", "x😀", "~", "!",
        ]
        let alphabet: [Character] = ["a", "Z", "_", " ", "\t", "\n", "\r", "é", "e\u{301}", "\u{85}", "\u{A0}", "\u{7F}", "~", "😀"]
        var generator = SystemRandomNumberGenerator()
        var texts = tricky
        for _ in 0..<2_000 {
            texts.append(String((0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement()! }))
        }
        for text in texts {
            let trimmed = KeyTemplate.trimmed(text)
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Array(trimmed.unicodeScalars) == Array(expected.unicodeScalars), "\(text.debugDescription)")
        }
        #expect(KeyTemplate.fill("{stem}/{name} ", path: "a/b.c.go", groups: ["name": "Out"]) == "b.c/Out")
        #expect(KeyTemplate.fill(" {dir}.{file}", path: "top", groups: [:]) == ".top")
    }
}
