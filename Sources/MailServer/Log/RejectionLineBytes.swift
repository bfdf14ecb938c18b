/// ``RejectionLineParser`` on a line's bytes: the same steps, searches on bytes instead of
/// `Substring`s, and positions instead of strings, so the 180,000 rejection lines of a flood cost
/// no allocation each. Strings are made later, only for what is kept (a new group, a sample line).
///
/// Only all-ASCII lines come here (a byte is then a `Character`, so every search finds what the
/// `Substring` one finds); the Interface rule's message, whose name is built from a parsed address,
/// is left to the `String` parser too. Both cases answer ``Outcome/useStringParser``.
enum RejectionLineBytes {
    /// What the bytes say.
    enum Outcome {
        /// Not a rejection (the `String` parser would return `nil`).
        case none
        /// A rejection, as positions in the line.
        case found(Parsed)
        /// The `String` parser must read this line.
        case useStringParser
    }

    /// A rejection as positions in its line.
    struct Parsed {
        /// The time stamp's bytes, `nil` when the line has none.
        var time: Range<Int>?
        /// The client address as written inside `[…]`, `nil` for a bounce.
        var ip: Range<Int>?
        /// The refused greeting as written (it is folded to lower case when interned).
        var helo: Range<Int>
        var rule: RejectionRule
        var stage: SMTPStage
        var side: RejectionSide
        /// The line counts only if `ip` is an address (the host field named no greeting).
        var ipRequired = false
    }

    /// Reads `line`. `noMarkerBefore` is an offset before which no marker ("impersonating",
    /// "_my_ address") starts, when the caller knows one (the log scan found the line by its first
    /// marker): both phrases searched for contain a marker a few bytes in, so they start no earlier.
    static func parse(_ line: LineBytes, noMarkerBefore: Int = 0) -> Outcome {
        let n = line.count
        guard LineBytes.isASCII(line.base, n) else { return .useStringParser }
        // RejectionMessage.find
        guard let marker = line.first("Host impersonating", from: max(0, noMarkerBefore - 5), to: n) else {
            return line.first(" is _my_ address", from: max(0, noMarkerBefore - 4), to: n) == nil ? .none : .useStringParser
        }
        guard let message = impersonating(line, marker) else { return .none }
        // LogLineHeader
        let header = Header(line)
        let body = header.body
        if let bounce = line.first("SMTP error from remote mail server after ", from: body, to: n) {
            let stage = stage(afterBounce: line, bounce + Self.bounceLength, rule: message.rule)
            guard let name = message.name else { return .none }
            return .found(Parsed(time: header.time, ip: nil, helo: name, rule: message.rule.at(stage: stage), stage: stage, side: .sender))
        }
        let headEnd = max(body, min(message.start, n))
        guard let rejected = line.lastOfMatches(" rejected ", from: body, to: headEnd),
              let stage = stage(afterRejected: line, rejected + 10, to: headEnd),
              let host = hostField(line, from: body, to: rejected)
        else { return .none }
        guard let helo = message.name ?? host.greeting else { return .none }
        return .found(Parsed(time: header.time, ip: host.ip, helo: helo, rule: message.rule.at(stage: stage), stage: stage, side: .receiver,
                             ipRequired: host.name == nil && host.helo == nil))
    }

    private static let bounceLength = ("SMTP error from remote mail server after " as StaticString).utf8CodeUnitCount

    // MARK: - The message (RejectionMessage)

    private struct Message {
        var rule: RejectionRule
        var name: Range<Int>?
        var start: Int
    }

