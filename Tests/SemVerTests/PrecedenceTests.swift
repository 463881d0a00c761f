import Testing
import TestSupport

@testable import SemVer

@Suite("Precedence")
struct PrecedenceTests {
    static let specChain = [
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
        "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1",
    ]

    static var chainPairs: [(String, String)] {
        specChain.indices.flatMap { i in specChain.indices.filter { $0 > i }.map { (specChain[i], specChain[$0]) } }
    }

    @Test("the chain from SemVer item 11, every pair in both directions", arguments: chainPairs)
    func chain(lower: String, higher: String) throws {
        let (low, high) = (try Version(lower), try Version(higher))
        #expect(low < high)
        #expect(!(high < low))
        #expect(high > low)
        #expect(low != high)
        #expect(!low.hasSamePrecedence(as: high))
        #expect(low.precedenceOrder(comparedTo: high) == .ascending)
        #expect(high.precedenceOrder(comparedTo: low) == .descending)
    }

    @Test(
        "ordered pairs",
        arguments: [
            ("1.0.0-2", "1.0.0-10"),
            ("1.0.0-9", "1.0.0-a"),
            ("1.0.0-99999", "1.0.0-0a"),
            ("1.0.0-rc.9", "1.0.0-rc.a"),
            ("1.0.0-Z", "1.0.0-a"),
            ("1.0.0-a", "1.0.0-a.0"),
            ("1.0.0-a.b", "1.0.0-a-b"),
            ("1.0.0-rc.1", "1.0.0-rc1"),
            ("1.9.0", "1.10.0"),
            ("1.0.10", "1.1.0"),
            ("0.9.9", "1.0.0-alpha"),
            ("1.2.3", "1.2.4-rc.1"),
            ("2.0.0-rc.1", "2.0.0"),
            ("1.0.0-rc.18446744073709551614", "1.0.0-rc.18446744073709551615"),
            ("18446744073709551614.0.0", "18446744073709551615.0.0"),
        ])
    func ordered(lower: String, higher: String) throws {
        let (low, high) = (try Version(lower), try Version(higher))
        #expect(low < high)
        #expect(!(high < low))
        #expect(!low.hasSamePrecedence(as: high))
    }

    @Test(
        "build metadata does not change precedence",
        arguments: [
            ("1.0.0", "1.0.0+build"),
            ("1.0.0+a", "1.0.0+b"),
            ("1.0.0-rc.1+exp.sha.5114f85", "1.0.0-rc.1+20130313144700"),
            ("1.0.0+1", "1.0.0+1.0"),
        ])
    func buildIgnored(left: String, right: String) throws {
        let (a, b) = (try Version(left), try Version(right))
        #expect(a.hasSamePrecedence(as: b))
        #expect(b.hasSamePrecedence(as: a))
        #expect(a.precedenceOrder(comparedTo: b) == .same)
        #expect(a != b)
        #expect(a.core == b.core)
    }

    @Test(
        "ties in precedence break by build identifiers, lexically and fewer first",
        arguments: [
            ("1.0.0", "1.0.0+0"),
            ("1.0.0+a", "1.0.0+b"),
            ("1.0.0+1", "1.0.0+1.0"),
            ("1.0.0+10", "1.0.0+9"),
            ("1.0.0+B", "1.0.0+a"),
            ("1.0.0-rc+exp.1", "1.0.0-rc+exp.2"),
        ])
    func buildTieBreak(lower: String, higher: String) throws {
        let (low, high) = (try Version(lower), try Version(higher))
        #expect(low < high)
        #expect(!(high < low))
    }

    @Test("equality is full equality, including build")
    func equality() throws {
        #expect(try Version("1.0.0+a") == Version("1.0.0+a"))
        #expect(try Version("1.0.0+a") != Version("1.0.0+b"))
        #expect(try Version("1.0.0-rc.1") != Version("1.0.0-rc.1+x"))
        #expect(Set([try Version("1.0.0"), try Version("1.0.0+a"), try Version("1.0.0")]).count == 2)
        let same = try Version("1.0.0+a")
        #expect(!(same < same))
    }

    @Test("pre-release identifiers: numbers numerically, below text")
    func identifiers() {
        #expect(PrereleaseIdentifier.numeric(2) < .numeric(10))
        #expect(PrereleaseIdentifier.numeric(.max) < .alphanumeric("0a"))
        #expect(!(PrereleaseIdentifier.alphanumeric("a") < .numeric(0)))
        #expect(PrereleaseIdentifier.alphanumeric("Z") < .alphanumeric("a"))
        #expect(PrereleaseIdentifier.alphanumeric("alpha") < .alphanumeric("alpha1"))
        #expect(PrereleaseIdentifier.numeric(7).description == "7")
        #expect(PrereleaseIdentifier.alphanumeric("x-y").description == "x-y")
    }

    @Test("sorting a shuffled list gives the precedence order", arguments: 0..<8)
    func sorting(seed: UInt64) throws {
        let expected = try [
            "0.0.1", "0.1.0", "1.0.0-0.3.7", "1.0.0-alpha", "1.0.0-alpha+001", "1.0.0-alpha.1", "1.0.0-alpha.beta",
            "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0-x.7.z.92", "1.0.0",
            "1.0.0+20130313144700", "1.0.0+21AF26D3----117B344092BD", "1.2.0", "1.10.0", "2.0.0", "2.1.0", "2.1.1",
        ].map { try Version($0) }
        var generator = SplitMix64(seed: seed)
        let shuffled = expected.shuffled(using: &generator)
        #expect(shuffled.sorted() == expected)
        #expect(shuffled.sorted(by: >) == expected.reversed())
        #expect(expected.max() == (try Version("2.1.1")))
    }
}
