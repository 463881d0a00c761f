import Cobra
import SemVer

/// The bump a change of a cobra item's breaking attribute needs: every command line that worked before must still work
/// and mean the same.
///
/// One table, first matching row wins; a change no row matches is breaking (a command line that worked may fail).
/// Shorthands are judged per command, not per flag: `-y` moving from `--confirm` to `--yes`, or kept by a hidden flag
/// or an inherited persistent flag, still works for whoever types it.
enum CobraCompatibility {
    /// What a row looks at: the attribute, both items and both surfaces.
    struct Context {
        let attribute: String
        let old: SurfaceItem
        let new: SurfaceItem
        let before: SurfaceSnapshot
        let after: SurfaceSnapshot
        /// What the rows look up in `before` and `after`, worked out once for every change of one comparison.
        let lookups: CobraLookups

        var oldValue: String? { old.attributes[attribute] }
        var newValue: String? { new.attributes[attribute] }
    }

    /// One judgement: when it applies, the bump, and why.
    struct Rule: Sendable {
        let attribute: String
        let reason: String
        let bump: Bump
        let applies: @Sendable (Context) -> Bool
    }

    static let rules: [Rule] = [
        Rule(
            attribute: "type",
            reason: "a flag became a value of the program's own type whose `Type()` and `Set` no source shows (they "
                + "come from an embedded interface or another module: `value-type` names the type, `type` is "
                + "`custom`): which values it takes is not known, so the change is claimed (review R96)",
            bump: .major
        ) { $0.newValue == "custom" && $0.oldValue != "custom" && $0.new.attributes["value-type"] != nil },
        Rule(
            attribute: "type", reason: "the type could not be read on one side (`custom`), so no change is claimed",
            bump: .patch
        ) { $0.oldValue == "custom" || $0.newValue == "custom" },
        Rule(
            attribute: "type",
            reason:
                "only the text a custom value's `Type()` returns changed (`mode` to `file|symlink`): the flag still "
                + "takes a value of the same Go type, whose `Set` reads what users type; the text is what help shows",
            bump: .patch
        ) { context in
            guard let goType = context.old.attributes["value-type"] else { return false }
            return context.new.attributes["value-type"] == goType
        },
        Rule(
            attribute: "type",
            reason: "a bool flag became a string flag with a NoOptDefVal: the bare `--flag` still works, and so do "
                + "`--flag=true` and `--flag=false` (a string takes them)",
            bump: .minor
        ) { context in
            context.oldValue == "bool" && context.new.attributes["no-opt-default"] == "true"
                && stringTypes.contains(context.newValue ?? "")
        },
        Rule(
            attribute: "type",
            reason: "a string flag became a custom flag value (`string` to `json|yaml`): a string took every value, "
                + "and the custom value's `Set` keeps or narrows that, which source cannot tell: no change is claimed",
            bump: .patch
        ) { context in
            guard context.oldValue == "string", let new = context.newValue else { return false }
            return !CobraExtractor.pflagTypes.contains(new)
        },
        Rule(
            attribute: "type",
            reason: "a pflag type became a custom flag value's own type, or back (`int` to `n`): which values the "
                + "custom value's `Set` accepts cannot be read from source, and such a change usually widens what is "
                + "accepted (`n` also takes `unlimited`), so it counts as a feature, not a break",
            bump: .minor
        ) { context in
            guard let old = context.oldValue, let new = context.newValue else { return false }
            return CobraExtractor.pflagTypes.contains(old) != CobraExtractor.pflagTypes.contains(new)
        },
        Rule(
            attribute: "type",
            reason: "a list that splits each value at commas became one that keeps them, or back (`stringSlice` to "
                + "`stringArray`): `--arg a,b` now gives one value where it gave two, or two where it gave one, so a "
                + "command line that worked means something else (k3d 4.1.1's `--k3s-server-arg "
                + "\"--tls-san=a,b\"`, back in 4.4.1)",
            bump: .major
        ) { context in
            let lists: Set<String> = ["stringSlice", "stringArray"]
            return context.oldValue != context.newValue && lists.contains(context.oldValue ?? "")
                && lists.contains(context.newValue ?? "")
        },
        Rule(
            attribute: "type",
            reason: "a single value became repeatable (`string` to `stringArray`/`stringSlice`): one value still "
                + "works; more values, or commas splitting a value, are new", bump: .minor
        ) { context in
            guard let old = context.oldValue, let new = context.newValue else { return false }
            return new == old + "Array" || new == old + "Slice"
        },
        Rule(
            attribute: "accepts",
            reason: "a custom value whose `Set` rejected every value may now accept some: a flag that could not be "
                + "given now can", bump: .minor
        ) { $0.oldValue == "nothing" && $0.newValue == nil },
        Rule(
            attribute: "shorthand",
            reason: "the shorthand could not be read on one side (`?`), so no change is claimed",
            bump: .patch
        ) { $0.oldValue == "?" || $0.newValue == "?" },
        Rule(
            attribute: "shorthand",
            reason: "the shorthand was the flag's already: this name was another spelling of a flag that had it (a "
                + "normalization function mapped it), and the two names swapped (`--output -o` with `--out` mapped to "
                + "it became `--out -o` with `--output` mapped to it): `-o` sets the same flag as before",
            bump: .patch
        ) { context in
            guard context.oldValue == nil, let shorthand = context.newValue,
                let target = context.old.attributes["alias-of"], let command = command(of: context.old.key)
            else { return false }
            let key = (command.isEmpty ? "" : command + " ") + "--" + target
            guard let stoodFor = context.before.items[context.old.surface + ":" + key],
                Array(stoodFor.key.utf8) == Array(key.utf8), let had = stoodFor.attributes["shorthand"],
                Array(had.utf8) == Array(shorthand.utf8),
                // The swap: the flag it stood for is now a spelling of this one.
                let now = context.after.items[context.old.surface + ":" + key], let nowOf = now.attributes["alias-of"]
            else { return false }
            let name = context.new.key.dropFirst(command.isEmpty ? 2 : command.count + 3)
            return Array(nowOf.utf8) == Array(name.utf8)
        },
        Rule(attribute: "shorthand", reason: "a shorthand was added: a new way to type the flag", bump: .minor) {
            $0.oldValue == nil && $0.newValue != nil
        },
        Rule(
            attribute: "shorthand",
            reason: "the old shorthand still works on the command: another flag, a hidden one or an inherited "
                + "persistent one, has it", bump: .patch
        ) { context in
            guard let shorthand = context.oldValue, let command = command(of: context.new.key) else { return false }
            return context.lookups.shorthands(on: command, surface: context.new.surface).contains(shorthand)
        },
        Rule(
            attribute: "scope",
            reason: "a local flag became persistent on a command that has no subcommands: no command line changes "
                + "(a command above that now gives it to others adds those keys, judged on their own)",
            bump: .patch
        ) { context in
            // The command users type the flag on: `old`'s (when a command above now declares it, `new` is that
            // command's flag, reached from here).
            guard context.oldValue == "local", context.newValue == "persistent",
                let command = command(of: context.old.key)
            else { return false }
            return !context.lookups.hasSubcommands(command, surface: context.old.surface, in: .after)
        },
        Rule(
            attribute: "scope", reason: "a local flag became persistent: it now also reaches the subcommands",
            bump: .minor
        ) { $0.oldValue == "local" && $0.newValue == "persistent" },
        Rule(
            attribute: "scope",
            reason: "a persistent flag became local on a command that had no subcommands: no command line changes",
            bump: .patch
        ) { context in
            guard context.oldValue == "persistent", context.newValue == "local",
                let command = command(of: context.old.key)
            else { return false }
            return !context.lookups.hasSubcommands(command, surface: context.old.surface)
        },
        Rule(
            attribute: "build",
            reason: "every default build had it and still has it: the builds that differ are made with `go build "
                + "-tags` and one of the project's own tags (an opt-out such as `!noselfupdate`), and semgate judges "
                + "the default builds, as `go build` and apidiff do; or only WebAssembly builds that the old `build` "
                + "does not name lose it (`!plan9` to `!plan9 && !js`): a port the project never built for",
            bump: .patch
        ) { $0.lookups.presenceBump(old: $0.oldValue, new: $0.newValue) == .patch },
        Rule(
            attribute: "build",
            reason: "every default build that had it still does, and more have it now (the project's own tags "
                + "unset, as in `go build` without `-tags`)", bump: .minor
        ) { $0.lookups.presenceBump(old: $0.oldValue, new: $0.newValue) == .minor },
        Rule(
            attribute: "build",
            reason: "a default build that had it no longer does (the project's own tags unset, as in `go build` "
                + "without `-tags`)", bump: .major
        ) { $0.lookups.presenceBump(old: $0.oldValue, new: $0.newValue) == .major },
        Rule(
            attribute: "build",
            reason: "only some builds had it (a file for some systems or tags added it), and now every build does",
            bump: .minor
        ) { $0.oldValue != nil && $0.newValue == nil },
        Rule(
            attribute: "build",
            reason: "every build that had it still does (each alternative of the old `build` has every condition of "
                + "one of the new: `linux` to `darwin || linux`, `!js && !plan9 && !solaris` to `!js && !plan9`), "
                + "and more have it now", bump: .minor
        ) { context in
            guard let old = context.oldValue, let new = context.newValue else { return false }
            return buildWidens(from: old, to: new)
        },
        Rule(
            attribute: "registered-by-default",
            reason: "the program's default run now registers it (no environment variable set, viper values unset): "
                + "every command line that worked still does", bump: .minor
        ) { $0.oldValue == "false" && $0.newValue == nil },
        Rule(
            attribute: "no-opt-default",
            reason: "a bool flag's bare `--flag` already meant true (pflag gives every bool flag the NoOptDefVal "
                + "`true`): a flag that was a bool and now says so itself (an option table's value) works as before",
            bump: .patch
        ) { $0.oldValue == nil && $0.newValue == "true" && $0.old.attributes["type"] == "bool" },
        Rule(attribute: "no-opt-default", reason: "the bare `--flag` now works as well", bump: .minor) {
            $0.oldValue == nil && $0.newValue == "true"
        },
        Rule(
            attribute: "valid-args",
            reason: "every word the command took as its one argument it still takes, or a subcommand of that name "
                + "runs (cobra's own completion back in its place), and it takes no new one", bump: .patch
        ) { context in
            let (kept, added) = validArgsKept(context)
            return kept && !added
        },
        Rule(
            attribute: "valid-args",
            reason: "every word the command took as its one argument it still takes (or a subcommand of that name "
                + "runs), and it takes new ones: a new way to call it", bump: .minor
        ) { validArgsKept($0).kept },
        Rule(
            attribute: "alias-of",
            reason: "a flag became another spelling of its new name (a normalization function maps it): the old "
                + "name still sets it", bump: .patch
        ) {
            $0.oldValue == nil && $0.newValue != nil
                && ($0.new.key.hasPrefix("--") || $0.new.key.contains(" --"))
        },
        Rule(
            attribute: "alias-of",
            reason: "a command became an alias of its new name: the old name still runs it", bump: .patch
        ) { $0.oldValue == nil && $0.newValue != nil },
        Rule(
            attribute: "alias-of",
            reason: "an alias became the name of the command it stood for, or an alias of that command's new name, and "
                + "the name it stood for still runs that command (`convert` with the alias `config` became `config` "
                + "with the alias `convert`, compose 2.16.0): both names run the command they ran before",
            bump: .patch
        ) { renamedWithTarget($0) },
    ]

