import Policy
import Testing

/// `Bytewise` compares in place when both strings hold their bytes contiguously, through the views otherwise: either
/// way it is the order and equality of the UTF-8 bytes, whatever the text (ASCII, NFC and NFD spellings of one
/// letter, a Kelvin sign beside K, text long enough to be stored out of line, substrings made strings).
struct BytewiseTests {
    private static let pieces = [
        "", "a", "b", "K", "\u{212A}", "/", "e", "\u{E9}", "e\u{301}", "\u{301}", "z", "\u{1F600}", "0", "~", "\u{0}",
        "long enough to be stored out of line",
    ]

    private static func text(_ random: inout SystemRandomNumberGenerator, _ count: Int) -> String {
        var text = ""
        for _ in 0..<count { text += pieces.randomElement(using: &random) ?? "" }
        // Half made from a slice of a longer string, as split components are.
        if Bool.random(using: &random) {
            let longer = "x/" + text + "/y"
            return String(longer.dropFirst(2).dropLast(2))
        }
        return text
    }

    @Test("order and equality are those of the UTF-8 bytes")
    func sameAsBytes() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<4_000 {
            let left = Self.text(&random, Int.random(in: 0...4, using: &random))
            let right = Bool.random(using: &random) ? left : Self.text(&random, Int.random(in: 0...4, using: &random))
            let (leftBytes, rightBytes) = (Array(left.utf8), Array(right.utf8))
            #expect(Bytewise.precedes(left, right) == leftBytes.lexicographicallyPrecedes(rightBytes))
            #expect(Bytewise.sameBytes(left, right) == (leftBytes == rightBytes))
            #expect(Bytewise.same(left, right) == (leftBytes == rightBytes))
            #expect(Bytewise.same(["k": left], ["k": right]) == (leftBytes == rightBytes))
            #expect(Bytewise.precedes([left, right], [right, left]) == leftBytes.lexicographicallyPrecedes(rightBytes))
            #expect(Bytewise.precedes([left], [left, right]))
        }
        // Canonically equivalent spellings are two texts, ordered by their bytes.
        #expect(!Bytewise.sameBytes("\u{E9}", "e\u{301}"))
        #expect(!Bytewise.sameBytes("\u{212A}", "K"))
        #expect(Bytewise.precedes("e\u{301}", "\u{E9}"))
        #expect(["\u{E9}", "e\u{301}", "K", "\u{212A}"].sortedByBytes() == ["K", "e\u{301}", "\u{E9}", "\u{212A}"])
    }
}
