import SemVer

/// The bump a change of a cobra item's breaking attribute needs.
///
/// Every command line that worked before must still work: a flag gaining a shorthand, or a local flag becoming
/// persistent (it now also reaches the subcommands), only adds ways to call the program, so it is a feature. Any other
/// change of a breaking attribute (type, a changed or dropped shorthand, persistent to local, what an alias stands
/// for) is breaking.
enum CobraCompatibility {
    static func bump(attribute: String, old: String?, new: String?) -> Bump {
        switch attribute {
        case "shorthand" where old == nil && new != nil:
            return .minor
        case "scope" where old == "local" && new == "persistent":
            return .minor
        default:
            return .major
        }
    }
}
