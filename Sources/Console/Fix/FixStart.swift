import Diagnosis

/// Opening the fix screens from the main, findings and detail screens: `e` fixes the selected
/// row or finding, `w` starts the wizard, `H` opens the history.
enum FixStart {
    /// `e`: the options for what is selected; straight to the form when there is only one.
    static func fixSelected(_ state: inout ConsoleState) -> [ConsoleEffect] {
        // Said before "read-only": even as root no fix is offered while files could not be read.
        if state.loaded && state.data.incomplete != nil { return incomplete(&state) }
        guard state.mode.allowsChanges else {
            state.message = (FixText.readOnly, false)
            return []
        }
        guard state.loaded, !state.findingsPending else { return stillReading(&state) }
        let host = state.data.hostname
        let finding: Finding?
        let subject: String
        let options: [FixOption]
        switch state.screen {
        case .detail:
            guard let f = state.detailFinding?.finding else { return [] }
            (finding, subject, options) = (f, f.title, FixOptions.forFinding(f, hostname: host))
        case .findings:
            let i = state.findingsPosition.selected
            guard i < state.data.findings.count else { return [] }
            let f = state.data.findings[i]
            (finding, subject, options) = (f, f.title, FixOptions.forFinding(f, hostname: host))
        default:
            guard let address = state.selectedRow(in: state.focus) else {
                state.message = ("Select a row first.", false)
                return []
            }
            let row = state.data.rows[address.pane.rawValue][address.row]
            // A healthy row has nothing to fix: say so rather than offer changes nobody asked for.
            guard let worst = row.findings.min() else {
                state.message = ("No finding concerns \(row.text): nothing to fix here.", false)
                return []
            }
            finding = state.data.findings[worst]
            (subject, options) = (row.text, FixOptions.forRow(address, in: state.data))
        }
        let actionable = options.filter { $0.kind != nil }
        guard !actionable.isEmpty else {
            state.message = ("helofix cannot change this itself; the finding's remedies say what to do (Enter opens it).", false)
            return []
        }
        var flow = FixFlow(step: .choose, finding: finding, subject: subject, options: options)
        state.fix = flow
        state.message = nil
        // Straight to the form only when nothing else is on offer (advice beside a whitelist must be seen).
        if options.count == 1, let only = options.firstIndex(where: { $0.kind != nil }) {
            flow.selected = only
            state.fix = flow
            return FixKeys.choose(only, &state)
        }
        return []
    }

    /// The answer to a fix key pressed before the first read has arrived.
    static func stillReading(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.message = (state.loaded ? ConsoleState.findingsPendingText : "The server is still being read; try again in a moment.", false)
        return []
    }

    /// `w`: the wizard, from the first finding that has a remedy.
    /// No fix while files could not be read: a plan would be built on what is missing.
    static func incomplete(_ state: inout ConsoleState) -> [ConsoleEffect] {
        // Short enough for an 80-column message line: the header names the count already.
        state.message = ("No fix is offered while the data is incomplete: run helofix as root.", false)
        return []
    }

    static func wizard(_ state: inout ConsoleState) -> [ConsoleEffect] {
        // The first frame is drawn before the server is read: "no findings" would be a lie then.
        guard state.loaded, !state.findingsPending else { return stillReading(&state) }
        guard state.data.incomplete == nil else { return incomplete(&state) }
        guard next(WizardProgress(), &state) else {
            state.message = ("No findings to walk through: nothing here conflicts.", false)
            return []
        }
        state.message = nil
        return []
    }

    /// Shows the next finding the wizard has not dealt with; false when there is none.
    @discardableResult
    static func next(_ progress: WizardProgress, _ state: inout ConsoleState) -> Bool {
        // Findings are kept most severe first, so the first one not yet shown is the worst left.
        guard let f = state.data.findings.first(where: { !progress.done.contains($0.id) && !$0.remedies.isEmpty }) else {
            return false
        }
        var p = progress
        p.done.insert(f.id)
        state.fix = FixFlow(step: .explain, finding: f, subject: f.title,
                            options: FixOptions.forFinding(f, hostname: state.data.hostname), wizard: p)
        return true
    }

    /// How many findings the wizard walks through (those with a remedy).
    static func wizardTotal(_ data: ConsoleData) -> Int {
        data.findings.lazy.filter { !$0.remedies.isEmpty }.count
    }

    /// After a re-read: a wizard still on its first finding moves to the worst one (log evidence
    /// arrives after the first read and can turn a finding critical).
    static func rethinkWizard(_ state: inout ConsoleState) {
        guard let flow = state.fix, let progress = flow.wizard, progress.untouched, flow.step == .explain,
              let worst = state.data.findings.first(where: { !$0.remedies.isEmpty }), worst.id != flow.finding?.id
        else { return }
        next(WizardProgress(), &state)
    }

    /// `H`: the history screen.
    static func history(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.history = HistoryScreen()
        state.message = nil
        return [.fix(.loadHistory)]
    }
}
