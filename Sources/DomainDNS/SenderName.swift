import MailServer

/// The reverse-DNS name (PTR) of a sender this server refused, so the admin sees which machine it is.
public struct SenderName: Sendable, Hashable, Codable {
    /// The sender's address.
    public var ip: String
    /// Its PTR names (lower case); empty when it has none.
    public var names: [String]
    /// Set when DNS gave no answer.
    public var failure: DNSFailure?

    /// Creates a sender name.
    public init(ip: String, names: [String], failure: DNSFailure? = nil) {
        self.ip = ip
        self.names = names
        self.failure = failure
    }

    /// `web.newhost.example`, `no PTR record`, or the failure.
    public var summary: String {
        if let failure { return "DNS gave no answer (\(failure.text))" }
        return names.isEmpty ? "no PTR record" : names.joined(separator: ", ")
    }

    /// The name a PTR question asks for: `10.113.0.203.in-addr.arpa`, or the nibbles under `ip6.arpa`.
    public static func reverseName(_ ip: IPAddress) -> String {
        if !ip.isIPv6 { return ip.bytes.reversed().map(String.init).joined(separator: ".") + ".in-addr.arpa" }
        let hex = Array("0123456789abcdef")
        var nibbles: [Character] = []
        for b in ip.bytes.reversed() { nibbles += [hex[Int(b & 0xf)], hex[Int(b >> 4)]] }
        return nibbles.map(String.init).joined(separator: ".") + ".ip6.arpa"
    }

    /// The PTR names of `ips`, asked through `pool`.
    public static func lookUp(_ ips: [IPAddress], pool: ResolverPool, stop: (@Sendable () -> Bool)? = nil) -> [SenderName] {
        let questions = ips.map { DNSQuestion(reverseName($0), .ptr) }
        let answers = pool.resolve(questions, stop: stop)
        return zip(ips, questions).map { ip, q in
            switch answers[q] ?? .failed(.resolverSilent) {
            case .failed(let f): SenderName(ip: ip.description, names: [], failure: f)
            case .nxdomain: SenderName(ip: ip.description, names: [])
            case let answer: SenderName(ip: ip.description, names: answer.records(of: .ptr).map(\.data))
            }
        }
    }
}
