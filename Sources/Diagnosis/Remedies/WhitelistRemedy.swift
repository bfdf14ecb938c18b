import MailServer

/// The whitelist remedy, with the mechanism that really bypasses the check on this platform and
/// the warning that an infected sender's spam then skips the checks.
public enum WhitelistRemedy {
    /// The risk of every whitelist, said each time one is offered: by the findings, the plan and
    /// the console's options alike.
    public static let risk = "If that sender is ever infected or hijacked, its spam skips these checks and floods this server."

    static func option(for ip: IPAddress, context: RuleContext) -> RemedyOption {
        RemedyOption(.whitelistSender(ip.description),
                     title: "Whitelist \(ip) with \(mechanism(context))",
                     tradeOff: caveat(context) + " " + risk)
    }

    /// The list or ACL that is accepted before the impersonation checks here (docs/files.md
    /// names, per platform, which lists bypass the checks and which do not).
    static func mechanism(_ context: RuleContext) -> String {
        switch context.platform {
        case .cpanel: "an accept line in the custom_begin_mail ACL"
        case .directadmin:
            context.settings.whitelistHostsIPAccept == false
                ? "an accept line in /etc/exim.acl_check_helo.pre.conf" : "/etc/virtual/whitelist_hosts_ip"
        case .exim, .unknown: "an accept line before the HELO check in the Exim ACL"
        }
    }

    private static func caveat(_ context: RuleContext) -> String {
        switch context.platform {
        case .cpanel:
            "cPanel accepts hosts in custom_begin_mail before requirehelo*; /scripts/buildeximconf applies it and WHM \"Reset configuration\" removes it. Lists like skipsmtpcheckhosts do not help."
        case .directadmin:
            context.settings.whitelistHostsIPAccept == false
                ? "This exim.conf (SpamBlocker 4.4 or older) has no whitelist accept in acl_check_helo, so whitelist_hosts_ip does not help here."
                : "SpamBlocker 4.5 accepts +whitelist_hosts_ip in acl_check_helo before the impersonation denies."
        case .exim, .unknown:
            "Plain Exim has no whitelist file for this; the accept must come before the deny in your own ACL."
        }
    }
}
