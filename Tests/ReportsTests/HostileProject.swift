import Foundation
import Gate
import Git
import SemVer
import TestSupport

/// A repository whose surface items, file paths and policy exception carry text meant to break out of every
/// output format: workflow commands after a line break, percent-encoded line breaks, markdown and HTML, XML
/// terminators and control characters.
///
/// `api` is a regex surface over `api/*`: each `BEGIN(…)END` is an item whose key is everything between the
/// parentheses, line breaks included. v1.0.0 declares `removedNames` in a file with `:`, `,` and `%` in its name;
/// v1.0.1 removes them all (major, without deprecation) and adds `addedNames` (minor) in a file with a line break
/// in its name, so `check --version 1.0.1` reports every name in changes and findings, and the exception for one
/// of them puts a hostile reason in the report too. A list surface adds a hostile key and a hostile note in v1.0.1,
/// and a tag that is not SemVer puts its name in audit's tag findings.
struct HostileProject {
    static let removedNames = [
        "x\n::error file=a.go,line=1::injected",
        "%0A::warning::percent-encoded line break",
        "y\r::set-env name=SEMGATE_PWNED::1",
        "z\n::stop-commands::tok\n::add-mask::secret",
        "pipe|a `b``c` **bold** [link](https://e.example) @org/team $x$ <b>html</b>",
        "cc @octocat fixes #12 and torvalds/linux#3, see https://e.example/login or www.e.example",
    ]
    static let addedNames = [
        "</details><script>alert(1)</script><details>",
        "]]><x/>&amp;&#10;\u{1}bell\u{7}del\u{7F}nel\u{85}ls\u{2028}",
        "\n##[error]old-style command",
    ]
    static let removedPath = "api/evil%0A::x,y:z.txt"
    static let addedPath = "api/line\nbreak.txt"
    static let exceptionReason = "accepted\n::error::from the reason </details> | pipe ]]>"
    /// A tag that matches `v{version}` but is not SemVer, so its name reaches the tag findings.
    static let hostileTag = "v1.0<b>|`%0A&amp;$x$"
    /// A list surface added in v1.0.1: a hostile key, and a line whose stray token (with a carriage return) becomes
    /// a note of the report.
    static let listKey = "plain|key`<b>%0A::set-env"
    static let listNoteToken = "bad\r::error::from-a-list-note"

    let repo: FixtureRepository
    let engine: Engine

    init() throws {
        repo = try FixtureRepository()
        try repo.write(".semgate.yml", Self.policy)
        try repo.write(Self.removedPath, Self.declarations(Self.removedNames))
        repo.clock = FixtureDates.date("2024-03-01")
        try repo.commit("Declare the first items")
        try repo.tag("v1.0.0", message: "1.0.0")
        try repo.tag(Self.hostileTag)
        try repo.remove(Self.removedPath)
        try repo.write(Self.addedPath, Self.declarations(Self.addedNames))
        try repo.write("options.txt", "\(Self.listKey) type=a|b\nother \"\(Self.listNoteToken)\"\n")
        try repo.commit("Replace every item")
        try repo.tag("v1.0.1", message: "1.0.1")
        let repository = try Repository(discovering: repo.url.path)
        let policy = try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
        engine = try Engine(repository: repository, policy: policy)
    }

    /// `check --version 1.0.1` and `audit`.
    func reports() throws -> [(String, Report)] {
        [
            ("check", try engine.check(CheckOptions(head: "v1.0.1", version: try Version("1.0.1")))),
            ("audit", try engine.audit()),
        ]
    }

    private static func declarations(_ names: [String]) -> String {
        names.map { "BEGIN(\($0))END\n" }.joined()
    }

    private static var policy: String {
        let reason = exceptionReason.replacingOccurrences(of: "\n", with: "\\n")
        return """
            semgate: 1
            project: hostile
            surfaces:
              api:
                extract:
                  regex:
                    files: ["api/*"]
                    pattern: 'BEGIN\\((?<name>(?s:.*?))\\)END'
              options:
                extract:
                  list: options.txt
            exceptions:
              - release: 1.0.1
                items: ["api:pipe*/**"]
                reason: "\(reason)"

            """
    }
}
