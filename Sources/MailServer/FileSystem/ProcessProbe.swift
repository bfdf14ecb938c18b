#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells whether a process is running; injected so lock staleness can be tested.
public protocol ProcessProbe: Sendable {
    /// Whether a process with this PID exists.
    func isAlive(_ pid: Int32) -> Bool
}

/// The real process table, asked with `kill(pid, 0)`.
public struct SystemProcessProbe: ProcessProbe {
    /// Creates the probe.
    public init() {}

    public func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        // EPERM means the process exists but belongs to someone else.
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
