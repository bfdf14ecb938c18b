/// Which receiver rule produced an impersonation rejection, told from its wording and stage
/// (docs/findings.md has each platform's exact words).
public enum RejectionRule: String, Codable, Sendable, CaseIterable {
    /// cPanel `"REJECTED - Bad HELO - Host impersonating [NAME]"` at MAIL FROM: `requirehelonold`
    /// when NAME is in /etc/localdomains (the hostname is in that file too); `requirehelonoforge`
    /// cannot fire for a remote sender on the stock ACL (its loopback list holds every local address).
    case cpanelImpersonating = "cpanel-impersonating"
    /// cPanel `"REJECTED - Interface: 192.0.2.2 is _my_ address"` at MAIL FROM.
    case cpanelInterface = "cpanel-interface"
    /// DirectAdmin `Bad HELO - Host impersonating hostname [NAME]` at HELO.
    case directAdminHostname = "directadmin-hostname"
    /// DirectAdmin `Bad HELO - Host impersonating domain name [NAME]` at HELO.
    case directAdminDomain = "directadmin-domain"
    /// The Exim wiki recipe or another custom ACL: the same quoted text as cPanel's, but at HELO
    /// (or unquoted anywhere).
    case eximWiki = "exim-wiki"
    /// `192.0.2.2 is _my_ address`: the wiki recipe (at HELO) or HestiaCP's template (at MAIL FROM).
    case eximInterface = "exim-interface"

    /// The rule once the SMTP stage is known: cPanel runs its HELO checks in the MAIL ACL, so its
    /// wording at the HELO stage comes from a custom HELO ACL (the wiki recipe copies it exactly).
    public func at(stage: SMTPStage) -> RejectionRule {
        switch (self, stage) {
        case (.cpanelImpersonating, .helo): .eximWiki
        case (.cpanelInterface, .helo): .eximInterface
        default: self
        }
    }
}
