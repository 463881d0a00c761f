/// Text helpers of the cobra extractor that read ASCII text byte by byte: Swift's `Character` view segments graphemes,
/// which costs far more than the bytes when the text is plain ASCII (import paths, `Use` strings). Text that is not
/// ASCII takes the `Character` way, so the result is the same for every text (a `/` followed by a combining mark is
/// one `Character` that is not `/`).
enum CobraText {
    /// The last non-empty `/`-separated element of `path` (`path.split(separator: "/").last`), nil when it has none.
    static func lastElement(of path: String) -> Substring? {
        let bytes = path.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/").last }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        guard end > bytes.startIndex else { return nil }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != UInt8(ascii: "/") {
            start = bytes.index(before: start)
        }
        return path[start..<end]
    }

    /// The first word of `text`, words separated by spaces, tabs and line feeds; nil when it has none.
    static func firstWord(of text: String) -> Substring? {
        let bytes = text.utf8
        // `\r\n` is one `Character`, which is no separator: text with a carriage return takes the `Character` way.
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else {
            let isSeparator: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
            guard let start = text.firstIndex(where: { !isSeparator($0) }) else { return nil }
            return text[start..<(text[start...].firstIndex(where: isSeparator) ?? text.endIndex)]
        }
        func isSeparator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
        }
        guard let start = bytes.firstIndex(where: { !isSeparator($0) }) else { return nil }
        let end = bytes[start...].firstIndex(where: isSeparator) ?? bytes.endIndex
        return text[start..<end]
    }

    /// The first `maximum` lines of `text` (numbered from 1) as words separated by spaces and tabs, `//` comments left
    /// out and lines without words left out; nil when `text` is not ASCII or has a carriage return (`\r\n` is one
    /// `Character`: the caller splits such text by characters).
    static func asciiLines(of text: String, maximum: Int) -> [(Int, [Substring])]? {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        var result: [(Int, [Substring])] = []
        var number = 0
        var lineStart = bytes.startIndex
        while number < maximum {
            number += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var words: [Substring] = []
            var wordStart: String.Index?
            var index = lineStart
            while index < lineEnd {
                let byte = bytes[index]
                if byte == UInt8(ascii: "/"), let next = bytes.index(index, offsetBy: 1, limitedBy: lineEnd),
                    next < lineEnd, bytes[next] == UInt8(ascii: "/")
                {
                    break
                }
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    if let start = wordStart { words.append(text[start..<index]) }
                    wordStart = nil
                } else if wordStart == nil {
                    wordStart = index
                }
                index = bytes.index(after: index)
            }
            if let start = wordStart { words.append(text[start..<index]) }
            if !words.isEmpty { result.append((number, words)) }
            guard lineEnd < bytes.endIndex else { break }
            lineStart = bytes.index(after: lineEnd)
        }
        return result
    }

    /// Whether `text` holds the character `%` (`text.contains("%")`): in ASCII text, whether it has the byte.
    static func containsPercent(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.contains(Character("%")) }
        return bytes.contains(UInt8(ascii: "%"))
    }
}
