/// The Exim wiki's AclHeloTricks recipe ("HELO is my hostname", "HELO is one of my Domains",
/// "HELO is faked interface address"), placed in a HELO ACL. Source: `BernardQuatermass/exim-wiki`
/// `AclHeloTricks.md`. Its hostname test is a regex `match` (a case-sensitive substring), not equality.
enum EximWikiReplica {
    static func config(_ c: EximReplica, root r: String) -> String {
        """
        # Replica of the Exim wiki's AclHeloTricks forgery recipes (BernardQuatermass/exim-wiki, AclHeloTricks.md); a test fixture.
        primary_hostname = \(c.hostname)
        local_interfaces = <; \(EximReplica.localIP) ; 127.0.0.1 ; ::1
        domainlist all_mail_handled_locally = lsearch;\(r)/etc/localdomains
        acl_smtp_helo = acl_check_helo
        begin acl
        acl_check_helo:
          drop  message   = "REJECTED - Bad HELO - Host impersonating [$sender_helo_name]"
                condition = ${if match{$sender_helo_name}{$primary_hostname}}
          drop  message = "REJECTED - Bad HELO - Host impersonating [$sender_helo_name]"
                condition = ${if match_domain{$sender_helo_name}{+all_mail_handled_locally}{true}{false}}
          drop condition = ${if eq{[$interface_address]}{$sender_helo_name}}
               message   = $interface_address is _my_ address
          accept

        """
    }
}
