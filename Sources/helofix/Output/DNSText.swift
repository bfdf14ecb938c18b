import Console
import DomainDNS

/// The DNS section of the text report: where each looked-up domain's mail goes, and who the
/// refused senders are.
enum DNSText {
    static func render(_ report: DNSReport, width: Int) -> String {
        var out = InspectText.section("DNS: where mail really goes", report.routes.count)
        out += TextFit.wrap("  " + report.statusLine, width, indent: 4).joined(separator: "\n") + "\n"
        guard case .consulted = report.status else { return out }
        if !report.routes.isEmpty {
            out += TextTable.rows([["DOMAIN", "VERDICT", "ANSWER"]] + report.routes.sorted(by: { $0.key < $1.key }).map {
                [$0.key, $0.value.verdict.rawValue, $0.value.verdict == .unknown || $0.value.verdict == .nxdomain ? $0.value.reason : $0.value.summary]
            }, widths: [24, 9], total: width)
        }
        for z in report.zones {
            out += TextFit.wrap("  zone: " + z.summary, width, indent: 8).joined(separator: "\n") + "\n"
        }
        if !report.senders.isEmpty {
            out += TextTable.rows([["SENDER IP", "REVERSE DNS (PTR)"]] + report.senders.map { [$0.ip, $0.summary] }, widths: [40], total: width)
        }
        return out
    }
}
