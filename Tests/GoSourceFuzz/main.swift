import Foundation
import Cobra
import GoSource
import TestSupport

// Drives the Go lexer and parser, and the cobra extractor, over real files (`check`) or over random and mutated
// source (`fuzz`), checking invariants: no crash, the token stream ends with end-of-file, positions never go
// backwards, ranges stay in bounds.
// Run by .ci/fuzz-go.sh; not part of the product.

let fragments: [String] = [
    "{", "}", "(", ")", "[", "]", "\"", "`", "'", "/*", "*/", "//", "\n", ";", ",", ".", "...", "func ", "type ",
    "var ", "const ", "interface{", "struct{", "map[", "chan ", "<-", "~", "|", "=", ":=", "iota", "0x", "1e", "_",
    "package p\n", "import \"fmt\"\n", "[T any]", "//go:build linux\n", "\\", "é", "\u{FEFF}", "\r", "\t", "0b", "1.",
]

func invariants(_ bytes: [UInt8], label: String) -> String? {
    let lexed = GoLexer.tokenize(bytes)
    guard let last = lexed.tokens.last, last.kind == .endOfFile else { return "\(label): no end-of-file token" }
    var previous = -1
    for token in lexed.tokens {
        if token.position.offset < previous { return "\(label): position went backwards at \(token.position)" }
        if token.position.offset > bytes.count { return "\(label): position beyond the input at \(token.position)" }
        previous = token.position.offset
    }
    let file = GoParser.parse(lexed)
    for declaration in file.declarations {
        let ranges: [Range<Int>]
        switch declaration {
        case .function(let function): ranges = function.body.map { [$0] } ?? []
        case .value(let spec): ranges = spec.values.map(\.tokens)
        case .type: ranges = []
        }
        for range in ranges where range.upperBound > file.tokens.count {
            return "\(label): token range \(range) beyond \(file.tokens.count) tokens"
        }
    }
    // The cobra extractor reads the same source into statements and runs it: it must finish with items or notes.
    let cobra = CobraExtractor.surface(
        of: [("cmd/fuzz.go", CobraSourceFile(source: String(decoding: bytes, as: UTF8.self)))], root: "fuzz")
    if cobra.items.contains(where: { $0.key.isEmpty }) { return "\(label): a cobra item with an empty key" }
    return nil
}

func mutate(_ input: [UInt8], _ random: inout SplitMix64, corpus: [[UInt8]]) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...8, using: &random) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0 where !bytes.isEmpty && position < bytes.count:
            bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 1 where position < bytes.count:
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
            bytes.removeSubrange(position..<end)
        case 2:
            let fragment = fragments.randomElement(using: &random) ?? "{"
            bytes.insert(contentsOf: Array(fragment.utf8), at: position)
        case 3 where position < bytes.count:
            let end = min(bytes.count, position + Int.random(in: 1...256, using: &random))
            bytes.insert(contentsOf: bytes[position..<end], at: position)
        case 4:
            bytes = Array(bytes[..<position])
        case 5:
            if let other = corpus.randomElement(using: &random), !other.isEmpty {
                let start = Int.random(in: 0..<other.count, using: &random)
                let end = min(other.count, start + Int.random(in: 1...512, using: &random))
                bytes.insert(contentsOf: other[start..<end], at: position)
            }
        default:
            bytes.insert(UInt8.random(in: 0...127, using: &random), at: position)
        }
    }
    return bytes
}

func randomSource(_ random: inout SplitMix64) -> [UInt8] {
    var text = ""
    for _ in 0..<Int.random(in: 0...200, using: &random) {
        text += fragments.randomElement(using: &random) ?? ""
        if Bool.random(using: &random) { text += "x" }
    }
    return Array(text.utf8)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else {
    print("usage: gosource-fuzz check FILE... | fuzz SECONDS SEED FILE...")
    exit(2)
}
switch mode {
case "check":
    var errorCount = 0
    var bytesRead = 0
    let start = Date()
    for path in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        bytesRead += data.count
        let file = GoParser.parse([UInt8](data))
        for error in file.errors {
            print("\(path):\(error)")
            errorCount += 1
        }
    }
    let seconds = Date().timeIntervalSince(start)
    print(
        "\(arguments.count - 1) files, \(bytesRead) bytes, \(errorCount) errors, \(String(format: "%.2f", seconds)) s")
case "fuzz":
    guard arguments.count >= 3, let seconds = Double(arguments[1]), let seed = UInt64(arguments[2]) else {
        print("usage: gosource-fuzz fuzz SECONDS SEED FILE...")
        exit(2)
    }
    let corpus = arguments.dropFirst(3).compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
    var random = SplitMix64(seed: seed)
    let deadline = Date().addingTimeInterval(seconds)
    var iterations = 0
    var slowest = 0.0
    while Date() < deadline {
        let input: [UInt8]
        if corpus.isEmpty || iterations % 5 == 0 {
            input = randomSource(&random)
        } else {
            input = mutate(corpus[Int.random(in: 0..<corpus.count, using: &random)], &random, corpus: corpus)
        }
        let started = Date()
        if let problem = invariants(input, label: "iteration \(iterations) (seed \(seed))") {
            print("FAIL \(problem)")
            _ = FileManager.default.createFile(atPath: "gosource-fuzz-failure.go", contents: Data(input))
            exit(1)
        }
        let took = Date().timeIntervalSince(started)
        if took > slowest { slowest = took }
        if took > 2 {
            print("FAIL iteration \(iterations) (seed \(seed)) took \(took) s on \(input.count) bytes")
            _ = FileManager.default.createFile(atPath: "gosource-fuzz-failure.go", contents: Data(input))
            exit(1)
        }
        iterations += 1
    }
    print("ok: \(iterations) iterations in \(Int(seconds)) s, no crash, slowest \(String(format: "%.3f", slowest)) s")
default:
    print("unknown mode '\(mode)'")
    exit(2)
}
