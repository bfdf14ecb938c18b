/// The start of an Exim log line: an optional syslog prefix, the time stamp, an optional `[pid]`.
///
/// Forms: `2024-05-01 10:00:00 …`, `2024-05-01 10:00:00.123 +0000 [4711] …` (log_selector
/// `+millisec`, `log_timezone`, `+pid`), `Nov 25 10:00:01 host exim[4711]: …` (syslog), and
/// `LOG: …` as `exim -bh` prints it.
struct LogLineHeader {
    /// The time stamp as written, if any.
    var time: String?
    /// The rest of the line after the header.
    var body: Substring

    init(_ line: Substring) {
        var rest = line
        if rest.hasPrefix("LOG: ") { rest = rest.dropFirst(5) }
        if let (stamp, after) = Self.syslogPrefix(rest) {
            time = stamp
            rest = after
        }
        if let (stamp, after) = Self.eximTime(rest) {
            time = stamp
            rest = after
        }
        body = Self.dropPID(rest)
    }

    /// `MMM dd HH:MM:SS host exim[pid]: ` or `ISO-TIME host exim4[pid]: `: the time is the syslog one.
    private static func syslogPrefix(_ s: Substring) -> (String, Substring)? {
        guard let exim = s.prefix(200).firstRange(of: " exim") else { return nil }
        let afterName = s[exim.upperBound...].drop { $0 == "4" }
        guard afterName.hasPrefix("["), let close = afterName.firstIndex(of: "]") else { return nil }
        let rest = afterName[afterName.index(after: close)...]
        guard rest.hasPrefix(": ") else { return nil }
        // The syslog time stamp: everything before the host name field.
        let head = s[..<exim.lowerBound]
        guard let lastSpace = head.lastIndex(of: " ") else { return nil }
        let stamp = head[..<lastSpace]
        guard stamp.contains(":") else { return nil }
        return (String(stamp), rest.dropFirst(2))
    }

    /// `YYYY-MM-DD HH:MM:SS`, with optional `.mmm` and ` +hhmm`.
    private static func eximTime(_ s: Substring) -> (String, Substring)? {
        let u = Array(s.utf8.prefix(32))
        guard u.count >= 19, isDigits(u, 0..<4), u[4] == 0x2D, isDigits(u, 5..<7), u[7] == 0x2D, isDigits(u, 8..<10),
              u[10] == 0x20, isDigits(u, 11..<13), u[13] == 0x3A, isDigits(u, 14..<16), u[16] == 0x3A, isDigits(u, 17..<19)
        else { return nil }
        var end = 19
        if u.count >= 23, u[19] == 0x2E, isDigits(u, 20..<23) { end = 23 }
        if u.count >= end + 6, u[end] == 0x20, u[end + 1] == 0x2B || u[end + 1] == 0x2D, isDigits(u, (end + 2)..<(end + 6)) {
            end += 6
        }
        let index = s.utf8.index(s.startIndex, offsetBy: end)
        return (String(s[..<index]), s[index...].drop { $0 == " " })
    }

    /// Drops a `[pid] ` right after the time stamp.
    private static func dropPID(_ s: Substring) -> Substring {
        guard s.hasPrefix("["), let close = s.firstIndex(of: "]") else { return s }
        let inner = s[s.index(after: s.startIndex)..<close]
        guard !inner.isEmpty, inner.allSatisfy(\.isNumber) else { return s }
        return s[s.index(after: close)...].drop { $0 == " " }
    }

    private static func isDigits(_ u: [UInt8], _ range: Range<Int>) -> Bool {
        range.allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 }
    }
}
