/// Draws the fix screens (and the wizard): a step line, the step's text, and its input field.
enum FixView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        guard let flow = state.fix else { return }
        let width = grid.width - 4
        let content = FixScreenText.lines(flow, state: state, width: width)
        let top = 4
        let rows = rows(state)
        let scroll = min(flow.scroll, max(0, content.lines.count - rows))
        TitleLine.draw(title(flow, state), state, into: &grid, scroll: (scroll, rows, content.lines.count))
        drawSteps(flow, state, into: &grid)
        for (i, line) in content.lines.dropFirst(scroll).prefix(rows).enumerated() {
            grid.write(line.text, x: 2 + line.indent, y: top + i, role: line.role, limit: grid.width - 3 - line.indent)
        }
        if let input = content.input {
            let y = top + min(input.row, rows - 1) - min(scroll, input.row)
            let x = 2 + grid.write(input.label + " ", x: 2, y: y, role: .keyHint)
            grid.fill(x: x, y: y, width: max(1, grid.width - x - 2), role: .input)
            let used = grid.write(input.value, x: x, y: y, role: .input, limit: grid.width - x - 3)
            grid.cursor = (min(grid.width - 1, x + used), y)
        }
    }

    /// ` Wizard: finding 2 of 5 (1 skipped): TITLE ` or ` Fix: SUBJECT `.
    static func title(_ flow: FixFlow, _ state: ConsoleState) -> String {
        guard let progress = flow.wizard else { return " Fix: \(flow.subject) " }
        let total = max(progress.done.count, FixStart.wizardTotal(state.data))
        let skipped = progress.skipped > 0 ? " (\(progress.skipped) skipped)" : ""
        return " Wizard: finding \(progress.done.count) of \(total)\(skipped): \(flow.subject) "
    }

    /// Rows for the step's text: below the title and step lines, above the message and footer.
    static func rows(_ state: ConsoleState) -> Int { max(1, state.height - 6) }

    /// `Why › Options › Value › Preview › Confirm › Apply`, the current step highlighted.
    private static func drawSteps(_ flow: FixFlow, _ state: ConsoleState, into grid: inout CellGrid) {
        var steps: [(FixStep, String)] = [(.choose, "Options"), (.form, "Value"), (.preview, "Preview"), (.confirm, "Confirm"), (.applying, "Apply"), (.result, "Result")]
        if flow.step == .byHand { steps = [(.choose, "Options"), (.byHand, "By hand")] }
        if flow.wizard != nil { steps.insert((.explain, "What is wrong"), at: 0) }
        if flow.kind.map({ !$0.hasForm }) == true { steps.removeAll { $0.0 == .choose || $0.0 == .form } }
        var x = 2
        for (i, (step, name)) in steps.enumerated() {
            if i > 0 { x += grid.write(" \(state.glyphs.arrow) ", x: x, y: 2, role: .dim) }
            x += grid.write(name, x: x, y: 2, role: step == flow.step ? .selection : .dim)
        }
    }

    /// The footer's hints for the step on screen, with the keymap's keys. A read-only session is
    /// never offered a step that would apply; a refused plan is not offered a confirmation.
    static func footer(_ state: ConsoleState) -> String? {
        guard let flow = state.fix else { return nil }
        let k = state.keymap
        let wizard = flow.wizard != nil
        let skip = wizard ? "  s skip" : ""
        let scroll = "  \(k.upDown) scroll"
        switch flow.step {
        case .explain: return k.hint(.open, "options") + skip + k.hint(.back, "leave wizard") + scroll + k.hint(.help, "help")
        case .choose: return "  \(k.upDown) choose" + k.hint(.open, "take it") + skip + k.hint(.back, "back") + k.hint(.help, "help")
        case .byHand: return k.hint(.open, wizard ? "done, next" : "done") + skip + k.hint(.back, "back to the options") + k.hint(.help, "help")
        case .form: return " type the value  Enter preview  C-u clear  Esc back"
        case .preview:
            let applicable = flow.readyPlan.map { !CopyCommands.nothingToApply($0, state) } ?? false
            let go = state.mode.allowsChanges && applicable ? k.hint(.open, "continue to confirm") : ""
            return go + scroll + k.hint(.back, "back") + k.hint(.help, "help")
        case .confirm:
            let word = flow.kind?.confirmationWord(text: flow.text, hostname: state.data.hostname)
            return word == nil ? " y apply  n or Esc back" : " type the name, Enter apply  Esc back"
        case .applying: return " applying" + state.glyphs.ellipsis + " do not close" + scroll + k.hint(.help, "help")
        case .result:
            let verify = state.eximAvailable && flow.verificationPair != nil && flow.outcome?.record != nil ? "  v verify with Exim" : ""
            return (wizard ? k.hint(.open, "next finding") + k.hint(.back, "leave wizard") : k.hint(.open, "close")) + verify + scroll
        }
    }
}
