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
