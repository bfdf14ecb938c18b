import Diagnosis
import DomainDNS
import MailServer

/// Everything that can happen to the console: keys, resizes, and finished background work.
public enum ConsoleEvent: Sendable {
    /// A key press.
    case key(Key)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// A (re-)read snapshot with its findings.
    case serverRead(ServerSnapshot, findings: [Finding])
    /// Re-reading the server failed (the message says what to do).
    case readFailed(String)
    /// News from the mail log.
    case log(LogEvent)
    /// The runtime's answer to a ``FixEffect``.
    case fix(FixEvent)
    /// DNS look-ups started, or their answers arrived (after the first frame, in the background).
    case dns(DNSLookupStatus)
}

/// What a ``RejectionSource`` reports.
public enum LogEvent: Sendable, Hashable {
    /// Scanning the existing log: bytes done of total.
    case progress(done: Int64, total: Int64)
    /// Rejections found; `live` is true for lines written after the console started.
    case rejections([Rejection], live: Bool)
    /// The existing log has been read; new lines are followed from now on.
    case caughtUp(total: Int)
    /// The log was rotated and is followed from its new start.
    case rotated
    /// There is no log to read, or it cannot be read.
    case unavailable(String)
}

/// Where rejections come from: the console's side of the log scanner, so the runtime can plug in
/// a tail reader now and the full scanner later.
public protocol RejectionSource: Sendable {
    /// Starts scanning in the background; `deliver` is called from any thread, in order.
    func start(_ deliver: @escaping @Sendable (LogEvent) -> Void)
    /// Stops following the log.
    func stop()
}
