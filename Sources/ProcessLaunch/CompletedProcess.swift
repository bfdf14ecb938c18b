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

    /// Whether the child ran past its time limit and was killed.
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
    /// reads, or prints to both streams, can never block on a full pipe. With a `timeout`, a child
    /// still running then is killed (SIGKILL, by its own pid) and the result says ``CompletedProcess/timedOut``.
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
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var killedAt: ContinuousClock.Instant?
        while outFD >= 0 || errFD >= 0 || inFD >= 0 {
            var wait: Int32 = -1
            if let deadline, killedAt == nil {
                if clock.now >= deadline {
                    child.send(SIGKILL)
                    killedAt = clock.now
                } else {
                    wait = Int32(clamping: (deadline - clock.now).milliseconds + 1)
                }
            }
            // After the kill, what is left in the pipes is read; a grandchild that kept them open
            // gets one second before they are closed.
            if let killedAt {
                if clock.now - killedAt > .seconds(1) { break }
                wait = 100
            }
            var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0), pollfd(fd: errFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)]
            if poll(&fds, 3, wait) < 0 {
                if errno == EINTR { continue }
                break
            }
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
        for fd in [inFD, outFD, errFD] where fd >= 0 { close(fd) }
        // A child that closed its outputs may still run: the time limit holds until it ends.
        var ended: Termination?
        if let deadline, killedAt == nil {
            while true {
                if let end = child.exitIfEnded() {
                    ended = end
                    break
                }
                if clock.now >= deadline {
                    child.send(SIGKILL)
                    killedAt = clock.now
                    break
                }
                usleep(10_000)
            }
        }
        var done = CompletedProcess(termination: ended ?? child.waitForExit(), stdout: out, stderr: err)
        done.timedOut = killedAt != nil
        return done
    }
}

private extension Duration {
    /// Whole milliseconds (rounded down).
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
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
