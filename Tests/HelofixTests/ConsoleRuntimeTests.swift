import Console
import Foundation
import MailServer
import ServerFixtures
import Synchronization
import Testing
import TestSupport
@testable import ConsoleRuntime

@Suite struct ConsoleRuntimeTests {
    static let location = SourceLocation(file: "/var/log/exim_mainlog", line: 1)

    @Test func readsCPanelRejectionsAsTheFixturesWriteThem() throws {
        let text = MailLogs.cpanelRejection(time: "2026-11-25 10:00:01", helo: "Shop.Example.com", ip: "203.0.113.10", port: 51_000, sender: "a@shop.example.com")
        let lines = text.split(separator: "\n")
        let r = try #require(RejectionLineParser.parse(lines[0], location: Self.location))
        #expect(r.helo == "shop.example.com" && r.ip == IPAddress("203.0.113.10"))
        #expect(r.rule == .cpanelImpersonating && r.stage == .mail && r.side == .receiver)
        #expect(r.time == "2026-11-25 10:00:01")
        #expect(RejectionLineParser.parse(lines[1], location: Self.location) == nil)  // the DROP line
    }

    @Test func readsDirectAdminAndHostFieldVariants() throws {
        let da = "2026-11-25 10:00:00 H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]"
        let r = try #require(RejectionLineParser.parse(da[...], location: Self.location))
        #expect(r.rule == .directAdminDomain && r.stage == .helo && r.helo == "example.com")
        let named = "2026-11-25 10:00:00 [1234] H=mx.example.net (box.example.org) [2001:db8::7]:25 rejected MAIL <a@b>: \"REJECTED - Bad HELO - Host impersonating [box.example.org]\""
        let n = try #require(RejectionLineParser.parse(named[...], location: Self.location))
        #expect(n.ip == IPAddress("2001:db8::7") && n.helo == "box.example.org")
        let host = "2026-11-25 10:00:00 H=server1.hostco.example [198.51.100.7] rejected EHLO or HELO server1.hostco.example: Bad HELO - Host impersonating hostname [server1.hostco.example]"
        let h = try #require(RejectionLineParser.parse(host[...], location: Self.location))
        #expect(h.rule == .directAdminHostname && h.ip == IPAddress("198.51.100.7"))
        let interface = "2026-11-25 10:00:00 H=([192.0.2.10]) [198.51.100.9]:4000 rejected MAIL <a@b>: \"REJECTED - Interface: 192.0.2.10 is _my_ address\""
        let i = try #require(RejectionLineParser.parse(interface[...], location: Self.location))
        #expect(i.rule == .cpanelInterface && i.helo == "[192.0.2.10]" && i.ip == IPAddress("198.51.100.9"))
        #expect(RejectionLineParser.parse("2026-11-25 10:00:00 1tQabc-000AAA-01 Completed"[...], location: Self.location) == nil)
    }

    @Test func tallyGroupsByAddressAndGreeting() throws {
        let log = MailLogs.migratedCPanel(hostname: "server1.hostco.example")
        let rejections = log.split(separator: "\n").compactMap { RejectionLineParser.parse($0, location: Self.location) }
        var tally = RejectionTally()
        for r in rejections { tally.add(r) }
        let groups = tally.sortedGroups
        #expect(groups.count == 2)
        #expect(groups.first { $0.helo == "shop.example.com" }?.count == 12)
        #expect(groups.first { $0.helo == "server1.hostco.example" }?.count == 9)
        #expect(groups.allSatisfy { $0.samples.count <= RejectionTally.sampleLimit })
    }

