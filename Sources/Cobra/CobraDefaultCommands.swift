/// The cobra module a program builds with, as its module files say, and so which default commands cobra gives it.
///
/// cobra adds commands of its own to the root when a program runs: `help` (every version, when the root has
/// subcommands) and, from cobra 1.2.0, `completion` with `bash`, `zsh`, `fish` and `powershell` under it (each with
/// `--no-descriptions`). Users type them like any other command, so they are part of what a release promises.
public struct CobraModule: Sendable, Hashable {
    /// The version cobra is built at (`v1.2.1`, a pseudo-version, or a fork's version), nil when it cannot be read.
    public let version: String?
    /// The module file that says so (`go.mod`, `vendor/modules.txt`) and its line; the location of the default items.
    public let path: String
    public let line: Int
    /// Why the version is unknown, when it is (a `replace` by a local folder, no `require` line).
    public let unknown: String?
    /// The program's own module path, as its `go.mod` declares it (`module k8s.io/minikube`); nil when not read.
    public var program: String?

    /// cobra's module path.
    static let modulePath = "github.com/spf13/cobra"

    public init(version: String?, path: String, line: Int, unknown: String? = nil) {
        self.version = version
        self.path = path
        self.line = line
        self.unknown = unknown
    }

    /// The module that `goMod` (at `goModPath`) and, when given, `modulesTxt` (`vendor/modules.txt`, what `go mod
    /// vendor` selected, which wins) say cobra is; nil when neither names cobra.
    ///
    /// The files are written by whoever opened the pull request: only a version of SemVer's shape is taken, never a
    /// line's other text.
    public static func read(
        goMod: (path: String, text: String)?, modulesTxt: (path: String, text: String)? = nil
    ) -> CobraModule? {
        var found = modulesTxt.flatMap { fromModulesTxt($0.text, path: $0.path) }
        if found == nil, let goMod { found = fromGoMod(goMod.text, path: goMod.path) }
        if let goMod { found?.program = programModule(goMod.text) }
        return found
    }

    /// The module path of a `go.mod`'s `module` line.
    private static func programModule(_ text: String) -> String? {
        for (_, words) in directives(of: text) where words.count >= 2 && words[0] == "module" {
            return String(unquoted(words[1]))
        }
        return nil
    }

    /// Where, besides the module cache, Go may take the code of a package from, as the tree around the files read
    /// shows it (``groupAdderElsewhere(goMods:tree:)``); the Surface layer looks (`ExtractionContext.groupAdderTree()`).
    public struct PackageSources: Sendable, Hashable {
        /// The `go.work` files at or above the folders of the files read (`go` uses the nearest one to where it runs).
        public var workspaces: [String] = []
        /// The `vendor/` copies of the package there whose code is not the module's as published.
        public var vendored: [String] = []
        /// The module files (`go.mod`, `vendor.mod`) there, path and blob id: the one `go` builds with is among them.
        public var moduleFiles: [String] = []
        /// Why the tree could not be looked at (a link on the way, too many entries), when it could not.
        public var unread: String?

        public init(workspaces: [String] = [], vendored: [String] = [], moduleFiles: [String] = [], unread: String? = nil) {
            self.workspaces = workspaces
            self.vendored = vendored
            self.moduleFiles = moduleFiles
            self.unread = unread
        }

        /// One line a fact, for cache keys.
        public var summary: String {
            (workspaces.map { "work \($0.utf8.count):\($0)" } + vendored.map { "vendored \($0.utf8.count):\($0)" }
                + moduleFiles.map { "module \($0.utf8.count):\($0)" } + (unread.map { ["unread \($0)"] } ?? []))
                .joined(separator: "\n")
        }
    }

