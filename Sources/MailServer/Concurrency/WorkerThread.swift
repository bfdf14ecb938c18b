#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread of its own for one piece of work, started at once.
///
/// The analysis runs the snapshot read, the log scan's parts and the read's side tasks side by
/// side. On the dispatch pool (one thread per core) a task queued while both pool threads are busy
/// waits until one is free, so on two cores the directory listing waited for the whole scan, and
/// the scan's second half for its first. Threads of their own let the kernel share the cores
/// between all of them from the start.
public enum WorkerThread {
    /// Runs `work` on a new detached thread; `false` when no thread can be made (the caller then
    /// does the work some other way).
    @discardableResult
    public static func detach(_ work: @escaping @Sendable () -> Void) -> Bool {
        guard let thread = start(work) else { return false }
        pthread_detach(thread)
        return true
    }

    /// Runs `work` on a new thread the caller joins with `pthread_join`; `nil` when no thread can
    /// be made.
    static func start(_ work: @escaping @Sendable () -> Void) -> pthread_t? {
        let box = Unmanaged.passRetained(Work(work)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<Work>.fromOpaque(box).release()
            return nil
        }
        return thread
    }

    /// The closure handed to the new thread.
    private final class Work: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
