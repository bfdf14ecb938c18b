#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProcessLaunch

/// Runs a program with stdout to a scratch file and measures wall time and peak memory (wait4's rusage).
/// Not /dev/null: GNU grep notices it and stops at the first match, like -q.
struct TimedProcess {
    var seconds: Double
    /// User plus system CPU time: on a machine shared with other work it varies far less than wall time.
    var cpuSeconds: Double
    var peakRSSMiB: Double
    var status: Int32

    static func run(_ argv: [String], output: String) throws(BenchError) -> TimedProcess {
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let child: ChildProcess
        do {
            child = try ChildProcess.start(argv, stdin: .inherit, stdout: .file(output), stderr: .inherit)
        } catch {
            throw BenchError(message: "cannot run \(argv[0]): \(String(cString: strerror(error.code)))")
        }
        let end = child.wait()
        var finish = timespec()
        clock_gettime(CLOCK_MONOTONIC, &finish)
        let seconds = Double(finish.tv_sec - start.tv_sec) + Double(finish.tv_nsec - start.tv_nsec) / 1e9
        return TimedProcess(seconds: seconds, cpuSeconds: end.cpuSeconds, peakRSSMiB: Double(end.peakRSSKiB) / 1024, status: end.status)
    }
}

/// Wall-clock seconds of a closure.
func timeIt(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    try body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

/// Writes a line to stderr (the C `stderr` global is not concurrency-safe in Swift 6).
func printError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}
