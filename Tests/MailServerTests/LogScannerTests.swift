import Foundation
import MailServer
import ServerFixtures
import Testing
import TestSupport

/// The scanner over real files: split between threads, across its mapping windows, gzip'd, rotated.
@Suite struct LogScannerTests {
    static func rejection(_ n: Int, ip: String = "203.0.113.10", helo: String = "shop.example.com") -> String {
        "2026-11-25 10:\(String(format: "%02d", n % 60)):00 H=(\(helo)) [\(ip)]:5\(n % 10000) rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [\(helo)]\"\n"
    }

    static let filler = MailLogs.delivery(time: "2026-11-25 09:00:00", id: "1tQabc-000AAA-01", from: "news@example.net", to: "dave@dave.example.org", ip: "192.0.2.200")

    /// A log of about `mib` MiB with rejections at the given byte offsets (moved to the next line start);
    /// returns the text and the line numbers of the rejections.
    static func bigLog(mib: Int, rejectionsNear offsets: [Int]) -> (text: [UInt8], lines: [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(mib << 20 + 4096)
        var pending = offsets.sorted()
        var line = 0
        var lines: [Int] = []
        let fillerLines = Array(filler.utf8).split(separator: UInt8(ascii: "\n")).map { Array($0) + [UInt8(ascii: "\n")] }
        var i = 0
        while out.count < mib << 20 {
            if let next = pending.first, out.count >= next {
                pending.removeFirst()
                out += Array(rejection(lines.count).utf8)
                line += 1
                lines.append(line)
                continue
            }
            out += fillerLines[i % fillerLines.count]
            i += 1
            line += 1
        }
        return (out, lines)
    }

    static func write(_ bytes: [UInt8], name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.path + "/helofix-log-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Removes a file written by ``write(_:name:)`` and its directory.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    @Test func findsEveryRejectionAcrossThreadsAndWindows() throws {
        // 20 MiB: two threads split near 10 MiB; the 4 MiB mapping windows end at 4, 8, 12, 16 MiB (one thread)
        // or 4, 8, 14, 18 MiB (two): rejections sit on and just before those edges.
        let offsets = [0, 5_000_000, (8 << 20) - 30, 10 << 20, (10 << 20) - 40, (14 << 20) - 20, 16 << 20, (16 << 20) - 60, (18 << 20) - 45, 19 << 20]
        let (bytes, lines) = Self.bigLog(mib: 20, rejectionsNear: offsets)
        let path = try Self.write(bytes, name: "mainlog")
        defer { Self.remove(path) }
        for threads in [1, 2] {
            let report = LogScanner(threads: threads).scan([LogFile(argument: path)])
            #expect(report.rejections == offsets.count)
            #expect(report.files.first?.lines == bytes.filter { $0 == UInt8(ascii: "\n") }.count)
            let group = try #require(report.groups.first)
            #expect(group.count == offsets.count)
            #expect(group.samples.map { $0.location.line } == Array(lines.prefix(3)))
        }
    }

    @Test func linesWithTwoMarkersCountOnce() throws {
        let line = "2026-11-25 10:00:00 H=(x.example) [203.0.113.9] rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [x.example]\" impersonating _my_ address\n"
        let path = try Self.write(Array((Self.filler + line + Self.filler).utf8), name: "mainlog")
        defer { Self.remove(path) }
        let report = LogScanner().scan([LogFile(argument: path)])
        #expect(report.rejections == 1)
        #expect(report.groups.first?.samples.first?.location.line == 4)
    }

    @Test func readsGzipRotatedLogsOldestFirst() throws {
        let root = try Fixtures.clean.writeToTemporaryDirectory(prefix: "helofix-rot")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dir = root + "/var/log"
        try Data((Self.rejection(1, helo: "old.example.com")).utf8).write(to: URL(fileURLWithPath: dir + "/exim_mainlog.2"))
        try ProcessRunner.run(["/bin/gzip", dir + "/exim_mainlog.2"])
        try Data((Self.filler + Self.rejection(2, helo: "mid.example.com")).utf8).write(to: URL(fileURLWithPath: dir + "/exim_mainlog.1"))
        try Data((Self.rejection(3, helo: "mid.example.com")).utf8).write(to: URL(fileURLWithPath: dir + "/exim_mainlog"))
        let files = LogFile.defaults(root: ServerRoot(root), platform: .cpanel)
        #expect(files.map(\.displayPath) == ["/var/log/exim_mainlog.2.gz", "/var/log/exim_mainlog.1", "/var/log/exim_mainlog"])
        let report = LogScanner().scan(files)
        #expect(report.problems.isEmpty)
        #expect(report.rejections == 3)
        let mid = try #require(report.groups.first { $0.helo == "mid.example.com" })
        #expect(mid.count == 2)
        #expect(mid.samples.map(\.location) == [SourceLocation(file: "/var/log/exim_mainlog.1", line: 4), SourceLocation(file: "/var/log/exim_mainlog", line: 1)])
        #expect(report.groups.first { $0.helo == "old.example.com" }?.samples.first?.location.file == "/var/log/exim_mainlog.2.gz")
    }

    @Test func corruptGzipAndMissingFilesAreProblemsNotCrashes() throws {
        let bad = try Self.write(Array("not gzip at all".utf8), name: "mainlog.1.gz")
        defer { Self.remove(bad) }
        let report = LogScanner().scan([LogFile(argument: bad), LogFile(argument: "/nonexistent/helofix/mainlog")])
        #expect(report.problems.count == 2)
        #expect(report.problems[0].contains("gzip"))
        #expect(report.problems[1].contains("/nonexistent/helofix/mainlog"))
    }
}
