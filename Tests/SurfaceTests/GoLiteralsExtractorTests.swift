import Foundation
import Policy
@testable import Surface
import Testing
import TestSupport

/// An engine that embeds a scripting runtime and registers its modules by name, in the styles Go code uses.
private let modules: [String: String] = [
    "js/modules/app/net/net.go": #"""
    package net

    // Module is the root module.
    type Module struct{ exports *Object }

    func (m *Module) init(rt *Runtime) {
        mustExport := func(name string, value any) { m.exports.Set(name, value) }
        mustExport("get", m.get)
        mustExport("Client", m.newClient) // a constructor
        m.exports.Set("request", m.request)
        headers.Set("User-Agent", "not an export")
        mustExport(dynamicName, m.other)
    }

    // Response is what get returns.
    type Response struct {
        Status     int
        StatusText string `js:"statusText"`
        TLSVersion string
        Hidden     string `js:"-"`
        internal   string
    }

    func (r *Response) JSON() any          { return nil }
    func (r *Response) ClickLink() error   { return nil }
    func (r *Response) unexported()        {}
    """#,
    "js/modules/app/crypto/crypto.go": #"""
    package crypto

    func (c *Crypto) Exports() Exports {
        return Exports{
            Named: map[string]interface{}{
                "sha256": c.sha256,
                "hmac": func(a, b string) map[string]string {
                    return map[string]string{"nested": "not a key"}
                },
            },
        }
    }
    """#,
    "js/modules/app/crypto/crypto_test.go": #"""
    package crypto

    var _ = Exports{Named: map[string]any{"fromTest": nil}}
    """#,
    "other/ignored.go": #"""
    package other

    func init() { mustExport("outside", nil) }
    """#,
]

private let policy = #"""
    semgate: 1
    surfaces:
      js:
        extract:
          go-literals:
            files: ["js/modules/**/*.go", "other/*.go"]
            path: '^js/modules/(?<module>app(?:/[a-z]+)*)/[^/]+\.go$'
            calls: [mustExport, exports.Set]
            maps: [Named]
            members: [Response]
            tags: [js]
            method-names: lower-camel
            field-names: snake
            key: "{module}.{name}"
    """#

@Suite("go-literals extractor")
struct GoLiteralsExtractorTests {
    /// An `env` surface of the string literals of `cmd/*.go` that are names beginning with `APP_`.
    static let appStrings = #"""
        semgate: 1
        surfaces:
          env:
            extract:
              go-literals:
                files: ["cmd/*.go"]
                strings: '^(?<name>APP_[A-Z0-9_]*[A-Z0-9])$'
        """#

    @Test("call arguments, map keys, members and tags become keys; other strings, tests and paths do not")
    func keys() throws {
        let repo = try FixtureRepository()
        for (path, text) in modules { try repo.write(path, text) }
        try repo.commit("modules")
        let snapshot = try surface(of: repo, policy: policy)
        #expect(
            snapshot.sortedItems.map(\.key) == [
                "app/crypto.hmac", "app/crypto.sha256", "app/net.Client", "app/net.Response.clickLink",
                "app/net.Response.json", "app/net.Response.status", "app/net.Response.statusText",
                "app/net.Response.tls_version", "app/net.get", "app/net.request",
            ])
        #expect(snapshot.items["js:app/net.get"]?.location == Location(path: "js/modules/app/net/net.go", line: 8))
        #expect(snapshot.items.values.allSatisfy { $0.attributes.isEmpty && $0.stability == .stable })
    }

    @Test("strings: every string literal a pattern matches, also in raw strings; struct tags are one literal")
    func strings() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "cmd/env.go",
            #"""
            package cmd

            const configEnv = "APP_CONFIG"

            type Options struct {
                Quiet bool `json:"quiet" envconfig:"APP_QUIET"`
            }

            func read(env map[string]string) {
                _ = env["APP_TOKEN"]
                _ = os.Getenv(`APP_HOME`)
                _ = "APP_PREFIX_" + name
                _ = "not APP_INNER"
            }
            """#)
        try repo.write("cmd/env_test.go", #"package cmd; var _ = "APP_FROM_TEST""#)
        try repo.commit("env")
        let snapshot = try surface(
            of: repo,
            policy: Self.appStrings)
        #expect(snapshot.sortedItems.map(\.key) == ["APP_CONFIG", "APP_HOME", "APP_TOKEN"])
    }

    @Test("strings: names spelled only through escapes or a raw string's carriage returns are found; files without are not")
    func stringsThroughEscapes() throws {
        let repo = try FixtureRepository()
        // Only APP_PLAIN is written as it is found: the others appear once their literal is unquoted.
        try repo.write("cmd/hex.go", "package cmd\n\nvar a = \"\\x41PP_HEX\"\n")
        try repo.write("cmd/octal.go", "package cmd\n\nvar b = \"\\101PP_OCTAL\"\n")
        try repo.write("cmd/raw.go", "package cmd\n\nvar c = `AP\rP_RAW`\n")
        try repo.write("cmd/unicode.go", "package cmd\n\n// café\nvar d = \"\\u0041PP_UNI\"\nvar e = \"APP_PLAIN\"\n")
        try repo.write("cmd/none.go", "package cmd\n\nvar f = \"APP_\" + \"X\"\nvar g = `APPX_Y`\n")
        try repo.commit("env")
        let snapshot = try surface(
            of: repo,
            policy: Self.appStrings)
        #expect(snapshot.sortedItems.map(\.key) == ["APP_HEX", "APP_OCTAL", "APP_PLAIN", "APP_RAW", "APP_UNI"])
    }

    @Test("a text's literals are runs of it exactly when it is ASCII without backslash or carriage return, at any offset")
    func literalsAreRunsWordWise() {
        let alphabet: [UInt8] = [0x41, 0x20, 0x22, 0x5C, 0x0D, 0x0A, 0x7F, 0x80, 0xC3, 0xA9, 0x5B, 0x0C, 0x1D, 0x5D]
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "a", "abcdefgh", "abcdefg\\", "abcdefgh\\", "\\abcdefgh", "abcdefghijklmno\r", "é", "abcdefghé"]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...40, using: &generator)
            // Mostly plain bytes, so that most texts pass and one odd byte sits anywhere in a word.
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<8, using: &generator) == 0
                    ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0x20...0x7E, using: &generator)
            }
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        for text in texts {
            let expected = !text.utf8.contains { $0 >= 0x80 || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\r") }
            #expect(GoLiteralsExtractorSpec.literalsAreRuns(of: text) == expected, "\(text.debugDescription)")
        }
    }

    @Test(
        "arguments: a call's first argument through the constants and range variables of its file, later ones as attributes"
    )
    func joinedArguments() throws {
        let repo = try FixtureRepository()
        try repo.write(
            "metrics/builtin.go",
            #"""
            package metrics

            const (
                VUsName             = "vus"
                HTTPReqDurationName = "http_req_duration"
                DataSentName string = "data_sent"
            )

            func Register(registry *Registry) *Builtin {
                return &Builtin{
                    VUs:             registry.MustNewMetric(VUsName, Gauge),
                    HTTPReqDuration: registry.MustNewMetric(HTTPReqDurationName, metrics.Trend, metrics.Time),
                    DataSent:        registry.MustNewMetric(
                        DataSentName, Counter, Data),
                    Literal:         registry.MustNewMetric("iterations", Counter),
                    Unknown:         registry.MustNewMetric(computedName(), Counter),
                }
            }
            """#)
        try repo.write(
            "browser/metrics.go",
            #"""
            package browser

            const (
                vitalCLS = "CLS"
                vitalLCP = "LCP"
                clsName  = "browser_web_vital_cls"
                lcpName  = "browser_web_vital_lcp"
            )

            func Register(registry *Registry) {
                wvs := map[string]string{
                    vitalCLS: clsName, // a comment
                    vitalLCP: lcpName,
                }
                for k, v := range wvs {
                    t := metrics.Time
                    if k == vitalCLS {
                        t = metrics.Default
                    }
                    vitals[k] = registry.MustNewMetric(v, metrics.Trend, t)
                }
            }
            """#)
        try repo.commit("metrics")
        let snapshot = try surface(
            of: repo,
            policy: #"""
                semgate: 1
                surfaces:
                  metric-types:
                    extract:
                      go-literals:
                        files: ["**/*.go"]
                        calls: [registry.MustNewMetric]
                        arguments: [type, unit]
                """#)
        let found = snapshot.sortedItems.map { item in
            ([item.key] + item.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
                .joined(separator: " ")
        }
        #expect(
            found == [
                "browser_web_vital_cls type=Trend unit=Time|Default",
                "browser_web_vital_lcp type=Trend unit=Time|Default",
                "data_sent type=Counter unit=Data",
                "http_req_duration type=Trend unit=Time",
                "iterations type=Counter",
                "vus type=Gauge",
            ])
        #expect(snapshot.items["metric-types:data_sent"]?.location?.line == 14)
    }

    @Test("a removed export is a major change; nothing else about an item is breaking")
    func removal() throws {
        let repo = try FixtureRepository()
        for (path, text) in modules { try repo.write(path, text) }
        try repo.commit("modules")
        try repo.tag("v1.0.0")
        try repo.write(
            "js/modules/app/net/net.go",
            modules["js/modules/app/net/net.go", default: ""].replacingOccurrences(
                of: #"mustExport("get", m.get)"#, with: #"mustExport("fetch", m.get)"#))
        try repo.commit("rename get")
        let parsed = try loadPolicy(policy)
        let old = try surface(of: repo, at: "v1.0.0", policy: policy)
        let new = try surface(of: repo, policy: policy)
        let changes = SurfaceDiff.changes(from: old, to: new, policy: parsed)
        #expect(
            changes.map { "\($0.kind) \($0.key) \($0.bump)" } == [
                "added app/net.fetch minor", "removed app/net.get major",
            ])
    }

    @Test(
        "bad settings are reported with position and fix",
        arguments: [
            (
                "{files: [\"*.go\"]}",
                "5:7: the go-literals extractor of surface 'js' finds nothing; add 'calls', 'indexes', 'maps', 'members', 'tags' or 'strings', e.g. calls: [mustExport]"
            ),
            (
                "{files: [\"*.go\"], calls: [\"a.b.c\"]}",
                "5:45: 'a.b.c' in 'calls' in the go-literals extractor of surface 'js' is not a Go identifier; write a name like mustExport or exports.Set"
            ),
            (
                "{files: [\"*.go\"], maps: [Named], method-names: camel}",
                "5:67: invalid name style 'camel' for 'method-names' in the go-literals extractor of surface 'js'; expected one of: go, lower-camel, snake"
            ),
            (
                "{files: [\"*.go\"], maps: [Named], key: \"{modul}.{name}\"}",
                "5:58: surface 'js': unknown placeholder '{modul}' in key template '{modul}.{name}'; expected one of: name, path, dir, stem, file"
            ),
            (
                "{maps: [Named]}",
                "5:7: the go-literals extractor of surface 'js' has no 'files'; add e.g. files: [\"js/**/*.go\"]"
            ),
            (
                "{files: [\"*.go\"], maps: [Named], callz: [x]}",
                "5:53: unknown key 'callz' in the go-literals extractor of surface 'js'; did you mean 'calls'?"
            ),
        ])
    func diagnostics(settings: String, expected: String) {
        let yaml = "semgate: 1\nsurfaces:\n  js:\n    extract:\n      go-literals: \(settings)\n"
        #expect(throws: PolicyError.self) { try loadPolicy(yaml) }
        do {
            _ = try loadPolicy(yaml)
        } catch let error as PolicyError {
            #expect(error.description.contains(expected), "\(error.description)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
