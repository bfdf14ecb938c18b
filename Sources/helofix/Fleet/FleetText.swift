import Console
import Diagnosis
import MailServer

/// The text report of `helofix fleet`: one line per server, then the cross-server findings with
/// the command to run on the server that needs the fix, then each server's own findings.
enum FleetText {
    static func render(dest: String, members: [FleetMember], findings: [FleetFinding], inventory: String?, width: Int) -> String {
        let unread = members.filter { $0.server == nil }
        var out = "Fleet \(dest): \(members.count) server\(members.count == 1 ? "" : "s") read"
            + (unread.isEmpty ? "" : ", \(unread.count) unreadable") + "\n"
        out += InspectText.section("Servers", members.count)
        out += TextTable.rows([["SERVER", "PLATFORM", "HOSTNAME", "FINDINGS"]] + members.map {
            [$0.name, $0.server?.platform.displayName ?? "-", $0.server?.hostname ?? "-", $0.server == nil ? "not read: \($0.problems.first ?? "")" : counts($0.findings)]
        }, widths: [18, 12, 26], total: width)
        out += InspectText.section("Across servers", findings.count)
        if findings.isEmpty { out += "  No conflicts between servers.\n" }
        for (i, f) in findings.enumerated() {
            if i > 0 { out += "\n" }
            out += "  \(f.severity.rawValue.uppercased()) [\(f.rule.rawValue)]\n"
            out += wrap("    " + f.title, width)
            out += wrap("    servers: \(f.servers.joined(separator: ", ")); fix on: \(f.fixOn ?? "(decide: see below)")", width)
            out += wrap("    " + f.explanation, width)
            for e in f.evidence.prefix(8) {
                out += TextTable.cell("    \(e.server): " + FindingsText.evidenceText(e.evidence), width).trimmingTrailing() + "\n"
            }
            if f.evidence.count > 8 { out += "    … and \(f.evidence.count - 8) more\n" }
            for (n, r) in f.remedies.enumerated() {
                out += wrap("    \(n == 0 ? "fix" : " or") on \(r.server): \(r.title) (\(r.tradeOff))", width, indent: 9)
                out += "         \(r.planCommand)\n"
                out += "         \(r.ansibleCommand(inventory: inventory))\n"
            }
        }
        out += InspectText.section("Each server's own findings", members.reduce(0) { $0 + $1.findings.count })
        for m in members where !m.findings.isEmpty || !m.problems.isEmpty {
            out += "  \(m.name) (\(counts(m.findings)))\n"
            for p in m.problems { out += wrap("    problem: " + p, width, indent: 6) }
            for f in m.findings { out += TextTable.cell("    \(f.severity.rawValue.uppercased()) [\(f.rule.rawValue)] \(f.title)", width).trimmingTrailing() + "\n" }
        }
        out += "\nNothing was changed. Run the plan on the server named, look at the diff, then apply it there.\n"
        return out
    }

    static func counts(_ findings: [Finding]) -> String {
        let parts = Severity.allCases.compactMap { s -> String? in
            let n = findings.filter { $0.severity == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    private static func wrap(_ text: String, _ width: Int, indent: Int = 4) -> String {
        TextFit.wrap(text, width, indent: indent).joined(separator: "\n") + "\n"
    }
}
