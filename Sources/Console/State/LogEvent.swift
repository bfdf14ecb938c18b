import Diagnosis
import MailServer

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
