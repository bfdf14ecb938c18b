/// What the server's own Exim answers today when a refused sender's session is replayed
/// (`exim -bh IP` with its greeting and a MAIL FROM): the oracle for a rejection finding.
public struct EximVerdict: Codable, Sendable, Hashable {
    /// Exim's decision.
    public enum Decision: String, Codable, Sendable {
        /// The greeting or MAIL FROM got a 4xx/5xx reply.
        case refused
        /// MAIL FROM got 250: the sender gets through now.
        case accepted
    }

    /// Refused or accepted.
    public var verdict: Decision
    /// Exim's reply line (`550 Bad HELO - …`, `250 OK`).
    public var reply: String
    /// The command that got that reply (`EHLO`, `MAIL FROM`).
    public var stage: String
    /// What Exim would have logged, without the `LOG: ` prefix, if it logged a rejection.
    public var logLine: String?

    /// Creates a verdict.
    public init(verdict: Decision, reply: String, stage: String, logLine: String? = nil) {
        self.verdict = verdict
        self.reply = reply
        self.stage = stage
        self.logLine = logLine
    }

    /// Reads an `exim -bh` transcript (its standard output) and log (its standard error); `nil`
    /// when the session did not get as far as the greeting's reply.
    public init?(transcript: String, log: String) {
        let replies = transcript.split(whereSeparator: \.isNewline).map { Self.trimmed($0) }
            .filter { $0.utf8.count >= 4 && $0.prefix(3).allSatisfy(\.isNumber) && $0.dropFirst(3).first == " " }
        guard replies.count >= 2 else { return nil }
        logLine = log.split(separator: "\n").first { $0.hasPrefix("LOG:") && $0.contains(" rejected ") }
            .map { String($0.dropFirst(5)) }
        let stages = ["connect", "EHLO", "MAIL FROM"]
        for (index, reply) in replies.prefix(3).enumerated() where reply.hasPrefix("4") || reply.hasPrefix("5") {
            verdict = .refused
            stage = stages[index]
            self.reply = reply
            return
        }
        guard replies.count >= 3 else { return nil }
        verdict = replies[2].hasPrefix("2") ? .accepted : .refused
        stage = "MAIL FROM"
        reply = replies[2]
    }

    private static func trimmed(_ s: Substring) -> String {
        String(s.drop { $0 == " " || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\r" }.reversed())
    }
}
