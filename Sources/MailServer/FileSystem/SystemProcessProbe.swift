#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
