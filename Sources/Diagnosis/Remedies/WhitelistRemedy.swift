import MailServer

/// The whitelist remedy, with the mechanism that really bypasses the check on this platform and
/// the warning that an infected sender's spam then skips the checks.
public enum WhitelistRemedy {
    /// The risk of every whitelist, said each time one is offered: by the findings, the plan and
    /// the console's options alike.
    public static let risk = "If that sender is ever infected or hijacked, its spam skips these checks and floods this server."

    static func option(for ip: IPAddress, context: RuleContext) -> RemedyOption {
        option(ipText: FindingWords.address(ip), mechanism: mechanism(context), tradeOff: tradeOff(context))
    }

    /// ``option(for:context:)`` from its parts, for a rule that makes thousands of findings on one
    /// server: the mechanism and trade-off are the same for all of them and are made once.
    static func option(ipText: String, mechanism: String, tradeOff: String) -> RemedyOption {
        RemedyOption(.whitelistSender(ipText), title: FindingWords.joined("Whitelist ", ipText, " with ", mechanism), tradeOff: tradeOff)
    }

    /// The trade-off said with every whitelist on this server: its caveat, then the ``risk``.
    static func tradeOff(_ context: RuleContext) -> String {
        caveat(context) + " " + risk
    }

    /// The list or ACL that is accepted before the impersonation checks here (docs/files.md
    /// names, per platform, which lists bypass the checks and which do not).
    static func mechanism(_ context: RuleContext) -> String {
        switch context.platform {
        case .cpanel: "an accept line in the custom_begin_mail ACL"
        case .directadmin:
            context.settings.whitelistHostsIPAccept == false
                ? (context.settings.heloPreConfHook == true ? "an accept line in /etc/exim.acl_check_helo.pre.conf"
                    : "an updated exim.conf (CustomBuild ./build exim_conf), then /etc/virtual/whitelist_hosts_ip")
                : "/etc/virtual/whitelist_hosts_ip"
        case .exim, .unknown: "an accept line before the HELO check in the Exim ACL"
        }
    }

    private static func caveat(_ context: RuleContext) -> String {
        switch context.platform {
        case .cpanel:
            "cPanel accepts hosts in custom_begin_mail before requirehelo*; /scripts/buildeximconf applies it and WHM \"Reset configuration\" removes it. Lists like skipsmtpcheckhosts do not help."
        case .directadmin:
            context.settings.whitelistHostsIPAccept == false
                ? "This exim.conf (SpamBlocker 4.4 or older) has no whitelist accept in acl_check_helo and no pre.conf hook, so whitelist_hosts_ip does not help here until exim.conf is updated."
                : "SpamBlocker 4.5 accepts +whitelist_hosts_ip in acl_check_helo before the impersonation denies."
        case .exim, .unknown:
            "Plain Exim has no whitelist file for this; the accept must come before the deny in your own ACL."
        }
    }
}