    /// Whether an alias whose `alias-of` changed still runs the command it ran: the name it stood for (the old
    /// `alias-of`) is still there in `after`, beside it, and leads to the command this name now leads to (itself,
    /// once the two names swapped; the new name both are aliases of, once the command was renamed again). An alias
    /// that now leads elsewhere (doctl 1.12.1's `kubernetes c`, from `create` to `cluster`), or one whose old command
    /// is gone or still a command of its own, matches no row: breaking. Names compare byte for byte, as cobra does.
    static func renamedWithTarget(_ context: Context) -> Bool {
        guard let oldTarget = context.oldValue, context.old.surface == context.new.surface else { return false }
        let key = context.new.key
        let ownName: Substring
        let targetKey: String
        if let command = command(of: key) {
            // A flag: `tool run --cert`; its alias-of names a flag of the same command.
            ownName = key.dropFirst(command.isEmpty ? 2 : command.count + 3)
            targetKey = (command.isEmpty ? "" : command + " ") + "--" + oldTarget
        } else {
            guard let space = key.lastIndex(of: " ") else { return false }
            ownName = key[key.index(after: space)...]
            targetKey = String(key[..<space]) + " " + oldTarget
        }
        guard Array(targetKey.utf8) != Array(key.utf8),
            let target = context.after.items[context.new.surface + ":" + targetKey],
            Array(target.key.utf8) == Array(targetKey.utf8)
        else { return false }
        let targetRuns = target.attributes["alias-of"] ?? oldTarget
        let nameRuns = context.newValue ?? String(ownName)
        return Array(targetRuns.utf8) == Array(nameRuns.utf8)
    }

