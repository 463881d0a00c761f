/// One body on the way to a call that adds or takes away a command or flag: the call whose body it is (an index into
/// the interpreter's calls; -1 for a closure or a package-level value, whose runs are not told apart), the offset in
/// the file of the call being evaluated there, and whether that body was repeating (in a loop, or after a label a
/// `goto` may come back to), where what comes later in the text may have run first.
struct CobraStepPlace: Hashable, Sendable {
    let call: Int32
    let offset: Int
    let repeating: Bool
}

/// Where a call that adds or takes away a command or flag ran: the bodies on the way to it, outermost first (the
/// last is the call itself), and whether it holds in every run (no undecided branch encloses it).
struct CobraStep: Hashable, Sendable {
    let path: [CobraStepPlace]
    let certain: Bool

    /// A step whose order against any other is not known (past ``CobraSteps/maximumSteps``).
    static let unordered = CobraStep(path: [CobraStepPlace(call: -1, offset: -1, repeating: true)], certain: false)
}

/// A `RemoveCommand`, `ResetCommands` or `ResetFlags` call: where it ran, where it is written, and the method.
struct CobraTakingAway: Hashable, Sendable {
    let step: CobraStep
    let place: CobraPlace
    let method: String
}

/// How the order of the steps that add a command or flag and of those that take it away decides whether it is there
/// when the command line is parsed.
enum CobraSteps {
    /// The most steps kept for one command or flag; past it, one step of no known order stands for the rest.
    static let maximumSteps = 64

    enum Outcome: Equatable {
        /// Added again after every taking away, on every path.
        case kept
        /// Taken away on every path after everything that adds it.
        case gone
        /// Taken away in some runs only, or in an order that is not known.
        case unknown
    }

    /// Whether step `a` certainly ran before step `b` (true), certainly after it (false), or either (nil). Steps are
    /// ordered only within one run of one body: by the offsets of the calls they were in there (a call that encloses
    /// the other, as `root.AddCommand(newServe())` encloses what `newServe` does, has its effect after it), and not
    /// where both were repeating.
    static func before(_ a: CobraStep, _ b: CobraStep) -> Bool? {
        let (left, right) = (a.path, b.path)
        var index = 0
        while index < left.count, index < right.count, left[index] == right[index] { index += 1 }
        if index == left.count && index == right.count { return nil }
        if index == left.count { return index > 0 ? false : nil }
        if index == right.count { return index > 0 ? true : nil }
        let (one, other) = (left[index], right[index])
        guard one.call >= 0, one.call == other.call, !(one.repeating && other.repeating), one.offset != other.offset
        else { return nil }
        return one.offset < other.offset
    }

    /// What `removals` leave of something `adds` add.
    static func outcome(adds: Set<CobraStep>, removals: Set<CobraTakingAway>) -> Outcome {
        if removals.isEmpty { return .kept }
        if adds.isEmpty { return .unknown }
        if removals.contains(where: { removal in
            removal.step.certain && adds.allSatisfy { before($0, removal.step) == true }
        }) {
            return .gone
        }
        if removals.allSatisfy({ removal in adds.contains { $0.certain && before(removal.step, $0) == true } }) {
            return .kept
        }
        return .unknown
    }

    /// Adds `step` to `steps`, keeping at most ``maximumSteps``.
    static func insert(_ step: CobraStep, into steps: inout Set<CobraStep>) {
        if steps.count < maximumSteps - 1 {
            steps.insert(step)
        } else {
            steps.insert(.unordered)
        }
    }
}
