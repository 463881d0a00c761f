import ArgumentParser
import Foundation
import Gate

/// The persistent extraction cache flags of the commands that read surfaces.
struct CacheOptions: ParsableArguments {
    @Flag(
        name: .customLong("cache"), inversion: .prefixedNo,
        help: ArgumentHelp(
            "Keep extraction results between runs (default: on when the cache directory is writable).",
            discussion: """
                Results are kept by semgate build, extractor settings and the object ids of what was read, in \
                --cache-dir (default $XDG_CACHE_HOME/semgate, else ~/.cache/semgate), never in the repository; \
                the output is the same with or without it. --cache warns when the directory cannot be used; \
                --no-cache neither reads nor writes it. Examples: `semgate audit` twice (the second reads the \
                first's results), `semgate audit --cache-dir /tmp/semgate-cache`, `semgate check --no-cache`.
                """))
    var cache: Bool?

    @Option(
        name: .customLong("cache-dir"),
        help: "The extraction cache directory (implies --cache).", completion: .directory)
    var cacheDirectory: String?

    /// Makes `engine` read surfaces through the cache unless --no-cache; when the cache was asked for explicitly and
    /// cannot be used, says why on standard error (the run goes on without it, with the same results).
    func apply(to engine: Engine) {
        guard cache != false else { return }
        let explicit = cache == true || cacheDirectory != nil
        let environment = ProcessInfo.processInfo.environment
        guard let directory = cacheDirectory ?? Engine.defaultCacheDirectory(environment: environment)
        else {
            if explicit {
                printError(["semgate: warning: no cache directory (set XDG_CACHE_HOME or HOME, or give --cache-dir)"])
            }
            return
        }
        guard let build = VersionText.buildIdentity else {
            if explicit { printError(["semgate: warning: cache not used: this executable's identity is unknown"]) }
            return
        }
        do {
            try engine.useCache(directory: directory, build: build)
        } catch {
            if explicit { printError(["semgate: warning: cache not used: \(error.description)"]) }
        }
    }
}
