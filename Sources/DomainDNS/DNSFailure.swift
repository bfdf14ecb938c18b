/// Why a question got no usable answer. Never a verdict about the domain: only "we do not know".
public enum DNSFailure: String, Sendable, Hashable, Codable {
    /// No reply within the timeout on every try.
    case timeout
    /// The server replied with a failure (SERVFAIL, REFUSED) or refused the connection.
    case serverFailure = "server-failure"
    /// Not asked: the resolver had not answered anything and its earlier questions timed out.
    case resolverSilent = "resolver-silent"
    /// The resolver state could not be set up.
    case unavailable
    /// Not asked: the analysis was cancelled (never cached, so a later run asks again).
    case cancelled

    /// In the admin's words.
    public var text: String {
        switch self {
        case .timeout: "no reply within the timeout"
        case .serverFailure: "the DNS server reported a failure (SERVFAIL or REFUSED)"
        case .resolverSilent: "not asked: the resolver never answered"
        case .unavailable: "the system resolver could not be set up"
        case .cancelled: "not asked: the analysis was cancelled"
        }
    }
}
