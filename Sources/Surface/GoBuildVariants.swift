import GoSource

/// Declarations defined once per build (`f_linux.go` and `f_windows.go` both declaring `F`), each build's compared
/// (review R75).
///
/// A package is built with the first file's definition of each name; a change to another build's definition would
/// not be seen. When some name (or method) is declared in more than one file, the package is built again once per
/// build condition of those files, that build's files first, and the items compared: an item whose attributes
/// differ between the files that define it, or that the files of some build leave out, carries `builds`: each
/// defining file's condition with its differing attributes (`linux: signature=(int); windows: signature=(string)`,
/// `windows: absent`). A definition is labelled by the condition of the file it comes from, never by the build that
/// happened to be read first, so that a label says which concrete builds see it; `GoBuildComparison` compares items
/// build by build.
enum GoBuildVariants {
    /// The conditions (written one way, ``label(of:)``) of the files that declare a name another file of the package declares too,
    /// sorted; empty when every name has one declaration (most packages: nothing is built twice).
    static func conditions(of files: [ParsedGoFile]) -> [String] {
        // Most packages declare every name once: one pass finds that without building anything per file.
        var seen: Set<String> = []
        var repeated: Set<String> = []
        for file in files where !file.isIgnored {
            for name in file.declaredNames where !seen.insert(name).inserted { repeated.insert(name) }
        }
        guard !repeated.isEmpty else { return [] }
        var conditions: Set<String> = []
        for file in files where !file.isIgnored {
            guard let condition = file.condition, !conditions.contains(condition) else { continue }
            if file.declaredNames.contains(where: repeated.contains) { conditions.insert(condition) }
        }
        return conditions.sorted()
    }

    /// The names `file` declares: types, funcs, vars and consts, and methods as `Type.Method`.
    static func declaredNames(in file: GoFile) -> Set<String> {
        var names: Set<String> = []
        for declaration in file.declarations {
            switch declaration {
            case .type(let spec): names.insert(spec.name)
            case .function(let function):
                names.insert((function.receiver.map { $0.typeName + "." } ?? "") + function.name)
            case .value(let spec): names.formUnion(spec.names.filter { $0 != "_" })
            }
        }
        return names
    }

    /// A file condition written one way, repeated terms dropped (`windows && windows`, from a `_windows.go` name and
    /// a `//go:build windows` line, is `windows`).
    static func label(of condition: String) -> String {
        GoBuildExpression(condition)?.text ?? GoBuildConstraintText.normalized(condition) ?? condition
    }

    /// `files` with those of `condition` (a label) first (the definition `GoAPIPackage` keeps is the first file's).
    static func ordered(_ files: [ParsedGoFile], first condition: String) -> [ParsedGoFile] {
        let first = files.map { $0.condition == condition }
        return zip(files, first).filter { $0.1 }.map(\.0) + zip(files, first).filter { !$0.1 }.map(\.0)
    }

