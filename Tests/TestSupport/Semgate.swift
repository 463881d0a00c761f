import Foundation

/// Runs the built `semgate` binary with `args` and captures its exit status, stdout and stderr.
///
/// The binary is looked for next to the running test bundle (`.build/debug/semgate`, `<scratch>/debug/semgate`),
/// then at the path in the environment variable `SEMGATE_BINARY`. The child gets this process's environment
/// with `environment` laid over it (the extraction cache in a folder of this test process unless `environment` names one),
/// and runs in `directory` when given.
public func runSemgate(
    _ args: [String], in directory: URL? = nil, environment: [String: String] = [:]
) throws -> CommandResult {
    let binary = try semgateBinary()
    // The extraction cache goes to a folder of this test process, never the user's, unless a test names one.
    let childEnvironment = ProcessInfo.processInfo.environment
        .merging(["XDG_CACHE_HOME": testCacheHome, "SEMGATE_EXTRACTION_CACHE": ""]) { $1 }
        .merging(environment) { _, override in override }
    return try runProcess(binary, args, in: directory, environment: childEnvironment)
}

/// The `XDG_CACHE_HOME` of the binaries the tests run: one folder a test process, shared by its tests (so they read
/// one another's cache entries, as runs on one machine do).
private let testCacheHome = FileManager.default.temporaryDirectory
    .appendingPathComponent("semgate-test-cache-\(ProcessInfo.processInfo.processIdentifier)").path

/// The `semgate` executable of the current build; see `runSemgate`.
public func semgateBinary() throws -> URL {
    var searched: [String] = []
    for folder in buildFolders() {
        let candidate = folder.appendingPathComponent("semgate")
        searched.append(folder.path)
        if isExecutableFile(candidate) {
            return candidate
        }
    }
    if let path = ProcessInfo.processInfo.environment["SEMGATE_BINARY"], !path.isEmpty {
        let candidate = URL(fileURLWithPath: path)
        if isExecutableFile(candidate) {
            return candidate
        }
        searched.append("SEMGATE_BINARY=\(path)")
    } else {
        searched.append("SEMGATE_BINARY (unset)")
    }
    throw FixtureError.semgateBinaryNotFound(searched: searched)
}

/// Folders that may hold the products of this build: the folders around the test runner and every loaded
/// `.xctest` bundle (on Linux the runner is `<build>/debug/<Package>PackageTests.xctest`; on macOS the bundle
/// is `<build>/debug/<Package>PackageTests.xctest/Contents/MacOS/...`), nearest first.
private func buildFolders() -> [URL] {
    var starts: [URL] = []
    if let executable = Bundle.main.executableURL {
        starts.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
    }
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        starts.append(bundle.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
    }
    starts.append(Bundle.main.bundleURL.resolvingSymlinksInPath())
    var folders: [URL] = []
    for start in starts {
        var folder = start
        for _ in 0..<4 {
            if !folders.contains(folder) {
                folders.append(folder)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path {
                break
            }
            folder = parent
        }
    }
    return folders
}

private func isExecutableFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        && FileManager.default.isExecutableFile(atPath: url.path)
}
