import Foundation
import Testing
import TestSupport

/// A declaration defined once per build (`f_linux.go`, `f_windows.go`): each build's definition counts (review R75).
@Suite("go-api: per-build definitions, through the built binary")
struct GoPerBuildTests {
    struct Change: CustomTestStringConvertible, Sendable {
        let name: String
        let before: String
        let after: String
        let item: String
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(
            name: "func F(int) to F(string) in the windows file only", before: "func F(x int) {}",
            after: "func F(x string) {}", item: "example.com/lib.F"),
        Change(
            name: "type T int to string in the windows file only", before: "type T int", after: "type T string",
            item: "example.com/lib.T"),
        Change(
            name: "const C = 1 to 2 in the windows file only", before: "const C = 1", after: "const C = 2",
            item: "example.com/lib.C"),
        Change(
            name: "field B removed from the windows T only", before: "type T struct{ A, B int }",
            after: "type T struct{ A int }", item: "example.com/lib.T.B"),
    ]

    private func repository(linux: String, windows: String, then windowsLater: String?) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
        try repo.write("lib.go", "package lib\n\nfunc G() {}\n")
        try repo.write("f_linux.go", "package lib\n\n" + linux + "\n")
        if !windows.isEmpty { try repo.write("f_windows.go", "package lib\n\n" + windows + "\n") }
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        if let windowsLater { try repo.write("f_windows.go", "package lib\n\n" + windowsLater + "\n") }
        try repo.commit("next")
        try repo.tag("v1.1.0")
        return repo
    }

    @Test("one build's definition changed: audit fails naming the item", arguments: changes)
    func oneBuildChanged(change: Change) throws {
        let repo = try repository(linux: change.before, windows: change.before, then: change.after)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        let releases = jsonObject(result.stdout)?["releases"] as? [[String: Any]] ?? []
        let items = (releases.last?["findings"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? String }
        #expect(items.contains { $0.hasSuffix(change.item) }, "findings: \(items)")
    }

    @Test("two files with the same bytes are two builds: F is declared for linux and windows")
    func sameBytes() throws {
        let repo = try repository(linux: "func F(x int) {}", windows: "func F(x int) {}", then: nil)
        let result = try runSemgate(["surface", "v1.0.0"], in: repo.url)
        #expect(result.stdout.contains("example.com/lib.F  build=linux || windows kind=func"), "\(result.stdout)")
    }

    @Test("a build added with its own definition is a minor, not a break")
    func buildAdded() throws {
        let repo = try repository(linux: "func F(x int) {}", windows: "", then: "func F(x string) {}")
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
    }

    /// Two releases of a package: the files each has (`nil` deletes one), after `lib.go`'s `func G() {}`.
    struct Relabel: CustomTestStringConvertible, Sendable {
        let name: String
        let before: [String: String]
        let after: [String: String?]
        var testDescription: String { name }
    }

    static let relabels: [Relabel] = [
        // nerdctl 1.7.3's mountutil: the windows file gains `//go:build windows` (`windows && windows`), and a new
        // `!windows` file declares another per-build name; no build's definition changed.
        Relabel(
            name: "windows file gains //go:build windows, a new !windows file overlaps freebsd and linux",
            before: [
                "m_freebsd.go": "const Mode = \"\"", "m_linux.go": "const Mode = \"rprivate\"\nconst Kind = \"bind\"",
                "m_windows.go": "const Mode = \"\"\nconst Kind = \"npipe\"",
            ],
            after: [
                "m_windows.go": "//go:build windows\n\npackage lib\n\nconst Mode = \"\"\nconst Kind = \"npipe\"",
                "m_other.go": "//go:build !windows\n\npackage lib\n\nfunc other() {}",
                "m_other_windows.go": "func other() {}",
            ]),
        Relabel(
            name: "one file for linux || darwin split into a linux and a darwin file with its value",
            before: [
                "c_unix.go": "//go:build linux || darwin\n\npackage lib\n\nconst C = 1", "c_windows.go": "const C = 2",
            ],
            after: ["c_unix.go": nil, "c_linux.go": "const C = 1", "c_darwin.go": "const C = 1"]),
        Relabel(
            name: "the same build written another way: _linux.go becomes //go:build linux",
            before: ["c_linux.go": "const C = 1", "c_windows.go": "const C = 2"],
            after: ["c_linux.go": nil, "c_l.go": "//go:build linux\n\npackage lib\n\nconst C = 1"]),
    ]

    private func repository(_ relabel: Relabel) throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write(".semgate.yml", "semgate: 1\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
        try repo.write("go.mod", "module example.com/lib\n\ngo 1.21\n")
        try repo.write("lib.go", "package lib\n\nfunc G() {}\n")
        func source(_ text: String) -> String {
            text.hasPrefix("//") ? text + "\n" : "package lib\n\n" + text + "\n"
        }
        for (name, text) in relabel.before { try repo.write(name, source(text)) }
        try repo.commit("v1")
        try repo.tag("v1.0.0")
        for (name, text) in relabel.after {
            if let text { try repo.write(name, source(text)) } else { try repo.remove(name) }
        }
        try repo.commit("next")
        try repo.tag("v1.0.1")
        return repo
    }

    @Test(
        "labels written another way, split or overlapped: what every build sees is unchanged, the patch passes",
        arguments: relabels)
    func relabelled(relabel: Relabel) throws {
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
    }

    @Test("a label split with one build's value changed is still a break")
    func splitWithChange() throws {
        let relabel = Relabel(
            name: "split, darwin changed",
            before: [
                "c_unix.go": "//go:build linux || darwin\n\npackage lib\n\nconst C = 1", "c_windows.go": "const C = 2",
            ],
            after: ["c_unix.go": nil, "c_linux.go": "const C = 1", "c_darwin.go": "const C = 3"])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("example.com/lib.C"))
    }

    /// rclone 1.48.0's vfs.ECLOSED: `!go1.8: type=error` and `go1.8: type=?` become one definition of type `?`.
    @Test("one build's type becoming `?` is not claimed, and a note names it")
    func unreadInOneBuild() throws {
        let relabel = Relabel(
            name: "type error in !go1.8 becomes ?",
            before: [
                "e_old.go": "//go:build !go1.8\n\npackage lib\n\nimport \"errors\"\n\nvar E error = errors.New(\"x\")",
                "e_new.go": "//go:build go1.8\n\npackage lib\n\nimport \"os\"\n\nvar E = os.ErrClosed",
            ],
            after: ["e_old.go": nil, "e_new.go": "import \"os\"\n\nvar E = os.ErrClosed"])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(
            result.stdout.contains("example.com/lib.E (builds !go1.8: type=error; go1.8: type=? → none)"),
            "\(result.stdout)")
    }

    @Test("a value holding `; windows: value=` cannot pose as another build's definition")
    func hostileValue() throws {
        let relabel = Relabel(
            name: "hostile",
            before: ["c_linux.go": "const C = \"a\"", "c_windows.go": "const C = \"b\""],
            after: ["c_windows.go": "const C = \"b; windows: value=\\\"b\\\"\""])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
    }

    // A project's own tags (`//go:build extra`) are judged unset, as `go build` without `-tags` builds the package.

    @Test("definitions that differ only in builds made with -tags: no finding, and a note names the tags")
    func freeTagsOnly() throws {
        let relabel = Relabel(
            name: "tag1 and tag2 files, tag2's value changed",
            before: [
                "c_a.go": "//go:build tag1\n\npackage lib\n\nconst C = 1",
                "c_b.go": "//go:build tag2\n\npackage lib\n\nconst C = 2",
            ],
            after: ["c_b.go": "//go:build tag2\n\npackage lib\n\nconst C = 3"])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("example.com/lib.C: it differs only in builds made with `go build -tags`"))
        #expect(result.stdout.contains("`tag1`, `tag2`"), "\(result.stdout)")
    }

    /// The fail-closed side of judging default builds: what only `-tags` builds compile is gone for every user.
    @Test(
        "F moved from a plain file into a file only built with -tags extra is removed",
        arguments: [
            "//go:build extra", "// +build extra", "//go:build extra && linux",
        ])
    func movedIntoTaggedFile(constraint: String) throws {
        let relabel = Relabel(
            name: constraint, before: ["f.go": "func F() {}"],
            after: ["f.go": nil, "f_more.go": constraint + "\n\npackage lib\n\nfunc F() {}"])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("example.com/lib.F"))
    }

    @Test("F moved into a file every default build compiles (an opt-out tag) is no change, with a note")
    func movedIntoOptOutFile() throws {
        let relabel = Relabel(
            name: "opt-out", before: ["f.go": "func F() {}"],
            after: ["f.go": "//go:build !noextra\n\npackage lib\n\nfunc F() {}"])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("`noextra`"), "\(result.stdout)")
    }

    /// Review R67: a `build` no build satisfies, or one narrowed to fewer systems, is a removal for the builds left out.
    @Test(
        "F moved into a file no build compiles, or only plan9 does, is removed",
        arguments: [
            ["f.go": "//go:build linux && !linux\n\npackage lib\n\nfunc F() {}"],
            ["f_windows.go": "//go:build linux\n\npackage lib\n\nfunc F() {}"],
            ["f.go": "//go:build go1.1 && !go1.1\n\npackage lib\n\nfunc F() {}"],
            ["f_plan9.go": "func F() {}"],
        ])
    func neverOrNarrowlyBuilt(files: [String: String]) throws {
        var after: [String: String?] = ["f.go": nil]
        for (name, text) in files { after[name] = .some(text) }
        let relabel = Relabel(name: "moved", before: ["f.go": "func F() {}"], after: after)
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("example.com/lib.F"))
    }

    @Test("an item only -tags builds have, removed or added: no finding, and a note names the tag")
    func taggedItemRemovedOrAdded() throws {
        let relabel = Relabel(
            name: "tagged F removed, tagged H added",
            before: ["f.go": "//go:build extra\n\npackage lib\n\nfunc F() {}"],
            after: ["f.go": nil, "h.go": "//go:build extra\n\npackage lib\n\nfunc H() {}"])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("example.com/lib.F, api:example.com/lib.H: they differ only in builds"))
        #expect(!result.stdout.contains("embeds another module"), "\(result.stdout)")
    }

    /// rclone 1.46.0's backend/drive gained `// +build go1.9`: a current Go builds it as before.
    @Test("F moved into a file that needs a newer Go release is no change; one no Go release has yet is a removal")
    func goRelease() throws {
        for (constraint, status) in [("//go:build go1.18", Int32(0)), ("//go:build go1.99", Int32(1))] {
            let relabel = Relabel(
                name: constraint, before: ["f.go": "func F() {}"],
                after: ["f.go": constraint + "\n\npackage lib\n\nfunc F() {}"])
            let repo = try repository(relabel)
            let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
            #expect(result.status == status, "\(constraint): \(result.stdout) stderr: \(result.stderr)")
        }
    }

    /// Precision class J1 (rclone 1.53.0, "build: make rclone build with wasm"): backends' labels gained `!js` where
    /// the release before never built for js/wasm; 272 false errors. A real port left out, or js left out by a project
    /// whose release before named it, is still a removal.
    @Test(
        "a label leaving out a WebAssembly port the release before never named: no finding, and a note (fails before)",
        arguments: [
            ("//go:build !plan9", "//go:build !plan9 && !js"),
            ("//go:build !plan9", "//go:build !plan9 && !wasm"),
            ("func F() {}", "//go:build !js"),
        ])
    func webAssemblyNeverNamed(before: String, after: String) throws {
        let body = "\n\npackage lib\n\nfunc F() {}"
        let old = before.hasPrefix("//go:build") ? before + body : before
        let relabel = Relabel(name: after, before: ["f.go": old], after: ["f.go": after + body])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("api:example.com/lib.F: lost or changed only in builds for WebAssembly"))
    }

    @Test(
        "a label leaving out windows, linux/amd64, or js where the release before named js, is a removal",
        arguments: [
            (["f.go": "func F() {}"], "//go:build !windows"),
            (["f.go": "func F() {}"], "//go:build !(linux && amd64)"),
            (
                [
                    "f.go": "func F() {}", "t_js.go": "func T() int { return 1 }",
                    "t.go": "//go:build !js\n\npackage lib\n\nfunc T() int { return 2 }",
                ], "//go:build !js"
            ),
        ])
    func portsJudged(before: [String: String], label: String) throws {
        let relabel = Relabel(name: label, before: before, after: ["f.go": label + "\n\npackage lib\n\nfunc F() {}"])
        let repo = try repository(relabel)
        let result = try runSemgate(["audit", "--format", "json"], in: repo.url)
        #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
        #expect(result.stdout.contains("example.com/lib.F"))
    }
}
