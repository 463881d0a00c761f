import Foundation
import Testing
import TestSupport

/// What README.md tells a newcomer to type works: its minimal policy is valid and finds items on the sample, and
/// every `semgate` command it quotes names a real command and only options that command takes. (Example outputs
/// are regenerated and checked by .ci/docs-examples.sh.)
@Suite("README")
struct ReadmeTests {
    static let readme: String = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The fenced blocks of `language` under the `## heading` section.
    static func blocks(_ language: String, under heading: String) -> [String] {
        guard let start = readme.range(of: "\n## \(heading)\n") else { return [] }
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        return section.components(separatedBy: "```\(language)\n").dropFirst().compactMap {
            $0.components(separatedBy: "\n```").first
        }
    }

    @Test("the minimal policy is valid and finds the sample's flags and packages")
    func minimalPolicy() throws {
        let policy = try #require(Self.blocks("yaml", under: "A minimal policy").first)
        let repo = try sampleRepository()
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("semgate.yml")
        try policy.write(to: file, atomically: true, encoding: .utf8)
        let validate = try runSemgate(["policy", "validate", file.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let surface = try runSemgate(["surface", "--repo", repo.url.path, "--policy", file.path, "--format", "json"])
        #expect(surface.status == 0, "\(surface.stderr)")
        let items = values(of: "item", in: "items", of: jsonObject(surface.stdout))
        #expect(items.contains("cli:flags --out"))
        #expect(items.contains("packages:example.com/tool/pkg/api"))
    }

    /// The command lines in inline code spans and `sh` blocks, split at `&&` and `|`.
    static func codeCommands() -> [String] {
        var code = readme.matches(of: /`([^`\n]+)`/).map { String($0.output.1) }
        for block in readme.components(separatedBy: "```sh\n").dropFirst() {
            code += (block.components(separatedBy: "\n```").first ?? "").components(separatedBy: "\n")
        }
        return code.flatMap { $0.components(separatedBy: "&&") }.flatMap { $0.components(separatedBy: "|") }
    }

    @Test("every semgate command the README quotes exists and takes the options it is given")
    func quotedCommands() throws {
        var help: [String: String] = [:]
        var checked: [String] = []
        for text in Self.codeCommands() {
            let words = text.split(separator: " ").map(String.init)
            guard let start = words.firstIndex(where: { $0 == "semgate" || $0.hasSuffix("/semgate") }),
                start + 1 < words.count, words[start + 1].first?.isLowercase == true
            else { continue }
            var command = [words[start + 1]]
            if command == ["policy"], start + 2 < words.count { command.append(words[start + 2]) }
            let key = command.joined(separator: " ")
            if help[key] == nil {
                let result = try runSemgate(["help"] + command, environment: ["COLUMNS": "10000"])
                #expect(result.status == 0, "semgate help \(key): \(result.stderr)")
                help[key] = result.stdout
            }
            for option in words.dropFirst(start + 1) where option.hasPrefix("--") {
                #expect(help[key]?.contains(option + " ") == true, "\(text): '\(key)' takes no \(option)")
            }
            checked.append(key)
        }
        #expect(
            Set(checked).isSuperset(of: ["init", "policy validate", "surface", "check", "audit", "next"]),
            "README commands found: \(checked)")
    }
}
