import ArgumentParser
import Gate
import Policy
import Reports

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what triggers it, what to do, and examples.",
        discussion: """
            Without a rule, lists every rule. An unknown rule is a usage error (exit 64) with a did-you-mean.

            Examples:
              semgate explain                          every rule, one line each
              semgate explain removed-without-deprecation
              semgate explain --format markdown        docs/rules.md
            """)

    @Argument(help: ArgumentHelp("A rule id, as findings name it.", valueName: "rule-id"))
    var rule: String?

    @Option(help: "Output format: text, markdown.")
    var format: String = "text"

    func validate() throws {
        guard ["text", "markdown"].contains(format) else {
            throw ValidationError("unknown format '\(format)'; use text or markdown")
        }
        if let rule, Rule.named(rule) == nil {
            throw ValidationError(
                "unknown rule '\(rule)'" + Suggestions.hint(for: rule, among: Rule.all.map(\.name)))
        }
    }

    func run() throws {
        let rule = self.rule.flatMap { Rule.named($0) }
        switch (format, rule) {
        case ("markdown", let rule?): print(RuleDocs.section(rule), terminator: "")
        case ("markdown", nil): print(RuleDocs.markdown(), terminator: "")
        case (_, let rule?): print(RuleDocs.text(rule), terminator: "")
        case (_, nil): print(RuleDocs.list(), terminator: "")
        }
    }
}
