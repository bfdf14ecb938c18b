/// The Exim configuration that mirrors cPanel's MAIL-stage "Host impersonating" rule over
/// a test root's own `/etc/localdomains`, for real `exim4 -C FILE -bh IP` sessions.
public enum CPanelLikeEximConfig {
    /// The configuration text. `beforeDenies` is placed where cPanel's `custom_begin_mail` ACL
    /// runs (before the HELO checks), e.g. a marker line a stand-in `buildeximconf` replaces.
    public static func text(hostname: String, root: String, beforeDenies: String = "") -> String {
        """
        primary_hostname = \(hostname)
        domainlist local_domains = lsearch;\(root)/etc/localdomains
        hostlist loopback = <; @[]; 127.0.0.0/8 ; 0.0.0.0 ; ::1
        acl_smtp_mail = acl_mail
        begin acl
        acl_mail:
          accept authenticated = *
          accept hosts = : +loopback
        \(beforeDenies.isEmpty ? "" : beforeDenies + "\n")  drop condition = ${if match_domain{$sender_helo_name}{+local_domains}{true}{false}}
               message = "REJECTED - Bad HELO - Host impersonating [$sender_helo_name]"
          accept

        """
    }
}
