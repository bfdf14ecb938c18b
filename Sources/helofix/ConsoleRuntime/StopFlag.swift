import Foundation

/// Tells a background thread (log tail, file watcher) to end: raised from the loop's thread,
/// polled by the worker between steps.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Asks the worker to stop.
    func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    /// Whether stop was asked for.
    var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }
}