    @Test func logReaderFollowsGrowthTruncationAndReplacement() throws {
        let dir = try ServerTree().writeToTemporaryDirectory(prefix: "helofix-logtail")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/mainlog"
        let line = MailLogs.cpanelRejection(time: "2026-11-25 10:00:01", helo: "a.example", ip: "203.0.113.1", port: 1, sender: "x@a.example")
        try Data((line + "2026-11-25 10:00:02 H=(b.example) [203.0.113.2]:2 rejected MAIL <x@b>: \"REJECTED - Bad HELO - Host imp").utf8)
            .write(to: URL(fileURLWithPath: path))
        var reader = LogFileReader(hostPath: path, serverPath: "/var/log/exim_mainlog")
        let r1 = reader.open()
        #expect(r1)
        let firstChunk = reader.readChunk(1 << 20)
        #expect(firstChunk?.map(\.helo) == ["a.example"])  // the half line waits
        let r2 = reader.readChunk(1 << 20)
        #expect(r2 == nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("ersonating [b.example]\"\n".utf8))
        try handle.close()
        let r3 = reader.check()
        #expect(r3 == .grew)
        let second = reader.readChunk(1 << 20)
        #expect(second?.map(\.helo) == ["b.example"])
        #expect(second?.first?.location.line == 3)
        let r4 = reader.check()
        #expect(r4 == .unchanged)
        #expect(rename(path, path + ".1") == 0)
        try Data(line.utf8).write(to: URL(fileURLWithPath: path))
        let r5 = reader.check()
        #expect(r5 == .replaced)
        let r6 = reader.open()
        #expect(r6)
        let r7 = reader.readChunk(1 << 20)
        #expect(r7?.first?.location.line == 1)
        #expect(truncate(path, 0) == 0)
        let r8 = reader.check()
        #expect(r8 == .replaced)
    }

    @Test func tailReportsProgressThenLiveRejections() throws {
        let dir = try ServerTree().writeToTemporaryDirectory(prefix: "helofix-logtail")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/mainlog"
        try Data(MailLogs.migratedCPanel(hostname: "server1.hostco.example").utf8).write(to: URL(fileURLWithPath: path))
        let events = EventLog()
        let tail = MailLogTail(hostPath: path, serverPath: "/var/log/exim_mainlog")
        tail.start { events.append($0) }
        defer { tail.stop() }
        #expect(events.waitFor { $0.contains(.caughtUp(total: 21)) })
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(MailLogs.cpanelRejection(time: "2026-11-29 09:00:00", helo: "new.example", ip: "203.0.113.5", port: 9, sender: "a@new.example").utf8))
        try handle.close()
        #expect(events.waitFor { list in
            list.contains { if case .rejections(let r, live: true) = $0 { r.first?.helo == "new.example" } else { false } }
        })
        #expect(events.snapshot().contains { if case .progress = $0 { true } else { false } })
    }

    @Test func missingLogIsReportedNotFatal() {
        let events = EventLog()
        let tail = MailLogTail(hostPath: "/nonexistent/helofix/mainlog", serverPath: "/var/log/exim_mainlog")
        tail.start { events.append($0) }
        defer { tail.stop() }
        #expect(events.waitFor { $0.contains { if case .unavailable(let why) = $0 { why.contains("--log") } else { false } } })
    }

    @Test func watcherSeesAFileReplacedByRename() throws {
        let root = try Fixtures.clean.writeToTemporaryDirectory(prefix: "helofix-watch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let watcher = try #require(ServerWatcher(hostPaths: [root + "/etc/localdomains", root + "/var/cpanel/users"]))
        let changes = EventLog()
        watcher.start { changes.append(.rotated) }
        defer { watcher.stop() }
        try Data("x.example\n".utf8).write(to: URL(fileURLWithPath: root + "/etc/localdomains.tmp"))
        #expect(rename(root + "/etc/localdomains.tmp", root + "/etc/localdomains") == 0)
        #expect(changes.waitFor { !$0.isEmpty })
        // A new file in a watched directory (a new cPanel account) counts too.
        let before = changes.snapshot().count
        try Data("USER=new\n".utf8).write(to: URL(fileURLWithPath: root + "/var/cpanel/users/new"))
        #expect(changes.waitFor { $0.count > before })
    }
}
