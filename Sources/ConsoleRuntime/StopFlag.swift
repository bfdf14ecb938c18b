import Synchronization

/// Tells a background thread (log tail, file watcher) to end: raised from the loop's thread,
/// polled by the worker between steps.
final class StopFlag: Sendable {
    private let raised = Mutex(false)

    /// Asks the worker to stop.
    func raise() {
        raised.withLock { $0 = true }
    }

    /// Whether stop was asked for.
    var isRaised: Bool { raised.withLock { $0 } }
}
