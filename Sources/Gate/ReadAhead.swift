import Dispatch
import Foundation
import Synchronization

/// Runs a history through two stages in order: `read` (surfaces and whatever else git gives for one release) and
/// `consume` (the ordered pass over them: diff, rules, indexes).
///
/// With `readers` threads, reading runs on threads of their own, each with its own reader (its own repository
/// handle, made there by `makeReader` with the thread's number: no handle crosses threads) at most `Self.capacity`
/// releases ahead; each reads its part of every release (its share of the surfaces), and `combine` puts the parts
/// of a release together, in thread order, on the calling thread. Only `Sendable` values pass between threads. The
/// consumer sees exactly the values, in exactly the order, that a serial run gives, so the output is the same;
/// memory follows `capacity` and the number of threads, not the history. Every reading thread has ended when `run`
/// returns or throws.
enum ReadAhead {
    /// Releases read ahead of the one being judged: enough that a release one thread takes long over (a go-api
    /// surface whose packages all changed) does not hold up the others.
    static let capacity = 4
    /// The reading threads' stack: the parsers' and tree walks' depth limits are sized for a main thread's 8 MB.
    static let stackBytes = 16 * 1024 * 1024

    static func run<Part: Sendable, Input>(
        _ indices: [Int], readers: Int,
        makeReader: @escaping @Sendable (Int) throws(GateError) -> (Int) throws(GateError) -> Part,
        combine: ([Part]) throws(GateError) -> Input,
        consume: (Input) throws(GateError) -> Void
    ) throws(GateError) {
        let channels = (0..<max(1, readers)).map { _ in Channel<Result<Part, GateError>>(capacity: capacity) }
        let ended = DispatchSemaphore(value: 0)
        for (number, channel) in channels.enumerated() {
            let thread = Thread {
                defer {
                    channel.close()
                    ended.signal()
                }
                do throws(GateError) {
                    let reader = try makeReader(number)
                    for index in indices {
                        guard channel.send(.success(try reader(index))) else { return }
                    }
                } catch {
                    _ = channel.send(.failure(error))
                }
            }
            thread.stackSize = stackBytes
            thread.start()
        }
        defer {
            for channel in channels { channel.cancel() }
            for _ in channels { ended.wait() }
        }
        for _ in indices {
            var parts: [Part] = []
            for channel in channels {
                guard let next = channel.receive() else {
                    throw GateError.surface(
                        SurfaceFailure(message: "a reading thread stopped before the last release"))
                }
                parts.append(try next.get())
            }
            try consume(try combine(parts))
        }
    }
}

/// A first-in first-out queue between one sending and one receiving thread that holds at most `capacity` values:
/// the sender waits for room, the receiver for a value. `cancel` releases a waiting sender for good; `close` tells
/// the receiver nothing more comes.
final class Channel<Element: Sendable>: Sendable {
    private struct State {
        var buffer: [Element] = []
        var cancelled = false
    }

    private let state = Mutex(State())
    private let room: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        // Made at 0 and signalled up to `capacity`: libdispatch traps when a semaphore is freed holding less than the
        // value it was made with, which a channel the receiver left with elements in it (an error thrown while
        // releases were read ahead) does.
        room = DispatchSemaphore(value: 0)
        for _ in 0..<capacity { room.signal() }
    }

    /// Adds `element` once there is room; false (and nothing added) once the receiver has cancelled.
    func send(_ element: Element) -> Bool {
        room.wait()
        let added = state.withLock { (state: inout State) -> Bool in
            guard !state.cancelled else { return false }
            state.buffer.append(element)
            return true
        }
        if added { filled.signal() } else { room.signal() }
        return added
    }

    /// The next element; nil when the sender closed the channel and nothing is left.
    func receive() -> Element? {
        filled.wait()
        let next = state.withLock { (state: inout State) -> Element? in
            state.buffer.isEmpty ? nil : state.buffer.removeFirst()
        }
        if next != nil { room.signal() } else { filled.signal() }
        return next
    }

    /// No more elements come: a waiting or later `receive` returns what is left, then nil.
    func close() {
        filled.signal()
    }

    /// The receiver stops: a waiting or later `send` returns false.
    func cancel() {
        state.withLock { $0.cancelled = true }
        room.signal()
    }
}
