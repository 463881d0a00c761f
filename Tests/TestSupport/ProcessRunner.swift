import Foundation

/// The outcome of running a program: its exit status and everything it wrote.
public struct CommandResult: Sendable, Equatable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// A failure to build a fixture or to run a program, with the text a person needs to see why.
public enum FixtureError: Error, CustomStringConvertible {
    case commandFailed(command: String, status: Int32, stderr: String)
    case launchFailed(command: String, reason: String)
    case semgateBinaryNotFound(searched: [String])
    case invalidPath(String)

    public var description: String {
        switch self {
        case .commandFailed(let command, let status, let stderr):
            let reason = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return "`\(command)` exited with status \(status): \(reason)"
        case .launchFailed(let command, let reason):
            return "could not start `\(command)`: \(reason)"
        case .semgateBinaryNotFound(let searched):
            return "the semgate binary was not found (looked in \(searched.joined(separator: ", "))); "
                + "run `swift build` first or set SEMGATE_BINARY to its path"
        case .invalidPath(let path):
            return "'\(path)' is not a relative path inside the fixture repository"
        }
    }
}

/// Runs `executable` with `arguments` and waits for it, capturing stdout and stderr through temporary files
/// (so a chatty program cannot fill a pipe and deadlock). Standard input is empty.
func runProcess(
    _ executable: URL,
    _ arguments: [String],
    in directory: URL?,
    environment: [String: String]
) throws -> CommandResult {
    // Without a deadline the process always finishes with a result.
    try runProcess(executable, arguments, in: directory, environment: environment, deadline: nil).result
        ?? CommandResult(status: -1, stdout: "", stderr: "")
}

/// Like `runProcess`, but stops the program after `deadline` seconds (when given), and reads standard input from
/// the file `input` when given. Returns the result, nil when the deadline passed, and the wall time.
public func runProcess(
    _ executable: URL,
    _ arguments: [String],
    in directory: URL?,
    environment: [String: String],
    deadline: TimeInterval?,
    input: URL? = nil
) throws -> (result: CommandResult?, seconds: TimeInterval) {
    let captureFolder = FileManager.default.temporaryDirectory
        .appendingPathComponent("semgate-capture-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: captureFolder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: captureFolder) }
    let stdoutURL = captureFolder.appendingPathComponent("stdout")
    let stderrURL = captureFolder.appendingPathComponent("stderr")
    try Data().write(to: stdoutURL)
    try Data().write(to: stderrURL)
    let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
    let stderrHandle = try FileHandle(forWritingTo: stderrURL)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    if let directory {
        process.currentDirectoryURL = directory
    }
    let inputHandle = try input.map { try FileHandle(forReadingFrom: $0) }
    defer { try? inputHandle?.close() }
    process.standardInput = inputHandle ?? FileHandle.nullDevice
    process.standardOutput = stdoutHandle
    process.standardError = stderrHandle
    let commandLine = ([executable.path] + arguments).joined(separator: " ")
    do {
        try process.run()
    } catch {
        try? stdoutHandle.close()
        try? stderrHandle.close()
        throw FixtureError.launchFailed(command: commandLine, reason: "\(error)")
    }
    let start = Date()
    while let deadline, process.isRunning {
        if Date().timeIntervalSince(start) > deadline {
            process.terminate()
            process.waitUntilExit()
            try? stdoutHandle.close()
            try? stderrHandle.close()
            return (nil, Date().timeIntervalSince(start))
        }
        Thread.sleep(forTimeInterval: 0.02)
    }
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    try stdoutHandle.close()
    try stderrHandle.close()
    let stdout = String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self)
    let stderr = String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
    return (CommandResult(status: process.terminationStatus, stdout: stdout, stderr: stderr), seconds)
}
