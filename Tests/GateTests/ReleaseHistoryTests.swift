import CLibgit2
import Foundation
import Policy
import Releases
import SemVer
import Testing

@testable import Git

@Suite("ReleaseHistory from tag references")
struct ReleaseHistoryTests {
    /// A commit id made of one repeated hexadecimal digit; `ObjectID`s can only come from libgit2, so they are read
    /// from a fixed, made-up SHA here.
    private static func commit(_ digit: Character) -> ObjectID {
        var oid = git_oid()
        _ = git_oid_fromstr(&oid, String(repeating: digit, count: 40))
        return ObjectID(oid)
    }

    private static func tag(
        _ name: String, _ digit: Character = "a", day: Int = 1, annotatedDay: Int? = nil
    ) -> TagReference {
        let commitDate = Date(timeIntervalSince1970: TimeInterval(1_704_067_200 + day * 86_400))
        return TagReference(
            name: name, commit: commit(digit), peeledKind: nil, annotated: annotatedDay != nil,
            taggerDate: annotatedDay.map { Date(timeIntervalSince1970: TimeInterval(1_704_067_200 + $0 * 86_400)) },
            commitDate: commitDate)
    }

    private static func policy(tag template: String = "v{version}", ignore: [String] = []) throws -> ReleasePolicy {
        ReleasePolicy(tag: try TagTemplate(template), ignore: try ignore.map { try Glob($0) })
    }

    @Test("tags that do not match the template or match an ignore glob are not releases; order is precedence")
    func templateAndIgnore() throws {
        let tags = [
            Self.tag("v1.10.0"), Self.tag("v1.2.0"), Self.tag("v1.4.1-release-candidate"), Self.tag("deploy/prod"),
            Self.tag("1.5.0"), Self.tag("v1.9.0-rc.1"), Self.tag("v1.9.0"),
        ]
        let history = ReleaseHistory(tags: tags, policy: try Self.policy(ignore: ["v1.4.1-release*"]))
        #expect(history.releases.map(\.tag) == ["v1.2.0", "v1.9.0-rc.1", "v1.9.0", "v1.10.0"])
        #expect(history.findings.isEmpty)
        #expect(history.notes.isEmpty)
    }

