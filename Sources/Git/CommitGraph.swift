import CLibgit2

/// The history reachable from some commits, read in one walk, for many merge-base questions about them.
///
/// A merge base asked of libgit2 walks both commits' histories down to where they meet; asked for every release
/// tagged before its predecessor on another line, that is tags × history (review R93: 1,000 such releases on two
/// lines of 25,000 commits took 70 s). The graph reads every commit once and keeps only those a merge base can be:
/// the commits asked about, merges, roots and forks (a commit with more than one child). A run of commits with one
/// parent and one child each becomes one edge: a best common ancestor is never inside such a run, since its only
/// child would be a common ancestor too. Questions are then answered on the graph kept (``MergeBaseSearch``).
public struct CommitGraph: Sendable {
    /// The commits kept, by number.
    let ids: [ObjectID]
    let numbers: [ObjectID: Int32]
    /// Committer times (seconds): of several best common ancestors, the newest is the answer, as libgit2's.
    let times: [Int64]
    /// The parents of commit `n` (the nearest commits kept along each parent edge) are
    /// `parents[parentStart[n] ..< parentStart[n + 1]]`.
    let parentStart: [Int32]
    let parents: [Int32]
    /// The commits by generation (one more than the longest parent chain below a commit), greatest first, so that
    /// every commit comes before its parents; `rank[n]` is commit `n`'s place in it.
    let order: [Int32]
    let rank: [Int32]

    /// The commits kept.
    public var count: Int { ids.count }

    /// Whether `commit` is one the graph can answer about.
    public func contains(_ commit: ObjectID) -> Bool { numbers[commit] != nil }
}

/// What ``MergeBaseSearch`` found for two commits.
public enum MergeBaseAnswer: Sendable, Equatable {
    /// Their best common ancestor (the newest, when there are several).
    case base(ObjectID)
    /// They share no commit.
    case unrelated
    /// A commit the graph was not built from.
    case unknown
    /// The search's steps ran out (``MergeBaseSearch/stepsLeft``): nothing is known.
    case overBudget
}

/// Merge bases over one ``CommitGraph``, under a budget of steps shared by every question of a run (a commit passed
/// over, or a parent edge followed, is one step).
///
/// Questions are answered in sweeps of up to ``questionsPerSweep``: one pass over the graph's commits, newest
/// generation first, carries to each commit's parents which questions' first and second commits reach it and which
/// have a common ancestor above it (three bit sets a commit). A common ancestor no other common ancestor is above is a
/// best one, exactly as git's `paint_down_to_common`; a sweep ends when every commit still to come is below a common
/// ancestor of each question that reaches it. So a sweep takes each commit at most once, whatever it answers: it costs
/// at most the graph's commits and edges (review R97: a search a question, each painting both lines down to the root,
/// cost questions × graph). Answers are kept, so a pair asked again (out-of-line notes, then fork blame) costs nothing.
/// Of the questions asked together, the shallowest are swept first, so one deep question cannot spend the steps the
/// others need: past the budget only the deepest are ``MergeBaseAnswer/overBudget``.
public struct MergeBaseSearch: Sendable {
    public let graph: CommitGraph
    /// Steps left for every later question; at zero each is ``MergeBaseAnswer/overBudget``.
    public private(set) var stepsLeft: Int
    /// Questions answered in one sweep: one bit each in a word.
    public static let questionsPerSweep = 64

    private struct Pair: Hashable {
        var low: Int32
        var high: Int32
    }

    /// Answers found (never ``MergeBaseAnswer/overBudget``), by pair of commit numbers.
    private var known: [Pair: MergeBaseAnswer] = [:]
    /// By commit number, for the sweep under way: which questions' first commit reaches it, which second commit, and
    /// which have a common ancestor above it. All zero between sweeps.
    private var first: [UInt64]
    private var second: [UInt64]
    private var below: [UInt64]

    public init(graph: CommitGraph, steps: Int) {
        self.graph = graph
        stepsLeft = steps
        first = Array(repeating: 0, count: graph.count)
        second = first
        below = first
    }

    /// The best common ancestor of `first` and `second`.
    public mutating func mergeBase(_ first: ObjectID, _ second: ObjectID) -> MergeBaseAnswer {
        mergeBases([(first, second)])[0]
    }

