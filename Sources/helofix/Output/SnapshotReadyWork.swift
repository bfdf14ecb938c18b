import Dispatch
import MailServer
import Synchronization

/// Work on the server's snapshot that `inspect` starts on another thread as soon as the snapshot is
/// read, while the log scan and the rules still run: the part of its report that needs nothing
/// else (the start of the JSON document without DNS). ``finish()`` waits for
/// the result, so what is printed, and its order, is the same as when it is made afterwards.
final class SnapshotReadyWork<Value: Sendable>: Sendable {
    private let work: @Sendable (ServerSnapshot) -> Value
    private let done = DispatchGroup()
    private let state = Mutex<(started: Bool, value: Value?)>((false, nil))

    /// Work to do once the snapshot is read.
    init(_ work: @escaping @Sendable (ServerSnapshot) -> Value) {
        self.work = work
    }

    /// Starts the work on `snapshot` (once; later calls do nothing).
    func start(_ snapshot: ServerSnapshot) {
        let first = state.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        guard first else { return }
        done.enter()
        let started = WorkerThread.detach { [self] in
            let value = work(snapshot)
            state.withLock { $0.value = value }
            done.leave()
        }
        if !started {
            state.withLock { $0.value = work(snapshot) }
            done.leave()
        }
    }

    /// Waits for the work and returns its result; `nil` when it was never started.
    func finish() -> Value? {
        guard state.withLock({ $0.started }) else { return nil }
        done.wait()
        return state.withLock { $0.value }
    }
}
