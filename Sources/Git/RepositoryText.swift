import Foundation

/// How the bytes of a file from the repository become text, the same way for every reader (list files, `go.mod`,
/// version files, Go source, the policy): a file saved on Windows reads exactly as the same file saved on Linux.
public enum RepositoryText {
    /// `bytes` as text: UTF-8 (invalid sequences repaired), or UTF-16 when it starts with a UTF-16 byte order mark;
    /// a leading byte order mark dropped; CRLF read as LF; a line break added after a last line that has none.
    ///
    /// Line numbers do not move (each CRLF is one line break either way).
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return normalised(Array(utf16(bytes, littleEndian: bytes[0] == 0xFF).utf8))
        }
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if !bom && (bytes.isEmpty || bytes[bytes.count - 1] == 0x0A) && !bytes.contains(0x0D) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return normalised(Array(bytes[(bom ? 3 : 0)...]))
    }

    /// `decode` for bytes in an array.
    public static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { decode($0) }
    }

    /// UTF-8 bytes without a byte order mark, CRLF as LF, with a final line break.
    private static func normalised(_ input: [UInt8]) -> String {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { continue }
            output.append(byte)
        }
        if let last = output.last, last != 0x0A { output.append(0x0A) }
        return String(decoding: output, as: UTF8.self)
    }

    private static func utf16(_ bytes: UnsafeRawBufferPointer, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

/// File and folder names as semgate shows and compares them, kept distinct byte for byte.
///
/// Git stores names as bytes, and nothing makes them UTF-8. A name that is valid UTF-8 is used as it is. In a name
/// that is not, each byte that is not part of a valid UTF-8 sequence is written `\xNN` (two lowercase hex digits)
/// and each backslash `\\`, so two different names never read the same, the git-tree reader and the working-tree
/// reader agree on every name, and the escape is visible and reversible. (A valid name spelled like such an escape,
/// `a\xff`, reads the same as the name it spells.)
public enum FileName {
    /// The name of the bytes `name` (one path component).
    public static func decode(_ name: UnsafeRawBufferPointer) -> String {
        if let valid = String(validating: name, as: UTF8.self) { return valid }
        var output = ""
        var index = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = name.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                output += scalar == "\\" ? "\\\\" : String(scalar)
                index += encoded.count
            case .error(let length):
                for byte in name[index..<index + length] {
                    output += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                }
                index += length
            case .emptyInput:
                return output
            }
        }
    }

    /// The name of the bytes `name`.
    public static func decode(_ name: [UInt8]) -> String {
        name.withUnsafeBytes { decode($0) }
    }

    /// The name of the C string `name`.
    public static func decode(_ name: UnsafePointer<CChar>) -> String {
        decode(UnsafeRawBufferPointer(start: name, count: strlen(name)))
    }

    /// A path of names (bytes separated by `/`), each component decoded on its own.
    public static func decodePath(_ path: UnsafeRawBufferPointer) -> String {
        if let valid = String(validating: path, as: UTF8.self) { return valid }
        return path.split(separator: 0x2F, omittingEmptySubsequences: false).map { component in
            decode(UnsafeRawBufferPointer(rebasing: component))
        }.joined(separator: "/")
    }

    /// `decodePath` of a C string.
    public static func decodePath(_ path: UnsafePointer<CChar>) -> String {
        decodePath(UnsafeRawBufferPointer(start: path, count: strlen(path)))
    }
}
