import Glibc
import MailServer

/// The addresses that count as "this server" when DNS says where a domain's mail goes: the panel's
/// IP lists (`/etc/ips`, `/var/cpanel/mainip`, DirectAdmin `ip.list`), the `helo_data` keys, and the
/// network interfaces when the root is the real `/` (a test tree's interfaces are not the host's).
public struct ServerAddresses: Sendable, Hashable {
    /// The addresses.
    public var addresses: Set<IPAddress>
    /// The host names that are this server (its hostname): an MX naming it is here too.
    public var names: Set<String>

    /// Creates the set directly.
    public init(addresses: Set<IPAddress>, names: Set<String> = []) {
        self.addresses = addresses
        self.names = names
    }

    /// Collects the addresses from the snapshot (and the interfaces when `snapshot.root` is `/`).
    public init(snapshot: ServerSnapshot) {
        var set = Set(snapshot.ips.map(\.address))
        for g in snapshot.greetings {
            if case .ip(let text) = g.key, let ip = IPAddress(text) { set.insert(ip) }
        }
        if snapshot.root == "/" { set.formUnion(Self.interfaceAddresses()) }
        self.init(addresses: set, names: Set(snapshot.hostname.map { [$0] } ?? []))
    }

    /// Whether `text` is one of this server's addresses.
    public func contains(_ text: String) -> Bool {
        IPAddress(text).map(addresses.contains) ?? false
    }

    /// Addresses bound on this host's interfaces, without loopback (an MX at 127.0.0.1 is broken, not here).
    static func interfaceAddresses() -> Set<IPAddress> {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var out = Set<IPAddress>()
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let sa = entry.pointee.ifa_addr else { continue }
            var ip: IPAddress?
            switch Int32(sa.pointee.sa_family) {
            case AF_INET:
                let a = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                ip = withUnsafeBytes(of: a) { IPAddress(bytes: Array($0)) }
            case AF_INET6:
                let a = sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                ip = withUnsafeBytes(of: a) { IPAddress(bytes: Array($0)) }
            default: break
            }
            if let ip, !Self.isLoopbackOrLinkLocal(ip) { out.insert(ip) }
        }
        return out
    }

    private static func isLoopbackOrLinkLocal(_ ip: IPAddress) -> Bool {
        let b = ip.bytes
        if b.count == 4 { return b[0] == 127 || (b[0] == 169 && b[1] == 254) }
        return b == Array(repeating: 0, count: 15) + [1] || (b[0] == 0xfe && b[1] & 0xc0 == 0x80)
    }
}
