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

    /// Reads the zone file `file` (a server path the snapshot found) of `domain`; `nil` when it cannot be read.
    public static func read(domain: String, file: String, root: ServerRoot) -> LocalZone? {
        guard case .content(let bytes, _) = root.read(file) else { return nil }
        return parse(String(decoding: bytes, as: UTF8.self), domain: domain, file: file)
    }

    /// The zone files the snapshot found (`/var/named/D.db`, DirectAdmin's `/etc/bind/D.db`) for `domains`.
    public static func files(of domains: [String], in snapshot: ServerSnapshot) -> [String: String] {
        var out: [String: String] = [:]
        for (domain, traces) in snapshot.traces(of: Set(domains)) {
            if let zone = traces.first(where: { $0.kind == .zone }) { out[domain] = zone.location.file }
        }
        return out
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
