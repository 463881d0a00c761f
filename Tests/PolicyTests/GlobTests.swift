import Policy
import Testing

@Suite("Glob")
struct GlobTests {
    static let table: [(pattern: String, text: String, matches: Bool)] = [
        // Literal text.
        ("metrics/builtin.go", "metrics/builtin.go", true),
        ("metrics/builtin.go", "metrics/builtin.gox", false),
        ("metrics/builtin.go", "lib/metrics/builtin.go", false),
        // `*` stays inside one segment.
        ("lib/metrics/*.go", "lib/metrics/counter.go", true),
        ("lib/metrics/*.go", "lib/metrics/.go", true),
        ("lib/metrics/*.go", "lib/metrics/sub/counter.go", false),
        ("*", "file", true),
        ("*", "dir/file", false),
        ("a*b*c", "abc", true),
        ("a*b*c", "a-b-b-c", true),
        ("a*b*c", "a-b/c", false),
        // `**` at the start, in the middle and at the end.
        ("**/*.go", "main.go", true),
        ("**/*.go", "cmd/k6/main.go", true),
        ("**/*.go", "main.rs", false),
        ("cmd/**/main.go", "cmd/main.go", true),
        ("cmd/**/main.go", "cmd/a/b/main.go", true),
        ("cmd/**/main.go", "cmdx/main.go", false),
        ("lib/**", "lib/a", true),
        ("lib/**", "lib/a/b/c", true),
        ("lib/**", "lib", true),
        ("lib/**", "library/a", false),
        ("**", "", true),
        ("**", "any/thing/at/all", true),
        ("**/internal/**", "internal/x", true),
        ("**/internal/**", "a/internal", true),
        ("**/internal/**", "a/b/internal/c/d", true),
        ("**/internal/**", "a/internals/c", false),
        // A final `.**` names a subtree of dotted and slashed keys, the root included.
        ("packages:m/cloudapi.**", "packages:m/cloudapi", true),
        ("packages:m/cloudapi.**", "packages:m/cloudapi.Client", true),
        ("packages:m/cloudapi.**", "packages:m/cloudapi.Client.Login", true),
        ("packages:m/cloudapi.**", "packages:m/cloudapi/insights.Run", true),
        ("packages:m/cloudapi.**", "packages:m/cloudapiv2.Client", false),
        ("packages:m/cloudapi.**", "packages:m/cloud", false),
        ("packages:**/cloudapi.**", "packages:go.k6.io/k6/v2/cloudapi.Config.Token", true),
        // `**` after `**/` (once a crash): any path at all.
        ("**/**", "a/b/c", true),
        ("**/**", "x", true),
        ("a/**/**", "a/b/c", true),
        ("a/**/**", "b/c", false),
        ("**/internal/**", "a/myinternal/c", false),
        ("a**b", "a-x-b", true),
        ("a**b", "a/b", false),
        // `?` and classes match one character other than '/'.
        ("v?.go", "v1.go", true),
        ("v?.go", "v10.go", false),
        ("a?b", "a/b", false),
        ("?", "é", true),
        ("file[0-9].txt", "file7.txt", true),
        ("file[0-9].txt", "filex.txt", false),
        ("file[!0-9].txt", "filex.txt", true),
        ("file[!0-9].txt", "file7.txt", false),
        ("[abc]", "b", true),
        ("[abc]", "d", false),
        ("[]]", "]", true),
        ("[*]", "*", true),
        ("[*]", "x", false),
        ("[é-ë]", "ê", true),
        // Braces, also holding '/' and nested.
        ("*.{go,mod}", "go.mod", true),
        ("*.{go,mod}", "main.go", true),
        ("*.{go,mod}", "main.rs", false),
        ("{cmd,lib}/**/*.go", "lib/x/y.go", true),
        ("{cmd,lib/sub}/*.go", "lib/sub/y.go", true),
        ("{a,b{c,d}}", "bd", true),
        ("{a,b{c,d}}", "b", false),
        ("x{,y}", "x", true),
        // Item ids: ':' is ordinary, but `**` after it starts a segment.
        ("packages:**/experimental/**", "packages:go.k6.io/k6/js/modules/k6/experimental/ws", true),
        ("packages:**/experimental/**", "packages:experimental/ws", true),
        ("packages:**/experimental/**", "packages:go.k6.io/k6/js/modules", false),
        ("packages:**/experimental/**", "modules:go.k6.io/k6/experimental/ws", false),
        ("packages:**", "packages:go.k6.io/k6/lib", true),
        ("options:*", "options:no-summary", true),
        ("options:*", "metrics:http_reqs", false),
        ("*:http_*", "metrics:http_req_duration", true),
        ("**/experimental/**", "packages:go.k6.io/k6/experimental/ws", true),
        ("v1.4.1-release*", "v1.4.1-release-2", true),
        ("v1.4.1-release*", "v1.4.1", false),
    ]