    private static func impersonating(_ line: LineBytes, _ marker: Int) -> Message? {
        let n = line.count
        var after = marker + 18
        while after < n && line[after] == 0x20 { after += 1 }
        let rule: RejectionRule
        var rest: Int
        if line.has("hostname", at: after, to: n) {
            rule = .directAdminHostname
            rest = after + 8
        } else if line.has("domain name", at: after, to: n) {
            rule = .directAdminDomain
            rest = after + 11
        } else if line.has("[", at: after, to: n) {
            rule = quotedCPanel(line, before: marker) ? .cpanelImpersonating : .eximWiki
            rest = after
        } else {
            return nil
        }
        let start = messageStart(line, before: marker)
        while rest < n && line[rest] == 0x20 { rest += 1 }
        guard line.has("[", at: rest, to: n) else {
            guard rule == .directAdminHostname || rule == .directAdminDomain else { return nil }
            return Message(rule: rule, name: nil, start: start)
        }
        guard let name = bracketed(line, rest) else { return nil }
        return Message(rule: rule, name: name, start: start)
    }

    /// The name inside `[…]` that opens at `open`; `[[192.0.2.2]]` gives `[192.0.2.2]`.
    private static func bracketed(_ line: LineBytes, _ open: Int) -> Range<Int>? {
        let n = line.count
        let inner = open + 1
        let close: Int?
        if line.has("[", at: inner, to: n) {
            close = line.first("]]", from: inner, to: n).map { $0 + 1 }
        } else {
            close = line.first(UInt8(ascii: "]"), from: inner, to: n)
        }
        guard let close, close > inner, close - inner <= 255 else { return nil }
        return inner..<close
    }

    private static func quotedCPanel(_ line: LineBytes, before index: Int) -> Bool {
        guard line.has("REJECTED - Bad HELO - ", endingAt: index, from: 0) else { return false }
        return line.has("\"", endingAt: index - 22, from: 0)
    }

    private static func messageStart(_ line: LineBytes, before index: Int) -> Int {
        var end = index
        if line.has("Bad HELO - ", endingAt: end, from: 0) { end -= 11 }
        if line.has("REJECTED - ", endingAt: end, from: 0) { end -= 11 }
        if line.has("\"", endingAt: end, from: 0) { end -= 1 }
        return end
    }

    // MARK: - The stage

    private static func stage(afterRejected line: LineBytes, _ i: Int, to end: Int) -> SMTPStage? {
        if line.has("MAIL", at: i, to: end) { return .mail }
        if line.has("EHLO", at: i, to: end) || line.has("HELO", at: i, to: end) { return .helo }
        if line.has("RCPT", at: i, to: end) { return .rcpt }
        return nil
    }

    private static func stage(afterBounce line: LineBytes, _ start: Int, rule: RejectionRule) -> SMTPStage {
        let n = line.count
        let i = line.has("pipelined ", at: start, to: n) ? start + 10 : start
        if line.has("MAIL FROM", at: i, to: n) { return .mail }
        if line.has("HELO", at: i, to: n) || line.has("EHLO", at: i, to: n) { return .helo }
        if line.has("RCPT", at: i, to: n) { return .rcpt }
        return rule.usualStage
    }

    // MARK: - The host field (HostField)

    private struct Host {
        var name: Range<Int>?
        var helo: Range<Int>?
        var ip: Range<Int>?
        var greeting: Range<Int>? { helo ?? name }
    }

    /// `H=…` in `[from, to)`, the part of the line before " rejected ".
    private static func hostField(_ line: LineBytes, from: Int, to: Int) -> Host? {
        let start: Int
        if line.has("H=", at: from, to: to) {
            start = from + 2
        } else if let r = line.first(" H=", from: from, to: to) {
            start = r + 3
        } else {
            return nil
        }
        var host = Host()
        var rest = start
        if !line.has("(", at: rest, to: to), !line.has("[", at: rest, to: to) {
            guard let space = line.first(UInt8(ascii: " "), from: rest, to: to) else { return nil }
            host.name = rest..<space
            rest = space + 1
        }
        if line.has("(", at: rest, to: to) {
            guard let end = line.first(") [", from: rest, to: to) else { return nil }
            host.helo = (rest + 1)..<end
            rest = end + 2
        }
        guard line.has("[", at: rest, to: to), let close = line.first(UInt8(ascii: "]"), from: rest, to: to) else { return nil }
        host.ip = (rest + 1)..<close
        return host
    }

