/// Asks the real Exim whether a sender's greeting is accepted now: `exim -bh IP` runs a fake SMTP
/// session through the server's own ACLs (nothing is delivered) with `EHLO NAME`, `MAIL FROM` and
/// `QUIT`. Used by `helofix verify` and the console's verify step alike.
public struct EximGreetingCheck: Sendable {
    /// The exim binary (a host path).
    public var binary: String
    /// The configuration to use (`-C`), when not Exim's own.
    public var config: String?
    /// Starts the session.
    public var runner: any CommandRunner

    /// Creates a check.
    public init(binary: String, config: String?, runner: any CommandRunner) {
        self.binary = binary
        self.config = config
        self.runner = runner
    }

    /// What Exim did with a session from `ip` greeting as `helo`, sending from `sender`.
    public enum Outcome: Sendable {
        /// Exim answered.
        case verdict(SMTPVerdict)
        /// Exim gave no SMTP answer: its exit status and the last line it printed on stderr.
        case noAnswer(status: Int32, lastError: String)
    }

    /// Runs the session; throws when exim cannot be started.
    public func run(ip: String, helo: String, sender: String) throws -> Outcome {
        let arguments = (config.map { ["-C", $0] } ?? []) + ["-bh", ip]
        let input = Array("EHLO \(helo)\r\nMAIL FROM:<\(sender)>\r\nQUIT\r\n".utf8)
        let output = try runner.run(binary, arguments, input: input)
        guard let verdict = SMTPVerdict(transcript: output.stdout, log: output.stderr) else {
            return .noAnswer(status: output.status, lastError: output.stderr.split(separator: "\n").last.map(String.init) ?? "")
        }
        return .verdict(verdict)
    }
}
