import BuildInfo

#if canImport(Glibc)
    import Glibc
#endif

/// How much of the current thread's stack is left, for recursions whose depth limits multiply (the cobra
/// interpreter's calls, 64 deep, each running a body whose expressions nest up to `Limit.goBodyDepth`): a depth
/// limit counts levels, and a level's frames differ between a release and a debug build by ten times or more, so
/// such a walk also stops when the stack is nearly full, through the same fail-closed path as its depth limit.
public enum StackGuard {
    /// The stack kept free below a check: the most one stretch of recursion between two checks may use (a debug
    /// build's interpreter level takes about 100 KB), with room to report the stop. At most a quarter of the thread's
    /// stack (threads with small stacks keep a quarter).
    public static let reserve = 2 << 20

    /// Whether the current thread's stack has more than `reserve` bytes (or a quarter of it) left below this frame;
    /// true when the thread's stack cannot be located. Called before every statement, expression and call the cobra
    /// interpreter runs: the lowest address with room is worked out once a thread and kept in a thread-local
    /// variable (``floor()``), so a check is a load and a comparison.
    public static func hasRoom() -> Bool {
        var floor = semgate_stack_floor()
        if floor == 0 {
            floor = UInt(self.floor())
            semgate_set_stack_floor(floor)
        }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here > floor
    }

    /// The lowest address of the current thread's stack that leaves `reserve` bytes (or a quarter of the stack)
    /// free below it; 1 when the stack cannot be located (every frame then has room).
    private static func floor() -> UInt {
        guard let (low, size) = bounds() else { return 1 }
        return low + UInt(min(reserve, size / 4))
    }

    /// Runs `body` on a thread whose stack is `bytes` big, and waits for it: for a recursion whose depth limits
    /// multiply (the cobra interpreter: 64 calls, each nesting up to 400 levels), so that code within the limits has
    /// the room it needs in any build (a debug build's frames are ten times a release build's: gh's commands took
    /// more than a 16 MB reading thread has) and ``hasRoom()`` stops only hostile code. The stack is address space:
    /// only what is used takes memory. `bytes` 0, or no thread to be had (an address-space limit), runs `body` here.
    ///
    /// The thread is kept for the next call (``StackWorker``): a thread made per call (gh's audit made 125) faulted
    /// in its stack and heap anew each time (gh: 143,615 minor page faults, 111,409 with the thread kept).
    public static func withStack<Result>(_ bytes: Int, _ body: () -> Result) -> Result {
        #if canImport(Glibc)
            guard bytes > 0, let worker = StackWorker.take(stack: bytes) else { return body() }
            defer { StackWorker.give(worker) }
            return withoutActuallyEscaping(body) { body in
                var result: Result?
                worker.run { result = body() }
                return result!
            }
        #else
            return body()
        #endif
    }

    /// The lowest address of the current thread's stack and its size.
    fileprivate static func bounds() -> (low: UInt, size: Int)? {
        var low: UnsafeMutableRawPointer?
        var size: UInt = 0
        guard semgate_thread_stack(&low, &size) == 1, low != nil else { return nil }
        return (UInt(bitPattern: low), Int(size))
    }
}

