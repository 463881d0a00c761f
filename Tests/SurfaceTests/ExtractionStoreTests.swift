import Foundation
import Git
import Limits
import Policy
import TestSupport
import Testing

@testable import Surface

/// The persistent extraction cache: a warm read equals a cold one and one without a cache, for every kind; damaged,
/// foreign and planted files are ignored; a key that left out the settings, a file or a package read would fail here.
@Suite("persistent extraction cache")
struct ExtractionStoreTests {
    /// Every kind that reads the repository, over a module whose public package embeds an internal one.
    static let yaml = """
        semgate: 1
        surfaces:
          metrics:
            extract:
              regex:
                files: ["metrics/*.go"]
                pattern: 'NewMetric\\("(?<name>[a-z_]+)", (?<type>Counter|Trend)'
          options:
            extract:
              list: policy/options.txt
          packages:
            extract:
              go-packages: {}
          api:
            extract:
              go-api: {}
          cli:
            extract:
              cobra:
                files: ["cmd/**/*.go"]
                root: tool
          js:
            extract:
              go-literals:
                files: ["js/**/*.go"]
                calls: [mustExport]
        """

    static let wire = """
        package wire

        type Response struct {
        \tStatus int
        \tBody   string
        }
        """

    static let http = """
        package http

        import "example.com/mod/internal/wire"

        // Response is what a request returns.
        type Response struct {
        \t*wire.Response
        }

        func (r *Response) JSON() string { return "" }

        func broken( {
        """

    static let command = """
        package cmd

        import "github.com/spf13/cobra"

        func NewRoot() *cobra.Command {
            root := &cobra.Command{Use: "tool"}
            root.AddCommand(&cobra.Command{Use: "run"})
            root.PersistentFlags().BoolP("verbose", "v", false, "verbose")
            return root
        }
        """

