/// What Go's build rules read from a file's name: `name_GOOS_GOARCH.go`, `name_GOOS.go` and `name_GOARCH.go` build
/// only for that system or architecture (a `_test` before `.go` is dropped first).
public enum GoFileNameCondition {
    private static let operatingSystems: Set<String> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
        "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    ]
    private static let architectures: Set<String> = [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
        "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x",
        "sparc", "sparc64", "wasm",
    ]

    /// The condition the file name `name` (no folder) implies, as a build expression (`linux && amd64`, `windows`);
    /// nil when the name implies none.
    public static func of(_ name: String) -> String? {
        var stem = name.hasSuffix(".go") ? String(name.dropLast(3)) : name
        if stem.hasSuffix("_test") { stem = String(stem.dropLast(5)) }
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        let last = parts[parts.count - 1]
        if parts.count >= 3, operatingSystems.contains(parts[parts.count - 2]), architectures.contains(last) {
            return "\(parts[parts.count - 2]) && \(last)"
        }
        if operatingSystems.contains(last) || architectures.contains(last) { return last }
        return nil
    }
}
