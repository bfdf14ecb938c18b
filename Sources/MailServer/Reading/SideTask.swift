import Dispatch
import Synchronization

/// Work started on another thread that the caller collects later; if no thread took it up by
/// then (every worker busy with a log scan, say), the caller runs it itself instead of waiting.
final class SideTask<Value: Sendable>: Sendable {
    private enum State { case pending, running, finished(Value), collected }
    private let state = Mutex(State.pending)
    private let finished = DispatchSemaphore(value: 0)
    private let work: @Sendable () -> Value

    /// Starts `work` on a thread of its own (``WorkerThread``).
    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        WorkerThread.detach { [self] in
            guard claim() else { return }
            let value = work()
            state.withLock { $0 = .finished(value) }
            finished.signal()
        }
    }

    /// The work's result: waits for the other thread, or runs the work here if it has not started.
    /// Called once.
    func value() -> Value {
        if claim() { return work() }
        finished.wait()
        return state.withLock { state in
            guard case .finished(let value) = state else { preconditionFailure("SideTask.value() called twice") }
            state = .collected
            return value
        }
    }

    private func claim() -> Bool {
        state.withLock { state in
            guard case .pending = state else { return false }
            state = .running
            return true
        }
    }
}
