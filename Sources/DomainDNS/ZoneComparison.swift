import Foundation
import MailServer

/// A local zone compared with the public DNS answer.
public struct ZoneComparison: Sendable, Hashable, Codable {
    /// The domain.
    public var domain: String
    /// The local zone.
    public var zone: LocalZone
    /// The public MX targets, lowest preference first.
    public var publicMX: [String]
    /// The public SPF text, if any.
    public var publicSPF: String?
    /// Set when DNS gave no answer (then nothing is compared).
    public var failure: DNSFailure?

    /// Whether the local MX targets differ from the public ones.
    public var mxDiffers: Bool { failure == nil && Set(zone.mx) != Set(publicMX) }
    /// Whether the local SPF differs from the public one.
    public var spfDiffers: Bool { failure == nil && zone.spf != publicSPF }

    /// One sentence for the admin.
    public var summary: String {
        if let failure { return "\(zone.file): not compared, DNS gave no answer (\(failure.text))." }
        var parts: [String] = []
        if mxDiffers {
            parts.append("MX \(zone.mx.isEmpty ? "(none)" : zone.mx.joined(separator: ", ")) here, \(publicMX.isEmpty ? "(none)" : publicMX.joined(separator: ", ")) in public DNS")
        }
        if spfDiffers { parts.append("SPF \"\(zone.spf ?? "(none)")\" here, \"\(publicSPF ?? "(none)")\" in public DNS") }
        return parts.isEmpty ? "\(zone.file) matches public DNS (MX and SPF)." : "\(zone.file) is stale: " + parts.joined(separator: "; ") + "."
    }

    /// Compares the local zones (`files`: domain -> zone file) with their public MX and TXT answers.
    public static func compare(_ files: [String: String], root: ServerRoot, pool: ResolverPool, stop: (@Sendable () -> Bool)? = nil) -> [ZoneComparison] {
        let zones = files.sorted { $0.key < $1.key }.compactMap { d, file in LocalZone.read(domain: d, file: file, root: root).map { (d, $0) } }
        guard !zones.isEmpty else { return [] }
        let answers = pool.resolve(zones.flatMap { [DNSQuestion($0.0, .mx), DNSQuestion($0.0, .txt)] }, stop: stop)
        return zones.map { domain, zone in
            let mx = answers[DNSQuestion(domain, .mx)] ?? .failed(.resolverSilent)
            let txt = answers[DNSQuestion(domain, .txt)] ?? .failed(.resolverSilent)
            var failure: DNSFailure?
            if case .failed(let f) = mx { failure = f } else if case .failed(let f) = txt { failure = f }
            return ZoneComparison(domain: domain, zone: zone,
                                  publicMX: mx.records(of: .mx).sorted { ($0.preference, $0.data) < ($1.preference, $1.data) }.map(\.data),
                                  publicSPF: txt.records(of: .txt).map(\.data).first { $0.lowercased().hasPrefix("v=spf1") },
                                  failure: failure)
        }
    }
}
