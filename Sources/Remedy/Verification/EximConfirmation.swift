import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// Asks the server's own Exim whether each refused sender would be refused today: replays the
/// sender's session as `exim [-C CONF] -bh IP -oMi LOCAL_IP` with `EHLO name`, `MAIL FROM` and
/// `QUIT`. `-bh` runs the real ACLs and delivers, accepts and logs nothing.
///
/// Each session is bounded in time (a sender whose DNS lookups never answer, or an ACL `delay`,
/// is killed at the limit and reported as such) and the number of sessions is bounded, so a log
/// with thousands of senders costs seconds, not minutes.
public struct EximConfirmation: Sendable {
    /// The exim binary, a HOST path (never one inside the server root: that would run the
    /// server's program with our privileges).
    public var exim: String
    /// The configuration for `-C` (a host path), `nil` for Exim's built-in default.
    public var config: String?
    /// The address the sender connected to (`$interface_address`), with the SMTP port 25.
    public var localIP: IPAddress?
    /// Runs the sessions.
    public var runner: any CommandRunner
    /// Longest time one session may take.
    public var timeout: Duration
    /// Most senders replayed.
    public var limit: Int

    /// Creates a confirmation.
    public init(exim: String, config: String?, localIP: IPAddress?, runner: any CommandRunner,
                timeout: Duration = .seconds(10), limit: Int = 25) {
        self.exim = exim
        self.config = config
        self.localIP = localIP
        self.runner = runner
        self.timeout = timeout
        self.limit = limit
    }

    /// One replay's outcome: Exim's verdict, or why there is none.
    public enum Outcome: Sendable, Hashable {
        case verdict(EximVerdict)
        case failed(String)

        /// The verdict, if Exim gave one.
        public var verdict: EximVerdict? {
            if case .verdict(let v) = self { return v }
            return nil
        }
    }

    /// A refused sender: its address and greeting.
    public struct Sender: Sendable, Hashable {
        public var ip: IPAddress
        public var greeting: String

        /// Creates a sender key.
        public init(ip: IPAddress, greeting: String) {
            self.ip = ip
            self.greeting = greeting
        }
    }

    /// The exim binary on this host: `/usr/sbin/exim` (cPanel, DirectAdmin) or `/usr/sbin/exim4` (Debian).
    public static func hostBinary() -> String? {
        ["/usr/sbin/exim", "/usr/sbin/exim4", "/usr/local/sbin/exim"].first { access($0, X_OK) == 0 }
    }

    /// The platform's Exim configuration, as a server path.
    public static func configPath(for platform: Platform) -> String? {
        switch platform {
        case .cpanel, .directadmin: "/etc/exim.conf"
        case .exim: "/etc/exim4/exim4.conf"
        case .unknown: nil
        }
    }

    /// Which configuration a replay uses.
    public enum Configuration: Sendable, Hashable {
        /// Exim's own (no `-C`): on the live server, so Exim keeps its own user's access to the lists.
        case eximsOwn
        /// A file, passed with `-C` (Exim then runs as its unprivileged user).
        case file(String)

        /// The `-C` argument, if any.
        public var path: String? {
            if case .file(let p) = self { return p }
            return nil
        }
    }

    /// The configuration to replay with: `explicit` when given; on the live server (root `/`) Exim's
    /// own; for a copy under `--root` the platform's file there; `nil` when there is none.
    public static func configuration(root: ServerRoot, platform: Platform?, explicit: String?) -> Configuration? {
        if let explicit { return .file(explicit) }
        if root.path == "/" { return .eximsOwn }
        guard let platform, let path = configPath(for: platform), access(root.hostPath(path), R_OK) == 0 else { return nil }
        return .file(root.hostPath(path))
    }

    /// The senders worth replaying from the log groups: receiver-side rejections with an address,
    /// most rejected first, at most ``limit``.
    public func senders(_ groups: [RejectionGroup]) -> [Sender] {
        var seen = Set<Sender>()
        var out: [Sender] = []
        for g in groups.sorted(by: { $0.count > $1.count }) {
            guard let ip = g.ip, g.samples.first?.side != .sender, Self.isWord(g.helo) else { continue }
            let s = Sender(ip: ip, greeting: g.helo)
            if seen.insert(s).inserted { out.append(s) }
            if out.count == limit { break }
        }
        return out
    }

    /// Replays every sender of `groups` (bounded by ``limit``), one after another.
    public func confirm(_ groups: [RejectionGroup]) -> [Sender: Outcome] {
        var out: [Sender: Outcome] = [:]
        for s in senders(groups) { out[s] = replay(s) }
        return out
    }

    /// Replays one sender.
    public func replay(_ sender: Sender, mailFrom: String? = nil) -> Outcome {
        guard Self.isWord(sender.greeting) else { return .failed("the greeting must be one word without spaces or control characters") }
        let from = mailFrom ?? "postmaster@\(sender.greeting.hasPrefix("[") ? "example.invalid" : sender.greeting)"
        guard Self.isWord(from) else { return .failed("the sender address must be one word without spaces or control characters") }
        var arguments: [String] = []
        if let config { arguments += ["-C", config] }
        arguments += ["-bh", sender.ip.description]
        if let localIP { arguments += ["-oMi", "\(localIP).25"] }
        let input = Array("EHLO \(sender.greeting)\r\nMAIL FROM:<\(from)>\r\nQUIT\r\n".utf8)
        let output: CommandOutput
        do {
            output = try runner.run(exim, arguments, input: input, timeout: timeout)
        } catch {
            return .failed("\(error)")
        }
        guard let verdict = EximVerdict(transcript: output.stdout, log: output.stderr) else {
            let said = output.stderr.split(separator: "\n").last.map(String.init) ?? "no output"
            return .failed("\(exim) gave no SMTP answer (exit \(output.status)): \(said)")
        }
        return .verdict(verdict)
    }

    /// One SMTP word: no white space or control characters (they would inject commands).
    static func isWord(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 255 && !s.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }
}
