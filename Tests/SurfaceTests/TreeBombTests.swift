import Foundation
import Git
import Limits
import Testing
import TestSupport

@testable import Surface

/// Folder trees shared at many paths (review R30): git names a tree by its content, so a folder whose `width`
/// subfolders are one tree, `levels` deep, is `levels` + 1 objects naming width^levels folders. Walks whose answer
/// does not depend on the path list each tree once; the others stop at `Budgets.treeEntries` (here lowered; the real
/// bound, `Limit.treeEntriesPerWalk`, is reached by `HostileInputTests`) with an error naming the folder.
@Suite("Tree bombs: walks over shared folder trees list each tree once or stop at the entry bound")
struct TreeBombTests {
    /// A module with package `api` and `big/`, `levels` levels of `width` folders whose leaves hold `leaf`.
    private static func bomb(width: Int, levels: Int, leaf: String, text: String) throws -> (FixtureRepository, Repository) {
        var paths = [""]
        for _ in 0..<levels { paths = paths.flatMap { prefix in (0..<width).map { prefix + "d\($0)/" } } }
        var files = [
            "go.mod": "module example.com/bomb\n\ngo 1.21\n", "api/api.go": "package api\n\n// Run runs.\nfunc Run() {}\n",
        ]
        for path in paths { files["big/" + path + leaf] = text }
        let repo = try FixtureRepository()
        try repo.importCommits([FixtureRepository.Snapshot(files: files, tags: ["v1.0.0"])])
        return (repo, try Repository(discovering: repo.url.path))
    }

    private static let goLeaf = "package x\n\n// F is exported.\nfunc F() { NewMetric(\"m\") }\n"

    private func snapshot(_ repository: Repository, _ extractor: String, treeEntries: Int) throws -> SurfaceSnapshot {
        let policy = try loadPolicy("semgate: 1\nsurfaces:\n  s:\n    extract:\n      \(extractor)\n")
        return try SurfaceReader(repository: repository, policy: policy, budgets: .init(treeEntries: treeEntries))
            .snapshot(at: try repository.resolve("v1.0.0"))
    }

    @Test(
        "a glob walk lists a shared tree at every path: past the bound it stops naming the folder, below it reads all",
        arguments: [
            "regex: {files: [\"big/**/*.txt\"], pattern: 'NewMetric\\(\"(?<name>\\w+)'}",
            "go-literals: {files: [\"**/*.go\"], calls: [NewMetric]}",
        ])
    func globWalk(extractor: String) throws {
        let leaf = extractor.hasPrefix("regex") ? "x.txt" : "x.go"
        let (fixture, repository) = try Self.bomb(width: 10, levels: 3, leaf: leaf, text: Self.goLeaf)
        defer { withExtendedLifetime(fixture) {} }
        // 1,110 folders and 1,000 files below big/.
        let read = try snapshot(repository, extractor, treeEntries: 2_200)
        #expect(read.items["s:m"] != nil, "\(read.items.keys)")
        #expect {
            _ = try snapshot(repository, extractor, treeEntries: 2_000)
        } throws: { error in
            let text = "\(error)"
            return text.contains("more than 2000 files and folders in one walk") && text.contains("'big/d")
        }
    }

    @Test("go-api and go-packages list a shared tree without Go files once", arguments: ["go-api: {}", "go-packages: {}"])
    func moduleWalkWithoutGo(extractor: String) throws {
        let (fixture, repository) = try Self.bomb(width: 10, levels: 3, leaf: "README", text: "hi\n")
        defer { withExtendedLifetime(fixture) {} }
        // Four distinct trees of ten entries below big/, and the module's root and api/: far below 1,110 folders.
        let read = try snapshot(repository, extractor, treeEntries: 100)
        #expect(read.items.keys.contains { $0.contains("example.com/bomb/api") }, "\(read.items.keys)")
    }

    @Test(
        "go-api and go-packages stop at the bound when the shared tree holds packages at every path",
        arguments: ["go-api: {}", "go-packages: {}"])
    func moduleWalkWithGo(extractor: String) throws {
        let (fixture, repository) = try Self.bomb(width: 5, levels: 3, leaf: "x.go", text: Self.goLeaf)
        defer { withExtendedLifetime(fixture) {} }
        // 125 packages below big/.
        let read = try snapshot(repository, extractor, treeEntries: Limit.treeEntriesPerWalk)
        #expect(read.items.keys.contains { $0.contains("big/d4/d4/d4") }, "\(read.items.keys.count)")
        #expect {
            _ = try snapshot(repository, extractor, treeEntries: 100)
        } throws: { error in
            let text = "\(error)"
            return text.contains("more than 100 files and folders in one walk") && text.contains("'big/d")
        }
    }

    @Test("init's scans of the module list a shared tree without Go files once, and stop at the bound with Go files")
    func initScans() throws {
        let (fixture, repository) = try Self.bomb(width: 10, levels: 3, leaf: "README", text: "hi\n")
        defer { withExtendedLifetime(fixture) {} }
        var project = ProjectFiles(files: repository, root: try repository.rootTree(of: try repository.resolve("HEAD")))
        project.treeEntries = 100
        #expect(try project.goFileBlobs().map(\.path) == ["api/api.go"])
        #expect(try project.goPackageFolders().map(\.folder) == ["api"])
        #expect(try project.goSourceFolders().files.keys.sorted() == ["api"])

        let (goFixture, goRepository) = try Self.bomb(width: 5, levels: 3, leaf: "x.go", text: Self.goLeaf)
        defer { withExtendedLifetime(goFixture) {} }
        var goProject = ProjectFiles(
            files: goRepository, root: try goRepository.rootTree(of: try goRepository.resolve("HEAD")))
        goProject.treeEntries = 100
        for scan in [
            { () throws in _ = try goProject.goFileBlobs() }, { () throws in _ = try goProject.goPackageFolders() },
            { () throws in _ = try goProject.goSourceFolders() },
        ] {
            #expect {
                try scan()
            } throws: { error in
                "\(error)".contains("more than 100 files and folders in one walk")
            }
        }
        goProject.treeEntries = Limit.treeEntriesPerWalk
        #expect(try goProject.goFileBlobs().count == 126)
    }
}
