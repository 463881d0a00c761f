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
    /// true when the thread's stack cannot be located.
    public static func hasRoom() -> Bool {
        guard let (low, size) = bounds() else { return true }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let keep = UInt(min(reserve, size / 4))
        return here > low && here - low > keep
    }

    /// Runs `body` on a thread of its own whose stack is `bytes` big, and waits for it: for a recursion whose depth
    /// limits multiply (the cobra interpreter: 64 calls, each nesting up to 400 levels), so that code within the
    /// limits has the room it needs in any build (a debug build's frames are ten times a release build's: gh's
    /// commands took more than a 16 MB reading thread has) and ``hasRoom()`` stops only hostile code. The stack is
    /// address space: only what is used takes memory. `bytes` 0, or no thread to be had (an address-space limit),
    /// runs `body` here.
    public static func withStack<Result>(_ bytes: Int, _ body: () -> Result) -> Result {
        #if canImport(Glibc)
            guard bytes > 0 else { return body() }
            return withoutActuallyEscaping(body) { body in
                var result: Result?
                let job = Job { result = body() }
                var attributes = pthread_attr_t()
                guard pthread_attr_init(&attributes) == 0 else { return body() }
                defer { pthread_attr_destroy(&attributes) }
                guard pthread_attr_setstacksize(&attributes, bytes) == 0 else { return body() }
                var thread = pthread_t()
                let context = Unmanaged.passRetained(job).toOpaque()
                let made = pthread_create(
                    &thread, &attributes,
                    { context in
                        Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
                        return nil
                    }, context)
                guard made == 0 else {
                    Unmanaged<Job>.fromOpaque(context).release()
                    return body()
                }
                pthread_join(thread, nil)
                return result!
            }
        #else
            return body()
        #endif
    }

    /// The lowest address of the current thread's stack and its size, found once a thread.
    private static func bounds() -> (low: UInt, size: Int)? {
        #if canImport(Glibc)
            if let known = pthread_getspecific(key.low) {
                let size = Int(bitPattern: pthread_getspecific(key.size))
                return size > 0 ? (UInt(bitPattern: known), size) : nil
            }
        #endif
        var low: UnsafeMutableRawPointer?
        var size: UInt = 0
        let found = semgate_thread_stack(&low, &size) == 1 && low != nil ? (UInt(bitPattern: low), Int(size)) : nil
        #if canImport(Glibc)
            // A thread whose stack is unknown is remembered as size 0 (an address of 1, never a real stack's).
            pthread_setspecific(key.low, UnsafeRawPointer(bitPattern: found?.0 ?? 1))
            pthread_setspecific(key.size, UnsafeRawPointer(bitPattern: found?.1 ?? 0))
        #endif
        return found
    }

    #if canImport(Glibc)
        /// Thread-specific slots for the stack's low end and size.
        private static let key: (low: pthread_key_t, size: pthread_key_t) = {
            var low = pthread_key_t()
            var size = pthread_key_t()
            pthread_key_create(&low, nil)
            pthread_key_create(&size, nil)
            return (low, size)
        }()
    #endif
}

#if canImport(Glibc)
    /// What a thread of ``StackGuard/withStack(_:_:)`` runs.
    private final class Job {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
#endif
