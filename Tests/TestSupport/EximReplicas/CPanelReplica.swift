/// cPanel 11.120's HELO checks. Source: the unofficial public copy `asmrdevelop/cpanel`:
/// `etc/exim/config_options` (the host and domain lists), `etc/exim/acls/ACL_MAIL_PRE_BLOCK/default_mail_pre`,
/// `etc/exim/acls/ACL_MAIL_BLOCK/custom_begin_mail`, `requirehelo`, `requirehelonoforge`,
/// `requirehelonold`, `requirehelosyntax`; all of them run in `acl_smtp_mail` (MAIL FROM), in that order.
enum CPanelReplica {
    /// The slot cPanel's buildeximconf pastes into the MAIL ACL; the replica includes the file
    /// directly, which is what a rebuild would produce.
    static let customBeginMail = "/usr/local/cpanel/etc/exim/acls/ACL_MAIL_BLOCK/custom_begin_mail"

    static func files(_ c: EximReplica, root r: String) -> [(String, String)] {
        let options = """
            acl_requirehelo=1
            acl_requirehelonoforge=1
            acl_requirehelonold=\(c.requireHeloNoLD ? 1 : 0)
            acl_requirehelosyntax=1
            acl_custom_begin_mail=\(c.customBeginMail ? 1 : 0)

            """
        return [("/etc/exim.conf", config(c, root: r)), ("/etc/exim.conf.localopts", options)]
    }

    static func config(_ c: EximReplica, root r: String) -> String {
        """
        # Replica of cPanel 11.120's HELO checks (asmrdevelop/cpanel, etc/exim/acls/ACL_MAIL_*); a test fixture.
        primary_hostname = \(c.hostname)
        local_interfaces = <; \(EximReplica.localIP) ; 127.0.0.1 ; ::1
        # etc/exim/config_options
        hostlist loopback = <; @[]; 127.0.0.0/8 ; 0.0.0.0 ; ::1 ; 0000:0000:0000:0000:0000:ffff:7f00:0000/8
        hostlist skipsmtpcheck_hosts = net-iplsearch;\(r)/etc/skipsmtpcheckhosts
        hostlist backupmx_hosts = lsearch;\(r)/etc/backupmxhosts
        hostlist trustedmailhosts = lsearch;\(r)/etc/trustedmailhosts
        hostlist recent_authed_mail_ips = net-iplsearch;\(r)/etc/recent_authed_mail_ips
        domainlist local_domains = lsearch;\(r)/etc/localdomains
        log_selector = +incoming_port
        acl_smtp_mail = acl_smtp_mail

        begin acl

        acl_smtp_mail:
          # ACL_MAIL_PRE_BLOCK: default_mail_pre (its perl-identified local user step is left out)
          accept
              authenticated = *
          accept
              hosts = : +loopback : +recent_authed_mail_ips : +backupmx_hosts
          # ACL_MAIL_BLOCK: custom_begin_mail (built in only while acl_custom_begin_mail is not 0)
        \(c.customBeginMail ? ".include_if_exists \(r)\(customBeginMail)" : "")
          # requirehelo
          deny
              condition = ${if eq{$sender_helo_name}{}}
              message   = HELO required before MAIL
          # requirehelonoforge
          drop
              condition = ${if eq{${lc:$sender_helo_name}}{${lc:$primary_hostname}}{${if def:interface_address {${if match_ip{$interface_address}{+loopback}{0}{1}}}{0}}}{0}}
              message   = "REJECTED - Bad HELO - Host impersonating [$sender_helo_name]"
          drop
              condition = ${if eq{[$interface_address]}{$sender_helo_name}}
              message   = "REJECTED - Interface: $interface_address is _my_ address"
        \(c.requireHeloNoLD ? requireHeloNoLD : "")
          # requirehelosyntax
          drop
              condition   = ${if isip{$sender_helo_name}}
              message     = Access denied - Invalid HELO name (See RFC2821 4.1.3)
          drop
              condition   = ${if match{$sender_helo_name}{\\N^\\[\\N}{no}{yes}}
              condition   = ${if match{$sender_helo_name}{\\N\\.\\N}{no}{yes}}
              message     = Access denied - Invalid HELO name (See RFC2821 4.1.1.1)
          drop
              condition   = ${if match{$sender_helo_name}{\\N\\.$\\N}}
              message     = Access denied - Invalid HELO name (See RFC2821 4.1.1.1)
          drop
              condition   = ${if match{$sender_helo_name}{\\N\\.\\.\\N}}
              message     = Access denied - Invalid HELO name (See RFC2821 4.1.1.1)
          accept

        """
    }

    static let requireHeloNoLD = """
          # requirehelonold
          drop
              condition = ${if match_domain{$sender_helo_name}{+local_domains}{true}{false}}
              message = "REJECTED - Bad HELO - Host impersonating [$sender_helo_name]"
        """
}
