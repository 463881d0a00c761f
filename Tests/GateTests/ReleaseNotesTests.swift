import SemVer
import Testing

@testable import Gate

@Suite("notes raised while a history is read")
struct ReleaseNotesTests {
    private func versions(_ texts: [String]) -> [Version] { texts.compactMap(Version.parse) }

    @Test("a note raised at many releases is said once, with the greatest release's line numbers and the span")
    func once() {
        var notes = ReleaseNotes()
        notes.add(
            ["cmd/root.go:78: x cannot be followed", "cmd/a.go:3, 9: y is not constant"],
            at: Version(major: 1, minor: 11, patch: 0))
        notes.add(["cmd/root.go:81: x cannot be followed"], at: Version(major: 1, minor: 12, patch: 0))
        notes.add(
            ["cmd/root.go:93: x cannot be followed", "cmd/root.go:93: x cannot be followed"],
            at: Version(major: 1, minor: 13, patch: 0))
        notes.add(["cmd/root.go:80: x cannot be followed"], at: Version(major: 1, minor: 12, patch: 1))
        notes.add(
            ["no line here", "cmd/sub.go:70, 77: z cannot be followed", "cmd/sub.go:23: z cannot be followed"],
            at: Version(major: 2, minor: 0, patch: 0))
        #expect(
            notes.rendered.sorted() == [
                "cmd/a.go:3, 9: y is not constant (at 1.11.0)",
                "cmd/root.go:93: x cannot be followed (at 4 releases, 1.11.0 to 1.13.0)",
                "cmd/sub.go:23, 70, 77: z cannot be followed (at 2.0.0)",
                "no line here (at 2.0.0)",
            ])
        #expect(notes.contains("cmd/root.go:1: x cannot be followed"))
        #expect(!notes.contains("cmd/other.go:1: x cannot be followed"))
    }

    @Test("releases: one, two, three, then a count and the span; each version once")
    func releases() {
        #expect(ReleaseNotes.releases(versions(["1.0.0"])) == "(at 1.0.0)")
        #expect(ReleaseNotes.releases(versions(["1.1.0", "1.0.0", "1.0.0"])) == "(at 1.0.0 and 1.1.0)")
        #expect(ReleaseNotes.releases(versions(["1.2.0", "1.0.0", "1.1.0"])) == "(at 1.0.0, 1.1.0 and 1.2.0)")
        #expect(
            ReleaseNotes.releases(versions(["2.0.0", "1.0.0", "1.1.0", "1.2.0"])) == "(at 4 releases, 1.0.0 to 2.0.0)")
        #expect(ReleaseNotes.releases([]) == "")
    }
}
