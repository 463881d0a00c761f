import Foundation
import Testing
import TestSupport

/// The persistent extraction cache from the command line: the same bytes cold, warm and without it; a directory that
/// cannot be used is silent by default and a warning with `--cache`, never a different result.
@Suite("The extraction cache from the command line")
struct CacheTests {
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("semgate-cli-cache-\(UUID().uuidString)").path
    }

    @Test(
        "cold, warm and --no-cache give byte-identical output",
        arguments: [
            ["audit", "--format", "json"], ["deprecations", "--format", "json", "--at", "2025-09-01"],
            ["check", "--format", "json"], ["surface", "v1.0.0", "--format", "json"], ["diff", "v1.0.0", "HEAD"],
            ["next"],
        ])
    func sameOutput(arguments: [String]) throws {
        let sample = try FixtureRepository()
        try SampleProject.build(in: sample)
        let lifecycle = try FixtureRepository()
        try LifecycleProject.build(in: lifecycle)
        for repo in [sample, lifecycle] {
            let folder = Self.folder()
            let run = { (flags: [String]) in
                try runSemgate(
                    arguments + ["--repo", repo.url.path] + flags,
                    environment: ["NO_COLOR": "1", "SEMGATE_EXTRACTION_CACHE": folder])
            }
            let none = try run(["--no-cache"])
            #expect(!FileManager.default.fileExists(atPath: folder), "--no-cache touches nothing")
            // What an earlier cache format left is removed when the cache is opened.
            let earlier = folder + "/v1/ab"
            try FileManager.default.createDirectory(atPath: earlier, withIntermediateDirectories: true)
            try Data("old".utf8).write(to: URL(fileURLWithPath: earlier + "/cd.r"))
            let cold = try run(["--cache"])
            #expect(!FileManager.default.fileExists(atPath: earlier + "/cd.r"))
            let warm = try run([])
            let defaulted = try runSemgate(
                arguments + ["--repo", repo.url.path], environment: ["NO_COLOR": "1", "XDG_CACHE_HOME": folder])
            expectNoCrash(none)
            #expect(none.status == 0 || none.status == 1, "stderr: \(none.stderr)")
            #expect(cold == none)
            #expect(warm == none)
            #expect(defaulted == none)
            #expect(FileManager.default.fileExists(atPath: folder + "/" + "v2"))
            // By default the cache is XDG_CACHE_HOME/semgate.
            #expect(FileManager.default.fileExists(atPath: folder + "/semgate/v2"))
        }
    }

    @Test("a cache directory that cannot be used: silent by default, a warning with --cache, the same result")
    func unusableDirectory() throws {
        let repo = try FixtureRepository()
        try SampleProject.build(in: repo)
        let blocker = Self.folder()
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
        let expected = try runSemgate(["audit", "--repo", repo.url.path, "--format", "json", "--no-cache"])
        let silent = try runSemgate(
            ["audit", "--repo", repo.url.path, "--format", "json"], environment: ["XDG_CACHE_HOME": blocker])
        #expect(silent == expected)
        let warned = try runSemgate(
            ["audit", "--repo", repo.url.path, "--format", "json", "--cache"], environment: ["XDG_CACHE_HOME": blocker])
        #expect(warned.stdout == expected.stdout && warned.status == expected.status)
        #expect(warned.stderr.hasPrefix("semgate: warning: cache not used: "))
        #expect(warned.stderr.split(separator: "\n").count == 1)
        // Inside the repository: refused before anything is made there.
        let inside = try runSemgate(
            ["audit", "--repo", repo.url.path, "--format", "json", "--cache"],
            environment: ["SEMGATE_EXTRACTION_CACHE": repo.url.path + "/.cache/semgate"])
        #expect(inside.stdout == expected.stdout && inside.status == expected.status)
        #expect(inside.stderr.contains("inside the repository"))
        #expect(!FileManager.default.fileExists(atPath: repo.url.path + "/.cache"))
        // Inside the repository but not asked for: silent, and nothing is made there either.
        let quiet = try runSemgate(
            ["audit", "--repo", repo.url.path, "--format", "json"],
            environment: ["SEMGATE_EXTRACTION_CACHE": repo.url.path + "/.cache/semgate"])
        #expect(quiet == expected)
        #expect(!FileManager.default.fileExists(atPath: repo.url.path + "/.cache"))
    }
}
