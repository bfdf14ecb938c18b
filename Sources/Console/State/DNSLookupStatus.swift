import DomainDNS

/// The console's view of the DNS evidence: not asked, being asked (in the background, after the
/// first frame), or answered (the report may still say DNS gave no answer).
public enum DNSLookupStatus: Sendable {
    /// No look-up has started (`--no-dns`, the demo, or the server is not read yet).
    case notAsked
    /// Look-ups are running.
    case asking
    /// The answers.
    case answered(DNSReport)

    /// The verdict for a domain row, short enough for a pane: `here`, `away` (its mail goes to
    /// another server), `nxdomain`, `no DNS` (no answer); `nil` when the domain was not looked up.
    public func verdictText(for domain: String) -> String? {
        guard case .answered(let report) = self, let route = report.routes[domain] else { return nil }
        switch route.verdict {
        case .here: return "here"
        case .elsewhere: return "away"
        case .nxdomain: return "nxdomain"
        case .unknown: return "no DNS"
        }
    }

    /// One line for the finding detail while the answers are missing or empty; `nil` once there are verdicts.
    public var pendingLine: String? {
        switch self {
        case .notAsked: nil
        case .asking: "DNS: asking where the domains' mail goes…"
        case .answered(let report): report.status == .consulted ? nil : report.statusLine
        }
    }
}
