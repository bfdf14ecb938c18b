import Foundation

/// The time of a transaction; injected so tests control ids and retention ages.
public protocol TimeSource: Sendable {
    /// Now.
    func now() -> Date
}
