import Foundation
import Testing

import Limits

#if canImport(Glibc)
    import Glibc
#endif

@Suite("StackGuard.withStack: a big-stack thread kept for the next run")
struct StackGuardTests {
    #if canImport(Glibc)
        /// A number for the calling thread, given the first time it asks (a `pthread_t` or a thread object's
        /// address may be reused by the next thread made once one ends; this is never).
        private static func threadID() -> Int {
            if let known = pthread_getspecific(numbers.key) { return Int(bitPattern: known) }
            let number = numbers.next()
            pthread_setspecific(numbers.key, UnsafeRawPointer(bitPattern: number))
            return number
        }

        private static let numbers = Numbers()

        /// The thread-specific slot and the numbers given so far.
        private final class Numbers: @unchecked Sendable {
            let key: pthread_key_t = {
                var key = pthread_key_t()
                pthread_key_create(&key, nil)
                return key
            }()
            private let lock = NSLock()
            private var given = 0

            func next() -> Int {
                lock.lock()
                defer { lock.unlock() }
                given += 1
                return given
            }
        }

        @Test("runs follow one another on the same thread, not a new thread each (gh's audit made 125)")
        func threadKept() {
            let caller = Self.threadID()
            let first = StackGuard.withStack(64 << 20) { Self.threadID() }
            let second = StackGuard.withStack(64 << 20) { Self.threadID() }
            #expect(first != caller)
            #expect(first == second)
        }

        @Test("a run that asks for a stack inside a run gets a thread of its own, and both finish")
        func nested() {
            let (outer, inner) = StackGuard.withStack(32 << 20) {
                (Self.threadID(), StackGuard.withStack(32 << 20) { Self.threadID() })
            }
            #expect(outer != inner)
            #expect(StackGuard.withStack(32 << 20) { 7 } == 7)
        }

        @Test("runs from several threads at once each get their own result; a recursion deeper than 8 MB fits")
        func concurrent() {
            final class Results: @unchecked Sendable {
                let lock = NSLock()
                var values: [Int: Int] = [:]
            }
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 6) { index in
                // About 16 MB of frames: more than a default thread's 8 MB.
                let depth = StackGuard.withStack(64 << 20) { Self.recurse(20_000 + index) }
                results.lock.lock()
                results.values[index] = depth
                results.lock.unlock()
            }
            #expect(results.values == Dictionary(uniqueKeysWithValues: (0..<6).map { ($0, 20_000 + $0) }))
        }

        /// Recurses `depth` levels, each holding about 800 bytes of stack.
        @inline(never)
        private static func recurse(_ depth: Int) -> Int {
            guard depth > 0 else { return 0 }
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 100) { space in
                space.initialize(repeating: UInt64(depth))
                return 1 + recurse(depth - 1) + Int(space[99] &- UInt64(depth))
            }
        }
    #endif
}
