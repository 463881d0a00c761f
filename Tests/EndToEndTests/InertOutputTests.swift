import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A repository whose every field that reaches an output is hostile: item names from a pattern and from a list,
/// attribute values, file paths, a tag name, a list-file note, an exception reason, a deprecation's replacement,
/// the project name and support phase names. Each payload tries one way out: a line break (LF, CR, CR CR; a CRLF in
/// a file reads as LF) before a workflow command, ESC sequences (clear screen, colour, window title, OSC 8
/// hyperlink), BEL, C1 controls, bidi overrides and isolates, zero-width characters, line separators, `::command::` and `##[command]`, `%0A`, markdown,
/// HTML and XML terminators, pipes and backticks, and a very long name.
///
/// v1.0.0 declares `removed`, v1.1.0 removes them (major, without deprecation) and adds `added`, so check, diff and
/// audit report every payload in changes and findings; an exception excuses one removal with a hostile reason.
struct InertFixture {
    static let removed = [
        "nl\n::error::PWNED-lf",
        "cr\r::error::PWNED-cr",
        "crcr\r\r::stop-commands::PWNED-stop",
        "esc\u{1B}[2J\u{1B}[31mred\u{1B}]0;PWNED-title\u{7}",
        "osc8\u{1B}]8;;https://evil.example/\u{1B}\\PWNED-link\u{1B}]8;;\u{1B}\\",
        "c1\u{85}next\u{9B}31m\u{9D}PWNED-c1",
        "excused\n::warning::PWNED-excused",
    ]
    static let added = [
        "bidi\u{202E}dlrow\u{2066}iso\u{2069}\u{200F}",
        "::error::PWNED-start",
        "\u{A0}::warning::PWNED-nbsp",
        "legacy##[error]PWNED-legacy",
        "%0A::error::PWNED-percent",
        "</details><script>PWNED</script>]]><![CDATA[x",
        "pipe|a `b` **c** [l](https://e.example) @org",
        "zw\u{200B}\u{FEFF}\u{2028}ls\u{2029}ps\u{FE0F}",
        "long" + String(repeating: "x", count: 4000),
        "paint\u{1B}[33mPWNED-paint",
    ]
    static let removedPath = "api/old\n::error::PWNED-path\u{1B}[2J.txt"
    static let addedPath = "api/new\u{202E}txt.##[error]PWNED-path2"
    static let listKeys = ["k\u{1B}]8;;https://e.example/\u{7}PWNED-listkey", "::error::PWNED-listkey2"]
    static let listValue = "v\u{1B}[2J##[error]PWNED-value\u{9B}"
    static let noteToken = "bad\r::error::PWNED-note\u{1B}[2J"
    static let tag = "v9<b>|`%0A&amp;$x$\u{202E}"
    static let project = "proj\\e]0;PWNED-project\\a\\n::error::PWNED-project\\e[33mPWNED-paint"
    static let reason = "accepted\\n::error::PWNED-reason\\e[2J</details> | ]]>"
    static let replacement = "new\\n::error::PWNED-replacement\\e]8;;https://e.example/\\a\\e[2mPWNED-paint"
    static let phase = "active\\n::error::PWNED-phase\\e[2J\\u202E\\e[31mPWNED-paint"

    static var policy: String {
        """
        semgate: 1
        project: "\(project)"
        surfaces:
          api:
            extract:
              regex:
                files: ["api/*"]
                pattern: 'BEGIN\\((?<name>(?s:.*?))\\)END'
          options:
            extract:
              list: options.txt
        deprecations:
          - item: "options:old"
            since: 1.0.0
            use-instead: "\(replacement)"
        exceptions:
          - release: 1.1.0
            items: ["api:excused*"]
            reason: "\(reason)"
        support:
          phases:
            - {name: "\(phase)", newest: 1, takes: minor}
            - {name: "security", duration: 12 months, from: successor, takes: patch}

        """
    }

    let repo: FixtureRepository

    /// The repository, built once per test process: the tests only run semgate on it, which writes nothing.
    private static let shared = SharedRepository(history: write(into:))

    init() throws {
        repo = try Self.shared.repository
    }

    private static func write(into repo: FixtureRepository) throws {
        try repo.write(".semgate.yml", Self.policy)
        try repo.write(Self.removedPath, Self.declarations(Self.removed))
        try repo.write("options.txt", "old stability=deprecated\n")
        repo.clock = FixtureDates.date("2024-03-01")
        try repo.commit("Declare the first items")
        try repo.tag("v1.0.0", message: "1.0.0")
        try repo.tag(Self.tag)
        try repo.remove(Self.removedPath)
        try repo.write(Self.addedPath, Self.declarations(Self.added))
        let keys = Self.listKeys.map { "\($0) type=\(Self.listValue)\n" }.joined()
        try repo.write("options.txt", "old stability=deprecated\n\(keys)other \"\(Self.noteToken)\"\n")
        repo.clock = FixtureDates.date("2024-06-01")
        try repo.commit("Replace every item")
        try repo.tag("v1.1.0", message: "1.1.0")
    }

