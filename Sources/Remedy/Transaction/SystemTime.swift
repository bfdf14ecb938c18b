import Foundation

/// The system clock.
public struct SystemTime: TimeSource {
    /// Creates the clock.
    public init() {}
    public func now() -> Date { Date() }
}
