import Policy
import SemVer
import Surface
import Testing

@Suite("surface diff")
struct SurfaceDiffTests {
    /// `typed` breaks on `type` only, `strict` on every attribute (no `breaking:`), `loose` on none.
    static let policyYAML = """
        semgate: 1
        surfaces:
          typed:
            extract:
              list: typed.txt
            breaking: [type]
          strict:
            extract:
              list: strict.txt
          loose:
            extract:
              list: loose.txt
            breaking: []
        """

    private static func item(
        _ id: String, _ attributes: [String: String] = [:], _ stability: Stability = .stable, line: Int = 1
    ) -> SurfaceItem {
        let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
        return SurfaceItem(
            surface: parts[0], key: parts[1], attributes: attributes, stability: stability,
            location: Location(path: "\(parts[0]).txt", line: line))
    }

    private static func snapshot(_ items: [SurfaceItem]) -> SurfaceSnapshot {
        SurfaceSnapshot(items: Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) }))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let before: SurfaceItem?
        let after: SurfaceItem?
        /// Expected (kind, bump, experimental) in the diff's order.
        let expected: [Expected]
        var testDescription: String { name }
    }

    struct Expected: Sendable, Equatable {
        let kind: Change.Kind
        let bump: Bump
        let experimental: Bool

        init(_ kind: Change.Kind, _ bump: Bump, experimental: Bool = false) {
            self.kind = kind
            self.bump = bump
            self.experimental = experimental
        }
    }

    static let cases: [Case] = [
        Case(name: "added stable", before: nil, after: item("typed:a"), expected: [.init(.added, .minor)]),
        Case(
            name: "added experimental", before: nil, after: item("typed:a", [:], .experimental),
            expected: [.init(.added, .patch, experimental: true)]),
        Case(
            name: "added deprecated", before: nil, after: item("typed:a", [:], .deprecated),
            expected: [.init(.added, .minor)]),
        Case(name: "removed stable", before: item("typed:a"), after: nil, expected: [.init(.removed, .major)]),
        Case(
            name: "removed deprecated", before: item("typed:a", [:], .deprecated), after: nil,
            expected: [.init(.removed, .major)]),
        Case(
            name: "removed experimental", before: item("typed:a", [:], .experimental), after: nil,
            expected: [.init(.removed, .patch, experimental: true)]),
        Case(
            name: "changed breaking attribute", before: item("typed:a", ["type": "Counter"]),
            after: item("typed:a", ["type": "Rate"]), expected: [.init(.changed, .major)]),
        Case(
            name: "changed non-breaking attribute", before: item("typed:a", ["type": "Counter", "unit": "s"]),
            after: item("typed:a", ["type": "Counter", "unit": "ms"]), expected: [.init(.changed, .patch)]),
        Case(
            name: "breaking attribute added", before: item("typed:a", ["unit": "s"]),
            after: item("typed:a", ["unit": "s", "type": "Rate"]), expected: [.init(.changed, .major)]),
        Case(
            name: "any attribute breaks without breaking:", before: item("strict:a", ["env": "A"]),
            after: item("strict:a", ["env": "B"]), expected: [.init(.changed, .major)]),
        Case(
            name: "no attribute breaks with breaking: []", before: item("loose:a", ["type": "int"]),
            after: item("loose:a", ["type": "string"]), expected: [.init(.changed, .patch)]),
        Case(
            name: "changed experimental", before: item("typed:a", ["type": "Counter"], .experimental),
            after: item("typed:a", ["type": "Rate"], .experimental),
            expected: [.init(.changed, .patch, experimental: true)]),
        Case(
            name: "deprecated", before: item("typed:a"), after: item("typed:a", [:], .deprecated),
            expected: [.init(.deprecated, .minor)]),
        Case(
            name: "experimental deprecated", before: item("typed:a", [:], .experimental),
            after: item("typed:a", [:], .deprecated), expected: [.init(.deprecated, .patch, experimental: true)]),
        Case(
            name: "promoted", before: item("typed:a", [:], .experimental), after: item("typed:a"),
            expected: [.init(.promoted, .minor)]),
        Case(
            name: "deprecation withdrawn", before: item("typed:a", [:], .deprecated), after: item("typed:a"),
            expected: [.init(.promoted, .minor)]),
        Case(
            name: "demoted", before: item("typed:a"), after: item("typed:a", [:], .experimental),
            expected: [.init(.demoted, .major)]),
        Case(
            name: "deprecated demoted", before: item("typed:a", [:], .deprecated),
            after: item("typed:a", [:], .experimental), expected: [.init(.demoted, .major)]),
        Case(
            name: "deprecated and changed", before: item("typed:a", ["type": "int"]),
            after: item("typed:a", ["type": "bool"], .deprecated),
            expected: [.init(.changed, .major), .init(.deprecated, .minor)]),
        Case(
            name: "moved only", before: item("typed:a", ["type": "int"], line: 1),
            after: item("typed:a", ["type": "int"], line: 9), expected: []),
    ]

    @Test("each change kind and its bump", arguments: cases)
    func classification(_ testCase: Case) throws {
        let policy = try loadPolicy(Self.policyYAML)
        let changes = SurfaceDiff.changes(
            from: Self.snapshot([testCase.before].compactMap { $0 }),
            to: Self.snapshot([testCase.after].compactMap { $0 }), policy: policy)
        #expect(changes.map { Expected($0.kind, $0.bump, experimental: $0.experimental) } == testCase.expected)
        for change in changes {
            #expect(change.before == testCase.before)
            #expect(change.after == testCase.after)
            #expect(change.id == "\(change.surface):\(change.key)")
        }
    }

    @Test("changed names the differing attributes; location is the new one, else the old one")
    func changedAttributesAndLocation() throws {
        let policy = try loadPolicy(Self.policyYAML)
        let before = Self.snapshot([
            Self.item("typed:kept", ["type": "a", "unit": "s", "env": "X"], line: 3), Self.item("typed:gone", line: 7),
        ])
        let after = Self.snapshot([Self.item("typed:kept", ["type": "b", "unit": "s", "new": "1"], line: 4)])
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(changes.map(\.key) == ["gone", "kept"])
        #expect(changes[0].location == Location(path: "typed.txt", line: 7))
        #expect(changes[1].changedAttributes == ["env", "new", "type"])
        #expect(changes[1].location == Location(path: "typed.txt", line: 4))
    }

    @Test("changes are sorted by surface, key and kind")
    func order() throws {
        let policy = try loadPolicy(Self.policyYAML)
        let before = Self.snapshot([Self.item("typed:b"), Self.item("strict:z"), Self.item("loose:m")])
        let after = Self.snapshot([Self.item("typed:a"), Self.item("strict:y"), Self.item("loose:m")])
        let changes = SurfaceDiff.changes(from: before, to: after, policy: policy)
        #expect(changes.map(\.id) == ["strict:y", "strict:z", "typed:a", "typed:b"])
        #expect(changes.map(\.kind) == [.added, .removed, .added, .removed])
        #expect(SurfaceDiff.changes(from: before, to: before, policy: policy).isEmpty)
    }

    /// Swift's `<` leaves `"e\u{301}"` (e, combining acute) and `"é0"` unordered although they differ, so a sort with
    /// it followed the input's order, which for a hashed dictionary changes from run to run.
    @Test("items and changes with decomposed text come out in one order, by bytes, whatever the input order")
    func decomposedBytewise() throws {
        let policy = try loadPolicy(Self.policyYAML)
        let keys = ["e\u{301}", "\u{e9}0", "\u{e9}A", "f\u{e9}", "d", "e\u{301}x", "\u{e9}b"]
        let expected = ["d", "e\u{301}", "e\u{301}x", "f\u{e9}", "\u{e9}0", "\u{e9}A", "\u{e9}b"]
        let orders = keys.indices.flatMap { start in
            let rotated = Array(keys[start...] + keys[..<start])
            return [rotated, rotated.reversed()]
        }
        for order in orders {
            let snapshot = Self.snapshot(order.map { Self.item("typed:" + $0) })
            #expect(snapshot.sortedItems.map(\.key) == expected)
            let changes = SurfaceDiff.changes(from: snapshot, to: Self.snapshot([]), policy: policy)
            #expect(changes.map(\.key) == expected)
        }
    }

    @Test("what an extractor could not read is neither removed nor added, and the removals are named in a note")
    func uncertain() throws {
        let policy = try loadPolicy(Self.policyYAML)
        let known = ["typed:tool", "typed:tool --verbose", "typed:tool env", "typed:tool env --json", "typed:tool run"]
        let before = Self.snapshot(known.map { Self.item($0) })
        var after = Self.snapshot([Self.item("typed:tool"), Self.item("typed:tool new")])
        after.uncertain["typed"] = ["tool env", "tool ru"]
        let changes = SurfaceDiff.changes(
            from: before, to: after, policy: policy, candidates: nil, trustingUncertain: true)
        // `tool ru` names another command than `tool run`; `tool --verbose` is a flag of the known root.
        #expect(changes.map(\.id) == ["typed:tool --verbose", "typed:tool new", "typed:tool run"])
        // The gate a pull request must pass claims them all (fail closed).
        #expect(SurfaceDiff.changes(from: before, to: after, policy: policy).count == 5)
        let unknown = SurfaceDiff.uncertainRemovals(from: before, to: after, candidates: nil)
        #expect(unknown.map(\.id) == ["typed:tool env", "typed:tool env --json"])
        let note = SurfaceDiff.uncertainRemovalNote(unknown) ?? ""
        #expect(note.hasPrefix("typed:tool env, typed:tool env --json: no longer in the surface"))

        // An item new where the release before could not read it is not claimed added.
        let reverse = SurfaceDiff.changes(
            from: after, to: before, policy: policy, candidates: nil, trustingUncertain: true)
        #expect(reverse.map(\.id) == ["typed:tool --verbose", "typed:tool new", "typed:tool run"])
        #expect(reverse.map(\.kind) == [.added, .removed, .added])
        #expect(SurfaceDiff.uncertainRemovals(from: after, to: before, candidates: nil).isEmpty)
    }

    @Test("items under a root keyed by guess, found with words before them later, are compared as one in audit")
    func unplacedRoots() throws {
        let policy = try loadPolicy(Self.policyYAML)
        let flag = ["type": "bool"]
        // `apply` was handed to AddCommand on a command not read: keyed as a root by guess.
        var before = Self.snapshot([
            Self.item("typed:apply"), Self.item("typed:apply --bare", flag), Self.item("typed:apply --gone", flag),
            Self.item("typed:apply --kind", flag),
        ])
        before.addUncertain([SurfaceSnapshot.unplacedMark("apply")], surface: "typed")
        // The command it was added to is read now.
        let after = Self.snapshot([
            Self.item("typed:tool"), Self.item("typed:tool --verbose", flag), Self.item("typed:tool deps"),
            Self.item("typed:tool apply"), Self.item("typed:tool apply --bare", flag),
            Self.item("typed:tool apply --kind", ["type": "string"]), Self.item("typed:tool apply --new", flag),
        ])
        let trusted = SurfaceDiff.changes(
            from: before, to: after, policy: policy, candidates: nil, trustingUncertain: true)
        // A flag gone from the command, wherever it is, is gone; one new in it is new; one changed is changed.
        #expect(
            trusted.map { "\($0.kind) \($0.id)" } == [
                "removed typed:apply --gone", "changed typed:tool apply --kind", "added typed:tool apply --new",
            ])
        #expect(trusted.map(\.bump) == [.major, .major, .minor])
        // The gate a pull request must pass claims every difference (fail closed).
        #expect(SurfaceDiff.changes(from: before, to: after, policy: policy).count == 11)
        let notes = SurfaceDiff.unplacedNotes(from: before, to: after, candidates: nil)
        #expect(notes.count == 2, "\(notes)")
        #expect(
            notes.first?.hasPrefix(
                "typed:apply is typed:tool apply, typed:apply --bare is typed:tool apply --bare, typed:apply --kind is "
                    + "typed:tool apply --kind: keyed under a root guessed on one side") == true, "\(notes)")
        #expect(
            notes.last?.hasPrefix(
                "typed:tool, typed:tool --verbose, typed:tool deps: new in the surface, under a command the release "
                    + "before did not read") == true, "\(notes)")
        #expect(notes.last?.contains("cannot tell whether they are new") == true)

        // The other way (the command leaves the files read): the same, with removals not known.
        let reverse = SurfaceDiff.changes(
            from: after, to: before, policy: policy, candidates: nil, trustingUncertain: true)
        #expect(
            reverse.map { "\($0.kind) \($0.id)" } == [
                "added typed:apply --gone", "changed typed:apply --kind", "removed typed:tool apply --new",
            ])
        let reverseNotes = SurfaceDiff.unplacedNotes(from: after, to: before, candidates: nil)
        #expect(
            reverseNotes.last?.hasPrefix(
                "typed:tool, typed:tool --verbose, typed:tool deps: no longer in the surface, under a command not read "
                    + "here") == true, "\(reverseNotes)")

        // A root keyed by guess on both sides (a program's root that it also attaches elsewhere) keys its items
        // alike: a flag it drops is removed, audit or not.
        var kept = Self.snapshot([Self.item("typed:apply"), Self.item("typed:apply --bare", flag)])
        kept.addUncertain([SurfaceSnapshot.unplacedMark("apply")], surface: "typed")
        #expect(!kept.isUncertain(id: "typed:apply --gone"))
        let dropped = SurfaceDiff.changes(
            from: before, to: kept, policy: policy, candidates: nil, trustingUncertain: true)
        #expect(dropped.map(\.id) == ["typed:apply --gone", "typed:apply --kind"])
        #expect(dropped.allSatisfy { $0.kind == .removed })
        #expect(SurfaceDiff.unplacedNotes(from: before, to: kept, candidates: nil).isEmpty)

        // Guessed roots handed to unread code together with a command read on their side (`groups.Add(root)`) may be
        // under it: matched there in audit, while what else is gone from that command is still claimed.
        let direct = Self.snapshot([
            Self.item("typed:tool"), Self.item("typed:tool --verbose", flag), Self.item("typed:tool apply"),
            Self.item("typed:tool apply --bare", flag),
        ])
        var handed = Self.snapshot([
            Self.item("typed:tool"), Self.item("typed:apply"), Self.item("typed:apply --bare", flag),
        ])
        handed.addUncertain(
            [SurfaceSnapshot.unplacedMark("apply"), SurfaceSnapshot.unplacedParentMark("tool")], surface: "typed")
        #expect(handed.unplacedParents["typed"] == ["tool"] && handed.unplacedRoots(of: "typed") == ["apply"])
        let regrouped = SurfaceDiff.changes(
            from: direct, to: handed, policy: policy, candidates: nil, trustingUncertain: true)
        #expect(regrouped.map { "\($0.kind) \($0.id)" } == ["removed typed:tool --verbose"])
        #expect(SurfaceDiff.changes(from: direct, to: handed, policy: policy).count == 5)
        var unhanded = handed
        unhanded.unplacedParents = [:]
        #expect(
            SurfaceDiff.changes(from: direct, to: unhanded, policy: policy, candidates: nil, trustingUncertain: true)
                .count == 5)

        // A command of the same name that was read beside the guessed root is another command: the guessed root
        // gone, its items are claimed removed.
        var beside = before
        beside.items["typed:tool"] = Self.item("typed:tool")
        beside.items["typed:tool apply"] = Self.item("typed:tool apply")
        let other = Self.snapshot([
            Self.item("typed:tool"), Self.item("typed:tool apply"), Self.item("typed:tool apply --bare", flag),
        ])
        let gone = SurfaceDiff.changes(from: beside, to: other, policy: policy, candidates: nil, trustingUncertain: true)
        #expect(
            gone.map { "\($0.kind) \($0.id)" } == [
                "removed typed:apply", "removed typed:apply --bare", "removed typed:apply --gone",
                "removed typed:apply --kind", "added typed:tool apply --bare",
            ])
    }

    /// `apply` keyed by guess in `after` (added by a helper to a command that could not be followed).
    private static func guessing(_ ids: [String]) -> SurfaceSnapshot {
        var result = Self.snapshot(ids.map { Self.item($0, $0.contains(" --") ? ["type": "bool"] : [:]) })
        result.addUncertain([SurfaceSnapshot.unplacedMark("apply")], surface: "typed")
        return result
    }

    private static func audit(_ before: SurfaceSnapshot, _ after: SurfaceSnapshot) throws -> [String] {
        let policy = try loadPolicy(policyYAML)
        return SurfaceDiff.changes(from: before, to: after, policy: policy, candidates: nil, trustingUncertain: true)
            .map { "\($0.kind) \($0.id)" }
    }

    @Test("a subcommand deleted from a read root is claimed, though a helper adds one of its children by guess")
    func unplacedRootUnderReadCommand() throws {
        let flag = ["type": "bool"]
        let before = Self.snapshot([
            Self.item("typed:tool"), Self.item("typed:tool other"), Self.item("typed:tool sub"),
            Self.item("typed:tool sub --x", flag), Self.item("typed:tool sub keep"), Self.item("typed:tool sub apply"),
            Self.item("typed:tool sub apply --bare", flag),
        ])
        // `tool` is read and has no `sub`: the subtree is gone, not unread.
        let after = Self.guessing(["typed:tool", "typed:tool other", "typed:apply", "typed:apply --bare"])
        #expect(
            try Self.audit(before, after) == [
                "added typed:apply", "added typed:apply --bare", "removed typed:tool sub", "removed typed:tool sub --x",
                "removed typed:tool sub apply", "removed typed:tool sub apply --bare", "removed typed:tool sub keep",
            ])
        #expect(SurfaceDiff.unplacedNotes(from: before, to: after, candidates: nil).isEmpty)
        // The other way too: what is new under the read `tool` is claimed added.
        #expect(try Self.audit(after, before).count == 7)

        // `tool sub` stays read without `apply`; a dead helper still adds `apply` somewhere: moved out, claimed.
        let kept = Self.snapshot([
            Self.item("typed:tool"), Self.item("typed:tool sub"), Self.item("typed:tool sub --y", flag),
            Self.item("typed:tool sub apply"), Self.item("typed:tool sub apply --watch", flag),
        ])
        let out = Self.guessing([
            "typed:tool", "typed:tool sub", "typed:tool sub --y", "typed:apply", "typed:apply --watch",
        ])
        #expect(
            try Self.audit(kept, out) == [
                "added typed:apply", "added typed:apply --watch", "removed typed:tool sub apply",
                "removed typed:tool sub apply --watch",
            ])
    }

    @Test("a root keyed by guess found under two parents later is not matched to either: its removals are claimed")
    func unplacedRootAmbiguous() throws {
        let before = Self.guessing(["typed:apply", "typed:apply --bare", "typed:apply --watch"])
        let after = Self.snapshot([
            Self.item("typed:tool"), Self.item("typed:tool apply"), Self.item("typed:tool apply --bare", ["type": "bool"]),
            Self.item("typed:tool other"), Self.item("typed:tool other apply"),
            Self.item("typed:tool other apply --watch", ["type": "bool"]),
        ])
        let changes = try Self.audit(before, after)
        for id in ["typed:apply", "typed:apply --bare", "typed:apply --watch"] {
            #expect(changes.contains("removed \(id)"), "\(changes)")
        }
        #expect(changes.filter { $0.hasPrefix("added ") }.count == 6, "\(changes)")
        #expect(SurfaceDiff.unplacedNotes(from: before, to: after, candidates: nil).isEmpty)
    }

    @Test("a root keyed by guess is never matched to a flag of the other release")
    func unplacedRootNamedLikeFlag() throws {
        let policy = try loadPolicy(Self.policyYAML)
        let flag = ["type": "bool"]
        let before = Self.snapshot([
            Self.item("typed:tool"), Self.item("typed:tool sub"), Self.item("typed:tool sub --x", flag),
        ])
        // A dead helper adds a command whose Use is `--x`: keyed as a guessed root.
        var after = Self.snapshot([Self.item("typed:tool"), Self.item("typed:tool sub"), Self.item("typed:--x")])
        after.addUncertain([SurfaceSnapshot.unplacedMark("--x")], surface: "typed")
        let changes = SurfaceDiff.changes(
            from: before, to: after, policy: policy, candidates: nil, trustingUncertain: true)
        #expect(changes.map { "\($0.kind) \($0.id)" } == ["added typed:--x", "removed typed:tool sub --x"])
        #expect(changes.last?.bump == .major)
        #expect(SurfaceDiff.unplacedNotes(from: before, to: after, candidates: nil).isEmpty)
    }
}
