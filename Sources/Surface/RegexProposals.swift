import Foundation
import Git
import Policy

/// What `semgate init` proposes as regex surfaces: the products of a Swift package, and the commands and entry
/// points of a Node package.
extension RegexExtractorSpec {
    public static func propose(for project: ProjectFiles) throws(GitError) -> [SurfaceProposal] {
        var proposals: [SurfaceProposal] = []
        if let manifest = try project.text("Package.swift") {
            let products = swiftProducts(manifest)
            proposals.append(
                SurfaceProposal(
                    finding: "a Swift package with \(products.count) product\(products.count == 1 ? "" : "s") "
                        + "(Package.swift)", surface: swiftSurface(products: products)))
        }
        if let text = try project.text("package.json") {
            let node = NodePackage(json: text)
            let finding =
                "a Node package"
                + (node.name.map { " \($0)" } ?? "") + " with \(node.bins.count) bin entr"
                + (node.bins.count == 1 ? "y" : "ies") + " and \(node.exports.count) export"
                + (node.exports.count == 1 ? "" : "s") + " (package.json)"
            let surfaces = nodeSurfaces(node)
            if surfaces.isEmpty {
                // The finding still belongs in the draft's header.
                proposals.append(SurfaceProposal(finding: finding, surface: nil))
            }
            for (index, surface) in surfaces.enumerated() {
                proposals.append(SurfaceProposal(finding: index == 0 ? finding : nil, surface: surface))
            }
        }
        return proposals
    }

    /// A surface read by one regex extractor, as a draft entry.
    static func regexSurface(
        _ name: String, comments: [String], files: [String], pattern: String, key: String? = nil
    ) -> DraftEntry {
        var regex: [DraftEntry] = [
            DraftEntry("files", .list(files.map(DraftNode.string))), DraftEntry("pattern", .string(pattern)),
        ]
        if let key { regex.append(DraftEntry("key", .string(key))) }
        return DraftEntry(
            name, .mapping([DraftEntry("extract", .mapping([DraftEntry("regex", .mapping(regex))]))]),
            comments: comments)
    }

    // MARK: Swift

    static func swiftProducts(_ manifest: String) -> [String] {
        ProjectFiles.captures(#"\.(?:executable|library|plugin)\(\s*name:\s*"(?<value>[^"]+)""#, in: manifest)
    }

    private static func swiftSurface(products: [String]) -> DraftEntry {
        let found = products.isEmpty ? "none yet" : products.joined(separator: ", ")
        return regexSurface(
            "products",
            comments: [
                "The products of the Swift package (found now: \(found)): what other packages depend on.",
                "Removing or renaming one breaks them; `kind` (library, executable, plugin) is breaking too.",
            ], files: ["Package.swift"], pattern: #"\.(?<kind>executable|library|plugin)\(\s*name:\s*"(?<name>[^"]+)""#)
    }

    // MARK: Node

    /// The parts of `package.json` a draft promises.
    public struct NodePackage {
        public var name: String?
        /// Command names of `bin`, with their file.
        public var bins: [(name: String, path: String)] = []
        /// Export subpaths (`.`, `./utils`); a string or conditions-only `exports` is `.`.
        public var exports: [String] = []
        public var binIsString = false

        public init(json: String) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                return
            }
            name = object["name"] as? String
            if let bin = object["bin"] as? String {
                binIsString = true
                bins = [(name.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "bin", bin)]
            } else if let bin = object["bin"] as? [String: Any] {
                bins = bin.compactMap { key, value in (value as? String).map { (key, $0) } }.sorted {
                    $0.name < $1.name
                }
            }
            if object["exports"] is String {
                exports = ["."]
            } else if let map = object["exports"] as? [String: Any] {
                let subpaths = map.keys.filter { $0.hasPrefix(".") }.sorted()
                exports = subpaths.isEmpty ? ["."] : subpaths
            }
        }
    }

    private static func nodeSurfaces(_ node: NodePackage) -> [DraftEntry] {
        var surfaces: [DraftEntry] = []
        if node.binIsString, let bin = node.bins.first {
            // The key is a template: a name with braces or control characters would not read back as itself.
            let plain = !bin.name.unicodeScalars.contains {
                $0 == "{" || $0 == "}" || $0.value < 0x20 || $0.value == 0x7F
            }
            surfaces.append(
                regexSurface(
                    "bin",
                    comments: [
                        "The command the package installs (package.json \"bin\": \"\(bin.path)\"), named after the package."
                    ], files: ["package.json"], pattern: #""bin"\s*:\s*"[^"]+""#, key: plain ? bin.name : "bin"))
        } else if !node.bins.isEmpty {
            let folders = Set(
                node.bins.map { bin in
                    bin.path.split(separator: "/").dropLast().filter { $0 != "." }.joined(separator: "/")
                })
            let valuePattern: String
            let comment: String
            if folders.count == 1, let folder = folders.first, !folder.isEmpty {
                valuePattern = "(?:\\./)?" + regexEscaped(folder) + "/[^\"]*"
                comment = "every entry whose file is in \(folder)/, so a new command there is found too"
            } else {
                valuePattern = "[^\"]*"
                comment = "the commands found now; add a new one to the pattern when you add it to \"bin\""
            }
            let names =
                folders.count == 1 && !(folders.first ?? "").isEmpty
                ? "[^\"]+" : node.bins.map { regexEscaped($0.name) }.joined(separator: "|")
            let listed = node.bins.map(\.name).joined(separator: ", ")
            surfaces.append(
                regexSurface(
                    "bin",
                    comments: ["The commands the package installs (package.json \"bin\": \(listed)):", comment + "."],
                    files: ["package.json"], pattern: "\"(?<name>\(names))\"\\s*:\\s*\"\(valuePattern)\""))
        }
        if node.exports == ["."] {
            surfaces.append(
                regexSurface(
                    "exports",
                    comments: ["The entry point other packages import (package.json \"exports\" names one: \".\")."],
                    files: ["package.json"], pattern: #""exports"\s*:\s*(?:"|\{)"#, key: "."))
        } else if !node.exports.isEmpty {
            let listed = node.exports.joined(separator: ", ")
            surfaces.append(
                regexSurface(
                    "exports",
                    comments: [
                        "The entry points other packages import (package.json \"exports\": \(listed)).",
                        "Export subpaths are the only keys of package.json that start with '.'.",
                    ], files: ["package.json"], pattern: #""(?<name>\.(?:/[^"]*)?)"\s*:"#))
        }
        return surfaces
    }

    private static func regexEscaped(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
