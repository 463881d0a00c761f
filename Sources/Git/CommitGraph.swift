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
    /// One more than the longest parent chain below a commit, so that a commit's is greater than its parents'.
    let generations: [Int32]
    /// Committer times (seconds): of several best common ancestors, the newest is the answer, as libgit2's.
    let times: [Int64]
    /// The parents of commit `n` (the nearest commits kept along each parent edge) are
    /// `parents[parentStart[n] ..< parentStart[n + 1]]`.
    let parentStart: [Int32]
    let parents: [Int32]

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

/// Merge bases over one ``CommitGraph``, under a budget of steps shared by every question (a commit taken up, or a
/// parent edge followed, is one step). Commits are taken newest generation first, so each is taken at most once a
/// question, after every commit above it, and the common ancestors found are exactly the best ones (git's
/// `paint_down_to_common` with generation numbers).
public struct MergeBaseSearch: Sendable {
    public let graph: CommitGraph
    /// Steps left for every later question; at zero each is ``MergeBaseAnswer/overBudget``.
    public private(set) var stepsLeft: Int
    private var flags: [UInt8]
    private var heap: [Int32] = []
    private var touched: [Int32] = []

    private static let one: UInt8 = 1
    private static let two: UInt8 = 2
    private static let stale: UInt8 = 4
    private static let queued: UInt8 = 8

    public init(graph: CommitGraph, steps: Int) {
        self.graph = graph
        stepsLeft = steps
        flags = Array(repeating: 0, count: graph.count)
    }

    /// The best common ancestor of `first` and `second`.
    public mutating func mergeBase(_ first: ObjectID, _ second: ObjectID) -> MergeBaseAnswer {
        guard let a = graph.numbers[first], let b = graph.numbers[second] else { return .unknown }
        if a == b { return .base(first) }
        guard stepsLeft > 0 else { return .overBudget }
        defer {
            for number in touched { flags[Int(number)] = 0 }
            touched.removeAll(keepingCapacity: true)
            heap.removeAll(keepingCapacity: true)
        }
        var found: [Int32] = []
        // Queued commits not yet known to be below a common ancestor: the search ends when none is left.
        var live = 0
        func mark(_ number: Int32, _ add: UInt8) {
            let before = flags[Int(number)]
            if before == 0 { touched.append(number) }
            let after = before | add
            flags[Int(number)] = after
            if before & Self.queued == 0 {
                flags[Int(number)] = after | Self.queued
                push(number)
                if after & Self.stale == 0 { live += 1 }
            } else if before & Self.stale == 0 && after & Self.stale != 0 {
                live -= 1
            }
        }
        mark(a, Self.one)
        mark(b, Self.two)
        while live > 0, let number = pop() {
            stepsLeft -= 1
            guard stepsLeft > 0 else { return .overBudget }
            var paint = flags[Int(number)] & (Self.one | Self.two | Self.stale)
            if paint & Self.stale == 0 { live -= 1 }
            if paint == Self.one | Self.two {
                found.append(number)
                paint |= Self.stale
            }
            let start = Int(graph.parentStart[Int(number)])
            let end = Int(graph.parentStart[Int(number) + 1])
            for edge in start..<end {
                stepsLeft -= 1
                let parent = graph.parents[edge]
                if flags[Int(parent)] & paint != paint { mark(parent, paint) }
            }
        }
        guard stepsLeft > 0 else { return .overBudget }
        let best = found.max { x, y in
            let (tx, ty) = (graph.times[Int(x)], graph.times[Int(y)])
            return tx != ty ? tx < ty : graph.ids[Int(x)] > graph.ids[Int(y)]
        }
        return best.map { .base(graph.ids[Int($0)]) } ?? .unrelated
    }

    /// Whether `x` is taken before `y`: the greater generation first (then the lower number, to be deterministic).
    private func before(_ x: Int32, _ y: Int32) -> Bool {
        let (gx, gy) = (graph.generations[Int(x)], graph.generations[Int(y)])
        return gx != gy ? gx > gy : x < y
    }

    private mutating func push(_ number: Int32) {
        heap.append(number)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func pop() -> Int32? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var at = 0
            while true {
                let left = 2 * at + 1
                guard left < heap.count else { break }
                let right = left + 1
                let next = right < heap.count && before(heap[right], heap[left]) ? right : left
                guard before(heap[next], heap[at]) else { break }
                heap.swapAt(next, at)
                at = next
            }
        }
        return top
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
        return CommitGraph(
            ids: keptIDs, numbers: keptNumbers, generations: keptGenerations, times: keptTimes,
            parentStart: parentStart,
            parents: parents)
    }
}
