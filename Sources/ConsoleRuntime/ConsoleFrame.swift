#if canImport(Glibc)
import Glibc
#endif

/// One frame the console drew, with what caused it and what was running in the background: the
/// benchmark's measure of "a key press is drawn at once, even during a re-read or an apply".
public struct ConsoleFrame: Sendable {
    /// What the frame answers.
    public enum Cause: Sendable {
        /// A key (or a resize) read from the terminal.
        case key
        /// News from the background (findings, log progress, a fix's answer).
        case news
    }

    /// What the frame answers.
    public var cause: Cause
    /// When the key was read or the news taken from the inbox (monotonic nanoseconds).
    public var started: UInt64
    /// When the frame had been handed to the terminal (monotonic nanoseconds).
    public var drawn: UInt64
    /// Whether the server's first read was on screen.
    public var loaded: Bool
    /// Whether the analysis was busy (a re-read, or new log lines being evaluated).
    public var reading: Bool
    /// Whether a transaction was queued or running.
    public var applying: Bool

    /// Seconds from ``started`` to ``drawn``.
    public var latency: Double { Double(drawn - started) / 1e9 }

    /// The monotonic clock, in nanoseconds (comparable with ``started`` and ``drawn``).
    public static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
