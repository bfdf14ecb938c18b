import MailServer

/// Remedies on the sending side: usually the real fix, given as exact advice because helofix
/// cannot edit another machine: a sender that greets with its own resolvable name needs no exemption.
enum SenderSideRemedies {
    /// Where a sender sets its greeting, in the words of each program's own settings.
    static let greetingSettings = """
        a server: give it its own hostname (web.example.com, not example.com) or set its greeting \
        (cPanel /etc/mailhelo plus /var/cpanel/custom_mailhelo, Postfix smtp_helo_name, Exim helo_data); \
        an app: PrestaShop or thirty bees "Mail domain name" (PS_MAIL_DOMAIN, under Advanced parameters » E-mail), \
        Laravel-based apps MAIL_EHLO_DOMAIN in .env (Symfony Mailer local_domain), Roundcube $config['smtp_helo_host'], \
        PHPMailer $mail->Hostname and $mail->Helo (they default to the site's domain), SwiftMailer setLocalDomain(), \
        nodemailer name, WordPress SMTP plugins' HELO/hostname field (WP Mail SMTP, Post SMTP, FluentSMTP). \
        This rejection is a plain string match of the greeting against the receiver's own names: DNS, reverse DNS, \
        SPF or Cloudflare settings do not cause it and changing them does not fix it
        """

    /// "Change the sender's greeting" for a client that greets as `helo`.
    static func changeGreeting(helo: String, ip: IPAddress?) -> RemedyOption {
        changeGreeting(helo: helo, ipText: ip.map(FindingWords.address))
    }

    /// ``changeGreeting(helo:ip:)`` with the address already as text (a rule that makes thousands
    /// of findings writes each address once, not once per sentence).
    static func changeGreeting(helo: String, ipText: String?) -> RemedyOption {
        let who = ipText.map { FindingWords.joined("the sender at ", $0) } ?? "the sender"
        // The advice is a kilobyte, mostly `greetingSettings`: made in one buffer of the right size.
        return RemedyOption(.advice(FindingWords.joined("On ", who, ", stop greeting as ", helo, ": set ", greetingSettings, ".")),
            title: FindingWords.joined("Change ", who, "'s greeting from ", helo, " to its own name"),
            tradeOff: "The real fix, made on the other machine; nothing changes on this server and no check is weakened.")
    }

    /// "Make the sender authenticate": on cPanel its checks run at MAIL FROM, after AUTH; on
    /// DirectAdmin only where acl_check_helo accepts any greeting on 465/587 (SpamBlocker 4.5.57+).
    static func authenticate(platform: Platform, settings: HeloCheckSettings, ip: IPAddress?) -> RemedyOption? {
        authenticate(platform: platform, settings: settings, ipText: ip.map(FindingWords.address))
    }

    /// ``authenticate(platform:settings:ip:)`` with the address already as text.
    static func authenticate(platform: Platform, settings: HeloCheckSettings, ipText: String?) -> RemedyOption? {
        let who = ipText.map { FindingWords.joined("the sender at ", $0) } ?? "the sender"
        if platform == .directadmin, settings.submissionPortsAcceptAnyHelo == true {
            return RemedyOption(.advice("Make \(who) submit on port 587 (or 465) with SMTP AUTH (a mailbox here); this server's acl_check_helo accepts any greeting on those ports and requires AUTH there."),
                title: "Make \(who) submit on port 587 with SMTP AUTH",
                tradeOff: "Works on this DirectAdmin because its exim.conf (SpamBlocker 4.5.57 or later) skips the HELO checks on 465/587; on port 25 AUTH comes too late, after HELO.")
        }
        guard platform == .cpanel else { return nil }
        return RemedyOption(.advice(FindingWords.joined("Make ", who, " log in with SMTP AUTH (a mailbox of its domain) before MAIL FROM; cPanel accepts authenticated mail before the HELO checks.")),
            title: FindingWords.joined("Make ", who, " authenticate (SMTP AUTH)"),
            tradeOff: "Works on cPanel only: the checks run at MAIL FROM, after AUTH. Needs a mailbox password in the app's settings.")
    }
}
