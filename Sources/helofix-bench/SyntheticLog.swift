/// An exim_mainlog of realistic cPanel traffic (arrivals, deliveries, connections, RCPT refusals)
/// with impersonation rejections as often as the profile says. Same seed, same bytes.
struct SyntheticLog {
    let path: String
    let mib: Int
    let domains: Int
    var profile: LogProfile = .sparse

    /// Flood senders (198.18.0.0/15, the benchmarking range; one in 50 is IPv6) and greeting names.
    static let floodSenders = 5_000
    static let floodNames = 2_000

    /// Senders that get refused, and the greeting each uses.
    static let refused: [(ip: String, helo: String)] = [
        (SyntheticServer.whitelistedSender, SyntheticServer.hostname),
        ("203.0.113.10", SyntheticServer.orphan(0)),
        ("203.0.113.11", SyntheticServer.orphan(1)),
        ("2001:0db8:0000:0000:0000:0000:0000:0010", SyntheticServer.orphan(2)),
    ]

    /// Writes the log; returns the number of impersonation rejections in it.
    func write() throws(BenchError) -> Int {
        var w = try ByteWriter(path: path)
        var random = SeededRandom(seed: 0x48454C4F)
        var clock = LogClock()
        var rejections = 0
        var line = 0
        let limit = mib << 20
        while w.count < limit {
            line += 1
            if line % 50 == 0 { clock.tick() }
            let roll = random.below(10_000)
            // The sparse log keeps its old bytes (one roll per line); the flood draws once more.
            let rejecting = profile == .sparse ? roll == 0 : random.below(profile.rejectionEvery) == 0
            if rejecting {
                if profile == .flood { floodRejection(&w, &random, clock) } else { rejection(&w, &random, clock) }
                rejections += 1
            } else if roll < 4_000 {
                delivery(&w, &random, clock, line)
            } else if roll < 7_000 {
                w.bytes(clock.text); w.text(" SMTP connection from [198.51.100."); w.number(random.below(250)); w.text("]:")
                w.number(30_000 + random.below(30_000)); w.text(" (TCP/IP connection count = "); w.number(1 + random.below(9)); w.text(")\n")
            } else {
                w.bytes(clock.text); w.text(" H=(spam"); w.number(random.below(1000)); w.text(".example.net) [203.0.113."); w.number(100 + random.below(150))
                w.text("]:"); w.number(40_000 + random.below(20_000)); w.text(" I=[192.0.2.10]:25 rejected RCPT <info@"); w.text(SyntheticServer.domain(random.below(domains)))
                w.text(">: Sender verify failed\n")
            }
            try w.flushIfLarge()
        }
        try w.close()
        return rejections
    }

    private func delivery(_ w: inout ByteWriter, _ random: inout SeededRandom, _ clock: LogClock, _ line: Int) {
        let domain = SyntheticServer.domain(random.below(domains))
        let id = "1tQ\(line)-000Ab\(line % 97)-\(line % 13)"
        w.bytes(clock.text); w.text(" \(id) <= news\(random.below(5000))@example.net H=mail.example.net [192.0.2."); w.number(random.below(250))
        w.text("]:40112 P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S="); w.number(2000 + random.below(90_000))
        w.text(" id=\(id)@example.net T=\"Invoice "); w.number(random.below(100_000)); w.text("\"\n")
        w.bytes(clock.text); w.text(" \(id) => info@\(domain) R=virtual_user T=dovecot_virtual_delivery C=\"250 2.0.0 <info@\(domain)> saved\"\n")
        w.bytes(clock.text); w.text(" \(id) Completed\n")
    }

    private func rejection(_ w: inout ByteWriter, _ random: inout SeededRandom, _ clock: LogClock) {
        let r = Self.refused[random.below(Self.refused.count)]
        let port = 50_000 + random.below(10_000)
        w.bytes(clock.text); w.text(" H=(\(r.helo)) [\(r.ip)]:"); w.number(port)
        w.text(" I=[192.0.2.10]:25 rejected MAIL <orders@\(r.helo)>: \"REJECTED - Bad HELO - Host impersonating [\(r.helo)]\"\n")
        w.bytes(clock.text); w.text(" SMTP connection from (\(r.helo)) [\(r.ip)]:"); w.number(port); w.text(" closed by DROP in ACL\n")
    }
}

extension SyntheticLog {
    /// A flood rejection: sender `i` greets with its own name (one time in ten with a second one),
    /// names drawn from the hosted domains, the orphans and the hostname.
    private func floodRejection(_ w: inout ByteWriter, _ random: inout SeededRandom, _ clock: LogClock) {
        let sender = random.below(Self.floodSenders)
        let nameIndex = (sender * 7 + (random.below(10) == 0 ? 1 : 0)) % Self.floodNames
        let helo = Self.floodName(nameIndex, domains: domains)
        let port = 50_000 + random.below(10_000)
        w.bytes(clock.text); w.text(" H=(\(helo)) ["); floodIP(&w, sender); w.text("]:"); w.number(port)
        w.text(" I=[192.0.2.10]:25 rejected MAIL <orders@\(helo)>: \"REJECTED - Bad HELO - Host impersonating [\(helo)]\"\n")
        w.bytes(clock.text); w.text(" SMTP connection from (\(helo)) ["); floodIP(&w, sender); w.text("]:"); w.number(port)
        w.text(" closed by DROP in ACL\n")
    }

    static func floodName(_ i: Int, domains: Int) -> String {
        if i == 0 { return SyntheticServer.hostname }
        if i % 20 == 1 { return SyntheticServer.orphan(i / 20 % SyntheticServer.orphans) }
        return SyntheticServer.domain(i * 37 % domains)
    }

    private func floodIP(_ w: inout ByteWriter, _ sender: Int) {
        if sender % 50 == 49 {
            // Exim logs IPv6 clients fully expanded.
            w.text("2001:0db8:0000:0000:0000:0000:"); w.text(hex4(sender / 65_536)); w.text(":"); w.text(hex4(sender % 65_536))
        } else {
            w.text("198.18."); w.number(sender / 250); w.text("."); w.number(1 + sender % 250)
        }
    }

    private func hex4(_ n: Int) -> String {
        let digits = String(n, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