    private static func declarations(_ names: [String]) -> String {
        names.map { "BEGIN(\($0))END\n" }.joined()
    }

    /// Runs semgate in the repository.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try runSemgate(arguments, in: repo.url, environment: environment)
    }
}

/// Every command in every format on `InertFixture`: every line starts with semgate's own text, no raw control or
/// bidi character survives (but semgate's own colour codes), json reads back exactly, XML stays well-formed, and a
/// surface snapshot reads back exactly, so `--check` compares items.
@Suite("Inert output: repository text on the built binary")
struct InertOutputTests {
    static let reportFormats = ["text", "json", "markdown", "github", "sarif", "junit"]
    static let reportCommands: [[String]] = [
        ["check", "--version", "1.1.0"], ["check", "--base", "v1.0.0", "--head", "v1.1.0"], ["audit"],
        ["diff", "v1.0.0", "v1.1.0"], ["surface", "v1.1.0"], ["surface", "v1.0.0"], ["next", "--head", "v1.1.0"],
    ]

    @Test(
        "check, audit, diff, surface and next in every report format, with and without colour", arguments: reportFormats
    )
    func reports(format: String) throws {
        let fixture = try InertFixture()
        for command in Self.reportCommands {
            for color in ["always", "never"] {
                let arguments = command + ["--format", format, "--color", color]
                let result = try fixture.run(arguments)
                #expect([0, 1].contains(result.status), "\(arguments): \(result.stderr)")
                expectInert(result, format: format, color: color == "always", arguments)
            }
        }
    }

    @Test("the hostile names are really in the reports: json keeps them exactly, text shows them")
    func fixtureIsHostile() throws {
        let fixture = try InertFixture()
        let json = try fixture.run(["check", "--version", "1.1.0", "--format", "json"])
        let report = jsonObject(json.stdout)
        let items = Set(values(of: "item", in: "changes", of: report))
        for name in InertFixture.removed + InertFixture.added {
            #expect(items.contains("api:" + name), "\(name.debugDescription)")
        }
        for key in InertFixture.listKeys { #expect(items.contains("options:" + key), "\(key.debugDescription)") }
        let reasons = (report?["findings"] as? [[String: Any]] ?? []).compactMap { $0["exception"] as? String }
        #expect(reasons.contains { $0.contains("PWNED-reason") }, "the exception's reason is reported: \(reasons)")
        let locations = values(of: "location", in: "changes", of: report)
        for path in [InertFixture.removedPath, InertFixture.addedPath] {
            #expect(locations.contains { $0.hasPrefix(path + ":") }, "\(path.debugDescription) in \(locations)")
        }
        let text = try fixture.run(["check", "--version", "1.1.0", "--color", "always"])
        for marker in ["PWNED-lf", "PWNED-title", "PWNED-link", "PWNED-c1", "PWNED-start", "PWNED-legacy"] {
            #expect(text.stdout.contains(marker), "\(marker) is shown")
        }
        #expect(text.stdout.contains("nl␊::error::PWNED-lf"))
        #expect(text.stdout.contains("esc␛[2J␛[31mred␛]0;PWNED-title␇"))
        #expect(text.stdout.contains("bidi⟨U+202E⟩dlrow⟨U+2066⟩iso⟨U+2069⟩⟨U+200F⟩"))
        #expect(text.stdout.contains("legacy#⟨U+0023⟩[error]PWNED-legacy"))
        let audit = try fixture.run(["audit", "--format", "json"])
        #expect(audit.stdout.contains("v9<b>|`%0A&amp;$x$\\u202e"), "the hostile tag is reported")
    }

    @Test("support, fix-targets and deprecations in each of their formats")
    func lifecycle() throws {
        let fixture = try InertFixture()
        let runs: [([String], String)] = [
            (["support", "--format", "text"], "text"), (["support", "--format", "json"], "json"),
            (["support", "--format", "endoflife"], "json"), (["support", "--format", "svg"], "svg"),
            (["support", "1.1.0"], "text"), (["support", "1.1.0", "--format", "json"], "json"),
            (["fix-targets", "1.0.0"], "text"), (["fix-targets", "1.0.0", "--format", "json"], "json"),
            (["deprecations"], "text"), (["deprecations", "--format", "json"], "json"),
        ]
        for (command, format) in runs {
            for color in ["always", "never"] {
                let arguments = command + ["--at", "2024-07-01", "--color", color]
                let result = try fixture.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                expectInert(result, format: format, color: color == "always", arguments)
            }
        }
        let support = try fixture.run(["support", "--at", "2024-07-01"])
        #expect(support.stdout.contains("PWNED-project") && support.stdout.contains("PWNED-phase"))
        let deprecations = try fixture.run(["deprecations", "--at", "2024-07-01"])
        #expect(deprecations.stdout.contains("new␊::error::PWNED-replacement␛]8;;"))
    }

    @Test("policy validate, init and messages on stderr that quote repository text and arguments")
    func messages() throws {
        let fixture = try InertFixture()
        var runs: [[String]] = [
            ["policy", "validate"], ["check", "--base", "no\n::error::PWNED-rev\u{1B}[2J"],
            ["diff", "v1.0.0", "x##[error]PWNED-rev"], ["surface", "\u{202E}::warning::PWNED"],
            ["check", "--allow", "x\n::error::PWNED-arg\u{1B}]0;t\u{7}"], ["support", "--at", "2024\n::error::PWNED"],
            ["check", "--format", "x\n::error::PWNED-format"], ["next", "--pre", "rc\n::error::PWNED-pre"],
            ["check", "--version", "1.1.0\n::error::PWNED-version"],
            ["check", "--repo", "/nonexistent\n::error::PWNED-repo\u{1B}[2J"],
            ["check", "--policy", "missing\n::error::PWNED-policy.yml"], ["surface", "--check", "x\n##[error]PWNED"],
        ]
        let folder = try TemporaryFolder()
        let policy = try folder.write(
            "bad.yml",
            "semgate: 1\n\"bad\\n::error::PWNED-key\\e]0;t\\a\": 1\nproject: [\"x\\n::error::PWNED-value\"]\n")
        runs.append(["policy", "validate", policy])
        runs.append(["check", "--policy", policy])
        runs.append(["init", "--write", folder.url.appendingPathComponent("init.yml").path])
        for arguments in runs {
            let result = try fixture.run(arguments)
            expectNoCrash(result)
            expectInert(result, format: "text", color: false, arguments)
        }
        let bad = try fixture.run(["policy", "validate", policy])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad␊::error::PWNED-key␛]0;t␇"), "\(bad.stderr)")
        let revision = try fixture.run(["check", "--base", "no\n::error::PWNED-rev\u{1B}[2J"])
        #expect(revision.status == 2)
        #expect(revision.stderr.contains("no␊::error::PWNED-rev␛[2J"), "\(revision.stderr)")
    }

