#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An address range in CIDR notation (`192.0.2.0/24`, `2001:db8::/32`).
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The network address as written (host bits are kept, as Exim ignores them).
    public let address: IPAddress
    /// The prefix length.
    public let prefixLength: Int

    /// Parses `ADDRESS/BITS`; a bare address becomes a full-length network.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let maxBits = address.bytes.count * 8
        if parts.count == 2 {
            guard let bits = Int(parts[1]), (0...maxBits).contains(bits), parts[1].allSatisfy(\.isASCII) else { return nil }
            prefixLength = bits
        } else {
            prefixLength = maxBits
        }
        self.address = address
    }

    /// Whether `ip` is inside this range.
    public func contains(_ ip: IPAddress) -> Bool {
        guard ip.bytes.count == address.bytes.count else { return false }
        var remaining = prefixLength
        for i in 0..<ip.bytes.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if ip.bytes[i] & mask != address.bytes[i] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// Whether it covers exactly one address.
    public var isSingleAddress: Bool { prefixLength == address.bytes.count * 8 }

    /// `address/bits`.
    public var description: String { "\(address)/\(prefixLength)" }
}
