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

    @Test("the attribute table gives every shape the attributes written out, also past its bound")
    func attributeTable() {
        var table = CobraAttributeTable()
        for _ in 0..<2 {
            for hidden in [false, true] {
                for aliasOf in [nil, "ls"] {
                    for unreadFlags in [nil, "local,persistent"] {
                        var expected: [String: String] = [:]
                        if hidden { expected["hidden"] = "true" }
                        if let aliasOf { expected["alias-of"] = aliasOf }
                        if let unreadFlags { expected["unread-flags"] = unreadFlags }
                        let shape = CobraAttributeTable.Shape.command(
                            hidden: hidden, aliasOf: aliasOf, unreadFlags: unreadFlags)
                        #expect(table.attributes(of: shape) == expected)
                    }
                }
            }
            for shorthand in [nil, "n"] {
                for hidden in [false, true] {
                    for noOptDefault in [false, true] {
                        var expected = ["type": "stringArray", "scope": "persistent"]
                        if let shorthand { expected["shorthand"] = shorthand }
                        if hidden { expected["hidden"] = "true" }
                        if noOptDefault { expected["no-opt-default"] = "true" }
                        let shape = CobraAttributeTable.Shape.flag(
                            type: "stringArray", scope: "persistent", shorthand: shorthand, hidden: hidden,
                            noOptDefault: noOptDefault)
                        #expect(table.attributes(of: shape) == expected)
                    }
                }
            }
            // Canonically equivalent spellings are different bytes: each keeps its own.
            for alias in ["caf\u{E9}", "cafe\u{301}"] {
                let attributes = table.attributes(of: .command(hidden: false, aliasOf: alias, unreadFlags: nil))
                #expect(attributes["alias-of"].map { Array($0.utf8) } == Array(alias.utf8))
            }
            for shorthand in ["\u{E9}", "e\u{301}"] {
                let attributes = table.attributes(
                    of: .flag(type: "bool", scope: "local", shorthand: shorthand, hidden: false, noOptDefault: false))
                #expect(attributes["shorthand"].map { Array($0.utf8) } == Array(shorthand.utf8))
            }
            // Past its bound the table starts again; the answers stay the same.
            for index in 0...CobraAttributeTable.maximumShapes {
                _ = table.attributes(of: .command(hidden: false, aliasOf: "a\(index)", unreadFlags: nil))
            }
        }
    }
}
