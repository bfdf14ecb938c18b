import Foundation
import MailServer
import Remedy
import ServerFixtures
import Synchronization
import Testing
import TestSupport

/// A cPanel-style writer (its own process, taking `FILE.lock` and `flock` like `Cpanel::SafeFile`)
/// edits the file at EVERY point where plan or apply reads a file or moves on: its line is never
/// lost. Either apply refuses (the file changed since the plan) or the writer waits for helofix's
/// locks and edits the new file after it.
@Suite(.serialized) struct LostEditRaceTests {
    /// Records the steps without acting, to learn every read point of a remedy.
    final class Steps: Sendable {
        private let names = Mutex<[String]>([])
        func add(_ s: String) { names.withLock { $0.append(s) } }
        var all: [String] { names.withLock { $0 } }
    }

    /// Starts the writer at `step` and lets it get as far as it can: its edit done, or waiting
    /// on our lock. It says which (one word a line), so nothing here depends on how fast the
    /// machine is: a loaded machine only makes the waits longer, never the outcome different.
    final class Racer: Sendable {
        let step: String
        let file: String
        let line: String
        private struct State {
            var fired = false
            var started: LockingWriter?
            var failure: String?
        }
        private let state = Mutex(State())
        init(step: String, file: String, line: String) { self.step = step; self.file = file; self.line = line }

        func reached(_ s: String) {
            let first = state.withLock { st -> Bool in
                guard s == step, !st.fired else { return false }
                st.fired = true
                return true
            }
            guard first else { return }
            do {
                let writer = try LockingWriter(hostPath: file, line: line)
                var failure: String?
                if writer.wait(for: ["ready"], timeout: 60) == nil {
                    failure = "the writer never said ready at \(step): \(writer.transcript)"
                } else if writer.wait(for: ["done", "waiting"], timeout: 60) == nil {
                    // helofix is paused in this hook, so the writer either finishes or finds our lock.
                    failure = "the writer neither finished nor waited for our lock at \(step): \(writer.transcript)"
                }
                state.withLock {
                    $0.started = writer
                    $0.failure = failure
                }
            } catch {
                state.withLock { $0.failure = "\(error)" }
            }
        }

        func finish() -> String? {
            let (started, failure) = state.withLock { ($0.started, $0.failure) }
            if let failure { return failure }
            guard let started else { return "the writer was never started at \(step)" }
            return started.finish() ? nil : "the writer did not finish: \(started.transcript)"
        }
    }

    static let cases: [(RemedyRequest, String)] = [
        (.removeDomain("shop.example.com"), "/etc/localdomains"),
        (.setGreeting(key: "bob.example.net", name: "mail.bob.example.net"), "/etc/mailhelo"),
    ]

    @Test(arguments: 0..<2) func writerRacedAtEveryStepKeepsItsEdit(_ index: Int) throws {
        let (request, target) = Self.cases[index]
        let probe = try Scenario(Fixtures.migratedCPanel)
        let steps = Steps()
        let hook = StepHook { steps.add($0) }
        _ = try probe.executor(hook: hook).apply(probe.plan(request, hook: hook), reason: "probe")
        probe.remove()
        let points = ["before-plan"] + steps.all
        #expect(points.contains("read \(target)") && points.contains("checked \(target)") && points.contains("locked"))

        for (n, step) in points.enumerated() {
            let s = try Scenario(Fixtures.migratedCPanel)
            defer { s.remove() }
            let line = "racer\(n).example.org"
            let racer = Racer(step: step, file: s.root + target, line: line)
            let hook = StepHook { racer.reached($0) }
            racer.reached("before-plan")
            var outcome = "applied"
            do {
                _ = try s.executor(lockWait: 20, hook: hook).apply(s.plan(request, hook: hook), reason: "race")
            } catch let error as RemedyError {
                outcome = error.message
                #expect(error.kind == .conflict, "at \(step): \(error.message)")
            }
            #expect(racer.finish() == nil, "at \(step)")
            let after = s.read(target) ?? ""
            #expect(after.contains(line + "\n"), "the writer's edit at step \(step) was lost (\(outcome)):\n\(after)")
            #expect(TransactionHistory(root: s.serverRoot).interrupted().isEmpty)
        }
    }
}
