import Policy
import Surface
import Testing

@testable import Gate

@Suite("Report focus (--only)")
struct ReportFocusTests {
    @Test("a focused report keeps findings about no item and the whole verdict")
    func focused() throws {
        let policy = try PolicyLoader.load(
            yaml: "semgate: 1\nsurfaces: {a: {extract: {list: a.txt}}, b: {extract: {list: b.txt}}}\n", file: "p.yml",
            origin: .file(path: "p.yml"))
        let changes = SurfaceDiff.changes(
            from: SurfaceSnapshot(items: [
                "a:x": SurfaceItem(surface: "a", key: "x"), "b:y": SurfaceItem(surface: "b", key: "y"),
            ]), to: SurfaceSnapshot(), policy: policy)
        let failing = Finding(rule: .breakingWithoutMajor, severity: .error, message: "m", item: "b:y")
        let release = Finding(rule: .versionFileMismatch, severity: .warning, message: "v")
        var report = Report(kind: .check, policy: PolicyInfo(source: "p.yml", defaults: false, project: nil))
        report.changes = changes
        report.findings = [failing, release]
        let focused = report.focused(on: [try Glob("a:**")])
        #expect(focused.changes.map(\.id) == ["a:x"])
        #expect(focused.findings.map(\.rule) == [.versionFileMismatch])
        #expect(focused.verdict == .fail)
        #expect(focused.focus?.hiddenChanges == 1 && focused.focus?.hiddenFindings == 1)
        #expect(focused.notes.last?.hasPrefix("showing only 'a:**' (1 change, 1 finding left out)") == true)
        #expect(report.focused(on: []).focus == nil)
    }
}
