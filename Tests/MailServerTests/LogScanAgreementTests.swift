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

    /// A group's first lines read alternately on bytes and by the `String` parser (a non-ASCII
    /// byte anywhere in the line), and in several cases of the greeting: its samples must be its
    /// first lines in log order, whichever parser read each (the byte path's lines may wait to be
    /// counted, the `String` parser's are counted at once).
    @Test func samplesReadByBothParsersKeepTheLogOrder() throws {
        var lines: [[UInt8]] = []
        for i in 0..<40 {
            let sender = i % 4, second = i / 4
            let recipient = (i % 3 == 1) ? "ord\u{e9}rs" : "orders"
            let helo = i % 5 == 2 ? "SHOP\(sender).example" : "shop\(sender).example"
            lines.append(Array(("2026-11-01 00:00:\(10 + second) H=(\(helo)) [198.18.4.\(70 + sender)]:59507 I=[192.0.2.10]:25 rejected MAIL "
                                + "<\(recipient)@shop\(sender).example>: \"REJECTED - Bad HELO - Host impersonating [shop\(sender).example]\"").utf8))
        }
        let path = try LogScannerTests.write(Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")], name: "mainlog")
        defer { LogScannerTests.remove(path) }
        let expected = Self.reference(lines, file: path)
        let report = LogScanner(threads: 1).scan([LogFile(argument: path)])
        #expect(expected.total == 40)
        #expect(expected.groups.allSatisfy { $0.samples.contains { $0.raw.utf8.contains(0xC3) } && $0.samples.contains { $0.raw.utf8.allSatisfy { $0 < 0x80 } } })
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

    /// The scanner maps a log in windows of 4 MiB and, after a hit, jumps to the end of its line.
    /// Rejection lines (one with two markers, one with a marker on each side of the edge) are put
    /// so the edge falls at every place of them in turn: before the line, inside a marker, between
    /// its markers, on its newline. Each file must read as the `String` parser reads it.
    @Test func hitsAcrossTheWindowEdgeReadAsTheStringParserReadsThem() throws {
        let window = 4 << 20
        let twoMarkers = "2026-11-25 10:00:00 H=(a.example) [203.0.113.7] rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [a.example]\" impersonating _my_ address"
        let plain = LogScannerTests.rejection(1, helo: "b.example").dropLast()
        var checked = 0
        for (n, special) in [twoMarkers, String(plain)].enumerated() {
            let length = special.utf8.count
            for edge in stride(from: -2, through: length + 2, by: n == 0 ? 7 : 17) {
                // `edge` bytes of the special line lie before the window's end.
                // Few long lines up to the edge (no markers): the String parser reads every line of the file.
                let wide = [UInt8](repeating: UInt8(ascii: "x"), count: 4095)
                var lines = [[UInt8]](repeating: wide, count: (window - edge) / 4096 - 1)
                let size = lines.count * 4096
                let filler = Array(LogScannerTests.filler.utf8).split(separator: UInt8(ascii: "\n")).map(Array.init)
                lines.append([UInt8](repeating: UInt8(ascii: "x"), count: max(0, window - edge - size - 1)))
                lines += [Array(special.utf8), Array(plain.utf8), filler[0], Array(twoMarkers.utf8), filler[1]]
                let bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
                let path = try LogScannerTests.write(bytes, name: "mainlog")
                defer { LogScannerTests.remove(path) }
                let expected = Self.reference(lines, file: path)
                let report = LogScanner(threads: 1).scan([LogFile(argument: path)])
                #expect(expected.total == 3)
                #expect(report.rejections == expected.total, "edge \(edge)")
                #expect(report.groups == expected.groups, "edge \(edge)")
                #expect(report.files.first?.lines == lines.count, "edge \(edge)")
                checked += 1
            }
        }
        #expect(checked > 30)
    }

    /// A line longer than the bytes mapped around a window (100 KiB of markers, from 80 KB before the edge)
    /// is read once, like the `String` parser reads it (cut at 8 KiB), and the lines after it too.
    @Test func aLineLongerThanTheMarginAcrossTheEdgeCountsOnce() throws {
        let window = 4 << 20
        let head = Array("2026-11-25 10:00:00 H=(long.example) [203.0.113.8] rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [long.example]\"".utf8)
        var long = head
        while long.count < 100 << 10 { long += Array(" impersonating _my_ address Host impersonating [x.example]".utf8) }
        var lines: [[UInt8]] = []
        var size = 0
        while size + 200 < window - 80_000 {
            let line = Array(LogScannerTests.rejection(lines.count, ip: "198.51.100.\(lines.count % 7)").utf8.dropLast())
            lines.append(line)
            size += line.count + 1
        }
        lines += [long, Array(LogScannerTests.rejection(1, helo: "after.example").utf8.dropLast())]
        let bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
        let path = try LogScannerTests.write(bytes, name: "mainlog")
        defer { LogScannerTests.remove(path) }
        let expected = Self.reference(lines, file: path)
        for threads in [1, 2] {
            let report = LogScanner(threads: threads).scan([LogFile(argument: path)])
            #expect(report.rejections == expected.total, "threads \(threads)")
            #expect(report.groups == expected.groups, "threads \(threads)")
            #expect(report.groups.contains { $0.helo == "long.example" && $0.count == 1 })
            #expect(report.groups.contains { $0.helo == "after.example" && $0.count == 1 })
        }
    }

    /// A sender whose address is written two ways (one group, two pairs in the scanner's table)
    /// and whose greeting changes case: once the group has its samples and first stamp, each pair
    /// counts its own lines and the last stamp is whichever pair's line came last. Stamps too long
    /// to keep with the pair, lines without a stamp and HELO retries come between. Held against the
    /// `String` parser and ``RejectionTally``, on one core and split between several.
    @Test func aGroupCountedUnderSeveralPairsReadsAsTheStringParserReadsIt() throws {
        let spellings = ["2001:db8::7", "2001:DB8:0:0::7", "2001:0db8::0:7"]
        let greetings = ["shop.example", "SHOP.example", "Shop.Example"]
        var lines: [[UInt8]] = []
        var random = SeededGenerator(seed: 7)
        for n in 0..<6000 {
            let ip = spellings[n < 40 ? n / 20 % 2 : Int.random(in: 0..<3, using: &random)]
            let helo = greetings[Int.random(in: 0..<3, using: &random)]
            let time: String
            switch Int.random(in: 0..<20, using: &random) {
            case 0: time = ""
            case 1: time = "2026-11-25T10:\(String(format: "%02d", n / 100 % 60)):00.123456789+01:00 mail exim[4711]: "
            default: time = "2026-11-25 10:\(String(format: "%02d", n / 100 % 60)):\(String(format: "%02d", n % 60)) "
            }
            if n % 97 == 0 {
                let retry = "\(time)H=(\(helo)) [\(ip)] rejected EHLO or HELO \(helo): Bad HELO - Host impersonating domain name [\(helo)]"
                lines += [Array(retry.utf8), Array(retry.utf8)]
            }
            lines.append(Array("\(time)H=(\(helo)) [\(ip)]:5\(n) rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [\(helo)]\"".utf8))
            if n % 50 == 0 { lines.append(Array(LogScannerTests.filler.utf8.prefix { $0 != UInt8(ascii: "\n") })) }
            // Over 8 MiB in all, so the scanner splits the file between threads.
            if n % 3 == 0 { lines.append([UInt8](repeating: UInt8(ascii: "x"), count: 4095)) }
        }
        let path = try LogScannerTests.write(Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")], name: "mainlog")
        defer { LogScannerTests.remove(path) }
        let expected = Self.reference(lines, file: path)
        #expect(expected.groups.count == 1)
        #expect(lines.reduce(0) { $0 + $1.count + 1 } > 8 << 20)
        for threads in [1, 2, 3] {
            let report = LogScanner(threads: threads).scan([LogFile(argument: path)])
            #expect(report.rejections == expected.total, "threads \(threads)")
            #expect(report.groups == expected.groups, "threads \(threads)")
        }
    }

    /// Thousands of pairs, so the scanner's pair table grows several times while counting: IPv4
    /// and IPv6 senders, greetings short and long (longer than the bytes a pair keeps inline), a
    /// line without an address, each pair seen many times in shuffled order.
    @Test func manyPairsShortAndLongReadAsTheStringParserReadsThem() throws {
        var lines: [[UInt8]] = []
        var random = SeededGenerator(seed: 99)
        for n in 0..<30000 {
            let sender = Int.random(in: 0..<3000, using: &random)
            let ip = sender % 5 == 0 ? "2001:db8:\(String(sender, radix: 16))::\(sender % 7 + 1)" : "198.18.\(sender / 256).\(sender % 256)"
            let helo = sender % 3 == 0 ? "a-rather-long-greeting-name-\(sender % 40).example.com" : "shop\(sender % 600).example"
            let time = "2026-11-25 1\(n / 3600 % 10):\(String(format: "%02d", n / 60 % 60)):\(String(format: "%02d", n % 60))"
            if sender == 11 {
                lines.append(Array("\(time) 1tQ2-000Ab2-2 ** a@b R=dnslookup T=remote_smtp: SMTP error from remote mail server after pipelined MAIL FROM:<a@b>: 550 Bad HELO - Host impersonating [\(helo)]".utf8))
            } else {
                lines.append(Array("\(time) H=(\(helo)) [\(ip)]:5\(n % 1000) rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [\(helo)]\"".utf8))
            }
            // Over 8 MiB in all, so the scanner splits the file between threads.
            if n % 25 == 0 { lines.append([UInt8](repeating: UInt8(ascii: "x"), count: 4095)) }
        }
        let path = try LogScannerTests.write(Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")], name: "mainlog")
        defer { LogScannerTests.remove(path) }
        let expected = Self.reference(lines, file: path)
        #expect(expected.groups.count > 2500)
        #expect(lines.reduce(0) { $0 + $1.count + 1 } > 8 << 20)
        for threads in [1, 2] {
            let report = LogScanner(threads: threads).scan([LogFile(argument: path)])
            #expect(report.rejections == expected.total, "threads \(threads)")
            #expect(report.groups == expected.groups, "threads \(threads)")
        }
    }

    /// A rotated log and the current one: the second file's groups are merged into the first's
    /// (the same senders in both), its samples keep their own file and line numbers, a group first
    /// seen in the second file takes its first time stamp from there, and each file is split
    /// between threads too.
    @Test func twoFilesMergeAsTheStringParserReadsThem() throws {
        var files: [[[UInt8]]] = [[], []]
        for n in 0..<24000 {
            let file = n < 12000 ? 0 : 1
            // Senders 0..<400 in both files, 400..<500 only in the second, 500..<520 only in its
            // second half (another thread's part, whose line numbers are moved on in the merge).
            let sender = file == 0 ? n % 400 : n < 18000 ? n % 500 : n % 520
            let time = "2026-11-2\(5 + file) 1\(n / 3600 % 10):\(String(format: "%02d", n / 60 % 60)):\(String(format: "%02d", n % 60))"
            files[file].append(Array("\(time) H=(shop\(sender % 90).example) [198.18.\(sender / 256).\(sender % 256)]:5\(n % 1000) rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [shop\(sender % 90).example]\"".utf8))
            if n % 6 == 0 { files[file].append([UInt8](repeating: UInt8(ascii: "x"), count: 4095)) }
        }
        let paths = try files.enumerated().map { i, lines in
            try LogScannerTests.write(Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")], name: "mainlog.\(i)")
        }
        defer { paths.forEach(LogScannerTests.remove) }
        var tally = RejectionTally()
        for (lines, path) in zip(files, paths) {
            for (i, line) in lines.enumerated() {
                if let r = RejectionLineParser.parse(Substring(String(decoding: line, as: UTF8.self)), location: SourceLocation(file: path, line: i + 1)) {
                    tally.add(r)
                }
            }
        }
        #expect(tally.sortedGroups.count == 520)
        #expect(tally.sortedGroups.contains { $0.samples.allSatisfy { $0.location.file == paths[0] } })
        #expect(tally.sortedGroups.contains { $0.samples.allSatisfy { $0.location.file == paths[1] } && $0.firstSeen?.hasPrefix("2026-11-26") == true })
        // Over 8 MiB each, so each file is split between threads.
        #expect(files.allSatisfy { $0.reduce(0) { $0 + $1.count + 1 } > 8 << 20 })
        for threads in [1, 2, 3] {
            let report = LogScanner(threads: threads).scan(paths.map { LogFile(argument: $0) })
            #expect(report.rejections == tally.total, "threads \(threads)")
            #expect(report.groups == tally.sortedGroups, "threads \(threads)")
        }
    }

    @Test func usesTheCoresItMayRunOn() {
        #expect(LogScanner.availableCores >= 1)
        #expect(LogScanner().threads == LogScanner.availableCores)
    }
}
