import Foundation
import Testing
import TestSupport

private let installScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".github/actions/semgate/install.sh")

/// Runs a tool found on PATH (`tar`, `sha256sum`) or at a path, for at most a minute.
private func tool(_ arguments: [String], in directory: URL?) throws -> CommandResult {
    let run = try runProcess(
        URL(fileURLWithPath: "/usr/bin/env"), arguments, in: directory, environment: environment([:]), deadline: 60)
    return run.result ?? CommandResult(status: -1, stdout: "", stderr: "\(arguments) passed its deadline")
}

/// A fake GitHub release server on 127.0.0.1: serves a folder, logs every request, and stops by itself after a
/// minute if the test does not stop it first.
private final class ReleaseServer {
    private static let script = """
        import functools, http.server, os, signal, sys, threading
        # A child of a test thread starts with that thread's signals blocked; unblocked, SIGTERM stops the server
        # when the test ends instead of after its one-minute timer.
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        root, port_file, log_file = sys.argv[1:4]
        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, fmt, *args):
                with open(log_file, "a") as log:
                    log.write((fmt % args) + "\\n")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
        timer = threading.Timer(60, server.shutdown)
        timer.daemon = True
        timer.start()
        with open(port_file + ".part", "w") as port:
            port.write(str(server.server_address[1]))
        os.rename(port_file + ".part", port_file)
        server.serve_forever()
        """

    let url: String
    private let process = Process()
    private let logFile: URL

