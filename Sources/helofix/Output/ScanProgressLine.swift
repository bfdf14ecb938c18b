import Analysis
import Foundation
import Synchronization

/// Shows log-scan progress on stderr when it is a terminal and the scan takes over a second; the
/// line is erased when the scan ends, so nothing of it stays in the report or in piped output.
final class ScanProgressLine: Sendable {
    private struct Shown {
        var lastShown = Date.distantPast
        var shown = false
    }

    private let start = Date()
    private let state = Mutex(Shown())

    /// `nil` unless stderr is a terminal.
    static func forTerminal() -> ScanProgressLine? { isatty(2) == 1 ? ScanProgressLine() : nil }

    /// Shows the pipeline's log progress; other events are not for this line.
    func relay(_ event: AnalysisEvent) {
        if case .logProgress(let done, let total) = event { show(done: done, total: total) }
    }

    /// Shows `done` bytes read of `total` (running totals, from any thread).
    func show(done: Int, total: Int) {
        state.withLock { state in
            let now = Date()
            guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(state.lastShown) > 0.2, total > 0 else { return }
            state.lastShown = now
            state.shown = true
            let percent = min(100, done * 100 / total)
            FileHandle.standardError.write(Data("\rhelofix: reading logs \(percent)% (\(done >> 20) of \(total >> 20) MiB)\u{1B}[K".utf8))
        }
    }

    /// Erases the line if it was shown.
    func finish() {
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
