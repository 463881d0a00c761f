/// Which files the go tool compiles into a package, by name alone.
public enum GoFileName {
    /// Whether `path` (a file name, or a path whose last part is the name) names Go source the go tool builds into its
    /// package: it ends in `.go`, is not a test (`_test.go`), and does not begin with `_` or `.`, names the go tool
    /// ignores (`go help packages`). Build constraints are the caller's to read.
    public static func isPackageSource(_ path: some StringProtocol) -> Bool {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
        return name.hasSuffix(".go") && !name.hasSuffix("_test.go") && !name.hasPrefix("_") && !name.hasPrefix(".")
    }
}
