import Foundation
import ProcessLaunch

/// A real DNS server for tests: Debian's `dnsmasq` on a loopback address and a high port, serving
/// only the records the test gives it (no upstream, no /etc/hosts), stopped by its PID.
///
/// Started with ``ChildProcess``, not Foundation's `Process`: Foundation waits for its children one
/// at a time, so a server that runs for the whole test would keep a later `helofix` run from ever
/// being reaped; and ``ChildProcess`` clears the signal mask the test runner's threads have, so
/// SIGTERM stops it.
public final class LoopbackDNS: @unchecked Sendable {
    /// Where dnsmasq is installed (package `dnsmasq-base`).
    public static let program = "/usr/sbin/dnsmasq"

    /// A loopback address other than 127.0.0.1, so it never clashes with a local resolver.
    public let address: String
    /// The port it listens on (UDP and TCP).
    public let port: UInt16
    private var child: ChildProcess?
    private let logFile: String

    /// `IP:PORT` for `--resolver`.
    public var resolver: String { "\(address):\(port)" }

    /// A missing dnsmasq, said plainly (the test fails: it never passes by skipping).
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "\(LoopbackDNS.program) is missing: install dnsmasq-base (.ci/run does)" }
    }

    /// Starts dnsmasq with `records` (dnsmasq options such as `--mx-host=…`, `--host-record=…`) and waits
    /// until it accepts connections. Tries other ports when one is taken.
    public init(records: [String], address: String = "127.0.0.53") throws {
        guard FileManager.default.isExecutableFile(atPath: Self.program) else { throw Missing() }
        logFile = NSTemporaryDirectory() + "helofix-dnsmasq-\(UUID().uuidString).log"
        var lastError = ""
        for _ in 0..<20 {
            let port = UInt16.random(in: 20_000...60_000)
            let arguments = [Self.program, "--no-daemon", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--no-poll", "--pid-file=",
                             "--user=root", "--port=\(port)", "--listen-address=\(address)", "--bind-interfaces",
                             "--cache-size=0", "--log-facility=-"] + records
            let child = try ChildProcess.start(arguments, stdout: .null, stderr: .file(logFile))
            if Self.waitUntilListening(address, port, child.pid) {
                self.address = address
                self.port = port
                self.child = child
                return
            }
            child.send(SIGKILL)
            child.wait()
            lastError = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        }
        try? FileManager.default.removeItem(atPath: logFile)
        throw NSError(domain: "LoopbackDNS", code: 1, userInfo: [NSLocalizedDescriptionKey: "dnsmasq did not start: \(lastError)"])
    }

    /// Stops dnsmasq (by its PID) and reaps it.
    public func stop() {
        guard let child else { return }
        child.send(SIGTERM)
        child.wait()
        self.child = nil
        try? FileManager.default.removeItem(atPath: logFile)
    }

    deinit { stop() }

    /// Polls the TCP side (dnsmasq opens both) for up to 5 s; false when dnsmasq is gone (port taken).
    private static func waitUntilListening(_ address: String, _ port: UInt16, _ pid: pid_t) -> Bool {
        for _ in 0..<100 {
            if exited(pid) { return false }
            if tcpAccepts(address, port) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Whether the child has ended (a zombie until ``ChildProcess/wait()`` reaps it).
    private static func exited(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.range(of: ") ", options: .backwards) else { return true }
        return stat[close.upperBound...].first == "Z"
    }

    static func tcpAccepts(_ address: String, _ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        sa.sin_port = port.bigEndian
        inet_pton(AF_INET, address, &sa.sin_addr)
        return withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
