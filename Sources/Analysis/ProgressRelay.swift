import MailServer
import Synchronization

/// Turns the log scanner's per-part byte counts into running ``AnalysisEvent/logProgress(done:total:)``
/// events (the scanner reports from several threads at once).
final class ProgressRelay: ScanProgress {
    private let done = Mutex(0)
    private let events: @Sendable (AnalysisEvent) -> Void

    init(_ events: @escaping @Sendable (AnalysisEvent) -> Void) {
        self.events = events
    }

    func advance(by bytes: Int, total: Int) {
        // Sent under the lock, so the running totals arrive in increasing order.
        done.withLock { value in
            value += bytes
            events(.logProgress(done: value, total: total))
        }
    }
}
