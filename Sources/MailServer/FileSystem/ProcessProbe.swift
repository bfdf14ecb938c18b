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
