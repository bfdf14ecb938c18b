import Diagnosis

/// `fleet --check`: the Nagios/Icinga plugin convention for a whole fleet. Cross-server findings
/// and every server's own findings count; a server that could not be read is a warning.
struct FleetCheckStatus {
    var state: CheckStatus.State
    var line: String

    init(members: [FleetMember], findings: [FleetFinding]) {
        let own = members.flatMap(\.findings)
        let critical = findings.filter { $0.severity == .critical }.count + own.filter { $0.severity == .critical }.count
        let warning = findings.filter { $0.severity == .warning }.count + own.filter { $0.severity == .warning }.count
        let unread = members.filter { $0.server == nil }
        state = critical > 0 ? .critical : (warning > 0 || !unread.isEmpty) ? .warning : .ok
        var summary: String
        if let first = findings.sorted(by: { $0.severity < $1.severity }).first {
            summary = "\(findings.count) across servers: \(first.title)" + (findings.count > 1 ? " (+\(findings.count - 1) more)" : "")
        } else {
            summary = "no conflicts between servers"
        }
        let affected = members.filter { !$0.findings.isEmpty }.count
        summary += "; \(affected) of \(members.count) servers with findings of their own"
        if !unread.isEmpty { summary += "; not read: " + unread.map(\.name).joined(separator: ", ") }
        line = "HELOFIX FLEET \(state.word) - " + summary.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "/")
            + "|servers=\(members.count) unread=\(unread.count) fleet=\(findings.count) critical=\(critical) warning=\(warning)"
    }

    init(unknown message: String) {
        state = .unknown
        line = "HELOFIX FLEET UNKNOWN - " + message.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "/")
    }
}
