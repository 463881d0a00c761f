import Foundation
import Gate
import Reports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
