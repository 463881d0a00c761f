import Testing
import TestSupport

@testable import Cobra

/// A reader that carries what it can from one revision to the next (the names' numbering, each blob parsed once and
/// its bodies and name translations kept with it) must give every revision exactly the surface a fresh read gives.
/// The histories are random edits of a generated command line: files rewritten, added, removed and renamed (the same
/// blob under another path, which moves every later file's index), bodies moved within their file, helpers of other
/// packages and package-level names of other files changed under files that did not change.
@Suite("cobra extractor: a reader carrying state across revisions reads each as a fresh reader does")
struct CobraHistoryTests {
    /// A random command line and its edits, as Go files by path.
    struct Generator {
        var random: SplitMix64
        var files: [String: String] = [:]
        /// The command files of each group, by number.
        var commands: [Int: Set<Int>] = [:]
        /// The groups whose folder exists (of 0..<6): a folder removed or added changes the folders imports name.
        var groups: Set<Int> = []
        var serial = 0

        init(seed: UInt64) {
            random = SplitMix64(seed: seed)
        }

        mutating func chance(_ outOf: Int) -> Bool { Int.random(in: 0..<outOf, using: &random) == 0 }
        mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }

        static func folder(_ group: Int) -> String { "cmd/g\(group)" }

        /// Blank lines and comments that move what follows (offsets, lines) without changing what it means.
        mutating func padding() -> String {
            String(repeating: "// padding\n", count: number(0...2)) + (chance(2) ? "\n" : "")
        }

        mutating func rootFile() -> String {
            // Groups whose folder may not exist (yet): the import then names no folder of the program.
            let groups = (0..<6).filter { _ in !chance(4) }
            var text = "package root\n\nimport (\n\t\"github.com/spf13/cobra\"\n\n"
            for group in groups { text += "\t\"example.com/tool/cmd/g\(group)\"\n" }
            text += ")\n\n" + padding()
            text += "var rootName = \"tool\"\n\n"
            text += "func NewRoot() *cobra.Command {\n\troot := &cobra.Command{Use: rootName}\n"
            text += pick([
                "\troot.PersistentFlags().String(\"config\", \"\", \"config file\")\n",
                "\troot.PersistentFlags().StringP(\"config\", \"c\", \"\", \"config file\")\n",
            ])
            for group in groups { text += "\troot.AddCommand(g\(group).NewCommand())\n" }
            text += "\treturn root\n}\n"
            return text
        }

