import Console
import Diagnosis
import MailServer

/// The findings and rejections sections of the text report.
enum FindingsText {
    /// At most this many findings of one rule are printed in full; the rest are counted in one line
    /// (a list of a million bad lines must not print a million paragraphs; JSON lists every one).
    static let perRuleLimit = 100

    static func render(_ findings: [Finding], width: Int) -> String {
        var out = InspectText.section("Findings", findings.count)
        if findings.isEmpty { out += "  No conflicts found.\n" }
        var printed: [RuleID: Int] = [:]
        var first = true
        for f in findings {
            printed[f.rule, default: 0] += 1
            guard printed[f.rule]! <= perRuleLimit else { continue }
            if !first { out += "\n" }
            first = false
            out += "  \(f.severity.rawValue.uppercased()) [\(f.rule.rawValue)]\n"
            out += wrap("    " + f.title, width)
            out += wrap("    " + f.explanation, width)
            if let v = f.exim { out += wrap("    Exim now: \(v.verdict == .accepted ? "accepted now" : "refused") (\(v.reply))", width) }
            for e in f.evidence.prefix(6) { out += TextTable.cell("    evidence: " + evidenceText(e), width).trimmingTrailing() + "\n" }
            if f.evidence.count > 6 { out += "    evidence: … and \(f.evidence.count - 6) more\n" }
            for (n, r) in f.remedies.enumerated() {
                out += wrap("    \(n == 0 ? "fix" : " or"): \(r.title)", width, indent: 9)
                if case .advice(let text) = r.suggestion { out += wrap("         " + text, width, indent: 9) }
                out += wrap("         (" + r.tradeOff + ")", width, indent: 10)
            }
        }
        for rule in RuleID.allCases {
            guard let n = printed[rule], n > perRuleLimit else { continue }
            out += "\n" + wrap("  … and \(CountText.grouped(n - perRuleLimit)) more \(rule.rawValue) findings (--format json lists every one)", width)
        }
        return out
    }

    static func rejections(_ report: LogScanReport, width: Int) -> String {
        var out = InspectText.section("Rejections in the logs", report.rejections)
        if report.files.isEmpty && report.problems.isEmpty { out += "  No log found (pass one with --log FILE).\n" }
        for f in report.files { out += TextTable.cell("  read \(f.path): \(f.lines) lines, \(f.rejections) rejections", width).trimmingTrailing() + "\n" }
        for p in report.problems { out += wrap("  problem: " + p, width) }
        guard !report.groups.isEmpty else { return out }
        out += TextTable.rows([["COUNT", "SENDER IP", "GREETING", "LAST SEEN", "RULE"]] + report.groups.map {
            [String($0.count), $0.ip?.description ?? "(bounce)", $0.helo, $0.lastSeen ?? "-", shortName($0.rule)]
        }, widths: [5, 15, 24, 19], total: width)
        return out
    }

    static func evidenceText(_ e: Evidence) -> String {
        switch e {
        case .file(let loc, let text): "\(loc)  \(text)"
        case .dns(let query, let answer): "DNS \(query): \(answer)"
        case .log(let g):
            "\(g.count)× \(g.ip?.description ?? "bounce") as \(g.helo)" + (g.samples.first.map { " (\($0.location))" } ?? "")
                + (g.lastSeen.map { ", last \($0)" } ?? "")
        }
    }

    private static func wrap(_ text: String, _ width: Int, indent: Int = 4) -> String {
        TextFit.wrap(text, width, indent: indent).joined(separator: "\n") + "\n"
    }

    /// Short rule names that fit the table.
    static func shortName(_ rule: RejectionRule) -> String {
        switch rule {
        case .cpanelImpersonating: "cpanel"
        case .cpanelInterface: "cpanel-iface"
        case .directAdminHostname: "da-hostname"
        case .directAdminDomain: "da-domain"
        case .eximWiki: "exim-acl"
        case .eximInterface: "exim-iface"
        }
    }
}
