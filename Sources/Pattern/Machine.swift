#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sparse set of program counters with one block of capture slots per entry (Briggs–Torczon).
private struct ThreadList {
    let sparse: UnsafeMutablePointer<Int32>
    let dense: UnsafeMutablePointer<Int32>
    let slots: UnsafeMutablePointer<Int>
    var count = 0
}

/// The Pike VM: simulates every thread of the program in lock step, one scalar at a time.
///
/// Memory is allocated once per machine; a search allocates nothing. Each search costs at most
/// one step per instruction per position, and every step is charged to the caller's budget.
struct Machine: ~Copyable {
    private let program: Program
    private let instructions: UnsafeMutablePointer<Instruction>
    private let asciiBits: UnsafeMutablePointer<UInt64>
    private let rangeStarts: UnsafeMutablePointer<Int32>
    private let rangeBounds: UnsafeMutablePointer<UInt32>
    private let listA: ThreadList
    private let listB: ThreadList
    private let stack: UnsafeMutablePointer<StackEntry>
    private let startSlots: UnsafeMutablePointer<Int>
    /// The capture slots of the last successful search.
    let matchSlots: UnsafeMutablePointer<Int>
    private let slotCount: Int

    private struct StackEntry {
        /// Program counter to explore, or -1 to restore `slots[slot]` to `value`.
        var pc: Int32
        var slot: Int32
        var value: Int
    }

    init(_ program: Program) {
        self.program = program
        let size = program.instructions.count
        slotCount = program.slotCount
        instructions = Machine.copy(program.instructions)
        asciiBits = Machine.copy(program.asciiBits)
        rangeStarts = Machine.copy(program.rangeStarts)
        rangeBounds = Machine.copy(program.rangeBounds)
        func makeList(slots: Int) -> ThreadList {
            let sparse = UnsafeMutablePointer<Int32>.allocate(capacity: size)
            sparse.initialize(repeating: 0, count: size)
            let dense = UnsafeMutablePointer<Int32>.allocate(capacity: size)
            dense.initialize(repeating: 0, count: size)
            let block = UnsafeMutablePointer<Int>.allocate(capacity: size * slots)
            block.initialize(repeating: -1, count: size * slots)
            return ThreadList(sparse: sparse, dense: dense, slots: block)
        }
        listA = makeList(slots: program.slotCount)
        listB = makeList(slots: program.slotCount)
        stack = .allocate(capacity: size + 1)
        startSlots = .allocate(capacity: slotCount)
        startSlots.initialize(repeating: -1, count: slotCount)
        matchSlots = .allocate(capacity: slotCount)
        matchSlots.initialize(repeating: -1, count: slotCount)
    }

    deinit {
        instructions.deallocate()
        asciiBits.deallocate()
        rangeStarts.deallocate()
        rangeBounds.deallocate()
        for list in [listA, listB] {
            list.sparse.deallocate()
            list.dense.deallocate()
            list.slots.deallocate()
        }
        stack.deallocate()
        startSlots.deallocate()
        matchSlots.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
        _ = UnsafeMutableBufferPointer(start: pointer, count: array.count).initialize(from: array)
        return pointer
    }

    /// Finds the leftmost-first match starting at or after `start`; its slots are left in `matchSlots`.
    func search(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, steps: inout Int, budget: Int
    ) throws(Exhausted) -> Bool {
        let end = text.count
        if !program.requiredLiteral.isEmpty {
            let present = program.requiredLiteral.withUnsafeBufferPointer { needle in
                Machine.find(needle, in: text, from: start) != nil
            }
            if !present { return false }
        }
        var current = listA
        var next = listB
        current.count = 0
        var matched = false
        var position = start
        while true {
            if current.count == 0 {
                if matched { break }
                if program.anchoredAtStart && position > 0 { return false }
                guard let candidate = nextCandidate(text, from: position) else { return false }
                position = candidate
            }
            if !matched && (position == 0 || !program.anchoredAtStart) {
                for slot in 0..<slotCount { startSlots[slot] = -1 }
                try add(&current, pc: 0, at: position, slots: startSlots, text: text, steps: &steps, budget: budget)
            }
            var scalar: UInt32 = 0
            var width = 0
            if position < end { (scalar, width) = Machine.decode(text, at: position) }
            next.count = 0
            var index = 0
            threads: while index < current.count {
                let pc = Int(current.dense[index])
                let instruction = instructions[pc]
                let slots = current.slots + index * slotCount
                index += 1
                let accepted: Bool
                switch instruction.opcode {
                case .match:
                    Machine.copySlots(from: slots, to: matchSlots, count: slotCount)
                    matched = true
                    break threads
                case .scalar:
                    accepted = width > 0 && scalar == UInt32(bitPattern: instruction.x)
                case .set:
                    accepted = width > 0 && setContains(Int(instruction.x), scalar)
                case .any:
                    accepted = width > 0
                case .anyButNewline:
                    accepted = width > 0 && scalar != 0x0A
                case .split, .jump, .save, .assert:
                    accepted = false
                }
                if accepted {
                    try add(
                        &next, pc: pc + 1, at: position + width, slots: slots, text: text, steps: &steps, budget: budget
                    )
                }
            }
            if position >= end { break }
            position += width
            swap(&current, &next)
        }
        return matched
    }

