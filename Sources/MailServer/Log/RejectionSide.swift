/// Which end of a refused connection a log line was written on (the raw value is the word in JSON).
public enum RejectionSide: String, Codable, Sendable, Hashable {
    /// This server refused a sender: its own log line.
    case receiver
    /// Another server refused our mail: a bounce or a client's error, as the sender sees it.
    case sender
}
