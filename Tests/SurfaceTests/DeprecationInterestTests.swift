import Testing

@testable import Surface

/// `deprecations` keeps one interest through a history and changes it by what changed between two releases: a key
/// watched for two reasons stays watched until both are undone, and a package's members are watched while one key
/// below it is.
@Suite("Deprecation interest: watched keys as they change")
struct DeprecationInterestTests {
    @Test("watch and unwatch count, by surface, with the parts of a key before a dot")
    func counts() {
        var interest = DeprecationInterest.marksOnly
        #expect(!interest.watchesAny(in: "api"))
        interest.watch("api:example.com/m/a.T.Method")
        interest.watch("api:example.com/m/a.T.Method")
        interest.watch("cli:tool run --flag")
        interest.watch("no colon is no item")
        #expect(interest.watchesAny(in: "api") && interest.watchesAny(in: "cli"))
        for key in ["example.com/m/a", "example.com/m/a.T", "example.com/m/a.T.Method"] {
            #expect(interest.watches(in: "api", itselfOrMembersOf: key))
        }
        #expect(!interest.watches(in: "api", itselfOrMembersOf: "example.com/m"))
        #expect(!interest.watches(in: "api", itselfOrMembersOf: "example.com/m/b"))
        #expect(!interest.watches(in: "cli", itselfOrMembersOf: "example.com/m/a"))
        // Watched twice: one unwatch leaves it watched, the second lets it go, a third changes nothing.
        interest.unwatch("api:example.com/m/a.T.Method")
        #expect(interest.watches(in: "api", itselfOrMembersOf: "example.com/m/a"))
        interest.unwatch("api:example.com/m/a.T.Method")
        interest.unwatch("api:example.com/m/a.T.Method")
        #expect(!interest.watchesAny(in: "api"))
        #expect(!interest.watches(in: "api", itselfOrMembersOf: "example.com/m/a"))
        #expect(interest.watches(in: "cli", itselfOrMembersOf: "tool run --flag"))
        // Two keys of one package: the package stays watched while either is.
        interest.watch("api:example.com/m/b.F")
        interest.watch("api:example.com/m/b.G")
        interest.unwatch("api:example.com/m/b.F")
        #expect(interest.watches(in: "api", itselfOrMembersOf: "example.com/m/b"))
        #expect(!interest.watches(in: "api", itselfOrMembersOf: "example.com/m/b.F"))
    }

    @Test("built from ids, a key named twice is watched once")
    func fromIDs() {
        var interest = DeprecationInterest(watchedIDs: ["api:p.F", "api:p.F", "api:q.G"])
        interest.unwatch("api:p.F")
        #expect(!interest.watches(in: "api", itselfOrMembersOf: "p"))
        #expect(interest.watches(in: "api", itselfOrMembersOf: "q"))
    }
}
