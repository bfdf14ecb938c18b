import Foundation
import ProcessLaunch

/// One fake SMTP session through the real `exim4 -C CONF -bh IP` (nothing is delivered): the
/// replies Exim sends and the lines it would log, for tests that use Exim as the oracle.
public struct EximSession: Sendable {
    /// Debian's exim4 (package exim4-daemon-light); CI installs it.
    public static let exim = "/usr/sbin/exim4"

    /// The final line of each SMTP reply, in order (the banner first).
    public var replies: [String]
    /// What Exim would log, without the `LOG: ` prefix.
    public var log: [String]

    /// The reply to the greeting (EHLO).
    public var greetingReply: String? { replies.count > 1 ? replies[1] : nil }
    /// The first refusal after the banner, else the reply to MAIL FROM (the last before QUIT's).
    public var verdict: String? {
        replies.dropFirst().first { $0.hasPrefix("5") || $0.hasPrefix("4") } ?? (replies.count > 2 ? replies[replies.count - 2] : nil)
    }
    /// Whether MAIL FROM was accepted.
    public var accepted: Bool { verdict?.hasPrefix("250") ?? false }
    /// The log lines that record a rejection.
    public var rejections: [String] { log.filter { $0.contains(" rejected ") } }

    /// Runs `EHLO helo` (and `HELO helo` again when EHLO is refused, as Exim's own client does),
    /// optional `AUTH PLAIN` as `sender`/`secret`, `MAIL FROM`, `QUIT` from `client` to the replica's
    /// interface address on `port`.
    public static func run(config: String, client: String, helo: String, port: Int = 25, authenticate: Bool = false,
                           retryHelo: Bool = false) throws -> EximSession {
        var script = "EHLO \(helo)\r\n"
        if retryHelo { script += "HELO \(helo)\r\n" }
        if authenticate { script += "AUTH PLAIN \(Data("\u{0}sender\u{0}secret".utf8).base64EncodedString())\r\n" }
        script += "MAIL FROM:<a@sender.tld>\r\nQUIT\r\n"
        let done = try ChildProcess.run([exim, "-C", config, "-oMi", "\(EximReplica.localIP).\(port)", "-bh", client],
                                        input: Array(script.utf8))
        let transcript = done.stdoutText
        let replies = transcript.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.count >= 4 && $0.prefix(3).allSatisfy(\.isNumber) && $0.dropFirst(3).first == " " }
        let log = done.stderrText.split(separator: "\n").filter { $0.hasPrefix("LOG: ") }.map { String($0.dropFirst(5)) }
        return EximSession(replies: replies, log: log)
    }
}