    @Test("surface --write escapes every name and --check reads them back exactly")
    func snapshotRoundTrip() throws {
        let fixture = try InertFixture()
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("surface.txt").path
        for rev in ["v1.0.0", "v1.1.0"] {
            let written = try fixture.run(["surface", rev, "--write", file])
            #expect(written.status == 0, "\(written.stderr)")
            expectInert(written, format: "text", color: false, ["surface", rev, "--write"])
            let contents = try String(contentsOfFile: file, encoding: .utf8)
            let lines = contents.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let json = jsonObject(try fixture.run(["surface", rev, "--format", "json"]).stdout)
            let count = (json?["items"] as? [Any])?.count ?? -1
            #expect(lines.count == count + 2, "one line an item, after the two comment lines")
            #expect(lines.first == "# semgate surface snapshot 2")
            #expect(!contents.unicodeScalars.contains { isHidden($0) && $0 != "\n" }, "no raw hidden character")
            let checked = try fixture.run(["surface", rev, "--check", file])
            #expect(checked.status == 0, "\(rev): \(checked.stdout)\(checked.stderr)")
            expectInert(checked, format: "text", color: false, ["surface", rev, "--check"])
        }
        let drift = try fixture.run(["surface", "v1.0.0", "--check", file])
        #expect(drift.status == 1)
        expectInert(drift, format: "text", color: false, ["surface", "v1.0.0", "--check"])
        #expect(drift.stdout.contains("+ \"api:nl\\n::error::PWNED-lf\""), "\(drift.stdout)")
    }

    @Test("a name holding a line break cannot pass --check for a surface that lost the items it spells")
    func snapshotCannotBeSpoofed() throws {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", InertFixture.policy)
        try repo.write("api/a.txt", "BEGIN(first)END\nBEGIN(second)END\n")
        try repo.commit("Two items")
        try repo.tag("v1.0.0", message: "1.0.0")
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("surface.txt").path
        #expect(try runSemgate(["surface", "--write", file], in: repo.url).status == 0)
        // One item whose name, written raw, would be the two lines of the snapshot.
        try repo.write("api/a.txt", "BEGIN(first\napi:second)END\n")
        try repo.commit("Both items gone, one item that spells them")
        let result = try runSemgate(["surface", "--check", file], in: repo.url)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("- api:first") && result.stdout.contains("- api:second"))
        #expect(result.stdout.contains("+ \"api:first\\napi:second\""))

