import Surface

/// The committed snapshot format of `surface --write`: one item a line, sorted, attributes sorted.
enum SnapshotFile {
    static func render(_ items: [SurfaceItem]) -> String {
        let lines = items.map { item -> String in
            var parts = [item.id]
            parts += item.attributes.keys.sorted().map { key in
                let value = item.attributes[key] ?? ""
                return value.contains(" ") || value.isEmpty ? "\(key)=\"\(value)\"" : "\(key)=\(value)"
            }
            if item.stability != .stable { parts.append("stability=\(item.stability.rawValue)") }
            return parts.joined(separator: " ")
        }
        return "# semgate surface snapshot: one item a line\n" + lines.joined(separator: "\n") + "\n"
    }

    /// `- line` for lines only in `expected`, `+ line` for lines only in `actual`.
    static func difference(expected: String, actual: String) -> [String] {
        func lines(_ text: String) -> [String] {
            text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        }
        let old = Set(lines(expected))
        let new = Set(lines(actual))
        return old.subtracting(new).sorted().map { "- \($0)" } + new.subtracting(old).sorted().map { "+ \($0)" }
    }
}
