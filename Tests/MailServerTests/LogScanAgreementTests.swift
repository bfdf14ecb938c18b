import Foundation
import MailServer
import Testing
import TestSupport

/// The scanner reads candidate lines on bytes and splits a file between cores; neither may change
/// what it reports. Held against the `String` parser and ``RejectionTally`` line by line, and
/// against itself on one core.
@Suite struct LogScanAgreementTests {
    static let seeds: [String] = LogLineParserTests.cases.map(\.line) + RejectionTallyTests.daAttempt + [
        "2024-05-01 10:00:00 H=([192.0.2.2]) [203.0.113.10]:51234 rejected MAIL <a@b>: \"REJECTED - Interface: 192.0.2.2 is _my_ address\"",
        "2024-05-01 10:00:00 H=([192.0.2.2]) [203.0.113.10] rejected EHLO or HELO [192.0.2.2]: 192.0.2.2 is _my_ address",
        "2024-05-01 10:00:00 H=([[192.0.2.2]]) [203.0.113.10] rejected EHLO or HELO x: Bad HELO - Host impersonating hostname [[192.0.2.2]]",
        "2024-05-01 10:00:00 H=(shop.example.com) [203.0.113.10] rejected EHLO or HELO shop.example.com: Bad HELO - Host impersonating domain name.",
        "2024-05-01 10:00:00 H=(Café.Example) [203.0.113.10] rejected EHLO or HELO x: Bad HELO - Host impersonating domain name [Café.Example]",
        "2024-05-01 10:00:00 H=[999.1.2.3] rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [x.example]\"",
        "2024-05-01 10:00:00 H=(a.example) [203.0.113.10] rejected rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [a.example]\"",
        "2024-05-01 10:00:00 SMTP connection from (example.com) [203.0.113.10]:51234 closed by DROP in ACL",
    ]

    /// What the `String` parser and ``RejectionTally`` make of `lines`, as the scanner reads them
    /// (a trailing CR dropped, cut at 8 KiB).
    static func reference(_ lines: [[UInt8]], file: String) -> (groups: [RejectionGroup], total: Int) {
        var tally = RejectionTally()
        for (i, raw) in lines.enumerated() {
            var bytes = raw
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
            if let r = RejectionLineParser.parse(Substring(text), location: SourceLocation(file: file, line: i + 1)) { tally.add(r) }
        }
        return (tally.sortedGroups, tally.total)
    }

    @Test func bytePathAgreesWithTheStringParser() throws {
        var mutator = InputMutator(seeds: Self.seeds, seed: 0x4C4F47)
        var random = SeededGenerator(seed: 12)
        var lines: [[UInt8]] = Self.seeds.map { Array($0.utf8) }
        for _ in 0..<4000 {
            let line = mutator.next().map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }
            lines.append(line)
            // Repeated lines are HELO retries when they are HELO-stage rejections.
            if Int.random(in: 0..<4, using: &random) == 0 { lines.append(line) }
        }
        let path = try LogScannerTests.write(Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")], name: "mainlog")
        defer { LogScannerTests.remove(path) }
        let expected = Self.reference(lines, file: path)
        let report = LogScanner(threads: 1).scan([LogFile(argument: path)])
        #expect(expected.total > 100)
        #expect(report.rejections == expected.total)
        #expect(report.groups == expected.groups)
    }

    @Test func byteLinesReadAsTheStringParserReadsThem() {
        var mutator = InputMutator(seeds: Self.seeds, seed: 0x5441494C)
        var found = 0
        for i in 0..<4000 {
            let line = i < Self.seeds.count ? Array(Self.seeds[i].utf8) : mutator.next().filter { $0 != UInt8(ascii: "\n") }
            let location = SourceLocation(file: "/var/log/exim_mainlog", line: i + 1)
            let expected = RejectionLineParser.parse(Substring(String(decoding: line, as: UTF8.self)), location: location)
            let read = line.withUnsafeBufferPointer { RejectionLineParser.parse(bytes: $0, location: location) }
            #expect(read == expected, "\(String(decoding: line, as: UTF8.self))")
            if expected != nil { found += 1 }
        }
        #expect(found > 100)
    }

    /// A log of HELO-stage attempts (each a refused EHLO and the client's HELO retry, counted
    /// once) and cPanel lines: every split point between cores falls between two attempts or
    /// inside one, and the report must not notice.
    static func attemptsLog(mib: Int) -> (bytes: [UInt8], attempts: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(mib << 20 + 1024)
        var attempts = 0
        var n = 0
        while out.count < mib << 20 {
            let time = "2026-11-25 1\(n / 36000 % 10):\(String(format: "%02d", n / 600 % 60)):\(String(format: "%02d", n / 10 % 60))"
            let helo = "shop\(n % 7).example"
            if n % 3 == 0 {
                out += Array(LogScannerTests.rejection(n, ip: "203.0.113.\(n % 5)", helo: helo).utf8)
            } else {
                let line = "\(time) H=(\(helo)) [198.51.100.\(n % 3)] rejected EHLO or HELO \(helo): Bad HELO - Host impersonating domain name [\(helo)]\n"
                out += Array(line.utf8) + Array(line.utf8)
            }
            attempts += 1
            out += Array(LogScannerTests.filler.utf8)
            n += 1
        }
        return (out, attempts)
    }

    @Test func everyCoreCountGivesTheSingleCoreReport() throws {
        let (bytes, attempts) = Self.attemptsLog(mib: 12)
        let path = try LogScannerTests.write(bytes, name: "mainlog")
        defer { LogScannerTests.remove(path) }
        let single = LogScanner(threads: 1).scan([LogFile(argument: path)])
        #expect(single.rejections == attempts)
        for threads in [2, 3, 5, 8] {
            let split = LogScanner(threads: threads).scan([LogFile(argument: path)])
            #expect(split.rejections == single.rejections, "threads \(threads)")
            #expect(split.groups == single.groups, "threads \(threads)")
            #expect(split.files == single.files, "threads \(threads)")
        }
    }

    @Test func usesTheCoresItMayRunOn() {
        #expect(LogScanner.availableCores >= 1)
        #expect(LogScanner().threads == LogScanner.availableCores)
    }
}