    // MARK: - The header (LogLineHeader)

    private struct Header {
        var time: Range<Int>?
        /// Where the body starts.
        var body: Int

        init(_ line: LineBytes) {
            let n = line.count
            var rest = 0
            if line.has("LOG: ", at: 0, to: n) { rest = 5 }
            if let (stamp, after) = Self.syslogPrefix(line, rest) {
                time = stamp
                rest = after
            }
            if let (stamp, after) = Self.eximTime(line, rest) {
                time = stamp
                rest = after
            }
            body = Self.dropPID(line, rest)
        }

        private static func syslogPrefix(_ line: LineBytes, _ s: Int) -> (Range<Int>, Int)? {
            let n = line.count
            guard let exim = line.first(" exim", from: s, to: min(n, s + 200)) else { return nil }
            var afterName = exim + 5
            while afterName < n && line[afterName] == UInt8(ascii: "4") { afterName += 1 }
            guard line.has("[", at: afterName, to: n), let close = line.first(UInt8(ascii: "]"), from: afterName, to: n) else { return nil }
            guard line.has(": ", at: close + 1, to: n) else { return nil }
            guard let lastSpace = line.last(UInt8(ascii: " "), from: s, to: exim) else { return nil }
            guard line.first(UInt8(ascii: ":"), from: s, to: lastSpace) != nil else { return nil }
            return (s..<lastSpace, close + 3)
        }

        private static func eximTime(_ line: LineBytes, _ s: Int) -> (Range<Int>, Int)? {
            let available = min(32, line.count - s)
            func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { line[s + $0] >= 0x30 && line[s + $0] <= 0x39 } }
            func byte(_ i: Int) -> UInt8 { line[s + i] }
            guard available >= 19, digits(0..<4), byte(4) == 0x2D, digits(5..<7), byte(7) == 0x2D, digits(8..<10),
                  byte(10) == 0x20, digits(11..<13), byte(13) == 0x3A, digits(14..<16), byte(16) == 0x3A, digits(17..<19)
            else { return nil }
            var end = 19
            if available >= 23, byte(19) == 0x2E, digits(20..<23) { end = 23 }
            if available >= end + 6, byte(end) == 0x20, byte(end + 1) == 0x2B || byte(end + 1) == 0x2D, digits((end + 2)..<(end + 6)) {
                end += 6
            }
            var after = s + end
            while after < line.count && line[after] == 0x20 { after += 1 }
            return (s..<(s + end), after)
        }

        private static func dropPID(_ line: LineBytes, _ s: Int) -> Int {
            let n = line.count
            guard line.has("[", at: s, to: n), let close = line.first(UInt8(ascii: "]"), from: s, to: n) else { return s }
            guard close > s + 1, (s + 1..<close).allSatisfy({ line[$0] >= 0x30 && line[$0] <= 0x39 }) else { return s }
            var after = close + 1
            while after < n && line[after] == 0x20 { after += 1 }
            return after
        }
    }
}

extension RejectionLineParser {
    /// ``parse(_:location:)`` for a line's bytes (without its line end): read on bytes when the line
    /// is plain ASCII, so a followed log costs no `String` per line that is not a rejection.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, location: SourceLocation) -> Rejection? {
        guard let base = bytes.baseAddress else { return nil }
        let line = LineBytes(base: base, count: bytes.count)
        switch RejectionLineBytes.parse(line) {
        case .none:
            return nil
        case .useStringParser:
            return parse(Substring(String(decoding: bytes, as: UTF8.self)), location: location)
        case .found(let p):
            let text = { (r: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
            let ip = p.ip.flatMap { IPAddress(text($0)) }
            if ip == nil && p.ipRequired { return nil }
            return Rejection(time: p.time.map(text), ip: ip, helo: text(p.helo).lowercased(), rule: p.rule, stage: p.stage, side: p.side,
                             location: location, raw: text(0..<min(bytes.count, rawLimit)))
        }
    }
}