    init(serving root: URL, in folder: TemporaryFolder) throws {
        let scriptPath = try folder.write("server.py", Self.script)
        let portFile = folder.url.appendingPathComponent("port")
        logFile = folder.url.appendingPathComponent("requests.log")
        try Data().write(to: logFile)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, root.path, portFile.path, logFile.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let start = Date()
        while !FileManager.default.fileExists(atPath: portFile.path) {
            guard process.isRunning, Date().timeIntervalSince(start) < 20 else {
                process.terminate()
                throw FixtureError.launchFailed(command: "python3 server.py", reason: "no port within 20 s")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        url = "http://127.0.0.1:\(try String(contentsOf: portFile, encoding: .utf8))"
    }

    /// The request lines served so far (`GET /v1.2.0/SHA256SUMS HTTP/1.1 200 -`).
    var requests: [String] {
        ((try? String(contentsOf: logFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// The two install steps of action.yml (resolve, then download when it chose a release), with the outputs of the
/// first passed to the second as the action passes them.
private struct InstallRun {
    let resolve: CommandResult
    let download: CommandResult?
    let outputs: [String: String]

    init(_ variables: [String: String], in folder: TemporaryFolder) throws {
        let outputFile = folder.url.appendingPathComponent("output-\(UUID().uuidString)")
        try Data().write(to: outputFile)
        var base = [
            "GITHUB_OUTPUT": outputFile.path, "RUNNER_TEMP": folder.url.path, "RUNNER_OS": "Linux",
            "RUNNER_ARCH": "X64", "RUNNER_TOOL_CACHE": folder.url.appendingPathComponent("tools").path,
            "SEMGATE_PATH": "", "INPUT_SEMGATE_VERSION": "", "INPUT_BUILD_FROM_SOURCE": "false",
            "SEMGATE_ACTION_REF": "", "SEMGATE_ACTION_REPOSITORY": "example/semgate",
        ]
        base.merge(variables) { _, new in new }
        func step(_ phase: String, _ extra: [String: String]) throws -> CommandResult {
            let run = try runProcess(
                URL(fileURLWithPath: "/usr/bin/env"), ["bash", installScript.path, phase], in: folder.url,
                environment: environment(base.merging(extra) { _, new in new }), deadline: 120)
            return run.result
                ?? CommandResult(status: -1, stdout: "", stderr: "install.sh \(phase) passed its deadline")
        }
        func readOutputs() -> [String: String] {
            var outputs: [String: String] = [:]
            for line in ((try? String(contentsOf: outputFile, encoding: .utf8)) ?? "").split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2 { outputs[String(parts[0])] = String(parts[1]) }
            }
            return outputs
        }
        resolve = try step("resolve", [:])
        let resolved = readOutputs()
        if resolve.status == 0, resolved["mode"] == "release" {
            download = try step(
                "download",
                [
                    "SEMGATE_VERSION": resolved["version"] ?? "", "SEMGATE_ASSET": resolved["asset"] ?? "",
                    "SEMGATE_CACHE_DIR": resolved["cache-dir"] ?? "",
                ])
        } else {
            download = nil
        }
        // A later line wins, as GitHub reads GITHUB_OUTPUT.
        outputs = readOutputs()
    }
}

@Suite("GitHub Action: release download")
struct ActionInstallTests {
    static let asset = "semgate-9.9.9-linux-x86_64.tar.gz"

    /// A folder laid out as GitHub serves release assets: `v9.9.9/SHA256SUMS` and the tarball holding this build's
    /// semgate; `checksum` replaces the tarball's real checksum in SHA256SUMS when given.
    private static func fakeRelease(in folder: TemporaryFolder, checksum: String? = nil) throws -> URL {
        let release = folder.url.appendingPathComponent("releases/v9.9.9", isDirectory: true)
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try semgateBinary(), to: release.appendingPathComponent("semgate"))
        let packed = try tool(["tar", "-czf", asset, "semgate"], in: release)
        #expect(packed.status == 0, "tar: \(packed)")
        try FileManager.default.removeItem(at: release.appendingPathComponent("semgate"))
        let sum = try tool(["sha256sum", asset], in: release)
        let real = String(sum.stdout.prefix(64))
        #expect(real.count == 64, "sha256sum: \(sum)")
        let other = "semgate-9.9.9-macos-arm64.tar.gz"
        try Data("\(checksum ?? real)  \(asset)\n\(String(repeating: "0", count: 64))  \(other)\n".utf8)
            .write(to: release.appendingPathComponent("SHA256SUMS"))
        return release.deletingLastPathComponent()
    }

    @Test("a release tag ref: downloaded, checked, unpacked and run; the next run uses the verified cache")
    func downloadAndCache() throws {
        let folder = try TemporaryFolder()
        let server = try ReleaseServer(serving: try Self.fakeRelease(in: folder), in: folder)
        let variables = ["SEMGATE_ACTION_REF": "v9.9.9", "SEMGATE_RELEASES_URL": server.url]
        let first = try InstallRun(variables, in: folder)
        #expect(first.resolve.status == 0, "\(first.resolve)")
        #expect(first.download?.status == 0, "\(String(describing: first.download))")
        #expect(first.outputs["mode"] == "release")
        #expect(first.outputs["asset"] == Self.asset)
        let binary = try #require(first.outputs["binary"])
        let version = try tool([binary, "--version"], in: nil)
        #expect(version.stdout.hasPrefix("semgate "), "\(version)")
        #expect(first.download?.stdout.contains("sha256") == true)
        #expect(server.requests.count == 2, "\(server.requests)")
        #expect(server.requests.allSatisfy { $0.contains(" 200 ") })

        let second = try InstallRun(variables, in: folder)
        #expect(second.download?.status == 0, "\(String(describing: second.download))")
        #expect(second.download?.stdout.contains("from the cache") == true)
        #expect(server.requests.count == 2, "the cached copy was used: \(server.requests)")

        // A cached tarball that changed since it was verified is refused, not run.
        let cached = URL(fileURLWithPath: try #require(first.outputs["cache-dir"])).appendingPathComponent(Self.asset)
        let handle = try FileHandle(forWritingTo: cached)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("tampered".utf8))
        try handle.close()
        let tampered = try InstallRun(variables, in: folder)
        #expect(tampered.download?.status == 2, "\(String(describing: tampered.download))")
        #expect(tampered.download?.stdout.contains("\n::error title=semgate::the checksum of \(Self.asset)") == true)
        #expect(!FileManager.default.fileExists(atPath: cached.path), "the bad copy is not kept")
    }

    @Test("a checksum mismatch on download fails with exit 2; nothing is unpacked, run or cached")
    func checksumMismatch() throws {
        let folder = try TemporaryFolder()
        let root = try Self.fakeRelease(in: folder, checksum: String(repeating: "a", count: 64))
        let server = try ReleaseServer(serving: root, in: folder)
        let run = try InstallRun(["INPUT_SEMGATE_VERSION": "9.9.9", "SEMGATE_RELEASES_URL": server.url], in: folder)
        let download = try #require(run.download)
        #expect(download.status == 2, "\(download)")
        #expect(download.stdout.hasPrefix("::error title=semgate::the checksum of \(Self.asset)"))
        #expect(run.outputs["binary"] == nil)
        let cache = URL(fileURLWithPath: try #require(run.outputs["cache-dir"]))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent(Self.asset).path))
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("SHA256SUMS").path))
    }

    @Test("no release for the version, or none for this platform: build from source, with a notice")
    func noMatchingRelease() throws {
        let folder = try TemporaryFolder()
        let server = try ReleaseServer(serving: try Self.fakeRelease(in: folder), in: folder)
        let missing = try InstallRun(
            ["INPUT_SEMGATE_VERSION": "9.9.8", "SEMGATE_RELEASES_URL": server.url], in: folder)
        #expect(missing.download?.status == 0, "\(String(describing: missing.download))")
        #expect(missing.outputs["mode"] == "source")
        #expect(missing.download?.stdout.contains("::notice title=semgate::no semgate release v9.9.8") == true)
        let arm = try InstallRun(
            ["INPUT_SEMGATE_VERSION": "9.9.9", "RUNNER_ARCH": "ARM64", "SEMGATE_RELEASES_URL": server.url], in: folder)
        #expect(arm.outputs["mode"] == "source")
        #expect(arm.download?.stdout.contains("has no binary semgate-9.9.9-linux-aarch64.tar.gz") == true)
        #expect(arm.outputs["binary"] == nil)
    }

    @Test(
        "resolve without network: branch refs, build-from-source and unknown runners build; bad inputs stop",
        arguments: [
            (["SEMGATE_ACTION_REF": "main"], "source"), (["SEMGATE_ACTION_REF": ""], "source"),
            (["SEMGATE_ACTION_REF": "0123456789abcdef0123456789abcdef01234567"], "source"),
            (["SEMGATE_ACTION_REF": "v1.2.0", "INPUT_BUILD_FROM_SOURCE": "true"], "source"),
            (["SEMGATE_ACTION_REF": "v1.2.0", "RUNNER_OS": "Windows"], "source"),
            (["SEMGATE_ACTION_REF": "v1.2.0", "SEMGATE_RELEASES_URL": "http://127.0.0.1:9"], "release"),
            (["INPUT_SEMGATE_VERSION": "v1.2.0-rc.1"], "release"),
            (["INPUT_SEMGATE_VERSION": "../../x"], "exit 2"), (["INPUT_BUILD_FROM_SOURCE": "yes"], "exit 2"),
            (["SEMGATE_PATH": "/nonexistent/semgate"], "exit 2"),
        ])
    func resolve(variables: [String: String], expected: String) throws {
        let folder = try TemporaryFolder()
        // Only the resolve phase: a release choice is not downloaded here.
        let outputFile = try folder.write("output", "")
        var overrides = [
            "GITHUB_OUTPUT": outputFile, "RUNNER_TEMP": folder.url.path, "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64",
            "SEMGATE_PATH": "", "INPUT_SEMGATE_VERSION": "", "INPUT_BUILD_FROM_SOURCE": "false",
        ]
        overrides.merge(variables) { _, new in new }
        let run = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["bash", installScript.path, "resolve"], in: folder.url,
            environment: environment(overrides), deadline: 60)
        let result = try #require(run.result)
        let outputs = try String(contentsOfFile: outputFile, encoding: .utf8)
        if expected == "exit 2" {
            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.hasPrefix("::error title=semgate::"))
        } else {
            #expect(result.status == 0, "\(result)")
            #expect(outputs.contains("mode=\(expected)\n"), "\(outputs)")
        }
    }
}
