import Testing

@testable import SemVer

@Suite("Bumps")
struct BumpTests {
    @Test(
        "bumped(_:)",
        arguments: [
            ("1.2.3", Bump.major, "2.0.0"),
            ("1.2.3", .minor, "1.3.0"),
            ("1.2.3", .patch, "1.2.4"),
            ("1.2.3", .none, "1.2.3"),
            ("1.2.3+build.7", .none, "1.2.3"),
            ("1.2.3+build.7", .patch, "1.2.4"),
            ("0.0.0", .patch, "0.0.1"),
            ("0.9.9", .major, "1.0.0"),
            ("2.0.0-rc.1", .major, "2.0.0"),
            ("2.0.0-rc.1", .minor, "2.0.0"),
            ("2.0.0-rc.1", .patch, "2.0.0"),
            ("2.0.0-rc.1", .none, "2.0.0"),
            ("1.3.0-rc.1", .minor, "1.3.0"),
            ("1.3.0-rc.1", .major, "2.0.0"),
            ("1.3.0-rc.1", .patch, "1.3.0"),
            ("1.2.4-rc.1", .patch, "1.2.4"),
            ("1.2.4-rc.1", .minor, "1.3.0"),
            ("1.2.4-rc.1", .major, "2.0.0"),
            ("1.2.4-rc.1+b", .patch, "1.2.4"),
        ])
    func bumped(from: String, bump: Bump, expected: String) throws {
        let result = try Version(from).bumped(bump)
        #expect(result == (try Version(expected)))
        #expect(result >= (try Version(from)).core)
    }

    @Test(
        "bumped(_:preLabel:)",
        arguments: [
            ("1.8.1", Bump.minor, "rc", "1.9.0-rc.1"),
            ("1.8.1", .major, "rc", "2.0.0-rc.1"),
            ("1.8.1", .patch, "beta", "1.8.2-beta.1"),
            ("1.8.1", .none, "rc", "1.8.1-rc.1"),
            ("2.0.0-rc.1", .major, "rc", "2.0.0-rc.2"),
            ("2.0.0-rc.9", .major, "rc", "2.0.0-rc.10"),
            ("2.0.0-rc", .major, "rc", "2.0.0-rc.1"),
            ("2.0.0-rc.1", .none, "rc", "2.0.0-rc.2"),
            ("2.0.0-rc.1+build", .major, "rc", "2.0.0-rc.2"),
            ("2.0.0-alpha.3", .major, "rc", "2.0.0-rc.1"),
            ("2.0.0-rc.1", .major, "beta", "2.0.0-beta.1"),
            ("2.0.0-rc.beta", .major, "rc", "2.0.0-rc.1"),
            ("2.0.0-rc.1.5", .major, "rc", "2.0.0-rc.1"),
            ("1.3.0-rc.2", .major, "rc", "2.0.0-rc.1"),
            ("1.3.0-rc.2", .minor, "rc", "1.3.0-rc.3"),
            ("1.2.4-rc.2", .patch, "rc", "1.2.4-rc.3"),
            ("1.2.4-rc.2", .minor, "rc", "1.3.0-rc.1"),
            ("1.2.3", .minor, "beta.x", "1.3.0-beta.x.1"),
            ("1.3.0-beta.x.4", .minor, "beta.x", "1.3.0-beta.x.5"),
            ("1.3.0-0", .minor, "0", "1.3.0-0.1"),
        ])
    func bumpedPre(from: String, bump: Bump, label: String, expected: String) throws {
        #expect(try Version(from).bumped(bump, preLabel: label) == Version(expected))
    }

    @Test(
        "Bump.between compares core versions",
        arguments: [
            ("1.2.3", "2.0.0", Bump.major),
            ("1.2.3", "1.3.0", .minor),
            ("1.2.3", "1.2.4", .patch),
            ("1.2.3", "1.2.3", .none),
            ("1.2.3", "1.2.3+build", .none),
            ("1.2.3", "1.2.2", .none),
            ("2.0.0", "1.8.0", .none),
            ("1.2.3", "5.0.0", .major),
            ("1.2.3", "1.2.10", .patch),
            ("1.9.0", "2.0.0-rc1", .major),
            ("1.9.0", "2.0.0-rc.1", .major),
            ("1.9.0", "1.10.0-beta.2", .minor),
            ("1.9.0", "1.9.1-rc.1", .patch),
            ("2.0.0-rc.1", "2.0.0", .none),
            ("2.0.0-rc.1", "2.0.0-rc.2", .none),
            ("2.0.0-rc.1", "2.0.1", .patch),
            ("2.0.0-rc.1", "2.1.0", .minor),
            ("1.9.0-rc.1", "2.0.0-rc.1", .major),
            ("1.2.3", "1.2.3-rc.1", .none),
            ("0.1.0", "0.2.0", .minor),
            ("0.1.0", "1.0.0", .major),
        ])
    func between(from: String, to: String, expected: Bump) throws {
        #expect(Bump.between(try Version(from), try Version(to)) == expected)
    }

    @Test("bump order and names")
    func order() {
        #expect(Bump.allCases == [.none, .patch, .minor, .major])
        #expect(Bump.none < .patch && Bump.patch < .minor && Bump.minor < .major)
        #expect(!(Bump.major < .minor))
        #expect([Bump.patch, .major, .none, .minor].max() == .major)
        #expect(Bump.allCases.map(\.name) == ["none", "patch", "minor", "major"])
        #expect(Bump.allCases.map(\.description) == ["none", "patch", "minor", "major"])
        for bump in Bump.allCases {
            #expect(Bump(name: bump.name) == bump)
        }
        #expect(Bump(name: "Major") == nil)
        #expect(Bump(name: "breaking") == nil)
        #expect(Bump(name: "") == nil)
    }

    @Test("bumped versions are never lower than the core, and between agrees", arguments: Bump.allCases)
    func bumpThenBetween(bump: Bump) throws {
        for text in ["0.0.0", "1.2.3", "3.4.0"] {
            let base = try Version(text)
            #expect(Bump.between(base, base.bumped(bump)) == bump)
        }
    }

    @Test(
        "bumpedIfPossible gives nil, not a trap, when the number that grows is at the 64-bit limit",
        arguments: [
            ("1.0.18446744073709551615", Bump.patch, nil as String?),
            ("1.18446744073709551615.0", Bump.minor, nil),
            ("18446744073709551615.0.0", Bump.major, nil),
            ("18446744073709551615.0.0", Bump.patch, "18446744073709551615.0.1"),
            ("1.18446744073709551615.0-rc.1", Bump.minor, "1.18446744073709551615.0"),
        ])
    func bumpAtLimit(from: String, bump: Bump, expected: String?) throws {
        #expect(try Version(from).bumpedIfPossible(bump)?.description == expected)
    }

    @Test("a pre-release number at the 64-bit limit cannot grow under the same label")
    func preReleaseAtLimit() throws {
        #expect(try Version("2.0.0-rc.18446744073709551615").bumpedIfPossible(.major, preLabel: "rc") == nil)
        #expect(try Version("2.0.0-rc.1").bumpedIfPossible(.major, preLabel: "rc")?.description == "2.0.0-rc.2")
    }
}
