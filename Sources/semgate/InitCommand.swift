import ArgumentParser
import Foundation
import Gate

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starting policy by looking at the repository.",
        usage: "semgate init [<options>] [--write <file> [--force]]",
        discussion: """
            Looks at the files committed at HEAD or --rev (the working tree in a repository without commits) without \
            changing anything: a Go module (go.mod: its public packages), a cobra \
            command line (commands and flags), a Swift package (Package.swift products), a Node package \
            (package.json bin and exports), and the release tags and their prefix. Prints the policy on \
            standard output unless --write names a file; an existing file is kept unless --force is given. \
            The result passes `semgate policy validate`; read it and edit it before committing it. With --write, the \
            draft is then run over the latest 10 releases and a short summary says what it judged, its findings per \
            rule and the surfaces that found nothing.

            Examples:
              semgate init                          print a starting policy
              semgate init --write .semgate.yml     write it where semgate looks first
              semgate init --repo ../other --write ../other/.semgate.yml --force
              semgate init --rev v3.21.4 --write v3.yml   from a line's last release
            """)

    @Option(
        help: ArgumentHelp("The repository (default: the one containing the working directory).", valueName: "path"),
        completion: .directory)
    var repo: String?

    @Option(
        help: ArgumentHelp("Write the policy to this file instead of standard output.", valueName: "file"),
        completion: .file(extensions: ["yml"]))
    var write: String?

    @Flag(help: "Overwrite the file given to --write if it exists.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "Draft from this revision instead of HEAD.",
            discussion: "For example the last release of a line when HEAD has moved to a new major: --rev v3.21.4.",
            valueName: "rev"))
    var rev: String?

    @Flag(help: "With --write, do not run the draft over the latest releases afterwards.")
    var noTrial = false

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
            let draft = try semgateRun { () throws(GateError) in
                try PolicyDraft(repository: repository, revision: rev)
            }
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
            guard !noTrial else { return }
            // The draft over the latest releases: whether it is useful shows at once.
            let trial = try semgateRun { () throws(GateError) in
                try DraftTrial(yaml: draft.yaml, repository: repository, revision: rev)
            }
            printError(trial.summary.split(separator: "\n").map { "semgate: " + $0 })
        }
    }
}
