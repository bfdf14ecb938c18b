import Foundation
import MailServer

/// The MX and SPF records a domain's zone file on this server gives for the domain itself
/// (`/var/named/D.db`, `/etc/bind/D.db`). Such a zone answers for the domain on this server, so a
/// stale one (old MX, old SPF) misroutes or misjudges mail even after the domain moved.
public struct LocalZone: Sendable, Hashable, Codable {
    /// The zone file (server path).
    public var file: String
    /// MX targets (lower case, no final dot), lowest preference first.
    public var mx: [String]
    /// The `v=spf1` TXT text, if any.
    public var spf: String?

    /// Reads the zone of `domain` from the first of the platform's zone places, `nil` when there is none.
    public static func read(domain: String, root: ServerRoot, platform: Platform) -> LocalZone? {
        for path in FileCatalog.zoneFiles(of: domain, platform: platform) {
            guard case .content(let bytes, _) = root.read(path) else { continue }
            return parse(String(decoding: bytes, as: UTF8.self), domain: domain, file: path)
        }
        return nil
    }

    /// Reads the apex MX and SPF records of a BIND zone: one record a line (`@`, `domain.` or a
    /// blank owner continuing the apex), comments after `;`. Enough for the records panels write.
    static func parse(_ text: String, domain: String, file: String) -> LocalZone {
        var mx: [(Int, String)] = []
        var spf: String?
        var owner = domain
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = stripComment(raw)
            guard !line.allSatisfy({ " \t\r".contains($0) }), !line.hasPrefix("$") else { continue }
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if let first = line.first, first != " " && first != "\t" {
                owner = qualify(fields.removeFirst(), domain)
            }
            while let f = fields.first, f.allSatisfy(\.isNumber) || ["IN", "in"].contains(f) { fields.removeFirst() }
            guard owner == domain, fields.count >= 2 else { continue }
            switch fields[0].uppercased() {
            case "MX" where fields.count >= 3:
                mx.append((Int(fields[1]) ?? 0, qualify(fields[2], domain)))
            case "TXT":
                let text = fields.dropFirst().joined(separator: " ").replacingOccurrences(of: "\" \"", with: "")
                    .replacingOccurrences(of: "\"", with: "")
                if text.lowercased().hasPrefix("v=spf1") { spf = text }
            default: break
            }
        }
        return LocalZone(file: file, mx: mx.sorted { $0 < $1 }.map(\.1), spf: spf)
    }

    private static func stripComment(_ line: Substring) -> String {
        var inQuote = false
        var out = ""
        for c in line {
            if c == "\"" { inQuote.toggle() }
            if c == ";" && !inQuote { break }
            out.append(c)
        }
        return out
    }

    /// `@` is the domain, `name.` is absolute, anything else is relative to the domain.
    private static func qualify(_ name: String, _ domain: String) -> String {
        if name == "@" { return domain }
        if name.hasSuffix(".") { return String(name.dropLast()).lowercased() }
        return (name + "." + domain).lowercased()
    }
}

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

    /// Compares the zones of `domains` that have one with their public MX and TXT answers.
    public static func compare(_ domains: [String], root: ServerRoot, pool: ResolverPool, stop: (@Sendable () -> Bool)? = nil) -> [ZoneComparison] {
        let platform = PlatformDetector.detect(root) ?? .unknown
        let zones = domains.compactMap { d in LocalZone.read(domain: d, root: root, platform: platform).map { (d, $0) } }
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
