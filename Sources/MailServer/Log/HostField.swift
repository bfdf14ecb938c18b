/// Exim's `H=` host field: `H=[ip]`, `H=(helo) [ip]`, `H=name [ip]`, `H=name (helo) [ip]`, each
/// with an optional `:port` (log_selector `+incoming_port`, on in cPanel). IPv6 sits inside the
/// brackets (Exim logs it fully expanded); the greeting may itself be a literal (`H=([127.0.0.1])`).
struct HostField {
    /// The reverse-DNS name Exim verified, if logged.
    var name: String?
    /// The greeting in parentheses; Exim leaves it out when it equals the verified name.
    var helo: String?
    /// The client address.
    var ip: IPAddress?

    /// Parses the field that starts right after `H=`; `nil` when it does not have this shape.
    init?(_ s: Substring) {
        var rest = s
        if !rest.hasPrefix("("), !rest.hasPrefix("[") {
            guard let space = rest.firstIndex(of: " ") else { return nil }
            name = String(rest[..<space]).lowercased()
            rest = rest[rest.index(after: space)...]
        }
        if rest.hasPrefix("(") {
            // The greeting ends at the ") [" that opens the address, so a literal inside is kept whole.
            guard let end = rest.firstRange(of: ") [") else { return nil }
            helo = String(rest[rest.index(after: rest.startIndex)..<end.lowerBound]).lowercased()
            rest = rest[rest.index(before: end.upperBound)...]
        }
        guard rest.hasPrefix("["), let close = rest.firstIndex(of: "]") else { return nil }
        ip = IPAddress(rest[rest.index(after: rest.startIndex)..<close])
        if ip == nil, name == nil, helo == nil { return nil }
    }

    /// The greeting the client used: the parenthesised one, else the verified name.
    var greeting: String? { helo ?? name }
}
