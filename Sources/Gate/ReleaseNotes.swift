import SemVer

/// The notes surfaces raise while a history is read, each said once with the releases it was raised at: a construct
/// the cobra extractor cannot follow in forty releases is one note "(at 40 releases, 1.11.0 to 1.26.2)", not forty
/// notes that differ only in a line number, and none of them silent about where it applies.
struct ReleaseNotes {
    private struct Entry {
        /// The note as the greatest release raised it (its line numbers are those of that release).
        var text: String
        var latest: Version
        var versions: [Version]
    }

    private var entries: [String: Entry] = [:]

    /// Records `notes` as raised at `version`; notes of one release that differ only in their line numbers become
    /// one with all the lines (`cmd/x.go:23, 70: ...`).
    mutating func add(_ notes: [String], at version: Version) {
        // By key: the note as raised (plain ones), or its path, rest and every line raised for it.
        var texts: [String: String] = [:]
        var lines: [String: (path: String, rest: Substring, lines: Set<Int>)] = [:]
        for note in notes {
            guard let parts = Self.parts(note) else {
                texts[note] = note
                continue
            }
            lines[Self.key(parts), default: (parts.path, parts.rest, [])].lines.formUnion(parts.lines)
        }
        for (key, entry) in lines {
            texts[key] =
                entry.path + ":" + entry.lines.sorted().map(String.init).joined(separator: ", ") + ": " + entry.rest
        }
        for (key, note) in texts {
            if var entry = entries[key] {
                if entry.latest < version {
                    entry.text = note
                    entry.latest = version
                }
                entry.versions.append(version)
                entries[key] = entry
            } else {
                entries[key] = Entry(text: note, latest: version, versions: [version])
            }
        }
    }

    /// Whether a note like `note` (the same but for its line numbers) was raised at some release.
    func contains(_ note: String) -> Bool {
        entries[Self.key(note)] != nil
    }

    /// Every note once, with the releases it was raised at.
    var rendered: [String] {
        entries.values.map { entry in entry.text + " " + Self.releases(entry.versions) }
    }

    /// `(at 1.2.0)`, `(at 1.2.0 and 1.3.0)`, `(at 1.2.0, 1.3.0 and 1.4.0)`, `(at 12 releases, 0.8.0 to 1.2.0)`.
    static func releases(_ versions: [Version]) -> String {
        let sorted = Array(Set(versions)).sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        switch sorted.count {
        case 1: return "(at \(first))"
        case 2, 3: return "(at " + sorted.dropLast().map(\.description).joined(separator: ", ") + " and \(last))"
        default: return "(at \(sorted.count) releases, \(first) to \(last))"
        }
    }

    /// The note without the line numbers of a leading `path:12, 14: ` (lines move from release to release).
    static func key(_ note: String) -> String {
        parts(note).map(key) ?? note
    }

    private static func key(_ parts: (path: String, lines: [Int], rest: Substring)) -> String {
        parts.path + ":: " + parts.rest
    }

    /// A note's leading `path:12, 14: `, split into the path, the lines and the rest; nil without one.
    private static func parts(_ note: String) -> (path: String, lines: [Int], rest: Substring)? {
        guard let match = note.prefixMatch(of: #/([^\s:]+):(\d+(?:, \d+)*): /#) else { return nil }
        let lines = match.output.2.split(separator: ", ").compactMap { Int($0) }
        return (String(match.output.1), lines, note[match.range.upperBound...])
    }
}