        mutating func utilFile() -> String {
            var text = "package util\n\nimport \"github.com/spf13/cobra\"\n\n" + padding()
            text += "var OutputFormats = []string{\(pick(["\"json\"", "\"json\", \"yaml\"", ""]))}\n\n"
            text += "func AddOutputFlag(cmd *cobra.Command) {\n"
            switch number(0...3) {
            case 0: text += "\tcmd.Flags().StringP(\"output\", \"o\", \"\", \"output format\")\n"
            case 1: text += "\tcmd.Flags().String(\"output\", \"\", \"output format\")\n"
            case 2: text += "\tcmd.Flags().BoolP(\"output\", \"o\", false, \"output\")\n"
            default:
                text += "\tcmd.Flags().StringP(\"output\", \"o\", \"\", \"output format\")\n"
                text += "\tcmd.Flags().Bool(\"quiet\", false, \"say less\")\n"
                text += "\t_ = cmd.Flags().MarkHidden(\"quiet\")\n"
            }
            text += "}\n\ntype Printer struct {\n\tFormat string\n}\n\n"
            text += "func (p *Printer) AddFlags(cmd *cobra.Command) {\n"
            text += "\tcmd.Flags().StringVar(&p.Format, \"\(pick(["format", "template"]))\", \"\", \"how to print\")\n"
            text += "}\n"
            return text
        }

        mutating func groupFile(_ group: Int) -> String {
            var text = "package g\(group)\n\nimport \"github.com/spf13/cobra\"\n\n" + padding()
            text += "func NewCommand() *cobra.Command {\n"
            text += "\tgroup := &cobra.Command{Use: \"g\(group)\"\(chance(2) ? ", Aliases: groupAliases" : "")}\n"
            // Constructors of files that may have been removed: an `AddCommand` that cannot be followed.
            var listed = Array(commands[group, default: []]).sorted()
            if chance(3) { listed.append(number(0...7)) }
            for command in Set(listed).sorted() where !chance(6) {
                text += "\tgroup.AddCommand(newc\(command)Command())\n"
            }
            if chance(2) {
                text += "\tfor _, name := range []string{\(pick(["\"x\", \"y\"", "\"x\"", "\"y\", \"z\""]))} {\n"
                text += "\t\tgroup.AddCommand(newNamed(name))\n\t}\n"
            }
            text += "\treturn group\n}\n\n" + padding()
            text += "func addCommonFlags(cmd *cobra.Command, verbose *bool) {\n"
            text += "\tcmd.Flags().BoolVarP(verbose, \"verbose\", \"\(pick(["v", "V"]))\", false, \"say more\")\n}\n\n"
            text += "func newNamed(name string) *cobra.Command {\n\tcmd := &cobra.Command{Use: name}\n"
            text += "\tcmd.Flags().\(pick(["Int", "Int64"]))(\"level\", 0, \"how deep\")\n\treturn cmd\n}\n"
            return text
        }

        /// A package-level name read by command files of the group (`Use: sharedUse`, `Aliases: groupAliases`).
        mutating func namesFile(_ group: Int) -> String {
            "package g\(group)\n\n" + padding() + "var sharedUse = \"\(pick(["shared", "common", "s"]))\"\n\n"
                + "var groupAliases = []string{\(pick(["\"ga\"", "\"ga\", \"gb\"", ""]))}\n"
        }

        mutating func commandFile(group: Int, command: Int) -> String {
            serial += 1
            let name = "c\(command)"
            var text = "package g\(group)\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/spf13/cobra\"\n\n"
            text += "\t\"example.com/tool/cmd/util\"\n)\n\n" + padding()
            text += "type \(name)Options struct {\n\tname    string\n\tverbose bool\n\tprinter util.Printer\n}\n\n"
            text += padding()
            text += "func new\(name)Command() *cobra.Command {\n\topts := &\(name)Options{}\n"
            text += "\tcmd := &cobra.Command{\n"
            switch number(0...3) {
            case 0: text += "\t\tUse: \"\(name) [flags]\",\n"
            case 1: text += "\t\tUse: fmt.Sprintf(\"%s-%d\", \"\(name)\", \(number(0...2))),\n"
            case 2: text += "\t\tUse: sharedUse + \"-\(name)\",\n"
            default: text += "\t\tUse: \"\(name)\",\n"
            }
            if chance(2) { text += "\t\tAliases: []string{\"\(name)-alias\"\(chance(2) ? ", \"\(name)a\"" : "")},\n" }
            if chance(5) { text += "\t\tHidden: true,\n" }
            if chance(6) { text += "\t\tDeprecated: \"use something else\",\n" }
            text += "\t\tRunE: func(cmd *cobra.Command, args []string) error {\n"
            text += "\t\t\tfmt.Println(opts.name, \(serial), len(args))\n\t\t\treturn nil\n\t\t},\n\t}\n"
            text += "\tflags := cmd.Flags()\n"
            switch number(0...2) {
            case 0: text += "\tflags.StringVarP(&opts.name, \"name\", \"n\", \"\", \"the name\")\n"
            case 1: text += "\tflags.StringVar(&opts.name, \"name\", \"\", \"the name\")\n"
            default: text += "\tflags.StringSliceVar(nil, \"name\", nil, \"the names\")\n"
            }
            for option in 0..<number(0...3) { text += "\tflags.Bool(\"option-\(option)\", false, \"option\")\n" }
            if chance(3) { text += "\t_ = flags.MarkDeprecated(\"option-0\", \"gone soon\")\n" }
            if chance(2) { text += "\taddCommonFlags(cmd, &opts.verbose)\n" }
            if chance(2) { text += "\tutil.AddOutputFlag(cmd)\n" }
            if chance(3) { text += "\topts.printer.AddFlags(cmd)\n" }
            if chance(3) { text += "\tcmd.AddCommand(new\(name)Sub(\"\(pick(["sub", "child"]))\"))\n" }
            if chance(4) {
                text += "\tcmd.AddCommand(func() *cobra.Command {\n\t\tinner := &cobra.Command{Use: \"inner\"}\n"
                text += "\t\tinner.Flags().Int(\"depth\", 0, \"\")\n\t\treturn inner\n\t}())\n"
            }
            text += "\treturn cmd\n}\n\n" + padding()
            text += "func new\(name)Sub(use string) *cobra.Command {\n\tsub := &cobra.Command{Use: use}\n"
            text += pick(["\tsub.Flags().Bool(\"force\", false, \"\")\n", "\tsub.Flags().String(\"force\", \"\", \"\")\n"])
            text += "\treturn sub\n}\n"
            return text
        }

        mutating func addGroup(_ group: Int) {
            groups.insert(group)
            commands[group] = Set((0..<number(1...4)))
            files[Self.folder(group) + "/group.go"] = groupFile(group)
            files[Self.folder(group) + "/names.go"] = namesFile(group)
            for command in commands[group]!.sorted() {
                files[Self.folder(group) + "/c\(command).go"] = commandFile(group: group, command: command)
            }
        }

        mutating func start() {
            for group in 0..<4 { addGroup(group) }
            files["cmd/util/flags.go"] = utilFile()
            files["cmd/root/root.go"] = rootFile()
        }

        /// The path of command `command` of `group`, wherever a rename put it.
        func path(group: Int, command: Int) -> String? {
            let prefix = Self.folder(group) + "/"
            return files.keys.sorted().first { path in
                path.hasPrefix(prefix) && files[path]!.contains("func newc\(command)Command()")
            }
        }

        mutating func edit() {
            let group = number(0...5)
            if !groups.contains(group) {
                // A package folder added (the root may import it already).
                addGroup(group)
                return
            }
            switch number(0...10) {
            case 10:
                // A package folder removed with every file in it.
                groups.remove(group)
                commands[group] = nil
                for path in files.keys where path.hasPrefix(Self.folder(group) + "/") { files[path] = nil }
                return
            case 0, 1, 2:
                // A command rewritten.
                if let command = commands[group]?.randomElement(using: &random),
                    let path = path(group: group, command: command)
                {
                    files[path] = commandFile(group: group, command: command)
                }
            case 3:
                // A command added, and listed by its group (or not yet).
                let command = number(0...7)
                guard path(group: group, command: command) == nil else { return }
                commands[group, default: []].insert(command)
                files[Self.folder(group) + "/c\(command).go"] = commandFile(group: group, command: command)
                if chance(3) { files[Self.folder(group) + "/group.go"] = groupFile(group) }
            case 4:
                // A command removed (its group may still list it).
                if let command = commands[group]?.randomElement(using: &random),
                    let path = path(group: group, command: command)
                {
                    commands[group]?.remove(command)
                    files[path] = nil
                    if chance(2) { files[Self.folder(group) + "/group.go"] = groupFile(group) }
                }
            case 5:
                // A command renamed: the same blob under another path.
                if let command = commands[group]?.randomElement(using: &random),
                    let path = path(group: group, command: command)
                {
                    let text = files.removeValue(forKey: path)
                    // Sometimes to a name that builds for one system only (`_linux.go`): the path decides the build.
                    let system = pick(["", "", "_linux", "_windows"])
                    files[Self.folder(group) + "/\(pick(["a", "z", "m"]))\(command)_\(serial)\(system).go"] = text
                    serial += 1
                }
            case 6: files[Self.folder(group) + "/group.go"] = groupFile(group)
            case 7: files[Self.folder(group) + "/names.go"] = namesFile(group)
            case 8: files["cmd/util/flags.go"] = utilFile()
            default: files["cmd/root/root.go"] = rootFile()
            }
        }
    }

    @Test("every revision of a random history reads as a fresh reader reads it", arguments: [1, 2, 3, 4] as [UInt64])
    func randomHistory(seed: UInt64) {
        var generator = Generator(seed: seed)
        generator.start()
        let names = CobraNames()
        var parsed: [String: CobraSourceFile] = [:]
        var surfaces: Set<[CobraItem]> = []
        for revision in 0..<20 {
            if revision > 0 {
                for _ in 0..<generator.number(1...3) { generator.edit() }
            }
            let files = generator.files
            // Each blob parsed once and shared by every revision that holds it, as the reader shares them.
            let shared = files.sorted { $0.key < $1.key }.map { path, text in
                let source = parsed[text] ?? CobraSourceFile(source: text)
                parsed[text] = source
                return (path: path, source: source)
            }
            let carried = CobraExtractor.surface(of: shared, root: "tool", names: names)
            let fresh = CobraExtractor.surface(
                of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: "tool")
            #expect(carried.items == fresh.items, "seed \(seed), revision \(revision)")
            #expect(carried.notes.sorted() == fresh.notes.sorted(), "seed \(seed), revision \(revision)")
            #expect(carried.incomplete == fresh.incomplete, "seed \(seed), revision \(revision)")
            #expect(carried.uncertain == fresh.uncertain, "seed \(seed), revision \(revision)")
            #expect(carried.unplacedRoots == fresh.unplacedRoots, "seed \(seed), revision \(revision)")
            #expect(fresh.items.count >= 2, "seed \(seed), revision \(revision): \(fresh.items.count) items")
            surfaces.insert(fresh.items)
        }
        // The edits change the surface: the history is not the same program read 24 times.
        #expect(surfaces.count > 10, "seed \(seed): \(surfaces.count) different surfaces")
    }
}
