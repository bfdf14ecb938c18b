/// The host lists per platform (the whitelist rows of docs/files.md). Many guides recommend lists that are consulted only
/// at RCPT/DATA; those are read too so that a finding can say they do not help.
public enum WhitelistCatalog {
    /// cPanel: `ACL_MAIL_PRE_BLOCK` accepts before the `requirehelo*` checks for these.
    public static let cpanel: [WhitelistSource] = [
        .init(list: "alwaysrelay", file: "/etc/alwaysrelay", acceptsNames: false, bypass: .all, grantsRelay: true,
              why: "tailwatchd copies its IPv4 addresses into recent_authed_mail_ips (the list Exim reads, before the HELO checks) after /scripts/restartsrv_tailwatchd; IPv6 lines are never copied; it also lets the IP relay through this server"),
        .init(list: "recent_authed_mail_ips", file: "/etc/recent_authed_mail_ips", acceptsNames: false, bypass: .all, grantsRelay: false,
              why: "accepted before the HELO checks, but tailwatchd rewrites it constantly; never edit it by hand"),
        .init(list: "backupmxhosts", file: "/etc/backupmxhosts", acceptsNames: true, bypass: .all, grantsRelay: false,
              why: "accepted before the HELO checks when the sender's reverse-DNS name matches"),
        .init(list: "skipsmtpcheckhosts", file: "/etc/skipsmtpcheckhosts", acceptsNames: false, bypass: .none, grantsRelay: false,
              why: "\"Trusted SMTP IP addresses\" are consulted only at RCPT/DATA, after the HELO checks at MAIL FROM"),
        .init(list: "trustedmailhosts", file: "/etc/trustedmailhosts", acceptsNames: true, bypass: .none, grantsRelay: false,
              why: "\"Only-verify-recipient\" hosts are consulted only at RCPT"),
        .init(list: "senderverifybypasshosts", file: "/etc/senderverifybypasshosts", acceptsNames: false, bypass: .none, grantsRelay: false,
              why: "skips sender verification at RCPT only"),
        .init(list: "neighbor_netblocks", file: "/etc/neighbor_netblocks", acceptsNames: false, bypass: .none, grantsRelay: false,
              why: "used by rate limits and greylisting, not by the HELO checks"),
        .init(list: "greylist_trusted_netblocks", file: "/etc/greylist_trusted_netblocks", acceptsNames: false, bypass: .none, grantsRelay: false,
              why: "skips greylisting only"),
    ]

    /// The cPanel custom ACL slot that runs before `requirehelo*` (the whitelist remedy writes here).
    public static let cpanelCustomBeginMail = "/usr/local/cpanel/etc/exim/acls/ACL_MAIL_BLOCK/custom_begin_mail"

    /// DirectAdmin: `whitelist_hosts_ip` helps only when the installed exim.conf accepts it in `acl_check_helo`.
    public static func directAdmin(whitelistAccept: Bool?, relayHosts: RelayHostsDefinition = .unknown) -> [WhitelistSource] {
        let bypass: HeloBypass = switch whitelistAccept {
        case true?: .all
        case false?: .none
        case nil: .unknown
        }
        return [
            .init(list: "whitelist_hosts_ip", file: "/etc/virtual/whitelist_hosts_ip", acceptsNames: false, bypass: bypass, grantsRelay: false,
                  why: whitelistAccept == false
                    ? "this server's exim.conf (SpamBlocker 4.4 or older) has no whitelist accept in acl_check_helo"
                    : "accepted in acl_check_helo before the impersonation denies",
                  plainHostList: true),
        ] + relayHosts.sources + [
            .init(list: "whitelist_hosts", file: "/etc/virtual/whitelist_hosts", acceptsNames: true, bypass: .none, grantsRelay: false,
                  why: "consulted later in the session, after the HELO checks"),
            .init(list: "skip_rbl_hosts_ip", file: "/etc/virtual/skip_rbl_hosts_ip", acceptsNames: false, bypass: .none, grantsRelay: false,
                  why: "skips RBL checks only"),
        ]
    }
}
