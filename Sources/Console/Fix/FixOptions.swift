import Diagnosis
import Remedy

/// The options offered for a finding or a selected row, recommended first (the finding's order),
/// advice included so the admin sees the sender-side fix and the whitelist's risk side by side.
public enum FixOptions {
    /// The finding's remedies as options.
    public static func forFinding(_ finding: Finding, hostname: String?) -> [FixOption] {
        finding.remedies.map { option($0, hostname: hostname) }
    }

    /// One remedy as an option.
    static func option(_ remedy: RemedyOption, hostname: String?) -> FixOption {
        guard let kind = remedy.suggestion.kind else {
            return FixOption(kind: nil, title: remedy.title, tradeOff: remedy.tradeOff, advice: remedy.suggestion.target)
        }
        let form = FixKind(kind, target: remedy.suggestion.target)
        // A greeting form starts with this server's name (a sound greeting); a rename form empty;
        // the others with the sender or domain the finding names.
        let prefill = switch kind {
        case .renameHostname: ""
        case .editGreeting: hostname ?? ""
        case .whitelistSender, .removeDomainTraces: remedy.suggestion.target
        }
        return FixOption(kind: form, prefill: prefill, title: remedy.title, tradeOff: remedy.tradeOff)
    }

    /// Options for a row of the main screen: the remedies of the findings touching it, then the
    /// change that row itself invites (remove a domain, edit a greeting, rename the host, whitelist).
    public static func forRow(_ address: RowAddress, in data: ConsoleData) -> [FixOption] {
        guard address.row < data.rows[address.pane.rawValue].count else { return [] }
        let row = data.rows[address.pane.rawValue][address.row]
        var options: [FixOption] = []
        for index in row.findings.sorted() where index < data.findings.count {
            for option in forFinding(data.findings[index], hostname: data.hostname)
            where option.kind != nil && !options.contains(where: { $0.kind == option.kind && $0.prefill == option.prefill }) {
                options.append(option)
            }
        }
        let own: FixOption
        switch address.pane {
        case .domains:
            own = FixOption(kind: .removeDomain, prefill: row.text, title: "Remove every trace of \(row.text) from this server",
                            tradeOff: "Right when the domain lives on another server now; mail for it is then routed by its MX.")
        case .greetings where row.note == "hostname":
            own = FixOption(kind: .renameHostname, title: "Rename this server from \(row.text)",
                            tradeOff: "Uses the platform's own rename tool, which also updates the files that name the host.")
        case .greetings:
            // Rows read `key: greeting`; an IPv6 key has colons of its own, so split at the last ": ".
            let split = row.text.range(of: ": ", options: .backwards)
            let key = split.map { String(row.text[..<$0.lowerBound]) } ?? "*"
            let current = split.map { String(row.text[$0.upperBound...]) } ?? ""
            own = FixOption(kind: .editGreeting(key: key), prefill: current, title: "Change the greeting for \(key)",
                            tradeOff: "The name should resolve to the sending IP and match its reverse DNS.")
        case .whitelist:
            own = FixOption(kind: .whitelist, prefill: row.text, title: "Whitelist \(row.text) with the list that bypasses the check here",
                            tradeOff: WhitelistRemedy.risk + " Prefer fixing its greeting.")
        }
        if !options.contains(where: { $0.kind == own.kind && $0.prefill == own.prefill }) { options.append(own) }
        return options
    }
}
