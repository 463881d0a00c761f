import ArgumentParser
import Gate
import Policy

/// `--only GLOB`: show one part of the surface; the verdict stays that of the whole.
struct FocusOptions: ParsableArguments {
    @Option(
        name: .customLong("only"),
        help: ArgumentHelp(
            "Show only items whose surface:key matches this glob (repeatable), e.g. 'packages:**/cloudapi.**'.",
            discussion: "The verdict, exit status and required bump are still computed on the whole surface.",
            valueName: "glob"))
    var only: [String] = []

    /// `report` narrowed to the `--only` globs; a glob that does not compile is a usage failure (exit 2).
    func apply(_ report: Report) throws -> Report {
        var globs: [Glob] = []
        for text in only {
            do {
                globs.append(try Glob(text))
            } catch {
                throw Failure("invalid --only glob '\(text)': \(error.message)")
            }
        }
        return report.focused(on: globs)
    }
}
