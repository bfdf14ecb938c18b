/// Keys on the fix screens, per step. Esc goes back one step; only ``FixStep/confirm`` can lead to
/// an apply, and only in a mode that allows changes.
enum FixKeys {
    static func handle(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let flow = state.fix else { return [] }
        if key == .control("l") { return [.redrawScreen] }
        switch flow.step {
        case .explain: return explain(key, &state)
        case .choose: return chooseKeys(key, &state)
        case .form: return form(key, &state)
        case .preview: return preview(key, &state)
        case .confirm: return confirm(key, &state)
        case .applying: return []
        case .result: return result(key, &state)
        }
    }

    private static func explain(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch key {
        case .enter, .right, .character("l"):
            state.fix?.step = .choose
            state.fix?.scroll = 0
        case .character("s"): return nextFinding(&state)
        case .escape, .backspace: close(&state)
        case .character("q"): return [.quit]
        default: scroll(key, &state)
        }
        return []
    }

    private static func chooseKeys(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let flow = state.fix else { return [] }
        let count = flow.options.count
        switch key {
        case .up, .character("k"): state.fix?.selected = max(0, flow.selected - 1)
        case .down, .character("j"): state.fix?.selected = min(count - 1, flow.selected + 1)
        case .character(let c) where c.wholeNumberValue.map { (1...count).contains($0) } == true:
            state.fix?.selected = c.wholeNumberValue! - 1
        case .enter, .right: return choose(flow.selected, &state)
        case .character("s") where flow.wizard != nil: return nextFinding(&state)
        case .escape, .backspace, .left:
            if flow.wizard != nil { state.fix?.step = .explain } else { close(&state) }
        case .character("q"): return [.quit]
        default: break
        }
        return []
    }

    /// Takes option `index`: advice is shown as a message; a change opens its form (or preview).
    static func choose(_ index: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var flow = state.fix, index < flow.options.count else { return [] }
        let option = flow.options[index]
        guard let kind = option.kind else {
            state.message = ("By hand: \(option.advice ?? option.title)", false)
            return []
        }
        flow.selected = index
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
        state.message = nil
        return [.fix(.plan(target))]
    }

    private static func form(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var flow = state.fix, let kind = flow.kind else { return [] }
        switch key {
        case .enter:
            if flow.readyPlan != nil {
                flow.step = .preview
                flow.scroll = 0
                state.message = nil
            } else if let why = flow.refusal {
                state.message = (why, true)
            } else {
                state.message = ("Checking the value" + state.glyphs.ellipsis, false)
            }
            state.fix = flow
            return []
        case .escape:
            if flow.options.filter({ $0.kind != nil }).count > 1 || flow.wizard != nil {
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
        switch key {
        case .enter, .character("y"):
            guard state.mode.allowsChanges else {
                state.message = (FixText.readOnly, false)
                return []
            }
            guard flow.readyPlan != nil else {
                state.message = (flow.refusal ?? "Planning" + state.glyphs.ellipsis, flow.refusal != nil)
                return []
            }
            state.fix?.step = .confirm
            state.fix?.confirmation = ""
        case .escape, .backspace:
            if flow.kind?.hasForm == true { state.fix?.step = .form } else { close(&state) }
            state.message = nil
        case .character("q"): return [.quit]
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
        switch key {
        case .character("v"):
            guard state.eximAvailable, let pair = flow.verificationPair, flow.outcome?.record != nil else {
                state.message = ("Verify needs exim under the root and a logged rejection to replay; use helofix verify --ip IP --helo NAME.", false)
                return []
            }
            state.message = ("Asking Exim" + state.glyphs.ellipsis, false)
            return [.fix(.verify(ip: pair.ip, helo: pair.helo))]
        case .enter where flow.wizard != nil:
            return nextFinding(&state)
        case .enter, .escape, .backspace:
            close(&state)
            guard state.history != nil else { return [] }
            state.history?.diff = nil
            return [.fix(.loadHistory)]
        case .character("q"): return [.quit]
        default: scroll(key, &state)
        }
        return []
    }

    /// Wizard: on to the next finding, or back to the console when there is none left.
    private static func nextFinding(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let progress = state.fix?.wizard else {
            close(&state)
            return []
        }
        if !FixStart.next(progress, &state) {
            close(&state)
            state.message = ("Wizard done: \(progress.fixed) fixed; every finding with a remedy has been shown.", false)
        }
        return []
    }

    static func close(_ state: inout ConsoleState) {
        state.fix = nil
    }

    private static func scroll(_ key: Key, _ state: inout ConsoleState) {
        guard let flow = state.fix else { return }
        let page = FixView.rows(state)
        // Clamped to the last page, so Up moves at once after a long PgDn.
        let last = max(0, FixScreenText.lines(flow, state: state, width: state.width - 4).lines.count - page)
        let current = min(flow.scroll, last)
        switch key {
        case .up, .character("k"): state.fix?.scroll = max(0, current - 1)
        case .down, .character("j"): state.fix?.scroll = min(last, current + 1)
        case .pageUp: state.fix?.scroll = max(0, current - page)
        case .pageDown, .character(" "): state.fix?.scroll = min(last, current + page)
        case .home, .character("g"): state.fix?.scroll = 0
        case .end, .character("G"): state.fix?.scroll = last
        default: break
        }
    }
}