    /// Three releases: everything, then only the internal package changes, then a metric, an option and a flag.
    static func history() throws -> FixtureRepository {
        let repo = try FixtureRepository()
        try repo.write("go.mod", "module example.com/mod\n")
        try repo.write("internal/wire/wire.go", wire)
        try repo.write("http/http.go", http)
        try repo.write("metrics/builtin.go", #"var a = NewMetric("http_reqs", Counter)"# + "\n")
        try repo.write("policy/options.txt", "vus\nduration stability=deprecated\nbad line =\n")
        try repo.write("cmd/root.go", command)
        try repo.write("js/modules.go", "package js\n\nfunc init() { mustExport(\"get\", nil) }\n")
        try repo.commit("one")
        try repo.tag("v1.0.0")
        try repo.write("internal/wire/wire.go", wire.replacingOccurrences(of: "\tBody   string\n", with: ""))
        try repo.commit("two")
        try repo.tag("v1.1.0")
        try repo.write("metrics/builtin.go", #"var a = NewMetric("http_reqs", Trend)"# + "\n")
        try repo.write("policy/options.txt", "vus\n")
        try repo.write("cmd/root.go", command.replacingOccurrences(of: "\"verbose\", \"v\"", with: "\"quiet\", \"q\""))
        try repo.commit("three")
        try repo.tag("v1.2.0")
        return repo
    }

    static let tags = ["v1.0.0", "v1.1.0", "v1.2.0"]

    /// A fresh folder for a cache, removed with the fixture's process.
    static func cacheFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("semgate-store-\(UUID().uuidString)").path
    }

    /// Everything a snapshot says, as text to compare: items with every field, notes, problems, incomplete surfaces.
    static func text(_ snapshot: SurfaceSnapshot) -> String {
        var lines = snapshot.sortedItems.map { item in
            "\(item.id) \(item.stability) \(item.location.map(\.description) ?? "-") "
                + item.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        lines += snapshot.notes.map { "note " + $0 }
        lines += snapshot.problems.map { "problem \($0.location) \($0.message)" }
        lines += snapshot.incomplete.sorted().map { "incomplete " + $0 }
        return lines.joined(separator: "\n")
    }

    /// Each tag's surface read by one new reader, through a store at `folder` when given; with the reader's count of
    /// results found in the store and not.
    static func read(
        _ repo: FixtureRepository, tags: [String] = tags, yaml: String = yaml, store folder: String?,
        build: String = "test"
    ) throws -> (texts: [String], hits: Int, misses: Int) {
        let repository = try Repository(discovering: repo.url.path)
        let reader = SurfaceReader(repository: repository, policy: try loadPolicy(yaml))
        if let folder { reader.store = try ExtractionStore.open(directory: folder, build: build) }
        let texts = try tags.map { try text(reader.snapshot(at: try repository.resolve($0))) }
        let use = reader.storeUse
        return (texts, use.hits, use.misses)
    }

    static func files(in folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + next
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    @Test("cold, warm and no cache read the same surfaces, notes and problems, for every kind")
    func warmEqualsCold() throws {
        let repo = try Self.history()
        let folder = Self.cacheFolder()
        let none = try Self.read(repo, store: nil)
        let cold = try Self.read(repo, store: folder)
        let warm = try Self.read(repo, store: folder)
        #expect(cold.texts == none.texts)
        #expect(warm.texts == none.texts)
        // Six extractors at three tags: every one stored cold (four of them found again at a later tag whose inputs
        // they share with an earlier one; not cobra, whose key holds the module's tree: its other Go files decide
        // whether a pointer field a literal leaves out stays nil), every one found warm.
        #expect(cold.hits == 4 && cold.misses == 14, "cold \(cold.hits) \(cold.misses)")
        #expect(warm.hits == 18 && warm.misses == 0)
        // What the extractors reported besides items comes back too.
        #expect(none.texts[0].contains("problem http/http.go"))
        #expect(none.texts[0].contains("note policy/options.txt"))
        // Reading the tags in another order, partly warm, still agrees.
        let reversed = try Self.read(repo, tags: Self.tags.reversed(), store: folder)
        #expect(reversed.texts == none.texts.reversed())
        var info = stat()
        #expect(stat(folder, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test("a damaged, truncated, emptied, replaced or foreign file is ignored and the result extracted again")
    func damagedEntries() throws {
        let repo = try Self.history()
        let none = try Self.read(repo, store: nil)
        let damages: [(String, (String) throws -> Void)] = [
            (
                "a byte flipped",
                { path in
                    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                    bytes[bytes.count / 2] ^= 0x20
                    try Data(bytes).write(to: URL(fileURLWithPath: path))
                }
            ),
            (
                "truncated",
                { path in
                    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
                }
            ),
            ("emptied", { path in try Data().write(to: URL(fileURLWithPath: path)) }),
            (
                "random bytes",
                { path in
                    try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(
                        to: URL(fileURLWithPath: path))
                }
            ),
            (
                "a directory",
                { path in
                    try FileManager.default.removeItem(atPath: path)
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
                }
            ),
            (
                "a link to a device",
                { path in
                    try FileManager.default.removeItem(atPath: path)
                    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
                }
            ),
            (
                "a pipe nobody writes",
                { path in
                    try FileManager.default.removeItem(atPath: path)
                    _ = mkfifo(path, 0o600)
                }
            ),
            (
                "larger than an entry may be",
                { path in
                    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                    try handle.truncate(atOffset: UInt64(Limit.extractionCacheEntryBytes) + 1)
                    try handle.close()
                }
            ),
        ]
        for (name, damage) in damages {
            let folder = Self.cacheFolder()
            _ = try Self.read(repo, store: folder)
            let files = Self.files(in: folder)
            #expect(files.count > 18, "\(name)")
            for path in files { try damage(path) }
            let warm = try Self.read(repo, tags: ["v1.0.0"], store: folder)
            #expect(warm.texts == [none.texts[0]], "\(name)")
            #expect(warm.hits == 0, "\(name)")
            // What was damaged is replaced: by the run after next (a group of the right size is found damaged only
            // when it is read, and written again by the run after) everything is found.
            var healed = try Self.read(repo, tags: ["v1.0.0"], store: folder)
            if healed.hits != 6 { healed = try Self.read(repo, tags: ["v1.0.0"], store: folder) }
            #expect(healed.texts == [none.texts[0]] && healed.hits == 6, "\(name)")
        }
    }

    @Test("a result of another key, moved under this key's name, is not used")
    func foreignEntry() throws {
        let repo = try Self.history()
        let folder = Self.cacheFolder()
        let none = try Self.read(repo, store: nil)
        _ = try Self.read(repo, tags: ["v1.0.0"], store: folder)
        let first = Set(Self.files(in: folder).filter { $0.hasSuffix(".r") })
        _ = try Self.read(repo, tags: ["v1.2.0"], store: folder)
        let second = Self.files(in: folder).filter { $0.hasSuffix(".r") && !first.contains($0) }
        // Put v1.0.0's results in place of v1.2.0's: each names its own key, so none is taken for another.
        for (old, new) in zip(first.sorted(), second.sorted()) {
            try FileManager.default.removeItem(atPath: new)
            try FileManager.default.copyItem(atPath: old, toPath: new)
        }
        let warm = try Self.read(repo, tags: ["v1.2.0"], store: folder)
        #expect(warm.texts == [none.texts[2]])
    }

    @Test("the key holds the extractor's settings: another pattern or ignore-values over the same files is its own")
    func settingsInKey() throws {
        let repo = try Self.history()
        let folder = Self.cacheFolder()
        _ = try Self.read(repo, store: folder)
        let changed = Self.yaml
            .replacingOccurrences(of: "(?<type>Counter|Trend)", with: "(?<kind>Counter|Trend)")
            .replacingOccurrences(of: "go-api: {}", with: "go-api: {ignore-values: [Status]}")
            .replacingOccurrences(of: "calls: [mustExport]", with: "calls: [mustExport]\n        key: \"js/{name}\"")
        let none = try Self.read(repo, tags: ["v1.0.0"], yaml: changed, store: nil)
        let warm = try Self.read(repo, tags: ["v1.0.0"], yaml: changed, store: folder)
        #expect(warm.texts == none.texts)
        #expect(none.texts[0].contains("kind=Counter") && none.texts[0].contains("js:js/get"))
        // Only the three kinds whose settings are unchanged (list, go-packages, cobra) are found.
        #expect(warm.hits == 3)
    }

    @Test("a change in a package go-api followed into, and only there, is not reused")
    func dependencyInKey() throws {
        let repo = try Self.history()
        let folder = Self.cacheFolder()
        let none = try Self.read(repo, tags: ["v1.1.0"], store: nil)
        let first = try Self.read(repo, tags: ["v1.0.0"], store: folder)
        #expect(first.texts[0].contains("http.Response.Body"))
        let warm = try Self.read(repo, tags: ["v1.1.0"], store: folder)
        #expect(warm.texts == none.texts)
        // http.Response's promoted Body went with the internal package's field.
        #expect(!none.texts[0].contains("http.Response.Body"))
        // Only the files of the other extractors were the same: regex, list and go-literals are found (cobra's key
        // holds the module's tree, which the change is in).
        #expect(warm.hits == 3)
    }

    @Test("another build of semgate finds nothing it did not write")
    func buildInKey() throws {
        let repo = try Self.history()
        let folder = Self.cacheFolder()
        _ = try Self.read(repo, store: folder, build: "0.1.0 aaaa")
        let other = try Self.read(repo, tags: ["v1.0.0"], store: folder, build: "0.1.0 bbbb")
        #expect(other.hits == 0)
    }

    @Test("the store stays within its size, least recently used first to go")
    func pruning() throws {
        let repo = try Self.history()
        let folder = Self.cacheFolder()
        _ = try Self.read(repo, store: folder)
        let size = {
            Self.files(in: folder).reduce(0) { total, path in
                var info = stat()
                return total + (lstat(path, &info) == 0 ? Int(info.st_size) : 0)
            }
        }
        let full = size()
        // Age every file, then use v1.2.0's: a store opened with less room keeps what was used last.
        for path in Self.files(in: folder) {
            var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, path, &times, 0)
        }
        _ = try Self.read(repo, tags: ["v1.2.0"], store: folder)
        _ = try ExtractionStore.open(directory: folder, build: "test", capacity: full - 1)
        #expect(size() <= (full - 1) / 4 * 3)
        let after = try Self.read(repo, tags: ["v1.2.0"], store: folder)
        #expect(after.hits == 6)
        // A store with no room writes nothing, and reads the same.
        let empty = Self.cacheFolder()
        let repository = try Repository(discovering: repo.url.path)
        let reader = SurfaceReader(repository: repository, policy: try loadPolicy(Self.yaml))
        reader.store = try ExtractionStore.open(directory: empty, build: "test", capacity: 0)
        _ = try reader.snapshot(at: try repository.resolve("v1.0.0"))
        #expect(Self.files(in: empty).isEmpty)
    }

    @Test("two readers writing one store at once read what each would alone")
    func concurrentWriters() async throws {
        let repo = try Self.history()
        let folder = Self.cacheFolder()
        let none = try Self.read(repo, store: nil)
        let path = repo.url.path
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let repository = try Repository(discovering: path)
                    let reader = SurfaceReader(repository: repository, policy: try loadPolicy(Self.yaml))
                    reader.store = try ExtractionStore.open(directory: folder, build: "test")
                    return try Self.tags.map { try Self.text(reader.snapshot(at: try repository.resolve($0))) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for texts in results { #expect(texts == none.texts) }
        #expect(try Self.read(repo, store: folder).texts == none.texts)
        #expect(!Self.files(in: folder).contains { $0.hasSuffix(".tmp") })
    }

    @Test("a directory other users may write, or a file in its place, is refused")
    func refusedDirectories() throws {
        let shared = Self.cacheFolder()
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o777)
        #expect(throws: ExtractionStoreError.self) { try ExtractionStore.open(directory: shared, build: "test") }
        let file = Self.cacheFolder()
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: ExtractionStoreError.self) { try ExtractionStore.open(directory: file, build: "test") }
        #expect(throws: ExtractionStoreError.self) {
            try ExtractionStore.open(directory: file + "/semgate", build: "test")
        }
    }

    @Test("settings text names every stored property, sorted where Swift's order is not fixed")
    func settingsText() throws {
        let policy = try loadPolicy(Self.yaml)
        for surface in policy.surfaces {
            for spec in surface.extractors {
                let text = SettingsText.of(spec)
                #expect(text != nil, "\(surface.name)")
                #expect(text == SettingsText.of(spec))
            }
        }
        #expect(SettingsText.of(["b": 1, "a": 2]) == SettingsText.of(["a": 2, "b": 1]))
        #expect(SettingsText.of({ (x: Int) in x }) == nil)
        #expect(SettingsText.of(["a"]) != SettingsText.of(["b"]))
    }
}

extension ExtractionStoreTests {
    @Test("a partial clone that lacks a file a surface reads fails as without the cache, which holds its result")
    func partialClone() throws {
        let repo = try Self.history()
        let folder = Self.cacheFolder()
        _ = try Self.read(repo, store: folder)
        for filter in ["blob:none", "tree:0"] {
            let clone = try repo.partialClone(filter: filter)
            var plain: String?
            var cached: String?
            do { _ = try Self.read(clone, store: nil) } catch { plain = "\(error)" }
            do { _ = try Self.read(clone, store: folder) } catch { cached = "\(error)" }
            #expect(plain != nil, "\(filter)")
            #expect(cached == plain, "\(filter)")
        }
    }
}
