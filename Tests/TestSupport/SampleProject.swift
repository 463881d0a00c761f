import Foundation

/// A realistic small Go-style project history with releases, a policy file and known violations, built into a
/// `FixtureRepository` for tests that need a whole project. `.ci/sample-repo.sh` writes the same history, with
/// the same commit and tag SHAs; change both together.
///
/// The project is `example.com/tool`. Its `.semgate.yml` declares four surfaces:
/// - `cli`: regex over `cmd/*.go`, key template `"{stem} --{name}"`, attribute `type` (breaking); items such as
///   `cli:flags --out` (type `String`) from `flags.StringP("out", "o", "", "output file")` in `cmd/flags.go`.
/// - `metrics`: regex over `metrics/builtin.go`, attribute `type` (breaking); items such as `metrics:http_reqs`
///   (type `Counter`) from `NewMetric("http_reqs", Counter)`.
/// - `options`: list `policy/options.txt` (`KEY type=… env=…`, comments), e.g. `options:out type=string
///   env=TOOL_OUT`.
/// - `packages`: go-packages, `exclude: ["**/internal/**"]`; items `example.com/tool/cmd`, `…/metrics`,
///   `…/pkg/api` and, from v0.2.0, the experimental `…/pkg/experimental/x` (`internal/y` is never listed).
///
/// The policy also has `experimental: ["packages:**/experimental/**"]`, `initial-development: semver` and
/// `rules: {tag-not-semver: warning}`. From v1.2.0 on it has a deprecation of `options:no-summary` (since
/// 1.2.0, remove-in 2.0.0, use instead `summary-mode=disabled`) and an exception for release 1.2.0 on
/// `metrics:http_req_failed`.
///
/// History on `main`. Commits are dated midnight UTC of the day shown; annotated tags the next day.
/// - 2024-01-08 "Initial import": flags `out`, `verbose`; metrics `http_reqs` (Counter), `http_req_duration`
///   (Trend); options `out`, `verbose`, `no-summary`. Tag `v0.1.0` (lightweight).
/// - 2024-02-12: + metric `iterations` (Counter), + package `pkg/experimental/x`. Tag `v0.2.0` (lightweight).
///   Initial development: informational only.
/// - 2024-04-02: + option `summary-mode`. Tags `v1.0.0` (annotated) and `v1.0.0+build.1` (lightweight, same
///   commit: `duplicate-version`).
/// - 2024-05-14: + flag `--config` (String). Tag `v1.1.0` (lightweight). A minor: passes.
/// - 2024-05-28: + metric `http_req_failed` (Counter), and a fix in `internal/y`. Tag `v1.1.1` (annotated).
///   Violation: `feature-in-patch`.
/// - 2024-07-09: option `no-summary` gets `stability=deprecated` (and the policy its deprecation entry); metric
///   `http_req_failed` changes type Counter → Rate, excused by the 1.2.0 exception. Tags `v1.2.0` (annotated)
///   and `deploy/staging` (lightweight, not a release). Passes, with the exception shown as a note.
/// - 2024-10-01: − option `no-summary` (deprecated in 1.2.0, remove-in 2.0.0). Tag `v2.0.0` (annotated). Passes.
/// - 2024-11-12: − flag `--verbose`, never deprecated. Tags `v2.1.0` (annotated) and `v2.1` (lightweight,
///   `tag-not-semver`). Violations: `breaking-without-major`, `removed-without-deprecation`.
/// - 2024-12-03: + flag `--quiet` (Bool), unreleased: `next` is 2.2.0.
///
/// So `semgate audit` on it fails (exit 1).
public enum SampleProject {
    /// Every tag the history creates, in the order it creates them.
    public static let tags = [
        "v0.1.0", "v0.2.0", "v1.0.0", "v1.0.0+build.1", "v1.1.0", "v1.1.1", "v1.2.0", "deploy/staging", "v2.0.0",
        "v2.1.0", "v2.1",
    ]

    /// The history, built once per test process.
    private static let template = SharedRepository(history: build(in:))

    /// A new repository holding the whole history, which the test may change: a copy of the one built once per test
    /// process (the same commits and tags, SHA for SHA).
    public static func repository() throws -> FixtureRepository {
        try template.copy()
    }

