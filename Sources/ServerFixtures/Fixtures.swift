/// Realistic server trees. Names use the documentation ranges (RFC 2606 domains, RFC 5737 and
/// RFC 3849 addresses) so nothing here points at a real host.
public enum Fixtures {
    /// The common base of a cPanel server: hostname files, IPs, lists, one account.
    static func cpanelBase(hostname: String, mainIP: String = "192.0.2.10") -> ServerTree {
        var t = ServerTree()
        t.directory("/usr/local/cpanel/bin")
        t.file("/etc/hostname", "\(hostname)\n")
        t.file("/etc/wwwacct.conf", "ADDR \(mainIP)\nCONTACTEMAIL admin@example.net\nHOST \(hostname)\nNS ns1.example.net\n")
        t.file("/var/cpanel/mainip", mainIP)
        t.file("/etc/ips", "192.0.2.11:255.255.255.0:192.0.2.255\n")
        t.file("/etc/exim.conf.localopts", "acl_requirehelonoforge=1\nacl_requirehelonold=0\n")
        t.file("/etc/mailips", "")
        t.file("/etc/alwaysrelay", "")
        t.file("/etc/skipsmtpcheckhosts", "")
        t.file("/etc/trustedmailhosts", "")
        t.file("/etc/remotedomains", "")
        t.file("/etc/secondarymx", "")
        return t
    }

    /// Adds an account owning `domains` (userdomains, trueuserdomains, users file, valiases, zone).
    static func addAccount(_ t: inout ServerTree, user: String, domains: [String]) -> (userdomains: String, zones: String) {
        var users = "USER=\(user)\nPLAN=default\n"
        for (i, d) in domains.enumerated() {
            users += i == 0 ? "DNS=\(d)\n" : "DNS\(i)=\(d)\n"
            t.file("/etc/valiases/\(d)", "*: \(user)\n", mode: 0o640)
            t.file("/var/named/\(d).db", zone(d))
        }
        t.file("/var/cpanel/users/\(user)", users)
        return (domains.map { "\($0): \(user)\n" }.joined(), domains.map { "zone \"\($0)\" {\n\ttype master;\n\tfile \"/var/named/\($0).db\";\n};\n" }.joined())
    }

    static func zone(_ d: String) -> String {
        "$TTL 14400\n\(d).\t86400\tIN\tSOA\tns1.example.net.\thostmaster.\(d).\t( 2024050101 3600 1800 1209600 86400 )\n\(d).\tIN\tMX\t0\t\(d).\n\(d).\tIN\tTXT\t\"v=spf1 +a +mx ~all\"\n"
    }

    /// A cPanel server after a migration: `shop.example.com` moved to a new server, but its
    /// localdomains line, mailhelo line, valiases file and zone stayed here. The new server (203.0.113.10)
    /// greets as shop.example.com and is rejected. A web VPS cloned from this box still calls itself
    /// by our hostname (198.51.100.7); its IP was put in skipsmtpcheckhosts, which does not help.
    /// This is also the demo server.
    public static var migratedCPanel: ServerTree {
        let host = "server1.hostco.example"
        var t = cpanelBase(hostname: host)
        let alice = addAccount(&t, user: "alice", domains: ["alice.example.org", "blog.alice.example.org"])
        let bob = addAccount(&t, user: "bob", domains: ["bob.example.net"])
        t.file("/etc/localdomains", "\(host)\nalice.example.org\nblog.alice.example.org\nbob.example.net\nshop.example.com\n", mode: 0o640)
        t.file("/etc/userdomains", alice.userdomains + bob.userdomains + "*: nobody\n", mode: 0o640)
        t.file("/etc/trueuserdomains", "alice.example.org: alice\nbob.example.net: bob\n", mode: 0o640)
        t.file("/etc/domainusers", "alice: alice.example.org\nbob: bob.example.net\n", mode: 0o640)
        t.file("/etc/mailhelo", "shop.example.com: shop.example.com\n*: \(host)\n", mode: 0o640)
        t.file("/etc/exim.conf.localopts", "acl_requirehelonoforge=1\nacl_requirehelonold=1\n")
        t.file("/etc/valiases/shop.example.com", "*: :fail: No Such User Here\ninfo@shop.example.com: orders@shop.example.com\n", mode: 0o640)
        t.file("/var/named/shop.example.com.db", zone("shop.example.com"))
        t.file("/etc/named.conf", "options {\n\tdirectory \"/var/named\";\n};\n" + alice.zones + bob.zones
               + "zone \"shop.example.com\" {\n\ttype master;\n\tfile \"/var/named/shop.example.com.db\";\n};\n")
        t.file("/etc/skipsmtpcheckhosts", "198.51.100.7\n")
        t.file("/etc/alwaysrelay", "")
        t.file("/var/log/exim_mainlog", MailLogs.migratedCPanel(hostname: host), mode: 0o640)
        return t
    }

    /// The bundled demo server.
    public static var demo: ServerTree { migratedCPanel }

    /// A cPanel server whose hostname is a domain it hosts (web and mail share a name).
    public static var hostnameCollision: ServerTree {
        let host = "example.com"
        var t = cpanelBase(hostname: host)
        let carol = addAccount(&t, user: "carol", domains: ["example.com", "example.org"])
        t.file("/etc/localdomains", "example.com\nexample.org\n", mode: 0o640)
        t.file("/etc/userdomains", carol.userdomains + "*: nobody\n", mode: 0o640)
        t.file("/etc/mailhelo", "*: example.com\n", mode: 0o640)
        t.file("/var/cpanel/custom_mailhelo", "")
        t.file("/etc/named.conf", carol.zones)
        t.file("/var/log/exim_mainlog", MailLogs.hostnameCollision(hostname: host), mode: 0o640)
        return t
    }

    /// A cPanel server with nothing wrong: unique hostname, every local domain owned, no stale traces.
    public static var clean: ServerTree {
        let host = "mail.hostco.example"
        var t = cpanelBase(hostname: host)
        let dave = addAccount(&t, user: "dave", domains: ["dave.example.org"])
        t.file("/etc/localdomains", "\(host)\ndave.example.org\n", mode: 0o640)
        t.file("/etc/userdomains", dave.userdomains + "*: nobody\n", mode: 0o640)
        t.file("/etc/mailhelo", "", mode: 0o640)
        t.file("/etc/named.conf", dave.zones)
        t.file("/var/log/exim_mainlog", MailLogs.quiet(), mode: 0o640)
        return t
    }
}