    /// `base` (the items of the package as built) with `builds` set on the items whose definitions differ between the
    /// files that define them, or that some build's files leave out; `variants` are the package built with each
    /// condition's files first. `files` are the package's files, named as the items' locations name them under
    /// `folder`.
    static func merge(
        _ base: [RawItem], variants: [(condition: String, items: [RawItem])], files: [ParsedGoFile], folder: String,
        importPath: String
    ) -> [RawItem] {
        guard !variants.isEmpty else { return base }
        var labelOfPath: [String: String] = [:]
        var declared: [String: Set<String>] = [:]
        for file in files {
            guard let label = file.condition else { continue }
            labelOfPath[folder.isEmpty ? file.name : folder + "/" + file.name] = label
            declared[label, default: []].formUnion(file.declaredNames)
        }
        var byKey: [[String: RawItem]] = []
        for variant in variants {
            var table: [String: RawItem] = [:]
            for item in variant.items where table[item.key] == nil { table[item.key] = item }
            byKey.append(table)
        }
        var result: [RawItem] = []
        var done: Set<String> = []
        func settle(_ item: RawItem) {
            guard done.insert(item.key).inserted else { return }
            let name = item.key.hasPrefix(importPath + ".") ? String(item.key.dropFirst(importPath.count + 1)) : ""
            let owner = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
            // Each defining file's condition and its definition (nil: the files of that build leave the item out).
            var definitions: [String: RawItem?] = [:]
            for (variant, table) in zip(variants, byKey) {
                let own = variant.condition
                if let found = table[item.key] {
                    // The definition of the file it came from: labelled by that file's condition, the variant's own
                    // label winning over one read in another variant.
                    guard let path = found.location?.path, let label = labelOfPath[path] else { continue }
                    if label == own || definitions[label] == nil { definitions[label] = .some(found) }
                } else if let names = declared[own], names.contains(name) || names.contains(owner) {
                    // The build's own files declare the item's type or name and leave the item out.
                    definitions[own] = .some(nil)
                }
            }
            var names: Set<String> = []
            for case let found? in definitions.values { names.formUnion(found.attributes.keys) }
            names.formUnion(item.attributes.keys)
            // What describes rather than promises (`build`, `note`) is left out.
            let differing = names.subtracting(GoCompatibility.descriptive).filter { name in
                definitions.values.contains { $0 != nil && $0?.attributes[name] != item.attributes[name] }
            }
            let absent = definitions.values.contains { $0 == nil }
            guard !differing.isEmpty || absent else {
                result.append(item)
                return
            }
            let text = definitions.keys.sorted().map { label in
                guard let other = definitions[label] ?? nil else { return label + ": absent" }
                let shown = differing.sorted().map { name in
                    name + "=" + (other.attributes[name].map(escaped) ?? "-")
                }
                return label + ": " + (shown.isEmpty ? "same" : shown.joined(separator: " "))
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

    /// A value as `builds` writes it: `\`, `;` and `=` escaped with `\`, and a value `-` (the sign of an attribute
    /// the build's definition lacks) as `\-`, so that repository text cannot read as another build or attribute.
    static func escaped(_ value: String) -> String {
        if value == "-" { return "\\-" }
        guard value.unicodeScalars.contains(where: { $0 == "\\" || $0 == ";" || $0 == "=" }) else { return value }
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar == "\\" || scalar == ";" || scalar == "=" { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }

    /// One build's definition as `builds` gives it: its label, and its attributes that differ from the item's own
    /// (a nil value: the definition lacks it), or nil when that build's files leave the item out.
    struct Definition: Equatable {
        let label: String
        let attributes: [String: String?]?
    }

    /// The definitions a `builds` text lists, in order; nil when it is not one that `merge` writes.
    static func definitions(in text: String) -> [Definition]? {
        var segments: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count else { return nil }
                current += [scalar, scalars[index + 1]]
                index += 2
                continue
            }
            if scalar == ";" {
                guard index + 1 < scalars.count, scalars[index + 1] == " " else { return nil }
                segments.append(current)
                current = []
                index += 2
                continue
            }
            current.append(scalar)
            index += 1
        }
        segments.append(current)
        var result: [Definition] = []
        for segment in segments {
            guard let colon = segment.firstIndex(of: ":"), colon + 1 < segment.count, segment[colon + 1] == " " else {
                return nil
            }
            var label = String.UnicodeScalarView()
            label.append(contentsOf: segment[..<colon])
            let rest = Array(segment[(colon + 2)...])
            if rest == Array("absent".unicodeScalars) {
                result.append(Definition(label: String(label), attributes: nil))
                continue
            }
            if rest == Array("same".unicodeScalars) {
                result.append(Definition(label: String(label), attributes: [:]))
                continue
            }
            guard let attributes = attributes(in: rest) else { return nil }
            result.append(Definition(label: String(label), attributes: attributes))
        }
        return result
    }

    /// `name=value name=value`, values escaped (``escaped(_:)``): every unescaped `=` follows a name.
    private static func attributes(in scalars: [Unicode.Scalar]) -> [String: String?]? {
        let isNameScalar = { (scalar: Unicode.Scalar) in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
        // Where each name starts and its `=` is.
        var pairs: [(start: Int, equals: Int)] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\" {
                index += 2
                continue
            }
            if scalars[index] == "=" {
                var start = index
                while start > 0, isNameScalar(scalars[start - 1]) { start -= 1 }
                guard start < index, start == 0 || scalars[start - 1] == " " else { return nil }
                pairs.append((start, index))
            }
            index += 1
        }
        guard let first = pairs.first, first.start == 0 else { return nil }
        var result: [String: String?] = [:]
        for (number, pair) in pairs.enumerated() {
            let end = number + 1 < pairs.count ? pairs[number + 1].start - 1 : scalars.count
            guard end >= pair.equals + 1 else { return nil }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: scalars[pair.start..<pair.equals])
            let raw = Array(scalars[(pair.equals + 1)..<end])
            if raw == ["-"] {
                result[String(name)] = .some(nil)
                continue
            }
            var value = String.UnicodeScalarView()
            var position = 0
            while position < raw.count {
                if raw[position] == "\\", position + 1 < raw.count { position += 1 }
                value.append(raw[position])
                position += 1
            }
            result[String(name)] = .some(String(value))
        }
        return result
    }
}
