/// The fleet console changes nothing: the collected trees are copies, and every fix belongs to the
/// helofix on the server itself. The edit keys say where to run what instead.
enum FleetReadOnly {
    /// The answer to an edit key (fix, wizard, history) in the fleet console.
    static func message(_ state: ConsoleState) -> String {
        let prefix = "fleet view is read-only: "
        guard let entry = selectedEntry(state) else {
            if let address = state.selectedRow(in: state.focus), let s = state.data.server(of: address), let fleet = state.data.fleet {
                return prefix + "nothing to fix in this row; on \(fleet.servers[s].name) run helofix there"
            }
            return prefix + "fixes are made on each server with its own helofix"
        }
        switch entry {
        case .fleet(let f):
            guard let fixOn = f.fixOn, let remedy = f.remedies.first(where: { $0.server == fixOn }) ?? f.remedies.first else {
                return prefix + "which server to fix is not clear; Enter shows the plan for each of \(f.servers.joined(separator: ", "))"
            }
            return prefix + "run this on \(remedy.server): \(remedy.planCommand)"
        case .server(_, let server):
            return prefix + "run this on \(server ?? "the server"): helofix (the console there offers this fix), or helofix inspect for the plan"
        }
    }

    /// The finding the edit key is about: the detail's, the list's selection, or the selected row's worst.
    private static func selectedEntry(_ state: ConsoleState) -> ListedFinding? {
        let data = state.data
        switch state.screen {
        case .detail:
            return state.detailListed?.entry
        case .findings:
            let shown = state.visibleFindings
            let at = state.findingsPosition.selected
            return at < shown.count ? data.listed(shown[at]) : nil
        default:
            guard let address = state.selectedRow(in: state.focus),
                  let worst = data.rows[address.pane.rawValue][address.row].findings.min() else { return nil }
            return data.listed(worst)
        }
    }
}
