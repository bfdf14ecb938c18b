import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a plain log through memory maps of a few MiB at a time, split between threads at line
/// boundaries. Each window is unmapped when done, so resident memory stays small for any size.
struct MappedLogScan {
    let log: LogFile
    let threads: Int
    let progress: (any ScanProgress)?
    let total: Int

    /// Bytes per mapped window.
    static let window = 4 << 20
    /// Bytes mapped on each side of a window, so a line crossing its edge can be read whole.
    static let margin = 64 << 10

    static func size(of path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    func run() throws(LogReadError) -> ScannedPart {
        // O_NONBLOCK: opening a FIFO named as the log must not hang inspect (or a monitoring check).
        let fd = open(log.hostPath, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw openError(errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw openError(errno) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw LogReadError(message: "\(log.displayPath) is not a regular file; pass the log file itself with --log")
        }
        let size = Int(st.st_size)
        let bounds = splitPoints(fd: fd, size: size)
        let parts = bounds.count - 1
        var results = ConcurrentParts.map(parts) { t in
            scanRange(fd: fd, size: size, from: bounds[t], to: bounds[t + 1])
        }
        var whole = ScannedPart()
        for t in 0..<parts {
            // Taken out of `results`, so its groups are moved into the whole, not copied.
            guard var part = results[t] else {
                throw mapError()
            }
            results[t] = nil
            // A client's HELO retry split from its refused EHLO by the part boundary: this part is
            // read again, continuing from the parts before, so the count is the single-core one.
            if t > 0, whole.tally.retrySpansBoundary(into: part.tally) {
                guard let again = scanRange(fd: fd, size: size, from: bounds[t], to: bounds[t + 1],
                                            carrying: whole.tally.startingCandidates(), reportProgress: false) else { throw mapError() }
                part = again
            }
            if t == 0 {
                whole = part
                continue
            }
            whole.tally.append(part.tally, shiftingLinesBy: whole.lines)
            whole.lines += part.lines
            whole.bytes += part.bytes
        }
        return whole
    }

    private func mapError() -> LogReadError {
        LogReadError(message: "cannot map \(log.displayPath) into memory; check free memory and that the file is not being truncated")
    }

    private func openError(_ code: Int32) -> LogReadError {
        LogReadError(message: "cannot read \(log.displayPath): \(String(cString: strerror(code))); run helofix as root or pass a readable copy with --log")
    }

    /// `[0, …, size]` with inner points moved to the start of a line; one part for small files.
    private func splitPoints(fd: Int32, size: Int) -> [Int] {
        let parts = size < 8 << 20 ? 1 : threads
        var points = [0]
        var buffer = [UInt8](repeating: 0, count: 65536)
        for t in 1..<max(parts, 1) {
            var p = size / parts * t
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(p)) }
            if n > 0, let i = buffer[0..<n].firstIndex(of: UInt8(ascii: "\n")) { p += i + 1 }
            if p > points.last! && p < size { points.append(p) }
        }
        points.append(size)
        return points
    }

    /// Scans `[from, to)` window by window; `nil` when a window cannot be mapped.
    private func scanRange(fd: Int32, size: Int, from: Int, to: Int,
                           carrying carried: [ScanTally.Carried] = [], reportProgress: Bool = true) -> ScannedPart? {
        var part = ScannedPart()
        part.tally.carry(carried)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let file = log.displayPath
        var start = from
        while start < to {
            let end = min(start + Self.window, to)
            let mapStart = max(0, start - Self.margin) / page * page
            let mapEnd = min(size, end + Self.margin)
            let length = mapEnd - mapStart
            guard let raw = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, off_t(mapStart)), raw != MAP_FAILED else { return nil }
            let base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
            let search = CandidateSearch(base: base, limit: length)
            let linesBefore = part.lines
            let newlines = search.scan(from: start - mapStart, to: end - mapStart) { hit in
                part.record(base, hit, lineNumber: linesBefore + hit.newlinesBefore + 1, file: file)
            }
            part.lines += newlines
            munmap(raw, length)
            part.bytes += end - start
            if reportProgress { progress?.advance(by: end - start, total: total) }
            start = end
        }
        return part
    }
}
