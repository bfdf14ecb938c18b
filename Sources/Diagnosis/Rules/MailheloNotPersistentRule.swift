import MailServer

/// `mailhelo-not-persistent` (warning): cPanel rebuilds `/etc/mailhelo` from its own data unless
/// `/var/cpanel/custom_mailhelo` exists, so hand-made greeting lines silently disappear.
struct MailheloNotPersistentRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        guard c.platform == .cpanel, !c.snapshot.customMailhelo else { return [] }
        let lines = c.snapshot.greetings.filter { $0.location.file == "/etc/mailhelo" }
        guard !lines.isEmpty else { return [] }
        let explanation = """
            /etc/mailhelo has \(lines.count) greeting line\(lines.count == 1 ? "" : "s"), but /var/cpanel/custom_mailhelo \
            does not exist. Without it cPanel treats /etc/mailhelo as a cache: /scripts/updateuserdomains (run on \
            every account change and nightly) rewrites it, and any greeting set by hand is lost.
            """
        return [Finding(rule: .mailheloNotPersistent, severity: .warning, title: "/etc/mailhelo edits will be overwritten",
                        subjects: [.file("/etc/mailhelo")], evidence: lines.map { .file($0.location, text: "\($0.key.text): \($0.helo)") },
                        explanation: explanation,
                        remedies: [RemedyOption(.advice("Create the flag file: touch /var/cpanel/custom_mailhelo (WHM: Exim Configuration Manager keeps it)."),
                                                title: "Create /var/cpanel/custom_mailhelo",
                                                tradeOff: "From then on cPanel no longer updates /etc/mailhelo for new dedicated IPs; you maintain it.")])]
    }
}
