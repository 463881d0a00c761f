import Foundation
import Gate
import Reports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The width text output fits: `COLUMNS` when set to a number, else the terminal's width when standard output is
/// one, else 100.
func outputWidth() -> Int {
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
        return min(columns, 1_000)
    }
    var size = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return Int(size.ws_col)
    }
    return 100
}

/// Shows the engine's progress on standard error while `body` runs, when standard error is a terminal and
/// `enabled` (never for json); the line is cleared afterwards.
func withProgress<T>(_ engine: Engine, label: String, enabled: Bool, _ body: () throws -> T) rethrows -> T {
    guard enabled, isatty(STDERR_FILENO) == 1 else { return try body() }
    engine.progress = { line in
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Inert.line("\(label) \(line)")).utf8))
    }
    defer {
        engine.progress = nil
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
    return try body()
}