    /// The best common ancestor of each pair, in order; pairs asked before are answered from what was found then.
    public mutating func mergeBases(_ pairs: [(ObjectID, ObjectID)]) -> [MergeBaseAnswer] {
        var answers = [MergeBaseAnswer](repeating: .unknown, count: pairs.count)
        var asked: [Pair: [Int]] = [:]
        for (index, (one, two)) in pairs.enumerated() {
            guard let a = graph.numbers[one], let b = graph.numbers[two] else { continue }
            if a == b {
                answers[index] = .base(one)
                continue
            }
            let pair = Pair(low: min(a, b), high: max(a, b))
            if let answer = known[pair] {
                answers[index] = answer
            } else {
                asked[pair, default: []].append(index)
            }
        }
        // Shallowest first: the sweep of a pair starts at its newer commit, and the later it starts, the less it takes.
        func start(_ pair: Pair) -> Int32 { min(graph.rank[Int(pair.low)], graph.rank[Int(pair.high)]) }
        let order = asked.keys.sorted { x, y in
            let (sx, sy) = (start(x), start(y))
            return sx != sy ? sx > sy : (x.low, x.high) < (y.low, y.high)
        }
        var from = 0
        while from < order.count {
            let sweep = Array(order[from..<min(from + Self.questionsPerSweep, order.count)])
            from += sweep.count
            let found = stepsLeft > 0 ? self.sweep(sweep) : nil
            for (offset, pair) in sweep.enumerated() {
                let answer = found?[offset] ?? .overBudget
                if found != nil { known[pair] = answer }
                for index in asked[pair] ?? [] { answers[index] = answer }
            }
        }
        return answers
    }

    /// One sweep for up to 64 pairs; nil when the steps ran out first.
    private mutating func sweep(_ pairs: [Pair]) -> [MergeBaseAnswer]? {
        // Painted commits, to clear after the sweep.
        var touched: [Int32] = []
        // Commits still to come that some question reaches and that are not below a common ancestor of it.
        var live = 0
        func open(_ number: Int) -> UInt64 { (first[number] | second[number]) & ~below[number] }
        func paint(_ number: Int, first one: UInt64, second two: UInt64, below under: UInt64) {
            if first[number] | second[number] == 0 { touched.append(Int32(number)) }
            let before = open(number)
            first[number] |= one
            second[number] |= two
            below[number] |= under
            let after = open(number)
            if before == 0 && after != 0 { live += 1 } else if before != 0 && after == 0 { live -= 1 }
        }
        defer {
            for number in touched {
                first[Int(number)] = 0
                second[Int(number)] = 0
                below[Int(number)] = 0
            }
        }
        var position = Int.max
        for (bit, pair) in pairs.enumerated() {
            paint(Int(pair.low), first: 1 << UInt64(bit), second: 0, below: 0)
            paint(Int(pair.high), first: 0, second: 1 << UInt64(bit), below: 0)
            position = min(position, Int(graph.rank[Int(pair.low)]), Int(graph.rank[Int(pair.high)]))
        }
        var best = [Int32](repeating: -1, count: pairs.count)
        while live > 0, position < graph.count {
            stepsLeft -= 1
            guard stepsLeft > 0 else {
                stepsLeft = 0
                return nil
            }
            let number = Int(graph.order[position])
            position += 1
            let (one, two, under) = (first[number], second[number], below[number])
            guard one | two != 0 else { continue }
            if (one | two) & ~under != 0 { live -= 1 }
            let common = one & two
            var bases = common & ~under
            while bases != 0 {
                let bit = bases.trailingZeroBitCount
                bases &= bases - 1
                if best[bit] < 0 || newer(Int32(number), than: best[bit]) { best[bit] = Int32(number) }
            }
            let start = Int(graph.parentStart[number])
            let end = Int(graph.parentStart[number + 1])
            for edge in start..<end {
                stepsLeft -= 1
                paint(Int(graph.parents[edge]), first: one, second: two, below: under | common)
            }
        }
        guard stepsLeft > 0 else {
            stepsLeft = 0
            return nil
        }
        return best.map { $0 < 0 ? .unrelated : .base(graph.ids[Int($0)]) }
    }

    /// Of two best common ancestors, the newer by committer time, as libgit2 answers (then the smaller id).
    private func newer(_ x: Int32, than y: Int32) -> Bool {
        let (tx, ty) = (graph.times[Int(x)], graph.times[Int(y)])
        return tx != ty ? tx > ty : graph.ids[Int(x)] < graph.ids[Int(y)]
    }
}

