/// How far the mail-log scan has come.
public enum LogScanStatus: Sendable, Hashable {
    /// No log to read (none configured or the file is missing).
    case noLog(String)
    /// Reading the existing log: bytes done of total.
    case scanning(done: Int64, total: Int64)
    /// Caught up; following new lines.
    case following(rejections: Int)
    /// The log could not be read.
    case failed(String)
}