    /// The words of a `valid-args` value, as bytes: cobra compares arguments byte for byte (`é` and `e\u{301}` differ),
    /// which Swift's `String` equality does not.
    static func validArgsWords(_ value: String?) -> Set<[UInt8]> {
        Set((value ?? "").split(separator: " ").map { Array($0.utf8) })
    }

    /// Of a `valid-args` change: whether every old word is still taken (a new word, or a subcommand of that name in
    /// `after`: typed as before, it still runs), and whether a word was added that was not a subcommand of that name
    /// in `before` (the words of cobra's `completion bash` replaced by the program's are no new way). A word that goes, or all of them when
    /// `Args` no longer takes one argument, is a removal of what users typed: no row matches, breaking. That holds
    /// when `Args` is unset and cobra would still pass the word on: `ValidArgs` is what the command says it takes,
    /// and a word it no longer lists is one it no longer handles (yq's `completion` runs a `switch` on it).
    static func validArgsKept(_ context: Context) -> (kept: Bool, added: Bool) {
        let old = validArgsWords(context.oldValue)
        let new = validArgsWords(context.newValue)
        let command = context.new.key
        let prefix = context.new.surface + ":" + command + " "
        let kept = old.subtracting(new).allSatisfy { word in
            guard let text = String(validating: word, as: UTF8.self),
                let item = context.after.items[prefix + text]
            else { return false }
            // The item found must be the word itself, byte for byte (keys compare by canonical equivalence).
            return Array(item.key.utf8.dropFirst(command.utf8.count + 1)) == word
        }
        // A word that was a subcommand before is typed as before: not a new way to call the command.
        let before = context.old.surface + ":" + context.old.key + " "
        let added = new.subtracting(old).contains { word in
            guard let text = String(validating: word, as: UTF8.self), let item = context.before.items[before + text]
            else { return true }
            return Array(item.key.utf8.dropFirst(context.old.key.utf8.count + 1)) != word
        }
        return (kept, added)
    }

    /// Whether every build `old` holds in, `new` holds in too: each alternative of `old` implies one of `new`, which it
    /// does when it has all of that one's conditions (a conjunction with fewer conditions holds in more builds).
    /// Conditions are compared as text, so an equivalent condition written otherwise is not recognised: the change
    /// is then breaking, never a missed narrowing.
    static func buildWidens(from old: String, to new: String) -> Bool {
        let newAlternatives = CobraExtractor.buildAlternatives(of: new).map(CobraExtractor.buildConditions(of:))
        return CobraExtractor.buildAlternatives(of: old).allSatisfy { alternative in
            let conditions = CobraExtractor.buildConditions(of: alternative)
            return newAlternatives.contains { $0.isSubset(of: conditions) }
        }
    }

