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
