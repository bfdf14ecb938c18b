import Foundation

/// What Exim answered in an `exim -bh` session: read from its transcript, the final line of each
/// SMTP reply in order.
public struct SMTPVerdict: Sendable, Hashable {
    /// Whether MAIL FROM was accepted.
    public var accepted: Bool
    /// The step that answered last: `connect`, `EHLO` or `MAIL FROM`.
    public var stage: String
    /// Exim's reply at that step.
    public var answer: String
    /// The line Exim logged for the refusal (`LOG: …` on stderr), if any.
    public var logLine: String?

    /// Reads the transcript (stdout) and the log (stderr); `nil` when Exim gave no SMTP answer.
    public init?(transcript: String, log: String) {
        let replies = transcript.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.count >= 4 && $0.prefix(3).allSatisfy(\.isNumber) && $0.dropFirst(3).first == " " }
        guard replies.count >= 2 else { return nil }
        logLine = log.split(separator: "\n").last { $0.hasPrefix("LOG:") }.map { String($0.dropFirst(5)) }
        let stages = ["connect", "EHLO", "MAIL FROM"]
        for (index, reply) in replies.prefix(3).enumerated() where reply.hasPrefix("4") || reply.hasPrefix("5") {
            accepted = false
            stage = stages[index]
            answer = reply
            return
        }
        accepted = replies.count >= 3
        stage = "MAIL FROM"
        answer = replies.count >= 3 ? replies[2] : replies[replies.count - 1]
    }
}