    /// Why Go may build code other than kubectl's published module for the group adder's package
    /// (``CobraGroupAdder/package``) in this program: nil when it builds kubectl's, else a reason for a note
    /// (review R104). The pull request writes every file named here, so any of these is enough:
    /// - a `go.work` at or above the files read: the workspace's modules, or its `replace`s, may provide the package
    ///   (the nearest one to where `go` runs wins over `go.mod`);
    /// - a `vendor/` copy of the package there whose `command_groups.go` is not kubectl's published file (`go build`
    ///   uses `vendor/` by default from go 1.14, and always in GOPATH mode);
    /// - a `go.mod` `replace` of kubectl by a folder or another host's module (`=> ./kubectl`,
    ///   `=> example.com/fork v1.0.0`; not `=> k8s.io/kubernetes/staging/src/k8s.io/kubectl v0.0.0-...`, minikube
    ///   1.3.0's), or a `require` or `replace` of any module under kubectl's path (`k8s.io/kubectl/pkg/util`): the
    ///   longest module path that is a prefix of the package provides it;
    /// - a `module` line of a module file there whose path is the package's or above it (`module k8s.io/kubectl/pkg`):
    ///   the repository's own folder is the package;
    /// - a module path written with escapes (`"k8s.io/kube\x63tl/pkg"`), which is not read here.
    ///
    /// `goMods` are every module file at or above the files read (``PackageSources/moduleFiles``): the program may be
    /// built in any of those modules, whichever holds most of the files.
    public static func groupAdderElsewhere(goMods: [(path: String, text: String)], tree: PackageSources) -> String? {
        let package = CobraGroupAdder.package
        if let unread = tree.unread { return "where go takes \(package) from cannot be read here (\(unread))" }
        if let workspace = tree.workspaces.first {
            return "\(workspace) makes a Go workspace, whose modules may provide \(package)"
        }
        if let copy = tree.vendored.first {
            return "\(copy) holds a copy of \(package) that is not kubectl's published code, and go builds from vendor/"
        }
        let module = CobraGroupAdder.module
        let host = { (path: Substring) in path.split(separator: "/", maxSplits: 1).first ?? "" }
        for goMod in goMods {
            for (line, words) in directives(of: goMod.text) where words.count >= 2 {
                let path = unquoted(words[1])
                let at = "\(goMod.path):\(line)"
                // A module of the repository whose path is the package's or above it provides the package itself.
                if words[0] == "module", package == path || package.hasPrefix(path + "/") {
                    return "\(at) declares the module \(path), which provides \(package) itself"
                }
                guard words[0] == "replace" || words[0] == "require" else { continue }
                if path.contains("\\") || words.contains(where: { $0 != "=>" && $0.contains("=>") }) {
                    guard words.contains(where: { $0.contains("kube") }) || path.contains("\\") else { continue }
                    return "\(at) names a module in a form not read here (an escape, or `=>` inside a word)"
                }
                if path.hasPrefix(module + "/") {
                    return "\(at) \(words[0])s the module \(path), which may provide \(package)"
                }
                guard words[0] == "replace", path == module, let arrow = words.firstIndex(of: "=>"),
                    arrow + 1 < words.endIndex
                else { continue }
                let target = unquoted(words[arrow + 1])
                if target.hasPrefix(".") || target.hasPrefix("/") || host(target) != host(path)
                    || target.contains("\\")
                {
                    return "\(at) replaces \(module) by \(target)"
                }
            }
        }
        return nil
    }

    /// Whether cobra at this version has `feature`; nil when the version is unknown.
    func has(_ feature: Feature) -> Bool? {
        guard let version, let parsed = Self.parse(version[...]) else { return nil }
        let (major, minor, patch) = feature.release
        if (parsed.major, parsed.minor, parsed.patch) >= (major, minor, patch) && parsed.prerelease == nil {
            return true
        }
        // A pseudo-version (`v1.1.4-0.20210301120000-abcdef123456`) names a commit by its UTC time.
        if let time = parsed.pseudoTime { return time >= feature.commitTime }
        return (parsed.major, parsed.minor, parsed.patch) > (major, minor, patch)
    }

    /// What cobra added, by the release that first had it and the UTC time of the commit that added it.
    enum Feature {
        /// The default `completion` command (cobra b312f0a, #1192).
        case completionCommand
        /// `CompletionOptions.HiddenDefaultCmd` (cobra 6f84ef4, #1541).
        case hiddenCompletionOption
        /// `completion` also for a root without subcommands, made when it is called (cobra 24ada7f, #1559).
        case completionWithoutSubcommands
        /// `pflag.CommandLine` added to the root's persistent flags (cobra f81b784, March 2015: every tagged release;
        /// the rewrite 6202b59 dropped it and 458d797 put it back in the same push).
        case commandLineFlags
        /// `--version` on a command whose `Version` is set (cobra b1ec2ce, #584).
        case versionFlag
        /// `-v` as its shorthand when no flag of the command has it (cobra 95f2f73, #996).
        case versionShorthand

