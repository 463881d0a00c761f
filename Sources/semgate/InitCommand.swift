import ArgumentParser
import Foundation
import Gate

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starting policy by looking at the repository.",
        discussion: """
            Looks at the files committed at HEAD (the working tree in a repository without commits) without \
            changing anything: a Go module (go.mod: its public packages), a cobra \
            command line (commands and flags), a Swift package (Package.swift products), a Node package \
            (package.json bin and exports), and the release tags and their prefix. Prints the policy on \
            standard output unless --write names a file; an existing file is kept unless --force is given. \
            The result passes `semgate policy validate`; read it and edit it before committing it.

            Examples:
              semgate init                          print a starting policy
              semgate init --write .semgate.yml     write it where semgate looks first
              semgate init --repo ../other --write ../other/.semgate.yml --force
            """)

    @Option(help: "The repository (default: the one containing the working directory).", completion: .directory)
    var repo: String?

    @Option(
        help: "Write the policy to this file instead of standard output.", completion: .file(extensions: ["yml"]))
    var write: String?

    @Flag(help: "Overwrite the file given to --write if it exists.")
    var force = false

    func validate() throws {
        if force && write == nil { throw ValidationError("--force only applies to --write FILE") }
        if write?.isEmpty == true { throw ValidationError("--write needs a file name, e.g. --write .semgate.yml") }
    }

    /// Fails with the fix when `path` cannot take the policy: a folder, a missing folder, or a file without --force.
    private func checkWritable(_ path: String) throws {
        var isFolder = ObjCBool(false)
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue {
                throw Failure("'\(path)' is a folder; name a file in it, e.g. --write \(path)/.semgate.yml")
            }
            if !force {
                throw Failure("'\(path)' already exists; pass --force to overwrite it, or choose another file")
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        var folderIsFolder = ObjCBool(false)
        if !folder.isEmpty,
            !FileManager.default.fileExists(atPath: folder, isDirectory: &folderIsFolder) || !folderIsFolder.boolValue
        {
            throw Failure(
                "cannot write '\(path)': the folder '\(folder)' does not exist; create it first or choose another file")
        }
    }

    func run() throws {
        try guarded {
            let repository = try openRepository(at: repo)
            let draft = try semgateRun { () throws(GateError) in try PolicyDraft(repository: repository) }
            guard let write else {
                print(draft.yaml, terminator: "")
                return
            }
            try checkWritable(write)
            do {
                try draft.yaml.write(toFile: write, atomically: true, encoding: .utf8)
            } catch {
                throw Failure("cannot write '\(write)': \(error.localizedDescription)")
            }
            printError(["wrote \(write): \(draft.findings.joined(separator: "; "))"])
        }
    }
}
