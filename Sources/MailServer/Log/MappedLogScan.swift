import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a plain log through memory maps of a few MiB at a time, in stretches of whole lines that
/// the threads take from a ``StretchQueue`` (one each to begin with; a thread that runs out takes
/// half of what another has left). Each window is unmapped when done, so resident memory stays
/// small for any size.
struct MappedLogScan {
    let log: LogFile
    let threads: Int
    /// Bytes per stretch to begin with (and half the smallest stretch left that may be split);
    /// `nil` for one stretch per thread.
    let chunkBytes: Int?
    let progress: (any ScanProgress)?
    let total: Int

    /// Bytes per mapped window.
    static let window = 4 << 20
    /// Bytes mapped on each side of a window, so a line crossing its edge can be read whole.
    static let margin = 64 << 10
    /// Bytes a stretch must still have unread for a thread that ran out of work to take half:
    /// smaller halves cost more in a tally of their own than they save.
    static let minimumSplit = 16 << 20

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
        let queue = StretchQueue(points: splitPoints(fd: fd, size: size), window: Self.window,
                                 minimumSplit: chunkBytes.map { 2 * $0 } ?? Self.minimumSplit,
                                 lineStart: { Self.lineStart(fd: fd, size: size, from: $0) })
        let scanned = Mutex<[Int: ScannedPart?]>([:])
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let i = queue.take() {
                let part = scan(fd: fd, size: size) { queue.nextWindow(of: i) }
                scanned.withLock { $0[i] = .some(part) }
            }
        }
        let stretches = queue.bounds
        var results = scanned.withLock { parts in stretches.map { parts[$0.index] ?? nil } }
        let bounds = stretches.map(\.range.lowerBound) + [size]
        let parts = stretches.count
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
                var windows = stride(from: bounds[t], to: bounds[t + 1], by: Self.window).map { $0..<min($0 + Self.window, bounds[t + 1]) }.makeIterator()
                guard let again = scan(fd: fd, size: size, carrying: whole.tally.startingCandidates(), reportProgress: false,
                                       windows: { windows.next() }) else { throw mapError() }
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

    /// How many stretches a file of `size` bytes starts as: one per thread (one for a small
    /// file), or chunks of ``chunkBytes`` when it is set.
    func chunks(size: Int) -> Int {
        if let chunkBytes { return max(1, (size + chunkBytes - 1) / chunkBytes) }
        return size < 8 << 20 ? 1 : threads
    }

    /// The first line start at or after `from`, however long the line; `size` if none.
    static func lineStart(fd: Int32, size: Int, from: Int) -> Int {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var p = from
        if p == 0 { return 0 }
        // `from` itself starts a line when the byte before it ends one.
        p -= 1
        while p < size {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(p)) }
            guard n > 0 else { return size }
            if let i = buffer[0..<n].firstIndex(of: UInt8(ascii: "\n")) { return p + i + 1 }
            p += n
        }
        return size
    }

    /// `[0, …, size]` with inner points moved to the start of a line.
    private func splitPoints(fd: Int32, size: Int) -> [Int] {
        let parts = chunks(size: size)
        var points = [0]
        for t in 1..<max(parts, 1) {
            let p = Self.lineStart(fd: fd, size: size, from: max(size / parts * t, points.last! + 1))
            if p > points.last! && p < size { points.append(p) }
        }
        points.append(size)
        return points
    }

    /// Scans the windows `next` hands out, one after the other (together a stretch of whole
    /// lines); `nil` when a window cannot be mapped.
    private func scan(fd: Int32, size: Int, carrying carried: [ScanTally.Carried] = [], reportProgress: Bool = true,
                      windows next: () -> Range<Int>?) -> ScannedPart? {
        var part = ScannedPart()
        part.tally.carry(carried)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let file = log.displayPath
        while let range = next() {
            let start = range.lowerBound, end = range.upperBound
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
        }
        return part
    }
}
