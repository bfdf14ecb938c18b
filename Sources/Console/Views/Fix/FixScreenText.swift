import Diagnosis
import Remedy

/// The text of each fix step, laid out for a width (also used by tests and the user guide).
public enum FixScreenText {
    /// An input field placed after line `row` of the step's text.
    public struct Input: Sendable, Hashable {
        public var row: Int
        public var label: String
        public var value: String
    }

    /// The step's lines and its input field, if it has one.
    public static func lines(_ flow: FixFlow, state: ConsoleState, width: Int) -> (lines: [DetailText.Line], input: Input?) {
        var out: [DetailText.Line] = []
        func add(_ text: String, _ role: StyleRole = .normal, indent: Int = 0) {
            for piece in TextFit.wrap(text, max(10, width - indent)) { out.append(DetailText.Line(text: piece, role: role, indent: indent)) }
        }
        func blank() { out.append(DetailText.Line(text: "", role: .normal, indent: 0)) }
        var input: Input?
        switch flow.step {
        case .explain:
            if let f = flow.finding {
                out = Array(DetailText.lines(f, width: width).prefix { $0.text != "Remedies (recommended first)" })
                add("Enter shows what can be done about it, with the trade-offs.", .dim)
            }
        case .choose:
            add("What can be done, recommended first:", .title)
            for (i, option) in flow.options.enumerated() {
                let tags = [option.recommended ? "recommended" : nil, option.kind == nil ? "by hand" : nil].compactMap { $0 }
                let tag = tags.isEmpty ? "" : " (" + tags.joined(separator: ", ") + ")"
                if i == flow.selected {
                    add("\(state.glyphs.pointer) \(i + 1). \(option.title)\(tag)", .selection)
                } else {
                    add("\(i + 1). \(option.title)\(tag)", .normal, indent: 2)
                }
                add(option.tradeOff, .dim, indent: 5)
                if let advice = option.advice, i == flow.selected { add(advice, .keyHint, indent: 5) }
            }
        case .byHand:
            let option = flow.options[min(flow.selected, flow.options.count - 1)]
            add("By hand: \(option.title)", .title)
            blank()
            add(option.advice ?? option.title, .normal, indent: 2)
            blank()
            add(option.tradeOff, .dim, indent: 2)
            blank()
            add("helofix cannot do this for you: it is done on the sending side or in the panel. "
                + "When it is done, press Enter" + (flow.wizard != nil ? " for the next finding" : "")
                + "; helofix reads the server again when its files change.", .dim)
        case .form:
            input = Input(row: 0, label: (flow.kind?.fieldLabel ?? "Value") + ":", value: flow.text)
            blank()
            blank()
            formStatus(flow, state, add)
        case .preview:
            preview(flow, state, add, blank) { out.append($0) }
        case .confirm:
            confirm(flow, state, &input, add, blank, count: { out.count })
        case .applying:
            add("Applying \(flow.target?.summary ?? "") as one transaction" + state.glyphs.ellipsis, .title)
            add("Journal, backups and locks first; then each file is replaced safely, the commands run, and the commit marker is written. A hang-up now waits until the transaction is complete.", .dim, indent: 2)
            blank()
            for f in flow.readyPlan?.files ?? [] { add((f.after == nil ? "remove " : "write ") + f.path, .normal, indent: 4) }
            for c in flow.readyPlan?.commands ?? [] { add("run " + c.commandLine, .normal, indent: 4) }
        case .result:
            result(flow, state, add, blank)
        }
        return (out, input)
    }

    private static func formStatus(_ flow: FixFlow, _ state: ConsoleState, _ add: (String, StyleRole, Int) -> Void) {
        if let plan = flow.readyPlan {
            add("OK: \(plan.title)", .statusOK, 0)
            add(plan.explanation, .dim, 2)
            add("Enter shows every file and command it changes; nothing is written yet.", .dim, 2)
        } else if let why = flow.refusal {
            add(why, .statusError, 0)
        } else {
            add("Checking" + state.glyphs.ellipsis, .dim, 0)
        }
    }