    @Test("predecessors, computed in one pass, is predecessor(of:) of every release")
    func predecessorsInOnePass() throws {
        let tags = [
            "v0.9.0", "v1.0.0-rc.1", "v1.0.0-rc.2", "v1.0.0", "v1.0.0+build.1", "v1.0.1", "v1.1.0-beta",
            "v2.0.0-rc.1", "v1.1.0", "v2.0.0", "v2.0.0+a", "v2.0.0+b", "v1.8.0", "v2.1.0-rc.1", "v3.0.0-alpha",
        ].map { Self.tag($0) }
        let history = ReleaseHistory(tags: tags, policy: try Self.policy())
        #expect(history.releases.count == 12)
        #expect(
            history.predecessors.map { $0?.tag } == history.releases.map { history.predecessor(of: $0.version)?.tag })
        #expect(history.predecessors.map { $0?.tag ?? "-" }.filter { $0 == "v1.8.0" }.count == 2)
    }

    @Test("a monorepo template cli/v{version} keeps only that component's tags")
    func monorepoTemplate() throws {
        let tags = [Self.tag("cli/v1.0.0"), Self.tag("cli/v1.1.0"), Self.tag("lib/v3.0.0"), Self.tag("v9.0.0")]
        let history = ReleaseHistory(tags: tags, policy: try Self.policy(tag: "cli/v{version}"))
        #expect(history.releases.map(\.tag) == ["cli/v1.0.0", "cli/v1.1.0"])
        #expect(history.releases.map(\.version.description) == ["1.0.0", "1.1.0"])
        #expect(history.release(tagged: "cli/v1.1.0")?.version == (try version("1.1.0")))
    }

    @Test("tag-not-semver: a matching tag whose version is not strict SemVer is reported, not a release")
    func tagNotSemver() throws {
        let history = ReleaseHistory(
            tags: [Self.tag("v2.1"), Self.tag("v01.2.3"), Self.tag("v2.1.0")], policy: try Self.policy())
        #expect(history.releases.map(\.tag) == ["v2.1.0"])
        #expect(history.findings.map(\.rule) == [.tagNotSemver, .tagNotSemver])
        #expect(history.findings.map(\.tag) == ["v01.2.3", "v2.1"])
        #expect(history.findings.allSatisfy { $0.message.contains("matches 'v{version}'") })
    }

    @Test("duplicate-version: of two equal-precedence tags the one without build metadata is kept")
    func duplicateVersion() throws {
        let history = ReleaseHistory(
            tags: [Self.tag("v1.0.0+build.1"), Self.tag("v1.0.0"), Self.tag("v1.1.0")], policy: try Self.policy())
        #expect(history.releases.map(\.tag) == ["v1.0.0", "v1.1.0"])
        #expect(history.findings.map(\.rule) == [.duplicateVersion])
        #expect(history.findings.first?.tag == "v1.0.0+build.1")
    }

    @Test("the predecessor is the greatest lower final release, whatever the dates")
    func predecessorIgnoresDates() throws {
        let tags = [
            Self.tag("v1.7.0", "1", day: 10), Self.tag("v1.7.2", "2", day: 20), Self.tag("v2.0.0", "3", day: 30),
            Self.tag("v1.8.0", "4", day: 40), Self.tag("v2.1.0-rc.1", "5", day: 50), Self.tag("v2.1.0", "6", day: 60),
        ]
        let history = ReleaseHistory(tags: tags, policy: try Self.policy())
        #expect(history.predecessor(of: try version("1.8.0"))?.tag == "v1.7.2")
        #expect(history.predecessor(of: try version("2.0.0"))?.tag == "v1.8.0")
        // Pre-releases are never predecessors; a pre-release's predecessor is the final release below it.
        #expect(history.predecessor(of: try version("2.1.0"))?.tag == "v2.0.0")
        #expect(history.predecessor(of: try version("2.1.0-rc.1"))?.tag == "v2.0.0")
        #expect(history.predecessor(of: try version("2.1.0-rc.2"))?.tag == "v2.0.0")
        #expect(history.predecessor(of: try version("1.7.0")) == nil)
        #expect(history.predecessor(of: try version("3.0.0"))?.tag == "v2.1.0")
    }

    @Test("dates: the tagger date of an annotated tag, else the committer date")
    func dates() throws {
        let history = ReleaseHistory(
            tags: [Self.tag("v1.0.0", day: 5, annotatedDay: 7), Self.tag("v1.1.0", day: 9)], policy: try Self.policy())
        let annotated = try #require(history.release(tagged: "v1.0.0"))
        #expect(annotated.dateSource == .tagger)
        #expect(annotated.date == Date(timeIntervalSince1970: 1_704_067_200 + 7 * 86_400))
        let lightweight = try #require(history.release(tagged: "v1.1.0"))
        #expect(lightweight.dateSource == .committer)
        #expect(lightweight.date == Date(timeIntervalSince1970: 1_704_067_200 + 9 * 86_400))
    }

    @Test("a tag of a tree is skipped with a note")
    func treeTag() throws {
        let tree = TagReference(
            name: "v3.0.0", commit: nil, peeledKind: "tree", annotated: false, taggerDate: nil, commitDate: nil)
        let history = ReleaseHistory(tags: [tree, Self.tag("v1.0.0")], policy: try Self.policy())
        #expect(history.releases.map(\.tag) == ["v1.0.0"])
        #expect(history.notes == ["tag 'v3.0.0' points at a tree, not a commit; skipped"])
    }

    /// The history each commit digit belongs to in the tests of unrelated histories: digits of one group share it.
    private static func unrelated(
        _ tags: [(String, Character)], head: Character?, groups: [Set<Character>]
    ) throws -> (left: [String], notes: [String]) {
        let history = ReleaseHistory(tags: tags.map { Self.tag($0.0, $0.1) }, policy: try Self.policy())
        let all = Array("0123456789abcdef")
        let group = { (id: ObjectID) -> Int in
            groups.firstIndex { $0.contains { Self.commit($0) == id } } ?? 100 + (all.firstIndex { Self.commit($0) == id } ?? 0)
        }
        let found = history.unrelated(head: head.map(Self.commit)) { commits in commits.map(group) }
        return (found.releases.map(\.tag), found.notes)
    }

    @Test("another project's tags, interleaved with the project's and sharing no commit with them or HEAD, are left out")
    func unrelatedHistoryLeftOut() throws {
        let tags: [(String, Character)] = [
            ("v1.0.0", "a"), ("v1.1.0", "b"), ("v1.1.1", "e"), ("v1.1.2", "f"), ("v1.2.0", "c"), ("v1.3.0", "d"),
        ]
        let groups: [Set<Character>] = [["a", "b", "c", "d", "9"], ["e", "f"]]
        let (left, notes) = try Self.unrelated(tags, head: "9", groups: groups)
        #expect(left == ["v1.1.1", "v1.1.2"])
        #expect(
            notes == [
                "2 release tags ('v1.1.1' and 'v1.1.2') share no commit with the other 4 releases ('v1.0.0', 'v1.1.0', "
                    + "'v1.2.0' and 'v1.3.0') or with HEAD: another project's tags? Not judged, and no release is "
                    + "judged against them; if they are releases of this project, its history has to join the "
                    + "others'; else list them in releases.ignore"
            ])
        // HEAD on the other history, or on none: nothing is left out, and the note says why.
        for head in ["e", "7"] as [Character] {
            let (kept, why) = try Self.unrelated(tags, head: head, groups: groups + [["7"]])
            #expect(kept.isEmpty)
            #expect(why.count == 1 && why[0].contains("HEAD does not share the one with the most releases"), "\(why)")
        }
        // As many releases in each: nothing is left out.
        let even = try Self.unrelated(Array(tags.prefix(4)), head: "a", groups: groups)
        #expect(even.left.isEmpty && even.notes.first?.contains("none with more releases than the others") == true)
    }

    @Test("an earlier history of the project, all before its first release, is kept; one history leaves out nothing")
    func earlierHistoryKept() throws {
        let tags: [(String, Character)] = [("v0.1.0", "e"), ("v0.2.0", "f"), ("v1.0.0", "a"), ("v1.1.0", "b"), ("v1.2.0", "c")]
        let rewritten = try Self.unrelated(tags, head: "c", groups: [["a", "b", "c"], ["e", "f"]])
        #expect(rewritten.left.isEmpty && rewritten.notes.isEmpty)
        let one = try Self.unrelated(tags, head: "c", groups: [["a", "b", "c", "e", "f"]])
        #expect(one.left.isEmpty && one.notes.isEmpty)
    }

    @Test("releases from more histories than are told apart: nothing is left out, a note says so")
    func tooManyHistories() throws {
        let digits = Array("0123456789")
        let tags = digits.enumerated().map { ("v1.\($0.offset).0", $0.element) }
        let (left, notes) = try Self.unrelated(tags, head: "0", groups: digits.map { [$0] })
        #expect(left.isEmpty)
        #expect(notes == ["the release tags come from more than 8 histories that share no commit; all are judged (list other projects' tags in releases.ignore)"])
    }
}
