import Gate
import Policy
import Reports
import Testing

/// `--min-severity`: which findings the text, markdown and github formats list, and the one line for the rest.
@Suite("Minimum severity")
struct MinSeverityTests {
    private func report() throws -> Report {
        var report = try Sample().report("check-version-2.1.0")
        report.findings += [
            Finding(rule: .sourceSyntaxError, severity: .warning, message: "api.go does not parse"),
            Finding(rule: .featureInPatch, severity: .note, message: "added x in 0.3.1", release: "0.3.1"),
            Finding(rule: .featureInPatch, severity: .note, message: "added y in 1.0.1", release: "1.0.1"),
            Finding(
                rule: .breakingWithoutMajor, severity: .note, message: "excused break", release: "1.2.0",
                exception: "accepted, see #1"),
        ]
        return report
    }

    @Test("by default notes are counted on one line, not listed; an exception's notes are listed")
    func defaultHidesNotes() throws {
        let text = TextRenderer().render(try report(), options: RenderOptions(width: 500))
        #expect(!text.contains("added x in 0.3.1") && !text.contains("added y in 1.0.1"))
        #expect(text.contains("api.go does not parse"))
        #expect(text.contains("excused break"))
        #expect(
            text.contains(
                "2 notes (1 under initial development, 0.y.z: anything may change) not shown; --min-severity note "
                    + "lists them"))
        #expect(text.hasPrefix("FAIL  "))
    }

    @Test("note lists everything; error hides warnings too; the verdict never changes")
    func explicit() throws {
        let all = TextRenderer().render(try report(), options: RenderOptions(minSeverity: .note))
        #expect(all.contains("added x in 0.3.1") && !all.contains("not shown"))
        let errors = TextRenderer().render(try report(), options: RenderOptions(minSeverity: .error))
        #expect(!errors.contains("api.go does not parse") && errors.contains("1 warning, 2 notes"))
        #expect(errors.hasPrefix("FAIL  2 errors"))
        for renderer in [MarkdownRenderer() as any Renderer, GitHubRenderer()] {
            let output = renderer.render(try report(), options: RenderOptions(minSeverity: .error))
            #expect(!output.contains("api.go does not parse") && output.contains("not shown"))
        }
    }

    @Test("json and sarif keep every finding whatever the flag")
    func contractsKeepEverything() throws {
        for renderer in [JSONRenderer() as any Renderer, SARIFRenderer()] {
            let output = renderer.render(try report(), options: RenderOptions(minSeverity: .error))
            #expect(output.contains("added x in 0.3.1") && output.contains("api.go does not parse"))
        }
    }
}