    /// The pflag types that take any text as a value, `true` and `false` among them.
    static let stringTypes: Set<String> = ["string", "stringArray", "stringSlice"]

    /// The bump a change of `attribute` needs, with the reason of the row that decided it (nil: no row, breaking).
    static func judge(attribute: String, old: SurfaceItem, new: SurfaceItem, in comparison: SurfaceComparison)
        -> (bump: Bump, reason: String?)
    {
        let context = Context(
            attribute: attribute, old: old, new: new, before: comparison.before, after: comparison.after,
            lookups: comparison.memo { CobraLookups(before: comparison.before, after: comparison.after) })
        for rule in rules where rule.attribute == attribute && rule.applies(context) {
            return (rule.bump, rule.reason)
        }
        return (.major, nil)
    }

    /// The bump a change of `attribute` needs.
    static func bump(attribute: String, old: SurfaceItem, new: SurfaceItem, in comparison: SurfaceComparison) -> Bump {
        judge(attribute: attribute, old: old, new: new, in: comparison).bump
    }

    /// The persistent flag of a command above `old`'s command that has `old`'s name, when `old` (a flag) is gone:
    /// `tool list --namespace` can still be typed when `tool --namespace` became persistent.
    static func inheritedFlag(replacing old: SurfaceItem, in snapshot: SurfaceSnapshot) -> SurfaceItem? {
        guard let command = command(of: old.key) else { return nil }
        return persistentFlag(above: old, command: command, in: snapshot)
            ?? unreadFlag(replacing: old, command: command, in: snapshot)
    }

    /// The persistent flag of a command above `added`'s command that has `added`'s name in `before`, when `added` (a
    /// flag) is new on a command `before` has: cobra gives a command the persistent flags of the commands above it
    /// whose names its own flags do not take (pflag's `AddFlagSet` skips a name the set has), so `tool get --service`
    /// was typed before `get` declared it, when `tool --service` was persistent. Keyed as `added` (its command's
    /// subcommands are judged as its), so that the diff compares it with `added`: a type, shorthand or stability
    /// changed by the command's own flag still shows. Nil otherwise: a flag of a new command is new with it.
    static func shadowedFlag(by added: SurfaceItem, in before: SurfaceSnapshot) -> SurfaceItem? {
        guard let command = command(of: added.key), !command.isEmpty,
            before.items[added.surface + ":" + command] != nil,
            let inherited = persistentFlag(above: added, command: command, in: before)
        else { return nil }
        return SurfaceItem(
            surface: added.surface, key: added.key, attributes: inherited.attributes, stability: inherited.stability,
            location: inherited.location)
    }

    /// What `added` may have been in `before`, whose command line was not read in full there (review E1, kubebuilder
    /// 1.0.4's root handed to `v1.AddCmds(cmd)`, outside `files`): a flag of a command `before` has, whose set of that
    /// scope a call the files do not define received (`unread-flags`), or a command, or an item under one, new under
    /// the nearest command `before` has, which such a call received whole (`unread-commands`). The call may have
    /// defined it, so it is not known to be new: the item as it is, marked `provided-by=unread-call` (not breaking),
    /// is its predecessor, and the diff lists a change, not an addition. This is the rule a removal follows
    /// (``unreadFlag(replacing:command:in:)``), turned round.
    ///
    /// Only where `after` no longer hands that command (or set) over: code not read that still runs there cannot have
    /// defined a flag the files now define too (pflag stops a program that defines a name twice), and a call still
    /// made is the same call (kustomize 3.5.5's new `resources apply --status`, beside kubectl's `AddFlags` that 3.5.4
    /// already called, is new). A command removed under a command handed whole is still claimed: a removal that
    /// passes unseen breaks users, an addition that does only goes without its minor.
    static func unreadPredecessor(of added: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot)
        -> SurfaceItem?
    {
        let prefix = added.surface + ":"
        let flagCommand = command(of: added.key)
        if let flagCommand, let command = before.items[prefix + flagCommand] {
            let scope = added.attributes["scope"] == "persistent" ? "persistent" : "local"
            func open(_ item: SurfaceItem?) -> Bool {
                item?.attributes["unread-flags"]?.split(separator: ",").contains(Substring(scope)) == true
            }
            guard open(command), mayDefine(command, flag: added, command: flagCommand),
                !open(after.items[prefix + flagCommand])
            else { return nil }
            return unreadCall(added)
        }
        var words = (flagCommand ?? added.key).split(separator: " ")
        while words.count > 1 {
            words.removeLast()
            let key = prefix + words.joined(separator: " ")
            guard let above = before.items[key] else { continue }
            guard above.attributes["unread-commands"] != nil, after.items[key]?.attributes["unread-commands"] == nil
            else { return nil }
            return unreadCall(added)
        }
        return nil
    }

