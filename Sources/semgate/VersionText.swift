import BuildInfo
import Foundation
import Git

/// What `semgate --version` prints: everything a bug report needs to name the build.
///
///     semgate 0.1.0
///     commit: 0123abcd...
///     libgit2: 1.5.1 (linked statically; features: threads, nsec)
///     swift runtime: linked statically
enum VersionText {
    /// semgate's own version; a release tag `vX.Y.Z` must name the same (the release workflow checks it).
    static let version = "0.1.0"

    static var text: String {
        [
            "semgate \(version)",
            "commit: \(commit)",
            "libgit2: \(LibraryInfo.libgit2Version) (\(linkage(LibraryInfo.libgit2IsStatic)); "
                + "features: \(LibraryInfo.libgit2Features.joined(separator: ", ")))",
            "swift runtime: \(swiftRuntime)",
        ].joined(separator: "\n")
    }

    /// What names this build in the persistent extraction cache's keys, so a new binary never reads what another
    /// wrote: the version and commit, and for a build without a clean commit (a development build) the executable
    /// file's device, inode, size and modification time too; nil when those cannot be read.
    static var buildIdentity: String? {
        let stamped = String(cString: semgate_build_commit())
        if !stamped.isEmpty && !stamped.hasSuffix("-dirty") { return "\(version) \(stamped)" }
        guard let path = Bundle.main.executablePath else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
            let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #else
            let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #endif
        return "\(version) \(stamped.isEmpty ? "unstamped" : stamped) executable \(info.st_dev):\(info.st_ino) "
            + "\(info.st_size) \(modified)"
    }

    private static var commit: String {
        let stamped = String(cString: semgate_build_commit())
        return stamped.isEmpty ? "unknown (the build was not given SEMGATE_COMMIT)" : stamped
    }

    private static func linkage(_ isStatic: Bool?) -> String {
        switch isStatic {
        case true?: return "linked statically"
        case false?: return "shared library"
        case nil: return "linkage unknown"
        }
    }

    /// Whether the Swift runtime is a shared library (of the toolchain, or of the system on macOS) or part of this
    /// executable, as the dynamic loader sees it.
    private static var swiftRuntime: String {
        #if os(Linux)
            let library = "libswiftCore.so"
        #else
            let library = "/usr/lib/swift/libswiftCore.dylib"
        #endif
        return semgate_library_loaded(library) == 1 ? "shared library" : "linked statically"
    }
}
