extension Rule {
    /// A Go file the go-api extractor reads stopped parsing.
    public static let sourceSyntaxError = Rule(
        id: .sourceSyntaxError, defaultSeverity: .warning, guards: nil,
        summary: "a Go source file the go-api extractor reads does not parse",
        explanation: """
            The file has a syntax error at the line given (or uses syntax the reader does not know). The \
            declarations before and after the bad one still count, so an item may look removed. Only files that \
            parsed at the base are reported.
            """,
        remedy: "Fix the file, or set `rules: {source-syntax-error: off}`.",
        informationalInInitialDevelopment: false,
        examples: [
            RuleExample(
                "api.go stops parsing", triggers: true, history: [ExampleRelease("1.0.0", ["api:F"])],
                head: ExampleRelease("1.0.1", ["api:F"]), syntaxError: "expected ')', found '{'"),
            RuleExample(
                "api.go parses", triggers: false, history: [ExampleRelease("1.0.0", ["api:F"])],
                head: ExampleRelease("1.0.1", ["api:F"])),
        ],
        check: .release { context in
            let known = Set(context.before.problems.map(\.location.path))
            return context.after.problems.filter { !known.contains($0.location.path) }.map { problem in
                Violation(problem.message, location: problem.location)
            }
        })
}
