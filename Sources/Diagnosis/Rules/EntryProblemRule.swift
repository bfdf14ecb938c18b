import MailServer

/// `unquoted-ipv6`, `invisible-entry`, `invalid-entry` (warning): lines in the mail lists that Exim
/// reads differently from what the admin meant (docs/files.md, "How Exim reads list files"). The reader
/// records them as diagnostics; this rule turns each into a finding with its exact fix.
struct EntryProblemRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        c.snapshot.diagnostics.compactMap { d in
            switch d.problem {
            case .unquotedIPv6: finding(.unquotedIPv6, d, title: "Unquoted IPv6 entry in \(d.location.file)",
                                        explanation: "Exim reads a key up to the first colon, so an IPv6 address without double quotes is silently skipped: this line has no effect.",
                                        fix: "Put the address in double quotes, e.g. \"2001:db8::25\".")
            case .invisibleEntry: finding(.invisibleEntry, d, title: "Indented line in \(d.location.file) is invisible to Exim",
                                          explanation: "A line that starts with white space is a continuation of the line before, never a key of its own: Exim does not see this entry.",
                                          fix: "Remove the leading white space.")
            case .invalidEntry: finding(.invalidEntry, d, title: "Unusable entry in \(d.location.file)",
                                        explanation: "This line is not an address, range or name Exim can use, so it matches nothing.",
                                        fix: "Correct or remove the line.")
            default: nil
            }
        }
    }

    private func finding(_ rule: RuleID, _ d: Diagnostic, title: String, explanation: String, fix: String) -> Finding {
        Finding(rule: rule, severity: .warning, title: title, subjects: [.file(d.location.file)],
                evidence: [.file(d.location, text: d.text)], explanation: explanation + " " + d.message,
                remedies: [RemedyOption(.advice("\(fix) (\(d.location))"), title: fix, tradeOff: "Once Exim sees the entry it takes effect on the next connection.")])
    }
}
