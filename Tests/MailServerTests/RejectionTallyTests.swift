import MailServer
import Testing

/// Counts are of attempts: a HELO-stage refusal is logged twice per attempt (the client retries
/// HELO after its EHLO is refused), and must not be counted twice.
@Suite struct RejectionTallyTests {
    /// What real Exim logs through the DirectAdmin replica for one attempt: EHLO refused, then HELO.
    static let daAttempt = [
        "2026-11-25 10:00:00 H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]",
        "2026-11-25 10:00:00 H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]",
    ]

    static func tally(_ lines: [String]) -> RejectionTally {
        var tally = RejectionTally()
        for (i, line) in lines.enumerated() {
            if let r = RejectionLineParser.parse(Substring(line), location: SourceLocation(file: "/log", line: i + 1)) { tally.add(r) }
        }
        return tally
    }

    @Test func directAdminRetryCountsOnce() throws {
        let tally = Self.tally(Self.daAttempt)
        #expect(tally.total == 1)
        #expect(tally.sortedGroups.first?.count == 1)
    }

    @Test func twoAttemptsCountTwice() throws {
        // A second attempt five minutes later, and the retry written in the next second.
        let later = Self.daAttempt.map { $0.replacingOccurrences(of: "10:00:00", with: "10:05:00") }
        var retryNextSecond = later
        retryNextSecond[1] = retryNextSecond[1].replacingOccurrences(of: "10:05:00", with: "10:05:01")
        #expect(Self.tally(Self.daAttempt + retryNextSecond).total == 2)
        // Three identical lines are one attempt and the first line of the next.
        #expect(Self.tally(Self.daAttempt + [Self.daAttempt[0]]).total == 2)
    }

    @Test func mailStageLinesAreEachAnAttempt() throws {
        // cPanel refuses at MAIL FROM: the client does not retry on the same connection, so equal lines are separate attempts.
        let line = "2026-11-25 10:00:00 H=(example.com) [203.0.113.10] rejected MAIL <a@sender.tld>: \"REJECTED - Bad HELO - Host impersonating [example.com]\""
        #expect(Self.tally([line, line]).total == 2)
    }

    @Test func interleavedSendersKeepTheirOwnRetry() throws {
        let other = Self.daAttempt.map { $0.replacingOccurrences(of: "203.0.113.10", with: "198.51.100.7") }
        let tally = Self.tally([Self.daAttempt[0], other[0], Self.daAttempt[1], other[1]])
        #expect(tally.total == 2)
        #expect(tally.sortedGroups.map(\.count) == [1, 1])
    }
}
