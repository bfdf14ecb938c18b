import MailServer

/// Remedies on the sending side: usually the real fix, given as exact advice because helofix
/// cannot edit another machine: a sender that greets with its own resolvable name needs no exemption.
enum SenderSideRemedies {
    /// Where a sender sets its greeting, in the words of each program's own settings.
    static let greetingSettings = """
        a server: give it its own hostname (web.example.com, not example.com) or set its greeting \
        (cPanel /etc/mailhelo plus /var/cpanel/custom_mailhelo, Postfix smtp_helo_name, Exim helo_data); \
        an app: PHPMailer $mail->Helo (it defaults to the site's domain), Symfony Mailer or Laravel \
        local_domain, SwiftMailer setLocalDomain(), nodemailer name
        """

    /// "Change the sender's greeting" for a client that greets as `helo`.
    static func changeGreeting(helo: String, ip: IPAddress?) -> RemedyOption {
        let who = ip.map { "the sender at \($0)" } ?? "the sender"
        return RemedyOption(.advice("On \(who), stop greeting as \(helo): set \(greetingSettings)."),
            title: "Change \(who)'s greeting from \(helo) to its own name",
            tradeOff: "The real fix, made on the other machine; nothing changes on this server and no check is weakened.")
    }

    /// "Make the sender authenticate": helps on cPanel only (its checks run at MAIL FROM, after AUTH).
    static func authenticate(platform: Platform, ip: IPAddress?) -> RemedyOption? {
        guard platform == .cpanel else { return nil }
        let who = ip.map { "the sender at \($0)" } ?? "the sender"
        return RemedyOption(.advice("Make \(who) log in with SMTP AUTH (a mailbox of its domain) before MAIL FROM; cPanel accepts authenticated mail before the HELO checks."),
            title: "Make \(who) authenticate (SMTP AUTH)",
            tradeOff: "Works on cPanel only: the checks run at MAIL FROM, after AUTH. Needs a mailbox password in the app's settings.")
    }
}

/// The whitelist remedy, with the mechanism that really bypasses the check on this platform and
/// the warning that an infected sender's spam then skips the checks.
enum WhitelistRemedy {
    /// The risk of every whitelist, said each time one is offered.
    static let risk = "If that sender is ever infected or hijacked, its spam skips these checks and floods this server."

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
