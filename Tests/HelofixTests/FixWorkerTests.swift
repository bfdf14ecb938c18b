import Analysis
import Console
import Foundation
import MailServer
import ServerFixtures
import Testing
import TestSupport
@testable import ConsoleRuntime

/// The fix screens' worker: plans asked for on every keystroke are made newest-first, so the last
/// answer is always for the text on screen, and a read-only worker refuses an apply.
@Suite struct FixWorkerTests {
    static func planned(_ m: RuntimeMessage) -> FixTarget? {
        if case .console(.fix(.planned(let target, _))) = m { target } else { nil }
    }

    @Test func theLastPlanAnswerIsForTheNewestTextAndWaitingPlansAreSkipped() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let serverRoot = ServerRoot(root.path)
        let snapshot = try SnapshotReader(root: serverRoot).read()
        let inbox = RuntimeInbox()
        let analysis = ServerAnalysis(pipeline: AnalysisPipeline(root: serverRoot, logs: .none), inbox: inbox)
        let worker = FixWorker(work: FixWork(root: serverRoot, editor: nil), inbox: inbox, analysis: analysis)
        // Typing "shop.example.com" one key at a time: a plan per keystroke.
        let word = "shop.example.com"
        let targets = word.indices.map { FixTarget.remedy(.removeDomain(String(word[...$0]))) }
        for target in targets { worker.submit(.plan(target), snapshot: snapshot, plan: nil) }
        var answers: [FixTarget] = []
        let deadline = Date().addingTimeInterval(60)
        while answers.last != targets.last, Date() < deadline {
            answers += inbox.drain().compactMap(Self.planned)
            usleep(10_000)
        }
        #expect(answers.last == targets.last, "answers: \(answers)")
        #expect(answers.count <= targets.count)
        // Newest first: the answers come in typing order, none repeated.
        let order = answers.compactMap { targets.firstIndex(of: $0) }
        #expect(order == order.sorted() && Set(order).count == order.count, "\(answers)")
        usleep(200_000)
        #expect(inbox.drain().compactMap(Self.planned).isEmpty, "a plan answered after the newest one")
    }

    @Test func aReadOnlyWorkerRefusesAnApplyAndNeverRereads() throws {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let serverRoot = ServerRoot(root.path)
        let before = TreeState.capture(root.path)
        let inbox = RuntimeInbox()
        let analysis = ServerAnalysis(pipeline: AnalysisPipeline(root: serverRoot, logs: .none), inbox: inbox)
        let worker = FixWorker(work: FixWork(root: serverRoot, editor: nil), inbox: inbox, analysis: analysis)
        let target = FixTarget.remedy(.removeDomain("shop.example.com"))
        worker.submit(.apply(target), snapshot: nil, plan: nil)
        worker.waitForApply()
        #expect(!worker.isApplying)
        let messages = inbox.drain()
        let refused = messages.contains { if case .console(.fix(.applied(_, .failure))) = $0 { true } else { false } }
        #expect(refused, "\(messages)")
        #expect(!messages.contains { if case .console(.fix(.reread)) = $0 { true } else { false } })
        #expect(TreeState.capture(root.path) == before)
    }
}
