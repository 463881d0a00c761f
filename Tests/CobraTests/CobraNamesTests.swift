import Testing

@testable import Cobra

@Suite("cobra extractor: names numbered once for many revisions")
struct CobraNamesTests {
    /// Revisions as a reader meets them: whole programs in turn, a file edited, files added and removed, and a
    /// program met again, each file parsed once and shared by the revisions that hold the same text.
    private static var revisions: [[String: String]] {
        var edited = CobraFixtures.helpersPerCallSite
        for (path, text) in edited {
            edited[path] = text.replacingOccurrences(of: "Use: \"", with: "Use: \"x")
        }
        var grown = CobraFixtures.assembledTree
        for (path, text) in CobraPatternFixtures.aliasPaths { grown["more/" + path] = text }
        return [
            CobraFixtures.flagsVariable, CobraFixtures.helpersPerCallSite, edited, CobraFixtures.assembledTree, grown,
            CobraPatternFixtures.customTypes, CobraPatternFixtures.builtWhereTheCodeBuildsThem,
            CobraFixtures.structFieldVars,
            CobraFixtures.helpersPerCallSite, CobraFixtures.flagsVariable, grown, CobraFixtures.assembledTree,
        ]
    }

    @Test("a reader's numbering, kept across revisions, gives every revision the surface a fresh run gives")
    func sharedNumbering() {
        let names = CobraNames()
        var parsed: [String: CobraSourceFile] = [:]
        for (index, files) in Self.revisions.enumerated() {
            let shared = files.map { path, text in
                let key = path + "\u{0}" + text
                let source = parsed[key] ?? CobraSourceFile(source: text)
                parsed[key] = source
                return (path: path, source: source)
            }
            let reused = CobraExtractor.surface(of: shared, root: nil, names: names)
            let fresh = CobraExtractor.surface(
                of: files.map { ($0.key, CobraSourceFile(source: $0.value)) }, root: nil)
            #expect(reused.items == fresh.items, "revision \(index)")
            #expect(reused.notes == fresh.notes, "revision \(index)")
            #expect(reused.incomplete == fresh.incomplete, "revision \(index)")
            #expect(!fresh.items.isEmpty, "revision \(index)")
        }
    }
}
