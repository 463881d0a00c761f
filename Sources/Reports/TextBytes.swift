/// Byte paths of the text outputs' layout and escaping for ASCII text, which is nearly every line of a report.
///
/// The general paths (`TextLayout`, `Inert`) look at each line as an array of Unicode scalars and ask each scalar for
/// its properties; on a report of hundreds of kilobytes that is most of the text renderer's time. In ASCII text every
/// byte is one scalar and no scalar is a combining mark, so columns are bytes; the only hidden bytes are the C0
/// controls and DEL (an ESC among them), shown as their pictures exactly as `Inert.picture` shows them; the only
/// whitespace that is not hidden is the space. Each function here returns nil for text that is not ASCII, and the
/// caller then takes the general path. `TextBytesTests` checks each one against the general path on fixed and random
/// texts (combining marks, `\r\n`, wide characters, ESC and other controls, semgate's own colour codes).
enum TextBytes {
    static let escape = UInt8(0x1B)
    static let space = UInt8(ascii: " ")

    /// Runs `body` on the UTF-8 bytes of `text` when they are all ASCII; nil otherwise.
    @inline(__always)
    static func withASCII<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Result? {
            for byte in bytes where byte >= 0x80 { return nil }
            return body(bytes)
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(run) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(run)
    }

    /// The length of the colour code of semgate's (`Style`: `ESC[31m`, `ESC[32m`, `ESC[33m`, `ESC[1m`, `ESC[2m`,
    /// `ESC[0m`) that starts at `index`, or nil: `Style.code(in:at:)` on bytes.
    @inline(__always)
    static func codeLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard bytes[index] == escape, index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") else { return nil }
        let first = bytes[index + 2]
        if first == UInt8(ascii: "0") || first == UInt8(ascii: "1") || first == UInt8(ascii: "2") {
            return bytes[index + 3] == UInt8(ascii: "m") ? 4 : nil
        }
        guard first == UInt8(ascii: "3"), index + 4 < bytes.count else { return nil }
        let second = bytes[index + 3]
        guard second >= UInt8(ascii: "1"), second <= UInt8(ascii: "3"), bytes[index + 4] == UInt8(ascii: "m") else {
            return nil
        }
        return 5
    }

    /// `TextLayout.columns` of ASCII text: every byte takes a column except semgate's colour codes.
    static func columns(_ text: String) -> Int? {
        withASCII(text) { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == escape, let length = codeLength(bytes, at: index) {
                    index += length
                    continue
                }
                count += 1
                index += 1
            }
            return count
        }
    }

    /// A piece of a line between break opportunities, as `TextLayout`'s token: the spaces before a word, the colour
    /// codes that stood among them, and the word (bytes `wordStart..<wordEnd` of the line, colour codes in it
    /// included) with its columns.
    private struct Token {
        var spaces = 0
        var codes: [UInt8] = []
        var wordStart = 0
        var wordEnd = 0
        var wordColumns = 0
    }

    /// `TextLayout.wrap` of ASCII text, with the layout's `width`.
    static func wrap(_ line: String, width: Int, hang: Int) -> [String]? {
        withASCII(line) { bytes -> [String] in
            var tokens: [Token] = []
            var current = Token()
            var inWord = false
            var columns = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == escape, let length = codeLength(bytes, at: index) {
                    if inWord {
                        current.wordEnd = index + length
                    } else {
                        current.codes.append(contentsOf: bytes[index..<index + length])
                    }
                    index += length
                    continue
                }
                if byte == space {
                    if inWord {
                        tokens.append(current)
                        current = Token()
                        inWord = false
                    }
                    current.spaces += 1
                } else {
                    if !inWord { current.wordStart = index }
                    inWord = true
                    current.wordEnd = index + 1
                    current.wordColumns += 1
                }
                columns += 1
                index += 1
            }
            guard columns > width else { return [line] }
            if inWord || !current.codes.isEmpty { tokens.append(current) }

            let hang = min(hang, width / 2)
            let reset: [UInt8] = [escape, UInt8(ascii: "["), UInt8(ascii: "0"), UInt8(ascii: "m")]
            var lines: [String] = []
            var output: [UInt8] = []
            output.reserveCapacity(width + 16)
            var columnsUsed = 0
            var hasWord = false
            var open: [ArraySlice<UInt8>] = []
            func track(_ text: UnsafeBufferPointer<UInt8>) {
                var index = 0
                while index < text.count {
                    if text[index] == escape, let length = codeLength(text, at: index) {
                        let code = text[index..<index + length]
                        if code.elementsEqual(reset) { open = [] } else { open.append(ArraySlice(code)) }
                        index += length
                    } else {
                        index += 1
                    }
                }
            }
            func finishLine() {
                var end = output.count
                while end > 0, output[end - 1] == space { end -= 1 }
                lines.append(String(decoding: output[..<end], as: UTF8.self))
            }
            for token in tokens {
                if hasWord && columnsUsed + token.spaces + token.wordColumns > width {
                    if !open.isEmpty { output.append(contentsOf: reset) }
                    finishLine()
                    output.removeAll(keepingCapacity: true)
                    output.append(contentsOf: repeatElement(space, count: hang))
                    for code in open { output.append(contentsOf: code) }
                    columnsUsed = hang
                    hasWord = false
                } else {
                    output.append(contentsOf: repeatElement(space, count: token.spaces))
                    columnsUsed += token.spaces
                }
                output.append(contentsOf: token.codes)
                output.append(contentsOf: bytes[token.wordStart..<token.wordEnd])
                columnsUsed += token.wordColumns
                token.codes.withUnsafeBufferPointer(track)
                track(UnsafeBufferPointer(rebasing: bytes[token.wordStart..<token.wordEnd]))
                if token.wordColumns > 0 { hasWord = true }
            }
            finishLine()
            return lines
        }
    }

    /// `Inert.line` of ASCII text: every control shown as its picture except, with `color`, semgate's colour codes;
    /// a `::` after leading spaces shown as `⟨U+003A⟩:`; the second `#` of every `##[` shown as `⟨U+0023⟩`.
    static func inertLine(_ line: String, color: Bool) -> String? {
        withASCII(line) { bytes -> String in
            // The common case: nothing to show differently, nothing to break.
            var plain = true
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F
                    || (byte == UInt8(ascii: "[") && previous == (UInt8(ascii: "#"), UInt8(ascii: "#")))
                {
                    plain = false
                    break
                }
                previous = (previous.1, byte)
            }
            if plain {
                var start = 0
                while start < bytes.count, bytes[start] == space { start += 1 }
                if !(start + 1 < bytes.count && bytes[start] == UInt8(ascii: ":") && bytes[start + 1] == UInt8(ascii: ":")) {
                    return line
                }
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            var atStart = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if color, byte == escape, let length = codeLength(bytes, at: index) {
                    output.append(contentsOf: bytes[index..<index + length])
                    index += length
                    continue
                }
                if atStart, byte == UInt8(ascii: ":"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                    output.append(contentsOf: Inert.codePoint(Unicode.Scalar(byte)).utf8)
                    atStart = false
                    index += 1
                    continue
                }
                if byte != space { atStart = false }
                if byte < 0x20 || byte == 0x7F {
                    output.append(contentsOf: Inert.picture(Unicode.Scalar(byte)).utf8)
                } else if byte == UInt8(ascii: "["), output.count >= 2, output[output.count - 1] == UInt8(ascii: "#"),
                    output[output.count - 2] == UInt8(ascii: "#")
                {
                    // `##[`: the second `#` shown as its code point. A `#` shown so is no longer one of a later `##[`.
                    output.removeLast()
                    output.append(contentsOf: Inert.codePoint("#").utf8)
                    output.append(byte)
                } else {
                    output.append(byte)
                }
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// `Inert.text` of ASCII text: every control shown as its picture.
    static func inertText(_ value: String) -> String? {
        withASCII(value) { bytes -> String in
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return value }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F {
                    output.append(contentsOf: Inert.picture(Unicode.Scalar(byte)).utf8)
                } else {
                    output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// `text.replacing(target, with: replacement)` when `text` and `target` are ASCII without a carriage return (so
    /// each of their `Character`s is one byte: `\r\n` would be one) and `target` is not empty: every occurrence of the
    /// target's bytes, from the left, not overlapping, replaced. Nil otherwise.
    static func replacing(_ text: String, _ target: String, with replacement: String) -> String? {
        guard !target.isEmpty, target.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        let pattern = Array(target.utf8)
        return withASCII(text) { bytes -> String? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index + pattern.count <= bytes.count {
                if bytes[index] == UInt8(ascii: "\r") { return nil }
                if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) {
                    if output.isEmpty { output.reserveCapacity(bytes.count + replacement.utf8.count) }
                    output.append(contentsOf: bytes[copied..<index])
                    output.append(contentsOf: replacement.utf8)
                    index += pattern.count
                    copied = index
                } else {
                    index += 1
                }
            }
            if bytes[index...].contains(UInt8(ascii: "\r")) { return nil }
            guard copied > 0 else { return text }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        } ?? nil
    }
}

extension String {
    /// `replacing(target, with: replacement)`, over bytes when ``TextBytes/replacing(_:_:with:)`` can.
    func replacingText(_ target: String, with replacement: String) -> String {
        TextBytes.replacing(self, target, with: replacement) ?? replacing(target, with: replacement)
    }
}