    /// The item users still reach by the line they typed for `old`, a flag removed from a command whose `Use` in
    /// `before` spelled literal words after its name (`use-words`; `Use: "create api"`, typed `tool create api
    /// --example`), now that those words are subcommands in `after` with the flag (`create` + `api`, kubebuilder 1.0.8
    /// → 2.0.0; review U1): the deepest such, or nil. The typed line still works; other words in their place do not,
    /// which the Use never offered.
    static func usePath(replacing old: SurfaceItem, before: SurfaceSnapshot, in after: SurfaceSnapshot)
        -> SurfaceItem?
    {
        let prefix = old.surface + ":"
        guard let flagCommand = command(of: old.key), !flagCommand.isEmpty,
            let words = before.items[prefix + flagCommand]?.attributes["use-words"]
        else { return nil }
        let flag = old.key.dropFirst(flagCommand.count + 1)
        var path = flagCommand
        var found: SurfaceItem?
        for word in words.split(separator: " ") {
            path += " " + word
            guard after.items[prefix + path] != nil else { break }
            if let item = after.items[prefix + path + " " + flag] { found = item }
        }
        return found
    }

    /// What users typed in `before` for `added`, a command or flag under words that a command's `Use` in `before`
    /// spelled after its name (``usePath(replacing:before:in:)`` turned round): `tool create api --example` new in
    /// `after`, where `before`'s `tool create` had `Use: "create api"` and `--example`. Keyed as `added`; nil otherwise.
    static func usePredecessor(of added: SurfaceItem, in before: SurfaceSnapshot) -> SurfaceItem? {
        let prefix = added.surface + ":"
        let flagCommand = command(of: added.key)
        let path = (flagCommand ?? added.key).split(separator: " ")
        guard path.count > 1 else { return nil }
        for cut in stride(from: path.count - 1, through: 1, by: -1) {
            let command = path[..<cut].joined(separator: " ")
            guard let item = before.items[prefix + command], let spelled = item.attributes["use-words"] else {
                continue
            }
            let rest = path[cut...]
            let words = spelled.split(separator: " ")
            guard rest.count <= words.count, zip(rest, words).allSatisfy({ $0 == $1 }) else { return nil }
            let old: SurfaceItem?
            if let flagCommand {
                old = before.items[prefix + command + " " + added.key.dropFirst(flagCommand.count + 1)]
            } else {
                old = item
            }
            guard let old else { return nil }
            return SurfaceItem(
                surface: added.surface, key: added.key, attributes: old.attributes, stability: old.stability,
                location: old.location)
        }
        return nil
    }

    /// `item` marked as made by a call the files do not define.
    private static func unreadCall(_ item: SurfaceItem) -> SurfaceItem {
        var marked = item
        marked.attributes["provided-by"] = "unread-call"
        return marked
    }

    /// The nearest command above `command` (`item`'s command) with a persistent flag of `item`'s name in `snapshot`:
    /// the one cobra hands down (a local flag of a command between reaches only that command).
    private static func persistentFlag(above item: SurfaceItem, command: String, in snapshot: SurfaceSnapshot)
        -> SurfaceItem?
    {
        let name = item.key.dropFirst(command.isEmpty ? 0 : command.count + 1)
        var words = command.split(separator: " ").map(String.init)
        while !words.isEmpty {
            words.removeLast()
            let key = (words.isEmpty ? "" : words.joined(separator: " ") + " ") + name
            if let found = snapshot.items[item.surface + ":" + key], found.attributes["scope"] == "persistent" {
                return found
            }
        }
        return nil
    }

    /// The item a removed path still reaches through the aliases of `snapshot`: the extractor keys one alias a path
    /// (a bound), so a path that needs two is not an item although users can still type it (`tool genie a keys` once
    /// `genie` became an alias of `wizard`, `a` being an alias of `agent`). Each command word below the root and above
    /// the last is followed through `snapshot`'s alias items to the name it stands for; the last word (a command or
    /// alias) and a flag are looked up as typed. Nil when no alias was followed or a word is not there: an alias
    /// removed, or a command gone, is still a removal.
    static func aliasedPath(replacing old: SurfaceItem, in snapshot: SurfaceSnapshot) -> SurfaceItem? {
        let flagCommand = command(of: old.key)
        var words = (flagCommand ?? old.key).split(separator: " ").map(String.init)
        let last: String
        if let flagCommand {
            last = String(old.key.dropFirst(flagCommand.isEmpty ? 0 : flagCommand.count + 1))
        } else {
            guard let word = words.popLast() else { return nil }
            last = word
        }
        guard words.count > 1 else { return nil }
        let prefix = old.surface + ":"
        var resolved = words[0]
        var throughAlias = false
        for word in words.dropFirst() {
            guard let item = snapshot.items[prefix + resolved + " " + word] else { return nil }
            if let name = item.attributes["alias-of"] {
                resolved += " " + name
                throughAlias = true
            } else {
                resolved += " " + word
            }
        }
        guard throughAlias else { return nil }
        return snapshot.items[prefix + resolved + " " + last]
    }

