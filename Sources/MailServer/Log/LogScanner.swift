import Dispatch

/// Reads Exim main logs and extracts every impersonation rejection, streaming: memory stays flat
/// whatever the log size, and a plain file is split between `threads` cores.
public struct LogScanner: Sendable {
    /// Threads used for one plain file.
    public var threads: Int
    /// Bytes per stretch a plain file is cut into before the threads take them; `nil` for one
    /// stretch per thread (a thread that runs out takes half of what another has left either
    /// way). Any value gives the same report.
    public var chunkBytes: Int?

    /// Creates a scanner; by default a plain file is split between all the cores this process may
    /// run on (`taskset` and cgroup CPU sets count, not the machine's total).
    public init(threads: Int = LogScanner.availableCores) {
        self.threads = max(1, threads)
    }

    /// Creates a scanner that starts each plain file as stretches of `chunkBytes` (the tests cut
    /// files at many places this way; the report is the same for any value).
    public init(threads: Int, chunkBytes: Int?) {
        self.threads = max(1, threads)
        self.chunkBytes = chunkBytes.map { max(1, $0) }
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
                    : try MappedLogScan(log: log, threads: threads, chunkBytes: chunkBytes, progress: progress, total: total).run()
                files.append(ScannedLog(path: log.displayPath, bytes: part.bytes, lines: part.lines, rejections: part.tally.total))
                tally.append(part.tally)
            } catch {
                problems.append(error.message)
            }
        }
        return LogScanReport(groups: tally.sortedGroups, rejections: tally.total, files: files, problems: problems)
    }
}
