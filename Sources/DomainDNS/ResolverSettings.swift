/// Which DNS server to ask, and how patiently.
public struct ResolverSettings: Sendable, Hashable {
    /// The server; `nil` uses the host's `/etc/resolv.conf` (never the one under `--root`).
    public var server: ResolverAddress?
    /// Seconds to wait for each reply.
    public var timeoutSeconds: Int
    /// Tries per question.
    public var tries: Int
    /// Questions in flight at once (one worker thread, with its own resolver state, per question).
    public var maxInFlight: Int

    /// Defaults: the host's resolver, 2 s a try, 2 tries, 16 in flight. A resolver that never answers
    /// costs 4 s in all, since later questions are not sent once the first ones timed out.
    public init(server: ResolverAddress? = nil, timeoutSeconds: Int = 2, tries: Int = 2, maxInFlight: Int = 16) {
        self.server = server
        self.timeoutSeconds = max(1, timeoutSeconds)
        self.tries = max(1, tries)
        self.maxInFlight = max(1, maxInFlight)
    }

    /// `127.0.0.53:5353`, or `the host's resolver (/etc/resolv.conf)`.
    public var serverDescription: String {
        server?.description ?? "the host's resolver (/etc/resolv.conf)"
    }
}

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

/// A `--resolver` value that is not `IPv4[:PORT]`.
public struct ResolverAddressError: Error, CustomStringConvertible {
    /// What was given.
    public var text: String

    public var description: String {
        "--resolver \(text): expected an IPv4 address with an optional port, e.g. 127.0.0.53:5353 (the system resolver library speaks to IPv4 servers here)"
    }
}
