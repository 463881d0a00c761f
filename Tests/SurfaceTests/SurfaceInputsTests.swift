import Foundation
import Git
import Policy
import Testing
import TestSupport

@testable import Surface

/// A reader that starts from the last revision it read merges again only what changed, and the diff compares only the
/// items whose inputs changed: both must give exactly what reading and comparing everything gives.
@Suite("Surface inputs: cost follows change, with the same items and changes as a full read")
struct SurfaceInputsTests {
    private static let policy = """
        semgate: 1
        project: inputs
        surfaces:
          names:
            extract:
              - regex:
                  files: ["data/*.txt"]
                  pattern: '(?m)^(?<name>[a-z0-9]+)=(?<type>[a-z]+)(?<deprecated> old)?$'
              - list: policy/names.txt
            exclude: ["skip*"]
            breaking: [type]
          flags:
            extract:
              regex: {files: ["data/*.txt", "more/*.txt"], pattern: '(?m)^--(?<name>[a-z]+)$'}
        experimental: ["names:exp*"]
        deprecations:
          - {item: "names:a1", since: 1.3.0}
        """

    /// A history whose files change at random: lines edited, files added, removed and renamed, names repeated across
    /// files (the first file's attributes win), every revision tagged.
    private func history(seed: UInt64, commits: Int) throws -> (FixtureRepository, [String]) {
        var random = SplitMix64(seed: seed)
        func pick(_ choices: [String]) -> String { choices[Int.random(in: 0..<choices.count, using: &random)] }
        let names = ["a1", "a2", "b1", "b2", "exp1", "skip1", "c1", "c2", "d1"]
        let types = ["int", "str", "bool"]
        func file() -> String {
            (0..<Int.random(in: 1...5, using: &random)).map { _ in
                Int.random(in: 0..<4, using: &random) == 0
                    ? "--" + pick(["x", "y", "z"])
                    : pick(names) + "=" + pick(types)
                        + (Int.random(in: 0..<6, using: &random) == 0 ? " old" : "")
            }.joined(separator: "\n") + "\n"
        }
        var files: [String: String] = [
            "data/f0.txt": file(), "data/f1.txt": file(), "policy/names.txt": "a1 type=int\n",
        ]
        var snapshots: [FixtureRepository.Snapshot] = []
        var tags: [String] = []
        for index in 0..<commits {
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let paths = files.keys.filter { !$0.hasPrefix("policy/") }.sorted()
                switch Int.random(in: 0..<5, using: &random) {
                case 0: files["data/f\(Int.random(in: 0..<5, using: &random)).txt"] = file()
                case 1: if let path = paths.randomElement(using: &random), paths.count > 1 { files[path] = nil }
                case 2:
                    if let path = paths.randomElement(using: &random) {
                        let text = files.removeValue(forKey: path)
                        files[pick(["data/", "more/"]) + "g\(index).txt"] = text
                    }
                case 3: files["policy/names.txt"] = pick(names) + " type=str\n"
                default: if let path = paths.randomElement(using: &random) { files[path] = file() }
                }
            }
            let tag = "v1.\(index).0"
            tags.append(tag)
            snapshots.append(.init(files: files, message: "release \(index)", tags: [tag]))
        }
        let repo = try FixtureRepository()
        try repo.importCommits(snapshots)
        return (repo, tags)
    }

    @Test("a reader reading revisions in any order gives each the items a fresh reader gives", arguments: [1, 2, 3])
    func incrementalMergeIsExact(seed: UInt64) throws {
        let (fixture, tags) = try history(seed: seed, commits: 14)
        let repository = try Repository(discovering: fixture.url.path)
        let policy = try loadPolicy(Self.policy)
        let reader = SurfaceReader(repository: repository, policy: policy)
        var random = SplitMix64(seed: seed * 31)
        let order = tags + tags.shuffled(using: &random)
        for tag in order {
            let commit = try repository.resolve(tag)
            let incremental = try reader.snapshot(at: commit)
            let full = try SurfaceReader(repository: repository, policy: policy).snapshot(at: commit)
            #expect(incremental.items == full.items, "\(tag)")
        }
    }

    @Test("the diff of the changed ids alone gives every change a full comparison gives", arguments: [4, 5])
    func diffOfChangedIDsIsExact(seed: UInt64) throws {
        let (fixture, tags) = try history(seed: seed, commits: 12)
        let repository = try Repository(discovering: fixture.url.path)
        let policy = try loadPolicy(Self.policy)
        let reader = SurfaceReader(repository: repository, policy: policy)
        let snapshots = try tags.map { tag in try reader.snapshot(at: try repository.resolve(tag)) }
        var compared = 0
        for (before, after) in zip(snapshots, snapshots.dropFirst()) + [(snapshots[0], snapshots[snapshots.count - 1])]
        {
            var plainBefore = before
            var plainAfter = after
            plainBefore.inputs = nil
            plainAfter.inputs = nil
            let changed = try #require(after.changedIDs(since: before))
            let full = SurfaceDiff.changes(from: plainBefore, to: plainAfter, policy: policy)
            #expect(SurfaceDiff.changes(from: before, to: after, policy: policy) == full)
            #expect(Set(full.map(\.id)).isSubset(of: changed))
            compared += full.count
        }
        #expect(compared > 0)
    }

    @Test(
        "readers of disjoint sets of surfaces, in any order, combined give what one reader gives, and the same diff",
        arguments: [6, 7])
    func partsCombineExactly(seed: UInt64) throws {
        let (fixture, tags) = try history(seed: seed, commits: 12)
        let repository = try Repository(discovering: fixture.url.path)
        let policy = try loadPolicy(Self.policy)
        let groups = SurfacePartition.groups(of: policy, count: 2)
        #expect(groups.count == 2)
        #expect(groups.reduce(Set<String>()) { $0.union($1) } == Set(policy.surfaces.map(\.name)))
        let budgets = SurfaceReader.RunBudgets()
        let readers = groups.map { group in
            SurfaceReader(repository: repository, policy: policy, surfaces: group, budgets: budgets)
        }
        var random = SplitMix64(seed: seed * 17)
        let order = tags + tags.shuffled(using: &random)
        var previous: (combined: SurfaceSnapshot, full: SurfaceSnapshot)?
        for tag in order {
            let commit = try repository.resolve(tag)
            let parts = try readers.map { reader in try reader.snapshot(at: commit) }
            let combined = try #require(SurfaceSnapshot.combining(parts, policy: policy))
            let full = try SurfaceReader(repository: repository, policy: policy).snapshot(at: commit)
            #expect(combined.items == full.items, "\(tag)")
            #expect(combined.notes == full.notes, "\(tag)")
            #expect(combined.problems == full.problems, "\(tag)")
            #expect(combined.incomplete == full.incomplete, "\(tag)")
            if let previous {
                #expect(
                    SurfaceDiff.changes(from: previous.combined, to: combined, policy: policy)
                        == SurfaceDiff.changes(from: previous.full, to: full, policy: policy), "\(tag)")
            }
            previous = (combined, full)
        }
    }

    @Test("an unchanged revision has no changed ids; an adjusted item is one")
    func unchangedRevision() throws {
        let (fixture, tags) = try history(seed: 9, commits: 2)
        let repository = try Repository(discovering: fixture.url.path)
        let reader = SurfaceReader(repository: repository, policy: try loadPolicy(Self.policy))
        let first = try reader.snapshot(at: try repository.resolve(tags[0]))
        var again = try reader.snapshot(at: try repository.resolve(tags[0]))
        #expect(again.changedIDs(since: first) == [])
        again.inputs?.adjusted.insert("names:a1")
        #expect(again.changedIDs(since: first) == ["names:a1"])
        #expect(SurfaceSnapshot().changedIDs(since: first) == nil)
    }

    @Test("cobra hands over a group a command: a release that changes one command's flags changes only its ids")
    func cobraGroupsFollowCommands() throws {
        func command(_ name: String, flags: [String]) -> String {
            """
            package cmd

            import "github.com/spf13/cobra"

            func new\(name.capitalized)() *cobra.Command {
                c := &cobra.Command{Use: "\(name)", Aliases: []string{"\(name)x"}}
            \(flags.map { "    c.Flags().Bool(\"\($0)\", false, \"\")" }.joined(separator: "\n"))
                return c
            }
            """
        }
        let root = """
            package cmd

            import "github.com/spf13/cobra"

            func Root() *cobra.Command {
                root := &cobra.Command{Use: "tool"}
                root.AddCommand(newGet(), newPut())
                return root
            }
            """
        let policy = try loadPolicy(
            """
            semgate: 1
            surfaces:
              cli:
                extract:
                  cobra: {files: ["cmd/*.go"], root: tool}
            """)
        let fixture = try FixtureRepository()
        try fixture.importCommits([
            .init(
                files: [
                    "cmd/root.go": root, "cmd/get.go": command("get", flags: ["all"]),
                    "cmd/put.go": command("put", flags: ["force"]),
                ], message: "one", tags: ["v1.0.0"]),
            .init(
                files: [
                    "cmd/root.go": root, "cmd/get.go": command("get", flags: ["all"]),
                    "cmd/put.go": command("put", flags: ["force", "dry-run"]),
                ], message: "two", tags: ["v1.1.0"]),
        ])
        let repository = try Repository(discovering: fixture.url.path)
        let reader = SurfaceReader(repository: repository, policy: policy)
        let before = try reader.snapshot(at: try repository.resolve("v1.0.0"))
        let after = try reader.snapshot(at: try repository.resolve("v1.1.0"))
        #expect(
            after.items
                == (try SurfaceReader(repository: repository, policy: policy).snapshot(
                    at: try repository.resolve("v1.1.0"))).items)
        // The put command and its alias path are handed over again (a flag was added); get and the root are not.
        #expect(
            after.changedIDs(since: before)
                == [
                    "cli:tool put", "cli:tool put --force", "cli:tool put --dry-run", "cli:tool putx",
                    "cli:tool putx --force", "cli:tool putx --dry-run",
                ])
        var plainBefore = before
        var plainAfter = after
        plainBefore.inputs = nil
        plainAfter.inputs = nil
        let full = SurfaceDiff.changes(from: plainBefore, to: plainAfter, policy: policy)
        #expect(SurfaceDiff.changes(from: before, to: after, policy: policy) == full)
        #expect(full.map(\.id).sorted() == ["cli:tool put --dry-run", "cli:tool putx --dry-run"])
    }
}

