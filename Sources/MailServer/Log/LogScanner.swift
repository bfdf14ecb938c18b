import Dispatch

/// Receives how many bytes of the logs have been read, to show progress on a terminal.
public protocol ScanProgress: Sendable {
    /// Called from the scanning threads after each part of a file; `total` is the size of all plain files.
    func advance(by bytes: Int, total: Int)
}

/// What reading the logs found.
public struct LogScanReport: Sendable {
    /// Rejections grouped per (IP, greeting).
    public var groups: [RejectionGroup]
    /// All rejections counted.
    public var rejections: Int
    /// The files read, with their size and count.
    public var files: [ScannedLog]
    /// Files that could not be read, one sentence each (what happened and what to do).
    public var problems: [String]

    /// Creates a report.
    public init(groups: [RejectionGroup], rejections: Int, files: [ScannedLog], problems: [String]) {
        self.groups = groups
        self.rejections = rejections
        self.files = files
        self.problems = problems
    }
}

/// One log that was read.
public struct ScannedLog: Sendable, Hashable, Codable {
    /// The path as shown.
    public var path: String
    /// Bytes read (uncompressed).
    public var bytes: Int
    /// Lines read.
    public var lines: Int
    /// Impersonation rejections found in it.
    public var rejections: Int
}

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

/// A file, or part of one, that has been read.
struct ScannedPart {
    var tally = ScanTally()
    var bytes = 0
    var lines = 0
}

/// Why a log could not be read.
struct LogReadError: Error {
    var message: String
}

extension ScannedPart {
    /// Parses a line found by ``CandidateSearch`` and counts it: on its bytes when it is plain
    /// ASCII (nearly every line), else with the `String` parser.
    mutating func record(_ base: UnsafePointer<UInt8>, _ hit: CandidateSearch.Hit, lineNumber: Int, file: String) {
        var end = hit.lineEnd
        if end > hit.lineStart, base[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        // Exim's own lines stay far below 8 KiB; a longer one is cut, not refused.
        let count = max(0, min(end - hit.lineStart, 8192))
        let line = LineBytes(base: base + hit.lineStart, count: count)
        switch RejectionLineBytes.parse(line) {
        case .none:
            return
        case .found(let parsed):
            tally.add(parsed, line: line, file: file, lineNumber: lineNumber)
        case .useStringParser:
            let text = String(decoding: UnsafeBufferPointer(start: line.base, count: count), as: UTF8.self)
            if let r = RejectionLineParser.parse(Substring(text), location: SourceLocation(file: file, line: lineNumber)) {
                tally.add(r)
            }
        }
    }
}
