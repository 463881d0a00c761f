/// One instruction of the compiled program.
struct Instruction: Sendable {
    enum Opcode: UInt8, Sendable {
        /// The thread has matched.
        case match
        /// Consume the scalar `x`.
        case scalar
        /// Consume a scalar in set number `x`.
        case set
        /// Consume any scalar.
        case any
        /// Consume any scalar except a newline.
        case anyButNewline
        /// Continue at `x` first, then at `y`.
        case split
        /// Continue at `x`.
        case jump
        /// Record the current position in capture slot `x`.
        case save
        /// Continue only when assertion `x` holds here.
        case assert
    }

    var opcode: Opcode
    var x: Int32
    var y: Int32

    var consumes: Bool {
        switch opcode {
        case .scalar, .set, .any, .anyButNewline: true
        default: false
        }
    }
}

/// Raised when the compiled program would exceed the instruction limit.
struct ProgramTooLarge: Error {}

/// A compiled pattern: instructions, the scalar sets they test, and facts that speed up the search.
final class Program: Sendable {
    let instructions: [Instruction]
    /// Per set: two words of ASCII membership bits.
    let asciiBits: [UInt64]
    /// Per set: the start of its non-ASCII ranges in `rangeBounds`; one extra entry marks the end.
    let rangeStarts: [Int32]
    /// Non-ASCII ranges, as lower and upper bound pairs.
    let rangeBounds: [UInt32]
    /// Capture slots: two for the whole match, then two per named group.
    let slotCount: Int
    let groupNames: [String]
    /// UTF-8 bytes every match starts with.
    let prefix: [UInt8]
    /// When not nil, `firstBytes[b]` tells whether a match can start with byte `b`.
    let firstBytes: [Bool]?
    /// Whether every match must start at the beginning of the text.
    let anchoredAtStart: Bool
    /// UTF-8 bytes every match contains somewhere (empty when unknown); a text without them has no match.
    let requiredLiteral: [UInt8]

    init(root: Node, groupNames: [String], limit: Int) throws(ProgramTooLarge) {
        var compiler = Compiler(limit: limit)
        try compiler.emit(.save, 0)
        try compiler.compile(root)
        try compiler.emit(.save, 1)
        try compiler.emit(.match)
        instructions = compiler.instructions
        slotCount = 2 * (groupNames.count + 1)
        self.groupNames = groupNames

        var bits: [UInt64] = []
        var starts: [Int32] = []
        var bounds: [UInt32] = []
        for set in compiler.sets {
            var low: UInt64 = 0
            var high: UInt64 = 0
            starts.append(Int32(bounds.count / 2))
            for range in set.ranges {
                if range.lowerBound < 128 {
                    for scalar in range.lowerBound...min(range.upperBound, 127) {
                        if scalar < 64 { low |= 1 << UInt64(scalar) } else { high |= 1 << UInt64(scalar - 64) }
                    }
                }
                if range.upperBound >= 128 {
                    bounds.append(max(range.lowerBound, 128))
                    bounds.append(range.upperBound)
                }
            }
            bits += [low, high]
        }
        starts.append(Int32(bounds.count / 2))
        asciiBits = bits
        rangeStarts = starts
        rangeBounds = bounds

        let analysis = Program.analyseStart(compiler.instructions, sets: compiler.sets)
        prefix = analysis.prefix
        firstBytes = analysis.firstBytes
        anchoredAtStart = analysis.anchored
        let required = Program.requiredScalars(root)
        var literal: [UInt8] = []
        for value in required {
            if let scalar = Unicode.Scalar(value) { literal += Array(String(scalar).utf8) }
        }
        requiredLiteral = literal.count > prefix.count ? literal : []
    }

    /// The longest run of scalars that every match of `node` contains.
    private static func requiredScalars(_ node: Node) -> [UInt32] {
        var best: [UInt32] = []
        var run: [UInt32] = []
        func finishRun() {
            if run.count > best.count { best = run }
            run = []
        }
        func walk(_ node: Node) {
            switch node {
            case .scalar(let scalar):
                run.append(scalar)
            case .empty, .assertion:
                break
            case .concatenation(let items):
                for item in items { walk(item) }
            case .capture(let body, _):
                walk(body)
            case .repetition(let body, let min, let max, _) where min == 1 && max == 1:
                walk(body)
            case .repetition(let body, let min, _, _) where min >= 1:
                finishRun()
                let inner = requiredScalars(body)
                if inner.count > best.count { best = inner }
            default:
                finishRun()
            }
        }
        walk(node)
        finishRun()
        return best
    }

