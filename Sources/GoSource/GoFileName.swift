/// Which files the go tool compiles into a package, by name alone.
public enum GoFileName {
    /// Whether `path` (a file name, or a path whose last part is the name) names Go source the go tool builds into its
    /// package: it ends in `.go`, is not a test (`_test.go`), and does not begin with `_` or `.`, names the go tool
    /// ignores (`go help packages`). Build constraints are the caller's to read.
    public static func isPackageSource(_ path: String) -> Bool {
        // Bytes, not characters: called for every file at every revision. The suffixes and prefixes are ASCII, and
        // a `/` byte in UTF-8 is always the character `/`.
        let bytes = path.utf8
        let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
        guard let first = name.first, first != UInt8(ascii: "_"), first != UInt8(ascii: "."),
            name.reversed().starts(with: ".go".utf8.reversed())
        else { return false }
        return !name.reversed().starts(with: "_test.go".utf8.reversed())
    }
}
