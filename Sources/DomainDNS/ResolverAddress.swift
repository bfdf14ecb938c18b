/// An IPv4 DNS server address with its port (`--resolver IP[:PORT]`).
public struct ResolverAddress: Sendable, Hashable, CustomStringConvertible {
    /// The IPv4 address.
    public var address: String
    /// The UDP/TCP port.
    public var port: UInt16

    /// Creates an address.
    public init(address: String, port: UInt16 = 53) {
        self.address = address
        self.port = port
    }

    /// Parses `IP` or `IP:PORT`; the message says what is wrong.
    public init(parsing text: String) throws(ResolverAddressError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw ResolverAddressError(text: text) }
        let ip = String(parts[0])
        let octets = ip.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && UInt8($0) != nil }) else {
            throw ResolverAddressError(text: text)
        }
        var port: UInt16 = 53
        if parts.count == 2 {
            guard let p = UInt16(parts[1]), p > 0 else { throw ResolverAddressError(text: text) }
            port = p
        }
        self.init(address: ip, port: port)
    }

    /// `IP:PORT`.
    public var description: String { "\(address):\(port)" }
}
