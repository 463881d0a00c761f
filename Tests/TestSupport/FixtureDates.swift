import Foundation

/// Fixed dates for fixtures, written the way people read them and always taken as UTC.
public enum FixtureDates {
    /// The date for `"2024-03-01"` (midnight UTC) or a full ISO 8601 timestamp such as `"2024-03-01T12:30:00Z"`
    /// or `"2024-03-01T12:30:00+02:00"`; a timestamp without a zone is taken as UTC. A malformed string is a
    /// mistake in the test itself and stops it.
    public static func date(_ iso: String) -> Date {
        var text = iso.trimmingCharacters(in: .whitespaces)
        if !text.contains("T") {
            text += "T00:00:00Z"
        } else if let timePart = text.split(separator: "T").last,
            !timePart.contains("Z"), !timePart.contains("+"), !timePart.contains("-")
        {
            text += "Z"
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) {
            return date
        }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) {
            return date
        }
        fatalError("FixtureDates.date: '\(iso)' is not a date like 2024-03-01 or 2024-03-01T12:00:00Z")
    }

    /// The date in git's internal format, `@<seconds since the epoch> +0000`, for `GIT_*_DATE`.
    static func gitFormat(_ date: Date) -> String {
        "@\(Int64(date.timeIntervalSince1970.rounded(.down))) +0000"
    }
}