    @Test(arguments: table)
    func matching(pattern: String, text: String, matches: Bool) throws {
        let glob = try Glob(pattern)
        #expect(glob.matches(text) == matches, "'\(pattern)' against '\(text)'")
        if matches {
            #expect(text.hasPrefix(glob.literalPrefix), "prefix '\(glob.literalPrefix)' of '\(pattern)'")
        }
    }

    static let prefixes: [(pattern: String, prefix: String)] = [
        ("lib/metrics/*.go", "lib/metrics/"),
        ("metrics/builtin.go", "metrics/builtin.go"),
        ("**/internal/**", ""),
        ("lib/**", "lib"),
        ("cmd/**/main.go", "cmd/"),
        ("src/{a,b}/x", "src/"),
        ("{lib,library}/x", "lib"),
        ("packages:**/experimental/**", "packages:"),
        ("dé{é,è}", "dé"),
    ]

    @Test(arguments: prefixes)
    func literalPrefix(pattern: String, prefix: String) throws {
        #expect(try Glob(pattern).literalPrefix == prefix)
    }

    static let invalid: [(pattern: String, message: String)] = [
        ("", "empty glob; write a pattern such as 'src/**/*.go'"),
        (
            "lib/[a-z.go",
            "invalid glob 'lib/[a-z.go': unclosed '['; close it with ']' or write [[] for a literal bracket"
        ),
        ("{a,b", "invalid glob '{a,b': unclosed '{'; close it with '}'"),
        ("a}", "invalid glob 'a}': unmatched '}'; write [}] for a literal brace"),
        ("[z-a]", "invalid glob '[z-a]': empty range 'z-a' in [...]; write 'a-z'"),
        ("[a/b]", "invalid glob '[a/b]': '/' cannot appear inside [...]; a class matches one character of a name"),
    ]