    private static func analyseStart(
        _ program: [Instruction], sets: [ScalarSet]
    ) -> (prefix: [UInt8], firstBytes: [Bool]?, anchored: Bool) {
        var prefix: [UInt8] = []
        var pc = 0
        var anchored = false
        chain: while pc < program.count {
            let instruction = program[pc]
            switch instruction.opcode {
            case .save:
                pc += 1
            case .assert where prefix.isEmpty:
                anchored = anchored || instruction.x == Assertion.beginText.rawValue
                pc += 1
            case .scalar:
                guard let scalar = Unicode.Scalar(UInt32(bitPattern: instruction.x)) else { break chain }
                prefix += Array(String(scalar).utf8)
                pc += 1
            default:
                break chain
            }
        }

        var first = [Bool](repeating: false, count: 256)
        var visited = Set<Int>()
        var pending = [0]
        while let current = pending.popLast() {
            guard visited.insert(current).inserted else { continue }
            let instruction = program[current]
            switch instruction.opcode {
            case .match, .any:
                return (prefix, nil, anchored)
            case .anyButNewline:
                for byte in 0..<256 where byte != 0x0A && !(0x80...0xBF).contains(byte) { first[byte] = true }
            case .scalar:
                if let scalar = Unicode.Scalar(UInt32(bitPattern: instruction.x)),
                    let lead = String(scalar).utf8.first
                {
                    first[Int(lead)] = true
                }
            case .set:
                for range in sets[Int(instruction.x)].ranges {
                    for lead in leadByte(range.lowerBound)...leadByte(range.upperBound) { first[Int(lead)] = true }
                }
            case .split:
                pending.append(Int(instruction.y))
                pending.append(Int(instruction.x))
            case .jump:
                pending.append(Int(instruction.x))
            case .save, .assert:
                pending.append(current + 1)
            }
        }
        let useful = first.contains(false)
        return (prefix, useful ? first : nil, anchored)
    }

    /// The first UTF-8 byte of a scalar; monotonic in the scalar value, so a range maps to a byte range.
    private static func leadByte(_ scalar: UInt32) -> UInt8 {
        switch scalar {
        case 0..<0x80: UInt8(scalar)
        case 0x80..<0x800: UInt8(0xC0 | (scalar >> 6))
        case 0x800..<0x10000: UInt8(0xE0 | (scalar >> 12))
        default: UInt8(0xF0 | min(scalar >> 18, 0x07))
        }
    }
}

/// Thompson construction from the syntax tree to instructions.
private struct Compiler {
    let limit: Int
    var instructions: [Instruction] = []
    var sets: [ScalarSet] = []
    var setIndex: [[ClosedRange<UInt32>]: Int32] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    @discardableResult
    mutating func emit(_ opcode: Instruction.Opcode, _ x: Int32 = 0, _ y: Int32 = 0) throws(ProgramTooLarge) -> Int {
        guard instructions.count < limit else { throw ProgramTooLarge() }
        instructions.append(Instruction(opcode: opcode, x: x, y: y))
        return instructions.count - 1
    }

    var next: Int32 { Int32(instructions.count) }

    mutating func compile(_ node: Node) throws(ProgramTooLarge) {
        switch node {
        case .empty:
            break
        case .scalar(let scalar):
            try emit(.scalar, Int32(bitPattern: scalar))
        case .set(let set):
            let index: Int32
            if let known = setIndex[set.ranges] {
                index = known
            } else {
                index = Int32(sets.count)
                sets.append(set)
                setIndex[set.ranges] = index
            }
            try emit(.set, index)
        case .anyScalar:
            try emit(.any)
        case .anyButNewline:
            try emit(.anyButNewline)
        case .assertion(let assertion):
            try emit(.assert, assertion.rawValue)
        case .capture(let body, let group):
            try emit(.save, Int32(2 * group))
            try compile(body)
            try emit(.save, Int32(2 * group + 1))
        case .concatenation(let items):
            for item in items { try compile(item) }
        case .alternation(let branches):
            var exits: [Int] = []
            for (position, branch) in branches.enumerated() {
                if position == branches.count - 1 {
                    try compile(branch)
                } else {
                    let split = try emit(.split)
                    instructions[split].x = next
                    try compile(branch)
                    exits.append(try emit(.jump))
                    instructions[split].y = next
                }
            }
            for exit in exits { instructions[exit].x = next }
        case .repetition(let body, let min, let max, let greedy):
            try compileRepetition(body, min: min, max: max, greedy: greedy)
        }
    }

    private mutating func compileRepetition(_ body: Node, min: Int, max: Int?, greedy: Bool) throws(ProgramTooLarge) {
        // A body that emits no instruction would be "repeated" min or max times for nothing; nested counts
        // multiply (`(?:(?:(?:){1000}){1000}){1000}`) and would never reach the size limit.
        if max == 0 || Self.emitsNothing(body) { return }
        guard let max else {
            if min == 0 {
                // L: split body, exit; body; jump L
                let loop = try emit(.split)
                try compile(body)
                try emit(.jump, Int32(loop))
                setBranches(loop, taken: Int32(loop + 1), other: next, greedy: greedy)
            } else {
                for _ in 0..<(min - 1) { try compile(body) }
                // L: body; split L, exit
                let loop = next
                try compile(body)
                let split = try emit(.split)
                setBranches(split, taken: loop, other: next, greedy: greedy)
            }
            return
        }
        for _ in 0..<min { try compile(body) }
        var splits: [Int] = []
        for _ in 0..<(max - min) {
            let split = try emit(.split)
            splits.append(split)
            try compile(body)
        }
        for split in splits { setBranches(split, taken: Int32(split + 1), other: next, greedy: greedy) }
    }

    /// Whether compiling `node` emits no instruction at all.
    private static func emitsNothing(_ node: Node) -> Bool {
        switch node {
        case .empty: return true
        case .concatenation(let items): return items.allSatisfy(emitsNothing)
        case .repetition(let body, _, let max, _): return max == 0 || emitsNothing(body)
        default: return false
        }
    }

    private mutating func setBranches(_ split: Int, taken: Int32, other: Int32, greedy: Bool) {
        instructions[split].x = greedy ? taken : other
        instructions[split].y = greedy ? other : taken
    }
}
