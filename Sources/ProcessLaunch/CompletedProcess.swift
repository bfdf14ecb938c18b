#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child that ran to its end, with everything it printed.
public struct CompletedProcess: Sendable {
    /// How it ended.
    public var termination: Termination
    /// What it wrote to standard output and standard error.
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    /// The child outlived the time it was given and was killed (SIGKILL).
    public var timedOut = false

    /// The exit status (128 + N for signal N).
    public var status: Int32 { termination.status }
    /// Standard output as text (invalid UTF-8 replaced).
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as text (invalid UTF-8 replaced).
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

extension ChildProcess {
    /// Runs `argv`, feeds it `input` (stdin is `/dev/null` without), and collects both outputs.
    /// Input and outputs are moved together with `poll`, so a program that prints much before it
    /// reads, or prints to both streams, can never block on a full pipe.
    /// With `timeout`, a child still running then is killed, its pipes are closed (a grandchild
    /// holding them cannot keep us waiting) and the result says `timedOut`.
    public static func run(_ argv: [String], input: [UInt8]? = nil, environment: [String: String]? = nil,
                           timeout: Duration? = nil) throws(LaunchError) -> CompletedProcess {
        let child = try start(argv, stdin: input == nil ? .null : .pipe, stdout: .pipe, stderr: .pipe, environment: environment)
        var out: [UInt8] = [], err: [UInt8] = []
        var pending = input ?? []
        var written = 0
        var inFD = child.stdin ?? -1
        var outFD = child.stdout ?? -1, errFD = child.stderr ?? -1
        if inFD >= 0 && pending.isEmpty { close(inFD); inFD = -1 }
        // A program that exits without reading its input must cost a write error, not a SIGPIPE.
        if inFD >= 0 { _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var timedOut = false
        while outFD >= 0 || errFD >= 0 || inFD >= 0 {
            var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0), pollfd(fd: errFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)]
            var wait: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                if left <= .zero {
                    child.send(SIGKILL)
                    for fd in [inFD, outFD, errFD] where fd >= 0 { close(fd) }
                    (inFD, outFD, errFD) = (-1, -1, -1)
                    timedOut = true
                    break
                }
                wait = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            }
            let ready = poll(&fds, 3, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 { continue }
            for (index, fd) in [outFD, errFD].enumerated() where fd >= 0 && fds[index].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if index == 0 { out += buffer[0..<n] } else { err += buffer[0..<n] }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fd)
                    if index == 0 { outFD = -1 } else { errFD = -1 }
                }
            }
            if inFD >= 0 && fds[2].revents != 0 {
                let n = pending.withUnsafeBytes { writeWithoutSIGPIPE(inFD, $0.baseAddress! + written, $0.count - written) }
                if n > 0 { written += n }
                if written == pending.count || (n < 0 && errno != EINTR && errno != EAGAIN) {
                    close(inFD)
                    inFD = -1
                    pending = []
                }
            }
        }
        var done = CompletedProcess(termination: child.waitForExit(), stdout: out, stderr: err)
        done.timedOut = timedOut
        return done
    }
}

/// Writes to a pipe without raising SIGPIPE when the reader is gone.
private func writeWithoutSIGPIPE(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    // A pipe is not a socket, so MSG_NOSIGNAL is unavailable: block SIGPIPE for this thread while
    // writing and drop a pending one, so the caller's signal handling is left as it was.
    var block = sigset_t(), old = sigset_t()
    sigemptyset(&block)
    sigaddset(&block, SIGPIPE)
    pthread_sigmask(SIG_BLOCK, &block, &old)
    let n = write(fd, bytes, count)
    let failed = n < 0 ? errno : 0
    if failed == EPIPE {
        var timeout = timespec()
        _ = sigtimedwait(&block, nil, &timeout)
    }
    pthread_sigmask(SIG_SETMASK, &old, nil)
    errno = failed
    return n
    #else
    return write(fd, bytes, count)
    #endif
}
