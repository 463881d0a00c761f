import Testing

@testable import SemVer

@Suite("Parsing")
struct ParsingTests {
    /// Valid versions with their expected parts; every example from the SemVer 2.0.0 text is here.
    static let valid: [(String, Version)] = [
        ("0.0.0", Version(major: 0, minor: 0, patch: 0)),
        ("1.9.0", Version(major: 1, minor: 9, patch: 0)),
        ("1.10.0", Version(major: 1, minor: 10, patch: 0)),
        ("1.11.0", Version(major: 1, minor: 11, patch: 0)),
        ("1.0.0", Version(major: 1, minor: 0, patch: 0)),
        ("2.0.0", Version(major: 2, minor: 0, patch: 0)),
        ("2.1.0", Version(major: 2, minor: 1, patch: 0)),
        ("2.1.1", Version(major: 2, minor: 1, patch: 1)),
        ("1.0.0-alpha", Version(major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("alpha")])),
        ("1.0.0-alpha.1", Version(major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("alpha"), .numeric(1)])),
        (
            "1.0.0-0.3.7",
            Version(major: 1, minor: 0, patch: 0, prerelease: [.numeric(0), .numeric(3), .numeric(7)])
        ),
        (
            "1.0.0-x.7.z.92",
            Version(
                major: 1, minor: 0, patch: 0,
                prerelease: [.alphanumeric("x"), .numeric(7), .alphanumeric("z"), .numeric(92)]
            )
        ),
        (
            "1.0.0-x-y-z.--",
            Version(major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("x-y-z"), .alphanumeric("--")])
        ),
        (
            "1.0.0-alpha+001",
            Version(major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("alpha")], build: ["001"])
        ),
        ("1.0.0+20130313144700", Version(major: 1, minor: 0, patch: 0, build: ["20130313144700"])),
        (
            "1.0.0-beta+exp.sha.5114f85",
            Version(
                major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("beta")], build: ["exp", "sha", "5114f85"]
            )
        ),
        ("1.0.0+21AF26D3----117B344092BD", Version(major: 1, minor: 0, patch: 0, build: ["21AF26D3----117B344092BD"])),
        (
            "1.0.0-0A.is.legal",
            Version(
                major: 1, minor: 0, patch: 0,
                prerelease: [.alphanumeric("0A"), .alphanumeric("is"), .alphanumeric("legal")]
            )
        ),
        (
            "1.0.0-rc.1+build.5",
            Version(
                major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("rc"), .numeric(1)], build: ["build", "5"]
            )
        ),
        ("1.0.0--", Version(major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("-")])),
        ("1.0.0-0", Version(major: 1, minor: 0, patch: 0, prerelease: [.numeric(0)])),
        ("1.0.0-rc1", Version(major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("rc1")])),
        ("1.0.0+0.00.-", Version(major: 1, minor: 0, patch: 0, build: ["0", "00", "-"])),
        ("1.2.3-a-b+c-d", Version(major: 1, minor: 2, patch: 3, prerelease: [.alphanumeric("a-b")], build: ["c-d"])),
        (
            "18446744073709551615.18446744073709551615.18446744073709551615",
            Version(major: .max, minor: .max, patch: .max)
        ),
        (
            "0.0.0-18446744073709551615",
            Version(major: 0, minor: 0, patch: 0, prerelease: [.numeric(.max)])
        ),
        (
            "1.0.0-18446744073709551616a",
            Version(major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("18446744073709551616a")])
        ),
    ]

    @Test("parses valid versions", arguments: valid)
    func parsesValid(text: String, expected: Version) throws {
        let version = try Version(text)
        #expect(version == expected)
        #expect(version.major == expected.major && version.prerelease == expected.prerelease)
        #expect(Version.parse(text) == expected)
    }

    @Test("description round-trips", arguments: valid.map(\.0))
    func roundTrip(text: String) throws {
        let version = try Version(text)
        #expect(version.description == text)
        #expect(try Version(version.description) == version)
    }

    static let invalid: [(String, VersionError.Reason)] = [
        ("", .empty),
        ("v1.2.3", .leadingV),
        ("V1.2.3", .leadingV),
        ("1", .missingNumber(.minor)),
        ("1.2", .missingNumber(.patch)),
        ("1.2-rc.1", .missingNumber(.patch)),
        ("1.2.", .missingNumber(.patch)),
        ("1..3", .missingNumber(.minor)),
        (".2.3", .missingNumber(.major)),
        ("-rc.1", .missingNumber(.major)),
        ("+build", .missingNumber(.major)),
        ("x.2.3", .nonNumericNumber(.major, "x")),
        ("1.y.3", .nonNumericNumber(.minor, "y")),
        ("1.2.3a", .nonNumericNumber(.patch, "3a")),
        ("1.2.3_rc", .nonNumericNumber(.patch, "3_rc")),
        ("1.2.\u{0663}", .nonNumericNumber(.patch, "\u{0663}")),
        ("1.2.1\u{301}", .nonNumericNumber(.patch, "1\u{301}")),
        ("01.2.3", .leadingZero(.major, "01")),
        ("1.02.3", .leadingZero(.minor, "02")),
        ("1.2.00", .leadingZero(.patch, "00")),
        ("1.0.0-01", .prereleaseLeadingZero("01")),
        ("1.0.0-rc.00", .prereleaseLeadingZero("00")),
        ("1.0.0-rc..1", .emptyIdentifier(.prerelease, "rc..1")),
        ("1.0.0-", .emptyIdentifier(.prerelease, "")),
        ("1.0.0-rc.", .emptyIdentifier(.prerelease, "rc.")),
        ("1.0.0-.rc", .emptyIdentifier(.prerelease, ".rc")),
        ("1.0.0+", .emptyIdentifier(.build, "")),
        ("1.0.0+a..b", .emptyIdentifier(.build, "a..b")),
        ("1.0.0-rc+", .emptyIdentifier(.build, "")),
        ("1.0.0-rc_1", .invalidCharacter("_", .prerelease, position: 9)),
        ("1.0.0-é", .invalidCharacter("é", .prerelease, position: 7)),
        ("1.0.0+build/5", .invalidCharacter("/", .build, position: 12)),
        ("1.0.0+a+b", .secondPlus(position: 8)),
        ("1.0.0++", .secondPlus(position: 7)),
        ("18446744073709551616.0.0", .numberTooLarge(.major, "18446744073709551616")),
        ("0.18446744073709551616.0", .numberTooLarge(.minor, "18446744073709551616")),
        ("0.0.99999999999999999999999", .numberTooLarge(.patch, "99999999999999999999999")),
        ("1.0.0-18446744073709551616", .prereleaseNumberTooLarge("18446744073709551616")),
        ("1.2.3.4", .extraCoreParts(".4")),
        ("1.2.3.", .extraCoreParts(".")),
        ("1.2.3.4-rc", .extraCoreParts(".4")),
        (" 1.2.3", .whitespace(position: 1)),
        ("1.2.3 ", .whitespace(position: 6)),
        ("1.2.3\n", .whitespace(position: 6)),
        ("1.2.3 -rc", .whitespace(position: 6)),
        ("1.2.3-rc\t1", .whitespace(position: 9)),
        ("v 1.2.3", .whitespace(position: 2)),
    ]

    @Test("rejects invalid versions with a precise reason", arguments: invalid)
    func rejectsInvalid(text: String, reason: VersionError.Reason) {
        #expect(throws: VersionError(input: text, reason: reason)) {
            try Version(text)
        }
        #expect(Version.parse(text) == nil)
    }

    @Test(
        "error messages quote the bad part and say the fix",
        arguments: [
            ("01.2.3", "'01.2.3' is not a SemVer 2.0.0 version: major number '01' has a leading zero; write '1'"),
            (
                "18446744073709551616.0.0",
                "'18446744073709551616.0.0' is not a SemVer 2.0.0 version: major number '18446744073709551616'"
                    + " exceeds the 64-bit limit 18446744073709551615"
            ),
            (
                "1.0.0-18446744073709551616",
                "'1.0.0-18446744073709551616' is not a SemVer 2.0.0 version: numeric pre-release identifier"
                    + " '18446744073709551616' exceeds the 64-bit limit 18446744073709551615"
            ),
            ("v1.2.3", "'v1.2.3' is not a SemVer 2.0.0 version: it starts with 'v'; drop the leading 'v' ('1.2.3')"),
            (
                "1.2",
                "'1.2' is not a SemVer 2.0.0 version: missing patch number; expected MAJOR.MINOR.PATCH such as '1.0.0'"
            ),
            (
                "1.0.0-rc_1",
                "'1.0.0-rc_1' is not a SemVer 2.0.0 version: invalid character '_' at position 9 in the pre-release;"
                    + " identifiers allow only ASCII letters, digits and '-'"
            ),
            (
                "1.0.0-rc..1",
                "'1.0.0-rc..1' is not a SemVer 2.0.0 version: pre-release 'rc..1' has an empty identifier;"
                    + " remove the stray '.'"
            ),
            (
                "1.0.0+",
                "'1.0.0+' is not a SemVer 2.0.0 version: build metadata after '+' is empty;"
                    + " add identifiers or drop the '+'"
            ),
            (
                "1.0.0-007",
                "'1.0.0-007' is not a SemVer 2.0.0 version: numeric pre-release identifier '007' has a leading zero;"
                    + " write '7' or add a letter"
            ),
        ])
    func messages(text: String, message: String) {
        #expect(throws: VersionError.self) { try Version(text) }
        do {
            _ = try Version(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("messages stay on one line", arguments: ["1.2.3\n", "1.2.3\r\n", "\t1.2.3", "1.0.0-a\u{7}b"])
    func oneLine(text: String) {
        #expect(throws: VersionError.self) { try Version(text) }
        do {
            _ = try Version(text)
        } catch {
            let hasNewline = error.description.contains { $0.isNewline }
            #expect(!hasNewline)
            #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
    }

    @Test("every reason has its own message", arguments: invalid)
    func messageIsDistinct(text: String, reason: VersionError.Reason) throws {
        let explanation = try #require(Self.explanation(VersionError(input: text, reason: reason)))
        #expect(!explanation.isEmpty)
        for (otherText, otherReason) in Self.invalid where !Self.sameKind(otherReason, reason) {
            #expect(explanation != Self.explanation(VersionError(input: otherText, reason: otherReason)))
        }
    }

    /// The part of the message after the quoted input.
    private static func explanation(_ error: VersionError) -> String? {
        let marker = "' is not a SemVer 2.0.0 version: "
        guard error.description.hasPrefix("'"), let range = error.description.firstRange(of: marker) else {
            return nil
        }
        return String(error.description[range.upperBound...])
    }

    private static func sameKind(_ left: VersionError.Reason, _ right: VersionError.Reason) -> Bool {
        String(describing: left).prefix(while: { $0 != "(" }) == String(describing: right).prefix(while: { $0 != "(" })
    }

    @Test(
        "pre-release labels",
        arguments: [
            ("rc", nil),
            ("beta.2", nil),
            ("x-y.0", nil),
            ("", VersionError.Reason.empty),
            ("rc..1", .emptyIdentifier(.prerelease, "rc..1")),
            ("rc_1", .invalidCharacter("_", .prerelease, position: 3)),
            ("rc 1", .whitespace(position: 3)),
            ("rc+1", .invalidCharacter("+", .prerelease, position: 3)),
            ("01", .prereleaseLeadingZero("01")),
        ] as [(String, VersionError.Reason?)])
    func labels(label: String, reason: VersionError.Reason?) {
        if let reason {
            let expected = VersionError(input: label, reason: reason, subject: .prereleaseLabel)
            #expect(throws: expected) { try Version.validatePrereleaseLabel(label) }
            #expect(expected.description.hasPrefix("'\(label)' is not a valid pre-release label: "))
        } else {
            #expect(throws: Never.self) { try Version.validatePrereleaseLabel(label) }
        }
    }
}
