#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends bytes to a buffer and writes it to a file in large blocks: generating a GiB of log or
/// 200,000 small files must take seconds, not minutes.
struct ByteWriter {
    private(set) var buffer: [UInt8] = []
    private let fd: Int32
    private(set) var written = 0

    init(path: String) throws(BenchError) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BenchError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(4 << 20)
    }

    mutating func text(_ s: String) {
        buffer.append(contentsOf: s.utf8)
    }

    mutating func bytes(_ b: [UInt8]) {
        buffer.append(contentsOf: b)
    }

    mutating func number(_ n: Int) {
        if n >= 10 { number(n / 10) }
        buffer.append(UInt8(48 + n % 10))
    }

    /// Size so far, flushed or not.
    var count: Int { written + buffer.count }

    mutating func flushIfLarge() throws(BenchError) {
        if buffer.count >= 4 << 20 { try flush() }
    }

    mutating func flush() throws(BenchError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            guard n > 0 else { throw BenchError(message: "cannot write the bench files: \(String(cString: strerror(errno))); check free disk space") }
            offset += n
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws(BenchError) {
        try flush()
        closeDescriptor(fd)
    }

    /// Writes a whole small file.
    static func file(_ path: String, _ text: String) throws(BenchError) {
        var w = try ByteWriter(path: path)
        w.text(text)
        try w.close()
    }
}

/// `close(2)`, out of reach inside a type that has its own `close()`.
private func closeDescriptor(_ fd: Int32) {
    close(fd)
}