    /// Writes the whole history described above into `repo`, which should be new and empty (non-bare).
    public static func build(in repo: FixtureRepository) throws {
        // v0.1.0
        try repo.write("go.mod", goMod)
        try repo.write("README.md", readme)
        try repo.write(".semgate.yml", policy(withDeprecations: false))
        try repo.write("cmd/flags.go", flags(["out", "verbose"]))
        try repo.write("metrics/metric.go", metricGo)
        try repo.write("metrics/builtin.go", builtin([httpReqs, httpReqDuration]))
        try repo.write("policy/options.txt", options([out, verbose, noSummary]))
        try repo.write("pkg/api/api.go", apiGo)
        try repo.write("internal/y/y.go", internalY(retries: 3))
        try release(repo, "2024-01-08", "Initial import: flags, metrics and the extension API", tag: "v0.1.0")

        // v0.2.0
        try repo.write("metrics/builtin.go", builtin([httpReqs, httpReqDuration, iterations]))
        try repo.write("pkg/experimental/x/x.go", experimentalX)
        try release(repo, "2024-02-12", "Add the iterations metric and an experimental sampling package", tag: "v0.2.0")

        // v1.0.0 and a duplicate with build metadata
        try repo.write("policy/options.txt", options([out, verbose, noSummary, summaryMode]))
        try release(
            repo, "2024-04-02", "Add the summary-mode option ahead of 1.0", tag: "v1.0.0",
            message: "tool 1.0.0: the first stable release")
        try repo.tag("v1.0.0+build.1")

        // v1.1.0: a new flag in a minor
        try repo.write("cmd/flags.go", flags(["out", "verbose", "config"]))
        try release(repo, "2024-05-14", "Add the --config flag", tag: "v1.1.0")

        // v1.1.1: a new metric in a patch
        try repo.write("metrics/builtin.go", builtin([httpReqs, httpReqDuration, iterations, httpReqFailedCounter]))
        try repo.write("internal/y/y.go", internalY(retries: 2))
        try release(
            repo, "2024-05-28", "Fix retry counting and record failed requests", tag: "v1.1.1",
            message: "tool 1.1.1: fix retry counting")

        // v1.2.0: a deprecation, and a type fix covered by an exception
        try repo.write(".semgate.yml", policy(withDeprecations: true))
        try repo.write("policy/options.txt", options([out, verbose, noSummaryDeprecated, summaryMode]))
        try repo.write("metrics/builtin.go", builtin([httpReqs, httpReqDuration, iterations, httpReqFailedRate]))
        try release(
            repo, "2024-07-09", "Deprecate no-summary in favour of summary-mode=disabled; make http_req_failed a Rate",
            tag: "v1.2.0", message: "tool 1.2.0")
        try repo.tag("deploy/staging")

        // v2.0.0: the deprecated option goes
        try repo.write("policy/options.txt", options([out, verbose, summaryMode]))
        try release(
            repo, "2024-10-01", "Remove the deprecated no-summary option", tag: "v2.0.0", message: "tool 2.0.0")

        // v2.1.0: a flag removed without deprecation, and a tag that is not SemVer
        try repo.write("cmd/flags.go", flags(["out", "config"]))
        try release(repo, "2024-11-12", "Drop the --verbose flag", tag: "v2.1.0", message: "tool 2.1.0")
        try repo.tag("v2.1")

        // unreleased
        try repo.write("cmd/flags.go", flags(["out", "config", "quiet"]))
        repo.clock = FixtureDates.date("2024-12-03")
        try repo.commit("Add the --quiet flag")
    }

    /// Commits at `day` and tags the commit the next day (annotated when a message is given).
    private static func release(
        _ repo: FixtureRepository, _ day: String, _ subject: String, tag: String, message: String? = nil
    ) throws {
        repo.clock = FixtureDates.date(day)
        try repo.commit(subject)
        try repo.tag(tag, message: message)
    }

    // MARK: File contents

    private static let goMod = """
        module example.com/tool

        go 1.22

        require github.com/spf13/pflag v1.0.5

        """

    private static let readme = """
        # tool

        A small load-testing tool. Its stable surface is declared in `.semgate.yml`.

        """

    private static func flags(_ names: [String]) -> String {
        let definitions = [
            "out": #"\#tflags.StringP("out", "o", "", "output file")"#,
            "verbose": #"\#tflags.Bool("verbose", false, "print every request")"#,
            "config": #"\#tflags.String("config", "", "read options from this file")"#,
            "quiet": #"\#tflags.BoolP("quiet", "q", false, "print nothing but errors")"#,
        ]
        let lines = names.compactMap { definitions[$0] }
        return """
            // Package cmd holds the command line of tool.
            package cmd

            import "github.com/spf13/pflag"

            // registerFlags declares the flags every command accepts.
            func registerFlags(flags *pflag.FlagSet) {
            \(lines.joined(separator: "\n"))
            }

            """
    }