        var release: (Int, Int, Int) {
            switch self {
            case .completionCommand: return (1, 2, 0)
            case .hiddenCompletionOption: return (1, 3, 0)
            case .completionWithoutSubcommands: return (1, 9, 0)
            case .commandLineFlags: return (0, 0, 1)
            case .versionFlag: return (0, 0, 2)
            case .versionShorthand: return (0, 0, 7)
            }
        }

        var commitTime: String {
            switch self {
            case .completionCommand: return "20210215174701"
            case .hiddenCompletionOption: return "20211207230202"
            case .completionWithoutSubcommands: return "20250215180702"
            case .commandLineFlags: return "20150319190812"
            case .versionFlag: return "20171201213716"
            case .versionShorthand: return "20200228181340"
            }
        }
    }

    private static func fromGoMod(_ text: String, path: String) -> CobraModule? {
        var required: CobraModule?
        var replaced: CobraModule?
        for (index, words) in directives(of: text) {
            guard words.count >= 2, unquoted(words[1]) == modulePath else { continue }
            switch words[0] {
            case "require" where words.count >= 3:
                required = module(version: words[2], path: path, line: index)
            case "replace":
                // `replace github.com/spf13/cobra [v1.1.3] => TARGET [VERSION]`.
                guard let arrow = words.firstIndex(of: "=>"), arrow <= 3 else { continue }
                if arrow == 3, let required, required.version != String(unquoted(words[2])) { continue }
                let target = words[(arrow + 1)...]
                replaced =
                    target.count >= 2
                    ? module(version: target[target.startIndex + 1], path: path, line: index)
                    : CobraModule(
                        version: nil, path: path, line: index,
                        unknown: "\(path):\(index) replaces cobra by a folder of the repository")
            default:
                continue
            }
        }
        return replaced ?? required
    }

    private static func fromModulesTxt(_ text: String, path: String) -> CobraModule? {
        for (index, words) in lines(of: text) where words.count >= 3 && words[0] == "#" && words[1] == modulePath {
            // `# github.com/spf13/cobra v1.2.1 => github.com/fork/cobra v1.2.2`, or `=> ./third_party/cobra`.
            if words.count >= 5, words[3] == "=>" {
                return words.count >= 6
                    ? module(version: words[5], path: path, line: index)
                    : CobraModule(
                        version: nil, path: path, line: index,
                        unknown: "\(path):\(index) replaces cobra by a folder of the repository")
            }
            return module(version: words[2], path: path, line: index)
        }
        return nil
    }

    /// The module at `version` if it has SemVer's shape, else an unknown one that does not repeat the text.
    private static func module(version: Substring, path: String, line: Int) -> CobraModule {
        let version = unquoted(version)
        guard parse(version) != nil else {
            return CobraModule(
                version: nil, path: path, line: line,
                unknown: "\(path):\(line) gives cobra a version that is not of the form vMAJOR.MINOR.PATCH")
        }
        return CobraModule(version: String(version), path: path, line: line)
    }

    /// A word without the quotes go.mod allows around it (`"path"` or `` `path` ``).
    private static func unquoted(_ word: Substring) -> Substring {
        guard word.count >= 2, let first = word.first, first == "\"" || first == "`", word.last == first else {
            return word
        }
        return word.dropFirst().dropLast()
    }

    /// The directives of a `go.mod` as ``lines(of:)`` gives them, a block's keyword put before each of its lines
    /// (`require (` … `)` gives `require path version`); the block's own lines left out.
    private static func directives(of text: String) -> [(Int, [Substring])] {
        var block: Substring?
        var result: [(Int, [Substring])] = []
        for (index, line) in lines(of: text) {
            var words = line
            if let open = block {
                if words == [")"] {
                    block = nil
                    continue
                }
                words.insert(open, at: 0)
            } else if words.count == 2, words[1] == "(" {
                block = words[0]
                continue
            }
            result.append((index, words))
        }
        return result
    }

