import Cobra
import Testing

/// Which cobra a program builds with, read from module files written by whoever opened the pull request.
@Suite("cobra module: the version a go.mod or vendor/modules.txt names")
struct CobraModuleTests {
    @Test("require lines, blocks, replace directives, quotes, comments and CRLF line ends")
    func forms() {
        func version(_ goMod: String) -> String? { CobraModule.read(goMod: ("go.mod", goMod))?.version }
        #expect(version("module m\r\n\r\nrequire github.com/spf13/cobra v1.2.1 // indirect\r\n") == "v1.2.1")
        #expect(version("module m\nrequire (\n\t\"github.com/spf13/cobra\" v1.8.0\n)\n") == "v1.8.0")
        #expect(
            version(
                "require github.com/spf13/cobra v1.1.3\nreplace github.com/spf13/cobra v1.1.3 => example.com/c v1.3.0")
                == "v1.3.0")
        // A replace of another version does not apply.
        #expect(
            version(
                "require github.com/spf13/cobra v1.1.3\nreplace github.com/spf13/cobra v1.0.0 => example.com/c v1.3.0")
                == "v1.1.3")
        #expect(version("require github.com/spf13/cobra-extra v1.9.0\n") == nil)
        #expect(CobraModule.read(goMod: ("go.mod", "module m\n")) == nil)
        let local = CobraModule.read(
            goMod: (
                "go.mod", "require github.com/spf13/cobra v1.2.1\nreplace (\n\tgithub.com/spf13/cobra => ../cobra\n)\n"
            ))
        #expect(local?.version == nil && local?.line == 3)
        #expect(local?.unknown == "go.mod:3 replaces cobra by a folder of the repository")
    }

    @Test("hostile text: no version but SemVer's shape is taken, and none of the text is repeated")
    func hostile() {
        let escape = "\u{1B}]8;;http://x\u{07}v1.2.1"
        let module = CobraModule.read(goMod: ("go.mod", "require github.com/spf13/cobra \(escape)\n"))
        #expect(module?.version == nil)
        #expect(module?.unknown == "go.mod:1 gives cobra a version that is not of the form vMAJOR.MINOR.PATCH")
        #expect(
            CobraModule.read(goMod: ("go.mod", "require github.com/spf13/cobra v1.99999999999.0\n"))?.version == nil)
        // A huge file: only the first 100,000 lines are read, so a require after them is not seen.
        let huge = String(repeating: "// filler\n", count: 200_000) + "require github.com/spf13/cobra v1.2.1\n"
        #expect(CobraModule.read(goMod: ("go.mod", huge)) == nil)
    }

    @Test("vendor/modules.txt, what the build selected, wins over go.mod")
    func vendored() {
        let module = CobraModule.read(
            goMod: ("go.mod", "require github.com/spf13/cobra v1.1.3\n"),
            modulesTxt: ("vendor/modules.txt", "# github.com/spf13/pflag v1.0.5\n# github.com/spf13/cobra v1.2.1\n"))
        #expect(module == CobraModule(version: "v1.2.1", path: "vendor/modules.txt", line: 2))
        let fork = CobraModule.read(
            goMod: nil, modulesTxt: ("vendor/modules.txt", "# github.com/spf13/cobra v1.1.3 => example.com/c v1.4.0\n"))
        #expect(fork?.version == "v1.4.0")
    }
}