/// go-api's comparison works out apidiff's correspondence of renamed unexported types from the items whose inputs
/// changed only (`SurfaceComparison.candidates`): over random histories of renames, aliases and edits across packages,
/// the diff must be the one that compares every item.
@Suite("go-api correspondence from the changed ids: the same changes as from every item")
struct GoCorrespondenceCandidatesTests {
    private static let policy = """
        semgate: 1
        project: renames
        surfaces:
          api:
            extract:
              go-api: {}
        """

    /// One package's source: unexported types under random names, exported items that use them, and aliases.
    private static func package(_ name: String, using random: inout SplitMix64) -> String {
        func pick(_ choices: [String]) -> String { choices[Int.random(in: 0..<choices.count, using: &random)] }
        let unexported = ["u1", "u2", "u3", "w1"].shuffled(using: &random).prefix(2)
        var lines = ["package \(name)", ""]
        for type in unexported {
            lines.append("type \(type) " + pick(["int", "string", "struct{ A int }", "struct{ A, B int }"]))
        }
        for index in 0..<Int.random(in: 1...4, using: &random) {
            let type = pick(Array(unexported))
            switch Int.random(in: 0..<4, using: &random) {
            case 0: lines.append("var V\(index) \(type)")
            case 1: lines.append("func F\(index)(\(type)) \(pick(Array(unexported) + ["int"])) { return 0 }")
            case 2: lines.append("type T\(index) = \(type)")
            default: lines.append("type S\(index) struct{ F \(type) }")
            }
        }
        if Bool.random(using: &random) { lines.append("type Old = New\ntype New " + pick(["int", "string"])) }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the diff from the changed ids equals the diff of every item", arguments: [11, 12, 13])
    func sameChanges(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let packages = ["a", "b", "c", "d"]
        var files: [String: String] = ["go.mod": "module example.com/m\n\ngo 1.21\n"]
        for name in packages { files["\(name)/\(name).go"] = Self.package(name, using: &random) }
        var snapshots: [FixtureRepository.Snapshot] = []
        var tags: [String] = []
        for index in 0..<10 {
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let name = packages[Int.random(in: 0..<packages.count, using: &random)]
                files["\(name)/\(name).go"] = Self.package(name, using: &random)
            }
            tags.append("v1.\(index).0")
            snapshots.append(.init(files: files, message: "release \(index)", tags: [tags[tags.count - 1]]))
        }
        let fixture = try FixtureRepository()
        try fixture.importCommits(snapshots)
        let repository = try Repository(discovering: fixture.url.path)
        let policy = try loadPolicy(Self.policy)
        let reader = SurfaceReader(repository: repository, policy: policy)
        let read = try tags.map { tag in try reader.snapshot(at: try repository.resolve(tag)) }
        var patches = 0
        var narrowed = 0
        for (before, after) in zip(read, read.dropFirst()) + [(read[0], read[read.count - 1])] {
            var plainBefore = before
            var plainAfter = after
            plainBefore.inputs = nil
            plainAfter.inputs = nil
            let changed = try #require(after.changedIDs(since: before))
            if changed.count < after.items.count { narrowed += 1 }
            let full = SurfaceDiff.changes(from: plainBefore, to: plainAfter, policy: policy)
            #expect(SurfaceDiff.changes(from: before, to: after, policy: policy) == full)
            patches += full.filter { $0.kind == .changed && $0.bump == .patch }.count
        }
        // Renames that correspond (a patch) happen, and some comparisons see only some items.
        #expect(patches > 0)
        #expect(narrowed > 0)
    }
}
