/// Why a text is not a SemVer 2.0.0 version (or pre-release label), quoting the bad part and saying the fix.
public struct VersionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole text that was parsed.
    public var input: String
    /// What is wrong with it.
    public var reason: Reason
    /// Whether `input` was meant as a whole version or as a pre-release label.
    public var subject: Subject

    /// Creates an error about `input`.
    public init(input: String, reason: Reason, subject: Subject = .version) {
        self.input = input
        self.reason = reason
        self.subject = subject
    }

    /// What kind of text was parsed.
    public enum Subject: Sendable, Equatable {
        /// A whole version, as `Version(_:)` parses.
        case version
        /// A pre-release label, as `Version.validatePrereleaseLabel(_:)` checks.
        case prereleaseLabel
    }

    /// One of the three numbers of a version's core.
    public enum CoreNumber: String, Sendable, Equatable {
        case major, minor, patch
    }

    /// The dot-separated identifier lists that follow the core.
    public enum Section: Sendable, Equatable {
        /// After `-`.
        case prerelease
        /// After `+`.
        case build
    }

    /// One case per way the text can fail. Positions are 1-based character offsets into `input`.
    public enum Reason: Sendable, Equatable {
        /// The text is empty.
        case empty
        /// The text starts with `v` or `V`, as tags do.
        case leadingV
        /// The text contains whitespace at this position.
        case whitespace(position: Int)
        /// The core lacks this number, as in `1.2` or `1..3`.
        case missingNumber(CoreNumber)
        /// A core number contains something other than the digits 0-9.
        case nonNumericNumber(CoreNumber, String)
        /// A core number other than `0` starts with `0`.
        case leadingZero(CoreNumber, String)
        /// A core number exceeds `UInt64.max`.
        case numberTooLarge(CoreNumber, String)
        /// The core has more than three numbers; the payload is the extra text, such as `.4`.
        case extraCoreParts(String)
        /// A numeric pre-release identifier other than `0` starts with `0`.
        case prereleaseLeadingZero(String)
        /// A numeric pre-release identifier exceeds `UInt64.max`.
        case prereleaseNumberTooLarge(String)
        /// An identifier in this section is empty; the payload is the section's whole text, such as `rc..1`.
        case emptyIdentifier(Section, String)
        /// A character outside `[0-9A-Za-z-]` in an identifier of this section.
        case invalidCharacter(Character, Section, position: Int)
        /// A second `+` at this position; build metadata starts at the first.
        case secondPlus(position: Int)
    }

    public var description: String {
        let what =
            switch subject {
            case .version: "is not a SemVer 2.0.0 version"
            case .prereleaseLabel: "is not a valid pre-release label"
            }
        return "'\(input.printable)' \(what): \(explanation)"
    }

    private var explanation: String {
        let limit = UInt64.max
        switch reason {
        case .empty:
            return subject == .version
                ? "the text is empty; expected MAJOR.MINOR.PATCH such as '1.0.0'"
                : "the label is empty; use dot-separated identifiers such as 'rc' or 'beta.1'"
        case .leadingV:
            let letter = input.prefix(1)
            return "it starts with '\(letter)'; drop the leading '\(letter)' ('\(String(input.dropFirst()).printable)')"
        case .whitespace(let position):
            return "whitespace at position \(position); remove all spaces, tabs and line breaks"
        case .missingNumber(let number):
            return "missing \(number.rawValue) number; expected MAJOR.MINOR.PATCH such as '1.0.0'"
        case .nonNumericNumber(let number, let text):
            return "\(number.rawValue) number '\(text)' is not a number; use only the digits 0-9"
                + " (a pre-release starts with '-', build metadata with '+')"
        case .leadingZero(let number, let text):
            return "\(number.rawValue) number '\(text)' has a leading zero; write '\(text.withoutLeadingZeros)'"
        case .numberTooLarge(let number, let text):
            return "\(number.rawValue) number '\(text)' exceeds the 64-bit limit \(limit)"
        case .extraCoreParts(let text):
            return "extra core part '\(text)' after MAJOR.MINOR.PATCH; a version has exactly three numbers"
                + " (a pre-release starts with '-', build metadata with '+')"
        case .prereleaseLeadingZero(let text):
            return "numeric pre-release identifier '\(text)' has a leading zero;"
                + " write '\(text.withoutLeadingZeros)' or add a letter"
        case .prereleaseNumberTooLarge(let text):
            return "numeric pre-release identifier '\(text)' exceeds the 64-bit limit \(limit)"
        case .emptyIdentifier(let section, let text):
            if text.isEmpty {
                let separator = section == .prerelease ? "-" : "+"
                return subject == .prereleaseLabel
                    ? "the label is empty; use dot-separated identifiers such as 'rc' or 'beta.1'"
                    : "\(section.name) after '\(separator)' is empty; add identifiers or drop the '\(separator)'"
            }
            return "\(section.name) '\(text)' has an empty identifier; remove the stray '.'"
        case .invalidCharacter(let character, let section, let position):
            let shown = String(character).printable
            return "invalid character '\(shown)' at position \(position) in the \(section.name);"
                + " identifiers allow only ASCII letters, digits and '-'"
        case .secondPlus(let position):
            return "second '+' at position \(position); build metadata starts at the first '+' and cannot contain"
                + " another (use '.' or '-')"
        }
    }
}

extension VersionError.Section {
    fileprivate var name: String {
        switch self {
        case .prerelease: "pre-release"
        case .build: "build metadata"
        }
    }
}

extension String {
    /// The text with control characters and whitespace other than a space escaped, so a message stays on one line.
    fileprivate var printable: String {
        var result = ""
        for scalar in unicodeScalars {
            let needsEscape =
                scalar.properties.generalCategory == .control
                || (scalar.properties.isWhitespace && scalar != " ")
            result += needsEscape ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return result
    }

    fileprivate var withoutLeadingZeros: String {
        let trimmed = drop(while: { $0 == "0" })
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
