import Foundation
import Surface

extension Engine {
    /// Reads surfaces through the persistent extraction cache at `directory` from now on (made if absent); `build`
    /// names semgate's build in every key. Fails, leaving the engine without a cache, when the directory lies inside
    /// the repository (semgate never writes there) or cannot be used (`ExtractionStore.open`).
    public func useCache(directory: String, build: String) throws(ExtractionStoreError) {
        let target = Self.realPath(directory)
        for root in [repository.workingDirectory, repository.gitDirectory].compactMap({ $0 }) {
            let inside = Self.realPath(root)
            let prefix = inside.hasSuffix("/") ? inside : inside + "/"
            if target == inside || target.hasPrefix(prefix) {
                throw ExtractionStoreError(
                    description: "'\(directory)' is inside the repository; semgate never writes to the repository it "
                        + "reads: choose a cache directory outside it")
            }
        }
        cache = try ExtractionStore.open(directory: target, build: build)
    }

    /// The default cache directory: `$XDG_CACHE_HOME/semgate` when that is an absolute path, else
    /// `~/.cache/semgate`; nil when neither is known.
    public static func defaultCacheDirectory(environment: [String: String]) -> String? {
        ExtractionStore.defaultDirectory(environment: environment)
    }

    /// `path` made absolute with every symbolic link of its longest existing part resolved (the rest may not exist).
    private static func realPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let parent = (existing as NSString).deletingLastPathComponent
            guard parent != existing, !parent.isEmpty else { return path }
            rest.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }
}
