import Testing

@testable import GoSource

@Suite("build constraints written one way")
struct BuildConditionTests {
    @Test("a constraint as the parser gives it, normalized", arguments: [
        ("linux", "linux"),
        ("  linux&&!arm  ", "linux && !arm"),
        ("(darwin || freebsd || linux)", "darwin || freebsd || linux"),
        ("(a || b) && (c || d)", "(a || b) && (c || d)"),
        ("((a))", "a"),
        ("!(a && b)", "!(a && b)"),
    ])
    func normalized(_ pair: (String, String)) {
        #expect(GoBuildConstraintText.normalized(pair.0) == pair.1)
    }

    @Test("the // +build lines of a file read as its //go:build line")
    func plusBuildLines() {
        let old = GoParser.parse("// +build darwin freebsd\n// +build !windows\n\npackage p\n")
        let new = GoParser.parse("//go:build (darwin || freebsd) && !windows\n\npackage p\n")
        let alone = GoParser.parse("// +build darwin linux\n\npackage p\n")
        #expect(old.buildConstraint.flatMap(GoBuildConstraintText.normalized) == "(darwin || freebsd) && !windows")
        #expect(new.buildConstraint.flatMap(GoBuildConstraintText.normalized) == "(darwin || freebsd) && !windows")
        #expect(alone.buildConstraint.flatMap(GoBuildConstraintText.normalized) == "darwin || linux")
        // Terms joined by commas are one alternative: parenthesized as `go fix` writes the //go:build line.
        let commas = GoParser.parse("// +build linux,go1.11 darwin,go1.11\n// +build !nofuse\n\npackage p\n")
        let fixed = GoParser.parse("//go:build ((linux && go1.11) || (darwin && go1.11)) && !nofuse\n\npackage p\n")
        #expect(
            commas.buildConstraint.flatMap(GoBuildConstraintText.normalized)
                == "((linux && go1.11) || (darwin && go1.11)) && !nofuse")
        #expect(
            fixed.buildConstraint.flatMap(GoBuildConstraintText.normalized)
                == commas.buildConstraint.flatMap(GoBuildConstraintText.normalized))
        let single = GoParser.parse("// +build linux,cgo\n\npackage p\n")
        #expect(single.buildConstraint.flatMap(GoBuildConstraintText.normalized) == "linux && cgo")
    }

    @Test("a constraint counts only where go/build reads one (parseFileHeader): otherwise the file builds", arguments: [
        // No blank line between `// +build` and the package clause: no constraint (vet: misplaced +build).
        ("// +build ignore\npackage p\n", nil),
        // Below the blank line that ends a copyright block, above a doc comment: not in the header Go reads.
        ("// Copyright x.\n\n// +build ignore\n// Package p.\npackage p\n", nil),
        // `//go:build` after a `/* */` comment on its line, or inside one: no constraint.
        ("/* x */ //go:build ignore\n\npackage p\n", nil),
        ("/*\n//go:build ignore\n*/\n\npackage p\n", nil),
        ("// +buildx ignore\n\npackage p\n", nil),
        // Where Go reads them.
        ("// +build ignore\n\npackage p\n", "ignore"),
        ("// Copyright x.\n\n// +build ignore\n\n// Package p.\npackage p\n", "ignore"),
        ("//go:build ignore\npackage p\n", "ignore"),
        ("// Copyright x.\n\n//go:build ignore\n// Package p.\npackage p\n", "ignore"),
        ("/* x */\n//go:build ignore\n\npackage p\n", "ignore"),
        ("  \t//go:build  linux \n\npackage p\n", "linux"),
        ("//go:build linux\n// +build windows\n\npackage p\n", "linux"),
    ] as [(String, String?)])
    func header(_ pair: (String, String?)) {
        #expect(GoParser.parse(pair.0).buildConstraint == pair.1, "\(pair.0.debugDescription)")
    }

    @Test("repository text that is no build expression gives no condition; a long one is cut")
    func hostile() {
        #expect(GoBuildConstraintText.normalized("linux && \u{1b}[31m") == nil)
        #expect(GoBuildConstraintText.normalized("linux & windows") == nil)
        #expect(GoBuildConstraintText.normalized("línux") == nil)
        let long = Array(repeating: "tag", count: 500).joined(separator: " || ")
        let cut = GoBuildConstraintText.normalized(long)
        #expect(cut?.count == GoBuildConstraintText.maximumLength + 3)
        #expect(cut?.hasSuffix("...") == true)
    }

    @Test("file names that build for one system or architecture")
    func fileNames() {
        #expect(GoFileNameCondition.of("main_linux.go") == "linux")
        #expect(GoFileNameCondition.of("main_linux_arm64.go") == "linux && arm64")
        #expect(GoFileNameCondition.of("main_nolinux.go") == nil)
        #expect(GoFileNameCondition.of("linux.go") == nil)
    }

    @Test("a constraint read as an expression and written one way, repeated terms dropped", arguments: [
        ("windows && windows", "windows"),
        ("freebsd || linux || (windows && windows)", "freebsd || linux || windows"),
        ("((!pivkey || !cgo)) || (pivkey && cgo)", "!pivkey || !cgo || (pivkey && cgo)"),
        ("linux && (a || b)", "linux && (a || b)"),
        ("!!linux", "linux"),
        ("!(a && b)", "!(a && b)"),
    ])
    func expression(_ pair: (String, String)) {
        #expect(GoBuildExpression(pair.0)?.text == pair.1)
    }

    @Test("what is no constraint, or nests too deep, is not read")
    func notAnExpression() {
        #expect(GoBuildExpression("linux &&") == nil)
        #expect(GoBuildExpression("(linux") == nil)
        #expect(GoBuildExpression("a, b") == nil)
        #expect(GoBuildExpression(String(repeating: "!", count: 200) + "a") == nil)
    }

    @Test("concrete builds read tags as go/build does")
    func builds() throws {
        let builds = try #require(GoBuild.all(telling: ["unix", "linux", "amd64", "go1.8", "cgo"]))
        // 18 systems × (amd64, another) × (older, go1.8) × cgo on or off.
        #expect(builds.count == 18 * 2 * 2 * 2)
        let android = try #require(builds.first { $0.system == "android" })
        #expect(android.holds("linux") && android.holds("unix") && !android.holds("darwin"))
        let windows = try #require(builds.first { $0.system == "windows" && $0.version == 8 })
        #expect(!windows.holds("unix") && windows.holds("go1.7") && !windows.holds("go1.9"))
        let tautology = try #require(GoBuildExpression("!go1.8 || go1.8"))
        #expect(builds.allSatisfy { tautology.holds($0.holds) })
        #expect(GoBuild.all(telling: Set((0..<20).map { "tag\($0)" })) == nil)
    }
}