    /// The lines of `text` (numbered from 1) as words, `//` comments left out; at most 100,000 lines are read.
    private static func lines(of text: String) -> [(Int, [Substring])] {
        if let words = CobraText.asciiLines(of: text, maximum: 100_000) { return words }
        var result: [(Int, [Substring])] = []
        // "\r\n" is one Character in Swift: a line ends at either.
        let lines = text.split(maxSplits: 100_000, omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, line) in lines.prefix(100_000).enumerated() {
            let code = commentStart(in: line).map { line[..<$0] } ?? line
            let words = code.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if !words.isEmpty { result.append((offset + 1, words)) }
        }
        return result
    }

    /// Where a `//` comment starts in `line`, if one does.
    private static func commentStart(in line: Substring) -> Substring.Index? {
        var previousSlash = false
        for index in line.indices {
            let slash = line[index] == "/"
            if slash && previousSlash { return line.index(before: index) }
            previousSlash = slash
        }
        return nil
    }

    private struct Parsed {
        let major: Int
        let minor: Int
        let patch: Int
        let prerelease: Substring?
        /// The commit time of a pseudo-version, `yyyymmddhhmmss`.
        let pseudoTime: String?
    }

    /// `vMAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, numbers of at most 9 digits, at most 128 characters.
    private static func parse(_ version: Substring) -> Parsed? {
        guard version.count <= 128, version.first == "v" else { return nil }
        let body = version.dropFirst().prefix { $0 != "+" }
        let core = body.prefix { $0 != "-" }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3,
            numbers.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let major = Int(numbers[0]), let minor = Int(numbers[1]), let patch = Int(numbers[2])
        else { return nil }
        let rest = body.dropFirst(core.count)
        let prerelease = rest.isEmpty ? nil : rest.dropFirst()
        if let prerelease {
            guard !prerelease.isEmpty,
                prerelease.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else { return nil }
        }
        // `...-0.20210301120000-abcdef123456` or `...-pre.0.20210301120000-abcdef123456`.
        let parts = prerelease?.split(separator: "-") ?? []
        var pseudoTime: String?
        if parts.count >= 2, let last = parts.last, last.count == 12,
            let stamp = parts[parts.count - 2].split(separator: ".").last, stamp.count == 14,
            stamp.allSatisfy({ $0.isASCII && $0.isNumber })
        {
            pseudoTime = String(stamp)
        }
        return Parsed(major: major, minor: minor, patch: patch, prerelease: prerelease, pseudoTime: pseudoTime)
    }
}

/// What a caller of ``CobraExtractor/surface(of:root:names:library:)`` knows of the cobra module the program builds
/// with.
public enum CobraLibrary: Sendable, Hashable {
    /// Not looked up: cobra's default commands are left out (the library's own callers, which read no module file).
    case unread
    /// Looked up in the module files: the module, or nil when none names cobra; and why Go may build other code than
    /// kubectl's for its group adder (``CobraModule/groupAdderElsewhere(goMods:tree:)``), nil when it builds kubectl's.
    case module(CobraModule?, groupAdderElsewhere: String? = nil)
}

/// Who a `CompletionOptions` setting was made on: a command, the root through `cmd.Root()`, or a command the
/// interpreter could not follow.
enum CobraCompletionOwner: Sendable, Hashable {
    case command(CobraSite)
    case root
    case unknown
}

/// The values a program gives one `CompletionOptions` field: the constants seen, and whether some value could not be
/// read.
struct CobraOptionSetting: Sendable {
    var values: Set<Bool> = []
    var unknown = false

    /// Its value when one constant always holds; nil when it may be either or could not be read.
    var decided: Bool? { unknown || values.count != 1 ? nil : values.first }
}

extension CobraInterpreter {
    /// The `CompletionOptions` fields that change which default commands and flags cobra adds.
    static let completionFields: Set<String> = [
        "DisableDefaultCmd", "DisableNoDescFlag", "DisableDescriptions", "HiddenDefaultCmd",
    ]

    /// Records `owner.CompletionOptions.FIELD = value`; `conditional` when it runs only in some runs (it may keep its
    /// earlier value, false by default).
    mutating func recordCompletionOption(
        _ owner: CobraCompletionOwner, _ field: String, _ value: CobraValues, conditional: Bool
    ) {
        guard Self.completionFields.contains(field) else { return }
        var setting = completionSettings[owner, default: [:]][field, default: CobraOptionSetting()]
        for item in value {
            if case .bool(let flag) = item { setting.values.insert(flag) } else { setting.unknown = true }
        }
        if value.isEmpty { setting.unknown = true }
        if conditional { setting.values.insert(false) }
        completionSettings[owner, default: [:]][field] = setting
    }

