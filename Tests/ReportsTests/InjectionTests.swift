import Foundation
@testable import Gate
import Policy
import Reports
import TestSupport
import Testing

/// Hostile item names, paths and exception reasons (`HostileProject`) are neutralised in every format: nothing
/// from the repository starts a line, a workflow command, a table cell, an HTML tag or XML markup of its own.
@Suite("Injection through repository text")
struct InjectionTests {
    static let hostileTexts = HostileProject.removedNames + HostileProject.addedNames

    /// The hostile project's check and audit, and its check again in memory with hostile revision names (a branch
    /// may be called `feat<b>|x`), policy source, project and notes, as a command line could pass them.
    static func hostileReports() throws -> [(String, Report)] {
        let reports = try HostileProject().reports()
        var check = try #require(reports.first?.1)
        let base = try #require(check.base)
        let head = try #require(check.head)
        check.base = RevisionInfo(rev: "origin/feat<b>|`x`%0A", commit: base.commit, version: nil)
        check.head = RevisionInfo(rev: "refs/pull/1/head\n::error::rev", commit: head.commit, version: head.version)
        check.policy = PolicyInfo(
            source: "p|<i>.yml@feat`x`", defaults: false, project: "x</details>", path: "p|<i>.yml")
        check.notes.append("a note\n::warning::from the notes <sub>")
        return reports + [("check in memory", check)]
    }

