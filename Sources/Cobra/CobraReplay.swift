/// What one run of a function body by ``CobraInterpreter`` depended on and did besides changing the state: the state
/// it read (each read with the interpreter's clock at that moment), the calls it made, the notes it wrote and the
/// functions it ran. Every change to the state only adds, and the body's own changes were made when it ran, so when
/// nothing it read has changed since, running it again in a later pass would read the same values, change nothing
/// and note the same: the later pass replays the record (its notes and read marks) instead of running the body.
struct CobraCallRecord {
    /// The function that ran.
    let function: Int32
    /// The context the run began in: how many undecided branches enclosed it, the call depth and the closures running.
    let undecided: Int
    let depth: Int
    let running: [CobraSite]
    /// How many constructs enclosing the run may run it other than once, in order (the interpreter's `unordered`).
    let unordered: Int
    /// The package-level names and fields read, in order.
    var reads: [CobraRead] = []
    /// The closures read (`Run: f` where `f` is a function literal, or a closure called).
    var closureReads: [CobraClosureRead] = []
    /// The calls made, in order, with the context each began in and the clock when the result was taken.
    var calls: [CobraSubcall] = []
    /// The notes written: the key the interpreter keeps them by, the text, and whether it leaves commands out.
    var notes: [(key: String, text: String, leavesOut: Bool)] = []
    /// The `AddCommand` arguments that could not be followed, by command.
    var missingChildren: [(site: CobraSite, child: CobraMissingChild)] = []
    /// The commands, flag sets and flags the run made (in the function literals it ran too), in order: a call it made
    /// that runs again in its place judges its settings against them as it would have then.
    var made: [CobraMade] = []
    /// The decisions of loop filters by an entry's nil-ness or getter the run made (keys of the interpreter's
    /// `entryVerdicts`): a replay made them again.
    var verdicts: [String] = []
    /// The assignments that replaced what a field of one object holds (``CobraStrongWrite``), in order.
    var strong: [CobraStrongWrite] = []

    init(function: Int32, undecided: Int, depth: Int, running: [CobraSite], unordered: Int) {
        self.function = function
        self.undecided = undecided
        self.depth = depth
        self.running = running
        self.unordered = unordered
    }
}

/// A read of a package-level name or a field (a cell of the interpreter, by index).
struct CobraRead {
    let cell: Int32
    /// The clock when it was read: the read sees the same values as long as the cell changed at or before it.
    let clock: Int
    /// Whether it read what an assignment in order gave the cell (``CobraStrongWrite``) rather than all it was given.
    let strong: Bool
}

/// An assignment run in order (`group.Format = nil` on every path of the code that runs once) that replaced what a
/// field of one object holds for the reads after it: the cell, what it holds from then, the object, and how many calls
/// and reads the run had recorded before it (where a replay makes it again).
struct CobraStrongWrite {
    let cell: Int32
    let values: CobraValues
    let site: CobraSite
    let calls: Int
    let reads: Int
}

/// A read of a closure, by the site of its literal.
struct CobraClosureRead {
    let site: CobraSite
    /// Whether the read marks the closure as read in the pass (a call of it does; `Run: f` does not).
    let marks: Bool
    let clock: Int
}

/// A call made by a recorded run: the call (by index), the context it was made in, how many reads, closure reads and
/// made things the run had recorded before it, and the clock when its result was taken.
struct CobraSubcall {
    let call: Int32
    let undecided: Int
    let unordered: Int
    let depth: Int
    let running: [CobraSite]
    let reads: Int
    let closureReads: Int
    /// How many things the run had made before it (``CobraCallRecord/made``).
    let made: Int
    let clock: Int
}
