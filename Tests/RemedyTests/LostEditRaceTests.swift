import Foundation
import MailServer
import Remedy
import ServerFixtures
import Testing
import TestSupport

/// A cPanel-style writer (its own process, taking `FILE.lock` and `flock` like `Cpanel::SafeFile`)
/// edits the file at EVERY point where plan or apply reads a file or moves on: its line is never
/// lost. Either apply refuses (the file changed since the plan) or the writer waits for helofix's
/// locks and edits the new file after it.
@Suite(.serialized) struct LostEditRaceTests {
    /// Records the steps without acting, to learn every read point of a remedy.
    final class Steps: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        func add(_ s: String) { lock.lock(); names.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return names }
    }

    /// Starts the writer at `step` and lets it get as far as it can (done, or waiting on our lock).
    final class Racer: @unchecked Sendable {
        let step: String
        let file: String
        let line: String
        private let lock = NSLock()
        private var started: LockingWriter?
        private var failure: String?
        private var fired = false
        init(step: String, file: String, line: String) { self.step = step; self.file = file; self.line = line }

        func reached(_ s: String) {
            lock.lock()
            let first = s == step && started == nil && failure == nil && !fired
            if first { fired = true }
            lock.unlock()
            guard first else { return }
            do {
                let writer = try LockingWriter(hostPath: file, line: line)
                // Without helofix's lock it finishes; with it, it reports that it waits for it.
                _ = writer.wait(for: "done", timeout: 0.2) || writer.wait(for: "waiting", timeout: 20)
                lock.lock(); started = writer; lock.unlock()
            } catch {
                lock.lock(); failure = "\(error)"; lock.unlock()
            }
        }

        func finish() -> String? {
            lock.lock(); defer { lock.unlock() }
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
