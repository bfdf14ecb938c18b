import Foundation

/// A real OpenSSH server started for a test: its own host key, config and throw-away client key
/// in a temporary directory, listening on loopback addresses and a free high port, stopped by PID.
public final class LoopbackSSHD {
    /// The port it listens on (on every address given).
    public let port: Int
    /// The private key that logs in as ``user``.
    public let clientKey: String
    /// The user it lets in (the one running the tests).
    public let user: String
    /// sshd's PID (it runs detached from the test's own process bookkeeping, stopped by this PID).
    public let pid: Int32
    private let stderrFile: String

    /// Starts `sshd -D -e` for `addresses`; the files live in `directory`, which the caller removes.
    public init(sshd: String, keygen: String, addresses: [String], directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for name in ["host_key", "client_key"] {
            let run = try ProcessRunner.run([keygen, "-q", "-t", "ed25519", "-N", "", "-C", "helofix-test", "-f", "\(directory)/\(name)"])
            guard run.status == 0 else { throw SSHDError("ssh-keygen failed: \(run.stderr)") }
        }
        try fm.copyItem(atPath: "\(directory)/client_key.pub", toPath: "\(directory)/authorized_keys")
        clientKey = "\(directory)/client_key"
        let user = ProcessInfo.processInfo.environment["USER"] ?? (getuid() == 0 ? "root" : String(cString: getpwuid(getuid())!.pointee.pw_name))
        self.user = user
        let port = try Self.freePort()
        self.port = port
        let config = addresses.map { "ListenAddress \($0):\(port)" } + [
            "HostKey \(directory)/host_key", "PidFile \(directory)/sshd.pid", "AuthorizedKeysFile \(directory)/authorized_keys",
            // The key lives in a temporary directory whose parents (/tmp) are world-writable.
            "StrictModes no", "PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no",
            "PermitRootLogin prohibit-password", "AllowUsers \(user)", "Subsystem sftp internal-sftp", "LogLevel ERROR",
        ]
        try Data((config.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: "\(directory)/sshd_config"))
        // sshd refuses to start without its privilege-separation directory (normally made by the service unit).
        if getuid() == 0 { try? fm.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755]) }
        stderrFile = "\(directory)/sshd.log"
        _ = fm.createFile(atPath: stderrFile, contents: nil)
        // Started through sh and left to run on its own: a long-lived child of Foundation's Process
        // kept later Process runs in the same test from being reaped.
        let start = try ProcessRunner.run(["/bin/sh", "-c", "\"$0\" -D -e -f \"$1\" </dev/null >/dev/null 2>>\"$2\" & echo $!",
                                           sshd, "\(directory)/sshd_config", stderrFile])
        guard let pid = Int32(start.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw SSHDError("sshd did not start: \(start.stderr)") }
        self.pid = pid
        let deadline = Date().addingTimeInterval(10)
        while !addresses.allSatisfy({ Self.accepts($0, port) }) {
            guard isRunning, Date() < deadline else {
                stop()
                throw SSHDError("sshd did not start: " + ((try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? ""))
            }
            usleep(50_000)
        }
    }

    /// What sshd wrote on stderr.
    public var log: String { (try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? "" }

    /// Stops sshd by its PID and waits for it.
    public func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while isRunning, Date() < deadline { usleep(20_000) }
        if isRunning { kill(pid, SIGKILL) }
    }

    /// Whether the sshd process still exists (a zombie is reaped by init, not us).
    private var isRunning: Bool { kill(pid, 0) == 0 }

    deinit { stop() }

    /// A port nothing listens on now (the kernel picks it).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { throw SSHDError("no free port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Whether something accepts TCP connections at `address:port`.
    static func accepts(_ address: String, _ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr(address)
        addr.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
