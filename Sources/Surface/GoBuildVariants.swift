import GoSource

/// Declarations defined once per build (`f_linux.go` and `f_windows.go` both declaring `F`), each build's compared
/// (review R75).
///
/// A package is built with the first file's definition of each name; a change to another build's definition would
/// not be seen. When some name (or method) is declared in more than one file, the package is built again once per
/// build condition of those files, that build's files first, and the items compared: an item whose attributes
/// differ between builds, or that only some builds have, carries `builds`, each build's differing attributes
/// (`linux: signature=(int); windows: signature=(string)`, `windows: absent`). A change of one build's definition
/// changes `builds`: a break, like a change of the item's own attributes.
enum GoBuildVariants {
    /// The conditions of the files that declare a name another file of the package declares too, sorted; empty when
    /// every name has one declaration (most packages: nothing is built twice).
    static func conditions(of files: [ParsedGoFile]) -> [String] {
        var declaring: [String: Set<String?>] = [:]
        var seen: [String: Int] = [:]
        for file in files where !file.isIgnored {
            var names: Set<String> = []
            for declaration in file.file.declarations {
                switch declaration {
                case .type(let spec): names.insert(spec.name)
                case .function(let function):
                    names.insert((function.receiver.map { $0.typeName + "." } ?? "") + function.name)
                case .value(let spec): names.formUnion(spec.names.filter { $0 != "_" })
                }
            }
            for name in names {
                seen[name, default: 0] += 1
                declaring[name, default: []].insert(file.condition)
            }
        }
        var conditions: Set<String> = []
        for (name, count) in seen where count > 1 {
            for condition in declaring[name] ?? [] { if let condition { conditions.insert(condition) } }
        }
        return conditions.sorted()
    }

    /// `files` with those of `condition` first (the definition `GoAPIPackage` keeps is the first file's).
    static func ordered(_ files: [ParsedGoFile], first condition: String) -> [ParsedGoFile] {
        files.filter { $0.condition == condition } + files.filter { $0.condition != condition }
    }

    /// `base` (the items of the package as built) with `builds` set on the items whose attributes differ between the
    /// builds `variants` (each build's condition and its items), and the items only some builds have added.
    static func merge(_ base: [RawItem], variants: [(condition: String, items: [RawItem])]) -> [RawItem] {
        guard !variants.isEmpty else { return base }
        var byKey: [[String: RawItem]] = []
        // A condition written two ways (`(!a || !b)` from a `// +build` line, `!a || !b`) is one build.
        let variants = variants.map {
            (condition: GoBuildConstraintText.normalized($0.condition) ?? $0.condition, items: $0.items)
        }
        for variant in variants {
            var table: [String: RawItem] = [:]
            for item in variant.items where table[item.key] == nil { table[item.key] = item }
            byKey.append(table)
        }
        var result: [RawItem] = []
        var done: Set<String> = []
        func settle(_ item: RawItem) {
            guard done.insert(item.key).inserted else { return }
            let found = byKey.map { $0[item.key] }
            var names: Set<String> = []
            for other in found { if let other { names.formUnion(other.attributes.keys) } }
            names.formUnion(item.attributes.keys)
            // What describes rather than promises (`build`, `note`) is left out.
            let differing = names.subtracting(GoCompatibility.descriptive).filter { name in
                found.contains { $0 == nil || $0?.attributes[name] != item.attributes[name] }
            }
            let absent = found.contains { $0 == nil }
            guard !differing.isEmpty || absent else {
                result.append(item)
                return
            }
            let text = zip(variants, found).map { variant, other in
                guard let other else { return variant.condition + ": absent" }
                let shown = differing.sorted().map { name in name + "=" + (other.attributes[name] ?? "-") }
                return variant.condition + ": " + (shown.isEmpty ? "same" : shown.joined(separator: " "))
            }
            var marked = item
            marked.attributes["builds"] = text.joined(separator: "; ")
            result.append(marked)
        }
        for item in base { settle(item) }
        for table in byKey {
            for key in table.keys.sorted() { if let item = table[key] { settle(item) } }
        }
        return result
    }
}
