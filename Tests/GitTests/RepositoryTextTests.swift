import Git
import Testing

@Suite("Git: file bytes as text, names byte-exact")
struct RepositoryTextTests {
    @Test(
        "CRLF, a byte order mark, UTF-16 and a missing final newline read as plain LF",
        arguments: [
            Array("a\r\nb\r\n".utf8), [0xEF, 0xBB, 0xBF] + Array("a\nb\n".utf8), Array("a\nb".utf8),
            [0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8), [0xFF, 0xFE, 0x61, 0, 0x0D, 0, 0x0A, 0, 0x62, 0],
            [0xFE, 0xFF, 0, 0x61, 0, 0x0A, 0, 0x62, 0, 0x0A],
        ] as [[UInt8]])
    func lineEndings(bytes: [UInt8]) {
        #expect(RepositoryText.decode(bytes) == "a\nb\n")
    }

    @Test("plain text, an empty file and a lone carriage return are kept as they are")
    func unchanged() {
        #expect(RepositoryText.decode(Array("a\nb\n".utf8)) == "a\nb\n")
        #expect(RepositoryText.decode([]) == "")
        #expect(RepositoryText.decode(Array("a\rb\n".utf8)) == "a\rb\n")
    }

    @Test("names that are not UTF-8 stay distinct and visible; UTF-8 names are unchanged")
    func names() {
        #expect(FileName.decode(Array("plain é\\x".utf8)) == "plain é\\x")
        #expect(FileName.decode([0x61, 0xFF]) == #"a\xff"#)
        #expect(FileName.decode([0x61, 0xFE]) == #"a\xfe"#)
        #expect(FileName.decode([0x61, 0x5C, 0xFF]) == #"a\\\xff"#)
        #expect(FileName.decode([0xC3]) == #"\xc3"#)
        let names: [[UInt8]] = [
            [0x61, 0xFF], [0x61, 0xFE], [0x61, 0xC3, 0x28], [0x61, 0x5C, 0x78, 0x66, 0x66, 0xFF],
        ]
        #expect(Set(names.map(FileName.decode)).count == names.count)
    }
}
