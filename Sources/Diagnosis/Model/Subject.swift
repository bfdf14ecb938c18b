import MailServer

/// What a finding is about, so the console can highlight related rows in every pane.
public enum Subject: Codable, Sendable, Hashable {
    /// A domain (lower case).
    case domain(String)
    /// A host name (the server's hostname, a greeting name).
    case hostName(String)
    /// A sender IP.
    case ip(IPAddress)
    /// A file.
    case file(String)

    /// The subject as text.
    public var text: String {
        switch self {
        case .domain(let d): d
        case .hostName(let h): h
        case .ip(let ip): ip.description
        case .file(let f): f
        }
    }
}
