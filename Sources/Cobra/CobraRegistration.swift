/// A condition decided only when the program runs that encloses what runs now: an undecided `if` (or its `else`), a
/// `switch` clause, the rest of a block after an `if` that returns, a loop whose entries the run cannot know. A flag
/// or command registered only under such conditions is in the surface with `registered-when` (review R103).
struct CobraRunCondition: Hashable, Sendable {
    /// The condition as written (``CobraRegistration/maximumText`` bytes of printable ASCII at most, else `?`).
    let text: String
    /// What the default run gives it: no environment variable set but the system's (`os.Getenv` gives "",
    /// `os.LookupEnv` false), viper's getters their zero values. Nil when the default run does not decide it.
    let byDefault: Bool?
}

/// One place a flag or command is registered: the conditions enclosing it (outermost first) and the calls running
/// there (outermost first), each with how many of those conditions enclosed it when it began.
struct CobraRegistrationSite: Hashable, Sendable {
    let conditions: [CobraRunCondition]
    let calls: [Int32]
    let entries: [Int]

    /// The most sites kept for one flag or command; past it, the item counts as registered on every run.
    static let maximumSites = 32
}

/// How a flag or command is registered when every place that registers it is under a condition decided only when the
/// program runs: the conditions as written, and whether the default run registers it.
public struct CobraRegistration: Hashable, Sendable {
    /// The conditions, as written: those of one place joined by `&&`, the places by `||`.
    public let when: String
    /// False when the default run registers it at none of those places (each has a condition it decides false).
    public let byDefault: Bool

    /// What is registered under both `outer` (a command's) and `inner` (a flag's or a subcommand's): the outer
    /// conditions as written, not by default when either is not.
    static func both(_ outer: CobraRegistration?, _ inner: CobraRegistration?) -> CobraRegistration? {
        guard let outer else { return inner }
        guard let inner else { return outer }
        return CobraRegistration(when: outer.when, byDefault: outer.byDefault && inner.byDefault)
    }

    /// Whether `lists` of conditions cover every run: one is empty, or two differ only in a last condition that is the
    /// other's opposite (`c` and `!c`), repeatedly (at most 16 lists are looked at).
    static func covers(_ lists: Set<[CobraRunCondition]>) -> Bool {
        var known = lists
        var changed = true
        while changed, known.count <= 64 {
            if known.contains(where: { $0.isEmpty }) { return true }
            changed = false
            let all = Array(known.prefix(16))
            // Each list's last condition and that condition's opposite, worked out once a list, not once a pair.
            let lasts = all.map { $0.last?.text }
            let opposites = all.map { $0.last.map { CobraInterpreter.negated($0).text } }
            for (index, one) in all.enumerated() {
                guard let last = lasts[index], let opposite = opposites[index] else { continue }
                let paired = all.indices.contains { other in
                    all[other].count == one.count && (lasts[other] == opposite || opposites[other] == last)
                        && all[other].dropLast().elementsEqual(one.dropLast())
                }
                if paired, known.insert(Array(one.dropLast())).inserted {
                    changed = true
                }
            }
        }
        return known.contains(where: { $0.isEmpty })
    }

    /// The longest text kept; a longer one ends in `...`.
    static let maximumText = 120

    /// The registration of something registered at `sites`, whose conditions are `effective` (those that matter where
    /// the call that registers it is reached for sure): nil when some place registers it on every run.
    static func of(_ effective: [[CobraRunCondition]]) -> CobraRegistration? {
        guard !effective.isEmpty, !effective.contains(where: \.isEmpty), !covers(Set(effective)) else { return nil }
        let texts = Set(effective.map { conditions in conditions.map(\.text).joined(separator: " && ") }).sorted()
        var when = texts.count == 1 ? texts[0] : texts.map { "(\($0))" }.joined(separator: " || ")
        if when.utf8.count > maximumText {
            when = String(decoding: when.utf8.prefix(maximumText - 3), as: UTF8.self) + "..."
        }
        let byDefault = !effective.allSatisfy { conditions in conditions.contains { $0.byDefault == false } }
        return CobraRegistration(when: when, byDefault: byDefault)
    }

    /// The environment variables a system sets for every program (the default run does not decide them).
    static let systemVariables: Set<String> = [
        "HOME", "PATH", "USER", "USERNAME", "LOGNAME", "SHELL", "TERM", "PWD", "OLDPWD", "TMPDIR", "TMP", "TEMP",
        "LANG", "LANGUAGE", "HOSTNAME", "DISPLAY", "EDITOR", "VISUAL", "PAGER", "TZ", "GOPATH", "GOROOT", "GOOS",
        "GOARCH", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "PROGRAMDATA", "PROGRAMFILES", "SYSTEMROOT", "SYSTEMDRIVE",
        "WINDIR", "COMSPEC", "HOMEDRIVE", "HOMEPATH", "PATHEXT", "OS", "COLUMNS", "LINES", "MAIL", "SHLVL",
    ]

    /// Whether the system may set `name` for every program: a ``systemVariables`` name, or one of the `XDG_`, `LC_`
    /// or `SSH_` families.
    static func isSystemVariable(_ name: String) -> Bool {
        let upper = name.uppercased()
        return systemVariables.contains(upper) || upper.hasPrefix("XDG_") || upper.hasPrefix("LC_")
            || upper.hasPrefix("SSH_")
    }

    /// viper's package functions whose result the default run gives as a zero value (with no value set).
    static let viperGetters: Set<String> = [
        "GetBool", "GetString", "GetInt", "GetInt32", "GetInt64", "GetUint", "GetUint16", "GetUint32", "GetUint64",
        "GetFloat64", "GetDuration", "GetStringSlice", "GetIntSlice", "IsSet", "InConfig",
    ]

    /// viper's package functions that give it values (a default, a flag's, a configuration file's): a program that
    /// calls one is not decided by the default run.
    static let viperSetters: Set<String> = [
        "Set", "SetDefault", "BindPFlag", "BindPFlags", "BindFlagValue", "BindFlagValues", "BindEnv", "ReadInConfig",
        "ReadConfig", "MergeInConfig", "MergeConfig", "MergeConfigMap", "ReadRemoteConfig", "WatchRemoteConfig",
        "SetConfigFile", "AddConfigPath", "SetConfigName", "Unmarshal", "SetFs",
    ]
}
