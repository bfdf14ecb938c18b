/// The console's logic: `(state, event) -> (state, effects)`, pure, testable without a terminal.
public enum ConsoleReducer {
    /// Returns the new state and the effects the runtime must perform.
    public static func reduce(_ state: ConsoleState, _ event: ConsoleEvent) -> (ConsoleState, [ConsoleEffect]) {
        var next = state
        let effects = reduce(&next, event)
        return (next, effects)
    }

    /// In-place form of ``reduce(_:_:)``.
    public static func reduce(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [ConsoleEffect] {
        switch event {
        case .key(let key):
            return handleKey(&state, key)
        case .resize(let width, let height):
            state.width = width
            state.height = height
            for pane in Pane.allCases {
                state.positions[pane.rawValue].scrollIntoView(count: state.visible[pane.rawValue].count, page: state.paneRows)
            }
            state.findingsPosition.scrollIntoView(count: state.visibleFindings.count, page: state.listRows)
            return [.redrawScreen]
        case .serverFilesRead(let snapshot):
            // Only before the first findings: later reads keep the findings on screen until theirs are in.
            guard !state.loaded else { return [] }
            state.replaceData(ConsoleData(snapshot: snapshot, findings: []))
            state.findingsPending = true
            return []
        case .serverRead(let snapshot, let findings):
            state.replaceData(ConsoleData(snapshot: snapshot, findings: findings))
            state.findingsPending = false
            if state.message?.isError == true { state.message = nil }
            FixEvents.serverChanged(&state)
            return []
        case .dataReady(let data):
            state.replaceData(data)
            return []
        case .readFailed(let text):
            state.message = (text, true)
            return []
        case .dns(let status):
            state.dns = status
            return []
        case .log(let event):
            LogEvents.apply(event, to: &state)
            return []
        case .fix(let event):
            FixEvents.apply(event, to: &state)
            return []
        }
    }

    /// Handles a key; a message stays only on the screen it was written for (a key that moves to
    /// another screen or step without a new message clears it).
    private static func handleKey(_ state: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        let before = ScreenIdentity(state)
        let message = state.message?.text
        let effects = dispatchKey(&state, key)
        if ScreenIdentity(state) != before, state.message?.text == message { state.message = nil }
        return effects
    }

    private static func dispatchKey(_ state: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        if state.editingFilter { return editFilter(&state, key) }
        if state.screen == .help { return HelpScreen.handle(key, &state) }
        // The fix and history screens read plain keys (the form types letters the keymap binds).
        if state.fix != nil, state.fitsMinimum { return FixKeys.handle(key, &state) }
        if state.history != nil, state.fitsMinimum { return HistoryKeys.handle(key, &state) }
        guard let action = state.keymap.action(for: key) else { return [] }
        switch action {
        case .quit: return [.quit]
        case .redraw: return [.redrawScreen]
        case .help: return HelpScreen.open(&state)
        default: break
        }
        guard state.fitsMinimum else { return [] }
        if state.data.fleet != nil, let effects = FleetKeys.handle(action, &state) { return effects }
        switch action {
        case .fix: return FixStart.fixSelected(&state)
        case .wizard: return FixStart.wizard(&state)
        case .history: return FixStart.history(&state)
        default: break
        }
        switch state.screen {
        case .main: MainScreenKeys.handle(action, &state)
        case .findings: FindingScreenKeys.list(action, &state)
        case .detail: FindingScreenKeys.detail(action, &state)
        case .help: break
        }
        return []
    }

    private static func editFilter(_ state: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        switch key {
        case .enter:
            state.editingFilter = false
            if state.data.fleet != nil, state.filter.hasPrefix("@") { FleetKeys.chooseServerFromFilter(&state) }
        case .escape:
            state.editingFilter = false
            state.setFilter("")
        case .backspace, .delete:
            if !state.filter.isEmpty { state.setFilter(String(state.filter.dropLast())) }
        case .character(let c):
            state.setFilter(state.filter + String(c))
        case .control("l"):
            return [.redrawScreen]
        default:
            break
        }
        return []
    }
}
