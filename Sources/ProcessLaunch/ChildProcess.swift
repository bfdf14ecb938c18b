#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibcExtras

/// A program started by helofix: the one place that starts processes (platform commands, gzip,
/// Exim, the benchmark's timed runs and the tests' helpers), so every child gets the same care.
///
/// Children start with an empty signal mask and every signal at its default action: the caller's
/// thread may block or ignore signals (test threads block SIGCHLD and SIGTERM, the command runner
/// ignores SIGPIPE), and a child that inherited that would never notice its own children exiting
/// or could not be stopped. Descriptors are closed in the child unless asked for.
public struct ChildProcess: Sendable {
    /// The child's process id.
    public let pid: pid_t
    /// The write end of the child's standard input, when it is ``Stream/pipe``.
    public let stdin: Int32?
    /// The read end of the child's standard output, when it is ``Stream/pipe``.
    public let stdout: Int32?
    /// The read end of the child's standard error, when it is ``Stream/pipe``.
    public let stderr: Int32?

    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable, Hashable {
        /// The same as the caller's.
        case inherit
        /// `/dev/null`.
        case null
        /// A pipe the caller writes (stdin) or reads (stdout, stderr).
        case pipe
        /// A file: read for stdin; created or truncated for stdout and stderr.
        case file(String)
        /// Standard error only: wherever standard output goes.
        case toStdout
    }

    /// Starts `argv` (`argv[0]` a path, or a name looked up in `PATH`) without waiting.
    /// `environment` replaces the caller's when given.
    public static func start(_ argv: [String], stdin: Stream = .null, stdout: Stream = .pipe, stderr: Stream = .pipe,
                             environment: [String: String]? = nil) throws(LaunchError) -> ChildProcess {
        guard let program = argv.first else { throw LaunchError(program: "", code: EINVAL) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var parentEnds: [Int32?] = [nil, nil, nil]
        var childEnds: [Int32] = []
        func cleanUp() {
            for fd in childEnds { close(fd) }
            for case let fd? in parentEnds { close(fd) }
        }
        let streams = [stdin, stdout, stderr]
        for (target, stream) in streams.enumerated() {
            switch stream {
            case .inherit:
                break
            case .null:
                posix_spawn_file_actions_addopen(&actions, Int32(target), "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                let flags = target == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC
                posix_spawn_file_actions_addopen(&actions, Int32(target), path, flags, 0o644)
            case .toStdout:
                posix_spawn_file_actions_adddup2(&actions, 1, Int32(target))
            case .pipe:
                var fds: [Int32] = [-1, -1]
                guard pipe(&fds) == 0 else {
                    let code = errno
                    cleanUp()
                    throw LaunchError(program: program, code: code)
                }
                // The caller's end must not leak into this child or any later one.
                let (childEnd, parentEnd) = target == 0 ? (fds[0], fds[1]) : (fds[1], fds[0])
                _ = fcntl(parentEnd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(childEnd, F_SETFD, FD_CLOEXEC)
                posix_spawn_file_actions_adddup2(&actions, childEnd, Int32(target))
                childEnds.append(childEnd)
                parentEnds[target] = parentEnd
            }
        }

        #if canImport(Glibc)
        // Every other descriptor is closed in the child: a file another thread has open for
        // writing (a script being installed) must not stay open in our children, or exec'ing that
        // file fails with "Text file busy".
        cx_spawn_closefrom(&actions, 3)
        #endif

        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var cEnvironment: [UnsafeMutablePointer<CChar>?]? = environment.map { env in
            env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer { for p in cEnvironment ?? [] { free(p) } }
        var pid = pid_t()
        var rc: Int32 = 0
        // A program written a moment ago may still be open for writing in a child another thread
        // is starting (between its fork and its exec): that lasts microseconds, so try again.
        for attempt in 0..<20 {
            rc = if cEnvironment != nil {
                posix_spawnp(&pid, program, &actions, &attributes, &cArgs, &cEnvironment!)
            } else {
                posix_spawnp(&pid, program, &actions, &attributes, &cArgs, environ)
            }
            guard rc == ETXTBSY, attempt < 19 else { break }
            usleep(10_000)
        }
        for fd in childEnds { close(fd) }
        guard rc == 0 else {
            for case let fd? in parentEnds { close(fd) }
            throw LaunchError(program: program, code: rc)
        }
        return ChildProcess(pid: pid, stdin: parentEnds[0], stdout: parentEnds[1], stderr: parentEnds[2])
    }

    /// Waits for the child to end and closes the caller's pipe ends.
    @discardableResult
    public func wait() -> Termination {
        for case let fd? in [stdin, stdout, stderr] { close(fd) }
        return waitForExit()
    }

    /// Waits for the child to end, leaving the pipe ends to the caller.
    @discardableResult
    public func waitForExit() -> Termination {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return Termination(rawStatus: status, peakRSSKiB: Int(usage.ru_maxrss))
    }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }
}