    /// The item a removed command path still reaches as a command and its argument: `tool completion bash`, cobra's
    /// own subcommand, once the program's `completion` replaced cobra's and takes `bash` as its one argument (its
    /// `valid-args` lists the word: `ValidArgs` says it, and `Args` accepts it). The same words still run, so the
    /// removal is a change of `provided-by` (to `argument`), at the command's location. A flag of the removed command
    /// is still typed there when the command now taking the argument has a flag of that name (a persistent one above
    /// is ``inheritedFlag(replacing:in:)``'s). Nil otherwise: a word the command does not list is a removal, even
    /// when cobra would pass it to the command as an argument (what the command then does is not known).
    static func argumentPath(replacing old: SurfaceItem, in snapshot: SurfaceSnapshot) -> SurfaceItem? {
        let prefix = old.surface + ":"
        let flagCommand = command(of: old.key)
        let path = flagCommand ?? old.key
        guard let space = path.lastIndex(of: " ") else { return nil }
        let parentKey = String(path[..<space])
        let word = path[path.index(after: space)...]
        guard let parent = snapshot.items[prefix + parentKey], snapshot.items[prefix + path] == nil,
            // Byte for byte, as cobra compares the argument with `ValidArgs`.
            validArgsWords(parent.attributes["valid-args"]).contains(Array(word.utf8))
        else { return nil }
        if let flagCommand {
            return snapshot.items[prefix + parentKey + " " + old.key.dropFirst(flagCommand.count + 1)]
        }
        var heir = old
        var attributes = old.attributes
        attributes["provided-by"] = "argument"
        attributes["hidden"] = parent.attributes["hidden"]
        heir.attributes = attributes
        heir.location = parent.location
        return heir
    }

    /// A flag that may still be there: its command is still there and hands its own flag set to a call the files do
    /// not define (`o.configFlags.AddFlags(cmd.Flags())`, stern 1.27.0's `--context` and `--kubeconfig`, now defined
    /// by that library), so its removal cannot be shown. The flag as it was, marked `provided-by=unread-call` (not
    /// breaking): the change is listed, and no removal is claimed. A persistent set of a command above, open in the
    /// same way, is not taken to define a subcommand's flag: that would hide every removal below it. Nor is a flag the
    /// code had deprecated (stern 1.27.0's `--kube-config`, deprecated in 1.26.0 for `--kubeconfig`): the project said
    /// it would go, and it went from the code read; a library that now defines the very name the project deprecated
    /// is not what its users were told, so the announced removal is claimed.
    private static func unreadFlag(replacing old: SurfaceItem, command: String, in snapshot: SurfaceSnapshot)
        -> SurfaceItem?
    {
        guard !command.isEmpty, old.stability != .deprecated,
            let open = snapshot.items[old.surface + ":" + command], mayDefine(open, flag: old, command: command)
        else {
            return nil
        }
        var heir = old
        heir.attributes["provided-by"] = "unread-call"
        return heir
    }

    /// Whether code not read may define `flag` (an item under `command`) on `command`'s item: its flags are handed to
    /// a call the files do not define (`unread-flags`), and, where that call is on a value whose method the program's
    /// own types declare, they name the flag (`unread-flag-names`, review R87: a flag no implementer names is gone).
    static func mayDefine(_ command: SurfaceItem, flag: SurfaceItem, command key: String) -> Bool {
        guard command.attributes["unread-flags"] != nil else { return false }
        guard let names = command.attributes["unread-flag-names"] else { return true }
        let name = flag.key.dropFirst(key.isEmpty ? 0 : key.count + 1)
        guard name.hasPrefix("-") else { return false }
        let bare = name.drop { $0 == "-" }
        return names.split(separator: " ").contains(bare)
    }

    /// What reading the source cannot show about the removal of each of `removed` (items of one surface or more), in
    /// order: a flag that a new subcommand now declares may be typed as before when the subcommand's name used to be
    /// an argument (`tool key --user` and the new `tool key add --user`: `tool key add --user` still works); otherwise a
    /// deprecation printed only at run time or said only in docs, and a command a plugin now provides, are not in the
    /// code. The subcommands new in `after` are found once for all of them (a release that removes thousands of
    /// flags looked through every item for each).
    static func removalNotes(_ removed: [SurfaceItem], before: SurfaceSnapshot, after: SurfaceSnapshot) -> [String] {
        var newSubcommands: [String: [String: [String]]] = [:]
        return removed.map { item in
            if let last = before.carriedFrom[item.surface] {
                return "it went after \(last), the last release that read the command line (the releases since read "
                    + "nothing of it: see the notes); if it went in a major between them and users were told, declare "
                    + "an exception"
            }
            let losing = SurfacePrograms.losing(item, before: before, after: after)
            if !losing.isEmpty {
                let named = losing.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                return "it is gone from the program" + (losing.count == 1 ? " whose main package is in " : "s whose main "
                    + "packages are in ") + named + "; another program's command line of the same name still has it, "
                    + "which does not give it back to users of " + (losing.count == 1 ? "that one" : "those")
                    + " (a program new since, or one no longer there, keeps nothing alive)"
            }
            if let command = command(of: item.key),
                after.uncertain[item.surface]?.contains(command.isEmpty ? "--" : command + " --") == true
            {
                return "it may still be there: '\(command)' gets flags whose names semgate cannot read (a loop over a "
                    + "table of options: see the notes); if it is, declare an exception"
            }
            if after.mayBeTakenAway(item) {
                return "it may still be there: RemoveCommand, ResetCommands or ResetFlags takes it (or a command it "
                    + "is under) away only in some runs, or in an order semgate cannot tell from what adds it, or the "
                    + "word that reaches it also reaches another command, added in an order semgate cannot tell (see "
                    + "the notes); if it is still there, declare an exception"
            }
            if after.readsNothing(of: item.surface) {
                return "it may still be there: no command line is read here (the files the extractor reads match no "
                    + "file, or build no command: see the notes); if the command line moved, add its files to the "
                    + "extractor, else declare an exception"
            }
            if after.isUncertain(item) {
                return "it may still be there: a command it is under, or it itself, has a Use that may be any of "
                    + "several names here, or is had by only some of the roots the program may run (see the notes), "
                    + "which semgate cannot tell apart; if it is, declare an exception"
            }
            if let note = unplacedNote(item, before: before, after: after) { return note }
            if let command = command(of: item.key), let open = after.items[item.surface + ":" + command],
                open.attributes["unread-flag-names"] != nil
            {
                return "'\(command)' hands its flags to a method called on a value semgate cannot follow (see the "
                    + "notes); the types the files declare with that method do not name it, so it is claimed; if code "
                    + "not read still defines it, declare an exception"
            }
            if after.unnamedFlags[item.surface]?.contains(item.key) == true, let command = command(of: item.key) {
                let flag = item.key.dropFirst(command.isEmpty ? 0 : command.count + 1)
                return "it may still be there: '\(command)' adds flags with an AddFlag that semgate cannot follow to "
                    + "one flag (made at run time, as from a table by reflection), and \(flag) is a name the files "
                    + "read give such flags (see the notes); if it is still there, declare an exception"
            }
            if let command = command(of: item.key), !command.isEmpty {
                let flag = String(item.key.dropFirst(command.count + 1))
                if newSubcommands[item.surface] == nil {
                    newSubcommands[item.surface] = Self.newSubcommands(
                        of: item.surface, before: before, after: after)
                }
                let surface = item.surface
                if let subcommand = newSubcommands[surface]?[command]?.filter({
                    after.items[surface + ":" + $0 + " " + flag] != nil
                }).min() {
                    return "the new subcommand '\(subcommand)' declares \(flag): if '\(subcommand)' was typed as an "
                        + "argument before, '\(subcommand) \(flag)' still works (semgate cannot tell an argument from a "
                        + "subcommand's name)"
                }
            }
            return "semgate cannot see a deprecation printed only at run time or said only in docs, nor a plugin that "
                + "now provides it; if users were told, declare it under deprecations:"
        }
    }