    private static let metricGo = """
        // Package metrics defines the metrics tool emits.
        package metrics

        // Type is how a metric aggregates its samples.
        type Type int

        // The metric types.
        const (
        \tCounter Type = iota
        \tGauge
        \tTrend
        \tRate
        )

        // Metric is a named series of samples.
        type Metric struct {
        \tName string
        \tType Type
        }

        // NewMetric declares a metric.
        func NewMetric(name string, typ Type) *Metric {
        \treturn &Metric{Name: name, Type: typ}
        }

        """

    private static let httpReqs = #"\#tHTTPReqs = NewMetric("http_reqs", Counter)"#
    private static let httpReqDuration = #"\#tHTTPReqDuration = NewMetric("http_req_duration", Trend)"#
    private static let iterations = #"\#tIterations = NewMetric("iterations", Counter)"#
    private static let httpReqFailedCounter = #"\#tHTTPReqFailed = NewMetric("http_req_failed", Counter)"#
    private static let httpReqFailedRate = #"\#tHTTPReqFailed = NewMetric("http_req_failed", Rate)"#

    private static func builtin(_ lines: [String]) -> String {
        """
        package metrics

        // The built-in metrics, emitted by every run.
        var (
        \(lines.joined(separator: "\n"))
        )

        """
    }

    private static let out = "out type=string env=TOOL_OUT"
    private static let verbose = "verbose type=bool env=TOOL_VERBOSE"
    private static let noSummary = "no-summary type=bool env=TOOL_NO_SUMMARY"
    private static let noSummaryDeprecated = "no-summary type=bool env=TOOL_NO_SUMMARY stability=deprecated"
    private static let summaryMode = "summary-mode type=string env=TOOL_SUMMARY_MODE"

    private static func options(_ lines: [String]) -> String {
        """
        # Options read from the config file and from TOOL_* environment variables.
        # One option a line: KEY [name=value ...]

        \(lines.joined(separator: "\n"))

        """
    }

    private static let apiGo = """
        // Package api is the extension API of tool.
        package api

        // Extension is implemented by every extension.
        type Extension interface {
        \tName() string
        }

        """

    private static let experimentalX = """
        // Package x holds experimental helpers; they may change in any release.
        package x

        // Every returns every nth item.
        func Every[T any](items []T, n int) []T {
        \tvar picked []T
        \tfor i := 0; i < len(items); i += n {
        \t\tpicked = append(picked, items[i])
        \t}
        \treturn picked
        }

        """

    private static func internalY(retries: Int) -> String {
        """
        // Package y holds helpers private to tool.
        package y

        // Retries is how many times a failed request is retried.
        const Retries = \(retries)

        """
    }

    private static func policy(withDeprecations: Bool) -> String {
        var text = #"""
            # semgate policy: what tool promises to keep stable.
            semgate: 1
            project: tool
            releases:
              tag: "v{version}"
              initial-development: semver
            surfaces:
              cli:
                extract:
                  regex:
                    files: ["cmd/*.go"]
                    pattern: 'flags\.(?<type>String|Bool|Int|Duration)P?\("(?<name>[a-z][a-z-]*)"'
                    key: "{stem} --{name}"
                breaking: [type]
              metrics:
                extract:
                  regex:
                    files: ["metrics/builtin.go"]
                    pattern: 'NewMetric\("(?<name>[a-z_]+)",\s*(?<type>Counter|Gauge|Trend|Rate)'
                breaking: [type]
              options:
                extract:
                  list: policy/options.txt
              packages:
                extract:
                  go-packages: {}
                exclude: ["**/internal/**"]
            experimental: ["packages:**/experimental/**"]

            """#
        if withDeprecations {
            text += """
                deprecations:
                  - item: "options:no-summary"
                    since: 1.2.0
                    remove-in: 2.0.0
                    use-instead: "summary-mode=disabled"
                exceptions:
                  - release: 1.2.0
                    items: ["metrics:http_req_failed"]
                    reason: "http_req_failed was wrongly a Counter; it is a Rate (see #212)"

                """
        }
        text += """
            rules:
              tag-not-semver: warning

            """
        return text
    }
}
