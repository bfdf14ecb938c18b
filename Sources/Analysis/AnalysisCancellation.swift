import Synchronization

/// Tells a running analysis to stop early: raised by the caller (the console quitting, a newer
/// re-read superseding this one), polled by the pipeline between steps and by enrichments between
/// their look-ups.
public final class AnalysisCancellation: Sendable {
    private let raised = Mutex(false)

    /// Creates a flag that is not raised.
    public init() {}

    /// Asks the analysis to stop.
    public func cancel() { raised.withLock { $0 = true } }

    /// Whether stopping was asked for.
    public var isCancelled: Bool { raised.withLock { $0 } }
}
