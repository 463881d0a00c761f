import ArgumentParser
import Foundation
import Gate

/// The persistent extraction cache flag of the commands that read surfaces.
struct CacheOptions: ParsableArguments {
    @Flag(
        name: .customLong("cache"), inversion: .prefixedNo,
        help: ArgumentHelp(
            "Keep extraction results between runs (default: on when the cache directory is writable).",
            discussion: """
                Results are kept by semgate build, extractor settings and the object ids of what was read, in \
                $SEMGATE_EXTRACTION_CACHE, else $XDG_CACHE_HOME/semgate, else ~/.cache/semgate, never in the \
                repository; the output is the same with or without it. --cache warns when the directory cannot \
                be used; --no-cache neither reads nor writes it. Examples: `semgate audit` twice (the second \
                reads the first's results), `SEMGATE_EXTRACTION_CACHE=/tmp/semgate-cache semgate audit --cache`, \
                `semgate check --no-cache`.
                """))
    var cache: Bool?

    /// Makes `engine` read surfaces through the cache unless --no-cache; with --cache, says on standard error why
    /// the cache cannot be used when it cannot (the run goes on without it, with the same results).
    func apply(to engine: Engine) {
        guard cache != false else { return }
        let explicit = cache == true
        let environment = ProcessInfo.processInfo.environment
        let named = environment["SEMGATE_EXTRACTION_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let directory = named ?? Engine.defaultCacheDirectory(environment: environment) else {
            if explicit {
                printError([
                    "semgate: warning: cache not used: no directory (set SEMGATE_EXTRACTION_CACHE, XDG_CACHE_HOME or HOME)"
                ])
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
