import MailServer

/// A minimal reader of impersonation rejections in Exim main-log lines (BRIEF §6), enough for the
/// console's live strip. The full log scanner (MailServer/Log) can replace it behind `RejectionSource`.
enum LiveRejectionLine {
    /// The rejection in `line`, or `nil` when the line is not one.
    static func parse(_ line: Substring, location: SourceLocation) -> Rejection? {
        let isInterface = line.contains("Interface: IP is _my_ address")
        guard isInterface || line.contains("Host impersonating") else { return nil }
        let rule: RejectionRule
        if line.contains("impersonating hostname [") { rule = .directAdminHostname }
        else if line.contains("impersonating domain name [") { rule = .directAdminDomain }
        else if isInterface { rule = .cpanelInterface }
        else if line.contains("\"REJECTED - Bad HELO") { rule = .cpanelImpersonating }
        else { rule = .eximWiki }
        let host = hostField(line)
        guard let helo = (isInterface ? host.helo : impersonatedName(line)) ?? host.helo else { return nil }
        let time = timeStamp(line)
        let side = line.contains("SMTP error from remote mail server") ? "sender" : "receiver"
        let stage = line.contains("rejected EHLO or HELO") || line.contains("after HELO") ? "helo" : "mail"
        return Rejection(time: time, ip: host.ip, helo: helo.lowercased(), rule: rule, stage: stage, side: side,
                         location: location, raw: String(line.prefix(500)))
    }

    /// `2026-11-25 10:00:01` at the start of the line.
    private static func timeStamp(_ line: Substring) -> String? {
        let head = line.prefix(19)
        guard head.count == 19, head.dropFirst(4).first == "-", head.dropFirst(10).first == " " else { return nil }
        return String(head)
    }

    /// NAME in `Host impersonating [NAME]` (also `hostname [NAME]`, `domain name [NAME]`).
    private static func impersonatedName(_ line: Substring) -> String? {
        guard let at = line.range(of: "Host impersonating") else { return nil }
        let rest = line[at.upperBound...]
        guard let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") else { return nil }
        let name = rest[rest.index(after: open)..<close]
        return name.isEmpty ? nil : String(name)
    }

    /// The greeting and address of the host field: `H=[ip]`, `H=(helo) [ip]`, `H=name [ip]`,
    /// `H=name (helo) [ip]` (Exim leaves the parentheses out when the greeting equals the DNS name).
    private static func hostField(_ line: Substring) -> (helo: String?, ip: IPAddress?) {
        guard let h = line.range(of: " H=") else { return (nil, nil) }
        var rest = line[h.upperBound...]
        var helo: String?
        if !rest.hasPrefix("("), !rest.hasPrefix("["), let space = rest.firstIndex(of: " ") {
            helo = String(rest[..<space])
            rest = rest[rest.index(after: space)...]
        }
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            helo = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        guard rest.hasPrefix("["), let close = rest.firstIndex(of: "]") else { return (helo, nil) }
        return (helo, IPAddress(rest[rest.index(after: rest.startIndex)..<close]))
    }
}

/// Groups rejections by (IP, greeting), as the findings expect them.
struct LiveRejectionTally: Sendable {
    private struct Pair: Hashable {
        var ip: IPAddress?
        var helo: String
    }

    private var order: [Pair] = []
    private var groups: [Pair: RejectionGroup] = [:]
    /// Samples kept per group.
    static let sampleLimit = 3

    /// Adds rejections.
    mutating func add(_ rejections: [Rejection]) {
        for r in rejections {
            let key = Pair(ip: r.ip, helo: r.helo)
            if var g = groups[key] {
                g.count += 1
                g.lastSeen = r.time ?? g.lastSeen
                if g.samples.count < Self.sampleLimit { g.samples.append(r) }
                groups[key] = g
            } else {
                order.append(key)
                groups[key] = RejectionGroup(ip: r.ip, helo: r.helo, rule: r.rule, count: 1, firstSeen: r.time,
                                             lastSeen: r.time, samples: [r])
            }
        }
    }

    /// The groups in order of first appearance.
    var all: [RejectionGroup] { order.compactMap { groups[$0] } }
}
