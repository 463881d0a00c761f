/// Which texts a surface snapshot (`semgate surface`) writes in double quotes: any text holding a quote, a backslash,
/// whitespace (any: a review should see a no-break space for what it is) or a hidden character (`Inert.isHidden`).
public enum SnapshotText {
    /// Whether a text holding `scalar` is quoted.
    public static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\\" || scalar.properties.isWhitespace || Inert.isHidden(scalar)
    }

    /// Whether `text` holds a scalar that `needsQuotes`, or `also` when it is given (`=` in an attribute's name).
    ///
    /// ASCII text, nearly every snapshot's, is read byte by byte: there the scalars that need quotes are the controls
    /// (below U+0020, and U+007F), the space, `"` and `\`; Unicode's whitespace property, which costs a table lookup
    /// a scalar, is asked only for text that is not ASCII (the whole text is then read by scalar, as before).
    public static func holdsQuoted(_ text: String, orScalar also: Unicode.Scalar? = nil) -> Bool {
        let extra: UInt8? = also.flatMap { $0.isASCII ? UInt8($0.value) : nil }
        for byte in text.utf8 {
            if byte >= 0x80 { return text.unicodeScalars.contains { needsQuotes($0) || $0 == also } }
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                || byte == extra
            {
                return true
            }
        }
        // ASCII throughout: a non-ASCII `also` cannot be in it.
        return false
    }
}
