/// How an identifier of one language is spelled in another: go-literals' `method-names` and `field-names`, and the
/// `{group:style}` placeholders of key templates (`builtinOutputExperimentalPrometheusRW` read as `{name:kebab}`
/// after the prefix is `experimental-prometheus-rw`, as Go's enumer `-transform=kebab` names it).
public enum NameStyle: String, Sendable, CaseIterable {
    /// As written.
    case go
    /// First letter lowered; a name in capitals only (`JSON`, `URL`) lowered whole.
    case lowerCamel = "lower-camel"
    /// Words joined by `_`, initialisms kept together (`StatusText` → `status_text`, `TLSVersion` → `tls_version`).
    case snake
    /// Words joined by `-`, as `snake` splits them (`ExperimentalPrometheusRW` → `experimental-prometheus-rw`).
    case kebab
    /// Every letter lowered (`Influxdb` → `influxdb`).
    case lower

    /// `name` in this style.
    public func apply(_ name: String) -> String {
        switch self {
        case .go: return name
        case .lowerCamel:
            if name.allSatisfy({ $0.isUppercase || $0.isNumber }) { return name.lowercased() }
            return name.prefix(1).lowercased() + name.dropFirst()
        case .snake: return Self.words(name, separator: "_")
        case .kebab: return Self.words(name, separator: "-")
        case .lower: return name.lowercased()
        }
    }

    private static func words(_ name: String, separator: String) -> String {
        let characters = Array(name)
        var output = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // A word starts at a capital after a lower-case letter or digit, or at the last capital of an
                // initialism followed by a lower-case letter (`TLSVersion`: `tls_version`).
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    output += separator
                }
            }
            output += character.lowercased()
        }
        return output
    }
}