    /// Records a whole `CompletionOptions` value given to `owner`: its `fields`, or every field unknown when the value
    /// could not be read (`fields` nil).
    mutating func recordCompletionOptions(
        _ fields: [(String, CobraValues)]?, of owner: CobraCompletionOwner, conditional: Bool
    ) {
        guard let fields else {
            for field in Self.completionFields.sorted() {
                recordCompletionOption(owner, field, [], conditional: conditional)
            }
            return
        }
        for (field, value) in fields { recordCompletionOption(owner, field, value, conditional: conditional) }
    }

    /// The setting of `field` that applies to the root at `site`: made on it, through `Root()`, or on a command that
    /// could not be followed (which may be the root: unknown).
    func completionSetting(_ field: String, root site: CobraSite) -> CobraOptionSetting? {
        let owners: [CobraCompletionOwner] = [.command(site), .root, .unknown]
        let found = owners.compactMap { completionSettings[$0]?[field] }
        guard !found.isEmpty else { return nil }
        var merged = CobraOptionSetting()
        for setting in found {
            merged.values.formUnion(setting.values)
            merged.unknown = merged.unknown || setting.unknown
        }
        if completionSettings[.unknown]?[field] != nil { merged.unknown = true }
        return merged
    }
}

/// The commands cobra adds to a program's root by itself: `help`, and `completion` with a command a shell under it.
///
/// They are items like the program's own, located at the module file line that names cobra's version and marked
/// `provided-by=cobra` (not breaking), so a reviewer sees where they come from and a program that replaces its own
/// `completion` by cobra's (golangci-lint 1.42.0) changes only what really differs.
struct CobraDefaultCommands {
    let interpreter: CobraInterpreter
    let module: CobraModule?

    static let shells = ["bash", "fish", "powershell", "zsh"]