    /// Follows the empty-width instructions from `pc`, adding each thread that consumes or matches to `list`.
    @inline(__always)
    private func add(
        _ list: inout ThreadList, pc start: Int, at position: Int, slots: UnsafeMutablePointer<Int>,
        text: UnsafeBufferPointer<UInt8>, steps: inout Int, budget: Int
    ) throws(Exhausted) {
        var top = 1
        stack[0] = StackEntry(pc: Int32(start), slot: 0, value: 0)
        while top > 0 {
            top -= 1
            let entry = stack[top]
            if entry.pc < 0 {
                slots[Int(entry.slot)] = entry.value
                continue
            }
            var pc = Int(entry.pc)
            follow: while true {
                let known = Int(list.sparse[pc])
                if known < list.count && Int(list.dense[known]) == pc { break follow }
                list.sparse[pc] = Int32(list.count)
                list.dense[list.count] = Int32(pc)
                list.count += 1
                steps += 1
                if steps > budget { throw Exhausted() }
                let instruction = instructions[pc]
                switch instruction.opcode {
                case .jump:
                    pc = Int(instruction.x)
                case .split:
                    stack[top] = StackEntry(pc: instruction.y, slot: 0, value: 0)
                    top += 1
                    pc = Int(instruction.x)
                case .save:
                    let slot = Int(instruction.x)
                    stack[top] = StackEntry(pc: -1, slot: instruction.x, value: slots[slot])
                    top += 1
                    slots[slot] = position
                    pc += 1
                case .assert:
                    guard holds(instruction.x, at: position, in: text) else { break follow }
                    pc += 1
                case .match, .scalar, .set, .any, .anyButNewline:
                    Machine.copySlots(from: slots, to: list.slots + (list.count - 1) * slotCount, count: slotCount)
                    // The copy is work too: charge it, so the budget bounds patterns with many groups.
                    steps += slotCount / 8
                    break follow
                }
            }
        }
    }

    /// Copies a few capture slots; a plain loop beats a call to memmove at these sizes.
    @inline(__always)
    private static func copySlots(
        from source: UnsafeMutablePointer<Int>, to target: UnsafeMutablePointer<Int>, count: Int
    ) {
        var slot = 0
        while slot < count {
            target[slot] = source[slot]
            slot += 1
        }
    }

    @inline(__always)
    private func setContains(_ set: Int, _ scalar: UInt32) -> Bool {
        if scalar < 64 { return asciiBits[2 * set] & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return asciiBits[2 * set + 1] & (1 << UInt64(scalar - 64)) != 0 }
        var low = Int(rangeStarts[set])
        var high = Int(rangeStarts[set + 1])
        while low < high {
            let middle = (low + high) / 2
            if rangeBounds[2 * middle + 1] < scalar {
                low = middle + 1
            } else if rangeBounds[2 * middle] > scalar {
                high = middle
            } else {
                return true
            }
        }
        return false
    }

    @inline(__always)
    private func holds(_ assertion: Int32, at position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch Assertion(rawValue: assertion) {
        case .beginText: return position == 0
        case .endText: return position == text.count
        case .beginLine: return position == 0 || text[position - 1] == 0x0A
        case .endLine: return position == text.count || text[position] == 0x0A
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && Machine.isWordByte(text[position - 1])
            let after = position < text.count && Machine.isWordByte(text[position])
            return (before != after) == (assertion == Assertion.wordBoundary.rawValue)
        case nil: return false
        }
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
            || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Decodes the scalar at `position` of valid UTF-8 text.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> (UInt32, Int) {
        let lead = UInt32(text[position])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(text[position + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (
                (lead & 0x0F) << 12 | UInt32(text[position + 1] & 0x3F) << 6 | UInt32(text[position + 2] & 0x3F), 3
            )
        }
        let value =
            (lead & 0x07) << 18 | UInt32(text[position + 1] & 0x3F) << 12 | UInt32(text[position + 2] & 0x3F) << 6
            | UInt32(text[position + 3] & 0x3F)
        return (value, 4)
    }

    /// The first position at or after `position` where a match could start, or nil when none can.
    /// Whether a search from the start of `text` can find a match: false when the literal every match contains is
    /// not in it, or no byte of it may start a match. These are the checks `search` makes before its first step, so
    /// a text that fails them needs no machine (and spends no budget).
    static func mayMatch(_ program: Program, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if !program.requiredLiteral.isEmpty {
            let present = program.requiredLiteral.withUnsafeBufferPointer { needle in
                Machine.find(needle, in: text, from: 0) != nil
            }
            if !present { return false }
        }
        return nextCandidate(program, text, from: 0) != nil
    }

    private func nextCandidate(_ text: UnsafeBufferPointer<UInt8>, from position: Int) -> Int? {
        Machine.nextCandidate(program, text, from: position)
    }

    private static func nextCandidate(_ program: Program, _ text: UnsafeBufferPointer<UInt8>, from position: Int)
        -> Int?
    {
        let prefix = program.prefix
        if !prefix.isEmpty {
            return prefix.withUnsafeBufferPointer { needle in
                Machine.find(needle, in: text, from: position)
            }
        }
        guard let firstBytes = program.firstBytes else { return position }
        return firstBytes.withUnsafeBufferPointer { table in
            var index = position
            while index < text.count {
                if table[Int(text[index])] { return index }
                index += 1
            }
            return nil
        }
    }

    private static func find(
        _ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from position: Int
    ) -> Int? {
        guard let base = text.baseAddress, let first = needle.first else { return nil }
        let last = text.count - needle.count
        var index = position
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var offset = 1
            while offset < needle.count && text[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return index }
            index += 1
        }
        return nil
    }
}

/// Raised by the machine when a search runs out of budget.
struct Exhausted: Error {}
