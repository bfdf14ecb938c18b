import Dispatch

/// Receives how many bytes of the logs have been read, to show progress on a terminal.
public protocol ScanProgress: Sendable {
    /// Called from the scanning threads after each part of a file; `total` is the size of all plain files.
    func advance(by bytes: Int, total: Int)
}