    /// What a root keyed by guess (``SurfaceSnapshot/unplacedRoots(of:)``) leaves unknown about the removal of
    /// `removed`: keyed under one in `before` that `after` no longer has there, it may have moved under a command
    /// (`apply --bare` is `ko apply --bare` once `ko` is read); found in `after` under one, without the words before
    /// it, it may be the same item; its root gone while `after` has such roots, that root may be what they are added
    /// to. Nil otherwise (a root keyed by guess on both sides keys its items alike: what goes from it is gone).
    private static func unplacedNote(_ removed: SurfaceItem, before: SurfaceSnapshot, after: SurfaceSnapshot)
        -> String?
    {
        let surface = removed.surface
        let root = removed.key.firstIndex(of: " ").map { String(removed.key[..<$0]) } ?? removed.key
        let handed = "a command the program hands to an AddCommand on a command semgate cannot follow (see the notes)"
        if before.unplacedRoots(of: surface).contains(root), after.items[surface + ":" + root] == nil {
            return "it may still be there: it was keyed under '\(root)', \(handed), so users may have typed words "
                + "before it, and may now find it with them; if so, declare an exception"
        }
        let roots = after.unplacedRoots(of: surface)
        guard !roots.isEmpty else { return nil }
        var end = removed.key.startIndex
        while let space = removed.key[end...].firstIndex(of: " ") {
            let rest = String(removed.key[removed.key.index(after: space)...])
            let first = rest.firstIndex(of: " ").map { String(rest[..<$0]) } ?? rest
            if roots.contains(first), after.items[surface + ":" + rest] != nil {
                return "it may still be there: '\(rest)' is, keyed under '\(first)', \(handed), so users may type "
                    + "words before it; if it is the same, declare an exception"
            }
            end = removed.key.index(after: space)
        }
        if after.items[surface + ":" + root] == nil {
            return "it may still be there: '\(root)' is not read here, and the program hands the commands keyed as "
                + "roots here to an AddCommand on a command semgate cannot follow (see the notes), which may be it; if "
                + "so, declare an exception"
        }
        return nil
    }

    /// The commands of `surface` that `after` has and `before` lacks, by the command they are directly under (not
    /// the root's own key: a root is under no command).
    private static func newSubcommands(of surface: String, before: SurfaceSnapshot, after: SurfaceSnapshot)
        -> [String: [String]]
    {
        let idPrefix = surface + ":"
        // A command new in `after` is among these ids: look at them, not at every item.
        let candidates =
            possiblyNewIDs(before: before, after: after, prefix: idPrefix)
            ?? after.items.values.filter { $0.surface == surface }.map { idPrefix + $0.key }
        var found: [String: [String]] = [:]
        for id in Set(candidates) {
            let key = id.dropFirst(idPrefix.count)
            guard command(of: String(key)) == nil, let space = key.lastIndex(of: " "),
                key.index(after: space) < key.endIndex, after.items[id] != nil, before.items[id] == nil
            else { continue }
            found[String(key[..<space]), default: []].append(String(key))
        }
        return found
    }

