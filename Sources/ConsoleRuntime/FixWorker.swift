import Console
import Dispatch
import MailServer
import Remedy
import Synchronization

/// Runs the fix screens' work (plans, the apply, `exim -bh`, the history) on its own serial queue,
/// so the screen keeps answering keys while it runs; each answer goes to the inbox as an event.
///
/// Plans are asked for on every keystroke of a form: only the newest one waiting is made (an
/// older target's answer would be dropped by the reducer anyway). A committed apply is followed
/// by a re-read of the server whose answer says so (``FixEvent/reread(after:)``). When the console
/// ends during an apply (a hang-up, a signal), ``waitForApply()`` holds the exit until the
/// transaction is complete, so the terminal is restored only after the commit.
final class FixWorker: Sendable {
    private let work: FixWork
    private let inbox: RuntimeInbox
    /// The server's analysis, re-read after a commit; `nil` for a fleet (never written).
    private let analysis: ServerAnalysis?
    private let queue = DispatchQueue(label: "helofix.fix")
    /// The newest plan asked for and not yet started, with the snapshot to plan it on.
    private let waitingPlan = Mutex<(target: FixTarget, snapshot: ServerSnapshot?)?>(nil)
    /// Entered when an apply is queued, left when its transaction has ended.
    private let applies = DispatchGroup()
    /// Whether an apply is queued or running.
    private let applyCount = Mutex(0)

    init(work: FixWork, inbox: RuntimeInbox, analysis: ServerAnalysis?) {
        self.work = work
        self.inbox = inbox
        self.analysis = analysis
    }

    /// Queues `effect`; `snapshot` is the newest read (for plans), `plan` the previewed plan (for an apply).
    func submit(_ effect: FixEffect, snapshot: ServerSnapshot?, plan: Plan?) {
        switch effect {
        case .plan(let target):
            let queued = waitingPlan.withLock { waiting in
                defer { waiting = (target, snapshot) }
                return waiting != nil
            }
            // A job is already waiting: it will take this newer target when it starts.
            if queued { return }
            queue.async { [self] in
                guard let (target, snapshot) = waitingPlan.withLock({ waiting in
                    defer { waiting = nil }
                    return waiting
                }) else { return }
                if let event = work.answer(.plan(target), snapshot: snapshot) { inbox.post(.console(event)) }
            }
        case .apply(let target):
            applies.enter()
            applyCount.withLock { $0 += 1 }
            queue.async { [self] in
                defer {
                    applyCount.withLock { $0 -= 1 }
                    applies.leave()
                }
                let event = work.apply(target, plan: plan)
                inbox.post(.console(event))
                // The result screen says whether the finding is gone once a read that started
                // after the commit is in.
                if case .fix(.applied(_, .success)) = event { analysis?.reread(after: target) }
            }
        case .verify, .loadHistory, .loadDiff:
            queue.async { [self] in
                if let event = work.answer(effect, snapshot: snapshot) { inbox.post(.console(event)) }
            }
        }
    }

    /// Whether an apply is queued or its transaction is running.
    var isApplying: Bool { applyCount.withLock { $0 > 0 } }

    /// Returns once no apply is queued or running.
    func waitForApply() {
        applies.wait()
    }
}