    /// The default items under the root `key` (the command at `site`), given the items the program itself builds.
    func items(root key: String, at site: CobraSite, existing items: [String: CobraItem]) -> (
        items: [CobraItem], notes: [String], incomplete: Bool
    ) {
        guard let info = interpreter.commands[site], let rootItem = items[key] else { return ([], [], false) }
        let hasSubcommands =
            info.children.contains { interpreter.commands[$0]?.hasUse == true }
            || !(interpreter.missingChildren[site] ?? []).isEmpty
        let path = module?.path ?? interpreter.paths[info.file]
        let line = module?.line ?? info.line
        var attributes: [String: String] = ["provided-by": "cobra"]
        if rootItem.attributes["hidden"] == "true" { attributes["hidden"] = "true" }
        var result: [CobraItem] = []
        func add(_ key: String, _ attributes: [String: String]) {
            var item = CobraItem(
                key: key, attributes: attributes, deprecated: rootItem.deprecated, path: path, line: line)
            item.experimental = rootItem.experimental
            result.append(item)
        }
        // `help`: cobra's own unless `SetHelpCommand` replaced it; a program's own `help` command is found first.
        if hasSubcommands, !interpreter.helpReplaced.contains(site), items[key + " help"] == nil {
            add(key + " help", attributes)
        }
        var notes: [String] = []
        var incomplete = false
        versionFlag(root: key, info: info, existing: items, attributes: attributes, add: add, notes: &notes)
        // `completion`: not when the program has a command (or alias) of that name, or disables it.
        guard items[key + " completion"] == nil else { return (result, notes, incomplete) }
        let disabled = interpreter.completionSetting("DisableDefaultCmd", root: site)
        if disabled?.decided == true { return (result, notes, incomplete) }
        let hasCommand = module?.has(.completionCommand)
        let alone = module?.has(.completionWithoutSubcommands)
        guard hasCommand != false, hasSubcommands || alone != false else { return (result, notes, incomplete) }
        let rootLocation = "\(interpreter.paths[info.file]):\(info.line)"
        guard let module, hasCommand == true, hasSubcommands || alone == true else {
            // The version is unknown: cobra from 1.2.0 adds `completion`, older versions do not.
            incomplete = true
            let why = module?.unknown ?? "no go.mod or vendor/modules.txt names github.com/spf13/cobra"
            notes.append(
                "\(rootLocation): cobra's version cannot be read (\(why)), so whether cobra adds its default "
                    + "'completion' command (from cobra 1.2.0) to '\(key)' is unknown; it is not in the surface")
            return (result, notes, incomplete)
        }
        guard disabled == nil || disabled?.decided == false else {
            incomplete = true
            notes.append(
                "\(rootLocation): whether CompletionOptions.DisableDefaultCmd is set on '\(key)' depends on the run, "
                    + "so cobra's default 'completion' command (cobra \(module.version ?? "")) is not in the surface")
            return (result, notes, incomplete)
        }
        var completion = attributes
        if let hidden = interpreter.completionSetting("HiddenDefaultCmd", root: site),
            module.has(.hiddenCompletionOption) == true
        {
            if hidden.decided == true {
                completion["hidden"] = "true"
            } else if hidden.decided == nil {
                notes.append(
                    "\(rootLocation): whether CompletionOptions.HiddenDefaultCmd hides cobra's default 'completion' "
                        + "command of '\(key)' depends on the run; it is taken as shown")
            }
        }
        add(key + " completion", completion)
        let noDescriptions = ["DisableNoDescFlag", "DisableDescriptions"].map {
            interpreter.completionSetting($0, root: site)
        }
        let flag = noDescriptions.allSatisfy { $0 == nil || $0?.decided == false }
        if !flag, noDescriptions.contains(where: { $0 != nil && $0?.decided == nil }) {
            notes.append(
                "\(rootLocation): whether cobra's 'completion' shells of '\(key)' take --no-descriptions depends on "
                    + "the run (CompletionOptions.DisableNoDescFlag or DisableDescriptions); it is not in the surface")
        }
        for shell in Self.shells {
            add("\(key) completion \(shell)", completion)
            if flag {
                var flagAttributes = completion
                flagAttributes["type"] = "bool"
                flagAttributes["scope"] = "local"
                add("\(key) completion \(shell) --no-descriptions", flagAttributes)
            }
        }
        return (result, notes, incomplete)
    }

    /// `--version` (review R83): cobra gives a root whose `Version` is set a bool flag `--version`, with shorthand
    /// `-v` when no flag of the root has it, unless the program defines a `version` flag there itself, or the root
    /// takes no flags (`DisableFlagParsing`). Read as every cobra since December 2017 does when the version is not
    /// known; the shorthand, from cobra 1.0.0 (v0.0.7), is then `?` (not known, compared with nothing), with a note.
    private func versionFlag(
        root key: String, info: CobraCommandInfo, existing items: [String: CobraItem], attributes: [String: String],
        add: (String, [String: String]) -> Void, notes: inout [String]
    ) {
        let flag = (key.isEmpty ? "" : key + " ") + "--version"
        guard info.setsVersion, !info.disablesFlagParsing, items[flag] == nil, module?.has(.versionFlag) != false
        else { return }
        var flagAttributes = attributes
        flagAttributes["type"] = "bool"
        flagAttributes["scope"] = "local"
        let prefix = (key.isEmpty ? "" : key + " ") + "--"
        let taken = items.contains { entry in
            entry.value.attributes["shorthand"] == "v" && entry.key.hasPrefix(prefix)
                && !entry.key.dropFirst(prefix.count).contains(" ") && entry.value.attributes["alias-of"] == nil
        }
        switch module?.has(.versionShorthand) {
        case true?:
            if !taken { flagAttributes["shorthand"] = "v" }
        case false?:
            break
        case nil:
            if !taken {
                // Not known is not absent (review CV): `?` is compared with nothing, so neither the release before,
                // with -v, nor the one after claims a change of it.
                flagAttributes["shorthand"] = "?"
                notes.append(
                    "\(interpreter.paths[info.file]):\(info.line): cobra's version cannot be read, so whether cobra's "
                        + "'--version' of '\(key)' has the shorthand -v (from cobra 1.0.0) is not known; its shorthand "
                        + "is `?`, and a change of it is not claimed")
            }
        }
        add(flag, flagAttributes)
    }
}
