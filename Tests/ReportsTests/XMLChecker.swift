/// An element of a well-formed XML 1.0 document, with its character data decoded.
struct XMLTree {
    var name: String
    var attributes: [String: String] = [:]
    var children: [XMLTree] = []
    var text = ""

    /// The children called `name`.
    func elements(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }
}

/// A strict XML 1.0 well-formedness checker for tests (Foundation's parser on Linux recovers from errors).
///
/// It reads an optional XML declaration, comments, one root element, attributes in single or double quotes,
/// the five predefined entities, character references and CDATA sections, and rejects everything else a
/// conforming parser rejects in those: mismatched or unclosed tags, duplicate attributes, `<` in attribute values,
/// unknown entities, `]]>` in character data, characters XML 1.0 forbids, and text outside the root.
struct XMLChecker {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let message: String
        var description: String { "XML not well-formed at scalar \(offset): \(message)" }
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// The root element of `text`, or a failure naming the first problem.
    static func parse(_ text: String) throws -> XMLTree {
        var checker = XMLChecker(scalars: Array(text.unicodeScalars))
        return try checker.document()
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func fail(_ message: String) -> Failure { Failure(offset: index, message: message) }

    private func starts(with text: String) -> Bool {
        let needle = Array(text.unicodeScalars)
        return index + needle.count <= scalars.count && Array(scalars[index..<index + needle.count]) == needle
    }

    private mutating func skip(_ text: String) throws {
        guard starts(with: text) else { throw fail("expected '\(text)'") }
        index += text.unicodeScalars.count
    }

    private mutating func skipSpace() {
        while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private mutating func document() throws -> XMLTree {
        if starts(with: "\u{FEFF}") { index += 1 }
        if starts(with: "<?xml") {
            guard let end = find("?>") else { throw fail("unclosed XML declaration") }
            index = end + 2
        }
        try misc()
        guard starts(with: "<") else { throw fail("no root element") }
        let root = try element()
        try misc()
        guard index == scalars.count else { throw fail("content after the root element") }
        return root
    }

    /// Space and comments between the declaration, the root and the end.
    private mutating func misc() throws {
        while true {
            skipSpace()
            guard starts(with: "<!--") else { return }
            try comment()
        }
    }

    private func find(_ text: String) -> Int? {
        var probe = self
        while probe.index < scalars.count {
            if probe.starts(with: text) { return probe.index }
            probe.index += 1
        }
        return nil
    }

    private mutating func comment() throws {
        index += 4
        guard let end = find("--") else { throw fail("unclosed comment") }
        index = end
        try skip("-->")
    }

    private mutating func name() throws -> String {
        let start = index
        while index < scalars.count {
            let scalar = scalars[index]
            let isNameScalar =
                scalar.properties.isAlphabetic || scalar == "_" || scalar == ":"
                || (index > start && (scalar.properties.numericType != nil || scalar == "-" || scalar == "."))
            guard isNameScalar else { break }
            index += 1
        }
        guard index > start else { throw fail("expected a name") }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private mutating func reference() throws -> String {
        try skip("&")
        if starts(with: "#") {
            index += 1
            let hex = starts(with: "x")
            if hex { index += 1 }
            let start = index
            while index < scalars.count, scalars[index] != ";" { index += 1 }
            let digits = String(String.UnicodeScalarView(scalars[start..<index]))
            try skip(";")
            guard let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code),
                Self.isAllowed(scalar)
            else { throw fail("bad character reference '\(digits)'") }
            return String(scalar)
        }
        let entity = try name()
        try skip(";")
        let known = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        guard let value = known[entity] else { throw fail("unknown entity '&\(entity);'") }
        return value
    }

    private mutating func element() throws -> XMLTree {
        try skip("<")
        var element = XMLTree(name: try name())
        while true {
            let hadSpace = index < scalars.count && [" ", "\n", "\r", "\t"].contains(scalars[index])
            skipSpace()
            if starts(with: "/>") {
                index += 2
                return element
            }
            if starts(with: ">") {
                index += 1
                break
            }
            guard hadSpace else { throw fail("expected space before an attribute") }
            let attribute = try name()
            guard element.attributes[attribute] == nil else { throw fail("attribute '\(attribute)' repeated") }
            skipSpace()
            try skip("=")
            skipSpace()
            guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else {
                throw fail("attribute value not quoted")
            }
            let quote = scalars[index]
            index += 1
            var value = ""
            while true {
                guard index < scalars.count else { throw fail("unclosed attribute value") }
                let scalar = scalars[index]
                if scalar == quote {
                    index += 1
                    break
                }
                guard scalar != "<" else { throw fail("'<' in an attribute value") }
                guard Self.isAllowed(scalar) else { throw fail("character U+\(String(scalar.value, radix: 16))") }
                if scalar == "&" {
                    value += try reference()
                } else {
                    value.unicodeScalars.append(scalar)
                    index += 1
                }
            }
            element.attributes[attribute] = value
        }
        while true {
            guard index < scalars.count else { throw fail("element '\(element.name)' is not closed") }
            if starts(with: "</") {
                index += 2
                let closing = try name()
                guard closing == element.name else { throw fail("'</\(closing)>' closes '<\(element.name)>'") }
                skipSpace()
                try skip(">")
                return element
            }
            if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<![CDATA[") {
                index += 9
                guard let end = find("]]>") else { throw fail("unclosed CDATA section") }
                element.text += String(String.UnicodeScalarView(scalars[index..<end]))
                index = end + 3
            } else if starts(with: "<") {
                element.children.append(try self.element())
            } else if starts(with: "&") {
                element.text += try reference()
            } else {
                guard !starts(with: "]]>") else { throw fail("']]>' in character data") }
                let scalar = scalars[index]
                guard Self.isAllowed(scalar) else { throw fail("character U+\(String(scalar.value, radix: 16))") }
                element.text.unicodeScalars.append(scalar)
                index += 1
            }
        }
    }
}
