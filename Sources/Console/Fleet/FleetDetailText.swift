import Diagnosis

/// The detail screen of a cross-server finding: what is wrong, the servers involved and the one
/// to fix, for each remedy the exact `helofix plan` line and the `ansible` line that runs it there
/// (before the evidence, which can be long: the commands are what the admin came for), then the
/// evidence per server. The fleet console itself never changes a server.
public enum FleetDetailText {
    /// The finding as wrapped lines for `width` columns.
    public static func lines(_ f: FleetFinding, inventory: String?, width: Int) -> [DetailText.Line] {
        var out: [DetailText.Line] = []
        func add(_ text: String, _ role: StyleRole = .normal, indent: Int = 0) {
            for piece in TextFit.wrap(text, width - indent) { out.append(DetailText.Line(text: piece, role: role, indent: indent)) }
        }
        func blank() { out.append(DetailText.Line(text: "", role: .normal, indent: 0)) }
        add(f.title, .title)
        add("\(f.severity.rawValue), rule \(f.rule.rawValue), about \(f.subjects.map(\.text).joined(separator: ", "))", .dim, indent: 3)
        add("servers: \(f.servers.joined(separator: ", ")); fix on: \(f.fixOn ?? "(not clear: check DNS, see below)")", .keyHint, indent: 3)
        blank()
        add("Why", .title)
        add(f.explanation, indent: 2)
        if !f.remedies.isEmpty {
            blank()
            add("Fix on the server named (this view changes nothing)", .title)
            for (i, r) in f.remedies.enumerated() {
                add("\(i + 1). on \(r.server): \(r.title)", i == 0 ? .statusOK : .normal, indent: 2)
                add(r.tradeOff, .dim, indent: 5)
                add(r.planCommand, .keyHint, indent: 5)
                add(r.ansibleCommand(inventory: inventory), .keyHint, indent: 5)
            }
        }
        if !f.evidence.isEmpty {
            blank()
            add("Evidence", .title)
            var server: String?
            for e in f.evidence {
                // Evidence comes grouped by server: name each server once.
                if e.server != server { add("on \(e.server):", .dim, indent: 2) }
                server = e.server
                DetailText.evidence(e.evidence) { text, role, indent in add(text, role, indent: indent + 2) }
            }
        }
        return out
    }
}
