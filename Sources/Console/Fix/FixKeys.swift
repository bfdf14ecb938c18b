/// Keys on the fix screens, per step. Esc goes back one step; only ``FixStep/confirm`` can lead to
/// an apply, and only in a mode that allows changes. Moving, scrolling, opening, going back,
/// help and quit go through the keymap (keys.toml rebinds them here too); the step's own letters
/// (`s` skip, `y`/`n`, `v` verify) and typing are read as plain keys.
enum FixKeys {
    static func handle(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let flow = state.fix else { return [] }
        if key == .control("l") { return [.redrawScreen] }
        if flow.step == .applying { return applying(key, &state) }
        let typing = flow.step == .form || flow.step == .confirm
        if !typing, let action = state.keymap.action(for: key) {
            switch action {
            case .help: return HelpScreen.open(&state)
            case .quit: return [.quit]
            default: break
            }
        }
        switch flow.step {
        case .explain: return explain(key, &state)
        case .choose: return chooseKeys(key, &state)
        case .byHand: return byHand(key, &state)
        case .form: return form(key, &state)
        case .preview: return preview(key, &state)
        case .confirm: return confirm(key, &state)
        case .applying: return applying(key, &state)
        case .result: return result(key, &state)
        }
    }

    /// While the transaction runs on the worker the screen still answers: the list of files
    /// scrolls and help opens, but leaving (Esc, q) is refused politely, because the result and
    /// the undo command come only when the transaction is done.
    private static func applying(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.keymap.action(for: key) {
        case .help: return HelpScreen.open(&state)
        case .quit, .back, .left, .open:
            state.message = (FixText.stillApplying(state.glyphs), false)
        default: scroll(key, &state)
        }
        return []
    }

    private static func explain(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if key == .character("s") { return advance(.skipped, &state) }
        switch state.keymap.action(for: key) {
        case .open, .right:
            state.fix?.step = .choose
            state.fix?.scroll = 0
        case .back: close(&state)
        default: scroll(key, &state)
        }
        return []
    }

    private static func chooseKeys(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let flow = state.fix else { return [] }
        let count = flow.options.count
        if case .character(let c) = key, let n = c.wholeNumberValue, (1...count).contains(n) {
            state.fix?.selected = n - 1
            return []
        }
        if key == .character("s"), flow.wizard != nil { return advance(.skipped, &state) }
        switch state.keymap.action(for: key) {
        case .up: state.fix?.selected = max(0, flow.selected - 1)
        case .down: state.fix?.selected = min(count - 1, flow.selected + 1)
        case .top: state.fix?.selected = 0
        case .bottom: state.fix?.selected = count - 1
        case .open, .right: return choose(flow.selected, &state)
        case .back, .left:
            if flow.wizard != nil { state.fix?.step = .explain } else { close(&state) }
        default: break
        }
        return []
    }

    /// Takes option `index`: advice gets its own page; a change opens its form (or preview).
    static func choose(_ index: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var flow = state.fix, index < flow.options.count else { return [] }
        let option = flow.options[index]
        flow.selected = index
        flow.scroll = 0
        state.message = nil
        guard let kind = option.kind else {
            flow.step = .byHand
            state.fix = flow
            return []
        }
        flow.kind = kind
        flow.text = option.prefill
        flow.confirmation = ""
        flow.step = kind.hasForm ? .form : .preview
        return replan(flow, kind, &state)
    }

    /// Plans the form's current text again: the Remedy layer's own checks speak while the admin types.
    private static func replan(_ flow: FixFlow, _ kind: FixKind, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var flow = flow
        let target = kind.target(for: flow.text)
        flow.plan = .planning(target)
        state.fix = flow
        return [.fix(.plan(target))]
    }

    /// The by-hand page: Enter means "done" (the wizard goes on), Esc goes back to the options.
    private static func byHand(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let flow = state.fix else { return [] }
        if key == .character("s"), flow.wizard != nil { return advance(.skipped, &state) }
        switch state.keymap.action(for: key) {
        case .open:
            if flow.wizard != nil { return advance(.doneByHand, &state) }
            close(&state)
            state.message = ("Done by hand: helofix reads the server again when its files change.", false)
        case .back, .left: state.fix?.step = .choose
        default: scroll(key, &state)
        }
        return []
    }

    private static func form(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var flow = state.fix, let kind = flow.kind else { return [] }
        if flow.awaitingCheck && key != .escape {
            // Keys typed after Enter were meant for the next step, not for the value being checked;
            // they are dropped rather than replayed, so the preview is on screen before any answer.
            state.message = (FixText.checkingIgnoresKeys(state.glyphs), false)
            return []
        }
        flow.awaitingCheck = false
        switch key {
        case .enter:
            if flow.readyPlan != nil {
                flow.step = .preview
                flow.scroll = 0
                state.message = nil
            } else if let why = flow.refusal {
                state.message = (why, true)
            } else {
                flow.awaitingCheck = true
                state.message = ("Checking the value" + state.glyphs.ellipsis, false)
            }
            state.fix = flow
            return []
        case .escape:
            if flow.options.count > 1 || flow.wizard != nil {
                flow.step = .choose
                state.fix = flow
            } else {
                close(&state)
            }
            state.message = nil
            return []
        case .backspace, .delete:
            guard !flow.text.isEmpty else { return [] }
            flow.text.removeLast()
        case .control("u"):
            flow.text = ""
        case .character(let c) where !c.isNewline:
            guard flow.text.count < 253 else { return [] }
            flow.text.append(c)
        default:
            return []
        }
        return replan(flow, kind, &state)
    }

