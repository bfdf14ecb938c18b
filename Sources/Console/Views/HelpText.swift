/// The help page's lines: the keys bound on the screen help was opened from, then what the
/// marks mean.
public enum HelpText {
    /// The screen help describes, in words (`the main screen`, `the fix: preview`).
    static func screenName(_ state: ConsoleState) -> String {
        if let flow = state.fix { return (flow.wizard != nil ? "the wizard" : "the fix") + ": " + stepName(flow.step) }
        if state.history != nil { return "the history" }
        switch state.previousScreen {
        case .main: return "the main screen"
        case .findings: return "the findings list"
        case .detail: return "a finding's detail"
        case .help: return "help"
        }
    }

    private static func stepName(_ step: FixStep) -> String {
        switch step {
        case .explain: "what is wrong"
        case .choose: "options"
        case .byHand: "by hand"
        case .form: "value"
        case .preview: "preview"
        case .confirm: "confirm"
        case .applying: "apply"
        case .result: "result"
        }
    }

    /// Keys and summaries for the screen under the help page, then the legend of row marks.
    public static func lines(for state: ConsoleState) -> [(keys: String, summary: String)] {
        let k = state.keymap
        let edits = state.mode.allowsChanges
        var out: [(keys: String, summary: String)]
        if let flow = state.fix {
            out = fixLines(flow, state)
        } else if let history = state.history {
            out = k.helpLines([.up, .down, .pageUp, .pageDown, .top, .bottom])
            out += history.diff == nil ? [(k.keyNames(.open), "Show the selected transaction's diff")] : []
            if edits { out.append(("r", "Roll back the selected transaction (preview, then confirm)")) }
            out += [(k.keyNames(.back), history.diff == nil ? "Close the history" : "Back to the list")]
            out += k.helpLines([.help, .redraw, .quit])
        } else {
            let moving: [Action] = [.up, .down, .pageUp, .pageDown, .top, .bottom]
            let fixing: [Action] = edits ? [.fix, .wizard] : []
            let actions: [Action]
            switch state.previousScreen {
            case .main, .help:
                actions = moving + [.left, .right, .nextPane, .previousPane, .filter, .nextFinding, .previousFinding, .findings, .open]
                    + fixing + [.history, .back, .help, .redraw, .quit]
            case .findings:
                actions = moving + [.open] + fixing + [.history, .back, .help, .redraw, .quit]
            case .detail:
                actions = moving + [.nextFinding, .previousFinding, .findings] + (edits ? [.fix] : []) + [.history, .back, .help, .redraw, .quit]
            }
            out = k.helpLines(actions)
        }
        return out + [
            ("", ""),
            ("Marks", ""),
            (Glyphs.mark(.critical), "critical: mail is refused now"),
            (Glyphs.mark(.warning), "warning: a conflict that will bite"),
            (Glyphs.mark(.info), "info: worth knowing"),
            (String(state.glyphs.related), "related to the selected row (same domain, host name or IP)"),
        ]
    }

    private static func fixLines(_ flow: FixFlow, _ state: ConsoleState) -> [(keys: String, summary: String)] {
        let k = state.keymap
        let scroll = k.helpLines([.up, .down, .pageUp, .pageDown, .top, .bottom])
        let skip = flow.wizard != nil ? [("s", "Skip this finding (the wizard goes on to the next)")] : []
        let tail = k.helpLines([.help, .quit])
        switch flow.step {
        case .explain:
            return [(k.keyNames(.open), "Show what can be done, with the trade-offs")] + skip + [(k.keyNames(.back), "Leave the wizard")] + scroll + tail
        case .choose:
            return [(k.upDown + ", 1-9", "Choose an option"), (k.keyNames(.open), "Take the chosen option")] + skip
                + [(k.keyNames(.back), flow.wizard != nil ? "Back to what is wrong" : "Leave the fix")] + tail
        case .byHand:
            return [(k.keyNames(.open), flow.wizard != nil ? "Done by hand: on to the next finding" : "Done by hand")] + skip
                + [(k.keyNames(.back), "Back to the options")] + scroll + tail
        case .form:
            return [("letters", "Type the value (checked as you type)"), ("Enter", "Preview the change"), ("C-u", "Clear the field"), ("Esc", "Back")]
        case .preview:
            let go = state.mode.allowsChanges && flow.readyPlan != nil ? [(k.keyNames(.open) + ", y", "Continue to the confirmation")] : []
            return go + [(k.keyNames(.back), "Back")] + scroll + tail
        case .confirm:
            return [("y / n", "Apply / back (when no name is asked)"), ("name, Enter", "Apply a destructive change"), ("Esc", "Back to the preview")]
        case .applying:
            return [("", "The transaction is running; keys wait until it is done.")]
        case .result:
            return [(k.keyNames(.open), flow.wizard != nil ? "Next finding" : "Close"), ("v", "Ask the real Exim whether the greeting is accepted now")]
                + scroll + tail
        }
    }
}
