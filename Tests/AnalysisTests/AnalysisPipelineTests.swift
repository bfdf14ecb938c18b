import Analysis
import Diagnosis
import Foundation
import MailServer
import ServerFixtures
import Synchronization
import Testing
import TestSupport

/// The pipeline gives every front end the same snapshot, rejections and findings as reading each
/// part on its own, runs enrichments in order, and keeps a live analysis up to date.
@Suite struct AnalysisPipelineTests {
    @Test func runGivesWhatTheReaderScannerAndRulesGiveApart() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let server = ServerRoot(root.path)
        let report = try AnalysisPipeline(root: server).run()

        let snapshot = try SnapshotReader(root: server).read()
        let logs = LogScanner().scan(LogFile.defaults(root: server, platform: snapshot.platform))
        #expect(report.snapshot.domains == snapshot.domains)
        #expect(report.logs.groups == logs.groups)
        #expect(report.logs.rejections == logs.rejections)
        #expect(report.logs.rejections > 0)
        #expect(report.findings == FindingEngine().evaluate(snapshot, rejections: logs.groups))
    }

    @Test func logSelectionNoneReadsNoLog() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let report = try AnalysisPipeline(root: ServerRoot(root.path), logs: .none).run()
        #expect(report.logs.files.isEmpty)
        #expect(report.logs.rejections == 0)
    }

    @Test func enrichmentsRunInOrderAfterTheRulesAndMayRegradeFindings() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let seen = Mutex<[String]>([])
        let pipeline = AnalysisPipeline(root: ServerRoot(root.path), enrichments: [
            Demote(name: "first"), Note(name: "second"),
        ])
        let report = try pipeline.run(events: { event in
            switch event {
            case .logProgress: break
            case .snapshotRead: seen.withLock { $0.append("read") }
            case .findingsReady(let r): seen.withLock { $0.append("ready:\(r.findings.first?.severity.rawValue ?? "")") }
            case .enrichmentStarted(let name): seen.withLock { $0.append("start:\(name)") }
            case .enriched(let name, _): seen.withLock { $0.append("done:\(name)") }
            }
        })
        #expect(seen.withLock { $0 } == ["read", "ready:critical", "start:first", "done:first", "start:second", "done:second"])
        #expect(report.enrichedBy == ["first", "second"])
        #expect(report.notes == ["second was here"])
        // The first critical finding was demoted to info and sorted after every warning.
        let severities = report.findings.map(\.severity)
        #expect(severities == severities.sorted())
        #expect(report.findings.last?.title.hasPrefix("demoted: ") == true)
    }

    @Test func cancellationSkipsTheEnrichmentsNotYetRun() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let cancellation = AnalysisCancellation()
        let pipeline = AnalysisPipeline(root: ServerRoot(root.path), enrichments: [CancelAll(), Note(name: "never")])
        let report = try pipeline.run(cancellation: cancellation)
        #expect(report.enrichedBy.isEmpty)
        #expect(report.notes.isEmpty)
    }

    @Test func unreadableRootIsTheOnlyError() throws {
        #expect(throws: SnapshotError.self) {
            try AnalysisPipeline(root: ServerRoot("/nonexistent/helofix-root")).run()
        }
    }

    @Test func liveAnalysisResumesAtTheEndOfTheScanAndAddsFollowedLines() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        var live = LiveAnalysis(pipeline: AnalysisPipeline(root: ServerRoot(root.path)))
        let first = try live.start()
        let point = try #require(live.followPoint)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: root.host("/var/log/exim_mainlog"))[.size] as? Int)
        #expect(point.offset == size)
        #expect(point.log.displayPath == "/var/log/exim_mainlog")

        let line = MailLogs.cpanelRejection(time: "2026-11-30 10:00:00", helo: "shop.example.com", ip: "203.0.113.10",
                                            port: 50_000, sender: "orders@shop.example.com")
        let firstLine = Substring(line.split(separator: "\n")[0])
        let parsed = try #require(RejectionLineParser.parse(firstLine, location: SourceLocation(file: "/var/log/exim_mainlog", line: point.lines + 1)))
        let added = live.add([parsed])
        let next = try #require(added)
        #expect(next.logs.rejections == first.logs.rejections + 1)
        let before = first.logs.groups.first { $0.helo == "shop.example.com" }?.count ?? 0
        #expect(next.logs.groups.first { $0.helo == "shop.example.com" }?.count == before + 1)

        // A re-read keeps the log evidence gathered so far.
        let reread = try live.reread()
        #expect(reread.logs.rejections == next.logs.rejections)
    }
}

/// Turns the first finding into an info one (as an Exim verdict "accepted now" would).
private struct Demote: AnalysisEnrichment {
    let name: String
    func enrich(_ report: inout AnalysisReport, cancellation: AnalysisCancellation) {
        guard !report.findings.isEmpty else { return }
        report.findings[0].severity = .info
        report.findings[0].title = "demoted: " + report.findings[0].title
    }
}

/// Adds a note.
private struct Note: AnalysisEnrichment {
    let name: String
    func enrich(_ report: inout AnalysisReport, cancellation: AnalysisCancellation) {
        report.notes.append("\(name) was here")
    }
}

/// Cancels the analysis from inside (as the console quitting would).
private struct CancelAll: AnalysisEnrichment {
    var name: String { "cancel" }
    func enrich(_ report: inout AnalysisReport, cancellation: AnalysisCancellation) {
        cancellation.cancel()
    }
}
