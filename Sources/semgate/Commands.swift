import ArgumentParser
import Foundation
import Gate
import Policy
import Reports
import SemVer

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report the surface changes base..head and fail when the version or branch does not allow them.",
        discussion: """
            The base defaults to the predecessor of --version when given, else the greatest release reachable
            from head. Without --version, semgate reports the bump the changes need (and the next version).

            Examples:
              semgate check --version 1.9.0                    release manager, before tagging v1.9.0
              semgate check --version "$TAG"                   CI on a tag push (a tag like v1.9.0 works too)
              semgate check --base origin/main --allow minor   CI on a pull request to a maintenance branch
              semgate check --format json > report.json
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "The revision to compare against (tag, branch, SHA).")
    var base: String?

    @Option(help: "The revision to judge.")
    var head: String = "HEAD"

    @Option(help: "The version head is to be released as, e.g. 1.9.0 or v1.9.0.")
    var version: String?

    @Option(help: "The largest bump this branch may take: major, minor or patch.")
    var allow: Bump?

    func run() throws {
        try guarded {
            let engine = try common.engine()
            let target = try version.map { try common.version($0, engine: engine) }
            let report = try semgateRun { () throws(GateError) in
                try engine.check(CheckOptions(base: base, head: head, version: target, allow: allow))
            }
            try common.emit(report)
        }
    }
}

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Print the version the changes since the last release require.",
        discussion: """
            The last release is the greatest release reachable from HEAD. Prints nothing (and says why on
            standard error) when HEAD is that release.

            Examples:
              semgate next                 1.9.0
              semgate next --pre rc        2.0.0-rc.1
              git tag "v$(semgate next)"
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "Print the next pre-release with this label (rc gives 2.0.0-rc.1, then 2.0.0-rc.2).")
    var pre: String?

    @Option(help: "The revision to release.")
    var head: String = "HEAD"

    func run() throws {
        try guarded {
            if let pre {
                do {
                    try Version.validatePrereleaseLabel(pre)
                } catch {
                    throw Failure("\(error)")
                }
            }
            let engine = try common.engine()
            var report = try semgateRun { () throws(GateError) in
                try engine.check(CheckOptions(head: head, preLabel: pre))
            }
            report.kind = .next
            if common.format == TextRenderer.identifier {
                guard let next = report.next else {
                    let base = report.base?.rev ?? "the last release"
                    FileHandle.standardError.write(Data("semgate: nothing to release: \(head) is \(base)\n".utf8))
                    return
                }
                print(next.description)
                return
            }
            try common.emit(report)
        }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check every release against its predecessor; one row a release.",
        discussion: """
            The predecessor of a release is the greatest final release with lower precedence, whatever its
            date or branch (1.8.0 shipped after 2.0.0 is compared with 1.7.x).

            Examples:
              semgate audit
              semgate audit --from 1.0.0
              semgate audit --from 1.0.0 --to 1.8.1 --format json
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: "The first release to audit (inclusive).")
    var from: String?

    @Option(help: "The last release to audit (inclusive).")
    var to: String?

    func run() throws {
        try guarded {
            let engine = try common.engine()
            let lower = try from.map { try common.version($0, engine: engine) }
            let upper = try to.map { try common.version($0, engine: engine) }
            if isatty(STDERR_FILENO) == 1 {
                engine.progress = { line in
                    FileHandle.standardError.write(Data("\r\u{1B}[2Kauditing \(line)".utf8))
                }
            }
            let report = try semgateRun { () throws(GateError) in try engine.audit(from: lower, to: upper) }
            if engine.progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            try common.emit(report)
        }
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the surface changes between two revisions and the bump they need.",
        discussion: """
            Examples:
              semgate diff v1.2.0 v1.3.0
              semgate diff v1.3.0 HEAD --format json
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The old revision.")
    var a: String

    @Argument(help: "The new revision.")
    var b: String

    func run() throws {
        try guarded {
            let engine = try common.engine()
            let report = try semgateRun { () throws(GateError) in try engine.diff(a, b) }
            try common.emit(report)
        }
    }
}

struct SurfaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surface",
        abstract: "Print the declared stable surface at a revision; write or verify a committed snapshot.",
        discussion: """
            A snapshot file has one item a line: `surface:key [name=value ...] [stability=...]`, sorted.

            Examples:
              semgate surface                          the surface at HEAD
              semgate surface v1.3.0 --format json
              semgate surface --write api/surface.txt  write a snapshot to commit
              semgate surface --check api/surface.txt  fail (exit 1) when the surface drifted from it
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The revision (default: HEAD).")
    var rev: String = "HEAD"

    @Option(help: "Write the surface to this snapshot file.")
    var write: String?

    @Option(help: "Compare the surface with this snapshot file; exit 1 when they differ.")
    var check: String?

    func validate() throws {
        if write != nil && check != nil { throw ValidationError("use --write or --check, not both") }
    }

    func run() throws {
        try guarded {
            let engine = try common.engine()
            let report = try semgateRun { () throws(GateError) in try engine.surface(at: rev) }
            let snapshot = SnapshotFile.render(report.items ?? [])
            if let write {
                do {
                    try snapshot.write(toFile: write, atomically: true, encoding: .utf8)
                } catch {
                    throw Failure("cannot write '\(write)': \(error.localizedDescription)")
                }
                print("wrote \(report.items?.count ?? 0) items to \(write)")
                return
            }
            if let check {
                guard let committed = try? String(contentsOfFile: check, encoding: .utf8) else {
                    throw Failure("cannot read snapshot '\(check)' (create it with --write)")
                }
                let drift = SnapshotFile.difference(expected: committed, actual: snapshot)
                if drift.isEmpty {
                    print("surface at \(rev) matches \(check)")
                    return
                }
                print("surface at \(rev) differs from \(check):")
                drift.forEach { print($0) }
                print("update it with: semgate surface \(rev) --write \(check)")
                throw ExitCode(1)
            }
            try common.emit(report)
        }
    }
}

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Work with policy files.",
        subcommands: [ValidateCommand.self])

    struct ValidateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a policy file and report every problem with file:line:column.",
            discussion: """
                Examples:
                  semgate policy validate                       the policy semgate would use here
                  semgate policy validate policy/examples/k6.yml
                """)

        @Argument(help: "The policy file (default: the one semgate would use).")
        var file: String?

        @Option(help: "The repository (default: the one containing the working directory).")
        var repo: String?

        func run() throws {
            try guarded {
                let policy = try loadPolicy()
                let surfaces = policy.surfaces.map(\.name).joined(separator: ", ")
                switch policy.origin {
                case .defaults(let reason):
                    print("no policy file: \(reason)")
                case .file(let path), .revision(_, let path):
                    print("\(path): valid (\(policy.surfaces.count) surfaces: \(surfaces.isEmpty ? "none" : surfaces))")
                }
            }
        }

        private func loadPolicy() throws -> Policy {
            if let file {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw Failure("cannot read policy file '\(file)'")
                }
                do {
                    return try PolicyLoader.load(yaml: text, file: file, origin: .file(path: file))
                } catch {
                    throw Failure("invalid policy:\n\(error)")
                }
            }
            var common = CommonOptions()
            common.repo = repo
            let repository = try common.openRepository()
            return try semgateRun { () throws(GateError) in
                try PolicyResolver.resolve(explicitPath: nil, revision: nil, repository: repository)
            }
        }
    }
}
