import Testing
import TestSupport

@testable import GoSource

/// `GoParser.parseDeclarations`, which lexes without building identifiers' and literals' texts, gives the package,
/// imports, declarations (names, types, docs, tags, initialisers' text), build constraint and errors that `parse`
/// gives, and the same tokens for every initialiser; on written code and on random byte soup.
@Suite("Go parser: declarations without token texts")
struct DeclarationsParseTests {
    private static func expectSame(_ source: [UInt8], _ comment: Comment? = nil) {
        let full = GoParser.parse(source)
        let declarations = GoParser.parseDeclarations(source)
        let file = declarations.file
        #expect(file.tokens.isEmpty)
        #expect(file.packageName == full.packageName, comment)
        #expect(file.buildConstraint == full.buildConstraint, comment)
        #expect(file.imports == full.imports, comment)
        #expect(file.declarations == full.declarations, comment)
        #expect(file.errors == full.errors, comment)
        for case .value(let spec) in full.declarations {
            for value in spec.values {
                #expect(declarations.tokens(of: value) == Array(full.tokens[value.tokens]), comment)
            }
        }
    }

    @Test func writtenCode() {
        let code = """
            // +build linux

            // Package p is documented.
            package p

            import (
                fmt "fmt"
                . "strings"
                "example.com/é/v2"
            )

            // K is a constant.
            const K = "K6_" + `raw
            two` // a comment on the raw string's last line
            // Doc of L, right below that line.
            const L = 'x'

            const (
                A, B = iota * 2, len("ab") // trailing
                C, D
            )

            type (
                // S has tags.
                S[T any, U ~[]T] struct {
                    Name string `json:"name"` // name
                    é    [N + 1]map[string]*T
                    other.Embedded
                }
                I interface{ M(x int, y ...string) (string, error) }
            )

            var V = map[string]func() int{"a": func() int { return 1 }}

            func (s *S[T, U]) Method(a, b int) (r int) { x := `in
            body`; return a + b + len(x) }

            func Broken( { }
            var 1x = 2
            const Bad = "unterminated
            """
        Self.expectSame(Array(code.utf8))
        Self.expectSame(Array("package p\nvar x = \"\\xff\" + `\u{FEFF}`\nfunc F\u{200B}() {}\n".utf8))
        Self.expectSame([
            0x70, 0x61, 0x63, 0x6B, 0x61, 0x67, 0x65, 0x20, 0x70, 0x0A, 0x76, 0x61, 0x72, 0x20, 0xC3, 0x0A,
        ])
    }

    @Test func randomByteSoup() {
        let alphabet: [String] = [
            "package p\n", "const ", "var ", "type ", "func ", "(", ")", "{", "}", "[", "]", "=", ",", "\"", "`", "'",
            "//", "/*", "*/", "\n", "\\", "a", "B", "1", ".", "é", " ", "x", "iota", "struct", "interface", "*", "~",
        ]
        var random = SplitMix64(seed: 27)
        for _ in 0..<2000 {
            let length = Int(random.next() % 48)
            let source =
                "package p\n"
                + (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
                .joined()
            Self.expectSame(Array(source.utf8), "\(source.debugDescription)")
        }
    }

    /// The marker search (memchr to each `D`) finds `Deprecated:` exactly where a naive search does: at either end,
    /// after partial markers, in texts shorter than it, and in random texts over its own letters.
    @Test func deprecatedMarkerSearch() {
        func naive(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            let marker = Array("Deprecated:".utf8)
            guard bytes.count >= marker.count else { return false }
            return (0...(bytes.count - marker.count)).contains { Array(bytes[$0..<($0 + marker.count)]) == marker }
        }
        var texts = [
            "", "D", "Deprecated", "Deprecated:", "xDeprecated:", "Deprecated:x", "DDeprecated:", "Deprecated;Deprecated:",
            "// Deprecated", "// Deprecated: use Y.", "Deprecate:d", "DeprecatedDeprecated", "é Deprecated:",
        ]
        let letters: [Character] = ["D", "e", "p", "r", "c", "a", "t", "d", ":", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in letters.randomElement()! })
            // Half of them get a marker, maybe cut short, somewhere.
            if Bool.random(using: &generator) {
                let marker = String("Deprecated:".prefix(Int.random(in: 9...11, using: &generator)))
                let offset = Int.random(in: 0...text.count, using: &generator)
                text.insert(contentsOf: marker, at: text.index(text.startIndex, offsetBy: offset))
            }
            texts.append(text)
        }
        for text in texts {
            #expect(GoDocComment.holdsDeprecatedMarker(text) == naive(text), "\(text)")
        }
    }
}
