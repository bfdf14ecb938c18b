import Diagnosis
import Remedy

/// What the runtime's answers do to the fix and history screens.
enum FixEvents {
    static func apply(_ event: FixEvent, to state: inout ConsoleState) {
        switch event {
        case .planned(let target, let result):
            // Answers for text the admin has since changed are stale: drop them.
            guard var flow = state.fix, case .planning(let asked) = flow.plan, asked == target else { return }
            switch result {
            case .success(let plan): flow.plan = .ready(target, plan)
            case .failure(let error): flow.plan = .refused(target, ConsoleWording.withoutCommandLineFlags(error.message))
            }
            if flow.awaitingCheck, flow.step == .form {
                // The Enter pressed while checking takes effect now.
                flow.awaitingCheck = false
                if let why = flow.refusal {
                    state.message = (why, true)
                } else {
                    flow.step = .preview
                    flow.scroll = 0
                    state.message = nil
                }
            }
            state.fix = flow
        case .applied(let target, let result):
            guard var flow = state.fix, flow.step == .applying, flow.target == target else { return }
            switch result {
            case .success(let record):
                flow.outcome = FixOutcome(record: record, error: nil, reread: false, findingStillThere: nil, verification: nil)
                if flow.wizard != nil { flow.wizard?.fixed += 1 }
            case .failure(let error):
                flow.outcome = FixOutcome(record: nil, error: ConsoleWording.withoutCommandLineFlags(error.message), reread: false, findingStillThere: nil, verification: nil)
            }
            flow.step = .result
            flow.scroll = 0
            state.fix = flow
        case .reread(let target):
            guard var flow = state.fix, flow.step == .result, flow.target == target, flow.outcome?.record != nil else { return }
            flow.outcome?.reread = true
            flow.outcome?.findingStillThere = flow.finding.flatMap { f in state.data.findings.first { $0.id == f.id } }
            state.fix = flow
        case .verified(let line):
            state.fix?.outcome?.verification = line
            state.fix?.outcome?.verifying = false
            state.message = nil
        case .historyLoaded(let records):
            guard var history = state.history else { return }
            history.records = records.reversed()
            history.loaded = true
            history.position.scrollIntoView(count: records.count, page: max(1, state.listRows - 2))
            state.history = history
        case .diffLoaded(let id, let text):
            guard state.history != nil else { return }
            state.history?.diff = (id, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            state.history?.scroll = 0
        }
    }

    /// After a read: whether the finding a finished fix was about is still reported. Only a read
    /// known to have started after the commit (``FixEvent/reread(after:)``) answers that first;
    /// later reads keep the answer current.
    static func serverChanged(_ state: inout ConsoleState) {
        FixStart.rethinkWizard(&state)
        guard var flow = state.fix, flow.step == .result, var outcome = flow.outcome, outcome.record != nil, outcome.reread else { return }
        outcome.findingStillThere = flow.finding.flatMap { f in state.data.findings.first { $0.id == f.id } }
        flow.outcome = outcome
        state.fix = flow
    }
}
