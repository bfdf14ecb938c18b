import Console
import MailServer

/// The human-readable `inspect` report: grouped, aligned, every line within `width` columns.
enum InspectText {
    static func render(_ s: ServerSnapshot, width: Int) -> String {
        var out = ""
        out += TextTable.cell("helofix inspect: \(s.hostname ?? "(no hostname)") on \(s.platform.displayName)", width).trimmingTrailing() + "\n"
        if s.root != "/" { out += TextTable.cell("root: \(s.root)", width).trimmingTrailing() + "\n" }
        out += "\n" + settings(s, width: width)
        out += section("Hosted domains", s.domains.count)
        // The rows are made by the threads that lay them out: a big server has 100,000.
        let domains = s.domains
        out += TextTable.rows(count: domains.count + 1, widths: [44, 20], total: width) { i in
            guard i > 0 else { return ["DOMAIN", "LISTS", "OWNER"] }
            let d = domains[i - 1]
            return [d.name, d.lists.map(\.rawValue).joined(separator: ","), d.owner ?? "(no account)"]
        }
        out += section("Greeting names", s.greetings.count)
        out += TextTable.rows([["FOR", "GREETING", "WHERE"]] + s.greetings.map {
            [$0.key.text, $0.helo, $0.location.description]
        }, widths: [26, 28], total: width)
        if s.platform == .cpanel && !s.greetings.isEmpty && !s.customMailhelo {
            out += TextFit.wrap("  note: /var/cpanel/custom_mailhelo is absent, so /etc/mailhelo is rebuilt by updateuserdomains", width, indent: 4)
                .joined(separator: "\n") + "\n"
        }
        out += section("Whitelisted senders", s.whitelist.count)
        out += TextTable.rows([["ENTRY", "SKIPS HELO?", "LIST FILE:LINE"]] + s.whitelist.map {
            [$0.entry, bypassText($0), $0.location.description]
        }, widths: [26, 16], total: width)
        if !s.locks.isEmpty {
            out += section("Lock files", s.locks.count)
            out += TextTable.rows(s.locks.map {
                [$0.path, "pid \($0.pid.map(String.init) ?? "?")", $0.holderAlive ? "held" : "stale (holder gone)"]
            }, widths: [40, 12], total: width)
        }
        out += section("Problems", s.diagnostics.count)
        for d in s.diagnostics {
            out += TextTable.cell("  \(d.location)  \(d.problem.rawValue)", width).trimmingTrailing() + "\n"
            out += TextFit.wrap("    " + d.message, width, indent: 4).joined(separator: "\n") + "\n"
        }
        return out
    }

    static func section(_ title: String, _ count: Int) -> String { "\n\(title) (\(count))\n" }

    static func bypassText(_ e: WhitelistEntry) -> String {
        if !e.visibleToExim { return "no (invisible)" }
        switch e.bypass {
        case .all: return "yes"
        case .localDomainRuleOnly: return "domain rule only"
        case .none: return "no"
        case .unknown: return "unknown"
        }
    }

    static func settings(_ s: ServerSnapshot, width: Int) -> String {
        func state(_ r: RuleSetting) -> String {
            switch r.enabled { case true?: "on"; case false?: "off"; case nil: "unknown" }
        }
        var lines = ["HELO checks" + (s.settings.stage.map { " (at \($0.rawValue.uppercased()) stage)" } ?? "") + ":",
                     "  hostname rule: \(state(s.settings.hostnameRule)) (\(s.settings.hostnameRule.source))",
                     "  local-domain rule: \(state(s.settings.localDomainRule)) (\(s.settings.localDomainRule.source))"]
        lines = lines.flatMap { TextFit.wrap($0, width, indent: 4) }
        return lines.joined(separator: "\n") + "\n"
    }
}
