import Foundation

/// Compares `actual` with the golden file at `path` and returns a readable line diff when they differ, or nil
/// when they are equal.
///
/// With `SEMGATE_UPDATE_GOLDEN=1` in the environment the file (and its folders) is written with `actual`
/// instead and nil is returned, so a deliberate output change is reviewed as a diff of the golden file.
public func goldenMismatch(_ actual: String, goldenFile path: URL) throws -> String? {
    if ProcessInfo.processInfo.environment["SEMGATE_UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(
            at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: path)
        return nil
    }
    guard FileManager.default.fileExists(atPath: path.path) else {
        return "golden file \(path.path) does not exist; run the test with SEMGATE_UPDATE_GOLDEN=1 to create it"
    }
    let expected = String(decoding: try Data(contentsOf: path), as: UTF8.self)
    if expected == actual {
        return nil
    }
    return "output differs from golden file \(path.path) (- expected, + actual; "
        + "SEMGATE_UPDATE_GOLDEN=1 accepts the new output):\n" + lineDiff(expected: expected, actual: actual)
}

/// A unified-style diff of two texts: changed lines with up to `context` unchanged lines around them.
func lineDiff(expected: String, actual: String, context: Int = 3) -> String {
    let old = splitLines(expected)
    let new = splitLines(actual)
    // Longest common subsequence table over line suffixes.
    var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
        for j in stride(from: new.count - 1, through: 0, by: -1) {
            table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    enum Line {
        case same(Int, String)
        case removed(Int, String)
        case added(Int, String)
    }
    var lines: [Line] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
        if i < old.count, j < new.count, old[i] == new[j] {
            lines.append(.same(i + 1, old[i]))
            i += 1
            j += 1
        } else if i < old.count, j == new.count || table[i + 1][j] >= table[i][j + 1] {
            lines.append(.removed(i + 1, old[i]))
            i += 1
        } else {
            lines.append(.added(j + 1, new[j]))
            j += 1
        }
    }
    let changed = lines.indices.filter {
        if case .same = lines[$0] { return false }
        return true
    }
    var output: [String] = []
    var lastPrinted = -1
    for index in changed {
        let from = max(index - context, lastPrinted + 1)
        if lastPrinted >= 0, from > lastPrinted + 1 {
            output.append("   …")
        }
        let upTo = min(index + context, lines.count - 1)
        if from <= upTo {
            for k in from...upTo where k > lastPrinted {
                switch lines[k] {
                case .same(let number, let text): output.append("  \(number): \(text)")
                case .removed(let number, let text): output.append("- \(number): \(text)")
                case .added(let number, let text): output.append("+ \(number): \(text)")
                }
                lastPrinted = k
            }
        }
    }
    return output.joined(separator: "\n")
}

/// Lines of `text`, marking a missing final newline so that difference is visible too.
private func splitLines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" {
        lines.removeLast()
    } else if let last = lines.popLast() {
        lines.append(last + "⏎ (no newline at end)")
    }
    return lines
}
