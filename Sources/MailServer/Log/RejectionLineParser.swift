/// Reads one Exim log line into a ``Rejection`` when it records an impersonation rejection,
/// either refused here (receiver side) or a bounce of our own mail (sender side).
public enum RejectionLineParser {
    /// The longest raw line kept in a record.
    static let rawLimit = 500

    /// The rejection in `line`, or `nil` when the line is something else (a delivery whose subject
    /// happens to contain "impersonating", the `closed by DROP in ACL` follow-up line, …).
    public static func parse(_ line: Substring, location: SourceLocation) -> Rejection? {
        guard let message = RejectionMessage.find(in: line) else { return nil }
        let header = LogLineHeader(line)
        let body = header.body
        let raw = String(line.prefix(rawLimit))
        if let bounce = body.firstRange(of: "SMTP error from remote mail server after ") {
            let stage = stage(afterBounce: body[bounce.upperBound...], rule: message.rule)
            guard let name = message.name else { return nil }
            return Rejection(time: header.time, ip: nil, helo: name, rule: message.rule.at(stage: stage), stage: stage, side: .sender,
                             location: location, raw: raw)
        }
        let head = body[..<max(body.startIndex, min(message.start, body.endIndex))]
        guard let rejected = head.ranges(of: " rejected ").last,
              let stage = stage(afterRejected: head[rejected.upperBound...]),
              let host = hostField(in: head[..<rejected.lowerBound])
        else { return nil }
        guard let helo = message.name ?? host.greeting else { return nil }
        return Rejection(time: header.time, ip: host.ip, helo: helo, rule: message.rule.at(stage: stage), stage: stage, side: .receiver,
                         location: location, raw: raw)
    }

    /// `H=…` before the word "rejected".
    private static func hostField(in s: Substring) -> HostField? {
        let start: String.Index
        if s.hasPrefix("H=") {
            start = s.index(s.startIndex, offsetBy: 2)
        } else if let r = s.firstRange(of: " H=") {
            start = r.upperBound
        } else {
            return nil
        }
        return HostField(s[start...])
    }

    /// `rejected MAIL <a@b>: …` → mail; `rejected EHLO or HELO x: …`, `rejected HELO x` → helo.
    private static func stage(afterRejected s: Substring) -> SMTPStage? {
        if s.hasPrefix("MAIL") { return .mail }
        if s.hasPrefix("EHLO") || s.hasPrefix("HELO") { return .helo }
        if s.hasPrefix("RCPT") { return .rcpt }
        return nil
    }

    /// `after [pipelined ]MAIL FROM:<…>` → mail, `after HELO x` / `after EHLO x` → helo.
    public static func stage(afterBounce s: Substring, rule: RejectionRule) -> SMTPStage {
        let s = s.hasPrefix("pipelined ") ? s.dropFirst("pipelined ".count) : s
        if s.hasPrefix("MAIL FROM") { return .mail }
        if s.hasPrefix("HELO") || s.hasPrefix("EHLO") { return .helo }
        if s.hasPrefix("RCPT") { return .rcpt }
        return rule.usualStage
    }
}

extension RejectionRule {
    /// The SMTP stage at which this rule usually fires (cPanel checks at MAIL FROM, the others at HELO).
    public var usualStage: SMTPStage {
        switch self {
        case .cpanelImpersonating, .cpanelInterface: .mail
        case .directAdminHostname, .directAdminDomain, .eximWiki, .eximInterface: .helo
        }
    }
}
