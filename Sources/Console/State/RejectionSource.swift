import Diagnosis
import MailServer

/// Where rejections come from: the console's side of the log scanner, so the runtime can plug in
/// a tail reader now and the full scanner later.
public protocol RejectionSource: Sendable {
    /// Starts scanning in the background; `deliver` is called from any thread, in order.
    func start(_ deliver: @escaping @Sendable (LogEvent) -> Void)
    /// Stops following the log.
    func stop()
}
