/// What actions do on the findings list and the detail screen.
enum FindingScreenKeys {
    static func list(_ action: Action, _ state: inout ConsoleState) {
        let count = state.data.findings.count
        let page = state.listRows
        switch action {
        case .up, .previousFinding: state.findingsPosition.move(by: -1, count: count, page: page)
        case .down, .nextFinding: state.findingsPosition.move(by: 1, count: count, page: page)
        case .pageUp: state.findingsPosition.move(by: -page, count: count, page: page)
        case .pageDown: state.findingsPosition.move(by: page, count: count, page: page)
        case .top: state.findingsPosition.select(0, count: count, page: page)
        case .bottom: state.findingsPosition.select(count - 1, count: count, page: page)
        case .open: if count > 0 { openDetail(state.findingsPosition.selected, from: .findings, &state) }
        case .back, .findings: state.screen = .main
        default: break
        }
    }

    static func detail(_ action: Action, _ state: inout ConsoleState) {
        let count = state.data.findings.count
        // The last scroll position that still fills the screen (the same layout the view uses).
        let lines = state.detailFinding.map { DetailText.lines($0.finding, width: state.width - 4).count } ?? 0
        let last = max(0, lines - state.listRows)
        switch action {
        case .up: state.detailScroll = max(0, min(state.detailScroll, last) - 1)
        case .down: state.detailScroll = min(last, state.detailScroll + 1)
        case .pageUp: state.detailScroll = max(0, min(state.detailScroll, last) - state.listRows)
        case .pageDown: state.detailScroll = min(last, state.detailScroll + state.listRows)
        case .top: state.detailScroll = 0
        case .bottom: state.detailScroll = last
        case .nextFinding, .previousFinding:
            guard count > 0, let current = state.detailFinding else { return }
            let step = action == .nextFinding ? 1 : -1
            openDetail((current.index + step + count) % count, from: state.detailOrigin, &state)
        case .back: state.screen = state.detailOrigin
        case .findings: state.screen = .findings
        default: break
        }
    }

    static func openDetail(_ index: Int, from origin: Screen, _ state: inout ConsoleState) {
        state.detailFindingID = state.data.findings[index].id
        state.detailOrigin = origin
        state.detailScroll = 0
        state.findingsPosition.select(index, count: state.data.findings.count, page: state.listRows)
        state.screen = .detail
    }
}
