import Dispatch

/// Reads Exim main logs and extracts every impersonation rejection, streaming: memory stays flat
/// whatever the log size, and a plain file is split between `threads` cores.
public struct LogScanner: Sendable {
    /// Threads used for one plain file.
    public var threads: Int

    /// Creates a scanner; by default a plain file is split between all the cores this process may
    /// run on (`taskset` and cgroup CPU sets count, not the machine's total).
    public init(threads: Int = LogScanner.availableCores) {
        self.threads = max(1, threads)
    }

    /// Scans the files in order (oldest first) and returns the grouped rejections.
    public func scan(_ logs: [LogFile], progress: (any ScanProgress)? = nil) -> LogScanReport {
        var tally = ScanTally()
        var files: [ScannedLog] = []
        var problems: [String] = []
        let total = logs.filter { !$0.compressed }.reduce(0) { $0 + (MappedLogScan.size(of: $1.hostPath) ?? 0) }
        for log in logs {
            do {
                let part = log.compressed
                    ? try CompressedLogScan(log: log).run()
                    : try MappedLogScan(log: log, threads: threads, progress: progress, total: total).run()
                files.append(ScannedLog(path: log.displayPath, bytes: part.bytes, lines: part.lines, rejections: part.tally.total))
                tally.append(part.tally)
            } catch {
                problems.append(error.message)
            }
        }
        return LogScanReport(groups: tally.sortedGroups, rejections: tally.total, files: files, problems: problems)
    }
}
