import Analysis
import Console
import Foundation
import MailServer
import ServerFixtures
import Testing
import TestSupport
@testable import ConsoleRuntime

/// The console's background reads: a fix's result hears about the server only from a read that
/// started after its commit, and a batch of news draws only the newest read.
@Suite struct ServerAnalysisTests {
    /// Drains `inbox` until `done` holds for everything taken so far (or 60 s pass: a loaded machine).
    static func collect(_ inbox: RuntimeInbox, into taken: inout [RuntimeMessage], until done: ([RuntimeMessage]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            taken += inbox.drain()
            if done(taken) { return true }
            usleep(10_000)
        }
        return false
    }

    static func isRead(_ m: RuntimeMessage) -> Bool {
        if case .console(.serverRead) = m { true } else { false }
    }

    static func marker(_ m: RuntimeMessage) -> FixTarget? {
        if case .console(.fix(.reread(let target))) = m { target } else { nil }
    }

    @Test func aRereadAfterACommitIsMarkedRightAfterItsFindings() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let inbox = RuntimeInbox()
        let analysis = ServerAnalysis(pipeline: AnalysisPipeline(root: ServerRoot(root.path), logs: .none), inbox: inbox)
        analysis.start()
        defer { analysis.stop() }
        var taken: [RuntimeMessage] = []
        #expect(Self.collect(inbox, into: &taken) { $0.contains(where: Self.isRead) && !analysis.isWorking }, "no first read")
        taken = inbox.drain()
        #expect(!taken.contains(where: Self.isRead), "the first read was still posting")
        taken.removeAll()
        let first = FixTarget.remedy(.removeDomain("shop.example.com"))
        let second = FixTarget.rollback("20261201-120000-abcd")
        analysis.reread(after: first)
        analysis.reread()
        analysis.reread(after: second)
        let both = Self.collect(inbox, into: &taken) { list in
            Set(list.compactMap(Self.marker)) == [first, second] && !analysis.isWorking
        }
        #expect(both, "markers: \(taken.compactMap(Self.marker))")
        // Each marker comes right after a read's findings, never before any read.
        for (i, message) in taken.enumerated() where Self.marker(message) != nil {
            let before = taken[..<i].last { Self.marker($0) == nil }
            #expect(before.map(Self.isRead) == true, "a marker without its read just before it: \(taken)")
        }
        #expect(taken.filter(Self.isRead).count <= 3, "three requests, at most three reads")
    }

    @Test func aBatchDrawsOnlyTheNewestReadUnlessAFixEventSpeaksAboutAnOlderOne() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        var snapshot = try SnapshotReader(root: ServerRoot(root.path)).read()
        func read(_ name: String) -> RuntimeMessage {
            snapshot.hostname = name
            return .console(.serverRead(snapshot, findings: []))
        }
        let target = FixTarget.remedy(.removeDomain("shop.example.com"))
        let batch: [RuntimeMessage] = [
            read("one"), .console(.log(.rotated)), read("two"), .console(.fix(.reread(after: target))),
            read("three"), .filesChanged, read("four"),
        ]
        let kept = ConsoleLoop.withoutSupersededReads(batch).map { message -> String in
            switch message {
            case .console(.serverRead(let s, _)): s.hostname ?? "?"
            case .console(.fix): "fix"
            case .console(.log): "log"
            case .filesChanged: "changed"
            default: "other"
            }
        }
        #expect(kept == ["log", "two", "fix", "changed", "four"])
    }

    @Test func followedLinesArrivingInManyBatchesAreAllCounted() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let log = root.path + "/mainlog"
        try Data(MailLogs.migratedCPanel(hostname: "server1.hostco.example").utf8).write(to: URL(fileURLWithPath: log))
        let inbox = RuntimeInbox()
        let analysis = ServerAnalysis(pipeline: AnalysisPipeline(root: ServerRoot(root.path), logs: .files([LogFile(argument: log)])), inbox: inbox)
        analysis.start()
        defer { analysis.stop() }
        var taken: [RuntimeMessage] = []
        #expect(Self.collect(inbox, into: &taken) { _ in !analysis.isWorking && analysis.rejectionsCounted > 0 }, "no first read")
        let before = analysis.rejectionsCounted
        // Forty appends, paced so the tail reads them in several batches while evaluations run.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        for i in 0..<40 {
            handle.seekToEndOfFile()
            handle.write(Data(MailLogs.cpanelRejection(time: "2026-12-01 10:00:\(10 + i % 50)", helo: "shop.example.com",
                                                       ip: "203.0.113.\(i % 200 + 1)", port: 40_000 + i, sender: "a@shop.example.com").utf8))
            usleep(30_000)
        }
        try handle.close()
        let all = Self.collect(inbox, into: &taken) { _ in analysis.rejectionsCounted == before + 40 && !analysis.isWorking }
        #expect(all, "counted \(analysis.rejectionsCounted - before) of 40 followed rejections")
    }
}
