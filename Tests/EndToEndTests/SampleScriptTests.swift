import Foundation
import Testing
import TestSupport

/// `.ci/sample-repo.sh` (the README's quick start, and the docs examples) and `SampleProject` (the tests) write the same history; this
/// keeps the two copies from drifting apart.
@Suite("Sample repository script")
struct SampleScriptTests {
    @Test("the script and SampleProject produce the same commits and tags, SHA for SHA")
    func sameHistory() throws {
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".ci/sample-repo.sh")
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent("sample")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, target.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let swift = try sampleRepository()
        func refs(_ git: ([String]) throws -> String) throws -> String {
            try git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/tags", "refs/heads"])
        }
        let fromScript = try refs { args in
            let reader = Process()
            let pipe = Pipe()
            reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            reader.arguments = ["git", "-C", target.path] + args
            reader.standardOutput = pipe
            try reader.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            reader.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let fromSwift = try refs { args in try swift.git(args) }
        #expect(!fromSwift.isEmpty)
        let trimmed = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(trimmed(fromScript) == trimmed(fromSwift))
    }
}
