import Policy

/// Keys that Swift's `==` takes as one while their bytes differ.
///
/// Swift compares strings by canonical equivalence: `"caf\u{e9}"` (precomposed) and `"cafe\u{301}"` (with a
/// combining accent) are equal, and so are `"K"` and the Kelvin sign. Go compares bytes: to pflag, cobra and a Go
/// program they are two names, and a user who types one cannot reach the other. Surfaces are dictionaries keyed by
/// id, so the two spellings share one entry. What semgate does about it, failing closed:
///
/// - Two items of one id with other bytes in one revision stay one item that records every spelling, escaped, in
///   the attribute `key-bytes` (`caf\u{e9}, cafe\u{301}`).
/// - Two revisions whose item of an id has other spellings differ in `key-bytes`: a spelling that is gone is judged
///   as the item's removal would be, a spelling that is new as its addition.
///
/// No extractor can give an item this attribute: a `list` file's attribute of that name is ignored with a note, and
/// a regex group's name cannot hold `-`.
public enum KeyBytes {
    /// The attribute that records the spellings of an item whose key was read with other bytes.
    public static let attribute = "key-bytes"

    /// `key` with every scalar that is not ASCII, every control, `\` and `,` written `\u{XXXX}`: two spellings are
    /// equal exactly when their bytes are, and `, ` separates spellings.
    public static func spelling(_ key: String) -> String {
        var result = ""
        for scalar in key.unicodeScalars {
            if scalar.isASCII, scalar.value >= 0x20, scalar.value != 0x7F, scalar != "\\", scalar != "," {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return result
    }

    /// The spellings `item` stands for: those recorded, else its key's.
    static func spellings(of item: SurfaceItem) -> [String] {
        guard let recorded = item.attributes[attribute] else { return [spelling(item.key)] }
        return recorded.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, part in
            String(index == 0 ? part : part.dropFirst())
        }
    }

    /// Records in `existing` the spellings of `other`, an item of the same id merged into it, when their keys'
    /// bytes differ or `existing` already records spellings.
    static func merge(_ other: SurfaceItem, into existing: inout SurfaceItem) {
        guard existing.attributes[attribute] != nil || !Bytewise.same(existing.key, other.key) else { return }
        let all = Set(spellings(of: existing) + spellings(of: other))
        existing.attributes[attribute] = all.sortedByBytes().joined(separator: ", ")
    }

    /// `old` and `new`, items compared in two revisions, each recording its spellings when their keys are one by
    /// Swift's `==` with other bytes or either records them, so that the difference shows in `key-bytes`. (Items
    /// of other keys are compared too: a command read under a guessed root and under its parent, `SurfaceRehoming`.)
    static func aligned(_ old: SurfaceItem, _ new: SurfaceItem) -> (SurfaceItem, SurfaceItem) {
        guard
            old.attributes[attribute] != nil || new.attributes[attribute] != nil
                || (!Bytewise.same(old.key, new.key) && old.key == new.key)
        else { return (old, new) }
        var (old, new) = (old, new)
        if old.attributes[attribute] == nil { old.attributes[attribute] = spelling(old.key) }
        if new.attributes[attribute] == nil { new.attributes[attribute] = spelling(new.key) }
        return (old, new)
    }

    /// Whether a spelling `old` stands for is one `new` does not: the change is a removal of it, else an addition.
    static func losesSpelling(_ old: SurfaceItem, _ new: SurfaceItem) -> Bool {
        !Set(spellings(of: old)).isSubset(of: spellings(of: new))
    }
}