    private static func preview(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let flow = state.fix else { return [] }
        let action = key == .character("y") ? .open : state.keymap.action(for: key)
        switch action {
        case .open:
            guard state.mode.allowsChanges else {
                state.message = (FixText.readOnly, false)
                return []
            }
            guard let plan = flow.readyPlan else {
                state.message = (flow.refusal ?? "Planning" + state.glyphs.ellipsis, flow.refusal != nil)
                return []
            }
            guard !CopyCommands.nothingToApply(plan, state) else {
                state.message = ("Nothing to apply on this copy: run the command above on the server itself.", false)
                return []
            }
            state.fix?.step = .confirm
            state.fix?.confirmation = ""
        case .back:
            if flow.kind?.hasForm == true { state.fix?.step = .form } else { close(&state) }
            state.message = nil
        default: scroll(key, &state)
        }
        return []
    }

    private static func confirm(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var flow = state.fix, let kind = flow.kind, let target = flow.target else { return [] }
        let word = kind.confirmationWord(text: flow.text, hostname: state.data.hostname)
        switch key {
        case .escape:
            flow.step = .preview
            state.fix = flow
            state.message = nil
            return []
        case .character("n") where word == nil:
            flow.step = .preview
            state.fix = flow
            return []
        case .character("y") where word == nil:
            return startApply(target, &state)
        case .enter where word != nil:
            guard flow.confirmation == word else {
                state.message = ("Type \(word!) exactly to confirm, or press Esc to go back.", true)
                return []
            }
            return startApply(target, &state)
        case .backspace, .delete:
            if word != nil, !flow.confirmation.isEmpty { flow.confirmation.removeLast() }
        case .character(let c) where word != nil:
            flow.confirmation.append(c)
        default:
            return []
        }
        state.fix = flow
        return []
    }

    private static func startApply(_ target: FixTarget, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.mode.allowsChanges, state.fix?.readyPlan != nil else {
            state.message = (FixText.readOnly, false)
            return []
        }
        state.fix?.step = .applying
        state.message = nil
        return [.fix(.apply(target))]
    }

    private static func result(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let flow = state.fix else { return [] }
        if key == .character("v") {
            guard state.eximAvailable, let pair = flow.verificationPair, flow.outcome?.record != nil else {
                state.message = ("Verify needs exim under the root and a logged rejection to replay; use helofix verify --ip IP --helo NAME.", false)
                return []
            }
            guard flow.outcome?.verifying != true else {
                state.message = ("Still asking Exim" + state.glyphs.ellipsis + " its answer comes here.", false)
                return []
            }
            state.fix?.outcome?.verifying = true
            state.message = ("Asking Exim" + state.glyphs.ellipsis, false)
            return [.fix(.verify(ip: pair.ip, helo: pair.helo))]
        }
        switch state.keymap.action(for: key) {
        case .open where flow.wizard != nil:
            return advance(.finished, &state)
        case .open, .back:
            close(&state)
            guard state.history != nil else { return [] }
            state.history?.diff = nil
            return [.fix(.loadHistory)]
        default: scroll(key, &state)
        }
        return []
    }

    /// How the wizard leaves a finding.
    enum Leaving {
        case skipped, doneByHand, finished
    }

    /// Wizard: on to the next finding, or back to the console when there is none left.
    private static func advance(_ leaving: Leaving, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var progress = state.fix?.wizard else {
            close(&state)
            return []
        }
        switch leaving {
        case .skipped: progress.skipped += 1
        case .doneByHand: progress.byHand += 1
        case .finished: break
        }
        if !FixStart.next(progress, &state) {
            close(&state)
            state.message = ("Wizard done: \(progress.fixed) fixed, \(progress.byHand) by hand, \(progress.skipped) skipped; "
                             + "every finding with a remedy has been shown.", false)
        }
        return []
    }

    static func close(_ state: inout ConsoleState) {
        state.fix = nil
    }

    /// Scrolls the step's text with the keymap's moving keys.
    private static func scroll(_ key: Key, _ state: inout ConsoleState) {
        guard let flow = state.fix else { return }
        let page = FixView.rows(state)
        // Clamped to the last page, so Up moves at once after a long PgDn.
        let last = max(0, FixScreenText.lines(flow, state: state, width: state.width - 4).lines.count - page)
        let current = min(flow.scroll, last)
        switch state.keymap.action(for: key) {
        case .up: state.fix?.scroll = max(0, current - 1)
        case .down: state.fix?.scroll = min(last, current + 1)
        case .pageUp: state.fix?.scroll = max(0, current - page)
        case .pageDown: state.fix?.scroll = min(last, current + page)
        case .top: state.fix?.scroll = 0
        case .bottom: state.fix?.scroll = last
        default: break
        }
    }
}