extension Repository {
    /// The history reachable from `commits` as a ``CommitGraph``: one walk, each commit read once. Nil for a shallow
    /// clone (its boundary hides where histories meet) or past `maximumCommits` commits.
    public func commitGraph(from commits: [ObjectID], maximumCommits: Int = maximumHistoryCommits) throws(GitError)
        -> CommitGraph?
    {
        guard !isShallow else { return nil }
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        let asked = Set(commits)
        for commit in asked {
            var start = commit.raw
            try check(git_revwalk_push(walker, &start), "git_revwalk_push")
        }
        // Every commit walked, numbered when first seen (as a commit walked or as a parent); the parents of the
        // commit walked `k`-th are `flat[flatStart[k] ..< flatStart[k + 1]]`.
        var numbers: [ObjectID: Int32] = [:]
        var ids: [ObjectID] = []
        var position: [Int32] = []
        var times: [Int64] = []
        var children: [UInt8] = []
        var flatStart: [Int32] = [0]
        var flat: [Int32] = []
        func number(_ id: ObjectID) -> Int32 {
            if let known = numbers[id] { return known }
            let made = Int32(ids.count)
            numbers[id] = made
            ids.append(id)
            position.append(-1)
            times.append(0)
            children.append(0)
            return made
        }
        var oid = git_oid()
        var walked = 0
        while true {
            let code = git_revwalk_next(&oid, walker)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_revwalk_next")
            guard walked < maximumCommits else { return nil }
            let child = Int(number(ObjectID(oid)))
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid), "git_commit_lookup")
            defer { git_commit_free(commit) }
            position[child] = Int32(walked)
            walked += 1
            times[child] = Int64(git_commit_time(commit))
            let first = flat.count
            for index in 0..<git_commit_parentcount(commit) {
                guard let id = git_commit_parent_id(commit, index) else { continue }
                let parent = number(ObjectID(id.pointee))
                if flat[first...].contains(parent) { continue }
                flat.append(parent)
                if children[Int(parent)] < 2 { children[Int(parent)] += 1 }
            }
            flatStart.append(Int32(flat.count))
        }
        // A parent the walk did not give back (it cannot happen in a complete history): no answer rather than a
        // wrong one.
        guard !position.contains(-1) else { return nil }
        let total = ids.count
        func parentsOf(_ number: Int) -> ArraySlice<Int32> {
            let at = Int(position[number])
            return flat[Int(flatStart[at])..<Int(flatStart[at + 1])]
        }
        // Generations, parents first (Kahn's order over the child edges).
        var pending = (0..<total).map { Int32(parentsOf($0).count) }
        var childStart = [Int32](repeating: 0, count: total + 1)
        for parent in flat { childStart[Int(parent) + 1] += 1 }
        for index in 0..<total { childStart[index + 1] += childStart[index] }
        var fill = childStart
        var childList = [Int32](repeating: 0, count: flat.count)
        for child in 0..<total {
            for parent in parentsOf(child) {
                childList[Int(fill[Int(parent)])] = Int32(child)
                fill[Int(parent)] += 1
            }
        }
        fill = []
        var generations = [Int32](repeating: 1, count: total)
        var ready = (0..<total).filter { pending[$0] == 0 }.map { Int32($0) }
        var done = 0
        while let next = ready.popLast() {
            done += 1
            for edge in Int(childStart[Int(next)])..<Int(childStart[Int(next) + 1]) {
                let child = Int(childList[edge])
                generations[child] = max(generations[child], generations[Int(next)] + 1)
                pending[child] -= 1
                if pending[child] == 0 { ready.append(Int32(child)) }
            }
        }
        guard done == total else { return nil }
        // Keep the commits a merge base can be; each kept commit's parents are the nearest kept ones.
        let kept = (0..<total).map { asked.contains(ids[$0]) || parentsOf($0).count != 1 || children[$0] > 1 }
        var keptNumber = [Int32](repeating: -1, count: total)
        var keptIDs: [ObjectID] = []
        for index in 0..<total where kept[index] {
            keptNumber[index] = Int32(keptIDs.count)
            keptIDs.append(ids[index])
        }
        var keptNumbers: [ObjectID: Int32] = [:]
        keptNumbers.reserveCapacity(keptIDs.count)
        var parentStart: [Int32] = [0]
        var parents: [Int32] = []
        var keptGenerations: [Int32] = []
        var keptTimes: [Int64] = []
        for index in 0..<total where kept[index] {
            keptNumbers[ids[index]] = keptNumber[index]
            keptGenerations.append(generations[index])
            keptTimes.append(times[index])
            let first = parents.count
            for start in parentsOf(index) {
                var at = Int(start)
                while !kept[at], let next = parentsOf(at).first { at = Int(next) }
                if !parents[first...].contains(keptNumber[at]) { parents.append(keptNumber[at]) }
            }
            parentStart.append(Int32(parents.count))
        }
        // Counting sort by generation, greatest first.
        var byGeneration = [Int32](repeating: 0, count: (keptGenerations.max().map(Int.init) ?? 0) + 2)
        for generation in keptGenerations { byGeneration[Int(generation)] += 1 }
        var next: Int32 = 0
        for generation in byGeneration.indices.reversed() {
            let count = byGeneration[generation]
            byGeneration[generation] = next
            next += count
        }
        var order = [Int32](repeating: 0, count: keptIDs.count)
        var rank = [Int32](repeating: 0, count: keptIDs.count)
        for (number, generation) in keptGenerations.enumerated() {
            let place = byGeneration[Int(generation)]
            byGeneration[Int(generation)] += 1
            order[Int(place)] = Int32(number)
            rank[number] = place
        }
        return CommitGraph(
            ids: keptIDs, numbers: keptNumbers, times: keptTimes,
            parentStart: parentStart, parents: parents, order: order, rank: rank)
    }
}
