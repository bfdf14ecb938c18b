import Console
import Foundation
import MailServer

/// Reads a log file incrementally by lines, remembering offset, inode and line number.
struct LogFileReader {
    let hostPath: String
    let serverPath: String
    private var handle: FileHandle?
    private var inode: UInt64 = 0
    private(set) var offset: Int64 = 0
    private(set) var size: Int64 = 0
    private var line = 0
    private var partial = Data()

    enum Change { case unchanged, grew, replaced, missing }

    /// Where the log was already read up to (bytes and lines), or `nil` to read it from the start.
    let resumeAt: (offset: Int64, line: Int)?

    init(hostPath: String, serverPath: String, resumeAt: (offset: Int64, line: Int)? = nil) {
        self.hostPath = hostPath
        self.serverPath = serverPath
        self.resumeAt = resumeAt
    }

    /// Opens (or reopens from the start) the file.
    mutating func open() -> Bool {
        try? handle?.close()
        handle = nil
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: hostPath),
              let h = FileHandle(forReadingAtPath: hostPath) else { return false }
        handle = h
        inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        offset = 0
        line = 0
        partial = Data()
        return true
    }

    /// Opens the file and skips what was already read; false when it is missing or shorter than that.
    mutating func open(resumingAt skip: Int64, line skipped: Int) -> Bool {
        guard open(), skip <= size, (try? handle?.seek(toOffset: UInt64(skip))) != nil else { return false }
        offset = skip
        line = skipped
        return true
    }

    /// Whether the file grew, was replaced (new inode) or truncated since the last read.
    mutating func check() -> Change {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: hostPath) else { return .missing }
        let newInode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        let newSize = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        if handle == nil || newInode != inode || newSize < offset { return .replaced }
        if newSize > offset {
            size = newSize
            return .grew
        }
        return .unchanged
    }

    /// Reads up to `limit` bytes; returns the rejections in the complete lines, or `nil` at the end.
    mutating func readChunk(_ limit: Int) -> [Rejection]? {
        guard let handle, let data = try? handle.read(upToCount: limit), !data.isEmpty else { return nil }
        offset += Int64(data.count)
        partial.append(data)
        guard let lastNewline = partial.lastIndex(of: 10) else { return [] }
        let complete = partial[partial.startIndex...lastNewline]
        partial = Data(partial[partial.index(after: lastNewline)...])
        var found: [Rejection] = []
        for raw in complete.split(separator: 10, omittingEmptySubsequences: false).dropLast() {
            line += 1
            let text = String(decoding: raw, as: UTF8.self)
            if let r = RejectionLineParser.parse(text[...], location: SourceLocation(file: serverPath, line: line)) {
                found.append(r)
            }
        }
        return found
    }
}