    /// The ids beginning with `prefix` that `after` may have and `before` lack, as far as the readers' inputs tell
    /// (nil when either has none): those of the groups of `after` that `before` does not share in the same order, and
    /// those adjusted on either side. Every other id of `after` comes from a group both merged alike
    /// (``SurfaceInputs/changedIDs(since:)``), so `before` has it too. Listed, not hashed into a set.
    private static func possiblyNewIDs(before: SurfaceSnapshot, after: SurfaceSnapshot, prefix: String) -> [String]? {
        guard let new = after.inputs, let old = before.inputs else { return nil }
        var ids = new.adjusted.filter { $0.hasPrefix(prefix) } + old.adjusted.filter { $0.hasPrefix(prefix) }
        for (surface, groups) in new.groups {
            let oldGroups = old.groups[surface] ?? []
            let newIdentities = Set(groups.map(\.identity))
            let oldIdentities = Set(oldGroups.map(\.identity))
            let sameOrder = groups.lazy.map(\.identity).filter(oldIdentities.contains)
                .elementsEqual(oldGroups.lazy.map(\.identity).filter(newIdentities.contains))
            for group in groups where !sameOrder || !oldIdentities.contains(group.identity) {
                ids += group.ids.filter { $0.hasPrefix(prefix) }
            }
        }
        return ids
    }

    /// The command path of a flag key (`tool run` for `tool run --x`), nil for a command.
    static func command(of key: String) -> String? {
        if key.hasPrefix("--") { return "" }
        guard let range = key.range(of: " --") else { return nil }
        return String(key[..<range.lowerBound])
    }
}

/// What the rows of ``CobraCompatibility`` look up in the two snapshots of one comparison, worked out on first use
/// and kept for every change of it (``SurfaceComparison/memo(_:)``): looking through every item for each change cost
/// changes × items on a release that changes thousands of flags.
final class CobraLookups {
    private let before: SurfaceSnapshot
    private let after: SurfaceSnapshot
    /// By surface and command, its flags in `after`: name, shorthand, and whether persistent.
    private var flagsByCommand: [String: [String: [(name: Substring, shorthand: String?, persistent: Bool)]]] = [:]
    /// By side and surface (`b:cli`, `a:cli`), every command with a subcommand (a key under it that is not a flag).
    private var parents: [String: Set<String>] = [:]
    /// By old and new `build` text, what the default builds see (``GoBuildComparison/presenceBump(old:new:)``).
    private var presence: [[String?]: Bump?] = [:]

    /// What the default builds see of an item whose `build` goes from `old` to `new` (nil: every build), worked out
    /// once for each pair of texts in a comparison (the extractor writes a bounded number of them); nil when they
    /// cannot be told apart build by build.
    func presenceBump(old: String?, new: String?) -> Bump? {
        if let known = presence[[old, new]] { return known }
        let bump = GoBuildComparison.presenceBump(old: old, new: new)
        presence[[old, new]] = bump
        return bump
    }

    init(before: SurfaceSnapshot, after: SurfaceSnapshot) {
        self.before = before
        self.after = after
    }

    /// Every shorthand a user can type on `command` in `after`: of its own flags and of the persistent flags of the
    /// commands above it, nearest first, whose names no flag met before has (cobra hands a persistent flag down only
    /// when the command's set lacks its name: a flag of the command shadows it, shorthand and all).
    func shorthands(on command: String, surface: String) -> Set<String> {
        if flagsByCommand[surface] == nil {
            var byCommand: [String: [(name: Substring, shorthand: String?, persistent: Bool)]] = [:]
            for item in after.items.values where item.surface == surface {
                guard let owner = CobraCompatibility.command(of: item.key) else { continue }
                let name = item.key.dropFirst(owner.isEmpty ? 0 : owner.count + 1)
                byCommand[owner, default: []].append(
                    (name, item.attributes["shorthand"], item.attributes["scope"] == "persistent"))
            }
            flagsByCommand[surface] = byCommand
        }
        let byCommand = flagsByCommand[surface] ?? [:]
        let own = byCommand[command] ?? []
        var names = Set(own.map(\.name))
        var found = Set(own.compactMap(\.shorthand))
        let words = command.split(separator: " ")
        for count in stride(from: words.count - 1, through: 0, by: -1) {
            for flag in byCommand[words[..<count].joined(separator: " ")] ?? []
            where flag.persistent && names.insert(flag.name).inserted {
                if let shorthand = flag.shorthand { found.insert(shorthand) }
            }
        }
        return found
    }

    /// Which side of the comparison a lookup reads.
    enum Side { case before, after }

    /// Whether `command` has a subcommand in `before` (or `after`).
    func hasSubcommands(_ command: String, surface: String, in side: Side = .before) -> Bool {
        let slot = (side == .before ? "b:" : "a:") + surface
        if parents[slot] == nil {
            var found: Set<String> = []
            for item in (side == .before ? before : after).items.values where item.surface == surface {
                let key = item.key
                // The root's key path is empty: any command is under it.
                if !key.isEmpty && !key.hasPrefix("--") { found.insert("") }
                var index = key.startIndex
                while let space = key[index...].firstIndex(of: " ") {
                    let rest = key[key.index(after: space)...]
                    if !rest.isEmpty && !rest.hasPrefix("--") { found.insert(String(key[..<space])) }
                    index = key.index(after: space)
                }
            }
            parents[slot] = found
        }
        return parents[slot]?.contains(command) ?? false
    }
}
