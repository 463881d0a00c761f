import Foundation
import GoSource
import Pattern
import Policy
import Surface

/// libFuzzer targets for the readers of hostile text: the Go lexer and parser, the policy loader, the pattern
/// engine, the list reader and glob matching. Built with `-sanitize=fuzzer -DSEMGATE_FUZZ` by `.ci/fuzz.sh` (libFuzzer supplies
/// `main`), the target named by `SEMGATE_FUZZ_TARGET`; built normally, `semgate-fuzz TARGET FILE...` replays inputs
/// (the committed corpus, or a crash libFuzzer wrote) through the same code.
enum FuzzTargets {
    static let names = ["go", "policy", "pattern", "list", "glob"]

    /// Runs one input through `target`; returns normally unless semgate crashes or traps.
    static func run(_ target: String, _ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        switch target {
        case "go":
            let file = GoParser.parse(data)
            for declaration in file.declarations { _ = "\(declaration)" }
        case "policy":
            _ = try? PolicyLoader.load(yaml: text, file: "fuzz.yml", origin: .file(path: "fuzz.yml"))
        case "pattern":
            // The first line is the pattern, the rest the text it searches, within a small budget.
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            guard let pattern = try? Pattern(String(parts[0])) else { return }
            var budget = 2_000_000
            _ = try? pattern.matches(
                in: parts.count > 1 ? String(parts[1]) : "", budget: &budget, maximumMatches: 10_000)
        case "list":
            _ = ListFile.parse(text, path: "fuzz.txt")
        case "glob":
            // The first line is the glob, each further line a path it is matched against. What a tree walk relies
            // on must hold: every path the glob matches starts with one of its literal prefixes, and no folder on
            // the way to it is one the walk would skip.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let glob = try? Glob(lines[0]) else { return }
            for path in lines.dropFirst() where glob.matches(path) {
                precondition(glob.literalPrefixes.contains { path.utf8.starts(with: $0.utf8) }, "prefix of \(path)")
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                for end in parts.indices.dropFirst() {
                    let folder = parts[..<end].joined(separator: "/")
                    precondition(glob.mayMatch(below: folder), "folder \(folder) skipped")
                }
            }
        default:
            fatalError("unknown fuzz target '\(target)'; expected one of \(names)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let target = ProcessInfo.processInfo.environment["SEMGATE_FUZZ_TARGET"] ?? "go"
    FuzzTargets.run(target, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if SEMGATE_FUZZ
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry point as `<module>_main`; under libFuzzer it hands over to the driver.
    @_cdecl("semgate_fuzz_main")
    public func fuzzMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> CInt {
        var count = argc
        var vector = argv
        return runDriver(&count, &vector, fuzzOneInput)
    }
#else
    @main
    struct Replay {
        static func main() throws {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let target = arguments.first, FuzzTargets.names.contains(target) else {
                print("usage: semgate-fuzz \(FuzzTargets.names.joined(separator: "|")) FILE...")
                return
            }
            for path in arguments.dropFirst() {
                FuzzTargets.run(target, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            }
            print("\(arguments.count - 1) inputs replayed through '\(target)' without a crash")
        }
    }
#endif
