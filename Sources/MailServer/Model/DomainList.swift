
/// The mail lists a domain can be in on the receiving server.
public enum DomainList: String, Codable, Sendable, CaseIterable, Comparable {
    /// Delivered here (`/etc/localdomains`, `/etc/virtual/domains`): greeting with it is "forgery".
    case local
    /// MX elsewhere (`/etc/remotedomains`).
    case remote
    /// Backup MX (`/etc/secondarymx`).
    case secondaryMX = "secondarymx"

    public static func < (a: DomainList, b: DomainList) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
