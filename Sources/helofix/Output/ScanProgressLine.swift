import Analysis
import Foundation

/// Shows log-scan progress on stderr when it is a terminal and the scan takes over a second; the
/// line is erased when the scan ends, so nothing of it stays in the report or in piped output.
final class ScanProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var done = 0
    private var lastShown = Date.distantPast
    private var shown = false

    /// `nil` unless stderr is a terminal.
    static func forTerminal() -> ScanProgressLine? { isatty(2) == 1 ? ScanProgressLine() : nil }

    /// Shows the pipeline's log progress; other events are not for this line.
    func relay(_ event: AnalysisEvent) {
        if case .logProgress(let done, let total) = event { show(done: done, total: total) }
    }

    /// Shows `done` bytes read of `total` (running totals, from any thread).
    func show(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.done = done
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastShown) > 0.2, total > 0 else { return }
        lastShown = now
        shown = true
        let percent = min(100, done * 100 / total)
        FileHandle.standardError.write(Data("\rhelofix: reading logs \(percent)% (\(done >> 20) of \(total >> 20) MiB)\u{1B}[K".utf8))
    }

    /// Erases the line if it was shown.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
