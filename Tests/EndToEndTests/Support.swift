import Foundation
import Testing
import TestSupport

/// A new repository holding the whole `SampleProject` history; `next` on it is 2.2.0.
func sampleRepository() throws -> FixtureRepository {
    try SampleProject.repository()
}

/// Output that crashed or trapped rather than failing with a message.
let crashMarkers = ["Fatal error", "Stack dump", "backtrace", "Segmentation fault", "Illegal instruction"]

/// Expects `result` to be a failure to run (exit 2) with one clear line on stderr that mentions every string in
/// `mentions` (case-insensitively) and no trace of a crash.
///
/// A policy file with problems is allowed a header line followed by one `file:line:column: message` line a
/// problem (`policyDiagnostics`), since every problem is reported at once.
func expectCouldNotRun(
    _ result: CommandResult, mentions: [String], policyDiagnostics: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == 2, "exit status; stderr: \(result.stderr)", sourceLocation: sourceLocation)
    expectNoCrash(result, sourceLocation: sourceLocation)
    let lines = result.stderr.split(separator: "\n").map(String.init).filter {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
    if policyDiagnostics {
        #expect(!lines.isEmpty, "a message on stderr", sourceLocation: sourceLocation)
        for line in lines.dropFirst() {
            #expect(
                line.firstMatch(of: #/[^\s:]+:\d+:\d+: /#) != nil,
                "every diagnostic line has file:line:column: \(line)", sourceLocation: sourceLocation)
        }
    } else {
        #expect(lines.count == 1, "exactly one line on stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }
    for mention in mentions {
        #expect(
            result.stderr.localizedCaseInsensitiveContains(mention),
            "stderr mentions '\(mention)': \(result.stderr)", sourceLocation: sourceLocation)
    }
}

/// Expects neither stream of `result` to show a crash, a trap or a stack trace.
func expectNoCrash(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
    for marker in crashMarkers {
        #expect(
            !result.stderr.contains(marker), "stderr shows a crash: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stdout.contains(marker), "stdout shows a crash", sourceLocation: sourceLocation)
    }
    // A trap ends the process by a signal; Foundation reports that as a status above 128 or the signal number.
    #expect([0, 1, 2, 64].contains(result.status), "exit status \(result.status)", sourceLocation: sourceLocation)
}

/// Whether `text` holds an ANSI escape sequence.
func containsANSI(_ text: String) -> Bool {
    text.contains("\u{1B}[")
}

/// Parses `text` as a JSON object, or records an issue and returns nil.
func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any]? {
    do {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            Issue.record("not a JSON object: \(text.prefix(200))", sourceLocation: sourceLocation)
            return nil
        }
        return object
    } catch {
        Issue.record("not JSON (\(error)): \(text.prefix(200))", sourceLocation: sourceLocation)
        return nil
    }
}

/// The values of `key` in the objects of the array `array` of a JSON object.
func values(of key: String, in array: String, of object: [String: Any]?) -> [String] {
    let elements = object?[array] as? [[String: Any]] ?? []
    return elements.compactMap { $0[key] as? String }
}

/// A temporary folder outside every repository, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("semgate-e2e-\(UUID().uuidString)", isDirectory: true)
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `contents` to `name` in the folder and returns its path.
    func write(_ name: String, _ contents: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(contents.utf8).write(to: file)
        return file.path
    }
}

/// Everything of a repository that semgate must leave alone: every file of its git folder (path, size, modification
/// time), the refs, HEAD and the working tree status.
struct RepositoryState: Equatable, CustomStringConvertible {
    let files: [String]
    let refs: String
    let head: String
    let status: String

    /// Reads the state of `repo`; `gitFolder` is `.git` of a working tree, or the repository itself when bare.
    init(of repo: FixtureRepository, bare: Bool = false) throws {
        let gitFolder = bare ? repo.url : repo.url.appendingPathComponent(".git", isDirectory: true)
        // Files first: the git commands below take no optional locks, so they write nothing either.
        files = try Self.listing(of: gitFolder)
        refs = try repo.git("for-each-ref", "--format=%(refname) %(objectname)")
        head = try repo.git("symbolic-ref", "--quiet", "HEAD")
        status = bare ? "" : try repo.git("--no-optional-locks", "status", "--porcelain", "--ignored")
    }

    var description: String {
        "refs:\n\(refs)\nHEAD: \(head)\nstatus: \(status.isEmpty ? "clean" : status)\n\(files.count) files"
    }

    private static func listing(of folder: URL) throws -> [String] {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else {
            throw FixtureError.invalidPath(folder.path)
        }
        var lines: [String] = []
        for case let file as URL in enumerator {
            let values = try file.resourceValues(forKeys: Set(keys))
            guard values.isRegularFile == true else { continue }
            let modified = values.contentModificationDate?.timeIntervalSince1970 ?? 0
            let relative = String(file.path.dropFirst(folder.path.count))
            lines.append("\(relative) \(values.fileSize ?? -1) \(modified)")
        }
        return lines.sorted()
    }
}

/// Runs `executable` with `arguments` in `directory` with exactly `environment`, and stops it after `deadline`
/// seconds. Returns the result and the wall time, or a nil result when the deadline passed.
func runBounded(
    _ executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String],
    deadline: TimeInterval
) throws -> (result: CommandResult?, seconds: TimeInterval) {
    try runProcess(executable, arguments, in: directory, environment: environment, deadline: deadline)
}

/// This process's environment with `overrides` laid over it.
func environment(_ overrides: [String: String]) -> [String: String] {
    ProcessInfo.processInfo.environment.merging(overrides) { _, override in override }
}
