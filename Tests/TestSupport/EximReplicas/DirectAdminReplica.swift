/// DirectAdmin's SpamBlocker exim.conf, the parts that decide a greeting. Sources:
/// 4.4.2 `portsbuild/portsbuild` `configure/exim/exim.conf` and `exim.strings.conf`;
/// 4.5.43 `ducbo/da-new` `custombuild/configure/exim/exim.conf`, `exim.strings.conf`,
/// `exim.variables.conf.default`; 4.5.57 `iSundram/Admini` `custombuild/configure/exim/exim.conf`.
/// The HELO checks run in `acl_check_helo` (`acl_smtp_helo`); the messages are macros from
/// exim.strings.conf, which exim.strings.conf.custom may override.
enum DirectAdminReplica {
    static func files(_ c: EximReplica, root r: String) -> [(String, String)] {
        var files = [("/etc/exim.conf", config(c, root: r)), ("/etc/exim.strings.conf", strings)]
        if c.platform != .directAdmin442 {
            // exim.variables.conf.default, merged with exim.variables.conf.custom by CustomBuild.
            files.append(("/etc/exim.variables.conf", "hostlist relay_hosts=\(c.relayHosts)\n"))
        } else {
            files.append(("/etc/exim.variables.conf", "# SpamBlocker 4.4.x defines relay_hosts in exim.conf\n"))
        }
        return files
    }

    /// exim.strings.conf, the HELO lines (identical in 4.4.2 and 4.5.43).
    static let strings = """
        HELO_HOST_IMPERSANATION=Bad HELO - Host impersonating hostname [$sender_helo_name]
        HELO_IS_IP=HELO is an IP address (See RFC2821 4.1.3)
        HELO_BLOCKED_FOR_ABUSE=Bad HELO - Blocked due to abuse
        HELO_IS_LOCAL_DOMAIN=Bad HELO - Host impersonating domain name [$sender_helo_name]
        AUTH_REQUIRED=Authentication required

        """

    static func config(_ c: EximReplica, root r: String) -> String {
        let version = c.platform.rawValue.replacingOccurrences(of: "directadmin-", with: "")
        return """
            # Replica of DirectAdmin SpamBlocker \(version)'s HELO checks (see DirectAdminReplica.swift for the sources); a test fixture.
            primary_hostname = \(c.hostname)
            local_interfaces = <; \(EximReplica.localIP) ; 127.0.0.1 ; ::1
            smtp_active_hostname = ${if exists{\(r)/etc/virtual/helo_data}{${lookup{$interface_address}iplsearch{\(r)/etc/virtual/helo_data}{$value}{$primary_hostname}}}{$primary_hostname}}
            .include \(r)/etc/exim.variables.conf
            .include \(r)/etc/exim.strings.conf
            .include_if_exists \(r)/etc/exim.strings.conf.custom
            helo_allow_chars = _
            \(c.platform == .directAdmin4557 ? "host_lookup = *" : "")
            acl_smtp_helo = acl_check_helo
            acl_smtp_mail = \(mailACL(c.platform))
            domainlist local_domains = lsearch;\(r)/etc/virtual/domains
            hostlist whitelist_hosts = nwildlsearch;\(r)/etc/virtual/whitelist_hosts
            hostlist whitelist_hosts_ip = \(r)/etc/virtual/whitelist_hosts_ip
            \(c.platform == .directAdmin442 ? "hostlist relay_hosts = net-lsearch;\(r)/etc/virtual/pophosts" : "")
            \(c.platform == .directAdmin4557 ? authenticator : "")
            begin acl

            acl_check_mail:
            \(c.platform == .directAdmin4557 ? submissionNeedsAuth : "")
              accept

            acl_check_helo:
            \(heloACL(c.platform, root: r))

            """
    }

    private static func mailACL(_ p: EximReplica.Platform) -> String {
        switch p {
        case .directAdmin442: "${if ={$interface_port}{587} {accept}{acl_check_mail}}"
        case .directAdmin4543: "${if ={$interface_port}{587} {accept} {${if ={$interface_port}{10025} {acl_smtp_mail_proxy}{acl_check_mail}}}}"
        default: "acl_check_mail"
        }
    }

    /// 4.5.57 requires SMTP AUTH on the submission ports before MAIL FROM.
    private static let submissionNeedsAuth = """
          deny    !authenticated = *
                  condition = ${if inlist {$interface_port}{465 : 587}}
                  message = AUTH_REQUIRED
          accept  authenticated = *
        """

    /// Not DirectAdmin's (its authenticators check real mailboxes): a test login so a session can
    /// authenticate, `AUTH PLAIN` with user `sender` and password `secret`.
    private static let authenticator = """
        auth_advertise_hosts = *
        begin authenticators
        plain:
          driver = plaintext
          public_name = PLAIN
          server_prompts = :
          server_condition = ${if and {{eq{$auth2}{sender}}{eq{$auth3}{secret}}}}
          server_set_id = $auth2
        """

    private static func heloACL(_ p: EximReplica.Platform, root r: String) -> String {
        let denies = """
              deny message = HELO_HOST_IMPERSANATION
                condition = ${if or { \\
                                      {eq{$sender_helo_name}{$smtp_active_hostname}} \\
                                      {eq{$sender_helo_name}{[$interface_address]}} \\
                                    } {true}{false} }
              deny message = HELO_IS_IP
                   \(p == .directAdmin4557 ? "" : "condition   = ${if eq{$interface_port}{25}}")
                   condition   = ${if isip{$sender_helo_name}}
              deny message = HELO_BLOCKED_FOR_ABUSE
                   condition   = ${if eq{$sender_helo_name}{ylmf-pc}}
              deny message = HELO_IS_LOCAL_DOMAIN
                  condition = ${if match_domain{$sender_helo_name}{+local_domains}{true}{false}}
                  hosts = ! +relay_hosts
            """
        switch p {
        case .directAdmin442:
            // 4.4.x: no pre.conf hook and no whitelist accept.
            return """
                  accept  hosts = @[] : @
                \(denies)
                  accept
                """
        default:
            return """
                  .include_if_exists \(r)/etc/exim.acl_check_helo.pre.conf
                \(p == .directAdmin4557 ? "  accept  condition = ${if inlist {$interface_port}{465 : 587}}" : "")
                  accept  hosts = +whitelist_hosts_ip
                  accept  hosts = <;; @[]; 127.0.0.0/8 ; ::1 ; @
                \(denies)
                  .include_if_exists \(r)/etc/exim.acl_check_helo.post.conf
                  accept
                """
        }
    }
}
