/// The keys that differ in the fleet console: the server filter, and the edit keys, which only
/// say where to run the fix (the fleet view never changes a server).
enum FleetKeys {
    /// Handles `action` when the fleet treats it differently; `nil` leaves it to the usual screens.
    static func handle(_ action: Action, _ state: inout ConsoleState) -> [ConsoleEffect]? {
        guard let fleet = state.data.fleet else { return nil }
        switch action {
        case .fix, .wizard, .history:
            state.message = (FleetReadOnly.message(state), false)
            return []
        case .nextServer, .previousServer:
            guard state.screen == .main || state.screen == .findings else { return [] }
            let count = fleet.servers.count
            // All servers sit between the last and the first, so the keys cycle through "all" too.
            let current = state.serverFilter ?? count
            let next = (current + (action == .nextServer ? 1 : count)) % (count + 1)
            state.setServerFilter(next == count ? nil : next)
            state.message = (serverLine(state), false)
            return []
        default:
            return nil
        }
    }

    /// `/@NAME` then Enter: shows the server NAME (its exact name, or the one name it begins), and
    /// keeps what follows a space as the text filter; `/@` alone shows all servers again. With a
    /// thousand servers, typing the name beats pressing `s` until it comes.
    static func chooseServerFromFilter(_ state: inout ConsoleState) {
        guard let fleet = state.data.fleet else { return }
        let typed = state.filter.dropFirst()
        let name = typed.prefix { $0 != " " }.lowercased()
        let rest = String(typed.drop { $0 != " " }.drop { $0 == " " })
        let names = fleet.servers.map { $0.name.lowercased() }
        let chosen: Int?
        if name.isEmpty {
            chosen = nil
        } else if let exact = names.firstIndex(of: name) {
            chosen = exact
        } else {
            let starting = names.indices.filter { names[$0].hasPrefix(name) }
            guard starting.count == 1 else {
                // "@o" is no row's text: left as a filter it would only empty the panes.
                state.setFilter("")
                state.message = (starting.isEmpty ? "No server is named \(name); s and S go through them in turn."
                                                  : "\(starting.count) servers begin with \(name); type more of the name.", true)
                return
            }
            chosen = starting[0]
        }
        state.setFilter(rest)
        state.setServerFilter(chosen)
        state.message = (serverLine(state), false)
    }

    /// `server 2/3: old (server1.hostco.example)`, or `all 3 servers`.
    static func serverLine(_ state: ConsoleState) -> String {
        guard let fleet = state.data.fleet else { return "" }
        guard let chosen = state.serverFilter else { return "all \(fleet.servers.count) servers" }
        let server = fleet.servers[chosen]
        let detail = server.problem.map { "not read: \($0)" } ?? server.hostname ?? "no hostname"
        return "server \(chosen + 1)/\(fleet.servers.count): \(server.name) (\(detail))"
    }
}