#if canImport(Glibc)
    /// A thread with a big stack that runs the jobs ``StackGuard/withStack(_:_:)`` hands it, one at a time, and
    /// waits for the next. Idle workers are kept (at most `keptIdle`), so each call does not make a thread, fault in
    /// its stack and give it a fresh heap; a call made while every kept worker is busy (another reading thread, or a
    /// job that itself asks for a stack) makes one more.
    private final class StackWorker: @unchecked Sendable {
        /// The idle workers kept for the next calls.
        static let keptIdle = 4

        /// The stack a worker keeps in memory after a job; pages of a deeper job are given back
        /// (``releaseDeepStack()``), so a run that went near the guard does not hold its stack to the end.
        static let keptStack = 16 << 20

        /// The worker's stack size.
        let stack: Int
        private let lock: UnsafeMutablePointer<pthread_mutex_t>
        private let changed: UnsafeMutablePointer<pthread_cond_t>
        /// The job handed over, nil once it has run.
        private var job: (() -> Void)?
        private var quitting = false

        private init(stack: Int) {
            self.stack = stack
            lock = .allocate(capacity: 1)
            lock.initialize(to: pthread_mutex_t())
            pthread_mutex_init(lock, nil)
            changed = .allocate(capacity: 1)
            changed.initialize(to: pthread_cond_t())
            pthread_cond_init(changed, nil)
        }

        deinit {
            pthread_cond_destroy(changed)
            changed.deallocate()
            pthread_mutex_destroy(lock)
            lock.deallocate()
        }

        /// An idle worker with a `stack`-byte stack, or a new one; nil when no thread can be made.
        static func take(stack: Int) -> StackWorker? {
            if let kept = idle.take(stack: stack) { return kept }
            let worker = StackWorker(stack: stack)
            return worker.start() ? worker : nil
        }

        /// Hands `worker` back after its job: kept for the next call, or told to end when enough are kept.
        static func give(_ worker: StackWorker) {
            if !idle.keep(worker) { worker.quit() }
        }

        /// Runs `job` on the worker's thread and waits until it has run.
        func run(_ job: @escaping () -> Void) {
            pthread_mutex_lock(lock)
            self.job = job
            pthread_cond_broadcast(changed)
            while self.job != nil { pthread_cond_wait(changed, lock) }
            pthread_mutex_unlock(lock)
        }

        /// Starts the thread (detached; it holds the worker until it ends); false when it cannot be made.
        private func start() -> Bool {
            var attributes = pthread_attr_t()
            guard pthread_attr_init(&attributes) == 0 else { return false }
            defer { pthread_attr_destroy(&attributes) }
            guard pthread_attr_setstacksize(&attributes, stack) == 0 else { return false }
            var thread = pthread_t()
            let context = Unmanaged.passRetained(self).toOpaque()
            let made = pthread_create(
                &thread, &attributes,
                { context in
                    Unmanaged<StackWorker>.fromOpaque(context!).takeRetainedValue().loop()
                    return nil
                }, context)
            guard made == 0 else {
                Unmanaged<StackWorker>.fromOpaque(context).release()
                return false
            }
            pthread_detach(thread)
            return true
        }

        /// Tells the thread to end once idle.
        private func quit() {
            pthread_mutex_lock(lock)
            quitting = true
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(lock)
        }

        /// The thread: runs each job handed over until told to end.
        private func loop() {
            pthread_mutex_lock(lock)
            while true {
                while job == nil && !quitting { pthread_cond_wait(changed, lock) }
                guard let current = job else { break }
                pthread_mutex_unlock(lock)
                current()
                releaseDeepStack()
                pthread_mutex_lock(lock)
                job = nil
                pthread_cond_broadcast(changed)
            }
            pthread_mutex_unlock(lock)
        }

        /// Gives back the pages of the stack more than `keptStack` below this frame (the loop's, near the top):
        /// the job has ended, nothing lives there.
        private func releaseDeepStack() {
            guard let (low, _) = StackGuard.bounds() else { return }
            var marker: UInt8 = 0
            let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
            let page = UInt(max(sysconf(Int32(_SC_PAGESIZE)), 4096))
            // Above any guard page glibc counts in the stack.
            let from = (low + 16 * page + page - 1) / page * page
            guard here > UInt(Self.keptStack) + from else { return }
            let to = (here - UInt(Self.keptStack)) / page * page
            guard to > from, let start = UnsafeMutableRawPointer(bitPattern: from) else { return }
            _ = madvise(start, Int(to - from), Int32(MADV_DONTNEED))
        }

        /// The kept idle workers.
        private static let idle = Idle()

        /// The kept idle workers, behind a lock.
        private final class Idle: @unchecked Sendable {
            private let lock: UnsafeMutablePointer<pthread_mutex_t>
            private var workers: [StackWorker] = []

            init() {
                lock = .allocate(capacity: 1)
                lock.initialize(to: pthread_mutex_t())
                pthread_mutex_init(lock, nil)
            }

            func take(stack: Int) -> StackWorker? {
                pthread_mutex_lock(lock)
                defer { pthread_mutex_unlock(lock) }
                guard let index = workers.lastIndex(where: { $0.stack == stack }) else { return nil }
                return workers.remove(at: index)
            }

            func keep(_ worker: StackWorker) -> Bool {
                pthread_mutex_lock(lock)
                defer { pthread_mutex_unlock(lock) }
                guard workers.count < StackWorker.keptIdle else { return false }
                workers.append(worker)
                return true
            }
        }
    }
#endif
