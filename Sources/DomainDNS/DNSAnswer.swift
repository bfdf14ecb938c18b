/// One record of an answer.
public struct DNSRecord: Sendable, Hashable, Codable {
    /// The record's type.
    public var type: RecordType
    /// Its owner name (lower case): differs from the question's name after a CNAME.
    public var owner: String
    /// A name (MX, CNAME, PTR, lower case), an address (A, AAAA) or the text (TXT).
    public var data: String
    /// The MX preference, 0 for other types.
    public var preference: Int

    /// Creates a record.
    public init(type: RecordType, owner: String, data: String, preference: Int = 0) {
        self.type = type
        self.owner = owner
        self.data = data
        self.preference = preference
    }
}

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

/// What the DNS said to one question.
public enum DNSAnswer: Sendable, Hashable {
    /// NOERROR with these answer records; empty when the name exists without records of the type.
    case records([DNSRecord])
    /// The name does not exist.
    case nxdomain
    /// No usable answer.
    case failed(DNSFailure)

    /// The records of `type` (e.g. the A records at the end of a CNAME chain).
    public func records(of type: RecordType) -> [DNSRecord] {
        if case .records(let all) = self { return all.filter { $0.type == type } }
        return []
    }
}