    @Test("braces nested 100,000 deep are a policy error, not a stack overflow; 100 levels still compile")
    func deepBraces() throws {
        let deep = String(repeating: "{a,", count: 100_000) + "b" + String(repeating: "}", count: 100_000)
        #expect {
            _ = try Glob(deep)
        } throws: { error in
            "\(error)".contains("braces nest more than 100 levels deep")
        }
        let limit = String(repeating: "{", count: 100) + "a" + String(repeating: "}", count: 100)
        #expect(try Glob(limit).matches("a"))
    }

    /// `mayMatchPart(of:)` is false only where no part of the text matches: on random globs and texts over a few
    /// letters, an accented one, a combining mark and the glob's own symbols, every substring is tried.
    @Test func mayMatchPartMissesNoMatch() throws {
        let letters = ["R", "e", "s", "p", "é", "e\u{301}", "J", "a", "r", "/", "."]
        let symbols = ["*", "?", "[a-e]", "{R,J}", "{es,sp}", "**", "[!s]"]
        var state: UInt64 = 17
        func next(_ count: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(count))
        }
        var skipped = 0
        for _ in 0..<600 {
            let pattern = (0..<1 + next(4)).map { _ in
                next(3) == 0 ? symbols[next(symbols.count)] : letters[next(letters.count)]
            }
            .joined()
            guard let glob = try? Glob(pattern) else { continue }
            let text = Array((0..<next(14)).map { _ in letters[next(letters.count)] }.joined().utf8)
            var matched = false
            for start in 0...text.count where !matched {
                for end in start...text.count where !matched {
                    if let part = String(validating: text[start..<end], as: UTF8.self), glob.matches(part) {
                        matched = true
                    }
                }
            }
            let may = glob.mayMatchPart(of: String(decoding: text, as: UTF8.self))
            #expect(may || !matched, "\(pattern) in \(String(decoding: text, as: UTF8.self))")
            if !may { skipped += 1 }
        }
        #expect(skipped > 40)
        #expect(try !Glob("Response").mayMatchPart(of: "type Respons struct{}"))
        #expect(try Glob("{Client,Response}").mayMatchPart(of: "type Response struct{}"))
        #expect(try Glob("*Client").mayMatchPart(of: "package p"))
    }

    @Test(arguments: invalid)
    func rejects(pattern: String, message: String) {
        #expect(throws: PolicyValueError(message: message)) { try Glob(pattern) }
    }

    @Test func bracesCannotExplode() {
        let pattern = String(repeating: "{a,b,c,d}", count: 6)
        #expect(throws: PolicyValueError.self) { try Glob(pattern) }
    }

    /// A backtracking matcher would try about 200^30 ways here and never finish; this one takes about a second in a
    /// debug build on a machine at load 25. The bound only has to tell the two apart, so it leaves room for
    /// load instead of failing when the machine is busy.
    @Test func manyStarsStayFast() throws {
        let glob = try Glob(String(repeating: "*a", count: 30) + "b")
        let text = String(repeating: "a", count: 200)
        let start = ContinuousClock.now
        #expect(!glob.matches(text))
        #expect(ContinuousClock.now - start < .seconds(30))
        let deep = try Glob(String(repeating: "**/", count: 10) + "z")
        #expect(!deep.matches(String(repeating: "a/", count: 100) + "y"))
    }

    @Test func equalityAndDescriptionFollowThePattern() throws {
        #expect(try Glob("a/*") == Glob("a/*"))
        #expect(try Set([Glob("a/*"), Glob("a/*"), Glob("b")]).count == 2)
        #expect(try Glob("a/{b,c}").description == "a/{b,c}")
    }

    static let reach: [(pattern: String, folder: String, reaches: Bool)] = [
        ("*.go", "vendor", false),
        ("*.go", "cmd", false),
        ("{cmd,internal/cmd}/*.go", "cmd", true),
        ("{cmd,internal/cmd}/*.go", "internal", true),
        ("{cmd,internal/cmd}/*.go", "internal/cmd", true),
        ("{cmd,internal/cmd}/*.go", "internal/js", false),
        ("{cmd,internal/cmd}/*.go", "cmd/state", false),
        ("lib/*/**/*.go", "lib", true),
        ("lib/*/**/*.go", "lib/executor/sub", true),
        ("lib/*/**/*.go", "library", false),
        ("internal/{[!c]*,cmd?*}/**/*.go", "internal/cmd", false),
        ("internal/{[!c]*,cmd?*}/**/*.go", "internal/cmdx/a", true),
        ("internal/{[!c]*,cmd?*}/**/*.go", "internal/js/modules", true),
        ("**/*.go", "vendor/a/b", true),
        ("lib/**", "lib/a", true),
        ("lib/**", "li", false),
        ("metrics/builtin.go", "metrics", true),
        ("metrics/builtin.go", "metrics/builtin.go", false),
    ]

    @Test(arguments: reach)
    func reachesFolder(pattern: String, folder: String, reaches: Bool) throws {
        #expect(try Glob(pattern).mayMatch(below: folder) == reaches)
    }

    /// Sound: every folder on the way to a path a glob matches is reachable, for every matching row of the table.
    @Test func everyFolderAboveAMatchIsReachable() throws {
        for (pattern, text, matches) in Self.table where matches && !pattern.contains(":") {
            let glob = try Glob(pattern)
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            for end in parts.indices.dropLast() {
                let folder = parts[...end].joined(separator: "/")
                #expect(glob.mayMatch(below: folder), "\(pattern) should reach \(folder) for \(text)")
            }
        }
    }
}

@Suite("Policy: globs matched against every item are bounded")
struct ItemGlobLimitTests {
    /// A policy over a list surface whose `experimental` holds `count` globs of two alternatives each, and an
    /// exception item and a surface exclude besides.
    static func policy(experimental count: Int) -> String {
        let globs = (0..<count).map { "\"opts:q\($0)*{a,b}\"" }.joined(separator: ", ")
        return """
            semgate: 1
            surfaces:
              opts:
                extract:
                  list: opts.txt
                exclude: ["x*"]
            experimental: [\(globs)]
            exceptions:
              - release: 1.0.1
                items: ["opts:y*"]
                reason: r

            """
    }

    @Test("4,096 alternatives of item globs load; one more is an error at the glob that passes the limit")
    func limit() {
        // exclude and the exception's item are one alternative each: 2,047 globs of two make 4,096.
        #expect(diagnostics(Self.policy(experimental: 2_047)) == [])
        let over = diagnostics(Self.policy(experimental: 2_048))
        #expect(over.count == 1)
        #expect(over.first?.hasPrefix("7:") == true, "\(over)")
        #expect(over.first?.contains("more than 4096 glob alternatives") == true, "\(over)")
        #expect(over.first?.contains("'experimental'") == true, "\(over)")
    }
}
