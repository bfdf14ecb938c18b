import ProcessLaunch
#if canImport(Glibc)
import Glibc
#endif

/// The program ran longer than it was allowed and was killed.
public struct CommandTimedOut: Error, Sendable, CustomStringConvertible {
    /// The program.
    public var executable: String
    /// The limit it exceeded.
    public var timeout: Duration
    public var description: String { "\(executable) did not finish within \(timeout) and was stopped" }
}
