#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcessLaunch

/// Reads a rotated `.gz` log by streaming it through `gzip -dc` (no zlib dependency): a buffer of a
/// few MiB at a time, the unfinished last line carried over to the next read.
struct CompressedLogScan {
    let log: LogFile

    /// Bytes read from the pipe at a time.
    static let chunk = 4 << 20

    func run() throws(LogReadError) -> ScannedPart {
        guard access(log.hostPath, R_OK) == 0 else {
            throw LogReadError(message: "cannot read \(log.displayPath): \(String(cString: strerror(errno))); run helofix as root or pass a readable copy with --log")
        }
        let gzip = try spawnGzip()
        let fd = gzip.stdout ?? -1
        defer { close(fd) }
        var part = ScannedPart()
        // The carried-over line sits at the front; 32 spare bytes follow the data (room the old 16-byte
        // Swift loads needed; the C candidate search reads nothing past the data, so they are only slack).
        var buffer = [UInt8](repeating: 0, count: Self.chunk * 2 + 32)
        var filled = 0
        while true {
            if filled >= buffer.count - 32 - 65536 { buffer.append(contentsOf: repeatElement(0, count: Self.chunk)) }
            let room = buffer.count - 32 - filled
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, min(room, Self.chunk)) }
            if n < 0 && errno == EINTR { continue }
            let finished = n <= 0
            if n > 0 { filled += n; part.bytes += n }
            let usable = finished ? filled : (buffer[0..<filled].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)
            if usable > 0 || finished {
                scan(&buffer, usable, into: &part)
                buffer.replaceSubrange(0..<usable, with: [])
                buffer.append(contentsOf: repeatElement(0, count: usable))
                filled -= usable
            }
            if finished { break }
        }
        try wait(for: gzip)
        return part
    }

    private func scan(_ buffer: inout [UInt8], _ usable: Int, into part: inout ScannedPart) {
        let linesBefore = part.lines
        let file = log.displayPath
        let newlines = buffer.withUnsafeBufferPointer { raw -> Int in
            let base = raw.baseAddress!
            let search = CandidateSearch(base: base, limit: usable)
            return search.scan(from: 0, to: usable) { hit in
                part.record(base, hit, lineNumber: linesBefore + hit.newlinesBefore + 1, file: file)
            }
        }
        part.lines += newlines
    }

    private func spawnGzip() throws(LogReadError) -> ChildProcess {
        do {
            return try ChildProcess.start(["gzip", "-dc", "--", log.hostPath], stdin: .null, stdout: .pipe, stderr: .inherit)
        } catch {
            throw LogReadError(message: "cannot run gzip to read \(log.displayPath): \(String(cString: strerror(error.code))); install gzip or pass the uncompressed log with --log")
        }
    }

    private func wait(for gzip: ChildProcess) throws(LogReadError) {
        let end = gzip.waitForExit()
        guard end.exitStatus == 0 else {
            throw LogReadError(message: "gzip could not decompress \(log.displayPath) (status \(end.status)); check the file with gzip -t")
        }
    }
}
