/// A strict SemVer 2.0.0 parser that reports the first problem from left to right.
struct VersionParser {
    private let input: String
    private let characters: [Character]
    private let subject: VersionError.Subject

    init(_ input: String, subject: VersionError.Subject) {
        self.input = input
        self.characters = Array(input)
        self.subject = subject
    }

    func parseVersion() throws(VersionError) -> Version {
        try checkNotEmptyAndNoWhitespace()
        if characters[0] == "v" || characters[0] == "V" {
            throw failure(.leadingV)
        }
        let plus = characters.firstIndex(of: "+")
        let coreAndPrereleaseEnd = plus ?? characters.count
        let dash = characters[..<coreAndPrereleaseEnd].firstIndex(of: "-")
        var version = try parseCore(0..<(dash ?? coreAndPrereleaseEnd))
        if let dash {
            version.prerelease = try parsePrerelease(dash + 1..<coreAndPrereleaseEnd)
        }
        if let plus {
            version.build = try identifiers(plus + 1..<characters.count, section: .build)
        }
        return version
    }

    func parsePrereleaseLabel() throws(VersionError) -> [PrereleaseIdentifier] {
        try checkNotEmptyAndNoWhitespace()
        return try parsePrerelease(0..<characters.count)
    }

    private func checkNotEmptyAndNoWhitespace() throws(VersionError) {
        if characters.isEmpty {
            throw failure(.empty)
        }
        if let index = characters.firstIndex(where: \.isWhitespace) {
            throw failure(.whitespace(position: index + 1))
        }
    }

    private func parseCore(_ range: Range<Int>) throws(VersionError) -> Version {
        let parts = split(range)
        var numbers: [UInt64] = []
        for (part, name) in zip(parts, [VersionError.CoreNumber.major, .minor, .patch]) {
            numbers.append(try coreNumber(part, name))
        }
        if parts.count > 3 {
            throw failure(.extraCoreParts(text(parts[2].upperBound..<range.upperBound)))
        }
        if parts.count < 3 {
            throw failure(.missingNumber(parts.count == 1 ? .minor : .patch))
        }
        return Version(major: numbers[0], minor: numbers[1], patch: numbers[2])
    }

    private func coreNumber(_ range: Range<Int>, _ name: VersionError.CoreNumber) throws(VersionError) -> UInt64 {
        let digits = text(range)
        if digits.isEmpty {
            throw failure(.missingNumber(name))
        }
        guard characters[range].allSatisfy(Self.isDigit) else {
            throw failure(.nonNumericNumber(name, digits))
        }
        if digits.count > 1 && digits.first == "0" {
            throw failure(.leadingZero(name, digits))
        }
        guard let number = UInt64(digits) else {
            throw failure(.numberTooLarge(name, digits))
        }
        return number
    }

    private func parsePrerelease(_ range: Range<Int>) throws(VersionError) -> [PrereleaseIdentifier] {
        var result: [PrereleaseIdentifier] = []
        for identifier in try identifiers(range, section: .prerelease) {
            guard identifier.allSatisfy(Self.isDigit) else {
                result.append(.alphanumeric(identifier))
                continue
            }
            if identifier.count > 1 && identifier.first == "0" {
                throw failure(.prereleaseLeadingZero(identifier))
            }
            guard let number = UInt64(identifier) else {
                throw failure(.prereleaseNumberTooLarge(identifier))
            }
            result.append(.numeric(number))
        }
        return result
    }

    /// The dot-separated identifiers in `range`, each non-empty and made of `[0-9A-Za-z-]`.
    private func identifiers(_ range: Range<Int>, section: VersionError.Section) throws(VersionError) -> [String] {
        var result: [String] = []
        for part in split(range) {
            if part.isEmpty {
                throw failure(.emptyIdentifier(section, text(range)))
            }
            for index in part where !Self.isIdentifierCharacter(characters[index]) {
                if section == .build && characters[index] == "+" {
                    throw failure(.secondPlus(position: index + 1))
                }
                throw failure(.invalidCharacter(characters[index], section, position: index + 1))
            }
            result.append(text(part))
        }
        return result
    }

    /// The ranges between the dots in `range`, empty ones included.
    private func split(_ range: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where characters[index] == "." {
            parts.append(start..<index)
            start = index + 1
        }
        parts.append(start..<range.upperBound)
        return parts
    }

    private func text(_ range: Range<Int>) -> String {
        String(characters[range])
    }

    private func failure(_ reason: VersionError.Reason) -> VersionError {
        VersionError(input: input, reason: reason, subject: subject)
    }

    private static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else {
            return false
        }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii)
    }

    private static func isIdentifierCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else {
            return false
        }
        return isDigit(character) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(ascii) || ascii == UInt8(ascii: "-")
    }
}
