/// HestiaCP's Exim template, the MAIL-stage greeting checks. Source: `hestiacp/hestiacp`
/// `install/deb/exim/exim4.conf.template` (`acl_check_mail`). Its "Helo name contains an IP
/// address" rule (with a 45 s delay and a PTR lookup) is left out: no scenario here greets that way.
enum HestiaReplica {
    static func config(_ c: EximReplica, root r: String) -> String {
        """
        # Replica of HestiaCP's exim4.conf.template acl_check_mail (hestiacp/hestiacp); a test fixture.
        primary_hostname = \(c.hostname)
        local_interfaces = <; \(EximReplica.localIP) ; 127.0.0.1 ; ::1
        acl_smtp_mail = acl_check_mail
        begin acl
        acl_check_mail:
          deny  condition     = ${if eq{$sender_helo_name}{}}
                message       = HELO required before MAIL
          drop  !authenticated = *
                condition     = ${if isip{$sender_helo_name}}
                message       = Access denied - Invalid HELO name (See RFC2821 4.1.3)
          drop  !authenticated = *
                condition    = ${if eq{[$interface_address]}{$sender_helo_name}}
                message       = $interface_address is _my_ address
          accept

        """
    }
}