        // A format-1 snapshot (which could hold such a name raw) is not read: exit 2 with the fix.
        try "# semgate surface snapshot: one item a line\napi:first\napi:second\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let old = try runSemgate(["surface", "--check", file], in: repo.url)
        expectCouldNotRun(old, mentions: ["older semgate", "--write"])
        // A hand-edited line that does not read names its line and column.
        try "# semgate surface snapshot 2\napi:first\n\"api:open\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let broken = try runSemgate(["surface", "--check", file], in: repo.url)
        expectCouldNotRun(broken, mentions: ["surface.txt:3:", "does not end"])
    }
}

/// Whether `scalar` is one no output may carry raw: a control, a format character, a line or paragraph separator, or
/// a default-ignorable code point (written here independently of semgate's own list).
func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator: return true
    default: return scalar.properties.isDefaultIgnorableCodePoint
    }
}

/// `text` without semgate's own colour codes, the only escapes an output may hold (with colour on).
private func removingOwnColour(_ text: String) -> String {
    ["0", "1", "2", "31", "32", "33"].reduce(text) { $0.replacingOccurrences(of: "\u{1B}[\($1)m", with: "") }
}

/// Expects both streams of `result` to hold repository text only inertly: no raw hidden character but line breaks
/// (and semgate's colour codes when `color`), no line that starts (after whitespace) with `::` unless it is
/// semgate's own annotation, no `##[` anywhere, and the format's own well-formedness.
func expectInert(
    _ result: CommandResult, format: String, color: Bool, _ arguments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
        // A colour code of semgate's own taken from the repository would pass the test below: none may be there.
        #expect(
            !["0", "1", "2", "31", "32", "33"].contains {
                text.contains("\u{1B}[\($0)mPWNED-paint")
            }, "\(arguments) \(stream): a colour code from the repository", sourceLocation: sourceLocation)
        // Markdown's own marks ⚠️ and ℹ️ end in a variation selector.
        var plain = color ? removingOwnColour(text) : text
        if format == "markdown" {
            plain = plain.replacingOccurrences(of: "⚠️", with: "").replacingOccurrences(of: "ℹ️", with: "")
        }
        let raw = plain.unicodeScalars.filter { isHidden($0) && $0 != "\n" }
        #expect(
            raw.isEmpty, "\(arguments) \(stream): raw \(raw.prefix(5).map { String($0.value, radix: 16) })",
            sourceLocation: sourceLocation)
        for line in plain.split(separator: "\n") {
            let start = line.drop { $0.isWhitespace }
            let annotation =
                stream == "stdout" && format == "github"
                && ["::error ", "::warning ", "::notice "].contains { line.hasPrefix($0) }
            #expect(
                annotation || !start.hasPrefix("::"),
                "\(arguments) \(stream): a line starts with '::': \(line.prefix(120))",
                sourceLocation: sourceLocation)
            #expect(
                !line.contains("##["), "\(arguments) \(stream): '##[' in \(line.prefix(120))",
                sourceLocation: sourceLocation)
            #expect(
                !start.hasPrefix("PWNED"), "\(arguments) \(stream): \(line.prefix(120))", sourceLocation: sourceLocation
            )
            if stream == "stderr" {
                let own =
                    line.hasPrefix("semgate: ") || line.hasPrefix("Error: ") || line.hasPrefix("Usage: ")
                    || line.hasPrefix("Help: ") || line.hasPrefix("  See ") || line.hasPrefix("wrote ")
                    || line.firstMatch(of: #/^/[^\s]*:\d+:\d+: /#) != nil || line.hasPrefix("⟨U+003A⟩:")
                    || line == String(repeating: " ", count: 21) + "[--version <version>] [--allow <bump>]"
                #expect(
                    own, "\(arguments): a line of stderr that semgate did not start: \(line.prefix(120))",
                    sourceLocation: sourceLocation)
            }
        }
    }
    guard result.status != 2, !result.stdout.isEmpty else { return }
    switch format {
    case "json", "sarif":
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(arguments): JSON",
            sourceLocation: sourceLocation)
    case "junit", "svg":
        let parser = XMLParser(data: Data(result.stdout.utf8))
        #expect(
            parser.parse(), "\(arguments): well-formed XML: \(String(describing: parser.parserError))",
            sourceLocation: sourceLocation)
    case "markdown":
        let own: Set<String> = [
            "<details>", "<details open>", "</details>", "<summary>", "</summary>", "<sub>", "</sub>",
        ]
        let tags = Set(result.stdout.matches(of: /<[^<>]*>/).map { String($0.output) })
        #expect(tags.isSubset(of: own), "\(arguments): \(tags.subtracting(own))", sourceLocation: sourceLocation)
    default:
        break
    }
}
