#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Work split into parts that run on every core at once (a big log in slices, ten thousand
/// account files in chunks), with the results handed back in part order whatever the threads did.
///
/// The parts run on threads of their own, not on the dispatch pool: the pool has one thread per
/// core, so work split from inside a pool thread while another pool thread reads the server's files
/// would find no thread free and run its parts one after the other on a single core.
public enum ConcurrentParts {
    /// `body(0) … body(count - 1)`, run concurrently on up to `workers` threads (the caller is
    /// one of them), in index order.
    public static func map<T: Sendable>(_ count: Int, workers: Int = LogScanner.availableCores,
                                        _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1, workers > 1 else { return (0..<max(count, 0)).map(body) }
        let shared = PartQueue<T>(count: count)
        withoutActuallyEscaping(body) { body in
            let work: @Sendable () -> Void = { shared.drain(body) }
            var threads: [pthread_t] = []
            for _ in 1..<min(count, workers) {
                if let thread = WorkerThread.start(work) { threads.append(thread) }
            }
            work()
            for thread in threads { pthread_join(thread, nil) }
        }
        return shared.results()
    }

    /// `body` of each run of `run` consecutive indices of `0..<count` (the last run may be
    /// shorter), run concurrently as ``map(_:workers:_:)`` does, in run order.
    public static func map<T: Sendable>(_ count: Int, inRunsOf run: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        map((count + run - 1) / run) { r in body(r * run ..< min(count, (r + 1) * run)) }
    }
}

/// The parts not yet taken, and the results of those done.
private final class PartQueue<T: Sendable>: Sendable {
    private let next = Atomic<Int>(0)
    private let slots: Mutex<[T?]>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = Mutex(Array(repeating: nil, count: count))
    }

    /// Runs parts until none is left.
    func drain(_ body: @Sendable (Int) -> T) {
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            let value = body(index)
            slots.withLock { $0[index] = value }
        }
    }

    /// Every part's result, in order; called after every thread has been joined.
    func results() -> [T] {
        slots.withLock { $0.compactMap { $0 } }
    }
}