    private static func preview(_ flow: FixFlow, _ state: ConsoleState, _ add: (String, StyleRole, Int) -> Void, _ blank: () -> Void,
                                _ out: (DetailText.Line) -> Void) {
        guard let plan = flow.readyPlan else {
            add(flow.refusal ?? "Planning" + state.glyphs.ellipsis, flow.refusal == nil ? .dim : .statusError, 0)
            return
        }
        add(plan.title, .title, 0)
        add(plan.explanation, .normal, 2)
        if let risk = plan.risk { add("Risk: \(risk)", .statusWarn, 2) }
        blank()
        for line in plan.diff.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            let role: StyleRole = line.hasPrefix("+++") || line.hasPrefix("---") ? .title
                : line.hasPrefix("+") ? .diffAdd : line.hasPrefix("-") ? .diffDel : line.hasPrefix("@@") ? .keyHint : .normal
            // Diff lines keep their leading space and are cut, not wrapped; tabs become spaces.
            out(DetailText.Line(text: line.replacingOccurrences(of: "\t", with: "    "), role: role, indent: 0))
        }
        if !plan.commands.isEmpty {
            blank()
            if CopyCommands.runHere(state.data) {
                add("Commands:", .title, 0)
            } else {
                add("Not run on this copy (the root is not /): run these on the server itself:", .statusWarn, 0)
            }
            for c in plan.commands { add("\(c.commandLine)  (\(c.why))", .normal, 2) }
            if CopyCommands.nothingToApply(plan, state) {
                add("There is nothing to write on this copy, so nothing to apply here.", .statusWarn, 0)
            }
        }
        if !plan.followUps.isEmpty {
            blank()
            add("Afterwards:", .title, 0)
            for f in plan.followUps { add("- \(f)", .dim, 2) }
        }
    }

    private static func confirm(_ flow: FixFlow, _ state: ConsoleState, _ input: inout Input?, _ add: (String, StyleRole, Int) -> Void,
                                _ blank: () -> Void, count: () -> Int) {
        guard let kind = flow.kind, let plan = flow.readyPlan else { return }
        add("You are about to \(kind.verb): \(flow.target?.summary ?? "")", .title, 0)
        let here = CopyCommands.runHere(state.data)
        let files = plan.files.count, commands = here ? plan.commands.count : 0
        let later = here || plan.commands.isEmpty ? "" : " (\(plan.commands.count) to run on the server yourself)"
        add("\(files) file\(files == 1 ? "" : "s") changed, \(commands) command\(commands == 1 ? "" : "s") run\(later), as one transaction with backups; it can be rolled back from the history (H).", .normal, 2)
        for f in plan.files { add(f.path + (f.after == nil ? " (removed)" : f.before == nil ? " (created)" : ""), .dim, 4) }
        for c in plan.commands { add((here ? "run " : "on the server: ") + c.commandLine, .dim, 4) }
        blank()
        if let word = kind.confirmationWord(text: flow.text, hostname: state.data.hostname) {
            let what: String
            if case .renameHostname = kind { what = "this server's current hostname" } else { what = "the domain" }
            add("This cannot be undone by Esc once applied. Type \(what), \(word), and press Enter:", .statusWarn, 0)
            input = Input(row: count(), label: "Confirm:", value: flow.confirmation)
        } else {
            add("Press y to apply, n or Esc to go back.", .statusWarn, 0)
        }
    }

    private static func result(_ flow: FixFlow, _ state: ConsoleState, _ add: (String, StyleRole, Int) -> Void, _ blank: () -> Void) {
        guard let outcome = flow.outcome else { return }
        guard let record = outcome.record else {
            add("Not applied: \(outcome.error ?? "unknown error")", .statusError, 0)
            add("Nothing was changed.", .normal, 2)
            return
        }
        add("Applied: transaction \(record.id) (\(record.remedy))", .statusOK, 0)
        for f in record.files { add(f, .dim, 4) }
        for c in record.commands { add("ran " + c, .dim, 4) }
        if let plan = flow.readyPlan, !plan.commands.isEmpty, !CopyCommands.runHere(state.data) {
            add("Still to do on the server (not run on this copy):", .statusWarn, 2)
            for c in plan.commands { add(c.commandLine, .normal, 4) }
        }
        add("Backups are in /var/lib/helofix; undo it from the history (H) or with helofix rollback \(record.id).", .normal, 2)
        if let note = record.note { add(note, .statusWarn, 2) }
        blank()
        if flow.finding == nil {
            add(outcome.reread ? "The server was read again." : "Reading the server again" + state.glyphs.ellipsis, .dim, 0)
        } else if !outcome.reread {
            add("Reading the server again" + state.glyphs.ellipsis, .dim, 0)
        } else if let still = outcome.findingStillThere {
            add("The finding is still reported: \(still.title)", .statusWarn, 0)
            add("Why: " + still.explanation, .normal, 2)
        } else {
            add("The finding is gone: \(flow.finding?.title ?? "")", .statusOK, 0)
        }
        if let v = outcome.verification {
            blank()
            add(v, v.hasPrefix("ACCEPTED") ? .statusOK : .statusWarn, 0)
        }
        if let plan = flow.readyPlan, !plan.followUps.isEmpty {
            blank()
            add("Afterwards:", .title, 0)
            for f in plan.followUps { add("- \(f)", .dim, 2) }
        }
    }
}
