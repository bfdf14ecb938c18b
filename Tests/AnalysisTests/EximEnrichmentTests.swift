import Analysis
import Diagnosis
import Foundation
import MailServer
import ServerFixtures
import Synchronization
import Testing
import TestSupport

/// The Exim enrichment in the pipeline: it asks once per refused sender the findings name (at most
/// `limit`), regrades what Exim accepts now, notes what it could not confirm, and stops when cancelled.
@Suite struct EximEnrichmentTests {
    static func refusedSenders(_ report: AnalysisReport) -> [String] {
        report.findings.compactMap { EximConfirmedFindings.sender(of: $0) }.map { "\($0.ip) \($0.greeting)" }
    }

    @Test func acceptedNowIsFixedSinceAndFailuresAreNotes() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let plain = try AnalysisPipeline(root: ServerRoot(root.path)).run()
        let senders = Self.refusedSenders(plain)
        try #require(senders.count >= 2, "the fixture's log refuses at least two senders")
        let accepted = senders[0], failing = senders[1]
        let asked = Mutex<[String]>([])
        let enrichment = EximEnrichment { ip, greeting, localIP in
            let key = "\(ip) \(greeting)"
            asked.withLock { $0.append(key) }
            #expect(localIP != nil, "the server's main address is the interface the sender reached")
            if key == accepted { return .success(EximVerdict(verdict: .accepted, reply: "250 OK", stage: "MAIL FROM")) }
            if key == failing { return .failure(.init("timed out")) }
            return .success(EximVerdict(verdict: .refused, reply: "550 refused", stage: "MAIL FROM"))
        }
        let report = try AnalysisPipeline(root: ServerRoot(root.path), enrichments: [enrichment]).run()
        #expect(Set(asked.withLock { $0 }) == Set(senders), "each refused sender once")
        let fixed = try #require(report.findings.first { $0.exim?.verdict == .accepted })
        #expect(fixed.severity == .info)
        #expect(fixed.title.hasPrefix("Fixed since"))
        #expect(report.findings.filter { $0.exim?.verdict == .refused }.allSatisfy { $0.severity == .critical })
        #expect(report.notes.contains { $0.contains("timed out") })
        #expect(report.enrichedBy == ["Exim"])
    }

    @Test func boundedCountAndCancellation() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let calls = Mutex(0)
        let one = EximEnrichment(limit: 1) { _, _, _ in
            calls.withLock { $0 += 1 }
            return .success(EximVerdict(verdict: .refused, reply: "550 refused", stage: "MAIL FROM"))
        }
        _ = try AnalysisPipeline(root: ServerRoot(root.path), enrichments: [one]).run()
        #expect(calls.withLock { $0 } == 1)

        let plain = try AnalysisPipeline(root: ServerRoot(root.path)).run()
        var report = plain
        let cancelled = AnalysisCancellation()
        cancelled.cancel()
        one.enrich(&report, cancellation: cancelled)
        #expect(calls.withLock { $0 } == 1, "nothing is asked once cancelled")
        #expect(report.findings == plain.findings)
    }
}