    @Test("the hostile repository really reports every hostile name, path and reason (the test can fail)")
    func fixtureIsHostile() throws {
        let project = try HostileProject()
        for (command, report) in try project.reports() {
            let changes = report.changes + (report.releases ?? []).flatMap(\.changes)
            let keys = Set(changes.map(\.key))
            for name in Self.hostileTexts {
                #expect(keys.contains(name), "\(command) lacks \(name.debugDescription)")
            }
            let paths = Set(changes.compactMap { $0.location?.path })
            #expect(paths == [HostileProject.removedPath, HostileProject.addedPath, "options.txt"], "\(command)")
            let findings = report.findings + (report.releases ?? []).flatMap(\.findings)
            #expect(findings.contains { $0.exception == HostileProject.exceptionReason }, "\(command)")
            #expect(findings.contains { $0.severity == .error }, "\(command)")
            #expect(keys.contains(HostileProject.listKey), "\(command)")
            #expect(
                report.notes.contains { $0.contains(HostileProject.listNoteToken) },
                "\(command): \(report.notes.debugDescription)")
            if command == "audit" {
                #expect(
                    findings.contains { $0.rule == .tagNotSemver && $0.message.contains(HostileProject.hostileTag) })
            }
        }
    }

    @Test("github: every line is semgate's own command or summary, and the runner's unescaping gives the text back")
    func github() throws {
        for (command, report) in try Self.hostileReports() {
            let output = GitHubRenderer().render(report, options: RenderOptions())
            var decoded: [String] = []
            for line in output.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                #expect(!line.contains("\r"), "\(command): a raw carriage return")
                if line.hasPrefix("semgate: ") { continue }
                let command = try #require(line.firstMatch(of: /^::(error|warning|notice) ([^:]*)::(.*)$/))
                let properties = command.output.2.split(separator: ",").map { $0.split(separator: "=", maxSplits: 1) }
                for property in properties {
                    #expect(property.count == 2 && ["file", "line", "title"].contains(String(property[0])), "\(line)")
                }
                decoded.append(Self.unescape(String(command.output.3)))
                decoded += properties.filter { $0.first == "file" }.map { Self.unescape(String($0[1]), property: true) }
            }
            let all = decoded.joined(separator: "\u{0}")
            for name in Self.hostileTexts {
                let visible = Self.githubVisible(name)
                #expect(all.contains(visible), "\(command): \(name.debugDescription) lost in the annotations")
            }
            if command == "audit" {
                #expect(decoded.contains(HostileProject.removedPath))
            } else {
                // The removed item's file is gone at head: the annotation sits on the policy and says where it was.
                #expect(all.contains("was at \(HostileProject.removedPath):"), "\(command)")
            }
            #expect(decoded.contains(HostileProject.addedPath))
            #expect(all.contains(HostileProject.exceptionReason))
        }
    }

    /// How a runner shows a data value after unescaping (`%0A` → LF and so on).
    private static func unescape(_ text: String, property: Bool = false) -> String {
        var result = text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
        if property {
            result = result.replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
        }
        return result.replacingOccurrences(of: "%25", with: "%")
    }

    /// The text the github renderer keeps: hidden characters other than CR and LF shown visibly (`Inert.picture`), a
    /// tab as a space, and `##[` broken.
    private static func githubVisible(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                output += " "
            } else if scalar != "\n" && scalar != "\r" && Inert.isHidden(scalar) {
                output += Inert.picture(scalar)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output.replacingOccurrences(of: "##[", with: "#⟨U+0023⟩[")
    }

    static let ownTags: Set<String> = [
        "<details>", "<details open>", "</details>", "<summary>", "</summary>", "<sub>", "</sub>",
    ]

    @Test("markdown: every tag is semgate's own, tables keep their columns, nothing hostile starts a line")
    func markdown() throws {
        for (command, report) in try Self.hostileReports() {
            let output = MarkdownRenderer().render(report, options: RenderOptions())
            let tags = output.matches(of: /<[^<>]*>/).map { String($0.output) }
            #expect(Set(tags).isSubset(of: Self.ownTags), "\(command): \(Set(tags).subtracting(Self.ownTags))")
            let opening = output.filter { $0 == "<" }.count
            #expect(opening == tags.count, "\(command): a '<' that is not one of semgate's tags")
            #expect(tags.filter { $0.hasPrefix("<details") }.count == tags.filter { $0 == "</details>" }.count)
            #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
            var columns: Int?
            for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(!line.hasPrefix("::") && !line.hasPrefix("##[") && !line.hasPrefix("%0A"), "\(line)")
                guard line.hasPrefix("|") else {
                    columns = nil
                    continue
                }
                let cells = Self.unescapedPipes(in: String(line))
                if let columns { #expect(cells == columns, "\(command): \(line)") } else { columns = cells }
            }
            for name in Self.hostileTexts where name.contains("`") || name.contains("*") {
                #expect(!output.contains(name))
            }
            #expect(!output.contains("**bold**") && !output.contains("[link](") && !output.contains(" @org"))
            // What GitHub links or notifies after rendering, escapes undone: @-mentions, #N and owner/repo#N
            // references, and the autolink extension's URLs.
            for pattern in [#/(?:^|[^\w&])@[A-Za-z0-9]/#, #/(?:^|[^&\w])#\d/#, #/[\w\/]#\d/#, #/https?:\/\//#, #/www\./#] {
                let found = output.firstMatch(of: pattern).map { output[$0.range] }
                #expect(found == nil, "\(command): \(found.map(String.init) ?? "")")
            }
        }
    }

    /// Pipes a GFM table reads as cell borders: those not escaped by a backslash.
    private static func unescapedPipes(in line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                count += 1
            }
        }
        return count
    }

    @Test("junit: well-formed XML that keeps the hostile names as text, and one case per rule per release")
    func junit() throws {
        for (command, report) in try Self.hostileReports() {
            let output = JUnitRenderer().render(report, options: RenderOptions())
            let root = try XMLChecker.parse(output)
            var texts: [String] = []
            func collect(_ element: XMLTree) {
                texts.append(element.text)
                texts += element.attributes.values
                element.children.forEach(collect)
            }
            collect(root)
            let all = texts.joined(separator: "\u{0}")
            #expect(all.contains("x\n::error file=a.go,line=1::injected"), "\(command): line break kept as text")
            #expect(all.contains("</details><script>alert(1)</script>"), "\(command): markup kept as text")
            #expect(
                all.contains("]]><x/>&amp;&#10;␁bell␇del␡nel⟨U+0085⟩ls⟨U+2028⟩"), "\(command): hidden characters shown")
            let releases = root.elements("testsuite").filter {
                !["release tags", "notes"].contains($0.attributes["name"])
            }
            #expect(
                root.elements("testsuite").filter { $0.attributes["name"] == "notes" }.allSatisfy {
                    $0.elements("testcase").isEmpty && $0.attributes["tests"] == "0"
                })
            for suite in releases {
                #expect(suite.elements("testcase").count == RuleID.allCases.count - 2)
            }
        }
    }

    @Test("sarif: valid against the schema, and the hostile names survive as JSON strings")
    func sarif() throws {
        let validator = try sarifValidator()
        for (command, report) in try Self.hostileReports() {
            let output = SARIFRenderer().render(report, options: RenderOptions())
            let document = try JSON.parse(output)
            let problems = try validator.validate(document)
            #expect(problems.isEmpty, "\(command): \(problems.prefix(5))")
            #expect(output.contains("api/evil%250A%3A%3Ax%2Cy%3Az.txt"), "\(command): the path as a URI reference")
            #expect(output.contains("api/line%0Abreak.txt"))
            for name in HostileProject.removedNames {
                #expect(
                    output.contains(JSONValue.string(name).rendered.dropFirst().dropLast(2)),
                    "\(command) \(name.debugDescription)")
            }
            // SARIF 2.1.0 §3.11.6: `[text](target)` in a plain-text message is an embedded link; every bracket of a
            // message (results, suppressions, notifications) is escaped, so `[link](https://e.example)` in a name is
            // no link (review R70).
            var messages: [String] = []
            func collect(_ value: JSON, key: String?) {
                switch value {
                case .object(let members):
                    for (name, member) in members {
                        if (key == "message" && name == "text") || name == "justification", case .string(let text) = member {
                            messages.append(text)
                        } else {
                            collect(member, key: name)
                        }
                    }
                case .array(let items): for item in items { collect(item, key: key) }
                default: break
                }
            }
            collect(document, key: nil)
            #expect(messages.contains { $0.contains("\\[link\\](https://e.example)") }, "\(command)")
            for message in messages {
                var escaped = false
                for scalar in message.unicodeScalars {
                    #expect(escaped || (scalar != "[" && scalar != "]"), "\(command): \(message.debugDescription)")
                    escaped = !escaped && scalar == "\\"
                }
            }
        }
    }

    @Test("json and text: json keeps the names exactly; text shows control characters as symbols")
    func jsonAndText() throws {
        for (command, report) in try Self.hostileReports() {
            let json = JSONRenderer().render(report, options: RenderOptions())
            let parsed = try JSON.parse(json)
            #expect(parsed["schema"] == .string(JSONRenderer.schema))
            for name in Self.hostileTexts {
                #expect(
                    json.contains(JSONValue.string(name).rendered.dropFirst().dropLast(2)),
                    "\(command) \(name.debugDescription)")
            }
            let text = TextRenderer().render(report, options: RenderOptions(color: false))
            for line in text.split(separator: "\n") {
                #expect(!line.hasPrefix("::") && !line.hasPrefix("##["), "\(command): \(line)")
            }
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F })
            #expect(text.contains("x␊::error file=a.go,line=1::injected"))
        }
    }
}
