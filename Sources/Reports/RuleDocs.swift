import Gate
import Policy

/// The rule documentation generated from the rule values: `semgate explain RULE` as text, and docs/rules.md (and
/// SARIF rule help) as markdown. Never written by hand.
public enum RuleDocs {
    /// The command that regenerates docs/rules.md.
    public static let regenerate = "swift run semgate explain --format markdown > docs/rules.md"

    /// One rule for a terminal: summary, explanation, remedy and examples, wrapped at `width` columns.
    public static func text(_ rule: Rule, width: Int = 80) -> String {
        var lines = wrap("\(rule.name): \(rule.summary)", width: width)
        lines += [
            "default severity: \(rule.defaultSeverity.rawValue)"
                + (rule.guards.map { "; guards the \($0.name) bump" } ?? ""),
            "",
        ]
        lines += wrap(plain(rule.explanation), width: width)
        lines += [""] + wrap("What to do: " + plain(rule.remedy), width: width)
        for example in rule.examples {
            lines += ["", (example.triggers ? "Triggers: " : "Does not trigger: ") + example.title]
            lines += scenario(example).map { "  " + $0 }
            lines += outcome(example, rule: rule).map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every rule, one line each: id, default severity and summary.
    public static func list() -> String {
        let width = Rule.all.map(\.name.count).max() ?? 0
        return Rule.all.map { rule in
            rule.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + rule.summary
        }.joined(separator: "\n") + "\n\nsemgate explain RULE prints a rule's explanation, remedy and examples.\n"
    }

    /// docs/rules.md: the rule table and a section a rule.
    public static func markdown() -> String {
        var out = """
            # Rules

            <!-- Generated from the rule values in Sources/Gate/Rules by `semgate explain --format markdown`; do not \
            edit. Regenerate: \(regenerate) -->

            Every finding names one of these rules. A policy sets a rule's severity under `rules:` (`error`, \
            `warning` or `off`); an exception turns a release's errors about matching items into notes. Under \
            `initial-development: semver`, the rules marked *0.y.z: notes* only inform. Under `hidden: \
            experimental`, a finding about an item that the program hides from help or shows when it runs (a \
            `Hidden` whose value semgate cannot decide, such as `Hidden: !isBeta()`; the item carries `hidden-when`) \
            is at most a warning and names the expression: hidden, the item would promise nothing; shown, it would \
            be stable. The release users relied on decides: the one before a removal or change, the one after an \
            addition. An item shown for sure there keeps its findings, whatever the release after it hides; so does \
            one that an earlier release showed for sure (itself, or a command above it that is so hidden now): \
            `hidden-at-run-time` reports the step.

            | rule | default | guards | summary |
            | --- | --- | --- | --- |

            """
        for rule in Rule.all {
            out +=
                "| [`\(rule.name)`](#\(rule.name)) | \(rule.defaultSeverity.rawValue) | \(rule.guards?.name ?? "–") "
                + "| \(rule.summary) |\n"
        }
        for rule in Rule.all { out += "\n" + section(rule) }
        return out
    }

    /// One rule as a markdown section (also SARIF's markdown help).
    public static func section(_ rule: Rule, heading: String = "##") -> String {
        var out = "\(heading) \(rule.name)\n\n\(rule.summary).\n\n"
        var facts = ["Default severity: **\(rule.defaultSeverity.rawValue)**"]
        if let guards = rule.guards { facts.append("guards the **\(guards.name)** bump") }
        if rule.informationalInInitialDevelopment { facts.append("0.y.z: notes") }
        out += facts.joined(separator: "; ") + ".\n\n" + rule.explanation + "\n\n**What to do:** " + rule.remedy + "\n"
        for example in rule.examples {
            out += "\n" + (example.triggers ? "Triggers" : "Does not trigger") + ": \(example.title).\n\n```\n"
            out += (scenario(example) + outcome(example, rule: rule)).joined(separator: "\n") + "\n```\n"
        }
        return out
    }

    /// The example as a reader follows it: the policy lines, each release's surface, the release judged.
    static func scenario(_ example: RuleExample) -> [String] {
        var lines: [String] = []
        let policy = example.policy.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        if !policy.isEmpty { lines += ["policy:"] + policy.map { "  " + $0 } }
        if !example.tags.isEmpty { lines.append("tags: " + example.tags.joined(separator: ", ")) }
        guard example.tags.isEmpty else { return lines }
        for release in example.history {
            lines.append("\(release.version ?? "head") (\(release.day)): \(items(release))")
        }
        let head = example.head.version.map { "\($0) (\(example.head.day))" } ?? "head (a pull request, no --version)"
        lines.append("\(head): \(items(example.head))")
        if let base = example.base { lines.append("checked with --base v\(base)") }
        if let allow = example.allow { lines.append("checked with --allow \(allow.name)") }
        if let commits = example.commits {
            lines.append("commits: " + commits.map { "'\($0)'" }.joined(separator: ", "))
        }
        if let declared = example.declaredVersion { lines.append("version.go declares \(declared)") }
        if let error = example.syntaxError { lines.append("api.go:3 does not parse: \(error)") }
        if let copy = example.vendoredCobra {
            for (side, text) in [("the base", copy.base), ("head", copy.head)] {
                let words = text.split(separator: " ")
                let blob = words.count > 1 ? words[1] : ""
                let replacement = words.count > 3 && words[2] == "=>" ? words[3...].joined(separator: " ") : nil
                lines.append(
                    "at \(side): vendor/modules.txt names github.com/spf13/cobra \(words.first ?? "")"
                        + (replacement.map { " => \($0)" } ?? "")
                        + ", vendor/github.com/spf13/cobra/command.go is \(blob == "published" ? "as published" : "blob \(blob)")"
                )
            }
        }
        return lines
    }

    /// What semgate says about the example (every finding of the pass for this rule), or that it says nothing.
    static func outcome(_ example: RuleExample, rule: Rule) -> [String] {
        do {
            let findings = try example.run().filter { $0.rule == rule.id }
            if findings.isEmpty { return ["=> no \(rule.name) finding"] }
            return findings.map { "=> \($0.severity.rawValue) \(rule.name): \($0.message)" }
        } catch {
            return ["=> the example does not run: \(error)"]
        }
    }

    private static func items(_ release: ExampleRelease) -> String {
        release.items.isEmpty ? "(no items)" : release.items.joined(separator: ", ")
    }

    /// Markdown code spans as plain text for a terminal.
    private static func plain(_ text: String) -> String {
        text.replacing("`", with: "")
    }

    /// Words packed into lines of at most `width` columns (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
