import Git
import Surface

/// Where a project's own documents say that patch releases carry fixes (`For patch releases, merge your fixes into the
/// .x branch`, `the PATCH version when you make backward compatible bug fixes`): for a project still in 0.y.z, the
/// reading of `initial-development: shifted` (a 0.y.z bump is a patch, a 0.y bump a minor or more), so init drafts it
/// instead of `semver`, under which every finding before 1.0.0 is a note.
///
/// Only Markdown files whose names say they are about releases, versions or contributing are read, at the root and
/// in `docs/` and `.github/` (at most four folders deep, outside vendored code), at most ``maximumFiles`` files of at
/// most ``maximumBytes`` each. The text is never copied into the draft: the comment names the file and line.
struct PatchPromise: Sendable, Equatable {
    let path: String
    let line: Int

    static let maximumFiles = 200
    static let maximumBytes = 512 * 1024
    static let maximumDepth = 4
    /// What a document's file name says it is about (lowercased).
    static let topics = [
        "releas", "version", "backport", "contribut", "maintain", "support", "readme", "governance", "process",
    ]

    /// The first document line that says so, nil when none does.
    static func find(in reader: ProjectFiles) throws(GitError) -> PatchPromise? {
        guard let root = reader.root else { return nil }
        var files: [(path: String, blob: ObjectID)] = []
        var pending: [(path: String, tree: ObjectID, depth: Int)] = [("", root, 0)]
        var visited = 0
        while let (folder, tree, depth) = pending.popLast(), visited < 4 * maximumFiles {
            visited += 1
            for entry in try reader.files.entries(ofTree: tree) {
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                switch entry.kind {
                case .tree:
                    let top = folder.isEmpty ? entry.name : String(folder.prefix { $0 != "/" })
                    guard depth < maximumDepth, top == "docs" || top == ".github" || top == "doc" else { continue }
                    let lower = entry.name.lowercased()
                    guard !["vendor", "node_modules", "third_party", "testdata"].contains(lower) else { continue }
                    pending.append((path, entry.id, depth + 1))
                case .blob:
                    let lower = entry.name.lowercased()
                    guard lower.hasSuffix(".md"), topics.contains(where: lower.contains), files.count < maximumFiles
                    else { continue }
                    files.append((path, entry.id))
                case .submodule, .link:
                    continue
                }
            }
        }
        for (path, blob) in files.sorted(by: { ($0.path.count, $0.path) < ($1.path.count, $1.path) }) {
            // A file past the reader's per-file limit (it throws before loading) is skipped, not the search.
            guard let text = try? reader.files.text(ofBlob: blob), text.utf8.count <= maximumBytes else { continue }
            if let line = promiseLine(in: text) { return PatchPromise(path: path, line: line) }
        }
        return nil
    }

    /// The number of the first line of `text` that ties patch releases to fixes: `patch release` (or `patch version`)
    /// and `fix` or `backport` in one line.
    static func promiseLine(in text: String) -> Int? {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard line.utf8.count <= 2_000 else { continue }
            let lower = line.lowercased()
            guard lower.contains("patch release") || lower.contains("patch version") else { continue }
            if lower.contains("fix") || lower.contains("backport") { return number }
        }
        return nil
    }
}
