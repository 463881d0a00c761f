import Foundation
import Testing
import TestSupport

/// The cobra interpreter's in-order replacement of fields, elements and variables, which decides the flags a helper
/// registers: Go's order of evaluation and Go's scopes. The program is ``CobraSharedValueTests/program(_:extra:)``'s
/// (a `Group` of two `*Flag` fields, `Disk` and `Size`); each case's v1.0.0 registers `deck run --disk` as Go runs
/// it and a later release registers `--size` alone, so `audit` fails (exit 1) with the removal of `--disk`.
@Suite("cobra surface through the built binary: assignments replaced in Go's order and scopes")
struct CobraInOrderTests {
    @Test(
        "a tuple assignment to fields evaluates every right-hand side first: a swap keeps both flags, and the removal fails (review R62)",
        arguments: [
            "    g := NewGroup()\n    g.Disk, g.Size = g.Size, g.Disk\n    g.AddFlags(run)",
            "    g := NewGroup()\n    g.Size, g.Disk = g.Disk, g.Size\n    NewGroup().AddFlags(run)\n    g.AddFlags(run)",
        ])
    func tupleAssignment(first: String) throws {
        let found = try CobraSharedValueTests.audit(first: first, later: CobraSharedValueTests.sizeOnly)
        #expect(found.status == 1, "\(found.output)")
        #expect(found.output.contains("deck run --disk"), "\(found.output)")
    }
}
