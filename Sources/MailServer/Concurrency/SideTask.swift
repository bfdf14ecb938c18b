import Dispatch
import Synchronization

/// Work started on another thread that the caller collects later (the log scan beside the snapshot
/// read, the read's directory listings, inspect's early JSON); if no thread took it up by then (no
/// thread could be made), the caller runs it itself instead of waiting.
public final class SideTask<Value: Sendable>: Sendable {
    /// The work is held only until it runs: what it captured (the reader's domain table, say) is
    /// let go before the result is handed over, so the caller's next change to it is not a copy.
    private enum State { case pending(@Sendable () -> Value), running, finished(Value), collected }
    private let state: Mutex<State>
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` on a thread of its own (``WorkerThread``).
    public init(_ work: @escaping @Sendable () -> Value) {
        state = Mutex(.pending(work))
        WorkerThread.detach { [self] in
            guard let value = runIfPending() else { return }
            state.withLock { $0 = .finished(value) }
            finished.signal()
        }
    }

    /// The work's result: waits for the other thread, or runs the work here if it has not started.
    /// Called once.
    public func value() -> Value {
        if let value = runIfPending() { return value }
        finished.wait()
        return state.withLock { state in
            guard case .finished(let value) = state else { preconditionFailure("SideTask.value() called twice") }
            state = .collected
            return value
        }
    }

    /// Runs the work if no thread has taken it yet; `nil` when another has.
    private func runIfPending() -> Value? {
        let work: (@Sendable () -> Value)? = state.withLock { state in
            guard case .pending(let work) = state else { return nil }
            state = .running
            return work
        }
        return work?()
    }
}
