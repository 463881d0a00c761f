import Policy
import SemVer

/// What spf13/cobra and spf13/pflag published, for the `vendored-library-edited` rule (review R106): for every
/// released version, the blob of every file `go mod vendor` copies and `go build` reads in each package folder of the
/// module; for every such path, every blob it had in the upstream history (branches and tags).
///
/// The table (``table``, in PublishedLibrariesTable.swift) is generated from clones of the two repositories by
/// `.ci/published-libraries.py`, which describes its format; blob ids are git's (SHA-1 of the content), so a vendored
/// file is the published one exactly when its blob id is.
public enum PublishedLibraries {
    /// One module's part of the table.
    public struct Library: Sendable {
        /// Every blob each path (inside the module) had upstream.
        public var blobs: [String: Set<String>] = [:]
        /// The files of each published version: path inside the module to blob id.
        public var versions: [String: [String: String]] = [:]
    }

    /// The modules of the table, by module path.
    public static let libraries: [String: Library] = parse(table)

    /// The files version `version` of `module` published (path inside the module to blob id); nil when the table has
    /// no such version.
    public static func files(of module: String, version: String) -> [String: String]? {
        libraries[module]?.versions[version]
    }

    /// Whether `blob` is a blob `path` (inside `module`) had in the upstream history.
    public static func isUpstream(_ blob: String, at path: String, in module: String) -> Bool {
        libraries[module]?.blobs[path]?.contains(blob) == true
    }

    /// The newest version of `module` in the table, by semantic version precedence, for messages.
    public static func newestVersion(of module: String) -> String? {
        libraries[module]?.versions.keys.compactMap { key in (try? Version(String(key.dropFirst()))).map { (key, $0) } }
            .max { $0.1 < $1.1 }?.0
    }

    /// The table read from its text (the format of `.ci/published-libraries.py`); a line it does not know is skipped,
    /// and a test checks that none is.
    static func parse(_ text: String) -> [String: Library] {
        var result: [String: Library] = [:]
        var module: String?
        var library = Library()
        var paths: [String] = []
        var blobsOfPath: [[String]] = []
        var version: String?
        func finish() {
            if let module { result[module] = library }
        }
        for raw in text.split(separator: "\n") {
            let words = raw.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            switch first {
            case "module" where words.count == 2:
                finish()
                module = words[1]
                library = Library()
                paths = []
                blobsOfPath = []
                version = nil
            case "path" where words.count == 2:
                paths.append(words[1])
                blobsOfPath.append([])
            case "+" where !paths.isEmpty:
                blobsOfPath[blobsOfPath.count - 1] += words.dropFirst()
                library.blobs[paths[paths.count - 1], default: []].formUnion(words.dropFirst())
            case "version" where words.count == 2:
                version = words[1]
                library.versions[words[1]] = [:]
            case "=":
                guard let version else { continue }
                for pair in words.dropFirst() {
                    let numbers = pair.split(separator: ".").compactMap { Int($0) }
                    guard numbers.count == 2, paths.indices.contains(numbers[0]),
                        blobsOfPath[numbers[0]].indices.contains(numbers[1])
                    else { continue }
                    library.versions[version]?[paths[numbers[0]]] = blobsOfPath[numbers[0]][numbers[1]]
                }
            default:
                continue
            }
        }
        finish()
        return result
    }
}
