import BuildInfo
import CLibgit2

/// The libgit2 that semgate runs on, as `semgate --version` reports it for bug reports.
public enum LibraryInfo {
    /// libgit2's own version (`git_libgit2_version`), for example `1.5.1`.
    public static var libgit2Version: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        guard git_libgit2_version(&major, &minor, &revision) == 0 else { return "unknown" }
        return "\(major).\(minor).\(revision)"
    }

    /// Whether libgit2 is part of this executable (linked statically) rather than a shared library loaded at run
    /// time; nil when the dynamic loader cannot tell.
    ///
    /// Asked of the loader, not of the build: is the code of `git_libgit2_version` in the executable's own image?
    public static var libgit2IsStatic: Bool? {
        let function:
            @convention(c) (
                UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?
            ) -> Int32 = git_libgit2_version
        switch semgate_address_in_executable(unsafeBitCast(function, to: UnsafeRawPointer.self)) {
        case 1: return true
        case 0: return false
        default: return nil
        }
    }

    /// The optional features libgit2 was built with (`threads`, `https`, `ssh`, `nsec`).
    public static var libgit2Features: [String] {
        let features = git_libgit2_features()
        let names: [(git_feature_t, String)] = [
            (GIT_FEATURE_THREADS, "threads"), (GIT_FEATURE_HTTPS, "https"), (GIT_FEATURE_SSH, "ssh"),
            (GIT_FEATURE_NSEC, "nsec"),
        ]
        return names.filter { features & Int32(bitPattern: $0.0.rawValue) != 0 }.map(\.1)
    }
}
