extension Fixtures {
    /// A DirectAdmin server with SpamBlocker 4.5's helo ACL (whitelist accept present): the web
    /// server 203.0.113.30 greets as the hosted domain shop.example.net and is refused at HELO.
    public static var directAdmin: ServerTree {
        let host = "da1.hostco.example"
        var t = ServerTree()
        t.directory("/usr/local/directadmin/scripts")
        t.file("/etc/hostname", "\(host)\n")
        t.file("/usr/local/directadmin/conf/directadmin.conf", "ethernet_dev=eth0\nservername=\(host)\nport=2222\n")
        t.file("/usr/local/directadmin/data/admin/ip.list", "192.0.2.50\n2001:db8::50\n")
        t.file("/etc/virtual/domains", "\(host)\nshop.example.net\nerin.example.org\n")
        t.file("/etc/virtual/domainowners", "shop.example.net: erin\nerin.example.org: erin\n")
        t.file("/etc/virtual/helo_data", "192.0.2.50: \(host)\n\"2001:db8::50\": \(host)\n")
        t.file("/etc/virtual/domainips", "shop.example.net: 192.0.2.50\n*: 192.0.2.50\n")
        t.file("/etc/virtual/whitelist_hosts_ip", "192.0.2.77\n", mode: 0o600)
        t.file("/etc/virtual/whitelist_hosts", "")
        t.file("/etc/virtual/pophosts", "")
        t.directory("/etc/virtual/shop.example.net")
        t.file("/etc/virtual/shop.example.net/aliases", "erin: erin\n")
        t.file("/var/named/shop.example.net.db", zone("shop.example.net"))
        t.file("/etc/exim.conf", directAdminEximConf)
        t.file("/var/log/exim/mainlog", [
            "2026-11-25 10:00:01 H=(shop.example.net) [203.0.113.30] rejected EHLO or HELO shop.example.net: Bad HELO - Host impersonating domain name [shop.example.net]",
            "2026-11-25 10:05:01 H=(shop.example.net) [203.0.113.30] rejected EHLO or HELO shop.example.net: Bad HELO - Host impersonating domain name [shop.example.net]",
        ].joined(separator: "\n") + "\n")
        return t
    }

    /// The parts of DirectAdmin CustomBuild's SpamBlocker 4.5 exim.conf that matter here.
    static let directAdminEximConf = """
        primary_hostname = da1.hostco.example
        domainlist local_domains = lsearch;/etc/virtual/domains
        hostlist whitelist_hosts_ip = /etc/virtual/whitelist_hosts_ip
        hostlist relay_hosts = net-iplsearch;/etc/virtual/pophosts
        acl_smtp_helo = acl_check_helo
        begin acl
        acl_check_helo:
          .include_if_exists /etc/exim.acl_check_helo.pre.conf
          accept hosts = +whitelist_hosts_ip
          accept hosts = +relay_hosts : 127.0.0.1 : ::1
          drop message = HELO_HOST_IMPERSANATION
               condition = ${if eq{$sender_helo_name}{$smtp_active_hostname}{yes}{no}}
          drop message = HELO_IS_LOCAL_DOMAIN
               condition = ${if match_domain{$sender_helo_name}{+local_domains}{yes}{no}}
               !hosts = +relay_hosts
          accept

        """
}
