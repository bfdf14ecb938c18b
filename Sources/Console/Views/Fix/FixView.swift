/// Draws the fix screens (and the wizard): a step line, the step's text, and its input field.
enum FixView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        guard let flow = state.fix else { return }
        let title = flow.wizard != nil ? " Wizard: \(flow.subject) " : " Fix: \(flow.subject) "
        TitleLine.draw(TextFit.fit(title, grid.width - 4, ellipsis: state.glyphs.ellipsis), state, into: &grid)
        drawSteps(flow, state, into: &grid)
        let width = grid.width - 4
        let content = FixScreenText.lines(flow, state: state, width: width)
        let top = 4
        let rows = rows(state)
        let scroll = min(flow.scroll, max(0, content.lines.count - rows))
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

    /// Rows for the step's text: below the title and step lines, above the message and footer.
    static func rows(_ state: ConsoleState) -> Int { max(1, state.height - 6) }

    /// `Why › Options › Value › Preview › Confirm › Apply`, the current step highlighted.
    private static func drawSteps(_ flow: FixFlow, _ state: ConsoleState, into grid: inout CellGrid) {
        var steps: [(FixStep, String)] = [(.choose, "Options"), (.form, "Value"), (.preview, "Preview"), (.confirm, "Confirm"), (.applying, "Apply"), (.result, "Result")]
        if flow.wizard != nil { steps.insert((.explain, "What is wrong"), at: 0) }
        if flow.kind.map({ !$0.hasForm }) == true { steps.removeAll { $0.0 == .choose || $0.0 == .form } }
        var x = 2
        for (i, (step, name)) in steps.enumerated() {
            if i > 0 { x += grid.write(" \(state.glyphs.arrow) ", x: x, y: 2, role: .dim) }
            x += grid.write(name, x: x, y: 2, role: step == flow.step ? .selection : .dim)
        }
    }

    /// The footer's hints for the step on screen.
    static func footer(_ state: ConsoleState) -> String? {
        guard let flow = state.fix else { return nil }
        let wizard = flow.wizard != nil
        switch flow.step {
        case .explain: return " Enter options  s skip  Esc leave wizard  Up/Down scroll"
        case .choose: return " Up/Down choose  Enter take it" + (wizard ? "  s skip" : "") + "  Esc back"
        case .form: return " type the value  Enter preview  C-u clear  Esc back"
        case .preview: return " Enter continue to confirm  Up/Down/PgDn scroll  Esc back"
        case .confirm:
            let word = flow.kind?.confirmationWord(text: flow.text, hostname: state.data.hostname)
            return word == nil ? " y apply  n or Esc back" : " type the name, Enter apply  Esc back"
        case .applying: return " applying" + state.glyphs.ellipsis
        case .result:
            let verify = state.eximAvailable && flow.verificationPair != nil && flow.outcome?.record != nil ? "  v verify with Exim" : ""
            return (wizard ? " Enter next finding  Esc leave wizard" : " Enter close") + verify
        }
    }
}
