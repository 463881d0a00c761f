/// A release tag template such as "v{version}" or "cli/v{version}".
public struct TagTemplate: Sendable, Equatable {
    public let template: String
    /// The text before `{version}`.
    public let prefix: String
    /// The text after `{version}`.
    public let suffix: String

    private static let placeholder = "{version}"

    /// Fails unless `template` contains `{version}` exactly once and no other `{...}` placeholder.
    public init(_ template: String) throws(PolicyValueError) {
        let parts = template.split(separator: Self.placeholder, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            let problem = parts.count < 2 ? "has no '{version}'" : "has '{version}' more than once"
            throw PolicyValueError(
                message: "tag template '\(template)' \(problem); write it like 'v{version}' or 'cli/v{version}'")
        }
        for part in parts where part.contains("{") || part.contains("}") {
            throw PolicyValueError(
                message: "tag template '\(template)' may use only the placeholder '{version}'; "
                    + "remove the other braces")
        }
        self.template = template
        self.prefix = String(parts[0])
        self.suffix = String(parts[1])
    }

    /// `v{version}`.
    public static let `default` = TagTemplate(uncheckedPrefix: "v", suffix: "")

    private init(uncheckedPrefix prefix: String, suffix: String) {
        self.prefix = prefix
        self.suffix = suffix
        self.template = prefix + Self.placeholder + suffix
    }

    /// The version part of `tag` when it has the template's prefix and suffix ("cli/v1.2.3" gives "1.2.3"), else nil.
    public func versionText(fromTag tag: String) -> String? {
        let bytes = tag.utf8
        guard bytes.count > prefix.utf8.count + suffix.utf8.count,
            bytes.starts(with: prefix.utf8), bytes.reversed().starts(with: suffix.utf8.reversed())
        else { return nil }
        let start = bytes.index(bytes.startIndex, offsetBy: prefix.utf8.count)
        let end = bytes.index(bytes.endIndex, offsetBy: -suffix.utf8.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The tag that names `versionText`.
    public func tag(for versionText: String) -> String {
        prefix + versionText + suffix
    }
}
