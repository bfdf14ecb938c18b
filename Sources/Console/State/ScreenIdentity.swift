/// Which screen (and fix step) is up: when it changes, the old message no longer applies.
struct ScreenIdentity: Equatable {
    var screen: Screen
    var step: FixStep?
    var finding: String?
    var history: Bool
    var diff: String?

    init(_ state: ConsoleState) {
        screen = state.screen
        step = state.fix?.step
        finding = state.fix?.finding?.id ?? (state.screen == .detail ? state.detailFindingID : nil)
        history = state.history != nil
        diff = state.history?.diff?.id
    }
}
